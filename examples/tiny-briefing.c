/* tiny-briefing: the whole briefcast pipeline through the library API.
 *
 *   tiny-briefing VOICES_DIR ARTICLE.txt OUT.opus
 *
 * reads a plain-text article, keeps about 30 seconds of it, and writes a
 * spoken briefing. Error handling is the library's: every call returns 0
 * or a negative code that bc_strerror() explains. */
#include <stdio.h>
#include <stdlib.h>

#include <briefcast/briefcast.h>

static char *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *data = NULL;
    size_t capacity = 0;
    *size = 0;
    for (;;) {
        if (*size == capacity) {
            capacity = capacity ? capacity * 2 : 4096;
            char *grown = realloc(data, capacity);
            if (!grown) {
                free(data);
                fclose(f);
                return NULL;
            }
            data = grown;
        }
        size_t n = fread(data + *size, 1, capacity - *size, f);
        if (n == 0)
            break;
        *size += n;
    }
    fclose(f);
    return data;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: tiny-briefing VOICES_DIR ARTICLE.txt OUT.opus\n");
        return 2;
    }
    size_t size;
    char *data = read_file(argv[2], &size);
    if (!data) {
        perror(argv[2]);
        return 1;
    }

    bc_article_list *articles = NULL;
    bc_doc *doc = NULL;
    bc_selection *selection = NULL;
    bc_voice_set *voices = NULL;
    bc_plan *plan = NULL;
    bc_programme *programme = NULL;
    const char *step = "ingest";

    int rc = bc_ingest(data, size, NULL, &articles);
    if (!rc && (step = "text", rc = bc_doc_build(&articles->articles[0], NULL, &doc)) == 0) {
        bc_summary_settings summary;
        bc_summary_default_settings(&summary);
        summary.seconds = 30;
        step = "summary";
        rc = bc_summarize(doc, &summary, &selection);
    }
    if (!rc) {
        const char *dirs[] = {argv[1]};
        step = "voices";
        rc = bc_voice_set_load(dirs, 1, NULL, &voices);
    }
    if (!rc) {
        bc_plan_settings plan_settings;
        bc_plan_default_settings(&plan_settings);
        plan_settings.voices = voices;
        plan_settings.title = "Tiny briefing";
        bc_story story = {doc, selection};
        step = "plan";
        rc = bc_plan_build(&story, 1, &plan_settings, &plan);
    }
    if (!rc) {
        bc_render_settings render;
        bc_render_default_settings(&render);
        render.voices = voices;
        step = "speech";
        rc = bc_render_programme(plan, &render, &programme);
    }
    if (!rc) {
        bc_encoder_settings encoder;
        bc_encoder_default_settings(&encoder);
        encoder.tags.title = plan->title;
        step = "encode";
        rc = bc_programme_encode(programme, argv[3], &encoder);
    }
    if (rc)
        fprintf(stderr, "tiny-briefing: %s: %s\n", step, bc_strerror(rc));
    else
        printf("%s: %.1f seconds\n", argv[3], bc_programme_seconds(programme));

    bc_programme_free(programme);
    bc_plan_free(plan);
    bc_voice_set_free(voices);
    bc_selection_free(selection);
    bc_doc_free(doc);
    bc_article_list_free(articles);
    free(data);
    return rc ? 1 : 0;
}
