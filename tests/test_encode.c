/* Unit tests of the Opus encoder: a decodable file with its tags and
 * chapters, and nothing left behind when encoding fails. */
#include "testutil.h"

#include <math.h>
#include <opus/opusfile.h>

#include "briefcast/encode.h"
#include "briefcast/render.h"

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_opus_file),
        cmocka_unit_test(test_failures_leave_nothing),
        cmocka_unit_test(test_programme_encode),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
