/* The chain that runs audio stages one after another on blocks. */
#include <stdlib.h>

#include "stage.h"

/* Frames each stage writes per call: 4096 frames (85 ms at 48 kHz) keeps
 * every buffer in the cache. */
#define BLOCK_FRAMES 4096

typedef struct link_state {
    const bci_stage_ops *ops;
    void *state;
    float *out;
} link_state;

struct bci_chain {
    link_state *links;
    size_t count;
};

int bci_chain_open(bci_chain **out, const bci_chain_link *links, size_t count, unsigned rate,
                   unsigned *out_rate)
{
    if (!out || (!links && count) || rate == 0)
        return BC_EINVAL;
    bci_chain *c = calloc(1, sizeof *c);
    int rc = BC_ENOMEM;
    if (!c || !(c->links = calloc(count ? count : 1, sizeof *c->links)))
        goto fail;
    for (size_t i = 0; i < count; i++) {
        link_state *l = &c->links[i];
        if (!links[i].ops) {
            rc = BC_EINVAL;
            goto fail;
        }
        if (!(l->out = malloc(BLOCK_FRAMES * sizeof(float)))) {
            rc = BC_ENOMEM;
            goto fail;
        }
        if ((rc = links[i].ops->start(&l->state, links[i].config, &rate)))
            goto fail;
        l->ops = links[i].ops; /* set only once started: stop() is called for these */
        c->count = i + 1;
    }
    if (out_rate)
        *out_rate = rate;
    *out = c;
    return 0;

fail:
    if (c && c->links) {
        /* the link that failed has its buffer but no state */
        for (size_t i = c->count; i < count; i++)
            free(c->links[i].out);
    }
    bci_chain_free(c);
    return rc;
}

/* Runs `count` frames into stage `index` and everything after it. */
static int run(bci_chain *c, size_t index, const float *in, size_t count, bci_sink_fn sink,
               void *user_data)
{
    if (index == c->count)
        return count ? sink(user_data, in, count) : 0;
    link_state *l = &c->links[index];
    for (;;) {
        size_t used = 0, made = 0;
        int rc = l->ops->process(l->state, in, count, &used, l->out, BLOCK_FRAMES, &made);
        if (rc)
            return rc;
        if (used > count || made > BLOCK_FRAMES)
            return BC_EINVAL;
        if (made && (rc = run(c, index + 1, l->out, made, sink, user_data)))
            return rc;
        in += used;
        count -= used;
        /* Go on while input is left or the output was full (more may wait). */
        if (count == 0 && made < BLOCK_FRAMES)
            return 0;
        if (used == 0 && made == 0)
            return BC_EINVAL; /* a stage that neither takes nor gives would loop */
    }
}

int bci_chain_push(bci_chain *c, const float *frames, size_t count, bci_sink_fn sink,
                   void *user_data)
{
    if (!c || (!frames && count) || !sink)
        return BC_EINVAL;
    return count ? run(c, 0, frames, count, sink, user_data) : 0;
}

int bci_chain_drain(bci_chain *c, bci_sink_fn sink, void *user_data)
{
    if (!c || !sink)
        return BC_EINVAL;
    for (size_t i = 0; i < c->count; i++) {
        link_state *l = &c->links[i];
        for (;;) {
            size_t made = 0;
            int rc = l->ops->drain(l->state, l->out, BLOCK_FRAMES, &made);
            if (rc)
                return rc;
            if (made > BLOCK_FRAMES)
                return BC_EINVAL;
            if (made == 0)
                break;
            if ((rc = run(c, i + 1, l->out, made, sink, user_data)))
                return rc;
        }
    }
    return 0;
}

void bci_chain_free(bci_chain *c)
{
    if (!c)
        return;
    for (size_t i = 0; c->links && i < c->count; i++) {
        c->links[i].ops->stop(c->links[i].state);
        free(c->links[i].out);
    }
    free(c->links);
    free(c);
}
