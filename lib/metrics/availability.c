/* Availability over a service calendar (METRICS.md 5): maintenance removed from both
 * sides, outages on the probe grid, exclusions, partial-outage weights, the weighted
 * union, episodes and their minimum, and the measure inside the agreed service time. */
#include "metrics/metrics_internal.h"

/* The prepared outages: every list sorted and disjoint. */
typedef struct prepared {
    itsm__spans maint;    /* notified planned maintenance (weight 1) */
    itsm__spans down;     /* counted downtime: weighted segments of the kept episodes */
    itsm__spans episodes; /* extents of the kept episodes (weight 1) */
    itsm__spans excluded; /* outages with an exclusion reason (weight 1) */
    itsm__spans shadow;   /* episodes and maintenance: what excluded time cannot be */
} prepared;

static void prepared_free(prepared *p)
{
    itsm__spans_free(&p->maint);
    itsm__spans_free(&p->down);
    itsm__spans_free(&p->episodes);
    itsm__spans_free(&p->excluded);
    itsm__spans_free(&p->shadow);
}

/* ---- checks ---------------------------------------------------------------------------------- */

#define MAX_PROBE_INTERVAL ITSM_SECONDS_PER_DAY

static int check_options(const itsm_availability_options *o, const char *func)
{
    int rc = itsm__check_version(o->version, ITSM_AVAILABILITY_OPTIONS_VERSION, func, "itsm_availability_options");
    if (rc == ITSM_OK && o->minimum_outage < 0)
        rc = itsm__error(ITSM_EINVAL, "%s: options.minimum_outage = %lld is negative", func,
                         (long long)o->minimum_outage);
    if (rc == ITSM_OK && (o->probe_interval < 0 || o->probe_interval > MAX_PROBE_INTERVAL))
        rc = itsm__error(ITSM_EINVAL, "%s: options.probe_interval = %lld is outside 0 .. 86400 s", func,
                         (long long)o->probe_interval);
    if (rc == ITSM_OK)
        rc = itsm__check_instant_at(o->probe_origin, func, "options.probe_origin", -1);
    if (rc == ITSM_OK && ((int)o->probe_rounding < 0 || (int)o->probe_rounding >= itsm__probe_names.count))
        rc = itsm__error(ITSM_EINVAL, "%s: options.probe_rounding = %d is not an itsm_probe_rounding", func,
                         (int)o->probe_rounding);
    if (rc == ITSM_OK && ((int)o->partial < 0 || (int)o->partial >= itsm__partial_names.count))
        rc = itsm__error(ITSM_EINVAL, "%s: options.partial = %d is not an itsm_partial_policy", func,
                         (int)o->partial);
    return rc;
}

static int check_record(const itsm_outages *o, size_t i, const char *func)
{
    unsigned known = ITSM_OUTAGE_PLANNED | ITSM_OUTAGE_NOTIFIED | ITSM_OUTAGE_CRITICAL;
    if (o->flags != NULL && (o->flags[i] & ~known) != 0)
        return itsm__error(ITSM_EINVAL, "%s: outages.flags[%zu] = 0x%x has unknown bits", func, i,
                           (unsigned)o->flags[i]);
    if (o->exclusion != NULL && o->exclusion[i] >= (unsigned)itsm__exclusion_names.count)
        return itsm__error(ITSM_EINVAL, "%s: outages.exclusion[%zu] = %u is not an itsm_outage_exclusion", func, i,
                           (unsigned)o->exclusion[i]);
    if (o->share != NULL && (o->share[i] < 0 || o->share[i] > ITSM_PPB))
        return itsm__error(ITSM_EINVAL, "%s: outages.share[%zu] = %lld is outside 0 .. 1000000000 ppb", func, i,
                           (long long)o->share[i]);
    return ITSM_OK;
}

static int check_outages(const itsm_outages *o, const char *func)
{
    int rc = itsm__check_version(o->version, ITSM_OUTAGES_VERSION, func, "itsm_outages");
    if (rc == ITSM_OK)
        rc = itsm__check_arrays(func, o->n, "outages.start", (const void *)o->start, "outages.end",
                                (const void *)o->end, (const char *)NULL);
    if (rc == ITSM_OK)
        rc = itsm__check_intervals(o->start, o->end, o->n, func, "outages.start", "outages.end");
    for (size_t i = 0; rc == ITSM_OK && i < o->n; i++)
        rc = check_record(o, i, func);
    return rc;
}

/* ---- classification --------------------------------------------------------------------------- */

static int64_t floor_div(int64_t a, int64_t b) { return a / b - (a % b != 0 && a < 0); }

static int64_t grid_floor(const itsm_availability_options *o, int64_t t)
{
    return o->probe_origin + floor_div(t - o->probe_origin, o->probe_interval) * o->probe_interval;
}

static int64_t grid_ceil(const itsm_availability_options *o, int64_t t)
{
    int64_t f = grid_floor(o, t);
    return f == t ? t : f + o->probe_interval;
}

/* [s, e) as the monitor knows it. */
static int probe_round(int64_t *s, int64_t *e, const itsm_availability_options *o, size_t i, const char *func)
{
    if (o->probe_interval == 0)
        return ITSM_OK;
    *s = o->probe_rounding == ITSM_PROBE_OUTWARD ? grid_floor(o, *s) : grid_ceil(o, *s);
    *e = grid_ceil(o, *e);
    if (*s < ITSM_INSTANT_MIN || *e > ITSM_INSTANT_MAX)
        return itsm__error(ITSM_ERANGE, "%s: outage [%zu] on the probe grid leaves 1900-01-01 .. 2200-12-31", func,
                           i);
    return ITSM_OK;
}

static int64_t weight_of(const itsm_outages *o, size_t i, itsm_partial_policy policy)
{
    int64_t share = o->share != NULL ? o->share[i] : ITSM_PPB;
    bool critical = o->flags != NULL && (o->flags[i] & ITSM_OUTAGE_CRITICAL) != 0;
    switch (policy) {
    case ITSM_PARTIAL_WEIGHTED: return share;
    case ITSM_PARTIAL_CRITICAL_ONLY: return share == ITSM_PPB || critical ? ITSM_PPB : 0;
    case ITSM_PARTIAL_FULL: break;
    }
    return ITSM_PPB;
}

/* Sort outage i into maintenance, excluded or counted. */
static int classify(prepared *p, itsm__spans *counted, const itsm_outages *o, size_t i,
                    const itsm_availability_options *opt, const char *func)
{
    unsigned f = o->flags != NULL ? o->flags[i] : 0u;
    int64_t s = o->start[i], e = o->end[i];
    unsigned maintenance = ITSM_OUTAGE_PLANNED | ITSM_OUTAGE_NOTIFIED;
    if ((f & maintenance) == maintenance)
        return s < e ? itsm__spans_push(&p->maint, s, e, 1) : ITSM_OK;
    int rc = probe_round(&s, &e, opt, i, func);
    if (rc != ITSM_OK || s >= e)
        return rc;
    if (o->exclusion != NULL && o->exclusion[i] != ITSM_EXCLUSION_NONE)
        return itsm__spans_push(&p->excluded, s, e, 1);
    int64_t w = weight_of(o, i, opt->partial);
    return w > 0 ? itsm__spans_push(counted, s, e, w) : ITSM_OK;
}

/* Group the united counted segments into episodes (runs of touching segments) and keep
 * those at least `minimum` long. */
static int keep_episodes(prepared *p, const itsm__spans *seg, int64_t minimum)
{
    int rc = itsm__spans_reserve(&p->down, seg->n);
    size_t k = 0;
    while (rc == ITSM_OK && k < seg->n) {
        size_t first = k;
        while (k + 1 < seg->n && seg->v[k + 1].s == seg->v[k].e)
            k++;
        int64_t s = seg->v[first].s, e = seg->v[k].e;
        k++;
        if (e - s < minimum)
            continue;
        for (size_t j = first; j < k; j++)
            p->down.v[p->down.n++] = seg->v[j];
        rc = itsm__spans_push(&p->episodes, s, e, 1);
    }
    return rc;
}

/* The plain union of two sorted disjoint lists, by one merge: O(n + m). */
static int unite_two(itsm__spans *out, const itsm__spans *a, const itsm__spans *b)
{
    int rc = itsm__spans_reserve(out, a->n + b->n);
    size_t i = 0, j = 0;
    while (rc == ITSM_OK && (i < a->n || j < b->n)) {
        bool take_a = j == b->n || (i < a->n && a->v[i].s <= b->v[j].s);
        const itsm__span *x = take_a ? &a->v[i++] : &b->v[j++];
        itsm__spans_append_merged(out, x->s, x->e, 1);
    }
    return rc;
}

static int prepare(prepared *p, const itsm_outages *o, const itsm_availability_options *opt, const char *func)
{
    itsm__spans counted = {NULL, 0, 0};
    int rc = itsm__spans_reserve(&counted, o->n);
    for (size_t i = 0; rc == ITSM_OK && i < o->n; i++)
        rc = classify(p, &counted, o, i, opt, func);
    if (rc == ITSM_OK)
        rc = itsm__spans_unite(&p->maint);
    if (rc == ITSM_OK)
        rc = itsm__spans_unite(&p->excluded);
    if (rc == ITSM_OK)
        rc = itsm__spans_unite(&counted);
    if (rc == ITSM_OK)
        rc = keep_episodes(p, &counted, opt->minimum_outage);
    if (rc == ITSM_OK)
        rc = unite_two(&p->shadow, &p->episodes, &p->maint);
    itsm__spans_free(&counted);
    return rc;
}

/* ---- measuring inside a window ------------------------------------------------------------------ */

typedef struct window {
    const itsm_calendar *cal;
    int64_t from, to;
} window;

/* Service seconds of [a, b), a sub-interval of a window whose ends the caller checked
 * against the calendar, so the calendar cannot fail here. */
static int64_t service(const window *w, int64_t a, int64_t b)
{
    if (w->cal == NULL)
        return b - a;
    int64_t x = 0;
    (void)itsm_calendar_business_seconds(&x, w->cal, a, b);
    return x;
}

/* The first span of a sorted disjoint list that ends after t. */
static size_t first_after(const itsm__spans *l, int64_t t)
{
    size_t lo = 0, hi = l->n;
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        if (l->v[m].e <= t)
            lo = m + 1;
        else
            hi = m;
    }
    return lo;
}

/* Service seconds of [a, b) inside the window and outside the sorted disjoint list k;
 * *cur only moves forward, so calls with increasing a cost O(n + m) together. */
static int64_t outside(const window *w, int64_t a, int64_t b, const itsm__spans *k, size_t *cur)
{
    a = a > w->from ? a : w->from;
    b = b < w->to ? b : w->to;
    if (a >= b)
        return 0;
    while (*cur < k->n && k->v[*cur].e <= a)
        (*cur)++;
    int64_t total = 0, p = a;
    for (size_t j = *cur; j < k->n && k->v[j].s < b && p < b; j++) {
        if (k->v[j].s > p)
            total += service(w, p, k->v[j].s);
        p = k->v[j].e > p ? k->v[j].e : p;
    }
    return p < b ? total + service(w, p, b) : total;
}

/* Downtime (ppb-seconds) and failures inside the window. */
static void measure_down(itsm_availability *r, const prepared *p, const window *w)
{
    uint64_t ppb_seconds = 0;
    size_t cur = first_after(&p->maint, w->from), ep = first_after(&p->episodes, w->from);
    int64_t counted_episode = -1;
    for (size_t k = first_after(&p->down, w->from); k < p->down.n && p->down.v[k].s < w->to; k++) {
        const itsm__span *seg = &p->down.v[k];
        int64_t sec = outside(w, seg->s, seg->e, &p->maint, &cur);
        if (sec == 0)
            continue;
        ppb_seconds += (uint64_t)sec * (uint64_t)seg->w;
        while (p->episodes.v[ep].e <= seg->s)
            ep++;
        if ((int64_t)ep != counted_episode) {
            counted_episode = (int64_t)ep;
            r->failures++;
            r->failures_started += p->episodes.v[ep].s >= w->from;
        }
    }
    uint64_t ppb = (uint64_t)ITSM_PPB;
    r->downtime_seconds = (int64_t)(ppb_seconds / ppb + (ppb_seconds % ppb != 0));
}

static int measure(itsm_availability *r, const prepared *p, const window *w, const char *func)
{
    int64_t total = w->to - w->from;
    if (w->cal != NULL) {
        int rc = itsm_calendar_business_seconds(&total, w->cal, w->from, w->to);
        if (rc != ITSM_OK)
            return itsm__error_prefix(rc, "%s: the period on the service calendar", func);
    }
    *r = (itsm_availability){0};
    r->service_seconds = total;
    itsm__spans none = {NULL, 0, 0};
    size_t cur = 0, scur = first_after(&p->shadow, w->from);
    for (size_t k = first_after(&p->maint, w->from); k < p->maint.n && p->maint.v[k].s < w->to; k++)
        r->maintenance_seconds += outside(w, p->maint.v[k].s, p->maint.v[k].e, &none, &cur);
    for (size_t k = first_after(&p->excluded, w->from); k < p->excluded.n && p->excluded.v[k].s < w->to; k++)
        r->excluded_seconds += outside(w, p->excluded.v[k].s, p->excluded.v[k].e, &p->shadow, &scur);
    r->agreed_seconds = r->service_seconds - r->maintenance_seconds;
    measure_down(r, p, w);
    return itsm_rate_make(&r->availability, r->agreed_seconds - r->downtime_seconds, r->agreed_seconds);
}

/* ---- public ----------------------------------------------------------------------------------------- */

static int check_all(const itsm_outages *o, const itsm_availability_options *opt, const char *func)
{
    int rc = check_options(opt, func);
    return rc == ITSM_OK ? check_outages(o, func) : rc;
}

itsm_status itsm_availability_compute(itsm_availability *out, const itsm_outages *outages, itsm_instant from,
                                      itsm_instant to, const itsm_availability_options *options)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(outages);
    ITSM__CHECK_ARG(options);
    int rc = itsm__check_period(from, to, __func__);
    if (rc == ITSM_OK)
        rc = check_all(outages, options, __func__);
    prepared p = {0};
    if (rc == ITSM_OK)
        rc = prepare(&p, outages, options, __func__);
    window w = {options->calendar, from, to};
    itsm_availability r;
    if (rc == ITSM_OK)
        rc = measure(&r, &p, &w, __func__);
    if (rc == ITSM_OK)
        *out = r;
    prepared_free(&p);
    return rc;
}

static int check_series(const int64_t *down, const int64_t *agreed, itsm_instant from, int64_t step, size_t n,
                        const char *func)
{
    int rc = itsm__check_arrays(func, n, "out_downtime", (const void *)down, "out_agreed", (const void *)agreed,
                                (const char *)NULL);
    if (rc == ITSM_OK)
        rc = itsm__check_instant_at(from, func, "from", -1);
    if (rc == ITSM_OK && step <= 0)
        rc = itsm__error(ITSM_EINVAL, "%s: step = %lld is not positive", func, (long long)step);
    if (rc == ITSM_OK && n > 0 && (uint64_t)step > (uint64_t)(ITSM_INSTANT_MAX - from) / n)
        rc = itsm__error(ITSM_ERANGE, "%s: %zu slices of %lld s from %lld end after 2200-12-31", func, n,
                         (long long)step, (long long)from);
    return rc;
}

itsm_status itsm_availability_series(int64_t *out_downtime, int64_t *out_agreed, const itsm_outages *outages,
                                     itsm_instant from, int64_t step, size_t n,
                                     const itsm_availability_options *options)
{
    ITSM__CHECK_ARG(outages);
    ITSM__CHECK_ARG(options);
    int rc = check_series(out_downtime, out_agreed, from, step, n, __func__);
    if (rc == ITSM_OK)
        rc = check_all(outages, options, __func__);
    prepared p = {0};
    if (rc == ITSM_OK)
        rc = prepare(&p, outages, options, __func__);
    for (size_t i = 0; rc == ITSM_OK && i < n; i++) {
        window w = {options->calendar, from + (int64_t)i * step, from + (int64_t)(i + 1) * step};
        itsm_availability r;
        rc = measure(&r, &p, &w, __func__);
        if (rc == ITSM_OK) {
            out_downtime[i] = r.downtime_seconds;
            out_agreed[i] = r.agreed_seconds;
        }
    }
    prepared_free(&p);
    return rc;
}
