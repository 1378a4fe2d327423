/* Recognises the web boilerplate that copy-pasted or scraped articles carry:
 * consent and sign-up notices, "Read full article" lines, share bars,
 * bylines, photo credits and captions, copyright lines, and short lines
 * that read as related headlines, labels or datelines. Each paragraph is
 * judged on its own here; doc.c weighs its neighbours. */
#include <string.h>

#include "text_internal.h"

/* Longest notice, in words: a longer paragraph that mentions cookies is news. */
#define MAX_NOTICE_WORDS 80

/* Longest line without sentence punctuation that may be a headline or label. */
#define MAX_LINE_WORDS 20

/* Longest byline ("By Jane Smith and John Doe, Political Editors"). */
#define MAX_BYLINE_WORDS 14

/* Longest credit or label line ("Photo: Jane Smith / Getty Images"). */
#define MAX_LABEL_WORDS 25

/* Phrases that only boilerplate contains (lower case); one is enough. */
static const char *const notice_phrases[] = {
    "we use your sign-up",
    "you can unsubscribe at any time",
    "sign up to our",
    "sign up for our",
    "subscribe to our newsletter",
    "sign up to receive",
    "we use cookies",
    "this site uses cookies",
    "this website uses cookies",
    "share this article",
    "share this story",
    "follow us on",
    "read full article",
    "read the full article",
    "all rights reserved",
    "click here to",
    "download our app",
    "get our newsletter",
    "for the latest headlines",
};

/* Phrases of consent notices that are news words too; two are needed. */
static const char *const consent_phrases[] = {
    "by clicking", "privacy policy", "consent", "unsubscribe", "newsletter",
    "cookies", "terms of service", "terms and conditions", "more info",
};

/* Whole lines that are boilerplate (lower case, trailing punctuation off). */
static const char *const label_lines[] = {
    "advertisement", "advertisements", "story continues below advertisement",
    "continue reading", "read more", "more info", "related", "related articles",
    "related stories", "related topics", "most read", "most popular", "top stories",
    "share", "share this", "sign up", "subscribe", "comments", "view comments",
    "print", "email", "see also", "skip advert", "scroll down for video",
    "listen to this article", "watch", "more on this story",
};

/* Line beginnings that mark a label, a credit or a link line (lower case). */
static const char *const label_prefixes[] = {
    "source:", "more info:", "image:", "images:", "photo:", "photos:", "picture:",
    "pictures:", "pictured:", "credit:", "photograph:", "image source", "image caption",
    "image copyright", "media caption", "video caption", "photo credit", "read more:",
    "related:", "see also:", "watch:", "listen:", "video:", "copyright \xC2\xA9",
    "copyright (c)", "copyright 1", "copyright 2", "\xC2\xA9",
    "(c) ", "reporting by", "editing by", "writing by", "additional reporting by",
    "follow us", "click here", "tap here", "sign up to", "sign up for", "subscribe to",
    "getty images", "published:", "updated:", "last updated", "first published",
};

/* Credits inside a caption or a bracketed line (lower case). */
static const char *const credit_words[] = {
    "getty", "ap photo", "pa media", "pa wire", "shutterstock", "alamy", "image:",
    "photo:", "picture:", "pic:", "credit:",
};

/* Small words that stay lower case in a title-case headline. */
static const char *const small_words[] = {
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the",
    "to", "vs", "with",
};

/* Lower-case words inside names ("Ursula von der Leyen"), and "and". */
static const char *const name_particles[] = {
    "al", "and", "bin", "da", "de", "del", "der", "di", "la", "le", "van", "von",
};

/* Lower-case words in the role after a byline ("Editor for the Times",
 * "Published 16 February"). */
static const char *const role_words[] = {
    "and", "at", "for", "from", "in", "of", "on", "the", "updated",
};

/* Words of a date or time line ("Sunday, 27 February 2005 10:42 GMT"). */
static const char *const date_words[] = {
    "am", "apr", "april", "at", "aug", "august", "bst", "dec", "december", "edt", "est",
    "et", "feb", "february", "fri", "friday", "gmt", "jan", "january", "jul", "july",
    "jun", "june", "last", "mar", "march", "may", "mon", "monday", "nov", "november",
    "oct", "october", "on", "pm", "posted", "published", "sat", "saturday", "sep", "sept",
    "september", "sun", "sunday", "thu", "thursday", "tue", "tuesday", "updated", "utc",
    "wed", "wednesday",
};

static char lower_ascii(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Case-insensitive match of the lower-case `phrase` at `text`. */
static bool matches_at(const char *text, size_t length, const char *phrase, size_t n)
{
    if (length < n)
        return false;
    for (size_t k = 0; k < n; k++)
        if (lower_ascii(text[k]) != phrase[k])
            return false;
    return true;
}

static bool contains_phrase(const char *text, size_t length, const char *phrase)
{
    size_t n = strlen(phrase);
    char first = phrase[0];
    for (size_t i = 0; i + n <= length; i++)
        if (lower_ascii(text[i]) == first && matches_at(text + i, length - i, phrase, n))
            return true;
    return false;
}

static bool starts_with_ci(const char *text, size_t length, const char *prefix)
{
    return matches_at(text, length, prefix, strlen(prefix));
}

static bool word_in(const char *word, size_t length, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strlen(list[i]) == length && matches_at(word, length, list[i], length))
            return true;
    return false;
}

static size_t count_words(const char *text, size_t length)
{
    size_t words = 0;
    bool in_word = false;
    for (size_t i = 0; i < length; i++) {
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
                                 memcmp(text + length - 3, "\xE2\x80\x99", 3) == 0))
            length -= 3;
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
                if (contains_phrase(text + open, end - open, credit_words[i]))
                    return true;
    }
    if (words <= MAX_LABEL_WORDS && !ends_with_punctuation(text, length))
        return contains_phrase(text, length, "getty images") ||
               contains_phrase(text, length, "via getty") ||
               contains_phrase(text, length, "shutterstock");
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

bci_paragraph_kind bci_classify_paragraph(const char *text, size_t length)
{
    size_t words = count_words(text, length);
    if (words == 0)
        return BCI_PARAGRAPH_BOILERPLATE;
    if (words <= MAX_NOTICE_WORDS) {
        for (size_t i = 0; i < BCI_ARRAY_LEN(notice_phrases); i++)
            if (contains_phrase(text, length, notice_phrases[i]))
                return BCI_PARAGRAPH_BOILERPLATE;
        size_t consent = 0;
        for (size_t i = 0; i < BCI_ARRAY_LEN(consent_phrases); i++)
            consent += contains_phrase(text, length, consent_phrases[i]);
        if (consent >= 2)
            return BCI_PARAGRAPH_BOILERPLATE;
    }
    if (words <= MAX_LABEL_WORDS) {
        if (is_label_line(text, length))
            return BCI_PARAGRAPH_BOILERPLATE;
        for (size_t i = 0; i < BCI_ARRAY_LEN(label_prefixes); i++)
            if (starts_with_ci(text, length, label_prefixes[i]))
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
            return i > 0 && count_words(text + i + 1, length - i - 1) >= 3;
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
    size_t words = count_words(text, length);
    if (words <= 3 && !is_digit(text[0]))
        return true; /* a label: "Most read", "Top stories", "Europe" */
    return is_title_case(text, length) || has_topic_colon(text, length) ||
           contains_phrase(text, length, " | ") || is_all_caps(text, length) ||
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
