/* Mastering: the programme's 16-bit speech timeline brought to the
 * loudness target, resampled to the codec's rate, framed by the jingle and
 * music bed and held under the true-peak ceiling, one stretch at a time.
 * Only the timeline is kept whole in memory; everything after it streams
 * in blocks through a chain of stages. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <ebur128.h>

#include "audio_internal.h"

/* Speech sits this far below the loudness target: the jingle 4 LU, the
 * music bed 14 LU (and 10 dB lower again under speech). */
#define JINGLE_BELOW_LU 4.0
#define BED_BELOW_LU 14.0
#define BED_DUCK_DB 10.0
/* The bed fades in over 0.5 s and out over 2 s, one second after the
 * first segment ends. */
#define BED_FADE_IN_MS 500
#define BED_FADE_OUT_MS 2000
#define BED_TAIL_MS 1000
/* Without cues, the bed plays under the first ten seconds. */
#define BED_DEFAULT_MS 10000
/* Silence before the first word: the chime rings on under it (2.6 s of
 * a 3 s jingle), or the bed plays alone for 2 s. */
#define JINGLE_LEAD_IN_MS 2600
#define MUSIC_LEAD_IN_MS 2000
/* Silence after the last word: 0.4 s, then the 3 s outro chime. */
#define JINGLE_LEAD_OUT_MS 3400
/* Assets longer than this are a mistake (and would cost memory). */
#define MAX_JINGLE_SECONDS 30.0
#define MAX_BED_SECONDS 120.0
/* Limiter: 5 ms look-ahead (and attack), 60 ms release, its ceiling 2 dB
 * under the files' limit: Opus at 32 kbit/s and MP3 raise the peaks of
 * limited speech by up to about 2 dB. */
#define LIMITER_LOOKAHEAD_MS 5.0
#define LIMITER_RELEASE_MS 60.0
#define LOSSY_HEADROOM_DB 2.0
/* No cut within 100 ms of a jingle or the bed: more than the resampler's
 * filter, the limiter's look-ahead and Opus's 6.5 ms look-ahead. */
#define CLIP_MARGIN_MS 100
/* Frames converted from 16-bit per push. */
#define RENDER_BLOCK 4096

void bc_master_default_settings(bc_master_settings *s)
{
    if (s)
        *s = (bc_master_settings){.loudness = -16.0, .true_peak = -1.0};
}

unsigned bc_master_lead_in_ms(const bc_master_settings *s)
{
    if (!s)
        return 0;
    return s->jingle ? JINGLE_LEAD_IN_MS : s->music ? MUSIC_LEAD_IN_MS : 0;
}

unsigned bc_master_lead_out_ms(const bc_master_settings *s)
{
    return s && s->jingle ? JINGLE_LEAD_OUT_MS : 0;
}

static size_t gcd(size_t a, size_t b)
{
    while (b) {
        size_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

size_t bci_master_out_position(const bci_master *m, size_t frame)
{
    unsigned in_rate = m->programme->sample_rate;
    return (size_t)(((unsigned long long)frame * m->out_rate + in_rate / 2) / in_rate);
}

/* The first programme frame at or after output frame `out`. */
static size_t in_position(const bci_master *m, size_t out)
{
    unsigned in_rate = m->programme->sample_rate;
    return (size_t)(((unsigned long long)out * in_rate + m->out_rate - 1) / m->out_rate);
}

static size_t ms_frames(unsigned rate, unsigned ms)
{
    return (size_t)((unsigned long long)rate * ms / 1000);
}

static int load_asset(bci_sound *sound, const bc_master_settings *s, const char *name,
                      unsigned rate, double max_seconds, double below_lu, float *gain)
{
    if (!s->assets) {
        bci_log(&s->logger, BC_LOG_ERROR, "no assets folder for %s", name);
        return BC_ENOTFOUND;
    }
    char *path = NULL;
    bci_buf b = {0};
    if (bci_buf_printf(&b, "%s/%s", s->assets, name) || !(path = bci_buf_take(&b))) {
        bci_buf_free(&b);
        return BC_ENOMEM;
    }
    int rc = bci_sound_load(sound, path, rate, max_seconds, &s->logger);
    free(path);
    if (rc)
        return rc;
    double lufs = 0;
    if ((rc = bci_loudness_float(sound->frames, sound->frame_count, rate, &lufs))) {
        bci_sound_clear(sound);
        return rc;
    }
    *gain = isfinite(lufs) ? (float)pow(10.0, (s->loudness - below_lu - lufs) / 20.0) : 0.0f;
    return 0;
}

static int place_clips(bci_master *m, const bc_master_settings *s)
{
    const bc_programme *p = m->programme;
    size_t intro_end = 0; /* output frames */
    size_t outro_start = m->out_frames;
    float gain = 0;
    int rc;
    if (s->jingle) {
        if ((rc = load_asset(&m->jingle, s, "jingle.flac", m->out_rate, MAX_JINGLE_SECONDS,
                             JINGLE_BELOW_LU, &gain)))
            return rc;
        size_t length = m->jingle.frame_count;
        bci_mix_clip clip = {.frames = m->jingle.frames, .frame_count = length, .gain = gain};
        clip.length = length < m->out_frames ? length : m->out_frames;
        m->clips[m->clip_count++] = clip;
        intro_end = clip.length;
        if (m->out_frames >= 2 * length) {
            clip.start = m->out_frames - length;
            clip.length = length;
            m->clips[m->clip_count++] = clip;
            outro_start = clip.start;
        }
    }
    if (s->music) {
        if ((rc = load_asset(&m->bed, s, "bed.flac", m->out_rate, MAX_BED_SECONDS, BED_BELOW_LU,
                             &gain)))
            return rc;
        size_t first_end = p->cue_count ? p->cues[0].end : ms_frames(p->sample_rate,
                                                                       BED_DEFAULT_MS);
        size_t length = bci_master_out_position(m, first_end) + ms_frames(m->out_rate,
                                                                          BED_TAIL_MS);
        if (length > outro_start)
            length = outro_start;
        size_t fade_out = ms_frames(m->out_rate, BED_FADE_OUT_MS);
        size_t fade_in = ms_frames(m->out_rate, BED_FADE_IN_MS);
        m->clips[m->clip_count++] = (bci_mix_clip){
            .frames = m->bed.frames,
            .frame_count = m->bed.frame_count,
            .length = length,
            .loop = true,
            .gain = gain,
            .fade_in = fade_in < length ? fade_in : length,
            .fade_out = fade_out < length ? fade_out : length,
            .duck = true,
            .duck_db = BED_DUCK_DB,
        };
        if (length > intro_end)
            intro_end = length;
    }
    size_t margin = ms_frames(p->sample_rate, CLIP_MARGIN_MS);
    m->quiet_from = intro_end ? in_position(m, intro_end) + margin : 0;
    m->quiet_to = outro_start < m->out_frames ? in_position(m, outro_start) : p->sample_count;
    m->quiet_to = m->quiet_to > margin ? m->quiet_to - margin : 0;
    return 0;
}

int bci_master_init(bci_master *m, const bc_programme *p, const bc_master_settings *s,
                    unsigned out_rate, unsigned codec_frame)
{
    if (!m || !p || !s || !out_rate || !codec_frame || !p->sample_rate ||
        !isfinite(s->loudness) || s->loudness < -70 || s->loudness > 0)
        return BC_EINVAL;
    *m = (bci_master){.programme = p, .out_rate = out_rate};
    m->out_frames = bci_master_out_position(m, p->sample_count);
    m->true_peak = s->true_peak;
    m->limiter = (bci_limiter_config){.ceiling_db = s->true_peak - LOSSY_HEADROOM_DB,
                                      .lookahead_ms = LIMITER_LOOKAHEAD_MS,
                                      .release_ms = LIMITER_RELEASE_MS};
    if (!(s->true_peak <= 0 && s->true_peak >= -50))
        return BC_EINVAL;
    /* cuts must land on whole frames at both rates and on codec frames */
    size_t common = gcd(p->sample_rate, out_rate);
    size_t in_unit = p->sample_rate / common, out_unit = out_rate / common;
    m->cut_step = in_unit * (codec_frame / gcd(out_unit, codec_frame));

    int rc;
    if ((rc = place_clips(m, s)) || (rc = bci_master_cuts(m, &m->stretches, &m->stretch_count)) ||
        (rc = bci_master_settle(m, s->loudness, bci_job_count(s->jobs)))) {
        bci_master_clear(m);
        return rc;
    }
    return 0;
}

void bci_master_clear(bci_master *m)
{
    if (!m)
        return;
    bci_sound_clear(&m->jingle);
    bci_sound_clear(&m->bed);
    free(m->stretches);
    *m = (bci_master){0};
}

/* Passes on exactly `remaining` frames of the chain's output. */
typedef struct exact_sink {
    bci_sink_fn sink;
    void *user_data;
    size_t remaining;
} exact_sink;

static int pass_exact(void *user_data, const float *frames, size_t count)
{
    exact_sink *e = user_data;
    size_t n = count < e->remaining ? count : e->remaining;
    e->remaining -= n;
    return n ? e->sink(e->user_data, frames, n) : 0;
}

/* Whether a clip plays in output frames [from, to). */
static bool clips_play(const bci_master *m, size_t from, size_t to)
{
    for (size_t i = 0; i < m->clip_count; i++)
        if (m->clips[i].start < to && m->clips[i].start + m->clips[i].length > from)
            return true;
    return false;
}

int bci_master_render(const bci_master *m, size_t from, size_t to, bci_sink_fn sink,
                      void *user_data)
{
    const bc_programme *p = m->programme;
    if (from > to || to > p->sample_count || !sink)
        return BC_EINVAL;
    size_t out_from = bci_master_out_position(m, from);
    exact_sink exact = {sink, user_data, bci_master_out_position(m, to) - out_from};
    bci_gain_config gain = {m->gain_db};
    bci_resample_config resample = {m->out_rate};
    bci_mix_config mix = {m->clips, m->clip_count, out_from};
    bci_chain_link links[4] = {
        {&bci_gain_stage, &gain},
        {&bci_resample_stage, &resample},
    };
    size_t link_count = 2;
    /* the mixer only where a clip plays: elsewhere it adds nothing */
    if (clips_play(m, out_from, out_from + exact.remaining))
        links[link_count++] = (bci_chain_link){&bci_mix_stage, &mix};
    links[link_count++] = (bci_chain_link){&bci_limiter_stage, &m->limiter};
    bci_chain *chain = NULL;
    float *block = malloc(RENDER_BLOCK * sizeof *block);
    int rc = BC_ENOMEM;
    if (!block || (rc = bci_chain_open(&chain, links, link_count, p->sample_rate, NULL)))
        goto done;
    for (size_t at = from; at < to; at += RENDER_BLOCK) {
        size_t n = to - at < RENDER_BLOCK ? to - at : RENDER_BLOCK;
        for (size_t i = 0; i < n; i++)
            block[i] = p->samples[at + i] / 32768.0f;
        if ((rc = bci_chain_push(chain, block, n, pass_exact, &exact)))
            goto done;
    }
    if ((rc = bci_chain_drain(chain, pass_exact, &exact)))
        goto done;
    /* the resampler may give a frame or two less than the exact count */
    memset(block, 0, RENDER_BLOCK * sizeof *block);
    while (exact.remaining) {
        size_t n = exact.remaining < RENDER_BLOCK ? exact.remaining : RENDER_BLOCK;
        if ((rc = pass_exact(&exact, block, n)))
            goto done;
    }
    rc = 0;

done:
    bci_chain_free(chain);
    free(block);
    return rc;
}
