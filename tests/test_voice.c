/* Unit tests of voice profiles. */
#include "testutil.h"

#include "briefcast/voice.h"

static char last_error[512];

static void remember(void *user_data, enum bc_log_level level, const char *message)
{
    (void)user_data;
    if (level == BC_LOG_ERROR)
        snprintf(last_error, sizeof last_error, "%s", message);
}

static const bc_logger logger = {remember, NULL};

static void test_parse(void **state)
{
    (void)state;
    bc_voice_set *set = NULL;
    assert_int_equal(bc_voice_set_new(&set), 0);
    const char *text = "# comment\n\ndescription = Test voice\nuse = narrator\n"
                       "language = en-gb\nvariant = f2\ngender = female\nrate = 200\n"
                       "pitch = 60\nrange = 40\n";
    assert_int_equal(bc_voice_set_add(set, "host", text, strlen(text), &logger), 0);
    const bc_voice *v = bc_voice_set_find(set, "host");
    assert_non_null(v);
    assert_string_equal(v->description, "Test voice");
    assert_string_equal(v->language, "en-gb");
    assert_string_equal(v->variant, "f2");
    assert_int_equal(v->use, BC_VOICE_NARRATOR);
    assert_int_equal(v->gender, BC_GENDER_FEMALE);
    assert_int_equal(v->rate, 200);
    assert_int_equal(v->pitch, 60);
    assert_int_equal(v->range, 40);
    assert_ptr_equal(bc_voice_set_first(set, BC_VOICE_NARRATOR), v);
    assert_null(bc_voice_set_first(set, BC_VOICE_HEADLINE));

    /* a second profile of the same name replaces the first */
    const char *other = "language = en-us\nuse = quote\n";
    assert_int_equal(bc_voice_set_add(set, "host", other, strlen(other), &logger), 0);
    assert_int_equal(set->count, 1);
    assert_string_equal(bc_voice_set_find(set, "host")->language, "en-us");
    bc_voice_set_free(set);
}

static void test_errors(void **state)
{
    (void)state;
    bc_voice_set *set = NULL;
    assert_int_equal(bc_voice_set_new(&set), 0);
    const char *bad_rate = "language = en\nrate = 5000\n";
    assert_int_equal(bc_voice_set_add(set, "x", bad_rate, strlen(bad_rate), &logger), BC_EFORMAT);
    assert_non_null(strstr(last_error, "line 2"));
    const char *no_language = "rate = 100\n";
    assert_int_equal(bc_voice_set_add(set, "x", no_language, strlen(no_language), &logger),
                     BC_EFORMAT);
    /* names that could reach eSpeak NG as a path or markup are refused */
    const char *path = "language = ../../etc/passwd\n";
    assert_int_equal(bc_voice_set_add(set, "x", path, strlen(path), &logger), BC_EFORMAT);
    const char *markup = "language = en\nvariant = <audio>\n";
    assert_int_equal(bc_voice_set_add(set, "x", markup, strlen(markup), &logger), BC_EFORMAT);
    assert_int_equal(bc_voice_set_add(set, "bad/name", "language = en", 13, &logger), BC_EFORMAT);
    assert_int_equal(bc_voice_set_add(set, "x", "language = en\0", 14, &logger), BC_EFORMAT);
    assert_int_equal(bc_voice_set_add(set, "x", "nonsense", 8, &logger), BC_EFORMAT);
    assert_int_equal(set->count, 0);
    bc_voice_set_free(set);
}

static void test_load(void **state)
{
    (void)state;
    const char *dirs[] = {BC_SOURCE_ROOT "/voices"};
    bc_voice_set *set = NULL;
    assert_int_equal(bc_voice_set_load(dirs, 1, &logger, &set), 0);
    assert_non_null(bc_voice_set_first(set, BC_VOICE_NARRATOR));
    assert_non_null(bc_voice_set_first(set, BC_VOICE_HEADLINE));
    for (size_t i = 1; i < set->count; i++)
        assert_true(strcmp(set->voices[i - 1].name, set->voices[i].name) < 0);
    bc_voice_set_free(set);

    const char *missing[] = {"/nonexistent/voices"};
    set = NULL;
    assert_int_equal(bc_voice_set_load(missing, 1, &logger, &set), BC_ENOTFOUND);
    assert_null(set);

    /* a folder without a narrator is not enough for a programme */
    const char *dir = tu_tempdir();
    tu_write_file(tu_path(0, dir, "guest.voice"), "language = en\nuse = quote\n", 26);
    const char *only_quote[] = {dir};
    assert_int_equal(bc_voice_set_load(only_quote, 1, &logger, &set), BC_ENOTFOUND);
    tu_rmtree(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_load),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
