/* Rates and averages per category, and planned versus actual effort per group: every
 * input is checked before anything is added up, sums are compensated. */
#include "fsum.h"
#include "kpi/kpi_internal.h"

#include <string.h>

/* The weight of entry i: 1 when there are no weights. */
static double weight_at(const double *weights, size_t i) { return weights == NULL ? 1.0 : weights[i]; }

static int check_source(const int32_t *codes, const double *weights, size_t n, size_t n_categories, const char *fn,
                        const char *codes_name, const char *weights_name)
{
    int rc = itsm__kpi_check_codes(codes, n, n_categories, fn, codes_name);
    if (rc == ITSM_OK && weights != NULL)
        rc = itsm__kpi_check_values(weights, n, 1, fn, weights_name);
    return rc;
}

itsm_status itsm_kpi_share_by_category(itsm_kpi_rate *out, itsm_kpi_rate *out_total, size_t n_categories,
                                       const int32_t *part_category, const double *part_weight, size_t n_part,
                                       const int32_t *whole_category, const double *whole_weight, size_t n_whole)
{
    if (n_categories > 0)
        ITSM__CHECK_ARG(out);
    int rc = check_source(part_category, part_weight, n_part, n_categories, __func__, "part_category", "part_weight");
    if (rc == ITSM_OK)
        rc = check_source(whole_category, whole_weight, n_whole, n_categories, __func__, "whole_category",
                          "whole_weight");
    if (rc != ITSM_OK)
        return rc;
    for (size_t c = 0; c < n_categories; c++)
        out[c] = itsm__kpi_rate(0.0, 0.0);
    for (size_t i = 0; i < n_part; i++)
        out[part_category[i]].numerator += weight_at(part_weight, i);
    for (size_t i = 0; i < n_whole; i++)
        out[whole_category[i]].denominator += weight_at(whole_weight, i);
    double part = 0.0, whole = 0.0;
    for (size_t c = 0; c < n_categories; c++) {
        if (out[c].numerator > out[c].denominator)
            return itsm__error(ITSM_EINVAL,
                               "%s: category %zu has a part of %g but a whole of %g: the two sources must "
                               "classify their entries alike",
                               __func__, c, out[c].numerator, out[c].denominator);
        out[c] = itsm__kpi_rate(out[c].numerator, out[c].denominator);
        part += out[c].numerator;
        whole += out[c].denominator;
    }
    if (out_total != NULL)
        *out_total = itsm__kpi_rate(part, whole);
    return ITSM_OK;
}

/* Means per code: the ratio field holds the sum's compensation while adding up. */
static void add_means(itsm_kpi_rate *out, size_t n_categories, const int32_t *category, const double *values,
                      size_t n)
{
    for (size_t c = 0; c < n_categories; c++) {
        out[c].numerator = out[c].denominator = out[c].ratio = 0.0;
        out[c].has_data = 0;
    }
    for (size_t i = 0; i < n; i++) {
        itsm_kpi_rate *r = &out[category == NULL ? 0 : (size_t)category[i]];
        itsm__fsum_add(&r->numerator, &r->ratio, values[i]);
        r->denominator += 1.0;
    }
    for (size_t c = 0; c < n_categories; c++)
        out[c] = itsm__kpi_rate(out[c].numerator + out[c].ratio, out[c].denominator);
}

itsm_status itsm_kpi_mean_by_category(itsm_kpi_rate *out, size_t n_categories, const int32_t *category,
                                      const double *values, size_t n)
{
    if (n_categories > 0)
        ITSM__CHECK_ARG(out);
    int rc = itsm__kpi_check_codes(category, n, n_categories, __func__, "category");
    if (rc == ITSM_OK)
        rc = itsm__kpi_check_values(values, n, 0, __func__, "values");
    if (rc == ITSM_OK)
        add_means(out, n_categories, category, values, n);
    return rc;
}

itsm_status itsm_kpi_mean_mixed(itsm_kpi_rate *out, const double *values, size_t n)
{
    ITSM__CHECK_ARG(out);
    int rc = itsm__kpi_check_values(values, n, 0, __func__, "values");
    if (rc == ITSM_OK)
        add_means(out, 1, NULL, values, n);
    return rc;
}

itsm_status itsm_kpi_effort_by_group(itsm_kpi_effort *out, size_t n_groups, const int32_t *group,
                                     const double *planned, const double *actual, size_t n)
{
    if (n_groups > 0)
        ITSM__CHECK_ARG(out);
    int rc = itsm__kpi_check_codes(group, n, n_groups, __func__, "group");
    if (rc == ITSM_OK)
        rc = itsm__kpi_check_values(planned, n, 1, __func__, "planned");
    if (rc == ITSM_OK)
        rc = itsm__kpi_check_values(actual, n, 1, __func__, "actual");
    if (rc != ITSM_OK)
        return rc;
    if (n_groups > 0)
        memset(out, 0, n_groups * sizeof *out);
    for (size_t i = 0; i < n; i++) {
        itsm_kpi_effort *e = &out[group[i]];
        e->records++;
        e->planned += planned[i];
        e->actual += actual[i];
    }
    for (size_t g = 0; g < n_groups; g++) {
        out[g].variance = out[g].actual - out[g].planned;
        out[g].ratio = itsm__kpi_rate(out[g].actual, out[g].planned);
        if (out[g].planned == 0.0 && out[g].actual > 0.0) {
            out[g].ratio.ratio = INFINITY; /* work done without a plan: there is data */
            out[g].ratio.has_data = 1;
        }
    }
    return ITSM_OK;
}
