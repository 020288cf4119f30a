/*
 * itsm_clock.i - itsm/clock.h in itsm.itsm_native (included by itsm.i after
 * itsm_records.i, so the typemaps and ITSMPY_* macros of itsm_typemaps.i are in force).
 *
 *   - deadline rules travel as text: deadline_parse(text) -> (kind, amount, calendar),
 *     deadline_text(text) -> canonical text, deadline_apply(text, calendar, start) -> int;
 *   - itsm_clock_definition ** -> an owning NativeClockDefinition, built by
 *     clock_definition_new(calendar, start, pause, stop, cancel, reopen, flags,
 *     reopen_policy, retarget_policy, thresholds, target, priorities, priority_targets):
 *     code sets and thresholds are C-contiguous int32 buffers (or None), targets are rule
 *     texts (the priorities' ones joined by newlines); the calendar must outlive the
 *     definition (the Python layer keeps a reference);
 *   - clock_evaluate(definition, instants, codes, priorities, priority, as_of) -> a tuple
 *     (state, priority, start, stop, elapsed_business, elapsed_actual, paused_business,
 *     paused_actual, target, remaining, permille, deadline, thresholds, breached,
 *     ever_breached, cycles, breached_cycles, reopens); absent instants are None;
 *   - clock_evaluate_many(definition, offsets, instants, codes, priorities, as_of, i64,
 *     i32, u8, thresholds, with_status) writes caller-allocated numpy blocks: i64 rows
 *     (start, stop, elapsed_business, elapsed_actual, paused_business, paused_actual,
 *     target, remaining, permille, deadline), i32 rows (state, priority, cycles,
 *     breached_cycles, reopens, status), u8 rows (breached, ever_breached), and the
 *     n x thresholds block (or None). The Python layer checks shapes and dtypes; the
 *     wrapper refuses inconsistent sizes with ITSM_EINVAL as a last guard.
 */

%{
#include "itsm/clock.h"

#define ITSMPY_I64_ROWS 10
#define ITSMPY_I32_ROWS 6
#define ITSMPY_U8_ROWS 2

static itsm_status itsmpy_deadline_parse(itsm_deadline *out, const char *text)
{
    return itsm_deadline_parse(out, text);
}

static itsm_status itsmpy_deadline_text(char *text_out, size_t text_size, const char *text)
{
    itsm_deadline d;
    int rc = itsm_deadline_parse(&d, text);
    return rc == ITSM_OK ? itsm_deadline_format(text_out, text_size, &d) : rc;
}

static itsm_status itsmpy_deadline_apply(itsm_instant *out, const char *text, const itsm_calendar *cal,
                                         itsm_instant start)
{
    itsm_deadline d;
    int rc = itsm_deadline_parse(&d, text);
    return rc == ITSM_OK ? itsm_deadline_apply(out, &d, cal, start) : rc;
}

/* Up to 64 priority targets, one rule text a line. */
#define ITSMPY_MAX_PRIORITIES 64

static int itsmpy_parse_lines(itsm_deadline *out, size_t n, const char *texts)
{
    char line[256];
    const char *p = texts == NULL ? "" : texts;
    for (size_t i = 0; i < n; i++) {
        const char *end = strchr(p, '\n');
        size_t len = end == NULL ? strlen(p) : (size_t)(end - p);
        if (len >= sizeof line)
            len = sizeof line - 1;
        memcpy(line, p, len);
        line[len] = '\0';
        int rc = itsm_deadline_parse(&out[i], line);
        if (rc != ITSM_OK)
            return rc;
        p = end == NULL ? p + len : end + 1;
    }
    return ITSM_OK;
}

static itsm_status itsmpy_clock_definition_new(itsm_clock_definition **out, const itsm_calendar *cal,
                                               const void *start, size_t start_len, const void *pause,
                                               size_t pause_len, const void *stop, size_t stop_len,
                                               const void *cancel, size_t cancel_len, const void *reopen,
                                               size_t reopen_len, int32_t flags, int32_t reopen_policy,
                                               int32_t retarget_policy, const void *thresholds,
                                               size_t thresholds_len, const char *target,
                                               const void *priorities, size_t priorities_len,
                                               const char *priority_targets)
{
    itsm_clock_options o = ITSM_CLOCK_OPTIONS_INIT;
    itsm_deadline targets[ITSMPY_MAX_PRIORITIES];
    size_t n_prio = priorities_len / 4;
    if (n_prio > ITSMPY_MAX_PRIORITIES)
        return ITSM_EINVAL;
    o.start = start;
    o.n_start = start_len / 4;
    o.pause = pause;
    o.n_pause = pause_len / 4;
    o.stop = stop;
    o.n_stop = stop_len / 4;
    o.cancel = cancel;
    o.n_cancel = cancel_len / 4;
    o.reopen = reopen;
    o.n_reopen = reopen_len / 4;
    o.flags = (unsigned int)flags;
    o.reopen_policy = (itsm_reopen_policy)reopen_policy;
    o.retarget_policy = (itsm_retarget_policy)retarget_policy;
    o.thresholds = thresholds;
    o.n_thresholds = thresholds_len / 4;
    o.calendar = cal;
    int rc = itsm_deadline_parse(&o.target, target);
    if (rc == ITSM_OK)
        rc = itsmpy_parse_lines(targets, n_prio, priority_targets);
    if (rc != ITSM_OK)
        return rc;
    o.target_priorities = priorities;
    o.priority_targets = targets;
    o.n_priority_targets = n_prio;
    return itsm_clock_definition_new(out, &o);
}

static itsm_status itsmpy_clock_evaluate(itsm_clock_result *out, const itsm_clock_definition *def,
                                         const void *instants, size_t instants_len, const void *codes,
                                         size_t codes_len, const void *priorities, size_t priorities_len,
                                         itsm_instant as_of)
{
    size_t n = instants_len / 8;
    if (codes_len != 4 * n || (priorities != NULL && priorities_len != 4 * n))
        return ITSM_EINVAL;
    return itsm_clock_evaluate(out, def, instants, codes, priorities, n, as_of);
}

static itsm_status itsmpy_clock_evaluate_many(const itsm_clock_definition *def, const void *offsets,
                                              size_t offsets_len, const void *instants, size_t instants_len,
                                              const void *codes, size_t codes_len, const void *priorities,
                                              size_t priorities_len, itsm_instant as_of, void *i64,
                                              size_t i64_len, void *i32, size_t i32_len, void *u8,
                                              size_t u8_len, void *thresholds, size_t thresholds_len,
                                              int32_t with_status)
{
    size_t n_events = instants_len / 8, nt = itsm_clock_definition_threshold_count(def);
    if (offsets_len < 8)
        return ITSM_EINVAL;
    size_t n = offsets_len / 8 - 1;
    if (codes_len != 4 * n_events || (priorities != NULL && priorities_len != 4 * n_events) ||
        i64_len != ITSMPY_I64_ROWS * 8 * n || i32_len != ITSMPY_I32_ROWS * 4 * n || u8_len != ITSMPY_U8_ROWS * n ||
        (thresholds != NULL && thresholds_len != 8 * n * nt))
        return ITSM_EINVAL;
    int64_t *l = i64;
    int32_t *w = i32;
    uint8_t *b = u8;
    itsm_clock_columns c = ITSM_CLOCK_COLUMNS_INIT;
    c.start = l;
    c.stop = l + n;
    c.elapsed_business = l + 2 * n;
    c.elapsed_actual = l + 3 * n;
    c.paused_business = l + 4 * n;
    c.paused_actual = l + 5 * n;
    c.target = l + 6 * n;
    c.remaining = l + 7 * n;
    c.permille = l + 8 * n;
    c.deadline = l + 9 * n;
    c.state = w;
    c.priority = w + n;
    c.cycles = w + 2 * n;
    c.breached_cycles = w + 3 * n;
    c.reopens = w + 4 * n;
    c.status = with_status ? w + 5 * n : NULL;
    c.breached = b;
    c.ever_breached = b + n;
    c.threshold_at = thresholds;
    return itsm_clock_evaluate_many(&c, def, offsets, n, instants, codes, priorities, n_events, as_of);
}

static PyObject *itsmpy_optional_instant(itsm_instant t)
{
    if (t == ITSM_CLOCK_NO_INSTANT) {
        Py_INCREF(Py_None);
        return Py_None;
    }
    return PyLong_FromLongLong((long long)t);
}

static PyObject *itsmpy_clock_result_tuple(const itsm_clock_result *r)
{
    PyObject *th = PyTuple_New(r->n_thresholds);
    if (th == NULL)
        return NULL;
    for (int32_t k = 0; k < r->n_thresholds; k++)
        PyTuple_SET_ITEM(th, k, itsmpy_optional_instant(r->threshold_at[k]));
    return Py_BuildValue("(iiNNLLLLLLLNNiiiii)", (int)r->state, (int)r->priority, itsmpy_optional_instant(r->start),
                         itsmpy_optional_instant(r->stop), (long long)r->elapsed_business,
                         (long long)r->elapsed_actual, (long long)r->paused_business, (long long)r->paused_actual,
                         (long long)r->target, (long long)r->remaining, (long long)r->permille,
                         itsmpy_optional_instant(r->deadline), th, (int)r->breached, (int)r->ever_breached,
                         (int)r->cycles, (int)r->breached_cycles, (int)r->reopens);
}
%}

%ignore itsm_deadline;
%ignore itsm_deadline_parse;
%ignore itsm_deadline_format;
%ignore itsm_deadline_check;
%ignore itsm_deadline_apply;
%ignore itsm_clock_options;
%ignore itsm_clock_result;
%ignore itsm_clock_columns;
%ignore itsm_clock_definition_new;
%ignore itsm_clock_evaluate;
%ignore itsm_clock_evaluate_many;
%ignore ITSM_CLOCK_OPTIONS_INIT;
%ignore ITSM_CLOCK_COLUMNS_INIT;
%ignore ITSM_CLOCK_NO_INSTANT;

%rename(NativeClockDefinition) itsm_clock_definition;
%nodefaultctor itsm_clock_definition;
struct itsm_clock_definition {};
%extend itsm_clock_definition {
    ~itsm_clock_definition() { itsm_clock_definition_free($self); }
}
%ignore itsm_clock_definition_free;
ITSMPY_OWNED_OUT(itsm_clock_definition)

/* Buffers: read-only in, writable out; None is NULL with length 0. */
%typemap(in) (const void *in_buf, size_t in_len) (Py_buffer view, int have_view = 0) {
    if ($input == Py_None) {
        $1 = NULL;
        $2 = 0;
    } else {
        if (PyObject_GetBuffer($input, &view, PyBUF_C_CONTIGUOUS) < 0)
            SWIG_fail;
        have_view = 1;
        $1 = view.buf;
        $2 = (size_t)view.len;
    }
}
%typemap(freearg) (const void *in_buf, size_t in_len) {
    if (have_view$argnum)
        PyBuffer_Release(&view$argnum);
}
%typemap(in) (void *out_buf, size_t out_len) (Py_buffer view, int have_view = 0) {
    if ($input == Py_None) {
        $1 = NULL;
        $2 = 0;
    } else {
        if (PyObject_GetBuffer($input, &view, PyBUF_C_CONTIGUOUS | PyBUF_WRITABLE) < 0)
            SWIG_fail;
        have_view = 1;
        $1 = view.buf;
        $2 = (size_t)view.len;
    }
}
%typemap(freearg) (void *out_buf, size_t out_len) {
    if (have_view$argnum)
        PyBuffer_Release(&view$argnum);
}
%apply (const void *in_buf, size_t in_len) {
    (const void *start, size_t start_len), (const void *pause, size_t pause_len),
    (const void *stop, size_t stop_len), (const void *cancel, size_t cancel_len),
    (const void *reopen, size_t reopen_len), (const void *thresholds, size_t thresholds_len),
    (const void *priorities, size_t priorities_len), (const void *offsets, size_t offsets_len),
    (const void *instants, size_t instants_len), (const void *codes, size_t codes_len)
};
%apply (void *out_buf, size_t out_len) {
    (void *i64, size_t i64_len), (void *i32, size_t i32_len), (void *u8, size_t u8_len),
    (void *thresholds, size_t thresholds_len)
};

%typemap(in, numinputs=0) itsm_deadline *out (itsm_deadline temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) itsm_deadline *out {
    if (itsmpy_output(&$result, Py_BuildValue("(iLs)", (int)temp$argnum.kind, (long long)temp$argnum.amount,
                                              temp$argnum.calendar)) < 0)
        SWIG_fail;
}

%typemap(in, numinputs=0) (char *text_out, size_t text_size) (char temp[ITSM_DEADLINE_TEXT_SIZE]) {
    temp[0] = '\0';
    $1 = temp;
    $2 = sizeof temp;
}
%typemap(argout) (char *text_out, size_t text_size) {
    if (itsmpy_output(&$result, PyUnicode_FromString(temp$argnum)) < 0)
        SWIG_fail;
}

%typemap(in, numinputs=0) itsm_clock_result *out (itsm_clock_result temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) itsm_clock_result *out {
    if (itsmpy_output(&$result, itsmpy_clock_result_tuple(&temp$argnum)) < 0)
        SWIG_fail;
}

%include "itsm/clock.h"

%rename(deadline_parse) itsmpy_deadline_parse;
itsm_status itsmpy_deadline_parse(itsm_deadline *out, const char *text);
%rename(deadline_text) itsmpy_deadline_text;
itsm_status itsmpy_deadline_text(char *text_out, size_t text_size, const char *text);
%rename(deadline_apply) itsmpy_deadline_apply;
itsm_status itsmpy_deadline_apply(itsm_instant *out, const char *text, const itsm_calendar *cal,
                                  itsm_instant start);
%rename(clock_definition_new) itsmpy_clock_definition_new;
itsm_status itsmpy_clock_definition_new(itsm_clock_definition **out, const itsm_calendar *cal,
                                        const void *start, size_t start_len, const void *pause,
                                        size_t pause_len, const void *stop, size_t stop_len,
                                        const void *cancel, size_t cancel_len, const void *reopen,
                                        size_t reopen_len, int32_t flags, int32_t reopen_policy,
                                        int32_t retarget_policy, const void *thresholds,
                                        size_t thresholds_len, const char *target,
                                        const void *priorities, size_t priorities_len,
                                        const char *priority_targets);
%rename(clock_evaluate) itsmpy_clock_evaluate;
itsm_status itsmpy_clock_evaluate(itsm_clock_result *out, const itsm_clock_definition *def,
                                  const void *instants, size_t instants_len, const void *codes,
                                  size_t codes_len, const void *priorities, size_t priorities_len,
                                  itsm_instant as_of);
%rename(clock_evaluate_many) itsmpy_clock_evaluate_many;
itsm_status itsmpy_clock_evaluate_many(const itsm_clock_definition *def, const void *offsets,
                                       size_t offsets_len, const void *instants, size_t instants_len,
                                       const void *codes, size_t codes_len, const void *priorities,
                                       size_t priorities_len, itsm_instant as_of, void *i64,
                                       size_t i64_len, void *i32, size_t i32_len, void *u8,
                                       size_t u8_len, void *thresholds, size_t thresholds_len,
                                       int32_t with_status);
