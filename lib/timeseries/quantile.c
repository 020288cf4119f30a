/* Quantiles of a bucket, defined and computed as numpy.quantile() does (numpy 1.22+,
 * lib/function_base.py: _QuantileMethods, _get_indexes, _lerp), so that results agree to
 * the last bit: the same virtual index expression per method, the same clamping at both
 * ends, the same two-sided linear interpolation. The order statistics come from a
 * selection (expected linear time), not a full sort. */
#include "timeseries/ts_internal.h"

#include <math.h>
#include <stddef.h>

static void swap(double *a, double *b)
{
    double t = *a;
    *a = *b;
    *b = t;
}

/* Put the k-th smallest of x[0..m) at x[k], smaller-or-equal values before it and
 * greater-or-equal after (Hoare partition around a median of three; signed indexes, as
 * j may step below lo). */
static void select_kth(double *x, size_t m, size_t k)
{
    ptrdiff_t lo = 0, hi = (ptrdiff_t)m - 1, kk = (ptrdiff_t)k;
    while (hi > lo + 8) {
        ptrdiff_t mid = lo + (hi - lo) / 2;
        if (x[mid] < x[lo])
            swap(&x[mid], &x[lo]);
        if (x[hi] < x[lo])
            swap(&x[hi], &x[lo]);
        if (x[hi] < x[mid])
            swap(&x[hi], &x[mid]);
        double pivot = x[mid];
        ptrdiff_t i = lo, j = hi;
        while (i <= j) {
            while (x[i] < pivot)
                i++;
            while (pivot < x[j])
                j--;
            if (i <= j)
                swap(&x[i++], &x[j--]);
        }
        /* Now x[lo..j] <= pivot <= x[i..hi], and everything strictly between is the pivot. */
        if (kk <= j)
            hi = j;
        else if (kk >= i)
            lo = i;
        else
            return;
    }
    for (ptrdiff_t i = lo + 1; i <= hi; i++) /* insertion sort of the small rest */
        for (ptrdiff_t j = i; j > lo && x[j] < x[j - 1]; j--)
            swap(&x[j], &x[j - 1]);
}

/* The k-th smallest (0-based) of x; reorders x. */
static double order_stat(double *x, size_t m, size_t k)
{
    select_kth(x, m, k);
    return x[k];
}

/* The (k+1)-th smallest once order_stat(x, m, k) has run: the least value after x[k]. */
static double next_stat(const double *x, size_t m, size_t k)
{
    double v = x[k + 1];
    for (size_t i = k + 2; i < m; i++)
        v = x[i] < v ? x[i] : v;
    return v;
}

/* Order statistics near either end of a bucket (a percentile like the 95th of a bucket of
 * an hour's 60 samples) come from one pass keeping the few smallest (or largest) values,
 * cheaper than a selection. */
#define FEW 16

/* The j + 1 smallest values of sign * x[0..m), ascending, into buf (j < FEW, j < m). */
static void smallest(double *buf, const double *x, size_t m, size_t j, double sign)
{
    size_t n = 0;
    for (size_t i = 0; i < m; i++) {
        double y = sign * x[i];
        if (n == j + 1 && y >= buf[j])
            continue;
        size_t p = n < j + 1 ? n++ : j;
        for (; p > 0 && buf[p - 1] > y; p--)
            buf[p] = buf[p - 1];
        buf[p] = y;
    }
}

/* The k-th smallest value of x (0-based) and, when `next` is not NULL, the (k+1)-th
 * (k + 1 < m). Reorders x. */
static double order_stats(double *x, size_t m, size_t k, double *next)
{
    double buf[FEW + 1];
    size_t need = next != NULL ? 1 : 0, top = m - 1 - k; /* x(k) is the top-th largest */
    if (k + need < FEW) {
        smallest(buf, x, m, k + need, 1.0);
        if (next != NULL)
            *next = buf[k + 1];
        return buf[k];
    }
    if (top < FEW) {
        smallest(buf, x, m, top, -1.0);
        if (next != NULL)
            *next = -buf[top - 1];
        return -buf[top];
    }
    double v = order_stat(x, m, k);
    if (next != NULL)
        *next = next_stat(x, m, k);
    return v;
}

/* numpy's _lerp: a + (b - a) t, from the other end when t >= 0.5. */
static double lerp(double a, double b, double t)
{
    double diff = b - a;
    return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}

/* Interpolate at virtual index v with weight gamma (numpy's _get_indexes clamping: at or
 * past the last index the last value, below 0 the first). */
static double interpolate(double *x, size_t m, double v, double gamma)
{
    if (v >= (double)(m - 1))
        return order_stats(x, m, m - 1, NULL);
    if (v < 0.0)
        return order_stats(x, m, 0, NULL);
    double b = 0.0;
    double a = order_stats(x, m, (size_t)floor(v), &b);
    return lerp(a, b, gamma);
}

/* numpy's _discret_interpolation_to_boundaries: the previous index where `take_previous`,
 * else the next, clipped at 0. */
static double discrete(double *x, size_t m, double index, int take_previous)
{
    double previous = floor(index);
    double k = take_previous ? previous : previous + 1.0;
    if (k < 0.0)
        k = 0.0;
    return order_stats(x, m, (size_t)k, NULL);
}

/* numpy's _compute_virtual_index for the continuous methods of Hyndman and Fan. */
static double continuous_index(size_t m, double q, double alpha, double beta)
{
    return (double)m * q + (alpha + q * (1.0 - alpha - beta)) - 1.0;
}

double itsm__ts_quantile(double *x, size_t m, double q, itsm_ts_quantile_method method)
{
    double h = (double)(m - 1) * q;
    switch (method) {
    case ITSM_TS_LINEAR:
        return interpolate(x, m, h, h - floor(h));
    case ITSM_TS_LOWER:
        return order_stats(x, m, (size_t)floor(h), NULL);
    case ITSM_TS_HIGHER:
        return order_stats(x, m, (size_t)ceil(h), NULL);
    case ITSM_TS_NEAREST:
        return order_stats(x, m, (size_t)nearbyint(h), NULL); /* ties to even, as np.around */
    case ITSM_TS_MIDPOINT: {
        double v = 0.5 * (floor(h) + ceil(h));
        return interpolate(x, m, v, fmod(v, 1.0) == 0.0 ? 0.0 : 0.5);
    }
    case ITSM_TS_INVERTED_CDF: {
        double index = (double)m * q - 1.0;
        return discrete(x, m, index, index - floor(index) == 0.0);
    }
    case ITSM_TS_AVERAGED_INVERTED_CDF: {
        double v = (double)m * q - 1.0;
        return interpolate(x, m, v, v - floor(v) == 0.0 ? 0.5 : 1.0);
    }
    case ITSM_TS_CLOSEST_OBSERVATION: {
        double index = (double)m * q - 1.0 - 0.5;
        double previous = floor(index);
        int even = previous - 2.0 * floor(previous / 2.0) == 0.0; /* Python's % 2 */
        return discrete(x, m, index, index - previous == 0.0 && even);
    }
    case ITSM_TS_INTERPOLATED_INVERTED_CDF:
    case ITSM_TS_HAZEN:
    case ITSM_TS_WEIBULL:
    case ITSM_TS_MEDIAN_UNBIASED:
    case ITSM_TS_NORMAL_UNBIASED:
        break;
    }
    static const double alpha_beta[][2] = {{0.0, 1.0}, {0.5, 0.5}, {0.0, 0.0}, {1 / 3.0, 1 / 3.0}, {3 / 8.0, 3 / 8.0}};
    const double *ab = alpha_beta[method - ITSM_TS_INTERPOLATED_INVERTED_CDF];
    double v = continuous_index(m, q, ab[0], ab[1]);
    return interpolate(x, m, v, v - floor(v));
}
