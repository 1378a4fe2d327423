/* Money: amounts with currency symbols or codes, scale words ("$1.13bn",
 * "£600m", "$5.2 trillion"), minor units ("50p", "$20.50"), ranges
 * ("$10-$20", "$10-20m") and rates ("$20/mo"). */
#include <string.h>

#include "normalize_internal.h"

typedef struct currency {
    const char *written;      /* before the number, e.g. "US$"; NULL for suffix-only */
    const char *one, *many;   /* "dollar", "dollars" */
    const char *minor_one, *minor_many; /* "cent", "cents"; NULL when not spoken */
    bool code;                /* letters: needs a token end or a space after it */
} currency;

static const currency currencies[] = {
    {"US$", "US dollar", "US dollars", "cent", "cents", false},
    {"A$", "Australian dollar", "Australian dollars", "cent", "cents", false},
    {"AU$", "Australian dollar", "Australian dollars", "cent", "cents", false},
    {"C$", "Canadian dollar", "Canadian dollars", "cent", "cents", false},
    {"CA$", "Canadian dollar", "Canadian dollars", "cent", "cents", false},
    {"NZ$", "New Zealand dollar", "New Zealand dollars", "cent", "cents", false},
    {"HK$", "Hong Kong dollar", "Hong Kong dollars", "cent", "cents", false},
    {"S$", "Singapore dollar", "Singapore dollars", "cent", "cents", false},
    {"R$", "real", "reais", "centavo", "centavos", false},
    {"$", "dollar", "dollars", "cent", "cents", false},
    {"\xC2\xA3", "pound", "pounds", "penny", "pence", false},            /* £ */
    {"\xE2\x82\xAC", "euro", "euros", "cent", "cents", false},           /* € */
    {"\xC2\xA5", "yen", "yen", NULL, NULL, false},                       /* ¥ */
    {"\xE2\x82\xB9", "rupee", "rupees", "paisa", "paise", false},        /* ₹ */
    {"\xE2\x82\xA9", "won", "won", NULL, NULL, false},                   /* ₩ */
    {"\xE2\x82\xBD", "rouble", "roubles", "kopek", "kopeks", false},     /* ₽ */
    {"\xE2\x82\xBA", "lira", "lira", "kurus", "kurus", false},           /* ₺ */
    {"\xE2\x82\xA6", "naira", "naira", "kobo", "kobo", false},           /* ₦ */
    {"Rs.", "rupee", "rupees", "paisa", "paise", false},
    {"Rs", "rupee", "rupees", "paisa", "paise", true},
    {"USD", "US dollar", "US dollars", "cent", "cents", true},
    {"GBP", "pound", "pounds", "penny", "pence", true},
    {"EUR", "euro", "euros", "cent", "cents", true},
    {"JPY", "yen", "yen", NULL, NULL, true},
    {"CNY", "yuan", "yuan", NULL, NULL, true},
    {"RMB", "yuan", "yuan", NULL, NULL, true},
    {"INR", "rupee", "rupees", "paisa", "paise", true},
    {"CHF", "Swiss franc", "Swiss francs", "centime", "centimes", true},
    {"AUD", "Australian dollar", "Australian dollars", "cent", "cents", true},
    {"CAD", "Canadian dollar", "Canadian dollars", "cent", "cents", true},
};

/* The currency written at `pos`; returns its end and index, or 0. */
static size_t currency_at(const bci_tn *t, size_t pos, size_t *index)
{
    unsigned c = bci_tn_at(t, pos);
    if (!(c == '$' || c >= 0x80 || (c >= 'A' && c <= 'Z')))
        return 0;
    for (size_t i = 0; i < BCI_ARRAY_LEN(currencies); i++) {
        const char *w = currencies[i].written;
        if ((unsigned char)w[0] != c)
            continue;
        size_t n = strlen(w);
        if (n > t->length - pos || memcmp(t->text + pos, w, n) != 0)
            continue;
        size_t end = pos + n;
        if (currencies[i].code) {
            /* "USD 5", "USD5" but not "USDA" */
            if (bci_tn_alpha(t, end))
                continue;
            end = bci_tn_space(t, end);
        }
        *index = i;
        return end;
    }
    return 0;
}

size_t bci_tn_scale(const bci_tn *t, size_t pos, bool money, const char **word)
{
    static const struct {
        const char *written, *word;
        bool money_only; /* too ambiguous without a currency */
        bool case_sensitive;
    } scales[] = {
        {"thousand", "thousand", true, false}, {"million", "million", true, false},
        {"billion", "billion", true, false},   {"trillion", "trillion", true, false},
        {"bn", "billion", false, false},       {"bln", "billion", true, false},
        {"tn", "trillion", false, false},      {"trn", "trillion", false, false},
        {"mn", "million", false, false},       {"mln", "million", true, false},
        {"m", "million", false, true},         {"M", "million", true, true},
        {"b", "billion", true, true},          {"B", "billion", true, true},
        {"T", "trillion", true, true},         {"k", "thousand", true, true},
        {"K", "thousand", true, true},
    };
    size_t at = pos;
    if (money && bci_tn_is_space(t, at))
        at = bci_tn_space(t, at);
    else if (!money && !bci_tn_alpha(t, at))
        return 0;
    for (size_t i = 0; i < BCI_ARRAY_LEN(scales); i++) {
        if (scales[i].money_only && !money)
            continue;
        size_t end = scales[i].case_sensitive ? bci_tn_word_cs(t, at, scales[i].written)
                                              : bci_tn_word_ci(t, at, scales[i].written);
        if (!end)
            continue;
        *word = scales[i].word;
        return end;
    }
    return 0;
}

/* Says an amount without a scale word: "twenty dollars fifty cents", "two
 * cents", "one point one one one pounds". */
static void say_amount(bci_tn *t, const currency *cur, const bci_tn_number *n)
{
    size_t decimals = n->frac_end - n->frac_start;
    bool huge = n->int_digits > BCI_TN_MAX_PLAIN_DIGITS && !n->grouped;
    if (n->negative)
        bci_tn_say(t, "minus");
    bci_tn_number whole = *n;
    whole.negative = false;
    if (decimals == 0 || huge) {
        bci_tn_number_words(t, &whole);
        bci_tn_say(t, n->value == 1 && decimals == 0 ? cur->one : cur->many);
        return;
    }
    unsigned minor = (unsigned)(t->text[n->frac_start] - '0') * 10;
    if (decimals == 2)
        minor += (unsigned)(t->text[n->frac_start + 1] - '0');
    if (decimals > 2 || !cur->minor_one) {
        bci_tn_number_words(t, &whole);
        bci_tn_say(t, cur->many);
        return;
    }
    if (n->value > 0 || minor == 0) {
        whole.frac_start = whole.frac_end = 0;
        bci_tn_number_words(t, &whole);
        if (whole.int_digits == 0)
            bci_tn_say(t, "zero");
        bci_tn_say(t, n->value == 1 ? cur->one : cur->many);
    }
    if (minor) {
        if (n->value > 0)
            bci_tn_say(t, "and");
        bci_tn_cardinal_value(t, minor);
        bci_tn_say(t, minor == 1 ? cur->minor_one : cur->minor_many);
    }
}

/* A number and an optional scale word after a currency at `pos`. */
static size_t amount_at(const bci_tn *t, size_t pos, bci_tn_number *n, const char **scale)
{
    *scale = NULL;
    if (!bci_tn_scan_number(t, pos, false, true, n))
        return 0;
    size_t end = bci_tn_scale(t, n->end, true, scale);
    if (!end) {
        end = n->end;
        *scale = NULL;
    }
    return end;
}

/* A code after the amount: "5 USD", "10m EUR". */
static size_t code_after(const bci_tn *t, size_t pos, size_t *index)
{
    size_t at = bci_tn_space(t, pos);
    if (at == pos)
        return 0;
    size_t end = currency_at(t, at, index);
    if (!end || !currencies[*index].code || currencies[*index].written[0] == 'R')
        return 0;
    while (end > at && bci_tn_is_space(t, end - 1))
        end--;
    return end;
}

/* Pence and cents written after the number: "50p", "99c", "5¢". */
static size_t minor_suffix(bci_tn *t, size_t pos)
{
    bci_tn_number n;
    if (!bci_tn_scan_number(t, pos, true, true, &n) || n.int_digits > 6)
        return 0;
    size_t end = 0;
    const char *one = NULL, *many = NULL;
    if ((end = bci_tn_word_cs(t, n.end, "p")) && bci_tn_at(t, end) != '.') {
        one = "penny";
        many = "pence";
    } else if ((end = bci_tn_word_cs(t, n.end, "c"))) {
        one = "cent";
        many = "cents";
    } else if (n.end + 2 <= t->length && memcmp(t->text + n.end, "\xC2\xA2", 2) == 0) {
        end = n.end + 2; /* ¢ */
        one = "cent";
        many = "cents";
    } else {
        return 0;
    }
    bci_tn_number_words(t, &n);
    bci_tn_say(t, n.value == 1 && n.frac_end == n.frac_start ? one : many);
    return end;
}

size_t bci_tn_money(bci_tn *t, size_t pos)
{
    size_t mark = bci_tn_mark(t);
    size_t at = pos;
    bool negative = false;
    if ((bci_tn_at(t, at) == '-' || bci_tn_at(t, at) == '+') && !bci_tn_digit(t, at + 1)) {
        negative = bci_tn_at(t, at) == '-';
        at++;
    }
    size_t index;
    size_t end = currency_at(t, at, &index);
    bci_tn_number n;
    const char *scale = NULL;
    if (!end) {
        if (at != pos)
            return 0;
        if (!bci_tn_digit(t, pos) && !(bci_tn_at(t, pos) == '-' && bci_tn_digit(t, pos + 1)))
            return 0;
        end = minor_suffix(t, pos);
        if (end)
            return end;
        /* "5 USD", "4m EUR" */
        size_t amount_end = amount_at(t, pos, &n, &scale);
        if (!amount_end || n.negative)
            return 0;
        end = code_after(t, amount_end, &index);
        if (!end)
            return 0;
    } else {
        size_t amount_end = amount_at(t, end, &n, &scale);
        if (!amount_end)
            return 0;
        end = amount_end;
    }
    const currency *cur = &currencies[index];
    /* "a $5bn deal": "a five billion dollar deal" */
    size_t full_end = end;
    if (bci_tn_at(t, full_end) == '/' || bci_tn_dash(t, full_end))
        full_end = 0;
    bool attributive = full_end && (scale || n.frac_end == n.frac_start) && !negative &&
                       bci_tn_attributive(t, pos, full_end);
    if (attributive) {
        bci_tn_number_words(t, &n);
        if (scale)
            bci_tn_say(t, scale);
        bci_tn_say(t, cur->one);
        return end;
    }
    if (negative)
        bci_tn_say(t, "minus");

    /* a range: "$10-$20", "$10-20m", "£5m–£10m" */
    size_t dash = bci_tn_dash(t, end);
    bci_tn_number second;
    const char *second_scale = NULL;
    size_t second_index = index;
    size_t second_end = 0;
    bool second_currency = false;
    if (dash && bci_tn_ends(t, end)) {
        size_t cur_end = currency_at(t, dash, &second_index);
        second_currency = cur_end && second_index == index;
        second_end = amount_at(t, second_currency ? cur_end : dash, &second, &second_scale);
        if (second_end && (second.negative || !bci_tn_ends(t, second_end)))
            second_end = 0;
    }
    if (second_end && !second_currency && !scale && second_scale) {
        /* "$10-20m": the scale and the currency are said once, at the end */
        bci_tn_number_words(t, &n);
        bci_tn_say(t, "to");
        bci_tn_number_words(t, &second);
        bci_tn_say(t, second_scale);
        bci_tn_say(t, cur->many);
        end = second_end;
    } else if (second_end && !second_currency && !second_scale && !scale) {
        /* "$10-20" */
        bci_tn_number_words(t, &n);
        bci_tn_say(t, "to");
        say_amount(t, cur, &second);
        end = second_end;
    } else {
        if (scale) {
            n.negative = false;
            bci_tn_number_words(t, &n);
            bci_tn_say(t, scale);
            bci_tn_say(t, cur->many);
        } else {
            say_amount(t, cur, &n);
        }
        if (second_end) {
            bci_tn_say(t, "to");
            if (second_scale) {
                bci_tn_number_words(t, &second);
                bci_tn_say(t, second_scale);
                bci_tn_say(t, cur->many);
            } else {
                say_amount(t, cur, &second);
            }
            end = second_end;
        }
    }
    /* a rate: "$20/mo", "£10/wk" */
    if (bci_tn_at(t, end) == '/') {
        size_t per = bci_tn_per_unit(t, end);
        if (per)
            end = per;
    }
    if (bci_tn_digit(t, end)) {
        bci_tn_undo(t, mark);
        return 0;
    }
    return end;
}
