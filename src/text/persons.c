/* A small tracker of the people and organisations an article names, for
 * attributing quotes. Runs of capitalised words outside quotations are
 * names; titles (Mr, Ms, Dr) and roles before them ("Nato Secretary
 * General", "Council leader") are set apart, and a later "Mr Stoltenberg",
 * "Stoltenberg" or "Hillary" is linked to the person named earlier. Gender
 * comes from titles, well-known first names and the pronouns resolved to
 * the person. */
#include <stdlib.h>
#include <string.h>

#include "quotes_internal.h"

/* A name has at most this many words after its titles ("Vann R. Newkirk II"). */
#define MAX_NAME_WORDS 4

/* How far back a pronoun looks for its person: mentions, and paragraphs. */
/* How many of the latest people with roles a description is compared with. */
#define ROLE_CANDIDATES 64

#define PRONOUN_MENTIONS 60
#define PRONOUN_PARAGRAPHS 8

/* The length of word token `i` without a possessive ending (’s, 's, s’,
 * s') or a final full stop. */
static size_t stem_length(const bci_text *t, size_t i)
{
    size_t length;
    const char *w = bci_tok_text(t, i, &length);
    if (t->tokens[i].flags & BCI_TOK_POSSESSIVE) {
        if (length >= 2 && w[length - 2] == '\'')
            length -= 2; /* 's */
        else if (length >= 4 && memcmp(w + length - 4, "\xE2\x80\x99s", 4) == 0)
            length -= 4; /* ’s */
        else if (length >= 3 && memcmp(w + length - 3, "\xE2\x80\x99", 3) == 0)
            length -= 3; /* s’ */
        else if (w[length - 1] == '\'')
            length -= 1; /* s' */
    }
    if (length > 0 && w[length - 1] == '.')
        length--;
    return length;
}

/* Whether tokens `a` and `b` are the same word, ignoring ASCII case, a
 * final full stop and a possessive ending. */
static bool same_word(const bci_text *t, size_t a, size_t b)
{
    size_t la = stem_length(t, a), lb = stem_length(t, b), unused;
    const char *wa = bci_tok_text(t, a, &unused);
    const char *wb = bci_tok_text(t, b, &unused);
    if (la != lb)
        return false;
    for (size_t i = 0; i < la; i++) {
        char x = wa[i], y = wb[i];
        x = (char)((x >= 'A' && x <= 'Z') ? x - 'A' + 'a' : x);
        y = (char)((y >= 'A' && y <= 'Z') ? y - 'A' + 'a' : y);
        if (x != y)
            return false;
    }
    return true;
}

static bool is_capital(const bci_text *t, size_t i)
{
    return bci_is_word(t, i) && (t->tokens[i].flags & BCI_TOK_CAPITAL) &&
           !(t->tokens[i].flags & BCI_TOK_QUOTED);
}

static bool is_title_word(const bci_text *t, size_t i)
{
    return bci_tok_in(t, i, BCI_LIST_HONORIFIC) || bci_tok_in(t, i, BCI_LIST_ROLE);
}

static bc_gender token_gender(const bci_text *t, size_t i)
{
    size_t length;
    const char *word = bci_tok_text(t, i, &length);
    return bci_word_gender(word, length);
}

/* The next word after `i` skipping adverbs ("also", "has"), or BCI_NONE. */
static size_t next_verb(const bci_text *t, size_t i, size_t end)
{
    for (size_t k = i; k < end && k < i + 4; k++) {
        if (!bci_is_word(t, k) || (t->tokens[k].flags & BCI_TOK_QUOTED))
            return BCI_NONE;
        if (!bci_tok_in(t, k, BCI_LIST_ADVERB))
            return k;
    }
    return BCI_NONE;
}

static bool cue_follows(const bci_text *t, size_t i, size_t end)
{
    size_t k = next_verb(t, i, end);
    return k != BCI_NONE && (bci_tok_in(t, k, BCI_LIST_CUE) || bci_tok_in(t, k, BCI_LIST_CUE_WEAK));
}

static int add_entity(bci_people *p, size_t *index)
{
    void *items = p->entities;
    if (bci_reserve(&items, &p->entity_capacity, p->entity_count + 1, sizeof(bci_entity)))
        return BC_ENOMEM;
    p->entities = items;
    p->entities[p->entity_count] = (bci_entity){
        .name_token = BCI_NONE,
        .name_end = BCI_NONE,
        .title_token = BCI_NONE,
        .first_token = BCI_NONE,
        .last_token = BCI_NONE,
        .first_mention = BCI_NONE,
    };
    *index = p->entity_count++;
    return 0;
}

/* Per entity, while collecting: its latest mention and the next entities
 * in its hash chains. */
typedef struct entity_link {
    size_t last_seen;  /* token of the latest mention */
    size_t next_last;  /* the next entity whose family name hashes alike */
    size_t next_first; /* the next entity whose first name hashes alike */
} entity_link;

typedef struct collector {
    bci_people *people;
    const bci_text *text;
    entity_link *links;
    size_t link_capacity;
    size_t *by_last;  /* hash buckets: an entity by the hash of its family name */
    size_t *by_first; /* and by its first name */
    size_t mask;      /* bucket count - 1 (a power of two) */
} collector;

/* FNV-1a of the word of token `i` in lower case, without a possessive.
 * Not bci_hash(): that hashes bytes as they are, and chaining it byte by
 * byte would differ whenever the hash so far is 0 (its "no seed"). */
static size_t word_hash(const bci_text *t, size_t i)
{
    size_t n = stem_length(t, i), unused;
    const char *w = bci_tok_text(t, i, &unused);
    uint64_t h = 14695981039346656037u;
    for (size_t k = 0; k < n; k++) {
        char c = w[k];
        h ^= (unsigned char)((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
        h *= 1099511628211u;
    }
    return (size_t)h;
}

/* Whether entity `e` can be the name of words [core, end). */
static bool entity_matches(const collector *c, size_t e, size_t core, size_t end,
                           bool organisation, bc_gender gender)
{
    const bci_text *t = c->text;
    const bci_entity *x = &c->people->entities[e];
    size_t words = end - core;
    if (x->organisation != organisation)
        return false;
    bool match;
    if (organisation) {
        size_t n = x->name_end - x->name_token;
        match = n == words;
        for (size_t k = 0; match && k < n; k++)
            match = same_word(t, x->name_token + k, core + k);
    } else if (words == 1) {
        match = same_word(t, x->last_token, core) ||
                (x->first_token != BCI_NONE && same_word(t, x->first_token, core));
    } else {
        match = same_word(t, x->last_token, end - 1) &&
                (x->first_token == BCI_NONE || same_word(t, x->first_token, core));
    }
    return match && !(gender != BC_GENDER_UNKNOWN && x->gender != BC_GENDER_UNKNOWN &&
                      x->gender != gender);
}

/* The latest-mentioned entity that a name of words [core, end) can be. */
static size_t find_entity(const collector *c, size_t core, size_t end, bool organisation,
                          bc_gender gender)
{
    size_t best = BCI_NONE;
    size_t e = c->by_last[word_hash(c->text, end - 1) & c->mask];
    for (; e != BCI_NONE; e = c->links[e].next_last)
        if (entity_matches(c, e, core, end, organisation, gender) &&
            (best == BCI_NONE || c->links[e].last_seen > c->links[best].last_seen))
            best = e;
    if (end - core == 1 && !organisation) { /* "Hillary" for Hillary Clinton */
        e = c->by_first[word_hash(c->text, core) & c->mask];
        for (; e != BCI_NONE; e = c->links[e].next_first)
            if (entity_matches(c, e, core, end, organisation, gender) &&
                (best == BCI_NONE || c->links[e].last_seen > c->links[best].last_seen))
                best = e;
    }
    return best;
}

/* Role words after a name: "Dmytro Kuleba, Ukraine's foreign minister,". */
static size_t apposition_role(const bci_text *t, size_t after, size_t end)
{
    if (!bci_tok_is(t, after, ','))
        return BCI_NONE;
    size_t role = BCI_NONE;
    for (size_t k = after + 1; k < end && k < after + 8; k++) {
        if (!bci_is_word(t, k))
            break;
        if (bci_tok_in(t, k, BCI_LIST_ROLE))
            role = k;
    }
    return role;
}

/* Reads the name in the run of capitalised words [a, b) of a paragraph
 * whose tokens end at `end`, and records its mention. */
static int take_run(collector *c, size_t a, size_t b, size_t end)
{
    const bci_text *t = c->text;
    bci_people *p = c->people;
    bool sentence_start = (t->tokens[a].flags & BCI_TOK_FRAME) ||
                          (a > 0 && !bci_is_word(t, a - 1) && t->tokens[a - 1].cp != ',');
    while (a < b && bci_tok_in(t, a, BCI_LIST_STOP))
        a++;
    if (a >= b)
        return 0;
    bool the = a > 0 && (bci_tok_in(t, a - 1, BCI_LIST_DETERMINER));
    /* the last title or role word before the name */
    size_t role = BCI_NONE;
    for (size_t k = a; k + 1 < b; k++)
        if (is_title_word(t, k))
            role = k;
    size_t core = role == BCI_NONE ? a : role + 1;
    size_t title = BCI_NONE;
    for (size_t k = a; role != BCI_NONE && k <= role; k++)
        if (bci_tok_in(t, k, BCI_LIST_HONORIFIC))
            title = k;
    while (core < b && bci_tok_in(t, core, BCI_LIST_CONNECTOR))
        core++;
    if (core >= b)
        return 0;
    if (b - core >= 3) {
        /* "State John Kerry": a known first name starts the name */
        size_t start = b - core > MAX_NAME_WORDS - 1 ? b - 2 : core;
        for (size_t k = b - core > MAX_NAME_WORDS ? b - MAX_NAME_WORDS : core; k < b - 1; k++)
            if (bci_tok_in(t, k, BCI_LIST_MALE) || bci_tok_in(t, k, BCI_LIST_FEMALE)) {
                start = k;
                break;
            }
        core = start;
    }
    size_t words = b - core;
    bool acronym = words == 1 && (t->tokens[core].flags & BCI_TOK_ACRONYM);
    bool organisation = bci_tok_in(t, b - 1, BCI_LIST_ORG) || acronym;
    bool first_name = words >= 2 && (bci_tok_in(t, core, BCI_LIST_MALE) ||
                                     bci_tok_in(t, core, BCI_LIST_FEMALE));
    bool cue = cue_follows(t, b, end);
    bool evidence = role != BCI_NONE || first_name || (cue && !organisation && !the);
    if (the && role == BCI_NONE && !first_name)
        organisation = true;
    bc_gender gender = BC_GENDER_UNKNOWN;
    for (size_t k = a; k < core && gender == BC_GENDER_UNKNOWN; k++)
        gender = token_gender(t, k);
    if (gender == BC_GENDER_UNKNOWN && words >= 2)
        gender = token_gender(t, core);

    size_t e = find_entity(c, core, b, organisation, gender);
    if (e == BCI_NONE && words == 1 && sentence_start && !evidence)
        return 0; /* "Initially", "Speaking": sentence openers, not names */
    if (e == BCI_NONE && words == 1 && (bci_tok_in(t, core, BCI_LIST_STOP) ||
                                        bci_tok_in(t, core, BCI_LIST_ROLE)))
        return 0;
    if (e == BCI_NONE) {
        void *items = c->links;
        if (bci_reserve(&items, &c->link_capacity, p->entity_count + 1, sizeof(entity_link)))
            return BC_ENOMEM;
        c->links = items;
        if (add_entity(p, &e))
            return BC_ENOMEM;
        p->entities[e].first_mention = a;
        p->entities[e].organisation = organisation;
        p->entities[e].last_token = b - 1;
        size_t bucket = word_hash(t, b - 1) & c->mask;
        c->links[e] = (entity_link){.next_last = c->by_last[bucket], .next_first = BCI_NONE};
        c->by_last[bucket] = e;
    }
    bci_entity *x = &p->entities[e];
    c->links[e].last_seen = a;
    x->person |= evidence && !organisation;
    if (x->gender == BC_GENDER_UNKNOWN)
        x->gender = gender;
    bool first_only = words == 1 && x->first_token != BCI_NONE &&
                      same_word(t, x->first_token, core) && !same_word(t, x->last_token, core);
    if (!first_only)
        x->last_token = b - 1;
    if (words >= 2 && !organisation) {
        if (x->first_token == BCI_NONE) {
            size_t bucket = word_hash(t, core) & c->mask;
            c->links[e].next_first = c->by_first[bucket];
            c->by_first[bucket] = e;
        }
        x->first_token = core;
    }
    if (x->name_token == BCI_NONE || words > x->name_end - x->name_token) {
        x->name_token = core;
        x->name_end = b;
    }
    if (title != BCI_NONE && x->title_token == BCI_NONE) {
        x->title_token = title;
        x->title_end = b;
    }
    size_t roles[2] = {role, apposition_role(t, b, end)};
    for (size_t k = 0; k < 2; k++)
        if (roles[k] != BCI_NONE && !bci_tok_in(t, roles[k], BCI_LIST_HONORIFIC))
            bci_people_add_role(p, e, roles[k]);

    void *items = p->mentions;
    if (bci_reserve(&items, &p->mention_capacity, p->mention_count + 1, sizeof(bci_mention)))
        return BC_ENOMEM;
    p->mentions = items;
    bool said = a > 0 && (bci_tok_in(t, a - 1, BCI_LIST_CUE) ||
                          bci_tok_in(t, a - 1, BCI_LIST_HONORIFIC) ||
                          bci_tok_in(t, a - 1, BCI_LIST_ROLE));
    bool salient = sentence_start || cue || said; /* "X said", "said X", "X …" */
    p->mentions[p->mention_count++] =
        (bci_mention){.token = a, .end = b, .entity = e, .salient = salient};
    return 0;
}

void bci_people_add_role(bci_people *p, size_t entity, size_t role_token)
{
    bci_entity *x = &p->entities[entity];
    for (size_t k = 0; k < x->role_count; k++)
        if (x->roles[k] == role_token)
            return;
    if (x->role_count == 0 && p->with_roles) /* room for every entity was made */
        p->with_roles[p->with_roles_count++] = entity;
    if (x->role_count < BCI_ARRAY_LEN(x->roles))
        x->roles[x->role_count++] = role_token;
    else
        x->roles[BCI_ARRAY_LEN(x->roles) - 1] = role_token;
}

/* Headings and listicle titles capitalise every word: their runs of
 * capitals are not names. */
static bool title_cased(const bci_text *t, size_t from, size_t to)
{
    size_t words = 0, capitals = 0;
    for (size_t i = from; i < to; i++) {
        if (!bci_is_word(t, i) || (t->tokens[i].flags & (BCI_TOK_QUOTED | BCI_TOK_DIGIT)))
            continue;
        size_t length;
        bci_tok_text(t, i, &length);
        if (length <= 3 && !(t->tokens[i].flags & BCI_TOK_CAPITAL))
            continue; /* "of", "the", "in" stay lower case in titles */
        words++;
        capitals += (t->tokens[i].flags & BCI_TOK_CAPITAL) != 0;
    }
    return words >= 4 && capitals * 10 >= words * 9; /* nine in ten */
}

int bci_people_collect(bci_people *p, const bci_text *t)
{
    *p = (bci_people){0};
    collector c = {.people = p, .text = t, .mask = 63};
    while (c.mask < t->count / 4 && c.mask < SIZE_MAX / 4) /* about a bucket per name */
        c.mask = 2 * c.mask + 1;
    c.by_last = malloc((c.mask + 1) * sizeof *c.by_last);
    c.by_first = malloc((c.mask + 1) * sizeof *c.by_first);
    if (!c.by_last || !c.by_first) {
        free(c.by_last);
        free(c.by_first);
        return BC_ENOMEM;
    }
    for (size_t i = 0; i <= c.mask; i++)
        c.by_last[i] = c.by_first[i] = BCI_NONE;
    int rc = 0;
    for (size_t para = 0; para < t->paragraph_count && rc == 0; para++) {
        size_t end = t->first[para + 1];
        if (title_cased(t, t->first[para], end))
            continue;
        for (size_t i = t->first[para]; i < end && rc == 0;) {
            if (!is_capital(t, i)) {
                i++;
                continue;
            }
            size_t b = i + 1;
            while (b < end && !(t->tokens[b - 1].flags & BCI_TOK_POSSESSIVE) &&
                   (is_capital(t, b) ||
                    (bci_tok_in(t, b, BCI_LIST_CONNECTOR) && is_capital(t, b + 1) &&
                     !(t->tokens[b].flags & BCI_TOK_CAPITAL))) &&
                   !(t->tokens[b].flags & BCI_TOK_FRAME) && !bci_tok_in(t, b, BCI_LIST_STOP))
                b++;
            rc = take_run(&c, i, b, end);
            i = b;
        }
    }
    free(c.links);
    free(c.by_last);
    free(c.by_first);
    if (rc == 0) {
        /* the entities that have roles, for descriptions to look through */
        p->with_roles = malloc((p->entity_count ? p->entity_count : 1) * sizeof *p->with_roles);
        if (!p->with_roles)
            rc = BC_ENOMEM;
        for (size_t e = 0; rc == 0 && e < p->entity_count; e++)
            if (p->entities[e].role_count)
                p->with_roles[p->with_roles_count++] = e;
    }
    if (rc)
        bci_people_free(p);
    return rc;
}

void bci_people_free(bci_people *p)
{
    if (!p)
        return;
    free(p->entities);
    free(p->mentions);
    free(p->with_roles);
    *p = (bci_people){0};
}

/* The index of the first mention that starts after token `i`. */
static size_t mentions_after(const bci_people *p, size_t i)
{
    size_t low = 0, high = p->mention_count;
    while (low < high) {
        size_t mid = low + (high - low) / 2;
        if (p->mentions[mid].token <= i)
            low = mid + 1;
        else
            high = mid;
    }
    return low;
}

size_t bci_people_mention_at(const bci_people *p, size_t i)
{
    size_t k = mentions_after(p, i);
    if (k > 0 && p->mentions[k - 1].end > i)
        return k - 1;
    return BCI_NONE;
}

size_t bci_people_resolve_pronoun(bci_people *p, const bci_text *t, size_t i, bc_gender gender)
{
    size_t paragraph = t->para_of[i];
    size_t k = mentions_after(p, i);
    size_t latest = BCI_NONE;
    for (size_t seen = 0; k > 0 && seen < PRONOUN_MENTIONS; k--, seen++) {
        const bci_mention *m = &p->mentions[k - 1];
        size_t at = t->para_of[m->token];
        if (at + PRONOUN_PARAGRAPHS < paragraph || (latest != BCI_NONE && at + 1 < paragraph))
            break;
        if (m->end > i)
            continue;
        const bci_entity *x = &p->entities[m->entity];
        if (!x->person)
            continue;
        if (gender != BC_GENDER_UNKNOWN && x->gender != BC_GENDER_UNKNOWN && x->gender != gender)
            continue;
        if (latest == BCI_NONE)
            latest = m->entity;
        if (m->salient) {
            latest = m->entity;
            break;
        }
    }
    if (latest != BCI_NONE && p->entities[latest].gender == BC_GENDER_UNKNOWN)
        p->entities[latest].gender = gender;
    return latest;
}

/* Role heads that name whoever leads an organisation ("the Nato chief"). */
static bool generic_head(const bci_text *t, size_t i)
{
    size_t length;
    const char *w = bci_tok_text(t, i, &length);
    return (length == 5 && strncmp(w, "chief", 5) == 0) ||
           (length == 4 && strncmp(w, "head", 4) == 0) ||
           (length == 6 && strncmp(w, "leader", 6) == 0) ||
           (length == 4 && strncmp(w, "boss", 4) == 0);
}

size_t bci_people_resolve_role(const bci_people *p, const bci_text *t, size_t from, size_t to)
{
    if (from >= to)
        return BCI_NONE;
    size_t head = to - 1;
    size_t best = BCI_NONE;
    int best_score = 0;
    size_t examined = 0;
    for (size_t w = p->with_roles_count; w-- > 0 && examined < ROLE_CANDIDATES;) {
        size_t e = p->with_roles[w];
        const bci_entity *x = &p->entities[e];
        if (!x->person || x->first_mention == BCI_NONE || x->first_mention > from)
            continue;
        examined++;
        for (size_t r = 0; r < x->role_count; r++) {
            size_t role = x->roles[r];
            /* the role words: back from the role's last word to a non-word */
            size_t role_from = role;
            while (role_from > 0 && role - role_from < 6 && bci_is_word(t, role_from - 1) &&
                   !bci_tok_in(t, role_from - 1, BCI_LIST_DETERMINER))
                role_from--;
            bool head_match = same_word(t, role, head);
            int shared = 0;
            bool shared_capital = false;
            for (size_t k = from; k < head; k++) {
                if (bci_tok_in(t, k, BCI_LIST_DETERMINER))
                    continue;
                for (size_t j = role_from; j <= role; j++)
                    if (same_word(t, j, k)) {
                        shared++;
                        shared_capital |= (t->tokens[k].flags & BCI_TOK_CAPITAL) != 0;
                    }
            }
            if (!head_match && !(generic_head(t, head) && shared_capital))
                continue;
            int score = 1 + shared;
            if (score > best_score ||
                (score == best_score && x->first_mention > p->entities[best].first_mention)) {
                best = e;
                best_score = score;
            }
        }
    }
    return best;
}
