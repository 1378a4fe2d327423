/* briefcast normalize: reads lines on standard input and prints the spoken
 * form of each, one output line per input line. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>

#include "cli.h"

int cmd_normalize(int argc, char **argv)
{
    static const struct option long_options[] = {
        {"locale", required_argument, NULL, 'l'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *usage = "normalize [--locale en-GB|en-US] < TEXT";
    bc_normalize_settings settings;
    bc_normalize_default_settings(&settings);
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "h", long_options, NULL)) != -1) {
        if (c == 'l') {
            if (strcasecmp(optarg, "en-GB") == 0 || strcasecmp(optarg, "en_GB") == 0) {
                settings.locale = BC_LOCALE_EN_GB;
            } else if (strcasecmp(optarg, "en-US") == 0 || strcasecmp(optarg, "en_US") == 0) {
                settings.locale = BC_LOCALE_EN_US;
            } else {
                cli_error("--locale: expected en-GB or en-US, got '%s'", optarg);
                return EXIT_USAGE;
            }
        } else if (c == 'h') {
            printf("usage: briefcast %s\n", usage);
            return 0;
        } else {
            fprintf(stderr, "usage: briefcast %s\n", usage);
            return EXIT_USAGE;
        }
    }
    if (optind != argc) {
        cli_error("normalize reads standard input and takes no INPUT");
        fprintf(stderr, "usage: briefcast %s\n", usage);
        return EXIT_USAGE;
    }
    cli_log log = {0};
    settings.logger = cli_logger(&log);
    char *line = NULL;
    size_t capacity = 0;
    ssize_t got;
    unsigned long number = 0;
    int status = 0;
    while ((got = getline(&line, &capacity, stdin)) != -1) {
        number++;
        size_t length = (size_t)got;
        if (length && line[length - 1] == '\n')
            length--;
        if (length && line[length - 1] == '\r')
            length--;
        char *spoken = NULL;
        int rc = bc_normalize(line, length, &settings, &spoken);
        if (rc) {
            /* one line of output still, so the lines stay in step */
            char what[64];
            snprintf(what, sizeof what, "standard input: line %lu", number);
            cli_fail(&log, what, rc);
            putchar('\n');
            status = 1;
            continue;
        }
        fputs(spoken, stdout);
        putchar('\n');
        free(spoken);
    }
    free(line);
    if (ferror(stdin)) {
        cli_error("standard input: read error");
        status = 1;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_error("standard output: write error");
        status = 1;
    }
    return status;
}
