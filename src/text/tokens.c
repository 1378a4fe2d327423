/* Words and punctuation of the paragraphs, for attributing quotes: each
 * token knows its case, whether it is inside a quotation, and whether it
 * starts a frame (a sentence, with quotations kept whole: the sentences of
 * a quote do not split the sentence that quotes it). */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "quotes_internal.h"

/* Abbreviations whose full stop belongs to the word ("Mr.", "Sen."). */
static const char *const dotted_words[] = {
    "adm", "atty", "capt", "cmdr", "col", "cpl", "det", "dr", "ft", "gen", "gov", "hon", "insp",
    "jr", "lt", "maj", "messrs", "mme", "mr", "mrs", "ms", "mt", "mx", "pres", "prof", "pvt",
    "rep", "rev", "sen", "sgt", "sr", "st", "supt",
};

static bool is_dotted_word(const char *word, size_t length)
{
    if (length > 6)
        return false;
    char lower[8];
    for (size_t i = 0; i < length; i++)
        lower[i] = (char)((word[i] >= 'A' && word[i] <= 'Z') ? word[i] - 'A' + 'a' : word[i]);
    lower[length] = '\0';
    for (size_t i = 0; i < BCI_ARRAY_LEN(dotted_words); i++)
        if (strcmp(lower, dotted_words[i]) == 0)
            return true;
    return false;
}

static int32_t decode(const char *text, size_t length, size_t i, size_t *n)
{
    if (i >= length) {
        *n = 0;
        return 0;
    }
    int32_t cp;
    *n = bci_utf8_decode(text + i, length - i, &cp);
    return cp;
}

static bool is_word_cp(int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO);
}

static bool is_space_cp(int32_t cp)
{
    return cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
           utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

static bool is_apostrophe_cp(int32_t cp)
{
    return cp == '\'' || cp == 0x2019;
}

/* The spans of one paragraph, [from, to), with a cursor that follows the
 * (increasing) byte positions asked about, to keep the scan linear. */
typedef struct marks {
    const bci_span *spans;
    size_t from;
    size_t to;
} marks;

/* Whether byte `i` is the opening or closing mark of a span. */
static bool is_mark(marks *m, size_t i)
{
    while (m->from < m->to && m->spans[m->from].end <= i)
        m->from++;
    if (m->from == m->to)
        return false;
    const bci_span *s = &m->spans[m->from];
    return i == s->start || (s->closed && i == s->inner_end);
}

/* Reads the word at byte `i`; returns its end. */
static size_t read_word(const char *text, size_t length, size_t i, marks *m,
                        unsigned *flags)
{
    size_t n, end = i;
    int32_t cp = decode(text, length, i, &n);
    unsigned f = BCI_TOK_WORD;
    size_t letters = 0, upper = 0;
    utf8proc_category_t category = utf8proc_category(cp);
    if (category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT)
        f |= BCI_TOK_CAPITAL;
    if (cp >= '0' && cp <= '9')
        f |= BCI_TOK_DIGIT;
    for (;;) {
        cp = decode(text, length, end, &n);
        utf8proc_category_t c = utf8proc_category(cp);
        if (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO) { /* as is_word_cp() */
            if (c <= UTF8PROC_CATEGORY_LO) { /* as bci_is_letter_cp() */
                letters++;
                upper += c == UTF8PROC_CATEGORY_LU;
            }
            end += n;
            continue;
        }
        size_t n2;
        int32_t next = decode(text, length, end + n, &n2);
        bool prev_word = end > i;
        if ((cp == '-' || cp == 0x2010 || cp == 0x2011) && prev_word && is_word_cp(next)) {
            end += n;
        } else if (is_apostrophe_cp(cp) && !is_mark(m, end) && prev_word &&
                   bci_is_letter_cp(next)) {
            end += n; /* don’t, Russia’s, O'Brien */
        } else if (cp == '.' && prev_word && bci_is_letter_cp(next) && n2 == 1 &&
                   (end - i == 1 || text[end - 2] == '.')) {
            end += n; /* U.S, e.g */
        } else {
            break;
        }
    }
    /* a full stop that belongs to the word: "B." "U.S." "Mr." */
    size_t n3;
    if (decode(text, length, end, &n3) == '.' &&
        ((end - i == 1 && (f & BCI_TOK_CAPITAL)) || (end - i >= 3 && text[end - 2] == '.') ||
         is_dotted_word(text + i, end - i)))
        end += n3;
    /* the plural possessive "voters’ " (not a closing mark) */
    size_t n4;
    int32_t last = decode(text, length, end, &n3);
    if (is_apostrophe_cp(last) && (text[end - 1] == 's' || text[end - 1] == 'S') &&
        !is_mark(m, end) && !is_word_cp(decode(text, length, end + n3, &n4))) {
        end += n3;
        f |= BCI_TOK_POSSESSIVE;
    }
    if (end - i >= 3 && (text[end - 1] == 's' || text[end - 1] == 'S')) {
        if (text[end - 2] == '\'' ||
            (end - i >= 5 && memcmp(text + end - 4, "\xE2\x80\x99", 3) == 0))
            f |= BCI_TOK_POSSESSIVE;
    }
    if (letters >= 2 && upper == letters)
        f |= BCI_TOK_ACRONYM;
    *flags = f;
    return end;
}

static int push(bci_text *t, size_t *capacity, size_t *para_capacity, bci_token token,
                size_t paragraph)
{
    void *items = t->tokens;
    if (bci_reserve(&items, capacity, t->count + 1, sizeof(bci_token)))
        return BC_ENOMEM;
    t->tokens = items;
    items = t->para_of;
    if (bci_reserve(&items, para_capacity, t->count + 1, sizeof(size_t)))
        return BC_ENOMEM;
    t->para_of = items;
    t->para_of[t->count] = paragraph;
    t->tokens[t->count++] = token;
    return 0;
}

static bool is_terminator(const bci_token *k)
{
    return !(k->flags & BCI_TOK_WORD) &&
           (k->cp == '.' || k->cp == '!' || k->cp == '?' || k->cp == 0x2026);
}

/* Whether the tokens from `i` read as an attribution: a verb of speech among
 * the next few words, before any sentence punctuation. After a quote that
 * ends with a full stop the attribution must also end soon ("….” Smith
 * said on Monday."), else a new sentence starts ("….” Smith said he …"). */
static bool attribution_follows(const bci_text *t, size_t i, size_t end, bool full_stop)
{
    size_t words = 0;
    for (size_t k = i; k < end && k < i + 24 && words < 6; k++) { /* 24: brackets and commas */
        const bci_token *tok = &t->tokens[k];
        if (tok->flags & BCI_TOK_QUOTED)
            return false;
        if (!(tok->flags & BCI_TOK_WORD)) {
            if (tok->cp != ',' && tok->cp != '(' && tok->cp != ')')
                return false;
            continue;
        }
        if (bci_tok_in(t, k, BCI_LIST_CUE) || bci_tok_in(t, k, BCI_LIST_PARTICIPLE)) {
            if (!full_stop)
                return true;
            size_t tail = 0; /* words after the verb to the end of the sentence */
            for (size_t j = k + 1; j < end && tail <= 6; j++) {
                if (!(t->tokens[j].flags & BCI_TOK_WORD))
                    return is_terminator(&t->tokens[j]) || t->tokens[j].cp == ',';
                tail++;
            }
            return tail <= 6;
        }
        words++;
    }
    return false;
}

/* Marks the first token of every frame of paragraph tokens [from, to). */
static void mark_frames(bci_text *t, size_t from, size_t to)
{
    if (from < to)
        t->tokens[from].flags |= BCI_TOK_FRAME;
    for (size_t i = from; i + 1 < to; i++) {
        const bci_token *k = &t->tokens[i];
        size_t next = i + 1;
        while (next < to && bci_tok_is(t, next, ')'))
            next++;
        if (next >= to)
            break;
        const bci_token *n = &t->tokens[next];
        bool starts = (n->flags & BCI_TOK_CAPITAL) || (n->flags & BCI_TOK_DIGIT) ||
                      (n->flags & BCI_TOK_OPEN);
        if (!(k->flags & BCI_TOK_QUOTED) && is_terminator(k) && starts) {
            t->tokens[next].flags |= BCI_TOK_FRAME;
        } else if ((k->flags & BCI_TOK_CLOSE) && i > from && is_terminator(&t->tokens[i - 1]) &&
                   starts && !attribution_follows(t, next, to, t->tokens[i - 1].cp == '.')) {
            t->tokens[next].flags |= BCI_TOK_FRAME;
        }
    }
}

int bci_text_build(bci_text *t, const bc_paragraph *paragraphs, size_t paragraph_count,
                   const bci_span *spans, size_t span_count)
{
    *t = (bci_text){.paragraphs = paragraphs, .paragraph_count = paragraph_count};
    size_t capacity = 0, para_capacity = 0, span = 0;
    t->first = calloc(paragraph_count + 1, sizeof *t->first);
    if (!t->first)
        goto fail;
    for (size_t p = 0; p < paragraph_count; p++) {
        const char *text = paragraphs[p].text;
        size_t length = paragraphs[p].length;
        t->first[p] = t->count;
        while (span < span_count && spans[span].paragraph < p)
            span++;
        marks m = {spans, span, span};
        while (m.to < span_count && spans[m.to].paragraph == p)
            m.to++;
        size_t current = span; /* the span the next tokens may be in */
        for (size_t i = 0; i < length;) {
            size_t n;
            int32_t cp = decode(text, length, i, &n);
            if (is_space_cp(cp)) {
                i += n;
                continue;
            }
            bci_token token = {.start = i, .cp = cp, .span = BCI_NONE};
            if (is_word_cp(cp) && !is_mark(&m, i))
                token.end = read_word(text, length, i, &m, &token.flags);
            else
                token.end = i + n;
            while (current < m.to && spans[current].end <= i)
                current++;
            if (current < m.to && spans[current].start <= i) {
                token.span = current;
                token.flags |= BCI_TOK_QUOTED;
                if (i == spans[current].start)
                    token.flags |= BCI_TOK_OPEN;
                else if (spans[current].closed && i == spans[current].inner_end)
                    token.flags |= BCI_TOK_CLOSE;
            }
            if (push(t, &capacity, &para_capacity, token, p))
                goto fail;
            i = token.end;
        }
        mark_frames(t, t->first[p], t->count);
    }
    t->first[paragraph_count] = t->count;
    /* every token's frame, for attribution to look up in constant time */
    t->frame_first = malloc((t->count ? t->count : 1) * sizeof *t->frame_first);
    t->frame_last = malloc((t->count ? t->count : 1) * sizeof *t->frame_last);
    if (!t->frame_first || !t->frame_last)
        goto fail;
    for (size_t i = 0; i < t->count; i++)
        t->frame_first[i] = (t->tokens[i].flags & BCI_TOK_FRAME) ? i : t->frame_first[i - 1];
    for (size_t i = t->count; i-- > 0;) {
        bool last = i + 1 == t->count || (t->tokens[i + 1].flags & BCI_TOK_FRAME);
        t->frame_last[i] = last ? i + 1 : t->frame_last[i + 1];
    }
    return 0;

fail:
    bci_text_free(t);
    return BC_ENOMEM;
}

void bci_text_free(bci_text *t)
{
    if (!t)
        return;
    free(t->tokens);
    free(t->first);
    free(t->para_of);
    free(t->frame_first);
    free(t->frame_last);
    *t = (bci_text){0};
}
