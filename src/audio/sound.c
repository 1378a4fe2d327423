/* Sound files read whole (the jingle and the music bed), through
 * libsndfile, mixed down to mono and resampled with the resample stage. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <sndfile.h>

#include "audio_internal.h"

/* Frames read from the file per call. */
#define READ_BLOCK 4096

typedef struct collect {
    float *frames;
    size_t count;
    size_t capacity;
} collect;

static int collect_frames(void *user_data, const float *frames, size_t count)
{
    collect *c = user_data;
    void *items = c->frames;
    if (bci_reserve(&items, &c->capacity, c->count + count, sizeof(float)))
        return BC_ENOMEM;
    c->frames = items;
    memcpy(c->frames + c->count, frames, count * sizeof(float));
    c->count += count;
    return 0;
}

int bci_sound_load(bci_sound *sound, const char *path, unsigned rate, double max_seconds,
                   const bc_logger *logger)
{
    if (!sound || !path || !rate)
        return BC_EINVAL;
    *sound = (bci_sound){0};
    SF_INFO info = {0};
    SNDFILE *file = sf_open(path, SFM_READ, &info);
    if (!file) {
        bool missing = errno == ENOENT;
        bci_log(logger, BC_LOG_ERROR, "%s: %s", path,
                missing ? "no such file" : sf_strerror(NULL));
        return missing ? BC_ENOTFOUND : BC_EFORMAT;
    }
    float *block = NULL;
    bci_chain *chain = NULL;
    collect c = {0};
    int rc = BC_ETOOBIG;
    if (info.channels < 1 || info.samplerate < 1 ||
        (double)info.frames > max_seconds * info.samplerate) {
        bci_log(logger, BC_LOG_ERROR, "%s: longer than %.0f seconds", path, max_seconds);
        goto done;
    }
    rc = BC_ENOMEM;
    if (!(block = malloc((size_t)READ_BLOCK * (size_t)info.channels * sizeof(float))))
        goto done;
    bci_resample_config resample = {.out_rate = rate};
    bci_chain_link link = {&bci_resample_stage, &resample};
    if ((rc = bci_chain_open(&chain, &link, 1, (unsigned)info.samplerate, NULL)))
        goto done;
    for (;;) {
        sf_count_t n = sf_readf_float(file, block, READ_BLOCK);
        if (n <= 0)
            break;
        for (sf_count_t i = 0; i < n; i++) {
            float sum = 0;
            for (int k = 0; k < info.channels; k++)
                sum += block[i * info.channels + k];
            block[i] = sum / (float)info.channels;
        }
        if ((rc = bci_chain_push(chain, block, (size_t)n, collect_frames, &c)))
            goto done;
    }
    if (sf_error(file)) {
        bci_log(logger, BC_LOG_ERROR, "%s: %s", path, sf_strerror(file));
        rc = BC_EFORMAT;
        goto done;
    }
    if ((rc = bci_chain_drain(chain, collect_frames, &c)))
        goto done;
    if (c.count == 0) {
        bci_log(logger, BC_LOG_ERROR, "%s: no sound in the file", path);
        rc = BC_EFORMAT;
        goto done;
    }
    *sound = (bci_sound){.frames = c.frames, .frame_count = c.count, .rate = rate};
    c.frames = NULL;
    rc = 0;

done:
    free(c.frames);
    bci_chain_free(chain);
    free(block);
    sf_close(file);
    return rc;
}

void bci_sound_clear(bci_sound *sound)
{
    if (!sound)
        return;
    free(sound->frames);
    *sound = (bci_sound){0};
}
