/* Fuzz target: speech normalisation on any bytes. The first byte picks the
 * locale; the rest is the text. Valid UTF-8 in must give valid UTF-8 out
 * with as many lines; invalid UTF-8 must be refused with BC_EUTF8. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "briefcast/text.h"
#include "common/internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t count_lines(const char *text, size_t length)
{
    size_t lines = 0;
    for (size_t i = 0; i < length; i++)
        lines += text[i] == '\n';
    return lines;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    bc_normalize_settings s;
    bc_normalize_default_settings(&s);
    s.locale = (data[0] & 1) ? BC_LOCALE_EN_US : BC_LOCALE_EN_GB;
    const char *text = (const char *)data + 1;
    size_t length = size - 1;
    char *out = NULL;
    int rc = bc_normalize(text, length, &s, &out);
    bool valid = bci_utf8_valid(text, length, NULL);
    if (!valid) {
        if (rc != BC_EUTF8 || out)
            abort();
        return 0;
    }
    if (rc != 0)
        abort();
    size_t out_length = strlen(out);
    if (!bci_utf8_valid(out, out_length, NULL) ||
        count_lines(out, out_length) != count_lines(text, length))
        abort();
    free(out);
    return 0;
}
