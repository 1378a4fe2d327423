/* Shared by the quote finder: the mark scanner (quotes.c), the tokenizer
 * (tokens.c), the word lists (wordlists.c), the person tracker (persons.c),
 * the grammar of attributions (subjects.c) and the attribution of speakers
 * (speakers.c). Token, span, entity and mention indices are size_t. */
#ifndef BRIEFCAST_QUOTES_INTERNAL_H
#define BRIEFCAST_QUOTES_INTERNAL_H

#include <stdint.h>
#include <utf8proc.h>

#include "text_internal.h"

/* "No such index" for token, span, entity and mention indices. */
#define BCI_NONE SIZE_MAX

/* ---- quote spans (quotes.c) -------------------------------------------- */

/* A quotation found by its marks, before attribution. Offsets are bytes of
 * the paragraph's text. */
typedef struct bci_span {
    size_t paragraph;
    size_t start;       /* the opening mark */
    size_t end;         /* after the closing mark, or the trimmed paragraph end */
    size_t inner_start; /* the words between the marks */
    size_t inner_end;
    bool closed;        /* has its closing mark in this paragraph */
    bool continued;     /* goes on in the next paragraph */
    bool continues;     /* goes on from the previous paragraph */
    bool partial;       /* part of the writer's sentence, or a scare quote */
} bci_span;

/* Finds the quotations of `count` paragraphs. Writes a new array (free()) to
 * `*spans` and its length to `*span_count`, in text order. Apostrophes,
 * inch and foot marks, markup attribute values and titles of works are not
 * quotations. Errors: BC_ENOMEM. */
int bci_find_spans(const bc_paragraph *paragraphs, size_t count, bci_span **spans,
                   size_t *span_count);

/* ---- tokens (tokens.c) -------------------------------------------------- */

enum {
    BCI_TOK_WORD = 1u << 0,       /* letters and digits; else one punctuation character */
    BCI_TOK_CAPITAL = 1u << 1,    /* a word whose first letter is upper case */
    BCI_TOK_ACRONYM = 1u << 2,    /* two or more letters, all upper case */
    BCI_TOK_DIGIT = 1u << 3,      /* a word that starts with a digit */
    BCI_TOK_POSSESSIVE = 1u << 4, /* ends in ’s, 's or s’ */
    BCI_TOK_QUOTED = 1u << 5,     /* inside a quotation, its marks included */
    BCI_TOK_OPEN = 1u << 6,       /* the opening mark of a quotation */
    BCI_TOK_CLOSE = 1u << 7,      /* the closing mark of a quotation */
    BCI_TOK_FRAME = 1u << 8,      /* starts a frame: a sentence with its quotes kept whole */
};

/* A word or punctuation character: bytes [start, end) of its paragraph. */
typedef struct bci_token {
    size_t start;
    size_t end;
    unsigned flags;
    int32_t cp;      /* the first code point */
    size_t span;     /* the quotation it is part of, or BCI_NONE */
} bci_token;

/* The tokens of every paragraph of a doc in one array; those of paragraph p
 * are [first[p], first[p + 1]). */
typedef struct bci_text {
    const bc_paragraph *paragraphs;
    size_t paragraph_count;
    bci_token *tokens;
    size_t count;
    size_t *first;       /* paragraph_count + 1 entries */
    size_t *para_of;     /* the paragraph of each token */
    size_t *frame_first; /* the first token of each token's frame */
    size_t *frame_last;  /* the end of each token's frame (exclusive) */
} bci_text;

/* Tokenizes the paragraphs and marks the tokens of each span (QUOTED, OPEN,
 * CLOSE) and the starts of frames. Errors: BC_ENOMEM (`text` is then empty).
 * Free with bci_text_free(). */
int bci_text_build(bci_text *text, const bc_paragraph *paragraphs, size_t paragraph_count,
                   const bci_span *spans, size_t span_count);
void bci_text_free(bci_text *text);

/* The bytes of token `i`. */
static inline const char *bci_tok_text(const bci_text *t, size_t i, size_t *length)
{
    const bci_token *k = &t->tokens[i];
    *length = k->end - k->start;
    return t->paragraphs[t->para_of[i]].text + k->start;
}

/* Whether token `i` is punctuation with code point `cp`. */
static inline bool bci_tok_is(const bci_text *t, size_t i, int32_t cp)
{
    return i < t->count && !(t->tokens[i].flags & BCI_TOK_WORD) && t->tokens[i].cp == cp;
}

/* Whether token `i` exists and is a word. */
static inline bool bci_is_word(const bci_text *t, size_t i)
{
    return i < t->count && (t->tokens[i].flags & BCI_TOK_WORD);
}

/* Whether token `i` (which must exist) is inside a quotation. */
static inline bool bci_is_quoted(const bci_text *t, size_t i)
{
    return (t->tokens[i].flags & BCI_TOK_QUOTED) != 0;
}

/* Whether code point `cp` is a letter (Unicode categories Lu to Lo). */
static inline bool bci_is_letter_cp(int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

/* The first token of the frame of token `i`, and the end of that frame. */
static inline size_t bci_frame_start(const bci_text *t, size_t i)
{
    return t->frame_first[i];
}

static inline size_t bci_frame_end(const bci_text *t, size_t i)
{
    return t->frame_last[i];
}

/* ---- word lists (wordlists.c) ------------------------------------------- */

typedef enum bci_list {
    BCI_LIST_CUE,        /* verbs that report speech: said, says, told, warned... */
    BCI_LIST_CUE_WEAK,   /* verbs that frame quoted words: called, described... */
    BCI_LIST_PARTICIPLE, /* adding, saying, noting... after a comma */
    BCI_LIST_HONORIFIC,  /* mr, mrs, ms, dr... */
    BCI_LIST_ROLE,       /* president, senator, minister, spokesman... */
    BCI_LIST_ORG,        /* house, department, council, news... */
    BCI_LIST_MALE,       /* first names that are usually men's */
    BCI_LIST_FEMALE,     /* first names that are usually women's */
    BCI_LIST_STOP,       /* capitalised words that start sentences, not names */
    BCI_LIST_ADVERB,     /* also, has, later... between a subject and its verb */
    BCI_LIST_CLAUSE,     /* that, and, but, because... that end a subject leftwards */
    BCI_LIST_DETERMINER, /* the, a, his, their... */
    BCI_LIST_WORK,       /* song, book, film... before a title in quotes */
    BCI_LIST_ELISION,    /* em, til, n... after an apostrophe that is not a quote */
    BCI_LIST_CONNECTOR,  /* de, van, bin... inside names */
    BCI_LIST_COUNT
} bci_list;

/* Whether `length` bytes of `word` (any case; ASCII letters compared
 * without case) are in `list`. A full stop at the end is ignored. */
bool bci_word_in(bci_list list, const char *word, size_t length);

/* Whether token `i` is a word of `list`. */
bool bci_tok_in(const bci_text *t, size_t i, bci_list list);

/* The entries of a list (sorted), for tests. */
const char *const *bci_word_list(bci_list list, size_t *count);

/* The gender a title, role or first name gives (mr, chairwoman, Mary), or
 * BC_GENDER_UNKNOWN. */
bc_gender bci_word_gender(const char *word, size_t length);

/* ---- people (persons.c) ------------------------------------------------- */

/* A person or organisation the article names. */
typedef struct bci_entity {
    size_t name_token;    /* the fullest name: tokens [name_token, name_end) */
    size_t name_end;
    size_t title_token;   /* a titled name ("Mr Stoltenberg"): [title_token, title_end) */
    size_t title_end;
    size_t first_token;   /* the first name, or BCI_NONE */
    size_t last_token;    /* the family name (or the organisation's last word) */
    size_t first_mention; /* token of the first mention */
    size_t roles[4];      /* last words of roles given ("minister"); four are plenty */
    size_t role_count;
    bc_gender gender;
    bool person;          /* evidence that it is a person */
    bool organisation;
} bci_entity;

/* A name in the text: tokens [token, end) refer to entity `entity`. */
typedef struct bci_mention {
    size_t token;
    size_t end;
    size_t entity;
    bool salient; /* a subject: it opens its sentence or says something */
} bci_mention;

typedef struct bci_people {
    bci_entity *entities;
    size_t entity_count;
    size_t entity_capacity;
    bci_mention *mentions; /* in text order */
    size_t mention_count;
    size_t mention_capacity;
    size_t *with_roles;    /* the entities that have roles (room for all) */
    size_t with_roles_count;
} bci_people;

/* Finds the names of the text outside quotations and links them to
 * entities (a later "Mr Stoltenberg" or "Stoltenberg" to an earlier "Jens
 * Stoltenberg"). Errors: BC_ENOMEM. Free with bci_people_free(). */
int bci_people_collect(bci_people *people, const bci_text *text);
void bci_people_free(bci_people *people);

/* The mention that covers token `i`, or BCI_NONE. */
size_t bci_people_mention_at(const bci_people *people, size_t i);

/* The person a pronoun of `gender` at token `i` most likely refers to: the
 * latest person named before it as a subject (in this paragraph or the one
 * before) whose gender agrees, else the latest such person named at all.
 * Returns the entity or BCI_NONE; an entity of unknown gender learns
 * `gender`. */
size_t bci_people_resolve_pronoun(bci_people *people, const bci_text *text, size_t i,
                                  bc_gender gender);

/* The person a description such as "the foreign minister" at tokens
 * [from, to) names, when the article gave that person this role ("Foreign
 * Minister Dmytro Kuleba", "Dmytro Kuleba, the foreign minister"), or
 * BCI_NONE. */
size_t bci_people_resolve_role(const bci_people *people, const bci_text *text, size_t from,
                               size_t to);

/* Records that the role word at token `role_token` ("minister") is a role
 * of `entity`, for later descriptions to find. */
void bci_people_add_role(bci_people *people, size_t entity, size_t role_token);

/* ---- the grammar of attributions (subjects.c) ---------------------------- */

typedef enum bci_subject_kind {
    BCI_SUBJECT_NONE,
    BCI_SUBJECT_PRONOUN,     /* "he", "she", "they" */
    BCI_SUBJECT_NAME,        /* ends with a name: "Council leader Maria Okafor" */
    BCI_SUBJECT_DESCRIPTION, /* "the council", "a spokesman for the firm" */
} bci_subject_kind;

/* Tokens [from, to) are the subject of a verb of speech. */
typedef struct bci_subject {
    bci_subject_kind kind;
    size_t from;
    size_t to;
} bci_subject;

/* Whether token `i` is `word` (lower case ASCII; the token in any case). */
bool bci_word_is(const bci_text *t, size_t i, const char *word);

/* Whether token `i`, outside quotations, is a verb of speech ("said",
 * "adding", "according to"); `weak` admits the verbs that frame quoted
 * words ("called", "described"). */
bool bci_is_cue(const bci_text *t, size_t i, bool weak);

/* The gender of the personal pronoun at token `i`; `*pronoun` tells whether
 * it is one (they, we, I and it have no gender). */
bc_gender bci_pronoun_gender(const bci_text *t, size_t i, bool *pronoun);

/* The noun phrase that ends at token `k` (inclusive), not before `limit`. */
bci_subject bci_noun_phrase_left(const bci_text *t, size_t k, size_t limit);

/* The subject of verb `v` before it ("X said", "X, the Y, said", "X, who
 * …, said"), not before token `limit`. */
bci_subject bci_subject_left(const bci_text *t, size_t v, size_t limit);

/* The subject after verb `v`, before token `end` ("said X", "according to
 * X", "said pollster X"). */
bci_subject bci_subject_right(const bci_text *t, size_t v, size_t end);

/* The subject of verb `v` between tokens `limit` and `end`: after
 * "according to", else before the verb; a participle after a comma takes
 * the subject of the verb before it ("X said …, adding"). */
bci_subject bci_subject_of(const bci_text *t, size_t v, size_t limit, size_t end);

/* The first verb of speech in tokens [from, to) within `max_words` words
 * (and four times as many tokens), stopping at sentence punctuation and
 * (unless `weak`) at quotations; or BCI_NONE. */
size_t bci_cue_after(const bci_text *t, size_t from, size_t to, size_t max_words, bool weak);

/* The last verb of speech in tokens [from, to) outside quotations, or
 * BCI_NONE. */
size_t bci_cue_before(const bci_text *t, size_t from, size_t to, bool weak);

/* A possessive before a noun of speech in [from, to) ("her remark that",
 * "Trump's statement:"): the possessor, with the noun's token in `*noun`. */
bci_subject bci_nominal_cue(const bci_text *t, size_t from, size_t to, size_t *noun);

/* The subject and verb that open the frame [start, open) ("Clinton decried
 * …", "On Sunday, she applauded …"); the verb's token goes to `*verb`. */
bci_subject bci_frame_subject(const bci_text *t, size_t start, size_t open, size_t *verb);

/* ---- attribution (speakers.c) -------------------------------------------- */

/* Attributes `span_count` spans over `text` and fills `quotes` (as many
 * entries, zeroed by the caller) with speakers, content and flags. Errors:
 * BC_ENOMEM (speakers already set are left for the caller to free). */
int bci_attribute(const bci_text *text, const bci_span *spans, size_t span_count,
                  bc_quote *quotes);

/* ---- the doc hook (quotes.c) --------------------------------------------- */

/* Finds the quotes of a doc whose paragraphs and sentences are set, and
 * fills doc->quotes and doc->quote_count. On error the doc has no quotes.
 * Errors: BC_ENOMEM. */
int bci_doc_find_quotes(bc_doc *doc, const bc_logger *logger);

#endif
