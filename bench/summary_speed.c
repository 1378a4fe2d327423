/* Times bc_summarize() in-process: per article over the BBC development
 * set (median, 95th percentile and mean, in milliseconds) and on one
 * generated article of about 1 MB.
 *
 * usage: summary_speed [SET.jsonl] [--words N] [--repeat N]
 * (--words is the budget for the per-article timing, 100 by default)
 * SET defaults to ../shared/data/bbc-dev.jsonl beside the source tree. */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "briefcast/ingest.h"
#include "briefcast/summary.h"
#include "briefcast/text.h"
#include "prose.h"

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Summarises `text` `repeat` times; returns the fastest run in ms, or a
 * negative value when the text cannot be read. */
static double time_text(const char *text, size_t length, size_t words, int repeat,
                        size_t *sentences)
{
    bc_article_list *list = NULL;
    bc_doc *doc = NULL;
    double best = -1;
    if (bc_ingest(text, length, NULL, &list) || bc_doc_build(&list->articles[0], NULL, &doc))
        goto done;
    bc_summary_settings s;
    bc_summary_default_settings(&s);
    if (words)
        s.words = words;
    for (int r = 0; r < repeat; r++) {
        bc_selection *selection = NULL;
        double start = now_ms();
        int rc = bc_summarize(doc, &s, &selection);
        double elapsed = now_ms() - start;
        bc_selection_free(selection);
        if (rc) {
            best = -1;
            goto done;
        }
        if (best < 0 || elapsed < best)
            best = elapsed;
    }
    if (sentences)
        *sentences = doc->sentence_count;
done:
    bc_doc_free(doc);
    bc_article_list_free(list);
    return best;
}


/* About `size` bytes of made-up news; the caller frees it. */
static char *make_article(size_t size, size_t *length)
{
    char *text = malloc(size + 256);
    if (!text)
        return NULL;
    *length = (size_t)snprintf(text, size, "A very long report\n\n");
    make_prose(text, size + 256, length, size);
    return text;
}

int main(int argc, char **argv)
{
    const char *path = BC_SOURCE_ROOT "/../shared/data/bbc-dev.jsonl";
    size_t words = 100;
    int repeat = 5;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--words") == 0 && i + 1 < argc)
            words = (size_t)strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc)
            repeat = atoi(argv[++i]) > 0 ? atoi(argv[i]) : 1;
        else
            path = argv[i];
    }

    FILE *f = fopen(path, "r");
    if (!f) {
        printf("summary_speed: %s is absent: skipping the per-article timing "
               "(the evaluation data lives in ../shared/data beside the repository)\n", path);
    } else {
        double *times = NULL;
        size_t count = 0, capacity = 0, failed = 0;
        char *line = NULL;
        size_t line_capacity = 0;
        while (getline(&line, &line_capacity, f) > 0) {
            json_object *row = json_tokener_parse(line);
            const char *text = json_object_get_string(json_object_object_get(row, "text"));
            double ms = text ? time_text(text, strlen(text), words, repeat, NULL) : -1;
            json_object_put(row);
            if (ms < 0) {
                failed++;
                continue;
            }
            if (count == capacity) {
                size_t bigger = capacity ? capacity * 2 : 1024;
                double *grown = realloc(times, bigger * sizeof *times);
                if (!grown)
                    break;
                times = grown;
                capacity = bigger;
            }
            times[count++] = ms;
        }
        free(line);
        fclose(f);
        if (count) {
            double total = 0;
            for (size_t i = 0; i < count; i++)
                total += times[i];
            qsort(times, count, sizeof *times, compare_double);
            printf("bc_summarize, %zu words, %zu articles of %s (best of %d runs each):\n"
                   "  median %.3f ms  p95 %.3f ms  mean %.3f ms  max %.3f ms  (%zu failed)\n",
                   words, count, path, repeat, times[count / 2], times[count * 95 / 100],
                   total / (double)count, times[count - 1], failed);
        }
        free(times);
    }

    size_t length;
    char *text = make_article(1 << 20, &length);
    if (!text) {
        fprintf(stderr, "summary_speed: out of memory\n");
        return 1;
    }
    size_t sentences = 0;
    double ms = time_text(text, length, 0, 3, &sentences);
    printf("bc_summarize, default budget (60 s), generated article of %zu bytes, %zu sentences:"
           " %.1f ms\n", length, sentences, ms);
    /* 20,000 words: a budget of two hours of speech, where the greedy
     * selection's cost grows with the number of sentences it takes */
    double long_ms = time_text(text, length, 20000, 1, NULL);
    printf("bc_summarize, 20000 words, the same article: %.1f ms\n", long_ms);
    free(text);
    return ms < 0 || long_ms < 0;
}
