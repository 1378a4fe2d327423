/* The podcast feed of `briefcast make --feed`: the channel settings and the
 * existing feed are read and checked before any audio is made, and the feed
 * is written last, atomically, so a failed run never touches it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

int cli_feed_prepare(cli_feed *f, cli_log *log)
{
    char *config = NULL;
    size_t config_size = 0;
    if (cli_read_input(f->config, (size_t)1 << 20, &config, &config_size))
        return BC_EIO;
    bc_logger logger = cli_logger(log);
    int rc = bc_podcast_channel_parse(config, config_size, &logger, &f->channel);
    free(config);
    if (rc) {
        cli_fail(log, f->config, rc);
        return rc;
    }
    f->have_channel = true;
    struct stat st;
    if (stat(f->path, &st) == 0) {
        if ((rc = cli_read_input(f->path, (size_t)64 << 20, &f->existing, &f->existing_size)))
            return rc;
        /* check now that it is a feed we can add to, before the long work */
        bc_podcast_episode probe = {.title = "check", .date = "2000-01-01",
                                    .mp3_url = "https://example.invalid/check.mp3"};
        char *out = NULL;
        rc = bc_podcast_feed_update(f->existing, f->existing_size, &f->channel, &probe, &logger,
                                    &out);
        free(out);
        if (rc) {
            cli_fail(log, f->path, rc);
            return rc;
        }
    } else if (errno != ENOENT) {
        cli_error("%s: %s", f->path, strerror(errno));
        return BC_EIO;
    }
    return 0;
}

/* `base` + "/" + the last part of `path`, in a new string. */
static char *url_of(const char *base, const char *path)
{
    if (!path)
        return NULL;
    const char *name = strrchr(path, '/');
    name = name ? name + 1 : path;
    size_t n = strlen(base);
    bool slash = n > 0 && base[n - 1] == '/';
    size_t size = n + 1 + strlen(name) + 1;
    char *url = malloc(size);
    if (url)
        snprintf(url, size, "%s%s%s", base, slash ? "" : "/", name);
    return url;
}

static size_t file_size(const char *path)
{
    struct stat st;
    return path && stat(path, &st) == 0 ? (size_t)st.st_size : 0;
}

int cli_feed_publish(cli_feed *f, const cli_episode_files *files, bc_podcast_episode *e,
                     cli_log *log)
{
    char *mp3 = url_of(f->base_url, files->mp3), *opus = url_of(f->base_url, files->opus);
    char *vtt = url_of(f->base_url, files->vtt), *chapters = url_of(f->base_url, files->chapters);
    char *page = url_of(f->base_url, files->page);
    int rc = BC_ENOMEM;
    char *feed = NULL;
    if (!mp3 || !opus || (files->vtt && !vtt) || (files->chapters && !chapters) ||
        (files->page && !page)) {
        cli_error("out of memory");
        goto done;
    }
    e->mp3_url = mp3;
    e->mp3_bytes = file_size(files->mp3);
    e->opus_url = opus;
    e->opus_bytes = file_size(files->opus);
    e->vtt_url = vtt;
    e->chapters_url = chapters;
    e->page_url = page;
    bc_logger logger = cli_logger(log);
    rc = bc_podcast_feed_update(f->existing, f->existing_size, &f->channel, e, &logger, &feed);
    if (rc) {
        cli_fail(log, f->path, rc);
        goto done;
    }
    if ((rc = bc_write_file(f->path, feed, strlen(feed))))
        cli_error("%s: cannot write: %s", f->path, strerror(errno));
done:
    free(feed);
    free(mp3);
    free(opus);
    free(vtt);
    free(chapters);
    free(page);
    return rc;
}

void cli_feed_clear(cli_feed *f)
{
    free(f->existing);
    if (f->have_channel)
        bc_podcast_channel_clear(&f->channel);
    f->existing = NULL;
    f->have_channel = false;
}
