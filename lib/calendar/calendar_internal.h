/* Private: the layout of a calendar spec (spec.c) and of a compiled calendar
 * (compile.c, ops.c), and the accessors the JSON reader/writer uses.
 *
 * A compiled calendar keeps a deep copy of the spec it was compiled from
 * (itsm__calendar_spec()), so that itsm_calendar_to_json() can write the definition back
 * rather than the compiled tables. Readers of a spec use the fields below directly; they
 * are stable for the life of the spec and never reordered behind the reader's back:
 *
 *   const itsm_calendar_spec *s = itsm__calendar_spec(cal);
 *   s->name, s->zone (as given to itsm_calendar_spec_new), s->zoneinfo_dir (may be NULL)
 *   for (int wd = 1; wd <= 7; wd++)
 *       for (size_t i = 0; i < itsm__spec_week_count(s, wd); i++) {
 *           const itsm__cal_interval *iv = itsm__spec_week(s, wd) + i;
 *           // iv->start .. iv->end; itsm__interval_pieces(iv, p) gives the 1 or 2
 *           // itsm_calendar_spec_add_interval() calls that rebuild it (a merged
 *           // interval can exceed 24 h and then needs two)
 *       }
 *   s->closures[0 .. closure_count)   in the order they were added
 *   s->openings[0 .. opening_count)   in the order they were added
 *   s->sets[0 .. set_count)           spec-owned copies; itsm_holiday_set_name() etc.
 *   itsm__spec_option_is_set(s, opt), s->option[opt]
 */
#ifndef ITSM_CALENDAR_INTERNAL_H
#define ITSM_CALENDAR_INTERNAL_H

#include "itsm/calendar.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- spec -------------------------------------------------------------------------- */

/* One open interval of the weekly template, in local seconds after the weekday's
 * midnight. start is 0 .. 86399; end is start+1 .. 86400 for a same-day interval and
 * 86401 .. 172800 for an overnight one (which ends at end - 86400 on the next day).
 * Intervals of one weekday are sorted, disjoint and never touch (touching ones merged). */
typedef struct itsm__cal_interval {
    int32_t start, end;
} itsm__cal_interval;

/* itsm_calendar_spec_close_date (whole = true, from = 0, to = 86400) or
 * itsm_calendar_spec_close_part (whole = false). A whole-date closure also removes the
 * part after midnight of an overnight interval attributed to the date (see
 * ITSM_CAL_CLOSURE_SPLITS_OVERNIGHT); a part closure removes exactly [from, to) of the
 * local date, whichever day the open time belongs to. */
typedef struct itsm__cal_closure {
    itsm_date date;
    int32_t from, to;
    bool whole;
} itsm__cal_closure;

/* itsm_calendar_spec_open_date: [from, to) on a local date, 0 <= from < to <= 86400. */
typedef struct itsm__cal_opening {
    itsm_date date;
    int32_t from, to;
    bool replace;
} itsm__cal_opening;

/* Options are indexed by their itsm_calendar_option value (1 .. 4). */
#define ITSM__CAL_OPTION_COUNT 5

/* Defaults of the options (calendar.h). */
#define ITSM__CAL_DEFAULT_HORIZON_DAYS 3653
/* Bounds of the options: a horizon of at most the whole supported date range; a fixed
 * half day of at most one day. */
#define ITSM__CAL_MAX_HORIZON_DAYS (ITSM_DAYS_MAX - ITSM_DAYS_MIN + 1)
#define ITSM__CAL_MAX_HALF_DAY_SECONDS ITSM_SECONDS_PER_DAY

struct itsm_calendar_spec {
    char *name;         /* as given; non-empty */
    char *zone;         /* zone name as given to itsm_calendar_spec_new */
    char *zoneinfo_dir; /* NULL: the default directory */
    itsm_tz *tz;        /* loaded from zone/zoneinfo_dir; owned */
    itsm__cal_interval *week[7]; /* [weekday - 1] */
    size_t week_count[7], week_cap[7];
    itsm__cal_closure *closures;
    size_t closure_count, closure_cap;
    itsm__cal_opening *openings;
    size_t opening_count, opening_cap;
    itsm_holiday_set **sets; /* spec-owned copies, in the order added */
    size_t set_count, set_cap;
    int64_t option[ITSM__CAL_OPTION_COUNT]; /* current values (defaults until set) */
    unsigned option_set;                    /* bit 1 << opt: set explicitly */
};

static inline size_t itsm__spec_week_count(const itsm_calendar_spec *s, int weekday)
{
    return s->week_count[weekday - 1];
}

static inline const itsm__cal_interval *itsm__spec_week(const itsm_calendar_spec *s, int weekday)
{
    return s->week[weekday - 1];
}

static inline bool itsm__interval_is_overnight(const itsm__cal_interval *iv)
{
    return iv->end > ITSM_SECONDS_PER_DAY;
}

/* The end as a time of day, as passed to itsm_calendar_spec_add_interval(): 0 .. 86400. */
static inline int32_t itsm__interval_end_of_day(const itsm__cal_interval *iv)
{
    return itsm__interval_is_overnight(iv) ? iv->end - ITSM_SECONDS_PER_DAY : iv->end;
}

/* Arguments of itsm_calendar_spec_add_interval() that rebuild `iv` exactly. */
typedef struct itsm__interval_piece {
    int32_t start, end;
    unsigned int flags;
} itsm__interval_piece;

/* Merging a same-day interval with an overnight one can give more than 24 hours (Mon
 * 00:00-24:00 + Mon 22:00-06:00 = Mon 00:00 .. Tue 06:00), which no single call can add:
 * such an interval is written as two pieces that merge back into it (00:00-24:00 and an
 * overnight 06:00-06:00). Returns the number of pieces (1 or 2). */
static inline size_t itsm__interval_pieces(const itsm__cal_interval *iv, itsm__interval_piece out[2])
{
    if (!itsm__interval_is_overnight(iv)) {
        out[0] = (itsm__interval_piece){iv->start, iv->end, ITSM_INTERVAL_SAME_DAY};
        return 1;
    }
    int32_t end = iv->end - ITSM_SECONDS_PER_DAY;
    if (end <= iv->start) {
        out[0] = (itsm__interval_piece){iv->start, end, ITSM_INTERVAL_OVERNIGHT};
        return 1;
    }
    out[0] = (itsm__interval_piece){iv->start, ITSM_SECONDS_PER_DAY, ITSM_INTERVAL_SAME_DAY};
    out[1] = (itsm__interval_piece){end, end, ITSM_INTERVAL_OVERNIGHT};
    return 2;
}

static inline bool itsm__spec_option_is_set(const itsm_calendar_spec *s, itsm_calendar_option opt)
{
    return (s->option_set & (1u << (unsigned)opt)) != 0;
}

/* A deep copy of `src` (zone reloaded, holiday sets copied). Fails with ITSM_ENOMEM or
 * whatever reloading the zone reports; *out untouched on failure. */
int itsm__calendar_spec_copy(itsm_calendar_spec **out, const itsm_calendar_spec *src);

/* ---- compiled calendar ------------------------------------------------------------- */

/* One local date of the covered span. `start` is the UTC instant of its first existing
 * second (itsm_tz_start_of_day); the day ends where the next one starts (equal for a
 * date that does not exist). `cum` = business seconds from the span start to `start`;
 * `bdays` = business days before this one. Two sentinel records follow the last day,
 * both with an empty pattern and cum and bdays = totals: days[ndays].start is the end
 * of the span, days[ndays + 1].start is INT64_MAX, so that the span's end instant maps
 * to a day like any other instant. */
typedef struct itsm__cal_day {
    int64_t start;
    int64_t cum;
    uint32_t pattern;
    uint32_t bdays;
} itsm__cal_day;

/* One open interval of a day pattern: seconds after the day's start (UTC-exact, so DST
 * is already applied) and the open seconds of the day before it. */
typedef struct itsm__cal_span {
    int32_t open, close, before;
} itsm__cal_span;

/* The open time of a day, shared by every day with the same shape (most days of a
 * calendar have one of a handful of patterns). spans[first .. first + count) are the
 * open intervals inside the day; own_* describe the business day the date stands for
 * (its attributed intervals, which for an overnight interval end on the next day):
 * first opening, last close (both after the day's start) and open seconds;
 * own_total == 0 for a date that is not a business day. */
typedef struct itsm__cal_pattern {
    uint32_t first, count;
    int32_t total;
    int32_t own_open, own_close, own_total;
} itsm__cal_pattern;

/* A day pattern's intervals again, at a fixed stride per pattern and padded with
 * empty slots (open = len = 0), so that the open seconds before an instant are a
 * branch-free sum of clamps: the hot path of business_seconds. */
typedef struct itsm__cal_slot {
    int32_t open, len;
} itsm__cal_slot;

/* Patterns with more intervals than this use the spans with a search instead. */
#define ITSM__CAL_MAX_STRIDE 8

struct itsm_calendar {
    itsm_calendar_spec *spec;   /* deep copy; its tz is the calendar's zone */
    int32_t first_day;          /* day number of days[0] */
    size_t ndays;               /* dates covered; days[ndays], days[ndays + 1]: sentinels */
    itsm__cal_day *days;
    itsm__cal_pattern *patterns;
    size_t npatterns;
    itsm__cal_span *spans;
    size_t nspans;
    itsm__cal_slot *slots;      /* npatterns * stride, or NULL when stride is too wide */
    size_t stride;
    int64_t horizon_days;       /* ITSM_CAL_SEARCH_HORIZON_DAYS */
    int64_t half_day_seconds;   /* ITSM_CAL_HALF_DAY_SECONDS */
    bool snap_to_open;          /* ITSM_CAL_SNAP_DEADLINE_TO_OPEN */
};

/* The spec the calendar was compiled from (borrowed; lives as long as the calendar). */
static inline const itsm_calendar_spec *itsm__calendar_spec(const itsm_calendar *cal) { return cal->spec; }

/* B(span start, t) for t in the span (else ITSM_ERANGE naming `who`): callers that chain
 * business_seconds over consecutive instants (the clock evaluator) look each instant up
 * once. */
int itsm__calendar_prefix(int64_t *out, const itsm_calendar *cal, int64_t t, const char *who);

/* Bytes held by the compiled tables (not the spec copy): for tests and benchmarks. */
size_t itsm__calendar_table_bytes(const itsm_calendar *cal);

#endif
