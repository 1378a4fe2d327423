/* True-peak metering: the waveform between samples, estimated by 4x
 * oversampling with a 48-tap interpolation filter (12 per phase, the
 * length ITU-R BS.1770-4 uses). The limiter and the meter share it. */
#include <math.h>

#include "audio_internal.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

static double sinc(double x)
{
    return fabs(x) < 1e-12 ? 1.0 : sin(M_PI * x) / (M_PI * x);
}

void bci_peak_taps(float taps[BCI_PEAK_PHASES - 1][BCI_PEAK_TAPS])
{
    for (int p = 1; p < BCI_PEAK_PHASES; p++) {
        double sum = 0;
        for (int k = 0; k < BCI_PEAK_TAPS; k++) {
            /* tap k weighs x[n - (TAPS-1-k)]; the point sits p/4 after x[n-CENTRE] */
            double u = (double)(k - (BCI_PEAK_TAPS - 1 - BCI_PEAK_CENTRE)) -
                       (double)p / BCI_PEAK_PHASES;
            /* Hann window, half-width half a tap beyond the filter */
            double w = 0.5 * (1 + cos(M_PI * u / (BCI_PEAK_TAPS / 2 + 0.5)));
            taps[p - 1][k] = (float)(sinc(u) * w);
            sum += taps[p - 1][k];
        }
        for (int k = 0; k < BCI_PEAK_TAPS; k++)
            taps[p - 1][k] = (float)(taps[p - 1][k] / sum); /* unity gain at DC */
    }
}

float bci_peak_interval(const float taps[BCI_PEAK_PHASES - 1][BCI_PEAK_TAPS],
                        const float *window, float floor)
{
    const float *centre = window + BCI_PEAK_TAPS - 1 - BCI_PEAK_CENTRE;
    float a = fabsf(centre[0]), b = fabsf(centre[1]);
    float peak = a > b ? a : b;
    /* A band-limited waveform does not rise 6 dB over the four samples
     * around an interval: when they are all under half the floor, the
     * interval is too (and the filter is not run). */
    float near = fabsf(centre[-1]) > fabsf(centre[2]) ? fabsf(centre[-1]) : fabsf(centre[2]);
    near = near > peak ? near : peak;
    if (near < 0.5f * floor)
        return peak;
    for (int p = 0; p < BCI_PEAK_PHASES - 1; p++) {
        float v = 0;
        for (int k = 0; k < BCI_PEAK_TAPS; k++)
            v += taps[p][k] * window[k];
        v = fabsf(v);
        peak = v > peak ? v : peak;
    }
    return peak;
}

void bci_peak_meter_init(bci_peak_meter *m, float floor)
{
    *m = (bci_peak_meter){.floor = floor};
    bci_peak_taps(m->taps);
}

void bci_peak_meter_add(bci_peak_meter *m, const float *frames, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        m->history[m->position] = frames[i];
        m->history[m->position + BCI_PEAK_TAPS] = frames[i];
        m->position = (m->position + 1) % BCI_PEAK_TAPS;
        float peak = bci_peak_interval((const float(*)[BCI_PEAK_TAPS])m->taps,
                                       m->history + m->position, m->floor);
        m->peak = peak > m->peak ? peak : m->peak;
    }
}

double bci_peak_meter_db(const bci_peak_meter *m)
{
    /* the last frames have no interval after them yet: zeros follow */
    bci_peak_meter tail = *m;
    static const float zeros[BCI_PEAK_CENTRE + 1];
    bci_peak_meter_add(&tail, zeros, BCI_PEAK_CENTRE + 1);
    return tail.peak > 0 ? 20 * log10(tail.peak) : -HUGE_VAL;
}
