/* The built-in SLA catalogue (itsm/sla.h): every cell of every SLA table of seed A
 * 4.6-4.10 against a table transcribed by hand from docs/DOMAIN.md section 3 (not from the
 * catalogue), the services, instantiation with overrides and its errors, export, reading
 * catalogues from JSON, allocation failures.
 *
 * Cell notation: "-" blank, "none", "n/s" not supported, "undef" undefined, "pc" per
 * contract, "<= 60" a threshold in the item's unit, "@words" a deadline, "#name" an
 * ordinal position. */
#include "itsm_test.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct row {
    const char *service, *id, *process, *unit, *kind, *metric;
    const char *cells[4];
} row;

/* Where this table departs from DOMAIN.md, the seed wins (docs/sla-items.md explains):
 * (m) a cell the seed prints once across several level columns (a merged cell, set apart
 *     from its row in the extracted text) applies to each of those levels;
 * (u) a unit the seed leaves out but the values need (retention in months, SaaS units);
 * (w) calendar words of an average or of frequencies made numeric or ordinal. */
static const row expected[] = {
    /* 3.1 hardware maintenance (4.6.2): no process column, no period */
    {"hardware_maintenance", "phone_reception", NULL, "hour", "target", "service_hours",
     {"#business hours", "#after hours", "#365 days 24 h", "-"}},
    {"hardware_maintenance", "dispatch_time", NULL, "hour", "target", "duration",
     {"@next day", "@same day", "<= 4", "<= 2"}},
    {"hardware_maintenance", "recovery_time", NULL, "hour", "target", "duration", {"@next day", "@same day", "pc", "-"}},
    {"hardware_maintenance", "periodic_inspection", NULL, "count", "guarantee", "count", {"none", ">= 1", ">= 2", ">= 3"}},
    /* 3.2 call center */
    {"call_center", "reception_hours", "8.2", "time_band", "guarantee", "service_hours",
     {"#business hours", "#after hours (special contract)", "pc", "-"}},
    {"call_center", "answer_rate", "8.2", "percent", "target", "call_rate", {"none", ">= 80", ">= 90", ">= 95"}},
    {"call_center", "abandon_rate", "8.2", "percent", "target", "call_rate", {"none", "< 20", "< 10", "< 5"}},
    {"call_center", "busy_rate", "8.2", "percent", "target", "call_rate", {"none", "< 20", "< 10", "< 5"}},
    {"call_center", "callback_rate", "8.2", "percent", "target", "call_rate", {"none", "< 20", "< 10", "< 5"}},
    /* license maintenance (w: frequencies in words are positions) */
    {"license_maintenance", "versionup_cycle", "10.1", "count", "target", "ordinal",
     {"undef", "#once in several years", "#once a year", "#several a year"}},
    {"license_maintenance", "versionup_scope", "10.1", NULL, "guarantee", "ordinal",
     {"n/s", "#specific versions only", "#all versions", "-"}},
    {"license_maintenance", "media_request", "10.1", NULL, "target", "ordinal",
     {"n/s", "#on user request", "#automatic", "-"}},
    {"license_maintenance", "delivery_method", "10.1", NULL, "target", "ordinal",
     {"n/s", "#mail", "#real time (download)", "#download or mail"}},
    {"license_maintenance", "lead_time", "10.1", "day", "target", "duration", {"undef", "@within a few days", "-", "-"}},
    /* failure response (w: an average against hours: 1 week = 168 h, 1 day = 24 h) */
    {"failure_response", "response_time", "8.2", "hour", "target", "duration",
     {"none", "@next day", "@within half a day", "<= 1"}},
    {"failure_response", "recovery_time", "8.2", "hour", "target", "average_duration",
     {"none", "<= 168", "<= 24", "<= 12"}},
    /* customization maintenance (m: work volume and request count) */
    {"customization_maintenance", "response_time", "9.2", "day", "target", "duration",
     {"none", "@within 1 month", "@within 1 week", "@next day"}},
    {"customization_maintenance", "start_time_emergency", "9.2", "day", "target", "duration",
     {"none", "@within a few days", "@next day", "@same day"}},
    {"customization_maintenance", "start_time_enhancement", "9.2", "day", "target", "duration",
     {"none", "@within 2 months", "@within 1 month", "@within 1 week"}},
    {"customization_maintenance", "work_volume", "9.2", "person_day", "guarantee", NULL, {"pc", "pc", "pc", "pc"}},
    {"customization_maintenance", "request_count", "9.2", "count", "guarantee", "count", {"pc", "pc", "pc", "pc"}},
    /* training (m: everything per contract) */
    {"training", "sessions", "6.5", NULL, NULL, "count", {"pc", "pc", "pc", "pc"}},
    {"training", "interval", "6.5", NULL, NULL, "interval", {"pc", "pc", "pc", "pc"}},
    {"training", "place", "6.5", NULL, NULL, NULL, {"pc", "pc", "pc", "pc"}},
    {"training", "attendees", "6.5", NULL, NULL, NULL, {"pc", "pc", "pc", "pc"}},
    {"training", "target_level", "6.5", NULL, NULL, NULL, {"pc", "pc", "pc", "pc"}},
    /* 3.3 firewall management: levels 1 and 3 (u: log archive in months) */
    {"firewall_management", "operation_monitoring", "6.5", "minute", "target", "notification_delay",
     {"<= 60", "-", "<= 10", "-"}},
    {"firewall_management", "unauthorized_access_report", "6.5", "minute", "guarantee", "notification_delay",
     {"<= 60", "-", "<= 10", "-"}},
    {"firewall_management", "log_archive", "6.6", "month", "guarantee", NULL, {"n/s", "-", ">= 3", "-"}},
    {"firewall_management", "log_analysis", "6.2", NULL, "guarantee", "report_deadline", {"n/s", "-", "@next day", "-"}},
    {"firewall_management", "policy_change", "9.2", "day", "guarantee", "duration",
     {"@within 1 week", "-", "@next day", "-"}},
    {"firewall_management", "hardware_maintenance", "8.2", "hour", "target", "duration",
     {"@next business day", "-", "<= 2", "-"}},
    {"firewall_management", "status_report", "6.2", "month", "guarantee", "report_deadline",
     {"n/s", "-", "@within 10 business days from the start of the next month", "-"}},
    /* 3.4 server operation support: levels 1 and 3 */
    {"server_operation_support", "operation_monitoring", "6.5", "minute", "target", "notification_delay",
     {"<= 60", "-", "<= 10", "-"}},
    {"server_operation_support", "automatic_failure_notification", "6.5", "minute", "target", "notification_delay",
     {"<= 60", "-", "<= 10", "-"}},
    {"server_operation_support", "resource_monitoring", "6.5", "minute", "target", "notification_delay",
     {"n/s", "-", "<= 10", "-"}},
    {"server_operation_support", "hardware_failure_recovery", "8.2", "hour", "target", "duration",
     {"@within 24 h excluding vendor holidays", "-", "<= 4", "-"}},
    {"server_operation_support", "operation_inquiries", "8.2", "day", "target", "duration",
     {"@next day excluding vendor holidays", "-", "@same day excluding vendor holidays", "-"}},
    {"server_operation_support", "status_report", "6.2", "month", "guarantee", "report_deadline",
     {"n/s", "-", "@within 10 business days from the start of the next month", "-"}},
    /* 3.5 ASP/SaaS: no target/guarantee in the seed (u: units from the values; m: merged cells) */
    {"saas", "availability", "6.5", "percent", NULL, "availability", {">= 97.5", ">= 99", ">= 99.9", ">= 99.99"}},
    {"saas", "rto", "6.5", "hour", NULL, "rto", {"none", "<= 24", "pc", "pc"}},
    {"saas", "rpo", "6.5", "hour", NULL, "rpo", {"none", "<= 24", "pc", "pc"}},
    {"saas", "backup_interval", "6.5", "hour", NULL, "interval", {"none", "<= 24", "pc", "pc"}},
    {"saas", "redundancy", "6.5", NULL, NULL, "ordinal",
     {"#mirroring", "#replication", "#mirroring + hot swap", "#mirroring + hot swap"}},
    {"saas", "monitoring_interval", "6.5", "second", NULL, "interval", {"<= 60", "<= 30", "<= 10", "<= 5"}},
    {"saas", "response_time", "6.5", "second", NULL, "duration", {"none", "<= 8", "<= 5", "<= 1"}},
    {"saas", "processing_time", "6.5", NULL, NULL, "duration", {"none", "pc", "pc", "pc"}},
    {"saas", "bandwidth", "6.5", NULL, NULL, NULL, {"pc", "pc", "pc", "pc"}},
    {"saas", "disk_capacity", "6.5", NULL, NULL, NULL, {"pc", "pc", "pc", "pc"}},
    {"saas", "intrusion_countermeasures", "6.6", NULL, NULL, "ordinal",
     {"#FW", "#FW + NIDS", "#FW + NIDS", "#FW + NIDS + HIDS"}},
    {"saas", "virus_countermeasures", "6.6", NULL, NULL, "ordinal",
     {"#host", "#GW + host", "#GW + host", "#GW + host + multi-vendor"}},
    {"saas", "vulnerability_scan_interval", "6.5", "month", NULL, "interval", {"<= 12", "<= 6", "<= 3", "<= 1"}},
    {"saas", "reception_hours", "8.2", "time_band", NULL, "service_hours",
     {"#weekdays 9:00-17:00", "#weekdays 9:00-20:00", "#9:00-20:00 x 7 days", "#24 h x 7 days"}},
    {"saas", "reception_staff", "8.2", NULL, NULL, "ordinal",
     {"#no dedicated staff", "#some dedicated staff", "#some dedicated staff", "#fully dedicated"}},
};

static const struct {
    const char *id, *section;
    unsigned levels;
    size_t items;
} services[] = {
    {"hardware_maintenance", "4.6.2", 0xF, 4},     {"call_center", "4.7.2", 0xF, 5},
    {"license_maintenance", "4.7.2", 0xF, 5},      {"failure_response", "4.7.2", 0xF, 2},
    {"customization_maintenance", "4.7.2", 0xF, 5}, {"training", "4.7.2", 0xF, 5},
    {"firewall_management", "4.8.2", 0x5, 7},      {"server_operation_support", "4.9.2", 0x5, 6},
    {"saas", "4.10.2", 0xF, 15},
};

static itsm_sla_catalogue *builtin(void)
{
    itsm_sla_catalogue *cat = NULL;
    assert_itsm_ok(itsm_sla_catalogue_new(&cat));
    return cat;
}

static void cell_text(char *buf, size_t size, const itsm_sla_level *lv)
{
    switch (lv->kind) {
    case ITSM_SLA_LEVEL_ABSENT: (void)snprintf(buf, size, "-"); break;
    case ITSM_SLA_LEVEL_NONE: (void)snprintf(buf, size, "none"); break;
    case ITSM_SLA_LEVEL_NOT_SUPPORTED: (void)snprintf(buf, size, "n/s"); break;
    case ITSM_SLA_LEVEL_UNDEFINED: (void)snprintf(buf, size, "undef"); break;
    case ITSM_SLA_LEVEL_PER_CONTRACT: (void)snprintf(buf, size, "pc"); break;
    case ITSM_SLA_LEVEL_DEADLINE: (void)snprintf(buf, size, "@%s", lv->deadline); break;
    case ITSM_SLA_LEVEL_ORDINAL: (void)snprintf(buf, size, "#%s", lv->ordinal); break;
    case ITSM_SLA_LEVEL_THRESHOLD: {
        const char *op = NULL;
        assert_itsm_ok(itsm_sla_name(&op, ITSM_SLA_ENUM_OP, lv->op));
        (void)snprintf(buf, size, "%s %.10g", op, lv->value);
        break;
    }
    }
}

static void assert_text(const char *what, const char *expected_text, const char *actual)
{
    if (expected_text == NULL && actual == NULL)
        return;
    if (expected_text == NULL || actual == NULL || strcmp(expected_text, actual) != 0)
        fail_msg("%s: expected \"%s\", got \"%s\"", what, expected_text ? expected_text : "(none)",
                 actual ? actual : "(none)");
}

static const char *word(itsm_sla_enum which, int value)
{
    const char *w = NULL;
    assert_itsm_ok(itsm_sla_name(&w, which, value));
    return w[0] == '\0' ? NULL : w;
}

static void test_every_cell(void **state)
{
    (void)state;
    itsm_sla_catalogue *cat = builtin();
    size_t seen = 0;
    for (size_t r = 0; r < sizeof expected / sizeof expected[0]; r++) {
        const row *e = &expected[r];
        size_t si = 0;
        assert_itsm_ok(itsm_sla_catalogue_find(&si, cat, e->service));
        const itsm_sla_item *item = NULL;
        for (size_t i = 0; (item = itsm_sla_catalogue_item(cat, si, i)) != NULL; i++)
            if (strcmp(itsm_sla_item_text(item, ITSM_SLA_TEXT_ID), e->id) == 0)
                break;
        if (item == NULL)
            fail_msg("%s: no item %s", e->service, e->id);
        char what[160];
        (void)snprintf(what, sizeof what, "%s.%s", e->service, e->id);
        assert_text(what, e->process, itsm_sla_item_text(item, ITSM_SLA_TEXT_PROCESS));
        assert_text(what, e->unit, word(ITSM_SLA_ENUM_UNIT, (int)itsm_sla_item_unit(item)));
        assert_text(what, e->kind, word(ITSM_SLA_ENUM_COMMITMENT, (int)itsm_sla_item_commitment(item)));
        itsm_sla_metric m;
        assert_itsm_ok(itsm_sla_item_metric(&m, item));
        assert_text(what, e->metric, word(ITSM_SLA_ENUM_METRIC, (int)m.kind));
        assert_int_equal(itsm_sla_item_agreed_level(item), 0);
        assert_non_null(itsm_sla_item_text(item, ITSM_SLA_TEXT_NAME));
        for (int k = 0; k < 4; k++) {
            itsm_sla_level lv;
            char got[160], where[200];
            assert_itsm_ok(itsm_sla_item_level(&lv, item, k + 1));
            cell_text(got, sizeof got, &lv);
            (void)snprintf(where, sizeof where, "%s L%d", what, k + 1);
            assert_text(where, e->cells[k], got);
        }
        seen++;
    }
    /* Every item of the catalogue is in the table above. */
    size_t total = 0;
    for (size_t s = 0; s < itsm_sla_catalogue_service_count(cat); s++) {
        itsm_sla_service_info info;
        assert_itsm_ok(itsm_sla_catalogue_service(&info, cat, s));
        total += info.item_count;
    }
    assert_int_equal(total, seen);
    itsm_sla_catalogue_free(cat);
}

static void test_services(void **state)
{
    (void)state;
    itsm_sla_catalogue *cat = builtin();
    assert_int_equal(itsm_sla_catalogue_service_count(cat), sizeof services / sizeof services[0]);
    for (size_t i = 0; i < sizeof services / sizeof services[0]; i++) {
        itsm_sla_service_info info;
        assert_itsm_ok(itsm_sla_catalogue_service(&info, cat, i));
        assert_string_equal(info.id, services[i].id);
        assert_string_equal(info.section, services[i].section);
        assert_int_equal(info.levels, services[i].levels);
        assert_int_equal(info.item_count, services[i].items);
        assert_non_null(info.name);
        assert_non_null(info.name_ja);
    }
    itsm_sla_service_info info;
    assert_itsm_error(itsm_sla_catalogue_service(&info, cat, 9), ITSM_ERANGE, "index 9");
    size_t index = 0;
    assert_itsm_error(itsm_sla_catalogue_find(&index, cat, "coffee"), ITSM_ENOTFOUND, "no service \"coffee\"");
    assert_null(itsm_sla_catalogue_item(cat, 0, 4));
    assert_null(itsm_sla_catalogue_item(cat, 9, 0));
    assert_int_equal(itsm_sla_catalogue_service_count(NULL), 0);
    itsm_sla_catalogue_free(cat);
}

/* ---- instantiation --------------------------------------------------------------------- */

static itsm_agreement *fragment_agreement(const char *fragment)
{
    /* {"sla_items": [...]} becomes an agreement by adding its header. */
    const char *head = "{\"itsm_schema\": 1, \"type\": \"agreement\", \"id\": \"A\", ";
    size_t n = strlen(head) + strlen(fragment);
    char *doc = malloc(n + 1);
    assert_non_null(doc);
    (void)snprintf(doc, n + 1, "%s%s", head, strchr(fragment, '{') + 1);
    itsm_agreement *a = NULL;
    assert_itsm_ok(itsm_agreement_from_json(&a, doc, strlen(doc)));
    free(doc);
    return a;
}

static void test_instantiate(void **state)
{
    (void)state;
    itsm_sla_catalogue *cat = builtin();
    const char *ov = "{\"*\": {\"calendar\": \"vendor\", \"period\": \"month\"}, \"hardware_failure_recovery\": "
                     "{\"levels\": {\"L3\": {\"op\": \"<=\", \"value\": 3, \"text\": \"3 h by contract\"}}}, "
                     "\"operation_inquiries\": {\"level\": \"L1\"}, \"status_report\": {\"note\": null, \"kind\": "
                     "\"target\"}}";
    char *out = NULL;
    assert_itsm_ok(itsm_sla_catalogue_instantiate(&out, cat, "server_operation_support", "L3", ov, strlen(ov)));
    itsm_agreement *a = fragment_agreement(out);
    assert_int_equal(itsm_agreement_sla_count(a), 6);
    for (size_t i = 0; i < 6; i++) {
        const itsm_sla_item *item = itsm_agreement_sla_item(a, i);
        assert_string_equal(itsm_sla_item_text(item, ITSM_SLA_TEXT_CALENDAR), "vendor");
        assert_int_equal(itsm_sla_item_period(item), ITSM_SLA_PERIOD_MONTH);
        const char *id = itsm_sla_item_text(item, ITSM_SLA_TEXT_ID);
        assert_int_equal(itsm_sla_item_agreed_level(item), strcmp(id, "operation_inquiries") == 0 ? 1 : 3);
    }
    const itsm_sla_item *hw = itsm_agreement_sla_item(a, 3);
    assert_string_equal(itsm_sla_item_text(hw, ITSM_SLA_TEXT_ID), "hardware_failure_recovery");
    itsm_sla_level lv;
    assert_itsm_ok(itsm_sla_item_level(&lv, hw, 3));
    assert_true(lv.kind == ITSM_SLA_LEVEL_THRESHOLD && lv.value == 3.0);
    assert_string_equal(lv.text, "3 h by contract");
    assert_int_equal(itsm_sla_item_commitment(itsm_agreement_sla_item(a, 5)), ITSM_SLA_COMMITMENT_TARGET);
    /* 3.5 h misses the contract's 3 h but meets nothing else: L1 is a deadline. */
    itsm_sla_measure m = ITSM_SLA_MEASURE_INIT;
    m.kind = ITSM_SLA_MEASURE_NUMBER;
    m.number = 3.5;
    itsm_sla_evaluation r;
    assert_itsm_ok(itsm_sla_item_evaluate(&r, hw, &m));
    assert_int_equal(r.agreed, ITSM_SLA_OUTCOME_MISSED);
    assert_int_equal(r.levels[0], ITSM_SLA_OUTCOME_NO_DATA);
    assert_int_equal(r.consequence, ITSM_SLA_CONSEQUENCE_FINDING);
    itsm_agreement_free(a);
    itsm_free(out);

    /* SaaS at L3: RTO is per contract; filled, it evaluates; not filled, evaluation says so. */
    const char *saas_ov = "{\"rto\": {\"contract_value\": {\"op\": \"<=\", \"value\": 4}, \"kind\": \"guarantee\"}}";
    assert_itsm_ok(itsm_sla_catalogue_instantiate(&out, cat, "saas", "L3", saas_ov, strlen(saas_ov)));
    a = fragment_agreement(out);
    const itsm_sla_item *rto = itsm_agreement_sla_item(a, 1), *rpo = itsm_agreement_sla_item(a, 2);
    assert_string_equal(itsm_sla_item_text(rto, ITSM_SLA_TEXT_ID), "rto");
    m.number = 5;
    assert_itsm_ok(itsm_sla_item_evaluate(&r, rto, &m));
    assert_int_equal(r.consequence, ITSM_SLA_CONSEQUENCE_BREACH);
    assert_int_equal(r.achieved_level, 2); /* <= 24 h */
    assert_itsm_ok(itsm_sla_item_evaluate(&r, rpo, &m));
    assert_string_equal(r.reason, "per contract value missing");
    itsm_agreement_free(a);
    itsm_free(out);
    itsm_sla_catalogue_free(cat);
}

static size_t text_len(const char *text)
{
    return text == NULL ? 0 : strlen(text);
}

static void test_instantiate_errors(void **state)
{
    (void)state;
    itsm_sla_catalogue *cat = builtin();
    char *out = NULL;
#define INST(service, level, ov) itsm_sla_catalogue_instantiate(&out, cat, service, level, ov, text_len(ov))
    assert_itsm_error(INST("coffee", "L1", NULL), ITSM_ENOTFOUND, "no service \"coffee\"");
    assert_itsm_error(INST("saas", "L5", NULL), ITSM_EINVAL, "level \"L5\"");
    assert_itsm_error(INST("firewall_management", "L2", NULL), ITSM_EINVAL,
                      "item \"operation_monitoring\": the catalogue has no L2");
    assert_itsm_error(INST("hardware_maintenance", "L4", NULL), ITSM_EINVAL, "item \"phone_reception\"");
    assert_itsm_error(INST("saas", "L1", "{\"uptime\": {}}"), ITSM_ENOTFOUND, "has no item \"uptime\"");
    assert_itsm_error(INST("saas", "L1", "[]"), ITSM_EINVAL, "$");
    assert_itsm_error(INST("saas", "L1", "{"), ITSM_EPARSE, "overrides");
    assert_itsm_error(INST("saas", "L1", "{\"rto\": {\"id\": \"x\"}}"), ITSM_EINVAL,
                      "overrides of item \"rto\": $.rto.id");
    assert_itsm_error(INST("saas", "L1", "{\"rto\": 3}"), ITSM_EINVAL, "$.rto: expected an object");
    assert_itsm_error(INST("saas", "L2", "{\"rto\": {\"contract_value\": {\"op\": \"<=\", \"value\": 4}}}"),
                      ITSM_EINVAL, "$.rto.contract_value: the agreed level L2 is not \"per contract\"");
    assert_itsm_error(INST("saas", "L3", "{\"rto\": {\"contract_value\": {\"op\": \"<=\", \"value\": 30}}}"),
                      ITSM_EINVAL, "item \"rto\" with its overrides: $.levels.L3.contract_value.value");
    assert_itsm_error(INST("saas", "L1", "{\"availability\": {\"unit\": \"parsec\"}}"), ITSM_EINVAL,
                      "item \"availability\" with its overrides: $.unit");
    assert_itsm_error(INST("saas", "L1", "{\"*\": {\"kind\": \"target\", \"credits\": [{\"op\": \"<\", \"value\": "
                                         "99, \"percent\": 5}]}}"),
                      ITSM_EINVAL, "$.credits");
    assert_null(out);
    /* A custom agreed value by override. */
    const char *custom = "{\"dispatch_time\": {\"level\": \"custom\", \"custom_level\": {\"op\": \"<=\", \"value\": "
                         "3}}, \"phone_reception\": {\"level\": \"L3\"}, \"recovery_time\": {\"level\": \"L3\", "
                         "\"contract_value\": {\"op\": \"<=\", \"value\": 8}}}";
    assert_itsm_ok(INST("hardware_maintenance", "L4", custom));
    assert_non_null(strstr(out, "\"custom_level\""));
    assert_non_null(strstr(out, "\"contract_value\""));
    itsm_free(out);
#undef INST
    itsm_sla_catalogue_free(cat);
}

/* ---- export and catalogue documents ------------------------------------------------------ */

static void test_export(void **state)
{
    (void)state;
    itsm_sla_catalogue *cat = builtin();
    char *text = NULL;
    assert_itsm_ok(itsm_sla_catalogue_to_json(&text, cat));
    /* The data file is canonical: the export is the same text. */
    char *data = itsm_test_read_source("lib/data/sla_catalogue.json");
    assert_string_equal(text, data);
    itsm_sla_catalogue *again = NULL;
    assert_itsm_ok(itsm_sla_catalogue_from_json(&again, text, strlen(text)));
    assert_int_equal(itsm_sla_catalogue_service_count(again), itsm_sla_catalogue_service_count(cat));
    itsm_sla_catalogue_free(again);
    free(data);
    itsm_free(text);
    itsm_sla_catalogue_free(cat);
}

#define CAT "{\"itsm_schema\": 1, \"type\": \"sla_catalogue\", \"services\": ["
#define SVC "{\"id\": \"s\", \"name\": \"S\", \"levels\": [\"L1\", \"L3\"], \"items\": ["

static void test_catalogue_documents(void **state)
{
    (void)state;
    itsm_sla_catalogue *cat = NULL;
#define BADCAT(doc, code, frag) assert_itsm_error(itsm_sla_catalogue_from_json(&cat, doc, strlen(doc)), code, frag)
    BADCAT("{\"itsm_schema\": 1, \"type\": \"sla_item\"}", ITSM_EINVAL, "$.type");
    BADCAT("{\"itsm_schema\": 1, \"type\": \"sla_catalogue\"}", ITSM_EINVAL, "missing required key \"services\"");
    BADCAT(CAT "{\"id\": \"s\"}]}", ITSM_EINVAL, "$.services[0]: missing required key \"name\"");
    BADCAT(CAT "{\"id\": \"s\", \"name\": \"S\", \"levels\": [], \"items\": []}]}", ITSM_EINVAL,
           "$.services[0].levels: must not be empty");
    BADCAT(CAT "{\"id\": \"s\", \"name\": \"S\", \"levels\": [\"L1\", \"L1\"], \"items\": []}]}", ITSM_EINVAL,
           "$.services[0].levels[1]: repeats");
    BADCAT(CAT SVC "{\"id\": \"a\", \"levels\": {\"L2\": {\"none\": true}}}]}]}", ITSM_EINVAL,
           "$.services[0].items[0].levels.L2: the service does not offer L2");
    BADCAT(CAT SVC "{\"id\": \"a\", \"level\": \"L1\"}]}]}", ITSM_EINVAL, "$.services[0].items[0].level");
    BADCAT(CAT SVC "{\"id\": \"a\"}, {\"id\": \"a\"}]}]}", ITSM_EINVAL, "$.services[0].items[1]: repeats the id");
    BADCAT(CAT SVC "]}, " SVC "]}]}", ITSM_EINVAL, "$.services[1]: repeats the id");
    BADCAT(CAT SVC "{\"id\": \"a\", \"levels\": {\"L1\": {\"op\": \"<\", \"value\": 1}, \"L3\": {\"op\": \"<\", "
                   "\"value\": 2}}}]}]}",
           ITSM_EINVAL, "$.services[0].items[0].levels.L3.value");
#undef BADCAT
    const char *small = CAT SVC "{\"id\": \"a\", \"unit\": \"hour\", \"levels\": {\"L1\": {\"op\": \"<=\", \"value\": "
                                "8}, \"L3\": {\"per_contract\": true}}}]}]}";
    assert_itsm_ok(itsm_sla_catalogue_from_json(&cat, small, strlen(small)));
    itsm_sla_service_info info;
    assert_itsm_ok(itsm_sla_catalogue_service(&info, cat, 0));
    assert_null(info.name_ja);
    assert_int_equal(info.levels, 0x5);
    itsm_sla_catalogue_free(cat);
}

typedef struct sweep_ctx {
    const char *catalogue, *overrides;
} sweep_ctx;

static int scenario_catalogue(const void *ctx)
{
    const sweep_ctx *c = ctx;
    itsm_sla_catalogue *cat = NULL;
    char *a = NULL, *b = NULL;
    int rc = itsm_sla_catalogue_from_json(&cat, c->catalogue, strlen(c->catalogue));
    if (rc == ITSM_OK)
        rc = itsm_sla_catalogue_to_json(&a, cat);
    if (rc == ITSM_OK)
        rc = itsm_sla_catalogue_instantiate(&b, cat, "s", "L3", c->overrides, strlen(c->overrides));
    itsm_free(a);
    itsm_free(b);
    itsm_sla_catalogue_free(cat);
    return rc;
}

static int scenario_builtin(const void *ctx)
{
    (void)ctx;
    itsm_sla_catalogue *cat = NULL;
    int rc = itsm_sla_catalogue_new(&cat);
    itsm_sla_catalogue_free(cat);
    return rc;
}

static void test_allocation_failures(void **state)
{
    (void)state;
    const char *small = CAT SVC "{\"id\": \"a\", \"unit\": \"hour\", \"levels\": {\"L1\": {\"op\": \"<=\", \"value\": "
                                "8}, \"L3\": {\"per_contract\": true}}}, {\"id\": \"b\", \"scale\": [\"x\", \"y\"], "
                                "\"levels\": {\"L3\": {\"ordinal\": \"y\"}}}]}]}";
    sweep_ctx ok = {small, "{\"*\": {\"calendar\": \"c\"}, \"a\": {\"contract_value\": {\"op\": \"<=\", \"value\": "
                           "4}}}"};
    itsm_test_alloc_sweep("small catalogue", scenario_catalogue, &ok, ITSM_OK);
    sweep_ctx bad_ov = {small, "{\"b\": {\"levels\": {\"L1\": {\"ordinal\": \"z\"}}}}"};
    itsm_test_alloc_sweep("bad override", scenario_catalogue, &bad_ov, ITSM_EINVAL);
    /* The built-in catalogue: every allocation point, once each. */
    itsm_test_alloc_sweep("built-in", scenario_builtin, NULL, ITSM_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_cell),
        cmocka_unit_test(test_services),
        cmocka_unit_test(test_instantiate),
        cmocka_unit_test(test_instantiate_errors),
        cmocka_unit_test(test_export),
        cmocka_unit_test(test_catalogue_documents),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, itsm_test_group_setup, itsm_test_group_teardown);
}
