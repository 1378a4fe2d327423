/* Times quote finding in process: for every article of a JSON Lines set
 * (objects with a "text" field, such as ../shared/data/quotes-dev.jsonl) it
 * ingests the text, builds the doc (boilerplate, sentences, quotes) and
 * finds the quotes again on their own, and prints milliseconds per
 * article (processor time, not wall time: the machine may be shared). Then
 * it times articles of growing size made by joining the set's articles, to
 * show that the time grows linearly.
 *
 * usage: bench_quotes SET.jsonl [REPEAT] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "briefcast/briefcast.h"
#include "text/quotes_internal.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Frees the quotes of `doc` and finds them again; returns the time taken. */
static double time_quotes(bc_doc *doc, int repeat)
{
    double best = 1e30;
    for (int r = 0; r < repeat; r++) {
        for (size_t i = 0; i < doc->quote_count; i++)
            free((char *)doc->quotes[i].speaker);
        free(doc->quotes);
        doc->quotes = NULL;
        doc->quote_count = 0;
        double t0 = now_ms();
        if (bci_doc_find_quotes(doc, NULL) != 0) {
            fprintf(stderr, "bench_quotes: out of memory\n");
            exit(1);
        }
        double t = now_ms() - t0;
        if (t < best)
            best = t;
    }
    return best;
}

/* Ingests `text` and builds its doc; returns the doc build time. */
static double build(const char *text, size_t size, bc_article_list **list, bc_doc **doc)
{
    bc_ingest_settings is;
    bc_ingest_default_settings(&is);
    is.max_input_bytes = 0;
    if (bc_ingest(text, size, &is, list) != 0)
        return -1;
    double t0 = now_ms();
    if (bc_doc_build(&(*list)->articles[0], NULL, doc) != 0) {
        bc_article_list_free(*list);
        return -1;
    }
    return now_ms() - t0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_quotes SET.jsonl [REPEAT]\n");
        return 2;
    }
    int repeat = argc > 2 ? atoi(argv[2]) : 5;
    if (repeat < 1)
        repeat = 1;
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    size_t count = 0, capacity = 0, bytes = 0, quotes = 0;
    double *doc_ms = NULL, *quote_ms = NULL;
    char *joined = NULL; /* the bodies of all articles, for the scaling run */
    size_t joined_length = 0;
    char *line = NULL;
    size_t line_capacity = 0;
    while (getline(&line, &line_capacity, f) > 0) {
        json_object *row = json_tokener_parse(line);
        json_object *field;
        if (!row || !json_object_object_get_ex(row, "text", &field)) {
            json_object_put(row);
            continue;
        }
        const char *text = json_object_get_string(field);
        size_t size = strlen(text);
        bc_article_list *list = NULL;
        bc_doc *doc = NULL;
        double d = build(text, size, &list, &doc);
        if (d >= 0) {
            if (count == capacity) {
                capacity = capacity ? 2 * capacity : 1024;
                double *a = realloc(doc_ms, capacity * sizeof *a);
                double *b = a ? realloc(quote_ms, capacity * sizeof *b) : NULL;
                if (!a || !b) {
                    fprintf(stderr, "bench_quotes: out of memory\n");
                    return 1;
                }
                doc_ms = a;
                quote_ms = b;
            }
            doc_ms[count] = d;
            quote_ms[count] = time_quotes(doc, repeat);
            quotes += doc->quote_count;
            bytes += size;
            count++;
            const char *body = strstr(text, "\n\n"); /* without its headline */
            body = body ? body + 2 : text;
            size_t n = strlen(body);
            char *grown = realloc(joined, joined_length + n + 3);
            if (!grown) {
                fprintf(stderr, "bench_quotes: out of memory\n");
                return 1;
            }
            joined = grown;
            memcpy(joined + joined_length, body, n);
            memcpy(joined + joined_length + n, "\n\n", 3);
            joined_length += n + 2;
            bc_doc_free(doc);
            bc_article_list_free(list);
        }
        json_object_put(row);
    }
    free(line);
    fclose(f);
    if (count == 0) {
        fprintf(stderr, "bench_quotes: no articles in %s\n", argv[1]);
        return 1;
    }
    double doc_total = 0, quote_total = 0;
    for (size_t i = 0; i < count; i++) {
        doc_total += doc_ms[i];
        quote_total += quote_ms[i];
    }
    qsort(quote_ms, count, sizeof *quote_ms, compare_double);
    printf("%zu articles, %.1f KB on average, %zu quotes found\n", count,
           bytes / 1024.0 / count, quotes);
    printf("  doc build (boilerplate, sentences, quotes): %.3f ms/article\n", doc_total / count);
    printf("  quotes alone: %.3f ms/article (median %.3f, 95th percentile %.3f, max %.3f), "
           "%.1f MB/s\n",
           quote_total / count, quote_ms[count / 2], quote_ms[count * 95 / 100],
           quote_ms[count - 1], bytes / 1048576.0 / (quote_total / 1000));
    /* scaling: the same text at growing sizes */
    printf("  scaling (articles joined into one):\n");
    for (size_t target = 64 * 1024; target <= 1024 * 1024; target *= 4) {
        size_t size = 8 + (target < joined_length ? target : joined_length);
        char *text = malloc(size + 1);
        if (!text)
            return 1;
        memcpy(text, "Joined\n\n", 8);
        for (size_t k = 8; k < size; k += joined_length)
            memcpy(text + k, joined, size - k < joined_length ? size - k : joined_length);
        text[size] = '\0';
        bc_article_list *list = NULL;
        bc_doc *doc = NULL;
        if (build(text, size, &list, &doc) >= 0) {
            double t = time_quotes(doc, repeat > 3 ? 3 : repeat);
            printf("    %5zu KB: %7.2f ms, %.3f ms/KB, %zu quotes\n", size / 1024, t,
                   t / (size / 1024.0), doc->quote_count);
            bc_doc_free(doc);
            bc_article_list_free(list);
        }
        free(text);
    }
    free(joined);
    free(doc_ms);
    free(quote_ms);
    return 0;
}
