/* briefcast — encode: writes audio files: Ogg Opus (libopusenc), MP3 (LAME
 * through libsndfile), WAV (16-bit PCM) and FLAC (libsndfile).
 * Every file is written to a temporary file beside the target and renamed
 * over it only when complete, so a failed run never leaves a partial file
 * and never changes the file that was there before. */
#ifndef BRIEFCAST_ENCODE_H
#define BRIEFCAST_ENCODE_H

#include <stddef.h>
#include <stdint.h>

#include "audio.h"
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct bc_encoder bc_encoder;

typedef enum bc_codec {
    BC_CODEC_OPUS = 0,
    BC_CODEC_MP3,
    BC_CODEC_WAV,  /* 16-bit PCM */
    BC_CODEC_FLAC, /* 16-bit */
} bc_codec;

/* Returns the codec's name ("Opus", "MP3", "WAV", "FLAC"), or NULL. */
BC_API const char *bc_codec_name(bc_codec codec);

/* Metadata written into the file; NULL fields are left out. */
typedef struct bc_tags {
    const char *title;
    const char *artist;
    const char *album;
    const char *date;
    const char *description;
} bc_tags;

typedef struct bc_encoder_settings {
    bc_codec codec;
    unsigned sample_rate;  /* rate of the samples given to bc_encoder_write() */
    int bitrate;           /* bits per second for Opus and MP3; 32000 by default
                              (MP3 rounds it to a bitrate layer III has) */
    int complexity;        /* Opus complexity 0..10; 10 by default */
    uint32_t serial;       /* Ogg stream serial number (derive it from the content) */
    bc_tags tags;
    const bc_chapter *chapters; /* chapter marks, in samples at `sample_rate` (Opus) */
    size_t chapter_count;
    const void *cover;     /* cover image, PNG or JPEG bytes (Opus); NULL: none */
    size_t cover_size;
    bc_logger logger;
} bc_encoder_settings;

/* Fills `s` with the defaults: Opus, 48 kHz input, 32 kbit/s, complexity 10. */
BC_API void bc_encoder_default_settings(bc_encoder_settings *s);

/* Opens an encoder that will write `path` (through a temporary file in the
 * same folder). Errors: BC_EINVAL, BC_ENOMEM, BC_EIO (the folder cannot be
 * written; errno is kept), BC_EENCODE (also: a cover that is not a PNG,
 * JPEG or GIF image). */
BC_API int bc_encoder_open(bc_encoder **out, const char *path, const bc_encoder_settings *s);

/* Encodes `frames` mono samples in [-1, 1]. After an error every later call
 * returns the same error. Errors: BC_EINVAL, BC_EIO, BC_EENCODE, BC_ENOMEM. */
BC_API int bc_encoder_write(bc_encoder *e, const float *pcm, size_t frames);

/* Flushes the encoder and moves the finished file into place. Errors as
 * bc_encoder_write(); on error the target is left as it was. */
BC_API int bc_encoder_finish(bc_encoder *e);

/* Frees the encoder; an unfinished file is deleted. Accepts NULL. */
BC_API void bc_encoder_free(bc_encoder *e);

#ifdef __cplusplus
}
#endif

#endif
