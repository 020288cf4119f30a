/* Maintenance types (seed A 1.3.2 Table 2; ISO/IEC/IEEE 14764:2022), package
 * customization classes (2.7.1, Figure 7) and the FOSS responsibility (2.7.2, Table 8). */
#include "maint/maint_internal.h"

itsm_status itsm_maint_classify(itsm_maint_type *out, itsm_maint_standard standard, itsm_mr_trigger trigger)
{
    ITSM__CHECK_ARG(out);
    ITSM__MAINT_ENUM(__func__, "standard", standard, ITSM_MAINT_STD_ISO_14764_2022);
    ITSM__MAINT_ENUM(__func__, "trigger", trigger, ITSM_MR_NEW_FUNCTION);
    static const itsm_maint_type by_trigger[] = {
        [ITSM_MR_FAULT_FOUND] = ITSM_MAINT_CORRECTIVE,
        [ITSM_MR_TEMPORARY_FIX] = ITSM_MAINT_EMERGENCY,
        [ITSM_MR_LATENT_FAULT] = ITSM_MAINT_PREVENTIVE,
        [ITSM_MR_ENVIRONMENT_CHANGE] = ITSM_MAINT_ADAPTIVE,
        [ITSM_MR_IMPROVEMENT] = ITSM_MAINT_PERFECTIVE,
        [ITSM_MR_NEW_FUNCTION] = ITSM_MAINT_ADDITIVE,
    };
    itsm_maint_type type = by_trigger[trigger];
    /* The 2008 edition has no additive type: a new function for users is an
     * "improvement for users", which its perfective note covers (seed A Table 2). */
    if (type == ITSM_MAINT_ADDITIVE && standard == ITSM_MAINT_STD_JIS_X0161_2008)
        type = ITSM_MAINT_PERFECTIVE;
    *out = type;
    return ITSM_OK;
}

itsm_status itsm_maint_type_class(itsm_maint_class *out, itsm_maint_type type)
{
    ITSM__CHECK_ARG(out);
    ITSM__MAINT_ENUM(__func__, "type", type, ITSM_MAINT_ADDITIVE);
    *out = type <= ITSM_MAINT_PREVENTIVE ? ITSM_MAINT_CLASS_CORRECTION : ITSM_MAINT_CLASS_ENHANCEMENT;
    return ITSM_OK;
}

itsm_status itsm_maint_type_in_standard(int *out, itsm_maint_standard standard, itsm_maint_type type)
{
    ITSM__CHECK_ARG(out);
    ITSM__MAINT_ENUM(__func__, "standard", standard, ITSM_MAINT_STD_ISO_14764_2022);
    ITSM__MAINT_ENUM(__func__, "type", type, ITSM_MAINT_ADDITIVE);
    *out = !(type == ITSM_MAINT_ADDITIVE && standard == ITSM_MAINT_STD_JIS_X0161_2008);
    return ITSM_OK;
}

itsm_status itsm_maint_custom_classify(itsm_custom_class *out, int is_package, int source_modified,
                                       int tightly_coupled_addon)
{
    ITSM__CHECK_ARG(out);
    if (!is_package)
        *out = ITSM_CUSTOM_ORDER;
    else if (source_modified)
        *out = ITSM_CUSTOM_III_MODIFY;
    else if (tightly_coupled_addon)
        *out = ITSM_CUSTOM_II_ADDON;
    else
        *out = ITSM_CUSTOM_I_PARAMETER;
    return ITSM_OK;
}

itsm_status itsm_maint_custom_versionup(itsm_versionup_ease *out, itsm_custom_class cls)
{
    ITSM__CHECK_ARG(out);
    ITSM__MAINT_ENUM(__func__, "cls", cls, ITSM_CUSTOM_III_MODIFY);
    static const itsm_versionup_ease ease[] = {
        [ITSM_CUSTOM_ORDER] = ITSM_VERSIONUP_NOT_APPLICABLE,
        [ITSM_CUSTOM_I_PARAMETER] = ITSM_VERSIONUP_EASY,
        [ITSM_CUSTOM_II_ADDON] = ITSM_VERSIONUP_MEDIUM,
        [ITSM_CUSTOM_III_MODIFY] = ITSM_VERSIONUP_HARD,
    };
    *out = ease[cls];
    return ITSM_OK;
}

itsm_status itsm_maint_foss_responsibility(itsm_foss_responsibility *out, itsm_foss_selector selector)
{
    ITSM__CHECK_ARG(out);
    ITSM__MAINT_ENUM(__func__, "selector", selector, ITSM_FOSS_SELECTED_BY_USER);
    static const itsm_foss_responsibility rows[] = {
        [ITSM_FOSS_SELECTED_BY_VENDOR] = {ITSM_FOSS_DUTY_CONTRACTUAL, ITSM_FOSS_FAULT_INTENT_OR_GROSS_NEGLIGENCE,
                                          "the vendor bears the duty to explain as a contractual responsibility; "
                                          "it is not exempt when it failed to explain through intent or gross "
                                          "negligence",
                                          "ベンダは説明義務を契約上の責任として負う。ベンダは故意重過失で説明"
                                          "しなかったときは免責されない"},
        [ITSM_FOSS_SELECTED_BY_USER] = {ITSM_FOSS_DUTY_CERTAIN, ITSM_FOSS_FAULT_MALICE_OR_GROSS_NEGLIGENCE,
                                        "the vendor bears a certain duty to explain; it is not exempt when it "
                                        "failed to explain through malice (knowledge) or gross negligence",
                                        "ベンダは一定の説明責任を負う。ベンダは悪意重過失で説明しなかったとき"
                                        "は免責されない"},
    };
    *out = rows[selector];
    return ITSM_OK;
}
