/* Operational record documents (itsm/records.h): every type round-trips to identical
 * text, errors name their JSON path, accessors, allocation failures. */
#include "itsm_test.h"

#include <stdio.h>
#include <stdlib.h>

/* The example of each type: tests/fuzz/corpus/documents/record-<type>.json. */
static const char *const examples[] = {"call", "outage", "backup-run", "monitoring-check",
                                       "change", "effort", "report-delivery"};

static char *read_example(const char *type)
{
    const char *self = __FILE__;
    const char *tail = strstr(self, "tests/unit/test_records.c");
    assert_non_null(tail);
    char path[1024];
    (void)snprintf(path, sizeof path, "%.*stests/fuzz/corpus/documents/record-%s.json", (int)(tail - self), self,
                   type);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = malloc(1 << 16);
    assert_non_null(buf);
    size_t n = fread(buf, 1, (1 << 16) - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static itsm_record *load(const char *doc)
{
    itsm_record *r = NULL;
    assert_itsm_ok(itsm_record_from_json(&r, doc, strlen(doc)));
    return r;
}

static void assert_round_trip(const char *doc, int identical_to_input)
{
    itsm_record *a = load(doc);
    char *once = NULL, *twice = NULL;
    assert_itsm_ok(itsm_record_to_json(&once, a));
    itsm_record *b = load(once);
    assert_itsm_ok(itsm_record_to_json(&twice, b));
    assert_string_equal(once, twice);
    if (identical_to_input)
        assert_string_equal(doc, once);
    assert_int_equal(itsm_record_get_type(a), itsm_record_get_type(b));
    itsm_free(once);
    itsm_free(twice);
    itsm_record_free(b);
    itsm_record_free(a);
}

static void test_round_trip(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof examples / sizeof examples[0]; i++) {
        char *doc = read_example(examples[i]);
        assert_round_trip(doc, 1);
        itsm_record *r = load(doc);
        assert_int_equal((int)itsm_record_get_type(r), (int)i);
        const char *name = NULL;
        assert_itsm_ok(itsm_record_type_name(&name, itsm_record_get_type(r)));
        assert_non_null(strstr(doc, name));
        itsm_record_free(r);
        free(doc);
    }
    /* Keys out of order come back in schema order; hours are written canonically. */
    const char *messy = "{\"actual_hours\": 2.0, \"person\": \"P\", \"work_item\": \"W\", \"id\": \"E\", "
                        "\"type\": \"effort\", \"itsm_schema\": 1, \"planned_hours\": 0.25}";
    itsm_record *r = load(messy);
    char *text = NULL;
    assert_itsm_ok(itsm_record_to_json(&text, r));
    assert_non_null(strstr(text, "\"id\": \"E\",\n  \"work_item\": \"W\",\n  \"person\": \"P\",\n"
                                 "  \"planned_hours\": 0.25,\n  \"actual_hours\": 2\n"));
    itsm_free(text);
    itsm_record_free(r);
    assert_round_trip(messy, 0);
}

static void test_accessors(void **state)
{
    (void)state;
    const char *doc = "{\"itsm_schema\": 1, \"type\": \"outage\", \"id\": \"O-1\", \"kind\": \"unplanned\", "
                      "\"start\": \"2025-01-01T00:00:00Z\"}";
    itsm_record *r = load(doc);
    assert_string_equal(itsm_record_id(r), "O-1");
    assert_int_equal(itsm_record_get_type(r), ITSM_RECORD_OUTAGE);
    itsm_record_free(r);
    assert_null(itsm_record_id(NULL));
    assert_int_equal(itsm_record_get_type(NULL), ITSM_RECORD_CALL);
    itsm_record_free(NULL);
    const char *name = NULL;
    assert_itsm_ok(itsm_record_type_name(&name, ITSM_RECORD_REPORT_DELIVERY));
    assert_string_equal(name, "report_delivery");
    assert_itsm_ok(itsm_record_type_name(&name, ITSM_RECORD_MONITORING_CHECK));
    assert_string_equal(name, "monitoring_check");
    assert_itsm_error(itsm_record_type_name(&name, (itsm_record_type)7), ITSM_EINVAL, "unknown record type");
    assert_null(name);
    assert_itsm_error(itsm_record_type_name(NULL, ITSM_RECORD_CALL), ITSM_EINVAL, "out");
}

#define H(type) "{\"itsm_schema\": 1, \"type\": \"" type "\", \"id\": \"X\""
#define CALL H("call") ", \"received_at\": \"2025-01-01T00:00:00Z\""
#define OUTAGE H("outage") ", \"kind\": \"unplanned\", \"start\": \"2025-01-01T00:00:00Z\""
#define BACKUP H("backup_run") ", \"target\": \"db\", \"started_at\": \"2025-01-01T00:00:00Z\""
#define CHECK H("monitoring_check") ", \"target\": \"db\", \"checked_at\": \"2025-01-01T00:00:00Z\""
#define CHANGE H("change")
#define EFFORT H("effort") ", \"work_item\": \"W\", \"person\": \"P\""
#define REPORT H("report_delivery") ", \"report\": \"monthly\""

static void test_errors_name_their_path(void **state)
{
    (void)state;
    itsm_record *r = NULL;
#define BAD(doc, code, fragment) assert_itsm_error(itsm_record_from_json(&r, doc, strlen(doc)), code, fragment)
    /* header */
    BAD("{\"type\": \"call\", \"id\": \"X\"}", ITSM_EVERSION, "itsm_schema");
    BAD("{\"itsm_schema\": 2, \"type\": \"call\", \"id\": \"X\"}", ITSM_EVERSION, "newer");
    BAD("{\"itsm_schema\": 1, \"type\": \"agreement\", \"id\": \"X\"}", ITSM_EINVAL, "$.type");
    BAD("{\"itsm_schema\": 1, \"type\": 3, \"id\": \"X\"}", ITSM_EINVAL, "$.type");
    BAD("{\"itsm_schema\": 1, \"id\": \"X\"}", ITSM_EINVAL, "type");
    BAD("[]", ITSM_EINVAL, "$");
    BAD(CALL, ITSM_EPARSE, "");
    /* call */
    BAD(H("call") "}", ITSM_EINVAL, "received_at");
    BAD(CALL ", \"chanel\": \"phone\"}", ITSM_EINVAL, "chanel");
    BAD(CALL ", \"channel\": \"pigeon\"}", ITSM_EINVAL, "$.channel");
    BAD(CALL ", \"summary\": \"\"}", ITSM_EINVAL, "$.summary: must not be empty");
    BAD(CALL ", \"closed_at\": \"2024-12-31T23:00:00Z\"}", ITSM_ERANGE, "$.closed_at");
    BAD(H("call") ", \"received_at\": \"2025-01-01 09:00\"}", ITSM_EINVAL, "$.received_at");
    /* outage */
    BAD(OUTAGE ", \"kind\": \"planned\"}", ITSM_EPARSE, "");
    BAD(H("outage") ", \"kind\": \"planned\", \"start\": \"2025-01-01T00:00:00Z\"}", ITSM_EINVAL, "$.kind");
    BAD(OUTAGE ", \"end\": \"2024-12-31T00:00:00Z\"}", ITSM_ERANGE, "$.end");
    BAD(OUTAGE ", \"notified_at\": 5}", ITSM_EINVAL, "$.notified_at");
    BAD(OUTAGE ", \"affected_services\": [\"a\", 2]}", ITSM_EINVAL, "$.affected_services[1]");
    BAD(OUTAGE ", \"affected_services\": \"a\"}", ITSM_EINVAL, "$.affected_services");
    /* backup run */
    BAD(BACKUP ", \"size_bytes\": -1}", ITSM_ERANGE, "$.size_bytes");
    BAD(BACKUP ", \"size_bytes\": 1.5}", ITSM_EINVAL, "$.size_bytes");
    BAD(BACKUP ", \"result\": \"ok\"}", ITSM_EINVAL, "$.result");
    BAD(BACKUP ", \"finished_at\": \"2024-01-01T00:00:00Z\"}", ITSM_ERANGE, "$.finished_at");
    /* monitoring check */
    BAD(CHECK ", \"alerted\": 1}", ITSM_EINVAL, "$.alerted");
    BAD(CHECK ", \"result\": \"green\"}", ITSM_EINVAL, "$.result");
    BAD(H("monitoring_check") ", \"checked_at\": \"2025-01-01T00:00:00Z\"}", ITSM_EINVAL, "target");
    /* change */
    BAD(CHANGE ", \"maintenance_type\": \"cosmetic\"}", ITSM_EINVAL, "$.maintenance_type");
    BAD(CHANGE ", \"origin\": \"martians\"}", ITSM_EINVAL, "$.origin");
    BAD(CHANGE ", \"emergency\": \"yes\"}", ITSM_EINVAL, "$.emergency");
    BAD(CHANGE ", \"advisory_board\": {\"decision\": \"maybe\"}}", ITSM_EINVAL, "$.advisory_board.decision");
    BAD(CHANGE ", \"advisory_board\": {\"members\": [\"\"]}}", ITSM_EINVAL, "$.advisory_board.members[0]");
    BAD(CHANGE ", \"advisory_board\": {\"vote\": 3}}", ITSM_EINVAL, "$.advisory_board");
    BAD(CHANGE ", \"started_at\": \"2025-05-11T00:00:00Z\", \"completed_at\": \"2025-05-10T00:00:00Z\"}",
        ITSM_ERANGE, "$.completed_at");
    BAD(CHANGE ", \"requested_at\": \"2025-05-11T00:00:00Z\", \"decided_at\": \"2025-05-10T00:00:00Z\"}",
        ITSM_ERANGE, "$.decided_at");
    /* effort */
    BAD(EFFORT ", \"actual_hours\": -1}", ITSM_ERANGE, "$.actual_hours");
    BAD(EFFORT ", \"actual_hours\": 1.1}", ITSM_EINVAL, "$.actual_hours");
    BAD(EFFORT ", \"planned_hours\": \"8\"}", ITSM_EINVAL, "$.planned_hours");
    BAD(EFFORT ", \"planned_hours\": 1e9}", ITSM_ERANGE, "$.planned_hours");
    BAD(EFFORT ", \"date\": \"2025-02-30\"}", ITSM_ERANGE, "$.date");
    BAD(H("effort") ", \"work_item\": \"W\"}", ITSM_EINVAL, "person");
    /* report delivery */
    BAD(REPORT ", \"period\": {\"start\": \"2025-04-01\", \"until\": \"x\"}}", ITSM_EINVAL, "$.period");
    BAD(REPORT ", \"method\": \"carrier\"}", ITSM_EINVAL, "$.method");
    BAD(REPORT ", \"delivered_at\": \"yesterday\"}", ITSM_EINVAL, "$.delivered_at");
#undef BAD
    assert_null(r);
    assert_itsm_error(itsm_record_from_json(NULL, "{}", 2), ITSM_EINVAL, "out");
    assert_itsm_error(itsm_record_from_json(&r, NULL, 2), ITSM_EINVAL, "json");
    char *text = NULL;
    assert_itsm_error(itsm_record_to_json(&text, NULL), ITSM_EINVAL, "record");
}

static int scenario_doc(const void *ctx)
{
    const char *doc = ctx;
    itsm_record *a = NULL, *b = NULL;
    char *text = NULL;
    int rc = itsm_record_from_json(&a, doc, strlen(doc));
    if (rc == ITSM_OK)
        rc = itsm_record_to_json(&text, a);
    if (rc == ITSM_OK)
        rc = itsm_record_from_json(&b, text, strlen(text));
    itsm_free(text);
    itsm_record_free(b);
    itsm_record_free(a);
    return rc;
}

static void test_allocation_failures(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof examples / sizeof examples[0]; i++) {
        char *doc = read_example(examples[i]);
        itsm_test_alloc_sweep(examples[i], scenario_doc, doc, ITSM_OK);
        free(doc);
    }
    itsm_test_alloc_sweep("bad board", scenario_doc, CHANGE ", \"advisory_board\": {\"decision\": \"maybe\"}}",
                          ITSM_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_accessors),
        cmocka_unit_test(test_errors_name_their_path),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, itsm_test_group_setup, itsm_test_group_teardown);
}
