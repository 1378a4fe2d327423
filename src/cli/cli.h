/* The briefcast program: shared parts of the subcommands. Only this folder
 * prints or exits. */
#ifndef BRIEFCAST_CLI_H
#define BRIEFCAST_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "briefcast/briefcast.h"

/* Exit statuses: 0 success, 1 the work failed, 2 the command line is wrong. */
#define EXIT_USAGE 2

/* The logger every command hands to the library: remembers the last error
 * so that the one-line message can name its cause, and prints warnings. */
typedef struct cli_log {
    char last_error[512];
    char warnings[8][256]; /* held until the command ends (see cli_finish) */
    size_t warning_count;
    size_t warnings_dropped;
    bool quiet;
    bool verbose;
    bool progress; /* a terminal: show progress */
} cli_log;

bc_logger cli_logger(cli_log *log);

/* Progress for long runs: one status line on stderr, rewritten in place,
 * only when stderr is a terminal and not --quiet (`log->progress`). */
void cli_progress(const cli_log *log, const char *format, ...) __attribute__((format(printf, 2, 3)));

/* Ends the status line (before other output or at the end). */
void cli_progress_done(const cli_log *log);

/* Prints the warnings held back, one line each (a command that succeeds
 * calls it at its end). */
void cli_flush_warnings(cli_log *log);

/* Prints "briefcast: WHAT: CAUSE" on stderr; the cause is the library's
 * last logged error when there is one, else bc_strerror(code). Warnings held
 * back are folded into the same line, so a failure is always one line. */
void cli_fail(cli_log *log, const char *what, int code);

/* Prints "briefcast: MESSAGE" on stderr (printf-style). */
void cli_error(const char *format, ...) __attribute__((format(printf, 1, 2)));

/* Reads a whole input (a path, or "-" for stdin) into a new buffer with a
 * NUL after the data. Returns 0 or a BC_E code, after printing the error. */
int cli_read_input(const char *path, size_t max_bytes, char **data, size_t *size);

/* Expands the INPUTs: a folder stands for the files in it (not hidden
 * ones, not sub-folders), in name order. Writes a new list of new strings
 * to `*out` (free with cli_free_inputs()). Returns 0 or an error (printed;
 * also for a folder with no files). */
int cli_expand_inputs(char **inputs, size_t count, char ***out, size_t *out_count);

void cli_free_inputs(char **inputs, size_t count);

/* Reads and ingests one input. Returns 0 or an error code (printed). */
int cli_ingest(const char *path, const bc_ingest_settings *settings, cli_log *log,
               bc_article_list **out);

/* Prints one doc of an input (article `index` of it); returns 0, or
 * non-zero once it has reported its failure. */
typedef int (*cli_doc_fn)(const bc_doc *doc, size_t index, void *user_data, cli_log *log);

/* Ingests `input`, builds the doc of each of its articles with `text` (its
 * logger set to the run's) and hands it to `print`, stopping at the first
 * failure; then checks standard output and prints the warnings. Returns the
 * exit status: 0, or 1 after one line on stderr. */
int cli_each_doc(const char *input, const bc_ingest_settings *ingest, bc_text_settings *text,
                 cli_doc_fn print, void *user_data);

/* Parses the value of --input-format (auto, text, html or feed); returns
 * false, after printing the error, when it is none of them. */
bool cli_parse_format(const char *text, bc_input_format *out);

/* Options several commands share: their getopt_long codes and entries. */
enum {
    CLI_OPT_WORDS = 1000,
    CLI_OPT_SECONDS,
    CLI_OPT_FULL,
    CLI_OPT_MAX_INPUT,
    CLI_OPT_FORMAT,
};
#define CLI_BUDGET_OPTIONS                                                                   \
    {"words", required_argument, NULL, CLI_OPT_WORDS},                                      \
        {"seconds", required_argument, NULL, CLI_OPT_SECONDS},                              \
        {"full", no_argument, NULL, CLI_OPT_FULL}
#define CLI_INPUT_OPTIONS                                                                    \
    {"max-input-bytes", required_argument, NULL, CLI_OPT_MAX_INPUT},                        \
        {"input-format", required_argument, NULL, CLI_OPT_FORMAT}

/* Takes a shared option into `ingest` or `summary` (either may be NULL when
 * the command has no such options). Returns 1 when `c` was a shared option,
 * 0 when it was not, and EXIT_USAGE (the cause printed) for a bad value. */
int cli_shared_option(int c, const char *arg, bc_ingest_settings *ingest,
                      bc_summary_settings *summary);

/* After the options: exactly one INPUT must remain; it goes to `*input`.
 * Returns 0, or EXIT_USAGE with the usage printed. */
int cli_one_input(int argc, char **argv, const char *usage, const char **input);

/* Parses a decimal number in [low, high]; returns false when it is not one. */
bool cli_parse_long(const char *text, long low, long high, long *out);
bool cli_parse_double(const char *text, double low, double high, double *out);

/* Loads the voice profiles: the installed or bundled ones, then `extra_dir`
 * (may be NULL). Returns 0 or an error (printed). */
int cli_load_voices(const char *extra_dir, cli_log *log, bc_voice_set **out);

/* The folder of the bundled sound assets (jingle, music bed), found as
 * the voices are; a new string, or NULL when there is none. */
char *cli_assets_dir(void);

/* The podcast feed that `make --feed` adds an episode to. */
typedef struct cli_feed {
    const char *path;      /* the feed file */
    const char *base_url;  /* where the episode's files are published */
    const char *config;    /* the channel settings file */
    bc_podcast_channel channel;
    bool have_channel;
    char *existing;        /* the feed as it was, or NULL */
    size_t existing_size;
} cli_feed;

/* The files of one episode (NULL when not made). */
typedef struct cli_episode_files {
    const char *opus;
    const char *mp3;
    const char *vtt;
    const char *chapters;
    const char *page;
} cli_episode_files;

/* Reads the channel settings and the existing feed, and checks that an
 * episode can be added to it. Returns 0 or an error (printed). */
int cli_feed_prepare(cli_feed *f, cli_log *log);

/* Adds episode `e` (its URLs and sizes are filled in from `files`) and
 * writes the feed. Returns 0 or an error (printed). */
int cli_feed_publish(cli_feed *f, const cli_episode_files *files, bc_podcast_episode *e,
                     cli_log *log);

void cli_feed_clear(cli_feed *f);

int cmd_make(int argc, char **argv);
int cmd_plan(int argc, char **argv);
int cmd_text(int argc, char **argv);
int cmd_sentences(int argc, char **argv);
int cmd_summarize(int argc, char **argv);
int cmd_quotes(int argc, char **argv);
int cmd_voices(int argc, char **argv);
int cmd_normalize(int argc, char **argv);

#endif
