/* Shared by the files of the speech normaliser (normalize.c and the
 * recognisers it calls: numbers, money, dates, units, abbreviations, web).
 *
 * The normaliser walks the input once. At the start of every token it asks
 * each recogniser in turn whether a form it knows starts there; a recogniser
 * that matches writes the spoken words and returns the end of what it read,
 * one that does not returns 0 and leaves the output as it was. Recognisers
 * look ahead a bounded number of bytes past the token they stand on, so the
 * whole run stays linear in the input. */
#ifndef BRIEFCAST_NORMALIZE_INTERNAL_H
#define BRIEFCAST_NORMALIZE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "text_internal.h"

/* The state of one bc_normalize() run. */
typedef struct bci_tn {
    const char *text; /* the input */
    size_t length;
    bci_buf out;      /* the spoken form so far */
    bool gb;          /* en-GB rules, else en-US */
    bool shouting;    /* the input is mostly capitals: all-caps words are not acronyms */
    int error;        /* the first failure (BC_ENOMEM), sticky */
    size_t web_skip;  /* no address starts before this offset (web.c's memo) */
    size_t money_scanned; /* figures.c's memo: the input is scanned for money up to here */
    size_t money_last;    /* where the last money word seen starts, plus one; 0 for none */
} bci_tn;

/* A number as written: [start, end) covers the sign, the digits with their
 * thousands separators, and the decimal part. */
typedef struct bci_tn_number {
    size_t start, end;
    bool negative;
    bool plus;                 /* written with a "+" sign */
    size_t int_start, int_end; /* the integer part, commas included; empty for ".5" */
    size_t int_digits;         /* digits in it, commas excluded */
    bool grouped;              /* written with thousands separators */
    size_t frac_start, frac_end; /* the digits after the point; empty when none */
    uint64_t value;            /* the integer part, UINT64_MAX when it does not fit */
} bci_tn_number;

/* Longest integer part spoken as a cardinal (quintillions); longer ones are
 * read digit by digit. */
#define BCI_TN_MAX_CARDINAL_DIGITS 21
/* Longest integer written without separators that is spoken as a cardinal;
 * longer runs are identifiers or codes and are read digit by digit. */
#define BCI_TN_MAX_PLAIN_DIGITS 12

/* normalize.c: output and input helpers. */

/* Appends a word (or several), with a space before it unless the output is
 * empty or ends in a space, an opening bracket or quote, or a hyphen. */
void bci_tn_say(bci_tn *t, const char *words);
/* As bci_tn_say() for `length` bytes of `words`. */
void bci_tn_say_n(bci_tn *t, const char *words, size_t length);
/* Appends bytes as they are. */
void bci_tn_raw(bci_tn *t, const char *s, size_t length);
/* The output length, to undo a partial match with bci_tn_undo(). */
size_t bci_tn_mark(const bci_tn *t);
void bci_tn_undo(bci_tn *t, size_t mark);

/* The byte at `pos`, or 0 past the end. */
static inline unsigned char bci_tn_at(const bci_tn *t, size_t pos)
{
    return pos < t->length ? (unsigned char)t->text[pos] : 0;
}
static inline bool bci_tn_digit(const bci_tn *t, size_t pos)
{
    unsigned char c = bci_tn_at(t, pos);
    return c >= '0' && c <= '9';
}
static inline bool bci_tn_alpha(const bci_tn *t, size_t pos)
{
    unsigned char c = bci_tn_at(t, pos);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static inline bool bci_tn_upper(const bci_tn *t, size_t pos)
{
    unsigned char c = bci_tn_at(t, pos);
    return c >= 'A' && c <= 'Z';
}
static inline bool bci_tn_lower(const bci_tn *t, size_t pos)
{
    unsigned char c = bci_tn_at(t, pos);
    return c >= 'a' && c <= 'z';
}

/* True when `pos` is the end of a token: the end of the text, or a byte that
 * is not a letter or digit (any letter, not only ASCII). */
bool bci_tn_ends(const bci_tn *t, size_t pos);
/* True when `pos` starts a token: the start, or after a non-letter, non-digit. */
bool bci_tn_starts(const bci_tn *t, size_t pos);
/* Skips at most one space-like character (space, tab, no-break or thin
 * space) at `pos`; returns the new position. */
size_t bci_tn_space(const bci_tn *t, size_t pos);
/* True when `pos` holds a space-like character. */
bool bci_tn_is_space(const bci_tn *t, size_t pos);
/* True when `word` is one of the `count` words of `list` (exact match). */
bool bci_tn_listed(const char *word, const char *const *list, size_t count);
/* Matches `word` at `pos` ignoring ASCII case, followed by a token end;
 * returns the end or 0. */
size_t bci_tn_word_ci(const bci_tn *t, size_t pos, const char *word);
/* As bci_tn_word_ci() but the case must match exactly. */
size_t bci_tn_word_cs(const bci_tn *t, size_t pos, const char *word);
/* Matches any dash used in ranges (-, en dash, em dash) at `pos`; returns the
 * end or 0. */
size_t bci_tn_dash(const bci_tn *t, size_t pos);
/* The ASCII letters of the word at `pos` (at most `size` - 1 of them) into
 * `word`, NUL-terminated; returns the word's end, or `pos` when there is no
 * ASCII word there or it is too long. */
size_t bci_tn_ascii_word(const bci_tn *t, size_t pos, char *word, size_t size);

/* numbers.c: numbers as words. The digit strings may hold commas, which are
 * skipped. */

/* Appends the cardinal of the integer written in [start, end) of the input,
 * which has at most BCI_TN_MAX_CARDINAL_DIGITS digits. */
void bci_tn_cardinal(bci_tn *t, size_t start, size_t end);
/* Appends the cardinal of `value`. */
void bci_tn_cardinal_value(bci_tn *t, uint64_t value);
/* Appends the ordinal ("twenty-first") of `value`; `plural` adds an "s"
 * ("thirds"), as in fractions. */
void bci_tn_ordinal_value(bci_tn *t, uint64_t value, bool plural);
/* Appends the ordinal of the integer in [start, end) (at most
 * BCI_TN_MAX_CARDINAL_DIGITS digits). */
void bci_tn_ordinal(bci_tn *t, size_t start, size_t end);
/* Appends a year as said: "nineteen ninety-nine", "twenty ten", "two
 * thousand and five" (en-GB) or "two thousand five" (en-US). */
void bci_tn_year(bci_tn *t, uint64_t year);
/* Appends the plural of a year for decades: "nineteen nineties", "two
 * thousands", "eighteen hundreds". */
void bci_tn_decade(bci_tn *t, uint64_t year);
/* Appends each digit of [start, end) as a word ("zero" or, when `oh`, "oh"),
 * skipping anything that is not a digit. */
void bci_tn_digits(bci_tn *t, size_t start, size_t end, bool oh);
/* Appends the number as read aloud: "minus", the cardinal (or its digits when
 * it is too long for one), and "point" with the decimals one by one. */
void bci_tn_number_words(bci_tn *t, const bci_tn_number *n);
/* Appends a fraction: "one half", "three quarters", "two thirds",
 * "five over a hundred and twelve"; `with_a` says "a half" for 1/2. */
void bci_tn_fraction(bci_tn *t, uint64_t numerator, uint64_t denominator, bool with_a);

/* Reads a number at `pos`: an optional sign (when `sign`), digits with
 * optional thousands separators, an optional decimal part (when
 * `decimals`). Returns false when there is none. Does not look at what
 * follows. */
bool bci_tn_scan_number(const bci_tn *t, size_t pos, bool sign, bool decimals, bci_tn_number *n);
/* Reads an unsigned integer of 1 to `max_digits` digits at `pos`, with no
 * separators, followed by a non-digit; returns its end or 0. */
size_t bci_tn_scan_int(const bci_tn *t, size_t pos, size_t max_digits, uint64_t *value);

/* Recognisers: each tries the form it knows at `pos` (a token start), writes
 * its words and returns the end, or returns 0 having written nothing. */
size_t bci_tn_web(bci_tn *t, size_t pos);        /* web.c: URLs, e-mail, @handles, #tags */
size_t bci_tn_money(bci_tn *t, size_t pos);      /* money.c */
size_t bci_tn_date(bci_tn *t, size_t pos);       /* dates.c: dates, decades, day ranges */
size_t bci_tn_time(bci_tn *t, size_t pos);       /* times.c: times of day, durations */
size_t bci_tn_phone(bci_tn *t, size_t pos);      /* phone.c: telephone numbers */
size_t bci_tn_figure(bci_tn *t, size_t pos);     /* figures.c: every other number */
size_t bci_tn_word(bci_tn *t, size_t pos);       /* abbrev.c: one word (always matches) */

/* units.c: a unit of measure after a number that ended at `pos` (optionally
 * after a space or hyphen). `one` asks for the singular. Returns the end or
 * 0 having written nothing. */
size_t bci_tn_unit(bci_tn *t, size_t pos, bool one);
/* units.c: "per" and a unit after a slash at `pos` ("/kg", "/h", "/month");
 * returns the end or 0. */
size_t bci_tn_per_unit(bci_tn *t, size_t pos);

/* money.c: a scale word after a number at `pos` ("m", "bn", " million",
 * "tn", "k"); writes nothing. Returns the end or 0, and its word in `*word`. */
size_t bci_tn_scale(const bci_tn *t, size_t pos, bool abbreviations_only, const char **word);

/* dates.c: the month named at `pos` ("Feb", "Feb.", "february", "SEPT."):
 * returns its end and the month (1-12) in `*month`, or 0. */
size_t bci_tn_month(const bci_tn *t, size_t pos, int *month);
/* dates.c: the English name of month 1-12. */
const char *bci_tn_month_name(int month);

/* Longest word looked up in the word lists; longer ones are left as they are. */
#define BCI_TN_MAX_WORD 24

/* normalize.c: true when [start, end) is used as an adjective: after "a" or
 * "an" and before a noun ("a $5 ticket", "a 10km run"), where the currency
 * or unit is said in the singular. */
bool bci_tn_attributive(const bci_tn *t, size_t start, size_t end);

/* normalize.c: the word just before `pos` (past at most two spaces), its
 * bounds in `*start` and `*end`; false when there is none within reach. */
bool bci_tn_word_before(const bci_tn *t, size_t pos, size_t *start, size_t *end);

/* acronyms.c: appends an all-capitals word as said: initialisms spelled
 * ("I.M.F"), acronyms said as words ("Nato"). */
void bci_tn_acronym(bci_tn *t, const char *letters, size_t length);
/* acronyms.c: says the Roman numeral `w` (`n` capitals) at `pos` when the
 * word before makes it one: "Charles III" the Third, "World War II" two.
 * Returns false, having written nothing, when it is not one. */
bool bci_tn_roman(bci_tn *t, size_t pos, const char *w, size_t n);

#endif
