/* Unit tests of the plain-text reader: line ends, paragraph breaks, lists,
 * headlines and exact offsets. */
#include "testutil.h"

#include "briefcast/ingest.h"
#include "briefcast/text.h"

/* Ingests `size` bytes of `text` as plain text and checks every offset:
 * paragraph byte i is input byte offset + i (a control byte in the input
 * reads as a space). */
static bc_article_list *ingest(const char *text, size_t size)
{
    bc_article_list *list = NULL;
    assert_int_equal(bc_ingest(text, size, NULL, &list), 0);
    assert_int_equal(list->count, 1);
    const bc_article *a = &list->articles[0];
    for (size_t k = 0; k < a->paragraph_count; k++) {
        const bc_paragraph *p = &a->paragraphs[k];
        assert_true(p->offset != BC_NO_OFFSET);
        assert_true(p->offset + p->length <= size);
        assert_int_equal(strlen(p->text), p->length);
        for (size_t i = 0; i < p->length; i++) {
            unsigned char in = (unsigned char)text[p->offset + i];
            if (in < 0x20 || in == 0x7F)
                assert_int_equal(p->text[i], ' ');
            else
                assert_int_equal(p->text[i], (char)in);
        }
        /* trimmed: no ASCII space or NBSP at either end */
        assert_true(p->length > 0);
        assert_false(p->text[0] == ' ' || p->text[p->length - 1] == ' ');
        assert_false(p->length >= 2 && memcmp(p->text + p->length - 2, "\xC2\xA0", 2) == 0);
        assert_false(p->length >= 2 && memcmp(p->text, "\xC2\xA0", 2) == 0);
    }
    /* the title is a copy with white space collapsed; its offset is where
     * it starts */
    if (a->title_offset != BC_NO_OFFSET)
        assert_int_equal(text[a->title_offset], a->title[0]);
    return list;
}

/* Expects the title (NULL: none) and the paragraphs, joined by "|". */
static void expect(const char *text, size_t size, const char *title, const char *paragraphs)
{
    bc_article_list *list = ingest(text, size);
    const bc_article *a = &list->articles[0];
    if (title) {
        assert_non_null(a->title);
        assert_string_equal(a->title, title);
    } else {
        if (a->title)
            print_message("unexpected title [%s]\n", a->title);
        assert_null(a->title);
    }
    char joined[4096] = "";
    for (size_t i = 0; i < a->paragraph_count; i++) {
        if (i)
            strcat(joined, "|");
        strncat(joined, a->paragraphs[i].text, a->paragraphs[i].length);
    }
    assert_string_equal(joined, paragraphs);
    bc_article_list_free(list);
}

#define EXPECT(text, title, paragraphs) expect(text, strlen(text), title, paragraphs)

static void test_bbc_format(void **state)
{
    (void)state;
    EXPECT("Ad sales boost profit\n\nProfits rose 76% to $1.13bn.\n\nThe firm grew.\n",
           "Ad sales boost profit", "Profits rose 76% to $1.13bn.|The firm grew.");
    /* lines of a paragraph are joined */
    EXPECT("Title\n\nOne line\nand the next.\n\nTwo.", "Title", "One line and the next.|Two.");
    /* a first line that ends like a sentence is text */
    EXPECT("It rained.\n\nThen it stopped.", NULL, "It rained.|Then it stopped.");
    EXPECT("It rained\xE2\x80\xA6\n\nThen it stopped.", NULL,
           "It rained\xE2\x80\xA6|Then it stopped.");
    EXPECT("\xE9\x9B\xA8\xE3\x80\x82\n\n\xE6\x99\xB4\xE3\x80\x82", NULL,
           "\xE9\x9B\xA8\xE3\x80\x82|\xE6\x99\xB4\xE3\x80\x82");
    /* leading blank lines before the headline */
    EXPECT("\n\n  \nTitle\n\nBody.", "Title", "Body.");
    /* a headline alone */
    EXPECT("Only a headline\n\n", NULL, "Only a headline");
    /* no blank line at all: one paragraph per line */
    EXPECT("First line.\nSecond line.\nThird line.", NULL, "First line.|Second line.|Third line.");
}

static void test_line_ends(void **state)
{
    (void)state;
    /* CRLF, also inside a paragraph (the CR reads as a space) */
    EXPECT("Title\r\n\r\nOne\r\ntwo.\r\n\r\nThree.\r\n", "Title", "One  two.|Three.");
    /* old Mac line ends */
    EXPECT("Title\r\rOne.\r\rTwo.\r", "Title", "One.|Two.");
    /* a form feed ends a paragraph */
    EXPECT("Title\n\nPage one.\fPage two.", "Title", "Page one.|Page two.");
    /* U+2029 ends a paragraph; U+2028 only a line */
    EXPECT("Title\xE2\x80\xA9One\xE2\x80\xA8two.\xE2\x80\xA9Three.", "Title",
           "One\xE2\x80\xA8two.|Three.");
    /* tabs and NBSP around paragraphs are trimmed; a tab inside reads as a space */
    EXPECT("Title\n\n\t\xC2\xA0One\ttwo.\xC2\xA0\t\n\n\xE3\x80\x80Three.", "Title",
           "One two.|Three.");
    /* lines of only white space are blank */
    EXPECT("Title\n \t\xC2\xA0\nBody one.\n\xE2\x80\x83\nBody two.", "Title",
           "Body one.|Body two.");
}

static void test_lists(void **state)
{
    (void)state;
    EXPECT("Title\n\nHe announced:\n\n- Duty cuts \n - Tax cuts \n - More money\n\nThen he left.",
           "Title", "He announced:|- Duty cuts|- Tax cuts|- More money|Then he left.");
    EXPECT("Title\n\nSteps:\n1. Check the tyres\n2) Check the oil\n\xE2\x80\xA2 Go", "Title",
           "Steps:|1. Check the tyres|2) Check the oil|\xE2\x80\xA2 Go");
    /* a wrapped list item stays whole; a hyphenated word does not start an item */
    EXPECT("Title\n\n- A long item\n  that wraps\n-dash not an item\n\nEnd.", "Title",
           "- A long item   that wraps -dash not an item|End.");
}

static void test_bad_input(void **state)
{
    (void)state;
    bc_article_list *list = NULL;
    assert_int_equal(bc_ingest("", 0, NULL, &list), BC_EEMPTY);
    assert_int_equal(bc_ingest(" \n\t\r\n", 5, NULL, &list), BC_EEMPTY);
    /* Unicode white space only */
    const char *spaces = "\xC2\xA0\xE2\x80\xA8\xE2\x80\xA9\xE3\x80\x80\n";
    assert_int_equal(bc_ingest(spaces, strlen(spaces), NULL, &list), BC_EEMPTY);
    assert_null(list);
    /* punctuation, quotes and emoji are text */
    EXPECT("...", NULL, "...");
    EXPECT("\"\n\n\"", NULL, "\"|\"");
    EXPECT("\xF0\x9F\x8E\x89\n\n\xF0\x9F\x8E\x89 Party.", "\xF0\x9F\x8E\x89",
           "\xF0\x9F\x8E\x89 Party.");
    /* a long line is no headline */
    char line[400];
    memset(line, 'a', sizeof line);
    memcpy(line + sizeof line - 8, "\n\nBody.", 7);
    line[sizeof line - 1] = '\0';
    bc_article_list *l = ingest(line, strlen(line));
    assert_null(l->articles[0].title);
    assert_int_equal(l->articles[0].paragraph_count, 2);
    bc_article_list_free(l);
}

/* Random documents from pieces of line structure and boilerplate: reading
 * and cleaning them keeps offsets exact and never fails but for BC_EEMPTY. */
static void test_random_documents(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "\n", "\n\n", "\r\n", "\r", "\f", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xC2\xA0", " ", "\t",
        "- ", "1. ", "2) ", "\xE2\x80\xA2 ", "By Jane Smith", "(Getty Images)", "Advertisement",
        "Ukraine: tanks seen near border", "We use cookies", "Read more:", "Sunday, 27 February",
        "He said.", "\xE2\x80\x9CGo.\xE2\x80\x9D", "the", "Mr. Lowe", "...", "?", ",", ":",
        "\xE3\x80\x82", "\xF0\x9F\x8E\x89",
    };
    uint64_t seed = 0x2545F4914F6CDD1Dull;
    char text[1024];
    for (int round = 0; round < 5000; round++) {
        size_t length = 0;
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        size_t count = 1 + (size_t)(seed >> 33) % 60;
        for (size_t k = 0; k < count; k++) {
            seed = seed * 6364136223846793005ull + 1442695040888963407ull;
            const char *piece = pieces[(seed >> 33) % (sizeof pieces / sizeof *pieces)];
            size_t n = strlen(piece);
            if (length + n >= sizeof text)
                break;
            memcpy(text + length, piece, n);
            length += n;
        }
        char *exact = malloc(length ? length : 1);
        assert_non_null(exact);
        memcpy(exact, text, length);
        bc_article_list *list = NULL;
        int rc = bc_ingest(exact, length, NULL, &list);
        if (rc == 0) {
            bc_article_list_free(list);
            list = ingest(exact, length); /* checks every offset */
            bc_doc *doc = NULL;
            rc = bc_doc_build(&list->articles[0], NULL, &doc);
            assert_true(rc == 0 || rc == BC_EEMPTY);
            for (size_t i = 0; rc == 0 && i < doc->sentence_count; i++) {
                size_t n, offset = bc_doc_sentence_offset(doc, i);
                const char *sentence = bc_doc_sentence(doc, i, &n);
                assert_true(n > 0 && offset + n <= length);
                for (size_t b = 0; b < n; b++)
                    assert_true(sentence[b] == exact[offset + b] ||
                                ((unsigned char)exact[offset + b] < 0x20 && sentence[b] == ' '));
            }
            bc_doc_free(doc);
            bc_article_list_free(list);
        } else {
            assert_int_equal(rc, BC_EEMPTY);
        }
        free(exact);
    }
}

/* Large inputs with no line breaks, only line breaks, or only blank lines
 * finish quickly: the reader is linear. */
static void test_pathological(void **state)
{
    (void)state;
    size_t size = (size_t)2 << 20; /* 2 MiB: millions of lines */
    char *text = malloc(size);
    assert_non_null(text);
    memset(text, 'x', size);
    bc_article_list *list = ingest(text, size);
    assert_int_equal(list->articles[0].paragraph_count, 1);
    bc_article_list_free(list);

    for (size_t i = 0; i < size; i++)
        text[i] = i % 2 ? '\n' : 'x';
    list = ingest(text, size);
    assert_int_equal(list->articles[0].paragraph_count, size / 2);
    bc_article_list_free(list);

    for (size_t i = 0; i < size; i++)
        text[i] = i % 3 == 0 ? 'x' : '\n';
    list = ingest(text, size);
    bc_doc *doc = NULL;
    assert_int_equal(bc_doc_build(&list->articles[0], NULL, &doc), 0);
    bc_doc_free(doc);
    bc_article_list_free(list);

    memset(text, '\n', size);
    text[size / 2] = 'x';
    list = ingest(text, size);
    assert_int_equal(list->articles[0].paragraph_count + (list->articles[0].title != NULL), 1);
    bc_article_list_free(list);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bbc_format),
        cmocka_unit_test(test_line_ends),
        cmocka_unit_test(test_lists),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_random_documents),
        cmocka_unit_test(test_pathological),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
