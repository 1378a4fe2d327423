/* Codec back ends of the encoder, and the pieces of the parallel Ogg Opus
 * writer. Each back end writes to the stream of an atomic file that
 * encoder.c owns. */
#ifndef BRIEFCAST_ENCODE_INTERNAL_H
#define BRIEFCAST_ENCODE_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include <opus/opus.h>
#include <opus/opusenc.h>

#include "briefcast/encode.h"
#include "common/internal.h"

typedef struct bci_codec_ops {
    const char *name;
    /* Creates the codec state writing to `file` (through bci_atomic_write,
     * which keeps why a write failed); returns 0 or an error. */
    int (*start)(void **state, bci_atomic_file *file, const bc_encoder_settings *s);
    /* Encodes `frames` samples; returns 0 or an error. */
    int (*write)(void *state, const float *pcm, size_t frames);
    /* Flushes everything to the stream; returns 0 or an error. */
    int (*finish)(void *state);
    /* Frees the state (finished or not); accepts NULL. */
    void (*stop)(void *state);
} bci_codec_ops;

extern const bci_codec_ops bci_opus_codec;
extern const bci_codec_ops bci_mp3_codec;
extern const bci_codec_ops bci_wav_codec;
extern const bci_codec_ops bci_flac_codec;

/* Makes the Opus comments of `s` (tags, ENCODER, chapters, cover picture)
 * into `*out`; the caller destroys them. Errors: BC_ENOMEM, BC_EENCODE (a
 * cover that is not an image libopusenc knows). */
int bci_opus_comments(OggOpusComments **out, const bc_encoder_settings *s);

/* Opus streams run at 48 kHz, in 20 ms packets; the encoders take 48 kHz,
 * or 24 kHz for audio with nothing above 12 kHz (super-wideband, which
 * costs the encoder and the mastering less and loses nothing). */
#define BCI_OPUS_RATE 48000
#define BCI_OPUS_FRAME 960

/* The packets of one stretch, back to back in `data`, with their lengths. */
typedef struct bci_opus_packets {
    unsigned char *data;
    size_t size;
    size_t capacity;
    uint32_t *lengths;
    size_t count;
    size_t length_capacity;
} bci_opus_packets;

/* Frees the arrays of `p` and zeroes it; accepts NULL. */
void bci_opus_packets_clear(bci_opus_packets *p);

/* A fresh libopus encoder for one stretch (mono, at s->sample_rate, 48000
 * or 24000, the bitrate and complexity of `s`, tuned for voice). */
typedef struct bci_opus_chunk bci_opus_chunk;

/* Errors: BC_EINVAL (s->sample_rate is not 48000 or 24000), BC_ENOMEM,
 * BC_EENCODE. */
int bci_opus_chunk_open(bci_opus_chunk **out, const bc_encoder_settings *s);

/* Encodes `frames` frames, a packet for every 20 ms filled. Errors:
 * BC_EINVAL, BC_ENOMEM, BC_EENCODE. */
int bci_opus_chunk_write(bci_opus_chunk *c, const float *pcm, size_t frames);

/* Pads the last packet with silence (when `last`, also the encoder's
 * look-ahead) and hands every packet to `*out`, which the caller clears.
 * Errors: as bci_opus_chunk_write(). */
int bci_opus_chunk_finish(bci_opus_chunk *c, bool last, bci_opus_packets *out);

/* Decodes the packets of a stretch (skipping the first `pre_skip` frames)
 * and measures their true peak, in dBTP, into `*dbtp`; exact for peaks
 * over `floor` (linear), at most `floor` below it. Errors: BC_EINVAL,
 * BC_ENOMEM, BC_EENCODE (a packet does not decode). */
int bci_opus_packets_peak(const bci_opus_packets *p, int pre_skip, float floor, double *dbtp);

/* Makes `*out` (empty, count 0) `count` copies of the single packet of
 * `one`. Errors: BC_EINVAL (`one` is not one packet, or `out` is not
 * empty), BC_ENOMEM. */
int bci_opus_packets_repeat(bci_opus_packets *out, const bci_opus_packets *one, size_t count);

/* The packet a fresh encoder with the settings of `s` settles on for
 * digital silence, as one packet in `*out` (cleared by the caller): a
 * stream may repeat it for any number of silent frames between stretches
 * (each stretch starts and ends in silence), which decodes to silence and
 * costs no encoding. Errors: as bci_opus_chunk_open(), BC_ENOMEM. */
int bci_opus_silence(const bc_encoder_settings *s, bci_opus_packets *out);

/* The encoder's look-ahead in 48 kHz frames (at any coding rate): the
 * stream's pre-skip. */
int bci_opus_chunk_lookahead(const bci_opus_chunk *c);

void bci_opus_chunk_free(bci_opus_chunk *c);

/* An Ogg Opus file written from packets, through an atomic file. */
typedef struct bci_ogg_opus bci_ogg_opus;

/* Creates the file's temporary and writes the headers (tags, chapters and
 * cover of `s`, whose sample_rate, the coding rate that chapters count in,
 * must be 48000 or 24000). Errors: BC_EINVAL, BC_ENOMEM, BC_EIO (errno is
 * kept), BC_EENCODE. */
int bci_ogg_opus_open(bci_ogg_opus **out, const char *path, const bc_encoder_settings *s);

/* The pre-skip written in OpusHead. */
int bci_ogg_opus_pre_skip(const bci_ogg_opus *w);

/* Appends the packets of the next stretch; with `last`, the stream ends
 * after them at `total_frames` frames of audio. After an error every later
 * call returns it. Errors: BC_EINVAL, BC_ENOMEM, BC_EIO. */
int bci_ogg_opus_add(bci_ogg_opus *w, const bci_opus_packets *p, bool last,
                     uint64_t total_frames);

/* Moves the finished file into place. Errors: BC_EIO. */
int bci_ogg_opus_finish(bci_ogg_opus *w);

/* Frees the writer; an unfinished file is removed. Accepts NULL. */
void bci_ogg_opus_free(bci_ogg_opus *w);

#endif
