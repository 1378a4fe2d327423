/* The cast: every quoted person of the briefing and their voice. Voices
 * come from the profiles whose use is "quote", in name order, given out in
 * the order people are first quoted in each article (not in the summary),
 * so the same person keeps the same voice in a summary and in the full
 * story, and two people share a voice only when the pool runs out. */
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "plan_internal.h"

typedef struct person {
    char *name;         /* as the article gives it, fullest first seen */
    bc_gender gender;
    const bc_voice *voice;
} person;

struct bci_cast {
    const bc_voice *narrator;
    const bc_voice **pool;
    size_t pool_count;
    person *people;
    size_t count;
    size_t capacity;
    const bc_logger *logger;
};

int bci_cast_new(const bc_voice_set *voices, const bc_voice *narrator, const bc_logger *logger,
                 bci_cast **out)
{
    bci_cast *cast = calloc(1, sizeof *cast);
    if (!cast)
        return BC_ENOMEM;
    cast->narrator = narrator;
    cast->logger = logger;
    if (voices->count && !(cast->pool = calloc(voices->count, sizeof *cast->pool))) {
        free(cast);
        return BC_ENOMEM;
    }
    for (size_t i = 0; i < voices->count; i++)
        if (voices->voices[i].use == BC_VOICE_QUOTE)
            cast->pool[cast->pool_count++] = &voices->voices[i];
    *out = cast;
    return 0;
}

void bci_cast_free(bci_cast *cast)
{
    if (!cast)
        return;
    for (size_t i = 0; i < cast->count; i++)
        free(cast->people[i].name);
    free(cast->people);
    free(cast->pool);
    free(cast);
}

/* The first word of a name that is not a title, or NULL for one word. */
static size_t first_name(const char *name, const char **start)
{
    const char *p = name;
    if (bci_has_title(p)) {
        p = strchr(p, ' ');
        if (!p)
            return 0;
        p++;
    }
    const char *space = strchr(p, ' ');
    if (!space)
        return 0;
    *start = p;
    return (size_t)(space - p);
}

/* Two names are one person when their surnames match and their first names
 * (when both have one) do too: "Mr Stoltenberg" is "Jens Stoltenberg". */
static bool same_person(const char *a, const char *b)
{
    const char *sa, *sb;
    size_t na = bci_surname(a, &sa), nb = bci_surname(b, &sb);
    if (na == 0 || na != nb || memcmp(sa, sb, na) != 0)
        return false;
    const char *fa, *fb;
    size_t la = first_name(a, &fa), lb = first_name(b, &fb);
    return la == 0 || lb == 0 || (la == lb && memcmp(fa, fb, la) == 0);
}

static person *find(const bci_cast *cast, const char *name)
{
    for (size_t i = 0; i < cast->count; i++)
        if (same_person(cast->people[i].name, name))
            return &cast->people[i];
    return NULL;
}

/* Words that, after "he" or "she", attribute speech. */
static const char *const speech_verbs[] = {
    "said", "says", "added", "told", "asked", "warned", "explained", "insisted", "argued",
    "replied", "continued", "noted", "wrote", "declared", "stressed", "admitted", "claimed",
};

static bool speech_verb_at(const char *s, size_t length)
{
    for (size_t i = 0; i < BCI_ARRAY_LEN(speech_verbs); i++) {
        size_t n = strlen(speech_verbs[i]);
        if (length >= n && memcmp(s, speech_verbs[i], n) == 0 &&
            (length == n || !((s[n] | 0x20) >= 'a' && (s[n] | 0x20) <= 'z')))
            return true;
    }
    return false;
}

/* Counts "he said" against "she said" in [start, end) of a paragraph. */
static void pronoun_evidence(const char *text, size_t start, size_t end, int *male, int *female)
{
    for (size_t i = start; i < end; i++) {
        if (i > 0 && ((text[i - 1] | 0x20) >= 'a' && (text[i - 1] | 0x20) <= 'z'))
            continue;
        size_t n = 0;
        bool is_female = false;
        if (end - i >= 3 && (memcmp(text + i, "he ", 3) == 0 || memcmp(text + i, "He ", 3) == 0))
            n = 3;
        else if (end - i >= 4 && (memcmp(text + i, "she ", 4) == 0 ||
                                  memcmp(text + i, "She ", 4) == 0))
            n = 4, is_female = true;
        if (n && speech_verb_at(text + i + n, end - i - n))
            *(is_female ? female : male) += 1;
    }
}

/* The gender of the person quoted by `q`: a courtesy title in the article,
 * else "he said"/"she said" around their quotes. */
static bc_gender quote_gender(const bc_doc *doc, const bc_quote *q)
{
    if (q->speaker_gender != BC_GENDER_UNKNOWN)
        return q->speaker_gender; /* the quote finder's reading of the article */
    bc_gender g = bci_title_gender(doc, q->speaker);
    if (g != BC_GENDER_UNKNOWN)
        return g;
    int male = 0, female = 0;
    for (size_t i = 0; i < doc->quote_count; i++) {
        const bc_quote *other = &doc->quotes[i];
        if (!other->speaker || !same_person(other->speaker, q->speaker))
            continue;
        const bc_paragraph *p = &doc->paragraphs[other->paragraph];
        /* the sentence around the quote: outside the quotation marks only */
        size_t from = other->sentence < doc->sentence_count &&
                              doc->sentences[other->sentence].paragraph == other->paragraph
                          ? doc->sentences[other->sentence].start
                          : 0;
        pronoun_evidence(p->text, from, other->start, &male, &female);
        size_t to = other->end;
        while (to < p->length && p->text[to] != '.' && p->text[to] != '\n')
            to++;
        pronoun_evidence(p->text, other->end, to, &male, &female);
    }
    return male > female ? BC_GENDER_MALE : female > male ? BC_GENDER_FEMALE : BC_GENDER_UNKNOWN;
}

/* Picks a voice for a new person: the first unused pool voice of their
 * gender, else the first unused one, else (pool exhausted) the pool voice
 * of their gender used by the fewest people. */
static const bc_voice *pick_voice(const bci_cast *cast, bc_gender gender)
{
    const bc_voice *unused_any = NULL;
    for (size_t i = 0; i < cast->pool_count; i++) {
        const bc_voice *v = cast->pool[i];
        bool used = false;
        for (size_t k = 0; k < cast->count && !used; k++)
            used = cast->people[k].voice == v;
        if (used)
            continue;
        if (gender == BC_GENDER_UNKNOWN || v->gender == gender)
            return v;
        if (!unused_any)
            unused_any = v;
    }
    if (unused_any)
        return unused_any;
    const bc_voice *best = NULL;
    size_t best_uses = SIZE_MAX;
    for (size_t i = 0; i < cast->pool_count; i++) {
        const bc_voice *v = cast->pool[i];
        if (gender != BC_GENDER_UNKNOWN && v->gender != gender && v->gender != BC_GENDER_UNKNOWN)
            continue;
        size_t uses = 0;
        for (size_t k = 0; k < cast->count; k++)
            uses += cast->people[k].voice == v;
        if (uses < best_uses)
            best = v, best_uses = uses;
    }
    return best ? best : cast->pool_count ? cast->pool[cast->count % cast->pool_count] : NULL;
}

int bci_cast_add_doc(bci_cast *cast, const bc_doc *doc)
{
    for (size_t i = 0; i < doc->quote_count; i++) {
        const bc_quote *q = &doc->quotes[i];
        if (!q->speaker || !*q->speaker)
            continue;
        bc_gender gender = quote_gender(doc, q);
        person *known = find(cast, q->speaker);
        if (known) {
            /* keep the fullest form of the name */
            if (strlen(q->speaker) > strlen(known->name) && !bci_has_title(q->speaker)) {
                char *longer = bci_strdup(q->speaker);
                if (!longer)
                    return BC_ENOMEM;
                free(known->name);
                known->name = longer;
            }
            if (known->gender == BC_GENDER_UNKNOWN)
                known->gender = gender;
            continue;
        }
        void *items = cast->people;
        if (bci_reserve(&items, &cast->capacity, cast->count + 1, sizeof(person)))
            return BC_ENOMEM;
        cast->people = items;
        person p = {.name = bci_strdup(q->speaker), .gender = gender};
        if (!p.name)
            return BC_ENOMEM;
        p.voice = pick_voice(cast, gender);
        if (!p.voice) {
            /* no quote voices at all: the narrator, told apart by pitch */
            bci_log(cast->logger, BC_LOG_WARNING,
                    "no quote voices among the profiles; %s is read by the narrator", p.name);
            p.voice = cast->narrator;
        }
        cast->people[cast->count++] = p;
    }
    return 0;
}

const bc_voice *bci_cast_voice(const bci_cast *cast, const char *speaker)
{
    const person *p = speaker ? find(cast, speaker) : NULL;
    return p ? p->voice : cast->narrator;
}
