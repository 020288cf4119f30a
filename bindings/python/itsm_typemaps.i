/*
 * itsm_typemaps.i - how C types of the libitsm API cross into Python (included by itsm.i).
 *
 * Status:   itsm_status < 0  -> raise itsm._errors._from_status(code, message)
 * Inputs:   int64 / int32 scalars from int-like objects (bool rejected; out of range is
 *           an itsm.RangeError), const char * from str/bytes/None (no embedded NUL),
 *           (text, len) from str/bytes, itsm_date from (y, m, d), const itsm_datetime *
 *           from (y, m, d, H, M, S), (data, size) and int64 arrays from buffers.
 * Outputs:  every out-parameter becomes the return value (see itsm.i); maintenance
 *           enums as int, their static names as str, maintenance results as tuples.
 */

%{
/* ---- errors ---------------------------------------------------------------------------- */

/* Raise the itsm.Error subclass for `code` with `message` (a str, borrowed). The classes
 * live in the pure-Python module itsm._errors. */
static void itsmpy_raise_obj(int code, PyObject *message)
{
    PyObject *mod = PyImport_ImportModule("itsm._errors");
    if (mod == NULL)
        return;
    PyObject *exc = PyObject_CallMethod(mod, "_from_status", "iO", code, message);
    Py_DECREF(mod);
    if (exc == NULL)
        return;
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    Py_DECREF(exc);
}

/* Raise for a negative status returned by libitsm, with the thread's last message. */
static void itsmpy_raise_status(int status)
{
    /* The last error was cleared before the call (%exception), so a message whose code
     * differs would not describe this failure: fall back to the generic text. */
    const char *text = itsm_error_last_code() == status ? itsm_error_last() : itsm_strerror(status);
    PyObject *message = PyUnicode_DecodeUTF8(text, (Py_ssize_t)strlen(text), "replace");
    if (message == NULL)
        return;
    itsmpy_raise_obj(status, message);
    Py_DECREF(message);
}

/* Raise an itsm.Error subclass for an argument the binding itself rejects. */
static void itsmpy_raise_format(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    PyObject *message = PyUnicode_FromFormatV(fmt, ap);
    va_end(ap);
    if (message == NULL)
        return;
    itsmpy_raise_obj(code, message);
    Py_DECREF(message);
}

/* ---- results ------------------------------------------------------------------------- */

/* Make `obj` (a new reference, may be NULL on failure) the result of the call. The
 * status typemap leaves None there; a second output would turn it into a tuple.
 * Returns 0, or -1 with an exception set (the result is then released). */
static int itsmpy_output(PyObject **result, PyObject *obj)
{
    if (obj == NULL) {
        Py_CLEAR(*result);
        return -1;
    }
    if (*result == NULL || *result == Py_None) {
        Py_XDECREF(*result);
        *result = obj;
        return 0;
    }
    PyObject *pair = PyTuple_Pack(2, *result, obj);
    Py_DECREF(obj);
    Py_DECREF(*result);
    *result = pair;
    return pair == NULL ? -1 : 0;
}

/* ---- integer arguments ----------------------------------------------------------------- */

/* An int-like object (int, numpy integer, anything with __index__; not bool) as int64.
 * Out of int64 range is an itsm.RangeError naming the argument. */
static int itsmpy_as_int64(PyObject *obj, int64_t *out, const char *what)
{
    if (PyBool_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "%s must be an integer, not bool", what);
        return -1;
    }
    PyObject *index = PyNumber_Index(obj);
    if (index == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "%s must be an integer, not %.200s", what,
                         Py_TYPE(obj)->tp_name);
        }
        return -1;
    }
    int overflow = 0;
    long long value = PyLong_AsLongLongAndOverflow(index, &overflow);
    if (overflow != 0) {
        itsmpy_raise_format(ITSM_ERANGE, "%s: %S does not fit in 64 bits", what, index);
        Py_DECREF(index);
        return -1;
    }
    Py_DECREF(index);
    if (value == -1 && PyErr_Occurred())
        return -1;
    *out = (int64_t)value;
    return 0;
}

static int itsmpy_as_int32(PyObject *obj, int32_t *out, const char *what)
{
    int64_t value;
    if (itsmpy_as_int64(obj, &value, what) < 0)
        return -1;
    if (value < INT32_MIN || value > INT32_MAX) {
        itsmpy_raise_format(ITSM_ERANGE, "%s: %lld is out of range", what, (long long)value);
        return -1;
    }
    *out = (int32_t)value;
    return 0;
}

/* A sequence of exactly `n` integers into out[0..n). */
static int itsmpy_int32_fields(PyObject *obj, int32_t *out, Py_ssize_t n, const char *what,
                               const char *const *names)
{
    if (PyUnicode_Check(obj) || PyBytes_Check(obj) || !PySequence_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "%s must be a sequence of %zd integers, not %.200s", what,
                     n, Py_TYPE(obj)->tp_name);
        return -1;
    }
    PyObject *seq = PySequence_Fast(obj, "expected a sequence");
    if (seq == NULL)
        return -1;
    if (PySequence_Fast_GET_SIZE(seq) != n) {
        PyErr_Format(PyExc_TypeError, "%s must be a sequence of %zd integers, got %zd items",
                     what, n, PySequence_Fast_GET_SIZE(seq));
        Py_DECREF(seq);
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (itsmpy_as_int32(PySequence_Fast_GET_ITEM(seq, i), &out[i], names[i]) < 0) {
            Py_DECREF(seq);
            return -1;
        }
    }
    Py_DECREF(seq);
    return 0;
}

static const char *const itsmpy_date_fields[] = {"year", "month", "day"};
static const char *const itsmpy_datetime_fields[] = {"year", "month", "day",
                                                     "hour", "minute", "second"};

/* ---- buffers ----------------------------------------------------------------------------- */

/* True when a buffer's format/itemsize describe native signed 64-bit integers. */
static int itsmpy_is_int64_format(const Py_buffer *view)
{
    const char *fmt = view->format;
    if (view->itemsize != 8 || fmt == NULL)
        return 0;
    if (*fmt == '@' || *fmt == '=') {
        fmt++;
    } else if (*fmt == '<' || *fmt == '>' || *fmt == '!') {
        const uint16_t probe = 1;
        int little = *(const unsigned char *)&probe == 1;
        if ((*fmt == '<') != little)
            return 0;
        fmt++;
    }
    return (fmt[0] == 'q' || fmt[0] == 'l') && fmt[1] == '\0';
}

/* Acquire `obj` as a C-contiguous, aligned buffer of int64. */
static int itsmpy_get_int64_buffer(PyObject *obj, Py_buffer *view)
{
    if (PyObject_GetBuffer(obj, view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0) {
        /* numpy says ValueError("ndarray is not C-contiguous"), others BufferError. */
        if (PyErr_ExceptionMatches(PyExc_TypeError) || PyErr_ExceptionMatches(PyExc_BufferError) ||
            PyErr_ExceptionMatches(PyExc_ValueError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError,
                         "expected a C-contiguous buffer of int64 (e.g. a numpy int64 array), "
                         "not %.200s", Py_TYPE(obj)->tp_name);
        }
        return -1;
    }
    if (!itsmpy_is_int64_format(view)) {
        PyErr_Format(PyExc_TypeError, "expected a buffer of int64, got format '%s' itemsize %zd",
                     view->format ? view->format : "B", view->itemsize);
        PyBuffer_Release(view);
        return -1;
    }
    if (((uintptr_t)view->buf % _Alignof(int64_t)) != 0) {
        PyErr_SetString(PyExc_ValueError, "int64 buffer is not aligned");
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}
%}

/* ---- status ---------------------------------------------------------------------------- */
%typemap(out) itsm_status {
    if ($1 < 0) {
        itsmpy_raise_status($1);
        SWIG_fail;
    }
    $result = Py_None;
    Py_INCREF(Py_None);
}

/* ---- scalar inputs ------------------------------------------------------------------------ */
%typemap(in) itsm_instant, itsm_duration, int64_t {
    if (itsmpy_as_int64($input, &$1, "$1_name") < 0)
        SWIG_fail;
}
%typemap(in) int32_t {
    if (itsmpy_as_int32($input, &$1, "$1_name") < 0)
        SWIG_fail;
}
%typemap(in) unsigned int policy {
    int64_t value;
    if (itsmpy_as_int64($input, &value, "policy") < 0)
        SWIG_fail;
    if (value < 0 || (uint64_t)value > UINT_MAX) {
        itsmpy_raise_format(ITSM_EINVAL, "policy: %lld is not a valid policy", (long long)value);
        SWIG_fail;
    }
    $1 = (unsigned int)value;
}

/* Strings: str (UTF-8) or bytes; None is NULL. An embedded NUL would silently cut the
 * text short in C, so it is refused. The pointer stays valid while the argument lives. */
%typemap(in) const char * {
    const char *text = NULL;
    Py_ssize_t size = 0;
    if ($input == Py_None) {
        $1 = NULL;
    } else if (PyUnicode_Check($input) || PyBytes_Check($input)) {
        if (PyBytes_Check($input)) {
            text = PyBytes_AS_STRING($input);
            size = PyBytes_GET_SIZE($input);
        } else if ((text = PyUnicode_AsUTF8AndSize($input, &size)) == NULL) {
            SWIG_fail;
        }
        if ((size_t)size != strlen(text)) {
            itsmpy_raise_format(ITSM_EINVAL, "$1_name: embedded null character in %R", $input);
            SWIG_fail;
        }
        $1 = ($1_ltype)text;
    } else {
        PyErr_Format(PyExc_TypeError, "$1_name must be str, bytes or None, not %.200s",
                     Py_TYPE($input)->tp_name);
        SWIG_fail;
    }
}

/* Nothing to release: the text belongs to the argument object. */
%typemap(freearg) const char * "";

/* Text with an explicit length (itsm_instant_parse_n): str (UTF-8) or bytes, passed whole,
 * so the C parser reports any NUL with its offset. */
%typemap(in) (const char *text, size_t len) {
    Py_ssize_t size;
    const char *text;
    if (PyUnicode_Check($input)) {
        text = PyUnicode_AsUTF8AndSize($input, &size);
        if (text == NULL)
            SWIG_fail;
    } else if (PyBytes_Check($input)) {
        text = PyBytes_AS_STRING($input);
        size = PyBytes_GET_SIZE($input);
    } else {
        PyErr_Format(PyExc_TypeError, "text must be str or bytes, not %.200s",
                     Py_TYPE($input)->tp_name);
        SWIG_fail;
    }
    $1 = ($1_ltype)text;
    $2 = (size_t)size;
}

/* Raw bytes (itsm_tz_from_tzif): any contiguous buffer, held for the call. */
%typemap(in) (const void *data, size_t size) (Py_buffer view, int have_view = 0) {
    if (PyObject_GetBuffer($input, &view, PyBUF_C_CONTIGUOUS) < 0)
        SWIG_fail;
    have_view = 1;
    $1 = view.buf;
    $2 = (size_t)view.len;
}
%typemap(freearg) (const void *data, size_t size) {
    if (have_view$argnum)
        PyBuffer_Release(&view$argnum);
}

/* Plain values from tuples. */
%typemap(in) itsm_date {
    int32_t f[3];
    if (itsmpy_int32_fields($input, f, 3, "date", itsmpy_date_fields) < 0)
        SWIG_fail;
    $1.year = f[0];
    $1.month = f[1];
    $1.day = f[2];
}
%typemap(in) const itsm_datetime * (itsm_datetime temp) {
    int32_t f[6];
    if (itsmpy_int32_fields($input, f, 6, "$1_name", itsmpy_datetime_fields) < 0)
        SWIG_fail;
    temp.year = f[0];
    temp.month = f[1];
    temp.day = f[2];
    temp.hour = f[3];
    temp.minute = f[4];
    temp.second = f[5];
    $1 = &temp;
}

/* ---- out-parameters -> results ------------------------------------------------------------ */
%typemap(in, numinputs=0) itsm_tz **out (itsm_tz *temp = NULL) {
    $1 = &temp;
}
%typemap(argout) itsm_tz **out {
    /* SWIG_POINTER_OWN: the proxy's destructor calls itsm_tz_free. */
    if (itsmpy_output(&$result, SWIG_NewPointerObj(SWIG_as_voidptr(temp$argnum),
                                                   $descriptor(itsm_tz *), SWIG_POINTER_OWN)) < 0) {
        SWIG_fail;
    }
}

%typemap(in, numinputs=0) itsm_instant *out (itsm_instant temp = 0), itsm_duration *out (itsm_duration temp = 0) {
    $1 = &temp;
}
%typemap(argout) itsm_instant *out, itsm_duration *out {
    if (itsmpy_output(&$result, PyLong_FromLongLong((long long)temp$argnum)) < 0)
        SWIG_fail;
}

%typemap(in, numinputs=0) int32_t *out (int32_t temp = 0), int32_t *out_days (int32_t temp = 0),
                          int32_t *out_seconds (int32_t temp = 0), int *out_weekday (int temp = 0) {
    $1 = &temp;
}
%typemap(argout) int32_t *out, int32_t *out_days, int32_t *out_seconds, int *out_weekday {
    if (itsmpy_output(&$result, PyLong_FromLong((long)temp$argnum)) < 0)
        SWIG_fail;
}

%typemap(in, numinputs=0) itsm_date *out (itsm_date temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) itsm_date *out {
    if (itsmpy_output(&$result, Py_BuildValue("(iii)", (int)temp$argnum.year,
                                              (int)temp$argnum.month, (int)temp$argnum.day)) < 0)
        SWIG_fail;
}

%typemap(in, numinputs=0) itsm_datetime *out (itsm_datetime temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) itsm_datetime *out {
    if (itsmpy_output(&$result, Py_BuildValue("(iiiiii)", (int)temp$argnum.year,
                                              (int)temp$argnum.month, (int)temp$argnum.day,
                                              (int)temp$argnum.hour, (int)temp$argnum.minute,
                                              (int)temp$argnum.second)) < 0)
        SWIG_fail;
}

%typemap(in, numinputs=0) itsm_tz_info *out (itsm_tz_info temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) itsm_tz_info *out {
    /* The abbreviation is copied; NUL-terminated within its array per the header, but
     * bounded here in any case. */
    size_t alen = strnlen(temp$argnum.abbreviation, sizeof temp$argnum.abbreviation);
    if (itsmpy_output(&$result, Py_BuildValue("(iNN)", (int)temp$argnum.utc_offset,
                                              PyBool_FromLong(temp$argnum.is_dst),
                                              PyUnicode_DecodeUTF8(temp$argnum.abbreviation,
                                                                   (Py_ssize_t)alen, "replace"))) < 0)
        SWIG_fail;
}

/* Formatting into a caller buffer: a local buffer, returned as a new str. */
%typemap(in, numinputs=0) (char *buf, size_t size) (char temp[64]) {
    temp[0] = '\0';
    $1 = temp;
    $2 = sizeof temp;
}
%typemap(argout) (char *buf, size_t size) {
    if (itsmpy_output(&$result, PyUnicode_DecodeUTF8(temp$argnum, (Py_ssize_t)strnlen(temp$argnum, sizeof temp$argnum), "strict")) < 0)
        SWIG_fail;
}

/* ---- batch: one int64 buffer in, a new bytearray of int64 out ------------------------------ */
%typemap(in) (const int64_t *values, size_t n, int64_t *results)
             (Py_buffer view, int have_view = 0, PyObject *out_obj = NULL) {
    if (itsmpy_get_int64_buffer($input, &view) < 0)
        SWIG_fail;
    have_view = 1;
    out_obj = PyByteArray_FromStringAndSize(NULL, view.len);
    if (out_obj == NULL)
        SWIG_fail;
    $1 = ($1_ltype)view.buf;
    $2 = (size_t)(view.len / 8);
    $3 = ($3_ltype)PyByteArray_AS_STRING(out_obj);
    if (((uintptr_t)$3 % _Alignof(int64_t)) != 0) {
        PyErr_SetString(PyExc_MemoryError, "unaligned result buffer");
        SWIG_fail;
    }
}
%typemap(argout) (const int64_t *values, size_t n, int64_t *results) {
    /* The result takes the reference to the bytearray. */
    PyObject *out = out_obj$argnum;
    out_obj$argnum = NULL;
    if (itsmpy_output(&$result, out) < 0)
        SWIG_fail;
}
%typemap(freearg) (const int64_t *values, size_t n, int64_t *results) {
    if (have_view$argnum)
        PyBuffer_Release(&view$argnum);
    Py_XDECREF(out_obj$argnum);
}

/* ---- holiday sets and calendars ------------------------------------------------------------ */

/* Owning handles: the proxy's destructor frees the object (see itsm.i). */
%define ITSMPY_OWNED_OUT(TYPE)
%typemap(in, numinputs=0) TYPE **out (TYPE *temp = NULL) {
    $1 = &temp;
}
%typemap(argout) TYPE **out {
    if (itsmpy_output(&$result, SWIG_NewPointerObj(SWIG_as_voidptr(temp$argnum),
                                                   $descriptor(TYPE *), SWIG_POINTER_OWN)) < 0) {
        SWIG_fail;
    }
}
%enddef

/* An opaque handle only libitsm creates, wrapped as PYNAME and owned by its proxy: out of a
 * TYPE ** parameter with SWIG_POINTER_OWN, released by FREE in the proxy's destructor. */
%define ITSMPY_HANDLE(TYPE, PYNAME, FREE)
%rename(PYNAME) TYPE;
%nodefaultctor TYPE;
struct TYPE {};
%extend TYPE {
    ~TYPE() { FREE($self); }
}
%ignore FREE;
ITSMPY_OWNED_OUT(TYPE)
%enddef

/* A sequence of handles of one type, held (with every handle) until the call returns. */
%define ITSMPY_HANDLE_SEQ(TYPE, ARRAY, COUNT, NAME)
%typemap(in) (const TYPE *const *ARRAY, size_t COUNT) (PyObject *seq = NULL, const TYPE **array = NULL) {
    seq = PySequence_Fast($input, NAME " must be a sequence");
    if (seq == NULL)
        SWIG_fail;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq);
    array = PyMem_Malloc(sizeof *array * (size_t)(count > 0 ? count : 1));
    if (array == NULL) {
        PyErr_NoMemory();
        SWIG_fail;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        void *ptr = NULL;
        PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
        if (!SWIG_IsOK(SWIG_ConvertPtr(item, &ptr, $descriptor(TYPE *), 0)) || ptr == NULL) {
            PyErr_Format(PyExc_TypeError, NAME "[%zd] has the wrong type (%.200s)", i, Py_TYPE(item)->tp_name);
            SWIG_fail;
        }
        array[i] = ptr;
    }
    $1 = ($1_ltype)array;
    $2 = (size_t)count;
}
%typemap(freearg) (const TYPE *const *ARRAY, size_t COUNT) {
    PyMem_Free((void *)array$argnum);
    Py_XDECREF(seq$argnum);
}
%enddef
/* An array of handles of a set reader ((TYPE ***out, size_t *out_count)) -> a list of
 * owning proxies; the array itself is released here, and on failure every handle that
 * no proxy owns yet. */
%define ITSMPY_HANDLE_SET_OUT(TYPE, FREE, SET_FREE)
%typemap(in, numinputs=0) (TYPE ***out, size_t *out_count) (TYPE **temp = NULL, size_t count = 0) {
    $1 = &temp;
    $2 = &count;
}
%typemap(argout) (TYPE ***out, size_t *out_count) {
    PyObject *list = PyList_New((Py_ssize_t)count$argnum);
    size_t i = 0;
    for (; list != NULL && i < count$argnum; i++) {
        PyObject *item = SWIG_NewPointerObj(SWIG_as_voidptr(temp$argnum[i]), $descriptor(TYPE *), SWIG_POINTER_OWN);
        if (item == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, item);
    }
    for (; i < count$argnum; i++)
        FREE(temp$argnum[i]);
    itsm_free(temp$argnum);
    temp$argnum = NULL;
    count$argnum = 0;
    if (itsmpy_output(&$result, list) < 0)
        SWIG_fail;
}
%typemap(freearg) (TYPE ***out, size_t *out_count) {
    SET_FREE(temp$argnum, count$argnum);
}
%ignore SET_FREE;
%enddef

/* The next record of a JSON Lines stream ((TYPE **out, int *eof)) -> an owning proxy, or
 * None at the end. */
%define ITSMPY_STREAM_NEXT(TYPE)
%typemap(in, numinputs=0) (TYPE **out, int *eof) (TYPE *temp = NULL, int eof = 0) {
    $1 = &temp;
    $2 = &eof;
}
%typemap(argout) (TYPE **out, int *eof) {
    PyObject *obj;
    if (eof$argnum) {
        Py_INCREF(Py_None);
        obj = Py_None;
    } else {
        obj = SWIG_NewPointerObj(SWIG_as_voidptr(temp$argnum), $descriptor(TYPE *), SWIG_POINTER_OWN);
    }
    if (itsmpy_output(&$result, obj) < 0)
        SWIG_fail;
}
%enddef

ITSMPY_OWNED_OUT(itsm_holiday_set)
ITSMPY_OWNED_OUT(itsm_calendar_spec)
ITSMPY_OWNED_OUT(itsm_calendar)

/* Yes/no results (itsm_calendar_is_open, itsm_calendar_is_business_day). */
%typemap(in, numinputs=0) int *out (int temp = 0) {
    $1 = &temp;
}
%typemap(argout) int *out {
    if (itsmpy_output(&$result, PyBool_FromLong(temp$argnum)) < 0)
        SWIG_fail;
}

/* Business seconds. */
%typemap(in, numinputs=0) int64_t *out (int64_t temp = 0) {
    $1 = &temp;
}
%typemap(argout) int64_t *out {
    if (itsmpy_output(&$result, PyLong_FromLongLong((long long)temp$argnum)) < 0)
        SWIG_fail;
}

/* A borrowed name or NULL (holiday look-ups): str or None. */
%typemap(in, numinputs=0) const char **out_name (const char *temp = NULL) {
    $1 = ($1_ltype)&temp;
}
%typemap(argout) const char **out_name {
    PyObject *name;
    if (temp$argnum == NULL) {
        name = Py_None;
        Py_INCREF(name);
    } else {
        name = PyUnicode_DecodeUTF8(temp$argnum, (Py_ssize_t)strlen(temp$argnum), "replace");
    }
    if (itsmpy_output(&$result, name) < 0)
        SWIG_fail;
}

/* The span of a holiday set: ((y, m, d), (y, m, d)). */
%typemap(in, numinputs=0) itsm_date *out_first (itsm_date temp), itsm_date *out_last (itsm_date temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) itsm_date *out_first, itsm_date *out_last {
    if (itsmpy_output(&$result, Py_BuildValue("(iii)", (int)temp$argnum.year,
                                              (int)temp$argnum.month, (int)temp$argnum.day)) < 0)
        SWIG_fail;
}

/* A list of holidays: [((y, m, d), name), ...]; the C array is released with itsm_free
 * (the names are the set's and are copied into str first). */
%typemap(in, numinputs=0) (itsm_holiday **out, size_t *out_count) (itsm_holiday *temp = NULL, size_t count = 0) {
    $1 = &temp;
    $2 = &count;
}
%typemap(argout) (itsm_holiday **out, size_t *out_count) {
    PyObject *list = PyList_New((Py_ssize_t)count$argnum);
    for (size_t i = 0; list != NULL && i < count$argnum; i++) {
        const itsm_holiday *h = &temp$argnum[i];
        const char *name = h->name != NULL ? h->name : "";
        PyObject *item = Py_BuildValue("((iii)N)", (int)h->date.year, (int)h->date.month, (int)h->date.day,
                                       PyUnicode_DecodeUTF8(name, (Py_ssize_t)strlen(name), "replace"));
        if (item == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, item);
    }
    itsm_free(temp$argnum);
    temp$argnum = NULL;
    if (itsmpy_output(&$result, list) < 0)
        SWIG_fail;
}
%typemap(freearg) (itsm_holiday **out, size_t *out_count) {
    itsm_free(temp$argnum);  /* only when the call failed before argout ran */
}

/* Text the library allocated (itsm_calendar_to_json): a str; the C string is freed. */
%typemap(in, numinputs=0) char **out (char *temp = NULL) {
    $1 = &temp;
}
%typemap(argout) char **out {
    PyObject *text = PyUnicode_DecodeUTF8(temp$argnum, (Py_ssize_t)strlen(temp$argnum), "strict");
    itsm_free(temp$argnum);
    temp$argnum = NULL;
    if (itsmpy_output(&$result, text) < 0)
        SWIG_fail;
}
%typemap(freearg) char **out {
    itsm_free(temp$argnum);
}

/* A calendar document: str (UTF-8) or bytes, passed whole with its length. */
%apply (const char *text, size_t len) { (const char *json, size_t len) };

/* Holiday sets a document may name: a sequence of NativeHolidaySet, or None. The
 * sequence (and so every set) is held until the call returns. */
%typemap(in) (const itsm_holiday_set *const *sets, size_t n_sets)
             (PyObject *seq = NULL, const itsm_holiday_set **array = NULL) {
    if ($input != Py_None) {
        seq = PySequence_Fast($input, "sets must be a sequence of NativeHolidaySet or None");
        if (seq == NULL)
            SWIG_fail;
        Py_ssize_t count = PySequence_Fast_GET_SIZE(seq);
        array = PyMem_Malloc(sizeof *array * (size_t)(count > 0 ? count : 1));
        if (array == NULL) {
            PyErr_NoMemory();
            SWIG_fail;
        }
        for (Py_ssize_t i = 0; i < count; i++) {
            void *ptr = NULL;
            PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
            if (!SWIG_IsOK(SWIG_ConvertPtr(item, &ptr, $descriptor(itsm_holiday_set *), 0)) || ptr == NULL) {
                PyErr_Format(PyExc_TypeError, "sets[%zd] must be a NativeHolidaySet, not %.200s", i,
                             Py_TYPE(item)->tp_name);
                SWIG_fail;
            }
            array[i] = ptr;
        }
        $1 = ($1_ltype)array;
        $2 = (size_t)count;
    } else {
        $1 = NULL;
        $2 = 0;
    }
}
%typemap(freearg) (const itsm_holiday_set *const *sets, size_t n_sets) {
    PyMem_Free((void *)array$argnum);
    Py_XDECREF(seq$argnum);
}

/* The second int64 buffer of the calendar batch forms, of the first one's length (n, the
 * wrapper's arg3 in the itsmpy_calendar_*_many signatures). */
%typemap(in) (const int64_t *values2, size_t n2) (Py_buffer view, int have_view = 0) {
    if (itsmpy_get_int64_buffer($input, &view) < 0)
        SWIG_fail;
    have_view = 1;
    $1 = ($1_ltype)view.buf;
    $2 = (size_t)(view.len / 8);
}
%typemap(check) (const int64_t *values2, size_t n2) {
    if ($2 != arg3) {
        itsmpy_raise_format(ITSM_EINVAL, "the two arrays differ in length (%zu and %zu)", (size_t)arg3, (size_t)$2);
        SWIG_fail;
    }
}
%typemap(freearg) (const int64_t *values2, size_t n2) {
    if (have_view$argnum)
        PyBuffer_Release(&view$argnum);
}

/* ---- maintenance judgments (itsm/maint.h) ------------------------------------------------ */

/* Enum results: a plain int (the Python layer turns it into its IntEnum). */
%define ITSMPY_ENUM_OUT(TYPE)
%typemap(in, numinputs=0) TYPE *out (TYPE temp = (TYPE)0) {
    $1 = &temp;
}
%typemap(argout) TYPE *out {
    if (itsmpy_output(&$result, PyLong_FromLong((long)temp$argnum)) < 0)
        SWIG_fail;
}
%enddef
ITSMPY_ENUM_OUT(itsm_maint_type)
ITSMPY_ENUM_OUT(itsm_maint_class)
ITSMPY_ENUM_OUT(itsm_civil_regime)
ITSMPY_ENUM_OUT(itsm_cost_bearer)
ITSMPY_ENUM_OUT(itsm_custom_class)
ITSMPY_ENUM_OUT(itsm_versionup_ease)

/* Static library text (names, reason texts and sources): copied into a str. */
%typemap(in, numinputs=0) const char **out (const char *temp = NULL) {
    $1 = ($1_ltype)&temp;
}
%typemap(argout) const char **out {
    const char *text = temp$argnum != NULL ? temp$argnum : "";
    if (itsmpy_output(&$result, PyUnicode_DecodeUTF8(text, (Py_ssize_t)strlen(text), "strict")) < 0)
        SWIG_fail;
}
/* Static: nothing to release (without this, the char **out freearg would match). */
%typemap(freearg) const char **out "";

/* (verdict, reason, effective_type, effective_origin, investigation_cost, regime) */
%typemap(in, numinputs=0) itsm_defect_result *out (itsm_defect_result temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) itsm_defect_result *out {
    if (itsmpy_output(&$result, Py_BuildValue("(iiiiii)", (int)temp$argnum.verdict, (int)temp$argnum.reason,
                                              (int)temp$argnum.effective_type,
                                              (int)temp$argnum.effective_origin,
                                              (int)temp$argnum.investigation_cost,
                                              (int)temp$argnum.regime)) < 0)
        SWIG_fail;
}

/* (regime, in_time, (year, month, day) deadline, reason) */
%typemap(in, numinputs=0) itsm_claim_result *out (itsm_claim_result temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) itsm_claim_result *out {
    if (itsmpy_output(&$result, Py_BuildValue("(iN(iii)i)", (int)temp$argnum.regime,
                                              PyBool_FromLong(temp$argnum.in_time),
                                              (int)temp$argnum.deadline.year, (int)temp$argnum.deadline.month,
                                              (int)temp$argnum.deadline.day, (int)temp$argnum.reason)) < 0)
        SWIG_fail;
}

/* The advisory's reason, or None. */
%typemap(in, numinputs=0) itsm_defect_advisory *out_advisory (itsm_defect_advisory temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) itsm_defect_advisory *out_advisory {
    PyObject *obj = temp$argnum.given ? PyLong_FromLong((long)temp$argnum.reason) : (Py_INCREF(Py_None), Py_None);
    if (itsmpy_output(&$result, obj) < 0)
        SWIG_fail;
}

/* ((year, month, day) period_end, days) */
%typemap(in, numinputs=0) itsm_claim_shift *out_shift (itsm_claim_shift temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) itsm_claim_shift *out_shift {
    if (itsmpy_output(&$result, Py_BuildValue("((iii)i)", (int)temp$argnum.period_end.year,
                                              (int)temp$argnum.period_end.month, (int)temp$argnum.period_end.day,
                                              (int)temp$argnum.days)) < 0)
        SWIG_fail;
}

/* (duty, not_exempt_for, text_en, text_ja); the texts are static and copied. */
%typemap(in, numinputs=0) itsm_foss_responsibility *out (itsm_foss_responsibility temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) itsm_foss_responsibility *out {
    const char *en = temp$argnum.text_en != NULL ? temp$argnum.text_en : "";
    const char *ja = temp$argnum.text_ja != NULL ? temp$argnum.text_ja : "";
    if (itsmpy_output(&$result, Py_BuildValue("(iis#s#)", (int)temp$argnum.duty, (int)temp$argnum.not_exempt_for,
                                              en, (Py_ssize_t)strlen(en), ja, (Py_ssize_t)strlen(ja))) < 0)
        SWIG_fail;
}
