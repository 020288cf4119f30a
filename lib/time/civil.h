/* Private: proleptic Gregorian arithmetic on day numbers (days since 1970-01-01).
 * Branch-light, integer-only (H. Hinnant's days_from_civil / civil_from_days). Callers
 * validate ranges; these functions are exact for years -1e6..1e6. */
#ifndef ITSM_CIVIL_H
#define ITSM_CIVIL_H

#include "itsm/time.h"

#include <stdbool.h>
#include <stdint.h>

static inline bool itsm__is_leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static inline int itsm__month_days(int64_t y, int64_t m)
{
    static const int8_t days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return (m == 2 && itsm__is_leap(y)) ? 29 : days[m - 1];
}

static inline int64_t itsm__days_from_civil(int64_t y, int64_t m, int64_t d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static inline void itsm__civil_from_days(int64_t z, int32_t *year, int32_t *month, int32_t *day)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const int64_t m = mp < 10 ? mp + 3 : mp - 9;
    *year = (int32_t)(yoe + era * 400 + (m <= 2));
    *month = (int32_t)m;
    *day = (int32_t)d;
}

/* Floor division and modulo for negative instants. */
static inline int64_t itsm__floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

static inline int64_t itsm__floor_mod(int64_t a, int64_t b) { return a - itsm__floor_div(a, b) * b; }

/* ISO weekday (1 = Monday .. 7 = Sunday) of a day number; 1970-01-01 was a Thursday. */
static inline int itsm__weekday(int64_t days) { return (int)itsm__floor_mod(days + 3, 7) + 1; }

/* Range checks shared by all modules; they set the last error and return the status. */
int itsm__check_date(const itsm_date *date, const char *what);
int itsm__check_instant(itsm_instant t, const char *what);
int itsm__check_datetime(const itsm_datetime *dt, const char *what);

/* Split wall seconds (seconds since 1970-01-01T00:00 in some frame) into civil fields.
 * Fails with ITSM_ERANGE when the date is outside 1900..2200. */
int itsm__wall_to_datetime(itsm_datetime *out, int64_t wall, const char *what);
/* Civil fields (validated) to wall seconds. */
int64_t itsm__datetime_to_wall(const itsm_datetime *dt);

#endif
