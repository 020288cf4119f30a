/* Private: a read-only view of a holiday set's sources, for writers (lib/io/holiday_json.c)
 * and tests. Nothing here allocates or changes the set.
 *
 * A set is an ordered list of sources: yearly rules, in the order they were added, and
 * explicit dates, each of which remembers how many rules were added before it. A date's
 * name comes from the first source that covers it: the first of the rules before an
 * explicit date, else the explicit date, else the first of the rules after it. */
#ifndef ITSM_CALENDAR_HOLIDAYS_INTERNAL_H
#define ITSM_CALENDAR_HOLIDAYS_INTERNAL_H

#include "itsm/holidays.h"

#include <stddef.h>
#include <stdint.h>

typedef enum itsm__holiday_rule_kind {
    ITSM__HOLIDAY_FIXED,       /* every year on month/day */
    ITSM__HOLIDAY_NTH_WEEKDAY, /* every year on the nth weekday of month */
    ITSM__HOLIDAY_RANGE,       /* every year from month/day to to_month/to_day (also jp-year-end) */
    ITSM__HOLIDAY_JAPAN        /* the national holidays of the built-in "jp" set */
} itsm__holiday_rule_kind;

typedef struct itsm__holiday_rule {
    itsm__holiday_rule_kind kind;
    const char *name;              /* "" when unnamed; NULL for JAPAN (its names are static) */
    int32_t first_year, last_year; /* 0 when unbounded, as given to the add functions */
    int32_t month, day;            /* FIXED: the date; NTH_WEEKDAY: month; RANGE: its start */
    int32_t nth, weekday;          /* NTH_WEEKDAY: 1..5 or -1 (the last); 1 = Monday .. 7 */
    int32_t to_month, to_day;      /* RANGE: its end (before the start: across the year end) */
} itsm__holiday_rule;

typedef struct itsm__holiday_date {
    itsm_date date;
    const char *name;    /* "" when unnamed */
    size_t rules_before; /* rules added before it, which take precedence for its name */
} itsm__holiday_date;

/* The rules in the order they were added. `i` < the count. Names are borrowed. */
size_t itsm__holiday_set_rule_count(const itsm_holiday_set *set);
void itsm__holiday_set_rule(itsm__holiday_rule *out, const itsm_holiday_set *set, size_t i);

/* The explicit dates, sorted by date (one entry per date). `i` < the count. */
size_t itsm__holiday_set_date_count(const itsm_holiday_set *set);
void itsm__holiday_set_date(itsm__holiday_date *out, const itsm_holiday_set *set, size_t i);

/* The name rule `i` gives a valid date ("" if unnamed), or NULL when it does not cover
 * the date. The JAPAN rule covers nothing after its table's last year (2150), where a set
 * holding it is not defined anyway. */
const char *itsm__holiday_set_rule_on(const itsm_holiday_set *set, size_t i, itsm_date date);

/* "jp" or "jp-year-end" when `set` is exactly that built-in set (its name, its one rule,
 * no explicit dates, its span), else NULL. O(1). Static storage. */
const char *itsm__holiday_set_builtin_name(const itsm_holiday_set *set);

#endif /* ITSM_CALENDAR_HOLIDAYS_INTERNAL_H */
