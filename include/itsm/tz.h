/**
 * @file itsm/tz.h
 * @brief IANA time zones (TZif files, RFC 8536 v1-v4) and fixed UTC offsets.
 *
 * A loaded ::itsm_tz is immutable: it may be shared between threads without locking.
 * Instants past the last transition of a file follow its POSIX TZ footer rule; the
 * rule is expanded at load time through 2200, so every look-up is one binary search.
 */
#ifndef ITSM_TZ_H
#define ITSM_TZ_H

#include "itsm/time.h"

ITSM_BEGIN_DECL

/**
 * How a local time that does not exist (spring-forward gap) or exists twice (fall-back
 * overlap) becomes an instant. Combine one `ITSM_GAP_*` with one `ITSM_OVERLAP_*`;
 * 0 (::ITSM_LOCAL_DEFAULT) is "shift forward by the gap, take the earlier occurrence".
 */
typedef enum itsm_local_policy {
    ITSM_GAP_SHIFT = 0x00,       /**< gap: move forward by the gap's length (02:30 -> 03:30) */
    ITSM_GAP_NEXT_VALID = 0x01,  /**< gap: the first instant after the gap (-> 03:00) */
    ITSM_GAP_ERROR = 0x02,       /**< gap: fail with ::ITSM_ENONEXISTENT */
    ITSM_OVERLAP_EARLIER = 0x00, /**< overlap: the first occurrence */
    ITSM_OVERLAP_LATER = 0x10,   /**< overlap: the second occurrence */
    ITSM_OVERLAP_ERROR = 0x20    /**< overlap: fail with ::ITSM_EAMBIGUOUS */
} itsm_local_policy;

/** The default local-time policy: ::ITSM_GAP_SHIFT | ::ITSM_OVERLAP_EARLIER. */
#define ITSM_LOCAL_DEFAULT 0u
/** Strict policy: both gaps and overlaps are errors. */
#define ITSM_LOCAL_STRICT (ITSM_GAP_ERROR | ITSM_OVERLAP_ERROR)

/** Local time type in force at an instant. Plain value; layout never changes. */
typedef struct itsm_tz_info {
    int32_t utc_offset;    /**< seconds east of UTC (local = UTC + offset) */
    int32_t is_dst;        /**< 1 during daylight saving time, else 0 */
    char abbreviation[16]; /**< "JST", "CEST", "+09" (NUL-terminated, may be empty) */
} itsm_tz_info;

/**
 * Load a zone by name.
 *
 * `name` is an IANA name (`Asia/Tokyo`), `UTC`/`Z`, or a fixed offset `+09:00`, `-0330`,
 * `+09`, `+05:21:10` (the names itsm_tz_fixed() gives; `-00:00` means `+00:00`). IANA
 * names are read from `zoneinfo_dir`; when NULL, from `$TZDIR` if set, else
 * `/usr/share/zoneinfo` (reading `TZDIR` races with a concurrent setenv() in another
 * thread: pass the directory explicitly in threaded programs that change it). Names with
 * `..`, a leading `/` or characters outside `[A-Za-z0-9/_+-]` are rejected with
 * ::ITSM_EINVAL before any file is opened.
 * @param out receives the zone. Ownership: the caller's; release with itsm_tz_free().
 * @return ::ITSM_ENOTFOUND when no such zone exists, ::ITSM_EFORMAT for a malformed or
 *         leap-second ("right/") file, ::ITSM_EIO when it cannot be read.
 */
ITSM_API itsm_status itsm_tz_load(itsm_tz **out, const char *name, const char *zoneinfo_dir);

/**
 * Build a zone from TZif bytes in memory (RFC 8536 versions 1-4), named `name`.
 * The data is copied as needed; the caller keeps ownership of `data`.
 */
ITSM_API itsm_status itsm_tz_from_tzif(itsm_tz **out, const char *name, const void *data, size_t size);

/**
 * A zone with a constant offset, -86399 .. 86399 seconds east of UTC (else ::ITSM_EINVAL),
 * named like `+09:00` or `+05:21:10`.
 */
ITSM_API itsm_status itsm_tz_fixed(itsm_tz **out, int32_t utc_offset);

/** Release a zone. NULL is a no-op. */
ITSM_API void itsm_tz_free(itsm_tz *tz);

/**
 * The zone's name as given, or canonical for fixed offsets. NULL only when tz is NULL.
 * Ownership: borrowed; lives as long as tz.
 */
ITSM_API const char *itsm_tz_name(const itsm_tz *tz);

/** Seconds east of UTC at instant t. */
ITSM_API itsm_status itsm_tz_utc_offset(int32_t *out, const itsm_tz *tz, itsm_instant t);

/** Offset, DST flag and abbreviation at instant t. */
ITSM_API itsm_status itsm_tz_info_at(itsm_tz_info *out, const itsm_tz *tz, itsm_instant t);

/** Local civil date-time at instant t (the local date must be in 1900..2200). */
ITSM_API itsm_status itsm_tz_to_local(itsm_datetime *out, const itsm_tz *tz, itsm_instant t);

/**
 * The instant of a local civil date-time, resolving gaps and overlaps by `policy`
 * (a combination of ::itsm_local_policy flags; 0 for the default).
 * @return ::ITSM_ENONEXISTENT / ::ITSM_EAMBIGUOUS when the policy says error.
 */
ITSM_API itsm_status itsm_tz_from_local(itsm_instant *out, const itsm_tz *tz,
                                        const itsm_datetime *local, unsigned int policy);

/**
 * The first existing instant of a local date (00:00, or the end of a gap that swallows
 * midnight, e.g. 01:00 on historic America/Sao_Paulo change days). A date that does not
 * exist at all (Pacific/Apia 2011-12-30) is an empty day: its start is the start of the
 * next date, so per-day tables stay contiguous.
 */
ITSM_API itsm_status itsm_tz_start_of_day(itsm_instant *out, const itsm_tz *tz, itsm_date date);

/**
 * The first instant u > t at which the local time type changes: its offset, DST flag or
 * abbreviation (transitions in the file that change none of them are skipped).
 * @return ::ITSM_ENOTFOUND when there is none up to ::ITSM_INSTANT_MAX.
 */
ITSM_API itsm_status itsm_tz_next_transition(itsm_instant *out, const itsm_tz *tz, itsm_instant t);

/* ---- batch forms: one call per array, no allocation ------------------------------
 * With n == 0 the arrays may be NULL. */

/**
 * `out[i]` = UTC offset in seconds at `t[i]`, for i < n. `out` and `t` may be the same
 * array. On a bad element nothing further is written and the message names its index.
 */
ITSM_API itsm_status itsm_tz_utc_offsets(int64_t *out, const itsm_tz *tz, const itsm_instant *t, size_t n);

/**
 * `out[i]` = local "wall seconds" of `t[i]`: t + offset, i.e. the local civil time
 * counted as seconds since 1970-01-01T00:00 local. Arrays may alias. As in
 * itsm_tz_to_local(), each local date must be in 1900..2200.
 */
ITSM_API itsm_status itsm_tz_to_local_many(int64_t *out, const itsm_tz *tz, const itsm_instant *t,
                                           size_t n);

/**
 * Inverse of itsm_tz_to_local_many(): `out[i]` = instant of local wall seconds `wall[i]`,
 * resolving gaps and overlaps by `policy`. Arrays may alias.
 */
ITSM_API itsm_status itsm_tz_from_local_many(itsm_instant *out, const itsm_tz *tz, const int64_t *wall,
                                             size_t n, unsigned int policy);

ITSM_END_DECL

#endif /* ITSM_TZ_H */
