/* `briefcast make` and `briefcast plan`: the options and state of one run,
 * shared by cmd_make.c (reading, planning, speaking) and outputs.c (the
 * files a run writes). */
#ifndef BRIEFCAST_CLI_MAKE_H
#define BRIEFCAST_CLI_MAKE_H

#include <limits.h>

#include "cli.h"

typedef struct make_options {
    const char *output;
    const char *plan_out;
    const char *plan_in;
    const char *vtt;
    const char *srt;
    const char *html;
    /* the sound and the other outputs */
    bc_master_settings master;
    const char *mp3;
    const char *wav;
    const char *flac;
    const char *chapters;
    const char *cover;
    unsigned jobs;
    cli_feed feed;
    char mp3_for_feed[PATH_MAX];
    bc_ingest_settings ingest;
    bc_summary_settings summary;
    bc_encoder_settings encoder;
    int rate;
    const char *title;
    const char *date;
    const char *voices_dir;
    double minutes;
    bc_story_order order;
    bc_locale locale;
    char today[16];
    bool intro;
    bool quiet;
} make_options;

/* Everything one run holds, freed in one place. */
typedef struct run_state {
    char **inputs;          /* the INPUTs, folders expanded to their files */
    size_t input_count;
    bc_article_list **lists;
    size_t list_count;
    const bc_article **articles;
    size_t article_count;
    bc_voice_set *voices;
    bc_plan *plan;
    bc_programme *programme;
    char *assets;
    char *cover;
} run_state;

/* The tags of the briefing: a single story names itself; a bulletin is
 * named after the programme. */
bc_tags make_briefing_tags(const run_state *r, const make_options *o);

/* Finds the assets and reads the cover before the long work starts.
 * Returns 0 or 1 (the error printed). */
int make_prepare_sound(run_state *r, make_options *o, cli_log *log);

/* Writes the audio files, then the chapters, transcripts, page and feed.
 * Returns 0 or an error (printed). */
int make_write_outputs(run_state *r, make_options *o, cli_log *log);

/* Polled by the library: non-zero once SIGINT or SIGTERM has arrived. */
int make_is_interrupted(void *user_data);

#endif
