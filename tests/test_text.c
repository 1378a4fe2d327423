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

#define IS_BOILERPLATE(text) bci_is_boilerplate(text, strlen(text))

static void test_boilerplate(void **state)
{
    (void)state;
    const char *notice = "We use your sign-up to provide content in ways "
                         "you\xE2\x80\x99ve consented to. You can unsubscribe at any time. "
                         "More info";
    assert_true(IS_BOILERPLATE(notice));
    assert_true(IS_BOILERPLATE("Source: Read Full Article"));
    assert_true(IS_BOILERPLATE("Ukraine: Russian tanks drive in cities near border"));
    /* notices, labels and links */
    assert_true(IS_BOILERPLATE("Sign up to our daily newsletter for the top stories."));
    assert_true(IS_BOILERPLATE("Advertisement"));
    assert_true(IS_BOILERPLATE("ADVERTISEMENT"));
    assert_true(IS_BOILERPLATE("Share this article"));
    assert_true(IS_BOILERPLATE("Follow us on Twitter and Instagram"));
    assert_true(IS_BOILERPLATE("More info"));
    assert_true(IS_BOILERPLATE("Read more: Talks stall as deadline nears"));
    assert_true(IS_BOILERPLATE("By clicking Accept you consent to our privacy policy."));
    assert_true(IS_BOILERPLATE("Copyright \xC2\xA9 2022 Harbour Press. All rights reserved."));
    assert_true(IS_BOILERPLATE("\xC2\xA9 Harbour Press 2022"));
    assert_true(IS_BOILERPLATE("Reporting by Ana Lima; Editing by Tom Reed"));
    /* bylines */
    assert_true(IS_BOILERPLATE("By Jane Smith"));
    assert_true(IS_BOILERPLATE("By Jane Smith, Political Editor"));
    assert_true(IS_BOILERPLATE("By JANE SMITH and Omar Farouk"));
    assert_true(IS_BOILERPLATE("By Ursula von der Berg | Published 16 February 2022"));
    /* credits and captions */
    assert_true(IS_BOILERPLATE("(Getty Images)"));
    assert_true(IS_BOILERPLATE("Photo: Kai Berg / Reuters"));
    assert_true(IS_BOILERPLATE("Jens Stoltenberg spoke to reporters in Brussels (Image: GETTY)"));
    assert_true(IS_BOILERPLATE("Crowds outside the court. (Photo: AP)"));
    assert_true(IS_BOILERPLATE("Firefighters at the scene/AFP via Getty Images"));
    /* datelines and labels on a line of their own */
    assert_true(IS_BOILERPLATE("Sunday, 27 February 2022"));
    assert_true(IS_BOILERPLATE("Published: 10:42 GMT, 16 February 2022"));
    assert_true(IS_BOILERPLATE("LONDON (Reuters) -"));
    assert_true(IS_BOILERPLATE("Most read"));
    assert_true(IS_BOILERPLATE("Harbour Bridge Reopens After Storm Repairs"));

    /* news, even short or with trigger words, stays */
    const char *news[] = {
        "NATO ministers of defence will meet over the next two days.",
        "He added the joint pursuit of diplomacy is \xE2\x80\x9C" "continuing to work\xE2\x80\x9D.",
        "By Tuesday, the deal was done.",
        "By far the largest group were students.",
        "The advertisement was banned by the regulator.",
        "Copyright law is changing across Europe.",
        "More information will be published next week.",
        "The BBC News website takes a look at games. You can skip to the reviews by "
        "clicking on the links below.",
        "Source code for the app was leaked on Monday.",
        "The agency said the photo was genuine.",
        "The firm changed its privacy policy last year.",
        "Yes.",
        "- Lower taxes for small firms",
        "2. Check the oil",
        "Japanese brewers are increasingly making money from beer-flavoured drinks rather "
        "than beer itself",
        "Halo 2 is out on 9 November in the US and 11 November in the UK",
        "On Tuesday,",
        "Arsenal v Stoke",
    };
    for (size_t i = 0; i < sizeof news / sizeof *news; i++) {
        if (IS_BOILERPLATE(news[i]))
            print_message("taken for boilerplate: %s\n", news[i]);
        assert_false(IS_BOILERPLATE(news[i]));
    }
    assert_true(bci_is_list_item("1) one", 6));
    assert_true(bci_is_list_item("\xE2\x80\xA2 one", 7));
    assert_false(bci_is_list_item("2021 was hard", 13));
    assert_false(bci_is_list_item("-", 1));
    assert_int_equal(bci_classify_paragraph("", 0), BCI_PARAGRAPH_BOILERPLATE);
    assert_int_equal(bci_classify_paragraph("   ", 3), BCI_PARAGRAPH_BOILERPLATE);
}

/* Builds the doc of `text` and returns its paragraphs joined by "|". */
static char *kept_paragraphs(const char *text)
{
    bc_article_list *list = NULL;
    assert_int_equal(bc_ingest(text, strlen(text), NULL, &list), 0);
    bc_doc *doc = NULL;
    int rc = bc_doc_build(&list->articles[0], NULL, &doc);
    char *joined = calloc(strlen(text) + 2, 1);
    assert_non_null(joined);
    if (rc == 0) {
        for (size_t i = 0; i < doc->paragraph_count; i++) {
            if (i)
                strcat(joined, "|");
            strncat(joined, doc->paragraphs[i].text, doc->paragraphs[i].length);
        }
    }
    bc_doc_free(doc);
    bc_article_list_free(list);
    return joined;
}

#define EXPECT_KEPT(text, expected)                                                         \
    do {                                                                                    \
        char *kept_ = kept_paragraphs(text);                                                \
        assert_string_equal(kept_, expected);                                               \
        free(kept_);                                                                        \
    } while (0)

static void test_boilerplate_context(void **state)
{
    (void)state;
    /* a sentence-case line next to a notice is a related headline */
    EXPECT_KEPT("Title\n\nTanks seen near the border town\n\nWe use cookies to improve this "
                "site.\n\nTalks went on. Nobody left.\n",
                "Talks went on. Nobody left.");
    /* the same line alone between paragraphs is a standfirst and stays */
    EXPECT_KEPT("Title\n\nTanks seen near the border town\n\nTalks went on.\n",
                "Tanks seen near the border town|Talks went on.");
    /* the lead-in of a list stays, and so do its items */
    EXPECT_KEPT("Title\n\nThe plan would\n - cut taxes\n - build homes\n\nIt passed.\n",
                "The plan would|- cut taxes|- build homes|It passed.");
    /* pieces of a broken sentence stay */
    EXPECT_KEPT("Title\n\nYork won 2-0. In the other game Leeds'\n\nbeat\n\nHull 3-2 on Sunday.\n",
                "York won 2-0. In the other game Leeds'|beat|Hull 3-2 on Sunday.");
    /* title-case lines, bylines and credits between paragraphs go */
    EXPECT_KEPT("Title\n\nBy Jane Smith\n\nThe vote passed.\n\nOpposition Vows To Fight "
                "On\n\n(Getty Images)\n\nTurnout was high.\n\nShare this article\n",
                "The vote passed.|Turnout was high.");
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

/* skip_quotes: the same paragraphs and sentences, no quotes. */
static void test_doc_without_quotes(void **state)
{
    (void)state;
    const char *text = "Council backs plan\n\n\"We will build it,\" said Mayor Ana Reyes. "
                       "Work starts in May.\n\nShe added: \"It is time.\"\n";
    bc_article_list *list = NULL;
    assert_int_equal(bc_ingest(text, strlen(text), NULL, &list), 0);
    bc_doc *with = NULL, *without = NULL;
    assert_int_equal(bc_doc_build(&list->articles[0], NULL, &with), 0);
    bc_text_settings s;
    bc_text_default_settings(&s);
    assert_false(s.skip_quotes);
    s.skip_quotes = true;
    assert_int_equal(bc_doc_build(&list->articles[0], &s, &without), 0);
    assert_int_equal(with->quote_count, 2);
    assert_int_equal(without->quote_count, 0);
    assert_null(without->quotes);
    assert_int_equal(without->paragraph_count, with->paragraph_count);
    assert_int_equal(without->sentence_count, with->sentence_count);
    assert_memory_equal(without->sentences, with->sentences,
                        with->sentence_count * sizeof *with->sentences);
    bc_doc_free(with);
    bc_doc_free(without);
    bc_article_list_free(list);
}

/* Paragraphs from a web page (no input offsets) were chosen by the page
 * extractor: its headings and list items stay, real notices still go; and
 * text in scripts without spaces counts its characters as words. */
static void test_markup_paragraphs(void **state)
{
    (void)state;
    bc_paragraph paragraphs[] = {
        {"The council approved the plan on Tuesday after a long debate.", 62, BC_NO_OFFSET},
        {"What happens next", 17, BC_NO_OFFSET},
        {"Work starts in March and ends in June.", 38, BC_NO_OFFSET},
        {"Sign up to our newsletter", 25, BC_NO_OFFSET},
        {"\xE5\xB8\x82\xE8\xAE\xAE\xE4\xBC\x9A\xE5\x91\xA8\xE4\xBA\x8C\xE6\x89\xB9"
         "\xE5\x87\x86\xE4\xBA\x86\xE8\xAE\xA1\xE5\x88\x92\xE3\x80\x82", 33, BC_NO_OFFSET},
    };
    bc_article article = {.title = "Plan approved", .title_offset = BC_NO_OFFSET,
                          .paragraphs = paragraphs, .paragraph_count = 5};
    bc_doc *doc = NULL;
    assert_int_equal(bc_doc_build(&article, NULL, &doc), 0);
    assert_int_equal(doc->paragraph_count, 4);
    assert_string_equal(doc->paragraphs[1].text, "What happens next");
    assert_string_equal(doc->paragraphs[3].text, paragraphs[4].text);
    bc_doc_free(doc);

    /* the same heading in plain text between news paragraphs is judged by
     * its neighbours as before */
    for (size_t i = 0; i < 5; i++)
        paragraphs[i].offset = i * 100;
    assert_int_equal(bc_doc_build(&article, NULL, &doc), 0);
    bool heading_kept = false;
    for (size_t i = 0; i < doc->paragraph_count; i++)
        heading_kept |= strcmp(doc->paragraphs[i].text, "What happens next") == 0;
    assert_false(heading_kept);
    bool cjk_kept = false;
    for (size_t i = 0; i < doc->paragraph_count; i++)
        cjk_kept |= doc->paragraphs[i].text == paragraphs[4].text;
    assert_true(cjk_kept);
    bc_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_split_basic),
        cmocka_unit_test(test_split_abbreviations),
        cmocka_unit_test(test_split_quotes),
        cmocka_unit_test(test_boilerplate),
        cmocka_unit_test(test_boilerplate_context),
        cmocka_unit_test(test_doc),
        cmocka_unit_test(test_doc_without_quotes),
        cmocka_unit_test(test_markup_paragraphs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
