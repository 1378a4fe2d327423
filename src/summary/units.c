/* Sentences that must be read together. A quote that fills its sentence
 * ("“We will not give up.”") means nothing without knowing who spoke it:
 * when the quote finder knows the speaker, the planner names them before
 * the quote, so the sentence can be read alone; when it does not, the
 * sentence that introduces the quote comes with it, and a quote that runs
 * over several sentences is read whole. Each such run of sentences becomes
 * one group; every other sentence is a group of its own. The selection takes
 * or leaves a group as a whole. */
#include <stdlib.h>
#include <string.h>

#include "summary_internal.h"

static bool is_word_byte(char c)
{
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9') ||
           (unsigned char)c >= 0x80;
}

/* True when `word` (`n` bytes) occurs in `text` as a whole word. */
static bool has_word(const char *text, size_t length, const char *word, size_t n)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i + n <= length; i++)
        if (memcmp(text + i, word, n) == 0 && (i == 0 || !is_word_byte(text[i - 1])) &&
            (i + n == length || !is_word_byte(text[i + n])))
            return true;
    return false;
}

/* True when sentence `index` names the speaker (by the last word of the
 * name, as news does after the first mention) or has a verb of speech, or
 * ends with a colon that introduces the quote. */
static bool attributes(const bc_doc *doc, size_t index, const char *speaker)
{
    size_t length;
    const char *text = bc_doc_sentence(doc, index, &length);
    size_t end = length;
    while (end > 0 && text[end - 1] == ' ')
        end--;
    if (end > 0 && text[end - 1] == ':')
        return true;
    if (speaker) {
        size_t n = strlen(speaker);
        while (n > 0 && !is_word_byte(speaker[n - 1]))
            n--;
        size_t last = n;
        while (last > 0 && speaker[last - 1] != ' ')
            last--;
        if (has_word(text, length, speaker + last, n - last))
            return true;
    }
    return bci_has_speech_verb(text, length);
}

/* Words of sentence `index` outside the quote's bytes [start, end) of the
 * sentence's paragraph. */
static size_t words_outside(const bc_doc *doc, size_t index, size_t start, size_t end)
{
    const bc_sentence *s = &doc->sentences[index];
    const char *text = doc->paragraphs[s->paragraph].text;
    size_t words = 0;
    if (start > s->start)
        words += bc_count_words(text + s->start, (start < s->end ? start : s->end) - s->start);
    if (end < s->end)
        words += bc_count_words(text + (end > s->start ? end : s->start),
                                s->end - (end > s->start ? end : s->start));
    return words;
}

/* The sentences [*first, *last] that `quote` needs: those it spans and,
 * when none of them says who speaks, the one that does (before or after). */
static void quote_span(const bc_doc *doc, const bci_summary_text *text, const bc_quote *quote,
                       size_t *first, size_t *last)
{
    size_t n = doc->sentence_count;
    size_t k = quote->sentence, m = k;
    while (m + 1 < n && doc->sentences[m + 1].paragraph == quote->paragraph &&
           doc->sentences[m + 1].start < quote->end)
        m++;
    *first = k;
    *last = m;
    for (size_t j = k; j <= m; j++)
        if (words_outside(doc, j, quote->start, quote->end) > 0)
            return; /* the attribution is inside: "“...,” she said." */
    bool before = k > 0 && !(text->sentences[k - 1].flags & BCI_SENT_NEVER);
    bool after = m + 1 < n && !(text->sentences[m + 1].flags & BCI_SENT_NEVER);
    if (before && attributes(doc, k - 1, quote->speaker))
        *first = k - 1;
    else if (after && attributes(doc, m + 1, quote->speaker))
        *last = m + 1;
    else if (before)
        *first = k - 1; /* the line before most likely introduced the speaker */
}

int bci_group_sentences(const bc_doc *doc, const bci_summary_text *text, bci_group **out,
                        size_t *count, unsigned *quote_flags)
{
    size_t n = doc->sentence_count;
    size_t *reach = malloc((n ? n : 1) * sizeof *reach);
    bci_group *groups = calloc(n ? n : 1, sizeof *groups);
    if (!reach || !groups) {
        free(reach);
        free(groups);
        return BC_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        reach[i] = i;
        quote_flags[i] = 0;
    }
    for (size_t q = 0; q < doc->quote_count; q++) {
        const bc_quote *quote = &doc->quotes[q];
        if (quote->sentence >= n ||
            quote->paragraph != doc->sentences[quote->sentence].paragraph ||
            quote->start > quote->end || quote->end > doc->paragraphs[quote->paragraph].length)
            continue; /* not a quote of this doc's sentences: ignore it */
        if (quote->partial)
            continue; /* quoted words inside the writer's own sentence: narration */
        size_t first, last;
        quote_span(doc, text, quote, &first, &last);
        /* a quote whose speaker is known can be read alone: the planner
         * names the speaker before it ("Tom Reilly said:") */
        if (reach[first] < last && !quote->speaker)
            reach[first] = last;
        size_t quote_words = bc_count_words(doc->paragraphs[quote->paragraph].text + quote->start,
                                            quote->end - quote->start);
        /* 5 words: shorter quotes are scare quotes and names, not statements */
        bool strong = quote->speaker && quote_words >= 5;
        quote_flags[quote->sentence] |= strong ? BCI_QUOTE_STRONG : BCI_QUOTE_WEAK;
    }
    /* Overlapping spans join into one group. */
    size_t group_count = 0;
    for (size_t i = 0; i < n;) {
        size_t last = reach[i];
        for (size_t j = i; j <= last; j++)
            if (reach[j] > last)
                last = reach[j];
        bci_group *g = &groups[group_count++];
        *g = (bci_group){.first = i, .last = last, .eligible = true};
        for (size_t j = i; j <= last; j++) {
            g->words += text->sentences[j].words;
            if (text->sentences[j].flags & BCI_SENT_NEVER)
                g->eligible = false;
            if (quote_flags[j] & BCI_QUOTE_STRONG)
                g->strong_quote = true;
        }
        if (g->words == 0)
            g->eligible = false;
        i = last + 1;
    }
    free(reach);
    *out = groups;
    *count = group_count;
    return 0;
}
