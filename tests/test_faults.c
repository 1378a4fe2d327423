/* Faults: a full disk, a file size limit, an unwritable folder, a missing
 * voice, and SIGINT or SIGTERM in the middle of a run. Each gives a clear
 * one-line error and a non-zero status, removes its temporary files, and
 * leaves the previous outputs (and the podcast feed) as they were. */
#include "e2e.h"

#include <signal.h>
#include <time.h>

#define EXAMPLES BC_SOURCE_ROOT "/examples"

static char out[600]; /* the outputs' folder, inside the test's folder */

static int setup_outputs(void **state)
{
    setup(state);
    snprintf(out, sizeof out, "%s/out", dir);
    mkdir(out, 0755);
    return 0;
}

/* Puts previous outputs in `folder`: out.opus, out.wav, feed.xml. */
static void previous_outputs(const char *folder)
{
    tu_write_file(tu_path(0, folder, "out.opus"), "old opus", 8);
    tu_write_file(tu_path(0, folder, "out.wav"), "old wav", 7);
    tu_write_file(tu_path(0, folder, "feed.xml"), "<rss version=\"2.0\"><channel></channel></rss>",
                  44);
}

static void expect_previous_outputs(const char *folder)
{
    char *data = tu_read_file(tu_path(0, folder, "out.opus"), NULL);
    assert_string_equal(data, "old opus");
    free(data);
    data = tu_read_file(tu_path(0, folder, "out.wav"), NULL);
    assert_string_equal(data, "old wav");
    free(data);
    data = tu_read_file(tu_path(0, folder, "feed.xml"), NULL);
    assert_string_equal(data, "<rss version=\"2.0\"><channel></channel></rss>");
    free(data);
    /* and nothing else: no temporary file is left */
    assert_int_equal(tu_count_entries(folder), 3);
}

static const char *make_args(const char *folder, const char *extra)
{
    static char args[4096];
    snprintf(args, sizeof args,
             "make --no-jingle --full %s/harbour-bridge.txt %s/rooftop-gardens.txt -o '%s/out.opus' "
             "--wav '%s/out.wav' --feed '%s/feed.xml' --base-url https://e.org "
             "--feed-config %s/podcast.conf %s",
             EXAMPLES, EXAMPLES, folder, folder, folder, EXAMPLES, extra);
    return args;
}

/* Runs a shell command line; stderr in dir/err.txt. */
static int run_shell(const char *line)
{
    return tu_run(line, NULL, tu_path(7, dir, "err.txt"));
}

static void expect_one_line_error(const char *cause)
{
    char *err = tu_read_file(tu_path(7, dir, "err.txt"), NULL);
    if (!strstr(err, cause))
        print_message("stderr: %s", err);
    assert_int_equal(count_lines(err), 1);
    assert_non_null(strstr(err, cause));
    free(err);
}

static bool can_mount(void)
{
    return getuid() == 0 && system("unshare -m true 2>/dev/null") == 0;
}

static void test_full_disk(void **state)
{
    (void)state;
    if (!can_mount())
        skip(); /* a small tmpfs needs root; the file size limit test covers the rest */
    /* a 256 KiB file system, private to the command: the WAV cannot fit */
    previous_outputs(out);
    char line[8192];
    snprintf(line, sizeof line,
             "unshare -m sh -c \"mount -t tmpfs -o size=256k tmpfs '%s/disk' && cp '%s'/* '%s/disk/' && "
             "'%s' %s; status=\\$?; ls -A '%s/disk' > '%s/listing'; cp '%s/disk'/* '%s/'; "
             "exit \\$status\"",
             dir, out, dir, BC_BRIEFCAST, make_args(tu_path(1, dir, "disk"), ""), dir, dir, dir, out);
    mkdir(tu_path(1, dir, "disk"), 0755);
    assert_int_equal(run_shell(line), 1);
    expect_one_line_error("No space left on device");
    char *listing = tu_read_file(tu_path(2, dir, "listing"), NULL);
    assert_string_equal(listing, "feed.xml\nout.opus\nout.wav\n"); /* no temporary files */
    free(listing);
    expect_previous_outputs(out); /* copied back out of the small disk */
}

static void test_file_size_limit(void **state)
{
    (void)state;
    previous_outputs(out);
    char line[8192];
    /* 512 KiB per file: the WAV of the bulletin is larger */
    snprintf(line, sizeof line, "ulimit -f 512 && '%s' %s", BC_BRIEFCAST, make_args(out, ""));
    assert_int_equal(run_shell(line), 1);
    expect_one_line_error("File too large");
    expect_previous_outputs(out);
}

static void test_unwritable_folder(void **state)
{
    (void)state;
    previous_outputs(out);
    char line[8192];
    if (can_mount()) {
        /* the folder read-only (a read-only bind of itself, private) */
        snprintf(line, sizeof line,
                 "unshare -m sh -c \"mount --bind '%s' '%s' && mount -o remount,bind,ro '%s' && "
                 "'%s' %s\"", out, out, out, BC_BRIEFCAST, make_args(out, ""));
        assert_int_equal(run_shell(line), 1);
        expect_one_line_error("Read-only file system");
    } else if (getuid() != 0) {
        chmod(out, 0555);
        snprintf(line, sizeof line, "'%s' %s", BC_BRIEFCAST, make_args(out, ""));
        int status = run_shell(line);
        chmod(out, 0755);
        assert_int_equal(status, 1);
        expect_one_line_error("Permission denied");
    } else {
        skip();
    }
    expect_previous_outputs(out);
}

static void test_missing_voice(void **state)
{
    (void)state;
    previous_outputs(out);
    /* a narrator profile naming a voice eSpeak NG does not have */
    const char *voices = tu_path(1, dir, "voices");
    mkdir(voices, 0755);
    tu_write_file(tu_path(2, voices, "narrator.voice"), "use = narrator\nlanguage = xx-nowhere\n",
                  37);
    char line[8192], extra[2048];
    snprintf(extra, sizeof extra, "--voices '%s'", voices);
    snprintf(line, sizeof line, "'%s' %s", BC_BRIEFCAST, make_args(out, extra));
    assert_int_equal(run_shell(line), 1);
    expect_one_line_error("xx-nowhere");
    expect_previous_outputs(out);
    /* a voices folder that is not there */
    snprintf(line, sizeof line, "'%s' %s", BC_BRIEFCAST, make_args(out, "--voices /nonexistent"));
    assert_int_equal(run_shell(line), 1);
    expect_one_line_error("/nonexistent");
    expect_previous_outputs(out);
}

/* Starts a long run, sends `signal_number` after `delay_ms`, and checks the
 * run stopped cleanly. */
static void interrupt_after(int signal_number, unsigned delay_ms)
{
    previous_outputs(out);
    /* a long input: the two examples, ten times over */
    const char *input = tu_path(1, dir, "long.txt");
    char *a = tu_read_file(EXAMPLES "/harbour-bridge.txt", NULL);
    char *b = tu_read_file(EXAMPLES "/rooftop-gardens.txt", NULL);
    FILE *f = fopen(input, "w");
    fprintf(f, "A long day\n\n");
    for (int i = 0; i < 10; i++)
        fprintf(f, "%s\n\n%s\n\n", strchr(a, '\n') + 2, strchr(b, '\n') + 2);
    fclose(f);
    free(a);
    free(b);
    char args[8192];
    snprintf(args, sizeof args,
             "make --no-jingle --full '%s' -o '%s/out.opus' --wav '%s/out.wav' --feed "
             "'%s/feed.xml' --base-url https://e.org --feed-config %s/podcast.conf",
             input, out, out, out, EXAMPLES);
    char line[12000];
    snprintf(line, sizeof line, "exec '%s' %s 2>'%s'", BC_BRIEFCAST, args, tu_path(7, dir, "err.txt"));
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", line, (char *)NULL);
        _exit(127);
    }
    struct timespec pause = {delay_ms / 1000, (long)(delay_ms % 1000) * 1000000L};
    nanosleep(&pause, NULL);
    assert_int_equal(kill(pid, signal_number), 0);
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 128 + signal_number);
    expect_one_line_error("interrupted");
    unlink(input);
    expect_previous_outputs(out);
}

static void test_sigint_while_speaking(void **state)
{
    (void)state;
    interrupt_after(SIGINT, 300);
}

static void test_sigterm_while_encoding(void **state)
{
    (void)state;
    interrupt_after(SIGTERM, 3000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_full_disk, setup_outputs, teardown),
        cmocka_unit_test_setup_teardown(test_file_size_limit, setup_outputs, teardown),
        cmocka_unit_test_setup_teardown(test_unwritable_folder, setup_outputs, teardown),
        cmocka_unit_test_setup_teardown(test_missing_voice, setup_outputs, teardown),
        cmocka_unit_test_setup_teardown(test_sigint_while_speaking, setup_outputs, teardown),
        cmocka_unit_test_setup_teardown(test_sigterm_while_encoding, setup_outputs, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
