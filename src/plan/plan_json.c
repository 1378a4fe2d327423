/* The plan as JSON, both ways, through json-c. An editor can fix a
 * pronunciation or a voice in the file and render it again. */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <json-c/json.h>

#include "briefcast/plan.h"
#include "common/internal.h"

/* Strings a plan may hold: the largest JSON plan that is still a plan. */
#define MAX_PLAN_JSON_BYTES ((size_t)64 << 20)
/* Plans nest three levels; json-c's depth limit guards the parser. */
#define JSON_DEPTH 8

static int add_string(json_object *object, const char *key, const char *value)
{
    json_object *v = value ? json_object_new_string(value) : NULL;
    if (value && !v)
        return BC_ENOMEM;
    if (json_object_object_add(object, key, v) != 0) {
        json_object_put(v);
        return BC_ENOMEM;
    }
    return 0;
}

static int add_int(json_object *object, const char *key, int64_t value)
{
    json_object *v = json_object_new_int64(value);
    if (!v || json_object_object_add(object, key, v) != 0) {
        json_object_put(v);
        return BC_ENOMEM;
    }
    return 0;
}

static int segment_to_json(const bc_segment *g, json_object **out)
{
    json_object *o = json_object_new_object();
    if (!o)
        return BC_ENOMEM;
    int rc = 0;
    if ((rc = add_int(o, "story", g->story)) ||
        (rc = add_string(o, "role", bc_role_name(g->role))) ||
        (rc = add_string(o, "speaker", g->speaker)) ||
        (rc = add_string(o, "voice", g->voice)) ||
        (rc = add_string(o, "text", g->text)) ||
        (rc = add_string(o, "display", g->display)) ||
        (rc = add_int(o, "pause_before_ms", g->pause_before_ms)) ||
        (rc = add_int(o, "pause_after_ms", g->pause_after_ms)) ||
        (rc = add_int(o, "rate_percent", g->rate_percent)) ||
        (rc = add_int(o, "pitch_offset", g->pitch_offset)) ||
        (rc = add_string(o, "chapter", g->chapter))) {
        json_object_put(o);
        return rc;
    }
    *out = o;
    return 0;
}

int bc_plan_to_json(const bc_plan *plan, char **out)
{
    if (!plan || !out)
        return BC_EINVAL;
    int rc = BC_ENOMEM;
    json_object *root = json_object_new_object();
    json_object *segments = json_object_new_array();
    if (!root || !segments) {
        json_object_put(root);
        json_object_put(segments);
        return BC_ENOMEM;
    }
    if ((rc = add_string(root, "title", plan->title)) || (rc = add_string(root, "date", plan->date)) ||
        (rc = add_string(root, "source", plan->source)))
        goto done;
    for (size_t i = 0; i < plan->segment_count; i++) {
        json_object *g;
        if ((rc = segment_to_json(&plan->segments[i], &g)))
            goto done;
        if (json_object_array_add(segments, g) != 0) {
            json_object_put(g);
            rc = BC_ENOMEM;
            goto done;
        }
    }
    if (json_object_object_add(root, "segments", segments) != 0) {
        rc = BC_ENOMEM;
        goto done;
    }
    segments = NULL; /* owned by root now */
    /* Pretty, with "/" unescaped, so the file is pleasant to edit. */
    const char *text = json_object_to_json_string_ext(
        root, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE);
    rc = BC_ENOMEM;
    if (!text)
        goto done;
    bci_buf b = {0};
    if (bci_buf_puts(&b, text) || bci_buf_putc(&b, '\n')) {
        bci_buf_free(&b);
        goto done;
    }
    *out = bci_buf_take(&b);
    rc = *out ? 0 : BC_ENOMEM;
done:
    json_object_put(segments);
    json_object_put(root);
    return rc;
}

/* Reading. Each helper returns 0, BC_EFORMAT (with a logged reason) or
 * BC_ENOMEM. */

typedef struct reader {
    const bc_logger *logger;
    size_t segment; /* 1-based, for messages; 0 outside segments */
} reader;

static int bad(const reader *r, const char *field, const char *problem)
{
    if (r->segment)
        bci_log(r->logger, BC_LOG_ERROR, "plan segment %zu, \"%s\": %s", r->segment, field, problem);
    else
        bci_log(r->logger, BC_LOG_ERROR, "plan \"%s\": %s", field, problem);
    return BC_EFORMAT;
}

/* Copies the string `key` of `o` into `*out`; absent or null leaves NULL
 * unless `required`. */
static int get_string(const reader *r, json_object *o, const char *key, bool required,
                      size_t max_bytes, char **out)
{
    json_object *v = NULL;
    if (!json_object_object_get_ex(o, key, &v) || json_object_is_type(v, json_type_null)) {
        if (required)
            return bad(r, key, "missing");
        return 0;
    }
    if (!json_object_is_type(v, json_type_string))
        return bad(r, key, "must be a string");
    const char *s = json_object_get_string(v);
    size_t length = (size_t)json_object_get_string_len(v);
    if (length > max_bytes)
        return bad(r, key, "too long");
    if (memchr(s, '\0', length))
        return bad(r, key, "holds a NUL character");
    *out = bci_strndup(s, length);
    return *out ? 0 : BC_ENOMEM;
}

static int get_int(const reader *r, json_object *o, const char *key, int64_t low, int64_t high,
                   int64_t fallback, int64_t *out)
{
    json_object *v = NULL;
    if (!json_object_object_get_ex(o, key, &v) || json_object_is_type(v, json_type_null)) {
        *out = fallback;
        return 0;
    }
    if (!json_object_is_type(v, json_type_int))
        return bad(r, key, "must be a whole number");
    errno = 0;
    int64_t value = json_object_get_int64(v);
    if (errno || value < low || value > high) {
        char message[96];
        snprintf(message, sizeof message, "must be from %lld to %lld", (long long)low,
                 (long long)high);
        return bad(r, key, message);
    }
    *out = value;
    return 0;
}

static int read_segment(reader *r, json_object *o, bc_segment *g)
{
    if (!json_object_is_type(o, json_type_object))
        return bad(r, "segments", "each segment must be an object");
    char *role = NULL;
    int rc = get_string(r, o, "role", true, 32, &role);
    if (rc)
        return rc;
    if (bc_role_parse(role, &g->role) != 0) {
        free(role);
        return bad(r, "role", "must be intro, headline, narration, attribution, quote, "
                              "transition or outro");
    }
    free(role);
    int64_t story, before, after, rate, pitch;
    if ((rc = get_int(r, o, "story", -1, INT32_MAX, -1, &story)) ||
        (rc = get_int(r, o, "pause_before_ms", 0, BC_PLAN_MAX_PAUSE_MS, 0, &before)) ||
        (rc = get_int(r, o, "pause_after_ms", 0, BC_PLAN_MAX_PAUSE_MS, 0, &after)) ||
        (rc = get_int(r, o, "rate_percent", 25, 400, 100, &rate)) ||
        (rc = get_int(r, o, "pitch_offset", -100, 100, 0, &pitch)))
        return rc;
    g->story = (int)story;
    g->pause_before_ms = (unsigned)before;
    g->pause_after_ms = (unsigned)after;
    g->rate_percent = (int)rate;
    g->pitch_offset = (int)pitch;
    if ((rc = get_string(r, o, "voice", true, 64, &g->voice)) ||
        (rc = get_string(r, o, "text", true, BC_PLAN_MAX_TEXT_BYTES, &g->text)) ||
        (rc = get_string(r, o, "display", false, BC_PLAN_MAX_TEXT_BYTES, &g->display)) ||
        (rc = get_string(r, o, "speaker", false, 256, &g->speaker)) ||
        (rc = get_string(r, o, "chapter", false, 1024, &g->chapter)))
        return rc;
    if (!g->display && !(g->display = bci_strdup(g->text)))
        return BC_ENOMEM;
    return 0;
}

int bc_plan_from_json(const char *json, size_t length, const bc_logger *logger, bc_plan **out)
{
    if ((!json && length) || !out)
        return BC_EINVAL;
    reader r = {.logger = logger};
    if (length > MAX_PLAN_JSON_BYTES) {
        bci_log(logger, BC_LOG_ERROR, "plan of %zu bytes is too large", length);
        return BC_EFORMAT;
    }
    size_t bad_offset;
    if (!bci_utf8_valid(json, length, &bad_offset)) {
        bci_log(logger, BC_LOG_ERROR, "plan is not valid UTF-8 (offset %zu)", bad_offset);
        return BC_EUTF8;
    }
    json_tokener *tok = json_tokener_new_ex(JSON_DEPTH);
    if (!tok)
        return BC_ENOMEM;
    json_object *root = json_tokener_parse_ex(tok, json, (int)length);
    enum json_tokener_error jerr = json_tokener_get_error(tok);
    size_t parsed = json_tokener_get_parse_end(tok);
    json_tokener_free(tok);
    int rc = BC_EFORMAT;
    bc_plan *plan = NULL;
    if (!root || jerr != json_tokener_success) {
        bci_log(logger, BC_LOG_ERROR, "plan is not JSON: %s at byte %zu",
                json_tokener_error_desc(jerr == json_tokener_continue ? json_tokener_error_parse_eof
                                                                       : jerr),
                parsed);
        goto fail;
    }
    for (size_t i = parsed; i < length; i++) {
        if (json[i] != ' ' && json[i] != '\n' && json[i] != '\r' && json[i] != '\t') {
            bci_log(logger, BC_LOG_ERROR, "plan has text after the JSON object (byte %zu)", i);
            goto fail;
        }
    }
    if (!json_object_is_type(root, json_type_object)) {
        bad(&r, "plan", "must be a JSON object");
        goto fail;
    }
    rc = BC_ENOMEM;
    plan = calloc(1, sizeof *plan);
    if (!plan)
        goto fail;
    if ((rc = get_string(&r, root, "title", false, 1024, &plan->title)) ||
        (rc = get_string(&r, root, "date", false, 64, &plan->date)) ||
        (rc = get_string(&r, root, "source", false, 1024, &plan->source)))
        goto fail;
    if (!plan->title && !(plan->title = bci_strdup("briefcast"))) {
        rc = BC_ENOMEM;
        goto fail;
    }
    json_object *segments = NULL;
    if (!json_object_object_get_ex(root, "segments", &segments) ||
        !json_object_is_type(segments, json_type_array)) {
        rc = bad(&r, "segments", "missing, or not a list");
        goto fail;
    }
    size_t count = json_object_array_length(segments);
    if (count == 0) {
        rc = bad(&r, "segments", "the plan has nothing to say");
        goto fail;
    }
    plan->segments = calloc(count, sizeof *plan->segments);
    rc = BC_ENOMEM;
    if (!plan->segments)
        goto fail;
    for (size_t i = 0; i < count; i++) {
        r.segment = i + 1;
        plan->segment_count = i + 1; /* so a failure frees what was read */
        if ((rc = read_segment(&r, json_object_array_get_idx(segments, i), &plan->segments[i])))
            goto fail;
    }
    json_object_put(root);
    *out = plan;
    return 0;

fail:
    json_object_put(root);
    bc_plan_free(plan);
    return rc;
}
