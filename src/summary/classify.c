/* What a sentence is, from its own words: lines that are never read out
 * (datelines, photo captions and credits, bylines, page notices),
 * sentences that lean on the one before them (an opening connective such
 * as "But" or "However", a pronoun such as "They" or "This", or a quote
 * that does not say who speaks), lead-ins that end with a colon, and
 * direct speech. The selection keeps the first kind out and ties the
 * others to their neighbours. */
#include <string.h>

#include "summary_internal.h"

static char lower_ascii(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static bool is_upper_ascii(char c)
{
    return c >= 'A' && c <= 'Z';
}

static bool is_letter_ascii(char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* True when `text` starts with `prefix` (ASCII, any case) followed by a
 * character that cannot continue a word. */
static bool opens_with(const char *text, size_t length, const char *prefix)
{
    if (length == 0 || lower_ascii(text[0]) != prefix[0])
        return false; /* the common case, before strlen() */
    size_t n = strlen(prefix);
    if (length < n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (lower_ascii(text[i]) != prefix[i])
            return false;
    return length == n || !is_letter_ascii(text[n]) || !is_letter_ascii(prefix[n - 1]);
}

/* Length of an opening or closing quotation mark or bracket at `s`, or 0. */
static size_t quote_mark(const char *s, size_t length)
{
    if (length >= 1 && (s[0] == '"' || s[0] == '\'' || s[0] == '(' || s[0] == '['))
        return 1;
    /* “ ” ‘ ’ */
    if (length >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        ((unsigned char)s[2] >= 0x98 && (unsigned char)s[2] <= 0x9D))
        return 3;
    return 0;
}

/* Skips leading white space and quotation marks. */
static const char *skip_openers(const char *text, size_t *length)
{
    for (;;) {
        size_t n = quote_mark(text, *length);
        if (!n && *length && (text[0] == ' ' || text[0] == '\t'))
            n = 1;
        if (!n)
            return text;
        text += n;
        *length -= n;
    }
}

/* The last character that is not white space, a closing quote or bracket. */
static char final_mark(const char *text, size_t length)
{
    while (length > 0) {
        char c = text[length - 1];
        if (c == ' ' || c == '"' || c == '\'' || c == ')' || c == ']') {
            length--;
        } else if (length >= 3 && (unsigned char)text[length - 3] == 0xE2 &&
                   (unsigned char)text[length - 2] == 0x80 &&
                   ((unsigned char)text[length - 1] == 0x9D ||
                    (unsigned char)text[length - 1] == 0x99)) {
            length -= 3; /* ” ’ */
        } else {
            return c;
        }
    }
    return '\0';
}

/* Words that join a sentence to the one before it. */
static const char *const connectives[] = {
    "but", "and", "or", "so", "yet", "also", "however", "still", "instead", "meanwhile",
    "nevertheless", "nonetheless", "moreover", "furthermore", "besides", "otherwise",
    "therefore", "thus", "hence", "then", "indeed", "similarly", "likewise", "consequently",
    "additionally", "again", "in addition", "as a result", "on the other hand", "that said",
    "even so", "by contrast", "in contrast", "despite this", "because of this", "for example",
    "for instance", "in fact", "in turn", "as well", "after that", "not only that",
};

/* Pronouns and demonstratives whose referent is in an earlier sentence. */
static const char *const pronouns[] = {
    "he", "she", "they", "it", "his", "her", "their", "its", "this", "that", "these", "those",
    "such", "him", "them", "the latter", "the former", "both", "neither",
};

/* After "This" or "That" these nouns make a time expression, not a reference. */
static const char *const time_nouns[] = {
    "year", "week", "month", "morning", "afternoon", "evening", "season", "summer", "winter",
    "spring", "autumn", "weekend", "time", "day", "decade", "century",
};

static bool opens_with_any(const char *text, size_t length, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (opens_with(text, length, list[i]))
            return true;
    return false;
}

static unsigned opener_flags(const char *text, size_t length)
{
    text = skip_openers(text, &length);
    if (length == 0 || !is_upper_ascii(text[0]))
        return 0;
    if (opens_with_any(text, length, connectives, BCI_ARRAY_LEN(connectives)))
        return BCI_SENT_CONNECTIVE;
    if (!opens_with_any(text, length, pronouns, BCI_ARRAY_LEN(pronouns)))
        return 0;
    if (opens_with(text, length, "this") || opens_with(text, length, "that")) {
        size_t skip = 5; /* "this " and "that " */
        if (length > skip &&
            opens_with_any(text + skip, length - skip, time_nouns, BCI_ARRAY_LEN(time_nouns)))
            return 0;
    }
    return BCI_SENT_PRONOUN;
}

/* Openings of lines that belong to the page, not the story. */
static const char *const notice_openers[] = {
    "scroll down", "click here", "read more", "sign up", "subscribe", "share this",
    "related:", "advertisement", "watch the video", "copyright", "follow us", "follow @",
    "contact us", "email:", "e-mail:", "twitter:", "media playback", "have your say",
    "originally published", "this article was", "this story was", "all rights reserved",
    "\xC2\xA9", /* © */
};

static const char *const byline_openers[] = {
    "reporting by", "writing by", "editing by", "additional reporting", "compiled by",
    "published:", "updated:", "last updated", "posted:", "posted by", "written by",
};

static const char *const caption_openers[] = {
    "photo:", "photograph:", "picture:", "pictured:", "image:", "caption:", "credit:",
    "video:", "watch:", "(photo", "photo credit", "file photo", "image copyright",
    "image caption", "getty images",
};

/* Bytes of a line searched for a credit: 25 words of text and more. */
#define CREDIT_SCAN_BYTES 512

/* Image credits that give a short line away as a caption. */
static const char *const credit_marks[] = {
    "getty images", "/getty", "afp/", "(ap photo", "ap photo/", "/reuters", "photo:",
    "pictured:", "(pictured)", "shutterstock", "/ap)", "photograph:",
};

/* True when a line mentions an image credit. */
static bool has_credit(const char *text, size_t length)
{
    char lower[CREDIT_SCAN_BYTES + 1];
    size_t n = length < CREDIT_SCAN_BYTES ? length : CREDIT_SCAN_BYTES;
    for (size_t i = 0; i < n; i++)
        lower[i] = text[i] ? lower_ascii(text[i]) : ' ';
    lower[n] = '\0';
    for (size_t i = 0; i < BCI_ARRAY_LEN(credit_marks); i++)
        if (strstr(lower, credit_marks[i]))
            return true;
    return false;
}

/* "By Jane Smith" or "By . Staff Reporter": every word after "By" is
 * capitalised, "and" or punctuation, and there are few of them. */
static bool is_byline(const char *text, size_t length, size_t words)
{
    if (words > 7 || !opens_with(text, length, "by") || length < 3 || text[0] != 'B')
        return false;
    for (size_t i = 2; i < length; i++) {
        bool word_start = is_letter_ascii(text[i]) && !is_letter_ascii(text[i - 1]);
        if (word_start && !is_upper_ascii(text[i]) && !opens_with(text + i, length - i, "and"))
            return false;
    }
    return true;
}

/* A bare dateline: a place in capitals and/or an agency in brackets, ended
 * by a dash or a bracket, with no sentence after it ("LONDON (Reuters) -"). */
static bool is_dateline(const char *text, size_t length, size_t words)
{
    if (words > 8 || length == 0)
        return false;
    char last = final_mark(text, length);
    while (length > 0 && text[length - 1] == ' ')
        length--;
    if (length == 0)
        return false;
    bool dash_end = last == '-' || (length >= 3 && (unsigned char)text[length - 3] == 0xE2 &&
                                    (unsigned char)text[length - 2] == 0x80 &&
                                    ((unsigned char)text[length - 1] == 0x93 ||
                                     (unsigned char)text[length - 1] == 0x94)); /* – — */
    bool bracket_end = text[length - 1] == ')';
    if (!dash_end && !bracket_end)
        return false;
    if (text[0] == '(')
        return true;
    return length >= 2 && is_upper_ascii(text[0]) && is_upper_ascii(text[1]);
}

/* Verbs and phrases that attribute speech. */
static const char *const speech_words[] = {
    "said", "says", "told", "added", "asked", "explained", "stated", "according to",
    "insisted", "warned", "claimed", "argued", "wrote", "tweeted", "announced", "replied",
};

bool bci_has_speech_verb(const char *text, size_t length)
{
    for (size_t k = 0; k < BCI_ARRAY_LEN(speech_words); k++) {
        size_t n = strlen(speech_words[k]);
        for (size_t i = 0; i + n <= length; i++)
            if (memcmp(text + i, speech_words[k], n) == 0 &&
                (i == 0 || !is_letter_ascii(text[i - 1])) &&
                (i + n == length || !is_letter_ascii(text[i + n])))
                return true;
    }
    return false;
}

/* Quotation marks of direct speech: " “ ” ‘ or a ' that opens a word. */
static bool has_quotation(const char *text, size_t length)
{
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '"')
            return true;
        if (c == '\'' && (i == 0 || text[i - 1] == ' ') && i + 1 < length &&
            is_letter_ascii(text[i + 1]))
            return true;
        if (c == 0xE2 && i + 2 < length && (unsigned char)text[i + 1] == 0x80 &&
            ((unsigned char)text[i + 2] == 0x9C || (unsigned char)text[i + 2] == 0x9D ||
             (unsigned char)text[i + 2] == 0x98))
            return true; /* “ ” ‘ */
    }
    return false;
}

unsigned bci_sentence_flags(const char *text, size_t length, size_t words)
{
    unsigned flags = 0;
    if (opens_with_any(text, length, notice_openers, BCI_ARRAY_LEN(notice_openers)))
        flags |= BCI_SENT_NOTICE;
    if (opens_with_any(text, length, byline_openers, BCI_ARRAY_LEN(byline_openers)) ||
        is_byline(text, length, words))
        flags |= BCI_SENT_BYLINE;
    if (opens_with_any(text, length, caption_openers, BCI_ARRAY_LEN(caption_openers)))
        flags |= BCI_SENT_CAPTION;
    /* 25 words: longer lines that mention a credit are stories about photos */
    if (words <= 25 && has_credit(text, length))
        flags |= BCI_SENT_CAPTION;
    if (has_quotation(text, length))
        flags |= BCI_SENT_QUOTED;
    /* A quote that opens the sentence and never says who speaks leans on
     * the sentence before it, which most likely does. */
    if (quote_mark(text, length) && text[0] != '(' && text[0] != '[' &&
        !bci_has_speech_verb(text, length))
        flags |= BCI_SENT_UNATTRIBUTED;
    if (is_dateline(text, length, words))
        flags |= BCI_SENT_DATELINE;
    flags |= opener_flags(text, length);
    if (final_mark(text, length) == ':')
        flags |= BCI_SENT_LEAD_IN;
    return flags;
}
