/* The web in running text: URLs and bare domains ("bbc.co.uk/news" as
 * "B.B.C dot co dot U.K slash news"), e-mail addresses, @handles and
 * #hashtags (camel case split into words). */
#include <string.h>

#include "normalize_internal.h"

/* Longest address read as one; longer runs are left to the other rules. */
#define MAX_ADDRESS 256

static bool address_char(unsigned c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c != 0 && strchr("-._~:/?#[]@!$&'()*+,;=%", (int)c));
}

/* Says one run of letters of an address: short unsayable ones spelled. */
static void say_label(bci_tn *t, const char *s, size_t n)
{
    static const char *const words[] = {"com", "org", "net", "gov", "co", "news", "info"};
    char upper[BCI_TN_MAX_WORD + 1];
    for (size_t i = 0; i < BCI_ARRAY_LEN(words); i++)
        if (strlen(words[i]) == n && strncmp(s, words[i], n) == 0) {
            bci_tn_say_n(t, s, n);
            return;
        }
    bool lower = true;
    for (size_t i = 0; i < n; i++)
        lower = lower && s[i] >= 'a' && s[i] <= 'z';
    if (n <= 4 && lower) {
        for (size_t i = 0; i < n; i++)
            upper[i] = (char)(s[i] - 32);
        bci_tn_acronym(t, upper, n);
        return;
    }
    bci_tn_say_n(t, s, n);
}

/* Says [start, end) of an address piece by piece. */
static void say_address(bci_tn *t, size_t start, size_t end)
{
    static const struct {
        char c;
        const char *word;
    } marks[] = {
        {'.', "dot"}, {'/', "slash"}, {'-', "dash"}, {'_', "underscore"}, {'@', "at"},
        {'?', "question mark"}, {'=', "equals"}, {'&', "and"}, {'#', "hash"},
        {'%', "per cent"}, {'~', "tilde"}, {'+', "plus"}, {':', "colon"},
    };
    size_t at = start;
    while (at < end && !t->error) {
        size_t run = at;
        if (bci_tn_alpha(t, at)) {
            while (run < end && bci_tn_alpha(t, run))
                run++;
            say_label(t, t->text + at, run - at);
        } else if (bci_tn_digit(t, at)) {
            while (run < end && bci_tn_digit(t, run))
                run++;
            if (run - at <= 4 && t->text[at] != '0')
                bci_tn_cardinal(t, at, run);
            else
                bci_tn_digits(t, at, run, false);
        } else {
            run = at + 1;
            for (size_t i = 0; i < BCI_ARRAY_LEN(marks); i++)
                if (marks[i].c == t->text[at])
                    bci_tn_say(t, marks[i].word);
        }
        at = run;
    }
}

/* Trailing punctuation belongs to the sentence, not the address. */
static size_t trim(const bci_tn *t, size_t start, size_t end)
{
    while (end > start && strchr(".,;:!?)'\"]/", t->text[end - 1]))
        end--;
    return end;
}

/* Splits "BlackLivesMatter" into "Black Lives Matter". */
static void say_camel(bci_tn *t, size_t start, size_t end)
{
    size_t word = start;
    for (size_t i = start + 1; i <= end; i++) {
        bool split = i == end || t->text[i] == '_' ||
                     (bci_tn_upper(t, i) && bci_tn_lower(t, i - 1)) ||
                     (bci_tn_digit(t, i) != bci_tn_digit(t, i - 1));
        if (!split)
            continue;
        if (i > word) {
            if (bci_tn_digit(t, word))
                bci_tn_cardinal(t, word, i);
            else
                bci_tn_say_n(t, t->text + word, i - word);
        }
        word = i + (i < end && t->text[i] == '_');
    }
}

size_t bci_tn_web(bci_tn *t, size_t pos)
{
    unsigned c = bci_tn_at(t, pos);
    if ((c == '#' || c == '@') && (bci_tn_alpha(t, pos + 1) || bci_tn_at(t, pos + 1) == '_')) {
        size_t end = pos + 1;
        while (end - pos < MAX_ADDRESS &&
               (bci_tn_alpha(t, end) || bci_tn_digit(t, end) || bci_tn_at(t, end) == '_'))
            end++;
        if (!bci_tn_ends(t, end))
            return 0;
        /* "the hashtag #MeToo", "at @bbcnews" say "hashtag" and "at" once */
        size_t before = pos;
        while (before > 0 && t->text[before - 1] == ' ')
            before--;
        bool named = c == '#' ? before >= 7 && bci_tn_word_ci(t, before - 7, "hashtag") == before
                              : before >= 2 && bci_tn_word_ci(t, before - 2, "at") == before &&
                                    (before == 2 || !bci_tn_alpha(t, before - 3));
        if (!named)
            bci_tn_say(t, c == '#' ? "hashtag" : "at");
        say_camel(t, pos + 1, end);
        return end;
    }
    if ((!bci_tn_alpha(t, pos) && !bci_tn_digit(t, pos)) || pos < t->web_skip)
        return 0;
    /* cheap test first: an address has ".", "@", ":" or "_" after its first letters */
    size_t end = pos;
    while ((bci_tn_alpha(t, end) || bci_tn_digit(t, end) || bci_tn_at(t, end) == '-') &&
           end - pos < MAX_ADDRESS)
        end++;
    if (!strchr(".@:_", bci_tn_at(t, end)) || bci_tn_at(t, end) == 0) {
        /* a later start in the same run ends at the same place: skip it */
        t->web_skip = end;
        return 0;
    }
    end = pos;
    while (end < t->length && end - pos < MAX_ADDRESS && address_char(bci_tn_at(t, end)))
        end++;
    if (end - pos == MAX_ADDRESS) {
        t->web_skip = end;
        return 0;
    }
    end = trim(t, pos, end);
    size_t start = pos;
    size_t scheme = bci_tn_word_ci(t, pos, "https");
    if (!scheme)
        scheme = bci_tn_word_ci(t, pos, "http");
    if (scheme && end - scheme > 3 && memcmp(t->text + scheme, "://", 3) == 0) {
        start = scheme + 3;
    } else {
        /* an e-mail address, or a bare domain ending in a known suffix */
        const char *at = memchr(t->text + pos, '@', end - pos);
        bool domain = false;
        static const char *const suffixes[] = {".com", ".org", ".net", ".co.uk", ".gov",
                                               ".edu", ".io", ".uk", ".eu", ".ac.uk"};
        size_t host_end = pos;
        while (host_end < end && t->text[host_end] != '/')
            host_end++;
        for (size_t i = 0; i < BCI_ARRAY_LEN(suffixes) && !at; i++) {
            size_t n = strlen(suffixes[i]);
            domain = domain || (host_end - pos > n &&
                                memcmp(t->text + host_end - n, suffixes[i], n) == 0);
        }
        bool www = end - pos > 4 && memcmp(t->text + pos, "www.", 4) == 0;
        bool mail = at && at > t->text + pos && memchr(at, '.', (size_t)(t->text + end - at));
        /* "Mr.Smith" is not an address; every address has a lower-case letter */
        bool lower = false;
        for (size_t i = pos; i < end && !lower; i++)
            lower = bci_tn_lower(t, i);
        if ((!domain && !www && !mail) || !lower) {
            /* a later start in the run has no "@", suffix or small letter either */
            t->web_skip = end;
            return 0;
        }
    }
    size_t path_end = end;
    while (path_end > start && t->text[path_end - 1] == '/')
        path_end--;
    say_address(t, start, path_end);
    return end;
}
