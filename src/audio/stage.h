/* Audio stages: every effect of the mastering chain (gain, resampling,
 * mixing, limiting) has the same calling convention and life cycle, after
 * SoX's effects and miniaudio's nodes:
 *
 *   start   makes the state from the stage's own config and the input rate
 *           (and says the rate of its output);
 *   process takes up to `in_frames` mono float frames from `in`, writes up
 *           to `out_capacity` frames to `out`, and says how many it used
 *           and made (a stage may hold frames back: look-ahead, filters);
 *   drain   at the end of the input, writes what the stage still holds,
 *           `*out_made` 0 when it holds nothing more;
 *   stop    frees the state.
 *
 * Every stage keeps its output aligned with its input: a stage with a
 * delay drops it at the start and gives it back in drain(), so a stretch
 * of N frames in gives exactly the matching stretch out.
 *
 * A new effect is one new file defining a bci_stage_ops, plus its line in
 * the list below. */
#ifndef BRIEFCAST_AUDIO_STAGE_H
#define BRIEFCAST_AUDIO_STAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "common/internal.h"

typedef struct bci_stage_ops {
    const char *name;
    int (*start)(void **state, const void *config, unsigned *rate);
    int (*process)(void *state, const float *in, size_t in_frames, size_t *in_used, float *out,
                   size_t out_capacity, size_t *out_made);
    int (*drain)(void *state, float *out, size_t out_capacity, size_t *out_made);
    void (*stop)(void *state);
} bci_stage_ops;

/* The stages, each with the config struct its start() takes. */

typedef struct bci_gain_config {
    double gain_db;
} bci_gain_config;
extern const bci_stage_ops bci_gain_stage;

typedef struct bci_resample_config {
    unsigned out_rate;
} bci_resample_config;
extern const bci_stage_ops bci_resample_stage;

/* A sound laid over the programme by the mixer: `frame_count` frames of
 * `frames` (at the mixer's rate) from programme frame `start` for `length`
 * frames, repeated when `loop`, scaled by `gain`, faded in and out over
 * `fade_in` and `fade_out` frames, and lowered by `duck_db` under speech
 * when `duck`. The frames belong to the caller. */
typedef struct bci_mix_clip {
    const float *frames;
    size_t frame_count;
    size_t start;
    size_t length;
    bool loop;
    float gain;
    size_t fade_in;
    size_t fade_out;
    bool duck;
    double duck_db;
} bci_mix_clip;

typedef struct bci_mix_config {
    const bci_mix_clip *clips;
    size_t clip_count;
    size_t position; /* programme frame of the first input frame */
} bci_mix_config;
extern const bci_stage_ops bci_mix_stage;

typedef struct bci_limiter_config {
    double ceiling_db;    /* true-peak ceiling, dBTP */
    double lookahead_ms;  /* also the attack time */
    double release_ms;
} bci_limiter_config;
extern const bci_stage_ops bci_limiter_stage;

/* A chain of stages run one after another on blocks of frames. */
typedef struct bci_chain bci_chain;

typedef struct bci_chain_link {
    const bci_stage_ops *ops;
    const void *config;
} bci_chain_link;

/* Receives the chain's output; returns 0 or an error, which stops the chain. */
typedef int (*bci_sink_fn)(void *user_data, const float *frames, size_t count);

/* Starts the `count` stages of `links` for input at `rate` Hz; `*out_rate`
 * (may be NULL) receives the rate of the chain's output. The configs must
 * outlive the chain. Errors: BC_EINVAL, BC_ENOMEM, or a stage's error. */
int bci_chain_open(bci_chain **out, const bci_chain_link *links, size_t count, unsigned rate,
                   unsigned *out_rate);

/* Runs `count` frames through the chain, handing its output to `sink`.
 * Errors: a stage's or the sink's. */
int bci_chain_push(bci_chain *chain, const float *frames, size_t count, bci_sink_fn sink,
                   void *user_data);

/* Drains every stage in order at the end of the input. Errors: as push. */
int bci_chain_drain(bci_chain *chain, bci_sink_fn sink, void *user_data);

/* Stops every stage and frees the chain; accepts NULL. */
void bci_chain_free(bci_chain *chain);

#endif
