/* Fuzz target: a plan read from JSON, written back and read again; the
 * second reading must give the same JSON. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "briefcast/plan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bc_plan *plan = NULL;
    if (bc_plan_from_json((const char *)data, size, NULL, &plan) != 0)
        return 0;
    char *json = NULL, *again = NULL;
    bc_plan *second = NULL;
    if (bc_plan_to_json(plan, &json) != 0 ||
        bc_plan_from_json(json, strlen(json), NULL, &second) != 0 ||
        bc_plan_to_json(second, &again) != 0 || strcmp(json, again) != 0)
        abort();
    free(json);
    free(again);
    bc_plan_free(second);
    bc_plan_free(plan);
    return 0;
}
