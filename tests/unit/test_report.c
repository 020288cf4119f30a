/* Period reports: a month of hand-built data for every wired metric kind of
 * tests/unit/data/report-agreement.json, with expectations derived by hand in the
 * comments; counting rules, at-risk and cancelled records, items that cannot be
 * evaluated, canonical JSON bytes, Markdown, error paths and allocation failures. */
#include "itsm_test.h"

#include <stdio.h>
#include <stdlib.h>

#define H 3600
#define AT(text) itsm_test_at(text)

typedef struct fixture {
    itsm_agreement *agreement;
    itsm_calendar *always, *office;
    itsm_calendar_set *cals;
} fixture;

static fixture fx;
static char *agreement_text;

static const char always_json[] = "{\"itsm_schema\": 1, \"type\": \"calendar\", \"name\": \"24x7\", \"zone\": "
                                  "\"UTC\", \"week\": {\"mon\": [\"00:00-24:00\"], \"tue\": [\"00:00-24:00\"], "
                                  "\"wed\": [\"00:00-24:00\"], \"thu\": [\"00:00-24:00\"], \"fri\": "
                                  "[\"00:00-24:00\"], \"sat\": [\"00:00-24:00\"], \"sun\": [\"00:00-24:00\"]}}";
static const char office_json[] = "{\"itsm_schema\": 1, \"type\": \"calendar\", \"name\": \"office\", \"zone\": "
                                  "\"UTC\", \"week\": {\"mon\": [\"09:00-17:00\"], \"tue\": [\"09:00-17:00\"], "
                                  "\"wed\": [\"09:00-17:00\"], \"thu\": [\"09:00-17:00\"], \"fri\": "
                                  "[\"09:00-17:00\"]}}";

/* The agreement, its two calendars and the set naming them (public calls only, so that
 * allocation sweeps can run it). */
static int fixture_open(fixture *f)
{
    memset(f, 0, sizeof *f);
    int rc = itsm_agreement_from_json(&f->agreement, agreement_text, strlen(agreement_text));
    if (rc == ITSM_OK)
        rc = itsm_calendar_from_json(&f->always, always_json, strlen(always_json), NULL, 0);
    if (rc == ITSM_OK)
        rc = itsm_calendar_from_json(&f->office, office_json, strlen(office_json), NULL, 0);
    if (rc == ITSM_OK)
        rc = itsm_calendar_set_new(&f->cals);
    if (rc == ITSM_OK)
        rc = itsm_calendar_set_add(f->cals, "24x7", f->always);
    if (rc == ITSM_OK)
        rc = itsm_calendar_set_add(f->cals, "office", f->office);
    return rc;
}

static void fixture_close(fixture *f)
{
    itsm_calendar_set_free(f->cals);
    itsm_calendar_free(f->always);
    itsm_calendar_free(f->office);
    itsm_agreement_free(f->agreement);
    memset(f, 0, sizeof *f);
}

static int setup(void **state)
{
    if (itsm_test_group_setup(state) != 0)
        return -1;
    agreement_text = itsm_test_read_source("tests/unit/data/report-agreement.json");
    return fixture_open(&fx) == ITSM_OK ? 0 : -1;
}

static int teardown(void **state)
{
    fixture_close(&fx);
    free(agreement_text);
    return itsm_test_group_teardown(state);
}

/* ---- the data ------------------------------------------------------------------------------------- */

enum { NEW = 0, ACTIVE = 1, ON_HOLD = 2, RESOLVED = 3, CLOSED = 4 };

/* Incidents of June 2024 (category software unless said):
 *  A 06-03 00:00 new, 03:00 resolved                   3 h, met
 *  B 06-04 00:00 new, 02:00 on hold, 10:00 active, 13:00 resolved: 2 + 3 = 5 h, breached
 *  C 06-05 00:00 new, 01:00 closed                     cancelled: excluded
 *  D 06-30 22:00 new                                   open, 2 h at the end: at risk
 *  E 06-29 00:00 new                                   open, 48 h, breached at 06-29 04:00
 *  F 05-31 20:00 new, 06-01 01:00 resolved             5 h: stops in June (starts in May)
 *  G 06-30 20:00 new, 07-01 01:00 resolved             4 h at the end, not over: at risk
 *  H (hardware) Fri 06-07 16:00 new, Mon 06-10 10:00 resolved: office hours 1 + 1 = 2 h
 *  I (hardware) Mon 06-10 09:00 new, 15:00 resolved:   office 6 h, breached */
static int add_incidents(itsm_dataset *ds)
{
    const char *at[] = {"2024-06-03T00:00:00Z", "2024-06-03T03:00:00Z", "2024-06-04T00:00:00Z", "2024-06-04T02:00:00Z",
                        "2024-06-04T10:00:00Z", "2024-06-04T13:00:00Z", "2024-06-05T00:00:00Z", "2024-06-05T01:00:00Z",
                        "2024-06-30T22:00:00Z", "2024-06-29T00:00:00Z", "2024-05-31T20:00:00Z", "2024-06-01T01:00:00Z",
                        "2024-06-30T20:00:00Z", "2024-07-01T01:00:00Z", "2024-06-07T16:00:00Z", "2024-06-10T10:00:00Z",
                        "2024-06-10T09:00:00Z", "2024-06-10T15:00:00Z"};
    const int32_t codes[] = {NEW, RESOLVED, NEW, ON_HOLD, ACTIVE, RESOLVED, NEW, CLOSED, NEW,
                             NEW, NEW, RESOLVED, NEW, RESOLVED, NEW, RESOLVED, NEW, RESOLVED};
    const int64_t offsets[] = {0, 2, 6, 8, 9, 10, 12, 14, 16, 18};
    const char *ids[] = {"A", "B", "C", "D", "E", "F", "G", "H", "I"};
    const char *cat[] = {"software", "software", "software", "software", "software",
                         "software", "software", "hardware", "hardware"};
    itsm_instant instants[18];
    for (size_t i = 0; i < 18; i++)
        instants[i] = AT(at[i]);
    itsm_incident_columns c = ITSM_INCIDENT_COLUMNS_INIT;
    c.n_records = 9;
    c.offsets = offsets;
    c.n_events = 18;
    c.instants = instants;
    c.codes = codes;
    c.ids = ids;
    c.category = cat;
    return itsm_dataset_add_incidents(ds, &c);
}

/* Outages: 1 h unplanned on 06-10, 2 h notified maintenance on 06-15, 5 h in May:
 * agreed = 30 days - 2 h = 2584800 s, downtime 3600 s: 2581200 / 2584800 = 99.86 %. */
static int add_outages(itsm_dataset *ds)
{
    const itsm_instant start[] = {AT("2024-06-10T00:00:00Z"), AT("2024-06-15T00:00:00Z"), AT("2024-05-20T00:00:00Z")};
    const itsm_instant end[] = {AT("2024-06-10T01:00:00Z"), AT("2024-06-15T02:00:00Z"), AT("2024-05-20T05:00:00Z")};
    const uint8_t flags[] = {0, ITSM_OUTAGE_PLANNED | ITSM_OUTAGE_NOTIFIED, 0};
    itsm_outages o = ITSM_OUTAGES_INIT;
    o.n = 3;
    o.start = start;
    o.end = end;
    o.flags = flags;
    return itsm_dataset_add_outages(ds, &o, NULL);
}

/* Calls in June: answered in 10 s and 30 s, abandoned after 5 s, busy; one answered in
 * May. T = 20 s: A(<=T) / (A + Ab) = 1 / 3. */
static int add_calls(itsm_dataset *ds)
{
    const uint8_t outcome[] = {ITSM_CALL_ANSWERED, ITSM_CALL_ANSWERED, ITSM_CALL_ABANDONED, ITSM_CALL_BUSY,
                               ITSM_CALL_ANSWERED};
    const int64_t wait[] = {10, 30, 5, 0, 0};
    const itsm_instant arrival[] = {AT("2024-06-02T10:00:00Z"), AT("2024-06-02T11:00:00Z"), AT("2024-06-02T12:00:00Z"),
                                    AT("2024-06-02T13:00:00Z"), AT("2024-05-30T10:00:00Z")};
    itsm_calls c = ITSM_CALLS_INIT;
    c.n = 5;
    c.outcome = outcome;
    c.wait = wait;
    c.arrival = arrival;
    return itsm_dataset_add_calls(ds, &c);
}

/* Patches 06-05, 06-20 (and 05-20): 2 in June. Checks 06-01 06:00, 06-15 00:00, 06-30
 * 12:00: gaps from the period's edges 6 h, 330 h, 372 h, 12 h: the largest is 372 h.
 * A failure 06-20 12:00; the good backup of 00:00 (done 01:00) counts, the failed one of
 * 10:00 does not: RPO 12 h. Detections and notifications: record 1 5 min, record 2 20 min. */
static int add_events(itsm_dataset *ds)
{
    const itsm_instant patch[] = {AT("2024-06-05T00:00:00Z"), AT("2024-06-20T00:00:00Z"), AT("2024-05-20T00:00:00Z")};
    const itsm_instant check[] = {AT("2024-06-01T06:00:00Z"), AT("2024-06-15T00:00:00Z"), AT("2024-06-30T12:00:00Z")};
    const itsm_instant failure[] = {AT("2024-06-20T12:00:00Z")};
    const itsm_instant points[] = {AT("2024-06-20T00:00:00Z"), AT("2024-06-20T10:00:00Z")};
    const itsm_instant done[] = {AT("2024-06-20T01:00:00Z"), AT("2024-06-20T10:30:00Z")};
    const uint8_t ok[] = {1, 0};
    const itsm_instant detected[] = {AT("2024-06-02T10:00:00Z"), AT("2024-06-03T10:00:00Z")};
    const itsm_instant notified[] = {AT("2024-06-02T10:05:00Z"), AT("2024-06-03T10:20:00Z")};
    const int64_t records[] = {1, 2};
    int rc = itsm_dataset_add_events(ds, "patch", NULL, patch, 3);
    if (rc == ITSM_OK)
        rc = itsm_dataset_add_events(ds, "check", NULL, check, 3);
    if (rc == ITSM_OK)
        rc = itsm_dataset_add_events(ds, "failure", NULL, failure, 1);
    if (rc == ITSM_OK)
        rc = itsm_dataset_add_backups(ds, points, done, ok, 2);
    if (rc == ITSM_OK)
        rc = itsm_dataset_add_events(ds, "detected", records, detected, 2);
    if (rc == ITSM_OK)
        rc = itsm_dataset_add_events(ds, "notified", records, notified, 2);
    return rc;
}

/* Monthly reports due 06-14 17:00 (delivered 06-13) and 06-28 17:00 (not delivered):
 * 1 of 2 on time. The firewall declares "premium" on basic < standard < premium. */
static int add_rest(itsm_dataset *ds)
{
    const itsm_instant due[] = {AT("2024-06-14T17:00:00Z"), AT("2024-06-28T17:00:00Z")};
    const itsm_instant delivered[] = {AT("2024-06-13T12:00:00Z"), 0};
    const uint8_t mask[] = {1, 0};
    int rc = itsm_dataset_add_deliveries(ds, "monthly", due, delivered, mask, 2);
    if (rc == ITSM_OK)
        rc = itsm_dataset_declare(ds, "firewall", "premium");
    return rc;
}

static int build(itsm_dataset **out)
{
    int rc = itsm_dataset_new(out);
    if (rc == ITSM_OK)
        rc = add_incidents(*out);
    if (rc == ITSM_OK)
        rc = add_outages(*out);
    if (rc == ITSM_OK)
        rc = add_calls(*out);
    if (rc == ITSM_OK)
        rc = add_events(*out);
    if (rc == ITSM_OK)
        rc = add_rest(*out);
    return rc;
}

static itsm_report *june(itsm_count_rule counting)
{
    itsm_dataset *ds = NULL;
    itsm_period p;
    itsm_report *r = NULL;
    itsm_report_options o = ITSM_REPORT_OPTIONS_INIT;
    o.counting = counting;
    assert_itsm_ok(build(&ds));
    assert_itsm_ok(itsm_period_month(&p, 2024, 6, NULL));
    assert_itsm_ok(itsm_report_evaluate(&r, fx.agreement, fx.cals, ds, &p, &o));
    itsm_dataset_free(ds);
    return r;
}

static itsm_report_item item(const itsm_report *r, const char *id, size_t *index)
{
    itsm_report_item it;
    for (size_t i = 0; i < itsm_report_item_count(r); i++) {
        assert_itsm_ok(itsm_report_item_get(&it, r, i));
        if (strcmp(it.id, id) == 0) {
            if (index != NULL)
                *index = i;
            return it;
        }
    }
    fail_msg("no item %s", id);
    return it;
}

/* ---- duration items -------------------------------------------------------------------------------- */

static void test_duration_share_within(void **state)
{
    (void)state;
    itsm_report *r = june(ITSM_COUNT_BY_STOP);
    /* Counted by stop: A 3 h, B 5 h, E 48 h (open, breached in June), F 5 h; C cancelled,
     * D and G open and not over: at risk. Within 4 h: 1 of 4 = 25 % < 50 % (L3 missed);
     * within 8 h: A, B, F = 75 % (L1 met). */
    size_t k = 0;
    itsm_report_item it = item(r, "resolve", &k);
    assert_int_equal(it.metric, ITSM_SLA_METRIC_DURATION);
    assert_int_equal(it.records, 4);
    assert_int_equal(it.numerator, 1);
    assert_int_equal(it.denominator, 4);
    assert_int_equal(it.at_risk, 2);
    assert_true(it.has_value);
    assert_int_equal(it.unit, ITSM_SLA_UNIT_PERCENT);
    assert_true(it.value == 25.0);
    assert_int_equal(it.verdict, ITSM_REPORT_MISSED);
    assert_int_equal(it.agreed_level, 3);
    assert_int_equal(it.achieved_level, 1);
    assert_int_equal(it.consequence, ITSM_SLA_CONSEQUENCE_FINDING);
    assert_int_equal(it.breaches_total, 3);
    assert_int_equal(it.breach_count, 3);
    /* The breaches in record order: B, E, F. */
    itsm_report_breach b;
    assert_itsm_ok(itsm_report_breach_get(&b, r, k, 0));
    assert_string_equal(b.record, "B");
    assert_int_equal(b.elapsed, 5 * H);
    assert_int_equal(b.target, 4 * H);
    assert_int_equal(b.deadline, AT("2024-06-04T12:00:00Z")); /* 2 h before the pause + 2 h after */
    assert_int_equal(b.state, ITSM_CLOCK_BREACHED);
    assert_itsm_ok(itsm_report_breach_get(&b, r, k, 1));
    assert_string_equal(b.record, "E");
    assert_int_equal(b.stop, ITSM_CLOCK_NO_INSTANT);
    assert_int_equal(b.elapsed, 48 * H);
    assert_int_equal(b.state, ITSM_CLOCK_RUNNING);
    assert_itsm_error(itsm_report_breach_get(&b, r, k, 3), ITSM_ERANGE, "breach 3");
    itsm_report_free(r);
}

static void test_counting_by_start(void **state)
{
    (void)state;
    itsm_report *r = june(ITSM_COUNT_BY_START);
    /* By start: A, B, E (F started in May); D and G started in June, open, not over. */
    itsm_report_item it = item(r, "resolve", NULL);
    assert_int_equal(it.numerator, 1);
    assert_int_equal(it.denominator, 3);
    assert_int_equal(it.at_risk, 2);
    assert_int_equal(it.breaches_total, 2);
    itsm_report_free(r);
}

static void test_duration_max_and_credit(void **state)
{
    (void)state;
    itsm_report *r = june(ITSM_COUNT_BY_STOP);
    /* The worst is E, 48 h: over L1 (8 h) too; a guarantee, 48 > 24 gives the 20 % band. */
    itsm_report_item it = item(r, "resolve-max", NULL);
    assert_true(it.value == 48.0);
    assert_int_equal(it.unit, ITSM_SLA_UNIT_HOUR);
    assert_int_equal(it.verdict, ITSM_REPORT_MISSED);
    assert_int_equal(it.achieved_level, 0);
    assert_int_equal(it.consequence, ITSM_SLA_CONSEQUENCE_BREACH);
    assert_true(it.has_credit);
    assert_true(it.credit_percent == 20.0);
    assert_true(it.has_margin);
    assert_true(it.margin == -44.0);
    /* Office hours, hardware only: H 2 h over the weekend, I 6 h: max 6 h, I breaches. */
    size_t k = 0;
    it = item(r, "office-resolve", &k);
    assert_int_equal(it.records, 2);
    assert_true(it.value == 6.0);
    assert_int_equal(it.verdict, ITSM_REPORT_MISSED);
    assert_int_equal(it.breaches_total, 1);
    itsm_report_breach b;
    assert_itsm_ok(itsm_report_breach_get(&b, r, k, 0));
    assert_string_equal(b.record, "I");
    assert_int_equal(b.elapsed, 6 * H);
    assert_int_equal(b.deadline, AT("2024-06-10T13:00:00Z"));
    itsm_report_free(r);
}

/* ---- the other metric kinds ------------------------------------------------------------------------ */

static void test_other_kinds(void **state)
{
    (void)state;
    itsm_report *r = june(ITSM_COUNT_BY_STOP);
    itsm_report_item it = item(r, "availability", NULL);
    assert_int_equal(it.numerator, 2581200);
    assert_int_equal(it.denominator, 2584800);
    assert_true(it.value > 99.8607 && it.value < 99.8608);
    assert_int_equal(it.verdict, ITSM_REPORT_MET);
    assert_int_equal(it.achieved_level, 3); /* not 99.9 % */
    assert_int_equal(it.records, 1);
    it = item(r, "answer", NULL);
    assert_int_equal(it.numerator, 1);
    assert_int_equal(it.denominator, 3);
    assert_int_equal(it.verdict, ITSM_REPORT_MISSED);
    it = item(r, "patches", NULL);
    assert_true(it.value == 2.0);
    assert_int_equal(it.verdict, ITSM_REPORT_MET);
    it = item(r, "checks", NULL);
    assert_true(it.value == 372.0);
    assert_int_equal(it.verdict, ITSM_REPORT_MISSED);
    it = item(r, "rpo", NULL);
    assert_true(it.value == 12.0);
    assert_int_equal(it.verdict, ITSM_REPORT_MET);
    it = item(r, "notify", NULL);
    assert_true(it.value == 20.0);
    assert_int_equal(it.records, 2);
    assert_int_equal(it.breaches_total, 1);
    assert_int_equal(it.verdict, ITSM_REPORT_MISSED);
    it = item(r, "monthly-report", NULL);
    assert_int_equal(it.numerator, 1);
    assert_int_equal(it.denominator, 2);
    assert_int_equal(it.verdict, ITSM_REPORT_MISSED);
    assert_int_equal(it.consequence, ITSM_SLA_CONSEQUENCE_BREACH);
    it = item(r, "firewall", NULL);
    assert_int_equal(it.verdict, ITSM_REPORT_MET);
    assert_true(it.has_margin && it.margin == 1.0);
    itsm_report_free(r);
}

static void test_not_evaluable(void **state)
{
    (void)state;
    itsm_report *r = june(ITSM_COUNT_BY_STOP);
    static const char *const cases[][2] = {{"per-contract", "per contract value missing"},
                                           {"onsite", "no calendar 'vendor-onsite'"},
                                           {"hours", "metric kind not measurable from this dataset"},
                                           {"no-metric", "the item states no metric"}};
    for (size_t i = 0; i < 4; i++) {
        itsm_report_item it = item(r, cases[i][0], NULL);
        assert_int_equal(it.verdict, ITSM_REPORT_NOT_EVALUABLE);
        assert_string_equal(it.reason, cases[i][1]);
    }
    itsm_report_free(r);
}

static void test_no_data(void **state)
{
    (void)state;
    itsm_dataset *ds = NULL;
    itsm_period p;
    itsm_report *r = NULL;
    assert_itsm_ok(build(&ds));
    assert_itsm_ok(itsm_period_month(&p, 2024, 8, NULL));
    assert_itsm_ok(itsm_report_evaluate(&r, fx.agreement, fx.cals, ds, &p, NULL));
    itsm_report_item it = item(r, "answer", NULL); /* no calls in August: 0/0 */
    assert_int_equal(it.verdict, ITSM_REPORT_NO_DATA);
    assert_int_equal(it.denominator, 0);
    assert_false(it.has_value);
    it = item(r, "resolve", NULL);
    assert_int_equal(it.verdict, ITSM_REPORT_NO_DATA);
    it = item(r, "patches", NULL); /* a count of 0 is a value, not "no data" */
    assert_true(it.has_value && it.value == 0.0);
    assert_int_equal(it.verdict, ITSM_REPORT_MISSED);
    itsm_report_free(r);
    itsm_dataset_free(ds);
    /* An empty dataset: no incidents at all is no data too, not an error. */
    assert_itsm_ok(itsm_dataset_new(&ds));
    assert_itsm_ok(itsm_report_evaluate(&r, fx.agreement, fx.cals, ds, &p, NULL));
    it = item(r, "resolve-max", NULL);
    assert_int_equal(it.verdict, ITSM_REPORT_NO_DATA);
    assert_int_equal(it.records, 0);
    itsm_report_free(r);
    itsm_dataset_free(ds);
}

/* ---- status names ---------------------------------------------------------------------------------- */

static const char status_agreement[] =
    "{\"itsm_schema\": 1, \"type\": \"agreement\", \"id\": \"S\", \"sla_items\": [{\"id\": \"x\", \"unit\": "
    "\"hour\", \"calendar\": \"24x7\", \"metric\": {\"kind\": \"duration\", \"start\": [\"new\"], \"pause\": "
    "[\"awaiting_user_info\"], \"stop\": [\"resolved\"]}, \"level\": \"L3\", \"levels\": {\"L3\": {\"op\": "
    "\"<=\", \"value\": 4}}}]}";

static void test_status_names(void **state)
{
    (void)state;
    itsm_agreement *a = NULL;
    itsm_dataset *ds = NULL;
    itsm_report *r = NULL;
    itsm_period p;
    int32_t code = 0;
    assert_itsm_ok(itsm_agreement_from_json(&a, status_agreement, strlen(status_agreement)));
    assert_itsm_ok(itsm_dataset_new(&ds));
    assert_itsm_ok(itsm_dataset_status_code(&code, ds, "on_hold"));
    assert_int_equal(code, ITSM_INCIDENT_ON_HOLD);
    assert_itsm_error(itsm_dataset_status_code(&code, ds, "awaiting_user_info"), ITSM_ENOTFOUND,
                      "awaiting_user_info");
    /* One incident: new 00:00, awaiting user 01:00, new 05:00, resolved 08:00: 4 h running. */
    const itsm_instant at[] = {AT("2024-06-03T00:00:00Z"), AT("2024-06-03T01:00:00Z"), AT("2024-06-03T05:00:00Z"),
                               AT("2024-06-03T08:00:00Z")};
    const int32_t codes[] = {NEW, 7, NEW, RESOLVED};
    const int64_t offsets[] = {0, 4};
    itsm_incident_columns c = ITSM_INCIDENT_COLUMNS_INIT;
    c.n_records = 1;
    c.offsets = offsets;
    c.n_events = 4;
    c.instants = at;
    c.codes = codes;
    assert_itsm_ok(itsm_dataset_add_incidents(ds, &c));
    assert_itsm_ok(itsm_period_month(&p, 2024, 6, NULL));
    assert_itsm_ok(itsm_report_evaluate(&r, a, fx.cals, ds, &p, NULL));
    itsm_report_item it = item(r, "x", NULL);
    assert_int_equal(it.verdict, ITSM_REPORT_NOT_EVALUABLE);
    assert_string_equal(it.reason, "status 'awaiting_user_info' has no code in the dataset");
    itsm_report_free(r);
    assert_itsm_ok(itsm_dataset_set_status_code(ds, "awaiting_user_info", 7));
    assert_itsm_ok(itsm_report_evaluate(&r, a, fx.cals, ds, &p, NULL));
    it = item(r, "x", NULL);
    assert_int_equal(it.verdict, ITSM_REPORT_MET);
    assert_true(it.value == 4.0);
    itsm_report_free(r);
    itsm_dataset_free(ds);
    itsm_agreement_free(a);
}

static void test_incident_objects(void **state)
{
    (void)state;
    /* The same incident as an itsm_incident gives the same report as the columns. */
    itsm_incident *inc = NULL;
    itsm_dataset *ds = NULL;
    itsm_report *r = NULL;
    itsm_period p;
    assert_itsm_ok(itsm_incident_new(&inc, "INC-1"));
    assert_itsm_ok(itsm_incident_set_text(inc, ITSM_INCIDENT_CATEGORY, "software"));
    assert_itsm_ok(itsm_incident_add_status(inc, AT("2024-06-04T00:00:00Z"), ITSM_INCIDENT_NEW, NULL, NULL));
    assert_itsm_ok(itsm_incident_add_status(inc, AT("2024-06-04T02:00:00Z"), ITSM_INCIDENT_ON_HOLD, NULL, NULL));
    assert_itsm_ok(itsm_incident_add_status(inc, AT("2024-06-04T10:00:00Z"), ITSM_INCIDENT_ACTIVE, NULL, NULL));
    assert_itsm_ok(itsm_incident_add_status(inc, AT("2024-06-04T13:00:00Z"), ITSM_INCIDENT_RESOLVED, NULL, NULL));
    assert_itsm_ok(itsm_dataset_new(&ds));
    const itsm_incident *const set[] = {inc};
    assert_itsm_ok(itsm_dataset_add_incident_set(ds, set, 1));
    assert_int_equal(itsm_dataset_incident_count(ds), 1);
    assert_itsm_ok(itsm_period_month(&p, 2024, 6, NULL));
    assert_itsm_ok(itsm_report_evaluate(&r, fx.agreement, fx.cals, ds, &p, NULL));
    itsm_report_item it = item(r, "resolve-max", NULL);
    assert_true(it.value == 5.0);
    itsm_report_breach b;
    size_t k = 0;
    item(r, "resolve-max", &k);
    assert_itsm_ok(itsm_report_breach_get(&b, r, k, 0));
    assert_string_equal(b.record, "INC-1");
    itsm_report_free(r);
    itsm_dataset_free(ds);
    itsm_incident_free(inc);
}

/* ---- record documents ------------------------------------------------------------------------------ */

static const char *const record_docs[] = {
    /* unplanned, 1 h; planned and notified two days ahead, 2 h; planned, notified late: counts */
    "{\"itsm_schema\": 1, \"type\": \"outage\", \"id\": \"O1\", \"kind\": \"unplanned\", \"start\": "
    "\"2024-06-10T00:00:00Z\", \"end\": \"2024-06-10T01:00:00Z\"}",
    "{\"itsm_schema\": 1, \"type\": \"outage\", \"id\": \"O2\", \"kind\": \"planned_maintenance\", "
    "\"start\": \"2024-06-15T00:00:00Z\", \"end\": \"2024-06-15T02:00:00Z\", \"notified_at\": "
    "\"2024-06-13T00:00:00Z\"}",
    "{\"itsm_schema\": 1, \"type\": \"outage\", \"id\": \"O3\", \"kind\": \"planned_maintenance\", "
    "\"start\": \"2024-06-20T00:00:00Z\", \"end\": \"2024-06-20T00:30:00Z\", \"notified_at\": "
    "\"2024-06-20T00:10:00Z\"}",
    /* an open outage: skipped */
    "{\"itsm_schema\": 1, \"type\": \"outage\", \"id\": \"O4\", \"kind\": \"unplanned\", \"start\": "
    "\"2024-06-30T23:00:00Z\"}",
    /* due 06-14 (end of the day in Tokyo: 06-14T15:00Z), delivered 06-14T14:00Z: on time */
    "{\"itsm_schema\": 1, \"type\": \"report_delivery\", \"id\": \"R1\", \"report\": \"monthly\", "
    "\"due\": \"2024-06-14\", \"delivered_at\": \"2024-06-14T14:00:00Z\"}",
    /* due 06-28 (06-28T15:00Z), delivered 06-28T16:00Z: late */
    "{\"itsm_schema\": 1, \"type\": \"report_delivery\", \"id\": \"R2\", \"report\": \"monthly\", "
    "\"due\": \"2024-06-28\", \"delivered_at\": \"2024-06-28T16:00:00Z\"}",
    "{\"itsm_schema\": 1, \"type\": \"monitoring_check\", \"id\": \"M1\", \"target\": \"db\", "
    "\"checked_at\": \"2024-06-01T06:00:00Z\", \"result\": \"ok\"}",
};
#define N_RECORD_DOCS (sizeof record_docs / sizeof record_docs[0])

static void test_records(void **state)
{
    (void)state;
    itsm_record *recs[N_RECORD_DOCS + 1] = {NULL};
    for (size_t i = 0; i < N_RECORD_DOCS; i++)
        assert_itsm_ok(itsm_record_from_json(&recs[i], record_docs[i], strlen(record_docs[i])));
    itsm_tz *tokyo = itsm_test_zone("Asia/Tokyo");
    itsm_dataset *ds = NULL;
    itsm_report *r = NULL;
    itsm_period p;
    assert_itsm_ok(itsm_dataset_new(&ds));
    assert_itsm_ok(itsm_dataset_add_records(ds, (const itsm_record *const *)recs, N_RECORD_DOCS, tokyo));
    assert_itsm_ok(itsm_period_month(&p, 2024, 6, NULL));
    assert_itsm_ok(itsm_report_evaluate(&r, fx.agreement, fx.cals, ds, &p, NULL));
    /* Agreed = 30 days - 2 h (O2); downtime 1 h (O1) + 30 min (O3, notified late). */
    itsm_report_item it = item(r, "availability", NULL);
    assert_int_equal(it.denominator, 2584800);
    assert_int_equal(it.numerator, 2584800 - 5400);
    it = item(r, "monthly-report", NULL);
    assert_int_equal(it.numerator, 1);
    assert_int_equal(it.denominator, 2);
    itsm_report_free(r);
    /* A change record measures nothing; nothing is added when one record is refused. */
    const char change[] = "{\"itsm_schema\": 1, \"type\": \"change\", \"id\": \"C1\", \"requested_at\": "
                          "\"2024-06-01T00:00:00Z\"}";
    assert_itsm_ok(itsm_record_from_json(&recs[N_RECORD_DOCS], change, strlen(change)));
    {
        itsm_dataset *empty = NULL;
        assert_itsm_ok(itsm_dataset_new(&empty));
        assert_itsm_error(itsm_dataset_add_records(empty, (const itsm_record *const *)recs, N_RECORD_DOCS + 1, NULL),
                          ITSM_EINVAL, "records[7] ('C1') is a change record");
        assert_itsm_ok(itsm_report_evaluate(&r, fx.agreement, fx.cals, empty, &p, NULL));
        assert_int_equal(item(r, "availability", NULL).numerator, 2592000); /* no outage was added */
        itsm_report_free(r);
        itsm_dataset_free(empty);
    }
    for (size_t i = 0; i <= N_RECORD_DOCS; i++)
        itsm_record_free(recs[i]);
    itsm_dataset_free(ds);
    itsm_tz_free(tokyo);
}

/* ---- output ---------------------------------------------------------------------------------------- */

static void test_json_and_markdown(void **state)
{
    (void)state;
    itsm_report *r1 = june(ITSM_COUNT_BY_STOP), *r2 = june(ITSM_COUNT_BY_STOP);
    char *j1 = NULL, *j2 = NULL, *md = NULL;
    assert_itsm_ok(itsm_report_to_json(&j1, r1));
    assert_itsm_ok(itsm_report_to_json(&j2, r2));
    assert_string_equal(j1, j2); /* same inputs, same bytes */
    assert_non_null(strstr(j1, "{\n  \"itsm_schema\": 1,\n  \"type\": \"sla_report\",\n  \"agreement\": \"T-REPORT\""));
    assert_non_null(strstr(j1, "\"period\": \"2024-06\",\n  \"from\": \"2024-06-01T00:00:00Z\",\n  \"to\": "
                               "\"2024-07-01T00:00:00Z\""));
    assert_non_null(strstr(j1, "\"record\": \"E\",\n          \"start\": \"2024-06-29T00:00:00Z\",\n          "
                               "\"stop\": null"));
    const itsm_report *const both[] = {r1, r2};
    assert_itsm_ok(itsm_report_to_markdown(&md, both, 2));
    assert_non_null(strstr(md, "| resolve | L3: <= 4 hour | 25% (1/4), 2 at risk | L1 | missed (finding) |"));
    assert_non_null(strstr(md, "| resolve-max | L3: <= 4 hour | 48 hour (n=4), 2 at risk | - | missed (breach of "
                               "contract, credit 20 %) |"));
    assert_non_null(strstr(md, "| onsite | L3: <= 4 hour | - | - | not evaluable: no calendar 'vendor-onsite' |"));
    assert_non_null(strstr(md, "| office-resolve | I | 2024-06-10T09:00:00Z | 2024-06-10T15:00:00Z |"));
    assert_memory_equal(md, "## report test agreement: 2024-06\n", 34);
    const char *second = strstr(md + 1, "\n## report test agreement: 2024-06\n");
    assert_non_null(second); /* two reports, no more */
    assert_null(strstr(second + 2, "## report test agreement"));
    itsm_free(md);
    itsm_free(j1);
    itsm_free(j2);
    itsm_report_free(r1);
    itsm_report_free(r2);
}

static void test_max_breaches(void **state)
{
    (void)state;
    itsm_dataset *ds = NULL;
    itsm_period p;
    itsm_report *r = NULL;
    itsm_report_options o = ITSM_REPORT_OPTIONS_INIT;
    o.max_breaches = 1;
    assert_itsm_ok(build(&ds));
    assert_itsm_ok(itsm_period_month(&p, 2024, 6, NULL));
    assert_itsm_ok(itsm_report_evaluate(&r, fx.agreement, fx.cals, ds, &p, &o));
    itsm_report_item it = item(r, "resolve", NULL);
    assert_int_equal(it.breach_count, 1);
    assert_int_equal(it.breaches_total, 3);
    itsm_report_free(r);
    itsm_dataset_free(ds);
}

/* ---- periods --------------------------------------------------------------------------------------- */

static void test_periods(void **state)
{
    (void)state;
    itsm_tz *tokyo = itsm_test_zone("Asia/Tokyo");
    itsm_period p;
    assert_itsm_ok(itsm_period_month(&p, 2024, 12, tokyo));
    assert_int_equal(p.from, AT("2024-11-30T15:00:00Z"));
    assert_int_equal(p.to, AT("2024-12-31T15:00:00Z"));
    assert_string_equal(p.label, "2024-12");
    assert_itsm_ok(itsm_period_quarter(&p, 2024, 1, NULL));
    assert_int_equal(p.from, AT("2024-01-01T00:00:00Z"));
    assert_int_equal(p.to, AT("2024-04-01T00:00:00Z"));
    assert_string_equal(p.label, "2024-Q1");
    assert_itsm_ok(itsm_period_year(&p, 2024, NULL));
    assert_int_equal(p.to - p.from, 366 * 86400);
    itsm_date end = {2024, 4, 1};
    assert_itsm_ok(itsm_period_rolling(&p, end, 30, NULL));
    assert_int_equal(p.from, AT("2024-03-02T00:00:00Z"));
    assert_string_equal(p.label, "30 days to 2024-04-01");
    assert_itsm_error(itsm_period_month(&p, 2024, 13, NULL), ITSM_EINVAL, "month 13");
    assert_itsm_error(itsm_period_quarter(&p, 2024, 0, NULL), ITSM_EINVAL, "quarter 0");
    assert_itsm_error(itsm_period_rolling(&p, end, 0, NULL), ITSM_ERANGE, "days 0");
    itsm_tz_free(tokyo);
}

/* ---- errors ---------------------------------------------------------------------------------------- */

static void test_errors(void **state)
{
    (void)state;
    itsm_dataset *ds = NULL;
    itsm_report *r = NULL;
    itsm_period p = {100, 100, "empty"};
    itsm_report_options o = ITSM_REPORT_OPTIONS_INIT;
    assert_itsm_ok(itsm_dataset_new(&ds));
    assert_itsm_error(itsm_report_evaluate(NULL, fx.agreement, fx.cals, ds, &p, NULL), ITSM_EINVAL, "out");
    assert_itsm_error(itsm_report_evaluate(&r, fx.agreement, fx.cals, ds, &p, NULL), ITSM_EINVAL, "empty");
    p.to = 200;
    o.version = 99;
    assert_itsm_error(itsm_report_evaluate(&r, fx.agreement, fx.cals, ds, &p, &o), ITSM_EVERSION, "version 99");
    o.version = ITSM_REPORT_OPTIONS_VERSION;
    o.counting = (itsm_count_rule)7;
    assert_itsm_error(itsm_report_evaluate(&r, fx.agreement, fx.cals, ds, &p, &o), ITSM_EINVAL, "counting");
    assert_null(r);
    /* Columns: offsets must start at 0, instants may not go back within a record. */
    const int64_t bad_offsets[] = {1, 2};
    const itsm_instant at[] = {100, 50};
    const int32_t codes[] = {0, 3};
    itsm_incident_columns c = ITSM_INCIDENT_COLUMNS_INIT;
    c.n_records = 1;
    c.offsets = bad_offsets;
    c.n_events = 2;
    c.instants = at;
    c.codes = codes;
    assert_itsm_error(itsm_dataset_add_incidents(ds, &c), ITSM_EINVAL, "offsets");
    const int64_t offsets[] = {0, 2};
    c.offsets = offsets;
    assert_itsm_error(itsm_dataset_add_incidents(ds, &c), ITSM_EINVAL, "record 0: instants[1]");
    c.version = 0;
    assert_itsm_error(itsm_dataset_add_incidents(ds, &c), ITSM_EVERSION, "version");
    assert_int_equal(itsm_dataset_incident_count(ds), 0);
    const itsm_instant start[] = {100}, end[] = {50};
    itsm_outages out = ITSM_OUTAGES_INIT;
    out.n = 1;
    out.start = start;
    out.end = end;
    assert_itsm_error(itsm_dataset_add_outages(ds, &out, NULL), ITSM_EINVAL, "end[0]");
    assert_itsm_error(itsm_dataset_add_events(ds, NULL, NULL, at, 2), ITSM_EINVAL, "kind");
    const itsm_instant too_late[] = {ITSM_INSTANT_MAX + 1};
    assert_itsm_error(itsm_dataset_add_events(ds, "x", NULL, too_late, 1), ITSM_ERANGE, "at[0]");
    assert_itsm_error(itsm_dataset_add_backups(ds, start, end, NULL, 1), ITSM_EINVAL, "completed[0]");
    itsm_calls calls = ITSM_CALLS_INIT;
    calls.n = 1;
    assert_itsm_error(itsm_dataset_add_calls(ds, &calls), ITSM_EINVAL, "arrival");
    assert_null(itsm_calendar_set_get(fx.cals, "nowhere"));
    assert_ptr_equal(itsm_calendar_set_get(fx.cals, "office"), fx.office);
    const char *name = NULL;
    assert_itsm_ok(itsm_report_verdict_name(&name, ITSM_REPORT_NOT_EVALUABLE));
    assert_string_equal(name, "not_evaluable");
    assert_itsm_error(itsm_report_verdict_name(&name, (itsm_report_verdict)9), ITSM_EINVAL, "verdict 9");
    char *md = NULL;
    const itsm_report *none[] = {NULL};
    assert_itsm_error(itsm_report_to_markdown(&md, none, 1), ITSM_EINVAL, "reports[0]");
    itsm_dataset_free(ds);
}

/* ---- allocation failures --------------------------------------------------------------------------- */

static int scenario_report(const void *ctx)
{
    (void)ctx;
    fixture f;
    int rc0 = fixture_open(&f);
    if (rc0 != ITSM_OK) {
        fixture_close(&f);
        return rc0;
    }
    itsm_dataset *ds = NULL;
    itsm_report *r = NULL;
    itsm_period p;
    char *json = NULL, *md = NULL;
    int rc = build(&ds);
    if (rc == ITSM_OK)
        rc = itsm_period_month(&p, 2024, 6, NULL);
    if (rc == ITSM_OK)
        rc = itsm_report_evaluate(&r, f.agreement, f.cals, ds, &p, NULL);
    if (rc == ITSM_OK)
        rc = itsm_report_to_json(&json, r);
    const itsm_report *const one[] = {r};
    if (rc == ITSM_OK)
        rc = itsm_report_to_markdown(&md, one, 1);
    itsm_free(json);
    itsm_free(md);
    itsm_report_free(r);
    itsm_dataset_free(ds);
    fixture_close(&f);
    return rc;
}

static int scenario_sets(const void *ctx)
{
    (void)ctx;
    itsm_calendar_set *set = NULL;
    int rc = itsm_calendar_set_new(&set);
    for (int i = 0; rc == ITSM_OK && i < 20; i++) {
        char name[16];
        snprintf(name, sizeof name, "cal-%d", i);
        rc = itsm_calendar_set_add(set, name, (const itsm_calendar *)set); /* never dereferenced */
    }
    itsm_calendar_set_free(set);
    return rc;
}

static void test_alloc_sweeps(void **state)
{
    (void)state;
    fixture_close(&fx); /* the allocator changes only with nothing live */
    assert_true(itsm_test_alloc_sweep("report", scenario_report, NULL, ITSM_OK) >= 50);
    assert_true(itsm_test_alloc_sweep("calendar set", scenario_sets, NULL, ITSM_OK) >= 5);
    assert_itsm_ok(fixture_open(&fx));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_duration_share_within), cmocka_unit_test(test_counting_by_start),
        cmocka_unit_test(test_duration_max_and_credit), cmocka_unit_test(test_other_kinds),
        cmocka_unit_test(test_not_evaluable),         cmocka_unit_test(test_no_data),
        cmocka_unit_test(test_status_names),          cmocka_unit_test(test_incident_objects),
        cmocka_unit_test(test_records),
        cmocka_unit_test(test_json_and_markdown),     cmocka_unit_test(test_max_breaches),
        cmocka_unit_test(test_periods),               cmocka_unit_test(test_errors),
        cmocka_unit_test(test_alloc_sweeps),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
