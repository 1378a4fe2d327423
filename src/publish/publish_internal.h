/* Helpers shared by the writers of src/publish. */
#ifndef BRIEFCAST_PUBLISH_INTERNAL_H
#define BRIEFCAST_PUBLISH_INTERNAL_H

#include "briefcast/publish.h"
#include "common/internal.h"

/* Writes `size` bytes of `data` to `path` through a temporary file renamed
 * into place; logs the cause on failure. Errors: BC_ENOMEM, BC_EIO (errno
 * is kept). */
int bci_publish_file(const char *path, const void *data, size_t size, const bc_logger *logger);

#endif
