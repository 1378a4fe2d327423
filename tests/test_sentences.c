/* Unit tests of sentence splitting: the project's case set
 * (tests/data/sentences/cases.txt), bad input and pathological input that
 * must finish in linear time. */
#include "testutil.h"

#include <time.h>

#include "briefcast/text.h"
#include "text/text_internal.h"

#define CASES BC_SOURCE_ROOT "/tests/data/sentences/cases.txt"
#define HELDOUT BC_SOURCE_ROOT "/tests/data/sentences/heldout.txt"

/* Splits `text`; returns the count and writes the bounds (caller frees). */
static size_t split(const char *text, size_t length, size_t **bounds)
{
    size_t count = 0;
    *bounds = NULL;
    assert_int_equal(bc_split_sentences(text, length, bounds, &count), 0);
    /* bounds are ordered, inside the text, non-empty and trimmed */
    size_t previous_end = 0;
    for (size_t i = 0; i < count; i++) {
        size_t start = (*bounds)[2 * i], end = (*bounds)[2 * i + 1];
        assert_true(start < end);
        assert_true(end <= length);
        assert_true(start >= previous_end);
        assert_false(text[start] == ' ' || text[start] == '\n' || text[start] == '\t');
        assert_false(text[end - 1] == ' ' || text[end - 1] == '\n' || text[end - 1] == '\t');
        previous_end = end;
    }
    return count;
}

/* One case of the set: input and expected sentences, all NUL-terminated. */
typedef struct sentence_case {
    char name[256];
    bool known_failure;
    char input[4096];
    char expected[32][1024];
    size_t expected_count;
} sentence_case;

/* Copies `text` into `out` (`size` bytes), cut to fit. */
static void copy_text(char *out, size_t size, const char *text)
{
    size_t n = strlen(text);
    if (n >= size)
        n = size - 1;
    memcpy(out, text, n);
    out[n] = '\0';
}

/* Reads the next case from `f`; returns false at the end of the file. */
static bool read_case(FILE *f, sentence_case *c)
{
    char line[4096];
    memset(c, 0, sizeof *c);
    bool started = false;
    while (fgets(line, sizeof line, f)) {
        size_t n = strlen(line);
        if (n && line[n - 1] == '\n')
            line[--n] = '\0';
        if (n == 0) {
            if (started && c->expected_count)
                return true;
            continue;
        }
        if (line[0] == '#') {
            if (n > 2 && line[1] == '!') {
                c->known_failure = true;
                copy_text(c->name, sizeof c->name, line + 2);
            } else {
                copy_text(c->name, sizeof c->name, line + 1);
            }
            continue;
        }
        const char *content = n >= 2 ? line + 2 : "";
        if (line[0] == '<') {
            if (started)
                strncat(c->input, "\n", sizeof c->input - strlen(c->input) - 1);
            strncat(c->input, content, sizeof c->input - strlen(c->input) - 1);
            started = true;
        } else if (line[0] == '>') {
            assert_true(c->expected_count < 32);
            char *sentence = c->expected[c->expected_count++];
            copy_text(sentence, sizeof c->expected[0], content);
            char *escape;
            while ((escape = strstr(sentence, "\\n")) != NULL) {
                *escape = '\n';
                memmove(escape + 1, escape + 2, strlen(escape + 2) + 1);
            }
        } else {
            fail_msg("bad line in the case file: %s", line);
        }
    }
    return started && c->expected_count;
}

static bool case_passes(const sentence_case *c)
{
    size_t *bounds;
    size_t count = split(c->input, strlen(c->input), &bounds);
    bool pass = count == c->expected_count;
    for (size_t i = 0; pass && i < count; i++) {
        size_t length = bounds[2 * i + 1] - bounds[2 * i];
        pass = length == strlen(c->expected[i]) &&
               memcmp(c->input + bounds[2 * i], c->expected[i], length) == 0;
    }
    if (!pass) {
        print_message("%s case:%s\n", c->known_failure ? "known failing" : "FAILED", c->name);
        for (size_t i = 0; i < count; i++)
            print_message("    got [%.*s]\n", (int)(bounds[2 * i + 1] - bounds[2 * i]),
                          c->input + bounds[2 * i]);
    }
    free(bounds);
    return pass;
}

/* Runs every case of the file at `path`; returns the number of cases that
 * fail without being marked as known failures. */
static size_t run_case_file(const char *path, const char *label)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    static sentence_case c;
    size_t total = 0, passed = 0, unexpected = 0;
    while (read_case(f, &c)) {
        total++;
        bool pass = case_passes(&c);
        passed += pass;
        unexpected += !pass && !c.known_failure;
        if (pass && c.known_failure)
            print_message("known failure now passes:%s\n", c.name);
    }
    fclose(f);
    print_message("%s: %zu of %zu pass (%.1f%%)\n", label, passed, total,
                  100.0 * (double)passed / (double)total);
    assert_true(total >= 30);
    return unexpected;
}

static void test_case_set(void **state)
{
    (void)state;
    assert_int_equal(run_case_file(CASES, "sentence cases"), 0);
}

static void test_heldout_set(void **state)
{
    (void)state;
    assert_int_equal(run_case_file(HELDOUT, "held-out sentence cases"), 0);
}

static void test_word_lists(void **state)
{
    (void)state;
    assert_true(bci_word_lists_sorted());
    assert_int_equal(bci_abbreviation_kind("Mr", 2), BCI_ABBR_TITLE);
    assert_int_equal(bci_abbreviation_kind("INC", 3), BCI_ABBR_FINAL);
    assert_int_equal(bci_abbreviation_kind("e.g", 3), BCI_ABBR_PREFIX);
    assert_int_equal(bci_abbreviation_kind("Feb", 3), BCI_ABBR_NUMERIC);
    assert_int_equal(bci_abbreviation_kind("house", 5), BCI_ABBR_NONE);
    assert_int_equal(bci_abbreviation_kind("", 0), BCI_ABBR_NONE);
    assert_int_equal(bci_abbreviation_kind("averyveryverylongword", 21), BCI_ABBR_NONE);
    assert_true(bci_is_sentence_starter("The", 3));
    assert_false(bci_is_sentence_starter("London", 6));
}

static void test_char_classes(void **state)
{
    (void)state;
    int kind = 0;
    assert_int_equal(bci_space_length("\xC2\xA0x", 3), 2);
    assert_int_equal(bci_space_length("\xC2", 1), 0); /* cut short */
    assert_int_equal(bci_space_length("\xE2\x80\xA8", 3), 3);
    assert_int_equal(bci_space_length("\xE2\x80", 2), 0);
    assert_int_equal(bci_space_length("\xE2\x80\x8D", 3), 0); /* ZWJ joins emoji */
    assert_int_equal(bci_space_length("a", 1), 0);
    assert_int_equal(bci_terminator_length("\xE3\x80\x82", 3, &kind), 3);
    assert_int_equal(kind, BCI_TERM_FULL);
    assert_int_equal(bci_terminator_length("\xE2\x80\xA6", 3, &kind), 3);
    assert_int_equal(kind, BCI_TERM_ELLIPSIS);
    assert_int_equal(bci_terminator_length("\xD8\x9F", 2, &kind), 2);
    assert_int_equal(kind, BCI_TERM_BANG);
    assert_int_equal(bci_terminator_length("\xE2\x80", 2, &kind), 0);
    assert_int_equal(bci_terminator_length(",", 1, &kind), 0);
    assert_int_equal(bci_closer_length("\xE2\x80\x9D", 3), 3);
    assert_int_equal(bci_closer_length("\xE2\x80", 2), 0);
    assert_int_equal(bci_opener_length("\xC2\xAB", 2), 2);
    assert_int_equal(bci_opener_length("\xC2", 1), 0);
    assert_int_equal(bci_bullet_length("\xE2\x80\xA2", 3), 3);
    assert_int_equal(bci_footnote_length("[12] x", 6), 4);
    assert_int_equal(bci_footnote_length("[12", 3), 0);
    assert_int_equal(bci_footnote_length("[a]", 3), 0);
    assert_int_equal(bci_classify_char("", 0), BCI_CHAR_END);
    assert_int_equal(bci_classify_char("\xC3\x89", 2), BCI_CHAR_UPPER); /* É */
    assert_int_equal(bci_classify_char("\xD0\xB4", 2), BCI_CHAR_LOWER); /* д */
    assert_int_equal(bci_classify_char("\xD9\xA3", 2), BCI_CHAR_DIGIT); /* Arabic-Indic 3 */
    assert_int_equal(bci_classify_char("\xE4\xBD\xA0", 3), BCI_CHAR_OTHER); /* 你 */
    assert_int_equal(bci_classify_char("\xFF", 1), BCI_CHAR_OTHER); /* not UTF-8 */
}

/* Expects exactly the NULL-terminated list of sentences. */
static void expect(const char *text, size_t length, const char *const *expected)
{
    size_t *bounds;
    size_t count = split(text, length, &bounds);
    size_t n = 0;
    while (expected[n])
        n++;
    bool same = count == n;
    for (size_t i = 0; same && i < n; i++)
        same = bounds[2 * i + 1] - bounds[2 * i] == strlen(expected[i]) &&
               memcmp(text + bounds[2 * i], expected[i], strlen(expected[i])) == 0;
    if (!same)
        for (size_t i = 0; i < count; i++)
            print_message("  got [%.*s]\n", (int)(bounds[2 * i + 1] - bounds[2 * i]),
                          text + bounds[2 * i]);
    assert_int_equal(count, n);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(bounds[2 * i + 1] - bounds[2 * i], strlen(expected[i]));
        assert_memory_equal(text + bounds[2 * i], expected[i], strlen(expected[i]));
    }
    free(bounds);
}

#define EXPECT(text, ...) expect(text, strlen(text), (const char *[]){__VA_ARGS__, NULL})
#define EXPECT_NONE(text) expect(text, strlen(text), (const char *[]){NULL})

static void test_bad_input(void **state)
{
    (void)state;
    size_t *bounds = NULL, count = 0;
    assert_int_equal(bc_split_sentences(NULL, 3, &bounds, &count), BC_EINVAL);
    assert_int_equal(bc_split_sentences("a", 1, NULL, &count), BC_EINVAL);
    assert_int_equal(bc_split_sentences("a", 1, &bounds, NULL), BC_EINVAL);
    assert_int_equal(bc_split_sentences(NULL, 0, &bounds, &count), 0);
    assert_int_equal(count, 0);
    free(bounds);

    EXPECT_NONE("");
    EXPECT_NONE(" \t\n\r\f ");
    EXPECT_NONE("\xC2\xA0\xE2\x80\xA8\xE3\x80\x80"); /* NBSP, line separator, ideographic space */
    EXPECT("...", "...");
    EXPECT("?!?! ... !!", "?!?!", "... !!");
    EXPECT("\"\"\"", "\"\"\"");
    EXPECT("\xE2\x80\x9C\xE2\x80\x9D \xE2\x80\x98", "\xE2\x80\x9C\xE2\x80\x9D \xE2\x80\x98");
    EXPECT("He said \"go. She left.", "He said \"go.", "She left.");
    EXPECT("\xE2\x80\x9CNo end quote. Next one.", "\xE2\x80\x9CNo end quote.", "Next one.");
    EXPECT("Closing only\xE2\x80\x9D. Then more.", "Closing only\xE2\x80\x9D.", "Then more.");
    EXPECT("((( Deep. ))) Down.", "((( Deep.", "))) Down.");
    /* control characters are neither text nor boundaries */
    EXPECT("One\x01two. Three\x7F.", "One\x01two.", "Three\x7F.");
    /* emoji, including a joined sequence, stay inside their sentence */
    EXPECT("Great news \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9. Yes!",
           "Great news \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9.", "Yes!");
    /* invalid UTF-8 passes through without reading past the end */
    EXPECT("Bad \xE2\x80 byte. Next \xC2", "Bad \xE2\x80 byte.", "Next \xC2");
    EXPECT("\xE2", "\xE2");
    /* right-to-left text with Latin inside */
    EXPECT("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D BBC. \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D.",
           "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D BBC.", "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D.");
    /* a terminator as the last byte, and one alone */
    EXPECT("End.", "End.");
    EXPECT(".", ".");
    EXPECT("\xE3\x80\x82", "\xE3\x80\x82");
    /* text that is only a list marker or only a bullet */
    EXPECT("1.", "1.");
    EXPECT("\xE2\x80\xA2", "\xE2\x80\xA2");
    /* a paragraph separator splits even without punctuation */
    EXPECT("one\xE2\x80\xA9two", "one", "two");
}

/* Random text from pieces that stress the rules, truncated UTF-8 included:
 * the splitter must keep its invariants (checked by split()) on all of it. */
static void test_random_text(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        ".", "!", "?", "...", " ", "  ", "\n", "\n\n", "\"", "'", "(", ")", "[1]", "Mr", "U.S",
        "a.m", "1", "12", "a", "The", "he", "said", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\xA6",
        "\xC2\xA0", "\xE2\x80\xA2", "\xE3\x80\x82", "\xE2\x80", "\xC2", "\xF0\x9F\x8E\x89", ":",
        "-", "\xE2\x80\xA9", "\xD8\x9F", "e.g", "No", "\t", "I", ". . .", "?!",
    };
    uint64_t seed = 0x9E3779B97F4A7C15ull;
    char text[512];
    for (int round = 0; round < 20000; round++) {
        size_t length = 0;
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        size_t count = (size_t)(seed >> 33) % 40;
        for (size_t k = 0; k < count; k++) {
            seed = seed * 6364136223846793005ull + 1442695040888963407ull;
            const char *piece = pieces[(seed >> 33) % (sizeof pieces / sizeof *pieces)];
            size_t n = strlen(piece);
            if (length + n >= sizeof text)
                break;
            memcpy(text + length, piece, n);
            length += n;
        }
        /* exactly `length` bytes, no terminating NUL, so reads past the end
         * show under the address sanitizer */
        char *exact = malloc(length ? length : 1);
        assert_non_null(exact);
        memcpy(exact, text, length);
        size_t *bounds;
        split(exact, length, &bounds);
        free(bounds);
        free(exact);
    }
}

/* Runs the splitter on `length` bytes and checks it took under `seconds`. */
static void expect_fast(const char *text, size_t length, double seconds, size_t min_count,
                        size_t max_count)
{
    clock_t begin = clock();
    size_t *bounds;
    size_t count = split(text, length, &bounds);
    double elapsed = (double)(clock() - begin) / CLOCKS_PER_SEC;
    free(bounds);
    print_message("  %zu bytes -> %zu sentences in %.3f s\n", length, count, elapsed);
    assert_true(count >= min_count && count <= max_count);
    assert_true(elapsed < seconds);
}

/* 4 MiB: big enough that quadratic work would take minutes. */
#define HUGE_SIZE ((size_t)4 << 20)

static void test_pathological(void **state)
{
    (void)state;
    char *text = malloc(HUGE_SIZE + 1);
    assert_non_null(text);
    /* Generous limits: a linear pass takes a few hundredths of a second even
     * under the sanitizers and valgrind; a quadratic one would take hours. */
    const double limit = 30.0;

    /* one sentence of 4 MiB: words, no terminator until the end */
    for (size_t i = 0; i < HUGE_SIZE; i++)
        text[i] = i % 6 == 5 ? ' ' : 'a';
    text[HUGE_SIZE - 1] = '.';
    expect_fast(text, HUGE_SIZE, limit, 1, 1);

    /* no white space at all */
    memset(text, 'x', HUGE_SIZE);
    expect_fast(text, HUGE_SIZE, limit, 1, 1);

    /* only periods, and periods with spaces */
    memset(text, '.', HUGE_SIZE);
    expect_fast(text, HUGE_SIZE, limit, 1, 1);
    for (size_t i = 0; i < HUGE_SIZE; i++)
        text[i] = i % 2 ? ' ' : '.';
    expect_fast(text, HUGE_SIZE, limit, 1, 1);

    /* initials that never end: "A. A. A. ..." */
    for (size_t i = 0; i < HUGE_SIZE; i++)
        text[i] = "A. "[i % 3];
    expect_fast(text, HUGE_SIZE, limit, 1, 1);

    /* abbreviations and dotted words glued together: "a.m.a.m.a.m." */
    for (size_t i = 0; i < HUGE_SIZE; i++)
        text[i] = "a.m."[i % 4];
    expect_fast(text, HUGE_SIZE, limit, 1, 1);

    /* many short sentences */
    for (size_t i = 0; i < HUGE_SIZE; i++)
        text[i] = "Go. "[i % 4];
    expect_fast(text, HUGE_SIZE, limit, HUGE_SIZE / 4 - 1, HUGE_SIZE / 4 + 1);

    /* openers, closers and white space in long runs */
    for (size_t i = 0; i < HUGE_SIZE; i++)
        text[i] = i < HUGE_SIZE / 2 ? '(' : ' ';
    text[HUGE_SIZE / 4] = '.';
    expect_fast(text, HUGE_SIZE, limit, 1, 2);
    for (size_t i = 0; i < HUGE_SIZE; i++)
        text[i] = i % 2 ? '"' : '!';
    expect_fast(text, HUGE_SIZE, limit, 1, 1);

    /* list markers and quoted attributions on repeat */
    for (size_t i = 0; i < HUGE_SIZE; i++)
        text[i] = "1) x "[i % 5];
    expect_fast(text, HUGE_SIZE, limit, 1, HUGE_SIZE);
    for (size_t i = 0; i < HUGE_SIZE; i++)
        text[i] = "\"No!\" Mr Al Bo said. "[i % 22];
    expect_fast(text, HUGE_SIZE, limit, 1, HUGE_SIZE);

    /* line breaks and blank lines, alone and after a sentence */
    for (size_t i = 0; i < HUGE_SIZE; i++)
        text[i] = i % 2 ? '\n' : ' ';
    expect_fast(text, HUGE_SIZE, limit, 0, 0);
    memcpy(text, "Go. ", 4);
    expect_fast(text, HUGE_SIZE, limit, 1, 1);
    memset(text, '\n', HUGE_SIZE);
    memcpy(text + HUGE_SIZE / 2, "x.", 2);
    expect_fast(text, HUGE_SIZE, limit, 1, 1);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_case_set),
        cmocka_unit_test(test_heldout_set),
        cmocka_unit_test(test_word_lists),
        cmocka_unit_test(test_char_classes),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_random_text),
        cmocka_unit_test(test_pathological),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
