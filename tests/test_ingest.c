/* Unit tests of ingest: plain-text articles and the checks on bad input. */
#include "testutil.h"

#include "briefcast/ingest.h"

static int ingest(const char *text, size_t size, bc_article_list **out)
{
    return bc_ingest(text, size, NULL, out);
}

static void test_headline_and_paragraphs(void **state)
{
    (void)state;
    const char *text = "Bridge to close\n\nFirst paragraph, line one\nand line two.\n\n"
                       "Second paragraph.\n";
    bc_article_list *list = NULL;
    assert_int_equal(ingest(text, strlen(text), &list), 0);
    assert_int_equal(list->count, 1);
    const bc_article *a = &list->articles[0];
    assert_string_equal(a->title, "Bridge to close");
    assert_int_equal(a->title_offset, 0);
    assert_int_equal(a->paragraph_count, 2);
    /* a line break inside a paragraph becomes a space, offsets unchanged */
    assert_string_equal(a->paragraphs[0].text, "First paragraph, line one and line two.");
    assert_memory_equal(text + a->paragraphs[0].offset, "First paragraph, line one",
                        strlen("First paragraph, line one"));
    assert_string_equal(a->paragraphs[1].text, "Second paragraph.");
    assert_memory_equal(text + a->paragraphs[1].offset, "Second paragraph.", 17);
    assert_null(a->source);
    bc_article_list_free(list);
}

static void test_no_headline(void **state)
{
    (void)state;
    /* a first line that ends a sentence is body text, not a headline */
    const char *text = "This is a sentence.\n\nAnother one.";
    bc_article_list *list = NULL;
    assert_int_equal(ingest(text, strlen(text), &list), 0);
    assert_null(list->articles[0].title);
    assert_int_equal(list->articles[0].paragraph_count, 2);
    bc_article_list_free(list);

    /* one paragraph, no line breaks at all (a CNN-style body) */
    text = "One. Two. Three.";
    assert_int_equal(ingest(text, strlen(text), &list), 0);
    assert_null(list->articles[0].title);
    assert_int_equal(list->articles[0].paragraph_count, 1);
    bc_article_list_free(list);
}

static void test_lines_without_blank_lines(void **state)
{
    (void)state;
    const char *text = "Line one is a paragraph.\r\nLine two is another.\r\n";
    bc_article_list *list = NULL;
    assert_int_equal(ingest(text, strlen(text), &list), 0);
    assert_int_equal(list->articles[0].paragraph_count, 2);
    assert_string_equal(list->articles[0].paragraphs[1].text, "Line two is another.");
    bc_article_list_free(list);
}

static void test_byte_order_mark(void **state)
{
    (void)state;
    const char *text = "\xEF\xBB\xBFHeadline\n\nBody text.";
    bc_article_list *list = NULL;
    assert_int_equal(ingest(text, strlen(text), &list), 0);
    assert_string_equal(list->articles[0].title, "Headline");
    assert_int_equal(list->articles[0].title_offset, 3);
    bc_article_list_free(list);
}

static void test_bad_input(void **state)
{
    (void)state;
    bc_article_list *list = (bc_article_list *)0x1; /* must stay untouched */
    assert_int_equal(ingest("", 0, &list), BC_EEMPTY);
    assert_int_equal(ingest(" \n\t\r\n ", 6, &list), BC_EEMPTY);
    assert_int_equal(ingest("abc\0def", 7, &list), BC_EBINARY);
    assert_int_equal(ingest("\x01\x02\x03\x04xyz", 7, &list), BC_EBINARY);
    assert_int_equal(ingest("caf\xE9 au lait", 12, &list), BC_EUTF8);
    assert_int_equal(ingest("\xFF\xFEh\0i\0", 6, &list), BC_EUTF8);
    assert_int_equal(ingest("\xFF\xFEhi", 4, &list), BC_EUTF8);
    assert_int_equal(bc_ingest(NULL, 3, NULL, &list), BC_EINVAL);
    assert_ptr_equal(list, (bc_article_list *)0x1);

    bc_ingest_settings s;
    bc_ingest_default_settings(&s);
    s.max_input_bytes = 4;
    assert_int_equal(bc_ingest("Hello world", 11, &s, &list), BC_ETOOBIG);
    assert_ptr_equal(list, (bc_article_list *)0x1);
}

static char last_message[512];

static void remember(void *user_data, enum bc_log_level level, const char *message)
{
    (void)user_data;
    if (level == BC_LOG_ERROR)
        snprintf(last_message, sizeof last_message, "%s", message);
}

static void test_error_names_the_offset(void **state)
{
    (void)state;
    bc_ingest_settings s;
    bc_ingest_default_settings(&s);
    s.logger = (bc_logger){remember, NULL};
    bc_article_list *list = NULL;
    assert_int_equal(bc_ingest("Title\n\nabc\xC3(", 12, &s, &list), BC_EUTF8);
    assert_non_null(strstr(last_message, "offset 10"));
}

static void test_detect_format(void **state)
{
    (void)state;
    assert_int_equal(bc_detect_format("Plain words", 11), BC_FORMAT_TEXT);
    const char *html = "<!DOCTYPE html><html><body><p>x</p></body></html>";
    assert_int_equal(bc_detect_format(html, strlen(html)), BC_FORMAT_HTML);
    const char *rss = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel></channel></rss>";
    assert_int_equal(bc_detect_format(rss, strlen(rss)), BC_FORMAT_FEED);
    const char *atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>";
    assert_int_equal(bc_detect_format(atom, strlen(atom)), BC_FORMAT_FEED);
    assert_int_equal(bc_detect_format("<3 is a heart", 13), BC_FORMAT_TEXT);
}

static void test_large_input(void **state)
{
    (void)state;
    /* 8 MiB of paragraphs reads in one pass */
    const char *para = "The council met on Tuesday and approved the plan.\n\n";
    size_t n = strlen(para), count = (8u << 20) / n;
    char *text = malloc(n * count);
    assert_non_null(text);
    for (size_t i = 0; i < count; i++)
        memcpy(text + i * n, para, n);
    bc_article_list *list = NULL;
    assert_int_equal(ingest(text, n * count, &list), 0);
    assert_int_equal(list->articles[0].paragraph_count, count);
    bc_article_list_free(list);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_headline_and_paragraphs),
        cmocka_unit_test(test_no_headline),
        cmocka_unit_test(test_lines_without_blank_lines),
        cmocka_unit_test(test_byte_order_mark),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_error_names_the_offset),
        cmocka_unit_test(test_detect_format),
        cmocka_unit_test(test_large_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
