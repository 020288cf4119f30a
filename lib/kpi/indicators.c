/* The indicator catalogue: Reference 9-2 of the digital-government guidebook (chapter 9,
 * "主な指標とデータの関係例", nos. 1-15, formulas as printed there) and the online usage
 * rate of Reference 9-3, with the computation each formula stands for. */
#include "kpi/kpi_internal.h"

#include <stdio.h>

#define N_INDICATORS (ITSM_KPI_INDICATOR_LAST - ITSM_KPI_INDICATOR_FIRST + 1)

/* The reduction rates 12-15 share their shape: "(baseline year's X - this year's X) /
 * baseline year's X x 100". */
#define REDUCTION_EN(what) "(baseline year's annual " what " - this year's) / baseline year's x 100"

static const itsm_kpi_indicator_info catalogue[N_INDICATORS] = {
    {ITSM_KPI_USER_SATISFACTION, ITSM_KPI_KIND_SHARE, "user_satisfaction", "user satisfaction", "利用者満足度",
     "answers \"satisfied\" / all valid answers x 100", "「「満足」とした回答数」／「全有効回答数」×100", "%",
     "satisfied_answers", "valid_answers", "Reference 9-2 no. 1"},
    {ITSM_KPI_DESK_AVERAGE_HANDLING_TIME, ITSM_KPI_KIND_AVERAGE, "desk_average_handling_time",
     "average handling time at the help desk", "相談窓口の平均対応時間",
     "total handling time (min) / cases handled", "相談窓口の平均対応時間", "min/case", "handling_minutes", "cases",
     "Reference 9-2 no. 2"},
    {ITSM_KPI_DESK_RESOLUTION_RATE, ITSM_KPI_KIND_SHARE, "desk_resolution_rate",
     "complaint and consultation resolution rate at the desk", "相談窓口における苦情・相談解決率",
     "cases resolved at the desk / all complaints and consultations x 100",
     "「相談窓口で解決した件数」／「全苦情・相談件数」×100", "%", "resolved_at_desk", "complaints_and_consultations",
     "Reference 9-2 no. 3"},
    {ITSM_KPI_ESCALATION_REDUCTION_RATE, ITSM_KPI_KIND_REDUCTION, "escalation_reduction_rate",
     "escalation reduction rate at the desk", "相談窓口におけるエスカレーション件数の逓減率",
     "(previous year's escalations - this year's escalations) / previous year's escalations x 100",
     "(「前年度エスカレーション件数」－「当該年度エスカレーション件数」)／「前年度エスカレーション件数」×100", "%/year",
     "previous_year_escalations", "this_year_escalations", "Reference 9-2 no. 4"},
    {ITSM_KPI_COUNTER_APPLICATION_COST, ITSM_KPI_KIND_AMOUNT, "counter_application_cost",
     "cost of an application at the counter", "窓口申請に要する費用", "cost of an application at the counter",
     "窓口申請に要する費用", "yen", "cost", NULL, "Reference 9-2 no. 5"},
    {ITSM_KPI_ONLINE_APPLICATION_COST, ITSM_KPI_KIND_AMOUNT, "online_application_cost",
     "cost of an online application", "オンライン申請に要する費用", "cost of an online application",
     "オンライン申請に要する費用", "yen", "cost", NULL, "Reference 9-2 no. 6"},
    {ITSM_KPI_STAFF_SATISFACTION, ITSM_KPI_KIND_SHARE, "staff_satisfaction", "staff satisfaction", "職員満足度",
     "answers \"satisfied\" / all valid answers x 100", "「「満足」とした回答数」／「全有効回答数」×100", "%",
     "satisfied_answers", "valid_answers", "Reference 9-2 no. 7"},
    {ITSM_KPI_STAFF_COMPLAINTS, ITSM_KPI_KIND_AMOUNT, "staff_complaints", "staff complaints and consultations",
     "職員苦情・相談件数", "number of staff complaints and consultations", "職員苦情・相談件数", "cases",
     "complaints", NULL, "Reference 9-2 no. 8"},
    {ITSM_KPI_STAFF_COMPLAINT_RESOLUTION_TIME, ITSM_KPI_KIND_AVERAGE, "staff_complaint_resolution_time",
     "average time to resolve staff complaints", "職員苦情・相談解決までの平均時間",
     "total time to resolution (min) / complaints resolved", "苦情・相談解決までの平均時間", "min/case",
     "minutes_to_resolution", "complaints", "Reference 9-2 no. 9"},
    {ITSM_KPI_PROCESSING_TIME_SAVED, ITSM_KPI_KIND_DIFFERENCE, "processing_time_saved",
     "business processing time saved", "削減業務処理時間",
     "current processing time - processing time after the reform",
     "「現行業務処理時間」－「業務・サービス改革実施後の業務処理時間」", "h", "current_hours", "hours_after_reform",
     "Reference 9-2 no. 10"},
    {ITSM_KPI_COST_SAVED, ITSM_KPI_KIND_DIFFERENCE, "cost_saved", "cost saved", "削減経費",
     "cost before the reform - cost after the reform",
     "「業務・サービス改革実施前の経費」－「業務・サービス改革実施後の経費」", "yen", "cost_before_reform",
     "cost_after_reform", "Reference 9-2 no. 11"},
    {ITSM_KPI_DEVELOPMENT_COST_REDUCTION_RATE, ITSM_KPI_KIND_REDUCTION, "development_cost_reduction_rate",
     "development cost reduction rate", "開発経費削減率",
     "(baseline development cost - this development cost) / baseline development cost x 100",
     "(「基準開発経費」－「当該開発経費」)／「基準開発経費」×100", "%", "baseline_cost", "this_cost",
     "Reference 9-2 no. 12"},
    {ITSM_KPI_OPERATION_COST_REDUCTION_RATE, ITSM_KPI_KIND_REDUCTION, "operation_cost_reduction_rate",
     "operation cost reduction rate", "運用経費削減率", REDUCTION_EN("operation cost"),
     "(「基準年度年間運用経費」－「当該年度年間運用経費」)／「基準年度年間運用経費」×100", "%", "baseline_cost",
     "this_cost", "Reference 9-2 no. 13"},
    {ITSM_KPI_MAINTENANCE_COST_REDUCTION_RATE, ITSM_KPI_KIND_REDUCTION, "maintenance_cost_reduction_rate",
     "maintenance cost reduction rate", "保守経費削減率", REDUCTION_EN("maintenance cost"),
     "(「基準年度年間保守経費」－「当該年度年間保守経費」)／「基準年度年間保守経費」×100", "%", "baseline_cost",
     "this_cost", "Reference 9-2 no. 14"},
    {ITSM_KPI_OUTSOURCING_COST_REDUCTION_RATE, ITSM_KPI_KIND_REDUCTION, "outsourcing_cost_reduction_rate",
     "business and service outsourcing cost reduction rate", "業務・サービス委託経費削減率",
     REDUCTION_EN("outsourcing cost"),
     "(「基準年度年間委託経費」－「当該年度年間委託経費」)／「基準年度年間委託経費」×100", "%", "baseline_cost",
     "this_cost", "Reference 9-2 no. 15"},
    {ITSM_KPI_ONLINE_USAGE_RATE, ITSM_KPI_KIND_SHARE, "online_usage_rate", "online usage rate", "オンライン利用率",
     "online applications / all applications x 100", "オンライン申請件数／総申請等件数×100", "%",
     "online_applications", "all_applications", "Reference 9-3"},
};

static const itsm_kpi_indicator_info *find(itsm_kpi_indicator indicator)
{
    int k = (int)indicator;
    if (k < ITSM_KPI_INDICATOR_FIRST || k > ITSM_KPI_INDICATOR_LAST)
        return NULL;
    return &catalogue[k - ITSM_KPI_INDICATOR_FIRST];
}

itsm_status itsm_kpi_indicator_get_info(itsm_kpi_indicator_info *out, itsm_kpi_indicator indicator)
{
    ITSM__CHECK_ARG(out);
    const itsm_kpi_indicator_info *info = find(indicator);
    if (info == NULL)
        return itsm__error(ITSM_EINVAL, "%s: %d is not an indicator (expected %d .. %d)", __func__, (int)indicator,
                           ITSM_KPI_INDICATOR_FIRST, ITSM_KPI_INDICATOR_LAST);
    *out = *info;
    return ITSM_OK;
}

/* a / b of a total over a count: a total without cases is an error, not "no data". */
static int average(itsm_kpi_rate *out, double a, double b, const char *fn, const itsm_kpi_indicator_info *info)
{
    int rc = itsm__kpi_check_two(a, b, fn, info->operand_a, info->operand_b);
    if (rc == ITSM_OK && b == 0.0 && a > 0.0)
        rc = itsm__error(ITSM_EINVAL, "%s: %s is %g with 0 %s", fn, info->operand_a, a, info->operand_b);
    if (rc == ITSM_OK)
        *out = itsm__kpi_rate(a, b);
    return rc;
}

/* a alone (amounts) or a - b (differences), as a rate over 1. */
static int plain(itsm_kpi_rate *out, double a, double b, const char *fn, const itsm_kpi_indicator_info *info)
{
    int rc;
    if (info->kind == ITSM_KPI_KIND_AMOUNT) {
        rc = itsm__kpi_check_amount(a, fn, info->operand_a);
        if (rc == ITSM_OK && b != 0.0)
            rc = itsm__error(ITSM_EINVAL, "%s: %s is an amount (%s); b must be 0, got %g", fn, info->key,
                             info->operand_a, b);
    } else {
        rc = itsm__kpi_check_two(a, b, fn, info->operand_a, info->operand_b);
    }
    if (rc == ITSM_OK)
        *out = itsm__kpi_rate(info->kind == ITSM_KPI_KIND_AMOUNT ? a : a - b, 1.0);
    return rc;
}

itsm_status itsm_kpi_indicator_compute(itsm_kpi_rate *out, itsm_kpi_indicator indicator, double a, double b)
{
    ITSM__CHECK_ARG(out);
    const itsm_kpi_indicator_info *info = find(indicator);
    char fn[96];
    if (info == NULL)
        return itsm__error(ITSM_EINVAL, "%s: %d is not an indicator (expected %d .. %d)", __func__, (int)indicator,
                           ITSM_KPI_INDICATOR_FIRST, ITSM_KPI_INDICATOR_LAST);
    (void)snprintf(fn, sizeof fn, "%s(%s)", __func__, info->key);
    switch (info->kind) {
    case ITSM_KPI_KIND_SHARE:
        return itsm__kpi_share_named(out, a, b, fn, info->operand_a, info->operand_b);
    case ITSM_KPI_KIND_AVERAGE:
        return average(out, a, b, fn, info);
    case ITSM_KPI_KIND_REDUCTION:
        return itsm__kpi_reduction_named(out, a, b, fn, info->operand_a, info->operand_b);
    case ITSM_KPI_KIND_AMOUNT:
    case ITSM_KPI_KIND_DIFFERENCE:
        break;
    }
    return plain(out, a, b, fn, info);
}
