/* The mixing stage: jingles and a music bed laid over the speech, the bed
 * lowered ("ducked") while someone speaks. The input is the speech; the
 * clips are placed by programme frame, so the stage knows where its input
 * sits in the programme (config->position). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stage.h"

/* Speech louder than -40 dBFS (after normalisation) ducks the bed. */
#define SPEECH_THRESHOLD 0.01
/* The speech detector follows the level up in 5 ms and down in 100 ms,
 * so the bed stays down between words and swells a little between
 * sentences. */
#define DETECT_ATTACK_MS 5.0
#define DETECT_RELEASE_MS 100.0
/* The bed goes down in 60 ms and comes back up in 400 ms. */
#define DUCK_DOWN_MS 60.0
#define DUCK_UP_MS 400.0

typedef struct mix_state {
    bci_mix_clip *clips;
    size_t clip_count;
    size_t position;
    double level;         /* speech level follower */
    double duck;          /* the ducking gain now, 1 when not ducked */
    double duck_floor;    /* the ducking gain under speech */
    double detect_attack, detect_release, duck_down, duck_up;
} mix_state;

static double coefficient(double ms, unsigned rate)
{
    return 1.0 - exp(-1000.0 / (ms * rate));
}

static int mix_start(void **state, const void *config, unsigned *rate)
{
    const bci_mix_config *c = config;
    if (!c || (c->clip_count && !c->clips))
        return BC_EINVAL;
    double duck_db = 0;
    for (size_t i = 0; i < c->clip_count; i++) {
        const bci_mix_clip *clip = &c->clips[i];
        if (!clip->frames || !clip->frame_count || !isfinite(clip->gain) ||
            clip->fade_in > clip->length || clip->fade_out > clip->length ||
            !(clip->duck_db >= 0 && clip->duck_db <= 60))
            return BC_EINVAL;
        if (clip->duck)
            duck_db = clip->duck_db;
    }
    mix_state *m = calloc(1, sizeof *m);
    if (!m)
        return BC_ENOMEM;
    if (c->clip_count) {
        m->clips = malloc(c->clip_count * sizeof *m->clips);
        if (!m->clips) {
            free(m);
            return BC_ENOMEM;
        }
        memcpy(m->clips, c->clips, c->clip_count * sizeof *m->clips);
    }
    m->clip_count = c->clip_count;
    m->position = c->position;
    m->duck = 1.0;
    m->duck_floor = pow(10.0, -duck_db / 20.0);
    m->detect_attack = coefficient(DETECT_ATTACK_MS, *rate);
    m->detect_release = coefficient(DETECT_RELEASE_MS, *rate);
    m->duck_down = coefficient(DUCK_DOWN_MS, *rate);
    m->duck_up = coefficient(DUCK_UP_MS, *rate);
    *state = m;
    return 0;
}

/* The clip's frame at programme frame `at` with its gain and fades, before
 * ducking; 0 outside the clip. */
static float clip_frame(const bci_mix_clip *clip, size_t at)
{
    if (at < clip->start || at - clip->start >= clip->length)
        return 0.0f;
    size_t offset = at - clip->start;
    float value;
    if (clip->loop)
        value = clip->frames[offset % clip->frame_count];
    else if (offset < clip->frame_count)
        value = clip->frames[offset];
    else
        return 0.0f;
    float gain = clip->gain;
    if (offset < clip->fade_in)
        gain *= (float)offset / (float)clip->fade_in;
    size_t left = clip->length - offset;
    if (left <= clip->fade_out)
        gain *= (float)(left - 1) / (float)clip->fade_out;
    return value * gain;
}

static int mix_process(void *state, const float *in, size_t in_frames, size_t *in_used,
                       float *out, size_t out_capacity, size_t *out_made)
{
    mix_state *m = state;
    size_t n = in_frames < out_capacity ? in_frames : out_capacity;
    for (size_t i = 0; i < n; i++) {
        double level = fabs(in[i]);
        m->level += (level - m->level) * (level > m->level ? m->detect_attack : m->detect_release);
        double target = m->level > SPEECH_THRESHOLD ? m->duck_floor : 1.0;
        m->duck += (target - m->duck) * (target < m->duck ? m->duck_down : m->duck_up);
        float sum = in[i];
        size_t at = m->position + i;
        for (size_t k = 0; k < m->clip_count; k++) {
            float v = clip_frame(&m->clips[k], at);
            sum += m->clips[k].duck ? v * (float)m->duck : v;
        }
        out[i] = sum;
    }
    m->position += n;
    *in_used = n;
    *out_made = n;
    return 0;
}

static int mix_drain(void *state, float *out, size_t out_capacity, size_t *out_made)
{
    (void)state;
    (void)out;
    (void)out_capacity;
    *out_made = 0;
    return 0;
}

static void mix_stop(void *state)
{
    mix_state *m = state;
    if (!m)
        return;
    free(m->clips);
    free(m);
}

const bci_stage_ops bci_mix_stage = {
    .name = "mix",
    .start = mix_start,
    .process = mix_process,
    .drain = mix_drain,
    .stop = mix_stop,
};
