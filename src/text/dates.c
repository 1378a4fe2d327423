/* Dates: "16 February 2022", "February 16, 2022", "Feb. 16-17",
 * "16/02/2022" (day first for en-GB, month first for en-US), "2022-02-16",
 * "'90s", "Mon-Fri", "Jan.-Dec.". */
#include <string.h>

#include "normalize_internal.h"

static const char *const month_names[] = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
};

static const char *const day_names[] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};

const char *bci_tn_month_name(int month)
{
    return month >= 1 && month <= 12 ? month_names[month - 1] : "";
}

size_t bci_tn_month(const bci_tn *t, size_t pos, int *month)
{
    static const struct {
        const char *written;
        int month;
    } abbreviations[] = {
        {"Jan", 1}, {"Feb", 2}, {"Mar", 3}, {"Apr", 4}, {"Jun", 6}, {"Jul", 7}, {"Aug", 8},
        {"Sept", 9}, {"Sep", 9}, {"Oct", 10}, {"Nov", 11}, {"Dec", 12},
    };
    if (!bci_tn_alpha(t, pos) || !strchr("JFMASOND", bci_tn_at(t, pos) & ~0x20))
        return 0;
    for (int m = 1; m <= 12; m++) {
        size_t end = bci_tn_word_ci(t, pos, month_names[m - 1]);
        /* "may" and "march" in lower case are verbs */
        if (end && (m == 5 || m == 3) && !bci_tn_upper(t, pos))
            end = 0;
        if (end) {
            *month = m;
            return end;
        }
    }
    for (size_t i = 0; i < BCI_ARRAY_LEN(abbreviations); i++) {
        size_t end = bci_tn_word_ci(t, pos, abbreviations[i].written);
        if (end && abbreviations[i].month == 3 && !bci_tn_upper(t, pos))
            end = 0;
        if (end) {
            *month = abbreviations[i].month;
            return bci_tn_at(t, end) == '.' ? end + 1 : end;
        }
    }
    return 0;
}

/* A weekday abbreviation ("Mon", "Tues.", "Thu"); returns the end and the
 * day (0 = Monday), or 0. */
static size_t weekday_abbreviation(const bci_tn *t, size_t pos, int *day)
{
    static const struct {
        const char *written;
        int day;
    } abbreviations[] = {
        {"Mon", 0}, {"Tues", 1}, {"Tue", 1}, {"Wed", 2}, {"Thurs", 3}, {"Thur", 3},
        {"Thu", 3}, {"Fri", 4}, {"Sat", 5}, {"Sun", 6},
    };
    if (!bci_tn_upper(t, pos) || !strchr("MTWFS", bci_tn_at(t, pos)))
        return 0;
    for (size_t i = 0; i < BCI_ARRAY_LEN(abbreviations); i++) {
        size_t end = bci_tn_word_cs(t, pos, abbreviations[i].written);
        if (end) {
            *day = abbreviations[i].day;
            return bci_tn_at(t, end) == '.' ? end + 1 : end;
        }
    }
    return 0;
}

/* A day of the month: 1-31, with an optional ordinal ending. */
static size_t day_at(const bci_tn *t, size_t pos, int *day)
{
    uint64_t value;
    size_t end = bci_tn_scan_int(t, pos, 2, &value);
    if (!end || value < 1 || value > 31)
        return 0;
    static const char *const endings[] = {"st", "nd", "rd", "th"};
    for (size_t i = 0; i < BCI_ARRAY_LEN(endings); i++) {
        size_t e = bci_tn_word_ci(t, end, endings[i]);
        if (e) {
            end = e;
            break;
        }
    }
    if (!bci_tn_ends(t, end) || bci_tn_at(t, end) == ':' || bci_tn_at(t, end) == '%' ||
        (bci_tn_at(t, end) == '.' && bci_tn_digit(t, end + 1)))
        return 0;
    *day = (int)value;
    return end;
}

/* A four-digit year after a date: " 2022", ", 2022". */
static size_t year_after(const bci_tn *t, size_t pos, bool *comma, uint64_t *year)
{
    size_t at = pos;
    *comma = bci_tn_at(t, at) == ',';
    if (*comma)
        at++;
    size_t space = bci_tn_space(t, at);
    if (space == at)
        return 0;
    size_t end = bci_tn_scan_int(t, space, 4, year);
    if (!end || end - space != 4 || !bci_tn_ends(t, end) || bci_tn_at(t, end) == ':' ||
        (bci_tn_at(t, end) == '.' && bci_tn_digit(t, end + 1)) || bci_tn_alpha(t, end))
        return 0;
    return end;
}

/* A day range's second day: "-17", "–17th". */
static size_t day_range(const bci_tn *t, size_t pos, int first, int *second)
{
    size_t dash = bci_tn_dash(t, pos);
    if (!dash)
        return 0;
    size_t end = day_at(t, dash, second);
    return end && *second > first ? end : 0;
}

static void say_day_month(bci_tn *t, int day, int last_day, int month)
{
    /* "the 11 September attacks": the article is already there */
    size_t n = t->out.length;
    char before = n > 4 ? (char)(t->out.data[n - 5] | 0x20) : ' ';
    bool has_the = n >= 4 && memcmp(t->out.data + n - 4, "the ", 4) == 0 &&
                   !(before >= 'a' && before <= 'z');
    if (!has_the)
        bci_tn_say(t, "the");
    bci_tn_ordinal_value(t, (uint64_t)day, false);
    if (last_day) {
        bci_tn_say(t, "to the");
        bci_tn_ordinal_value(t, (uint64_t)last_day, false);
    }
    bci_tn_say(t, "of");
    bci_tn_say(t, bci_tn_month_name(month));
}

static void say_month_day(bci_tn *t, int month, int day, int last_day)
{
    bci_tn_say(t, bci_tn_month_name(month));
    bci_tn_ordinal_value(t, (uint64_t)day, false);
    if (last_day) {
        bci_tn_say(t, "to");
        bci_tn_ordinal_value(t, (uint64_t)last_day, false);
    }
}

/* Dates that start with the month: "February 16, 2022", "Feb. 16-17",
 * "Jan-15", "July 1876", "Jan.-Dec.". */
static size_t month_first(bci_tn *t, size_t pos)
{
    int month, other, day, last_day = 0;
    size_t end = bci_tn_month(t, pos, &month);
    if (!end)
        return 0;
    size_t dash = bci_tn_dash(t, end);
    if (dash) {
        size_t other_end = bci_tn_month(t, dash, &other);
        if (other_end) {
            bci_tn_say(t, bci_tn_month_name(month));
            bci_tn_say(t, "to");
            bci_tn_say(t, bci_tn_month_name(other));
            return other_end;
        }
    }
    size_t at = dash && t->text[end] == '-' ? dash : bci_tn_space(t, end);
    if (at == end) {
        /* an abbreviation alone with its dot: "in Jan." */
        if (t->text[end - 1] == '.' && end - pos <= 5) {
            bci_tn_say(t, bci_tn_month_name(month));
            /* keep the dot when it also ends the sentence */
            return end >= t->length || bci_tn_at(t, end) == '\n' ||
                           (bci_tn_at(t, end) == ' ' && bci_tn_upper(t, end + 1))
                       ? end - 1
                       : end;
        }
        return 0;
    }
    uint64_t year;
    bool comma;
    size_t day_end = day_at(t, at, &day);
    if (day_end) {
        size_t range_end = day_range(t, day_end, day, &last_day);
        if (range_end)
            day_end = range_end;
        say_month_day(t, month, day, last_day);
        size_t year_end = year_after(t, day_end, &comma, &year);
        if (year_end) {
            if (comma)
                bci_tn_raw(t, ",", 1);
            bci_tn_year(t, year);
            return year_end;
        }
        return day_end;
    }
    size_t year_end = bci_tn_scan_int(t, at, 4, &year);
    if (year_end && year_end - at == 4 && bci_tn_ends(t, year_end) && !bci_tn_alpha(t, year_end)) {
        bci_tn_say(t, bci_tn_month_name(month));
        bci_tn_year(t, year);
        return year_end;
    }
    if (t->text[end - 1] == '.' && end - pos <= 5) {
        bci_tn_say(t, bci_tn_month_name(month));
        return end;
    }
    return 0;
}

/* Dates that start with the day: "16 February 2022", "25th jul 2012",
 * "16-17 Feb", "1st of May". */
static size_t day_first(bci_tn *t, size_t pos)
{
    int day, last_day = 0, month;
    size_t end = day_at(t, pos, &day);
    if (!end)
        return 0;
    size_t range_end = day_range(t, end, day, &last_day);
    if (range_end)
        end = range_end;
    size_t at = bci_tn_space(t, end);
    if (at == end)
        return 0;
    size_t of = bci_tn_word_ci(t, at, "of");
    if (of)
        at = bci_tn_space(t, of);
    size_t month_end = bci_tn_month(t, at, &month);
    if (!month_end)
        return 0;
    say_day_month(t, day, last_day, month);
    uint64_t year;
    bool comma;
    size_t year_end = year_after(t, month_end, &comma, &year);
    if (year_end) {
        if (comma)
            bci_tn_raw(t, ",", 1);
        bci_tn_year(t, year);
        return year_end;
    }
    return month_end;
}

/* Says a two- or four-digit year of a numeric date. */
static void say_short_year(bci_tn *t, uint64_t year, size_t digits)
{
    if (digits == 4) {
        bci_tn_year(t, year);
    } else if (year < 10) {
        bci_tn_say(t, "oh");
        bci_tn_cardinal_value(t, year);
    } else {
        bci_tn_cardinal_value(t, year);
    }
}

/* Numeric dates: "2022-02-16", "2016/07/03", "16/02/2022", "01.10.2010",
 * "01/07/98". */
static size_t numeric(bci_tn *t, size_t pos)
{
    uint64_t part[3];
    size_t start[4];
    start[0] = pos;
    size_t at = pos;
    char separator = 0;
    for (int i = 0; i < 3; i++) {
        size_t end = bci_tn_scan_int(t, at, 4, &part[i]);
        if (!end)
            return 0;
        start[i + 1] = end;
        if (i < 2) {
            char c = (char)bci_tn_at(t, end);
            if (!(c == '/' || c == '-' || c == '.') || (separator && c != separator))
                return 0;
            separator = c;
            at = end + 1;
        } else {
            at = end;
        }
    }
    /* the whole date is a token: not "1.2.3.4" or "16/02/2022/x" */
    if (!bci_tn_ends(t, at) || ((bci_tn_at(t, at) == separator || bci_tn_at(t, at) == '/') &&
                                bci_tn_digit(t, at + 1)))
        return 0;
    size_t width[3] = {start[1] - pos, start[2] - start[1] - 1, start[3] - start[2] - 1};
    int year_index, month_index, day_index;
    if (width[0] == 4 && width[1] <= 2 && width[2] <= 2) {
        year_index = 0;
        month_index = 1;
        day_index = 2;
    } else if (width[0] <= 2 && width[1] <= 2 && (width[2] == 4 || width[2] == 2)) {
        year_index = 2;
        bool day_first = t->gb;
        if (part[0] > 12)
            day_first = true;
        else if (part[1] > 12)
            day_first = false;
        month_index = day_first ? 1 : 0;
        day_index = day_first ? 0 : 1;
    } else {
        return 0;
    }
    uint64_t month = part[month_index], day = part[day_index];
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return 0;
    /* "10-12-14" could be a score or a range: only "/" and "." dates may
     * have two-digit years */
    if (width[year_index] == 2 && separator == '-')
        return 0;
    if (t->gb) {
        say_day_month(t, (int)day, 0, (int)month);
    } else {
        say_month_day(t, (int)month, (int)day, 0);
        bci_tn_raw(t, ",", 1);
    }
    say_short_year(t, part[year_index], width[year_index]);
    return at;
}

/* "Mon-Fri", "Mon.", "Tue 16 Feb": weekday abbreviations in dates. */
static size_t weekday(bci_tn *t, size_t pos)
{
    int day, other;
    size_t end = weekday_abbreviation(t, pos, &day);
    if (!end)
        return 0;
    size_t dash = bci_tn_dash(t, end);
    size_t other_end = dash ? weekday_abbreviation(t, dash, &other) : 0;
    if (other_end) {
        bci_tn_say(t, day_names[day]);
        bci_tn_say(t, "to");
        bci_tn_say(t, day_names[other]);
        return other_end;
    }
    size_t at = bci_tn_space(t, end);
    int d;
    if ((at > end && day_at(t, at, &d)) || (at > end && bci_tn_month(t, at, &d)) ||
        (t->text[end - 1] == '.' && bci_tn_ends(t, end))) {
        bci_tn_say(t, day_names[day]);
        return end;
    }
    return 0;
}

size_t bci_tn_date(bci_tn *t, size_t pos)
{
    unsigned c = bci_tn_at(t, pos);
    bool right_quote = c == 0xE2 && bci_tn_at(t, pos + 1) == 0x80 && bci_tn_at(t, pos + 2) == 0x99;
    if (c == '\'' || right_quote) {
        /* "'90s", "’80s" */
        size_t at = pos + (c == '\'' ? 1 : 3);
        uint64_t decade;
        size_t end = bci_tn_scan_int(t, at, 2, &decade);
        if (end && end - at == 2 && decade % 10 == 0) {
            size_t s = bci_tn_word_cs(t, end, "s");
            if (s) {
                bci_tn_decade(t, decade);
                return s;
            }
        }
        return 0;
    }
    size_t end;
    if (bci_tn_digit(t, pos)) {
        end = numeric(t, pos);
        if (!end)
            end = day_first(t, pos);
        return end;
    }
    if (!bci_tn_alpha(t, pos))
        return 0;
    end = month_first(t, pos);
    if (!end)
        end = weekday(t, pos);
    return end;
}
