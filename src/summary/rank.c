/* Sentence importance. Each sentence becomes a unit vector of its stemmed
 * content words (log-scaled counts). Its score adds up, scaled to [0, 1]:
 *   - graph centrality: PageRank over the graph whose edges are the cosine
 *     similarities of sentence pairs (LexRank's continuous form); a sentence
 *     that many others echo states the story;
 *   - closeness to the article as a whole (cosine with the centroid);
 *   - recurrence: how many other sentences repeat its words;
 *   - closeness to the headline, which an editor wrote to sum the story up;
 * then adds the lead of news writing (the opening sentences of the opening
 * paragraph carry the news) and weighs the sum by a length prior (very
 * short sentences say little, very long ones cost more of the budget than
 * they give back) and a small discount for direct speech, which the
 * selection brings in on its own terms (see select.c).
 *
 * No IDF: the words that recur across the article are its topic, and
 * down-weighting them (as IDF over the article's own sentences would) costs
 * more than the function words it would silence, which the stop list
 * already removes.
 *
 * Centrality costs O(n^2) in sentences, so long docs are ranked in windows
 * of at most BCI_RANK_WINDOW consecutive sentences; everything else is
 * linear in the length of the doc. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "summary_internal.h"

/* One set of weights for every kind of news. They were chosen on the
 * even-numbered articles of the development sets and checked on the odd
 * ones (see the README, "briefcast summarize"). */
typedef struct rank_weights {
    double centrality; /* PageRank, scaled to [0, 1] in its window */
    double centroid;   /* cosine with the article's centroid, scaled to [0, 1] */
    double recurrence; /* words repeated by other sentences, scaled to [0, 1] */
    double title;      /* cosine with the headline */
    double lead;       /* the lead prior, on the scale of the content score (0 to 1) */
    double lead_sentences; /* where the lead prior has fallen by half */
    double lead_width; /* how many sentences that fall takes */
    double short_words; /* words at which the short-sentence prior reaches 1 - 1/e */
    double long_words; /* words above which a sentence loses weight */
    double quoted;     /* factor for sentences with direct speech */
} rank_weights;

static const rank_weights weights = {
    .centrality = 2.0,
    .centroid = 1.0,
    .recurrence = 1.0,
    .title = 1.0,
    .lead = 1.0,
    .lead_sentences = 4.5,
    .lead_width = 0.5,
    .short_words = 8.0,
    .long_words = 45.0,
    .quoted = 0.9,
};

/* 0.85: PageRank's usual damping. The ranks sum to 1; once they move by
 * less than 1e-5 in all (or after 60 rounds) their order has settled. */
#define DAMPING 0.85
#define CONVERGED 1e-5
#define MAX_ITERATIONS 60

double bci_vector_cosine(const bci_vector *a, const bci_vector *b)
{
    double dot = 0;
    size_t i = 0, j = 0;
    while (i < a->count && j < b->count) {
        if (a->terms[i].term == b->terms[j].term)
            dot += (double)a->terms[i++].weight * (double)b->terms[j++].weight;
        else if (a->terms[i].term < b->terms[j].term)
            i++;
        else
            j++;
    }
    return dot;
}

/* Writes the unit vector of `bag` (weights 1 + log count) to `out`, which
 * has room for bag->count terms. */
static void weigh(const bci_term_vector *bag, bci_weighted_term *out, bci_vector *vector)
{
    double norm = 0;
    for (size_t k = 0; k < bag->count; k++) {
        double w = 1.0 + log((double)bag->terms[k].count);
        out[k] = (bci_weighted_term){bag->terms[k].term, (float)w};
        norm += w * w;
    }
    norm = sqrt(norm);
    *vector = (bci_vector){out, norm > 0 ? bag->count : 0};
    for (size_t k = 0; norm > 0 && k < bag->count; k++)
        out[k].weight = (float)(out[k].weight / norm);
}

/* Scratch memory of the ranking. */
typedef struct scratch {
    double *matrix;   /* window^2 similarities, then transition shares */
    double *rank;     /* window */
    double *next;     /* window */
    bool *isolated;   /* window */
    double *centroid; /* term_count */
    size_t *spread;   /* term_count: in how many sentences each term occurs */
} scratch;

/* Divides every value by the largest (all zero stays zero). */
static void scale_to_unit(double *values, size_t n)
{
    double top = 0;
    for (size_t i = 0; i < n; i++)
        top = fmax(top, values[i]);
    for (size_t i = 0; i < n && top > 0; i++)
        values[i] /= top;
}

/* PageRank of sentences [first, first + count) over their cosine graph;
 * writes each one's rank divided by the window's highest to `centrality`. */
static void rank_window(const bci_vector *vectors, size_t first, size_t count, scratch *w,
                        double *centrality)
{
    double *matrix = w->matrix, *rank = w->rank, *next = w->next;
    for (size_t i = 0; i < count; i++) {
        matrix[i * count + i] = 0;
        for (size_t j = 0; j < i; j++) {
            double sim = bci_vector_cosine(&vectors[first + i], &vectors[first + j]);
            matrix[i * count + j] = matrix[j * count + i] = sim;
        }
    }
    /* Row i becomes the share of i's rank that flows to each neighbour; a
     * sentence with no edges spreads its rank evenly. */
    for (size_t i = 0; i < count; i++) {
        double out_weight = 0;
        for (size_t j = 0; j < count; j++)
            out_weight += matrix[i * count + j];
        w->isolated[i] = out_weight <= 0;
        for (size_t j = 0; j < count && out_weight > 0; j++)
            matrix[i * count + j] /= out_weight;
        rank[i] = 1.0 / (double)count;
    }
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
        double spread = 0;
        for (size_t i = 0; i < count; i++)
            if (w->isolated[i])
                spread += rank[i];
        for (size_t j = 0; j < count; j++)
            next[j] = (1.0 - DAMPING + DAMPING * spread) / (double)count;
        for (size_t i = 0; i < count; i++) {
            const double *row = matrix + i * count;
            double flow = DAMPING * rank[i];
            for (size_t j = 0; j < count && !w->isolated[i]; j++)
                next[j] += flow * row[j];
        }
        double change = 0;
        for (size_t j = 0; j < count; j++) {
            change += fabs(next[j] - rank[j]);
            rank[j] = next[j];
        }
        if (change < CONVERGED)
            break;
    }
    memcpy(centrality + first, rank, count * sizeof *rank);
    scale_to_unit(centrality + first, count);
}

/* Cosine of each sentence with the centroid (the sum of all vectors). */
static void centroid_closeness(const bci_summary_text *text, const bci_vector *vectors,
                               scratch *w, double *closeness)
{
    double norm = 0;
    for (size_t i = 0; i < text->sentence_count; i++)
        for (size_t k = 0; k < vectors[i].count; k++)
            w->centroid[vectors[i].terms[k].term] += vectors[i].terms[k].weight;
    for (size_t t = 0; t < text->term_count; t++)
        norm += w->centroid[t] * w->centroid[t];
    norm = sqrt(norm);
    for (size_t i = 0; i < text->sentence_count; i++) {
        closeness[i] = 0;
        for (size_t k = 0; k < vectors[i].count && norm > 0; k++)
            closeness[i] += vectors[i].terms[k].weight * w->centroid[vectors[i].terms[k].term];
        closeness[i] = norm > 0 ? closeness[i] / norm : 0;
    }
}

/* For each sentence, how many other sentences share each of its words,
 * summed over its distinct words and divided by the square root of its
 * length in content words (so that long sentences do not win by length). */
static void recurrence(const bci_summary_text *text, scratch *w, double *out)
{
    for (size_t i = 0; i < text->sentence_count; i++)
        for (size_t k = 0; k < text->sentences[i].terms.count; k++)
            w->spread[text->sentences[i].terms.terms[k].term]++;
    for (size_t i = 0; i < text->sentence_count; i++) {
        const bci_term_vector *bag = &text->sentences[i].terms;
        size_t tokens = 0, shared = 0;
        for (size_t k = 0; k < bag->count; k++) {
            shared += w->spread[bag->terms[k].term] - 1;
            tokens += bag->terms[k].count;
        }
        out[i] = tokens ? (double)shared / sqrt((double)tokens) : 0;
    }
}

/* The lead prior: full for the opening sentences of the opening paragraph,
 * falling off by `lead_sentences`; none past the opening paragraph, whose
 * end is where the writer says the lead stops. */
static double lead_prior(size_t index, bool in_first_paragraph)
{
    if (!in_first_paragraph)
        return 0;
    return weights.lead /
           (1.0 + exp(((double)index - weights.lead_sentences) / weights.lead_width));
}

/* Short sentences rarely carry a story, long ones eat the budget. */
static double length_prior(size_t words)
{
    double prior = 1.0 - exp(-(double)words / weights.short_words);
    if ((double)words > weights.long_words)
        prior *= sqrt(weights.long_words / (double)words);
    return prior;
}

static void scratch_free(scratch *w)
{
    free(w->matrix);
    free(w->rank);
    free(w->next);
    free(w->isolated);
    free(w->centroid);
    free(w->spread);
}

int bci_rank(const bci_summary_text *text, bci_ranking *ranking)
{
    size_t n = text->sentence_count, terms = text->term_count ? text->term_count : 1;
    /* Windows of equal size, none larger than BCI_RANK_WINDOW. */
    size_t windows = (n + BCI_RANK_WINDOW - 1) / BCI_RANK_WINDOW;
    size_t window = windows ? (n + windows - 1) / windows : 1;
    size_t pool_size = text->title.count + 1;
    for (size_t i = 0; i < n; i++)
        pool_size += text->sentences[i].terms.count;
    size_t rows = n ? n : 1;
    scratch w = {
        .matrix = malloc(window * window * sizeof(double)),
        .rank = malloc(window * sizeof(double)),
        .next = malloc(window * sizeof(double)),
        .isolated = malloc(window * sizeof(bool)),
        .centroid = calloc(terms, sizeof(double)),
        .spread = calloc(terms, sizeof(size_t)),
    };
    double *centrality = calloc(rows, sizeof(double));
    double *closeness = calloc(rows, sizeof(double));
    double *repeats = calloc(rows, sizeof(double));
    *ranking = (bci_ranking){
        .scores = calloc(rows, sizeof(double)),
        .vectors = calloc(rows, sizeof(bci_vector)),
        .pool = calloc(pool_size, sizeof(bci_weighted_term)),
        .sentence_count = n,
    };
    int rc = BC_ENOMEM;
    if (!w.matrix || !w.rank || !w.next || !w.isolated || !w.centroid || !w.spread ||
        !centrality || !closeness || !repeats || !ranking->scores || !ranking->vectors ||
        !ranking->pool)
        goto done;

    size_t used = 0;
    for (size_t i = 0; i < n; i++) {
        weigh(&text->sentences[i].terms, ranking->pool + used, &ranking->vectors[i]);
        used += text->sentences[i].terms.count;
    }
    bci_vector title;
    weigh(&text->title, ranking->pool + used, &title);

    for (size_t first = 0; first < n; first += window) {
        size_t count = n - first < window ? n - first : window;
        rank_window(ranking->vectors, first, count, &w, centrality);
    }
    centroid_closeness(text, ranking->vectors, &w, closeness);
    scale_to_unit(closeness, n);
    recurrence(text, &w, repeats);
    scale_to_unit(repeats, n);

    /* The content score, scaled to [0, 1], reuses `centrality`. */
    for (size_t i = 0; i < n; i++)
        centrality[i] = weights.centrality * centrality[i] + weights.centroid * closeness[i] +
                        weights.recurrence * repeats[i] +
                        weights.title * bci_vector_cosine(&ranking->vectors[i], &title);
    scale_to_unit(centrality, n);
    for (size_t i = 0; i < n; i++) {
        const bci_sentence_info *info = &text->sentences[i];
        bool opening = text->sentences[i].flags & BCI_SENT_LEAD_PARAGRAPH;
        double score = (centrality[i] + lead_prior(i, opening)) * length_prior(info->words);
        if (info->flags & BCI_SENT_QUOTED)
            score *= weights.quoted;
        ranking->scores[i] = score;
    }
    rc = 0;

done:
    if (rc)
        bci_ranking_free(ranking);
    scratch_free(&w);
    free(centrality);
    free(closeness);
    free(repeats);
    return rc;
}

void bci_ranking_free(bci_ranking *ranking)
{
    free(ranking->scores);
    free(ranking->vectors);
    free(ranking->pool);
    *ranking = (bci_ranking){0};
}
