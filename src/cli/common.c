/* Input reading, error reporting and option parsing for the subcommands. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "config.h"

static void log_message(void *user_data, enum bc_log_level level, const char *message)
{
    cli_log *log = user_data;
    if (level == BC_LOG_ERROR) {
        snprintf(log->last_error, sizeof log->last_error, "%s", message);
    } else if (level == BC_LOG_WARNING && !log->quiet) {
        /* held: printed when the command succeeds, folded into its error
         * line when it fails */
        if (log->warning_count < sizeof log->warnings / sizeof log->warnings[0])
            snprintf(log->warnings[log->warning_count++], sizeof log->warnings[0], "%s", message);
        else
            log->warnings_dropped++;
    } else if (level >= BC_LOG_INFO && log->verbose) {
        fprintf(stderr, "briefcast: %s\n", message);
    }
}

bc_logger cli_logger(cli_log *log)
{
    return (bc_logger){log_message, log};
}

/* A status line is on the terminal and must be cleared before an error. */
static bool status_shown;

void cli_progress(const cli_log *log, const char *format, ...)
{
    if (!log || !log->progress)
        return;
    char line[160];
    va_list args;
    va_start(args, format);
    vsnprintf(line, sizeof line, format, args);
    va_end(args);
    /* \r and erase-to-end: the line is rewritten, never scrolled */
    fprintf(stderr, "\rbriefcast: %s\033[K", line);
    fflush(stderr);
    status_shown = true;
}

void cli_progress_done(const cli_log *log)
{
    (void)log;
    if (status_shown) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
        status_shown = false;
    }
}

void cli_error(const char *format, ...)
{
    cli_progress_done(NULL);
    va_list args;
    va_start(args, format);
    fputs("briefcast: ", stderr);
    vfprintf(stderr, format, args);
    fputc('\n', stderr);
    va_end(args);
}

void cli_flush_warnings(cli_log *log)
{
    if (!log)
        return;
    cli_progress_done(log);
    for (size_t i = 0; i < log->warning_count; i++)
        fprintf(stderr, "briefcast: warning: %s\n", log->warnings[i]);
    if (log->warnings_dropped)
        fprintf(stderr, "briefcast: warning: and %zu more warnings\n", log->warnings_dropped);
    log->warning_count = log->warnings_dropped = 0;
}

void cli_fail(cli_log *log, const char *what, int code)
{
    cli_progress_done(log);
    const char *cause = log && log->last_error[0] ? log->last_error : bc_strerror(code);
    if (log && log->warning_count)
        cli_error("%s: %s (after: %s)", what, cause, log->warnings[0]);
    else
        cli_error("%s: %s", what, cause);
    if (log) {
        log->last_error[0] = '\0';
        log->warning_count = log->warnings_dropped = 0;
    }
}

int cli_read_input(const char *path, size_t max_bytes, char **data_out, size_t *size_out)
{
    bool is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "standard input" : path;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        cli_error("%s: %s", name, strerror(errno));
        return errno == ENOENT ? BC_ENOTFOUND : BC_EIO;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        cli_error("%s: is a folder, not an article", name);
        if (!is_stdin)
            fclose(f);
        return BC_EINVAL;
    }
    char *data = NULL;
    size_t size = 0, capacity = 0;
    int rc = 0;
    for (;;) {
        if (capacity - size < 65536) {
            size_t grown = capacity ? capacity * 2 : 65536 * 2;
            char *p = realloc(data, grown + 1);
            if (!p) {
                cli_error("%s: out of memory", name);
                rc = BC_ENOMEM;
                break;
            }
            data = p;
            capacity = grown;
        }
        size_t n = fread(data + size, 1, capacity - size, f);
        size += n;
        if (max_bytes && size > max_bytes) {
            cli_error("%s: input is larger than the limit of %zu bytes (--max-input-bytes)", name,
                      max_bytes);
            rc = BC_ETOOBIG;
            break;
        }
        if (n == 0) {
            if (ferror(f)) {
                cli_error("%s: %s", name, strerror(errno));
                rc = BC_EIO;
            }
            break;
        }
    }
    if (!is_stdin)
        fclose(f);
    if (rc) {
        free(data);
        return rc;
    }
    data[size] = '\0';
    *data_out = data;
    *size_out = size;
    return 0;
}

int cli_ingest(const char *path, const bc_ingest_settings *settings, cli_log *log,
               bc_article_list **out)
{
    char *data;
    size_t size;
    int rc = cli_read_input(path, settings->max_input_bytes, &data, &size);
    if (rc)
        return rc;
    bc_ingest_settings s = *settings;
    s.logger = cli_logger(log);
    rc = bc_ingest(data, size, &s, out);
    free(data);
    if (rc)
        cli_fail(log, strcmp(path, "-") == 0 ? "standard input" : path, rc);
    return rc;
}

bool cli_parse_format(const char *text, bc_input_format *out)
{
    static const struct {
        const char *name;
        bc_input_format format;
    } formats[] = {
        {"auto", BC_FORMAT_AUTO},
        {"text", BC_FORMAT_TEXT},
        {"html", BC_FORMAT_HTML},
        {"feed", BC_FORMAT_FEED},
    };
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        if (strcmp(text, formats[i].name) == 0) {
            *out = formats[i].format;
            return true;
        }
    }
    cli_error("--input-format: expected auto, text, html or feed, got '%s'", text);
    return false;
}

bool cli_parse_long(const char *text, long low, long high, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (errno || end == text || *end || v < low || v > high)
        return false;
    *out = v;
    return true;
}

bool cli_parse_double(const char *text, double low, double high, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (errno || end == text || *end || !(v >= low && v <= high))
        return false;
    *out = v;
    return true;
}

/* The folder of the running program, from /proc/self/exe; NULL if unknown. */
static char *program_dir(void)
{
    char path[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
    if (n <= 0)
        return NULL;
    path[n] = '\0';
    char *slash = strrchr(path, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    return strdup(path);
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int cli_load_voices(const char *extra_dir, cli_log *log, bc_voice_set **out)
{
    /* The bundled profiles: next to the program (the build tree), else
     * the installed data folder relative to the program, else the
     * configured data folder. */
    char candidates[3][PATH_MAX];
    size_t candidate_count = 0;
    char *dir = program_dir();
    if (dir) {
        snprintf(candidates[candidate_count++], PATH_MAX, "%s/voices", dir);
        snprintf(candidates[candidate_count++], PATH_MAX, "%s/../share/briefcast/voices", dir);
        free(dir);
    }
    snprintf(candidates[candidate_count++], PATH_MAX, "%s/voices", BC_DATADIR);
    const char *dirs[2];
    size_t dir_count = 0;
    for (size_t i = 0; i < candidate_count; i++) {
        if (is_dir(candidates[i])) {
            dirs[dir_count++] = candidates[i];
            break;
        }
    }
    if (extra_dir)
        dirs[dir_count++] = extra_dir;
    if (dir_count == 0) {
        cli_error("voices: no voice profiles found (looked beside the program and in %s/voices)",
                  BC_DATADIR);
        return BC_ENOTFOUND;
    }
    bc_logger logger = cli_logger(log);
    int rc = bc_voice_set_load(dirs, dir_count, &logger, out);
    if (rc)
        cli_fail(log, "voices", rc);
    return rc;
}

char *cli_assets_dir(void)
{
    /* as the voices: beside the program (the build tree), the installed
     * data folder relative to the program, the configured data folder */
    char candidates[3][PATH_MAX];
    size_t candidate_count = 0;
    char *dir = program_dir();
    if (dir) {
        snprintf(candidates[candidate_count++], PATH_MAX, "%s/assets", dir);
        snprintf(candidates[candidate_count++], PATH_MAX, "%s/../share/briefcast/assets", dir);
        free(dir);
    }
    snprintf(candidates[candidate_count++], PATH_MAX, "%s/assets", BC_DATADIR);
    for (size_t i = 0; i < candidate_count; i++)
        if (is_dir(candidates[i]))
            return strdup(candidates[i]);
    return NULL;
}

int cli_shared_option(int c, const char *arg, bc_ingest_settings *ingest,
                      bc_summary_settings *summary)
{
    long number;
    double seconds;
    switch (c) {
    case CLI_OPT_WORDS:
    case CLI_OPT_SECONDS:
    case CLI_OPT_FULL:
        if (!summary)
            return 0;
        if (c == CLI_OPT_FULL) {
            summary->full = true;
        } else if (c == CLI_OPT_WORDS) {
            if (!cli_parse_long(arg, 1, 1000000, &number)) {
                cli_error("--words: expected a number of words from 1, got '%s'", arg);
                return EXIT_USAGE;
            }
            summary->words = (size_t)number;
        } else {
            if (!cli_parse_double(arg, 1, 86400, &seconds)) {
                cli_error("--seconds: expected seconds from 1 to 86400, got '%s'", arg);
                return EXIT_USAGE;
            }
            summary->seconds = seconds;
            summary->words = 0;
        }
        return 1;
    case CLI_OPT_MAX_INPUT:
    case CLI_OPT_FORMAT:
        if (!ingest)
            return 0;
        if (c == CLI_OPT_FORMAT)
            return cli_parse_format(arg, &ingest->format) ? 1 : EXIT_USAGE;
        if (!cli_parse_long(arg, 1, (long)((size_t)1 << 40), &number)) {
            cli_error("--max-input-bytes: expected a positive number, got '%s'", arg);
            return EXIT_USAGE;
        }
        ingest->max_input_bytes = (size_t)number;
        return 1;
    default:
        return 0;
    }
}

int cli_one_input(int argc, char **argv, const char *usage, const char **input)
{
    if (argc - optind != 1) {
        cli_error("expected one INPUT (a file, or - for standard input)");
        fprintf(stderr, "usage: briefcast %s\n", usage);
        return EXIT_USAGE;
    }
    *input = argv[optind];
    return 0;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends a copy of `path` to the list. */
static int push_input(char ***list, size_t *count, size_t *capacity, const char *path)
{
    if (*count == *capacity) {
        size_t grown = *capacity ? *capacity * 2 : 16;
        char **p = realloc(*list, grown * sizeof *p);
        if (!p)
            return BC_ENOMEM;
        *list = p;
        *capacity = grown;
    }
    char *copy = strdup(path);
    if (!copy)
        return BC_ENOMEM;
    (*list)[(*count)++] = copy;
    return 0;
}

int cli_expand_inputs(char **inputs, size_t count, char ***out, size_t *out_count)
{
    char **list = NULL;
    size_t n = 0, capacity = 0;
    int rc = 0;
    for (size_t i = 0; i < count && !rc; i++) {
        struct stat st;
        if (strcmp(inputs[i], "-") == 0 || stat(inputs[i], &st) != 0 || !S_ISDIR(st.st_mode)) {
            rc = push_input(&list, &n, &capacity, inputs[i]); /* read (and its errors) later */
            continue;
        }
        DIR *d = opendir(inputs[i]);
        if (!d) {
            cli_error("%s: %s", inputs[i], strerror(errno));
            rc = BC_EIO;
            break;
        }
        size_t first = n;
        struct dirent *e;
        while (!rc && (e = readdir(d))) {
            if (e->d_name[0] == '.')
                continue;
            char path[PATH_MAX];
            if (snprintf(path, sizeof path, "%s/%s", inputs[i], e->d_name) >= (int)sizeof path)
                continue;
            struct stat entry;
            if (stat(path, &entry) == 0 && S_ISREG(entry.st_mode))
                rc = push_input(&list, &n, &capacity, path);
        }
        closedir(d);
        if (!rc && n == first) {
            cli_error("%s: the folder has no files to read", inputs[i]);
            rc = BC_EEMPTY;
        }
        if (!rc)
            qsort(list + first, n - first, sizeof *list, compare_names);
    }
    if (rc) {
        if (rc == BC_ENOMEM)
            cli_error("out of memory");
        cli_free_inputs(list, n);
        return rc;
    }
    *out = list;
    *out_count = n;
    return 0;
}

void cli_free_inputs(char **inputs, size_t count)
{
    for (size_t i = 0; inputs && i < count; i++)
        free(inputs[i]);
    free(inputs);
}

int cli_each_doc(const char *input, const bc_ingest_settings *ingest, bc_text_settings *text,
                 cli_doc_fn print, void *user_data)
{
    cli_log log = {0};
    bc_article_list *list = NULL;
    if (cli_ingest(input, ingest, &log, &list))
        return 1;
    int status = 0;
    text->logger = cli_logger(&log);
    for (size_t i = 0; i < list->count && status == 0; i++) {
        bc_doc *doc = NULL;
        int rc = bc_doc_build(&list->articles[i], text, &doc);
        if (rc) {
            cli_fail(&log, input, rc);
            status = 1;
        } else if (print(doc, i, user_data, &log)) {
            status = 1;
        }
        bc_doc_free(doc);
    }
    bc_article_list_free(list);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_error("standard output: write error");
        status = 1;
    }
    if (status == 0)
        cli_flush_warnings(&log);
    return status;
}
