/* Shared inside the text stage. */
#ifndef BRIEFCAST_TEXT_INTERNAL_H
#define BRIEFCAST_TEXT_INTERNAL_H

#include "briefcast/text.h"
#include "common/internal.h"

/* Returns true when a paragraph is web boilerplate rather than news: a
 * sign-up or cookie notice, "Read full article", a share bar, a byline or a
 * related headline. */
bool bci_is_boilerplate(const char *text, size_t length);

#endif
