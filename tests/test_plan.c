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
    for (size_t i = 2; i < 5; i++) {
        assert_int_equal(g[i].story, 0);
        assert_null(g[i].chapter);
    }
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
        cmocka_unit_test(test_roles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
