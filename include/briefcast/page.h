/* briefcast — page: an accessible web page for a briefing: the player, the
 * chapters as buttons that seek, and the transcript with speaker names,
 * its current sentence highlighted as the audio plays. */
#ifndef BRIEFCAST_PAGE_H
#define BRIEFCAST_PAGE_H

#include "audio.h"
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct bc_page_settings {
    const char *title;       /* the page's heading; required */
    const char *subtitle;    /* a line under it (e.g. the programme and date), or NULL */
    const char *language;    /* the page's lang attribute; default "en" */
    const char *opus_url;    /* the audio, relative to the page: Opus ... */
    const char *mp3_url;     /* ... and/or MP3 (at least one) */
    const char *vtt_url;     /* captions track, or NULL */
} bc_page_settings;

/* Writes the page (HTML5, one file with its style and script inside) for
 * `programme` to a new NUL-terminated string in `*out`; the caller frees it.
 * Chapters and transcript come from the programme's chapters and cues.
 * Every text is escaped; the page loads nothing but the audio and captions
 * it names. Errors: BC_EINVAL, BC_ENOMEM. */
BC_API int bc_page_html(const bc_programme *programme, const bc_page_settings *s, char **out);

#ifdef __cplusplus
}
#endif

#endif
