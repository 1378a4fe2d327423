/* Recognises the web boilerplate that copy-pasted or scraped articles carry:
 * consent and sign-up notices, "Read full article" lines, share bars,
 * bylines, photo credits and captions, copyright lines, and short lines
 * that read as related headlines, labels or datelines. Each paragraph is
 * judged on its own here; doc.c weighs its neighbours. */
#include <string.h>

#include "text_internal.h"

/* Longest notice, in words: a longer paragraph that mentions cookies is news. */
#define MAX_NOTICE_WORDS 80
/* ... and bytes (80 words of 25 bytes): a bound on the phrase search. */
#define MAX_NOTICE_BYTES 2000

/* Longest line without sentence punctuation that may be a headline or label. */
#define MAX_LINE_WORDS 20

/* Longest byline ("By Jane Smith and John Doe, Political Editors"). */
#define MAX_BYLINE_WORDS 14

/* Longest credit or label line ("Photo: Jane Smith / Getty Images"). */
#define MAX_LABEL_WORDS 25

/* A table entry: lower-case text and its length. */
typedef struct phrase {
    const char *text;
    size_t length;
} phrase;

#define P(literal) {literal, sizeof(literal) - 1}

/* Phrases that only boilerplate contains (lower case); one is enough. */
static const phrase notice_phrases[] = {
    P("we use your sign-up"), P("you can unsubscribe at any time"), P("sign up to our"),
    P("sign up for our"), P("subscribe to our newsletter"), P("sign up to receive"),
    P("we use cookies"), P("this site uses cookies"), P("this website uses cookies"),
    P("share this article"), P("share this story"), P("follow us on"), P("read full article"),
    P("read the full article"), P("all rights reserved"), P("click here to"),
    P("download our app"), P("get our newsletter"), P("for the latest headlines"),
};

/* Phrases of consent notices that are news words too; two are needed. */
static const phrase consent_phrases[] = {
    P("by clicking"), P("privacy policy"), P("consent"), P("unsubscribe"), P("newsletter"),
    P("cookies"), P("terms of service"), P("terms and conditions"), P("more info"),
};

/* Whole lines that are boilerplate (lower case, trailing punctuation off). */
static const phrase label_lines[] = {
    P("advertisement"), P("advertisements"), P("story continues below advertisement"),
    P("continue reading"), P("read more"), P("more info"), P("related"), P("related articles"),
    P("related stories"), P("related topics"), P("most read"), P("most popular"),
    P("top stories"), P("share"), P("share this"), P("sign up"), P("subscribe"), P("comments"),
    P("view comments"), P("print"), P("email"), P("see also"), P("skip advert"),
    P("scroll down for video"), P("listen to this article"), P("watch"),
    P("more on this story"),
};

/* Line beginnings that mark a label, a credit or a link line (lower case). */
static const phrase label_prefixes[] = {
    P("source:"), P("more info:"), P("image:"), P("images:"), P("photo:"), P("photos:"),
    P("picture:"), P("pictures:"), P("pictured:"), P("credit:"), P("photograph:"),
    P("image source"), P("image caption"), P("image copyright"), P("media caption"),
    P("video caption"), P("photo credit"), P("read more:"), P("related:"), P("see also:"),
    P("watch:"), P("listen:"), P("video:"), P("copyright \xC2\xA9"), P("copyright (c)"),
    P("copyright 1"), P("copyright 2"), P("\xC2\xA9"), P("(c) "), P("reporting by"),
    P("editing by"), P("writing by"), P("additional reporting by"), P("follow us"),
    P("click here"), P("tap here"), P("sign up to"), P("sign up for"), P("subscribe to"),
    P("getty images"), P("published:"), P("updated:"), P("last updated"), P("first published"),
};

/* Credits inside a caption or a bracketed line (lower case). */
static const phrase credit_words[] = {
    P("getty"), P("ap photo"), P("pa media"), P("pa wire"), P("shutterstock"), P("alamy"),
    P("image:"), P("photo:"), P("picture:"), P("pic:"), P("credit:"),
};

/* Small words that stay lower case in a title-case headline. */
static const phrase small_words[] = {
    P("a"), P("an"), P("and"), P("as"), P("at"), P("by"), P("for"), P("from"), P("in"), P("of"),
    P("on"), P("or"), P("the"), P("to"), P("vs"), P("with"),
};

/* Lower-case words inside names ("Ursula von der Leyen"), and "and". */
static const phrase name_particles[] = {
    P("al"), P("and"), P("bin"), P("da"), P("de"), P("del"), P("der"), P("di"), P("la"),
    P("le"), P("van"), P("von"),
};

/* Lower-case words in the role after a byline ("Editor for the Times",
 * "Published 16 February"). */
static const phrase role_words[] = {
    P("and"), P("at"), P("for"), P("from"), P("in"), P("of"), P("on"), P("the"), P("updated"),
};

/* Words of a date or time line ("Sunday, 27 February 2005 10:42 GMT"). */
static const phrase date_words[] = {
    P("am"), P("apr"), P("april"), P("at"), P("aug"), P("august"), P("bst"), P("dec"),
    P("december"), P("edt"), P("est"), P("et"), P("feb"), P("february"), P("fri"), P("friday"),
    P("gmt"), P("jan"), P("january"), P("jul"), P("july"), P("jun"), P("june"), P("last"),
    P("mar"), P("march"), P("may"), P("mon"), P("monday"), P("nov"), P("november"), P("oct"),
    P("october"), P("on"), P("pm"), P("posted"), P("published"), P("sat"), P("saturday"),
    P("sep"), P("sept"), P("september"), P("sun"), P("sunday"), P("thu"), P("thursday"),
    P("tue"), P("tuesday"), P("updated"), P("utc"), P("wed"), P("wednesday"),
};

static char lower_ascii(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Case-insensitive match of the lower-case `expected` (n bytes) at `text`. */
static bool matches_at(const char *text, size_t length, const char *expected, size_t n)
{
    if (length < n)
        return false;
    for (size_t k = 0; k < n; k++)
        if (lower_ascii(text[k]) != expected[k])
            return false;
    return true;
}

/* Finds the lower-case `needle` of `n` bytes in `text`, ignoring case. */
static bool contains_phrase(const char *text, size_t length, const char *needle, size_t n)
{
    char first = needle[0];
    for (size_t i = 0; i + n <= length; i++)
        if (lower_ascii(text[i]) == first && matches_at(text + i, length - i, needle, n))
            return true;
    return false;
}

#define CONTAINS(text, length, literal) \
    contains_phrase(text, length, literal, sizeof(literal) - 1)

static bool starts_with_phrase(const char *text, size_t length, const phrase *prefix)
{
    return matches_at(text, length, prefix->text, prefix->length);
}

static bool word_in(const char *word, size_t length, const phrase *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (list[i].length == length && matches_at(word, length, list[i].text, length))
            return true;
    return false;
}

/* A character of a script written without spaces between words (CJK
 * ideographs, kana, hangul), which counts as a word of its own. */
static bool is_unspaced_script(const char *text, size_t left)
{
    if (left < 3)
        return false;
    unsigned char a = (unsigned char)text[0], b = (unsigned char)text[1];
    /* U+3040..U+9FFF: kana, CJK ideographs; U+AC00..U+D7AF: hangul */
    return (a == 0xE3 && b >= 0x81) || (a >= 0xE4 && a <= 0xE9) || (a >= 0xEA && a <= 0xED);
}

/* Counts the words of `text`, stopping once there are more than `cap`. */
static size_t count_words(const char *text, size_t length, size_t cap)
{
    size_t words = 0;
    bool in_word = false;
    for (size_t i = 0; i < length && words <= cap; i++) {
        if (is_unspaced_script(text + i, length - i)) {
            words++;
            in_word = false;
            i += 2;
            continue;
        }
        bool space = text[i] == ' ';
        if (!space && !in_word)
            words++;
        in_word = !space;
    }
    return words;
}

/* Strips closing quotes, brackets and spaces from the end; returns the new
 * length. */
static size_t strip_closers(const char *text, size_t length)
{
    for (;;) {
        if (length > 0 && (text[length - 1] == ' ' || text[length - 1] == '"' ||
                           text[length - 1] == '\'' || text[length - 1] == ')'))
            length--;
        else if (length >= 3 && (memcmp(text + length - 3, "\xE2\x80\x9D", 3) == 0 ||
                                 memcmp(text + length - 3, "\xE2\x80\x99", 3) == 0 ||
                                 memcmp(text + length - 3, "\xE3\x80\x8D", 3) == 0 ||
                                 memcmp(text + length - 3, "\xE3\x80\x8F", 3) == 0 ||
                                 memcmp(text + length - 3, "\xEF\xBC\x89", 3) == 0))
            length -= 3; /* ” ’ 」 』 ） */
        else
            return length;
    }
}

/* Ends with sentence punctuation (. ! ? … or CJK), or with : ; , that lead
 * on to more text. */
static bool ends_with_punctuation(const char *text, size_t length)
{
    length = strip_closers(text, length);
    if (length == 0)
        return false;
    char c = text[length - 1];
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == ',')
        return true;
    if (length < 3)
        return false;
    const char *tail = text + length - 3;
    return memcmp(tail, "\xE2\x80\xA6", 3) == 0 || memcmp(tail, "\xE3\x80\x82", 3) == 0 ||
           memcmp(tail, "\xEF\xBC\x81", 3) == 0 || memcmp(tail, "\xEF\xBC\x9F", 3) == 0;
}

/* A sentence ends inside the text: ". " "! " "? " before more words. */
static bool has_inner_sentence_end(const char *text, size_t length)
{
    for (size_t i = 0; i + 2 < length; i++)
        if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && text[i + 1] == ' ' &&
            !is_lower(text[i + 2]) && i >= 2 && (is_lower(text[i - 1]) || is_digit(text[i - 1])) &&
            text[i - 2] != ' ')
            return true;
    return false;
}

/* The whole line, without final punctuation, is one of `label_lines`. */
static bool is_label_line(const char *text, size_t length)
{
    while (length > 0 && (text[length - 1] == '.' || text[length - 1] == ':' ||
                          text[length - 1] == ' ' || text[length - 1] == '!'))
        length--;
    return word_in(text, length, label_lines, BCI_ARRAY_LEN(label_lines));
}

/* "By Jane Smith", "By JANE SMITH and John Doe, Political Editor",
 * "By Reuters": "By", then capitalised name words; after a comma or "|" a
 * short role. Not "By Tuesday, the deal was done." */
static bool is_byline(const char *text, size_t length, size_t words)
{
    if (words < 2 || words > MAX_BYLINE_WORDS || !matches_at(text, length, "by ", 3))
        return false;
    length = strip_closers(text, length);
    if (length > 0 && (text[length - 1] == '!' || text[length - 1] == '?'))
        return false;
    size_t i = 3, names = 0;
    bool role = false;
    while (i < length) {
        while (i < length && text[i] == ' ')
            i++;
        size_t start = i;
        while (i < length && text[i] != ' ' && text[i] != ',' && text[i] != '|')
            i++;
        size_t n = i - start;
        const char *w = text + start;
        if (n > 0 && !role) {
            if (is_upper(w[0]) || (unsigned char)w[0] >= 0x80)
                names++;
            else if (!word_in(w, n, name_particles, BCI_ARRAY_LEN(name_particles)))
                return false; /* "By far the ...", "By then it" */
        } else if (n > 0 && !is_upper(w[0]) && !is_digit(w[0]) &&
                   !word_in(w, n, role_words, BCI_ARRAY_LEN(role_words))) {
            return false; /* "By Tuesday, the deal was done." */
        }
        if (i < length && (text[i] == ',' || text[i] == '|')) {
            if (role)
                return false; /* a second comma: a sentence, not a byline */
            role = true;
            i++;
        }
    }
    if (names == 0)
        return false;
    /* a final period only after an initial or a short role: "By J. Smith." */
    size_t end = length;
    if (end > 0 && text[end - 1] == '.')
        return role || (end >= 3 && text[end - 3] == ' ' && is_upper(text[end - 2]));
    return true;
}

/* A photo credit or caption: "(Getty Images)", "Crowds gathered (Image:
 * GETTY)", "Jane Smith/AFP via Getty Images". */
static bool is_credit(const char *text, size_t length, size_t words)
{
    size_t end = length;
    while (end > 0 && text[end - 1] == ' ')
        end--;
    if (end == 0 || words > 60)
        return false;
    if (text[end - 1] == ')') {
        size_t open = end - 1;
        while (open > 0 && text[open] != '(')
            open--;
        if (text[open] == '(' && end - open < 80)
            for (size_t i = 0; i < BCI_ARRAY_LEN(credit_words); i++)
                if (contains_phrase(text + open, end - open, credit_words[i].text,
                                    credit_words[i].length))
                    return true;
    }
    if (words <= MAX_LABEL_WORDS && !ends_with_punctuation(text, length))
        return CONTAINS(text, length, "getty images") || CONTAINS(text, length, "via getty") ||
               CONTAINS(text, length, "shutterstock");
    return false;
}

/* A line of only a date and time: "Sunday, 27 February 2005", "1500 GMT",
 * "LONDON (Reuters) -". */
static bool is_dateline(const char *text, size_t length)
{
    size_t i = 0, words = 0, date_hits = 0, places = 0, agencies = 0;
    while (i < length) {
        while (i < length && (text[i] == ' ' || text[i] == ',' || text[i] == '|' ||
                              text[i] == '-' || text[i] == '/' || text[i] == ':'))
            i++;
        size_t start = i;
        while (i < length && text[i] != ' ' && text[i] != ',' && text[i] != '|')
            i++;
        size_t n = i - start;
        if (n == 0)
            break;
        const char *w = text + start;
        words++;
        bool all_caps = true;
        for (size_t k = 0; k < n; k++)
            all_caps &= is_upper(w[k]) || w[k] == '.';
        if (is_digit(w[0]) || word_in(w, n, date_words, BCI_ARRAY_LEN(date_words)))
            date_hits++; /* 27, 2005, 10:42, 27th, Sunday, GMT */
        else if (w[0] == '(' && w[n - 1] == ')')
            agencies++;
        else if (all_caps)
            places++;
        else
            return false;
    }
    return words <= 10 && (date_hits > 0 || (places > 0 && agencies > 0));
}

/* True when the trimmed paragraph opens with a list marker. */
bool bci_is_list_item(const char *text, size_t length)
{
    if (length >= 2 && (text[0] == '-' || text[0] == '*') && text[1] == ' ')
        return true;
    if (length >= 4 && (memcmp(text, "\xE2\x80\xA2 ", 4) == 0 ||
                        memcmp(text, "\xE2\x80\x93 ", 4) == 0))
        return true;
    size_t digits = 0;
    while (digits < length && digits < 3 && is_digit(text[digits]))
        digits++;
    return digits > 0 && digits < 3 && digits + 1 < length &&
           (text[digits] == '.' || text[digits] == ')') && text[digits + 1] == ' ';
}

/* True for an ASCII letter or digit. */
static bool is_alnum(char c)
{
    return is_lower(lower_ascii(c)) || is_digit(c);
}

/* Looks for the notice phrases at every word start, in one pass: true when
 * one notice phrase or two different consent phrases occur. */
static bool has_notice(const char *text, size_t length)
{
    unsigned consent_seen = 0; /* one bit per consent phrase */
    for (size_t i = 0; i < length; i++) {
        if (i > 0 && is_alnum(text[i - 1]))
            continue;
        char c = lower_ascii(text[i]);
        if (!is_lower(c))
            continue;
        for (size_t k = 0; k < BCI_ARRAY_LEN(notice_phrases); k++)
            if (notice_phrases[k].text[0] == c &&
                starts_with_phrase(text + i, length - i, &notice_phrases[k]))
                return true;
        for (size_t k = 0; k < BCI_ARRAY_LEN(consent_phrases); k++)
            if (consent_phrases[k].text[0] == c &&
                starts_with_phrase(text + i, length - i, &consent_phrases[k]))
                consent_seen |= 1u << k;
    }
    return __builtin_popcount(consent_seen) >= 2;
}

bci_paragraph_kind bci_classify_paragraph(const char *text, size_t length)
{
    size_t words = count_words(text, length, MAX_NOTICE_WORDS);
    if (words == 0)
        return BCI_PARAGRAPH_BOILERPLATE;
    if (words <= MAX_NOTICE_WORDS && length <= MAX_NOTICE_BYTES && has_notice(text, length))
        return BCI_PARAGRAPH_BOILERPLATE;
    if (words <= MAX_LABEL_WORDS) {
        if (is_label_line(text, length))
            return BCI_PARAGRAPH_BOILERPLATE;
        char first = lower_ascii(text[0]);
        for (size_t i = 0; i < BCI_ARRAY_LEN(label_prefixes); i++)
            if (label_prefixes[i].text[0] == first &&
                starts_with_phrase(text, length, &label_prefixes[i]))
                return BCI_PARAGRAPH_BOILERPLATE;
    }
    if (is_byline(text, length, words) || is_credit(text, length, words))
        return BCI_PARAGRAPH_BOILERPLATE;
    if (bci_is_list_item(text, length))
        return BCI_PARAGRAPH_NEWS;
    if (words <= MAX_LINE_WORDS && !ends_with_punctuation(text, length) &&
        !has_inner_sentence_end(text, length))
        return BCI_PARAGRAPH_LINE;
    return BCI_PARAGRAPH_NEWS;
}

/* Title case: most words of four letters or more (and all but the small
 * words) begin with a capital. Lines with commas are lists of names. */
static bool is_title_case(const char *text, size_t length)
{
    size_t capitalised = 0, lower = 0;
    for (size_t i = 0; i < length; i++) {
        if (text[i] == ',')
            return false;
        if (i > 0 && text[i - 1] != ' ')
            continue;
        size_t n = 0;
        while (i + n < length && text[i + n] != ' ')
            n++;
        if (is_upper(text[i]))
            capitalised++;
        else if (is_lower(text[i]) && !word_in(text + i, n, small_words,
                                               BCI_ARRAY_LEN(small_words)))
            lower++;
    }
    return capitalised >= 3 && lower * 5 <= capitalised;
}

/* "Ukraine: Russian tanks drive in cities near border": a topic of one to
 * three words, a colon, then the headline. */
static bool has_topic_colon(const char *text, size_t length)
{
    size_t words = 1;
    for (size_t i = 0; i + 2 < length && words <= 3; i++) {
        if (text[i] == ' ')
            words++;
        else if (text[i] == ':' && text[i + 1] == ' ')
            return i > 0 && count_words(text + i + 1, length - i - 1, 3) >= 3;
    }
    return false;
}

static bool is_all_caps(const char *text, size_t length)
{
    size_t upper = 0;
    for (size_t i = 0; i < length; i++) {
        if (is_lower(text[i]))
            return false;
        upper += is_upper(text[i]);
    }
    return upper >= 2;
}

bool bci_line_is_headline(const char *text, size_t length)
{
    if (CONTAINS(text, length, " v ") || CONTAINS(text, length, " vs "))
        return false; /* a fixture or result: "Arsenal v Stoke" */
    size_t words = count_words(text, length, 3);
    if (words <= 3 && !is_digit(text[0]))
        return true; /* a label: "Most read", "Top stories", "Europe" */
    return is_title_case(text, length) || has_topic_colon(text, length) ||
           CONTAINS(text, length, " | ") || is_all_caps(text, length) ||
           is_dateline(text, length);
}

bool bci_is_boilerplate(const char *text, size_t length)
{
    switch (bci_classify_paragraph(text, length)) {
    case BCI_PARAGRAPH_BOILERPLATE:
        return true;
    case BCI_PARAGRAPH_LINE:
        return bci_line_is_headline(text, length);
    default:
        return false;
    }
}
