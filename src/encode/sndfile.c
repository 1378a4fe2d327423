/* MP3 (LAME), WAV (16-bit PCM) and FLAC through libsndfile, writing to the
 * stream of the encoder's atomic file through libsndfile's virtual I/O
 * (WAV and FLAC seek back to finish their headers; MP3 its LAME tag with
 * the encoder delay and padding that make it gapless). */
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>

#include <sndfile.h>

#include "encode_internal.h"

typedef struct sndfile_state {
    SNDFILE *file;
    bci_atomic_file *out;
} sndfile_state;

static sf_count_t stream_length(void *user_data)
{
    FILE *f = ((bci_atomic_file *)user_data)->stream;
    off_t here = ftello(f);
    if (here < 0 || fseeko(f, 0, SEEK_END) != 0)
        return -1;
    off_t end = ftello(f);
    if (fseeko(f, here, SEEK_SET) != 0)
        return -1;
    return (sf_count_t)end;
}

static sf_count_t stream_seek(sf_count_t offset, int whence, void *user_data)
{
    FILE *f = ((bci_atomic_file *)user_data)->stream;
    if (fseeko(f, (off_t)offset, whence) != 0)
        return -1;
    return (sf_count_t)ftello(f);
}

static sf_count_t stream_read(void *ptr, sf_count_t count, void *user_data)
{
    return (sf_count_t)fread(ptr, 1, (size_t)count, ((bci_atomic_file *)user_data)->stream);
}

static sf_count_t stream_write(const void *ptr, sf_count_t count, void *user_data)
{
    return (sf_count_t)bci_atomic_write(user_data, ptr, (size_t)count);
}

static sf_count_t stream_tell(void *user_data)
{
    return (sf_count_t)ftello(((bci_atomic_file *)user_data)->stream);
}

static SF_VIRTUAL_IO stream_io = {stream_length, stream_seek, stream_read, stream_write,
                                  stream_tell};

static int set_tag(SNDFILE *file, int kind, const char *value)
{
    if (!value || !*value)
        return 0;
    return sf_set_string(file, kind, value) == 0 ? 0 : BC_EENCODE;
}

static int start(void **state, bci_atomic_file *out, const bc_encoder_settings *s, int format)
{
    sndfile_state *st = calloc(1, sizeof *st);
    if (!st)
        return BC_ENOMEM;
    st->out = out;
    SF_INFO info = {.samplerate = (int)s->sample_rate, .channels = 1, .format = format};
    if (!sf_format_check(&info) || !(st->file = sf_open_virtual(&stream_io, SFM_WRITE, &info,
                                                                out))) {
        bci_log(&s->logger, BC_LOG_ERROR, "libsndfile: %s", sf_strerror(NULL));
        free(st);
        return BC_EENCODE;
    }
    int rc = 0;
    if ((format & SF_FORMAT_TYPEMASK) == SF_FORMAT_MPEG) {
        int mode = SF_BITRATE_MODE_CONSTANT;
        sf_command(st->file, SFC_SET_BITRATE_MODE, &mode, sizeof mode);
        /* libsndfile maps a compression level in [0, 1] onto layer III's
         * bitrates from 320 down to 32 kbit/s, about linearly. */
        double level = (320000.0 - s->bitrate) / 288000.0;
        level = level < 0 ? 0 : level > 1 ? 1 : level;
        if (sf_command(st->file, SFC_SET_COMPRESSION_LEVEL, &level, sizeof level) != SF_TRUE)
            rc = BC_EENCODE;
    }
    /* the strings go into the ID3 tag (MP3), LIST INFO chunk (WAV) or
     * Vorbis comments (FLAC) */
    if (rc || (rc = set_tag(st->file, SF_STR_TITLE, s->tags.title)) ||
        (rc = set_tag(st->file, SF_STR_ARTIST, s->tags.artist)) ||
        (rc = set_tag(st->file, SF_STR_ALBUM, s->tags.album)) ||
        (rc = set_tag(st->file, SF_STR_DATE, s->tags.date)) ||
        (rc = set_tag(st->file, SF_STR_COMMENT, s->tags.description)) ||
        (rc = set_tag(st->file, SF_STR_SOFTWARE, "briefcast"))) {
        bci_log(&s->logger, BC_LOG_ERROR, "libsndfile: %s", sf_strerror(st->file));
        sf_close(st->file);
        free(st);
        return rc;
    }
    *state = st;
    return 0;
}

static int mp3_start(void **state, bci_atomic_file *out, const bc_encoder_settings *s)
{
    return start(state, out, s, SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III);
}

static int wav_start(void **state, bci_atomic_file *out, const bc_encoder_settings *s)
{
    return start(state, out, s, SF_FORMAT_WAV | SF_FORMAT_PCM_16);
}

static int flac_start(void **state, bci_atomic_file *out, const bc_encoder_settings *s)
{
    return start(state, out, s, SF_FORMAT_FLAC | SF_FORMAT_PCM_16);
}

static int sndfile_write(void *state, const float *pcm, size_t frames)
{
    sndfile_state *st = state;
    if (sf_writef_float(st->file, pcm, (sf_count_t)frames) != (sf_count_t)frames)
        return st->out->error || ferror(st->out->stream) ? BC_EIO : BC_EENCODE;
    return 0;
}

static int sndfile_finish(void *state)
{
    sndfile_state *st = state;
    int failed = sf_close(st->file);
    st->file = NULL;
    if (failed)
        return st->out->error || ferror(st->out->stream) ? BC_EIO : BC_EENCODE;
    return 0;
}

static void sndfile_stop(void *state)
{
    sndfile_state *st = state;
    if (!st)
        return;
    if (st->file)
        sf_close(st->file);
    free(st);
}

const bci_codec_ops bci_mp3_codec = {
    .name = "MP3",
    .start = mp3_start,
    .write = sndfile_write,
    .finish = sndfile_finish,
    .stop = sndfile_stop,
};

const bci_codec_ops bci_wav_codec = {
    .name = "WAV",
    .start = wav_start,
    .write = sndfile_write,
    .finish = sndfile_finish,
    .stop = sndfile_stop,
};

const bci_codec_ops bci_flac_codec = {
    .name = "FLAC",
    .start = flac_start,
    .write = sndfile_write,
    .finish = sndfile_finish,
    .stop = sndfile_stop,
};
