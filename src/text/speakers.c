/* Who said each quote. A quote's frame (its sentence, quotations kept
 * whole) is searched for a verb of speech: after the quote ("…,” X said",
 * "…,” said X", "…,” X, the Y, said") or before it ("X said: “…”", "He
 * added that …"). The verb's subject is a name, a pronoun resolved to the
 * latest person of the same gender, or a description ("the council", "the
 * foreign minister", linked to a person when the article gives that person
 * the role). Quotes without an attribution of their own take the speaker
 * of the quote they continue or resume, of the narration just before them
 * ("X said the work could not wait. “…”"), or of the previous paragraph.
 * Speakers are given by the fullest name the article uses. */
#include <stdlib.h>
#include <string.h>

#include "quotes_internal.h"

/* How many words after a closing mark the verb of "…,” X said" may come. */
#define POST_WORDS 10
/* Longest attribution between two parts of one quotation (words). */
#define INTERRUPTION_WORDS 25
/* How far before a partial quote its verb may be (words): "X said the
 * plan was “dead”" but not a verb of an earlier clause. */
#define PARTIAL_WORDS 40
/* How far after a partial quote its verb may be ("…“burn bag,” the Times
 * reported"). */
#define PARTIAL_POST_WORDS 25
/* A partial quote this long is a statement (the command line lists it),
 * and takes a speaker from nearby when its sentence names none. */
#define STATEMENT_WORDS 8
/* How many tokens of a sentence are searched for a verb introducing a
 * person (keeps pathological sentences linear). */
#define FRAME_SCAN 60
/* Quoted words after a verb that is not one of speech ("Clinton decried
 * the GOP for “turning its back”") are the subject's when there are at
 * least this many; fewer are scare quotes. */
#define SAID_WORDS 3
/* Longest tail of a clause after a partial quote (tokens). */
#define CLAUSE_TOKENS 60

/* A resolved speaker: an entity or a description's words, and the words
 * that name the speaker for this quote (a pronoun may name someone the
 * article does not identify: then the speaker is not known). */
typedef struct speaker {
    bool known;
    size_t entity;    /* BCI_NONE for a description */
    size_t name_from; /* a description's words: [name_from, name_to) */
    size_t name_to;
    size_t from;      /* the mention, or BCI_NONE */
    size_t to;
} speaker;

static const speaker no_speaker = {false, BCI_NONE, BCI_NONE, BCI_NONE, BCI_NONE, BCI_NONE};

typedef struct context {
    const bci_text *t;
    const bci_span *spans;
    size_t span_count;
    bci_people people;
    size_t *open_token;  /* per span: its first token */
    size_t *close_token; /* per span: its last token */
    speaker *speakers;   /* per span */
    size_t *verbs;       /* per span: the verb of its attribution, or BCI_NONE */
    bool *partial;       /* per span: still partial (a resumed quote is not) */
} context;

/* Whether only punctuation lies between tokens `a` and `b` (exclusive). */
static bool only_punctuation(const bci_text *t, size_t a, size_t b)
{
    for (size_t i = a + 1; i < b; i++)
        if (bci_is_word(t, i))
            return false;
    return true;
}

/* "The foreign minister said … Speaking to reporters, Dmytro Kuleba said
 * …": a person first named in the next two sentences (up to the end of the
 * next paragraph) as the subject of a verb of speech is the one described
 * by the role at tokens [s.from, s.to). Returns the entity, whom the role
 * is then given to, or BCI_NONE. */
static size_t cataphora(context *c, bci_subject s)
{
    const bci_text *t = c->t;
    if (s.to >= t->count || !bci_tok_in(t, s.to - 1, BCI_LIST_ROLE))
        return BCI_NONE;
    size_t paragraph = t->para_of[s.to - 1];
    size_t limit = t->first[paragraph + 2 <= t->paragraph_count ? paragraph + 2
                                                                 : t->paragraph_count];
    size_t i = bci_frame_end(t, s.to - 1);
    for (size_t frames = 0; i < limit && frames < 2; i = bci_frame_end(t, i), frames++) {
        size_t stop = bci_frame_end(t, i);
        for (size_t v = i; v < stop && v < i + FRAME_SCAN; v++) {
            if (!bci_is_cue(t, v, false))
                continue;
            bci_subject named = bci_subject_left(t, v, i);
            size_t m = named.kind == BCI_SUBJECT_NAME
                           ? bci_people_mention_at(&c->people, named.to - 1)
                           : BCI_NONE;
            if (m == BCI_NONE)
                return BCI_NONE;
            size_t e = c->people.mentions[m].entity;
            const bci_entity *x = &c->people.entities[e];
            if (!x->person || x->first_mention < s.from)
                return BCI_NONE;
            bci_people_add_role(&c->people, e, s.to - 1);
            return e;
        }
    }
    return BCI_NONE;
}

/* Resolves a subject to a speaker. */
static speaker resolve(context *c, bci_subject s)
{
    const bci_text *t = c->t;
    speaker r = {true, BCI_NONE, s.from, s.to, s.from, s.to};
    switch (s.kind) {
    case BCI_SUBJECT_NONE:
        return no_speaker;
    case BCI_SUBJECT_PRONOUN: {
        bool pronoun;
        bc_gender gender = bci_pronoun_gender(t, s.from, &pronoun);
        if (gender != BC_GENDER_UNKNOWN)
            r.entity = bci_people_resolve_pronoun(&c->people, t, s.from, gender);
        r.known = r.entity != BCI_NONE;
        return r;
    }
    case BCI_SUBJECT_NAME: {
        size_t m = bci_people_mention_at(&c->people, s.to - 1);
        if (m != BCI_NONE)
            r.entity = c->people.mentions[m].entity;
        return r;
    }
    case BCI_SUBJECT_DESCRIPTION:
        if (bci_word_is(t, s.from, "a") || bci_word_is(t, s.from, "an") ||
            bci_word_is(t, s.from, "another") || bci_word_is(t, s.from, "one"))
            return r; /* "a spokesman said": someone not named before */
        r.entity = bci_people_resolve_role(&c->people, t, s.from, s.to);
        if (r.entity == BCI_NONE)
            r.entity = cataphora(c, s);
        return r;
    }
    return no_speaker;
}

/* Gives roles to the people that descriptions in the narration turn out to
 * be ("The Ukrainian foreign minister said …" before the minister is
 * named), so that later quotes of "the foreign minister" find them. */
static void link_roles(context *c)
{
    const bci_text *t = c->t;
    for (size_t v = 0; v < t->count; v++) {
        if (!bci_is_cue(t, v, false))
            continue;
        bci_subject s = bci_subject_left(t, v, bci_frame_start(t, v));
        if (s.kind == BCI_SUBJECT_DESCRIPTION &&
            bci_people_resolve_role(&c->people, t, s.from, s.to) == BCI_NONE)
            cataphora(c, s);
    }
}

/* Whether verb `v` can report the quote that opens at token `open`: close
 * enough, and in the same clause (no ; : dash or bracket between). */
static bool governs(const bci_text *t, size_t v, size_t open)
{
    size_t words = 0;
    for (size_t i = v + 1; i < open; i++) {
        if (bci_is_word(t, i)) {
            if (++words > PARTIAL_WORDS)
                return false;
            continue;
        }
        int32_t cp = t->tokens[i].cp;
        if (cp == ';' || cp == ':' || cp == '(' || cp == ')')
            return false;
    }
    return true;
}

/* The number of words of span `q`. */
static size_t span_words(const context *c, size_t q)
{
    size_t words = 0;
    for (size_t i = c->open_token[q]; i <= c->close_token[q]; i++)
        words += bci_is_word(c->t, i);
    return words;
}

/* Finds the attribution of span `q` in its own frame. Sets `*verb`. */
static speaker attribute_in_frame(context *c, size_t q, size_t *verb)
{
    const bci_text *t = c->t;
    bool partial = c->partial[q];
    size_t open = c->open_token[q], close = c->close_token[q];
    size_t start = bci_frame_start(t, open), end = bci_frame_end(t, close);
    /* the narration before the quote starts after any earlier quote */
    size_t limit = start;
    for (size_t i = open; i-- > start;)
        if (bci_is_quoted(t, i)) {
            limit = i + 1;
            break;
        }
    size_t post = partial ? bci_cue_after(t, close + 1, end, PARTIAL_POST_WORDS, true)
                          : bci_cue_after(t, close + 1, end, POST_WORDS, false);
    if (partial && post != BCI_NONE && !bci_is_cue(t, post, false))
        post = BCI_NONE; /* only verbs of speech follow: "…, the Times reported" */
    size_t pre = bci_cue_before(t, limit, open, true);
    if (partial && pre != BCI_NONE && !governs(t, pre, open))
        pre = BCI_NONE;
    if (partial && pre != BCI_NONE && q > 0 && c->verbs[q - 1] == pre && !c->partial[q - 1])
        pre = BCI_NONE; /* “…,” Cruz said after a brief “I’m sorry” */
    size_t order[2] = {post, pre};
    bool introduced = pre != BCI_NONE && open > 0 &&
                      (bci_tok_is(t, open - 1, ':') ||
                       (bci_tok_is(t, open - 1, ',') && pre + 2 == open));
    bool inverted = post != BCI_NONE && only_punctuation(t, close, post); /* “…,” asked X */
    if ((partial || introduced) && !inverted) {
        order[0] = pre;
        order[1] = post;
    }
    speaker unknown = no_speaker; /* a pronoun that names nobody known */
    size_t unknown_verb = BCI_NONE;
    for (size_t k = 0; k < 2; k++) {
        size_t v = order[k];
        if (v == BCI_NONE)
            continue;
        bci_subject s;
        if (v > close && only_punctuation(t, close, v)) {
            s = bci_subject_right(t, v, end); /* "…,” said X" */
        } else {
            s = bci_subject_of(t, v, v > close ? close + 1 : limit, end);
            if (s.kind == BCI_SUBJECT_NONE && v > close && bci_tok_is(t, v - 1, ','))
                s = bci_subject_right(t, v, end); /* "… “…” for her, said X" */
        }
        if (partial && v > close && s.kind != BCI_SUBJECT_NONE && !only_punctuation(t, close, v) &&
            !bci_tok_is(t, v - 1, ',') && s.from != close + 1 &&
            !(s.from > close + 1 && bci_tok_is(t, s.from - 1, ',')))
            continue; /* the attribution of a partial quote follows its clause */
        speaker r = resolve(c, s);
        if (r.known) {
            *verb = v;
            return r;
        }
        if (r.from != BCI_NONE && unknown.from == BCI_NONE) {
            unknown = r;
            unknown_verb = v;
        }
    }
    if (unknown.from != BCI_NONE) {
        *verb = unknown_verb;
        return unknown;
    }
    if (partial || introduced || pre == BCI_NONE) {
        /* "her remark that “…”", "Trump’s comment that “…”" */
        size_t noun = BCI_NONE;
        bci_subject s = bci_nominal_cue(t, limit, open, &noun);
        speaker r = resolve(c, s);
        if (r.known && (!partial || governs(t, noun, open))) {
            *verb = noun;
            return r;
        }
    }
    if (partial) {
        /* "Clinton decried the GOP for “turning its back”", and "Clinton
         * slammed the shift and accused Sanders of a “flip-flop”" where the
         * nearer verb reports the quote; but "Putin has gathered a force
         * to launch an “imminent” invasion" does not say a scare quote */
        size_t v = BCI_NONE;
        bci_subject s = bci_frame_subject(t, start, open, &v);
        speaker r = resolve(c, s);
        if (r.known && v != BCI_NONE && pre != BCI_NONE && pre > v)
            v = pre;
        bool said = v != BCI_NONE && (bci_is_cue(t, v, true) || span_words(c, q) >= SAID_WORDS);
        if (r.known && said && governs(t, v, open)) {
            *verb = v;
            return r;
        }
    }
    *verb = BCI_NONE;
    return no_speaker;
}

/* The speaker of the narration in [from, to): the subject of its last verb
 * of speech. */
static speaker narration_speaker(context *c, size_t from, size_t to)
{
    const bci_text *t = c->t;
    for (size_t v = to; v-- > from;) {
        if (bci_is_quoted(t, v) || !bci_is_cue(t, v, false))
            continue;
        size_t start = bci_frame_start(t, v);
        bci_subject s = bci_subject_of(t, v, start > from ? start : from, bci_frame_end(t, v));
        speaker r = resolve(c, s);
        if (r.known)
            return r;
    }
    return no_speaker;
}

/* The speaker who introduces what follows token `colon` (a colon): "Cruz
 * called them on it:", "President Clinton released the following
 * statement:", "Bush:". */
static speaker colon_speaker(context *c, size_t colon)
{
    const bci_text *t = c->t;
    size_t start = bci_frame_start(t, colon);
    for (size_t v = colon; v-- > start;) {
        if (bci_is_quoted(t, v))
            break;
        if (!bci_is_cue(t, v, true))
            continue;
        speaker r = resolve(c, bci_subject_of(t, v, start, colon));
        if (r.known)
            return r;
        break;
    }
    size_t verb = BCI_NONE;
    speaker r = resolve(c, bci_frame_subject(t, start, colon, &verb));
    if (r.known)
        return r;
    if (colon > start) {
        bci_subject s = bci_noun_phrase_left(t, colon - 1, start);
        if (s.kind == BCI_SUBJECT_NAME && s.from == start)
            return resolve(c, s);
    }
    return no_speaker;
}

/* The span before `q` when it opens at token `from` or later, else
 * BCI_NONE. */
static size_t span_before(const context *c, size_t q, size_t from)
{
    return q > 0 && c->open_token[q - 1] >= from ? q - 1 : BCI_NONE;
}

/* The speaker of a quote without an attribution of its own. */
static speaker attribute_nearby(context *c, size_t q)
{
    const bci_text *t = c->t;
    const speaker none = no_speaker;
    size_t open = c->open_token[q];
    size_t paragraph = t->para_of[open];
    size_t first = t->first[paragraph];
    size_t start = bci_frame_start(t, open);
    if (c->spans[q].continues && q > 0)
        return c->speakers[q - 1];
    if (open > first && bci_tok_is(t, open - 1, ':')) {
        speaker r = colon_speaker(c, open - 1);
        if (r.known)
            return r;
    } else if (open == first && paragraph > 0 && t->first[paragraph - 1] < first &&
               bci_tok_is(t, first - 1, ':')) {
        speaker r = colon_speaker(c, first - 1);
        if (r.known)
            return r;
    }
    /* the narration and quotes before it in its paragraph */
    size_t previous = span_before(c, q, first);
    size_t narration_from = previous == BCI_NONE ? first : c->close_token[previous] + 1;
    speaker r = narration_speaker(c, narration_from, start);
    if (r.known)
        return r;
    if (previous != BCI_NONE && c->speakers[previous].known)
        return c->speakers[previous];
    if (start != first)
        return none;
    /* the end of the previous paragraph */
    if (paragraph == 0)
        return none;
    size_t prev_first = t->first[paragraph - 1];
    if (prev_first == first)
        return none;
    size_t last_frame = bci_frame_start(t, first - 1);
    size_t last = span_before(c, q, prev_first);
    if (last != BCI_NONE && c->close_token[last] >= last_frame && c->speakers[last].known)
        return c->speakers[last];
    r = narration_speaker(c, last_frame, first);
    if (r.known)
        return r;
    return none;
}

/* The text of tokens [from, to) with white space runs made single spaces,
 * without a possessive ending; a new string or NULL. */
static char *words_text(const bci_text *t, size_t from, size_t to)
{
    const char *text = t->paragraphs[t->para_of[from]].text;
    size_t start = t->tokens[from].start, end = t->tokens[to - 1].end;
    const bci_token *last = &t->tokens[to - 1];
    if (last->flags & BCI_TOK_POSSESSIVE) {
        if (end - start >= 2 && text[end - 2] == '\'')
            end -= 2;
        else if (end - start >= 4 && memcmp(text + end - 4, "\xE2\x80\x99s", 4) == 0)
            end -= 4;
        else if (end - start >= 3 && memcmp(text + end - 3, "\xE2\x80\x99", 3) == 0)
            end -= 3;
        else if (text[end - 1] == '\'')
            end -= 1;
    }
    bci_buf b = {0};
    bool space = false;
    for (size_t i = start; i < end; i++) {
        char ch = text[i];
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            space = true;
            continue;
        }
        if ((space && bci_buf_putc(&b, ' ')) || bci_buf_putc(&b, ch)) {
            bci_buf_free(&b);
            return NULL;
        }
        space = false;
    }
    char *s = bci_buf_take(&b);
    if (s && (strncmp(s, "The ", 4) == 0 || strncmp(s, "A ", 2) == 0 ||
              strncmp(s, "An ", 3) == 0))
        s[0] = (char)(s[0] - 'A' + 'a'); /* "the council", as inside a sentence */
    return s;
}

/* The speaker's name for the output: the fullest name of the entity. */
static char *speaker_name(const context *c, const speaker *r)
{
    const bci_text *t = c->t;
    if (r->entity == BCI_NONE)
        return words_text(t, r->name_from, r->name_to);
    const bci_entity *x = &c->people.entities[r->entity];
    if (x->organisation || x->first_token != BCI_NONE || x->title_token == BCI_NONE)
        return words_text(t, x->name_token, x->name_end);
    return words_text(t, x->title_token, x->title_end);
}

/* The end of the clause that goes on at token `i` (before `end`): the next
 * punctuation outside quotations, or a verb of speech ("…, she added"). */
static size_t clause_end(const bci_text *t, size_t i, size_t end)
{
    if (end - i > CLAUSE_TOKENS)
        end = i + CLAUSE_TOKENS;
    for (; i < end; i++) {
        if (bci_is_quoted(t, i))
            continue;
        if (bci_is_word(t, i)) {
            if (bci_is_cue(t, i, false))
                break;
            continue;
        }
        int32_t cp = t->tokens[i].cp;
        if (cp == ',' || cp == ';' || cp == ':' || cp == '(' || cp == '[' || cp == 0x2014 ||
            cp == 0x2013 || cp == '.' || cp == '!' || cp == '?')
            break;
    }
    return i;
}

/* Widens [content_start, content_end), which `out` holds as the span's, to
 * the clause that the verb `v` of a partial quote reports: from "that" or
 * the verb on, to the end of the clause after the quote; or, when the verb
 * follows ("…“burn bag,” the Times reported"), from the start of the
 * sentence. */
static void content_of(const context *c, size_t q, size_t v, bc_quote *out)
{
    const bci_text *t = c->t;
    const bci_span *span = &c->spans[q];
    if (!c->partial[q] || v == BCI_NONE)
        return;
    size_t open = c->open_token[q], close = c->close_token[q];
    size_t start = bci_frame_start(t, open), end = bci_frame_end(t, close);
    size_t from, to;
    if (v < open) {
        from = v + 1;
        if (bci_word_is(t, v, "according")) { /* "According to X, …" */
            while (from < open && !bci_tok_is(t, from, ','))
                from++;
            from++;
        }
        for (size_t i = from; i < open; i++)
            if (bci_word_is(t, i, "that")) { /* "told reporters on Monday that …" */
                from = i;
                break;
            }
        while (from < open && !bci_is_word(t, from) && !(t->tokens[from].flags & BCI_TOK_OPEN))
            from++; /* "There was, she said, “an implicit bargain.”" */
        to = clause_end(t, close + 1, end);
    } else {
        from = start;
        to = v;
        while (to > close + 1 && !bci_tok_is(t, to - 1, ','))
            to--;
        if (to > close + 1)
            to--; /* the comma before "the Times reported" */
        else
            to = close + 1;
    }
    while (to > from + 1 && !bci_is_word(t, to - 1) && !(t->tokens[to - 1].flags & BCI_TOK_CLOSE))
        to--;
    if (from >= to)
        return;
    size_t a = t->tokens[from].start, b = t->tokens[to - 1].end;
    out->content_start = a < span->start ? a : span->start;
    out->content_end = b > span->end ? b : span->end;
}

/* Whether span `q` resumes span `q - 1`: “…,” X said, “…” or “…,” X
 * said. “…” — the attribution of the first part between the two, and no
 * attribution of its own after the second. */
static bool resumes_previous(const context *c, size_t q)
{
    const bci_text *t = c->t;
    if (q == 0 || c->partial[q - 1] || c->spans[q].paragraph != c->spans[q - 1].paragraph ||
        !c->spans[q - 1].closed || c->spans[q].continues)
        return false;
    size_t from = c->close_token[q - 1] + 1, to = c->open_token[q];
    size_t verb = c->verbs[q - 1];
    if (verb == BCI_NONE || verb < from || verb >= to)
        return false;
    size_t words = 0, cues = 0;
    for (size_t i = from; i < to; i++) {
        words += bci_is_word(t, i);
        cues += bci_is_word(t, i) && bci_is_cue(t, i, false);
    }
    bool ends = bci_tok_is(t, to - 1, ',') || bci_tok_is(t, to - 1, ':') ||
                bci_tok_is(t, to - 1, '.') ||
                (t->tokens[to + 1].flags & BCI_TOK_CAPITAL); /* "… victims “Neither …" */
    if (cues != 1 || words > INTERRUPTION_WORDS || !ends)
        return false;
    size_t end = bci_frame_end(t, c->close_token[q]);
    return bci_cue_after(t, c->close_token[q] + 1, end, POST_WORDS, false) == BCI_NONE;
}


/* Whether partial quote `q` is in the clause of the partial quote before
 * it, whose verb comes before both. */
static bool shares_clause(const context *c, size_t q)
{
    if (q == 0 || !c->partial[q - 1] || c->verbs[q - 1] == BCI_NONE ||
        c->verbs[q - 1] > c->open_token[q - 1] || !c->speakers[q - 1].known)
        return false;
    const bci_text *t = c->t;
    return bci_frame_start(t, c->open_token[q]) == bci_frame_start(t, c->open_token[q - 1]);
}

static int setup(context *c)
{
    size_t n = c->span_count;
    c->open_token = calloc(n, sizeof *c->open_token);
    c->close_token = calloc(n, sizeof *c->close_token);
    c->speakers = calloc(n, sizeof *c->speakers);
    c->verbs = calloc(n, sizeof *c->verbs);
    c->partial = calloc(n, sizeof *c->partial);
    if (!c->open_token || !c->close_token || !c->speakers || !c->verbs || !c->partial)
        return BC_ENOMEM;
    for (size_t q = 0; q < n; q++) {
        c->open_token[q] = c->close_token[q] = c->verbs[q] = BCI_NONE;
        c->partial[q] = c->spans[q].partial;
    }
    const bci_text *t = c->t;
    for (size_t i = 0; i < t->count; i++) {
        size_t q = t->tokens[i].span;
        if (q == BCI_NONE)
            continue;
        if (c->open_token[q] == BCI_NONE)
            c->open_token[q] = i;
        c->close_token[q] = i;
    }
    return bci_people_collect(&c->people, t);
}

int bci_attribute(const bci_text *t, const bci_span *spans, size_t span_count, bc_quote *quotes)
{
    context c = {.t = t, .spans = spans, .span_count = span_count};
    int rc = setup(&c);
    if (rc == 0)
        link_roles(&c);
    for (size_t q = 0; q < span_count && rc == 0; q++) {
        bc_quote *out = &quotes[q];
        out->content_start = spans[q].start;
        out->content_end = spans[q].end;
        out->speaker_paragraph = out->speaker_start = out->speaker_end = BC_NO_OFFSET;
        if (c.open_token[q] == BCI_NONE)
            continue; /* no tokens: cannot happen for a span with words */
        size_t verb = BCI_NONE;
        speaker r;
        out->resumes = resumes_previous(&c, q);
        if (out->resumes) {
            c.partial[q] = false; /* “…,” she said, “and more.” */
            r = c.speakers[q - 1];
        } else {
            r = attribute_in_frame(&c, q, &verb);
            if (!r.known && c.partial[q] && shares_clause(&c, q)) {
                /* X said the plan was “dead” and the vote “a farce” */
                r = c.speakers[q - 1];
                verb = c.verbs[q - 1];
            }
            /* a short partial quote without an attribution in its sentence
             * is a scare quote or a name: nobody said it */
            if (!r.known && (!c.partial[q] || r.from != BCI_NONE ||
                             span_words(&c, q) >= STATEMENT_WORDS)) {
                speaker near = attribute_nearby(&c, q);
                if (near.known && r.from != BCI_NONE) {
                    near.from = r.from; /* "he said", but who he is comes from nearby */
                    near.to = r.to;
                }
                if (near.known || r.from == BCI_NONE)
                    r = near;
            }
        }
        c.speakers[q] = r;
        c.verbs[q] = verb;
        out->partial = c.partial[q];
        content_of(&c, q, verb, out);
    }
    /* a quotation over several paragraphs has one speaker: the first found */
    for (size_t q = 0; q < span_count && rc == 0;) {
        size_t end = q;
        while (end + 1 < span_count && spans[end].continued && spans[end + 1].continues)
            end++;
        size_t known = BCI_NONE;
        for (size_t k = q; k <= end && known == BCI_NONE; k++)
            if (c.speakers[k].known)
                known = k;
        for (size_t k = q; k <= end && known != BCI_NONE; k++)
            c.speakers[k] = c.speakers[known];
        q = end + 1;
    }
    for (size_t q = 0; q < span_count && rc == 0; q++) {
        const speaker *r = &c.speakers[q];
        bc_quote *out = &quotes[q];
        if (r->from != BCI_NONE) {
            out->speaker_paragraph = t->para_of[r->from];
            out->speaker_start = t->tokens[r->from].start;
            out->speaker_end = t->tokens[r->to - 1].end;
        }
        if (!r->known)
            continue;
        out->speaker = speaker_name(&c, r);
        if (!out->speaker) {
            rc = BC_ENOMEM;
            break;
        }
        if (r->entity != BCI_NONE)
            out->speaker_gender = c.people.entities[r->entity].gender;
    }
    bci_people_free(&c.people);
    free(c.open_token);
    free(c.close_token);
    free(c.speakers);
    free(c.verbs);
    free(c.partial);
    return rc;
}
