/* Fuzz target: any bytes through ingest (the format chosen by the build:
 * FUZZ_FORMAT), the text stage, the summarizer and the planner's docs. */
#include <stddef.h>
#include <stdint.h>

#include "briefcast/briefcast.h"

#ifndef FUZZ_FORMAT
#define FUZZ_FORMAT BC_FORMAT_AUTO
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
        bc_summary_settings summary;
        bc_summary_default_settings(&summary);
        summary.words = 50;
        bc_selection *selection = NULL;
        if (bc_summarize(doc, &summary, &selection) == 0)
            bc_selection_free(selection);
        bc_doc_free(doc);
    }
    bc_article_list_free(list);
    return 0;
}
