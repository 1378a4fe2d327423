/* Feeds: RSS 2.0, RSS 1.0 (RDF) and Atom, read with libxml2's streaming
 * reader one item at a time, so memory follows the largest item rather than
 * the whole feed. Each item becomes an article; its body (HTML in
 * content:encoded, atom:content, description or summary) goes through the
 * HTML extractor whole, with only boilerplate elements dropped. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>

#include "html_internal.h"

#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_DC "http://purl.org/dc/elements/1.1/"

typedef enum feed_kind { FEED_RSS, FEED_ATOM } feed_kind;

typedef struct feed_reader {
    const bc_ingest_settings *settings;
    bc_article_list *list;
    bci_html_parser *html;
    feed_kind kind;
    char *source;         /* the channel's title */
    size_t first_article; /* index of this feed's first article in the list */
    size_t items;         /* items seen */
} feed_reader;

static bool named(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, name) == 0;
}

/* The feed's own vocabulary: no namespace (RSS 2.0), RSS 1.0 or 0.90, or
 * Atom; not the extensions (iTunes, Media RSS...) that reuse its names. */
static bool feed_namespace(const char *uri)
{
    static const char *const uris[] = {
        "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/",
        "http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#",
    };
    if (!uri || !*uri)
        return true;
    for (size_t i = 0; i < BCI_ARRAY_LEN(uris); i++)
        if (strcmp(uri, uris[i]) == 0)
            return true;
    return false;
}

static bool in_namespace(const xmlNode *n, const char *uri)
{
    const char *href = n->ns && n->ns->href ? (const char *)n->ns->href : NULL;
    return uri ? href && strcmp(href, uri) == 0 : feed_namespace(href);
}

/* The first child element of `item` called `name`, in namespace `uri`, or
 * in the feed's own vocabulary when `uri` is NULL. */
static xmlNode *child(const xmlNode *item, const char *name, const char *uri)
{
    for (xmlNode *c = item->children; c; c = c->next)
        if (named(c, name) && in_namespace(c, uri))
            return c;
    return NULL;
}

/* The text of `n`, collapsed, in a new string (NULL when empty). */
static int text_of(const xmlNode *n, char **out)
{
    *out = NULL;
    if (!n)
        return 0;
    bci_buf b = {0};
    /* 1 MB: far beyond any title, name or date. */
    if (bci_node_text(n, &b, (size_t)1 << 20)) {
        bci_buf_free(&b);
        return BC_ENOMEM;
    }
    if (b.length)
        *out = bci_buf_take(&b); /* never fails: the buffer holds the text */
    bci_buf_free(&b);
    return 0;
}

/* The raw text of `n` (not collapsed: HTML to be parsed). */
static int raw_text_of(const xmlNode *n, bci_buf *b)
{
    for (const xmlNode *c = n->children; c; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content &&
            bci_buf_puts(b, (const char *)c->content))
            return BC_ENOMEM;
    return 0;
}

static int set_field(const char **field, const xmlNode *n)
{
    char *text;
    int rc = text_of(n, &text);
    if (!rc && text)
        rc = bci_article_set(field, text, strlen(text));
    free(text);
    return rc;
}

/* "jo@example.com (Jo Bloggs)" names Jo Bloggs; a bare address is dropped. */
static int set_author(bc_article *a, const xmlNode *n)
{
    char *text;
    int rc = text_of(n, &text);
    if (rc || !text)
        return rc;
    const char *open = strchr(text, '('), *close = strrchr(text, ')');
    if (strchr(text, '@') && open && close && close > open + 1)
        rc = bci_article_set(&a->byline, open + 1, (size_t)(close - open - 1));
    else if (!strchr(text, '@'))
        rc = bci_article_set(&a->byline, text, strlen(text));
    free(text);
    return rc;
}

/* An RFC 822 date ("Tue, 03 Jun 2025 09:30:00 GMT", as RSS writes them)
 * rewritten in ISO 8601; false when it is not one. */
static bool rfc822_to_iso(const char *s, char *out, size_t size)
{
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    const char *comma = strchr(s, ',');
    if (comma)
        s = comma + 1;
    int day, year, hour, minute, second = 0, consumed = 0;
    char month[4], zone[8] = "";
    if (sscanf(s, " %2d %3s %4d %2d:%2d%n", &day, month, &year, &hour, &minute, &consumed) != 5)
        return false;
    s += consumed;
    if (*s == ':' && sscanf(s, ":%2d%n", &second, &consumed) == 1)
        s += consumed;
    if (sscanf(s, " %7s", zone) != 1)
        zone[0] = '\0';
    const char *m = strstr(months, month);
    if (!m || strlen(month) != 3 || (m - months) % 3 || day < 1 || day > 31 || hour > 23 ||
        minute > 59 || second > 60)
        return false;
    if (year < 100)
        year += year < 50 ? 2000 : 1900; /* RFC 822's two-digit years */
    char offset[8] = "Z";
    if ((zone[0] == '+' || zone[0] == '-') && strlen(zone) == 5)
        snprintf(offset, sizeof offset, "%c%.2s:%.2s", zone[0], zone + 1, zone + 3);
    else if (zone[0] && strcmp(zone, "GMT") && strcmp(zone, "UT") && strcmp(zone, "UTC") &&
             strcmp(zone, "Z"))
        offset[0] = '\0'; /* a named zone: leave the time local */
    snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:%02d%s", year, (int)(m - months) / 3 + 1, day,
             hour, minute, second, offset);
    return true;
}

static int set_date(bc_article *a, const xmlNode *n)
{
    char *text;
    int rc = text_of(n, &text);
    if (rc || !text)
        return rc;
    char iso[48];
    const char *value = rfc822_to_iso(text, iso, sizeof iso) ? iso : text;
    rc = bci_article_set(&a->date, value, strlen(value));
    free(text);
    return rc;
}

/* Plain-text content: one paragraph per line. */
static int add_plain_text(bc_article *a, const char *text, size_t length)
{
    bci_buf b = {0};
    int rc = 0;
    for (size_t i = 0, line = 0; i <= length && !rc; i++) {
        if (i < length && text[i] != '\n')
            continue;
        bool space = false;
        b.length = 0;
        rc = bci_append_collapsed(&b, text + line, i - line, &space);
        if (!rc && b.length)
            rc = bci_article_add_paragraph(a, b.data, b.length, BC_NO_OFFSET);
        line = i + 1;
    }
    bci_buf_free(&b);
    return rc;
}

/* Adds the paragraphs of a body element (content, description, summary). */
static int add_body(feed_reader *r, const xmlNode *n, bc_article *a, const char *what)
{
    const char *type = bci_attr(n, "type");
    if (bci_attr(n, "src"))
        return 0; /* content kept elsewhere */
    bci_buf b = {0};
    int rc = 0;
    bool xhtml = type && bci_equal_ci(type, "xhtml");
    bool html = !type ? r->kind == FEED_RSS
                      : bci_equal_ci(type, "html") || bci_equal_ci(type, "text/html") || xhtml;
    if (xhtml) {
        /* Inline XHTML: written out and read again as HTML. */
        xmlBuffer *xb = xmlBufferCreate();
        if (!xb)
            return BC_ENOMEM;
        for (xmlNode *c = n->children; c; c = c->next)
            xmlNodeDump(xb, n->doc, c, 0, 0);
        rc = bci_buf_append(&b, (const char *)xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
        xmlBufferFree(xb);
    } else {
        rc = raw_text_of(n, &b);
    }
    if (!rc && b.length)
        rc = html ? bci_html_body(r->html, b.data, b.length, what, a)
                  : add_plain_text(a, b.data, b.length);
    bci_buf_free(&b);
    return rc;
}

/* The item's address: an RSS <link>, an Atom <link rel="alternate">, or a
 * permanent <guid>. */
static int set_link(feed_reader *r, bc_article *a, const xmlNode *item)
{
    for (xmlNode *c = item->children; c; c = c->next) {
        if (!named(c, "link") || !in_namespace(c, NULL))
            continue;
        const char *href = bci_attr(c, "href");
        const char *rel = bci_attr(c, "rel");
        if (href && (!rel || strcmp(rel, "alternate") == 0))
            return bci_article_set(&a->url, href, strlen(href));
        if (!href && r->kind == FEED_RSS)
            return set_field(&a->url, c);
    }
    const xmlNode *guid = child(item, "guid", NULL);
    const char *permalink = guid ? bci_attr(guid, "isPermaLink") : NULL;
    if (guid && (!permalink || strcmp(permalink, "true") == 0))
        return set_field(&a->url, guid);
    return 0;
}

static int set_title(feed_reader *r, bc_article *a, const xmlNode *title)
{
    const char *type = title ? bci_attr(title, "type") : NULL;
    if (!type || !(bci_equal_ci(type, "html") || bci_equal_ci(type, "xhtml")))
        return set_field(&a->title, title);
    /* An HTML title: its text without the markup. */
    bc_article scratch = {0};
    bci_buf b = {0};
    int rc = raw_text_of(title, &b);
    if (!rc && b.length)
        rc = bci_html_body(r->html, b.data, b.length, "a title", &scratch);
    b.length = 0;
    for (size_t i = 0; i < scratch.paragraph_count && !rc; i++)
        rc = bci_buf_printf(&b, "%s%s", i ? " " : "", scratch.paragraphs[i].text);
    if (!rc && b.length)
        rc = bci_article_set(&a->title, b.data, b.length);
    bci_buf_free(&b);
    bci_article_clear(&scratch);
    return rc;
}

static int read_item(feed_reader *r, const xmlNode *item)
{
    r->items++;
    bc_article *a;
    if (bci_list_add_article(r->list, &a))
        return BC_ENOMEM;
    bool atom = r->kind == FEED_ATOM;
    int rc = set_title(r, a, child(item, "title", NULL));
    if (!rc)
        rc = set_link(r, a, item);
    const xmlNode *date = atom ? child(item, "published", NULL) : child(item, "pubDate", NULL);
    if (!date)
        date = atom ? child(item, "updated", NULL) : child(item, "date", NS_DC);
    if (!rc && date)
        rc = set_date(a, date);
    const xmlNode *author = atom ? child(item, "author", NULL) : child(item, "creator", NS_DC);
    if (atom && author)
        author = child(author, "name", NULL);
    if (!author && !atom)
        author = child(item, "author", NULL);
    if (!rc && author)
        rc = set_author(a, author);

    char what[64];
    snprintf(what, sizeof what, "item %zu", r->items);
    const xmlNode *bodies[] = {
        child(item, "encoded", NS_CONTENT),
        atom ? child(item, "content", NULL) : NULL,
        atom ? child(item, "summary", NULL) : child(item, "description", NULL),
    };
    for (size_t i = 0; i < BCI_ARRAY_LEN(bodies) && !rc && !a->paragraph_count; i++)
        if (bodies[i])
            rc = add_body(r, bodies[i], a, what);
    if (rc)
        return rc;
    if (!a->paragraph_count) {
        bci_log(&r->settings->logger, BC_LOG_WARNING, "feed %s%s%s%s has no text; skipped", what,
                a->title ? " (\"" : "", a->title ? a->title : "", a->title ? "\")" : "");
        bci_article_clear(a);
        r->list->count--;
    }
    return 0;
}

/* Reads the feed's elements in order: the root says which kind of feed it
 * is, the channel's title names the source, and every item or entry is
 * expanded into a small tree, read, and let go. */
static int read_stream(feed_reader *r, xmlTextReaderPtr reader, bci_xml_errors *errors)
{
    const bc_logger *logger = &r->settings->logger;
    char channel[16] = ""; /* the current element below the root */
    int ret = xmlTextReaderRead(reader);
    while (ret == 1) {
        if (xmlTextReaderNodeType(reader) != XML_READER_TYPE_ELEMENT) {
            ret = xmlTextReaderRead(reader);
            continue;
        }
        int depth = xmlTextReaderDepth(reader);
        const char *name = (const char *)xmlTextReaderConstLocalName(reader);
        if (!name)
            return BC_ENOMEM;
        if (depth > 0 && !feed_namespace((const char *)xmlTextReaderConstNamespaceUri(reader))) {
            ret = xmlTextReaderNext(reader); /* an extension's element */
            continue;
        }
        if (depth == 0) {
            if (strcmp(name, "feed") == 0) {
                r->kind = FEED_ATOM;
            } else if (strcmp(name, "rss") == 0 || strcmp(name, "RDF") == 0) {
                r->kind = FEED_RSS;
            } else {
                bci_log(logger, BC_LOG_ERROR,
                        "not a feed: the root element is <%.40s>, not <rss>, <rdf:RDF> or <feed>",
                        name);
                return BC_EFORMAT;
            }
        } else if (depth == 1) {
            snprintf(channel, sizeof channel, "%s", name);
        }
        bool item = (r->kind == FEED_ATOM && depth == 1 && strcmp(name, "entry") == 0) ||
                    (r->kind == FEED_RSS && depth <= 2 && strcmp(name, "item") == 0);
        bool title = strcmp(name, "title") == 0 &&
                     ((r->kind == FEED_ATOM && depth == 1) ||
                      (r->kind == FEED_RSS && depth == 2 && strcmp(channel, "channel") == 0));
        if (!item && !(title && !r->source)) {
            ret = xmlTextReaderRead(reader);
            continue;
        }
        xmlNode *node = xmlTextReaderExpand(reader);
        if (!node)
            break; /* the reader's error says why */
        int rc = item ? read_item(r, node) : text_of(node, &r->source);
        if (rc)
            return rc;
        ret = xmlTextReaderNext(reader);
    }
    if (errors->out_of_memory)
        return BC_ENOMEM;
    if (errors->too_big) {
        bci_log(logger, BC_LOG_ERROR,
                "the feed has a text of over 10 MB (line %d), more than the XML reader takes",
                errors->stop_line);
        return BC_ETOOBIG;
    }
    if (ret != 0 || errors->fatal_code) {
        if (errors->fatal_code)
            bci_log(logger, BC_LOG_ERROR, "malformed feed: line %d, column %d: %s",
                    errors->fatal_line, errors->fatal_column, errors->fatal_message);
        else
            bci_log(logger, BC_LOG_ERROR, "malformed feed (the XML reader stopped)");
        return BC_EFORMAT;
    }
    return 0;
}

int bci_read_feed(const char *data, size_t size, const bc_ingest_settings *s,
                  bc_article_list *list)
{
    const bc_logger *logger = &s->logger;
    if (size > INT32_MAX) {
        bci_log(logger, BC_LOG_ERROR, "a feed of %zu bytes is too big to read", size);
        return BC_ETOOBIG;
    }
    feed_reader r = {.settings = s, .list = list, .first_article = list->count};
    int rc = bci_html_parser_new(&r.html, logger);
    if (rc)
        return rc;
    bci_xml_errors errors;
    bci_xml_errors_begin(&errors, logger);
    /* No network, no entity substitution, no DTD loading: a feed cannot
     * make the reader fetch or expand anything. */
    xmlTextReaderPtr reader = xmlReaderForMemory(data, (int)size, NULL, NULL,
                                                 XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                     XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
    if (!reader) {
        rc = BC_ENOMEM;
    } else {
        xmlTextReaderSetStructuredErrorHandler(reader, bci_xml_error, &errors);
        rc = read_stream(&r, reader, &errors);
        xmlFreeTextReader(reader);
    }
    bci_xml_errors_end(&errors);
    if (!rc && r.source) {
        /* Every item is named after the channel, here rather than as it is
         * read: an Atom feed may give its title after its entries. */
        for (size_t i = r.first_article; i < list->count && !rc; i++)
            if (!list->articles[i].source)
                rc = bci_article_set(&list->articles[i].source, r.source, strlen(r.source));
    }
    if (!rc && list->count == r.first_article) {
        if (r.items)
            bci_log(logger, BC_LOG_ERROR, "none of the feed's %zu items has any text", r.items);
        else
            bci_log(logger, BC_LOG_ERROR, "the feed has no items");
        rc = BC_EEMPTY;
    }
    free(r.source);
    bci_html_parser_free(r.html);
    return rc;
}
