/* Unit tests of the encoders: Opus (libopusenc, and the parallel writer
 * of bc_programme_write()), MP3, WAV and FLAC (libsndfile): decodable
 * files with their tags, chapters and cover, the same bytes with one job
 * or two, and nothing left behind when encoding fails. */
#include "testutil.h"

#include <math.h>
#include <ebur128.h>
#include <opus/opusfile.h>
#include <sndfile.h>

#include "briefcast/encode.h"
#include "briefcast/render.h"
#include "encode/encode_internal.h"

static void write_tone(const char *path, double seconds_long, bc_encoder_settings *s)
{
    bc_encoder *e = NULL;
    assert_int_equal(bc_encoder_open(&e, path, s), 0);
    size_t n = (size_t)(48000 * seconds_long);
    float *pcm = malloc(n * sizeof *pcm);
    for (size_t i = 0; i < n; i++)
        pcm[i] = 0.3f * (float)sin(2 * M_PI * 220 * (double)i / 48000);
    assert_int_equal(bc_encoder_write(e, pcm, n), 0);
    assert_int_equal(bc_encoder_finish(e), 0);
    bc_encoder_free(e);
    free(pcm);
}

static void test_opus_file(void **state)
{
    (void)state;
    const char *dir = tu_tempdir();
    const char *path = tu_path(0, dir, "tone.opus");
    bc_chapter chapters[] = {{0, "Intro"}, {48000, "Story \xE2\x80\x93 one"}};
    bc_encoder_settings s;
    bc_encoder_default_settings(&s);
    s.serial = 12345;
    s.tags = (bc_tags){.title = "Tone", .artist = "briefcast tests", .date = "2026-11-28"};
    s.chapters = chapters;
    s.chapter_count = 2;
    write_tone(path, 2.5, &s);

    int error = 0;
    OggOpusFile *of = op_open_file(path, &error);
    assert_non_null(of);
    assert_int_equal(op_channel_count(of, -1), 1);
    ogg_int64_t total = op_pcm_total(of, -1);
    assert_true(llabs(total - 120000) < 960); /* 2.5 s at 48 kHz, within a frame */
    const OpusTags *tags = op_tags(of, -1);
    assert_string_equal(opus_tags_query(tags, "TITLE", 0), "Tone");
    assert_string_equal(opus_tags_query(tags, "ARTIST", 0), "briefcast tests");
    assert_string_equal(opus_tags_query(tags, "DATE", 0), "2026-11-28");
    assert_non_null(opus_tags_query(tags, "ENCODER", 0));
    assert_string_equal(opus_tags_query(tags, "CHAPTER002", 0), "00:00:01.000");
    assert_string_equal(opus_tags_query(tags, "CHAPTER002NAME", 0), "Story \xE2\x80\x93 one");
    assert_int_equal(op_serialno(of, -1), 12345);
    /* the bitrate is near what was asked */
    opus_int32 bitrate = op_bitrate(of, -1);
    assert_true(bitrate > 20000 && bitrate < 45000);
    op_free(of);

    /* deterministic: the same input gives the same bytes */
    const char *again = tu_path(1, dir, "again.opus");
    write_tone(again, 2.5, &s);
    size_t a_size, b_size;
    char *a = tu_read_file(path, &a_size), *b = tu_read_file(again, &b_size);
    assert_int_equal(a_size, b_size);
    assert_memory_equal(a, b, a_size);
    free(a);
    free(b);
    tu_rmtree(dir);
}

static void test_failures_leave_nothing(void **state)
{
    (void)state;
    const char *dir = tu_tempdir();
    const char *path = tu_path(0, dir, "out.opus");
    tu_write_file(path, "previous", 8);
    bc_encoder_settings s;
    bc_encoder_default_settings(&s);

    /* freed without finishing: the old file stays, no temporary is left */
    bc_encoder *e = NULL;
    assert_int_equal(bc_encoder_open(&e, path, &s), 0);
    float silence[960] = {0};
    assert_int_equal(bc_encoder_write(e, silence, 960), 0);
    bc_encoder_free(e);
    char *data = tu_read_file(path, NULL);
    assert_string_equal(data, "previous");
    free(data);
    assert_int_equal(tu_count_entries(dir), 1);

    /* a folder that does not exist */
    e = NULL;
    assert_int_equal(bc_encoder_open(&e, tu_path(1, dir, "no/such/dir/out.opus"), &s), BC_EIO);
    assert_null(e);
    assert_int_equal(bc_encoder_open(&e, path, NULL), BC_EINVAL);
    tu_rmtree(dir);
}

static void test_programme_encode(void **state)
{
    (void)state;
    const char *dir = tu_tempdir();
    bc_programme *p = NULL;
    assert_int_equal(bc_programme_new(22050, &p), 0);
    assert_int_equal(bc_programme_add_chapter(p, "Only"), 0);
    assert_int_equal(bc_programme_add_silence(p, 3000), 0);
    bc_encoder_settings s;
    bc_encoder_default_settings(&s);
    const char *path = tu_path(0, dir, "p.opus");
    assert_int_equal(bc_programme_encode(p, path, &s), 0);
    int error = 0;
    OggOpusFile *of = op_open_file(path, &error);
    assert_non_null(of);
    assert_true(llabs(op_pcm_total(of, -1) - 144000) < 960);
    op_free(of);
    bc_programme_free(p);
    tu_rmtree(dir);
}

/* A 2x2 RGB PNG, made for these tests. */
static const unsigned char cover_png[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
    0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xfd,
    0xd4, 0x9a, 0x73, 0x00, 0x00, 0x00, 0x12, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8,
    0xdf, 0xc0, 0xc0, 0xd0, 0xf0, 0x9f, 0x01, 0x42, 0x01, 0x00, 0x29, 0xf2, 0x05, 0xfd, 0x08,
    0x7d, 0x98, 0x35, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

/* A programme of `count` spoken-like bursts (a buzzy 140 Hz tone with a
 * syllable rhythm) with 500 ms pauses between them, at 22050 Hz, with a
 * chapter at the start and one halfway. */
static bc_programme *bursts(size_t count)
{
    bc_programme *p = NULL;
    assert_int_equal(bc_programme_new(22050, &p), 0);
    for (size_t k = 0; k < count; k++) {
        if (k == 0 || k == count / 2)
            assert_int_equal(bc_programme_add_chapter(p, k ? "Second half" : "First half"), 0);
        size_t n = 3 * 22050;
        int16_t *s = malloc(n * sizeof *s);
        for (size_t i = 0; i < n; i++) {
            double t = (double)i / 22050;
            double syllables = 0.5 + 0.5 * sin(2 * M_PI * 4 * t);
            double v = 0;
            for (int h = 1; h < 30; h++)
                v += sin(2 * M_PI * 140 * h * t) / h;
            s[i] = (int16_t)(3000 * sin(M_PI * t / 3) * syllables * v);
        }
        bc_speech speech = {s, n, 22050, NULL, 0};
        assert_int_equal(bc_programme_add_speech(p, &speech, NULL), 0);
        assert_int_equal(bc_programme_add_silence(p, 500), 0);
        free(s);
    }
    return p;
}

/* Decodes a file with libsndfile: its length in seconds, its loudness and
 * true peak, and its title. */
typedef struct decoded {
    double seconds;
    double lufs;
    double peak_db;
    char title[128];
} decoded;

static void measure(ebur128_state **meter, unsigned rate)
{
    *meter = ebur128_init(1, rate, EBUR128_MODE_I | EBUR128_MODE_TRUE_PEAK);
    assert_non_null(*meter);
}

static decoded finish_measure(ebur128_state *meter, size_t frames, unsigned rate)
{
    decoded d = {.seconds = (double)frames / rate};
    assert_int_equal(ebur128_loudness_global(meter, &d.lufs), EBUR128_SUCCESS);
    double peak = 0;
    assert_int_equal(ebur128_true_peak(meter, 0, &peak), EBUR128_SUCCESS);
    d.peak_db = 20 * log10(peak);
    ebur128_destroy(&meter);
    return d;
}

static decoded decode_sndfile(const char *path)
{
    SF_INFO info = {0};
    SNDFILE *f = sf_open(path, SFM_READ, &info);
    assert_non_null(f);
    assert_int_equal(info.channels, 1);
    ebur128_state *meter;
    measure(&meter, (unsigned)info.samplerate);
    float block[4096];
    size_t frames = 0;
    sf_count_t n;
    while ((n = sf_readf_float(f, block, 4096)) > 0) {
        assert_int_equal(ebur128_add_frames_float(meter, block, (size_t)n), EBUR128_SUCCESS);
        frames += (size_t)n;
    }
    const char *title = sf_get_string(f, SF_STR_TITLE);
    decoded d = finish_measure(meter, frames, (unsigned)info.samplerate);
    snprintf(d.title, sizeof d.title, "%s", title ? title : "");
    sf_close(f);
    return d;
}

static decoded decode_opus(const char *path, bool *has_picture)
{
    int error = 0;
    OggOpusFile *of = op_open_file(path, &error);
    assert_non_null(of);
    ebur128_state *meter;
    measure(&meter, 48000);
    float block[5760];
    size_t frames = 0;
    int n;
    while ((n = op_read_float(of, block, 5760, NULL)) > 0) {
        assert_int_equal(ebur128_add_frames_float(meter, block, (size_t)n), EBUR128_SUCCESS);
        frames += (size_t)n;
    }
    assert_int_equal(n, 0);
    assert_int_equal((ogg_int64_t)frames, op_pcm_total(of, -1));
    const OpusTags *tags = op_tags(of, -1);
    const char *title = opus_tags_query(tags, "TITLE", 0);
    const char *picture = opus_tags_query(tags, "METADATA_BLOCK_PICTURE", 0);
    *has_picture = false;
    if (picture) {
        OpusPictureTag tag;
        opus_picture_tag_init(&tag);
        assert_int_equal(opus_picture_tag_parse(&tag, picture), 0);
        *has_picture = tag.type == 3 && tag.width == 2 && tag.height == 2 &&
                       tag.data_length == sizeof cover_png;
        opus_picture_tag_clear(&tag);
    }
    assert_string_equal(opus_tags_query(tags, "CHAPTER002NAME", 0), "Second half");
    decoded d = finish_measure(meter, frames, 48000);
    snprintf(d.title, sizeof d.title, "%s", title ? title : "");
    op_free(of);
    return d;
}

static void test_all_codecs(void **state)
{
    (void)state;
    const char *dir = tu_tempdir();
    bc_programme *p = bursts(8); /* 28 s: more than one stretch */
    bc_encoder_settings s;
    bc_encoder_default_settings(&s);
    s.tags = (bc_tags){.title = "Bursts", .artist = "briefcast tests"};
    s.cover = cover_png;
    s.cover_size = sizeof cover_png;
    const char *names[] = {"b.opus", "b.mp3", "b.wav", "b.flac"};
    const bc_codec codecs[] = {BC_CODEC_OPUS, BC_CODEC_MP3, BC_CODEC_WAV, BC_CODEC_FLAC};
    bc_output outputs[4];
    for (size_t i = 0; i < 4; i++) {
        outputs[i] = (bc_output){tu_path((int)i, dir, names[i]), s};
        outputs[i].encoder.codec = codecs[i];
        assert_non_null(bc_codec_name(codecs[i]));
    }
    outputs[1].encoder.bitrate = 64000;
    bc_master_settings m;
    bc_master_default_settings(&m);
    m.jobs = 2;
    assert_int_equal(bc_programme_write(p, outputs, 4, &m), 0);
    double seconds = bc_programme_seconds(p);
    bool picture = false;
    decoded opus = decode_opus(outputs[0].path, &picture);
    assert_true(picture);
    decoded others[3];
    for (size_t i = 1; i < 4; i++)
        others[i - 1] = decode_sndfile(outputs[i].path);
    /* the same length (within 20 ms), loudness (within 1 LU of each other
     * and of -16 LUFS) and title; true peak at most -1 dBTP */
    const decoded *all[] = {&opus, &others[0], &others[1], &others[2]};
    for (size_t i = 0; i < 4; i++) {
        if (fabs(all[i]->seconds - seconds) > 0.02 || fabs(all[i]->lufs + 16) > 1 ||
            all[i]->peak_db > -1.0)
            print_message("%s: %.3f s (of %.3f), %.2f LUFS, %.2f dBTP\n", names[i],
                          all[i]->seconds, seconds, all[i]->lufs, all[i]->peak_db);
        assert_true(fabs(all[i]->seconds - seconds) <= 0.02);
        assert_true(fabs(all[i]->lufs - opus.lufs) <= 1.0);
        assert_true(fabs(all[i]->lufs + 16) <= 1.0);
        assert_true(all[i]->peak_db <= -1.0);
        assert_string_equal(all[i]->title, "Bursts");
    }
    /* MP3 at the bitrate asked (about 64 kbit/s over the file) */
    size_t mp3_size = 0;
    free(tu_read_file(outputs[1].path, &mp3_size));
    double kbps = mp3_size * 8 / seconds / 1000;
    assert_true(kbps > 55 && kbps < 80);

    /* one job gives the same bytes as two */
    bc_output again[4];
    const char *again_names[] = {"c.opus", "c.mp3", "c.wav", "c.flac"};
    for (size_t i = 0; i < 4; i++) {
        again[i] = outputs[i];
        again[i].path = tu_path((int)(4 + i), dir, again_names[i]);
    }
    m.jobs = 1;
    assert_int_equal(bc_programme_write(p, again, 4, &m), 0);
    for (size_t i = 0; i < 4; i++) {
        size_t a_size, b_size;
        char *a = tu_read_file(outputs[i].path, &a_size), *b = tu_read_file(again[i].path, &b_size);
        assert_int_equal(a_size, b_size);
        assert_memory_equal(a, b, a_size);
        free(a);
        free(b);
    }
    bc_programme_free(p);
    tu_rmtree(dir);
}

static void test_write_failures(void **state)
{
    (void)state;
    const char *dir = tu_tempdir();
    bc_programme *p = bursts(2);
    bc_encoder_settings s;
    bc_encoder_default_settings(&s);
    bc_output outputs[2] = {{tu_path(0, dir, "kept.opus"), s}, {NULL, s}};
    tu_write_file(outputs[0].path, "previous", 8);
    bc_master_settings m;
    bc_master_default_settings(&m);

    /* the second output cannot be written: its folder is a file */
    tu_write_file(tu_path(1, dir, "file"), "x", 1);
    outputs[1].path = tu_path(2, dir, "file/out.wav");
    outputs[1].encoder.codec = BC_CODEC_WAV;
    assert_int_equal(bc_programme_write(p, outputs, 2, &m), BC_EIO);
    /* the first is as it was, and no temporary file is left */
    char *data = tu_read_file(outputs[0].path, NULL);
    assert_string_equal(data, "previous");
    free(data);
    assert_int_equal(tu_count_entries(dir), 2);

    /* a target that is a folder fails before anything is written */
    outputs[1].path = dir;
    assert_int_equal(bc_programme_write(p, outputs, 2, &m), BC_EIO);
    data = tu_read_file(outputs[0].path, NULL);
    assert_string_equal(data, "previous");
    free(data);
    assert_int_equal(tu_count_entries(dir), 2);

    /* a cover that is no image */
    outputs[1].path = tu_path(3, dir, "second.opus");
    outputs[1].encoder.codec = BC_CODEC_OPUS;
    outputs[1].encoder.cover = "not a picture";
    outputs[1].encoder.cover_size = 13;
    assert_int_equal(bc_programme_write(p, outputs, 2, &m), BC_EENCODE);
    assert_int_equal(tu_count_entries(dir), 2);

    /* bad arguments */
    outputs[1].encoder.cover = NULL;
    outputs[1].encoder.codec = (bc_codec)42;
    assert_int_equal(bc_programme_write(p, outputs, 2, &m), BC_EINVAL);
    assert_int_equal(bc_programme_write(p, outputs, 0, &m), BC_EINVAL);
    assert_int_equal(bc_programme_write(NULL, outputs, 1, &m), BC_EINVAL);
    m.loudness = 10;
    assert_int_equal(bc_programme_write(p, outputs, 1, &m), BC_EINVAL);
    assert_int_equal(tu_count_entries(dir), 2);
    bc_programme_free(p);
    tu_rmtree(dir);
}

/* The silence packet: one packet, the same every time, that decodes to
 * silence however often it is repeated, after speech or on its own; and
 * the guard's decoder measures what was encoded. */
static void test_silence_packet(void **state)
{
    (void)state;
    bc_encoder_settings s;
    bc_encoder_default_settings(&s);
    bci_opus_packets silence = {0}, again = {0};
    assert_int_equal(bci_opus_silence(&s, &silence), 0);
    assert_int_equal(bci_opus_silence(&s, &again), 0);
    assert_int_equal(silence.count, 1);
    assert_true(silence.size > 0 && silence.size < 100);
    assert_int_equal(again.size, silence.size);
    assert_memory_equal(again.data, silence.data, silence.size);
    bci_opus_packets_clear(&again);

    /* a loud 220 Hz tone for 1 s, then 2 s of the silence packet */
    bci_opus_chunk *c = NULL;
    assert_int_equal(bci_opus_chunk_open(&c, &s), 0);
    float *pcm = calloc(48000, sizeof *pcm);
    for (size_t i = 0; i < 48000 - 4800; i++)
        pcm[i] = 0.5f * (float)sin(2 * M_PI * 220 * (double)i / 48000);
    assert_int_equal(bci_opus_chunk_write(c, pcm, 48000), 0);
    bci_opus_packets tone = {0};
    assert_int_equal(bci_opus_chunk_finish(c, false, &tone), 0);
    assert_int_equal(tone.count, 50);
    double peak = 0;
    assert_int_equal(bci_opus_packets_peak(&tone, bci_opus_chunk_lookahead(c), 0.1f, &peak), 0);
    assert_true(fabs(peak - 20 * log10(0.5)) < 1.0);
    bci_opus_chunk_free(c);

    bci_opus_packets gap = {0};
    assert_int_equal(bci_opus_packets_repeat(&gap, &silence, 100), 0);
    assert_int_equal(gap.count, 100);
    assert_int_equal(gap.size, 100 * silence.size);
    int error = 0;
    OpusDecoder *d = opus_decoder_create(48000, 1, &error);
    assert_non_null(d);
    float out[5760];
    const unsigned char *data = tone.data;
    for (size_t i = 0; i < tone.count; i++) {
        assert_int_equal(opus_decode_float(d, data, (opus_int32)tone.lengths[i], out, 5760, 0),
                         960);
        data += tone.lengths[i];
    }
    float loudest = 0;
    data = gap.data;
    for (size_t i = 0; i < gap.count; i++) {
        assert_int_equal(opus_decode_float(d, data, (opus_int32)gap.lengths[i], out, 5760, 0),
                         960);
        data += gap.lengths[i];
        /* after the tone's last 100 ms of silence and the first packet:
         * nothing over 1/16384 of full scale (-84 dBFS) */
        for (size_t k = 0; i > 0 && k < 960; k++)
            loudest = fmaxf(loudest, fabsf(out[k]));
    }
    assert_true(loudest < 1.0f / 16384);
    opus_decoder_destroy(d);
    /* the silence on its own: the guard reads nothing */
    assert_int_equal(bci_opus_packets_peak(&gap, 312, 0.1f, &peak), 0);
    assert_true(peak < -84);

    /* only one packet repeats, into an empty set; none is fine */
    assert_int_equal(bci_opus_packets_repeat(&again, &gap, 2), BC_EINVAL);
    assert_int_equal(bci_opus_packets_repeat(&gap, &silence, 2), BC_EINVAL);
    assert_int_equal(bci_opus_packets_repeat(&again, &silence, 0), 0);
    assert_int_equal(again.count, 0);
    assert_int_equal(bci_opus_packets_repeat(NULL, &silence, 1), BC_EINVAL);
    assert_int_equal(bci_opus_silence(NULL, &again), BC_EINVAL);
    assert_int_equal(bci_opus_packets_peak(&gap, 312, -1.0f, &peak), BC_EINVAL);
    s.sample_rate = 44100;
    assert_int_equal(bci_opus_silence(&s, &again), BC_EINVAL);
    bci_opus_packets_clear(&again);
    bci_opus_packets_clear(&gap);
    bci_opus_packets_clear(&tone);
    bci_opus_packets_clear(&silence);
    free(pcm);
}

/* All the samples of an Opus file at 48 kHz, and one of its tags. */
static float *read_opus_samples(const char *path, size_t *count, const char *tag, char *value,
                                size_t value_size)
{
    int error = 0;
    OggOpusFile *of = op_open_file(path, &error);
    assert_non_null(of);
    ogg_int64_t total = op_pcm_total(of, -1);
    assert_true(total > 0);
    float *samples = malloc((size_t)total * sizeof *samples);
    size_t done = 0;
    int n;
    while (done < (size_t)total &&
           (n = op_read_float(of, samples + done, (int)((size_t)total - done), NULL)) > 0)
        done += (size_t)n;
    assert_int_equal(done, (size_t)total);
    const char *v = opus_tags_query(op_tags(of, -1), tag, 0);
    snprintf(value, value_size, "%s", v ? v : "");
    op_free(of);
    *count = done;
    return samples;
}

static double snr_db(const float *reference, const float *x, size_t count)
{
    double signal = 0, noise = 0;
    for (size_t i = 0; i < count; i++) {
        signal += (double)reference[i] * reference[i];
        noise += ((double)reference[i] - x[i]) * ((double)reference[i] - x[i]);
    }
    return 10 * log10(signal / noise);
}

/* Opus alone is mastered and encoded at 24 kHz (super-wideband): it
 * decodes as close to the mastered speech as Opus at 48 kHz does, as long,
 * with the same chapters, and the same bytes with one job or two. The
 * speech: buzzy bursts and hissing noise up to 11 kHz, at 22050 Hz. */
static void test_opus_alone_at_24k(void **state)
{
    (void)state;
    const char *dir = tu_tempdir();
    bc_programme *p = bursts(4);
    uint32_t seed = 7;
    size_t n = 22050 / 3;
    int16_t *hiss = malloc(n * sizeof *hiss);
    for (size_t i = 0; i < n; i++) {
        seed = seed * 1664525u + 1013904223u;
        hiss[i] = (int16_t)((int32_t)(seed >> 16) % 1500 * sin(M_PI * (double)i / (double)n));
    }
    bc_speech speech = {hiss, n, 22050, NULL, 0};
    assert_int_equal(bc_programme_add_speech(p, &speech, NULL), 0);
    assert_int_equal(bc_programme_add_silence(p, 500), 0);
    free(hiss);

    bc_encoder_settings s;
    bc_encoder_default_settings(&s);
    bc_output alone = {tu_path(0, dir, "alone.opus"), s};
    bc_output wav = {tu_path(1, dir, "master.wav"), s};
    wav.encoder.codec = BC_CODEC_WAV;
    bc_output both[2] = {{tu_path(2, dir, "both.opus"), s}, {tu_path(3, dir, "both.wav"), s}};
    both[1].encoder.codec = BC_CODEC_WAV;
    bc_master_settings m;
    bc_master_default_settings(&m);
    m.jobs = 2;
    assert_int_equal(bc_programme_write(p, &alone, 1, &m), 0);
    assert_int_equal(bc_programme_write(p, &wav, 1, &m), 0);
    assert_int_equal(bc_programme_write(p, both, 2, &m), 0);

    SF_INFO info = {0};
    SNDFILE *f = sf_open(wav.path, SFM_READ, &info);
    assert_non_null(f);
    assert_int_equal(info.samplerate, 48000);
    float *master = malloc((size_t)info.frames * sizeof *master);
    assert_int_equal(sf_readf_float(f, master, info.frames), info.frames);
    sf_close(f);
    size_t a_count = 0, b_count = 0;
    char a_chapter[64], b_chapter[64];
    float *a = read_opus_samples(alone.path, &a_count, "CHAPTER002", a_chapter, sizeof a_chapter);
    float *b = read_opus_samples(both[0].path, &b_count, "CHAPTER002", b_chapter, sizeof b_chapter);
    /* the same length to a 48 kHz frame, the same chapters */
    assert_true(a_count + 1 >= (size_t)info.frames && a_count <= (size_t)info.frames + 1);
    assert_int_equal(b_count, (size_t)info.frames);
    assert_string_equal(a_chapter, b_chapter);
    assert_true(strlen(a_chapter) > 0);
    size_t count = a_count < (size_t)info.frames ? a_count : (size_t)info.frames;
    double snr_24k = snr_db(master, a, count), snr_48k = snr_db(master, b, count);
    if (snr_24k < 6 || snr_24k < snr_48k - 1)
        print_message("SNR at 24 kHz %.2f dB, at 48 kHz %.2f dB\n", snr_24k, snr_48k);
    assert_true(snr_24k >= 6);
    assert_true(snr_24k >= snr_48k - 1);

    /* one job: the same bytes */
    bc_output again = {tu_path(4, dir, "again.opus"), s};
    m.jobs = 1;
    assert_int_equal(bc_programme_write(p, &again, 1, &m), 0);
    size_t x_size, y_size;
    char *x = tu_read_file(alone.path, &x_size), *y = tu_read_file(again.path, &y_size);
    assert_int_equal(x_size, y_size);
    assert_memory_equal(x, y, x_size);
    free(x);
    free(y);
    free(a);
    free(b);
    free(master);
    bc_programme_free(p);
    tu_rmtree(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_opus_file),
        cmocka_unit_test(test_failures_leave_nothing),
        cmocka_unit_test(test_programme_encode),
        cmocka_unit_test(test_all_codecs),
        cmocka_unit_test(test_write_failures),
        cmocka_unit_test(test_silence_packet),
        cmocka_unit_test(test_opus_alone_at_24k),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
