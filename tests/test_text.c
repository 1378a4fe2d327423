/* Unit tests of the text stage: sentence splitting, boilerplate, the doc. */
#include "testutil.h"

#include "briefcast/ingest.h"
#include "briefcast/text.h"
#include "text/text_internal.h"

/* Splits `text` and checks the sentences against the NULL-terminated list. */
static void expect_split(const char *text, const char *const *expected)
{
    size_t *bounds = NULL, count = 0;
    assert_int_equal(bc_split_sentences(text, strlen(text), &bounds, &count), 0);
    size_t n = 0;
    while (expected[n])
        n++;
    if (count != n) {
        for (size_t i = 0; i < count; i++)
            print_message("  got [%.*s]\n", (int)(bounds[2 * i + 1] - bounds[2 * i]),
                          text + bounds[2 * i]);
    }
    assert_int_equal(count, n);
    for (size_t i = 0; i < n; i++) {
        size_t length = bounds[2 * i + 1] - bounds[2 * i];
        assert_int_equal(length, strlen(expected[i]));
        assert_memory_equal(text + bounds[2 * i], expected[i], length);
    }
    free(bounds);
}

static void test_split_basic(void **state)
{
    (void)state;
    expect_split("One thing. Another thing! A third? Yes.",
                 (const char *[]){"One thing.", "Another thing!", "A third?", "Yes.", NULL});
    expect_split("", (const char *[]){NULL});
    expect_split("   ", (const char *[]){NULL});
    expect_split("No final stop", (const char *[]){"No final stop", NULL});
}

static void test_split_abbreviations(void **state)
{
    (void)state;
    expect_split("Mr. Smith met Dr. Jones at 3 p.m. on Feb. 16. They talked.",
                 (const char *[]){"Mr. Smith met Dr. Jones at 3 p.m. on Feb. 16.", "They talked.",
                                  NULL});
    expect_split("The U.S. economy grew. It grew fast.",
                 (const char *[]){"The U.S. economy grew.", "It grew fast.", NULL});
    expect_split("He moved to the U.S. The move was hard.",
                 (const char *[]){"He moved to the U.S.", "The move was hard.", NULL});
    expect_split("J. K. Rowling wrote it. She is rich.",
                 (const char *[]){"J. K. Rowling wrote it.", "She is rich.", NULL});
    expect_split("Shares rose 2.5% to $11.1bn. Sales fell.",
                 (const char *[]){"Shares rose 2.5% to $11.1bn.", "Sales fell.", NULL});
    expect_split("Gen. Smith and No. 10 agreed.",
                 (const char *[]){"Gen. Smith and No. 10 agreed.", NULL});
}

static void test_split_quotes(void **state)
{
    (void)state;
    expect_split("He said: \xE2\x80\x9CWe are ready. We will act.\xE2\x80\x9D Then he left.",
                 (const char *[]){"He said: \xE2\x80\x9CWe are ready.",
                                  "We will act.\xE2\x80\x9D", "Then he left.", NULL});
    expect_split("\"Is it over?\" she asked. \"Yes.\"",
                 (const char *[]){"\"Is it over?\" she asked.", "\"Yes.\"", NULL});
    expect_split("Visit example.com today. Or e-mail info@example.org.",
                 (const char *[]){"Visit example.com today.", "Or e-mail info@example.org.", NULL});
}

static void test_boilerplate(void **state)
{
    (void)state;
    const char *notice = "We use your sign-up to provide content in ways you\xE2\x80\x99ve consented "
                         "to. You can unsubscribe at any time. More info";
    assert_true(bci_is_boilerplate(notice, strlen(notice)));
    assert_true(bci_is_boilerplate("Source: Read Full Article", 25));
    assert_true(bci_is_boilerplate("Ukraine: Russian tanks drive in cities near border", 50));
    const char *news = "NATO ministers of defence will meet over the next two days.";
    assert_false(bci_is_boilerplate(news, strlen(news)));
}

static void test_doc(void **state)
{
    (void)state;
    const char *text = "Headline here\n\nRelated: other story\n\nFirst sentence. Second one.\n\n"
                       "Third sentence.\n\nSource: Read Full Article\n";
    bc_article_list *list = NULL;
    assert_int_equal(bc_ingest(text, strlen(text), NULL, &list), 0);
    bc_doc *doc = NULL;
    assert_int_equal(bc_doc_build(&list->articles[0], NULL, &doc), 0);
    assert_int_equal(doc->paragraph_count, 2);
    assert_int_equal(doc->sentence_count, 3);
    size_t length;
    const char *s = bc_doc_sentence(doc, 1, &length);
    assert_int_equal(length, strlen("Second one."));
    assert_memory_equal(s, "Second one.", length);
    /* offsets map back to the input */
    size_t offset = bc_doc_sentence_offset(doc, 2);
    assert_memory_equal(text + offset, "Third sentence.", 15);
    assert_null(bc_doc_sentence(doc, 3, &length));
    assert_int_equal(length, 0);
    bc_doc_free(doc);

    /* only boilerplate: nothing to read */
    bc_article_list_free(list);
    text = "Source: Read Full Article\n";
    assert_int_equal(bc_ingest(text, strlen(text), NULL, &list), 0);
    assert_int_equal(bc_doc_build(&list->articles[0], NULL, &doc), BC_EEMPTY);
    bc_article_list_free(list);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_split_basic),
        cmocka_unit_test(test_split_abbreviations),
        cmocka_unit_test(test_split_quotes),
        cmocka_unit_test(test_boilerplate),
        cmocka_unit_test(test_doc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
