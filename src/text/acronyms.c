/* All-capital words: initialisms spelled ("BBC", "IMF"), acronyms said as
 * words ("NATO" as "Nato"), and Roman numerals in names and titles
 * ("Charles III" the Third, "World War II" two). */
#include <string.h>

#include "normalize_internal.h"

/* Longest word looked up; longer ones are copied as they are. */

/* ---- acronyms -------------------------------------------------------------- */

/* All-capital words said as words, whatever their letters suggest. */
static const char *const word_acronyms[] = {
    "NATO", "NASA", "UNESCO", "UNICEF", "OFSTED", "OFCOM", "OFGEM", "OFWAT", "AIDS", "OPEC",
    "FIFA", "UEFA", "ISIS", "SARS", "MERS", "COVID", "ASEAN", "ACAS", "NIMBY", "LIBOR", "UKIP",
    "NAFTA", "BAFTA", "NOAA", "IKEA", "LEGO", "TESCO", "ASDA", "QANTAS", "NASDAQ", "INTERPOL",
    "EUROPOL", "FRONTEX", "OXFAM", "SWAT", "LASER", "RADAR", "SCUBA", "GIF", "JPEG", "PIN",
    "RAM", "ROM", "SIM", "LAN", "SAG", "MERCOSUR", "ECOWAS", "NAFTA", "SALT", "START",
};

/* All-capital words spelled letter by letter, though they look sayable. */
static const char *const initialisms[] = {
    "CIA", "CEO", "USA", "GOP", "DUP", "TUC", "WHO", "VAT", "MEP", "IPO", "IRA", "EPA", "IOC",
    "ONS", "OBE", "UFO", "SUV", "ICU", "RAF", "API", "ETA", "AIG", "AOL", "HIV", "EDF", "SEC",
    "LED", "MIT", "SEO", "ICE", "NEC", "FAA", "CAA", "OAP", "ITA", "IED", "ISA", "UPS", "MOT",
    "ATP", "WTA", "NUS", "NUT", "PIP", "AGM", "UNHCR", "ANC", "AMA", "ABA", "EST", "EET",
    "IST", "JST", "MST", "PST", "CST", "AEST", "CEST", "SGT",
};

static bool vowel(char c, bool first)
{
    return strchr("AEIOU", c) != NULL || (c == 'Y' && !first);
}

/* Y between vowels is a consonant: "SAYED", "MAYOR" */
static bool vowel_at(const char *w, size_t n, size_t i)
{
    if (w[i] == 'Y' && ((i > 0 && strchr("AEIOU", w[i - 1])) ||
                        (i + 1 < n && strchr("AEIOU", w[i + 1]))))
        return false;
    return vowel(w[i], i == 0);
}

/* True when an all-capital word reads as a word: an English-like onset, at
 * most two vowels or two consonants in a row inside, an English-like coda. */
static bool sayable(const char *w, size_t n)
{
    static const char *const onsets[] = {
        "BL", "BR", "CH", "CL", "CR", "DR", "FL", "FR", "GL", "GR", "PH", "PL", "PR", "SC", "SH",
        "SK", "SL", "SM", "SN", "SP", "ST", "SW", "TH", "TR", "TW", "WH", "WR", "SCR", "SPR",
        "STR", "SPL", "QU", "SQU", "KN",
    };
    static const char *const codas[] = {
        "CK", "CT", "FT", "LD", "LF", "LK", "LL", "LM", "LP", "LT", "MP", "ND", "NG", "NK",
        "NT", "PT", "RB", "RD", "RK", "RL", "RM", "RN", "RP", "RS", "RT", "SH", "SK", "SP",
        "SS", "ST", "TH", "CH", "NS", "DS", "TS", "PS", "KS", "MS", "LS", "GS", "RF", "NCH",
    };
    /* three capitals are nearly always spelled (FAO, ILO, ING); the word
     * list has the exceptions */
    if (n < 4)
        return false;
    /* six or more with a vowel are words in capitals: "WASHINGTON" */
    if (n >= 6) {
        for (size_t i = 0; i < n; i++)
            if (vowel_at(w, n, i))
                return true;
        return false;
    }
    size_t i = 0;
    while (i < n && !vowel_at(w, n, i))
        i++;
    if (i == n)
        return false;
    if (i > 1) {
        char onset[4] = {0};
        if (i > 3)
            return false;
        memcpy(onset, w, i);
        if (!bci_tn_listed(onset, onsets, BCI_ARRAY_LEN(onsets)))
            return false;
    }
    size_t run_vowels = 0, run_consonants = 0, last_consonants = 0;
    for (; i < n; i++) {
        if (w[i] == 'Q' && (i + 1 == n || w[i + 1] != 'U'))
            return false;
        if (vowel_at(w, n, i)) {
            run_consonants = 0;
            if (++run_vowels > 2 || (run_vowels == 2 && w[i] == w[i - 1] && w[i] != 'E' &&
                                     w[i] != 'O'))
                return false;
        } else {
            run_vowels = 0;
            if (++run_consonants > 2 && i + 1 < n)
                return false;
            /* a pair of consonants inside must be one English has: "ST", "ND" */
            if (run_consonants == 2 && i + 1 < n && !vowel_at(w, n, i + 1))
                return false;
            if (run_consonants == 2 && i + 1 < n) {
                char pair[3] = {w[i - 1], w[i], 0};
                if (!bci_tn_listed(pair, onsets, BCI_ARRAY_LEN(onsets)) &&
                    !bci_tn_listed(pair, codas, BCI_ARRAY_LEN(codas)))
                    return false;
            }
        }
        last_consonants = run_consonants;
    }
    if (last_consonants >= 2) {
        char coda[4] = {0};
        if (last_consonants > 3)
            return false;
        memcpy(coda, w + n - last_consonants, last_consonants);
        return bci_tn_listed(coda, codas, BCI_ARRAY_LEN(codas));
    }
    return true;
}

void bci_tn_acronym(bci_tn *t, const char *letters, size_t length)
{
    char word[BCI_TN_MAX_WORD + 1];
    if (length == 0 || length > BCI_TN_MAX_WORD) {
        bci_tn_say_n(t, letters, length);
        return;
    }
    memcpy(word, letters, length);
    word[length] = '\0';
    if (strcmp(word, "FTSE") == 0) {
        bci_tn_say(t, "Footsie"); /* the index's own name */
        return;
    }
    bool spell = bci_tn_listed(word, initialisms, BCI_ARRAY_LEN(initialisms));
    bool say = !spell && (bci_tn_listed(word, word_acronyms, BCI_ARRAY_LEN(word_acronyms)) ||
                          sayable(word, length));
    /* a shouted headline: its capitals are words unless they have no vowel */
    if (t->shouting && !spell)
        say = strpbrk(word, "AEIOUY") != NULL;
    if (say) {
        /* "Nato": capital then small letters, so the synthesizer says a word */
        for (size_t i = 1; i < length; i++)
            word[i] = (char)(word[i] | 0x20);
        bci_tn_say(t, word);
        return;
    }
    /* "I.M.F": dots between the letters make the synthesizer spell them,
     * and no final dot means no sentence break */
    char dotted[2 * BCI_TN_MAX_WORD];
    size_t n = 0;
    for (size_t i = 0; i < length; i++) {
        if (i)
            dotted[n++] = '.';
        dotted[n++] = word[i];
    }
    bci_tn_say_n(t, dotted, n);
}

/* ---- context --------------------------------------------------------------- */

/* True when the word in [start, end) is in `list`, or is one of its words
 * in capitals ("PART"). */
static bool word_is(const bci_tn *t, size_t start, size_t end, const char *const *list,
                    size_t count)
{
    char word[BCI_TN_MAX_WORD + 1];
    if (end - start > BCI_TN_MAX_WORD || end == start)
        return false;
    memcpy(word, t->text + start, end - start);
    word[end - start] = '\0';
    if (bci_tn_listed(word, list, count))
        return true;
    for (size_t i = 1; i < end - start; i++)
        word[i] = (char)(word[i] | 0x20);
    return bci_tn_listed(word, list, count);
}

/* ---- Roman numerals -------------------------------------------------------- */

/* The value of a Roman numeral in canonical form (1-3999), or 0. */
static unsigned roman_value(const char *w, size_t n)
{
    static const struct {
        const char *symbol;
        unsigned value;
    } parts[] = {
        {"M", 1000}, {"CM", 900}, {"D", 500}, {"CD", 400}, {"C", 100}, {"XC", 90}, {"L", 50},
        {"XL", 40}, {"X", 10}, {"IX", 9}, {"V", 5}, {"IV", 4}, {"I", 1},
    };
    unsigned value = 0;
    size_t at = 0;
    for (size_t i = 0; i < BCI_ARRAY_LEN(parts) && at < n; i++) {
        size_t len = strlen(parts[i].symbol);
        /* at most three of M, C, X, I; one of the others */
        int repeats = len == 1 && strchr("MCXI", parts[i].symbol[0]) ? 3 : 1;
        while (repeats-- > 0 && at + len <= n && memcmp(w + at, parts[i].symbol, len) == 0) {
            value += parts[i].value;
            at += len;
        }
    }
    return at == n ? value : 0;
}

bool bci_tn_roman(bci_tn *t, size_t pos, const char *w, size_t n)
{
    static const char *const rulers[] = {
        "King", "Queen", "Pope", "Emperor", "Empress", "Tsar", "Czar", "Prince", "Princess",
        "Duke", "Sultan", "Pharaoh", "Kaiser",
    };
    static const char *const regnal_names[] = {
        "Charles", "Elizabeth", "Henry", "Edward", "George", "William", "James", "Richard",
        "John", "Louis", "Benedict", "Pius", "Leo", "Gregory", "Mary", "Philip", "Frederick",
        "Alexander", "Nicholas", "Peter", "Catherine", "Ferdinand", "Carlos", "Felipe",
        "Napoleon", "Ramses", "Paul", "Innocent", "Clement", "Urban", "Boniface", "Alfonso",
        "Harald", "Olav", "Haakon", "Gustaf", "Willem", "Albert", "Rainier", "Abdullah",
        "Hussein", "Constantine", "Wilhelm", "Francis", "David", "Robert", "Stephen",
    };
    static const char *const series[] = {
        "War", "Bowl", "Chapter", "Part", "Act", "Volume", "Vol", "Phase", "Book", "Section",
        "Article", "Title", "Schedule", "Class", "Type", "Mark", "Mk", "Series", "Season",
        "Episode", "Apollo", "Vatican", "Stage", "Grade", "Category", "Level", "Tier", "Psalm",
        "Gemini", "Rocky", "Fantasy", "Trek", "Wars",
    };
    unsigned value = roman_value(w, n);
    if (!value)
        return false;
    size_t s1, e1, s2, e2;
    if (!bci_tn_word_before(t, pos, &s1, &e1) || !bci_tn_upper(t, s1))
        return false;
    if (word_is(t, s1, e1, series, BCI_ARRAY_LEN(series))) {
        if (n == 1 && w[0] != 'V' && w[0] != 'X')
            return false;
        bci_tn_cardinal_value(t, value);
        return true;
    }
    bool regnal = word_is(t, s1, e1, regnal_names, BCI_ARRAY_LEN(regnal_names)) ||
                  (bci_tn_word_before(t, s1, &s2, &e2) &&
                   word_is(t, s2, e2, rulers, BCI_ARRAY_LEN(rulers)));
    /* "John Smith III": a full name and a common suffix */
    bool suffix = n >= 2 && n <= 3 && value >= 2 && value <= 4 &&
                  bci_tn_word_before(t, s1, &s2, &e2) && bci_tn_upper(t, s2);
    if (!regnal && !suffix)
        return false;
    if (n == 1 && !regnal)
        return false;
    bci_tn_say(t, "the");
    size_t mark = bci_tn_mark(t);
    bci_tn_ordinal_value(t, value, false);
    /* "the Third", capitalised like the name it belongs to */
    if (t->out.length > mark + 1) {
        char *first = t->out.data + mark + (t->out.data[mark] == ' ');
        if (*first >= 'a' && *first <= 'z')
            *first = (char)(*first - 32);
    }
    return true;
}
