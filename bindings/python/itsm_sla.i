/*
 * itsm_sla.i - itsm/sla.h in itsm.itsm_native (included by itsm.i after itsm_records.i,
 * so the typemaps and ITSMPY_* macros of itsm_typemaps.i are in force).
 *
 *   - itsm_sla_item ** / itsm_sla_catalogue ** -> owning NativeSlaItem /
 *     NativeSlaCatalogue (their destructors call the _free functions); the Python layer
 *     reads items and catalogues through their canonical JSON, so the borrowed views
 *     (level, metric, selector, credit structs, catalogue items) are not wrapped;
 *   - sla_item_evaluate(item, kind, number, numerator, denominator, unit, ordinal, v1, v2,
 *     v3, v4) fills the versioned itsm_sla_measure in C and returns the evaluation as
 *     ((outcome L1, .. L4), agreed_level, agreed, met, achieved_level, has_margin, margin,
 *     has_credit, credit_percent, consequence, reason);
 *   - sla_catalogue_service(catalogue, index) -> (id, name, name_ja, section, levels,
 *     item_count).
 */

%rename(NativeSlaItem) itsm_sla_item;
%nodefaultctor itsm_sla_item;
struct itsm_sla_item {};
%extend itsm_sla_item {
    ~itsm_sla_item() { itsm_sla_item_free($self); }
}
%rename(NativeSlaCatalogue) itsm_sla_catalogue;
%nodefaultctor itsm_sla_catalogue;
struct itsm_sla_catalogue {};
%extend itsm_sla_catalogue {
    ~itsm_sla_catalogue() { itsm_sla_catalogue_free($self); }
}
%ignore itsm_sla_item_free;
%ignore itsm_sla_catalogue_free;
%ignore itsm_sla_level;       /* borrowed views: Python reads the JSON document instead */
%ignore itsm_sla_metric;
%ignore itsm_sla_selector;
%ignore itsm_sla_credit;
%ignore itsm_sla_names;
%ignore itsm_sla_service_info;
%ignore itsm_sla_measure;
%ignore ITSM_SLA_MEASURE_INIT;
%ignore itsm_sla_evaluation;
%ignore itsm_sla_item_level;
%ignore itsm_sla_item_metric;
%ignore itsm_sla_item_selector;
%ignore itsm_sla_item_credit;
%ignore itsm_sla_item_scale_name;
%ignore itsm_sla_item_text;
%ignore itsm_sla_item_selects;
%ignore itsm_sla_item_evaluate;   /* the plain-argument form below */
%ignore itsm_sla_catalogue_item;  /* borrowed; items come from the catalogue's JSON */
%ignore itsm_agreement_sla_item;
%ignore itsm_service_sla_item;
%ignore itsm_sla_catalogue_find;
%ignore itsm_sla_catalogue_instantiate;

ITSMPY_OWNED_OUT(itsm_sla_item)
ITSMPY_OWNED_OUT(itsm_sla_catalogue)
ITSMPY_ENUM_OUT(itsm_sla_verdict)

%typemap(in, numinputs=0) itsm_sla_evaluation *out (itsm_sla_evaluation temp) {
    $1 = &temp;
}
%typemap(argout) itsm_sla_evaluation *out {
    const itsm_sla_evaluation *e = &temp$argnum;
    if (itsmpy_output(&$result, Py_BuildValue("((iiii)iiiiididis)", (int)e->levels[0], (int)e->levels[1],
                                              (int)e->levels[2], (int)e->levels[3], e->agreed_level, (int)e->agreed,
                                              e->met, e->achieved_level, e->has_margin, e->margin, e->has_credit,
                                              e->credit_percent, (int)e->consequence, e->reason)) < 0)
        SWIG_fail;
}
%typemap(in, numinputs=0) itsm_sla_service_info *out (itsm_sla_service_info temp) {
    $1 = &temp;
}
%typemap(argout) itsm_sla_service_info *out {
    const itsm_sla_service_info *s = &temp$argnum;
    if (itsmpy_output(&$result, Py_BuildValue("(sszzIn)", s->id, s->name, s->name_ja, s->section, s->levels,
                                              (Py_ssize_t)s->item_count)) < 0)
        SWIG_fail;
}

%include "itsm/sla.h"

%{
static itsm_status itsmpy_sla_item_evaluate(itsm_sla_evaluation *out, const itsm_sla_item *item, int kind,
                                            double number, int64_t numerator, int64_t denominator, int unit,
                                            const char *ordinal, int v1, int v2, int v3, int v4)
{
    itsm_sla_measure m = ITSM_SLA_MEASURE_INIT;
    m.kind = (itsm_sla_measure_kind)kind;
    m.number = number;
    m.numerator = numerator;
    m.denominator = denominator;
    m.unit = (itsm_sla_unit)unit;
    m.ordinal = ordinal;
    m.verdicts[0] = (itsm_sla_verdict)v1;
    m.verdicts[1] = (itsm_sla_verdict)v2;
    m.verdicts[2] = (itsm_sla_verdict)v3;
    m.verdicts[3] = (itsm_sla_verdict)v4;
    return itsm_sla_item_evaluate(out, item, &m);
}

static itsm_status itsmpy_sla_catalogue_instantiate(char **out, const itsm_sla_catalogue *cat, const char *service,
                                                    const char *level, const char *json, size_t len)
{
    return itsm_sla_catalogue_instantiate(out, cat, service, level, json, len);
}
%}

%feature("docstring") itsmpy_sla_item_evaluate
"sla_item_evaluate(item, kind, number, numerator, denominator, unit, ordinal, v1, v2, v3, v4)
    -> ((outcome L1..L4), agreed_level, agreed, met, achieved_level, has_margin, margin,
        has_credit, credit_percent, consequence, reason)

itsm_sla_item_evaluate() with the itsm_sla_measure fields as arguments.";
%rename(sla_item_evaluate) itsmpy_sla_item_evaluate;
itsm_status itsmpy_sla_item_evaluate(itsm_sla_evaluation *out, const itsm_sla_item *item, int kind,
                                     double number, int64_t numerator, int64_t denominator, int unit,
                                     const char *ordinal, int v1, int v2, int v3, int v4);

%feature("docstring") itsmpy_sla_catalogue_instantiate
"sla_catalogue_instantiate(catalogue, service, level, overrides) -> str

itsm_sla_catalogue_instantiate(); overrides is JSON text (\"{}\" for none).";
%rename(sla_catalogue_instantiate) itsmpy_sla_catalogue_instantiate;
itsm_status itsmpy_sla_catalogue_instantiate(char **out, const itsm_sla_catalogue *cat, const char *service,
                                             const char *level, const char *json, size_t len);
