/* briefcast — publish: the files that go beside the audio (chapters now;
 * transcripts and feed entries beside them). Every writer takes the
 * programme, whose chapters and cues carry the times, a path and the
 * shared settings, and writes the file through a temporary file renamed
 * into place, so it appears complete or not at all. */
#ifndef BRIEFCAST_PUBLISH_H
#define BRIEFCAST_PUBLISH_H

#include "audio.h"
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

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

#ifdef __cplusplus
}
#endif

#endif
