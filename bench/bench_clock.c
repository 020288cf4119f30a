/* SLA clock throughput, single thread: N synthetic incidents (default 1,000,000) with
 * status histories of about six events (new, active, on hold, active, resolved, closed;
 * some reopened), evaluated for two metrics on the seed's desk calendar (Asia/Tokyo,
 * Mon-Fri 9:00-18:00, Sat 9:00-12:00 and 13:00-17:00, closed on `jp` and `jp-year-end`):
 *
 *   response:   new -> active, 4 business hours, the first stop is final;
 *   resolution: new -> resolved/closed, paused on hold, reopenings continue the clock,
 *               target "next business day".
 *
 * One itsm_clock_evaluate_many() call per metric writes the report columns (state,
 * elapsed, deadline, breached); a second pass asks for every column and the threshold
 * instants; a third calls itsm_clock_evaluate() record by record.
 * usage: bench_clock [N] */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include "bench_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int fail(const char *what)
{
    fprintf(stderr, "bench_clock: %s: %s\n", what, itsm_error_last());
    return 1;
}

static itsm_clock_definition *metric(const itsm_calendar *cal, int resolution)
{
    static const int32_t start[] = {ITSM_INCIDENT_NEW}, pause[] = {ITSM_INCIDENT_ON_HOLD};
    static const int32_t responded[] = {ITSM_INCIDENT_ACTIVE, ITSM_INCIDENT_RESOLVED, ITSM_INCIDENT_CLOSED};
    static const int32_t resolved[] = {ITSM_INCIDENT_RESOLVED, ITSM_INCIDENT_CLOSED};
    itsm_clock_options o = ITSM_CLOCK_OPTIONS_INIT;
    o.start = start;
    o.n_start = 1;
    o.calendar = cal;
    if (resolution) {
        o.pause = pause;
        o.n_pause = 1;
        o.stop = resolved;
        o.n_stop = 2;
        o.reopen_policy = ITSM_REOPEN_CONTINUE;
    } else {
        o.stop = responded;
        o.n_stop = 3;
        o.reopen_policy = ITSM_REOPEN_NEVER;
    }
    itsm_clock_definition *def = NULL;
    if (itsm_deadline_parse(&o.target, resolution ? "next business day" : "4 h") != ITSM_OK ||
        itsm_clock_definition_new(&def, &o) != ITSM_OK)
        return NULL;
    return def;
}

typedef struct out {
    int32_t *state;
    int64_t *elapsed, *remaining, *paused;
    itsm_instant *deadline, *thresholds;
    uint8_t *breached;
} out;

static int run_batch(double *seconds, const itsm_clock_definition *const defs[2], const bench_events *e, out *o,
                     int all_columns, itsm_instant as_of)
{
    double t0 = now();
    for (int m = 0; m < 2; m++) {
        itsm_clock_columns c = ITSM_CLOCK_COLUMNS_INIT;
        c.state = o->state;
        c.elapsed_business = o->elapsed;
        c.deadline = o->deadline;
        c.breached = o->breached;
        if (all_columns) {
            c.remaining = o->remaining;
            c.paused_business = o->paused;
            c.threshold_at = o->thresholds;
        }
        if (itsm_clock_evaluate_many(&c, defs[m], e->offsets, e->n_records, e->t, e->code, NULL, e->n_events,
                                     as_of) != ITSM_OK)
            return fail("itsm_clock_evaluate_many");
    }
    *seconds = now() - t0;
    return 0;
}

static int run_scalar(double *seconds, size_t *breaches, const itsm_clock_definition *const defs[2],
                      const bench_events *e, itsm_instant as_of)
{
    double t0 = now();
    *breaches = 0;
    for (int m = 0; m < 2; m++)
        for (size_t r = 0; r < e->n_records; r++) {
            itsm_clock_result x;
            size_t lo = (size_t)e->offsets[r], n = (size_t)(e->offsets[r + 1] - e->offsets[r]);
            if (itsm_clock_evaluate(&x, defs[m], e->t + lo, e->code + lo, NULL, n, as_of) != ITSM_OK)
                return fail("itsm_clock_evaluate");
            *breaches += (size_t)x.breached;
        }
    *seconds = now() - t0;
    return 0;
}

static void row(const char *what, size_t n, double seconds)
{
    printf("%-44s %8.3f s  %6.2f M records/s\n", what, seconds, 2.0 * (double)n / seconds / 1e6);
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? (size_t)strtoull(argv[1], NULL, 10) : 1000000;
    itsm_calendar *cal = bench_desk();
    if (cal == NULL || n == 0)
        return fail("calendar");
    bench_events e;
    if (bench_generate(&e, n) != 0)
        return fail("memory");
    const itsm_clock_definition *defs[2] = {metric(cal, 0), metric(cal, 1)};
    out o = {malloc(n * 4), malloc(n * 8), malloc(n * 8), malloc(n * 8), malloc(n * 8), malloc(n * 32),
             malloc(n)};
    if (defs[0] == NULL || defs[1] == NULL || o.state == NULL || o.thresholds == NULL || o.breached == NULL)
        return fail("setup");
    itsm_instant as_of = 1767193200 + 30 * 86400; /* every record closed */
    printf("bench_clock: %zu incidents, %zu events (%.2f per incident), 2 metrics, calendar desk (Asia/Tokyo, jp)\n",
           n, e.n_events, (double)e.n_events / (double)n);
    double batch = 0, full = 0, scalar = 0;
    size_t breaches = 0, batch_breaches = 0;
    /* A warm-up pass: the first touch of the output pages is not the evaluator's cost. */
    if (run_batch(&batch, defs, &e, &o, 1, as_of) || run_batch(&batch, defs, &e, &o, 0, as_of) ||
        run_batch(&full, defs, &e, &o, 1, as_of) ||
        run_scalar(&scalar, &breaches, defs, &e, as_of))
        return 1;
    for (size_t r = 0; r < n; r++)
        batch_breaches += o.breached[r];
    row("batch: state, elapsed, deadline, breached", n, batch);
    row("batch: + remaining, paused, 4 thresholds", n, full);
    row("scalar itsm_clock_evaluate loop", n, scalar);
    printf("resolution breached: %zu of %zu (batch) ; both metrics, scalar: %zu\n", batch_breaches, n, breaches);
    itsm_clock_definition_free((itsm_clock_definition *)defs[0]);
    itsm_clock_definition_free((itsm_clock_definition *)defs[1]);
    itsm_calendar_free(cal);
    free(e.offsets);
    free(e.t);
    free(e.code);
    free(o.state);
    free(o.elapsed);
    free(o.remaining);
    free(o.paused);
    free(o.deadline);
    free(o.thresholds);
    free(o.breached);
    return 0;
}
