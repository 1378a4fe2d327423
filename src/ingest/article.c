/* The article list: growing it and freeing it. */
#include <stdlib.h>
#include <string.h>

#include "ingest_internal.h"

/* Arrays here grow to powers of two, so their capacity follows from their
 * count and the public structs need no capacity fields. */
static int grow_to_hold(void **items, size_t count, size_t size)
{
    if (count && (count & (count - 1)))
        return 0; /* not a power of two: there is room */
    size_t capacity = count ? count : 0;
    return bci_reserve(items, &capacity, count + 1, size);
}

int bci_list_add_article(bc_article_list *list, bc_article **out)
{
    void *items = list->articles;
    if (grow_to_hold(&items, list->count, sizeof(bc_article)))
        return BC_ENOMEM;
    list->articles = items;
    bc_article *a = &list->articles[list->count++];
    *a = (bc_article){.title_offset = BC_NO_OFFSET};
    *out = a;
    return 0;
}

int bci_article_add_paragraph(bc_article *a, const char *text, size_t length, size_t offset)
{
    char *copy = bci_strndup(text, length);
    if (!copy)
        return BC_ENOMEM;
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)copy[i];
        if (c < 0x20 || c == 0x7F)
            copy[i] = ' ';
    }
    void *items = a->paragraphs;
    if (grow_to_hold(&items, a->paragraph_count, sizeof(bc_paragraph))) {
        free(copy);
        return BC_ENOMEM;
    }
    a->paragraphs = items;
    a->paragraphs[a->paragraph_count++] = (bc_paragraph){copy, length, offset};
    return 0;
}

int bci_article_set(const char **field, const char *text, size_t length)
{
    char *copy = malloc(length + 1);
    if (!copy)
        return BC_ENOMEM;
    size_t n = 0;
    bool space = false;
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c <= ' ' || c == 0x7F) {
            space = n > 0;
            continue;
        }
        if (space)
            copy[n++] = ' ';
        space = false;
        copy[n++] = (char)c;
    }
    copy[n] = '\0';
    if (n == 0) {
        free(copy);
        return 0;
    }
    free((char *)*field);
    *field = copy;
    return 0;
}

void bci_article_clear(bc_article *a)
{
    free((char *)a->title);
    free((char *)a->source);
    free((char *)a->byline);
    free((char *)a->date);
    free((char *)a->url);
    for (size_t i = 0; i < a->paragraph_count; i++)
        free((char *)a->paragraphs[i].text);
    free(a->paragraphs);
    *a = (bc_article){.title_offset = BC_NO_OFFSET};
}

void bc_article_list_free(bc_article_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->count; i++)
        bci_article_clear(&list->articles[i]);
    free(list->articles);
    free(list);
}
