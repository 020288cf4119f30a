/*
 * itsm_maturity.i - itsm/maturity.h in itsm.itsm_native (included by itsm.i after
 * itsm_timeseries.i).
 *
 *   - itsm_maturity_model ** / itsm_maturity_assessment ** -> owning NativeMaturityModel /
 *     NativeMaturityAssessment (destructors call the _free functions). An assessment
 *     borrows its model: the Python layer keeps the model alive with it;
 *   - a level text -> (ja, en, uncertain, note); a process -> (id, name_ja, name_en,
 *     group_ja, group_en, first_item, n_items); an item -> (id, process, name_ja, name_en,
 *     question_ja, question_en, (L1, L2, L3, L4)); an item result -> (level, target,
 *     meets_target, next_level, next step text); a summary -> (items, assessed, level,
 *     highest, mean_level, (at L1 .. L4), with_target, below_target). Absent strings are None.
 */

%{
#include "itsm/maturity.h"

static PyObject *itsmpy_level_text(const itsm_maturity_level_text *t)
{
    return Py_BuildValue("(zzNz)", t->ja, t->en, PyBool_FromLong(t->uncertain), t->note);
}
%}

%rename(NativeMaturityModel) itsm_maturity_model;
%nodefaultctor itsm_maturity_model;
struct itsm_maturity_model {};
%extend itsm_maturity_model {
    ~itsm_maturity_model() { itsm_maturity_model_free($self); }
}
%ignore itsm_maturity_model_free;

%rename(NativeMaturityAssessment) itsm_maturity_assessment;
%nodefaultctor itsm_maturity_assessment;
struct itsm_maturity_assessment {};
%extend itsm_maturity_assessment {
    ~itsm_maturity_assessment() { itsm_maturity_assessment_free($self); }
}
%ignore itsm_maturity_assessment_free;
%ignore itsm_maturity_assessment_model; /* a borrowed handle: the Python object keeps its model */

ITSMPY_OWNED_OUT(itsm_maturity_model)
ITSMPY_OWNED_OUT(itsm_maturity_assessment)

%ignore itsm_maturity_level_text;
%ignore itsm_maturity_process;
%ignore itsm_maturity_item;
%ignore itsm_maturity_item_result;
%ignore itsm_maturity_summary;

%typemap(in, numinputs=0) itsm_maturity_process *out (itsm_maturity_process temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) itsm_maturity_process *out {
    const itsm_maturity_process *p = &temp$argnum;
    if (itsmpy_output(&$result, Py_BuildValue("(zzzzznn)", p->id, p->name_ja, p->name_en, p->group_ja, p->group_en,
                                              (Py_ssize_t)p->first_item, (Py_ssize_t)p->n_items)) < 0)
        SWIG_fail;
}

%typemap(in, numinputs=0) itsm_maturity_item *out (itsm_maturity_item temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) itsm_maturity_item *out {
    const itsm_maturity_item *it = &temp$argnum;
    if (itsmpy_output(&$result, Py_BuildValue("(znzzzz(NNNN))", it->id, (Py_ssize_t)it->process, it->name_ja,
                                              it->name_en, it->question_ja, it->question_en,
                                              itsmpy_level_text(&it->levels[0]), itsmpy_level_text(&it->levels[1]),
                                              itsmpy_level_text(&it->levels[2]),
                                              itsmpy_level_text(&it->levels[3]))) < 0)
        SWIG_fail;
}

%typemap(in, numinputs=0) itsm_maturity_item_result *out (itsm_maturity_item_result temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) itsm_maturity_item_result *out {
    const itsm_maturity_item_result *r = &temp$argnum;
    if (itsmpy_output(&$result, Py_BuildValue("(iiNiN)", (int)r->level, (int)r->target, PyBool_FromLong(r->meets_target),
                                              (int)r->next_level, itsmpy_level_text(&r->next_step))) < 0)
        SWIG_fail;
}

%typemap(in, numinputs=0) itsm_maturity_summary *out (itsm_maturity_summary temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) itsm_maturity_summary *out {
    const itsm_maturity_summary *s = &temp$argnum;
    if (itsmpy_output(&$result, Py_BuildValue("(nniid(nnnn)nn)", (Py_ssize_t)s->items, (Py_ssize_t)s->assessed,
                                              (int)s->level, (int)s->highest, s->mean_level,
                                              (Py_ssize_t)s->at_level[0], (Py_ssize_t)s->at_level[1],
                                              (Py_ssize_t)s->at_level[2], (Py_ssize_t)s->at_level[3],
                                              (Py_ssize_t)s->with_target, (Py_ssize_t)s->below_target)) < 0)
        SWIG_fail;
}

/* An item index. */
%typemap(in, numinputs=0) size_t *out (size_t temp = 0) {
    $1 = &temp;
}
%typemap(argout) size_t *out {
    if (itsmpy_output(&$result, PyLong_FromSize_t(temp$argnum)) < 0)
        SWIG_fail;
}

%include "itsm/maturity.h"
