/* bc_ingest(): checks that the input is text, detects its format and hands
 * it to the reader for that format (plaintext.c, html.c, feed.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest_internal.h"

/* 256 MiB: far above any article or feed, low enough to bound memory. */
#define DEFAULT_MAX_INPUT_BYTES ((size_t)256 << 20)

void bc_ingest_default_settings(bc_ingest_settings *s)
{
    if (!s)
        return;
    *s = (bc_ingest_settings){.format = BC_FORMAT_AUTO, .max_input_bytes = DEFAULT_MAX_INPUT_BYTES};
}

static bool starts_with_ci(const char *s, size_t size, const char *prefix)
{
    size_t n = strlen(prefix);
    if (size < n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != prefix[i])
            return false;
    }
    return true;
}

/* Offset of the first `needle` (lower case) in the first `size` bytes,
 * ignoring case; SIZE_MAX when absent. */
static size_t find_ci(const char *s, size_t size, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= size; i++)
        if (starts_with_ci(s + i, size - i, needle))
            return i;
    return SIZE_MAX;
}

/* Offset of the first start tag `<name` (followed by a space, '>' or '/'). */
static size_t find_tag(const char *s, size_t size, const char *name)
{
    char open[32];
    snprintf(open, sizeof open, "<%s", name);
    size_t n = strlen(open);
    for (size_t at = 0; at < size;) {
        size_t found = find_ci(s + at, size - at, open);
        if (found == SIZE_MAX)
            return SIZE_MAX;
        at += found;
        char next = at + n < size ? s[at + n] : '>';
        if (next == '>' || next == '/' || next == ' ' || next == '\t' || next == '\r' ||
            next == '\n')
            return at;
        at++;
    }
    return SIZE_MAX;
}

static size_t min_size(size_t a, size_t b)
{
    return a < b ? a : b;
}

bc_input_format bc_detect_format(const char *data, size_t size)
{
    if (!data)
        return BC_FORMAT_TEXT;
    if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        data += 3, size -= 3;
    while (size && (*data == ' ' || *data == '\t' || *data == '\r' || *data == '\n'))
        data++, size--;
    if (!size || *data != '<')
        return BC_FORMAT_TEXT;
    /* Markup: a feed names its root element early, before anything that
     * only a page has. 4 KiB covers an XML declaration, comments and
     * stylesheet lines. */
    size_t head = size < 4096 ? size : 4096;
    size_t feed = min_size(min_size(find_tag(data, head, "rss"), find_tag(data, head, "feed")),
                           find_tag(data, head, "rdf:rdf"));
    size_t page = min_size(
        min_size(find_ci(data, head, "<!doctype html"), find_tag(data, head, "html")),
        min_size(find_tag(data, head, "head"), find_tag(data, head, "body")));
    if (feed < page)
        return BC_FORMAT_FEED;
    /* Anything else that opens with a tag, a comment or a declaration. */
    char next = size > 1 ? data[1] : ' ';
    if (page != SIZE_MAX || next == '!' || next == '?' ||
        ((next | 0x20) >= 'a' && (next | 0x20) <= 'z'))
        return BC_FORMAT_HTML;
    return BC_FORMAT_TEXT;
}

/* Rejects data that is not text: UTF-16, NUL bytes, or many control
 * characters. */
static int check_binary(const char *data, size_t size, const bc_logger *logger)
{
    const unsigned char *u = (const unsigned char *)data;
    if (size >= 2 && u[0] != u[1] && (u[0] == 0xFF || u[0] == 0xFE) &&
        (u[1] == 0xFE || u[1] == 0xFF)) {
        bci_log(logger, BC_LOG_ERROR, "UTF-16 text; convert it to UTF-8");
        return BC_EUTF8;
    }
    const char *nul = memchr(data, '\0', size);
    if (nul) {
        bci_log(logger, BC_LOG_ERROR, "binary data, not text (NUL byte at offset %zu)",
                (size_t)(nul - data));
        return BC_EBINARY;
    }
    size_t sample = size < 65536 ? size : 65536, controls = 0;
    for (size_t i = 0; i < sample; i++) {
        unsigned char c = (unsigned char)data[i];
        if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == 0x7F)
            controls++;
    }
    /* Real text has almost none; 1 in 100 means a binary file. */
    if (controls * 100 > sample) {
        bci_log(logger, BC_LOG_ERROR, "binary data, not text (%zu control bytes in the first %zu)",
                controls, sample);
        return BC_EBINARY;
    }
    return 0;
}

static int check_utf8(const char *data, size_t size, const bc_logger *logger)
{
    size_t bad;
    if (!bci_utf8_valid(data, size, &bad)) {
        bci_log(logger, BC_LOG_ERROR, "not valid UTF-8 (byte 0x%02X at offset %zu)",
                (unsigned char)data[bad], bad);
        return BC_EUTF8;
    }
    return 0;
}

int bc_ingest(const char *data, size_t size, const bc_ingest_settings *settings,
              bc_article_list **out)
{
    if ((!data && size) || !out)
        return BC_EINVAL;
    bc_ingest_settings defaults;
    bc_ingest_default_settings(&defaults);
    const bc_ingest_settings *s = settings ? settings : &defaults;
    const bc_logger *logger = &s->logger;

    if (s->max_input_bytes && size > s->max_input_bytes) {
        bci_log(logger, BC_LOG_ERROR, "input of %zu bytes is over the limit of %zu", size,
                s->max_input_bytes);
        return BC_ETOOBIG;
    }
    size_t start = 0;
    if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        start = 3; /* a UTF-8 byte order mark */
    bool blank = true;
    for (size_t i = start; i < size && blank; i++)
        blank = data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n';
    if (blank) {
        bci_log(logger, BC_LOG_ERROR, "empty input");
        return BC_EEMPTY;
    }
    int rc = check_binary(data, size, logger);
    if (rc)
        return rc;

    bc_input_format format = s->format == BC_FORMAT_AUTO ? bc_detect_format(data, size) : s->format;
    /* Plain text must be UTF-8; markup may declare its own charset, which
     * libxml2 converts. */
    if (format == BC_FORMAT_TEXT && (rc = check_utf8(data, size, logger)))
        return rc;
    bc_article_list *list = calloc(1, sizeof *list);
    if (!list)
        return BC_ENOMEM;
    switch (format) {
    case BC_FORMAT_TEXT:
        rc = bci_read_text(data + start, size - start, start, s, list);
        if (rc == BC_EEMPTY)
            bci_log(logger, BC_LOG_ERROR, "no article text found");
        break;
    case BC_FORMAT_HTML:
        rc = bci_read_html(data, size, s, list);
        break;
    case BC_FORMAT_FEED:
        rc = bci_read_feed(data, size, s, list);
        break;
    default:
        rc = BC_EINVAL;
        break;
    }
    if (rc) {
        bc_article_list_free(list);
        return rc;
    }
    *out = list;
    return 0;
}
