/* Budgeted selection. Greedy, best first, over groups of sentences that
 * are read whole (units.c), in the manner of maximal marginal relevance:
 *   - a candidate's worth is its score less its similarity to what is
 *     already chosen, so two sentences that say the same thing are not both
 *     read, and a near-copy (a caption that repeats the lead) never is;
 *   - a sentence that leans on the one before it ("But ...", "They ...")
 *     is worth less unless that one is chosen too, and one that says
 *     nothing alone ("This is why.", or a quote that names no speaker) is
 *     never read without it; the pair is offered as a candidate of its
 *     own, as is a lead-in ("He said:") with the sentence it introduces;
 *   - datelines, captions, bylines and notices are never chosen;
 *   - when the story has a strong quote (a known speaker saying something
 *     on the story's subject) the best one goes in first, with the sentence
 *     that attributes it, provided it takes at most half the budget;
 *   - the budget is a length target: the last unit may run past it when a
 *     quarter of it fits and the excess is at most a third of the budget.
 *     Measured on the development sets, this fills a briefing better than
 *     stopping short or reaching for a lesser sentence that fits, while a
 *     one-minute briefing still ends within twenty seconds of its target.
 *     bc_summary_settings.strict_budget turns it off.
 * Candidates are compared by their score per word (a word-weighted mean),
 * which is what fills a fixed number of words best. */
#include <stdlib.h>
#include <string.h>

#include "summary_internal.h"

/* The rules' constants, chosen with the ranking's weights (see rank.c). */
typedef struct select_weights {
    double redundancy;  /* MMR: what similarity to the chosen costs */
    double duplicate;   /* cosine above which a sentence repeats a chosen one */
    double connective;  /* factor for an unresolved opening connective */
    double pronoun;     /* factor for an unresolved opening pronoun */
    double weak_quote;  /* factor for a sentence that starts a weak quote */
    double overshoot;   /* share of the last unit that must fit the budget */
    double overshoot_share; /* most words past the budget, as a share of it */
    double quote_floor; /* least worth of the seeded quote (the best sentence: 1) */
    double quote_share; /* largest share of the budget the seeded quote may take */
} select_weights;

static const select_weights weights = {
    .redundancy = 0.15,
    .duplicate = 0.5,
    .connective = 0.5,
    .pronoun = 0.75,
    .weak_quote = 0.9,
    .overshoot = 0.25,
    .overshoot_share = 0.33,
    .quote_floor = 0.6,
    .quote_share = 0.5,
};

/* A sentence that has a term, and the term's weight in it. */
typedef struct posting {
    size_t sentence;
    double weight;
} posting;

typedef struct selector {
    const bci_summary_text *text;
    const bci_ranking *ranking;
    const bci_group *groups;
    size_t group_count;
    bool *chosen;       /* per sentence */
    double *redundancy; /* per sentence: highest cosine with a chosen sentence */
    double *quality;    /* per sentence: score scaled to [0, 1], quote factors applied */
    size_t used;        /* words chosen so far */
    /* Which sentences have each term, for updating `redundancy` in time
     * proportional to the sentences that share a word with the chosen one. */
    size_t *posting_start; /* term_count + 1 offsets into `postings` */
    posting *postings;
    double *dot;           /* per sentence, zero between calls of take() */
    size_t *touched;       /* the sentences whose `dot` is not zero */
    /* Groups by the most any unit that ends with them can be worth, best
     * first: the search for the next unit stops below the best found. */
    size_t *order;
    double *bound;         /* per group */
    size_t *skip;          /* group_count + 1: see next_live() */
} selector;

/* The worth of taking groups [first, last] (unchosen members only), as a
 * word-weighted mean; false when one member would repeat a chosen one. */
static bool unit_value(const selector *sel, size_t first, size_t last, double *value,
                       size_t *words)
{
    double sum = 0;
    *words = 0;
    for (size_t g = first; g <= last; g++) {
        for (size_t k = sel->groups[g].first; k <= sel->groups[g].last; k++) {
            if (sel->chosen[k])
                continue;
            if (sel->redundancy[k] > weights.duplicate)
                return false;
            double worth = sel->quality[k] - weights.redundancy * sel->redundancy[k];
            unsigned flags = sel->text->sentences[k].flags;
            bool resolved = k > 0 && (sel->chosen[k - 1] || k > sel->groups[first].first);
            if (!resolved && (flags & BCI_SENT_CONNECTIVE))
                worth *= weights.connective;
            else if (!resolved && (flags & (BCI_SENT_PRONOUN | BCI_SENT_UNATTRIBUTED)))
                worth *= weights.pronoun;
            sum += worth * (double)sel->text->sentences[k].words;
            *words += sel->text->sentences[k].words;
        }
    }
    if (*words == 0)
        return false;
    *value = sum / (double)*words;
    return true;
}

/* Marks groups [first, last] chosen and raises the redundancy of every
 * sentence that shares words with them. */
static void take(selector *sel, size_t first, size_t last)
{
    const bci_ranking *r = sel->ranking;
    for (size_t g = first; g <= last; g++) {
        for (size_t k = sel->groups[g].first; k <= sel->groups[g].last; k++) {
            if (sel->chosen[k])
                continue;
            sel->chosen[k] = true;
            sel->used += sel->text->sentences[k].words;
            sel->redundancy[k] = 1.0;
            size_t touched = 0;
            const bci_vector *v = &r->vectors[k];
            for (size_t t = 0; t < v->count; t++) {
                size_t term = v->terms[t].term;
                for (size_t p = sel->posting_start[term]; p < sel->posting_start[term + 1]; p++) {
                    size_t j = sel->postings[p].sentence;
                    if (sel->dot[j] == 0)
                        sel->touched[touched++] = j;
                    sel->dot[j] += (double)v->terms[t].weight * sel->postings[p].weight;
                }
            }
            for (size_t i = 0; i < touched; i++) {
                size_t j = sel->touched[i];
                if (sel->dot[j] > sel->redundancy[j])
                    sel->redundancy[j] = sel->dot[j];
                sel->dot[j] = 0;
            }
        }
    }
}

/* A candidate: groups [first, last] and what taking them is worth. */
typedef struct candidate {
    size_t first, last;
    size_t words;
    double value;
    bool found;
} candidate;

/* True when `words` more fit the budget, or may run past it as the last unit. */
static bool fits(const selector *sel, size_t words, size_t budget, bool must_fit)
{
    size_t room = budget > sel->used ? budget - sel->used : 0;
    return words <= room ||
           (!must_fit && (double)room >= weights.overshoot * (double)words &&
            (double)(words - room) <= weights.overshoot_share * (double)budget);
}

static void consider(const selector *sel, size_t first, size_t last, size_t budget,
                     bool must_fit, candidate *best)
{
    double value;
    size_t words;
    if (!unit_value(sel, first, last, &value, &words) || !fits(sel, words, budget, must_fit))
        return;
    if (!best->found || value > best->value)
        *best = (candidate){first, last, words, value, true};
}

/* True when no unit that ends with group `g` can be taken any more: it is
 * chosen or never eligible, repeats a chosen sentence (redundancy only
 * grows) or is too long for what is left of the budget (which only
 * shrinks). A unit that starts with `g` is then out of reach as well. */
static bool group_dead(const selector *sel, size_t g, size_t budget, bool must_fit)
{
    const bci_group *group = &sel->groups[g];
    if (!group->eligible || sel->chosen[group->first])
        return true;
    size_t words = 0;
    for (size_t k = group->first; k <= group->last; k++) {
        if (sel->redundancy[k] > weights.duplicate)
            return true;
        if (!sel->chosen[k])
            words += sel->text->sentences[k].words;
    }
    return !fits(sel, words, budget, must_fit);
}

/* Fewer words than this, and a sentence that leans on the one before it
 * ("This is why.", "But that was not all.") has no news of its own: it is
 * read only after that one. */
#define DEPENDENT_WORDS 8

/* True when the group `g` opens with a sentence that cannot be read
 * without the one before it (a short leaning sentence, or a quote that
 * does not say who speaks) and that one is not chosen. */
static bool needs_predecessor(const selector *sel, size_t g)
{
    size_t first = sel->groups[g].first;
    const bci_sentence_info *opener = &sel->text->sentences[first];
    bool leans = (opener->flags & BCI_SENT_UNATTRIBUTED) ||
                 ((opener->flags & BCI_SENT_DANGLING) && opener->words < DEPENDENT_WORDS);
    return leans && !(first > 0 && sel->chosen[first - 1]);
}

/* True when the group `g` ends with a lead-in ("She said:") whose sentence
 * is not chosen. */
static bool needs_successor(const selector *sel, size_t g)
{
    size_t last = sel->groups[g].last;
    return (sel->text->sentences[last].flags & BCI_SENT_LEAD_IN) &&
           !(last + 1 < sel->text->sentence_count && sel->chosen[last + 1]);
}

static bool open_group(const selector *sel, size_t g)
{
    return sel->groups[g].eligible && !sel->chosen[sel->groups[g].first];
}

/* The first position from `o` on in `order` whose group may still be taken
 * (`skip` jumps over the dead ones; the jumps are shortened as they are
 * followed, so each dead group costs little more than once). */
static size_t next_live(selector *sel, size_t o)
{
    size_t live = o;
    while (sel->skip[live] != live)
        live = sel->skip[live];
    while (sel->skip[o] != o) {
        size_t next = sel->skip[o];
        sel->skip[o] = live;
        o = next;
    }
    return live;
}

/* The best unit to add next: a group alone, or two neighbouring groups
 * when the second leans on the first ("But ...") or the first introduces
 * the second ("He said:"). With `loose`, a group may also go alone when
 * it leans or introduces (the last resort for a briefing of one unit). */
static candidate best_unit(selector *sel, size_t budget, bool must_fit, bool loose)
{
    candidate best = {0};
    for (size_t o = next_live(sel, 0); o < sel->group_count; o = next_live(sel, o + 1)) {
        size_t g = sel->order[o];
        if (best.found && sel->bound[g] <= best.value)
            break; /* no unit from here on can do better */
        if (group_dead(sel, g, budget, must_fit)) {
            sel->skip[o] = o + 1;
            continue;
        }
        bool alone = loose || (!needs_predecessor(sel, g) && !needs_successor(sel, g));
        if (alone)
            consider(sel, g, g, budget, must_fit, &best);
        if (g == 0 || !open_group(sel, g - 1) || needs_predecessor(sel, g - 1))
            continue;
        if (needs_successor(sel, g) && !loose)
            continue;
        bool leans = sel->text->sentences[sel->groups[g].first].flags & BCI_SENT_DANGLING;
        bool introduced = sel->text->sentences[sel->groups[g - 1].last].flags & BCI_SENT_LEAD_IN;
        if (leans || introduced)
            consider(sel, g - 1, g, budget, must_fit, &best);
    }
    return best;
}

/* Seeds the selection with the best strong quote that fits in its share. */
static void seed_quote(selector *sel, size_t budget)
{
    candidate best = {0};
    for (size_t g = 0; g < sel->group_count; g++) {
        const bci_group *group = &sel->groups[g];
        if (group->eligible && group->strong_quote &&
            (double)group->words <= weights.quote_share * (double)budget)
            consider(sel, g, g, budget, true, &best);
    }
    if (best.found && best.value >= weights.quote_floor)
        take(sel, best.first, best.last);
}

/* Builds the term index over the sentence vectors. Errors: BC_ENOMEM. */
static int index_terms(selector *sel)
{
    const bci_ranking *r = sel->ranking;
    size_t terms = sel->text->term_count, total = 0;
    sel->posting_start = calloc(terms + 1, sizeof *sel->posting_start);
    for (size_t i = 0; i < r->sentence_count; i++)
        total += r->vectors[i].count;
    sel->postings = malloc((total ? total : 1) * sizeof *sel->postings);
    if (!sel->posting_start || !sel->postings)
        return BC_ENOMEM;
    /* count per term, turn the counts into starts, then fill */
    for (size_t i = 0; i < r->sentence_count; i++)
        for (size_t k = 0; k < r->vectors[i].count; k++)
            sel->posting_start[r->vectors[i].terms[k].term + 1]++;
    for (size_t t = 0; t < terms; t++)
        sel->posting_start[t + 1] += sel->posting_start[t];
    for (size_t i = 0; i < r->sentence_count; i++) {
        for (size_t k = 0; k < r->vectors[i].count; k++) {
            size_t term = r->vectors[i].terms[k].term;
            /* posting_start[term] moves along as the term's list fills */
            sel->postings[sel->posting_start[term]++] =
                (posting){i, (double)r->vectors[i].terms[k].weight};
        }
    }
    for (size_t t = terms; t > 0; t--) /* undo the moves */
        sel->posting_start[t] = sel->posting_start[t - 1];
    sel->posting_start[0] = 0;
    return 0;
}

/* Forgets which groups are dead (for a search under other terms). */
static void revive(selector *sel)
{
    for (size_t o = 0; o <= sel->group_count; o++)
        sel->skip[o] = o;
}

typedef struct ranked_group {
    double bound;
    size_t group;
} ranked_group;

/* Highest bound first, ties in article order. */
static int compare_bound(const void *a, const void *b)
{
    const ranked_group *x = a, *y = b;
    if (x->bound != y->bound)
        return x->bound < y->bound ? 1 : -1;
    return (x->group > y->group) - (x->group < y->group);
}

/* Bounds the worth of every unit that ends with each group (worth never
 * exceeds a member's quality) and orders the groups by it. Errors:
 * BC_ENOMEM. */
static int order_groups(selector *sel)
{
    size_t count = sel->group_count;
    ranked_group *ranked = malloc((count ? count : 1) * sizeof *ranked);
    sel->order = malloc((count ? count : 1) * sizeof *sel->order);
    sel->bound = malloc((count ? count : 1) * sizeof *sel->bound);
    sel->skip = malloc((count + 1) * sizeof *sel->skip);
    if (!ranked || !sel->order || !sel->bound || !sel->skip) {
        free(ranked);
        return BC_ENOMEM;
    }
    double previous = 0;
    for (size_t g = 0; g < count; g++) {
        double best = 0;
        for (size_t k = sel->groups[g].first; k <= sel->groups[g].last; k++)
            if (sel->quality[k] > best)
                best = sel->quality[k];
        /* a unit ending with g may include g - 1 */
        sel->bound[g] = best > previous ? best : previous;
        previous = best;
        ranked[g] = (ranked_group){sel->bound[g], g};
    }
    qsort(ranked, count, sizeof *ranked, compare_bound);
    for (size_t g = 0; g < count; g++)
        sel->order[g] = ranked[g].group;
    free(ranked);
    revive(sel);
    return 0;
}

int bci_select(const bc_doc *doc, const bci_summary_text *text, const bci_ranking *ranking,
               size_t budget, bool strict, bc_selection *selection)
{
    size_t n = text->sentence_count;
    selection->count = 0;
    if (n == 0)
        return 0;
    selector sel = {.text = text, .ranking = ranking};
    bci_group *groups = NULL;
    unsigned *quote_flags = calloc(n, sizeof *quote_flags);
    sel.chosen = calloc(n, sizeof *sel.chosen);
    sel.redundancy = calloc(n, sizeof *sel.redundancy);
    sel.quality = calloc(n, sizeof *sel.quality);
    sel.dot = calloc(n, sizeof *sel.dot);
    sel.touched = calloc(n, sizeof *sel.touched);
    int rc = BC_ENOMEM;
    if (!quote_flags || !sel.chosen || !sel.redundancy || !sel.quality || !sel.dot ||
        !sel.touched)
        goto done;
    if ((rc = bci_group_sentences(doc, text, &groups, &sel.group_count, quote_flags)) ||
        (rc = index_terms(&sel)))
        goto done;
    sel.groups = groups;

    double top = 0;
    for (size_t i = 0; i < n; i++) {
        sel.quality[i] = ranking->scores[i];
        if ((quote_flags[i] & BCI_QUOTE_WEAK) && !(quote_flags[i] & BCI_QUOTE_STRONG))
            sel.quality[i] *= weights.weak_quote;
        if (!(text->sentences[i].flags & BCI_SENT_NEVER) && sel.quality[i] > top)
            top = sel.quality[i];
    }
    for (size_t i = 0; i < n && top > 0; i++)
        sel.quality[i] /= top;
    if ((rc = order_groups(&sel)))
        goto done;

    seed_quote(&sel, budget);
    for (;;) {
        candidate next = best_unit(&sel, budget, strict, false);
        if (!next.found)
            break;
        bool over = sel.used + next.words > budget;
        take(&sel, next.first, next.last);
        if (over || sel.used >= budget)
            break;
    }
    if (sel.used == 0) {
        /* Nothing fits: a briefing of one unit beats an empty one. */
        revive(&sel);
        candidate next = best_unit(&sel, SIZE_MAX, true, false);
        if (!next.found)
            next = best_unit(&sel, SIZE_MAX, true, true);
        if (next.found)
            take(&sel, next.first, next.last);
    }
    for (size_t i = 0; i < n; i++)
        if (sel.chosen[i])
            selection->sentences[selection->count++] = i;
    rc = 0;

done:
    free(groups);
    free(quote_flags);
    free(sel.chosen);
    free(sel.redundancy);
    free(sel.quality);
    free(sel.dot);
    free(sel.touched);
    free(sel.posting_start);
    free(sel.postings);
    free(sel.order);
    free(sel.bound);
    free(sel.skip);
    return rc;
}
