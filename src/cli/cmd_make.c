/* briefcast make: articles in, a spoken briefing out. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "make.h"

enum {
    OPT_BITRATE = 256, OPT_RATE, OPT_TITLE, OPT_DATE,
    OPT_VOICES, OPT_NO_INTRO, OPT_PLAN, OPT_PLAN_IN, OPT_VTT, OPT_SRT, OPT_MINUTES, OPT_ORDER, OPT_HTML, OPT_LOCALE,
    OPT_NO_JINGLE, OPT_MUSIC, OPT_LOUDNESS, OPT_MP3, OPT_WAV, OPT_FLAC, OPT_CHAPTERS, OPT_COVER,
    OPT_JOBS,
    OPT_FEED, OPT_BASE_URL, OPT_FEED_CONFIG,
};

static const char plan_usage_text[] =
    "plan INPUT... [-o plan.json] [--words N | --seconds S | --full | --minutes M]\n"
    "            [--order input|date|importance] [--title TEXT] [--locale en-GB|en-US]\n"
    "            [--date YYYY-MM-DD] [--no-intro] [--voices DIR] [--max-input-bytes N]\n"
    "  prints (or writes with -o) the prosody plan as JSON";

static const char usage_text[] =
    "make INPUT... -o OUT.opus [options]\n"
    "  -o, --output FILE      the briefing (Ogg Opus)\n"
    "  --words N              about N words of each story\n"
    "  --seconds S            about S seconds of each story (default 60)\n"
    "  --full                 read whole articles, no summary\n"
    "  --minutes M            the whole programme lasts about M minutes; the time is\n"
    "                         shared among the stories\n"
    "  --order input|date|importance\n"
    "                         story order (default: as given, e.g. feed order)\n"
    "  --bitrate BPS          Opus bitrate in bits a second (default 32000)\n"
    "  --rate WPM             speaking rate in words a minute (80-900)\n"
    "  --title TEXT           programme name (default briefcast)\n"
    "  --date YYYY-MM-DD      the programme's date, spoken in the intro and tagged\n"
    "                         (or 'today'; default: none)\n"
    "  --no-intro             no intro, headlines round-up or outro\n"
    "  --locale en-GB|en-US   how numbers, dates and money are read (default en-GB)\n"
    "  --voices DIR           extra voice profiles\n"
    "  --mp3 FILE             also write MP3 (64 kbit/s)\n"
    "  --wav FILE             also write WAV (16-bit PCM)\n"
    "  --flac FILE            also write FLAC\n"
    "  --chapters FILE        write the chapters as Podcasting 2.0 JSON\n"
    "  --cover IMAGE          cover picture (PNG or JPEG) in the Opus file\n"
    "  --loudness LUFS        loudness target (default -16)\n"
    "  --no-jingle            no chime at the start and end\n"
    "  --music                a music bed under the intro\n"
    "  --jobs N               processes and threads to use (default: all cores)\n"
    "  --vtt FILE             also write the transcript as WebVTT (with speaker names)\n"
    "  --srt FILE             also write the transcript as SRT\n"
    "  --html FILE            also write an accessible web page with player, chapters\n"
    "                         and transcript\n"
    "  --feed FILE            add the briefing to this podcast feed (RSS); needs\n"
    "                         --base-url and --feed-config, and makes the MP3\n"
    "  --base-url URL         where the briefing's files are published\n"
    "  --feed-config FILE     the podcast's channel settings\n"
    "  --plan FILE            also write the prosody plan as JSON\n"
    "  --plan-in FILE         render this (edited) plan instead of reading INPUTs\n"
    "  --input-format FORMAT  auto (default), text, html or feed\n"
    "  --max-input-bytes N    refuse larger inputs (default 256 MiB)\n"
    "  -q, --quiet            no warnings";

static volatile sig_atomic_t interrupted;

static void on_signal(int signal_number)
{
    interrupted = signal_number;
}

int make_is_interrupted(void *user_data)
{
    (void)user_data;
    return interrupted != 0;
}



/* A YYYY-MM-DD date that is on the calendar: its sortable form (which
 * carries 2026-02-30 over into March) begins with the same ten bytes. */
static bool valid_date(const char *s)
{
    int y, m, d;
    char extra, key[32];
    return strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &extra) == 3 &&
           bc_date_key(s, key, sizeof key) && strncmp(key, s, 10) == 0;
}

static int parse(int argc, char **argv, bool plan_only, make_options *o)
{
    static const struct option long_options[] = {
        {"output", required_argument, NULL, 'o'},
        CLI_BUDGET_OPTIONS,
        {"minutes", required_argument, NULL, OPT_MINUTES},
        {"order", required_argument, NULL, OPT_ORDER},
        {"bitrate", required_argument, NULL, OPT_BITRATE},
        {"rate", required_argument, NULL, OPT_RATE},
        {"title", required_argument, NULL, OPT_TITLE},
        {"date", required_argument, NULL, OPT_DATE},
        {"no-intro", no_argument, NULL, OPT_NO_INTRO},
        {"locale", required_argument, NULL, OPT_LOCALE},
        {"voices", required_argument, NULL, OPT_VOICES},
        {"plan", required_argument, NULL, OPT_PLAN},
        {"vtt", required_argument, NULL, OPT_VTT},
        {"srt", required_argument, NULL, OPT_SRT},
        {"html", required_argument, NULL, OPT_HTML},
        {"no-jingle", no_argument, NULL, OPT_NO_JINGLE},
        {"music", no_argument, NULL, OPT_MUSIC},
        {"loudness", required_argument, NULL, OPT_LOUDNESS},
        {"mp3", required_argument, NULL, OPT_MP3},
        {"wav", required_argument, NULL, OPT_WAV},
        {"flac", required_argument, NULL, OPT_FLAC},
        {"chapters", required_argument, NULL, OPT_CHAPTERS},
        {"cover", required_argument, NULL, OPT_COVER},
        {"jobs", required_argument, NULL, OPT_JOBS},
        {"feed", required_argument, NULL, OPT_FEED},
        {"base-url", required_argument, NULL, OPT_BASE_URL},
        {"feed-config", required_argument, NULL, OPT_FEED_CONFIG},
        {"plan-in", required_argument, NULL, OPT_PLAN_IN},
        CLI_INPUT_OPTIONS,
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    *o = (make_options){.intro = true};
    const char *usage = plan_only ? plan_usage_text : usage_text;
    bool audio_option = false;
    bc_ingest_default_settings(&o->ingest);
    bc_summary_default_settings(&o->summary);
    bc_encoder_default_settings(&o->encoder);
    bc_master_default_settings(&o->master);
    o->master.jingle = true;
    optind = 1;
    int c;
    long number;
    double seconds;
    while ((c = getopt_long(argc, argv, "o:qh", long_options, NULL)) != -1) {
        int shared = cli_shared_option(c, optarg, &o->ingest, &o->summary);
        if (shared == EXIT_USAGE)
            return EXIT_USAGE;
        if (shared)
            continue;
        switch (c) {
        case 'o':
            o->output = optarg;
            break;
        case OPT_MINUTES:
            if (!cli_parse_double(optarg, 0.1, 1440, &o->minutes)) {
                cli_error("--minutes: expected minutes from 0.1 to 1440, got '%s'", optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_ORDER:
            if (strcmp(optarg, "input") == 0)
                o->order = BC_ORDER_INPUT;
            else if (strcmp(optarg, "date") == 0)
                o->order = BC_ORDER_DATE;
            else if (strcmp(optarg, "importance") == 0)
                o->order = BC_ORDER_IMPORTANCE;
            else {
                cli_error("--order: expected input, date or importance, got '%s'", optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_BITRATE:
            /* Opus's own limits: 6 to 510 kbit/s. */
            if (!cli_parse_long(optarg, 6000, 510000, &number)) {
                cli_error("--bitrate: expected 6000 to 510000 bits a second, got '%s'", optarg);
                return EXIT_USAGE;
            }
            o->encoder.bitrate = (int)number;
            audio_option = true;
            break;
        case OPT_RATE:
            if (!cli_parse_long(optarg, 80, 900, &number)) {
                cli_error("--rate: expected 80 to 900 words a minute, got '%s'", optarg);
                return EXIT_USAGE;
            }
            o->rate = (int)number;
            audio_option = true;
            break;
        case OPT_TITLE:
            o->title = optarg;
            break;
        case OPT_DATE:
            if (strcmp(optarg, "today") == 0) {
                /* asked for: the one place the clock may reach the output */
                time_t now = time(NULL);
                struct tm local;
                if (!localtime_r(&now, &local) ||
                    !strftime(o->today, sizeof o->today, "%Y-%m-%d", &local)) {
                    cli_error("--date today: the clock cannot be read");
                    return EXIT_USAGE;
                }
                o->date = o->today;
            } else if (!valid_date(optarg)) {
                cli_error("--date: expected YYYY-MM-DD or 'today', got '%s'", optarg);
                return EXIT_USAGE;
            } else {
                o->date = optarg;
            }
            break;
        case OPT_PLAN:
            o->plan_out = optarg;
            audio_option |= plan_only;
            break;
        case OPT_VTT:
            o->vtt = optarg;
            audio_option = true;
            break;
        case OPT_SRT:
            o->srt = optarg;
            audio_option = true;
            break;
        case OPT_HTML:
            o->html = optarg;
            audio_option = true;
            break;
        case OPT_NO_JINGLE:
            o->master.jingle = false;
            audio_option = true;
            break;
        case OPT_MUSIC:
            o->master.music = true;
            audio_option = true;
            break;
        case OPT_LOUDNESS:
            /* EBU R128 meters read down to -70 LUFS; above -5 is no programme */
            if (!cli_parse_double(optarg, -70, -5, &seconds)) {
                cli_error("--loudness: expected LUFS from -70 to -5, got '%s'", optarg);
                return EXIT_USAGE;
            }
            o->master.loudness = seconds;
            audio_option = true;
            break;
        case OPT_MP3:
            o->mp3 = optarg;
            audio_option = true;
            break;
        case OPT_WAV:
            o->wav = optarg;
            audio_option = true;
            break;
        case OPT_FLAC:
            o->flac = optarg;
            audio_option = true;
            break;
        case OPT_CHAPTERS:
            o->chapters = optarg;
            audio_option = true;
            break;
        case OPT_COVER:
            o->cover = optarg;
            audio_option = true;
            break;
        case OPT_JOBS:
            if (!cli_parse_long(optarg, 1, 64, &number)) {
                cli_error("--jobs: expected 1 to 64, got '%s'", optarg);
                return EXIT_USAGE;
            }
            o->jobs = (unsigned)number;
            break;
        case OPT_PLAN_IN:
            o->plan_in = optarg;
            audio_option |= plan_only;
            break;
        case OPT_NO_INTRO:
            o->intro = false;
            break;
        case OPT_LOCALE:
            if (strcmp(optarg, "en-GB") == 0 || strcmp(optarg, "en-gb") == 0)
                o->locale = BC_LOCALE_EN_GB;
            else if (strcmp(optarg, "en-US") == 0 || strcmp(optarg, "en-us") == 0)
                o->locale = BC_LOCALE_EN_US;
            else {
                cli_error("--locale: expected en-GB or en-US, got '%s'", optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_VOICES:
            o->voices_dir = optarg;
            break;
        case OPT_FEED:
            o->feed.path = optarg;
            audio_option = true;
            break;
        case OPT_BASE_URL:
            o->feed.base_url = optarg;
            audio_option = true;
            break;
        case OPT_FEED_CONFIG:
            o->feed.config = optarg;
            audio_option = true;
            break;
        case 'q':
            o->quiet = true;
            break;
        case 'h':
            printf("usage: briefcast %s\n", usage);
            exit(0);
        default:
            fprintf(stderr, "usage: briefcast %s\n", usage);
            return EXIT_USAGE;
        }
    }
    const char *command = plan_only ? "plan" : "make";
    if (audio_option && plan_only) {
        cli_error("plan: that option belongs to 'briefcast make'");
        fprintf(stderr, "usage: briefcast %s\n", usage);
        return EXIT_USAGE;
    }
    if (o->plan_in && optind < argc) {
        cli_error("make: --plan-in renders a plan; give no INPUT with it");
        return EXIT_USAGE;
    }
    if (!o->plan_in && optind >= argc) {
        cli_error("%s: expected at least one INPUT", command);
        return EXIT_USAGE;
    }
    if (!o->output && !plan_only) {
        cli_error("make: expected -o OUT.opus");
        return EXIT_USAGE;
    }
    if (o->feed.path && (!o->feed.base_url || !o->feed.config)) {
        cli_error("make: --feed needs --base-url URL and --feed-config FILE");
        return EXIT_USAGE;
    }
    if (!o->feed.path && (o->feed.base_url || o->feed.config)) {
        cli_error("make: --base-url and --feed-config go with --feed FILE");
        return EXIT_USAGE;
    }
    if (o->feed.path && !o->mp3) {
        /* podcast apps need the MP3: beside the Opus file, same name */
        size_t n = strlen(o->output);
        bool opus = n > 5 && strcmp(o->output + n - 5, ".opus") == 0;
        snprintf(o->mp3_for_feed, sizeof o->mp3_for_feed, "%.*s.mp3",
                 (int)(opus ? n - 5 : n), o->output);
        o->mp3 = o->mp3_for_feed;
    }
    if (o->rate)
        o->summary.words_per_minute = o->rate;
    return 0;
}



static void run_state_free(run_state *r)
{
    cli_free_inputs(r->inputs, r->input_count);
    for (size_t i = 0; i < r->list_count; i++)
        bc_article_list_free(r->lists[i]);
    free(r->lists);
    free(r->articles);
    bc_voice_set_free(r->voices);
    bc_plan_free(r->plan);
    bc_programme_free(r->programme);
    free(r->assets);
    free(r->cover);
}

/* Reads every input (a feed gives many articles). */
static int read_articles(run_state *r, char **given, size_t given_count, const make_options *o,
                         cli_log *log)
{
    int expanded = cli_expand_inputs(given, given_count, &r->inputs, &r->input_count);
    if (expanded)
        return expanded;
    char **inputs = r->inputs;
    size_t input_count = r->input_count;
    r->lists = calloc(input_count, sizeof *r->lists);
    if (!r->lists)
        return BC_ENOMEM;
    size_t capacity = 0;
    for (size_t i = 0; i < input_count; i++) {
        int rc = cli_ingest(inputs[i], &o->ingest, log, &r->lists[r->list_count]);
        if (rc)
            return rc;
        bc_article_list *list = r->lists[r->list_count++];
        for (size_t k = 0; k < list->count; k++) {
            if (r->article_count == capacity) {
                capacity = capacity ? capacity * 2 : 16;
                const bc_article **grown = realloc(r->articles, capacity * sizeof *grown);
                if (!grown) {
                    cli_error("out of memory");
                    return BC_ENOMEM;
                }
                r->articles = grown;
            }
            r->articles[r->article_count++] = &list->articles[k];
        }
    }
    return 0;
}

/* Reads a plan written by `briefcast plan` (and maybe edited). */
static int read_plan(const char *path, cli_log *log, bc_plan **out)
{
    char *data;
    size_t size;
    /* 64 MiB: far above any plan; the reader refuses more anyway */
    int rc = cli_read_input(path, (size_t)64 << 20, &data, &size);
    if (rc)
        return rc;
    bc_logger logger = cli_logger(log);
    rc = bc_plan_from_json(data, size, &logger, out);
    free(data);
    if (rc)
        cli_fail(log, path, rc);
    return rc;
}

/* Writes the plan as JSON to `path`, or to stdout for NULL or "-". */
static int write_plan(const bc_plan *plan, const char *path)
{
    char *json = NULL;
    int rc = bc_plan_to_json(plan, &json);
    if (rc) {
        cli_error("plan: %s", bc_strerror(rc));
        return rc;
    }
    if (!path || strcmp(path, "-") == 0) {
        fputs(json, stdout);
        rc = fflush(stdout) == 0 ? 0 : BC_EIO;
        if (rc)
            cli_error("standard output: write error");
    } else {
        rc = bc_write_file(path, json, strlen(json));
        if (rc)
            cli_error("%s: cannot write: %s", path, strerror(errno));
    }
    free(json);
    return rc;
}

static int run(int argc, char **argv, bool plan_only)
{
    make_options o;
    int status = parse(argc, argv, plan_only, &o);
    if (status)
        return status;
    cli_log log = {.quiet = o.quiet, .progress = !o.quiet && isatty(STDERR_FILENO)};
    run_state r = {0};
    struct sigaction action = {.sa_handler = on_signal};
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);

    status = 1;
    if (cli_load_voices(o.voices_dir, &log, &r.voices))
        goto done;
    if (!plan_only && make_prepare_sound(&r, &o, &log))
        goto done;
    if (o.feed.path && cli_feed_prepare(&o.feed, &log))
        goto done;
    bc_render_settings render;
    bc_render_default_settings(&render);
    render.voices = r.voices;
    render.rate = o.rate;
    render.jobs = o.jobs;
    render.lead_in_ms = bc_master_lead_in_ms(&o.master);
    render.lead_out_ms = bc_master_lead_out_ms(&o.master);
    render.logger = cli_logger(&log);
    render.cancel = (bc_canceller){make_is_interrupted, NULL};
    int rc = 0;
    if (o.plan_in) {
        if (read_plan(o.plan_in, &log, &r.plan))
            goto done;
    } else {
        cli_progress(&log, "reading %d input%s", argc - optind, argc - optind == 1 ? "" : "s");
        if (read_articles(&r, argv + optind, (size_t)(argc - optind), &o, &log))
            goto done;
        cli_progress(&log, "%zu article%s read; planning%s", r.article_count,
                     r.article_count == 1 ? "" : "s",
                     o.minutes > 0 ? " and fitting the length (speaking each try)" : "");
        bc_briefing_settings b;
        bc_briefing_default_settings(&b);
        b.text.logger = cli_logger(&log);
        b.summary = o.summary;
        b.minutes = o.minutes;
        b.order = o.order;
        b.plan.voices = r.voices;
        b.plan.title = o.title;
        b.plan.date = o.date;
        b.plan.intro = o.intro;
        b.plan.normalize.locale = o.locale;
        b.plan.logger = cli_logger(&log);
        b.render = render;
        b.logger = cli_logger(&log);
        rc = bc_briefing_plan(r.articles, r.article_count, &b, &r.plan,
                              plan_only ? NULL : &r.programme);
        if (rc) {
            const char *what = argc - optind == 1 ? argv[optind] : "briefing";
            cli_fail(&log, strcmp(what, "-") == 0 ? "standard input" : what, rc);
            goto done;
        }
    }
    if (plan_only) {
        status = write_plan(r.plan, o.output) ? 1 : 0;
        goto done;
    }
    if (o.plan_out && write_plan(r.plan, o.plan_out))
        goto done;

    if (!r.programme) {
        cli_progress(&log, "speaking %zu segments", r.plan->segment_count);
        rc = bc_render_programme(r.plan, &render, &r.programme);
    }
    if (rc) {
        cli_fail(&log, rc == BC_EINTR ? "interrupted" : o.plan_in ? o.plan_in : "speech", rc);
        goto done;
    }
    if (interrupted) {
        cli_error("interrupted; %s was not written", o.output);
        goto done;
    }

    cli_progress(&log, "mastering and encoding %.0f s of audio", bc_programme_seconds(r.programme));
    if (make_write_outputs(&r, &o, &log))
        goto done;
    cli_progress_done(&log);
    status = 0;

done:
    cli_feed_clear(&o.feed);
    run_state_free(&r);
    if (status && interrupted)
        status = 128 + interrupted; /* as a shell reports a run stopped by a signal */
    if (status == 0)
        cli_flush_warnings(&log);
    return status;
}

int cmd_make(int argc, char **argv)
{
    return run(argc, argv, false);
}

int cmd_plan(int argc, char **argv)
{
    return run(argc, argv, true);
}
