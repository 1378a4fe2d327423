/* Voice profiles: parsing "key = value" files and the set that holds them. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "briefcast/voice.h"
#include "common/internal.h"

/* A profile file larger than this is not a profile. */
#define MAX_PROFILE_BYTES 65536

int bc_voice_set_new(bc_voice_set **out)
{
    if (!out)
        return BC_EINVAL;
    bc_voice_set *set = calloc(1, sizeof *set);
    if (!set)
        return BC_ENOMEM;
    *out = set;
    return 0;
}

static void voice_clear(bc_voice *v)
{
    free((char *)v->name);
    free((char *)v->description);
    free((char *)v->language);
    free((char *)v->variant);
    *v = (bc_voice){0};
}

void bc_voice_set_free(bc_voice_set *set)
{
    if (!set)
        return;
    for (size_t i = 0; i < set->count; i++)
        voice_clear(&set->voices[i]);
    free(set->voices);
    free(set);
}

static bool valid_name(const char *name)
{
    if (!*name || strlen(name) > 64)
        return false;
    for (const char *p = name; *p; p++) {
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_'))
            return false;
    }
    return true;
}

/* eSpeak NG voice and variant names: letters, digits, - and _ only, so a
 * profile cannot smuggle a path or markup into the synthesizer. */
static bool valid_espeak_name(const char *s)
{
    return valid_name(s);
}

static int parse_int(const char *value, int low, int high, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(value, &end, 10);
    if (errno || end == value || *end || v < low || v > high)
        return BC_EFORMAT;
    *out = (int)v;
    return 0;
}

/* Takes one "key = value" of a profile into the voice `user_data`. */
static int parse_pair(void *user_data, const char *key, const char *value, const char **problem)
{
    bc_voice *v = user_data;
    const char **text_field = NULL;
    if (strcmp(key, "description") == 0) {
        text_field = &v->description;
    } else if (strcmp(key, "language") == 0 || strcmp(key, "variant") == 0) {
        if (!valid_espeak_name(value)) {
            *problem = "eSpeak NG names hold only letters, digits, - and _";
            return BC_EFORMAT;
        }
        text_field = key[0] == 'l' ? &v->language : &v->variant;
    } else if (strcmp(key, "use") == 0) {
        if (strcmp(value, "narrator") == 0)
            v->use = BC_VOICE_NARRATOR;
        else if (strcmp(value, "headline") == 0)
            v->use = BC_VOICE_HEADLINE;
        else if (strcmp(value, "quote") == 0)
            v->use = BC_VOICE_QUOTE;
        else {
            *problem = "use is narrator, headline or quote";
            return BC_EFORMAT;
        }
        return 0;
    } else if (strcmp(key, "gender") == 0) {
        if (strcmp(value, "male") == 0)
            v->gender = BC_GENDER_MALE;
        else if (strcmp(value, "female") == 0)
            v->gender = BC_GENDER_FEMALE;
        else if (strcmp(value, "unknown") == 0)
            v->gender = BC_GENDER_UNKNOWN;
        else {
            *problem = "gender is male, female or unknown";
            return BC_EFORMAT;
        }
        return 0;
    } else if (strcmp(key, "rate") == 0) {
        *problem = "rate is 80..900 words a minute";
        return parse_int(value, 80, 900, &v->rate);
    } else if (strcmp(key, "pitch") == 0) {
        *problem = "pitch is 0..100";
        return parse_int(value, 0, 100, &v->pitch);
    } else if (strcmp(key, "range") == 0) {
        *problem = "range is 0..100";
        return parse_int(value, 0, 100, &v->range);
    } else {
        *problem = "unknown key";
        return BC_EFORMAT;
    }
    char *copy = bci_strdup(value);
    if (!copy)
        return BC_ENOMEM;
    free((char *)*text_field);
    *text_field = copy;
    return 0;
}

static int compare_voices(const void *a, const void *b)
{
    return strcmp(((const bc_voice *)a)->name, ((const bc_voice *)b)->name);
}

int bc_voice_set_add(bc_voice_set *set, const char *name, const char *text, size_t length,
                     const bc_logger *logger)
{
    if (!set || !name || (!text && length))
        return BC_EINVAL;
    if (!valid_name(name)) {
        bci_log(logger, BC_LOG_ERROR, "voice '%s': names hold only letters, digits, - and _",
                name);
        return BC_EFORMAT;
    }
    bc_voice v = {.use = BC_VOICE_QUOTE, .rate = 175, .pitch = 50, .range = 50};
    v.name = bci_strdup(name);
    int rc = BC_ENOMEM;
    if (!v.name)
        goto fail;
    size_t line_number;
    const char *problem;
    rc = bci_kv_parse(text ? text : "", length, parse_pair, &v, &line_number, &problem);
    if (rc == BC_EFORMAT)
        bci_log(logger, BC_LOG_ERROR, "voice '%s', line %zu: %s", name, line_number, problem);
    if (rc)
        goto fail;
    if (!v.language) {
        bci_log(logger, BC_LOG_ERROR, "voice '%s': no language (the eSpeak NG voice)", name);
        rc = BC_EFORMAT;
        goto fail;
    }
    for (size_t i = 0; i < set->count; i++) {
        if (strcmp(set->voices[i].name, name) == 0) {
            voice_clear(&set->voices[i]);
            set->voices[i] = v;
            return 0;
        }
    }
    size_t capacity = set->count;
    void *items = set->voices;
    rc = BC_ENOMEM;
    if (bci_reserve(&items, &capacity, set->count + 1, sizeof(bc_voice)))
        goto fail;
    set->voices = items;
    set->voices[set->count++] = v;
    qsort(set->voices, set->count, sizeof(bc_voice), compare_voices);
    return 0;

fail:
    voice_clear(&v);
    return rc;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int load_file(bc_voice_set *set, const char *dir, const char *file,
                     const bc_logger *logger)
{
    size_t path_size = strlen(dir) + strlen(file) + 2;
    char *path = malloc(path_size);
    if (!path)
        return BC_ENOMEM;
    snprintf(path, path_size, "%s/%s", dir, file);
    FILE *f = fopen(path, "rb");
    if (!f) {
        bci_log(logger, BC_LOG_ERROR, "%s: %s", path, strerror(errno));
        free(path);
        return BC_EIO;
    }
    char *text = malloc(MAX_PROFILE_BYTES + 1);
    size_t length = text ? fread(text, 1, MAX_PROFILE_BYTES + 1, f) : 0;
    int rc = 0;
    if (!text)
        rc = BC_ENOMEM;
    else if (ferror(f)) {
        bci_log(logger, BC_LOG_ERROR, "%s: read error", path);
        rc = BC_EIO;
    } else if (length > MAX_PROFILE_BYTES) {
        bci_log(logger, BC_LOG_ERROR, "%s: too large for a voice profile", path);
        rc = BC_EFORMAT;
    }
    fclose(f);
    if (!rc) {
        char name[80];
        size_t name_length = strlen(file) - strlen(".voice");
        snprintf(name, sizeof name, "%.*s", (int)(name_length < 79 ? name_length : 79), file);
        rc = bc_voice_set_add(set, name, text, length, logger);
    }
    free(text);
    free(path);
    return rc;
}

/* Loads the .voice files of one folder, in name order. */
static int load_dir(bc_voice_set *set, const char *dir, const bc_logger *logger)
{
    DIR *d = opendir(dir);
    if (!d) {
        bci_log(logger, BC_LOG_ERROR, "voice folder %s: %s", dir, strerror(errno));
        return errno == ENOENT || errno == ENOTDIR ? BC_ENOTFOUND : BC_EIO;
    }
    char **names = NULL;
    size_t count = 0, capacity = 0;
    int rc = 0;
    struct dirent *entry;
    while ((entry = readdir(d))) {
        size_t n = strlen(entry->d_name);
        if (n <= 6 || strcmp(entry->d_name + n - 6, ".voice") != 0 || entry->d_name[0] == '.')
            continue;
        void *items = names;
        char *copy = bci_strdup(entry->d_name);
        if (!copy || bci_reserve(&items, &capacity, count + 1, sizeof(char *))) {
            free(copy);
            rc = BC_ENOMEM;
            break;
        }
        names = items;
        names[count++] = copy;
    }
    closedir(d);
    if (!rc && count)
        qsort(names, count, sizeof(char *), compare_strings);
    for (size_t i = 0; i < count; i++) {
        if (!rc)
            rc = load_file(set, dir, names[i], logger);
        free(names[i]);
    }
    free(names);
    return rc;
}

int bc_voice_set_load(const char *const *dirs, size_t dir_count, const bc_logger *logger,
                      bc_voice_set **out)
{
    if (!dirs || !out)
        return BC_EINVAL;
    bc_voice_set *set;
    int rc = bc_voice_set_new(&set);
    if (rc)
        return rc;
    for (size_t i = 0; i < dir_count && !rc; i++)
        rc = load_dir(set, dirs[i], logger);
    if (!rc && !bc_voice_set_first(set, BC_VOICE_NARRATOR)) {
        bci_log(logger, BC_LOG_ERROR, "no narrator voice among the profiles");
        rc = BC_ENOTFOUND;
    }
    if (rc) {
        bc_voice_set_free(set);
        return rc;
    }
    *out = set;
    return 0;
}

const bc_voice *bc_voice_set_find(const bc_voice_set *set, const char *name)
{
    if (!set || !name)
        return NULL;
    for (size_t i = 0; i < set->count; i++)
        if (strcmp(set->voices[i].name, name) == 0)
            return &set->voices[i];
    return NULL;
}

const bc_voice *bc_voice_set_first(const bc_voice_set *set, bc_voice_use use)
{
    if (!set)
        return NULL;
    for (size_t i = 0; i < set->count; i++)
        if (set->voices[i].use == use)
            return &set->voices[i];
    return NULL;
}
