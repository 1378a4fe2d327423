/* The summary stage's public face: settings, budgets, word counts and
 * bc_summarize(), which runs the three steps: features.c turns sentences
 * into stemmed words, rank.c scores them and select.c chooses under the
 * budget. */
#include <stdint.h>
#include <stdlib.h>

#include "summary_internal.h"

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
        bool wordy =
            (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
        if (wordy && !counted) {
            words++;
            counted = true;
        }
    }
    return words;
}

int bc_summarize(const bc_doc *doc, const bc_summary_settings *settings, bc_selection **out)
{
    if (!doc || !out || (doc->sentence_count && !doc->sentences))
        return BC_EINVAL;
    bc_summary_settings defaults;
    bc_summary_default_settings(&defaults);
    const bc_summary_settings *s = settings ? settings : &defaults;
    size_t n = doc->sentence_count;

    int rc = BC_ENOMEM;
    bci_summary_text text = {0};
    bci_ranking ranking = {0};
    bc_selection *selection = calloc(1, sizeof *selection);
    if (!selection)
        goto fail;
    selection->sentences = calloc(n ? n : 1, sizeof(size_t));
    if (!selection->sentences)
        goto fail;
    if (s->full) {
        for (size_t i = 0; i < n; i++)
            selection->sentences[i] = i;
        selection->count = n;
        *out = selection;
        return 0;
    }
    size_t budget = bc_summary_word_budget(s);
    if ((rc = bci_summary_text_build(doc, &text)) || (rc = bci_rank(&text, &ranking)) ||
        (rc = bci_select(doc, &text, &ranking, budget, s->strict_budget, selection)))
        goto fail;
    bci_ranking_free(&ranking);
    bci_summary_text_free(&text);
    *out = selection;
    return 0;

fail:
    bci_ranking_free(&ranking);
    bci_summary_text_free(&text);
    bc_selection_free(selection);
    return rc;
}

void bc_selection_free(bc_selection *selection)
{
    if (!selection)
        return;
    free(selection->sentences);
    free(selection);
}
