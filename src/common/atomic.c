/* Files that appear complete or not at all: written beside the target under
 * a temporary name, then renamed over it. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <stdatomic.h>
#include <unistd.h>

#include "internal.h"

int bci_atomic_open(bci_atomic_file *f, const char *path)
{
    *f = (bci_atomic_file){0};
    const char *slash = strrchr(path, '/');
    size_t dir_length = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = slash ? slash + 1 : path;
    struct stat st;
    if (!*base || (stat(path, &st) == 0 && S_ISDIR(st.st_mode))) {
        errno = EISDIR; /* found now, not when the rename fails at the end */
        return BC_EIO;
    }
    size_t temp_size = dir_length + strlen(base) + sizeof ".~.tmp.ffffffffffffffff";
    f->path = bci_strdup(path);
    f->temp_path = malloc(temp_size);
    if (!f->path || !f->temp_path)
        goto fail_nomem;
    /* open() with O_EXCL and 0666 gives the temporary file the permissions a
     * new output would get (the umask applies), unlike mkstemp's 0600. */
    static atomic_uint counter; /* distinct names for files opened at once */
    int fd = -1;
    for (unsigned attempt = 0; fd < 0 && attempt < 100; attempt++) {
        unsigned long long tag = (unsigned long long)getpid() << 20 ^ (atomic_fetch_add(&counter, 1) + 1) ^ (unsigned long long)attempt << 40;
        snprintf(f->temp_path, temp_size, "%.*s.%s.tmp.%llx", (int)dir_length, path, base, tag);
        fd = open(f->temp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST)
            goto fail_io;
    }
    if (fd < 0)
        goto fail_io;
    f->stream = fdopen(fd, "wb");
    if (!f->stream) {
        int saved = errno;
        close(fd);
        unlink(f->temp_path);
        errno = saved;
        goto fail_io;
    }
    return 0;

fail_io: {
        int saved = errno;
        free(f->path);
        free(f->temp_path);
        *f = (bci_atomic_file){0};
        errno = saved;
        return BC_EIO;
    }
fail_nomem:
    free(f->path);
    free(f->temp_path);
    *f = (bci_atomic_file){0};
    return BC_ENOMEM;
}

int bci_atomic_commit(bci_atomic_file *f)
{
    if (!f->stream)
        return BC_EIO;
    int failed = ferror(f->stream) || fflush(f->stream) != 0 || fsync(fileno(f->stream)) != 0;
    int saved = errno;
    if (fclose(f->stream) != 0 && !failed) {
        failed = 1;
        saved = errno;
    }
    f->stream = NULL;
    if (!failed && rename(f->temp_path, f->path) != 0) {
        failed = 1;
        saved = errno;
    }
    if (failed) {
        bci_atomic_abort(f);
        errno = saved ? saved : EIO;
        return BC_EIO;
    }
    free(f->path);
    free(f->temp_path);
    *f = (bci_atomic_file){0};
    return 0;
}

void bci_atomic_abort(bci_atomic_file *f)
{
    int saved = errno;
    if (f->stream)
        fclose(f->stream);
    if (f->temp_path)
        unlink(f->temp_path);
    free(f->path);
    free(f->temp_path);
    *f = (bci_atomic_file){0};
    errno = saved;
}

size_t bci_atomic_write(bci_atomic_file *f, const void *data, size_t size)
{
    errno = 0;
    size_t done = fwrite(data, 1, size, f->stream);
    if (done != size && !f->error)
        f->error = errno ? errno : EIO;
    return done;
}

const char *bci_atomic_strerror(const bci_atomic_file *f, int fallback)
{
    return strerror(f && f->error ? f->error : fallback ? fallback : EIO);
}

int bc_write_file(const char *path, const void *data, size_t size)
{
    if (!path || !*path || (!data && size))
        return BC_EINVAL;
    bci_atomic_file f;
    int rc = bci_atomic_open(&f, path);
    if (rc)
        return rc;
    if (size && bci_atomic_write(&f, data, size) != size) {
        int saved = f.error;
        bci_atomic_abort(&f);
        errno = saved;
        return BC_EIO;
    }
    return bci_atomic_commit(&f);
}
