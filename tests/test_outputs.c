/* End-to-end tests of `briefcast make` with every output: the Opus, MP3
 * and WAV renders of one briefing agree (length within 20 ms, loudness
 * within 1 LU, measured here with libebur128), the chapters JSON matches
 * the Opus chapters (and ffprobe reads them, when it is installed), the
 * cover is in the Opus file, one job and two give the same bytes, and a
 * failed run leaves every earlier output as it was. */
#include "e2e.h"

#include <ebur128.h>
#include <json-c/json.h>
#include <opus/opusfile.h>
#include <sndfile.h>

#define EXAMPLE BC_SOURCE_ROOT "/examples/harbour-bridge.txt"

static char *in_dir(const char *name)
{
    static char paths[16][1024];
    static int next;
    char *p = paths[next++ % 16];
    snprintf(p, 1024, "%s/%s", dir, name);
    return p;
}

typedef struct render {
    double seconds;
    double lufs;
    double peak_db;
} render;

static render finish(ebur128_state *meter, size_t frames, unsigned rate)
{
    render r = {.seconds = (double)frames / rate};
    double peak = 0;
    assert_int_equal(ebur128_loudness_global(meter, &r.lufs), EBUR128_SUCCESS);
    assert_int_equal(ebur128_true_peak(meter, 0, &peak), EBUR128_SUCCESS);
    r.peak_db = 20 * log10(peak);
    ebur128_destroy(&meter);
    return r;
}

static render read_sndfile(const char *path)
{
    SF_INFO info = {0};
    SNDFILE *f = sf_open(path, SFM_READ, &info);
    assert_non_null(f);
    ebur128_state *meter = ebur128_init(1, (unsigned)info.samplerate,
                                        EBUR128_MODE_I | EBUR128_MODE_TRUE_PEAK);
    float block[4096];
    size_t frames = 0;
    sf_count_t n;
    while ((n = sf_readf_float(f, block, 4096)) > 0) {
        ebur128_add_frames_float(meter, block, (size_t)n);
        frames += (size_t)n;
    }
    sf_close(f);
    return finish(meter, frames, (unsigned)info.samplerate);
}

static render read_opus(const char *path, const OpusTags **tags_out, OggOpusFile **file)
{
    int error = 0;
    OggOpusFile *of = op_open_file(path, &error);
    assert_non_null(of);
    ebur128_state *meter = ebur128_init(1, 48000, EBUR128_MODE_I | EBUR128_MODE_TRUE_PEAK);
    float block[5760];
    size_t frames = 0;
    int n;
    while ((n = op_read_float(of, block, 5760, NULL)) > 0) {
        ebur128_add_frames_float(meter, block, (size_t)n);
        frames += (size_t)n;
    }
    *tags_out = op_tags(of, -1);
    *file = of;
    return finish(meter, frames, 48000);
}

static bool same_file(const char *a, const char *b)
{
    size_t a_size = 0, b_size = 0;
    char *x = tu_read_file(a, &a_size), *y = tu_read_file(b, &b_size);
    bool same = x && y && a_size == b_size && memcmp(x, y, a_size) == 0;
    free(x);
    free(y);
    return same;
}

static void test_three_renders_agree(void **state)
{
    (void)state;
    /* a cover picture: the 2x2 PNG of the encoder tests, written out */
    static const unsigned char png[] = {
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
        0x44, 0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00,
        0x00, 0xfd, 0xd4, 0x9a, 0x73, 0x00, 0x00, 0x00, 0x12, 0x49, 0x44, 0x41, 0x54, 0x78,
        0x9c, 0x63, 0xf8, 0xdf, 0xc0, 0xc0, 0xd0, 0xf0, 0x9f, 0x01, 0x42, 0x01, 0x00, 0x29,
        0xf2, 0x05, 0xfd, 0x08, 0x7d, 0x98, 0x35, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
        0x44, 0xae, 0x42, 0x60, 0x82,
    };
    tu_write_file(in_dir("cover.png"), png, sizeof png);
    char args[4096];
    snprintf(args, sizeof args,
             "make --full --music --jobs 2 '%s' -o '%s' --mp3 '%s' --wav '%s' --chapters '%s' "
             "--cover '%s'", EXAMPLE, in_dir("b.opus"), in_dir("b.mp3"), in_dir("b.wav"),
             in_dir("b.json"), in_dir("cover.png"));
    assert_int_equal(briefcast(args), 0);

    const OpusTags *tags;
    OggOpusFile *of;
    render opus = read_opus(in_dir("b.opus"), &tags, &of);
    render mp3 = read_sndfile(in_dir("b.mp3"));
    render wav = read_sndfile(in_dir("b.wav"));
    print_message("opus %.3f s %.2f LUFS %.2f dBTP; mp3 %.3f s %.2f LUFS %.2f dBTP; "
                  "wav %.3f s %.2f LUFS %.2f dBTP\n", opus.seconds, opus.lufs, opus.peak_db,
                  mp3.seconds, mp3.lufs, mp3.peak_db, wav.seconds, wav.lufs, wav.peak_db);
    assert_true(opus.seconds > 20);
    assert_true(fabs(opus.seconds - wav.seconds) <= 0.02);
    assert_true(fabs(mp3.seconds - wav.seconds) <= 0.02);
    assert_true(fabs(opus.lufs - wav.lufs) <= 1.0 && fabs(mp3.lufs - wav.lufs) <= 1.0);
    assert_true(fabs(opus.lufs + 16) <= 1.0);
    assert_true(opus.peak_db <= -1.0 && mp3.peak_db <= -1.0 && wav.peak_db <= -1.0);
    assert_non_null(opus_tags_query(tags, "METADATA_BLOCK_PICTURE", 0));

    /* the chapters JSON: version, and the Opus file's chapters */
    json_object *root = json_object_from_file(in_dir("b.json"));
    assert_non_null(root);
    json_object *version, *chapters;
    assert_true(json_object_object_get_ex(root, "version", &version));
    assert_string_equal(json_object_get_string(version), "1.2.0");
    assert_true(json_object_object_get_ex(root, "chapters", &chapters));
    size_t count = json_object_array_length(chapters);
    assert_true(count >= 2);
    for (size_t i = 0; i < count; i++) {
        json_object *chapter = json_object_array_get_idx(chapters, i), *start, *title;
        assert_true(json_object_object_get_ex(chapter, "startTime", &start));
        assert_true(json_object_object_get_ex(chapter, "title", &title));
        char key[32];
        snprintf(key, sizeof key, "CHAPTER%03zuNAME", i + 1);
        assert_string_equal(opus_tags_query(tags, key, 0), json_object_get_string(title));
        snprintf(key, sizeof key, "CHAPTER%03zu", i + 1);
        int h, m;
        double s;
        assert_int_equal(sscanf(opus_tags_query(tags, key, 0), "%d:%d:%lf", &h, &m, &s), 3);
        assert_true(fabs(h * 3600 + m * 60 + s - json_object_get_double(start)) < 0.002);
        if (i == 0)
            assert_true(json_object_get_double(start) == 0.0);
    }
    op_free(of);

    /* ffprobe reads the Opus chapters with their titles and start times */
    if (system("ffprobe -version > /dev/null 2>&1") == 0) {
        char command[2048];
        snprintf(command, sizeof command,
                 "ffprobe -v error -show_chapters -of json '%s'", in_dir("b.opus"));
        assert_int_equal(tu_run(command, in_dir("probe.json"), NULL), 0);
        json_object *probe = json_object_from_file(in_dir("probe.json")), *list;
        assert_non_null(probe);
        assert_true(json_object_object_get_ex(probe, "chapters", &list));
        assert_int_equal(json_object_array_length(list), count);
        for (size_t i = 0; i < count; i++) {
            json_object *c = json_object_array_get_idx(list, i), *start, *ctags, *title;
            json_object *mine = json_object_array_get_idx(chapters, i), *mine_start, *mine_title;
            json_object_object_get_ex(mine, "startTime", &mine_start);
            json_object_object_get_ex(mine, "title", &mine_title);
            assert_true(json_object_object_get_ex(c, "start_time", &start));
            assert_true(fabs(atof(json_object_get_string(start)) -
                             json_object_get_double(mine_start)) < 0.002);
            assert_true(json_object_object_get_ex(c, "tags", &ctags));
            assert_true(json_object_object_get_ex(ctags, "title", &title));
            assert_string_equal(json_object_get_string(title), json_object_get_string(mine_title));
        }
        json_object_put(probe);
    }
    json_object_put(root);

    /* --jobs 1 gives the same bytes */
    snprintf(args, sizeof args,
             "make --full --music --jobs 1 '%s' -o '%s' --mp3 '%s' --wav '%s' --cover '%s'",
             EXAMPLE, in_dir("c.opus"), in_dir("c.mp3"), in_dir("c.wav"), in_dir("cover.png"));
    assert_int_equal(briefcast(args), 0);
    assert_true(same_file(in_dir("b.opus"), in_dir("c.opus")));
    assert_true(same_file(in_dir("b.mp3"), in_dir("c.mp3")));
    assert_true(same_file(in_dir("b.wav"), in_dir("c.wav")));
}

static void test_failed_run_keeps_outputs(void **state)
{
    (void)state;
    const char *keep[] = {"k.opus", "k.mp3", "k.wav", "k.json"};
    for (size_t i = 0; i < 4; i++)
        tu_write_file(in_dir(keep[i]), "previous", 8);
    int before = tu_count_entries(dir);
    /* the FLAC cannot be written (its folder is a file): nothing changes */
    char args[4096];
    snprintf(args, sizeof args,
             "make '%s' -o '%s' --mp3 '%s' --wav '%s' --chapters '%s' --flac '%s/k.json/x.flac'",
             EXAMPLE, in_dir("k.opus"), in_dir("k.mp3"), in_dir("k.wav"), in_dir("k.json"), dir);
    assert_int_equal(briefcast(args), 1);
    for (size_t i = 0; i < 4; i++) {
        char *data = tu_read_file(in_dir(keep[i]), NULL);
        assert_string_equal(data, "previous");
        free(data);
    }
    char *err = tu_read_file(in_dir("err.txt"), NULL);
    assert_non_null(strstr(err, "x.flac"));
    free(err);
    /* out.txt and err.txt, and no temporary files */
    assert_int_equal(tu_count_entries(dir), before + 2);

    /* a cover that is not there, and options out of range */
    snprintf(args, sizeof args, "make '%s' -o '%s' --cover '%s/none.png'", EXAMPLE,
             in_dir("k.opus"), dir);
    assert_int_equal(briefcast(args), 1);
    assert_int_equal(briefcast("make --loudness 3 -o x.opus " EXAMPLE), 2);
    assert_int_equal(briefcast("make --jobs 0 -o x.opus " EXAMPLE), 2);
    char *kept = tu_read_file(in_dir("k.opus"), NULL);
    assert_string_equal(kept, "previous");
    free(kept);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_three_renders_agree, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failed_run_keeps_outputs, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
