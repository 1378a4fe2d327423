/* Audio helpers shared with the render and encode stages. */
#ifndef BRIEFCAST_AUDIO_INTERNAL_H
#define BRIEFCAST_AUDIO_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "briefcast/audio.h"
#include "common/internal.h"

/* A streaming sample-rate converter (libsoxr, high quality) from 16-bit
 * input to float output. */
typedef struct bci_resampler bci_resampler;

/* Creates a converter from `in_rate` to `out_rate` Hz. Errors: BC_EINVAL,
 * BC_ENOMEM. */
int bci_resampler_open(bci_resampler **out, unsigned in_rate, unsigned out_rate);

/* Converts `in_frames` samples (NULL and 0 at the end to drain what is
 * still buffered) into at most `out_capacity` output samples. `*in_used`
 * and `*out_made` receive the counts. Errors: BC_EINVAL, BC_ENOMEM. */
int bci_resampler_process(bci_resampler *r, const int16_t *in, size_t in_frames, size_t *in_used,
                          float *out, size_t out_capacity, size_t *out_made);

void bci_resampler_free(bci_resampler *r);

#endif
