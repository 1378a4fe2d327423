/* The files `briefcast make` writes: the audio (through the library's
 * mastering and encoders), chapters, transcripts, the web page and the
 * podcast feed entry. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "make.h"

/* The tags of the briefing: a single story names itself; a bulletin is
 * named after the programme. */
bc_tags make_briefing_tags(const run_state *r, const make_options *o)
{
    const bc_article *first = r->article_count == 1 ? r->articles[0] : NULL;
    return (bc_tags){
        .title = first && first->title ? first->title : r->plan->title,
        .artist = first && first->source ? first->source
                  : r->plan->source      ? r->plan->source
                                         : r->plan->title,
        .album = r->plan->title,
        .date = o->date ? o->date : first && first->date ? first->date : r->plan->date,
    };
}

/* The path of `target` as seen from the folder of `from` (both as given
 * on the command line): the relative path when both are in the same folder
 * or below it, else the absolute path. Writes into `out`. */
static void relative_path(const char *from, const char *target, char *out, size_t size)
{
    char from_dir[PATH_MAX], target_real[PATH_MAX];
    const char *slash = strrchr(from, '/');
    snprintf(from_dir, sizeof from_dir, "%.*s", slash ? (int)(slash - from) : 1,
             slash ? from : ".");
    char *dir = realpath(from_dir[0] ? from_dir : "/", NULL);
    if (!dir || !realpath(target, target_real)) {
        snprintf(out, size, "%s", target);
        free(dir);
        return;
    }
    size_t n = strlen(dir);
    if (strncmp(target_real, dir, n) == 0 && target_real[n] == '/')
        snprintf(out, size, "%s", target_real + n + 1);
    else
        snprintf(out, size, "%s", target_real);
    free(dir);
}

/* Writes the web page beside the audio files it plays. */
static int write_page(const run_state *r, const make_options *o)
{
    char opus[PATH_MAX], mp3[PATH_MAX], vtt[PATH_MAX], subtitle[256];
    relative_path(o->html, o->output, opus, sizeof opus);
    if (o->mp3)
        relative_path(o->html, o->mp3, mp3, sizeof mp3);
    if (o->vtt)
        relative_path(o->html, o->vtt, vtt, sizeof vtt);
    bc_tags tags = make_briefing_tags(r, o);
    if (tags.date)
        snprintf(subtitle, sizeof subtitle, "%s, %s", r->plan->title, tags.date);
    else
        snprintf(subtitle, sizeof subtitle, "%s", r->plan->title);
    bc_page_settings page = {
        .title = tags.title,
        .subtitle = strcmp(subtitle, tags.title) ? subtitle : NULL,
        .opus_url = opus,
        .mp3_url = o->mp3 ? mp3 : NULL,
        .vtt_url = o->vtt ? vtt : NULL,
    };
    char *html = NULL;
    int rc = bc_page_html(r->programme, &page, &html);
    if (!rc && (rc = bc_write_file(o->html, html, strlen(html))))
        cli_error("%s: cannot write: %s", o->html, strerror(errno));
    else if (rc)
        cli_error("%s: %s", o->html, bc_strerror(rc));
    free(html);
    return rc;
}

/* Adds the briefing to the podcast feed. The episode is dated --date (at
 * midnight UTC), or now when no date was given. */
static int publish_episode(const run_state *r, make_options *o, cli_log *log)
{
    char now[32];
    const char *date = o->date;
    if (!date) {
        time_t t = time(NULL);
        struct tm utc;
        if (!gmtime_r(&t, &utc) || !strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &utc)) {
            cli_error("%s: the clock cannot be read for the episode's date", o->feed.path);
            return BC_EIO;
        }
        date = now;
    }
    bc_tags tags = make_briefing_tags(r, o);
    /* the description: the stories' headlines */
    char description[2048] = "";
    size_t used = 0;
    for (size_t i = 0; i < r->plan->segment_count && used + 4 < sizeof description; i++) {
        const bc_segment *g = &r->plan->segments[i];
        if (g->role != BC_ROLE_HEADLINE || g->story < 0)
            continue;
        int n = snprintf(description + used, sizeof description - used, "%s%s", used ? " / " : "",
                         g->display);
        used = n > 0 ? used + (size_t)n : used;
    }
    if (used >= sizeof description)
        used = sizeof description - 1;
    /* a bulletin is named after the programme: the date tells episodes apart */
    char title[512];
    if (r->article_count != 1 && o->date)
        snprintf(title, sizeof title, "%s, %s", tags.title, o->date);
    else
        snprintf(title, sizeof title, "%s", tags.title);
    bc_podcast_episode episode = {
        .title = title,
        .description = used ? description : tags.title,
        .date = date,
        .opus_bitrate = o->encoder.bitrate,
        .seconds = bc_programme_seconds(r->programme),
    };
    cli_episode_files files = {.opus = o->output, .mp3 = o->mp3, .vtt = o->vtt,
                               .chapters = o->chapters, .page = o->html};
    return cli_feed_publish(&o->feed, &files, &episode, log);
}

/* Finds the assets and reads the cover before the long work starts. */
int make_prepare_sound(run_state *r, make_options *o, cli_log *log)
{
    o->master.jobs = o->jobs;
    o->master.logger = cli_logger(log);
    o->master.cancel = (bc_canceller){make_is_interrupted, NULL};
    if (o->master.jingle || o->master.music) {
        r->assets = cli_assets_dir();
        if (!r->assets && o->master.music) {
            cli_error("--music: no sound assets found (looked beside the program and in %s)",
                      BC_DATADIR "/assets");
            return 1;
        }
        if (!r->assets) {
            if (!o->quiet)
                cli_error("warning: no sound assets found; the briefing has no jingle");
            o->master.jingle = false;
        }
        o->master.assets = r->assets;
    }
    if (o->cover) {
        /* 16 MiB: far more than any cover picture needs */
        if (cli_read_input(o->cover, (size_t)16 << 20, &r->cover, &o->encoder.cover_size))
            return 1;
        o->encoder.cover = r->cover;
    }
    return 0;
}

/* Writes the audio files, then the chapters, transcripts and page. */
int make_write_outputs(run_state *r, make_options *o, cli_log *log)
{
    bc_encoder_settings encoder = o->encoder;
    encoder.logger = cli_logger(log);
    encoder.tags = make_briefing_tags(r, o);
    bc_output outputs[4];
    size_t count = 0;
    outputs[count++] = (bc_output){o->output, encoder};
    const struct {
        const char *path;
        bc_codec codec;
    } extra[] = {{o->mp3, BC_CODEC_MP3}, {o->wav, BC_CODEC_WAV}, {o->flac, BC_CODEC_FLAC}};
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++) {
        if (!extra[i].path)
            continue;
        bc_output *out = &outputs[count++];
        *out = (bc_output){extra[i].path, encoder};
        out->encoder.codec = extra[i].codec;
        /* 64 kbit/s: the usual rate of spoken-word MP3 podcasts */
        out->encoder.bitrate = 64000;
    }
    int rc = bc_programme_write(r->programme, outputs, count, &o->master);
    if (rc) {
        cli_fail(log, rc == BC_EINTR ? "interrupted" : o->output, rc);
        return rc;
    }
    bc_publish_settings publish;
    bc_publish_default_settings(&publish);
    publish.title = encoder.tags.title;
    publish.logger = cli_logger(log);
    const struct {
        const char *path;
        int (*write)(const bc_programme *, const char *, const bc_publish_settings *);
    } texts[] = {{o->chapters, bc_write_chapters_json}, {o->vtt, bc_write_vtt},
                 {o->srt, bc_write_srt}};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        if (texts[i].path && (rc = texts[i].write(r->programme, texts[i].path, &publish))) {
            cli_fail(log, texts[i].path, rc);
            return rc;
        }
    }
    if (o->html && (rc = write_page(r, o)))
        return rc;
    return o->feed.path ? publish_episode(r, o, log) : 0;
}

