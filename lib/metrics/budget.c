/* MTBF / MTRS / MTBSI, error budgets, burn rates and multiwindow burn-rate alerts. */
#include "metrics/exact.h"
#include "metrics/metrics_internal.h"

#include <math.h>

itsm_status itsm_reliability_from_availability(itsm_reliability *out, const itsm_availability *a)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(a);
    if (a->agreed_seconds < 0 || a->downtime_seconds < 0 || a->downtime_seconds > a->agreed_seconds ||
        a->failures < 0)
        return itsm__error(ITSM_EINVAL,
                           "%s: inconsistent availability (agreed %lld s, downtime %lld s, failures %lld)", __func__,
                           (long long)a->agreed_seconds, (long long)a->downtime_seconds, (long long)a->failures);
    int64_t up = a->agreed_seconds - a->downtime_seconds;
    itsm_reliability r;
    (void)itsm_rate_make(&r.mtbf, up, a->failures);
    (void)itsm_rate_make(&r.mtrs, a->downtime_seconds, a->failures);
    (void)itsm_rate_make(&r.mtbsi, a->agreed_seconds, a->failures);
    (void)itsm_rate_make(&r.availability, up, a->agreed_seconds);
    *out = r;
    return ITSM_OK;
}

/* ---- budgets ---------------------------------------------------------------------------------- */

#define MAX_COUNT (INT64_C(1) << 53)

static int check_counts(int64_t bad, int64_t total, int64_t target_ppb, const char *func)
{
    if (bad < 0 || total < 0 || bad > total)
        return itsm__error(ITSM_EINVAL, "%s: bad = %lld and total = %lld must satisfy 0 <= bad <= total", func,
                           (long long)bad, (long long)total);
    if (total > MAX_COUNT)
        return itsm__error(ITSM_ERANGE, "%s: total = %lld is above 2^53", func, (long long)total);
    if (target_ppb < 0 || target_ppb >= ITSM_PPB)
        return itsm__error(ITSM_EINVAL,
                           "%s: target_ppb = %lld must be in 0 .. 999999999 (a 100 %% target has no error budget)",
                           func, (long long)target_ppb);
    return ITSM_OK;
}

/* bad x 10^9 and total x (10^9 - target): the burn rate is their ratio. */
static void burn_terms(itsm__u128 *num, itsm__u128 *den, int64_t bad, int64_t total, int64_t target_ppb)
{
    *num = itsm__u128_mul64((uint64_t)bad, (uint64_t)ITSM_PPB);
    *den = itsm__u128_mul64((uint64_t)total, (uint64_t)(ITSM_PPB - target_ppb));
}

itsm_status itsm_burn_rate(double *out, int *out_has_data, int64_t bad, int64_t total, int64_t target_ppb)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(out_has_data);
    int rc = check_counts(bad, total, target_ppb, __func__);
    if (rc != ITSM_OK)
        return rc;
    itsm__u128 num, den;
    burn_terms(&num, &den, bad, total, target_ppb);
    *out_has_data = total > 0;
    *out = total > 0 ? itsm__ratio(num, den) : NAN;
    return ITSM_OK;
}

itsm_status itsm_error_budget_status(itsm_budget_status *out, int64_t bad, int64_t total, int64_t elapsed,
                                     int64_t window, int64_t target_ppb)
{
    ITSM__CHECK_ARG(out);
    int rc = check_counts(bad, total, target_ppb, __func__);
    if (rc != ITSM_OK)
        return rc;
    if (elapsed <= 0 || window < elapsed || window > ITSM_INSTANT_MAX - ITSM_INSTANT_MIN)
        return itsm__error(ITSM_EINVAL, "%s: elapsed = %lld and window = %lld must satisfy 0 < elapsed <= window "
                           "(at most the supported time range)", __func__, (long long)elapsed, (long long)window);
    itsm_budget_status s;
    (void)itsm_rate_make(&s.error_ratio, bad, total);
    s.has_data = total > 0;
    s.consumed = s.projected = s.remaining = NAN;
    if (total > 0) {
        itsm__u128 num, den, cnum, cden;
        burn_terms(&num, &den, bad, total, target_ppb);
        /* Below 2^53 x 2^30 x 2^34: the products fit. */
        (void)itsm__u128_mul(&cnum, num, (uint64_t)elapsed);
        (void)itsm__u128_mul(&cden, den, (uint64_t)window);
        s.projected = itsm__ratio(num, den);
        s.consumed = itsm__ratio(cnum, cden);
        s.remaining = itsm__ratio_diff(cden, cnum, cden);
    }
    *out = s;
    return ITSM_OK;
}

/* ---- multiwindow, multi-burn-rate alerts ------------------------------------------------------- */

static const struct {
    int64_t budget_ppb, long_window, short_window;
} default_pairs[ITSM_BURN_DEFAULT_PAIRS] = {
    {20000000, 3600, 300},          /* 2 % of the budget in 1 h, checked over 5 min */
    {50000000, 6 * 3600, 1800},     /* 5 % in 6 h, 30 min */
    {100000000, 3 * 86400, 6 * 3600} /* 10 % in 3 days, 6 h */
};

#define MAX_FACTOR_MILLI (INT64_C(1) << 34)

itsm_status itsm_burn_alert_default_pairs(itsm_burn_alert_pair *out, int64_t slo_window)
{
    ITSM__CHECK_ARG(out);
    if (slo_window < 3600 || slo_window > ITSM_INSTANT_MAX - ITSM_INSTANT_MIN)
        return itsm__error(ITSM_EINVAL, "%s: slo_window = %lld s is outside 1 h .. the supported time range",
                           __func__, (long long)slo_window);
    for (int k = 0; k < ITSM_BURN_DEFAULT_PAIRS; k++) {
        /* factor x 1000 = budget x window x 1000 / long window, rounded half up. */
        itsm__u128 num = itsm__u128_mul64((uint64_t)default_pairs[k].budget_ppb, (uint64_t)slo_window);
        uint64_t den = (uint64_t)ITSM_PPB / 1000 * (uint64_t)default_pairs[k].long_window;
        /* num < 2^27 x 2^34: fits in 64 bits. */
        uint64_t milli = (num.lo + den / 2) / den;
        out[k].long_window = default_pairs[k].long_window;
        out[k].short_window = default_pairs[k].short_window;
        out[k].factor_milli = (int64_t)milli;
    }
    return ITSM_OK;
}

static int check_pair(const itsm_burn_alert_pair *p, size_t k, int64_t step, const char *func)
{
    const int64_t w[2] = {p->long_window, p->short_window};
    for (int j = 0; j < 2; j++)
        if (w[j] <= 0 || w[j] % step != 0)
            return itsm__error(ITSM_EINVAL, "%s: pairs[%zu].%s_window = %lld is not a positive multiple of step %lld",
                               func, k, j == 0 ? "long" : "short", (long long)w[j], (long long)step);
    if (p->factor_milli <= 0 || p->factor_milli > MAX_FACTOR_MILLI)
        return itsm__error(ITSM_EINVAL, "%s: pairs[%zu].factor_milli = %lld is outside 1 .. 2^34", func, k,
                           (long long)p->factor_milli);
    return ITSM_OK;
}

static int check_series(const int64_t *bad, const int64_t *total, size_t n, const char *func)
{
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        if (bad[i] < 0 || total[i] < 0 || bad[i] > total[i])
            return itsm__error(ITSM_EINVAL, "%s: bad[%zu] = %lld and total[%zu] = %lld must satisfy 0 <= bad <= total",
                               func, i, (long long)bad[i], i, (long long)total[i]);
        if (total[i] > INT64_MAX - sum)
            return itsm__error(ITSM_ERANGE, "%s: the sum of total overflows at [%zu]", func, i);
        sum += total[i];
    }
    return ITSM_OK;
}

/* A running sum over the last `len` slices. */
typedef struct running {
    size_t len;
    int64_t bad, total;
} running;

static void running_step(running *r, const int64_t *bad, const int64_t *total, size_t i)
{
    r->bad += bad[i];
    r->total += total[i];
    if (i >= r->len) {
        r->bad -= bad[i - r->len];
        r->total -= total[i - r->len];
    }
}

/* bad / total / (1 - target) > factor, exactly: bad x 10^12 > factor_milli x total x (10^9 - target). */
static bool burning(const running *r, int64_t factor_milli, int64_t target_ppb)
{
    if (r->total == 0)
        return false;
    itsm__u128 lhs = itsm__u128_mul64((uint64_t)r->bad, (uint64_t)ITSM_PPB * 1000u), rhs;
    (void)itsm__u128_mul(&rhs, itsm__u128_mul64((uint64_t)factor_milli, (uint64_t)r->total),
                         (uint64_t)(ITSM_PPB - target_ppb));
    return itsm__u128_cmp(lhs, rhs) > 0;
}

itsm_status itsm_burn_alerts(uint8_t *out, const int64_t *bad, const int64_t *total, size_t n, int64_t step,
                             int64_t target_ppb, const itsm_burn_alert_pair *pairs, size_t n_pairs)
{
    int rc = itsm__check_arrays(__func__, n, "out", (const void *)out, "bad", (const void *)bad, "total",
                                (const void *)total, (const char *)NULL);
    if (rc == ITSM_OK)
        rc = itsm__check_array(pairs, n_pairs, __func__, "pairs");
    if (rc == ITSM_OK && n_pairs > 8)
        rc = itsm__error(ITSM_EINVAL, "%s: %zu pairs; at most 8 fit the result bits", __func__, n_pairs);
    if (rc == ITSM_OK && step <= 0)
        rc = itsm__error(ITSM_EINVAL, "%s: step = %lld is not positive", __func__, (long long)step);
    if (rc == ITSM_OK)
        rc = check_counts(0, 0, target_ppb, __func__);
    for (size_t k = 0; rc == ITSM_OK && k < n_pairs; k++)
        rc = check_pair(&pairs[k], k, step, __func__);
    if (rc == ITSM_OK)
        rc = check_series(bad, total, n, __func__);
    if (rc != ITSM_OK)
        return rc;
    for (size_t i = 0; i < n; i++)
        out[i] = 0;
    for (size_t k = 0; k < n_pairs; k++) {
        running lw = {(size_t)(pairs[k].long_window / step), 0, 0};
        running sw = {(size_t)(pairs[k].short_window / step), 0, 0};
        for (size_t i = 0; i < n; i++) {
            running_step(&lw, bad, total, i);
            running_step(&sw, bad, total, i);
            if (burning(&lw, pairs[k].factor_milli, target_ppb) && burning(&sw, pairs[k].factor_milli, target_ppb))
                out[i] |= (uint8_t)(1u << k);
        }
    }
    return ITSM_OK;
}
