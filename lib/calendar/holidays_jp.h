/* Private: the Japanese national holidays behind the built-in "jp" holiday set. */
#ifndef ITSM_HOLIDAYS_JP_H
#define ITSM_HOLIDAYS_JP_H

#include "itsm/time.h"

/* The last year the table covers: the equinox formula of TIME.md 7.4 stops at 2150. It
 * starts with the supported range, 1900 (no holidays before 1948-07-20). */
#define ITSM__JP_LAST_YEAR 2150

/* The statutory name of the national holiday on `date`, or NULL. The caller has checked
 * that the date is valid and not after ITSM__JP_LAST_YEAR. Static storage; reads only
 * constant data, so any number of threads may call it. */
const char *itsm__jp_holiday(itsm_date date);

#endif
