/*
 * itsm_metrics.i - itsm/metrics.h in itsm.itsm_native (included by itsm.i after
 * itsm_records.i, so the typemaps and ITSMPY_* macros of itsm_typemaps.i are in force).
 *
 *   - arrays are buffers (numpy arrays): int64 and uint8 inputs, None for an optional one
 *     (NULL in C); outputs are writable buffers the Python layer allocates, filled in C
 *     with the GIL released. The versioned input structs (itsm_calls, itsm_outages, the
 *     options) are filled in C by itsmpy_* functions from plain arguments, starting from
 *     their INIT macros; the Python layer checks that parallel arrays have equal lengths
 *     (the C wrappers refuse unequal ones as well);
 *   - results are tuples: itsm_rate -> (numerator, denominator, ratio or None); the other
 *     result structs -> tuples of their fields in declaration order, rates nested;
 *   - itsm_call_counts travels as a tuple of its 11 fields, both ways;
 *   - enum names: the C name functions, wrapped as they are.
 */

%ignore itsm_rate;
%ignore itsm_duration_stats;
%ignore itsm_calls;
%ignore itsm_call_params;
%ignore itsm_call_counts;
%ignore itsm_outages;
%ignore itsm_availability_options;
%ignore itsm_availability;
%ignore itsm_reliability;
%ignore itsm_budget_status;
%ignore itsm_burn_alert_pair;
%ignore itsm_count_result;
%ignore itsm_gap_result;
%ignore itsm_ordinal_result;
%ignore itsm_coverage;
%ignore ITSM_CALLS_INIT;
%ignore ITSM_CALL_PARAMS_INIT;
%ignore ITSM_OUTAGES_INIT;
%ignore ITSM_AVAILABILITY_OPTIONS_INIT;
/* Replaced by the itsmpy_* forms below (plain arguments and buffers). */
%ignore itsm_rate_sum;
%ignore itsm_rate_sum_arrays;
%ignore itsm_durations_summarize;
%ignore itsm_durations_percentiles;
%ignore itsm_calls_count;
%ignore itsm_call_counts_add;
%ignore itsm_call_rate;
%ignore itsm_availability_compute;
%ignore itsm_availability_series;
%ignore itsm_interval_union;
%ignore itsm_reliability_from_availability;
%ignore itsm_burn_alerts;
%ignore itsm_events_count;
%ignore itsm_events_largest_gap;
%ignore itsm_rpo_achieved;
%ignore itsm_elapsed_many;
%ignore itsm_deliveries_check;

%{
/* `obj` as a C-contiguous buffer of 8-byte int64 or 1-byte uint8/bool items. */
static int itsmpy_metrics_buffer(PyObject *obj, Py_buffer *view, int writable, Py_ssize_t itemsize,
                                 const char *what)
{
    int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0);
    if (PyObject_GetBuffer(obj, view, flags) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "%s: expected a C-contiguous%s buffer of %s, not %.200s", what,
                     writable ? " writable" : "", itemsize == 8 ? "int64" : "uint8", Py_TYPE(obj)->tp_name);
        return -1;
    }
    const char *fmt = view->format != NULL ? view->format : "B";
    if (*fmt == '@' || *fmt == '=' || *fmt == '<' || *fmt == '>' || *fmt == '!')
        fmt += itemsize == 1;
    int ok = itemsize == 8 ? itsmpy_is_int64_format(view)
                           : view->itemsize == 1 && (fmt[0] == 'B' || fmt[0] == '?') && fmt[1] == '\0';
    if (!ok || (itemsize == 8 && ((uintptr_t)view->buf % _Alignof(int64_t)) != 0)) {
        PyErr_Format(PyExc_TypeError, "%s: expected an aligned buffer of %s, got format '%s' itemsize %zd", what,
                     itemsize == 8 ? "int64" : "uint8", view->format ? view->format : "B", view->itemsize);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

static PyObject *itsmpy_none(void)
{
    Py_INCREF(Py_None);
    return Py_None;
}

static PyObject *itsmpy_rate_obj(const itsm_rate *r)
{
    return Py_BuildValue("(LLN)", (long long)r->numerator, (long long)r->denominator,
                         r->has_data ? PyFloat_FromDouble(r->ratio) : itsmpy_none());
}

static PyObject *itsmpy_float_or_none(double x, int has)
{
    return has ? PyFloat_FromDouble(x) : itsmpy_none();
}

static PyObject *itsmpy_duration_stats_obj(const itsm_duration_stats *s)
{
    return Py_BuildValue("(LNNLL)", (long long)s->count, itsmpy_rate_obj(&s->within_target),
                         itsmpy_rate_obj(&s->mean), (long long)s->min, (long long)s->max);
}

static PyObject *itsmpy_call_counts_obj(const itsm_call_counts *c)
{
    return Py_BuildValue("(LLLLLLLLLLL)", (long long)c->offered, (long long)c->answered, (long long)c->abandoned,
                         (long long)c->busy, (long long)c->answered_within, (long long)c->abandoned_within,
                         (long long)c->abandoned_short, (long long)c->answer_wait_sum, (long long)c->called_back,
                         (long long)c->callback_requests, (long long)c->repeat_contacts);
}

static PyObject *itsmpy_availability_obj(const itsm_availability *a)
{
    return Py_BuildValue("(LLLLLLLN)", (long long)a->service_seconds, (long long)a->maintenance_seconds,
                         (long long)a->agreed_seconds, (long long)a->downtime_seconds, (long long)a->excluded_seconds,
                         (long long)a->failures, (long long)a->failures_started, itsmpy_rate_obj(&a->availability));
}

static PyObject *itsmpy_reliability_obj(const itsm_reliability *r)
{
    return Py_BuildValue("(NNNN)", itsmpy_rate_obj(&r->mtbf), itsmpy_rate_obj(&r->mtrs), itsmpy_rate_obj(&r->mtbsi),
                         itsmpy_rate_obj(&r->availability));
}

static PyObject *itsmpy_budget_obj(const itsm_budget_status *b)
{
    return Py_BuildValue("(NNNN)", itsmpy_rate_obj(&b->error_ratio), itsmpy_float_or_none(b->consumed, b->has_data),
                         itsmpy_float_or_none(b->projected, b->has_data),
                         itsmpy_float_or_none(b->remaining, b->has_data));
}

static PyObject *itsmpy_pairs_obj(const itsm_burn_alert_pair *p)
{
    PyObject *list = PyList_New(ITSM_BURN_DEFAULT_PAIRS);
    for (int k = 0; list != NULL && k < ITSM_BURN_DEFAULT_PAIRS; k++) {
        PyObject *item = Py_BuildValue("(LLL)", (long long)p[k].long_window, (long long)p[k].short_window,
                                       (long long)p[k].factor_milli);
        if (item == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, k, item);
    }
    return list;
}

static PyObject *itsmpy_count_obj(const itsm_count_result *c)
{
    return Py_BuildValue("(LNNN)", (long long)c->count, PyBool_FromLong(c->meets_minimum),
                         PyBool_FromLong(c->meets_maximum), PyBool_FromLong(c->met));
}

static PyObject *itsmpy_gap_obj(const itsm_gap_result *g)
{
    return Py_BuildValue("(LLLLN)", (long long)g->largest, (long long)g->gap_start, (long long)g->gap_end,
                         (long long)g->events, PyBool_FromLong(g->has_data));
}

static PyObject *itsmpy_ordinal_obj(const itsm_ordinal_result *o)
{
    return Py_BuildValue("(iiNi)", (int)o->declared, (int)o->required, PyBool_FromLong(o->met), (int)o->shortfall);
}

static PyObject *itsmpy_coverage_obj(const itsm_coverage *c)
{
    return Py_BuildValue("(NLLL)", PyBool_FromLong(c->covered), (long long)c->first_uncovered,
                         (long long)c->required_seconds, (long long)c->uncovered_seconds);
}

/* A tuple of the 11 counts into `out`. */
static int itsmpy_call_counts_in(PyObject *obj, itsm_call_counts *out)
{
    int64_t v[11];
    PyObject *seq = PySequence_Fast(obj, "call counts must be a sequence of 11 integers");
    if (seq == NULL)
        return -1;
    if (PySequence_Fast_GET_SIZE(seq) != 11) {
        PyErr_SetString(PyExc_TypeError, "call counts must be a sequence of 11 integers");
        Py_DECREF(seq);
        return -1;
    }
    for (Py_ssize_t i = 0; i < 11; i++) {
        if (itsmpy_as_int64(PySequence_Fast_GET_ITEM(seq, i), &v[i], "call count") < 0) {
            Py_DECREF(seq);
            return -1;
        }
    }
    Py_DECREF(seq);
    itsm_call_counts c = {v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]};
    *out = c;
    return 0;
}
%}

/* ---- buffers ------------------------------------------------------------------------------- */

%define ITSMPY_ARRAY_IN(CTYPE, ITEMSIZE, PTR, LEN)
%typemap(in) (const CTYPE *PTR, size_t LEN) (Py_buffer view, int have_view = 0) {
    if ($input == Py_None) {
        $1 = NULL;
        $2 = 0;
    } else {
        if (itsmpy_metrics_buffer($input, &view, 0, ITEMSIZE, "PTR") < 0)
            SWIG_fail;
        have_view = 1;
        $1 = ($1_ltype)view.buf;
        $2 = (size_t)(view.len / ITEMSIZE);
    }
}
%typemap(freearg) (const CTYPE *PTR, size_t LEN) {
    if (have_view$argnum)
        PyBuffer_Release(&view$argnum);
}
%enddef

%define ITSMPY_ARRAY_OUT(CTYPE, ITEMSIZE, PTR, LEN)
%typemap(in) (CTYPE *PTR, size_t LEN) (Py_buffer view, int have_view = 0) {
    if ($input == Py_None) {
        $1 = NULL;
        $2 = 0;
    } else {
        if (itsmpy_metrics_buffer($input, &view, 1, ITEMSIZE, "PTR") < 0)
            SWIG_fail;
        have_view = 1;
        $1 = ($1_ltype)view.buf;
        $2 = (size_t)(view.len / ITEMSIZE);
    }
}
%typemap(freearg) (CTYPE *PTR, size_t LEN) {
    if (have_view$argnum)
        PyBuffer_Release(&view$argnum);
}
%enddef

ITSMPY_ARRAY_IN(int64_t, 8, a, n_a)
ITSMPY_ARRAY_IN(int64_t, 8, b, n_b)
ITSMPY_ARRAY_IN(int64_t, 8, c, n_c)
ITSMPY_ARRAY_IN(int64_t, 8, d, n_d)
ITSMPY_ARRAY_IN(int64_t, 8, e, n_e)
ITSMPY_ARRAY_IN(uint8_t, 1, m1, n_m1)
ITSMPY_ARRAY_IN(uint8_t, 1, m2, n_m2)
ITSMPY_ARRAY_IN(uint8_t, 1, m3, n_m3)
ITSMPY_ARRAY_OUT(int64_t, 8, out_a, n_out_a)
ITSMPY_ARRAY_OUT(int64_t, 8, out_b, n_out_b)
ITSMPY_ARRAY_OUT(uint8_t, 1, out_m, n_out_m)

/* ---- results ------------------------------------------------------------------------------- */

%define ITSMPY_STRUCT_OUT(TYPE, BUILD)
%typemap(in, numinputs=0) TYPE *out (TYPE temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) TYPE *out {
    if (itsmpy_output(&$result, BUILD(&temp$argnum)) < 0)
        SWIG_fail;
}
%enddef
ITSMPY_STRUCT_OUT(itsm_rate, itsmpy_rate_obj)
ITSMPY_STRUCT_OUT(itsm_duration_stats, itsmpy_duration_stats_obj)
ITSMPY_STRUCT_OUT(itsm_call_counts, itsmpy_call_counts_obj)
ITSMPY_STRUCT_OUT(itsm_availability, itsmpy_availability_obj)
ITSMPY_STRUCT_OUT(itsm_reliability, itsmpy_reliability_obj)
ITSMPY_STRUCT_OUT(itsm_budget_status, itsmpy_budget_obj)
ITSMPY_STRUCT_OUT(itsm_count_result, itsmpy_count_obj)
ITSMPY_STRUCT_OUT(itsm_gap_result, itsmpy_gap_obj)
ITSMPY_STRUCT_OUT(itsm_ordinal_result, itsmpy_ordinal_obj)
ITSMPY_STRUCT_OUT(itsm_coverage, itsmpy_coverage_obj)

/* The default pairs: ITSM_BURN_DEFAULT_PAIRS entries -> a list of tuples. */
%typemap(in, numinputs=0) itsm_burn_alert_pair *out (itsm_burn_alert_pair temp[ITSM_BURN_DEFAULT_PAIRS]) {
    memset(temp, 0, sizeof temp);
    $1 = temp;
}
%typemap(argout) itsm_burn_alert_pair *out {
    if (itsmpy_output(&$result, itsmpy_pairs_obj(temp$argnum)) < 0)
        SWIG_fail;
}

ITSMPY_ENUM_OUT(itsm_call_rate_kind)
ITSMPY_ENUM_OUT(itsm_outage_exclusion)
ITSMPY_ENUM_OUT(itsm_partial_policy)
ITSMPY_ENUM_OUT(itsm_probe_rounding)
ITSMPY_ENUM_OUT(itsm_gap_edges)

%apply int64_t *out { int64_t *out_ppb, int64_t *out_ns };

%typemap(in, numinputs=0) size_t *out_count (size_t temp = 0) {
    $1 = &temp;
}
%typemap(argout) size_t *out_count {
    if (itsmpy_output(&$result, PyLong_FromSize_t(temp$argnum)) < 0)
        SWIG_fail;
}

/* A burn rate: float, or None without data. */
%typemap(in, numinputs=0) (double *out, int *out_has_data) (double temp = 0.0, int has = 0) {
    $1 = &temp;
    $2 = &has;
}
%typemap(argout) (double *out, int *out_has_data) {
    if (itsmpy_output(&$result, itsmpy_float_or_none(temp$argnum, has$argnum)) < 0)
        SWIG_fail;
}

/* ---- inputs -------------------------------------------------------------------------------- */

%typemap(in) const itsm_call_counts *counts (itsm_call_counts temp), const itsm_call_counts *more (itsm_call_counts temp) {
    if (itsmpy_call_counts_in($input, &temp) < 0)
        SWIG_fail;
    $1 = &temp;
}

/* Alert pairs: a sequence of (long_window, short_window, factor_milli). */
%typemap(in) (const itsm_burn_alert_pair *pairs, size_t n_pairs) (itsm_burn_alert_pair temp[8]) {
    PyObject *seq = PySequence_Fast($input, "pairs must be a sequence of (long, short, factor_milli)");
    if (seq == NULL)
        SWIG_fail;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq);
    if (count > 8) {
        Py_DECREF(seq);
        itsmpy_raise_format(ITSM_EINVAL, "%zd pairs; at most 8 fit the result bits", count);
        SWIG_fail;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
        long long l = 0, s = 0, f = 0;
        if (!PyArg_ParseTuple(item, "LLL", &l, &s, &f)) {
            Py_DECREF(seq);
            SWIG_fail;
        }
        temp[i].long_window = l;
        temp[i].short_window = s;
        temp[i].factor_milli = f;
    }
    Py_DECREF(seq);
    $1 = temp;
    $2 = (size_t)count;
}

/* A scale of level names: a sequence of str, held until the call returns. */
%typemap(in) (const char *const *scale, size_t n_levels) (PyObject *seq = NULL, const char **array = NULL) {
    seq = PySequence_Fast($input, "scale must be a sequence of str");
    if (seq == NULL)
        SWIG_fail;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq);
    array = PyMem_Malloc(sizeof *array * (size_t)(count > 0 ? count : 1));
    if (array == NULL) {
        PyErr_NoMemory();
        SWIG_fail;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
        array[i] = PyUnicode_Check(item) ? PyUnicode_AsUTF8(item) : NULL;
        if (array[i] == NULL) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_TypeError, "scale[%zd] must be str, not %.200s", i, Py_TYPE(item)->tp_name);
            SWIG_fail;
        }
    }
    $1 = ($1_ltype)array;
    $2 = (size_t)count;
}
%typemap(freearg) (const char *const *scale, size_t n_levels) {
    PyMem_Free((void *)array$argnum);
    Py_XDECREF(seq$argnum);
}

%include "itsm/metrics.h"

/* ---- the array forms ------------------------------------------------------------------------ */
%{
/* Parallel arrays of one length: `n` when every optional (NULL) array is absent or equal. */
static int itsmpy_same(size_t n, size_t other, const void *ptr)
{
    return ptr == NULL || other == n;
}

#define ITSMPY_LENGTHS_DIFFER ITSM_EINVAL

static itsm_status itsmpy_rate_sum_arrays(itsm_rate *out, const int64_t *a, size_t n_a, const int64_t *b, size_t n_b)
{
    if (n_a != n_b)
        return ITSMPY_LENGTHS_DIFFER;
    return itsm_rate_sum_arrays(out, a, b, n_a);
}

static itsm_status itsmpy_durations_summarize(itsm_duration_stats *out, const int64_t *a, size_t n_a,
                                              const uint8_t *m1, size_t n_m1, int64_t target)
{
    if (!itsmpy_same(n_a, n_m1, m1))
        return ITSMPY_LENGTHS_DIFFER;
    return itsm_durations_summarize(out, a, m1, n_a, target);
}

static itsm_status itsmpy_durations_percentiles(size_t *out_count, int64_t *out_a, size_t n_out_a, const int64_t *a,
                                                size_t n_a, const uint8_t *m1, size_t n_m1, const int64_t *b,
                                                size_t n_b)
{
    if (!itsmpy_same(n_a, n_m1, m1) || n_out_a != n_b)
        return ITSMPY_LENGTHS_DIFFER;
    return itsm_durations_percentiles(out_a, out_count, a, m1, n_a, b, n_b);
}

static itsm_status itsmpy_calls_count(itsm_call_counts *out, const uint8_t *m1, size_t n_m1, const int64_t *a,
                                      size_t n_a, const uint8_t *m2, size_t n_m2, const uint8_t *m3, size_t n_m3,
                                      const int64_t *b, size_t n_b, const int64_t *c, size_t n_c,
                                      int64_t answer_threshold, int64_t short_abandon, int64_t repeat_window)
{
    if (n_a != n_m1 || !itsmpy_same(n_m1, n_m2, m2) || !itsmpy_same(n_m1, n_m3, m3) ||
        !itsmpy_same(n_m1, n_b, b) || !itsmpy_same(n_m1, n_c, c))
        return ITSMPY_LENGTHS_DIFFER;
    itsm_calls calls = ITSM_CALLS_INIT;
    calls.n = n_m1;
    calls.outcome = m1;
    calls.wait = a;
    calls.flags = m2;
    calls.include = m3;
    calls.arrival = b;
    calls.caller = c;
    itsm_call_params p = ITSM_CALL_PARAMS_INIT;
    p.answer_threshold = answer_threshold;
    p.short_abandon = short_abandon;
    p.repeat_window = repeat_window;
    return itsm_calls_count(out, &calls, &p);
}

static itsm_status itsmpy_call_rate(itsm_rate *out, const itsm_call_counts *counts, itsm_call_rate_kind kind)
{
    return itsm_call_rate(out, counts, kind);
}

static itsm_status itsmpy_call_counts_add(itsm_call_counts *out, const itsm_call_counts *counts,
                                          const itsm_call_counts *more)
{
    itsm_call_counts acc = *counts;
    itsm_status rc = itsm_call_counts_add(&acc, more);
    if (rc == ITSM_OK)
        *out = acc;
    return rc;
}

/* The outages and options of the availability functions, from plain arguments. */
typedef struct itsmpy_outage_args {
    itsm_outages outages;
    itsm_availability_options options;
} itsmpy_outage_args;

static int itsmpy_outage_args_fill(itsmpy_outage_args *x, const int64_t *a, size_t n_a, const int64_t *b, size_t n_b,
                                   const uint8_t *m1, size_t n_m1, const uint8_t *m2, size_t n_m2, const int64_t *c,
                                   size_t n_c, const itsm_calendar *calendar, int64_t minimum_outage,
                                   int64_t probe_interval, itsm_instant probe_origin, int probe_rounding, int partial)
{
    if (n_a != n_b || !itsmpy_same(n_a, n_m1, m1) || !itsmpy_same(n_a, n_m2, m2) || !itsmpy_same(n_a, n_c, c))
        return 0;
    itsm_outages o = ITSM_OUTAGES_INIT;
    o.n = n_a;
    o.start = a;
    o.end = b;
    o.flags = m1;
    o.exclusion = m2;
    o.share = c;
    itsm_availability_options opt = ITSM_AVAILABILITY_OPTIONS_INIT;
    opt.calendar = calendar;
    opt.minimum_outage = minimum_outage;
    opt.probe_interval = probe_interval;
    opt.probe_origin = probe_origin;
    opt.probe_rounding = (itsm_probe_rounding)probe_rounding;
    opt.partial = (itsm_partial_policy)partial;
    x->outages = o;
    x->options = opt;
    return 1;
}

static itsm_status itsmpy_availability_compute(itsm_availability *out, const int64_t *a, size_t n_a,
                                               const int64_t *b, size_t n_b, const uint8_t *m1, size_t n_m1,
                                               const uint8_t *m2, size_t n_m2, const int64_t *c, size_t n_c,
                                               itsm_instant from, itsm_instant to, const itsm_calendar *calendar,
                                               int64_t minimum_outage, int64_t probe_interval,
                                               itsm_instant probe_origin, int probe_rounding, int partial)
{
    itsmpy_outage_args x;
    if (!itsmpy_outage_args_fill(&x, a, n_a, b, n_b, m1, n_m1, m2, n_m2, c, n_c, calendar, minimum_outage,
                                 probe_interval, probe_origin, probe_rounding, partial))
        return ITSMPY_LENGTHS_DIFFER;
    return itsm_availability_compute(out, &x.outages, from, to, &x.options);
}

static itsm_status itsmpy_availability_series(int64_t *out_a, size_t n_out_a, int64_t *out_b, size_t n_out_b,
                                              const int64_t *a, size_t n_a, const int64_t *b, size_t n_b,
                                              const uint8_t *m1, size_t n_m1, const uint8_t *m2, size_t n_m2,
                                              const int64_t *c, size_t n_c, itsm_instant from, int64_t step,
                                              const itsm_calendar *calendar, int64_t minimum_outage,
                                              int64_t probe_interval, itsm_instant probe_origin, int probe_rounding,
                                              int partial)
{
    itsmpy_outage_args x;
    if (n_out_a != n_out_b ||
        !itsmpy_outage_args_fill(&x, a, n_a, b, n_b, m1, n_m1, m2, n_m2, c, n_c, calendar, minimum_outage,
                                 probe_interval, probe_origin, probe_rounding, partial))
        return ITSMPY_LENGTHS_DIFFER;
    return itsm_availability_series(out_a, out_b, &x.outages, from, step, n_out_a, &x.options);
}

static itsm_status itsmpy_interval_union(size_t *out_count, int64_t *out_a, size_t n_out_a, int64_t *out_b,
                                         size_t n_out_b, const int64_t *a, size_t n_a, const int64_t *b, size_t n_b)
{
    if (n_a != n_b || n_out_a != n_a || n_out_b != n_a)
        return ITSMPY_LENGTHS_DIFFER;
    return itsm_interval_union(out_a, out_b, out_count, a, b, n_a);
}

static itsm_status itsmpy_reliability(itsm_reliability *out, int64_t agreed_seconds, int64_t downtime_seconds,
                                      int64_t failures)
{
    itsm_availability a;
    memset(&a, 0, sizeof a);
    a.agreed_seconds = agreed_seconds;
    a.downtime_seconds = downtime_seconds;
    a.failures = failures;
    return itsm_reliability_from_availability(out, &a);
}

static itsm_status itsmpy_burn_alerts(uint8_t *out_m, size_t n_out_m, const int64_t *a, size_t n_a, const int64_t *b,
                                      size_t n_b, int64_t step, int64_t target_ppb,
                                      const itsm_burn_alert_pair *pairs, size_t n_pairs)
{
    if (n_a != n_b || n_out_m != n_a)
        return ITSMPY_LENGTHS_DIFFER;
    return itsm_burn_alerts(out_m, a, b, n_a, step, target_ppb, pairs, n_pairs);
}

static itsm_status itsmpy_events_count(itsm_count_result *out, const int64_t *a, size_t n_a, const uint8_t *m1,
                                       size_t n_m1, itsm_instant from, itsm_instant to, int64_t minimum,
                                       int64_t maximum)
{
    if (!itsmpy_same(n_a, n_m1, m1))
        return ITSMPY_LENGTHS_DIFFER;
    return itsm_events_count(out, a, m1, n_a, from, to, minimum, maximum);
}

static itsm_status itsmpy_events_largest_gap(itsm_gap_result *out, const int64_t *a, size_t n_a, const uint8_t *m1,
                                             size_t n_m1, itsm_instant from, itsm_instant to, int edges)
{
    if (!itsmpy_same(n_a, n_m1, m1))
        return ITSMPY_LENGTHS_DIFFER;
    return itsm_events_largest_gap(out, a, m1, n_a, from, to, (itsm_gap_edges)edges);
}

static itsm_status itsmpy_rpo_achieved(int64_t *out_a, size_t n_out_a, uint8_t *out_m, size_t n_out_m,
                                       const int64_t *a, size_t n_a, const int64_t *b, size_t n_b, const int64_t *c,
                                       size_t n_c, const uint8_t *m1, size_t n_m1)
{
    if (n_out_a != n_a || n_out_m != n_a || !itsmpy_same(n_b, n_c, c) || !itsmpy_same(n_b, n_m1, m1))
        return ITSMPY_LENGTHS_DIFFER;
    return itsm_rpo_achieved(out_a, out_m, a, n_a, b, c, m1, n_b);
}

static itsm_status itsmpy_elapsed_many(int64_t *out_a, size_t n_out_a, const itsm_calendar *calendar,
                                       const int64_t *a, size_t n_a, const int64_t *b, size_t n_b)
{
    if (n_a != n_b || n_out_a != n_a)
        return ITSMPY_LENGTHS_DIFFER;
    return itsm_elapsed_many(out_a, calendar, a, b, n_a);
}

static itsm_status itsmpy_deliveries_check(itsm_rate *out, uint8_t *out_m, size_t n_out_m, const int64_t *a,
                                          size_t n_a, const uint8_t *m1, size_t n_m1, const int64_t *b, size_t n_b,
                                          itsm_instant as_of)
{
    if (n_a != n_b || !itsmpy_same(n_a, n_m1, m1) || !itsmpy_same(n_a, n_out_m, out_m))
        return ITSMPY_LENGTHS_DIFFER;
    return itsm_deliveries_check(out_m, out, a, m1, b, n_a, as_of);
}
%}

%rename(rate_sum_arrays) itsmpy_rate_sum_arrays;
itsm_status itsmpy_rate_sum_arrays(itsm_rate *out, const int64_t *a, size_t n_a, const int64_t *b, size_t n_b);
%rename(durations_summarize) itsmpy_durations_summarize;
itsm_status itsmpy_durations_summarize(itsm_duration_stats *out, const int64_t *a, size_t n_a, const uint8_t *m1,
                                       size_t n_m1, int64_t target);
%rename(durations_percentiles) itsmpy_durations_percentiles;
itsm_status itsmpy_durations_percentiles(size_t *out_count, int64_t *out_a, size_t n_out_a, const int64_t *a,
                                         size_t n_a, const uint8_t *m1, size_t n_m1, const int64_t *b, size_t n_b);
%rename(calls_count) itsmpy_calls_count;
itsm_status itsmpy_calls_count(itsm_call_counts *out, const uint8_t *m1, size_t n_m1, const int64_t *a, size_t n_a,
                               const uint8_t *m2, size_t n_m2, const uint8_t *m3, size_t n_m3, const int64_t *b,
                               size_t n_b, const int64_t *c, size_t n_c, int64_t answer_threshold,
                               int64_t short_abandon, int64_t repeat_window);
%rename(call_rate) itsmpy_call_rate;
itsm_status itsmpy_call_rate(itsm_rate *out, const itsm_call_counts *counts, itsm_call_rate_kind kind);
%rename(call_counts_add) itsmpy_call_counts_add;
itsm_status itsmpy_call_counts_add(itsm_call_counts *out, const itsm_call_counts *counts,
                                   const itsm_call_counts *more);
%rename(availability_compute) itsmpy_availability_compute;
itsm_status itsmpy_availability_compute(itsm_availability *out, const int64_t *a, size_t n_a, const int64_t *b,
                                        size_t n_b, const uint8_t *m1, size_t n_m1, const uint8_t *m2, size_t n_m2,
                                        const int64_t *c, size_t n_c, itsm_instant from, itsm_instant to,
                                        const itsm_calendar *calendar, int64_t minimum_outage,
                                        int64_t probe_interval, itsm_instant probe_origin, int probe_rounding,
                                        int partial);
%rename(availability_series) itsmpy_availability_series;
itsm_status itsmpy_availability_series(int64_t *out_a, size_t n_out_a, int64_t *out_b, size_t n_out_b,
                                       const int64_t *a, size_t n_a, const int64_t *b, size_t n_b, const uint8_t *m1,
                                       size_t n_m1, const uint8_t *m2, size_t n_m2, const int64_t *c, size_t n_c,
                                       itsm_instant from, int64_t step, const itsm_calendar *calendar,
                                       int64_t minimum_outage, int64_t probe_interval, itsm_instant probe_origin,
                                       int probe_rounding, int partial);
%rename(interval_union) itsmpy_interval_union;
itsm_status itsmpy_interval_union(size_t *out_count, int64_t *out_a, size_t n_out_a, int64_t *out_b, size_t n_out_b,
                                  const int64_t *a, size_t n_a, const int64_t *b, size_t n_b);
%rename(reliability) itsmpy_reliability;
itsm_status itsmpy_reliability(itsm_reliability *out, int64_t agreed_seconds, int64_t downtime_seconds,
                               int64_t failures);
%rename(burn_alerts) itsmpy_burn_alerts;
itsm_status itsmpy_burn_alerts(uint8_t *out_m, size_t n_out_m, const int64_t *a, size_t n_a, const int64_t *b,
                               size_t n_b, int64_t step, int64_t target_ppb, const itsm_burn_alert_pair *pairs,
                               size_t n_pairs);
%rename(events_count) itsmpy_events_count;
itsm_status itsmpy_events_count(itsm_count_result *out, const int64_t *a, size_t n_a, const uint8_t *m1, size_t n_m1,
                                itsm_instant from, itsm_instant to, int64_t minimum, int64_t maximum);
%rename(events_largest_gap) itsmpy_events_largest_gap;
itsm_status itsmpy_events_largest_gap(itsm_gap_result *out, const int64_t *a, size_t n_a, const uint8_t *m1,
                                      size_t n_m1, itsm_instant from, itsm_instant to, int edges);
%rename(rpo_achieved) itsmpy_rpo_achieved;
itsm_status itsmpy_rpo_achieved(int64_t *out_a, size_t n_out_a, uint8_t *out_m, size_t n_out_m, const int64_t *a,
                                size_t n_a, const int64_t *b, size_t n_b, const int64_t *c, size_t n_c,
                                const uint8_t *m1, size_t n_m1);
%rename(elapsed_many) itsmpy_elapsed_many;
itsm_status itsmpy_elapsed_many(int64_t *out_a, size_t n_out_a, const itsm_calendar *calendar, const int64_t *a,
                                size_t n_a, const int64_t *b, size_t n_b);
%rename(deliveries_check) itsmpy_deliveries_check;
itsm_status itsmpy_deliveries_check(itsm_rate *out, uint8_t *out_m, size_t n_out_m, const int64_t *a, size_t n_a,
                                   const uint8_t *m1, size_t n_m1, const int64_t *b, size_t n_b, itsm_instant as_of);
