/* Character classes of the sentence splitter: white space, terminators,
 * quotes and brackets, bullets and letter case, over UTF-8 bytes. Each
 * function looks at the character at `s` (`left` bytes remain) and returns
 * its length in bytes, or 0 when it is not of the class. */
#include <string.h>

#include <utf8proc.h>

#include "text_internal.h"

static bool is_ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static bool is_ascii_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static bool is_ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Does `s` (with `left` bytes) start with the string literal `u`? */
#define starts(s, left, u) ((left) >= sizeof(u) - 1 && memcmp((s), (u), sizeof(u) - 1) == 0)

/* Length of a white-space character at `s`, or 0: ASCII space and controls,
 * NBSP, the Unicode spaces, the line and paragraph separators, ZWSP, BOM. */
size_t bci_space_length(const char *s, size_t left)
{
    unsigned char c = (unsigned char)s[0];
    if (c == ' ' || (c >= '\t' && c <= '\r'))
        return 1;
    if (c == 0xC2)
        return left >= 2 && (unsigned char)s[1] == 0xA0 ? 2 : 0;
    if (c == 0xE2 && left >= 3) {
        unsigned char b = (unsigned char)s[1], d = (unsigned char)s[2];
        if (b == 0x80 && (d <= 0x8B || d == 0xA8 || d == 0xA9 || d == 0xAF))
            return 3; /* U+2000..200B, U+2028, U+2029, U+202F */
        if (b == 0x81 && d == 0x9F)
            return 3; /* U+205F */
        return 0;
    }
    if (c == 0xE3)
        return starts(s, left, "\xE3\x80\x80") ? 3 : 0; /* ideographic space */
    if (c == 0xEF)
        return starts(s, left, "\xEF\xBB\xBF") ? 3 : 0; /* a stray BOM */
    if (c == 0xE1)
        return starts(s, left, "\xE1\x9A\x80") ? 3 : 0; /* Ogham space */
    return 0;
}

/* A blank line or U+2029 at `s`: a paragraph break. */
bool bci_is_paragraph_separator(const char *s, size_t left)
{
    return starts(s, left, "\xE2\x80\xA9");
}

/* Length of a terminator at `s` (0 when none); its BCI_TERM_ kind goes to
 * `*kind`. */
size_t bci_terminator_length(const char *s, size_t left, int *kind)
{
    unsigned char c = (unsigned char)s[0];
    if (c == '.') {
        *kind = BCI_TERM_PERIOD;
        return 1;
    }
    if (c == '!' || c == '?') {
        *kind = BCI_TERM_BANG;
        return 1;
    }
    if (c < 0x80 || left < 2)
        return 0;
    if (starts(s, left, "\xE2\x80\xA6")) { /* … */
        *kind = BCI_TERM_ELLIPSIS;
        return 3;
    }
    /* ‼ ⁇ ⁈ ⁉, the Arabic question mark ؟ */
    if (starts(s, left, "\xE2\x80\xBC") || starts(s, left, "\xE2\x81\x87") ||
        starts(s, left, "\xE2\x81\x88") || starts(s, left, "\xE2\x81\x89")) {
        *kind = BCI_TERM_BANG;
        return 3;
    }
    if (starts(s, left, "\xD8\x9F")) {
        *kind = BCI_TERM_BANG;
        return 2;
    }
    /* 。 ！ ？ ． ｡ (CJK), । ॥ (Devanagari), ۔ (Urdu): they end a sentence
     * whatever follows, as CJK text puts no space after them. */
    if (starts(s, left, "\xE3\x80\x82") || starts(s, left, "\xEF\xBC\x81") ||
        starts(s, left, "\xEF\xBC\x9F") || starts(s, left, "\xEF\xBC\x8E") ||
        starts(s, left, "\xEF\xBD\xA1") || starts(s, left, "\xE0\xA5\xA4") ||
        starts(s, left, "\xE0\xA5\xA5")) {
        *kind = BCI_TERM_FULL;
        return 3;
    }
    if (starts(s, left, "\xDB\x94")) {
        *kind = BCI_TERM_FULL;
        return 2;
    }
    return 0;
}

/* Length of a closing quote or bracket at `s`, or 0. */
size_t bci_closer_length(const char *s, size_t left)
{
    unsigned char c = (unsigned char)s[0];
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '}')
        return 1;
    if (c < 0x80)
        return 0;
    if (starts(s, left, "\xC2\xBB")) /* » */
        return 2;
    static const char *const closers[] = {
        "\xE2\x80\x9D", "\xE2\x80\x99", "\xE2\x80\xBA",  /* ” ’ › */
        "\xE3\x80\x8D", "\xE3\x80\x8F", "\xE3\x80\x91",  /* 」 』 】 */
        "\xEF\xBC\x89", "\xEF\xBC\xBD", "\xEF\xBC\x82",  /* ） ］ ＂ */
    };
    for (size_t i = 0; left >= 3 && i < BCI_ARRAY_LEN(closers); i++)
        if (memcmp(s, closers[i], 3) == 0)
            return 3;
    return 0;
}

/* Length of an opening quote or bracket at `s`, or 0. */
size_t bci_opener_length(const char *s, size_t left)
{
    unsigned char c = (unsigned char)s[0];
    if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '{')
        return 1;
    if (c < 0x80)
        return 0;
    if (starts(s, left, "\xC2\xAB") || starts(s, left, "\xC2\xBF") ||
        starts(s, left, "\xC2\xA1")) /* « ¿ ¡ */
        return 2;
    static const char *const openers[] = {
        "\xE2\x80\x9C", "\xE2\x80\x98", "\xE2\x80\xB9", /* “ ‘ ‹ */
        "\xE2\x80\x9E", "\xE2\x80\x9A",                 /* „ ‚ */
        "\xE3\x80\x8C", "\xE3\x80\x8E", "\xE3\x80\x90", /* 「 『 【 */
        "\xEF\xBC\x88", "\xEF\xBC\xBB",                 /* （ ［ */
    };
    for (size_t i = 0; left >= 3 && i < BCI_ARRAY_LEN(openers); i++)
        if (memcmp(s, openers[i], 3) == 0)
            return 3;
    return 0;
}

/* Length of a bullet character at `s` (• ‣ ⁃ ◦ ▪ ●), or 0. */
size_t bci_bullet_length(const char *s, size_t left)
{
    if ((unsigned char)s[0] != 0xE2)
        return 0;
    if (starts(s, left, "\xE2\x80\xA2") || starts(s, left, "\xE2\x80\xA3") ||
        starts(s, left, "\xE2\x81\x83") ||
        starts(s, left, "\xE2\x97\xA6") || starts(s, left, "\xE2\x96\xAA") ||
        starts(s, left, "\xE2\x97\x8F"))
        return 3;
    return 0;
}

/* The class of the character at `s`: a letter's case, a digit, other. */
bci_char_class bci_classify_char(const char *s, size_t left)
{
    if (left == 0)
        return BCI_CHAR_END;
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80) {
        if (is_ascii_lower(c))
            return BCI_CHAR_LOWER;
        if (is_ascii_upper(c))
            return BCI_CHAR_UPPER;
        return is_ascii_digit(c) ? BCI_CHAR_DIGIT : BCI_CHAR_OTHER;
    }
    int32_t cp;
    bci_utf8_decode(s, left, &cp);
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LL:
        return BCI_CHAR_LOWER;
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return BCI_CHAR_UPPER;
    case UTF8PROC_CATEGORY_ND:
        return BCI_CHAR_DIGIT;
    default:
        return BCI_CHAR_OTHER; /* caseless letters (CJK, Arabic, Hebrew), symbols, emoji */
    }
}

/* Length of a footnote mark "[12]" at `s`, or 0. */
size_t bci_footnote_length(const char *s, size_t left)
{
    if (left < 3 || s[0] != '[')
        return 0;
    size_t k = 1;
    while (k < left && k < 4 && is_ascii_digit((unsigned char)s[k]))
        k++;
    return k > 1 && k < left && s[k] == ']' ? k + 1 : 0;
}

