/**
 * @file itsm/kpi.h
 * @brief KPI formulas: the indicators of the digital-government guidebook's Reference 9-2
 *        and 9-3 (online usage rate by user category), help-desk rates (self-resolution,
 *        self-service, first-contact resolution, escalation, reopen), reassignments, failure
 *        rate per device-year and the fixed-versus-spot maintenance break-even (Case 9-6),
 *        planned versus actual effort (Case 9-4), the Heinrich ratio and the function usage
 *        inventory (Case 9-10).
 *
 * Every rate is an ::itsm_kpi_rate: numerator, denominator and their ratio (a fraction;
 * multiply by 100 for percent). A denominator of 0 means "no data" (has_data 0, ratio
 * NaN): 0/0 is neither 0 % nor 100 %. Rates over several groups are the sum of the
 * numerators over the sum of the denominators, never a mean of percentages.
 *
 * Averages are per category (itsm_kpi_mean_by_category()): the guidebook's rule is not to
 * average different kinds of things together. An average over everything is the
 * explicitly named itsm_kpi_mean_mixed().
 *
 * Counts, amounts, hours and costs are doubles. A negative, NaN or infinite input is
 * ::ITSM_EINVAL with a message naming the function and the argument (for arrays, the
 * index); a part larger than its whole is ::ITSM_EINVAL naming both. Categories and groups
 * are codes 0 .. n-1 (a caller maps its labels to codes). Nothing here allocates; every
 * function may be called from any number of threads.
 */
#ifndef ITSM_KPI_H
#define ITSM_KPI_H

#include "itsm/incident.h"

ITSM_BEGIN_DECL

/**
 * A KPI rate: numerator / denominator, with both kept. Plain value; layout never changes.
 *
 * Unlike ::itsm_rate of itsm/metrics.h (an exact, correctly rounded ratio of two int64
 * counts, used by SLA evaluation), a KPI's parts may be quantities that are not counts:
 * hours of effort, yen of cost, device-years. So both parts are doubles here; for counts
 * the two types agree (the ratio of counts below 2^53 is the same double).
 */
typedef struct itsm_kpi_rate {
    double numerator;   /**< e.g. answers "satisfied", calls answered on the spot */
    double denominator; /**< e.g. all valid answers, all inquiries */
    double ratio;       /**< numerator / denominator as a fraction; NaN when has_data is 0 */
    int has_data;       /**< 0 when the denominator is 0 ("no data"), else 1 */
} itsm_kpi_rate;

/* ---- the indicator catalogue: Reference 9-2 (1 .. 15) and 9-3 (16) ---------------- */

/** The indicators of Reference 9-2 (numbered as there) and the online usage rate of
 *  Reference 9-3. Values never change; new ones are only appended. */
typedef enum itsm_kpi_indicator {
    ITSM_KPI_USER_SATISFACTION = 1,                 /**< 利用者満足度 (%) */
    ITSM_KPI_DESK_AVERAGE_HANDLING_TIME = 2,        /**< 相談窓口の平均対応時間 (min per case) */
    ITSM_KPI_DESK_RESOLUTION_RATE = 3,              /**< 相談窓口における苦情・相談解決率 (%) */
    ITSM_KPI_ESCALATION_REDUCTION_RATE = 4,         /**< エスカレーション件数の逓減率 (% per year) */
    ITSM_KPI_COUNTER_APPLICATION_COST = 5,          /**< 窓口申請に要する費用 (yen) */
    ITSM_KPI_ONLINE_APPLICATION_COST = 6,           /**< オンライン申請に要する費用 (yen) */
    ITSM_KPI_STAFF_SATISFACTION = 7,                /**< 職員満足度 (%) */
    ITSM_KPI_STAFF_COMPLAINTS = 8,                  /**< 職員苦情・相談件数 (cases) */
    ITSM_KPI_STAFF_COMPLAINT_RESOLUTION_TIME = 9,   /**< 職員苦情・相談解決までの平均時間 (min per case) */
    ITSM_KPI_PROCESSING_TIME_SAVED = 10,            /**< 削減業務処理時間 (hours) */
    ITSM_KPI_COST_SAVED = 11,                       /**< 削減経費 (yen) */
    ITSM_KPI_DEVELOPMENT_COST_REDUCTION_RATE = 12,  /**< 開発経費削減率 (%) */
    ITSM_KPI_OPERATION_COST_REDUCTION_RATE = 13,    /**< 運用経費削減率 (%) */
    ITSM_KPI_MAINTENANCE_COST_REDUCTION_RATE = 14,  /**< 保守経費削減率 (%) */
    ITSM_KPI_OUTSOURCING_COST_REDUCTION_RATE = 15,  /**< 業務・サービス委託経費削減率 (%) */
    ITSM_KPI_ONLINE_USAGE_RATE = 16                 /**< オンライン利用率 (%), Reference 9-3 */
} itsm_kpi_indicator;

/** The first and last ::itsm_kpi_indicator. */
#define ITSM_KPI_INDICATOR_FIRST 1
#define ITSM_KPI_INDICATOR_LAST 16

/** How an indicator is computed from its operands a and b. */
typedef enum itsm_kpi_kind {
    ITSM_KPI_KIND_SHARE = 0,      /**< a / b, a part of a whole (0 <= a <= b) */
    ITSM_KPI_KIND_AVERAGE = 1,    /**< a / b, a total over a count of cases */
    ITSM_KPI_KIND_AMOUNT = 2,     /**< a as it is (b must be 0); denominator 1 */
    ITSM_KPI_KIND_DIFFERENCE = 3, /**< a - b, before minus after; denominator 1 */
    ITSM_KPI_KIND_REDUCTION = 4   /**< (a - b) / a, baseline a and current b */
} itsm_kpi_kind;

/** What an indicator is. Plain value; the strings are static (never freed). */
typedef struct itsm_kpi_indicator_info {
    itsm_kpi_indicator indicator;
    itsm_kpi_kind kind;
    const char *key;        /**< identifier, "user_satisfaction" */
    const char *name_en;    /**< "user satisfaction" */
    const char *name_ja;    /**< "利用者満足度" */
    const char *formula_en; /**< the formula in words, as in the guidebook */
    const char *formula_ja; /**< the guidebook's formula */
    const char *unit;       /**< "%", "min/case", "yen", "cases", "h", "%/year" */
    const char *operand_a;  /**< name of a ("satisfied_answers") */
    const char *operand_b;  /**< name of b ("valid_answers"), or NULL when b is unused */
    const char *source;     /**< "Reference 9-2 no. 1" */
} itsm_kpi_indicator_info;

/** What an indicator is: names, formula, unit, operands. ::ITSM_EINVAL for an unknown one. */
ITSM_API itsm_status itsm_kpi_indicator_get_info(itsm_kpi_indicator_info *out, itsm_kpi_indicator indicator);

/**
 * Compute an indicator from its operands (see ::itsm_kpi_kind and the info's operand
 * names): shares and averages give a / b (no data when b is 0), reduction rates
 * (a - b) / a with a the baseline (negative when costs grew; no data when the baseline
 * is 0), amounts a, differences a - b (denominator 1).
 * @return ::ITSM_EINVAL naming the operand that is negative, NaN or infinite, a share's
 *         part above its whole, or a b given (non-zero) to an amount.
 */
ITSM_API itsm_status itsm_kpi_indicator_compute(itsm_kpi_rate *out, itsm_kpi_indicator indicator, double a,
                                                double b);

/* ---- rates by formula ------------------------------------------------------------------ */

/** part / whole, with 0 <= part <= whole. */
ITSM_API itsm_status itsm_kpi_share(itsm_kpi_rate *out, double part, double whole);

/** (baseline - current) / baseline: the reduction rate of Reference 9-2 nos. 4 and 12-15.
 *  Negative when current exceeds the baseline; no data when the baseline is 0. */
ITSM_API itsm_status itsm_kpi_reduction_rate(itsm_kpi_rate *out, double baseline, double current);

/** Self-resolution rate (自己解決率, Case 9-7): inquiries answered on the spot by the
 *  operator / all inquiries (the rest were escalated and answered by callback). */
ITSM_API itsm_status itsm_kpi_self_resolution_rate(itsm_kpi_rate *out, double answered_on_the_spot,
                                                   double inquiries);

/** End-user self-service rate: issues users resolved themselves (portal, FAQ) / (those +
 *  contacts to the desk). Not the same thing as the self-resolution rate above. */
ITSM_API itsm_status itsm_kpi_self_service_rate(itsm_kpi_rate *out, double resolved_by_self_service,
                                                double desk_contacts);

/** First-contact resolution, gross: resolved at the first contact / all contacts. */
ITSM_API itsm_status itsm_kpi_fcr_gross(itsm_kpi_rate *out, double resolved_at_first_contact, double contacts);

/** First-contact resolution, net: resolved at the first contact / (all contacts - contacts
 *  that could not be resolved at the first contact by their nature: a visit, a part, a
 *  rule that sends them on). The excluded contacts must not exceed the contacts, nor the
 *  resolved ones the rest. */
ITSM_API itsm_status itsm_kpi_fcr_net(itsm_kpi_rate *out, double resolved_at_first_contact, double contacts,
                                      double not_resolvable_at_first_contact);

/** Escalation rate: contacts escalated to a second line / all contacts. */
ITSM_API itsm_status itsm_kpi_escalation_rate(itsm_kpi_rate *out, double escalated, double contacts);

/** Escalation reduction rate (Reference 9-2 no. 4): (previous year's escalations - this
 *  year's) / previous year's. */
ITSM_API itsm_status itsm_kpi_escalation_reduction_rate(itsm_kpi_rate *out, double previous_year,
                                                        double this_year);

/** Reopen rate: incidents reopened after resolution / incidents resolved. */
ITSM_API itsm_status itsm_kpi_reopen_rate(itsm_kpi_rate *out, double reopened, double resolved);

/** Failure rate per device-year (Case 9-6): failures / device-years of exposure (devices x
 *  years, or the sum of each device's years in service). The ratio may exceed 1. */
ITSM_API itsm_status itsm_kpi_failure_rate(itsm_kpi_rate *out, double failures, double device_years);

/* ---- categories and averages ------------------------------------------------------------ */

/**
 * A share broken down by category, numerator and denominator from different sources
 * (Reference 9-3: online applications by user category / all applications by the same
 * categories). Each source is a list of category codes (0 .. n_categories-1) with optional
 * weights (NULL: each entry counts 1; else a count per entry, e.g. one row per category).
 *
 * out[c] = part(c) / whole(c) for each category; *out_total = the sums over all categories
 * (a weighted rate, not a mean of the categories' rates). A category with a part but no
 * whole, or a part above its whole, is ::ITSM_EINVAL naming the category: the two sources
 * must classify alike.
 * @param out n_categories rates (caller's array).
 * @param out_total may be NULL.
 */
ITSM_API itsm_status itsm_kpi_share_by_category(itsm_kpi_rate *out, itsm_kpi_rate *out_total, size_t n_categories,
                                                const int32_t *part_category, const double *part_weight,
                                                size_t n_part, const int32_t *whole_category,
                                                const double *whole_weight, size_t n_whole);

/**
 * Mean per category: out[c] = sum of values[i] with category[i] == c / their count
 * (numerator the sum, denominator the count; no data for an empty category). Values may
 * be negative; NaN or infinite values are ::ITSM_EINVAL naming the index.
 * @param out n_categories rates (caller's array).
 */
ITSM_API itsm_status itsm_kpi_mean_by_category(itsm_kpi_rate *out, size_t n_categories, const int32_t *category,
                                               const double *values, size_t n);

/** The mean of all values, mixing whatever kinds they are: the caller asks for it by name.
 *  Numerator the sum, denominator n; no data when n is 0. */
ITSM_API itsm_status itsm_kpi_mean_mixed(itsm_kpi_rate *out, const double *values, size_t n);

/* ---- incidents: reassignments and reopenings ------------------------------------------- */

/**
 * Reassignments (hand-offs) of each incident: the number of assignments to a group other
 * than the one it was assigned to before (the first assignment is not a reassignment, nor
 * is an assignment to the same group again). out[i] for incidents[i].
 * @return ::ITSM_EINVAL naming the index of a NULL incident.
 */
ITSM_API itsm_status itsm_kpi_reassignments(int32_t *out, const itsm_incident *const *incidents, size_t n);

/** Reassignments and reopenings over a set of incidents. Plain value. */
typedef struct itsm_kpi_incident_summary {
    size_t incidents;                      /**< incidents in the set */
    int64_t reassignments;                 /**< total reassignments */
    int32_t max_reassignments;             /**< the most any one incident had */
    itsm_kpi_rate reassigned;              /**< incidents with >= 1 reassignment / incidents */
    itsm_kpi_rate reassignments_per_incident; /**< reassignments / incidents */
    itsm_kpi_rate reopen;                  /**< incidents reopened at least once / incidents
                                                resolved at least once */
} itsm_kpi_incident_summary;

/** Summarise reassignments and reopenings (milestones' reopen_count) of `n` incidents. */
ITSM_API itsm_status itsm_kpi_incident_summary_get(itsm_kpi_incident_summary *out,
                                                   const itsm_incident *const *incidents, size_t n);

/* ---- maintenance contracts: fixed versus spot (Case 9-6) ---------------------------- */

/** Which maintenance contract costs less. */
typedef enum itsm_kpi_cheaper {
    ITSM_KPI_CHEAPER_EQUAL = 0, /**< both cost the same */
    ITSM_KPI_CHEAPER_FIXED = 1, /**< the fixed (定期保守) contract */
    ITSM_KPI_CHEAPER_SPOT = 2   /**< spot (スポット) maintenance */
} itsm_kpi_cheaper;

/** Fixed versus spot maintenance for a year. Plain value. */
typedef struct itsm_kpi_break_even {
    double fixed_cost;           /**< the fixed contract's cost per year */
    double spot_cost;            /**< spot base cost + failures x cost per failure, per year */
    double break_even_failures;  /**< failures per year at which both cost the same
                                      (fixed - spot base) / cost per failure; may be < 0 */
    itsm_kpi_cheaper cheaper;    /**< which costs less at the expected failures */
} itsm_kpi_break_even;

/**
 * Compare a fixed maintenance contract with spot maintenance at `failures_per_year`
 * expected failures (e.g. itsm_kpi_failure_rate() ratio x devices).
 * @return ::ITSM_EINVAL for a negative or non-finite argument, or a spot cost per failure
 *         of 0 (the break-even is then undefined).
 */
ITSM_API itsm_status itsm_kpi_maintenance_break_even(itsm_kpi_break_even *out, double failures_per_year,
                                                     double fixed_cost_per_year, double spot_cost_per_failure,
                                                     double spot_base_cost_per_year);

/* ---- planned versus actual effort (Case 9-4) --------------------------------------------- */

/** Planned and actual effort of one group (a work item or a person). Plain value. */
typedef struct itsm_kpi_effort {
    int64_t records;  /**< effort records in the group */
    double planned;   /**< planned hours */
    double actual;    /**< actual hours */
    double variance;  /**< actual - planned (positive: overrun) */
    itsm_kpi_rate ratio; /**< actual / planned; no data when both are 0, +infinity for work
                              done without a plan (planned 0, actual > 0) */
} itsm_kpi_effort;

/**
 * Planned versus actual effort per group: records i with group[i] == g add planned[i] and
 * actual[i] (hours, >= 0) to out[g]. Group by work item or by person by passing those
 * codes.
 * @param out n_groups results (caller's array).
 */
ITSM_API itsm_status itsm_kpi_effort_by_group(itsm_kpi_effort *out, size_t n_groups, const int32_t *group,
                                              const double *planned, const double *actual, size_t n);

/* ---- the Heinrich ratio ---------------------------------------------------------------- */

/** Heinrich's 1 : 29 : 300 of major incidents, minor incidents and near misses (ヒヤリハット). */
typedef struct itsm_kpi_heinrich {
    double major, minor, near_misses;  /**< the counts given */
    itsm_kpi_rate minor_per_major;     /**< minor / major (Heinrich: 29) */
    itsm_kpi_rate near_misses_per_major; /**< near misses / major (Heinrich: 300) */
    itsm_kpi_rate near_misses_per_minor; /**< near misses / minor (Heinrich: about 10.3) */
} itsm_kpi_heinrich;

/** The observed ratio major : minor : near misses. Ratios per major incident have no data
 *  when there was none. */
ITSM_API itsm_status itsm_kpi_heinrich_ratio(itsm_kpi_heinrich *out, double major, double minor,
                                             double near_misses);

/* ---- function usage inventory (Case 9-10) ----------------------------------------------- */

/** An organisation's answer about one function. Values never change. */
typedef enum itsm_kpi_usage_answer {
    ITSM_KPI_USAGE_ALL_WORK = 0,   /**< 業務を全て遂行: does all of the work with it */
    ITSM_KPI_USAGE_ALSO_OTHER = 1, /**< 他の手段も併用: also uses other means */
    ITSM_KPI_USAGE_NOT_USED = 2    /**< 全く利用していない: does not use it */
} itsm_kpi_usage_answer;

/** What to consider doing with a function. Values never change. */
typedef enum itsm_kpi_usage_verdict {
    ITSM_KPI_VERDICT_KEEP = 0,       /**< used for the work by those who answered */
    ITSM_KPI_VERDICT_IMPROVE = 1,    /**< someone also uses other means: candidate for improvement */
    ITSM_KPI_VERDICT_RETIRE = 2,     /**< nobody uses it and the logs agree: candidate for retirement */
    ITSM_KPI_VERDICT_CHECK = 3,      /**< nobody says they use it but the logs show use: find out who */
    ITSM_KPI_VERDICT_NO_ANSWERS = 4  /**< no organisation answered for it */
} itsm_kpi_usage_verdict;

/** Options of itsm_kpi_function_inventory(). Start from ::ITSM_KPI_INVENTORY_OPTIONS_INIT. */
typedef struct itsm_kpi_inventory_options {
    unsigned int version;   /**< ::ITSM_KPI_INVENTORY_OPTIONS_VERSION */
    int64_t retire_max_uses; /**< log uses up to which "not used" is confirmed (default 0) */
} itsm_kpi_inventory_options;

#define ITSM_KPI_INVENTORY_OPTIONS_VERSION 1
#define ITSM_KPI_INVENTORY_OPTIONS_INIT {ITSM_KPI_INVENTORY_OPTIONS_VERSION, 0}

/** The inventory of one function. Plain value. */
typedef struct itsm_kpi_function_usage {
    int64_t all_work;          /**< organisations that do all of the work with it */
    int64_t also_other;        /**< organisations that also use other means */
    int64_t not_used;          /**< organisations that do not use it */
    int64_t log_uses;          /**< uses in the logs (0 when no log counts were given) */
    itsm_kpi_rate not_used_share;   /**< not_used / answers */
    itsm_kpi_rate also_other_share; /**< also_other / answers */
    itsm_kpi_usage_verdict verdict;
} itsm_kpi_function_usage;

/**
 * Summarise a function usage survey (Case 9-10) with the usage logs: answers[i] (an
 * ::itsm_kpi_usage_answer) is one organisation's answer about function function[i];
 * log_uses[f] (n_functions counts, >= 0, or NULL when there are no logs) the uses of f in
 * the logs. Verdicts: RETIRE when every answer is "not used" and the logs show at most
 * retire_max_uses uses; CHECK when every answer is "not used" but the logs show more;
 * IMPROVE when any answer is "also other means"; KEEP otherwise; NO_ANSWERS when nobody
 * answered (the logs alone decide nothing).
 * @param out n_functions results (caller's array).
 * @param options NULL for the defaults.
 */
ITSM_API itsm_status itsm_kpi_function_inventory(itsm_kpi_function_usage *out, size_t n_functions,
                                                 const int32_t *function, const int32_t *answers,
                                                 size_t n_answers, const int64_t *log_uses,
                                                 const itsm_kpi_inventory_options *options);

ITSM_END_DECL

#endif /* ITSM_KPI_H */
