/* Incident records: histories and what is derived from them (reopenings, milestones, the
 * severity of Case 9-11), the priority matrix, documents and record sets that round-trip
 * to identical text, errors that name their JSON path (and line, for JSON Lines), and
 * allocation failures that leak nothing. */
#include "itsm_test.h"

#include "itsm/incident.h"

#include <stdio.h>
#include <stdlib.h>

static const char DOC[] =
    "{\n"
    "  \"itsm_schema\": 1,\n"
    "  \"type\": \"incident\",\n"
    "  \"id\": \"INC0000045\",\n"
    "  \"service\": \"payroll\",\n"
    "  \"ci\": \"srv-01\",\n"
    "  \"category\": \"Category 55\",\n"
    "  \"impact\": 2,\n"
    "  \"urgency\": 2,\n"
    "  \"priority\": 3,\n"
    "  \"status_history\": [\n"
    "    {\n"
    "      \"at\": \"2016-02-29T01:16:00Z\",\n"
    "      \"status\": \"new\",\n"
    "      \"group\": \"Group 56\",\n"
    "      \"by\": \"Updated by 21\"\n"
    "    },\n"
    "    {\n"
    "      \"at\": \"2016-02-29T08:53:00Z\",\n"
    "      \"status\": \"resolved\",\n"
    "      \"group\": \"Group 56\"\n"
    "    },\n"
    "    {\n"
    "      \"at\": \"2016-03-01T09:00:00Z\",\n"
    "      \"status\": \"active\"\n"
    "    },\n"
    "    {\n"
    "      \"at\": \"2016-03-02T09:00:00Z\",\n"
    "      \"status\": \"closed\"\n"
    "    }\n"
    "  ],\n"
    "  \"assignment_history\": [\n"
    "    {\n"
    "      \"at\": \"2016-02-29T01:16:00Z\",\n"
    "      \"group\": \"Group 56\"\n"
    "    }\n"
    "  ],\n"
    "  \"severity_declarations\": [\n"
    "    {\n"
    "      \"at\": \"2016-02-29T01:20:00Z\",\n"
    "      \"level\": \"0+\",\n"
    "      \"by\": \"tanaka\"\n"
    "    },\n"
    "    {\n"
    "      \"at\": \"2016-02-29T01:30:00Z\",\n"
    "      \"level\": \"2\",\n"
    "      \"by\": \"suzuki\"\n"
    "    },\n"
    "    {\n"
    "      \"at\": \"2016-02-29T02:00:00Z\",\n"
    "      \"level\": \"1\",\n"
    "      \"by\": \"suzuki\"\n"
    "    }\n"
    "  ]\n"
    "}\n";

#define HEAD "{\"itsm_schema\": 1, \"type\": \"incident\", \"id\": \"I-1\""

static itsm_instant at(const char *text)
{
    itsm_instant t;
    assert_itsm_ok(itsm_instant_parse(&t, text, NULL));
    return t;
}

static void test_round_trip_identical(void **state)
{
    (void)state;
    itsm_incident *inc = NULL, *again = NULL, *copy = NULL;
    char *text = NULL, *text2 = NULL, *text3 = NULL;
    assert_itsm_ok(itsm_incident_from_json(&inc, DOC, sizeof DOC - 1));
    assert_itsm_ok(itsm_incident_to_json(&text, inc));
    assert_string_equal(text, DOC);
    assert_itsm_ok(itsm_incident_from_json(&again, text, strlen(text)));
    assert_itsm_ok(itsm_incident_to_json(&text2, again));
    assert_string_equal(text, text2);
    assert_itsm_ok(itsm_incident_clone(&copy, inc));
    assert_itsm_ok(itsm_incident_to_json(&text3, copy));
    assert_string_equal(text, text3);
    assert_string_equal(itsm_incident_id(inc), "INC0000045");
    assert_string_equal(itsm_incident_get_text(inc, ITSM_INCIDENT_CI), "srv-01");
    itsm_free(text);
    itsm_free(text2);
    itsm_free(text3);
    itsm_incident_free(inc);
    itsm_incident_free(again);
    itsm_incident_free(copy);
}

static void test_reopen_and_milestones(void **state)
{
    (void)state;
    itsm_incident *inc = NULL;
    assert_itsm_ok(itsm_incident_new(&inc, "I-1"));
    itsm_incident_milestones m;
    assert_itsm_ok(itsm_incident_get_milestones(&m, inc));
    assert_int_equal(m.has_opened, 0);
    assert_itsm_ok(itsm_incident_add_status(inc, at("2024-01-01T00:00:00Z"), ITSM_INCIDENT_NEW, "G1", "a"));
    assert_itsm_ok(itsm_incident_add_status(inc, at("2024-01-01T01:00:00Z"), ITSM_INCIDENT_ACTIVE, "G1", NULL));
    assert_itsm_ok(itsm_incident_add_status(inc, at("2024-01-01T02:00:00Z"), ITSM_INCIDENT_ON_HOLD, "G2", NULL));
    assert_itsm_ok(itsm_incident_add_status(inc, at("2024-01-01T03:00:00Z"), ITSM_INCIDENT_RESOLVED, NULL, NULL));
    assert_itsm_ok(itsm_incident_add_status(inc, at("2024-01-02T00:00:00Z"), ITSM_INCIDENT_ACTIVE, NULL, NULL));
    assert_itsm_ok(itsm_incident_add_status(inc, at("2024-01-02T05:00:00Z"), ITSM_INCIDENT_RESOLVED, NULL, NULL));
    assert_itsm_ok(itsm_incident_add_status(inc, at("2024-01-03T00:00:00Z"), ITSM_INCIDENT_CLOSED, NULL, NULL));
    assert_itsm_ok(itsm_incident_get_milestones(&m, inc));
    assert_int_equal(m.has_opened, 1);
    assert_int_equal(m.opened, at("2024-01-01T00:00:00Z"));
    assert_int_equal(m.reopen_count, 1);
    assert_int_equal(m.has_resolved, 1);
    assert_int_equal(m.resolved, at("2024-01-02T05:00:00Z"));
    assert_int_equal(m.has_closed, 1);
    assert_int_equal(m.closed, at("2024-01-03T00:00:00Z"));
    /* Closed -> new again is a second reopening; the incident is no longer resolved. */
    assert_itsm_ok(itsm_incident_add_status(inc, at("2024-01-04T00:00:00Z"), ITSM_INCIDENT_NEW, NULL, NULL));
    assert_itsm_ok(itsm_incident_get_milestones(&m, inc));
    assert_int_equal(m.reopen_count, 2);
    assert_int_equal(m.has_resolved, 0);
    assert_int_equal(m.has_closed, 0);
    /* Group changes G1 -> G2 gave two assignments. */
    assert_int_equal(itsm_incident_assignment_count(inc), 2);
    itsm_incident_assignment a;
    assert_itsm_ok(itsm_incident_assignment_get(&a, inc, 1));
    assert_string_equal(a.group, "G2");
    assert_int_equal(a.at, at("2024-01-01T02:00:00Z"));
    assert_itsm_error(itsm_incident_assignment_get(&a, inc, 2), ITSM_ERANGE, "past the end");
    itsm_incident_change c;
    assert_int_equal(itsm_incident_status_count(inc), 8);
    assert_itsm_ok(itsm_incident_status_get(&c, inc, 0));
    assert_string_equal(c.by, "a");
    assert_int_equal(c.status, ITSM_INCIDENT_NEW);
    /* Instants never go backwards. */
    assert_itsm_error(itsm_incident_add_status(inc, at("2023-12-31T00:00:00Z"), ITSM_INCIDENT_ACTIVE, "G9", NULL),
                      ITSM_EINVAL, "before the last entry");
    assert_int_equal(itsm_incident_status_count(inc), 8);
    assert_int_equal(itsm_incident_assignment_count(inc), 2);
    itsm_incident_free(inc);
}

static void test_severity(void **state)
{
    (void)state;
    itsm_incident *inc = NULL;
    int set = 1;
    itsm_severity_level level = ITSM_SEVERITY_3;
    assert_itsm_ok(itsm_incident_from_json(&inc, DOC, sizeof DOC - 1));
    /* tanaka 0+, suzuki 2 then 1: the latest of each, maximum = 1. */
    assert_itsm_ok(itsm_incident_severity(&set, &level, inc));
    assert_int_equal(set, 1);
    assert_int_equal(level, ITSM_SEVERITY_1);
    assert_itsm_ok(itsm_incident_declare_severity(inc, at("2016-02-29T03:00:00Z"), ITSM_SEVERITY_3, "sato"));
    assert_itsm_ok(itsm_incident_severity(&set, &level, inc));
    assert_int_equal(level, ITSM_SEVERITY_3);
    itsm_severity_declaration d;
    assert_itsm_ok(itsm_incident_severity_get(&d, inc, 0));
    assert_int_equal(d.level, ITSM_SEVERITY_0_PLUS);
    assert_string_equal(d.by, "tanaka");
    const char *name = NULL;
    assert_itsm_ok(itsm_severity_level_name(&name, ITSM_SEVERITY_0_PLUS));
    assert_string_equal(name, "0+");
    assert_itsm_ok(itsm_incident_status_name(&name, ITSM_INCIDENT_ON_HOLD));
    assert_string_equal(name, "on_hold");
    assert_itsm_error(itsm_severity_level_name(&name, (itsm_severity_level)9), ITSM_EINVAL, "unknown");
    assert_itsm_error(itsm_incident_declare_severity(inc, at("2016-02-29T04:00:00Z"), ITSM_SEVERITY_1, ""),
                      ITSM_EINVAL, "by");
    itsm_incident_free(inc);
    assert_itsm_ok(itsm_incident_new(&inc, "I-2"));
    set = 1;
    assert_itsm_ok(itsm_incident_severity(&set, &level, inc));
    assert_int_equal(set, 0);
    itsm_incident_free(inc);
}

static void test_priority_matrix(void **state)
{
    (void)state;
    /* ITIL-style 3 x 3: impact rows, urgency columns. */
    const int32_t cells[] = {1, 2, 3, 2, 3, 4, 3, 4, 5};
    itsm_priority_matrix *m = NULL;
    int32_t p = 0;
    assert_itsm_ok(itsm_priority_matrix_new(&m, 3, 3, cells));
    assert_itsm_ok(itsm_priority_matrix_lookup(&p, m, 1, 1));
    assert_int_equal(p, 1);
    assert_itsm_ok(itsm_priority_matrix_lookup(&p, m, 2, 3));
    assert_int_equal(p, 4);
    assert_itsm_error(itsm_priority_matrix_lookup(&p, m, 4, 1), ITSM_ERANGE, "impact 4");
    assert_itsm_error(itsm_priority_matrix_lookup(&p, m, 1, 0), ITSM_ERANGE, "urgency 0");
    itsm_incident *inc = NULL;
    assert_itsm_ok(itsm_incident_new(&inc, "I-1"));
    assert_itsm_error(itsm_incident_apply_matrix(inc, m), ITSM_EINVAL, "no impact");
    assert_itsm_ok(itsm_incident_set_level(inc, ITSM_INCIDENT_IMPACT, 3));
    assert_itsm_ok(itsm_incident_set_level(inc, ITSM_INCIDENT_URGENCY, 2));
    assert_itsm_ok(itsm_incident_apply_matrix(inc, m));
    assert_itsm_ok(itsm_incident_get_level(&p, inc, ITSM_INCIDENT_PRIORITY));
    assert_int_equal(p, 4);
    assert_itsm_error(itsm_incident_set_level(inc, ITSM_INCIDENT_IMPACT, -1), ITSM_ERANGE, "impact");
    itsm_incident_free(inc);
    itsm_priority_matrix_free(m);
    const int32_t bad[] = {1, 0};
    assert_itsm_error(itsm_priority_matrix_new(&m, 1, 2, bad), ITSM_ERANGE, "urgency 2");
    assert_itsm_error(itsm_priority_matrix_new(&m, 0, 2, bad), ITSM_EINVAL, "0 x 2");
}

/* ---- priority matrices as documents -------------------------------------------------------- */

static void test_priority_matrix_default(void **state)
{
    (void)state;
    itsm_priority_matrix *m = NULL;
    assert_itsm_ok(itsm_priority_matrix_default(&m));
    int32_t rows = 0, cols = 0, p = 0;
    assert_itsm_ok(itsm_priority_matrix_shape(&rows, &cols, m));
    assert_int_equal(rows, 3);
    assert_int_equal(cols, 3);
    for (int32_t i = 1; i <= 3; i++)
        for (int32_t u = 1; u <= 3; u++) {
            assert_itsm_ok(itsm_priority_matrix_lookup(&p, m, i, u));
            assert_int_equal(p, i + u - 1); /* METRICS.md 6 */
        }
    const char *name = NULL;
    const char *priorities[] = {"critical", "high", "medium", "low", "planning"};
    for (int32_t k = 1; k <= 5; k++) {
        assert_itsm_ok(itsm_priority_matrix_level_name(&name, m, ITSM_PRIORITY_AXIS_PRIORITY, k));
        assert_string_equal(name, priorities[k - 1]);
    }
    assert_itsm_ok(itsm_priority_matrix_level_name(&name, m, ITSM_PRIORITY_AXIS_IMPACT, 1));
    assert_string_equal(name, "high");
    assert_itsm_ok(itsm_priority_matrix_level_name(&name, m, ITSM_PRIORITY_AXIS_URGENCY, 3));
    assert_string_equal(name, "low");
    assert_itsm_error(itsm_priority_matrix_level_name(&name, m, ITSM_PRIORITY_AXIS_PRIORITY, 6), ITSM_ERANGE,
                      "priority level 6 is outside 1 .. 5");
    assert_itsm_error(itsm_priority_matrix_level_name(&name, m, (itsm_priority_axis)3, 1), ITSM_EINVAL, "axis");
    /* a document without "cells" is the default */
    char *a = NULL, *b = NULL;
    assert_itsm_ok(itsm_priority_matrix_to_json(&a, m));
    itsm_priority_matrix_free(m);
    const char *bare = "{\"itsm_schema\": 1, \"type\": \"priority_matrix\"}";
    assert_itsm_ok(itsm_priority_matrix_from_json(&m, bare, strlen(bare)));
    assert_itsm_ok(itsm_priority_matrix_to_json(&b, m));
    assert_string_equal(a, b);
    assert_non_null(strstr(a, "\"cells\": [\n    [\n      1,\n      2,\n      3\n    ],"));
    itsm_free(a);
    itsm_free(b);
    itsm_priority_matrix_free(m);
    /* ... and its names can be replaced */
    const char *renamed = "{\"itsm_schema\": 1, \"type\": \"priority_matrix\", \"priority_levels\": "
                          "[\"P1\", \"P2\", \"P3\", \"P4\", \"P5\"]}";
    assert_itsm_ok(itsm_priority_matrix_from_json(&m, renamed, strlen(renamed)));
    assert_itsm_ok(itsm_priority_matrix_level_name(&name, m, ITSM_PRIORITY_AXIS_PRIORITY, 4));
    assert_string_equal(name, "P4");
    assert_itsm_ok(itsm_priority_matrix_level_name(&name, m, ITSM_PRIORITY_AXIS_IMPACT, 2));
    assert_string_equal(name, "medium");
    itsm_priority_matrix_free(m);
}

/* Business impact (4 levels) x urgency (2): a 4 x 2 matrix, priorities 1 .. 4. */
static const char MATRIX_DOC[] = "{\n"
                                 "  \"itsm_schema\": 1,\n"
                                 "  \"type\": \"priority_matrix\",\n"
                                 "  \"cells\": [\n"
                                 "    [\n      1,\n      2\n    ],\n"
                                 "    [\n      2,\n      3\n    ],\n"
                                 "    [\n      3,\n      4\n    ],\n"
                                 "    [\n      4,\n      4\n    ]\n"
                                 "  ],\n"
                                 "  \"impact_levels\": [\n    \"全社\",\n    \"部門\",\n    \"担当\",\n    \"個人\"\n  ],\n"
                                 "  \"priority_levels\": [\n    \"P1\",\n    \"P2\",\n    \"P3\",\n    \"P4\",\n"
                                 "    \"P5\"\n  ]\n"
                                 "}\n";

static void test_priority_matrix_json(void **state)
{
    (void)state;
    itsm_priority_matrix *m = NULL;
    assert_itsm_ok(itsm_priority_matrix_from_json(&m, MATRIX_DOC, strlen(MATRIX_DOC)));
    int32_t rows = 0, cols = 0, p = 0;
    assert_itsm_ok(itsm_priority_matrix_shape(&rows, &cols, m));
    assert_int_equal(rows, 4);
    assert_int_equal(cols, 2);
    assert_itsm_ok(itsm_priority_matrix_lookup(&p, m, 3, 2));
    assert_int_equal(p, 4);
    assert_itsm_ok(itsm_priority_matrix_lookup(&p, m, 2, 1));
    assert_int_equal(p, 2);
    const char *name = NULL;
    assert_itsm_ok(itsm_priority_matrix_level_name(&name, m, ITSM_PRIORITY_AXIS_IMPACT, 2));
    assert_string_equal(name, "部門");
    assert_itsm_ok(itsm_priority_matrix_level_name(&name, m, ITSM_PRIORITY_AXIS_URGENCY, 2));
    assert_null(name); /* not named */
    assert_itsm_error(itsm_priority_matrix_level_name(&name, m, ITSM_PRIORITY_AXIS_URGENCY, 3), ITSM_ERANGE,
                      "urgency level 3");
    assert_itsm_ok(itsm_priority_matrix_level_name(&name, m, ITSM_PRIORITY_AXIS_PRIORITY, 5));
    assert_string_equal(name, "P5"); /* more names than priorities used */
    char *text = NULL;
    assert_itsm_ok(itsm_priority_matrix_to_json(&text, m));
    assert_string_equal(text, MATRIX_DOC);
    itsm_free(text);
    itsm_priority_matrix_free(m);
    /* a matrix built in C writes its cells and no names */
    const int32_t cells[] = {2, 1};
    assert_itsm_ok(itsm_priority_matrix_new(&m, 1, 2, cells));
    assert_itsm_ok(itsm_priority_matrix_to_json(&text, m));
    assert_string_equal(text, "{\n  \"itsm_schema\": 1,\n  \"type\": \"priority_matrix\",\n  \"cells\": [\n    [\n"
                              "      2,\n      1\n    ]\n  ]\n}\n");
    itsm_free(text);
    assert_itsm_ok(itsm_priority_matrix_level_name(&name, m, ITSM_PRIORITY_AXIS_PRIORITY, 2));
    assert_null(name);
    assert_itsm_error(itsm_priority_matrix_level_name(&name, m, ITSM_PRIORITY_AXIS_PRIORITY, 3), ITSM_ERANGE,
                      "priority level 3");
    itsm_priority_matrix_free(m);
}

#define PM "{\"itsm_schema\": 1, \"type\": \"priority_matrix\""
#define PM2 PM ", \"cells\": [[1, 2], [2, 3]]"

static void test_priority_matrix_errors(void **state)
{
    (void)state;
    itsm_priority_matrix *m = NULL;
#define BAD(doc, code, fragment) assert_itsm_error(itsm_priority_matrix_from_json(&m, doc, strlen(doc)), code, fragment)
    BAD(PM ", \"cells\": [[1, 2], [2]]}", ITSM_EINVAL, "$.cells[1]: 1 urgency levels, but $.cells[0] has 2");
    BAD(PM ", \"cells\": [[1, 0]]}", ITSM_ERANGE, "$.cells[0][1]: priority 0 is outside 1 .. 1000");
    BAD(PM ", \"cells\": [[1, 1001]]}", ITSM_ERANGE, "$.cells[0][1]: priority 1001");
    BAD(PM ", \"cells\": [[1, \"2\"]]}", ITSM_EINVAL, "$.cells[0][1]: expected an integer");
    BAD(PM ", \"cells\": [[1, 99999999999]]}", ITSM_ERANGE, "$.cells[0][1]");
    BAD(PM ", \"cells\": []}", ITSM_ERANGE, "$.cells: 0 impact levels (rows) (expected 1 .. 100)");
    BAD(PM ", \"cells\": [[]]}", ITSM_ERANGE, "$.cells[0]: 0 urgency levels (columns)");
    BAD(PM ", \"cells\": [1, 2]}", ITSM_EINVAL, "$.cells[0]: expected an array");
    BAD(PM ", \"cells\": {}}", ITSM_EINVAL, "$.cells: expected an array");
    BAD(PM2 ", \"impact_levels\": [\"a\", \"b\", \"c\"]}", ITSM_EINVAL,
        "$.impact_levels: 3 impact names for 2 impact levels");
    BAD(PM2 ", \"urgency_levels\": [\"a\", \"\"]}", ITSM_EINVAL, "$.urgency_levels[1]: must not be empty");
    BAD(PM2 ", \"urgency_levels\": [\"a\", 2]}", ITSM_EINVAL, "$.urgency_levels[1]: expected a string");
    BAD(PM2 ", \"priority_levels\": [\"a\", \"b\"]}", ITSM_EINVAL,
        "$.priority_levels: 2 priority names, but the cells have priorities up to 3");
    BAD(PM2 ", \"priority_levels\": []}", ITSM_ERANGE, "$.priority_levels: 0 names");
    BAD(PM ", \"impact_levels\": [\"a\", \"b\"]}", ITSM_EINVAL, "$.impact_levels: 2 impact names for 3");
    BAD(PM2 ", \"size\": 2}", ITSM_EINVAL, "$.size: unknown key");
    BAD("{\"itsm_schema\": 2, \"type\": \"priority_matrix\"}", ITSM_EVERSION, "itsm_schema");
    BAD("{\"itsm_schema\": 1, \"type\": \"incident\"}", ITSM_EINVAL, "$.type");
    BAD(PM2, ITSM_EPARSE, "priority matrix: malformed JSON");
#undef BAD
    assert_null(m);
    assert_itsm_error(itsm_priority_matrix_from_json(NULL, "{}", 2), ITSM_EINVAL, "out");
    assert_itsm_error(itsm_priority_matrix_from_json(&m, NULL, 0), ITSM_EINVAL, "json");
    char *text = NULL;
    assert_itsm_error(itsm_priority_matrix_to_json(&text, NULL), ITSM_EINVAL, "matrix");
    assert_itsm_error(itsm_priority_matrix_default(NULL), ITSM_EINVAL, "out");
    int32_t r = 0;
    assert_itsm_error(itsm_priority_matrix_shape(&r, NULL, NULL), ITSM_EINVAL, "out_n_urgency");
    const char *name = NULL;
    assert_itsm_error(itsm_priority_matrix_level_name(&name, NULL, ITSM_PRIORITY_AXIS_IMPACT, 1), ITSM_EINVAL,
                      "matrix");
}

static void test_errors_name_their_path(void **state)
{
    (void)state;
    itsm_incident *inc = NULL;
    static const char yesterday[] = HEAD ", \"status_history\": [{\"at\": \"2024-01-01T00:00:00Z\", "
                                         "\"status\": \"new\"}, {\"at\": \"yesterday\", \"status\": \"new\"}]}";
    assert_itsm_error(itsm_incident_from_json(&inc, yesterday, sizeof yesterday - 1),
                      ITSM_EPARSE, "$.status_history[1].at: \"yesterday\" is not an ISO 8601 instant");
    const char *cases[][2] = {
        {HEAD ", \"status_history\": [{\"at\": \"2024-01-01T00:00:00Z\", \"status\": \"open\"}]}",
         "$.status_history[0].status: \"open\" is not a status"},
        {HEAD ", \"severity_declarations\": [{\"at\": \"2024-01-01T00:00:00Z\", \"level\": \"4\", \"by\": \"x\"}]}",
         "$.severity_declarations[0].level"},
        {HEAD ", \"severity_declarations\": [{\"at\": \"2024-01-01T00:00:00Z\", \"level\": \"1\"}]}",
         "$.severity_declarations[0]: missing required key \"by\""},
        {HEAD ", \"impact\": 0}", "$.impact"},
        {HEAD ", \"colour\": 1}", "$.colour: unknown key"},
        {HEAD ", \"assignment_history\": [{\"at\": \"2024-01-02T00:00:00Z\", \"group\": \"a\"}, "
              "{\"at\": \"2024-01-01T00:00:00Z\", \"group\": \"b\"}]}",
         "$.assignment_history[1].at"},
        {"{\"itsm_schema\": 1, \"type\": \"incident_set\", \"id\": \"x\"}", "$.type"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int rc = itsm_incident_from_json(&inc, cases[i][0], strlen(cases[i][0]));
        assert_true(rc == ITSM_EINVAL || rc == ITSM_ERANGE);
        assert_non_null(strstr(itsm_error_last(), cases[i][1]));
    }
    assert_itsm_error(itsm_incident_from_json(&inc, "{\"itsm_schema\": 2, \"type\": \"incident\", \"id\": \"x\"}", 49),
                      ITSM_EVERSION, "$.itsm_schema");
    assert_null(inc);
}

static void test_record_set(void **state)
{
    (void)state;
    char json[8192];
    size_t n = (size_t)snprintf(json, sizeof json, "{\"itsm_schema\": 1, \"type\": \"incident_set\", \"records\": [");
    for (int i = 0; i < 14; i++)
        n += (size_t)snprintf(json + n, sizeof json - n,
                              "%s{\"id\": \"I-%d\", \"status_history\": [{\"at\": \"2024-01-01T00:00:00Z\", \"status\": "
                              "\"new\"}, {\"at\": \"2024-01-02T00:00:00Z\", \"status\": \"resolved\"}]}",
                              i == 0 ? "" : ", ", i);
    (void)snprintf(json + n, sizeof json - n, "]}");
    itsm_incident **items = NULL;
    size_t count = 0;
    char *text = NULL, *text2 = NULL;
    assert_itsm_ok(itsm_incident_set_from_json(&items, &count, json, strlen(json)));
    assert_int_equal(count, 14);
    assert_string_equal(itsm_incident_id(items[12]), "I-12");
    assert_itsm_ok(itsm_incident_set_to_json(&text, (const itsm_incident *const *)items, count));
    itsm_incident_set_free(items, count);
    assert_itsm_ok(itsm_incident_set_from_json(&items, &count, text, strlen(text)));
    assert_itsm_ok(itsm_incident_set_to_json(&text2, (const itsm_incident *const *)items, count));
    assert_string_equal(text, text2);
    itsm_incident_set_free(items, count);
    itsm_free(text);
    itsm_free(text2);
    /* Break record 12's fourth status change. */
    char bad[8192];
    n = (size_t)snprintf(bad, sizeof bad, "{\"itsm_schema\": 1, \"type\": \"incident_set\", \"records\": [");
    for (int i = 0; i < 13; i++)
        n += (size_t)snprintf(bad + n, sizeof bad - n, "%s{\"id\": \"I-%d\", \"status_history\": [%s]}",
                              i == 0 ? "" : ", ", i,
                              i < 12 ? ""
                                     : "{\"at\": \"2024-01-01T00:00:00Z\", \"status\": \"new\"}, "
                                       "{\"at\": \"2024-01-01T01:00:00Z\", \"status\": \"active\"}, "
                                       "{\"at\": \"2024-01-01T02:00:00Z\", \"status\": \"on_hold\"}, "
                                       "{\"at\": \"2024-13-01T00:00:00Z\", \"status\": \"active\"}");
    (void)snprintf(bad + n, sizeof bad - n, "]}");
    items = NULL;
    int rc = itsm_incident_set_from_json(&items, &count, bad, strlen(bad));
    assert_true(rc < 0);
    assert_non_null(strstr(itsm_error_last(), "$.records[12].status_history[3].at: \"2024-13-01T00:00:00Z\" is not an "
                                              "ISO 8601 instant"));
    assert_null(items);
    static const char nested[] = "{\"itsm_schema\": 1, \"type\": \"incident_set\", "
                                 "\"records\": [{\"itsm_schema\": 1, \"id\": \"x\"}]}";
    assert_itsm_error(itsm_incident_set_from_json(&items, &count, nested, sizeof nested - 1),
                      ITSM_EINVAL, "$.records[0].itsm_schema: unknown key");
    /* Empty sets. */
    assert_itsm_ok(itsm_incident_set_to_json(&text, NULL, 0));
    assert_itsm_ok(itsm_incident_set_from_json(&items, &count, text, strlen(text)));
    assert_int_equal(count, 0);
    assert_null(items);
    itsm_free(text);
}

static const char JSONL[] =
    HEAD ", \"status_history\": [{\"at\": \"2024-01-01T00:00:00Z\", \"status\": \"new\"}]}\n"
    "\n"
    "{\"itsm_schema\": 1, \"type\": \"incident\", \"id\": \"I-2\"}\r\n"
    "{\"itsm_schema\": 1, \"type\": \"incident\", \"id\": \"I-3\", \"status_history\": ["
    "{\"at\": \"2024-01-01T00:00:00Z\", \"status\": \"new\"}, {\"at\": \"2024-01-01T00:00:01Z\", \"status\": \"new\"},"
    "{\"at\": \"2024-01-01T00:00:02Z\", \"status\": \"new\"}, {\"at\": \"noon\", \"status\": \"new\"}]}\n"
    "{\"itsm_schema\": 1, \"type\": \"incident\", \"id\": \"I-4\"}";

static void read_all(itsm_incident_stream *s)
{
    itsm_incident *inc = NULL;
    int eof = 0;
    assert_itsm_ok(itsm_incident_stream_next(&inc, &eof, s));
    assert_int_equal(eof, 0);
    assert_string_equal(itsm_incident_id(inc), "I-1");
    assert_int_equal(itsm_incident_stream_line(s), 1);
    itsm_incident_free(inc);
    assert_itsm_ok(itsm_incident_stream_next(&inc, &eof, s));
    assert_string_equal(itsm_incident_id(inc), "I-2");
    assert_int_equal(itsm_incident_stream_line(s), 3);
    itsm_incident_free(inc);
    assert_itsm_error(itsm_incident_stream_next(&inc, &eof, s), ITSM_EPARSE,
                      "line 4: $.status_history[3].at: \"noon\" is not an ISO 8601 instant");
    assert_null(inc);
    assert_itsm_ok(itsm_incident_stream_next(&inc, &eof, s));
    assert_string_equal(itsm_incident_id(inc), "I-4");
    itsm_incident_free(inc);
    assert_itsm_ok(itsm_incident_stream_next(&inc, &eof, s));
    assert_int_equal(eof, 1);
    assert_null(inc);
    assert_itsm_ok(itsm_incident_stream_next(&inc, &eof, s));
    assert_int_equal(eof, 1);
}

/* JSONL into a new temporary file named after the template `path` (XXXXXX replaced). */
static void write_jsonl(char *path)
{
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(JSONL, 1, sizeof JSONL - 1, f), sizeof JSONL - 1);
    assert_int_equal(fclose(f), 0);
}

static void test_jsonl_stream(void **state)
{
    (void)state;
    itsm_incident_stream *s = NULL;
    assert_itsm_ok(itsm_incident_stream_open_memory(&s, JSONL, sizeof JSONL - 1));
    read_all(s);
    itsm_incident_stream_close(s);

    char path[] = "/tmp/itsm_incident_XXXXXX";
    write_jsonl(path);
    assert_itsm_ok(itsm_incident_stream_open(&s, path));
    read_all(s);
    itsm_incident_stream_close(s);
    remove(path);
    assert_itsm_error(itsm_incident_stream_open(&s, "/nonexistent/incidents.jsonl"), ITSM_ENOTFOUND,
                      "/nonexistent/incidents.jsonl");
    itsm_incident *inc = NULL;
    int eof = 0;
    assert_itsm_ok(itsm_incident_stream_open_memory(&s, "{\"a\":", 5));
    assert_itsm_error(itsm_incident_stream_next(&inc, &eof, s), ITSM_EPARSE, "line 1: incident: malformed JSON");
    itsm_incident_stream_close(s);
}

/* ---- allocation failures ------------------------------------------------------------------ */

static int scenario_doc(const void *ctx)
{
    const char *doc = ctx;
    itsm_incident *inc = NULL, *copy = NULL;
    char *text = NULL;
    int rc = itsm_incident_from_json(&inc, doc, strlen(doc));
    if (rc == ITSM_OK)
        rc = itsm_incident_to_json(&text, inc);
    if (rc == ITSM_OK)
        rc = itsm_incident_clone(&copy, inc);
    if (rc == ITSM_OK)
        rc = itsm_incident_add_status(copy, INT64_C(1457000000), ITSM_INCIDENT_ACTIVE, "Group 9", "x");
    itsm_free(text);
    itsm_incident_free(copy);
    itsm_incident_free(inc);
    return rc;
}

static int scenario_set(const void *ctx)
{
    (void)ctx;
    static const char set[] = "{\"itsm_schema\": 1, \"type\": \"incident_set\", \"records\": [{\"id\": \"a\", "
                              "\"service\": \"s\"}, {\"id\": \"b\", \"impact\": 1}]}";
    itsm_incident **items = NULL;
    size_t count = 0;
    char *text = NULL;
    int rc = itsm_incident_set_from_json(&items, &count, set, sizeof set - 1);
    if (rc == ITSM_OK)
        rc = itsm_incident_set_to_json(&text, (const itsm_incident *const *)items, count);
    itsm_free(text);
    itsm_incident_set_free(items, count);
    return rc;
}

/* JSONL from memory (ctx NULL) or from the file at `ctx`. */
static int scenario_stream(const void *ctx)
{
    itsm_incident_stream *s = NULL;
    const int32_t cells[] = {1, 2, 2, 3};
    itsm_priority_matrix *m = NULL;
    int rc = ctx == NULL ? itsm_incident_stream_open_memory(&s, JSONL, sizeof JSONL - 1)
                         : itsm_incident_stream_open(&s, ctx);
    if (rc == ITSM_OK)
        rc = itsm_priority_matrix_new(&m, 2, 2, cells);
    int eof = 0;
    while (rc == ITSM_OK && !eof) {
        itsm_incident *inc = NULL;
        rc = itsm_incident_stream_next(&inc, &eof, s);
        if (rc == ITSM_EPARSE)
            rc = ITSM_OK; /* line 4 is bad on purpose */
        itsm_incident_free(inc);
    }
    itsm_priority_matrix_free(m);
    itsm_incident_stream_close(s);
    return rc;
}

static int scenario_matrix(const void *ctx)
{
    const char *doc = ctx;
    itsm_priority_matrix *a = NULL, *b = NULL;
    char *text = NULL;
    int rc = itsm_priority_matrix_from_json(&a, doc, strlen(doc));
    if (rc == ITSM_OK)
        rc = itsm_priority_matrix_to_json(&text, a);
    if (rc == ITSM_OK)
        rc = itsm_priority_matrix_default(&b);
    itsm_free(text);
    itsm_priority_matrix_free(b);
    itsm_priority_matrix_free(a);
    return rc;
}

/* Every builder and reader of the incident API by hand (not through JSON). */
static int scenario_build(const void *ctx)
{
    (void)ctx;
    itsm_incident *inc = NULL;
    itsm_priority_matrix *m = NULL;
    char *text = NULL;
    int rc = itsm_incident_new(&inc, "INC-9");
    if (rc == ITSM_OK)
        rc = itsm_incident_set_text(inc, ITSM_INCIDENT_SERVICE, "payroll");
    if (rc == ITSM_OK)
        rc = itsm_incident_set_text(inc, ITSM_INCIDENT_CATEGORY, "network");
    if (rc == ITSM_OK)
        rc = itsm_incident_set_level(inc, ITSM_INCIDENT_IMPACT, 2);
    if (rc == ITSM_OK)
        rc = itsm_incident_set_level(inc, ITSM_INCIDENT_URGENCY, 3);
    if (rc == ITSM_OK)
        rc = itsm_priority_matrix_default(&m);
    if (rc == ITSM_OK)
        rc = itsm_incident_apply_matrix(inc, m);
    for (int i = 0; rc == ITSM_OK && i < 3; i++)
        rc = itsm_incident_add_status(inc, INT64_C(1709280000) + i * 600, (itsm_incident_status)i, "desk", "op");
    if (rc == ITSM_OK)
        rc = itsm_incident_add_assignment(inc, INT64_C(1709290000), "network team");
    if (rc == ITSM_OK)
        rc = itsm_incident_declare_severity(inc, INT64_C(1709290100), ITSM_SEVERITY_1, "tanaka");
    if (rc == ITSM_OK)
        rc = itsm_incident_declare_severity(inc, INT64_C(1709290200), ITSM_SEVERITY_0_PLUS, "sato");
    if (rc == ITSM_OK)
        rc = itsm_incident_to_json(&text, inc);
    itsm_free(text);
    itsm_priority_matrix_free(m);
    itsm_incident_free(inc);
    return rc;
}

/* Readers of a built incident and of a matrix ask for no memory, on success or failure. */
static void test_readers_do_not_allocate(void **state)
{
    (void)state;
    itsm_test_chaos chaos; /* installed first: the allocator cannot change under live blocks */
    itsm_test_chaos_install(&chaos);
    itsm_incident *inc = NULL;
    assert_itsm_ok(itsm_incident_from_json(&inc, DOC, strlen(DOC)));
    itsm_priority_matrix *m = NULL;
    assert_itsm_ok(itsm_priority_matrix_default(&m));
    itsm_test_forbid_allocation(&chaos);
    int32_t v = 0, rows = 0, cols = 0;
    int set = 0;
    const char *name = NULL;
    itsm_incident_change c;
    itsm_incident_assignment a;
    itsm_severity_declaration d;
    itsm_severity_level level;
    itsm_incident_milestones ms;
    assert_non_null(itsm_incident_id(inc));
    (void)itsm_incident_get_text(inc, ITSM_INCIDENT_CATEGORY);
    assert_int_equal(itsm_incident_get_level(&v, inc, ITSM_INCIDENT_PRIORITY), ITSM_OK);
    assert_true(itsm_incident_status_count(inc) > 0);
    assert_int_equal(itsm_incident_status_get(&c, inc, 0), ITSM_OK);
    assert_int_equal(itsm_incident_status_get(&c, inc, 999), ITSM_ERANGE);
    (void)itsm_incident_assignment_count(inc);
    assert_int_equal(itsm_incident_assignment_get(&a, inc, 999), ITSM_ERANGE);
    (void)itsm_incident_severity_count(inc);
    assert_int_equal(itsm_incident_severity_get(&d, inc, 999), ITSM_ERANGE);
    assert_int_equal(itsm_incident_severity(&set, &level, inc), ITSM_OK);
    assert_int_equal(itsm_incident_get_milestones(&ms, inc), ITSM_OK);
    assert_int_equal(itsm_incident_status_name(&name, ITSM_INCIDENT_ON_HOLD), ITSM_OK);
    assert_int_equal(itsm_severity_level_name(&name, ITSM_SEVERITY_0_PLUS), ITSM_OK);
    assert_int_equal(itsm_incident_set_level(inc, ITSM_INCIDENT_IMPACT, 1), ITSM_OK);
    assert_int_equal(itsm_incident_set_level(inc, ITSM_INCIDENT_URGENCY, 1), ITSM_OK);
    assert_int_equal(itsm_incident_apply_matrix(inc, m), ITSM_OK);
    assert_int_equal(itsm_priority_matrix_lookup(&v, m, 3, 3), ITSM_OK);
    assert_int_equal(itsm_priority_matrix_shape(&rows, &cols, m), ITSM_OK);
    assert_int_equal(itsm_priority_matrix_level_name(&name, m, ITSM_PRIORITY_AXIS_PRIORITY, 5), ITSM_OK);
    assert_int_equal(itsm_priority_matrix_level_name(&name, m, ITSM_PRIORITY_AXIS_PRIORITY, 6), ITSM_ERANGE);
    assert_int_equal(itsm_incident_stream_line(NULL), 0);
    itsm_test_assert_no_allocation(&chaos);
    itsm_priority_matrix_free(m);
    itsm_incident_free(inc);
    assert_int_equal(itsm_set_allocator(NULL), ITSM_OK);
}

static void test_allocation_failures(void **state)
{
    (void)state;
    itsm_test_alloc_sweep("incident", scenario_doc, DOC, ITSM_OK);
    itsm_test_alloc_sweep("bad incident", scenario_doc,
                          HEAD ", \"status_history\": [{\"at\": \"2024-01-01T00:00:00Z\", \"status\": \"new\"}, "
                               "{\"at\": \"x\", \"status\": \"new\"}]}",
                          ITSM_EPARSE);
    itsm_test_alloc_sweep("incident set", scenario_set, NULL, ITSM_OK);
    itsm_test_alloc_sweep("incident stream", scenario_stream, NULL, ITSM_OK);
    char path[] = "/tmp/itsm_incident_sweep_XXXXXX";
    write_jsonl(path);
    itsm_test_alloc_sweep("incident stream file", scenario_stream, path, ITSM_OK);
    remove(path);
    itsm_test_alloc_sweep("priority matrix", scenario_matrix, MATRIX_DOC, ITSM_OK);
    itsm_test_alloc_sweep("built incident", scenario_build, NULL, ITSM_OK);
    itsm_test_alloc_sweep("default matrix", scenario_matrix, PM "}", ITSM_OK);
    itsm_test_alloc_sweep("bad matrix", scenario_matrix, PM2 ", \"urgency_levels\": [\"a\", \"b\", \"c\"]}",
                          ITSM_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip_identical),
        cmocka_unit_test(test_reopen_and_milestones),
        cmocka_unit_test(test_severity),
        cmocka_unit_test(test_priority_matrix),
        cmocka_unit_test(test_priority_matrix_default),
        cmocka_unit_test(test_priority_matrix_json),
        cmocka_unit_test(test_priority_matrix_errors),
        cmocka_unit_test(test_errors_name_their_path),
        cmocka_unit_test(test_record_set),
        cmocka_unit_test(test_jsonl_stream),
        cmocka_unit_test(test_readers_do_not_allocate),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, itsm_test_group_setup, itsm_test_group_teardown);
}
