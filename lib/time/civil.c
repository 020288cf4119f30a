/* Civil dates and UTC date-times. */
#include "civil.h"

#include "internal.h"

#include <stdio.h>

int itsm__check_date(const itsm_date *date, const char *what)
{
    if (date->year < 1900 || date->year > 2200)
        return itsm__error(ITSM_ERANGE, "%s: year %d is outside the supported range 1900..2200", what,
                           (int)date->year);
    if (date->month < 1 || date->month > 12)
        return itsm__error(ITSM_ERANGE, "%s: month %d is not 1..12", what, (int)date->month);
    int mdays = itsm__month_days(date->year, date->month);
    if (date->day < 1 || date->day > mdays)
        return itsm__error(ITSM_ERANGE, "%s: day %d is not 1..%d for %04d-%02d", what, (int)date->day, mdays,
                           (int)date->year, (int)date->month);
    return ITSM_OK;
}

int itsm__check_instant(itsm_instant t, const char *what)
{
    if (t < ITSM_INSTANT_MIN || t > ITSM_INSTANT_MAX)
        return itsm__error(ITSM_ERANGE,
                           "%s: instant %lld is outside the supported range 1900-01-01T00:00:00Z.."
                           "2200-12-31T23:59:59Z",
                           what, (long long)t);
    return ITSM_OK;
}

int itsm__check_datetime(const itsm_datetime *dt, const char *what)
{
    itsm_date d = {dt->year, dt->month, dt->day};
    int rc = itsm__check_date(&d, what);
    if (rc != ITSM_OK)
        return rc;
    if (dt->hour < 0 || dt->hour > 23)
        return itsm__error(ITSM_ERANGE, "%s: hour %d is not 0..23", what, (int)dt->hour);
    if (dt->minute < 0 || dt->minute > 59)
        return itsm__error(ITSM_ERANGE, "%s: minute %d is not 0..59", what, (int)dt->minute);
    if (dt->second < 0 || dt->second > 59)
        return itsm__error(ITSM_ERANGE, "%s: second %d is not 0..59 (leap seconds are not representable)", what,
                           (int)dt->second);
    return ITSM_OK;
}

int itsm__wall_to_datetime(itsm_datetime *out, int64_t wall, const char *what)
{
    int64_t days = itsm__floor_div(wall, ITSM_SECONDS_PER_DAY);
    int64_t secs = wall - days * ITSM_SECONDS_PER_DAY;
    if (days < ITSM_DAYS_MIN || days > ITSM_DAYS_MAX)
        return itsm__error(ITSM_ERANGE, "%s: the date falls outside the supported range 1900-01-01..2200-12-31",
                           what);
    itsm__civil_from_days(days, &out->year, &out->month, &out->day);
    out->hour = (int32_t)(secs / 3600);
    out->minute = (int32_t)(secs / 60 % 60);
    out->second = (int32_t)(secs % 60);
    return ITSM_OK;
}

int64_t itsm__datetime_to_wall(const itsm_datetime *dt)
{
    return itsm__days_from_civil(dt->year, dt->month, dt->day) * ITSM_SECONDS_PER_DAY + dt->hour * 3600 +
           dt->minute * 60 + dt->second;
}

itsm_status itsm_date_to_days(int32_t *out_days, itsm_date date)
{
    ITSM__CHECK_ARG(out_days);
    int rc = itsm__check_date(&date, "itsm_date_to_days");
    if (rc != ITSM_OK)
        return rc;
    *out_days = (int32_t)itsm__days_from_civil(date.year, date.month, date.day);
    return ITSM_OK;
}

itsm_status itsm_date_from_days(itsm_date *out, int32_t days)
{
    ITSM__CHECK_ARG(out);
    if (days < ITSM_DAYS_MIN || days > ITSM_DAYS_MAX)
        return itsm__error(ITSM_ERANGE, "itsm_date_from_days: day number %d is outside %d..%d (1900-01-01..2200-12-31)",
                           (int)days, ITSM_DAYS_MIN, ITSM_DAYS_MAX);
    itsm__civil_from_days(days, &out->year, &out->month, &out->day);
    return ITSM_OK;
}

itsm_status itsm_date_weekday(int *out_weekday, itsm_date date)
{
    ITSM__CHECK_ARG(out_weekday);
    int rc = itsm__check_date(&date, "itsm_date_weekday");
    if (rc != ITSM_OK)
        return rc;
    *out_weekday = itsm__weekday(itsm__days_from_civil(date.year, date.month, date.day));
    return ITSM_OK;
}

itsm_status itsm_date_add_days(itsm_date *out, itsm_date date, int32_t n)
{
    ITSM__CHECK_ARG(out);
    int rc = itsm__check_date(&date, "itsm_date_add_days");
    if (rc != ITSM_OK)
        return rc;
    int64_t days = itsm__days_from_civil(date.year, date.month, date.day) + n;
    if (days < ITSM_DAYS_MIN || days > ITSM_DAYS_MAX)
        return itsm__error(ITSM_ERANGE, "itsm_date_add_days: %04d-%02d-%02d %+d days leaves 1900-01-01..2200-12-31",
                           (int)date.year, (int)date.month, (int)date.day, (int)n);
    itsm__civil_from_days(days, &out->year, &out->month, &out->day);
    return ITSM_OK;
}

int itsm_days_in_month(int32_t year, int32_t month)
{
    if (month < 1 || month > 12)
        return 0;
    return itsm__month_days(year, month);
}

itsm_status itsm_instant_from_utc(itsm_instant *out, const itsm_datetime *utc)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(utc);
    int rc = itsm__check_datetime(utc, "itsm_instant_from_utc");
    if (rc != ITSM_OK)
        return rc;
    *out = itsm__datetime_to_wall(utc);
    return ITSM_OK;
}

itsm_status itsm_instant_to_utc(itsm_datetime *out, itsm_instant t)
{
    ITSM__CHECK_ARG(out);
    int rc = itsm__check_instant(t, "itsm_instant_to_utc");
    if (rc != ITSM_OK)
        return rc;
    return itsm__wall_to_datetime(out, t, "itsm_instant_to_utc");
}
