/* Rendering: every segment of a plan spoken and placed on the timeline,
 * then the timeline resampled to the codec's rate and encoded. */
#include <stdlib.h>
#include <string.h>

#include "audio/audio_internal.h"
#include "briefcast/render.h"
#include "briefcast/synth.h"

/* Opus runs at 48 kHz; everything else in the programme is eSpeak's rate. */
#define ENCODE_RATE 48000
/* Resample and encode in blocks of this many input samples. */
#define BLOCK_SAMPLES 8192

void bc_render_default_settings(bc_render_settings *s)
{
    if (s)
        *s = (bc_render_settings){0};
}

static int speak_segment(bc_synth *synth, const bc_segment *g, const bc_voice *voice, int rate,
                         bc_programme *p)
{
    bc_speech speech = {0};
    int base_rate = rate ? rate : voice->rate;
    int segment_rate = base_rate * (g->rate_percent > 0 ? g->rate_percent : 100) / 100;
    int rc = bc_synth_speak(synth, voice, segment_rate, g->pitch_offset, g->text, &speech);
    if (rc)
        return rc;
    if ((rc = bc_programme_add_silence(p, g->pause_before_ms)))
        goto done;
    if (g->chapter && (rc = bc_programme_add_chapter(p, g->chapter)))
        goto done;
    size_t start;
    if ((rc = bc_programme_add_speech(p, &speech, &start)))
        goto done;
    if ((rc = bc_programme_add_cue(p, start, p->sample_count, g->speaker, g->display)))
        goto done;
    rc = bc_programme_add_silence(p, g->pause_after_ms);
done:
    bc_speech_clear(&speech);
    return rc;
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
    bc_synth_settings ss;
    bc_synth_default_settings(&ss);
    ss.data_path = s->espeak_data;
    ss.logger = s->logger;
    bc_synth *synth = NULL;
    bc_programme *p = NULL;
    int rc = bc_synth_open(&synth, &ss);
    if (rc)
        return rc;
    if ((rc = bc_programme_new(bc_synth_sample_rate(synth), &p)))
        goto fail;
    for (size_t i = 0; i < plan->segment_count; i++) {
        if (bci_cancelled(&s->cancel)) {
            rc = BC_EINTR;
            goto fail;
        }
        const bc_segment *g = &plan->segments[i];
        rc = speak_segment(synth, g, bc_voice_set_find(s->voices, g->voice), s->rate, p);
        if (rc)
            goto fail;
    }
    bc_synth_free(synth);
    *out = p;
    return 0;

fail:
    bc_synth_free(synth);
    bc_programme_free(p);
    return rc;
}

/* A serial number that depends only on the audio and its title, so the same
 * briefing always gives the same bytes. */
static uint32_t content_serial(const bc_programme *p, const bc_encoder_settings *s)
{
    uint64_t h = bci_hash(0, p->samples, p->sample_count * sizeof(int16_t));
    if (s->tags.title)
        h = bci_hash(h, s->tags.title, strlen(s->tags.title));
    return (uint32_t)(h ^ (h >> 32));
}

int bc_programme_encode(const bc_programme *p, const char *path, const bc_encoder_settings *settings)
{
    if (!p || !path || !settings)
        return BC_EINVAL;
    bc_encoder_settings s = *settings;
    s.sample_rate = ENCODE_RATE;
    if (!s.serial)
        s.serial = content_serial(p, &s);
    bc_chapter *chapters = NULL;
    if (!s.chapters && p->chapter_count) {
        chapters = calloc(p->chapter_count, sizeof *chapters);
        if (!chapters)
            return BC_ENOMEM;
        for (size_t i = 0; i < p->chapter_count; i++)
            chapters[i] = (bc_chapter){
                .sample = (size_t)((unsigned long long)p->chapters[i].sample * ENCODE_RATE /
                                   p->sample_rate),
                .title = p->chapters[i].title};
        s.chapters = chapters;
        s.chapter_count = p->chapter_count;
    }
    bci_resampler *resampler = NULL;
    bc_encoder *encoder = NULL;
    /* room for one block after conversion, with margin for the filter */
    size_t out_capacity = BLOCK_SAMPLES * (ENCODE_RATE / p->sample_rate + 2) + 1024;
    float *block = malloc(out_capacity * sizeof(float));
    int rc = BC_ENOMEM;
    if (!block)
        goto done;
    if ((rc = bci_resampler_open(&resampler, p->sample_rate, ENCODE_RATE)))
        goto done;
    if ((rc = bc_encoder_open(&encoder, path, &s)))
        goto done;
    size_t position = 0;
    for (;;) {
        bool draining = position >= p->sample_count;
        size_t take = draining ? 0 : p->sample_count - position;
        if (take > BLOCK_SAMPLES)
            take = BLOCK_SAMPLES;
        size_t used = 0, made = 0;
        rc = bci_resampler_process(resampler, draining ? NULL : p->samples + position, take, &used,
                                   block, out_capacity, &made);
        if (rc)
            goto done;
        position += used;
        if (made && (rc = bc_encoder_write(encoder, block, made)))
            goto done;
        if (draining && made == 0)
            break;
    }
    rc = bc_encoder_finish(encoder);

done:
    bc_encoder_free(encoder);
    bci_resampler_free(resampler);
    free(block);
    free(chapters);
    return rc;
}
