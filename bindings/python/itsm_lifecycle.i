/*
 * itsm_lifecycle.i - itsm/lifecycle.h in itsm.itsm_native (included by itsm.i after the
 * other headers, so the typemaps and ITSMPY_* macros of itsm_typemaps.i are in force).
 *
 *   - itsm_ci ** / itsm_pending_item ** -> owning NativeConfigurationItem /
 *     NativePendingItem (destructors call itsm_ci_free / itsm_pending_free);
 *   - itsm_pending_get_status -> int; the getters with (int *out_set, itsm_date *out) and
 *     the history entries are not wrapped: the Python layer reads the canonical JSON;
 *   - ci_set_from_json / pending_set_from_json(text) -> a list of owning handles;
 *     ci_set_to_json(cis) / pending_set_to_json(items) take sequences of handles;
 *   - expiring(cis, items, contract_ends, events, as_of, within_days): sequences of
 *     handles, (label, (y, m, d)) pairs, as_of (y, m, d); returns a list of
 *     (kind, subject, detail or None, (y, m, d), days_left, overdue).
 */

%rename(NativeConfigurationItem) itsm_ci;
%nodefaultctor itsm_ci;
struct itsm_ci {};
%extend itsm_ci {
    ~itsm_ci() { itsm_ci_free($self); }
}
%ignore itsm_ci_free;

%rename(NativePendingItem) itsm_pending_item;
%nodefaultctor itsm_pending_item;
struct itsm_pending_item {};
%extend itsm_pending_item {
    ~itsm_pending_item() { itsm_pending_free($self); }
}
%ignore itsm_pending_free;

%ignore itsm_ci_get_date;           /* read through itsm_ci_to_json */
%ignore itsm_pending_get_due_date;  /* read through itsm_pending_to_json */
%ignore itsm_pending_history_get;
%ignore itsm_pending_change;
%ignore itsm_labeled_date;          /* travels as (label, (y, m, d)) */
%ignore itsm_due;                   /* travels as a tuple */

ITSMPY_OWNED_OUT(itsm_ci)
ITSMPY_OWNED_OUT(itsm_pending_item)
ITSMPY_ENUM_OUT(itsm_pending_status)

ITSMPY_HANDLE_SEQ(itsm_ci, cis, n_cis, "cis")
ITSMPY_HANDLE_SEQ(itsm_pending_item, items, n_items, "items")
ITSMPY_HANDLE_SEQ(itsm_ci, cis, count, "cis")
ITSMPY_HANDLE_SEQ(itsm_pending_item, items, count, "items")
ITSMPY_HANDLE_SET_OUT(itsm_ci, itsm_ci_free, itsm_ci_set_free)
ITSMPY_HANDLE_SET_OUT(itsm_pending_item, itsm_pending_free, itsm_pending_set_free)

/* A sequence of (label, (y, m, d)); the label str objects are kept in `keep` so that
 * their UTF-8 stays valid while the GIL is released. */
%define ITSMPY_LABELED_SEQ(ARRAY, COUNT, NAME)
%typemap(in) (const itsm_labeled_date *ARRAY, size_t COUNT)
             (PyObject *seq = NULL, PyObject *keep = NULL, itsm_labeled_date *array = NULL) {
    seq = PySequence_Fast($input, NAME " must be a sequence of (label, (year, month, day))");
    if (seq == NULL)
        SWIG_fail;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq);
    keep = PyList_New(0);
    array = PyMem_Malloc(sizeof *array * (size_t)(count > 0 ? count : 1));
    if (keep == NULL || array == NULL) {
        PyErr_NoMemory();
        SWIG_fail;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *pair = PySequence_Fast_GET_ITEM(seq, i);
        PyObject *label = NULL, *date = NULL;
        if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
            PyErr_Format(PyExc_TypeError, NAME "[%zd] must be a tuple (label, (year, month, day))", i);
            SWIG_fail;
        }
        label = PyTuple_GET_ITEM(pair, 0);
        date = PyTuple_GET_ITEM(pair, 1);
        if (!PyUnicode_Check(label) || PyList_Append(keep, label) < 0) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_TypeError, NAME "[%zd]: the label must be a str", i);
            SWIG_fail;
        }
        array[i].label = PyUnicode_AsUTF8(label);
        int32_t f[3];
        if (array[i].label == NULL || itsmpy_int32_fields(date, f, 3, "date", itsmpy_date_fields) < 0)
            SWIG_fail;
        array[i].date.year = f[0];
        array[i].date.month = f[1];
        array[i].date.day = f[2];
    }
    $1 = array;
    $2 = (size_t)count;
}
%typemap(freearg) (const itsm_labeled_date *ARRAY, size_t COUNT) {
    PyMem_Free(array$argnum);
    Py_XDECREF(keep$argnum);
    Py_XDECREF(seq$argnum);
}
%enddef
ITSMPY_LABELED_SEQ(contract_ends, n_contract_ends, "contract_ends")
ITSMPY_LABELED_SEQ(events, n_events, "events")

%{
static PyObject *itsmpy_text_or_none(const char *text)
{
    if (text == NULL)
        Py_RETURN_NONE;
    return PyUnicode_DecodeUTF8(text, (Py_ssize_t)strlen(text), "replace");
}
%}

/* [(kind, subject, detail, (y, m, d), days_left, overdue), ...]; strings are copied
 * before the inputs they are borrowed from are released. */
%typemap(in, numinputs=0) (itsm_due **out, size_t *out_count) (itsm_due *temp = NULL, size_t count = 0) {
    $1 = &temp;
    $2 = &count;
}
%typemap(argout) (itsm_due **out, size_t *out_count) {
    PyObject *list = PyList_New((Py_ssize_t)count$argnum);
    for (size_t i = 0; list != NULL && i < count$argnum; i++) {
        const itsm_due *d = &temp$argnum[i];
        PyObject *item = Py_BuildValue("(iNN(iii)iO)", (int)d->kind, itsmpy_text_or_none(d->subject),
                                       itsmpy_text_or_none(d->detail), (int)d->date.year, (int)d->date.month,
                                       (int)d->date.day, (int)d->days_left, d->overdue ? Py_True : Py_False);
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
%typemap(freearg) (itsm_due **out, size_t *out_count) {
    itsm_free(temp$argnum);
}

%include "itsm/lifecycle.h"
