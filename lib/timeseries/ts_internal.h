/* Private to lib/timeseries: wall clocks with a cached UTC offset, grid checks, bucket
 * indexes and quantiles of a buffer. */
#ifndef ITSM_TS_INTERNAL_H
#define ITSM_TS_INTERNAL_H

#include "internal.h"
#include "itsm/timeseries.h"

#include <stddef.h>
#include <stdint.h>

/* The wall clock of a zone (or UTC): the offset found last holds for instants in
 * [lo, hi), the span between two transitions, so sorted samples look the zone up once
 * per transition. */
typedef struct itsm__ts_clock {
    const itsm_tz *tz;
    int64_t lo, hi, offset;
    size_t piece;
} itsm__ts_clock;

void itsm__ts_clock_init(itsm__ts_clock *c, const itsm_tz *tz);
void itsm__ts_clock_seek(itsm__ts_clock *c, int64_t t);

/* Wall seconds of an in-range instant. */
static inline int64_t itsm__ts_wall(itsm__ts_clock *c, int64_t t)
{
    if (t < c->lo || t >= c->hi)
        itsm__ts_clock_seek(c, t);
    return t + c->offset;
}

/* ITSM_EINVAL / ITSM_EVERSION naming the field of a bad grid; `fn` starts the message. */
int itsm__ts_grid_check(const itsm_ts_grid *g, const char *fn);

/* idx[i] = bucket of t[i] in `g` or -1 (checked grid); ITSM_ERANGE naming t[i] out of range. */
int itsm__ts_index(int64_t *idx, const itsm_ts_grid *g, const itsm_instant *t, size_t n, const char *fn);

/* Quantile q (in [0, 1]) of the m > 0 finite values x by `method`, as numpy.quantile
 * computes it. Reorders x. */
double itsm__ts_quantile(double *x, size_t m, double q, itsm_ts_quantile_method method);

#endif
