/* briefcast — synth: speaks text with eSpeak NG into 16-bit mono PCM, with
 * the time of every word and sentence.
 *
 * eSpeak NG keeps its state in process-wide globals, so only one bc_synth
 * can be open in a process at a time (a second open fails with BC_EBUSY);
 * parallel synthesis uses worker processes. Opening it loads eSpeak NG with
 * the option that forbids it to exit the process; eSpeak NG sets LC_CTYPE
 * while it starts, and bc_synth_open() puts back the caller's value. */
#ifndef BRIEFCAST_SYNTH_H
#define BRIEFCAST_SYNTH_H

#include <stddef.h>
#include <stdint.h>

#include "common.h"
#include "voice.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct bc_synth bc_synth;

typedef struct bc_synth_settings {
    const char *data_path; /* eSpeak NG data folder; NULL: its default */
    bc_logger logger;
} bc_synth_settings;

/* Fills `s` with the defaults. */
BC_API void bc_synth_default_settings(bc_synth_settings *s);

typedef enum bc_speech_mark_kind {
    BC_MARK_WORD = 0,
    BC_MARK_SENTENCE,
} bc_speech_mark_kind;

/* Where a word or sentence starts in the audio. `text_offset` is a byte
 * offset into the text given to bc_synth_speak(). */
typedef struct bc_speech_mark {
    bc_speech_mark_kind kind;
    size_t text_offset;
    size_t sample;
} bc_speech_mark;

/* Speech: `sample_count` samples at `sample_rate` Hz, and its marks in
 * order. The arrays belong to the bc_speech; bc_speech_clear() frees them. */
typedef struct bc_speech {
    int16_t *samples;
    size_t sample_count;
    unsigned sample_rate;
    bc_speech_mark *marks;
    size_t mark_count;
} bc_speech;

/* Opens the synthesizer into `*out`. Errors: BC_EINVAL, BC_ENOMEM, BC_EBUSY
 * (one is open already), BC_ESYNTH (eSpeak NG or its data is missing). */
BC_API int bc_synth_open(bc_synth **out, const bc_synth_settings *s);

/* Returns the rate, in Hz, of the speech the synthesizer makes. */
BC_API unsigned bc_synth_sample_rate(const bc_synth *synth);

/* Speaks `text` (plain UTF-8; it is never read as markup) in `voice` at
 * `rate` words a minute (80..900; 0: the voice's rate) with `pitch_offset`
 * added to the voice's pitch, and appends the audio and marks to `speech`
 * (which must be zeroed or hold earlier speech of the same rate).
 * Errors: BC_EINVAL, BC_ENOMEM, BC_ENOTFOUND (eSpeak NG has no such voice),
 * BC_ESYNTH. On error `speech` keeps what it held before. */
BC_API int bc_synth_speak(bc_synth *synth, const bc_voice *voice, int rate, int pitch_offset,
                          const char *text, bc_speech *speech);

/* Frees the arrays of `speech` and zeroes it; accepts NULL. */
BC_API void bc_speech_clear(bc_speech *speech);

/* Closes the synthesizer; accepts NULL. */
BC_API void bc_synth_free(bc_synth *synth);

#ifdef __cplusplus
}
#endif

#endif
