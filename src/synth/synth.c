/* The only module that calls eSpeak NG. eSpeak NG keeps all its state in
 * globals, so this module allows one open synthesizer per process and keeps
 * eSpeak NG initialised for the life of the process once it has started
 * (starting it again after espeak_Terminate() is not reliable). */
#include <locale.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include <espeak-ng/speak_lib.h>

#include "briefcast/synth.h"
#include "common/internal.h"

/* eSpeak NG's rate limits, in words a minute (faster needs its sonic
 * speed-up, which Debian's build has). */
#define MIN_RATE 80
#define MAX_RATE 900

struct bc_synth {
    unsigned sample_rate;
    bc_logger logger;
};

/* Speech being made by the current espeak_Synth() call; the callback
 * reaches it through the event's user_data. */
typedef struct capture {
    bc_speech *speech;
    size_t samples_before; /* sample_count when the call started */
    size_t sample_capacity;
    size_t mark_capacity;
    const char *text;      /* to turn eSpeak's character positions into bytes */
    size_t text_length;
    size_t char_index;     /* walk position: character index ... */
    size_t byte_index;     /* ... and its byte offset */
    int failed;
} capture;

static atomic_flag synth_open = ATOMIC_FLAG_INIT;
static int espeak_rate; /* 0 until eSpeak NG has been initialised */

void bc_synth_default_settings(bc_synth_settings *s)
{
    if (s)
        *s = (bc_synth_settings){0};
}

/* eSpeak NG counts characters from 1; returns the byte offset of character
 * `position` of the text. Positions only grow within one call, so the walk
 * goes forward. */
static size_t byte_offset(capture *c, size_t position)
{
    size_t target = position > 0 ? position - 1 : 0;
    if (target < c->char_index) {
        c->char_index = 0;
        c->byte_index = 0;
    }
    while (c->char_index < target && c->byte_index < c->text_length) {
        int32_t cp;
        c->byte_index += bci_utf8_decode(c->text + c->byte_index, c->text_length - c->byte_index,
                                         &cp);
        c->char_index++;
    }
    return c->byte_index;
}

static int on_synth(short *wav, int sample_count, espeak_EVENT *events)
{
    capture *c = events ? events[0].user_data : NULL;
    if (!c || c->failed)
        return 1; /* abort: nothing to write to */
    bc_speech *speech = c->speech;
    if (wav && sample_count > 0) {
        void *items = speech->samples;
        if (bci_reserve(&items, &c->sample_capacity, speech->sample_count + (size_t)sample_count,
                        sizeof(int16_t))) {
            c->failed = BC_ENOMEM;
            return 1;
        }
        speech->samples = items;
        memcpy(speech->samples + speech->sample_count, wav, (size_t)sample_count * sizeof(int16_t));
        speech->sample_count += (size_t)sample_count;
    }
    for (espeak_EVENT *e = events; e->type != espeakEVENT_LIST_TERMINATED; e++) {
        if (e->type != espeakEVENT_WORD && e->type != espeakEVENT_SENTENCE)
            continue;
        void *items = speech->marks;
        if (bci_reserve(&items, &c->mark_capacity, speech->mark_count + 1, sizeof(bc_speech_mark))) {
            c->failed = BC_ENOMEM;
            return 1;
        }
        speech->marks = items;
        size_t sample = c->samples_before +
                        (size_t)((long long)e->audio_position * espeak_rate / 1000);
        bc_speech_mark *m = &speech->marks[speech->mark_count++];
        /* zeroed whole, padding too: marks are copied between processes */
        memset(m, 0, sizeof *m);
        m->kind = e->type == espeakEVENT_WORD ? BC_MARK_WORD : BC_MARK_SENTENCE;
        m->text_offset = byte_offset(c, e->text_position > 0 ? (size_t)e->text_position : 0);
        m->sample = sample;
    }
    return 0;
}

int bc_synth_open(bc_synth **out, const bc_synth_settings *settings)
{
    if (!out)
        return BC_EINVAL;
    bc_synth_settings defaults;
    bc_synth_default_settings(&defaults);
    const bc_synth_settings *s = settings ? settings : &defaults;
    if (atomic_flag_test_and_set(&synth_open)) {
        bci_log(&s->logger, BC_LOG_ERROR, "a synthesizer is already open in this process");
        return BC_EBUSY;
    }
    bc_synth *synth = calloc(1, sizeof *synth);
    if (!synth) {
        atomic_flag_clear(&synth_open);
        return BC_ENOMEM;
    }
    if (!espeak_rate) {
        /* eSpeak NG sets LC_CTYPE while it starts; give the caller theirs back. */
        const char *current = setlocale(LC_CTYPE, NULL);
        char *saved = current ? bci_strdup(current) : NULL;
        int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, s->data_path,
                                     espeakINITIALIZE_DONT_EXIT);
        if (saved)
            setlocale(LC_CTYPE, saved);
        free(saved);
        if (rate <= 0) {
            bci_log(&s->logger, BC_LOG_ERROR, "eSpeak NG could not start (is its data installed%s%s?)",
                    s->data_path ? " in " : "", s->data_path ? s->data_path : "");
            free(synth);
            atomic_flag_clear(&synth_open);
            return BC_ESYNTH;
        }
        espeak_SetSynthCallback(on_synth);
        /* The voice list, read now and kept: selecting a voice by name
         * reads every voice file when there is no list yet, which would
         * happen for every segment in the speech workers' children. */
        espeak_ListVoices(NULL);
        espeak_rate = rate;
    }
    synth->sample_rate = (unsigned)espeak_rate;
    synth->logger = s->logger;
    *out = synth;
    return 0;
}

unsigned bc_synth_sample_rate(const bc_synth *synth)
{
    return synth ? synth->sample_rate : 0;
}

static int select_voice(bc_synth *synth, const bc_voice *voice)
{
    char name[160];
    if (voice->variant)
        snprintf(name, sizeof name, "%s+%s", voice->language, voice->variant);
    else
        snprintf(name, sizeof name, "%s", voice->language);
    /* eSpeak NG finds voices by name or by language; profiles give the
     * language (e.g. "en-gb"), with the variant after a '+'. */
    espeak_VOICE spec = {.languages = name};
    if (espeak_SetVoiceByName(name) != EE_OK && espeak_SetVoiceByProperties(&spec) != EE_OK) {
        bci_log(&synth->logger, BC_LOG_ERROR, "voice '%s': eSpeak NG has no voice '%s'",
                voice->name, name);
        return BC_ENOTFOUND;
    }
    return 0;
}

int bc_synth_speak(bc_synth *synth, const bc_voice *voice, int rate, int pitch_offset,
                   const char *text, bc_speech *speech)
{
    if (!synth || !voice || !voice->language || !text || !speech)
        return BC_EINVAL;
    if (speech->sample_count && speech->sample_rate != synth->sample_rate)
        return BC_EINVAL;
    if (rate == 0)
        rate = voice->rate;
    if (rate < MIN_RATE)
        rate = MIN_RATE;
    if (rate > MAX_RATE)
        rate = MAX_RATE;
    int pitch = voice->pitch + pitch_offset;
    pitch = pitch < 0 ? 0 : pitch > 100 ? 100 : pitch;

    int rc = select_voice(synth, voice);
    if (rc)
        return rc;
    espeak_SetParameter(espeakRATE, rate, 0);
    espeak_SetParameter(espeakPITCH, pitch, 0);
    espeak_SetParameter(espeakRANGE, voice->range, 0);
    /* Speak punctuation as pauses, never as words. */
    espeak_SetParameter(espeakPUNCTUATION, espeakPUNCT_NONE, 0);

    size_t old_samples = speech->sample_count, old_marks = speech->mark_count;
    capture c = {
        .speech = speech,
        .samples_before = old_samples,
        .sample_capacity = old_samples,
        .mark_capacity = old_marks,
        .text = text,
        .text_length = strlen(text),
    };
    speech->sample_rate = synth->sample_rate;
    /* No espeakSSML and no espeakPHONEMES: the text is read as plain text,
     * so markup in an article is spoken, never obeyed. */
    espeak_ERROR e = espeak_Synth(text, c.text_length + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8,
                                  NULL, &c);
    if (e != EE_OK || c.failed) {
        speech->sample_count = old_samples;
        speech->mark_count = old_marks;
        if (c.failed)
            return c.failed;
        bci_log(&synth->logger, BC_LOG_ERROR, "eSpeak NG failed to speak (error %d)", (int)e);
        return BC_ESYNTH;
    }
    return 0;
}

void bc_speech_clear(bc_speech *speech)
{
    if (!speech)
        return;
    free(speech->samples);
    free(speech->marks);
    *speech = (bc_speech){0};
}

void bc_synth_free(bc_synth *synth)
{
    if (!synth)
        return;
    free(synth);
    atomic_flag_clear(&synth_open);
}
