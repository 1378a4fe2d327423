/* briefcast — render: speaks a plan into a programme and writes it out. */
#ifndef BRIEFCAST_RENDER_H
#define BRIEFCAST_RENDER_H

#include <stddef.h>

#include "audio.h"
#include "common.h"
#include "encode.h"
#include "plan.h"
#include "voice.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct bc_render_settings {
    const bc_voice_set *voices;  /* required: the plan's voice names resolve here */
    int rate;                    /* words a minute for the whole programme; 0: each voice's own */
    const char *espeak_data;     /* eSpeak NG data folder; NULL: its default */
    bc_logger logger;
    bc_canceller cancel;
} bc_render_settings;

/* Fills `s` with the defaults; `voices` stays NULL and must be set. */
BC_API void bc_render_default_settings(bc_render_settings *s);

/* Speaks every segment of `plan` and joins the speech and its pauses into a
 * new programme in `*out` (with a chapter per story and a cue per segment);
 * free it with bc_programme_free(). Errors: BC_EINVAL, BC_ENOMEM,
 * BC_ENOTFOUND (a voice of the plan is not in the set), BC_ESYNTH, BC_EBUSY,
 * BC_EINTR. */
BC_API int bc_render_programme(const bc_plan *plan, const bc_render_settings *s,
                               bc_programme **out);

/* Encodes `programme` to `path` with `settings` (its sample_rate, chapters
 * and serial are filled in here from the programme when left zero). The
 * file appears complete or not at all. Errors: as bc_encoder_open(),
 * bc_encoder_write() and bc_encoder_finish(). */
BC_API int bc_programme_encode(const bc_programme *programme, const char *path,
                               const bc_encoder_settings *settings);

#ifdef __cplusplus
}
#endif

#endif
