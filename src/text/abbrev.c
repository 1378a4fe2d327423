/* Words: abbreviations ("Mr", "Dr" doctor or drive, "St" saint or street,
 * "No. 10", "e.g.", "vs"), dotted initialisms ("U.S.", "a.m."), and the
 * dispatch of all-capital words to acronyms and Roman numerals. */
#include <string.h>

#include "normalize_internal.h"

typedef enum kind {
    ANYWHERE, /* "vs", "etc", "Ltd" */
    TITLE,    /* before a capitalised name: "Dr Smith", "St Paul's" */
    PLACE,    /* after a capitalised name: "Baker St", "Mulholland Dr" */
} kind;

typedef struct abbreviation {
    const char *written, *said;
    kind kind;
} abbreviation;

static const abbreviation abbreviations[] = {
    {"Mr", "Mister", TITLE}, {"Mrs", "Missus", TITLE}, {"Ms", "Miz", TITLE},
    {"Dr", "Doctor", TITLE}, {"Prof", "Professor", TITLE}, {"Gov", "Governor", TITLE},
    {"Sen", "Senator", TITLE}, {"Rep", "Representative", TITLE}, {"Gen", "General", TITLE},
    {"Col", "Colonel", TITLE}, {"Lt", "Lieutenant", TITLE}, {"Capt", "Captain", TITLE},
    {"Sgt", "Sergeant", TITLE}, {"Cpl", "Corporal", TITLE}, {"Pte", "Private", TITLE},
    {"Rev", "Reverend", TITLE}, {"Supt", "Superintendent", TITLE},
    {"Insp", "Inspector", TITLE}, {"Det", "Detective", TITLE}, {"Cllr", "Councillor", TITLE},
    {"Hon", "Honourable", TITLE}, {"Adm", "Admiral", TITLE}, {"Maj", "Major", TITLE},
    {"Brig", "Brigadier", TITLE}, {"Pres", "President", TITLE}, {"Mt", "Mount", TITLE},
    {"Ft", "Fort", TITLE}, {"St", "Saint", TITLE},
    {"St", "Street", PLACE}, {"Dr", "Drive", PLACE}, {"Rd", "Road", PLACE},
    {"Ave", "Avenue", PLACE}, {"Blvd", "Boulevard", PLACE}, {"Ln", "Lane", PLACE},
    {"Sq", "Square", PLACE}, {"Hwy", "Highway", PLACE}, {"Expy", "Expressway", PLACE},
    {"Pkwy", "Parkway", PLACE}, {"Cres", "Crescent", PLACE},
    {"vs", "versus", ANYWHERE}, {"etc", "et cetera", ANYWHERE},
    {"approx", "approximately", ANYWHERE}, {"Ltd", "Limited", ANYWHERE},
    {"Inc", "Incorporated", ANYWHERE}, {"Corp", "Corporation", ANYWHERE},
    {"Bros", "Brothers", ANYWHERE}, {"Jr", "Junior", ANYWHERE}, {"Sr", "Senior", ANYWHERE},
    {"Dept", "Department", ANYWHERE}, {"Govt", "Government", ANYWHERE},
    {"Intl", "International", ANYWHERE}, {"aka", "also known as", ANYWHERE},
};

/* True when the text after `pos` starts a new sentence: the end, a line
 * break, or a space and a capitalised word that usually opens one. */
static bool sentence_ends(const bci_tn *t, size_t pos)
{
    static const char *const openers[] = {
        "The", "A", "An", "It", "He", "She", "They", "We", "I", "But", "And", "In", "On", "At",
        "This", "That", "These", "Those", "There", "His", "Her", "Its", "Their", "Our", "So",
        "However", "Meanwhile", "If", "When", "As", "Some", "Many", "Officials", "Police",
    };
    if (pos >= t->length || t->text[pos] == '\n' || t->text[pos] == '\r')
        return true;
    if (t->text[pos] != ' ')
        return false;
    char word[BCI_TN_MAX_WORD + 1];
    bci_tn_ascii_word(t, pos + 1, word, sizeof word);
    return bci_tn_listed(word, openers, BCI_ARRAY_LEN(openers));
}

/* True when a capitalised word stands before `pos` in mid-sentence. */
static bool name_before(const bci_tn *t, size_t pos)
{
    size_t start, end;
    if (!bci_tn_word_before(t, pos, &start, &end) || !bci_tn_upper(t, start))
        return false;
    size_t at = start;
    while (at > 0 && t->text[at - 1] == ' ')
        at--;
    return at > 0 && !strchr(".!?\"\n(", t->text[at - 1]);
}

/* True when the word before `pos` is capitalised, even at a sentence start. */
static bool capital_before(const bci_tn *t, size_t pos)
{
    size_t start, end;
    return bci_tn_word_before(t, pos, &start, &end) && bci_tn_upper(t, start);
}

/* Expands an abbreviation at [pos, end); returns the end of what was
 * read (its dot included when that is not also a sentence stop), or 0. */
static size_t abbreviation_at(bci_tn *t, size_t pos, size_t end, const char *word)
{
    const abbreviation *title = NULL, *place = NULL, *anywhere = NULL;
    for (size_t i = 0; i < BCI_ARRAY_LEN(abbreviations); i++) {
        const abbreviation *a = &abbreviations[i];
        if ((word[0] | 0x20) != (a->written[0] | 0x20))
            continue;
        bool same = strcmp(word, a->written) == 0 ||
                    (a->kind == ANYWHERE && (word[0] | 0x20) == (a->written[0] | 0x20) &&
                     strcmp(word + 1, a->written + 1) == 0);
        if (!same)
            continue;
        if (a->kind == TITLE)
            title = a;
        else if (a->kind == PLACE)
            place = a;
        else
            anywhere = a;
    }
    if (!title && !place && !anywhere)
        return 0;
    bool dot = bci_tn_at(t, end) == '.';
    size_t after = end + dot;
    size_t next = bci_tn_space(t, after);
    bool name_after = next > after && bci_tn_upper(t, next);
    bool name_prior = name_before(t, pos);
    const abbreviation *chosen = anywhere;
    /* "Mr", "Mrs", "Ms" are titles wherever they stand: "Mr. and Mrs. Smith" */
    bool always_title = title && (strcmp(word, "Mr") == 0 || strcmp(word, "Mrs") == 0 ||
                                  strcmp(word, "Ms") == 0);
    if (always_title)
        chosen = title;
    else if (place && name_prior)
        chosen = place;
    else if (title && name_after)
        chosen = title;
    else if (place && capital_before(t, pos))
        chosen = place;
    if (!chosen)
        return 0;
    /* "Gen Z" is a generation, not a general */
    if (chosen->kind == TITLE && strcmp(chosen->written, "Gen") == 0 && next > after &&
        !bci_tn_alpha(t, next + 1))
        return 0;
    bci_tn_say(t, chosen->said);
    if (!dot)
        return end;
    /* a title's dot never ends the sentence; the others keep theirs when it does */
    return chosen->kind == TITLE || !sentence_ends(t, after) ? after : end;
}

/* "U.S.", "F.B.I.", "e.g.", "a.m.": single letters joined by dots. */
static size_t dotted(bci_tn *t, size_t pos)
{
    char letters[BCI_TN_MAX_WORD + 1];
    size_t n = 0, at = pos;
    while (bci_tn_alpha(t, at) && !bci_tn_alpha(t, at + 1) && bci_tn_at(t, at + 1) == '.' &&
           n < BCI_TN_MAX_WORD) {
        letters[n++] = (char)bci_tn_at(t, at);
        at += 2;
    }
    /* "U.S" without the last dot */
    if (n >= 1 && bci_tn_alpha(t, at) && bci_tn_ends(t, at + 1) && n < BCI_TN_MAX_WORD) {
        letters[n++] = (char)bci_tn_at(t, at);
        at++;
    }
    letters[n] = '\0';
    if (n < 2 || !bci_tn_ends(t, at))
        return 0;
    bool final_dot = t->text[at - 1] == '.';
    if (strcmp(letters, "eg") == 0 || strcmp(letters, "ie") == 0) {
        bci_tn_say(t, letters[0] == 'e' ? "for example" : "that is");
        return at;
    }
    bool upper = true;
    for (size_t i = 0; i < n; i++)
        upper = upper && letters[i] >= 'A' && letters[i] <= 'Z';
    if (!upper && strcmp(letters, "am") != 0 && strcmp(letters, "pm") != 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        letters[i] = (char)(letters[i] & ~0x20);
    bci_tn_acronym(t, letters, n);
    /* keep the last dot when it also ends the sentence */
    return final_dot && sentence_ends(t, at) ? at - 1 : at;
}

/* "No. 10", "no 5": number before a figure. */
static size_t number_sign(bci_tn *t, size_t end, const char *word)
{
    if (strcmp(word, "No") != 0 && strcmp(word, "no") != 0 && strcmp(word, "Nos") != 0)
        return 0;
    size_t at = end + (bci_tn_at(t, end) == '.');
    size_t next = bci_tn_space(t, at);
    if (!bci_tn_digit(t, next) || (next == at && at == end))
        return 0;
    bci_tn_say(t, word[0] == 'N' ? (word[2] ? "Numbers" : "Number") : "number");
    return at;
}

/* True when a word of at least four capitals stands just before or after
 * [pos, end), as in a headline or a dateline. */
static bool beside_capitals(const bci_tn *t, size_t pos, size_t end)
{
    size_t start, word_end;
    if (bci_tn_word_before(t, pos, &start, &word_end) && word_end - start >= 4) {
        bool upper = true;
        for (size_t i = start; i < word_end && upper; i++)
            upper = bci_tn_upper(t, i);
        if (upper)
            return true;
    }
    size_t next = bci_tn_space(t, end), at = next;
    while (bci_tn_upper(t, at) && at - next < BCI_TN_MAX_WORD)
        at++;
    return next > end && at - next >= 4 && bci_tn_ends(t, at);
}

/* "England v France": "v" between two names is "versus". */
static size_t versus(bci_tn *t, size_t pos, size_t end)
{
    size_t after = end + (bci_tn_at(t, end) == '.');
    size_t next = bci_tn_space(t, after);
    size_t start, word_end;
    if (next == after || !bci_tn_upper(t, next) || !bci_tn_word_before(t, pos, &start, &word_end) ||
        !bci_tn_upper(t, start))
        return 0;
    bci_tn_say(t, "versus");
    return after;
}

size_t bci_tn_word(bci_tn *t, size_t pos)
{
    size_t end = pos;
    bool ascii = true;
    while (end < t->length) {
        if (bci_tn_alpha(t, end)) {
            end++;
            continue;
        }
        if (bci_tn_at(t, end) < 0x80 || bci_tn_ends(t, end))
            break;
        int32_t cp;
        end += bci_utf8_decode(t->text + end, t->length - end, &cp);
        ascii = false;
    }
    if (end == pos)
        end = pos + 1;
    /* a word glued to a number ("5x", "4G") is a word of its own */
    bool glued = pos > 0 && bci_tn_digit(t, pos - 1);
    size_t length = end - pos;
    if (!ascii || length > BCI_TN_MAX_WORD) {
        if (glued)
            bci_tn_say_n(t, t->text + pos, length);
        else
            bci_tn_raw(t, t->text + pos, length);
        return end;
    }
    char word[BCI_TN_MAX_WORD + 1];
    memcpy(word, t->text + pos, length);
    word[length] = '\0';
    size_t done;
    if (length == 1 && bci_tn_at(t, end) == '.' && (done = dotted(t, pos)))
        return done;
    if (length == 1 && word[0] == 'v' && (done = versus(t, pos, end)))
        return done;
    if (length >= 2 && length <= 6 && (done = abbreviation_at(t, pos, end, word)))
        return done;
    if (length >= 2 && length <= 3 && (done = number_sign(t, end, word)))
        return done;
    bool capitals = length >= 2;
    for (size_t i = 0; i < length && capitals; i++)
        capitals = word[i] >= 'A' && word[i] <= 'Z';
    if (capitals || (length == 1 && (word[0] == 'V' || word[0] == 'X'))) {
        if (strspn(word, "IVXLCDM") == length && bci_tn_roman(t, pos, word, length))
            return end;
    }
    static const char *const shouted_words[] = {
        "OK", "NO", "SO", "GO", "WE", "HE", "ME", "MY", "BY", "TO", "IN", "ON", "OF", "OR",
        "IF", "IS", "AN", "AS", "BE", "DO", "UP", "OH", "HI",
    };
    if (capitals && length == 2)
        capitals = !bci_tn_listed(word, shouted_words, BCI_ARRAY_LEN(shouted_words));
    if (capitals && length == 3 && beside_capitals(t, pos, end)) {
        /* "NEW YORK", "LOS ANGELES": a dateline in capitals */
        static const char *const words[] = {
            "NEW", "THE", "AND", "FOR", "BUT", "NOT", "ALL", "OUT", "WAR", "MAN", "MEN", "WIN",
            "WON", "BIG", "TOP", "SAY", "NOW", "OLD", "ONE", "TWO", "SIX", "TEN", "OFF", "HOW",
            "WHY", "CAN", "GET", "GOT", "HAS", "HAD", "WAS", "ARE", "HIS", "HER", "SHE", "YOU",
            "OUR", "LOS", "LAS", "SAN", "DEL", "DAY", "END", "LAW", "TAX", "JOB", "CUT", "HIT",
            "SET", "RUN", "LOW", "AIR", "SEA", "OIL", "GAS", "CAR", "BAN", "BID", "ACT", "AGE",
            "RED", "WAY", "YES", "SUN", "KEY", "ITS", "BAY",
        };
        if (bci_tn_listed(word, words, BCI_ARRAY_LEN(words))) {
            for (size_t k = 1; k < length; k++)
                word[k] = (char)(word[k] | 0x20);
            capitals = false;
        }
    }
    if (capitals) {
        bci_tn_acronym(t, word, length);
        return end;
    }
    if (glued)
        bci_tn_say_n(t, word, length);
    else
        bci_tn_raw(t, word, length);
    return end;
}
