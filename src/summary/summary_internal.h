/* Shared inside the summary stage: the sentence features (features.c), the
 * ranking (rank.c) and the budgeted selection (select.c). */
#ifndef BRIEFCAST_SUMMARY_INTERNAL_H
#define BRIEFCAST_SUMMARY_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "briefcast/summary.h"
#include "common/internal.h"

/* One stemmed content word of a sentence and how often it occurs there. */
typedef struct bci_term_count {
    uint32_t term;
    uint32_t count;
} bci_term_count;

/* A bag of stemmed content words, sorted by term id. */
typedef struct bci_term_vector {
    bci_term_count *terms; /* points into bci_summary_text.pool */
    size_t count;
} bci_term_vector;

/* What a sentence is, besides its words (bit flags of bci_sentence_info). */
enum {
    BCI_SENT_DATELINE = 1u << 0,  /* a bare dateline: "LONDON (Reuters) -" */
    BCI_SENT_CAPTION = 1u << 1,   /* a photo or video caption, an image credit */
    BCI_SENT_BYLINE = 1u << 2,    /* "By Jane Smith", "Reporting by ...", "Updated: ..." */
    BCI_SENT_NOTICE = 1u << 3,    /* "Scroll down for video", "Click here", sign-up lines */
    BCI_SENT_CONNECTIVE = 1u << 4, /* opens with "But", "However", "Also", ... */
    BCI_SENT_PRONOUN = 1u << 5,   /* opens with "He", "They", "This", "These", ... */
    BCI_SENT_LEAD_IN = 1u << 6,   /* ends with a colon: introduces the next sentence */
    BCI_SENT_QUOTED = 1u << 7,    /* has quotation marks: direct speech */
    BCI_SENT_LEAD_PARAGRAPH = 1u << 8, /* in the doc's first paragraph (set by features.c) */
    BCI_SENT_UNATTRIBUTED = 1u << 9, /* opens with a quote and names no speaker */
};

/* Flags that keep a sentence out of every summary. */
#define BCI_SENT_NEVER (BCI_SENT_DATELINE | BCI_SENT_CAPTION | BCI_SENT_BYLINE | BCI_SENT_NOTICE)
/* Flags that tie a sentence to the one before it. */
#define BCI_SENT_DANGLING (BCI_SENT_CONNECTIVE | BCI_SENT_PRONOUN | BCI_SENT_UNATTRIBUTED)

typedef struct bci_sentence_info {
    size_t words;          /* bc_count_words() of the sentence */
    unsigned flags;        /* BCI_SENT_* */
    bci_term_vector terms; /* its stemmed content words */
} bci_sentence_info;

/* The doc as the ranker sees it: every sentence as a bag of stemmed content
 * words, plus the headline's. Term ids are dense, from 0 to term_count - 1. */
typedef struct bci_summary_text {
    bci_sentence_info *sentences;
    size_t sentence_count;
    bci_term_vector title;  /* empty when the article has no title */
    size_t term_count;
    bci_term_count *pool;   /* the sentences' and the title's terms, one block */
} bci_summary_text;

/* Reads `doc` into `text` (which needs no initialising): tokenises every
 * sentence and the title, lower-cases (utf8proc) and stems (Snowball
 * English) the words, drops stop words and sets the sentence flags. Free
 * it with bci_summary_text_free(). Errors: BC_ENOMEM (then `text` holds
 * nothing to free). */
int bci_summary_text_build(const bc_doc *doc, bci_summary_text *text);

/* Frees what bci_summary_text_build() allocated; accepts a zeroed struct. */
void bci_summary_text_free(bci_summary_text *text);

/* Classifies one sentence of text of `words` words (bc_count_words()):
 * the BCI_SENT_* flags that need no context: datelines, captions, bylines,
 * notices, dangling openers, unattributed quotes, lead-ins and direct
 * speech. */
unsigned bci_sentence_flags(const char *text, size_t length, size_t words);

/* True when `text` has a verb or phrase that attributes speech ("said",
 * "told", "according to", ...) as a whole word. */
bool bci_has_speech_verb(const char *text, size_t length);

/* Unit-length vectors of log-scaled term counts, for the similarity of
 * sentences. */
typedef struct bci_weighted_term {
    uint32_t term;
    float weight;
} bci_weighted_term;

typedef struct bci_vector {
    bci_weighted_term *terms; /* sorted by term, unit length (or empty) */
    size_t count;
} bci_vector;

/* The ranker's output: one importance score per sentence and the unit
 * vectors that the selection compares for redundancy. */
typedef struct bci_ranking {
    double *scores;      /* sentence_count scores, higher is better, >= 0 */
    bci_vector *vectors; /* sentence_count vectors */
    bci_weighted_term *pool; /* the vectors' terms, one block */
    size_t sentence_count;
} bci_ranking;

/* Most sentences whose similarity graph is ranked as one: longer docs are
 * ranked in consecutive windows of this many sentences, which keeps the cost
 * linear in the length of the doc. */
#define BCI_RANK_WINDOW 96

/* Scores every sentence of `text`: graph centrality (PageRank over the
 * cosine similarity of sentence vectors, within windows of
 * BCI_RANK_WINDOW sentences), closeness to the whole article and to the
 * headline, recurrence of its words, the lead of news writing and a length
 * prior (see rank.c). Fills `ranking`, which needs no initialising and is
 * freed with bci_ranking_free(); on error it holds nothing. Errors:
 * BC_ENOMEM. */
int bci_rank(const bci_summary_text *text, bci_ranking *ranking);

/* Frees a ranking; accepts a zeroed struct. */
void bci_ranking_free(bci_ranking *ranking);

/* Cosine similarity of two unit vectors. */
double bci_vector_cosine(const bci_vector *a, const bci_vector *b);

/* How a sentence carries a quote (bit flags). A strong quote has a known
 * speaker and says something (five words or more); a weak one has no
 * speaker or is a scare quote. */
enum {
    BCI_QUOTE_STRONG = 1u << 0,
    BCI_QUOTE_WEAK = 1u << 1,
};

/* A run of sentences [first, last] that is read whole or not at all: a
 * quote with the sentence that attributes it, or a single sentence. */
typedef struct bci_group {
    size_t first;
    size_t last;
    size_t words;
    bool eligible;     /* no member is a dateline, caption, byline or notice */
    bool strong_quote; /* a member starts a strong quote */
} bci_group;

/* Splits the sentences of `doc` into groups (see units.c) and marks in
 * `quote_flags` (one per sentence) the sentences where quotes start. The
 * new array of groups, in article order, goes to `*groups` (the caller frees
 * it) and their number to `*count`. Errors: BC_ENOMEM. */
int bci_group_sentences(const bc_doc *doc, const bci_summary_text *text, bci_group **groups,
                        size_t *count, unsigned *quote_flags);

/* Chooses the sentences of `doc` under `budget` words from the ranking
 * (see select.c for the rules; `strict`: never past the budget) and writes
 * their indices, ascending, to `selection` (whose `sentences` array has
 * room for every sentence). Errors: BC_ENOMEM. */
int bci_select(const bc_doc *doc, const bci_summary_text *text, const bci_ranking *ranking,
               size_t budget, bool strict, bc_selection *selection);

#endif
