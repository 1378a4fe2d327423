/* Unit tests of the feed reader: RSS 2.0, RSS 1.0 and Atom items, their
 * metadata and HTML bodies, and broken or hostile feeds. */
#include "testutil.h"

#include <time.h>

#include "briefcast/ingest.h"
#include "common/internal.h"

static char logged[8192];

static void log_all(void *user_data, enum bc_log_level level, const char *message)
{
    (void)user_data;
    size_t used = strlen(logged);
    snprintf(logged + used, sizeof logged - used, "%s: %s\n",
             level == BC_LOG_ERROR ? "error" : "warning", message);
}

static int read_feed(const char *data, size_t size, bc_article_list **out)
{
    bc_ingest_settings s;
    bc_ingest_default_settings(&s);
    s.logger = (bc_logger){log_all, NULL};
    logged[0] = '\0';
    return bc_ingest(data, size, &s, out);
}

static int read_string(const char *feed, bc_article_list **out)
{
    return read_feed(feed, strlen(feed), out);
}

static int read_path(const char *path, bc_article_list **out)
{
    size_t size = 0;
    char *data = tu_read_file(path, &size);
    assert_non_null(data);
    int rc = read_feed(data, size, out);
    free(data);
    return rc;
}

static const char *body_of(const bc_article *a)
{
    static char body[16384];
    body[0] = '\0';
    for (size_t i = 0; i < a->paragraph_count; i++) {
        size_t used = strlen(body);
        snprintf(body + used, sizeof body - used, "%s%s", i ? "\n" : "", a->paragraphs[i].text);
    }
    return body;
}

static double seconds_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void test_rss2(void **state)
{
    (void)state;
    bc_article_list *list = NULL;
    assert_int_equal(read_path(BC_SOURCE_ROOT "/tests/data/feed-rss2.xml", &list), 0);
    /* the third item is only an image: skipped, with a warning */
    assert_int_equal(list->count, 2);
    assert_non_null(strstr(logged, "warning: feed item 3 (\"Photo gallery: spring tides\") "
                                   "has no text"));

    const bc_article *a = &list->articles[0];
    assert_string_equal(a->title, "Night ferry returns after a winter in dry dock");
    assert_string_equal(a->source, "Harbourside Gazette");
    assert_string_equal(a->url, "https://gazette.example/2026/04/night-ferry");
    assert_string_equal(a->date, "2026-04-02T18:45:00+01:00");
    assert_string_equal(a->byline, "Tomasz Wilk");
    assert_int_equal(a->title_offset, BC_NO_OFFSET);
    /* content:encoded wins over description; script and share bar dropped */
    assert_string_equal(body_of(a),
                        "The night ferry between Portwen and the islands sailed again on "
                        "Wednesday, after five months in dry dock for new engines and a "
                        "repainted hull.\n"
                        "Passengers who boarded at midnight said the crossing was quieter than "
                        "before. \xE2\x80\x9CYou can hear the water again instead of the engine,"
                        "\xE2\x80\x9D said Mari Evans, who travels twice a week to visit her "
                        "mother.\n"
                        "The operator says fares will stay the same until the end of the summer "
                        "season.");
    for (size_t i = 0; i < a->paragraph_count; i++)
        assert_int_equal(a->paragraphs[i].offset, BC_NO_OFFSET);

    a = &list->articles[1];
    assert_string_equal(a->title, "Lifeboat crew rescues two kayakers off Gull Point");
    assert_string_equal(a->date, "2026-04-01T09:05:00Z");
    assert_string_equal(a->byline, "Ana Sousa");
    assert_string_equal(a->source, "Harbourside Gazette");
    /* escaped HTML in the description */
    assert_int_equal(a->paragraph_count, 2);
    assert_string_equal(a->paragraphs[1].text, "Both were checked by paramedics and did not need "
                                               "hospital treatment, the coastguard said.");
    bc_article_list_free(list);
}

static void test_atom(void **state)
{
    (void)state;
    bc_article_list *list = NULL;
    assert_int_equal(read_path(BC_SOURCE_ROOT "/tests/data/feed-atom.xml", &list), 0);
    assert_int_equal(list->count, 3);
    const bc_article *a = &list->articles[0];
    assert_string_equal(a->title, "Moth survey counts record numbers"); /* type="html" */
    assert_string_equal(a->url, "https://fieldnotes.example/moth-survey");
    assert_string_equal(a->date, "2026-05-10T21:30:00+02:00"); /* published before updated */
    assert_string_equal(a->byline, "Lena Fischer");
    /* the feed names itself after its entries */
    assert_string_equal(a->source, "Field Notes");
    assert_string_equal(body_of(a), "Volunteers counted more than four thousand moths in one "
                                    "night at the nature reserve, the highest total since the "
                                    "survey began.\nWarm, still weather brought out species that "
                                    "are rarely seen this early in the year.");

    a = &list->articles[1];
    assert_string_equal(a->url, "https://fieldnotes.example/hedgehog-crossings");
    assert_string_equal(a->date, "2026-05-09T12:00:00Z");
    assert_null(a->byline);
    assert_int_equal(a->paragraph_count, 2); /* inline XHTML */
    assert_string_equal(a->paragraphs[1].text, "Cameras in the tunnels recorded their first "
                                               "visitor within a week.");

    a = &list->articles[2]; /* a plain-text summary: one paragraph per line */
    assert_string_equal(body_of(a), "Notes on river birds.\nA second line about wetland plants.");
    assert_null(a->url);
    bc_article_list_free(list);
}

static void test_rss1(void **state)
{
    (void)state;
    const char *feed =
        "<?xml version=\"1.0\"?>\n"
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"\n"
        "         xmlns=\"http://purl.org/rss/1.0/\"\n"
        "         xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
        "  <channel rdf:about=\"https://almanac.example/\"><title>Valley Almanac</title>\n"
        "    <link>https://almanac.example/</link><description>d</description></channel>\n"
        "  <item rdf:about=\"https://almanac.example/frost\">\n"
        "    <title>First frost expected on Friday</title>\n"
        "    <link>https://almanac.example/frost</link>\n"
        "    <dc:date>2026-10-20T06:00:00Z</dc:date><dc:creator>R. Okafor</dc:creator>\n"
        "    <description>Gardeners should cover tender plants before Thursday night."
        "</description>\n"
        "  </item>\n"
        "</rdf:RDF>\n";
    bc_article_list *list = NULL;
    assert_int_equal(read_string(feed, &list), 0);
    assert_int_equal(list->count, 1);
    assert_string_equal(list->articles[0].title, "First frost expected on Friday");
    assert_string_equal(list->articles[0].source, "Valley Almanac");
    assert_string_equal(list->articles[0].date, "2026-10-20T06:00:00Z");
    assert_string_equal(list->articles[0].byline, "R. Okafor");
    assert_string_equal(body_of(&list->articles[0]),
                        "Gardeners should cover tender plants before Thursday night.");
    bc_article_list_free(list);
}

static void test_declared_encoding(void **state)
{
    (void)state;
    const char *feed = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                       "<rss version=\"2.0\"><channel><title>Caf\xE9</title><item>"
                       "<title>Cr\xE8me</title><description>Br\xFBl\xE9" "e.</description>"
                       "</item></channel></rss>";
    bc_article_list *list = NULL;
    assert_int_equal(read_string(feed, &list), 0);
    assert_string_equal(list->articles[0].source, "Caf\xC3\xA9");
    assert_string_equal(list->articles[0].title, "Cr\xC3\xA8me");
    assert_string_equal(list->articles[0].paragraphs[0].text, "Br\xC3\xBBl\xC3\xA9" "e.");
    bc_article_list_free(list);
}

static void test_malformed(void **state)
{
    (void)state;
    bc_article_list *list = (bc_article_list *)0x1;
    const char *unclosed = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n"
                           "<item><title>One</title><description>Text.</description></item>\n"
                           "<item><title>Two</titel>\n</channel></rss>\n";
    assert_int_equal(read_string(unclosed, &list), BC_EFORMAT);
    assert_non_null(strstr(logged, "error: malformed feed: line 5, column "));
    assert_non_null(strstr(logged, "mismatch"));

    /* bytes that are not UTF-8 in a UTF-8 feed */
    const char *bad_utf8 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss><channel>\n"
                           "<item><title>Caf\xE9</title></item></channel></rss>";
    assert_int_equal(read_string(bad_utf8, &list), BC_EFORMAT);
    assert_non_null(strstr(logged, "line 3, column"));
    assert_non_null(strstr(logged, "UTF-8"));

    /* an undefined entity */
    const char *entity = "<rss><channel><item><title>A&nbsp;B</title></item></channel></rss>";
    assert_int_equal(read_string(entity, &list), BC_EFORMAT);
    assert_non_null(strstr(logged, "nbsp"));

    /* a root that is not a feed, read as one on request */
    bc_ingest_settings s;
    bc_ingest_default_settings(&s);
    s.format = BC_FORMAT_FEED;
    s.logger = (bc_logger){log_all, NULL};
    logged[0] = '\0';
    const char *page = "<html><body><p>Not a feed.</p></body></html>";
    assert_int_equal(bc_ingest(page, strlen(page), &s, &list), BC_EFORMAT);
    assert_non_null(strstr(logged, "not a feed: the root element is <html>"));
    assert_ptr_equal(list, (bc_article_list *)0x1);
}

static void test_empty(void **state)
{
    (void)state;
    bc_article_list *list = (bc_article_list *)0x1;
    const char *no_items = "<rss version=\"2.0\"><channel><title>Quiet</title></channel></rss>";
    assert_int_equal(read_string(no_items, &list), BC_EEMPTY);
    assert_non_null(strstr(logged, "error: the feed has no items"));
    const char *empty_items = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>"
                              "<entry><title>Only a title</title></entry>"
                              "<entry><content type=\"html\">&lt;p&gt; &lt;/p&gt;</content></entry>"
                              "</feed>";
    assert_int_equal(read_string(empty_items, &list), BC_EEMPTY);
    assert_non_null(strstr(logged, "none of the feed's 2 items has any text"));
    assert_ptr_equal(list, (bc_article_list *)0x1);
}

/* Entities cannot expand without bound, nor pull in files. */
static void test_hostile_entities(void **state)
{
    (void)state;
    bci_buf b = {0};
    assert_int_equal(bci_buf_puts(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n"
                                      "<!ENTITY e0 \"laugh\">\n"), 0);
    for (int i = 1; i < 12; i++) {
        assert_int_equal(bci_buf_printf(&b, "<!ENTITY e%d \"", i), 0);
        for (int k = 0; k < 10; k++)
            assert_int_equal(bci_buf_printf(&b, "&e%d;", i - 1), 0);
        assert_int_equal(bci_buf_puts(&b, "\">\n"), 0);
    }
    assert_int_equal(bci_buf_puts(&b, "]>\n<rss><channel><item><title>&e11;</title>"
                                      "<description>Text.</description></item></channel></rss>"),
                     0);
    double start = seconds_now();
    bc_article_list *list = NULL;
    int rc = read_feed(b.data, b.length, &list);
    assert_true(seconds_now() - start < 5);
    if (rc == 0) {
        /* read, but nothing was expanded */
        assert_true(list->articles[0].title == NULL ||
                    strlen(list->articles[0].title) < 1000);
        bc_article_list_free(list);
    } else {
        assert_int_equal(rc, BC_EFORMAT);
    }
    bci_buf_free(&b);

    const char *external = "<?xml version=\"1.0\"?>\n"
                           "<!DOCTYPE rss [<!ENTITY secret SYSTEM \"file://" BC_SOURCE_ROOT
                           "/tests/data/feed-atom.xml\">]>\n"
                           "<rss><channel><item><title>Leak: &secret;</title>"
                           "<description>Text.</description></item></channel></rss>";
    rc = read_string(external, &list);
    if (rc == 0) {
        assert_null(strstr(list->articles[0].title, "Moth"));
        bc_article_list_free(list);
    } else {
        assert_int_equal(rc, BC_EFORMAT);
    }
}

/* Builds a feed of `count` items. */
static void build_feed(bci_buf *b, size_t count)
{
    b->length = 0;
    assert_int_equal(bci_buf_puts(b, "<?xml version=\"1.0\"?><rss version=\"2.0\" "
                                     "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
                                     "<channel><title>Many</title>"), 0);
    for (size_t i = 0; i < count; i++)
        assert_int_equal(bci_buf_printf(b, "<item><title>Item %zu</title>"
                                           "<link>https://x.example/%zu</link><content:encoded>"
                                           "<![CDATA[<p>Paragraph one of item %zu, a sentence.</p>"
                                           "<p>Paragraph two.</p>]]></content:encoded></item>",
                                        i, i, i), 0);
    assert_int_equal(bci_buf_puts(b, "</channel></rss>"), 0);
}

static void test_many_items(void **state)
{
    (void)state;
    bci_buf b = {0};
    double elapsed[2];
    size_t counts[2] = {2500, 10000};
    for (int k = 0; k < 2; k++) {
        build_feed(&b, counts[k]);
        bc_article_list *list = NULL;
        double start = seconds_now();
        assert_int_equal(read_feed(b.data, b.length, &list), 0);
        elapsed[k] = seconds_now() - start;
        assert_int_equal(list->count, counts[k]);
        assert_string_equal(list->articles[counts[k] - 1].paragraphs[1].text, "Paragraph two.");
        bc_article_list_free(list);
    }
    /* four times the items in about four times the time: 12 allows for a
     * busy machine, a quadratic reader would take 16 */
    assert_true(elapsed[1] < 12 * elapsed[0] + 0.05);
    assert_true(elapsed[1] < 30);
    bci_buf_free(&b);
}

static void test_huge_item(void **state)
{
    (void)state;
    /* one description of 12 MB: past libxml2's limit on a text, a clear
     * error rather than a truncated item */
    size_t words = (12u << 20) / 5;
    bci_buf b = {0};
    assert_int_equal(bci_buf_puts(&b, "<rss><channel><title>T</title><item><title>Big</title>"
                                      "<description>"), 0);
    for (size_t i = 0; i < words; i++)
        assert_int_equal(bci_buf_append(&b, "word ", 5), 0);
    assert_int_equal(bci_buf_puts(&b, "</description></item></channel></rss>"), 0);
    bc_article_list *list = (bc_article_list *)0x1;
    double start = seconds_now();
    assert_int_equal(read_feed(b.data, b.length, &list), BC_ETOOBIG);
    assert_true(seconds_now() - start < 30);
    assert_non_null(strstr(logged, "a text of over 10 MB"));
    assert_ptr_equal(list, (bc_article_list *)0x1);
    bci_buf_free(&b);
}

/* Mangles the RSS test feed a few hundred times (a fixed sequence): every
 * result is articles or a clean error, never a crash. */
static void test_mutations(void **state)
{
    (void)state;
    static const char *const splinters[] = {
        "<", ">", "</item>", "<item>", "<title>", "&", "&amp;", "<![CDATA[", "]]>", "\"", "<!--",
        "-->", "\xFF", "\xC3", "<description>", "</description>", "<entry>", "&lt;p&gt;",
        "<!DOCTYPE rss [<!ENTITY a \"b\">]>", "&a;", "<content:encoded>", "xmlns:x=\"y\"",
    };
    size_t size = 0;
    char *feed = tu_read_file(BC_SOURCE_ROOT "/tests/data/feed-rss2.xml", &size);
    assert_non_null(feed);
    uint64_t seed = 7;
    bci_buf b = {0};
    for (int round = 0; round < 300; round++) {
        b.length = 0;
        assert_int_equal(bci_buf_append(&b, feed, size), 0);
        int edits = 1 + (int)(seed % 6);
        for (int e = 0; e < edits; e++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL; /* an LCG */
            size_t at = (size_t)(seed >> 33) % (b.length + 1);
            bci_buf rest = {0};
            assert_int_equal(bci_buf_append(&rest, b.data + at, b.length - at), 0);
            b.length = at;
            size_t cut = (seed >> 9) % 3 == 0 ? (seed >> 40) % 100 : 0;
            if (!cut)
                assert_int_equal(bci_buf_puts(&b, splinters[(seed >> 17) %
                                                              BCI_ARRAY_LEN(splinters)]), 0);
            cut = cut < rest.length ? cut : rest.length;
            assert_int_equal(bci_buf_append(&b, rest.data + cut, rest.length - cut), 0);
            bci_buf_free(&rest);
        }
        bc_article_list *list = NULL;
        int rc = read_feed(b.data, b.length, &list);
        if (rc == 0)
            bc_article_list_free(list);
        else
            assert_true(rc == BC_EFORMAT || rc == BC_EEMPTY || rc == BC_EBINARY);
    }
    bci_buf_free(&b);
    free(feed);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rss2),
        cmocka_unit_test(test_atom),
        cmocka_unit_test(test_rss1),
        cmocka_unit_test(test_declared_encoding),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_hostile_entities),
        cmocka_unit_test(test_many_items),
        cmocka_unit_test(test_huge_item),
        cmocka_unit_test(test_mutations),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
