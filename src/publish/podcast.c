/* The podcast feed: RSS 2.0 with the iTunes and Podcasting 2.0 namespaces,
 * built and re-read with libxml2's tree API so that every string is
 * escaped and an existing feed is kept item for item. */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "briefcast/plan.h"
#include "briefcast/podcast.h"
#include "common/internal.h"

#define ITUNES_NS "http://www.itunes.com/dtds/podcast-1.0.dtd"
#define PODCAST_NS "https://podcastindex.org/namespace/1.0"
/* An existing feed larger than this is not one briefcast wrote. */
#define MAX_FEED_BYTES ((size_t)64 << 20)
#define DEFAULT_KEEP 30

/* The strings a parsed channel owns. */
typedef struct owned_strings {
    char *values[12];
} owned_strings;

void bc_podcast_channel_default(bc_podcast_channel *c)
{
    if (c)
        *c = (bc_podcast_channel){.language = "en", .category = "News", .keep = DEFAULT_KEEP};
}

void bc_podcast_channel_clear(bc_podcast_channel *c)
{
    if (!c)
        return;
    owned_strings *owned = c->owned;
    if (owned)
        for (size_t i = 0; i < BCI_ARRAY_LEN(owned->values); i++)
            free(owned->values[i]);
    free(owned);
    bc_podcast_channel_default(c);
}

static const char *const channel_keys[] = {
    "title", "description", "link", "image", "language", "category", "subcategory",
    "author", "owner_name", "owner_email", "copyright",
};

static const char **channel_field(bc_podcast_channel *c, size_t key)
{
    const char **fields[] = {&c->title, &c->description, &c->link, &c->image, &c->language,
                             &c->category, &c->subcategory, &c->author, &c->owner_name,
                             &c->owner_email, &c->copyright};
    return fields[key];
}

static int parse_pair(void *user_data, const char *key, const char *value, const char **problem)
{
    bc_podcast_channel *c = user_data;
    owned_strings *owned = c->owned;
    if (strcmp(key, "explicit") == 0) {
        if (strcmp(value, "yes") == 0 || strcmp(value, "true") == 0)
            c->explicit_content = true;
        else if (strcmp(value, "no") == 0 || strcmp(value, "false") == 0)
            c->explicit_content = false;
        else {
            *problem = "explicit is yes or no";
            return BC_EFORMAT;
        }
        return 0;
    }
    if (strcmp(key, "keep") == 0) {
        char *end;
        long n = strtol(value, &end, 10);
        if (end == value || *end || n < 1 || n > 10000) {
            *problem = "keep is a number of items from 1 to 10000";
            return BC_EFORMAT;
        }
        c->keep = (size_t)n;
        return 0;
    }
    for (size_t i = 0; i < BCI_ARRAY_LEN(channel_keys); i++) {
        if (strcmp(key, channel_keys[i]) != 0)
            continue;
        if (!*value) {
            *problem = "empty value";
            return BC_EFORMAT;
        }
        char *copy = bci_strdup(value);
        if (!copy)
            return BC_ENOMEM;
        free(owned->values[i]);
        owned->values[i] = copy;
        *channel_field(c, i) = copy;
        return 0;
    }
    *problem = "unknown key";
    return BC_EFORMAT;
}

int bc_podcast_channel_parse(const char *text, size_t length, const bc_logger *logger,
                             bc_podcast_channel *c)
{
    if ((!text && length) || !c)
        return BC_EINVAL;
    bc_podcast_channel_default(c);
    if (!(c->owned = calloc(1, sizeof(owned_strings))))
        return BC_ENOMEM;
    size_t line;
    const char *problem;
    int rc = bci_kv_parse(text ? text : "", length, parse_pair, c, &line, &problem);
    if (rc == BC_EFORMAT)
        bci_log(logger, BC_LOG_ERROR, "podcast settings, line %zu: %s", line, problem);
    if (!rc) {
        static const char *const required[] = {"title", "description", "image"};
        for (size_t i = 0; i < BCI_ARRAY_LEN(required) && !rc; i++) {
            size_t key = 0;
            while (strcmp(channel_keys[key], required[i]) != 0)
                key++;
            if (!*channel_field(c, key)) {
                bci_log(logger, BC_LOG_ERROR, "podcast settings: '%s' is required", required[i]);
                rc = BC_EFORMAT;
            }
        }
    }
    if (rc)
        bc_podcast_channel_clear(c);
    return rc;
}

/* --- building ------------------------------------------------------ */

typedef struct builder {
    xmlDocPtr doc;
    xmlNsPtr itunes;
    xmlNsPtr podcast;
    int failed;
} builder;

static xmlNodePtr text_child(builder *b, xmlNodePtr parent, xmlNsPtr ns, const char *name,
                             const char *text)
{
    if (!text)
        return NULL;
    xmlNodePtr node = xmlNewTextChild(parent, ns, BAD_CAST name, BAD_CAST text);
    if (!node)
        b->failed = 1;
    return node;
}

static void attribute(builder *b, xmlNodePtr node, const char *name, const char *value)
{
    if (node && value && !xmlNewProp(node, BAD_CAST name, BAD_CAST value))
        b->failed = 1;
}

static xmlNodePtr element(builder *b, xmlNodePtr parent, xmlNsPtr ns, const char *name)
{
    xmlNodePtr node = xmlNewChild(parent, ns, BAD_CAST name, NULL);
    if (!node)
        b->failed = 1;
    return node;
}

static void build_channel(builder *b, xmlNodePtr channel, const bc_podcast_channel *c,
                          const char *newest_date)
{
    text_child(b, channel, NULL, "title", c->title);
    text_child(b, channel, NULL, "link", c->link);
    text_child(b, channel, NULL, "description", c->description);
    text_child(b, channel, NULL, "language", c->language ? c->language : "en");
    text_child(b, channel, NULL, "copyright", c->copyright);
    text_child(b, channel, NULL, "generator", "briefcast");
    text_child(b, channel, NULL, "lastBuildDate", newest_date);
    xmlNodePtr image = element(b, channel, NULL, "image");
    text_child(b, image, NULL, "url", c->image);
    text_child(b, image, NULL, "title", c->title);
    text_child(b, image, NULL, "link", c->link ? c->link : c->image);
    text_child(b, channel, b->itunes, "author", c->author ? c->author : c->title);
    if (c->owner_name || c->owner_email) {
        xmlNodePtr owner = element(b, channel, b->itunes, "owner");
        text_child(b, owner, b->itunes, "name", c->owner_name);
        text_child(b, owner, b->itunes, "email", c->owner_email);
    }
    attribute(b, element(b, channel, b->itunes, "image"), "href", c->image);
    xmlNodePtr category = element(b, channel, b->itunes, "category");
    attribute(b, category, "text", c->category ? c->category : "News");
    if (c->subcategory)
        attribute(b, element(b, category, b->itunes, "category"), "text", c->subcategory);
    text_child(b, channel, b->itunes, "explicit", c->explicit_content ? "true" : "false");
    text_child(b, channel, b->itunes, "type", "episodic");
}

/* "Sat, 28 Nov 2026 07:30:00 GMT" from a date key; false when unknown. */
static bool rfc822(const char *date, char *out, size_t size)
{
    static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char key[32];
    int y, m, d, hh, mm, ss;
    if (!bc_date_key(date, key, sizeof key) ||
        sscanf(key, "%d-%d-%dT%d:%d:%dZ", &y, &m, &d, &hh, &mm, &ss) != 6)
        return false;
    int weekday = bci_weekday(y, m, d);
    snprintf(out, size, "%s, %02d %s %04d %02d:%02d:%02d GMT", days[weekday], d, months[m - 1], y,
             hh, mm, ss);
    return true;
}

static xmlNodePtr build_item(builder *b, const bc_podcast_channel *c, const bc_podcast_episode *e,
                             const char *pub_date)
{
    xmlNodePtr item = xmlNewDocNode(b->doc, NULL, BAD_CAST "item", NULL);
    if (!item) {
        b->failed = 1;
        return NULL;
    }
    char guid[64];
    if (!e->guid) {
        uint64_t h = bci_hash(0, c->title, strlen(c->title));
        h = bci_hash(h, "\n", 1);
        h = bci_hash(h, e->title, strlen(e->title));
        h = bci_hash(h, "\n", 1);
        h = bci_hash(h, pub_date, strlen(pub_date));
        snprintf(guid, sizeof guid, "briefcast-%016llx", (unsigned long long)h);
    }
    text_child(b, item, NULL, "title", e->title);
    text_child(b, item, NULL, "description", e->description ? e->description : e->title);
    text_child(b, item, NULL, "link", e->page_url);
    xmlNodePtr g = text_child(b, item, NULL, "guid", e->guid ? e->guid : guid);
    attribute(b, g, "isPermaLink", "false");
    text_child(b, item, NULL, "pubDate", pub_date);
    char number[32];
    xmlNodePtr enclosure = element(b, item, NULL, "enclosure");
    attribute(b, enclosure, "url", e->mp3_url);
    snprintf(number, sizeof number, "%zu", e->mp3_bytes);
    attribute(b, enclosure, "length", number);
    attribute(b, enclosure, "type", "audio/mpeg");
    unsigned long long seconds = e->seconds > 0 ? (unsigned long long)(e->seconds + 0.5) : 0;
    snprintf(number, sizeof number, "%02llu:%02llu:%02llu", seconds / 3600, seconds / 60 % 60,
             seconds % 60);
    text_child(b, item, b->itunes, "duration", number);
    text_child(b, item, b->itunes, "explicit", c->explicit_content ? "true" : "false");
    text_child(b, item, b->itunes, "episodeType", "full");
    if (e->opus_url) {
        xmlNodePtr alt = element(b, item, b->podcast, "alternateEnclosure");
        attribute(b, alt, "type", "audio/ogg; codecs=opus");
        snprintf(number, sizeof number, "%zu", e->opus_bytes);
        attribute(b, alt, "length", number);
        if (e->opus_bitrate > 0) {
            snprintf(number, sizeof number, "%d", e->opus_bitrate);
            attribute(b, alt, "bitrate", number);
        }
        attribute(b, alt, "title", "Opus");
        attribute(b, element(b, alt, b->podcast, "source"), "uri", e->opus_url);
    }
    if (e->vtt_url) {
        xmlNodePtr t = element(b, item, b->podcast, "transcript");
        attribute(b, t, "url", e->vtt_url);
        attribute(b, t, "type", "text/vtt");
        attribute(b, t, "language", c->language ? c->language : "en");
        attribute(b, t, "rel", "captions");
    }
    if (e->chapters_url) {
        xmlNodePtr ch = element(b, item, b->podcast, "chapters");
        attribute(b, ch, "url", e->chapters_url);
        attribute(b, ch, "type", "application/json+chapters");
    }
    return item;
}

/* --- reading an existing feed -------------------------------------- */

static xmlNodePtr child(xmlNodePtr parent, const char *name)
{
    for (xmlNodePtr n = parent ? parent->children : NULL; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && !n->ns && xmlStrEqual(n->name, BAD_CAST name))
            return n;
    return NULL;
}

/* The text of a child element; the caller frees it with xmlFree(). */
static xmlChar *child_text(xmlNodePtr parent, const char *name)
{
    xmlNodePtr n = child(parent, name);
    return n ? xmlNodeGetContent(n) : NULL;
}

static xmlDocPtr read_feed(const char *data, size_t length, const bc_logger *logger)
{
    if (length > MAX_FEED_BYTES || length > INT32_MAX) {
        bci_log(logger, BC_LOG_ERROR, "the existing feed is too large (%zu bytes)", length);
        return NULL;
    }
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt)
        return NULL;
    /* no network, no external entities, no substitution, no printing */
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)length, NULL, "UTF-8",
                                      XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR |
                                          XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
    if (!doc) {
        const xmlError *e = xmlCtxtGetLastError(ctxt);
        bci_log(logger, BC_LOG_ERROR, "the existing feed is not XML (line %d: %s)",
                e ? e->line : 0, e && e->message ? e->message : "unreadable");
    }
    xmlFreeParserCtxt(ctxt);
    return doc;
}

typedef struct item_entry {
    xmlNodePtr node;
    char key[32];   /* date key; empty sorts last */
    size_t order;   /* position before sorting, for a stable sort */
} item_entry;

static int compare_items(const void *a, const void *b)
{
    const item_entry *x = a, *y = b;
    int c = strcmp(y->key, x->key); /* newest first */
    if (c)
        return c;
    return (x->order > y->order) - (x->order < y->order);
}

int bc_podcast_feed_update(const char *existing, size_t length, const bc_podcast_channel *c,
                           const bc_podcast_episode *e, const bc_logger *logger, char **out)
{
    if (!c || !c->title || !c->description || !e || !e->title || !e->mp3_url || !e->date ||
        !out || (!existing && length))
        return BC_EINVAL;
    char pub_date[40];
    if (!rfc822(e->date, pub_date, sizeof pub_date)) {
        bci_log(logger, BC_LOG_ERROR, "episode date '%s' is not a date", e->date);
        return BC_EINVAL;
    }
    int rc = BC_ENOMEM;
    xmlDocPtr old = NULL;
    item_entry *items = NULL;
    builder b = {0};
    size_t count = 0;
    if (existing) {
        if (!(old = read_feed(existing, length, logger)))
            return BC_EFORMAT;
        xmlNodePtr root = xmlDocGetRootElement(old);
        if (!root || !xmlStrEqual(root->name, BAD_CAST "rss") || !child(root, "channel")) {
            bci_log(logger, BC_LOG_ERROR, "the existing file is not an RSS feed");
            xmlFreeDoc(old);
            return BC_EFORMAT;
        }
    }
    if (!(b.doc = xmlNewDoc(BAD_CAST "1.0")))
        goto done;
    xmlNodePtr rss = xmlNewDocNode(b.doc, NULL, BAD_CAST "rss", NULL);
    if (!rss)
        goto done;
    xmlDocSetRootElement(b.doc, rss);
    b.itunes = xmlNewNs(rss, BAD_CAST ITUNES_NS, BAD_CAST "itunes");
    b.podcast = xmlNewNs(rss, BAD_CAST PODCAST_NS, BAD_CAST "podcast");
    attribute(&b, rss, "version", "2.0");
    xmlNodePtr channel = element(&b, rss, NULL, "channel");
    if (!b.itunes || !b.podcast || b.failed)
        goto done;

    /* the items: the new one, then the old ones but a replaced one */
    xmlNodePtr fresh = build_item(&b, c, e, pub_date);
    if (b.failed)
        goto done;
    size_t old_count = 0;
    xmlNodePtr old_channel = old ? child(xmlDocGetRootElement(old), "channel") : NULL;
    for (xmlNodePtr n = old_channel ? old_channel->children : NULL; n; n = n->next)
        old_count += n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST "item");
    if (!(items = calloc(old_count + 1, sizeof *items))) {
        xmlFreeNode(fresh);
        goto done;
    }
    items[count++] = (item_entry){.node = fresh};
    xmlChar *fresh_guid = child_text(fresh, "guid");
    for (xmlNodePtr n = old_channel ? old_channel->children : NULL; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || !xmlStrEqual(n->name, BAD_CAST "item"))
            continue;
        xmlChar *guid = child_text(n, "guid");
        bool same = guid && fresh_guid && xmlStrEqual(guid, fresh_guid);
        xmlFree(guid);
        if (same)
            continue;
        xmlNodePtr copy = xmlDocCopyNode(n, b.doc, 1);
        if (!copy) {
            xmlFree(fresh_guid);
            goto done;
        }
        items[count++] = (item_entry){.node = copy};
    }
    xmlFree(fresh_guid);
    for (size_t i = 0; i < count; i++) {
        xmlChar *date = child_text(items[i].node, "pubDate");
        if (!date || !bc_date_key((const char *)date, items[i].key, sizeof items[i].key))
            items[i].key[0] = '\0';
        xmlFree(date);
        items[i].order = i;
    }
    qsort(items, count, sizeof *items, compare_items);

    char newest[40];
    xmlChar *newest_date = count ? child_text(items[0].node, "pubDate") : NULL;
    snprintf(newest, sizeof newest, "%s", newest_date ? (const char *)newest_date : pub_date);
    xmlFree(newest_date);
    build_channel(&b, channel, c, newest);
    size_t keep = c->keep ? c->keep : DEFAULT_KEEP;
    for (size_t i = 0; i < count; i++) {
        if (i < keep && !b.failed && xmlAddChild(channel, items[i].node))
            items[i].node = NULL;
    }
    /* items copied from the old feed may declare its namespaces again */
    if (xmlReconciliateNs(b.doc, rss) < 0)
        b.failed = 1;
    if (b.failed)
        goto done;
    xmlChar *text = NULL;
    int size = 0;
    xmlDocDumpFormatMemoryEnc(b.doc, &text, &size, "UTF-8", 1);
    if (!text)
        goto done;
    *out = bci_strndup((const char *)text, (size_t)size);
    xmlFree(text);
    rc = *out ? 0 : BC_ENOMEM;

done:
    for (size_t i = 0; items && i < count; i++)
        xmlFreeNode(items[i].node);
    free(items);
    xmlFreeDoc(b.doc);
    xmlFreeDoc(old);
    return rc;
}
