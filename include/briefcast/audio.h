/* briefcast — audio: the programme's timeline. Speech and pauses are placed
 * one after another into one mono 16-bit track, with the chapter marks and
 * the transcript cues that point into it. */
#ifndef BRIEFCAST_AUDIO_H
#define BRIEFCAST_AUDIO_H

#include <stdbool.h>
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

/* How a programme is mastered before it is encoded: brought to a loudness
 * target, framed by a jingle, optionally laid over a music bed, and held
 * under a true-peak ceiling. */
typedef struct bc_master_settings {
    double loudness;     /* integrated loudness target, LUFS; -16 by default */
    double true_peak;    /* true-peak limit of the files, dBTP; -1 by default. The
                            limiter holds the audio 2 dB under it (lossy coding
                            raises peaks), and Opus stretches that decode above
                            it are limited harder and encoded again */
    bool jingle;         /* a chime at the start and the end (needs `assets`) */
    bool music;          /* a music bed under the intro, lowered under speech */
    const char *assets;  /* folder holding jingle.flac and bed.flac */
    unsigned jobs;       /* encoders run at once; 0: one per processor */
    bc_logger logger;
    bc_canceller cancel;
} bc_master_settings;

/* Fills `s` with the defaults: -16 LUFS, -1 dBTP, no jingle, no music, one
 * job per processor. */
BC_API void bc_master_default_settings(bc_master_settings *s);

/* The silence, in milliseconds, a programme must begin (lead-in) and end
 * (lead-out) with for the jingle and music of `s`; 0 when they are off.
 * bc_render_settings takes them. */
BC_API unsigned bc_master_lead_in_ms(const bc_master_settings *s);
BC_API unsigned bc_master_lead_out_ms(const bc_master_settings *s);

#ifdef __cplusplus
}
#endif

#endif
