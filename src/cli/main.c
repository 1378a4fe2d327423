/* briefcast: the command line over libbriefcast. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"make", cmd_make, "INPUT... -o OUT.opus   make a spoken briefing"},
    {"text", cmd_text, "INPUT                  print the cleaned article"},
    {"sentences", cmd_sentences, "INPUT                  print one sentence per line"},
    {"quotes", cmd_quotes, "INPUT                  print the direct quotes and their speakers"},
    {"summarize", cmd_summarize, "[--words N|--seconds S] INPUT   print the selected sentences"},
    {"plan", cmd_plan, "INPUT... [-o plan.json]  print the prosody plan as JSON"},
    {"normalize", cmd_normalize, "[--locale en-GB|en-US]   print each stdin line as spoken"},
    {"voices", cmd_voices, "[--voices DIR]         list the voice profiles"},
};

static void usage(FILE *out)
{
    fprintf(out, "usage: briefcast COMMAND [OPTIONS] [INPUT...]\n\n"
                 "Turns news articles into spoken audio briefings.\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\nINPUT is a file or - for standard input. "
                 "'briefcast COMMAND --help' shows a command's options.\n");
}

int main(int argc, char **argv)
{
    /* Past a file size limit (ulimit -f) a write should fail with EFBIG,
     * which is reported and cleaned up, not kill the process midway. */
    signal(SIGXFSZ, SIG_IGN);
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(name, "--version") == 0) {
        printf("briefcast %s\n", bc_version());
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(name, commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    cli_error("unknown command '%s' (try 'briefcast --help')", name);
    return EXIT_USAGE;
}
