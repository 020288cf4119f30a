/*
 * itsm_timeseries.i - itsm/timeseries.h in itsm.itsm_native (included by itsm.i after
 * itsm_kpi.i, whose numeric buffer helpers it uses).
 *
 *   - grids travel as (grain, zone or None, first, n_buckets);
 *   - ts_resample / ts_heatmap take numpy buffers (int64 instants, float64 values) and fill
 *     output buffers the Python layer allocated; the GIL is released during the C call;
 *   - a trend travels as (n, origin, first, last, intercept, slope, r2, residual_se), a
 *     crossing as (reach, at).
 */

%{
#include "itsm/timeseries.h"

static PyObject *itsmpy_ts_grid_cover(int64_t grain, const itsm_tz *zone, PyObject *t)
{
    itsmpy_buf tb;
    itsm_ts_grid g = ITSM_TS_GRID_INIT;
    g.grain = grain;
    g.zone = zone;
    PyObject *result = NULL;
    if (itsmpy_buf_get(&tb, t, 'q', 0, 0, "t") == 0) {
        int rc;
        Py_BEGIN_ALLOW_THREADS
        rc = itsm_ts_grid_cover(&g, tb.ptr, tb.n);
        Py_END_ALLOW_THREADS
        result = rc < 0 ? itsmpy_done(rc) : Py_BuildValue("(Ln)", (long long)g.first, (Py_ssize_t)g.n_buckets);
    }
    itsmpy_buf_release(&tb);
    return result;
}

static PyObject *itsmpy_ts_bucket_index(PyObject *out, int64_t grain, const itsm_tz *zone, int64_t first,
                                        size_t n_buckets, PyObject *t)
{
    itsmpy_buf o, tb;
    itsm_ts_grid g = {ITSM_TS_GRID_VERSION, grain, zone, first, n_buckets};
    PyObject *result = NULL;
    if (itsmpy_buf_get(&o, out, 'q', 1, 0, "out") == 0 && itsmpy_buf_get(&tb, t, 'q', 0, 0, "t") == 0 &&
        itsmpy_buf_len(&o, tb.n, "out") == 0) {
        int rc;
        Py_BEGIN_ALLOW_THREADS
        rc = itsm_ts_bucket_index(o.ptr, &g, tb.ptr, tb.n);
        Py_END_ALLOW_THREADS
        result = itsmpy_done(rc);
    }
    itsmpy_buf_release(&o);
    itsmpy_buf_release(&tb);
    return result;
}

/* The buffers of one resampling: instants, values, quantiles and the six outputs. */
enum { TS_T, TS_V, TS_Q, TS_COUNT, TS_SUM, TS_MEAN, TS_MIN, TS_MAX, TS_QUANT, TS_BUFS };

static PyObject *itsmpy_ts_resample(int64_t grain, const itsm_tz *zone, int64_t first, size_t n_buckets,
                                    PyObject *t, PyObject *values, PyObject *q, int method, PyObject *count,
                                    PyObject *sum, PyObject *mean, PyObject *min, PyObject *max,
                                    PyObject *quantiles)
{
    static const char *const names[TS_BUFS] = {"t", "values", "q", "count", "sum", "mean", "min", "max", "quantiles"};
    static const char kinds[TS_BUFS] = {'q', 'd', 'd', 'q', 'd', 'd', 'd', 'd', 'd'};
    PyObject *objs[TS_BUFS] = {t, values, q, count, sum, mean, min, max, quantiles};
    itsmpy_buf b[TS_BUFS];
    memset(b, 0, sizeof b);
    int ok = 1;
    for (int k = 0; ok && k < TS_BUFS; k++)
        ok = itsmpy_buf_get(&b[k], objs[k], kinds[k], k >= TS_COUNT, k == TS_Q || k > TS_COUNT, names[k]) == 0;
    size_t n = b[TS_T].n, n_series = n > 0 ? b[TS_V].n / n : 0;
    if (ok && n > 0 && b[TS_V].n % n != 0) {
        PyErr_Format(PyExc_ValueError, "values: %zu values are not a whole number of series of %zu samples",
                     b[TS_V].n, n);
        ok = 0;
    }
    PyObject *result = NULL;
    if (ok) {
        itsm_ts_grid g = {ITSM_TS_GRID_VERSION, grain, zone, first, n_buckets};
        itsm_ts_stats st = ITSM_TS_STATS_INIT;
        st.count = b[TS_COUNT].ptr;
        st.sum = b[TS_SUM].ptr;
        st.mean = b[TS_MEAN].ptr;
        st.min = b[TS_MIN].ptr;
        st.max = b[TS_MAX].ptr;
        st.quantiles = b[TS_QUANT].ptr;
        st.q = b[TS_Q].ptr;
        st.n_q = b[TS_Q].n;
        st.method = (itsm_ts_quantile_method)method;
        int rc;
        Py_BEGIN_ALLOW_THREADS
        rc = itsm_ts_resample(&st, &g, b[TS_T].ptr, n, b[TS_V].ptr, n_series);
        Py_END_ALLOW_THREADS
        result = rc < 0 ? itsmpy_done(rc) : Py_BuildValue("(LL)", (long long)st.missing, (long long)st.outside);
    }
    for (int k = 0; k < TS_BUFS; k++)
        itsmpy_buf_release(&b[k]);
    return result;
}

static PyObject *itsmpy_ts_heatmap(PyObject *out_values, PyObject *out_counts, int64_t slot, const itsm_tz *zone,
                                   itsm_date first_date, size_t n_days, int agg, PyObject *t, PyObject *values)
{
    itsmpy_buf ov, oc, tb, vb;
    PyObject *result = NULL;
    if (itsmpy_buf_get(&ov, out_values, 'd', 1, 0, "out_values") == 0 &&
        itsmpy_buf_get(&oc, out_counts, 'q', 1, 1, "out_counts") == 0 && itsmpy_buf_get(&tb, t, 'q', 0, 0, "t") == 0 &&
        itsmpy_buf_get(&vb, values, 'd', 0, 0, "values") == 0 && itsmpy_buf_len(&vb, tb.n, "values") == 0) {
        itsm_ts_heatmap_spec spec = {ITSM_TS_HEATMAP_VERSION, slot, zone, first_date, n_days, (itsm_ts_agg)agg};
        int rc;
        Py_BEGIN_ALLOW_THREADS
        rc = itsm_ts_heatmap(ov.ptr, oc.ptr, &spec, tb.ptr, vb.ptr, tb.n);
        Py_END_ALLOW_THREADS
        result = itsmpy_done(rc);
    }
    itsmpy_buf_release(&ov);
    itsmpy_buf_release(&oc);
    itsmpy_buf_release(&tb);
    itsmpy_buf_release(&vb);
    return result;
}

static PyObject *itsmpy_trend_tuple(const itsm_ts_trend *f)
{
    return Py_BuildValue("(nLLLdddd)", (Py_ssize_t)f->n, (long long)f->origin, (long long)f->first,
                         (long long)f->last, f->intercept, f->slope, f->r2, f->residual_se);
}

static PyObject *itsmpy_ts_trend_fit(PyObject *t, PyObject *values)
{
    itsmpy_buf tb, vb;
    PyObject *result = NULL;
    if (itsmpy_buf_get(&tb, t, 'q', 0, 0, "t") == 0 && itsmpy_buf_get(&vb, values, 'd', 0, 0, "values") == 0 &&
        itsmpy_buf_len(&vb, tb.n, "values") == 0) {
        itsm_ts_trend f;
        int rc;
        Py_BEGIN_ALLOW_THREADS
        rc = itsm_ts_trend_fit(&f, tb.ptr, vb.ptr, tb.n);
        Py_END_ALLOW_THREADS
        result = rc < 0 ? itsmpy_done(rc) : itsmpy_trend_tuple(&f);
    }
    itsmpy_buf_release(&tb);
    itsmpy_buf_release(&vb);
    return result;
}
%}

/* A trend from its 8-tuple. */
%typemap(in) const itsm_ts_trend *fit (itsm_ts_trend temp) {
    Py_ssize_t n = 0;
    long long origin = 0, first = 0, last = 0;
    if (!PyArg_ParseTuple($input, "nLLLdddd;fit must be (n, origin, first, last, intercept, slope, r2, residual_se)",
                          &n, &origin, &first, &last, &temp.intercept, &temp.slope, &temp.r2, &temp.residual_se))
        SWIG_fail;
    temp.n = (size_t)n;
    temp.origin = origin;
    temp.first = first;
    temp.last = last;
    $1 = &temp;
}

%typemap(in, numinputs=0) itsm_ts_crossing *out (itsm_ts_crossing temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) itsm_ts_crossing *out {
    if (itsmpy_output(&$result, Py_BuildValue("(iL)", (int)temp$argnum.reach, (long long)temp$argnum.at)) < 0)
        SWIG_fail;
}

%typemap(in, numinputs=0) double *out (double temp = 0) {
    $1 = &temp;
}
%typemap(argout) double *out {
    if (itsmpy_output(&$result, PyFloat_FromDouble(temp$argnum)) < 0)
        SWIG_fail;
}

%ignore itsm_ts_grid;
%ignore itsm_ts_stats;
%ignore itsm_ts_heatmap_spec;
%ignore itsm_ts_trend;
%ignore itsm_ts_crossing;
%ignore ITSM_TS_GRID_INIT;
%ignore ITSM_TS_STATS_INIT;
%ignore ITSM_TS_HEATMAP_INIT;
%ignore itsm_ts_grid_cover;
%ignore itsm_ts_bucket_index;
%ignore itsm_ts_resample;
%ignore itsm_ts_heatmap;
%ignore itsm_ts_trend_fit;

%include "itsm/timeseries.h"

%nothread itsmpy_ts_grid_cover;
%rename(ts_grid_cover) itsmpy_ts_grid_cover;
PyObject *itsmpy_ts_grid_cover(int64_t grain, const itsm_tz *zone, PyObject *t);
%nothread itsmpy_ts_bucket_index;
%rename(ts_bucket_index) itsmpy_ts_bucket_index;
PyObject *itsmpy_ts_bucket_index(PyObject *out, int64_t grain, const itsm_tz *zone, int64_t first, size_t n_buckets,
                                 PyObject *t);
%nothread itsmpy_ts_resample;
%rename(ts_resample) itsmpy_ts_resample;
PyObject *itsmpy_ts_resample(int64_t grain, const itsm_tz *zone, int64_t first, size_t n_buckets, PyObject *t,
                             PyObject *values, PyObject *q, int method, PyObject *count, PyObject *sum,
                             PyObject *mean, PyObject *min, PyObject *max, PyObject *quantiles);
%nothread itsmpy_ts_heatmap;
%rename(ts_heatmap) itsmpy_ts_heatmap;
PyObject *itsmpy_ts_heatmap(PyObject *out_values, PyObject *out_counts, int64_t slot, const itsm_tz *zone,
                            itsm_date first_date, size_t n_days, int agg, PyObject *t, PyObject *values);
%nothread itsmpy_ts_trend_fit;
%rename(ts_trend_fit) itsmpy_ts_trend_fit;
PyObject *itsmpy_ts_trend_fit(PyObject *t, PyObject *values);
