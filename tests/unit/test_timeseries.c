/* Time series (itsm/timeseries.h): grids, resampling, quantiles by every method, heat maps
 * over DST days, trends and threshold crossings. Expected values are derived by hand in the
 * comments; the Python tests cross-check the same functions against numpy and pandas on
 * random data. */
#include "itsm_test.h"

#include <math.h>
#include <stdlib.h>

#define MIN 60
#define HOUR 3600
#define DAY 86400
/* 2024-01-01T00:00:00Z */
#define JAN1 INT64_C(1704067200)

static void assert_close(double got, double want)
{
    if (!(fabs(got - want) <= 1e-12 * fabs(want) + 1e-300)) {
        print_error("got %.17g, want %.17g\n", got, want);
        fail();
    }
}

/* ---- grids -------------------------------------------------------------------------------- */

static void test_grid_checks(void **state)
{
    (void)state;
    itsm_ts_grid g = ITSM_TS_GRID_INIT;
    const itsm_instant t[] = {JAN1 + 30, JAN1 + 310};
    int64_t idx[2];
    g.grain = 7;
    assert_itsm_error(itsm_ts_bucket_index(idx, &g, t, 2), ITSM_EINVAL, "grid.grain = 7 s neither divides a day");
    g.grain = 90000;
    assert_itsm_error(itsm_ts_grid_cover(&g, t, 2), ITSM_EINVAL, "grid.grain = 90000 s");
    g.grain = 0;
    assert_itsm_error(itsm_ts_grid_cover(&g, t, 2), ITSM_EINVAL, "grid.grain = 0 s");
    g = (itsm_ts_grid)ITSM_TS_GRID_INIT;
    g.first = 30;
    g.n_buckets = 1;
    assert_itsm_error(itsm_ts_bucket_index(idx, &g, t, 2), ITSM_EINVAL, "grid.first = 30 is not a multiple of 60");
    g.grain = 7 * DAY;
    g.first = 3 * HOUR;
    assert_itsm_error(itsm_ts_bucket_index(idx, &g, t, 2), ITSM_EINVAL, "buckets of days start at midnight");
    g = (itsm_ts_grid)ITSM_TS_GRID_INIT;
    g.n_buckets = SIZE_MAX / 2;
    assert_itsm_error(itsm_ts_bucket_index(idx, &g, t, 2), ITSM_EINVAL, "is too long");
    g = (itsm_ts_grid)ITSM_TS_GRID_INIT;
    g.version = 7;
    assert_itsm_error(itsm_ts_bucket_index(idx, &g, t, 2), ITSM_EVERSION, "grid version 7");
    g = (itsm_ts_grid)ITSM_TS_GRID_INIT;
    const itsm_instant far[] = {JAN1, INT64_C(9000000000)};
    assert_itsm_error(itsm_ts_grid_cover(&g, far, 2), ITSM_ERANGE, "t[1]");
    g.n_buckets = 10;
    assert_itsm_error(itsm_ts_bucket_index(idx, &g, far, 2), ITSM_ERANGE, "t[1]");
}

static void test_grid_cover_and_index(void **state)
{
    (void)state;
    /* 00:00:30 and 00:05:10 UTC at one minute: buckets from 00:00 to 00:05, six of them. */
    itsm_ts_grid g = ITSM_TS_GRID_INIT;
    const itsm_instant t[] = {JAN1 + 310, JAN1 + 30, JAN1 + 60, JAN1 + 119};
    assert_itsm_ok(itsm_ts_grid_cover(&g, t, 4));
    assert_int_equal(g.first, JAN1);
    assert_int_equal(g.n_buckets, 6);
    int64_t idx[4];
    assert_itsm_ok(itsm_ts_bucket_index(idx, &g, t, 4));
    assert_int_equal(idx[0], 5);
    assert_int_equal(idx[1], 0);
    assert_int_equal(idx[2], 1);
    assert_int_equal(idx[3], 1);
    /* A shorter grid: the 00:05 sample falls outside. */
    g.n_buckets = 2;
    assert_itsm_ok(itsm_ts_bucket_index(idx, &g, t, 4));
    assert_int_equal(idx[0], -1);
    assert_int_equal(idx[3], 1);
    /* No samples: no buckets. */
    assert_itsm_ok(itsm_ts_grid_cover(&g, NULL, 0));
    assert_int_equal(g.n_buckets, 0);
    /* Days in Tokyo (+09:00): 2024-01-01T20:00Z is 2024-01-02 05:00 local, so the grid
     * starts at the local midnight of 01-02, wall 2024-01-02T00:00 = JAN1 + DAY. */
    itsm_tz *tokyo = itsm_test_zone("Asia/Tokyo");
    itsm_ts_grid d = {ITSM_TS_GRID_VERSION, DAY, tokyo, 0, 0};
    const itsm_instant evening[] = {JAN1 + 20 * HOUR, JAN1 + 14 * HOUR};
    assert_itsm_ok(itsm_ts_grid_cover(&d, evening, 2));
    assert_int_equal(d.first, JAN1);
    assert_int_equal(d.n_buckets, 2); /* 01-01 23:00 JST and 01-02 05:00 JST */
    assert_itsm_ok(itsm_ts_bucket_index(idx, &d, evening, 2));
    assert_int_equal(idx[0], 1);
    assert_int_equal(idx[1], 0);
    /* Weekly buckets start on the day of `first` (a Monday here). */
    itsm_ts_grid w = {ITSM_TS_GRID_VERSION, 7 * DAY, NULL, JAN1, 2};
    const itsm_instant week[] = {JAN1 + 6 * DAY + 86399, JAN1 + 7 * DAY};
    assert_itsm_ok(itsm_ts_bucket_index(idx, &w, week, 2));
    assert_int_equal(idx[0], 0);
    assert_int_equal(idx[1], 1);
    itsm_tz_free(tokyo);
}

/* ---- resampling --------------------------------------------------------------------------- */

static void test_resample_by_hand(void **state)
{
    (void)state;
    /* Three one-hour buckets from 2024-01-01T00:00Z. Series 0:
     *   bucket 0: 00:00 -> 10, 00:20 -> 20, 00:40 -> 60: count 3, sum 90, mean 30, min 10,
     *             max 60; median (h = 2 x 0.5 = 1) 20; q 0.9 (h = 1.8) 20 + 0.8 x 40 = 52.
     *   bucket 1: only 01:30 -> NaN (missing): no data.
     *   bucket 2: 02:10 -> 5: everything 5.
     *   03:00 -> 7 is outside the grid.
     * Series 1 is series 0 doubled (the NaN stays NaN). */
    const itsm_instant t[] = {JAN1 + 40 * MIN, JAN1, JAN1 + 90 * MIN, JAN1 + 20 * MIN, JAN1 + 130 * MIN,
                              JAN1 + 180 * MIN};
    const double v[] = {60, 10, NAN, 20, 5, 7, 120, 20, NAN, 40, 10, 14};
    const double q[] = {0.5, 0.9, 0.0, 1.0};
    int64_t count[6];
    double sum[6], mean[6], mn[6], mx[6], qs[2 * 4 * 3];
    itsm_ts_stats st = ITSM_TS_STATS_INIT;
    st.count = count;
    st.sum = sum;
    st.mean = mean;
    st.min = mn;
    st.max = mx;
    st.quantiles = qs;
    st.q = q;
    st.n_q = 4;
    itsm_ts_grid g = {ITSM_TS_GRID_VERSION, HOUR, NULL, JAN1, 3};
    assert_itsm_ok(itsm_ts_resample(&st, &g, t, 6, v, 2));
    assert_int_equal(st.missing, 2);
    assert_int_equal(st.outside, 2);
    assert_int_equal(count[0], 3);
    assert_int_equal(count[1], 0);
    assert_int_equal(count[2], 1);
    assert_true(sum[0] == 90 && mean[0] == 30 && mn[0] == 10 && mx[0] == 60);
    assert_true(isnan(sum[1]) && isnan(mean[1]) && isnan(mn[1]) && isnan(mx[1]));
    assert_true(sum[2] == 5 && mean[2] == 5 && mn[2] == 5 && mx[2] == 5);
    /* Quantile j of series s, bucket k at (s * 4 + j) * 3 + k. */
    assert_close(qs[0 * 3 + 0], 20);
    assert_close(qs[1 * 3 + 0], 52);
    assert_close(qs[2 * 3 + 0], 10);
    assert_close(qs[3 * 3 + 0], 60);
    assert_true(isnan(qs[0 * 3 + 1]) && isnan(qs[3 * 3 + 1]));
    assert_close(qs[1 * 3 + 2], 5);
    /* Series 1 sits at offset n_buckets in every array. */
    assert_int_equal(count[3], 3);
    assert_true(mean[3] == 60 && mx[3] == 120 && isnan(mean[4]) && mean[5] == 10);
    assert_close(qs[(4 + 1) * 3 + 0], 104);
    /* Only counts asked for; a single sample; no samples at all. */
    itsm_ts_stats only = ITSM_TS_STATS_INIT;
    only.count = count;
    assert_itsm_ok(itsm_ts_resample(&only, &g, t + 1, 1, v + 1, 1));
    assert_true(count[0] == 1 && count[1] == 0 && count[2] == 0);
    only.mean = mean;
    assert_itsm_ok(itsm_ts_resample(&only, &g, NULL, 0, NULL, 1));
    assert_true(count[0] == 0 && isnan(mean[0]) && isnan(mean[2]));
}

static void test_resample_errors(void **state)
{
    (void)state;
    const itsm_instant t[] = {JAN1, JAN1 + 60};
    const double v[] = {1, INFINITY};
    int64_t count[2];
    double qs[2];
    itsm_ts_grid g = {ITSM_TS_GRID_VERSION, 60, NULL, JAN1, 2};
    itsm_ts_stats st = ITSM_TS_STATS_INIT;
    assert_itsm_error(itsm_ts_resample(&st, &g, t, 2, v, 1), ITSM_EINVAL, "stats.count is NULL");
    st.count = count;
    assert_itsm_error(itsm_ts_resample(&st, &g, t, 2, v, 1), ITSM_EINVAL, "values[1] (series 0, t[1]) is inf");
    const double q[] = {0.5, 1.5};
    st.q = q;
    st.n_q = 2;
    assert_itsm_error(itsm_ts_resample(&st, &g, t, 2, v, 1), ITSM_EINVAL, "stats.quantiles is NULL");
    st.quantiles = qs;
    assert_itsm_error(itsm_ts_resample(&st, &g, t, 2, v, 1), ITSM_EINVAL, "stats.q[1] = 1.5 is not in [0, 1]");
    st.n_q = 1;
    st.method = (itsm_ts_quantile_method)13;
    assert_itsm_error(itsm_ts_resample(&st, &g, t, 2, v, 1), ITSM_EINVAL, "stats.method = 13");
    st.version = 2;
    assert_itsm_error(itsm_ts_resample(&st, &g, t, 2, v, 1), ITSM_EVERSION, "stats version 2");
    st = (itsm_ts_stats)ITSM_TS_STATS_INIT;
    st.count = count;
    const itsm_instant early[] = {JAN1, INT64_C(-3000000000)};
    const double ok[] = {1, 2};
    assert_itsm_error(itsm_ts_resample(&st, &g, early, 2, ok, 1), ITSM_ERANGE, "itsm_ts_resample: t[1]");
    assert_itsm_error(itsm_ts_resample(&st, &g, t, 2, NULL, 1), ITSM_EINVAL, "'values'");
    assert_itsm_error(itsm_ts_resample(NULL, &g, t, 2, ok, 1), ITSM_EINVAL, "'out'");
    assert_itsm_error(itsm_ts_resample(&st, &g, t, 2, ok, SIZE_MAX / 2 + 1), ITSM_EINVAL, "is too large");
}

/* Sorted samples take the bucket-by-bucket path, shuffled ones the counting sort: the
 * results must be the same (sums may differ in the last bit: compensated either way). */
static void test_order_does_not_matter(void **state)
{
    (void)state;
    enum { N = 600, B = 7 };
    itsm_instant t[N], ts[N];
    double v[2 * N], vs[2 * N];
    uint64_t seed = 12345;
    for (size_t i = 0; i < N; i++) {
        seed = seed * 6364136223846793005u + 1442695040888963407u;
        t[i] = JAN1 + (itsm_instant)(i * 60 + (seed >> 60));
        v[i] = (double)(seed >> 33) / 1e6;
        v[N + i] = (i % 17 == 0) ? NAN : (double)((seed >> 20) % 1000);
    }
    for (size_t i = 0; i < N; i++) { /* a fixed shuffle: i -> i * 7 mod N (7 prime to 600) */
        size_t j = i * 7 % N;
        ts[j] = t[i];
        vs[j] = v[i];
        vs[N + j] = v[N + i];
    }
    const double q[] = {0.1, 0.5, 0.95};
    int64_t c1[2 * B], c2[2 * B];
    double m1[2 * B], m2[2 * B], lo1[2 * B], lo2[2 * B], q1[2 * 3 * B], q2[2 * 3 * B];
    itsm_ts_grid g = {ITSM_TS_GRID_VERSION, 90 * 60, NULL, JAN1, B};
    itsm_ts_stats a = ITSM_TS_STATS_INIT, b = ITSM_TS_STATS_INIT;
    a.count = c1, a.mean = m1, a.min = lo1, a.quantiles = q1, a.q = q, a.n_q = 3;
    b.count = c2, b.mean = m2, b.min = lo2, b.quantiles = q2, b.q = q, b.n_q = 3;
    assert_itsm_ok(itsm_ts_resample(&a, &g, t, N, v, 2));
    assert_itsm_ok(itsm_ts_resample(&b, &g, ts, N, vs, 2));
    assert_int_equal(a.missing, b.missing);
    for (size_t k = 0; k < 2 * B; k++) {
        assert_int_equal(c1[k], c2[k]);
        assert_close(m2[k], m1[k]);
        assert_true(lo1[k] == lo2[k]);
    }
    for (size_t k = 0; k < 2 * 3 * B; k++)
        assert_true(q1[k] == q2[k]);
    assert_int_equal(c1[B - 1], 600 - 6 * 90); /* the last bucket holds the last 60 samples */
}

/* ---- quantile methods ------------------------------------------------------------------------ */

static double quantile_of(const double *x, size_t m, double q, itsm_ts_quantile_method method)
{
    itsm_instant t[128];
    assert_true(m <= 128);
    for (size_t i = 0; i < m; i++)
        t[i] = JAN1 + (itsm_instant)i;
    int64_t count;
    double out;
    itsm_ts_stats st = ITSM_TS_STATS_INIT;
    st.count = &count;
    st.quantiles = &out;
    st.q = &q;
    st.n_q = 1;
    st.method = method;
    itsm_ts_grid g = {ITSM_TS_GRID_VERSION, DAY, NULL, JAN1, 1};
    assert_itsm_ok(itsm_ts_resample(&st, &g, t, m, x, 1));
    assert_int_equal(count, (int64_t)m);
    return out;
}

static void test_quantile_methods(void **state)
{
    (void)state;
    /* x = 4, 1, 3, 2 (sorted 1 2 3 4, m = 4) at q = 0.4, by numpy's definitions:
     *   linear        h = 3 x 0.4 = 1.2         -> 2 + 0.2 x 1      = 2.2
     *   lower / higher / nearest  floor 1, ceil 2, round 1 -> 2, 3, 2
     *   midpoint      (1 + 2) / 2 = 1.5, gamma 0.5             -> 2.5
     *   inverted_cdf  m q - 1 = 0.6 -> the next index, 1        -> 2
     *   averaged      v = 0.6 not whole -> gamma 1 -> x[1]      -> 2
     *   closest_obs   m q - 1.5 = 0.1 -> the next index, 1      -> 2
     *   interpolated inverted cdf (alpha 0, beta 1): v = 1.6 + 0 - 1 = 0.6 -> 1.6
     *   hazen (1/2, 1/2):   v = 1.6 + 0.5 - 1 = 1.1             -> 2.1
     *   weibull (0, 0):     v = 1.6 + 0.4 - 1 = 1.0             -> 2
     *   median_unbiased:    v = 1.6 + (1/3 + 0.4/3) - 1 = 16/15 -> 2 + 1/15
     *   normal_unbiased:    v = 1.6 + (3/8 + 0.4/4) - 1 = 1.075 -> 2.075 */
    const double x[] = {4, 1, 3, 2};
    const double want[] = {2.2, 2, 3, 2, 2.5, 2, 2, 2, 1.6, 2.1, 2, 2 + 1 / 15.0, 2.075};
    for (int m = ITSM_TS_LINEAR; m <= ITSM_TS_NORMAL_UNBIASED; m++)
        assert_close(quantile_of(x, 4, 0.4, (itsm_ts_quantile_method)m), want[m]);
    /* Ties: "nearest" rounds h = 1.5 to the even index 2 -> 3; h = 2.5 (m = 6) to 2 -> 3. */
    assert_close(quantile_of(x, 4, 0.5, ITSM_TS_NEAREST), 3);
    const double six[] = {6, 5, 4, 3, 2, 1};
    assert_close(quantile_of(six, 6, 0.5, ITSM_TS_NEAREST), 3);
    /* closest_observation at m q - 1.5 whole: m = 5, q = 0.3 -> index 0, previous 0 even: x[0];
     * q = 0.5 -> index 1, odd: the next, x[2]. */
    const double five[] = {50, 10, 40, 20, 30};
    assert_close(quantile_of(five, 5, 0.3, ITSM_TS_CLOSEST_OBSERVATION), 10);
    assert_close(quantile_of(five, 5, 0.5, ITSM_TS_CLOSEST_OBSERVATION), 30);
    /* Ends: q 0 and 1 are the minimum and maximum by every method. */
    for (int m = ITSM_TS_LINEAR; m <= ITSM_TS_NORMAL_UNBIASED; m++) {
        assert_close(quantile_of(five, 5, 0.0, (itsm_ts_quantile_method)m), 10);
        assert_close(quantile_of(five, 5, 1.0, (itsm_ts_quantile_method)m), 50);
    }
    /* Enough values for the selection to partition: 0 .. 99 shuffled (i x 37 mod 100, 37
     * prime to 100), and duplicates. The 95th percentile (linear): h = 99 x 0.95 = 94.05. */
    double big[100], dup[100];
    for (int i = 0; i < 100; i++) {
        big[i] = (double)((i * 37) % 100);
        dup[i] = (double)((i * 37) % 100 / 10); /* ten of each of 0 .. 9 */
    }
    assert_close(quantile_of(big, 100, 0.95, ITSM_TS_LINEAR), 94.05);
    assert_close(quantile_of(big, 100, 0.5, ITSM_TS_LINEAR), 49.5);
    assert_close(quantile_of(dup, 100, 0.5, ITSM_TS_LINEAR), 4.5); /* x[49] = 4, x[50] = 5 */
    assert_close(quantile_of(dup, 100, 0.25, ITSM_TS_LOWER), 2);    /* h = 24.75 -> x[24] */
    /* One value: every quantile is it. */
    assert_close(quantile_of(x, 1, 0.37, ITSM_TS_HAZEN), 4);
}

/* ---- heat maps over DST days ---------------------------------------------------------------- */

static void heatmap_samples(itsm_instant *t, double *v, size_t n, itsm_instant start, int64_t step)
{
    for (size_t i = 0; i < n; i++) {
        t[i] = start + (itsm_instant)i * step;
        v[i] = (double)i;
    }
}

static void test_heatmap_dst(void **state)
{
    (void)state;
    itsm_tz *ams = itsm_test_zone("Europe/Amsterdam");
    itsm_instant t[120];
    double v[120], cells[24 * 2];
    int64_t counts[24 * 2];
    itsm_ts_heatmap_spec spec = ITSM_TS_HEATMAP_INIT;
    spec.slot = HOUR;
    spec.zone = ams;
    spec.n_days = 2;
    /* Spring forward, 2024-03-31: local 00:00 CET is 2024-03-30T23:00Z; 02:00 CET jumps to
     * 03:00 CEST at 01:00Z. Samples every 15 min from 23:00Z, value = sample number.
     * Slot 0 (00:00-01:00 CET) holds samples 0-3 (mean 1.5), slot 1 samples 4-7 (5.5), slot 2
     * (02:00-03:00) never exists: no data; slot 3 (03:00 CEST = 01:00Z) samples 8-11 (9.5).
     * The local day has 23 hours, 92 samples; the last 8 fall on 04-01 (day 1, slots 0-1).
     * Cell (day, slot) is at [day * 24 + slot]. */
    heatmap_samples(t, v, 100, INT64_C(1711839600), 15 * MIN);
    spec.first_date = (itsm_date){2024, 3, 31};
    assert_itsm_ok(itsm_ts_heatmap(cells, counts, &spec, t, v, 100));
    assert_int_equal(counts[0 * 24 + 0], 4);
    assert_close(cells[0 * 24 + 0], 1.5);
    assert_close(cells[0 * 24 + 1], 5.5);
    assert_int_equal(counts[0 * 24 + 2], 0);
    assert_true(isnan(cells[0 * 24 + 2]));
    assert_close(cells[0 * 24 + 3], 9.5);
    assert_int_equal(counts[0 * 24 + 23], 4);
    assert_int_equal(counts[1 * 24 + 0], 4);
    assert_close(cells[1 * 24 + 0], 93.5); /* samples 92-95 */
    assert_int_equal(counts[1 * 24 + 2], 0);
    /* Fall back, 2024-10-27: local 00:00 CEST is 2024-10-26T22:00Z; 03:00 CEST goes back to
     * 02:00 CET at 01:00Z, so 02:00-03:00 local happens twice: slot 2 gets 8 samples (4 + 4,
     * samples 8-15), the day 25 hours = 100 samples. Sum of ones: 8 in slot 2, 4 elsewhere. */
    heatmap_samples(t, v, 104, INT64_C(1729980000), 15 * MIN);
    for (size_t i = 0; i < 104; i++)
        v[i] = 1.0;
    spec.first_date = (itsm_date){2024, 10, 27};
    spec.agg = ITSM_TS_AGG_SUM;
    assert_itsm_ok(itsm_ts_heatmap(cells, counts, &spec, t, v, 104));
    int64_t day = 0;
    for (int row = 0; row < 24; row++) {
        assert_int_equal(counts[row], row == 2 ? 8 : 4);
        assert_true(cells[row] == (row == 2 ? 8.0 : 4.0));
        day += counts[row];
    }
    assert_int_equal(day, 100);
    assert_int_equal(counts[1 * 24 + 0], 4); /* samples 100-103 on 10-28 */
    itsm_tz_free(ams);
}

static void test_heatmap_utc(void **state)
{
    (void)state;
    /* Three days from 2024-01-01 UTC of two 12-hour slots, peaks: cell (day, slot) at
     * [day * 2 + slot]. 01-01 06:00 -> 5 and 09:00 -> 7: (0, 0) max 7; 01-02 13:00 -> 2:
     * (1, 1) at [3]; 01-03 empty; 2023-12-31 and 01-04 samples are skipped. */
    const itsm_instant t[] = {JAN1 + 6 * HOUR, JAN1 + 9 * HOUR, JAN1 + DAY + 13 * HOUR, JAN1 - 1, JAN1 + 3 * DAY};
    const double v[] = {5, 7, 2, 100, 100};
    double cells[6];
    itsm_ts_heatmap_spec spec = {ITSM_TS_HEATMAP_VERSION, 12 * HOUR, NULL, {2024, 1, 1}, 3, ITSM_TS_AGG_MAX};
    assert_itsm_ok(itsm_ts_heatmap(cells, NULL, &spec, t, v, 5));
    assert_true(cells[0] == 7 && cells[3] == 2);
    assert_true(isnan(cells[1]) && isnan(cells[2]) && isnan(cells[4]) && isnan(cells[5]));
    spec.agg = ITSM_TS_AGG_MIN;
    assert_itsm_ok(itsm_ts_heatmap(cells, NULL, &spec, t, v, 5));
    assert_true(cells[0] == 5);
    /* Errors name the field. */
    spec.slot = 7000;
    assert_itsm_error(itsm_ts_heatmap(cells, NULL, &spec, t, v, 5), ITSM_EINVAL, "spec.slot = 7000 s");
    spec.slot = HOUR;
    spec.first_date = (itsm_date){2024, 2, 30};
    assert_itsm_error(itsm_ts_heatmap(cells, NULL, &spec, t, v, 5), ITSM_ERANGE, "spec.first_date");
    spec.first_date = (itsm_date){2024, 1, 1};
    spec.agg = (itsm_ts_agg)9;
    assert_itsm_error(itsm_ts_heatmap(cells, NULL, &spec, t, v, 5), ITSM_EINVAL, "spec.agg = 9");
    spec.agg = ITSM_TS_AGG_MEAN;
    spec.version = 0;
    assert_itsm_error(itsm_ts_heatmap(cells, NULL, &spec, t, v, 5), ITSM_EVERSION, "spec version 0");
}

/* ---- trends ----------------------------------------------------------------------------------- */

static void test_trend_fit(void **state)
{
    (void)state;
    itsm_ts_trend f;
    /* Exact line: days 0, 1, 2 -> 10, 12, 14: slope 2 per day, through 12 at day 1 (the
     * origin, the mean instant); r2 1, residual error 0. */
    const itsm_instant days[] = {JAN1, JAN1 + DAY, JAN1 + 2 * DAY};
    const double line[] = {10, 12, 14};
    assert_itsm_ok(itsm_ts_trend_fit(&f, days, line, 3));
    assert_int_equal(f.n, 3);
    assert_int_equal(f.origin, JAN1 + DAY);
    assert_int_equal(f.first, JAN1);
    assert_int_equal(f.last, JAN1 + 2 * DAY);
    assert_close(f.slope * DAY, 2);
    assert_close(f.intercept, 12);
    assert_close(f.r2, 1);
    assert_true(f.residual_se == 0.0);
    /* Noisy: 10, 13, 14. x = -1, 0, 1 days, mean y 37/3; Sxy = 4, Sxx = 2: slope 2 per day,
     * intercept 37/3. Residuals -1/3, 2/3, -1/3: SSE 2/3; SST 26/3; r2 = 1 - 1/13 = 12/13;
     * residual_se = sqrt(2/3 / 1). */
    const double noisy[] = {10, 13, 14};
    assert_itsm_ok(itsm_ts_trend_fit(&f, days, noisy, 3));
    assert_close(f.slope * DAY, 2);
    assert_close(f.intercept, 37.0 / 3.0);
    assert_close(f.r2, 12.0 / 13.0);
    assert_close(f.residual_se, sqrt(2.0 / 3.0));
    double y;
    assert_itsm_ok(itsm_ts_trend_value(&y, &f, JAN1 + 4 * DAY));
    assert_close(y, 37.0 / 3.0 + 6);
    /* Instants near 2^31 + a million years of nothing: centring keeps the slope exact. */
    const itsm_instant late[] = {INT64_C(2147483000), INT64_C(2147483600), INT64_C(2147484200)};
    const double small[] = {1.0, 1.5, 2.0};
    assert_itsm_ok(itsm_ts_trend_fit(&f, late, small, 3));
    assert_close(f.slope, 0.5 / 600);
    assert_close(f.intercept, 1.5);
    /* NaN values are skipped: the NaN in the middle leaves days 0 and 2, a line of two points
     * (r2 1, no residual error with 0 degrees of freedom). */
    const double gap[] = {10, NAN, 14};
    assert_itsm_ok(itsm_ts_trend_fit(&f, days, gap, 3));
    assert_int_equal(f.n, 2);
    assert_close(f.slope * DAY, 2);
    assert_close(f.r2, 1);
    assert_true(isnan(f.residual_se));
    /* Flat values: slope exactly 0, r2 undefined (0/0), residual error 0. */
    const double flat[] = {5, 5, 5};
    assert_itsm_ok(itsm_ts_trend_fit(&f, days, flat, 3));
    assert_true(f.slope == 0.0 && f.residual_se == 0.0 && isnan(f.r2));
    /* One sample, or all at one instant, or none: no data. */
    assert_itsm_ok(itsm_ts_trend_fit(&f, days, line, 1));
    assert_int_equal(f.n, 1);
    assert_true(isnan(f.slope) && isnan(f.intercept) && isnan(f.r2));
    const itsm_instant same[] = {JAN1, JAN1};
    assert_itsm_ok(itsm_ts_trend_fit(&f, same, line, 2));
    assert_true(isnan(f.slope));
    assert_itsm_ok(itsm_ts_trend_fit(&f, NULL, NULL, 0));
    assert_int_equal(f.n, 0);
    assert_itsm_ok(itsm_ts_trend_value(&y, &f, JAN1));
    assert_true(isnan(y));
    /* Errors. */
    const double inf[] = {1, INFINITY};
    assert_itsm_error(itsm_ts_trend_fit(&f, days, inf, 2), ITSM_EINVAL, "values[1] is inf");
    const itsm_instant bad[] = {JAN1, INT64_C(-9000000000)};
    assert_itsm_error(itsm_ts_trend_fit(&f, bad, line, 2), ITSM_ERANGE, "t[1]");
}

static void test_trend_crossing(void **state)
{
    (void)state;
    itsm_ts_trend f;
    itsm_ts_crossing c;
    /* Disk use 10, 12, 14 (% at day 0, 1, 2), capacity 20 %: from day 2 at 14 %, 6 more
     * points at 2 a day: full at day 5. */
    const itsm_instant days[] = {JAN1, JAN1 + DAY, JAN1 + 2 * DAY};
    const double use[] = {10, 12, 14};
    assert_itsm_ok(itsm_ts_trend_fit(&f, days, use, 3));
    assert_itsm_ok(itsm_ts_trend_crossing(&c, &f, 20, ITSM_TS_RISING, f.last));
    assert_int_equal(c.reach, ITSM_TS_REACHED_AT);
    assert_int_equal(c.at, JAN1 + 5 * DAY);
    /* Already above 12 % at day 2; falling below 0 never happens on a rising line. */
    assert_itsm_ok(itsm_ts_trend_crossing(&c, &f, 12, ITSM_TS_RISING, f.last));
    assert_int_equal(c.reach, ITSM_TS_ALREADY);
    assert_int_equal(c.at, f.last);
    assert_itsm_ok(itsm_ts_trend_crossing(&c, &f, 0, ITSM_TS_FALLING, f.last));
    assert_int_equal(c.reach, ITSM_TS_NEVER);
    assert_int_equal(c.at, 0);
    /* 2 % a day reaches 1e9 % only after 2200: beyond. */
    assert_itsm_ok(itsm_ts_trend_crossing(&c, &f, 1e9, ITSM_TS_RISING, f.last));
    assert_int_equal(c.reach, ITSM_TS_BEYOND);
    /* Free space 100, 90, 80 GB: 50 GB left at day 5 (falling). */
    const double free_gb[] = {100, 90, 80};
    assert_itsm_ok(itsm_ts_trend_fit(&f, days, free_gb, 3));
    assert_itsm_ok(itsm_ts_trend_crossing(&c, &f, 50, ITSM_TS_FALLING, f.last));
    assert_int_equal(c.reach, ITSM_TS_REACHED_AT);
    assert_int_equal(c.at, JAN1 + 5 * DAY);
    /* A nightly batch ends at 05:00, 05:10, 05:20 (seconds after midnight): the 06:00
     * deadline is reached 40 min / 10 min a day = 4 days after the last run. The first
     * whole second: the line reaches 21600 exactly then, not a second earlier. */
    const double ends[] = {5 * HOUR, 5 * HOUR + 600, 5 * HOUR + 1200};
    assert_itsm_ok(itsm_ts_trend_fit(&f, days, ends, 3));
    assert_itsm_ok(itsm_ts_trend_crossing(&c, &f, 6 * HOUR, ITSM_TS_RISING, f.last));
    assert_int_equal(c.reach, ITSM_TS_REACHED_AT);
    assert_int_equal(c.at, JAN1 + 6 * DAY);
    /* A flat line never gets anywhere; a fit without data says so. */
    const double flat[] = {3, 3, 3};
    assert_itsm_ok(itsm_ts_trend_fit(&f, days, flat, 3));
    assert_itsm_ok(itsm_ts_trend_crossing(&c, &f, 4, ITSM_TS_RISING, f.last));
    assert_int_equal(c.reach, ITSM_TS_NEVER);
    assert_itsm_ok(itsm_ts_trend_fit(&f, days, flat, 1));
    assert_itsm_ok(itsm_ts_trend_crossing(&c, &f, 4, ITSM_TS_RISING, JAN1));
    assert_int_equal(c.reach, ITSM_TS_NO_DATA);
    assert_itsm_error(itsm_ts_trend_crossing(&c, &f, NAN, ITSM_TS_RISING, JAN1), ITSM_EINVAL, "threshold");
    assert_itsm_error(itsm_ts_trend_crossing(&c, &f, 1, (itsm_ts_direction)5, JAN1), ITSM_EINVAL, "direction = 5");
    assert_itsm_error(itsm_ts_trend_crossing(&c, &f, 1, ITSM_TS_RISING, INT64_C(9000000000)), ITSM_ERANGE, "from");
}

/* ---- allocation failures ------------------------------------------------------------------------ */

/* Resampling with sums, means and quantiles: ctx NULL gives samples in order (the
 * bucket-by-bucket path), non-NULL the same samples shuffled (the counting-sort path). */
static int scenario_resample(const void *ctx)
{
    const itsm_instant sorted[] = {JAN1, JAN1 + 30, JAN1 + 90, JAN1 + 200};
    const itsm_instant shuffled[] = {JAN1 + 200, JAN1, JAN1 + 90, JAN1 + 30};
    const double v[] = {1, 2, 3, NAN, 4, 5, 6, 7};
    const double q[] = {0.5, 0.95};
    int64_t count[8];
    double sum[8], mean[8], qs[16];
    itsm_ts_stats st = ITSM_TS_STATS_INIT;
    st.count = count;
    st.sum = sum;
    st.mean = mean;
    st.quantiles = qs;
    st.q = q;
    st.n_q = 2;
    itsm_ts_grid g = {ITSM_TS_GRID_VERSION, 60, NULL, JAN1, 4};
    return itsm_ts_resample(&st, &g, ctx == NULL ? sorted : shuffled, 4, v, 2);
}

static int scenario_heatmap(const void *ctx)
{
    (void)ctx;
    const itsm_instant t[] = {JAN1, JAN1 + 30, JAN1 + 90};
    const double v[] = {1, 2, 3};
    double cells[24];
    itsm_ts_heatmap_spec spec = {ITSM_TS_HEATMAP_VERSION, HOUR, NULL, {2024, 1, 1}, 1, ITSM_TS_AGG_MEAN};
    return itsm_ts_heatmap(cells, NULL, &spec, t, v, 3);
}

static void test_allocation_failures(void **state)
{
    (void)state;
    itsm_test_alloc_sweep("resample", scenario_resample, NULL, ITSM_OK);
    itsm_test_alloc_sweep("resample, unordered", scenario_resample, "shuffled", ITSM_OK);
    itsm_test_alloc_sweep("heatmap", scenario_heatmap, NULL, ITSM_OK);
    /* Grids and trends allocate nothing. */
    itsm_test_chaos chaos;
    itsm_test_chaos_install(&chaos);
    chaos.fail_at = 0;
    const itsm_instant t[] = {JAN1, JAN1 + 60};
    const double v[] = {1, 2};
    itsm_ts_grid g = ITSM_TS_GRID_INIT;
    int64_t idx[2];
    itsm_ts_trend f;
    itsm_ts_crossing c;
    assert_itsm_ok(itsm_ts_grid_cover(&g, t, 2));
    assert_itsm_ok(itsm_ts_bucket_index(idx, &g, t, 2));
    assert_itsm_ok(itsm_ts_trend_fit(&f, t, v, 2));
    assert_itsm_ok(itsm_ts_trend_crossing(&c, &f, 3, ITSM_TS_RISING, f.last));
    assert_int_equal(chaos.count, 0);
    assert_itsm_ok(itsm_set_allocator(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grid_checks),        cmocka_unit_test(test_grid_cover_and_index),
        cmocka_unit_test(test_resample_by_hand),   cmocka_unit_test(test_resample_errors),
        cmocka_unit_test(test_order_does_not_matter),
        cmocka_unit_test(test_quantile_methods),   cmocka_unit_test(test_heatmap_dst),
        cmocka_unit_test(test_heatmap_utc),        cmocka_unit_test(test_trend_fit),
        cmocka_unit_test(test_trend_crossing),     cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, itsm_test_group_setup, itsm_test_group_teardown);
}
