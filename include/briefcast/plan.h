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
 * by the plan. `text` is what is spoken (already normalised for speech:
 * numbers, money, dates and abbreviations written out as words);
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
    const char *date;            /* YYYY-MM-DD, spoken in the intro; NULL: none */
    bool intro;                  /* speak an intro and outro (true) */
    bool headlines;              /* with several stories, a headlines round-up
                                    after the intro (true) */
    bc_normalize_settings normalize; /* how text is written out for speech */
    bc_logger logger;
} bc_plan_settings;

/* Fills `s` with the defaults; `voices` stays NULL and must be set. */
BC_API void bc_plan_default_settings(bc_plan_settings *s);

/* Builds the plan for `story_count` stories into `*out`; free it with
 * bc_plan_free(). Every quoted person with a known name gets a voice of
 * the "quote" pool (the same person keeps it across stories) and is named
 * by the narrator before their first words. Errors: BC_EINVAL (also for a
 * date that is not YYYY-MM-DD), BC_ENOMEM, BC_ENOTFOUND (no narrator voice
 * in the set). */
BC_API int bc_plan_build(const bc_story *stories, size_t story_count, const bc_plan_settings *s,
                         bc_plan **out);

/* Frees a plan; accepts NULL. */
BC_API void bc_plan_free(bc_plan *plan);

/* Writes `plan` as JSON (the format README.md documents: an object with
 * "title", "date", "source" and "segments") to a new NUL-terminated string
 * in `*out`, which the caller frees with free(). The output is stable: the
 * same plan gives the same bytes. Errors: BC_EINVAL, BC_ENOMEM. */
BC_API int bc_plan_to_json(const bc_plan *plan, char **out);

/* Reads a plan from `length` bytes of JSON (as bc_plan_to_json() writes it,
 * perhaps edited by hand) into a new plan in `*out`; free it with
 * bc_plan_free(). Every segment needs "role", "voice" and "text"; other
 * fields take their defaults. Pauses are limited to BC_PLAN_MAX_PAUSE_MS and
 * a segment's text to BC_PLAN_MAX_TEXT_BYTES, so an edited plan cannot ask
 * for hours of silence. Voice names are checked against a voice set later,
 * when the plan is rendered. Errors: BC_EINVAL, BC_ENOMEM, BC_EFORMAT (the
 * logger gets the segment and field at fault), BC_EUTF8. */
BC_API int bc_plan_from_json(const char *json, size_t length, const bc_logger *logger,
                             bc_plan **out);

/* Limits on a plan read from JSON. */
#define BC_PLAN_MAX_PAUSE_MS 10000
#define BC_PLAN_MAX_TEXT_BYTES 65536

/* Bulletins: many stories in one programme. */

typedef enum bc_story_order {
    BC_ORDER_INPUT = 0,  /* as given (feed order) */
    BC_ORDER_DATE,       /* newest first; undated stories last, in input order */
    BC_ORDER_IMPORTANCE, /* most reported first (near-duplicates count), then fullest */
} bc_story_order;

/* Decides which of `count` docs make a bulletin and in what order. Stories
 * that report the same event (near-duplicates from two sources, by the
 * overlap of their headlines and opening sentences) are merged: the fuller
 * report stays, the other is dropped (the logger hears which). Writes the
 * kept stories' indices, in programme order, to `indices` (room for
 * `count`) and their number to `*kept`. Errors: BC_EINVAL, BC_ENOMEM. */
BC_API int bc_bulletin_arrange(const bc_doc *const *docs, size_t count, bc_story_order order,
                               const bc_logger *logger, size_t *indices, size_t *kept);

/* Shares a total budget of `words` among `count` stories (in `words_out`):
 * in proportion to the square root of each article's length, so a long
 * report gets more time than a brief one but never all of it, and no story
 * gets less than a floor of about two sentences. Errors: BC_EINVAL. */
BC_API int bc_bulletin_budgets(const bc_doc *const *docs, size_t count, size_t words,
                               size_t *words_out);

/* Sortable form of an article date: "2026-11-28T07:30:00Z" from ISO 8601
 * or from RSS's "Sat, 28 Nov 2026 07:30:00 GMT" (time zone offsets
 * applied). Returns false when `date` is not a date it knows. `out` needs
 * room for 21 bytes. */
BC_API bool bc_date_key(const char *date, char *out, size_t size);

#ifdef __cplusplus
}
#endif

#endif
