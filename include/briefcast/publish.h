/* briefcast — publish: the files that go beside the audio: the timed
 * transcript (WebVTT, SRT). */
#ifndef BRIEFCAST_PUBLISH_H
#define BRIEFCAST_PUBLISH_H

#include "audio.h"
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Writes the programme's transcript as WebVTT to a new NUL-terminated string
 * in `*out` (the caller frees it): one cue per cue of the programme, in
 * order, each with a voice tag naming the speaker (`<v Jens Stoltenberg>`,
 * `<v Narrator>` for the narrator) and the text as written, escaped.
 * Errors: BC_EINVAL, BC_ENOMEM. */
BC_API int bc_transcript_vtt(const bc_programme *programme, char **out);

/* As bc_transcript_vtt() in SubRip (SRT) form; a quoted speaker's cues
 * begin with their name ("Jens Stoltenberg: ..."), since SRT has no voice
 * tags. */
BC_API int bc_transcript_srt(const bc_programme *programme, char **out);

#ifdef __cplusplus
}
#endif

#endif
