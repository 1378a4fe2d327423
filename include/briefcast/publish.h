/* briefcast — publish: the files that go beside the audio: the timed
 * transcript (WebVTT, SRT) and the chapters (Podcasting 2.0 JSON). The
 * bc_write_*() writers take the programme, whose chapters and cues carry
 * the times, a path and the shared settings, and write the file through a
 * temporary file renamed into place, so it appears complete or not at all;
 * the bc_transcript_*() functions give the text itself. */
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

typedef struct bc_publish_settings {
    const char *title;  /* the programme's title, for formats that carry one; NULL: none */
    bc_logger logger;
} bc_publish_settings;

/* Fills `s` with the defaults. */
BC_API void bc_publish_default_settings(bc_publish_settings *s);

/* Writes the chapters of `programme` to `path` in the Podcasting 2.0 JSON
 * chapters format: {"version": "1.2.0", "chapters": [{"startTime": 0,
 * "title": "..."}, ...]}, start times in seconds (to the millisecond).
 * `s` may be NULL. Errors: BC_EINVAL, BC_ENOMEM, BC_EIO (errno is kept). */
BC_API int bc_write_chapters_json(const bc_programme *programme, const char *path,
                                  const bc_publish_settings *s);

/* Writes the WebVTT transcript (as bc_transcript_vtt() makes it) to `path`.
 * `s` may be NULL. Errors: BC_EINVAL, BC_ENOMEM, BC_EIO (errno is kept). */
BC_API int bc_write_vtt(const bc_programme *programme, const char *path,
                        const bc_publish_settings *s);

/* Writes the SRT transcript (as bc_transcript_srt() makes it) to `path`.
 * Errors as bc_write_vtt(). */
BC_API int bc_write_srt(const bc_programme *programme, const char *path,
                        const bc_publish_settings *s);

#ifdef __cplusplus
}
#endif

#endif
