/* The gain stage: every frame multiplied by one factor. */
#include <math.h>
#include <stdlib.h>

#include "stage.h"

typedef struct gain_state {
    float factor;
} gain_state;

static int gain_start(void **state, const void *config, unsigned *rate)
{
    const bci_gain_config *c = config;
    /* beyond +-120 dB the factor is meaningless for 16-bit sources */
    if (!c || !isfinite(c->gain_db) || fabs(c->gain_db) > 120)
        return BC_EINVAL;
    gain_state *g = malloc(sizeof *g);
    if (!g)
        return BC_ENOMEM;
    g->factor = (float)pow(10.0, c->gain_db / 20.0);
    (void)rate;
    *state = g;
    return 0;
}

static int gain_process(void *state, const float *in, size_t in_frames, size_t *in_used,
                        float *out, size_t out_capacity, size_t *out_made)
{
    const gain_state *g = state;
    size_t n = in_frames < out_capacity ? in_frames : out_capacity;
    for (size_t i = 0; i < n; i++)
        out[i] = in[i] * g->factor;
    *in_used = n;
    *out_made = n;
    return 0;
}

static int gain_drain(void *state, float *out, size_t out_capacity, size_t *out_made)
{
    (void)state;
    (void)out;
    (void)out_capacity;
    *out_made = 0;
    return 0;
}

static void gain_stop(void *state)
{
    free(state);
}

const bci_stage_ops bci_gain_stage = {
    .name = "gain",
    .start = gain_start,
    .process = gain_process,
    .drain = gain_drain,
    .stop = gain_stop,
};
