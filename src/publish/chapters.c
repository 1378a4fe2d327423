/* Chapters as Podcasting 2.0 JSON chapters, written with json-c; and the
 * atomic file writer the publish formats share. */
#include <errno.h>
#include <string.h>

#include <json-c/json.h>

#include "publish_internal.h"

void bc_publish_default_settings(bc_publish_settings *s)
{
    if (s)
        *s = (bc_publish_settings){0};
}

int bci_publish_file(const char *path, const void *data, size_t size, const bc_logger *logger)
{
    int rc = bc_write_file(path, data, size);
    if (rc == BC_EIO)
        bci_log(logger, BC_LOG_ERROR, "cannot write %s: %s", path, strerror(errno));
    return rc;
}

/* Adds `value` under `key`; takes `value` even on failure. */
static int add(json_object *object, const char *key, json_object *value)
{
    if (!value)
        return BC_ENOMEM;
    if (json_object_object_add(object, key, value) != 0) {
        json_object_put(value);
        return BC_ENOMEM;
    }
    return 0;
}

static json_object *seconds(size_t sample, unsigned rate)
{
    unsigned long long ms = (unsigned long long)sample * 1000ULL / rate;
    char text[32];
    snprintf(text, sizeof text, "%llu.%03llu", ms / 1000, ms % 1000);
    /* a whole second is written as an integer: 0, not 0.000 */
    if (ms % 1000 == 0)
        snprintf(text, sizeof text, "%llu", ms / 1000);
    return json_object_new_double_s((double)ms / 1000.0, text);
}

static int build(const bc_programme *p, const bc_publish_settings *s, json_object *root)
{
    int rc = add(root, "version", json_object_new_string("1.2.0"));
    if (!rc && s->title)
        rc = add(root, "title", json_object_new_string(s->title));
    json_object *list = json_object_new_array();
    if (rc || (rc = add(root, "chapters", list)))
        return rc;
    for (size_t i = 0; i < p->chapter_count; i++) {
        json_object *chapter = json_object_new_object();
        if (!chapter || json_object_array_add(list, chapter) != 0) {
            json_object_put(chapter);
            return BC_ENOMEM;
        }
        if ((rc = add(chapter, "startTime", seconds(p->chapters[i].sample, p->sample_rate))) ||
            (rc = add(chapter, "title", json_object_new_string(p->chapters[i].title))))
            return rc;
    }
    return 0;
}

int bc_write_chapters_json(const bc_programme *p, const char *path, const bc_publish_settings *s)
{
    if (!p || !path || !*path || !p->sample_rate)
        return BC_EINVAL;
    bc_publish_settings defaults;
    bc_publish_default_settings(&defaults);
    if (!s)
        s = &defaults;
    json_object *root = json_object_new_object();
    if (!root)
        return BC_ENOMEM;
    int rc = build(p, s, root);
    if (!rc) {
        size_t length = 0;
        const char *text = json_object_to_json_string_length(
            root, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE,
            &length);
        bci_buf b = {0};
        if (!text || bci_buf_append(&b, text, length) || bci_buf_putc(&b, '\n'))
            rc = BC_ENOMEM;
        else
            rc = bci_publish_file(path, b.data, b.length, &s->logger);
        bci_buf_free(&b);
    }
    json_object_put(root);
    return rc;
}
