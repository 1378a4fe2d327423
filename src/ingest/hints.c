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
    unsigned kinds;
    bool token; /* must be a whole word of the name (delimited by non-letters) */
} pattern;

/* Sorted by text (strcmp order), so that the patterns starting with one
 * letter are found by binary search. Substring patterns match anywhere in
 * the lower-cased class or id; token patterns only as a whole word. */
static const pattern patterns[] = {
    {"-ad-", UNLIKELY | NEGATIVE, false},
    {"ad", UNLIKELY | NEGATIVE, true},
    {"ad-break", UNLIKELY, false},
    {"ads", UNLIKELY | NEGATIVE, true},
    {"advert", UNLIKELY | NEGATIVE, false},
    {"agegate", UNLIKELY, false},
    {"ai2html", UNLIKELY, false},
    {"and", MAYBE, false},
    {"article", MAYBE | POSITIVE, false},
    {"author", BYLINE, false},
    {"banner", UNLIKELY | NEGATIVE, false},
    {"blog", POSITIVE, false},
    {"body", MAYBE | POSITIVE, false},
    {"breadcrumb", UNLIKELY | NEGATIVE, false},
    {"byline", BYLINE, false},
    {"column", MAYBE, false},
    {"com-", NEGATIVE, false},
    {"combx", UNLIKELY | NEGATIVE, false},
    {"comment", UNLIKELY | NEGATIVE, false},
    {"community", UNLIKELY, false},
    {"consent", UNLIKELY | NEGATIVE, false},
    {"contact", NEGATIVE, false},
    {"content", MAYBE | POSITIVE, false},
    {"cookie", UNLIKELY | NEGATIVE, false},
    {"cover-wrap", UNLIKELY, false},
    {"dateline", BYLINE, false},
    {"disqus", UNLIKELY, false},
    {"entry", POSITIVE, false},
    {"extra", UNLIKELY, false},
    {"footer", UNLIKELY | NEGATIVE, false},
    {"gdpr", UNLIKELY | NEGATIVE, false},
    {"h-entry", POSITIVE, false},
    {"header", UNLIKELY, false},
    {"hentry", POSITIVE, false},
    {"hid", NEGATIVE, true},
    {"hidden", NEGATIVE, false},
    {"legends", UNLIKELY, false},
    {"main", MAYBE | POSITIVE, false},
    {"masthead", NEGATIVE, false},
    {"mathjax", MAYBE, false},
    {"media", NEGATIVE, false},
    {"menu", UNLIKELY | NEGATIVE, false},
    {"meta", NEGATIVE, false},
    {"nav", UNLIKELY | NEGATIVE, true},
    {"navigation", UNLIKELY | NEGATIVE, false},
    {"newsletter", UNLIKELY | NEGATIVE, false},
    {"outbrain", NEGATIVE, false},
    {"p-author", BYLINE, false},
    {"page", POSITIVE, false},
    {"pagination", UNLIKELY | POSITIVE, false},
    {"pager", UNLIKELY, false},
    {"popup", UNLIKELY, false},
    {"post", POSITIVE, false},
    {"promo", NEGATIVE, false},
    {"related", UNLIKELY | NEGATIVE, false},
    {"remark", UNLIKELY, false},
    {"replies", UNLIKELY, false},
    {"rss", UNLIKELY, false},
    {"scroll", NEGATIVE, false},
    {"shadow", MAYBE, false},
    {"share", NEGATIVE, false},
    {"share", SHARE, true},
    {"sharedaddy", SHARE, true},
    {"shopping", NEGATIVE, false},
    {"shoutbox", UNLIKELY | NEGATIVE, false},
    {"sidebar", UNLIKELY | NEGATIVE, false},
    {"signup", UNLIKELY | NEGATIVE, false},
    {"skyscraper", UNLIKELY | NEGATIVE, false},
    {"social", UNLIKELY, false},
    {"sponsor", UNLIKELY | NEGATIVE, false},
    {"story", POSITIVE, false},
    {"subscribe", UNLIKELY | NEGATIVE, false},
    {"supplemental", UNLIKELY, false},
    {"tags", NEGATIVE, false},
    {"text", POSITIVE, false},
    {"widget", NEGATIVE, false},
    {"writtenby", BYLINE, false},
    {"yom-remote", UNLIKELY, false},
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
            size_t n = strlen(p->text);
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

void bci_class_hints(const xmlNode *n, uint8_t *bits, int8_t *weight)
{
    const char *class_name = bci_attr(n, "class");
    const char *id = bci_attr(n, "id");
    unsigned from_class = class_name && *class_name ? match_name(class_name) : 0;
    unsigned from_id = id && *id ? match_name(id) : 0;
    unsigned kinds = from_class | from_id;
    *weight = (int8_t)(weight_of(from_class) + weight_of(from_id));
    *bits = (uint8_t)(((kinds & UNLIKELY) ? BCI_CLASS_UNLIKELY : 0) |
                      ((kinds & MAYBE) ? BCI_CLASS_MAYBE : 0) |
                      ((kinds & SHARE) ? BCI_CLASS_SHARE : 0) |
                      ((kinds & BYLINE) ? BCI_CLASS_BYLINE : 0));
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

unsigned bci_fixed_hints(const xmlNode *n)
{
    unsigned fixed = 0;
    if (!n->properties)
        return 0;
    const char *style = bci_attr(n, "style");
    const char *aria_hidden = bci_attr(n, "aria-hidden");
    const char *class_name = bci_attr(n, "class");
    if ((style && style_hides(style)) || bci_attr(n, "hidden"))
        fixed |= BCI_FIXED_HIDDEN;
    /* Readers mark decorative fallback images aria-hidden; they are not text. */
    if (aria_hidden && bci_equal_ci(aria_hidden, "true") &&
        !(class_name && strstr(class_name, "fallback-image")))
        fixed |= BCI_FIXED_HIDDEN;
    const char *role = bci_attr(n, "role");
    if (role) {
        static const char *const roles[] = {"menu", "menubar", "complementary", "navigation",
                                            "alert", "alertdialog", "dialog"};
        for (size_t i = 0; i < BCI_ARRAY_LEN(roles); i++)
            if (bci_equal_ci(role, roles[i]))
                fixed |= BCI_FIXED_ROLE;
        const char *modal = bci_attr(n, "aria-modal");
        if (bci_equal_ci(role, "dialog") && modal && bci_equal_ci(modal, "true"))
            fixed |= BCI_FIXED_HIDDEN;
    }
    const char *rel = bci_attr(n, "rel");
    const char *itemprop = bci_attr(n, "itemprop");
    if ((rel && word_in(rel, "author")) || (itemprop && strstr(itemprop, "author")))
        fixed |= BCI_FIXED_AUTHOR;
    return fixed;
}
