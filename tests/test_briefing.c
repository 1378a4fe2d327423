/* End-to-end tests of the programme a briefing makes: the plan as JSON and
 * back, transcripts timed against the audio, speaking rate, and article
 * text that tries to act as markup or shell commands. */
#include "e2e.h"

#include <json-c/json.h>
#include <opus/opusfile.h>

#define EXAMPLE BC_SOURCE_ROOT "/examples/harbour-bridge.txt"

/* Decodes an Opus file to 48 kHz mono floats; returns the sample count. */
static size_t decode(const char *path, float **pcm)
{
    int error = 0;
    OggOpusFile *of = op_open_file(path, &error);
    assert_non_null(of);
    size_t total = (size_t)op_pcm_total(of, -1), done = 0;
    *pcm = calloc(total + 5760, sizeof **pcm);
    assert_non_null(*pcm);
    for (;;) {
        int n = op_read_float(of, *pcm + done, (int)(total + 5760 - done), NULL);
        assert_true(n >= 0);
        if (n == 0)
            break;
        done += (size_t)n;
    }
    op_free(of);
    return done;
}

static double rms(const float *pcm, size_t count, double from_s, double to_s)
{
    size_t a = from_s < 0 ? 0 : (size_t)(from_s * 48000), b = (size_t)(to_s * 48000);
    if (b > count)
        b = count;
    double sum = 0;
    for (size_t i = a; i < b; i++)
        sum += (double)pcm[i] * pcm[i];
    return b > a ? sqrt(sum / (double)(b - a)) : 0;
}

static double parse_time(const char *s)
{
    unsigned h, m, sec, ms;
    assert_int_equal(sscanf(s, "%u:%u:%u.%u", &h, &m, &sec, &ms), 4);
    return h * 3600.0 + m * 60.0 + sec + ms / 1000.0;
}

static void test_plan_json(void **state)
{
    (void)state;
    assert_int_equal(briefcast("plan --date 2026-11-28 " EXAMPLE), 0);
    char *text = tu_read_file(tu_path(6, dir, "out.txt"), NULL);
    json_object *root = json_tokener_parse(text);
    assert_non_null(root);
    json_object *segments;
    assert_true(json_object_object_get_ex(root, "segments", &segments));
    size_t count = json_object_array_length(segments);
    assert_true(count > 4);
    static const char *const roles[] = {"intro", "headline", "narration", "attribution",
                                        "quote", "transition", "outro"};
    bool saw_quote = false;
    for (size_t i = 0; i < count; i++) {
        json_object *g = json_object_array_get_idx(segments, i), *v;
        const char *keys[] = {"story", "role", "speaker", "voice", "text", "pause_before_ms",
                              "pause_after_ms"};
        for (size_t k = 0; k < 7; k++)
            assert_true(json_object_object_get_ex(g, keys[k], &v));
        json_object_object_get_ex(g, "role", &v);
        bool known = false;
        for (size_t r = 0; r < 7; r++)
            known |= strcmp(json_object_get_string(v), roles[r]) == 0;
        assert_true(known);
        saw_quote |= strcmp(json_object_get_string(v), "quote") == 0;
        json_object_object_get_ex(g, "text", &v);
        assert_true(json_object_get_string_len(v) > 0);
    }
    json_object *first = json_object_array_get_idx(segments, 0), *v;
    json_object_object_get_ex(first, "text", &v);
    assert_string_equal(json_object_get_string(v),
                        "This is briefcast, for Saturday the twenty-eighth of November.");
    json_object_object_get_ex(first, "display", &v);
    assert_string_equal(json_object_get_string(v), "This is briefcast, for Saturday the 28th of November.");
    (void)saw_quote;
    json_object_put(root);

    /* -o writes the same plan to a file */
    char args[2048];
    const char *plan = tu_path(0, dir, "plan.json");
    snprintf(args, sizeof args, "plan --date 2026-11-28 -o '%s' '%s'", plan, EXAMPLE);
    assert_int_equal(briefcast(args), 0);
    char *written = tu_read_file(plan, NULL);
    assert_string_equal(written, text);
    free(written);
    free(text);
    /* options of make alone are refused */
    assert_int_equal(briefcast("plan --bitrate 64000 " EXAMPLE), 2);
}

static void test_plan_in(void **state)
{
    (void)state;
    char args[4096];
    const char *plan = tu_path(0, dir, "plan.json");
    snprintf(args, sizeof args, "plan --no-intro --words 30 -o '%s' '%s'", plan, EXAMPLE);
    assert_int_equal(briefcast(args), 0);

    /* an editor respells a word and slows a segment down */
    json_object *root = json_object_from_file(plan), *segments, *g;
    assert_non_null(root);
    json_object_object_get_ex(root, "segments", &segments);
    g = json_object_array_get_idx(segments, 1);
    json_object_object_add(g, "text", json_object_new_string("The Kings Mouth harbour bridge will close."));
    json_object_object_add(g, "rate_percent", json_object_new_int(60));
    json_object_to_file_ext(plan, root, JSON_C_TO_STRING_PRETTY);
    json_object_put(root);

    const char *out = tu_path(1, dir, "edited.opus");
    const char *vtt = tu_path(2, dir, "edited.vtt");
    snprintf(args, sizeof args, "make --plan-in '%s' -o '%s' --vtt '%s'", plan, out, vtt);
    assert_int_equal(briefcast(args), 0);
    char *cues = tu_read_file(vtt, NULL);
    /* the transcript shows what was written, the audio says the new text */
    assert_non_null(strstr(cues, "<v Narrator>"));
    free(cues);
    float *pcm;
    size_t n = decode(out, &pcm);
    assert_true(n > 48000 * 5);
    free(pcm);

    /* a plan naming a voice that does not exist fails cleanly */
    const char *bad_voice = "{\"segments\": [{\"role\": \"narration\", \"voice\": \"nobody\", "
                            "\"text\": \"Hello.\"}]}";
    tu_write_file(plan, bad_voice, strlen(bad_voice));
    unlink(out);
    snprintf(args, sizeof args, "make --plan-in '%s' -o '%s'", plan, out);
    assert_int_equal(briefcast(args), 1);
    assert_false(tu_exists(out));
    char *err = tu_read_file(tu_path(7, dir, "err.txt"), NULL);
    assert_non_null(strstr(err, "nobody"));
    free(err);
    /* and one that is not JSON */
    tu_write_file(plan, "segments: none", 14);
    assert_int_equal(briefcast(args), 1);
    /* --plan-in takes no INPUT */
    snprintf(args, sizeof args, "make --plan-in '%s' -o '%s' '%s'", plan, out, EXAMPLE);
    assert_int_equal(briefcast(args), 2);
}

static void test_transcript_timing(void **state)
{
    (void)state;
    char args[4096];
    const char *out = tu_path(0, dir, "b.opus"), *vtt = tu_path(1, dir, "b.vtt"),
               *srt = tu_path(2, dir, "b.srt");
    /* no jingle: the chime would sound in the silence checked before the first cue */
    snprintf(args, sizeof args, "make --no-jingle '%s' -o '%s' --vtt '%s' --srt '%s'", EXAMPLE, out, vtt, srt);
    assert_int_equal(briefcast(args), 0);
    float *pcm;
    size_t n = decode(out, &pcm);
    double duration = (double)n / 48000;
    char *text = tu_read_file(vtt, NULL);
    assert_true(strncmp(text, "WEBVTT\n", 7) == 0);
    double previous_end = 0;
    size_t cues = 0;
    for (char *line = strstr(text, "-->"); line; line = strstr(line + 3, "-->")) {
        double start = parse_time(line - 13), end = parse_time(line + 4);
        assert_true(start >= previous_end - 1e-9); /* ordered */
        assert_true(end > start);
        assert_true(end <= duration + 0.05);        /* inside the audio */
        /* speech starts within 50 ms of the cue: quiet before, sound after */
        if (start > 0.3) {
            assert_true(rms(pcm, n, start - 0.25, start - 0.05) < 0.01);
            assert_true(rms(pcm, n, start + 0.05, start + 0.30) > 0.01);
        }
        assert_true(rms(pcm, n, end + 0.05, end + 0.25) < 0.01);
        char *voice = strstr(line, "\n<v ");
        assert_non_null(voice); /* every cue names its speaker */
        previous_end = end;
        cues++;
    }
    assert_true(cues > 5);
    free(text);
    free(pcm);
    char *subrip = tu_read_file(srt, NULL);
    assert_true(strncmp(subrip, "1\n00:00:00,000 --> ", 19) == 0);
    free(subrip);

    /* a real WebVTT parser (libavformat's) reads every cue */
    if (system("command -v ffprobe >/dev/null 2>&1") == 0) {
        char command[2048];
        snprintf(command, sizeof command,
                 "ffprobe -v error -show_packets -select_streams s '%s' | grep -c '^\\[PACKET\\]'", vtt);
        FILE *p = popen(command, "r");
        size_t parsed = 0;
        assert_int_equal(fscanf(p, "%zu", &parsed), 1);
        pclose(p);
        assert_int_equal(parsed, cues);
    }
}

static void test_rate(void **state)
{
    (void)state;
    char args[4096];
    const char *slow = tu_path(0, dir, "slow.opus"), *fast = tu_path(1, dir, "fast.opus");
    snprintf(args, sizeof args, "make --no-intro --full --rate 150 '%s' -o '%s'", EXAMPLE, slow);
    assert_int_equal(briefcast(args), 0);
    snprintf(args, sizeof args, "make --no-intro --full --rate 600 '%s' -o '%s'", EXAMPLE, fast);
    assert_int_equal(briefcast(args), 0);
    float *pcm;
    double slow_s = (double)decode(slow, &pcm) / 48000;
    free(pcm);
    double fast_s = (double)decode(fast, &pcm) / 48000;
    free(pcm);
    /* four times the rate: well under half the time (pauses stay as they are) */
    assert_true(fast_s < slow_s * 0.5);
    assert_int_equal(briefcast("make --rate 50 -o x.opus " EXAMPLE), 2);
}

static void test_hostile_markup(void **state)
{
    (void)state;
    /* the article names a secret file and a marker file a shell would create */
    char *article = tu_read_file(BC_SOURCE_ROOT "/tests/data/hostile-markup.txt", NULL);
    assert_non_null(article);
    const char *secret = tu_path(0, dir, "secret.wav"), *pwned = tu_path(1, dir, "pwned");
    tu_write_file(secret, "RIFF", 4);
    char expanded[8192] = "";
    for (const char *p = article; *p;) {
        const char *s = strstr(p, "BRIEFCAST_SECRET_PATH"), *w = strstr(p, "BRIEFCAST_PWNED_PATH");
        const char *next = s && (!w || s < w) ? s : w;
        if (!next) {
            strcat(expanded, p);
            break;
        }
        strncat(expanded, p, (size_t)(next - p));
        strcat(expanded, next == s ? secret : pwned);
        p = next + strlen(next == s ? "BRIEFCAST_SECRET_PATH" : "BRIEFCAST_PWNED_PATH");
    }
    free(article);
    const char *input = tu_path(2, dir, "hostile.txt");
    tu_write_file(input, expanded, strlen(expanded));

    const char *out = tu_path(3, dir, "hostile.opus");
    const char *trace = tu_path(4, dir, "trace.txt");
    char args[4096];
    bool traced = system("command -v strace >/dev/null 2>&1") == 0;
    if (traced) {
        /* LeakSanitizer cannot run under ptrace: the leak check is off here only */
        snprintf(args, sizeof args, "ASAN_OPTIONS=detect_leaks=0 strace -f -e trace=open,openat,execve -o '%s' '%s' make --full '%s' -o '%s'",
                 trace, BC_BRIEFCAST, input, out);
        assert_int_equal(tu_run(args, NULL, NULL), 0);
    } else {
        snprintf(args, sizeof args, "make --full '%s' -o '%s'", input, out);
        assert_int_equal(briefcast(args), 0);
    }
    /* nothing was run */
    assert_false(tu_exists(pwned));
    /* read as SSML, <break time="120s"/> alone would last two minutes */
    float *pcm;
    double seconds = (double)decode(out, &pcm) / 48000;
    assert_true(seconds > 15 && seconds < 90);
    /* the words inside the tags were spoken: no stretch of silence over 3 s */
    size_t quiet = 0, longest = 0, n = (size_t)(seconds * 48000);
    for (size_t i = 0; i < n; i += 480) {
        quiet = rms(pcm, n, i / 48000.0, (i + 480) / 48000.0) < 0.003 ? quiet + 480 : 0;
        longest = quiet > longest ? quiet : longest;
    }
    assert_true(longest < 3 * 48000);
    free(pcm);
    if (traced) {
        char *log = tu_read_file(trace, NULL);
        assert_null(strstr(log, secret)); /* the secret file was never opened */
        const char *exec = strstr(log, "execve(");
        assert_non_null(exec);
        assert_null(strstr(exec + 1, "execve(")); /* only briefcast itself was executed */
        free(log);
    }
}

static void test_bulletin_minutes(void **state)
{
    (void)state;
    char args[4096];
    const char *out = tu_path(0, dir, "bulletin.opus");
    snprintf(args, sizeof args,
             "make --minutes 1.5 --title 'Morning bulletin' '%s/examples/harbour-bridge.txt' "
             "'%s/examples/rooftop-gardens.txt' -o '%s'", BC_SOURCE_ROOT, BC_SOURCE_ROOT, out);
    assert_int_equal(briefcast(args), 0);
    int error = 0;
    OggOpusFile *of = op_open_file(out, &error);
    assert_non_null(of);
    double seconds = (double)op_pcm_total(of, -1) / 48000;
    assert_true(fabs(seconds - 90) <= 9); /* within 10 % of --minutes */
    const OpusTags *tags = op_tags(of, -1);
    assert_string_equal(opus_tags_query(tags, "TITLE", 0), "Morning bulletin");
    /* intro, two stories, outro */
    assert_string_equal(opus_tags_query(tags, "CHAPTER001NAME", 0), "Introduction");
    assert_string_equal(opus_tags_query(tags, "CHAPTER002NAME", 0),
                        "Harbour bridge to close for six weeks of repairs");
    assert_string_equal(opus_tags_query(tags, "CHAPTER003NAME", 0),
                        "City offices to grow vegetables on their roofs");
    assert_string_equal(opus_tags_query(tags, "CHAPTER004NAME", 0), "Outro");
    assert_null(opus_tags_query(tags, "CHAPTER005NAME", 0));
    op_free(of);
    assert_int_equal(briefcast("make --minutes 0 -o x.opus " EXAMPLE), 2);

    /* a folder stands for the files in it, in name order */
    const char *folder = tu_path(1, dir, "stories");
    mkdir(folder, 0755);
    char *a = tu_read_file(BC_SOURCE_ROOT "/examples/harbour-bridge.txt", NULL);
    char *b = tu_read_file(BC_SOURCE_ROOT "/examples/rooftop-gardens.txt", NULL);
    tu_write_file(tu_path(2, folder, "2-gardens.txt"), b, strlen(b));
    tu_write_file(tu_path(2, folder, "1-bridge.txt"), a, strlen(a));
    tu_write_file(tu_path(2, folder, ".hidden.txt"), "Hidden\n\nNot read.\n", 19);
    free(a);
    free(b);
    snprintf(args, sizeof args, "plan --no-intro '%s'", folder);
    assert_int_equal(briefcast(args), 0);
    char *plan = output();
    char *bridge = strstr(plan, "\"chapter\": \"Harbour bridge");
    char *gardens = strstr(plan, "\"chapter\": \"City offices");
    assert_non_null(bridge);
    assert_non_null(gardens);
    assert_true(bridge < gardens);
    assert_null(strstr(plan, "Not read"));
    free(plan);
    const char *empty = tu_path(3, dir, "empty");
    mkdir(empty, 0755);
    snprintf(args, sizeof args, "plan '%s'", empty);
    assert_int_equal(briefcast(args), 1);
    assert_int_equal(briefcast("make --order random -o x.opus " EXAMPLE), 2);
}

/* On a terminal (script(1) gives one) a long run shows its stages on
 * stderr; --quiet, or stderr not a terminal, shows nothing. */
static void test_progress(void **state)
{
    (void)state;
    if (system("command -v script >/dev/null 2>&1") != 0)
        skip();
    char command[4096];
    const char *typescript = tu_path(0, dir, "typescript");
    snprintf(command, sizeof command, "script -qec \"'%s' make --no-jingle '%s' -o '%s/p.opus'\" '%s'",
             BC_BRIEFCAST, EXAMPLE, dir, typescript);
    assert_int_equal(tu_run(command, NULL, NULL), 0);
    char *seen = tu_read_file(typescript, NULL);
    assert_non_null(strstr(seen, "speaking"));
    assert_non_null(strstr(seen, "mastering and encoding"));
    free(seen);
    snprintf(command, sizeof command, "script -qec \"'%s' make -q --no-jingle '%s' -o '%s/p.opus'\" '%s'",
             BC_BRIEFCAST, EXAMPLE, dir, typescript);
    assert_int_equal(tu_run(command, NULL, NULL), 0);
    seen = tu_read_file(typescript, NULL);
    assert_null(strstr(seen, "speaking"));
    free(seen);
    char args[2048];
    snprintf(args, sizeof args, "make --no-jingle '%s' -o '%s/p.opus'", EXAMPLE, dir);
    assert_int_equal(briefcast(args), 0);
    char *err = tu_read_file(tu_path(7, dir, "err.txt"), NULL);
    assert_string_equal(err, "");
    free(err);
}

#define SEED BC_SOURCE_ROOT "/../shared/data/seed/000_81a89c5fa81b19ad.txt"

/* The voice each quoted person speaks in, from a plan; checks that every
 * person is named by the narrator before their first words. */
static void seed_voices(const char *args, char *stoltenberg, char *kuleba, char *narrator)
{
    assert_int_equal(briefcast(args), 0);
    char *text = tu_read_file(tu_path(6, dir, "out.txt"), NULL);
    json_object *root = json_tokener_parse(text), *segments;
    assert_non_null(root);
    free(text);
    assert_true(json_object_object_get_ex(root, "segments", &segments));
    stoltenberg[0] = kuleba[0] = narrator[0] = '\0';
    bool named_s = false, named_k = false;
    for (size_t i = 0; i < json_object_array_length(segments); i++) {
        json_object *g = json_object_array_get_idx(segments, i), *v;
        json_object_object_get_ex(g, "speaker", &v);
        const char *speaker = json_object_get_string(v);
        json_object_object_get_ex(g, "voice", &v);
        const char *voice = json_object_get_string(v);
        json_object_object_get_ex(g, "display", &v);
        const char *display = json_object_get_string(v);
        if (!speaker) {
            strcpy(narrator, voice);
            named_s |= strstr(display, "Stoltenberg") != NULL;
            named_k |= strstr(display, "Kuleba") != NULL;
            continue;
        }
        char *slot = strstr(speaker, "Stoltenberg") ? stoltenberg : strstr(speaker, "Kuleba") ? kuleba : NULL;
        assert_non_null(slot); /* nobody else is quoted in the seed */
        assert_true(slot == stoltenberg ? named_s : named_k); /* named before their words */
        if (slot[0])
            assert_string_equal(slot, voice); /* one person, one voice */
        strcpy(slot, voice);
    }
    json_object_put(root);
}

static void test_seed_voices(void **state)
{
    (void)state;
    if (!tu_exists(SEED))
        skip();
    char s_full[64], k_full[64], n_full[64], s_sum[64], k_sum[64], n_sum[64];
    seed_voices("plan --full '" SEED "'", s_full, k_full, n_full);
    assert_true(s_full[0] && k_full[0]);
    assert_string_not_equal(s_full, k_full);
    assert_string_not_equal(s_full, n_full);
    assert_string_not_equal(k_full, n_full);
    /* a summary keeps the same voices for the same people */
    seed_voices("plan '" SEED "'", s_sum, k_sum, n_sum);
    assert_true(s_sum[0]);
    assert_string_equal(s_sum, s_full);
    if (k_sum[0])
        assert_string_equal(k_sum, k_full);
    assert_string_equal(n_sum, n_full);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_plan_json, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_in, setup, teardown),
        cmocka_unit_test_setup_teardown(test_transcript_timing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rate, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hostile_markup, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bulletin_minutes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_seed_voices, setup, teardown),
        cmocka_unit_test_setup_teardown(test_progress, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
