/* Maintenance judgments: classification, Table 10 cell by cell, the rules around it,
 * the civil-code regime, customization classes, Table 8, error paths, no allocation. */
#include "itsm_test.h"

static itsm_defect_result determine(const itsm_defect_facts *f)
{
    itsm_defect_result r;
    memset(&r, 0xff, sizeof r);
    assert_itsm_ok(itsm_maint_defect_determine(&r, f));
    return r;
}

/* One cell of Table 10: type x origin x inside/outside the warranty period. */
static void cell(itsm_maint_type type, itsm_mr_origin origin, int inside, itsm_defect_verdict verdict,
                 itsm_maint_reason reason, int line)
{
    itsm_defect_facts f = ITSM_DEFECT_FACTS_INIT;
    f.type = type;
    f.origin = origin;
    f.inside_warranty = inside;
    itsm_defect_result r = determine(&f);
    if (r.verdict != verdict || r.reason != reason) {
        print_error("line %d: type %d origin %d inside %d: verdict %d reason %d, expected %d %d\n", line, (int)type,
                    (int)origin, inside, (int)r.verdict, (int)r.reason, (int)verdict, (int)reason);
        fail();
    }
}
#define CELL(t, o, in, v, why)                                                                             \
    cell(ITSM_MAINT_##t, ITSM_MR_ORIGIN_##o, in, ITSM_VERDICT_##v, ITSM_MAINT_R_##why, __LINE__)

static void test_table10_correction_rows(void **state)
{
    (void)state;
    /* 是正保守  × ○ △ */
    CELL(CORRECTIVE, USER, 1, NOT_DEFECT, USER_ORIGIN);
    CELL(CORRECTIVE, VENDOR, 1, DEFECT, VENDOR_CORRECTION_IN_WARRANTY);
    CELL(CORRECTIVE, THIRD_PARTY, 1, DEPENDS_ON_CONTRACT, THIRD_PARTY_ORIGIN);
    CELL(CORRECTIVE, USER, 0, NOT_DEFECT, USER_ORIGIN);
    CELL(CORRECTIVE, VENDOR, 0, OUT_OF_WARRANTY, VENDOR_CORRECTION_OUT_OF_WARRANTY);
    CELL(CORRECTIVE, THIRD_PARTY, 0, OUT_OF_WARRANTY, THIRD_PARTY_OUT_OF_WARRANTY);
    /* 緊急保守 is part of 是正保守: the same row */
    CELL(EMERGENCY, USER, 1, NOT_DEFECT, USER_ORIGIN);
    CELL(EMERGENCY, VENDOR, 1, DEFECT, VENDOR_CORRECTION_IN_WARRANTY);
    CELL(EMERGENCY, THIRD_PARTY, 1, DEPENDS_ON_CONTRACT, THIRD_PARTY_ORIGIN);
    CELL(EMERGENCY, USER, 0, NOT_DEFECT, USER_ORIGIN);
    CELL(EMERGENCY, VENDOR, 0, OUT_OF_WARRANTY, VENDOR_CORRECTION_OUT_OF_WARRANTY);
    CELL(EMERGENCY, THIRD_PARTY, 0, OUT_OF_WARRANTY, THIRD_PARTY_OUT_OF_WARRANTY);
    /* 予防保守  × ○ △ */
    CELL(PREVENTIVE, USER, 1, NOT_DEFECT, USER_ORIGIN);
    CELL(PREVENTIVE, VENDOR, 1, DEFECT, VENDOR_CORRECTION_IN_WARRANTY);
    CELL(PREVENTIVE, THIRD_PARTY, 1, DEPENDS_ON_CONTRACT, THIRD_PARTY_ORIGIN);
    CELL(PREVENTIVE, USER, 0, NOT_DEFECT, USER_ORIGIN);
    CELL(PREVENTIVE, VENDOR, 0, OUT_OF_WARRANTY, VENDOR_CORRECTION_OUT_OF_WARRANTY);
    CELL(PREVENTIVE, THIRD_PARTY, 0, OUT_OF_WARRANTY, THIRD_PARTY_OUT_OF_WARRANTY);
}

static void test_table10_enhancement_rows(void **state)
{
    (void)state;
    /* 適応保守 × × × */
    CELL(ADAPTIVE, USER, 1, NOT_DEFECT, ENHANCEMENT);
    CELL(ADAPTIVE, VENDOR, 1, NOT_DEFECT, ENHANCEMENT);
    CELL(ADAPTIVE, THIRD_PARTY, 1, NOT_DEFECT, ENHANCEMENT);
    CELL(ADAPTIVE, USER, 0, NOT_DEFECT, ENHANCEMENT);
    CELL(ADAPTIVE, VENDOR, 0, NOT_DEFECT, ENHANCEMENT);
    CELL(ADAPTIVE, THIRD_PARTY, 0, NOT_DEFECT, ENHANCEMENT);
    /* 完全化保守 × × × */
    CELL(PERFECTIVE, USER, 1, NOT_DEFECT, ENHANCEMENT);
    CELL(PERFECTIVE, VENDOR, 1, NOT_DEFECT, ENHANCEMENT);
    CELL(PERFECTIVE, THIRD_PARTY, 1, NOT_DEFECT, ENHANCEMENT);
    CELL(PERFECTIVE, USER, 0, NOT_DEFECT, ENHANCEMENT);
    CELL(PERFECTIVE, VENDOR, 0, NOT_DEFECT, ENHANCEMENT);
    CELL(PERFECTIVE, THIRD_PARTY, 0, NOT_DEFECT, ENHANCEMENT);
    /* additive (2022) is an enhancement too */
    CELL(ADDITIVE, USER, 1, NOT_DEFECT, ENHANCEMENT);
    CELL(ADDITIVE, VENDOR, 1, NOT_DEFECT, ENHANCEMENT);
    CELL(ADDITIVE, THIRD_PARTY, 1, NOT_DEFECT, ENHANCEMENT);
    CELL(ADDITIVE, USER, 0, NOT_DEFECT, ENHANCEMENT);
    CELL(ADDITIVE, VENDOR, 0, NOT_DEFECT, ENHANCEMENT);
    CELL(ADDITIVE, THIRD_PARTY, 0, NOT_DEFECT, ENHANCEMENT);
}

static void test_emergency_counts_as_corrective(void **state)
{
    (void)state;
    itsm_defect_facts f = ITSM_DEFECT_FACTS_INIT;
    f.type = ITSM_MAINT_EMERGENCY;
    f.origin = ITSM_MR_ORIGIN_VENDOR;
    f.inside_warranty = 1;
    itsm_defect_result r = determine(&f);
    assert_int_equal(r.effective_type, ITSM_MAINT_CORRECTIVE);
    assert_int_equal(r.effective_origin, ITSM_MR_ORIGIN_VENDOR);
    itsm_maint_class c;
    assert_itsm_ok(itsm_maint_type_class(&c, ITSM_MAINT_EMERGENCY));
    assert_int_equal(c, ITSM_MAINT_CLASS_CORRECTION);
}

static void test_unknown_origin(void **state)
{
    (void)state;
    itsm_defect_facts f = ITSM_DEFECT_FACTS_INIT;
    f.origin = ITSM_MR_ORIGIN_UNKNOWN;
    f.inside_warranty = 1;
    /* written in the documents and not realized: corrective, vendor, defect */
    f.coverage = ITSM_DOC_SPECIFIED_NOT_REALIZED;
    for (int t = ITSM_MAINT_CORRECTIVE; t <= ITSM_MAINT_ADDITIVE; t++) {
        f.type = (itsm_maint_type)t;
        itsm_defect_result r = determine(&f);
        assert_int_equal(r.verdict, ITSM_VERDICT_DEFECT);
        assert_int_equal(r.reason, ITSM_MAINT_R_SPEC_NOT_REALIZED);
        assert_int_equal(r.effective_type, ITSM_MAINT_CORRECTIVE);
        assert_int_equal(r.effective_origin, ITSM_MR_ORIGIN_VENDOR);
    }
    f.type = ITSM_MAINT_CORRECTIVE;
    f.inside_warranty = 0;
    itsm_defect_result r = determine(&f);
    assert_int_equal(r.verdict, ITSM_VERDICT_OUT_OF_WARRANTY);
    assert_int_equal(r.reason, ITSM_MAINT_R_SPEC_NOT_REALIZED_OUT_OF_WARRANTY);
    /* silent or ambiguous documents: undetermined, never a guess */
    f.inside_warranty = 1;
    f.coverage = ITSM_DOC_NOT_SPECIFIED;
    r = determine(&f);
    assert_int_equal(r.verdict, ITSM_VERDICT_UNDETERMINED);
    assert_int_equal(r.reason, ITSM_MAINT_R_DOCS_SILENT_OR_AMBIGUOUS);
    assert_int_equal(r.effective_origin, ITSM_MR_ORIGIN_UNKNOWN);
    f.coverage = ITSM_DOC_AMBIGUOUS;
    f.type = ITSM_MAINT_PREVENTIVE;
    r = determine(&f);
    assert_int_equal(r.verdict, ITSM_VERDICT_UNDETERMINED);
    assert_int_equal(r.reason, ITSM_MAINT_R_DOCS_SILENT_OR_AMBIGUOUS);
    f.inside_warranty = 0;
    r = determine(&f);
    assert_int_equal(r.verdict, ITSM_VERDICT_UNDETERMINED);
    /* documents not assessed yet */
    f.coverage = ITSM_DOC_NOT_ASSESSED;
    r = determine(&f);
    assert_int_equal(r.verdict, ITSM_VERDICT_UNDETERMINED);
    assert_int_equal(r.reason, ITSM_MAINT_R_ORIGIN_UNKNOWN);
    /* an enhancement row is × in every column, so an unknown origin does not matter */
    f.type = ITSM_MAINT_ADAPTIVE;
    f.coverage = ITSM_DOC_AMBIGUOUS;
    r = determine(&f);
    assert_int_equal(r.verdict, ITSM_VERDICT_NOT_DEFECT);
    assert_int_equal(r.reason, ITSM_MAINT_R_ENHANCEMENT);
    /* for a known origin the coverage is not consulted */
    f.type = ITSM_MAINT_CORRECTIVE;
    f.origin = ITSM_MR_ORIGIN_USER;
    f.coverage = ITSM_DOC_SPECIFIED_NOT_REALIZED;
    f.inside_warranty = 1;
    r = determine(&f);
    assert_int_equal(r.verdict, ITSM_VERDICT_NOT_DEFECT);
}

static void test_security_countermeasure(void **state)
{
    (void)state;
    itsm_defect_facts f = ITSM_DEFECT_FACTS_INIT;
    f.security_countermeasure = 1;
    f.inside_warranty = 1;
    f.origin = ITSM_MR_ORIGIN_THIRD_PARTY;
    static const itsm_maint_type corrections[] = {ITSM_MAINT_CORRECTIVE, ITSM_MAINT_EMERGENCY, ITSM_MAINT_PREVENTIVE};
    for (size_t i = 0; i < 3; i++) {
        f.type = corrections[i];
        itsm_defect_result r = determine(&f);
        assert_int_equal(r.verdict, ITSM_VERDICT_DEPENDS_ON_CONTRACT);
        assert_int_equal(r.reason, ITSM_MAINT_R_SECURITY_COUNTERMEASURE);
    }
    /* never ○, even when the vendor's code had the hole */
    f.type = ITSM_MAINT_PREVENTIVE;
    f.origin = ITSM_MR_ORIGIN_VENDOR;
    itsm_defect_result r = determine(&f);
    assert_int_equal(r.verdict, ITSM_VERDICT_DEPENDS_ON_CONTRACT);
    assert_int_equal(r.reason, ITSM_MAINT_R_SECURITY_COUNTERMEASURE);
    /* nor for any combination */
    for (int t = 0; t <= ITSM_MAINT_ADDITIVE; t++)
        for (int o = 0; o <= ITSM_MR_ORIGIN_UNKNOWN; o++)
            for (int in = 0; in <= 1; in++)
                for (int c = 0; c <= ITSM_DOC_AMBIGUOUS; c++) {
                    f.type = (itsm_maint_type)t;
                    f.origin = (itsm_mr_origin)o;
                    f.inside_warranty = in;
                    f.coverage = (itsm_doc_coverage)c;
                    r = determine(&f);
                    /* unknown origin included: a spec not realized is still no plain ○ */
                    assert_int_not_equal(r.verdict, ITSM_VERDICT_DEFECT);
                }
    /* a user-caused one stays × */
    f.type = ITSM_MAINT_PREVENTIVE;
    f.origin = ITSM_MR_ORIGIN_USER;
    f.inside_warranty = 1;
    r = determine(&f);
    assert_int_equal(r.verdict, ITSM_VERDICT_NOT_DEFECT);
}

static void cost(int inside, int contract, itsm_investigation inv, itsm_cost_bearer expected)
{
    itsm_cost_bearer b;
    assert_itsm_ok(itsm_maint_investigation_cost(&b, inside, contract, inv));
    assert_int_equal(b, expected);
}

static void test_investigation_cost(void **state)
{
    (void)state;
    /* inside the warranty period the vendor bears it ... */
    cost(1, 1, ITSM_INVESTIGATION_FOUND_DEFECT, ITSM_COST_VENDOR);
    cost(1, 1, ITSM_INVESTIGATION_FOUND_NO_DEFECT, ITSM_COST_VENDOR);
    cost(1, 1, ITSM_INVESTIGATION_NOT_DONE, ITSM_COST_VENDOR);
    cost(1, 0, ITSM_INVESTIGATION_FOUND_DEFECT, ITSM_COST_VENDOR);
    cost(1, 0, ITSM_INVESTIGATION_NOT_DONE, ITSM_COST_VENDOR);
    /* ... except: no application maintenance contract and no defect found */
    cost(1, 0, ITSM_INVESTIGATION_FOUND_NO_DEFECT, ITSM_COST_USER);
    /* outside the period the guideline leaves it to the contract */
    cost(0, 0, ITSM_INVESTIGATION_FOUND_NO_DEFECT, ITSM_COST_DEPENDS_ON_CONTRACT);
    cost(0, 1, ITSM_INVESTIGATION_FOUND_DEFECT, ITSM_COST_DEPENDS_ON_CONTRACT);
    cost(0, 0, ITSM_INVESTIGATION_NOT_DONE, ITSM_COST_DEPENDS_ON_CONTRACT);

    /* through the determination */
    itsm_defect_facts f = ITSM_DEFECT_FACTS_INIT;
    f.origin = ITSM_MR_ORIGIN_USER;
    f.inside_warranty = 1;
    f.investigation = ITSM_INVESTIGATION_FOUND_NO_DEFECT;
    assert_int_equal(determine(&f).investigation_cost, ITSM_COST_USER);
    f.has_application_maintenance_contract = 1;
    assert_int_equal(determine(&f).investigation_cost, ITSM_COST_VENDOR);
    f.origin = ITSM_MR_ORIGIN_VENDOR;
    f.has_application_maintenance_contract = 0;
    f.investigation = ITSM_INVESTIGATION_NOT_DONE;
    assert_int_equal(determine(&f).investigation_cost, ITSM_COST_VENDOR);
    assert_itsm_error(itsm_maint_investigation_cost(NULL, 1, 1, ITSM_INVESTIGATION_NOT_DONE), ITSM_EINVAL, "out");
    itsm_cost_bearer b;
    assert_itsm_error(itsm_maint_investigation_cost(&b, 1, 1, (itsm_investigation)3), ITSM_EINVAL, "investigation");
}

static void test_statute_modifiers(void **state)
{
    (void)state;
    itsm_defect_facts f = ITSM_DEFECT_FACTS_INIT;
    f.origin = ITSM_MR_ORIGIN_VENDOR;
    f.inside_warranty = 1;
    /* 636条: customer material or instructions */
    f.customer_material = 1;
    itsm_defect_result r = determine(&f);
    assert_int_equal(r.verdict, ITSM_VERDICT_NOT_DEFECT);
    assert_int_equal(r.reason, ITSM_MAINT_R_CUSTOMER_MATERIAL);
    f.vendor_knew_unsuitable = 1;
    r = determine(&f);
    assert_int_equal(r.verdict, ITSM_VERDICT_DEFECT);
    f.customer_material = 0;
    f.vendor_knew_unsuitable = 0;
    /* contract kinds */
    f.contract_kind = ITSM_CONTRACT_QUASI_MANDATE;
    r = determine(&f);
    assert_int_equal(r.verdict, ITSM_VERDICT_DEPENDS_ON_CONTRACT);
    assert_int_equal(r.reason, ITSM_MAINT_R_QUASI_MANDATE);
    f.contract_kind = ITSM_CONTRACT_QUASI_MANDATE_RESULT;
    assert_int_equal(determine(&f).verdict, ITSM_VERDICT_DEFECT);
    f.contract_kind = ITSM_CONTRACT_WORK;
    assert_int_equal(determine(&f).verdict, ITSM_VERDICT_DEFECT);
    /* the statute never adds a ○ */
    f.contract_kind = ITSM_CONTRACT_QUASI_MANDATE;
    f.origin = ITSM_MR_ORIGIN_USER;
    assert_int_equal(determine(&f).verdict, ITSM_VERDICT_NOT_DEFECT);
    /* the regime travels with the result */
    f.contract_date = (itsm_date){2020, 3, 31};
    assert_int_equal(determine(&f).regime, ITSM_CIVIL_REGIME_OLD);
    f.contract_date = (itsm_date){2020, 4, 1};
    assert_int_equal(determine(&f).regime, ITSM_CIVIL_REGIME_CURRENT);
    f.contract_date = (itsm_date){0, 0, 0};
    assert_int_equal(determine(&f).regime, ITSM_CIVIL_REGIME_UNKNOWN);
}

static void test_civil_regime(void **state)
{
    (void)state;
    itsm_civil_regime g;
    assert_itsm_ok(itsm_maint_civil_regime(&g, (itsm_date){2020, 3, 31}));
    assert_int_equal(g, ITSM_CIVIL_REGIME_OLD);
    assert_itsm_ok(itsm_maint_civil_regime(&g, (itsm_date){2020, 4, 1}));
    assert_int_equal(g, ITSM_CIVIL_REGIME_CURRENT);
    assert_itsm_ok(itsm_maint_civil_regime(&g, (itsm_date){1900, 1, 1}));
    assert_int_equal(g, ITSM_CIVIL_REGIME_OLD);
    assert_itsm_ok(itsm_maint_civil_regime(&g, (itsm_date){2019, 12, 31}));
    assert_int_equal(g, ITSM_CIVIL_REGIME_OLD);
    assert_itsm_ok(itsm_maint_civil_regime(&g, (itsm_date){2021, 1, 1}));
    assert_int_equal(g, ITSM_CIVIL_REGIME_CURRENT);
    const char *s;
    assert_itsm_ok(itsm_maint_civil_term(&s, ITSM_CIVIL_REGIME_OLD, ITSM_MAINT_LANG_JA));
    assert_string_equal(s, "瑕疵担保責任");
    assert_itsm_ok(itsm_maint_civil_term(&s, ITSM_CIVIL_REGIME_CURRENT, ITSM_MAINT_LANG_JA));
    assert_string_equal(s, "契約不適合責任");
    assert_itsm_error(itsm_maint_civil_regime(&g, (itsm_date){2020, 2, 30}), ITSM_ERANGE, "contract_date");
    assert_itsm_error(itsm_maint_civil_regime(&g, (itsm_date){0, 0, 0}), ITSM_EINVAL, "contract_date");
    assert_itsm_error(itsm_maint_civil_regime(NULL, (itsm_date){2020, 4, 1}), ITSM_EINVAL, "out");
    assert_itsm_error(itsm_maint_civil_term(&s, (itsm_civil_regime)3, ITSM_MAINT_LANG_EN), ITSM_EINVAL, "regime");
}

static itsm_claim_result claim(itsm_date contract, itsm_date delivery, itsm_date known, itsm_date notice, int32_t days,
                               int knew)
{
    itsm_claim_facts f = ITSM_CLAIM_FACTS_INIT;
    f.contract_date = contract;
    f.delivery_date = delivery;
    f.known_date = known;
    f.notice_date = notice;
    f.contract_warranty_days = days;
    f.vendor_knew = knew;
    itsm_claim_result r;
    assert_itsm_ok(itsm_maint_claim_check(&r, &f));
    return r;
}

static void assert_date(itsm_date d, int32_t y, int32_t m, int32_t day)
{
    assert_int_equal(d.year, y);
    assert_int_equal(d.month, m);
    assert_int_equal(d.day, day);
}

static void test_claim_periods(void **state)
{
    (void)state;
    const itsm_date none = {0, 0, 0};
    /* old regime: 1 year from delivery, the last day included */
    itsm_claim_result r = claim((itsm_date){2020, 3, 31}, (itsm_date){2020, 6, 1}, none, (itsm_date){2021, 6, 1}, 0, 0);
    assert_int_equal(r.regime, ITSM_CIVIL_REGIME_OLD);
    assert_int_equal(r.reason, ITSM_MAINT_R_CLAIM_OLD_DELIVERY_1Y);
    assert_date(r.deadline, 2021, 6, 1);
    assert_true(r.in_time);
    r = claim((itsm_date){2020, 3, 31}, (itsm_date){2020, 6, 1}, none, (itsm_date){2021, 6, 2}, 0, 0);
    assert_false(r.in_time);
    /* current regime: 1 year from knowing, however late after delivery (within 10 years) */
    r = claim((itsm_date){2020, 4, 1}, (itsm_date){2020, 6, 1}, (itsm_date){2023, 2, 10}, (itsm_date){2024, 2, 10}, 0,
              0);
    assert_int_equal(r.regime, ITSM_CIVIL_REGIME_CURRENT);
    assert_int_equal(r.reason, ITSM_MAINT_R_CLAIM_NOTICE_1Y);
    assert_date(r.deadline, 2024, 2, 10);
    assert_true(r.in_time);
    r = claim((itsm_date){2020, 4, 1}, (itsm_date){2020, 6, 1}, (itsm_date){2023, 2, 10}, (itsm_date){2024, 2, 11}, 0,
              0);
    assert_false(r.in_time);
    /* a Feb 29 start ends on Feb 28 */
    r = claim((itsm_date){2020, 4, 1}, (itsm_date){2020, 6, 1}, (itsm_date){2024, 2, 29}, (itsm_date){2025, 2, 28}, 0,
              0);
    assert_date(r.deadline, 2025, 2, 28);
    assert_true(r.in_time);
    /* 10 years from delivery bind when learned late */
    r = claim((itsm_date){2020, 4, 1}, (itsm_date){2020, 6, 1}, (itsm_date){2030, 1, 10}, (itsm_date){2030, 5, 1}, 0,
              0);
    assert_int_equal(r.reason, ITSM_MAINT_R_CLAIM_EXERCISABLE_10Y);
    assert_date(r.deadline, 2030, 6, 1);
    assert_true(r.in_time);
    /* 637条2項: the vendor knew; then 5 years from knowing */
    r = claim((itsm_date){2020, 4, 1}, (itsm_date){2020, 6, 1}, (itsm_date){2021, 1, 10}, (itsm_date){2024, 1, 10}, 0,
              1);
    assert_int_equal(r.reason, ITSM_MAINT_R_CLAIM_KNOWN_5Y);
    assert_date(r.deadline, 2026, 1, 10);
    assert_true(r.in_time);
    /* a contract period replaces the statute, in both regimes */
    r = claim((itsm_date){2019, 4, 1}, (itsm_date){2020, 6, 1}, none, (itsm_date){2020, 9, 1}, 90, 0);
    assert_int_equal(r.reason, ITSM_MAINT_R_CLAIM_CONTRACT_PERIOD);
    assert_date(r.deadline, 2020, 8, 30);
    assert_false(r.in_time);
    r = claim((itsm_date){2021, 4, 1}, (itsm_date){2021, 6, 1}, (itsm_date){2021, 7, 1}, (itsm_date){2022, 6, 1}, 365,
              0);
    assert_int_equal(r.reason, ITSM_MAINT_R_CLAIM_CONTRACT_PERIOD);
    assert_true(r.in_time);

    itsm_claim_facts f = ITSM_CLAIM_FACTS_INIT;
    f.contract_date = (itsm_date){2021, 4, 1};
    f.delivery_date = (itsm_date){2021, 6, 1};
    f.notice_date = (itsm_date){2021, 7, 1};
    assert_itsm_error(itsm_maint_claim_check(&r, &f), ITSM_EINVAL, "known_date");
    f.known_date = (itsm_date){2021, 5, 1};
    assert_itsm_error(itsm_maint_claim_check(&r, &f), ITSM_EINVAL, "known_date is before delivery_date");
    f.known_date = (itsm_date){2021, 8, 1};
    assert_itsm_error(itsm_maint_claim_check(&r, &f), ITSM_EINVAL, "notice_date is before known_date");
    f.known_date = (itsm_date){2021, 7, 1};
    f.contract_warranty_days = -1;
    assert_itsm_error(itsm_maint_claim_check(&r, &f), ITSM_EINVAL, "contract_warranty_days");
    f.contract_warranty_days = 0;
    f.delivery_date = (itsm_date){2021, 13, 1};
    assert_itsm_error(itsm_maint_claim_check(&r, &f), ITSM_ERANGE, "delivery_date");
    f.delivery_date = (itsm_date){2195, 6, 1};
    f.known_date = (itsm_date){2195, 7, 1};
    f.notice_date = (itsm_date){2195, 7, 2};
    assert_itsm_error(itsm_maint_claim_check(&r, &f), ITSM_ERANGE, "delivery_date");
    f.version = 0;
    assert_itsm_error(itsm_maint_claim_check(&r, &f), ITSM_EVERSION, "version");
    f.version = ITSM_CLAIM_FACTS_VERSION + 1;
    assert_itsm_error(itsm_maint_claim_check(&r, &f), ITSM_EVERSION, "version");
    assert_itsm_error(itsm_maint_claim_check(NULL, &f), ITSM_EINVAL, "out");
    assert_itsm_error(itsm_maint_claim_check(&r, NULL), ITSM_EINVAL, "facts");
}

/* ---- 民法142条: deadlines on days without business ------------------------------------------- */

/* Current regime, notice within 1 year of knowing: the period ends on known + 1 year. */
static itsm_claim_result claim_ex(itsm_claim_shift *shift, itsm_date known, itsm_date notice,
                                  const itsm_claim_options *o)
{
    itsm_claim_facts f = ITSM_CLAIM_FACTS_INIT;
    f.contract_date = (itsm_date){2021, 4, 1};
    f.delivery_date = (itsm_date){2021, 6, 1};
    f.known_date = known;
    f.notice_date = notice;
    itsm_claim_result r;
    assert_itsm_ok(itsm_maint_claim_check_ex(&r, shift, &f, o));
    assert_int_equal(r.reason, ITSM_MAINT_R_CLAIM_NOTICE_1Y);
    return r;
}

static void test_claim_day_shift(void **state)
{
    (void)state;
    itsm_claim_shift sh;
    /* 2025-06-01 is a Sunday: the period ends on Monday 06-02 */
    itsm_claim_result r = claim_ex(&sh, (itsm_date){2024, 6, 1}, (itsm_date){2025, 6, 2}, NULL);
    assert_date(sh.period_end, 2025, 6, 1);
    assert_date(r.deadline, 2025, 6, 2);
    assert_int_equal(sh.days, 1);
    assert_true(r.in_time);
    r = claim_ex(&sh, (itsm_date){2024, 6, 1}, (itsm_date){2025, 6, 3}, NULL);
    assert_false(r.in_time);
    /* ... which the plain check does not do */
    itsm_claim_result plain = claim((itsm_date){2021, 4, 1}, (itsm_date){2021, 6, 1}, (itsm_date){2024, 6, 1},
                                    (itsm_date){2025, 6, 2}, 0, 0);
    assert_date(plain.deadline, 2025, 6, 1);
    assert_false(plain.in_time);
    /* Sunday 2024-02-11 建国記念の日, Monday 02-12 振替休日: Tuesday 02-13 */
    r = claim_ex(&sh, (itsm_date){2023, 2, 11}, (itsm_date){2024, 2, 13}, NULL);
    assert_date(r.deadline, 2024, 2, 13);
    assert_int_equal(sh.days, 2);
    assert_true(r.in_time);
    r = claim_ex(&sh, (itsm_date){2023, 2, 11}, (itsm_date){2024, 2, 14}, NULL);
    assert_false(r.in_time);
    /* Golden Week 2025: Sat 05-03 憲法記念日 .. Tue 05-06 振替休日: Wednesday 05-07 */
    r = claim_ex(&sh, (itsm_date){2024, 5, 3}, (itsm_date){2025, 5, 7}, NULL);
    assert_date(sh.period_end, 2025, 5, 3);
    assert_date(r.deadline, 2025, 5, 7);
    assert_int_equal(sh.days, 4);
    assert_true(r.in_time);
    /* a plain Saturday (2025-05-10) ends the period unless Saturdays are asked for */
    r = claim_ex(&sh, (itsm_date){2024, 5, 10}, (itsm_date){2025, 5, 12}, NULL);
    assert_date(r.deadline, 2025, 5, 10);
    assert_int_equal(sh.days, 0);
    assert_false(r.in_time);
    itsm_claim_options o = ITSM_CLAIM_OPTIONS_INIT;
    o.saturday_closed = 1;
    r = claim_ex(&sh, (itsm_date){2024, 5, 10}, (itsm_date){2025, 5, 12}, &o);
    assert_date(r.deadline, 2025, 5, 12);
    assert_int_equal(sh.days, 2);
    assert_true(r.in_time);
    /* the year-end closing 12/29 .. 1/3 is not in the law: only with other_holidays */
    r = claim_ex(&sh, (itsm_date){2024, 12, 29}, (itsm_date){2025, 12, 30}, NULL);
    assert_date(r.deadline, 2025, 12, 29);
    assert_false(r.in_time);
    itsm_holiday_set *year_end = NULL;
    assert_itsm_ok(itsm_holiday_set_builtin(&year_end, "jp-year-end"));
    o = (itsm_claim_options)ITSM_CLAIM_OPTIONS_INIT;
    o.other_holidays = year_end;
    /* Mon 2025-12-29 .. Sat 2026-01-03 closed, Sun 01-04: Monday 2026-01-05 */
    r = claim_ex(&sh, (itsm_date){2024, 12, 29}, (itsm_date){2026, 1, 5}, &o);
    assert_date(r.deadline, 2026, 1, 5);
    assert_int_equal(sh.days, 7);
    assert_true(r.in_time);
    itsm_holiday_set_free(year_end);
    /* the parties agreed otherwise */
    o = (itsm_claim_options)ITSM_CLAIM_OPTIONS_INIT;
    o.no_day_shift = 1;
    r = claim_ex(&sh, (itsm_date){2023, 2, 11}, (itsm_date){2024, 2, 12}, &o);
    assert_date(r.deadline, 2024, 2, 11);
    assert_int_equal(sh.days, 0);
    assert_false(r.in_time);
    /* the old regime's 1 year from delivery moves too: 2020-02-11 (Tue) 建国記念の日 */
    itsm_claim_facts f = ITSM_CLAIM_FACTS_INIT;
    f.contract_date = (itsm_date){2018, 4, 1};
    f.delivery_date = (itsm_date){2019, 2, 11};
    f.notice_date = (itsm_date){2020, 2, 12};
    assert_itsm_ok(itsm_maint_claim_check_ex(&r, &sh, &f, NULL));
    assert_int_equal(r.reason, ITSM_MAINT_R_CLAIM_OLD_DELIVERY_1Y);
    assert_date(r.deadline, 2020, 2, 12);
    assert_true(r.in_time);
}

static void test_claim_day_shift_errors(void **state)
{
    (void)state;
    itsm_claim_facts f = ITSM_CLAIM_FACTS_INIT;
    f.contract_date = (itsm_date){2021, 4, 1};
    f.delivery_date = (itsm_date){2021, 6, 1};
    f.known_date = (itsm_date){2021, 7, 1};
    f.notice_date = (itsm_date){2021, 8, 1};
    itsm_claim_result r;
    itsm_claim_shift sh;
    itsm_claim_options o = ITSM_CLAIM_OPTIONS_INIT;
    o.version = 0;
    assert_itsm_error(itsm_maint_claim_check_ex(&r, &sh, &f, &o), ITSM_EVERSION, "options version 0");
    o.version = ITSM_CLAIM_OPTIONS_VERSION + 1;
    assert_itsm_error(itsm_maint_claim_check_ex(&r, &sh, &f, &o), ITSM_EVERSION, "options version");
    assert_itsm_error(itsm_maint_claim_check_ex(NULL, &sh, &f, NULL), ITSM_EINVAL, "out");
    assert_itsm_error(itsm_maint_claim_check_ex(&r, NULL, &f, NULL), ITSM_EINVAL, "out_shift");
    assert_itsm_error(itsm_maint_claim_check_ex(&r, &sh, NULL, NULL), ITSM_EINVAL, "facts");
    f.known_date = (itsm_date){2021, 5, 1};
    assert_itsm_error(itsm_maint_claim_check_ex(&r, &sh, &f, NULL), ITSM_EINVAL, "known_date is before");
    /* national holidays are known through 2150-12-31 */
    f.delivery_date = (itsm_date){2150, 5, 1};
    f.known_date = (itsm_date){2150, 6, 1};
    f.notice_date = (itsm_date){2150, 7, 1};
    memset(&r, 0x5a, sizeof r);
    itsm_claim_result before = r;
    assert_itsm_error(itsm_maint_claim_check_ex(&r, &sh, &f, NULL), ITSM_ERANGE, "national holiday");
    assert_memory_equal(&r, &before, sizeof r);
    /* ... unless no day counts */
    o = (itsm_claim_options)ITSM_CLAIM_OPTIONS_INIT;
    o.no_day_shift = 1;
    assert_itsm_ok(itsm_maint_claim_check_ex(&r, &sh, &f, &o));
    assert_date(r.deadline, 2151, 6, 1);
}

/* ---- case law on bugs found after acceptance (advisory) --------------------------------------- */

static itsm_defect_advisory advise(itsm_defect_result *r, itsm_mr_origin origin, int inside, int fixed,
                                   int workaround, int serious)
{
    itsm_defect_facts f = ITSM_DEFECT_FACTS_INIT;
    f.origin = origin;
    f.inside_warranty = inside;
    itsm_repair_facts repair = ITSM_REPAIR_FACTS_INIT;
    repair.fixed_promptly = fixed;
    repair.workaround_agreed = workaround;
    repair.serious = serious;
    itsm_defect_advisory a;
    assert_itsm_ok(itsm_maint_defect_determine_ex(r, &a, &f, &repair));
    itsm_defect_result plain;
    assert_itsm_ok(itsm_maint_defect_determine(&plain, &f));
    assert_memory_equal(r, &plain, sizeof plain); /* the verdict is never changed */
    return a;
}

static void test_case_law_advisory(void **state)
{
    (void)state;
    itsm_defect_result r;
    /* a vendor defect repaired promptly, or with a workaround: may not be judged 瑕疵 */
    itsm_defect_advisory a = advise(&r, ITSM_MR_ORIGIN_VENDOR, 1, 1, 0, 0);
    assert_int_equal(r.verdict, ITSM_VERDICT_DEFECT);
    assert_int_equal(a.given, 1);
    assert_int_equal(a.reason, ITSM_MAINT_R_CASE_LAW_PROMPT_REPAIR);
    a = advise(&r, ITSM_MR_ORIGIN_VENDOR, 1, 0, 1, 0);
    assert_int_equal(a.reason, ITSM_MAINT_R_CASE_LAW_PROMPT_REPAIR);
    /* serious, numerous or recurring bugs are a defect even if repaired */
    a = advise(&r, ITSM_MR_ORIGIN_VENDOR, 1, 1, 1, 1);
    assert_int_equal(a.given, 1);
    assert_int_equal(a.reason, ITSM_MAINT_R_CASE_LAW_SERIOUS_BUGS);
    /* nothing known: no advisory */
    a = advise(&r, ITSM_MR_ORIGIN_VENDOR, 1, 0, 0, 0);
    assert_int_equal(a.given, 0);
    /* △ and "undetermined" could still be defects: the advisory goes with them */
    a = advise(&r, ITSM_MR_ORIGIN_THIRD_PARTY, 1, 1, 0, 0);
    assert_int_equal(r.verdict, ITSM_VERDICT_DEPENDS_ON_CONTRACT);
    assert_int_equal(a.reason, ITSM_MAINT_R_CASE_LAW_PROMPT_REPAIR);
    a = advise(&r, ITSM_MR_ORIGIN_UNKNOWN, 1, 0, 1, 0);
    assert_int_equal(r.verdict, ITSM_VERDICT_UNDETERMINED);
    assert_int_equal(a.given, 1);
    /* not a defect, or out of warranty: no advisory */
    a = advise(&r, ITSM_MR_ORIGIN_USER, 1, 1, 0, 1);
    assert_int_equal(r.verdict, ITSM_VERDICT_NOT_DEFECT);
    assert_int_equal(a.given, 0);
    a = advise(&r, ITSM_MR_ORIGIN_VENDOR, 0, 1, 0, 0);
    assert_int_equal(r.verdict, ITSM_VERDICT_OUT_OF_WARRANTY);
    assert_int_equal(a.given, 0);
    /* NULL repair facts: nothing known */
    itsm_defect_facts f = ITSM_DEFECT_FACTS_INIT;
    f.origin = ITSM_MR_ORIGIN_VENDOR;
    f.inside_warranty = 1;
    assert_itsm_ok(itsm_maint_defect_determine_ex(&r, &a, &f, NULL));
    assert_int_equal(r.verdict, ITSM_VERDICT_DEFECT);
    assert_int_equal(a.given, 0);
    /* errors */
    itsm_repair_facts repair = ITSM_REPAIR_FACTS_INIT;
    repair.version = 0;
    assert_itsm_error(itsm_maint_defect_determine_ex(&r, &a, &f, &repair), ITSM_EVERSION, "repair facts version 0");
    repair.version = ITSM_REPAIR_FACTS_VERSION + 1;
    assert_itsm_error(itsm_maint_defect_determine_ex(&r, &a, &f, &repair), ITSM_EVERSION, "repair facts version");
    assert_itsm_error(itsm_maint_defect_determine_ex(NULL, &a, &f, NULL), ITSM_EINVAL, "out");
    assert_itsm_error(itsm_maint_defect_determine_ex(&r, NULL, &f, NULL), ITSM_EINVAL, "out_advisory");
    assert_itsm_error(itsm_maint_defect_determine_ex(&r, &a, NULL, NULL), ITSM_EINVAL, "facts");
    f.origin = (itsm_mr_origin)9;
    assert_itsm_error(itsm_maint_defect_determine_ex(&r, &a, &f, NULL), ITSM_EINVAL, "origin");
}

static void classify(itsm_maint_standard std, itsm_mr_trigger trigger, itsm_maint_type expected)
{
    itsm_maint_type t;
    assert_itsm_ok(itsm_maint_classify(&t, std, trigger));
    assert_int_equal(t, expected);
}

static void test_classification(void **state)
{
    (void)state;
    static const itsm_maint_standard stds[] = {ITSM_MAINT_STD_JIS_X0161_2008, ITSM_MAINT_STD_ISO_14764_2022};
    for (size_t i = 0; i < 2; i++) {
        classify(stds[i], ITSM_MR_FAULT_FOUND, ITSM_MAINT_CORRECTIVE);
        classify(stds[i], ITSM_MR_TEMPORARY_FIX, ITSM_MAINT_EMERGENCY);
        classify(stds[i], ITSM_MR_LATENT_FAULT, ITSM_MAINT_PREVENTIVE);
        classify(stds[i], ITSM_MR_ENVIRONMENT_CHANGE, ITSM_MAINT_ADAPTIVE);
        classify(stds[i], ITSM_MR_IMPROVEMENT, ITSM_MAINT_PERFECTIVE);
    }
    classify(ITSM_MAINT_STD_JIS_X0161_2008, ITSM_MR_NEW_FUNCTION, ITSM_MAINT_PERFECTIVE);
    classify(ITSM_MAINT_STD_ISO_14764_2022, ITSM_MR_NEW_FUNCTION, ITSM_MAINT_ADDITIVE);

    int in;
    assert_itsm_ok(itsm_maint_type_in_standard(&in, ITSM_MAINT_STD_JIS_X0161_2008, ITSM_MAINT_ADDITIVE));
    assert_false(in);
    assert_itsm_ok(itsm_maint_type_in_standard(&in, ITSM_MAINT_STD_ISO_14764_2022, ITSM_MAINT_ADDITIVE));
    assert_true(in);
    assert_itsm_ok(itsm_maint_type_in_standard(&in, ITSM_MAINT_STD_JIS_X0161_2008, ITSM_MAINT_EMERGENCY));
    assert_true(in);

    static const itsm_maint_class classes[] = {ITSM_MAINT_CLASS_CORRECTION,  ITSM_MAINT_CLASS_CORRECTION,
                                               ITSM_MAINT_CLASS_CORRECTION,  ITSM_MAINT_CLASS_ENHANCEMENT,
                                               ITSM_MAINT_CLASS_ENHANCEMENT, ITSM_MAINT_CLASS_ENHANCEMENT};
    static const char *const ja[] = {"是正保守", "緊急保守", "予防保守", "適応保守", "完全化保守", "追加保守"};
    static const char *const en[] = {"corrective", "emergency", "preventive", "adaptive", "perfective", "additive"};
    for (int t = 0; t <= ITSM_MAINT_ADDITIVE; t++) {
        itsm_maint_class c;
        assert_itsm_ok(itsm_maint_type_class(&c, (itsm_maint_type)t));
        assert_int_equal(c, classes[t]);
        const char *s;
        assert_itsm_ok(itsm_maint_type_name(&s, (itsm_maint_type)t, ITSM_MAINT_LANG_JA));
        assert_string_equal(s, ja[t]);
        assert_itsm_ok(itsm_maint_type_name(&s, (itsm_maint_type)t, ITSM_MAINT_LANG_EN));
        assert_string_equal(s, en[t]);
    }
}

static void test_customization(void **state)
{
    (void)state;
    itsm_custom_class c;
    assert_itsm_ok(itsm_maint_custom_classify(&c, 0, 0, 0));
    assert_int_equal(c, ITSM_CUSTOM_ORDER);
    assert_itsm_ok(itsm_maint_custom_classify(&c, 1, 0, 0));
    assert_int_equal(c, ITSM_CUSTOM_I_PARAMETER);
    assert_itsm_ok(itsm_maint_custom_classify(&c, 1, 0, 1));
    assert_int_equal(c, ITSM_CUSTOM_II_ADDON);
    assert_itsm_ok(itsm_maint_custom_classify(&c, 1, 1, 0));
    assert_int_equal(c, ITSM_CUSTOM_III_MODIFY);
    assert_itsm_ok(itsm_maint_custom_classify(&c, 1, 1, 1));
    assert_int_equal(c, ITSM_CUSTOM_III_MODIFY);
    itsm_versionup_ease e;
    assert_itsm_ok(itsm_maint_custom_versionup(&e, ITSM_CUSTOM_ORDER));
    assert_int_equal(e, ITSM_VERSIONUP_NOT_APPLICABLE);
    assert_itsm_ok(itsm_maint_custom_versionup(&e, ITSM_CUSTOM_I_PARAMETER));
    assert_int_equal(e, ITSM_VERSIONUP_EASY);
    assert_itsm_ok(itsm_maint_custom_versionup(&e, ITSM_CUSTOM_II_ADDON));
    assert_int_equal(e, ITSM_VERSIONUP_MEDIUM);
    assert_itsm_ok(itsm_maint_custom_versionup(&e, ITSM_CUSTOM_III_MODIFY));
    assert_int_equal(e, ITSM_VERSIONUP_HARD);
    const char *s;
    assert_itsm_ok(itsm_maint_custom_name(&s, ITSM_CUSTOM_II_ADDON, ITSM_MAINT_LANG_JA));
    assert_string_equal(s, "Ⅱ アドオン");
    assert_itsm_error(itsm_maint_custom_versionup(&e, (itsm_custom_class)4), ITSM_EINVAL, "cls");
    assert_itsm_error(itsm_maint_custom_classify(NULL, 1, 0, 0), ITSM_EINVAL, "out");
}

static void test_foss_table8(void **state)
{
    (void)state;
    itsm_foss_responsibility r;
    assert_itsm_ok(itsm_maint_foss_responsibility(&r, ITSM_FOSS_SELECTED_BY_VENDOR));
    assert_int_equal(r.duty, ITSM_FOSS_DUTY_CONTRACTUAL);
    assert_int_equal(r.not_exempt_for, ITSM_FOSS_FAULT_INTENT_OR_GROSS_NEGLIGENCE);
    assert_non_null(strstr(r.text_ja, "契約上の責任"));
    assert_non_null(strstr(r.text_ja, "故意重過失"));
    assert_itsm_ok(itsm_maint_foss_responsibility(&r, ITSM_FOSS_SELECTED_BY_USER));
    assert_int_equal(r.duty, ITSM_FOSS_DUTY_CERTAIN);
    assert_int_equal(r.not_exempt_for, ITSM_FOSS_FAULT_MALICE_OR_GROSS_NEGLIGENCE);
    assert_non_null(strstr(r.text_ja, "一定の説明責任"));
    assert_non_null(strstr(r.text_ja, "悪意重過失"));
    assert_non_null(strstr(r.text_en, "certain duty"));
    assert_itsm_error(itsm_maint_foss_responsibility(&r, (itsm_foss_selector)2), ITSM_EINVAL, "selector");
    assert_itsm_error(itsm_maint_foss_responsibility(NULL, ITSM_FOSS_SELECTED_BY_USER), ITSM_EINVAL, "out");
}

static void test_names_and_reasons(void **state)
{
    (void)state;
    const char *s;
    assert_itsm_ok(itsm_maint_verdict_name(&s, ITSM_VERDICT_UNDETERMINED, ITSM_MAINT_LANG_EN));
    assert_string_equal(s, "undetermined: needs negotiation");
    assert_itsm_ok(itsm_maint_verdict_name(&s, ITSM_VERDICT_DEPENDS_ON_CONTRACT, ITSM_MAINT_LANG_JA));
    assert_string_equal(s, "契約によって異なる");
    for (int i = 0; i <= ITSM_MAINT_R_CASE_LAW_SERIOUS_BUGS; i++) {
        assert_itsm_ok(itsm_maint_reason_text(&s, (itsm_maint_reason)i));
        assert_true(strlen(s) > 20);
        assert_itsm_ok(itsm_maint_reason_source(&s, (itsm_maint_reason)i));
        assert_true(strlen(s) > 5);
    }
    assert_itsm_ok(itsm_maint_reason_source(&s, ITSM_MAINT_R_VENDOR_CORRECTION_IN_WARRANTY));
    assert_non_null(strstr(s, "Table 10"));
    assert_itsm_ok(itsm_maint_reason_source(&s, ITSM_MAINT_R_CASE_LAW_PROMPT_REPAIR));
    assert_non_null(strstr(s, "東京地判平成9年2月18日"));
    assert_itsm_ok(itsm_maint_reason_text(&s, ITSM_MAINT_R_CASE_LAW_PROMPT_REPAIR));
    assert_non_null(strstr(s, "may not be judged a defect"));
    assert_itsm_error(itsm_maint_reason_text(&s, (itsm_maint_reason)20), ITSM_EINVAL, "reason");
    assert_itsm_error(itsm_maint_reason_source(&s, (itsm_maint_reason)-1), ITSM_EINVAL, "reason");
    assert_itsm_error(itsm_maint_verdict_name(&s, (itsm_defect_verdict)5, ITSM_MAINT_LANG_EN), ITSM_EINVAL,
                      "verdict");
    assert_itsm_error(itsm_maint_type_name(&s, ITSM_MAINT_ADDITIVE, (itsm_maint_lang)2), ITSM_EINVAL, "lang");
    assert_itsm_error(itsm_maint_type_name(&s, (itsm_maint_type)6, ITSM_MAINT_LANG_EN), ITSM_EINVAL, "type");
    assert_itsm_error(itsm_maint_type_name(NULL, ITSM_MAINT_ADDITIVE, ITSM_MAINT_LANG_EN), ITSM_EINVAL, "out");
}

static void test_error_paths(void **state)
{
    (void)state;
    itsm_defect_result r;
    itsm_defect_facts f = ITSM_DEFECT_FACTS_INIT;
    assert_itsm_error(itsm_maint_defect_determine(NULL, &f), ITSM_EINVAL, "out");
    assert_itsm_error(itsm_maint_defect_determine(&r, NULL), ITSM_EINVAL, "facts");
    f.version = 0;
    assert_itsm_error(itsm_maint_defect_determine(&r, &f), ITSM_EVERSION, "version 0");
    f.version = ITSM_DEFECT_FACTS_VERSION + 1;
    assert_itsm_error(itsm_maint_defect_determine(&r, &f), ITSM_EVERSION, "version 2");
    f = (itsm_defect_facts)ITSM_DEFECT_FACTS_INIT;
    f.type = (itsm_maint_type)6;
    assert_itsm_error(itsm_maint_defect_determine(&r, &f), ITSM_EINVAL, "type 6");
    f = (itsm_defect_facts)ITSM_DEFECT_FACTS_INIT;
    f.origin = (itsm_mr_origin)-1;
    assert_itsm_error(itsm_maint_defect_determine(&r, &f), ITSM_EINVAL, "origin -1");
    f = (itsm_defect_facts)ITSM_DEFECT_FACTS_INIT;
    f.coverage = (itsm_doc_coverage)4;
    assert_itsm_error(itsm_maint_defect_determine(&r, &f), ITSM_EINVAL, "coverage");
    f = (itsm_defect_facts)ITSM_DEFECT_FACTS_INIT;
    f.investigation = (itsm_investigation)3;
    assert_itsm_error(itsm_maint_defect_determine(&r, &f), ITSM_EINVAL, "investigation");
    f = (itsm_defect_facts)ITSM_DEFECT_FACTS_INIT;
    f.contract_kind = (itsm_contract_kind)4;
    assert_itsm_error(itsm_maint_defect_determine(&r, &f), ITSM_EINVAL, "contract_kind");
    f = (itsm_defect_facts)ITSM_DEFECT_FACTS_INIT;
    f.contract_date = (itsm_date){2020, 2, 30};
    assert_itsm_error(itsm_maint_defect_determine(&r, &f), ITSM_ERANGE, "contract_date");
    f.contract_date = (itsm_date){1899, 12, 31};
    assert_itsm_error(itsm_maint_defect_determine(&r, &f), ITSM_ERANGE, "contract_date");
    /* out untouched on failure */
    memset(&r, 0x5a, sizeof r);
    itsm_defect_result before = r;
    assert_itsm_error(itsm_maint_defect_determine(&r, &f), ITSM_ERANGE, "contract_date");
    assert_memory_equal(&r, &before, sizeof r);

    itsm_maint_type t;
    assert_itsm_error(itsm_maint_classify(NULL, ITSM_MAINT_STD_JIS_X0161_2008, ITSM_MR_FAULT_FOUND), ITSM_EINVAL,
                      "out");
    assert_itsm_error(itsm_maint_classify(&t, (itsm_maint_standard)2, ITSM_MR_FAULT_FOUND), ITSM_EINVAL, "standard");
    assert_itsm_error(itsm_maint_classify(&t, ITSM_MAINT_STD_JIS_X0161_2008, (itsm_mr_trigger)6), ITSM_EINVAL,
                      "trigger");
    int in;
    assert_itsm_error(itsm_maint_type_in_standard(&in, (itsm_maint_standard)-1, ITSM_MAINT_ADDITIVE), ITSM_EINVAL,
                      "standard");
    itsm_maint_class c;
    assert_itsm_error(itsm_maint_type_class(&c, (itsm_maint_type)6), ITSM_EINVAL, "type");
}

/* Nothing in the module allocates, on success or on failure. */
static void test_no_allocation(void **state)
{
    (void)state;
    itsm_test_chaos chaos;
    itsm_test_chaos_install(&chaos);
    chaos.fail_at = 0; /* the first allocation would fail */
    for (int t = 0; t <= ITSM_MAINT_ADDITIVE; t++)
        for (int o = 0; o <= ITSM_MR_ORIGIN_UNKNOWN; o++)
            for (int in = 0; in <= 1; in++)
                for (int c = 0; c <= ITSM_DOC_AMBIGUOUS; c++) {
                    itsm_defect_facts f = ITSM_DEFECT_FACTS_INIT;
                    f.type = (itsm_maint_type)t;
                    f.origin = (itsm_mr_origin)o;
                    f.inside_warranty = in;
                    f.coverage = (itsm_doc_coverage)c;
                    f.contract_date = (itsm_date){2020, 4, 1};
                    itsm_defect_result r;
                    assert_int_equal(itsm_maint_defect_determine(&r, &f), ITSM_OK);
                }
    itsm_defect_facts bad = ITSM_DEFECT_FACTS_INIT;
    bad.version = 9;
    itsm_defect_result r;
    assert_int_equal(itsm_maint_defect_determine(&r, &bad), ITSM_EVERSION);
    itsm_claim_facts cf = ITSM_CLAIM_FACTS_INIT;
    cf.contract_date = (itsm_date){2021, 4, 1};
    cf.delivery_date = (itsm_date){2021, 6, 1};
    cf.known_date = (itsm_date){2021, 7, 1};
    cf.notice_date = (itsm_date){2021, 8, 1};
    itsm_claim_result cr;
    assert_int_equal(itsm_maint_claim_check(&cr, &cf), ITSM_OK);
    itsm_claim_shift shift;
    itsm_claim_options co = ITSM_CLAIM_OPTIONS_INIT;
    co.saturday_closed = 1;
    cf.known_date = (itsm_date){2024, 5, 3}; /* Golden Week 2025: four days examined */
    cf.notice_date = (itsm_date){2024, 6, 1};
    assert_int_equal(itsm_maint_claim_check_ex(&cr, &shift, &cf, &co), ITSM_OK);
    assert_int_equal(shift.days, 4);
    itsm_defect_advisory advisory;
    itsm_repair_facts repair = ITSM_REPAIR_FACTS_INIT;
    repair.fixed_promptly = 1;
    itsm_defect_facts df = ITSM_DEFECT_FACTS_INIT;
    assert_int_equal(itsm_maint_defect_determine_ex(&r, &advisory, &df, &repair), ITSM_OK);
    itsm_maint_type t;
    assert_int_equal(itsm_maint_classify(&t, ITSM_MAINT_STD_ISO_14764_2022, ITSM_MR_NEW_FUNCTION), ITSM_OK);
    const char *s;
    assert_int_equal(itsm_maint_reason_text(&s, ITSM_MAINT_R_ENHANCEMENT), ITSM_OK);
    itsm_foss_responsibility fr;
    assert_int_equal(itsm_maint_foss_responsibility(&fr, ITSM_FOSS_SELECTED_BY_USER), ITSM_OK);
    itsm_maint_class mc;
    int in = 0;
    itsm_civil_regime regime;
    itsm_cost_bearer cost;
    itsm_custom_class cc;
    itsm_versionup_ease ease;
    assert_int_equal(itsm_maint_type_class(&mc, ITSM_MAINT_ADAPTIVE), ITSM_OK);
    assert_int_equal(itsm_maint_type_in_standard(&in, ITSM_MAINT_STD_JIS_X0161_2008, ITSM_MAINT_ADDITIVE), ITSM_OK);
    assert_int_equal(itsm_maint_type_name(&s, ITSM_MAINT_PREVENTIVE, ITSM_MAINT_LANG_JA), ITSM_OK);
    assert_int_equal(itsm_maint_reason_source(&s, ITSM_MAINT_R_CASE_LAW_SERIOUS_BUGS), ITSM_OK);
    assert_int_equal(itsm_maint_civil_regime(&regime, (itsm_date){2020, 3, 31}), ITSM_OK);
    assert_int_equal(itsm_maint_civil_term(&s, regime, ITSM_MAINT_LANG_EN), ITSM_OK);
    assert_int_equal(itsm_maint_investigation_cost(&cost, 1, 0, ITSM_INVESTIGATION_FOUND_NO_DEFECT), ITSM_OK);
    assert_int_equal(itsm_maint_verdict_name(&s, ITSM_VERDICT_UNDETERMINED, ITSM_MAINT_LANG_JA), ITSM_OK);
    assert_int_equal(itsm_maint_custom_classify(&cc, 1, 0, 1), ITSM_OK);
    assert_int_equal(itsm_maint_custom_versionup(&ease, cc), ITSM_OK);
    assert_int_equal(itsm_maint_custom_name(&s, cc, ITSM_MAINT_LANG_EN), ITSM_OK);
    /* ... nor on their error paths */
    assert_int_equal(itsm_maint_claim_check_ex(&cr, &shift, &cf, &(itsm_claim_options){0, 0, 0, NULL}),
                     ITSM_EVERSION);
    assert_int_equal(itsm_maint_custom_name(&s, (itsm_custom_class)9, ITSM_MAINT_LANG_EN), ITSM_EINVAL);
    assert_int_equal(chaos.count, 0);
    assert_false(chaos.failed);
    assert_int_equal(itsm_set_allocator(NULL), ITSM_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table10_correction_rows),
        cmocka_unit_test(test_table10_enhancement_rows),
        cmocka_unit_test(test_emergency_counts_as_corrective),
        cmocka_unit_test(test_unknown_origin),
        cmocka_unit_test(test_security_countermeasure),
        cmocka_unit_test(test_investigation_cost),
        cmocka_unit_test(test_statute_modifiers),
        cmocka_unit_test(test_civil_regime),
        cmocka_unit_test(test_claim_periods),
        cmocka_unit_test(test_claim_day_shift),
        cmocka_unit_test(test_claim_day_shift_errors),
        cmocka_unit_test(test_case_law_advisory),
        cmocka_unit_test(test_classification),
        cmocka_unit_test(test_customization),
        cmocka_unit_test(test_foss_table8),
        cmocka_unit_test(test_names_and_reasons),
        cmocka_unit_test(test_error_paths),
        cmocka_unit_test(test_no_allocation),
    };
    return cmocka_run_group_tests(tests, itsm_test_group_setup, itsm_test_group_teardown);
}
