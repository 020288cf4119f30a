/* Agreement documents (itsm/agreement.h): canonical round trip, errors naming their JSON
 * path, every lint rule firing and not firing, the examples, allocation failures. */
#include "itsm_test.h"

#include <stdio.h>
#include <stdlib.h>

#define HEAD "{\"itsm_schema\": 1, \"type\": \"agreement\", \"id\": \"A\""

/* examples/data/<name>, found from this file's path (tests/unit/test_agreement.c). */
static char *read_example(const char *name)
{
    const char *self = __FILE__;
    const char *tail = strstr(self, "tests/unit/test_agreement.c");
    assert_non_null(tail);
    char path[1024];
    (void)snprintf(path, sizeof path, "%.*sexamples/data/%s", (int)(tail - self), self, name);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = malloc(1 << 20);
    assert_non_null(buf);
    size_t n = fread(buf, 1, (1 << 20) - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static itsm_agreement *load(const char *doc)
{
    itsm_agreement *a = NULL;
    assert_itsm_ok(itsm_agreement_from_json(&a, doc, strlen(doc)));
    return a;
}

/* The number of findings at `path` with `severity` (-1: any) whose message contains
 * `fragment` (NULL: any). */
static size_t count_findings(const char *doc, const char *path, int severity, const char *fragment)
{
    itsm_agreement *a = load(doc);
    itsm_finding *f = NULL;
    size_t n = 0, hits = 0;
    assert_itsm_ok(itsm_agreement_lint(&f, &n, a));
    for (size_t i = 0; i < n; i++) {
        assert_non_null(f[i].path);
        assert_non_null(f[i].message);
        assert_non_null(f[i].guideline);
        if (strcmp(f[i].path, path) == 0 && (severity < 0 || (int)f[i].severity == severity) &&
            (fragment == NULL || strstr(f[i].message, fragment) != NULL))
            hits++;
    }
    itsm_findings_free(f, n);
    itsm_agreement_free(a);
    return hits;
}

static void assert_round_trip(const char *doc, int identical_to_input)
{
    itsm_agreement *a = load(doc);
    char *once = NULL, *twice = NULL;
    assert_itsm_ok(itsm_agreement_to_json(&once, a));
    itsm_agreement *b = load(once);
    assert_itsm_ok(itsm_agreement_to_json(&twice, b));
    assert_string_equal(once, twice);
    if (identical_to_input)
        assert_string_equal(doc, once);
    itsm_free(once);
    itsm_free(twice);
    itsm_agreement_free(b);
    itsm_agreement_free(a);
}

static void test_round_trip(void **state)
{
    (void)state;
    const char *names[] = {"agreement-server-operation.json", "agreement-saas.json", "agreement-vague.json"};
    for (size_t i = 0; i < 3; i++) {
        char *doc = read_example(names[i]);
        assert_round_trip(doc, 1);
        free(doc);
    }
    /* Keys out of order and non-canonical spacing come back in schema order. */
    const char *messy = "{\"sla_items\": [{\"unit\": \"hour\", \"id\": \"x\"}], \"name\": \"N\", \"type\": "
                        "\"agreement\", \"id\": \"A\", \"itsm_schema\": 1, \"contract_date\": \"2025-01-02\"}";
    itsm_agreement *a = load(messy);
    char *text = NULL;
    assert_itsm_ok(itsm_agreement_to_json(&text, a));
    assert_non_null(strstr(text, "\"id\": \"A\",\n  \"name\": \"N\",\n  \"contract_date\": \"2025-01-02\""));
    assert_non_null(strstr(text, "\"id\": \"x\",\n      \"unit\": \"hour\""));
    itsm_free(text);
    itsm_agreement_free(a);
    assert_round_trip(messy, 0);
}

static void test_accessors(void **state)
{
    (void)state;
    char *doc = read_example("agreement-server-operation.json");
    itsm_agreement *a = load(doc);
    assert_string_equal(itsm_agreement_id(a), "SOS-2025-001");
    assert_non_null(strstr(itsm_agreement_name(a), "server operation support"));
    assert_int_equal(itsm_agreement_sla_count(a), 6);
    itsm_agreement_free(a);
    free(doc);
    a = load(HEAD "}");
    assert_string_equal(itsm_agreement_id(a), "A");
    assert_null(itsm_agreement_name(a));
    assert_int_equal(itsm_agreement_sla_count(a), 0);
    itsm_agreement_free(a);
    assert_null(itsm_agreement_id(NULL));
    assert_int_equal(itsm_agreement_sla_count(NULL), 0);
    itsm_agreement_free(NULL);
    itsm_findings_free(NULL, 0);
    const char *name = NULL;
    assert_itsm_ok(itsm_severity_name(&name, ITSM_SEVERITY_WARNING));
    assert_string_equal(name, "warning");
    assert_itsm_error(itsm_severity_name(&name, (itsm_severity)7), ITSM_EINVAL, "unknown severity");
}

static void test_errors_name_their_path(void **state)
{
    (void)state;
    itsm_agreement *a = NULL;
#define BAD(doc, code, fragment) assert_itsm_error(itsm_agreement_from_json(&a, doc, strlen(doc)), code, fragment)
    BAD("{\"type\": \"agreement\", \"id\": \"A\"}", ITSM_EVERSION, "itsm_schema");
    BAD("{\"itsm_schema\": 2, \"type\": \"agreement\", \"id\": \"A\"}", ITSM_EVERSION, "newer");
    BAD("{\"itsm_schema\": 1, \"type\": \"calendar\", \"id\": \"A\"}", ITSM_EINVAL, "$.type");
    BAD("{\"itsm_schema\": 1, \"type\": \"agreement\"}", ITSM_EINVAL, "id");
    BAD(HEAD ", \"nmae\": \"x\"}", ITSM_EINVAL, "nmae");
    BAD(HEAD ", \"name\": \"\"}", ITSM_EINVAL, "$.name: must not be empty");
    BAD(HEAD ", \"content\": \"x\"}", ITSM_EINVAL, "$.content");
    BAD(HEAD ", \"contract_date\": \"2025-02-30\"}", ITSM_ERANGE, "$.contract_date");
    BAD(HEAD ", \"period\": {\"start\": \"2025-01-01\", \"until\": \"x\"}}", ITSM_EINVAL, "$.period");
    BAD(HEAD ", \"fee\": {\"amount\": -1}}", ITSM_ERANGE, "$.fee.amount");
    BAD(HEAD ", \"fee\": {\"amount\": 1.5}}", ITSM_EINVAL, "$.fee.amount");
    BAD(HEAD ", \"delivery_forms\": [\"remote\", \"carrier pigeon\"]}", ITSM_EINVAL, "$.delivery_forms[1]");
    BAD(HEAD ", \"calendars\": [{\"description\": \"x\"}]}", ITSM_EINVAL, "$.calendars[0]");
    BAD(HEAD ", \"sla_items\": [{\"id\": \"s\", \"unit\": \"furlong\"}]}", ITSM_EINVAL, "$.sla_items[0].unit");
    BAD(HEAD ", \"sla_items\": [{\"id\": \"s\", \"levels\": {\"L5\": {}}}]}", ITSM_EINVAL, "$.sla_items[0].levels");
    BAD(HEAD ", \"sla_items\": [{\"id\": \"s\", \"levels\": {\"L2\": {\"per_contract\": 1}}}]}", ITSM_EINVAL,
        "$.sla_items[0].levels.L2.per_contract");
    BAD(HEAD ", \"parties\": {\"vendor\": {\"emergency\": {\"phone\": 3}}}}", ITSM_EINVAL,
        "$.parties.vendor.emergency.phone");
    BAD(HEAD ", \"work_items\": [{\"id\": \"w\", \"assignee\": \"nobody\"}]}", ITSM_EINVAL,
        "$.work_items[0].assignee");
    BAD(HEAD ", \"id\": \"B\"}", ITSM_EPARSE, "");
    BAD(HEAD, ITSM_EPARSE, "");
#undef BAD
    assert_null(a);
    assert_itsm_error(itsm_agreement_from_json(NULL, "{}", 2), ITSM_EINVAL, "out");
    char *text = NULL;
    assert_itsm_error(itsm_agreement_to_json(&text, NULL), ITSM_EINVAL, "agreement");
    itsm_finding *f = NULL;
    size_t n = 0;
    assert_itsm_error(itsm_agreement_lint(&f, &n, NULL), ITSM_EINVAL, "agreement");
}

static void test_examples_lint_clean(void **state)
{
    (void)state;
    const char *names[] = {"agreement-server-operation.json", "agreement-saas.json", "agreement-uci.json",
                           "agreement-bpic2013.json", "agreement-github-availability.json"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char *doc = read_example(names[i]);
        itsm_agreement *a = load(doc);
        itsm_finding *f = NULL;
        size_t n = 0;
        assert_itsm_ok(itsm_agreement_lint(&f, &n, a));
        size_t serious = 0;
        for (size_t k = 0; k < n; k++) {
            if (f[k].severity != ITSM_SEVERITY_INFO) {
                print_message("%s: %s: %s (%s)\n", names[i], f[k].path, f[k].message, f[k].guideline);
                serious++;
            }
        }
        assert_int_equal(serious, 0);
        assert_int_equal(n, 0);
        itsm_findings_free(f, n);
        itsm_agreement_free(a);
        free(doc);
    }
}

static void test_vague_example_findings(void **state)
{
    (void)state;
    char *doc = read_example("agreement-vague.json");
    itsm_agreement *a = load(doc);
    itsm_finding *f = NULL;
    size_t n = 0;
    assert_itsm_ok(itsm_agreement_lint(&f, &n, a));
    assert_true(n >= 30);
    for (size_t k = 0; k < n; k++) {
        const char *sev = NULL;
        assert_itsm_ok(itsm_severity_name(&sev, f[k].severity));
        assert_true(strncmp(f[k].path, "$", 1) == 0);
        assert_true(strncmp(f[k].guideline, "seed ", 5) == 0);
    }
    itsm_findings_free(f, n);
    itsm_agreement_free(a);
    /* One of each kind. */
    assert_int_equal(count_findings(doc, "$.exclusions", ITSM_SEVERITY_ERROR, "missing"), 1);
    assert_int_equal(count_findings(doc, "$.period.end", ITSM_SEVERITY_ERROR, NULL), 1);
    assert_int_equal(count_findings(doc, "$.reception.calendar", ITSM_SEVERITY_ERROR, "not declared"), 1);
    assert_int_equal(count_findings(doc, "$.engineer_assignment.engineers", ITSM_SEVERITY_ERROR, NULL), 1);
    assert_int_equal(count_findings(doc, "$.parties.user", ITSM_SEVERITY_ERROR, NULL), 1);
    assert_int_equal(count_findings(doc, "$.parties.vendor.emergency", ITSM_SEVERITY_ERROR, NULL), 1);
    assert_int_equal(count_findings(doc, "$.sla_items[0].unit", ITSM_SEVERITY_ERROR, NULL), 1);
    assert_int_equal(count_findings(doc, "$.sla_items[0].measurement", ITSM_SEVERITY_ERROR, NULL), 1);
    assert_int_equal(count_findings(doc, "$.sla_items[1].calendar", ITSM_SEVERITY_ERROR, NULL), 1);
    assert_int_equal(count_findings(doc, "$.sla_items[1].levels.L3", ITSM_SEVERITY_ERROR, "per contract"), 1);
    assert_int_equal(count_findings(doc, "$.work_items[0].frequency", ITSM_SEVERITY_ERROR, NULL), 1);
    assert_int_equal(count_findings(doc, "$.work_items[1].assignee", ITSM_SEVERITY_ERROR, NULL), 1);
    assert_int_equal(count_findings(doc, "$.hardware.parts_supply_period", ITSM_SEVERITY_ERROR, NULL), 1);
    assert_int_equal(count_findings(doc, "$.hardware.non_covered_parts", ITSM_SEVERITY_ERROR, NULL), 1);
    assert_int_equal(count_findings(doc, "$.hardware.stop_schedule", ITSM_SEVERITY_ERROR, NULL), 1);
    free(doc);
}

static void test_missing_items_4_3_4_4_5_1(void **state)
{
    (void)state;
    const char *bare = HEAD "}";
    const char *paths[] = {"$.name", "$.content", "$.exclusions", "$.environment", "$.contract_date", "$.period",
                           "$.renewal", "$.fee", "$.reception", "$.maintenance_hours", "$.council",
                           "$.confidentiality", "$.subcontracting", "$.delivery_forms", "$.engineer_assignment",
                           "$.sla_items"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++)
        assert_int_equal(count_findings(bare, paths[i], ITSM_SEVERITY_ERROR, NULL), 1);
    /* No parties: both the 4.4 items and the emergency contact rule fire at $.parties. */
    assert_int_equal(count_findings(bare, "$.parties", ITSM_SEVERITY_ERROR, NULL), 2);
    assert_int_equal(count_findings(bare, "$.parties", ITSM_SEVERITY_ERROR, "either side"), 1);
    /* A party with every 4.4 item but the emergency contact. */
    const char *party = "{\"company\": \"C\", \"department\": \"D\", \"responsible\": {\"technical\": {\"name\": "
                        "\"R\", \"phone\": \"1\"}}, \"persons_in_charge\": [{\"name\": \"P\", \"mail\": \"m\"}], "
                        "\"inquiry\": {\"phone\": \"2\"}, \"roles\": {\"support_scope\": \"s\", "
                        "\"responsibility_scope\": \"r\"}";
    char doc[2048];
    (void)snprintf(doc, sizeof doc, HEAD ", \"parties\": {\"vendor\": %s, \"emergency\": {\"phone\": \"9\"}}, "
                                        "\"user\": %s}}}", party, party);
    assert_int_equal(count_findings(doc, "$.parties.vendor.emergency", -1, NULL), 0);
    assert_int_equal(count_findings(doc, "$.parties.user.emergency", ITSM_SEVERITY_ERROR, "user side"), 1);
    assert_int_equal(count_findings(doc, "$.parties.user.department", -1, NULL), 0);
    assert_int_equal(count_findings(doc, "$.parties.user.persons_in_charge", -1, NULL), 0);
    /* A person without any contact; responsible left empty; no role split. */
    (void)snprintf(doc, sizeof doc, HEAD ", \"parties\": {\"user\": {\"responsible\": {}, \"persons_in_charge\": "
                                        "[{\"name\": \"P\"}], \"roles\": {\"support_scope\": \"s\"}}}}");
    assert_int_equal(count_findings(doc, "$.parties.user.persons_in_charge[0]", ITSM_SEVERITY_ERROR, "contact"), 1);
    assert_int_equal(count_findings(doc, "$.parties.user.responsible", ITSM_SEVERITY_ERROR, NULL), 1);
    assert_int_equal(count_findings(doc, "$.parties.user.inquiry", ITSM_SEVERITY_ERROR, NULL), 1);
    assert_int_equal(count_findings(doc, "$.parties.user.roles.responsibility_scope", ITSM_SEVERITY_WARNING, NULL),
                     1);
    assert_int_equal(count_findings(doc, "$.parties.user.company", -1, NULL), 0); /* asked of the vendor only */
    assert_int_equal(count_findings(doc, "$.parties.vendor", ITSM_SEVERITY_ERROR, "vendor side"), 1);
}

static void test_service_item_details(void **state)
{
    (void)state;
    const char *doc = HEAD ", \"period\": {\"start\": \"2025-04-01\", \"end\": \"2025-03-31\"}, \"fee\": "
                           "{\"amount\": 0, \"per\": \"month\"}, \"council\": {\"held\": true}, "
                           "\"engineer_assignment\": {\"kind\": \"dedicated\", \"engineers\": [\"E\"]}, "
                           "\"reception\": {\"methods\": [\"phone\"], \"calendar\": \"desk\"}, \"calendars\": "
                           "[{\"name\": \"desk\"}], \"maintenance_hours\": {\"note\": \"n\"}}";
    assert_int_equal(count_findings(doc, "$.period.end", ITSM_SEVERITY_ERROR, "ends before it starts"), 1);
    assert_int_equal(count_findings(doc, "$.period.start", -1, NULL), 0);
    assert_int_equal(count_findings(doc, "$.fee.amount", -1, NULL), 0);
    assert_int_equal(count_findings(doc, "$.fee.currency", ITSM_SEVERITY_WARNING, NULL), 1);
    assert_int_equal(count_findings(doc, "$.council.cadence", ITSM_SEVERITY_WARNING, NULL), 1);
    assert_int_equal(count_findings(doc, "$.engineer_assignment.engineers", -1, NULL), 0);
    assert_int_equal(count_findings(doc, "$.reception.calendar", -1, NULL), 0);
    assert_int_equal(count_findings(doc, "$.reception.after_hours", ITSM_SEVERITY_WARNING, NULL), 1);
    assert_int_equal(count_findings(doc, "$.maintenance_hours.calendar", ITSM_SEVERITY_ERROR, NULL), 1);
    const char *no_council = HEAD ", \"council\": {\"held\": false}}";
    assert_int_equal(count_findings(no_council, "$.council.cadence", -1, NULL), 0);
    assert_int_equal(count_findings(no_council, "$.council", -1, NULL), 0);
}

static void test_sla_rules(void **state)
{
    (void)state;
    const char *complete = HEAD ", \"calendars\": [{\"name\": \"c\"}], \"sla_items\": [{\"id\": \"s\", \"name\": "
                                "\"n\", \"measurement\": \"m\", \"unit\": \"hour\", \"kind\": \"target\", \"period\": "
                                "\"month\", \"calendar\": \"c\", \"level\": \"L3\", \"levels\": {\"L1\": "
                                "{\"per_contract\": true}, \"L3\": {\"per_contract\": true, \"contract_value\": "
                                "{\"op\": \"<=\", \"value\": 4}}}}]}";
    const char *fields[] = {"name", "unit", "measurement", "kind", "calendar", "period", "level"};
    char path[64];
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        (void)snprintf(path, sizeof path, "$.sla_items[0].%s", fields[i]);
        assert_int_equal(count_findings(complete, path, -1, NULL), 0);
        assert_int_equal(count_findings(HEAD ", \"sla_items\": [{\"id\": \"s\"}]}", path, ITSM_SEVERITY_ERROR, NULL),
                         1);
    }
    /* "per contract" without the contract's value: info on another level, error on the agreed one. */
    assert_int_equal(count_findings(complete, "$.sla_items[0].levels.L1", ITSM_SEVERITY_INFO, "per contract"), 1);
    assert_int_equal(count_findings(complete, "$.sla_items[0].levels.L3", -1, NULL), 0);
    const char *agreed_pc = HEAD ", \"sla_items\": [{\"id\": \"s\", \"level\": \"L2\", \"levels\": {\"L2\": "
                                 "{\"per_contract\": true}}}]}";
    assert_int_equal(count_findings(agreed_pc, "$.sla_items[0].levels.L2", ITSM_SEVERITY_ERROR, "agreed level"), 1);
    const char *agreed_ns = HEAD ", \"sla_items\": [{\"id\": \"s\", \"level\": \"L1\", \"levels\": {\"L1\": "
                                 "{\"not_supported\": true}}}]}";
    assert_int_equal(count_findings(agreed_ns, "$.sla_items[0].levels.L1", ITSM_SEVERITY_ERROR, "not supported"), 1);
    /* A level without a value does not load (the SLA item reader, test_sla_item.c). */
    const char *agreed_empty = HEAD ", \"sla_items\": [{\"id\": \"s\", \"level\": \"L1\", \"levels\": {\"L1\": {}}}]}";
    itsm_agreement *a = NULL;
    assert_itsm_error(itsm_agreement_from_json(&a, agreed_empty, strlen(agreed_empty)), ITSM_EINVAL,
                      "$.sla_items[0].levels.L1: a level needs exactly one of");
    const char *agreed_absent = HEAD ", \"sla_items\": [{\"id\": \"s\", \"level\": \"L4\", \"levels\": {\"L1\": "
                                     "{\"deadline\": \"x\"}}}]}";
    assert_int_equal(count_findings(agreed_absent, "$.sla_items[0].levels.L4", ITSM_SEVERITY_ERROR, "no value"), 1);
    const char *undeclared = HEAD ", \"sla_items\": [{\"id\": \"s\", \"calendar\": \"nowhere\"}]}";
    assert_int_equal(count_findings(undeclared, "$.sla_items[0].calendar", ITSM_SEVERITY_ERROR, "not declared"), 1);
}

static void test_work_and_hardware_rules(void **state)
{
    (void)state;
    const char *work = HEAD ", \"work_items\": [{\"id\": \"a\", \"category\": \"security\", \"frequency\": "
                            "\"monthly\"}, {\"id\": \"b\", \"category\": \"emergency\", \"assignee\": \"vendor\"}, "
                            "{\"id\": \"c\", \"category\": \"security\"}, {\"id\": \"d\", \"category\": "
                            "\"emergency\"}, {\"id\": \"e\", \"category\": \"backup\"}, {\"id\": \"f\"}]}";
    assert_int_equal(count_findings(work, "$.work_items[0].frequency", -1, NULL), 0);
    assert_int_equal(count_findings(work, "$.work_items[1].assignee", -1, NULL), 0);
    assert_int_equal(count_findings(work, "$.work_items[2].frequency", ITSM_SEVERITY_ERROR, "frequency"), 1);
    assert_int_equal(count_findings(work, "$.work_items[3].assignee", ITSM_SEVERITY_ERROR, NULL), 1);
    assert_int_equal(count_findings(work, "$.work_items[4].frequency", -1, NULL), 0);
    assert_int_equal(count_findings(work, "$.work_items[5].category", ITSM_SEVERITY_WARNING, NULL), 1);
    const char *hw_none = HEAD ", \"service_model\": \"hardware_maintenance\"}";
    assert_int_equal(count_findings(hw_none, "$.hardware", ITSM_SEVERITY_ERROR, NULL), 1);
    const char *hw_ok = HEAD ", \"service_model\": \"hardware_maintenance\", \"hardware\": {\"parts_supply_period\": "
                             "\"5 years after end of sales\", \"non_covered_parts\": [\"batteries\"], "
                             "\"stop_schedule\": \"yearly planned stop in August\"}}";
    assert_int_equal(count_findings(hw_ok, "$.hardware", -1, NULL), 0);
    assert_int_equal(count_findings(hw_ok, "$.hardware.parts_supply_period", -1, NULL), 0);
    assert_int_equal(count_findings(hw_ok, "$.hardware.non_covered_parts", -1, NULL), 0);
    assert_int_equal(count_findings(hw_ok, "$.hardware.stop_schedule", -1, NULL), 0);
    const char *not_hw = HEAD ", \"service_model\": \"saas\"}";
    assert_int_equal(count_findings(not_hw, "$.hardware", -1, NULL), 0);
}

static int scenario_doc(const void *ctx)
{
    const char *doc = ctx;
    itsm_agreement *a = NULL, *b = NULL;
    char *text = NULL;
    itsm_finding *f = NULL;
    size_t n = 0;
    int rc = itsm_agreement_from_json(&a, doc, strlen(doc));
    if (rc == ITSM_OK)
        rc = itsm_agreement_to_json(&text, a);
    if (rc == ITSM_OK)
        rc = itsm_agreement_from_json(&b, text, strlen(text));
    if (rc == ITSM_OK)
        rc = itsm_agreement_lint(&f, &n, b);
    itsm_findings_free(f, n);
    itsm_free(text);
    itsm_agreement_free(b);
    itsm_agreement_free(a);
    return rc;
}

static void test_allocation_failures(void **state)
{
    (void)state;
    char *server = read_example("agreement-server-operation.json");
    char *vague = read_example("agreement-vague.json");
    itsm_test_alloc_sweep("server operation", scenario_doc, server, ITSM_OK);
    itsm_test_alloc_sweep("vague", scenario_doc, vague, ITSM_OK);
    itsm_test_alloc_sweep("bad unit", scenario_doc, HEAD ", \"sla_items\": [{\"id\": \"s\", \"unit\": \"x\"}]}",
                          ITSM_EINVAL);
    free(vague);
    free(server);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_accessors),
        cmocka_unit_test(test_errors_name_their_path),
        cmocka_unit_test(test_examples_lint_clean),
        cmocka_unit_test(test_vague_example_findings),
        cmocka_unit_test(test_missing_items_4_3_4_4_5_1),
        cmocka_unit_test(test_service_item_details),
        cmocka_unit_test(test_sla_rules),
        cmocka_unit_test(test_work_and_hardware_rules),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, itsm_test_group_setup, itsm_test_group_teardown);
}
