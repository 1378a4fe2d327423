/* True-peak metering: the waveform between samples, estimated by 4x
 * oversampling with a 48-tap interpolation filter (12 per phase, the
 * length ITU-R BS.1770-4 uses). The limiter and the meter share it. */
#include <math.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

void bci_peak_block(const float taps[BCI_PEAK_PHASES - 1][BCI_PEAK_TAPS], const float *history,
                    size_t count, float floor, float *peaks)
{
    size_t j = 0;
#if defined(__SSE2__)
    /* Four intervals at once, one in each lane of a vector: the same
     * operations in the same order as bci_peak_interval(), so the same
     * results to the bit. */
    __m128 tap[BCI_PEAK_PHASES - 1][BCI_PEAK_TAPS];
    for (int p = 0; p < BCI_PEAK_PHASES - 1; p++)
        for (int k = 0; k < BCI_PEAK_TAPS; k++)
            tap[p][k] = _mm_set1_ps(taps[p][k]);
    const __m128 sign = _mm_set1_ps(-0.0f);
    const __m128 half_floor = _mm_set1_ps(0.5f * floor);
    for (; j + 4 <= count; j += 4) {
        const float *h = history + j;
        __m128 sum0 = _mm_setzero_ps(), sum1 = _mm_setzero_ps(), sum2 = _mm_setzero_ps();
        for (int k = 0; k < BCI_PEAK_TAPS; k++) {
            __m128 x = _mm_loadu_ps(h + k);
            sum0 = _mm_add_ps(sum0, _mm_mul_ps(tap[0][k], x));
            sum1 = _mm_add_ps(sum1, _mm_mul_ps(tap[1][k], x));
            sum2 = _mm_add_ps(sum2, _mm_mul_ps(tap[2][k], x));
        }
        const float *centre = h + BCI_PEAK_TAPS - 1 - BCI_PEAK_CENTRE;
        __m128 a = _mm_andnot_ps(sign, _mm_loadu_ps(centre));
        __m128 b = _mm_andnot_ps(sign, _mm_loadu_ps(centre + 1));
        __m128 peak = _mm_max_ps(a, b);
        __m128 near = _mm_max_ps(_mm_andnot_ps(sign, _mm_loadu_ps(centre - 1)),
                                 _mm_andnot_ps(sign, _mm_loadu_ps(centre + 2)));
        near = _mm_max_ps(near, peak);
        __m128 between = _mm_max_ps(_mm_max_ps(_mm_andnot_ps(sign, sum0),
                                               _mm_andnot_ps(sign, sum1)),
                                    _mm_andnot_ps(sign, sum2));
        __m128 loud = _mm_cmpge_ps(near, half_floor);
        peak = _mm_max_ps(peak, _mm_and_ps(loud, between));
        _mm_storeu_ps(peaks + j, peak);
    }
#endif
    for (; j < count; j++)
        peaks[j] = bci_peak_interval(taps, history + j, floor);
}

void bci_peak_meter_init(bci_peak_meter *m, float floor)
{
    *m = (bci_peak_meter){.floor = floor};
    bci_peak_taps(m->taps);
}

void bci_peak_meter_add(bci_peak_meter *m, const float *frames, size_t count)
{
    enum { KEPT = BCI_PEAK_TAPS - 1, CHUNK = 256 };
    float window[KEPT + CHUNK];
    float peaks[CHUNK];
    memcpy(window, m->history, sizeof m->history);
    while (count) {
        size_t n = count < CHUNK ? count : CHUNK;
        memcpy(window + KEPT, frames, n * sizeof *frames);
        bci_peak_block((const float(*)[BCI_PEAK_TAPS])m->taps, window, n, m->floor, peaks);
        for (size_t j = 0; j < n; j++)
            m->peak = peaks[j] > m->peak ? peaks[j] : m->peak;
        memmove(window, window + n, KEPT * sizeof *window);
        frames += n;
        count -= n;
    }
    memcpy(m->history, window, sizeof m->history);
}

double bci_peak_meter_db(const bci_peak_meter *m)
{
    /* the last frames have no interval after them yet: zeros follow */
    bci_peak_meter tail = *m;
    static const float zeros[BCI_PEAK_CENTRE + 1];
    bci_peak_meter_add(&tail, zeros, BCI_PEAK_CENTRE + 1);
    return tail.peak > 0 ? 20 * log10(tail.peak) : -HUGE_VAL;
}
