/* Unit tests of the HTML reader: article extraction, metadata, character
 * sets, and hostile pages (deep, huge, broken, binary, empty). */
#include "testutil.h"

#include <fcntl.h>
#include <time.h>

#include "briefcast/ingest.h"
#include "ingest/html_internal.h"

/* Everything the library logged, one message per line. */
static char logged[8192];

static void log_all(void *user_data, enum bc_log_level level, const char *message)
{
    (void)user_data;
    size_t used = strlen(logged);
    snprintf(logged + used, sizeof logged - used, "%s: %s\n",
             level == BC_LOG_ERROR ? "error" : "warning", message);
}

static int read_html(const char *data, size_t size, bc_article_list **out)
{
    bc_ingest_settings s;
    bc_ingest_default_settings(&s);
    s.logger = (bc_logger){log_all, NULL};
    logged[0] = '\0';
    return bc_ingest(data, size, &s, out);
}

static int read_string(const char *html, bc_article_list **out)
{
    return read_html(html, strlen(html), out);
}

/* All paragraphs of an article joined by newlines, in a static buffer. */
static const char *body_of(const bc_article *a)
{
    static char body[65536];
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

static void test_news_page(void **state)
{
    (void)state;
    size_t size = 0;
    char *page = tu_read_file(BC_SOURCE_ROOT "/tests/data/news-page.html", &size);
    assert_non_null(page);
    bc_article_list *list = NULL;
    assert_int_equal(read_html(page, size, &list), 0);
    assert_int_equal(list->count, 1);
    const bc_article *a = &list->articles[0];
    assert_string_equal(a->title, "Library opens a seed bank for the whole valley");
    assert_string_equal(a->source, "Millbrook Courier");
    assert_string_equal(a->byline, "Priya Raman");
    assert_string_equal(a->date, "2026-03-14T09:30:00+00:00");
    assert_string_equal(a->url, "https://courier.example/news/library-seed-bank");
    assert_int_equal(a->title_offset, BC_NO_OFFSET);

    const char *body = body_of(a);
    /* the article, one paragraph per block, in order */
    assert_true(strncmp(body, "Millbrook's public library has started lending seeds", 50) == 0);
    assert_non_null(strstr(body, "\n\xE2\x80\x9CPeople kept asking us"));
    assert_non_null(strstr(body, "\nSwapping knowledge as well as seeds\n"));
    assert_non_null(strstr(body, "\nsaving seed from peas and beans without cross-pollination,\n"));
    assert_non_null(strstr(body, "\nBorrowing seeds is free"));
    assert_non_null(strstr(body, "four languages, and local schools have already asked to "
                                 "take part."));
    /* and none of the page around it */
    const char *boilerplate[] = {
        "cookies", "Accept", "Letters to the editor", "Home", "Share on", "Pin it", "Email",
        "Advertisement", "gnomes", "Related stories", "Allotment waiting list", "newsletter",
        "Subscribe", "GreenThumb42", "comments", "All rights reserved", "Privacy",
        "Do not read this script", "position: fixed", "Hidden note", "By Priya", "14 March 2026",
        "Photograph", "opening day",
    };
    for (size_t i = 0; i < BCI_ARRAY_LEN(boilerplate); i++) {
        if (strstr(body, boilerplate[i]))
            fail_msg("boilerplate '%s' in the body:\n%s", boilerplate[i], body);
    }
    /* the headline is not repeated as the first paragraph */
    assert_null(strstr(body, "Library opens a seed bank"));
    for (size_t i = 0; i < a->paragraph_count; i++) {
        assert_int_equal(a->paragraphs[i].offset, BC_NO_OFFSET);
        assert_int_equal(a->paragraphs[i].length, strlen(a->paragraphs[i].text));
        assert_null(strchr(a->paragraphs[i].text, '\n'));
    }
    assert_int_equal(a->paragraph_count, 10);
    bc_article_list_free(list);
    free(page);
}

static void test_json_ld_and_titles(void **state)
{
    (void)state;
    bc_article_list *list = NULL;
    /* JSON-LD alone, an article among other types in a list */
    const char *page =
        "<html><head><title>Ferry strike ends - The Island Times</title>"
        "<script type=\"application/ld+json\">[{\"@type\":\"Organization\",\"name\":\"X\"},"
        "{\"@context\":{\"@vocab\":\"http://schema.org/\"},\"@type\":\"ReportageNewsArticle\","
        "\"headline\":\"Ferry strike ends after talks\",\"datePublished\":\"2026-01-02\","
        "\"author\":[{\"name\":\"A. Byrne\"},{\"name\":\"C. Diaz\"}],"
        "\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Island Times\"}}]</script>"
        "</head><body><p>Crews return to work on Monday after a week of talks, the union said, "
        "and timetables will be back to normal by midweek.</p></body></html>";
    assert_int_equal(read_string(page, &list), 0);
    assert_string_equal(list->articles[0].title, "Ferry strike ends after talks");
    assert_string_equal(list->articles[0].byline, "A. Byrne, C. Diaz");
    assert_string_equal(list->articles[0].source, "The Island Times");
    assert_string_equal(list->articles[0].date, "2026-01-02");
    bc_article_list_free(list);

    /* broken JSON-LD is ignored; the <title> loses its site name */
    page = "<html><head><title>Ferry strike ends after talks | The Island Times</title>"
           "<script type=\"application/ld+json\">"
           "{\"@type\": \"NewsArticle\", \"headline\": </script>"
           "</head><body><p>Crews return to work on Monday.</p></body></html>";
    assert_int_equal(read_string(page, &list), 0);
    assert_string_equal(list->articles[0].title, "Ferry strike ends after talks");
    bc_article_list_free(list);

    /* meta keys listed with spaces, Dublin Core first */
    page = "<html><head><title>Page title</title>"
           "<meta property=\"x:title dc:title\" content=\"Tide tables move online\">"
           "<meta property=\"og:title twitter:title\" content=\"Other title\">"
           "<meta name=\"DC.creator\" content=\"Harbour Office\">"
           "<meta name=\"author\" content=\"Web team\">"
           "</head><body><p>Tide tables are now published online.</p></body></html>";
    assert_int_equal(read_string(page, &list), 0);
    assert_string_equal(list->articles[0].title, "Tide tables move online");
    assert_string_equal(list->articles[0].byline, "Harbour Office");
    bc_article_list_free(list);

    /* JSON-LD whose "headline" is a description: the "name" is the title */
    page = "<html><head><title>Kestrel Island - Atlas</title><script type=\"application/ld+json\">"
           "{\"@type\": \"Article\", \"name\": \"Kestrel Island\", \"headline\": \"island in the "
           "northern sea\"}</script></head><body><p>Kestrel Island is small.</p></body></html>";
    assert_int_equal(read_string(page, &list), 0);
    assert_string_equal(list->articles[0].title, "Kestrel Island");
    bc_article_list_free(list);

    /* no metadata: the byline shown on the page, taken out of the body */
    page = "<html><body><div class=\"byline\">By Jo Marsh</div>"
           "<p>The harbour wall was repaired over the winter.</p></body></html>";
    assert_int_equal(read_string(page, &list), 0);
    assert_string_equal(list->articles[0].byline, "Jo Marsh");
    assert_string_equal(body_of(&list->articles[0]),
                        "The harbour wall was repaired over the winter.");
    bc_article_list_free(list);

    /* no <title> nor metadata: the <h1> (a crash found by fuzzing) */
    page = "<html><body><h1>Harbour wall repaired</h1><p>Work ended in March.</p></body></html>";
    assert_int_equal(read_string(page, &list), 0);
    assert_string_equal(list->articles[0].title, "Harbour wall repaired");
    bc_article_list_free(list);

    /* a single <h1> that the <title> contains is the headline */
    page = "<html><head><title>Island Times: Ferry strike ends after talks</title></head><body>"
           "<h1>Ferry strike ends after talks</h1><time datetime=\"2026-01-02T08:00\">Jan 2</time>"
           "<p>Crews return to work on Monday.</p></body></html>";
    assert_int_equal(read_string(page, &list), 0);
    assert_string_equal(list->articles[0].title, "Ferry strike ends after talks");
    assert_string_equal(list->articles[0].date, "2026-01-02T08:00");
    /* the dateline is loose text of the body */
    assert_string_equal(body_of(&list->articles[0]), "Jan 2\nCrews return to work on Monday.");
    bc_article_list_free(list);
}

static void test_clean_title(void **state)
{
    (void)state;
    struct {
        const char *title, *site, *want;
    } cases[] = {
        {"Ferry strike ends after talks | Island Times", NULL, "Ferry strike ends after talks"},
        {"Ferry strike ends after talks - The Island Times", NULL, "Ferry strike ends after talks"},
        {"Ferry strike ends - and queues return", NULL, "Ferry strike ends - and queues return"},
        {"Island Times | Ferry strike ends after talks", "Island Times",
         "Ferry strike ends after talks"},
        {"Ferry strike ends \xE2\x80\x94 islandtimes", "islandtimes", "Ferry strike ends"},
        {"Just a headline", NULL, "Just a headline"},
        {"A | B", NULL, "A | B"},
    };
    for (size_t i = 0; i < BCI_ARRAY_LEN(cases); i++) {
        size_t start, length;
        bci_clean_title(cases[i].title, cases[i].site, &start, &length);
        char got[256];
        snprintf(got, sizeof got, "%.*s", (int)length, cases[i].title + start);
        assert_string_equal(got, cases[i].want);
    }
}

static void test_structure(void **state)
{
    (void)state;
    bc_article_list *list = NULL;
    /* text loose in a div, line breaks, table rows, a quotation, entities,
     * white space and invisible characters */
    const char *page =
        "<html><body><div class=\"post\">First   line of   loose text,\n written across lines."
        "<p>A paragraph with a <q>quoted phrase</q> and caf&eacute; &amp; soft\xC2\xADhyphen.</p>"
        "Loose again<br>after a break<br><br>and after two."
        "<table><tr><td>Year</td><td>Visitors</td></tr><tr><td>2025</td><td>1,200</td></tr></table>"
        "<p>\xE3\x80\x80\xE3\x80\x80Indented\xC2\xA0with ideographic spaces.</p>"
        "</div></body></html>";
    assert_int_equal(read_string(page, &list), 0);
    assert_string_equal(body_of(&list->articles[0]),
                        "First line of loose text, written across lines.\n"
                        "A paragraph with a \xE2\x80\x9Cquoted phrase\xE2\x80\x9D and "
                        "caf\xC3\xA9 & "
                        "softhyphen.\n"
                        "Loose again after a break\n"
                        "and after two.\n"
                        "Year Visitors\n"
                        "2025 1,200\n"
                        "Indented with ideographic spaces.");
    bc_article_list_free(list);
}

static void test_main_content_wins(void **state)
{
    (void)state;
    /* a long link list and a sidebar beside a shorter article */
    bci_buf b = {0};
    assert_int_equal(bci_buf_puts(&b, "<html><body><div id=\"menu\"><ul>"), 0);
    for (int i = 0; i < 60; i++)
        assert_int_equal(bci_buf_printf(&b, "<li><a href=\"/s/%d\">Section number %d with a long "
                                            "name</a></li>", i, i), 0);
    assert_int_equal(bci_buf_puts(&b, "</ul></div><div class=\"content\">"), 0);
    for (int i = 0; i < 8; i++)
        assert_int_equal(bci_buf_printf(&b, "<p>Paragraph %d of the story, with a clause, another "
                                            "clause, and a full stop at the end of it.</p>", i), 0);
    assert_int_equal(bci_buf_puts(&b, "</div><div class=\"sidebar\"><p>Most read: the weather, "
                                      "the match, the market report, and more.</p></div>"
                                      "</body></html>"), 0);
    bc_article_list *list = NULL;
    assert_int_equal(read_html(b.data, b.length, &list), 0);
    const bc_article *a = &list->articles[0];
    assert_int_equal(a->paragraph_count, 8);
    assert_string_equal(a->paragraphs[7].text, "Paragraph 7 of the story, with a clause, another "
                                               "clause, and a full stop at the end of it.");
    bc_article_list_free(list);
    bci_buf_free(&b);
}

static void test_charsets(void **state)
{
    (void)state;
    bc_article_list *list = NULL;
    /* declared Latin-1 */
    const char *latin1 = "<html><head><meta charset=\"iso-8859-1\"></head><body>"
                         "<p>Caf\xE9 cr\xE8me.</p></body></html>";
    assert_int_equal(read_string(latin1, &list), 0);
    assert_string_equal(list->articles[0].paragraphs[0].text, "Caf\xC3\xA9 cr\xC3\xA8me.");
    bc_article_list_free(list);

    /* undeclared Windows-1252: curly quotes and a euro sign, with a warning */
    const char *cp1252 = "<html><body><p>\x93Hello\x94 \x96 \x80" "5.</p></body></html>";
    assert_int_equal(read_string(cp1252, &list), 0);
    assert_string_equal(list->articles[0].paragraphs[0].text,
                        "\xE2\x80\x9CHello\xE2\x80\x9D \xE2\x80\x93 \xE2\x82\xAC" "5.");
    assert_non_null(strstr(logged, "Windows-1252"));
    bc_article_list_free(list);

    /* UTF-8 bytes win over a stale declaration */
    const char *stale = "<html><head><meta charset=\"iso-8859-1\"></head><body>"
                        "<p>Caf\xC3\xA9 \xE2\x80\x94 na\xC3\xAFve.</p></body></html>";
    assert_int_equal(read_string(stale, &list), 0);
    assert_string_equal(list->articles[0].paragraphs[0].text,
                        "Caf\xC3\xA9 \xE2\x80\x94 na\xC3\xAF" "ve.");
    bc_article_list_free(list);

    /* a page that declares UTF-8 with one broken byte: the rest stays
     * intact, the bad byte becomes U+FFFD, and a warning says where */
    const char *broken = "<html><head><meta charset=\"utf-8\"></head><body>"
                         "<p>Caf\xC3\xA9 \xFF na\xC3\xAFve \xC3\xA9t\xC3\xA9.</p></body></html>";
    assert_int_equal(read_string(broken, &list), 0);
    assert_string_equal(list->articles[0].paragraphs[0].text,
                        "Caf\xC3\xA9 \xEF\xBF\xBD na\xC3\xAFve \xC3\xA9t\xC3\xA9.");
    assert_non_null(strstr(logged, "invalid UTF-8 replaced (the first at offset"));
    bc_article_list_free(list);

    /* a declared charset that the bytes break: what was read is kept */
    const char *sjis = "<html><head><meta charset=\"shift_jis\"></head><body>"
                       "<p>\x82\xA0 text \xFF\xFE more</p></body></html>";
    assert_int_equal(read_string(sjis, &list), 0);
    assert_true(strncmp(list->articles[0].paragraphs[0].text, "\xE3\x81\x82 text", 8) == 0);
    assert_non_null(strstr(logged, "not valid in its declared charset"));
    bc_article_list_free(list);
}

/* libxml2 reports encoding errors on a global channel that prints by
 * default: the library must catch them. */
static void test_library_prints_nothing(void **state)
{
    (void)state;
    char path[] = "/tmp/briefcast-stderr-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    fflush(stderr);
    int saved = dup(2);
    assert_int_equal(dup2(fd, 2), 2);
    const char *pages[] = {
        ("<html><head><meta charset=\"shift_jis\"></head>"
         "<body><p>\x82\xA0 \xFF\xFE</p></body></html>"),
        "<html><body><p>Broken <b><i>nesting</b></i></td></tr></table><p>and more</p>",
        "<html><body><p>Caf\xE9 with a declared nothing</p></body></html>",
    };
    for (size_t i = 0; i < BCI_ARRAY_LEN(pages); i++) {
        bc_article_list *list = NULL;
        if (bc_ingest(pages[i], strlen(pages[i]), NULL, &list) == 0)
            bc_article_list_free(list);
    }
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    close(fd);
    size_t size = 0;
    char *printed = tu_read_file(path, &size);
    unlink(path);
    assert_non_null(printed);
    if (size)
        fail_msg("the library printed: %s", printed);
    free(printed);
}

static void test_malformed(void **state)
{
    (void)state;
    bc_article_list *list = NULL;
    const char *page = "<html><body><div><div><p>Unclosed paragraph that goes on for a while."
                       "<p>Second <b>bold <i>and italic</b> text.</i></div></span></td>"
                       "<p>Third after stray closing tags &bogus; &#xZZ; &#99999999; all right.</p>"
                       "<p>Fourth <!-- a comment --> ends here.";
    assert_int_equal(read_string(page, &list), 0);
    const char *body = body_of(&list->articles[0]);
    assert_string_equal(body, "Unclosed paragraph that goes on for a while.\n"
                              "Second bold and italic text.\n"
                              "Third after stray closing tags &bogus; ZZ; all right.\n"
                              "Fourth ends here.");
    bc_article_list_free(list);
}

static void test_empty_and_boilerplate_only(void **state)
{
    (void)state;
    bc_article_list *list = (bc_article_list *)0x1;
    const char *empty[] = {
        "<html><head><title>Nothing</title></head><body></body></html>",
        "<html><body><script>var text = 'not an article';</script><style>p{}</style></body></html>",
        ("<html><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
         "<aside><p>Popular this week: many things people read.</p></aside>"
         "<footer><p>Copyright 2026, all rights reserved by the publisher.</p></footer>"
         "<form><input name=\"q\"><button>Search</button></form></body></html>"),
        ("<html><body><div hidden><p>Hidden text only.</p></div>"
         "<p style=\"display: none\">More hidden text.</p></body></html>"),
        "<p>   </p><div> &nbsp; </div>",
    };
    for (size_t i = 0; i < BCI_ARRAY_LEN(empty); i++) {
        assert_int_equal(read_string(empty[i], &list), BC_EEMPTY);
        assert_non_null(strstr(logged, "no article text found in the page"));
    }
    assert_ptr_equal(list, (bc_article_list *)0x1);
}

static void test_binary(void **state)
{
    (void)state;
    bc_article_list *list = (bc_article_list *)0x1;
    const char png[] = "<html>\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10";
    assert_int_equal(read_html(png, sizeof png - 1, &list), BC_EBINARY);
    bc_ingest_settings s;
    bc_ingest_default_settings(&s);
    s.format = BC_FORMAT_HTML;
    char noise[4096];
    for (size_t i = 0; i < sizeof noise; i++)
        noise[i] = (char)((i * 7919u + 13u) % 251u + 1u); /* control bytes, no NUL */
    assert_int_equal(bc_ingest(noise, sizeof noise, &s, &list), BC_EBINARY);
    assert_ptr_equal(list, (bc_article_list *)0x1);
}

static void test_deep_nesting(void **state)
{
    (void)state;
    /* 100,000 nested divs: the text before them is kept, the parser stops
     * at libxml2's depth limit with a warning, in bounded time */
    size_t depth = 100000;
    bci_buf b = {0};
    assert_int_equal(bci_buf_puts(&b, "<html><body><p>Before the deep part of the page, a sentence "
                                      "long enough to be the article.</p>"), 0);
    for (size_t i = 0; i < depth; i++)
        assert_int_equal(bci_buf_puts(&b, "<div>"), 0);
    assert_int_equal(bci_buf_puts(&b, "deep"), 0);
    for (size_t i = 0; i < depth; i++)
        assert_int_equal(bci_buf_puts(&b, "</div>"), 0);
    double start = seconds_now();
    bc_article_list *list = NULL;
    assert_int_equal(read_html(b.data, b.length, &list), 0);
    assert_true(seconds_now() - start < 10);
    assert_string_equal(body_of(&list->articles[0]),
                        "Before the deep part of the page, a sentence long enough to be the "
                        "article.");
    assert_non_null(strstr(logged, "more than 256 deep"));
    bc_article_list_free(list);

    /* all the text past the limit: a clear error */
    b.length = 0;
    for (size_t i = 0; i < depth; i++)
        assert_int_equal(bci_buf_puts(&b, "<span>"), 0);
    for (size_t i = 0; i < depth; i++)
        assert_int_equal(bci_buf_puts(&b, "</span>"), 0);
    assert_int_equal(bci_buf_puts(&b, "<p>Text after the deep part.</p>"), 0);
    list = (bc_article_list *)0x1;
    assert_int_equal(read_html(b.data, b.length, &list), BC_EEMPTY);
    assert_non_null(strstr(logged, "more than 256 deep"));
    bci_buf_free(&b);
}

static void test_huge_page(void **state)
{
    (void)state;
    /* 100 MB of paragraphs: read up to the element budget, in bounded time */
    const char *para = "<p>A paragraph of filler text, repeated to build a very large page.</p>\n";
    size_t n = strlen(para), count = (100u << 20) / n;
    char *page = malloc(n * count + 64);
    assert_non_null(page);
    size_t size = (size_t)sprintf(page, "<html><body>");
    for (size_t i = 0; i < count; i++, size += n)
        memcpy(page + size, para, n);
    double start = seconds_now();
    bc_article_list *list = NULL;
    assert_int_equal(read_html(page, size, &list), 0);
    assert_true(seconds_now() - start < 60);
    assert_true(list->articles[0].paragraph_count > 1000);
    assert_true(list->articles[0].paragraph_count < count);
    assert_non_null(strstr(logged, "elements; read up to line"));
    bc_article_list_free(list);

    /* one text node of 100 MB stops at libxml2's text limit */
    memcpy(page, "<html><body><p>", 15);
    memset(page + 15, 'a', (100u << 20) - 15);
    for (size_t i = 15; i < (100u << 20); i += 8)
        page[i] = ' ';
    start = seconds_now();
    int rc = read_html(page, 100u << 20, &list);
    assert_true(seconds_now() - start < 60);
    if (rc == 0) {
        assert_non_null(strstr(logged, "over 10 MB"));
        bc_article_list_free(list);
    } else {
        assert_int_equal(rc, BC_EEMPTY);
    }
    free(page);
}

/* Pieces of markup that break pages in interesting ways. */
static const char *const splinters[] = {
    "<", ">", "</div>", "<div>", "<p>", "&", "&amp;", "<![CDATA[", "]]>", "\"", "'", "<!--",
    "-->", "\xFF", "\xC3", "\xE2\x80", "<script>", "</script>", "<table><tr><td>", "<li>",
    "<br>", "<q>", " class=\"byline\" ", " hidden ", "<h1>", "<title>",
    "<meta property=\"og:title\"", "<script type=\"application/ld+json\">{\"@graph\": [", "\x01",
};

/* Mangles the test page a few hundred times (a fixed sequence): every
 * result is an article or a clean error, never a crash (the sanitizer
 * build checks memory). */
static void test_mutations(void **state)
{
    (void)state;
    size_t size = 0;
    char *page = tu_read_file(BC_SOURCE_ROOT "/tests/data/news-page.html", &size);
    assert_non_null(page);
    uint64_t seed = 42;
    bci_buf b = {0};
    for (int round = 0; round < 300; round++) {
        b.length = 0;
        assert_int_equal(bci_buf_append(&b, page, size), 0);
        int edits = 1 + (int)(seed % 12);
        for (int e = 0; e < edits; e++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL; /* an LCG */
            size_t at = (size_t)(seed >> 33) % (b.length + 1);
            const char *piece = splinters[(seed >> 17) % BCI_ARRAY_LEN(splinters)];
            bci_buf rest = {0};
            assert_int_equal(bci_buf_append(&rest, b.data + at, b.length - at), 0);
            b.length = at;
            if ((seed >> 9) % 3 == 0) { /* cut a span out */
                size_t cut = (seed >> 40) % 200;
                size_t skip = cut < rest.length ? cut : rest.length;
                assert_int_equal(bci_buf_append(&b, rest.data + skip, rest.length - skip), 0);
            } else {
                assert_int_equal(bci_buf_puts(&b, piece), 0);
                assert_int_equal(bci_buf_append(&b, rest.data, rest.length), 0);
            }
            bci_buf_free(&rest);
        }
        bc_article_list *list = NULL;
        int rc = read_html(b.data, b.length, &list);
        if (rc == 0) {
            assert_true(list->count == 1);
            bc_article_list_free(list);
        } else {
            assert_true(rc == BC_EEMPTY || rc == BC_EBINARY);
        }
    }
    bci_buf_free(&b);
    free(page);
}

static void test_tags(void **state)
{
    (void)state;
    const char *names[] = {"a", "p", "div", "h2", "td", "wbr", "video", "blockquote", "script"};
    for (size_t i = 0; i < BCI_ARRAY_LEN(names); i++) {
        xmlNode *n = xmlNewNode(NULL, (const xmlChar *)names[i]);
        assert_non_null(n);
        bci_tag tag = bci_tag_of(n);
        assert_int_not_equal(tag, BCI_TAG_OTHER);
        (void)bci_tag_traits(tag); /* asserts that the table is in order */
        xmlFreeNode(n);
    }
    assert_true(bci_tag_traits(BCI_TAG_P) & BCI_SCORED);
    assert_true(bci_tag_traits(BCI_TAG_SPAN) & BCI_INLINE);
    assert_true(bci_tag_traits(BCI_TAG_NAV) & BCI_NEVER_TEXT);
    assert_true(bci_tag_traits(BCI_TAG_WBR) & BCI_INLINE);
    xmlNode *custom = xmlNewNode(NULL, (const xmlChar *)"my-widget");
    assert_int_equal(bci_tag_of(custom), BCI_TAG_OTHER);
    xmlFreeNode(custom);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_news_page),
        cmocka_unit_test(test_json_ld_and_titles),
        cmocka_unit_test(test_clean_title),
        cmocka_unit_test(test_structure),
        cmocka_unit_test(test_main_content_wins),
        cmocka_unit_test(test_charsets),
        cmocka_unit_test(test_library_prints_nothing),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_empty_and_boilerplate_only),
        cmocka_unit_test(test_binary),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_huge_page),
        cmocka_unit_test(test_mutations),
        cmocka_unit_test(test_tags),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
