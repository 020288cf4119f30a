/* SLA metric throughput, single thread: availability of N outages over a century (24x7
 * and on a business calendar, with maintenance, exclusions and weighted shares), the
 * availability series in 30-day slices, the plain interval union, call counts over 10 N
 * calls (and repeat contacts over N), duration statistics and percentiles over 10 N
 * records.
 *
 * Outages start uniformly in 2000-2099 and last 1 s .. 5 min (about 5 % of the time is
 * down, with overlaps); 2 % are notified maintenance, 1 % force majeure, a tenth
 * partial (share 10 % .. 90 %).
 * usage: bench_metrics [N]   (default 1000000) */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <itsm.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bench_common.h"

static int64_t uniform(uint64_t *s, int64_t n) { return (int64_t)(next_random(s) % (uint64_t)n); }

static int fail(const char *what)
{
    fprintf(stderr, "bench_metrics: %s: %s\n", what, itsm_error_last());
    return 1;
}

static void row(const char *what, size_t n, double seconds, const char *unit)
{
    printf("%-44s %8.1f M %s/s  (%6.1f ms)\n", what, (double)n / seconds / 1e6, unit, seconds * 1e3);
}

/* The best time of three runs of `call` (an expression giving an itsm status); a macro
 * because the calls differ in their arguments. */
#define BEST_OF_3(seconds, rc, call)                                                                             \
    do {                                                                                                         \
        (seconds) = 1e300;                                                                                       \
        for (int r_ = 0; r_ < 3 && (rc) == ITSM_OK; r_++) {                                                      \
            double t0_ = now();                                                                                  \
            (rc) = (call);                                                                                       \
            double dt_ = now() - t0_;                                                                            \
            (seconds) = dt_ < (seconds) ? dt_ : (seconds);                                                       \
        }                                                                                                        \
    } while (0)

#define SPAN_START INT64_C(946684800)    /* 2000-01-01T00:00:00Z */
#define SPAN_SECONDS INT64_C(3155760000) /* 36525 days, to 2100-01-01 */
#define SLICE (30 * 86400)
#define SLICES 1217 /* 30-day slices that fit in the span */

typedef struct outage_data {
    itsm_instant *start, *end;
    uint8_t *flags, *exclusion;
    int64_t *share;
} outage_data;

static itsm_outages make_outages(outage_data *d, size_t n, uint64_t *rng)
{
    d->start = malloc(n * sizeof *d->start);
    d->end = malloc(n * sizeof *d->end);
    d->flags = calloc(n, 1);
    d->exclusion = calloc(n, 1);
    d->share = malloc(n * sizeof *d->share);
    itsm_outages o = ITSM_OUTAGES_INIT;
    if (d->start == NULL || d->end == NULL || d->flags == NULL || d->exclusion == NULL || d->share == NULL)
        return o;
    for (size_t i = 0; i < n; i++) {
        d->start[i] = SPAN_START + uniform(rng, SPAN_SECONDS - 300);
        d->end[i] = d->start[i] + 1 + uniform(rng, 300);
        int64_t kind = uniform(rng, 100);
        d->flags[i] = kind < 2 ? ITSM_OUTAGE_PLANNED | ITSM_OUTAGE_NOTIFIED : 0;
        d->exclusion[i] = kind == 2 ? ITSM_EXCLUSION_FORCE_MAJEURE : ITSM_EXCLUSION_NONE;
        d->share[i] = kind >= 90 ? (1 + uniform(rng, 9)) * (ITSM_PPB / 10) : ITSM_PPB;
    }
    o.n = n;
    o.start = d->start;
    o.end = d->end;
    o.flags = d->flags;
    o.exclusion = d->exclusion;
    o.share = d->share;
    return o;
}

static itsm_calendar *desk(void)
{
    itsm_calendar_spec *s = NULL;
    itsm_holiday_set *jp = NULL;
    itsm_calendar *cal = NULL;
    int rc = itsm_calendar_spec_new(&s, "desk", "Asia/Tokyo", NULL);
    for (int wd = 1; rc == ITSM_OK && wd <= 5; wd++)
        rc = itsm_calendar_spec_add_interval(s, wd, 9 * 3600, 18 * 3600, ITSM_INTERVAL_SAME_DAY);
    if (rc == ITSM_OK)
        rc = itsm_holiday_set_builtin(&jp, "jp");
    if (rc == ITSM_OK)
        rc = itsm_calendar_spec_add_holidays(s, jp);
    if (rc == ITSM_OK)
        rc = itsm_calendar_compile(&cal, s);
    itsm_holiday_set_free(jp);
    itsm_calendar_spec_free(s);
    return cal;
}

static int bench_availability(size_t n, uint64_t *rng)
{
    outage_data d;
    itsm_outages o = make_outages(&d, n, rng);
    itsm_calendar *cal = desk();
    int64_t *down = malloc(SLICES * sizeof *down), *agreed = malloc(SLICES * sizeof *agreed);
    itsm_instant *us = malloc(n * sizeof *us), *ue = malloc(n * sizeof *ue);
    if (o.start == NULL || cal == NULL || down == NULL || agreed == NULL || us == NULL || ue == NULL)
        return fail("setup");
    itsm_availability a;
    itsm_availability_options opt = ITSM_AVAILABILITY_OPTIONS_INIT;
    double sec = 0;
    int rc = ITSM_OK;
    BEST_OF_3(sec, rc, itsm_availability_compute(&a, &o, SPAN_START, SPAN_START + SPAN_SECONDS, &opt));
    row("availability, 24x7, 100 years", n, sec, "outages");
    printf("    availability %.6f, %lld failures, %lld s down, %lld s maintenance, %lld s excluded\n",
           a.availability.ratio, (long long)a.failures, (long long)a.downtime_seconds,
           (long long)a.maintenance_seconds, (long long)a.excluded_seconds);
    opt.partial = ITSM_PARTIAL_WEIGHTED;
    opt.minimum_outage = 300;
    opt.probe_interval = 60;
    BEST_OF_3(sec, rc, itsm_availability_compute(&a, &o, SPAN_START, SPAN_START + SPAN_SECONDS, &opt));
    row("availability, weighted, 5-min minimum, 60 s probes", n, sec, "outages");
    opt = (itsm_availability_options)ITSM_AVAILABILITY_OPTIONS_INIT;
    opt.calendar = cal;
    BEST_OF_3(sec, rc, itsm_availability_compute(&a, &o, SPAN_START, SPAN_START + SPAN_SECONDS, &opt));
    row("availability, business calendar (Tokyo, jp)", n, sec, "outages");
    BEST_OF_3(sec, rc, itsm_availability_series(down, agreed, &o, SPAN_START, SLICE, SLICES, &opt));
    row("series of 1217 30-day slices, calendar", n, sec, "outages");
    size_t m = 0;
    BEST_OF_3(sec, rc, itsm_interval_union(us, ue, &m, d.start, d.end, n));
    row("interval union", n, sec, "intervals");
    printf("    %zu disjoint intervals\n", m);
    free(us);
    free(ue);
    free(down);
    free(agreed);
    itsm_calendar_free(cal);
    free(d.start);
    free(d.end);
    free(d.flags);
    free(d.exclusion);
    free(d.share);
    return rc == ITSM_OK ? 0 : fail("availability");
}

static int bench_calls(size_t n, uint64_t *rng)
{
    uint8_t *outcome = malloc(n), *flags = malloc(n);
    int64_t *wait = malloc(n * sizeof *wait), *caller = malloc(n * sizeof *caller);
    itsm_instant *arrival = malloc(n * sizeof *arrival);
    if (outcome == NULL || flags == NULL || wait == NULL || caller == NULL || arrival == NULL)
        return fail("setup");
    for (size_t i = 0; i < n; i++) {
        int64_t k = uniform(rng, 100);
        outcome[i] = (uint8_t)(k < 80 ? ITSM_CALL_ANSWERED : k < 95 ? ITSM_CALL_ABANDONED : ITSM_CALL_BUSY);
        wait[i] = uniform(rng, 180);
        flags[i] = (uint8_t)uniform(rng, 8);
        caller[i] = uniform(rng, (int64_t)(n / 4 + 1));
        arrival[i] = SPAN_START + uniform(rng, 365 * 86400);
    }
    itsm_calls calls = ITSM_CALLS_INIT;
    calls.n = n;
    calls.outcome = outcome;
    calls.wait = wait;
    calls.flags = flags;
    itsm_call_params p = ITSM_CALL_PARAMS_INIT;
    p.answer_threshold = 20;
    p.short_abandon = 5;
    itsm_call_counts c;
    double sec = 0;
    int rc = ITSM_OK;
    BEST_OF_3(sec, rc, itsm_calls_count(&c, &calls, &p));
    row("call counts (all rates follow)", n, sec, "calls");
    itsm_rate sl;
    if (rc == ITSM_OK)
        rc = itsm_call_rate(&sl, &c, ITSM_CALL_SERVICE_LEVEL);
    printf("    service level %.4f, abandoned %lld, busy %lld\n", sl.ratio, (long long)c.abandoned, (long long)c.busy);
    size_t nr = n / 10;
    calls.n = nr;
    calls.arrival = arrival;
    calls.caller = caller;
    p.repeat_window = 7 * 86400;
    BEST_OF_3(sec, rc, itsm_calls_count(&c, &calls, &p));
    row("call counts with repeat contacts (7 days)", nr, sec, "calls");
    free(outcome);
    free(flags);
    free(wait);
    free(caller);
    free(arrival);
    return rc == ITSM_OK ? 0 : fail("calls");
}

static int bench_durations(size_t n, uint64_t *rng)
{
    int64_t *d = malloc(n * sizeof *d);
    if (d == NULL)
        return fail("setup");
    for (size_t i = 0; i < n; i++)
        d[i] = uniform(rng, 30 * 86400);
    itsm_duration_stats s;
    double sec = 0;
    int rc = ITSM_OK;
    BEST_OF_3(sec, rc, itsm_durations_summarize(&s, d, NULL, n, 4 * 3600));
    row("duration statistics", n, sec, "records");
    int64_t ranks[3] = {500000000, 950000000, 999000000}, out[3];
    size_t count = 0;
    BEST_OF_3(sec, rc, itsm_durations_percentiles(out, &count, d, NULL, n, ranks, 3));
    row("percentiles p50 p95 p99.9 (sorts a copy)", n, sec, "records");
    free(d);
    return rc == ITSM_OK ? 0 : fail("durations");
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? (size_t)strtoull(argv[1], NULL, 10) : 1000000;
    uint64_t rng = 0x9e3779b97f4a7c15u;
    printf("bench_metrics: %zu outages, %zu calls, %zu durations (libitsm %s)\n", n, 10 * n, 10 * n, itsm_version());
    return bench_availability(n, &rng) || bench_calls(10 * n, &rng) || bench_durations(10 * n, &rng);
}
