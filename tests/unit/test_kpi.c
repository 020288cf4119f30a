/* KPI formulas (itsm/kpi.h). Expected values are worked out by hand in the comments from
 * the formulas of the guidebook (Reference 9-2, 9-3, Cases 9-4, 9-6, 9-7, 9-10). */
#include "itsm_test.h"

#include <math.h>

static void assert_rate(itsm_kpi_rate r, double num, double den, double ratio)
{
    assert_true(r.numerator == num);
    assert_true(r.denominator == den);
    assert_int_equal(r.has_data, 1);
    assert_true(fabs(r.ratio - ratio) <= 1e-15 * fabs(ratio));
}

static void assert_no_data(itsm_kpi_rate r, double num)
{
    assert_true(r.numerator == num);
    assert_true(r.denominator == 0.0);
    assert_int_equal(r.has_data, 0);
    assert_true(isnan(r.ratio));
}

/* ---- Reference 9-2 and 9-3 ---------------------------------------------------------- */

static void test_indicator_catalogue(void **state)
{
    (void)state;
    itsm_kpi_indicator_info info;
    for (int k = ITSM_KPI_INDICATOR_FIRST; k <= ITSM_KPI_INDICATOR_LAST; k++) {
        assert_itsm_ok(itsm_kpi_indicator_get_info(&info, (itsm_kpi_indicator)k));
        assert_int_equal((int)info.indicator, k);
        assert_non_null(info.key);
        assert_non_null(info.name_ja);
        assert_non_null(info.formula_ja);
        assert_non_null(info.operand_a);
        assert_int_equal(info.operand_b == NULL, info.kind == ITSM_KPI_KIND_AMOUNT);
    }
    /* The guidebook's kinds: 1, 3, 7 shares; 2, 9 averages; 4, 12-15 reductions;
     * 5, 6, 8 amounts; 10, 11 differences; 16 (Reference 9-3) a share. */
    static const itsm_kpi_kind kinds[] = {
        ITSM_KPI_KIND_SHARE,      ITSM_KPI_KIND_AVERAGE,    ITSM_KPI_KIND_SHARE,     ITSM_KPI_KIND_REDUCTION,
        ITSM_KPI_KIND_AMOUNT,     ITSM_KPI_KIND_AMOUNT,     ITSM_KPI_KIND_SHARE,     ITSM_KPI_KIND_AMOUNT,
        ITSM_KPI_KIND_AVERAGE,    ITSM_KPI_KIND_DIFFERENCE, ITSM_KPI_KIND_DIFFERENCE, ITSM_KPI_KIND_REDUCTION,
        ITSM_KPI_KIND_REDUCTION,  ITSM_KPI_KIND_REDUCTION,  ITSM_KPI_KIND_REDUCTION,  ITSM_KPI_KIND_SHARE};
    for (int k = 1; k <= 16; k++) {
        assert_itsm_ok(itsm_kpi_indicator_get_info(&info, (itsm_kpi_indicator)k));
        assert_int_equal(info.kind, kinds[k - 1]);
    }
    assert_itsm_ok(itsm_kpi_indicator_get_info(&info, ITSM_KPI_ESCALATION_REDUCTION_RATE));
    assert_string_equal(info.name_ja, "相談窓口におけるエスカレーション件数の逓減率");
    assert_string_equal(info.unit, "%/year");
    assert_string_equal(info.source, "Reference 9-2 no. 4");
    assert_itsm_error(itsm_kpi_indicator_get_info(&info, (itsm_kpi_indicator)0), ITSM_EINVAL, "0 is not an indicator");
    assert_itsm_error(itsm_kpi_indicator_get_info(&info, (itsm_kpi_indicator)17), ITSM_EINVAL, "expected 1 .. 16");
    assert_itsm_error(itsm_kpi_indicator_get_info(NULL, ITSM_KPI_COST_SAVED), ITSM_EINVAL, "'out'");
}

static void test_indicator_compute(void **state)
{
    (void)state;
    itsm_kpi_rate r;
    /* 1: 412 of 500 valid answers satisfied: 412/500 = 0.824 (82.4 %). */
    assert_itsm_ok(itsm_kpi_indicator_compute(&r, ITSM_KPI_USER_SATISFACTION, 412, 500));
    assert_rate(r, 412, 500, 0.824);
    /* 2: 1230 minutes over 150 cases: 8.2 min per case. */
    assert_itsm_ok(itsm_kpi_indicator_compute(&r, ITSM_KPI_DESK_AVERAGE_HANDLING_TIME, 1230, 150));
    assert_rate(r, 1230, 150, 8.2);
    /* 4: 120 escalations last year, 90 this year: (120-90)/120 = 0.25; 150 this year: -0.25. */
    assert_itsm_ok(itsm_kpi_indicator_compute(&r, ITSM_KPI_ESCALATION_REDUCTION_RATE, 120, 90));
    assert_rate(r, 30, 120, 0.25);
    assert_itsm_ok(itsm_kpi_indicator_compute(&r, ITSM_KPI_ESCALATION_REDUCTION_RATE, 120, 150));
    assert_rate(r, -30, 120, -0.25);
    /* 5: an amount is itself over 1. */
    assert_itsm_ok(itsm_kpi_indicator_compute(&r, ITSM_KPI_COUNTER_APPLICATION_COST, 3500, 0));
    assert_rate(r, 3500, 1, 3500);
    /* 10: 1800 h before, 1350 h after: 450 h saved; 11: 2.0e7 - 2.5e7 = -5.0e6 (costs grew). */
    assert_itsm_ok(itsm_kpi_indicator_compute(&r, ITSM_KPI_PROCESSING_TIME_SAVED, 1800, 1350));
    assert_rate(r, 450, 1, 450);
    assert_itsm_ok(itsm_kpi_indicator_compute(&r, ITSM_KPI_COST_SAVED, 2.0e7, 2.5e7));
    assert_rate(r, -5.0e6, 1, -5.0e6);
    /* 13: 80 M yen baseline, 68 M this year: 12/80 = 0.15. */
    assert_itsm_ok(itsm_kpi_indicator_compute(&r, ITSM_KPI_OPERATION_COST_REDUCTION_RATE, 80e6, 68e6));
    assert_rate(r, 12e6, 80e6, 0.15);
    /* 16: 3 of 8 applications online: 0.375. */
    assert_itsm_ok(itsm_kpi_indicator_compute(&r, ITSM_KPI_ONLINE_USAGE_RATE, 3, 8));
    assert_rate(r, 3, 8, 0.375);
    /* 0/0 is no data for shares, averages and reductions alike. */
    assert_itsm_ok(itsm_kpi_indicator_compute(&r, ITSM_KPI_STAFF_SATISFACTION, 0, 0));
    assert_no_data(r, 0);
    assert_itsm_ok(itsm_kpi_indicator_compute(&r, ITSM_KPI_STAFF_COMPLAINT_RESOLUTION_TIME, 0, 0));
    assert_no_data(r, 0);
    assert_itsm_ok(itsm_kpi_indicator_compute(&r, ITSM_KPI_MAINTENANCE_COST_REDUCTION_RATE, 0, 0));
    assert_no_data(r, 0);
    /* Errors name the indicator and its operand. */
    assert_itsm_error(itsm_kpi_indicator_compute(&r, ITSM_KPI_DESK_RESOLUTION_RATE, 11, 10), ITSM_EINVAL,
                      "desk_resolution_rate): resolved_at_desk (11) exceeds complaints_and_consultations (10)");
    assert_itsm_error(itsm_kpi_indicator_compute(&r, ITSM_KPI_USER_SATISFACTION, -1, 10), ITSM_EINVAL,
                      "satisfied_answers must not be negative");
    assert_itsm_error(itsm_kpi_indicator_compute(&r, ITSM_KPI_COST_SAVED, NAN, 1), ITSM_EINVAL,
                      "cost_before_reform must be a finite number");
    assert_itsm_error(itsm_kpi_indicator_compute(&r, ITSM_KPI_STAFF_COMPLAINTS, 4, 1), ITSM_EINVAL,
                      "b must be 0");
    assert_itsm_error(itsm_kpi_indicator_compute(&r, ITSM_KPI_DESK_AVERAGE_HANDLING_TIME, 30, 0), ITSM_EINVAL,
                      "handling_minutes is 30 with 0 cases");
    assert_itsm_error(itsm_kpi_indicator_compute(&r, ITSM_KPI_OUTSOURCING_COST_REDUCTION_RATE, INFINITY, 0),
                      ITSM_EINVAL, "baseline_cost must be a finite number");
    assert_itsm_error(itsm_kpi_indicator_compute(&r, (itsm_kpi_indicator)99, 1, 1), ITSM_EINVAL, "99");
}

/* ---- named rates -------------------------------------------------------------------- */

static void test_named_rates(void **state)
{
    (void)state;
    itsm_kpi_rate r;
    /* Case 9-7: 60 % at the start (300 of 500 answered on the spot), 90 % later. */
    assert_itsm_ok(itsm_kpi_self_resolution_rate(&r, 300, 500));
    assert_rate(r, 300, 500, 0.6);
    assert_itsm_ok(itsm_kpi_self_resolution_rate(&r, 450, 500));
    assert_rate(r, 450, 500, 0.9);
    /* Self-service: 200 solved through the FAQ, 600 desk contacts: 200/800 = 0.25. */
    assert_itsm_ok(itsm_kpi_self_service_rate(&r, 200, 600));
    assert_rate(r, 200, 800, 0.25);
    /* FCR: 700 of 1000 at first contact (0.7); net of 125 that needed a visit: 700/875 = 0.8. */
    assert_itsm_ok(itsm_kpi_fcr_gross(&r, 700, 1000));
    assert_rate(r, 700, 1000, 0.7);
    assert_itsm_ok(itsm_kpi_fcr_net(&r, 700, 1000, 125));
    assert_rate(r, 700, 875, 0.8);
    assert_itsm_ok(itsm_kpi_escalation_rate(&r, 40, 160));
    assert_rate(r, 40, 160, 0.25);
    assert_itsm_ok(itsm_kpi_escalation_reduction_rate(&r, 200, 150));
    assert_rate(r, 50, 200, 0.25);
    assert_itsm_ok(itsm_kpi_reopen_rate(&r, 3, 60));
    assert_rate(r, 3, 60, 0.05);
    /* Case 9-6: 6 failures over 300 PCs for 2 years = 600 device-years: 0.01 per device-year. */
    assert_itsm_ok(itsm_kpi_failure_rate(&r, 6, 600));
    assert_rate(r, 6, 600, 0.01);
    assert_itsm_ok(itsm_kpi_share(&r, 1, 4));
    assert_rate(r, 1, 4, 0.25);
    assert_itsm_ok(itsm_kpi_reduction_rate(&r, 50, 40));
    assert_rate(r, 10, 50, 0.2);
    /* 0/0: no data, never 0 % nor 100 %. */
    assert_itsm_ok(itsm_kpi_self_resolution_rate(&r, 0, 0));
    assert_no_data(r, 0);
    assert_itsm_ok(itsm_kpi_self_service_rate(&r, 0, 0));
    assert_no_data(r, 0);
    assert_itsm_ok(itsm_kpi_fcr_net(&r, 0, 10, 10));
    assert_no_data(r, 0);
    assert_itsm_ok(itsm_kpi_failure_rate(&r, 0, 0));
    assert_no_data(r, 0);
    assert_itsm_ok(itsm_kpi_reduction_rate(&r, 0, 5));
    assert_no_data(r, -5);
    /* Errors name the arguments. */
    assert_itsm_error(itsm_kpi_self_resolution_rate(&r, 501, 500), ITSM_EINVAL,
                      "answered_on_the_spot (501) exceeds inquiries (500)");
    assert_itsm_error(itsm_kpi_fcr_net(&r, 900, 1000, 125), ITSM_EINVAL,
                      "resolved_at_first_contact (900) exceeds contacts - not_resolvable_at_first_contact (875)");
    assert_itsm_error(itsm_kpi_fcr_net(&r, 1, 10, 11), ITSM_EINVAL, "not_resolvable_at_first_contact (11) exceeds");
    assert_itsm_error(itsm_kpi_self_service_rate(&r, -2, 5), ITSM_EINVAL, "resolved_by_self_service");
    assert_itsm_error(itsm_kpi_failure_rate(&r, 2, 0), ITSM_EINVAL, "0 device_years");
    assert_itsm_error(itsm_kpi_escalation_rate(&r, 1, NAN), ITSM_EINVAL, "contacts must be a finite number");
    assert_itsm_error(itsm_kpi_reopen_rate(NULL, 1, 2), ITSM_EINVAL, "'out'");
    assert_itsm_error(itsm_kpi_escalation_reduction_rate(&r, -1, 2), ITSM_EINVAL, "previous_year");
}

/* ---- categories and averages -------------------------------------------------------- */

static void test_share_by_category(void **state)
{
    (void)state;
    /* Reference 9-3: categories 0 individual-principal, 1 individual-agent, 2 corporation.
     * Online applications, one entry each: 0,0,1,2,2,2 -> 2, 1, 3. All applications as
     * counts per category from another source: 4, 5, 3. Rates 2/4, 1/5, 3/3; total 6/12. */
    const int32_t online[] = {0, 0, 1, 2, 2, 2};
    const int32_t all_cat[] = {0, 1, 2};
    const double all_count[] = {4, 5, 3};
    itsm_kpi_rate out[3], total;
    assert_itsm_ok(itsm_kpi_share_by_category(out, &total, 3, online, NULL, 6, all_cat, all_count, 3));
    assert_rate(out[0], 2, 4, 0.5);
    assert_rate(out[1], 1, 5, 0.2);
    assert_rate(out[2], 3, 3, 1.0);
    assert_rate(total, 6, 12, 0.5); /* not the mean of 0.5, 0.2, 1.0 (0.5667) */
    /* A category nobody applied in has no data. */
    itsm_kpi_rate four[4];
    assert_itsm_ok(itsm_kpi_share_by_category(four, NULL, 4, online, NULL, 6, all_cat, all_count, 3));
    assert_no_data(four[3], 0);
    /* Empty sources: every category has no data, and so does the total. */
    assert_itsm_ok(itsm_kpi_share_by_category(out, &total, 3, NULL, NULL, 0, NULL, NULL, 0));
    assert_no_data(out[1], 0);
    assert_no_data(total, 0);
    /* The sources disagree: 3 online corporations but only 2 applications. */
    const double fewer[] = {4, 5, 2};
    assert_itsm_error(itsm_kpi_share_by_category(out, &total, 3, online, NULL, 6, all_cat, fewer, 3), ITSM_EINVAL,
                      "category 2 has a part of 3 but a whole of 2");
    const int32_t bad[] = {0, 3};
    assert_itsm_error(itsm_kpi_share_by_category(out, &total, 3, bad, NULL, 2, all_cat, all_count, 3), ITSM_EINVAL,
                      "part_category[1] = 3 is not a code 0 .. 2");
    const double negative[] = {4, -5, 3};
    assert_itsm_error(itsm_kpi_share_by_category(out, &total, 3, online, NULL, 6, all_cat, negative, 3),
                      ITSM_EINVAL, "whole_weight[1] must not be negative");
    assert_itsm_error(itsm_kpi_share_by_category(out, &total, 3, NULL, NULL, 2, all_cat, all_count, 3), ITSM_EINVAL,
                      "'part_category' is NULL");
}

static void test_means(void **state)
{
    (void)state;
    /* Handling minutes of two kinds of inquiry: password (0) 3, 5, 4 -> 12/3 = 4;
     * tax form (1) 30, 50 -> 80/2 = 40; kind 2 none. Mixed: 92/5 = 18.4, a number that
     * describes neither kind. */
    const int32_t kind[] = {0, 1, 0, 1, 0};
    const double minutes[] = {3, 30, 5, 50, 4};
    itsm_kpi_rate out[3], mixed;
    assert_itsm_ok(itsm_kpi_mean_by_category(out, 3, kind, minutes, 5));
    assert_rate(out[0], 12, 3, 4);
    assert_rate(out[1], 80, 2, 40);
    assert_no_data(out[2], 0);
    assert_itsm_ok(itsm_kpi_mean_mixed(&mixed, minutes, 5));
    assert_rate(mixed, 92, 5, 18.4);
    /* Single value, empty input. */
    assert_itsm_ok(itsm_kpi_mean_mixed(&mixed, minutes + 1, 1));
    assert_rate(mixed, 30, 1, 30);
    assert_itsm_ok(itsm_kpi_mean_mixed(&mixed, NULL, 0));
    assert_no_data(mixed, 0);
    /* Compensated sum: 1e16 + 1 + -1e16 is 1, which plain addition loses. */
    const double hard[] = {1e16, 1.0, -1e16};
    assert_itsm_ok(itsm_kpi_mean_mixed(&mixed, hard, 3));
    assert_rate(mixed, 1, 3, 1.0 / 3.0);
    const double bad[] = {1, NAN};
    assert_itsm_error(itsm_kpi_mean_mixed(&mixed, bad, 2), ITSM_EINVAL, "values[1] must be a finite number");
    const int32_t negative_code[] = {0, -1};
    assert_itsm_error(itsm_kpi_mean_by_category(out, 3, negative_code, minutes, 2), ITSM_EINVAL,
                      "category[1] = -1 is not a code");
    assert_itsm_error(itsm_kpi_mean_by_category(NULL, 3, kind, minutes, 5), ITSM_EINVAL, "'out'");
}

static void test_effort(void **state)
{
    (void)state;
    /* Case 9-4, per work item: 0 backups planned 10+10 h, actual 8+9 h -> variance -3,
     * ratio 17/20 = 0.85; 1 patching planned 4 h, actual 7 h -> +3, 1.75; 2 unplanned
     * investigation 0 planned, 5 actual -> ratio +inf (with data); 3 nothing -> no data. */
    const int32_t item[] = {0, 1, 0, 2};
    const double planned[] = {10, 4, 10, 0};
    const double actual[] = {8, 7, 9, 5};
    itsm_kpi_effort e[4];
    assert_itsm_ok(itsm_kpi_effort_by_group(e, 4, item, planned, actual, 4));
    assert_int_equal(e[0].records, 2);
    assert_true(e[0].planned == 20 && e[0].actual == 17 && e[0].variance == -3);
    assert_rate(e[0].ratio, 17, 20, 0.85);
    assert_true(e[1].variance == 3);
    assert_rate(e[1].ratio, 7, 4, 1.75);
    assert_true(e[2].variance == 5 && isinf(e[2].ratio.ratio) && e[2].ratio.has_data == 1);
    assert_int_equal(e[3].records, 0);
    assert_no_data(e[3].ratio, 0);
    const double bad[] = {1, 2, -3, 4};
    assert_itsm_error(itsm_kpi_effort_by_group(e, 4, item, planned, bad, 4), ITSM_EINVAL,
                      "actual[2] must not be negative");
    assert_itsm_error(itsm_kpi_effort_by_group(e, 2, item, planned, actual, 4), ITSM_EINVAL, "group[3] = 2");
    assert_itsm_ok(itsm_kpi_effort_by_group(NULL, 0, NULL, NULL, NULL, 0));
}

/* ---- incidents ------------------------------------------------------------------------- */

static itsm_incident *incident(const char *id, const char *const *groups, size_t n, int resolve, int reopen)
{
    itsm_incident *inc = NULL;
    assert_itsm_ok(itsm_incident_new(&inc, id));
    itsm_instant t = 1700000000;
    assert_itsm_ok(itsm_incident_add_status(inc, t, ITSM_INCIDENT_NEW, NULL, NULL));
    for (size_t k = 0; k < n; k++)
        assert_itsm_ok(itsm_incident_add_assignment(inc, t + (itsm_instant)k, groups[k]));
    if (resolve)
        assert_itsm_ok(itsm_incident_add_status(inc, t + 100, ITSM_INCIDENT_RESOLVED, NULL, NULL));
    if (reopen)
        assert_itsm_ok(itsm_incident_add_status(inc, t + 200, ITSM_INCIDENT_ACTIVE, NULL, NULL));
    return inc;
}

static void test_incidents(void **state)
{
    (void)state;
    /* A: desk -> network -> desk: 2 hand-offs; B: desk, desk again: 0; C: never assigned;
     * D: desk -> server: 1, resolved and reopened. Resolved at least once: A, D (2);
     * reopened: D -> reopen rate 1/2. Reassigned: A, D -> 2/4; 3 hand-offs / 4 = 0.75. */
    const char *const a[] = {"desk", "network", "desk"};
    const char *const b[] = {"desk", "desk"};
    const char *const d[] = {"desk", "server"};
    itsm_incident *set[4] = {incident("A", a, 3, 1, 0), incident("B", b, 2, 0, 0), incident("C", NULL, 0, 0, 0),
                             incident("D", d, 2, 1, 1)};
    int32_t counts[4];
    assert_itsm_ok(itsm_kpi_reassignments(counts, (const itsm_incident *const *)set, 4));
    assert_int_equal(counts[0], 2);
    assert_int_equal(counts[1], 0);
    assert_int_equal(counts[2], 0);
    assert_int_equal(counts[3], 1);
    itsm_kpi_incident_summary s;
    assert_itsm_ok(itsm_kpi_incident_summary_get(&s, (const itsm_incident *const *)set, 4));
    assert_int_equal(s.incidents, 4);
    assert_int_equal(s.reassignments, 3);
    assert_int_equal(s.max_reassignments, 2);
    assert_rate(s.reassigned, 2, 4, 0.5);
    assert_rate(s.reassignments_per_incident, 3, 4, 0.75);
    assert_rate(s.reopen, 1, 2, 0.5);
    assert_itsm_ok(itsm_kpi_incident_summary_get(&s, NULL, 0));
    assert_int_equal(s.incidents, 0);
    assert_no_data(s.reopen, 0);
    assert_no_data(s.reassigned, 0);
    const itsm_incident *holes[2] = {set[0], NULL};
    assert_itsm_error(itsm_kpi_reassignments(counts, holes, 2), ITSM_EINVAL, "incidents[1] is NULL");
    assert_itsm_error(itsm_kpi_incident_summary_get(&s, holes, 2), ITSM_EINVAL, "incidents[1] is NULL");
    for (size_t i = 0; i < 4; i++)
        itsm_incident_free(set[i]);
}

/* ---- Case 9-6, Heinrich, Case 9-10 ----------------------------------------------------- */

static void test_break_even(void **state)
{
    (void)state;
    /* 300 PCs at 0.01 failures per device-year: 3 failures a year. Fixed contract 1.2 M yen
     * a year; spot 50,000 yen per call with no base fee: 150,000 yen. Break-even at
     * 1,200,000 / 50,000 = 24 failures a year. */
    itsm_kpi_break_even b;
    assert_itsm_ok(itsm_kpi_maintenance_break_even(&b, 3, 1.2e6, 5e4, 0));
    assert_true(b.fixed_cost == 1.2e6 && b.spot_cost == 1.5e5 && b.break_even_failures == 24);
    assert_int_equal(b.cheaper, ITSM_KPI_CHEAPER_SPOT);
    /* With a base fee of 200,000: (1.2 M - 0.2 M) / 50,000 = 20; at 30 failures spot costs
     * 0.2 M + 1.5 M = 1.7 M > 1.2 M: fixed wins; at exactly 20 they are equal. */
    assert_itsm_ok(itsm_kpi_maintenance_break_even(&b, 30, 1.2e6, 5e4, 2e5));
    assert_true(b.break_even_failures == 20 && b.spot_cost == 1.7e6);
    assert_int_equal(b.cheaper, ITSM_KPI_CHEAPER_FIXED);
    assert_itsm_ok(itsm_kpi_maintenance_break_even(&b, 20, 1.2e6, 5e4, 2e5));
    assert_int_equal(b.cheaper, ITSM_KPI_CHEAPER_EQUAL);
    assert_itsm_error(itsm_kpi_maintenance_break_even(&b, 3, 1.2e6, 0, 0), ITSM_EINVAL,
                      "spot_cost_per_failure is 0");
    assert_itsm_error(itsm_kpi_maintenance_break_even(&b, -3, 1.2e6, 1, 0), ITSM_EINVAL, "failures_per_year");
    assert_itsm_error(itsm_kpi_maintenance_break_even(&b, 3, 1.2e6, 1, NAN), ITSM_EINVAL,
                      "spot_base_cost_per_year");
}

static void test_heinrich(void **state)
{
    (void)state;
    /* 2 major, 40 minor, 900 near misses: 1 : 20 : 450; near misses per minor 22.5. */
    itsm_kpi_heinrich h;
    assert_itsm_ok(itsm_kpi_heinrich_ratio(&h, 2, 40, 900));
    assert_rate(h.minor_per_major, 40, 2, 20);
    assert_rate(h.near_misses_per_major, 900, 2, 450);
    assert_rate(h.near_misses_per_minor, 900, 40, 22.5);
    assert_true(h.major == 2 && h.minor == 40 && h.near_misses == 900);
    /* No major incident yet: per-major ratios have no data. */
    assert_itsm_ok(itsm_kpi_heinrich_ratio(&h, 0, 5, 50));
    assert_no_data(h.minor_per_major, 5);
    assert_rate(h.near_misses_per_minor, 50, 5, 10);
    assert_itsm_error(itsm_kpi_heinrich_ratio(&h, 1, 2, -3), ITSM_EINVAL, "near_misses must not be negative");
}

static void test_function_inventory(void **state)
{
    (void)state;
    enum { ALL = ITSM_KPI_USAGE_ALL_WORK, OTHER = ITSM_KPI_USAGE_ALSO_OTHER, NOT = ITSM_KPI_USAGE_NOT_USED };
    /* Five functions, three ministries answering:
     * f0 ALL ALL ALL           -> KEEP
     * f1 ALL OTHER NOT         -> IMPROVE (someone also uses other means)
     * f2 NOT NOT NOT, logs 0   -> RETIRE
     * f3 NOT NOT NOT, logs 42  -> CHECK (the survey and the logs disagree)
     * f4 no answers            -> NO_ANSWERS */
    const int32_t function[] = {0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3};
    const int32_t answer[] = {ALL, ALL, ALL, ALL, OTHER, NOT, NOT, NOT, NOT, NOT, NOT, NOT};
    const int64_t logs[] = {5000, 800, 0, 42, 7};
    itsm_kpi_function_usage u[5];
    assert_itsm_ok(itsm_kpi_function_inventory(u, 5, function, answer, 12, logs, NULL));
    assert_int_equal(u[0].verdict, ITSM_KPI_VERDICT_KEEP);
    assert_int_equal(u[0].all_work, 3);
    assert_int_equal(u[1].verdict, ITSM_KPI_VERDICT_IMPROVE);
    assert_true(u[1].all_work == 1 && u[1].also_other == 1 && u[1].not_used == 1);
    assert_rate(u[1].not_used_share, 1, 3, 1.0 / 3.0);
    assert_rate(u[1].also_other_share, 1, 3, 1.0 / 3.0);
    assert_int_equal(u[2].verdict, ITSM_KPI_VERDICT_RETIRE);
    assert_int_equal(u[3].verdict, ITSM_KPI_VERDICT_CHECK);
    assert_int_equal(u[3].log_uses, 42);
    assert_int_equal(u[4].verdict, ITSM_KPI_VERDICT_NO_ANSWERS);
    assert_no_data(u[4].not_used_share, 0);
    /* Tolerating 50 log uses (test accounts, monitoring) makes f3 a retirement candidate. */
    itsm_kpi_inventory_options o = ITSM_KPI_INVENTORY_OPTIONS_INIT;
    o.retire_max_uses = 50;
    assert_itsm_ok(itsm_kpi_function_inventory(u, 5, function, answer, 12, logs, &o));
    assert_int_equal(u[3].verdict, ITSM_KPI_VERDICT_RETIRE);
    /* Without logs, "not used" by all is taken at its word. */
    assert_itsm_ok(itsm_kpi_function_inventory(u, 5, function, answer, 12, NULL, NULL));
    assert_int_equal(u[3].verdict, ITSM_KPI_VERDICT_RETIRE);
    assert_int_equal(u[3].log_uses, 0);
    const int32_t bad_answer[] = {ALL, 3};
    assert_itsm_error(itsm_kpi_function_inventory(u, 5, function, bad_answer, 2, logs, NULL), ITSM_EINVAL,
                      "answers[1] = 3 is not a code 0 .. 2");
    const int64_t bad_logs[] = {1, 2, -3, 4, 5};
    assert_itsm_error(itsm_kpi_function_inventory(u, 5, function, answer, 12, bad_logs, NULL), ITSM_EINVAL,
                      "log_uses[2] must not be negative");
    o.version = 99;
    assert_itsm_error(itsm_kpi_function_inventory(u, 5, function, answer, 12, logs, &o), ITSM_EVERSION,
                      "options version 99");
    o = (itsm_kpi_inventory_options)ITSM_KPI_INVENTORY_OPTIONS_INIT;
    o.retire_max_uses = -1;
    assert_itsm_error(itsm_kpi_function_inventory(u, 5, function, answer, 12, logs, &o), ITSM_EINVAL,
                      "retire_max_uses");
}

/* Nothing in kpi.h allocates: one scenario through every entry point counts no allocation. */
static void test_no_allocation(void **state)
{
    (void)state;
    itsm_test_chaos chaos;
    itsm_test_chaos_install(&chaos);
    chaos.fail_at = 0;
    itsm_kpi_rate r[3], total;
    const int32_t cat[] = {0, 1, 2};
    const double v[] = {1, 2, 3};
    itsm_kpi_effort e[3];
    itsm_kpi_function_usage u[3];
    itsm_kpi_heinrich h;
    itsm_kpi_break_even b;
    assert_itsm_ok(itsm_kpi_indicator_compute(r, ITSM_KPI_USER_SATISFACTION, 1, 2));
    assert_itsm_ok(itsm_kpi_share_by_category(r, &total, 3, cat, v, 3, cat, v, 3));
    assert_itsm_ok(itsm_kpi_mean_by_category(r, 3, cat, v, 3));
    assert_itsm_ok(itsm_kpi_effort_by_group(e, 3, cat, v, v, 3));
    assert_itsm_ok(itsm_kpi_function_inventory(u, 3, cat, cat, 3, NULL, NULL));
    assert_itsm_ok(itsm_kpi_heinrich_ratio(&h, 1, 2, 3));
    assert_itsm_ok(itsm_kpi_maintenance_break_even(&b, 1, 2, 3, 0));
    assert_int_equal(chaos.count, 0);
    assert_int_equal(chaos.failed, 0);
    assert_itsm_ok(itsm_set_allocator(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_indicator_catalogue), cmocka_unit_test(test_indicator_compute),
        cmocka_unit_test(test_named_rates),         cmocka_unit_test(test_share_by_category),
        cmocka_unit_test(test_means),               cmocka_unit_test(test_effort),
        cmocka_unit_test(test_incidents),           cmocka_unit_test(test_break_even),
        cmocka_unit_test(test_heinrich),            cmocka_unit_test(test_function_inventory),
        cmocka_unit_test(test_no_allocation),
    };
    return cmocka_run_group_tests(tests, itsm_test_group_setup, itsm_test_group_teardown);
}
