/* Helpers shared by the C benchmarks: a monotonic clock, a fast random generator and
 * the seed's desk calendar pieces. Header-only: each benchmark is one program. */
#ifndef ITSM_BENCH_COMMON_H
#define ITSM_BENCH_COMMON_H

#include <itsm.h>

#include <stdint.h>
#include <stdlib.h>
#include <time.h>

static inline double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static inline uint64_t next_random(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* Open [from, to) on ISO weekdays first..last; 1 on failure. */
static inline int add_week(itsm_calendar_spec *s, int first, int last, int32_t from, int32_t to)
{
    for (int wd = first; wd <= last; wd++)
        if (itsm_calendar_spec_add_interval(s, wd, from, to, ITSM_INTERVAL_SAME_DAY) != ITSM_OK)
            return 1;
    return 0;
}

/* Close the built-in holiday set `name`; 1 on failure. */
static inline int add_set(itsm_calendar_spec *s, const char *name)
{
    itsm_holiday_set *set = NULL;
    int rc = itsm_holiday_set_builtin(&set, name);
    if (rc == ITSM_OK)
        rc = itsm_calendar_spec_add_holidays(s, set);
    itsm_holiday_set_free(set);
    return rc != ITSM_OK;
}

/* The seed's desk hours: Mon-Fri 9-18, Sat 9-12 and 13-17, `jp` and `jp-year-end`. */
static inline int add_desk_hours(itsm_calendar_spec *s)
{
    return add_week(s, 1, 5, 9 * 3600, 18 * 3600) || add_week(s, 6, 6, 9 * 3600, 12 * 3600) ||
           add_week(s, 6, 6, 13 * 3600, 17 * 3600) || add_set(s, "jp") || add_set(s, "jp-year-end");
}

static inline int64_t bench_uniform(uint64_t *s, int64_t lo, int64_t hi)
{
    return lo + (int64_t)(next_random(s) % (uint64_t)(hi - lo));
}

/* The seed's desk calendar ("desk", Asia/Tokyo), or NULL. */
static inline itsm_calendar *bench_desk(void)
{
    itsm_calendar_spec *s = NULL;
    itsm_calendar *cal = NULL;
    if (itsm_calendar_spec_new(&s, "desk", "Asia/Tokyo", NULL) != ITSM_OK)
        return NULL;
    int bad = add_desk_hours(s);
    if (!bad && itsm_calendar_compile(&cal, s) != ITSM_OK)
        cal = NULL;
    itsm_calendar_spec_free(s);
    return cal;
}

/* ---- synthetic incidents (bench_clock, bench_report) ---------------------------------------- */

/* Status histories in CSR form (offsets, instants, codes). */
typedef struct bench_events {
    int64_t *offsets;
    itsm_instant *t;
    int32_t *code;
    size_t n_records, n_events;
} bench_events;

static inline void bench_push(bench_events *e, itsm_instant t, int32_t code)
{
    e->t[e->n_events] = t;
    e->code[e->n_events] = code;
    e->n_events++;
}

/* Incident r of n, opened at any hour of 2024-2025 in the order of their numbers (as a
 * ticket system numbers them), with random gaps. */
static inline void bench_incident(bench_events *e, uint64_t *s, size_t r, size_t n)
{
    const int64_t first = 1704034800, span = 1767193200 - 1704034800; /* 2024-01-01 .. 2025-12-31, JST */
    int64_t slot = span / (int64_t)n;
    itsm_instant t = first + (int64_t)r * slot + bench_uniform(s, 0, slot > 1 ? slot : 1);
    bench_push(e, t, ITSM_INCIDENT_NEW);
    t += bench_uniform(s, 60, 6 * 3600);
    bench_push(e, t, ITSM_INCIDENT_ACTIVE);
    if (next_random(s) % 10 < 6) {
        t += bench_uniform(s, 600, 8 * 3600);
        bench_push(e, t, ITSM_INCIDENT_ON_HOLD);
        t += bench_uniform(s, 3600, 3 * 86400);
        bench_push(e, t, ITSM_INCIDENT_ACTIVE);
    }
    t += bench_uniform(s, 600, 2 * 86400);
    bench_push(e, t, ITSM_INCIDENT_RESOLVED);
    if (next_random(s) % 20 == 0) {
        t += bench_uniform(s, 3600, 86400);
        bench_push(e, t, ITSM_INCIDENT_ACTIVE);
        t += bench_uniform(s, 600, 86400);
        bench_push(e, t, ITSM_INCIDENT_RESOLVED);
    }
    t += bench_uniform(s, 86400, 3 * 86400);
    bench_push(e, t, ITSM_INCIDENT_CLOSED);
}

static inline int bench_generate(bench_events *e, size_t n)
{
    e->offsets = malloc((n + 1) * sizeof *e->offsets);
    e->t = malloc(n * 8 * sizeof *e->t);
    e->code = malloc(n * 8 * sizeof *e->code);
    if (e->offsets == NULL || e->t == NULL || e->code == NULL)
        return 1;
    uint64_t s = 0x2545F4914F6CDD1Du;
    e->n_records = n;
    e->n_events = 0;
    for (size_t r = 0; r < n; r++) {
        e->offsets[r] = (int64_t)e->n_events;
        bench_incident(e, &s, r, n);
    }
    e->offsets[n] = (int64_t)e->n_events;
    return 0;
}

#endif
