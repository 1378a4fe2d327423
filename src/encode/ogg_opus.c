/* An Ogg Opus file assembled from packets made elsewhere (in parallel, one
 * stretch at a time): the OpusHead and OpusTags headers come from
 * libopusenc (tags, chapters, cover picture), the pages from libogg, with
 * the granule positions, pre-skip and end trimming of RFC 7845. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <ogg/ogg.h>

#include "encode_internal.h"

struct bci_ogg_opus {
    bci_atomic_file file;
    ogg_stream_state stream;
    bool stream_ready;
    int pre_skip;
    ogg_int64_t packet_number;
    ogg_int64_t frames;    /* 48 kHz frames in the packets so far, pre-skip included */
    bc_logger logger;
    int error;
};

static int write_page(bci_ogg_opus *w, const ogg_page *page)
{
    if (bci_atomic_write(&w->file, page->header, (size_t)page->header_len) !=
            (size_t)page->header_len ||
        bci_atomic_write(&w->file, page->body, (size_t)page->body_len) != (size_t)page->body_len)
        return BC_EIO;
    return 0;
}

/* libopusenc's header pages, captured */
static int capture_page(void *user_data, const unsigned char *data, opus_int32 length)
{
    return bci_buf_append(user_data, (const char *)data, (size_t)length) ? 1 : 0;
}

static int no_close(void *user_data)
{
    (void)user_data;
    return 0;
}

/* Has libopusenc write the header pages for `s` into `pages`. */
static int header_pages(bci_buf *pages, const bc_encoder_settings *s)
{
    OggOpusComments *comments = NULL;
    int rc = bci_opus_comments(&comments, s);
    if (rc)
        return rc;
    OpusEncCallbacks callbacks = {capture_page, no_close};
    int error = OPE_OK;
    OggOpusEnc *enc = ope_encoder_create_callbacks(&callbacks, pages, comments, BCI_OPUS_RATE, 1,
                                                   0, &error);
    ope_comments_destroy(comments);
    if (!enc)
        return error == OPE_ALLOC_FAIL ? BC_ENOMEM : BC_EENCODE;
    rc = 0;
    if (ope_encoder_ctl(enc, OPE_SET_SERIALNO((opus_int32)s->serial)) != OPE_OK ||
        ope_encoder_ctl(enc, OPUS_SET_SIGNAL(OPUS_SIGNAL_VOICE)) != OPE_OK ||
        ope_encoder_flush_header(enc) != OPE_OK)
        rc = BC_EENCODE;
    ope_encoder_destroy(enc);
    if (!rc && !pages->length)
        rc = BC_ENOMEM; /* the capture ran out of memory */
    return rc;
}

/* Moves the header packets in `pages` into w->stream, each header on pages
 * of its own, and reads the pre-skip from OpusHead. */
static int copy_headers(bci_ogg_opus *w, const bci_buf *pages)
{
    ogg_sync_state sync;
    ogg_stream_state in;
    ogg_sync_init(&sync);
    bool in_ready = false;
    int rc = BC_EENCODE;
    char *buffer = ogg_sync_buffer(&sync, (long)pages->length);
    if (!buffer)
        goto done;
    memcpy(buffer, pages->data, pages->length);
    ogg_sync_wrote(&sync, (long)pages->length);
    ogg_page page;
    ogg_packet packet;
    int headers = 0;
    while (headers < 2 && ogg_sync_pageout(&sync, &page) == 1) {
        if (!in_ready) {
            ogg_stream_init(&in, ogg_page_serialno(&page));
            in_ready = true;
        }
        ogg_stream_pagein(&in, &page);
        while (headers < 2 && ogg_stream_packetout(&in, &packet) == 1) {
            if (headers == 0) {
                /* OpusHead: "OpusHead", version, channels, pre-skip (LE16) */
                if (packet.bytes < 19 || memcmp(packet.packet, "OpusHead", 8) != 0)
                    goto done;
                w->pre_skip = packet.packet[10] | packet.packet[11] << 8;
            }
            packet.packetno = headers;
            ogg_stream_packetin(&w->stream, &packet);
            ogg_page out;
            while (ogg_stream_flush(&w->stream, &out))
                if ((rc = write_page(w, &out)))
                    goto done;
            headers++;
        }
    }
    rc = headers == 2 ? 0 : BC_EENCODE;
done:
    if (in_ready)
        ogg_stream_clear(&in);
    ogg_sync_clear(&sync);
    return rc;
}

int bci_ogg_opus_open(bci_ogg_opus **out, const char *path, const bc_encoder_settings *s)
{
    if (!out || !path || !*path || !s ||
        (s->sample_rate != BCI_OPUS_RATE && s->sample_rate != BCI_OPUS_RATE / 2))
        return BC_EINVAL;
    bci_ogg_opus *w = calloc(1, sizeof *w);
    if (!w)
        return BC_ENOMEM;
    w->logger = s->logger;
    bci_buf pages = {0};
    int rc = bci_atomic_open(&w->file, path);
    if (rc) {
        if (rc == BC_EIO)
            bci_log(&s->logger, BC_LOG_ERROR, "cannot create %s: %s", path, strerror(errno));
        free(w);
        return rc;
    }
    if (ogg_stream_init(&w->stream, (int)s->serial) != 0) {
        rc = BC_ENOMEM;
        goto fail;
    }
    w->stream_ready = true;
    if ((rc = header_pages(&pages, s)) || (rc = copy_headers(w, &pages)))
        goto fail;
    w->packet_number = 2;
    bci_buf_free(&pages);
    *out = w;
    return 0;

fail:
    bci_buf_free(&pages);
    bci_ogg_opus_free(w);
    return rc;
}

int bci_ogg_opus_pre_skip(const bci_ogg_opus *w)
{
    return w ? w->pre_skip : 0;
}

int bci_ogg_opus_add(bci_ogg_opus *w, const bci_opus_packets *p, bool last,
                     uint64_t total_frames)
{
    if (!w || !p)
        return BC_EINVAL;
    if (w->error)
        return w->error;
    int rc = 0;
    const unsigned char *data = p->data;
    for (size_t i = 0; i < p->count && !rc; i++) {
        w->frames += BCI_OPUS_FRAME;
        bool end = last && i + 1 == p->count;
        /* granules count the decoder's output, pre-skip included */
        ogg_int64_t granule = w->frames;
        /* the last page's granule ends the stream where the audio does */
        if (end && (ogg_int64_t)total_frames + w->pre_skip <= granule)
            granule = (ogg_int64_t)total_frames + w->pre_skip;
        ogg_packet packet = {
            .packet = (unsigned char *)data,
            .bytes = (long)p->lengths[i],
            .e_o_s = end,
            .granulepos = granule,
            .packetno = w->packet_number++,
        };
        data += p->lengths[i];
        if (ogg_stream_packetin(&w->stream, &packet) != 0) {
            rc = BC_ENOMEM;
            break;
        }
        ogg_page page;
        while (!rc && (end ? ogg_stream_flush(&w->stream, &page)
                           : ogg_stream_pageout(&w->stream, &page)))
            rc = write_page(w, &page);
    }
    if (!rc && ferror(w->file.stream))
        rc = BC_EIO;
    if (rc == BC_EIO && !w->error)
        bci_log(&w->logger, BC_LOG_ERROR, "cannot write %s: %s", w->file.path,
                bci_atomic_strerror(&w->file, EIO));
    if (rc)
        w->error = rc;
    return rc;
}

int bci_ogg_opus_finish(bci_ogg_opus *w)
{
    if (!w)
        return BC_EINVAL;
    if (w->error)
        return w->error;
    char *path = bci_strdup(w->file.path);
    int rc = bci_atomic_commit(&w->file);
    if (rc)
        bci_log(&w->logger, BC_LOG_ERROR, "cannot write %s: %s", path ? path : "output",
                strerror(errno));
    free(path);
    if (rc)
        w->error = rc;
    return rc;
}

void bci_ogg_opus_free(bci_ogg_opus *w)
{
    if (!w)
        return;
    if (w->stream_ready)
        ogg_stream_clear(&w->stream);
    bci_atomic_abort(&w->file);
    free(w);
}
