/* Rendering: every segment of a plan spoken and placed on the timeline,
 * with its pauses, chapter and transcript cue. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "render_internal.h"

/* eSpeak NG's rate, for a plan with nothing to speak. */
#define EMPTY_PLAN_RATE 22050

void bc_render_default_settings(bc_render_settings *s)
{
    if (s)
        *s = (bc_render_settings){0};
}

int bci_speak_segment(bc_synth *synth, const bc_segment *g, const bc_voice *voice, int rate,
                      bc_speech *speech)
{
    int base_rate = rate ? rate : voice->rate;
    int segment_rate = base_rate * (g->rate_percent > 0 ? g->rate_percent : 100) / 100;
    return bc_synth_speak(synth, voice, segment_rate, g->pitch_offset, g->text, speech);
}

/* Places spoken segments on the timeline, in order. */
typedef struct placer {
    const bc_plan *plan;
    const bc_render_settings *settings;
    bc_programme *programme;
    bool spoken;  /* speech has been placed */
} placer;

static int place(void *user_data, size_t index, bc_speech *speech)
{
    placer *pl = user_data;
    const bc_segment *g = &pl->plan->segments[index];
    if (bci_cancelled(&pl->settings->cancel))
        return BC_EINTR;
    int rc;
    if (!pl->programme) {
        /* the timeline takes the synthesizer's rate */
        if ((rc = bc_programme_new(speech->sample_rate, &pl->programme)) ||
            (rc = bc_programme_add_silence(pl->programme, pl->settings->lead_in_ms)))
            return rc;
    }
    bc_programme *p = pl->programme;
    if ((rc = bc_programme_add_silence(p, g->pause_before_ms)))
        return rc;
    if (g->chapter) {
        if ((rc = bc_programme_add_chapter(p, g->chapter)))
            return rc;
        /* a chapter before any speech starts the programme: jingle and all */
        if (!pl->spoken)
            p->chapters[p->chapter_count - 1].sample = 0;
    }
    size_t start;
    if ((rc = bc_programme_add_speech(p, speech, &start)))
        return rc;
    pl->spoken = pl->spoken || p->sample_count > start;
    if ((rc = bc_programme_add_cue(p, start, p->sample_count, g->speaker, g->display)))
        return rc;
    return bc_programme_add_silence(p, g->pause_after_ms);
}

static size_t speech_jobs(const bc_render_settings *s, size_t segment_count)
{
    size_t jobs = bci_job_count(s->jobs);
    if (jobs > segment_count)
        jobs = segment_count ? segment_count : 1;
    return jobs;
}

int bc_render_programme(const bc_plan *plan, const bc_render_settings *s, bc_programme **out)
{
    if (!plan || !s || !s->voices || !out)
        return BC_EINVAL;
    for (size_t i = 0; i < plan->segment_count; i++) {
        if (!bc_voice_set_find(s->voices, plan->segments[i].voice)) {
            bci_log(&s->logger, BC_LOG_ERROR, "segment %zu: no voice profile '%s'", i + 1,
                    plan->segments[i].voice);
            return BC_ENOTFOUND;
        }
    }
    placer pl = {plan, s, NULL, false};
    size_t jobs = speech_jobs(s, plan->segment_count);
    /* even one job speaks in a worker: each segment from eSpeak NG's fresh
     * state, so that the programme never depends on the number of jobs */
    int rc = plan->segment_count ? bci_speak_parallel(plan, s, jobs, place, &pl) : 0;
    if (!rc && !pl.programme && !(rc = bc_programme_new(EMPTY_PLAN_RATE, &pl.programme)))
        rc = bc_programme_add_silence(pl.programme, s->lead_in_ms);
    if (rc || (rc = bc_programme_add_silence(pl.programme, s->lead_out_ms))) {
        bc_programme_free(pl.programme);
        return rc;
    }
    *out = pl.programme;
    return 0;
}
