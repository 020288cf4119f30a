/**
 * @file itsm/sla.h
 * @brief SLA items (seed A 4.5 and the tables of 4.6-4.10): the item model with its level
 *        table L1..L4, the agreed level, metric, selector and service credits; level
 *        evaluation of a measured value ("agreed L3, achieved L2"); and the built-in
 *        catalogue of every SLA table of the guideline.
 *
 * An ::itsm_sla_item is an opaque, immutable document read from canonical JSON
 * ({"itsm_schema": 1, "type": "sla_item", ...}; docs/schema/sla_item.schema.json; the same
 * members appear without the header in an agreement's "sla_items") and written back to the
 * same text. Only "id" is required: completeness is the agreement lint's job. What the
 * reader does check: the shape of every member, that each level is exactly one kind, that
 * ordinal levels name a position of the item's "scale", and that the levels never get
 * weaker from L1 (lowest) to L4 (an error names the JSON path of the offending level).
 *
 * Measurement is not done here: the caller measures (per-record clocks, call rates,
 * availability ...) and asks itsm_sla_item_evaluate() which levels the measured value
 * meets. Numbers are compared exactly: thresholds are decimals kept as fractions, and a
 * measured double is read as the decimal it prints as with 15 significant digits.
 *
 * Const access from any number of threads; nothing here has global state.
 */
#ifndef ITSM_SLA_H
#define ITSM_SLA_H

#include "itsm/agreement.h"
#include "itsm/common.h"
#include "itsm/service.h"

#include <stddef.h>
#include <stdint.h>

ITSM_BEGIN_DECL

/** An SLA item. */
typedef struct itsm_sla_item itsm_sla_item;
/** A catalogue of SLA tables (the built-in one, or one read from JSON). */
typedef struct itsm_sla_catalogue itsm_sla_catalogue;

/** Level number of the agreed custom value (the item's "custom_level"). */
#define ITSM_SLA_CUSTOM 5

/** Measurement unit ("unit"). Values never change; new ones are only appended. */
typedef enum itsm_sla_unit {
    ITSM_SLA_UNIT_NONE = 0,       /**< not stated (for a measured value: the item's own unit) */
    ITSM_SLA_UNIT_SECOND = 1,     /**< "second" */
    ITSM_SLA_UNIT_MINUTE = 2,     /**< "minute" (60 s) */
    ITSM_SLA_UNIT_HOUR = 3,       /**< "hour" (3600 s) */
    ITSM_SLA_UNIT_DAY = 4,        /**< "day" (86400 s) */
    ITSM_SLA_UNIT_WEEK = 5,       /**< "week" (7 days) */
    ITSM_SLA_UNIT_MONTH = 6,      /**< "month" (not convertible to seconds) */
    ITSM_SLA_UNIT_YEAR = 7,       /**< "year" (not convertible to seconds) */
    ITSM_SLA_UNIT_PERCENT = 8,    /**< "percent" (1/100 of a ratio) */
    ITSM_SLA_UNIT_RATIO = 9,      /**< "ratio" (0 .. 1) */
    ITSM_SLA_UNIT_COUNT = 10,     /**< "count" */
    ITSM_SLA_UNIT_PERSON_DAY = 11,/**< "person_day" (effort) */
    ITSM_SLA_UNIT_TIME_BAND = 12, /**< "time_band" (reception hours; no numbers) */
    ITSM_SLA_UNIT_TEXT = 13       /**< "text" (no numbers) */
} itsm_sla_unit;

/** Target (目標) or guarantee (保証): the item's "kind". */
typedef enum itsm_sla_commitment {
    ITSM_SLA_COMMITMENT_NONE = 0,     /**< not stated */
    ITSM_SLA_COMMITMENT_TARGET = 1,   /**< "target": missed = a finding */
    ITSM_SLA_COMMITMENT_GUARANTEE = 2 /**< "guarantee": missed = a breach of contract (credits apply) */
} itsm_sla_commitment;

/** Measurement period ("period"). */
typedef enum itsm_sla_period {
    ITSM_SLA_PERIOD_UNSTATED = 0, /**< not stated */
    ITSM_SLA_PERIOD_NONE = 1,     /**< "none": each record or event on its own */
    ITSM_SLA_PERIOD_DAY = 2,      /**< "day" */
    ITSM_SLA_PERIOD_WEEK = 3,     /**< "week" */
    ITSM_SLA_PERIOD_MONTH = 4,    /**< "month" */
    ITSM_SLA_PERIOD_QUARTER = 5,  /**< "quarter" */
    ITSM_SLA_PERIOD_YEAR = 6,     /**< "year" */
    ITSM_SLA_PERIOD_CONTRACT = 7, /**< "contract": the whole contract period */
    ITSM_SLA_PERIOD_ROLLING = 8   /**< "rolling": a window of "window_days" days ending at the evaluation */
} itsm_sla_period;

/** What one cell of the level table says. */
typedef enum itsm_sla_level_kind {
    ITSM_SLA_LEVEL_ABSENT = 0,        /**< the table has no cell for this level (blank in the guideline) */
    ITSM_SLA_LEVEL_THRESHOLD = 1,     /**< a number and a comparator in the item's unit ("op", "value") */
    ITSM_SLA_LEVEL_DEADLINE = 2,      /**< a deadline in calendar words ("deadline": "next business day") */
    ITSM_SLA_LEVEL_ORDINAL = 3,       /**< a position on the item's scale ("ordinal": "FW + NIDS") */
    ITSM_SLA_LEVEL_NONE = 4,          /**< "none" (規定無し / 設定なし): nothing is required */
    ITSM_SLA_LEVEL_NOT_SUPPORTED = 5, /**< "not_supported" (未対応): the level does not offer the item */
    ITSM_SLA_LEVEL_UNDEFINED = 6,     /**< "undefined" (未定): not decided, nothing is required */
    ITSM_SLA_LEVEL_PER_CONTRACT = 7   /**< "per_contract" (個別契約で設定) without the contract's value */
} itsm_sla_level_kind;

/** Comparator of a threshold: the measured value must satisfy `measured OP value`. */
typedef enum itsm_sla_op {
    ITSM_SLA_OP_LT = 0, /**< "<" */
    ITSM_SLA_OP_LE = 1, /**< "<=" */
    ITSM_SLA_OP_GE = 2, /**< ">=" */
    ITSM_SLA_OP_GT = 3  /**< ">" */
} itsm_sla_op;

/**
 * One cell of the level table, or the custom agreed value. Strings are borrowed from the
 * item. A "per contract" cell with the contract's value reads as that value (kind
 * THRESHOLD, DEADLINE or ORDINAL) with `per_contract` set; without it, kind is
 * ::ITSM_SLA_LEVEL_PER_CONTRACT.
 */
typedef struct itsm_sla_level {
    itsm_sla_level_kind kind;
    int per_contract;             /**< 1 when the cell is "per contract" */
    itsm_sla_op op;               /**< THRESHOLD */
    double value;                 /**< THRESHOLD: the value in the item's unit */
    int64_t value_num, value_den; /**< THRESHOLD: exactly value_num / value_den (den > 0) */
    const char *deadline;         /**< DEADLINE: the calendar words, as stored */
    const char *ordinal;          /**< ORDINAL: the name on the scale */
    int32_t rank;                 /**< ORDINAL: 0-based position on the scale (0 = lowest) */
    const char *text;             /**< the wording of the guideline or contract ("within 1 hour"), or NULL */
} itsm_sla_level;

/** Metric kinds (METRICS.md section 3): how the measured value is obtained. */
typedef enum itsm_sla_metric_kind {
    ITSM_SLA_METRIC_UNSTATED = 0,           /**< no "metric" */
    ITSM_SLA_METRIC_DURATION = 1,           /**< "duration": per-record clock, aggregated ("aggregate") */
    ITSM_SLA_METRIC_AVERAGE_DURATION = 2,   /**< "average_duration": mean of the period's records */
    ITSM_SLA_METRIC_CALL_RATE = 3,          /**< "call_rate": answer, abandon, busy, callback rates */
    ITSM_SLA_METRIC_AVAILABILITY = 4,       /**< "availability" */
    ITSM_SLA_METRIC_COUNT = 5,              /**< "count": events per period */
    ITSM_SLA_METRIC_INTERVAL = 6,           /**< "interval": largest gap between consecutive events */
    ITSM_SLA_METRIC_RPO = 7,                /**< "rpo": failure - last good backup */
    ITSM_SLA_METRIC_RTO = 8,                /**< "rto": failure -> restore */
    ITSM_SLA_METRIC_NOTIFICATION_DELAY = 9, /**< "notification_delay": detection -> notification received */
    ITSM_SLA_METRIC_REPORT_DEADLINE = 10,   /**< "report_deadline": report delivered by a calendar deadline */
    ITSM_SLA_METRIC_ORDINAL = 11,           /**< "ordinal": declared capability vs the required position */
    ITSM_SLA_METRIC_SERVICE_HOURS = 12      /**< "service_hours": a calendar covers the required window */
} itsm_sla_metric_kind;

/** How per-record values are aggregated over the period ("aggregate"). */
typedef enum itsm_sla_aggregate {
    ITSM_SLA_AGGREGATE_NONE = 0,         /**< not stated or not applicable */
    ITSM_SLA_AGGREGATE_SHARE_WITHIN = 1, /**< "share_within": share of records within the level ("required_percent") */
    ITSM_SLA_AGGREGATE_MAX = 2,          /**< "max": the worst record */
    ITSM_SLA_AGGREGATE_AVERAGE = 3,      /**< "average" */
    ITSM_SLA_AGGREGATE_PERCENTILE = 4    /**< "percentile" ("p") */
} itsm_sla_aggregate;

/** Call-center rates (METRICS.md section 4). */
typedef enum itsm_sla_call_rate {
    ITSM_SLA_RATE_NONE = 0,           /**< not a call rate */
    ITSM_SLA_RATE_ANSWER = 1,         /**< "answer" (即応率) */
    ITSM_SLA_RATE_ABANDON = 2,        /**< "abandon" (放棄率) */
    ITSM_SLA_RATE_BUSY = 3,           /**< "busy" (電話ビジー率) */
    ITSM_SLA_RATE_CALLBACK = 4,       /**< "callback" (コールバック率) */
    ITSM_SLA_RATE_SPEED_OF_ANSWER = 5 /**< "speed_of_answer" */
} itsm_sla_call_rate;

/** A borrowed list of names. */
typedef struct itsm_sla_names {
    const char *const *names;
    size_t count;
} itsm_sla_names;

/** The item's "metric" with its parameters; strings and lists are borrowed from the item.
 *  Parameters not stated are NULL / empty / 0, and -1 for seconds and flags. */
typedef struct itsm_sla_metric {
    itsm_sla_metric_kind kind;
    itsm_sla_names start, pause, stop, cancel; /**< clock kinds: status names or event kinds */
    const char *reopen;                         /**< "continue" or "new_cycle" */
    const char *retarget;                       /**< "retroactive" or "restart" */
    itsm_sla_aggregate aggregate;
    double p;                   /**< PERCENTILE: 0 < p < 100 */
    double required_percent;    /**< SHARE_WITHIN: 0 < share <= 100 */
    itsm_sla_call_rate rate;
    const char *variant;        /**< the rate's formula variant by name, NULL for the default */
    int64_t answer_threshold;   /**< T in seconds */
    int64_t short_abandon;      /**< S in seconds */
    int32_t repeat_days;        /**< callback "repeat_contact": N days; 0 when not stated */
    int exclude_planned;        /**< availability: notified planned maintenance excluded (0/1) */
    int64_t min_outage;         /**< availability: shortest counted outage, seconds */
    int64_t monitoring_interval;/**< availability: probe interval, seconds */
    const char *partial;        /**< availability: "full", "weighted" or "critical_only" */
    itsm_sla_names critical_functions, exclusions;
    itsm_sla_names events;      /**< count, interval, rpo: the event kinds that count */
    const char *report;         /**< report_deadline: the report's name */
} itsm_sla_metric;

/** Which records an item applies to; an empty list places no condition. */
typedef struct itsm_sla_selector {
    const int32_t *priorities;
    size_t priority_count;
    itsm_sla_names categories, services, cis;
} itsm_sla_selector;

/** One service-credit band: when `measured OP value` holds, `percent` of the monthly fee
 *  is credited; of several matching bands the last (most severe) counts. */
typedef struct itsm_sla_credit {
    itsm_sla_op op;
    double value;
    int64_t value_num, value_den;
    double percent;
} itsm_sla_credit;

/** Text members of an item. */
typedef enum itsm_sla_text {
    ITSM_SLA_TEXT_ID = 0,          /**< "id" */
    ITSM_SLA_TEXT_NAME = 1,        /**< "name": service level item name */
    ITSM_SLA_TEXT_GROUP = 2,       /**< "group" (reliability, security, ...) */
    ITSM_SLA_TEXT_PROCESS = 3,     /**< "process": JIS Q 20000 clause ("8.2") */
    ITSM_SLA_TEXT_CONTENT = 4,     /**< "content" */
    ITSM_SLA_TEXT_MEASUREMENT = 5, /**< "measurement": the measurement method */
    ITSM_SLA_TEXT_CALENDAR = 6,    /**< "calendar": name of the calendar the times count in */
    ITSM_SLA_TEXT_NOTE = 7         /**< "note" */
} itsm_sla_text;

/* ---- documents ------------------------------------------------------------------------- */

/**
 * Parse an SLA item document ({"itsm_schema": 1, "type": "sla_item", "id": ..., ...}).
 * @return ::ITSM_EPARSE for malformed JSON, ::ITSM_EINVAL / ::ITSM_ERANGE naming the JSON
 *         path (`$.levels.L3.op`) of a bad member or of a level weaker than the one below,
 *         ::ITSM_EVERSION for a missing or newer `itsm_schema`.
 * @param out Ownership: the caller's; release with itsm_sla_item_free().
 */
ITSM_API itsm_status itsm_sla_item_from_json(itsm_sla_item **out, const char *json, size_t len);
/**
 * The item as a canonical standalone document (members in schema order, two-space
 * indent) that itsm_sla_item_from_json() reads back to the same text.
 * @param out Ownership: a NUL-terminated string the caller releases with itsm_free().
 */
ITSM_API itsm_status itsm_sla_item_to_json(char **out, const itsm_sla_item *item);
/** Release an item; NULL is a no-op. */
ITSM_API void itsm_sla_item_free(itsm_sla_item *item);
/** SLA item `index` of an agreement. Borrowed: lives as long as the agreement; NULL when
 *  the index is out of range or agreement is NULL. */
ITSM_API const itsm_sla_item *itsm_agreement_sla_item(const itsm_agreement *agreement, size_t index);
/** SLA item `index` of a service document (itsm/service.h), read by the same reader as an
 *  agreement's. Borrowed: lives as long as the service; NULL when the index is out of
 *  range or service is NULL. */
ITSM_API const itsm_sla_item *itsm_service_sla_item(const itsm_service *service, size_t index);

/* ---- accessors ------------------------------------------------------------------------- */

/** A text member, or NULL when absent (the id is never absent). Borrowed. */
ITSM_API const char *itsm_sla_item_text(const itsm_sla_item *item, itsm_sla_text field);
/** The unit (::ITSM_SLA_UNIT_NONE when not stated or item is NULL). */
ITSM_API itsm_sla_unit itsm_sla_item_unit(const itsm_sla_item *item);
/** Target or guarantee (::ITSM_SLA_COMMITMENT_NONE when not stated). */
ITSM_API itsm_sla_commitment itsm_sla_item_commitment(const itsm_sla_item *item);
/** The measurement period (::ITSM_SLA_PERIOD_UNSTATED when not stated). */
ITSM_API itsm_sla_period itsm_sla_item_period(const itsm_sla_item *item);
/** Length of a rolling window in days ("window_days"); 0 unless the period is rolling. */
ITSM_API int32_t itsm_sla_item_window_days(const itsm_sla_item *item);
/** The agreed level: 1..4, ::ITSM_SLA_CUSTOM, or 0 when not stated. */
ITSM_API int itsm_sla_item_agreed_level(const itsm_sla_item *item);
/** Cell `level` (1..4) of the level table, or the custom value (::ITSM_SLA_CUSTOM; ABSENT
 *  when the item has none). ::ITSM_EINVAL for another level number. */
ITSM_API itsm_status itsm_sla_item_level(itsm_sla_level *out, const itsm_sla_item *item, int level);
/** Number of names on the item's ordinal scale ("scale", lowest first). */
ITSM_API size_t itsm_sla_item_scale_count(const itsm_sla_item *item);
/** Name at `rank` on the scale, or NULL out of range. Borrowed. */
ITSM_API const char *itsm_sla_item_scale_name(const itsm_sla_item *item, size_t rank);
/** The metric and its parameters (kind ::ITSM_SLA_METRIC_UNSTATED when absent). */
ITSM_API itsm_status itsm_sla_item_metric(itsm_sla_metric *out, const itsm_sla_item *item);
/** The selector (all lists empty when absent). */
ITSM_API itsm_status itsm_sla_item_selector(itsm_sla_selector *out, const itsm_sla_item *item);
/**
 * Whether a record with these keys is selected: every list the selector states must
 * contain the record's value; a record without a value (0 priority, NULL text) is not
 * selected by a stated list. `*out` = 1 or 0.
 */
ITSM_API itsm_status itsm_sla_item_selects(int *out, const itsm_sla_item *item, int32_t priority,
                                           const char *category, const char *service, const char *ci);
/** Number of service-credit bands ("credits"). */
ITSM_API size_t itsm_sla_item_credit_count(const itsm_sla_item *item);
/** Credit band `index` (::ITSM_ERANGE out of range). */
ITSM_API itsm_status itsm_sla_item_credit(itsm_sla_credit *out, const itsm_sla_item *item, size_t index);

/* ---- evaluation ------------------------------------------------------------------------ */

/** What a measured value is. */
typedef enum itsm_sla_measure_kind {
    ITSM_SLA_MEASURE_NONE = 0,     /**< no value: only the per-level verdicts decide */
    ITSM_SLA_MEASURE_NUMBER = 1,   /**< `number` in `unit` */
    ITSM_SLA_MEASURE_FRACTION = 2, /**< exactly `numerator` / `denominator` in `unit` */
    ITSM_SLA_MEASURE_ORDINAL = 3   /**< `ordinal`, a name on the item's scale */
} itsm_sla_measure_kind;

/** A verdict on one level given by the caller (the clock's decision on a calendar-word
 *  deadline, or itsm_sla_item_share_verdict() for "share_within" items). */
typedef enum itsm_sla_verdict {
    ITSM_SLA_VERDICT_UNKNOWN = 0,
    ITSM_SLA_VERDICT_MET = 1,
    ITSM_SLA_VERDICT_MISSED = 2
} itsm_sla_verdict;

/** Version of ::itsm_sla_measure this header describes. */
#define ITSM_SLA_MEASURE_VERSION 1

/**
 * The measured value of an item. Start from ::ITSM_SLA_MEASURE_INIT. Values must not be
 * negative. A level is decided by the value when it can be (a threshold by a number, unless
 * the item aggregates "share_within"; an ordinal by an ordinal); every other level
 * (deadlines, share_within thresholds) only by its verdict; a verdict for a level the
 * value decides is an error, so that the two can never disagree.
 */
typedef struct itsm_sla_measure {
    unsigned int version;          /**< ::ITSM_SLA_MEASURE_VERSION */
    itsm_sla_measure_kind kind;
    double number;                 /**< NUMBER: read as its 15-significant-digit decimal */
    int64_t numerator, denominator;/**< FRACTION (denominator > 0) */
    itsm_sla_unit unit;            /**< unit of number / fraction; NONE = the item's unit */
    const char *ordinal;           /**< ORDINAL */
    itsm_sla_verdict verdicts[4];  /**< verdicts on L1..L4 */
} itsm_sla_measure;

/** Initializer: no value, the item's unit, no verdicts. */
#define ITSM_SLA_MEASURE_INIT                                                                        \
    {                                                                                                \
        ITSM_SLA_MEASURE_VERSION, ITSM_SLA_MEASURE_NONE, 0.0, 0, 1, ITSM_SLA_UNIT_NONE, NULL,      \
        {ITSM_SLA_VERDICT_UNKNOWN, ITSM_SLA_VERDICT_UNKNOWN, ITSM_SLA_VERDICT_UNKNOWN,             \
         ITSM_SLA_VERDICT_UNKNOWN}                                                                   \
    }

/** The outcome of one level for a measured value. */
typedef enum itsm_sla_outcome {
    ITSM_SLA_OUTCOME_ABSENT = 0,          /**< the table has no such level (or no agreed level) */
    ITSM_SLA_OUTCOME_MET = 1,             /**< the requirement is met */
    ITSM_SLA_OUTCOME_MISSED = 2,          /**< the requirement is missed */
    ITSM_SLA_OUTCOME_NO_REQUIREMENT = 3,  /**< "none" or "undefined": nothing to meet */
    ITSM_SLA_OUTCOME_NOT_SUPPORTED = 4,   /**< the level does not offer the item */
    ITSM_SLA_OUTCOME_NO_DATA = 5,         /**< neither the value nor a verdict decides it */
    ITSM_SLA_OUTCOME_CONTRACT_VALUE_MISSING = 6 /**< "per contract" and the contract's value is not given */
} itsm_sla_outcome;

/** What a result means for the contract. */
typedef enum itsm_sla_consequence {
    ITSM_SLA_CONSEQUENCE_NONE = 0,        /**< the agreed level is met (or asks nothing) */
    ITSM_SLA_CONSEQUENCE_FINDING = 1,     /**< a target missed: a finding */
    ITSM_SLA_CONSEQUENCE_BREACH = 2,      /**< a guarantee missed: a breach of contract */
    ITSM_SLA_CONSEQUENCE_UNDETERMINED = 3 /**< cannot be decided; `reason` says why */
} itsm_sla_consequence;

/** The result of itsm_sla_item_evaluate(). `reason` is static English text, never NULL. */
typedef struct itsm_sla_evaluation {
    itsm_sla_outcome levels[4];   /**< outcome of L1..L4 */
    int agreed_level;             /**< 1..4, ::ITSM_SLA_CUSTOM, or 0 when not stated */
    itsm_sla_outcome agreed;      /**< outcome of the agreed level */
    int met;                      /**< 1 when the agreed level is met (or asks nothing) */
    int achieved_level;           /**< highest level 1..4 met (none/undefined/not supported count as met); 0 if none */
    int has_margin;               /**< 1 when the value decided the agreed threshold or ordinal */
    double margin;                /**< how much better (> 0) or worse (< 0) than the agreed threshold,
                                       in the item's unit (positions for ordinals) */
    int has_credit;               /**< 1 for a guarantee with credit bands and a numeric value */
    double credit_percent;        /**< percent of the monthly fee credited (0 when no band matches) */
    itsm_sla_consequence consequence;
    const char *reason;
} itsm_sla_evaluation;

/**
 * Evaluate a measured value against the item's levels.
 * @return ::ITSM_EINVAL for a bad measure (unknown version, negative or non-finite number,
 *         denominator <= 0, a unit that does not convert to the item's, an ordinal not on
 *         the scale, a value of a kind no level takes, a verdict on a level the value
 *         decides), ::ITSM_ERANGE when a unit conversion overflows. A missing per-contract
 *         value is not an error: the result says "per contract value missing".
 */
ITSM_API itsm_status itsm_sla_item_evaluate(itsm_sla_evaluation *out, const itsm_sla_item *item,
                                            const itsm_sla_measure *measure);
/**
 * The verdict of a "share_within" item on a level: MET when within / total reaches the
 * item's required percent (exactly), MISSED below it, UNKNOWN when total is 0 (no data).
 * ::ITSM_EINVAL when the item does not aggregate "share_within" or within > total.
 */
ITSM_API itsm_status itsm_sla_item_share_verdict(itsm_sla_verdict *out, const itsm_sla_item *item, int64_t within,
                                                 int64_t total);

/** Enumerations with names. */
typedef enum itsm_sla_enum {
    ITSM_SLA_ENUM_UNIT = 0,        /**< ::itsm_sla_unit: "second", ... ("" for NONE) */
    ITSM_SLA_ENUM_COMMITMENT = 1,  /**< ::itsm_sla_commitment: "target", "guarantee" */
    ITSM_SLA_ENUM_PERIOD = 2,      /**< ::itsm_sla_period: "none", "month", ... */
    ITSM_SLA_ENUM_LEVEL_KIND = 3,  /**< ::itsm_sla_level_kind: "absent", "threshold", ... */
    ITSM_SLA_ENUM_OP = 4,          /**< ::itsm_sla_op: "<", "<=", ">=", ">" */
    ITSM_SLA_ENUM_METRIC = 5,      /**< ::itsm_sla_metric_kind: "duration", ... */
    ITSM_SLA_ENUM_AGGREGATE = 6,   /**< ::itsm_sla_aggregate */
    ITSM_SLA_ENUM_RATE = 7,        /**< ::itsm_sla_call_rate */
    ITSM_SLA_ENUM_OUTCOME = 8,     /**< ::itsm_sla_outcome: "met", "missed", ... */
    ITSM_SLA_ENUM_CONSEQUENCE = 9  /**< ::itsm_sla_consequence: "none", "finding", "breach", "undetermined" */
} itsm_sla_enum;

/** The name of `value` in enumeration `which` (the JSON word where there is one). Static;
 *  ::ITSM_EINVAL for an unknown enumeration or value. Unstated values have the name "". */
ITSM_API itsm_status itsm_sla_name(const char **out, itsm_sla_enum which, int value);

/* ---- catalogue --------------------------------------------------------------------------- */

/** One service of a catalogue; strings are borrowed from the catalogue. */
typedef struct itsm_sla_service_info {
    const char *id;        /**< "server_operation_support" */
    const char *name;      /**< English name */
    const char *name_ja;   /**< Japanese name, or NULL */
    const char *section;   /**< the guideline's section ("4.9.2"), or NULL */
    unsigned int levels;   /**< levels the table gives: bit 0 = L1 ... bit 3 = L4 */
    size_t item_count;
} itsm_sla_service_info;

/**
 * The built-in catalogue: every SLA table of seed A 4.6-4.10 (hardware maintenance, call
 * center, license maintenance, failure response, customization maintenance, training,
 * firewall management, server operation support, SaaS), compiled into the library.
 * @param out Ownership: the caller's; release with itsm_sla_catalogue_free(). Immutable.
 */
ITSM_API itsm_status itsm_sla_catalogue_new(itsm_sla_catalogue **out);
/**
 * A catalogue from its document ({"itsm_schema": 1, "type": "sla_catalogue", "services":
 * [...]}; docs/schema/sla_catalogue.schema.json), e.g. a corrected copy of the built-in one.
 * @param out Ownership: the caller's; release with itsm_sla_catalogue_free().
 */
ITSM_API itsm_status itsm_sla_catalogue_from_json(itsm_sla_catalogue **out, const char *json, size_t len);
/** The catalogue as its canonical document. @param out Ownership: release with itsm_free(). */
ITSM_API itsm_status itsm_sla_catalogue_to_json(char **out, const itsm_sla_catalogue *catalogue);
/** Release a catalogue; NULL is a no-op. */
ITSM_API void itsm_sla_catalogue_free(itsm_sla_catalogue *catalogue);
/** Number of services; 0 for NULL. */
ITSM_API size_t itsm_sla_catalogue_service_count(const itsm_sla_catalogue *catalogue);
/** Service `index` (::ITSM_ERANGE out of range). */
ITSM_API itsm_status itsm_sla_catalogue_service(itsm_sla_service_info *out, const itsm_sla_catalogue *catalogue,
                                                size_t index);
/** The index of the service with this id (::ITSM_ENOTFOUND listing the ids otherwise). */
ITSM_API itsm_status itsm_sla_catalogue_find(size_t *out, const itsm_sla_catalogue *catalogue, const char *service);
/** Item `index` of service `service` (no agreed level). Borrowed from the catalogue; NULL
 *  when an index is out of range. */
ITSM_API const itsm_sla_item *itsm_sla_catalogue_item(const itsm_sla_catalogue *catalogue, size_t service,
                                                      size_t index);
/**
 * The items of service `service` agreed at `level` ("L1".."L4"), with the contract's
 * overrides applied, as an agreement fragment {"sla_items": [...]}.
 *
 * `overrides` (may be NULL) is a JSON object keyed by item id ("*" for every item); each
 * value is an object of item members that replace the catalogue's ("calendar", "period",
 * "kind", "metric", "selector", "credits", "note", ...), plus: "level" (another agreed
 * level, or "custom" with "custom_level"), "levels" ({"L3": level} replaces single cells)
 * and "contract_value" (the contract's value of the agreed level, which must be "per
 * contract"). Every resulting item is read back through the item reader.
 * @return ::ITSM_ENOTFOUND for an unknown service or item id (named), ::ITSM_EINVAL naming
 *         the item id when the agreed level has no cell in the table or an override is
 *         invalid (with its JSON path), ::ITSM_EPARSE for malformed overrides.
 * @param out Ownership: a NUL-terminated string the caller releases with itsm_free().
 */
ITSM_API itsm_status itsm_sla_catalogue_instantiate(char **out, const itsm_sla_catalogue *catalogue,
                                                    const char *service, const char *level,
                                                    const char *overrides, size_t overrides_len);

ITSM_END_DECL

#endif /* ITSM_SLA_H */
