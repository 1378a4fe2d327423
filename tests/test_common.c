/* Unit tests of the shared helpers: errors, buffers, UTF-8, atomic files. */
#include "testutil.h"

#include <errno.h>

#include "common/internal.h"

static void test_strerror(void **state)
{
    (void)state;
    assert_string_equal(bc_strerror(BC_OK), "success");
    assert_string_equal(bc_strerror(BC_EUTF8), "not valid UTF-8");
    assert_string_equal(bc_strerror(-999), "unknown error");
    for (int code = BC_EINTR; code <= 0; code++)
        assert_non_null(bc_strerror(code));
}

static void test_buf(void **state)
{
    (void)state;
    bci_buf b = {0};
    assert_int_equal(bci_buf_puts(&b, "one"), 0);
    assert_int_equal(bci_buf_printf(&b, " %d %s", 2, "three"), 0);
    char big[1000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_int_equal(bci_buf_printf(&b, "%s", big), 0);
    assert_int_equal(b.length, strlen("one 2 three") + 999);
    char *s = bci_buf_take(&b);
    assert_memory_equal(s, "one 2 three", 11);
    assert_null(b.data);
    free(s);
    s = bci_buf_take(&b);
    assert_string_equal(s, "");
    free(s);
}

static void test_utf8(void **state)
{
    (void)state;
    size_t bad = 0;
    assert_true(bci_utf8_valid("plain", 5, &bad));
    assert_true(bci_utf8_valid("caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xF0\x9F\x98\x80", 18, &bad));
    assert_false(bci_utf8_valid("ab\xC3", 3, &bad));
    assert_int_equal(bad, 2);
    assert_false(bci_utf8_valid("a\xC0\xAF", 3, &bad)); /* overlong */
    assert_int_equal(bad, 1);
    assert_false(bci_utf8_valid("\xED\xA0\x80", 3, &bad)); /* surrogate */
    assert_false(bci_utf8_valid("\xFF", 1, &bad));
    int32_t cp;
    assert_int_equal(bci_utf8_decode("\xE2\x82\xAC", 3, &cp), 3);
    assert_int_equal(cp, 0x20AC);
}

static void test_atomic_commit_and_abort(void **state)
{
    (void)state;
    const char *dir = tu_tempdir();
    const char *target = tu_path(0, dir, "out.bin");
    tu_write_file(target, "old", 3);

    bci_atomic_file f;
    assert_int_equal(bci_atomic_open(&f, target), 0);
    fputs("new contents", f.stream);
    bci_atomic_abort(&f);
    char *data = tu_read_file(target, NULL);
    assert_string_equal(data, "old"); /* abort leaves the old file */
    free(data);
    assert_int_equal(tu_count_entries(dir), 1); /* and no temporary file */

    assert_int_equal(bci_atomic_open(&f, target), 0);
    fputs("new contents", f.stream);
    assert_int_equal(bci_atomic_commit(&f), 0);
    data = tu_read_file(target, NULL);
    assert_string_equal(data, "new contents");
    free(data);
    assert_int_equal(tu_count_entries(dir), 1);

    /* a folder that does not exist: an I/O error, errno kept */
    assert_int_equal(bci_atomic_open(&f, tu_path(1, dir, "missing/out.bin")), BC_EIO);
    assert_int_equal(errno, ENOENT);
    tu_rmtree(dir);
}

static void test_hash_is_stable(void **state)
{
    (void)state;
    /* FNV-1a of "a" is a published constant: the hash must never change,
     * or every serial number (and so every output file) would. */
    assert_true(bci_hash(0, "a", 1) == 0xaf63dc4c8601ec8cULL);
}

/* A parallel loop's tasks: each marks its index; some fail. */
typedef struct tasks {
    int done[100];
    size_t fail_from;  /* tasks from here on fail with their own code */
} tasks;

static int mark(void *user_data, size_t index)
{
    tasks *t = user_data;
    t->done[index]++;
    /* a little work, so that the threads really overlap */
    volatile double x = 0;
    for (int i = 0; i < 20000; i++)
        x += i;
    (void)x;
    return index >= t->fail_from ? -(int)index - 100 : 0;
}

static void test_parallel_for(void **state)
{
    (void)state;
    for (size_t jobs = 1; jobs <= 4; jobs++) {
        /* every task once, whatever the jobs */
        tasks t = {.fail_from = 100};
        assert_int_equal(bci_parallel_for(jobs, 100, mark, &t), 0);
        for (size_t i = 0; i < 100; i++)
            assert_int_equal(t.done[i], 1);
        /* the lowest failure comes back; every task before it ran, none
         * after it started once it had failed (threads may have taken a
         * few beyond it before it did) */
        t = (tasks){.fail_from = 40};
        assert_int_equal(bci_parallel_for(jobs, 100, mark, &t), -140);
        for (size_t i = 0; i < 100; i++)
            assert_true(i <= 40 ? t.done[i] == 1 : t.done[i] <= 1);
        if (jobs == 1)
            for (size_t i = 41; i < 100; i++)
                assert_int_equal(t.done[i], 0);
    }
    /* nothing to do, more jobs than tasks, no task */
    tasks t = {.fail_from = 100};
    assert_int_equal(bci_parallel_for(2, 0, mark, &t), 0);
    assert_int_equal(bci_parallel_for(64, 3, mark, &t), 0);
    assert_int_equal(t.done[0] + t.done[1] + t.done[2] + t.done[3], 3);
    assert_int_equal(bci_parallel_for(2, 3, NULL, &t), BC_EINVAL);
    assert_int_equal(bci_job_count(3), 3);
    assert_true(bci_job_count(0) >= 1);
    assert_int_equal(bci_job_count(1000), 64);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strerror),
        cmocka_unit_test(test_buf),
        cmocka_unit_test(test_utf8),
        cmocka_unit_test(test_atomic_commit_and_abort),
        cmocka_unit_test(test_hash_is_stable),
        cmocka_unit_test(test_parallel_for),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
