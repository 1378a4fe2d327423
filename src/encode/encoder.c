/* The encoder front: picks the codec, owns the atomic output file and
 * remembers the first error. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "encode_internal.h"

struct bc_encoder {
    const bci_codec_ops *ops;
    void *state;
    bci_atomic_file file;
    bc_logger logger;
    int error; /* the first error; every later call returns it */
    bool finished;
};

void bc_encoder_default_settings(bc_encoder_settings *s)
{
    if (!s)
        return;
    /* 32 kbit/s: transparent for mono speech with Opus; 10: best quality. */
    *s = (bc_encoder_settings){.codec = BC_CODEC_OPUS, .sample_rate = 48000, .bitrate = 32000,
                               .complexity = 10};
}

static const bci_codec_ops *codec_ops(bc_codec codec)
{
    switch (codec) {
    case BC_CODEC_OPUS: return &bci_opus_codec;
    case BC_CODEC_MP3: return &bci_mp3_codec;
    case BC_CODEC_WAV: return &bci_wav_codec;
    case BC_CODEC_FLAC: return &bci_flac_codec;
    }
    return NULL;
}

const char *bc_codec_name(bc_codec codec)
{
    const bci_codec_ops *ops = codec_ops(codec);
    return ops ? ops->name : NULL;
}

int bc_encoder_open(bc_encoder **out, const char *path, const bc_encoder_settings *s)
{
    if (!out || !path || !*path || !s || s->sample_rate == 0)
        return BC_EINVAL;
    const bci_codec_ops *ops = codec_ops(s->codec);
    if (!ops)
        return BC_EINVAL;
    bc_encoder *e = calloc(1, sizeof *e);
    if (!e)
        return BC_ENOMEM;
    e->ops = ops;
    e->logger = s->logger;
    int rc = bci_atomic_open(&e->file, path);
    if (rc) {
        if (rc == BC_EIO)
            bci_log(&s->logger, BC_LOG_ERROR, "cannot create %s: %s", path, strerror(errno));
        free(e);
        return rc;
    }
    rc = ops->start(&e->state, &e->file, s);
    if (rc) {
        bci_log(&s->logger, BC_LOG_ERROR, "%s: the %s encoder did not start", path, ops->name);
        bci_atomic_abort(&e->file);
        free(e);
        return rc;
    }
    *out = e;
    return 0;
}

int bc_encoder_write(bc_encoder *e, const float *pcm, size_t frames)
{
    if (!e || (!pcm && frames) || e->finished)
        return BC_EINVAL;
    if (e->error)
        return e->error;
    int rc = e->ops->write(e->state, pcm, frames);
    if (!rc && ferror(e->file.stream))
        rc = BC_EIO;
    if (rc == BC_EIO)
        bci_log(&e->logger, BC_LOG_ERROR, "cannot write %s: %s", e->file.path,
                bci_atomic_strerror(&e->file, EIO));
    if (rc)
        e->error = rc;
    return rc;
}

int bc_encoder_finish(bc_encoder *e)
{
    if (!e || e->finished)
        return BC_EINVAL;
    if (e->error)
        return e->error;
    int rc = e->ops->finish(e->state);
    if (!rc && ferror(e->file.stream))
        rc = BC_EIO;
    if (rc == BC_EIO)
        bci_log(&e->logger, BC_LOG_ERROR, "cannot write %s: %s", e->file.path,
                bci_atomic_strerror(&e->file, EIO));
    if (!rc) {
        char *path = bci_strdup(e->file.path);
        rc = bci_atomic_commit(&e->file);
        if (rc)
            bci_log(&e->logger, BC_LOG_ERROR, "cannot write %s: %s", path ? path : "output",
                    strerror(errno));
        free(path);
    }
    if (rc) {
        e->error = rc;
        return rc;
    }
    e->finished = true;
    return 0;
}

void bc_encoder_free(bc_encoder *e)
{
    if (!e)
        return;
    e->ops->stop(e->state);
    bci_atomic_abort(&e->file);
    free(e);
}
