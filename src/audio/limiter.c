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
#include <string.h>

#include "audio_internal.h"

#define TAPS BCI_PEAK_TAPS
#define PHASES BCI_PEAK_PHASES
#define CENTRE BCI_PEAK_CENTRE
/* Frames whose interval peaks are measured together (bci_peak_block()). */
#define BLOCK 256

typedef struct limiter_state {
    float ceiling;
    size_t lookahead;      /* L, in frames */
    double release;        /* per-frame release coefficient */
    float taps[PHASES - 1][TAPS];
    /* the last TAPS - 1 inputs, then the block being taken */
    float history[TAPS - 1 + BLOCK];
    float peaks[BLOCK];    /* the peak of each interval of the block */
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

/* Takes `count` (at most BLOCK) frames of `in` (NULL: zeros) and writes
 * the limited frames that come out (each `latency` frames after it went
 * in) to `out`; returns how many. The state is worked on in locals: this
 * runs for every frame. */
static size_t take(limiter_state *s, const float *in, size_t count, float *out)
{
    float *block = s->history + TAPS - 1;
    if (in)
        memcpy(block, in, count * sizeof *in);
    else
        memset(block, 0, count * sizeof *block);
    /* the peak of the interval after x[n - CENTRE], for every frame n */
    bci_peak_block((const float(*)[TAPS])s->taps, s->history, count, s->ceiling, s->peaks);

    const float ceiling = s->ceiling;
    const size_t L = s->lookahead, delay_size = s->delay_size, latency = s->latency;
    const double release = s->release;
    float *min_value = s->min_value, *box = s->box, *delay = s->delay;
    size_t *min_index = s->min_index;
    float previous_r = s->previous_r;
    size_t min_head = s->min_head, min_count = s->min_count, box_pos = s->box_pos;
    size_t delay_pos = s->delay_pos, pushed = s->pushed;
    double box_sum = s->box_sum, envelope = s->envelope;
    size_t made = 0;
    for (size_t i = 0; i < count; i++) {
        float peak = s->peaks[i];
        float r = peak > ceiling ? ceiling / peak : 1.0f;
        /* the gain the interval's first sample needs: both intervals beside it */
        float q = r < previous_r ? r : previous_r;
        previous_r = r;

        /* sliding minimum over the last L values of q (indices wrap by
         * comparison, not by division) */
        while (min_count) {
            size_t back = min_head + min_count - 1;
            if (min_value[back >= L ? back - L : back] < q)
                break;
            min_count--;
        }
        size_t tail = min_head + min_count;
        tail = tail >= L ? tail - L : tail;
        min_value[tail] = q;
        min_index[tail] = pushed;
        min_count++;
        if (min_index[min_head] + L <= pushed) {
            min_head = min_head + 1 == L ? 0 : min_head + 1;
            min_count--;
        }
        float minimum = min_value[min_head];

        /* moving average of the minima */
        box_sum += (double)minimum - box[box_pos];
        box[box_pos] = minimum;
        box_pos = box_pos + 1 == L ? 0 : box_pos + 1;
        double target = box_sum / (double)L;
        if (target < envelope)
            envelope = target;
        else
            envelope += (target - envelope) * release;

        /* the delay line: the frame `latency` back gets the gain */
        delay[delay_pos] = block[i];
        delay_pos = delay_pos + 1 == delay_size ? 0 : delay_pos + 1;
        pushed++;
        /* delay_pos now holds the oldest frame: latency + 1 back from the next */
        if (pushed > latency)
            out[made++] = delay[delay_pos] * (float)envelope;
    }
    s->previous_r = previous_r;
    s->min_head = min_head;
    s->min_count = min_count;
    s->box_pos = box_pos;
    s->delay_pos = delay_pos;
    s->pushed = pushed;
    s->box_sum = box_sum;
    s->envelope = envelope;
    memmove(s->history, s->history + count, (TAPS - 1) * sizeof *s->history);
    return made;
}

static int limiter_process(void *state, const float *in, size_t in_frames, size_t *in_used,
                           float *out, size_t out_capacity, size_t *out_made)
{
    limiter_state *s = state;
    size_t used = 0, made = 0;
    /* every frame taken gives at most one out */
    while (used < in_frames && made < out_capacity) {
        size_t n = in_frames - used;
        n = n < out_capacity - made ? n : out_capacity - made;
        n = n < BLOCK ? n : BLOCK;
        made += take(s, in + used, n, out + made);
        used += n;
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
        size_t n = held - s->drained;
        n = n < out_capacity - made ? n : out_capacity - made;
        n = n < BLOCK ? n : BLOCK;
        made += take(s, NULL, n, out + made);
        s->drained += n;
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
