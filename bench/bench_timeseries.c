/* Time-series throughput in C: a year of one-minute samples (525,600 per server, each
 * jittered by up to 59 s, 0.1 % missing) for N servers, through
 *   - resampling to 1 hour and to 1 day (count, mean, max and the 95th percentile),
 *   - the time-of-day x date heat map at one minute (1440 x 365 cells, mean),
 * with buckets on the local wall clock of a zone (Asia/Tokyo; Europe/Amsterdam shows the
 * cost of DST), and the same resampling for all servers in one batch call per chunk.
 * Samples are generated per server outside the timed region.
 * usage: bench_timeseries [SERVERS] [ZONE]   (default 500 Asia/Tokyo) */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <itsm.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define MINUTES (365 * 1440)
#define CHUNK 50 /* servers per batch call */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: fair on a busy machine */
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static uint64_t next_random(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static double uniform(uint64_t *s) { return (double)(next_random(s) >> 11) * 0x1.0p-53; }

/* CPU % of one server: a low base, a nightly batch peak of a few minutes, noise; 0.1 %
 * of the samples missing (NaN). */
static void server_values(double *v, size_t n, uint64_t seed)
{
    uint64_t s = seed * 0x9E3779B97F4A7C15u + 1;
    double base = 3 + 7 * uniform(&s);
    int batch_minute = 60 + (int)(240 * uniform(&s));
    for (size_t i = 0; i < n; i++) {
        int minute = (int)(i % 1440);
        double peak = minute >= batch_minute && minute < batch_minute + 6 ? 70 + 25 * uniform(&s) : 0;
        v[i] = uniform(&s) < 0.001 ? NAN : base + peak + 4 * uniform(&s);
    }
}

static int fail(const char *what)
{
    fprintf(stderr, "bench_timeseries: %s: %s\n", what, itsm_error_last());
    return 1;
}

/* Output buffers for `series` series of up to `buckets` buckets. */
typedef struct outputs {
    int64_t *count;
    double *mean, *max, *p95;
} outputs;

static int resample(const outputs *o, const itsm_tz *zone, int64_t grain, int64_t first, size_t buckets,
                    const itsm_instant *t, const double *v, size_t series)
{
    static const double q95 = 0.95;
    itsm_ts_grid g = {ITSM_TS_GRID_VERSION, grain, zone, first, buckets};
    itsm_ts_stats st = ITSM_TS_STATS_INIT;
    st.count = o->count;
    st.mean = o->mean;
    st.max = o->max;
    st.quantiles = o->p95;
    st.q = &q95;
    st.n_q = 1;
    return itsm_ts_resample(&st, &g, t, MINUTES, v, series);
}

static void row(const char *what, double seconds, size_t servers)
{
    double samples = (double)servers * MINUTES;
    printf("%-44s %8.2f s  %7.1f M samples/s  %6.1f ms/server\n", what, seconds, samples / seconds / 1e6,
           seconds * 1e3 / (double)servers);
}

int main(int argc, char **argv)
{
    size_t servers = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 500;
    const char *zone_name = argc > 2 ? argv[2] : "Asia/Tokyo";
    itsm_tz *zone = NULL;
    if (itsm_tz_load(&zone, zone_name, NULL) != ITSM_OK)
        return fail(zone_name);
    itsm_instant *t = malloc(MINUTES * sizeof *t);
    double *v = malloc((size_t)CHUNK * MINUTES * sizeof *v);
    outputs o = {malloc((size_t)CHUNK * 9000 * sizeof(int64_t)), malloc((size_t)CHUNK * 9000 * sizeof(double)),
                 malloc((size_t)CHUNK * 9000 * sizeof(double)), malloc((size_t)CHUNK * 9000 * sizeof(double))};
    double *cells = malloc((size_t)MINUTES * sizeof *cells);
    if (t == NULL || v == NULL || o.count == NULL || o.mean == NULL || o.max == NULL || o.p95 == NULL || cells == NULL)
        return 1;
    /* 2023-01-01T00:00 local, one sample a minute, jittered 0-59 s. */
    itsm_instant start = 0;
    itsm_date jan1 = {2023, 1, 1};
    if (itsm_tz_start_of_day(&start, zone, jan1) != ITSM_OK)
        return fail("start of day");
    uint64_t js = 42;
    for (size_t i = 0; i < MINUTES; i++)
        t[i] = start + (itsm_instant)i * 60 + (itsm_instant)(next_random(&js) % 60);
    int64_t first = (int64_t)19358 * 86400; /* wall 2023-01-01T00:00 */
    double hourly = 0, daily = 0, heat = 0, batch = 0;
    itsm_ts_heatmap_spec spec = {ITSM_TS_HEATMAP_VERSION, 60, zone, jan1, 365, ITSM_TS_AGG_MEAN};
    double checksum = 0;
    for (size_t s = 0; s < servers; s++) {
        server_values(v, MINUTES, s);
        double t0 = now();
        if (resample(&o, zone, 3600, first, 365 * 24, t, v, 1) != ITSM_OK)
            return fail("hourly");
        double t1 = now();
        checksum += o.p95[100];
        if (resample(&o, zone, 86400, first, 365, t, v, 1) != ITSM_OK)
            return fail("daily");
        double t2 = now();
        checksum += o.max[10];
        if (itsm_ts_heatmap(cells, NULL, &spec, t, v, MINUTES) != ITSM_OK)
            return fail("heat map");
        double t3 = now();
        checksum += cells[1000];
        hourly += t1 - t0;
        daily += t2 - t1;
        heat += t3 - t2;
    }
    for (size_t s = 0; s < servers; s += CHUNK) {
        size_t k = servers - s < CHUNK ? servers - s : CHUNK;
        for (size_t j = 0; j < k; j++)
            server_values(v + j * MINUTES, MINUTES, s + j);
        double t0 = now();
        if (resample(&o, zone, 3600, first, 365 * 24, t, v, k) != ITSM_OK)
            return fail("hourly batch");
        batch += now() - t0;
        checksum += o.mean[7];
    }
    printf("%zu servers x %d one-minute samples in %s (checksum %.6g)\n", servers, MINUTES, zone_name, checksum);
    row("resample 1 h: count, mean, max, p95", hourly, servers);
    row("resample 1 day: count, mean, max, p95", daily, servers);
    row("heat map 1440 x 365, mean", heat, servers);
    row("all three", hourly + daily + heat, servers);
    row("resample 1 h, 50 servers per call", batch, servers);
    itsm_tz_free(zone);
    free(t);
    free(v);
    free(o.count);
    free(o.mean);
    free(o.max);
    free(o.p95);
    free(cells);
    return 0;
}
