/* Fuzz target: the sentence splitter on any bytes; every bound must lie
 * inside the text, in order. */
#include <stdint.h>
#include <stdlib.h>

#include "briefcast/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t *bounds = NULL, count = 0;
    if (bc_split_sentences((const char *)data, size, &bounds, &count) != 0)
        return 0;
    size_t previous = 0;
    for (size_t i = 0; i < count; i++) {
        if (bounds[2 * i] < previous || bounds[2 * i] > bounds[2 * i + 1] ||
            bounds[2 * i + 1] > size)
            abort();
        previous = bounds[2 * i + 1];
    }
    free(bounds);
    return 0;
}
