/* The planner: the programme's shape (intro, stories, outro) and the
 * segment builder the story planner uses. */
#include <stdlib.h>
#include <string.h>

#include "plan_internal.h"

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
    *s = (bc_plan_settings){.intro = true, .headlines = true};
    bc_normalize_default_settings(&s->normalize);
}

void bci_segment_clear(bc_segment *g)
{
    free(g->speaker);
    free(g->voice);
    free(g->text);
    free(g->display);
    free(g->chapter);
    *g = (bc_segment){0};
}

int bci_plan_add(bci_plan_builder *b, const bci_segment_spec *spec, bc_segment **out)
{
    void *items = b->plan->segments;
    if (bci_reserve(&items, &b->capacity, b->plan->segment_count + 1, sizeof(bc_segment)))
        return BC_ENOMEM;
    b->plan->segments = items;
    bool quote = spec->role == BC_ROLE_QUOTE;
    bc_segment g = {
        .story = spec->story,
        .role = spec->role,
        .rate_percent = spec->rate_percent ? spec->rate_percent : 100,
        .pause_before_ms = spec->pause_before_ms,
        .pause_after_ms = spec->pause_after_ms,
    };
    g.voice = bci_strdup(spec->voice);
    g.speaker = spec->speaker ? bci_strdup(spec->speaker) : NULL;
    g.display = bci_spoken_text(spec->display, spec->display_length, quote);
    int rc = g.display ? bc_normalize(g.display, strlen(g.display), &b->normalize, &g.text)
                       : BC_ENOMEM;
    if (!rc && (!g.voice || (spec->speaker && !g.speaker)))
        rc = BC_ENOMEM;
    if (rc) {
        bci_segment_clear(&g);
        return rc;
    }
    b->plan->segments[b->plan->segment_count++] = g;
    if (out)
        *out = &b->plan->segments[b->plan->segment_count - 1];
    return 0;
}

int bci_plan_set_chapter(bc_segment *g, const char *title)
{
    char *copy = bci_strdup(title);
    if (!copy)
        return BC_ENOMEM;
    free(g->chapter);
    g->chapter = copy;
    return 0;
}

/* "Saturday the 28th of November" for 2026-11-28; false when `date` is not
 * a valid YYYY-MM-DD date. */
static bool spoken_date(const char *date, char *out, size_t size)
{
    static const char *const months[] = {"January", "February", "March", "April", "May",
                                         "June", "July", "August", "September", "October",
                                         "November", "December"};
    static const char *const days[] = {"Sunday", "Monday", "Tuesday", "Wednesday",
                                       "Thursday", "Friday", "Saturday"};
    int y, m, d;
    char extra;
    if (!date || sscanf(date, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 || y < 1 || m < 1 ||
        m > 12 || d < 1)
        return false;
    static const int month_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > month_days[m - 1] || (m == 2 && d == 29 && !leap))
        return false;
    int weekday = bci_weekday(y, m, d);
    const char *suffix = (d % 10 == 1 && d != 11) ? "st"
                         : (d % 10 == 2 && d != 12) ? "nd"
                         : (d % 10 == 3 && d != 13) ? "rd"
                                                    : "th";
    snprintf(out, size, "%s the %d%s of %s", days[weekday], d, suffix, months[m - 1]);
    return true;
}

static int add_line(bci_plan_builder *b, bc_role role, const char *line, unsigned pause_after,
                    bc_segment **out)
{
    bci_segment_spec spec = {.story = -1, .role = role, .voice = b->narrator->name,
                             .display = line, .display_length = strlen(line),
                             .pause_after_ms = pause_after};
    return bci_plan_add(b, &spec, out);
}

/* The line between two stories of a bulletin (none before the first). */
static const char *transition(size_t index, size_t count)
{
    static const char *const lines[] = {"Next.", "In other news.", "Meanwhile."};
    if (index == 0)
        return NULL;
    if (index + 1 == count && count >= 3)
        return "And finally.";
    return lines[(index - 1) % BCI_ARRAY_LEN(lines)];
}

/* "Here are the headlines." and each story's headline, after the intro. */
static int headlines_round_up(bci_plan_builder *b, const bc_story *stories, size_t count)
{
    int rc = add_line(b, BC_ROLE_INTRO, "Here are the headlines.", BCI_PAUSE_SENTENCE_MS, NULL);
    for (size_t i = 0; i < count && !rc; i++) {
        const char *title = stories[i].doc->article->title;
        if (!title)
            continue;
        bci_segment_spec spec = {.story = -1, .role = BC_ROLE_HEADLINE, .voice = b->headline->name,
                                 .display = title, .display_length = strlen(title),
                                 .pause_after_ms = BCI_PAUSE_PARAGRAPH_MS};
        rc = bci_plan_add(b, &spec, NULL);
    }
    if (!rc && b->plan->segment_count)
        b->plan->segments[b->plan->segment_count - 1].pause_after_ms = BCI_PAUSE_BETWEEN_STORIES_MS;
    return rc;
}

int bc_plan_build(const bc_story *stories, size_t story_count, const bc_plan_settings *s,
                  bc_plan **out)
{
    if ((!stories && story_count) || !s || !s->voices || !out)
        return BC_EINVAL;
    for (size_t i = 0; i < story_count; i++)
        if (!stories[i].doc || !stories[i].selection)
            return BC_EINVAL;
    char date_words[64];
    if (s->date && !spoken_date(s->date, date_words, sizeof date_words)) {
        bci_log(&s->logger, BC_LOG_ERROR, "date '%s' is not a calendar date (YYYY-MM-DD)",
                s->date);
        return BC_EINVAL;
    }
    bci_plan_builder b = {.logger = &s->logger, .normalize = s->normalize};
    b.narrator = bc_voice_set_first(s->voices, BC_VOICE_NARRATOR);
    b.headline = bc_voice_set_first(s->voices, BC_VOICE_HEADLINE);
    if (!b.narrator)
        return BC_ENOTFOUND;
    if (!b.headline)
        b.headline = b.narrator;

    int rc = BC_ENOMEM;
    const char *title = s->title ? s->title : "briefcast";
    if (!(b.plan = calloc(1, sizeof *b.plan)) || !(b.plan->title = bci_strdup(title)) ||
        (s->date && !(b.plan->date = bci_strdup(s->date))))
        goto fail;
    if (story_count == 1 && stories[0].doc->article->source &&
        !(b.plan->source = bci_strdup(stories[0].doc->article->source)))
        goto fail;
    if ((rc = bci_cast_new(s->voices, b.narrator, &s->logger, &b.cast)))
        goto fail;
    for (size_t i = 0; i < story_count; i++)
        if ((rc = bci_cast_add_doc(b.cast, stories[i].doc)))
            goto fail;

    char line[512];
    if (s->intro) {
        if (s->date)
            snprintf(line, sizeof line, "This is %s, for %s.", title, date_words);
        else
            snprintf(line, sizeof line, "This is %s.", title);
        bc_segment *g;
        if ((rc = add_line(&b, BC_ROLE_INTRO, line, BCI_PAUSE_AFTER_INTRO_MS, &g)) ||
            (rc = bci_plan_set_chapter(g, "Introduction")))
            goto fail;
    }
    if (s->intro && s->headlines && story_count > 1 && (rc = headlines_round_up(&b, stories, story_count)))
        goto fail;
    for (size_t i = 0; i < story_count; i++)
        if ((rc = bci_plan_story(&b, (int)i, &stories[i], transition(i, story_count))))
            goto fail;
    if (s->intro) {
        snprintf(line, sizeof line, "That was %s.", title);
        bc_segment *g;
        if ((rc = add_line(&b, BC_ROLE_OUTRO, line, 0, &g)) || (rc = bci_plan_set_chapter(g, "Outro")))
            goto fail;
    }
    bci_cast_free(b.cast);
    *out = b.plan;
    return 0;

fail:
    bci_cast_free(b.cast);
    bc_plan_free(b.plan);
    return rc;
}

void bc_plan_free(bc_plan *plan)
{
    if (!plan)
        return;
    for (size_t i = 0; i < plan->segment_count; i++)
        bci_segment_clear(&plan->segments[i]);
    free(plan->segments);
    free(plan->title);
    free(plan->date);
    free(plan->source);
    free(plan);
}
