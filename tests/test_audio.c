/* Unit tests of the programme timeline and the audio stages: gain,
 * resampler, mixer (ducking), true-peak limiter, the chain that runs them,
 * and the mastering (loudness, cuts). */
#include "testutil.h"

#include <math.h>

#include <ebur128.h>

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

/* Collects a chain's output. */
typedef struct collected {
    float *frames;
    size_t count;
    size_t capacity;
} collected;

static int collect(void *user_data, const float *frames, size_t count)
{
    collected *c = user_data;
    if (c->count + count > c->capacity)
        return BC_ENOMEM;
    memcpy(c->frames + c->count, frames, count * sizeof(float));
    c->count += count;
    return 0;
}

/* Runs `count` frames through one stage in uneven blocks; returns the output. */
static collected run_stage(const bci_stage_ops *ops, const void *config, unsigned rate,
                           const float *in, size_t count, size_t capacity)
{
    bci_chain *chain = NULL;
    bci_chain_link link = {ops, config};
    assert_int_equal(bci_chain_open(&chain, &link, 1, rate, NULL), 0);
    collected c = {calloc(capacity, sizeof(float)), 0, capacity};
    assert_non_null(c.frames);
    /* blocks of 1000 and 3 frames: the stage must not care */
    size_t at = 0;
    for (int odd = 0; at < count; odd = !odd) {
        size_t n = odd ? 3 : 1000;
        n = n < count - at ? n : count - at;
        assert_int_equal(bci_chain_push(chain, in + at, n, collect, &c), 0);
        at += n;
    }
    assert_int_equal(bci_chain_drain(chain, collect, &c), 0);
    bci_chain_free(chain);
    return c;
}

static float *tone(size_t count, unsigned rate, double frequency, double amplitude)
{
    float *x = malloc(count * sizeof *x);
    assert_non_null(x);
    for (size_t i = 0; i < count; i++)
        x[i] = (float)(amplitude * sin(2 * M_PI * frequency * (double)i / rate));
    return x;
}

static void test_gain(void **state)
{
    (void)state;
    float *x = tone(4800, 48000, 440, 0.5);
    bci_gain_config config = {-6.0206}; /* one half */
    collected c = run_stage(&bci_gain_stage, &config, 48000, x, 4800, 4800);
    assert_int_equal(c.count, 4800);
    for (size_t i = 0; i < 4800; i++)
        assert_true(fabsf(c.frames[i] - x[i] / 2) < 1e-4f);
    free(c.frames);
    /* nonsense gains are refused */
    bci_chain *chain = NULL;
    bci_gain_config bad = {NAN};
    bci_chain_link link = {&bci_gain_stage, &bad};
    assert_int_equal(bci_chain_open(&chain, &link, 1, 48000, NULL), BC_EINVAL);
    bad.gain_db = 500;
    assert_int_equal(bci_chain_open(&chain, &link, 1, 48000, NULL), BC_EINVAL);
    assert_null(chain);
    free(x);
}

static void test_resampler(void **state)
{
    (void)state;
    /* one second of a 300 Hz tone with a click at 0.5 s */
    float *x = tone(22050, 22050, 300, 0.3);
    for (size_t i = 0; i < 22050; i++)
        x[i] = i == 11025 ? 0.9f : (i > 10000 && i < 12000 ? 0.0f : x[i]);
    bci_resample_config config = {48000};
    unsigned rate = 0;
    bci_chain *chain = NULL;
    bci_chain_link link = {&bci_resample_stage, &config};
    assert_int_equal(bci_chain_open(&chain, &link, 1, 22050, &rate), 0);
    assert_int_equal(rate, 48000);
    bci_chain_free(chain);
    collected c = run_stage(&bci_resample_stage, &config, 22050, x, 22050, 60000);
    /* one second in, one second out */
    assert_true(c.count >= 47995 && c.count <= 48005);
    /* the tone keeps its level */
    float peak = 0;
    for (size_t i = 1000; i < 20000; i++)
        peak = fmaxf(peak, fabsf(c.frames[i]));
    assert_true(fabsf(peak - 0.3f) < 0.01f);
    /* and the click its place: no delay added (11025 * 48000 / 22050 = 24000) */
    size_t where = 0;
    for (size_t i = 22000; i < 26000; i++)
        if (fabsf(c.frames[i]) > fabsf(c.frames[where]))
            where = i;
    assert_true(where >= 23999 && where <= 24001);
    free(c.frames);
    /* the same rate is a copy */
    config.out_rate = 22050;
    c = run_stage(&bci_resample_stage, &config, 22050, x, 22050, 22050);
    assert_int_equal(c.count, 22050);
    assert_memory_equal(c.frames, x, 22050 * sizeof(float));
    free(c.frames);
    free(x);
}

/* The true peak (4x oversampled, as BS.1770) of `frames`, in dBTP. */
static double true_peak(const float *frames, size_t count, unsigned rate)
{
    ebur128_state *st = ebur128_init(1, rate, EBUR128_MODE_TRUE_PEAK);
    assert_non_null(st);
    assert_int_equal(ebur128_add_frames_float(st, frames, count), EBUR128_SUCCESS);
    double peak = 0;
    assert_int_equal(ebur128_true_peak(st, 0, &peak), EBUR128_SUCCESS);
    ebur128_destroy(&st);
    return 20 * log10(peak);
}

static void test_limiter_true_peak(void **state)
{
    (void)state;
    /* A tone at a quarter of the rate, sampled 45 degrees off its crests:
     * every sample is at 0.707 of the waveform's peak, so the samples read
     * -3 dB under the true peak (intersample peaks). A quiet stretch first,
     * then loud bursts over silence. */
    const unsigned rate = 48000;
    const size_t count = rate * 2;
    float *x = calloc(count, sizeof *x);
    assert_non_null(x);
    for (size_t i = 0; i < count; i++) {
        double amplitude = i < 9600 ? 0.3 : (i / 4800) % 2 ? 1.4 : 0.0;
        x[i] = (float)(amplitude * sin(2 * M_PI * ((double)i / 4 + 0.125)));
    }
    float sample_peak = 0;
    for (size_t i = 0; i < count; i++)
        sample_peak = fmaxf(sample_peak, fabsf(x[i]));
    assert_true(true_peak(x, count, rate) > 20 * log10(sample_peak) + 2.5);
    /* the limiter's own meter reads it as libebur128 does */
    bci_peak_meter meter;
    bci_peak_meter_init(&meter, 0.1f);
    bci_peak_meter_add(&meter, x, count);
    assert_true(fabs(bci_peak_meter_db(&meter) - true_peak(x, count, rate)) < 0.2);

    bci_limiter_config config = {.ceiling_db = -3.0, .lookahead_ms = 5, .release_ms = 60};
    collected c = run_stage(&bci_limiter_stage, &config, rate, x, count, count);
    assert_int_equal(c.count, count); /* delay compensated: as long as the input */
    /* the reconstructed waveform, not only the samples, stays under -3 dBTP
     * (0.1 dB: the meter's own interpolation differs from the limiter's) */
    double peak = true_peak(c.frames, c.count, rate);
    assert_true(peak <= -3.0 + 0.1);
    assert_true(peak > -3.5); /* it limits, it does not crush */
    /* aligned with the input: the quiet stretch passes unchanged until the
     * look-ahead sees the first loud burst */
    for (size_t i = 0; i < 9600 - 240; i++)
        assert_true(fabsf(c.frames[i] - x[i]) < 1e-4f);
    /* no clipping: the output is a smooth gain times the input, so at the
     * first loud sample the gain is already down (look-ahead) */
    assert_true(fabsf(c.frames[14401]) < fabsf(x[14401]) * 0.6f);
    free(c.frames);
    free(x);

    /* a ceiling above 0 dBTP is refused */
    bci_chain *chain = NULL;
    bci_limiter_config bad = {.ceiling_db = 1.0, .lookahead_ms = 5, .release_ms = 60};
    bci_chain_link link = {&bci_limiter_stage, &bad};
    assert_int_equal(bci_chain_open(&chain, &link, 1, rate, NULL), BC_EINVAL);
}

static void test_mixer_ducking(void **state)
{
    (void)state;
    const unsigned rate = 48000;
    /* speech: silence for 1 s, a 200 Hz "voice" for 1 s, silence for 2 s */
    size_t count = 4 * rate;
    float *speech = calloc(count, sizeof *speech);
    assert_non_null(speech);
    for (size_t i = rate; i < 2 * rate; i++)
        speech[i] = (float)(0.3 * sin(2 * M_PI * 200 * (double)i / rate));
    /* a bed: a constant 1 kHz tone at 0.1, looped from a short clip, with
     * fades of 0.1 s, ducked 12 dB under the speech */
    float *bed = tone(480, rate, 1000, 0.1); /* 1000 Hz fits 480 frames exactly */
    bci_mix_clip clip = {.frames = bed, .frame_count = 480, .start = 0, .length = count,
                         .loop = true, .gain = 1.0f, .fade_in = rate / 10,
                         .fade_out = rate / 10, .duck = true, .duck_db = 12};
    bci_mix_config config = {&clip, 1, 0};
    collected c = run_stage(&bci_mix_stage, &config, rate, speech, count, count);
    assert_int_equal(c.count, count);
    /* the bed alone (0.5 s) at full level; under speech (1.5 s) at -12 dB */
    double alone = 0, under = 0;
    for (size_t i = rate / 2; i < rate / 2 + 4800; i++)
        alone += fabs(c.frames[i] - speech[i]);
    for (size_t i = rate * 3 / 2; i < rate * 3 / 2 + 4800; i++)
        under += fabs(c.frames[i] - speech[i]);
    double duck_db = 20 * log10(under / alone);
    assert_true(duck_db < -11.0 && duck_db > -13.0);
    /* it starts silent (fade in) and ends silent (fade out) */
    assert_true(fabsf(c.frames[0]) < 1e-6f);
    assert_true(fabsf(c.frames[count - 1]) < 1e-6f);
    /* and comes back up after the speech */
    double after = 0;
    for (size_t i = rate * 7 / 2; i < rate * 7 / 2 + 4800; i++)
        after += fabs(c.frames[i]);
    assert_true(after / alone > 0.8);
    free(c.frames);

    /* a clip placed later, by programme position: nothing before it */
    clip = (bci_mix_clip){.frames = bed, .frame_count = 480, .start = rate, .length = 480,
                          .gain = 1.0f};
    config = (bci_mix_config){&clip, 1, rate / 2}; /* input starts at 0.5 s */
    c = run_stage(&bci_mix_stage, &config, rate, speech, rate, rate);
    for (size_t i = 0; i < rate / 2; i++)
        assert_true(fabsf(c.frames[i] - speech[i]) < 1e-6f);
    assert_true(fabsf(c.frames[rate / 2 + 120] - speech[rate / 2 + 120] - bed[120]) < 1e-6f);
    free(c.frames);
    free(bed);
    free(speech);
}

static void test_chain(void **state)
{
    (void)state;
    /* gain then resampling: rates chain, output matches each in turn */
    bci_gain_config gain = {6.0206};
    bci_resample_config resample = {48000};
    const bci_chain_link links[] = {{&bci_gain_stage, &gain}, {&bci_resample_stage, &resample}};
    bci_chain *chain = NULL;
    unsigned rate = 0;
    assert_int_equal(bci_chain_open(&chain, links, 2, 22050, &rate), 0);
    assert_int_equal(rate, 48000);
    float *x = tone(22050, 22050, 300, 0.2);
    collected c = {calloc(60000, sizeof(float)), 0, 60000};
    assert_int_equal(bci_chain_push(chain, x, 22050, collect, &c), 0);
    assert_int_equal(bci_chain_drain(chain, collect, &c), 0);
    float peak = 0;
    for (size_t i = 1000; i < 40000; i++)
        peak = fmaxf(peak, fabsf(c.frames[i]));
    assert_true(fabsf(peak - 0.4f) < 0.01f);
    bci_chain_free(chain);
    /* a sink's error stops the chain and comes back */
    c.capacity = 10;
    c.count = 0;
    assert_int_equal(bci_chain_open(&chain, links, 2, 22050, NULL), 0);
    assert_int_equal(bci_chain_push(chain, x, 22050, collect, &c), BC_ENOMEM);
    bci_chain_free(chain);
    bci_chain_free(NULL);
    assert_int_equal(bci_chain_open(&chain, links, 2, 0, NULL), BC_EINVAL);
    free(c.frames);
    free(x);
}

/* A programme of `count` 2-second "sentences" of noise-like speech with
 * 400 ms pauses, at 22050 Hz, with one cue per sentence. */
static bc_programme *talk(size_t count, double amplitude)
{
    bc_programme *p = NULL;
    assert_int_equal(bc_programme_new(22050, &p), 0);
    uint32_t seed = 1;
    for (size_t k = 0; k < count; k++) {
        size_t n = 44100;
        int16_t *s = malloc(n * sizeof *s);
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1664525u + 1013904223u;
            double envelope = sin(M_PI * (double)i / (double)n);
            double v = sin(2 * M_PI * 150 * (double)i / 22050) +
                       0.3 * ((double)(seed >> 8) / (1 << 24) - 0.5);
            s[i] = (int16_t)(amplitude * 32767 * envelope * v / 1.2);
        }
        bc_speech speech = {s, n, 22050, NULL, 0};
        size_t start;
        assert_int_equal(bc_programme_add_speech(p, &speech, &start), 0);
        assert_int_equal(bc_programme_add_cue(p, start, p->sample_count, NULL, "talk"), 0);
        assert_int_equal(bc_programme_add_silence(p, 400), 0);
        free(s);
    }
    return p;
}

static void test_master_loudness_and_cuts(void **state)
{
    (void)state;
    bc_programme *p = talk(30, 0.05); /* about 72 s, quiet */
    bc_master_settings s;
    bc_master_default_settings(&s);
    assert_true(s.loudness == -16.0 && s.true_peak == -1.0 && !s.jingle && !s.music);
    bci_master m;
    assert_int_equal(bci_master_init(&m, p, &s, 48000, 960), 0);
    assert_true(m.measured_lufs < -25);
    assert_true(m.gain_db > 5);
    bci_stretch *cuts = NULL;
    size_t count = 0;
    assert_int_equal(bci_master_cuts(&m, &cuts, &count), 0);
    /* the stretches cover the programme in order, cut on 20 ms boundaries;
     * every 400 ms pause is a silent stretch, with 20 ms of silence kept
     * on either side of it */
    assert_int_equal(count, 61); /* 30 sentences, 30 pauses, the closing silence */
    assert_int_equal(cuts[0].from, 0);
    assert_int_equal(cuts[count - 1].to, p->sample_count);
    assert_false(cuts[0].silent || cuts[count - 1].silent);
    size_t silent = 0;
    for (size_t k = 0; k < count; k++) {
        assert_true(cuts[k].from < cuts[k].to);
        assert_int_equal(cuts[k].from % 441, 0);
        if (k + 1 < count)
            assert_int_equal(cuts[k].to, cuts[k + 1].from);
        if (!cuts[k].silent)
            continue;
        silent++;
        assert_false(cuts[k - 1].silent || cuts[k + 1].silent);
        for (size_t i = cuts[k].from - 441; i < cuts[k].to + 441; i++)
            assert_int_equal(p->samples[i], 0);
    }
    assert_int_equal(silent, 30);
    /* rendering every stretch gives the whole programme at 48 kHz, at the
     * target loudness and under the ceiling; silent stretches stay silent */
    size_t total = bci_master_out_position(&m, p->sample_count);
    collected c = {calloc(total, sizeof(float)), 0, total};
    for (size_t k = 0; k < count; k++) {
        size_t before = c.count;
        assert_int_equal(bci_master_render(&m, cuts[k].from, cuts[k].to, collect, &c), 0);
        for (size_t i = before; cuts[k].silent && i < c.count; i++)
            assert_true(c.frames[i] == 0.0f);
    }
    assert_int_equal(c.count, total);
    double lufs = 0;
    assert_int_equal(bci_loudness_float(c.frames, c.count, 48000, &lufs), 0);
    assert_true(fabs(lufs + 16) < 0.5);
    assert_true(true_peak(c.frames, c.count, 48000) <= -3.0 + 0.15);
    free(c.frames);
    free(cuts);
    bci_master_clear(&m);

    /* the jingle needs its assets: a missing folder is an error */
    s.jingle = true;
    s.assets = "/nonexistent/briefcast-assets";
    assert_int_equal(bci_master_init(&m, p, &s, 48000, 960), BC_ENOTFOUND);
    s.jingle = false;
    s.loudness = 3;
    assert_int_equal(bci_master_init(&m, p, &s, 48000, 960), BC_EINVAL);
    bc_programme_free(p);

    /* silence stays silence: no gain, no error */
    assert_int_equal(bc_programme_new(22050, &p), 0);
    assert_int_equal(bc_programme_add_silence(p, 2000), 0);
    bc_master_default_settings(&s);
    assert_int_equal(bci_master_init(&m, p, &s, 48000, 960), 0);
    assert_true(m.gain_db == 0.0);
    bci_master_clear(&m);
    bc_programme_free(p);
}

static void test_master_assets(void **state)
{
    (void)state;
    /* the jingle and bed the build made, laid over a short programme */
    bc_programme *p = NULL;
    assert_int_equal(bc_programme_new(22050, &p), 0);
    bc_master_settings s;
    bc_master_default_settings(&s);
    s.jingle = true;
    s.music = true;
    s.assets = BC_BUILD_ROOT "/assets";
    assert_int_equal(bc_master_lead_in_ms(&s), 2600);
    assert_int_equal(bc_master_lead_out_ms(&s), 3400);
    assert_int_equal(bc_programme_add_silence(p, bc_master_lead_in_ms(&s)), 0);
    bc_programme *t = talk(5, 0.2);
    size_t offset = p->sample_count;
    assert_int_equal(bc_programme_add_silence(p, (unsigned)(bc_programme_seconds(t) * 1000)), 0);
    memcpy(p->samples + offset, t->samples, t->sample_count * sizeof(int16_t));
    assert_int_equal(bc_programme_add_cue(p, offset + t->cues[0].start, offset + t->cues[0].end,
                                          NULL, "first"), 0);
    assert_int_equal(bc_programme_add_silence(p, bc_master_lead_out_ms(&s)), 0);
    bc_programme_free(t);
    bci_master m;
    assert_int_equal(bci_master_init(&m, p, &s, 48000, 960), 0);
    assert_int_equal(m.clip_count, 3); /* intro and outro chime, the bed */
    size_t total = bci_master_out_position(&m, p->sample_count);
    collected c = {calloc(total, sizeof(float)), 0, total};
    assert_int_equal(bci_master_render(&m, 0, p->sample_count, collect, &c), 0);
    assert_int_equal(c.count, total);
    /* sound in the lead-in (the chime) and the lead-out (the chime again) */
    float intro = 0, outro = 0;
    for (size_t i = 0; i < 48000; i++)
        intro = fmaxf(intro, fabsf(c.frames[i]));
    for (size_t i = total - 2 * 48000; i < total - 48000; i++)
        outro = fmaxf(outro, fabsf(c.frames[i]));
    assert_true(intro > 0.01f && outro > 0.01f);
    free(c.frames);
    bci_master_clear(&m);
    bc_programme_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_timeline),
        cmocka_unit_test(test_gain),
        cmocka_unit_test(test_resampler),
        cmocka_unit_test(test_limiter_true_peak),
        cmocka_unit_test(test_mixer_ducking),
        cmocka_unit_test(test_chain),
        cmocka_unit_test(test_master_loudness_and_cuts),
        cmocka_unit_test(test_master_assets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
