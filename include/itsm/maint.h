/**
 * @file itsm/maint.h
 * @brief Maintenance judgments: maintenance types (JIS X 0161:2008 = ISO/IEC 14764:2006,
 *        and ISO/IEC/IEEE 14764:2022), whether a modification request (MR) is a defect
 *        (瑕疵) by the guideline's Table 10, the civil-code regime behind it (瑕疵担保責任
 *        before 2020-04-01, 契約不適合責任 from then on), who bears the investigation cost,
 *        the package customization class and the FOSS responsibility of Table 8.
 *
 * Every function here is pure: it validates its inputs (an out-of-range enum value is
 * ::ITSM_EINVAL naming the field), never allocates and keeps no state, so all of them
 * are thread-safe. Strings returned are static (UTF-8) and never freed.
 *
 * "Seed" references (e.g. "seed A 2.10, Table 10") point into the maintenance and
 * operation guideline the library implements; itsm_maint_reason_source() gives them per
 * reason code.
 */
#ifndef ITSM_MAINT_H
#define ITSM_MAINT_H

#include "itsm/holidays.h"
#include "itsm/time.h"

ITSM_BEGIN_DECL

/* ---- maintenance types --------------------------------------------------------------- */

/** Maintenance type (保守のタイプ). Values never change; new ones are only appended. */
typedef enum itsm_maint_type {
    ITSM_MAINT_CORRECTIVE = 0, /**< 是正保守: reactive modification after delivery correcting discovered problems */
    ITSM_MAINT_EMERGENCY = 1,  /**< 緊急保守: unscheduled temporary fix pending corrective maintenance; part of corrective */
    ITSM_MAINT_PREVENTIVE = 2, /**< 予防保守: latent faults corrected before they become operational faults */
    ITSM_MAINT_ADAPTIVE = 3,   /**< 適応保守: keeps the product usable in a changed or changing environment */
    ITSM_MAINT_PERFECTIVE = 4, /**< 完全化保守: improvements for users, documentation, performance, maintainability */
    ITSM_MAINT_ADDITIVE = 5    /**< 追加保守: adds functions or features (ISO/IEC/IEEE 14764:2022 only) */
} itsm_maint_type;

/** The two maintenance classes (保守分類). */
typedef enum itsm_maint_class {
    ITSM_MAINT_CLASS_CORRECTION = 0, /**< 訂正保守: corrective, emergency, preventive */
    ITSM_MAINT_CLASS_ENHANCEMENT = 1 /**< 改良保守: adaptive, perfective, additive; "not a correction of the software" */
} itsm_maint_class;

/** Which edition of the maintenance standard a classification follows. */
typedef enum itsm_maint_standard {
    ITSM_MAINT_STD_JIS_X0161_2008 = 0, /**< JIS X 0161:2008 = ISO/IEC 14764:2006 (the seed's Table 2): no additive type */
    ITSM_MAINT_STD_ISO_14764_2022 = 1  /**< ISO/IEC/IEEE 14764:2022: adds additive maintenance */
} itsm_maint_standard;

/** What triggered a modification request: the facts a classification starts from. */
typedef enum itsm_mr_trigger {
    ITSM_MR_FAULT_FOUND = 0,        /**< a problem discovered after delivery (a failure happened) */
    ITSM_MR_TEMPORARY_FIX = 1,      /**< an urgent, unscheduled, temporary fix to keep the system running */
    ITSM_MR_LATENT_FAULT = 2,       /**< a latent fault found before it became an operational fault */
    ITSM_MR_ENVIRONMENT_CHANGE = 3, /**< the operating environment changed or is changing (OS, middleware, law) */
    ITSM_MR_IMPROVEMENT = 4,        /**< improvement of performance, maintainability, documentation, usability */
    ITSM_MR_NEW_FUNCTION = 5        /**< a new function or feature requested */
} itsm_mr_trigger;

/** Language of a returned name. */
typedef enum itsm_maint_lang {
    ITSM_MAINT_LANG_EN = 0, /**< English */
    ITSM_MAINT_LANG_JA = 1  /**< Japanese, the seed's term (UTF-8) */
} itsm_maint_lang;

/**
 * Classify an MR by what triggered it, under a standard.
 *
 * FAULT_FOUND → corrective; TEMPORARY_FIX → emergency; LATENT_FAULT → preventive;
 * ENVIRONMENT_CHANGE → adaptive; IMPROVEMENT → perfective; NEW_FUNCTION → additive under
 * ISO/IEC/IEEE 14764:2022 and perfective under JIS X 0161:2008 (whose perfective note
 * covers "improvements for users"; a new function the environment forces is
 * ENVIRONMENT_CHANGE, hence adaptive, under both).
 * @return ::ITSM_EINVAL for NULL `out` or an unknown standard or trigger.
 */
ITSM_API itsm_status itsm_maint_classify(itsm_maint_type *out, itsm_maint_standard standard,
                                         itsm_mr_trigger trigger);

/** The class of a type: correction (corrective, emergency, preventive) or enhancement. */
ITSM_API itsm_status itsm_maint_type_class(itsm_maint_class *out, itsm_maint_type type);

/** Whether a type exists in a standard (`*out` 1 or 0): additive only in the 2022 edition. */
ITSM_API itsm_status itsm_maint_type_in_standard(int *out, itsm_maint_standard standard, itsm_maint_type type);

/**
 * Name of a type: "corrective" / "是正保守", "emergency" / "緊急保守", ...
 * @note Ownership: static storage.
 */
ITSM_API itsm_status itsm_maint_type_name(const char **out, itsm_maint_type type, itsm_maint_lang lang);

/* ---- reasons ----------------------------------------------------------------------- */

/**
 * Why a judgment came out as it did. Each code has a static English explanation
 * (itsm_maint_reason_text()) and the seed or statute item it comes from
 * (itsm_maint_reason_source()). Values never change; new ones are only appended.
 */
typedef enum itsm_maint_reason {
    ITSM_MAINT_R_VENDOR_CORRECTION_IN_WARRANTY = 0,  /**< Table 10 ○: correction, vendor origin, inside the warranty period */
    ITSM_MAINT_R_VENDOR_CORRECTION_OUT_OF_WARRANTY = 1, /**< as above but the MR arose outside the warranty period */
    ITSM_MAINT_R_USER_ORIGIN = 2,                    /**< Table 10 ×: the user caused the MR */
    ITSM_MAINT_R_THIRD_PARTY_ORIGIN = 3,             /**< Table 10 △: a third party caused it (platform version-up, ...) */
    ITSM_MAINT_R_THIRD_PARTY_OUT_OF_WARRANTY = 4,    /**< Table 10 △ but the MR arose outside the warranty period */
    ITSM_MAINT_R_SECURITY_COUNTERMEASURE = 5,        /**< 2.10.1: vulnerability countermeasure, depends on the agreement */
    ITSM_MAINT_R_ENHANCEMENT = 6,                    /**< Table 10 ×: an enhancement is not a correction */
    ITSM_MAINT_R_SPEC_NOT_REALIZED = 7,              /**< origin unknown, documented function not realized: corrective, vendor */
    ITSM_MAINT_R_SPEC_NOT_REALIZED_OUT_OF_WARRANTY = 8, /**< as above but outside the warranty period */
    ITSM_MAINT_R_DOCS_SILENT_OR_AMBIGUOUS = 9,       /**< origin unknown, documents silent or ambiguous: negotiate */
    ITSM_MAINT_R_ORIGIN_UNKNOWN = 10,                /**< origin unknown and the documents not assessed */
    ITSM_MAINT_R_CUSTOMER_MATERIAL = 11,             /**< 636条: caused by material or instructions the customer supplied */
    ITSM_MAINT_R_QUASI_MANDATE = 12,                 /**< 準委任 (performance type): no defect liability as for 請負 */
    ITSM_MAINT_R_CLAIM_OLD_DELIVERY_1Y = 13,         /**< old 637条: claim within 1 year of delivery */
    ITSM_MAINT_R_CLAIM_NOTICE_1Y = 14,               /**< 637条1項: notice within 1 year of learning of it */
    ITSM_MAINT_R_CLAIM_KNOWN_5Y = 15,                /**< 166条1項1号: 5 years from knowing */
    ITSM_MAINT_R_CLAIM_EXERCISABLE_10Y = 16,         /**< 166条1項2号: 10 years from when exercisable (delivery) */
    ITSM_MAINT_R_CLAIM_CONTRACT_PERIOD = 17,         /**< the contract's own warranty period replaces the statute */
    ITSM_MAINT_R_CASE_LAW_PROMPT_REPAIR = 18,        /**< advisory: repaired without delay after notice, or a workaround agreed: may not be judged 瑕疵 (東京地判平成9年2月18日) */
    ITSM_MAINT_R_CASE_LAW_SERIOUS_BUGS = 19          /**< advisory: not minor, not repairable promptly, or numerous and recurring: judged 瑕疵 (same case law) */
} itsm_maint_reason;

/** Static English explanation of a reason code. */
ITSM_API itsm_status itsm_maint_reason_text(const char **out, itsm_maint_reason reason);
/** The seed item or statute a reason comes from, e.g. "seed A 2.10, Table 10". Static. */
ITSM_API itsm_status itsm_maint_reason_source(const char **out, itsm_maint_reason reason);

/* ---- civil-code regime (DOMAIN 1.5) --------------------------------------------------- */

/** Which civil code governs a contract. */
typedef enum itsm_civil_regime {
    ITSM_CIVIL_REGIME_UNKNOWN = 0, /**< no contract date given */
    ITSM_CIVIL_REGIME_OLD = 1,     /**< concluded before 2020-04-01: 瑕疵担保責任 (改正民法附則) */
    ITSM_CIVIL_REGIME_CURRENT = 2  /**< concluded on or after 2020-04-01: 契約不適合責任 */
} itsm_civil_regime;

/** Contract type of the maintenance or development agreement. */
typedef enum itsm_contract_kind {
    ITSM_CONTRACT_UNSPECIFIED = 0,         /**< not stated: Table 10 is applied as it stands */
    ITSM_CONTRACT_WORK = 1,                /**< 請負 work contract: carries defect / nonconformity liability */
    ITSM_CONTRACT_QUASI_MANDATE = 2,       /**< 準委任 (履行割合型): no such liability by statute */
    ITSM_CONTRACT_QUASI_MANDATE_RESULT = 3 /**< 準委任 成果完成型: treated like 請負 */
} itsm_contract_kind;

/** The regime of a contract concluded on `contract_date` (valid, 1900..2200). */
ITSM_API itsm_status itsm_maint_civil_regime(itsm_civil_regime *out, itsm_date contract_date);

/** The regime's term: "瑕疵担保責任" / "liability for defects (kashi tanpo)", "契約不適合責任" / ... */
ITSM_API itsm_status itsm_maint_civil_term(const char **out, itsm_civil_regime regime, itsm_maint_lang lang);

/** Version of ::itsm_claim_facts this header describes. */
#define ITSM_CLAIM_FACTS_VERSION 1

/** Dates of a defect / nonconformity claim. Versioned; start from ::ITSM_CLAIM_FACTS_INIT. */
typedef struct itsm_claim_facts {
    unsigned int version;   /**< must be 1..::ITSM_CLAIM_FACTS_VERSION */
    itsm_date contract_date; /**< when the contract was concluded: selects the regime */
    itsm_date delivery_date; /**< delivery (引渡し) or acceptance (検収) */
    itsm_date known_date;    /**< when the customer learned of the defect (current regime only; else may be {0}) */
    itsm_date notice_date;   /**< when the customer claimed (old) or notified (current) */
    int32_t contract_warranty_days; /**< the contract's own period from delivery (e.g. 365 for "検収後1年"); 0 = statute */
    int vendor_knew; /**< 637条2項: the contractor knew or was grossly negligent at delivery (no 1-year limit) */
} itsm_claim_facts;

/** Initializer: `itsm_claim_facts f = ITSM_CLAIM_FACTS_INIT;` then set the dates. */
#define ITSM_CLAIM_FACTS_INIT {ITSM_CLAIM_FACTS_VERSION, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, 0, 0}

/** Outcome of itsm_maint_claim_check(). Plain value; its layout never changes. */
typedef struct itsm_claim_result {
    itsm_civil_regime regime;
    int in_time;              /**< 1 when notice_date <= deadline */
    itsm_date deadline;       /**< the last day of the binding period (inclusive); itsm_maint_claim_check_ex()
                                   moves it off days without business (民法142条) */
    itsm_maint_reason reason; /**< which period binds (the earliest one) */
} itsm_claim_result;

/**
 * Whether a claim was made in time (DOMAIN 1.5). Periods in years end on the
 * corresponding day of the last year (民法140条/143条: the first day is not counted;
 * a Feb 29 start ends on Feb 28). Old regime: delivery + 1 year (旧637条). Current
 * regime: the earliest of known + 1 year (637条1項, not when `vendor_knew`), known + 5
 * years and delivery + 10 years (166条). A contract period, when set, replaces the
 * statute: delivery + `contract_warranty_days`. The deadline is the period's last day
 * whatever day of the week it is; itsm_maint_claim_check_ex() moves it off Sundays and
 * holidays (民法142条).
 * @return ::ITSM_EVERSION for a version 0 or newer than this header; ::ITSM_EINVAL or
 *         ::ITSM_ERANGE naming the bad date field; ::ITSM_EINVAL when known_date is
 *         before delivery_date or notice_date before known_date.
 */
ITSM_API itsm_status itsm_maint_claim_check(itsm_claim_result *out, const itsm_claim_facts *facts);

/** Version of ::itsm_claim_options this header describes. */
#define ITSM_CLAIM_OPTIONS_VERSION 1

/**
 * Which days do not end a period (民法142条: when the last day of a period is a Sunday, a
 * holiday of the national-holiday law or another holiday, and it is the custom not to do
 * business on that day, the period ends on the next day). Versioned; start from
 * ::ITSM_CLAIM_OPTIONS_INIT, which moves a deadline off Sundays and the days of the
 * built-in `jp` holiday set (国民の祝日, 振替休日, 国民の休日 and the one-off holidays),
 * the days the article names. Saturdays and the year-end closing are "other holidays" only
 * where that custom exists, so they count only when asked for.
 */
typedef struct itsm_claim_options {
    unsigned int version; /**< must be 1..::ITSM_CLAIM_OPTIONS_VERSION */
    int no_day_shift;     /**< 1: the parties agreed otherwise (民法138条); a period ends on its last day */
    int saturday_closed;  /**< Saturdays are days without business too (その他の休日) */
    /** Further days without business by custom (その他の休日), e.g. the built-in `jp-year-end`
     *  (Dec 29 .. Jan 3) or the parties' own closing days; NULL for none. Borrowed for the
     *  call. */
    const itsm_holiday_set *other_holidays;
} itsm_claim_options;

/** Initializer: `itsm_claim_options o = ITSM_CLAIM_OPTIONS_INIT;` (Sundays and `jp` holidays). */
#define ITSM_CLAIM_OPTIONS_INIT {ITSM_CLAIM_OPTIONS_VERSION, 0, 0, NULL}

/** What 民法142条 did to a deadline (itsm_maint_claim_check_ex()). Plain value; its layout never changes. */
typedef struct itsm_claim_shift {
    itsm_date period_end; /**< the last day of the binding period itself (itsm_maint_claim_check()'s deadline) */
    int32_t days;         /**< days the deadline moved past period_end; 0 when it did not move */
} itsm_claim_shift;

/**
 * itsm_maint_claim_check() with 民法142条 applied: when the binding period's last day is a
 * day without business under `options` (NULL: ::ITSM_CLAIM_OPTIONS_INIT), the deadline is
 * the next day that is not one (a run of such days, as Golden Week or a Sunday holiday and
 * its substitute holiday, is skipped as a whole), and `in_time` compares notice_date with
 * that day. `*out_shift` gives the period's own last day and how far the deadline moved.
 * Does not allocate.
 * @return the errors of itsm_maint_claim_check(); ::ITSM_EVERSION for an options version 0
 *         or newer than this header; ::ITSM_ERANGE when a day to examine is after 2150-12-31
 *         (the end of the `jp` set) or outside `other_holidays`' span.
 */
ITSM_API itsm_status itsm_maint_claim_check_ex(itsm_claim_result *out, itsm_claim_shift *out_shift,
                                               const itsm_claim_facts *facts, const itsm_claim_options *options);

/* ---- defect determination (Table 10) ------------------------------------------------- */

/** Origin (起因) of an MR. */
typedef enum itsm_mr_origin {
    ITSM_MR_ORIGIN_USER = 0,        /**< ユーザ */
    ITSM_MR_ORIGIN_VENDOR = 1,      /**< ベンダ */
    ITSM_MR_ORIGIN_THIRD_PARTY = 2, /**< 第三者: platform version-ups (OS, drivers), security holes */
    ITSM_MR_ORIGIN_UNKNOWN = 3      /**< cannot be identified (often upstream quality) */
} itsm_mr_origin;

/** What the contract and its documents (catalogue, proposal, requirements, design) say. */
typedef enum itsm_doc_coverage {
    ITSM_DOC_NOT_ASSESSED = 0,           /**< not looked at */
    ITSM_DOC_SPECIFIED_NOT_REALIZED = 1, /**< the function or performance is written there and not realized */
    ITSM_DOC_NOT_SPECIFIED = 2,          /**< the documents are silent */
    ITSM_DOC_AMBIGUOUS = 3               /**< the documents are ambiguous */
} itsm_doc_coverage;

/** Outcome of the defect investigation (2.10.2). */
typedef enum itsm_investigation {
    ITSM_INVESTIGATION_NOT_DONE = 0,
    ITSM_INVESTIGATION_FOUND_DEFECT = 1,
    ITSM_INVESTIGATION_FOUND_NO_DEFECT = 2
} itsm_investigation;

/** The verdict. */
typedef enum itsm_defect_verdict {
    ITSM_VERDICT_DEFECT = 0,              /**< ○ 瑕疵である */
    ITSM_VERDICT_NOT_DEFECT = 1,          /**< × 瑕疵ではない */
    ITSM_VERDICT_DEPENDS_ON_CONTRACT = 2, /**< △ 契約によって異なる: confirm in the contract beforehand */
    ITSM_VERDICT_OUT_OF_WARRANTY = 3,     /**< would be ○/△ but the MR arose outside the warranty period */
    ITSM_VERDICT_UNDETERMINED = 4         /**< cannot be decided from the documents: needs negotiation */
} itsm_defect_verdict;

/** Likely bearer of the defect investigation cost (2.10.2). */
typedef enum itsm_cost_bearer {
    ITSM_COST_VENDOR = 0,
    ITSM_COST_USER = 1,               /**< the vendor may bill the user; agree the handling beforehand */
    ITSM_COST_DEPENDS_ON_CONTRACT = 2 /**< the guideline does not decide it: the contract must */
} itsm_cost_bearer;

/** Version of ::itsm_defect_facts this header describes. */
#define ITSM_DEFECT_FACTS_VERSION 1

/** Facts of an MR. Versioned input; start from ::ITSM_DEFECT_FACTS_INIT. */
typedef struct itsm_defect_facts {
    unsigned int version;         /**< must be 1..::ITSM_DEFECT_FACTS_VERSION */
    itsm_maint_type type;         /**< the maintenance type (emergency counts as corrective) */
    itsm_mr_origin origin;        /**< who caused the MR */
    int inside_warranty;          /**< the MR arose inside the defect warranty period (瑕疵担保期間) */
    itsm_doc_coverage coverage;   /**< used when origin is unknown */
    int security_countermeasure;  /**< the MR is a vulnerability / security countermeasure (2.10.1) */
    int has_application_maintenance_contract; /**< an application maintenance contract is in force (2.10.2) */
    itsm_investigation investigation;         /**< outcome of the defect investigation (2.10.2) */
    itsm_date contract_date;      /**< {0,0,0} = not given; else selects the civil-code regime */
    itsm_contract_kind contract_kind;
    int customer_material;        /**< caused by material or instructions the customer supplied (636条) */
    int vendor_knew_unsuitable;   /**< ... and the vendor knew they were unsuitable and did not say so */
} itsm_defect_facts;

/** Initializer: corrective, origin unknown, outside warranty, nothing else known. */
#define ITSM_DEFECT_FACTS_INIT                                                                           \
    {ITSM_DEFECT_FACTS_VERSION, ITSM_MAINT_CORRECTIVE, ITSM_MR_ORIGIN_UNKNOWN, 0, ITSM_DOC_NOT_ASSESSED, 0, 0, \
     ITSM_INVESTIGATION_NOT_DONE, {0, 0, 0}, ITSM_CONTRACT_UNSPECIFIED, 0, 0}

/** Outcome of itsm_maint_defect_determine(). Plain value; its layout never changes. */
typedef struct itsm_defect_result {
    itsm_defect_verdict verdict;
    itsm_maint_reason reason;
    itsm_maint_type effective_type;    /**< emergency → corrective; unknown origin + not realized → corrective */
    itsm_mr_origin effective_origin;   /**< unknown origin + not realized → vendor */
    itsm_cost_bearer investigation_cost; /**< see itsm_maint_investigation_cost() */
    itsm_civil_regime regime;          /**< from contract_date; ::ITSM_CIVIL_REGIME_UNKNOWN when not given */
} itsm_defect_result;

/**
 * Is the MR a defect? Table 10 (seed A 2.10) first:
 *
 * | type                         | user | vendor | third party |
 * |------------------------------|------|--------|-------------|
 * | corrective (incl. emergency) |  ×   |   ○    |     △       |
 * | preventive                   |  ×   |   ○    |     △       |
 * | adaptive, perfective, additive |  ×   |   ×    |     ×       |
 *
 * ○ only inside the warranty period (outside: ::ITSM_VERDICT_OUT_OF_WARRANTY, also for
 * △). Origin unknown: documents specify and not realized → corrective, vendor origin
 * (○); silent or ambiguous → ::ITSM_VERDICT_UNDETERMINED for a correction type.
 * A security countermeasure (2.10.1) of a correction type with vendor or third-party
 * origin is △, never ○. Then the statute: customer material (636条) without the
 * vendor's knowledge turns ○ into ×; a quasi-mandate (準委任, performance type) turns ○
 * into △.
 * @return ::ITSM_EVERSION for a facts version 0 or newer than this header;
 *         ::ITSM_EINVAL naming the field for NULL or out-of-range values; a bad
 *         contract_date is ::ITSM_EINVAL / ::ITSM_ERANGE naming it.
 */
ITSM_API itsm_status itsm_maint_defect_determine(itsm_defect_result *out, const itsm_defect_facts *facts);

/** Version of ::itsm_repair_facts this header describes. */
#define ITSM_REPAIR_FACTS_VERSION 1

/**
 * What happened to a bug found after acceptance, as the case law of DOMAIN 1.5 weighs it
 * (東京地判平成9年2月18日 判タ964号172頁; 東京地判平成25年5月28日 判タ1416号234頁). Versioned;
 * start from ::ITSM_REPAIR_FACTS_INIT (nothing known). Flags are booleans.
 */
typedef struct itsm_repair_facts {
    unsigned int version;  /**< must be 1..::ITSM_REPAIR_FACTS_VERSION */
    int fixed_promptly;    /**< the vendor repaired it without delay after the user's notice (遅滞なく補修) */
    int workaround_agreed; /**< the vendor agreed a reasonable workaround with the user */
    int serious;           /**< not minor, not repairable promptly, or so numerous and recurring that operation is impaired */
} itsm_repair_facts;

/** Initializer: nothing known about the repair. */
#define ITSM_REPAIR_FACTS_INIT {ITSM_REPAIR_FACTS_VERSION, 0, 0, 0}

/** An advisory that goes with a verdict without changing it. Plain value; its layout never changes. */
typedef struct itsm_defect_advisory {
    int given;                /**< 1 when there is an advisory, else 0 (and `reason` is 0) */
    itsm_maint_reason reason; /**< ::ITSM_MAINT_R_CASE_LAW_PROMPT_REPAIR or ::ITSM_MAINT_R_CASE_LAW_SERIOUS_BUGS */
} itsm_defect_advisory;

/**
 * itsm_maint_defect_determine(), with the case-law advisory of DOMAIN 1.5 for a verdict that
 * could make the bug a defect (::ITSM_VERDICT_DEFECT, ::ITSM_VERDICT_DEPENDS_ON_CONTRACT,
 * ::ITSM_VERDICT_UNDETERMINED). The advisory never changes the verdict: whether the rule
 * applies is for the parties or a court, not the library.
 *
 * - `serious`: ::ITSM_MAINT_R_CASE_LAW_SERIOUS_BUGS: bugs that are not minor, cannot be
 *   repaired promptly, or are so numerous and recurring that operation is impaired are
 *   judged a defect (瑕疵) even when found after acceptance;
 * - otherwise `fixed_promptly` or `workaround_agreed`: ::ITSM_MAINT_R_CASE_LAW_PROMPT_REPAIR:
 *   bugs found after acceptance that the vendor repaired without delay after notice, or for
 *   which it agreed a reasonable workaround, may not be judged a defect (H9.2.18 rule);
 * - otherwise, or with `repair` NULL, no advisory (`given` 0).
 *
 * Does not allocate.
 * @return the errors of itsm_maint_defect_determine(); ::ITSM_EVERSION for a repair facts
 *         version 0 or newer than this header.
 */
ITSM_API itsm_status itsm_maint_defect_determine_ex(itsm_defect_result *out, itsm_defect_advisory *out_advisory,
                                                    const itsm_defect_facts *facts, const itsm_repair_facts *repair);

/**
 * Likely bearer of the defect investigation cost (2.10.2): inside the warranty period
 * the vendor, except that without an application maintenance contract an investigation
 * that found no defect may be billed to the user; outside the period the guideline does
 * not say, so the contract decides.
 */
ITSM_API itsm_status itsm_maint_investigation_cost(itsm_cost_bearer *out, int inside_warranty,
                                                   int has_application_maintenance_contract,
                                                   itsm_investigation investigation);

/** Name of a verdict: "defect" / "瑕疵である", ..., "undetermined: needs negotiation" / "要協議". Static. */
ITSM_API itsm_status itsm_maint_verdict_name(const char **out, itsm_defect_verdict verdict, itsm_maint_lang lang);

/* ---- package customization (2.7.1, Figure 7) ------------------------------------------ */

/** Customization class of application software. */
typedef enum itsm_custom_class {
    ITSM_CUSTOM_ORDER = 0,       /**< オーダソフト: developed for the user */
    ITSM_CUSTOM_I_PARAMETER = 1, /**< Ⅰ パラメータ設定: package unmodified, loosely coupled order software allowed */
    ITSM_CUSTOM_II_ADDON = 2,    /**< Ⅱ アドオン: add-on parts tightly coupled to the package body */
    ITSM_CUSTOM_III_MODIFY = 3   /**< Ⅲ モディファイ: the package's own source code modified */
} itsm_custom_class;

/** Ease of a package version-up (バージョンアップ容易度). */
typedef enum itsm_versionup_ease {
    ITSM_VERSIONUP_NOT_APPLICABLE = 0, /**< order software: no package version-up */
    ITSM_VERSIONUP_EASY = 1,           /**< ○ */
    ITSM_VERSIONUP_MEDIUM = 2,         /**< △ (usually extra development cost) */
    ITSM_VERSIONUP_HARD = 3            /**< × (usually extra development cost) */
} itsm_versionup_ease;

/**
 * Class of an application: not a package → order software; package source modified →
 * III; an add-on tightly coupled (reads or updates the package's own files or tables) →
 * II; otherwise I (parameters only; order software coupled through files, APIs or web
 * services is allowed). Flags are booleans (any non-zero is true).
 */
ITSM_API itsm_status itsm_maint_custom_classify(itsm_custom_class *out, int is_package, int source_modified,
                                                int tightly_coupled_addon);

/** Version-up ease of a class: I ○, II △, III ×, order software not applicable. */
ITSM_API itsm_status itsm_maint_custom_versionup(itsm_versionup_ease *out, itsm_custom_class cls);

/** Name of a class ("I parameter" / "Ⅰ パラメータ設定", ...). Static. */
ITSM_API itsm_status itsm_maint_custom_name(const char **out, itsm_custom_class cls, itsm_maint_lang lang);

/* ---- free and open source software (2.7.2, Table 8) --------------------------------- */

/** Who selected the FOSS. */
typedef enum itsm_foss_selector {
    ITSM_FOSS_SELECTED_BY_VENDOR = 0, /**< ベンダが主体で選定 */
    ITSM_FOSS_SELECTED_BY_USER = 1    /**< ユーザが主体で選定 */
} itsm_foss_selector;

/** The vendor's duty to explain. */
typedef enum itsm_foss_duty {
    ITSM_FOSS_DUTY_CONTRACTUAL = 0, /**< 説明義務を契約上の責任として負う */
    ITSM_FOSS_DUTY_CERTAIN = 1      /**< 一定の説明責任を負う */
} itsm_foss_duty;

/** The vendor's fault for which it is not exempt when it did not explain. */
typedef enum itsm_foss_fault {
    ITSM_FOSS_FAULT_INTENT_OR_GROSS_NEGLIGENCE = 0, /**< 故意重過失 */
    ITSM_FOSS_FAULT_MALICE_OR_GROSS_NEGLIGENCE = 1  /**< 悪意重過失 */
} itsm_foss_fault;

/** One row of Table 8. Plain value; its layout never changes. */
typedef struct itsm_foss_responsibility {
    itsm_foss_duty duty;
    itsm_foss_fault not_exempt_for; /**< not exempt when it did not explain with this fault */
    const char *text_en;            /**< the row in English (static) */
    const char *text_ja;            /**< the row as the seed words it (static, UTF-8) */
} itsm_foss_responsibility;

/**
 * The vendor's responsibility for FOSS by who selected it (Table 8). The premises hold
 * for both rows: the vendor can hardly know of defects or infringements, the user
 * decides adoption on its own responsibility and licenses directly from the licensor.
 */
ITSM_API itsm_status itsm_maint_foss_responsibility(itsm_foss_responsibility *out, itsm_foss_selector selector);

ITSM_END_DECL

#endif /* ITSM_MAINT_H */
