/* Recognises the web boilerplate that copy-pasted or scraped articles carry:
 * consent and sign-up notices, "Read full article" lines, share bars,
 * bylines and related-story headlines. */
#include <string.h>

#include "text_internal.h"

/* Phrases that only boilerplate paragraphs contain (lower case). */
static const char *const notice_phrases[] = {
    "we use your sign-up",
    "you can unsubscribe at any time",
    "sign up to our",
    "sign up for our",
    "subscribe to our newsletter",
    "we use cookies",
    "this site uses cookies",
    "accept cookies",
    "by clicking",
    "share this article",
    "share on facebook",
    "follow us on",
    "read full article",
    "read the full article",
    "read more:",
    "click here",
    "all rights reserved",
    "copyright ©",
    "advertisement",
    "related articles",
};

static char lower_ascii(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static bool contains_phrase(const char *text, size_t length, const char *phrase)
{
    size_t n = strlen(phrase);
    for (size_t i = 0; i + n <= length; i++) {
        size_t k = 0;
        while (k < n && lower_ascii(text[i + k]) == phrase[k])
            k++;
        if (k == n)
            return true;
    }
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

/* Ends with . ! ? : or a closing quote after one. */
static bool ends_with_punctuation(const char *text, size_t length)
{
    while (length > 0 && text[length - 1] == ' ')
        length--;
    while (length >= 3 && (memcmp(text + length - 3, "\xE2\x80\x9D", 3) == 0 ||
                           memcmp(text + length - 3, "\xE2\x80\x99", 3) == 0))
        length -= 3;
    while (length > 0 && (text[length - 1] == '"' || text[length - 1] == '\'' ||
                          text[length - 1] == ')'))
        length--;
    if (length == 0)
        return false;
    char c = text[length - 1];
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' ||
           (length >= 3 && memcmp(text + length - 3, "\xE2\x80\xA6", 3) == 0);
}

static bool starts_with_ci(const char *text, size_t length, const char *prefix)
{
    size_t n = strlen(prefix);
    if (length < n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (lower_ascii(text[i]) != prefix[i])
            return false;
    return true;
}

bool bci_is_boilerplate(const char *text, size_t length)
{
    size_t words = count_words(text, length);
    /* Notices are short; a long paragraph that mentions cookies is news. */
    if (words <= 80) {
        for (size_t i = 0; i < BCI_ARRAY_LEN(notice_phrases); i++)
            if (contains_phrase(text, length, notice_phrases[i]))
                return true;
    }
    if (words <= 12 && (starts_with_ci(text, length, "source:") ||
                        starts_with_ci(text, length, "more info") ||
                        starts_with_ci(text, length, "image:") ||
                        starts_with_ci(text, length, "photo:") ||
                        starts_with_ci(text, length, "pictured:")))
        return true;
    /* A short line without sentence punctuation between paragraphs of news
     * is a related headline or a section label, not something to read out. */
    if (words <= 20 && !ends_with_punctuation(text, length))
        return true;
    return false;
}
