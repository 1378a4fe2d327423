/* The spoken form of a segment's text. */
#include <string.h>

#include "plan_internal.h"

/* Length of an opening (`opening`) or closing quotation mark at `s`, or 0. */
static size_t quote_mark(const char *s, size_t left, bool opening)
{
    if (left >= 1 && (s[0] == '"' || s[0] == '\''))
        return 1;
    if (left >= 3 && memcmp(s, "\xE2\x80", 2) == 0) {
        unsigned char c = (unsigned char)s[2];
        /* “ ‘ ” ’ « » are E2 80 9C/98/9D/99 and C2 AB/BB */
        if (opening ? (c == 0x9C || c == 0x98) : (c == 0x9D || c == 0x99))
            return 3;
    }
    if (left >= 2 && (unsigned char)s[0] == 0xC2 &&
        (unsigned char)s[1] == (opening ? 0xAB : 0xBB))
        return 2;
    return 0;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

char *bci_spoken_text(const char *text, size_t length, bool strip_quote_marks)
{
    size_t start = 0, end = length;
    while (start < end && is_space(text[start]))
        start++;
    while (end > start && is_space(text[end - 1]))
        end--;
    size_t cut_start = end, cut_end = end; /* a closing mark to leave out */
    if (strip_quote_marks) {
        start += quote_mark(text + start, end - start, true);
        /* the closing mark, before or after the final punctuation: ,” .” ”. */
        size_t tail = end;
        while (tail > start && strchr(".,!?;:", text[tail - 1]))
            tail--;
        for (size_t back = 1; back <= 3 && back <= tail - start; back++) {
            if (quote_mark(text + tail - back, back, false) == back) {
                cut_start = tail - back;
                cut_end = tail;
                break;
            }
        }
    }
    bci_buf b = {0};
    bool space = false;
    for (size_t i = start; i < end; i++) {
        if (i >= cut_start && i < cut_end)
            continue;
        if (is_space(text[i])) {
            space = b.length > 0;
            continue;
        }
        if ((space && bci_buf_putc(&b, ' ')) || bci_buf_putc(&b, text[i])) {
            bci_buf_free(&b);
            return NULL;
        }
        space = false;
    }
    /* a quote cut from "“We are ready,” she said" ends the speaker's turn */
    if (strip_quote_marks && b.length && (b.data[b.length - 1] == ',' || b.data[b.length - 1] == ';'))
        b.data[b.length - 1] = '.';
    return bci_buf_take(&b);
}
