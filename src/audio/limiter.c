/* The true-peak limiter stage. It looks ahead, so that the gain is already
 * down when a peak arrives, and it measures peaks between the samples too
 * (4x oversampling, as ITU-R BS.1770 measures true peak), so that the
 * reconstructed waveform, not only the samples, stays under the ceiling.
 *
 * For every interval between two samples the required gain is the ceiling
 * over the interval's peak (the two samples and three interpolated points).
 * A sample needs the gain of both intervals beside it (q). The gain applied
 * is the minimum of q over the look-ahead window, smoothed by a moving
 * average over the same window (which keeps it at or under q at the peak
 * while ramping over the look-ahead time), then released slowly. */
#include <math.h>
#include <stdlib.h>

#include "audio_internal.h"

#define TAPS BCI_PEAK_TAPS
#define PHASES BCI_PEAK_PHASES
#define CENTRE BCI_PEAK_CENTRE

typedef struct limiter_state {
    float ceiling;
    size_t lookahead;      /* L, in frames */
    double release;        /* per-frame release coefficient */
    float taps[PHASES - 1][TAPS];
    float history[2 * TAPS]; /* the last TAPS inputs, stored twice for a contiguous window */
    size_t history_pos;
    float previous_r;      /* required gain of the interval before */
    /* sliding minimum of q over L frames: a monotonic queue */
    float *min_value;
    size_t *min_index;
    size_t min_head, min_count;
    /* moving average of those minima over L frames */
    float *box;
    double box_sum;
    size_t box_pos;
    /* the input, delayed until its gain is known */
    float *delay;
    size_t delay_size, delay_pos;
    size_t latency;        /* frames from input to output */
    size_t pushed;         /* frames taken in (and zeros of the drain) */
    size_t taken;          /* frames taken in by process() */
    size_t drained;        /* zeros pushed by drain */
    double envelope;
} limiter_state;

static void limiter_free(limiter_state *s)
{
    if (!s)
        return;
    free(s->min_value);
    free(s->min_index);
    free(s->box);
    free(s->delay);
    free(s);
}

static int limiter_start(void **state, const void *config, unsigned *rate)
{
    const bci_limiter_config *c = config;
    /* a ceiling above 0 dBTP or below -60 dBTP is a mistake; a look-ahead
     * of a second would be one too */
    if (!c || !(c->ceiling_db <= 0 && c->ceiling_db >= -60) || !(c->lookahead_ms > 0) ||
        c->lookahead_ms > 1000 || !(c->release_ms > 0) || c->release_ms > 10000)
        return BC_EINVAL;
    limiter_state *s = calloc(1, sizeof *s);
    if (!s)
        return BC_ENOMEM;
    s->ceiling = (float)pow(10.0, c->ceiling_db / 20.0);
    s->lookahead = (size_t)(c->lookahead_ms * *rate / 1000.0 + 0.5);
    if (s->lookahead < 1)
        s->lookahead = 1;
    s->release = 1.0 - exp(-1000.0 / (c->release_ms * *rate));
    /* q of a frame is known CENTRE frames after it arrives; the minimum
     * and the average over L frames then need L - 1 more. */
    s->latency = CENTRE + s->lookahead - 1;
    s->delay_size = s->latency + 1;
    s->min_value = malloc(s->lookahead * sizeof *s->min_value);
    s->min_index = malloc(s->lookahead * sizeof *s->min_index);
    s->box = malloc(s->lookahead * sizeof *s->box);
    s->delay = calloc(s->delay_size, sizeof *s->delay);
    if (!s->min_value || !s->min_index || !s->box || !s->delay) {
        limiter_free(s);
        return BC_ENOMEM;
    }
    for (size_t i = 0; i < s->lookahead; i++)
        s->box[i] = 1.0f;
    s->box_sum = (double)s->lookahead;
    s->previous_r = 1.0f;
    s->envelope = 1.0;
    bci_peak_taps(s->taps);
    *state = s;
    return 0;
}

/* Takes one frame; returns true and the limited frame `latency` frames back
 * once that many have been taken. */
static bool step(limiter_state *s, float x, float *y)
{
    s->history[s->history_pos] = x;
    s->history[s->history_pos + TAPS] = x;
    s->history_pos = s->history_pos + 1 == TAPS ? 0 : s->history_pos + 1;
    const float *window = s->history + s->history_pos; /* oldest first */

    /* peak of the interval after x[n - CENTRE]... */
    float peak = bci_peak_interval((const float(*)[TAPS])s->taps, window, s->ceiling);
    float r = peak > s->ceiling ? s->ceiling / peak : 1.0f;
    /* ... and the gain its first sample needs: both intervals beside it */
    float q = fminf(r, s->previous_r);
    s->previous_r = r;

    /* sliding minimum over the last L values of q (indices wrap by
     * comparison, not by division: this runs for every frame) */
    size_t index = s->pushed;
    size_t L = s->lookahead;
    while (s->min_count) {
        size_t back = s->min_head + s->min_count - 1;
        if (s->min_value[back >= L ? back - L : back] < q)
            break;
        s->min_count--;
    }
    size_t tail = s->min_head + s->min_count;
    tail = tail >= L ? tail - L : tail;
    s->min_value[tail] = q;
    s->min_index[tail] = index;
    s->min_count++;
    if (s->min_index[s->min_head] + L <= index) {
        s->min_head = s->min_head + 1 == L ? 0 : s->min_head + 1;
        s->min_count--;
    }
    float minimum = s->min_value[s->min_head];

    /* moving average of the minima */
    s->box_sum += (double)minimum - s->box[s->box_pos];
    s->box[s->box_pos] = minimum;
    s->box_pos = s->box_pos + 1 == L ? 0 : s->box_pos + 1;
    double target = s->box_sum / (double)s->lookahead;
    if (target < s->envelope)
        s->envelope = target;
    else
        s->envelope += (target - s->envelope) * s->release;

    /* the delay line: the frame `latency` back gets the gain */
    s->delay[s->delay_pos] = x;
    s->delay_pos = s->delay_pos + 1 == s->delay_size ? 0 : s->delay_pos + 1;
    s->pushed++;
    if (s->pushed <= s->latency)
        return false;
    /* delay_pos now holds the oldest frame: latency + 1 back from the next */
    *y = s->delay[s->delay_pos] * (float)s->envelope;
    return true;
}

static int limiter_process(void *state, const float *in, size_t in_frames, size_t *in_used,
                           float *out, size_t out_capacity, size_t *out_made)
{
    limiter_state *s = state;
    size_t used = 0, made = 0;
    while (used < in_frames && made < out_capacity) {
        if (step(s, in[used++], &out[made]))
            made++;
    }
    s->taken += used;
    *in_used = used;
    *out_made = made;
    return 0;
}

static int limiter_drain(void *state, float *out, size_t out_capacity, size_t *out_made)
{
    limiter_state *s = state;
    size_t made = 0;
    /* zeros push out the frames still held */
    size_t held = s->taken ? s->latency : 0;
    while (s->drained < held && made < out_capacity) {
        s->drained++;
        if (step(s, 0.0f, &out[made]))
            made++;
    }
    *out_made = made;
    return 0;
}

static void limiter_stop(void *state)
{
    limiter_free(state);
}

const bci_stage_ops bci_limiter_stage = {
    .name = "limiter",
    .start = limiter_start,
    .process = limiter_process,
    .drain = limiter_drain,
    .stop = limiter_stop,
};
