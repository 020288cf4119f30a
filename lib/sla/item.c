/* SLA items: memory, accessors and names (itsm/sla.h). */
#include "internal.h"
#include "model/agreement_internal.h"
#include "sla/sla_internal.h"

#include <string.h>

const char *const itsm__sla_unit_words[] = {"",      "second",  "minute", "hour",  "day",        "week",
                                            "month", "year",    "percent", "ratio", "count", "person_day",
                                            "time_band", "text", NULL};
const char *const itsm__sla_period_words[] = {"",     "none", "day",      "week",    "month",
                                              "quarter", "year", "contract", "rolling", NULL};
const char *const itsm__sla_op_words[] = {"<", "<=", ">=", ">", NULL};
const char *const itsm__sla_level_names[] = {"L1", "L2", "L3", "L4", NULL};
const char *const itsm__sla_metric_words[] = {"",
                                              "duration",
                                              "average_duration",
                                              "call_rate",
                                              "availability",
                                              "count",
                                              "interval",
                                              "rpo",
                                              "rto",
                                              "notification_delay",
                                              "report_deadline",
                                              "ordinal",
                                              "service_hours",
                                              NULL};
const char *const itsm__sla_aggregate_words[] = {"", "share_within", "max", "average", "percentile", NULL};
const char *const itsm__sla_rate_words[] = {"", "answer", "abandon", "busy", "callback", "speed_of_answer", NULL};

static const char *const commitment_words[] = {"", "target", "guarantee", NULL};
static const char *const level_kind_words[] = {"absent", "threshold", "deadline", "ordinal", "none",
                                               "not_supported", "undefined", "per_contract", NULL};
static const char *const outcome_words[] = {"absent",         "met",     "missed", "no_requirement",
                                            "not_supported", "no_data", "contract_value_missing", NULL};
static const char *const consequence_words[] = {"none", "finding", "breach", "undetermined", NULL};

itsm_sla_item *itsm__sla_item_new(void)
{
    itsm_sla_item *item = itsm__calloc(1, sizeof *item, "SLA item");
    if (item == NULL)
        return NULL;
    itsm__sla_metric *m = &item->metric;
    m->answer_threshold = m->short_abandon = m->min_outage = m->monitoring_interval = -1;
    m->exclude_planned = -1;
    return item;
}

int itsm__sla_own(itsm_sla_item *item, void *ptr)
{
    void *owned = item->owned;
    int rc = ptr == NULL ? ITSM_ENOMEM
                         : itsm__reserve(&owned, &item->owned_cap, item->owned_count + 1, sizeof(void *), "SLA item");
    if (rc != ITSM_OK) {
        itsm__free(ptr);
        return ITSM_ENOMEM;
    }
    item->owned = owned;
    item->owned[item->owned_count++] = ptr;
    return ITSM_OK;
}

const char *itsm__sla_strdup(itsm_sla_item *item, const char *text)
{
    char *copy = itsm__strdup(text, "SLA item text");
    return itsm__sla_own(item, copy) == ITSM_OK ? copy : NULL;
}

void *itsm__sla_calloc(itsm_sla_item *item, size_t count, size_t size)
{
    void *p = itsm__calloc(count == 0 ? 1 : count, size, "SLA item");
    return itsm__sla_own(item, p) == ITSM_OK ? p : NULL;
}

void itsm_sla_item_free(itsm_sla_item *item)
{
    if (item == NULL)
        return;
    for (size_t i = 0; i < item->owned_count; i++)
        itsm__free(item->owned[i]);
    itsm__free(item->owned);
    itsm__free(item);
}

/* Element `index` of "sla_items" of an agreement's or a service's root node (NULL root: none). */
static const itsm_sla_item *sla_item_of(const itsm__anode *root, size_t index)
{
    const itsm__anode *n = itsm__anode_get(root, "sla_items");
    return n == NULL || index >= n->count ? NULL : n->items[index].sla;
}

const itsm_sla_item *itsm_agreement_sla_item(const itsm_agreement *agreement, size_t index)
{
    return sla_item_of(agreement == NULL ? NULL : &agreement->root, index);
}

const itsm_sla_item *itsm_service_sla_item(const itsm_service *service, size_t index)
{
    return sla_item_of(service == NULL ? NULL : &service->root, index);
}

const char *itsm_sla_item_text(const itsm_sla_item *item, itsm_sla_text field)
{
    if (item == NULL || (unsigned)field >= ITSM__SLA_TEXTS)
        return NULL;
    return item->texts[field];
}

itsm_sla_unit itsm_sla_item_unit(const itsm_sla_item *item)
{
    return item == NULL ? ITSM_SLA_UNIT_NONE : item->unit;
}

itsm_sla_commitment itsm_sla_item_commitment(const itsm_sla_item *item)
{
    return item == NULL ? ITSM_SLA_COMMITMENT_NONE : item->commitment;
}

itsm_sla_period itsm_sla_item_period(const itsm_sla_item *item)
{
    return item == NULL ? ITSM_SLA_PERIOD_UNSTATED : item->period;
}

int32_t itsm_sla_item_window_days(const itsm_sla_item *item)
{
    return item == NULL ? 0 : item->window_days;
}

int itsm_sla_item_agreed_level(const itsm_sla_item *item)
{
    return item == NULL ? 0 : item->agreed;
}

static void level_view(itsm_sla_level *out, const itsm__sla_cell *c)
{
    memset(out, 0, sizeof *out);
    out->kind = c->kind;
    out->per_contract = c->per_contract;
    out->text = c->per_contract && c->contract_text != NULL ? c->contract_text : c->text;
    if (c->kind == ITSM_SLA_LEVEL_THRESHOLD) {
        out->op = c->op;
        out->value = itsm__rat_double(c->value);
        out->value_num = c->value.num;
        out->value_den = c->value.den;
    } else if (c->kind == ITSM_SLA_LEVEL_DEADLINE) {
        out->deadline = c->words;
    } else if (c->kind == ITSM_SLA_LEVEL_ORDINAL) {
        out->ordinal = c->words;
        out->rank = c->rank;
    }
}

itsm_status itsm_sla_item_level(itsm_sla_level *out, const itsm_sla_item *item, int level)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(item);
    if (level < 1 || level > ITSM_SLA_CUSTOM)
        return itsm__error(ITSM_EINVAL, "itsm_sla_item_level: level %d is not 1..4 or ITSM_SLA_CUSTOM (5)", level);
    level_view(out, level == ITSM_SLA_CUSTOM ? &item->custom : &item->cells[level - 1]);
    return ITSM_OK;
}

size_t itsm_sla_item_scale_count(const itsm_sla_item *item)
{
    return item == NULL ? 0 : item->scale.count;
}

const char *itsm_sla_item_scale_name(const itsm_sla_item *item, size_t rank)
{
    return item == NULL || rank >= item->scale.count ? NULL : item->scale.names[rank];
}

static itsm_sla_names names_view(const itsm__sla_names *n)
{
    return (itsm_sla_names){n->names, n->count};
}

itsm_status itsm_sla_item_metric(itsm_sla_metric *out, const itsm_sla_item *item)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(item);
    const itsm__sla_metric *m = &item->metric;
    *out = (itsm_sla_metric){
        .kind = m->kind,
        .start = names_view(&m->start),
        .pause = names_view(&m->pause),
        .stop = names_view(&m->stop),
        .cancel = names_view(&m->cancel),
        .reopen = m->reopen,
        .retarget = m->retarget,
        .aggregate = m->aggregate,
        .p = m->has_p ? itsm__rat_double(m->p) : 0.0,
        .required_percent = m->has_required ? itsm__rat_double(m->required_percent) : 0.0,
        .rate = m->rate,
        .variant = m->variant,
        .answer_threshold = m->answer_threshold,
        .short_abandon = m->short_abandon,
        .repeat_days = m->repeat_days,
        .exclude_planned = m->exclude_planned,
        .min_outage = m->min_outage,
        .monitoring_interval = m->monitoring_interval,
        .partial = m->partial,
        .critical_functions = names_view(&m->critical_functions),
        .exclusions = names_view(&m->exclusions),
        .events = names_view(&m->events),
        .report = m->report,
    };
    return ITSM_OK;
}

itsm_status itsm_sla_item_selector(itsm_sla_selector *out, const itsm_sla_item *item)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(item);
    *out = (itsm_sla_selector){item->priorities, item->priority_count, names_view(&item->categories),
                               names_view(&item->services), names_view(&item->cis)};
    return ITSM_OK;
}

/* A stated list must hold `value`; an unstated one holds anything. */
static bool names_select(const itsm__sla_names *n, const char *value)
{
    if (n->count == 0)
        return true;
    for (size_t i = 0; value != NULL && i < n->count; i++)
        if (strcmp(n->names[i], value) == 0)
            return true;
    return false;
}

itsm_status itsm_sla_item_selects(int *out, const itsm_sla_item *item, int32_t priority, const char *category,
                                  const char *service, const char *ci)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(item);
    bool prio = item->priority_count == 0;
    for (size_t i = 0; !prio && i < item->priority_count; i++)
        prio = item->priorities[i] == priority;
    *out = prio && names_select(&item->categories, category) && names_select(&item->services, service) &&
           names_select(&item->cis, ci);
    return ITSM_OK;
}

size_t itsm_sla_item_credit_count(const itsm_sla_item *item)
{
    return item == NULL ? 0 : item->credit_count;
}

itsm_status itsm_sla_item_credit(itsm_sla_credit *out, const itsm_sla_item *item, size_t index)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(item);
    if (index >= item->credit_count)
        return itsm__error(ITSM_ERANGE, "itsm_sla_item_credit: index %zu is out of range (%zu bands)", index,
                           item->credit_count);
    const itsm__sla_credit *c = &item->credits[index];
    *out = (itsm_sla_credit){c->op, itsm__rat_double(c->value), c->value.num, c->value.den,
                             itsm__rat_double(c->percent)};
    return ITSM_OK;
}

itsm_status itsm_sla_name(const char **out, itsm_sla_enum which, int value)
{
    ITSM__CHECK_ARG(out);
    static const char *const *const tables[] = {
        itsm__sla_unit_words,   commitment_words,          itsm__sla_period_words, level_kind_words,
        itsm__sla_op_words,     itsm__sla_metric_words,    itsm__sla_aggregate_words, itsm__sla_rate_words,
        outcome_words,          consequence_words};
    if ((unsigned)which >= sizeof tables / sizeof tables[0])
        return itsm__error(ITSM_EINVAL, "itsm_sla_name: unknown enumeration %d", (int)which);
    const char *const *words = tables[which];
    for (int i = 0; words[i] != NULL; i++) {
        if (i == value) {
            *out = words[i];
            return ITSM_OK;
        }
    }
    return itsm__error(ITSM_EINVAL, "itsm_sla_name: %d is not a value of enumeration %d", value, (int)which);
}
