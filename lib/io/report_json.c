/* SLA reports as canonical JSON ({"itsm_schema": 1, "type": "sla_report", ...};
 * docs/schema/sla_report.schema.json). */
#include "common/internal.h"
#include "io/json_value.h"
#include "report/report_internal.h"

#include <jansson.h>
#include <math.h>

#define WHAT "itsm_report_to_json"

static json_t *instant(itsm_instant t)
{
    char buf[ITSM_INSTANT_TEXT_SIZE];
    itsm__report_instant(buf, sizeof buf, t);
    return buf[0] ? json_string(buf) : json_null();
}

static json_t *text_or_null(const char *s)
{
    return s != NULL ? json_string(s) : json_null();
}

static json_t *number(int has, double v)
{
    return has && isfinite(v) ? json_real(v) : json_null();
}

static json_t *word(itsm_sla_enum which, int value)
{
    const char *w = "";
    itsm_sla_name(&w, which, value);
    return w[0] ? json_string(w) : json_null();
}

static int put_breach(json_t *array, const itsm__breach *b)
{
    const char *state = "";
    itsm_clock_state_name(&state, b->state);
    json_t *o = json_object();
    int rc = o == NULL ? itsm__error(ITSM_ENOMEM, WHAT ": out of memory") : ITSM_OK;
    if (rc == ITSM_OK)
        rc = itsm__json_put(o, "record", json_string(b->record), WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(o, "start", instant(b->start), WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(o, "stop", instant(b->stop), WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(o, "deadline", instant(b->deadline), WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(o, "elapsed_seconds", json_integer(b->elapsed), WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(o, "target_seconds", json_integer(b->target), WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(o, "state", json_string(state), WHAT);
    if (rc == ITSM_OK)
        return itsm__json_append(array, o, WHAT);
    json_decref(o);
    return rc;
}

static int put_levels(json_t *o, const itsm_report_item *p)
{
    int rc = itsm__json_put(o, "agreed_level", p->agreed_level ? json_integer(p->agreed_level) : json_null(), WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(o, "agreed", json_string(p->agreed_text), WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(o, "achieved_level", p->achieved_level ? json_integer(p->achieved_level) : json_null(),
                            WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(o, "margin", number(p->has_margin, p->margin), WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(o, "consequence", word(ITSM_SLA_ENUM_CONSEQUENCE, (int)p->consequence), WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(o, "credit_percent", number(p->has_credit, p->credit_percent), WHAT);
    return rc;
}

static int put_measure(json_t *o, const itsm__ritem *ri)
{
    const itsm_report_item *p = &ri->pub;
    int rc = itsm__json_put(o, "value", number(p->has_value, p->value), WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(o, "unit", word(ITSM_SLA_ENUM_UNIT, (int)p->unit), WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(o, "numerator", json_integer(p->numerator), WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(o, "denominator", json_integer(p->denominator), WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(o, "records", json_integer(p->records), WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(o, "at_risk", json_integer(p->at_risk), WHAT);
    if (rc == ITSM_OK && ri->has_reliability) {
        rc = itsm__json_put(o, "mtbf_seconds", number(ri->mtbf.has_data, ri->mtbf.ratio), WHAT);
        if (rc == ITSM_OK)
            rc = itsm__json_put(o, "mtrs_seconds", number(ri->mtrs.has_data, ri->mtrs.ratio), WHAT);
    }
    return rc;
}

static int put_item(json_t *array, const itsm__ritem *ri)
{
    const itsm_report_item *p = &ri->pub;
    const char *verdict = "";
    itsm_report_verdict_name(&verdict, p->verdict);
    json_t *o = json_object(), *br = json_array();
    int rc = o == NULL || br == NULL ? itsm__error(ITSM_ENOMEM, WHAT ": out of memory") : ITSM_OK;
    if (rc == ITSM_OK)
        rc = itsm__json_put(o, "id", json_string(p->id), WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(o, "name", text_or_null(p->name), WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(o, "metric", word(ITSM_SLA_ENUM_METRIC, (int)p->metric), WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(o, "kind", word(ITSM_SLA_ENUM_COMMITMENT, (int)p->commitment), WHAT);
    if (rc == ITSM_OK)
        rc = put_measure(o, ri);
    if (rc == ITSM_OK)
        rc = itsm__json_put(o, "verdict", json_string(verdict), WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(o, "reason", json_string(p->reason), WHAT);
    if (rc == ITSM_OK)
        rc = put_levels(o, p);
    if (rc == ITSM_OK)
        rc = itsm__json_put(o, "breaches_total", json_integer(p->breaches_total), WHAT);
    for (size_t k = 0; rc == ITSM_OK && k < ri->n_breaches; k++)
        rc = put_breach(br, &ri->breaches[k]);
    if (rc == ITSM_OK) {
        rc = itsm__json_put(o, "breaches", br, WHAT);
        br = NULL;
    }
    json_decref(br);
    if (rc == ITSM_OK)
        return itsm__json_append(array, o, WHAT);
    json_decref(o);
    return rc;
}

static int put_header(json_t *root, const itsm_report *r)
{
    int rc = itsm__json_put(root, "itsm_schema", json_integer(1), WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(root, "type", json_string("sla_report"), WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(root, "agreement", json_string(r->agreement_id), WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(root, "name", text_or_null(r->agreement_name), WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(root, "period", json_string(r->period.label), WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(root, "from", instant(r->period.from), WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(root, "to", instant(r->period.to), WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(root, "as_of", instant(r->as_of), WHAT);
    if (rc == ITSM_OK)
        rc = itsm__json_put(root, "counting", json_string(r->counting == ITSM_COUNT_BY_START ? "start" : "stop"),
                            WHAT);
    return rc;
}

itsm_status itsm_report_to_json(char **out, const itsm_report *report)
{
    ITSM__CHECK_ARG(out);
    *out = NULL;
    ITSM__CHECK_ARG(report);
    json_t *root = json_object(), *items = json_array();
    int rc = root == NULL || items == NULL ? itsm__error(ITSM_ENOMEM, WHAT ": out of memory") : ITSM_OK;
    if (rc == ITSM_OK)
        rc = put_header(root, report);
    for (size_t i = 0; rc == ITSM_OK && i < report->n_items; i++)
        rc = put_item(items, &report->items[i]);
    if (rc == ITSM_OK) {
        rc = itsm__json_put(root, "items", items, WHAT);
        items = NULL;
    }
    if (rc == ITSM_OK)
        rc = itsm__json_dump(out, root, WHAT);
    json_decref(items);
    json_decref(root);
    return rc;
}
