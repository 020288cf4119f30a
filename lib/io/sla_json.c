/* SLA item documents (docs/schema/sla_item.schema.json, "itsm_schema": 1): reader and
 * canonical writer, for standalone items and for the items of agreements.
 *
 * The reader is strict about shape (an unknown key, a wrong type, an empty string, a word
 * outside its enumeration, a level of two kinds, a metric parameter of another kind is an
 * error naming its JSON path) and lenient about completeness (only "id" is required; the
 * agreement lint reports what is missing). Numbers are decimals kept exactly; the writer
 * puts members in the order of `item_keys`, so a loaded item saved again is the same text. */
#include "internal.h"
#include "io/sla_json.h"
#include "sla/sla_internal.h"

#include <jansson.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ITSM__SLA_SCHEMA 1

static const char *const item_keys[] = {"id",       "name",     "group",        "process", "content",
                                        "measurement", "unit",  "kind",         "period",  "window_days",
                                        "calendar", "metric",   "selector",     "scale",   "level",
                                        "custom_level", "levels", "credits",    "note",    NULL};
static const char *const cell_keys[] = {"op",        "value",        "deadline",       "ordinal", "none",
                                        "not_supported", "undefined", "per_contract", "contract_value", "text",
                                        NULL};
static const char *const value_keys[] = {"op", "value", "deadline", "ordinal", "text", NULL};
static const char *const agreed_words[] = {"", "L1", "L2", "L3", "L4", "custom", NULL};
static const char *const commitment_words[] = {"", "target", "guarantee", NULL};

/* Metric parameters in canonical order; each kind allows a subset (bit i = key i). */
static const char *const metric_keys[] = {"kind",
                                          "start",
                                          "pause",
                                          "stop",
                                          "cancel",
                                          "reopen",
                                          "retarget",
                                          "aggregate",
                                          "p",
                                          "required_percent",
                                          "rate",
                                          "variant",
                                          "answer_threshold",
                                          "short_abandon",
                                          "repeat_days",
                                          "exclude_planned",
                                          "min_outage",
                                          "monitoring_interval",
                                          "partial",
                                          "critical_functions",
                                          "exclusions",
                                          "events",
                                          "report",
                                          NULL};
#define M_CLOCK 0x7Eu      /* start .. retarget */
#define M_AGG 0x380u       /* aggregate, p, required_percent */
#define M_RATE 0x7C00u     /* rate .. repeat_days */
#define M_AVAIL 0x1F8000u  /* exclude_planned .. exclusions */
#define M_EVENTS 0x200000u /* events */
#define M_REPORT 0x400000u /* report */
static const unsigned metric_params[] = {
    [ITSM_SLA_METRIC_DURATION] = M_CLOCK | M_AGG,  [ITSM_SLA_METRIC_AVERAGE_DURATION] = M_CLOCK,
    [ITSM_SLA_METRIC_CALL_RATE] = M_RATE,          [ITSM_SLA_METRIC_AVAILABILITY] = M_AVAIL,
    [ITSM_SLA_METRIC_COUNT] = M_EVENTS,            [ITSM_SLA_METRIC_INTERVAL] = M_EVENTS,
    [ITSM_SLA_METRIC_RPO] = M_EVENTS,              [ITSM_SLA_METRIC_RTO] = M_CLOCK | M_AGG,
    [ITSM_SLA_METRIC_NOTIFICATION_DELAY] = M_CLOCK | M_AGG, [ITSM_SLA_METRIC_REPORT_DEADLINE] = M_REPORT,
    [ITSM_SLA_METRIC_ORDINAL] = 0,                 [ITSM_SLA_METRIC_SERVICE_HOURS] = 0};

static const char *const reopen_words[] = {"", "continue", "new_cycle", NULL};
static const char *const retarget_words[] = {"", "retroactive", "restart", NULL};
static const char *const partial_words[] = {"", "full", "weighted", "critical_only", NULL};
/* Formula variants by rate (METRICS.md section 4); the first is the default. */
static const char *const answer_variants[] = {"answered_and_abandoned", "abandoned_within_counts", "answered_only",
                                              "late_abandons_excluded", "short_abandons_count", NULL};
static const char *const abandon_variants[] = {"offered", "short_excluded", "busy_in_denominator", NULL};
static const char *const busy_variants[] = {"attempts", NULL};
static const char *const callback_variants[] = {"handled", "repeat_contact", "requests_over_offered", NULL};
static const char *const speed_variants[] = {"answered", NULL};
static const char *const *const rate_variants[] = {NULL, answer_variants, abandon_variants, busy_variants,
                                                   callback_variants, speed_variants};

/* ---- reading: values ------------------------------------------------------------------- */

static int get_text(const char **out, itsm_sla_item *item, const json_t *v, const itsm__jpath *p)
{
    const char *text = NULL;
    int rc = itsm__json_get_string(&text, v, p);
    if (rc == ITSM_OK && text[0] == '\0')
        rc = itsm__jpath_error(ITSM_EINVAL, p, "must not be empty");
    if (rc == ITSM_OK && (*out = itsm__sla_strdup(item, text)) == NULL)
        rc = ITSM_ENOMEM;
    return rc;
}

/* Word member `key` of `obj` as its index in `words` (whose entry 0 is "" = absent). */
static int get_word_member(int *out, const json_t *obj, const char *key, const char *const *words,
                           const itsm__jpath *p)
{
    *out = 0;
    const json_t *v = json_object_get(obj, key);
    if (v == NULL)
        return ITSM_OK;
    itsm__jpath kp = itsm__jpath_key(p, key);
    int index;
    int rc = itsm__json_get_word(&index, v, words + 1, &kp);
    *out = index + 1;
    return rc;
}

static int get_rat(itsm__rat *out, const json_t *v, const itsm__jpath *p)
{
    if (json_is_integer(v)) {
        if (json_integer_value(v) < 0)
            return itsm__jpath_error(ITSM_ERANGE, p, "must not be negative");
        *out = (itsm__rat){(int64_t)json_integer_value(v), 1};
        return ITSM_OK;
    }
    if (!json_is_real(v))
        return itsm__json_type_error(v, "a number", p);
    int rc = itsm__rat_from_double(out, json_real_value(v), true);
    if (rc == ITSM_EINVAL)
        return itsm__jpath_error(ITSM_ERANGE, p, "must not be negative");
    if (rc != ITSM_OK)
        return itsm__jpath_error(ITSM_ERANGE, p, "%.17g has more than 15 significant digits", json_real_value(v));
    return ITSM_OK;
}

/* A number in (0, max] (or (0, max) when `open`), for percents. */
static int get_share(itsm__rat *out, const json_t *v, int64_t max, bool open, const itsm__jpath *p)
{
    int rc = get_rat(out, v, p);
    if (rc != ITSM_OK)
        return rc;
    int c = itsm__rat_cmp(*out, (itsm__rat){max, 1});
    if (out->num == 0 || c > 0 || (open && c == 0))
        return itsm__jpath_error(ITSM_ERANGE, p, "must be above 0 and %s %lld", open ? "below" : "at most",
                                 (long long)max);
    return ITSM_OK;
}

static int get_int(int64_t *out, const json_t *v, int64_t min, int64_t max, const itsm__jpath *p)
{
    if (!json_is_integer(v))
        return itsm__json_type_error(v, "an integer", p);
    json_int_t x = json_integer_value(v);
    if (x < min || x > max)
        return itsm__jpath_error(ITSM_ERANGE, p, "%lld is outside %lld .. %lld", (long long)x, (long long)min,
                                 (long long)max);
    *out = (int64_t)x;
    return ITSM_OK;
}

/* A non-empty array of distinct non-empty strings. */
static int get_names(itsm__sla_names *out, itsm_sla_item *item, const json_t *v, const itsm__jpath *p)
{
    int rc = itsm__json_need_array(v, p);
    if (rc == ITSM_OK && json_array_size(v) == 0)
        rc = itsm__jpath_error(ITSM_EINVAL, p, "must not be empty (leave the key out instead)");
    if (rc != ITSM_OK)
        return rc;
    size_t n = json_array_size(v);
    out->names = itsm__sla_calloc(item, n, sizeof *out->names);
    if (out->names == NULL)
        return ITSM_ENOMEM;
    for (size_t i = 0; rc == ITSM_OK && i < n; i++) {
        itsm__jpath ip = itsm__jpath_index(p, i);
        rc = get_text(&out->names[i], item, json_array_get(v, i), &ip);
        for (size_t j = 0; rc == ITSM_OK && j < i; j++)
            if (strcmp(out->names[j], out->names[i]) == 0)
                rc = itsm__jpath_error(ITSM_EINVAL, &ip, "repeats [%zu]", j);
    }
    out->count = n;
    return rc;
}

/* A flag that is either absent or true. */
static int get_flag(bool *out, const json_t *obj, const char *key, const itsm__jpath *p)
{
    const json_t *v = json_object_get(obj, key);
    *out = false;
    if (v == NULL)
        return ITSM_OK;
    itsm__jpath kp = itsm__jpath_key(p, key);
    int rc = itsm__json_get_bool(out, v, &kp);
    if (rc == ITSM_OK && !*out)
        rc = itsm__jpath_error(ITSM_EINVAL, &kp, "must be true (leave the key out otherwise)");
    return rc;
}

/* ---- reading: levels --------------------------------------------------------------------- */

static int read_threshold(itsm__sla_cell *c, const json_t *v, const itsm__jpath *p)
{
    const json_t *op = NULL, *value = NULL;
    int rc = itsm__json_member(&op, v, "op", p);
    if (rc == ITSM_OK)
        rc = itsm__json_member(&value, v, "value", p);
    itsm__jpath op_p = itsm__jpath_key(p, "op"), value_p = itsm__jpath_key(p, "value");
    int index = 0;
    if (rc == ITSM_OK)
        rc = itsm__json_get_word(&index, op, itsm__sla_op_words, &op_p);
    if (rc == ITSM_OK)
        rc = get_rat(&c->value, value, &value_p);
    c->kind = ITSM_SLA_LEVEL_THRESHOLD;
    c->op = (itsm_sla_op)index;
    return rc;
}

static int read_words(itsm__sla_cell *c, itsm_sla_item *item, const json_t *v, const char *key,
                      itsm_sla_level_kind kind, const itsm__jpath *p)
{
    itsm__jpath kp = itsm__jpath_key(p, key);
    c->kind = kind;
    return get_text(&c->words, item, json_object_get(v, key), &kp);
}

static int read_cell(itsm__sla_cell *c, itsm_sla_item *item, const json_t *v, bool value_only, const itsm__jpath *p);

static int read_per_contract(itsm__sla_cell *c, itsm_sla_item *item, const json_t *v, const itsm__jpath *p)
{
    c->kind = ITSM_SLA_LEVEL_PER_CONTRACT;
    c->per_contract = true;
    const json_t *cv = json_object_get(v, "contract_value");
    if (cv == NULL)
        return ITSM_OK;
    itsm__jpath cp = itsm__jpath_key(p, "contract_value");
    itsm__sla_cell value;
    memset(&value, 0, sizeof value);
    int rc = read_cell(&value, item, cv, true, &cp);
    c->kind = value.kind;
    c->op = value.op;
    c->value = value.value;
    c->words = value.words;
    c->contract_text = value.text;
    return rc;
}

/* A level cell, or with `value_only` a contract value or custom level (threshold,
 * deadline or ordinal). */
static int read_cell(itsm__sla_cell *c, itsm_sla_item *item, const json_t *v, bool value_only, const itsm__jpath *p)
{
    int rc = itsm__json_need_object(v, p);
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(v, value_only ? value_keys : cell_keys, p);
    bool none = false, ns = false, undef = false, pc = false;
    if (rc == ITSM_OK && !value_only) {
        rc = get_flag(&none, v, "none", p);
        if (rc == ITSM_OK)
            rc = get_flag(&ns, v, "not_supported", p);
        if (rc == ITSM_OK)
            rc = get_flag(&undef, v, "undefined", p);
        if (rc == ITSM_OK)
            rc = get_flag(&pc, v, "per_contract", p);
    }
    if (rc != ITSM_OK)
        return rc;
    bool threshold = json_object_get(v, "op") != NULL || json_object_get(v, "value") != NULL;
    bool deadline = json_object_get(v, "deadline") != NULL, ordinal = json_object_get(v, "ordinal") != NULL;
    int kinds = threshold + deadline + ordinal + none + ns + undef + pc;
    if (kinds != 1)
        return itsm__jpath_error(ITSM_EINVAL, p, "%s exactly one of: a threshold (\"op\" and \"value\"), "
                                                 "\"deadline\", \"ordinal\"%s",
                                 kinds == 0 ? "a level needs" : "a level is",
                                 value_only ? "" : ", \"none\", \"not_supported\", \"undefined\", \"per_contract\"");
    if (json_object_get(v, "contract_value") != NULL && !pc)
        return itsm__jpath_error(ITSM_EINVAL, p, "\"contract_value\" belongs to a \"per_contract\" level");
    const json_t *text = json_object_get(v, "text");
    if (text != NULL) {
        itsm__jpath tp = itsm__jpath_key(p, "text");
        rc = get_text(&c->text, item, text, &tp);
    }
    if (rc != ITSM_OK)
        return rc;
    if (threshold)
        return read_threshold(c, v, p);
    if (deadline)
        return read_words(c, item, v, "deadline", ITSM_SLA_LEVEL_DEADLINE, p);
    if (ordinal)
        return read_words(c, item, v, "ordinal", ITSM_SLA_LEVEL_ORDINAL, p);
    if (pc)
        return read_per_contract(c, item, v, p);
    c->kind = none ? ITSM_SLA_LEVEL_NONE : ns ? ITSM_SLA_LEVEL_NOT_SUPPORTED : ITSM_SLA_LEVEL_UNDEFINED;
    return ITSM_OK;
}

static int read_levels(itsm_sla_item *item, const json_t *v, const itsm__jpath *p)
{
    int rc = itsm__json_need_object(v, p);
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(v, itsm__sla_level_names, p);
    item->has_levels = true;
    for (int i = 0; rc == ITSM_OK && i < 4; i++) {
        const json_t *cell = json_object_get(v, itsm__sla_level_names[i]);
        itsm__jpath cp = itsm__jpath_key(p, itsm__sla_level_names[i]);
        if (cell != NULL)
            rc = read_cell(&item->cells[i], item, cell, false, &cp);
    }
    return rc;
}

/* ---- reading: metric, selector, credits ------------------------------------------------ */

static int read_metric_names(itsm__sla_metric *m, itsm_sla_item *item, const json_t *v, const itsm__jpath *p)
{
    static const char *const keys[] = {"start", "pause", "stop", "cancel", "critical_functions", "exclusions", "events"};
    itsm__sla_names *lists[] = {&m->start,              &m->pause,      &m->stop,  &m->cancel,
                                &m->critical_functions, &m->exclusions, &m->events};
    int rc = ITSM_OK;
    for (size_t i = 0; rc == ITSM_OK && i < sizeof keys / sizeof keys[0]; i++) {
        const json_t *list = json_object_get(v, keys[i]);
        itsm__jpath kp = itsm__jpath_key(p, keys[i]);
        if (list != NULL)
            rc = get_names(lists[i], item, list, &kp);
    }
    return rc;
}

static int read_metric_texts(itsm__sla_metric *m, itsm_sla_item *item, const json_t *v, const itsm__jpath *p)
{
    int reopen = 0, retarget = 0, partial = 0, aggregate = 0, rate = 0;
    int rc = get_word_member(&reopen, v, "reopen", reopen_words, p);
    if (rc == ITSM_OK)
        rc = get_word_member(&retarget, v, "retarget", retarget_words, p);
    if (rc == ITSM_OK)
        rc = get_word_member(&partial, v, "partial", partial_words, p);
    if (rc == ITSM_OK)
        rc = get_word_member(&aggregate, v, "aggregate", itsm__sla_aggregate_words, p);
    if (rc == ITSM_OK)
        rc = get_word_member(&rate, v, "rate", itsm__sla_rate_words, p);
    m->reopen = reopen > 0 ? reopen_words[reopen] : NULL;
    m->retarget = retarget > 0 ? retarget_words[retarget] : NULL;
    m->partial = partial > 0 ? partial_words[partial] : NULL;
    m->aggregate = (itsm_sla_aggregate)aggregate;
    m->rate = (itsm_sla_call_rate)rate;
    const json_t *variant = json_object_get(v, "variant"), *report = json_object_get(v, "report");
    if (rc == ITSM_OK && variant != NULL) {
        itsm__jpath vp = itsm__jpath_key(p, "variant");
        int index = 0;
        rc = m->rate == ITSM_SLA_RATE_NONE ? itsm__jpath_error(ITSM_EINVAL, &vp, "a variant needs \"rate\"")
                                           : itsm__json_get_word(&index, variant, rate_variants[m->rate], &vp);
        if (rc == ITSM_OK)
            m->variant = rate_variants[m->rate][index];
    }
    if (rc == ITSM_OK && report != NULL) {
        itsm__jpath rp = itsm__jpath_key(p, "report");
        rc = get_text(&m->report, item, report, &rp);
    }
    return rc;
}

static int read_metric_numbers(itsm__sla_metric *m, const json_t *v, const itsm__jpath *p)
{
    static const char *const keys[] = {"answer_threshold", "short_abandon", "min_outage", "monitoring_interval"};
    int64_t *fields[] = {&m->answer_threshold, &m->short_abandon, &m->min_outage, &m->monitoring_interval};
    static const int64_t mins[] = {1, 1, 0, 1};
    int rc = ITSM_OK;
    for (size_t i = 0; rc == ITSM_OK && i < 4; i++) {
        const json_t *x = json_object_get(v, keys[i]);
        itsm__jpath kp = itsm__jpath_key(p, keys[i]);
        if (x != NULL)
            rc = get_int(fields[i], x, mins[i], INT32_MAX, &kp);
    }
    const json_t *x;
    if (rc == ITSM_OK && (x = json_object_get(v, "repeat_days")) != NULL) {
        itsm__jpath kp = itsm__jpath_key(p, "repeat_days");
        int64_t days = 0;
        rc = get_int(&days, x, 1, 3660, &kp);
        m->repeat_days = (int32_t)days;
    }
    if (rc == ITSM_OK && (x = json_object_get(v, "exclude_planned")) != NULL) {
        itsm__jpath kp = itsm__jpath_key(p, "exclude_planned");
        bool flag = false;
        rc = itsm__json_get_bool(&flag, x, &kp);
        m->exclude_planned = flag;
    }
    if (rc == ITSM_OK && (x = json_object_get(v, "p")) != NULL) {
        itsm__jpath kp = itsm__jpath_key(p, "p");
        m->has_p = true;
        rc = get_share(&m->p, x, 100, true, &kp);
    }
    if (rc == ITSM_OK && (x = json_object_get(v, "required_percent")) != NULL) {
        itsm__jpath kp = itsm__jpath_key(p, "required_percent");
        m->has_required = true;
        rc = get_share(&m->required_percent, x, 100, false, &kp);
    }
    return rc;
}

/* Parameters that need or exclude each other. */
static int check_metric(const itsm__sla_metric *m, const itsm__jpath *p)
{
    struct rule {
        bool bad;
        const char *key, *message;
    } rules[] = {
        {m->aggregate == ITSM_SLA_AGGREGATE_PERCENTILE && !m->has_p, "aggregate", "\"percentile\" needs \"p\""},
        {m->has_p && m->aggregate != ITSM_SLA_AGGREGATE_PERCENTILE, "p", "\"p\" belongs to \"aggregate\": \"percentile\""},
        {m->aggregate == ITSM_SLA_AGGREGATE_SHARE_WITHIN && !m->has_required, "aggregate",
         "\"share_within\" needs \"required_percent\""},
        {m->has_required && m->aggregate != ITSM_SLA_AGGREGATE_SHARE_WITHIN, "required_percent",
         "\"required_percent\" belongs to \"aggregate\": \"share_within\""},
        {m->kind == ITSM_SLA_METRIC_CALL_RATE && m->rate == ITSM_SLA_RATE_NONE, NULL, "a call rate needs \"rate\""},
        {m->answer_threshold >= 0 && m->rate != ITSM_SLA_RATE_ANSWER, "answer_threshold",
         "\"answer_threshold\" belongs to \"rate\": \"answer\""},
        {m->short_abandon >= 0 && m->rate != ITSM_SLA_RATE_ANSWER && m->rate != ITSM_SLA_RATE_ABANDON,
         "short_abandon", "\"short_abandon\" belongs to the answer or abandon rate"},
        {m->repeat_days > 0 && m->rate != ITSM_SLA_RATE_CALLBACK, "repeat_days",
         "\"repeat_days\" belongs to \"rate\": \"callback\""},
        {m->variant != NULL && m->short_abandon < 0 &&
             (strcmp(m->variant, "short_abandons_count") == 0 || strcmp(m->variant, "short_excluded") == 0),
         "variant", "this variant needs \"short_abandon\""},
        {m->variant != NULL && m->repeat_days == 0 && strcmp(m->variant, "repeat_contact") == 0, "variant",
         "\"repeat_contact\" needs \"repeat_days\""},
        {m->partial != NULL && strcmp(m->partial, "critical_only") == 0 && m->critical_functions.count == 0,
         "partial", "\"critical_only\" needs \"critical_functions\""},
        {m->critical_functions.count > 0 && (m->partial == NULL || strcmp(m->partial, "critical_only") != 0),
         "critical_functions", "\"critical_functions\" belong to \"partial\": \"critical_only\""},
    };
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
        if (!rules[i].bad)
            continue;
        itsm__jpath kp = rules[i].key != NULL ? itsm__jpath_key(p, rules[i].key) : *p;
        return itsm__jpath_error(ITSM_EINVAL, &kp, "%s", rules[i].message);
    }
    return ITSM_OK;
}

static int read_metric(itsm_sla_item *item, const json_t *v, const itsm__jpath *p)
{
    itsm__sla_metric *m = &item->metric;
    int rc = itsm__json_need_object(v, p);
    int kind = 0;
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(v, metric_keys, p);
    const json_t *k = NULL;
    if (rc == ITSM_OK)
        rc = itsm__json_member(&k, v, "kind", p);
    itsm__jpath kp = itsm__jpath_key(p, "kind");
    if (rc == ITSM_OK)
        rc = itsm__json_get_word(&kind, k, itsm__sla_metric_words + 1, &kp);
    if (rc != ITSM_OK)
        return rc;
    m->kind = (itsm_sla_metric_kind)(kind + 1);
    item->has_metric = true;
    const char *allowed[sizeof metric_keys / sizeof metric_keys[0]];
    size_t n = 0;
    for (size_t i = 0; metric_keys[i] != NULL; i++)
        if (i == 0 || (metric_params[m->kind] & (1u << i)) != 0)
            allowed[n++] = metric_keys[i];
    allowed[n] = NULL;
    rc = itsm__json_check_keys(v, allowed, p);
    if (rc != ITSM_OK)
        return itsm__error_prefix(rc, "metric kind \"%s\"", itsm__sla_metric_words[m->kind]);
    rc = read_metric_names(m, item, v, p);
    if (rc == ITSM_OK)
        rc = read_metric_texts(m, item, v, p);
    if (rc == ITSM_OK)
        rc = read_metric_numbers(m, v, p);
    return rc == ITSM_OK ? check_metric(m, p) : rc;
}

static int read_selector(itsm_sla_item *item, const json_t *v, const itsm__jpath *p)
{
    static const char *const keys[] = {"priorities", "categories", "services", "cis", NULL};
    int rc = itsm__json_need_object(v, p);
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(v, keys, p);
    item->has_selector = true;
    itsm__sla_names *lists[] = {&item->categories, &item->services, &item->cis};
    for (size_t i = 1; rc == ITSM_OK && i < 4; i++) {
        const json_t *list = json_object_get(v, keys[i]);
        itsm__jpath kp = itsm__jpath_key(p, keys[i]);
        if (list != NULL)
            rc = get_names(lists[i - 1], item, list, &kp);
    }
    const json_t *prios = json_object_get(v, "priorities");
    if (rc != ITSM_OK || prios == NULL)
        return rc;
    itsm__jpath pp = itsm__jpath_key(p, "priorities");
    rc = itsm__json_need_array(prios, &pp);
    if (rc == ITSM_OK && json_array_size(prios) == 0)
        rc = itsm__jpath_error(ITSM_EINVAL, &pp, "must not be empty (leave the key out instead)");
    if (rc == ITSM_OK && (item->priorities = itsm__sla_calloc(item, json_array_size(prios), sizeof(int32_t))) == NULL)
        rc = ITSM_ENOMEM;
    for (size_t i = 0; rc == ITSM_OK && i < json_array_size(prios); i++) {
        itsm__jpath ip = itsm__jpath_index(&pp, i);
        int64_t prio = 0;
        rc = get_int(&prio, json_array_get(prios, i), 1, 1000, &ip);
        item->priorities[i] = (int32_t)prio;
        for (size_t j = 0; rc == ITSM_OK && j < i; j++)
            if (item->priorities[j] == item->priorities[i])
                rc = itsm__jpath_error(ITSM_EINVAL, &ip, "repeats [%zu]", j);
        item->priority_count = i + 1;
    }
    return rc;
}

static int read_credits(itsm_sla_item *item, const json_t *v, const itsm__jpath *p)
{
    static const char *const keys[] = {"op", "value", "percent", NULL};
    int rc = itsm__json_need_array(v, p);
    if (rc == ITSM_OK && json_array_size(v) == 0)
        rc = itsm__jpath_error(ITSM_EINVAL, p, "must not be empty (leave the key out instead)");
    size_t n = rc == ITSM_OK ? json_array_size(v) : 0;
    if (rc == ITSM_OK && (item->credits = itsm__sla_calloc(item, n, sizeof *item->credits)) == NULL)
        rc = ITSM_ENOMEM;
    item->has_credits = true;
    for (size_t i = 0; rc == ITSM_OK && i < n; i++) {
        const json_t *band = json_array_get(v, i);
        itsm__jpath bp = itsm__jpath_index(p, i);
        rc = itsm__json_need_object(band, &bp);
        if (rc == ITSM_OK)
            rc = itsm__json_check_keys(band, keys, &bp);
        itsm__sla_cell cell;
        memset(&cell, 0, sizeof cell);
        if (rc == ITSM_OK)
            rc = read_threshold(&cell, band, &bp);
        const json_t *pct = NULL;
        if (rc == ITSM_OK)
            rc = itsm__json_member(&pct, band, "percent", &bp);
        itsm__jpath pp = itsm__jpath_key(&bp, "percent");
        if (rc == ITSM_OK)
            rc = get_share(&item->credits[i].percent, pct, 100, false, &pp);
        item->credits[i].op = cell.op;
        item->credits[i].value = cell.value;
        item->credit_count = i + 1;
    }
    return rc;
}

/* ---- reading: the item --------------------------------------------------------------------- */

static int read_texts(itsm_sla_item *item, const json_t *obj, const itsm__jpath *p)
{
    static const char *const keys[ITSM__SLA_TEXTS] = {"id",      "name",        "group",    "process",
                                                      "content", "measurement", "calendar", "note"};
    const json_t *id = NULL;
    int rc = itsm__json_member(&id, obj, "id", p);
    for (int i = 0; rc == ITSM_OK && i < ITSM__SLA_TEXTS; i++) {
        const json_t *v = json_object_get(obj, keys[i]);
        itsm__jpath kp = itsm__jpath_key(p, keys[i]);
        if (v != NULL)
            rc = get_text(&item->texts[i], item, v, &kp);
    }
    return rc;
}

static int read_words_members(itsm_sla_item *item, const json_t *obj, const itsm__jpath *p)
{
    int unit = 0, kind = 0, period = 0, level = 0;
    int rc = get_word_member(&unit, obj, "unit", itsm__sla_unit_words, p);
    if (rc == ITSM_OK)
        rc = get_word_member(&kind, obj, "kind", commitment_words, p);
    if (rc == ITSM_OK)
        rc = get_word_member(&period, obj, "period", itsm__sla_period_words, p);
    if (rc == ITSM_OK)
        rc = get_word_member(&level, obj, "level", agreed_words, p);
    item->unit = (itsm_sla_unit)unit;
    item->commitment = (itsm_sla_commitment)kind;
    item->period = (itsm_sla_period)period;
    item->agreed = level;
    const json_t *w = json_object_get(obj, "window_days");
    itsm__jpath wp = itsm__jpath_key(p, "window_days");
    if (rc == ITSM_OK && w != NULL) {
        int64_t days = 0;
        rc = get_int(&days, w, 1, 3660, &wp);
        item->window_days = (int32_t)days;
    }
    if (rc == ITSM_OK && (item->period == ITSM_SLA_PERIOD_ROLLING) != (w != NULL)) {
        itsm__jpath pp = itsm__jpath_key(p, "period");
        rc = w == NULL ? itsm__jpath_error(ITSM_EINVAL, &pp, "a rolling period needs \"window_days\"")
                       : itsm__jpath_error(ITSM_EINVAL, &wp, "\"window_days\" belongs to \"period\": \"rolling\"");
    }
    return rc;
}

static int read_parts(itsm_sla_item *item, const json_t *obj, const itsm__jpath *p)
{
    const json_t *v;
    int rc = ITSM_OK;
    if ((v = json_object_get(obj, "metric")) != NULL) {
        itsm__jpath kp = itsm__jpath_key(p, "metric");
        rc = read_metric(item, v, &kp);
    }
    if (rc == ITSM_OK && (v = json_object_get(obj, "selector")) != NULL) {
        itsm__jpath kp = itsm__jpath_key(p, "selector");
        rc = read_selector(item, v, &kp);
    }
    if (rc == ITSM_OK && (v = json_object_get(obj, "scale")) != NULL) {
        itsm__jpath kp = itsm__jpath_key(p, "scale");
        item->has_scale = true;
        rc = get_names(&item->scale, item, v, &kp);
    }
    if (rc == ITSM_OK && (v = json_object_get(obj, "levels")) != NULL) {
        itsm__jpath kp = itsm__jpath_key(p, "levels");
        rc = read_levels(item, v, &kp);
    }
    if (rc == ITSM_OK && (v = json_object_get(obj, "credits")) != NULL) {
        itsm__jpath kp = itsm__jpath_key(p, "credits");
        rc = read_credits(item, v, &kp);
    }
    v = json_object_get(obj, "custom_level");
    itsm__jpath cp = itsm__jpath_key(p, "custom_level");
    if (rc == ITSM_OK && v != NULL)
        rc = read_cell(&item->custom, item, v, true, &cp);
    if (rc == ITSM_OK && (item->agreed == ITSM_SLA_CUSTOM) != (v != NULL)) {
        itsm__jpath lp = itsm__jpath_key(p, "level");
        rc = v == NULL ? itsm__jpath_error(ITSM_EINVAL, &lp, "\"custom\" needs \"custom_level\"")
                       : itsm__jpath_error(ITSM_EINVAL, &cp, "\"custom_level\" belongs to \"level\": \"custom\"");
    }
    return rc;
}

int itsm__sla_item_read(itsm_sla_item **out, const json_t *obj, const itsm__jpath *p)
{
    int rc = itsm__json_need_object(obj, p);
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(obj, item_keys, p);
    if (rc != ITSM_OK)
        return rc;
    itsm_sla_item *item = itsm__sla_item_new();
    if (item == NULL)
        return ITSM_ENOMEM;
    rc = read_texts(item, obj, p);
    if (rc == ITSM_OK)
        rc = read_words_members(item, obj, p);
    if (rc == ITSM_OK)
        rc = read_parts(item, obj, p);
    if (rc == ITSM_OK)
        rc = itsm__sla_item_check(item, p);
    if (rc != ITSM_OK) {
        itsm_sla_item_free(item);
        return rc;
    }
    *out = item;
    return ITSM_OK;
}

itsm_status itsm_sla_item_from_json(itsm_sla_item **out, const char *json, size_t len)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(json);
    static const char *const types[] = {"sla_item", NULL};
    json_t *root = NULL;
    int rc = itsm__json_load(&root, json, len, "SLA item");
    if (rc != ITSM_OK)
        return rc;
    itsm__jpath rp = itsm__jpath_root();
    size_t which = 0;
    rc = itsm__json_check_header(&which, root, ITSM__SLA_SCHEMA, types, &rp);
    if (rc == ITSM_OK) {
        /* The header is not a member of the item. */
        json_t *members = json_copy(root);
        rc = members == NULL ? itsm__error(ITSM_ENOMEM, "SLA item: out of memory") : ITSM_OK;
        if (rc == ITSM_OK) {
            json_object_del(members, "itsm_schema");
            json_object_del(members, "type");
            rc = itsm__sla_item_read(out, members, &rp);
        }
        json_decref(members);
    }
    json_decref(root);
    return rc;
}

/* ---- writing ----------------------------------------------------------------------------- */

static json_t *rat_json(itsm__rat v)
{
    if (v.den == 1)
        return json_integer((json_int_t)v.num);
    char buf[48];
    if (!itsm__rat_format(buf, sizeof buf, v))
        return json_real(itsm__rat_double(v));
    return json_real(strtod(buf, NULL));
}

static json_t *names_json(const itsm__sla_names *n)
{
    json_t *list = json_array();
    for (size_t i = 0; list != NULL && i < n->count; i++) {
        if (json_array_append_new(list, json_string(n->names[i])) != 0) {
            json_decref(list);
            list = NULL;
        }
    }
    return list;
}

typedef struct writer {
    json_t *obj;
    int rc;
} writer;

static void put(writer *w, const char *key, json_t *value)
{
    if (w->rc == ITSM_OK)
        w->rc = itsm__json_put(w->obj, key, value, "SLA item");
    else
        json_decref(value);
}

static void put_text(writer *w, const char *key, const char *text)
{
    if (text != NULL)
        put(w, key, json_string(text));
}

static void put_names(writer *w, const char *key, const itsm__sla_names *n)
{
    if (n->count > 0)
        put(w, key, names_json(n));
}

static void put_flag(writer *w, const char *key, bool on)
{
    if (on)
        put(w, key, json_true());
}

static void put_int(writer *w, const char *key, int64_t v, int64_t unset)
{
    if (v != unset)
        put(w, key, json_integer((json_int_t)v));
}

static json_t *finish(writer *w)
{
    if (w->rc == ITSM_OK && w->obj != NULL)
        return w->obj;
    json_decref(w->obj);
    return NULL;
}

/* The value members of a cell (threshold, deadline or ordinal) into `w`. */
static void put_value(writer *w, const itsm__sla_cell *c)
{
    if (c->kind == ITSM_SLA_LEVEL_THRESHOLD) {
        put(w, "op", json_string(itsm__sla_op_words[c->op]));
        put(w, "value", rat_json(c->value));
    }
    put_text(w, "deadline", c->kind == ITSM_SLA_LEVEL_DEADLINE ? c->words : NULL);
    put_text(w, "ordinal", c->kind == ITSM_SLA_LEVEL_ORDINAL ? c->words : NULL);
}

static json_t *cell_json(const itsm__sla_cell *c)
{
    writer w = {json_object(), ITSM_OK};
    if (!c->per_contract)
        put_value(&w, c);
    put_flag(&w, "none", c->kind == ITSM_SLA_LEVEL_NONE);
    put_flag(&w, "not_supported", c->kind == ITSM_SLA_LEVEL_NOT_SUPPORTED);
    put_flag(&w, "undefined", c->kind == ITSM_SLA_LEVEL_UNDEFINED);
    put_flag(&w, "per_contract", c->per_contract);
    if (c->per_contract && c->kind != ITSM_SLA_LEVEL_PER_CONTRACT) {
        writer cv = {json_object(), ITSM_OK};
        put_value(&cv, c);
        put_text(&cv, "text", c->contract_text);
        put(&w, "contract_value", finish(&cv));
    }
    put_text(&w, "text", c->text);
    return finish(&w);
}

static json_t *metric_json(const itsm__sla_metric *m)
{
    writer w = {json_object(), ITSM_OK};
    put(&w, "kind", json_string(itsm__sla_metric_words[m->kind]));
    put_names(&w, "start", &m->start);
    put_names(&w, "pause", &m->pause);
    put_names(&w, "stop", &m->stop);
    put_names(&w, "cancel", &m->cancel);
    put_text(&w, "reopen", m->reopen);
    put_text(&w, "retarget", m->retarget);
    put_text(&w, "aggregate", m->aggregate != ITSM_SLA_AGGREGATE_NONE ? itsm__sla_aggregate_words[m->aggregate] : NULL);
    if (m->has_p)
        put(&w, "p", rat_json(m->p));
    if (m->has_required)
        put(&w, "required_percent", rat_json(m->required_percent));
    put_text(&w, "rate", m->rate != ITSM_SLA_RATE_NONE ? itsm__sla_rate_words[m->rate] : NULL);
    put_text(&w, "variant", m->variant);
    put_int(&w, "answer_threshold", m->answer_threshold, -1);
    put_int(&w, "short_abandon", m->short_abandon, -1);
    put_int(&w, "repeat_days", m->repeat_days, 0);
    if (m->exclude_planned >= 0)
        put(&w, "exclude_planned", json_boolean(m->exclude_planned));
    put_int(&w, "min_outage", m->min_outage, -1);
    put_int(&w, "monitoring_interval", m->monitoring_interval, -1);
    put_text(&w, "partial", m->partial);
    put_names(&w, "critical_functions", &m->critical_functions);
    put_names(&w, "exclusions", &m->exclusions);
    put_names(&w, "events", &m->events);
    put_text(&w, "report", m->report);
    return finish(&w);
}

static json_t *selector_json(const itsm_sla_item *item)
{
    writer w = {json_object(), ITSM_OK};
    if (item->priority_count > 0) {
        json_t *list = json_array();
        for (size_t i = 0; list != NULL && i < item->priority_count; i++) {
            if (json_array_append_new(list, json_integer(item->priorities[i])) != 0) {
                json_decref(list);
                list = NULL;
            }
        }
        put(&w, "priorities", list);
    }
    put_names(&w, "categories", &item->categories);
    put_names(&w, "services", &item->services);
    put_names(&w, "cis", &item->cis);
    return finish(&w);
}

static json_t *levels_json(const itsm_sla_item *item)
{
    writer w = {json_object(), ITSM_OK};
    for (int i = 0; i < 4; i++)
        if (item->cells[i].kind != ITSM_SLA_LEVEL_ABSENT)
            put(&w, itsm__sla_level_names[i], cell_json(&item->cells[i]));
    return finish(&w);
}

static json_t *credits_json(const itsm_sla_item *item)
{
    json_t *list = json_array();
    for (size_t i = 0; list != NULL && i < item->credit_count; i++) {
        const itsm__sla_credit *c = &item->credits[i];
        writer w = {json_object(), ITSM_OK};
        put(&w, "op", json_string(itsm__sla_op_words[c->op]));
        put(&w, "value", rat_json(c->value));
        put(&w, "percent", rat_json(c->percent));
        if (json_array_append_new(list, finish(&w)) != 0) {
            json_decref(list);
            list = NULL;
        }
    }
    return list;
}

static void put_word(writer *w, const char *key, const char *const *words, int value)
{
    if (value > 0)
        put(w, key, json_string(words[value]));
}

int itsm__sla_item_json(json_t **out, const itsm_sla_item *item)
{
    writer w = {json_object(), ITSM_OK};
    if (w.obj == NULL)
        return itsm__error(ITSM_ENOMEM, "SLA item: out of memory");
    const char *const *t = item->texts;
    put_text(&w, "id", t[ITSM_SLA_TEXT_ID]);
    put_text(&w, "name", t[ITSM_SLA_TEXT_NAME]);
    put_text(&w, "group", t[ITSM_SLA_TEXT_GROUP]);
    put_text(&w, "process", t[ITSM_SLA_TEXT_PROCESS]);
    put_text(&w, "content", t[ITSM_SLA_TEXT_CONTENT]);
    put_text(&w, "measurement", t[ITSM_SLA_TEXT_MEASUREMENT]);
    put_word(&w, "unit", itsm__sla_unit_words, (int)item->unit);
    put_word(&w, "kind", commitment_words, (int)item->commitment);
    put_word(&w, "period", itsm__sla_period_words, (int)item->period);
    put_int(&w, "window_days", item->window_days, 0);
    put_text(&w, "calendar", t[ITSM_SLA_TEXT_CALENDAR]);
    if (item->has_metric)
        put(&w, "metric", metric_json(&item->metric));
    if (item->has_selector)
        put(&w, "selector", selector_json(item));
    if (item->has_scale)
        put(&w, "scale", names_json(&item->scale));
    put_word(&w, "level", agreed_words, item->agreed);
    if (item->agreed == ITSM_SLA_CUSTOM)
        put(&w, "custom_level", cell_json(&item->custom));
    if (item->has_levels)
        put(&w, "levels", levels_json(item));
    if (item->has_credits)
        put(&w, "credits", credits_json(item));
    put_text(&w, "note", t[ITSM_SLA_TEXT_NOTE]);
    *out = finish(&w);
    return *out != NULL ? ITSM_OK : itsm__error(ITSM_ENOMEM, "SLA item: out of memory");
}

itsm_status itsm_sla_item_to_json(char **out, const itsm_sla_item *item)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(item);
    const char *what = "itsm_sla_item_to_json";
    json_t *root = json_object(), *members = NULL;
    int rc = root != NULL ? ITSM_OK : itsm__error(ITSM_ENOMEM, "%s: out of memory", what);
    if (rc == ITSM_OK)
        rc = itsm__json_put(root, "itsm_schema", json_integer(ITSM__SLA_SCHEMA), what);
    if (rc == ITSM_OK)
        rc = itsm__json_put(root, "type", json_string("sla_item"), what);
    if (rc == ITSM_OK)
        rc = itsm__sla_item_json(&members, item);
    if (rc == ITSM_OK && json_object_update(root, members) != 0)
        rc = itsm__error(ITSM_ENOMEM, "%s: out of memory", what);
    json_decref(members);
    if (rc == ITSM_OK)
        rc = itsm__json_dump(out, root, what);
    json_decref(root);
    return rc;
}
