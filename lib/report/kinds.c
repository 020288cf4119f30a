/* The metric kinds measured from outages, calls, events, backups, deliveries and declared
 * capabilities. */
#include "common/internal.h"
#include "report/measure.h"

#include <stdlib.h>
#include <string.h>

/* 1 when event kind index k is one of `names`. */
static bool kind_in(const itsm__measure_ctx *c, int32_t k, itsm_sla_names names)
{
    for (size_t i = 0; i < names.count; i++)
        if (strcmp(c->ds->strings.names[k], names.names[i]) == 0)
            return true;
    return false;
}

/* Instants of the events of the given kinds, and an in-period mask. */
static int events_of(itsm_instant **out, size_t *n, const itsm__measure_ctx *c, itsm_sla_names kinds)
{
    const itsm__events *e = &c->ds->ev;
    *n = 0;
    *out = itsm__malloc((e->n ? e->n : 1) * sizeof **out, "events");
    if (*out == NULL)
        return ITSM_ENOMEM;
    for (size_t i = 0; i < e->n; i++)
        if (kind_in(c, e->kind[i], kinds))
            (*out)[(*n)++] = e->at[i];
    return ITSM_OK;
}

static int no_events(itsm__ritem *ri, const itsm__measure_ctx *c)
{
    if (c->metric.events.count == 0)
        return itsm__report_unevaluable(ri, "the metric names no event kinds (\"events\")");
    return ITSM_OK;
}

int itsm__measure_count(itsm_sla_measure *m, itsm__ritem *ri, const itsm__measure_ctx *c)
{
    itsm_instant *at = NULL;
    size_t n = 0;
    int rc = no_events(ri, c);
    if (rc == ITSM_OK)
        rc = events_of(&at, &n, c, c->metric.events);
    itsm_count_result r;
    if (rc == ITSM_OK)
        rc = itsm_events_count(&r, at, NULL, n, c->period.from, c->period.to, 0, -1);
    itsm__free(at);
    if (rc != ITSM_OK)
        return rc;
    ri->pub.records = r.count;
    ri->pub.has_value = 1;
    ri->pub.value = (double)r.count;
    m->kind = ITSM_SLA_MEASURE_NUMBER;
    m->number = (double)r.count;
    m->unit = ITSM_SLA_UNIT_COUNT;
    return ITSM_OK;
}

static void seconds_value(itsm_sla_measure *m, itsm__ritem *ri, const itsm__measure_ctx *c, int64_t seconds)
{
    int64_t us = itsm__report_unit_seconds(c->unit);
    ri->pub.has_value = 1;
    ri->pub.value = (double)seconds / (double)(us > 0 ? us : 1);
    m->kind = ITSM_SLA_MEASURE_NUMBER;
    m->number = (double)seconds;
    m->unit = ITSM_SLA_UNIT_SECOND;
}

int itsm__measure_interval(itsm_sla_measure *m, itsm__ritem *ri, const itsm__measure_ctx *c)
{
    itsm_instant *at = NULL;
    size_t n = 0;
    int rc = no_events(ri, c);
    if (rc == ITSM_OK)
        rc = events_of(&at, &n, c, c->metric.events);
    itsm_gap_result g;
    if (rc == ITSM_OK)
        rc = itsm_events_largest_gap(&g, at, NULL, n, c->period.from, c->period.to, ITSM_GAP_PERIOD_EDGES);
    itsm__free(at);
    if (rc != ITSM_OK)
        return rc;
    ri->pub.records = g.events;
    if (g.has_data)
        seconds_value(m, ri, c, g.largest);
    return ITSM_OK;
}

int itsm__measure_rpo(itsm_sla_measure *m, itsm__ritem *ri, const itsm__measure_ctx *c)
{
    itsm_instant *at = NULL;
    size_t n = 0, k = 0;
    int rc = no_events(ri, c);
    if (rc == ITSM_OK)
        rc = events_of(&at, &n, c, c->metric.events);
    for (size_t i = 0; rc == ITSM_OK && i < n; i++)
        if (itsm__report_in_period(c, at[i]))
            at[k++] = at[i];
    int64_t *rpo = rc == ITSM_OK ? itsm__malloc((k ? k : 1) * sizeof *rpo, "rpo") : NULL;
    uint8_t *has = rpo != NULL ? itsm__malloc(k ? k : 1, "rpo") : NULL;
    if (rc == ITSM_OK && has == NULL)
        rc = ITSM_ENOMEM;
    const itsm__backups *b = &c->ds->bk;
    if (rc == ITSM_OK)
        rc = itsm_rpo_achieved(rpo, has, at, k, b->points, b->completed, b->succeeded, b->n);
    int64_t worst = 0, unusable = 0;
    for (size_t i = 0; rc == ITSM_OK && i < k; i++) {
        unusable += !has[i];
        worst = has[i] && rpo[i] > worst ? rpo[i] : worst;
    }
    itsm__free(at);
    itsm__free(rpo);
    itsm__free(has);
    if (rc != ITSM_OK)
        return rc;
    ri->pub.records = (int64_t)k;
    if (unusable > 0)
        return itsm__report_unevaluable(ri, "%lld failure(s) without an earlier successful backup",
                                        (long long)unusable);
    if (k > 0)
        seconds_value(m, ri, c, worst);
    return ITSM_OK;
}

/* ---- spans: notification delay, RTO ---------------------------------------------------------------- */

typedef struct span_ev {
    int64_t record;
    itsm_instant at;
    size_t index;
} span_ev;

static int by_record_then_time(const void *a, const void *b)
{
    const span_ev *x = a, *y = b;
    if (x->record != y->record)
        return x->record < y->record ? -1 : 1;
    if (x->at != y->at)
        return x->at < y->at ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* Events of records (record >= 0) of a start or stop kind, by record and time. */
static int span_events(span_ev **out, size_t *n, const itsm__measure_ctx *c)
{
    const itsm__events *e = &c->ds->ev;
    *n = 0;
    *out = itsm__malloc((e->n ? e->n : 1) * sizeof **out, "span events");
    if (*out == NULL)
        return ITSM_ENOMEM;
    for (size_t i = 0; i < e->n; i++)
        if (e->record[i] >= 0 && (kind_in(c, e->kind[i], c->metric.start) || kind_in(c, e->kind[i], c->metric.stop)))
            (*out)[(*n)++] = (span_ev){e->record[i], e->at[i], i};
    qsort(*out, *n, sizeof **out, by_record_then_time);
    return ITSM_OK;
}

static int span_one(itsm__durations *d, itsm__ritem *ri, const itsm__measure_ctx *c, itsm_instant from,
                    itsm_instant to, int64_t record, int64_t limit)
{
    bool open = to == ITSM_CLOCK_NO_INSTANT;
    itsm_instant end = open ? c->as_of : to;
    int64_t s = 0;
    int rc = itsm_elapsed_many(&s, c->cal, &from, &end, 1);
    if (rc != ITSM_OK)
        return rc;
    bool breached = s > limit;
    if (open && !breached) {
        ri->pub.at_risk += from < c->period.to;
        return ITSM_OK;
    }
    itsm_instant place = c->counting == ITSM_COUNT_BY_START ? from : open ? end : to;
    if (!itsm__report_in_period(c, place))
        return ITSM_OK;
    d->seconds[d->n++] = s;
    if (!breached)
        return ITSM_OK;
    d->breached++;
    itsm__breach b = {NULL, from, to, ITSM_CLOCK_NO_INSTANT, s, limit, open ? ITSM_CLOCK_RUNNING : ITSM_CLOCK_BREACHED};
    return itsm__report_add_breach(ri, c, NULL, record, &b);
}

int itsm__measure_spans(itsm_sla_measure *m, itsm__ritem *ri, const itsm__measure_ctx *c)
{
    if (c->metric.start.count == 0 || c->metric.stop.count == 0)
        return itsm__report_unevaluable(ri, "the metric names no start or stop event kinds");
    itsm_sla_level cell;
    int64_t limit = INT64_MAX;
    int rc = itsm_sla_item_level(&cell, c->item, c->target_level);
    if (rc == ITSM_OK && cell.kind == ITSM_SLA_LEVEL_THRESHOLD && itsm__report_limit(&limit, &cell, c->unit) != ITSM_OK)
        return itsm__report_unevaluable(ri, "the agreed threshold is not a duration limit (<= or < a time)");
    span_ev *idx = NULL;
    size_t n = 0;
    itsm__durations d = {0};
    if (rc == ITSM_OK)
        rc = span_events(&idx, &n, c);
    if (rc == ITSM_OK && (d.seconds = itsm__malloc((n ? n : 1) * sizeof *d.seconds, "durations")) == NULL)
        rc = ITSM_ENOMEM;
    const itsm__events *e = &c->ds->ev;
    for (size_t i = 0; rc == ITSM_OK && i < n;) {
        int64_t record = idx[i].record;
        itsm_instant from = ITSM_CLOCK_NO_INSTANT, to = ITSM_CLOCK_NO_INSTANT;
        for (; i < n && idx[i].record == record; i++) {
            size_t k = idx[i].index;
            if (from == ITSM_CLOCK_NO_INSTANT && kind_in(c, e->kind[k], c->metric.start) && e->at[k] <= c->as_of)
                from = e->at[k];
            else if (from != ITSM_CLOCK_NO_INSTANT && to == ITSM_CLOCK_NO_INSTANT &&
                     kind_in(c, e->kind[k], c->metric.stop) && e->at[k] <= c->as_of)
                to = e->at[k];
        }
        if (from != ITSM_CLOCK_NO_INSTANT)
            rc = span_one(&d, ri, c, from, to, record, limit);
    }
    if (rc == ITSM_OK)
        rc = itsm__report_aggregate(m, ri, c, &d);
    itsm__free(idx);
    itsm__free(d.seconds);
    return rc;
}

/* ---- availability ---------------------------------------------------------------------------------- */

int itsm__measure_availability(itsm_sla_measure *m, itsm__ritem *ri, const itsm__measure_ctx *c)
{
    const itsm__outages *o = &c->ds->out;
    uint8_t *flags = itsm__malloc(o->n ? o->n : 1, "outage flags");
    if (flags == NULL)
        return ITSM_ENOMEM;
    for (size_t i = 0; i < o->n; i++) /* "exclude_planned": false counts notified maintenance as downtime */
        flags[i] = c->metric.exclude_planned == 0 ? (uint8_t)(o->flags[i] & ~ITSM_OUTAGE_NOTIFIED) : o->flags[i];
    itsm_outages view = ITSM_OUTAGES_INIT;
    view.n = o->n;
    view.start = o->start;
    view.end = o->end;
    view.flags = flags;
    view.exclusion = o->exclusion;
    view.share = o->share;
    itsm_availability_options opt = ITSM_AVAILABILITY_OPTIONS_INIT;
    opt.calendar = c->cal;
    opt.minimum_outage = c->metric.min_outage > 0 ? c->metric.min_outage : 0;
    opt.probe_interval = c->metric.monitoring_interval > 0 ? c->metric.monitoring_interval : 0;
    int rc = c->metric.partial != NULL ? itsm_partial_policy_from_name(&opt.partial, c->metric.partial) : ITSM_OK;
    itsm_availability a;
    if (rc == ITSM_OK)
        rc = itsm_availability_compute(&a, &view, c->period.from, c->period.to, &opt);
    itsm__free(flags);
    itsm_reliability rel;
    if (rc == ITSM_OK)
        rc = itsm_reliability_from_availability(&rel, &a);
    if (rc != ITSM_OK)
        return itsm__error_prefix(rc, "item '%s'", ri->id);
    ri->pub.records = a.failures;
    ri->pub.numerator = a.availability.numerator;
    ri->pub.denominator = a.availability.denominator;
    ri->has_reliability = 1;
    ri->mtbf = rel.mtbf;
    ri->mtrs = rel.mtrs;
    if (!a.availability.has_data)
        return ITSM_OK;
    ri->pub.has_value = 1;
    ri->pub.value = c->unit == ITSM_SLA_UNIT_PERCENT ? 100.0 * a.availability.ratio : a.availability.ratio;
    m->kind = ITSM_SLA_MEASURE_FRACTION;
    m->numerator = a.availability.numerator;
    m->denominator = a.availability.denominator;
    m->unit = ITSM_SLA_UNIT_RATIO;
    return ITSM_OK;
}

/* ---- calls ------------------------------------------------------------------------------------------- */

static int call_kind(itsm_call_rate_kind *out, itsm__ritem *ri, const itsm_sla_metric *mt)
{
    static const itsm_call_rate_kind defaults[] = {ITSM_CALL_SERVICE_LEVEL, ITSM_CALL_SERVICE_LEVEL,
                                                   ITSM_CALL_ABANDON_RATE,  ITSM_CALL_BUSY_RATE,
                                                   ITSM_CALL_CALLBACK_RATE, ITSM_CALL_AVERAGE_SPEED_OF_ANSWER};
    if (mt->variant != NULL) {
        if (itsm_call_rate_from_name(out, mt->variant) != ITSM_OK)
            return itsm__report_unevaluable(ri, "unknown call rate variant '%s'", mt->variant);
        return ITSM_OK;
    }
    if (mt->rate == ITSM_SLA_RATE_NONE)
        return itsm__report_unevaluable(ri, "the metric names no call rate (\"rate\")");
    *out = defaults[mt->rate];
    return ITSM_OK;
}

int itsm__measure_calls(itsm_sla_measure *m, itsm__ritem *ri, const itsm__measure_ctx *c)
{
    itsm_call_rate_kind kind = ITSM_CALL_SERVICE_LEVEL;
    int rc = call_kind(&kind, ri, &c->metric);
    if (rc != ITSM_OK)
        return rc;
    const itsm__calls *d = &c->ds->calls;
    uint8_t *include = itsm__malloc(d->n ? d->n : 1, "call mask");
    if (include == NULL)
        return ITSM_ENOMEM;
    for (size_t i = 0; i < d->n; i++)
        include[i] = d->include[i] && itsm__report_in_period(c, d->arrival[i]);
    itsm_calls calls = ITSM_CALLS_INIT;
    calls.n = d->n;
    calls.outcome = d->outcome;
    calls.wait = d->wait;
    calls.flags = d->flags;
    calls.include = include;
    calls.arrival = d->arrival;
    calls.caller = d->caller;
    itsm_call_params params = ITSM_CALL_PARAMS_INIT;
    params.answer_threshold = c->metric.answer_threshold > 0 ? c->metric.answer_threshold : 0;
    params.short_abandon = c->metric.short_abandon > 0 ? c->metric.short_abandon : 0;
    params.repeat_window = c->metric.repeat_days > 0 ? (int64_t)c->metric.repeat_days * 86400 : 0;
    itsm_call_counts counts;
    itsm_rate r;
    rc = itsm_calls_count(&counts, &calls, &params);
    if (rc == ITSM_OK)
        rc = itsm_call_rate(&r, &counts, kind);
    itsm__free(include);
    if (rc != ITSM_OK)
        return itsm__error_prefix(rc, "item '%s'", ri->id);
    ri->pub.records = counts.offered + counts.busy;
    ri->pub.numerator = r.numerator;
    ri->pub.denominator = r.denominator;
    if (!r.has_data)
        return ITSM_OK;
    bool seconds = kind == ITSM_CALL_AVERAGE_SPEED_OF_ANSWER;
    ri->pub.has_value = 1;
    ri->pub.value = seconds || c->unit != ITSM_SLA_UNIT_PERCENT ? r.ratio : 100.0 * r.ratio;
    m->kind = ITSM_SLA_MEASURE_FRACTION;
    m->numerator = r.numerator;
    m->denominator = r.denominator;
    m->unit = seconds ? ITSM_SLA_UNIT_SECOND : ITSM_SLA_UNIT_RATIO;
    return ITSM_OK;
}

/* ---- report deliveries, ordinal capabilities -------------------------------------------------------- */

int itsm__measure_deliveries(itsm_sla_measure *m, itsm__ritem *ri, const itsm__measure_ctx *c)
{
    const itsm__deliveries *d = &c->ds->dl;
    int32_t want = c->metric.report != NULL ? itsm__strtab_find(&c->ds->strings, c->metric.report) : -2;
    int64_t met = 0, judged = 0;
    for (size_t i = 0; i < d->n; i++) {
        if ((want != -2 && d->report[i] != want) || !itsm__report_in_period(c, d->due[i]))
            continue;
        uint8_t st = 0;
        itsm_rate r;
        int rc = itsm_deliveries_check(&st, &r, &d->delivered[i], &d->mask[i], &d->due[i], 1, c->as_of);
        if (rc != ITSM_OK)
            return rc;
        if (st == ITSM_DELIVERY_PENDING) {
            ri->pub.at_risk++;
            continue;
        }
        judged++;
        met += st == ITSM_DELIVERY_MET;
        if (st != ITSM_DELIVERY_MET) {
            itsm__breach b = {NULL, d->due[i], d->mask[i] ? d->delivered[i] : ITSM_CLOCK_NO_INSTANT, d->due[i],
                              d->mask[i] ? d->delivered[i] - d->due[i] : c->as_of - d->due[i], 0,
                              ITSM_CLOCK_BREACHED};
            rc = itsm__report_add_breach(ri, c, NULL, (int64_t)i, &b);
            if (rc != ITSM_OK)
                return rc;
        }
    }
    ri->pub.records = judged;
    ri->pub.numerator = met;
    ri->pub.denominator = judged;
    if (judged == 0)
        return ITSM_OK;
    ri->pub.has_value = 1;
    ri->pub.unit = ITSM_SLA_UNIT_PERCENT;
    ri->pub.value = 100.0 * (double)met / (double)judged;
    for (int level = 1; level <= 4; level++) {
        itsm_sla_level cell;
        int rc = itsm_sla_item_level(&cell, c->item, level);
        if (rc != ITSM_OK)
            return rc;
        if (cell.kind == ITSM_SLA_LEVEL_DEADLINE)
            m->verdicts[level - 1] = met == judged ? ITSM_SLA_VERDICT_MET : ITSM_SLA_VERDICT_MISSED;
    }
    return ITSM_OK;
}

int itsm__measure_ordinal(itsm_sla_measure *m, itsm__ritem *ri, const itsm__measure_ctx *c)
{
    int32_t k = itsm__strtab_find(&c->ds->declared_items, ri->id);
    if (k < 0)
        return itsm__report_unevaluable(ri, "no declared level (itsm_dataset_declare)");
    m->kind = ITSM_SLA_MEASURE_ORDINAL;
    m->ordinal = c->ds->declared[k];
    ri->pub.records = 1;
    return ITSM_OK;
}
