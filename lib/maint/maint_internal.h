/* Private helpers of the maintenance-judgment module. Not installed. */
#ifndef ITSM_MAINT_INTERNAL_H
#define ITSM_MAINT_INTERNAL_H

#include "itsm/maint.h"

#include "internal.h"

/* Enum values arrive from C, C++, Python and JSON callers, so they are checked as ints.
 * Returns ITSM_OK or ITSM_EINVAL naming `func` and `field`. */
int itsm__maint_check_enum(const char *func, const char *field, int value, int max);

/* A date given as {0,0,0} means "not given"; anything else must be a valid date in
 * range (ITSM_EINVAL / ITSM_ERANGE naming `field`). *out_given is 1 for a given date. */
int itsm__maint_check_date(int *out_given, const char *func, const char *field, itsm_date date);

#define ITSM__MAINT_ENUM(func, field, value, max)                                          \
    do {                                                                                    \
        int itsm__rc = itsm__maint_check_enum((func), (field), (int)(value), (max));        \
        if (itsm__rc != ITSM_OK)                                                            \
            return itsm__rc;                                                                \
    } while (0)

#endif
