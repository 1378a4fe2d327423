/* briefcast — ingest: turns input bytes (plain text, an HTML page, an RSS or
 * Atom feed) into articles: title, metadata and paragraphs. */
#ifndef BRIEFCAST_INGEST_H
#define BRIEFCAST_INGEST_H

#include <stdbool.h>
#include <stddef.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Marks an offset that does not point into the original input (text made
 * from markup, for example). */
#define BC_NO_OFFSET ((size_t)-1)

typedef enum bc_input_format {
    BC_FORMAT_AUTO = 0, /* detect from the content */
    BC_FORMAT_TEXT,     /* headline line, blank line, paragraphs */
    BC_FORMAT_HTML,     /* a web page */
    BC_FORMAT_FEED,     /* RSS 2.0, RSS 1.0 or Atom */
} bc_input_format;

/* One paragraph of an article. `text` is NUL-terminated UTF-8 on one line
 * (line breaks inside a paragraph become spaces). When `offset` is not
 * BC_NO_OFFSET, byte i of `text` is byte `offset + i` of the input, so
 * offsets found in the text map straight back to the input. */
typedef struct bc_paragraph {
    const char *text;
    size_t length;
    size_t offset;
} bc_paragraph;

/* An article. Every string is NUL-terminated UTF-8 or NULL when unknown.
 * `title_offset` is the headline's byte offset in the input or BC_NO_OFFSET.
 * All memory belongs to the bc_article_list that holds the article. */
typedef struct bc_article {
    const char *title;
    const char *source;   /* publication or site name */
    const char *byline;   /* author */
    const char *date;     /* publication date as found (ISO 8601 when known) */
    const char *url;
    size_t title_offset;
    bc_paragraph *paragraphs;
    size_t paragraph_count;
} bc_article;

typedef struct bc_article_list {
    bc_article *articles;
    size_t count;
} bc_article_list;

typedef struct bc_ingest_settings {
    bc_input_format format;  /* BC_FORMAT_AUTO by default */
    size_t max_input_bytes;  /* inputs above this fail with BC_ETOOBIG; 0: no limit */
    bc_logger logger;
} bc_ingest_settings;

/* Fills `s` with the defaults: automatic format, a 256 MiB limit, no logger. */
BC_API void bc_ingest_default_settings(bc_ingest_settings *s);

/* Reads `size` bytes of `data` (need not be NUL-terminated; the caller keeps
 * ownership and may free it afterwards) and writes a new article list to
 * `*out`, which the caller frees with bc_article_list_free().
 * Plain text gives one article and must be UTF-8. An HTML page gives one
 * article: its main text (navigation, comments, share bars and other page
 * furniture left out) and its metadata; a page may be in any charset it
 * declares. An RSS or Atom feed gives one article per item that has text.
 * Paragraphs made from markup have offset BC_NO_OFFSET, and so has the
 * title of a page or feed item.
 * Errors: BC_EINVAL, BC_ENOMEM, BC_EEMPTY (no text), BC_EBINARY, BC_EUTF8,
 * BC_EFORMAT (a feed that is not well-formed XML, or not a feed),
 * BC_ETOOBIG. The logger receives the detail (e.g. the byte offset of
 * invalid UTF-8, the line and column of a feed's error) and warnings about
 * what was skipped (feed items without text, pages too deep or too large to
 * read whole). On error `*out` is left untouched. */
BC_API int bc_ingest(const char *data, size_t size, const bc_ingest_settings *s,
                     bc_article_list **out);

/* Detects the format of `data` as bc_ingest() with BC_FORMAT_AUTO would. */
BC_API bc_input_format bc_detect_format(const char *data, size_t size);

/* Frees a list and everything its articles point to; accepts NULL. */
BC_API void bc_article_list_free(bc_article_list *list);

#ifdef __cplusplus
}
#endif

#endif
