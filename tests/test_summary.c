/* Unit tests of sentence selection. */
#include "testutil.h"

#include "briefcast/ingest.h"
#include "briefcast/summary.h"
#include "briefcast/text.h"

static const char article[] =
    "Harbour bridge to close for repairs\n\n"
    "The harbour bridge will close for six weeks while engineers replace its cables. "
    "About 24,000 vehicles cross the bridge every day. "
    "The council said the bridge repairs could not wait. "
    "A ferry will run while the bridge is closed.\n\n"
    "Local shops fear losing trade during the bridge closure. "
    "The weather was mild on Tuesday.\n";

typedef struct fixture {
    bc_article_list *list;
    bc_doc *doc;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_int_equal(bc_ingest(article, strlen(article), NULL, &f->list), 0);
    assert_int_equal(bc_doc_build(&f->list->articles[0], NULL, &f->doc), 0);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    bc_doc_free(f->doc);
    bc_article_list_free(f->list);
    free(f);
    return 0;
}

static size_t selected_words(const bc_doc *doc, const bc_selection *sel)
{
    size_t words = 0;
    for (size_t i = 0; i < sel->count; i++) {
        size_t length;
        const char *s = bc_doc_sentence(doc, sel->sentences[i], &length);
        words += bc_count_words(s, length);
    }
    return words;
}

static void test_budget_and_order(void **state)
{
    fixture *f = *state;
    assert_int_equal(f->doc->sentence_count, 6);
    bc_summary_settings s;
    bc_summary_default_settings(&s);
    s.words = 30;
    bc_selection *sel = NULL;
    assert_int_equal(bc_summarize(f->doc, &s, &sel), 0);
    assert_true(sel->count >= 1);
    assert_true(selected_words(f->doc, sel) <= 30);
    for (size_t i = 1; i < sel->count; i++)
        assert_true(sel->sentences[i - 1] < sel->sentences[i]);
    /* the lead sentence carries the news */
    assert_int_equal(sel->sentences[0], 0);
    /* the off-topic sentence does not make the cut */
    for (size_t i = 0; i < sel->count; i++)
        assert_int_not_equal(sel->sentences[i], 5);
    bc_selection_free(sel);
}

static void test_full_and_seconds(void **state)
{
    fixture *f = *state;
    bc_summary_settings s;
    bc_summary_default_settings(&s);
    s.full = true;
    bc_selection *sel = NULL;
    assert_int_equal(bc_summarize(f->doc, &s, &sel), 0);
    assert_int_equal(sel->count, f->doc->sentence_count);
    bc_selection_free(sel);

    bc_summary_default_settings(&s);
    s.seconds = 12; /* 12 s at 175 words a minute: 35 words */
    assert_int_equal(bc_summary_word_budget(&s), 35);
    s.words = 7;
    assert_int_equal(bc_summary_word_budget(&s), 7);
    /* a budget smaller than any sentence still gives one sentence */
    assert_int_equal(bc_summarize(f->doc, &s, &sel), 0);
    assert_int_equal(sel->count, 1);
    bc_selection_free(sel);
    assert_int_equal(bc_summarize(NULL, &s, &sel), BC_EINVAL);
}

static void test_count_words(void **state)
{
    (void)state;
    assert_int_equal(bc_count_words("", 0), 0);
    assert_int_equal(bc_count_words("one two  three", 14), 3);
    assert_int_equal(bc_count_words("$1.13bn - \xE2\x80\x9Cyes\xE2\x80\x9D", 16), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_budget_and_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_full_and_seconds, setup, teardown),
        cmocka_unit_test(test_count_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
