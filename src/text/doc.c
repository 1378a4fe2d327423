/* bc_doc: the article's news paragraphs and their sentences. */
#include <stdlib.h>
#include <string.h>

#include "text_internal.h"
#include "quotes_internal.h"

void bc_text_default_settings(bc_text_settings *s)
{
    if (s)
        *s = (bc_text_settings){0};
}

static int split_paragraph(bc_doc *doc, size_t index, size_t *capacity)
{
    const bc_paragraph *p = &doc->paragraphs[index];
    size_t *bounds = NULL, count = 0;
    int rc = bc_split_sentences(p->text, p->length, &bounds, &count);
    if (rc)
        return rc;
    void *items = doc->sentences;
    if (bci_reserve(&items, capacity, doc->sentence_count + count, sizeof(bc_sentence))) {
        free(bounds);
        return BC_ENOMEM;
    }
    doc->sentences = items;
    for (size_t i = 0; i < count; i++)
        doc->sentences[doc->sentence_count++] =
            (bc_sentence){.paragraph = index, .start = bounds[2 * i], .end = bounds[2 * i + 1]};
    free(bounds);
    return 0;
}

int bc_doc_build(const bc_article *article, const bc_text_settings *settings, bc_doc **out)
{
    if (!article || !out)
        return BC_EINVAL;
    bc_text_settings defaults;
    bc_text_default_settings(&defaults);
    const bc_text_settings *s = settings ? settings : &defaults;

    int rc = BC_ENOMEM;
    bc_doc *doc = calloc(1, sizeof *doc);
    if (!doc)
        return BC_ENOMEM;
    doc->article = article;
    if (article->paragraph_count) {
        doc->paragraphs = calloc(article->paragraph_count, sizeof *doc->paragraphs);
        if (!doc->paragraphs)
            goto fail;
    }
    for (size_t i = 0; i < article->paragraph_count; i++) {
        const bc_paragraph *p = &article->paragraphs[i];
        if (!s->keep_boilerplate && bci_is_boilerplate(p->text, p->length)) {
            bci_log(&s->logger, BC_LOG_DEBUG, "dropped boilerplate paragraph %zu", i + 1);
            continue;
        }
        doc->paragraphs[doc->paragraph_count++] = *p;
    }
    size_t capacity = 0;
    for (size_t i = 0; i < doc->paragraph_count; i++) {
        rc = split_paragraph(doc, i, &capacity);
        if (rc)
            goto fail;
    }
    rc = bci_doc_find_quotes(doc, &s->logger);
    if (rc)
        goto fail;
    if (doc->sentence_count == 0 && !article->title) {
        bci_log(&s->logger, BC_LOG_ERROR, "no article text found");
        rc = BC_EEMPTY;
        goto fail;
    }
    *out = doc;
    return 0;

fail:
    bc_doc_free(doc);
    return rc;
}

const char *bc_doc_sentence(const bc_doc *doc, size_t index, size_t *length)
{
    if (!doc || index >= doc->sentence_count) {
        if (length)
            *length = 0;
        return NULL;
    }
    const bc_sentence *s = &doc->sentences[index];
    if (length)
        *length = s->end - s->start;
    return doc->paragraphs[s->paragraph].text + s->start;
}

size_t bc_doc_sentence_offset(const bc_doc *doc, size_t index)
{
    if (!doc || index >= doc->sentence_count)
        return BC_NO_OFFSET;
    const bc_sentence *s = &doc->sentences[index];
    size_t base = doc->paragraphs[s->paragraph].offset;
    return base == BC_NO_OFFSET ? BC_NO_OFFSET : base + s->start;
}

void bc_doc_free(bc_doc *doc)
{
    if (!doc)
        return;
    for (size_t i = 0; i < doc->quote_count; i++)
        free((char *)doc->quotes[i].speaker);
    free(doc->quotes);
    free(doc->sentences);
    free(doc->paragraphs);
    free(doc);
}
