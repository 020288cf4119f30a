/* Is an MR a defect? Table 10 of seed A 2.10, the rules around it (unknown origin,
 * 2.10.1 vulnerability countermeasures, 2.10.2 investigation cost) and the statute
 * behind it (DOMAIN 1.5: 636条 customer material, 請負 vs 準委任). */
#include "maint/maint_internal.h"

itsm_status itsm_maint_investigation_cost(itsm_cost_bearer *out, int inside_warranty,
                                          int has_application_maintenance_contract,
                                          itsm_investigation investigation)
{
    ITSM__CHECK_ARG(out);
    ITSM__MAINT_ENUM(__func__, "investigation", investigation, ITSM_INVESTIGATION_FOUND_NO_DEFECT);
    if (!inside_warranty)
        *out = ITSM_COST_DEPENDS_ON_CONTRACT;
    else if (!has_application_maintenance_contract && investigation == ITSM_INVESTIGATION_FOUND_NO_DEFECT)
        *out = ITSM_COST_USER;
    else
        *out = ITSM_COST_VENDOR;
    return ITSM_OK;
}

static int check_facts(const itsm_defect_facts *f, int *out_date_given)
{
    static const char fn[] = "itsm_maint_defect_determine";
    if (f->version == 0 || f->version > ITSM_DEFECT_FACTS_VERSION)
        return itsm__error(ITSM_EVERSION, "%s: facts version %u is not supported (1..%d)", fn, f->version,
                           ITSM_DEFECT_FACTS_VERSION);
    ITSM__MAINT_ENUM(fn, "type", f->type, ITSM_MAINT_ADDITIVE);
    ITSM__MAINT_ENUM(fn, "origin", f->origin, ITSM_MR_ORIGIN_UNKNOWN);
    ITSM__MAINT_ENUM(fn, "coverage", f->coverage, ITSM_DOC_AMBIGUOUS);
    ITSM__MAINT_ENUM(fn, "investigation", f->investigation, ITSM_INVESTIGATION_FOUND_NO_DEFECT);
    ITSM__MAINT_ENUM(fn, "contract_kind", f->contract_kind, ITSM_CONTRACT_QUASI_MANDATE_RESULT);
    return itsm__maint_check_date(out_date_given, fn, "contract_date", f->contract_date);
}

/* Table 10 with the warranty-period rule and the unknown-origin rule of 2.10. */
static void table10(itsm_defect_result *r, const itsm_defect_facts *f)
{
    r->effective_type = f->type == ITSM_MAINT_EMERGENCY ? ITSM_MAINT_CORRECTIVE : f->type;
    r->effective_origin = f->origin;
    int correction = f->type <= ITSM_MAINT_PREVENTIVE;

    if (f->origin == ITSM_MR_ORIGIN_UNKNOWN) {
        if (f->coverage == ITSM_DOC_SPECIFIED_NOT_REALIZED) {
            /* "「是正保守」となり、起因がベンダであるため、瑕疵と考えられる" */
            r->effective_type = ITSM_MAINT_CORRECTIVE;
            r->effective_origin = ITSM_MR_ORIGIN_VENDOR;
            r->verdict = f->inside_warranty ? ITSM_VERDICT_DEFECT : ITSM_VERDICT_OUT_OF_WARRANTY;
            r->reason = f->inside_warranty ? ITSM_MAINT_R_SPEC_NOT_REALIZED
                                           : ITSM_MAINT_R_SPEC_NOT_REALIZED_OUT_OF_WARRANTY;
            if (f->inside_warranty && f->security_countermeasure) {
                /* 2.10.1 holds here too: a countermeasure is never a plain ○. */
                r->verdict = ITSM_VERDICT_DEPENDS_ON_CONTRACT;
                r->reason = ITSM_MAINT_R_SECURITY_COUNTERMEASURE;
            }
        } else if (!correction) {
            /* Every column of an enhancement row is ×: the origin does not matter. */
            r->verdict = ITSM_VERDICT_NOT_DEFECT;
            r->reason = ITSM_MAINT_R_ENHANCEMENT;
        } else {
            r->verdict = ITSM_VERDICT_UNDETERMINED;
            r->reason = f->coverage == ITSM_DOC_NOT_ASSESSED ? ITSM_MAINT_R_ORIGIN_UNKNOWN
                                                             : ITSM_MAINT_R_DOCS_SILENT_OR_AMBIGUOUS;
        }
        return;
    }
    if (!correction) {
        r->verdict = ITSM_VERDICT_NOT_DEFECT;
        r->reason = ITSM_MAINT_R_ENHANCEMENT;
    } else if (f->origin == ITSM_MR_ORIGIN_USER) {
        r->verdict = ITSM_VERDICT_NOT_DEFECT;
        r->reason = ITSM_MAINT_R_USER_ORIGIN;
    } else if (!f->inside_warranty) {
        r->verdict = ITSM_VERDICT_OUT_OF_WARRANTY;
        r->reason = f->origin == ITSM_MR_ORIGIN_VENDOR ? ITSM_MAINT_R_VENDOR_CORRECTION_OUT_OF_WARRANTY
                                                       : ITSM_MAINT_R_THIRD_PARTY_OUT_OF_WARRANTY;
    } else if (f->security_countermeasure) {
        /* 2.10.1: usually preventive and usually not a defect; never a plain ○. */
        r->verdict = ITSM_VERDICT_DEPENDS_ON_CONTRACT;
        r->reason = ITSM_MAINT_R_SECURITY_COUNTERMEASURE;
    } else if (f->origin == ITSM_MR_ORIGIN_VENDOR) {
        r->verdict = ITSM_VERDICT_DEFECT;
        r->reason = ITSM_MAINT_R_VENDOR_CORRECTION_IN_WARRANTY;
    } else {
        r->verdict = ITSM_VERDICT_DEPENDS_ON_CONTRACT;
        r->reason = ITSM_MAINT_R_THIRD_PARTY_ORIGIN;
    }
}

itsm_status itsm_maint_defect_determine(itsm_defect_result *out, const itsm_defect_facts *facts)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(facts);
    int date_given = 0;
    int rc = check_facts(facts, &date_given);
    if (rc != ITSM_OK)
        return rc;

    itsm_defect_result r;
    table10(&r, facts);
    r.regime = ITSM_CIVIL_REGIME_UNKNOWN;
    if (date_given && (rc = itsm_maint_civil_regime(&r.regime, facts->contract_date)) != ITSM_OK)
        return rc;

    /* The statute can only take a ○ away, never add one. */
    if (r.verdict == ITSM_VERDICT_DEFECT) {
        if (facts->customer_material && !facts->vendor_knew_unsuitable) {
            r.verdict = ITSM_VERDICT_NOT_DEFECT;
            r.reason = ITSM_MAINT_R_CUSTOMER_MATERIAL;
        } else if (facts->contract_kind == ITSM_CONTRACT_QUASI_MANDATE) {
            r.verdict = ITSM_VERDICT_DEPENDS_ON_CONTRACT;
            r.reason = ITSM_MAINT_R_QUASI_MANDATE;
        }
    }

    itsm_investigation inv = facts->investigation;
    if (inv == ITSM_INVESTIGATION_NOT_DONE && r.verdict == ITSM_VERDICT_DEFECT)
        inv = ITSM_INVESTIGATION_FOUND_DEFECT;
    if ((rc = itsm_maint_investigation_cost(&r.investigation_cost, facts->inside_warranty,
                                            facts->has_application_maintenance_contract, inv)) != ITSM_OK)
        return rc;
    *out = r;
    return ITSM_OK;
}

/* DOMAIN 1.5, case law on bugs found after acceptance: an advisory only. */
static void case_law(itsm_defect_advisory *a, const itsm_defect_result *r, const itsm_repair_facts *repair)
{
    a->given = 0;
    a->reason = (itsm_maint_reason)0;
    int could_be_defect = r->verdict == ITSM_VERDICT_DEFECT || r->verdict == ITSM_VERDICT_DEPENDS_ON_CONTRACT ||
                          r->verdict == ITSM_VERDICT_UNDETERMINED;
    if (repair == NULL || !could_be_defect)
        return;
    if (repair->serious) {
        a->given = 1;
        a->reason = ITSM_MAINT_R_CASE_LAW_SERIOUS_BUGS;
    } else if (repair->fixed_promptly || repair->workaround_agreed) {
        a->given = 1;
        a->reason = ITSM_MAINT_R_CASE_LAW_PROMPT_REPAIR;
    }
}

itsm_status itsm_maint_defect_determine_ex(itsm_defect_result *out, itsm_defect_advisory *out_advisory,
                                           const itsm_defect_facts *facts, const itsm_repair_facts *repair)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(out_advisory);
    if (repair != NULL && (repair->version == 0 || repair->version > ITSM_REPAIR_FACTS_VERSION))
        return itsm__error(ITSM_EVERSION, "%s: repair facts version %u is not supported (1..%d)", __func__,
                           repair->version, ITSM_REPAIR_FACTS_VERSION);
    itsm_defect_result r;
    int rc = itsm_maint_defect_determine(&r, facts);
    if (rc != ITSM_OK)
        return rc;
    case_law(out_advisory, &r, repair);
    *out = r;
    return ITSM_OK;
}
