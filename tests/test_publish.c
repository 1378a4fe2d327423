/* Unit tests of the publish stage: transcripts and the podcast feed. */
#include "testutil.h"

#include <json-c/json.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "briefcast/audio.h"
#include "briefcast/podcast.h"
#include "briefcast/publish.h"

static void test_transcripts(void **state)
{
    (void)state;
    bc_programme *p = NULL;
    assert_int_equal(bc_programme_new(1000, &p), 0);
    assert_int_equal(bc_programme_add_cue(p, 0, 1500, NULL, "Hello & <welcome>."), 0);
    assert_int_equal(bc_programme_add_cue(p, 2000, 3723456, "Jens Stoltenberg", "We are\nready."), 0);
    char *vtt = NULL, *srt = NULL;
    assert_int_equal(bc_transcript_vtt(p, &vtt), 0);
    assert_string_equal(vtt, "WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.500\n<v Narrator>Hello &amp; "
                             "&lt;welcome&gt;.\n\n2\n00:00:02.000 --> 01:02:03.456\n<v Jens "
                             "Stoltenberg>We are ready.\n");
    assert_int_equal(bc_transcript_srt(p, &srt), 0);
    assert_string_equal(srt, "1\n00:00:00,000 --> 00:00:01,500\nHello & <welcome>.\n\n2\n"
                             "00:00:02,000 --> 01:02:03,456\nJens Stoltenberg: We are ready.\n\n");
    free(vtt);
    free(srt);
    bc_programme_free(p);
    assert_int_equal(bc_transcript_vtt(NULL, &vtt), BC_EINVAL);
}

static const char channel_text[] = "# the channel\n"
                                   "title = Kingsmouth Morning\n"
                                   "description = The day's news from Kingsmouth, read aloud.\n"
                                   "image = https://example.org/cover.png\n"
                                   "link = https://example.org/\n"
                                   "language = en-gb\n"
                                   "category = News\n"
                                   "subcategory = Daily News\n"
                                   "owner_name = Newsroom\n"
                                   "owner_email = news@example.org\n"
                                   "keep = 2\n";

static char last_error[256];

static void remember(void *user_data, enum bc_log_level level, const char *message)
{
    (void)user_data;
    if (level == BC_LOG_ERROR)
        snprintf(last_error, sizeof last_error, "%s", message);
}

static void test_channel_settings(void **state)
{
    (void)state;
    bc_logger logger = {remember, NULL};
    bc_podcast_channel c;
    assert_int_equal(bc_podcast_channel_parse(channel_text, strlen(channel_text), &logger, &c), 0);
    assert_string_equal(c.title, "Kingsmouth Morning");
    assert_string_equal(c.subcategory, "Daily News");
    assert_int_equal(c.keep, 2);
    assert_false(c.explicit_content);
    bc_podcast_channel_clear(&c);

    const char *no_image = "title = T\ndescription = D\n";
    assert_int_equal(bc_podcast_channel_parse(no_image, strlen(no_image), &logger, &c), BC_EFORMAT);
    assert_non_null(strstr(last_error, "image"));
    const char *bad = "title = T\nexplicit = maybe\n";
    assert_int_equal(bc_podcast_channel_parse(bad, strlen(bad), &logger, &c), BC_EFORMAT);
    assert_non_null(strstr(last_error, "line 2"));
    assert_int_equal(bc_podcast_channel_parse("colour = red", 12, &logger, &c), BC_EFORMAT);
    assert_int_equal(bc_podcast_channel_parse("title = a\0b", 11, &logger, &c), BC_EFORMAT);
}

/* Evaluates an XPath over a feed and returns the first match's text (or
 * the match count when `count` is not NULL). */
static char *xpath(const char *feed, const char *expression, int *count)
{
    xmlDocPtr doc = xmlReadMemory(feed, (int)strlen(feed), NULL, "UTF-8", XML_PARSE_NONET);
    assert_non_null(doc);
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(ctx, BAD_CAST "itunes", BAD_CAST "http://www.itunes.com/dtds/podcast-1.0.dtd");
    xmlXPathRegisterNs(ctx, BAD_CAST "podcast", BAD_CAST "https://podcastindex.org/namespace/1.0");
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expression, ctx);
    assert_non_null(r);
    char *text = NULL;
    int n = r->nodesetval ? r->nodesetval->nodeNr : 0;
    if (count)
        *count = n;
    if (n) {
        xmlChar *c = xmlNodeGetContent(r->nodesetval->nodeTab[0]);
        text = strdup((const char *)c);
        xmlFree(c);
    }
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(ctx);
    xmlFreeDoc(doc);
    return text;
}

static void expect(const char *feed, const char *expression, const char *value)
{
    char *text = xpath(feed, expression, NULL);
    if (!text || strcmp(text, value) != 0)
        print_message("%s gave '%s', expected '%s'\n", expression, text ? text : "(none)", value);
    assert_non_null(text);
    assert_string_equal(text, value);
    free(text);
}

static void test_feed(void **state)
{
    (void)state;
    bc_podcast_channel c;
    assert_int_equal(bc_podcast_channel_parse(channel_text, strlen(channel_text), NULL, &c), 0);
    bc_podcast_episode e = {
        .title = "Morning news <for> Friday & more",
        .date = "2026-11-27",
        .mp3_url = "https://example.org/2026-11-27.mp3",
        .mp3_bytes = 123456,
        .opus_url = "https://example.org/2026-11-27.opus",
        .opus_bytes = 65432,
        .opus_bitrate = 32000,
        .vtt_url = "https://example.org/2026-11-27.vtt",
        .chapters_url = "https://example.org/2026-11-27.json",
        .seconds = 3725.4,
    };
    char *feed = NULL;
    assert_int_equal(bc_podcast_feed_update(NULL, 0, &c, &e, NULL, &feed), 0);
    expect(feed, "/rss/@version", "2.0");
    expect(feed, "/rss/channel/title", "Kingsmouth Morning");
    expect(feed, "/rss/channel/language", "en-gb");
    expect(feed, "/rss/channel/itunes:image/@href", "https://example.org/cover.png");
    expect(feed, "/rss/channel/itunes:category/@text", "News");
    expect(feed, "/rss/channel/itunes:category/itunes:category/@text", "Daily News");
    expect(feed, "/rss/channel/itunes:explicit", "false");
    expect(feed, "/rss/channel/item/title", "Morning news <for> Friday & more");
    expect(feed, "/rss/channel/item/pubDate", "Fri, 27 Nov 2026 00:00:00 GMT");
    expect(feed, "/rss/channel/item/enclosure/@length", "123456");
    expect(feed, "/rss/channel/item/enclosure/@type", "audio/mpeg");
    expect(feed, "/rss/channel/item/itunes:duration", "01:02:05");
    expect(feed, "/rss/channel/item/podcast:alternateEnclosure/podcast:source/@uri",
           "https://example.org/2026-11-27.opus");
    expect(feed, "/rss/channel/item/podcast:transcript/@type", "text/vtt");
    expect(feed, "/rss/channel/item/podcast:chapters/@type", "application/json+chapters");
    char *guid = xpath(feed, "/rss/channel/item/guid", NULL);

    /* a new day: the new item first, the old one kept */
    bc_podcast_episode next = e;
    next.title = "Saturday";
    next.date = "2026-11-28";
    char *feed2 = NULL;
    assert_int_equal(bc_podcast_feed_update(feed, strlen(feed), &c, &next, NULL, &feed2), 0);
    int items;
    free(xpath(feed2, "/rss/channel/item", &items));
    assert_int_equal(items, 2);
    expect(feed2, "/rss/channel/item[1]/title", "Saturday");
    expect(feed2, "/rss/channel/item[2]/title", "Morning news <for> Friday & more");
    expect(feed2, "/rss/channel/item[2]/guid", guid);

    /* the same episode again replaces its item (stable GUID) */
    char *feed3 = NULL;
    assert_int_equal(bc_podcast_feed_update(feed2, strlen(feed2), &c, &next, NULL, &feed3), 0);
    free(xpath(feed3, "/rss/channel/item", &items));
    assert_int_equal(items, 2);
    assert_string_equal(feed3, feed2);

    /* an older episode sorts after the newer; only `keep` items stay */
    bc_podcast_episode older = e;
    older.title = "Thursday";
    older.date = "2026-11-26";
    char *feed4 = NULL;
    assert_int_equal(bc_podcast_feed_update(feed3, strlen(feed3), &c, &older, NULL, &feed4), 0);
    free(xpath(feed4, "/rss/channel/item", &items));
    assert_int_equal(items, 2);
    expect(feed4, "/rss/channel/item[1]/title", "Saturday");
    expect(feed4, "/rss/channel/item[2]/title", "Morning news <for> Friday & more");

    /* never build over something that is not a feed */
    bc_logger logger = {remember, NULL};
    char *out = NULL;
    assert_int_equal(bc_podcast_feed_update("<html></html>", 13, &c, &e, &logger, &out), BC_EFORMAT);
    assert_int_equal(bc_podcast_feed_update("<rss><channel>", 14, &c, &e, &logger, &out), BC_EFORMAT);
    assert_non_null(strstr(last_error, "not XML"));
    const char *entities = "<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                           "<rss version=\"2.0\"><channel><item><title>&x;</title></item></channel></rss>";
    assert_int_equal(bc_podcast_feed_update(entities, strlen(entities), &c, &e, NULL, &out), 0);
    assert_null(strstr(out, "root:"));
    free(out);
    out = NULL;
    bc_podcast_episode bad_date = e;
    bad_date.date = "someday";
    assert_int_equal(bc_podcast_feed_update(NULL, 0, &c, &bad_date, &logger, &out), BC_EINVAL);
    assert_null(out);

    free(guid);
    free(feed);
    free(feed2);
    free(feed3);
    free(feed4);
    bc_podcast_channel_clear(&c);
}

static void test_chapters_json(void **state)
{
    (void)state;
    const char *dir = tu_tempdir();
    bc_programme *p = NULL;
    assert_int_equal(bc_programme_new(22050, &p), 0);
    assert_int_equal(bc_programme_add_chapter(p, "Introduction"), 0);
    assert_int_equal(bc_programme_add_silence(p, 1500), 0);
    /* quotes, a slash, a backslash, a control character and non-ASCII */
    const char *tricky = "Mayor says \"no\" to 24/7 \\ works\tat caf\xC3\xA9 \xE2\x80\x93 again";
    assert_int_equal(bc_programme_add_chapter(p, tricky), 0);
    assert_int_equal(bc_programme_add_silence(p, 61234), 0);
    assert_int_equal(bc_programme_add_chapter(p, "Weather"), 0);

    const char *path = tu_path(0, dir, "chapters.json");
    bc_publish_settings s;
    bc_publish_default_settings(&s);
    s.title = "Morning briefing";
    assert_int_equal(bc_write_chapters_json(p, path, &s), 0);
    json_object *root = json_object_from_file(path);
    assert_non_null(root);
    json_object *version, *title, *chapters;
    assert_true(json_object_object_get_ex(root, "version", &version));
    assert_string_equal(json_object_get_string(version), "1.2.0");
    assert_true(json_object_object_get_ex(root, "title", &title));
    assert_string_equal(json_object_get_string(title), "Morning briefing");
    assert_true(json_object_object_get_ex(root, "chapters", &chapters));
    assert_int_equal(json_object_array_length(chapters), 3);
    const double starts[] = {0, 1.5, 62.734};
    const char *titles[] = {"Introduction", tricky, "Weather"};
    for (size_t i = 0; i < 3; i++) {
        json_object *c = json_object_array_get_idx(chapters, i), *start, *name;
        assert_true(json_object_object_get_ex(c, "startTime", &start));
        assert_true(json_object_is_type(start, json_type_double) ||
                    json_object_is_type(start, json_type_int));
        assert_true(fabs(json_object_get_double(start) - starts[i]) < 0.0015);
        assert_true(json_object_object_get_ex(c, "title", &name));
        assert_string_equal(json_object_get_string(name), titles[i]);
    }
    json_object_put(root);
    /* the slash is written as it is, the first start as 0 */
    char *text = tu_read_file(path, NULL);
    assert_non_null(strstr(text, "24/7"));
    assert_non_null(strstr(text, "\"startTime\": 0,"));
    free(text);

    /* no chapters: an empty list; settings may be NULL */
    bc_programme *empty = NULL;
    assert_int_equal(bc_programme_new(22050, &empty), 0);
    assert_int_equal(bc_write_chapters_json(empty, path, NULL), 0);
    root = json_object_from_file(path);
    assert_true(json_object_object_get_ex(root, "chapters", &chapters));
    assert_int_equal(json_object_array_length(chapters), 0);
    assert_false(json_object_object_get_ex(root, "title", &title));
    json_object_put(root);

    /* failures: the old file stays, no temporary file is left */
    tu_write_file(path, "previous", 8);
    assert_int_equal(bc_write_chapters_json(p, tu_path(1, dir, "none/x.json"), NULL), BC_EIO);
    assert_int_equal(bc_write_chapters_json(p, dir, NULL), BC_EIO);
    assert_int_equal(bc_write_chapters_json(NULL, path, NULL), BC_EINVAL);
    assert_int_equal(bc_write_chapters_json(p, "", NULL), BC_EINVAL);
    text = tu_read_file(path, NULL);
    assert_string_equal(text, "previous");
    free(text);
    assert_int_equal(tu_count_entries(dir), 1);
    bc_programme_free(empty);
    bc_programme_free(p);
    tu_rmtree(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_transcripts),
        cmocka_unit_test(test_chapters_json),
        cmocka_unit_test(test_channel_settings),
        cmocka_unit_test(test_feed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
