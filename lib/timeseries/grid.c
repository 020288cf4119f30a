/* Grids of wall-clock buckets: the wall time of an instant (with the zone's offset cached
 * between transitions), checks, the covering grid and the bucket of each instant. */
#include "time/civil.h"
#include "time/tz_internal.h"
#include "timeseries/ts_internal.h"

#include <stdio.h>

/* Bounds that keep first + n_buckets * grain far from int64 overflow (2^40 s is 34,000 years). */
#define GRID_LIMIT (INT64_C(1) << 40)

void itsm__ts_clock_init(itsm__ts_clock *c, const itsm_tz *tz)
{
    c->tz = tz;
    c->piece = SIZE_MAX;
    c->offset = 0;
    /* UTC: one span forever. A zone: empty, so the first instant looks it up. */
    c->lo = tz == NULL ? INT64_MIN : 0;
    c->hi = tz == NULL ? INT64_MAX : 0;
}

void itsm__ts_clock_seek(itsm__ts_clock *c, int64_t t)
{
    const itsm_tz *tz = c->tz;
    c->piece = itsm__tz_piece(tz, t, c->piece);
    c->offset = itsm__tz_piece_type(tz, c->piece)->utc_offset;
    c->lo = c->piece == 0 ? INT64_MIN : tz->at[c->piece - 1];
    c->hi = c->piece == tz->count ? INT64_MAX : tz->at[c->piece];
}

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* The unit `first` must be a multiple of: the grain, or a day for grains of whole days. */
static int64_t alignment(int64_t grain) { return grain <= ITSM_SECONDS_PER_DAY ? grain : ITSM_SECONDS_PER_DAY; }

static int check_grain(const itsm_ts_grid *g, const char *fn)
{
    if (g->version != ITSM_TS_GRID_VERSION)
        return itsm__error(ITSM_EVERSION, "%s: grid version %u is not supported (expected %d)", fn, g->version,
                           ITSM_TS_GRID_VERSION);
    int64_t s = g->grain;
    if (s <= 0 || s > GRID_LIMIT || (s <= ITSM_SECONDS_PER_DAY ? ITSM_SECONDS_PER_DAY % s : s % ITSM_SECONDS_PER_DAY))
        return itsm__error(ITSM_EINVAL,
                           "%s: grid.grain = %lld s neither divides a day (86400 s) nor is a whole number of days",
                           fn, (long long)s);
    return ITSM_OK;
}

int itsm__ts_grid_check(const itsm_ts_grid *g, const char *fn)
{
    int rc = check_grain(g, fn);
    if (rc != ITSM_OK)
        return rc;
    if (g->first < -GRID_LIMIT || g->first > GRID_LIMIT)
        return itsm__error(ITSM_EINVAL, "%s: grid.first = %lld is out of range", fn, (long long)g->first);
    if (g->first - floor_div(g->first, alignment(g->grain)) * alignment(g->grain) != 0)
        return itsm__error(ITSM_EINVAL, "%s: grid.first = %lld is not a multiple of %lld s (%s)", fn,
                           (long long)g->first, (long long)alignment(g->grain),
                           g->grain <= ITSM_SECONDS_PER_DAY ? "the grain" : "a day: buckets of days start at midnight");
    if (g->n_buckets > (uint64_t)GRID_LIMIT / (uint64_t)g->grain)
        return itsm__error(ITSM_EINVAL, "%s: grid.n_buckets = %zu buckets of %lld s is too long", fn, g->n_buckets,
                           (long long)g->grain);
    return ITSM_OK;
}

static int range_error(const char *fn, size_t i, int64_t t)
{
    char what[96];
    (void)snprintf(what, sizeof what, "%s: t[%zu]", fn, i);
    return itsm__check_instant(t, what);
}

int itsm__ts_index(int64_t *idx, const itsm_ts_grid *g, const itsm_instant *t, size_t n, const char *fn)
{
    itsm__ts_clock c;
    itsm__ts_clock_init(&c, g->zone);
    const int64_t first = g->first, grain = g->grain, last = (int64_t)g->n_buckets - 1;
    const int64_t end = first + (int64_t)g->n_buckets * grain;
    /* The bucket of the previous sample, [lo, lo + grain): sorted samples mostly stay in
     * it or move to the next one, which saves the division. */
    int64_t k = -1, lo = 0;
    for (size_t i = 0; i < n; i++) {
        int64_t ti = t[i];
        if (ti < ITSM_INSTANT_MIN || ti > ITSM_INSTANT_MAX)
            return range_error(fn, i, ti);
        int64_t w = itsm__ts_wall(&c, ti);
        if (k >= 0 && w >= lo && w - lo < grain) {
            idx[i] = k;
        } else if (k >= 0 && k < last && w - lo >= grain && w - lo < 2 * grain) {
            idx[i] = ++k;
            lo += grain;
        } else if (w < first || w >= end) {
            idx[i] = -1;
        } else {
            k = (w - first) / grain;
            lo = first + k * grain;
            idx[i] = k;
        }
    }
    return ITSM_OK;
}

itsm_status itsm_ts_grid_cover(itsm_ts_grid *grid, const itsm_instant *t, size_t n)
{
    ITSM__CHECK_ARG(grid);
    int rc = check_grain(grid, __func__);
    if (rc != ITSM_OK)
        return rc;
    if (n > 0)
        ITSM__CHECK_ARG(t);
    itsm__ts_clock c;
    itsm__ts_clock_init(&c, grid->zone);
    int64_t lo = INT64_MAX, hi = INT64_MIN;
    for (size_t i = 0; i < n; i++) {
        if (t[i] < ITSM_INSTANT_MIN || t[i] > ITSM_INSTANT_MAX)
            return range_error(__func__, i, t[i]);
        int64_t w = itsm__ts_wall(&c, t[i]);
        lo = w < lo ? w : lo;
        hi = w > hi ? w : hi;
    }
    if (n == 0) {
        grid->first = 0;
        grid->n_buckets = 0;
        return ITSM_OK;
    }
    int64_t unit = alignment(grid->grain);
    grid->first = floor_div(lo, unit) * unit;
    grid->n_buckets = (size_t)((hi - grid->first) / grid->grain + 1);
    return ITSM_OK;
}

itsm_status itsm_ts_bucket_index(int64_t *out, const itsm_ts_grid *grid, const itsm_instant *t, size_t n)
{
    ITSM__CHECK_ARG(grid);
    int rc = itsm__ts_grid_check(grid, __func__);
    if (rc != ITSM_OK || n == 0)
        return rc;
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(t);
    return itsm__ts_index(out, grid, t, n, __func__);
}
