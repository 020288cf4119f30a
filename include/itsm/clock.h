/**
 * @file itsm/clock.h
 * @brief SLA clocks (METRICS.md 2): deadline rules written in calendar words, clock
 *        definitions (start / pause / stop / cancel conditions, reopen and re-target
 *        policies, thresholds, a calendar and a target), and the evaluation of one record's
 *        event log, or of millions of them in one call, at an "as of" instant.
 *
 * A clock result is a pure function of (definition, calendar, event log, as of). Events
 * carry an instant, an int32 code (a status entered, as ::itsm_incident_status, or any
 * event code of the caller's) and optionally the record's priority after the event.
 * All instants are UTC seconds; all durations are integer seconds. See docs/clocks.md.
 */
#ifndef ITSM_CLOCK_H
#define ITSM_CLOCK_H

#include "itsm/calendar.h"
#include "itsm/incident.h"
#include "itsm/time.h"

#include <stddef.h>
#include <stdint.h>

ITSM_BEGIN_DECL

/* ---- deadline rules ------------------------------------------------------------------ */

/** Kinds of ::itsm_deadline. Values never change; new ones are only appended. */
typedef enum itsm_deadline_kind {
    ITSM_DEADLINE_BUSINESS = 0,          /**< `amount` business seconds on the calendar ("4 h", "PT4H") */
    ITSM_DEADLINE_ELAPSED = 1,           /**< `amount` wall seconds, whatever the calendar ("4 h elapsed") */
    ITSM_DEADLINE_SAME_DAY = 2,          /**< close of the business day the clock starts in (当日) */
    ITSM_DEADLINE_NEXT_BUSINESS_DAY = 3, /**< close of the next business day (翌営業日) */
    ITSM_DEADLINE_NEXT_DAY = 4,          /**< "next day" (翌日): as NEXT_BUSINESS_DAY; on 24x7 the next date's end */
    ITSM_DEADLINE_HALF_DAY = 5,          /**< "within half a day" (半日以内): itsm_calendar_half_business_day() */
    ITSM_DEADLINE_BUSINESS_DAYS = 6,     /**< close of the `amount`-th business day after the starting one */
    ITSM_DEADLINE_DAYS = 7,              /**< `amount` local calendar days after the next opening, snapped open */
    ITSM_DEADLINE_WEEKS = 8,             /**< `amount` weeks (7 local days each), as DAYS */
    ITSM_DEADLINE_MONTHS = 9,            /**< `amount` calendar months in local time, as DAYS */
    ITSM_DEADLINE_NTH_BUSINESS_DAY_NEXT_MONTH = 10 /**< close of the `amount`-th business day of the next month */
} itsm_deadline_kind;

/** Size of ::itsm_deadline.calendar, terminating NUL included. */
#define ITSM_DEADLINE_CALENDAR_SIZE 32
/** Buffer size that always holds itsm_deadline_format() output. */
#define ITSM_DEADLINE_TEXT_SIZE 128

/**
 * A deadline rule: deadline = f(start instant, rule, calendar). A plain value; its layout
 * never changes. `amount` is seconds for BUSINESS and ELAPSED, a count for BUSINESS_DAYS,
 * DAYS, WEEKS, MONTHS and NTH_BUSINESS_DAY_NEXT_MONTH, and 0 for the other kinds.
 * `calendar` names the party whose calendar the rule runs on ("vendor" for "excluding
 * vendor holidays"); "" means the calendar of whatever uses the rule. A clock checks that
 * a named calendar is the one it runs on (itsm_calendar_name()).
 */
typedef struct itsm_deadline {
    itsm_deadline_kind kind;
    int64_t amount;
    char calendar[ITSM_DEADLINE_CALENDAR_SIZE];
} itsm_deadline;

/**
 * Parse a deadline written in English calendar words or as an ISO 8601 duration:
 * "4 h", "within 4 hours", "<= 10 min", "90 s", "PT4H" (business time); "4 h elapsed"
 * (wall time); "same day", "next day", "next business day", "within half a day",
 * "within 3 business days", "within 1 day", "within 1 week", "within 2 months", "P1W",
 * "P2M", "within 10 business days from the start of the next month"; any of them may end
 * with "excluding vendor holidays" or "(excluding vendor holidays)", which sets
 * `calendar` to "vendor" (a business duration then counts on that calendar). The
 * Japanese words 当日, 翌日, 翌営業日 and 半日以内 are read too. Case and extra blanks
 * do not matter.
 * @return ::ITSM_EINVAL quoting the text and saying what was not understood ("a few
 *         days" has no exact meaning); ::ITSM_ERANGE for an amount that is 0 or too large
 *         (more than 100 years).
 */
ITSM_API itsm_status itsm_deadline_parse(itsm_deadline *out, const char *text);

/**
 * The canonical text of a rule, which itsm_deadline_parse() reads back to an equal rule:
 * "4 h", "90 min", "4 h elapsed", "same day", "next business day", "within 3 business
 * days", "within 2 months", "within 10 business days from the start of the next month",
 * "24 h excluding vendor holidays".
 * @param size at least ::ITSM_DEADLINE_TEXT_SIZE is always enough.
 * @return ::ITSM_EINVAL for an invalid rule, ::ITSM_ERANGE when `size` is too small.
 */
ITSM_API itsm_status itsm_deadline_format(char *buf, size_t size, const itsm_deadline *rule);

/** ::ITSM_OK when `rule` is a valid rule, else ::ITSM_EINVAL / ::ITSM_ERANGE saying why. */
ITSM_API itsm_status itsm_deadline_check(const itsm_deadline *rule);

/**
 * The deadline of a clock started at `start` with no pause: for BUSINESS
 * itsm_calendar_add_business(start, amount); ELAPSED start + amount; SAME_DAY,
 * NEXT_BUSINESS_DAY, NEXT_DAY, BUSINESS_DAYS itsm_calendar_end_of_business_day(start, 0,
 * 1, 1, amount); HALF_DAY itsm_calendar_half_business_day(start); DAYS, WEEKS, MONTHS:
 * from the next opening at or after `start`, the same local time `amount` days (7 x
 * amount, amount months; a day past the month's end is the month's last day) later,
 * moved forward into open time; NTH_BUSINESS_DAY_NEXT_MONTH
 * itsm_calendar_nth_business_day() of the month after start's local month.
 * `cal` may be NULL only for ELAPSED. The rule's `calendar` name is not checked here.
 */
ITSM_API itsm_status itsm_deadline_apply(itsm_instant *out, const itsm_deadline *rule, const itsm_calendar *cal,
                                         itsm_instant start);

/* ---- clock definitions --------------------------------------------------------------- */

/** A clock definition (immutable once built; const access from any number of threads). */
typedef struct itsm_clock_definition itsm_clock_definition;

/** What happens when an event reopens a stopped clock. */
typedef enum itsm_reopen_policy {
    ITSM_REOPEN_CONTINUE = 0,  /**< one measurement: the stopped time counts as paused */
    ITSM_REOPEN_NEW_CYCLE = 1, /**< each reopening starts a new cycle with its own result */
    ITSM_REOPEN_NEVER = 2      /**< the first stop is final (response clocks) */
} itsm_reopen_policy;

/** What a priority change does to a running or paused clock. */
typedef enum itsm_retarget_policy {
    ITSM_RETARGET_RECOMPUTE = 0, /**< the new target as if it applied since the cycle's start */
    ITSM_RETARGET_RESTART = 1    /**< a new measurement from the change, with the new target */
} itsm_retarget_policy;

/** Flags of ::itsm_clock_options. */
typedef enum itsm_clock_flags {
    /** Start at the record's first event even when the start condition came later. */
    ITSM_CLOCK_RETRO_START = 1,
    /** With RETRO_START: pause states before the start event count as pauses. */
    ITSM_CLOCK_RETRO_PAUSE = 2
} itsm_clock_flags;

/** Version of ::itsm_clock_options this header describes. */
#define ITSM_CLOCK_OPTIONS_VERSION 1
/** Most thresholds a definition may have. */
#define ITSM_CLOCK_MAX_THRESHOLDS 8

/**
 * Inputs of itsm_clock_definition_new(). Versioned; start from ::ITSM_CLOCK_OPTIONS_INIT.
 * Code sets are arrays of int32 codes (NULL with count 0 for an empty set); they are
 * copied. A code may not be in two of pause, stop and cancel, nor in start and stop or
 * start and cancel (a start code that is also a pause code starts the clock paused).
 */
typedef struct itsm_clock_options {
    unsigned int version;            /**< must be 1..::ITSM_CLOCK_OPTIONS_VERSION */
    const int32_t *start;            /**< codes that start the clock (non-empty) */
    size_t n_start;
    const int32_t *pause;            /**< states during which the clock is paused */
    size_t n_pause;
    const int32_t *stop;             /**< codes that stop the clock (non-empty) */
    size_t n_stop;
    const int32_t *cancel;           /**< codes that cancel the measurement */
    size_t n_cancel;
    const int32_t *reopen;           /**< codes that reopen a stopped clock; empty: any code
                                          in neither stop nor cancel */
    size_t n_reopen;
    unsigned int flags;              /**< ::itsm_clock_flags */
    itsm_reopen_policy reopen_policy;
    itsm_retarget_policy retarget_policy;
    const int32_t *thresholds;       /**< per mille of the target, ascending, 1..100000;
                                          NULL with 0: 500, 750, 900, 1000 */
    size_t n_thresholds;
    const itsm_calendar *calendar;   /**< borrowed: must outlive the definition */
    itsm_deadline target;            /**< the target when no per-priority one applies */
    const int32_t *target_priorities; /**< priorities with their own target (distinct) */
    const itsm_deadline *priority_targets; /**< targets, one per entry of target_priorities */
    size_t n_priority_targets;
} itsm_clock_options;

/** Initializer: `itsm_clock_options o = ITSM_CLOCK_OPTIONS_INIT;` then set the fields. */
#define ITSM_CLOCK_OPTIONS_INIT                                                                      \
    {ITSM_CLOCK_OPTIONS_VERSION, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, 0u, ITSM_REOPEN_CONTINUE, \
     ITSM_RETARGET_RECOMPUTE, NULL, 0, NULL, {ITSM_DEADLINE_BUSINESS, 0, {0}}, NULL, NULL, 0}

/**
 * Build a definition. Everything is validated and copied except the calendar, which is
 * borrowed.
 * @return ::ITSM_EVERSION for an unknown options version; ::ITSM_EINVAL naming the field
 *         (an empty start or stop set, a code in two sets, unsorted thresholds, an invalid
 *         target, a target naming another calendar, a repeated priority).
 * @param out Ownership: the caller's; release with itsm_clock_definition_free().
 */
ITSM_API itsm_status itsm_clock_definition_new(itsm_clock_definition **out, const itsm_clock_options *options);
/** Release a definition; NULL is a no-op. */
ITSM_API void itsm_clock_definition_free(itsm_clock_definition *def);
/** Number of thresholds (the length of each row of threshold instants); 0 for NULL. */
ITSM_API size_t itsm_clock_definition_threshold_count(const itsm_clock_definition *def);
/** Threshold `index` in per mille; ::ITSM_ERANGE past the end. */
ITSM_API itsm_status itsm_clock_definition_threshold(int32_t *out, const itsm_clock_definition *def, size_t index);

/* ---- results ------------------------------------------------------------------------- */

/** State of a clock at the "as of" instant. Values never change. */
typedef enum itsm_clock_state {
    ITSM_CLOCK_NOT_STARTED = 0, /**< no start condition yet */
    ITSM_CLOCK_RUNNING = 1,     /**< started, counting (it may already be over its target) */
    ITSM_CLOCK_PAUSED = 2,      /**< started, in a pause state */
    ITSM_CLOCK_MET = 3,         /**< stopped within its target */
    ITSM_CLOCK_BREACHED = 4,    /**< stopped over its target */
    ITSM_CLOCK_CANCELLED = 5    /**< cancelled: no deadline, no verdict */
} itsm_clock_state;

/** "No such instant" in results (not started, not stopped, not crossed, no deadline). */
#define ITSM_CLOCK_NO_INSTANT INT64_MIN

/**
 * The clock of one record. A plain value. Under ::ITSM_REOPEN_NEW_CYCLE every field but
 * `ever_breached`, `cycles`, `breached_cycles` and `reopens` describes the last cycle.
 *
 * The target is counted in business seconds on the definition's calendar, except for an
 * ::ITSM_DEADLINE_ELAPSED target, counted in wall seconds; a calendar-word target becomes
 * the business seconds between the start and its deadline. `elapsed` below is
 * elapsed_business or, for an ELAPSED target, elapsed_actual.
 */
typedef struct itsm_clock_result {
    itsm_clock_state state;
    int32_t priority;          /**< the priority whose target applies (0: none given) */
    itsm_instant start;        /**< start of the measurement (NO_INSTANT when not started) */
    itsm_instant stop;         /**< the stop event (NO_INSTANT while not stopped) */
    int64_t elapsed_business;  /**< business seconds with the clock running */
    int64_t elapsed_actual;    /**< wall seconds with the clock running */
    int64_t paused_business;   /**< business seconds paused */
    int64_t paused_actual;     /**< wall seconds paused */
    int64_t target;            /**< the target in its unit (see above) */
    int64_t remaining;         /**< target - elapsed; negative when overrun */
    int64_t permille;          /**< floor(1000 x elapsed / target); may exceed 1000 */
    /** When elapsed reached the target: fixed once passed (a later pause does not move
     *  it). Before that, projected from as of (running, or paused as if resumed then) or
     *  from the stop (met). NO_INSTANT when not started or cancelled. */
    itsm_instant deadline;
    /** When elapsed reached each threshold, projected like the deadline; NO_INSTANT
     *  when stopped before it or not started. Only the first n_thresholds are set. */
    itsm_instant threshold_at[ITSM_CLOCK_MAX_THRESHOLDS];
    int32_t n_thresholds;
    int32_t breached;          /**< 1 when elapsed > target (running or stopped) */
    int32_t ever_breached;     /**< 1 when any cycle was breached */
    int32_t cycles;            /**< cycles started (0 when not started) */
    int32_t breached_cycles;   /**< cycles breached */
    int32_t reopens;           /**< reopenings of a stopped clock */
} itsm_clock_result;

/**
 * Evaluate one record's log as of `as_of`: events with instants <= as_of count, later
 * ones are ignored. `instants` must never decrease (::ITSM_EINVAL naming the index
 * otherwise); events with equal instants are taken in log order. `priorities` may be
 * NULL; a priority <= 0 means "unchanged". `n` = 0 allows NULL arrays (not started).
 * @return ::ITSM_ERANGE naming the event when an instant is outside the calendar.
 */
ITSM_API itsm_status itsm_clock_evaluate(itsm_clock_result *out, const itsm_clock_definition *def,
                                         const itsm_instant *instants, const int32_t *codes,
                                         const int32_t *priorities, size_t n, itsm_instant as_of);

/**
 * Evaluate an incident's status history: each change is an event whose code is the
 * ::itsm_incident_status entered; the incident's priority (if set) applies throughout.
 */
ITSM_API itsm_status itsm_clock_evaluate_incident(itsm_clock_result *out, const itsm_clock_definition *def,
                                                  const itsm_incident *incident, itsm_instant as_of);

/** Version of ::itsm_clock_columns this header describes. */
#define ITSM_CLOCK_COLUMNS_VERSION 1

/**
 * Caller-allocated outputs of itsm_clock_evaluate_many(): each non-NULL array has one
 * element per record (`threshold_at`: n_records x itsm_clock_definition_threshold_count(),
 * row-major); NULL arrays are not written, and work needed only for them is skipped.
 * Fields mean what they mean in ::itsm_clock_result.
 */
typedef struct itsm_clock_columns {
    unsigned int version;      /**< must be 1..::ITSM_CLOCK_COLUMNS_VERSION */
    int32_t *state;            /**< ::itsm_clock_state */
    int32_t *priority;
    itsm_instant *start, *stop;
    int64_t *elapsed_business, *elapsed_actual, *paused_business, *paused_actual;
    int64_t *target, *remaining, *permille;
    itsm_instant *deadline;
    itsm_instant *threshold_at;
    uint8_t *breached, *ever_breached;
    int32_t *cycles, *breached_cycles, *reopens;
    /** When non-NULL, a record that cannot be evaluated gets its status here (0 for the
     *  others) and the batch goes on; when NULL, it stops the batch. */
    int32_t *status;
} itsm_clock_columns;

/** Initializer: every array NULL. */
#define ITSM_CLOCK_COLUMNS_INIT                                                                      \
    {ITSM_CLOCK_COLUMNS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,  \
     NULL, NULL, NULL, NULL, NULL, NULL, NULL}

/**
 * Evaluate many records in one call, without allocating. Record r's events are
 * `offsets[r] .. offsets[r + 1] - 1` of the flat arrays `instants`, `codes` and
 * `priorities` (NULL: none), each `n_events` long; `offsets` has n_records + 1
 * non-decreasing entries within 0 .. n_events. Every record is evaluated as of `as_of`.
 * @return the first error (when `columns->status` is NULL), naming the record and the
 *         event: "record 12, event 3: ...". ::ITSM_EINVAL for bad offsets.
 */
ITSM_API itsm_status itsm_clock_evaluate_many(const itsm_clock_columns *columns, const itsm_clock_definition *def,
                                              const int64_t *offsets, size_t n_records,
                                              const itsm_instant *instants, const int32_t *codes,
                                              const int32_t *priorities, size_t n_events, itsm_instant as_of);

/** "not_started", "running", "paused", "met", "breached", "cancelled". Static. */
ITSM_API itsm_status itsm_clock_state_name(const char **out, itsm_clock_state state);

ITSM_END_DECL

#endif /* ITSM_CLOCK_H */
