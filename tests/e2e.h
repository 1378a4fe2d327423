/* Shared by the end-to-end tests, which run the briefcast program: a fresh
 * temporary folder per test (`dir`), and the program run with its standard
 * output and error in dir/out.txt and dir/err.txt. */
#ifndef BRIEFCAST_E2E_H
#define BRIEFCAST_E2E_H

#include "testutil.h"

static char dir[512];

static inline int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "%s", tu_tempdir());
    return 0;
}

static inline int teardown(void **state)
{
    (void)state;
    tu_rmtree(dir);
    return 0;
}

/* Runs `briefcast ARGS` (a shell command line); returns its exit status. */
static inline int briefcast_in(const char *prefix, const char *args)
{
    char command[8192];
    int n = snprintf(command, sizeof command, "%s'%s' %s", prefix, BC_BRIEFCAST, args);
    assert_true(n > 0 && (size_t)n < sizeof command);
    return tu_run(command, tu_path(6, dir, "out.txt"), tu_path(7, dir, "err.txt"));
}

#ifndef E2E_OWN_BRIEFCAST
static inline int briefcast(const char *args)
{
    return briefcast_in("", args);
}
#endif

/* What the last run printed; the caller frees it. */
static inline char *output(void) { return tu_read_file(tu_path(6, dir, "out.txt"), NULL); }
static inline char *errors(void) { return tu_read_file(tu_path(7, dir, "err.txt"), NULL); }

static inline size_t count_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

#endif
