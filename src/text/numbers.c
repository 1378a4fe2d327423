/* Numbers as words: cardinals, ordinals, years, decades, decimals, digit
 * strings and fractions, in British ("one hundred and five") or American
 * ("one hundred five") style; and the scanner for numbers as written. */
#include <string.h>

#include "normalize_internal.h"

static const char *const ones[] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
};
static const char *const tens[] = {
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
};
/* Index k names 1000^k. */
static const char *const scales[] = {
    "", "thousand", "million", "billion", "trillion", "quadrillion", "quintillion",
};

/* Words being put together before they are written out. The longest
 * cardinal (21 digits, seven groups of about 45 bytes) fits. */
typedef struct words {
    char text[512];
    size_t length;
} words;

/* Adds a word; a word starting with '-' joins the previous one. */
static void add(words *w, const char *word)
{
    size_t n = strlen(word);
    bool join = word[0] == '-' || w->length == 0;
    if (w->length + n + 2 > sizeof w->text)
        return; /* cannot happen within BCI_TN_MAX_CARDINAL_DIGITS */
    if (!join)
        w->text[w->length++] = ' ';
    memcpy(w->text + w->length, word, n);
    w->length += n;
    w->text[w->length] = '\0';
}

/* 0 < value < 100 */
static void add_tens(words *w, unsigned value)
{
    if (value < 20) {
        add(w, ones[value]);
        return;
    }
    add(w, tens[value / 10]);
    if (value % 10) {
        char unit[16] = "-";
        strcat(unit, ones[value % 10]);
        add(w, unit);
    }
}

/* 0 < value < 1000 */
static void add_hundreds(words *w, unsigned value, bool gb)
{
    if (value >= 100) {
        add(w, ones[value / 100]);
        add(w, "hundred");
        if (value % 100 && gb)
            add(w, "and");
    }
    if (value % 100)
        add_tens(w, value % 100);
}

/* The cardinal of `count` digits (no leading zeros, at most
 * BCI_TN_MAX_CARDINAL_DIGITS). */
static void add_cardinal(words *w, const char *digits, size_t count, bool gb)
{
    if (count == 0) {
        add(w, "zero");
        return;
    }
    size_t groups = (count + 2) / 3;
    size_t first = count - 3 * (groups - 1);
    size_t at = 0;
    bool said = false;
    for (size_t g = 0; g < groups; g++) {
        size_t width = g == 0 ? first : 3;
        unsigned value = 0;
        for (size_t i = 0; i < width; i++)
            value = value * 10 + (unsigned)(digits[at + i] - '0');
        at += width;
        size_t scale = groups - 1 - g;
        if (value == 0)
            continue;
        /* "one thousand and five", "two million and twelve" */
        if (gb && said && scale == 0 && value < 100)
            add(w, "and");
        add_hundreds(w, value, gb);
        if (scale)
            add(w, scales[scale]);
        said = true;
    }
}

static void add_value(words *w, uint64_t value, bool gb)
{
    char digits[24];
    size_t count = 0;
    char reversed[24];
    while (value) {
        reversed[count++] = (char)('0' + value % 10);
        value /= 10;
    }
    for (size_t i = 0; i < count; i++)
        digits[i] = reversed[count - 1 - i];
    add_cardinal(w, digits, count, gb);
}

/* Turns the last word into its ordinal: "three" -> "third". */
static void make_ordinal(words *w, bool plural)
{
    static const struct {
        const char *cardinal, *ordinal;
    } irregular[] = {
        {"one", "first"}, {"two", "second"}, {"three", "third"}, {"five", "fifth"},
        {"eight", "eighth"}, {"nine", "ninth"}, {"twelve", "twelfth"},
    };
    size_t start = w->length;
    while (start > 0 && w->text[start - 1] != ' ' && w->text[start - 1] != '-')
        start--;
    const char *last = w->text + start;
    char ordinal[32] = "";
    for (size_t i = 0; i < BCI_ARRAY_LEN(irregular); i++)
        if (strcmp(last, irregular[i].cardinal) == 0)
            strcpy(ordinal, irregular[i].ordinal);
    if (!ordinal[0]) {
        size_t n = strlen(last);
        if (n + 4 >= sizeof ordinal)
            return;
        memcpy(ordinal, last, n + 1);
        if (n && ordinal[n - 1] == 'y')
            strcpy(ordinal + n - 1, "ieth");
        else
            strcat(ordinal, "th");
    }
    if (plural)
        strcat(ordinal, "s");
    w->length = start;
    w->text[start] = '\0';
    if (start + strlen(ordinal) + 1 < sizeof w->text) {
        strcpy(w->text + start, ordinal);
        w->length += strlen(ordinal);
    }
}

/* Copies the digits of [start, end) without separators or leading zeros;
 * returns how many, or SIZE_MAX when there are more than fit. */
static size_t copy_digits(const bci_tn *t, size_t start, size_t end, char *digits, size_t size)
{
    size_t count = 0;
    for (size_t i = start; i < end; i++) {
        if (!bci_tn_digit(t, i) || (count == 0 && t->text[i] == '0'))
            continue;
        if (count == size)
            return SIZE_MAX;
        digits[count++] = t->text[i];
    }
    return count;
}

void bci_tn_cardinal(bci_tn *t, size_t start, size_t end)
{
    char digits[BCI_TN_MAX_CARDINAL_DIGITS];
    size_t count = copy_digits(t, start, end, digits, sizeof digits);
    if (count == SIZE_MAX) {
        bci_tn_digits(t, start, end, false);
        return;
    }
    words w = {0};
    add_cardinal(&w, digits, count, t->gb);
    bci_tn_say(t, w.text);
}

void bci_tn_cardinal_value(bci_tn *t, uint64_t value)
{
    words w = {0};
    add_value(&w, value, t->gb);
    bci_tn_say(t, w.text);
}

void bci_tn_ordinal_value(bci_tn *t, uint64_t value, bool plural)
{
    words w = {0};
    add_value(&w, value, t->gb);
    make_ordinal(&w, plural);
    bci_tn_say(t, w.text);
}

void bci_tn_ordinal(bci_tn *t, size_t start, size_t end)
{
    char digits[BCI_TN_MAX_CARDINAL_DIGITS];
    size_t count = copy_digits(t, start, end, digits, sizeof digits);
    if (count == SIZE_MAX) {
        bci_tn_digits(t, start, end, false);
        bci_tn_say(t, "th");
        return;
    }
    words w = {0};
    add_cardinal(&w, digits, count, t->gb);
    make_ordinal(&w, false);
    bci_tn_say(t, w.text);
}

static void add_year(words *w, uint64_t year, bool gb)
{
    if (year < 1000 || year > 9999) {
        add_value(w, year, gb);
        return;
    }
    unsigned high = (unsigned)(year / 100), low = (unsigned)(year % 100);
    if (year % 1000 < 10) {
        /* 2000 "two thousand", 2005 "two thousand and five" */
        add(w, ones[year / 1000]);
        add(w, "thousand");
        if (year % 1000) {
            if (gb)
                add(w, "and");
            add(w, ones[year % 1000]);
        }
        return;
    }
    add_tens(w, high);
    if (low == 0) {
        add(w, "hundred");
    } else if (low < 10) {
        add(w, "oh");
        add(w, ones[low]);
    } else {
        add_tens(w, low);
    }
}

void bci_tn_year(bci_tn *t, uint64_t year)
{
    words w = {0};
    add_year(&w, year, t->gb);
    bci_tn_say(t, w.text);
}

void bci_tn_decade(bci_tn *t, uint64_t year)
{
    words w = {0};
    if (year < 100) {
        if (year == 0)
            add(&w, "noughties");
        else
            add_tens(&w, (unsigned)year);
    } else {
        add_year(&w, year, t->gb);
    }
    if (year == 0) {
        bci_tn_say(t, w.text);
        return;
    }
    /* "ninety" -> "nineties", "hundred" -> "hundreds" */
    if (w.length && w.length + 4 < sizeof w.text) {
        if (w.text[w.length - 1] == 'y')
            w.length--;
        strcpy(w.text + w.length, w.text[w.length] == 'y' ? "ies" : "s");
        w.length = strlen(w.text);
    }
    bci_tn_say(t, w.text);
}

void bci_tn_digits(bci_tn *t, size_t start, size_t end, bool oh)
{
    for (size_t i = start; i < end && !t->error; i++) {
        if (!bci_tn_digit(t, i))
            continue;
        int d = t->text[i] - '0';
        bci_tn_say(t, d == 0 && oh ? "oh" : ones[d]);
    }
}

void bci_tn_number_words(bci_tn *t, const bci_tn_number *n)
{
    if (n->negative)
        bci_tn_say(t, "minus");
    else if (n->plus)
        bci_tn_say(t, "plus");
    if (n->int_digits > BCI_TN_MAX_CARDINAL_DIGITS ||
        (!n->grouped && n->int_digits > BCI_TN_MAX_PLAIN_DIGITS))
        bci_tn_digits(t, n->int_start, n->int_end, false);
    else if (n->int_digits)
        bci_tn_cardinal(t, n->int_start, n->int_end);
    if (n->frac_end > n->frac_start) {
        bci_tn_say(t, "point");
        bci_tn_digits(t, n->frac_start, n->frac_end, false);
    }
}

void bci_tn_fraction(bci_tn *t, uint64_t numerator, uint64_t denominator, bool with_a)
{
    bool one = numerator == 1;
    if (one && with_a)
        bci_tn_say(t, "a");
    else
        bci_tn_cardinal_value(t, numerator);
    if (denominator == 2) {
        bci_tn_say(t, one ? "half" : "halves");
    } else if (denominator == 4) {
        bci_tn_say(t, one ? "quarter" : "quarters");
    } else if (denominator >= 3 && (denominator <= 100 || denominator % 100 == 0)) {
        bci_tn_ordinal_value(t, denominator, !one);
    } else {
        bci_tn_say(t, "over");
        bci_tn_cardinal_value(t, denominator);
    }
}

/* ---- scanning -------------------------------------------------------------- */

size_t bci_tn_scan_int(const bci_tn *t, size_t pos, size_t max_digits, uint64_t *value)
{
    uint64_t v = 0;
    size_t end = pos;
    while (bci_tn_digit(t, end)) {
        if (end - pos == max_digits)
            return 0;
        v = v * 10 + (uint64_t)(t->text[end] - '0');
        end++;
    }
    if (end == pos)
        return 0;
    *value = v;
    return end;
}

/* The byte length of a thousands separator at `pos`, or 0. */
static size_t separator_width(const bci_tn *t, size_t pos)
{
    unsigned c = bci_tn_at(t, pos);
    if (c == ',')
        return 1;
    if (c == 0xC2 && bci_tn_at(t, pos + 1) == 0xA0) /* no-break space */
        return 2;
    if (c == 0xE2 && bci_tn_at(t, pos + 1) == 0x80 &&
        (bci_tn_at(t, pos + 2) == 0xAF || bci_tn_at(t, pos + 2) == 0x89)) /* narrow, thin */
        return 3;
    return 0;
}

bool bci_tn_scan_number(const bci_tn *t, size_t pos, bool sign, bool decimals, bci_tn_number *n)
{
    *n = (bci_tn_number){.start = pos};
    size_t at = pos;
    if (sign) {
        if (bci_tn_at(t, at) == '-' || bci_tn_at(t, at) == '+') {
            n->negative = bci_tn_at(t, at) == '-';
            n->plus = !n->negative;
            at++;
        } else if (bci_tn_at(t, at) == 0xE2 && bci_tn_at(t, at + 1) == 0x88 &&
                   bci_tn_at(t, at + 2) == 0x92) { /* U+2212 minus sign */
            n->negative = true;
            at += 3;
        }
    }
    n->int_start = at;
    while (bci_tn_digit(t, at))
        at++;
    n->int_digits = at - n->int_start;
    /* thousands separators (a comma, or a no-break or thin space, as long as
     * it stays the same): 1-3 digits, then groups of exactly three */
    size_t width = 0, first = 0;
    if (n->int_digits >= 1 && n->int_digits <= 3) {
        for (;;) {
            size_t w = separator_width(t, at);
            if (!w || (width && (w != width || memcmp(t->text + at, t->text + first, w) != 0)))
                break;
            size_t g = at + w;
            if (!(bci_tn_digit(t, g) && bci_tn_digit(t, g + 1) && bci_tn_digit(t, g + 2) &&
                  !bci_tn_digit(t, g + 3)))
                break;
            if (!width)
                first = at;
            width = w;
            at = g + 3;
            n->int_digits += 3;
            n->grouped = true;
        }
    }
    n->int_end = at;
    if (decimals && bci_tn_at(t, at) == '.' && bci_tn_digit(t, at + 1)) {
        n->frac_start = ++at;
        while (bci_tn_digit(t, at))
            at++;
        n->frac_end = at;
    }
    if (n->int_digits == 0 && n->frac_end == n->frac_start)
        return false;
    n->end = at;
    n->value = 0;
    if (n->int_digits > 19) {
        n->value = UINT64_MAX;
    } else {
        for (size_t i = n->int_start; i < n->int_end; i++) {
            if (!bci_tn_digit(t, i))
                continue;
            uint64_t d = (uint64_t)(t->text[i] - '0');
            if (n->value > (UINT64_MAX - d) / 10) {
                n->value = UINT64_MAX;
                break;
            }
            n->value = n->value * 10 + d;
        }
    }
    return true;
}
