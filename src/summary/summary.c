/* Sentence selection: scores every sentence by how central its words are
 * to the article, how early it comes and how much it shares with the
 * headline, then takes the best ones that fit the budget. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "briefcast/summary.h"
#include "common/internal.h"

/* 175 words a minute: a calm newsreader's pace, eSpeak NG's default. */
#define DEFAULT_WORDS_PER_MINUTE 175.0
#define DEFAULT_SECONDS 60.0

void bc_summary_default_settings(bc_summary_settings *s)
{
    if (s)
        *s = (bc_summary_settings){.seconds = DEFAULT_SECONDS,
                                   .words_per_minute = DEFAULT_WORDS_PER_MINUTE};
}

size_t bc_summary_word_budget(const bc_summary_settings *s)
{
    if (!s || s->full)
        return SIZE_MAX;
    if (s->words)
        return s->words;
    double wpm = s->words_per_minute > 0 ? s->words_per_minute : DEFAULT_WORDS_PER_MINUTE;
    double words = s->seconds * wpm / 60.0;
    return words < 1 ? 1 : (size_t)words;
}

size_t bc_count_words(const char *text, size_t length)
{
    size_t words = 0;
    bool in_word = false, counted = false;
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)text[i];
        bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (space) {
            in_word = false;
            continue;
        }
        if (!in_word)
            counted = false;
        in_word = true;
        /* a token counts once it has a letter, a digit or any non-ASCII byte */
        bool wordy = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
        if (wordy && !counted) {
            words++;
            counted = true;
        }
    }
    return words;
}

/* Hashes of the content words of a sentence (lower-cased ASCII letters and
 * digits, three letters or more), sorted and unique. */
typedef struct word_set {
    uint32_t *hashes;
    size_t count;
} word_set;

static int compare_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Function words carry no topic. */
static const char *const stop_words[] = {
    "the", "and", "for", "that", "with", "was", "were", "are", "has", "have", "had", "but",
    "not", "this", "from", "they", "his", "her", "she", "him", "its", "their", "been", "will",
    "would", "said", "says", "also", "who", "which", "what", "when", "where", "than", "there",
    "into", "about", "after", "over", "more", "some", "could", "can", "our", "out", "all",
    "one", "new", "you", "your", "just", "any", "very", "them", "these", "those", "then",
};

static bool is_stop_word(const char *w, size_t n)
{
    for (size_t i = 0; i < BCI_ARRAY_LEN(stop_words); i++)
        if (strlen(stop_words[i]) == n && memcmp(stop_words[i], w, n) == 0)
            return true;
    return false;
}

static int make_word_set(const char *text, size_t length, word_set *out)
{
    *out = (word_set){0};
    size_t capacity = 0;
    char word[32];
    size_t n = 0;
    for (size_t i = 0; i <= length; i++) {
        unsigned char c = i < length ? (unsigned char)text[i] : ' ';
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
            if (n < sizeof word)
                word[n++] = (char)(c | 0x20);
            continue;
        }
        if (c >= '0' && c <= '9') {
            if (n < sizeof word)
                word[n++] = (char)c;
            continue;
        }
        if (n >= 3 && !is_stop_word(word, n)) {
            /* a crude stem: drop a plural or possessive s */
            size_t stem = (n > 3 && word[n - 1] == 's') ? n - 1 : n;
            void *items = out->hashes;
            if (bci_reserve(&items, &capacity, out->count + 1, sizeof(uint32_t))) {
                free(out->hashes);
                *out = (word_set){0};
                return BC_ENOMEM;
            }
            out->hashes = items;
            out->hashes[out->count++] = (uint32_t)bci_hash(0, word, stem);
        }
        n = 0;
    }
    if (out->count) {
        qsort(out->hashes, out->count, sizeof(uint32_t), compare_u32);
        size_t unique = 1;
        for (size_t i = 1; i < out->count; i++)
            if (out->hashes[i] != out->hashes[unique - 1])
                out->hashes[unique++] = out->hashes[i];
        out->count = unique;
    }
    return 0;
}

static size_t common_words(const word_set *a, const word_set *b)
{
    size_t i = 0, j = 0, common = 0;
    while (i < a->count && j < b->count) {
        if (a->hashes[i] == b->hashes[j])
            common++, i++, j++;
        else if (a->hashes[i] < b->hashes[j])
            i++;
        else
            j++;
    }
    return common;
}

typedef struct ranked {
    size_t index;
    double score;
} ranked;

static int compare_ranked(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return (x->index > y->index) - (x->index < y->index);
}

static int compare_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

int bc_summarize(const bc_doc *doc, const bc_summary_settings *settings, bc_selection **out)
{
    if (!doc || !out)
        return BC_EINVAL;
    bc_summary_settings defaults;
    bc_summary_default_settings(&defaults);
    const bc_summary_settings *s = settings ? settings : &defaults;
    size_t n = doc->sentence_count;
    size_t budget = bc_summary_word_budget(s);

    int rc = BC_ENOMEM;
    word_set *sets = calloc(n ? n : 1, sizeof *sets);
    ranked *ranks = calloc(n ? n : 1, sizeof *ranks);
    bc_selection *selection = calloc(1, sizeof *selection);
    word_set title = {0};
    if (!sets || !ranks || !selection)
        goto done;
    selection->sentences = calloc(n ? n : 1, sizeof(size_t));
    if (!selection->sentences)
        goto done;
    if (s->full) {
        for (size_t i = 0; i < n; i++)
            selection->sentences[i] = i;
        selection->count = n;
        rc = 0;
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        size_t length;
        const char *text = bc_doc_sentence(doc, i, &length);
        if (make_word_set(text, length, &sets[i]))
            goto done;
    }
    const char *headline = doc->article->title;
    if (headline && make_word_set(headline, strlen(headline), &title))
        goto done;

    /* Centrality: the sentence's words shared with the others, normalised by
     * its length (log, as TextRank does) so long sentences do not win alone. */
    for (size_t i = 0; i < n; i++) {
        double centrality = 0;
        for (size_t j = 0; j < n; j++) {
            if (j == i || !sets[i].count || !sets[j].count)
                continue;
            double norm = log(1.0 + (double)sets[i].count) + log(1.0 + (double)sets[j].count);
            centrality += (double)common_words(&sets[i], &sets[j]) / norm;
        }
        double position = 1.0 / sqrt(1.0 + (double)i); /* news puts the point first */
        double headline_overlap =
            title.count ? (double)common_words(&sets[i], &title) / (double)title.count : 0;
        ranks[i] = (ranked){i, centrality / (n > 1 ? (double)(n - 1) : 1.0) * 4.0 +
                                   position + headline_overlap};
    }
    qsort(ranks, n, sizeof *ranks, compare_ranked);

    size_t used = 0;
    for (size_t k = 0; k < n; k++) {
        size_t length;
        const char *text = bc_doc_sentence(doc, ranks[k].index, &length);
        size_t words = bc_count_words(text, length);
        if (used + words > budget && selection->count > 0)
            continue;
        selection->sentences[selection->count++] = ranks[k].index;
        used += words;
        if (used >= budget)
            break;
    }
    qsort(selection->sentences, selection->count, sizeof(size_t), compare_size);
    rc = 0;

done:
    for (size_t i = 0; sets && i < n; i++)
        free(sets[i].hashes);
    free(sets);
    free(ranks);
    free(title.hashes);
    if (rc) {
        bc_selection_free(selection);
        return rc;
    }
    *out = selection;
    return 0;
}

void bc_selection_free(bc_selection *selection)
{
    if (!selection)
        return;
    free(selection->sentences);
    free(selection);
}
