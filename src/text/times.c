/* Times of day and durations: "3pm", "3:30 p.m.", "15:30 GMT", "15:00",
 * "9am-5pm", "9-11am", "1:23:45". */
#include "normalize_internal.h"

typedef struct clock_time {
    int hour, minute, second;
    bool has_minute, has_second;
    int meridiem; /* 0 none, 1 AM, 2 PM */
    size_t end;
} clock_time;

/* "am", "a.m.", "AM", "pm", "p.m." after a time; the final dot is left when
 * it also ends the sentence. */
static size_t meridiem_at(const bci_tn *t, size_t pos, int *meridiem)
{
    size_t at = bci_tn_space(t, pos);
    char c = (char)(bci_tn_at(t, at) | 0x20);
    if (c != 'a' && c != 'p')
        return 0;
    int which = c == 'a' ? 1 : 2;
    if (bci_tn_at(t, at + 1) == '.' && (bci_tn_at(t, at + 2) | 0x20) == 'm') {
        size_t end = at + 3;
        if (bci_tn_at(t, end) == '.') {
            /* a capitalised word after it starts a sentence; "EST" does not */
            bool final = end + 1 >= t->length || bci_tn_at(t, end + 1) == '\n' ||
                         (bci_tn_at(t, end + 1) == ' ' && bci_tn_upper(t, end + 2) &&
                          !bci_tn_upper(t, end + 3));
            if (!final)
                end++;
        }
        if (!bci_tn_ends(t, end) && !(bci_tn_at(t, end - 1) == '.'))
            return 0;
        *meridiem = which;
        return end;
    }
    if ((bci_tn_at(t, at + 1) | 0x20) == 'm' && bci_tn_ends(t, at + 2)) {
        *meridiem = which;
        return at + 2;
    }
    return 0;
}

/* Reads a time at `pos`; returns false when there is none. */
static bool time_at(const bci_tn *t, size_t pos, clock_time *ct)
{
    *ct = (clock_time){0};
    uint64_t hour, minute, second;
    size_t end = bci_tn_scan_int(t, pos, 2, &hour);
    if (!end || hour > 24)
        return false;
    ct->hour = (int)hour;
    char c = (char)bci_tn_at(t, end);
    if ((c == ':' || c == '.') && bci_tn_digit(t, end + 1)) {
        size_t m_end = bci_tn_scan_int(t, end + 1, 2, &minute);
        if (!m_end || m_end - end - 1 != 2 || minute > 59)
            return false;
        ct->minute = (int)minute;
        ct->has_minute = true;
        end = m_end;
        if (c == ':' && bci_tn_at(t, end) == ':' && bci_tn_digit(t, end + 1)) {
            size_t s_end = bci_tn_scan_int(t, end + 1, 2, &second);
            if (!s_end || s_end - end - 1 != 2 || second > 59)
                return false;
            ct->second = (int)second;
            ct->has_second = true;
            end = s_end;
        }
        if (!bci_tn_ends(t, end) && !bci_tn_alpha(t, end))
            return false;
        /* "1.59" is a decimal unless "a.m." or "p.m." follows */
        size_t m = meridiem_at(t, end, &ct->meridiem);
        if (m) {
            if (ct->hour > 12)
                return false;
            end = m;
        } else if (c == '.') {
            return false;
        }
    } else {
        size_t m = meridiem_at(t, end, &ct->meridiem);
        if (!m || ct->hour > 12 || ct->hour == 0)
            return false;
        end = m;
    }
    ct->end = end;
    return true;
}

static void say_count(bci_tn *t, int value, const char *one, const char *many)
{
    bci_tn_cardinal_value(t, (uint64_t)value);
    bci_tn_say(t, value == 1 ? one : many);
}

static void say_time(bci_tn *t, const clock_time *ct)
{
    if (ct->has_second && !ct->meridiem) {
        /* "14:10:30", "2:03:45" (a race time) */
        say_count(t, ct->hour, "hour", "hours");
        say_count(t, ct->minute, "minute", "minutes");
        bci_tn_say(t, "and");
        say_count(t, ct->second, "second", "seconds");
        return;
    }
    bci_tn_cardinal_value(t, (uint64_t)ct->hour);
    if (ct->has_minute && ct->minute) {
        if (ct->minute < 10)
            bci_tn_say(t, "oh");
        bci_tn_cardinal_value(t, (uint64_t)ct->minute);
    } else if (ct->has_minute && !ct->meridiem) {
        /* "15:00" fifteen hundred; "9:00" nine o'clock */
        bci_tn_say(t, ct->hour > 12 || ct->hour == 0 ? "hundred" : "o'clock");
    }
    if (ct->has_second && ct->second) {
        bci_tn_say(t, "and");
        say_count(t, ct->second, "second", "seconds");
    }
    if (ct->meridiem)
        bci_tn_say(t, ct->meridiem == 1 ? "AM" : "PM");
}

/* A time zone after a time: "GMT", "BST", "EST". */
static size_t zone_at(bci_tn *t, size_t pos)
{
    static const char *const zones[] = {
        "GMT", "BST", "UTC", "CET", "CEST", "EET", "EST", "EDT", "CST", "CDT", "MST", "MDT",
        "PST", "PDT", "ET", "PT", "CT", "MT", "IST", "JST", "AEST", "AEDT", "HKT", "SGT",
    };
    size_t at = bci_tn_space(t, pos);
    for (size_t i = 0; i < BCI_ARRAY_LEN(zones); i++) {
        size_t end = bci_tn_word_cs(t, at, zones[i]);
        /* "1:59 p.m.est": glued to the dot, in small letters */
        if (!end && at == pos && pos > 0 && t->text[pos - 1] == '.')
            end = bci_tn_word_ci(t, at, zones[i]);
        if (end) {
            char upper[8];
            size_t n = end - at < sizeof upper ? end - at : sizeof upper - 1;
            for (size_t k = 0; k < n; k++)
                upper[k] = (char)(t->text[at + k] & ~0x20);
            bci_tn_acronym(t, upper, n);
            return end;
        }
    }
    return 0;
}

size_t bci_tn_time(bci_tn *t, size_t pos)
{
    if (!bci_tn_digit(t, pos))
        return 0;
    clock_time first, second;
    if (!time_at(t, pos, &first)) {
        /* "9-11am": a bare hour, then a time with am or pm */
        uint64_t hour;
        size_t end = bci_tn_scan_int(t, pos, 2, &hour);
        size_t dash = end ? bci_tn_dash(t, end) : 0;
        if (!dash || hour < 1 || hour > 12 || !time_at(t, dash, &second) || !second.meridiem)
            return 0;
        bci_tn_cardinal_value(t, hour);
        bci_tn_say(t, "to");
        say_time(t, &second);
        size_t zone = zone_at(t, second.end);
        return zone ? zone : second.end;
    }
    say_time(t, &first);
    size_t end = first.end;
    size_t zone = zone_at(t, end);
    if (zone)
        return zone;
    size_t at = bci_tn_space(t, end);
    size_t dash = bci_tn_dash(t, at);
    if (dash && (at == end || bci_tn_is_space(t, dash)) &&
        time_at(t, bci_tn_space(t, dash), &second)) {
        bci_tn_say(t, "to");
        say_time(t, &second);
        end = second.end;
        zone = zone_at(t, end);
        if (zone)
            end = zone;
    }
    return end;
}
