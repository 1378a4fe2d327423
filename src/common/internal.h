/* Helpers shared by the library's modules (prefix bci_). Not installed. */
#ifndef BRIEFCAST_INTERNAL_H
#define BRIEFCAST_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "briefcast/common.h"

#define BCI_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Sends a printf-style message to `logger` (may be NULL or have no fn). */
void bci_log(const bc_logger *logger, enum bc_log_level level, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/* Returns non-zero when `c` asks to stop (NULL never does). */
int bci_cancelled(const bc_canceller *c);

/* One task of a parallel loop: returns 0 or an error. */
typedef int (*bci_task_fn)(void *user_data, size_t index);

/* Runs task(user_data, i) for every i in [0, count) on up to `jobs`
 * threads, the calling thread among them, each task taking the next index
 * in order. After a task fails no later one starts. Returns 0, or the
 * error of the lowest task that failed; BC_EINVAL without a task,
 * BC_ENOMEM when no lock can be made (a thread that cannot start leaves
 * its share to the others). */
int bci_parallel_for(size_t jobs, size_t count, bci_task_fn task, void *user_data);

/* `jobs` as asked (0: one per processor), from 1 to 64. */
size_t bci_job_count(unsigned jobs);

/* Makes room for `need` elements of `size` bytes in `*items`, whose capacity
 * is `*capacity`, growing geometrically. On failure nothing changes.
 * Returns 0 or BC_ENOMEM. */
int bci_reserve(void **items, size_t *capacity, size_t need, size_t size);

/* Returns a new NUL-terminated copy of `length` bytes of `s`, or NULL when
 * out of memory. The caller frees it. */
char *bci_strndup(const char *s, size_t length);

/* As bci_strndup() for a NUL-terminated string; NULL gives NULL. */
char *bci_strdup(const char *s);

/* A growable byte string, always NUL-terminated once anything is added.
 * Zero-initialise it; free `data` with free(). */
typedef struct bci_buf {
    char *data;
    size_t length;
    size_t capacity;
} bci_buf;

int bci_buf_append(bci_buf *b, const char *s, size_t length);
int bci_buf_puts(bci_buf *b, const char *s);
int bci_buf_putc(bci_buf *b, char c);
int bci_buf_printf(bci_buf *b, const char *format, ...) __attribute__((format(printf, 2, 3)));
/* Hands the string to the caller (an empty string when nothing was added);
 * the buffer is left empty. Returns NULL when out of memory. */
char *bci_buf_take(bci_buf *b);
void bci_buf_free(bci_buf *b);

/* Checks that `data` is UTF-8; returns true, or false with the offset of the
 * first bad byte in `*bad_offset`. */
bool bci_utf8_valid(const char *data, size_t size, size_t *bad_offset);

/* Decodes one UTF-8 code point at `s` (at most `length` bytes); returns its
 * byte length (1 for an invalid byte, whose value becomes U+FFFD). */
size_t bci_utf8_decode(const char *s, size_t length, int32_t *cp);

/* The day of the week of a date of the Gregorian calendar, 0 for Sunday
 * (month 1-12). */
int bci_weekday(int year, int month, int day);

/* 64-bit FNV-1a hash, for seeds and serial numbers that must be stable. */
uint64_t bci_hash(uint64_t seed, const void *data, size_t size);

/* Receives one "key = value" pair (both trimmed, NUL-terminated, valid
 * during the call); returns 0, BC_ENOMEM, or BC_EFORMAT with `*problem`
 * set to a short reason. */
typedef int (*bci_kv_fn)(void *user_data, const char *key, const char *value,
                         const char **problem);

/* Calls `on_pair` for every "key = value" line of `text`, skipping blank
 * lines and lines starting with #. Returns 0 or the first error, with the
 * 1-based line in `*line_number` and a reason in `*problem` (a line
 * without '=', NUL bytes, or what `on_pair` said). */
int bci_kv_parse(const char *text, size_t length, bci_kv_fn on_pair, void *user_data,
                 size_t *line_number, const char **problem);

/* A file that appears at its path only when complete: it is written to a
 * temporary file in the same folder and renamed over the target on commit. */
typedef struct bci_atomic_file {
    char *path;
    char *temp_path;
    FILE *stream;
    int error; /* errno of the first write that failed, or 0 */
} bci_atomic_file;

/* Writes `size` bytes to the file's stream; returns the bytes written.
 * The errno of the first short write is kept in f->error (stdio forgets
 * it), so the caller can say why ("No space left on device"). */
size_t bci_atomic_write(bci_atomic_file *f, const void *data, size_t size);

/* Why writing `f` failed: its first write error, else `fallback`. */
const char *bci_atomic_strerror(const bci_atomic_file *f, int fallback);

/* Creates the temporary file for `path`. Errors: BC_ENOMEM, BC_EIO (errno
 * is kept for the caller). */
int bci_atomic_open(bci_atomic_file *f, const char *path);
/* Flushes, syncs and renames the file into place; afterwards `f` is closed.
 * On error the temporary file is removed. Errors: BC_EIO. */
int bci_atomic_commit(bci_atomic_file *f);
/* Removes the temporary file (if any) and frees `f`; safe to call twice. */
void bci_atomic_abort(bci_atomic_file *f);

#endif
