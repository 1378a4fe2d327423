/* Sentence splitting for news text. A sentence ends at . ! ? or an ellipsis
 * (with any closing quotes and brackets after it) followed by white space
 * and something that can start a sentence, unless the period belongs to an
 * abbreviation, an initial or a number. */
#include <stdlib.h>
#include <string.h>

#include "text_internal.h"

/* Titles that stand before a name and so never end a sentence. */
static const char *const title_abbreviations[] = {
    "adm", "brig", "capt", "cmdr", "col", "cpl", "det", "dr", "fr", "gen", "gov", "hon",
    "insp", "lt", "maj", "messrs", "mme", "mr", "mrs", "ms", "mt", "mx", "pres", "prof",
    "pvt", "rep", "rev", "rt", "sen", "sgt", "st", "supt",
};

/* Abbreviations that stand before a number or a word ("No. 10", "Feb. 16",
 * "vs. Smith"); they end a sentence only before a usual sentence starter. */
static const char *const inline_abbreviations[] = {
    "approx", "ca", "cf", "dept", "e.g", "est", "fig", "figs", "ft", "i.e", "no", "nos",
    "op", "pp", "sr", "v", "vol", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec",
};

/* Abbreviations that can also end a sentence ("...bought by Acme Inc.").
 * They end one only before a word that usually starts a sentence. */
static const char *const final_abbreviations[] = {
    "inc", "ltd", "co", "corp", "plc", "llc", "bros", "etc", "jr", "esq", "al",
    "a.m", "p.m",
};

/* Capitalised words that usually start a sentence, used to decide after an
 * ambiguous abbreviation ("in the U.S. The ..."). */
static const char *const sentence_starters[] = {
    "a", "after", "all", "also", "an", "and", "as", "at", "but", "by", "for", "from", "he",
    "her", "his", "however", "i", "if", "in", "it", "its", "meanwhile", "mr", "mrs", "ms",
    "my", "no", "now", "on", "one", "our", "she", "since", "so", "some", "that", "the",
    "their", "there", "these", "they", "this", "those", "though", "to", "we", "what",
    "when", "where", "while", "who", "why", "with", "yet", "you",
};

static bool in_list(const char *word, size_t length, const char *const *list, size_t count)
{
    if (length == 0 || length > 15)
        return false;
    char lower[16];
    for (size_t i = 0; i < length; i++) {
        char c = word[i];
        lower[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    lower[length] = '\0';
    for (size_t i = 0; i < count; i++)
        if (strcmp(lower, list[i]) == 0)
            return true;
    return false;
}

static bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Length of a closing quote or bracket at `s`, or 0. */
static size_t closer_length(const char *s, size_t left)
{
    unsigned char c = (unsigned char)s[0];
    if (c == '"' || c == '\'' || c == ')' || c == ']')
        return 1;
    if (left >= 3 && (memcmp(s, "\xE2\x80\x9D", 3) == 0 || memcmp(s, "\xE2\x80\x99", 3) == 0))
        return 3; /* ” ’ */
    return 0;
}

/* Length of an opening quote or bracket at `s`, or 0. */
static size_t opener_length(const char *s, size_t left)
{
    unsigned char c = (unsigned char)s[0];
    if (c == '"' || c == '\'' || c == '(' || c == '[')
        return 1;
    if (left >= 3 && (memcmp(s, "\xE2\x80\x9C", 3) == 0 || memcmp(s, "\xE2\x80\x98", 3) == 0))
        return 3; /* “ ‘ */
    return 0;
}

static bool is_ellipsis(const char *s, size_t left)
{
    return left >= 3 && memcmp(s, "\xE2\x80\xA6", 3) == 0;
}

/* The word before a period at `dot`: back to white space or an opener. */
static size_t word_before(const char *text, size_t dot, size_t *start)
{
    size_t i = dot;
    while (i > 0 && !is_space((unsigned char)text[i - 1]) && text[i - 1] != '(' &&
           text[i - 1] != '"')
        i--;
    /* skip a curly opening quote glued to the word */
    if (dot - i >= 3 && (memcmp(text + i, "\xE2\x80\x9C", 3) == 0 ||
                         memcmp(text + i, "\xE2\x80\x98", 3) == 0))
        i += 3;
    *start = i;
    return dot - i;
}

/* "U.S", "a.m", "e.g": letters separated by periods. */
static bool is_dotted(const char *w, size_t length)
{
    if (length < 3)
        return false;
    bool has_dot = false;
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c == '.') {
            if (i == 0 || w[i - 1] == '.')
                return false;
            has_dot = true;
        } else if (!is_upper(c) && !is_lower(c)) {
            return false;
        } else if (i > 0 && w[i - 1] != '.') {
            return false; /* two letters in a row: not an initialism */
        }
    }
    return has_dot;
}

/* Decides whether the period at `dot` ends a sentence, given that the next
 * word starts at `next` (after white space and openers). */
static bool period_ends_sentence(const char *text, size_t length, size_t dot, size_t next)
{
    size_t start;
    size_t word_length = word_before(text, dot, &start);
    const char *word = text + start;
    unsigned char following = next < length ? (unsigned char)text[next] : 0;
    size_t next_end = next;
    while (next_end < length && (is_upper((unsigned char)text[next_end]) ||
                                 is_lower((unsigned char)text[next_end])))
        next_end++;
    bool starter = in_list(text + next, next_end - next, sentence_starters,
                           BCI_ARRAY_LEN(sentence_starters));

    if (word_length == 0)
        return true;
    if (word_length == 1 && is_upper((unsigned char)word[0]))
        return starter && next_end - next > 1; /* an initial: "J. K. Rowling" */
    if (in_list(word, word_length, title_abbreviations, BCI_ARRAY_LEN(title_abbreviations)))
        return false;
    if (in_list(word, word_length, inline_abbreviations, BCI_ARRAY_LEN(inline_abbreviations)))
        return !is_digit(following) && starter;
    if (in_list(word, word_length, final_abbreviations, BCI_ARRAY_LEN(final_abbreviations)) ||
        is_dotted(word, word_length))
        return starter;
    return true;
}

int bc_split_sentences(const char *text, size_t length, size_t **bounds_out, size_t *count_out)
{
    if ((!text && length) || !bounds_out || !count_out)
        return BC_EINVAL;
    size_t *bounds = NULL, capacity = 0, count = 0;
    size_t start = 0;
    size_t i = 0;
    while (i < length) {
        unsigned char c = (unsigned char)text[i];
        bool ellipsis = is_ellipsis(text + i, length - i);
        if (c != '.' && c != '!' && c != '?' && !ellipsis) {
            i++;
            continue;
        }
        size_t mark = i;
        /* the run of terminators and closers: ?!  ...  ."  .)  ?’ */
        size_t end = i;
        bool only_period = true;
        int periods = 0;
        for (;;) {
            if (end < length && (text[end] == '.' || text[end] == '!' || text[end] == '?')) {
                only_period &= text[end] == '.';
                periods += text[end] == '.';
                end++;
            } else if (end < length && is_ellipsis(text + end, length - end)) {
                only_period = false;
                end += 3;
            } else if (end < length && closer_length(text + end, length - end)) {
                end += closer_length(text + end, length - end);
            } else {
                break;
            }
        }
        i = end;
        if (end < length && !is_space((unsigned char)text[end]))
            continue; /* "3.5", "example.com", "U.S.-led" */
        size_t next = end;
        while (next < length && is_space((unsigned char)text[next]))
            next++;
        if (next >= length)
            break; /* the end of the text ends the last sentence anyway */
        while (next < length && opener_length(text + next, length - next))
            next += opener_length(text + next, length - next);
        unsigned char first = next < length ? (unsigned char)text[next] : 0;
        if (is_lower(first))
            continue; /* "...said. and" is not a new sentence */
        if (only_period && periods == 1 && !period_ends_sentence(text, length, mark, next))
            continue;
        if (periods >= 3 && only_period && !is_upper(first))
            continue;
        void *items = bounds;
        if (bci_reserve(&items, &capacity, 2 * (count + 1), sizeof(size_t))) {
            free(bounds);
            return BC_ENOMEM;
        }
        bounds = items;
        bounds[2 * count] = start;
        bounds[2 * count + 1] = end;
        count++;
        start = end;
        while (start < length && is_space((unsigned char)text[start]))
            start++;
    }
    /* the last sentence, trimmed */
    size_t last_end = length;
    while (last_end > start && is_space((unsigned char)text[last_end - 1]))
        last_end--;
    while (start < last_end && is_space((unsigned char)text[start]))
        start++;
    if (last_end > start) {
        void *items = bounds;
        if (bci_reserve(&items, &capacity, 2 * (count + 1), sizeof(size_t))) {
            free(bounds);
            return BC_ENOMEM;
        }
        bounds = items;
        bounds[2 * count] = start;
        bounds[2 * count + 1] = last_end;
        count++;
    }
    /* trim leading space of every sentence */
    for (size_t k = 0; k < count; k++) {
        while (bounds[2 * k] < bounds[2 * k + 1] && is_space((unsigned char)text[bounds[2 * k]]))
            bounds[2 * k]++;
    }
    *bounds_out = bounds;
    *count_out = count;
    return 0;
}
