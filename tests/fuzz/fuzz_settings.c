/* Fuzz target: the "key = value" readers (voice profiles, podcast channel
 * settings) and the podcast feed reader, on any bytes. */
#include <stdint.h>
#include <stdlib.h>

#include "briefcast/podcast.h"
#include "briefcast/voice.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bc_voice_set *set = NULL;
    if (bc_voice_set_new(&set) == 0) {
        bc_voice_set_add(set, "fuzz", (const char *)data, size, NULL);
        bc_voice_set_free(set);
    }
    bc_podcast_channel channel;
    if (bc_podcast_channel_parse((const char *)data, size, NULL, &channel) == 0)
        bc_podcast_channel_clear(&channel);
    /* the bytes as an existing feed to add an episode to */
    bc_podcast_channel_default(&channel);
    channel.title = "Fuzz";
    channel.description = "Fuzz";
    channel.image = "https://example.org/c.png";
    bc_podcast_episode episode = {.title = "E", .date = "2026-11-28",
                                  .mp3_url = "https://example.org/e.mp3", .mp3_bytes = 1};
    char *feed = NULL;
    if (bc_podcast_feed_update((const char *)data, size, &channel, &episode, NULL, &feed) == 0)
        free(feed);
    return 0;
}
