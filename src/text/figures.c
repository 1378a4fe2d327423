/* Numbers in running text: cardinals, ordinals, decimals, percentages,
 * fractions, ranges, decades, years, and the unit or scale word that
 * follows a number. */
#include <string.h>

#include "normalize_internal.h"

/* Vulgar fraction characters. */
static const struct {
    const char *bytes;
    unsigned numerator, denominator;
} vulgar_fractions[] = {
    {"\xC2\xBD", 1, 2}, {"\xC2\xBC", 1, 4}, {"\xC2\xBE", 3, 4},
    {"\xE2\x85\x93", 1, 3}, {"\xE2\x85\x94", 2, 3}, {"\xE2\x85\x95", 1, 5},
    {"\xE2\x85\x9B", 1, 8}, {"\xE2\x85\x9C", 3, 8}, {"\xE2\x85\x9D", 5, 8},
    {"\xE2\x85\x9E", 7, 8},
};

static size_t vulgar(const bci_tn *t, size_t pos, unsigned *numerator, unsigned *denominator)
{
    if (bci_tn_at(t, pos) != 0xC2 && bci_tn_at(t, pos) != 0xE2)
        return 0;
    for (size_t i = 0; i < BCI_ARRAY_LEN(vulgar_fractions); i++) {
        size_t n = strlen(vulgar_fractions[i].bytes);
        if (n <= t->length - pos && memcmp(t->text + pos, vulgar_fractions[i].bytes, n) == 0) {
            *numerator = vulgar_fractions[i].numerator;
            *denominator = vulgar_fractions[i].denominator;
            return pos + n;
        }
    }
    return 0;
}

/* The ASCII word that ends just before `pos` (past at most one space), in
 * lower case; "" when there is none. */
static void previous_word(const bci_tn *t, size_t pos, char *word, size_t size)
{
    word[0] = '\0';
    size_t end = pos;
    if (end > 0 && (t->text[end - 1] == ' ' || t->text[end - 1] == '-'))
        end--;
    size_t start = end;
    while (start > 0 && end - start < size - 1 &&
           ((t->text[start - 1] >= 'a' && t->text[start - 1] <= 'z') ||
            (t->text[start - 1] >= 'A' && t->text[start - 1] <= 'Z')))
        start--;
    if (start == end || (start > 0 && bci_tn_alpha(t, start - 1)))
        return;
    for (size_t i = start; i < end; i++)
        word[i - start] = (char)(t->text[i] | 0x20);
    word[end - start] = '\0';
}

/* True when a four-digit number is more likely a year than a count: after
 * "in", "since", a month and the like, or not before a counted noun. */
static bool year_reading(const bci_tn *t, const bci_tn_number *n)
{
    static const char *const cues[] = {
        "in", "since", "by", "from", "of", "until", "till", "to", "and", "between", "before",
        "after", "during", "early", "late", "mid", "around", "circa", "year", "summer", "spring",
        "autumn", "fall", "winter", "season", "election", "census", "vintage", "ad", "through",
        "throughout", "the", "pre", "post", "january", "february", "march", "april", "may",
        "june", "july", "august", "september", "october", "november", "december",
    };
    static const char *const counted[] = {
        "people", "men", "women", "children", "staff", "police", "troops", "feet", "miles",
        "pounds", "dollars", "euros", "more", "other", "others", "new", "extra", "additional",
    };
    if (n->negative || n->grouped || n->frac_end > n->frac_start || n->int_digits != 4 ||
        n->value < 1000 || n->value > 2099)
        return false;
    char word[24];
    previous_word(t, n->start, word, sizeof word);
    if (bci_tn_listed(word, cues, BCI_ARRAY_LEN(cues)))
        return true;
    size_t next = bci_tn_space(t, n->end);
    if (next == n->end || !bci_tn_lower(t, next))
        return true;
    bci_tn_ascii_word(t, next, word, sizeof word);
    size_t length = strlen(word);
    if (bci_tn_listed(word, counted, BCI_ARRAY_LEN(counted)))
        return false;
    /* a plural noun after it is what it counts: "1500 homes" */
    return !(length > 3 && word[length - 1] == 's' && word[length - 2] != 's');
}

/* The ending of the ordinal of `value`: "st", "nd", "rd" or "th". */
static const char *ordinal_ending(uint64_t value)
{
    if (value % 100 >= 11 && value % 100 <= 13)
        return "th";
    switch (value % 10) {
    case 1: return "st";
    case 2: return "nd";
    case 3: return "rd";
    default: return "th";
    }
}

static bool plain_integer(const bci_tn_number *n)
{
    return !n->negative && n->frac_end == n->frac_start && n->int_digits > 0;
}

/* True for an emergency or helpline number said digit by digit: "911
 * calls", "dial 999", "NHS 111". */
static bool emergency_number(const bci_tn *t, const bci_tn_number *n)
{
    static const char *const before[] = {"call", "dial", "dialled", "dialed", "ring", "nhs"};
    static const char *const after[] = {
        "call", "calls", "caller", "callers", "operator", "operators", "dispatcher", "service",
        "line", "number",
    };
    if (!plain_integer(n) || n->grouped || n->int_digits != 3 ||
        !(n->value == 911 || n->value == 999 || n->value == 111 || n->value == 112))
        return false;
    char word[BCI_TN_MAX_WORD + 1];
    previous_word(t, n->start, word, sizeof word);
    if (bci_tn_listed(word, before, BCI_ARRAY_LEN(before)))
        return true;
    size_t next = bci_tn_space(t, n->end);
    if (next == n->end)
        return false;
    bci_tn_ascii_word(t, next, word, sizeof word);
    for (size_t i = 0; word[i]; i++)
        word[i] = (char)(word[i] | 0x20);
    return bci_tn_listed(word, after, BCI_ARRAY_LEN(after));
}

/* Says the number alone, as a year when it looks like one. */
static void say_number(bci_tn *t, const bci_tn_number *n, bool year_ok)
{
    /* before "-123" a year would have made a year range: "1234-123kg" is a count */
    size_t dash = bci_tn_dash(t, n->end);
    if (dash && bci_tn_digit(t, dash))
        year_ok = false;
    if (plain_integer(n) && !n->grouped && n->int_digits > 1 && t->text[n->int_start] == '0')
        bci_tn_digits(t, n->int_start, n->int_end, false); /* "004", a code */
    else if (year_ok && year_reading(t, n))
        bci_tn_year(t, n->value);
    else
        bci_tn_number_words(t, n);
}

static bool is_one(const bci_tn *t, const bci_tn_number *n)
{
    return plain_integer(n) && n->value == 1;
}

/* True when the line holds money within a few hundred bytes before `pos`.
 * The text is scanned once, forwards, whatever the number of questions. */
static bool money_nearby(bci_tn *t, size_t pos)
{
    static const char *const words[] = {
        "$", "\xC2\xA3", "\xE2\x82\xAC", "\xC2\xA5", "euro", "dollar", "pound", "yen", "yuan",
        "rupee", "peso", "franc",
    };
    for (size_t i = t->money_scanned; i < pos; i++) {
        unsigned c = (unsigned char)t->text[i];
        if (c == '\n') {
            t->money_last = 0;
            continue;
        }
        if (c == 0 || !strchr("$\xC2\xE2" "edpyrf", (int)c))
            continue;
        for (size_t w = 0; w < BCI_ARRAY_LEN(words); w++) {
            size_t n = strlen(words[w]);
            if (n <= t->length - i && memcmp(t->text + i, words[w], n) == 0)
                t->money_last = i + 1;
        }
    }
    if (pos > t->money_scanned)
        t->money_scanned = pos;
    /* 300 bytes: the sentence or two before it */
    return t->money_last && pos - (t->money_last - 1) <= 300;
}

/* True when "5m" at [start, end) more likely means metres than million:
 * before "tall", "long", "away" and the like, before a conversion in
 * brackets ("2m (6ft)"), or as a race ("the 100m"). Elsewhere news writes
 * millions so: "rose to 1.2m". */
static bool metres_context(const bci_tn *t, size_t start, size_t end)
{
    static const char *const measures[] = {
        "tall", "high", "long", "wide", "deep", "away", "above", "below", "under", "across",
        "thick", "apart", "off", "from", "down", "up", "into", "high", "short", "taller", "higher",
        "longer", "deeper", "wall", "tower", "drop", "jump", "hurdles", "freestyle", "relay",
        "butterfly", "backstroke", "breaststroke", "medley", "final", "sprint", "race", "title",
    };
    size_t next = bci_tn_space(t, end);
    if (bci_tn_at(t, next) == '(' && bci_tn_digit(t, next + 1))
        return true;
    char word[BCI_TN_MAX_WORD + 1];
    bci_tn_ascii_word(t, next, word, sizeof word);
    if (next > end && bci_tn_listed(word, measures, BCI_ARRAY_LEN(measures)))
        return true;
    size_t ws, we;
    if (!bci_tn_word_before(t, start, &ws, &we))
        return false;
    /* "a 38m yacht" */
    if (bci_tn_word_ci(t, ws, "a") == we || bci_tn_word_ci(t, ws, "an") == we)
        return true;
    return bci_tn_word_ci(t, ws, "the") == we && bci_tn_digit(t, start) &&
           !memchr(t->text + start, '.', end - start);
}

/* What may follow a number: a percent sign, a scale word, a unit. Returns
 * the end, or `pos` when nothing follows. */
static size_t suffix(bci_tn *t, size_t number_start, size_t pos, bool one)
{
    size_t at = bci_tn_space(t, pos);
    if (bci_tn_at(t, at) == '%') {
        bci_tn_say(t, t->gb ? "per cent" : "percent");
        return at + 1;
    }
    size_t end = bci_tn_word_ci(t, pos, "pc");
    if (end) {
        bci_tn_say(t, t->gb ? "per cent" : "percent");
        return end;
    }
    if (bci_tn_at(t, pos) == '/') {
        end = bci_tn_per_unit(t, pos);
        return end ? end : pos;
    }
    const char *scale = NULL;
    end = bci_tn_scale(t, pos, false, &scale);
    if (end && strcmp(scale, "million") == 0 && bci_tn_alpha(t, pos) &&
        (t->text[pos] | 0x20) == 'm' && !bci_tn_alpha(t, pos + 1)) {
        if (!money_nearby(t, pos) && metres_context(t, number_start, end))
            end = 0;
    }
    if (end) {
        bci_tn_say(t, scale);
        return end;
    }
    end = bci_tn_unit(t, pos, one);
    return end ? end : pos;
}

/* "3 2/4", "3½": the fraction after a whole number; returns the end or 0. */
static size_t fraction_after(bci_tn *t, size_t pos, bool mixed, uint64_t *num, uint64_t *den)
{
    unsigned vn, vd;
    size_t end = vulgar(t, bci_tn_space(t, pos), &vn, &vd);
    if (end) {
        *num = vn;
        *den = vd;
        return end;
    }
    if (!mixed)
        return 0;
    size_t at = bci_tn_space(t, pos);
    if (at == pos)
        return 0;
    end = bci_tn_scan_int(t, at, 3, num);
    if (!end || bci_tn_at(t, end) != '/')
        return 0;
    end = bci_tn_scan_int(t, end + 1, 3, den);
    if (!end || !bci_tn_ends(t, end) || *den < 2 || *num == 0)
        return 0;
    return end;
}

/* "1/4th", "3/4ths": an ordinal ending written after a fraction. */
static size_t skip_fraction_ending(const bci_tn *t, size_t pos)
{
    size_t end = bci_tn_word_ci(t, pos, "th");
    if (!end)
        end = bci_tn_word_ci(t, pos, "ths");
    if (!end)
        end = bci_tn_word_ci(t, pos, "rd");
    if (!end)
        end = bci_tn_word_ci(t, pos, "rds");
    return end ? end : pos;
}

/* Makes the number just written plural: "sixty-fives", "twenties", "sixes". */
static void say_plural_ending(bci_tn *t)
{
    size_t n = t->out.length;
    if (n && t->out.data[n - 1] == 'y') {
        bci_tn_undo(t, n - 1);
        bci_tn_raw(t, "ies", 3);
    } else if (n && t->out.data[n - 1] == 'x') {
        bci_tn_raw(t, "es", 2);
    } else {
        bci_tn_raw(t, "s", 1);
    }
}

/* The end of a year range: "21", "oh seven", "six". */
static void say_year_end(bci_tn *t, const bci_tn_number *n)
{
    if (n->int_digits == 2 && n->value < 10)
        bci_tn_say(t, "oh");
    bci_tn_cardinal_value(t, n->value);
}

/* Ranges: "10-15", "9–11", "2020-21", "1939-1945", "5-10km", "10-15%". */
static size_t range(bci_tn *t, const bci_tn_number *first)
{
    if (first->negative || first->int_digits == 0 || first->int_digits > 12)
        return 0;
    size_t at = first->end;
    bool spaced = false;
    if (bci_tn_is_space(t, at)) {
        at = bci_tn_space(t, at);
        spaced = true;
    }
    size_t dash = bci_tn_dash(t, at);
    /* a spaced hyphen is a minus or a clause dash; a spaced en dash is a range */
    if (!dash || (spaced && t->text[at] == '-'))
        return 0;
    at = dash;
    if (spaced && !bci_tn_is_space(t, at))
        return 0;
    at = bci_tn_space(t, at);
    bci_tn_number second;
    if (!bci_tn_scan_number(t, at, false, true, &second) || second.int_digits > 12 ||
        second.int_digits == 0 || second.grouped != first->grouped)
        return 0;
    /* not a date or a longer chain: "16-02-2022", "1-2-3", "1-413-te" */
    size_t after = bci_tn_dash(t, second.end);
    if (after && (bci_tn_digit(t, after) || bci_tn_alpha(t, after)))
        return 0;
    if (first->start > 1 && t->text[first->start - 1] == '-' &&
        (bci_tn_alpha(t, first->start - 2) || bci_tn_digit(t, first->start - 2)))
        return 0;
    /* "1-2=5": a subtraction */
    if (bci_tn_at(t, bci_tn_space(t, second.end)) == '=' && !spaced) {
        bci_tn_number_words(t, first);
        bci_tn_say(t, "minus");
        bci_tn_number_words(t, &second);
        return second.end;
    }
    if (bci_tn_at(t, second.end) == '/' || bci_tn_at(t, second.end) == ':')
        return 0;
    bool year = year_reading(t, first) || (plain_integer(first) && first->int_digits == 4 &&
                                            first->value >= 1000 && first->value <= 2099);
    size_t mark = bci_tn_mark(t);
    if (year && plain_integer(&second) && second.int_digits <= 2 && !second.grouped) {
        /* "2020-21", "2005-6", "2006-07" */
        uint64_t last = second.int_digits == 1 ? first->value % 10 : first->value % 100;
        if (second.value <= last)
            return 0;
        bci_tn_year(t, first->value);
        bci_tn_say(t, "to");
        say_year_end(t, &second);
        return bci_tn_ends(t, second.end) ? second.end : (bci_tn_undo(t, mark), 0);
    }
    if (year && plain_integer(&second) && second.int_digits == 4 && second.value > first->value &&
        second.value <= 2099) {
        bci_tn_year(t, first->value);
        bci_tn_say(t, "to");
        bci_tn_year(t, second.value);
        return bci_tn_ends(t, second.end) ? second.end : (bci_tn_undo(t, mark), 0);
    }
    /* "737-800": an aircraft model, not a range */
    if (plain_integer(first) && first->int_digits == 3 && second.int_digits == 3 &&
        first->value % 10 != 0 && second.value % 100 == 0)
        return 0;
    /* a count range rises: "3-2" is a score, read as written */
    if (second.value < first->value ||
        (second.value == first->value && second.frac_end == second.frac_start))
        return 0;
    bci_tn_number_words(t, first);
    bci_tn_say(t, "to");
    bci_tn_number_words(t, &second);
    size_t end = suffix(t, second.start, second.end, false);
    if (!bci_tn_ends(t, end)) {
        bci_tn_undo(t, mark);
        return 0;
    }
    return end;
}

size_t bci_tn_figure(bci_tn *t, size_t pos)
{
    unsigned c = bci_tn_at(t, pos);
    unsigned vn, vd;
    size_t end = vulgar(t, pos, &vn, &vd);
    if (end) {
        bci_tn_fraction(t, vn, vd, false);
        return end;
    }
    bool starts = bci_tn_starts(t, pos);
    bci_tn_number n;
    if (!starts) {
        /* glued to letters: "MP3", "G20", a code "ab9453" read digit by digit */
        if (!bci_tn_scan_number(t, pos, false, true, &n) || n.grouped)
            return 0;
        if (n.int_digits <= 2)
            bci_tn_number_words(t, &n);
        else
            bci_tn_digits(t, n.int_start, n.end, false);
        return n.end;
    }
    bool sign = c == '-' || c == '+' || c == 0xE2;
    if (!(bci_tn_digit(t, pos) || ((sign || (c == '.' && starts)) && bci_tn_digit(t, pos + 1)) ||
          (c == 0xE2 && sign && bci_tn_digit(t, pos + 3))))
        return 0;
    /* "1.2.3" and "192.168.0.1": a version or address, read part by part */
    if (!bci_tn_scan_number(t, pos, sign, true, &n))
        return 0;
    if (bci_tn_at(t, n.end) == '.' && bci_tn_digit(t, n.end + 1) && n.frac_end > n.frac_start &&
        !n.grouped && n.int_digits) {
        size_t at = n.int_start;
        uint64_t part;
        for (;;) {
            end = bci_tn_scan_int(t, at, 6, &part);
            if (!end) {
                bci_tn_digits(t, at, at + 1, false);
                end = at + 1;
            } else {
                bci_tn_cardinal(t, at, end);
            }
            if (bci_tn_at(t, end) != '.' || !bci_tn_digit(t, end + 1))
                return end;
            bci_tn_say(t, "point");
            at = end + 1;
        }
    }
    bool integer = plain_integer(&n);

    /* decades: "1990s", "1990's", "80s" */
    if (integer && !n.grouped && n.value % 10 == 0 &&
        (n.int_digits == 4 || (n.int_digits == 2 && n.value >= 10))) {
        end = bci_tn_word_cs(t, n.end, "s");
        if (!end && bci_tn_at(t, n.end) == '\'')
            end = bci_tn_word_cs(t, n.end + 1, "s");
        if (end) {
            bci_tn_decade(t, n.value);
            /* "1960s-1980s" */
            size_t dash = bci_tn_dash(t, end);
            uint64_t other;
            size_t other_end = dash ? bci_tn_scan_int(t, dash, 4, &other) : 0;
            if (other_end && other_end - dash == n.int_digits && other % 10 == 0 &&
                other > n.value && bci_tn_word_cs(t, other_end, "s")) {
                bci_tn_say(t, "to");
                bci_tn_decade(t, other);
                return other_end + 1;
            }
            return end;
        }
    }
    /* numbers as nouns: "over 65s", "in sixes and sevens" */
    if (integer && !n.grouped && n.int_digits <= 3 && t->text[n.int_start] != '0') {
        end = bci_tn_word_cs(t, n.end, "s");
        if (!end && bci_tn_at(t, n.end) == '\'')
            end = bci_tn_word_cs(t, n.end + 1, "s");
        if (end) {
            bci_tn_cardinal_value(t, n.value);
            say_plural_ending(t);
            return end;
        }
    }
    /* ordinals: "1st", "22nd", "1,000th"; only the right ending makes one
     * ("10st" is ten stone) */
    if (integer && n.int_digits <= BCI_TN_MAX_CARDINAL_DIGITS) {
        end = bci_tn_word_ci(t, n.end, ordinal_ending(n.value));
        if (end) {
            bci_tn_ordinal(t, n.int_start, n.int_end);
            return end;
        }
    }
    /* seasons and financial years: "2006/07", "1992/93" */
    uint64_t numerator, denominator;
    if (integer && !n.grouped && n.int_digits == 4 && n.value >= 1000 && n.value <= 2099 &&
        bci_tn_at(t, n.end) == '/') {
        end = bci_tn_scan_int(t, n.end + 1, 2, &denominator);
        if (end && end - n.end == 3 && denominator == (n.value + 1) % 100 && bci_tn_ends(t, end) &&
            bci_tn_at(t, end) != '/') {
            bci_tn_year(t, n.value);
            bci_tn_say(t, "to");
            bci_tn_number last = {.int_digits = 2, .value = denominator};
            say_year_end(t, &last);
            return end;
        }
    }
    /* fractions: "1/2", "31/32", "3 2/4", "2½"; idioms "9/11", "24/7" */
    if (integer && !n.grouped && bci_tn_at(t, n.end) == '/' && n.int_digits <= 4) {
        end = bci_tn_scan_int(t, n.end + 1, 4, &denominator);
        if (end && bci_tn_at(t, end) != '/' && !(bci_tn_at(t, end) == '.' &&
                                                 bci_tn_digit(t, end + 1))) {
            bool idiom = (n.value == 9 && denominator == 11) ||
                         (n.value == 24 && denominator == 7) ||
                         (n.value == 50 && denominator == 50);
            if (idiom) {
                bci_tn_cardinal_value(t, n.value);
                bci_tn_cardinal_value(t, denominator);
                return end;
            }
            if (denominator >= 2 && n.value > 0) {
                bci_tn_fraction(t, n.value, denominator, false);
                return skip_fraction_ending(t, end);
            }
        }
    }
    if (integer && n.int_digits <= 6) {
        end = fraction_after(t, n.end, true, &numerator, &denominator);
        if (end) {
            bci_tn_number_words(t, &n);
            bci_tn_say(t, "and");
            bci_tn_fraction(t, numerator, denominator, true);
            return suffix(t, n.start, skip_fraction_ending(t, end), false);
        }
    }
    end = range(t, &n);
    if (end)
        return end;
    /* dimensions: "2x8", "1920x1080" */
    bci_tn_number other;
    if (bci_tn_at(t, n.end) == 'x' && bci_tn_scan_number(t, n.end + 1, false, true, &other)) {
        bci_tn_number_words(t, &n);
        bci_tn_say(t, "by");
        bci_tn_number_words(t, &other);
        return suffix(t, other.start, other.end, false);
    }
    if (emergency_number(t, &n)) {
        bci_tn_digits(t, n.int_start, n.int_end, false);
        return n.end;
    }
    say_number(t, &n, true);
    size_t mark = bci_tn_mark(t);
    bool one = is_one(t, &n);
    end = suffix(t, n.start, n.end, one);
    if (end > n.end && !one && bci_tn_attributive(t, pos, end)) {
        /* "a 5km run": "a five kilometre run" */
        bci_tn_undo(t, mark);
        end = suffix(t, n.start, n.end, true);
    }
    /* "2%-10%": a range of percentages */
    size_t dash = end > n.end && t->text[end - 1] == '%' ? bci_tn_dash(t, end) : 0;
    if (dash && bci_tn_scan_number(t, dash, false, true, &other) &&
        bci_tn_at(t, other.end) == '%') {
        bci_tn_say(t, "to");
        bci_tn_number_words(t, &other);
        bci_tn_say(t, t->gb ? "per cent" : "percent");
        return other.end + 1;
    }
    if (end == n.end && bci_tn_at(t, end) == '-' && bci_tn_alpha(t, end + 1)) {
        /* "a 5-km race": a unit joined by a hyphen is singular */
        size_t before_unit = bci_tn_mark(t);
        bci_tn_raw(t, "-", 1);
        size_t unit_end = bci_tn_unit(t, end + 1, true);
        if (unit_end)
            end = unit_end;
        else
            bci_tn_undo(t, before_unit);
    }
    return end;
}
