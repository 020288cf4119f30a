/* Names of maintenance types, verdicts, customization classes and reason codes. */
#include "maint/maint_internal.h"

int itsm__maint_check_enum(const char *func, const char *field, int value, int max)
{
    if (value < 0 || value > max)
        return itsm__error(ITSM_EINVAL, "%s: %s %d is out of range (0..%d)", func, field, value, max);
    return ITSM_OK;
}

int itsm__maint_check_date(int *out_given, const char *func, const char *field, itsm_date date)
{
    if (date.year == 0 && date.month == 0 && date.day == 0) {
        *out_given = 0;
        return ITSM_OK;
    }
    int32_t days;
    int rc = itsm_date_to_days(&days, date);
    if (rc != ITSM_OK)
        return itsm__error(rc, "%s: %s %04d-%02d-%02d is not a valid date in 1900..2200", func, field,
                           (int)date.year, (int)date.month, (int)date.day);
    *out_given = 1;
    return ITSM_OK;
}

static const char *const type_names[][2] = {
    {"corrective", "是正保守"}, {"emergency", "緊急保守"},   {"preventive", "予防保守"},
    {"adaptive", "適応保守"},   {"perfective", "完全化保守"}, {"additive", "追加保守"},
};

itsm_status itsm_maint_type_name(const char **out, itsm_maint_type type, itsm_maint_lang lang)
{
    ITSM__CHECK_ARG(out);
    ITSM__MAINT_ENUM(__func__, "type", type, ITSM_MAINT_ADDITIVE);
    ITSM__MAINT_ENUM(__func__, "lang", lang, ITSM_MAINT_LANG_JA);
    *out = type_names[type][lang];
    return ITSM_OK;
}

static const char *const verdict_names[][2] = {
    {"defect", "瑕疵である"},
    {"not a defect", "瑕疵ではない"},
    {"depends on contract", "契約によって異なる"},
    {"out of warranty", "瑕疵担保期間外"},
    {"undetermined: needs negotiation", "特定困難（要協議）"},
};

itsm_status itsm_maint_verdict_name(const char **out, itsm_defect_verdict verdict, itsm_maint_lang lang)
{
    ITSM__CHECK_ARG(out);
    ITSM__MAINT_ENUM(__func__, "verdict", verdict, ITSM_VERDICT_UNDETERMINED);
    ITSM__MAINT_ENUM(__func__, "lang", lang, ITSM_MAINT_LANG_JA);
    *out = verdict_names[verdict][lang];
    return ITSM_OK;
}

static const char *const custom_names[][2] = {
    {"order software", "オーダソフト"},
    {"I parameter", "Ⅰ パラメータ設定"},
    {"II add-on", "Ⅱ アドオン"},
    {"III modify", "Ⅲ モディファイ"},
};

itsm_status itsm_maint_custom_name(const char **out, itsm_custom_class cls, itsm_maint_lang lang)
{
    ITSM__CHECK_ARG(out);
    ITSM__MAINT_ENUM(__func__, "cls", cls, ITSM_CUSTOM_III_MODIFY);
    ITSM__MAINT_ENUM(__func__, "lang", lang, ITSM_MAINT_LANG_JA);
    *out = custom_names[cls][lang];
    return ITSM_OK;
}

/* text, source */
static const char *const reasons[][2] = {
    [ITSM_MAINT_R_VENDOR_CORRECTION_IN_WARRANTY] =
        {"a correction (corrective, emergency or preventive) whose MR the vendor caused and which arose "
         "inside the defect warranty period is a defect",
         "seed A 2.10, Table 10 (○)"},
    [ITSM_MAINT_R_VENDOR_CORRECTION_OUT_OF_WARRANTY] =
        {"a vendor-caused correction is a defect only when the MR arises inside the defect warranty period; "
         "this one arose outside it",
         "seed A 2.10 (瑕疵担保期間中に発生し、かつ起因がベンダ)"},
    [ITSM_MAINT_R_USER_ORIGIN] = {"an MR the user caused is not a defect", "seed A 2.10, Table 10 (×)"},
    [ITSM_MAINT_R_THIRD_PARTY_ORIGIN] =
        {"an MR a third party caused (platform version-up such as OS or drivers, security hole) depends on "
         "the contract and must be confirmed beforehand",
         "seed A 2.10, Table 10 (△)"},
    [ITSM_MAINT_R_THIRD_PARTY_OUT_OF_WARRANTY] =
        {"a third-party MR could be a defect only by contract and inside the warranty period; this one "
         "arose outside it",
         "seed A 2.10, Table 10 (△)"},
    [ITSM_MAINT_R_SECURITY_COUNTERMEASURE] =
        {"vulnerability countermeasures are usually preventive maintenance and usually not defects; whether "
         "one is covered must be agreed in the contract",
         "seed A 2.10.1"},
    [ITSM_MAINT_R_ENHANCEMENT] =
        {"an enhancement (adaptive, perfective, additive) is not a correction of the software and not a "
         "defect, whoever caused it",
         "seed A Table 2 (改良保守はソフトウェアの訂正ではない), 2.10, Table 10 (×)"},
    [ITSM_MAINT_R_SPEC_NOT_REALIZED] =
        {"origin unknown, but a function or performance written in the contract or its documents "
         "(catalogue, proposal, requirements, design) is not realized: corrective maintenance with vendor "
         "origin, hence a defect",
         "seed A 2.10 (after Table 10)"},
    [ITSM_MAINT_R_SPEC_NOT_REALIZED_OUT_OF_WARRANTY] =
        {"a documented function or performance is not realized (corrective, vendor origin), but the MR "
         "arose outside the defect warranty period",
         "seed A 2.10 (after Table 10)"},
    [ITSM_MAINT_R_DOCS_SILENT_OR_AMBIGUOUS] =
        {"origin unknown and the contract and documents are silent or ambiguous: whether it is a defect "
         "cannot be determined and is usually settled by negotiation",
         "seed A 2.10 (after Table 10), 2.10.3 Table 11"},
    [ITSM_MAINT_R_ORIGIN_UNKNOWN] =
        {"origin unknown and the contract documents were not assessed: check whether they specify the "
         "function or performance",
         "seed A 2.10 (after Table 10)"},
    [ITSM_MAINT_R_CUSTOMER_MATERIAL] =
        {"the nonconformity comes from material or instructions the customer supplied and the contractor "
         "did not know they were unsuitable: no liability",
         "民法636条 (旧636条); DOMAIN 1.5"},
    [ITSM_MAINT_R_QUASI_MANDATE] =
        {"a quasi-mandate (準委任, performance type) does not carry defect or nonconformity liability as a "
         "work contract (請負) does; the contract decides",
         "DOMAIN 1.5 (契約類型)"},
    [ITSM_MAINT_R_CLAIM_OLD_DELIVERY_1Y] =
        {"contract concluded before 2020-04-01 (瑕疵担保責任): the claim must be made within 1 year of "
         "delivery",
         "旧民法637条; 改正民法附則; DOMAIN 1.5"},
    [ITSM_MAINT_R_CLAIM_NOTICE_1Y] =
        {"contract concluded from 2020-04-01 (契約不適合責任): the customer must notify within 1 year of "
         "learning of the nonconformity",
         "民法637条1項; DOMAIN 1.5"},
    [ITSM_MAINT_R_CLAIM_KNOWN_5Y] =
        {"the claim prescribes 5 years after the customer learned it could exercise it", "民法166条1項1号; DOMAIN 1.5"},
    [ITSM_MAINT_R_CLAIM_EXERCISABLE_10Y] =
        {"the claim prescribes 10 years after it became exercisable (delivery)", "民法166条1項2号; DOMAIN 1.5"},
    [ITSM_MAINT_R_CLAIM_CONTRACT_PERIOD] =
        {"the contract fixes its own warranty period from delivery or acceptance, which replaces the "
         "statutory one",
         "DOMAIN 1.5 (契約による特約, e.g. 検収後1年)"},
    [ITSM_MAINT_R_CASE_LAW_PROMPT_REPAIR] =
        {"advisory: bugs found after acceptance that the vendor repaired without delay after notice, or for "
         "which it agreed a reasonable workaround with the user, may not be judged a defect (瑕疵); the "
         "verdict is unchanged, the parties or a court decide",
         "東京地判平成9年2月18日 判タ964号172頁; 東京地判平成25年5月28日 判タ1416号234頁; DOMAIN 1.5"},
    [ITSM_MAINT_R_CASE_LAW_SERIOUS_BUGS] =
        {"advisory: bugs that are not minor, cannot be repaired promptly, or are so numerous and recurring that "
         "operation is impaired are judged a defect (瑕疵) even when found after acceptance; the verdict is "
         "unchanged, the parties or a court decide",
         "東京地判平成9年2月18日 判タ964号172頁; 東京地判平成25年5月28日 判タ1416号234頁; DOMAIN 1.5"},
};

itsm_status itsm_maint_reason_text(const char **out, itsm_maint_reason reason)
{
    ITSM__CHECK_ARG(out);
    ITSM__MAINT_ENUM(__func__, "reason", reason, ITSM_MAINT_R_CASE_LAW_SERIOUS_BUGS);
    *out = reasons[reason][0];
    return ITSM_OK;
}

itsm_status itsm_maint_reason_source(const char **out, itsm_maint_reason reason)
{
    ITSM__CHECK_ARG(out);
    ITSM__MAINT_ENUM(__func__, "reason", reason, ITSM_MAINT_R_CASE_LAW_SERIOUS_BUGS);
    *out = reasons[reason][1];
    return ITSM_OK;
}
