/* Sentence splitting for news text.
 *
 * One pass over the bytes. A sentence ends after a run of terminators
 * (. ! ? … and their CJK, Arabic and Devanagari forms) and the closing
 * quotes and brackets after it, when white space and something that can
 * start a sentence follow. Whether a period ends a sentence depends on the
 * word before it (an abbreviation, an initial, a list number) and the word
 * after it; see period_ends() for the rules. A blank line, a paragraph
 * separator (U+2029), a bullet and the next item of a numbered list also
 * start a new sentence. Every look-around is bounded, so the time is linear
 * in the length of the text. */
#include <stdlib.h>
#include <string.h>

#include "text_internal.h"

/* Bytes looked at after a boundary to find an attribution ("Smith said"). */
#define ATTRIBUTION_WINDOW 64

/* Words before an abbreviation from which "Mr" after it starts a sentence:
 * "At 5 a.m. Mr Smith left" is one sentence, "He left the bank at 6 p.m.
 * Mr Smith stayed" is two. */
#define LONG_CLAUSE_WORDS 4

typedef struct splitter {
    const char *text;
    size_t length;
    size_t *bounds;
    size_t capacity;
    size_t count;
    size_t start;        /* first byte of the current sentence */
    unsigned list_next;  /* value of the list item expected next; 0: not in a list */
    bool list_letters;   /* the list counts a. b. c. rather than 1. 2. 3. */
} splitter;

/* What a run of terminators and closers holds. */
typedef struct run {
    size_t mark;   /* first terminator */
    size_t end;    /* first byte after the run */
    int periods;   /* '.' count (an ellipsis "…" counts apart) */
    bool bang;     /* ! ? or a relative */
    bool ellipsis; /* "…" */
    bool full;     /* a CJK, Devanagari or Arabic full stop: always ends */
    bool closer;   /* a closing quote or bracket after a terminator */
    bool spaced;   /* a spaced ellipsis ". . ." */
} run;

static bool is_ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static bool is_ascii_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static bool is_ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool is_ascii_letter(unsigned char c) { return is_ascii_upper(c) || is_ascii_lower(c); }

/* Length of the ASCII word at `s` (letters and apostrophes), at most `cap`. */
static size_t ascii_word_length(const char *s, size_t left, size_t cap)
{
    size_t n = 0;
    while (n < left && n < cap && (is_ascii_letter((unsigned char)s[n]) || s[n] == '\''))
        n++;
    return n;
}

/* Appends the sentence [start, end) trimmed of white space; empty ranges
 * are skipped. Returns 0 or BC_ENOMEM. */
static int emit(splitter *sp, size_t start, size_t end)
{
    const char *t = sp->text;
    size_t n;
    while (start < end && (n = bci_space_length(t + start, end - start)) > 0)
        start += n;
    while (end > start) {
        /* white space ends in an ASCII byte or a UTF-8 continuation byte */
        size_t back = 1;
        while (back < 3 && end - back > start && ((unsigned char)t[end - back] & 0xC0) == 0x80)
            back++;
        if (bci_space_length(t + end - back, back) != back)
            break;
        end -= back;
    }
    if (end <= start)
        return 0;
    void *items = sp->bounds;
    if (bci_reserve(&items, &sp->capacity, 2 * (sp->count + 1), sizeof(size_t)))
        return BC_ENOMEM;
    sp->bounds = items;
    sp->bounds[2 * sp->count] = start;
    sp->bounds[2 * sp->count + 1] = end;
    sp->count++;
    return 0;
}

/* Ends the current sentence at `end` and starts the next at `next` (after
 * any white space there). */
static int cut(splitter *sp, size_t end, size_t next)
{
    int rc = emit(sp, sp->start, end);
    size_t n;
    while (next < sp->length && (n = bci_space_length(sp->text + next, sp->length - next)) > 0)
        next += n;
    sp->start = next;
    return rc;
}

/* The word before the terminator at `mark`: back to white space or an
 * opening quote or bracket. Writes its first byte to `*start`. */
static size_t word_before(const splitter *sp, size_t mark, size_t *start)
{
    const char *t = sp->text;
    size_t i = mark;
    while (i > sp->start) {
        unsigned char c = (unsigned char)t[i - 1];
        if (c == ' ' || (c >= '\t' && c <= '\r') || c == '(' || c == '[' || c == '"')
            break;
        if (c >= 0x80) {
            /* stop after a multi-byte space or opener (NBSP, “, ‘, «) */
            size_t back = 1;
            while (back < 4 && i - back > sp->start && ((unsigned char)t[i - back] & 0xC0) == 0x80)
                back++;
            if (bci_space_length(t + i - back, back) == back ||
                bci_opener_length(t + i - back, back) == back)
                break;
            i -= back;
            continue;
        }
        i--;
    }
    *start = i;
    return mark - i;
}

/* True when only white space and openers lie between the sentence start and
 * `pos`: the word at `pos` opens the sentence. */
static bool opens_sentence(const splitter *sp, size_t pos)
{
    const char *t = sp->text;
    size_t i = sp->start, n;
    while (i < pos) {
        if ((n = bci_space_length(t + i, pos - i)) || (n = bci_opener_length(t + i, pos - i)) ||
            (n = bci_bullet_length(t + i, pos - i)))
            i += n;
        else if ((t[i] == '-' || t[i] == '*') && i + 1 < pos && t[i + 1] == ' ')
            i += 2; /* "- item" */
        else
            return false;
    }
    return true;
}

/* Counts the words between the sentence start and `pos`, up to `cap`. */
static size_t words_before(const splitter *sp, size_t pos, size_t cap)
{
    size_t words = 0;
    bool in_word = false;
    for (size_t i = sp->start; i < pos && words < cap; i++) {
        bool space = sp->text[i] == ' ';
        if (!space && !in_word)
            words++;
        in_word = !space;
    }
    return words;
}

/* "U.S", "a.m", "J.R.R": single letters joined by periods. */
static bool is_dotted(const char *w, size_t length)
{
    if (length < 3)
        return false;
    for (size_t i = 0; i < length; i++) {
        bool letter_slot = i % 2 == 0;
        if (letter_slot ? !is_ascii_letter((unsigned char)w[i]) : w[i] != '.')
            return false;
    }
    return length % 2 == 1;
}

/* The value of a list marker: 1 to 99 for "1" .. "99", the letter for a
 * lower-case letter ("a"); 0 for anything else. */
static unsigned marker_value(const char *w, size_t length, bool *letter)
{
    *letter = length == 1 && is_ascii_lower((unsigned char)w[0]);
    if (*letter)
        return (unsigned char)w[0];
    if (length == 0 || length > 2 || !is_ascii_digit((unsigned char)w[0]) ||
        (length == 2 && !is_ascii_digit((unsigned char)w[1])))
        return 0;
    return length == 1 ? (unsigned)(w[0] - '0') : (unsigned)((w[0] - '0') * 10 + (w[1] - '0'));
}

/* True when a colon (and white space) comes just before `pos`: "Steps: 1." */
static bool after_colon(const splitter *sp, size_t pos)
{
    size_t i = pos;
    while (i > sp->start && sp->text[i - 1] == ' ')
        i--;
    return i > sp->start && sp->text[i - 1] == ':';
}

/* The word [word_start, mark) is followed by '.' or ')' and white space.
 * When it is a list marker ("1.", "2)", "b."), sets `*marker`: the first
 * item (at the start of a sentence or after a colon) starts a list, and the
 * next item of the list starts a new sentence. */
static int list_item(splitter *sp, size_t word_start, size_t mark, bool *marker)
{
    const char *t = sp->text;
    bool letter;
    *marker = false;
    unsigned value = marker_value(t + word_start, mark - word_start, &letter);
    if (value == 0 || (word_start > sp->start && t[word_start - 1] != ' '))
        return 0; /* "(b)" and "x1." are no markers */
    if (opens_sentence(sp, word_start) || after_colon(sp, word_start)) {
        sp->list_next = value + 1;
        sp->list_letters = letter;
        *marker = true;
        return 0;
    }
    if (sp->list_next != value || sp->list_letters != letter)
        return 0;
    sp->list_next++;
    *marker = true;
    return cut(sp, word_start, word_start); /* "1) open the box 2) lift the lid" */
}

/* Looks past the boundary at `next` for an attribution: a capitalised name
 * (or title and name) followed by a verb of speech, as in `"Stop!" Smith
 * shouted.` With `strict`, the verb must end the clause ("Smith said."). */
static bool attribution_follows(const splitter *sp, size_t next, bool strict)
{
    const char *t = sp->text;
    size_t limit = sp->length - next < ATTRIBUTION_WINDOW ? sp->length : next + ATTRIBUTION_WINDOW;
    size_t i = next;
    for (int word = 0; word < 4 && i < limit; word++) {
        size_t n = ascii_word_length(t + i, limit - i, limit - i);
        if (n == 0)
            return false;
        if (word == 0 && bci_is_sentence_starter(t + i, n))
            return false; /* "The ..." starts a sentence; names are not starters */
        if (word > 0 && bci_is_speech_verb(t + i, n)) {
            size_t after = i + n;
            return !strict || after >= sp->length || t[after] == '.' || t[after] == ',';
        }
        if (word > 0 && !is_ascii_upper((unsigned char)t[i]))
            return false; /* a lower-case word that is not a verb of speech */
        i += n;
        if (i < limit && t[i] == '.')
            i++; /* "Mr." */
        if (i >= limit || t[i] != ' ')
            return false;
        i++;
    }
    return false;
}

/* Decides whether a single period at `r->mark`, followed by white space,
 * ends the sentence, given the first character of the next word at `next`. */
static bool period_ends(splitter *sp, const run *r, size_t next, bci_char_class first)
{
    const char *t = sp->text;
    size_t word_start;
    size_t word_length = word_before(sp, r->mark, &word_start);
    const char *word = t + word_start;
    if (word_length == 0)
        return true;
    /* "5p.m." is looked up as "p.m" */
    size_t skip = 0;
    while (skip < word_length && is_ascii_digit((unsigned char)word[skip]))
        skip++;
    const char *key = skip < word_length ? word + skip : word;
    size_t key_length = skip < word_length ? word_length - skip : word_length;
    bci_abbreviation kind = bci_abbreviation_kind(key, key_length);
    if (kind == BCI_ABBR_TITLE && key_length > 1 && is_ascii_upper((unsigned char)key[1]))
        kind = BCI_ABBR_NONE; /* "MS" (the illness) or "DR" (Congo), not Ms or Dr */
    if (kind == BCI_ABBR_NONE && is_dotted(key, key_length))
        kind = BCI_ABBR_FINAL;
    if (kind == BCI_ABBR_TITLE || kind == BCI_ABBR_PREFIX)
        return false;
    bool single_letter = word_length == 1 && is_ascii_letter((unsigned char)word[0]);
    if (first == BCI_CHAR_DIGIT)
        return kind != BCI_ABBR_NUMERIC && !single_letter;
    if (first == BCI_CHAR_OTHER)
        return kind != BCI_ABBR_FINAL && !single_letter; /* "U.S. $5bn" goes on */
    /* first == BCI_CHAR_UPPER */
    if (r->closer && attribution_follows(sp, next, true))
        return false;
    size_t next_length = ascii_word_length(t + next, sp->length - next, 16);
    bool starter = bci_is_sentence_starter(t + next, next_length);
    if (single_letter)
        return starter && next_length > 1; /* an initial: "J. K. Rowling", "George W. Bush" */
    switch (kind) {
    case BCI_ABBR_ETC:
        return true;
    case BCI_ABBR_NUMERIC:
        /* "Sec. Gen. Guterres" goes on; "the answer was no. Officials" and
         * "He replied: "No. Never."" end */
        return starter || !is_ascii_upper((unsigned char)key[0]) ||
               (key_length == 2 && (key[1] == 'o' || key[1] == 'O'));
    case BCI_ABBR_TIME:
        if (starter)
            return true;
        return !bci_is_time_follower(t + next, next_length) &&
               words_before(sp, word_start, LONG_CLAUSE_WORDS) >= LONG_CLAUSE_WORDS;
    case BCI_ABBR_FINAL:
        if (starter)
            return true;
        return bci_is_name_title(t + next, next_length) &&
               words_before(sp, word_start, LONG_CLAUSE_WORDS) >= LONG_CLAUSE_WORDS;
    default:
        return true;
    }
}

/* Decides whether the run `r`, followed by white space, ends the sentence;
 * `next` is the first byte of the next word (after openers). */
static bool run_ends(splitter *sp, const run *r, size_t next)
{
    const char *t = sp->text;
    bci_char_class first = bci_classify_char(t + next, sp->length - next);
    if (first == BCI_CHAR_LOWER)
        return false; /* "Stop!" he said.  "so... well" */
    size_t next_length = ascii_word_length(t + next, sp->length - next, 16);
    if (r->bang) {
        if (first != BCI_CHAR_UPPER)
            return true;
        if (r->closer && attribution_follows(sp, next, false))
            return false; /* "Stop!" Smith shouted. */
        size_t word_start;
        size_t word_length = word_before(sp, r->mark, &word_start);
        if (!r->closer && r->end - r->mark == 1 && t[r->mark] == '!' &&
            bci_is_exclaimed_name(t + word_start, word_length))
            return bci_is_sentence_starter(t + next, next_length); /* Yahoo! Finance */
        return true;
    }
    if (r->ellipsis || r->periods >= 2) {
        if (r->periods >= 4 || (r->periods >= 1 && r->ellipsis))
            return true; /* a period and an ellipsis: "gone.... Then" */
        if (first != BCI_CHAR_UPPER)
            return false;
        if (r->closer && attribution_follows(sp, next, false))
            return false;
        /* "such as... Maldives" and "the thing is . . . I didn't" go on;
         * "I wonder... Then" and "our team... I have decided" end */
        return bci_is_sentence_starter(t + next, next_length) && (next_length > 1 || !r->spaced);
    }
    return period_ends(sp, r, next, first);
}

/* Reads the run of terminators and closers that starts at `i`. Spaced
 * ellipses (". . .") are part of it. */
static void read_run(const splitter *sp, size_t i, run *r)
{
    const char *t = sp->text;
    size_t n = sp->length;
    *r = (run){.mark = i};
    size_t end = i, len;
    int kind;
    for (;;) {
        if (end >= n)
            break;
        if ((len = bci_terminator_length(t + end, n - end, &kind)) > 0) {
            r->periods += kind == BCI_TERM_PERIOD;
            r->bang |= kind == BCI_TERM_BANG;
            r->ellipsis |= kind == BCI_TERM_ELLIPSIS;
            r->full |= kind == BCI_TERM_FULL;
            end += len;
        } else if (r->periods > 0 && !r->closer && t[end] == ' ' && end + 1 < n &&
                   t[end + 1] == '.' && t[end - 1] == '.' &&
                   (end + 2 >= n || t[end + 2] == ' ' || t[end + 2] == '.')) {
            end++; /* ". . ." */
            r->spaced = true;
        } else if ((len = bci_closer_length(t + end, n - end)) > 0) {
            r->closer = true;
            end += len;
        } else if ((len = bci_footnote_length(t + end, n - end)) > 0) {
            end += len; /* "martyr.[1] The" */
        } else {
            break;
        }
    }
    r->end = end;
}

/* Sloppy text: "said.The" with no space. Ends a sentence only when a plain
 * word ("said", "Tuesday"; not a domain or an abbreviation) meets a
 * capitalised word that is not part of an address ("Jane.Doe@example.com"). */
static bool glued_boundary(const splitter *sp, const run *r)
{
    const char *t = sp->text;
    size_t n = sp->length;
    if (r->closer || r->full || r->end - r->mark != 1 || r->end + 1 >= n)
        return false;
    if (!is_ascii_upper((unsigned char)t[r->end]) || !is_ascii_lower((unsigned char)t[r->end + 1]))
        return false;
    size_t i = r->mark;
    while (i > sp->start && is_ascii_lower((unsigned char)t[i - 1]))
        i--;
    if (i > sp->start && is_ascii_upper((unsigned char)t[i - 1]))
        i--; /* "Tuesday" */
    size_t length = r->mark - i;
    if (length < 2)
        return false;
    if (i > sp->start) {
        unsigned char before = (unsigned char)t[i - 1];
        bool boundary = before == ' ' || (before >= '\t' && before <= '\r') || before == '(' ||
                        before == '"';
        if (!boundary)
            return false; /* part of a longer token: "www.bbc.Co", "iPhone.The" */
    }
    if (bci_abbreviation_kind(t + i, length) != BCI_ABBR_NONE)
        return false; /* "Mr.Smith", "St.Albans" */
    size_t next_length = ascii_word_length(t + r->end, n - r->end, 16);
    size_t after = r->end + next_length;
    if (after < n && (t[after] == '@' || t[after] == '/' || t[after] == '.' || t[after] == '_'))
        return t[after] == '.' && bci_abbreviation_kind(t + r->end, next_length) == BCI_ABBR_TITLE;
    return true;
}

/* At `i` (after white space) a list item "N." or "N)" may start. Returns the
 * item number, or 0 when none starts there. */
static unsigned list_marker(const splitter *sp, size_t i)
{
    const char *t = sp->text;
    size_t n = sp->length, k = i;
    unsigned value = 0;
    while (k < n && k - i < 2 && is_ascii_digit((unsigned char)t[k]))
        value = value * 10 + (unsigned)(t[k++] - '0');
    if (k == i || k >= n || (t[k] != '.' && t[k] != ')'))
        return 0;
    k++;
    if (k < n && t[k] == ')')
        k++; /* "1.)" */
    return k < n && bci_space_length(t + k, n - k) ? value : 0;
}

/* After a line break at `i`: true when the next line starts a new block (a
 * blank line, a bullet or a numbered item). */
static bool line_starts_block(const splitter *sp, size_t i)
{
    const char *t = sp->text;
    size_t n = sp->length, k = i + 1;
    while (k < n && (t[k] == ' ' || t[k] == '\t' || t[k] == '\r'))
        k++;
    if (k >= n || t[k] == '\n' || t[k] == '\f')
        return true;
    if ((t[k] == '-' || t[k] == '*') && k + 1 < n && t[k + 1] == ' ')
        return true;
    if ((n - k >= 4 && memcmp(t + k, "\xE2\x80\x93 ", 4) == 0) || bci_bullet_length(t + k, n - k))
        return true; /* "– item", "• item" */
    return list_marker(sp, k) != 0;
}

/* Handles the terminator at `i`; returns the byte to go on from. */
static int at_terminator(splitter *sp, size_t i, size_t *resume)
{
    const char *t = sp->text;
    size_t n = sp->length;
    run r;
    read_run(sp, i, &r);
    *resume = r.end;
    if (r.full)
        return cut(sp, r.end, r.end);
    if (r.end < n && !bci_space_length(t + r.end, n - r.end)) {
        if (glued_boundary(sp, &r))
            return cut(sp, r.end, r.end);
        return 0; /* "3.5", "example.com", "U.S.-led", "Yahoo!'s" */
    }
    size_t next = r.end, len;
    while (next < n && (len = bci_space_length(t + next, n - next)) > 0)
        next += len;
    if (next >= n)
        return 0; /* the end of the text ends the sentence anyway */
    /* a closing quote cut off by a space: `a year. " And then` */
    len = bci_closer_length(t + next, n - next);
    if (len && t[next] != ')' && t[next] != ']' && t[next] != '}' &&
        (next + len >= n || bci_space_length(t + next + len, n - next - len))) {
        r.end = next + len;
        r.closer = true;
        *resume = r.end;
        next = r.end;
        while (next < n && (len = bci_space_length(t + next, n - next)) > 0)
            next += len;
        if (next >= n)
            return 0;
    }
    while (next < n && (len = bci_opener_length(t + next, n - next)) > 0)
        next += len;
    if (next >= n)
        return 0; /* only stray quotes follow: they stay with this sentence */
    /* "1. First item", "1.) First item" */
    size_t width = r.end - r.mark;
    if (r.periods == 1 && !r.bang && !r.ellipsis &&
        (width == 1 || (width == 2 && t[r.mark + 1] == ')'))) {
        size_t word_start;
        size_t word_length = word_before(sp, r.mark, &word_start);
        bool marker = false;
        if (word_length > 0 && word_length <= 2) {
            int rc = list_item(sp, word_start, r.mark, &marker);
            if (rc || marker)
                return rc;
        }
    }
    if (run_ends(sp, &r, next))
        return cut(sp, r.end, r.end);
    return 0;
}

/* The bytes the main loop looks at: line breaks, terminators, ')' (after a
 * list number) and the lead bytes of multi-byte characters. */
#define SPECIAL_LOW ((1ull << '\n') | (1ull << '\f') | (1ull << '!') | (1ull << '.') | \
                     (1ull << '?') | (1ull << ')'))

static bool is_special(unsigned char c)
{
    return c < 64 ? (SPECIAL_LOW >> c) & 1 : c >= 0xC0;
}

int bc_split_sentences(const char *text, size_t length, size_t **bounds_out, size_t *count_out)
{
    if ((!text && length) || !bounds_out || !count_out)
        return BC_EINVAL;
    splitter sp = {.text = text, .length = length};
    int rc = 0;
    size_t i = 0;
    while (i < length && rc == 0) {
        if (i < sp.start)
            i = sp.start; /* a cut skipped the white space after it */
        if (i >= length)
            break;
        unsigned char c = (unsigned char)text[i];
        if (!is_special(c)) {
            i++;
            continue;
        }
        if (c == '.' || c == '!' || c == '?' || c >= 0xC0) {
            int kind;
            if (bci_terminator_length(text + i, length - i, &kind)) {
                size_t resume;
                rc = at_terminator(&sp, i, &resume);
                i = resume;
                continue;
            }
            if (bci_is_paragraph_separator(text + i, length - i)) {
                rc = cut(&sp, i, i + 3);
                i += 3;
                continue;
            }
            size_t bullet = bci_bullet_length(text + i, length - i);
            if (bullet && i > sp.start && bci_space_length(text + i - 1, 1)) {
                rc = cut(&sp, i, i); /* "… • next item" */
                i += bullet;
                continue;
            }
        } else if (c == '\n' || c == '\f') {
            if (c == '\f' || line_starts_block(&sp, i))
                rc = cut(&sp, i, i + 1);
        } else if (c == ')' && i + 1 < length && bci_space_length(text + i + 1, length - i - 1)) {
            size_t word_start;
            size_t word_length = word_before(&sp, i, &word_start);
            bool marker;
            if (word_length > 0 && word_length <= 2)
                rc = list_item(&sp, word_start, i, &marker); /* "1) open the box" */
        }
        i++;
    }
    if (rc == 0)
        rc = emit(&sp, sp.start, length);
    if (rc) {
        free(sp.bounds);
        return rc;
    }
    *bounds_out = sp.bounds;
    *count_out = sp.count;
    return 0;
}
