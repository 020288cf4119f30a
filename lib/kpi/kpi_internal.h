/* Private to lib/kpi: argument checks and the rate every KPI returns. */
#ifndef ITSM_KPI_INTERNAL_H
#define ITSM_KPI_INTERNAL_H

#include "internal.h"
#include "itsm/kpi.h"

#include <stddef.h>
#include <stdint.h>

/* numerator / denominator; no data (ratio NaN) when the denominator is 0. */
itsm_kpi_rate itsm__kpi_rate(double numerator, double denominator);

/* `value` must be finite and >= 0; else ITSM_EINVAL "<fn>: <name> ...". */
int itsm__kpi_check_amount(double value, const char *fn, const char *name);

/* Both amounts checked as above. */
int itsm__kpi_check_two(double a, double b, const char *fn, const char *a_name, const char *b_name);

/* (baseline - current) / baseline with both checked amounts. */
int itsm__kpi_reduction_named(itsm_kpi_rate *out, double baseline, double current, const char *fn,
                              const char *baseline_name, const char *current_name);

/* part / whole with both checked amounts and part <= whole; messages name both. */
int itsm__kpi_share_named(itsm_kpi_rate *out, double part, double whole, const char *fn, const char *part_name,
                          const char *whole_name);

/* Every codes[i] (i < n) is in 0 .. n_codes-1; else ITSM_EINVAL naming `name`[i]. */
int itsm__kpi_check_codes(const int32_t *codes, size_t n, size_t n_codes, const char *fn, const char *name);

/* Every values[i] (i < n) is finite (and >= 0 when `non_negative`); else ITSM_EINVAL
 * naming `name`[i]. A NULL array with n > 0 is ITSM_EINVAL. */
int itsm__kpi_check_values(const double *values, size_t n, int non_negative, const char *fn, const char *name);

#endif
