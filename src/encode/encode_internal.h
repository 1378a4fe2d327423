/* Codec back ends of the encoder. Each writes to the stream of an atomic
 * file that encoder.c owns. */
#ifndef BRIEFCAST_ENCODE_INTERNAL_H
#define BRIEFCAST_ENCODE_INTERNAL_H

#include "briefcast/encode.h"
#include "common/internal.h"

typedef struct bci_codec_ops {
    const char *name;
    /* Creates the codec state writing to `stream`; returns 0 or an error. */
    int (*start)(void **state, FILE *stream, const bc_encoder_settings *s);
    /* Encodes `frames` samples; returns 0 or an error. */
    int (*write)(void *state, const float *pcm, size_t frames);
    /* Flushes everything to the stream; returns 0 or an error. */
    int (*finish)(void *state);
    /* Frees the state (finished or not); accepts NULL. */
    void (*stop)(void *state);
} bci_codec_ops;

extern const bci_codec_ops bci_opus_codec;

#endif
