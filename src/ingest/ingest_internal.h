/* Shared by the ingest readers: building articles and the per-format entry points. */
#ifndef BRIEFCAST_INGEST_INTERNAL_H
#define BRIEFCAST_INGEST_INTERNAL_H

#include "briefcast/ingest.h"
#include "common/internal.h"

/* Appends a zeroed article (every offset BC_NO_OFFSET) to `list` and points
 * `*out` at it (valid until the next append). Returns 0 or BC_ENOMEM. */
int bci_list_add_article(bc_article_list *list, bc_article **out);

/* Appends a copy of `length` bytes of `text` as a paragraph of `a`; line
 * breaks, tabs and other control characters become spaces so that byte
 * offsets stay the same. `offset` is its offset in the input or
 * BC_NO_OFFSET. Returns 0 or BC_ENOMEM. */
int bci_article_add_paragraph(bc_article *a, const char *text, size_t length, size_t offset);

/* Sets a metadata field of `a` (`*field`, one of its const char * members) to
 * a copy of `length` bytes of `text` with white space collapsed and trimmed;
 * empty text leaves the field as it is. Returns 0 or BC_ENOMEM. */
int bci_article_set(const char **field, const char *text, size_t length);

/* Frees what one article owns (not the article itself). */
void bci_article_clear(bc_article *a);

/* Readers: each appends the articles of `data` to `list`. `data` has no NUL
 * bytes; the plain-text reader gets valid UTF-8. Errors as bc_ingest(). */
int bci_read_text(const char *data, size_t size, size_t base_offset, const bc_ingest_settings *s,
                  bc_article_list *list);

/* An HTML page gives one article (html.c); `data` may be in any charset the
 * page declares. */
int bci_read_html(const char *data, size_t size, const bc_ingest_settings *s,
                  bc_article_list *list);

/* An RSS 2.0, RSS 1.0 or Atom feed gives one article per item (feed.c). */
int bci_read_feed(const char *data, size_t size, const bc_ingest_settings *s,
                  bc_article_list *list);

#endif
