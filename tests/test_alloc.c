/* Allocation-failure injection: every allocation the library makes is made
 * to fail in turn (malloc, calloc and realloc are wrapped at link time),
 * and each operation must then return BC_ENOMEM (or succeed, when the
 * allocation was optional) without crashing, leaking (under the
 * sanitizers) or leaving its output pointer set. */
#include "testutil.h"

#include "briefcast/briefcast.h"

static long fail_at = -1; /* the allocation to fail; -1: none */
static long allocations;

void *__real_malloc(size_t size);
void *__real_calloc(size_t count, size_t size);
void *__real_realloc(void *p, size_t size);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t count, size_t size);
void *__wrap_realloc(void *p, size_t size);

static bool should_fail(void)
{
    return allocations++ == fail_at;
}

void *__wrap_malloc(size_t size)
{
    return should_fail() ? NULL : __real_malloc(size);
}

void *__wrap_calloc(size_t count, size_t size)
{
    return should_fail() ? NULL : __real_calloc(count, size);
}

void *__wrap_realloc(void *p, size_t size)
{
    return should_fail() ? NULL : __real_realloc(p, size);
}

static const char article[] =
    "Bridge to close for repairs\n\n"
    "The harbour bridge will close for six weeks, the council said on Tuesday. "
    "About 24,000 vehicles cross it every day.\n\n"
    "\xE2\x80\x9CWe cannot wait any longer,\xE2\x80\x9D Maria Okafor said. "
    "\"Six weeks in spring is six weeks of our best trade,\" Mr Reilly said.\n\n"
    "Source: Read Full Article\n";

/* The whole front of the pipeline and the text outputs; returns the first
 * error. */
static int pipeline(void)
{
    bc_article_list *list = NULL;
    bc_doc *doc = NULL;
    bc_selection *sel = NULL;
    bc_voice_set *voices = NULL;
    bc_plan *plan = NULL, *again = NULL;
    bc_programme *programme = NULL;
    char *json = NULL, *vtt = NULL, *page = NULL;
    const char *dirs[] = {BC_SOURCE_ROOT "/voices"};
    int rc = bc_ingest(article, strlen(article), NULL, &list);
    if (!rc)
        rc = bc_doc_build(&list->articles[0], NULL, &doc);
    if (!rc)
        rc = bc_summarize(doc, NULL, &sel);
    if (!rc)
        rc = bc_voice_set_load(dirs, 1, NULL, &voices);
    if (!rc) {
        bc_plan_settings ps;
        bc_plan_default_settings(&ps);
        ps.voices = voices;
        ps.date = "2026-11-28";
        bc_story story = {doc, sel};
        rc = bc_plan_build(&story, 1, &ps, &plan);
    }
    if (!rc)
        rc = bc_plan_to_json(plan, &json);
    if (!rc)
        rc = bc_plan_from_json(json, strlen(json), NULL, &again);
    if (!rc)
        rc = bc_programme_new(22050, &programme);
    if (!rc)
        rc = bc_programme_add_chapter(programme, "Story");
    if (!rc)
        rc = bc_programme_add_silence(programme, 100);
    if (!rc)
        rc = bc_programme_add_cue(programme, 0, 2205, "Maria Okafor", "We cannot wait.");
    if (!rc)
        rc = bc_transcript_vtt(programme, &vtt);
    if (!rc) {
        bc_page_settings s = {.title = "T", .opus_url = "b.opus"};
        rc = bc_page_html(programme, &s, &page);
    }
    free(page);
    free(vtt);
    free(json);
    bc_programme_free(programme);
    bc_plan_free(again);
    bc_plan_free(plan);
    bc_voice_set_free(voices);
    bc_selection_free(sel);
    bc_doc_free(doc);
    bc_article_list_free(list);
    return rc;
}

static void test_every_allocation_fails_cleanly(void **state)
{
    (void)state;
    fail_at = -1;
    allocations = 0;
    assert_int_equal(pipeline(), 0);
    long total = allocations;
    assert_true(total > 50);
    long failures = 0;
    for (long n = 0; n < total; n++) {
        fail_at = n;
        allocations = 0;
        int rc = pipeline();
        /* a failed allocation is reported, or (an optional one) absorbed */
        if (rc != 0 && rc != BC_ENOMEM)
            print_message("allocation %ld: %s\n", n, bc_strerror(rc));
        assert_true(rc == 0 || rc == BC_ENOMEM);
        failures += rc == BC_ENOMEM;
    }
    fail_at = -1;
    print_message("%ld allocations, each failed in turn: %ld reported out of memory\n", total,
                  failures);
    assert_true(failures > total / 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_allocation_fails_cleanly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
