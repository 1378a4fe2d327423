/* Finding the article in a page. Every element gets a record (bci_node);
 * each paragraph-like block is scored on its length and commas, and the
 * score flows to its ancestors; the best-scoring container, after a look at
 * its parents and siblings, is the article, and what inside it looks like
 * boilerplate is cleaned away (clean.c). The approach is the one Arc90's and
 * Mozilla's Readability made common, written here for libxml2 trees; when an
 * attempt finds under 500 characters, the next one relaxes its rules. */
#include <stdlib.h>
#include <string.h>

#include "html_internal.h"

/* 500 characters: less than that is a teaser, not the article. */
#define MIN_ARTICLE_CHARS 500
/* 25 characters: shorter blocks (labels, buttons) are not scored. */
#define MIN_SCORED_CHARS 25
/* The best five candidates are compared when looking for a shared parent. */
#define TOP_CANDIDATES 5
/* A block's score reaches five levels of ancestors. */
#define ANCESTOR_LEVELS 5

typedef struct extractor {
    xmlNode *root; /* the html element */
    xmlNode *body;
    bci_node *nodes;
    size_t node_count;
    const char *title;
    unsigned flags;
    xmlNode **candidates;
    size_t candidate_count;
    size_t candidate_capacity;
    xmlNode **roots; /* the chosen content, in document order */
    size_t root_count;
    size_t root_capacity;
    xmlNode *byline_node;
    char *byline;
    bool title_done;
} extractor;

static bool is_text(const xmlNode *n)
{
    return n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE;
}

static bool dropped(const xmlNode *n)
{
    const bci_node *info = bci_info(n);
    return !info || (info->flags & BCI_NODE_DROPPED);
}

static int attach(extractor *x, xmlDoc *doc)
{
    x->root = xmlDocGetRootElement(doc);
    size_t count = 0;
    for (xmlNode *n = x->root; n; n = bci_next_node(n, x->root, false))
        count += n->type == XML_ELEMENT_NODE;
    x->nodes = calloc(count ? count : 1, sizeof *x->nodes);
    if (!x->nodes)
        return BC_ENOMEM;
    x->node_count = count;
    size_t i = 0;
    bci_tag_cache cache = {0};
    for (xmlNode *n = x->root; n; n = bci_next_node(n, x->root, false)) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        bci_node *info = &x->nodes[i++];
        n->_private = info;
        info->tag = (uint8_t)bci_tag_cached(&cache, n);
        uint8_t facts;
        bci_element_hints(n, &info->class_bits, &info->class_weight, &facts);
        unsigned fixed = facts;
        const bci_node *parent = n->parent ? bci_info(n->parent) : NULL;
        if (parent) {
            fixed |= parent->fixed & (BCI_FIXED_IN_TABLE | BCI_FIXED_IN_CODE);
            fixed |= parent->tag == BCI_TAG_TABLE ? BCI_FIXED_IN_TABLE : 0;
            fixed |= parent->tag == BCI_TAG_CODE ? BCI_FIXED_IN_CODE : 0;
        }
        info->fixed = (uint8_t)fixed;
        if (info->tag == BCI_TAG_BODY && !x->body)
            x->body = n;
    }
    return 0;
}

/* Text of `n` for a test, up to `max` bytes. Returns 0 or BC_ENOMEM. */
static int text_of(const xmlNode *n, bci_buf *b, size_t max)
{
    b->length = 0;
    return bci_node_text(n, b, max);
}

static size_t utf8_chars(const char *s, size_t length)
{
    size_t n = 0;
    for (size_t i = 0; i < length; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* Whether `n` is left out of this attempt: never text, hidden, boilerplate
 * by its class, the byline, or the headline repeated above the body. */
static int check_dropped(extractor *x, xmlNode *n, bci_node *info, bool *out)
{
    *out = true;
    if ((bci_tag_traits(info->tag) & BCI_NEVER_TEXT) || (info->fixed & BCI_FIXED_HIDDEN) ||
        n == x->byline_node)
        return 0;
    bci_buf b = {0};
    int rc = 0;
    if (!x->byline_node &&
        ((info->fixed & BCI_FIXED_AUTHOR) || (info->class_bits & BCI_CLASS_BYLINE))) {
        /* 100 characters: longer is a paragraph that mentions an author. */
        if ((rc = text_of(n, &b, 400)))
            goto done;
        size_t chars = utf8_chars(b.data, b.length);
        if (chars > 0 && chars < 100) {
            x->byline_node = n;
            x->byline = bci_buf_take(&b);
            if (!x->byline)
                rc = BC_ENOMEM;
            goto done;
        }
    }
    if (!x->title_done && x->title && (info->tag == BCI_TAG_H1 || info->tag == BCI_TAG_H2)) {
        if ((rc = text_of(n, &b, 1000)))
            goto done;
        /* 0.75: the heading is mostly the headline's words. */
        if (bci_similarity(x->title, b.data, b.length) > 0.75) {
            x->title_done = true;
            goto done;
        }
    }
    if (x->flags & BCI_STRIP_UNLIKELY) {
        bool unlikely = (info->class_bits & BCI_CLASS_UNLIKELY) &&
                        !(info->class_bits & BCI_CLASS_MAYBE) &&
                        !(info->fixed & (BCI_FIXED_IN_TABLE | BCI_FIXED_IN_CODE)) &&
                        info->tag != BCI_TAG_HTML && info->tag != BCI_TAG_BODY &&
                        info->tag != BCI_TAG_A;
        if (unlikely || (info->fixed & BCI_FIXED_ROLE) || info->tag == BCI_TAG_HEADER)
            goto done;
    }
    *out = false;
done:
    bci_buf_free(&b);
    return rc;
}

static int mark_dropped(extractor *x)
{
    for (xmlNode *n = x->root; n;) {
        bci_node *info = bci_info(n);
        bool skip = !info && !is_text(n);
        if (info) {
            int rc = check_dropped(x, n, info, &skip);
            if (rc)
                return rc;
            if (skip)
                info->flags |= BCI_NODE_DROPPED;
        }
        n = bci_next_node(n, x->root, skip);
    }
    return 0;
}

/* Text, comma and link counts, and whether a container lies below, for
 * every element that is kept, children first. */
static void count_all(extractor *x)
{
    xmlNode *n = x->root;
    while (n) {
        bci_node *info = bci_info(n);
        if (is_text(n) && n->content && n->parent && bci_info(n->parent)) {
            bci_node *parent = bci_info(n->parent);
            bci_count_text((const char *)n->content, &parent->text, &parent->commas);
        }
        if (info && !(info->flags & BCI_NODE_DROPPED) && n->children) {
            n = n->children;
            continue;
        }
        for (;;) {
            info = bci_info(n);
            if (info && !(info->flags & BCI_NODE_DROPPED)) {
                if (info->tag == BCI_TAG_A)
                    info->link = (float)info->text * bci_link_weight(n);
                bci_node *parent = n->parent ? bci_info(n->parent) : NULL;
                if (parent) {
                    parent->text += info->text;
                    parent->commas += info->commas;
                    parent->link += info->link;
                    if ((bci_tag_traits(info->tag) & BCI_CONTAINER) ||
                        (info->flags & BCI_NODE_CONTAINER))
                        parent->flags |= BCI_NODE_CONTAINER;
                }
            }
            if (n == x->root) {
                n = NULL;
                break;
            }
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
        }
    }
}

static float link_density(const bci_node *info)
{
    return info->text ? info->link / (float)info->text : 0.0f;
}

static int initial_score(const extractor *x, const bci_node *info)
{
    int score = 0;
    switch (info->tag) {
    case BCI_TAG_DIV:
        score = (info->flags & BCI_NODE_AS_P) ? 0 : 5;
        break;
    case BCI_TAG_PRE: case BCI_TAG_TD: case BCI_TAG_BLOCKQUOTE:
        score = 3;
        break;
    case BCI_TAG_ADDRESS: case BCI_TAG_OL: case BCI_TAG_UL: case BCI_TAG_DL: case BCI_TAG_DD:
    case BCI_TAG_DT: case BCI_TAG_LI: case BCI_TAG_FORM:
        score = -3;
        break;
    case BCI_TAG_H1: case BCI_TAG_H2: case BCI_TAG_H3: case BCI_TAG_H4: case BCI_TAG_H5:
    case BCI_TAG_H6: case BCI_TAG_TH:
        score = -5;
        break;
    default:
        break;
    }
    if (x->flags & BCI_WEIGHT_CLASSES)
        score += info->class_weight;
    return score;
}

static int make_candidate(extractor *x, xmlNode *n, bci_node *info)
{
    if (info->flags & BCI_NODE_CANDIDATE)
        return 0;
    void *items = x->candidates;
    if (bci_reserve(&items, &x->candidate_capacity, x->candidate_count + 1, sizeof(xmlNode *)))
        return BC_ENOMEM;
    x->candidates = items;
    x->candidates[x->candidate_count++] = n;
    info->flags |= BCI_NODE_CANDIDATE;
    info->score = (float)initial_score(x, info);
    return 0;
}

/* Scores a block of `chars` characters and `commas` commas: its ancestors
 * from `start` up get the score, divided more the further up they are. */
static int score_block(extractor *x, xmlNode *start, uint32_t chars, uint32_t commas)
{
    if (chars < MIN_SCORED_CHARS)
        return 0;
    /* 1, one per comma-separated part, one per 100 characters up to 3. */
    float score = 2.0f + (float)commas + (float)(chars / 100 < 3 ? chars / 100 : 3);
    int level = 0;
    for (xmlNode *a = start; a && level < ANCESTOR_LEVELS; a = a->parent) {
        bci_node *info = bci_info(a);
        if (!info)
            break;
        if (info->flags & BCI_NODE_SKIPPED)
            continue;
        if (a->parent && bci_info(a->parent)) {
            int rc = make_candidate(x, a, info);
            if (rc)
                return rc;
            info->score += score / (level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * 3.0f);
        }
        level++;
    }
    return 0;
}

/* A div either reads as a paragraph, wraps a single paragraph, or is a
 * container whose runs of loose text are paragraphs of their own. */
static int score_div(extractor *x, xmlNode *div, bci_node *info)
{
    uint32_t run_chars = 0, run_commas = 0, first_chars = 0, first_commas = 0;
    size_t runs = 0, blocks = 0;
    bool in_run = false;
    xmlNode *block = NULL;
    for (xmlNode *c = div->children; c; c = c->next) {
        bci_node *ci = bci_info(c);
        bool phrasing = is_text(c) || (ci && (bci_tag_traits(ci->tag) & BCI_INLINE));
        if (ci && (ci->flags & BCI_NODE_DROPPED))
            continue;
        if (!phrasing && !ci)
            continue; /* comments and the like */
        if (phrasing) {
            uint32_t chars = 0, commas = 0;
            if (ci) {
                chars = ci->text, commas = ci->commas;
            } else if (c->content) {
                bci_count_text((const char *)c->content, &chars, &commas);
            }
            bool blank = ci ? ci->tag == BCI_TAG_BR : chars == 0;
            if (!in_run && !blank) {
                in_run = true;
                run_chars = run_commas = 0;
            }
            run_chars += chars, run_commas += commas;
            continue;
        }
        if (in_run) {
            if (runs++ == 0)
                first_chars = run_chars, first_commas = run_commas;
            else if (score_block(x, div, run_chars, run_commas))
                return BC_ENOMEM;
            in_run = false;
        }
        blocks++;
        block = c;
    }
    if (in_run) {
        if (runs++ == 0)
            first_chars = run_chars, first_commas = run_commas;
        else if (score_block(x, div, run_chars, run_commas))
            return BC_ENOMEM;
    }
    info->runs = (uint16_t)(runs < UINT16_MAX ? runs : UINT16_MAX);
    /* 0.25: a div of mostly links is a link list, not a paragraph. */
    if (runs == 1 && blocks == 0 && link_density(info) < 0.25f) {
        info->flags |= BCI_NODE_SKIPPED | BCI_NODE_AS_P;
        return score_block(x, div->parent, first_chars, first_commas);
    }
    if (runs == 0 && blocks == 1 && bci_info(block)->tag == BCI_TAG_P &&
        link_density(info) < 0.25f) {
        info->flags |= BCI_NODE_SKIPPED;
        return 0;
    }
    if (runs == 0 && !(info->flags & BCI_NODE_CONTAINER)) {
        info->flags |= BCI_NODE_AS_P;
        return score_block(x, div->parent, info->text, info->commas);
    }
    return runs ? score_block(x, div, first_chars, first_commas) : 0;
}

static int score_all(extractor *x)
{
    xmlNode *top = x->body ? x->body : x->root;
    for (xmlNode *n = top; n;) {
        bci_node *info = bci_info(n);
        if (!info || (info->flags & BCI_NODE_DROPPED)) {
            n = bci_next_node(n, top, true);
            continue;
        }
        int rc = 0;
        if (info->tag == BCI_TAG_DIV)
            rc = score_div(x, n, info);
        else if (bci_tag_traits(info->tag) & BCI_SCORED)
            rc = score_block(x, n->parent, info->text, info->commas);
        if (rc)
            return rc;
        n = bci_next_node(n, top, false);
    }
    return 0;
}

/* The parent, passing over divs that only wrap one paragraph. */
static xmlNode *parent_of(const xmlNode *n)
{
    xmlNode *p = n->parent;
    while (p && bci_info(p) && (bci_info(p)->flags & BCI_NODE_SKIPPED))
        p = p->parent;
    return p;
}

static size_t element_children(const xmlNode *n)
{
    size_t count = 0;
    for (const xmlNode *c = n->children; c; c = c->next)
        count += !dropped(c);
    return count;
}

static bool is_ancestor(const xmlNode *ancestor, const xmlNode *n)
{
    for (const xmlNode *p = n->parent; p; p = p->parent)
        if (p == ancestor)
            return true;
    return false;
}

static int add_root(extractor *x, xmlNode *n)
{
    void *items = x->roots;
    if (bci_reserve(&items, &x->root_capacity, x->root_count + 1, sizeof(xmlNode *)))
        return BC_ENOMEM;
    x->roots = items;
    x->roots[x->root_count++] = n;
    return 0;
}

/* The top candidate, moved up to a parent it shares with other good
 * candidates or one that scores better; NULL in `*out` when the body is the
 * best there is. Returns 0 or BC_ENOMEM. */
static int choose_top(extractor *x, xmlNode **out)
{
    *out = NULL;
    xmlNode *top[TOP_CANDIDATES] = {NULL};
    for (size_t i = 0; i < x->candidate_count; i++) {
        xmlNode *c = x->candidates[i];
        bci_node *info = bci_info(c);
        info->score *= 1.0f - link_density(info);
        for (size_t k = 0; k < TOP_CANDIDATES; k++) {
            if (!top[k] || info->score > bci_info(top[k])->score) {
                memmove(&top[k + 1], &top[k], (TOP_CANDIDATES - k - 1) * sizeof top[0]);
                top[k] = c;
                break;
            }
        }
    }
    xmlNode *best = top[0];
    if (!best || best == x->body)
        return 0;
    float best_score = bci_info(best)->score;
    /* Three other candidates within 75% of the best, under one ancestor:
     * the article is that ancestor, split into parts. */
    const xmlNode *close[TOP_CANDIDATES];
    size_t close_count = 0;
    for (size_t k = 1; k < TOP_CANDIDATES && top[k]; k++)
        if (best_score > 0 && bci_info(top[k])->score / best_score >= 0.75f)
            close[close_count++] = top[k];
    if (close_count >= 3) {
        for (xmlNode *p = parent_of(best); p && p != x->body && bci_info(p); p = parent_of(p)) {
            size_t holding = 0;
            for (size_t k = 0; k < close_count; k++)
                holding += is_ancestor(p, close[k]);
            if (holding >= 3) {
                best = p;
                break;
            }
        }
    }
    if (make_candidate(x, best, bci_info(best)))
        return BC_ENOMEM;
    /* A parent that scores higher than its child holds more of the text. */
    float last = bci_info(best)->score, threshold = last / 3;
    for (xmlNode *p = parent_of(best); p && p != x->body && bci_info(p); p = parent_of(p)) {
        const bci_node *info = bci_info(p);
        if (!(info->flags & BCI_NODE_CANDIDATE))
            continue;
        if (info->score < threshold)
            break;
        if (info->score > last) {
            best = p;
            break;
        }
        last = info->score;
    }
    /* An only child stands for its parent, so that siblings can join. */
    for (xmlNode *p = parent_of(best); p && p != x->body && bci_info(p) && element_children(p) == 1;
         p = parent_of(p))
        best = p;
    if (make_candidate(x, best, bci_info(best)))
        return BC_ENOMEM;
    *out = best;
    return 0;
}

static bool is_paragraph(const bci_node *info)
{
    return info->tag == BCI_TAG_P || (info->flags & (BCI_NODE_AS_P | BCI_NODE_SKIPPED));
}

/* The top candidate and the siblings that belong with it: good scores, a
 * shared class, or paragraphs of prose. */
static int choose_roots(extractor *x, xmlNode *best)
{
    const bci_node *best_info = bci_info(best);
    float threshold = best_info->score * 0.2f > 10 ? best_info->score * 0.2f : 10;
    const char *best_class = bci_attr(best, "class");
    xmlNode *parent = parent_of(best);
    bci_buf b = {0};
    int rc = 0;
    for (xmlNode *s = parent->children; s && !rc; s = s->next) {
        if (dropped(s))
            continue;
        const bci_node *info = bci_info(s);
        bool keep = s == best;
        if (!keep && (info->flags & BCI_NODE_CANDIDATE)) {
            const char *class_name = bci_attr(s, "class");
            float bonus = best_class && *best_class && class_name &&
                          strcmp(best_class, class_name) == 0 ? best_info->score * 0.2f : 0;
            keep = info->score + bonus >= threshold;
        }
        if (!keep && is_paragraph(info)) {
            float density = link_density(info);
            /* 80 characters: a real paragraph, or a short one that ends a
             * sentence and has no links. */
            if (info->text > 80 && density < 0.25f) {
                keep = true;
            } else if (info->text > 0 && info->text < 80 && density == 0) {
                if ((rc = text_of(s, &b, 400)))
                    break;
                keep = strstr(b.data, ". ") || (b.length && b.data[b.length - 1] == '.');
            }
        }
        if (keep)
            rc = add_root(x, s);
    }
    bci_buf_free(&b);
    return rc;
}

/* Total characters of what is kept below the roots. */
static size_t kept_chars(const extractor *x)
{
    size_t total = 0;
    for (size_t i = 0; i < x->root_count; i++)
        if (!(bci_info(x->roots[i])->flags & BCI_NODE_REMOVED))
            total += bci_info(x->roots[i])->text;
    return total;
}

static void reset(extractor *x, unsigned flags)
{
    x->flags = flags;
    x->candidate_count = 0;
    x->root_count = 0;
    x->title_done = false;
    for (size_t i = 0; i < x->node_count; i++) {
        bci_node *info = &x->nodes[i];
        info->flags = 0;
        info->runs = 0;
        info->score = 0;
        info->text = info->commas = 0;
        info->link = 0;
    }
}

/* One attempt: writes its paragraphs to `out` and their length to `*chars`. */
static int attempt(extractor *x, unsigned flags, bc_article *out, size_t *chars)
{
    reset(x, flags);
    int rc = mark_dropped(x);
    if (rc)
        return rc;
    count_all(x);
    if ((rc = score_all(x)))
        return rc;
    xmlNode *best;
    if ((rc = choose_top(x, &best)))
        return rc;
    if (best) {
        rc = choose_roots(x, best);
    } else if (x->body) {
        rc = add_root(x, x->body); /* no clear winner: the whole body */
    }
    if (!rc)
        rc = bci_clean_content(x->roots, x->root_count, x->nodes, x->node_count, flags);
    if (!rc)
        rc = bci_emit_paragraphs(x->roots, x->root_count, out);
    *chars = kept_chars(x);
    return rc;
}

static void take_paragraphs(bc_article *to, bc_article *from)
{
    to->paragraphs = from->paragraphs;
    to->paragraph_count = from->paragraph_count;
    from->paragraphs = NULL;
    from->paragraph_count = 0;
}

int bci_extract_article(xmlDoc *doc, const char *title, bc_article *a)
{
    static const unsigned plans[] = {
        BCI_STRIP_UNLIKELY | BCI_WEIGHT_CLASSES | BCI_CLEAN_CONDITIONALLY,
        BCI_WEIGHT_CLASSES | BCI_CLEAN_CONDITIONALLY,
        BCI_CLEAN_CONDITIONALLY,
        0,
    };
    extractor x = {.title = title && *title ? title : NULL};
    bc_article best = {0}, trial = {0};
    size_t best_chars = 0;
    int rc = attach(&x, doc);
    if (rc || !x.body)
        goto done;
    for (size_t i = 0; i < BCI_ARRAY_LEN(plans); i++) {
        size_t chars = 0;
        if ((rc = attempt(&x, plans[i], &trial, &chars)))
            goto done;
        /* A relaxed attempt wins only with twice the text: a little more
         * is a sidebar that the strict rules had rightly left out. */
        if (chars > 2 * best_chars || !best.paragraph_count) {
            bci_article_clear(&best);
            take_paragraphs(&best, &trial);
            best_chars = chars;
        }
        bci_article_clear(&trial);
        if (best_chars >= MIN_ARTICLE_CHARS)
            break;
    }
    take_paragraphs(a, &best);
    if (!a->byline && x.byline) {
        const char *name = bci_author_name(x.byline);
        rc = bci_article_set(&a->byline, name, strlen(name));
    }
done:
    bci_article_clear(&best);
    bci_article_clear(&trial);
    free(x.byline);
    free(x.candidates);
    free(x.roots);
    free(x.nodes);
    return rc;
}

int bci_extract_all(xmlDoc *doc, bc_article *a)
{
    extractor x = {0};
    int rc = attach(&x, doc);
    if (rc || !x.body)
        goto done;
    /* Feed content is the article: drop what is never text, and class
     * boilerplate unless that leaves nothing. */
    for (unsigned flags = BCI_STRIP_UNLIKELY;; flags = 0) {
        reset(&x, flags);
        if ((rc = mark_dropped(&x)))
            goto done;
        /* No count_all(): bci_clean_content() counts what it keeps. */
        if ((rc = add_root(&x, x.body)) ||
            (rc = bci_clean_content(x.roots, 1, x.nodes, x.node_count, 0)) ||
            (rc = bci_emit_paragraphs(x.roots, 1, a)))
            goto done;
        if (a->paragraph_count || !flags)
            break;
    }
done:
    free(x.byline);
    free(x.candidates);
    free(x.roots);
    free(x.nodes);
    return rc;
}
