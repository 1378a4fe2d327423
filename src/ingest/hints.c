/* What class names, ids, roles and inline styles say about an element:
 * content, boilerplate, an author line, a share bar, or hidden. */
#include <string.h>

#include "html_internal.h"

enum {
    UNLIKELY = 1 << 0, /* boilerplate: dropped before scoring */
    MAYBE = 1 << 1,    /* ...unless this also matches */
    POSITIVE = 1 << 2, /* raises a container's score */
    NEGATIVE = 1 << 3, /* lowers it */
    SHARE = 1 << 4,
    BYLINE = 1 << 5,
};

typedef struct pattern {
    const char *text;
    unsigned char length;
    unsigned char kinds;
    bool token; /* must be a whole word of the name (delimited by non-letters) */
} pattern;

#define PATTERN(text, kinds, token) {text, sizeof text - 1, kinds, token}

/* Sorted by text (strcmp order), so that the patterns starting with one
 * letter are found by binary search. Substring patterns match anywhere in
 * the lower-cased class or id; token patterns only as a whole word. */
static const pattern patterns[] = {
    PATTERN("-ad-", UNLIKELY | NEGATIVE, false),
    PATTERN("ad", UNLIKELY | NEGATIVE, true),
    PATTERN("ad-break", UNLIKELY, false),
    PATTERN("ads", UNLIKELY | NEGATIVE, true),
    PATTERN("advert", UNLIKELY | NEGATIVE, false),
    PATTERN("agegate", UNLIKELY, false),
    PATTERN("ai2html", UNLIKELY, false),
    PATTERN("and", MAYBE, false),
    PATTERN("article", MAYBE | POSITIVE, false),
    PATTERN("author", BYLINE, false),
    PATTERN("banner", UNLIKELY | NEGATIVE, false),
    PATTERN("blog", POSITIVE, false),
    PATTERN("body", MAYBE | POSITIVE, false),
    PATTERN("breadcrumb", UNLIKELY | NEGATIVE, false),
    PATTERN("byline", BYLINE, false),
    PATTERN("caption", UNLIKELY | NEGATIVE, false),
    PATTERN("column", MAYBE, false),
    PATTERN("com-", NEGATIVE, false),
    PATTERN("combx", UNLIKELY | NEGATIVE, false),
    PATTERN("comment", UNLIKELY | NEGATIVE, false),
    PATTERN("community", UNLIKELY, false),
    PATTERN("consent", UNLIKELY | NEGATIVE, false),
    PATTERN("contact", NEGATIVE, false),
    PATTERN("content", MAYBE | POSITIVE, false),
    PATTERN("cookie", UNLIKELY | NEGATIVE, false),
    PATTERN("cover-wrap", UNLIKELY, false),
    PATTERN("dateline", BYLINE, false),
    PATTERN("disqus", UNLIKELY, false),
    PATTERN("entry", POSITIVE, false),
    PATTERN("extra", UNLIKELY, false),
    PATTERN("footer", UNLIKELY | NEGATIVE, false),
    PATTERN("gdpr", UNLIKELY | NEGATIVE, false),
    PATTERN("h-entry", POSITIVE, false),
    PATTERN("header", UNLIKELY, false),
    PATTERN("hentry", POSITIVE, false),
    PATTERN("hid", NEGATIVE, true),
    PATTERN("hidden", NEGATIVE, false),
    PATTERN("legends", UNLIKELY, false),
    PATTERN("main", MAYBE | POSITIVE, false),
    PATTERN("masthead", NEGATIVE, false),
    PATTERN("mathjax", MAYBE, false),
    PATTERN("media", NEGATIVE, false),
    PATTERN("menu", UNLIKELY | NEGATIVE, false),
    PATTERN("meta", NEGATIVE, false),
    PATTERN("nav", UNLIKELY | NEGATIVE, true),
    PATTERN("navigation", UNLIKELY | NEGATIVE, false),
    PATTERN("newsletter", UNLIKELY | NEGATIVE, false),
    PATTERN("outbrain", NEGATIVE, false),
    PATTERN("p-author", BYLINE, false),
    PATTERN("page", POSITIVE, false),
    PATTERN("pagination", UNLIKELY | POSITIVE, false),
    PATTERN("pager", UNLIKELY, false),
    PATTERN("popup", UNLIKELY, false),
    PATTERN("post", POSITIVE, false),
    PATTERN("promo", NEGATIVE, false),
    PATTERN("related", UNLIKELY | NEGATIVE, false),
    PATTERN("remark", UNLIKELY, false),
    PATTERN("replies", UNLIKELY, false),
    PATTERN("rss", UNLIKELY, false),
    PATTERN("scroll", NEGATIVE, false),
    PATTERN("shadow", MAYBE, false),
    PATTERN("share", NEGATIVE, false),
    PATTERN("share", SHARE, true),
    PATTERN("sharedaddy", SHARE, true),
    PATTERN("shopping", NEGATIVE, false),
    PATTERN("shoutbox", UNLIKELY | NEGATIVE, false),
    PATTERN("sidebar", UNLIKELY | NEGATIVE, false),
    PATTERN("signup", UNLIKELY | NEGATIVE, false),
    PATTERN("skyscraper", UNLIKELY | NEGATIVE, false),
    PATTERN("social", UNLIKELY, false),
    PATTERN("sponsor", UNLIKELY | NEGATIVE, false),
    PATTERN("story", POSITIVE, false),
    PATTERN("subscribe", UNLIKELY | NEGATIVE, false),
    PATTERN("supplemental", UNLIKELY, false),
    PATTERN("tags", NEGATIVE, false),
    PATTERN("text", POSITIVE, false),
    PATTERN("widget", NEGATIVE, false),
    PATTERN("writtenby", BYLINE, false),
    PATTERN("yom-remote", UNLIKELY, false),
};

static bool is_word_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
}


/* Index of the first pattern whose text starts with `c`, or the count. */
static size_t first_with(char c)
{
    size_t low = 0, high = BCI_ARRAY_LEN(patterns);
    while (low < high) {
        size_t mid = (low + high) / 2;
        if ((unsigned char)patterns[mid].text[0] < (unsigned char)c)
            low = mid + 1;
        else
            high = mid;
    }
    return low;
}

/* True when `text` (lower case) starts at `s`, ignoring the case of `s`. */
static bool starts_with(const char *s, const char *text, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!s[i] || bci_lower(s[i]) != text[i])
            return false;
    return true;
}

/* The kinds of pattern found in `name` (any case). */
static unsigned match_name(const char *name)
{
    unsigned kinds = 0;
    for (size_t i = 0; name[i]; i++) {
        char c = bci_lower(name[i]);
        if (!(c >= 'a' && c <= 'z') && c != '-')
            continue;
        for (size_t k = first_with(c); k < BCI_ARRAY_LEN(patterns) && patterns[k].text[0] == c;
             k++) {
            const pattern *p = &patterns[k];
            size_t n = p->length;
            if (!starts_with(name + i, p->text, n))
                continue;
            if (p->token && ((i > 0 && is_word_byte(bci_lower(name[i - 1]))) ||
                             is_word_byte(bci_lower(name[i + n]))))
                continue;
            kinds |= p->kinds;
        }
    }
    return kinds;
}

/* +25 for content hints, -25 for boilerplate hints, per attribute. */
static int weight_of(unsigned kinds)
{
    return ((kinds & POSITIVE) ? 25 : 0) - ((kinds & NEGATIVE) ? 25 : 0);
}

/* True when `style` (an inline CSS declaration list) hides the element. */
static bool style_hides(const char *style)
{
    char s[512]; /* a longer style is cut: display is usually early */
    size_t n = 0;
    for (const char *c = style; *c && n + 1 < sizeof s; c++)
        if (*c != ' ' && *c != '\t' && *c != '\n' && *c != '\r')
            s[n++] = bci_lower(*c);
    s[n] = '\0';
    return strstr(s, "display:none") || strstr(s, "visibility:hidden");
}

static bool word_in(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = list; (p = strstr(p, word)); p += n)
        if ((p == list || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
            return true;
    return false;
}

/* The attributes the hints come from, found in one pass. */
typedef struct attributes {
    const char *class_name, *id, *style, *hidden, *aria_hidden, *aria_modal, *role, *rel,
        *itemprop;
} attributes;

static void read_attributes(const xmlNode *n, attributes *a)
{
    *a = (attributes){0};
    for (const xmlAttr *p = n->properties; p; p = p->next) {
        const char *name = (const char *)p->name;
        const xmlNode *v = p->children;
        const char *value = !v ? "" : v->type == XML_TEXT_NODE && !v->next && v->content
                                          ? (const char *)v->content
                                          : NULL;
        if (!name || !value)
            continue;
        const char **slot = NULL;
        switch (name[0]) {
        case 'a':
            slot = strcmp(name, "aria-hidden") == 0  ? &a->aria_hidden
                   : strcmp(name, "aria-modal") == 0 ? &a->aria_modal
                                                     : NULL;
            break;
        case 'c':
            slot = strcmp(name, "class") == 0 ? &a->class_name : NULL;
            break;
        case 'h':
            slot = strcmp(name, "hidden") == 0 ? &a->hidden : NULL;
            break;
        case 'i':
            slot = strcmp(name, "id") == 0         ? &a->id
                   : strcmp(name, "itemprop") == 0 ? &a->itemprop
                                                   : NULL;
            break;
        case 'r':
            slot = strcmp(name, "role") == 0 ? &a->role : strcmp(name, "rel") == 0 ? &a->rel : NULL;
            break;
        case 's':
            slot = strcmp(name, "style") == 0 ? &a->style : NULL;
            break;
        default:
            break;
        }
        if (slot && !*slot)
            *slot = value;
    }
}

void bci_element_hints(const xmlNode *n, uint8_t *class_bits, int8_t *weight, uint8_t *fixed)
{
    *class_bits = 0;
    *weight = 0;
    *fixed = 0;
    if (!n->properties)
        return;
    attributes a;
    read_attributes(n, &a);
    unsigned from_class = a.class_name && *a.class_name ? match_name(a.class_name) : 0;
    unsigned from_id = a.id && *a.id ? match_name(a.id) : 0;
    unsigned kinds = from_class | from_id;
    *weight = (int8_t)(weight_of(from_class) + weight_of(from_id));
    *class_bits = (uint8_t)(((kinds & UNLIKELY) ? BCI_CLASS_UNLIKELY : 0) |
                            ((kinds & MAYBE) ? BCI_CLASS_MAYBE : 0) |
                            ((kinds & SHARE) ? BCI_CLASS_SHARE : 0) |
                            ((kinds & BYLINE) ? BCI_CLASS_BYLINE : 0));
    unsigned facts = 0;
    if ((a.style && style_hides(a.style)) || a.hidden)
        facts |= BCI_FIXED_HIDDEN;
    /* Readers mark decorative fallback images aria-hidden; they are not text. */
    if (a.aria_hidden && bci_equal_ci(a.aria_hidden, "true") &&
        !(a.class_name && strstr(a.class_name, "fallback-image")))
        facts |= BCI_FIXED_HIDDEN;
    if (a.role) {
        static const char *const roles[] = {"menu", "menubar", "complementary", "navigation",
                                            "alert", "alertdialog", "dialog"};
        for (size_t i = 0; i < BCI_ARRAY_LEN(roles); i++)
            if (bci_equal_ci(a.role, roles[i]))
                facts |= BCI_FIXED_ROLE;
        if (bci_equal_ci(a.role, "dialog") && a.aria_modal && bci_equal_ci(a.aria_modal, "true"))
            facts |= BCI_FIXED_HIDDEN;
    }
    if ((a.rel && word_in(a.rel, "author")) || (a.itemprop && strstr(a.itemprop, "author")))
        facts |= BCI_FIXED_AUTHOR;
    *fixed = (uint8_t)facts;
}
