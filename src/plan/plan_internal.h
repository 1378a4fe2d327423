/* Shared inside the planner: the plan builder, the cast of quoted people
 * and their voices, and the spoken form of a piece of text. */
#ifndef BRIEFCAST_PLAN_INTERNAL_H
#define BRIEFCAST_PLAN_INTERNAL_H

#include "briefcast/plan.h"
#include "common/internal.h"

/* Pauses, in milliseconds, chosen to sound like a newsreader's. */
#define BCI_PAUSE_VOICE_CHANGE_MS 300
#define BCI_PAUSE_SENTENCE_MS 350
#define BCI_PAUSE_PARAGRAPH_MS 700
#define BCI_PAUSE_AFTER_HEADLINE_MS 800
#define BCI_PAUSE_BETWEEN_STORIES_MS 1200
#define BCI_PAUSE_AFTER_INTRO_MS 900

/* Which people are quoted and the voice each one speaks in. */
typedef struct bci_cast bci_cast;

typedef struct bci_plan_builder {
    bc_plan *plan;
    size_t capacity;
    const bc_voice *narrator;
    const bc_voice *headline;
    bci_cast *cast;
    bc_normalize_settings normalize;
    const bc_logger *logger;
} bci_plan_builder;

/* What one new segment says and how. `display` (`display_length` bytes) is
 * the text as written; the spoken text is made from it by
 * bci_spoken_text(). `speaker` NULL means the narrator. */
typedef struct bci_segment_spec {
    int story;
    bc_role role;
    const char *voice;
    const char *speaker;
    const char *display;
    size_t display_length;
    unsigned pause_before_ms;
    unsigned pause_after_ms;
    int rate_percent; /* 0: 100 */
} bci_segment_spec;

/* Appends a segment; `*out` (may be NULL) points at it until the next
 * append. Returns 0 or BC_ENOMEM. */
int bci_plan_add(bci_plan_builder *b, const bci_segment_spec *spec, bc_segment **out);

/* Sets the chapter title of a segment to a copy of `title`. */
int bci_plan_set_chapter(bc_segment *g, const char *title);

/* Frees what a segment owns. */
void bci_segment_clear(bc_segment *g);

/* Adds the segments of story `index` (a transition line when `transition`
 * is not NULL, headline, narration, attributions and quotes) to the plan. Errors: BC_EINVAL (a selection names a sentence the
 * doc does not have), BC_ENOMEM. */
int bci_plan_story(bci_plan_builder *b, int index, const bc_story *story, const char *transition);

/* Makes the spoken form of a piece of written text: white space collapsed,
 * and for a quote the quotation marks around it removed. Returns a new
 * string (caller frees) or NULL when out of memory. */
char *bci_spoken_text(const char *text, size_t length, bool strip_quote_marks);

/* A person's short name for naming them again: "Mr Stoltenberg" when the
 * article calls them that, else the name as given. Writes at most `size`
 * bytes to `out`. */
void bci_short_name(const bc_doc *doc, const char *speaker, char *out, size_t size);

/* True when `text` mentions the person called `speaker` (their surname as a
 * whole word). */
bool bci_mentions(const char *text, size_t length, const char *speaker);

/* The cast. bci_cast_new() keeps `voices` borrowed. Errors: BC_ENOMEM. */
int bci_cast_new(const bc_voice_set *voices, const bc_voice *narrator, const bc_logger *logger,
                 bci_cast **out);

/* Registers every quoted person of `doc` (in the order the article first
 * quotes them) and gives each a voice, if they have none yet.
 * Errors: BC_ENOMEM. */
int bci_cast_add_doc(bci_cast *cast, const bc_doc *doc);

/* The voice of the person called `speaker` (registered before). */
const bc_voice *bci_cast_voice(const bci_cast *cast, const char *speaker);

void bci_cast_free(bci_cast *cast);

#endif
