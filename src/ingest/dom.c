/* Helpers over libxml2 trees: element kinds, attributes, walking, and text
 * with white space collapsed. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "html_internal.h"

typedef struct tag_entry {
    const char *name;
    bci_tag tag;
    unsigned traits;
} tag_entry;

enum {
    INLINE = BCI_INLINE,
    NEVER = BCI_NEVER_TEXT,
    SCORED = BCI_SCORED,
    CONTAINER = BCI_CONTAINER,
    HEADING = BCI_HEADING,
    TEXTISH = BCI_TEXTISH,
    CELL = BCI_CELL,
};

/* Sorted by name for bsearch(). */
static const tag_entry tags[] = {
    {"a", BCI_TAG_A, INLINE},
    {"abbr", BCI_TAG_ABBR, INLINE},
    {"acronym", BCI_TAG_ACRONYM, INLINE},
    {"address", BCI_TAG_ADDRESS, 0},
    {"article", BCI_TAG_ARTICLE, 0},
    {"aside", BCI_TAG_ASIDE, NEVER},
    {"audio", BCI_TAG_AUDIO, NEVER},
    {"b", BCI_TAG_B, INLINE},
    {"bdi", BCI_TAG_BDI, INLINE},
    {"bdo", BCI_TAG_BDO, INLINE},
    {"big", BCI_TAG_BIG, INLINE},
    {"blockquote", BCI_TAG_BLOCKQUOTE, CONTAINER | TEXTISH},
    {"body", BCI_TAG_BODY, 0},
    {"br", BCI_TAG_BR, INLINE},
    {"button", BCI_TAG_BUTTON, NEVER},
    {"canvas", BCI_TAG_CANVAS, NEVER},
    {"caption", BCI_TAG_CAPTION, 0},
    {"center", BCI_TAG_CENTER, 0},
    {"cite", BCI_TAG_CITE, INLINE},
    {"code", BCI_TAG_CODE, INLINE},
    {"col", BCI_TAG_COL, 0},
    {"colgroup", BCI_TAG_COLGROUP, 0},
    {"data", BCI_TAG_DATA, INLINE},
    {"dd", BCI_TAG_DD, 0},
    {"del", BCI_TAG_DEL, INLINE},
    {"details", BCI_TAG_DETAILS, 0},
    {"dfn", BCI_TAG_DFN, INLINE},
    {"dialog", BCI_TAG_DIALOG, NEVER},
    {"div", BCI_TAG_DIV, CONTAINER | TEXTISH},
    {"dl", BCI_TAG_DL, CONTAINER | TEXTISH},
    {"dt", BCI_TAG_DT, 0},
    {"em", BCI_TAG_EM, INLINE},
    {"embed", BCI_TAG_EMBED, NEVER},
    {"fieldset", BCI_TAG_FIELDSET, 0},
    {"figcaption", BCI_TAG_FIGCAPTION, NEVER},
    {"figure", BCI_TAG_FIGURE, 0},
    {"font", BCI_TAG_FONT, INLINE},
    {"footer", BCI_TAG_FOOTER, NEVER},
    {"form", BCI_TAG_FORM, 0},
    {"frame", BCI_TAG_FRAME, NEVER},
    {"frameset", BCI_TAG_FRAMESET, NEVER},
    {"h1", BCI_TAG_H1, HEADING},
    {"h2", BCI_TAG_H2, HEADING | SCORED},
    {"h3", BCI_TAG_H3, HEADING | SCORED},
    {"h4", BCI_TAG_H4, HEADING | SCORED},
    {"h5", BCI_TAG_H5, HEADING | SCORED},
    {"h6", BCI_TAG_H6, HEADING | SCORED},
    {"head", BCI_TAG_HEAD, NEVER},
    {"header", BCI_TAG_HEADER, 0},
    {"hr", BCI_TAG_HR, 0},
    {"html", BCI_TAG_HTML, 0},
    {"i", BCI_TAG_I, INLINE},
    {"iframe", BCI_TAG_IFRAME, NEVER},
    {"img", BCI_TAG_IMG, INLINE | CONTAINER | TEXTISH},
    {"input", BCI_TAG_INPUT, NEVER},
    {"ins", BCI_TAG_INS, INLINE},
    {"kbd", BCI_TAG_KBD, INLINE},
    {"label", BCI_TAG_LABEL, INLINE},
    {"li", BCI_TAG_LI, TEXTISH},
    {"link", BCI_TAG_LINK, NEVER},
    {"main", BCI_TAG_MAIN, 0},
    {"map", BCI_TAG_MAP, INLINE},
    {"mark", BCI_TAG_MARK, INLINE},
    {"math", BCI_TAG_MATH, INLINE},
    {"menu", BCI_TAG_MENU, NEVER},
    {"meta", BCI_TAG_META, NEVER},
    {"nav", BCI_TAG_NAV, NEVER},
    {"nobr", BCI_TAG_NOBR, INLINE},
    {"noscript", BCI_TAG_NOSCRIPT, NEVER},
    {"object", BCI_TAG_OBJECT, NEVER},
    {"ol", BCI_TAG_OL, CONTAINER | TEXTISH},
    {"option", BCI_TAG_OPTION, NEVER},
    {"output", BCI_TAG_OUTPUT, INLINE},
    {"p", BCI_TAG_P, SCORED | CONTAINER | TEXTISH},
    {"picture", BCI_TAG_PICTURE, INLINE},
    {"pre", BCI_TAG_PRE, SCORED | CONTAINER | TEXTISH},
    {"q", BCI_TAG_Q, INLINE},
    {"rp", BCI_TAG_RP, INLINE},
    {"rt", BCI_TAG_RT, INLINE},
    {"ruby", BCI_TAG_RUBY, INLINE},
    {"s", BCI_TAG_S, INLINE},
    {"samp", BCI_TAG_SAMP, INLINE},
    {"script", BCI_TAG_SCRIPT, NEVER},
    {"section", BCI_TAG_SECTION, SCORED},
    {"select", BCI_TAG_SELECT, NEVER},
    {"small", BCI_TAG_SMALL, INLINE},
    {"source", BCI_TAG_SOURCE, NEVER},
    {"span", BCI_TAG_SPAN, INLINE | TEXTISH},
    {"strike", BCI_TAG_STRIKE, INLINE},
    {"strong", BCI_TAG_STRONG, INLINE},
    {"style", BCI_TAG_STYLE, NEVER},
    {"sub", BCI_TAG_SUB, INLINE},
    {"summary", BCI_TAG_SUMMARY, 0},
    {"sup", BCI_TAG_SUP, INLINE},
    {"svg", BCI_TAG_SVG, NEVER},
    {"table", BCI_TAG_TABLE, CONTAINER | TEXTISH},
    {"tbody", BCI_TAG_TBODY, 0},
    {"td", BCI_TAG_TD, SCORED | TEXTISH | CELL},
    {"template", BCI_TAG_TEMPLATE, NEVER},
    {"textarea", BCI_TAG_TEXTAREA, NEVER},
    {"tfoot", BCI_TAG_TFOOT, 0},
    {"th", BCI_TAG_TH, CELL},
    {"thead", BCI_TAG_THEAD, 0},
    {"time", BCI_TAG_TIME, INLINE},
    {"title", BCI_TAG_TITLE, NEVER},
    {"tr", BCI_TAG_TR, 0},
    {"tt", BCI_TAG_TT, INLINE},
    {"u", BCI_TAG_U, INLINE},
    {"ul", BCI_TAG_UL, CONTAINER | TEXTISH},
    {"var", BCI_TAG_VAR, INLINE},
    {"video", BCI_TAG_VIDEO, NEVER},
    {"wbr", BCI_TAG_WBR, INLINE},
};

static int compare_name(const void *key, const void *item)
{
    return strcmp(key, ((const tag_entry *)item)->name);
}

bci_tag bci_tag_of(const xmlNode *n)
{
    if (!n || n->type != XML_ELEMENT_NODE || !n->name)
        return BCI_TAG_OTHER;
    char lower[16]; /* longer than any known name */
    size_t i = 0;
    for (; n->name[i]; i++) {
        if (i + 1 >= sizeof lower)
            return BCI_TAG_OTHER;
        lower[i] = bci_lower((char)n->name[i]);
    }
    lower[i] = '\0';
    const tag_entry *e = bsearch(lower, tags, BCI_ARRAY_LEN(tags), sizeof tags[0], compare_name);
    return e ? e->tag : BCI_TAG_OTHER;
}

bci_tag bci_tag_cached(bci_tag_cache *cache, const xmlNode *n)
{
    if (!n || n->type != XML_ELEMENT_NODE || !n->name)
        return BCI_TAG_OTHER;
    /* The name's address picks the slot; its low bits are alignment. */
    size_t slot = ((uintptr_t)n->name >> 3) % BCI_ARRAY_LEN(cache->names);
    if (cache->names[slot] != n->name) {
        cache->names[slot] = n->name;
        cache->tags[slot] = (uint8_t)bci_tag_of(n);
    }
    return (bci_tag)cache->tags[slot];
}

unsigned bci_tag_traits(bci_tag tag)
{
    if (tag == BCI_TAG_OTHER || (size_t)tag > BCI_ARRAY_LEN(tags))
        return 0;
    /* The enum lists the tags in the table's order, from 1. */
    assert(tags[tag - 1].tag == tag);
    return tags[tag - 1].traits;
}

const char *bci_attr(const xmlNode *n, const char *name)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return NULL;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (!a->name || strcmp((const char *)a->name, name) != 0)
            continue;
        const xmlNode *value = a->children;
        if (!value)
            return "";
        if (value->type == XML_TEXT_NODE && !value->next && value->content)
            return (const char *)value->content;
        return NULL;
    }
    return NULL;
}

float bci_link_weight(const xmlNode *a)
{
    const char *href = bci_attr(a, "href");
    return href && href[0] == '#' && href[1] ? 0.3f : 1.0f;
}

const char *bci_author_name(const char *byline)
{
    if ((byline[0] == 'B' || byline[0] == 'b') && byline[1] == 'y' && byline[2] == ' ')
        return byline + 3;
    return byline;
}

bool bci_equal_ci(const char *a, const char *b)
{
    if (!a || !b)
        return false;
    for (; *a && *b; a++, b++)
        if (bci_lower(*a) != bci_lower(*b))
            return false;
    return *a == *b;
}

/* Windows-1252's characters for bytes 0x80-0x9F, which a page read as
 * Latin-1 carries as C1 control codes (NULL: undefined, dropped). */
static const char *const cp1252[32] = {
    "\xE2\x82\xAC", NULL, "\xE2\x80\x9A", "\xC6\x92", "\xE2\x80\x9E", "\xE2\x80\xA6",
    "\xE2\x80\xA0", "\xE2\x80\xA1", "\xCB\x86", "\xE2\x80\xB0", "\xC5\xA0", "\xE2\x80\xB9",
    "\xC5\x92", NULL, "\xC5\xBD", NULL, NULL, "\xE2\x80\x98", "\xE2\x80\x99",
    "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x80\x94",
    "\xCB\x9C", "\xE2\x84\xA2", "\xC5\xA1", "\xE2\x80\xBA", "\xC5\x93", NULL, "\xC5\xBE",
    "\xC5\xB8",
};

/* How the byte sequence at `s` is written: `*skip` bytes are consumed; the
 * result is a white space (returns 1), dropped or replaced by `*with`
 * (returns 2), or kept as it is (returns 0, `*skip` 1). */
static int classify(const unsigned char *s, size_t length, size_t *skip, const char **with)
{
    unsigned char c = s[0];
    *skip = 1;
    *with = NULL;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        return 1;
    if (c == 0xC2 && length >= 2) {
        *skip = 2;
        if (s[1] == 0xA0)
            return 1; /* no-break space */
        if (s[1] == 0xAD)
            return 2; /* soft hyphen */
        if (s[1] >= 0x80 && s[1] <= 0x9F) {
            *with = cp1252[s[1] - 0x80];
            return 2;
        }
    } else if ((c == 0xE2 || c == 0xE3 || c == 0xEF) && length >= 3) {
        *skip = 3;
        if (c == 0xE2 && s[1] == 0x80 && s[2] == 0x8B)
            return 2; /* zero-width space */
        if (c == 0xE2 && s[1] == 0x80 && (s[2] == 0xA8 || s[2] == 0xA9))
            return 1; /* line and paragraph separators */
        if (c == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
            return 1; /* ideographic space */
        if (c == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
            return 2; /* a stray byte order mark */
    }
    *skip = 1;
    return 0;
}

int bci_append_collapsed(bci_buf *b, const char *text, size_t length, bool *space)
{
    size_t run = 0; /* start of the pending run of ordinary bytes */
    size_t i = 0;
    while (i < length) {
        size_t skip;
        const char *with;
        int kind = classify((const unsigned char *)text + i, length - i, &skip, &with);
        if (kind == 0 || with) {
            if (*space && run == i) {
                if (b->length && bci_buf_putc(b, ' '))
                    return BC_ENOMEM;
                *space = false;
            }
        }
        if (kind == 0) {
            i++;
            continue;
        }
        if (i > run && bci_buf_append(b, text + run, i - run))
            return BC_ENOMEM;
        if (kind == 1)
            *space = true;
        else if (with && bci_buf_puts(b, with))
            return BC_ENOMEM;
        i += skip;
        run = i;
    }
    if (i > run && bci_buf_append(b, text + run, i - run))
        return BC_ENOMEM;
    return 0;
}

void bci_count_text(const char *text, uint32_t *chars, uint32_t *commas)
{
    uint32_t n = 0, runs = 0, marks = 0;
    bool blank = false, any = false;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        unsigned char c = *p;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            blank = true;
            continue;
        }
        if ((c & 0xC0) == 0x80)
            continue; /* a continuation byte */
        if (blank && any)
            runs++;
        blank = false;
        any = true;
        n++;
        if (c == ',') {
            marks++;
        } else if (c >= 0xD8) {
            /* U+060C, U+2E32, U+2E34, U+2E41, U+FE10, U+FE11, U+FE50, U+FF0C */
            if ((p[0] == 0xD8 && p[1] == 0x8C) ||
                (p[0] == 0xE2 && p[1] == 0xB8 && (p[2] == 0xB2 || p[2] == 0xB4)) ||
                (p[0] == 0xE2 && p[1] == 0xB9 && p[2] == 0x81) ||
                (p[0] == 0xEF && p[1] == 0xB8 && (p[2] == 0x90 || p[2] == 0x91)) ||
                (p[0] == 0xEF && p[1] == 0xB9 && p[2] == 0x90) ||
                (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8C))
                marks++;
        }
    }
    /* The spaces at either end of a text that has words join it to its
     * neighbours: count one. */
    if (any && (blank || (unsigned char)text[0] <= ' '))
        runs++;
    *chars += n + runs;
    *commas += marks;
}

/* Splits `s` into lower-case words (letters, digits, non-ASCII bytes). */
static size_t words_of(const char *s, size_t length, const char **starts, size_t *lengths,
                       size_t max)
{
    size_t count = 0;
    for (size_t i = 0; i < length && count < max;) {
        while (i < length && !((unsigned char)s[i] >= 0x80 || (s[i] >= '0' && s[i] <= '9') ||
                               ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')))
            i++;
        size_t start = i;
        while (i < length && ((unsigned char)s[i] >= 0x80 || (s[i] >= '0' && s[i] <= '9') ||
                              ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')))
            i++;
        if (i > start) {
            starts[count] = s + start;
            lengths[count++] = i - start;
        }
    }
    return count;
}

static bool same_word(const char *a, size_t a_length, const char *b, size_t b_length)
{
    if (a_length != b_length)
        return false;
    for (size_t i = 0; i < a_length; i++)
        if (bci_lower(a[i]) != bci_lower(b[i]))
            return false;
    return true;
}

double bci_similarity(const char *title, const char *heading, size_t heading_length)
{
    enum { MAX_WORDS = 64 }; /* a headline is shorter */
    const char *a[MAX_WORDS], *b[MAX_WORDS];
    size_t a_length[MAX_WORDS], b_length[MAX_WORDS];
    size_t na = words_of(title, strlen(title), a, a_length, MAX_WORDS);
    size_t nb = words_of(heading, heading_length, b, b_length, MAX_WORDS);
    if (!na || !nb)
        return 0;
    size_t all = 0, unique = 0, unique_words = 0;
    for (size_t i = 0; i < nb; i++) {
        all += b_length[i];
        bool found = false;
        for (size_t k = 0; k < na && !found; k++)
            found = same_word(b[i], b_length[i], a[k], a_length[k]);
        if (!found) {
            unique += b_length[i];
            unique_words++;
        }
    }
    all += nb - 1;
    if (unique_words)
        unique += unique_words - 1;
    return 1.0 - (double)unique / (double)all;
}

xmlNode *bci_next_node(const xmlNode *n, const xmlNode *root, bool skip_children)
{
    if (!skip_children && n->children && n->type != XML_ENTITY_REF_NODE)
        return n->children;
    while (n && n != root) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

int bci_node_text(const xmlNode *n, bci_buf *b, size_t max)
{
    bool space = false;
    for (const xmlNode *cur = n; cur; ) {
        bool skip = false;
        if (cur->type == XML_TEXT_NODE || cur->type == XML_CDATA_SECTION_NODE) {
            if (cur->content &&
                bci_append_collapsed(b, (const char *)cur->content,
                                     strlen((const char *)cur->content), &space))
                return BC_ENOMEM;
            if (b->length >= max)
                break;
        } else if (cur->type == XML_ELEMENT_NODE && cur != n) {
            bci_tag tag = bci_tag_of(cur);
            skip = tag == BCI_TAG_SCRIPT || tag == BCI_TAG_STYLE || tag == BCI_TAG_TEMPLATE;
            if (!skip && !(bci_tag_traits(tag) & BCI_INLINE))
                space = true; /* block boundaries separate words */
        } else if (cur->type != XML_ELEMENT_NODE && cur != n) {
            skip = true; /* entity references, comments, processing instructions */
        }
        cur = bci_next_node(cur, n, skip);
    }
    return bci_buf_append(b, "", 0); /* NUL-terminated even when nothing was added */
}
