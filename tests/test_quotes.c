/* Unit tests of quote finding and speaker attribution: the quote marks
 * (curly, straight, nested, over several paragraphs), what is not a quote
 * (apostrophes, inch marks, titles, markup), the attribution patterns and
 * the names they resolve to, and hostile input. Every article here was
 * written for these tests. */
#include "testutil.h"

#include "briefcast/ingest.h"
#include "briefcast/text.h"
#include "text/quotes_internal.h"

/* An article and its doc, built from plain text. */
typedef struct built {
    bc_article_list *list;
    bc_doc *doc;
    const char *input;
} built;

static built build(const char *input)
{
    built b = {.input = input};
    bc_ingest_settings is;
    bc_ingest_default_settings(&is);
    assert_int_equal(bc_ingest(input, strlen(input), &is, &b.list), 0);
    bc_text_settings ts;
    bc_text_default_settings(&ts);
    ts.keep_boilerplate = true;
    assert_int_equal(bc_doc_build(&b.list->articles[0], &ts, &b.doc), 0);
    return b;
}

static void release(built *b)
{
    bc_doc_free(b->doc);
    bc_article_list_free(b->list);
}

static void dump(const bc_doc *doc)
{
    for (size_t i = 0; i < doc->quote_count; i++) {
        const bc_quote *q = &doc->quotes[i];
        print_message("  quote %zu: [%.*s] speaker=%s partial=%d continued=%d resumes=%d\n", i,
                      (int)(q->end - q->start), doc->paragraphs[q->paragraph].text + q->start,
                      q->speaker ? q->speaker : "(null)", q->partial, q->continued, q->resumes);
    }
}

/* The text of quote `i`, as a new string. */
static char *quote_text(const bc_doc *doc, size_t i)
{
    const bc_quote *q = &doc->quotes[i];
    const char *p = doc->paragraphs[q->paragraph].text;
    char *s = malloc(q->end - q->start + 1);
    assert_non_null(s);
    memcpy(s, p + q->start, q->end - q->start);
    s[q->end - q->start] = '\0';
    return s;
}

/* Finds the quote whose text contains `needle`; fails when there is none. */
static const bc_quote *find(const bc_doc *doc, const char *needle)
{
    for (size_t i = 0; i < doc->quote_count; i++) {
        char *text = quote_text(doc, i);
        bool found = strstr(text, needle) != NULL;
        free(text);
        if (found)
            return &doc->quotes[i];
    }
    print_message("no quote contains [%s]\n", needle);
    dump(doc);
    fail();
    return NULL;
}

/* Checks that the quote containing `needle` has speaker `speaker` (NULL:
 * none) and the given partial flag. */
static void expect(const bc_doc *doc, const char *needle, const char *speaker, bool partial)
{
    const bc_quote *q = find(doc, needle);
    if ((speaker == NULL) != (q->speaker == NULL) ||
        (speaker && strcmp(speaker, q->speaker) != 0) || q->partial != partial) {
        print_message("quote [%s]: expected speaker %s partial %d\n", needle,
                      speaker ? speaker : "(null)", partial);
        dump(doc);
        fail();
    }
}

/* Checks one article: quote i contains needles[i] with speakers[i]. */
static void expect_article(const char *input, size_t count, const char *const *needles,
                           const char *const *speakers)
{
    built b = build(input);
    if (b.doc->quote_count != count) {
        print_message("expected %zu quotes in:\n%s\n", count, input);
        dump(b.doc);
    }
    assert_int_equal(b.doc->quote_count, count);
    for (size_t i = 0; i < count; i++) {
        char *text = quote_text(b.doc, i);
        const char *want = speakers[i];
        const char *got = b.doc->quotes[i].speaker;
        if (!strstr(text, needles[i]) || (want == NULL) != (got == NULL) ||
            (want && strcmp(want, got) != 0)) {
            print_message("quote %zu [%s]: expected [%s] by %s\n", i, text, needles[i],
                          want ? want : "(null)");
            dump(b.doc);
            fail();
        }
        free(text);
    }
    release(&b);
}

#define L(...) ((const char *const[]){__VA_ARGS__})

static void test_attribution_after(void **state)
{
    (void)state;
    expect_article("Ferry strike\n\n"
                   "\xE2\x80\x9CWe will rebuild the pier,\xE2\x80\x9D Anna Lindqvist said.\n\n"
                   "\xE2\x80\x9CThe fund is empty,\xE2\x80\x9D said Peter Novak, the treasurer.\n\n"
                   "\xE2\x80\x9CNot this year,\xE2\x80\x9D Carla Mendes, the head of the union, "
                   "said on Monday.\n\n"
                   "\xE2\x80\x9CPrices will rise,\xE2\x80\x9D Ravi Patel says.\n\n"
                   "\xE2\x80\x9CVote early,\xE2\x80\x9D Jo Park tweeted.\n",
                   5, L("rebuild", "empty", "Not this", "Prices", "Vote"),
                   L("Anna Lindqvist", "Peter Novak", "Carla Mendes", "Ravi Patel", "Jo Park"));
}

static void test_attribution_verbs(void **state)
{
    (void)state;
    expect_article("Port plan\n\n"
                   "Harbour master Olu Adeyemi and the engineer Bea Kowalski spoke at the quay.\n\n"
                   "\"The silt is the problem,\" Ms Kowalski explained. "
                   "\"We dredge every year.\"\n\n"
                   "\"That is not enough,\" Mr Adeyemi insisted.\n\n"
                   "\"Costs will double by 2030,\" warned Ms Kowalski.\n\n"
                   "In his report, Mr Adeyemi wrote: \"The port must grow or die.\"\n\n"
                   "\"We regret the delay,\" the harbour board said in a statement.\n",
                   6, L("silt", "dredge", "not enough", "double", "grow or die", "regret"),
                   L("Bea Kowalski", "Bea Kowalski", "Olu Adeyemi", "Bea Kowalski", "Olu Adeyemi",
                     "the harbour board"));
}

static void test_according_to_and_organisations(void **state)
{
    (void)state;
    built b = build("Rail fares\n\n"
                    "According to Lena Fischer, the fares are \xE2\x80\x9Ctoo high for "
                    "anyone\xE2\x80\x9D.\n\n"
                    "\xE2\x80\x9CThe story is accurate,\xE2\x80\x9D Breitbart News reported.\n\n"
                    "\xE2\x80\x9CWe have no plans,\xE2\x80\x9D the White House said.\n");
    expect(b.doc, "too high", "Lena Fischer", true);
    expect(b.doc, "accurate", "Breitbart News", false);
    expect(b.doc, "no plans", "White House", false);
    release(&b);
}

static void test_pronouns(void **state)
{
    (void)state;
    /* "she" skips the man named since; "He said:" takes the title's man */
    expect_article("School meals\n\n"
                   "Maria Costa met the caterer Tom Hill on Friday.\n\n"
                   "\xE2\x80\x9CWe agreed on a price,\xE2\x80\x9D she told reporters.\n\n"
                   "Mr Haddad, the head teacher, spoke after the vote. He said: "
                   "\xE2\x80\x9CThis is a good day.\xE2\x80\x9D\n\n"
                   "\xE2\x80\x9CI am relieved,\xE2\x80\x9D she added.\n",
                   3, L("price", "good day", "relieved"),
                   L("Maria Costa", "Mr Haddad", "Maria Costa"));
}

static void test_fullest_name(void **state)
{
    (void)state;
    /* a later "Mr Stoltenberg" is the Jens Stoltenberg named before, and a
     * role given in front of his name links "the Nato chief" to him */
    expect_article("Nato meeting\n\n"
                   "Nato Secretary General Jens Stoltenberg arrived in Brussels on Tuesday.\n\n"
                   "Mr Stoltenberg said: \xE2\x80\x9CWe are united.\xE2\x80\x9D\n\n"
                   "\xE2\x80\x9CThe door stays open,\xE2\x80\x9D the Nato chief said.\n",
                   2, L("united", "door"), L("Jens Stoltenberg", "Jens Stoltenberg"));
    /* without a first name anywhere, the titled name is the fullest */
    expect_article("Nato meeting\n\n"
                   "Speaking in Brussels, Mr Stoltenberg addressed journalists.\n\n"
                   "He said: \xE2\x80\x9CWe see no sign of de-escalation.\xE2\x80\x9D\n",
                   1, L("de-escalation"), L("Mr Stoltenberg"));
}

static void test_role_from_next_sentence(void **state)
{
    (void)state;
    /* the minister is introduced by role first, then by name as saying it */
    built b = build("Talks\n\n"
                    "The Ukrainian foreign minister said talks with allies had helped. "
                    "Speaking to reporters, Dmytro Kuleba said they had managed to "
                    "\xE2\x80\x9Cprevent any further escalation\xE2\x80\x9D.\n\n"
                    "He added that diplomacy is \xE2\x80\x9C" "continuing to work\xE2\x80\x9D.\n\n"
                    "\xE2\x80\x9CWe remain ready,\xE2\x80\x9D the foreign minister said.\n");
    expect(b.doc, "escalation", "Dmytro Kuleba", true);
    expect(b.doc, "continuing", "Dmytro Kuleba", true);
    expect(b.doc, "remain ready", "Dmytro Kuleba", false);
    release(&b);
    /* two people with the same role words: no guess beyond what is said */
    b = build("Talks\n\n"
              "\xE2\x80\x9CWe remain ready,\xE2\x80\x9D the foreign minister said.\n");
    expect(b.doc, "remain ready", "the foreign minister", false);
    release(&b);
}

static void test_speaker_from_neighbours(void **state)
{
    (void)state;
    expect_article("Bridge\n\n"
                   "Council leader Maria Okafor said the work could not wait any longer.\n\n"
                   "\xE2\x80\x9CWe have nursed this bridge through three winters.\xE2\x80\x9D\n\n"
                   "Tom Reilly, who chairs the traders, was less sure.\n\n"
                   "\xE2\x80\x9CSix weeks is a long time,\xE2\x80\x9D Mr Reilly said. "
                   "\xE2\x80\x9CWe will lose custom.\xE2\x80\x9D\n",
                   3, L("nursed", "Six weeks", "lose custom"),
                   L("Maria Okafor", "Tom Reilly", "Tom Reilly"));
    built b = build("Bridge\n\n"
                    "\xE2\x80\x9CSix weeks is a long time,\xE2\x80\x9D Mr Reilly said. "
                    "\xE2\x80\x9CWe will lose custom.\xE2\x80\x9D\n");
    assert_false(find(b.doc, "Six weeks")->resumes);
    assert_true(find(b.doc, "lose custom")->resumes);
    release(&b);
}

static void test_multi_paragraph(void **state)
{
    (void)state;
    built b = build("Statement\n\n"
                    "Mr Stoltenberg addressed journalists.\n\n"
                    "He said: \xE2\x80\x9CSo far we have seen no sign of de-escalation.\n\n"
                    "\xE2\x80\x9CRussia has amassed a force.\n\n"
                    "\xE2\x80\x9C" "But there is still time.\xE2\x80\x9D\n\n"
                    "Ministers meet on Thursday.\n");
    assert_int_equal(b.doc->quote_count, 3);
    for (size_t i = 0; i < 3; i++) {
        assert_string_equal(b.doc->quotes[i].speaker, "Mr Stoltenberg");
        assert_int_equal(b.doc->quotes[i].continued, i < 2);
        assert_false(b.doc->quotes[i].partial);
    }
    /* each part ends with its paragraph */
    const bc_quote *first = &b.doc->quotes[0];
    assert_int_equal(first->end, b.doc->paragraphs[first->paragraph].length);
    release(&b);
}

static void test_partial_and_scare_quotes(void **state)
{
    (void)state;
    built b = build("Crisis\n\n"
                    "Mr Stoltenberg addressed journalists in Brussels.\n\n"
                    "He branded the crisis the \xE2\x80\x9Cmost serious\xE2\x80\x9D of its kind in "
                    "Europe for \xE2\x80\x9C" "decades\xE2\x80\x9D.\n\n"
                    "The so-called \xE2\x80\x9C" "experts\xE2\x80\x9D disagreed.\n\n"
                    "Vladimir Putin has gathered a force for an \xE2\x80\x9Cimminent\xE2\x80\x9D "
                    "invasion. Clinton decried the plan for \xE2\x80\x9Cturning its back on "
                    "workers\xE2\x80\x9D.\n");
    expect(b.doc, "most serious", "Mr Stoltenberg", true);
    expect(b.doc, "decades", "Mr Stoltenberg", true);
    expect(b.doc, "experts", NULL, true);
    expect(b.doc, "imminent", NULL, true); /* gathering is not saying */
    expect(b.doc, "turning its back", "Clinton", true);
    /* the clause the partial quote reports */
    const bc_quote *q = find(b.doc, "most serious");
    const char *p = b.doc->paragraphs[q->paragraph].text;
    assert_true(q->content_start < q->start && q->content_end >= q->end);
    assert_true(strncmp(p + q->content_start, "the crisis", 10) == 0);
    release(&b);
}

static void test_nested_quotes(void **state)
{
    (void)state;
    expect_article("Night shift\n\n"
                   "\xE2\x80\x9CHe told me \xE2\x80\x98never again\xE2\x80\x99 and "
                   "left,\xE2\x80\x9D "
                   "Ana Ruiz said.\n\n"
                   "\"She called it 'the worst night' of her life,\" Ben Ode said.\n",
                   2, L("never again", "worst night"), L("Ana Ruiz", "Ben Ode"));
    built b = build("Night shift\n\n"
                    "\xE2\x80\x9CHe told me \xE2\x80\x98never again\xE2\x80\x99 and "
                   "left,\xE2\x80\x9D "
                    "Ana Ruiz said.\n");
    char *text = quote_text(b.doc, 0);
    assert_string_equal(text, "\xE2\x80\x9CHe told me \xE2\x80\x98never again\xE2\x80\x99 and "
                              "left,\xE2\x80\x9D");
    free(text);
    release(&b);
}

static void test_single_and_archive_marks(void **state)
{
    (void)state;
    expect_article("Strike\n\n"
                   "'We will fight on,' Ms Kaur said.\n\n"
                   "''It is over,'' Mr. Reyes said. ''We are told, 'wait,' every year.''\n",
                   3, L("fight on", "It is over", "every year"),
                   L("Ms Kaur", "Mr. Reyes", "Mr. Reyes"));
}

static void test_apostrophes_are_not_quotes(void **state)
{
    (void)state;
    const char *inputs[] = {
        "Music\n\nRussia\xE2\x80\x99s army, the \xE2\x80\x99" "90s, rock \xE2\x80\x99n\xE2\x80\x99 "
        "roll, don\xE2\x80\x99t and the players\xE2\x80\x99 union.\n",
        "Music\n\nIt's the '90s, rock 'n' roll, O'Brien's band and the Jones' car.\n",
        "Music\n\nThe drummers' strike and the singers' union met 'em halfway.\n",
    };
    for (size_t i = 0; i < BCI_ARRAY_LEN(inputs); i++) {
        built b = build(inputs[i]);
        if (b.doc->quote_count)
            dump(b.doc);
        assert_int_equal(b.doc->quote_count, 0);
        release(&b);
    }
    /* a possessive inside a single quotation does not end it */
    built b = build("Union\n\n'The players' union is strong,' Sam Eze said.\n");
    assert_int_equal(b.doc->quote_count, 1);
    expect(b.doc, "is strong", "Sam Eze", false);
    release(&b);
}

static void test_measures_titles_markup(void **state)
{
    (void)state;
    const char *inputs[] = {
        "Team\n\nThe centre is 6' 2\" tall and the pipe is 12\" wide.\n",
        "Charts\n\nHer new song \xE2\x80\x9CGolden Hour\xE2\x80\x9D topped the charts, and the "
        "book \xE2\x80\x9CThe Long Road\xE2\x80\x9D sold out.\n",
        "Show\n\nShe spoke on \xE2\x80\x9CMeet the Press\xE2\x80\x9D and CNN\xE2\x80\x99s "
        "\xE2\x80\x9CState of the Union\xE2\x80\x9D on Sunday.\n",
        "Tweet\n\n<tweet id=\"123\" author=\"someone\">A post.</tweet>\n",
    };
    for (size_t i = 0; i < BCI_ARRAY_LEN(inputs); i++) {
        built b = build(inputs[i]);
        if (b.doc->quote_count)
            dump(b.doc);
        assert_int_equal(b.doc->quote_count, 0);
        release(&b);
    }
}

static void test_unbalanced_and_unknown(void **state)
{
    (void)state;
    /* an unclosed quote ends with its paragraph; the next one is found */
    built b = build("Vote\n\n"
                    "He said \xE2\x80\x9Cthis never closes and goes on.\n\n"
                    "The count is news. \xE2\x80\x9C" "A fair result,\xE2\x80\x9D Tom Ode said.\n\n"
                    "\xE2\x80\x9CNobody knows what happens next.\xE2\x80\x9D\n");
    assert_int_equal(b.doc->quote_count, 3);
    const bc_quote *open = &b.doc->quotes[0];
    assert_int_equal(open->paragraph, 0);
    assert_int_equal(open->end, b.doc->paragraphs[0].length);
    assert_false(open->continued);
    expect(b.doc, "fair result", "Tom Ode", false);
    expect(b.doc, "Nobody knows", "Tom Ode", false); /* the speaker of the paragraph before */
    release(&b);
    b = build("Vote\n\n\xE2\x80\x9CNobody knows what happens next.\xE2\x80\x9D\n");
    expect(b.doc, "Nobody knows", NULL, false);
    assert_int_equal(b.doc->quotes[0].speaker_paragraph, BC_NO_OFFSET);
    release(&b);
}

static void test_offsets_and_fields(void **state)
{
    (void)state;
    const char *input = "Bridge\n\n"
                        "Council leader Maria Okafor spoke.\n\n"
                        "\"We will close it,\" she told reporters.\n";
    built b = build(input);
    assert_int_equal(b.doc->quote_count, 1);
    const bc_quote *q = &b.doc->quotes[0];
    const bc_paragraph *p = &b.doc->paragraphs[q->paragraph];
    assert_true(p->offset != BC_NO_OFFSET);
    assert_memory_equal(input + p->offset + q->start, "\"We will close it,\"", 19);
    assert_int_equal(q->content_start, q->start);
    assert_int_equal(q->content_end, q->end);
    assert_int_equal(q->speaker_gender, BC_GENDER_FEMALE);
    /* the speaker is named by "she" in the quote's own paragraph */
    assert_int_equal(q->speaker_paragraph, q->paragraph);
    assert_memory_equal(p->text + q->speaker_start, "she", 3);
    assert_int_equal(q->speaker_end - q->speaker_start, 3);
    size_t length;
    const char *sentence = bc_doc_sentence(b.doc, q->sentence, &length);
    assert_non_null(sentence);
    assert_true(strncmp(sentence, "\"We will close it,\"", 19) == 0);
    release(&b);
}

static void test_word_lists_sorted(void **state)
{
    (void)state;
    for (int list = 0; list < BCI_LIST_COUNT; list++) {
        size_t count;
        const char *const *words = bci_word_list((bci_list)list, &count);
        assert_non_null(words);
        assert_true(count > 0);
        for (size_t i = 1; i < count; i++) {
            if (strcmp(words[i - 1], words[i]) >= 0)
                print_message("list %d: %s before %s\n", list, words[i - 1], words[i]);
            assert_true(strcmp(words[i - 1], words[i]) < 0);
        }
    }
    assert_true(bci_word_in(BCI_LIST_CUE, "Said", 4));
    assert_true(bci_word_in(BCI_LIST_HONORIFIC, "Mr.", 3));
    assert_false(bci_word_in(BCI_LIST_CUE, "sailed", 6));
    assert_int_equal(bci_word_gender("Mrs", 3), BC_GENDER_FEMALE);
    assert_int_equal(bci_word_gender("Tom", 3), BC_GENDER_MALE);
    assert_int_equal(bci_word_gender("Kuleba", 6), BC_GENDER_UNKNOWN);
}

/* Runs the span finder over `length` bytes directly (any bytes at all). */
static size_t spans_of(const char *text, size_t length)
{
    bc_paragraph p = {text, length, 0};
    bci_span *spans = NULL;
    size_t count = 0;
    assert_int_equal(bci_find_spans(&p, 1, &spans, &count), 0);
    for (size_t i = 0; i < count; i++)
        assert_true(spans[i].start < spans[i].end && spans[i].end <= length);
    free(spans);
    return count;
}

static void test_hostile_input(void **state)
{
    (void)state;
    assert_int_equal(spans_of("", 0), 0);
    assert_int_equal(spans_of("\"", 1), 0);
    assert_int_equal(spans_of("\xE2\x80\x9C", 3), 0);
    assert_int_equal(spans_of("\xE2\x80", 2), 0);                /* a cut mark */
    assert_true(spans_of("\"a\xFF\xFE b\" c", 9) <= 1);           /* invalid UTF-8 */
    /* a megabyte of marks, nesting and apostrophes: fast and bounded */
    size_t n = 1 << 20;
    char *big = malloc(n);
    assert_non_null(big);
    const char pattern[] = "\"a 'b \xE2\x80\x9C" "c s' d\xE2\x80\x99 6\" ";
    for (size_t i = 0; i < n; i++)
        big[i] = pattern[i % (sizeof pattern - 1)];
    spans_of(big, n - 7); /* may end inside a mark */
    /* as an article, through the whole doc: many quotes, no sentences */
    size_t whole = (n - 8) / (sizeof pattern - 1) * (sizeof pattern - 1); /* whole patterns */
    char *article = malloc(whole + 8);
    assert_non_null(article);
    memcpy(article, "Title\n\n", 7);
    memcpy(article + 7, big, whole);
    article[7 + whole] = '\0';
    bc_ingest_settings is;
    bc_ingest_default_settings(&is);
    bc_article_list *list = NULL;
    assert_int_equal(bc_ingest(article, whole + 7, &is, &list), 0);
    free(article);
    bc_doc *doc = NULL;
    assert_int_equal(bc_doc_build(&list->articles[0], NULL, &doc), 0);
    assert_true(doc->quote_count > 1000);
    for (size_t i = 0; i < doc->quote_count; i++)
        assert_true(doc->quotes[i].end <= doc->paragraphs[doc->quotes[i].paragraph].length);
    bc_doc_free(doc);
    bc_article_list_free(list);
    /* plural possessives inside single quotations, each one looking ahead
     * for a closing mark: still one pass (this took seconds once) */
    const char block[] = "\xE2\x80\x98" "a cats\xE2\x80\x99 cats\xE2\x80\x99 cats\xE2\x80\x99 "
                         "cats\xE2\x80\x99 cats\xE2\x80\x99 x\xE2\x80\x99 ";
    size_t blocks = n / (sizeof block - 1);
    for (size_t i = 0; i < blocks; i++)
        memcpy(big + i * (sizeof block - 1), block, sizeof block - 1);
    size_t count = spans_of(big, blocks * (sizeof block - 1));
    assert_int_equal(count, blocks);
    free(big);
}

static void test_many_names(void **state)
{
    (void)state;
    /* thousands of distinct people, each quoted: every quote finds its own */
    bci_buf b = {0};
    assert_int_equal(bci_buf_puts(&b, "Roll call\n\n"), 0);
    for (int i = 0; i < 3000; i++)
        assert_int_equal(bci_buf_printf(&b, "\"Present number %d,\" Delegate Ann Q%dx said.\n\n",
                                        i, i),
                         0);
    built built_doc = build(b.data);
    assert_int_equal(built_doc.doc->quote_count, 3000);
    char name[32];
    snprintf(name, sizeof name, "Ann Q%dx", 2999);
    assert_string_equal(built_doc.doc->quotes[2999].speaker, name);
    release(&built_doc);
    bci_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_attribution_after),
        cmocka_unit_test(test_attribution_verbs),
        cmocka_unit_test(test_according_to_and_organisations),
        cmocka_unit_test(test_pronouns),
        cmocka_unit_test(test_fullest_name),
        cmocka_unit_test(test_role_from_next_sentence),
        cmocka_unit_test(test_speaker_from_neighbours),
        cmocka_unit_test(test_multi_paragraph),
        cmocka_unit_test(test_partial_and_scare_quotes),
        cmocka_unit_test(test_nested_quotes),
        cmocka_unit_test(test_single_and_archive_marks),
        cmocka_unit_test(test_apostrophes_are_not_quotes),
        cmocka_unit_test(test_measures_titles_markup),
        cmocka_unit_test(test_unbalanced_and_unknown),
        cmocka_unit_test(test_offsets_and_fields),
        cmocka_unit_test(test_word_lists_sorted),
        cmocka_unit_test(test_hostile_input),
        cmocka_unit_test(test_many_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
