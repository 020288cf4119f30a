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

/* ---- record sets ------------------------------------------------------------------------ */

static void test_record_set(void **state)
{
    (void)state;
    char *doc = itsm_test_read_source("tests/fuzz/corpus/documents/record-set.json");
    itsm_record **items = NULL;
    size_t n = 0;
    assert_itsm_ok(itsm_record_set_from_json(&items, &n, doc, strlen(doc)));
    assert_int_equal(n, 4);
    const itsm_record_type types[] = {ITSM_RECORD_CALL, ITSM_RECORD_OUTAGE, ITSM_RECORD_CHANGE, ITSM_RECORD_EFFORT};
    const char *const files[] = {"call", "outage", "change", "effort"};
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(itsm_record_get_type(items[i]), types[i]);
        /* each element is the record document of its own file, without "itsm_schema" */
        char *own = read_example(files[i]);
        char *text = NULL;
        assert_itsm_ok(itsm_record_to_json(&text, items[i]));
        assert_string_equal(text, own);
        itsm_free(text);
        free(own);
    }
    char *text = NULL;
    assert_itsm_ok(itsm_record_set_to_json(&text, (const itsm_record *const *)items, n));
    assert_string_equal(text, doc);
    itsm_free(text);
    itsm_record_set_free(items, n);
    free(doc);

    const char *empty = "{\"itsm_schema\": 1, \"type\": \"record_set\", \"records\": []}";
    assert_itsm_ok(itsm_record_set_from_json(&items, &n, empty, strlen(empty)));
    assert_null(items);
    assert_int_equal(n, 0);
    assert_itsm_ok(itsm_record_set_to_json(&text, NULL, 0));
    assert_string_equal(text, "{\n  \"itsm_schema\": 1,\n  \"type\": \"record_set\",\n  \"records\": []\n}\n");
    itsm_free(text);
    itsm_record_set_free(NULL, 0);
}

#define SET(records) "{\"itsm_schema\": 1, \"type\": \"record_set\", \"records\": [" records "]}"

static void test_record_set_errors(void **state)
{
    (void)state;
    itsm_record **items = NULL;
    size_t n = 7;
#define BAD(doc, code, fragment) assert_itsm_error(itsm_record_set_from_json(&items, &n, doc, strlen(doc)), code, fragment)
    BAD(SET("{\"type\": \"effort\", \"id\": \"E\", \"work_item\": \"W\", \"person\": \"P\"}, "
            "{\"type\": \"call\", \"id\": \"C\", \"received_at\": \"2025-01-01T00:00:00Z\", "
            "\"closed_at\": \"2024-01-01T00:00:00Z\"}"),
        ITSM_ERANGE, "$.records[1].closed_at");
    BAD(SET("{\"id\": \"E\"}"), ITSM_EINVAL, "$.records[0]: missing required key \"type\"");
    BAD(SET("{\"type\": \"incident\", \"id\": \"E\"}"), ITSM_EINVAL, "$.records[0].type");
    BAD(SET("{\"itsm_schema\": 1, \"type\": \"change\", \"id\": \"X\"}"), ITSM_EINVAL,
        "$.records[0].itsm_schema: unknown key");
    BAD(SET("3"), ITSM_EINVAL, "$.records[0]: expected an object");
    BAD("{\"itsm_schema\": 1, \"type\": \"record_set\"}", ITSM_EINVAL, "missing required key \"records\"");
    BAD("{\"itsm_schema\": 1, \"type\": \"record_set\", \"records\": {}}", ITSM_EINVAL, "$.records");
    BAD("{\"itsm_schema\": 1, \"type\": \"incident_set\", \"records\": []}", ITSM_EINVAL, "$.type");
    BAD("{\"itsm_schema\": 1, \"type\": \"record_set\", \"records\": [], \"more\": 1}", ITSM_EINVAL,
        "$.more: unknown key");
    BAD("{\"itsm_schema\": 3, \"type\": \"record_set\", \"records\": []}", ITSM_EVERSION, "itsm_schema");
    BAD("[", ITSM_EPARSE, "record set: malformed JSON");
#undef BAD
    assert_null(items);
    assert_int_equal(n, 7);
    assert_itsm_error(itsm_record_set_from_json(NULL, &n, "{}", 2), ITSM_EINVAL, "out");
    assert_itsm_error(itsm_record_set_from_json(&items, NULL, "{}", 2), ITSM_EINVAL, "out_count");
    assert_itsm_error(itsm_record_set_from_json(&items, &n, NULL, 0), ITSM_EINVAL, "json");
    char *text = NULL;
    const itsm_record *none[] = {NULL};
    assert_itsm_error(itsm_record_set_to_json(&text, none, 1), ITSM_EINVAL, "records[0] is NULL");
    assert_itsm_error(itsm_record_set_to_json(&text, NULL, 1), ITSM_EINVAL, "records");
    assert_itsm_error(itsm_record_set_to_json(NULL, NULL, 0), ITSM_EINVAL, "out");
    assert_null(text);
}

/* ---- JSON Lines ------------------------------------------------------------------------- */

/* Reads examples/data/records.jsonl: seven records on lines 1-3 and 6-9, lines 4-5 blank. */
static void read_jsonl(itsm_record_stream *s)
{
    const size_t lines[] = {1, 2, 3, 6, 7, 8, 9};
    for (size_t i = 0; i < 7; i++) {
        itsm_record *r = NULL;
        int eof = 1;
        assert_itsm_ok(itsm_record_stream_next(&r, &eof, s));
        assert_int_equal(eof, 0);
        assert_int_equal((int)itsm_record_get_type(r), (int)i);
        assert_int_equal(itsm_record_stream_line(s), lines[i]);
        itsm_record_free(r);
    }
    itsm_record *r = NULL;
    int eof = 0;
    assert_itsm_ok(itsm_record_stream_next(&r, &eof, s));
    assert_int_equal(eof, 1);
    assert_null(r);
    assert_itsm_ok(itsm_record_stream_next(&r, &eof, s));
    assert_int_equal(eof, 1);
}

static void test_jsonl_stream(void **state)
{
    (void)state;
    char path[1024];
    itsm_test_source_path(path, sizeof path, "examples/data/records.jsonl");
    itsm_record_stream *s = NULL;
    assert_itsm_ok(itsm_record_stream_open(&s, path));
    assert_int_equal(itsm_record_stream_line(s), 0);
    read_jsonl(s);
    itsm_record_stream_close(s);
    char *text = itsm_test_read_source("examples/data/records.jsonl");
    assert_itsm_ok(itsm_record_stream_open_memory(&s, text, strlen(text)));
    read_jsonl(s);
    itsm_record_stream_close(s);
    free(text);

    /* errors name the line; reading goes on after them */
    static const char bad[] = "{\"itsm_schema\": 1, \"type\": \"effort\", \"id\": \"E\"}\n"
                              "{\"itsm_schema\": 1, \"type\": \"effort\"\n"
                              "{\"itsm_schema\": 1, \"type\": \"effort\", \"id\": \"E\", \"work_item\": \"W\", "
                              "\"person\": \"P\"}";
    assert_itsm_ok(itsm_record_stream_open_memory(&s, bad, sizeof bad - 1));
    itsm_record *r = NULL;
    int eof = 0;
    assert_itsm_error(itsm_record_stream_next(&r, &eof, s), ITSM_EINVAL, "line 1: $: missing required key \"work_item\"");
    assert_null(r);
    assert_itsm_error(itsm_record_stream_next(&r, &eof, s), ITSM_EPARSE, "line 2: record: malformed JSON");
    assert_itsm_ok(itsm_record_stream_next(&r, &eof, s));
    assert_string_equal(itsm_record_id(r), "E");
    assert_int_equal(itsm_record_stream_line(s), 3);
    itsm_record_free(r);
    itsm_record_stream_close(s);

    assert_itsm_error(itsm_record_stream_open(&s, "/nonexistent/records.jsonl"), ITSM_ENOTFOUND,
                      "/nonexistent/records.jsonl");
    /* a directory opens but cannot be read */
    assert_itsm_ok(itsm_record_stream_open(&s, "/"));
    assert_itsm_error(itsm_record_stream_next(&r, &eof, s), ITSM_EIO, "record stream: line 1: read error");
    itsm_record_stream_close(s);
    assert_itsm_error(itsm_record_stream_open(NULL, path), ITSM_EINVAL, "out");
    assert_itsm_error(itsm_record_stream_open(&s, NULL), ITSM_EINVAL, "path");
    assert_itsm_error(itsm_record_stream_open_memory(&s, NULL, 3), ITSM_EINVAL, "data");
    assert_itsm_ok(itsm_record_stream_open_memory(&s, NULL, 0));
    assert_itsm_ok(itsm_record_stream_next(&r, &eof, s));
    assert_int_equal(eof, 1);
    assert_itsm_error(itsm_record_stream_next(NULL, &eof, s), ITSM_EINVAL, "out");
    assert_itsm_error(itsm_record_stream_next(&r, NULL, s), ITSM_EINVAL, "eof");
    assert_itsm_error(itsm_record_stream_next(&r, &eof, NULL), ITSM_EINVAL, "stream");
    itsm_record_stream_close(s);
    itsm_record_stream_close(NULL);
    assert_int_equal(itsm_record_stream_line(NULL), 0);
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

static int scenario_set(const void *ctx)
{
    const char *doc = ctx;
    itsm_record **items = NULL;
    size_t n = 0;
    char *text = NULL;
    int rc = itsm_record_set_from_json(&items, &n, doc, strlen(doc));
    if (rc == ITSM_OK)
        rc = itsm_record_set_to_json(&text, (const itsm_record *const *)items, n);
    itsm_free(text);
    itsm_record_set_free(items, n);
    return rc;
}

/* Every record of the stream at `ctx` (a path, or NULL for memory), malformed lines skipped. */
static int scenario_stream(const void *ctx)
{
    static const char lines[] = "{\"itsm_schema\": 1, \"type\": \"change\", \"id\": \"C\", \"title\": \"t\"}\n"
                                "{\"itsm_schema\": 1,\n"
                                "{\"itsm_schema\": 1, \"type\": \"call\", \"id\": \"X\", "
                                "\"received_at\": \"2025-01-01T00:00:00Z\"}\n";
    itsm_record_stream *s = NULL;
    int rc = ctx == NULL ? itsm_record_stream_open_memory(&s, lines, sizeof lines - 1)
                         : itsm_record_stream_open(&s, ctx);
    int eof = 0;
    while (rc == ITSM_OK && !eof) {
        itsm_record *r = NULL;
        rc = itsm_record_stream_next(&r, &eof, s);
        if (rc == ITSM_EPARSE)
            rc = ITSM_OK; /* line 2 is bad on purpose */
        itsm_record_free(r);
    }
    itsm_record_stream_close(s);
    return rc;
}

/* The accessors ask for no memory. */
static void test_accessors_do_not_allocate(void **state)
{
    (void)state;
    itsm_test_chaos chaos;
    itsm_test_chaos_install(&chaos);
    itsm_record *r = load(CHANGE "}");
    itsm_record_stream *s = NULL;
    assert_itsm_ok(itsm_record_stream_open_memory(&s, "", 0));
    itsm_test_forbid_allocation(&chaos);
    const char *name = NULL;
    itsm_record *next = NULL;
    int eof = 0;
    assert_int_equal(itsm_record_get_type(r), ITSM_RECORD_CHANGE);
    assert_string_equal(itsm_record_id(r), "X");
    assert_int_equal(itsm_record_type_name(&name, ITSM_RECORD_BACKUP_RUN), ITSM_OK);
    assert_int_equal(itsm_record_stream_next(&next, &eof, s), ITSM_OK);
    assert_int_equal(eof, 1);
    assert_int_equal(itsm_record_stream_line(s), 0);
    itsm_test_assert_no_allocation(&chaos);
    itsm_record_stream_close(s);
    itsm_record_free(r);
    assert_int_equal(itsm_set_allocator(NULL), ITSM_OK);
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
    char *set = itsm_test_read_source("tests/fuzz/corpus/documents/record-set.json");
    itsm_test_alloc_sweep("record set", scenario_set, set, ITSM_OK);
    free(set);
    itsm_test_alloc_sweep("bad record set", scenario_set,
                          SET("{\"type\": \"call\", \"id\": \"C\", \"received_at\": \"2025-01-01T00:00:00Z\"}, "
                              "{\"type\": \"call\", \"id\": \"D\"}"),
                          ITSM_EINVAL);
    itsm_test_alloc_sweep("record stream", scenario_stream, NULL, ITSM_OK);
    char path[1024];
    itsm_test_source_path(path, sizeof path, "examples/data/records.jsonl");
    itsm_test_alloc_sweep("record stream file", scenario_stream, path, ITSM_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_accessors),
        cmocka_unit_test(test_errors_name_their_path),
        cmocka_unit_test(test_record_set),
        cmocka_unit_test(test_record_set_errors),
        cmocka_unit_test(test_jsonl_stream),
        cmocka_unit_test(test_accessors_do_not_allocate),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, itsm_test_group_setup, itsm_test_group_teardown);
}
