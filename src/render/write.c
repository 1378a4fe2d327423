/* Writing a programme: mastered once per stretch and encoded to every
 * output. Opus stretches are encoded on worker threads (libopus encoders
 * are independent objects) and joined in order into one Ogg stream; MP3,
 * WAV and FLAC are sequential and run on the calling thread meanwhile.
 * Pauses are silent stretches: nothing to master or encode, one packet of
 * silence repeated for Opus, zeros for the others. */
#include <assert.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audio/audio_internal.h"
#include "briefcast/render.h"
#include "encode/encode_internal.h"

/* The most threads one write starts, whatever is asked (and the most
 * outputs one write takes). */
#define MAX_JOBS 64
/* The Opus guard: a stretch must decode at least 0.2 dB under the limit
 * (meters differ by about that much); each retry lowers the ceiling by the
 * excess and 0.3 dB more, at most 3 times. */
#define GUARD_MARGIN_DB 0.2
#define GUARD_STEP_DB 0.3
#define GUARD_TRIES 3

typedef struct slot {
    bci_opus_packets *packets; /* one per Opus output */
    int rc;
    bool done;
} slot;

typedef struct writer {
    const bc_programme *programme;
    unsigned rate;                 /* the mastered audio's, and the Opus encoders' */
    bci_master master;
    const bci_stretch *stretches;  /* the master's */
    size_t stretch_count;
    bc_encoder_settings *settings; /* per output */
    const bc_output *outputs;
    size_t output_count;
    bci_ogg_opus **opus;           /* per output, NULL unless Opus */
    bci_opus_packets *silence;     /* per Opus output: the packet of a silent frame */
    bc_encoder **others;           /* per output, NULL for Opus */
    size_t opus_count;
    slot *slots;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    size_t next;                   /* the next stretch a thread takes */
    atomic_int stop;
    bc_chapter *chapters;
} writer;

/* Where one rendering of a stretch goes. */
typedef struct stretch_sink {
    writer *w;
    bci_opus_chunk **chunks;       /* per output, NULL when not encoding Opus here */
    bool others;                   /* also feed the sequential encoders */
} stretch_sink;

static int feed(void *user_data, const float *frames, size_t count)
{
    stretch_sink *s = user_data;
    int rc;
    for (size_t i = 0; i < s->w->output_count; i++) {
        if (s->chunks && s->chunks[i] && (rc = bci_opus_chunk_write(s->chunks[i], frames, count)))
            return rc;
        if (s->others && s->w->others[i] && (rc = bc_encoder_write(s->w->others[i], frames,
                                                                   count)))
            return rc;
    }
    return 0;
}

/* Masters stretch `k` with `m` and, when `packets` is given, encodes it to
 * Opus for every Opus output `i` with wanted[i] (NULL: all); with
 * `others`, also feeds the sequential encoders. */
static int encode_stretch(writer *w, const bci_master *m, size_t k, bci_opus_packets *packets,
                          const bool *wanted, bool others)
{
    bci_opus_chunk *chunks[MAX_JOBS] = {0};
    int rc = 0;
    for (size_t i = 0; packets && i < w->output_count && !rc; i++)
        if (w->opus[i] && (!wanted || wanted[i]))
            rc = bci_opus_chunk_open(&chunks[i], &w->settings[i]);
    stretch_sink sink = {w, packets ? chunks : NULL, others};
    if (!rc)
        rc = bci_master_render(m, w->stretches[k].from, w->stretches[k].to, feed, &sink);
    bool last = k + 1 == w->stretch_count;
    for (size_t i = 0; i < w->output_count; i++) {
        if (!chunks[i])
            continue;
        if (!rc) {
            bci_opus_packets_clear(&packets[i]);
            rc = bci_opus_chunk_finish(chunks[i], last, &packets[i]);
        }
        if (!rc && bci_opus_chunk_lookahead(chunks[i]) != bci_ogg_opus_pre_skip(w->opus[i]))
            rc = BC_EENCODE; /* libopus and libopusenc disagree on the pre-skip */
        bci_opus_chunk_free(chunks[i]);
    }
    return rc;
}

/* A silent stretch: its frames of silence for every output, nothing to
 * master or check. */
static int render_silence(writer *w, size_t k, bci_opus_packets *packets, bool others)
{
    const bci_stretch *s = &w->stretches[k];
    size_t frames = bci_master_out_position(&w->master, s->to) -
                    bci_master_out_position(&w->master, s->from);
    size_t frame = w->rate / 50; /* 20 ms: one packet */
    assert(frames % frame == 0);
    int rc = 0;
    for (size_t i = 0; packets && i < w->output_count && !rc; i++) {
        if (w->opus[i]) {
            bci_opus_packets_clear(&packets[i]);
            rc = bci_opus_packets_repeat(&packets[i], &w->silence[i], frames / frame);
        }
    }
    static const float zeros[BCI_OPUS_FRAME];
    stretch_sink sink = {w, NULL, true};
    for (size_t done = 0; others && done < frames && !rc; done += frame)
        rc = feed(&sink, zeros, frame);
    return rc;
}

/* Encodes stretch `k` (see encode_stretch(); a silent one, see
 * render_silence()), then checks the true peak of
 * each Opus stretch as decoded: lossy coding can raise peaks over the
 * limiter's ceiling, so a stretch that decodes above the limit is mastered
 * again with the ceiling lowered by the excess, up to GUARD_TRIES times.
 * This depends only on the stretch, never on the thread that runs it. */
/* Decodes the Opus stretches of the outputs in `checked` and writes into
 * `*lowest` how far the worst one is under `limit` (dB; 0 when none is
 * over); marks every output over it in `over`. */
static int check_peaks(const writer *w, const bci_opus_packets *packets, const bool *checked,
                       double limit, float floor, bool *over, double *lowest)
{
    *lowest = 0;
    for (size_t i = 0; i < w->output_count; i++) {
        over[i] = false;
        if (!checked[i])
            continue;
        double peak = 0;
        int rc = bci_opus_packets_peak(&packets[i], bci_ogg_opus_pre_skip(w->opus[i]), floor,
                                       &peak);
        if (rc)
            return rc;
        if (peak > limit) {
            over[i] = true;
            *lowest = fmin(*lowest, limit - peak);
        }
    }
    return 0;
}

static int render_stretch(writer *w, size_t k, bci_opus_packets *packets, bool others)
{
    if (w->stretches[k].silent)
        return render_silence(w, k, packets, others);
    int rc = encode_stretch(w, &w->master, k, packets, NULL, others);
    if (rc || !packets)
        return rc;
    double limit = w->master.true_peak - GUARD_MARGIN_DB;
    /* the meter is exact from 1 dB under the limit up: all the guard needs */
    float floor = (float)pow(10.0, (limit - 1.0) / 20.0);
    bool opus[MAX_JOBS] = {0}, retry[MAX_JOBS] = {0};
    for (size_t i = 0; i < w->output_count; i++)
        opus[i] = w->opus[i] != NULL;
    double lowest = 0;
    rc = check_peaks(w, packets, opus, limit, floor, retry, &lowest);
    bci_master lower = w->master;
    for (int attempt = 0; attempt < GUARD_TRIES && lowest < 0 && !rc; attempt++) {
        lower.limiter.ceiling_db += lowest - GUARD_STEP_DB;
        rc = encode_stretch(w, &lower, k, packets, retry, false);
        /* an output back under the limit keeps this encoding: it is not
         * encoded again */
        bool still[MAX_JOBS];
        if (!rc)
            rc = check_peaks(w, packets, retry, limit, floor, still, &lowest);
        memcpy(retry, still, sizeof retry);
    }
    return rc;
}

static int mux_stretch(writer *w, size_t k, bci_opus_packets *packets)
{
    int rc = 0;
    bool last = k + 1 == w->stretch_count;
    for (size_t i = 0; i < w->output_count; i++) {
        if (w->opus[i] && !rc)
            rc = bci_ogg_opus_add(w->opus[i], &packets[i], last,
                                  w->master.out_frames * (BCI_OPUS_RATE / w->rate));
        bci_opus_packets_clear(&packets[i]);
    }
    return rc;
}

static void *encode_thread(void *user_data)
{
    writer *w = user_data;
    for (;;) {
        pthread_mutex_lock(&w->lock);
        size_t turn = w->next++;
        pthread_mutex_unlock(&w->lock);
        if (turn >= w->stretch_count || atomic_load(&w->stop))
            break;
        /* the last stretch first: it holds the closing chime and is among
         * the longest, and taken last it would leave the other threads
         * idle while it is encoded */
        size_t k = turn == 0 ? w->stretch_count - 1 : turn - 1;
        int rc = render_stretch(w, k, w->slots[k].packets, false);
        pthread_mutex_lock(&w->lock);
        w->slots[k].rc = rc;
        w->slots[k].done = true;
        pthread_cond_broadcast(&w->changed);
        pthread_mutex_unlock(&w->lock);
        if (rc)
            atomic_store(&w->stop, 1);
    }
    return NULL;
}

/* Stretches in order on this thread: one rendering feeds every output. */
static int write_serial(writer *w, const bc_master_settings *m)
{
    for (size_t k = 0; k < w->stretch_count; k++) {
        if (bci_cancelled(&m->cancel))
            return BC_EINTR;
        int rc = render_stretch(w, k, w->slots[k].packets, true);
        if (!rc)
            rc = mux_stretch(w, k, w->slots[k].packets);
        if (rc)
            return rc;
    }
    return 0;
}

/* Opus stretches on `jobs` threads; the sequential encoders and the Ogg
 * muxer on this one. */
static int write_parallel(writer *w, const bc_master_settings *m, size_t jobs)
{
    pthread_t threads[MAX_JOBS];
    size_t started = 0;
    int rc = 0;
    for (; started < jobs; started++)
        if (pthread_create(&threads[started], NULL, encode_thread, w) != 0)
            break;
    if (started == 0)
        return write_serial(w, m);
    bool others = w->opus_count < w->output_count; /* MP3, WAV or FLAC too */
    for (size_t k = 0; k < w->stretch_count && others && !rc; k++) {
        if (bci_cancelled(&m->cancel))
            rc = BC_EINTR;
        else
            rc = render_stretch(w, k, NULL, true);
    }
    for (size_t k = 0; k < w->stretch_count && !rc; k++) {
        pthread_mutex_lock(&w->lock);
        while (!w->slots[k].done && !bci_cancelled(&m->cancel))
            pthread_cond_wait(&w->changed, &w->lock);
        bool done = w->slots[k].done;
        pthread_mutex_unlock(&w->lock);
        rc = !done ? BC_EINTR : w->slots[k].rc;
        if (!rc)
            rc = mux_stretch(w, k, w->slots[k].packets);
    }
    if (rc)
        atomic_store(&w->stop, 1);
    for (size_t i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    return rc;
}

/* A serial number that depends only on the audio (`audio_hash`, the hash
 * of its samples) and its title, so the same briefing always gives the
 * same bytes. */
static uint32_t content_serial(uint64_t audio_hash, const bc_encoder_settings *s)
{
    uint64_t h = audio_hash;
    if (s->tags.title)
        h = bci_hash(h, s->tags.title, strlen(s->tags.title));
    return (uint32_t)(h ^ (h >> 32));
}

static int open_outputs(writer *w)
{
    const bc_programme *p = w->programme;
    if (p->chapter_count) {
        w->chapters = calloc(p->chapter_count, sizeof *w->chapters);
        if (!w->chapters)
            return BC_ENOMEM;
        for (size_t i = 0; i < p->chapter_count; i++)
            w->chapters[i] = (bc_chapter){bci_master_out_position(&w->master,
                                                                  p->chapters[i].sample),
                                          p->chapters[i].title};
    }
    uint64_t audio_hash = 0; /* of the samples, once, for the outputs without a serial */
    bool hashed = false;
    for (size_t i = 0; i < w->output_count; i++) {
        bc_encoder_settings *s = &w->settings[i];
        *s = w->outputs[i].encoder;
        s->sample_rate = w->rate;
        if (!s->serial && !hashed) {
            audio_hash = bci_hash(0, p->samples, p->sample_count * sizeof(int16_t));
            hashed = true;
        }
        if (!s->serial)
            s->serial = content_serial(audio_hash, s);
        if (!s->chapters) {
            s->chapters = w->chapters;
            s->chapter_count = p->chapter_count;
        }
        int rc = s->codec == BC_CODEC_OPUS ? bci_ogg_opus_open(&w->opus[i], w->outputs[i].path, s)
                                           : bc_encoder_open(&w->others[i], w->outputs[i].path, s);
        if (!rc && s->codec == BC_CODEC_OPUS)
            rc = bci_opus_silence(s, &w->silence[i]);
        if (rc)
            return rc;
        w->opus_count += s->codec == BC_CODEC_OPUS;
    }
    return 0;
}

static int finish_outputs(writer *w)
{
    for (size_t i = 0; i < w->output_count; i++) {
        int rc = w->opus[i] ? bci_ogg_opus_finish(w->opus[i]) : bc_encoder_finish(w->others[i]);
        if (rc)
            return rc;
    }
    return 0;
}

/* Opus alone, from speech with nothing above 12 kHz (eSpeak NG speaks at
 * 22,050 Hz; the chime and the bed have nothing there either), is
 * mastered and encoded at 24 kHz: super-wideband Opus keeps all there is,
 * and the encoder and the mastering cost less. The other formats keep
 * 48 kHz. */
static unsigned coding_rate(const bc_programme *p, const bc_output *outputs, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (outputs[i].encoder.codec != BC_CODEC_OPUS)
            return BCI_OPUS_RATE;
    return p->sample_rate <= BCI_OPUS_RATE / 2 ? BCI_OPUS_RATE / 2 : BCI_OPUS_RATE;
}

int bc_programme_write(const bc_programme *p, const bc_output *outputs, size_t count,
                       const bc_master_settings *settings)
{
    if (!p || !outputs || count == 0 || count > MAX_JOBS)
        return BC_EINVAL;
    for (size_t i = 0; i < count; i++)
        if (!outputs[i].path || !*outputs[i].path || !bc_codec_name(outputs[i].encoder.codec))
            return BC_EINVAL;
    bc_master_settings defaults;
    bc_master_default_settings(&defaults);
    const bc_master_settings *m = settings ? settings : &defaults;
    writer w = {.programme = p, .outputs = outputs, .output_count = count};
    int rc = BC_ENOMEM;
    bool locks = false;
    w.settings = calloc(count, sizeof *w.settings);
    w.opus = calloc(count, sizeof *w.opus);
    w.others = calloc(count, sizeof *w.others);
    w.silence = calloc(count, sizeof *w.silence);
    if (!w.settings || !w.opus || !w.others || !w.silence)
        goto done;
    w.rate = coding_rate(p, outputs, count);
    if ((rc = bci_master_init(&w.master, p, m, w.rate, w.rate / 50)))
        goto done;
    bci_log(&m->logger, BC_LOG_INFO, "loudness %.1f LUFS, gain %+.1f dB", w.master.measured_lufs,
            w.master.gain_db);
    w.stretches = w.master.stretches;
    w.stretch_count = w.master.stretch_count;
    rc = BC_ENOMEM;
    if (!(w.slots = calloc(w.stretch_count, sizeof *w.slots)))
        goto done;
    for (size_t k = 0; k < w.stretch_count; k++)
        if (!(w.slots[k].packets = calloc(count, sizeof(bci_opus_packets))))
            goto done;
    if ((rc = open_outputs(&w)))
        goto done;
    if (pthread_mutex_init(&w.lock, NULL) != 0 || pthread_cond_init(&w.changed, NULL) != 0) {
        rc = BC_ENOMEM;
        goto done;
    }
    locks = true;
    size_t jobs = bci_job_count(m->jobs);
    if (jobs > w.stretch_count)
        jobs = w.stretch_count;
    if (jobs > 1 && w.opus_count)
        rc = write_parallel(&w, m, jobs);
    else
        rc = write_serial(&w, m);
    if (!rc)
        rc = finish_outputs(&w);

done:
    for (size_t i = 0; i < count; i++) {
        if (w.opus)
            bci_ogg_opus_free(w.opus[i]);
        if (w.others)
            bc_encoder_free(w.others[i]);
        if (w.silence)
            bci_opus_packets_clear(&w.silence[i]);
    }
    for (size_t k = 0; w.slots && k < w.stretch_count; k++) {
        for (size_t i = 0; w.slots[k].packets && i < count; i++)
            bci_opus_packets_clear(&w.slots[k].packets[i]);
        free(w.slots[k].packets);
    }
    if (locks) {
        pthread_mutex_destroy(&w.lock);
        pthread_cond_destroy(&w.changed);
    }
    free(w.slots);
    free(w.silence);
    free(w.chapters);
    free(w.settings);
    free(w.opus);
    free(w.others);
    bci_master_clear(&w.master);
    return rc;
}

int bc_programme_encode(const bc_programme *p, const char *path, const bc_encoder_settings *s)
{
    if (!p || !path || !s)
        return BC_EINVAL;
    bc_output output = {path, *s};
    return bc_programme_write(p, &output, 1, NULL);
}
