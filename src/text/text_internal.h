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

/* Character classes (punctuation.c). Each looks at the character at `s`,
 * with `left` (> 0) bytes remaining, and returns its length in bytes, or 0
 * when it is not of the class. */

/* White space: ASCII blanks and controls, NBSP, the Unicode spaces, U+2028,
 * U+2029, ZWSP and a stray BOM. */
size_t bci_space_length(const char *s, size_t left);

/* True for U+2029 PARAGRAPH SEPARATOR. */
bool bci_is_paragraph_separator(const char *s, size_t left);

enum {
    BCI_TERM_PERIOD = 1, /* . */
    BCI_TERM_BANG,       /* ! ? ‼ ⁇ ⁈ ⁉ ؟ */
    BCI_TERM_ELLIPSIS,   /* … */
    BCI_TERM_FULL,       /* 。！？．｡ । ॥ ۔: end a sentence whatever follows */
};

/* A sentence terminator; its BCI_TERM_ kind goes to `*kind`. */
size_t bci_terminator_length(const char *s, size_t left, int *kind);

/* A closing quote or bracket: " ' ) ] } ” ’ › » 」 』 】 ） ］ ＂ */
size_t bci_closer_length(const char *s, size_t left);

/* An opening quote or bracket: " ' ( [ { “ ‘ ‹ « „ ‚ ¿ ¡ 「 『 【 （ ［ */
size_t bci_opener_length(const char *s, size_t left);

/* A bullet: • ‣ ⁃ ◦ ▪ ● */
size_t bci_bullet_length(const char *s, size_t left);

/* A footnote mark after a sentence: "[1]" to "[999]". */
size_t bci_footnote_length(const char *s, size_t left);

/* What a character is for the splitter's purposes. */
typedef enum bci_char_class {
    BCI_CHAR_END,   /* no character: the end of the text */
    BCI_CHAR_LOWER, /* a lower-case letter (Unicode category Ll) */
    BCI_CHAR_UPPER, /* an upper- or title-case letter (Lu, Lt) */
    BCI_CHAR_DIGIT, /* a decimal digit (Nd) */
    BCI_CHAR_OTHER, /* caseless letters (CJK, Arabic, Hebrew), symbols, emoji */
} bci_char_class;

/* The class of the character at `s` (`left` may be 0). */
bci_char_class bci_classify_char(const char *s, size_t left);

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
