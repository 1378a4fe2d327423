/* Loudness measurement (ITU-R BS.1770, EBU R128) with libebur128. */
#include <math.h>

#include <ebur128.h>

#include "audio_internal.h"

/* Frames handed to libebur128 per call. */
#define MEASURE_BLOCK 65536

int bci_loudness_float(const float *frames, size_t count, unsigned rate, double *lufs)
{
    if ((!frames && count) || !rate || !lufs)
        return BC_EINVAL;
    ebur128_state *st = ebur128_init(1, rate, EBUR128_MODE_I);
    if (!st)
        return BC_ENOMEM;
    int rc = 0;
    for (size_t at = 0; at < count; at += MEASURE_BLOCK) {
        size_t n = count - at < MEASURE_BLOCK ? count - at : MEASURE_BLOCK;
        if (ebur128_add_frames_float(st, frames + at, n) != EBUR128_SUCCESS) {
            rc = BC_ENOMEM;
            break;
        }
    }
    if (!rc && ebur128_loudness_global(st, lufs) != EBUR128_SUCCESS)
        rc = BC_ENOMEM;
    ebur128_destroy(&st);
    return rc;
}
