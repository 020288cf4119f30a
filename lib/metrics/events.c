/* Events in time: counts per period, the largest gap, RPO achieved, elapsed time per
 * record and report deadlines. */
#include "metrics/metrics_internal.h"

static int check_events(const itsm_instant *events, size_t n, itsm_instant from, itsm_instant to, const char *func)
{
    int rc = itsm__check_array(events, n, func, "events");
    if (rc == ITSM_OK)
        rc = itsm__check_period(from, to, func);
    for (size_t i = 0; rc == ITSM_OK && i < n; i++)
        rc = itsm__check_instant_at(events[i], func, "events", (long long)i);
    return rc;
}

itsm_status itsm_events_count(itsm_count_result *out, const itsm_instant *events, const uint8_t *include, size_t n,
                              itsm_instant from, itsm_instant to, int64_t minimum, int64_t maximum)
{
    ITSM__CHECK_ARG(out);
    int rc = check_events(events, n, from, to, __func__);
    if (rc == ITSM_OK && minimum < 0)
        rc = itsm__error(ITSM_EINVAL, "%s: minimum = %lld is negative", __func__, (long long)minimum);
    if (rc != ITSM_OK)
        return rc;
    int64_t count = 0;
    for (size_t i = 0; i < n; i++)
        count += itsm__included(include, i) && events[i] >= from && events[i] < to;
    out->count = count;
    out->meets_minimum = count >= minimum;
    out->meets_maximum = maximum < 0 || count <= maximum;
    out->met = out->meets_minimum && out->meets_maximum;
    return ITSM_OK;
}

/* ---- the largest gap ---------------------------------------------------------------------------- */

/* The points that bound gaps under `edges`, sorted, as instant offsets (t - MIN). */
typedef struct gap_points {
    uint64_t *v;
    size_t n;
    int64_t inside; /* events in [from, to) */
} gap_points;

static int collect_points(gap_points *p, const itsm_instant *events, const uint8_t *include, size_t n,
                          itsm_instant from, itsm_instant to, itsm_gap_edges edges)
{
    p->v = itsm__malloc((n + 2) * sizeof *p->v, "itsm_events_largest_gap");
    if (p->v == NULL)
        return ITSM_ENOMEM;
    p->n = 0;
    p->inside = 0;
    int64_t before = from, after = to; /* neighbours: the closest events outside */
    bool has_before = false, has_after = false;
    for (size_t i = 0; i < n; i++) {
        int64_t t = events[i];
        if (!itsm__included(include, i))
            continue;
        if (t >= from && t < to) {
            p->v[p->n++] = (uint64_t)(t - ITSM_INSTANT_MIN);
            p->inside++;
        } else if (t < from && (!has_before || t > before)) {
            before = t;
            has_before = true;
        } else if (t >= to && (!has_after || t < after)) {
            after = t;
            has_after = true;
        }
    }
    if (edges != ITSM_GAP_INNER) {
        bool outer = edges == ITSM_GAP_NEIGHBOURS;
        p->v[p->n++] = (uint64_t)((outer ? before : from) - ITSM_INSTANT_MIN);
        p->v[p->n++] = (uint64_t)((outer ? after : to) - ITSM_INSTANT_MIN);
    }
    return itsm__sort_u64(p->v, p->n, "itsm_events_largest_gap");
}

itsm_status itsm_events_largest_gap(itsm_gap_result *out, const itsm_instant *events, const uint8_t *include,
                                    size_t n, itsm_instant from, itsm_instant to, itsm_gap_edges edges)
{
    ITSM__CHECK_ARG(out);
    int rc = check_events(events, n, from, to, __func__);
    if (rc == ITSM_OK && ((int)edges < 0 || (int)edges >= itsm__gap_edge_names.count))
        rc = itsm__error(ITSM_EINVAL, "%s: edges = %d is not an itsm_gap_edges", __func__, (int)edges);
    if (rc != ITSM_OK)
        return rc;
    gap_points p;
    rc = collect_points(&p, events, include, n, from, to, edges);
    if (rc == ITSM_OK) {
        itsm_gap_result r = {0, 0, 0, p.inside, p.n >= 2};
        for (size_t k = 1; k < p.n; k++) {
            int64_t gap = (int64_t)(p.v[k] - p.v[k - 1]);
            if (k == 1 || gap > r.largest) {
                r.largest = gap;
                r.gap_start = (int64_t)p.v[k - 1] + ITSM_INSTANT_MIN;
                r.gap_end = (int64_t)p.v[k] + ITSM_INSTANT_MIN;
            }
        }
        *out = r;
    }
    itsm__free(p.v);
    return rc;
}

/* ---- RPO achieved ------------------------------------------------------------------------------- */

static int check_backups(const itsm_instant *points, const itsm_instant *completed, size_t n, const char *func)
{
    int rc = itsm__check_array(points, n, func, "points");
    for (size_t j = 0; rc == ITSM_OK && j < n; j++)
        rc = itsm__check_instant_at(points[j], func, "points", (long long)j);
    if (rc == ITSM_OK && completed != NULL)
        rc = itsm__check_intervals(points, completed, n, func, "points", "completed");
    return rc;
}

/* Successful backups sorted by completion, with the latest recovery point so far. */
typedef struct backup {
    int64_t completed, best_point;
} backup;

static int usable_backups(backup **out, size_t *out_n, const itsm_instant *points, const itsm_instant *completed,
                          const uint8_t *succeeded, size_t n)
{
    if (n > ITSM__MAX_INDEXED)
        return itsm__error(ITSM_ERANGE, "itsm_rpo_achieved: more than %zu backups", ITSM__MAX_INDEXED);
    uint64_t *keys = itsm__malloc((n + 1) * sizeof *keys, "itsm_rpo_achieved");
    backup *b = itsm__malloc((n + 1) * sizeof *b, "itsm_rpo_achieved");
    int rc = keys != NULL && b != NULL ? ITSM_OK : ITSM_ENOMEM;
    size_t m = 0;
    for (size_t j = 0; rc == ITSM_OK && j < n; j++)
        if (itsm__included(succeeded, j))
            keys[m++] = itsm__instant_key(completed != NULL ? completed[j] : points[j], j);
    if (rc == ITSM_OK)
        rc = itsm__sort_u64(keys, m, "itsm_rpo_achieved");
    for (size_t k = 0; rc == ITSM_OK && k < m; k++) {
        size_t j = itsm__key_index(keys[k]);
        int64_t best = k > 0 && b[k - 1].best_point > points[j] ? b[k - 1].best_point : points[j];
        b[k] = (backup){completed != NULL ? completed[j] : points[j], best};
    }
    itsm__free(keys);
    if (rc != ITSM_OK) {
        itsm__free(b);
        return rc;
    }
    *out = b;
    *out_n = m;
    return ITSM_OK;
}

/* Number of backups completed at or before t. */
static size_t completed_by(const backup *b, size_t m, int64_t t)
{
    size_t lo = 0, hi = m;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (b[mid].completed <= t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

itsm_status itsm_rpo_achieved(int64_t *out, uint8_t *out_has, const itsm_instant *failures, size_t n_failures,
                              const itsm_instant *points, const itsm_instant *completed, const uint8_t *succeeded,
                              size_t n_backups)
{
    int rc = itsm__check_arrays(__func__, n_failures, "out", (const void *)out, "out_has", (const void *)out_has,
                                "failures", (const void *)failures, (const char *)NULL);
    for (size_t i = 0; rc == ITSM_OK && i < n_failures; i++)
        rc = itsm__check_instant_at(failures[i], __func__, "failures", (long long)i);
    if (rc == ITSM_OK)
        rc = check_backups(points, completed, n_backups, __func__);
    backup *b = NULL;
    size_t m = 0;
    if (rc == ITSM_OK)
        rc = usable_backups(&b, &m, points, completed, succeeded, n_backups);
    if (rc != ITSM_OK)
        return rc;
    for (size_t i = 0; i < n_failures; i++) {
        size_t k = completed_by(b, m, failures[i]);
        out_has[i] = k > 0;
        out[i] = k > 0 ? failures[i] - b[k - 1].best_point : 0;
    }
    itsm__free(b);
    return ITSM_OK;
}

/* ---- elapsed time and deadlines ----------------------------------------------------------------- */

itsm_status itsm_elapsed_many(int64_t *out, const itsm_calendar *cal, const itsm_instant *from,
                              const itsm_instant *to, size_t n)
{
    int rc = itsm__check_arrays(__func__, n, "out", (const void *)out, "from", (const void *)from, "to",
                                (const void *)to, (const char *)NULL);
    if (rc == ITSM_OK)
        rc = itsm__check_intervals(from, to, n, __func__, "from", "to");
    for (size_t i = 0; rc == ITSM_OK && i < n; i++) {
        if (cal == NULL) {
            out[i] = to[i] - from[i];
        } else if ((rc = itsm_calendar_business_seconds(&out[i], cal, from[i], to[i])) != ITSM_OK) {
            rc = itsm__error_prefix(rc, "%s: record [%zu]", __func__, i);
        }
    }
    return rc;
}

itsm_status itsm_deliveries_check(uint8_t *out_state, itsm_rate *out_met, const itsm_instant *delivered,
                                 const uint8_t *delivered_mask, const itsm_instant *deadline, size_t n,
                                 itsm_instant as_of)
{
    ITSM__CHECK_ARG(out_met);
    int rc = itsm__check_arrays(__func__, n, "delivered", (const void *)delivered, "deadline", (const void *)deadline,
                                (const char *)NULL);
    if (rc == ITSM_OK)
        rc = itsm__check_instant_at(as_of, __func__, "as_of", -1);
    for (size_t i = 0; rc == ITSM_OK && i < n; i++) {
        rc = itsm__check_instant_at(deadline[i], __func__, "deadline", (long long)i);
        if (rc == ITSM_OK && itsm__included(delivered_mask, i))
            rc = itsm__check_instant_at(delivered[i], __func__, "delivered", (long long)i);
    }
    if (rc != ITSM_OK)
        return rc;
    int64_t met = 0, judged = 0;
    for (size_t i = 0; i < n; i++) {
        itsm_delivery_state s;
        if (itsm__included(delivered_mask, i))
            s = delivered[i] <= deadline[i] ? ITSM_DELIVERY_MET : ITSM_DELIVERY_LATE;
        else
            s = as_of > deadline[i] ? ITSM_DELIVERY_MISSED : ITSM_DELIVERY_PENDING;
        met += s == ITSM_DELIVERY_MET;
        judged += s != ITSM_DELIVERY_PENDING;
        if (out_state != NULL)
            out_state[i] = (uint8_t)s;
    }
    return itsm_rate_make(out_met, met, judged);
}
