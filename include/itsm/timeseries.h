/**
 * @file itsm/timeseries.h
 * @brief Time series of measurements (CPU and memory use, data volume, response and batch
 *        times): resampling to a fixed grain with count, mean, minimum, maximum and
 *        quantiles; the time-of-day x date heat map of Case 9-8; linear trends with the
 *        instant a threshold is reached (disk full, a batch ending past its deadline).
 *
 * Samples are two arrays: instants `t` (any order; sorted input is fastest) and `values`
 * (doubles). A NaN value is a missing sample: skipped and not counted. An infinite value
 * is ::ITSM_EINVAL and an instant outside the supported range ::ITSM_ERANGE, both naming
 * the index. Batch calls take many samples (and, for resampling, many series on one time
 * axis) in one call; the work is linear in the number of samples.
 *
 * **Buckets follow a wall clock.** A grid (::itsm_ts_grid) cuts the time line into buckets
 * of `grain` seconds of a wall clock: UTC, or the local time of a zone. A sample falls in
 * the bucket of its wall-clock time (instant + UTC offset at that instant). So in a zone
 * with daylight saving time a daily bucket is a local day of 23, 24 or 25 hours; on the
 * day clocks go back, both occurrences of the repeated hour fall in the same hourly (or
 * minute) buckets, which then hold twice the samples; on the day clocks go forward, the
 * buckets of the skipped hour exist but can never hold a sample (count 0).
 *
 * **Empty buckets are "no data"**: count 0 and NaN for every statistic, never 0.
 *
 * **Quantiles** are defined exactly as numpy.quantile() defines them for the method of the
 * same name (Hyndman and Fan 1996; ::ITSM_TS_LINEAR, numpy's and pandas' default, is their
 * type 7: h = (m - 1) q over the bucket's m sorted values x[0..m-1], then
 * x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h])), computed the way numpy computes
 * them, so results agree with numpy to the last bit or so.
 *
 * Nothing here keeps state; calls may run in parallel on different outputs.
 */
#ifndef ITSM_TIMESERIES_H
#define ITSM_TIMESERIES_H

#include "itsm/time.h"

ITSM_BEGIN_DECL

/* ---- grids ------------------------------------------------------------------------------ */

/**
 * A fixed grain on a wall clock: bucket k (0 <= k < n_buckets) holds the samples whose wall
 * time w (seconds since 1970-01-01T00:00 of that clock) is in
 * [first + k * grain, first + (k + 1) * grain). Start from ::ITSM_TS_GRID_INIT.
 *
 * `grain` divides a day (1, 60, 300, 3600, 86400 ...; `first` a multiple of it) or is a
 * whole number of days (`first` at a midnight). The instant a bucket starts is
 * itsm_tz_from_local_many() of its wall start (or the wall start itself for UTC).
 */
typedef struct itsm_ts_grid {
    unsigned int version; /**< ::ITSM_TS_GRID_VERSION */
    int64_t grain;        /**< bucket length in wall-clock seconds */
    const itsm_tz *zone;  /**< the wall clock: NULL for UTC. Borrowed for the call */
    int64_t first;        /**< wall time where bucket 0 starts */
    size_t n_buckets;     /**< number of buckets */
} itsm_ts_grid;

#define ITSM_TS_GRID_VERSION 1
/** One-minute buckets in UTC, none yet (set first and n_buckets, or use itsm_ts_grid_cover()). */
#define ITSM_TS_GRID_INIT {ITSM_TS_GRID_VERSION, 60, NULL, 0, 0}

/**
 * Set grid->first and grid->n_buckets to the smallest grid of grid->grain and grid->zone
 * that holds every instant of `t` (n_buckets 0 when n is 0).
 * @return ::ITSM_EINVAL for a bad grain, ::ITSM_ERANGE naming the index of an instant out
 *         of range.
 */
ITSM_API itsm_status itsm_ts_grid_cover(itsm_ts_grid *grid, const itsm_instant *t, size_t n);

/**
 * The bucket of each instant: out[i] = k, or -1 when t[i] is outside the grid.
 * `out` and `t` may be the same array.
 */
ITSM_API itsm_status itsm_ts_bucket_index(int64_t *out, const itsm_ts_grid *grid, const itsm_instant *t, size_t n);

/* ---- resampling -------------------------------------------------------------------------- */

/** How a quantile falls between two sorted values: numpy.quantile()'s `method` of the same
 *  name (numbers in brackets: Hyndman and Fan's types). Values never change. */
typedef enum itsm_ts_quantile_method {
    ITSM_TS_LINEAR = 0,                    /**< "linear" [7], the default of numpy and pandas */
    ITSM_TS_LOWER = 1,                     /**< "lower" */
    ITSM_TS_HIGHER = 2,                    /**< "higher" */
    ITSM_TS_NEAREST = 3,                   /**< "nearest" (ties to the even index) */
    ITSM_TS_MIDPOINT = 4,                  /**< "midpoint" */
    ITSM_TS_INVERTED_CDF = 5,              /**< "inverted_cdf" [1] */
    ITSM_TS_AVERAGED_INVERTED_CDF = 6,     /**< "averaged_inverted_cdf" [2] */
    ITSM_TS_CLOSEST_OBSERVATION = 7,       /**< "closest_observation" [3] */
    ITSM_TS_INTERPOLATED_INVERTED_CDF = 8, /**< "interpolated_inverted_cdf" [4] */
    ITSM_TS_HAZEN = 9,                     /**< "hazen" [5] */
    ITSM_TS_WEIBULL = 10,                  /**< "weibull" [6] */
    ITSM_TS_MEDIAN_UNBIASED = 11,          /**< "median_unbiased" [8] */
    ITSM_TS_NORMAL_UNBIASED = 12           /**< "normal_unbiased" [9] */
} itsm_ts_quantile_method;

/**
 * What itsm_ts_resample() computes and where it writes it. Start from
 * ::ITSM_TS_STATS_INIT and point the arrays you want at buffers of n_series x n_buckets
 * elements (series s, bucket k at [s * n_buckets + k]); leave the others NULL.
 */
typedef struct itsm_ts_stats {
    unsigned int version; /**< ::ITSM_TS_STATS_VERSION */
    int64_t *count;       /**< samples in the bucket (required): 0 means no data */
    double *sum;          /**< sum of the values (compensated), NaN when empty */
    double *mean;         /**< sum / count, NaN when empty */
    double *min;          /**< smallest value, NaN when empty */
    double *max;          /**< largest value (the peak), NaN when empty */
    /** Quantiles: n_series x n_q x n_buckets values, quantile j of series s in bucket k at
     *  [(s * n_q + j) * n_buckets + k]; NaN when empty. NULL when n_q is 0. */
    double *quantiles;
    const double *q;      /**< n_q quantiles wanted, each in [0, 1] (0.95 for the 95th percentile) */
    size_t n_q;
    itsm_ts_quantile_method method;
    int64_t missing;      /**< written: NaN samples skipped, over all series */
    int64_t outside;      /**< written: samples outside the grid, over all series */
} itsm_ts_stats;

#define ITSM_TS_STATS_VERSION 1
#define ITSM_TS_STATS_INIT {ITSM_TS_STATS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, ITSM_TS_LINEAR, 0, 0}

/**
 * Resample `n_series` series that share the instants `t[0..n-1]`: values[s * n + i] is
 * series s at t[i] (a C-contiguous n_series x n matrix). Each bucket of `grid` gets the
 * statistics `out` asks for, over the bucket's non-NaN samples.
 * @param out where to write; its missing and outside counts are set.
 * @return ::ITSM_EINVAL for a bad grid or stats (naming the field), an infinite value
 *         (naming its series and index), ::ITSM_ERANGE for an instant out of range,
 *         ::ITSM_ENOMEM. On failure the output arrays may be partly written.
 */
ITSM_API itsm_status itsm_ts_resample(itsm_ts_stats *out, const itsm_ts_grid *grid, const itsm_instant *t, size_t n,
                                      const double *values, size_t n_series);

/* ---- heat maps (Case 9-8) --------------------------------------------------------------- */

/** How a heat-map cell combines its samples. Values never change. */
typedef enum itsm_ts_agg {
    ITSM_TS_AGG_MEAN = 0, /**< the mean */
    ITSM_TS_AGG_MAX = 1,  /**< the peak */
    ITSM_TS_AGG_MIN = 2,  /**< the smallest */
    ITSM_TS_AGG_SUM = 3   /**< the sum */
} itsm_ts_agg;

/** A date x time-of-day heat map. Start from ::ITSM_TS_HEATMAP_INIT. */
typedef struct itsm_ts_heatmap_spec {
    unsigned int version; /**< ::ITSM_TS_HEATMAP_VERSION */
    int64_t slot;         /**< seconds of a cell: divides 86400 (60: 1440 cells a day) */
    const itsm_tz *zone;  /**< local time of the rows and dates; NULL for UTC. Borrowed */
    itsm_date first_date; /**< the date of day 0 */
    size_t n_days;        /**< number of dates */
    itsm_ts_agg agg;      /**< how a cell combines its samples */
} itsm_ts_heatmap_spec;

#define ITSM_TS_HEATMAP_VERSION 1
#define ITSM_TS_HEATMAP_INIT {ITSM_TS_HEATMAP_VERSION, 60, NULL, {1970, 1, 1}, 0, ITSM_TS_AGG_MEAN}

/**
 * The heat map of one series: local dates by local times of day. Cell
 * [day * (86400 / slot) + slot] combines the samples whose local wall time falls in that
 * slot of that date (day 0 is first_date): the matrix is stored one date after the other,
 * each date a row of its times of day (transpose it to draw times of day down and dates
 * across, as Case 9-8 does). Samples on other dates are skipped. Daylight saving time: on
 * the day clocks go forward the cells of the skipped hour are empty (no data); on the day
 * they go back the cells of the repeated hour combine both occurrences (count 2 for
 * one-minute samples).
 * @param out_values n_days x (86400 / slot) cells; NaN where empty.
 * @param out_counts the same shape, or NULL: samples per cell, 0 where empty.
 */
ITSM_API itsm_status itsm_ts_heatmap(double *out_values, int64_t *out_counts, const itsm_ts_heatmap_spec *spec,
                                     const itsm_instant *t, const double *values, size_t n);

/* ---- linear trends ----------------------------------------------------------------------- */

/**
 * A least-squares line value = intercept + slope x (t - origin) through a series, with
 * the quality of the fit. Plain value. The instants are centred on their mean (`origin`)
 * before fitting, so the fit stays exact for instants near 2^31 and spans of centuries.
 */
typedef struct itsm_ts_trend {
    size_t n;             /**< samples used (non-NaN) */
    itsm_instant origin;  /**< the mean instant of the samples, rounded to a second */
    itsm_instant first;   /**< the earliest sample used */
    itsm_instant last;    /**< the latest sample used */
    double intercept;     /**< fitted value at origin */
    double slope;         /**< change of the value per second; NaN with fewer than two distinct instants */
    double r2;            /**< coefficient of determination 1 - SSE/SST; NaN when the values do not vary */
    double residual_se;   /**< residual standard error sqrt(SSE / (n - 2)); NaN when n < 3 */
} itsm_ts_trend;

/** Fit a line through (t[i], values[i]); NaN values are skipped. With fewer than two
 *  distinct instants the fit has no data (slope, intercept, r2 and residual_se NaN). */
ITSM_API itsm_status itsm_ts_trend_fit(itsm_ts_trend *out, const itsm_instant *t, const double *values, size_t n);

/** The fitted value at instant `at` (NaN when the fit has no data). */
ITSM_API itsm_status itsm_ts_trend_value(double *out, const itsm_ts_trend *fit, itsm_instant at);

/** Which way the value must go to reach a threshold. */
typedef enum itsm_ts_direction {
    ITSM_TS_RISING = 0, /**< reached when the value is >= the threshold (disk use, batch end time) */
    ITSM_TS_FALLING = 1 /**< reached when the value is <= the threshold (free space) */
} itsm_ts_direction;

/** When a trend reaches a threshold. Values never change. */
typedef enum itsm_ts_reach {
    ITSM_TS_REACHED_AT = 0,  /**< at `at`, after `from` */
    ITSM_TS_ALREADY = 1,     /**< the fitted value at `from` is already at or beyond it (at = from) */
    ITSM_TS_NEVER = 2,       /**< the slope is 0 or goes the other way */
    ITSM_TS_BEYOND = 3,      /**< only after the last supported instant (2200-12-31) */
    ITSM_TS_NO_DATA = 4      /**< the fit has no data (fewer than two distinct instants) */
} itsm_ts_reach;

/** A threshold crossing. Plain value. */
typedef struct itsm_ts_crossing {
    itsm_ts_reach reach;
    itsm_instant at; /**< the first whole second the fitted value reaches the threshold; 0 unless
                          reach is ::ITSM_TS_REACHED_AT or ::ITSM_TS_ALREADY */
} itsm_ts_crossing;

/**
 * When the fitted line, looking forward from `from` (usually fit->last), first reaches
 * `threshold` going `direction`.
 * @return ::ITSM_EINVAL for a non-finite threshold or a bad direction.
 */
ITSM_API itsm_status itsm_ts_trend_crossing(itsm_ts_crossing *out, const itsm_ts_trend *fit, double threshold,
                                            itsm_ts_direction direction, itsm_instant from);

ITSM_END_DECL

#endif /* ITSM_TIMESERIES_H */
