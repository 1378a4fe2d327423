/* Writing the chosen content as paragraphs: one per block-level element and
 * per run of loose text in a container, white space collapsed, with what
 * the extractor left out skipped. */
#include <string.h>

#include "html_internal.h"

typedef struct writer {
    bc_article *article;
    bci_buf text;
    bool space; /* a space is due before the next word */
    bool br;    /* the last thing seen was a line break */
} writer;

/* True when the text has a letter, digit or any non-ASCII character: a run
 * of separators ("* * *", "|") is not a paragraph. */
static bool has_word(const char *s, size_t length)
{
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
            return true;
    }
    return false;
}

static int flush(writer *w)
{
    int rc = 0;
    if (w->text.length && has_word(w->text.data, w->text.length))
        rc = bci_article_add_paragraph(w->article, w->text.data, w->text.length, BC_NO_OFFSET);
    w->text.length = 0;
    w->space = false;
    w->br = false;
    return rc;
}

static int put(writer *w, const char *s)
{
    return bci_append_collapsed(&w->text, s, strlen(s), &w->space);
}

/* Opens element `n`; sets `*descend` when its children are to be read. */
static int open_element(writer *w, const xmlNode *n, const bci_node *info, bool *descend)
{
    *descend = false;
    if (info && (info->flags & (BCI_NODE_DROPPED | BCI_NODE_REMOVED)))
        return 0;
    bci_tag tag = info ? (bci_tag)info->tag : bci_tag_of(n);
    unsigned traits = bci_tag_traits(tag);
    *descend = true;
    if (tag == BCI_TAG_BR) {
        /* One break joins lines of a paragraph; two end it. */
        if (w->br)
            return flush(w);
        w->br = true;
        w->space = true;
        return 0;
    }
    if (tag == BCI_TAG_Q)
        return put(w, "\xE2\x80\x9C"); /* a reader hears the quotation marks */
    if (traits & BCI_CELL) {
        w->space = true;
        return 0;
    }
    return (traits & BCI_INLINE) ? 0 : flush(w);
}

static int close_element(writer *w, const xmlNode *n, const bci_node *info)
{
    if (info && (info->flags & (BCI_NODE_DROPPED | BCI_NODE_REMOVED)))
        return 0;
    bci_tag tag = info ? (bci_tag)info->tag : bci_tag_of(n);
    unsigned traits = bci_tag_traits(tag);
    if (tag == BCI_TAG_Q)
        return put(w, "\xE2\x80\x9D");
    if (traits & BCI_CELL) {
        w->space = true;
        return 0;
    }
    return (traits & BCI_INLINE) ? 0 : flush(w);
}

static int write_text(writer *w, const xmlNode *n)
{
    const char *s = (const char *)n->content;
    if (!s)
        return 0;
    size_t before = w->text.length;
    int rc = put(w, s);
    if (w->text.length > before)
        w->br = false;
    return rc;
}

static int write_tree(writer *w, xmlNode *root)
{
    xmlNode *n = root;
    int rc = 0;
    while (n && !rc) {
        bool descend = false;
        if (n->type == XML_ELEMENT_NODE)
            rc = open_element(w, n, bci_info(n), &descend);
        else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
            rc = write_text(w, n);
        if (rc)
            break;
        if (descend && n->children) {
            n = n->children;
            continue;
        }
        for (;;) {
            if (n->type == XML_ELEMENT_NODE && descend && (rc = close_element(w, n, bci_info(n))))
                break;
            descend = true; /* every ancestor on the way up was opened */
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
    return rc;
}

int bci_emit_paragraphs(xmlNode *const *roots, size_t root_count, bc_article *a)
{
    writer w = {.article = a};
    int rc = 0;
    for (size_t i = 0; i < root_count && !rc; i++) {
        rc = write_tree(&w, roots[i]);
        if (!rc)
            rc = flush(&w);
    }
    bci_buf_free(&w.text);
    return rc;
}
