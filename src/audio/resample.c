/* The resampling stage: sample-rate conversion with libsoxr. */
#include <stdlib.h>

#include <soxr.h>

#include "stage.h"

typedef struct resample_state {
    soxr_t soxr; /* NULL when the rates are equal: a plain copy */
} resample_state;

static int resample_start(void **state, const void *config, unsigned *rate)
{
    const bci_resample_config *c = config;
    if (!c || !c->out_rate || !*rate)
        return BC_EINVAL;
    resample_state *r = calloc(1, sizeof *r);
    if (!r)
        return BC_ENOMEM;
    if (*rate != c->out_rate) {
        soxr_error_t error = NULL;
        soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
        /* HQ: 20-bit precision, far beyond what speech at 32 kbit/s needs. */
        soxr_quality_spec_t quality = soxr_quality_spec(SOXR_HQ, 0);
        /* one thread: the programme is cut into stretches that run in parallel */
        soxr_runtime_spec_t runtime = soxr_runtime_spec(1);
        r->soxr = soxr_create(*rate, c->out_rate, 1, &error, &io, &quality, &runtime);
        if (error || !r->soxr) {
            free(r);
            return BC_ENOMEM;
        }
    }
    *rate = c->out_rate;
    *state = r;
    return 0;
}

static int resample_process(void *state, const float *in, size_t in_frames, size_t *in_used,
                            float *out, size_t out_capacity, size_t *out_made)
{
    resample_state *r = state;
    if (!r->soxr) {
        size_t n = in_frames < out_capacity ? in_frames : out_capacity;
        for (size_t i = 0; i < n; i++)
            out[i] = in[i];
        *in_used = n;
        *out_made = n;
        return 0;
    }
    /* soxr reads a NULL input as the end: give it an empty, non-NULL one */
    static const float nothing[1];
    size_t used = 0, made = 0;
    soxr_error_t error = soxr_process(r->soxr, in_frames ? in : nothing, in_frames, &used, out,
                                      out_capacity, &made);
    if (error)
        return BC_ENOMEM;
    *in_used = used;
    *out_made = made;
    return 0;
}

static int resample_drain(void *state, float *out, size_t out_capacity, size_t *out_made)
{
    resample_state *r = state;
    *out_made = 0;
    if (!r->soxr)
        return 0;
    size_t made = 0;
    soxr_error_t error = soxr_process(r->soxr, NULL, 0, NULL, out, out_capacity, &made);
    if (error)
        return BC_ENOMEM;
    *out_made = made;
    return 0;
}

static void resample_stop(void *state)
{
    resample_state *r = state;
    if (!r)
        return;
    soxr_delete(r->soxr);
    free(r);
}

const bci_stage_ops bci_resample_stage = {
    .name = "resample",
    .start = resample_start,
    .process = resample_process,
    .drain = resample_drain,
    .stop = resample_stop,
};
