/* Ogg Opus through libopusenc: mono, voice-tuned, with tags and chapters. */
#include <stdlib.h>
#include <string.h>

#include <opus/opusenc.h>

#include "config.h"
#include "encode_internal.h"

typedef struct opus_state {
    OggOpusEnc *encoder;
    bci_atomic_file *out;
    int write_failed;
} opus_state;

static int write_page(void *user_data, const unsigned char *data, opus_int32 length)
{
    opus_state *st = user_data;
    if (bci_atomic_write(st->out, data, (size_t)length) != (size_t)length) {
        st->write_failed = 1;
        return 1;
    }
    return 0;
}

static int close_stream(void *user_data)
{
    (void)user_data; /* encoder.c closes the file when it commits */
    return 0;
}

static int add_tag(OggOpusComments *comments, const char *key, const char *value)
{
    if (!value || !*value)
        return 0;
    return ope_comments_add(comments, key, value) == OPE_OK ? 0 : BC_ENOMEM;
}

/* Chapters as Vorbis comments, the form ffmpeg and most players read:
 * CHAPTER001=00:00:00.000 and CHAPTER001NAME=Title. */
static int add_chapters(OggOpusComments *comments, const bc_encoder_settings *s)
{
    for (size_t i = 0; i < s->chapter_count && i < 999; i++) {
        unsigned long long ms =
            (unsigned long long)s->chapters[i].sample * 1000ULL / s->sample_rate;
        char key[32], value[32];
        snprintf(key, sizeof key, "CHAPTER%03zu", i + 1);
        snprintf(value, sizeof value, "%02llu:%02llu:%02llu.%03llu", ms / 3600000,
                 ms / 60000 % 60, ms / 1000 % 60, ms % 1000);
        int rc = add_tag(comments, key, value);
        snprintf(key, sizeof key, "CHAPTER%03zuNAME", i + 1);
        if (rc || (rc = add_tag(comments, key, s->chapters[i].title)))
            return rc;
    }
    return 0;
}

int bci_opus_comments(OggOpusComments **out, const bc_encoder_settings *s)
{
    OggOpusComments *comments = ope_comments_create();
    if (!comments)
        return BC_ENOMEM;
    int rc;
    if ((rc = add_tag(comments, "TITLE", s->tags.title)) ||
        (rc = add_tag(comments, "ARTIST", s->tags.artist)) ||
        (rc = add_tag(comments, "ALBUM", s->tags.album)) ||
        (rc = add_tag(comments, "DATE", s->tags.date)) ||
        (rc = add_tag(comments, "DESCRIPTION", s->tags.description)) ||
        (rc = add_tag(comments, "ENCODER", "briefcast " BC_VERSION)) ||
        (rc = add_chapters(comments, s)))
        goto fail;
    /* -1: the default picture type, 3 (front cover); libopusenc reads the
     * image's type and size from its header */
    if (s->cover && ope_comments_add_picture_from_memory(comments, s->cover, s->cover_size, -1,
                                                         NULL) != OPE_OK) {
        bci_log(&s->logger, BC_LOG_ERROR, "the cover is not a PNG, JPEG or GIF image");
        rc = BC_EENCODE;
        goto fail;
    }
    *out = comments;
    return 0;

fail:
    ope_comments_destroy(comments);
    return rc;
}

static int opus_start(void **state, bci_atomic_file *out, const bc_encoder_settings *s)
{
    opus_state *st = calloc(1, sizeof *st);
    OggOpusComments *comments = NULL;
    int rc = BC_ENOMEM;
    if (!st || (rc = bci_opus_comments(&comments, s)))
        goto fail;
    st->out = out;
    OpusEncCallbacks callbacks = {write_page, close_stream};
    int error = OPE_OK;
    st->encoder = ope_encoder_create_callbacks(&callbacks, st, comments, (opus_int32)s->sample_rate,
                                               1, 0, &error);
    rc = BC_EENCODE;
    if (!st->encoder)
        goto fail;
    if (ope_encoder_ctl(st->encoder, OPE_SET_SERIALNO((opus_int32)s->serial)) != OPE_OK ||
        ope_encoder_ctl(st->encoder, OPUS_SET_BITRATE(s->bitrate)) != OPE_OK ||
        ope_encoder_ctl(st->encoder, OPUS_SET_COMPLEXITY(s->complexity)) != OPE_OK ||
        ope_encoder_ctl(st->encoder, OPUS_SET_SIGNAL(OPUS_SIGNAL_VOICE)) != OPE_OK)
        goto fail;
    ope_comments_destroy(comments); /* the encoder keeps its own copy */
    *state = st;
    return 0;

fail:
    if (st && st->encoder)
        ope_encoder_destroy(st->encoder);
    if (comments)
        ope_comments_destroy(comments);
    free(st);
    return rc;
}

static int opus_write(void *state, const float *pcm, size_t frames)
{
    opus_state *st = state;
    /* libopusenc takes an int count: feed it in bounded pieces. */
    while (frames) {
        int piece = frames > 1u << 20 ? 1 << 20 : (int)frames;
        if (ope_encoder_write_float(st->encoder, pcm, piece) != OPE_OK)
            return st->write_failed ? BC_EIO : BC_EENCODE;
        pcm += piece;
        frames -= (size_t)piece;
    }
    return st->write_failed ? BC_EIO : 0;
}

static int opus_finish(void *state)
{
    opus_state *st = state;
    if (ope_encoder_drain(st->encoder) != OPE_OK)
        return st->write_failed ? BC_EIO : BC_EENCODE;
    return st->write_failed ? BC_EIO : 0;
}

static void opus_stop(void *state)
{
    opus_state *st = state;
    if (!st)
        return;
    ope_encoder_destroy(st->encoder);
    free(st);
}

const bci_codec_ops bci_opus_codec = {
    .name = "Opus",
    .start = opus_start,
    .write = opus_write,
    .finish = opus_finish,
    .stop = opus_stop,
};
