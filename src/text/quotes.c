/* Finding quotations by their marks: curly (“ ” ‘ ’), straight (" '),
 * guillemets and low-9 openers, nested quotes, and quotes that run over
 * several paragraphs. Apostrophes (don’t, Russia’s, ’90s, rock ’n’ roll),
 * inch and foot marks (6' 2"), markup attribute values (id="…") and titles
 * of works (the song “Yellow”) are not quotations. A quotation left open
 * ends with its paragraph unless the next paragraph opens with a mark of
 * the same kind, as a quotation over several paragraphs does. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "quotes_internal.h"

/* Deeper nesting than this is not writing but noise; extra marks are ignored. */
#define MAX_DEPTH 16

/* How far to look for a later closing mark before taking "s’" for one
 * (bytes; keeps hostile input linear). */
#define POSSESSIVE_LOOKAHEAD 2000

typedef enum { KIND_DOUBLE, KIND_SINGLE } mark_kind;
typedef enum { ROLE_NONE, ROLE_OPEN, ROLE_CLOSE } mark_role;

typedef struct open_mark {
    size_t position;
    size_t length;
    mark_kind kind;
} open_mark;

/* The scanner's state over one paragraph. */
typedef struct scanner {
    const char *text;
    size_t length;
    open_mark stack[MAX_DEPTH];
    size_t depth;
    /* what the last look for a closing mark found, so that the next look
     * starts where it stopped (the text has no deciding mark in
     * [ahead_from, ahead_to); one is at ahead_to when `ahead_found`) */
    size_t ahead_from;
    size_t ahead_to;
    bool ahead_found;
    bool ahead_closes;
} scanner;

static bool is_space_cp(int32_t cp)
{
    return cp == 0 || cp == '\t' || cp == '\n' || cp == '\r' ||
           utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

static bool is_digit_cp(int32_t cp)
{
    return cp >= '0' && cp <= '9';
}

static bool is_alnum_cp(int32_t cp)
{
    return bci_is_letter_cp(cp) || utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

static bool is_quote_cp(int32_t cp)
{
    return cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x201D || cp == 0x2018 ||
           cp == 0x2019 || cp == 0x00AB || cp == 0x00BB || cp == 0x201E;
}

static bool is_dash_cp(int32_t cp)
{
    return cp == '-' || utf8proc_category(cp) == UTF8PROC_CATEGORY_PD;
}

/* Punctuation that opens: ( [ { and the like. */
static bool is_opening_cp(int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_PS || c == UTF8PROC_CATEGORY_PI;
}

/* Punctuation that can follow a closing mark: . , ; : ! ? ) … and dashes. */
static bool is_trailing_cp(int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_PO || c == UTF8PROC_CATEGORY_PE || c == UTF8PROC_CATEGORY_PF ||
           c == UTF8PROC_CATEGORY_PD;
}

/* The code point before byte `i` (0 at the start). */
static int32_t cp_before(const char *text, size_t i)
{
    if (i == 0)
        return 0;
    size_t start = i - 1;
    while (start > 0 && i - start < 4 && ((unsigned char)text[start] & 0xC0) == 0x80)
        start--;
    int32_t cp;
    bci_utf8_decode(text + start, i - start, &cp);
    return cp;
}

/* The code point at byte `i` (0 at the end) and its length in `*n`. */
static int32_t cp_at(const char *text, size_t length, size_t i, size_t *n)
{
    if (i >= length) {
        if (n)
            *n = 0;
        return 0;
    }
    int32_t cp;
    size_t len = bci_utf8_decode(text + i, length - i, &cp);
    if (n)
        *n = len;
    return cp;
}

/* The start of the white space that ends just before byte `i`. */
static size_t space_before(const char *text, size_t i)
{
    while (i > 0) {
        size_t start = i - 1;
        while (start > 0 && i - start < 4 && ((unsigned char)text[start] & 0xC0) == 0x80)
            start--;
        int32_t cp;
        bci_utf8_decode(text + start, i - start, &cp);
        if (!is_space_cp(cp))
            break;
        i = start;
    }
    return i;
}

/* The first byte after the white space that starts at byte `i`. */
static size_t space_after(const char *text, size_t length, size_t i)
{
    size_t n;
    while (i < length && is_space_cp(cp_at(text, length, i, &n)))
        i += n;
    return i;
}

static bool is_open_kind(const scanner *s, mark_kind kind)
{
    for (size_t k = 0; k < s->depth; k++)
        if (s->stack[k].kind == kind)
            return true;
    return false;
}

/* "s’ " with a single quotation open: a plural possessive when a later mark
 * can close the quotation ("‘the players’ union is strong’") before the
 * enclosing double quotation ends, within POSSESSIVE_LOOKAHEAD bytes. */
static bool later_single_closer(scanner *s, size_t from)
{
    const char *text = s->text;
    size_t length = s->length;
    size_t limit = length - from > POSSESSIVE_LOOKAHEAD ? from + POSSESSIVE_LOOKAHEAD : length;
    size_t i = from;
    if (s->ahead_from <= from && from <= s->ahead_to) {
        if (s->ahead_found)
            return s->ahead_to < limit && s->ahead_closes;
        i = s->ahead_to; /* nothing deciding before there */
    } else {
        s->ahead_from = from;
    }
    for (; i < limit; i++) {
        size_t n;
        int32_t cp = cp_at(text, length, i, &n);
        bool decides = false, closes = false;
        if (cp == 0x201D || (cp == '"' && !is_digit_cp(cp_before(text, i)))) {
            decides = true; /* the enclosing double quotation ends first */
        } else if (cp == 0x2019 || cp == '\'') {
            int32_t prev = cp_before(text, i), next = cp_at(text, length, i + n, NULL);
            decides = closes = !is_space_cp(prev) && !is_alnum_cp(next) && prev != 's' &&
                               prev != 'S';
        }
        if (decides) {
            s->ahead_to = i;
            s->ahead_found = true;
            s->ahead_closes = closes;
            return closes;
        }
        i += n - 1;
    }
    s->ahead_to = i;
    s->ahead_found = false;
    return false;
}

/* "rock ’n’ roll", "fish 'n' chips": both marks are apostrophes. */
static bool is_n_elision(const char *text, size_t length, size_t i, size_t n)
{
    size_t m;
    if (cp_at(text, length, i + n, &m) == 'n' && is_quote_cp(cp_at(text, length, i + n + m, NULL)))
        return is_space_cp(cp_before(text, i));
    if (cp_before(text, i) == 'n' && i >= 2) {
        size_t j = i - 1;
        return is_quote_cp(cp_before(text, j)) && is_space_cp(cp_at(text, length, i + n, NULL));
    }
    return false;
}

/* The word after byte `i` is an elision ('em, 'til, '90s). */
static bool elided_word_follows(const char *text, size_t length, size_t i)
{
    if (is_digit_cp(cp_at(text, length, i, NULL)))
        return true;
    size_t end = i;
    while (end < length && end - i < 8 && bci_is_letter_cp(cp_at(text, length, end, NULL)))
        end++;
    return end > i && !bci_is_letter_cp(cp_at(text, length, end, NULL)) &&
           bci_word_in(BCI_LIST_ELISION, text + i, end - i);
}

/* Decides whether the mark `cp` at byte `i` (length `n`) opens or closes a
 * quotation, and of which kind. */
static mark_role classify(scanner *s, size_t i, size_t n, int32_t cp, mark_kind *kind)
{
    const char *text = s->text;
    int32_t prev = cp_before(text, i);
    int32_t next = cp_at(text, s->length, i + n, NULL);
    bool left = !is_space_cp(next) && (is_space_cp(prev) || is_opening_cp(prev) ||
                                       is_dash_cp(prev) || is_quote_cp(prev) || prev == '/');
    bool right = !is_space_cp(prev) && (is_space_cp(next) || is_trailing_cp(next) ||
                                        is_quote_cp(next));
    bool double_open = is_open_kind(s, KIND_DOUBLE);
    bool single_open = is_open_kind(s, KIND_SINGLE);
    bool single = cp == 0x2018 || cp == 0x2019 || cp == '\'';
    *kind = single ? KIND_SINGLE : KIND_DOUBLE;

    if (prev == '=' || next == '>')
        return ROLE_NONE; /* an attribute value in markup: id="..." */
    switch (cp) {
    case 0x201C: /* “ */
    case 0x201E: /* „ */
    case 0x00AB: /* « */
        return double_open && right && !left ? ROLE_CLOSE : ROLE_OPEN;
    case 0x201D: /* ” */
    case 0x00BB: /* » */
        return !double_open && left && !right ? ROLE_OPEN : ROLE_CLOSE;
    case '"':
        if (is_digit_cp(prev)) {
            /* 12" or 6' 2": inches, unless it can only close a quotation */
            size_t j = i - 1;
            while (j > 0 && is_digit_cp(cp_before(text, j)))
                j--;
            int32_t before_number = cp_before(text, j);
            bool feet = before_number == '\'' ||
                        (before_number == ' ' && j >= 2 && text[j - 2] == '\'');
            if (!double_open || feet)
                return ROLE_NONE;
        }
        if (left && !right)
            return ROLE_OPEN;
        if (right && !left)
            return ROLE_CLOSE;
        return double_open ? ROLE_CLOSE : ROLE_OPEN;
    case 0x2018: /* ‘ */
        if (is_digit_cp(next) || is_n_elision(text, s->length, i, n) ||
            (is_alnum_cp(prev) && bci_is_letter_cp(next)) ||
            elided_word_follows(text, s->length, i + n))
            return ROLE_NONE; /* ‘90s, Trump‘s, ‘bout */
        return single_open && right && !left ? ROLE_CLOSE : ROLE_OPEN;
    default: /* ’ and ' */
        break;
    }
    if (is_alnum_cp(prev) && bci_is_letter_cp(next))
        return ROLE_NONE; /* don’t, Russia’s, O'Brien */
    if (is_n_elision(text, s->length, i, n))
        return ROLE_NONE;
    if (is_digit_cp(prev) && (!single_open || is_digit_cp(next) ||
                              (next == ' ' && is_digit_cp(cp_at(text, s->length, i + n + 1,
                                                                NULL)))))
        return ROLE_NONE; /* 6' 2", the 5' line */
    if (left && !right) {
        /* curly ’ before a word elides ('90s, ’em); straight ' may open */
        if (cp == 0x2019 || elided_word_follows(text, s->length, i + n))
            return ROLE_NONE;
        return ROLE_OPEN;
    }
    if (right && single_open) {
        if ((prev == 's' || prev == 'S') && later_single_closer(s, i + n))
            return ROLE_NONE; /* the players’ union */
        return ROLE_CLOSE;
    }
    return ROLE_NONE;
}

/* The first character of a paragraph opens a quotation of `kind`. */
static bool opens_with(const bc_paragraph *p, mark_kind kind)
{
    size_t i = space_after(p->text, p->length, 0);
    int32_t cp = cp_at(p->text, p->length, i, NULL);
    if (kind == KIND_DOUBLE)
        return cp == 0x201C || cp == '"' || cp == 0x00AB || cp == 0x201E ||
               (cp == '\'' && i + 1 < p->length && p->text[i + 1] == '\'');
    return cp == 0x2018 || cp == '\'';
}

/* Counts the words of [from, to), up to `limit`. */
static size_t count_words(const char *text, size_t from, size_t to, size_t limit)
{
    size_t words = 0;
    bool in_word = false;
    for (size_t i = from; i < to && words <= limit;) {
        size_t n;
        int32_t cp = cp_at(text, to, i, &n);
        bool alnum = is_alnum_cp(cp);
        words += alnum && !in_word;
        in_word = alnum || (in_word && (cp == '\'' || cp == 0x2019 || cp == '-'));
        i += n;
    }
    return words;
}

/* The word that ends just before byte `i` (skipping spaces and `skip`
 * characters such as commas): [*from, i') or false when there is none. */
static bool word_before(const char *text, size_t i, const char *skip, size_t *from, size_t *to)
{
    i = space_before(text, i);
    while (i > 0 && skip && strchr(skip, text[i - 1]))
        i = space_before(text, i - 1);
    size_t end = i;
    while (i > 0 && bci_is_letter_cp(cp_before(text, i))) {
        size_t step = 1;
        while (i - step > 0 && ((unsigned char)text[i - step] & 0xC0) == 0x80)
            step++;
        i -= step;
    }
    *from = i;
    *to = end;
    return end > i;
}

/* “The Long Road”: capitalised words, none of them ending a sentence. */
static bool title_case(const char *text, size_t from, size_t to)
{
    size_t words = 0;
    bool at_word_start = true;
    for (size_t i = from; i < to;) {
        size_t n;
        int32_t cp = cp_at(text, to, i, &n);
        if (cp == '.' || cp == '!' || cp == '?' || cp == ';' || cp == ':')
            return false;
        if (bci_is_letter_cp(cp) && at_word_start) {
            size_t end = i, step;
            while (end < to && bci_is_letter_cp(cp_at(text, to, end, &step)))
                end += step;
            bool small = end - i <= 3; /* "of", "the", "and" may stay lower case */
            if (!small && utf8proc_category(cp) != UTF8PROC_CATEGORY_LU)
                return false;
            words++;
        }
        at_word_start = !is_alnum_cp(cp) && cp != '\'' && cp != 0x2019;
        i += n;
    }
    return words > 0 && words <= 10;
}

/* Whether the word before byte `i` is a capitalised possessive: CNN’s. */
static bool possessive_before(const char *text, size_t i)
{
    i = space_before(text, i);
    if (i >= 2 && text[i - 1] == 's' && text[i - 2] == '\'')
        i -= 2;
    else if (i >= 4 && text[i - 1] == 's' && memcmp(text + i - 4, "\xE2\x80\x99", 3) == 0)
        i -= 4;
    else
        return false;
    size_t start = i;
    for (;;) {
        int32_t cp = cp_before(text, start);
        if (!bci_is_letter_cp(cp) && cp != '.')
            break;
        start--;
        while (start > 0 && ((unsigned char)text[start] & 0xC0) == 0x80)
            start--;
    }
    return start < i && utf8proc_category(cp_at(text, i, start, NULL)) == UTF8PROC_CATEGORY_LU;
}

/* Sets `partial` and tells whether the span is the title of a work. */
static bool judge(const char *text, size_t length, bci_span *span)
{
    /* what comes before the opening mark */
    int32_t before = cp_before(text, space_before(text, span->start));
    if (is_quote_cp(before)) /* a closing mark: “A.” “B.” */
        before = '.';
    bool at_start = before == 0 || before == '.' || before == '!' || before == '?' ||
                    before == 0x2026 || before == ':' || before == ';' || is_dash_cp(before) ||
                    before == '(';
    size_t word_from, word_to;
    bool has_word = word_before(text, span->start, ",:", &word_from, &word_to);
    size_t word_length = word_to - word_from;
    bool after_cue = has_word && (bci_word_in(BCI_LIST_CUE, text + word_from, word_length) ||
                                  bci_word_in(BCI_LIST_PARTICIPLE, text + word_from, word_length));
    if (title_case(text, span->inner_start, span->inner_end) &&
        word_before(text, span->start, ",", &word_from, &word_to)) {
        /* the song “Yellow”, on “Meet the Press”, CNN’s “New Day” */
        const char *w = text + word_from;
        size_t n = word_to - word_from;
        if (bci_word_in(BCI_LIST_WORK, w, n) || (n == 2 && strncmp(w, "on", 2) == 0) ||
            (n == 4 && strncmp(w, "told", 4) == 0) || possessive_before(text, span->start))
            return true;
    }

    /* the first and last characters inside the marks */
    size_t a = span->inner_start, b = span->inner_end;
    int32_t first = 0, last = 0;
    while (a < b) {
        size_t n;
        first = cp_at(text, b, a, &n);
        if (is_alnum_cp(first))
            break;
        a += n;
    }
    while (b > span->inner_start && is_space_cp(cp_before(text, b)))
        b--;
    last = cp_before(text, b);
    while (b > span->inner_start && is_quote_cp(last)) { /* ,’” : a nested quotation ends too */
        b--;
        while (b > span->inner_start && ((unsigned char)text[b] & 0xC0) == 0x80)
            b--;
        last = cp_before(text, b);
    }
    bool capital = is_digit_cp(first) || utf8proc_category(first) == UTF8PROC_CATEGORY_LU;
    bool full_start = capital && (at_start || before == ',' || after_cue);
    /* after the closing mark */
    int32_t after = cp_at(text, length, space_after(text, length, span->end), NULL);
    bool full_end = !span->closed || last == '.' || last == ',' || last == '!' || last == '?' ||
                    last == 0x2026 || last == ';' || last == ':' || is_dash_cp(last) ||
                    after == 0 || (is_trailing_cp(after) && after != '-') || is_quote_cp(after);
    size_t words = count_words(text, span->inner_start, span->inner_end, 3);
    span->partial = !(full_start && full_end) || (words <= 2 && !at_start && !after_cue);
    return false;
}

/* Adds [start, end) of paragraph `p` as a span unless it holds no words or
 * is a title. */
static int emit(const bc_paragraph *p, size_t paragraph, const open_mark *open, size_t end,
                size_t inner_end, bool closed, bci_span **spans, size_t *count, size_t *capacity)
{
    size_t inner_start = open->position + open->length;
    if (count_words(p->text, inner_start, inner_end, 1) == 0)
        return 0;
    bci_span span = {
        .paragraph = paragraph,
        .start = open->position,
        .end = end,
        .inner_start = inner_start,
        .inner_end = inner_end,
        .closed = closed,
    };
    if (judge(p->text, p->length, &span))
        return 0;
    void *items = *spans;
    if (bci_reserve(&items, capacity, *count + 1, sizeof(bci_span)))
        return BC_ENOMEM;
    *spans = items;
    (*spans)[(*count)++] = span;
    return 0;
}

static int scan_paragraph(const bc_paragraph *paragraphs, size_t count, size_t index,
                          bci_span **spans, size_t *span_count, size_t *capacity)
{
    const bc_paragraph *p = &paragraphs[index];
    scanner s = {.text = p->text, .length = p->length, .ahead_from = SIZE_MAX};
    for (size_t i = 0; i < p->length;) {
        size_t n;
        int32_t cp = cp_at(p->text, p->length, i, &n);
        if (!is_quote_cp(cp)) {
            i += n;
            continue;
        }
        if (cp == '\'' && i + 1 < p->length && p->text[i + 1] == '\'') {
            /* two apostrophes stand for a double mark in some archives; in
             * three, a single quotation open inside closes first */
            bool triple = i + 2 < p->length && p->text[i + 2] == '\'';
            if (!(triple && is_open_kind(&s, KIND_SINGLE))) {
                n = 2;
                cp = '"';
            }
        }
        mark_kind kind;
        mark_role role = classify(&s, i, n, cp, &kind);
        if (role == ROLE_OPEN && s.depth < MAX_DEPTH) {
            s.stack[s.depth++] = (open_mark){i, n, kind};
        } else if (role == ROLE_CLOSE) {
            size_t k = s.depth;
            while (k > 0 && s.stack[k - 1].kind != kind)
                k--;
            if (k == 1) {
                int rc = emit(p, index, &s.stack[0], i + n, i, true, spans, span_count, capacity);
                if (rc)
                    return rc;
            }
            if (k > 0)
                s.depth = k - 1;
        }
        i += n;
    }
    if (s.depth > 0) {
        size_t end = space_before(p->text, p->length);
        size_t before = *span_count;
        int rc = emit(p, index, &s.stack[0], end, end, false, spans, span_count, capacity);
        if (rc)
            return rc;
        if (*span_count > before && index + 1 < count &&
            opens_with(&paragraphs[index + 1], s.stack[0].kind))
            (*spans)[*span_count - 1].continued = true;
    }
    return 0;
}

int bci_find_spans(const bc_paragraph *paragraphs, size_t count, bci_span **spans_out,
                   size_t *span_count)
{
    bci_span *spans = NULL;
    size_t n = 0, capacity = 0;
    for (size_t i = 0; i < count; i++) {
        size_t first = n;
        int rc = scan_paragraph(paragraphs, count, i, &spans, &n, &capacity);
        if (rc) {
            free(spans);
            return rc;
        }
        /* the previous paragraph's open quotation goes on here only if this
         * paragraph's first span opens where its text starts */
        if (first > 0 && spans[first - 1].continued && spans[first - 1].paragraph + 1 == i) {
            const bc_paragraph *p = &paragraphs[i];
            if (n > first && spans[first].start == space_after(p->text, p->length, 0))
                spans[first].continues = true;
            else
                spans[first - 1].continued = false;
        }
    }
    *spans_out = spans;
    *span_count = n;
    return 0;
}

/* The index of the sentence of `doc` where byte `start` of paragraph
 * `paragraph` lies (or the next one after it). */
static size_t sentence_at(const bc_doc *doc, size_t paragraph, size_t start)
{
    size_t low = 0, high = doc->sentence_count;
    while (low < high) { /* the first sentence after the position */
        size_t mid = low + (high - low) / 2;
        const bc_sentence *s = &doc->sentences[mid];
        if (s->paragraph < paragraph || (s->paragraph == paragraph && s->start <= start))
            low = mid + 1;
        else
            high = mid;
    }
    if (low > 0 && doc->sentences[low - 1].paragraph == paragraph)
        return low - 1;
    return low < doc->sentence_count ? low : (low > 0 ? low - 1 : 0);
}

int bci_doc_find_quotes(bc_doc *doc, const bc_logger *logger)
{
    bci_span *spans = NULL;
    size_t count = 0;
    bci_text text = {0};
    bc_quote *quotes = NULL;
    int rc = bci_find_spans(doc->paragraphs, doc->paragraph_count, &spans, &count);
    if (rc || count == 0)
        goto done;
    rc = bci_text_build(&text, doc->paragraphs, doc->paragraph_count, spans, count);
    if (rc)
        goto done;
    quotes = calloc(count, sizeof *quotes);
    rc = quotes ? bci_attribute(&text, spans, count, quotes) : BC_ENOMEM;
    if (rc)
        goto done;
    for (size_t i = 0; i < count; i++) {
        bc_quote *q = &quotes[i];
        q->paragraph = spans[i].paragraph;
        q->start = spans[i].start;
        q->end = spans[i].end;
        q->continued = spans[i].continued;
        q->sentence = sentence_at(doc, q->paragraph, q->start);
    }
    doc->quotes = quotes;
    doc->quote_count = count;
    quotes = NULL;
    bci_log(logger, BC_LOG_DEBUG, "found %zu quotes", count);

done:
    if (quotes) {
        for (size_t i = 0; i < count; i++)
            free((char *)quotes[i].speaker);
        free(quotes);
    }
    if (rc)
        bci_log(logger, BC_LOG_ERROR, "out of memory while finding quotes");
    bci_text_free(&text);
    free(spans);
    return rc;
}
