/* bc_doc: the article's news paragraphs (boilerplate dropped, judged with
 * its neighbours) and their sentences. */
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

/* Ends with . ! ? or an ellipsis, after closing quotes and brackets. */
static bool ends_sentence(const bc_paragraph *p)
{
    size_t n = p->length;
    const char *t = p->text;
    while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '"' || t[n - 1] == '\'' || t[n - 1] == ')'))
        n--;
    while (n >= 3 && (memcmp(t + n - 3, "\xE2\x80\x9D", 3) == 0 ||
                      memcmp(t + n - 3, "\xE2\x80\x99", 3) == 0))
        n -= 3; /* ” ’ */
    if (n == 0)
        return false;
    return t[n - 1] == '.' || t[n - 1] == '!' || t[n - 1] == '?' ||
           (n >= 3 && memcmp(t + n - 3, "\xE2\x80\xA6", 3) == 0);
}

/* Goes on from the paragraph before: starts with a lower-case letter or
 * with punctuation ("finished well clear of...", ", who had"). */
static bool continues(const bc_paragraph *p)
{
    char c = p->length ? p->text[0] : '\0';
    return (c >= 'a' && c <= 'z') || c == ',' || c == ';' || c == ')' || c == '.';
}

/* Decides on a short line without sentence punctuation (kind LINE) from its
 * neighbours: part of a broken sentence or the lead-in of a list is kept;
 * next to boilerplate it is a related headline; otherwise it is dropped
 * when it looks like a headline, label or dateline. */
static bool keep_line(const bc_article *a, const bci_paragraph_kind *kinds, size_t i)
{
    const bc_paragraph *p = &a->paragraphs[i];
    bool has_prev = i > 0, has_next = i + 1 < a->paragraph_count;
    if (has_prev && kinds[i - 1] == BCI_PARAGRAPH_NEWS && !ends_sentence(&a->paragraphs[i - 1]))
        return true;
    if (has_next && kinds[i + 1] == BCI_PARAGRAPH_NEWS && continues(&a->paragraphs[i + 1]))
        return true;
    if (has_next && bci_is_list_item(a->paragraphs[i + 1].text, a->paragraphs[i + 1].length))
        return true;
    if ((has_prev && kinds[i - 1] == BCI_PARAGRAPH_BOILERPLATE) ||
        (has_next && kinds[i + 1] == BCI_PARAGRAPH_BOILERPLATE))
        return false;
    return !bci_line_is_headline(p->text, p->length);
}

/* Copies the paragraphs that are news to doc->paragraphs. */
static int select_paragraphs(bc_doc *doc, const bc_article *article, const bc_text_settings *s)
{
    size_t count = article->paragraph_count;
    if (s->keep_boilerplate) {
        memcpy(doc->paragraphs, article->paragraphs, count * sizeof *doc->paragraphs);
        doc->paragraph_count = count;
        return 0;
    }
    bci_paragraph_kind *kinds = calloc(count, sizeof *kinds);
    if (!kinds)
        return BC_ENOMEM;
    for (size_t i = 0; i < count; i++)
        kinds[i] = bci_classify_paragraph(article->paragraphs[i].text,
                                          article->paragraphs[i].length);
    for (size_t i = 0; i < count; i++) {
        /* A paragraph made from markup was already chosen by the page
         * extractor, which knows headings and list items from related
         * links: only real boilerplate is dropped from it. */
        bool from_markup = article->paragraphs[i].offset == BC_NO_OFFSET;
        bool keep = kinds[i] == BCI_PARAGRAPH_NEWS ||
                    (kinds[i] == BCI_PARAGRAPH_LINE && (from_markup || keep_line(article, kinds, i)));
        if (!keep) {
            bci_log(&s->logger, BC_LOG_DEBUG, "dropped boilerplate paragraph %zu", i + 1);
            continue;
        }
        doc->paragraphs[doc->paragraph_count++] = article->paragraphs[i];
    }
    free(kinds);
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
    if (article->paragraph_count && select_paragraphs(doc, article, s))
        goto fail;
    size_t capacity = 0;
    for (size_t i = 0; i < doc->paragraph_count; i++) {
        rc = split_paragraph(doc, i, &capacity);
        if (rc)
            goto fail;
    }
    if (!s->skip_quotes && (rc = bci_doc_find_quotes(doc, &s->logger)))
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
