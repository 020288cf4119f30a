/* Resampling to a grid and the time-of-day x date heat map: every sample's bucket is found
 * once (shared by all series on the same time axis), then each series is added up bucket
 * by bucket; quantiles read each bucket's values through a counting sort of the samples by
 * bucket, so the work stays linear in the number of samples. */
#include "fsum.h"
#include "time/civil.h"
#include "timeseries/ts_internal.h"

#include <math.h>
#include <string.h>

/* Scratch memory of one call, all freed together. */
typedef struct work {
    int64_t *idx;     /* bucket of each sample, -1 outside */
    double *sum;      /* per bucket: running sum and its compensation (sum or mean wanted) */
    double *comp;
    size_t *start;    /* quantiles: bucket k's samples are order[start[k] .. start[k + 1]) */
    size_t *order;
    double *scratch;  /* quantiles: the values of the largest bucket */
} work;

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

/* Count, sum, min and max of series s (values v[0..n)) into its buckets. */
static int add_series(itsm_ts_stats *o, const work *w, size_t nb, const double *v, size_t n, size_t s,
                      const char *fn)
{
    int64_t *count = o->count + s * nb;
    double *mn = o->min != NULL ? o->min + s * nb : NULL;
    double *mx = o->max != NULL ? o->max + s * nb : NULL;
    memset(count, 0, nb * sizeof *count);
    if (w->sum != NULL) {
        memset(w->sum, 0, nb * sizeof *w->sum);
        memset(w->comp, 0, nb * sizeof *w->comp);
    }
    for (size_t i = 0; i < n; i++) {
        double x = v[i];
        int64_t k = w->idx[i];
        if (isnan(x)) {
            o->missing++;
            continue;
        }
        if (isinf(x))
            return infinite_value(x, s, i, n, fn);
        if (k < 0) {
            o->outside++;
            continue;
        }
        int first = count[k]++ == 0;
        if (mn != NULL && (first || x < mn[k]))
            mn[k] = x;
        if (mx != NULL && (first || x > mx[k]))
            mx[k] = x;
        if (w->sum != NULL)
            itsm__fsum_add(&w->sum[k], &w->comp[k], x);
    }
    return ITSM_OK;
}

/* Sum and mean from the running sums; NaN in every statistic of an empty bucket. */
static void finish_series(itsm_ts_stats *o, const work *w, size_t nb, size_t s)
{
    const int64_t *count = o->count + s * nb;
    for (size_t k = 0; k < nb; k++) {
        size_t at = s * nb + k;
        double total = w->sum != NULL ? w->sum[k] + w->comp[k] : NAN;
        if (count[k] == 0)
            total = NAN;
        if (o->sum != NULL)
            o->sum[at] = total;
        if (o->mean != NULL)
            o->mean[at] = count[k] == 0 ? NAN : total / (double)count[k];
        if (count[k] == 0 && o->min != NULL)
            o->min[at] = NAN;
        if (count[k] == 0 && o->max != NULL)
            o->max[at] = NAN;
    }
}

/* ---- quantiles ------------------------------------------------------------------------------ */

/* Group the samples by bucket (a counting sort of idx) and size the scratch buffer. */
static int group_samples(work *w, size_t n, size_t nb)
{
    w->start = itsm__calloc(nb + 1, sizeof *w->start, "resampling: bucket starts");
    w->order = itsm__malloc(n * sizeof *w->order, "resampling: samples by bucket");
    if (w->start == NULL || w->order == NULL)
        return ITSM_ENOMEM;
    for (size_t i = 0; i < n; i++)
        if (w->idx[i] >= 0)
            w->start[w->idx[i] + 1]++;
    size_t largest = 0;
    for (size_t k = 0; k < nb; k++) {
        largest = w->start[k + 1] > largest ? w->start[k + 1] : largest;
        w->start[k + 1] += w->start[k];
    }
    for (size_t i = 0; i < n; i++) /* start[k] runs to the end of bucket k ... */
        if (w->idx[i] >= 0)
            w->order[w->start[w->idx[i]]++] = i;
    memmove(w->start + 1, w->start, nb * sizeof *w->start); /* ... and is moved back */
    w->start[0] = 0;
    w->scratch = itsm__malloc(largest * sizeof *w->scratch, "resampling: quantile scratch");
    return w->scratch == NULL ? ITSM_ENOMEM : ITSM_OK;
}

static void quantiles_of_series(itsm_ts_stats *o, const work *w, size_t nb, const double *v, size_t s)
{
    for (size_t k = 0; k < nb; k++) {
        size_t m = 0;
        for (size_t p = w->start[k]; p < w->start[k + 1]; p++)
            if (!isnan(v[w->order[p]]))
                w->scratch[m++] = v[w->order[p]];
        for (size_t j = 0; j < o->n_q; j++)
            o->quantiles[(s * o->n_q + j) * nb + k] = m == 0 ? NAN : itsm__ts_quantile(w->scratch, m, o->q[j], o->method);
    }
}

/* ---- the shared core ------------------------------------------------------------------------- */

/* Every series over w->idx (already computed) into nb buckets. */
static int resample_indexed(itsm_ts_stats *o, work *w, size_t nb, const double *values, size_t n, size_t n_series,
                            const char *fn)
{
    o->missing = o->outside = 0;
    if (o->sum != NULL || o->mean != NULL) {
        w->sum = itsm__malloc(nb * sizeof *w->sum, "resampling: sums");
        w->comp = itsm__malloc(nb * sizeof *w->comp, "resampling: sums");
        if (w->sum == NULL || w->comp == NULL)
            return ITSM_ENOMEM;
    }
    if (o->n_q > 0 && group_samples(w, n, nb) != ITSM_OK)
        return ITSM_ENOMEM;
    for (size_t s = 0; s < n_series; s++) {
        int rc = add_series(o, w, nb, values + s * n, n, s, fn);
        if (rc != ITSM_OK)
            return rc;
        finish_series(o, w, nb, s);
        if (o->n_q > 0)
            quantiles_of_series(o, w, nb, values + s * n, s);
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
    work w = {NULL, NULL, NULL, NULL, NULL, NULL};
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
    work w = {NULL, NULL, NULL, NULL, NULL, NULL};
    int64_t *counts = out_counts;
    if (counts == NULL && (counts = itsm__malloc(g.n_buckets * sizeof *counts, "heat map counts")) == NULL)
        return ITSM_ENOMEM;
    rc = index_samples(&w, &g, t, n, __func__);
    /* Bucket k of the grid is day k / rows, slot k % rows: cell (slot, day). */
    size_t rows = (size_t)(ITSM_SECONDS_PER_DAY / spec->slot);
    for (size_t i = 0; rc == ITSM_OK && i < n; i++)
        if (w.idx[i] >= 0)
            w.idx[i] = (int64_t)(((size_t)w.idx[i] % rows) * spec->n_days + (size_t)w.idx[i] / rows);
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
