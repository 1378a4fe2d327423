/* Telephone numbers, read digit by digit in their written groups with a
 * pause between groups: "020 7946 0018", "+44 20 7946 0018",
 * "(555) 123-4567", "555.555.5555". A zero is "oh" in en-GB. */
#include "normalize_internal.h"

/* Reads digit groups separated by one space, hyphen or dot; returns the
 * end, the group count and the digit count. */
static size_t digit_groups(const bci_tn *t, size_t pos, size_t *groups, size_t *digits,
                           size_t *shape, size_t shape_size)
{
    size_t at = pos, end = pos;
    *groups = *digits = 0;
    for (;;) {
        size_t start = at;
        while (bci_tn_digit(t, at) && at - start <= 5)
            at++;
        if (at == start || at - start > 5 || bci_tn_digit(t, at))
            break;
        if (*groups < shape_size)
            shape[*groups] = at - start;
        (*groups)++;
        *digits += at - start;
        end = at;
        unsigned c = bci_tn_at(t, at);
        if (!(c == ' ' || c == '-' || c == '.') || !bci_tn_digit(t, at + 1))
            break;
        at++;
        if (*groups == 8) /* more than any real number has */
            break;
    }
    return end;
}

size_t bci_tn_phone(bci_tn *t, size_t pos)
{
    unsigned c = bci_tn_at(t, pos);
    bool plus = c == '+' && bci_tn_digit(t, pos + 1);
    if (!plus && c != '(' && !bci_tn_digit(t, pos))
        return 0;
    size_t at = pos;
    size_t country_start = 0, country_end = 0, area_start = 0, area_end = 0;
    if (plus) {
        country_start = at + 1;
        country_end = country_start;
        while (bci_tn_digit(t, country_end) && country_end - country_start < 4)
            country_end++;
        if (country_end - country_start > 3)
            return 0;
        at = country_end;
        if (bci_tn_at(t, at) == ' ' || bci_tn_at(t, at) == '-')
            at++;
    }
    if (bci_tn_at(t, at) == '(') {
        area_start = at + 1;
        area_end = area_start;
        while (bci_tn_digit(t, area_end) && area_end - area_start < 5)
            area_end++;
        if (bci_tn_at(t, area_end) != ')' || area_end - area_start < 2)
            return 0;
        at = area_end + 1;
        if (bci_tn_at(t, at) == ' ')
            at++;
    } else if (c == '(') {
        return 0;
    }
    size_t groups, digits, shape[8] = {0};
    size_t end = digit_groups(t, at, &groups, &digits, shape, 8);
    if (end == at || !bci_tn_ends(t, end))
        return 0;
    size_t total = digits + (country_end - country_start) + (area_end - area_start);
    char separator = groups > 1 ? t->text[at + shape[0]] : 0;
    bool same_separator = true, mid_sized = groups >= 3;
    size_t group_at = at;
    for (size_t i = 0; i < groups && i < 8; i++) {
        if (i && t->text[group_at - 1] != separator)
            same_separator = false;
        if (shape[i] < 2 || shape[i] > 4)
            mid_sized = false;
        group_at += shape[i] + 1;
    }
    /* 7 digits: the shortest local number; 15: the longest international one */
    bool ok = ((plus || area_end) && total >= 7 && total <= 15) ||
              (c == '0' && groups >= 2 && total >= 9 && total <= 12) ||
              (mid_sized && same_separator && separator != ' ' && total >= 9 && total <= 15);
    if (!ok)
        return 0;
    bool oh = t->gb;
    if (plus) {
        bci_tn_say(t, "plus");
        bci_tn_digits(t, country_start, country_end, oh);
        bci_tn_raw(t, ",", 1);
    }
    if (area_end) {
        bci_tn_digits(t, area_start, area_end, oh);
        bci_tn_raw(t, ",", 1);
    }
    size_t group_start = at;
    for (size_t i = at; i <= end; i++) {
        if (i == end || !bci_tn_digit(t, i)) {
            bci_tn_digits(t, group_start, i, oh);
            if (i < end)
                bci_tn_raw(t, ",", 1);
            group_start = i + 1;
        }
    }
    return end;
}
