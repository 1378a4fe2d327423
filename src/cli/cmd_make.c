/* briefcast make: articles in, a spoken briefing out. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum {
    OPT_WORDS = 256, OPT_SECONDS, OPT_FULL, OPT_BITRATE, OPT_RATE, OPT_TITLE, OPT_DATE,
    OPT_VOICES, OPT_MAX_INPUT, OPT_NO_INTRO, OPT_FORMAT,
};

static const char usage_text[] =
    "make INPUT... -o OUT.opus [options]\n"
    "  -o, --output FILE      the briefing (Ogg Opus)\n"
    "  --words N              about N words of each story\n"
    "  --seconds S            about S seconds of each story (default 60)\n"
    "  --full                 read whole articles, no summary\n"
    "  --bitrate BPS          Opus bitrate in bits a second (default 32000)\n"
    "  --rate WPM             speaking rate in words a minute (80-900)\n"
    "  --title TEXT           programme name (default briefcast)\n"
    "  --date YYYY-MM-DD      date tag of the programme\n"
    "  --no-intro             no intro and outro\n"
    "  --voices DIR           extra voice profiles\n"
    "  --input-format FORMAT  auto (default), text, html or feed\n"
    "  --max-input-bytes N    refuse larger inputs (default 256 MiB)\n"
    "  -q, --quiet            no warnings";

static volatile sig_atomic_t interrupted;

static void on_signal(int signal_number)
{
    interrupted = signal_number;
}

static int is_interrupted(void *user_data)
{
    (void)user_data;
    return interrupted != 0;
}

typedef struct make_options {
    const char *output;
    bc_ingest_settings ingest;
    bc_summary_settings summary;
    bc_encoder_settings encoder;
    int rate;
    const char *title;
    const char *date;
    const char *voices_dir;
    bool intro;
    bool quiet;
} make_options;

static bool valid_date(const char *s)
{
    int y, m, d;
    char extra;
    return strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &extra) == 3 && m >= 1 &&
           m <= 12 && d >= 1 && d <= 31;
}

static int parse(int argc, char **argv, make_options *o)
{
    static const struct option long_options[] = {
        {"output", required_argument, NULL, 'o'},
        {"words", required_argument, NULL, OPT_WORDS},
        {"seconds", required_argument, NULL, OPT_SECONDS},
        {"full", no_argument, NULL, OPT_FULL},
        {"bitrate", required_argument, NULL, OPT_BITRATE},
        {"rate", required_argument, NULL, OPT_RATE},
        {"title", required_argument, NULL, OPT_TITLE},
        {"date", required_argument, NULL, OPT_DATE},
        {"no-intro", no_argument, NULL, OPT_NO_INTRO},
        {"voices", required_argument, NULL, OPT_VOICES},
        {"max-input-bytes", required_argument, NULL, OPT_MAX_INPUT},
        {"input-format", required_argument, NULL, OPT_FORMAT},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    *o = (make_options){.intro = true};
    bc_ingest_default_settings(&o->ingest);
    bc_summary_default_settings(&o->summary);
    bc_encoder_default_settings(&o->encoder);
    optind = 1;
    int c;
    long number;
    double seconds;
    while ((c = getopt_long(argc, argv, "o:qh", long_options, NULL)) != -1) {
        switch (c) {
        case 'o':
            o->output = optarg;
            break;
        case OPT_WORDS:
            if (!cli_parse_long(optarg, 1, 1000000, &number)) {
                cli_error("--words: expected a number of words from 1, got '%s'", optarg);
                return EXIT_USAGE;
            }
            o->summary.words = (size_t)number;
            break;
        case OPT_SECONDS:
            if (!cli_parse_double(optarg, 1, 86400, &seconds)) {
                cli_error("--seconds: expected seconds from 1 to 86400, got '%s'", optarg);
                return EXIT_USAGE;
            }
            o->summary.seconds = seconds;
            o->summary.words = 0;
            break;
        case OPT_FULL:
            o->summary.full = true;
            break;
        case OPT_BITRATE:
            /* Opus's own limits: 6 to 510 kbit/s. */
            if (!cli_parse_long(optarg, 6000, 510000, &number)) {
                cli_error("--bitrate: expected 6000 to 510000 bits a second, got '%s'", optarg);
                return EXIT_USAGE;
            }
            o->encoder.bitrate = (int)number;
            break;
        case OPT_RATE:
            if (!cli_parse_long(optarg, 80, 900, &number)) {
                cli_error("--rate: expected 80 to 900 words a minute, got '%s'", optarg);
                return EXIT_USAGE;
            }
            o->rate = (int)number;
            break;
        case OPT_TITLE:
            o->title = optarg;
            break;
        case OPT_DATE:
            if (!valid_date(optarg)) {
                cli_error("--date: expected YYYY-MM-DD, got '%s'", optarg);
                return EXIT_USAGE;
            }
            o->date = optarg;
            break;
        case OPT_NO_INTRO:
            o->intro = false;
            break;
        case OPT_VOICES:
            o->voices_dir = optarg;
            break;
        case OPT_MAX_INPUT:
            if (!cli_parse_long(optarg, 1, (long)((size_t)1 << 40), &number)) {
                cli_error("--max-input-bytes: expected a positive number, got '%s'", optarg);
                return EXIT_USAGE;
            }
            o->ingest.max_input_bytes = (size_t)number;
            break;
        case OPT_FORMAT:
            if (!cli_parse_format(optarg, &o->ingest.format))
                return EXIT_USAGE;
            break;
        case 'q':
            o->quiet = true;
            break;
        case 'h':
            printf("usage: briefcast %s\n", usage_text);
            exit(0);
        default:
            fprintf(stderr, "usage: briefcast %s\n", usage_text);
            return EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        cli_error("make: expected at least one INPUT");
        return EXIT_USAGE;
    }
    if (!o->output) {
        cli_error("make: expected -o OUT.opus");
        return EXIT_USAGE;
    }
    if (o->rate)
        o->summary.words_per_minute = o->rate;
    return 0;
}

/* Everything one run holds, freed in one place. */
typedef struct run_state {
    bc_article_list **lists;
    size_t list_count;
    bc_doc **docs;
    bc_selection **selections;
    bc_story *stories;
    size_t story_count;
    bc_voice_set *voices;
    bc_plan *plan;
    bc_programme *programme;
} run_state;

static void run_state_free(run_state *r)
{
    for (size_t i = 0; i < r->story_count; i++) {
        bc_selection_free(r->selections[i]);
        bc_doc_free(r->docs[i]);
    }
    for (size_t i = 0; i < r->list_count; i++)
        bc_article_list_free(r->lists[i]);
    free(r->lists);
    free(r->docs);
    free(r->selections);
    free(r->stories);
    bc_voice_set_free(r->voices);
    bc_plan_free(r->plan);
    bc_programme_free(r->programme);
}

/* Reads every input and selects each story's sentences. */
static int read_stories(run_state *r, char **inputs, size_t input_count, const make_options *o,
                        cli_log *log)
{
    r->lists = calloc(input_count, sizeof *r->lists);
    if (!r->lists)
        return BC_ENOMEM;
    size_t capacity = 0;
    bc_text_settings text;
    bc_text_default_settings(&text);
    text.logger = cli_logger(log);
    for (size_t i = 0; i < input_count; i++) {
        const char *name = strcmp(inputs[i], "-") == 0 ? "standard input" : inputs[i];
        int rc = cli_ingest(inputs[i], &o->ingest, log, &r->lists[r->list_count]);
        if (rc)
            return rc;
        bc_article_list *list = r->lists[r->list_count++];
        for (size_t k = 0; k < list->count; k++) {
            if (r->story_count == capacity) {
                capacity = capacity ? capacity * 2 : 8;
                bc_doc **docs = realloc(r->docs, capacity * sizeof *docs);
                if (docs)
                    r->docs = docs;
                bc_selection **selections = realloc(r->selections, capacity * sizeof *selections);
                if (selections)
                    r->selections = selections;
                bc_story *stories = realloc(r->stories, capacity * sizeof *stories);
                if (stories)
                    r->stories = stories;
                if (!docs || !selections || !stories) {
                    cli_error("out of memory");
                    return BC_ENOMEM;
                }
            }
            bc_doc *doc = NULL;
            bc_selection *selection = NULL;
            rc = bc_doc_build(&list->articles[k], &text, &doc);
            if (!rc && (rc = bc_summarize(doc, &o->summary, &selection)))
                bc_doc_free(doc);
            if (rc) {
                cli_fail(log, name, rc);
                return rc;
            }
            r->docs[r->story_count] = doc;
            r->selections[r->story_count] = selection;
            r->stories[r->story_count] = (bc_story){doc, selection};
            r->story_count++;
        }
    }
    return 0;
}

int cmd_make(int argc, char **argv)
{
    make_options o;
    int status = parse(argc, argv, &o);
    if (status)
        return status;
    cli_log log = {.quiet = o.quiet};
    run_state r = {0};
    struct sigaction action = {.sa_handler = on_signal};
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);

    status = 1;
    if (read_stories(&r, argv + optind, (size_t)(argc - optind), &o, &log))
        goto done;
    if (cli_load_voices(o.voices_dir, &log, &r.voices))
        goto done;

    bc_plan_settings plan_settings;
    bc_plan_default_settings(&plan_settings);
    plan_settings.voices = r.voices;
    plan_settings.title = o.title;
    plan_settings.date = o.date;
    plan_settings.intro = o.intro;
    int rc = bc_plan_build(r.stories, r.story_count, &plan_settings, &r.plan);
    if (rc) {
        cli_fail(&log, "plan", rc);
        goto done;
    }

    bc_render_settings render;
    bc_render_default_settings(&render);
    render.voices = r.voices;
    render.rate = o.rate;
    render.logger = cli_logger(&log);
    render.cancel = (bc_canceller){is_interrupted, NULL};
    rc = bc_render_programme(r.plan, &render, &r.programme);
    if (rc) {
        cli_fail(&log, rc == BC_EINTR ? "interrupted" : "speech", rc);
        goto done;
    }
    if (interrupted) {
        cli_error("interrupted; %s was not written", o.output);
        goto done;
    }

    const bc_article *first = r.docs[0]->article;
    bc_encoder_settings encoder = o.encoder;
    encoder.logger = cli_logger(&log);
    encoder.tags = (bc_tags){
        .title = r.story_count == 1 && first->title ? first->title : r.plan->title,
        .artist = r.story_count == 1 && first->source ? first->source : r.plan->title,
        .album = r.plan->title,
        .date = o.date ? o.date : (r.story_count == 1 ? first->date : NULL),
    };
    rc = bc_programme_encode(r.programme, o.output, &encoder);
    if (rc) {
        cli_fail(&log, o.output, rc);
        goto done;
    }
    status = 0;

done:
    run_state_free(&r);
    return status;
}
