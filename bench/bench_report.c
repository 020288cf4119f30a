/* SLA report throughput, single thread: N synthetic incidents (default 1,000,000; the
 * generator of bench_clock, bench_common.h) with pauses and reopenings, two duration
 * items on the seed's desk calendar (Asia/Tokyo, Mon-Fri 9-18, Sat 9-12 and 13-17, `jp`
 * and `jp-year-end` closed):
 *
 *   response:   new -> active within 4 business hours, 90 % of the incidents;
 *   resolution: new -> resolved / closed, paused on hold, "next business day", 90 %.
 *
 * The report lists the first 100 breaching records of each item (all are counted).
 * Times: filling the dataset from the CSR columns (a copy), itsm_report_evaluate() over
 * the whole two years (both items, every record counted), and the JSON and Markdown.
 * usage: bench_report [N] */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include "bench_common.h"

#include <stdio.h>
#include <string.h>

static const char agreement_json[] =
    "{\"itsm_schema\": 1, \"type\": \"agreement\", \"id\": \"BENCH\", \"name\": \"bench\", \"sla_items\": ["
    "{\"id\": \"response\", \"unit\": \"hour\", \"kind\": \"target\", \"calendar\": \"desk\", \"metric\": "
    "{\"kind\": \"duration\", \"start\": [\"new\"], \"stop\": [\"active\"], \"aggregate\": \"share_within\", "
    "\"required_percent\": 90}, \"level\": \"L3\", \"levels\": {\"L1\": {\"op\": \"<=\", \"value\": 8}, "
    "\"L3\": {\"op\": \"<=\", \"value\": 4}}},"
    "{\"id\": \"resolution\", \"unit\": \"day\", \"kind\": \"guarantee\", \"calendar\": \"desk\", \"metric\": "
    "{\"kind\": \"duration\", \"start\": [\"new\"], \"pause\": [\"on_hold\"], \"stop\": [\"resolved\", "
    "\"closed\"], \"reopen\": \"continue\", \"aggregate\": \"share_within\", \"required_percent\": 90}, \"level\": \"L3\", \"levels\": "
    "{\"L3\": {\"deadline\": \"next business day\"}}}]}";

static int fail(const char *what)
{
    fprintf(stderr, "bench_report: %s: %s\n", what, itsm_error_last());
    return 1;
}

static int fill(itsm_dataset **ds, const bench_events *e)
{
    itsm_incident_columns c = ITSM_INCIDENT_COLUMNS_INIT;
    c.n_records = e->n_records;
    c.offsets = e->offsets;
    c.n_events = e->n_events;
    c.instants = e->t;
    c.codes = e->code;
    return itsm_dataset_new(ds) != ITSM_OK || itsm_dataset_add_incidents(*ds, &c) != ITSM_OK;
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? (size_t)strtoull(argv[1], NULL, 10) : 1000000;
    itsm_calendar *cal = bench_desk();
    itsm_agreement *a = NULL;
    itsm_calendar_set *cals = NULL;
    bench_events e;
    if (cal == NULL || n == 0 || bench_generate(&e, n) != 0)
        return fail("setup");
    if (itsm_agreement_from_json(&a, agreement_json, strlen(agreement_json)) != ITSM_OK ||
        itsm_calendar_set_new(&cals) != ITSM_OK || itsm_calendar_set_add(cals, "desk", cal) != ITSM_OK)
        return fail("agreement");
    itsm_period p = {1704034800, 1767193200 + 31 * 86400, "2024-01 .. 2026-01"}; /* every record closed */
    itsm_dataset *ds = NULL;
    itsm_report *r = NULL;
    char *json = NULL, *md = NULL;
    double t0 = now();
    if (fill(&ds, &e))
        return fail("dataset");
    double t1 = now();
    itsm_report_options o = ITSM_REPORT_OPTIONS_INIT;
    o.max_breaches = 100; /* the counts stay exact; the listing is what a reader reads */
    if (itsm_report_evaluate(&r, a, cals, ds, &p, &o) != ITSM_OK)
        return fail("evaluate");
    double t2 = now();
    const itsm_report *const one[] = {r};
    if (itsm_report_to_json(&json, r) != ITSM_OK || itsm_report_to_markdown(&md, one, 1) != ITSM_OK)
        return fail("output");
    double t3 = now();
    printf("bench_report: %zu incidents, %zu events, 2 duration items, calendar desk (Asia/Tokyo, jp)\n", n,
           e.n_events);
    printf("%-40s %8.3f s\n", "dataset from CSR columns (copy)", t1 - t0);
    printf("%-40s %8.3f s  %6.2f M record-items/s\n", "itsm_report_evaluate (2 items)", t2 - t1,
           2.0 * (double)n / (t2 - t1) / 1e6);
    printf("%-40s %8.3f s  (%zu + %zu bytes)\n", "JSON + Markdown", t3 - t2, strlen(json), strlen(md));
    for (size_t i = 0; i < itsm_report_item_count(r); i++) {
        itsm_report_item it;
        const char *v = "";
        itsm_report_item_get(&it, r, i);
        itsm_report_verdict_name(&v, it.verdict);
        printf("  %-10s %lld of %lld within (%.2f %%), %s, achieved L%d, %lld breaches\n", it.id,
               (long long)it.numerator, (long long)it.denominator, it.value, v, it.achieved_level,
               (long long)it.breaches_total);
    }
    itsm_free(json);
    itsm_free(md);
    itsm_report_free(r);
    itsm_dataset_free(ds);
    itsm_calendar_set_free(cals);
    itsm_agreement_free(a);
    itsm_calendar_free(cal);
    free(e.offsets);
    free(e.t);
    free(e.code);
    return 0;
}
