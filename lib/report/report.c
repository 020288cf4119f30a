/* itsm_report_evaluate(): every SLA item of an agreement over a period, and the report's
 * accessors. */
#include "common/internal.h"
#include "report/measure.h"

#include <stdio.h>
#include <string.h>

static int measure(itsm_sla_measure *m, itsm__ritem *ri, const itsm__measure_ctx *c)
{
    switch (c->metric.kind) {
    case ITSM_SLA_METRIC_DURATION:
    case ITSM_SLA_METRIC_AVERAGE_DURATION:
        return itsm__measure_clock(m, ri, c);
    case ITSM_SLA_METRIC_RTO:
    case ITSM_SLA_METRIC_NOTIFICATION_DELAY:
        return itsm__measure_spans(m, ri, c);
    case ITSM_SLA_METRIC_AVAILABILITY:
        return itsm__measure_availability(m, ri, c);
    case ITSM_SLA_METRIC_CALL_RATE:
        return itsm__measure_calls(m, ri, c);
    case ITSM_SLA_METRIC_COUNT:
        return itsm__measure_count(m, ri, c);
    case ITSM_SLA_METRIC_INTERVAL:
        return itsm__measure_interval(m, ri, c);
    case ITSM_SLA_METRIC_RPO:
        return itsm__measure_rpo(m, ri, c);
    case ITSM_SLA_METRIC_REPORT_DEADLINE:
        return itsm__measure_deliveries(m, ri, c);
    case ITSM_SLA_METRIC_ORDINAL:
        return itsm__measure_ordinal(m, ri, c);
    default:
        return itsm__report_unevaluable(ri, "metric kind not measurable from this dataset");
    }
}

/* The agreed requirement as text: "L3: <= 4 hour", "L3: same day excluding vendor holidays". */
static int agreed_text(itsm__ritem *ri, const itsm_sla_item *item, int level)
{
    char buf[256] = "";
    itsm_sla_level cell;
    int rc = level == 0 ? ITSM_OK : itsm_sla_item_level(&cell, item, level);
    if (rc != ITSM_OK)
        return rc;
    char lv[8];
    snprintf(lv, sizeof lv, level == ITSM_SLA_CUSTOM ? "custom" : "L%d", level);
    const char *unit = "";
    itsm_sla_name(&unit, ITSM_SLA_ENUM_UNIT, (int)itsm_sla_item_unit(item));
    const char *op = "";
    if (level == 0)
        snprintf(buf, sizeof buf, "not stated");
    else if (cell.kind == ITSM_SLA_LEVEL_THRESHOLD && itsm_sla_name(&op, ITSM_SLA_ENUM_OP, (int)cell.op) == ITSM_OK)
        snprintf(buf, sizeof buf, "%s: %s %.15g %s", lv, op, cell.value, unit);
    else if (cell.kind == ITSM_SLA_LEVEL_DEADLINE)
        snprintf(buf, sizeof buf, "%s: %s", lv, cell.deadline);
    else if (cell.kind == ITSM_SLA_LEVEL_ORDINAL)
        snprintf(buf, sizeof buf, "%s: %s", lv, cell.ordinal);
    else if (itsm_sla_name(&op, ITSM_SLA_ENUM_LEVEL_KIND, (int)cell.kind) == ITSM_OK)
        snprintf(buf, sizeof buf, "%s: %s", lv, op);
    ri->agreed_text = itsm__strdup(buf, "report");
    ri->pub.agreed_text = ri->agreed_text;
    return ri->agreed_text == NULL ? ITSM_ENOMEM : ITSM_OK;
}

static int start_item(itsm__ritem *ri, const itsm_sla_item *item)
{
    const char *name = itsm_sla_item_text(item, ITSM_SLA_TEXT_NAME);
    ri->id = itsm__strdup(itsm_sla_item_text(item, ITSM_SLA_TEXT_ID), "report");
    ri->name = name != NULL ? itsm__strdup(name, "report") : NULL;
    if (ri->id == NULL || (name != NULL && ri->name == NULL))
        return ITSM_ENOMEM;
    itsm_report_item *p = &ri->pub;
    p->id = ri->id;
    p->name = ri->name;
    p->reason = "";
    p->commitment = itsm_sla_item_commitment(item);
    p->unit = itsm_sla_item_unit(item);
    p->agreed_level = itsm_sla_item_agreed_level(item);
    return agreed_text(ri, item, p->agreed_level);
}

/* The per-item part of the context; ITSM_REPORT__DONE when the item cannot be measured. */
static int item_context(itsm__measure_ctx *c, itsm__ritem *ri, const itsm_calendar_set *cals)
{
    int rc = itsm_sla_item_metric(&c->metric, c->item);
    if (rc == ITSM_OK)
        rc = itsm_sla_item_selector(&c->selector, c->item);
    if (rc != ITSM_OK)
        return rc;
    ri->pub.metric = c->metric.kind;
    if (c->metric.kind == ITSM_SLA_METRIC_AVERAGE_DURATION)
        c->metric.aggregate = ITSM_SLA_AGGREGATE_AVERAGE;
    c->unit = itsm_sla_item_unit(c->item);
    c->target_level = itsm_sla_item_agreed_level(c->item);
    const char *cal = itsm_sla_item_text(c->item, ITSM_SLA_TEXT_CALENDAR);
    c->cal = cal != NULL ? itsm_calendar_set_get(cals, cal) : NULL;
    if (c->metric.kind == ITSM_SLA_METRIC_UNSTATED)
        return itsm__report_unevaluable(ri, "the item states no metric");
    if (cal != NULL && c->cal == NULL)
        return itsm__report_unevaluable(ri, "no calendar '%s'", cal);
    if (c->target_level == 0)
        return itsm__report_unevaluable(ri, "no agreed level");
    itsm_sla_level cell;
    rc = itsm_sla_item_level(&cell, c->item, c->target_level);
    if (rc == ITSM_OK && cell.kind == ITSM_SLA_LEVEL_PER_CONTRACT)
        return itsm__report_unevaluable(ri, "per contract value missing");
    return rc;
}

/* The verdict from the level evaluation. */
static int conclude(itsm__ritem *ri, const itsm_sla_item *item, const itsm_sla_measure *m)
{
    itsm_sla_evaluation ev;
    int rc = itsm_sla_item_evaluate(&ev, item, m);
    if (rc == ITSM_ENOMEM)
        return rc;
    if (rc != ITSM_OK) /* a value the item's levels do not take (units that do not convert) */
        return itsm__report_unevaluable(ri, "%s", itsm_error_last());
    itsm_report_item *p = &ri->pub;
    p->achieved_level = ev.achieved_level;
    p->has_margin = ev.has_margin;
    p->margin = ev.margin;
    p->has_credit = ev.has_credit;
    p->credit_percent = ev.credit_percent;
    p->consequence = ev.consequence;
    p->reason = ev.reason;
    if (ev.agreed == ITSM_SLA_OUTCOME_CONTRACT_VALUE_MISSING)
        return itsm__report_unevaluable(ri, "per contract value missing");
    p->verdict = ev.agreed == ITSM_SLA_OUTCOME_NO_DATA ? ITSM_REPORT_NO_DATA
                 : ev.met                               ? ITSM_REPORT_MET
                                                        : ITSM_REPORT_MISSED;
    return ITSM_OK;
}

static int evaluate_item(itsm__ritem *ri, itsm__measure_ctx *c, const itsm_calendar_set *cals)
{
    int rc = start_item(ri, c->item);
    if (rc == ITSM_OK)
        rc = item_context(c, ri, cals);
    itsm_sla_measure m = ITSM_SLA_MEASURE_INIT;
    itsm_sla_level cell;
    if (rc == ITSM_OK)
        rc = itsm_sla_item_level(&cell, c->item, c->target_level);
    bool asks = rc == ITSM_OK && (cell.kind == ITSM_SLA_LEVEL_THRESHOLD || cell.kind == ITSM_SLA_LEVEL_DEADLINE ||
                                  cell.kind == ITSM_SLA_LEVEL_ORDINAL);
    if (rc == ITSM_OK && asks)
        rc = measure(&m, ri, c);
    if (rc == ITSM_OK)
        rc = conclude(ri, c->item, &m);
    return rc == ITSM_REPORT__DONE ? ITSM_OK : rc;
}

static void item_clear(itsm__ritem *ri)
{
    itsm__free(ri->id);
    itsm__free(ri->name);
    itsm__free(ri->agreed_text);
    itsm__free(ri->reason);
    for (size_t i = 0; i < ri->n_breaches; i++)
        itsm__free(ri->breaches[i].record);
    itsm__free(ri->breaches);
}

void itsm_report_free(itsm_report *r)
{
    if (r == NULL)
        return;
    for (size_t i = 0; i < r->n_items; i++)
        item_clear(&r->items[i]);
    itsm__free(r->items);
    itsm__free(r->agreement_id);
    itsm__free(r->agreement_name);
    itsm__free(r);
}

static int check_inputs(const itsm_period *period, const itsm_report_options *o)
{
    if (o->version < 1 || o->version > ITSM_REPORT_OPTIONS_VERSION)
        return itsm__error(ITSM_EVERSION, "itsm_report_evaluate: unknown options version %u", o->version);
    if (period->to <= period->from)
        return itsm__error(ITSM_EINVAL, "itsm_report_evaluate: the period is empty (to <= from)");
    if (o->counting != ITSM_COUNT_BY_STOP && o->counting != ITSM_COUNT_BY_START)
        return itsm__error(ITSM_EINVAL, "itsm_report_evaluate: unknown counting rule %d", (int)o->counting);
    return ITSM_OK;
}

static int report_new(itsm_report **out, const itsm_agreement *a, const itsm_period *period,
                      const itsm_report_options *o, itsm_instant as_of)
{
    itsm_report *r = itsm__calloc(1, sizeof *r, "report");
    if (r == NULL)
        return ITSM_ENOMEM;
    *out = r;
    r->period = *period;
    r->period.label[ITSM_PERIOD_LABEL_SIZE - 1] = '\0';
    r->counting = o->counting;
    r->as_of = as_of;
    const char *name = itsm_agreement_name(a);
    r->agreement_id = itsm__strdup(itsm_agreement_id(a), "report");
    r->agreement_name = name != NULL ? itsm__strdup(name, "report") : NULL;
    size_t n = itsm_agreement_sla_count(a);
    r->items = itsm__calloc(n ? n : 1, sizeof *r->items, "report items");
    if (r->agreement_id == NULL || (name != NULL && r->agreement_name == NULL) || r->items == NULL)
        return ITSM_ENOMEM;
    return ITSM_OK;
}

itsm_status itsm_report_evaluate(itsm_report **out, const itsm_agreement *agreement,
                                 const itsm_calendar_set *calendars, const itsm_dataset *dataset,
                                 const itsm_period *period, const itsm_report_options *options)
{
    ITSM__CHECK_ARG(out);
    *out = NULL;
    ITSM__CHECK_ARG(agreement);
    ITSM__CHECK_ARG(dataset);
    ITSM__CHECK_ARG(period);
    itsm_report_options defaults = ITSM_REPORT_OPTIONS_INIT;
    const itsm_report_options *o = options != NULL ? options : &defaults;
    int rc = check_inputs(period, o);
    if (rc != ITSM_OK)
        return rc;
    itsm__measure_ctx c;
    memset(&c, 0, sizeof c);
    c.ds = dataset;
    c.period = *period;
    c.as_of = o->as_of == ITSM_CLOCK_NO_INSTANT ? period->to : o->as_of;
    c.counting = o->counting;
    c.max_breaches = o->max_breaches;
    itsm_report *r = NULL;
    rc = report_new(&r, agreement, period, o, c.as_of);
    size_t n = itsm_agreement_sla_count(agreement);
    for (size_t i = 0; rc == ITSM_OK && i < n; i++, r->n_items++) {
        c.item = itsm_agreement_sla_item(agreement, i);
        rc = evaluate_item(&r->items[i], &c, calendars);
    }
    if (rc != ITSM_OK) {
        itsm_report_free(r);
        return rc;
    }
    *out = r;
    return ITSM_OK;
}

/* ---- accessors -------------------------------------------------------------------------------------- */

itsm_status itsm_report_period(itsm_period *out, const itsm_report *report)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(report);
    *out = report->period;
    return ITSM_OK;
}

size_t itsm_report_item_count(const itsm_report *report)
{
    return report == NULL ? 0 : report->n_items;
}

itsm_status itsm_report_item_get(itsm_report_item *out, const itsm_report *report, size_t index)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(report);
    if (index >= report->n_items)
        return itsm__error(ITSM_ERANGE, "%s: item %zu of %zu", __func__, index, report->n_items);
    *out = report->items[index].pub;
    return ITSM_OK;
}

itsm_status itsm_report_breach_get(itsm_report_breach *out, const itsm_report *report, size_t item, size_t index)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(report);
    if (item >= report->n_items || index >= report->items[item].n_breaches)
        return itsm__error(ITSM_ERANGE, "%s: item %zu, breach %zu out of range", __func__, item, index);
    const itsm__breach *b = &report->items[item].breaches[index];
    itsm_report_breach v = {b->record, b->start, b->stop, b->deadline, b->elapsed, b->target, b->state};
    *out = v;
    return ITSM_OK;
}

itsm_status itsm_report_verdict_name(const char **out, itsm_report_verdict verdict)
{
    static const char *const names[] = {"no_data", "met", "missed", "not_evaluable"};
    ITSM__CHECK_ARG(out);
    if ((unsigned)verdict > 3)
        return itsm__error(ITSM_EINVAL, "%s: unknown verdict %d", __func__, (int)verdict);
    *out = names[verdict];
    return ITSM_OK;
}

void itsm__report_instant(char *buf, size_t size, itsm_instant t)
{
    if (t == ITSM_CLOCK_NO_INSTANT || itsm_instant_format(buf, size, t, NULL) != ITSM_OK)
        buf[0] = '\0';
}
