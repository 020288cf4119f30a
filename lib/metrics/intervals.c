/* Weighted unions of intervals: a sort by start, then one sweep with a max-heap of the
 * intervals that have started. O(n log n). */
#include "metrics/metrics_internal.h"

int itsm__spans_reserve(itsm__spans *list, size_t need)
{
    void *items = list->v;
    int rc = itsm__reserve(&items, &list->cap, need, sizeof *list->v, "intervals");
    list->v = items;
    return rc;
}

int itsm__spans_push(itsm__spans *list, int64_t s, int64_t e, int64_t w)
{
    int rc = itsm__spans_reserve(list, list->n + 1);
    if (rc == ITSM_OK)
        list->v[list->n++] = (itsm__span){s, e, w};
    return rc;
}

void itsm__spans_free(itsm__spans *list)
{
    itsm__free(list->v);
    *list = (itsm__spans){NULL, 0, 0};
}

/* Bits that hold every index below n (at least 1). */
static int index_bits(size_t n)
{
    int bits = 1;
    while (bits < ITSM__INDEX_BITS && ((size_t)1 << bits) < n)
        bits++;
    return bits;
}

/* A copy of `list` sorted by start. The keys are (start - smallest start) << bits | index
 * with `bits` just enough for the indices, so that the radix sort has few digits to do;
 * *uniform says whether every span has the same weight. */
static int sorted_copy(itsm__span **out, bool *uniform, const itsm__spans *list)
{
    if (list->n > ITSM__MAX_INDEXED)
        return itsm__error(ITSM_ERANGE, "intervals: more than %zu intervals", ITSM__MAX_INDEXED);
    size_t n = list->n > 0 ? list->n : 1;
    uint64_t *keys = itsm__malloc(n * sizeof *keys, "intervals");
    itsm__span *v = itsm__malloc(n * sizeof *v, "intervals");
    int rc = keys != NULL && v != NULL ? ITSM_OK : ITSM_ENOMEM;
    int64_t lo = INT64_MAX;
    *uniform = true;
    for (size_t i = 0; i < list->n; i++) {
        lo = list->v[i].s < lo ? list->v[i].s : lo;
        *uniform = *uniform && list->v[i].w == list->v[0].w;
    }
    int bits = index_bits(list->n);
    for (size_t i = 0; rc == ITSM_OK && i < list->n; i++)
        keys[i] = ((uint64_t)(list->v[i].s - lo) << bits) | (uint64_t)i;
    if (rc == ITSM_OK)
        rc = itsm__sort_u64(keys, list->n, "intervals");
    uint64_t mask = ((uint64_t)1 << bits) - 1;
    for (size_t i = 0; rc == ITSM_OK && i < list->n; i++)
        v[i] = list->v[keys[i] & mask];
    itsm__free(keys);
    if (rc != ITSM_OK) {
        itsm__free(v);
        return rc;
    }
    *out = v;
    return ITSM_OK;
}

void itsm__spans_append_merged(itsm__spans *out, int64_t s, int64_t e, int64_t w)
{
    itsm__span *last = out->n > 0 ? &out->v[out->n - 1] : NULL;
    if (last != NULL && s <= last->e)
        last->e = e > last->e ? e : last->e;
    else
        out->v[out->n++] = (itsm__span){s, e, w};
}

/* ---- a max-heap of (weight, end) ----------------------------------------------------------- */

typedef struct heap {
    itsm__span *v; /* s unused */
    size_t n;
} heap;

static void heap_push(heap *h, itsm__span x)
{
    size_t i = h->n++;
    while (i > 0 && h->v[(i - 1) / 2].w < x.w) {
        h->v[i] = h->v[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    h->v[i] = x;
}

static void heap_pop(heap *h)
{
    itsm__span x = h->v[--h->n];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= h->n)
            break;
        if (c + 1 < h->n && h->v[c + 1].w > h->v[c].w)
            c++;
        if (h->v[c].w <= x.w)
            break;
        h->v[i] = h->v[c];
        i = c;
    }
    if (h->n > 0)
        h->v[i] = x;
}

/* Append [s, e) of weight w, merging with the last span when they touch with equal weight. */
static void emit(itsm__spans *out, int64_t s, int64_t e, int64_t w)
{
    itsm__span *last = out->n > 0 ? &out->v[out->n - 1] : NULL;
    if (last != NULL && last->e == s && last->w == w)
        last->e = e;
    else
        out->v[out->n++] = (itsm__span){s, e, w};
}

/* The sweep: at t, the heap holds every started span (some may have ended below the top);
 * the top, once ended ones are popped, is the heaviest covering t. The weight can only
 * change at the top's end or at the next start. */
static void sweep(itsm__spans *out, const itsm__span *a, size_t n, heap *h)
{
    size_t i = 0;
    int64_t t = 0;
    while (i < n || h->n > 0) {
        if (h->n == 0)
            t = a[i].s;
        for (; i < n && a[i].s <= t; i++)
            heap_push(h, a[i]);
        while (h->n > 0 && h->v[0].e <= t)
            heap_pop(h);
        if (h->n == 0)
            continue;
        int64_t next = h->v[0].e;
        if (i < n && a[i].s < next)
            next = a[i].s;
        emit(out, t, next, h->v[0].w);
        t = next;
    }
}

int itsm__spans_unite(itsm__spans *list)
{
    itsm__span *sorted = NULL;
    bool uniform = true;
    int rc = sorted_copy(&sorted, &uniform, list);
    if (rc != ITSM_OK)
        return rc;
    size_t n = list->n;
    /* Each start and each end opens at most one output span. */
    itsm__spans out = {itsm__malloc((2 * n + 1) * sizeof(itsm__span), "intervals"), 0, 2 * n + 1};
    /* With one weight the union is a merge of the sorted spans; else the heap sweep. */
    heap h = {uniform ? NULL : itsm__malloc((n + 1) * sizeof(itsm__span), "intervals"), 0};
    if (out.v == NULL || (!uniform && h.v == NULL)) {
        rc = ITSM_ENOMEM;
    } else {
        for (size_t i = 0; uniform && i < n; i++)
            itsm__spans_append_merged(&out, sorted[i].s, sorted[i].e, sorted[i].w);
        if (!uniform)
            sweep(&out, sorted, n, &h);
        itsm__spans_free(list);
        *list = out;
        out.v = NULL;
    }
    itsm__free(out.v);
    itsm__free(h.v);
    itsm__free(sorted);
    return rc;
}

/* ---- public: the plain union ---------------------------------------------------------------- */

int itsm__check_intervals(const itsm_instant *start, const itsm_instant *end, size_t n, const char *func,
                          const char *start_name, const char *end_name)
{
    int rc = ITSM_OK;
    for (size_t i = 0; rc == ITSM_OK && i < n; i++) {
        rc = itsm__check_instant_at(start[i], func, start_name, (long long)i);
        if (rc == ITSM_OK)
            rc = itsm__check_instant_at(end[i], func, end_name, (long long)i);
        if (rc == ITSM_OK && end[i] < start[i])
            rc = itsm__error(ITSM_EINVAL, "%s: %s[%zu] = %lld is before %s[%zu] = %lld", func, end_name, i,
                             (long long)end[i], start_name, i, (long long)start[i]);
    }
    return rc;
}

itsm_status itsm_interval_union(itsm_instant *out_start, itsm_instant *out_end, size_t *out_n,
                                const itsm_instant *start, const itsm_instant *end, size_t n)
{
    ITSM__CHECK_ARG(out_n);
    int rc = itsm__check_arrays(__func__, n, "start", (const void *)start, "end", (const void *)end, "out_start",
                                (const void *)out_start, "out_end", (const void *)out_end, (const char *)NULL);
    if (rc == ITSM_OK)
        rc = itsm__check_intervals(start, end, n, __func__, "start", "end");
    itsm__spans list = {NULL, 0, 0};
    for (size_t i = 0; rc == ITSM_OK && i < n; i++)
        if (start[i] < end[i])
            rc = itsm__spans_push(&list, start[i], end[i], 1);
    if (rc == ITSM_OK)
        rc = itsm__spans_unite(&list);
    if (rc == ITSM_OK) {
        for (size_t i = 0; i < list.n; i++) {
            out_start[i] = list.v[i].s;
            out_end[i] = list.v[i].e;
        }
        *out_n = list.n;
    }
    itsm__spans_free(&list);
    return rc;
}
