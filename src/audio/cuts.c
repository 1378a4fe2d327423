/* Cutting a programme into stretches that can be mastered and encoded on
 * their own, in parallel, and joined without a seam.
 *
 * A cut falls in digital silence, away from the jingles and the bed, on a
 * codec frame at both rates. Every pause long enough becomes a silent
 * stretch of its own: the encoders skip it (it is the same few bytes for
 * every frame of silence, see write.c), and the speech on each side of it
 * keeps a margin of silence that holds everything a stretch leaves behind
 * or needs before it: the resampler's ringing (4.5 ms either side), the
 * limiter's look-ahead and the Opus encoder's look-ahead (6.5 ms), and a
 * silent first frame for each fresh encoder. */
#include <stdlib.h>

#include "audio_internal.h"

/* Silence kept after the last sound before a pause: the resampler's
 * ringing and the encoder's look-ahead, 11 ms, with room to spare. */
#define END_MARGIN_MS 20
/* Silence kept before the first sound after a pause: the resampler's
 * ringing, and at least one silent frame for the fresh encoder. */
#define START_MARGIN_MS 20

static size_t round_up(size_t x, size_t step)
{
    return (x + step - 1) / step * step;
}

static int add(bci_stretch **list, size_t *capacity, size_t *count, bci_stretch s)
{
    void *items = *list;
    if (bci_reserve(&items, capacity, *count + 1, sizeof **list))
        return BC_ENOMEM;
    *list = items;
    (*list)[(*count)++] = s;
    return 0;
}

int bci_master_cuts(const bci_master *m, bci_stretch **stretches, size_t *count)
{
    const bc_programme *p = m->programme;
    size_t total = p->sample_count;
    size_t end_margin = (size_t)p->sample_rate * END_MARGIN_MS / 1000;
    size_t start_margin = (size_t)p->sample_rate * START_MARGIN_MS / 1000;
    size_t step = m->cut_step;
    bci_stretch *list = NULL;
    size_t capacity = 0, n = 0;
    size_t last = 0; /* where the stretch being built starts */
    size_t i = m->quiet_from;
    while (i < m->quiet_to) {
        if (p->samples[i] != 0) {
            i++;
            continue;
        }
        size_t run_start = i;
        while (i < total && p->samples[i] == 0)
            i++;
        size_t run_end = i < m->quiet_to ? i : m->quiet_to;
        size_t from = round_up(run_start + end_margin, step);
        if (run_end < start_margin + step)
            continue;
        size_t to = (run_end - start_margin) / step * step;
        if (from <= last || to < from + step)
            continue;
        if (add(&list, &capacity, &n, (bci_stretch){last, from, false}) ||
            add(&list, &capacity, &n, (bci_stretch){from, to, true})) {
            free(list);
            return BC_ENOMEM;
        }
        last = to;
    }
    /* the last stretch is always encoded: it ends the stream */
    if (add(&list, &capacity, &n, (bci_stretch){last, total, false})) {
        free(list);
        return BC_ENOMEM;
    }
    *stretches = list;
    *count = n;
    return 0;
}
