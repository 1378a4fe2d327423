/* briefcast quotes: the direct quotes of an article and who said each, as
 * JSON Lines. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "cli.h"

enum { OPT_KEEP = 256, OPT_DROP, OPT_WORDS_ONLY, OPT_ALL };

typedef struct quotes_options {
    bc_ingest_settings ingest;
    bc_text_settings text;
    bool words_only; /* partial quotes as their quoted words, not their clause */
    bool all;        /* also partial quotes nobody is said to have said */
    const char *input;
} quotes_options;

/* One line of output: bytes [start, end) of a paragraph; for a quotation
 * interrupted by its attribution, quotes [first, last] of the doc. */
typedef struct unit {
    size_t paragraph;
    size_t start;
    size_t end;
    size_t first;
    size_t last;
    const char *speaker;
    bool partial;
    bool continued;
} unit;

/* The text of a unit: its bytes, or the parts of an interrupted quotation
 * joined by spaces (without the attribution between them). A new string
 * or NULL. */
static char *unit_text(const bc_doc *doc, const unit *u, size_t *length)
{
    const bc_paragraph *p = &doc->paragraphs[u->paragraph];
    char *text = NULL;
    FILE *f = open_memstream(&text, length);
    if (!f)
        return NULL;
    if (u->first == u->last) {
        fwrite(p->text + u->start, 1, u->end - u->start, f);
    } else {
        for (size_t i = u->first; i <= u->last; i++) {
            const bc_quote *q = &doc->quotes[i];
            if (i > u->first)
                fputc(' ', f);
            fwrite(p->text + q->start, 1, q->end - q->start, f);
        }
    }
    if (fclose(f) != 0) {
        free(text);
        return NULL;
    }
    return text;
}

static int print_unit(const bc_doc *doc, const unit *u)
{
    const bc_paragraph *p = &doc->paragraphs[u->paragraph];
    size_t length = 0;
    char *text = unit_text(doc, u, &length);
    json_object *line = text ? json_object_new_object() : NULL;
    if (!line) {
        free(text);
        return BC_ENOMEM;
    }
    int rc = 0;
    rc |= json_object_object_add(line, "text", json_object_new_string_len(text, (int)length));
    free(text);
    rc |= json_object_object_add(line, "speaker",
                                 u->speaker ? json_object_new_string(u->speaker) : NULL);
    if (p->offset == BC_NO_OFFSET) {
        rc |= json_object_object_add(line, "start", NULL);
        rc |= json_object_object_add(line, "end", NULL);
    } else {
        rc |= json_object_object_add(line, "start",
                                     json_object_new_int64((int64_t)(p->offset + u->start)));
        rc |= json_object_object_add(line, "end",
                                     json_object_new_int64((int64_t)(p->offset + u->end)));
    }
    if (u->first != u->last && p->offset != BC_NO_OFFSET) {
        /* the offsets of each part of an interrupted quotation */
        json_object *parts = json_object_new_array();
        rc |= json_object_object_add(line, "parts", parts);
        for (size_t i = u->first; parts && i <= u->last; i++) {
            json_object *pair = json_object_new_array();
            if (!pair) {
                rc = 1;
                break;
            }
            const bc_quote *q = &doc->quotes[i];
            int64_t start = (int64_t)(p->offset + q->start);
            int64_t end = (int64_t)(p->offset + q->end);
            rc |= json_object_array_add(pair, json_object_new_int64(start));
            rc |= json_object_array_add(pair, json_object_new_int64(end));
            rc |= json_object_array_add(parts, pair);
        }
        rc |= parts == NULL;
    }
    rc |= json_object_object_add(line, "partial", json_object_new_boolean(u->partial));
    rc |= json_object_object_add(line, "continued", json_object_new_boolean(u->continued));
    if (rc == 0) {
        const char *json = json_object_to_json_string_ext(
            line, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
        if (!json)
            rc = BC_ENOMEM;
        else
            printf("%s\n", json);
    }
    json_object_put(line);
    return rc ? BC_ENOMEM : 0;
}

/* A partial quote this long is a statement even when its sentence does not
 * say who made it; shorter ones without an attribution are scare quotes,
 * names and titles. */
#define STATEMENT_WORDS 8

static size_t count_words(const char *text, size_t length)
{
    size_t words = 0;
    bool in_word = false;
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)text[i];
        bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c >= 0x80;
        words += word && !in_word;
        in_word = word;
    }
    return words;
}

/* Prints the quotes of one doc: a quotation interrupted by its attribution
 * ("“…,” she said. “…”") is one line, and partial quotes are given by the
 * clause that reports them (one line per clause). */
static int print_quotes(const bc_doc *doc, const quotes_options *o)
{
    unit pending = {0};
    bool has_pending = false;
    for (size_t i = 0; i < doc->quote_count; i++) {
        const bc_quote *q = &doc->quotes[i];
        if (q->partial && q->speaker_paragraph == BC_NO_OFFSET && !o->all &&
            count_words(doc->paragraphs[q->paragraph].text + q->start, q->end - q->start) <
                STATEMENT_WORDS)
            continue; /* a scare quote or a title, not something someone said */
        unit u = {q->paragraph, q->start, q->end, i, i, q->speaker, q->partial, q->continued};
        if (q->partial && !o->words_only) {
            u.start = q->content_start;
            u.end = q->content_end;
        }
        if (has_pending && pending.paragraph == u.paragraph) {
            bool same_clause = u.partial && pending.partial && u.start < pending.end;
            bool resumed = q->resumes && !pending.partial && !u.partial;
            if (same_clause || resumed) {
                if (u.end > pending.end)
                    pending.end = u.end;
                if (resumed)
                    pending.last = i;
                pending.continued = u.continued;
                continue;
            }
        }
        if (has_pending && print_unit(doc, &pending))
            return BC_ENOMEM;
        pending = u;
        has_pending = true;
    }
    if (has_pending && print_unit(doc, &pending))
        return BC_ENOMEM;
    return 0;
}

static int parse(int argc, char **argv, quotes_options *o)
{
    static const struct option long_options[] = {
        CLI_INPUT_OPTIONS,
        {"keep-boilerplate", no_argument, NULL, OPT_KEEP},
        {"drop-boilerplate", no_argument, NULL, OPT_DROP},
        {"quoted-words", no_argument, NULL, OPT_WORDS_ONLY},
        {"all", no_argument, NULL, OPT_ALL},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *usage = "quotes [--quoted-words] [--all] [--drop-boilerplate] "
                        "[--max-input-bytes N] INPUT";
    bc_ingest_default_settings(&o->ingest);
    bc_text_default_settings(&o->text);
    /* Quotes are looked for in every paragraph: a short quoted line such as
     * “Stop preparing for war” must not be lost as a would-be headline. */
    o->text.keep_boilerplate = true;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "h", long_options, NULL)) != -1) {
        int shared = cli_shared_option(c, optarg, &o->ingest, NULL);
        if (shared == EXIT_USAGE)
            return EXIT_USAGE;
        if (shared)
            continue;
        switch (c) {
        case OPT_KEEP:
            o->text.keep_boilerplate = true;
            break;
        case OPT_DROP:
            o->text.keep_boilerplate = false;
            break;
        case OPT_WORDS_ONLY:
            o->words_only = true;
            break;
        case OPT_ALL:
            o->all = true;
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

/* print_quotes() for cli_each_doc(): a failure is reported naming the input. */
static int print_doc(const bc_doc *doc, size_t index, void *user_data, cli_log *log)
{
    (void)index;
    const quotes_options *o = user_data;
    int rc = print_quotes(doc, o);
    if (rc)
        cli_fail(log, o->input, rc);
    return rc;
}

int cmd_quotes(int argc, char **argv)
{
    quotes_options o = {0};
    int rc = parse(argc, argv, &o);
    if (rc)
        return rc;
    return cli_each_doc(o.input, &o.ingest, &o.text, print_doc, &o);
}
