/**
 * @file itsm/metrics.h
 * @brief SLA metric kinds (METRICS.md 3-5): rates with a "no data" state, duration
 *        statistics, call-center rates, availability over a service calendar, MTBF/MTRS,
 *        error budgets and burn-rate alerts, counts, intervals, recovery objectives,
 *        deadlines, ordinal capabilities and service-hours coverage.
 *
 * Every function works on plain C arrays (structure of arrays), allocates only scratch
 * memory it frees before returning (the functions that sort say so), keeps no state and
 * may be called from any number of threads. Inputs are validated: a bad element is an
 * error whose message names the array and the index (`outages.end[3] ... is before
 * outages.start[3]`); nothing is silently fixed or dropped.
 *
 * Arithmetic is exact: instants and durations are int64 seconds, counts are int64, and
 * fractions (targets, shares, percentile ranks) are int64 parts per billion
 * (::ITSM_PPB = 1). The only floating-point numbers are ratios, and each one is the exact
 * rational value correctly rounded to the nearest double (ties to even), so two
 * implementations agree to the last bit. The definitions are in `docs/metrics.md`.
 */
#ifndef ITSM_METRICS_H
#define ITSM_METRICS_H

#include "itsm/calendar.h"
#include "itsm/common.h"
#include "itsm/time.h"

ITSM_BEGIN_DECL

/** One in parts per billion: the unit of every fraction (99.9 % = 999000000). */
#define ITSM_PPB INT64_C(1000000000)

/* ==== rates ========================================================================= */

/**
 * A rate: numerator / denominator with both kept. A plain value; its layout never changes.
 *
 * A denominator of 0 is "no data" (`has_data` = 0, `ratio` = NaN): never 0 % and never
 * 100 %. Means are rates too (sum / count). Rates aggregate by volume (itsm_rate_sum():
 * sum of numerators / sum of denominators), never as a mean of ratios.
 */
typedef struct itsm_rate {
    int64_t numerator;   /**< >= 0 */
    int64_t denominator; /**< >= 0; 0 = no data */
    double ratio;        /**< numerator / denominator correctly rounded; NaN without data */
    int has_data;        /**< 1 when denominator > 0 */
} itsm_rate;

/** Build a rate (numerator and denominator >= 0; the numerator may exceed it, as in a mean). */
ITSM_API itsm_status itsm_rate_make(itsm_rate *out, int64_t numerator, int64_t denominator);

/**
 * Volume-weighted aggregation: sum of numerators / sum of denominators of `rates`
 * (n == 0 gives no data). ::ITSM_ERANGE naming the index where a sum would overflow.
 */
ITSM_API itsm_status itsm_rate_sum(itsm_rate *out, const itsm_rate *rates, size_t n);

/** itsm_rate_sum() over two parallel arrays (per-interval numerators and denominators). */
ITSM_API itsm_status itsm_rate_sum_arrays(itsm_rate *out, const int64_t *numerators, const int64_t *denominators,
                                          size_t n);

/**
 * Parse a fraction into parts per billion: a percentage with `%` ("99.9%", "99.95 %",
 * "100%") or a plain number in [0, 1] ("0.999", "1"). Exact: more than nine decimal
 * places of the fraction (seven of a percentage) that are not zero is an error, as is a
 * value outside [0, 1] or a bare number above 1 ("95" must be written "95%").
 */
ITSM_API itsm_status itsm_fraction_parse(int64_t *out_ppb, const char *text);

/**
 * Allowed downtime (the error budget of a time-based target): (1 - target) x period,
 * exactly, in nanoseconds. 99.9 % of a 30-day month (2592000 s) is 2592 s =
 * 2592000000000 ns = 43.2 min; of a 31-day month 2678.4 s = 44.64 min.
 * @param target_ppb 0 .. ::ITSM_PPB.  @param period_seconds >= 0.
 */
ITSM_API itsm_status itsm_allowed_downtime(int64_t *out_ns, int64_t target_ppb, int64_t period_seconds);

/* ==== durations per record ============================================================ */

/** Statistics of per-record durations against a target. Plain value. */
typedef struct itsm_duration_stats {
    int64_t count;           /**< records included */
    itsm_rate within_target; /**< records with duration <= target / count */
    itsm_rate mean;          /**< sum of durations (s) / count: exact sum and count */
    int64_t min;             /**< smallest duration; 0 when count is 0 */
    int64_t max;             /**< largest duration; 0 when count is 0 */
} itsm_duration_stats;

/**
 * Share within target, mean, minimum and maximum of `durations` (seconds, >= 0).
 * `include` (may be NULL: all) masks records out (cancelled, not counted): a record with
 * include[i] == 0 is skipped without looking at its duration. Never allocates.
 * @return ::ITSM_EINVAL naming the index of a negative duration; ::ITSM_ERANGE if the sum
 *         overflows.
 */
ITSM_API itsm_status itsm_durations_summarize(itsm_duration_stats *out, const int64_t *durations,
                                              const uint8_t *include, size_t n, int64_t target);

/**
 * Nearest-rank percentiles: with the N included durations sorted ascending x[1] <= ... <=
 * x[N], the percentile of rank q (parts per billion, 0 .. ::ITSM_PPB) is x[r] with
 * r = max(1, ceil(q x N / 10^9)): p50 of {1, 2, 3, 4} is 2, p95 of 20 values is the 19th,
 * p0 the minimum, p100 the maximum. Always an observed value, never interpolated.
 * out[k] is the percentile of ranks_ppb[k]. `*out_count` = N; with N = 0 there is no data
 * and `out` is left unchanged. Sorts a copy (allocates).
 */
ITSM_API itsm_status itsm_durations_percentiles(int64_t *out, size_t *out_count, const int64_t *durations,
                                                const uint8_t *include, size_t n, const int64_t *ranks_ppb,
                                                size_t n_ranks);

/* ==== call-center rates (METRICS.md 4) ================================================= */

/** What became of a call attempt. */
typedef enum itsm_call_outcome {
    ITSM_CALL_ANSWERED = 0,  /**< entered the queue and was answered */
    ITSM_CALL_ABANDONED = 1, /**< entered the queue, caller hung up before an answer */
    ITSM_CALL_BUSY = 2       /**< busy / blocked: never reached the queue */
} itsm_call_outcome;

/** Bits of itsm_calls::flags. */
#define ITSM_CALL_ON_SPOT 1u            /**< completed on the spot (no follow-up needed) */
#define ITSM_CALL_CALLED_BACK 2u        /**< the desk called the caller back */
#define ITSM_CALL_CALLBACK_REQUESTED 4u /**< the caller asked to be called back */

/** Version of ::itsm_calls. */
#define ITSM_CALLS_VERSION 1
/**
 * Call records as parallel arrays (versioned input; start from ::ITSM_CALLS_INIT).
 * A call is offered (O) when it entered the queue: answered (A) or abandoned (Ab).
 */
typedef struct itsm_calls {
    unsigned int version;        /**< 1 .. ::ITSM_CALLS_VERSION */
    size_t n;                    /**< number of calls */
    const uint8_t *outcome;      /**< ::itsm_call_outcome per call; required */
    const int64_t *wait;         /**< seconds in the queue (answered: until the answer; abandoned:
                                      until hang-up; ignored for busy); required, >= 0 */
    const uint8_t *flags;        /**< ITSM_CALL_* bits; NULL = none set */
    const uint8_t *include;      /**< nonzero = counted; NULL = all */
    const itsm_instant *arrival; /**< arrival instants; needed only for repeat contacts */
    const int64_t *caller;       /**< caller ids (negative = unknown); needed only for repeat contacts */
} itsm_calls;
/** Initializer: no calls. */
#define ITSM_CALLS_INIT {ITSM_CALLS_VERSION, 0, NULL, NULL, NULL, NULL, NULL, NULL}

/** Version of ::itsm_call_params. */
#define ITSM_CALL_PARAMS_VERSION 1
/** Thresholds of the call rates (versioned; start from ::ITSM_CALL_PARAMS_INIT). */
typedef struct itsm_call_params {
    unsigned int version;     /**< 1 .. ::ITSM_CALL_PARAMS_VERSION */
    int64_t answer_threshold; /**< T (s): answered within T means wait <= T */
    int64_t short_abandon;    /**< S (s): a short abandon has wait < S (0: none is short) */
    int64_t repeat_window;    /**< N days as seconds: repeat contact within (0, window]; 0 = not counted */
} itsm_call_params;
/** Initializer: T = 0, S = 0, repeat contacts not counted. */
#define ITSM_CALL_PARAMS_INIT {ITSM_CALL_PARAMS_VERSION, 0, 0, 0}

/**
 * Counts over the included calls, from which every call rate follows. Additive over
 * intervals (itsm_call_counts_add()), so rates over a month are volume-weighted.
 */
typedef struct itsm_call_counts {
    int64_t offered;           /**< O = A + Ab */
    int64_t answered;          /**< A */
    int64_t abandoned;         /**< Ab */
    int64_t busy;              /**< B */
    int64_t answered_within;   /**< A(<=T) */
    int64_t abandoned_within;  /**< Ab(<=T) */
    int64_t abandoned_short;   /**< Ab(<S) */
    int64_t answer_wait_sum;   /**< sum of the waits of answered calls (s) */
    int64_t called_back;       /**< answered, not completed on the spot, and called back */
    int64_t callback_requests; /**< offered calls with ::ITSM_CALL_CALLBACK_REQUESTED */
    int64_t repeat_contacts;   /**< answered calls whose caller called again within the window */
} itsm_call_counts;

/** The call rates and their variants; names from itsm_call_rate_name(). Values never change. */
typedef enum itsm_call_rate_kind {
    ITSM_CALL_SERVICE_LEVEL = 0,                       /**< "service_level": A(<=T) / (A + Ab) (即応率, default) */
    ITSM_CALL_SERVICE_LEVEL_WITH_ABANDONED = 1,        /**< "service_level_with_abandoned": (A(<=T) + Ab(<=T)) / (A + Ab) */
    ITSM_CALL_SERVICE_LEVEL_ANSWERED_ONLY = 2,         /**< "service_level_answered_only": A(<=T) / A */
    ITSM_CALL_SERVICE_LEVEL_EXCLUDING_EARLY_ABANDONS = 3, /**< "service_level_excluding_early_abandons": A(<=T) / (A + Ab(>T)) */
    ITSM_CALL_SERVICE_LEVEL_SHORT_ABANDONS_MET = 4,    /**< "service_level_short_abandons_met": (A(<=T) + Ab(<S)) / (A + Ab) */
    ITSM_CALL_ABANDON_RATE = 5,                        /**< "abandon_rate": Ab / O (放棄率, default) */
    ITSM_CALL_ABANDON_RATE_EXCLUDING_SHORT = 6,        /**< "abandon_rate_excluding_short": (Ab - Ab(<S)) / (O - Ab(<S)) */
    ITSM_CALL_ABANDON_RATE_WITH_BUSY = 7,              /**< "abandon_rate_with_busy": Ab / (O + B) */
    ITSM_CALL_ABANDON_RATE_EXCLUDING_SHORT_WITH_BUSY = 8, /**< "abandon_rate_excluding_short_with_busy": (Ab - Ab(<S)) / (O - Ab(<S) + B) */
    ITSM_CALL_BUSY_RATE = 9,                           /**< "busy_rate": B / (B + O) (電話ビジー率) */
    ITSM_CALL_CALLBACK_RATE = 10,                      /**< "callback_rate": called back / A (コールバック率) */
    ITSM_CALL_CALLBACK_REQUEST_RATE = 11,              /**< "callback_request_rate": callback requests / O */
    ITSM_CALL_REPEAT_CONTACT_RATE = 12,                /**< "repeat_contact_rate": repeat contacts / A */
    ITSM_CALL_AVERAGE_SPEED_OF_ANSWER = 13             /**< "average_speed_of_answer": wait of answered calls / A (s) */
} itsm_call_rate_kind;

/**
 * Count the included calls. Every included call is validated (outcome, flags, wait >= 0
 * unless busy). With params->repeat_window > 0, `arrival` and `caller` are required for
 * all n calls: an included answered call is a repeat contact when another call of the
 * same (non-negative) caller, of any outcome and included or not, arrives in
 * (arrival, arrival + window]; this sorts an index (allocates). Otherwise never allocates.
 */
ITSM_API itsm_status itsm_calls_count(itsm_call_counts *out, const itsm_calls *calls,
                                      const itsm_call_params *params);

/** acc += more, field by field (::ITSM_ERANGE naming the field on overflow; acc unchanged then). */
ITSM_API itsm_status itsm_call_counts_add(itsm_call_counts *acc, const itsm_call_counts *more);

/** The rate `kind` of `counts` (0/0 is no data). */
ITSM_API itsm_status itsm_call_rate(itsm_rate *out, const itsm_call_counts *counts, itsm_call_rate_kind kind);

/** The stable name of a call rate kind ("abandon_rate_excluding_short"). Static text. */
ITSM_API itsm_status itsm_call_rate_name(const char **out, itsm_call_rate_kind kind);
/** The call rate kind of a name (::ITSM_ENOTFOUND naming an unknown one). */
ITSM_API itsm_status itsm_call_rate_from_name(itsm_call_rate_kind *out, const char *name);

/* ==== availability (METRICS.md 5) ===================================================== */

/** Bits of itsm_outages::flags. */
#define ITSM_OUTAGE_PLANNED 1u  /**< planned maintenance */
#define ITSM_OUTAGE_NOTIFIED 2u /**< planned maintenance notified in time: excluded from both sides */
#define ITSM_OUTAGE_CRITICAL 4u /**< a named critical function was down (partial outages) */

/** Why an outage does not count against the provider. Values never change. */
typedef enum itsm_outage_exclusion {
    ITSM_EXCLUSION_NONE = 0,            /**< "none": counts */
    ITSM_EXCLUSION_FORCE_MAJEURE = 1,   /**< "force_majeure" */
    ITSM_EXCLUSION_CUSTOMER_CAUSED = 2, /**< "customer_caused" */
    ITSM_EXCLUSION_OTHER = 3            /**< "other": another reason the contract names */
} itsm_outage_exclusion;

/** How partial outages (share < 1) count. Values never change. */
typedef enum itsm_partial_policy {
    ITSM_PARTIAL_FULL = 0,         /**< "full": every outage counts fully, whatever its share */
    ITSM_PARTIAL_WEIGHTED = 1,     /**< "weighted": an outage counts with its affected share */
    ITSM_PARTIAL_CRITICAL_ONLY = 2 /**< "critical_only": a partial outage counts (fully) only with
                                        ::ITSM_OUTAGE_CRITICAL; full outages always count */
} itsm_partial_policy;

/** Where an outage lands on the probe grid origin + k x interval. Values never change. */
typedef enum itsm_probe_rounding {
    ITSM_PROBE_DETECTED = 0, /**< "detected": [ceil(start), ceil(end)): first failed probe to first
                                  successful one; an outage between two probes is not seen */
    ITSM_PROBE_OUTWARD = 1   /**< "outward": [floor(start), ceil(end)): the smallest probe-aligned
                                  interval containing the outage */
} itsm_probe_rounding;

/** Version of ::itsm_outages. */
#define ITSM_OUTAGES_VERSION 1
/** Outage records as parallel arrays (versioned input; start from ::ITSM_OUTAGES_INIT). */
typedef struct itsm_outages {
    unsigned int version;      /**< 1 .. ::ITSM_OUTAGES_VERSION */
    size_t n;                  /**< number of outages */
    const itsm_instant *start; /**< [start, end): required; unsorted, may overlap or nest */
    const itsm_instant *end;   /**< required, end >= start */
    const uint8_t *flags;      /**< ITSM_OUTAGE_* bits; NULL = none */
    const uint8_t *exclusion;  /**< ::itsm_outage_exclusion; NULL = none */
    const int64_t *share;      /**< affected share in ppb, 0 .. ::ITSM_PPB; NULL = all full */
} itsm_outages;
/** Initializer: no outages. */
#define ITSM_OUTAGES_INIT {ITSM_OUTAGES_VERSION, 0, NULL, NULL, NULL, NULL, NULL}

/** Version of ::itsm_availability_options. */
#define ITSM_AVAILABILITY_OPTIONS_VERSION 1
/** Contract parameters of availability (versioned; start from ::ITSM_AVAILABILITY_OPTIONS_INIT). */
typedef struct itsm_availability_options {
    unsigned int version;              /**< 1 .. ::ITSM_AVAILABILITY_OPTIONS_VERSION */
    const itsm_calendar *calendar;     /**< service hours; NULL = 24x7. Borrowed for the call. */
    int64_t minimum_outage;            /**< an episode shorter than this (s) is not counted; 0 = all */
    int64_t probe_interval;            /**< monitoring interval (s); 0 = instants are exact */
    itsm_instant probe_origin;         /**< an instant on the probe grid (default 0: whole minutes...) */
    itsm_probe_rounding probe_rounding; /**< default ::ITSM_PROBE_DETECTED */
    itsm_partial_policy partial;       /**< default ::ITSM_PARTIAL_FULL */
} itsm_availability_options;
/** Initializer: 24x7, every outage counted, exact instants, partial outages count fully. */
#define ITSM_AVAILABILITY_OPTIONS_INIT                                                                           \
    {ITSM_AVAILABILITY_OPTIONS_VERSION, NULL, 0, 0, 0, ITSM_PROBE_DETECTED, ITSM_PARTIAL_FULL}

/** Availability over a period. Plain value; seconds are service-calendar seconds. */
typedef struct itsm_availability {
    int64_t service_seconds;     /**< service time of the calendar in [from, to) */
    int64_t maintenance_seconds; /**< of which notified planned maintenance (removed from both sides) */
    int64_t agreed_seconds;      /**< agreed service time = service - maintenance */
    int64_t downtime_seconds;    /**< counted downtime inside agreed time (weighted: rounded up once) */
    int64_t excluded_seconds;    /**< outage time inside agreed time not counted for an exclusion reason */
    int64_t failures;            /**< counted episodes with downtime inside the period */
    int64_t failures_started;    /**< of which started in [from, to) (additive over consecutive periods) */
    itsm_rate availability;      /**< (agreed - downtime) / agreed */
} itsm_availability;

/**
 * Availability over [from, to) (METRICS.md 5; the full rule is in docs/metrics.md):
 *  1. planned outages with ::ITSM_OUTAGE_NOTIFIED are maintenance, removed from both
 *     sides; planned but not notified in time counts as an outage;
 *  2. every other outage is put on the probe grid (see ::itsm_probe_rounding);
 *  3. outages with an exclusion reason are not counted (their time, where no counted
 *     outage covers it, is `excluded_seconds`); the partial policy decides the weight of
 *     the rest (0 weight: not counted);
 *  4. counted outages are united: at each instant the weight is the largest of the
 *     outages covering it (overlaps never count twice); touching or overlapping outages
 *     form one episode, and an episode shorter (end - start, whole length, also outside
 *     the period) than the minimum is dropped;
 *  5. downtime = sum of weight x calendar seconds of the episodes inside [from, to),
 *     outside maintenance, in service hours; summed exactly in ppb-seconds and rounded up
 *     to a whole second once.
 * Sorts copies (allocates).
 * @return ::ITSM_EINVAL naming the index of an outage that ends before it starts, has an
 *         unknown flag, exclusion or a share outside 0 .. 10^9; ::ITSM_ERANGE for instants
 *         outside the supported range or the calendar's span.
 */
ITSM_API itsm_status itsm_availability_compute(itsm_availability *out, const itsm_outages *outages,
                                               itsm_instant from, itsm_instant to,
                                               const itsm_availability_options *options);

/**
 * Downtime and agreed seconds per slice [from + i x step, from + (i + 1) x step),
 * i < n, with the rules of itsm_availability_compute() (episodes and minimums judged on
 * the whole data, weighted downtime rounded up per slice): the time-based series for
 * itsm_burn_alerts() (bad = downtime, total = agreed). Allocates scratch memory.
 */
ITSM_API itsm_status itsm_availability_series(int64_t *out_downtime, int64_t *out_agreed,
                                              const itsm_outages *outages, itsm_instant from, int64_t step,
                                              size_t n, const itsm_availability_options *options);

/**
 * Union of intervals [start[i], end[i]) (unsorted, overlapping, nested; end >= start):
 * the sorted, disjoint intervals covering the same instants, touching ones merged and
 * empty ones dropped. Output arrays of capacity n (may alias the inputs); `*out_n` is the
 * count written. Sorts a copy (allocates).
 */
ITSM_API itsm_status itsm_interval_union(itsm_instant *out_start, itsm_instant *out_end, size_t *out_n,
                                         const itsm_instant *start, const itsm_instant *end, size_t n);

/** Stable name of an exclusion reason ("force_majeure"). Static text. */
ITSM_API itsm_status itsm_outage_exclusion_name(const char **out, itsm_outage_exclusion value);
/** Exclusion reason of a name (::ITSM_ENOTFOUND for an unknown one). */
ITSM_API itsm_status itsm_outage_exclusion_from_name(itsm_outage_exclusion *out, const char *name);
/** Stable name of a partial-outage policy ("weighted"). Static text. */
ITSM_API itsm_status itsm_partial_policy_name(const char **out, itsm_partial_policy value);
/** Partial-outage policy of a name. */
ITSM_API itsm_status itsm_partial_policy_from_name(itsm_partial_policy *out, const char *name);
/** Stable name of a probe rounding rule ("detected"). Static text. */
ITSM_API itsm_status itsm_probe_rounding_name(const char **out, itsm_probe_rounding value);
/** Probe rounding rule of a name. */
ITSM_API itsm_status itsm_probe_rounding_from_name(itsm_probe_rounding *out, const char *name);

/* ==== MTBF, MTRS, error budgets, burn rates ============================================ */

/** Reliability over the window of an ::itsm_availability. Plain value; means are rates. */
typedef struct itsm_reliability {
    itsm_rate mtbf;         /**< up time (agreed - downtime) / failures */
    itsm_rate mtrs;         /**< downtime / failures (MTTR) */
    itsm_rate mtbsi;        /**< agreed time / failures = MTBF + MTRS */
    itsm_rate availability; /**< MTBF / (MTBF + MTRS) = up time / agreed time */
} itsm_reliability;

/** MTBF, MTRS, MTBSI and availability from an availability result (no failures: no data). */
ITSM_API itsm_status itsm_reliability_from_availability(itsm_reliability *out, const itsm_availability *a);

/** Error-budget position inside an SLO window. Plain value. */
typedef struct itsm_budget_status {
    itsm_rate error_ratio; /**< bad / total so far */
    double consumed;       /**< share of the whole window's budget used so far:
                                bad x elapsed / ((1 - target) x total x window) */
    double projected;      /**< share used by the window's end if the burn continues:
                                (bad / total) / (1 - target), the burn rate so far */
    double remaining;      /**< 1 - consumed (negative when overspent) */
    int has_data;          /**< 0 when total is 0 (consumed, projected, remaining NaN) */
} itsm_budget_status;

/**
 * Where the error budget stands `elapsed` seconds into a `window`-second SLO window,
 * after `bad` of `total` events (or downtime of agreed seconds: bad = downtime, total =
 * elapsed agreed seconds, when consumed = downtime / ((1 - target) x window)).
 * For event counts, the budget of the whole window assumes the traffic seen so far
 * continues at the same rate. Both consumed and projected are reported.
 * @param target_ppb 0 .. ::ITSM_PPB - 1 (100 % leaves no budget: ::ITSM_EINVAL).
 * Counts at most 2^53; 0 < elapsed <= window.
 */
ITSM_API itsm_status itsm_error_budget_status(itsm_budget_status *out, int64_t bad, int64_t total, int64_t elapsed,
                                              int64_t window, int64_t target_ppb);

/**
 * Burn rate over a window: (bad / total) / (1 - target), correctly rounded. `*out_has_data`
 * = 0 (and `*out` NaN) when total is 0. Counts at most 2^53.
 */
ITSM_API itsm_status itsm_burn_rate(double *out, int *out_has_data, int64_t bad, int64_t total, int64_t target_ppb);

/** A multiwindow burn-rate alert: fires when both windows burn faster than the factor. */
typedef struct itsm_burn_alert_pair {
    int64_t long_window;  /**< seconds */
    int64_t short_window; /**< seconds */
    int64_t factor_milli; /**< burn-rate threshold x 1000 (14.4 = 14400), 1 .. 2^34 */
} itsm_burn_alert_pair;

/** Number of default alert pairs. */
#define ITSM_BURN_DEFAULT_PAIRS 3

/**
 * The default pairs for an SLO window of `slo_window` seconds: 2 % of the budget in 1 h
 * (short 5 min), 5 % in 6 h (30 min), 10 % in 3 days (6 h); factor = share x slo_window /
 * long window, in thousandths rounded half up. For 30 days: 14.4, 6 and 1.
 * @param out ::ITSM_BURN_DEFAULT_PAIRS entries.
 */
ITSM_API itsm_status itsm_burn_alert_default_pairs(itsm_burn_alert_pair *out, int64_t slo_window);

/**
 * Evaluate alert pairs over a series of slices of `step` seconds (bad[i] of total[i] in
 * slice i). out[i] bit k is set when pair k fires at the end of slice i: the burn rate
 * over the long window and over the short window (the slices ending with slice i) both
 * exceed the factor (strictly). Windows must be multiples of step; a window reaching
 * before slice 0 uses the slices there are; a window with total 0 has no data and does
 * not fire. Exact integer comparisons. At most 8 pairs. Never allocates.
 */
ITSM_API itsm_status itsm_burn_alerts(uint8_t *out, const int64_t *bad, const int64_t *total, size_t n,
                                      int64_t step, int64_t target_ppb, const itsm_burn_alert_pair *pairs,
                                      size_t n_pairs);

/* ==== events: counts, intervals, recovery, deadlines ==================================== */

/** A count of events in a period against a minimum and a maximum. Plain value. */
typedef struct itsm_count_result {
    int64_t count;     /**< included events in [from, to) */
    int meets_minimum; /**< count >= minimum */
    int meets_maximum; /**< count <= maximum (1 when there is no maximum) */
    int met;           /**< both */
} itsm_count_result;

/**
 * Count included events (`include` may be NULL) at instants in [from, to) against
 * `minimum` (>= 0) and `maximum` (< 0: no maximum). Never allocates.
 */
ITSM_API itsm_status itsm_events_count(itsm_count_result *out, const itsm_instant *events, const uint8_t *include,
                                       size_t n, itsm_instant from, itsm_instant to, int64_t minimum,
                                       int64_t maximum);

/** Which points bound the gaps of itsm_events_largest_gap(). Values never change. */
typedef enum itsm_gap_edges {
    ITSM_GAP_PERIOD_EDGES = 0, /**< "period_edges": from and to count as events */
    ITSM_GAP_INNER = 1,        /**< "inner": only gaps between events in [from, to) */
    ITSM_GAP_NEIGHBOURS = 2    /**< "neighbours": the last event before from (else from) and the
                                    first event at or after to (else to) bound the outer gaps */
} itsm_gap_edges;

/** The largest gap between consecutive events. Plain value. */
typedef struct itsm_gap_result {
    int64_t largest;          /**< seconds; 0 without data */
    itsm_instant gap_start;   /**< the earliest largest gap: [gap_start, gap_end) */
    itsm_instant gap_end;
    int64_t events;           /**< included events in [from, to) */
    int has_data;             /**< 0 when fewer than two points bound a gap */
} itsm_gap_result;

/** The largest interval between consecutive included events around [from, to). Sorts a copy. */
ITSM_API itsm_status itsm_events_largest_gap(itsm_gap_result *out, const itsm_instant *events,
                                             const uint8_t *include, size_t n, itsm_instant from, itsm_instant to,
                                             itsm_gap_edges edges);

/** Stable name of a gap edge rule ("period_edges"). Static text. */
ITSM_API itsm_status itsm_gap_edges_name(const char **out, itsm_gap_edges value);
/** Gap edge rule of a name. */
ITSM_API itsm_status itsm_gap_edges_from_name(itsm_gap_edges *out, const char *name);

/**
 * RPO achieved per failure: failures[i] - the latest recovery point of a successful
 * backup completed at or before failures[i]. A backup j has the recovery point
 * points[j] (the instant its data reflects) and completes at completed[j] (NULL: at its
 * point; completed >= point); `succeeded` (NULL: all) masks failed runs out.
 * out_has[i] = 0 and out[i] = 0 when no backup was usable. Sorts a copy (allocates).
 */
ITSM_API itsm_status itsm_rpo_achieved(int64_t *out, uint8_t *out_has, const itsm_instant *failures,
                                       size_t n_failures, const itsm_instant *points,
                                       const itsm_instant *completed, const uint8_t *succeeded, size_t n_backups);

/**
 * Elapsed time per record, to[i] - from[i] in wall seconds (`cal` NULL) or business
 * seconds of `cal`: RTO achieved (failure -> restore), notification delay (detection ->
 * notification received), any duration per record. to < from is an error naming the
 * index. Never allocates.
 */
ITSM_API itsm_status itsm_elapsed_many(int64_t *out, const itsm_calendar *cal, const itsm_instant *from,
                                       const itsm_instant *to, size_t n);

/** The state of a report against its deadline. Values never change. */
typedef enum itsm_delivery_state {
    ITSM_DELIVERY_MET = 0,     /**< "met": delivered at or before the deadline */
    ITSM_DELIVERY_LATE = 1,    /**< "late": delivered after the deadline */
    ITSM_DELIVERY_MISSED = 2,  /**< "missed": not delivered and as_of is past the deadline */
    ITSM_DELIVERY_PENDING = 3  /**< "pending": not delivered, deadline not yet passed */
} itsm_delivery_state;

/**
 * Report deadlines: state per report (`out_state` may be NULL) and met / (met + late +
 * missed) in `*out_met` (pending reports are not judged yet). `delivered_mask` (NULL: all
 * delivered) says which reports were delivered, at delivered[i]. The deadline instants
 * come from the calendar's deadline words (e.g. itsm_calendar_nth_business_day()).
 */
ITSM_API itsm_status itsm_deliveries_check(uint8_t *out_state, itsm_rate *out_met, const itsm_instant *delivered,
                                          const uint8_t *delivered_mask, const itsm_instant *deadline, size_t n,
                                          itsm_instant as_of);

/** Stable name of a deadline state ("late"). Static text. */
ITSM_API itsm_status itsm_delivery_state_name(const char **out, itsm_delivery_state value);

/* ==== ordinal capabilities and service hours =========================================== */

/** Declared against required level on an ordered scale. Plain value. */
typedef struct itsm_ordinal_result {
    int32_t declared;  /**< index of the declared level on the scale (0 = lowest) */
    int32_t required;  /**< index of the required level */
    int met;           /**< declared >= required */
    int32_t shortfall; /**< required - declared when not met, else 0 */
} itsm_ordinal_result;

/**
 * Compare a declared capability with a required one on a scale of level names, lowest
 * first ({"FW", "FW+NIDS", "FW+NIDS+HIDS"}). Names are matched exactly.
 * @return ::ITSM_EINVAL for an empty or repeated name on the scale (naming its index),
 *         ::ITSM_ENOTFOUND naming a level that is not on the scale.
 */
ITSM_API itsm_status itsm_ordinal_compare(itsm_ordinal_result *out, const char *const *scale, size_t n_levels,
                                          const char *declared, const char *required);

/** Does a calendar cover a required window? Plain value. */
typedef struct itsm_coverage {
    int covered;                  /**< every required second in [from, to) is provided */
    itsm_instant first_uncovered; /**< the first required second not provided (to when covered) */
    int64_t required_seconds;     /**< required service time in [from, to) */
    int64_t uncovered_seconds;    /**< of which not provided */
} itsm_coverage;

/**
 * Service-hours coverage: does `provided` (reception hours; NULL = 24x7) cover every
 * open second of `required` (the SLA's window, e.g. 9:00-20:00 x 7; NULL = 24x7) in
 * [from, to)? Exact to the second, DST-aware through the calendars. Never allocates.
 */
ITSM_API itsm_status itsm_service_hours_coverage(itsm_coverage *out, const itsm_calendar *provided,
                                                 const itsm_calendar *required, itsm_instant from,
                                                 itsm_instant to);

ITSM_END_DECL

#endif /* ITSM_METRICS_H */
