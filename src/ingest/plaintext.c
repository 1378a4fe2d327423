/* Plain-text articles: an optional headline line, a blank line, then
 * paragraphs separated by blank lines (or one paragraph per line when the
 * text has no blank lines at all). */
#include <string.h>

#include "ingest_internal.h"

/* Longest first line still taken as a headline (bytes). */
#define MAX_HEADLINE_BYTES 300

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static bool line_is_blank(const char *s, size_t length)
{
    for (size_t i = 0; i < length; i++)
        if (!is_space(s[i]))
            return false;
    return true;
}

/* A sentence-final mark at the end of the line, after closing quotes. */
static bool ends_like_sentence(const char *s, size_t length)
{
    while (length > 0) {
        unsigned char c = (unsigned char)s[length - 1];
        if (is_space((char)c) || c == '"' || c == '\'' || c == ')') {
            length--;
        } else if (length >= 3 && (memcmp(s + length - 3, "\xE2\x80\x9D", 3) == 0 ||
                                   memcmp(s + length - 3, "\xE2\x80\x99", 3) == 0)) {
            length -= 3; /* ” ’ */
        } else {
            return c == '.' || c == '!' || c == '?';
        }
    }
    return false;
}

/* Trims white space at both ends of [*start, *end) of `data`. */
static void trim(const char *data, size_t *start, size_t *end)
{
    while (*start < *end && (is_space(data[*start]) || data[*start] == '\n'))
        (*start)++;
    while (*end > *start && (is_space(data[*end - 1]) || data[*end - 1] == '\n'))
        (*end)--;
}

int bci_read_text(const char *data, size_t size, size_t base_offset, const bc_ingest_settings *s,
                  bc_article_list *list)
{
    (void)s;
    bool has_blank_line = false;
    for (size_t i = 0, line = 0; i <= size; i++) {
        if (i == size || data[i] == '\n') {
            if (line_is_blank(data + line, i - line) && i < size && line > 0) {
                has_blank_line = true;
                break;
            }
            line = i + 1;
        }
    }

    bc_article *a;
    if (bci_list_add_article(list, &a))
        return BC_ENOMEM;

    size_t pos = 0;
    trim(data, &pos, &(size_t){size});
    /* The headline: a first line of its own, followed by a blank line. */
    const char *newline = memchr(data + pos, '\n', size - pos);
    if (newline && has_blank_line) {
        size_t end = (size_t)(newline - data);
        size_t next = end + 1;
        const char *after = memchr(data + next, '\n', size - next);
        size_t after_end = after ? (size_t)(after - data) : size;
        size_t start = pos, title_end = end;
        trim(data, &start, &title_end);
        if (line_is_blank(data + next, after_end - next) && title_end - start <= MAX_HEADLINE_BYTES &&
            !ends_like_sentence(data + start, title_end - start)) {
            if (bci_article_set(&a->title, data + start, title_end - start))
                return BC_ENOMEM;
            a->title_offset = base_offset + start;
            pos = after_end;
        }
    }

    /* Paragraphs: runs of non-blank lines (or single lines). */
    size_t para_start = SIZE_MAX;
    for (size_t i = pos, line = pos; i <= size; i++) {
        if (i < size && data[i] != '\n')
            continue;
        bool blank = line_is_blank(data + line, i - line);
        if (!blank && para_start == SIZE_MAX)
            para_start = line;
        bool close = para_start != SIZE_MAX && (blank || !has_blank_line || i == size);
        if (close) {
            size_t start = para_start, end = blank ? line : i;
            trim(data, &start, &end);
            if (end > start &&
                bci_article_add_paragraph(a, data + start, end - start, base_offset + start))
                return BC_ENOMEM;
            para_start = SIZE_MAX;
        }
        line = i + 1;
    }
    if (a->paragraph_count == 0 && !a->title)
        return BC_EEMPTY;
    return 0;
}
