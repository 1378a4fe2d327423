/* Speech normalisation: the driver that walks the text token by token, asks
 * the recognisers (numbers, money, dates, units, abbreviations, web) for the
 * spoken form, and writes symbols out as words. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "normalize_internal.h"

void bc_normalize_default_settings(bc_normalize_settings *s)
{
    if (s)
        *s = (bc_normalize_settings){.locale = BC_LOCALE_EN_GB};
}

/* ---- output ---------------------------------------------------------------- */

void bci_tn_raw(bci_tn *t, const char *s, size_t length)
{
    if (!t->error && bci_buf_append(&t->out, s, length))
        t->error = BC_ENOMEM;
}

/* True when a word written after the output so far needs a space first. */
static bool needs_space(const bci_tn *t)
{
    if (t->out.length == 0)
        return false;
    unsigned char last = (unsigned char)t->out.data[t->out.length - 1];
    if (strchr(" \t\n\r([{\"'-/", last))
        return false;
    /* an opening curly quote (U+2018, U+201C) or a fixed-width space */
    unsigned char lead3 = t->out.length >= 3 ? (unsigned char)t->out.data[t->out.length - 3] : 0;
    unsigned char lead2 = t->out.length >= 2 ? (unsigned char)t->out.data[t->out.length - 2] : 0;
    if (lead3 == 0xE2 && (last == 0x98 || last == 0x9C || last == 0xAF || last == 0x89))
        return false;
    if (lead2 == 0xC2 && last == 0xA0)
        return false;
    return true;
}

void bci_tn_say_n(bci_tn *t, const char *words, size_t length)
{
    if (length == 0)
        return;
    if (needs_space(t))
        bci_tn_raw(t, " ", 1);
    bci_tn_raw(t, words, length);
}

void bci_tn_say(bci_tn *t, const char *words)
{
    bci_tn_say_n(t, words, strlen(words));
}

size_t bci_tn_mark(const bci_tn *t)
{
    return t->out.length;
}

void bci_tn_undo(bci_tn *t, size_t mark)
{
    if (mark < t->out.length) {
        t->out.length = mark;
        t->out.data[mark] = '\0';
    }
}

/* ---- input ----------------------------------------------------------------- */

/* True when a letter (of any script) starts at `pos`. */
static bool letter_at(const bci_tn *t, size_t pos)
{
    unsigned char c = bci_tn_at(t, pos);
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    int32_t cp;
    bci_utf8_decode(t->text + pos, t->length - pos, &cp);
    utf8proc_category_t category = utf8proc_category(cp);
    return category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_MN;
}

bool bci_tn_ends(const bci_tn *t, size_t pos)
{
    return pos >= t->length || !(bci_tn_digit(t, pos) || letter_at(t, pos));
}

bool bci_tn_starts(const bci_tn *t, size_t pos)
{
    if (pos == 0)
        return true;
    size_t back = pos - 1;
    /* step back to the first byte of the previous character */
    while (back > 0 && pos - back < 4 && ((unsigned char)t->text[back] & 0xC0) == 0x80)
        back--;
    return !(bci_tn_digit(t, back) || letter_at(t, back));
}

bool bci_tn_is_space(const bci_tn *t, size_t pos)
{
    unsigned char c = bci_tn_at(t, pos);
    if (c == ' ' || c == '\t')
        return true;
    if (c == 0xC2 && bci_tn_at(t, pos + 1) == 0xA0) /* no-break space */
        return true;
    /* thin, narrow no-break and other fixed-width spaces: U+2002..U+200A, U+202F */
    return c == 0xE2 && bci_tn_at(t, pos + 1) == 0x80 &&
           ((bci_tn_at(t, pos + 2) >= 0x82 && bci_tn_at(t, pos + 2) <= 0x8A) ||
            bci_tn_at(t, pos + 2) == 0xAF);
}

size_t bci_tn_space(const bci_tn *t, size_t pos)
{
    unsigned char c = bci_tn_at(t, pos);
    if (c == ' ' || c == '\t')
        return pos + 1;
    if (!bci_tn_is_space(t, pos))
        return pos;
    return pos + (c == 0xC2 ? 2 : 3);
}

static size_t match_word(const bci_tn *t, size_t pos, const char *word, bool fold)
{
    /* the first letter rejects almost every candidate cheaply */
    unsigned char a0 = bci_tn_at(t, pos), b0 = (unsigned char)word[0];
    if (a0 != b0 && !(fold && (a0 | 0x20) == (b0 | 0x20) && (a0 | 0x20) >= 'a' &&
                      (a0 | 0x20) <= 'z'))
        return 0;
    size_t n = strlen(word);
    if (n == 0 || n > t->length - (pos < t->length ? pos : t->length))
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char a = (unsigned char)t->text[pos + i], b = (unsigned char)word[i];
        if (fold) {
            a = (unsigned char)(a >= 'A' && a <= 'Z' ? a + 32 : a);
            b = (unsigned char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
        }
        if (a != b)
            return 0;
    }
    /* a word ending in a dot ("Feb.") needs no token end after it */
    if (word[n - 1] != '.' && !bci_tn_ends(t, pos + n))
        return 0;
    return pos + n;
}

bool bci_tn_listed(const char *word, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strcmp(word, list[i]) == 0)
            return true;
    return false;
}

size_t bci_tn_word_ci(const bci_tn *t, size_t pos, const char *word)
{
    return match_word(t, pos, word, true);
}

size_t bci_tn_word_cs(const bci_tn *t, size_t pos, const char *word)
{
    return match_word(t, pos, word, false);
}

size_t bci_tn_dash(const bci_tn *t, size_t pos)
{
    unsigned char c = bci_tn_at(t, pos);
    if (c == '-')
        return pos + 1;
    /* U+2013 en dash, U+2014 em dash, U+2212 minus */
    if (c == 0xE2 && bci_tn_at(t, pos + 1) == 0x80 &&
        (bci_tn_at(t, pos + 2) == 0x93 || bci_tn_at(t, pos + 2) == 0x94))
        return pos + 3;
    return 0;
}

size_t bci_tn_ascii_word(const bci_tn *t, size_t pos, char *word, size_t size)
{
    size_t end = pos;
    while (bci_tn_alpha(t, end) && end - pos < size)
        end++;
    if (end == pos || end - pos >= size || !bci_tn_ends(t, end)) {
        if (size)
            word[0] = '\0';
        return pos;
    }
    memcpy(word, t->text + pos, end - pos);
    word[end - pos] = '\0';
    return end;
}

bool bci_tn_word_before(const bci_tn *t, size_t pos, size_t *start, size_t *end)
{
    size_t e = pos;
    while (e > 0 && pos - e < 2 && t->text[e - 1] == ' ')
        e--;
    if (e == pos)
        return false;
    size_t s = e;
    while (s > 0 && e - s <= BCI_TN_MAX_WORD && bci_tn_alpha(t, s - 1))
        s--;
    if (s == e || e - s > BCI_TN_MAX_WORD)
        return false;
    *start = s;
    *end = e;
    return true;
}

bool bci_tn_attributive(const bci_tn *t, size_t start, size_t end)
{
    static const char *const determiners[] = {
        "a", "an", "the", "its", "his", "her", "their", "our", "this", "that", "whose", "each",
        "every", "any", "another", "similar", "further", "extra", "new", "proposed", "planned",
    };
    static const char *const not_nouns[] = {
        "of", "in", "to", "for", "and", "or", "per", "a", "an", "the", "on", "at", "by", "from",
        "with", "each", "year", "month", "week", "day", "more", "less", "than", "into", "is",
        "was", "were", "are", "as", "has", "had", "have", "will", "would", "could", "can", "may",
        "might", "should", "must", "be", "been", "being", "over", "under", "last", "this", "that",
        "it", "they", "he", "she", "we", "you", "so", "but", "if", "when", "while", "after",
        "before", "since", "until", "about", "off", "up", "down", "out", "back", "between",
        "through", "during", "against", "among", "without", "within", "annually", "apiece",
    };
    size_t ws, we;
    if (!bci_tn_word_before(t, start, &ws, &we))
        return false;
    char before[BCI_TN_MAX_WORD + 1];
    size_t n = we - ws;
    for (size_t i = 0; i < n; i++)
        before[i] = (char)(t->text[ws + i] | 0x20);
    before[n] = '\0';
    if (!bci_tn_listed(before, determiners, BCI_ARRAY_LEN(determiners)))
        return false;
    if (bci_tn_at(t, end) != ' ' || !bci_tn_lower(t, end + 1))
        return false;
    char word[BCI_TN_MAX_WORD + 1];
    bci_tn_ascii_word(t, end + 1, word, sizeof word);
    if (bci_tn_listed(word, not_nouns, BCI_ARRAY_LEN(not_nouns)))
        return false;
    /* "the $5bn needed", "a 5km newly built road": verbs and adverbs */
    size_t length = strlen(word);
    const char *ending = length > 3 ? word + length - 2 : "";
    if (strcmp(ending, "ed") == 0 || strcmp(ending, "ly") == 0)
        return false;
    return length > 0;
}

/* ---- symbols --------------------------------------------------------------- */

/* Symbols said as words wherever they stand. */
static const struct {
    const char *symbol;
    const char *words;
} symbol_words[] = {
    {"&", "and"}, {"+", "plus"}, {"=", "equals"}, {"@", "at"},
    {"\xC3\x97", "times"},            /* × */
    {"\xC2\xB0", "degrees"},          /* ° */
    {"\xC2\xA7", "section"},          /* § */
    {"\xE2\x84\x96", "number"},       /* № */
    {"\xC2\xA9", "copyright"},        /* © */
    {"\xE2\x89\x88", "about"},        /* ≈ */
    {"\xE2\x89\xA4", "at most"},      /* ≤ */
    {"\xE2\x89\xA5", "at least"},     /* ≥ */
    {"$", "dollars"}, {"\xC2\xA3", "pounds"}, {"\xE2\x82\xAC", "euros"},
    {"\xC2\xA5", "yen"}, {"\xE2\x82\xB9", "rupees"},
};

/* Symbols dropped: marks for the eye, not the ear. */
static const char *const silent_symbols[] = {
    "*", "_", "\xC2\xAE" /* ® */, "\xE2\x84\xA2" /* ™ */, "\xE2\x80\xA0" /* † */,
    "\xE2\x80\xA2" /* • */, "\xC2\xB7" /* · */, "\xC2\xB6" /* ¶ */,
};

/* Writes the symbol at `pos` as words, or copies one character; returns the
 * end. */
static size_t symbol(bci_tn *t, size_t pos)
{
    unsigned char c = bci_tn_at(t, pos);
    if (c < 0x80 && !strchr("&+=@$*_%#~<>|", (int)c)) {
        /* spaces and punctuation, by far the most common: copied */
        bci_tn_raw(t, t->text + pos, 1);
        return pos + 1;
    }
    if (c == '%') {
        bci_tn_say(t, t->gb ? "per cent" : "percent");
        return pos + 1;
    }
    if ((c == '+' && bci_tn_at(t, pos + 1) == '/' && bci_tn_at(t, pos + 2) == '-') ||
        (c == 0xC2 && bci_tn_at(t, pos + 1) == 0xB1)) { /* "+/-", "±" */
        bci_tn_say(t, "plus or minus");
        return pos + (c == '+' ? 3 : 2);
    }
    if (c == '#' && bci_tn_digit(t, pos + 1)) {
        bci_tn_say(t, "number");
        return pos + 1;
    }
    if (c == '~' && (bci_tn_digit(t, pos + 1) || bci_tn_at(t, pos + 1) == '$')) {
        bci_tn_say(t, "about");
        return pos + 1;
    }
    if ((c == '<' || c == '>') && (bci_tn_digit(t, bci_tn_space(t, pos + 1)) ||
                                   bci_tn_at(t, bci_tn_space(t, pos + 1)) == '$')) {
        bci_tn_say(t, c == '<' ? "less than" : "more than");
        return pos + 1;
    }
    if (c == '*' && pos > 0 && bci_tn_digit(t, pos - 1) && bci_tn_digit(t, pos + 1)) {
        bci_tn_say(t, "times");
        return pos + 1;
    }
    if (c == '|') {
        bci_tn_raw(t, ",", 1);
        return pos + 1;
    }
    /* "Copyright © 2015" says it once */
    size_t ws, we;
    if (c == 0xC2 && bci_tn_at(t, pos + 1) == 0xA9 && bci_tn_word_before(t, pos, &ws, &we) &&
        bci_tn_word_ci(t, ws, "copyright") == we)
        return bci_tn_at(t, pos + 2) == ' ' ? pos + 3 : pos + 2;
    for (size_t i = 0; i < BCI_ARRAY_LEN(symbol_words); i++) {
        size_t n = strlen(symbol_words[i].symbol);
        if (n <= t->length - pos && memcmp(t->text + pos, symbol_words[i].symbol, n) == 0) {
            bci_tn_say(t, symbol_words[i].words);
            /* "AT&T", "2+2": the next word needs a space of its own */
            if (!bci_tn_ends(t, pos + n))
                bci_tn_raw(t, " ", 1);
            return pos + n;
        }
    }
    for (size_t i = 0; i < BCI_ARRAY_LEN(silent_symbols); i++) {
        size_t n = strlen(silent_symbols[i]);
        if (n <= t->length - pos && memcmp(t->text + pos, silent_symbols[i], n) == 0)
            return pos + n;
    }
    int32_t cp;
    size_t n = bci_utf8_decode(t->text + pos, t->length - pos, &cp);
    bci_tn_raw(t, t->text + pos, n);
    return pos + n;
}

/* ---- the driver ------------------------------------------------------------ */

/* True when the line starting at `pos` is mostly capitals (a shouted
 * headline), where all-caps words are ordinary words, not acronyms. */
static bool line_is_shouting(const bci_tn *t, size_t pos)
{
    size_t upper = 0, lower = 0;
    for (size_t i = pos; i < t->length && t->text[i] != '\n'; i++) {
        upper += bci_tn_upper(t, i);
        lower += bci_tn_lower(t, i);
    }
    /* 12 letters: two or three short acronyms are not a shouted line */
    return upper >= 12 && upper > 3 * lower;
}

typedef size_t (*recogniser)(bci_tn *t, size_t pos);

/* Handles the text at `pos` and returns where to go on. */
static size_t step(bci_tn *t, size_t pos)
{
    static const recogniser recognisers[] = {
        bci_tn_web, bci_tn_money, bci_tn_date, bci_tn_time, bci_tn_phone, bci_tn_figure,
    };
    unsigned char c = bci_tn_at(t, pos);
    if (c == '\n' || c == '\r') {
        bci_tn_raw(t, t->text + pos, 1);
        if (c == '\n')
            t->shouting = line_is_shouting(t, pos + 1);
        return pos + 1;
    }
    if (c < 0x20 || c == 0x7F) {
        /* control characters, NUL included, are spaces */
        if (t->out.length && t->out.data[t->out.length - 1] != ' ')
            bci_tn_raw(t, " ", 1);
        return pos + 1;
    }
    if (bci_tn_starts(t, pos)) {
        for (size_t i = 0; i < BCI_ARRAY_LEN(recognisers); i++) {
            size_t end = recognisers[i](t, pos);
            if (t->error)
                return t->length;
            if (end > pos)
                return end;
        }
    } else if (bci_tn_digit(t, pos)) {
        /* digits glued to letters: "MP3", "H1N1" */
        size_t end = bci_tn_figure(t, pos);
        if (end > pos)
            return end;
    }
    if (letter_at(t, pos))
        return bci_tn_word(t, pos);
    if (bci_tn_digit(t, pos)) {
        bci_tn_raw(t, t->text + pos, 1);
        return pos + 1;
    }
    return symbol(t, pos);
}

int bc_normalize(const char *text, size_t length, const bc_normalize_settings *settings,
                 char **out)
{
    if ((!text && length) || !out)
        return BC_EINVAL;
    bc_normalize_settings defaults;
    bc_normalize_default_settings(&defaults);
    const bc_normalize_settings *s = settings ? settings : &defaults;
    if (s->locale != BC_LOCALE_EN_GB && s->locale != BC_LOCALE_EN_US) {
        bci_log(&s->logger, BC_LOG_ERROR, "unknown locale %d", (int)s->locale);
        return BC_EINVAL;
    }
    size_t bad;
    if (length && !bci_utf8_valid(text, length, &bad)) {
        bci_log(&s->logger, BC_LOG_ERROR, "not valid UTF-8 (byte %zu)", bad);
        return BC_EUTF8;
    }
    bci_tn t = {.text = text ? text : "", .length = length, .gb = s->locale == BC_LOCALE_EN_GB};
    /* most text grows a little when written out */
    void *data = NULL;
    if (bci_reserve(&data, &t.out.capacity, length + length / 4 + 16, 1))
        return BC_ENOMEM;
    t.out.data = data;
    t.out.data[0] = '\0';
    t.shouting = line_is_shouting(&t, 0);
    size_t pos = 0;
    while (pos < length && !t.error)
        pos = step(&t, pos);
    if (t.error) {
        bci_buf_free(&t.out);
        bci_log(&s->logger, BC_LOG_ERROR, "%s", bc_strerror(t.error));
        return t.error;
    }
    char *result = bci_buf_take(&t.out);
    if (!result)
        return BC_ENOMEM;
    *out = result;
    return 0;
}
