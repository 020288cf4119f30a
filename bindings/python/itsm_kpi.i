/*
 * itsm_kpi.i - itsm/kpi.h in itsm.itsm_native (included by itsm.i after itsm_records.i, so
 * the typemaps and ITSMPY_* macros of itsm_typemaps.i and itsm_lifecycle.i are in force).
 * It also defines the numeric buffer helpers that itsm_timeseries.i uses.
 *
 *   - itsm_kpi_rate *out -> (numerator, denominator, ratio, has_data);
 *   - info, break-even, Heinrich and incident summaries -> tuples in field order;
 *   - the array forms take numpy buffers (C-contiguous float64 / int32 / int64; None for an
 *     optional one) and fill output buffers the Python layer allocated: a rate per row as
 *     four float64 (numerator, denominator, ratio, has_data). They hold the GIL only while
 *     they take and release the buffers (%nothread: they release it around the C call).
 */

%{
#include "itsm/kpi.h"

/* ---- numeric buffers ----------------------------------------------------------------------- */

typedef struct itsmpy_buf {
    Py_buffer view;
    int have;
    void *ptr; /* NULL for an optional argument given as None */
    size_t n;  /* elements */
} itsmpy_buf;

/* Whether a buffer holds native elements of `kind`: 'd' float64, 'i' int32, 'q' int64. */
static int itsmpy_buffer_kind(const Py_buffer *view, char kind)
{
    if (kind == 'q')
        return itsmpy_is_int64_format(view);
    const char *fmt = view->format != NULL ? view->format : "B";
    if (*fmt == '@' || *fmt == '=' || (*fmt == '<' && *(const unsigned char *)&(uint16_t){1} == 1))
        fmt++;
    if (kind == 'd')
        return view->itemsize == 8 && fmt[0] == 'd' && fmt[1] == '\0';
    return view->itemsize == 4 && (fmt[0] == 'i' || fmt[0] == 'l') && fmt[1] == '\0';
}

/* Take `obj` as a C-contiguous buffer of `kind`; None gives ptr NULL when `optional`. */
static int itsmpy_buf_get(itsmpy_buf *b, PyObject *obj, char kind, int writable, int optional, const char *what)
{
    memset(b, 0, sizeof *b);
    if (obj == Py_None && optional)
        return 0;
    int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0);
    if (PyObject_GetBuffer(obj, &b->view, flags) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "%s: expected a C-contiguous%s numpy array of %s, not %.200s", what,
                     writable ? " writable" : "", kind == 'd' ? "float64" : kind == 'i' ? "int32" : "int64",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    b->have = 1;
    if (!itsmpy_buffer_kind(&b->view, kind)) {
        PyErr_Format(PyExc_TypeError, "%s: expected %s, got format '%s' itemsize %zd", what,
                     kind == 'd' ? "float64" : kind == 'i' ? "int32" : "int64",
                     b->view.format ? b->view.format : "B", b->view.itemsize);
        PyBuffer_Release(&b->view);
        b->have = 0;
        return -1;
    }
    b->ptr = b->view.buf;
    b->n = (size_t)(b->view.len / b->view.itemsize);
    return 0;
}

static void itsmpy_buf_release(itsmpy_buf *b)
{
    if (b->have)
        PyBuffer_Release(&b->view);
    b->have = 0;
}

/* A buffer must have exactly `n` elements. */
static int itsmpy_buf_len(const itsmpy_buf *b, size_t n, const char *what)
{
    if (b->ptr != NULL && b->n != n) {
        PyErr_Format(PyExc_ValueError, "%s: expected %zu elements, got %zu", what, n, b->n);
        return -1;
    }
    return 0;
}

/* None and raise for a status (after the buffers are released). */
static PyObject *itsmpy_done(int status)
{
    if (status < 0) {
        itsmpy_raise_status(status);
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *itsmpy_rate_tuple(const itsm_kpi_rate *r)
{
    return Py_BuildValue("(dddN)", r->numerator, r->denominator, r->ratio, PyBool_FromLong(r->has_data));
}

/* Rates into a float64 buffer of n x 4. */
static void itsmpy_rates_out(double *out, const itsm_kpi_rate *r, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        out[4 * i] = r[i].numerator;
        out[4 * i + 1] = r[i].denominator;
        out[4 * i + 2] = r[i].ratio;
        out[4 * i + 3] = r[i].has_data;
    }
}

/* ---- array forms ------------------------------------------------------------------------- */

static PyObject *itsmpy_kpi_share_by_category(PyObject *out, PyObject *part_category, PyObject *part_weight,
                                              PyObject *whole_category, PyObject *whole_weight)
{
    itsmpy_buf o, pc, pw, wc, ww;
    itsm_kpi_rate total = {0, 0, 0, 0};
    int rc = ITSM_OK;
    PyObject *result = NULL;
    if (itsmpy_buf_get(&o, out, 'd', 1, 0, "out") == 0 &&
        itsmpy_buf_get(&pc, part_category, 'i', 0, 0, "part_category") == 0 &&
        itsmpy_buf_get(&pw, part_weight, 'd', 0, 1, "part_weight") == 0 &&
        itsmpy_buf_get(&wc, whole_category, 'i', 0, 0, "whole_category") == 0 &&
        itsmpy_buf_get(&ww, whole_weight, 'd', 0, 1, "whole_weight") == 0 &&
        itsmpy_buf_len(&pw, pc.n, "part_weight") == 0 && itsmpy_buf_len(&ww, wc.n, "whole_weight") == 0) {
        size_t n = o.n / 4;
        itsm_kpi_rate *rates = PyMem_Malloc(sizeof *rates * (n > 0 ? n : 1));
        if (rates == NULL) {
            PyErr_NoMemory();
        } else {
            Py_BEGIN_ALLOW_THREADS
            rc = itsm_kpi_share_by_category(rates, &total, n, pc.ptr, pw.ptr, pc.n, wc.ptr, ww.ptr, wc.n);
            if (rc == ITSM_OK)
                itsmpy_rates_out(o.ptr, rates, n);
            Py_END_ALLOW_THREADS
            PyMem_Free(rates);
            result = rc < 0 ? itsmpy_done(rc) : itsmpy_rate_tuple(&total);
        }
    }
    itsmpy_buf_release(&o);
    itsmpy_buf_release(&pc);
    itsmpy_buf_release(&pw);
    itsmpy_buf_release(&wc);
    itsmpy_buf_release(&ww);
    return result;
}

/* Means per category (category None: itsm_kpi_mean_mixed into a single row). */
static PyObject *itsmpy_kpi_mean_by_category(PyObject *out, PyObject *category, PyObject *values)
{
    itsmpy_buf o, c, v;
    PyObject *result = NULL;
    if (itsmpy_buf_get(&o, out, 'd', 1, 0, "out") == 0 && itsmpy_buf_get(&c, category, 'i', 0, 1, "category") == 0 &&
        itsmpy_buf_get(&v, values, 'd', 0, 0, "values") == 0 && itsmpy_buf_len(&c, v.n, "category") == 0) {
        size_t n = o.n / 4;
        itsm_kpi_rate *rates = PyMem_Malloc(sizeof *rates * (n > 0 ? n : 1));
        if (rates == NULL) {
            PyErr_NoMemory();
        } else {
            int rc;
            Py_BEGIN_ALLOW_THREADS
            rc = c.ptr == NULL ? itsm_kpi_mean_mixed(rates, v.ptr, v.n)
                               : itsm_kpi_mean_by_category(rates, n, c.ptr, v.ptr, v.n);
            if (rc == ITSM_OK)
                itsmpy_rates_out(o.ptr, rates, c.ptr == NULL ? 1 : n);
            Py_END_ALLOW_THREADS
            PyMem_Free(rates);
            result = itsmpy_done(rc);
        }
    }
    itsmpy_buf_release(&o);
    itsmpy_buf_release(&c);
    itsmpy_buf_release(&v);
    return result;
}

/* Effort per group into n x 8 float64: records, planned, actual, variance, then the rate. */
static PyObject *itsmpy_kpi_effort_by_group(PyObject *out, PyObject *group, PyObject *planned, PyObject *actual)
{
    itsmpy_buf o, g, p, a;
    PyObject *result = NULL;
    if (itsmpy_buf_get(&o, out, 'd', 1, 0, "out") == 0 && itsmpy_buf_get(&g, group, 'i', 0, 0, "group") == 0 &&
        itsmpy_buf_get(&p, planned, 'd', 0, 0, "planned") == 0 && itsmpy_buf_get(&a, actual, 'd', 0, 0, "actual") == 0 &&
        itsmpy_buf_len(&p, g.n, "planned") == 0 && itsmpy_buf_len(&a, g.n, "actual") == 0) {
        size_t n = o.n / 8;
        itsm_kpi_effort *e = PyMem_Malloc(sizeof *e * (n > 0 ? n : 1));
        if (e == NULL) {
            PyErr_NoMemory();
        } else {
            int rc;
            Py_BEGIN_ALLOW_THREADS
            rc = itsm_kpi_effort_by_group(e, n, g.ptr, p.ptr, a.ptr, g.n);
            for (size_t i = 0; rc == ITSM_OK && i < n; i++) {
                double *row = (double *)o.ptr + 8 * i;
                row[0] = (double)e[i].records;
                row[1] = e[i].planned;
                row[2] = e[i].actual;
                row[3] = e[i].variance;
                itsmpy_rates_out(row + 4, &e[i].ratio, 1);
            }
            Py_END_ALLOW_THREADS
            PyMem_Free(e);
            result = itsmpy_done(rc);
        }
    }
    itsmpy_buf_release(&o);
    itsmpy_buf_release(&g);
    itsmpy_buf_release(&p);
    itsmpy_buf_release(&a);
    return result;
}

/* Function inventory into n x 5 int64 (all_work, also_other, not_used, log_uses, verdict). */
static PyObject *itsmpy_kpi_function_inventory(PyObject *out, PyObject *function, PyObject *answers,
                                               PyObject *log_uses, long long retire_max_uses)
{
    itsmpy_buf o, f, a, l;
    PyObject *result = NULL;
    if (itsmpy_buf_get(&o, out, 'q', 1, 0, "out") == 0 && itsmpy_buf_get(&f, function, 'i', 0, 0, "function") == 0 &&
        itsmpy_buf_get(&a, answers, 'i', 0, 0, "answers") == 0 &&
        itsmpy_buf_get(&l, log_uses, 'q', 0, 1, "log_uses") == 0 && itsmpy_buf_len(&a, f.n, "answers") == 0 &&
        itsmpy_buf_len(&l, o.n / 5, "log_uses") == 0) {
        size_t n = o.n / 5;
        itsm_kpi_function_usage *u = PyMem_Malloc(sizeof *u * (n > 0 ? n : 1));
        if (u == NULL) {
            PyErr_NoMemory();
        } else {
            itsm_kpi_inventory_options opt = ITSM_KPI_INVENTORY_OPTIONS_INIT;
            opt.retire_max_uses = (int64_t)retire_max_uses;
            int rc;
            Py_BEGIN_ALLOW_THREADS
            rc = itsm_kpi_function_inventory(u, n, f.ptr, a.ptr, f.n, l.ptr, &opt);
            for (size_t i = 0; rc == ITSM_OK && i < n; i++) {
                int64_t *row = (int64_t *)o.ptr + 5 * i;
                row[0] = u[i].all_work;
                row[1] = u[i].also_other;
                row[2] = u[i].not_used;
                row[3] = u[i].log_uses;
                row[4] = (int64_t)u[i].verdict;
            }
            Py_END_ALLOW_THREADS
            PyMem_Free(u);
            result = itsmpy_done(rc);
        }
    }
    itsmpy_buf_release(&o);
    itsmpy_buf_release(&f);
    itsmpy_buf_release(&a);
    itsmpy_buf_release(&l);
    return result;
}

/* Reassignments of each incident into an int32 buffer of n. */
static PyObject *itsmpy_kpi_reassignments(PyObject *out, const itsm_incident *const *incidents, size_t n)
{
    itsmpy_buf o;
    PyObject *result = NULL;
    if (itsmpy_buf_get(&o, out, 'i', 1, 0, "out") == 0 && itsmpy_buf_len(&o, n, "out") == 0)
        result = itsmpy_done(itsm_kpi_reassignments(o.ptr, incidents, n));
    itsmpy_buf_release(&o);
    return result;
}
%}

/* ---- scalar results -------------------------------------------------------------------------- */

%typemap(in, numinputs=0) itsm_kpi_rate *out (itsm_kpi_rate temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) itsm_kpi_rate *out {
    if (itsmpy_output(&$result, itsmpy_rate_tuple(&temp$argnum)) < 0)
        SWIG_fail;
}

%typemap(in, numinputs=0) itsm_kpi_indicator_info *out (itsm_kpi_indicator_info temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) itsm_kpi_indicator_info *out {
    const itsm_kpi_indicator_info *i = &temp$argnum;
    if (itsmpy_output(&$result, Py_BuildValue("(iissssssszs)", (int)i->indicator, (int)i->kind, i->key, i->name_en,
                                              i->name_ja, i->formula_en, i->formula_ja, i->unit, i->operand_a,
                                              i->operand_b, i->source)) < 0)
        SWIG_fail;
}

%typemap(in, numinputs=0) itsm_kpi_break_even *out (itsm_kpi_break_even temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) itsm_kpi_break_even *out {
    if (itsmpy_output(&$result, Py_BuildValue("(dddi)", temp$argnum.fixed_cost, temp$argnum.spot_cost,
                                              temp$argnum.break_even_failures, (int)temp$argnum.cheaper)) < 0)
        SWIG_fail;
}

%typemap(in, numinputs=0) itsm_kpi_heinrich *out (itsm_kpi_heinrich temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) itsm_kpi_heinrich *out {
    if (itsmpy_output(&$result, Py_BuildValue("(NNN)", itsmpy_rate_tuple(&temp$argnum.minor_per_major),
                                              itsmpy_rate_tuple(&temp$argnum.near_misses_per_major),
                                              itsmpy_rate_tuple(&temp$argnum.near_misses_per_minor))) < 0)
        SWIG_fail;
}

%typemap(in, numinputs=0) itsm_kpi_incident_summary *out (itsm_kpi_incident_summary temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) itsm_kpi_incident_summary *out {
    const itsm_kpi_incident_summary *s = &temp$argnum;
    if (itsmpy_output(&$result, Py_BuildValue("(nLiNNN)", (Py_ssize_t)s->incidents, (long long)s->reassignments,
                                              (int)s->max_reassignments, itsmpy_rate_tuple(&s->reassigned),
                                              itsmpy_rate_tuple(&s->reassignments_per_incident),
                                              itsmpy_rate_tuple(&s->reopen))) < 0)
        SWIG_fail;
}

ITSMPY_HANDLE_SEQ(itsm_incident, incidents, n, "incidents")

/* The array forms are wrapped below; their structs travel as tuples or buffers. */
%ignore itsm_kpi_rate;
%ignore itsm_kpi_indicator_info;
%ignore itsm_kpi_incident_summary;
%ignore itsm_kpi_break_even;
%ignore itsm_kpi_effort;
%ignore itsm_kpi_heinrich;
%ignore itsm_kpi_inventory_options;
%ignore itsm_kpi_function_usage;
%ignore ITSM_KPI_INVENTORY_OPTIONS_INIT;
%ignore itsm_kpi_share_by_category;
%ignore itsm_kpi_mean_by_category;
%ignore itsm_kpi_mean_mixed;
%ignore itsm_kpi_effort_by_group;
%ignore itsm_kpi_function_inventory;
%ignore itsm_kpi_reassignments;

%include "itsm/kpi.h"

%nothread itsmpy_kpi_share_by_category;
%rename(kpi_share_by_category) itsmpy_kpi_share_by_category;
PyObject *itsmpy_kpi_share_by_category(PyObject *out, PyObject *part_category, PyObject *part_weight,
                                       PyObject *whole_category, PyObject *whole_weight);
%nothread itsmpy_kpi_mean_by_category;
%rename(kpi_mean_by_category) itsmpy_kpi_mean_by_category;
PyObject *itsmpy_kpi_mean_by_category(PyObject *out, PyObject *category, PyObject *values);
%nothread itsmpy_kpi_effort_by_group;
%rename(kpi_effort_by_group) itsmpy_kpi_effort_by_group;
PyObject *itsmpy_kpi_effort_by_group(PyObject *out, PyObject *group, PyObject *planned, PyObject *actual);
%nothread itsmpy_kpi_function_inventory;
%rename(kpi_function_inventory) itsmpy_kpi_function_inventory;
PyObject *itsmpy_kpi_function_inventory(PyObject *out, PyObject *function, PyObject *answers, PyObject *log_uses,
                                        long long retire_max_uses);

%nothread itsmpy_kpi_reassignments;
%rename(kpi_reassignments) itsmpy_kpi_reassignments;
PyObject *itsmpy_kpi_reassignments(PyObject *out, const itsm_incident *const *incidents, size_t n);
