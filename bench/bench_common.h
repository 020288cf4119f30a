/* Helpers shared by the C benchmarks: a monotonic clock, a fast random generator and
 * the seed's desk calendar pieces. Header-only: each benchmark is one program. */
#ifndef ITSM_BENCH_COMMON_H
#define ITSM_BENCH_COMMON_H

#include <itsm.h>

#include <stdint.h>
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

#endif
