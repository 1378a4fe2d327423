/* Unit tests of the planner. */
#include "testutil.h"

#include "briefcast/ingest.h"
#include "briefcast/plan.h"
#include "briefcast/summary.h"
#include "briefcast/text.h"

static void test_plan_shape(void **state)
{
    (void)state;
    const char *text = "Bridge to close\n\nThe bridge will close. Traffic will divert.\n\n"
                       "A ferry will run.\n";
    bc_article_list *list = NULL;
    bc_doc *doc = NULL;
    bc_selection *sel = NULL;
    bc_voice_set *voices = NULL;
    const char *dirs[] = {BC_SOURCE_ROOT "/voices"};
    assert_int_equal(bc_ingest(text, strlen(text), NULL, &list), 0);
    assert_int_equal(bc_doc_build(&list->articles[0], NULL, &doc), 0);
    bc_summary_settings ss;
    bc_summary_default_settings(&ss);
    ss.full = true;
    assert_int_equal(bc_summarize(doc, &ss, &sel), 0);
    assert_int_equal(bc_voice_set_load(dirs, 1, NULL, &voices), 0);

    bc_plan_settings ps;
    bc_plan_default_settings(&ps);
    ps.voices = voices;
    ps.title = "Morning news";
    bc_story story = {doc, sel};
    bc_plan *plan = NULL;
    assert_int_equal(bc_plan_build(&story, 1, &ps, &plan), 0);
    assert_string_equal(plan->title, "Morning news");
    /* intro, headline, three sentences, outro */
    assert_int_equal(plan->segment_count, 6);
    const bc_segment *g = plan->segments;
    assert_int_equal(g[0].role, BC_ROLE_INTRO);
    assert_int_equal(g[0].story, -1);
    assert_string_equal(g[0].chapter, "Introduction");
    assert_int_equal(g[1].role, BC_ROLE_HEADLINE);
    assert_string_equal(g[1].text, "Bridge to close");
    assert_string_equal(g[1].chapter, "Bridge to close");
    assert_true(g[1].rate_percent < 100);
    assert_string_equal(g[1].voice, bc_voice_set_first(voices, BC_VOICE_HEADLINE)->name);
    assert_int_equal(g[2].role, BC_ROLE_NARRATION);
    assert_null(g[2].speaker);
    assert_string_equal(g[2].display, "The bridge will close.");
    /* a paragraph ends with a longer pause than a sentence */
    assert_true(g[3].pause_after_ms > g[2].pause_after_ms);
    assert_int_equal(g[5].role, BC_ROLE_OUTRO);
    assert_string_equal(g[5].chapter, "Outro");
    for (size_t i = 2; i < 5; i++) {
        assert_int_equal(g[i].story, 0);
        assert_null(g[i].chapter);
    }
    assert_int_equal(g[5].story, -1);
    bc_plan_free(plan);

    ps.intro = false;
    assert_int_equal(bc_plan_build(&story, 1, &ps, &plan), 0);
    assert_int_equal(plan->segment_count, 4);
    bc_plan_free(plan);

    ps.voices = NULL;
    assert_int_equal(bc_plan_build(&story, 1, &ps, &plan), BC_EINVAL);

    bc_voice_set_free(voices);
    bc_selection_free(sel);
    bc_doc_free(doc);
    bc_article_list_free(list);
}

/* A doc with quotes filled in by hand, as the quote finder would. */
static const char quoted_article[] =
    "Nato chief warns Russia\n\n"
    "Jens Stoltenberg addressed journalists in Brussels.\n\n"
    "He said: \xE2\x80\x9CSo far we have not seen any sign of de-escalation on the ground.\n\n"
    "\xE2\x80\x9CRussia has amassed a fighting force in and around Ukraine.\xE2\x80\x9D\n\n"
    "Dmytro Kuleba, the foreign minister, was more hopeful.\n\n"
    "\xE2\x80\x9C" "Diplomacy is continuing to work,\xE2\x80\x9D Mr Kuleba said.\n\n"
    "Ms Okafor called it \xE2\x80\x9Cmost serious\xE2\x80\x9D of its kind.\n";

/* Adds a quote over the text `from` .. `to` (inclusive) of paragraph `p`. */
static void add_quote(bc_doc *doc, size_t p, const char *from, const char *to, const char *speaker,
                      bool continued)
{
    const char *text = doc->paragraphs[p].text;
    const char *a = strstr(text, from), *b = strstr(text, to);
    assert_non_null(a);
    assert_non_null(b);
    size_t start = (size_t)(a - text), end = (size_t)(b - text) + strlen(to);
    size_t sentence = 0;
    while (sentence < doc->sentence_count && !(doc->sentences[sentence].paragraph == p &&
                                               doc->sentences[sentence].end > start))
        sentence++;
    doc->quotes = realloc(doc->quotes, (doc->quote_count + 1) * sizeof *doc->quotes);
    doc->quotes[doc->quote_count++] = (bc_quote){.paragraph = p, .start = start, .end = end,
                                                 .sentence = sentence, .speaker = strdup(speaker),
                                                 .continued = continued};
}

static const bc_segment *find_segment(const bc_plan *plan, bc_role role, const char *text)
{
    for (size_t i = 0; i < plan->segment_count; i++)
        if (plan->segments[i].role == role && strstr(plan->segments[i].display, text))
            return &plan->segments[i];
    return NULL;
}

static void test_quotes_and_voices(void **state)
{
    (void)state;
    bc_article_list *list = NULL;
    bc_doc *doc = NULL;
    bc_selection *sel = NULL;
    bc_voice_set *voices = NULL;
    const char *dirs[] = {BC_SOURCE_ROOT "/voices"};
    assert_int_equal(bc_ingest(quoted_article, strlen(quoted_article), NULL, &list), 0);
    bc_text_settings ts;
    bc_text_default_settings(&ts);
    ts.keep_boilerplate = true;
    assert_int_equal(bc_doc_build(&list->articles[0], &ts, &doc), 0);
    for (size_t i = 0; i < doc->quote_count; i++)
        free((char *)doc->quotes[i].speaker);
    free(doc->quotes);
    doc->quotes = NULL;
    doc->quote_count = 0;
    add_quote(doc, 1, "\xE2\x80\x9CSo far", "ground.", "Jens Stoltenberg", true);
    add_quote(doc, 2, "\xE2\x80\x9CRussia", "Ukraine.\xE2\x80\x9D", "Jens Stoltenberg", false);
    add_quote(doc, 4, "\xE2\x80\x9C" "Diplomacy", "work,\xE2\x80\x9D", "Dmytro Kuleba", false);
    add_quote(doc, 5, "\xE2\x80\x9Cmost", "serious\xE2\x80\x9D", "Ms Okafor", false);
    bc_summary_settings ss;
    bc_summary_default_settings(&ss);
    ss.full = true;
    assert_int_equal(bc_summarize(doc, &ss, &sel), 0);
    assert_int_equal(bc_voice_set_load(dirs, 1, NULL, &voices), 0);
    bc_plan_settings ps;
    bc_plan_default_settings(&ps);
    ps.voices = voices;
    ps.intro = false;
    bc_story story = {doc, sel};
    bc_plan *plan = NULL;
    assert_int_equal(bc_plan_build(&story, 1, &ps, &plan), 0);

    for (size_t i = 0; getenv("SHOW_PLAN") && i < plan->segment_count; i++)
        print_message("%s [%s] %s\n", bc_role_name(plan->segments[i].role), plan->segments[i].voice, plan->segments[i].display);
    /* "He said:" names the speaker; his quote follows in his own voice */
    const bc_segment *intro = find_segment(plan, BC_ROLE_ATTRIBUTION, "Jens Stoltenberg said:");
    assert_non_null(intro);
    const bc_segment *q1 = intro + 1;
    assert_int_equal(q1->role, BC_ROLE_QUOTE);
    assert_string_equal(q1->speaker, "Jens Stoltenberg");
    assert_string_equal(q1->display,
                        "So far we have not seen any sign of de-escalation on the ground.");
    const bc_voice *narrator = bc_voice_set_first(voices, BC_VOICE_NARRATOR);
    const bc_voice *v1 = bc_voice_set_find(voices, q1->voice);
    assert_non_null(v1);
    assert_int_equal(v1->use, BC_VOICE_QUOTE);
    assert_int_equal(v1->gender, BC_GENDER_MALE); /* "He said" */
    assert_true(intro->pause_after_ms >= 250); /* a pause marks the change of voice */
    /* the next paragraph continues the quote: same voice, no new naming */
    const bc_segment *q2 = q1 + 1;
    assert_int_equal(q2->role, BC_ROLE_QUOTE);
    assert_string_equal(q2->voice, q1->voice);
    assert_string_equal(q2->display, "Russia has amassed a fighting force in and around Ukraine.");

    /* a quote before its attribution: the narrator names Mr Kuleba first
     * (named in the sentence before: the short form) */
    const bc_segment *q3 = find_segment(plan, BC_ROLE_QUOTE, "Diplomacy");
    assert_non_null(q3);
    assert_string_equal(q3->display, "Diplomacy is continuing to work.");
    assert_int_equal((q3 - 1)->role, BC_ROLE_ATTRIBUTION);
    assert_string_equal((q3 - 1)->display, "Mr Kuleba said:");
    assert_string_not_equal(q3->voice, q1->voice);
    assert_string_not_equal(q3->voice, narrator->name);
    assert_null(find_segment(plan, BC_ROLE_NARRATION, "Mr Kuleba said."));
    assert_null(find_segment(plan, BC_ROLE_ATTRIBUTION, "Mr Kuleba said."));

    /* a scare quote stays in the narrator's sentence */
    const bc_segment *scare = find_segment(plan, BC_ROLE_NARRATION, "most serious");
    assert_non_null(scare);
    assert_null(scare->speaker);
    assert_string_equal(scare->voice, narrator->name);
    for (size_t i = 0; i < plan->segment_count; i++)
        if (plan->segments[i].role != BC_ROLE_QUOTE)
            assert_null(plan->segments[i].speaker);

    /* a summary that skips the naming sentence gives the same voices */
    bc_selection *part = calloc(1, sizeof *part);
    part->sentences = calloc(2, sizeof(size_t));
    part->sentences[0] = q3 == NULL ? 0 : 5; /* the Kuleba quote sentence */
    part->sentences[1] = 1;                  /* the first Stoltenberg quote */
    size_t kuleba = 0, stoltenberg = 0;
    for (size_t i = 0; i < doc->sentence_count; i++) {
        size_t length;
        const char *s = bc_doc_sentence(doc, i, &length);
        if (strncmp(s, "\xE2\x80\x9C" "Diplomacy", 12) == 0)
            kuleba = i;
        if (strncmp(s, "He said", 7) == 0)
            stoltenberg = i;
    }
    part->sentences[0] = stoltenberg;
    part->sentences[1] = kuleba;
    part->count = 2;
    bc_story partial = {doc, part};
    bc_plan *summary_plan = NULL;
    assert_int_equal(bc_plan_build(&partial, 1, &ps, &summary_plan), 0);
    const bc_segment *s1 = find_segment(summary_plan, BC_ROLE_QUOTE, "So far");
    const bc_segment *s3 = find_segment(summary_plan, BC_ROLE_QUOTE, "Diplomacy");
    assert_string_equal(s1->voice, q1->voice);
    assert_string_equal(s3->voice, q3->voice);
    /* and names Mr Kuleba in full, as the summary has not named him */
    assert_string_equal((s3 - 1)->display, "Dmytro Kuleba said:");
    bc_plan_free(summary_plan);
    bc_selection_free(part);

    bc_plan_free(plan);
    bc_voice_set_free(voices);
    bc_selection_free(sel);
    bc_doc_free(doc);
    bc_article_list_free(list);
}

static void test_json_round_trip(void **state)
{
    (void)state;
    const char *text = "Bridge to close\n\nThe bridge will close. \"We are ready,\" she said.\n";
    bc_article_list *list = NULL;
    bc_doc *doc = NULL;
    bc_selection *sel = NULL;
    bc_voice_set *voices = NULL;
    const char *dirs[] = {BC_SOURCE_ROOT "/voices"};
    assert_int_equal(bc_ingest(text, strlen(text), NULL, &list), 0);
    assert_int_equal(bc_doc_build(&list->articles[0], NULL, &doc), 0);
    assert_int_equal(bc_summarize(doc, NULL, &sel), 0);
    assert_int_equal(bc_voice_set_load(dirs, 1, NULL, &voices), 0);
    bc_plan_settings ps;
    bc_plan_default_settings(&ps);
    ps.voices = voices;
    ps.date = "2026-11-28";
    bc_story story = {doc, sel};
    bc_plan *plan = NULL;
    assert_int_equal(bc_plan_build(&story, 1, &ps, &plan), 0);
    assert_string_equal(plan->segments[0].display, "This is briefcast, for Saturday the 28th of November.");
    assert_string_equal(plan->segments[0].text,
                        "This is briefcast, for Saturday the twenty-eighth of November.");

    char *json = NULL;
    assert_int_equal(bc_plan_to_json(plan, &json), 0);
    bc_plan *again = NULL;
    assert_int_equal(bc_plan_from_json(json, strlen(json), NULL, &again), 0);
    char *json2 = NULL;
    assert_int_equal(bc_plan_to_json(again, &json2), 0);
    assert_string_equal(json, json2);
    assert_int_equal(again->segment_count, plan->segment_count);
    for (size_t i = 0; i < plan->segment_count; i++) {
        assert_string_equal(again->segments[i].text, plan->segments[i].text);
        assert_int_equal(again->segments[i].role, plan->segments[i].role);
        assert_int_equal(again->segments[i].pause_after_ms, plan->segments[i].pause_after_ms);
    }
    free(json);
    free(json2);
    bc_plan_free(again);
    bc_plan_free(plan);

    /* a bad date */
    ps.date = "2026-02-30";
    assert_int_equal(bc_plan_build(&story, 1, &ps, &plan), BC_EINVAL);
    bc_voice_set_free(voices);
    bc_selection_free(sel);
    bc_doc_free(doc);
    bc_article_list_free(list);
}

static char last_error[512];

static void remember(void *user_data, enum bc_log_level level, const char *message)
{
    (void)user_data;
    if (level == BC_LOG_ERROR)
        snprintf(last_error, sizeof last_error, "%s", message);
}

static void expect_bad_plan(const char *json, int code, const char *message)
{
    bc_logger logger = {remember, NULL};
    bc_plan *plan = (bc_plan *)0x1;
    last_error[0] = '\0';
    assert_int_equal(bc_plan_from_json(json, strlen(json), &logger, &plan), code);
    assert_ptr_equal(plan, (bc_plan *)0x1);
    if (message && !strstr(last_error, message))
        print_message("error was: %s\n", last_error);
    if (message)
        assert_non_null(strstr(last_error, message));
}

static void test_json_errors(void **state)
{
    (void)state;
    expect_bad_plan("", BC_EFORMAT, "not JSON");
    expect_bad_plan("{", BC_EFORMAT, "not JSON");
    expect_bad_plan("[]", BC_EFORMAT, "object");
    expect_bad_plan("{\"segments\": []}", BC_EFORMAT, "nothing to say");
    expect_bad_plan("{\"segments\": [{\"role\": \"quote\", \"voice\": \"x\"}]}", BC_EFORMAT,
                    "segment 1, \"text\": missing");
    expect_bad_plan("{\"segments\": [{\"role\": \"sing\", \"voice\": \"x\", \"text\": \"a\"}]}",
                    BC_EFORMAT, "role");
    /* an edited plan cannot ask for two minutes of silence */
    expect_bad_plan("{\"segments\": [{\"role\": \"narration\", \"voice\": \"x\", \"text\": "
                    "\"a\", \"pause_after_ms\": 120000}]}",
                    BC_EFORMAT, "pause_after_ms");
    expect_bad_plan("{\"segments\": [{\"role\": \"narration\", \"voice\": 7, \"text\": \"a\"}]}",
                    BC_EFORMAT, "voice");
    expect_bad_plan("{\"segments\": [{\"role\": \"narration\", \"voice\": \"x\", \"text\": "
                    "\"a\\u0000b\"}]}",
                    BC_EFORMAT, "NUL");
    expect_bad_plan("{\"segments\": [{\"role\": \"narration\", \"voice\": \"x\", \"text\": "
                    "\"a\"}]} trailing",
                    BC_EFORMAT, "after the JSON");
    expect_bad_plan("{\"a\": \"\xff\"}", BC_EUTF8, "UTF-8");
    /* deep nesting stops at the parser's depth limit */
    char deep[4096];
    memset(deep, '[', sizeof deep - 1);
    deep[sizeof deep - 1] = '\0';
    expect_bad_plan(deep, BC_EFORMAT, "not JSON");
}

static void test_date_key(void **state)
{
    (void)state;
    char key[32];
    assert_true(bc_date_key("2026-11-28", key, sizeof key));
    assert_string_equal(key, "2026-11-28T00:00:00Z");
    assert_true(bc_date_key("2026-11-28T07:30:15.250+01:00", key, sizeof key));
    assert_string_equal(key, "2026-11-28T06:30:15Z");
    assert_true(bc_date_key("Sat, 28 Nov 2026 00:30:00 +0200", key, sizeof key));
    assert_string_equal(key, "2026-11-27T22:30:00Z");
    assert_true(bc_date_key("28 Nov 2026 23:30 EST", key, sizeof key));
    assert_string_equal(key, "2026-11-29T04:30:00Z");
    assert_false(bc_date_key("yesterday", key, sizeof key));
    assert_false(bc_date_key("2026-13-01", key, sizeof key));
    assert_false(bc_date_key("Sat, 28 Nov 2026 07:30:00 +0x00", key, sizeof key));
    assert_false(bc_date_key("2026-11-28", key, 8));
}

/* Builds a doc from plain text with a given date. */
static bc_doc *make_doc(bc_article_list **list, const char *text, const char *date)
{
    assert_int_equal(bc_ingest(text, strlen(text), NULL, list), 0);
    bc_article *a = &(*list)->articles[0];
    a->date = date ? strdup(date) : NULL;
    bc_doc *doc = NULL;
    assert_int_equal(bc_doc_build(a, NULL, &doc), 0);
    return doc;
}

static void test_bulletin(void **state)
{
    (void)state;
    bc_article_list *lists[4] = {0};
    const bc_doc *docs[4];
    docs[0] = make_doc(&lists[0], "Harbour bridge to close for repairs\n\nThe harbour bridge will "
                                  "close for six weeks of repairs to its cables.\n", "2026-11-27");
    docs[1] = make_doc(&lists[1], "Gardens planned on city roofs\n\nTwelve city roofs will be "
                                  "turned into vegetable gardens this spring. Volunteers will tend "
                                  "them. The food goes to the food bank.\n", "2026-11-28T09:00:00Z");
    /* the same event as the first, reported at more length by someone else */
    docs[2] = make_doc(&lists[2], "Harbour bridge closes for repairs\n\nThe harbour bridge will "
                                  "close for six weeks of cable repairs, engineers said. Traffic "
                                  "will divert through the ring road. A ferry will run.\n", NULL);
    docs[3] = make_doc(&lists[3], "School term dates agreed\n\nTerm dates for next year were "
                                  "agreed by the council.\n", "Fri, 27 Nov 2026 18:00:00 GMT");
    size_t order[4], kept = 0;
    assert_int_equal(bc_bulletin_arrange(docs, 4, BC_ORDER_INPUT, NULL, order, &kept), 0);
    assert_int_equal(kept, 3); /* the shorter bridge report is dropped */
    assert_int_equal(order[0], 1);
    assert_int_equal(order[1], 2);
    assert_int_equal(order[2], 3);
    assert_int_equal(bc_bulletin_arrange(docs, 4, BC_ORDER_DATE, NULL, order, &kept), 0);
    assert_int_equal(order[0], 1); /* newest first */
    assert_int_equal(order[1], 3);
    assert_int_equal(order[2], 2); /* undated last */
    assert_int_equal(bc_bulletin_arrange(docs, 4, BC_ORDER_IMPORTANCE, NULL, order, &kept), 0);
    assert_int_equal(order[0], 2); /* reported twice */

    size_t words[4];
    assert_int_equal(bc_bulletin_budgets(docs, 4, 400, words), 0);
    assert_true(words[2] > words[3]); /* the fuller article gets more */
    size_t total = words[0] + words[1] + words[2] + words[3];
    assert_true(total >= 380 && total <= 420);
    assert_int_equal(bc_bulletin_budgets(docs, 4, 10, words), 0);
    for (size_t i = 0; i < 4; i++)
        assert_true(words[i] >= 40); /* a floor of about two sentences */
    assert_int_equal(bc_bulletin_arrange(NULL, 2, BC_ORDER_INPUT, NULL, order, &kept), BC_EINVAL);
    for (size_t i = 0; i < 4; i++) {
        bc_doc_free((bc_doc *)docs[i]);
        bc_article_list_free(lists[i]);
    }
}

static void test_roles(void **state)
{
    (void)state;
    bc_role role;
    for (int r = BC_ROLE_INTRO; r <= BC_ROLE_OUTRO; r++) {
        assert_int_equal(bc_role_parse(bc_role_name((bc_role)r), &role), 0);
        assert_int_equal(role, r);
    }
    assert_int_equal(bc_role_parse("chorus", &role), BC_EINVAL);
    assert_null(bc_role_name((bc_role)99));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan_shape),
        cmocka_unit_test(test_quotes_and_voices),
        cmocka_unit_test(test_json_round_trip),
        cmocka_unit_test(test_json_errors),
        cmocka_unit_test(test_date_key),
        cmocka_unit_test(test_bulletin),
        cmocka_unit_test(test_roles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
