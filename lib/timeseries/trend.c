/* Least-squares lines through a series and the instant they reach a threshold.
 *
 * Numerical care: the instants are first taken relative to the first sample (exact in
 * int64), their mean found with a compensated sum, and the line fitted in seconds from
 * that mean (the origin), with two-pass sums of squares. So instants near 2^31 or spans of
 * centuries lose nothing, and a flat line gives exactly slope 0. */
#include "fsum.h"
#include "timeseries/ts_internal.h"

#include <math.h>

/* Compensated sums over the non-NaN samples. */
typedef struct sums {
    double s, c;
} sums;

static void add(sums *a, double x) { itsm__fsum_add(&a->s, &a->c, x); }
static double total(const sums *a) { return a->s + a->c; }

static int check_samples(const itsm_instant *t, const double *values, size_t n, const char *fn)
{
    for (size_t i = 0; i < n; i++) {
        if (t[i] < ITSM_INSTANT_MIN || t[i] > ITSM_INSTANT_MAX)
            return itsm__error(ITSM_ERANGE, "%s: t[%zu] = %lld is outside the supported range", fn, i,
                               (long long)t[i]);
        if (isinf(values[i]))
            return itsm__error(ITSM_EINVAL, "%s: values[%zu] is %g: values must be finite (NaN for a missing sample)",
                               fn, i, values[i]);
    }
    return ITSM_OK;
}

/* First pass: count, first and last instant, the mean instant and the mean value. */
static void first_pass(itsm_ts_trend *f, double *x_mean, double *y_mean, const itsm_instant *t, const double *v,
                       size_t n)
{
    sums dx = {0, 0}, y = {0, 0};
    itsm_instant base = 0;
    f->n = 0;
    for (size_t i = 0; i < n; i++) {
        if (isnan(v[i]))
            continue;
        if (f->n++ == 0)
            base = f->first = f->last = t[i];
        f->first = t[i] < f->first ? t[i] : f->first;
        f->last = t[i] > f->last ? t[i] : f->last;
        add(&dx, (double)(t[i] - base));
        add(&y, v[i]);
    }
    double mean_dx = f->n > 0 ? total(&dx) / (double)f->n : 0.0;
    f->origin = base + (itsm_instant)llround(mean_dx);
    *x_mean = mean_dx - (double)(f->origin - base); /* the mean in seconds from origin, |x| <= 0.5 */
    *y_mean = f->n > 0 ? total(&y) / (double)f->n : NAN;
}

itsm_status itsm_ts_trend_fit(itsm_ts_trend *out, const itsm_instant *t, const double *values, size_t n)
{
    ITSM__CHECK_ARG(out);
    if (n > 0) {
        ITSM__CHECK_ARG(t);
        ITSM__CHECK_ARG(values);
    }
    int rc = check_samples(t, values, n, __func__);
    if (rc != ITSM_OK)
        return rc;
    itsm_ts_trend f = {0, 0, 0, 0, NAN, NAN, NAN, NAN};
    double xm, ym;
    first_pass(&f, &xm, &ym, t, values, n);
    sums sxx = {0, 0}, sxy = {0, 0}, syy = {0, 0};
    for (size_t i = 0; i < n; i++) {
        if (isnan(values[i]))
            continue;
        double dx = (double)(t[i] - f.origin) - xm, dy = values[i] - ym;
        add(&sxx, dx * dx);
        add(&sxy, dx * dy);
        add(&syy, dy * dy);
    }
    if (f.n >= 2 && total(&sxx) > 0.0) {
        f.slope = total(&sxy) / total(&sxx);
        f.intercept = ym - f.slope * xm;
        sums sse = {0, 0};
        for (size_t i = 0; i < n; i++) {
            if (isnan(values[i]))
                continue;
            double r = values[i] - (f.intercept + f.slope * (double)(t[i] - f.origin));
            add(&sse, r * r);
        }
        f.r2 = total(&syy) > 0.0 ? 1.0 - total(&sse) / total(&syy) : NAN;
        f.residual_se = f.n > 2 ? sqrt(total(&sse) / (double)(f.n - 2)) : NAN;
    }
    *out = f;
    return ITSM_OK;
}

itsm_status itsm_ts_trend_value(double *out, const itsm_ts_trend *fit, itsm_instant at)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(fit);
    *out = fit->intercept + fit->slope * (double)(at - fit->origin);
    return ITSM_OK;
}

/* Whether the fitted value at `at` has reached the threshold. */
static int reached(const itsm_ts_trend *f, itsm_instant at, double threshold, itsm_ts_direction dir)
{
    double y = f->intercept + f->slope * (double)(at - f->origin);
    return dir == ITSM_TS_RISING ? y >= threshold : y <= threshold;
}

itsm_status itsm_ts_trend_crossing(itsm_ts_crossing *out, const itsm_ts_trend *fit, double threshold,
                                   itsm_ts_direction direction, itsm_instant from)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(fit);
    if (!isfinite(threshold))
        return itsm__error(ITSM_EINVAL, "%s: threshold must be a finite number, got %g", __func__, threshold);
    if (direction != ITSM_TS_RISING && direction != ITSM_TS_FALLING)
        return itsm__error(ITSM_EINVAL, "%s: direction = %d is neither rising nor falling", __func__, (int)direction);
    if (from < ITSM_INSTANT_MIN || from > ITSM_INSTANT_MAX)
        return itsm__error(ITSM_ERANGE, "%s: from = %lld is outside the supported range", __func__, (long long)from);
    itsm_ts_crossing c = {ITSM_TS_NO_DATA, 0};
    double sign = direction == ITSM_TS_RISING ? 1.0 : -1.0;
    if (isnan(fit->slope)) {
        c.reach = ITSM_TS_NO_DATA;
    } else if (reached(fit, from, threshold, direction)) {
        c.reach = ITSM_TS_ALREADY;
        c.at = from;
    } else if (fit->slope * sign <= 0.0) {
        c.reach = ITSM_TS_NEVER;
    } else {
        double y = fit->intercept + fit->slope * (double)(from - fit->origin);
        double dt = ceil((threshold - y) / fit->slope);
        if (!(dt <= (double)(ITSM_INSTANT_MAX - from))) {
            c.reach = ITSM_TS_BEYOND;
        } else {
            /* The division may be a second off either way: settle on the first second. */
            itsm_instant at = from + (itsm_instant)dt;
            while (at > from + 1 && reached(fit, at - 1, threshold, direction))
                at--;
            while (at < ITSM_INSTANT_MAX && !reached(fit, at, threshold, direction))
                at++;
            c.reach = reached(fit, at, threshold, direction) ? ITSM_TS_REACHED_AT : ITSM_TS_BEYOND;
            c.at = c.reach == ITSM_TS_REACHED_AT ? at : 0;
        }
    }
    *out = c;
    return ITSM_OK;
}
