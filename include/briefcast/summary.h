/* briefcast — summary: ranks the sentences of a doc and selects the ones to
 * read under a budget of words or seconds. */
#ifndef BRIEFCAST_SUMMARY_H
#define BRIEFCAST_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>

#include "common.h"
#include "text.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct bc_summary_settings {
    size_t words;            /* budget in words; 0: use `seconds` */
    double seconds;          /* budget in seconds of speech at `words_per_minute` */
    double words_per_minute; /* speaking rate that turns seconds into words */
    bool full;               /* select every sentence (no summary) */
    bool strict_budget;      /* false (default): the budget is a length target, and the
                              * last sentence may run past it when at least half of it
                              * fits; true: the selection never exceeds it */
} bc_summary_settings;

/* Fills `s` with the defaults: 60 seconds at 175 words a minute. */
BC_API void bc_summary_default_settings(bc_summary_settings *s);

/* Returns the word budget that `s` stands for (SIZE_MAX when `full`). */
BC_API size_t bc_summary_word_budget(const bc_summary_settings *s);

/* The chosen sentences: indices into the doc's sentences, ascending. */
typedef struct bc_selection {
    size_t *sentences;
    size_t count;
} bc_selection;

/* Selects sentences of `doc` under the budget of `s` (NULL: the defaults):
 * ranks them by graph centrality, closeness to the article and headline,
 * the lead position and length, then chooses the best ones that fit while
 * avoiding repetition, never a dateline, caption, byline or page notice,
 * a leaning sentence ("But ...") only with the one before it, and a quote
 * only with the sentence that attributes it; a story with a strong quote
 * gets one when it fits. At least one sentence when the doc has any. The
 * new selection, in article order, goes to `*out`; free it with
 * bc_selection_free(). Errors: BC_EINVAL, BC_ENOMEM. */
BC_API int bc_summarize(const bc_doc *doc, const bc_summary_settings *s, bc_selection **out);

/* Frees a selection; accepts NULL. */
BC_API void bc_selection_free(bc_selection *selection);

/* Counts the words of `length` bytes of UTF-8 text (runs of letters or
 * digits, as a listener would count them). */
BC_API size_t bc_count_words(const char *text, size_t length);

#ifdef __cplusplus
}
#endif

#endif
