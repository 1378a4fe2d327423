/* End-to-end tests of the briefcast program: real briefings decoded with
 * libopusfile, the inspection commands, and clean failures on bad input. */
#include "e2e.h"

#include <opus/opusfile.h>

#define EXAMPLE BC_SOURCE_ROOT "/examples/harbour-bridge.txt"

static double opus_seconds(const char *path, char *title, size_t title_size)
{
    int error = 0;
    OggOpusFile *of = op_open_file(path, &error);
    assert_non_null(of);
    double seconds = (double)op_pcm_total(of, -1) / 48000.0;
    const OpusTags *tags = op_tags(of, -1);
    const char *t = opus_tags_query(tags, "TITLE", 0);
    snprintf(title, title_size, "%s", t ? t : "");
    assert_non_null(opus_tags_query(tags, "ENCODER", 0));
    assert_non_null(opus_tags_query(tags, "ARTIST", 0));
    assert_non_null(opus_tags_query(tags, "CHAPTER001NAME", 0));
    op_free(of);
    return seconds;
}

static void test_make(void **state)
{
    (void)state;
    char args[2048];
    const char *out = tu_path(0, dir, "bridge.opus");
    snprintf(args, sizeof args, "make '%s' -o '%s' --date 2026-11-28", EXAMPLE, out);
    assert_int_equal(briefcast(args), 0);
    char *err = errors();
    assert_string_equal(err, "");
    free(err);
    char title[256];
    double seconds = opus_seconds(out, title, sizeof title);
    assert_string_equal(title, "Harbour bridge to close for six weeks of repairs");
    assert_true(seconds >= 20 && seconds <= 180);

    /* a second run gives the same bytes */
    const char *again = tu_path(1, dir, "again.opus");
    snprintf(args, sizeof args, "make '%s' -o '%s' --date 2026-11-28", EXAMPLE, again);
    assert_int_equal(briefcast(args), 0);
    size_t a_size, b_size;
    char *a = tu_read_file(out, &a_size), *b = tu_read_file(again, &b_size);
    assert_int_equal(a_size, b_size);
    assert_memory_equal(a, b, a_size);
    free(a);
    free(b);

    /* --full reads more; --words reads less */
    const char *full = tu_path(2, dir, "full.opus");
    snprintf(args, sizeof args, "make --full '%s' -o '%s'", EXAMPLE, full);
    assert_int_equal(briefcast(args), 0);
    double full_seconds = opus_seconds(full, title, sizeof title);
    const char *short_one = tu_path(3, dir, "short.opus");
    snprintf(args, sizeof args, "make --words 30 --rate 250 '%s' -o '%s'", EXAMPLE, short_one);
    assert_int_equal(briefcast(args), 0);
    double short_seconds = opus_seconds(short_one, title, sizeof title);
    assert_true(full_seconds > seconds);
    assert_true(short_seconds < seconds);
}

/* A bad input fails with one line naming it, and writes nothing. */
static void expect_clean_failure(const char *input_name, const char *contents, size_t size,
                                 const char *cause)
{
    const char *input = tu_path(0, dir, input_name);
    if (contents)
        tu_write_file(input, contents, size);
    const char *out = tu_path(1, dir, "result.opus");
    tu_write_file(out, "previous", 8);
    char args[4096];
    snprintf(args, sizeof args, "make '%s' -o '%s'", input, out);
    int status = briefcast(args);
    assert_int_not_equal(status, 0);
    char *err = errors();
    assert_int_equal(count_lines(err), 1);
    assert_non_null(strstr(err, input_name));
    if (!strstr(err, cause))
        print_message("stderr: %s", err);
    assert_non_null(strstr(err, cause));
    free(err);
    char *kept = tu_read_file(out, NULL);
    assert_string_equal(kept, "previous");
    free(kept);
    unlink(out);
    if (contents)
        unlink(input);
    /* nothing else was left in the folder (no temporary files) */
    assert_int_equal(tu_count_entries(dir), 2); /* out.txt and err.txt */
}

static void test_bad_inputs(void **state)
{
    (void)state;
    expect_clean_failure("empty.txt", "", 0, "empty");
    expect_clean_failure("blank.txt", "\n \n\t\n", 5, "empty");
    expect_clean_failure("binary.bin", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, "binary");
    expect_clean_failure("latin1.txt", "Caf\xE9 opens\n\nThe caf\xE9 opened.", 27, "UTF-8");
    expect_clean_failure("missing.txt", NULL, 0, "No such file");
    expect_clean_failure("boilerplate.txt", "Source: Read Full Article\n", 26, "no article text");
}

/* text and sentences (which skip the quote finder) refuse the same bad
 * inputs as make, with one line naming the input, and print nothing. */
static void test_inspect_bad_inputs(void **state)
{
    (void)state;
    static const struct {
        const char *name, *contents, *cause;
        size_t size;
    } inputs[] = {
        {"empty.txt", "", "empty", 0},
        {"binary.bin", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "binary", 16},
        {"latin1.txt", "Caf\xE9 opens\n\nThe caf\xE9 opened.", "UTF-8", 27},
        {"boilerplate.txt", "Source: Read Full Article\n", "no article text", 26},
    };
    const char *commands[] = {"text", "sentences"};
    for (size_t c = 0; c < 2; c++) {
        for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
            const char *input = tu_path(0, dir, inputs[i].name);
            tu_write_file(input, inputs[i].contents, inputs[i].size);
            char args[1024];
            snprintf(args, sizeof args, "%s '%s'", commands[c], input);
            assert_int_equal(briefcast(args), 1);
            char *err = errors(), *out = output();
            assert_int_equal(count_lines(err), 1);
            assert_non_null(strstr(err, inputs[i].name));
            assert_non_null(strstr(err, inputs[i].cause));
            assert_string_equal(out, "");
            free(err);
            free(out);
        }
    }
}

static void test_usage_errors(void **state)
{
    (void)state;
    assert_int_equal(briefcast("make " EXAMPLE), 2); /* no -o */
    assert_int_equal(briefcast("make -o x.opus"), 2); /* no input */
    assert_int_equal(briefcast("make --rate 20 -o x.opus " EXAMPLE), 2);
    /* dates that are not on the calendar are usage errors, named as such */
    assert_int_equal(briefcast("plan --date 2026-02-30 " EXAMPLE), 2);
    char *date_err = errors();
    assert_non_null(strstr(date_err, "--date"));
    free(date_err);
    assert_int_equal(briefcast("plan --date 2023-02-29 " EXAMPLE), 2);
    assert_int_equal(briefcast("plan --date 2024-02-29 " EXAMPLE), 0);
    assert_int_equal(briefcast("frobnicate"), 2);
    assert_int_equal(briefcast(""), 2);
    assert_int_equal(briefcast("--version"), 0);
    assert_false(tu_exists("x.opus"));
    /* an output folder that does not exist */
    char args[1024];
    snprintf(args, sizeof args, "make '%s' -o '%s/no/such/out.opus'", EXAMPLE, dir);
    assert_int_equal(briefcast(args), 1);
    char *err = errors();
    assert_int_equal(count_lines(err), 1);
    assert_non_null(strstr(err, "out.opus"));
    free(err);
}

static void test_inspect(void **state)
{
    (void)state;
    assert_int_equal(briefcast("text " EXAMPLE), 0);
    char *out = output();
    /* title line, blank line, paragraphs separated by blank lines */
    assert_true(strncmp(out, "Harbour bridge to close for six weeks of repairs\n\nThe Kingsmouth",
                        63) == 0);
    assert_null(strstr(out, "\n\n\n"));
    free(out);

    assert_int_equal(briefcast("sentences " EXAMPLE), 0);
    out = output();
    assert_true(strncmp(out, "The Kingsmouth harbour bridge will close", 40) == 0);
    assert_non_null(strstr(out, "\n\"We have nursed this bridge through three winters longer "
                                "than we should have,\" she told reporters at the quayside.\n"));
    size_t sentences = count_lines(out);
    free(out);

    assert_int_equal(briefcast("summarize --words 40 " EXAMPLE), 0);
    out = output();
    size_t words = 0;
    bool in_word = false;
    for (char *p = out; *p; p++) {
        bool space = *p == ' ' || *p == '\n';
        words += !space && !in_word;
        in_word = !space;
    }
    /* 40 words is a length target: the last sentence may run past it by up to
     * a fifth of the budget when most of it fits */
    assert_true(words > 0 && words <= 48);
    assert_true(count_lines(out) < sentences);
    free(out);

    /* standard input works as well */
    char args[1024];
    snprintf(args, sizeof args, "summarize --full - < '%s'", EXAMPLE);
    assert_int_equal(briefcast(args), 0);
    out = output();
    assert_int_equal(count_lines(out), sentences);
    free(out);

    assert_int_equal(briefcast("voices"), 0);
    out = output();
    assert_non_null(strstr(out, "narrator"));
    free(out);
}

/* briefcast normalize: one spoken line per input line, in either locale;
 * bad lines give a one-line error and an empty line, never a crash. */
static void test_normalize(void **state)
{
    (void)state;
    const char *input = tu_path(0, dir, "lines.txt");
    const char *text = "It cost $1.13bn on Feb. 16-17.\n\n16/02/2022 at 3pm\n105\n";
    tu_write_file(input, text, strlen(text));
    char args[2048];
    snprintf(args, sizeof args, "normalize < '%s'", input);
    assert_int_equal(briefcast(args), 0);
    char *out = output();
    assert_string_equal(out, "It cost one point one three billion dollars on February sixteenth "
                             "to seventeenth.\n\nthe sixteenth of February twenty twenty-two at "
                             "three PM\none hundred and five\n");
    free(out);
    snprintf(args, sizeof args, "normalize --locale en-US < '%s'", input);
    assert_int_equal(briefcast(args), 0);
    out = output();
    assert_non_null(strstr(out, "February sixteenth, twenty twenty-two at three PM\n"
                                "one hundred five\n"));
    free(out);

    /* a last line without a newline still gets one */
    tu_write_file(input, "5%", 2);
    assert_int_equal(briefcast(args), 0);
    out = output();
    assert_string_equal(out, "five percent\n");
    free(out);

    /* invalid UTF-8 and NUL bytes: the lines stay in step */
    static const char bad[] = "1 km\ncaf\xE9 2\n3\0 kg\n4\n";
    tu_write_file(input, bad, sizeof bad - 1);
    snprintf(args, sizeof args, "normalize < '%s'", input);
    assert_int_equal(briefcast(args), 1);
    out = output();
    assert_int_equal(count_lines(out), 4);
    assert_true(strncmp(out, "one kilometre\n\nthree", 20) == 0);
    assert_non_null(strstr(out, "\nfour\n"));
    free(out);
    char *err = errors();
    assert_int_equal(count_lines(err), 1);
    assert_non_null(strstr(err, "line 2"));
    assert_non_null(strstr(err, "UTF-8"));
    free(err);

    /* a 1 MB line */
    size_t size = 1 << 20;
    char *big = malloc(size + 1);
    assert_non_null(big);
    for (size_t i = 0; i < size; i++)
        big[i] = "12, $3.5bn 4pm "[i % 15];
    big[size] = '\n';
    tu_write_file(input, big, size + 1);
    free(big);
    assert_int_equal(briefcast(args), 0);
    out = output();
    assert_int_equal(count_lines(out), 1);
    assert_null(strpbrk(out, "0123456789"));
    free(out);

    assert_int_equal(briefcast("normalize --locale fr-FR < /dev/null"), 2);
    err = errors();
    assert_non_null(strstr(err, "en-GB or en-US"));
    free(err);
    assert_int_equal(briefcast("normalize some-file"), 2);
    assert_int_equal(briefcast("normalize < /dev/null"), 0);
    out = output();
    assert_string_equal(out, "");
    free(out);
}

static void test_html_page(void **state)
{
    (void)state;
    assert_int_equal(briefcast("text " BC_SOURCE_ROOT "/tests/data/news-page.html"), 0);
    char *out = output();
    assert_true(strncmp(out, "Library opens a seed bank for the whole valley\n\n"
                             "Millbrook's public library has started lending seeds", 99) == 0);
    assert_non_null(strstr(out, "\n\nThe library received a grant of \xC2\xA3" "2,500"));
    assert_null(strstr(out, "cookie"));
    assert_null(strstr(out, "GreenThumb42"));
    assert_null(strstr(out, "\n\n\n"));
    free(out);
    char *err = errors();
    assert_string_equal(err, "");
    free(err);

    /* the format can be forced; read as plain text, the markup is text */
    assert_int_equal(briefcast("sentences --input-format html " BC_SOURCE_ROOT
                               "/tests/data/news-page.html"), 0);
    out = output();
    assert_true(strncmp(out, "Millbrook's public library has started lending seeds", 52) == 0);
    free(out);
    assert_int_equal(briefcast("text --keep-boilerplate --input-format text " BC_SOURCE_ROOT
                               "/tests/data/news-page.html"), 0);
    out = output();
    assert_non_null(strstr(out, "<p>Millbrook's public library"));
    free(out);
    assert_int_equal(briefcast("text --input-format rss " BC_SOURCE_ROOT
                               "/tests/data/news-page.html"), 2);
    err = errors();
    assert_non_null(strstr(err, "--input-format: expected auto, text, html or feed"));
    free(err);

    /* a page from standard input */
    assert_int_equal(briefcast("summarize --words 30 - < " BC_SOURCE_ROOT
                               "/tests/data/news-page.html"), 0);
    out = output();
    assert_true(count_lines(out) >= 1);
    assert_null(strstr(out, "Library opens a seed bank")); /* the title is not body text */
    free(out);
}

static void test_feed(void **state)
{
    (void)state;
    assert_int_equal(briefcast("text " BC_SOURCE_ROOT "/tests/data/feed-rss2.xml"), 0);
    char *out = output();
    assert_true(strncmp(out, "Night ferry returns after a winter in dry dock\n\n", 48) == 0);
    assert_non_null(strstr(out, "summer season.\n\nLifeboat crew rescues two kayakers off Gull "
                                "Point\n\nTwo kayakers"));
    free(out);
    char *err = errors();
    assert_non_null(strstr(err, "warning: feed item 3"));
    free(err);

    /* one chapter per item */
    char args[4096];
    const char *opus = tu_path(0, dir, "feed.opus");
    snprintf(args, sizeof args, "make --no-intro --words 20 -q '%s' -o '%s'",
             BC_SOURCE_ROOT "/tests/data/feed-rss2.xml", opus);
    assert_int_equal(briefcast(args), 0);
    int error = 0;
    OggOpusFile *of = op_open_file(opus, &error);
    assert_non_null(of);
    const OpusTags *tags = op_tags(of, -1);
    assert_string_equal(opus_tags_query(tags, "CHAPTER001NAME", 0),
                        "Night ferry returns after a winter in dry dock");
    assert_string_equal(opus_tags_query(tags, "CHAPTER002NAME", 0),
                        "Lifeboat crew rescues two kayakers off Gull Point");
    assert_null(opus_tags_query(tags, "CHAPTER003NAME", 0));
    op_free(of);

    /* a broken feed fails cleanly, naming the line */
    const char *broken = "<rss><channel><item><title>One</title>\n<description>x</descr>"
                         "</item></channel></rss>";
    tu_write_file(tu_path(1, dir, "broken.xml"), broken, strlen(broken));
    snprintf(args, sizeof args, "make '%s' -o '%s'", tu_path(1, dir, "broken.xml"),
             tu_path(2, dir, "broken.opus"));
    assert_int_equal(briefcast(args), 1);
    err = errors();
    assert_int_equal(count_lines(err), 1);
    assert_non_null(strstr(err, "broken.xml: malformed feed: line 2, column"));
    free(err);
    assert_false(tu_exists(tu_path(2, dir, "broken.opus")));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_make, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_inputs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_inspect_bad_inputs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_usage_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_inspect, setup, teardown),
        cmocka_unit_test_setup_teardown(test_normalize, setup, teardown),
        cmocka_unit_test_setup_teardown(test_html_page, setup, teardown),
        cmocka_unit_test_setup_teardown(test_feed, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
