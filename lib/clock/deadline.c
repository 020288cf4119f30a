/* Deadline rules: validation and deadline = f(start, rule, calendar) (TIME.md 4). Every
 * calendar word maps onto one calendar operation; the calendar bounds every search. */
#include "clock/clock_internal.h"
#include "internal.h"
#include "time/civil.h"

#include <string.h>

static const char *const kind_names[] = {
    "ITSM_DEADLINE_BUSINESS", "ITSM_DEADLINE_ELAPSED", "ITSM_DEADLINE_SAME_DAY",
    "ITSM_DEADLINE_NEXT_BUSINESS_DAY", "ITSM_DEADLINE_NEXT_DAY", "ITSM_DEADLINE_HALF_DAY",
    "ITSM_DEADLINE_BUSINESS_DAYS", "ITSM_DEADLINE_DAYS", "ITSM_DEADLINE_WEEKS", "ITSM_DEADLINE_MONTHS",
    "ITSM_DEADLINE_NTH_BUSINESS_DAY_NEXT_MONTH"};

/* Largest amount of each unit: 100 years of it. */
int64_t itsm__deadline_max_amount(itsm_deadline_kind kind)
{
    switch (kind) {
    case ITSM_DEADLINE_BUSINESS:
    case ITSM_DEADLINE_ELAPSED:
        return INT64_C(36525) * ITSM_SECONDS_PER_DAY;
    case ITSM_DEADLINE_BUSINESS_DAYS:
    case ITSM_DEADLINE_DAYS:
    case ITSM_DEADLINE_NTH_BUSINESS_DAY_NEXT_MONTH:
        return 36525;
    case ITSM_DEADLINE_WEEKS:
        return 5218;
    case ITSM_DEADLINE_MONTHS:
        return 1200;
    default:
        return 0;
    }
}

bool itsm__calendar_name_ok(const char *name, size_t size)
{
    const char *end = memchr(name, '\0', size);
    if (end == NULL)
        return false;
    for (const char *p = name; p < end; p++) {
        char c = *p;
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
        if (!ok)
            return false;
    }
    return true;
}

itsm_status itsm_deadline_check(const itsm_deadline *rule)
{
    ITSM__CHECK_ARG(rule);
    if ((int)rule->kind < 0 || (size_t)rule->kind >= sizeof kind_names / sizeof kind_names[0])
        return itsm__error(ITSM_EINVAL, "deadline: kind %d is not an itsm_deadline_kind", (int)rule->kind);
    const char *kind = kind_names[rule->kind];
    int64_t max = itsm__deadline_max_amount(rule->kind);
    if (max == 0 && rule->amount != 0)
        return itsm__error(ITSM_EINVAL, "deadline: %s takes no amount (got %lld)", kind, (long long)rule->amount);
    if (max > 0 && (rule->amount < 1 || rule->amount > max))
        return itsm__error(ITSM_ERANGE, "deadline: %s amount %lld is outside 1..%lld", kind,
                           (long long)rule->amount, (long long)max);
    if (!itsm__calendar_name_ok(rule->calendar, sizeof rule->calendar))
        return itsm__error(ITSM_EINVAL, "deadline: calendar name is not 0..%d characters of a-z 0-9 _ - .",
                           ITSM_DEADLINE_CALENDAR_SIZE - 1);
    return ITSM_OK;
}

/* ---- calendar days, weeks and months ------------------------------------------------------ */

/* The local date-time of `t` moved by `days` days and `months` months (a day past the end
 * of the month becomes its last day), back as an instant, moved forward into open time. */
static int shift_local(itsm_instant *out, const itsm_calendar *cal, itsm_instant t, int64_t days, int64_t months)
{
    const itsm_tz *tz = itsm_calendar_zone(cal);
    itsm_datetime local;
    int rc = itsm_tz_to_local(&local, tz, t);
    if (rc != ITSM_OK)
        return rc;
    int64_t m0 = (int64_t)local.year * 12 + (local.month - 1) + months;
    int64_t y = itsm__floor_div(m0, 12), m = itsm__floor_mod(m0, 12) + 1;
    int64_t d = local.day;
    if (d > itsm__month_days(y, m))
        d = itsm__month_days(y, m);
    int64_t z = itsm__days_from_civil(y, m, d) + days;
    if (z < ITSM_DAYS_MIN || z > ITSM_DAYS_MAX)
        return itsm__error(ITSM_ERANGE, "deadline: the result falls outside 1900..2200");
    int32_t yy, mm, dd;
    itsm__civil_from_days(z, &yy, &mm, &dd);
    local.year = yy;
    local.month = mm;
    local.day = dd;
    itsm_instant u = 0;
    rc = itsm_tz_from_local(&u, tz, &local, ITSM_LOCAL_DEFAULT);
    return rc == ITSM_OK ? itsm_calendar_next_open(out, cal, u) : rc;
}

static int apply_calendar_span(itsm_instant *out, const itsm_deadline *rule, const itsm_calendar *cal,
                               itsm_instant start)
{
    itsm_instant base = 0;
    int rc = itsm_calendar_next_open(&base, cal, start);
    if (rc != ITSM_OK)
        return rc;
    switch (rule->kind) {
    case ITSM_DEADLINE_DAYS:
        return shift_local(out, cal, base, rule->amount, 0);
    case ITSM_DEADLINE_WEEKS:
        return shift_local(out, cal, base, 7 * rule->amount, 0);
    default:
        return shift_local(out, cal, base, 0, rule->amount);
    }
}

static int apply_next_month(itsm_instant *out, const itsm_deadline *rule, const itsm_calendar *cal,
                            itsm_instant start)
{
    itsm_datetime local;
    int rc = itsm_tz_to_local(&local, itsm_calendar_zone(cal), start);
    if (rc != ITSM_OK)
        return rc;
    return itsm_calendar_nth_business_day(out, cal, local.year, local.month + 1, (int32_t)rule->amount);
}

int itsm__deadline_apply(itsm_instant *out, const itsm_deadline *rule, const itsm_calendar *cal,
                         itsm_instant start)
{
    switch (rule->kind) {
    case ITSM_DEADLINE_BUSINESS:
        return itsm_calendar_add_business(out, cal, start, rule->amount);
    case ITSM_DEADLINE_ELAPSED: {
        int rc = itsm__check_instant(start, "start");
        if (rc == ITSM_OK)
            rc = itsm__check_instant(start + rule->amount, "deadline");
        if (rc == ITSM_OK)
            *out = start + rule->amount;
        return rc;
    }
    case ITSM_DEADLINE_SAME_DAY:
        return itsm_calendar_end_of_business_day(out, cal, start, 0);
    case ITSM_DEADLINE_NEXT_BUSINESS_DAY:
    case ITSM_DEADLINE_NEXT_DAY:
        return itsm_calendar_end_of_business_day(out, cal, start, 1);
    case ITSM_DEADLINE_HALF_DAY:
        return itsm_calendar_half_business_day(out, cal, start);
    case ITSM_DEADLINE_BUSINESS_DAYS:
        return itsm_calendar_end_of_business_day(out, cal, start, (int32_t)rule->amount);
    case ITSM_DEADLINE_NTH_BUSINESS_DAY_NEXT_MONTH:
        return apply_next_month(out, rule, cal, start);
    default:
        return apply_calendar_span(out, rule, cal, start);
    }
}

itsm_status itsm_deadline_apply(itsm_instant *out, const itsm_deadline *rule, const itsm_calendar *cal,
                                itsm_instant start)
{
    ITSM__CHECK_ARG(out);
    int rc = itsm_deadline_check(rule);
    if (rc != ITSM_OK)
        return rc;
    if (cal == NULL && rule->kind != ITSM_DEADLINE_ELAPSED)
        return itsm__error(ITSM_EINVAL, "itsm_deadline_apply: argument 'cal' is NULL (only an elapsed rule "
                                        "needs no calendar)");
    itsm_instant u = 0;
    rc = itsm__deadline_apply(&u, rule, cal, start);
    if (rc != ITSM_OK)
        return itsm__error_prefix(rc, "itsm_deadline_apply");
    *out = u;
    return ITSM_OK;
}
