/* Resampling to a grid and the date x time-of-day heat map: every sample's bucket is found
 * once (shared by all series on the same time axis), then each series is added up. Samples
 * that come bucket by bucket (sorted input) are added up one bucket at a time in
 * registers, quantiles taken from the bucket's stretch of the input; other samples are
 * grouped by a counting sort first. Either way the work stays linear in the samples. */
#include "fsum.h"
#include "time/civil.h"
#include "timeseries/ts_internal.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

/* Scratch memory of one call, all freed together. */
typedef struct work {
    int64_t *idx;       /* bucket of each sample, -1 outside */
    bool ordered;       /* the samples inside the grid come bucket by bucket */
    double *sum, *comp; /* unordered, sum or mean wanted: running sums and their compensation */
    size_t *start;      /* unordered quantiles: bucket k's samples are order[start[k] .. start[k + 1]) */
    size_t *order;
    double *scratch;    /* quantiles: one bucket's values */
    size_t scratch_cap;
} work;

#define WORK_INIT {NULL, false, NULL, NULL, NULL, NULL, NULL, 0}

static void work_free(work *w)
{
    itsm__free(w->idx);
    itsm__free(w->sum);
    itsm__free(w->comp);
    itsm__free(w->start);
    itsm__free(w->order);
    itsm__free(w->scratch);
}

/* ---- checks ---------------------------------------------------------------------------- */

static int check_stats(const itsm_ts_stats *o, const char *fn)
{
    if (o->version != ITSM_TS_STATS_VERSION)
        return itsm__error(ITSM_EVERSION, "%s: stats version %u is not supported (expected %d)", fn, o->version,
                           ITSM_TS_STATS_VERSION);
    if (o->count == NULL)
        return itsm__error(ITSM_EINVAL, "%s: stats.count is NULL (the counts say which buckets have data)", fn);
    if (o->n_q == 0)
        return ITSM_OK;
    if (o->q == NULL || o->quantiles == NULL)
        return itsm__error(ITSM_EINVAL, "%s: stats.n_q is %zu but stats.%s is NULL", fn, o->n_q,
                           o->q == NULL ? "q" : "quantiles");
    if ((unsigned)o->method > (unsigned)ITSM_TS_NORMAL_UNBIASED)
        return itsm__error(ITSM_EINVAL, "%s: stats.method = %d is not a quantile method", fn, (int)o->method);
    for (size_t j = 0; j < o->n_q; j++)
        if (!(o->q[j] >= 0.0 && o->q[j] <= 1.0))
            return itsm__error(ITSM_EINVAL, "%s: stats.q[%zu] = %g is not in [0, 1]", fn, j, o->q[j]);
    return ITSM_OK;
}

/* a x b x c fits size_t. */
static int check_size(size_t a, size_t b, size_t c, const char *fn, const char *what)
{
    if ((b != 0 && a > SIZE_MAX / b) || (c != 0 && a * b > SIZE_MAX / c))
        return itsm__error(ITSM_EINVAL, "%s: %s is too large", fn, what);
    return ITSM_OK;
}

/* ---- adding up ---------------------------------------------------------------------------- */

static int infinite_value(double x, size_t s, size_t i, size_t n, const char *fn)
{
    return itsm__error(ITSM_EINVAL, "%s: values[%zu] (series %zu, t[%zu]) is %g: values must be finite (NaN for a "
                                    "missing sample)",
                       fn, s * n + i, s, i, x);
}

/* Whether the samples inside the grid come bucket by bucket, as sorted input does (samples
 * outside the grid only before and after). */
static bool come_in_order(const int64_t *idx, size_t n)
{
    size_t i = 0;
    while (i < n && idx[i] < 0)
        i++;
    for (int64_t last = -1; i < n && idx[i] >= 0; last = idx[i++])
        if (idx[i] < last)
            return false;
    for (; i < n; i++)
        if (idx[i] >= 0)
            return false;
    return true;
}

/* Room for m values in the quantile scratch buffer. */
static int reserve_scratch(work *w, size_t m)
{
    if (m <= w->scratch_cap)
        return ITSM_OK;
    return itsm__reserve((void **)&w->scratch, &w->scratch_cap, m, sizeof *w->scratch, "resampling: quantiles");
}

/* The quantiles of the `got` values gathered in the scratch buffer, into bucket k of series s. */
static void store_quantiles(itsm_ts_stats *o, const work *w, size_t nb, size_t s, size_t k, size_t got)
{
    for (size_t j = 0; j < o->n_q; j++)
        o->quantiles[(s * o->n_q + j) * nb + k] = got == 0 ? NAN : itsm__ts_quantile(w->scratch, got, o->q[j], o->method);
}

/* The quantiles of the m finite values among x[0..n) into bucket k of series s. */
static int bucket_quantiles(itsm_ts_stats *o, work *w, size_t nb, size_t s, size_t k, const double *x, size_t n,
                            size_t m)
{
    if (reserve_scratch(w, m) != ITSM_OK)
        return ITSM_ENOMEM;
    size_t got = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(x[i]))
            w->scratch[got++] = x[i];
    store_quantiles(o, w, nb, s, k, got);
    return ITSM_OK;
}

/* The samples of one bucket met one after the other (with sorted input, a whole bucket),
 * added up in registers and merged into the bucket once. */
typedef struct run {
    int64_t count;
    double sum, comp, min, max;
    size_t first, end; /* the run's stretch of the input: [first, end) */
} run;

static void run_add(run *r, double x, size_t i)
{
    if (r->count++ == 0) {
        r->min = r->max = x;
        r->first = i;
    } else {
        r->min = x < r->min ? x : r->min;
        r->max = x > r->max ? x : r->max;
    }
    itsm__fsum_add(&r->sum, &r->comp, x);
    r->end = i + 1;
}

/* Merge a run into bucket k of series s (values v). In order, a bucket has one run and its
 * statistics are final at once; otherwise runs merge into the counts, extremes and running
 * sums, which finish_series() turns into sums and means. Passed by value, the caller's run
 * stays in registers. */
static int run_flush(itsm_ts_stats *o, work *w, size_t nb, size_t s, int64_t k, run r, const double *v)
{
    if (r.count == 0)
        return ITSM_OK;
    size_t at = s * nb + (size_t)k;
    int first = o->count[at] == 0;
    o->count[at] += r.count;
    if (o->min != NULL && (first || r.min < o->min[at]))
        o->min[at] = r.min;
    if (o->max != NULL && (first || r.max > o->max[at]))
        o->max[at] = r.max;
    if (!w->ordered) {
        if (w->sum != NULL) {
            itsm__fsum_add(&w->sum[k], &w->comp[k], r.sum);
            w->comp[k] += r.comp;
        }
        return ITSM_OK;
    }
    double total = r.sum + r.comp;
    if (o->sum != NULL)
        o->sum[at] = total;
    if (o->mean != NULL)
        o->mean[at] = total / (double)r.count;
    if (o->n_q == 0)
        return ITSM_OK;
    return bucket_quantiles(o, w, nb, s, (size_t)k, v + r.first, r.end - r.first, (size_t)r.count);
}

/* Series s before adding: no samples anywhere; in order, every statistic already "no data". */
static void start_series(itsm_ts_stats *o, const work *w, size_t nb, size_t s)
{
    memset(o->count + s * nb, 0, nb * sizeof *o->count);
    double *stats[] = {o->sum, o->mean, o->min, o->max};
    for (size_t j = 0; w->ordered && j < sizeof stats / sizeof stats[0]; j++)
        for (size_t k = 0; stats[j] != NULL && k < nb; k++)
            stats[j][s * nb + k] = NAN;
    for (size_t k = 0; w->ordered && k < o->n_q * nb; k++)
        o->quantiles[s * o->n_q * nb + k] = NAN;
    if (!w->ordered && w->sum != NULL) {
        memset(w->sum, 0, nb * sizeof *w->sum);
        memset(w->comp, 0, nb * sizeof *w->comp);
    }
}

/* Count, sum, min, max (and, in order, quantiles) of series s (values v[0..n)). */
static int add_series(itsm_ts_stats *o, work *w, size_t nb, const double *v, size_t n, size_t s, const char *fn)
{
    start_series(o, w, nb, s);
    run r = {0, 0.0, 0.0, 0.0, 0.0, 0, 0};
    int64_t k = -1;
    /* One pass past the end (i == n) flushes the last run: a single call of run_flush,
     * which the compiler then inlines, keeping the run in registers. */
    for (size_t i = 0; i <= n; i++) {
        double x = i < n ? v[i] : 0.0;
        int64_t ki = i < n ? w->idx[i] : -2;
        if (!isfinite(x)) {
            if (!isnan(x))
                return infinite_value(x, s, i, n, fn);
            o->missing++;
            continue;
        }
        if (ki == -1) {
            o->outside++;
            continue;
        }
        if (ki != k) {
            if (run_flush(o, w, nb, s, k, r, v) != ITSM_OK)
                return ITSM_ENOMEM;
            if (i == n)
                break;
            r = (run){0, 0.0, 0.0, 0.0, 0.0, 0, 0};
            k = ki;
        }
        run_add(&r, x, i);
    }
    return ITSM_OK;
}

/* Unordered samples: sum and mean from the running sums; NaN in every statistic of an
 * empty bucket. */
static void finish_series(itsm_ts_stats *o, const work *w, size_t nb, size_t s)
{
    const int64_t *count = o->count + s * nb;
    for (size_t k = 0; k < nb; k++) {
        size_t at = s * nb + k;
        double total = w->sum != NULL && count[k] > 0 ? w->sum[k] + w->comp[k] : NAN;
        if (o->sum != NULL)
            o->sum[at] = total;
        if (o->mean != NULL)
            o->mean[at] = total / (double)count[k];
        if (count[k] == 0 && o->min != NULL)
            o->min[at] = NAN;
        if (count[k] == 0 && o->max != NULL)
            o->max[at] = NAN;
    }
}

/* ---- unordered samples: grouped by bucket for their quantiles ------------------------------ */

/* A counting sort of the samples by bucket into w->order, bucket k at start[k] .. */
static int group_samples(work *w, size_t n, size_t nb)
{
    w->start = itsm__calloc(nb + 1, sizeof *w->start, "resampling: bucket starts");
    w->order = itsm__malloc(n * sizeof *w->order, "resampling: samples by bucket");
    if (w->start == NULL || w->order == NULL)
        return ITSM_ENOMEM;
    for (size_t i = 0; i < n; i++)
        if (w->idx[i] >= 0)
            w->start[w->idx[i] + 1]++;
    for (size_t k = 0; k < nb; k++)
        w->start[k + 1] += w->start[k];
    for (size_t i = 0; i < n; i++) /* start[k] runs to the end of bucket k ... */
        if (w->idx[i] >= 0)
            w->order[w->start[w->idx[i]]++] = i;
    memmove(w->start + 1, w->start, nb * sizeof *w->start); /* ... and is moved back */
    w->start[0] = 0;
    return ITSM_OK;
}

static int quantiles_of_series(itsm_ts_stats *o, work *w, size_t nb, const double *v, size_t s)
{
    for (size_t k = 0; k < nb; k++) {
        if (reserve_scratch(w, w->start[k + 1] - w->start[k]) != ITSM_OK)
            return ITSM_ENOMEM;
        size_t got = 0;
        for (size_t p = w->start[k]; p < w->start[k + 1]; p++)
            if (!isnan(v[w->order[p]]))
                w->scratch[got++] = v[w->order[p]];
        store_quantiles(o, w, nb, s, k, got);
    }
    return ITSM_OK;
}

/* ---- the shared core ------------------------------------------------------------------------- */

/* Every series over w->idx (already computed) into nb buckets. */
static int resample_indexed(itsm_ts_stats *o, work *w, size_t nb, const double *values, size_t n, size_t n_series,
                            const char *fn)
{
    o->missing = o->outside = 0;
    w->ordered = come_in_order(w->idx, n);
    if (!w->ordered && (o->sum != NULL || o->mean != NULL)) {
        w->sum = itsm__malloc(nb * sizeof *w->sum, "resampling: sums");
        w->comp = itsm__malloc(nb * sizeof *w->comp, "resampling: sums");
        if (w->sum == NULL || w->comp == NULL)
            return ITSM_ENOMEM;
    }
    if (!w->ordered && o->n_q > 0 && group_samples(w, n, nb) != ITSM_OK)
        return ITSM_ENOMEM;
    for (size_t s = 0; s < n_series; s++) {
        int rc = add_series(o, w, nb, values + s * n, n, s, fn);
        if (rc == ITSM_OK && !w->ordered) {
            finish_series(o, w, nb, s);
            if (o->n_q > 0)
                rc = quantiles_of_series(o, w, nb, values + s * n, s);
        }
        if (rc != ITSM_OK)
            return rc;
    }
    return ITSM_OK;
}

static int index_samples(work *w, const itsm_ts_grid *grid, const itsm_instant *t, size_t n, const char *fn)
{
    w->idx = itsm__malloc(n * sizeof *w->idx, "resampling: bucket of each sample");
    if (w->idx == NULL)
        return ITSM_ENOMEM;
    return itsm__ts_index(w->idx, grid, t, n, fn);
}

itsm_status itsm_ts_resample(itsm_ts_stats *out, const itsm_ts_grid *grid, const itsm_instant *t, size_t n,
                             const double *values, size_t n_series)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(grid);
    int rc = itsm__ts_grid_check(grid, __func__);
    if (rc == ITSM_OK)
        rc = check_stats(out, __func__);
    if (rc == ITSM_OK)
        rc = check_size(n_series, grid->n_buckets, out->n_q > 0 ? out->n_q : 1, __func__, "n_series x n_buckets");
    if (rc == ITSM_OK)
        rc = check_size(n_series, n, 1, __func__, "n_series x n");
    if (rc != ITSM_OK)
        return rc;
    if (n > 0 && n_series > 0) {
        ITSM__CHECK_ARG(t);
        ITSM__CHECK_ARG(values);
    }
    work w = WORK_INIT;
    rc = index_samples(&w, grid, t, n_series > 0 ? n : 0, __func__);
    if (rc == ITSM_OK)
        rc = resample_indexed(out, &w, grid->n_buckets, values, n, n_series, __func__);
    work_free(&w);
    return rc;
}

/* ---- heat maps ---------------------------------------------------------------------------------- */

static int heatmap_grid(itsm_ts_grid *g, const itsm_ts_heatmap_spec *spec, const char *fn)
{
    if (spec->version != ITSM_TS_HEATMAP_VERSION)
        return itsm__error(ITSM_EVERSION, "%s: spec version %u is not supported (expected %d)", fn, spec->version,
                           ITSM_TS_HEATMAP_VERSION);
    if (spec->slot <= 0 || spec->slot > ITSM_SECONDS_PER_DAY || ITSM_SECONDS_PER_DAY % spec->slot != 0)
        return itsm__error(ITSM_EINVAL, "%s: spec.slot = %lld s does not divide a day (86400 s)", fn,
                           (long long)spec->slot);
    if ((unsigned)spec->agg > (unsigned)ITSM_TS_AGG_SUM)
        return itsm__error(ITSM_EINVAL, "%s: spec.agg = %d is not an aggregation", fn, (int)spec->agg);
    int32_t days = 0;
    int rc = itsm_date_to_days(&days, spec->first_date);
    if (rc != ITSM_OK)
        return itsm__error_prefix(rc, "%s: spec.first_date", fn);
    size_t rows = (size_t)(ITSM_SECONDS_PER_DAY / spec->slot);
    rc = check_size(rows, spec->n_days, 1, fn, "spec.n_days");
    if (rc != ITSM_OK)
        return rc;
    *g = (itsm_ts_grid){ITSM_TS_GRID_VERSION, spec->slot, spec->zone, (int64_t)days * ITSM_SECONDS_PER_DAY,
                        rows * spec->n_days};
    return itsm__ts_grid_check(g, fn);
}

itsm_status itsm_ts_heatmap(double *out_values, int64_t *out_counts, const itsm_ts_heatmap_spec *spec,
                            const itsm_instant *t, const double *values, size_t n)
{
    ITSM__CHECK_ARG(spec);
    itsm_ts_grid g;
    int rc = heatmap_grid(&g, spec, __func__);
    if (rc != ITSM_OK)
        return rc;
    if (g.n_buckets > 0)
        ITSM__CHECK_ARG(out_values);
    if (n > 0) {
        ITSM__CHECK_ARG(t);
        ITSM__CHECK_ARG(values);
    }
    /* Cell [day * slots + slot] is bucket day * slots + slot of the grid: a resampling. */
    work w = WORK_INIT;
    int64_t *counts = out_counts;
    if (counts == NULL && (counts = itsm__malloc(g.n_buckets * sizeof *counts, "heat map counts")) == NULL)
        return ITSM_ENOMEM;
    rc = index_samples(&w, &g, t, n, __func__);
    itsm_ts_stats st = ITSM_TS_STATS_INIT;
    st.count = counts;
    st.mean = spec->agg == ITSM_TS_AGG_MEAN ? out_values : NULL;
    st.max = spec->agg == ITSM_TS_AGG_MAX ? out_values : NULL;
    st.min = spec->agg == ITSM_TS_AGG_MIN ? out_values : NULL;
    st.sum = spec->agg == ITSM_TS_AGG_SUM ? out_values : NULL;
    if (rc == ITSM_OK)
        rc = resample_indexed(&st, &w, g.n_buckets, values, n, 1, __func__);
    work_free(&w);
    if (counts != out_counts)
        itsm__free(counts);
    return rc;
}
