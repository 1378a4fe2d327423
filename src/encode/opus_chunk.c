/* Opus packets of one stretch of a programme, made by libopus directly.
 * Each stretch gets a fresh encoder with the settings of the whole file;
 * stretches begin and end in digital silence (see bci_master_cuts()), so
 * packets of consecutive stretches decode as one continuous stream. */
#include <stdlib.h>
#include <string.h>

#include "audio/audio_internal.h"
#include "encode_internal.h"

/* The most a 20 ms packet can take: 1275 bytes (RFC 6716, 3.2.1). */
#define MAX_PACKET 1275
/* Silence: the packet is taken once the encoder has given the same one 4
 * times running, or after 2 s. */
#define SILENCE_SETTLED 3
#define SILENCE_FRAMES 100

struct bci_opus_chunk {
    OpusEncoder *encoder;
    float frame[BCI_OPUS_FRAME];
    size_t frame_size;  /* 20 ms at the coding rate */
    size_t filled;
    int lookahead;      /* at the coding rate */
    int scale;          /* 48 kHz frames per frame at the coding rate */
    bci_opus_packets packets;
};

void bci_opus_packets_clear(bci_opus_packets *p)
{
    if (!p)
        return;
    free(p->data);
    free(p->lengths);
    *p = (bci_opus_packets){0};
}

int bci_opus_chunk_open(bci_opus_chunk **out, const bc_encoder_settings *s)
{
    if (!out || !s || (s->sample_rate != BCI_OPUS_RATE && s->sample_rate != BCI_OPUS_RATE / 2))
        return BC_EINVAL;
    bci_opus_chunk *c = calloc(1, sizeof *c);
    if (!c)
        return BC_ENOMEM;
    c->frame_size = s->sample_rate / 50;
    c->scale = (int)(BCI_OPUS_RATE / s->sample_rate);
    int error = OPUS_OK;
    /* AUDIO, as libopusenc uses, so the pre-skip it writes is right */
    c->encoder = opus_encoder_create((opus_int32)s->sample_rate, 1, OPUS_APPLICATION_AUDIO,
                                     &error);
    opus_int32 lookahead = 0;
    if (!c->encoder || opus_encoder_ctl(c->encoder, OPUS_SET_BITRATE(s->bitrate)) != OPUS_OK ||
        opus_encoder_ctl(c->encoder, OPUS_SET_COMPLEXITY(s->complexity)) != OPUS_OK ||
        opus_encoder_ctl(c->encoder, OPUS_SET_SIGNAL(OPUS_SIGNAL_VOICE)) != OPUS_OK ||
        opus_encoder_ctl(c->encoder, OPUS_GET_LOOKAHEAD(&lookahead)) != OPUS_OK) {
        bci_opus_chunk_free(c);
        return error == OPUS_ALLOC_FAIL ? BC_ENOMEM : BC_EENCODE;
    }
    c->lookahead = (int)lookahead;
    *out = c;
    return 0;
}

static int encode_frame(bci_opus_chunk *c)
{
    bci_opus_packets *p = &c->packets;
    void *items = p->data;
    if (bci_reserve(&items, &p->capacity, p->size + MAX_PACKET, 1))
        return BC_ENOMEM;
    p->data = items;
    items = p->lengths;
    if (bci_reserve(&items, &p->length_capacity, p->count + 1, sizeof(uint32_t)))
        return BC_ENOMEM;
    p->lengths = items;
    opus_int32 n = opus_encode_float(c->encoder, c->frame, (int)c->frame_size, p->data + p->size,
                                     MAX_PACKET);
    if (n < 0)
        return BC_EENCODE;
    p->size += (size_t)n;
    p->lengths[p->count++] = (uint32_t)n;
    c->filled = 0;
    return 0;
}

int bci_opus_chunk_write(bci_opus_chunk *c, const float *pcm, size_t frames)
{
    if (!c || (!pcm && frames))
        return BC_EINVAL;
    while (frames) {
        size_t n = c->frame_size - c->filled;
        n = n < frames ? n : frames;
        memcpy(c->frame + c->filled, pcm, n * sizeof(float));
        c->filled += n;
        pcm += n;
        frames -= n;
        int rc;
        if (c->filled == c->frame_size && (rc = encode_frame(c)))
            return rc;
    }
    return 0;
}

int bci_opus_chunk_finish(bci_opus_chunk *c, bool last, bci_opus_packets *out)
{
    if (!c || !out)
        return BC_EINVAL;
    /* The last stretch also pushes out the encoder's look-ahead; the
     * others end on a whole frame, and their look-ahead is silence that
     * the next stretch's fresh encoder gives back. */
    size_t owed = c->filled + (last ? (size_t)c->lookahead : 0);
    size_t frames = (owed + c->frame_size - 1) / c->frame_size;
    for (size_t i = 0; i < frames; i++) {
        memset(c->frame + c->filled, 0, (c->frame_size - c->filled) * sizeof(float));
        c->filled = c->frame_size;
        int rc = encode_frame(c);
        if (rc)
            return rc;
    }
    *out = c->packets;
    c->packets = (bci_opus_packets){0};
    return 0;
}

int bci_opus_chunk_lookahead(const bci_opus_chunk *c)
{
    return c ? c->lookahead * c->scale : 0;
}

void bci_opus_chunk_free(bci_opus_chunk *c)
{
    if (!c)
        return;
    if (c->encoder)
        opus_encoder_destroy(c->encoder);
    bci_opus_packets_clear(&c->packets);
    free(c);
}

int bci_opus_packets_peak(const bci_opus_packets *p, int pre_skip, float floor, double *dbtp)
{
    if (!p || !dbtp || pre_skip < 0 || !(floor >= 0))
        return BC_EINVAL;
    int error = OPUS_OK;
    OpusDecoder *decoder = opus_decoder_create(BCI_OPUS_RATE, 1, &error);
    bci_peak_meter *meter = malloc(sizeof *meter);
    /* 120 ms: the longest an Opus packet decodes to */
    float *pcm = malloc(5760 * sizeof *pcm);
    int rc = BC_ENOMEM;
    if (!decoder || !meter || !pcm)
        goto done;
    rc = 0;
    bci_peak_meter_init(meter, floor);
    const unsigned char *data = p->data;
    size_t skip = (size_t)pre_skip; /* the fresh encoder's look-ahead: no audio of this stretch */
    for (size_t i = 0; i < p->count && !rc; i++) {
        int n = opus_decode_float(decoder, data, (opus_int32)p->lengths[i], pcm, 5760, 0);
        data += p->lengths[i];
        if (n < 0) {
            rc = BC_EENCODE;
            break;
        }
        size_t first = skip < (size_t)n ? skip : (size_t)n;
        skip -= first;
        bci_peak_meter_add(meter, pcm + first, (size_t)n - first);
    }
    if (!rc)
        *dbtp = bci_peak_meter_db(meter);

done:
    if (decoder)
        opus_decoder_destroy(decoder);
    free(meter);
    free(pcm);
    return rc;
}

int bci_opus_packets_repeat(bci_opus_packets *out, const bci_opus_packets *one, size_t count)
{
    if (!out || !one || one->count != 1 || (count && out->count))
        return BC_EINVAL;
    size_t length = one->lengths[0];
    if (count > SIZE_MAX / (length ? length : 1))
        return BC_ENOMEM;
    void *items = out->data;
    if (bci_reserve(&items, &out->capacity, count * length, 1))
        return BC_ENOMEM;
    out->data = items;
    items = out->lengths;
    if (bci_reserve(&items, &out->length_capacity, count, sizeof(uint32_t)))
        return BC_ENOMEM;
    out->lengths = items;
    for (size_t i = 0; i < count; i++) {
        memcpy(out->data + i * length, one->data, length);
        out->lengths[i] = (uint32_t)length;
    }
    out->size = count * length;
    out->count = count;
    return 0;
}

int bci_opus_silence(const bc_encoder_settings *s, bci_opus_packets *out)
{
    if (!s || !out)
        return BC_EINVAL;
    bci_opus_chunk *c = NULL;
    int rc = bci_opus_chunk_open(&c, s);
    if (rc)
        return rc;
    /* the encoder settles on one packet for silence within about 25
     * frames (half a second); its state no longer changes after that */
    bci_opus_packets *p = &c->packets;
    size_t settled = 0;
    for (int frame = 0; frame < SILENCE_FRAMES && settled < SILENCE_SETTLED && !rc; frame++) {
        memset(c->frame, 0, sizeof c->frame);
        c->filled = c->frame_size;
        if ((rc = encode_frame(c)) || p->count < 2)
            continue;
        size_t last = p->lengths[p->count - 1], before = p->lengths[p->count - 2];
        const unsigned char *a = p->data + p->size - last, *b = a - before;
        settled = last == before && memcmp(a, b, last) == 0 ? settled + 1 : 0;
    }
    if (!rc) {
        size_t last = p->lengths[p->count - 1];
        bci_opus_packets one = {p->data + p->size - last, last, last, &(uint32_t){(uint32_t)last},
                                1, 1};
        *out = (bci_opus_packets){0};
        rc = bci_opus_packets_repeat(out, &one, 1);
    }
    bci_opus_chunk_free(c);
    return rc;
}
