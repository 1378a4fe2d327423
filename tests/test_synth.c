/* Unit tests of the eSpeak NG synthesizer module. */
#include "testutil.h"

#include "briefcast/synth.h"

static const bc_voice narrator = {
    .name = "test", .language = "en-gb", .variant = NULL, .rate = 175, .pitch = 50, .range = 50,
};

static double seconds(const bc_speech *s)
{
    return (double)s->sample_count / s->sample_rate;
}

static void test_speak(void **state)
{
    (void)state;
    bc_synth *synth = NULL;
    assert_int_equal(bc_synth_open(&synth, NULL), 0);
    assert_int_equal(bc_synth_sample_rate(synth), 22050);

    /* only one synthesizer at a time: eSpeak NG is process-wide */
    bc_synth *second = NULL;
    assert_int_equal(bc_synth_open(&second, NULL), BC_EBUSY);
    assert_null(second);

    bc_speech speech = {0};
    const char *text = "The bridge will close. Traffic will divert.";
    assert_int_equal(bc_synth_speak(synth, &narrator, 0, 0, text, &speech), 0);
    assert_true(seconds(&speech) > 1.0 && seconds(&speech) < 6.0);
    /* a mark for every word, in order, inside the audio */
    size_t words = 0, sentences = 0;
    for (size_t i = 0; i < speech.mark_count; i++) {
        const bc_speech_mark *m = &speech.marks[i];
        words += m->kind == BC_MARK_WORD;
        sentences += m->kind == BC_MARK_SENTENCE;
        assert_true(m->sample <= speech.sample_count);
        assert_true(m->text_offset < strlen(text));
        if (i > 0)
            assert_true(m->sample >= speech.marks[i - 1].sample);
    }
    assert_int_equal(words, 7);
    assert_true(sentences >= 1);
    /* the word "Traffic" starts at byte 23 */
    bool found = false;
    for (size_t i = 0; i < speech.mark_count; i++)
        found |= speech.marks[i].kind == BC_MARK_WORD && speech.marks[i].text_offset == 23;
    assert_true(found);

    /* faster speech is shorter; appending keeps what was there */
    bc_speech fast = {0};
    assert_int_equal(bc_synth_speak(synth, &narrator, 450, 0, text, &fast), 0);
    assert_true(seconds(&fast) < seconds(&speech) * 0.6);
    size_t before = fast.sample_count;
    assert_int_equal(bc_synth_speak(synth, &narrator, 450, 0, "More.", &fast), 0);
    assert_true(fast.sample_count > before);

    bc_speech_clear(&fast);
    bc_speech_clear(&speech);
    bc_synth_free(synth);

    /* closed: it can be opened again */
    assert_int_equal(bc_synth_open(&synth, NULL), 0);
    bc_synth_free(synth);
}

static void test_markup_is_text(void **state)
{
    (void)state;
    bc_synth *synth = NULL;
    assert_int_equal(bc_synth_open(&synth, NULL), 0);
    bc_speech speech = {0};
    /* read as SSML this would be two minutes of silence */
    const char *text = "Hello <break time=\"120s\"/> <speak>world</speak> &amp; $(rm -rf /)";
    assert_int_equal(bc_synth_speak(synth, &narrator, 0, 0, text, &speech), 0);
    assert_true(seconds(&speech) < 20.0);
    assert_true(seconds(&speech) > 2.0); /* the markup is spoken, not dropped */
    bc_speech_clear(&speech);
    bc_synth_free(synth);
}

static void test_bad_voice(void **state)
{
    (void)state;
    bc_synth *synth = NULL;
    assert_int_equal(bc_synth_open(&synth, NULL), 0);
    bc_voice missing = narrator;
    missing.language = "xx-nonexistent";
    bc_speech speech = {0};
    assert_int_equal(bc_synth_speak(synth, &missing, 0, 0, "Hello.", &speech), BC_ENOTFOUND);
    assert_int_equal(speech.sample_count, 0);
    assert_int_equal(bc_synth_speak(synth, NULL, 0, 0, "Hello.", &speech), BC_EINVAL);
    bc_synth_free(synth);
    bc_synth_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_speak),
        cmocka_unit_test(test_markup_is_text),
        cmocka_unit_test(test_bad_voice),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
