/* briefcast — plan: the programme as a list of spoken segments, each with
 * its role, speaker, voice, text and pauses. */
#ifndef BRIEFCAST_PLAN_H
#define BRIEFCAST_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "common.h"
#include "summary.h"
#include "text.h"
#include "voice.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum bc_role {
    BC_ROLE_INTRO = 0,
    BC_ROLE_HEADLINE,
    BC_ROLE_NARRATION,
    BC_ROLE_ATTRIBUTION,
    BC_ROLE_QUOTE,
    BC_ROLE_TRANSITION,
    BC_ROLE_OUTRO,
} bc_role;

/* Returns the role's name as the plan JSON spells it ("narration"), or NULL. */
BC_API const char *bc_role_name(bc_role role);

/* Parses a role name; returns 0 and sets `*role`, or BC_EINVAL. */
BC_API int bc_role_parse(const char *name, bc_role *role);

/* One stretch of speech in one voice. Strings are NUL-terminated UTF-8 owned
 * by the plan. `text` is what is spoken (already normalised for speech);
 * `display` is what the transcript shows (as written). `story` is the index
 * of the story, or -1 for the programme's intro and outro. A segment with
 * `chapter` set opens a chapter called `chapter`. */
typedef struct bc_segment {
    int story;
    bc_role role;
    char *speaker;   /* NULL: the narrator */
    char *voice;     /* voice profile name */
    char *text;
    char *display;
    char *chapter;   /* NULL unless the segment starts a chapter */
    unsigned pause_before_ms;
    unsigned pause_after_ms;
    int rate_percent; /* speed relative to the voice's rate; 100 is normal */
    int pitch_offset; /* added to the voice's pitch (0..100 scale) */
} bc_segment;

typedef struct bc_plan {
    char *title;       /* programme title, for tags */
    char *date;        /* programme date as YYYY-MM-DD, or NULL */
    char *source;      /* source of the stories when they share one, or NULL */
    bc_segment *segments;
    size_t segment_count;
} bc_plan;

/* One story handed to the planner: its doc and the sentences chosen. */
typedef struct bc_story {
    const bc_doc *doc;
    const bc_selection *selection;
} bc_story;

typedef struct bc_plan_settings {
    const bc_voice_set *voices;  /* required */
    const char *title;           /* programme name; NULL: "briefcast" */
    const char *date;            /* YYYY-MM-DD; NULL: no date is spoken */
    bool intro;                  /* speak an intro and outro (true) */
} bc_plan_settings;

/* Fills `s` with the defaults; `voices` stays NULL and must be set. */
BC_API void bc_plan_default_settings(bc_plan_settings *s);

/* Builds the plan for `story_count` stories into `*out`; free it with
 * bc_plan_free(). Errors: BC_EINVAL, BC_ENOMEM, BC_ENOTFOUND (no narrator
 * or headline voice in the set). */
BC_API int bc_plan_build(const bc_story *stories, size_t story_count, const bc_plan_settings *s,
                         bc_plan **out);

/* Frees a plan; accepts NULL. */
BC_API void bc_plan_free(bc_plan *plan);

#ifdef __cplusplus
}
#endif

#endif
