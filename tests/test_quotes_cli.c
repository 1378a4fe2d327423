/* End-to-end tests of `briefcast quotes`: the JSON Lines it prints for the
 * example article and, when the evaluation data is beside the repository,
 * for the project's seed article; options and errors. */
#include "e2e.h"

#include <json-c/json.h>

#define EXAMPLE BC_SOURCE_ROOT "/examples/harbour-bridge.txt"
#define SEED BC_SOURCE_ROOT "/../shared/data/seed/000_81a89c5fa81b19ad.txt"
#define EXIT_USAGE_STATUS 2 /* the command line is wrong */

/* The quotes printed: a JSON array of the lines (each must parse). */
static json_object *printed(void)
{
    char *out = tu_read_file(tu_path(6, dir, "out.txt"), NULL);
    assert_non_null(out);
    json_object *all = json_object_new_array();
    char *save = NULL;
    for (char *line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        json_object *q = json_tokener_parse(line);
        if (!q)
            print_message("not JSON: %s\n", line);
        assert_non_null(q);
        assert_true(json_object_is_type(q, json_type_object));
        json_object_array_add(all, q);
    }
    free(out);
    return all;
}

static const char *field(json_object *q, const char *name)
{
    json_object *v = NULL;
    assert_true(json_object_object_get_ex(q, name, &v));
    return v ? json_object_get_string(v) : NULL;
}

/* The quote whose text contains `needle`. */
static json_object *with_text(json_object *all, const char *needle)
{
    for (size_t i = 0; i < json_object_array_length(all); i++) {
        json_object *q = json_object_array_get_idx(all, i);
        if (strstr(field(q, "text"), needle))
            return q;
    }
    print_message("no quote contains [%s]\n", needle);
    fail();
    return NULL;
}

static void expect_speaker(json_object *all, const char *needle, const char *speaker)
{
    const char *got = field(with_text(all, needle), "speaker");
    if (!got || strcmp(got, speaker) != 0)
        print_message("[%s]: speaker %s, expected %s\n", needle, got ? got : "null", speaker);
    assert_non_null(got);
    assert_string_equal(got, speaker);
}

/* Every line's offsets point at its text in `input` (or at its parts). */
static void expect_offsets(json_object *all, const char *input, size_t size)
{
    for (size_t i = 0; i < json_object_array_length(all); i++) {
        json_object *q = json_object_array_get_idx(all, i);
        json_object *start, *end, *parts;
        assert_true(json_object_object_get_ex(q, "start", &start));
        assert_true(json_object_object_get_ex(q, "end", &end));
        int64_t a = json_object_get_int64(start), b = json_object_get_int64(end);
        assert_true(a >= 0 && a < b && (size_t)b <= size);
        const char *text = field(q, "text");
        if (json_object_object_get_ex(q, "parts", &parts)) {
            /* an interrupted quotation: its parts, joined by spaces */
            size_t offset = 0;
            for (size_t k = 0; k < json_object_array_length(parts); k++) {
                json_object *pair = json_object_array_get_idx(parts, k);
                int64_t ps = json_object_get_int64(json_object_array_get_idx(pair, 0));
                int64_t pe = json_object_get_int64(json_object_array_get_idx(pair, 1));
                assert_true(ps >= a && pe <= b && ps < pe);
                assert_memory_equal(text + offset, input + ps, (size_t)(pe - ps));
                offset += (size_t)(pe - ps) + 1;
            }
        } else {
            assert_int_equal(strlen(text), (size_t)(b - a));
            for (int64_t k = a; k < b; k++) /* line breaks read as spaces */
                assert_true(text[k - a] == input[k] || (text[k - a] == ' ' && input[k] == '\n'));
        }
    }
}

static void test_example(void **state)
{
    (void)state;
    assert_int_equal(briefcast("quotes '" EXAMPLE "'"), 0);
    json_object *all = printed();
    assert_int_equal(json_object_array_length(all), 2);
    expect_speaker(all, "We have nursed this bridge", "Maria Okafor"); /* "she told reporters" */
    expect_speaker(all, "not six weeks", "Maria Okafor");
    expect_speaker(all, "Six weeks in spring", "Tom Reilly");          /* "Mr Reilly said" */
    expect_speaker(all, "rates holiday", "Tom Reilly");
    size_t size = 0;
    char *input = tu_read_file(EXAMPLE, &size);
    assert_non_null(input);
    expect_offsets(all, input, size);
    free(input);
    json_object_put(all);

    /* standard input works as well */
    assert_int_equal(briefcast("quotes - < '" EXAMPLE "'"), 0);
    all = printed();
    assert_int_equal(json_object_array_length(all), 2);
    json_object_put(all);
}

static void test_seed(void **state)
{
    (void)state;
    if (!tu_exists(SEED)) {
        print_message("skipped: %s is not there\n", SEED);
        skip();
    }
    assert_int_equal(briefcast("quotes '" SEED "'"), 0);
    json_object *all = printed();
    size_t stoltenberg = 0;
    for (size_t i = 0; i < json_object_array_length(all); i++) {
        json_object *q = json_object_array_get_idx(all, i);
        json_object *partial;
        assert_true(json_object_object_get_ex(q, "partial", &partial));
        if (json_object_get_boolean(partial))
            continue;
        /* every quoted paragraph of the statement is the Nato chief's; the
         * article names him only as "Mr Stoltenberg" */
        const char *speaker = field(q, "speaker");
        if (!speaker || strcmp(speaker, "Mr Stoltenberg") != 0)
            print_message("[%s] by %s\n", field(q, "text"), speaker ? speaker : "null");
        assert_non_null(speaker);
        assert_string_equal(speaker, "Mr Stoltenberg");
        stoltenberg++;
    }
    assert_true(stoltenberg >= 30); /* one line per quoted paragraph */
    expect_speaker(all, "So far we have not seen any sign of de-escalation", "Mr Stoltenberg");
    expect_speaker(all, "standing together", "Mr Stoltenberg");
    expect_speaker(all, "most serious", "Mr Stoltenberg");
    expect_speaker(all, "prevent Russia from any further escalation", "Dmytro Kuleba");
    expect_speaker(all, "continuing to work", "Dmytro Kuleba");
    expect_speaker(all, "we see a withdrawal", "Dmytro Kuleba");
    /* the multi-paragraph quote: continued on all parts but the last */
    json_object *continued;
    assert_true(json_object_object_get_ex(with_text(all, "So far we have not seen"), "continued",
                                          &continued));
    assert_true(json_object_get_boolean(continued));
    size_t size = 0;
    char *input = tu_read_file(SEED, &size);
    expect_offsets(all, input, size);
    free(input);
    json_object_put(all);
}

static void test_options_and_errors(void **state)
{
    (void)state;
    /* a scare quote is listed only with --all */
    char path[1024];
    snprintf(path, sizeof path, "%s/scare.txt", dir);
    const char *text = "Title\n\nThe so-called \xE2\x80\x9C" "experts\xE2\x80\x9D disagreed.\n";
    tu_write_file(path, text, strlen(text));
    char args[2048];
    snprintf(args, sizeof args, "quotes '%s'", path);
    assert_int_equal(briefcast(args), 0);
    json_object *all = printed();
    assert_int_equal(json_object_array_length(all), 0);
    json_object_put(all);
    snprintf(args, sizeof args, "quotes --all '%s'", path);
    assert_int_equal(briefcast(args), 0);
    all = printed();
    assert_int_equal(json_object_array_length(all), 1);
    assert_null(field(json_object_array_get_idx(all, 0), "speaker"));
    json_object_put(all);

    /* a partial quote: its clause by default, its own words with --quoted-words */
    text = "Title\n\nJane Doe said the plan was \xE2\x80\x9C"
           "dead on arrival\xE2\x80\x9D today.\n";
    tu_write_file(path, text, strlen(text));
    snprintf(args, sizeof args, "quotes '%s'", path);
    assert_int_equal(briefcast(args), 0);
    all = printed();
    assert_int_equal(json_object_array_length(all), 1);
    assert_string_equal(field(json_object_array_get_idx(all, 0), "text"),
                        "the plan was \xE2\x80\x9C" "dead on arrival\xE2\x80\x9D today");
    json_object_put(all);
    snprintf(args, sizeof args, "quotes --quoted-words '%s'", path);
    assert_int_equal(briefcast(args), 0);
    all = printed();
    assert_string_equal(field(json_object_array_get_idx(all, 0), "text"),
                        "\xE2\x80\x9C" "dead on arrival\xE2\x80\x9D");
    assert_string_equal(field(json_object_array_get_idx(all, 0), "speaker"), "Jane Doe");
    json_object_put(all);

    /* errors: one line on stderr, non-zero status, nothing on stdout */
    assert_int_equal(briefcast("quotes"), EXIT_USAGE_STATUS);
    assert_int_equal(briefcast("quotes --no-such-option x"), EXIT_USAGE_STATUS);
    snprintf(args, sizeof args, "quotes '%s/missing.txt'", dir);
    assert_int_equal(briefcast(args), 1);
    char *err = tu_read_file(tu_path(7, dir, "err.txt"), NULL);
    assert_non_null(strstr(err, "missing.txt"));
    assert_non_null(strchr(err, '\n'));
    assert_null(strchr(strchr(err, '\n') + 1, '\n'));
    free(err);
    tu_write_file(path, "\xFF\xFE\x00\x01 binary", 10);
    snprintf(args, sizeof args, "quotes '%s'", path);
    assert_int_equal(briefcast(args), 1);
    char *out = tu_read_file(tu_path(6, dir, "out.txt"), NULL);
    assert_string_equal(out, "");
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_example, setup, teardown),
        cmocka_unit_test_setup_teardown(test_seed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_options_and_errors, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
