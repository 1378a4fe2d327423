/* briefcast — podcast: the RSS 2.0 feed that podcast apps subscribe to,
 * with the iTunes and Podcasting 2.0 tags, one item per briefing. */
#ifndef BRIEFCAST_PODCAST_H
#define BRIEFCAST_PODCAST_H

#include <stdbool.h>
#include <stddef.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The channel: what the feed says about the podcast. Strings are borrowed
 * (bc_podcast_channel_parse() fills them with strings the channel owns;
 * free those with bc_podcast_channel_clear()). */
typedef struct bc_podcast_channel {
    const char *title;        /* required */
    const char *description;  /* required */
    const char *link;         /* the podcast's web page */
    const char *image;        /* cover art URL (Apple: 1400-3000 px square, JPEG or PNG) */
    const char *language;     /* e.g. "en-gb"; default "en" */
    const char *category;     /* an Apple Podcasts category; default "News" */
    const char *subcategory;  /* e.g. "Daily News", or NULL */
    const char *author;
    const char *owner_name;
    const char *owner_email;
    const char *copyright;
    bool explicit_content;    /* itunes:explicit; false by default */
    size_t keep;              /* items kept, newest first; default 30 */
    void *owned;              /* internal: the strings the channel owns */
} bc_podcast_channel;

/* Fills `c` with the defaults (no title or description). */
BC_API void bc_podcast_channel_default(bc_podcast_channel *c);

/* Reads channel settings from "key = value" lines (keys: title,
 * description, link, image, language, category, subcategory, author,
 * owner_name, owner_email, copyright, explicit (yes/no), keep). Starts from
 * the defaults. Errors: BC_EINVAL, BC_ENOMEM, BC_EFORMAT (the logger gets
 * the line and reason; also a missing title or description). */
BC_API int bc_podcast_channel_parse(const char *text, size_t length, const bc_logger *logger,
                                    bc_podcast_channel *c);

/* Frees the strings bc_podcast_channel_parse() gave `c`; accepts NULL. */
BC_API void bc_podcast_channel_clear(bc_podcast_channel *c);

/* One episode: its files are at `base_url` + their names. */
typedef struct bc_podcast_episode {
    const char *guid;         /* stable id; NULL: made from the channel title, episode title and date */
    const char *title;        /* required */
    const char *description;
    const char *date;         /* publication date, ISO 8601 or RFC 822; required */
    const char *page_url;     /* the episode's web page (item link), or NULL */
    const char *mp3_url;      /* the enclosure, required */
    size_t mp3_bytes;
    const char *opus_url;     /* podcast:alternateEnclosure, or NULL */
    size_t opus_bytes;
    int opus_bitrate;         /* bits a second, for the alternate enclosure */
    const char *vtt_url;      /* podcast:transcript, or NULL */
    const char *chapters_url; /* podcast:chapters, or NULL */
    double seconds;           /* itunes:duration */
} bc_podcast_episode;

/* Makes the feed with `episode` added: `existing` (`length` bytes; NULL
 * for a new feed) keeps its items, the channel's settings are replaced by
 * `channel`, an item with the same GUID is replaced, items are sorted
 * newest first and cut to `channel->keep`. The new feed goes to `*out`
 * (NUL-terminated; the caller frees it). Errors: BC_EINVAL, BC_ENOMEM,
 * BC_EFORMAT (`existing` is not an RSS feed: the logger says why; write
 * nothing over it). */
BC_API int bc_podcast_feed_update(const char *existing, size_t length,
                                  const bc_podcast_channel *channel,
                                  const bc_podcast_episode *episode, const bc_logger *logger,
                                  char **out);

#ifdef __cplusplus
}
#endif

#endif
