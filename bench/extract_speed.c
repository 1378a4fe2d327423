/* Times article extraction in-process: bc_ingest() and bc_doc_build() on
 * every page of a JSON Lines set of {"id", "html", ...} rows (the
 * extraction development set), then stage by stage (libxml2's parse,
 * metadata, extraction, the text stage). Prints milliseconds per page:
 * median, 95th percentile and the slowest.
 *
 * usage: extract_speed SET.jsonl [REPEATS] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "briefcast/briefcast.h"
#include "ingest/html_internal.h"

typedef struct page {
    char *id;
    char *html;
    size_t size;
    double total_ms;  /* ingest + doc, best of the repeats */
    double stage_ms[4]; /* parse, metadata, extraction, doc: best of the repeats */
} page;

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec * 1e-6;
}

enum { STAGE_PARSE, STAGE_METADATA, STAGE_EXTRACT, STAGE_DOC, STAGE_COUNT };
static const char *const stage_names[STAGE_COUNT] = {
    "libxml2 HTML parse", "metadata (meta, JSON-LD)", "article extraction",
    "bc_doc_build (text stage)",
};

/* Runs the stages of bc_ingest() on an HTML page one by one, adding the
 * time of each to `ms`. */
static void time_stages(bci_html_parser *parser, const page *p, double *ms)
{
    double start = now_ms();
    xmlDoc *tree = NULL;
    if (bci_html_parse(parser, p->html, p->size, "page", &tree))
        return;
    double t1 = now_ms();
    bc_article a = {.title_offset = BC_NO_OFFSET};
    bci_html_metadata(tree, &a);
    double t2 = now_ms();
    bci_extract_article(tree, a.title, &a);
    double t3 = now_ms();
    bc_doc *doc = NULL;
    if (a.paragraph_count)
        bc_doc_build(&a, NULL, &doc);
    double t4 = now_ms();
    bc_doc_free(doc);
    bci_article_clear(&a);
    xmlFreeDoc(tree);
    ms[STAGE_PARSE] = t1 - start;
    ms[STAGE_METADATA] = t2 - t1;
    ms[STAGE_EXTRACT] = t3 - t2;
    ms[STAGE_DOC] = t4 - t3;
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The value at fraction `q` of sorted `v`. */
static double quantile(const double *v, size_t n, double q)
{
    size_t i = (size_t)(q * (double)(n - 1) + 0.5);
    return v[i < n ? i : n - 1];
}

static int load(const char *path, page **out, size_t *count)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "extract_speed: cannot open %s\n", path);
        return -1;
    }
    page *pages = NULL;
    size_t n = 0, capacity = 0;
    char *line = NULL;
    size_t line_capacity = 0;
    ssize_t length;
    while ((length = getline(&line, &line_capacity, f)) > 0) {
        json_object *row = json_tokener_parse(line);
        json_object *id, *html;
        if (!row || !json_object_object_get_ex(row, "html", &html) ||
            !json_object_object_get_ex(row, "id", &id)) {
            json_object_put(row);
            continue;
        }
        if (n == capacity) {
            capacity = capacity ? capacity * 2 : 64;
            page *grown = realloc(pages, capacity * sizeof *pages);
            if (!grown)
                abort();
            pages = grown;
        }
        pages[n].id = strdup(json_object_get_string(id));
        pages[n].html = strdup(json_object_get_string(html));
        if (!pages[n].id || !pages[n].html)
            abort();
        pages[n].size = strlen(pages[n].html);
        n++;
        json_object_put(row);
    }
    free(line);
    fclose(f);
    *out = pages;
    *count = n;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: extract_speed SET.jsonl [REPEATS]\n");
        return 2;
    }
    int repeats = argc > 2 ? atoi(argv[2]) : 5;
    if (repeats < 1)
        repeats = 1;
    page *pages;
    size_t count;
    if (load(argv[1], &pages, &count) || count == 0)
        return 1;

    bci_html_parser *parser = NULL;
    if (bci_html_parser_new(&parser, NULL))
        return 1;
    size_t failures = 0;
    for (size_t i = 0; i < count; i++) {
        page *p = &pages[i];
        p->total_ms = 1e30;
        for (int k = 0; k < STAGE_COUNT; k++)
            p->stage_ms[k] = 1e30;
        for (int r = 0; r < repeats; r++) {
            double start = now_ms();
            bc_article_list *list = NULL;
            bc_doc *doc = NULL;
            int rc = bc_ingest(p->html, p->size, NULL, &list);
            if (rc == 0)
                rc = bc_doc_build(&list->articles[0], NULL, &doc);
            double elapsed = now_ms() - start;
            bc_doc_free(doc);
            bc_article_list_free(list);
            if (rc && r == 0)
                failures++;
            if (elapsed < p->total_ms)
                p->total_ms = elapsed;

            double ms[STAGE_COUNT] = {0};
            time_stages(parser, p, ms);
            for (int k = 0; k < STAGE_COUNT; k++)
                if (ms[k] < p->stage_ms[k])
                    p->stage_ms[k] = ms[k];
        }
    }
    bci_html_parser_free(parser);

    double *total = malloc(count * sizeof *total), *stage = malloc(count * sizeof *stage);
    double *big_total = malloc(count * sizeof *big_total);
    double *big_parse = malloc(count * sizeof *big_parse);
    size_t big = 0, slowest = 0;
    double bytes = 0;
    if (!total || !stage || !big_total || !big_parse)
        abort();
    for (size_t i = 0; i < count; i++) {
        total[i] = pages[i].total_ms;
        bytes += (double)pages[i].size;
        /* 100 KB and more: full news pages, not the small feature tests */
        if (pages[i].size >= 100000) {
            big_parse[big] = pages[i].stage_ms[STAGE_PARSE];
            big_total[big++] = pages[i].total_ms;
        }
        if (pages[i].total_ms > pages[slowest].total_ms)
            slowest = i;
    }
    qsort(total, count, sizeof *total, compare_double);
    qsort(big_total, big, sizeof *big_total, compare_double);
    qsort(big_parse, big, sizeof *big_parse, compare_double);
    printf("pages: %zu (%.0f KB on average), best of %d runs each, %zu not extracted\n", count,
           bytes / (double)count / 1000, repeats, failures);
    printf("bc_ingest + bc_doc_build: median %.2f ms/page, p95 %.2f ms, slowest %.2f ms (%s)\n",
           quantile(total, count, 0.5), quantile(total, count, 0.95), total[count - 1],
           pages[slowest].id);
    if (big)
        printf("  pages of 100 KB or more (%zu): median %.2f ms, p95 %.2f ms "
               "(libxml2's parse alone: median %.2f ms)\n", big, quantile(big_total, big, 0.5),
               quantile(big_total, big, 0.95), quantile(big_parse, big, 0.5));
    printf("stage by stage (median, p95 ms/page):\n");
    for (int k = 0; k < STAGE_COUNT; k++) {
        for (size_t i = 0; i < count; i++)
            stage[i] = pages[i].stage_ms[k];
        qsort(stage, count, sizeof *stage, compare_double);
        printf("  %-28s %6.2f %6.2f\n", stage_names[k], quantile(stage, count, 0.5),
               quantile(stage, count, 0.95));
    }
    for (size_t i = 0; i < count; i++) {
        free(pages[i].id);
        free(pages[i].html);
    }
    free(pages);
    free(total);
    free(stage);
    free(big_total);
    free(big_parse);
    return 0;
}
