/* SLA items (itsm/sla.h): canonical round trip, errors naming their JSON path, the level
 * table checks, comparators at and around thresholds, unit conversions, every special
 * level, per-contract values, credit bands at their edges, verdicts, selectors, and
 * allocation failures. Expected values are worked out by hand in the comments. */
#include "itsm_test.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define HEAD "{\"itsm_schema\": 1, \"type\": \"sla_item\", \"id\": \"s\""

static itsm_sla_item *load(const char *doc)
{
    itsm_sla_item *item = NULL;
    assert_itsm_ok(itsm_sla_item_from_json(&item, doc, strlen(doc)));
    return item;
}

static void bad(const char *doc, int code, const char *fragment)
{
    itsm_sla_item *item = NULL;
    assert_itsm_error(itsm_sla_item_from_json(&item, doc, strlen(doc)), code, fragment);
    assert_null(item);
}

/* Evaluate `value` given in `unit` (ITSM_SLA_UNIT_NONE: the item's unit). */
static itsm_sla_evaluation eval_number(const itsm_sla_item *item, double value, itsm_sla_unit unit)
{
    itsm_sla_measure m = ITSM_SLA_MEASURE_INIT;
    m.kind = ITSM_SLA_MEASURE_NUMBER;
    m.number = value;
    m.unit = unit;
    itsm_sla_evaluation r;
    assert_itsm_ok(itsm_sla_item_evaluate(&r, item, &m));
    return r;
}

static itsm_sla_evaluation eval_fraction(const itsm_sla_item *item, int64_t num, int64_t den, itsm_sla_unit unit)
{
    itsm_sla_measure m = ITSM_SLA_MEASURE_INIT;
    m.kind = ITSM_SLA_MEASURE_FRACTION;
    m.numerator = num;
    m.denominator = den;
    m.unit = unit;
    itsm_sla_evaluation r;
    assert_itsm_ok(itsm_sla_item_evaluate(&r, item, &m));
    return r;
}

/* A full document in canonical form: loads and saves to the same text. */
static const char *const full =
    "{\n"
    "  \"itsm_schema\": 1,\n"
    "  \"type\": \"sla_item\",\n"
    "  \"id\": \"availability\",\n"
    "  \"name\": \"availability\",\n"
    "  \"group\": \"reliability\",\n"
    "  \"process\": \"6.5\",\n"
    "  \"content\": \"share of the service time the service is usable\",\n"
    "  \"measurement\": \"(service time - downtime) / service time\",\n"
    "  \"unit\": \"percent\",\n"
    "  \"kind\": \"guarantee\",\n"
    "  \"period\": \"rolling\",\n"
    "  \"window_days\": 30,\n"
    "  \"calendar\": \"24x7\",\n"
    "  \"metric\": {\n"
    "    \"kind\": \"availability\",\n"
    "    \"exclude_planned\": true,\n"
    "    \"min_outage\": 300,\n"
    "    \"monitoring_interval\": 60,\n"
    "    \"partial\": \"critical_only\",\n"
    "    \"critical_functions\": [\n"
    "      \"login\",\n"
    "      \"order\"\n"
    "    ],\n"
    "    \"exclusions\": [\n"
    "      \"force_majeure\"\n"
    "    ]\n"
    "  },\n"
    "  \"selector\": {\n"
    "    \"priorities\": [\n"
    "      1,\n"
    "      2\n"
    "    ],\n"
    "    \"services\": [\n"
    "      \"shop\"\n"
    "    ]\n"
    "  },\n"
    "  \"level\": \"L3\",\n"
    "  \"levels\": {\n"
    "    \"L1\": {\n"
    "      \"op\": \">=\",\n"
    "      \"value\": 97.5,\n"
    "      \"text\": \"97.50%\"\n"
    "    },\n"
    "    \"L2\": {\n"
    "      \"op\": \">=\",\n"
    "      \"value\": 99\n"
    "    },\n"
    "    \"L3\": {\n"
    "      \"op\": \">=\",\n"
    "      \"value\": 99.9\n"
    "    },\n"
    "    \"L4\": {\n"
    "      \"per_contract\": true,\n"
    "      \"contract_value\": {\n"
    "        \"op\": \">=\",\n"
    "        \"value\": 99.99,\n"
    "        \"text\": \"four nines\"\n"
    "      }\n"
    "    }\n"
    "  },\n"
    "  \"credits\": [\n"
    "    {\n"
    "      \"op\": \"<\",\n"
    "      \"value\": 99.9,\n"
    "      \"percent\": 10\n"
    "    },\n"
    "    {\n"
    "      \"op\": \"<\",\n"
    "      \"value\": 99,\n"
    "      \"percent\": 25\n"
    "    },\n"
    "    {\n"
    "      \"op\": \"<\",\n"
    "      \"value\": 95,\n"
    "      \"percent\": 100\n"
    "    }\n"
    "  ],\n"
    "  \"note\": \"example\"\n"
    "}\n";

static void assert_round_trip(const char *doc, int identical)
{
    itsm_sla_item *a = load(doc);
    char *once = NULL, *twice = NULL;
    assert_itsm_ok(itsm_sla_item_to_json(&once, a));
    itsm_sla_item *b = load(once);
    assert_itsm_ok(itsm_sla_item_to_json(&twice, b));
    assert_string_equal(once, twice);
    if (identical)
        assert_string_equal(doc, once);
    itsm_free(once);
    itsm_free(twice);
    itsm_sla_item_free(b);
    itsm_sla_item_free(a);
}

static void test_round_trip(void **state)
{
    (void)state;
    assert_round_trip(full, 1);
    /* Key order, spacing and number spelling are normalized: 0.50 is written 0.5. */
    assert_round_trip(HEAD ", \"unit\": \"hour\", \"levels\": {\"L2\": {\"value\": 0.50, \"op\": \"<=\"}, \"L1\": "
                           "{\"none\": true}}, \"level\": \"L2\", \"kind\": \"target\"}",
                      0);
    assert_round_trip(HEAD ", \"metric\": {\"kind\": \"duration\", \"start\": [\"new\"], \"pause\": [\"on_hold\"], "
                           "\"stop\": [\"resolved\"], \"cancel\": [\"cancelled\"], \"reopen\": \"new_cycle\", "
                           "\"retarget\": \"retroactive\", \"aggregate\": \"percentile\", \"p\": 99.9}}",
                      0);
    assert_round_trip(HEAD ", \"metric\": {\"kind\": \"call_rate\", \"rate\": \"answer\", \"variant\": "
                           "\"short_abandons_count\", \"answer_threshold\": 20, \"short_abandon\": 5}}",
                      0);
    assert_round_trip(HEAD ", \"scale\": [\"a\", \"b\"], \"level\": \"custom\", \"custom_level\": {\"ordinal\": "
                           "\"b\"}, \"levels\": {\"L1\": {\"not_supported\": true}, \"L2\": {\"ordinal\": \"a\"}}}",
                      0);
    assert_round_trip(HEAD ", \"levels\": {\"L1\": {\"undefined\": true}, \"L2\": {\"deadline\": \"next business "
                           "day\", \"text\": \"翌営業日\"}, \"L3\": {\"per_contract\": true}}, \"selector\": {}}",
                      0);
}

static void test_accessors(void **state)
{
    (void)state;
    itsm_sla_item *item = load(full);
    assert_string_equal(itsm_sla_item_text(item, ITSM_SLA_TEXT_ID), "availability");
    assert_string_equal(itsm_sla_item_text(item, ITSM_SLA_TEXT_GROUP), "reliability");
    assert_string_equal(itsm_sla_item_text(item, ITSM_SLA_TEXT_CALENDAR), "24x7");
    assert_null(itsm_sla_item_text(item, (itsm_sla_text)99));
    assert_int_equal(itsm_sla_item_unit(item), ITSM_SLA_UNIT_PERCENT);
    assert_int_equal(itsm_sla_item_commitment(item), ITSM_SLA_COMMITMENT_GUARANTEE);
    assert_int_equal(itsm_sla_item_period(item), ITSM_SLA_PERIOD_ROLLING);
    assert_int_equal(itsm_sla_item_window_days(item), 30);
    assert_int_equal(itsm_sla_item_agreed_level(item), 3);
    itsm_sla_level lv;
    assert_itsm_ok(itsm_sla_item_level(&lv, item, 1));
    assert_int_equal(lv.kind, ITSM_SLA_LEVEL_THRESHOLD);
    assert_int_equal(lv.op, ITSM_SLA_OP_GE);
    /* 97.5 = 195 / 2, kept exactly. */
    assert_int_equal(lv.value_num, 195);
    assert_int_equal(lv.value_den, 2);
    assert_string_equal(lv.text, "97.50%");
    assert_itsm_ok(itsm_sla_item_level(&lv, item, 4));
    assert_int_equal(lv.kind, ITSM_SLA_LEVEL_THRESHOLD);
    assert_true(lv.per_contract);
    assert_int_equal(lv.value_num, 9999);
    assert_int_equal(lv.value_den, 100);
    assert_string_equal(lv.text, "four nines");
    assert_itsm_ok(itsm_sla_item_level(&lv, item, ITSM_SLA_CUSTOM));
    assert_int_equal(lv.kind, ITSM_SLA_LEVEL_ABSENT);
    assert_itsm_error(itsm_sla_item_level(&lv, item, 0), ITSM_EINVAL, "level 0");
    itsm_sla_metric m;
    assert_itsm_ok(itsm_sla_item_metric(&m, item));
    assert_int_equal(m.kind, ITSM_SLA_METRIC_AVAILABILITY);
    assert_int_equal(m.exclude_planned, 1);
    assert_int_equal(m.min_outage, 300);
    assert_int_equal(m.monitoring_interval, 60);
    assert_string_equal(m.partial, "critical_only");
    assert_int_equal(m.critical_functions.count, 2);
    assert_string_equal(m.critical_functions.names[1], "order");
    assert_int_equal(m.answer_threshold, -1);
    assert_int_equal(m.start.count, 0);
    assert_int_equal(itsm_sla_item_credit_count(item), 3);
    itsm_sla_credit c;
    assert_itsm_ok(itsm_sla_item_credit(&c, item, 2));
    assert_int_equal(c.op, ITSM_SLA_OP_LT);
    assert_true(c.value == 95.0 && c.percent == 100.0);
    assert_itsm_error(itsm_sla_item_credit(&c, item, 3), ITSM_ERANGE, "index 3");
    const char *name = NULL;
    assert_itsm_ok(itsm_sla_name(&name, ITSM_SLA_ENUM_OUTCOME, ITSM_SLA_OUTCOME_CONTRACT_VALUE_MISSING));
    assert_string_equal(name, "contract_value_missing");
    assert_itsm_ok(itsm_sla_name(&name, ITSM_SLA_ENUM_OP, ITSM_SLA_OP_GE));
    assert_string_equal(name, ">=");
    assert_itsm_ok(itsm_sla_name(&name, ITSM_SLA_ENUM_METRIC, ITSM_SLA_METRIC_SERVICE_HOURS));
    assert_string_equal(name, "service_hours");
    assert_itsm_error(itsm_sla_name(&name, ITSM_SLA_ENUM_OP, 4), ITSM_EINVAL, "4");
    assert_itsm_error(itsm_sla_name(&name, (itsm_sla_enum)42, 0), ITSM_EINVAL, "enumeration");
    itsm_sla_item_free(item);
}

static void test_selector(void **state)
{
    (void)state;
    itsm_sla_item *item = load(full); /* priorities 1, 2; services shop */
    int yes = -1;
    assert_itsm_ok(itsm_sla_item_selects(&yes, item, 2, "x", "shop", NULL));
    assert_true(yes);
    assert_itsm_ok(itsm_sla_item_selects(&yes, item, 3, "x", "shop", NULL));
    assert_false(yes);
    assert_itsm_ok(itsm_sla_item_selects(&yes, item, 1, NULL, "mail", NULL));
    assert_false(yes);
    assert_itsm_ok(itsm_sla_item_selects(&yes, item, 1, NULL, NULL, NULL)); /* a stated list needs a value */
    assert_false(yes);
    itsm_sla_selector sel;
    assert_itsm_ok(itsm_sla_item_selector(&sel, item));
    assert_int_equal(sel.priority_count, 2);
    assert_int_equal(sel.priorities[1], 2);
    assert_int_equal(sel.categories.count, 0);
    itsm_sla_item_free(item);
    item = load(HEAD "}");
    assert_itsm_ok(itsm_sla_item_selects(&yes, item, 0, NULL, NULL, NULL)); /* no selector: everything */
    assert_true(yes);
    itsm_sla_item_free(item);
}

/* ---- comparators and units ------------------------------------------------------------ */

typedef struct cmp_case {
    const char *op;
    const char *threshold;
    double measured;
    int met;
} cmp_case;

static void test_comparators(void **state)
{
    (void)state;
    /* At, just below and just above each threshold, in the item's unit. */
    static const cmp_case cases[] = {
        {"<", "10", 10.0, 0},       {"<", "10", 9.999, 1},       {"<", "10", 10.001, 0},
        {"<=", "10", 10.0, 1},      {"<=", "10", 9.999, 1},      {"<=", "10", 10.001, 0},
        {">=", "99.9", 99.9, 1},    {">=", "99.9", 99.899, 0},   {">=", "99.9", 99.901, 1},
        {">", "99.9", 99.9, 0},     {">", "99.9", 99.899, 0},    {">", "99.9", 99.901, 1},
        {">=", "0.1", 0.1, 1},      {">=", "0.1", 0.3 - 0.2, 1}, /* 0.09999999999999998 rounds to 0.1 */
        {"<=", "1e-3", 0.001, 1},   {"<=", "1e-3", 0.0011, 0},   {">=", "0", 0.0, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char doc[256];
        (void)snprintf(doc, sizeof doc,
                       HEAD ", \"unit\": \"percent\", \"kind\": \"target\", \"level\": \"L1\", \"levels\": {\"L1\": "
                            "{\"op\": \"%s\", \"value\": %s}}}",
                       cases[i].op, cases[i].threshold);
        itsm_sla_item *item = load(doc);
        itsm_sla_evaluation r = eval_number(item, cases[i].measured, ITSM_SLA_UNIT_NONE);
        if (r.met != cases[i].met)
            fail_msg("case %zu: %g %s %s gave met=%d", i, cases[i].measured, cases[i].op, cases[i].threshold, r.met);
        assert_int_equal(r.levels[0], cases[i].met ? ITSM_SLA_OUTCOME_MET : ITSM_SLA_OUTCOME_MISSED);
        assert_int_equal(r.consequence, cases[i].met ? ITSM_SLA_CONSEQUENCE_NONE : ITSM_SLA_CONSEQUENCE_FINDING);
        itsm_sla_item_free(item);
    }
}

static void test_units(void **state)
{
    (void)state;
    itsm_sla_item *minutes = load(HEAD ", \"unit\": \"minute\", \"kind\": \"target\", \"level\": \"L1\", \"levels\": "
                                       "{\"L1\": {\"op\": \"<=\", \"value\": 10}}}");
    /* 600 s = 10 min: met; 601 s is not. */
    assert_true(eval_number(minutes, 600, ITSM_SLA_UNIT_SECOND).met);
    assert_false(eval_number(minutes, 601, ITSM_SLA_UNIT_SECOND).met);
    /* 1/6 h = 10 min exactly (no rounding of 0.1666...). */
    assert_true(eval_fraction(minutes, 1, 6, ITSM_SLA_UNIT_HOUR).met);
    assert_false(eval_fraction(minutes, 100001, 600000, ITSM_SLA_UNIT_HOUR).met);
    /* 1/144 day = 10 min; margin in minutes: 10 - 5 = +5. */
    itsm_sla_evaluation r = eval_fraction(minutes, 1, 288, ITSM_SLA_UNIT_DAY);
    assert_true(r.met && r.has_margin);
    assert_true(fabs(r.margin - 5.0) < 1e-12);
    itsm_sla_measure m = ITSM_SLA_MEASURE_INIT;
    m.kind = ITSM_SLA_MEASURE_NUMBER;
    m.number = 3;
    m.unit = ITSM_SLA_UNIT_COUNT;
    assert_itsm_error(itsm_sla_item_evaluate(&r, minutes, &m), ITSM_EINVAL, "count does not convert");
    m.unit = ITSM_SLA_UNIT_MONTH;
    assert_itsm_error(itsm_sla_item_evaluate(&r, minutes, &m), ITSM_EINVAL, "month does not convert");
    m.unit = ITSM_SLA_UNIT_NONE;
    m.number = -1;
    assert_itsm_error(itsm_sla_item_evaluate(&r, minutes, &m), ITSM_EINVAL, "negative");
    m.number = NAN;
    assert_itsm_error(itsm_sla_item_evaluate(&r, minutes, &m), ITSM_EINVAL, "not finite");
    m.number = 1e300;
    assert_itsm_error(itsm_sla_item_evaluate(&r, minutes, &m), ITSM_ERANGE, "out of range");
    /* A measured double is rounded to 15 significant digits: 10.0000000000000001 is 10. */
    m.number = 10.000000000000002;
    assert_itsm_ok(itsm_sla_item_evaluate(&r, minutes, &m));
    assert_true(r.met);
    m.kind = ITSM_SLA_MEASURE_FRACTION;
    m.numerator = 1;
    m.denominator = 0;
    assert_itsm_error(itsm_sla_item_evaluate(&r, minutes, &m), ITSM_EINVAL, "denominator");
    m.denominator = 1;
    m.numerator = INT64_MAX;
    m.unit = ITSM_SLA_UNIT_WEEK;
    assert_itsm_error(itsm_sla_item_evaluate(&r, minutes, &m), ITSM_ERANGE, "overflows");
    m.version = 2;
    assert_itsm_error(itsm_sla_item_evaluate(&r, minutes, &m), ITSM_EVERSION, "version");
    itsm_sla_item_free(minutes);

    itsm_sla_item *pct = load(HEAD ", \"unit\": \"percent\", \"kind\": \"guarantee\", \"level\": \"L3\", \"levels\": "
                                   "{\"L3\": {\"op\": \">=\", \"value\": 99.9}}}");
    /* 999/1000 as a ratio is 99.9 %: met at the edge; 998999/1000000 is not. */
    assert_true(eval_fraction(pct, 999, 1000, ITSM_SLA_UNIT_RATIO).met);
    r = eval_fraction(pct, 998999, 1000000, ITSM_SLA_UNIT_RATIO);
    assert_false(r.met);
    assert_int_equal(r.consequence, ITSM_SLA_CONSEQUENCE_BREACH);
    assert_string_equal(r.reason, "guarantee missed: a breach of contract");
    /* 0.999 as a double is read as the decimal 0.999. */
    assert_true(eval_number(pct, 0.999, ITSM_SLA_UNIT_RATIO).met);
    /* 43156.8 of 43200 minutes (43.2 min down in a 30-day month) = 99.9 % exactly. */
    assert_true(eval_fraction(pct, 431568, 432000, ITSM_SLA_UNIT_RATIO).met);
    r = eval_fraction(pct, 431567, 432000, ITSM_SLA_UNIT_RATIO);
    assert_false(r.met);
    /* margin: 99.89976851... - 99.9 in percent */
    assert_true(fabs(r.margin - (43156700.0 / 432000.0 - 99.9)) < 1e-9);
    itsm_sla_item_free(pct);

    bad(HEAD ", \"unit\": \"time_band\", \"levels\": {\"L1\": {\"op\": \"<\", \"value\": 1}}}", ITSM_EINVAL,
        "$.levels.L1.value: a threshold needs a numeric unit");
}

/* ---- special levels, achieved level, margins ---------------------------------------- */

static const char *const table =
    HEAD ", \"unit\": \"percent\", \"kind\": \"target\", \"level\": \"L3\", \"levels\": {\"L1\": {\"none\": true}, "
         "\"L2\": {\"op\": \">=\", \"value\": 80}, \"L3\": {\"op\": \">=\", \"value\": 90}, \"L4\": {\"op\": \">=\", "
         "\"value\": 95}}}";

static void test_achieved_level(void **state)
{
    (void)state;
    itsm_sla_item *item = load(table);
    /* 85 %: L1 (none) and L2 met, L3 and L4 missed: agreed L3, achieved L2, 5 points short. */
    itsm_sla_evaluation r = eval_number(item, 85, ITSM_SLA_UNIT_NONE);
    assert_int_equal(r.agreed_level, 3);
    assert_int_equal(r.achieved_level, 2);
    assert_false(r.met);
    assert_int_equal(r.levels[0], ITSM_SLA_OUTCOME_NO_REQUIREMENT);
    assert_int_equal(r.levels[1], ITSM_SLA_OUTCOME_MET);
    assert_int_equal(r.levels[2], ITSM_SLA_OUTCOME_MISSED);
    assert_int_equal(r.levels[3], ITSM_SLA_OUTCOME_MISSED);
    assert_true(r.has_margin && fabs(r.margin + 5.0) < 1e-12);
    assert_int_equal(r.consequence, ITSM_SLA_CONSEQUENCE_FINDING);
    assert_false(r.has_credit);
    /* 50 %: only the "none" level; 97 %: all four. */
    assert_int_equal(eval_number(item, 50, ITSM_SLA_UNIT_NONE).achieved_level, 1);
    r = eval_number(item, 97, ITSM_SLA_UNIT_NONE);
    assert_int_equal(r.achieved_level, 4);
    assert_true(r.met);
    assert_true(fabs(r.margin - 7.0) < 1e-12);
    assert_string_equal(r.reason, "met");
    itsm_sla_item_free(item);

    /* Lower is better: margin is threshold - measured. */
    item = load(HEAD ", \"unit\": \"hour\", \"kind\": \"target\", \"level\": \"L2\", \"levels\": {\"L1\": {\"op\": "
                     "\"<=\", \"value\": 24}, \"L2\": {\"op\": \"<=\", \"value\": 4}}}");
    r = eval_number(item, 3.5, ITSM_SLA_UNIT_NONE);
    assert_true(r.met && fabs(r.margin - 0.5) < 1e-12);
    r = eval_number(item, 30, ITSM_SLA_UNIT_NONE);
    assert_int_equal(r.achieved_level, 0);
    assert_true(fabs(r.margin + 26.0) < 1e-12);
    itsm_sla_item_free(item);
}

static void test_special_levels(void **state)
{
    (void)state;
    static const struct {
        const char *cell;
        itsm_sla_outcome outcome;
        int met;
        itsm_sla_consequence consequence;
        const char *reason;
    } cases[] = {
        {"{\"none\": true}", ITSM_SLA_OUTCOME_NO_REQUIREMENT, 1, ITSM_SLA_CONSEQUENCE_NONE, "asks nothing"},
        {"{\"undefined\": true}", ITSM_SLA_OUTCOME_NO_REQUIREMENT, 1, ITSM_SLA_CONSEQUENCE_NONE, "asks nothing"},
        {"{\"not_supported\": true}", ITSM_SLA_OUTCOME_NOT_SUPPORTED, 1, ITSM_SLA_CONSEQUENCE_NONE, "not supported"},
        {"{\"per_contract\": true}", ITSM_SLA_OUTCOME_CONTRACT_VALUE_MISSING, 0, ITSM_SLA_CONSEQUENCE_UNDETERMINED,
         "per contract value missing"},
        {"{\"per_contract\": true, \"contract_value\": {\"op\": \"<=\", \"value\": 4}}", ITSM_SLA_OUTCOME_MET, 1,
         ITSM_SLA_CONSEQUENCE_NONE, "met"},
        {"{\"per_contract\": true, \"contract_value\": {\"op\": \"<=\", \"value\": 2}}", ITSM_SLA_OUTCOME_MISSED, 0,
         ITSM_SLA_CONSEQUENCE_BREACH, "breach"},
        {"{\"deadline\": \"next business day\"}", ITSM_SLA_OUTCOME_NO_DATA, 0, ITSM_SLA_CONSEQUENCE_UNDETERMINED,
         "no measured value"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char doc[400];
        (void)snprintf(doc, sizeof doc,
                       HEAD ", \"unit\": \"hour\", \"kind\": \"guarantee\", \"level\": \"L2\", \"levels\": {\"L2\": %s}}",
                       cases[i].cell);
        itsm_sla_item *item = load(doc);
        itsm_sla_evaluation r;
        itsm_sla_measure m = ITSM_SLA_MEASURE_INIT; /* 3 h where a number can decide something */
        int numeric = strstr(cases[i].cell, "op") != NULL || strstr(cases[i].cell, "per_contract") != NULL;
        m.kind = numeric ? ITSM_SLA_MEASURE_NUMBER : ITSM_SLA_MEASURE_NONE;
        m.number = 3;
        assert_itsm_ok(itsm_sla_item_evaluate(&r, item, &m));
        assert_int_equal(r.agreed, cases[i].outcome);
        assert_int_equal(r.levels[1], cases[i].outcome);
        assert_int_equal(r.met, cases[i].met);
        assert_int_equal(r.consequence, cases[i].consequence);
        if (strstr(r.reason, cases[i].reason) == NULL)
            fail_msg("case %zu: reason \"%s\"", i, r.reason);
        assert_int_equal(r.levels[0], ITSM_SLA_OUTCOME_ABSENT);
        assert_int_equal(r.levels[2], ITSM_SLA_OUTCOME_ABSENT);
        assert_int_equal(r.achieved_level, cases[i].met ? 2 : 0);
        itsm_sla_item_free(item);
    }
    /* The agreed level absent, and not stated. */
    itsm_sla_item *item = load(HEAD ", \"level\": \"L4\", \"levels\": {\"L1\": {\"deadline\": \"same day\"}}}");
    itsm_sla_measure none = ITSM_SLA_MEASURE_INIT;
    itsm_sla_evaluation r;
    assert_itsm_ok(itsm_sla_item_evaluate(&r, item, &none));
    assert_int_equal(r.agreed, ITSM_SLA_OUTCOME_ABSENT);
    assert_int_equal(r.consequence, ITSM_SLA_CONSEQUENCE_UNDETERMINED);
    assert_string_equal(r.reason, "the agreed level is not in the level table");
    itsm_sla_item_free(item);
    item = load(HEAD ", \"levels\": {\"L1\": {\"op\": \"<=\", \"value\": 1}}}");
    r = eval_number(item, 2, ITSM_SLA_UNIT_NONE);
    assert_int_equal(r.agreed_level, 0);
    assert_string_equal(r.reason, "the agreed level is not stated");
    assert_int_equal(r.consequence, ITSM_SLA_CONSEQUENCE_UNDETERMINED);
    itsm_sla_item_free(item);
    /* Missed without target or guarantee. */
    item = load(HEAD ", \"level\": \"L1\", \"levels\": {\"L1\": {\"op\": \"<=\", \"value\": 1}}}");
    r = eval_number(item, 2, ITSM_SLA_UNIT_NONE);
    assert_int_equal(r.agreed, ITSM_SLA_OUTCOME_MISSED);
    assert_int_equal(r.consequence, ITSM_SLA_CONSEQUENCE_UNDETERMINED);
    assert_non_null(strstr(r.reason, "target or a guarantee"));
    itsm_sla_item_free(item);
    /* A custom agreed value. */
    item = load(HEAD ", \"unit\": \"hour\", \"kind\": \"target\", \"level\": \"custom\", \"custom_level\": {\"op\": "
                     "\"<=\", \"value\": 3}, \"levels\": {\"L1\": {\"op\": \"<=\", \"value\": 24}, \"L2\": {\"op\": "
                     "\"<=\", \"value\": 4}}}");
    r = eval_number(item, 3.5, ITSM_SLA_UNIT_NONE);
    assert_int_equal(r.agreed_level, ITSM_SLA_CUSTOM);
    assert_int_equal(r.agreed, ITSM_SLA_OUTCOME_MISSED);
    assert_int_equal(r.achieved_level, 2);
    assert_true(fabs(r.margin + 0.5) < 1e-12);
    itsm_sla_item_free(item);
}

static void test_ordinals_and_verdicts(void **state)
{
    (void)state;
    itsm_sla_item *item =
        load(HEAD ", \"kind\": \"target\", \"scale\": [\"FW\", \"FW + NIDS\", \"FW + NIDS + HIDS\"], \"level\": "
                  "\"L4\", \"levels\": {\"L1\": {\"ordinal\": \"FW\"}, \"L2\": {\"ordinal\": \"FW + NIDS\"}, \"L4\": "
                  "{\"ordinal\": \"FW + NIDS + HIDS\"}}}");
    itsm_sla_measure m = ITSM_SLA_MEASURE_INIT;
    m.kind = ITSM_SLA_MEASURE_ORDINAL;
    m.ordinal = "FW + NIDS";
    itsm_sla_evaluation r;
    assert_itsm_ok(itsm_sla_item_evaluate(&r, item, &m));
    assert_int_equal(r.achieved_level, 2);
    assert_false(r.met);
    assert_true(r.has_margin && r.margin == -1.0);
    assert_int_equal(r.levels[2], ITSM_SLA_OUTCOME_ABSENT);
    m.ordinal = "IPS";
    assert_itsm_error(itsm_sla_item_evaluate(&r, item, &m), ITSM_EINVAL, "\"IPS\" is not on the scale");
    m.kind = ITSM_SLA_MEASURE_NUMBER;
    m.number = 2;
    assert_itsm_error(itsm_sla_item_evaluate(&r, item, &m), ITSM_EINVAL, "no threshold level");
    m.kind = ITSM_SLA_MEASURE_ORDINAL;
    m.ordinal = "FW";
    m.verdicts[0] = ITSM_SLA_VERDICT_MET;
    assert_itsm_error(itsm_sla_item_evaluate(&r, item, &m), ITSM_EINVAL, "verdicts[0]");
    itsm_sla_item_free(item);

    /* Deadlines are decided by verdicts (the clock's), thresholds by the number. */
    item = load(HEAD ", \"unit\": \"hour\", \"kind\": \"target\", \"level\": \"L2\", \"levels\": {\"L1\": "
                     "{\"deadline\": \"next day\"}, \"L2\": {\"deadline\": \"same day\"}, \"L3\": {\"op\": \"<=\", "
                     "\"value\": 4}}}");
    itsm_sla_measure v = ITSM_SLA_MEASURE_INIT;
    v.kind = ITSM_SLA_MEASURE_NUMBER;
    v.number = 5;
    v.verdicts[0] = ITSM_SLA_VERDICT_MET;
    v.verdicts[1] = ITSM_SLA_VERDICT_MISSED;
    assert_itsm_ok(itsm_sla_item_evaluate(&r, item, &v));
    assert_int_equal(r.levels[1], ITSM_SLA_OUTCOME_MISSED);
    assert_int_equal(r.levels[2], ITSM_SLA_OUTCOME_MISSED);
    assert_int_equal(r.achieved_level, 1);
    assert_false(r.has_margin); /* a verdict, not the value, decided the agreed level */
    assert_int_equal(r.consequence, ITSM_SLA_CONSEQUENCE_FINDING);
    v.verdicts[2] = ITSM_SLA_VERDICT_MET;
    assert_itsm_error(itsm_sla_item_evaluate(&r, item, &v), ITSM_EINVAL, "decides L3");
    v.verdicts[2] = (itsm_sla_verdict)7;
    assert_itsm_error(itsm_sla_item_evaluate(&r, item, &v), ITSM_EINVAL, "verdicts[2]");
    itsm_sla_item_free(item);

    /* share_within: thresholds are per-record targets, decided by verdicts. 19 of 20 is
     * 95 %: met at the edge; 18 of 19 (94.7 %) is not. */
    item = load(HEAD ", \"unit\": \"hour\", \"kind\": \"target\", \"metric\": {\"kind\": \"duration\", "
                     "\"aggregate\": \"share_within\", \"required_percent\": 95}, \"level\": \"L1\", \"levels\": "
                     "{\"L1\": {\"op\": \"<=\", \"value\": 4}}}");
    itsm_sla_verdict verdict;
    assert_itsm_ok(itsm_sla_item_share_verdict(&verdict, item, 19, 20));
    assert_int_equal(verdict, ITSM_SLA_VERDICT_MET);
    assert_itsm_ok(itsm_sla_item_share_verdict(&verdict, item, 18, 19));
    assert_int_equal(verdict, ITSM_SLA_VERDICT_MISSED);
    assert_itsm_ok(itsm_sla_item_share_verdict(&verdict, item, 0, 0));
    assert_int_equal(verdict, ITSM_SLA_VERDICT_UNKNOWN);
    assert_itsm_error(itsm_sla_item_share_verdict(&verdict, item, 3, 2), ITSM_EINVAL, "not a share");
    itsm_sla_measure s = ITSM_SLA_MEASURE_INIT;
    s.verdicts[0] = ITSM_SLA_VERDICT_MET;
    assert_itsm_ok(itsm_sla_item_evaluate(&r, item, &s));
    assert_true(r.met);
    itsm_sla_item_free(item);
    item = load(table);
    assert_itsm_error(itsm_sla_item_share_verdict(&verdict, item, 1, 2), ITSM_EINVAL, "share_within");
    itsm_sla_item_free(item);
}

static void test_credits(void **state)
{
    (void)state;
    itsm_sla_item *item = load(full); /* < 99.9: 10 %, < 99: 25 %, < 95: 100 % */
    static const struct {
        double measured;
        double credit;
    } edges[] = {{100, 0}, {99.9, 0}, {99.89, 10}, {99.0, 10}, {98.99, 25}, {95.0, 25}, {94.99, 100}, {0, 100}};
    for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++) {
        itsm_sla_evaluation r = eval_number(item, edges[i].measured, ITSM_SLA_UNIT_NONE);
        assert_true(r.has_credit);
        if (r.credit_percent != edges[i].credit)
            fail_msg("%g %%: credit %g, expected %g", edges[i].measured, r.credit_percent, edges[i].credit);
    }
    itsm_sla_evaluation r = eval_fraction(item, 999, 1000, ITSM_SLA_UNIT_RATIO);
    assert_true(r.met && r.credit_percent == 0.0);
    itsm_sla_measure none = ITSM_SLA_MEASURE_INIT;
    assert_itsm_ok(itsm_sla_item_evaluate(&r, item, &none));
    assert_false(r.has_credit);
    itsm_sla_item_free(item);
    /* Credits belong to guarantees, point against the levels and grow with severity. */
    bad(HEAD ", \"kind\": \"target\", \"credits\": [{\"op\": \"<\", \"value\": 1, \"percent\": 5}]}", ITSM_EINVAL,
        "$.credits: service credits apply to a guarantee");
    bad(HEAD ", \"kind\": \"guarantee\", \"levels\": {\"L1\": {\"op\": \">=\", \"value\": 99}}, \"credits\": "
             "[{\"op\": \">\", \"value\": 1, \"percent\": 5}]}",
        ITSM_EINVAL, "$.credits[0].op");
    bad(HEAD ", \"kind\": \"guarantee\", \"credits\": [{\"op\": \"<\", \"value\": 99, \"percent\": 5}, {\"op\": "
             "\"<\", \"value\": 99.5, \"percent\": 10}]}",
        ITSM_EINVAL, "$.credits[1].value");
    bad(HEAD ", \"kind\": \"guarantee\", \"credits\": [{\"op\": \"<\", \"value\": 99, \"percent\": 5}, {\"op\": "
             "\"<\", \"value\": 99, \"percent\": 10}]}",
        ITSM_EINVAL, "$.credits[1].value");
    bad(HEAD ", \"kind\": \"guarantee\", \"credits\": [{\"op\": \"<\", \"value\": 99, \"percent\": 20}, {\"op\": "
             "\"<\", \"value\": 98, \"percent\": 10}]}",
        ITSM_EINVAL, "$.credits[1].percent");
    bad(HEAD ", \"kind\": \"guarantee\", \"credits\": [{\"op\": \"<\", \"value\": 99, \"percent\": 0}]}", ITSM_ERANGE,
        "$.credits[0].percent");
    bad(HEAD ", \"kind\": \"guarantee\", \"credits\": [{\"op\": \"<\", \"value\": 99, \"percent\": 101}]}",
        ITSM_ERANGE, "$.credits[0].percent");
    bad(HEAD ", \"kind\": \"guarantee\", \"credits\": []}", ITSM_EINVAL, "$.credits: must not be empty");
    /* "<" then "<=" at the same value is not further on the bad side; "<=" then "<" is. */
    bad(HEAD ", \"kind\": \"guarantee\", \"credits\": [{\"op\": \"<\", \"value\": 99, \"percent\": 5}, {\"op\": "
             "\"<=\", \"value\": 99, \"percent\": 10}]}",
        ITSM_EINVAL, "$.credits[1].value");
    itsm_sla_item_free(load(HEAD ", \"kind\": \"guarantee\", \"credits\": [{\"op\": \"<=\", \"value\": 99, "
                                 "\"percent\": 5}, {\"op\": \"<\", \"value\": 99, \"percent\": 10}]}"));
}

/* ---- the level table checks -------------------------------------------------------------- */

static void test_monotonicity(void **state)
{
    (void)state;
#define LV(cells) HEAD ", \"unit\": \"hour\", \"scale\": [\"a\", \"b\", \"c\"], \"levels\": {" cells "}}"
    bad(LV("\"L2\": {\"op\": \">=\", \"value\": 80}, \"L3\": {\"op\": \">=\", \"value\": 70}"), ITSM_EINVAL,
        "$.levels.L3.value: \">= 70\" asks less than the level below (\">= 80\")");
    bad(LV("\"L1\": {\"op\": \"<=\", \"value\": 4}, \"L4\": {\"op\": \"<=\", \"value\": 8}"), ITSM_EINVAL,
        "$.levels.L4.value");
    bad(LV("\"L1\": {\"op\": \"<=\", \"value\": 4}, \"L2\": {\"op\": \">=\", \"value\": 8}"), ITSM_EINVAL,
        "$.levels.L2.op: \">=\" points the other way");
    bad(LV("\"L1\": {\"op\": \">\", \"value\": 8}, \"L2\": {\"op\": \">=\", \"value\": 8}"), ITSM_EINVAL,
        "$.levels.L2.value");
    bad(LV("\"L2\": {\"op\": \"<=\", \"value\": 4}, \"L3\": {\"none\": true}"), ITSM_EINVAL,
        "$.levels.L3: asks nothing, but L2 below it has a requirement");
    bad(LV("\"L1\": {\"per_contract\": true}, \"L2\": {\"not_supported\": true}"), ITSM_EINVAL, "$.levels.L2");
    bad(LV("\"L1\": {\"ordinal\": \"b\"}, \"L2\": {\"ordinal\": \"a\"}"), ITSM_EINVAL,
        "$.levels.L2.ordinal: \"a\" is lower on the scale");
    bad(LV("\"L1\": {\"ordinal\": \"a\"}, \"L2\": {\"op\": \"<=\", \"value\": 1}"), ITSM_EINVAL,
        "$.levels.L2: ordinal levels and threshold or deadline levels cannot share");
    bad(LV("\"L2\": {\"op\": \"<=\", \"value\": 24}, \"L3\": {\"per_contract\": true, \"contract_value\": {\"op\": "
           "\"<=\", \"value\": 30}}"),
        ITSM_EINVAL, "$.levels.L3.contract_value.value");
    bad(HEAD ", \"level\": \"custom\", \"custom_level\": {\"op\": \">=\", \"value\": 1}, \"levels\": {\"L1\": "
             "{\"op\": \"<=\", \"value\": 4}}}",
        ITSM_EINVAL, "$.custom_level.op");
    bad(LV("\"L1\": {\"ordinal\": \"z\"}"), ITSM_EINVAL, "$.levels.L1.ordinal: \"z\" is not on the item's scale");
    bad(HEAD ", \"levels\": {\"L1\": {\"ordinal\": \"a\"}}}", ITSM_EINVAL, "$.levels.L1.ordinal: an ordinal level "
                                                                           "needs the item's \"scale\"");
    /* Allowed: equal levels, a strict comparator above a non-strict one at the same value,
     * deadlines between thresholds (not comparable here), blanks, "none" below requirements. */
    static const char *const fine[] = {
        LV("\"L1\": {\"op\": \">=\", \"value\": 8}, \"L2\": {\"op\": \">=\", \"value\": 8}"),
        LV("\"L1\": {\"op\": \">=\", \"value\": 8}, \"L2\": {\"op\": \">\", \"value\": 8}"),
        LV("\"L1\": {\"deadline\": \"next day\"}, \"L2\": {\"op\": \"<=\", \"value\": 4}, \"L3\": {\"deadline\": "
           "\"x\"}, \"L4\": {\"op\": \"<=\", \"value\": 2}"),
        LV("\"L1\": {\"none\": true}, \"L2\": {\"undefined\": true}, \"L4\": {\"per_contract\": true}"),
        LV("\"L1\": {\"ordinal\": \"a\"}, \"L2\": {\"ordinal\": \"a\"}, \"L4\": {\"ordinal\": \"c\"}"),
    };
    for (size_t i = 0; i < sizeof fine / sizeof fine[0]; i++)
        itsm_sla_item_free(load(fine[i]));
#undef LV
}

static void test_errors_name_their_path(void **state)
{
    (void)state;
    bad("{\"type\": \"sla_item\", \"id\": \"s\"}", ITSM_EVERSION, "itsm_schema");
    bad("{\"itsm_schema\": 2, \"type\": \"sla_item\", \"id\": \"s\"}", ITSM_EVERSION, "newer");
    bad("{\"itsm_schema\": 1, \"type\": \"agreement\", \"id\": \"s\"}", ITSM_EINVAL, "$.type");
    bad("{\"itsm_schema\": 1, \"type\": \"sla_item\"}", ITSM_EINVAL, "missing required key \"id\"");
    bad(HEAD ", \"id\": \"t\"}", ITSM_EPARSE, "duplicate");
    bad(HEAD ", \"nmae\": \"x\"}", ITSM_EINVAL, "$.nmae");
    bad(HEAD ", \"name\": \"\"}", ITSM_EINVAL, "$.name: must not be empty");
    bad(HEAD ", \"unit\": \"furlong\"}", ITSM_EINVAL, "$.unit: \"furlong\" is not allowed here");
    bad(HEAD ", \"kind\": \"promise\"}", ITSM_EINVAL, "$.kind");
    bad(HEAD ", \"period\": \"rolling\"}", ITSM_EINVAL, "$.period: a rolling period needs \"window_days\"");
    bad(HEAD ", \"period\": \"month\", \"window_days\": 30}", ITSM_EINVAL, "$.window_days");
    bad(HEAD ", \"period\": \"rolling\", \"window_days\": 0}", ITSM_ERANGE, "$.window_days");
    bad(HEAD ", \"level\": \"L5\"}", ITSM_EINVAL, "$.level");
    bad(HEAD ", \"level\": \"custom\"}", ITSM_EINVAL, "$.level: \"custom\" needs \"custom_level\"");
    bad(HEAD ", \"custom_level\": {\"deadline\": \"x\"}}", ITSM_EINVAL, "$.custom_level: \"custom_level\" belongs");
    bad(HEAD ", \"level\": \"custom\", \"custom_level\": {\"none\": true}}", ITSM_EINVAL, "$.custom_level");
    bad(HEAD ", \"levels\": {\"L5\": {\"none\": true}}}", ITSM_EINVAL, "$.levels.L5");
    bad(HEAD ", \"levels\": []}", ITSM_EINVAL, "$.levels: expected an object");
    bad(HEAD ", \"levels\": {\"L1\": {}}}", ITSM_EINVAL, "$.levels.L1: a level needs exactly one of");
    bad(HEAD ", \"levels\": {\"L1\": {\"none\": true, \"deadline\": \"x\"}}}", ITSM_EINVAL,
        "$.levels.L1: a level is exactly one of");
    bad(HEAD ", \"levels\": {\"L1\": {\"none\": false}}}", ITSM_EINVAL, "$.levels.L1.none: must be true");
    bad(HEAD ", \"levels\": {\"L1\": {\"op\": \"<=\"}}}", ITSM_EINVAL, "$.levels.L1: missing required key \"value\"");
    bad(HEAD ", \"levels\": {\"L1\": {\"value\": 3}}}", ITSM_EINVAL, "$.levels.L1: missing required key \"op\"");
    bad(HEAD ", \"levels\": {\"L1\": {\"op\": \"=\", \"value\": 3}}}", ITSM_EINVAL, "$.levels.L1.op");
    bad(HEAD ", \"levels\": {\"L1\": {\"op\": \"<\", \"value\": \"3\"}}}", ITSM_EINVAL,
        "$.levels.L1.value: expected a number");
    bad(HEAD ", \"levels\": {\"L1\": {\"op\": \"<\", \"value\": -3}}}", ITSM_ERANGE, "$.levels.L1.value");
    bad(HEAD ", \"levels\": {\"L1\": {\"op\": \"<\", \"value\": 0.12345678901234567}}}", ITSM_ERANGE,
        "$.levels.L1.value: 0.12345678901234566 has more than 15 significant digits");
    bad(HEAD ", \"levels\": {\"L1\": {\"deadline\": \"\"}}}", ITSM_EINVAL, "$.levels.L1.deadline: must not be empty");
    bad(HEAD ", \"levels\": {\"L1\": {\"deadline\": \"x\", \"contract_value\": {\"deadline\": \"y\"}}}}", ITSM_EINVAL,
        "$.levels.L1: \"contract_value\" belongs to a \"per_contract\" level");
    bad(HEAD ", \"levels\": {\"L1\": {\"per_contract\": true, \"contract_value\": {\"none\": true}}}}", ITSM_EINVAL,
        "$.levels.L1.contract_value.none");
    bad(HEAD ", \"levels\": {\"L1\": {\"per_contract\": true, \"contract_value\": {}}}}", ITSM_EINVAL,
        "$.levels.L1.contract_value: a level needs exactly one of");
    bad(HEAD ", \"scale\": [\"a\", \"a\"]}", ITSM_EINVAL, "$.scale[1]: repeats [0]");
    bad(HEAD ", \"scale\": []}", ITSM_EINVAL, "$.scale: must not be empty");
    bad(HEAD ", \"selector\": {\"priorities\": [0]}}", ITSM_ERANGE, "$.selector.priorities[0]");
    bad(HEAD ", \"selector\": {\"priorities\": [1, 1]}}", ITSM_EINVAL, "$.selector.priorities[1]: repeats");
    bad(HEAD ", \"selector\": {\"categories\": [3]}}", ITSM_EINVAL, "$.selector.categories[0]");
    bad(HEAD ", \"selector\": {\"ci\": [\"x\"]}}", ITSM_EINVAL, "$.selector.ci");
    /* Metrics: kinds, their own parameters only, parameters that need each other. */
    bad(HEAD ", \"metric\": {}}", ITSM_EINVAL, "$.metric: missing required key \"kind\"");
    bad(HEAD ", \"metric\": {\"kind\": \"latency\"}}", ITSM_EINVAL, "$.metric.kind");
    bad(HEAD ", \"metric\": {\"kind\": \"availability\", \"rate\": \"answer\"}}", ITSM_EINVAL,
        "metric kind \"availability\": $.metric.rate: unknown key");
    bad(HEAD ", \"metric\": {\"kind\": \"average_duration\", \"aggregate\": \"max\"}}", ITSM_EINVAL,
        "$.metric.aggregate");
    bad(HEAD ", \"metric\": {\"kind\": \"duration\", \"aggregate\": \"percentile\"}}", ITSM_EINVAL,
        "$.metric.aggregate: \"percentile\" needs \"p\"");
    bad(HEAD ", \"metric\": {\"kind\": \"duration\", \"aggregate\": \"percentile\", \"p\": 100}}", ITSM_ERANGE,
        "$.metric.p");
    bad(HEAD ", \"metric\": {\"kind\": \"duration\", \"p\": 95}}", ITSM_EINVAL, "$.metric.p: \"p\" belongs");
    bad(HEAD ", \"metric\": {\"kind\": \"duration\", \"aggregate\": \"share_within\"}}", ITSM_EINVAL,
        "needs \"required_percent\"");
    bad(HEAD ", \"metric\": {\"kind\": \"duration\", \"aggregate\": \"max\", \"required_percent\": 90}}", ITSM_EINVAL,
        "$.metric.required_percent");
    bad(HEAD ", \"metric\": {\"kind\": \"duration\", \"start\": [\"new\", \"new\"]}}", ITSM_EINVAL,
        "$.metric.start[1]: repeats [0]");
    bad(HEAD ", \"metric\": {\"kind\": \"duration\", \"reopen\": \"forget\"}}", ITSM_EINVAL, "$.metric.reopen");
    bad(HEAD ", \"metric\": {\"kind\": \"call_rate\"}}", ITSM_EINVAL, "$.metric: a call rate needs \"rate\"");
    bad(HEAD ", \"metric\": {\"kind\": \"call_rate\", \"rate\": \"busy\", \"variant\": \"answered_only\"}}",
        ITSM_EINVAL, "$.metric.variant: \"answered_only\" is not allowed here (expected one of: attempts)");
    bad(HEAD ", \"metric\": {\"kind\": \"call_rate\", \"rate\": \"busy\", \"answer_threshold\": 20}}", ITSM_EINVAL,
        "$.metric.answer_threshold");
    bad(HEAD ", \"metric\": {\"kind\": \"call_rate\", \"rate\": \"answer\", \"answer_threshold\": 0}}", ITSM_ERANGE,
        "$.metric.answer_threshold");
    bad(HEAD ", \"metric\": {\"kind\": \"call_rate\", \"rate\": \"abandon\", \"variant\": \"short_excluded\"}}",
        ITSM_EINVAL, "$.metric.variant: this variant needs \"short_abandon\"");
    bad(HEAD ", \"metric\": {\"kind\": \"call_rate\", \"rate\": \"callback\", \"variant\": \"repeat_contact\"}}",
        ITSM_EINVAL, "needs \"repeat_days\"");
    bad(HEAD ", \"metric\": {\"kind\": \"call_rate\", \"rate\": \"answer\", \"repeat_days\": 3}}", ITSM_EINVAL,
        "$.metric.repeat_days");
    bad(HEAD ", \"metric\": {\"kind\": \"availability\", \"partial\": \"critical_only\"}}", ITSM_EINVAL,
        "$.metric.partial");
    bad(HEAD ", \"metric\": {\"kind\": \"availability\", \"critical_functions\": [\"x\"]}}", ITSM_EINVAL,
        "$.metric.critical_functions");
    bad(HEAD ", \"metric\": {\"kind\": \"availability\", \"exclude_planned\": 1}}", ITSM_EINVAL,
        "$.metric.exclude_planned");
    bad(HEAD ", \"metric\": {\"kind\": \"report_deadline\", \"report\": \"\"}}", ITSM_EINVAL, "$.metric.report");
    bad(HEAD ", \"metric\": {\"kind\": \"ordinal\", \"events\": [\"x\"]}}", ITSM_EINVAL, "$.metric.events");
    bad("[1]", ITSM_EINVAL, "$");
    bad("{", ITSM_EPARSE, "line 1");
}

static void test_agreement_items(void **state)
{
    (void)state;
    const char *doc = "{\"itsm_schema\": 1, \"type\": \"agreement\", \"id\": \"A\", \"sla_items\": [{\"id\": \"a\"}, "
                      "{\"id\": \"b\", \"unit\": \"minute\", \"level\": \"L1\", \"levels\": {\"L1\": {\"op\": \"<=\", "
                      "\"value\": 60}}}]}";
    itsm_agreement *a = NULL;
    assert_itsm_ok(itsm_agreement_from_json(&a, doc, strlen(doc)));
    const itsm_sla_item *b = itsm_agreement_sla_item(a, 1);
    assert_non_null(b);
    assert_string_equal(itsm_sla_item_text(b, ITSM_SLA_TEXT_ID), "b");
    assert_true(eval_number(b, 3600, ITSM_SLA_UNIT_SECOND).met);
    assert_null(itsm_agreement_sla_item(a, 2));
    assert_null(itsm_agreement_sla_item(NULL, 0));
    itsm_agreement_free(a);
    /* The item reader's paths inside an agreement. */
    const char *worse = "{\"itsm_schema\": 1, \"type\": \"agreement\", \"id\": \"A\", \"sla_items\": [{\"id\": \"a\", "
                        "\"levels\": {\"L1\": {\"op\": \"<=\", \"value\": 1}, \"L2\": {\"op\": \"<=\", \"value\": "
                        "2}}}]}";
    assert_itsm_error(itsm_agreement_from_json(&a, worse, strlen(worse)), ITSM_EINVAL, "$.sla_items[0].levels.L2.value");
}

static int scenario_item(const void *ctx)
{
    const char *doc = ctx;
    itsm_sla_item *a = NULL, *b = NULL;
    char *text = NULL;
    int rc = itsm_sla_item_from_json(&a, doc, strlen(doc));
    if (rc == ITSM_OK)
        rc = itsm_sla_item_to_json(&text, a);
    if (rc == ITSM_OK)
        rc = itsm_sla_item_from_json(&b, text, strlen(text));
    if (rc == ITSM_OK) {
        itsm_sla_measure m = ITSM_SLA_MEASURE_INIT;
        m.kind = ITSM_SLA_MEASURE_NUMBER;
        m.number = 99.5;
        itsm_sla_evaluation r;
        rc = itsm_sla_item_evaluate(&r, b, &m);
    }
    itsm_free(text);
    itsm_sla_item_free(b);
    itsm_sla_item_free(a);
    return rc;
}

static void test_allocation_failures(void **state)
{
    (void)state;
    itsm_test_alloc_sweep("full item", scenario_item, full, ITSM_OK);
    itsm_test_alloc_sweep("bad cell", scenario_item, HEAD ", \"scale\": [\"a\"], \"levels\": {\"L1\": {\"ordinal\": "
                                                           "\"b\"}}}",
                          ITSM_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_accessors),
        cmocka_unit_test(test_selector),
        cmocka_unit_test(test_comparators),
        cmocka_unit_test(test_units),
        cmocka_unit_test(test_achieved_level),
        cmocka_unit_test(test_special_levels),
        cmocka_unit_test(test_ordinals_and_verdicts),
        cmocka_unit_test(test_credits),
        cmocka_unit_test(test_monotonicity),
        cmocka_unit_test(test_errors_name_their_path),
        cmocka_unit_test(test_agreement_items),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, itsm_test_group_setup, itsm_test_group_teardown);
}
