/* Sample-rate conversion with libsoxr. */
#include <stdlib.h>

#include <soxr.h>

#include "audio_internal.h"

struct bci_resampler {
    soxr_t soxr;
    unsigned in_rate;
    unsigned out_rate;
    float *pass;  /* same-rate conversion: a plain copy */
};

int bci_resampler_open(bci_resampler **out, unsigned in_rate, unsigned out_rate)
{
    if (!out || !in_rate || !out_rate)
        return BC_EINVAL;
    bci_resampler *r = calloc(1, sizeof *r);
    if (!r)
        return BC_ENOMEM;
    r->in_rate = in_rate;
    r->out_rate = out_rate;
    if (in_rate != out_rate) {
        soxr_error_t error = NULL;
        soxr_io_spec_t io = soxr_io_spec(SOXR_INT16_I, SOXR_FLOAT32_I);
        /* HQ: 20-bit precision, far beyond what speech at 32 kbit/s needs. */
        soxr_quality_spec_t quality = soxr_quality_spec(SOXR_HQ, 0);
        soxr_runtime_spec_t runtime = soxr_runtime_spec(1);
        r->soxr = soxr_create(in_rate, out_rate, 1, &error, &io, &quality, &runtime);
        if (error || !r->soxr) {
            free(r);
            return BC_ENOMEM;
        }
    }
    *out = r;
    return 0;
}

int bci_resampler_process(bci_resampler *r, const int16_t *in, size_t in_frames, size_t *in_used,
                          float *out, size_t out_capacity, size_t *out_made)
{
    if (!r || !out || !in_used || !out_made)
        return BC_EINVAL;
    if (!r->soxr) {
        size_t n = in_frames < out_capacity ? in_frames : out_capacity;
        for (size_t i = 0; i < n; i++)
            out[i] = in[i] / 32768.0f;
        *in_used = n;
        *out_made = n;
        return 0;
    }
    size_t used = 0, made = 0;
    soxr_error_t error = soxr_process(r->soxr, in, in ? in_frames : 0, &used, out, out_capacity,
                                      &made);
    if (error)
        return BC_ENOMEM;
    *in_used = used;
    *out_made = made;
    return 0;
}

void bci_resampler_free(bci_resampler *r)
{
    if (!r)
        return;
    soxr_delete(r->soxr);
    free(r);
}
