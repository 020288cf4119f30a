/* Ordinal capabilities and service-hours coverage. */
#include "metrics/metrics_internal.h"

#include <string.h>

static int check_scale(const char *const *scale, size_t n, const char *func)
{
    int rc = itsm__check_array(scale, n, func, "scale");
    if (rc == ITSM_OK && n == 0)
        rc = itsm__error(ITSM_EINVAL, "%s: the scale has no levels", func);
    if (rc == ITSM_OK && n > INT32_MAX)
        rc = itsm__error(ITSM_ERANGE, "%s: the scale has more than 2^31 levels", func);
    for (size_t i = 0; rc == ITSM_OK && i < n; i++) {
        if (scale[i] == NULL || scale[i][0] == '\0')
            return itsm__error(ITSM_EINVAL, "%s: scale[%zu] is NULL or empty", func, i);
        for (size_t j = 0; j < i; j++)
            if (strcmp(scale[i], scale[j]) == 0)
                return itsm__error(ITSM_EINVAL, "%s: scale[%zu] repeats scale[%zu] (\"%s\")", func, i, j, scale[i]);
    }
    return rc;
}

static int level_of(int32_t *out, const char *const *scale, size_t n, const char *name, const char *what,
                    const char *func)
{
    if (name == NULL)
        return itsm__error(ITSM_EINVAL, "%s: argument '%s' is NULL", func, what);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(scale[i], name) == 0) {
            *out = (int32_t)i;
            return ITSM_OK;
        }
    }
    return itsm__error(ITSM_ENOTFOUND, "%s: %s level \"%s\" is not on the scale", func, what, name);
}

itsm_status itsm_ordinal_compare(itsm_ordinal_result *out, const char *const *scale, size_t n_levels,
                                 const char *declared, const char *required)
{
    ITSM__CHECK_ARG(out);
    itsm_ordinal_result r = {0, 0, 0, 0};
    int rc = check_scale(scale, n_levels, __func__);
    if (rc == ITSM_OK)
        rc = level_of(&r.declared, scale, n_levels, declared, "declared", __func__);
    if (rc == ITSM_OK)
        rc = level_of(&r.required, scale, n_levels, required, "required", __func__);
    if (rc != ITSM_OK)
        return rc;
    r.met = r.declared >= r.required;
    r.shortfall = r.met ? 0 : r.required - r.declared;
    *out = r;
    return ITSM_OK;
}

/* ---- service hours --------------------------------------------------------------------------- */

/* Open seconds of [a, b) on `cal` (NULL: 24x7). The caller has checked [from, to) against
 * the calendar, so sub-intervals cannot fail. */
static int64_t open_seconds(const itsm_calendar *cal, int64_t a, int64_t b)
{
    if (cal == NULL)
        return b - a;
    int64_t x = 0;
    (void)itsm_calendar_business_seconds(&x, cal, a, b);
    return x;
}

/* The largest e in [a, limit] such that all of [a, e) is open on `cal`: a binary search
 * on a monotone predicate, O(log(limit - a)) O(1) look-ups. */
static int64_t open_run_end(const itsm_calendar *cal, int64_t a, int64_t limit)
{
    if (open_seconds(cal, a, limit) == limit - a)
        return limit;
    int64_t lo = a, hi = limit; /* [a, lo) all open; [a, hi) not */
    while (hi - lo > 1) {
        int64_t mid = lo + (hi - lo) / 2;
        if (open_seconds(cal, a, mid) == mid - a)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static int check_calendar(const itsm_calendar *cal, int64_t from, int64_t to, const char *what, const char *func)
{
    int64_t x = 0;
    int rc = cal != NULL ? itsm_calendar_business_seconds(&x, cal, from, to) : ITSM_OK;
    return rc == ITSM_OK ? rc : itsm__error_prefix(rc, "%s: the %s calendar", func, what);
}

itsm_status itsm_service_hours_coverage(itsm_coverage *out, const itsm_calendar *provided,
                                        const itsm_calendar *required, itsm_instant from, itsm_instant to)
{
    ITSM__CHECK_ARG(out);
    int rc = itsm__check_period(from, to, __func__);
    if (rc == ITSM_OK)
        rc = check_calendar(provided, from, to, "provided", __func__);
    if (rc == ITSM_OK)
        rc = check_calendar(required, from, to, "required", __func__);
    if (rc != ITSM_OK)
        return rc;
    itsm_coverage c = {1, to, open_seconds(required, from, to), 0};
    for (int64_t t = from; t < to;) {
        if (open_seconds(required, t, to) == 0)
            break;
        if (required != NULL)
            (void)itsm_calendar_next_open(&t, required, t); /* open time lies ahead before `to` */
        int64_t e = required != NULL ? open_run_end(required, t, to) : to;
        int64_t gap = (e - t) - open_seconds(provided, t, e);
        if (gap > 0 && c.covered) {
            c.covered = 0;
            c.first_uncovered = open_run_end(provided, t, e);
        }
        c.uncovered_seconds += gap;
        t = e;
    }
    *out = c;
    return ITSM_OK;
}
