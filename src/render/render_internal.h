/* Rendering helpers shared between the files of src/render. */
#ifndef BRIEFCAST_RENDER_INTERNAL_H
#define BRIEFCAST_RENDER_INTERNAL_H

#include "briefcast/render.h"
#include "briefcast/synth.h"
#include "common/internal.h"

/* Receives the speech of segment `index`, in segment order; it may take
 * the arrays of `speech` (and zero it). Returns 0 or an error, which stops
 * the speaking. */
typedef int (*bci_speech_fn)(void *user_data, size_t index, bc_speech *speech);

/* Speaks segment `g` of a plan with `synth` into `speech`, at the rate
 * and pitch the segment and the settings ask for. Errors: as
 * bc_synth_speak(). */
int bci_speak_segment(bc_synth *synth, const bc_segment *g, const bc_voice *voice, int rate,
                      bc_speech *speech);

/* Speaks every segment of `plan` in `jobs` worker processes, each with
 * its own synthesizer, every segment from the synthesizer's fresh state,
 * and hands the speech to `deliver` in segment order. Errors: BC_ENOMEM, BC_EIO (a worker could not start or
 * died), BC_EINTR, a synthesizer's error, or the deliverer's. */
int bci_speak_parallel(const bc_plan *plan, const bc_render_settings *s, size_t jobs,
                       bci_speech_fn deliver, void *user_data);

#endif
