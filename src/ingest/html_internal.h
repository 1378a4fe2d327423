/* Shared by the HTML and feed readers: libxml2 plumbing (parsing, error
 * capture), element classes, what the extractor records about each element,
 * and the paragraph writer. */
#ifndef BRIEFCAST_HTML_INTERNAL_H
#define BRIEFCAST_HTML_INTERNAL_H

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "ingest_internal.h"

/* ---- Element kinds (dom.c) ---- */

/* The elements the extractor tells apart; every other one is BCI_TAG_OTHER. */
typedef enum bci_tag {
    BCI_TAG_OTHER = 0,
    BCI_TAG_A, BCI_TAG_ABBR, BCI_TAG_ACRONYM, BCI_TAG_ADDRESS, BCI_TAG_ARTICLE, BCI_TAG_ASIDE,
    BCI_TAG_AUDIO, BCI_TAG_B, BCI_TAG_BDI, BCI_TAG_BDO, BCI_TAG_BIG, BCI_TAG_BLOCKQUOTE,
    BCI_TAG_BODY, BCI_TAG_BR, BCI_TAG_BUTTON, BCI_TAG_CANVAS, BCI_TAG_CAPTION, BCI_TAG_CENTER,
    BCI_TAG_CITE, BCI_TAG_CODE, BCI_TAG_COL, BCI_TAG_COLGROUP, BCI_TAG_DATA, BCI_TAG_DD,
    BCI_TAG_DEL, BCI_TAG_DETAILS, BCI_TAG_DFN, BCI_TAG_DIALOG, BCI_TAG_DIV, BCI_TAG_DL,
    BCI_TAG_DT, BCI_TAG_EM, BCI_TAG_EMBED, BCI_TAG_FIELDSET, BCI_TAG_FIGCAPTION,
    BCI_TAG_FIGURE, BCI_TAG_FONT, BCI_TAG_FOOTER, BCI_TAG_FORM, BCI_TAG_FRAME, BCI_TAG_FRAMESET,
    BCI_TAG_H1, BCI_TAG_H2, BCI_TAG_H3, BCI_TAG_H4, BCI_TAG_H5, BCI_TAG_H6, BCI_TAG_HEAD,
    BCI_TAG_HEADER, BCI_TAG_HR, BCI_TAG_HTML, BCI_TAG_I, BCI_TAG_IFRAME, BCI_TAG_IMG,
    BCI_TAG_INPUT, BCI_TAG_INS, BCI_TAG_KBD, BCI_TAG_LABEL, BCI_TAG_LI, BCI_TAG_LINK,
    BCI_TAG_MAIN, BCI_TAG_MAP, BCI_TAG_MARK, BCI_TAG_MATH, BCI_TAG_MENU, BCI_TAG_META,
    BCI_TAG_NAV, BCI_TAG_NOBR, BCI_TAG_NOSCRIPT, BCI_TAG_OBJECT, BCI_TAG_OL, BCI_TAG_OPTION,
    BCI_TAG_OUTPUT, BCI_TAG_P, BCI_TAG_PICTURE, BCI_TAG_PRE, BCI_TAG_Q, BCI_TAG_RP, BCI_TAG_RT,
    BCI_TAG_RUBY, BCI_TAG_S, BCI_TAG_SAMP, BCI_TAG_SCRIPT, BCI_TAG_SECTION, BCI_TAG_SELECT,
    BCI_TAG_SMALL, BCI_TAG_SOURCE, BCI_TAG_SPAN, BCI_TAG_STRIKE, BCI_TAG_STRONG,
    BCI_TAG_STYLE, BCI_TAG_SUB, BCI_TAG_SUMMARY, BCI_TAG_SUP, BCI_TAG_SVG, BCI_TAG_TABLE,
    BCI_TAG_TBODY, BCI_TAG_TD, BCI_TAG_TEMPLATE, BCI_TAG_TEXTAREA, BCI_TAG_TFOOT, BCI_TAG_TH,
    BCI_TAG_THEAD, BCI_TAG_TIME, BCI_TAG_TITLE, BCI_TAG_TR, BCI_TAG_TT, BCI_TAG_U, BCI_TAG_UL,
    BCI_TAG_VAR, BCI_TAG_VIDEO, BCI_TAG_WBR,
} bci_tag;

/* Traits of a tag (bit set). */
enum {
    BCI_INLINE = 1 << 0,    /* phrasing content: text flows through it */
    BCI_NEVER_TEXT = 1 << 1, /* never article text: scripts, navigation, controls */
    BCI_SCORED = 1 << 2,    /* a paragraph-like element that is scored */
    BCI_CONTAINER = 1 << 3, /* makes a div that holds it a container, not a paragraph */
    BCI_HEADING = 1 << 4,   /* h1-h6 */
    BCI_TEXTISH = 1 << 5,   /* an element whose text counts as content (p, li, td...) */
    BCI_CELL = 1 << 6,      /* a table cell: text beside it is separated by a space */
};

/* Returns the tag of element `n` (BCI_TAG_OTHER for unknown names and for
 * nodes that are not elements). */
bci_tag bci_tag_of(const xmlNode *n);

/* Remembers the tags of recent element names: libxml2 keeps one copy of
 * each name per document, so most lookups are one pointer comparison.
 * Zero-initialise it; it is only valid for one document. */
typedef struct bci_tag_cache {
    const xmlChar *names[64]; /* 64 slots: pages use a few dozen element names */
    uint8_t tags[64];
} bci_tag_cache;

/* As bci_tag_of(), through `cache`. */
bci_tag bci_tag_cached(bci_tag_cache *cache, const xmlNode *n);

/* Returns the traits (BCI_INLINE...) of `tag`. */
unsigned bci_tag_traits(bci_tag tag);

/* Returns the value of attribute `name` of element `n` (names are lower case
 * in HTML documents), or NULL when it has none or the value is not plain
 * text. The string belongs to the tree. */
const char *bci_attr(const xmlNode *n, const char *name);

/* How much the text of link `a` counts as link text: 0.3 for a link to a
 * place on the same page ("#section"), which counts less than a real link,
 * else 1. */
float bci_link_weight(const xmlNode *a);

/* Lower-case ASCII; other bytes unchanged. */
static inline char bci_lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* The name in a byline: "By Jane Doe" gives "Jane Doe" (a pointer into
 * `byline`). */
const char *bci_author_name(const char *byline);

/* True when `a` and `b` are equal ignoring ASCII case (NULL equals nothing). */
bool bci_equal_ci(const char *a, const char *b);

/* Appends `length` bytes of `text` to `b` with white space collapsed: runs of
 * ASCII white space, no-break, ideographic, line and paragraph separator
 * spaces become one space (none at the start of `b`); soft hyphens and
 * zero-width spaces are dropped, and C1 control codes (Windows-1252 text
 * read as Latin-1) become the Windows-1252 characters. `*space` carries a
 * pending space between calls (start with false). Returns 0 or BC_ENOMEM. */
int bci_append_collapsed(bci_buf *b, const char *text, size_t length, bool *space);

/* Appends the text below `n` (itself when it is a text node) to `b`, white
 * space collapsed, skipping scripts, styles and templates below it, and
 * stopping once `b` holds `max` bytes or more. Entity references are not
 * expanded. On success `b->data` is NUL-terminated (and allocated) even when
 * nothing was appended. Returns 0 or BC_ENOMEM. */
int bci_node_text(const xmlNode *n, bci_buf *b, size_t max);

/* Adds to `*chars` the characters of `text` as a reader sees them (runs of
 * white space count once, a text of only white space not at all) and to
 * `*commas` its commas (ASCII and the CJK, Arabic and other comma signs). */
void bci_count_text(const char *text, uint32_t *chars, uint32_t *commas);

/* How much of `heading` (`heading_length` bytes) is made of the words of
 * `title`, comparing words without case: 1 when all of it, 0 when none. */
double bci_similarity(const char *title, const char *heading, size_t heading_length);

/* Returns the next node after `n` in document order below `root`, not
 * entering the children of `n` when `skip_children`; NULL at the end. */
xmlNode *bci_next_node(const xmlNode *n, const xmlNode *root, bool skip_children);

/* ---- libxml2 errors and parsing (markup.c, html.c) ---- */

/* Collects what libxml2 reports while one document is read, so that the
 * library never prints: the first fatal error (message, line, column) and
 * the few conditions the readers report as warnings. */
typedef struct bci_xml_errors {
    const bc_logger *logger;
    int fatal_code;        /* first error of level XML_ERR_FATAL, or 0 */
    int fatal_line;
    int fatal_column;
    char fatal_message[160];
    int encoding_line;     /* line of the first encoding problem, or 0 */
    bool not_utf8;         /* read as UTF-8 but is not: libxml2 fell back to Latin-1 */
    bool conversion_error; /* bytes invalid in the declared encoding: reading stopped */
    bool too_deep;         /* nesting beyond libxml2's depth limit */
    bool too_big;          /* a text node beyond libxml2's size limit */
    bool out_of_memory;
    int stop_line;         /* where parsing stopped early, or 0 */
    xmlStructuredErrorFunc saved_handler;
    void *saved_context;
} bci_xml_errors;

/* Starts collecting: besides the handlers set on parser contexts, errors
 * that libxml2 raises without a context (encoding conversion) go to `e` on
 * this thread until bci_xml_errors_end(), which restores the previous
 * thread-local handler. */
void bci_xml_errors_begin(bci_xml_errors *e, const bc_logger *logger);
void bci_xml_errors_end(bci_xml_errors *e);

/* The structured error handler: `context` is the bci_xml_errors. */
void bci_xml_error(void *context, xmlErrorPtr error);

/* A reusable HTML parser: one libxml2 context with the library's options,
 * error capture and an element budget. */
typedef struct bci_html_parser bci_html_parser;

/* Makes a parser whose warnings go to `logger` (may be NULL). Returns 0 or
 * BC_ENOMEM. */
int bci_html_parser_new(bci_html_parser **out, const bc_logger *logger);
void bci_html_parser_free(bci_html_parser *p);

/* Parses `size` bytes of HTML into a new tree in `*out` (free it with
 * xmlFreeDoc()). Bytes that are valid UTF-8 are read as UTF-8 whatever the
 * page declares; otherwise the declared charset is used, and a page without
 * one is read as Windows-1252. A page that is too deep, too big or badly
 * encoded gives the part that could be read, with a warning. `what` names
 * the input in messages ("page", "item 3"). Errors: BC_ENOMEM, BC_ETOOBIG,
 * BC_EEMPTY (not a single element; not logged). */
int bci_html_parse(bci_html_parser *p, const char *data, size_t size, const char *what,
                   xmlDoc **out);

/* ---- What the extractor knows about an element (extract.c) ---- */

/* Attached to every element of a tree through xmlNode._private. Fields set
 * once per page are marked "static"; the rest is recomputed by each attempt. */
typedef struct bci_node {
    uint8_t tag;            /* static: bci_tag */
    uint8_t class_bits;     /* static: BCI_CLASS_* of class and id together */
    int8_t class_weight;    /* static: -50..50 from class and id hints */
    uint8_t fixed;          /* static: BCI_FIXED_* */
    uint16_t flags;         /* BCI_NODE_* for the current attempt */
    uint16_t runs;          /* runs of text directly in this div, read as paragraphs */
    float score;            /* content score as a candidate */
    uint32_t text;          /* characters of kept text below */
    uint32_t commas;        /* commas in that text */
    float link;             /* characters of that text inside links (weighted) */
} bci_node;

/* Hints from class and id attributes. */
enum {
    BCI_CLASS_UNLIKELY = 1 << 0, /* navigation, comments, sidebars, banners... */
    BCI_CLASS_MAYBE = 1 << 1,    /* ...unless it also looks like content */
    BCI_CLASS_SHARE = 1 << 2,    /* a share bar */
    BCI_CLASS_BYLINE = 1 << 3,   /* an author line */
};

/* Facts about an element that do not depend on the attempt. */
enum {
    BCI_FIXED_HIDDEN = 1 << 0,   /* hidden by attribute or inline style */
    BCI_FIXED_ROLE = 1 << 1,     /* an ARIA role of navigation, menus or dialogs */
    BCI_FIXED_IN_TABLE = 1 << 2, /* inside a table */
    BCI_FIXED_IN_CODE = 1 << 3,  /* inside code */
    BCI_FIXED_AUTHOR = 1 << 4,   /* rel=author or itemprop=author */
};

/* Reads the attributes of element `n` (hints.c): what its class and id say
 * (BCI_CLASS_* to `*class_bits`, a score adjustment of -50..50 to
 * `*weight`) and the BCI_FIXED_HIDDEN, BCI_FIXED_ROLE and BCI_FIXED_AUTHOR
 * facts (to `*fixed`). */
void bci_element_hints(const xmlNode *n, uint8_t *class_bits, int8_t *weight, uint8_t *fixed);

/* Per-attempt flags. */
enum {
    BCI_NODE_DROPPED = 1 << 0,   /* not article text (itself or an ancestor) */
    BCI_NODE_CANDIDATE = 1 << 1, /* scored as a container */
    BCI_NODE_AS_P = 1 << 2,      /* a div that reads as one paragraph */
    BCI_NODE_SKIPPED = 1 << 3,   /* a div that only wraps one paragraph */
    BCI_NODE_REMOVED = 1 << 4,   /* cleaned out of the chosen content */
    BCI_NODE_DATA_TABLE = 1 << 5,
    BCI_NODE_CONTAINER = 1 << 6, /* has a container element below it */
};

static inline bci_node *bci_info(const xmlNode *n)
{
    return n->type == XML_ELEMENT_NODE ? (bci_node *)n->_private : NULL;
}

/* What an extraction attempt does; later attempts relax these when the
 * first finds too little. */
enum {
    BCI_STRIP_UNLIKELY = 1 << 0, /* drop elements whose class says boilerplate */
    BCI_WEIGHT_CLASSES = 1 << 1, /* let class hints move scores */
    BCI_CLEAN_CONDITIONALLY = 1 << 2, /* clean link lists, forms and the like */
};

/* Cleans the chosen content below each of `roots` (clean.c): share bars,
 * headings with boilerplate classes and, under BCI_CLEAN_CONDITIONALLY,
 * tables, lists, forms and divs that look like navigation, link lists or
 * widgets get BCI_NODE_REMOVED; the text, comma and link counts of what is
 * kept are recomputed. `nodes` is the tree's record array of `node_count`
 * entries. Returns 0 or BC_ENOMEM. */
int bci_clean_content(xmlNode *const *roots, size_t root_count, bci_node *nodes,
                      size_t node_count, unsigned flags);

/* Extracts the article body of a parsed page into the paragraphs of `a`
 * (which has none yet): scores blocks, picks the main content and cleans it.
 * `title` (may be NULL) is the headline, whose copy at the top of the body
 * is dropped. When the article has no byline yet and the page shows one, it
 * is set. Returns 0 (no paragraphs when nothing was found) or BC_ENOMEM. */
int bci_extract_article(xmlDoc *doc, const char *title, bc_article *a);

/* Parses an HTML fragment (a feed item's content) and adds all its text to
 * `a` with bci_extract_all(). `what` names it in warnings. Returns 0 (no
 * paragraphs when it holds no text) or BC_ENOMEM / BC_ETOOBIG. */
int bci_html_body(bci_html_parser *p, const char *html, size_t size, const char *what,
                  bc_article *a);

/* Adds all the text of a parsed fragment (a feed item's content) to `a` as
 * paragraphs, dropping scripts, navigation, hidden elements, share bars and
 * the like. Returns 0 or BC_ENOMEM. */
int bci_extract_all(xmlDoc *doc, bc_article *a);

/* ---- Writing paragraphs (emit.c) ---- */

/* Writes the text below each of `roots` (in order) to `a`, one paragraph per
 * block-level element (p, h1-h6, li, blockquote, pre, table row...) and per
 * run of text directly in a container, white space collapsed. Elements
 * flagged BCI_NODE_DROPPED or BCI_NODE_REMOVED are left out. Returns 0 or
 * BC_ENOMEM. */
int bci_emit_paragraphs(xmlNode *const *roots, size_t root_count, bc_article *a);

/* ---- Metadata (metadata.c) ---- */

/* Fills title, source, byline, date and url of `a` from a parsed page: meta
 * tags, JSON-LD, canonical link, <title>, <h1>, <time>. Returns 0 or
 * BC_ENOMEM; missing metadata is not an error. */
int bci_html_metadata(xmlDoc *doc, bc_article *a);

/* Removes a site name from a page title: " | Site", " - Site" and the like
 * at the end (or "Site | " at the start) when `site` (may be NULL) matches or
 * the rest is clearly the headline. Writes the kept span of `title` to
 * `*start` and `*length`. */
void bci_clean_title(const char *title, const char *site, size_t *start, size_t *length);

#endif
