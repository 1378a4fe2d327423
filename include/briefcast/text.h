/* briefcast — text: cleans an article of web boilerplate, splits it into
 * sentences, finds its direct quotes, and writes numbers and abbreviations
 * out as words for the synthesizer. */
#ifndef BRIEFCAST_TEXT_H
#define BRIEFCAST_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "common.h"
#include "ingest.h"
#include "voice.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A sentence: bytes [start, end) of paragraph `paragraph` of the doc, exactly
 * as written (trimmed of surrounding white space). */
typedef struct bc_sentence {
    size_t paragraph;
    size_t start;
    size_t end;
} bc_sentence;

/* A direct quote: bytes [start, end) of paragraph `paragraph`, including its
 * quotation marks when it has them. `speaker` is the speaker's name as the
 * article gives it in full ("Jens Stoltenberg" even where the quote says "Mr
 * Stoltenberg", an organisation such as "the White House", or a description
 * such as "a spokesman for the council"), or NULL when unknown. A quote that
 * runs over several paragraphs is one bc_quote per paragraph; `continued` is
 * true on all but the last. `sentence` is the index of the sentence where it
 * starts.
 *
 * `partial` marks quoted words that are part of the writer's own sentence
 * ("He called it “most serious” of its kind"), scare quotes and titles: they
 * are read in the narration, not voiced on their own. `resumes` marks a
 * quote that goes on from the previous bc_quote of the same paragraph after
 * an interrupting attribution (“…,” she said. “…”): the two are one
 * quotation. [content_start, content_end) is the statement the quote
 * reports, in the same paragraph: for a partial quote with an attribution,
 * the clause that reports what the speaker said and holds the quoted words
 * (in "She warned that prices would rise “sharply” this year" it is "that
 * prices would rise “sharply” this year"; partial quotes of one clause share
 * it); otherwise [start, end). The speaker is named for this quote by bytes
 * [speaker_start, speaker_end) of paragraph `speaker_paragraph` (the words
 * "she" or "Mr Reilly" of the attribution, which may be in an earlier
 * paragraph); all three are BC_NO_OFFSET when there is no speaker.
 * `speaker_gender` comes from titles (Mr, Ms), well-known first names and
 * the pronouns the article uses for the speaker; it is BC_GENDER_UNKNOWN for
 * organisations and when the article does not tell. */
typedef struct bc_quote {
    size_t paragraph;
    size_t start;
    size_t end;
    size_t sentence;
    const char *speaker;
    bool continued;
    bool partial;
    bool resumes;
    size_t content_start;
    size_t content_end;
    size_t speaker_paragraph;
    size_t speaker_start;
    size_t speaker_end;
    bc_gender speaker_gender;
} bc_quote;

/* An article made ready for summarising: the paragraphs that are news (web
 * boilerplate removed), the sentences and the quotes.
 * `article` is borrowed and must outlive the doc; `paragraphs` point into it. */
typedef struct bc_doc {
    const bc_article *article;
    bc_paragraph *paragraphs;
    size_t paragraph_count;
    bc_sentence *sentences;
    size_t sentence_count;
    bc_quote *quotes;
    size_t quote_count;
} bc_doc;

typedef struct bc_text_settings {
    bool keep_boilerplate; /* false by default: drop sign-up notices and the like */
    bool skip_quotes;      /* false by default: find the quotes and their speakers;
                              true leaves the doc without quotes (paragraphs and
                              sentences alone, several times faster) */
    bc_logger logger;
} bc_text_settings;

/* Fills `s` with the defaults. */
BC_API void bc_text_default_settings(bc_text_settings *s);

/* Builds the doc of `article`: removes boilerplate paragraphs, splits the
 * rest into sentences and finds the quotes. The new doc goes to `*out`; free
 * it with bc_doc_free(). Errors: BC_EINVAL, BC_ENOMEM, BC_EEMPTY (nothing
 * but boilerplate). */
BC_API int bc_doc_build(const bc_article *article, const bc_text_settings *s, bc_doc **out);

/* Returns a pointer to the first byte of sentence `index` and its length in
 * `*length`; the text is not NUL-terminated and lives as long as the article. */
BC_API const char *bc_doc_sentence(const bc_doc *doc, size_t index, size_t *length);

/* Returns the byte offset of sentence `index` in the original input, or
 * BC_NO_OFFSET when its paragraph did not come from the input verbatim. */
BC_API size_t bc_doc_sentence_offset(const bc_doc *doc, size_t index);

/* Frees a doc (not its article); accepts NULL. */
BC_API void bc_doc_free(bc_doc *doc);

/* Splits one paragraph of UTF-8 text into sentences. Writes a new array of
 * [start, end) byte pairs (2 * count entries) to `*bounds` and the count to
 * `*count`; the caller frees the array with free(). Errors: BC_EINVAL,
 * BC_ENOMEM. */
BC_API int bc_split_sentences(const char *text, size_t length, size_t **bounds, size_t *count);

/* Speech normalisation: text written out the way a newsreader says it, for
 * the synthesizer. Numbers, money, dates, times, measures, abbreviations,
 * acronyms, Roman numerals, web addresses and symbols become words;
 * punctuation that shapes prosody (sentence stops, commas, quotes) stays. */

typedef enum bc_locale {
    BC_LOCALE_EN_GB = 0, /* "one hundred and five", "per cent", 16/02 is day first */
    BC_LOCALE_EN_US,     /* "one hundred five", "percent", 02/16 is month first */
} bc_locale;

typedef struct bc_normalize_settings {
    bc_locale locale; /* BC_LOCALE_EN_GB by default */
    bc_logger logger; /* says why bc_normalize() failed; none by default */
} bc_normalize_settings;

/* Fills `s` with the defaults (en-GB, no logger). */
BC_API void bc_normalize_default_settings(bc_normalize_settings *s);

/* Writes the spoken form of `length` bytes of UTF-8 `text` into a new
 * NUL-terminated string at `*out`; the caller frees it with free(). `s` may be
 * NULL for the defaults. Line breaks are kept, so each input line gives one
 * output line; control characters (including NUL) count as spaces. Time and
 * memory are linear in `length`. Errors: BC_EINVAL (a NULL argument),
 * BC_EUTF8 (the text is not UTF-8; the logger gets the offset),
 * BC_ENOMEM. On error `*out` is left unchanged. */
BC_API int bc_normalize(const char *text, size_t length, const bc_normalize_settings *s,
                        char **out);

#ifdef __cplusplus
}
#endif

#endif
