/* Reporting periods: months, quarters, years and rolling windows in a time zone. */
#include "common/internal.h"
#include "report/report_internal.h"

#include <stdio.h>

/* Local midnight of `date` in `zone` (UTC when NULL). */
static int midnight(itsm_instant *out, itsm_date date, const itsm_tz *zone)
{
    if (zone != NULL)
        return itsm_tz_start_of_day(out, zone, date);
    int32_t days = 0;
    int rc = itsm_date_to_days(&days, date);
    if (rc == ITSM_OK)
        *out = (itsm_instant)days * ITSM_SECONDS_PER_DAY;
    return rc;
}

static int span(itsm_period *out, itsm_date a, itsm_date b, const itsm_tz *zone, const char *func)
{
    itsm_period p = {0, 0, {0}};
    int rc = midnight(&p.from, a, zone);
    if (rc == ITSM_OK)
        rc = midnight(&p.to, b, zone);
    if (rc != ITSM_OK)
        return itsm__error_prefix(rc, "%s", func);
    p.label[0] = '\0';
    *out = p;
    return ITSM_OK;
}

static itsm_date next_month(int32_t year, int32_t month, int32_t months)
{
    int32_t m = month - 1 + months;
    itsm_date d = {year + m / 12, m % 12 + 1, 1};
    return d;
}

itsm_status itsm_period_month(itsm_period *out, int32_t year, int32_t month, const itsm_tz *zone)
{
    ITSM__CHECK_ARG(out);
    if (month < 1 || month > 12)
        return itsm__error(ITSM_EINVAL, "%s: month %d is not 1..12", __func__, (int)month);
    itsm_date a = {year, month, 1};
    int rc = span(out, a, next_month(year, month, 1), zone, __func__);
    if (rc == ITSM_OK)
        snprintf(out->label, sizeof out->label, "%04d-%02d", (int)year, (int)month);
    return rc;
}

itsm_status itsm_period_quarter(itsm_period *out, int32_t year, int32_t quarter, const itsm_tz *zone)
{
    ITSM__CHECK_ARG(out);
    if (quarter < 1 || quarter > 4)
        return itsm__error(ITSM_EINVAL, "%s: quarter %d is not 1..4", __func__, (int)quarter);
    itsm_date a = {year, quarter * 3 - 2, 1};
    int rc = span(out, a, next_month(year, a.month, 3), zone, __func__);
    if (rc == ITSM_OK)
        snprintf(out->label, sizeof out->label, "%04d-Q%d", (int)year, (int)quarter);
    return rc;
}

itsm_status itsm_period_year(itsm_period *out, int32_t year, const itsm_tz *zone)
{
    ITSM__CHECK_ARG(out);
    itsm_date a = {year, 1, 1}, b = {year + 1, 1, 1};
    int rc = span(out, a, b, zone, __func__);
    if (rc == ITSM_OK)
        snprintf(out->label, sizeof out->label, "%04d", (int)year);
    return rc;
}

itsm_status itsm_period_rolling(itsm_period *out, itsm_date end_date, int32_t days, const itsm_tz *zone)
{
    ITSM__CHECK_ARG(out);
    if (days < 1 || days > 3660)
        return itsm__error(ITSM_ERANGE, "%s: days %d is not 1..3660", __func__, (int)days);
    itsm_date a;
    int rc = itsm_date_add_days(&a, end_date, -days);
    if (rc == ITSM_OK)
        rc = span(out, a, end_date, zone, __func__);
    if (rc == ITSM_OK)
        snprintf(out->label, sizeof out->label, "%d days to %04d-%02d-%02d", (int)days, (int)end_date.year,
                 (int)end_date.month, (int)end_date.day);
    return rc;
}
