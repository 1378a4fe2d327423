/* The words of a doc as the ranker compares them: each sentence becomes a
 * bag of stemmed content words. Words are runs of letters and digits
 * (utf8proc's classes), lower-cased by utf8proc, stripped of English
 * function words and stemmed by Snowball's English stemmer (libstemmer).
 * Each distinct spelling is stemmed once: a table maps spellings to stems,
 * so the cost stays linear in the length of the text. */
#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "summary_internal.h"

/* English function words (lower case): they say nothing about the topic.
 * "said" and its kin are here too: news puts them in every other sentence. */
static const char *const stop_words[] = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "even",
    "ever", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here",
    "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is",
    "it", "its", "itself", "just", "let", "may", "me", "might", "more", "most", "much", "must",
    "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or",
    "other", "ought", "our", "ours", "ourselves", "out", "over", "own", "per", "same", "say",
    "said", "says", "saying", "shall", "she", "should", "since", "so", "some", "such", "than",
    "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they",
    "this", "those", "though", "through", "to", "told", "too", "under", "until", "up", "upon",
    "us", "very", "was", "we", "were", "what", "when", "where", "whether", "which", "while",
    "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you",
    "your", "yours", "yourself", "mr", "mrs", "ms", "dr", "it's", "he's", "she's", "that's",
    "there's", "they're", "we're", "you're", "i'm", "i've", "we've", "they've", "don't",
    "doesn't", "didn't", "won't", "can't", "isn't", "wasn't", "aren't", "weren't", "hasn't",
    "haven't", "hadn't", "wouldn't", "couldn't", "shouldn't",
};

/* Marks a spelling that is a stop word in the spelling table. */
#define STOP_TERM UINT32_MAX
/* Longest word kept whole (bytes); longer ones are compared by this prefix. */
#define MAX_WORD_BYTES 64

/* An open-addressing table from byte strings to ids; the strings live in
 * one arena. A slot with hash 0 is empty. */
typedef struct slot {
    uint64_t hash;
    size_t offset;
    size_t length;
    uint32_t value;
} slot;

typedef struct string_table {
    slot *slots;
    size_t capacity; /* a power of two */
    size_t used;
    bci_buf arena;
} string_table;

static void table_free(string_table *t)
{
    free(t->slots);
    bci_buf_free(&t->arena);
    *t = (string_table){0};
}

static uint64_t string_hash(const char *s, size_t length)
{
    uint64_t h = bci_hash(0, s, length);
    return h ? h : 1;
}

/* Returns the slot of `s`: its own, or the empty one where it would go. */
static slot *table_slot(const string_table *t, const char *s, size_t length, uint64_t hash)
{
    size_t mask = t->capacity - 1;
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
        slot *e = &t->slots[i];
        if (e->hash == 0)
            return e;
        if (e->hash == hash && e->length == length &&
            memcmp(t->arena.data + e->offset, s, length) == 0)
            return e;
    }
}

static int table_grow(string_table *t)
{
    size_t capacity = t->capacity ? t->capacity * 2 : 256;
    slot *slots = calloc(capacity, sizeof *slots);
    if (!slots)
        return BC_ENOMEM;
    string_table bigger = {slots, capacity, t->used, t->arena};
    for (size_t i = 0; i < t->capacity; i++) {
        const slot *e = &t->slots[i];
        if (e->hash)
            *table_slot(&bigger, t->arena.data + e->offset, e->length, e->hash) = *e;
    }
    free(t->slots);
    *t = bigger;
    return 0;
}

/* Looks `s` up; returns true and its value in `*value` when present. */
static bool table_find(const string_table *t, const char *s, size_t length, uint32_t *value)
{
    if (!t->capacity)
        return false;
    const slot *e = table_slot(t, s, length, string_hash(s, length));
    if (!e->hash)
        return false;
    *value = e->value;
    return true;
}

/* Adds `s` with `value` unless present; `*value_out` gets the value in the
 * table either way. Errors: BC_ENOMEM. */
static int table_add(string_table *t, const char *s, size_t length, uint32_t value,
                     uint32_t *value_out)
{
    if ((t->used + 1) * 2 > t->capacity && table_grow(t)) /* at most half full */
        return BC_ENOMEM;
    uint64_t hash = string_hash(s, length);
    slot *e = table_slot(t, s, length, hash);
    if (!e->hash) {
        size_t offset = t->arena.length;
        if (bci_buf_append(&t->arena, s, length))
            return BC_ENOMEM;
        *e = (slot){hash, offset, length, value};
        t->used++;
    }
    if (value_out)
        *value_out = e->value;
    return 0;
}

/* The state of one tokenising pass. */
typedef struct tokenizer {
    struct sb_stemmer *stemmer;
    string_table spellings; /* lower-cased spelling -> term id or STOP_TERM */
    string_table stems;     /* stem -> term id */
    uint32_t *ids;          /* the terms of the current sentence */
    size_t id_count, id_capacity;
} tokenizer;

static bool is_word_char(utf8proc_int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return true;
    default:
        return false;
    }
}

/* Turns one lower-cased word into a term id and appends it to the sentence's
 * terms (stop words and lone letters are dropped). */
static int add_word(tokenizer *tk, const char *word, size_t length)
{
    if (length == 1 && !(word[0] >= '0' && word[0] <= '9'))
        return 0;
    uint32_t term;
    if (!table_find(&tk->spellings, word, length, &term)) {
        const sb_symbol *stem = sb_stemmer_stem(tk->stemmer, (const sb_symbol *)word, (int)length);
        if (!stem)
            return BC_ENOMEM;
        size_t stem_length = (size_t)sb_stemmer_length(tk->stemmer);
        if (table_add(&tk->stems, (const char *)stem, stem_length, (uint32_t)tk->stems.used,
                      &term) ||
            table_add(&tk->spellings, word, length, term, NULL))
            return BC_ENOMEM;
    }
    if (term == STOP_TERM)
        return 0;
    void *items = tk->ids;
    if (bci_reserve(&items, &tk->id_capacity, tk->id_count + 1, sizeof *tk->ids))
        return BC_ENOMEM;
    tk->ids = items;
    tk->ids[tk->id_count++] = term;
    return 0;
}

/* Collects the term ids of `length` bytes of text into tk->ids. */
static int tokenize(tokenizer *tk, const char *text, size_t length)
{
    char word[MAX_WORD_BYTES + 4]; /* + 4: room for one more code point */
    size_t word_length = 0;
    tk->id_count = 0;
    for (size_t i = 0; i <= length;) {
        utf8proc_int32_t cp = ' ';
        utf8proc_ssize_t n = 1;
        if (i < length) {
            n = utf8proc_iterate((const utf8proc_uint8_t *)text + i, (utf8proc_ssize_t)(length - i),
                                 &cp);
            if (n < 1)
                n = 1, cp = ' '; /* an invalid byte separates words */
        }
        i += (size_t)n;
        bool apostrophe = (cp == '\'' || cp == 0x2019) && word_length > 0 && i < length &&
                          ((unsigned char)text[i] >= 0x80 ||
                           ((text[i] | 0x20) >= 'a' && (text[i] | 0x20) <= 'z'));
        if (apostrophe) {
            cp = '\'';
        } else if (!is_word_char(cp)) {
            if (word_length) {
                int rc = add_word(tk, word, word_length);
                if (rc)
                    return rc;
            }
            word_length = 0;
            continue;
        }
        if (word_length < MAX_WORD_BYTES)
            word_length += (size_t)utf8proc_encode_char(utf8proc_tolower(cp),
                                                        (utf8proc_uint8_t *)word + word_length);
    }
    return 0;
}

static int compare_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Appends the current sentence's terms to the pool as (term, count) pairs;
 * `*first` gets where they start and `*count` how many there are. */
static int pool_terms(tokenizer *tk, bci_term_count **pool, size_t *pool_length,
                      size_t *pool_capacity, size_t *first, size_t *count)
{
    if (tk->id_count)
        qsort(tk->ids, tk->id_count, sizeof *tk->ids, compare_u32);
    void *items = *pool;
    if (bci_reserve(&items, pool_capacity, *pool_length + tk->id_count, sizeof **pool))
        return BC_ENOMEM;
    *pool = items;
    *first = *pool_length;
    for (size_t i = 0; i < tk->id_count; i++) {
        bci_term_count *last = *pool_length > *first ? &(*pool)[*pool_length - 1] : NULL;
        if (last && last->term == tk->ids[i])
            last->count++;
        else
            (*pool)[(*pool_length)++] = (bci_term_count){tk->ids[i], 1};
    }
    *count = *pool_length - *first;
    return 0;
}

int bci_summary_text_build(const bc_doc *doc, bci_summary_text *text)
{
    tokenizer tk = {0};
    size_t *firsts = NULL;
    size_t pool_length = 0, pool_capacity = 0, title_first = 0;
    size_t n = doc->sentence_count;
    int rc = BC_ENOMEM;
    *text = (bci_summary_text){0};
    text->sentence_count = n;
    text->sentences = calloc(n ? n : 1, sizeof *text->sentences);
    firsts = calloc(n ? n : 1, sizeof *firsts);
    tk.stemmer = sb_stemmer_new("english", NULL);
    void *items = NULL; /* the pool exists even when no sentence has a word */
    if (!text->sentences || !firsts || !tk.stemmer ||
        bci_reserve(&items, &pool_capacity, 1, sizeof *text->pool))
        goto fail;
    text->pool = items;
    for (size_t i = 0; i < BCI_ARRAY_LEN(stop_words); i++)
        if (table_add(&tk.spellings, stop_words[i], strlen(stop_words[i]), STOP_TERM, NULL))
            goto fail;

    for (size_t i = 0; i < n; i++) {
        size_t length;
        const char *s = bc_doc_sentence(doc, i, &length);
        bci_sentence_info *info = &text->sentences[i];
        info->words = bc_count_words(s, length);
        info->flags = bci_sentence_flags(s, length, info->words);
        if (doc->sentences[i].paragraph == doc->sentences[0].paragraph)
            info->flags |= BCI_SENT_LEAD_PARAGRAPH;
        if ((rc = tokenize(&tk, s, length)) ||
            (rc = pool_terms(&tk, &text->pool, &pool_length, &pool_capacity, &firsts[i],
                             &info->terms.count)))
            goto fail;
    }
    const char *title = doc->article ? doc->article->title : NULL;
    if (title && ((rc = tokenize(&tk, title, strlen(title))) ||
                  (rc = pool_terms(&tk, &text->pool, &pool_length, &pool_capacity, &title_first,
                                   &text->title.count))))
        goto fail;
    /* The pool has stopped moving: point the vectors into it. */
    for (size_t i = 0; i < n; i++)
        text->sentences[i].terms.terms = text->pool + firsts[i];
    text->title.terms = text->pool + title_first;
    text->term_count = tk.stems.used;
    rc = 0;
    goto done;

fail:
    bci_summary_text_free(text);
    if (!rc)
        rc = BC_ENOMEM;
done:
    free(firsts);
    free(tk.ids);
    table_free(&tk.spellings);
    table_free(&tk.stems);
    if (tk.stemmer)
        sb_stemmer_delete(tk.stemmer);
    return rc;
}

void bci_summary_text_free(bci_summary_text *text)
{
    free(text->sentences);
    free(text->pool);
    *text = (bci_summary_text){0};
}
