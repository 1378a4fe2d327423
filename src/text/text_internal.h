/* Shared inside the text stage. */
#ifndef BRIEFCAST_TEXT_INTERNAL_H
#define BRIEFCAST_TEXT_INTERNAL_H

#include "briefcast/text.h"
#include "common/internal.h"

/* How an abbreviation behaves when its period is followed by white space
 * and a capital letter or a digit. */
typedef enum bci_abbreviation {
    BCI_ABBR_NONE = 0, /* not a known abbreviation */
    BCI_ABBR_TITLE,    /* stands before a name, never ends a sentence: Mr. Dr. Gen. */
    BCI_ABBR_PREFIX,   /* introduces what follows, never ends a sentence: e.g. vs. */
    BCI_ABBR_NUMERIC,  /* stands before a number, and ends a sentence otherwise: No. Feb. */
    BCI_ABBR_FINAL,    /* often ends a sentence: Inc. Ltd. U.S. Jr. (decided by the next word) */
    BCI_ABBR_TIME,     /* a.m. p.m.: end a sentence that has gone on for a while */
    BCI_ABBR_ETC,      /* almost always ends one before a capital: etc. */
} bci_abbreviation;

/* Returns the kind of the abbreviation `word` (without its final period,
 * any case), or BCI_ABBR_NONE. */
bci_abbreviation bci_abbreviation_kind(const char *word, size_t length);

/* True for capitalised words that usually start a sentence ("The", "He"). */
bool bci_is_sentence_starter(const char *word, size_t length);

/* True for titles before a name ("Mr", "Dr"). */
bool bci_is_name_title(const char *word, size_t length);

/* True for verbs that attribute a quote ("said", "asked"). */
bool bci_is_speech_verb(const char *word, size_t length);

/* True for words that follow a time inside a sentence ("Friday", "GMT"). */
bool bci_is_time_follower(const char *word, size_t length);

/* True for names written with an exclamation mark ("Yahoo", "Jeopardy"). */
bool bci_is_exclaimed_name(const char *word, size_t length);

/* True when the word lists are sorted as their binary search needs (a
 * check for the unit tests). */
bool bci_word_lists_sorted(void);

/* How a paragraph reads on its own. */
typedef enum bci_paragraph_kind {
    BCI_PARAGRAPH_NEWS = 0,   /* text to keep */
    BCI_PARAGRAPH_BOILERPLATE, /* web furniture: notices, bylines, credits, share bars */
    BCI_PARAGRAPH_LINE,       /* a short line without sentence punctuation: a related
                               * headline, a label or a real standfirst; its
                               * neighbours decide (see doc.c) */
} bci_paragraph_kind;

/* Classifies one paragraph (UTF-8, one line) on its own. */
bci_paragraph_kind bci_classify_paragraph(const char *text, size_t length);

/* True when a BCI_PARAGRAPH_LINE looks like a headline or label even
 * without context: title case, "Topic: words", a short label. */
bool bci_line_is_headline(const char *text, size_t length);

/* True when the paragraph reads as an item of a list ("- item", "1. item",
 * "• item"). */
bool bci_is_list_item(const char *text, size_t length);

/* Returns true when a paragraph is web boilerplate rather than news: a
 * sign-up or cookie notice, "Read full article", a share bar, a byline, a
 * photo credit, or a short line that looks like a related headline. Looks at
 * the paragraph alone; bc_doc_build() also weighs its neighbours. */
bool bci_is_boilerplate(const char *text, size_t length);

#endif
