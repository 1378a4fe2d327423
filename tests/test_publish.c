/* Unit tests of the publish formats: chapters as Podcasting 2.0 JSON. */
#include "testutil.h"

#include <json-c/json.h>

#include "briefcast/publish.h"

static void test_chapters_json(void **state)
{
    (void)state;
    const char *dir = tu_tempdir();
    bc_programme *p = NULL;
    assert_int_equal(bc_programme_new(22050, &p), 0);
    assert_int_equal(bc_programme_add_chapter(p, "Introduction"), 0);
    assert_int_equal(bc_programme_add_silence(p, 1500), 0);
    /* quotes, a slash, a backslash, a control character and non-ASCII */
    const char *tricky = "Mayor says \"no\" to 24/7 \\ works\tat caf\xC3\xA9 \xE2\x80\x93 again";
    assert_int_equal(bc_programme_add_chapter(p, tricky), 0);
    assert_int_equal(bc_programme_add_silence(p, 61234), 0);
    assert_int_equal(bc_programme_add_chapter(p, "Weather"), 0);

    const char *path = tu_path(0, dir, "chapters.json");
    bc_publish_settings s;
    bc_publish_default_settings(&s);
    s.title = "Morning briefing";
    assert_int_equal(bc_write_chapters_json(p, path, &s), 0);
    json_object *root = json_object_from_file(path);
    assert_non_null(root);
    json_object *version, *title, *chapters;
    assert_true(json_object_object_get_ex(root, "version", &version));
    assert_string_equal(json_object_get_string(version), "1.2.0");
    assert_true(json_object_object_get_ex(root, "title", &title));
    assert_string_equal(json_object_get_string(title), "Morning briefing");
    assert_true(json_object_object_get_ex(root, "chapters", &chapters));
    assert_int_equal(json_object_array_length(chapters), 3);
    const double starts[] = {0, 1.5, 62.734};
    const char *titles[] = {"Introduction", tricky, "Weather"};
    for (size_t i = 0; i < 3; i++) {
        json_object *c = json_object_array_get_idx(chapters, i), *start, *name;
        assert_true(json_object_object_get_ex(c, "startTime", &start));
        assert_true(json_object_is_type(start, json_type_double) ||
                    json_object_is_type(start, json_type_int));
        assert_true(fabs(json_object_get_double(start) - starts[i]) < 0.0015);
        assert_true(json_object_object_get_ex(c, "title", &name));
        assert_string_equal(json_object_get_string(name), titles[i]);
    }
    json_object_put(root);
    /* the slash is written as it is, the first start as 0 */
    char *text = tu_read_file(path, NULL);
    assert_non_null(strstr(text, "24/7"));
    assert_non_null(strstr(text, "\"startTime\": 0,"));
    free(text);

    /* no chapters: an empty list; settings may be NULL */
    bc_programme *empty = NULL;
    assert_int_equal(bc_programme_new(22050, &empty), 0);
    assert_int_equal(bc_write_chapters_json(empty, path, NULL), 0);
    root = json_object_from_file(path);
    assert_true(json_object_object_get_ex(root, "chapters", &chapters));
    assert_int_equal(json_object_array_length(chapters), 0);
    assert_false(json_object_object_get_ex(root, "title", &title));
    json_object_put(root);

    /* failures: the old file stays, no temporary file is left */
    tu_write_file(path, "previous", 8);
    assert_int_equal(bc_write_chapters_json(p, tu_path(1, dir, "none/x.json"), NULL), BC_EIO);
    assert_int_equal(bc_write_chapters_json(p, dir, NULL), BC_EIO);
    assert_int_equal(bc_write_chapters_json(NULL, path, NULL), BC_EINVAL);
    assert_int_equal(bc_write_chapters_json(p, "", NULL), BC_EINVAL);
    text = tu_read_file(path, NULL);
    assert_string_equal(text, "previous");
    free(text);
    assert_int_equal(tu_count_entries(dir), 1);
    bc_programme_free(empty);
    bc_programme_free(p);
    tu_rmtree(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chapters_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
