/*
 * itsm_agreement.i - itsm/agreement.h and itsm/service.h in itsm.itsm_native (included by
 * itsm.i after itsm_lifecycle.i, so the typemaps and ITSMPY_* macros of itsm_typemaps.i are
 * in force).
 *
 *   - itsm_agreement ** / itsm_service ** / itsm_party ** -> an owning NativeAgreement /
 *     NativeService / NativeParty (their destructors call the _free functions); the Python
 *     layer reads the documents through their canonical JSON;
 *   - agreement_lint(agreement), service_lint(service), party_lint(party) ->
 *     [(severity, path, message, guideline), ...]; the strings are copied and the findings
 *     released before the call returns.
 */

%rename(NativeAgreement) itsm_agreement;
%nodefaultctor itsm_agreement;
struct itsm_agreement {};
%extend itsm_agreement {
    ~itsm_agreement() { itsm_agreement_free($self); }
}
%ignore itsm_agreement_free;
%ignore itsm_findings_free;
%ignore itsm_finding;  /* travels as a tuple */

ITSMPY_OWNED_OUT(itsm_agreement)

%{
static PyObject *itsmpy_finding_text(const char *text)
{
    return PyUnicode_DecodeUTF8(text, (Py_ssize_t)strlen(text), "replace");
}
%}

%typemap(in, numinputs=0) (itsm_finding **out, size_t *out_count) (itsm_finding *temp = NULL, size_t count = 0) {
    $1 = &temp;
    $2 = &count;
}
%typemap(argout) (itsm_finding **out, size_t *out_count) {
    PyObject *list = PyList_New((Py_ssize_t)count$argnum);
    for (size_t i = 0; list != NULL && i < count$argnum; i++) {
        const itsm_finding *f = &temp$argnum[i];
        PyObject *item = Py_BuildValue("(iNNN)", (int)f->severity, itsmpy_finding_text(f->path),
                                       itsmpy_finding_text(f->message), itsmpy_finding_text(f->guideline));
        if (item == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, item);
    }
    itsm_findings_free(temp$argnum, count$argnum);
    temp$argnum = NULL;
    if (itsmpy_output(&$result, list) < 0)
        SWIG_fail;
}
%typemap(freearg) (itsm_finding **out, size_t *out_count) {
    itsm_findings_free(temp$argnum, count$argnum);
}

%include "itsm/agreement.h"

ITSMPY_HANDLE(itsm_service, NativeService, itsm_service_free)
ITSMPY_HANDLE(itsm_party, NativeParty, itsm_party_free)
%include "itsm/service.h"
