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
    unsigned jobs;               /* speech worker processes; 0: one per processor */
    unsigned lead_in_ms;         /* silence before the first segment (for a jingle:
                                    bc_master_lead_in_ms()) */
    unsigned lead_out_ms;        /* silence after the last segment */
    bc_logger logger;
    bc_canceller cancel;
} bc_render_settings;

/* Fills `s` with the defaults; `voices` stays NULL and must be set. */
BC_API void bc_render_default_settings(bc_render_settings *s);

/* Speaks every segment of `plan` and joins the speech and its pauses into a
 * new programme in `*out` (with a chapter per story and a cue per segment);
 * free it with bc_programme_free(). A chapter opened before the first
 * speech starts at 0. The segments are spoken by worker processes (fork),
 * each with its own eSpeak NG (which is never started in the calling
 * process), every segment from eSpeak NG's fresh state: the programme is
 * the same with any number of jobs. Errors: BC_EINVAL, BC_ENOMEM, BC_ENOTFOUND (a voice of the
 * plan is not in the set), BC_ESYNTH, BC_EBUSY, BC_EINTR, BC_EIO (a worker
 * could not be started or died). */
BC_API int bc_render_programme(const bc_plan *plan, const bc_render_settings *s,
                               bc_programme **out);

/* One file to write: its path and its encoder settings. The sample rate,
 * the chapters and (when zero) the serial number are filled in from the
 * programme. */
typedef struct bc_output {
    const char *path;
    bc_encoder_settings encoder;
} bc_output;

/* Masters `programme` as `master` says (loudness, jingle, music bed,
 * true-peak limit; NULL: the defaults) and writes it to each of the
 * `count` outputs, all from the same mastered audio: at 48 kHz, or at
 * 24 kHz when every output is Opus and the programme's rate is 24 kHz or
 * less (the Opus stream is 48 kHz all the same). Opus outputs are encoded
 * in stretches cut at pauses, on `master->jobs` threads, and joined into
 * one stream; pauses are not encoded but repeat one packet of silence.
 * The bytes do not depend on the number of jobs.
 * Memory holds the programme and a few stretches, never the whole
 * programme at 48 kHz. Every file appears complete or not at all; on error
 * none is written or changed and no temporary file is left. Errors:
 * BC_EINVAL, BC_ENOMEM, BC_EIO, BC_EENCODE, BC_ENOTFOUND and BC_EFORMAT
 * (an asset), BC_EINTR. */
BC_API int bc_programme_write(const bc_programme *programme, const bc_output *outputs,
                              size_t count, const bc_master_settings *master);

/* Writes `programme` to `path` with `settings` and the default mastering,
 * single-threaded: bc_programme_write() with one output. */
BC_API int bc_programme_encode(const bc_programme *programme, const char *path,
                               const bc_encoder_settings *settings);

#ifdef __cplusplus
}
#endif

#endif
