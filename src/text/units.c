/* Measures: the unit after a number ("10km", "5 kg", "30C", "2.5 sq km",
 * "100 km/h") and rates after a slash ("/kg", "/month"). British spelling
 * for en-GB ("kilometres", "litres"), American for en-US. */
#include <string.h>

#include "normalize_internal.h"

typedef struct unit {
    const char *written;
    const char *one, *many; /* British spelling */
    bool case_sensitive;
    bool attached_only; /* only straight after the number: "30C", "5t", "10x" */
} unit;

/* Longer forms first: "km/h" before "km". */
static const unit units[] = {
    {"km/h", "kilometre per hour", "kilometres per hour", false, false},
    {"kmh", "kilometre per hour", "kilometres per hour", false, false},
    {"kph", "kilometre per hour", "kilometres per hour", false, false},
    {"m/s", "metre per second", "metres per second", true, false},
    {"km\xC2\xB2", "square kilometre", "square kilometres", true, false},
    {"km2", "square kilometre", "square kilometres", true, false},
    {"m\xC2\xB2", "square metre", "square metres", true, false},
    {"m2", "square metre", "square metres", true, false},
    {"km\xC2\xB3", "cubic kilometre", "cubic kilometres", true, false},
    {"m\xC2\xB3", "cubic metre", "cubic metres", true, false},
    {"cm\xC2\xB3", "cubic centimetre", "cubic centimetres", true, false},
    {"sq km", "square kilometre", "square kilometres", false, false},
    {"sq m", "square metre", "square metres", false, false},
    {"sq ft", "square foot", "square feet", false, false},
    {"sq mi", "square mile", "square miles", false, false},
    {"\xC2\xB0" "C", "degree Celsius", "degrees Celsius", true, false},
    {"\xC2\xB0" "F", "degree Fahrenheit", "degrees Fahrenheit", true, false},
    {"\xC2\xBA" "C", "degree Celsius", "degrees Celsius", true, false},
    {"\xC2\xBA" "F", "degree Fahrenheit", "degrees Fahrenheit", true, false},
    {"\xC2\xB0", "degree", "degrees", true, true},
    {"C", "degree Celsius", "degrees Celsius", true, true},
    {"F", "degree Fahrenheit", "degrees Fahrenheit", true, true},
    {"km", "kilometre", "kilometres", true, false},
    {"cm", "centimetre", "centimetres", true, false},
    {"mm", "millimetre", "millimetres", true, false},
    {"\xC2\xB5m", "micrometre", "micrometres", true, false},
    {"m", "metre", "metres", true, false},
    {"mi", "mile", "miles", true, false},
    {"mph", "mile per hour", "miles per hour", false, false},
    {"ft", "foot", "feet", true, false},
    {"yd", "yard", "yards", true, false},
    {"kg", "kilogram", "kilograms", false, false},
    {"mg", "milligram", "milligrams", true, false},
    {"g", "gram", "grams", true, false},
    {"t", "tonne", "tonnes", true, true},
    {"lbs", "pound", "pounds", false, false},
    {"lb", "pound", "pounds", false, false},
    {"oz", "ounce", "ounces", true, false},
    {"st", "stone", "stone", true, true},
    {"ml", "millilitre", "millilitres", false, false},
    {"cl", "centilitre", "centilitres", true, false},
    {"l", "litre", "litres", true, false},
    {"L", "litre", "litres", true, false},
    {"ha", "hectare", "hectares", true, false},
    {"cc", "cubic centimetre", "cubic centimetres", false, false},
    {"kWh", "kilowatt hour", "kilowatt hours", true, false},
    {"MWh", "megawatt hour", "megawatt hours", true, false},
    {"GWh", "gigawatt hour", "gigawatt hours", true, false},
    {"TWh", "terawatt hour", "terawatt hours", true, false},
    {"kW", "kilowatt", "kilowatts", true, false},
    {"MW", "megawatt", "megawatts", true, false},
    {"GW", "gigawatt", "gigawatts", true, false},
    {"W", "watt", "watts", true, true},
    {"kV", "kilovolt", "kilovolts", true, false},
    {"V", "volt", "volts", true, true},
    {"mAh", "milliamp hour", "milliamp hours", true, false},
    {"kHz", "kilohertz", "kilohertz", false, false},
    {"MHz", "megahertz", "megahertz", false, false},
    {"GHz", "gigahertz", "gigahertz", false, false},
    {"Hz", "hertz", "hertz", false, false},
    {"dB", "decibel", "decibels", true, false},
    {"bhp", "brake horsepower", "brake horsepower", false, false},
    {"hp", "horsepower", "horsepower", false, false},
    {"psi", "pound per square inch", "pounds per square inch", false, false},
    {"kbps", "kilobit per second", "kilobits per second", false, false},
    {"Mbps", "megabit per second", "megabits per second", false, false},
    {"Gbps", "gigabit per second", "gigabits per second", false, false},
    {"KB", "kilobyte", "kilobytes", false, false},
    {"MB", "megabyte", "megabytes", true, false},
    {"GB", "gigabyte", "gigabytes", true, false},
    {"TB", "terabyte", "terabytes", true, false},
    {"PB", "petabyte", "petabytes", true, false},
    {"ms", "millisecond", "milliseconds", true, false},
    {"hrs", "hour", "hours", false, false},
    {"hr", "hour", "hours", false, false},
    {"h", "hour", "hours", true, true},
    {"mins", "minute", "minutes", false, false},
    {"min", "minute", "minutes", false, false},
    {"secs", "second", "seconds", false, false},
    {"sec", "second", "seconds", false, false},
    {"x", "times", "times", true, true},
};

/* Periods and quantities that rates are given per. */
static const struct {
    const char *written, *word;
} periods[] = {
    {"mo", "month"}, {"month", "month"}, {"wk", "week"}, {"week", "week"}, {"yr", "year"},
    {"year", "year"}, {"hr", "hour"}, {"hour", "hour"}, {"h", "hour"}, {"day", "day"},
    {"d", "day"}, {"night", "night"}, {"person", "person"}, {"head", "head"},
    {"share", "share"}, {"barrel", "barrel"}, {"bbl", "barrel"}, {"unit", "unit"},
    {"min", "minute"}, {"s", "second"}, {"sec", "second"}, {"mile", "mile"},
};

/* Writes a unit name, in American spelling for en-US. */
static void say_unit(bci_tn *t, const char *name)
{
    if (t->gb || (!strstr(name, "metre") && !strstr(name, "litre"))) {
        bci_tn_say(t, name);
        return;
    }
    char american[64];
    size_t n = 0;
    for (const char *p = name; *p && n + 1 < sizeof american; p++) {
        /* "metre" -> "meter", "litre" -> "liter" */
        if ((strncmp(p, "metre", 5) == 0 || strncmp(p, "litre", 5) == 0) &&
            n + 6 < sizeof american) {
            memcpy(american + n, p, 3);
            memcpy(american + n + 3, "er", 2);
            n += 5;
            p += 4;
            continue;
        }
        american[n++] = *p;
    }
    american[n] = '\0';
    bci_tn_say(t, american);
}

/* Matches the unit table at `pos`; returns the end and the entry, or 0. */
static size_t unit_at(const bci_tn *t, size_t pos, bool attached, const unit **found)
{
    for (size_t i = 0; i < BCI_ARRAY_LEN(units); i++) {
        const unit *u = &units[i];
        if (u->attached_only && !attached)
            continue;
        size_t end = u->case_sensitive ? bci_tn_word_cs(t, pos, u->written)
                                       : bci_tn_word_ci(t, pos, u->written);
        if (!end)
            continue;
        /* "5 m." at the end of a sentence is fine; "5 m.p.h." is not "5 m" */
        if (bci_tn_at(t, end) == '.' && bci_tn_alpha(t, end + 1))
            continue;
        *found = u;
        return end;
    }
    return 0;
}

size_t bci_tn_unit(bci_tn *t, size_t pos, bool one)
{
    size_t at = bci_tn_space(t, pos);
    bool attached = at == pos;
    const unit *u = NULL;
    size_t end = unit_at(t, at, attached, &u);
    if (!end) {
        /* inches: "5in", or "5 in." before a word in lower case, never "5 in 10" */
        size_t in = bci_tn_word_cs(t, at, "in");
        if (!in)
            return 0;
        if (attached)
            end = bci_tn_at(t, in) == '.' && bci_tn_at(t, in + 1) == ' ' &&
                          bci_tn_lower(t, in + 2)
                      ? in + 1
                      : in;
        else if (bci_tn_at(t, in) == '.' && bci_tn_at(t, in + 1) == ' ' &&
                 bci_tn_lower(t, in + 2))
            end = in + 1;
        else if (bci_tn_at(t, in) == '.' && in + 1 >= t->length)
            end = in;
        else
            return 0;
        bci_tn_say(t, one ? "inch" : "inches");
    } else {
        say_unit(t, one ? u->one : u->many);
        /* "5 ft. tall": the abbreviation's dot is not a sentence stop */
        if (bci_tn_at(t, end) == '.' && bci_tn_at(t, end + 1) == ' ' && bci_tn_lower(t, end + 2))
            end++;
    }
    /* "12 km/h" is one unit; "5kg/day" is a rate */
    if (bci_tn_at(t, end) == '/') {
        size_t per = bci_tn_per_unit(t, end);
        if (per)
            end = per;
    }
    return end;
}

size_t bci_tn_per_unit(bci_tn *t, size_t pos)
{
    if (bci_tn_at(t, pos) != '/')
        return 0;
    pos++;
    for (size_t i = 0; i < BCI_ARRAY_LEN(periods); i++) {
        size_t end = bci_tn_word_ci(t, pos, periods[i].written);
        if (end) {
            bci_tn_say(t, "per");
            bci_tn_say(t, periods[i].word);
            return end;
        }
    }
    const unit *u = NULL;
    size_t end = unit_at(t, pos, true, &u);
    if (!end || strcmp(u->written, "x") == 0)
        return 0;
    bci_tn_say(t, "per");
    say_unit(t, u->one);
    return end;
}
