/* "key = value" text files: voice profiles and podcast channel settings. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static void trim(char **start, char **end)
{
    while (*start < *end && (**start == ' ' || **start == '\t'))
        (*start)++;
    while (*end > *start && ((*end)[-1] == ' ' || (*end)[-1] == '\t' || (*end)[-1] == '\r'))
        (*end)--;
}

int bci_kv_parse(const char *text, size_t length, bci_kv_fn on_pair, void *user_data,
                 size_t *line_number, const char **problem)
{
    *line_number = 0;
    *problem = "";
    if (memchr(text, '\0', length)) {
        *problem = "binary data, not a settings file";
        return BC_EFORMAT;
    }
    char *copy = bci_strndup(text, length);
    if (!copy)
        return BC_ENOMEM;
    int rc = 0;
    for (char *line = copy; line && *line && !rc;) {
        char *newline = strchr(line, '\n');
        char *end = newline ? newline : line + strlen(line);
        ++*line_number;
        char *key = line, *key_end = end;
        trim(&key, &key_end);
        if (key < key_end && *key != '#') {
            char *equals = memchr(key, '=', (size_t)(key_end - key));
            if (!equals) {
                *problem = "expected key = value";
                rc = BC_EFORMAT;
                break;
            }
            char *value = equals + 1, *value_end = key_end;
            key_end = equals;
            trim(&key, &key_end);
            trim(&value, &value_end);
            *key_end = '\0';
            *value_end = '\0';
            rc = on_pair(user_data, key, value, problem);
        }
        line = newline ? newline + 1 : NULL;
    }
    free(copy);
    return rc;
}
