/**
 * @file itsm/report.h
 * @brief Period reports (issue 5.5): evaluate every SLA item of an agreement over a month,
 *        quarter, year or rolling window, from operational data given column-wise, and
 *        write the result as canonical JSON (docs/schema/sla_report.schema.json) or
 *        Markdown.
 *
 * Three inputs besides the agreement:
 *  - an ::itsm_dataset: incidents (status events in CSR form, one batch per call), calls,
 *    outages, backup runs, generic events (detections, notifications, failures, restores),
 *    report deliveries and declared capabilities. Everything is copied; the dataset is
 *    immutable once passed to itsm_report_evaluate() and may be shared between threads.
 *    Status names in item metrics ("awaiting_user_info") map to codes through the
 *    dataset's status-name table (default: the ::itsm_incident_status names).
 *  - an ::itsm_calendar_set: the agreement's named calendars as compiled
 *    ::itsm_calendar objects (borrowed).
 *  - an ::itsm_period: [from, to) with a label, built in a time zone.
 *
 * Each item's metric kind decides what it measures (docs/reports.md): duration items run
 * the clock over the selected incidents in one batch call; rates keep numerator and
 * denominator (0/0 is no data); an item the data cannot measure is "not evaluable" with
 * the reason. See docs/reports.md for every field.
 */
#ifndef ITSM_REPORT_H
#define ITSM_REPORT_H

#include "itsm/agreement.h"
#include "itsm/calendar.h"
#include "itsm/clock.h"
#include "itsm/incident.h"
#include "itsm/metrics.h"
#include "itsm/records.h"
#include "itsm/sla.h"
#include "itsm/tz.h"

#include <stddef.h>
#include <stdint.h>

ITSM_BEGIN_DECL

/** Operational data to evaluate (opaque). */
typedef struct itsm_dataset itsm_dataset;
/** Named calendars (opaque; the calendars are borrowed). */
typedef struct itsm_calendar_set itsm_calendar_set;
/** The result of itsm_report_evaluate() (opaque, immutable). */
typedef struct itsm_report itsm_report;

/* ---- dataset --------------------------------------------------------------------------- */

/**
 * An empty dataset whose status-name table holds the ::itsm_incident_status names.
 * @param out Ownership: the caller's; release with itsm_dataset_free().
 */
ITSM_API itsm_status itsm_dataset_new(itsm_dataset **out);
/** Release a dataset; NULL is a no-op. */
ITSM_API void itsm_dataset_free(itsm_dataset *dataset);

/** Map a status name used by item metrics to an event code (adds or replaces). */
ITSM_API itsm_status itsm_dataset_set_status_code(itsm_dataset *dataset, const char *name, int32_t code);
/** The code of a status name (::ITSM_ENOTFOUND naming it otherwise). */
ITSM_API itsm_status itsm_dataset_status_code(int32_t *out, const itsm_dataset *dataset, const char *name);

/** Version of ::itsm_incident_columns. */
#define ITSM_INCIDENT_COLUMNS_VERSION 1
/**
 * Incidents column-wise (start from ::ITSM_INCIDENT_COLUMNS_INIT). Record r's events are
 * offsets[r] .. offsets[r + 1] - 1 of the event arrays (as itsm_clock_evaluate_many()).
 * Per-record arrays may be NULL: ids become "#<index>", priorities 0 (none), texts absent,
 * opened = the first event. Everything is copied.
 */
typedef struct itsm_incident_columns {
    unsigned int version;          /**< 1 .. ::ITSM_INCIDENT_COLUMNS_VERSION */
    size_t n_records;
    const int64_t *offsets;        /**< n_records + 1 entries, non-decreasing, 0 .. n_events */
    size_t n_events;
    const itsm_instant *instants;  /**< per event, non-decreasing within a record */
    const int32_t *codes;          /**< per event: the status (or event code) entered */
    const int32_t *priorities;     /**< per event, may be NULL (<= 0: unchanged) */
    const char *const *ids;        /**< per record */
    const int32_t *priority;       /**< per record: priority for selectors and targets */
    const char *const *category;   /**< per record */
    const char *const *service;    /**< per record */
    const char *const *ci;         /**< per record */
    const itsm_instant *opened;    /**< per record */
} itsm_incident_columns;
/** Initializer: no incidents. */
#define ITSM_INCIDENT_COLUMNS_INIT {ITSM_INCIDENT_COLUMNS_VERSION, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL}

/** Append incidents (validated: offsets, instants in range). ::ITSM_EINVAL naming the array and index. */
ITSM_API itsm_status itsm_dataset_add_incidents(itsm_dataset *dataset, const itsm_incident_columns *columns);
/** Append incident documents: status history as events, priority, category, service, CI. */
ITSM_API itsm_status itsm_dataset_add_incident_set(itsm_dataset *dataset, const itsm_incident *const *incidents,
                                                   size_t count);
/** Append every incident of a JSONL stream (read to its end; errors name the line). */
ITSM_API itsm_status itsm_dataset_add_incident_stream(itsm_dataset *dataset, itsm_incident_stream *stream);
/** Number of incidents. */
ITSM_API size_t itsm_dataset_incident_count(const itsm_dataset *dataset);

/** Append calls; `calls->arrival` is required (the period is by arrival). Copied. */
ITSM_API itsm_status itsm_dataset_add_calls(itsm_dataset *dataset, const itsm_calls *calls);
/** Append outages (copied); `ids` may be NULL. */
ITSM_API itsm_status itsm_dataset_add_outages(itsm_dataset *dataset, const itsm_outages *outages,
                                              const char *const *ids);
/**
 * Append events of one `kind` ("failure_detected", "notification_received", "restored",
 * "failure", "patch_applied" ...). `record` (may be NULL: no record) ties events of one
 * record together: a span metric (notification delay, RTO) runs from a record's first
 * start-kind event to its first stop-kind event at or after it.
 */
ITSM_API itsm_status itsm_dataset_add_events(itsm_dataset *dataset, const char *kind, const int64_t *record,
                                             const itsm_instant *at, size_t n);
/** Append backup runs: recovery points, completion instants (NULL: at the point), success mask (NULL: all). */
ITSM_API itsm_status itsm_dataset_add_backups(itsm_dataset *dataset, const itsm_instant *points,
                                              const itsm_instant *completed, const uint8_t *succeeded, size_t n);
/** Append deliveries of report `report` due at due[i], delivered at delivered[i] where
 *  `delivered_mask` (NULL: all delivered) says so. */
ITSM_API itsm_status itsm_dataset_add_deliveries(itsm_dataset *dataset, const char *report, const itsm_instant *due,
                                                 const itsm_instant *delivered, const uint8_t *delivered_mask,
                                                 size_t n);
/** Declare the capability on an "ordinal" item's scale (item id -> level name). */
ITSM_API itsm_status itsm_dataset_declare(itsm_dataset *dataset, const char *item_id, const char *declared);

/**
 * Append operational record documents (itsm/records.h): an outage (planned maintenance
 * notified at or before its start counts as notified; an outage without an end is
 * skipped), a backup run (recovery point = started_at, completed = finished_at, succeeded
 * when "result" is "succeeded"), a report delivery (needs "due", a date: due by the end of
 * that day in `zone`, UTC when NULL), a monitoring check (an
 * event of kind "monitoring_check" and one of kind "monitoring_<result>" at checked_at),
 * a call (an event of kind "call" at received_at: call documents carry no queue times).
 * Change and effort records carry nothing a metric kind measures: ::ITSM_EINVAL naming the
 * index, as for a delivery without "due"; every record is checked before any is added.
 */
ITSM_API itsm_status itsm_dataset_add_records(itsm_dataset *dataset, const itsm_record *const *records,
                                              size_t count, const itsm_tz *zone);

/* ---- calendars ------------------------------------------------------------------------- */

/** @param out Ownership: the caller's; release with itsm_calendar_set_free(). */
ITSM_API itsm_status itsm_calendar_set_new(itsm_calendar_set **out);
/** Release a set (not its calendars); NULL is a no-op. */
ITSM_API void itsm_calendar_set_free(itsm_calendar_set *set);
/** Add (or replace) calendar `name`; `calendar` is borrowed and must outlive the set. */
ITSM_API itsm_status itsm_calendar_set_add(itsm_calendar_set *set, const char *name, const itsm_calendar *calendar);
/** The calendar named `name`, or NULL. Borrowed. */
ITSM_API const itsm_calendar *itsm_calendar_set_get(const itsm_calendar_set *set, const char *name);

/* ---- periods --------------------------------------------------------------------------- */

/** Size of ::itsm_period.label. */
#define ITSM_PERIOD_LABEL_SIZE 48

/** A reporting period [from, to) with its label ("2016-03", "2016-Q1", "2016", "30 days to 2016-04-01"). */
typedef struct itsm_period {
    itsm_instant from, to;
    char label[ITSM_PERIOD_LABEL_SIZE];
} itsm_period;

/** Calendar month `month` (1..12) of `year` in `zone` (NULL: UTC). */
ITSM_API itsm_status itsm_period_month(itsm_period *out, int32_t year, int32_t month, const itsm_tz *zone);
/** Quarter `quarter` (1..4) of `year` in `zone` (NULL: UTC). */
ITSM_API itsm_status itsm_period_quarter(itsm_period *out, int32_t year, int32_t quarter, const itsm_tz *zone);
/** Year `year` in `zone` (NULL: UTC). */
ITSM_API itsm_status itsm_period_year(itsm_period *out, int32_t year, const itsm_tz *zone);
/** The `days` local days ending at local midnight of `end_date` (exclusive) in `zone` (NULL: UTC). */
ITSM_API itsm_status itsm_period_rolling(itsm_period *out, itsm_date end_date, int32_t days, const itsm_tz *zone);

/* ---- evaluation -------------------------------------------------------------------------- */

/** Which instant places a record in a period. */
typedef enum itsm_count_rule {
    ITSM_COUNT_BY_STOP = 0, /**< the stop (default); an open breached record at its deadline */
    ITSM_COUNT_BY_START = 1 /**< the start of its clock */
} itsm_count_rule;

/** Version of ::itsm_report_options. */
#define ITSM_REPORT_OPTIONS_VERSION 1
/** Options of itsm_report_evaluate() (start from ::ITSM_REPORT_OPTIONS_INIT). */
typedef struct itsm_report_options {
    unsigned int version;   /**< 1 .. ::ITSM_REPORT_OPTIONS_VERSION */
    itsm_count_rule counting;
    itsm_instant as_of;     /**< ::ITSM_CLOCK_NO_INSTANT: the period's end */
    size_t max_breaches;    /**< breaching records listed per item; 0 = all */
} itsm_report_options;
/** Initializer: by stop time, as of the period's end, every breach listed. */
#define ITSM_REPORT_OPTIONS_INIT {ITSM_REPORT_OPTIONS_VERSION, ITSM_COUNT_BY_STOP, ITSM_CLOCK_NO_INSTANT, 0}

/**
 * Evaluate every SLA item of `agreement` over `period`. Items that cannot be evaluated
 * (no metric, a calendar missing from `calendars`, a per-contract value missing, data
 * of the wrong kind) are reported as such, not errors.
 * @return ::ITSM_EINVAL for bad arguments (an empty period, an options version) or bad
 *         data found while measuring, naming the item and the record.
 * @param out Ownership: the caller's; release with itsm_report_free().
 */
ITSM_API itsm_status itsm_report_evaluate(itsm_report **out, const itsm_agreement *agreement,
                                          const itsm_calendar_set *calendars, const itsm_dataset *dataset,
                                          const itsm_period *period, const itsm_report_options *options);
/** Release a report; NULL is a no-op. */
ITSM_API void itsm_report_free(itsm_report *report);

/** The verdict on an item. Values never change. */
typedef enum itsm_report_verdict {
    ITSM_REPORT_NO_DATA = 0,      /**< "no_data": nothing to measure in the period (0/0) */
    ITSM_REPORT_MET = 1,          /**< "met": the agreed level is met */
    ITSM_REPORT_MISSED = 2,       /**< "missed" */
    ITSM_REPORT_NOT_EVALUABLE = 3 /**< "not_evaluable": `reason` says why */
} itsm_report_verdict;

/** One item of a report. Strings are borrowed from the report. */
typedef struct itsm_report_item {
    const char *id;
    const char *name;                 /**< or NULL */
    itsm_sla_metric_kind metric;
    itsm_sla_commitment commitment;
    itsm_sla_unit unit;               /**< unit of `value` (the item's) */
    int has_value;
    double value;                     /**< the measured value in `unit` */
    int64_t numerator, denominator;   /**< rates and shares; 0/0 = no data; 0, 0 otherwise */
    int64_t records;                  /**< records counted in the period */
    int64_t at_risk;                  /**< open records not (yet) breached */
    itsm_report_verdict verdict;
    const char *reason;               /**< why (never NULL; "" when met/missed plainly) */
    int agreed_level, achieved_level; /**< as ::itsm_sla_evaluation */
    const char *agreed_text;          /**< the agreed requirement as text ("<= 4 hour", "same day") */
    int has_margin;
    double margin;
    itsm_sla_consequence consequence; /**< finding (target) or breach (guarantee) when missed */
    int has_credit;
    double credit_percent;
    size_t breach_count;              /**< breaching records listed */
    int64_t breaches_total;           /**< breaching records in all */
} itsm_report_item;

/** A breaching record with its clock. */
typedef struct itsm_report_breach {
    const char *record;     /**< borrowed */
    itsm_instant start, stop, deadline; /**< stop NO_INSTANT while open */
    int64_t elapsed, target;            /**< seconds */
    itsm_clock_state state;
} itsm_report_breach;

/** The period evaluated. */
ITSM_API itsm_status itsm_report_period(itsm_period *out, const itsm_report *report);
/** Number of items. */
ITSM_API size_t itsm_report_item_count(const itsm_report *report);
/** Item `index` (::ITSM_ERANGE out of range). */
ITSM_API itsm_status itsm_report_item_get(itsm_report_item *out, const itsm_report *report, size_t index);
/** Breach `index` of item `item` (::ITSM_ERANGE out of range). */
ITSM_API itsm_status itsm_report_breach_get(itsm_report_breach *out, const itsm_report *report, size_t item,
                                            size_t index);
/**
 * The report as canonical JSON ({"itsm_schema": 1, "type": "sla_report", ...};
 * docs/schema/sla_report.schema.json): the same inputs give the same bytes.
 * @param out Ownership: release with itsm_free().
 */
ITSM_API itsm_status itsm_report_to_json(char **out, const itsm_report *report);
/**
 * The reports as Markdown: per report a table (item, agreed, measured, achieved,
 * verdict) then its breaches. Several reports (every month of a year) in one text.
 * @param out Ownership: release with itsm_free().
 */
ITSM_API itsm_status itsm_report_to_markdown(char **out, const itsm_report *const *reports, size_t count);
/** "no_data", "met", "missed", "not_evaluable". Static. */
ITSM_API itsm_status itsm_report_verdict_name(const char **out, itsm_report_verdict verdict);

ITSM_END_DECL

#endif /* ITSM_REPORT_H */
