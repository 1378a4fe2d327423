/* Fuzz target: any bytes through ingest (the format chosen by the build:
 * FUZZ_FORMAT), the text stage and, unless FUZZ_QUOTES_ONLY, the
 * summarizer. Every quote, its content and its speaker's words must lie
 * inside their paragraphs, its sentence inside the doc, and a speaker's
 * name must be non-empty UTF-8. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "briefcast/briefcast.h"
#include "common/internal.h"

#ifndef FUZZ_FORMAT
#define FUZZ_FORMAT BC_FORMAT_AUTO
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_quote(const bc_doc *doc, const bc_quote *q)
{
    if (q->paragraph >= doc->paragraph_count || q->sentence >= doc->sentence_count)
        abort();
    size_t length = doc->paragraphs[q->paragraph].length;
    if (q->start >= q->end || q->end > length || q->content_start > q->content_end ||
        q->content_end > length)
        abort();
    if (q->speaker_paragraph == BC_NO_OFFSET) {
        if (q->speaker_start != BC_NO_OFFSET || q->speaker_end != BC_NO_OFFSET)
            abort();
    } else if (q->speaker_paragraph >= doc->paragraph_count ||
               q->speaker_start > q->speaker_end ||
               q->speaker_end > doc->paragraphs[q->speaker_paragraph].length) {
        abort();
    }
    if (q->speaker &&
        (q->speaker[0] == '\0' || !bci_utf8_valid(q->speaker, strlen(q->speaker), NULL)))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bc_ingest_settings s;
    bc_ingest_default_settings(&s);
    s.format = FUZZ_FORMAT;
    s.max_input_bytes = 1 << 20;
    bc_article_list *list = NULL;
    if (bc_ingest((const char *)data, size, &s, &list) != 0)
        return 0;
    for (size_t i = 0; i < list->count; i++) {
        bc_doc *doc = NULL;
        if (bc_doc_build(&list->articles[i], NULL, &doc) != 0)
            continue;
        for (size_t k = 0; k < doc->quote_count; k++)
            check_quote(doc, &doc->quotes[k]);
#ifndef FUZZ_QUOTES_ONLY
        bc_summary_settings summary;
        bc_summary_default_settings(&summary);
        summary.words = 50;
        bc_selection *selection = NULL;
        if (bc_summarize(doc, &summary, &selection) == 0)
            bc_selection_free(selection);
#endif
        bc_doc_free(doc);
    }
    bc_article_list_free(list);
    return 0;
}
