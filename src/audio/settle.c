/* Settling the gain: the gain that brings the programme, limited, to the
 * loudness target. Limiting lowers the loudness, so the limited programme
 * is measured again after each step, until it is within 0.1 LU.
 *
 * Each measurement runs on several threads: the programme is measured in
 * pieces of at least 30 s, one loudness meter each, that libebur128 joins
 * (the pieces end in silence, and depend only on the programme, so the
 * result is the same with any number of threads). The limiter starts
 * afresh at every stretch, as it does when the programme is rendered. */
#include <math.h>
#include <stdlib.h>

#include <ebur128.h>

#include "audio_internal.h"

/* Pieces of at least 30 s, and at most about 16 of them: each has a
 * meter (libebur128 keeps 70 kB for one at 22,050 Hz), all open until
 * the measurement ends, so their number must not grow with the
 * programme. */
#define PIECE_MS 30000
#define MOST_PIECES 16
/* Frames converted from 16-bit per push. */
#define BLOCK 4096
/* Up to 4 measurements of the limited programme, until within 0.1 LU. */
#define SETTLE_PASSES 4
#define SETTLE_DB 0.1
/* No gain beyond +40 dB: a programme that quiet is silence and noise. */
#define MAX_GAIN_DB 40.0

typedef struct measure {
    const bci_master *m;
    size_t *pieces;          /* the first stretch of each piece, then stretch_count */
    size_t piece_count;
    ebur128_state **meters;  /* one per piece */
    bool limited;            /* false: the programme as it is, 16-bit */
} measure;

static int meter_frames(void *user_data, const float *frames, size_t count)
{
    return ebur128_add_frames_float(user_data, frames, count) == EBUR128_SUCCESS ? 0 : BC_ENOMEM;
}

static int meter_zeros(ebur128_state *meter, size_t count, float *block)
{
    for (size_t i = 0; i < BLOCK; i++)
        block[i] = 0.0f;
    for (size_t done = 0; done < count; done += BLOCK) {
        size_t n = count - done < BLOCK ? count - done : BLOCK;
        if (ebur128_add_frames_float(meter, block, n) != EBUR128_SUCCESS)
            return BC_ENOMEM;
    }
    return 0;
}

/* Programme frames [from, to) through the gain and a fresh limiter. */
static int meter_limited(const bci_master *m, size_t from, size_t to, ebur128_state *meter,
                         float *block)
{
    const bc_programme *p = m->programme;
    bci_gain_config gain = {m->gain_db};
    const bci_chain_link links[] = {
        {&bci_gain_stage, &gain},
        {&bci_limiter_stage, &m->limiter},
    };
    bci_chain *chain = NULL;
    int rc = bci_chain_open(&chain, links, BCI_ARRAY_LEN(links), p->sample_rate, NULL);
    for (size_t at = from; at < to && !rc; at += BLOCK) {
        size_t n = to - at < BLOCK ? to - at : BLOCK;
        for (size_t i = 0; i < n; i++)
            block[i] = p->samples[at + i] / 32768.0f;
        rc = bci_chain_push(chain, block, n, meter_frames, meter);
    }
    if (!rc)
        rc = bci_chain_drain(chain, meter_frames, meter);
    bci_chain_free(chain);
    return rc;
}

static int measure_piece(void *user_data, size_t k)
{
    measure *ms = user_data;
    const bci_master *m = ms->m;
    const bc_programme *p = m->programme;
    /* a histogram of the blocks, not a list: the same memory however
     * long the piece (and loudness to 0.01 LU) */
    ebur128_state *meter = ebur128_init(1, p->sample_rate,
                                        EBUR128_MODE_I | EBUR128_MODE_HISTOGRAM);
    float *block = malloc(BLOCK * sizeof *block);
    ms->meters[k] = meter;
    int rc = meter && block ? 0 : BC_ENOMEM;
    for (size_t i = ms->pieces[k]; i < ms->pieces[k + 1] && !rc; i++) {
        const bci_stretch *s = &m->stretches[i];
        if (!ms->limited) {
            if (ebur128_add_frames_short(meter, p->samples + s->from, s->to - s->from) !=
                EBUR128_SUCCESS)
                rc = BC_ENOMEM;
        } else if (s->silent) {
            rc = meter_zeros(meter, s->to - s->from, block);
        } else {
            rc = meter_limited(m, s->from, s->to, meter, block);
        }
    }
    free(block);
    return rc;
}

/* The loudness of the programme (limited, or as it is) into `*lufs`. */
static int measure_all(measure *ms, bool limited, size_t jobs, double *lufs)
{
    ms->limited = limited;
    for (size_t k = 0; k < ms->piece_count; k++)
        ms->meters[k] = NULL;
    int rc = bci_parallel_for(jobs, ms->piece_count, measure_piece, ms);
    if (!rc && ebur128_loudness_global_multiple(ms->meters, ms->piece_count, lufs) !=
                   EBUR128_SUCCESS)
        rc = BC_ENOMEM;
    for (size_t k = 0; k < ms->piece_count; k++)
        if (ms->meters[k])
            ebur128_destroy(&ms->meters[k]);
    return rc;
}

/* Groups the stretches into pieces of at least PIECE_MS, and of at least
 * a MOST_PIECES-th of the programme, that end after a silent stretch (or
 * at the end). */
static int make_pieces(measure *ms)
{
    const bci_master *m = ms->m;
    size_t least = (size_t)m->programme->sample_rate * PIECE_MS / 1000;
    if (least < m->programme->sample_count / MOST_PIECES)
        least = m->programme->sample_count / MOST_PIECES;
    ms->pieces = malloc((m->stretch_count + 1) * sizeof *ms->pieces);
    if (!ms->pieces)
        return BC_ENOMEM;
    size_t start = 0;
    ms->pieces[ms->piece_count++] = 0;
    for (size_t i = 0; i + 1 < m->stretch_count; i++) {
        const bci_stretch *s = &m->stretches[i];
        if (s->silent && s->to - m->stretches[start].from >= least) {
            start = i + 1;
            ms->pieces[ms->piece_count++] = start;
        }
    }
    ms->pieces[ms->piece_count] = m->stretch_count;
    return 0;
}

int bci_master_settle(bci_master *m, double target, size_t jobs)
{
    measure ms = {.m = m};
    int rc = make_pieces(&ms);
    if (!rc && !(ms.meters = calloc(ms.piece_count, sizeof *ms.meters)))
        rc = BC_ENOMEM;
    if (!rc)
        rc = measure_all(&ms, false, jobs, &m->measured_lufs);
    m->gain_db = 0.0;
    if (rc || !isfinite(m->measured_lufs))
        goto done;
    /* The limiter takes part of every decibel added, so the loudness grows
     * slower than the gain: the steps follow the slope measured so far
     * (the secant method). The first slope is a guess: the more the first
     * measurement falls short, the harder the limiter works. */
    m->gain_db = fmin(target - m->measured_lufs, MAX_GAIN_DB);
    double previous_gain = 0, previous_lufs = m->measured_lufs, slope = 1.0;
    for (int pass = 0; pass < SETTLE_PASSES; pass++) {
        double lufs = 0;
        if ((rc = measure_all(&ms, true, jobs, &lufs)))
            break;
        double miss = target - lufs;
        if (!isfinite(miss) || fabs(miss) < SETTLE_DB)
            break;
        /* the slope stays in [0.1, 1]: loudness never grows faster than gain */
        slope = pass == 0 ? 1.0 / (1.0 + fabs(miss))
                          : (lufs - previous_lufs) / (m->gain_db - previous_gain);
        slope = slope > 1.0 ? 1.0 : slope < 0.1 || !isfinite(slope) ? 0.1 : slope;
        previous_gain = m->gain_db;
        previous_lufs = lufs;
        m->gain_db = fmin(m->gain_db + miss / slope, MAX_GAIN_DB);
        if (m->gain_db == previous_gain)
            break; /* held at the most gain there is */
        /* a secant step this small misses by a fraction of it (a fifth to
         * a third, as the slope changes over the step): no need to measure */
        if (pass > 0 && fabs(miss) < 2 * SETTLE_DB)
            break;
    }

done:
    free(ms.meters);
    free(ms.pieces);
    return rc;
}
