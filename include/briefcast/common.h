/* briefcast — shared definitions of the public API: export macro, error
 * codes and the logger callback that every stage reports through. */
#ifndef BRIEFCAST_COMMON_H
#define BRIEFCAST_COMMON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(BC_BUILDING_LIBRARY) && defined(__GNUC__)
#define BC_API __attribute__((visibility("default")))
#else
#define BC_API
#endif

/* Every function that can fail returns 0 or one of these negative codes. */
enum {
    BC_OK = 0,
    BC_EINVAL = -1,     /* an argument is invalid (a bug in the caller) */
    BC_ENOMEM = -2,     /* out of memory; nothing was changed */
    BC_EIO = -3,        /* reading or writing a file failed (errno says why) */
    BC_EEMPTY = -4,     /* the input holds no text to read */
    BC_EBINARY = -5,    /* the input is binary data, not text */
    BC_EUTF8 = -6,      /* the input is not valid UTF-8 */
    BC_EFORMAT = -7,    /* the input or a data file is malformed */
    BC_ESYNTH = -8,     /* the speech synthesizer failed */
    BC_EENCODE = -9,    /* the audio encoder failed */
    BC_ENOTFOUND = -10, /* a file, voice or resource does not exist */
    BC_ETOOBIG = -11,   /* the input is larger than the configured limit */
    BC_EBUSY = -12,     /* a process-wide resource is already in use */
    BC_EINTR = -13,     /* the work was cancelled */
};

/* Returns a static, human-readable description of an error code; never NULL. */
BC_API const char *bc_strerror(int code);

/* Returns the library version, e.g. "0.1.0"; a static string. */
BC_API const char *bc_version(void);

/* Writes `size` bytes to `path` so that the file appears complete or not at
 * all: through a temporary file in the same folder, renamed over `path`
 * once written and synced. On error the old file is untouched, no
 * temporary file is left, and errno says why. Errors: BC_EINVAL, BC_EIO,
 * BC_ENOMEM. */
BC_API int bc_write_file(const char *path, const void *data, size_t size);

enum bc_log_level {
    BC_LOG_ERROR = 0,   /* the reason an operation failed */
    BC_LOG_WARNING = 1, /* something was skipped or guessed */
    BC_LOG_INFO = 2,    /* progress */
    BC_LOG_DEBUG = 3,
};

/* Receives the library's diagnostics. `message` is one line without a
 * trailing newline, valid only during the call. */
typedef void (*bc_log_fn)(void *user_data, enum bc_log_level level, const char *message);

/* A logger: a function and the pointer handed back to it. A NULL `fn`
 * discards every message. */
typedef struct bc_logger {
    bc_log_fn fn;
    void *user_data;
} bc_logger;

/* Polled between units of work; returns non-zero to cancel. Long operations
 * then return BC_EINTR after cleaning up. A NULL `fn` never cancels. */
typedef int (*bc_cancel_fn)(void *user_data);

typedef struct bc_canceller {
    bc_cancel_fn fn;
    void *user_data;
} bc_canceller;

#ifdef __cplusplus
}
#endif

#endif
