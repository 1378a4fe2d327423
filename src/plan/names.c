/* People's names as the planner needs them: the surname that identifies a
 * person, whether a text mentions them, the short form used to name them
 * again, and the gender the article gives them. */
#include <string.h>

#include "plan_internal.h"
#include "names.h"

static const char *const titles[] = {
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "Dame", "Lord", "Lady",
    "President", "Senator", "Sen", "Rep", "Gov", "Governor", "General", "Gen", "Judge",
};

static bool is_name_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '\'' || c >= 0x80;
}

size_t bci_surname(const char *speaker, const char **start)
{
    size_t length = strlen(speaker);
    /* drop a possessive or trailing punctuation */
    while (length > 0 && !is_name_byte((unsigned char)speaker[length - 1]))
        length--;
    if (length >= 2 && speaker[length - 2] == '\'' && speaker[length - 1] == 's')
        length -= 2;
    size_t begin = length;
    while (begin > 0 && is_name_byte((unsigned char)speaker[begin - 1]))
        begin--;
    *start = speaker + begin;
    return length - begin;
}

bool bci_mentions(const char *text, size_t length, const char *speaker)
{
    const char *surname;
    size_t n = bci_surname(speaker, &surname);
    if (n == 0)
        return false;
    for (size_t i = 0; i + n <= length; i++) {
        if (memcmp(text + i, surname, n) != 0)
            continue;
        bool starts = i == 0 || !is_name_byte((unsigned char)text[i - 1]);
        bool ends = i + n == length || !is_name_byte((unsigned char)text[i + n]) ||
                    (text[i + n] == '\'' && i + n + 1 < length && text[i + n + 1] == 's');
        if (starts && ends)
            return true;
    }
    return false;
}

bool bci_has_title(const char *speaker)
{
    for (size_t i = 0; i < BCI_ARRAY_LEN(titles); i++) {
        size_t n = strlen(titles[i]);
        if (strncmp(speaker, titles[i], n) == 0 && (speaker[n] == ' ' || speaker[n] == '.'))
            return true;
    }
    return false;
}

/* Finds "<Title> <Surname>" in the doc; returns the title or NULL. */
static const char *title_in_doc(const bc_doc *doc, const char *surname, size_t n)
{
    static const char *const courtesy[] = {"Mr", "Mrs", "Ms", "Miss", "Dr"};
    for (size_t p = 0; p < doc->paragraph_count; p++) {
        const char *text = doc->paragraphs[p].text;
        size_t length = doc->paragraphs[p].length;
        for (size_t t = 0; t < BCI_ARRAY_LEN(courtesy); t++) {
            size_t tn = strlen(courtesy[t]);
            for (size_t i = 0; i + tn + 1 + n <= length; i++) {
                if (memcmp(text + i, courtesy[t], tn) != 0 || (i > 0 && is_name_byte((unsigned char)text[i - 1])))
                    continue;
                size_t j = i + tn;
                if (text[j] == '.')
                    j++;
                if (j >= length || text[j] != ' ' || j + 1 + n > length)
                    continue;
                if (memcmp(text + j + 1, surname, n) == 0 &&
                    (j + 1 + n == length || !is_name_byte((unsigned char)text[j + 1 + n])))
                    return courtesy[t];
            }
        }
    }
    return NULL;
}

void bci_short_name(const bc_doc *doc, const char *speaker, char *out, size_t size)
{
    const char *surname;
    size_t n = bci_surname(speaker, &surname);
    const char *title = (n && !bci_has_title(speaker)) ? title_in_doc(doc, surname, n) : NULL;
    if (title)
        snprintf(out, size, "%s %.*s", title, (int)n, surname);
    else
        snprintf(out, size, "%s", speaker);
}

bc_gender bci_title_gender(const bc_doc *doc, const char *speaker)
{
    const char *title = NULL;
    if (bci_has_title(speaker)) {
        title = speaker;
    } else {
        const char *surname;
        size_t n = bci_surname(speaker, &surname);
        title = n ? title_in_doc(doc, surname, n) : NULL;
    }
    if (!title)
        return BC_GENDER_UNKNOWN;
    if (strncmp(title, "Mr", 2) == 0 && (title[2] == ' ' || title[2] == '.' || title[2] == '\0'))
        return BC_GENDER_MALE;
    if (strncmp(title, "Mrs", 3) == 0 || strncmp(title, "Ms", 2) == 0 ||
        strncmp(title, "Miss", 4) == 0)
        return BC_GENDER_FEMALE;
    return BC_GENDER_UNKNOWN;
}
