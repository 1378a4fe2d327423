/* End-to-end test on the project's seed article (../shared/data/seed), which
 * carries three kinds of web boilerplate: a related headline, a sign-up
 * notice and a "Source: Read Full Article" line. None may reach the cleaned
 * text, the sentences or the summary that the briefing reads; the news
 * around them must. Skipped when ../shared is not beside the repository. */
#include "e2e.h"

#define SEED BC_SOURCE_ROOT "/../shared/data/seed/000_81a89c5fa81b19ad.txt"

/* Runs `briefcast COMMAND SEED` and returns its standard output. */
static char *run(const char *command)
{
    char line[4096];
    snprintf(line, sizeof line, "'%s' %s '%s'", BC_BRIEFCAST, command, SEED);
    const char *out = tu_path(0, dir, "out.txt");
    assert_int_equal(tu_run(line, out, tu_path(1, dir, "err.txt")), 0);
    char *text = tu_read_file(out, NULL);
    assert_non_null(text);
    return text;
}

/* Pieces of the seed's boilerplate; none may be printed. */
static const char *const boilerplate[] = {
    "Russian tanks drive in cities near border",
    "We use your sign-up",
    "unsubscribe",
    "More info",
    "Read Full Article",
    "Source:",
};

static void expect_clean(const char *output)
{
    for (size_t i = 0; i < sizeof boilerplate / sizeof *boilerplate; i++) {
        if (strstr(output, boilerplate[i]))
            print_message("boilerplate printed: %s\n", boilerplate[i]);
        assert_null(strstr(output, boilerplate[i]));
    }
}

static void test_seed(void **state)
{
    (void)state;
    if (!tu_exists(SEED)) {
        print_message("../shared/data is absent: skipping the seed article test\n");
        skip();
    }
    char *text = run("text");
    expect_clean(text);
    /* the headline, the first paragraph and a short last-but-one paragraph */
    assert_non_null(strstr(text, "Nato stands firm on Russia: Nato chief statement in full"));
    assert_non_null(strstr(text, "\n\nWhile Ukraine is not yet a NATO member"));
    assert_non_null(strstr(text, "\n\nHe added the joint pursuit of diplomacy is "
                                 "\xE2\x80\x9C" "continuing to work\xE2\x80\x9D.\n"));
    free(text);

    char *sentences = run("sentences");
    expect_clean(sentences);
    assert_true(count_lines(sentences) >= 50);
    assert_non_null(strstr(sentences, "\nHe said: \xE2\x80\x9CSo far we have not seen any sign "
                                      "of de-escalation on the ground.\n"));
    assert_non_null(strstr(sentences, "\n\xE2\x80\x9C" "Everything is now in place for a new "
                                      "attack.\nBut Russia still has time to step back from "
                                      "the brink.\n"));
    assert_non_null(strstr(sentences, "\nHe added the joint pursuit of diplomacy is "
                                      "\xE2\x80\x9C" "continuing to work\xE2\x80\x9D.\n"));
    free(sentences);

    char *summary = run("summarize --words 150");
    expect_clean(summary);
    assert_true(count_lines(summary) >= 2);
    free(summary);
    char *full = run("summarize --full");
    expect_clean(full);
    free(full);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_seed, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
