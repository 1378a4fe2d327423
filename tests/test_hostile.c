/* Hostile input through the program: huge inputs, a one-megabyte
 * sentence, text with no sentences, only quotes, unbalanced quotes,
 * right-to-left and CJK scripts, emoji and control characters, NUL bytes, a
 * feed of 10,000 items and HTML nested 100,000 deep. Each gives a correct
 * result or a clear one-line error, within a time limit and a bound on
 * memory. */
#define E2E_OWN_BRIEFCAST
#include "e2e.h"

#include <sys/resource.h>

/* The time limit of one run: 60 s, and four times that in a sanitizer
 * build (which runs several times slower, on a machine that may be busy). */
#ifdef BC_SANITIZED
#define TIME_LIMIT_S 240
#else
#define TIME_LIMIT_S 60
#endif

/* Runs `briefcast ARGS` on dir/input under the time limit; returns the exit
 * status (124: timed out). */
static int briefcast(const char *args)
{
    char command[4096];
    snprintf(command, sizeof command, "timeout %d '%s' %s '%s/input'", TIME_LIMIT_S,
             BC_BRIEFCAST, args, dir);
    return tu_run(command, tu_path(6, dir, "out.txt"), tu_path(7, dir, "err.txt"));
}

static void write_input(const char *data, size_t size)
{
    tu_write_file(tu_path(0, dir, "input"), data, size);
}

/* The largest resident size of any program run so far, in MiB. */
static long peak_mib(void)
{
    struct rusage usage;
    getrusage(RUSAGE_CHILDREN, &usage);
    return usage.ru_maxrss / 1024;
}

/* A command either succeeds or fails with one line on stderr. */
static void expect_clean(int status)
{
    assert_int_not_equal(status, 124); /* finished in time */
    assert_true(status == 0 || status == 1);
    if (status == 1) {
        char *err = errors();
        assert_int_equal(count_lines(err), 1);
        free(err);
    }
}

static void test_huge_input(void **state)
{
    (void)state;
    /* 100 MB of paragraphs */
    const char *para = "The council met on Tuesday and approved the plan for the harbour. "
                       "Work will start in March, officials said.\n\n";
    size_t n = strlen(para), count = (100u << 20) / n;
    FILE *f = fopen(tu_path(0, dir, "input"), "wb");
    fputs("A very long day\n\n", f);
    for (size_t i = 0; i < count; i++)
        fwrite(para, 1, n, f);
    fclose(f);
    assert_int_equal(briefcast("sentences"), 0);
    char command[1024];
    snprintf(command, sizeof command, "wc -l < '%s/out.txt'", dir);
    FILE *p = popen(command, "r");
    size_t lines = 0;
    assert_int_equal(fscanf(p, "%zu", &lines), 1);
    pclose(p);
    assert_int_equal(lines, 2 * count);
    /* memory stays within a few times the input */
    assert_true(peak_mib() < 1200);
    /* over a limit: a clear error */
    assert_int_equal(briefcast("text --max-input-bytes 10000000"), 1);
    char *err = errors();
    assert_non_null(strstr(err, "larger than the limit"));
    free(err);
    assert_int_equal(briefcast("summarize --words 50"), 0);
}

static void test_one_megabyte_sentence(void **state)
{
    (void)state;
    size_t size = 1 << 20;
    char *text = malloc(size + 32);
    strcpy(text, "Title\n\n");
    size_t at = strlen(text);
    while (at < size) {
        memcpy(text + at, "and then ", 9);
        at += 9;
    }
    memcpy(text + at, "it ended.\n", 10);
    write_input(text, at + 10);
    free(text);
    assert_int_equal(briefcast("sentences"), 0);
    char *out = output();
    assert_int_equal(count_lines(out), 1);
    free(out);
    expect_clean(briefcast("summarize"));
    expect_clean(briefcast("quotes"));
    expect_clean(briefcast("plan"));
}

static void test_no_sentences_and_only_quotes(void **state)
{
    (void)state;
    const char *punctuation = "... !!! ??? --- ;;; ,,,\n\n* * *\n";
    write_input(punctuation, strlen(punctuation));
    expect_clean(briefcast("sentences"));
    expect_clean(briefcast("plan"));

    const char *quotes = "\xE2\x80\x9CWe will rebuild,\xE2\x80\x9D \xE2\x80\x9CWe must.\xE2\x80\x9D\n\n"
                         "\"Never again.\" \"Not here.\" \"Not now.\"\n";
    write_input(quotes, strlen(quotes));
    assert_int_equal(briefcast("quotes"), 0);
    char *out = output();
    assert_true(count_lines(out) >= 2);
    free(out);
    expect_clean(briefcast("plan"));

    /* unbalanced quotes must not swallow the article or take long */
    size_t size = 200000;
    char *text = malloc(size);
    static const char pattern[] = "\"a \xE2\x80\x9C b ' c. ";
    for (size_t i = 0; i < size; i++)
        text[i] = pattern[i % (sizeof pattern - 1)];
    text[size - 1] = '\n';
    write_input(text, size);
    free(text);
    expect_clean(briefcast("quotes"));
    expect_clean(briefcast("summarize"));
}

static void test_scripts_emoji_controls(void **state)
{
    (void)state;
    const char *text =
        "World news \xF0\x9F\x8C\x8D\n\n"
        "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85 \xD9\x83\xD8\xA8\xD9\x8A\xD8\xB1. "
        "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D.\n\n"
        "\xE5\xB8\x82\xE8\xAE\xAE\xE4\xBC\x9A\xE6\x89\xB9\xE5\x87\x86\xE4\xBA\x86\xE8\xAE\xA1"
        "\xE5\x88\x92\xE3\x80\x82\xE5\xB7\xA5\xE4\xBD\x9C\xE4\xB8\x89\xE6\x9C\x88\xE5\xBC\x80"
        "\xE5\xA7\x8B\xE3\x80\x82\n\n"
        "The fans cheered \xF0\x9F\x8E\x89\xF0\x9F\x91\x8F\xF0\x9F\x8F\xBD and sang. "
        "A zero\xE2\x80\x8Bwidth space and a bell\x07 and an escape\x1B[31m here.\n";
    write_input(text, strlen(text));
    expect_clean(briefcast("sentences"));
    expect_clean(briefcast("quotes"));
    char args[1024];
    snprintf(args, sizeof args, "make --no-jingle --words 40 -o '%s/out.opus'", dir);
    assert_int_equal(briefcast(args), 0);
    assert_true(tu_exists(tu_path(1, dir, "out.opus")));
    /* NUL bytes: binary, refused with the offset */
    write_input("Title\n\nText\0more", 16);
    assert_int_equal(briefcast("text"), 1);
    char *err = errors();
    assert_non_null(strstr(err, "NUL byte at offset 11"));
    free(err);
}

static void test_big_feed_and_deep_html(void **state)
{
    (void)state;
    FILE *f = fopen(tu_path(0, dir, "input"), "wb");
    fputs("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Many</title>", f);
    for (int i = 0; i < 10000; i++)
        fprintf(f, "<item><title>Item %d</title><description>Story number %d was "
                   "reported today by the council.</description></item>", i, i);
    fputs("</channel></rss>\n", f);
    fclose(f);
    assert_int_equal(briefcast("text"), 0);
    char *out = output();
    assert_non_null(strstr(out, "Story number 9999 was reported"));
    free(out);

    f = fopen(tu_path(0, dir, "input"), "wb");
    fputs("<!DOCTYPE html><html><body>", f);
    for (int i = 0; i < 100000; i++)
        fputs("<div>", f);
    fputs("<p>The deepest paragraph of all, reached at last by the reader.</p>", f);
    for (int i = 0; i < 100000; i++)
        fputs("</div>", f);
    fputs("</body></html>\n", f);
    fclose(f);
    expect_clean(briefcast("text"));
    assert_true(peak_mib() < 1200);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_huge_input, setup, teardown),
        cmocka_unit_test_setup_teardown(test_one_megabyte_sentence, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_sentences_and_only_quotes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_scripts_emoji_controls, setup, teardown),
        cmocka_unit_test_setup_teardown(test_big_feed_and_deep_html, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
