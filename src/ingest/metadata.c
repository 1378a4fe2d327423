/* Page metadata: headline, site name, author, date and address, from meta
 * tags (Open Graph, Twitter, Dublin Core), JSON-LD (schema.org, parsed with
 * json-c), the canonical link, <title>, <h1> and <time>. */
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "html_internal.h"

/* Metadata candidates by source, in order of trust within each field. */
enum { TITLE_LD, TITLE_DC, TITLE_OG, TITLE_TWITTER, TITLE_TAG, TITLE_H1, TITLE_COUNT };
enum { SITE_OG, SITE_LD, SITE_APP, SITE_COUNT };
enum { AUTHOR_LD, AUTHOR_DC, AUTHOR_META, AUTHOR_ARTICLE, AUTHOR_COUNT };
enum { DATE_ARTICLE, DATE_LD, DATE_ITEMPROP, DATE_TIME, DATE_META, DATE_COUNT };
enum { URL_CANONICAL, URL_OG, URL_LD, URL_COUNT };

typedef struct found {
    char *title[TITLE_COUNT];
    char *site[SITE_COUNT];
    char *author[AUTHOR_COUNT];
    char *date[DATE_COUNT];
    char *url[URL_COUNT];
    char *ld_name;   /* JSON-LD "name" when it differs from "headline" */
    size_t h1_count;
    bool article_ld; /* an article object was found in JSON-LD */
} found;

/* JSON-LD nests; 64 levels is far more than schema.org data uses. */
#define JSON_DEPTH 64
/* Longest metadata value kept (bytes): a headline or name is far shorter. */
#define MAX_VALUE 2000

/* Sets `*slot` to a copy of `value` (white space collapsed) unless it is
 * already set or the value is empty. Returns 0 or BC_ENOMEM. */
static int keep(char **slot, const char *value)
{
    if (*slot || !value)
        return 0;
    bci_buf b = {0};
    bool space = false;
    size_t length = strnlen(value, MAX_VALUE);
    if (bci_append_collapsed(&b, value, length, &space)) {
        bci_buf_free(&b);
        return BC_ENOMEM;
    }
    if (b.length == 0) {
        bci_buf_free(&b);
        return 0;
    }
    *slot = bci_buf_take(&b);
    return *slot ? 0 : BC_ENOMEM;
}

static int keep_text(char **slot, const xmlNode *n)
{
    if (*slot)
        return 0;
    bci_buf b = {0};
    int rc = bci_node_text(n, &b, MAX_VALUE);
    if (!rc && b.length)
        rc = keep(slot, b.data);
    bci_buf_free(&b);
    return rc;
}

/* ---- JSON-LD ---- */

static const char *json_string(struct json_object *o, const char *key)
{
    struct json_object *v;
    if (!o || !json_object_is_type(o, json_type_object) || !json_object_object_get_ex(o, key, &v))
        return NULL;
    return json_object_is_type(v, json_type_string) ? json_object_get_string(v) : NULL;
}

/* A schema.org type of article: Article, NewsArticle, ReportageNewsArticle,
 * BlogPosting... given as "NewsArticle", "schema:NewsArticle" or a URL. */
static bool article_type(const char *type)
{
    const char *name = type;
    for (const char *p = type; *p; p++)
        if (*p == '/' || *p == ':' || *p == '#')
            name = p + 1;
    size_t n = strlen(name);
    return (n >= 7 && strcmp(name + n - 7, "Article") == 0) ||
           (n >= 7 && strcmp(name + n - 7, "Posting") == 0) || strcmp(name, "Report") == 0 ||
           strcmp(name, "APIReference") == 0;
}

static bool is_article(struct json_object *o)
{
    struct json_object *type;
    if (!json_object_is_type(o, json_type_object) || !json_object_object_get_ex(o, "@type", &type))
        return false;
    if (json_object_is_type(type, json_type_string))
        return article_type(json_object_get_string(type));
    if (json_object_is_type(type, json_type_array)) {
        for (size_t i = 0; i < json_object_array_length(type); i++) {
            struct json_object *t = json_object_array_get_idx(type, i);
            if (json_object_is_type(t, json_type_string) && article_type(json_object_get_string(t)))
                return true;
        }
    }
    return false;
}

/* The first article object in a JSON-LD value: itself, an element of a
 * list, or an element of its @graph. */
static struct json_object *find_article(struct json_object *o, int depth)
{
    if (!o || depth > 3) /* lists of graphs of lists: nobody nests deeper */
        return NULL;
    if (json_object_is_type(o, json_type_array)) {
        for (size_t i = 0; i < json_object_array_length(o); i++) {
            struct json_object *match = find_article(json_object_array_get_idx(o, i), depth + 1);
            if (match)
                return match;
        }
        return NULL;
    }
    if (is_article(o))
        return o;
    struct json_object *graph;
    if (json_object_is_type(o, json_type_object) && json_object_object_get_ex(o, "@graph", &graph))
        return find_article(graph, depth + 1);
    return NULL;
}

/* A person or organisation: a name string, an object with "name", or a
 * list of those (joined with commas). */
static int names_of(struct json_object *v, char **slot)
{
    if (*slot || !v)
        return 0;
    if (json_object_is_type(v, json_type_string))
        return keep(slot, json_object_get_string(v));
    if (json_object_is_type(v, json_type_object))
        return keep(slot, json_string(v, "name"));
    if (!json_object_is_type(v, json_type_array))
        return 0;
    bci_buf b = {0};
    int rc = 0;
    for (size_t i = 0; i < json_object_array_length(v) && !rc; i++) {
        struct json_object *item = json_object_array_get_idx(v, i);
        const char *name = json_object_is_type(item, json_type_string)
                               ? json_object_get_string(item)
                               : json_string(item, "name");
        if (!name || !*name)
            continue;
        if (b.length)
            rc = bci_buf_puts(&b, ", ");
        if (!rc)
            rc = bci_buf_puts(&b, name);
    }
    if (!rc && b.length)
        rc = keep(slot, b.data);
    bci_buf_free(&b);
    return rc;
}

static int read_json_ld(const xmlNode *script, found *f)
{
    bci_buf text = {0};
    int rc = bci_node_text(script, &text, SIZE_MAX);
    if (rc || !text.length) {
        bci_buf_free(&text);
        return rc;
    }
    /* Some pages wrap the data in a CDATA marker inside the script. */
    const char *s = text.data;
    size_t length = text.length;
    if (length >= 9 && memcmp(s, "<![CDATA[", 9) == 0)
        s += 9, length -= 9;
    if (length >= 3 && memcmp(s + length - 3, "]]>", 3) == 0)
        length -= 3;
    struct json_tokener *tok = json_tokener_new_ex(JSON_DEPTH);
    if (!tok) {
        bci_buf_free(&text);
        return BC_ENOMEM;
    }
    struct json_object *root = length <= INT32_MAX ? json_tokener_parse_ex(tok, s, (int)length)
                                                   : NULL;
    struct json_object *article = find_article(root, 0);
    if (article) {
        f->article_ld = true;
        struct json_object *v = NULL;
        const char *headline = json_string(article, "headline");
        const char *name = json_string(article, "name");
        rc = keep(&f->title[TITLE_LD], headline ? headline : name);
        if (!rc && headline && name && strcmp(headline, name) != 0)
            rc = keep(&f->ld_name, name);
        if (!rc && json_object_object_get_ex(article, "author", &v))
            rc = names_of(v, &f->author[AUTHOR_LD]);
        if (!rc && json_object_object_get_ex(article, "publisher", &v))
            rc = names_of(v, &f->site[SITE_LD]);
        if (!rc)
            rc = keep(&f->date[DATE_LD], json_string(article, "datePublished"));
        if (!rc)
            rc = keep(&f->url[URL_LD], json_string(article, "url"));
    }
    json_object_put(root);
    json_tokener_free(tok);
    bci_buf_free(&text);
    return rc;
}

/* ---- meta tags and elements ---- */

static bool in_list(const char *key, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (bci_equal_ci(key, list[i]))
            return true;
    return false;
}

static bool is_url(const char *s)
{
    return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0;
}

/* A meta key in lower case with "dc."/"dcterms." written "dc:"/"dcterm:". */
static void normalise_key(const char *key, size_t length, char *out, size_t size)
{
    size_t n = 0;
    for (size_t i = 0; i < length && n + 1 < size; i++)
        out[n++] = bci_lower(key[i]);
    out[n] = '\0';
    if (strncmp(out, "dcterms.", 8) == 0 || strncmp(out, "dcterms:", 8) == 0)
        memmove(out + 6, out + 7, n - 6); /* dcterms. -> dcterm. */
    if (strncmp(out, "dc.", 3) == 0)
        out[2] = ':';
    else if (strncmp(out, "dcterm.", 7) == 0)
        out[6] = ':';
}

static int read_meta_key(const char *key, const char *content, found *f)
{
    static const char *const authors[] = {"author", "byl", "sailthru.author", "parsely-author"};
    static const char *const dates[] = {
        "date", "dc:date", "dcterm:date", "dcterm:created", "pubdate", "publishdate",
        "publish-date", "sailthru.date", "parsely-pub-date", "og:published_time",
    };
    if (strcmp(key, "dc:title") == 0 || strcmp(key, "dcterm:title") == 0)
        return keep(&f->title[TITLE_DC], content);
    if (strcmp(key, "og:title") == 0)
        return keep(&f->title[TITLE_OG], content);
    if (strcmp(key, "twitter:title") == 0)
        return keep(&f->title[TITLE_TWITTER], content);
    if (strcmp(key, "og:site_name") == 0)
        return keep(&f->site[SITE_OG], content);
    if (strcmp(key, "application-name") == 0)
        return keep(&f->site[SITE_APP], content);
    if (strcmp(key, "dc:creator") == 0 || strcmp(key, "dcterm:creator") == 0)
        return keep(&f->author[AUTHOR_DC], content);
    if (in_list(key, authors, BCI_ARRAY_LEN(authors)) && !is_url(content))
        return keep(&f->author[AUTHOR_META], content);
    if (strcmp(key, "article:author") == 0 && !is_url(content))
        return keep(&f->author[AUTHOR_ARTICLE], content);
    if (strcmp(key, "article:published_time") == 0)
        return keep(&f->date[DATE_ARTICLE], content);
    if (strcmp(key, "datepublished") == 0)
        return keep(&f->date[DATE_ITEMPROP], content);
    if (in_list(key, dates, BCI_ARRAY_LEN(dates)))
        return keep(&f->date[DATE_META], content);
    if (strcmp(key, "og:url") == 0)
        return keep(&f->url[URL_OG], content);
    return 0;
}

/* A meta tag: its property, name or itemprop (each may list several keys
 * separated by spaces) says what its content is. */
static int read_meta(const xmlNode *n, found *f)
{
    const char *content = bci_attr(n, "content");
    if (!content)
        return 0;
    const char *keys[] = {bci_attr(n, "property"), bci_attr(n, "name"), bci_attr(n, "itemprop")};
    int rc = 0;
    for (size_t i = 0; i < BCI_ARRAY_LEN(keys) && !rc; i++) {
        for (const char *k = keys[i]; k && *k && !rc;) {
            size_t length = strcspn(k, " \t\n\r");
            if (length) {
                char key[48]; /* longer keys are none of the above */
                normalise_key(k, length, key, sizeof key);
                rc = read_meta_key(key, content, f);
            }
            k += length;
            k += strspn(k, " \t\n\r");
        }
    }
    return rc;
}

static bool has_word(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = list; *p;) {
        while (*p == ' ')
            p++;
        size_t k = strcspn(p, " ");
        if (k == n && strncmp(p, word, n) == 0)
            return true;
        p += k;
    }
    return false;
}

static int read_element(const xmlNode *n, bci_tag tag, found *f)
{
    switch (tag) {
    case BCI_TAG_META:
        return read_meta(n, f);
    case BCI_TAG_LINK: {
        const char *rel = bci_attr(n, "rel");
        if (rel && has_word(rel, "canonical"))
            return keep(&f->url[URL_CANONICAL], bci_attr(n, "href"));
        return 0;
    }
    case BCI_TAG_TITLE:
        return keep_text(&f->title[TITLE_TAG], n);
    case BCI_TAG_H1:
        f->h1_count++;
        return keep_text(&f->title[TITLE_H1], n);
    case BCI_TAG_TIME:
        return keep(&f->date[DATE_TIME], bci_attr(n, "datetime"));
    case BCI_TAG_SCRIPT: {
        const char *type = bci_attr(n, "type");
        return type && bci_equal_ci(type, "application/ld+json") ? read_json_ld(n, f) : 0;
    }
    default: {
        const char *itemprop = bci_attr(n, "itemprop");
        if (itemprop && bci_equal_ci(itemprop, "datePublished")) {
            const char *value = bci_attr(n, "datetime");
            return keep(&f->date[DATE_ITEMPROP], value ? value : bci_attr(n, "content"));
        }
        return 0;
    }
    }
}

static const char *first(char *const *values, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (values[i])
            return values[i];
    return NULL;
}

static bool contains_ci(const char *haystack, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = haystack; *p; p++) {
        size_t i = 0;
        while (i < n && p[i] && bci_lower(p[i]) == bci_lower(needle[i]))
            i++;
        if (i == n)
            return true;
    }
    return false;
}

/* Separators between a headline and a site name in page titles. */
static const char *const separators[] = {
    " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ", " \xC2\xBB ", " / ",
    " \xE2\x80\xA2 ", /* | - en dash, em dash, ::, middle dot, >>, /, bullet */
};

static size_t count_words(const char *s, size_t length)
{
    size_t words = 0;
    for (size_t i = 0; i < length; i++)
        words += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
    return words;
}

/* A name rather than words of a sentence: every word has a capital, a
 * digit, a dot or a non-ASCII letter ("The Telegraph", "eHow", "lwn.net"). */
static bool looks_like_name(const char *s, size_t length)
{
    bool mark = false;
    for (size_t i = 0; i <= length; i++) {
        if (i == length || s[i] == ' ') {
            if (i > 0 && s[i - 1] != ' ' && !mark)
                return false;
            mark = false;
            continue;
        }
        unsigned char c = (unsigned char)s[i];
        mark |= (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c >= 0x80;
    }
    return true;
}

static bool same_name(const char *s, size_t length, const char *site)
{
    size_t n = strlen(site);
    if (n != length)
        return false;
    for (size_t i = 0; i < n; i++)
        if (bci_lower(s[i]) != bci_lower(site[i]))
            return false;
    return true;
}

void bci_clean_title(const char *title, const char *site, size_t *start, size_t *length)
{
    size_t total = strlen(title);
    *start = 0;
    *length = total;
    size_t first = SIZE_MAX, first_end = 0, last = SIZE_MAX, last_end = 0;
    bool last_is_bar = false;
    for (size_t k = 0; k < BCI_ARRAY_LEN(separators); k++) {
        size_t n = strlen(separators[k]);
        for (const char *p = strstr(title, separators[k]); p; p = strstr(p + 1, separators[k])) {
            size_t at = (size_t)(p - title);
            if (first == SIZE_MAX || at < first)
                first = at, first_end = at + n;
            if (last == SIZE_MAX || at > last)
                last = at, last_end = at + n, last_is_bar = k == 0;
        }
    }
    if (last == SIZE_MAX)
        return;
    const char *tail = title + last_end;
    size_t tail_length = total - last_end;
    /* 5 words: longer is part of the headline, not a site name. */
    bool named = (site && same_name(tail, tail_length, site)) ||
                 (count_words(title, last) >= 3 && count_words(tail, tail_length) <= 5 &&
                  (last_is_bar || looks_like_name(tail, tail_length)));
    if (named) {
        *length = last;
        return;
    }
    if (site && same_name(title, first, site)) {
        *start = first_end;
        *length = total - first_end;
    }
}

/* The headline: from structured data when there is some, else the page's
 * single <h1> when the <title> contains it, else the <title>; the site's
 * name is taken off either end. */
static int set_title(bc_article *a, const found *f, const char *site)
{
    const char *title = first(f->title, TITLE_H1);
    /* JSON-LD with a "name" and a different "headline": the name, unless
     * only the headline resembles the page's title. */
    const char *page_title = f->title[TITLE_TAG];
    if (title == f->title[TITLE_LD] && f->ld_name &&
        !(page_title && bci_similarity(page_title, title, strlen(title)) > 0.75 &&
          bci_similarity(page_title, f->ld_name, strlen(f->ld_name)) <= 0.75))
        title = f->ld_name;
    const char *h1 = f->title[TITLE_H1];
    if (title && title == f->title[TITLE_TAG] && h1 && f->h1_count == 1 && contains_ci(title, h1))
        title = h1;
    if (!title)
        title = h1;
    if (!title)
        return 0;
    size_t start, length;
    bci_clean_title(title, site, &start, &length);
    return bci_article_set(&a->title, title + start, length);
}

int bci_html_metadata(xmlDoc *doc, bc_article *a)
{
    found f = {0};
    xmlNode *root = xmlDocGetRootElement(doc);
    bci_tag_cache cache = {0};
    int rc = 0;
    for (xmlNode *n = root; n && !rc;) {
        bool skip = false;
        if (n->type == XML_ELEMENT_NODE) {
            bci_tag tag = bci_tag_cached(&cache, n);
            rc = read_element(n, tag, &f);
            skip = tag == BCI_TAG_SCRIPT || tag == BCI_TAG_STYLE || tag == BCI_TAG_TITLE;
        }
        n = bci_next_node(n, root, skip);
    }
    const char *site = first(f.site, SITE_COUNT);
    if (!rc)
        rc = set_title(a, &f, site);
    const char *author = first(f.author, AUTHOR_COUNT);
    if (!rc && author) {
        author = bci_author_name(author);
        rc = bci_article_set(&a->byline, author, strlen(author));
    }
    const char *date = first(f.date, DATE_COUNT);
    if (!rc && site)
        rc = bci_article_set(&a->source, site, strlen(site));
    if (!rc && date)
        rc = bci_article_set(&a->date, date, strlen(date));
    const char *url = first(f.url, URL_COUNT);
    if (!rc && url)
        rc = bci_article_set(&a->url, url, strlen(url));
    for (size_t i = 0; i < TITLE_COUNT; i++)
        free(f.title[i]);
    for (size_t i = 0; i < SITE_COUNT; i++)
        free(f.site[i]);
    for (size_t i = 0; i < AUTHOR_COUNT; i++)
        free(f.author[i]);
    for (size_t i = 0; i < DATE_COUNT; i++)
        free(f.date[i]);
    for (size_t i = 0; i < URL_COUNT; i++)
        free(f.url[i]);
    free(f.ld_name);
    return rc;
}
