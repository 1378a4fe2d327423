/* End-to-end tests of publishing: `make --feed` adds episodes to a podcast
 * feed that a standard feed parser reads, with exact enclosure lengths, and
 * a feed that cannot be added to stops the run before anything is written. */
#define E2E_OWN_BRIEFCAST
#include "e2e.h"

#define EXAMPLES BC_SOURCE_ROOT "/examples"

static int briefcast(const char *args)
{
    char command[8192];
    snprintf(command, sizeof command, "cd '%s' && '%s' %s", dir, BC_BRIEFCAST, args);
    return tu_run(command, tu_path(6, dir, "out.txt"), tu_path(7, dir, "err.txt"));
}

static const char feed_args[] = "--feed feed.xml --base-url https://news.example.org/briefing "
                                "--feed-config " EXAMPLES "/podcast.conf";

/* Reads the feed with Python's feedparser (Debian's python3-feedparser) and
 * prints what a podcast app needs: one line per check. */
static const char checker[] =
    "import feedparser, os, sys\n"
    "d = feedparser.parse('feed.xml')\n"
    "assert not d.bozo, d.bozo_exception\n"
    "f = d.feed\n"
    "for key in ('title', 'subtitle', 'language', 'image', 'itunes_explicit', 'tags'):\n"
    "    assert key in f, key\n"
    "print('channel ok', f.title, f.language)\n"
    "for e in d.entries:\n"
    "    (enc,) = e.enclosures\n"
    "    name = enc.href.rsplit('/', 1)[1]\n"
    "    assert enc.type == 'audio/mpeg', enc.type\n"
    "    assert int(enc.length) == os.path.getsize(name), (enc.length, os.path.getsize(name))\n"
    "    assert e.itunes_duration and e.id and e.published, e\n"
    "    print('item', e.title, name, enc.length)\n"
    "print('items', len(d.entries))\n";

static void test_feed(void **state)
{
    (void)state;
    char args[4096];
    snprintf(args, sizeof args, "make %s/harbour-bridge.txt %s/rooftop-gardens.txt -o day1.opus "
             "--date 2026-11-27 --vtt day1.vtt --chapters day1.json --html day1.html %s",
             EXAMPLES, EXAMPLES, feed_args);
    assert_int_equal(briefcast(args), 0);
    assert_true(tu_exists(tu_path(0, dir, "day1.mp3"))); /* made for the feed */
    snprintf(args, sizeof args, "make %s/harbour-bridge.txt -o day2.opus --date 2026-11-28 %s",
             EXAMPLES, feed_args);
    assert_int_equal(briefcast(args), 0);
    char *feed = tu_read_file(tu_path(0, dir, "feed.xml"), NULL);
    assert_non_null(strstr(feed, "podcast:alternateEnclosure"));
    assert_non_null(strstr(feed, "podcast:transcript"));
    assert_non_null(strstr(feed, "podcast:chapters"));
    assert_non_null(strstr(feed, "https://news.example.org/briefing/day1.html"));
    /* newest first */
    assert_true(strstr(feed, "day2.mp3") < strstr(feed, "day1.mp3"));

    /* a standard feed parser reads it, and every enclosure length is exact */
    tu_write_file(tu_path(1, dir, "check.py"), checker, strlen(checker));
    char command[1024];
    snprintf(command, sizeof command, "cd '%s' && /usr/bin/python3 check.py", dir);
    assert_int_equal(tu_run(command, tu_path(2, dir, "check.txt"), tu_path(3, dir, "check.err")), 0);
    char *report = tu_read_file(tu_path(2, dir, "check.txt"), NULL);
    assert_non_null(strstr(report, "items 2\n"));
    free(report);

    /* the same episode again replaces its item */
    assert_int_equal(briefcast(args), 0);
    char *again = tu_read_file(tu_path(0, dir, "feed.xml"), NULL);
    assert_string_equal(again, feed);
    free(again);
    free(feed);
}

static void test_feed_failures(void **state)
{
    (void)state;
    char args[4096];
    /* not a feed: the run stops before any output is made */
    tu_write_file(tu_path(0, dir, "feed.xml"), "<html>not a feed</html>", 23);
    snprintf(args, sizeof args, "make %s/harbour-bridge.txt -o day.opus %s", EXAMPLES, feed_args);
    assert_int_equal(briefcast(args), 1);
    char *err = tu_read_file(tu_path(7, dir, "err.txt"), NULL);
    assert_non_null(strstr(err, "feed.xml"));
    free(err);
    assert_false(tu_exists(tu_path(1, dir, "day.opus")));
    assert_false(tu_exists(tu_path(1, dir, "day.mp3")));
    char *kept = tu_read_file(tu_path(0, dir, "feed.xml"), NULL);
    assert_string_equal(kept, "<html>not a feed</html>");
    free(kept);

    /* channel settings without the tags Apple requires */
    tu_write_file(tu_path(2, dir, "bad.conf"), "title = T\n", 10);
    unlink(tu_path(0, dir, "feed.xml"));
    snprintf(args, sizeof args, "make %s/harbour-bridge.txt -o day.opus --feed feed.xml "
             "--base-url https://e.org --feed-config bad.conf", EXAMPLES);
    assert_int_equal(briefcast(args), 1);
    assert_false(tu_exists(tu_path(0, dir, "feed.xml")));
    assert_false(tu_exists(tu_path(1, dir, "day.opus")));

    /* --feed needs both of its companions */
    snprintf(args, sizeof args, "make %s/harbour-bridge.txt -o day.opus --feed feed.xml", EXAMPLES);
    assert_int_equal(briefcast(args), 2);
    snprintf(args, sizeof args, "make %s/harbour-bridge.txt -o day.opus --base-url https://e.org",
             EXAMPLES);
    assert_int_equal(briefcast(args), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_feed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_feed_failures, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
