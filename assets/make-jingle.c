/* make-jingle: synthesises briefcast's sound assets from oscillators and
 * envelopes, so the project owns every sound it plays.
 *
 *   make-jingle OUTDIR
 *
 * writes OUTDIR/jingle.flac (a 3-second chime: a rising arpeggio of soft
 * bell tones settling on a chord) and OUTDIR/bed.flac (an 8-second pad of
 * four chords that loops without a seam), both 48 kHz mono 16-bit. The
 * output is the same on every run. The build runs it; the files are
 * installed with the voices. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sndfile.h>

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

#define RATE 48000
#define JINGLE_SECONDS 3.0
#define BED_SECONDS 8.0

/* Adds a bell-like note: a few partials, the higher ones dying sooner, with
 * a 4 ms attack so the onset is soft and cannot click. */
static void add_bell(float *out, size_t length, double start, double frequency, double amplitude)
{
    static const double ratio[] = {1.0, 2.0, 3.0, 4.16};
    static const double level[] = {1.0, 0.28, 0.10, 0.05};
    static const double decay[] = {0.9, 0.45, 0.3, 0.2}; /* seconds to fall by 1/e */
    size_t first = (size_t)(start * RATE);
    for (size_t i = first; i < length; i++) {
        double t = (double)(i - first) / RATE;
        double attack = t < 0.004 ? t / 0.004 : 1.0;
        double v = 0;
        for (size_t k = 0; k < sizeof ratio / sizeof ratio[0]; k++)
            v += level[k] * exp(-t / decay[k]) * sin(2 * M_PI * frequency * ratio[k] * t);
        out[i] += (float)(amplitude * attack * v);
    }
}

static void normalise(float *out, size_t length, double peak_db)
{
    float peak = 0;
    for (size_t i = 0; i < length; i++)
        peak = fmaxf(peak, fabsf(out[i]));
    if (peak == 0)
        return;
    float gain = (float)(pow(10.0, peak_db / 20.0) / peak);
    for (size_t i = 0; i < length; i++)
        out[i] *= gain;
}

static void make_jingle(float *out, size_t length)
{
    /* G4 C5 E5 G5, 110 ms apart, then C5 E5 G5 C6 together */
    static const double arpeggio[] = {392.00, 523.25, 659.26, 783.99};
    static const double chord[] = {523.25, 659.26, 783.99, 1046.50};
    for (size_t i = 0; i < 4; i++)
        add_bell(out, length, 0.11 * (double)i, arpeggio[i], 0.5);
    for (size_t i = 0; i < 4; i++)
        add_bell(out, length, 0.60, chord[i], 0.35);
    /* a fade over the last half second ends it in silence */
    size_t fade = RATE / 2;
    for (size_t i = 0; i < fade; i++)
        out[length - fade + i] *= (float)(1.0 - (double)i / (double)fade);
    normalise(out, length, -6.0);
}

/* Adds one chord of the pad: soft sine voices with a little second
 * harmonic, swelling in and out under a raised cosine over `span`
 * seconds from `start`; time wraps around the loop so the end joins the
 * beginning. */
static void add_pad_chord(float *out, size_t length, double start, double span,
                          const double *notes, size_t note_count)
{
    size_t frames = (size_t)(span * RATE);
    for (size_t i = 0; i < frames; i++) {
        double t = (double)i / RATE;
        double envelope = 0.5 - 0.5 * cos(2 * M_PI * t / span);
        double v = 0;
        for (size_t k = 0; k < note_count; k++) {
            double phase = 2 * M_PI * notes[k] * t;
            v += sin(phase) + 0.15 * sin(2 * phase);
        }
        long at = (long)(start * RATE) + (long)i;
        size_t index = (size_t)((at % (long)length + (long)length) % (long)length);
        out[index] += (float)(envelope * v / (double)note_count);
    }
}

static void make_bed(float *out, size_t length)
{
    /* C major, A minor, F major, G major: two seconds each, overlapping */
    static const double chords[4][3] = {
        {261.63, 329.63, 392.00},
        {220.00, 261.63, 329.63},
        {174.61, 220.00, 261.63},
        {196.00, 246.94, 293.66},
    };
    for (size_t c = 0; c < 4; c++)
        add_pad_chord(out, length, 2.0 * (double)c - 0.75, 3.5, chords[c], 3);
    normalise(out, length, -12.0);
}

static int write_flac(const char *dir, const char *name, const float *frames, size_t length)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    SF_INFO info = {.samplerate = RATE, .channels = 1, .format = SF_FORMAT_FLAC | SF_FORMAT_PCM_16};
    SNDFILE *f = sf_open(path, SFM_WRITE, &info);
    if (!f) {
        fprintf(stderr, "make-jingle: %s: %s\n", path, sf_strerror(NULL));
        return 1;
    }
    int failed = sf_writef_float(f, frames, (sf_count_t)length) != (sf_count_t)length;
    if (sf_close(f) != 0 || failed) {
        fprintf(stderr, "make-jingle: cannot write %s\n", path);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: make-jingle OUTDIR\n");
        return 2;
    }
    size_t jingle_length = (size_t)(JINGLE_SECONDS * RATE);
    size_t bed_length = (size_t)(BED_SECONDS * RATE);
    float *jingle = calloc(jingle_length, sizeof *jingle);
    float *bed = calloc(bed_length, sizeof *bed);
    if (!jingle || !bed) {
        fprintf(stderr, "make-jingle: out of memory\n");
        return 1;
    }
    make_jingle(jingle, jingle_length);
    make_bed(bed, bed_length);
    int status = write_flac(argv[1], "jingle.flac", jingle, jingle_length) ||
                 write_flac(argv[1], "bed.flac", bed, bed_length);
    free(jingle);
    free(bed);
    return status;
}
