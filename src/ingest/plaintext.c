/* Plain-text articles: an optional headline line, a blank line, then
 * paragraphs separated by blank lines (or one paragraph per line when the
 * text has no blank lines at all). Lines end at LF, CRLF, a lone CR, a form
 * feed or U+2028; a form feed and U+2029 also end a paragraph. A line that
 * starts a list item ("- ", "• ", "1. ", "2) ") starts a paragraph of its own.
 * Paragraph byte i is input byte offset + i: nothing is rewritten here. */
#include <string.h>

#include "ingest_internal.h"

/* Longest first line still taken as a headline (bytes). */
#define MAX_HEADLINE_BYTES 300

/* One line of the input: bytes [start, end) without the line break; the
 * next line starts at `next`. `breaks_paragraph` is set when the line ended
 * at a form feed or U+2029 (a paragraph break of its own). */
typedef struct text_line {
    size_t start;
    size_t end;
    size_t next;
    bool breaks_paragraph;
} text_line;

/* Does `s` (with `left` bytes) start with the string literal `u`? */
#define starts(s, left, u) ((left) >= sizeof(u) - 1 && memcmp((s), (u), sizeof(u) - 1) == 0)

/* Length of a white-space character at `s`: ASCII blanks, NBSP, the
 * Unicode spaces (U+2000..U+200B, U+202F, U+205F, U+3000) and a stray BOM;
 * 0 when there is none. */
static size_t space_length(const char *s, size_t left)
{
    unsigned char c = (unsigned char)s[0];
    if (c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r' || c == '\n')
        return 1;
    if (c < 0x80)
        return 0;
    if (starts(s, left, "\xC2\xA0"))
        return 2;
    if (c == 0xE2 && left >= 3 && (unsigned char)s[1] == 0x80) {
        unsigned char d = (unsigned char)s[2];
        return d <= 0x8B || d == 0xA8 || d == 0xA9 || d == 0xAF ? 3 : 0;
    }
    if (starts(s, left, "\xE2\x81\x9F") || starts(s, left, "\xE3\x80\x80") ||
        starts(s, left, "\xEF\xBB\xBF"))
        return 3;
    return 0;
}

/* Reads the line that starts at `pos`. */
static void read_line(const char *data, size_t size, size_t pos, text_line *line)
{
    size_t i = pos;
    *line = (text_line){.start = pos};
    for (; i < size; i++) {
        unsigned char c = (unsigned char)data[i];
        if (c > '\r' && c != 0xE2)
            continue; /* the common case: no line break can start here */
        if (c == '\n' || c == '\r' || c == '\f') {
            line->end = i;
            line->next = c == '\r' && i + 1 < size && data[i + 1] == '\n' ? i + 2 : i + 1;
            line->breaks_paragraph = c == '\f';
            return;
        }
        if (c == 0xE2 && (starts(data + i, size - i, "\xE2\x80\xA8") ||
                          starts(data + i, size - i, "\xE2\x80\xA9"))) {
            line->end = i;
            line->next = i + 3;
            line->breaks_paragraph = data[i + 2] == '\xA9';
            return;
        }
    }
    line->end = size;
    line->next = size;
}

/* Trims white space at both ends of [*start, *end) of `data`. */
static void trim(const char *data, size_t *start, size_t *end)
{
    size_t n;
    while (*start < *end && (n = space_length(data + *start, *end - *start)) > 0)
        *start += n;
    while (*end > *start) {
        size_t back = 1;
        while (back < 3 && *end - back > *start &&
               ((unsigned char)data[*end - back] & 0xC0) == 0x80)
            back++;
        if (space_length(data + *end - back, back) != back)
            break;
        *end -= back;
    }
}

static bool line_is_blank(const char *data, const text_line *line)
{
    size_t start = line->start, end = line->end;
    trim(data, &start, &end);
    return start == end;
}

/* A sentence-final mark at the end of the line, after closing quotes. */
static bool ends_like_sentence(const char *s, size_t length)
{
    while (length > 0) {
        unsigned char c = (unsigned char)s[length - 1];
        if (c == ' ' || c == '"' || c == '\'' || c == ')') {
            length--;
        } else if (length >= 3 && (starts(s + length - 3, 3, "\xE2\x80\x9D") ||
                                   starts(s + length - 3, 3, "\xE2\x80\x99"))) {
            length -= 3; /* ” ’ */
        } else if (length >= 3 && (starts(s + length - 3, 3, "\xE2\x80\xA6") ||
                                   starts(s + length - 3, 3, "\xE3\x80\x82") ||
                                   starts(s + length - 3, 3, "\xEF\xBC\x81") ||
                                   starts(s + length - 3, 3, "\xEF\xBC\x9F"))) {
            return true; /* … 。 ！ ？ */
        } else {
            return c == '.' || c == '!' || c == '?';
        }
    }
    return false;
}

/* True when the line has a letter, a digit or any non-ASCII character:
 * a line of only quotes or dashes is no headline. */
static bool has_word(const char *s, size_t length)
{
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80)
            return true;
    }
    return false;
}

/* True when the trimmed line [start, end) opens a list item: a bullet
 * ("- ", "* ", "• ", "– ") or a number ("1. ", "12) "). */
static bool starts_list_item(const char *data, size_t start, size_t end)
{
    const char *s = data + start;
    size_t left = end - start;
    if (left >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
        return true;
    if (starts(s, left, "\xE2\x80\xA2 ") || starts(s, left, "\xE2\x80\x93 "))
        return true; /* "• ", "– " */
    size_t digits = 0;
    while (digits < left && digits < 3 && s[digits] >= '0' && s[digits] <= '9')
        digits++;
    if (digits == 0 || digits == 3 || digits + 1 >= left)
        return false;
    return (s[digits] == '.' || s[digits] == ')') && s[digits + 1] == ' ';
}

/* True when some blank line (or paragraph break) separates text lines:
 * then paragraphs are blocks of lines, otherwise every line is one. */
static bool has_blank_lines(const char *data, size_t size)
{
    bool seen_text = false;
    text_line line;
    for (size_t pos = 0; pos < size; pos = line.next) {
        read_line(data, size, pos, &line);
        bool blank = line_is_blank(data, &line);
        if (blank && seen_text && line.next < size)
            return true;
        if (!blank && line.breaks_paragraph && line.next < size)
            return true;
        seen_text |= !blank;
    }
    return false;
}

/* The headline: a first line of its own, followed by a blank line, that does
 * not end like a sentence. Sets the title and returns where the body
 * starts; returns `pos` itself when there is none. */
static int read_headline(const char *data, size_t size, size_t base_offset, bc_article *a,
                         size_t *pos)
{
    text_line first, second;
    size_t at = *pos;
    do {
        read_line(data, size, at, &first);
        at = first.next;
    } while (line_is_blank(data, &first) && first.next < size);
    if (first.next >= size)
        return 0;
    read_line(data, size, first.next, &second);
    if (!first.breaks_paragraph && !line_is_blank(data, &second))
        return 0;
    size_t start = first.start, end = first.end;
    trim(data, &start, &end);
    if (end == start || end - start > MAX_HEADLINE_BYTES ||
        ends_like_sentence(data + start, end - start) || !has_word(data + start, end - start))
        return 0;
    if (bci_article_set(&a->title, data + start, end - start))
        return BC_ENOMEM;
    a->title_offset = base_offset + start;
    *pos = first.next;
    return 0;
}

static int add_paragraph(bc_article *a, const char *data, size_t start, size_t end,
                         size_t base_offset)
{
    trim(data, &start, &end);
    if (end == start)
        return 0;
    return bci_article_add_paragraph(a, data + start, end - start, base_offset + start);
}

int bci_read_text(const char *data, size_t size, size_t base_offset, const bc_ingest_settings *s,
                  bc_article_list *list)
{
    (void)s;
    bool blocks = has_blank_lines(data, size);
    bc_article *a;
    if (bci_list_add_article(list, &a))
        return BC_ENOMEM;
    size_t pos = 0;
    if (blocks && read_headline(data, size, base_offset, a, &pos))
        return BC_ENOMEM;

    /* Paragraphs: runs of non-blank lines (or single lines). */
    bool open = false;
    size_t para_start = 0, para_end = 0;
    text_line line;
    for (; pos < size; pos = line.next) {
        read_line(data, size, pos, &line);
        size_t start = line.start, end = line.end;
        trim(data, &start, &end);
        bool blank = start == end;
        if (open && (blank || !blocks || starts_list_item(data, start, end))) {
            if (add_paragraph(a, data, para_start, para_end, base_offset))
                return BC_ENOMEM;
            open = false;
        }
        if (!blank) {
            if (!open)
                para_start = start;
            open = true;
            para_end = end;
        }
        if (open && line.breaks_paragraph) {
            if (add_paragraph(a, data, para_start, para_end, base_offset))
                return BC_ENOMEM;
            open = false;
        }
    }
    if (open && add_paragraph(a, data, para_start, para_end, base_offset))
        return BC_ENOMEM;
    if (a->paragraph_count == 0 && !a->title)
        return BC_EEMPTY;
    return 0;
}
