/* Names of people, for the planner (see names.c). */
#ifndef BRIEFCAST_PLAN_NAMES_H
#define BRIEFCAST_PLAN_NAMES_H

#include "plan_internal.h"

/* The last word of a name (possessive dropped): its start in `*start` and
 * its length; 0 when the name has no word. */
size_t bci_surname(const char *speaker, const char **start);

/* True when the name begins with a title such as "Mr" or "Dr". */
bool bci_has_title(const char *speaker);

/* The gender a courtesy title gives the person in the doc ("Mr Reilly",
 * "Ms Okafor"), or BC_GENDER_UNKNOWN. */
bc_gender bci_title_gender(const bc_doc *doc, const char *speaker);

#endif
