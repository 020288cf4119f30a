/**
 * @file itsm/holidays.h
 * @brief Holiday sets: the built-in Japanese national holidays, the year-end closing,
 *        explicit dates and yearly rules. A set is named and may be shared by any number
 *        of calendars (they copy what they need when compiled).
 */
#ifndef ITSM_HOLIDAYS_H
#define ITSM_HOLIDAYS_H

#include "itsm/time.h"

ITSM_BEGIN_DECL

/** Opaque holiday set. Mutable until shared; const access is thread-safe. */
typedef struct itsm_holiday_set itsm_holiday_set;

/** One holiday: a date and its name. Plain value; `name` is borrowed (see the getters). */
typedef struct itsm_holiday {
    itsm_date date;
    const char *name;
} itsm_holiday;

/**
 * A built-in set by name:
 * - `jp`: Japanese national holidays (国民の祝日に関する法律, 1948-07-20 on), with
 *   substitute holidays (振替休日), citizens' holidays (国民の休日) and the one-off days,
 *   defined through 2150-12-31 (the equinox formula's limit);
 * - `jp-year-end`: the customary year-end closing, Dec 29 .. Jan 3 every year.
 * @param out Ownership: the caller's; release with itsm_holiday_set_free().
 * @return ::ITSM_ENOTFOUND for an unknown name.
 */
ITSM_API itsm_status itsm_holiday_set_builtin(itsm_holiday_set **out, const char *name);

/** A new, empty set named `name` (1..63 bytes of `[A-Za-z0-9_.-]`). */
ITSM_API itsm_status itsm_holiday_set_new(itsm_holiday_set **out, const char *name);

/** Release a set; NULL is a no-op. Calendars compiled from it are not affected. */
ITSM_API void itsm_holiday_set_free(itsm_holiday_set *set);

/** The set's name. Borrowed; lives as long as the set. NULL only when set is NULL. */
ITSM_API const char *itsm_holiday_set_name(const itsm_holiday_set *set);

/**
 * Add one date (::ITSM_ERANGE outside 1900..2200). `name` is copied; it must be valid
 * UTF-8 (else ::ITSM_EINVAL); NULL or "" is an unnamed closing day. A date already in the
 * set keeps its first name.
 */
ITSM_API itsm_status itsm_holiday_set_add_date(itsm_holiday_set *set, itsm_date date, const char *name);

/**
 * Add a yearly rule on a fixed month and day, for years first_year..last_year (0 for
 * no bound, else 1900..2200: ::ITSM_ERANGE). A Feb 29 rule occurs only in leap years
 * (never moved to Feb 28 or Mar 1). Bad months or days are ::ITSM_EINVAL naming them.
 */
ITSM_API itsm_status itsm_holiday_set_add_fixed(itsm_holiday_set *set, int32_t month, int32_t day,
                                                const char *name, int32_t first_year, int32_t last_year);

/**
 * Add a yearly rule on the nth ISO weekday (1 = Monday .. 7 = Sunday) of a month;
 * nth = 1..5, or -1 for the last one. A 5th weekday that a month lacks does not occur.
 */
ITSM_API itsm_status itsm_holiday_set_add_nth_weekday(itsm_holiday_set *set, int32_t month, int32_t nth,
                                                      int32_t weekday, const char *name, int32_t first_year,
                                                      int32_t last_year);

/**
 * Add a yearly range of dates from (from_month, from_day) to (to_month, to_day)
 * inclusive. A range whose end is before its start crosses the year end (Dec 29 .. Jan 3);
 * `first_year` then names the year in which the range starts. A Feb 29 endpoint in a
 * common year starts the range on Mar 1 or ends it on Feb 28.
 */
ITSM_API itsm_status itsm_holiday_set_add_range(itsm_holiday_set *set, int32_t from_month, int32_t from_day,
                                                int32_t to_month, int32_t to_day, const char *name,
                                                int32_t first_year, int32_t last_year);

/** Add every date and rule of `other` (copied; `other` may be freed afterwards). */
ITSM_API itsm_status itsm_holiday_set_add_set(itsm_holiday_set *set, const itsm_holiday_set *other);

/**
 * Whether a date is a holiday of the set: `*out_name` is its name ("" if unnamed) or
 * NULL when it is not a holiday.
 * @note Ownership: the name is borrowed from the set (static for built-in sets).
 * @return ::ITSM_ERANGE when the date is outside the span the set is defined for (the
 *         `jp` set ends on 2150-12-31).
 */
ITSM_API itsm_status itsm_holiday_set_lookup(const char **out_name, const itsm_holiday_set *set, itsm_date date);

/** First and last date the set is defined for (1900-01-01 .. 2200-12-31 unless limited). */
ITSM_API itsm_status itsm_holiday_set_span(itsm_date *out_first, itsm_date *out_last, const itsm_holiday_set *set);

/**
 * The holidays of the set between first and last (inclusive), sorted by date; a date in
 * several rules is listed once, with the first rule's name.
 * @param out Ownership: an array the caller releases with itsm_free(); names inside it
 *        are borrowed from the set. With no holidays, `*out` is NULL and `*out_count` 0.
 */
ITSM_API itsm_status itsm_holiday_set_list(itsm_holiday **out, size_t *out_count, const itsm_holiday_set *set,
                                           itsm_date first, itsm_date last);

/**
 * A holiday set from JSON text: a built-in set's name as a JSON string (`"jp"`), or a
 * custom set object `{"name", "include", "dates", "fixed", "nth_weekday", "ranges"}` as
 * in calendar documents (docs/schema/calendar.schema.json, `$defs/holiday_set`).
 * @param out Ownership: the caller's; release with itsm_holiday_set_free().
 * @return ::ITSM_EPARSE for malformed JSON (line and column in the message); errors in
 *         the content name their JSON path (`$.fixed[1].day: ...`); ::ITSM_ENOTFOUND for
 *         an unknown built-in name.
 */
ITSM_API itsm_status itsm_holiday_set_from_json(itsm_holiday_set **out, const char *json, size_t len);

/**
 * A set as JSON text that itsm_holiday_set_from_json() reads back to a set with the same
 * holidays and names: a built-in set as its name, any other as an object of its dates
 * and rules.
 * @param out Ownership: a NUL-terminated string the caller releases with itsm_free().
 */
ITSM_API itsm_status itsm_holiday_set_to_json(char **out, const itsm_holiday_set *set);

/**
 * The Japanese national holiday on a date: its statutory name in Japanese (UTF-8, e.g.
 * "元日", "振替休日", "国民の休日") or NULL when the date is not one.
 * @note Ownership: static storage.
 * @return ::ITSM_ERANGE outside 1900-01-01 .. 2150-12-31.
 */
ITSM_API itsm_status itsm_japan_holiday(const char **out_name, itsm_date date);

ITSM_END_DECL

#endif /* ITSM_HOLIDAYS_H */
