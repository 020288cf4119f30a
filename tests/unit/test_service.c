/* Service and party documents (itsm/service.h): canonical round trip, the same member
 * tables as agreements, errors naming their JSON path, the lints, allocation failures. */
#include "itsm_test.h"

#include <stdio.h>
#include <stdlib.h>

#define CORPUS "tests/fuzz/corpus/documents/"
#define SVC "{\"itsm_schema\": 1, \"type\": \"service\", \"id\": \"S\""
#define PARTY "{\"itsm_schema\": 1, \"type\": \"party\", \"id\": \"P\""

static itsm_service *load_service(const char *doc)
{
    itsm_service *s = NULL;
    assert_itsm_ok(itsm_service_from_json(&s, doc, strlen(doc)));
    return s;
}

static itsm_party *load_party(const char *doc)
{
    itsm_party *p = NULL;
    assert_itsm_ok(itsm_party_from_json(&p, doc, strlen(doc)));
    return p;
}

static void test_service_round_trip(void **state)
{
    (void)state;
    char *doc = itsm_test_read_source(CORPUS "service-server-operation.json");
    itsm_service *s = load_service(doc);
    char *text = NULL;
    assert_itsm_ok(itsm_service_to_json(&text, s));
    assert_string_equal(text, doc);
    assert_string_equal(itsm_service_id(s), "SVC-SERVER-OPERATION");
    assert_non_null(strstr(itsm_service_name(s), "server operation support"));
    assert_int_equal(itsm_service_sla_count(s), 6);
    itsm_free(text);
    itsm_service_free(s);
    free(doc);
    /* keys out of order come back in schema order: id, service items, contacts, SLA items */
    s = load_service("{\"sla_items\": [{\"id\": \"x\"}], \"contacts\": {\"emergency\": {\"phone\": \"1\"}}, "
                     "\"name\": \"N\", \"type\": \"service\", \"id\": \"S\", \"itsm_schema\": 1}");
    assert_itsm_ok(itsm_service_to_json(&text, s));
    assert_non_null(strstr(text, "\"id\": \"S\",\n  \"name\": \"N\",\n  \"contacts\": {\n    \"emergency\""));
    assert_non_null(strstr(text, "},\n  \"sla_items\": [\n"));
    itsm_free(text);
    itsm_service_free(s);
    assert_null(itsm_service_id(NULL));
    assert_null(itsm_service_name(NULL));
    assert_int_equal(itsm_service_sla_count(NULL), 0);
    itsm_service_free(NULL);
}

static void test_party_round_trip(void **state)
{
    (void)state;
    const char *names[] = {CORPUS "party-vendor.json", CORPUS "party-user.json"};
    const char *sides[] = {"vendor", "user"};
    for (size_t i = 0; i < 2; i++) {
        char *doc = itsm_test_read_source(names[i]);
        itsm_party *p = load_party(doc);
        char *text = NULL;
        assert_itsm_ok(itsm_party_to_json(&text, p));
        assert_string_equal(text, doc);
        assert_string_equal(itsm_party_side(p), sides[i]);
        assert_non_null(strstr(itsm_party_id(p), "PARTY-EXAMPLE-"));
        assert_non_null(strstr(itsm_party_company(p), "Example "));
        itsm_free(text);
        itsm_party_free(p);
        free(doc);
    }
    itsm_party *p = load_party(PARTY "}");
    assert_null(itsm_party_side(p));
    assert_null(itsm_party_company(p));
    itsm_party_free(p);
    assert_null(itsm_party_id(NULL));
    assert_null(itsm_party_side(NULL));
    assert_null(itsm_party_company(NULL));
    itsm_party_free(NULL);
}

/* The party document's members are read by the agreement's table for each side: a side of
 * an agreement with "id" and "side" added is a party document, and a party without them
 * is a side of an agreement. */
static void test_same_tables_as_agreements(void **state)
{
    (void)state;
    const char *person = "{\"name\": \"\"}";
    char doc[512];
    itsm_party *p = NULL;
    itsm_agreement *a = NULL;
    (void)snprintf(doc, sizeof doc, PARTY ", \"persons_in_charge\": [%s]}", person);
    assert_itsm_error(itsm_party_from_json(&p, doc, strlen(doc)), ITSM_EINVAL,
                      "$.persons_in_charge[0].name: must not be empty");
    (void)snprintf(doc, sizeof doc,
                   "{\"itsm_schema\": 1, \"type\": \"agreement\", \"id\": \"A\", \"parties\": {\"user\": "
                   "{\"persons_in_charge\": [%s]}}}",
                   person);
    assert_itsm_error(itsm_agreement_from_json(&a, doc, strlen(doc)), ITSM_EINVAL,
                      "$.parties.user.persons_in_charge[0].name: must not be empty");
    itsm_service *s = NULL;
    const char *bad_unit = SVC ", \"sla_items\": [{\"id\": \"s\", \"unit\": \"furlong\"}]}";
    assert_itsm_error(itsm_service_from_json(&s, bad_unit, strlen(bad_unit)), ITSM_EINVAL, "$.sla_items[0].unit");
    /* a service has contacts where an agreement has parties */
    const char *parties = SVC ", \"parties\": {}}";
    assert_itsm_error(itsm_service_from_json(&s, parties, strlen(parties)), ITSM_EINVAL, "$.parties: unknown key");
    const char *contacts = "{\"itsm_schema\": 1, \"type\": \"agreement\", \"id\": \"A\", \"contacts\": {}}";
    assert_itsm_error(itsm_agreement_from_json(&a, contacts, strlen(contacts)), ITSM_EINVAL,
                      "$.contacts: unknown key");
    assert_null(a);
    assert_null(s);
    assert_null(p);
}

/* A service's "sla_items" are read by the SLA item reader, as an agreement's are: the
 * server operation service (its SLA items copied from the agreement) gives the same items,
 * and an item the reader refuses is refused at the same path in both. */
static void test_sla_items_as_in_agreements(void **state)
{
    (void)state;
    char *sdoc = itsm_test_read_source(CORPUS "service-server-operation.json");
    char *adoc = itsm_test_read_source("examples/data/agreement-server-operation.json");
    itsm_service *s = load_service(sdoc);
    itsm_agreement *a = NULL;
    assert_itsm_ok(itsm_agreement_from_json(&a, adoc, strlen(adoc)));
    assert_int_equal(itsm_service_sla_count(s), 6);
    for (size_t i = 0; i < 6; i++) {
        const itsm_sla_item *si = itsm_service_sla_item(s, i), *ai = itsm_agreement_sla_item(a, i);
        assert_non_null(si);
        char *st = NULL, *at = NULL;
        assert_itsm_ok(itsm_sla_item_to_json(&st, si));
        assert_itsm_ok(itsm_sla_item_to_json(&at, ai));
        assert_string_equal(st, at);
        itsm_free(st);
        itsm_free(at);
    }
    /* the first one as written in the file: notification within 10 minutes at L3 */
    const itsm_sla_item *first = itsm_service_sla_item(s, 0);
    assert_int_equal(itsm_sla_item_unit(first), ITSM_SLA_UNIT_MINUTE);
    assert_int_equal(itsm_sla_item_commitment(first), ITSM_SLA_COMMITMENT_TARGET);
    assert_string_equal(itsm_sla_item_text(first, ITSM_SLA_TEXT_CALENDAR), "always");
    assert_null(itsm_service_sla_item(s, 6));
    assert_null(itsm_service_sla_item(NULL, 0));
    itsm_service_free(s);
    itsm_agreement_free(a);
    free(adoc);
    free(sdoc);
    s = load_service(SVC "}");
    assert_null(itsm_service_sla_item(s, 0));
    itsm_service_free(s);

    const char *items = ", \"sla_items\": [{\"id\": \"r\", \"level\": \"L1\", \"levels\": {\"L1\": {}}}]}";
    char doc[256];
    (void)snprintf(doc, sizeof doc, SVC "%s", items);
    s = NULL;
    assert_itsm_error(itsm_service_from_json(&s, doc, strlen(doc)), ITSM_EINVAL,
                      "$.sla_items[0].levels.L1: a level needs exactly one of");
    (void)snprintf(doc, sizeof doc, "{\"itsm_schema\": 1, \"type\": \"agreement\", \"id\": \"A\"%s", items);
    a = NULL;
    assert_itsm_error(itsm_agreement_from_json(&a, doc, strlen(doc)), ITSM_EINVAL,
                      "$.sla_items[0].levels.L1: a level needs exactly one of");
    assert_null(s);
    assert_null(a);
}

static void test_errors_name_their_path(void **state)
{
    (void)state;
    itsm_service *s = NULL;
    itsm_party *p = NULL;
#define BAD_S(doc, code, fragment) assert_itsm_error(itsm_service_from_json(&s, doc, strlen(doc)), code, fragment)
#define BAD_P(doc, code, fragment) assert_itsm_error(itsm_party_from_json(&p, doc, strlen(doc)), code, fragment)
    BAD_S("{\"itsm_schema\": 1, \"type\": \"service\"}", ITSM_EINVAL, "missing required key \"id\"");
    BAD_S("{\"itsm_schema\": 2, \"type\": \"service\", \"id\": \"S\"}", ITSM_EVERSION, "newer");
    BAD_S("{\"type\": \"service\", \"id\": \"S\"}", ITSM_EVERSION, "itsm_schema");
    BAD_S(PARTY "}", ITSM_EINVAL, "$.type");
    BAD_S(SVC ", \"contacts\": {\"inquiry\": {\"fax\": 3}}}", ITSM_EINVAL, "$.contacts.inquiry.fax");
    BAD_S(SVC ", \"contacts\": {\"normal\": {}}}", ITSM_EINVAL, "$.contacts.normal: unknown key");
    BAD_S(SVC ", \"delivery_forms\": [\"remote\", \"telepathy\"]}", ITSM_EINVAL, "$.delivery_forms[1]");
    BAD_S(SVC ", \"fee\": {\"amount\": -5}}", ITSM_ERANGE, "$.fee.amount");
    BAD_S(SVC ", \"period\": {\"start\": \"2025-02-30\"}}", ITSM_ERANGE, "$.period.start");
    BAD_S(SVC ", \"name\": \"N\"", ITSM_EPARSE, "malformed JSON");
    BAD_P(SVC "}", ITSM_EINVAL, "$.type");
    BAD_P(PARTY ", \"side\": \"both\"}", ITSM_EINVAL, "$.side: \"both\" is not allowed here (expected one of: vendor, user)");
    BAD_P(PARTY ", \"responsible\": {\"legal\": {}}}", ITSM_EINVAL, "$.responsible.legal: unknown key");
    BAD_P(PARTY ", \"subcontractors\": \"X\"}", ITSM_EINVAL, "$.subcontractors: expected an array");
    BAD_P(PARTY ", \"roles\": {\"support_scope\": \"\"}}", ITSM_EINVAL, "$.roles.support_scope: must not be empty");
    BAD_P(PARTY ", \"id\": \"Q\"}", ITSM_EPARSE, "");
    BAD_P("[]", ITSM_EINVAL, "$");
#undef BAD_S
#undef BAD_P
    assert_null(s);
    assert_null(p);
    assert_itsm_error(itsm_service_from_json(NULL, "{}", 2), ITSM_EINVAL, "out");
    assert_itsm_error(itsm_service_from_json(&s, NULL, 0), ITSM_EINVAL, "json");
    assert_itsm_error(itsm_party_from_json(NULL, "{}", 2), ITSM_EINVAL, "out");
    assert_itsm_error(itsm_party_from_json(&p, NULL, 0), ITSM_EINVAL, "json");
    char *text = NULL;
    assert_itsm_error(itsm_service_to_json(&text, NULL), ITSM_EINVAL, "service");
    assert_itsm_error(itsm_party_to_json(&text, NULL), ITSM_EINVAL, "party");
    p = load_party(PARTY "}");
    assert_itsm_error(itsm_party_to_json(NULL, p), ITSM_EINVAL, "out");
    itsm_party_free(p);
}

/* Findings at `path` whose message contains `fragment`. */
static size_t hits(const itsm_finding *f, size_t n, const char *path, const char *fragment)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        assert_non_null(f[i].guideline);
        if (strcmp(f[i].path, path) == 0 && strstr(f[i].message, fragment) != NULL)
            count++;
    }
    return count;
}

static void test_service_lint(void **state)
{
    (void)state;
    char *doc = itsm_test_read_source(CORPUS "service-server-operation.json");
    itsm_service *s = load_service(doc);
    itsm_finding *f = NULL;
    size_t n = 99;
    assert_itsm_ok(itsm_service_lint(&f, &n, s));
    assert_int_equal(n, 0);
    assert_null(f);
    itsm_service_free(s);
    free(doc);

    s = load_service(SVC ", \"contacts\": {\"inquiry\": {\"phone\": \"1\", \"calendar\": \"desk\"}}, "
                         "\"sla_items\": [{\"id\": \"x\", \"name\": \"response\"}]}");
    assert_itsm_ok(itsm_service_lint(&f, &n, s));
    assert_int_equal(hits(f, n, "$.name", "missing service name"), 1);
    assert_int_equal(hits(f, n, "$.period", "contract period"), 1);
    assert_int_equal(hits(f, n, "$.contacts.inquiry.calendar", "not declared in $.calendars"), 1);
    assert_int_equal(hits(f, n, "$.contacts.emergency", "no emergency contact for the service"), 1);
    assert_int_equal(hits(f, n, "$.sla_items[0].unit", "measurement unit"), 1);
    assert_int_equal(hits(f, n, "$.sla_items", "service targets"), 0);
    for (size_t i = 0; i < n; i++)
        assert_null(strstr(f[i].path, "$.parties"));
    itsm_findings_free(f, n);
    itsm_service_free(s);

    s = load_service(SVC "}");
    assert_itsm_ok(itsm_service_lint(&f, &n, s));
    assert_int_equal(hits(f, n, "$.contacts.inquiry", "missing the inquiry contact"), 1);
    assert_int_equal(hits(f, n, "$.sla_items", "missing service targets"), 1);
    itsm_findings_free(f, n);
    assert_itsm_error(itsm_service_lint(NULL, &n, s), ITSM_EINVAL, "out");
    assert_itsm_error(itsm_service_lint(&f, NULL, s), ITSM_EINVAL, "out_count");
    assert_itsm_error(itsm_service_lint(&f, &n, NULL), ITSM_EINVAL, "service");
    itsm_service_free(s);
}

static void test_party_lint(void **state)
{
    (void)state;
    const char *names[] = {CORPUS "party-vendor.json", CORPUS "party-user.json"};
    itsm_finding *f = NULL;
    size_t n = 99;
    for (size_t i = 0; i < 2; i++) {
        char *doc = itsm_test_read_source(names[i]);
        itsm_party *p = load_party(doc);
        assert_itsm_ok(itsm_party_lint(&f, &n, p));
        assert_int_equal(n, 0);
        itsm_party_free(p);
        free(doc);
    }
    itsm_party *p = load_party(PARTY "}");
    assert_itsm_ok(itsm_party_lint(&f, &n, p));
    assert_int_equal(hits(f, n, "$.company", "company name"), 1);
    assert_int_equal(hits(f, n, "$.department", "department"), 1);
    assert_int_equal(hits(f, n, "$.responsible", "responsible person"), 1);
    assert_int_equal(hits(f, n, "$.persons_in_charge", "persons in charge"), 1);
    assert_int_equal(hits(f, n, "$.inquiry", "inquiry contact"), 1);
    assert_int_equal(hits(f, n, "$.roles", "role split"), 1);
    assert_int_equal(hits(f, n, "$.emergency", "no emergency contact for this party"), 1);
    assert_int_equal(n, 7);
    itsm_findings_free(f, n);
    itsm_party_free(p);
    /* the user side needs no company; a person needs a name and a contact; calendar names
     * refer to documents elsewhere */
    p = load_party(PARTY ", \"side\": \"user\", \"department\": \"IT\", \"responsible\": {\"technical\": "
                         "{\"name\": \"T\"}}, \"persons_in_charge\": [{\"role\": \"admin\", \"mail\": \"a@b\"}], "
                         "\"inquiry\": {\"mail\": \"x@y\", \"calendar\": \"desk\"}, \"roles\": {\"support_scope\": "
                         "\"s\"}}");
    assert_itsm_ok(itsm_party_lint(&f, &n, p));
    assert_int_equal(hits(f, n, "$.company", ""), 0);
    assert_int_equal(hits(f, n, "$.responsible.technical", "no contact"), 1);
    assert_int_equal(hits(f, n, "$.persons_in_charge[0].name", "missing name"), 1);
    assert_int_equal(hits(f, n, "$.roles.responsibility_scope", "responsibility scope"), 1);
    assert_int_equal(hits(f, n, "$.emergency", "no emergency contact on the user side"), 1);
    assert_int_equal(hits(f, n, "$.inquiry.calendar", ""), 0);
    assert_int_equal(n, 4);
    itsm_findings_free(f, n);
    assert_itsm_error(itsm_party_lint(&f, &n, NULL), ITSM_EINVAL, "party");
    itsm_party_free(p);
}

/* ---- allocation failures ------------------------------------------------------------------ */

/* The accessors of agreements, services and parties ask for no memory. */
static void test_accessors_do_not_allocate(void **state)
{
    (void)state;
    itsm_test_chaos chaos;
    itsm_test_chaos_install(&chaos);
    char *doc = itsm_test_read_source("examples/data/agreement-server-operation.json");
    itsm_agreement *a = NULL;
    assert_itsm_ok(itsm_agreement_from_json(&a, doc, strlen(doc)));
    itsm_service *s = load_service(SVC ", \"name\": \"N\", \"sla_items\": [{\"id\": \"x\"}]}");
    itsm_party *p = load_party(PARTY ", \"side\": \"vendor\", \"company\": \"C\"}");
    itsm_test_forbid_allocation(&chaos);
    const char *name = NULL;
    assert_string_equal(itsm_agreement_id(a), "SOS-2025-001");
    assert_non_null(itsm_agreement_name(a));
    assert_int_equal(itsm_agreement_sla_count(a), 6);
    assert_string_equal(itsm_service_name(s), "N");
    assert_int_equal(itsm_service_sla_count(s), 1);
    assert_non_null(itsm_service_sla_item(s, 0));
    assert_non_null(itsm_agreement_sla_item(a, 5));
    assert_string_equal(itsm_service_id(s), "S");
    assert_string_equal(itsm_party_id(p), "P");
    assert_string_equal(itsm_party_side(p), "vendor");
    assert_string_equal(itsm_party_company(p), "C");
    assert_int_equal(itsm_severity_name(&name, ITSM_SEVERITY_WARNING), ITSM_OK);
    assert_int_equal(itsm_severity_name(&name, (itsm_severity)3), ITSM_EINVAL);
    itsm_test_assert_no_allocation(&chaos);
    itsm_party_free(p);
    itsm_service_free(s);
    itsm_agreement_free(a);
    free(doc);
    assert_int_equal(itsm_set_allocator(NULL), ITSM_OK);
}

static int scenario_service(const void *ctx)
{
    const char *doc = ctx;
    itsm_service *a = NULL, *b = NULL;
    char *text = NULL;
    itsm_finding *f = NULL;
    size_t n = 0;
    int rc = itsm_service_from_json(&a, doc, strlen(doc));
    if (rc == ITSM_OK)
        rc = itsm_service_to_json(&text, a);
    if (rc == ITSM_OK)
        rc = itsm_service_from_json(&b, text, strlen(text));
    if (rc == ITSM_OK)
        rc = itsm_service_lint(&f, &n, b);
    itsm_findings_free(f, n);
    itsm_free(text);
    itsm_service_free(b);
    itsm_service_free(a);
    return rc;
}

static int scenario_party(const void *ctx)
{
    const char *doc = ctx;
    itsm_party *a = NULL, *b = NULL;
    char *text = NULL;
    itsm_finding *f = NULL;
    size_t n = 0;
    int rc = itsm_party_from_json(&a, doc, strlen(doc));
    if (rc == ITSM_OK)
        rc = itsm_party_to_json(&text, a);
    if (rc == ITSM_OK)
        rc = itsm_party_from_json(&b, text, strlen(text));
    if (rc == ITSM_OK)
        rc = itsm_party_lint(&f, &n, b);
    itsm_findings_free(f, n);
    itsm_free(text);
    itsm_party_free(b);
    itsm_party_free(a);
    return rc;
}

static void test_allocation_failures(void **state)
{
    (void)state;
    char *service = itsm_test_read_source(CORPUS "service-server-operation.json");
    char *vendor = itsm_test_read_source(CORPUS "party-vendor.json");
    itsm_test_alloc_sweep("service", scenario_service, service, ITSM_OK);
    itsm_test_alloc_sweep("incomplete service", scenario_service, SVC ", \"contacts\": {}}", ITSM_OK);
    itsm_test_alloc_sweep("bad service", scenario_service, SVC ", \"fee\": {\"per\": \"week\"}}", ITSM_EINVAL);
    itsm_test_alloc_sweep("bad SLA item", scenario_service,
                          SVC ", \"sla_items\": [{\"id\": \"r\", \"levels\": {\"L2\": {\"op\": \"<=\"}}}]}",
                          ITSM_EINVAL);
    itsm_test_alloc_sweep("party", scenario_party, vendor, ITSM_OK);
    itsm_test_alloc_sweep("empty party", scenario_party, PARTY "}", ITSM_OK);
    itsm_test_alloc_sweep("bad party", scenario_party, PARTY ", \"inquiry\": {\"phone\": 1}}", ITSM_EINVAL);
    free(vendor);
    free(service);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_service_round_trip),
        cmocka_unit_test(test_party_round_trip),
        cmocka_unit_test(test_same_tables_as_agreements),
        cmocka_unit_test(test_sla_items_as_in_agreements),
        cmocka_unit_test(test_errors_name_their_path),
        cmocka_unit_test(test_service_lint),
        cmocka_unit_test(test_party_lint),
        cmocka_unit_test(test_accessors_do_not_allocate),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, itsm_test_group_setup, itsm_test_group_teardown);
}
