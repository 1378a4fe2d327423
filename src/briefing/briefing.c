/* The front of the pipeline for a whole briefing: docs, bulletin order and
 * budgets, summaries and the plan, fitted to a length when asked. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "briefcast/briefing.h"
#include "common/internal.h"

/* Fitting a length: stop within 3 % of the target, after four passes at
 * most; each pass corrects the budget by at most a factor of two. */
#define FIT_TOLERANCE 0.03
#define FIT_PASSES 4
/* The first guess leaves a fifth of the time to headlines, intro and pauses. */
#define FIRST_GUESS_SHARE 0.8

void bc_briefing_default_settings(bc_briefing_settings *s)
{
    if (!s)
        return;
    *s = (bc_briefing_settings){.order = BC_ORDER_INPUT};
    bc_text_default_settings(&s->text);
    bc_summary_default_settings(&s->summary);
    bc_plan_default_settings(&s->plan);
    bc_render_default_settings(&s->render);
}

typedef struct work {
    bc_doc **docs;        /* one per article, NULL when it had no text */
    const bc_doc **kept;  /* the bulletin's docs, in programme order */
    size_t kept_count;
    bc_selection **selections;
    bc_story *stories;
    size_t *budgets;
} work;

static void work_clear(work *w, size_t count)
{
    for (size_t i = 0; w->docs && i < count; i++)
        bc_doc_free(w->docs[i]);
    for (size_t i = 0; w->selections && i < w->kept_count; i++)
        bc_selection_free(w->selections[i]);
    free(w->docs);
    free(w->kept);
    free(w->selections);
    free(w->stories);
    free(w->budgets);
}

/* Selects each kept story's sentences under `words` in all (0: each
 * story's own budget from the settings) and plans them. */
static int plan_with_budget(work *w, const bc_briefing_settings *s, size_t words, bc_plan **out)
{
    if (words && bc_bulletin_budgets(w->kept, w->kept_count, words, w->budgets))
        return BC_EINVAL;
    for (size_t i = 0; i < w->kept_count; i++) {
        bc_selection_free(w->selections[i]);
        w->selections[i] = NULL;
        bc_summary_settings summary = s->summary;
        if (words) {
            summary.words = w->budgets[i];
            summary.full = false;
        }
        int rc = bc_summarize(w->kept[i], &summary, &w->selections[i]);
        if (rc)
            return rc;
        w->stories[i] = (bc_story){w->kept[i], w->selections[i]};
    }
    return bc_plan_build(w->stories, w->kept_count, &s->plan, out);
}

int bc_briefing_plan(const bc_article *const *articles, size_t count,
                     const bc_briefing_settings *s, bc_plan **plan_out,
                     bc_programme **programme_out)
{
    if ((!articles && count) || !s || !s->plan.voices || !plan_out || !(s->minutes >= 0))
        return BC_EINVAL;
    if (programme_out)
        *programme_out = NULL;
    work w = {0};
    size_t n = count ? count : 1;
    int rc = BC_ENOMEM;
    if (!(w.docs = calloc(n, sizeof *w.docs)) || !(w.kept = calloc(n, sizeof *w.kept)) ||
        !(w.selections = calloc(n, sizeof *w.selections)) ||
        !(w.stories = calloc(n, sizeof *w.stories)) || !(w.budgets = calloc(n, sizeof *w.budgets)))
        goto done;

    /* docs; an article without text is skipped unless it is all there is */
    size_t with_text = 0, first_failure = SIZE_MAX;
    int failure = 0;
    for (size_t i = 0; i < count; i++) {
        if (!articles[i]) {
            rc = BC_EINVAL;
            goto done;
        }
        int built = bc_doc_build(articles[i], &s->text, &w.docs[i]);
        if (built == BC_EEMPTY) {
            if (first_failure == SIZE_MAX)
                first_failure = i, failure = built;
            continue;
        }
        if (built) {
            rc = built;
            goto done;
        }
        w.kept[with_text++] = w.docs[i];
    }
    if (with_text == 0) {
        bci_log(&s->logger, BC_LOG_ERROR, "no article text found%s",
                count > 1 ? " in any of the articles" : "");
        rc = failure ? failure : BC_EEMPTY;
        goto done;
    }
    for (size_t i = 0; i < count; i++) {
        if (!w.docs[i]) {
            const char *title = articles[i]->title;
            bci_log(&s->logger, BC_LOG_WARNING, "article %zu (%s) has no text; skipped", i + 1,
                    title ? title : "untitled");
        }
    }

    /* the bulletin: near-duplicates merged, stories ordered */
    size_t *order = w.budgets; /* scratch until the budgets are needed */
    if ((rc = bc_bulletin_arrange(w.kept, with_text, s->order, &s->logger, order, &w.kept_count)))
        goto done;
    const bc_doc **arranged = calloc(with_text, sizeof *arranged);
    rc = BC_ENOMEM;
    if (!arranged)
        goto done;
    for (size_t i = 0; i < w.kept_count; i++)
        arranged[i] = w.kept[order[i]];
    free(w.kept);
    w.kept = arranged;

    if (s->minutes <= 0) {
        rc = plan_with_budget(&w, s, 0, plan_out);
        goto done;
    }

    /* fit the length: plan, speak, measure, correct */
    double target = s->minutes * 60.0;
    double wpm = s->render.rate > 0 ? s->render.rate
                 : s->summary.words_per_minute > 0 ? s->summary.words_per_minute
                                                   : 175.0;
    double words = target * wpm / 60.0 * FIRST_GUESS_SHARE;
    bc_plan *plan = NULL;
    bc_programme *programme = NULL;
    for (int pass = 0; pass < FIT_PASSES; pass++) {
        bc_plan_free(plan);
        bc_programme_free(programme);
        plan = NULL;
        programme = NULL;
        if ((rc = plan_with_budget(&w, s, words < 1 ? 1 : (size_t)words, &plan)) ||
            (rc = bc_render_programme(plan, &s->render, &programme)))
            break;
        double seconds = bc_programme_seconds(programme);
        bci_log(&s->logger, BC_LOG_INFO, "fitting %.0f s: pass %d, %.0f words, %.1f s", target,
                pass + 1, words, seconds);
        if (fabs(seconds - target) <= FIT_TOLERANCE * target || seconds <= 0)
            break;
        double factor = target / seconds;
        factor = factor > 2 ? 2 : factor < 0.5 ? 0.5 : factor;
        double next = words * factor;
        if (fabs(next - words) < 1)
            break;
        words = next;
    }
    if (rc) {
        bc_plan_free(plan);
        bc_programme_free(programme);
        goto done;
    }
    *plan_out = plan;
    if (programme_out)
        *programme_out = programme;
    else
        bc_programme_free(programme);

done:
    work_clear(&w, count);
    return rc;
}
