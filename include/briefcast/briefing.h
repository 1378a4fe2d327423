/* briefcast — briefing: the whole front of the pipeline in one call:
 * articles in, a programme plan out (docs, bulletin order, budgets,
 * summaries, plan), fitted to a length in minutes when asked. */
#ifndef BRIEFCAST_BRIEFING_H
#define BRIEFCAST_BRIEFING_H

#include <stddef.h>

#include "audio.h"
#include "common.h"
#include "ingest.h"
#include "plan.h"
#include "render.h"
#include "summary.h"
#include "text.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct bc_briefing_settings {
    bc_text_settings text;
    bc_summary_settings summary; /* each story's budget, unless `minutes` is set */
    double minutes;              /* the programme's total length; 0: per-story budgets */
    bc_story_order order;
    bc_plan_settings plan;       /* `plan.voices` is required */
    bc_render_settings render;   /* speaks the plan when fitting `minutes` */
    bc_logger logger;
} bc_briefing_settings;

/* Fills `s` with the defaults of each stage; the voices stay NULL. */
BC_API void bc_briefing_default_settings(bc_briefing_settings *s);

/* Plans a programme from `count` articles (borrowed; the plan copies what it
 * keeps). Articles with no text are skipped with a warning when others have
 * some. Near-duplicate stories are merged and the rest put in `order`.
 * With `minutes` set, the budget is shared among the stories and the plan
 * is spoken and measured, and the budget corrected, until the programme
 * lasts within a few per cent of `minutes` (at most four passes); the
 * programme of the last pass goes to `*programme` when that is not NULL
 * (without `minutes`, `*programme` is set to NULL).
 * Errors: BC_EINVAL, BC_ENOMEM, BC_EEMPTY (no article has text: the logger
 * names the article), and those of bc_plan_build() and
 * bc_render_programme(). */
BC_API int bc_briefing_plan(const bc_article *const *articles, size_t count,
                            const bc_briefing_settings *s, bc_plan **plan,
                            bc_programme **programme);

#ifdef __cplusplus
}
#endif

#endif
