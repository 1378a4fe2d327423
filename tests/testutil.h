/* Helpers for the cmocka tests: temporary folders, files and commands. */
#ifndef BRIEFCAST_TESTUTIL_H
#define BRIEFCAST_TESTUTIL_H

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

/* Makes a new empty folder under $TMPDIR (or /tmp); returns a static path. */
static inline const char *tu_tempdir(void)
{
    static char path[512];
    const char *base = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/briefcast-test-XXXXXX", base && *base ? base : "/tmp");
    assert_non_null(mkdtemp(path));
    return path;
}

/* Removes a folder and everything in it. */
static inline void tu_rmtree(const char *path)
{
    char command[1024];
    snprintf(command, sizeof command, "rm -rf '%s'", path);
    assert_int_equal(system(command), 0);
}

static inline void tu_write_file(const char *path, const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, size, f), size);
    assert_int_equal(fclose(f), 0);
}

/* Reads a whole file into a new NUL-terminated buffer; NULL if missing. */
static inline char *tu_read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *data = malloc((size_t)n + 1);
    assert_non_null(data);
    assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
    data[n] = '\0';
    fclose(f);
    if (size)
        *size = (size_t)n;
    return data;
}

static inline bool tu_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Number of entries in a folder (not counting . and ..). */
static inline int tu_count_entries(const char *dir)
{
    char command[1024];
    snprintf(command, sizeof command, "ls -A '%s' | wc -l", dir);
    FILE *p = popen(command, "r");
    assert_non_null(p);
    int n = -1;
    assert_int_equal(fscanf(p, "%d", &n), 1);
    pclose(p);
    return n;
}

/* Runs a shell command; its stdout and stderr go to the named files (NULL:
 * discarded). Returns the exit status, or -1 when it did not exit. */
static inline int tu_run(const char *command, const char *out_path, const char *err_path)
{
    char full[20000];
    int n = snprintf(full, sizeof full, "%s >'%s' 2>'%s'", command,
                     out_path ? out_path : "/dev/null", err_path ? err_path : "/dev/null");
    assert_true(n > 0 && (size_t)n < sizeof full);
    int status = system(full);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* A path inside `dir`; a static buffer per call slot (0..7). */
static inline const char *tu_path(int slot, const char *dir, const char *name)
{
    static char paths[8][2048];
    snprintf(paths[slot], sizeof paths[slot], "%s/%s", dir, name);
    return paths[slot];
}

#endif
