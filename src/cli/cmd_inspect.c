/* The inspection subcommands: text, sentences, summarize, voices. Each
 * prints one stage's output in the format DESIGN.md fixes. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { OPT_VOICES = 256, OPT_KEEP };

/* Options shared by the commands that read one input. */
typedef struct inspect_options {
    bc_ingest_settings ingest;
    bc_text_settings text;
    bc_summary_settings summary;
    const char *voices_dir;
    const char *input;
} inspect_options;

static int parse(int argc, char **argv, const char *usage, bool summary_options,
                 inspect_options *o)
{
    static const struct option long_options[] = {
        CLI_BUDGET_OPTIONS,
        CLI_INPUT_OPTIONS,
        {"keep-boilerplate", no_argument, NULL, OPT_KEEP},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    bc_ingest_default_settings(&o->ingest);
    bc_text_default_settings(&o->text);
    bc_summary_default_settings(&o->summary);
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "h", long_options, NULL)) != -1) {
        int shared = cli_shared_option(c, optarg, &o->ingest,
                                       summary_options ? &o->summary : NULL);
        if (shared == EXIT_USAGE)
            return EXIT_USAGE;
        if (shared)
            continue;
        switch (c) {
        case OPT_KEEP:
            o->text.keep_boilerplate = true;
            break;
        case 'h':
            printf("usage: briefcast %s\n", usage);
            exit(0);
        default:
            fprintf(stderr, "usage: briefcast %s\n", usage);
            return EXIT_USAGE;
        }
    }
    return cli_one_input(argc, argv, usage, &o->input);
}

static void print_span(const char *text, size_t length)
{
    fwrite(text, 1, length, stdout);
    fputc('\n', stdout);
}

static int print_text(const bc_doc *doc, size_t index, void *user_data, cli_log *log)
{
    const char *title = doc->article->title;
    /* Articles of a feed follow each other after a blank line. */
    if (index > 0)
        fputc('\n', stdout);
    printf("%s\n", title ? title : "");
    for (size_t i = 0; i < doc->paragraph_count; i++) {
        fputc('\n', stdout);
        print_span(doc->paragraphs[i].text, doc->paragraphs[i].length);
    }
    return 0;
}

static int print_sentences(const bc_doc *doc, size_t index, void *user_data, cli_log *log)
{
    for (size_t i = 0; i < doc->sentence_count; i++) {
        size_t length;
        const char *text = bc_doc_sentence(doc, i, &length);
        print_span(text, length);
    }
    return 0;
}

static int print_summary(const bc_doc *doc, size_t index, void *user_data, cli_log *log)
{
    const inspect_options *o = user_data;
    bc_selection *selection = NULL;
    int rc = bc_summarize(doc, &o->summary, &selection);
    if (rc) {
        cli_fail(log, o->input, rc);
        return rc;
    }
    for (size_t k = 0; k < selection->count; k++) {
        size_t length;
        const char *text = bc_doc_sentence(doc, selection->sentences[k], &length);
        print_span(text, length);
    }
    bc_selection_free(selection);
    return 0;
}

int cmd_text(int argc, char **argv)
{
    inspect_options o;
    int rc = parse(argc, argv,
                   "text [--keep-boilerplate] [--input-format FORMAT] [--max-input-bytes N] INPUT",
                   false, &o);
    o.text.skip_quotes = true; /* the text needs no quotes */
    return rc ? rc : cli_each_doc(o.input, &o.ingest, &o.text, print_text, &o);
}

int cmd_sentences(int argc, char **argv)
{
    inspect_options o;
    int rc = parse(argc, argv, "sentences [--input-format FORMAT] [--max-input-bytes N] INPUT",
                   false, &o);
    o.text.skip_quotes = true;
    return rc ? rc : cli_each_doc(o.input, &o.ingest, &o.text, print_sentences, &o);
}

int cmd_summarize(int argc, char **argv)
{
    inspect_options o;
    int rc = parse(argc, argv,
                   "summarize [--words N | --seconds S | --full] [--input-format FORMAT] INPUT",
                   true, &o);
    return rc ? rc : cli_each_doc(o.input, &o.ingest, &o.text, print_summary, &o);
}

static const char *use_name(bc_voice_use use)
{
    switch (use) {
    case BC_VOICE_NARRATOR: return "narrator";
    case BC_VOICE_HEADLINE: return "headline";
    case BC_VOICE_QUOTE: return "quote";
    }
    return "?";
}

static const char *gender_name(bc_gender gender)
{
    switch (gender) {
    case BC_GENDER_MALE: return "male";
    case BC_GENDER_FEMALE: return "female";
    case BC_GENDER_UNKNOWN: break;
    }
    return "-";
}

int cmd_voices(int argc, char **argv)
{
    static const struct option long_options[] = {
        {"voices", required_argument, NULL, OPT_VOICES},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *usage = "voices [--voices DIR]";
    const char *extra = NULL;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "h", long_options, NULL)) != -1) {
        if (c == OPT_VOICES) {
            extra = optarg;
        } else if (c == 'h') {
            printf("usage: briefcast %s\n", usage);
            return 0;
        } else {
            fprintf(stderr, "usage: briefcast %s\n", usage);
            return EXIT_USAGE;
        }
    }
    if (optind != argc) {
        fprintf(stderr, "usage: briefcast %s\n", usage);
        return EXIT_USAGE;
    }
    cli_log log = {0};
    bc_voice_set *set = NULL;
    if (cli_load_voices(extra, &log, &set))
        return 1;
    printf("%-14s %-9s %-7s %-14s %5s %5s  %s\n", "NAME", "USE", "GENDER", "ESPEAK", "RATE",
           "PITCH", "DESCRIPTION");
    for (size_t i = 0; i < set->count; i++) {
        const bc_voice *v = &set->voices[i];
        char espeak[80];
        snprintf(espeak, sizeof espeak, "%s%s%s", v->language, v->variant ? "+" : "",
                 v->variant ? v->variant : "");
        printf("%-14s %-9s %-7s %-14s %5d %5d  %s\n", v->name, use_name(v->use),
               gender_name(v->gender), espeak, v->rate, v->pitch,
               v->description ? v->description : "");
    }
    bc_voice_set_free(set);
    return 0;
}
