/* The programme timeline: speech and silence appended in order, with the
 * chapter marks and transcript cues that point into it. */
#include <stdlib.h>
#include <string.h>

#include "briefcast/audio.h"
#include "common/internal.h"

/* Samples quieter than this (about -54 dBFS) count as silence when trimming. */
#define SILENCE_THRESHOLD 64
/* Fades at every join: 5 ms is inaudible as a fade and removes clicks. */
#define FADE_MS 5
/* Silence kept around trimmed speech so consonants are not cut: 10 ms. */
#define KEEP_MS 10

int bc_programme_new(unsigned sample_rate, bc_programme **out)
{
    if (!out || sample_rate == 0)
        return BC_EINVAL;
    bc_programme *p = calloc(1, sizeof *p);
    if (!p)
        return BC_ENOMEM;
    p->sample_rate = sample_rate;
    *out = p;
    return 0;
}

static int reserve_samples(bc_programme *p, size_t more)
{
    if (more > SIZE_MAX - p->sample_count)
        return BC_ENOMEM;
    void *items = p->samples;
    if (bci_reserve(&items, &p->capacity, p->sample_count + more, sizeof(int16_t)))
        return BC_ENOMEM;
    p->samples = items;
    return 0;
}

int bc_programme_add_silence(bc_programme *p, unsigned ms)
{
    if (!p)
        return BC_EINVAL;
    size_t count = (size_t)((unsigned long long)ms * p->sample_rate / 1000);
    if (count == 0)
        return 0;
    if (reserve_samples(p, count))
        return BC_ENOMEM;
    memset(p->samples + p->sample_count, 0, count * sizeof(int16_t));
    p->sample_count += count;
    return 0;
}

static bool loud(int16_t s)
{
    return s > SILENCE_THRESHOLD || s < -SILENCE_THRESHOLD;
}

int bc_programme_add_speech(bc_programme *p, const bc_speech *speech, size_t *first_sample)
{
    if (!p || !speech || (speech->sample_count && speech->sample_rate != p->sample_rate))
        return BC_EINVAL;
    size_t start = 0, end = speech->sample_count;
    while (start < end && !loud(speech->samples[start]))
        start++;
    while (end > start && !loud(speech->samples[end - 1]))
        end--;
    size_t keep = (size_t)p->sample_rate * KEEP_MS / 1000;
    start = start > keep ? start - keep : 0;
    end = end + keep < speech->sample_count ? end + keep : speech->sample_count;
    size_t count = end - start;
    if (first_sample)
        *first_sample = p->sample_count;
    if (count == 0)
        return 0;
    if (reserve_samples(p, count))
        return BC_ENOMEM;
    int16_t *dst = p->samples + p->sample_count;
    memcpy(dst, speech->samples + start, count * sizeof(int16_t));
    size_t fade = (size_t)p->sample_rate * FADE_MS / 1000;
    if (fade > count / 2)
        fade = count / 2;
    for (size_t i = 0; i < fade; i++) {
        double gain = (double)i / (double)fade;
        dst[i] = (int16_t)(dst[i] * gain);
        dst[count - 1 - i] = (int16_t)(dst[count - 1 - i] * gain);
    }
    p->sample_count += count;
    return 0;
}

int bc_programme_add_chapter(bc_programme *p, const char *title)
{
    if (!p || !title)
        return BC_EINVAL;
    char *copy = bci_strdup(title);
    void *items = p->chapters;
    if (!copy || bci_reserve(&items, &p->chapter_capacity, p->chapter_count + 1, sizeof(bc_chapter))) {
        free(copy);
        return BC_ENOMEM;
    }
    p->chapters = items;
    p->chapters[p->chapter_count++] = (bc_chapter){.sample = p->sample_count, .title = copy};
    return 0;
}

int bc_programme_add_cue(bc_programme *p, size_t start, size_t end, const char *speaker,
                         const char *text)
{
    if (!p || !text || end < start)
        return BC_EINVAL;
    char *text_copy = bci_strdup(text);
    char *speaker_copy = speaker ? bci_strdup(speaker) : NULL;
    void *items = p->cues;
    if (!text_copy || (speaker && !speaker_copy) ||
        bci_reserve(&items, &p->cue_capacity, p->cue_count + 1, sizeof(bc_cue))) {
        free(text_copy);
        free(speaker_copy);
        return BC_ENOMEM;
    }
    p->cues = items;
    p->cues[p->cue_count++] = (bc_cue){start, end, speaker_copy, text_copy};
    return 0;
}

double bc_programme_seconds(const bc_programme *p)
{
    return p && p->sample_rate ? (double)p->sample_count / p->sample_rate : 0.0;
}

void bc_programme_free(bc_programme *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->chapter_count; i++)
        free(p->chapters[i].title);
    for (size_t i = 0; i < p->cue_count; i++) {
        free(p->cues[i].speaker);
        free(p->cues[i].text);
    }
    free(p->chapters);
    free(p->cues);
    free(p->samples);
    free(p);
}
