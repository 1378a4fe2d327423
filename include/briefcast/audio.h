/* briefcast — audio: the programme's timeline. Speech and pauses are placed
 * one after another into one mono 16-bit track, with the chapter marks and
 * the transcript cues that point into it. */
#ifndef BRIEFCAST_AUDIO_H
#define BRIEFCAST_AUDIO_H

#include <stddef.h>
#include <stdint.h>

#include "common.h"
#include "synth.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A chapter starts at `sample`; `title` is owned by the programme. */
typedef struct bc_chapter {
    size_t sample;
    char *title;
} bc_chapter;

/* A transcript cue: samples [start, end), the speaker's name (NULL for the
 * narrator) and the text as written; strings owned by the programme. */
typedef struct bc_cue {
    size_t start;
    size_t end;
    char *speaker;
    char *text;
} bc_cue;

typedef struct bc_programme {
    int16_t *samples;
    size_t sample_count;
    unsigned sample_rate;
    bc_chapter *chapters;
    size_t chapter_count;
    bc_cue *cues;
    size_t cue_count;
    size_t capacity;        /* allocated samples (internal) */
    size_t chapter_capacity;
    size_t cue_capacity;
} bc_programme;

/* Creates an empty programme at `sample_rate` Hz in `*out`; free it with
 * bc_programme_free(). Errors: BC_EINVAL, BC_ENOMEM. */
BC_API int bc_programme_new(unsigned sample_rate, bc_programme **out);

/* Appends `ms` milliseconds of silence. Errors: BC_EINVAL, BC_ENOMEM. */
BC_API int bc_programme_add_silence(bc_programme *p, unsigned ms);

/* Appends the speech of `speech` (same sample rate) with its leading and
 * trailing silence trimmed and short fades at both ends so that the join
 * cannot click. When `first_sample` is not NULL it receives the position of
 * the first appended sample. Errors: BC_EINVAL, BC_ENOMEM. */
BC_API int bc_programme_add_speech(bc_programme *p, const bc_speech *speech,
                                   size_t *first_sample);

/* Starts a chapter called `title` at the current end of the programme.
 * Errors: BC_EINVAL, BC_ENOMEM. */
BC_API int bc_programme_add_chapter(bc_programme *p, const char *title);

/* Adds a cue over samples [start, end). Errors: BC_EINVAL, BC_ENOMEM. */
BC_API int bc_programme_add_cue(bc_programme *p, size_t start, size_t end, const char *speaker,
                                const char *text);

/* Returns the programme's length in seconds. */
BC_API double bc_programme_seconds(const bc_programme *p);

/* Frees a programme; accepts NULL. */
BC_API void bc_programme_free(bc_programme *p);

#ifdef __cplusplus
}
#endif

#endif
