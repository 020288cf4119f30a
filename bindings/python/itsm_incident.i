/*
 * itsm_incident.i - itsm/incident.h in itsm.itsm_native (included by itsm.i after
 * itsm_agreement.i, so the typemaps and ITSMPY_* macros of itsm_typemaps.i are in force).
 *
 *   - itsm_incident ** / itsm_priority_matrix ** / itsm_incident_stream ** -> owning
 *     NativeIncident / NativePriorityMatrix / NativeIncidentStream (destructors call
 *     itsm_incident_free / itsm_priority_matrix_free / itsm_incident_stream_close);
 *   - incident_stream_next(stream) -> a NativeIncident, or None at the end;
 *   - incident_set_from_json(text) -> [NativeIncident, ...]; incident_set_to_json(incidents)
 *     takes a sequence of NativeIncident;
 *   - incident_severity(incident) -> int level or None;
 *   - incident_get_milestones(incident) -> (opened or None, resolved or None,
 *     closed or None, reopen_count);
 *   - priority_matrix_new(n_impact, n_urgency, cells): cells a sequence of ints, row-major;
 *     the matrix's shape and level names are read through its canonical JSON;
 *   - the history entries are not wrapped: the Python layer reads the canonical JSON and
 *     builds lists itself.
 */

ITSMPY_HANDLE(itsm_incident, NativeIncident, itsm_incident_free)
ITSMPY_HANDLE(itsm_priority_matrix, NativePriorityMatrix, itsm_priority_matrix_free)
ITSMPY_HANDLE(itsm_incident_stream, NativeIncidentStream, itsm_incident_stream_close)
%ignore itsm_incident_stream_open_memory; /* the buffer would have to outlive the call */

%ignore itsm_incident_status_get;
%ignore itsm_incident_assignment_get;
%ignore itsm_incident_severity_get;
%ignore itsm_incident_change;
%ignore itsm_incident_assignment;
%ignore itsm_severity_declaration;
%ignore itsm_incident_milestones;
%ignore itsm_priority_matrix_shape;       /* read through itsm_priority_matrix_to_json */
%ignore itsm_priority_matrix_level_name;

ITSMPY_STREAM_NEXT(itsm_incident)
ITSMPY_HANDLE_SET_OUT(itsm_incident, itsm_incident_free, itsm_incident_set_free)
ITSMPY_HANDLE_SEQ(itsm_incident, incidents, count, "incidents")

/* The severity level or None. */
%typemap(in, numinputs=0) (int *out_set, itsm_severity_level *out) (int set = 0, itsm_severity_level temp = ITSM_SEVERITY_0) {
    $1 = &set;
    $2 = &temp;
}
%typemap(argout) (int *out_set, itsm_severity_level *out) {
    PyObject *obj;
    if (set$argnum) {
        obj = PyLong_FromLong((long)temp$argnum);
    } else {
        Py_INCREF(Py_None);
        obj = Py_None;
    }
    if (itsmpy_output(&$result, obj) < 0)
        SWIG_fail;
}

/* (opened, resolved, closed, reopen_count); an instant that is not set is None. */
%typemap(in, numinputs=0) itsm_incident_milestones *out (itsm_incident_milestones temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) itsm_incident_milestones *out {
    PyObject *opened = temp$argnum.has_opened ? PyLong_FromLongLong((long long)temp$argnum.opened) : (Py_INCREF(Py_None), Py_None);
    PyObject *resolved = temp$argnum.has_resolved ? PyLong_FromLongLong((long long)temp$argnum.resolved) : (Py_INCREF(Py_None), Py_None);
    PyObject *closed = temp$argnum.has_closed ? PyLong_FromLongLong((long long)temp$argnum.closed) : (Py_INCREF(Py_None), Py_None);
    if (itsmpy_output(&$result, Py_BuildValue("(NNNi)", opened, resolved, closed, (int)temp$argnum.reopen_count)) < 0)
        SWIG_fail;
}

/* A sequence of ints (row-major cells). */
%typemap(in) const int32_t *cells (int32_t *array = NULL) {
    PyObject *seq = PySequence_Fast($input, "cells must be a sequence of int");
    if (seq == NULL)
        SWIG_fail;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq);
    array = PyMem_Malloc(sizeof *array * (size_t)(count > 0 ? count : 1));
    if (array == NULL) {
        Py_DECREF(seq);
        PyErr_NoMemory();
        SWIG_fail;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        long v = PyLong_AsLong(PySequence_Fast_GET_ITEM(seq, i));
        if (v == -1 && PyErr_Occurred()) {
            Py_DECREF(seq);
            SWIG_fail;
        }
        array[i] = (v < INT32_MIN || v > INT32_MAX) ? 0 : (int32_t)v;
    }
    Py_DECREF(seq);
    $1 = array;
}
%typemap(freearg) const int32_t *cells {
    PyMem_Free(array$argnum);
}

%include "itsm/incident.h"
