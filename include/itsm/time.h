/**
 * @file itsm/time.h
 * @brief Instants, civil dates, ISO 8601 text, local times of day and durations.
 *
 * An instant is int64 seconds since 1970-01-01T00:00:00Z (no leap seconds). A duration
 * is int64 seconds. Civil dates are proleptic Gregorian. The supported range is
 * 1900-01-01 .. 2200-12-31 for dates and [::ITSM_INSTANT_MIN, ::ITSM_INSTANT_MAX] for
 * instants; anything outside is an ::ITSM_ERANGE error, never a wrapped value.
 * Nothing here reads the TZ variable, the locale or any other global state.
 */
#ifndef ITSM_TIME_H
#define ITSM_TIME_H

#include "itsm/common.h"

ITSM_BEGIN_DECL

/** Seconds since 1970-01-01T00:00:00Z, UTC, without leap seconds. */
typedef int64_t itsm_instant;
/** A length of time in seconds. */
typedef int64_t itsm_duration;

/** 1900-01-01T00:00:00Z, the first supported instant. */
#define ITSM_INSTANT_MIN INT64_C(-2208988800)
/** 2200-12-31T23:59:59Z, the last supported instant. */
#define ITSM_INSTANT_MAX INT64_C(7289654399)
/** Day number (days since 1970-01-01) of 1900-01-01. */
#define ITSM_DAYS_MIN (-25567)
/** Day number of 2200-12-31. */
#define ITSM_DAYS_MAX 84370
/** Seconds in a civil day without a DST change. */
#define ITSM_SECONDS_PER_DAY 86400

/** Buffer size that always holds a formatted instant ("2024-05-01T09:00:00+09:00"). */
#define ITSM_INSTANT_TEXT_SIZE 32
/** Buffer size that always holds a formatted date ("2024-05-01"). */
#define ITSM_DATE_TEXT_SIZE 11
/** Buffer size that always holds a formatted local time of day ("24:00", "09:30:15"). */
#define ITSM_LOCAL_TIME_TEXT_SIZE 9
/** Buffer size that always holds a formatted duration ("-P106751991167300DT15H30M7S"). */
#define ITSM_DURATION_TEXT_SIZE 40

/** Opaque time zone (see itsm/tz.h). */
typedef struct itsm_tz itsm_tz;

/** A proleptic Gregorian date. A plain value; its layout never changes. */
typedef struct itsm_date {
    int32_t year;  /**< 1900 .. 2200 */
    int32_t month; /**< 1 .. 12 */
    int32_t day;   /**< 1 .. days in the month */
} itsm_date;

/** A civil date and time of day, in UTC or in some zone's local time. Plain value. */
typedef struct itsm_datetime {
    int32_t year, month, day; /**< as ::itsm_date */
    int32_t hour;             /**< 0 .. 23 */
    int32_t minute;           /**< 0 .. 59 */
    int32_t second;           /**< 0 .. 59 (leap seconds are not representable) */
} itsm_datetime;

/* ---- civil dates ---------------------------------------------------------------- */

/** Day number (days since 1970-01-01) of a valid date in range. */
ITSM_API itsm_status itsm_date_to_days(int32_t *out_days, itsm_date date);
/** The date of a day number in [::ITSM_DAYS_MIN, ::ITSM_DAYS_MAX]. */
ITSM_API itsm_status itsm_date_from_days(itsm_date *out, int32_t days);
/** ISO weekday of a date: 1 = Monday .. 7 = Sunday. */
ITSM_API itsm_status itsm_date_weekday(int *out_weekday, itsm_date date);
/** The date n days after (n < 0: before) a date; the result must stay in range. */
ITSM_API itsm_status itsm_date_add_days(itsm_date *out, itsm_date date, int32_t n);
/** Days in a month of a year (28..31), or 0 when month is not 1..12. Proleptic Gregorian. */
ITSM_API int itsm_days_in_month(int32_t year, int32_t month);
/** Parse "YYYY-MM-DD" (exactly that; no surrounding text). */
ITSM_API itsm_status itsm_date_parse(itsm_date *out, const char *text);
/** Format as "YYYY-MM-DD" into buf (at least ::ITSM_DATE_TEXT_SIZE bytes). */
ITSM_API itsm_status itsm_date_format(char *buf, size_t size, itsm_date date);

/* ---- instants --------------------------------------------------------------------- */

/** The instant of a UTC civil date-time (validated, in range). */
ITSM_API itsm_status itsm_instant_from_utc(itsm_instant *out, const itsm_datetime *utc);
/** The UTC civil date-time of an instant in range. */
ITSM_API itsm_status itsm_instant_to_utc(itsm_datetime *out, itsm_instant t);

/**
 * Parse an ISO 8601 / RFC 3339 instant: `YYYY-MM-DDTHH:MM[:SS[.000]]` followed by `Z` or
 * an offset `+hh:mm`, `+hhmm` or `+hh` (also `-`). `T` may be `t` or a space; `24:00[:00]`
 * means the start of the next day. Fractional seconds are accepted only when they are all
 * zero (instants have one-second resolution; nothing is silently truncated).
 *
 * Text without an offset is a local time in `zone`, resolved with the default policy of
 * itsm_tz_from_local(); when `zone` is NULL it is an ::ITSM_EPARSE error.
 * @return ::ITSM_EPARSE with the offset of the bad character in the message,
 *         ::ITSM_ERANGE for fields or results out of range.
 */
ITSM_API itsm_status itsm_instant_parse(itsm_instant *out, const char *text, const itsm_tz *zone);
/** As itsm_instant_parse() on `len` bytes that need not be NUL-terminated. */
ITSM_API itsm_status itsm_instant_parse_n(itsm_instant *out, const char *text, size_t len,
                                          const itsm_tz *zone);

/**
 * Format an instant as ISO 8601: `2024-05-01T00:00:00Z` when `zone` is NULL, otherwise
 * the local time in `zone` with its offset, `2024-05-01T09:00:00+09:00` (an offset with
 * seconds, as in historic LMT, prints `+09:18:59`).
 * @param size at least ::ITSM_INSTANT_TEXT_SIZE is always enough.
 */
ITSM_API itsm_status itsm_instant_format(char *buf, size_t size, itsm_instant t, const itsm_tz *zone);
/** Format an instant at a fixed UTC offset in seconds (0 prints `+00:00`). */
ITSM_API itsm_status itsm_instant_format_offset(char *buf, size_t size, itsm_instant t,
                                                int32_t utc_offset);

/* ---- local times of day ----------------------------------------------------------- */

/**
 * Parse a local time of day `HH:MM` or `HH:MM:SS` into seconds after midnight,
 * 0 .. 86400; `24:00` (and `24:00:00`) is 86400, the end of the day.
 */
ITSM_API itsm_status itsm_local_time_parse(int32_t *out_seconds, const char *text);
/** Format seconds after midnight (0 .. 86400) as `HH:MM`, or `HH:MM:SS` when seconds != 0. */
ITSM_API itsm_status itsm_local_time_format(char *buf, size_t size, int32_t seconds);

/* ---- durations -------------------------------------------------------------------- */

/**
 * Parse an ISO 8601 duration of fixed length: `PnW`, `PnDTnHnMnS` and its subsets
 * (`PT90M`, `P1D`, `PT0S`), optionally preceded by `-`. Years and months (`P1Y`, `P1M`)
 * have no fixed number of seconds and are rejected with a message saying so.
 */
ITSM_API itsm_status itsm_duration_parse(itsm_duration *out, const char *text);
/** Canonical form: `P1DT2H3M4S`, `PT0S`, `-PT30M` (days, never weeks). */
ITSM_API itsm_status itsm_duration_format(char *buf, size_t size, itsm_duration d);

ITSM_END_DECL

#endif /* ITSM_TIME_H */
