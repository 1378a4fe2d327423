/* Cleaning the chosen content: inside the article container, share bars,
 * boilerplate headings and the tables, lists, forms and divs that read like
 * navigation, link lists or widgets are left out. Decisions are made
 * children first, on counts of what is still kept below. */
#include <stdlib.h>
#include <string.h>

#include "html_internal.h"

/* What is kept below an element, besides the text counts in its record. */
typedef struct counts {
    uint32_t paragraphs;
    uint32_t images;
    uint32_t items;         /* list items */
    uint32_t heading_chars; /* characters inside headings */
    uint32_t textish_chars; /* characters inside p, li, td, div... (nested ones again) */
    uint32_t list_chars;    /* characters inside lists */
} counts;

static bool is_text(const xmlNode *n)
{
    return n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE;
}

static bool left_out(const bci_node *info)
{
    return info->flags & (BCI_NODE_DROPPED | BCI_NODE_REMOVED);
}

/* Whether a table holds data (kept whole) rather than page layout. */
static bool is_data_table(const xmlNode *table)
{
    const char *role = bci_attr(table, "role");
    const char *datatable = bci_attr(table, "datatable");
    const char *summary = bci_attr(table, "summary");
    if ((role && bci_equal_ci(role, "presentation")) || (datatable && strcmp(datatable, "0") == 0))
        return false;
    if (summary && *summary)
        return true;
    bool caption_seen = false, caption = false, structure = false, nested = false;
    size_t rows = 0, columns = 0;
    for (const xmlNode *n = table; n;) {
        const bci_node *info = bci_info(n);
        if (n != table && (!info || left_out(info))) {
            n = bci_next_node(n, table, true);
            continue;
        }
        switch (info->tag) {
        case BCI_TAG_CAPTION:
            if (!caption_seen)
                caption = n->children != NULL;
            caption_seen = true;
            break;
        case BCI_TAG_COL: case BCI_TAG_COLGROUP: case BCI_TAG_TFOOT: case BCI_TAG_THEAD:
        case BCI_TAG_TH:
            structure = true;
            break;
        case BCI_TAG_TABLE:
            nested |= n != table;
            break;
        case BCI_TAG_TR: {
            size_t cells = 0;
            for (const xmlNode *c = n->children; c; c = c->next) {
                const bci_node *ci = bci_info(c);
                cells += ci && (ci->tag == BCI_TAG_TD || ci->tag == BCI_TAG_TH);
            }
            rows++;
            columns = cells > columns ? cells : columns;
            break;
        }
        default:
            break;
        }
        n = bci_next_node(n, table, false);
    }
    if (caption || structure)
        return true;
    if (nested)
        return false;
    /* Ten rows or more than four columns hold data; so does anything with
     * more than ten cells. */
    return rows >= 10 || columns > 4 || rows * columns > 10;
}

static void mark_data_tables(xmlNode *root)
{
    for (xmlNode *n = root; n;) {
        bci_node *info = bci_info(n);
        if (!info || left_out(info)) {
            n = bci_next_node(n, root, true);
            continue;
        }
        if (info->tag == BCI_TAG_TABLE && is_data_table(n))
            info->flags |= BCI_NODE_DATA_TABLE;
        n = bci_next_node(n, root, false);
    }
}

/* True when an ancestor of `n` up to `root` (and at most `levels` up, 0
 * for any) has tag `tag` or, with tag BCI_TAG_OTHER, record flag `flag`. */
static bool has_ancestor(const xmlNode *n, const xmlNode *root, bci_tag tag, unsigned flag,
                         int levels)
{
    int level = 0;
    for (const xmlNode *p = n; p != root && p->parent && bci_info(p->parent); level++) {
        p = p->parent;
        if (levels && level >= levels)
            return false;
        const bci_node *info = bci_info(p);
        if (tag != BCI_TAG_OTHER ? info->tag == tag : (info->flags & flag) != 0)
            return true;
    }
    return false;
}

static bool equal_word(const char *text, const char *word, bool allow_ellipsis)
{
    size_t n = strlen(word);
    for (size_t i = 0; i < n; i++)
        if (!text[i] || bci_lower(text[i]) != bci_lower(word[i]))
            return false;
    const char *rest = text + n;
    return !*rest ||
           (allow_ellipsis && (strcmp(rest, "...") == 0 || strcmp(rest, "\xE2\x80\xA6") == 0));
}

/* A block whose whole text says "advertisement" or "loading". */
static bool ad_or_loading(const xmlNode *n)
{
    static const char *const ads[] = {
        "ad", "advertising", "advertisement", "pub", "publicit\xC3\xA9", "werb", "werbung",
        "\xE5\xB9\xBF\xE5\x91\x8A", "\xD0\xA0\xD0\xB5\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xBC\xD0\xB0",
        "\xD1\x80\xD0\xB5\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xBC\xD0\xB0", "anuncio",
    };
    static const char *const loading[] = {
        "loading", "\xE6\xAD\xA3\xE5\x9C\xA8\xE5\x8A\xA0\xE8\xBD\xBD",
        "\xD0\x97\xD0\xB0\xD0\xB3\xD1\x80\xD1\x83\xD0\xB7\xD0\xBA\xD0\xB0",
        "\xD0\xB7\xD0\xB0\xD0\xB3\xD1\x80\xD1\x83\xD0\xB7\xD0\xBA\xD0\xB0", "chargement",
        "cargando",
    };
    bci_buf b = {0};
    bool found = false;
    if (bci_node_text(n, &b, 64) == 0) {
        for (size_t i = 0; i < BCI_ARRAY_LEN(ads) && !found; i++)
            found = equal_word(b.data, ads[i], false);
        for (size_t i = 0; i < BCI_ARRAY_LEN(loading) && !found; i++)
            found = equal_word(b.data, loading[i], true);
    }
    bci_buf_free(&b);
    return found;
}

/* Link lists, widgets and forms: few commas and more links, list items,
 * images or headings than prose. */
static bool looks_like_boilerplate(const xmlNode *n, const bci_node *info, const counts *c,
                                   const xmlNode *root, unsigned flags)
{
    bci_tag tag = info->tag;
    if (tag != BCI_TAG_FORM && tag != BCI_TAG_FIELDSET && tag != BCI_TAG_TABLE &&
        tag != BCI_TAG_UL && tag != BCI_TAG_DIV)
        return false;
    if (info->flags & (BCI_NODE_AS_P | BCI_NODE_SKIPPED))
        return false; /* a paragraph in a div's clothing */
    if ((info->flags & BCI_NODE_DATA_TABLE) || (info->fixed & BCI_FIXED_IN_CODE) ||
        has_ancestor(n, root, BCI_TAG_OTHER, BCI_NODE_DATA_TABLE, 0))
        return false;
    int weight = (flags & BCI_WEIGHT_CLASSES) ? info->class_weight : 0;
    if (weight < 0)
        return true;
    /* Ten commas: prose, whatever else is around it. */
    if (info->commas >= 10)
        return false;
    double chars = info->text;
    bool is_list = tag == BCI_TAG_UL || (chars > 0 && c->list_chars / chars > 0.9);
    bool in_figure = has_ancestor(n, root, BCI_TAG_FIGURE, 0, 3);
    double paragraphs = c->paragraphs, images = c->images;
    double items = (double)c->items - 100; /* a hundred items are still a list */
    double link_density = chars > 0 ? info->link / chars : 0;
    double heading_density = chars > 0 ? c->heading_chars / chars : 0;
    double text_density = chars > 0 ? c->textish_chars / chars : 0;
    /* 30 characters: only a short text can be just "Advertisement". */
    if (info->text < 30 && ad_or_loading(n))
        return true;
    if (!in_figure && images > 1 && paragraphs / images < 0.5)
        return true;
    if (!is_list && items > paragraphs)
        return true;
    /* 25 characters with a link: a "more" or "share" line. */
    if (!is_list && !in_figure && heading_density < 0.9 && chars < 25 &&
        (images == 0 || images > 2) && link_density > 0)
        return true;
    if (!is_list && weight < 25 && link_density > 0.2)
        return true;
    if (weight >= 25 && link_density > 0.5)
        return true;
    return images == 0 && text_density == 0;
}

static bool should_remove(const xmlNode *n, const bci_node *info, const counts *c,
                          const xmlNode *root, unsigned flags)
{
    /* 500 characters: a share bar is short; a story can mention sharing. */
    if ((info->class_bits & BCI_CLASS_SHARE) && n != root && info->text < 500)
        return true;
    if ((flags & BCI_WEIGHT_CLASSES) && (info->tag == BCI_TAG_H1 || info->tag == BCI_TAG_H2) &&
        info->class_weight < 0)
        return true;
    return (flags & BCI_CLEAN_CONDITIONALLY) && looks_like_boilerplate(n, info, c, root, flags);
}

/* Characters of the text directly in `n` and in its inline children. */
static uint32_t loose_chars(const xmlNode *n)
{
    uint32_t chars = 0, commas = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        const bci_node *info = bci_info(c);
        if (is_text(c) && c->content)
            bci_count_text((const char *)c->content, &chars, &commas);
        else if (info && !left_out(info) && (bci_tag_traits(info->tag) & BCI_INLINE))
            chars += info->text;
    }
    return chars;
}

/* Decides on `n` once its children are done, then adds it to its parent. */
static void finish(xmlNode *n, bci_node *info, counts *all, const bci_node *nodes,
                   const xmlNode *root, unsigned flags)
{
    counts *c = &all[info - nodes];
    bool as_p = info->tag == BCI_TAG_P || (info->flags & BCI_NODE_AS_P);
    if (info->runs && !(info->flags & (BCI_NODE_AS_P | BCI_NODE_SKIPPED))) {
        /* The div's loose text reads as paragraphs of their own. */
        c->paragraphs += info->runs;
        c->textish_chars += loose_chars(n);
    }
    if (info->tag == BCI_TAG_A)
        info->link = (float)info->text * bci_link_weight(n);
    if (should_remove(n, info, c, root, flags)) {
        info->flags |= BCI_NODE_REMOVED;
        return;
    }
    if (n == root)
        return;
    bci_node *parent = bci_info(n->parent);
    counts *pc = &all[parent - nodes];
    unsigned traits = bci_tag_traits(info->tag);
    parent->text += info->text;
    parent->commas += info->commas;
    parent->link += info->link;
    pc->paragraphs += c->paragraphs + as_p;
    pc->images += c->images + (info->tag == BCI_TAG_IMG);
    pc->items += c->items + (info->tag == BCI_TAG_LI);
    pc->heading_chars += c->heading_chars + ((traits & BCI_HEADING) ? info->text : 0);
    pc->textish_chars += c->textish_chars + ((traits & BCI_TEXTISH) || as_p ? info->text : 0);
    pc->list_chars += c->list_chars +
                      (info->tag == BCI_TAG_UL || info->tag == BCI_TAG_OL ? info->text : 0);
}

static void clean_tree(xmlNode *root, counts *all, const bci_node *nodes, unsigned flags)
{
    xmlNode *n = root;
    while (n) {
        bci_node *info = bci_info(n);
        bool open = false;
        if (info && !left_out(info)) {
            info->text = info->commas = 0;
            info->link = 0;
            all[info - nodes] = (counts){0};
            open = n->children != NULL;
        } else if (is_text(n) && n->content && n != root && bci_info(n->parent)) {
            bci_node *parent = bci_info(n->parent);
            bci_count_text((const char *)n->content, &parent->text, &parent->commas);
        }
        if (open) {
            n = n->children;
            continue;
        }
        for (;;) {
            info = bci_info(n);
            if (info && !left_out(info))
                finish(n, info, all, nodes, root, flags);
            if (n == root) {
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

int bci_clean_content(xmlNode *const *roots, size_t root_count, bci_node *nodes,
                      size_t node_count, unsigned flags)
{
    counts *all = calloc(node_count ? node_count : 1, sizeof *all);
    if (!all)
        return BC_ENOMEM;
    for (size_t i = 0; i < root_count; i++) {
        if (left_out(bci_info(roots[i])))
            continue;
        mark_data_tables(roots[i]);
        clean_tree(roots[i], all, nodes, flags);
    }
    free(all);
    return 0;
}
