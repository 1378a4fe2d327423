/* Logging, memory and string helpers shared by every module. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void bci_log(const bc_logger *logger, enum bc_log_level level, const char *format, ...)
{
    if (!logger || !logger->fn)
        return;
    char message[512];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    logger->fn(logger->user_data, level, message);
}

int bci_cancelled(const bc_canceller *c)
{
    return c && c->fn && c->fn(c->user_data);
}

int bci_reserve(void **items, size_t *capacity, size_t need, size_t size)
{
    if (need <= *capacity)
        return 0;
    size_t grown = *capacity ? *capacity : 8;
    while (grown < need) {
        if (grown > SIZE_MAX / 2)
            return BC_ENOMEM;
        grown *= 2;
    }
    if (grown > SIZE_MAX / size)
        return BC_ENOMEM;
    void *p = realloc(*items, grown * size);
    if (!p)
        return BC_ENOMEM;
    *items = p;
    *capacity = grown;
    return 0;
}

char *bci_strndup(const char *s, size_t length)
{
    char *copy = malloc(length + 1);
    if (!copy)
        return NULL;
    memcpy(copy, s, length);
    copy[length] = '\0';
    return copy;
}

char *bci_strdup(const char *s)
{
    return s ? bci_strndup(s, strlen(s)) : NULL;
}

int bci_buf_append(bci_buf *b, const char *s, size_t length)
{
    if (length > SIZE_MAX - b->length - 1)
        return BC_ENOMEM;
    void *data = b->data;
    if (bci_reserve(&data, &b->capacity, b->length + length + 1, 1))
        return BC_ENOMEM;
    b->data = data;
    if (length)
        memcpy(b->data + b->length, s, length);
    b->length += length;
    b->data[b->length] = '\0';
    return 0;
}

int bci_buf_puts(bci_buf *b, const char *s)
{
    return bci_buf_append(b, s, strlen(s));
}

int bci_buf_putc(bci_buf *b, char c)
{
    return bci_buf_append(b, &c, 1);
}

int bci_buf_printf(bci_buf *b, const char *format, ...)
{
    char small[256];
    va_list args;
    va_start(args, format);
    int n = vsnprintf(small, sizeof small, format, args);
    va_end(args);
    if (n < 0)
        return BC_EINVAL;
    if ((size_t)n < sizeof small)
        return bci_buf_append(b, small, (size_t)n);
    char *big = malloc((size_t)n + 1);
    if (!big)
        return BC_ENOMEM;
    va_start(args, format);
    vsnprintf(big, (size_t)n + 1, format, args);
    va_end(args);
    int rc = bci_buf_append(b, big, (size_t)n);
    free(big);
    return rc;
}

char *bci_buf_take(bci_buf *b)
{
    if (!b->data && bci_buf_append(b, "", 0))
        return NULL;
    char *s = b->data;
    *b = (bci_buf){0};
    return s;
}

void bci_buf_free(bci_buf *b)
{
    free(b->data);
    *b = (bci_buf){0};
}

size_t bci_utf8_decode(const char *s, size_t length, int32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (length == 0) {
        *cp = 0xFFFD;
        return 0;
    }
    unsigned char c = u[0];
    size_t need;
    int32_t value, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c < 0xE0) {
        need = 2, value = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c < 0xF0) {
        need = 3, value = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c < 0xF5) {
        need = 4, value = c & 0x07, min = 0x10000;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if (length < need) {
        *cp = 0xFFFD;
        return 1;
    }
    for (size_t i = 1; i < need; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        value = (value << 6) | (u[i] & 0x3F);
    }
    if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = value;
    return need;
}

bool bci_utf8_valid(const char *data, size_t size, size_t *bad_offset)
{
    size_t i = 0;
    while (i < size) {
        if ((unsigned char)data[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        size_t n = bci_utf8_decode(data + i, size - i, &cp);
        if (cp == 0xFFFD && !(n == 3 && memcmp(data + i, "\xEF\xBF\xBD", 3) == 0)) {
            if (bad_offset)
                *bad_offset = i;
            return false;
        }
        i += n;
    }
    return true;
}

int bci_weekday(int year, int month, int day)
{
    /* Sakamoto's method */
    static const int offsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    int y = month < 3 ? year - 1 : year;
    return (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7;
}

uint64_t bci_hash(uint64_t seed, const void *data, size_t size)
{
    const unsigned char *p = data;
    uint64_t h = seed ? seed : 0xcbf29ce484222325ULL; /* FNV-1a offset basis */
    for (size_t i = 0; i < size; i++) {
        h ^= p[i];
        h *= 1099511628211ULL; /* FNV prime */
    }
    return h;
}
