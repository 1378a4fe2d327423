/* briefcast — voice profiles: small text files that say how a part of the
 * programme sounds (which eSpeak NG voice and variant, rate, pitch). */
#ifndef BRIEFCAST_VOICE_H
#define BRIEFCAST_VOICE_H

#include <stddef.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum bc_gender {
    BC_GENDER_UNKNOWN = 0,
    BC_GENDER_MALE,
    BC_GENDER_FEMALE,
} bc_gender;

/* What a profile is for in the programme. */
typedef enum bc_voice_use {
    BC_VOICE_NARRATOR = 0, /* intro, narration, attributions, outro */
    BC_VOICE_HEADLINE,     /* headlines */
    BC_VOICE_QUOTE,        /* one of the pool given to quoted people */
} bc_voice_use;

/* One profile. Strings are NUL-terminated and owned by the voice set. */
typedef struct bc_voice {
    const char *name;        /* profile name: the file name without ".voice" */
    const char *description; /* one line for `briefcast voices` */
    const char *language;    /* eSpeak NG voice, e.g. "en-gb" */
    const char *variant;     /* eSpeak NG variant, e.g. "m3", or NULL */
    bc_voice_use use;
    bc_gender gender;
    int rate;                /* words per minute at the normal speed */
    int pitch;               /* 0..100, eSpeak NG's base pitch */
    int range;               /* 0..100, eSpeak NG's pitch range */
} bc_voice;

typedef struct bc_voice_set {
    bc_voice *voices; /* sorted by name */
    size_t count;
} bc_voice_set;

/* Loads every "*.voice" file of the folders in `dirs` (`dir_count` entries;
 * a later folder's profile replaces an earlier one of the same name) into a
 * new set in `*out`; free it with bc_voice_set_free().
 * Errors: BC_EINVAL, BC_ENOMEM, BC_ENOTFOUND (a folder is missing or the
 * set has no narrator), BC_EFORMAT (a profile is malformed; the logger gets
 * the file and line), BC_EIO. */
BC_API int bc_voice_set_load(const char *const *dirs, size_t dir_count, const bc_logger *logger,
                             bc_voice_set **out);

/* Parses one profile from `text` (the contents of a .voice file) into the
 * set, replacing a profile of the same name. `name` is the profile name.
 * Errors: BC_EINVAL, BC_ENOMEM, BC_EFORMAT. */
BC_API int bc_voice_set_add(bc_voice_set *set, const char *name, const char *text, size_t length,
                            const bc_logger *logger);

/* Creates an empty set in `*out`. Errors: BC_EINVAL, BC_ENOMEM. */
BC_API int bc_voice_set_new(bc_voice_set **out);

/* Returns the profile called `name`, or NULL. The pointer is valid until the
 * set changes or is freed. */
BC_API const bc_voice *bc_voice_set_find(const bc_voice_set *set, const char *name);

/* Returns the first profile (by name) for `use`, or NULL. */
BC_API const bc_voice *bc_voice_set_first(const bc_voice_set *set, bc_voice_use use);

/* Frees a set; accepts NULL. */
BC_API void bc_voice_set_free(bc_voice_set *set);

#ifdef __cplusplus
}
#endif

#endif
