/* Fuzz target: quote extraction and speaker naming on any bytes read as a
 * plain-text article. Every quote, its content and its speaker's words must
 * lie inside their paragraphs; the sentence index inside the doc; speakers
 * non-empty UTF-8. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "briefcast/briefcast.h"
#include "common/internal.h"

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
    s.format = BC_FORMAT_TEXT;
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
        bc_doc_free(doc);
    }
    bc_article_list_free(list);
    return 0;
}
