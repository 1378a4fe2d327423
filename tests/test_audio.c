/* Unit tests of the programme timeline and the resampler. */
#include "testutil.h"

#include <math.h>

#include "audio/audio_internal.h"
#include "briefcast/audio.h"

static void test_timeline(void **state)
{
    (void)state;
    bc_programme *p = NULL;
    assert_int_equal(bc_programme_new(22050, &p), 0);
    assert_int_equal(bc_programme_add_silence(p, 1000), 0);
    assert_int_equal(p->sample_count, 22050);
    assert_int_equal(bc_programme_add_chapter(p, "Story"), 0);
    assert_int_equal(p->chapters[0].sample, 22050);

    /* speech: 0.1 s silence, 0.5 s of tone, 0.2 s silence */
    int16_t samples[17640] = {0};
    for (size_t i = 2205; i < 2205 + 11025; i++)
        samples[i] = (int16_t)(8000 * sin(2 * M_PI * 440 * (double)i / 22050));
    bc_speech speech = {samples, 17640, 22050, NULL, 0};
    size_t first;
    assert_int_equal(bc_programme_add_speech(p, &speech, &first), 0);
    assert_int_equal(first, 22050);
    size_t added = p->sample_count - 22050;
    /* silence trimmed to 10 ms each side; within the rounding of the trim */
    assert_true(added >= 11025 && added <= 11025 + 2 * 221 + 2);
    /* faded in and out: the first and last samples are silent */
    assert_int_equal(p->samples[first], 0);
    assert_true(abs(p->samples[p->sample_count - 1]) < 200);
    assert_int_equal(bc_programme_add_cue(p, first, p->sample_count, NULL, "A tone."), 0);
    assert_int_equal(p->cue_count, 1);
    assert_null(p->cues[0].speaker);
    assert_true(fabs(bc_programme_seconds(p) - (double)p->sample_count / 22050) < 1e-9);

    bc_speech other_rate = {samples, 100, 16000, NULL, 0};
    assert_int_equal(bc_programme_add_speech(p, &other_rate, NULL), BC_EINVAL);
    bc_programme_free(p);
    bc_programme_free(NULL);
}

static void test_resampler_length(void **state)
{
    (void)state;
    bci_resampler *r = NULL;
    assert_int_equal(bci_resampler_open(&r, 22050, 48000), 0);
    static int16_t in[22050];
    for (size_t i = 0; i < 22050; i++)
        in[i] = (int16_t)(10000 * sin(2 * M_PI * 300 * (double)i / 22050));
    static float out[60000];
    size_t total = 0, position = 0;
    for (;;) {
        bool drain = position >= 22050;
        size_t take = drain ? 0 : (22050 - position < 4000 ? 22050 - position : 4000);
        size_t used = 0, made = 0;
        assert_int_equal(bci_resampler_process(r, drain ? NULL : in + position, take, &used,
                                               out + total, sizeof out / sizeof out[0] - total,
                                               &made), 0);
        position += used;
        total += made;
        if (drain && made == 0)
            break;
    }
    /* one second in, one second out */
    assert_true(total >= 47990 && total <= 48010);
    /* the tone keeps its level */
    float peak = 0;
    for (size_t i = 1000; i < 47000; i++)
        peak = fabsf(out[i]) > peak ? fabsf(out[i]) : peak;
    assert_true(fabsf(peak - 10000.0f / 32768.0f) < 0.02f);
    bci_resampler_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_timeline),
        cmocka_unit_test(test_resampler_length),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
