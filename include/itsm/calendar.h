/**
 * @file itsm/calendar.h
 * @brief Business calendars: weekly hours in a zone, holidays, closures and extra
 *        openings, compiled into an immutable table that answers business-time
 *        questions exactly (integer seconds, DST-aware) in O(1) or O(log n).
 *
 * Build an ::itsm_calendar_spec (mutable), then compile it into an ::itsm_calendar
 * (immutable, shareable between threads). All instants are UTC seconds; all local times
 * of day are seconds after local midnight (0 .. 86400), as parsed by
 * itsm_local_time_parse(). Definitions follow `TIME.md` section 4:
 * B(a, b) = business seconds in [a, b).
 */
#ifndef ITSM_CALENDAR_H
#define ITSM_CALENDAR_H

#include "itsm/holidays.h"
#include "itsm/time.h"
#include "itsm/tz.h"

ITSM_BEGIN_DECL

/** A calendar under construction (mutable, not thread-safe). */
typedef struct itsm_calendar_spec itsm_calendar_spec;
/** A compiled calendar (immutable; const access from any number of threads). */
typedef struct itsm_calendar itsm_calendar;

/** Flags of itsm_calendar_spec_add_interval(). */
typedef enum itsm_interval_flags {
    ITSM_INTERVAL_SAME_DAY = 0,  /**< start < end on the same local day */
    ITSM_INTERVAL_OVERNIGHT = 1  /**< end <= start: runs past midnight into the next day */
} itsm_interval_flags;

/** Options of itsm_calendar_spec_set_option(). */
typedef enum itsm_calendar_option {
    /** How closures treat an overnight interval starting on date D (22:00-06:00).
     *  0 (default): the interval belongs to D: closing D closes all of it, the part
     *  after midnight included; closing D+1 does not touch it. 1: closures apply to the
     *  local dates literally: closing D closes 22:00-24:00, closing D+1 closes 00:00-06:00. */
    ITSM_CAL_CLOSURE_SPLITS_OVERNIGHT = 1,
    /** Fixed length in seconds of "half a business day" (半日); 0 (default) = half of the
     *  open time of the day on which the clock starts. */
    ITSM_CAL_HALF_DAY_SECONDS = 2,
    /** Bound of every search, in days of calendar time (default 3653, ten years). */
    ITSM_CAL_SEARCH_HORIZON_DAYS = 3,
    /** 1: a deadline that falls exactly on a closing instant moves to the next opening
     *  (default 0: the closing instant itself). */
    ITSM_CAL_SNAP_DEADLINE_TO_OPEN = 4
} itsm_calendar_option;

/** How itsm_calendar_add_business_days() places its result on the target date. */
typedef enum itsm_business_day_mode {
    ITSM_KEEP_TIME = 0,  /**< same local time of day, moved forward into open time if closed */
    ITSM_END_OF_DAY = 1  /**< the close of that business day */
} itsm_business_day_mode;

/* ---- specification ----------------------------------------------------------------- */

/**
 * A new empty spec named `name` in a zone (an IANA name or fixed offset as accepted by
 * itsm_tz_load(); `zoneinfo_dir` NULL for the default).
 * @param out Ownership: the caller's; release with itsm_calendar_spec_free().
 */
ITSM_API itsm_status itsm_calendar_spec_new(itsm_calendar_spec **out, const char *name, const char *zone,
                                            const char *zoneinfo_dir);
/** Release a spec; NULL is a no-op. */
ITSM_API void itsm_calendar_spec_free(itsm_calendar_spec *spec);

/**
 * Add an open interval [start, end) to an ISO weekday (1 = Monday .. 7 = Sunday; any
 * other value is ::ITSM_EINVAL naming the weekday). Times are seconds after midnight,
 * 0 .. 86400. Without ::ITSM_INTERVAL_OVERNIGHT, `start < end` is required; with it,
 * `end <= start` and the interval ends on the next day. Intervals of one weekday that
 * overlap or touch are merged (9:00-12:00 + 12:00-13:00 = 9:00-13:00).
 */
ITSM_API itsm_status itsm_calendar_spec_add_interval(itsm_calendar_spec *spec, int weekday, int32_t start,
                                                     int32_t end, unsigned int flags);

/** Close every holiday of `set` (copied: the set may be freed afterwards). */
ITSM_API itsm_status itsm_calendar_spec_add_holidays(itsm_calendar_spec *spec, const itsm_holiday_set *set);

/** Close a whole local date. */
ITSM_API itsm_status itsm_calendar_spec_close_date(itsm_calendar_spec *spec, itsm_date date);

/** Close [from, to) of a local date (seconds after midnight, from < to <= 86400). */
ITSM_API itsm_status itsm_calendar_spec_close_part(itsm_calendar_spec *spec, itsm_date date, int32_t from,
                                                   int32_t to);

/**
 * Open [from, to) on a local date in addition to its template (a special working
 * Saturday), or, with `replace` = 1, instead of its template. Extra openings apply even
 * on holidays; explicit closures (close_date, close_part) win over them.
 */
ITSM_API itsm_status itsm_calendar_spec_open_date(itsm_calendar_spec *spec, itsm_date date, int32_t from,
                                                  int32_t to, int replace);

/** Set an ::itsm_calendar_option. */
ITSM_API itsm_status itsm_calendar_spec_set_option(itsm_calendar_spec *spec, itsm_calendar_option option,
                                                   int64_t value);

/**
 * Compile a spec. The calendar covers the local dates on which every holiday set is
 * defined (1900-01-01 .. 2200-12-31, or less: `jp` ends in 2150) and whose whole day
 * lies within the instant range (so 1900-01-01 is left out in zones east of UTC);
 * instants outside are ::ITSM_ERANGE errors. Every search is bounded by
 * ::ITSM_CAL_SEARCH_HORIZON_DAYS; reaching the bound is an ::ITSM_ERANGE error saying so.
 * @return ::ITSM_EINVAL naming the problem when the calendar has no open time at all.
 * @param out Ownership: the caller's; release with itsm_calendar_free(). The spec is
 *        not kept and may be freed or changed afterwards.
 */
ITSM_API itsm_status itsm_calendar_compile(itsm_calendar **out, const itsm_calendar_spec *spec);

/** Release a calendar; NULL is a no-op. */
ITSM_API void itsm_calendar_free(itsm_calendar *cal);

/** The calendar's name. Borrowed; lives as long as the calendar. */
ITSM_API const char *itsm_calendar_name(const itsm_calendar *cal);

/** The calendar's zone. Borrowed; lives as long as the calendar. */
ITSM_API const itsm_tz *itsm_calendar_zone(const itsm_calendar *cal);

/* ---- operations (TIME.md 4) ---------------------------------------------------------- */

/** `*out` = 1 if t lies inside an open interval, else 0. */
ITSM_API itsm_status itsm_calendar_is_open(int *out, const itsm_calendar *cal, itsm_instant t);
/** t if open, else the first open instant after t. */
ITSM_API itsm_status itsm_calendar_next_open(itsm_instant *out, const itsm_calendar *cal, itsm_instant t);
/** The end of the open interval containing t, or of the next one if t is closed. */
ITSM_API itsm_status itsm_calendar_next_close(itsm_instant *out, const itsm_calendar *cal, itsm_instant t);
/** B(a, b); a > b gives -B(b, a). O(1). */
ITSM_API itsm_status itsm_calendar_business_seconds(int64_t *out, const itsm_calendar *cal, itsm_instant a,
                                                    itsm_instant b);
/**
 * The smallest u >= t with B(t, u) = seconds (seconds >= 0; 0 gives t). A deadline
 * exactly at a closing instant is that instant (see ::ITSM_CAL_SNAP_DEADLINE_TO_OPEN).
 * O(log n).
 */
ITSM_API itsm_status itsm_calendar_add_business(itsm_instant *out, const itsm_calendar *cal, itsm_instant t,
                                                int64_t seconds);
/** The largest u <= t with B(u, t) = seconds (seconds >= 0). */
ITSM_API itsm_status itsm_calendar_sub_business(itsm_instant *out, const itsm_calendar *cal, itsm_instant t,
                                                int64_t seconds);
/**
 * `*out` = 1 if the local date is a business day: it owns open time. By default an
 * overnight interval belongs to the date it starts on, so a Saturday holding only the
 * tail of Friday's night shift is not a business day (with
 * ::ITSM_CAL_CLOSURE_SPLITS_OVERNIGHT dates are taken literally).
 */
ITSM_API itsm_status itsm_calendar_is_business_day(int *out, const itsm_calendar *cal, itsm_date date);
/** Number of business dates (see itsm_calendar_is_business_day()) in [a, b); negative when a > b. */
ITSM_API itsm_status itsm_calendar_business_days(int32_t *out, const itsm_calendar *cal, itsm_date a,
                                                 itsm_date b);
/**
 * The n-th business date after t's local date, placed by `mode`. n >= 1 counts business
 * dates strictly after t's date; n = 0 gives t's date if it is a business day, else the
 * next business date.
 */
ITSM_API itsm_status itsm_calendar_add_business_days(itsm_instant *out, const itsm_calendar *cal, itsm_instant t,
                                                     int32_t n, itsm_business_day_mode mode);
/**
 * Close of the k-th business day counted from the business day containing t (or the
 * next one if t's date has no open time left after t): k = 0 "same day" (当日),
 * k = 1 "next business day" (翌営業日).
 */
ITSM_API itsm_status itsm_calendar_end_of_business_day(itsm_instant *out, const itsm_calendar *cal,
                                                       itsm_instant t, int32_t k);
/**
 * "Within half a day" (半日以内) from t: half (rounded down to a second) of the open time
 * of the business day on which the clock starts, added with itsm_calendar_add_business();
 * or the fixed length set by ::ITSM_CAL_HALF_DAY_SECONDS (0 .. 86400 s).
 */
ITSM_API itsm_status itsm_calendar_half_business_day(itsm_instant *out, const itsm_calendar *cal, itsm_instant t);
/**
 * Close of the n-th business day (n >= 1) of a month: "within 10 business days from
 * the start of next month" = itsm_calendar_nth_business_day(out, cal, y, m + 1, 10);
 * month 13 is January of the next year. A month with fewer than n business days counts
 * on into the following month.
 */
ITSM_API itsm_status itsm_calendar_nth_business_day(itsm_instant *out, const itsm_calendar *cal, int32_t year,
                                                    int32_t month, int32_t n);

/* ---- batch forms: no allocation; arrays may alias; n == 0 allows NULL ------------- */

/** out[i] = B(a[i], b[i]). A bad element stops the batch; the message names its index. */
ITSM_API itsm_status itsm_calendar_business_seconds_many(int64_t *out, const itsm_calendar *cal,
                                                         const itsm_instant *a, const itsm_instant *b, size_t n);
/** out[i] = add_business(t[i], seconds[i]). */
ITSM_API itsm_status itsm_calendar_add_business_many(itsm_instant *out, const itsm_calendar *cal,
                                                     const itsm_instant *t, const int64_t *seconds, size_t n);

/* ---- JSON (schema docs/schema/calendar.schema.json, "itsm_schema": 1) -------------- */

/**
 * Parse a calendar document. Holiday names in `"holidays"` resolve first against
 * `sets` (n_sets custom sets, matched by itsm_holiday_set_name()), then the built-ins.
 * @return ::ITSM_EPARSE for malformed JSON (line and column in the message),
 *         ::ITSM_EINVAL / ::ITSM_ERANGE naming the JSON path (`$.week.mon[1]`) of a bad
 *         value, ::ITSM_ENOTFOUND naming the path of an unknown zone or holiday set,
 *         ::ITSM_EVERSION for a missing or newer `itsm_schema`.
 */
ITSM_API itsm_status itsm_calendar_spec_from_json(itsm_calendar_spec **out, const char *json, size_t len,
                                                  const itsm_holiday_set *const *sets, size_t n_sets);
/** itsm_calendar_spec_from_json() then itsm_calendar_compile(). */
ITSM_API itsm_status itsm_calendar_from_json(itsm_calendar **out, const char *json, size_t len,
                                             const itsm_holiday_set *const *sets, size_t n_sets);
/**
 * The calendar as a JSON document that itsm_calendar_from_json() reads back to an equal
 * calendar (custom holiday sets are written inline).
 * @param out Ownership: a NUL-terminated string the caller releases with itsm_free().
 */
ITSM_API itsm_status itsm_calendar_to_json(char **out, const itsm_calendar *cal);

ITSM_END_DECL

#endif /* ITSM_CALENDAR_H */
