/* The planner: turns stories (doc + selection) into the programme's list of
 * segments, with the voice, pauses and chapters of each. */
#include <stdlib.h>
#include <string.h>

#include "briefcast/plan.h"
#include "common/internal.h"

/* Pauses, in milliseconds, chosen to sound like a newsreader's. */
#define PAUSE_SENTENCE_MS 350
#define PAUSE_PARAGRAPH_MS 700
#define PAUSE_AFTER_HEADLINE_MS 800
#define PAUSE_BETWEEN_STORIES_MS 1200
#define PAUSE_AFTER_INTRO_MS 900
/* Headlines are read a little slower than the body. */
#define HEADLINE_RATE_PERCENT 90

static const char *const role_names[] = {
    [BC_ROLE_INTRO] = "intro",
    [BC_ROLE_HEADLINE] = "headline",
    [BC_ROLE_NARRATION] = "narration",
    [BC_ROLE_ATTRIBUTION] = "attribution",
    [BC_ROLE_QUOTE] = "quote",
    [BC_ROLE_TRANSITION] = "transition",
    [BC_ROLE_OUTRO] = "outro",
};

const char *bc_role_name(bc_role role)
{
    if ((unsigned)role >= BCI_ARRAY_LEN(role_names))
        return NULL;
    return role_names[role];
}

int bc_role_parse(const char *name, bc_role *role)
{
    if (!name || !role)
        return BC_EINVAL;
    for (size_t i = 0; i < BCI_ARRAY_LEN(role_names); i++) {
        if (strcmp(name, role_names[i]) == 0) {
            *role = (bc_role)i;
            return 0;
        }
    }
    return BC_EINVAL;
}

void bc_plan_default_settings(bc_plan_settings *s)
{
    if (!s)
        return;
    *s = (bc_plan_settings){.intro = true};
}

/* Builder state: the plan being made and its segment capacity. */
typedef struct builder {
    bc_plan *plan;
    size_t capacity;
    const char *narrator;
    const char *headline;
} builder;

static void segment_clear(bc_segment *g)
{
    free(g->speaker);
    free(g->voice);
    free(g->text);
    free(g->display);
    free(g->chapter);
}

/* Appends a segment speaking `display` (`length` bytes) in `voice`; the
 * spoken text is the display text made safe and speakable. */
static int add_segment(builder *b, int story, bc_role role, const char *voice,
                       const char *display, size_t length, unsigned pause_after_ms,
                       bc_segment **out)
{
    void *items = b->plan->segments;
    if (bci_reserve(&items, &b->capacity, b->plan->segment_count + 1, sizeof(bc_segment)))
        return BC_ENOMEM;
    b->plan->segments = items;
    bc_segment g = {.story = story, .role = role, .rate_percent = 100,
                    .pause_after_ms = pause_after_ms};
    g.voice = bci_strdup(voice);
    g.display = bci_strndup(display, length);
    g.text = bci_strndup(display, length);
    if (!g.voice || !g.display || !g.text) {
        segment_clear(&g);
        return BC_ENOMEM;
    }
    b->plan->segments[b->plan->segment_count++] = g;
    if (out)
        *out = &b->plan->segments[b->plan->segment_count - 1];
    return 0;
}

static int set_chapter(bc_segment *g, const char *title)
{
    char *copy = bci_strdup(title);
    if (!copy)
        return BC_ENOMEM;
    free(g->chapter);
    g->chapter = copy;
    return 0;
}

static int plan_story(builder *b, int index, const bc_story *story)
{
    const bc_doc *doc = story->doc;
    const bc_article *article = doc->article;
    bc_segment *g = NULL;
    int rc;
    char fallback_title[32];
    snprintf(fallback_title, sizeof fallback_title, "Story %d", index + 1);
    const char *chapter = article->title ? article->title : fallback_title;

    if (article->title) {
        rc = add_segment(b, index, BC_ROLE_HEADLINE, b->headline, article->title,
                         strlen(article->title), PAUSE_AFTER_HEADLINE_MS, &g);
        if (rc)
            return rc;
        g->rate_percent = HEADLINE_RATE_PERCENT;
        if ((rc = set_chapter(g, chapter)))
            return rc;
    }
    const bc_selection *selection = story->selection;
    for (size_t k = 0; k < selection->count; k++) {
        size_t id = selection->sentences[k];
        if (id >= doc->sentence_count)
            return BC_EINVAL;
        size_t length;
        const char *text = bc_doc_sentence(doc, id, &length);
        bool paragraph_ends = k + 1 == selection->count ||
                              doc->sentences[selection->sentences[k + 1]].paragraph !=
                                  doc->sentences[id].paragraph;
        rc = add_segment(b, index, BC_ROLE_NARRATION, b->narrator, text, length,
                         paragraph_ends ? PAUSE_PARAGRAPH_MS : PAUSE_SENTENCE_MS, &g);
        if (rc)
            return rc;
        if (k == 0 && !article->title && (rc = set_chapter(g, chapter)))
            return rc;
    }
    if (b->plan->segment_count)
        b->plan->segments[b->plan->segment_count - 1].pause_after_ms = PAUSE_BETWEEN_STORIES_MS;
    return 0;
}

int bc_plan_build(const bc_story *stories, size_t story_count, const bc_plan_settings *s,
                  bc_plan **out)
{
    if ((!stories && story_count) || !s || !s->voices || !out)
        return BC_EINVAL;
    for (size_t i = 0; i < story_count; i++)
        if (!stories[i].doc || !stories[i].selection)
            return BC_EINVAL;
    const bc_voice *narrator = bc_voice_set_first(s->voices, BC_VOICE_NARRATOR);
    const bc_voice *headline = bc_voice_set_first(s->voices, BC_VOICE_HEADLINE);
    if (!narrator)
        return BC_ENOTFOUND;
    if (!headline)
        headline = narrator;

    int rc = BC_ENOMEM;
    builder b = {.narrator = narrator->name, .headline = headline->name};
    b.plan = calloc(1, sizeof *b.plan);
    if (!b.plan)
        return BC_ENOMEM;
    const char *title = s->title ? s->title : "briefcast";
    b.plan->title = bci_strdup(title);
    if (!b.plan->title || (s->date && !(b.plan->date = bci_strdup(s->date))))
        goto fail;
    if (story_count == 1 && stories[0].doc->article->source &&
        !(b.plan->source = bci_strdup(stories[0].doc->article->source)))
        goto fail;

    bci_buf line = {0};
    if (s->intro) {
        bc_segment *g;
        if (bci_buf_printf(&line, "This is %s.", title) ||
            (rc = add_segment(&b, -1, BC_ROLE_INTRO, b.narrator, line.data, line.length,
                              PAUSE_AFTER_INTRO_MS, &g)) ||
            (rc = set_chapter(g, "Introduction"))) {
            bci_buf_free(&line);
            rc = rc ? rc : BC_ENOMEM;
            goto fail;
        }
        line.length = 0;
    }
    for (size_t i = 0; i < story_count; i++) {
        if ((rc = plan_story(&b, (int)i, &stories[i]))) {
            bci_buf_free(&line);
            goto fail;
        }
    }
    if (s->intro) {
        rc = BC_ENOMEM;
        if (bci_buf_printf(&line, "That was %s.", title) ||
            (rc = add_segment(&b, -1, BC_ROLE_OUTRO, b.narrator, line.data, line.length, 0,
                              NULL))) {
            bci_buf_free(&line);
            goto fail;
        }
    }
    bci_buf_free(&line);
    *out = b.plan;
    return 0;

fail:
    bc_plan_free(b.plan);
    return rc;
}

void bc_plan_free(bc_plan *plan)
{
    if (!plan)
        return;
    for (size_t i = 0; i < plan->segment_count; i++)
        segment_clear(&plan->segments[i]);
    free(plan->segments);
    free(plan->title);
    free(plan->date);
    free(plan->source);
    free(plan);
}
