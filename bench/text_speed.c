/* Speed of the plain-text front end: bc_ingest() + bc_doc_build() (reading,
 * boilerplate removal, sentence splitting, as `briefcast text` and
 * `sentences` run it), in MB/s; and, for information, the whole text stage
 * as `make` runs it, quotes and speakers included.
 *
 * usage: text_speed [--mb N] [BBC.jsonl]
 *
 * It reads the article texts of ../shared/data/bbc-dev.jsonl (or the file
 * given), or generates news-like text when that is absent, and times:
 *   - articles one by one, the corpus repeated to about N MB (default 100);
 *   - the same text as one input of about N MB;
 *   - pathological inputs: one 1 MB sentence, N MB without sentence
 *     punctuation, N MB of periods, N MB of abbreviations and initials,
 *     N MB of short lines.
 * Times are the CPU time of this process, so that other work on the machine
 * does not count. The target is 20 MB/s; each figure is printed beside it. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include <briefcast/ingest.h>
#include <briefcast/text.h>

/* MB/s the front end must reach. */
#define TARGET_MB_PER_S 20.0

typedef struct text {
    char *data;
    size_t length;
    size_t capacity;
} text;

static void append(text *t, const char *s, size_t n)
{
    if (t->length + n + 1 > t->capacity) {
        size_t capacity = (t->length + n + 1) * 2;
        char *data = realloc(t->data, capacity);
        if (!data) {
            fprintf(stderr, "text_speed: out of memory\n");
            exit(1);
        }
        t->data = data;
        t->capacity = capacity;
    }
    memcpy(t->data + t->length, s, n);
    t->length += n;
    t->data[t->length] = '\0';
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Ingests and builds the docs of `size` bytes, with their quotes when
 * `quotes`; returns the sentence count or exits on error. */
static size_t front_end(const char *data, size_t size, bool quotes)
{
    bc_ingest_settings settings;
    bc_ingest_default_settings(&settings);
    settings.format = BC_FORMAT_TEXT;
    settings.max_input_bytes = 0;
    bc_article_list *list = NULL;
    int rc = bc_ingest(data, size, &settings, &list);
    if (rc) {
        fprintf(stderr, "text_speed: ingest failed: %s\n", bc_strerror(rc));
        exit(1);
    }
    size_t sentences = 0;
    for (size_t i = 0; i < list->count; i++) {
        bc_doc *doc = NULL;
        bc_text_settings stage;
        bc_text_default_settings(&stage);
        stage.skip_quotes = !quotes;
        rc = bc_doc_build(&list->articles[i], &stage, &doc);
        if (rc == 0)
            sentences += doc->sentence_count;
        else if (rc != BC_EEMPTY) {
            fprintf(stderr, "text_speed: doc failed: %s\n", bc_strerror(rc));
            exit(1);
        }
        bc_doc_free(doc);
    }
    bc_article_list_free(list);
    return sentences;
}

/* Prints one row; `judged`: beside the front end's target. */
static void report(const char *name, size_t bytes, size_t sentences, double seconds, bool judged)
{
    double mb = (double)bytes / 1e6;
    double rate = mb / seconds;
    printf("%-44s %8.1f MB %9zu sentences %7.2f s %8.1f MB/s", name, mb, sentences, seconds,
           rate);
    if (judged)
        printf("  (target %.0f: %s)", TARGET_MB_PER_S, rate >= TARGET_MB_PER_S ? "met" : "MISSED");
    printf("\n");
}

/* Times one input of `size` bytes. */
static void time_one(const char *name, const char *data, size_t size)
{
    double start = now();
    size_t sentences = front_end(data, size, false);
    report(name, size, sentences, now() - start, true);
}

/* Reads the `text` field of every line of a JSON Lines file. */
static size_t read_corpus(const char *path, text *articles, size_t **ends)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    size_t count = 0, capacity = 0;
    char *line = NULL;
    size_t line_capacity = 0;
    ssize_t n;
    while ((n = getline(&line, &line_capacity, f)) > 0) {
        json_object *row = json_tokener_parse(line);
        json_object *field;
        if (row && json_object_object_get_ex(row, "text", &field)) {
            const char *s = json_object_get_string(field);
            append(articles, s, strlen(s));
            if (count == capacity) {
                capacity = capacity ? 2 * capacity : 1024;
                size_t *grown = realloc(*ends, capacity * sizeof *grown);
                if (!grown)
                    exit(1);
                *ends = grown;
            }
            (*ends)[count++] = articles->length;
        }
        json_object_put(row);
    }
    free(line);
    fclose(f);
    return count;
}

/* News-like text when no corpus is at hand: sentences with abbreviations,
 * numbers, quotes and initials, in paragraphs under headlines. */
static size_t generate_corpus(text *articles, size_t **ends, size_t count)
{
    static const char *const sentences[] = {
        "Mr. Okafor said profits rose 4.5% to $1.2bn in the U.S. last year. ",
        "\"We are ready,\" the minister told reporters at 3 p.m. on Feb. 16. ",
        "J. R. Mensah, of Harbor Tools Inc., declined to comment. ",
        "Shares fell... then recovered! Was it enough? Analysts were unsure. ",
        "The company, based in St. Albans, employs 4,000 people (about 10% of the town). ",
    };
    *ends = malloc(count * sizeof **ends);
    if (!*ends)
        exit(1);
    for (size_t a = 0; a < count; a++) {
        append(articles, "Profits rise at harbour firm\n\n", 30);
        for (size_t p = 0; p < 8; p++) {
            for (size_t s = 0; s < 4; s++) {
                const char *line = sentences[(a + p + s) % 5];
                append(articles, line, strlen(line));
            }
            append(articles, "\n\n", 2);
        }
        (*ends)[a] = articles->length;
    }
    return count;
}

int main(int argc, char **argv)
{
    size_t megabytes = 100;
    const char *path = BC_SOURCE_ROOT "/../shared/data/bbc-dev.jsonl";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--mb") == 0 && i + 1 < argc)
            megabytes = strtoul(argv[++i], NULL, 10);
        else
            path = argv[i];
    }
    if (megabytes == 0)
        megabytes = 1;
    size_t target = megabytes * 1000000;

    text corpus = {0};
    size_t *ends = NULL;
    size_t count = read_corpus(path, &corpus, &ends);
    if (count)
        printf("corpus: %zu articles from %s (%.1f MB)\n", count, path, corpus.length / 1e6);
    else {
        printf("corpus: %s is absent; using generated news-like text\n", path);
        count = generate_corpus(&corpus, &ends, 1000);
    }

    /* articles one by one, repeated up to the target size; then the same
     * with quotes and speakers */
    for (int quotes = 0; quotes <= 1; quotes++) {
        size_t bytes = 0, sentences = 0;
        double start = now();
        while (bytes < target) {
            size_t begin = 0;
            for (size_t i = 0; i < count && bytes < target; i++) {
                sentences += front_end(corpus.data + begin, ends[i] - begin, quotes);
                bytes += ends[i] - begin;
                begin = ends[i];
            }
        }
        report(quotes ? "articles one by one, with quotes (as make)" : "articles one by one",
               bytes, sentences, now() - start, !quotes);
    }

    /* one big input */
    text big = {0};
    while (big.length < target) {
        append(&big, corpus.data, corpus.length);
        append(&big, "\n\n", 2);
    }
    time_one("one input of all articles", big.data, big.length);

    /* pathological inputs */
    text t = {0};
    while (t.length < 1000000)
        append(&t, "word and another word, ", 23);
    append(&t, "end.", 4);
    time_one("one sentence of 1 MB", t.data, t.length);
    t.length = 0;
    while (t.length < target)
        append(&t, "no sentence punctuation at all here and ", 40);
    time_one("no sentence punctuation", t.data, t.length);
    memset(t.data, '.', t.length);
    time_one("only periods", t.data, t.length);
    t.length = 0;
    while (t.length < target)
        append(&t, "Mr. J. R. U.S. a.m. Inc. e.g. No. 5 ", 36);
    time_one("only abbreviations and initials", t.data, t.length);
    t.length = 0;
    while (t.length < target)
        append(&t, "Short line\n", 11);
    time_one("short lines without blank lines", t.data, t.length);

    free(t.data);
    free(big.data);
    free(corpus.data);
    free(ends);
    return 0;
}
