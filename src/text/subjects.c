/* The grammar of attributions: which words are the subject of a verb of
 * speech ("X said", "said X", "X, the Y, said", "according to X", "her
 * remark that"), read from the tokens of the text with word lists, without
 * a parser. The attribution itself (which verb reports which quote, and
 * who the subject is) is in speakers.c. */
#include <string.h>

#include "quotes_internal.h"

/* Longest subject (words) and apposition (tokens) taken before a verb. */
#define SUBJECT_WORDS 10
#define APPOSITION_TOKENS 30

bool bci_word_is(const bci_text *t, size_t i, const char *word)
{
    if (!bci_is_word(t, i))
        return false;
    size_t length;
    const char *w = bci_tok_text(t, i, &length);
    if (length != strlen(word))
        return false;
    for (size_t k = 0; k < length; k++) {
        char c = w[k];
        if ((char)((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c) != word[k])
            return false;
    }
    return true;
}

bool bci_is_cue(const bci_text *t, size_t i, bool weak)
{
    if (bci_is_quoted(t, i))
        return false;
    if (bci_word_is(t, i, "according") && bci_word_is(t, i + 1, "to"))
        return true;
    if ((bci_word_is(t, i, "put") || bci_word_is(t, i, "puts")) && bci_word_is(t, i + 1, "it"))
        return true; /* "as X put it" */
    if ((bci_word_is(t, i, "went") || bci_word_is(t, i, "goes")) && bci_word_is(t, i + 1, "on"))
        return true; /* "“…,” Trump went on" */
    return bci_tok_in(t, i, BCI_LIST_CUE) || bci_tok_in(t, i, BCI_LIST_PARTICIPLE) ||
           (weak && bci_tok_in(t, i, BCI_LIST_CUE_WEAK));
}

/* An adverb or auxiliary that may stand between a subject and its verb
 * ("also", "has", "repeatedly"). */
static bool is_adverb(const bci_text *t, size_t i)
{
    if (!bci_is_word(t, i) || (t->tokens[i].flags & BCI_TOK_CAPITAL))
        return false;
    size_t length;
    const char *w = bci_tok_text(t, i, &length);
    return bci_tok_in(t, i, BCI_LIST_ADVERB) || (length > 4 && w[length - 2] == 'l' &&
                                                 w[length - 1] == 'y');
}

bc_gender bci_pronoun_gender(const bci_text *t, size_t i, bool *pronoun)
{
    *pronoun = true;
    if (bci_word_is(t, i, "he"))
        return BC_GENDER_MALE;
    if (bci_word_is(t, i, "she"))
        return BC_GENDER_FEMALE;
    *pronoun = bci_word_is(t, i, "they") || bci_word_is(t, i, "we") || bci_word_is(t, i, "i") ||
               bci_word_is(t, i, "it") || bci_word_is(t, i, "you");
    return BC_GENDER_UNKNOWN;
}

/* The number of tokens of a time expression that ends at token `k`
 * ("Tuesday", "last week", "on Monday", "earlier this year"), or 0. */
static size_t time_words(const bci_text *t, size_t k, size_t limit)
{
    static const char *const units[] = {"week", "month", "year", "night", "morning",
                                        "afternoon", "evening", "weekend"};
    static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                       "saturday", "sunday", "yesterday", "today", "tonight"};
    size_t n = 0;
    for (size_t i = 0; i < BCI_ARRAY_LEN(days) && n == 0; i++)
        if (bci_word_is(t, k, days[i]))
            n = 1;
    for (size_t i = 0; i < BCI_ARRAY_LEN(units) && n == 0; i++)
        if (bci_word_is(t, k, units[i]) && k > limit &&
            (bci_word_is(t, k - 1, "last") || bci_word_is(t, k - 1, "this") ||
             bci_word_is(t, k - 1, "that") || bci_word_is(t, k - 1, "next")))
            n = 2;
    if (n == 0)
        return 0;
    if (k + 1 > limit + n && (bci_word_is(t, k - n, "on") || bci_word_is(t, k - n, "earlier") ||
                              bci_word_is(t, k - n, "later")))
        n++;
    return k + 1 > limit + n ? n : 0;
}

/* The noun phrase that ends at token `k` (inclusive), not before `limit`. */
bci_subject bci_noun_phrase_left(const bci_text *t, size_t k, size_t limit)
{
    bci_subject s = {BCI_SUBJECT_NONE, k + 1, k + 1};
    bool pronoun;
    bci_pronoun_gender(t, k, &pronoun);
    if (pronoun) {
        s.kind = BCI_SUBJECT_PRONOUN;
        s.from = k;
        return s;
    }
    size_t start = k + 1, words = 0, lower = 0;
    bool capital_seen = false, determiner = false;
    for (size_t i = k + 1; i-- > limit;) {
        if (!bci_is_word(t, i) || bci_is_quoted(t, i))
            break;
        bool capital = (t->tokens[i].flags & BCI_TOK_CAPITAL) != 0;
        if (bci_tok_in(t, i, BCI_LIST_DETERMINER)) {
            start = i;
            determiner = true;
            /* "a spokesman for the company": go on past "for" */
            if (i > limit + 1 && (bci_word_is(t, i - 1, "of") || bci_word_is(t, i - 1, "for") ||
                                  bci_word_is(t, i - 1, "at") || bci_word_is(t, i - 1, "from")) &&
                bci_is_word(t, i - 2) && !bci_tok_in(t, i - 2, BCI_LIST_CUE) &&
                !bci_tok_in(t, i - 2, BCI_LIST_CUE_WEAK)) {
                i--;
                start = i;
                determiner = false;
                lower = 0;
                continue;
            }
            break;
        }
        if (!capital && (bci_tok_in(t, i, BCI_LIST_CLAUSE) || bci_tok_in(t, i, BCI_LIST_CUE) ||
                         bci_tok_in(t, i, BCI_LIST_CUE_WEAK) || bci_tok_in(t, i, BCI_LIST_STOP) ||
                         is_adverb(t, i) || (t->tokens[i].flags & BCI_TOK_DIGIT)))
            break;
        if (!capital && !(bci_word_is(t, i, "of") || bci_tok_in(t, i, BCI_LIST_CONNECTOR)) &&
            ++lower > 3)
            break;
        if (capital && bci_tok_in(t, i, BCI_LIST_STOP))
            break;
        capital_seen |= capital;
        start = i;
        if (++words >= SUBJECT_WORDS)
            break;
    }
    if (start > k)
        return s;
    s.from = start;
    /* a name ends the phrase: "Council leader Maria Okafor" */
    bool ends_capital = (t->tokens[k].flags & BCI_TOK_CAPITAL) &&
                        !(t->tokens[k].flags & BCI_TOK_POSSESSIVE);
    if (ends_capital) {
        s.kind = BCI_SUBJECT_NAME;
    } else if (determiner || capital_seen || bci_tok_in(t, k, BCI_LIST_ROLE)) {
        s.kind = BCI_SUBJECT_DESCRIPTION;
    } else {
        size_t length;
        const char *w = bci_tok_text(t, k, &length);
        /* "officials said", "police said"; not "it also said" */
        if (k == s.from && length > 3 && (w[length - 1] == 's' || bci_word_is(t, k, "police")))
            s.kind = BCI_SUBJECT_DESCRIPTION;
    }
    return s;
}

/* The subject of verb `v` found leftwards, not before `limit`. */
bci_subject bci_subject_left(const bci_text *t, size_t v, size_t limit)
{
    bci_subject none = {BCI_SUBJECT_NONE, v, v};
    if (v <= limit)
        return none;
    size_t k = v - 1;
    for (int skipped = 0; k > limit && skipped < 4; skipped++) {
        size_t n = time_words(t, k, limit);
        if (n > 0)
            k -= n;
        else if (is_adverb(t, k))
            k--;
        else
            break;
    }
    if (bci_tok_is(t, k, ')')) { /* "Ryan (R-Wis.) said" */
        size_t open = k;
        while (open > limit && k - open < 12 && !bci_tok_is(t, open, '('))
            open--;
        if (!bci_tok_is(t, open, '(') || open == limit)
            return none;
        k = open - 1;
    }
    if (bci_tok_is(t, k, ',')) { /* "Jane Smith, the mayor, said" */
        size_t comma = k;
        while (comma > limit && k - comma < APPOSITION_TOKENS) {
            comma--;
            if (bci_is_quoted(t, comma) || bci_tok_is(t, comma, '.'))
                return none;
            if (bci_tok_is(t, comma, ','))
                break;
        }
        if (!bci_tok_is(t, comma, ',') || comma <= limit)
            return none;
        /* "her opponent, Donald Trump, said": the name in the apposition */
        bool name = k - comma - 1 <= 4;
        for (size_t i = comma + 1; i < k && name; i++)
            name = (t->tokens[i].flags & BCI_TOK_CAPITAL) &&
                   !(t->tokens[i].flags & BCI_TOK_POSSESSIVE);
        if (name && k > comma + 1 && !bci_tok_in(t, comma + 1, BCI_LIST_STOP) &&
            !(t->tokens[comma - 1].flags & BCI_TOK_CAPITAL))
            return (bci_subject){BCI_SUBJECT_NAME, comma + 1, k};
        k = comma - 1;
    }
    if (bci_word_is(t, k, "who") && k > limit && bci_tok_is(t, k - 1, ',') && k - 1 > limit)
        k -= 2; /* "Tom Reilly, who said" */
    if (k < limit)
        return none;
    return bci_noun_phrase_left(t, k, limit);
}

/* The subject after verb `v` ("said Smith", "according to the council"). */
bci_subject bci_subject_right(const bci_text *t, size_t v, size_t end)
{
    bci_subject s = {BCI_SUBJECT_NONE, v, v};
    size_t k = v + 1;
    if (bci_word_is(t, v, "according"))
        k++;
    if (k >= end || !bci_is_word(t, k) || bci_is_quoted(t, k))
        return s;
    bool pronoun;
    bci_pronoun_gender(t, k, &pronoun);
    if (pronoun) {
        s = (bci_subject){BCI_SUBJECT_PRONOUN, k, k + 1};
        return s;
    }
    bool determiner = bci_tok_in(t, k, BCI_LIST_DETERMINER);
    if (bci_tok_in(t, k, BCI_LIST_STOP) && !determiner)
        return s; /* "tweeted Sunday", "said Tuesday" */
    if (!determiner && !(t->tokens[k].flags & BCI_TOK_CAPITAL)) {
        /* "said pollster Frank Luntz", "said master of ceremonies Asab Al-Tabchi" */
        size_t name = k;
        while (name < end && name < k + 4 && bci_is_word(t, name) && !bci_is_quoted(t, name) &&
               !(t->tokens[name].flags & BCI_TOK_CAPITAL) &&
               !bci_tok_in(t, name, BCI_LIST_CLAUSE) && !bci_tok_in(t, name, BCI_LIST_STOP))
            name++;
        if (name >= end || name == k || !bci_is_word(t, name) ||
            !(t->tokens[name].flags & BCI_TOK_CAPITAL) || !bci_tok_in(t, k, BCI_LIST_ROLE))
            return s;
        determiner = true;
    }
    size_t i = k, lower = 0, last_capital = BCI_NONE;
    for (; i < end && i < k + SUBJECT_WORDS; i++) {
        if (!bci_is_word(t, i) || bci_is_quoted(t, i))
            break;
        bool capital = (t->tokens[i].flags & BCI_TOK_CAPITAL) != 0;
        if (i > k && !capital && (bci_tok_in(t, i, BCI_LIST_CLAUSE) || is_adverb(t, i) ||
                                  bci_tok_in(t, i, BCI_LIST_CUE) ||
                                  bci_word_is(t, i, "in") || bci_word_is(t, i, "on")))
            break;
        if (!capital && i > k && ++lower > 4)
            break;
        if (capital)
            last_capital = i;
    }
    s.from = k;
    s.to = i;
    if (s.to <= s.from)
        return s;
    bool ends_capital = last_capital == s.to - 1 &&
                        !(t->tokens[last_capital].flags & BCI_TOK_POSSESSIVE);
    s.kind = ends_capital ? BCI_SUBJECT_NAME : BCI_SUBJECT_DESCRIPTION;
    if (!ends_capital && !determiner && last_capital != BCI_NONE &&
        !(t->tokens[last_capital].flags & BCI_TOK_POSSESSIVE)) {
        s.to = last_capital + 1; /* "said Smith in" */
        s.kind = BCI_SUBJECT_NAME;
    }
    return s;
}

/* The first verb of speech in [from, to) within `max_words` words, stopping
 * at quotations and sentence punctuation; BCI_NONE when there is none. */
size_t bci_cue_after(const bci_text *t, size_t from, size_t to, size_t max_words, bool weak)
{
    size_t words = 0;
    /* quotes and punctuation count too, four tokens to a word */
    size_t limit = to - from > 4 * max_words ? from + 4 * max_words : to;
    for (size_t i = from; i < limit && words < max_words; i++) {
        if (bci_is_quoted(t, i)) {
            if (!weak)
                return BCI_NONE;
            continue; /* "… “a” and “b,” X said": the quotes of one clause */
        }
        if (!bci_is_word(t, i)) {
            int32_t cp = t->tokens[i].cp;
            if (cp == '.' || cp == '!' || cp == '?' || cp == ';' || cp == ':')
                return BCI_NONE;
            continue;
        }
        if (bci_is_cue(t, i, weak))
            return i;
        words++;
    }
    return BCI_NONE;
}

/* The last verb of speech in [from, to) outside quotations, or BCI_NONE. */
size_t bci_cue_before(const bci_text *t, size_t from, size_t to, bool weak)
{
    for (size_t i = to; i-- > from;) {
        if (bci_is_quoted(t, i))
            continue;
        if (bci_is_cue(t, i, weak))
            return i;
    }
    return BCI_NONE;
}

/* The subject and verb that open the frame [start, open): "Clinton
 * decried …", "On Sunday, Trump identified …", "She applauded …". The
 * subject is a name or a pronoun and the verb a lower-case word in -ed or
 * -s (any word when `any_verb`); `*verb` is set. */
static bci_subject frame_opening(const bci_text *t, size_t start, size_t open, size_t *verb,
                                 bool any_verb)
{
    bci_subject none = {BCI_SUBJECT_NONE, start, start};
    size_t i = start;
    /* an opening phrase up to a comma: "On Sunday," "In a statement," */
    for (size_t k = start; k < open && k < start + 8; k++)
        if (bci_tok_is(t, k, ',')) {
            if (!(t->tokens[start].flags & BCI_TOK_CAPITAL) ||
                !bci_tok_in(t, start, BCI_LIST_STOP))
                break;
            i = k + 1;
            break;
        }
    size_t j = i;
    bool pronoun;
    bci_pronoun_gender(t, i, &pronoun);
    if (pronoun) {
        j = i + 1;
    } else {
        while (j < open && bci_is_word(t, j) && (t->tokens[j].flags & BCI_TOK_CAPITAL) &&
               !(t->tokens[j].flags & BCI_TOK_POSSESSIVE) && !bci_tok_in(t, j, BCI_LIST_STOP))
            j++;
    }
    if (j == i || j >= open)
        return none;
    size_t v = j;
    while (v < open && is_adverb(t, v) && v < j + 3)
        v++;
    size_t length;
    if (v >= open || !bci_is_word(t, v) ||
        (t->tokens[v].flags & (BCI_TOK_CAPITAL | BCI_TOK_DIGIT)) ||
        bci_tok_in(t, v, BCI_LIST_STOP) || bci_tok_in(t, v, BCI_LIST_CLAUSE))
        return none;
    const char *w = bci_tok_text(t, v, &length);
    bool verb_like = any_verb || (length > 3 && w[length - 2] == 'e' && w[length - 1] == 'd') ||
                     (length > 3 && w[length - 1] == 's' && w[length - 2] != 's') ||
                     bci_is_cue(t, v, true);
    if (!verb_like)
        return none;
    *verb = v;
    if (pronoun)
        return (bci_subject){BCI_SUBJECT_PRONOUN, i, i + 1};
    return (bci_subject){BCI_SUBJECT_NAME, i, j};
}

/* The subject of verb `v`, looking left to `limit` and right to `end`. A
 * participle after a comma ("…, adding:") takes the subject of the verb
 * before it. */
bci_subject bci_subject_of(const bci_text *t, size_t v, size_t limit, size_t end)
{
    if (bci_word_is(t, v, "according"))
        return bci_subject_right(t, v, end);
    if (bci_tok_in(t, v, BCI_LIST_PARTICIPLE) && v > limit && bci_tok_is(t, v - 1, ',')) {
        size_t main = bci_cue_before(t, limit, v - 1, true);
        if (main != BCI_NONE && main != v)
            return bci_subject_of(t, main, limit, end);
        /* "Clinton spoke out in Tulsa, arguing …": the sentence's subject */
        size_t verb = BCI_NONE;
        bci_subject s = frame_opening(t, bci_frame_start(t, v) > limit ? bci_frame_start(t, v)
                                                                       : limit,
                                      v, &verb, true);
        if (s.kind != BCI_SUBJECT_NONE)
            return s;
    }
    bci_subject s = bci_subject_left(t, v, limit);
    if (s.kind == BCI_SUBJECT_NONE && v == bci_frame_start(t, v))
        s = bci_subject_right(t, v, end); /* "Said Dorothy Poynter, …: “…”" */
    return s;
}

/* Nouns that report words when a possessive stands before them. */
static const char *const speech_nouns[] = {
    "accusation", "admission", "announcement", "answer", "argument", "assertion", "claim",
    "comment", "comments", "criticism", "declaration", "description", "message", "pledge",
    "post", "prediction", "promise", "quip", "remark", "remarks", "reply", "response",
    "speech", "statement", "tweet", "vow", "warning", "words",
};

/* "her remark that “…”", "Trump’s statement: “…”": a possessive and a noun
 * of speech in [from, to); the possessor is the subject and `*noun` the
 * noun. */
bci_subject bci_nominal_cue(const bci_text *t, size_t from, size_t to, size_t *noun)
{
    bci_subject none = {BCI_SUBJECT_NONE, from, from};
    for (size_t i = to; i-- > from + 1;) {
        if (bci_is_quoted(t, i))
            break;
        bool speech = false;
        for (size_t k = 0; k < BCI_ARRAY_LEN(speech_nouns) && !speech; k++)
            speech = bci_word_is(t, i, speech_nouns[k]);
        if (!speech)
            continue;
        size_t owner = i - 1;
        while (owner > from && !(t->tokens[owner].flags & BCI_TOK_POSSESSIVE) &&
               !bci_word_is(t, owner, "his") && !bci_word_is(t, owner, "her") && i - owner < 3 &&
               bci_is_word(t, owner) && !(t->tokens[owner].flags & BCI_TOK_CAPITAL))
            owner--; /* "his latest remarks" */
        *noun = i;
        if (bci_word_is(t, owner, "his") || bci_word_is(t, owner, "her"))
            return (bci_subject){BCI_SUBJECT_PRONOUN, owner, owner + 1};
        if ((t->tokens[owner].flags & BCI_TOK_POSSESSIVE) &&
            (t->tokens[owner].flags & BCI_TOK_CAPITAL)) {
            bci_subject s = bci_noun_phrase_left(t, owner, from);
            if (s.kind != BCI_SUBJECT_NONE) {
                s.kind = BCI_SUBJECT_NAME;
                s.to = owner + 1;
            }
            return s;
        }
        return none;
    }
    return none;
}

bci_subject bci_frame_subject(const bci_text *t, size_t start, size_t open, size_t *verb)
{
    return frame_opening(t, start, open, verb, false);
}
