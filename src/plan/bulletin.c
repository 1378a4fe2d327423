/* Bulletins: which stories, in which order, with how many words each. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "plan_internal.h"

/* Two stories are one event when their headline-and-lead word sets overlap
 * this much (Jaccard over content words). */
#define DUPLICATE_JACCARD 0.45
/* Sentences from the top of each story compared for duplicates. */
#define LEAD_SENTENCES 2
/* No story gets fewer words than this: about two sentences. */
#define MIN_STORY_WORDS 40

typedef struct word_bag {
    uint64_t *hashes;
    size_t count;
} word_bag;

static int compare_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Content words (four letters or more, lower-cased, a plural s dropped). */
static int add_words(word_bag *bag, size_t *capacity, const char *text, size_t length)
{
    char word[32];
    size_t n = 0;
    for (size_t i = 0; i <= length; i++) {
        unsigned char c = i < length ? (unsigned char)text[i] : ' ';
        if (isalnum(c)) {
            if (n < sizeof word)
                word[n++] = (char)tolower(c);
            continue;
        }
        if (n >= 4) {
            size_t stem = word[n - 1] == 's' ? n - 1 : n;
            void *items = bag->hashes;
            if (bci_reserve(&items, capacity, bag->count + 1, sizeof(uint64_t)))
                return BC_ENOMEM;
            bag->hashes = items;
            bag->hashes[bag->count++] = bci_hash(0, word, stem);
        }
        n = 0;
    }
    return 0;
}

static int story_words(const bc_doc *doc, word_bag *bag)
{
    size_t capacity = 0;
    *bag = (word_bag){0};
    const char *title = doc->article->title;
    if (title && add_words(bag, &capacity, title, strlen(title)))
        return BC_ENOMEM;
    for (size_t i = 0; i < doc->sentence_count && i < LEAD_SENTENCES; i++) {
        size_t length;
        const char *s = bc_doc_sentence(doc, i, &length);
        if (add_words(bag, &capacity, s, length))
            return BC_ENOMEM;
    }
    if (bag->count) {
        qsort(bag->hashes, bag->count, sizeof(uint64_t), compare_u64);
        size_t unique = 1;
        for (size_t i = 1; i < bag->count; i++)
            if (bag->hashes[i] != bag->hashes[unique - 1])
                bag->hashes[unique++] = bag->hashes[i];
        bag->count = unique;
    }
    return 0;
}

static double jaccard(const word_bag *a, const word_bag *b)
{
    size_t i = 0, j = 0, common = 0;
    while (i < a->count && j < b->count) {
        if (a->hashes[i] == b->hashes[j])
            common++, i++, j++;
        else if (a->hashes[i] < b->hashes[j])
            i++;
        else
            j++;
    }
    size_t all = a->count + b->count - common;
    return all ? (double)common / (double)all : 0.0;
}

static size_t doc_words(const bc_doc *doc)
{
    size_t words = 0;
    for (size_t i = 0; i < doc->sentence_count; i++) {
        size_t length;
        const char *s = bc_doc_sentence(doc, i, &length);
        words += bc_count_words(s, length);
    }
    return words;
}

static int two_digits(const char *s)
{
    return isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1])
               ? (s[0] - '0') * 10 + (s[1] - '0')
               : -1;
}

/* Days from 1970-01-01 to a civil date (Howard Hinnant's algorithm). */
static long long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long long z, int *y, int *m, int *d)
{
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Parses a zone: Z, GMT, UT, UTC, +hh:mm, +hhmm, -hh, or the US names. */
static bool parse_zone(const char *s, int *minutes)
{
    while (*s == ' ')
        s++;
    static const struct { const char *name; int minutes; } names[] = {
        {"Z", 0}, {"GMT", 0}, {"UTC", 0}, {"UT", 0}, {"EST", -300}, {"EDT", -240},
        {"CST", -360}, {"CDT", -300}, {"MST", -420}, {"MDT", -360}, {"PST", -480},
        {"PDT", -420}, {"BST", 60}, {"CET", 60}, {"CEST", 120},
    };
    if (!*s) {
        *minutes = 0;
        return true;
    }
    for (size_t i = 0; i < BCI_ARRAY_LEN(names); i++) {
        if (strcmp(s, names[i].name) == 0) {
            *minutes = names[i].minutes;
            return true;
        }
    }
    if (*s != '+' && *s != '-')
        return false;
    int sign = *s == '-' ? -1 : 1;
    int h = two_digits(s + 1), m = 0;
    if (h < 0)
        return false;
    const char *rest = s + 3;
    if (*rest == ':')
        rest++;
    if (*rest) {
        m = two_digits(rest);
        if (m < 0 || rest[2])
            return false;
    }
    *minutes = sign * (h * 60 + m);
    return true;
}

bool bc_date_key(const char *date, char *out, size_t size)
{
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    if (!date || !out || size < 21)
        return false;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, zone = 0;
    const char *rest = NULL;
    while (*date == ' ')
        date++;
    if (isdigit((unsigned char)date[0]) && strlen(date) >= 10 && date[4] == '-' && date[7] == '-') {
        /* ISO 8601: 2026-11-28, 2026-11-28T07:30[:00][.123][Z|+01:00] */
        y = atoi(date);
        mo = two_digits(date + 5);
        d = two_digits(date + 8);
        rest = date + 10;
        if (*rest == 'T' || *rest == ' ') {
            h = two_digits(rest + 1);
            mi = rest[3] == ':' ? two_digits(rest + 4) : -1;
            rest += 6;
            if (*rest == ':') {
                sec = two_digits(rest + 1);
                rest += 3;
            }
            while (*rest == '.' || isdigit((unsigned char)*rest))
                rest++;
        }
    } else {
        /* RFC 822: [Sat, ]28 Nov 2026 07:30[:00] GMT */
        const char *p = date;
        const char *comma = strchr(p, ',');
        if (comma && comma - p <= 9)
            p = comma + 1;
        char month[4] = "";
        int consumed = 0;
        if (sscanf(p, " %d %3s %d %d:%d%n", &d, month, &y, &h, &mi, &consumed) < 3)
            return false;
        for (size_t i = 0; i < 12; i++)
            if (strncasecmp(month, months[i], 3) == 0)
                mo = (int)i + 1;
        rest = consumed ? p + consumed : "";
        if (*rest == ':') {
            sec = two_digits(rest + 1);
            rest += 3;
        }
        if (y < 100)
            y += y < 50 ? 2000 : 1900;
    }
    if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 ||
        mi > 59 || sec < 0 || sec > 60 || !parse_zone(rest, &zone))
        return false;
    long long minutes = days_from_civil(y, mo, d) * 1440 + h * 60 + mi - zone;
    long long days = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440;
    int minute_of_day = (int)(minutes - days * 1440);
    civil_from_days(days, &y, &mo, &d);
    snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, minute_of_day / 60,
             minute_of_day % 60, sec);
    return true;
}

typedef struct candidate {
    size_t index;
    size_t words;
    size_t reports;  /* this story and the duplicates merged into it */
    char date[24];   /* empty when unknown */
} candidate;

static int compare_input(const void *a, const void *b)
{
    const candidate *x = a, *y = b;
    return (x->index > y->index) - (x->index < y->index);
}

static int compare_date(const void *a, const void *b)
{
    const candidate *x = a, *y = b;
    if (strcmp(x->date, y->date) != 0) {
        if (!x->date[0] || !y->date[0])
            return x->date[0] ? -1 : 1; /* undated last */
        return strcmp(y->date, x->date); /* newest first */
    }
    return compare_input(a, b);
}

static int compare_importance(const void *a, const void *b)
{
    const candidate *x = a, *y = b;
    if (x->reports != y->reports)
        return x->reports < y->reports ? 1 : -1;
    if (x->words != y->words)
        return x->words < y->words ? 1 : -1;
    return compare_input(a, b);
}

int bc_bulletin_arrange(const bc_doc *const *docs, size_t count, bc_story_order order,
                        const bc_logger *logger, size_t *indices, size_t *kept)
{
    if ((!docs && count) || !indices || !kept || order > BC_ORDER_IMPORTANCE)
        return BC_EINVAL;
    word_bag *bags = calloc(count ? count : 1, sizeof *bags);
    candidate *c = calloc(count ? count : 1, sizeof *c);
    bool *dropped = calloc(count ? count : 1, sizeof *dropped);
    int rc = BC_ENOMEM;
    if (!bags || !c || !dropped)
        goto done;
    for (size_t i = 0; i < count; i++) {
        if (!docs[i]) {
            rc = BC_EINVAL;
            goto done;
        }
        if (story_words(docs[i], &bags[i]))
            goto done;
        c[i] = (candidate){.index = i, .words = doc_words(docs[i]), .reports = 1};
        if (!docs[i]->article->date || !bc_date_key(docs[i]->article->date, c[i].date, sizeof c[i].date))
            c[i].date[0] = '\0';
    }
    /* near-duplicates: the fuller report absorbs the other */
    for (size_t i = 0; i < count; i++) {
        for (size_t j = i + 1; j < count && !dropped[i]; j++) {
            if (dropped[j] || jaccard(&bags[i], &bags[j]) < DUPLICATE_JACCARD)
                continue;
            size_t keep = c[j].words > c[i].words ? j : i, drop = keep == i ? j : i;
            dropped[drop] = true;
            c[keep].reports += c[drop].reports;
            const char *title = docs[drop]->article->title;
            bci_log(logger, BC_LOG_INFO, "story %zu (%s) reports the same as story %zu; dropped",
                    drop + 1, title ? title : "untitled", keep + 1);
        }
    }
    size_t n = 0;
    for (size_t i = 0; i < count; i++)
        if (!dropped[i])
            c[n++] = c[i];
    qsort(c, n, sizeof *c,
          order == BC_ORDER_DATE         ? compare_date
          : order == BC_ORDER_IMPORTANCE ? compare_importance
                                         : compare_input);
    for (size_t i = 0; i < n; i++)
        indices[i] = c[i].index;
    *kept = n;
    rc = 0;
done:
    for (size_t i = 0; bags && i < count; i++)
        free(bags[i].hashes);
    free(bags);
    free(c);
    free(dropped);
    return rc;
}

int bc_bulletin_budgets(const bc_doc *const *docs, size_t count, size_t words, size_t *words_out)
{
    if ((!docs && count) || !words_out)
        return BC_EINVAL;
    for (size_t i = 0; i < count; i++)
        if (!docs[i])
            return BC_EINVAL;
    double total_weight = 0;
    for (size_t i = 0; i < count; i++) {
        words_out[i] = doc_words(docs[i]); /* the length until the share replaces it */
        total_weight += sqrt((double)words_out[i] + 1.0);
    }
    for (size_t i = 0; i < count; i++) {
        double weight = sqrt((double)words_out[i] + 1.0);
        size_t share = total_weight > 0 ? (size_t)((double)words * weight / total_weight) : 0;
        words_out[i] = share < MIN_STORY_WORDS ? MIN_STORY_WORDS : share;
    }
    return 0;
}
