/* Measuring one SLA item over a period: per-record durations (clocks and spans), their
 * aggregation against the level table, and the other metric kinds of metrics.h. */
#include "common/internal.h"
#include "report/measure.h"

#include <stdio.h>
#include <string.h>

int64_t itsm__report_unit_seconds(itsm_sla_unit unit)
{
    static const int64_t seconds[] = {0, 1, 60, 3600, 86400, 604800};
    return unit >= ITSM_SLA_UNIT_SECOND && unit <= ITSM_SLA_UNIT_WEEK ? seconds[unit] : 0;
}

int itsm__report_unevaluable(itsm__ritem *ri, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    itsm__free(ri->reason);
    ri->reason = itsm__strdup(buf, "report reason");
    if (ri->reason == NULL)
        return ITSM_ENOMEM;
    ri->pub.verdict = ITSM_REPORT_NOT_EVALUABLE;
    ri->pub.reason = ri->reason;
    return ITSM_REPORT__DONE;
}

/* ---- level limits ------------------------------------------------------------------------------ */

/* The largest whole number of seconds a threshold cell allows (dur <= limit is within).
 * ITSM_EINVAL for a comparator a duration cannot have. */
int itsm__report_limit(int64_t *out, const itsm_sla_level *cell, itsm_sla_unit unit)
{
    int64_t us = itsm__report_unit_seconds(unit);
    if (us == 0)
        return ITSM_EINVAL;
    if (cell->op != ITSM_SLA_OP_LE && cell->op != ITSM_SLA_OP_LT)
        return ITSM_EINVAL;
    int64_t num = 0;
    if (__builtin_mul_overflow(cell->value_num, us, &num)) {
        *out = INT64_MAX / 2;
        return ITSM_OK;
    }
    int64_t q = num / cell->value_den, r = num % cell->value_den;
    *out = cell->op == ITSM_SLA_OP_LE ? q : (r == 0 ? q - 1 : q);
    return ITSM_OK;
}

/* ---- aggregation of per-record durations ------------------------------------------------------- */

static void verdict_of_all(itsm_sla_measure *m, int level, int64_t missed, int64_t total)
{
    if (total > 0)
        m->verdicts[level - 1] = missed == 0 ? ITSM_SLA_VERDICT_MET : ITSM_SLA_VERDICT_MISSED;
}

/* Verdicts of the levels the value does not decide. Threshold levels under share_within
 * count records within their limit; the agreed deadline level uses the clock's verdicts. */
static int level_verdicts(itsm_sla_measure *m, const itsm__measure_ctx *c, const itsm__durations *d)
{
    for (int level = 1; level <= 4; level++) {
        itsm_sla_level cell;
        int rc = itsm_sla_item_level(&cell, c->item, level);
        if (rc != ITSM_OK)
            return rc;
        bool share = c->metric.aggregate == ITSM_SLA_AGGREGATE_SHARE_WITHIN;
        if (cell.kind == ITSM_SLA_LEVEL_THRESHOLD && share) {
            int64_t limit = 0, within = 0;
            if (itsm__report_limit(&limit, &cell, c->unit) != ITSM_OK)
                continue;
            for (size_t i = 0; i < d->n; i++)
                within += d->seconds[i] <= limit;
            rc = itsm_sla_item_share_verdict(&m->verdicts[level - 1], c->item, within, (int64_t)d->n);
        } else if (cell.kind == ITSM_SLA_LEVEL_DEADLINE && level == c->target_level) {
            if (share) {
                rc = itsm_sla_item_share_verdict(&m->verdicts[level - 1], c->item, (int64_t)d->n - d->breached,
                                                 (int64_t)d->n);
            } else if (c->metric.aggregate != ITSM_SLA_AGGREGATE_AVERAGE &&
                       c->metric.aggregate != ITSM_SLA_AGGREGATE_PERCENTILE) {
                verdict_of_all(m, level, d->breached, (int64_t)d->n);
            }
        }
        if (rc != ITSM_OK)
            return rc;
    }
    return ITSM_OK;
}

int itsm__report_aggregate(itsm_sla_measure *m, itsm__ritem *ri, const itsm__measure_ctx *c,
                           const itsm__durations *d)
{
    itsm_report_item *p = &ri->pub;
    p->records = (int64_t)d->n;
    int rc = level_verdicts(m, c, d);
    if (rc != ITSM_OK || d->n == 0)
        return rc;
    int64_t us = itsm__report_unit_seconds(c->unit);
    double scale = us > 0 ? (double)us : 1.0;
    switch (c->metric.aggregate) {
    case ITSM_SLA_AGGREGATE_SHARE_WITHIN:
        p->numerator = (int64_t)d->n - d->breached;
        p->denominator = (int64_t)d->n;
        p->has_value = 1;
        p->unit = ITSM_SLA_UNIT_PERCENT;
        p->value = 100.0 * (double)p->numerator / (double)p->denominator;
        return ITSM_OK;
    case ITSM_SLA_AGGREGATE_AVERAGE: {
        itsm_duration_stats st;
        rc = itsm_durations_summarize(&st, d->seconds, NULL, d->n, 0);
        if (rc != ITSM_OK)
            return rc;
        p->numerator = st.mean.numerator;
        p->denominator = st.mean.denominator;
        m->kind = ITSM_SLA_MEASURE_FRACTION;
        m->numerator = st.mean.numerator;
        m->denominator = st.mean.denominator;
        m->unit = ITSM_SLA_UNIT_SECOND;
        p->has_value = 1;
        p->value = st.mean.ratio / scale;
        return ITSM_OK;
    }
    case ITSM_SLA_AGGREGATE_PERCENTILE: {
        int64_t rank = (int64_t)(c->metric.p * 1e7 + 0.5), v = 0; /* percent to ppb */
        size_t count = 0;
        rc = itsm_durations_percentiles(&v, &count, d->seconds, NULL, d->n, &rank, 1);
        if (rc != ITSM_OK)
            return rc;
        m->kind = ITSM_SLA_MEASURE_NUMBER;
        m->number = (double)v;
        m->unit = ITSM_SLA_UNIT_SECOND;
        p->has_value = 1;
        p->value = (double)v / scale;
        return ITSM_OK;
    }
    default: { /* max, or each record on its own */
        int64_t max = 0;
        for (size_t i = 0; i < d->n; i++)
            max = d->seconds[i] > max ? d->seconds[i] : max;
        m->kind = ITSM_SLA_MEASURE_NUMBER;
        m->number = (double)max;
        m->unit = ITSM_SLA_UNIT_SECOND;
        p->has_value = 1;
        p->value = (double)max / scale;
        return ITSM_OK;
    }
    }
}

/* ---- breaches ---------------------------------------------------------------------------------- */

int itsm__report_add_breach(itsm__ritem *ri, const itsm__measure_ctx *c, const char *record, int64_t index,
                            const itsm__breach *b)
{
    ri->pub.breaches_total++;
    if (c->max_breaches != 0 && ri->n_breaches >= c->max_breaches)
        return ITSM_OK;
    int rc = itsm__reserve((void **)&ri->breaches, &ri->breach_cap, ri->n_breaches + 1, sizeof *ri->breaches,
                           "report breaches");
    if (rc != ITSM_OK)
        return rc;
    char buf[32];
    if (record == NULL)
        snprintf(buf, sizeof buf, "#%lld", (long long)index);
    itsm__breach *dst = &ri->breaches[ri->n_breaches];
    *dst = *b;
    dst->record = itsm__strdup(record != NULL ? record : buf, "report breach");
    if (dst->record == NULL)
        return ITSM_ENOMEM;
    ri->n_breaches++;
    ri->pub.breach_count = ri->n_breaches;
    return ITSM_OK;
}

/* Whether instant t lies in the period. */
bool itsm__report_in_period(const itsm__measure_ctx *c, itsm_instant t)
{
    return t != ITSM_CLOCK_NO_INSTANT && t >= c->period.from && t < c->period.to;
}
