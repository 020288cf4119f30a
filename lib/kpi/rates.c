/* Rates: part of a whole, reduction against a baseline, and the help-desk and failure rates
 * that are shares under their own names. */
#include "kpi/kpi_internal.h"

#include <math.h>

itsm_kpi_rate itsm__kpi_rate(double numerator, double denominator)
{
    itsm_kpi_rate r;
    r.numerator = numerator;
    r.denominator = denominator;
    r.has_data = denominator != 0.0;
    r.ratio = r.has_data ? numerator / denominator : NAN;
    return r;
}

int itsm__kpi_check_amount(double value, const char *fn, const char *name)
{
    if (isnan(value) || isinf(value))
        return itsm__error(ITSM_EINVAL, "%s: %s must be a finite number, got %g", fn, name, value);
    if (value < 0.0)
        return itsm__error(ITSM_EINVAL, "%s: %s must not be negative, got %g", fn, name, value);
    return ITSM_OK;
}

int itsm__kpi_check_two(double a, double b, const char *fn, const char *a_name, const char *b_name)
{
    int rc = itsm__kpi_check_amount(a, fn, a_name);
    return rc == ITSM_OK ? itsm__kpi_check_amount(b, fn, b_name) : rc;
}

int itsm__kpi_share_named(itsm_kpi_rate *out, double part, double whole, const char *fn, const char *part_name,
                          const char *whole_name)
{
    int rc = itsm__kpi_check_two(part, whole, fn, part_name, whole_name);
    if (rc == ITSM_OK && part > whole)
        rc = itsm__error(ITSM_EINVAL, "%s: %s (%g) exceeds %s (%g): a part cannot be larger than its whole", fn,
                         part_name, part, whole_name, whole);
    if (rc == ITSM_OK)
        *out = itsm__kpi_rate(part, whole);
    return rc;
}

int itsm__kpi_check_codes(const int32_t *codes, size_t n, size_t n_codes, const char *fn, const char *name)
{
    if (n > 0 && codes == NULL)
        return itsm__error(ITSM_EINVAL, "%s: argument '%s' is NULL", fn, name);
    for (size_t i = 0; i < n; i++)
        if (codes[i] < 0 || (size_t)codes[i] >= n_codes)
            return itsm__error(ITSM_EINVAL, "%s: %s[%zu] = %d is not a code 0 .. %zu", fn, name, i, (int)codes[i],
                               n_codes == 0 ? (size_t)0 : n_codes - 1);
    return ITSM_OK;
}

int itsm__kpi_check_values(const double *values, size_t n, int non_negative, const char *fn, const char *name)
{
    if (n > 0 && values == NULL)
        return itsm__error(ITSM_EINVAL, "%s: argument '%s' is NULL", fn, name);
    for (size_t i = 0; i < n; i++) {
        if (isnan(values[i]) || isinf(values[i]))
            return itsm__error(ITSM_EINVAL, "%s: %s[%zu] must be a finite number, got %g", fn, name, i, values[i]);
        if (non_negative && values[i] < 0.0)
            return itsm__error(ITSM_EINVAL, "%s: %s[%zu] must not be negative, got %g", fn, name, i, values[i]);
    }
    return ITSM_OK;
}

int itsm__kpi_reduction_named(itsm_kpi_rate *out, double baseline, double current, const char *fn,
                              const char *baseline_name, const char *current_name)
{
    int rc = itsm__kpi_check_two(baseline, current, fn, baseline_name, current_name);
    if (rc == ITSM_OK)
        *out = itsm__kpi_rate(baseline - current, baseline);
    return rc;
}

itsm_status itsm_kpi_share(itsm_kpi_rate *out, double part, double whole)
{
    ITSM__CHECK_ARG(out);
    return itsm__kpi_share_named(out, part, whole, __func__, "part", "whole");
}

itsm_status itsm_kpi_reduction_rate(itsm_kpi_rate *out, double baseline, double current)
{
    ITSM__CHECK_ARG(out);
    return itsm__kpi_reduction_named(out, baseline, current, __func__, "baseline", "current");
}

itsm_status itsm_kpi_self_resolution_rate(itsm_kpi_rate *out, double answered_on_the_spot, double inquiries)
{
    ITSM__CHECK_ARG(out);
    return itsm__kpi_share_named(out, answered_on_the_spot, inquiries, __func__, "answered_on_the_spot",
                                 "inquiries");
}

itsm_status itsm_kpi_self_service_rate(itsm_kpi_rate *out, double resolved_by_self_service, double desk_contacts)
{
    ITSM__CHECK_ARG(out);
    int rc = itsm__kpi_check_two(resolved_by_self_service, desk_contacts, __func__, "resolved_by_self_service",
                                 "desk_contacts");
    if (rc == ITSM_OK)
        *out = itsm__kpi_rate(resolved_by_self_service, resolved_by_self_service + desk_contacts);
    return rc;
}

itsm_status itsm_kpi_fcr_gross(itsm_kpi_rate *out, double resolved_at_first_contact, double contacts)
{
    ITSM__CHECK_ARG(out);
    return itsm__kpi_share_named(out, resolved_at_first_contact, contacts, __func__, "resolved_at_first_contact",
                                 "contacts");
}

itsm_status itsm_kpi_fcr_net(itsm_kpi_rate *out, double resolved_at_first_contact, double contacts,
                             double not_resolvable_at_first_contact)
{
    ITSM__CHECK_ARG(out);
    itsm_kpi_rate excluded;
    int rc = itsm__kpi_share_named(&excluded, not_resolvable_at_first_contact, contacts, __func__,
                                   "not_resolvable_at_first_contact", "contacts");
    if (rc == ITSM_OK)
        rc = itsm__kpi_share_named(out, resolved_at_first_contact, contacts - not_resolvable_at_first_contact,
                                   __func__, "resolved_at_first_contact",
                                   "contacts - not_resolvable_at_first_contact");
    return rc;
}

itsm_status itsm_kpi_escalation_rate(itsm_kpi_rate *out, double escalated, double contacts)
{
    ITSM__CHECK_ARG(out);
    return itsm__kpi_share_named(out, escalated, contacts, __func__, "escalated", "contacts");
}

itsm_status itsm_kpi_escalation_reduction_rate(itsm_kpi_rate *out, double previous_year, double this_year)
{
    ITSM__CHECK_ARG(out);
    return itsm__kpi_reduction_named(out, previous_year, this_year, __func__, "previous_year", "this_year");
}

itsm_status itsm_kpi_reopen_rate(itsm_kpi_rate *out, double reopened, double resolved)
{
    ITSM__CHECK_ARG(out);
    return itsm__kpi_share_named(out, reopened, resolved, __func__, "reopened", "resolved");
}

itsm_status itsm_kpi_failure_rate(itsm_kpi_rate *out, double failures, double device_years)
{
    ITSM__CHECK_ARG(out);
    int rc = itsm__kpi_check_two(failures, device_years, __func__, "failures", "device_years");
    if (rc == ITSM_OK && device_years == 0.0 && failures > 0.0)
        rc = itsm__error(ITSM_EINVAL, "%s: %g failures in 0 device_years: failures need devices in service",
                         __func__, failures);
    if (rc == ITSM_OK)
        *out = itsm__kpi_rate(failures, device_years);
    return rc;
}
