/* HTML pages: parsing with libxml2's HTML parser (character encoding,
 * limits, errors) and the reader that turns a page into one article. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>

#include "html_internal.h"

/* 200,000 elements: about ten times the largest page of the development set
 * (a long encyclopedia article) and some 100 MB of tree; a page beyond it is
 * read up to that point. */
#define MAX_ELEMENTS 200000

struct bci_html_parser {
    htmlParserCtxtPtr ctxt;
    const bc_logger *logger;
    bci_xml_errors errors;
    startElementSAXFunc start_element; /* libxml2's tree builder */
    size_t element_count;
    int budget_line;
};

/* Builds the element as usual, then stops the parser at the budget. */
static void count_element(void *user, const xmlChar *name, const xmlChar **attributes)
{
    htmlParserCtxtPtr ctxt = user;
    bci_html_parser *p = ctxt->_private;
    p->start_element(user, name, attributes);
    if (++p->element_count == MAX_ELEMENTS) {
        p->budget_line = ctxt->input ? ctxt->input->line : 0;
        xmlStopParser(ctxt);
    }
}

/* libxml2 hands a context's errors to its handler with the context. */
static void context_error(void *user, xmlErrorPtr error)
{
    htmlParserCtxtPtr ctxt = user;
    bci_html_parser *p = ctxt ? ctxt->_private : NULL;
    if (p)
        bci_xml_error(&p->errors, error);
}

int bci_html_parser_new(bci_html_parser **out, const bc_logger *logger)
{
    bci_html_parser *p = calloc(1, sizeof *p);
    if (!p)
        return BC_ENOMEM;
    xmlInitParser();
    p->ctxt = htmlNewParserCtxt();
    if (!p->ctxt || !p->ctxt->sax) {
        bci_html_parser_free(p);
        return BC_ENOMEM;
    }
    p->logger = logger;
    p->ctxt->_private = p;
    xmlSAXHandler *sax = p->ctxt->sax;
    p->start_element = sax->startElement;
    sax->startElement = count_element;
    sax->comment = NULL; /* comments are never article text */
    sax->processingInstruction = NULL;
    /* libxml2 only calls a structured handler of a SAX2 handler. */
    sax->initialized = XML_SAX2_MAGIC;
    sax->serror = context_error;
    *out = p;
    return 0;
}

void bci_html_parser_free(bci_html_parser *p)
{
    if (!p)
        return;
    if (p->ctxt)
        htmlFreeParserCtxt(p->ctxt);
    free(p);
}

/* Decodes the character at `s` (`length` bytes left, at least one): writes
 * its byte length to `*n` and returns true when it is not valid UTF-8.
 * bci_utf8_decode() gives U+FFFD for a bad byte; an encoded U+FFFD is valid. */
static bool bad_utf8_at(const char *s, size_t length, size_t *n)
{
    int32_t cp;
    *n = bci_utf8_decode(s, length, &cp);
    return cp == 0xFFFD && !(*n == 3 && memcmp(s, "\xEF\xBF\xBD", 3) == 0);
}

/* Counts the non-ASCII characters that are valid UTF-8 and the bytes that
 * are not, and finds the first bad byte. */
static void survey_utf8(const char *data, size_t size, size_t *valid, size_t *invalid,
                        size_t *first_bad)
{
    *valid = *invalid = 0;
    *first_bad = SIZE_MAX;
    for (size_t i = 0; i < size;) {
        if ((unsigned char)data[i] < 0x80) {
            i++;
            continue;
        }
        size_t n;
        if (bad_utf8_at(data + i, size - i, &n)) {
            if (*first_bad == SIZE_MAX)
                *first_bad = i;
            (*invalid)++;
        } else {
            (*valid)++;
        }
        i += n;
    }
}

/* A copy of `data` with each invalid byte replaced by U+FFFD. */
static char *replace_invalid(const char *data, size_t size, size_t invalid, size_t *out_size)
{
    bci_buf b = {0};
    if (bci_buf_append(&b, "", 0) || invalid > (SIZE_MAX - size) / 2)
        goto fail;
    void *items = b.data;
    if (bci_reserve(&items, &b.capacity, size + 2 * invalid + 1, 1))
        goto fail;
    b.data = items;
    size_t run = 0;
    for (size_t i = 0; i < size;) {
        if ((unsigned char)data[i] < 0x80) {
            i++;
            continue;
        }
        size_t n;
        if (bad_utf8_at(data + i, size - i, &n)) {
            if (bci_buf_append(&b, data + run, i - run) || bci_buf_append(&b, "\xEF\xBF\xBD", 3))
                goto fail;
            run = i + n;
        }
        i += n;
    }
    if (bci_buf_append(&b, data + run, size - run))
        goto fail;
    *out_size = b.length;
    return bci_buf_take(&b);
fail:
    bci_buf_free(&b);
    return NULL;
}

int bci_html_parse(bci_html_parser *p, const char *data, size_t size, const char *what,
                   xmlDoc **out)
{
    const bc_logger *logger = p->logger;
    if (size > INT_MAX) {
        bci_log(logger, BC_LOG_ERROR, "%s is %zu bytes; HTML is read up to %d bytes", what, size,
                INT_MAX);
        return BC_ETOOBIG;
    }
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                  HTML_PARSE_NONET | HTML_PARSE_NODEFDTD;
    const char *encoding = NULL;
    size_t valid, invalid, first_bad;
    survey_utf8(data, size, &valid, &invalid, &first_bad);
    char *fixed = NULL;
    if (invalid == 0 && valid > 0) {
        /* UTF-8 by its bytes: a charset the page declares is stale (pages
         * saved to disk are re-encoded without updating it). */
        encoding = "UTF-8";
        options |= HTML_PARSE_IGNORE_ENC;
    } else if (invalid > 0 && valid > invalid) {
        /* Mostly UTF-8 with a few broken bytes: keep the rest intact. */
        size_t fixed_size;
        fixed = replace_invalid(data, size, invalid, &fixed_size);
        if (!fixed)
            return BC_ENOMEM;
        if (fixed_size > INT_MAX) {
            free(fixed);
            bci_log(logger, BC_LOG_ERROR, "%s is too big to read", what);
            return BC_ETOOBIG;
        }
        bci_log(logger, BC_LOG_WARNING,
                "%s: %zu bytes of invalid UTF-8 replaced (the first at offset %zu)", what, invalid,
                first_bad);
        data = fixed, size = fixed_size;
        encoding = "UTF-8";
        options |= HTML_PARSE_IGNORE_ENC;
    }

    p->element_count = 0;
    p->budget_line = 0;
    bci_xml_errors_begin(&p->errors, logger);
    xmlDoc *doc = htmlCtxtReadMemory(p->ctxt, data, (int)size, NULL, encoding, options);
    bci_xml_errors_end(&p->errors);
    free(fixed);

    const bci_xml_errors *e = &p->errors;
    if (e->out_of_memory) {
        xmlFreeDoc(doc);
        return BC_ENOMEM;
    }
    if (!doc || !xmlDocGetRootElement(doc)) {
        xmlFreeDoc(doc); /* nothing but comments, a doctype or white space */
        return BC_EEMPTY;
    }
    if (p->budget_line)
        bci_log(logger, BC_LOG_WARNING, "%s has more than %d elements; read up to line %d", what,
                MAX_ELEMENTS, p->budget_line);
    if (e->too_deep)
        bci_log(logger, BC_LOG_WARNING,
                "%s nests elements more than 256 deep (line %d); the rest was not read", what,
                e->stop_line);
    if (e->too_big)
        bci_log(logger, BC_LOG_WARNING,
                "%s has a text of over 10 MB (line %d); the rest was not read", what,
                e->stop_line);
    if (e->conversion_error)
        bci_log(logger, BC_LOG_WARNING,
                "%s has bytes that are not valid in its declared charset; the rest was not read",
                what);
    else if (e->not_utf8)
        bci_log(logger, BC_LOG_WARNING,
                "%s declares UTF-8 but is not (line %d); read as Windows-1252 from there", what,
                e->encoding_line);
    else if (invalid && !encoding && !doc->encoding)
        bci_log(logger, BC_LOG_WARNING,
                "%s is not UTF-8 and declares no charset; read as Windows-1252", what);
    *out = doc;
    return 0;
}

int bci_read_html(const char *data, size_t size, const bc_ingest_settings *s,
                  bc_article_list *list)
{
    const bc_logger *logger = &s->logger;
    bci_html_parser *parser = NULL;
    xmlDoc *doc = NULL;
    int rc = bci_html_parser_new(&parser, logger);
    if (rc)
        return rc;
    rc = bci_html_parse(parser, data, size, "the page", &doc);
    if (rc == BC_EEMPTY)
        bci_log(logger, BC_LOG_ERROR, "no article text found in the page");
    if (rc)
        goto done;
    bc_article *a;
    rc = bci_list_add_article(list, &a);
    if (!rc)
        rc = bci_html_metadata(doc, a);
    if (!rc)
        rc = bci_extract_article(doc, a->title, a);
    if (!rc && a->paragraph_count == 0) {
        bci_log(logger, BC_LOG_ERROR, "no article text found in the page");
        rc = BC_EEMPTY;
    }
done:
    xmlFreeDoc(doc);
    bci_html_parser_free(parser);
    return rc;
}

int bci_html_body(bci_html_parser *p, const char *html, size_t size, const char *what,
                  bc_article *a)
{
    xmlDoc *doc = NULL;
    int rc = bci_html_parse(p, html, size, what, &doc);
    if (rc == BC_EEMPTY)
        return 0; /* the caller sees no paragraphs */
    if (rc)
        return rc;
    rc = bci_extract_all(doc, a);
    xmlFreeDoc(doc);
    return rc;
}
