/* Level evaluation (itsm_sla_item_evaluate): which levels a measured value meets, the
 * highest one ("achieved"), whether the agreed one is met, the margin, the service credit
 * and what a miss means (a target missed is a finding, a guarantee missed a breach). */
#include "internal.h"
#include "sla/sla_internal.h"

#include <string.h>

/* The measured value, converted to the item's unit. */
typedef struct measured {
    bool has_number;
    itsm__rat number;
    bool has_rank;
    int32_t rank;
    const itsm_sla_verdict *verdicts;
} measured;

static bool satisfies(itsm__rat v, itsm_sla_op op, itsm__rat t)
{
    int c = itsm__rat_cmp(v, t);
    switch (op) {
    case ITSM_SLA_OP_LT: return c < 0;
    case ITSM_SLA_OP_LE: return c <= 0;
    case ITSM_SLA_OP_GE: return c >= 0;
    case ITSM_SLA_OP_GT:
    default: return c > 0;
    }
}

/* Whether the value (rather than a verdict) decides cell `c`. */
static bool value_decides(const itsm_sla_item *item, const itsm__sla_cell *c, const measured *m)
{
    if (c->kind == ITSM_SLA_LEVEL_THRESHOLD)
        return m->has_number && item->metric.aggregate != ITSM_SLA_AGGREGATE_SHARE_WITHIN;
    return c->kind == ITSM_SLA_LEVEL_ORDINAL && m->has_rank;
}

static itsm_sla_outcome verdict_outcome(itsm_sla_verdict v)
{
    return v == ITSM_SLA_VERDICT_MET ? ITSM_SLA_OUTCOME_MET
           : v == ITSM_SLA_VERDICT_MISSED ? ITSM_SLA_OUTCOME_MISSED : ITSM_SLA_OUTCOME_NO_DATA;
}

static itsm_sla_outcome cell_outcome(const itsm_sla_item *item, const itsm__sla_cell *c, const measured *m,
                                     itsm_sla_verdict verdict)
{
    switch (c->kind) {
    case ITSM_SLA_LEVEL_ABSENT: return ITSM_SLA_OUTCOME_ABSENT;
    case ITSM_SLA_LEVEL_NONE:
    case ITSM_SLA_LEVEL_UNDEFINED: return ITSM_SLA_OUTCOME_NO_REQUIREMENT;
    case ITSM_SLA_LEVEL_NOT_SUPPORTED: return ITSM_SLA_OUTCOME_NOT_SUPPORTED;
    case ITSM_SLA_LEVEL_PER_CONTRACT: return ITSM_SLA_OUTCOME_CONTRACT_VALUE_MISSING;
    default: break;
    }
    if (!value_decides(item, c, m))
        return verdict_outcome(verdict);
    bool ok = c->kind == ITSM_SLA_LEVEL_THRESHOLD ? satisfies(m->number, c->op, c->value) : m->rank >= c->rank;
    return ok ? ITSM_SLA_OUTCOME_MET : ITSM_SLA_OUTCOME_MISSED;
}

static bool counts_as_met(itsm_sla_outcome o)
{
    return o == ITSM_SLA_OUTCOME_MET || o == ITSM_SLA_OUTCOME_NO_REQUIREMENT || o == ITSM_SLA_OUTCOME_NOT_SUPPORTED;
}

/* Which kinds of values the item's levels take (a level whose contract value is missing
 * may take either: evaluation then says the value is missing). */
static void level_kinds(const itsm_sla_item *item, bool *numeric, bool *ordinal)
{
    *numeric = *ordinal = false;
    for (int i = 0; i < 5; i++) {
        const itsm__sla_cell *c = i == 4 ? &item->custom : &item->cells[i];
        bool open = c->kind == ITSM_SLA_LEVEL_PER_CONTRACT;
        *numeric = *numeric || open || c->kind == ITSM_SLA_LEVEL_THRESHOLD;
        *ordinal = *ordinal || open || c->kind == ITSM_SLA_LEVEL_ORDINAL;
    }
    *numeric = *numeric || item->has_credits;
}

static int read_number(measured *m, const itsm_sla_item *item, const itsm_sla_measure *in)
{
    itsm__rat v;
    int rc;
    if (in->kind == ITSM_SLA_MEASURE_NUMBER) {
        rc = itsm__rat_from_double(&v, in->number, false);
        if (rc == ITSM_EINVAL)
            return itsm__error(rc, "itsm_sla_item_evaluate: the measured number %g is negative or not finite",
                               in->number);
        if (rc != ITSM_OK)
            return itsm__error(rc, "itsm_sla_item_evaluate: the measured number %.17g is out of range",
                               in->number);
    } else if (itsm__rat_make(&v, in->numerator, in->denominator) != ITSM_OK) {
        return itsm__error(ITSM_EINVAL, "itsm_sla_item_evaluate: the fraction %lld/%lld is negative or its "
                                        "denominator is not positive",
                           (long long)in->numerator, (long long)in->denominator);
    }
    rc = itsm__rat_convert(&m->number, v, in->unit, item->unit);
    if (rc != ITSM_OK)
        return itsm__error_prefix(rc, "itsm_sla_item_evaluate");
    m->has_number = true;
    return ITSM_OK;
}

static int read_ordinal(measured *m, const itsm_sla_item *item, const char *name)
{
    if (name == NULL)
        return itsm__error(ITSM_EINVAL, "itsm_sla_item_evaluate: an ordinal measure without 'ordinal'");
    for (size_t i = 0; i < item->scale.count; i++) {
        if (strcmp(item->scale.names[i], name) == 0) {
            m->has_rank = true;
            m->rank = (int32_t)i;
            return ITSM_OK;
        }
    }
    char q[96];
    itsm__json_quote(q, sizeof q, name, 60);
    return itsm__error(ITSM_EINVAL, "itsm_sla_item_evaluate: %s is not on the scale of item \"%.60s\" (%zu names)",
                       q, item->texts[ITSM_SLA_TEXT_ID], item->scale.count);
}

static int read_measure(measured *m, const itsm_sla_item *item, const itsm_sla_measure *in)
{
    memset(m, 0, sizeof *m);
    m->verdicts = in->verdicts;
    if (in->version != ITSM_SLA_MEASURE_VERSION)
        return itsm__error(ITSM_EVERSION, "itsm_sla_item_evaluate: measure version %u is not %d", in->version,
                           ITSM_SLA_MEASURE_VERSION);
    for (int i = 0; i < 4; i++)
        if ((unsigned)in->verdicts[i] > ITSM_SLA_VERDICT_MISSED)
            return itsm__error(ITSM_EINVAL, "itsm_sla_item_evaluate: verdicts[%d] is not a verdict", i);
    bool numeric, ordinal;
    level_kinds(item, &numeric, &ordinal);
    switch (in->kind) {
    case ITSM_SLA_MEASURE_NONE: return ITSM_OK;
    case ITSM_SLA_MEASURE_NUMBER:
    case ITSM_SLA_MEASURE_FRACTION:
        if (!numeric)
            return itsm__error(ITSM_EINVAL, "itsm_sla_item_evaluate: item \"%.60s\" has no threshold level or credit "
                                            "band, so a number decides nothing",
                               item->texts[ITSM_SLA_TEXT_ID]);
        return read_number(m, item, in);
    case ITSM_SLA_MEASURE_ORDINAL:
        if (!ordinal)
            return itsm__error(ITSM_EINVAL, "itsm_sla_item_evaluate: item \"%.60s\" has no ordinal level",
                               item->texts[ITSM_SLA_TEXT_ID]);
        return read_ordinal(m, item, in->ordinal);
    default:
        return itsm__error(ITSM_EINVAL, "itsm_sla_item_evaluate: unknown measure kind %d", (int)in->kind);
    }
}

/* The margin against the agreed cell, when the value decided it. */
static void margin(itsm_sla_evaluation *out, const itsm_sla_item *item, const itsm__sla_cell *c, const measured *m)
{
    if (!value_decides(item, c, m))
        return;
    out->has_margin = 1;
    if (c->kind == ITSM_SLA_LEVEL_ORDINAL) {
        out->margin = (double)(m->rank - c->rank);
        return;
    }
    double d = itsm__rat_double(m->number) - itsm__rat_double(c->value);
    out->margin = c->op == ITSM_SLA_OP_GE || c->op == ITSM_SLA_OP_GT ? d : -d;
}

static void credit(itsm_sla_evaluation *out, const itsm_sla_item *item, const measured *m)
{
    if (item->commitment != ITSM_SLA_COMMITMENT_GUARANTEE || item->credit_count == 0 || !m->has_number)
        return;
    out->has_credit = 1;
    for (size_t i = 0; i < item->credit_count; i++)
        if (satisfies(m->number, item->credits[i].op, item->credits[i].value))
            out->credit_percent = itsm__rat_double(item->credits[i].percent);
}

static void conclude(itsm_sla_evaluation *out, const itsm_sla_item *item)
{
    static const char *const reasons[] = {
        [ITSM_SLA_OUTCOME_ABSENT] = "the agreed level is not in the level table",
        [ITSM_SLA_OUTCOME_MET] = "met",
        [ITSM_SLA_OUTCOME_MISSED] = "missed",
        [ITSM_SLA_OUTCOME_NO_REQUIREMENT] = "the agreed level asks nothing (none or undefined)",
        [ITSM_SLA_OUTCOME_NOT_SUPPORTED] = "the agreed level does not offer this item (not supported)",
        [ITSM_SLA_OUTCOME_NO_DATA] = "no measured value or verdict decides the agreed level",
        [ITSM_SLA_OUTCOME_CONTRACT_VALUE_MISSING] = "per contract value missing",
    };
    out->met = counts_as_met(out->agreed);
    out->reason = reasons[out->agreed];
    if (out->met) {
        out->consequence = ITSM_SLA_CONSEQUENCE_NONE;
    } else if (out->agreed != ITSM_SLA_OUTCOME_MISSED) {
        out->consequence = ITSM_SLA_CONSEQUENCE_UNDETERMINED;
    } else if (item->commitment == ITSM_SLA_COMMITMENT_TARGET) {
        out->consequence = ITSM_SLA_CONSEQUENCE_FINDING;
        out->reason = "target missed: a finding";
    } else if (item->commitment == ITSM_SLA_COMMITMENT_GUARANTEE) {
        out->consequence = ITSM_SLA_CONSEQUENCE_BREACH;
        out->reason = "guarantee missed: a breach of contract";
    } else {
        out->consequence = ITSM_SLA_CONSEQUENCE_UNDETERMINED;
        out->reason = "missed, but the item does not say whether it is a target or a guarantee";
    }
    if (out->agreed_level == 0) {
        out->consequence = ITSM_SLA_CONSEQUENCE_UNDETERMINED;
        out->reason = "the agreed level is not stated";
    }
}

itsm_status itsm_sla_item_evaluate(itsm_sla_evaluation *out, const itsm_sla_item *item,
                                   const itsm_sla_measure *measure)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(item);
    ITSM__CHECK_ARG(measure);
    measured m;
    int rc = read_measure(&m, item, measure);
    if (rc != ITSM_OK)
        return rc;
    for (int i = 0; i < 4; i++) {
        if (measure->verdicts[i] != ITSM_SLA_VERDICT_UNKNOWN && value_decides(item, &item->cells[i], &m))
            return itsm__error(ITSM_EINVAL, "itsm_sla_item_evaluate: verdicts[%d] is given, but the measured value "
                                            "decides L%d",
                               i, i + 1);
    }
    itsm_sla_evaluation r;
    memset(&r, 0, sizeof r);
    for (int i = 0; i < 4; i++) {
        r.levels[i] = cell_outcome(item, &item->cells[i], &m, measure->verdicts[i]);
        if (counts_as_met(r.levels[i]))
            r.achieved_level = i + 1;
    }
    r.agreed_level = item->agreed;
    const itsm__sla_cell *agreed = item->agreed == ITSM_SLA_CUSTOM ? &item->custom
                                   : item->agreed > 0              ? &item->cells[item->agreed - 1]
                                                                   : NULL;
    if (agreed != NULL) {
        /* A custom value has no verdict slot: only the value decides it. */
        r.agreed = item->agreed == ITSM_SLA_CUSTOM ? cell_outcome(item, agreed, &m, ITSM_SLA_VERDICT_UNKNOWN)
                                                   : r.levels[item->agreed - 1];
        margin(&r, item, agreed, &m);
    }
    credit(&r, item, &m);
    conclude(&r, item);
    *out = r;
    return ITSM_OK;
}

itsm_status itsm_sla_item_share_verdict(itsm_sla_verdict *out, const itsm_sla_item *item, int64_t within,
                                        int64_t total)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(item);
    if (item->metric.aggregate != ITSM_SLA_AGGREGATE_SHARE_WITHIN)
        return itsm__error(ITSM_EINVAL, "itsm_sla_item_share_verdict: item \"%.60s\" does not aggregate "
                                        "\"share_within\"",
                           item->texts[ITSM_SLA_TEXT_ID]);
    if (within < 0 || total < 0 || within > total)
        return itsm__error(ITSM_EINVAL, "itsm_sla_item_share_verdict: within %lld of %lld is not a share",
                           (long long)within, (long long)total);
    if (total == 0) {
        *out = ITSM_SLA_VERDICT_UNKNOWN;
        return ITSM_OK;
    }
    itsm__rat share, need;
    if (itsm__rat_scale(&share, (itsm__rat){within, 1}, 1, total) != ITSM_OK ||
        itsm__rat_scale(&need, item->metric.required_percent, 1, 100) != ITSM_OK)
        return itsm__error(ITSM_ERANGE, "itsm_sla_item_share_verdict: overflow");
    *out = itsm__rat_cmp(share, need) >= 0 ? ITSM_SLA_VERDICT_MET : ITSM_SLA_VERDICT_MISSED;
    return ITSM_OK;
}
