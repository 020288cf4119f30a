/* Per-record durations against a target: share within target, mean, extremes and
 * nearest-rank percentiles. */
#include "metrics/metrics_internal.h"

static int negative_duration(const char *func, size_t i, int64_t d)
{
    return itsm__error(ITSM_EINVAL, "%s: durations[%zu] = %lld is negative", func, i, (long long)d);
}

itsm_status itsm_durations_summarize(itsm_duration_stats *out, const int64_t *durations, const uint8_t *include,
                                     size_t n, int64_t target)
{
    ITSM__CHECK_ARG(out);
    int rc = itsm__check_array(durations, n, __func__, "durations");
    if (rc != ITSM_OK)
        return rc;
    if (target < 0)
        return itsm__error(ITSM_EINVAL, "%s: target = %lld is negative", __func__, (long long)target);
    int64_t count = 0, within = 0, sum = 0, lo = INT64_MAX, hi = 0;
    for (size_t i = 0; i < n; i++) {
        if (!itsm__included(include, i))
            continue;
        int64_t d = durations[i];
        if (d < 0)
            return negative_duration(__func__, i, d);
        if (d > INT64_MAX - sum)
            return itsm__error(ITSM_ERANGE, "%s: the sum of durations overflows at [%zu]", __func__, i);
        sum += d;
        count++;
        within += d <= target;
        lo = d < lo ? d : lo;
        hi = d > hi ? d : hi;
    }
    (void)itsm_rate_make(&out->within_target, within, count);
    (void)itsm_rate_make(&out->mean, sum, count);
    out->count = count;
    out->min = count > 0 ? lo : 0;
    out->max = hi;
    return ITSM_OK;
}

/* The included durations, checked, into keys[0 .. *count). */
static int collect(uint64_t *keys, size_t *count, const int64_t *durations, const uint8_t *include, size_t n,
                   const char *func)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (!itsm__included(include, i))
            continue;
        if (durations[i] < 0)
            return negative_duration(func, i, durations[i]);
        keys[k++] = (uint64_t)durations[i];
    }
    *count = k;
    return ITSM_OK;
}

/* r = max(1, ceil(q x N / 10^9)) as a 0-based index. N is split at 10^9 so that q x N
 * cannot overflow whatever N is: ceil(q x N / 10^9) = q x (N / 10^9) + ceil(q x (N % 10^9) / 10^9). */
static size_t nearest_rank(int64_t q, size_t count)
{
    uint64_t n = (uint64_t)count, ppb = (uint64_t)ITSM_PPB;
    uint64_t whole = n / ppb, part = n % ppb;
    uint64_t r = whole * (uint64_t)q + (part * (uint64_t)q + ppb - 1) / ppb;
    return (size_t)(r == 0 ? 0 : r - 1);
}

itsm_status itsm_durations_percentiles(int64_t *out, size_t *out_count, const int64_t *durations,
                                       const uint8_t *include, size_t n, const int64_t *ranks_ppb, size_t n_ranks)
{
    ITSM__CHECK_ARG(out_count);
    int rc = itsm__check_arrays(__func__, n_ranks, "out", (const void *)out, "ranks_ppb", (const void *)ranks_ppb,
                                (const char *)NULL);
    if (rc == ITSM_OK)
        rc = itsm__check_array(durations, n, __func__, "durations");
    for (size_t k = 0; rc == ITSM_OK && k < n_ranks; k++)
        if (ranks_ppb[k] < 0 || ranks_ppb[k] > ITSM_PPB)
            rc = itsm__error(ITSM_EINVAL, "%s: ranks_ppb[%zu] = %lld is outside 0 .. 1000000000", __func__, k,
                             (long long)ranks_ppb[k]);
    if (rc != ITSM_OK)
        return rc;
    uint64_t *keys = itsm__malloc((n > 0 ? n : 1) * sizeof *keys, "percentiles");
    if (keys == NULL)
        return ITSM_ENOMEM;
    size_t count = 0;
    rc = collect(keys, &count, durations, include, n, __func__);
    if (rc == ITSM_OK)
        rc = itsm__sort_u64(keys, count, "percentiles");
    if (rc == ITSM_OK) {
        for (size_t k = 0; count > 0 && k < n_ranks; k++)
            out[k] = (int64_t)keys[nearest_rank(ranks_ppb[k], count)];
        *out_count = count;
    }
    itsm__free(keys);
    return rc;
}
