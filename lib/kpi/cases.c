/* The guidebook's cases as formulas: fixed versus spot maintenance (Case 9-6), the Heinrich
 * ratio, and the function usage inventory (Case 9-10). */
#include "kpi/kpi_internal.h"

#include <string.h>

itsm_status itsm_kpi_maintenance_break_even(itsm_kpi_break_even *out, double failures_per_year,
                                            double fixed_cost_per_year, double spot_cost_per_failure,
                                            double spot_base_cost_per_year)
{
    ITSM__CHECK_ARG(out);
    int rc = itsm__kpi_check_two(failures_per_year, fixed_cost_per_year, __func__, "failures_per_year",
                                 "fixed_cost_per_year");
    if (rc == ITSM_OK)
        rc = itsm__kpi_check_two(spot_cost_per_failure, spot_base_cost_per_year, __func__, "spot_cost_per_failure",
                                 "spot_base_cost_per_year");
    if (rc == ITSM_OK && spot_cost_per_failure == 0.0)
        rc = itsm__error(ITSM_EINVAL, "%s: spot_cost_per_failure is 0: spot maintenance would cost the same at any "
                                      "number of failures, there is no break-even",
                         __func__);
    if (rc != ITSM_OK)
        return rc;
    itsm_kpi_break_even b;
    b.fixed_cost = fixed_cost_per_year;
    b.spot_cost = spot_base_cost_per_year + failures_per_year * spot_cost_per_failure;
    b.break_even_failures = (fixed_cost_per_year - spot_base_cost_per_year) / spot_cost_per_failure;
    b.cheaper = b.spot_cost < b.fixed_cost   ? ITSM_KPI_CHEAPER_SPOT
                : b.spot_cost > b.fixed_cost ? ITSM_KPI_CHEAPER_FIXED
                                             : ITSM_KPI_CHEAPER_EQUAL;
    *out = b;
    return ITSM_OK;
}

itsm_status itsm_kpi_heinrich_ratio(itsm_kpi_heinrich *out, double major, double minor, double near_misses)
{
    ITSM__CHECK_ARG(out);
    int rc = itsm__kpi_check_two(major, minor, __func__, "major", "minor");
    if (rc == ITSM_OK)
        rc = itsm__kpi_check_amount(near_misses, __func__, "near_misses");
    if (rc != ITSM_OK)
        return rc;
    out->major = major;
    out->minor = minor;
    out->near_misses = near_misses;
    out->minor_per_major = itsm__kpi_rate(minor, major);
    out->near_misses_per_major = itsm__kpi_rate(near_misses, major);
    out->near_misses_per_minor = itsm__kpi_rate(near_misses, minor);
    return ITSM_OK;
}

/* ---- function usage inventory ------------------------------------------------------------ */

static int check_inventory(size_t n_functions, const int32_t *function, const int32_t *answers, size_t n_answers,
                           const int64_t *log_uses, const itsm_kpi_inventory_options *o, const char *fn)
{
    if (o->version != ITSM_KPI_INVENTORY_OPTIONS_VERSION)
        return itsm__error(ITSM_EVERSION, "%s: options version %u is not supported (expected %d)", fn, o->version,
                           ITSM_KPI_INVENTORY_OPTIONS_VERSION);
    if (o->retire_max_uses < 0)
        return itsm__error(ITSM_EINVAL, "%s: options.retire_max_uses must not be negative, got %lld", fn,
                           (long long)o->retire_max_uses);
    int rc = itsm__kpi_check_codes(function, n_answers, n_functions, fn, "function");
    if (rc == ITSM_OK)
        rc = itsm__kpi_check_codes(answers, n_answers, ITSM_KPI_USAGE_NOT_USED + 1, fn, "answers");
    for (size_t f = 0; rc == ITSM_OK && log_uses != NULL && f < n_functions; f++)
        if (log_uses[f] < 0)
            rc = itsm__error(ITSM_EINVAL, "%s: log_uses[%zu] must not be negative, got %lld", fn, f,
                             (long long)log_uses[f]);
    return rc;
}

static itsm_kpi_usage_verdict verdict_of(const itsm_kpi_function_usage *u, int64_t retire_max_uses)
{
    int64_t answers = u->all_work + u->also_other + u->not_used;
    if (answers == 0)
        return ITSM_KPI_VERDICT_NO_ANSWERS;
    if (u->not_used == answers)
        return u->log_uses <= retire_max_uses ? ITSM_KPI_VERDICT_RETIRE : ITSM_KPI_VERDICT_CHECK;
    return u->also_other > 0 ? ITSM_KPI_VERDICT_IMPROVE : ITSM_KPI_VERDICT_KEEP;
}

itsm_status itsm_kpi_function_inventory(itsm_kpi_function_usage *out, size_t n_functions, const int32_t *function,
                                        const int32_t *answers, size_t n_answers, const int64_t *log_uses,
                                        const itsm_kpi_inventory_options *options)
{
    static const itsm_kpi_inventory_options defaults = ITSM_KPI_INVENTORY_OPTIONS_INIT;
    const itsm_kpi_inventory_options *o = options != NULL ? options : &defaults;
    if (n_functions > 0)
        ITSM__CHECK_ARG(out);
    int rc = check_inventory(n_functions, function, answers, n_answers, log_uses, o, __func__);
    if (rc != ITSM_OK)
        return rc;
    if (n_functions > 0)
        memset(out, 0, n_functions * sizeof *out);
    for (size_t i = 0; i < n_answers; i++) {
        itsm_kpi_function_usage *u = &out[function[i]];
        u->all_work += answers[i] == ITSM_KPI_USAGE_ALL_WORK;
        u->also_other += answers[i] == ITSM_KPI_USAGE_ALSO_OTHER;
        u->not_used += answers[i] == ITSM_KPI_USAGE_NOT_USED;
    }
    for (size_t f = 0; f < n_functions; f++) {
        itsm_kpi_function_usage *u = &out[f];
        double total = (double)(u->all_work + u->also_other + u->not_used);
        u->log_uses = log_uses != NULL ? log_uses[f] : 0;
        u->not_used_share = itsm__kpi_rate((double)u->not_used, total);
        u->also_other_share = itsm__kpi_rate((double)u->also_other, total);
        u->verdict = verdict_of(u, o->retire_max_uses);
    }
    return ITSM_OK;
}
