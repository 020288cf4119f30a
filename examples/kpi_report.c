/* itsm_kpi_report: the analyst's guide in C (docs/analyst-guide.md).
 *
 *   - KPIs: the help desk of Case 9-7 (self-resolution 60 % -> 90 %), Reference 9-3's
 *     online usage rate by user category, Case 9-6's PC failures and maintenance contract;
 *   - Case 9-8: two weeks of one-minute CPU samples whose daily mean looks idle, and the
 *     heat map cells where a five-minute nightly batch shows;
 *   - Step 3: a disk's growth and the day it will be full;
 *   - a JIS Q 20000 self-assessment of incident management (Table 16).
 * usage: itsm_kpi_report */
#include <itsm.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define DAYS 14
#define SAMPLES (DAYS * 1440)

static int fail(const char *what)
{
    fprintf(stderr, "itsm_kpi_report: %s: %s\n", what, itsm_error_last());
    return 1;
}

static int kpis(void)
{
    itsm_kpi_rate before, after, by[3], total;
    if (itsm_kpi_self_resolution_rate(&before, 300, 500) != ITSM_OK ||
        itsm_kpi_self_resolution_rate(&after, 450, 500) != ITSM_OK)
        return fail("self-resolution");
    printf("self-resolution rate (Case 9-7): %.0f %% -> %.0f %%\n", before.ratio * 100, after.ratio * 100);
    /* Reference 9-3: online applications per user category, all applications from another
     * system per the same categories (0 principal, 1 agent, 2 corporation). */
    const int32_t online[] = {0, 1, 2};
    const double online_n[] = {120, 30, 300};
    const double all_n[] = {400, 300, 500};
    if (itsm_kpi_share_by_category(by, &total, 3, online, online_n, 3, online, all_n, 3) != ITSM_OK)
        return fail("online usage");
    printf("online usage rate: principal %.0f %%, agent %.0f %%, corporation %.0f %%, all %.1f %% (%.0f/%.0f)\n",
           by[0].ratio * 100, by[1].ratio * 100, by[2].ratio * 100, total.ratio * 100, total.numerator,
           total.denominator);
    /* Case 9-6: 6 failures over 300 PCs in 2 years; fixed contract 1.2 M yen a year, spot
     * maintenance 50,000 yen a call. */
    itsm_kpi_rate failures;
    itsm_kpi_break_even b;
    if (itsm_kpi_failure_rate(&failures, 6, 300 * 2) != ITSM_OK ||
        itsm_kpi_maintenance_break_even(&b, failures.ratio * 300, 1.2e6, 5e4, 0) != ITSM_OK)
        return fail("maintenance");
    printf("failures %.3f per device-year: spot %.0f yen vs fixed %.0f yen a year (break-even %.0f failures): %s\n",
           failures.ratio, b.spot_cost, b.fixed_cost, b.break_even_failures,
           b.cheaper == ITSM_KPI_CHEAPER_SPOT ? "spot is cheaper" : "fixed is cheaper");
    return 0;
}

static int cpu_heat_map(const itsm_tz *tokyo)
{
    itsm_instant *t = malloc(SAMPLES * sizeof *t);
    double *cpu = malloc(SAMPLES * sizeof *cpu), *cells = malloc(SAMPLES * sizeof *cells);
    int rc = t == NULL || cpu == NULL || cells == NULL;
    itsm_instant start = 0;
    itsm_date first = {2024, 6, 3};
    if (rc == 0 && itsm_tz_start_of_day(&start, tokyo, first) != ITSM_OK)
        rc = fail("start of day");
    for (size_t i = 0; rc == 0 && i < SAMPLES; i++) {
        t[i] = start + (itsm_instant)i * 60;
        cpu[i] = i % 1440 >= 120 && i % 1440 < 125 ? 90.0 : 6.0 + (double)(i * 7919 % 300) / 100.0;
    }
    double mean[DAYS], peak[DAYS];
    int64_t count[DAYS];
    itsm_ts_grid days = {ITSM_TS_GRID_VERSION, 86400, tokyo, (int64_t)19877 * 86400, DAYS}; /* from 2024-06-03 */
    itsm_ts_stats st = ITSM_TS_STATS_INIT;
    st.count = count;
    st.mean = mean;
    st.max = peak;
    itsm_ts_heatmap_spec spec = {ITSM_TS_HEATMAP_VERSION, 60, tokyo, first, DAYS, ITSM_TS_AGG_MEAN};
    if (rc == 0 && (itsm_ts_resample(&st, &days, t, SAMPLES, cpu, 1) != ITSM_OK ||
                    itsm_ts_heatmap(cells, NULL, &spec, t, cpu, SAMPLES) != ITSM_OK))
        rc = fail("resample");
    if (rc == 0) {
        printf("CPU on %d days: daily mean %.1f %%, daily peak %.0f %%\n", DAYS, mean[0], peak[0]);
        int busy = 0, first_slot = -1;
        for (int slot = 0; slot < 1440; slot++) /* day 0's row of the heat map */
            if (cells[slot] > 50 && busy++ == 0)
                first_slot = slot;
        printf("heat map: %d minutes a day above 50 %%, from %02d:%02d\n", busy, first_slot / 60, first_slot % 60);
    }
    free(t);
    free(cpu);
    free(cells);
    return rc;
}

static int disk_trend(void)
{
    itsm_instant t[90];
    double used[90];
    for (int d = 0; d < 90; d++) {
        t[d] = (itsm_instant)(19723 + d) * 86400; /* 2024-01-01 + d, UTC */
        used[d] = 412 + 1.8 * d + (d % 3 - 1) * 1.5;
    }
    itsm_ts_trend fit;
    itsm_ts_crossing full;
    char when[ITSM_INSTANT_TEXT_SIZE];
    if (itsm_ts_trend_fit(&fit, t, used, 90) != ITSM_OK ||
        itsm_ts_trend_crossing(&full, &fit, 1000, ITSM_TS_RISING, fit.last) != ITSM_OK ||
        itsm_instant_format(when, sizeof when, full.at, NULL) != ITSM_OK)
        return fail("trend");
    printf("disk: %+.2f GB/day, r2 %.4f; 1000 GB on %.10s\n", fit.slope * 86400, fit.r2, when);
    return 0;
}

static int maturity(void)
{
    itsm_maturity_model *model = NULL;
    itsm_maturity_assessment *a = NULL;
    int rc = itsm_maturity_model_builtin(&model) != ITSM_OK || itsm_maturity_assessment_new(&a, model) != ITSM_OK;
    static const char *const items[] = {"8.2.1", "8.2.2", "8.2.3", "8.2.4"};
    static const int32_t levels[] = {2, 3, 2, 3};
    for (size_t i = 0; rc == 0 && i < 4; i++)
        rc = itsm_maturity_assessment_set(a, items[i], levels[i], 3) != ITSM_OK;
    size_t k = 0;
    itsm_maturity_summary s;
    itsm_maturity_item_result r;
    if (rc == 0)
        rc = itsm_maturity_item_find(&k, model, "8.2.3") != ITSM_OK ||
             itsm_maturity_assessment_process(&s, a, 8) != ITSM_OK ||
             itsm_maturity_assessment_item(&r, a, k) != ITSM_OK;
    if (rc == 0) {
        printf("incident management (8.2): L%d (weakest item), mean %.2f, %zu of %zu below target\n", (int)s.level,
               s.mean_level, s.below_target, s.with_target);
        printf("8.2.3 next step: L%d %s\n", (int)r.next_level, r.next_step.en);
    } else {
        fail("maturity");
    }
    itsm_maturity_assessment_free(a);
    itsm_maturity_model_free(model);
    return rc;
}

int main(void)
{
    itsm_tz *tokyo = NULL;
    if (itsm_tz_load(&tokyo, "Asia/Tokyo", NULL) != ITSM_OK)
        return fail("Asia/Tokyo");
    int rc = kpis() || cpu_heat_map(tokyo) || disk_trend() || maturity();
    itsm_tz_free(tokyo);
    return rc;
}
