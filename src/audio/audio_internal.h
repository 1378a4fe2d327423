/* Audio helpers shared with the render and encode stages. */
#ifndef BRIEFCAST_AUDIO_INTERNAL_H
#define BRIEFCAST_AUDIO_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "briefcast/audio.h"
#include "common/internal.h"
#include "stage.h"

/* Measures the integrated loudness of mono frames at `rate` Hz into
 * `*lufs` (-HUGE_VAL for silence). Errors: BC_EINVAL, BC_ENOMEM. */
int bci_loudness_float(const float *frames, size_t count, unsigned rate, double *lufs);

/* True peak: 4 phases, 12 taps each; an interval is known CENTRE frames
 * after its first frame arrives. */
#define BCI_PEAK_PHASES 4
#define BCI_PEAK_TAPS 12
#define BCI_PEAK_CENTRE (BCI_PEAK_TAPS / 2)

/* Fills the interpolation filters of the three points between samples. */
void bci_peak_taps(float taps[BCI_PEAK_PHASES - 1][BCI_PEAK_TAPS]);

/* The peak of the interval after window[TAPS-1-CENTRE] (`window` holds the
 * last TAPS frames, oldest first): its two samples and three points in
 * between. Intervals whose four nearest samples are under half of `floor`
 * are measured by their samples alone (the answer is then under `floor`
 * anyway), which keeps quiet stretches cheap. */
float bci_peak_interval(const float taps[BCI_PEAK_PHASES - 1][BCI_PEAK_TAPS],
                        const float *window, float floor);

/* bci_peak_interval() for `count` intervals at once, faster: peaks[j]
 * is the peak of the interval whose window starts at history[j]
 * (`history` holds count + TAPS - 1 frames, oldest first). */
void bci_peak_block(const float taps[BCI_PEAK_PHASES - 1][BCI_PEAK_TAPS], const float *history,
                    size_t count, float floor, float *peaks);

/* A streaming true-peak meter, exact for peaks over `floor` (linear). */
typedef struct bci_peak_meter {
    float taps[BCI_PEAK_PHASES - 1][BCI_PEAK_TAPS];
    float history[BCI_PEAK_TAPS - 1]; /* the last frames, oldest first */
    float floor;
    float peak;
} bci_peak_meter;

void bci_peak_meter_init(bci_peak_meter *m, float floor);
void bci_peak_meter_add(bci_peak_meter *m, const float *frames, size_t count);
/* The true peak so far, in dBTP (-HUGE_VAL for silence). */
double bci_peak_meter_db(const bci_peak_meter *m);

/* A sound file read whole into mono float frames (libsndfile; channels
 * are averaged) and resampled to `rate` Hz. */
typedef struct bci_sound {
    float *frames;
    size_t frame_count;
    unsigned rate;
} bci_sound;

/* Reads `path` into `sound` at `rate` Hz. Files longer than `max_seconds`
 * are refused. Errors: BC_EINVAL, BC_ENOMEM, BC_ENOTFOUND, BC_EFORMAT (not
 * a sound file libsndfile reads), BC_ETOOBIG. */
int bci_sound_load(bci_sound *sound, const char *path, unsigned rate, double max_seconds,
                   const bc_logger *logger);
void bci_sound_clear(bci_sound *sound);

/* A stretch of the programme, [from, to) in programme frames; `silent`
 * when it is digital silence that encoders may skip. */
typedef struct bci_stretch {
    size_t from;
    size_t to;
    bool silent;
} bci_stretch;

/* Everything needed to turn stretches of a programme into mastered frames
 * at the output rate: the gain that brings it to the loudness target, the
 * jingles and bed laid over it, and the true-peak limiter. Read-only once
 * made, so threads can render different stretches at once. */
typedef struct bci_master {
    const bc_programme *programme;
    unsigned out_rate;
    size_t out_frames;       /* length of the whole programme at out_rate */
    double gain_db;
    double measured_lufs;    /* the speech before the gain */
    double true_peak;        /* the limit of the encoded files, dBTP */
    bci_limiter_config limiter;
    bci_sound jingle;
    bci_sound bed;
    bci_mix_clip clips[3];
    size_t clip_count;
    size_t quiet_from;       /* programme frames where no clip plays: cuts may fall */
    size_t quiet_to;         /* in [quiet_from, quiet_to) */
    size_t cut_step;         /* cuts fall on multiples of this (whole codec frames) */
    bci_stretch *stretches;  /* the programme cut, see bci_master_cuts() */
    size_t stretch_count;
} bci_master;

/* Prepares `m` for `programme` with `settings`, output at `out_rate` Hz in
 * codec frames of `codec_frame` output frames (960 for Opus at 48 kHz):
 * loads the assets, cuts the programme into stretches and settles the
 * gain (on settings->jobs threads). Clear it with bci_master_clear().
 * Errors: BC_EINVAL, BC_ENOMEM, and the errors of bci_sound_load(). */
int bci_master_init(bci_master *m, const bc_programme *programme,
                    const bc_master_settings *settings, unsigned out_rate,
                    unsigned codec_frame);
void bci_master_clear(bci_master *m);

/* The output frame where programme frame `frame` lands. */
size_t bci_master_out_position(const bci_master *m, size_t frame);

/* Cuts the programme into stretches that can be mastered and encoded on
 * their own: every cut falls in a pause, on a codec frame, away from the
 * jingles and bed; every pause long enough becomes a silent stretch with
 * 20 ms of silence kept on each side in the stretches around it. The
 * stretches (`*count` of them, freed by the caller) cover the programme
 * in order; the first and last are never silent. They depend only on the
 * programme, never on the number of threads. Errors: BC_ENOMEM. */
int bci_master_cuts(const bci_master *m, bci_stretch **stretches, size_t *count);

/* Measures the programme's loudness into m->measured_lufs and sets
 * m->gain_db to bring it, limited as rendering limits it, within about
 * 0.1 LU of `target` (or as near as 4 measurements and +40 dB get),
 * measuring on `jobs` threads; needs m->stretches. Silence gets no gain.
 * Errors: BC_ENOMEM. */
int bci_master_settle(bci_master *m, double target, size_t jobs);

/* Masters programme frames [from, to) (both cuts) and hands exactly
 * bci_master_out_position(to) - bci_master_out_position(from) frames to
 * `sink`. Errors: BC_ENOMEM, or the sink's. */
int bci_master_render(const bci_master *m, size_t from, size_t to, bci_sink_fn sink,
                      void *user_data);

#endif
