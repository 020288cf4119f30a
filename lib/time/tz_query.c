/* Look-ups in a loaded zone: UTC -> local is one binary search; local -> UTC searches
 * only the transitions that can matter for a wall time (those within the zone's span of
 * offsets) and resolves gaps and overlaps by policy. Nothing here allocates or writes
 * to the zone, so a zone can be shared between threads. */
#include "civil.h"
#include "internal.h"
#include "tz_internal.h"

#include <stdio.h>
#include <string.h>

/* Wall seconds whose local date is inside 1900-01-01 .. 2200-12-31. */
#define WALL_MIN ((int64_t)ITSM_DAYS_MIN * ITSM_SECONDS_PER_DAY)
#define WALL_MAX (((int64_t)ITSM_DAYS_MAX + 1) * ITSM_SECONDS_PER_DAY - 1)

#define POLICY_GAP_MASK 0x0fu
#define POLICY_OVERLAP_MASK 0xf0u

static bool in_piece(const itsm_tz *tz, size_t piece, int64_t t)
{
    return (piece == 0 || tz->at[piece - 1] <= t) && (piece == tz->count || t < tz->at[piece]);
}

size_t itsm__tz_piece(const itsm_tz *tz, int64_t t, size_t hint)
{
    /* Sorted batches mostly stay in the same piece or move to the next one. */
    if (hint <= tz->count) {
        if (in_piece(tz, hint, t))
            return hint;
        if (hint < tz->count && in_piece(tz, hint + 1, t))
            return hint + 1;
    }
    size_t lo = 0, hi = tz->count;
    if (tz->bucket != NULL && t >= ITSM_INSTANT_MIN && t <= ITSM_INSTANT_MAX) {
        size_t k = (size_t)((t - ITSM_INSTANT_MIN) >> ITSM__TZ_BUCKET_SHIFT);
        lo = tz->bucket[k];
        hi = tz->bucket[k + 1];
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (tz->at[mid] <= t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static const itsm_tz_info *type_at(const itsm_tz *tz, int64_t t, size_t *hint)
{
    *hint = itsm__tz_piece(tz, t, *hint);
    return itsm__tz_piece_type(tz, *hint);
}

/* ---- UTC -> local ------------------------------------------------------------------ */

/* The local time type at an in-range instant; the shared front half of the scalar
 * UTC -> local functions. */
static int lookup(const itsm_tz_info **type, const itsm_tz *tz, itsm_instant t, const char *fn)
{
    if (tz == NULL)
        return itsm__error(ITSM_EINVAL, "%s: argument 'tz' is NULL", fn);
    int rc = itsm__check_instant(t, fn);
    if (rc != ITSM_OK)
        return rc;
    size_t hint = SIZE_MAX;
    *type = type_at(tz, t, &hint);
    return ITSM_OK;
}

itsm_status itsm_tz_utc_offset(int32_t *out, const itsm_tz *tz, itsm_instant t)
{
    ITSM__CHECK_ARG(out);
    const itsm_tz_info *type = NULL;
    int rc = lookup(&type, tz, t, __func__);
    if (rc == ITSM_OK)
        *out = type->utc_offset;
    return rc;
}

itsm_status itsm_tz_info_at(itsm_tz_info *out, const itsm_tz *tz, itsm_instant t)
{
    ITSM__CHECK_ARG(out);
    const itsm_tz_info *type = NULL;
    int rc = lookup(&type, tz, t, __func__);
    if (rc == ITSM_OK)
        *out = *type;
    return rc;
}

itsm_status itsm_tz_to_local(itsm_datetime *out, const itsm_tz *tz, itsm_instant t)
{
    ITSM__CHECK_ARG(out);
    const itsm_tz_info *type = NULL;
    int rc = lookup(&type, tz, t, __func__);
    if (rc != ITSM_OK)
        return rc;
    return itsm__wall_to_datetime(out, t + type->utc_offset, __func__);
}

static bool same_type(const itsm_tz_info *a, const itsm_tz_info *b)
{
    return a->utc_offset == b->utc_offset && a->is_dst == b->is_dst &&
           strcmp(a->abbreviation, b->abbreviation) == 0;
}

itsm_status itsm_tz_next_transition(itsm_instant *out, const itsm_tz *tz, itsm_instant t)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(tz);
    int rc = itsm__check_instant(t, "itsm_tz_next_transition");
    if (rc != ITSM_OK)
        return rc;
    size_t piece = itsm__tz_piece(tz, t, SIZE_MAX);
    const itsm_tz_info *now = itsm__tz_piece_type(tz, piece);
    /* TZif tables may repeat a type (zic does so at rule changes); those are not changes. */
    for (size_t i = piece; i < tz->count && tz->at[i] <= ITSM_INSTANT_MAX; i++) {
        if (!same_type(now, &tz->types[tz->type_of[i]])) {
            *out = tz->at[i];
            return ITSM_OK;
        }
    }
    return itsm__error(ITSM_ENOTFOUND, "itsm_tz_next_transition: time zone '%s' has no transition after %lld "
                       "up to 2200-12-31T23:59:59Z", tz->name, (long long)t);
}

/* ---- local -> UTC ------------------------------------------------------------------ */

typedef struct local_solutions {
    int count;             /* instants whose local time is the wall time */
    int64_t first, last;   /* the earliest and latest of them */
    bool gap;              /* with count 0: the transition that skips the wall time */
    int64_t shifted, next; /* wall time read with the offset before the gap; the gap's end */
} local_solutions;

/* Candidates are the pieces q whose offset o gives an instant w - o inside q; such an
 * instant lies in [w - max_off, w - min_off], so only those pieces are visited. With no
 * solution, the first transition T (offsets o1 -> o2) with T + o1 <= w < T + o2 is the
 * gap that swallowed w; it always lies in the same window. */
static void solve_local(const itsm_tz *tz, int64_t w, size_t *hint, local_solutions *s)
{
    size_t p = itsm__tz_piece(tz, w - tz->max_off, *hint);
    *hint = p;
    *s = (local_solutions){0, 0, 0, false, 0, 0};
    for (size_t q = p; q <= tz->count; q++) {
        if (q > p && tz->at[q - 1] > w - tz->min_off)
            break;
        int32_t off = itsm__tz_piece_type(tz, q)->utc_offset;
        if (in_piece(tz, q, w - off)) {
            if (s->count++ == 0)
                s->first = w - off;
            s->last = w - off;
        } else if (q > p && !s->gap) {
            int64_t at = tz->at[q - 1];
            int32_t before = itsm__tz_piece_type(tz, q - 1)->utc_offset;
            if (at + before <= w && w < at + off) {
                s->gap = true;
                s->shifted = w - before;
                s->next = at;
            }
        }
    }
}

static int resolve(int64_t *out, const itsm_tz *tz, int64_t w, unsigned policy, size_t *hint)
{
    local_solutions s;
    solve_local(tz, w, hint, &s);
    if (s.count == 1) {
        *out = s.first;
    } else if (s.count > 1) {
        if ((policy & POLICY_OVERLAP_MASK) == ITSM_OVERLAP_ERROR)
            return ITSM_EAMBIGUOUS;
        *out = (policy & POLICY_OVERLAP_MASK) == ITSM_OVERLAP_LATER ? s.last : s.first;
    } else {
        if ((policy & POLICY_GAP_MASK) == ITSM_GAP_ERROR)
            return ITSM_ENONEXISTENT;
        *out = (policy & POLICY_GAP_MASK) == ITSM_GAP_NEXT_VALID ? s.next : s.shifted;
    }
    return ITSM_OK;
}

static int check_policy(unsigned policy, const char *what)
{
    unsigned gap = policy & POLICY_GAP_MASK, overlap = policy & POLICY_OVERLAP_MASK;
    if ((policy & ~(POLICY_GAP_MASK | POLICY_OVERLAP_MASK)) != 0 || gap > ITSM_GAP_ERROR ||
        overlap > ITSM_OVERLAP_ERROR)
        return itsm__error(ITSM_EINVAL, "%s: policy 0x%x is not one ITSM_GAP_* value combined with one "
                           "ITSM_OVERLAP_* value", what, policy);
    return ITSM_OK;
}

/* `w` is already known to be inside the supported local dates. */
static int local_error(int code, const char *what, const itsm_tz *tz, int64_t w)
{
    itsm_datetime d;
    (void)itsm__wall_to_datetime(&d, w, what);
    const char *why = code == ITSM_ENONEXISTENT ? "does not exist (it falls in a gap, e.g. a DST start)"
                                                : "is ambiguous (it occurs twice, e.g. at a DST end)";
    return itsm__error(code, "%s: local time %04d-%02d-%02dT%02d:%02d:%02d in %s %s", what, (int)d.year,
                       (int)d.month, (int)d.day, (int)d.hour, (int)d.minute, (int)d.second, tz->name, why);
}

static int from_wall(itsm_instant *out, const itsm_tz *tz, int64_t w, unsigned policy, const char *what)
{
    size_t hint = SIZE_MAX;
    int64_t t = 0;
    int rc = resolve(&t, tz, w, policy, &hint);
    if (rc != ITSM_OK)
        return local_error(rc, what, tz, w);
    rc = itsm__check_instant(t, what);
    if (rc == ITSM_OK)
        *out = t;
    return rc;
}

itsm_status itsm_tz_from_local(itsm_instant *out, const itsm_tz *tz, const itsm_datetime *local,
                               unsigned int policy)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(tz);
    ITSM__CHECK_ARG(local);
    int rc = check_policy(policy, "itsm_tz_from_local");
    if (rc == ITSM_OK)
        rc = itsm__check_datetime(local, "itsm_tz_from_local");
    if (rc != ITSM_OK)
        return rc;
    return from_wall(out, tz, itsm__datetime_to_wall(local), policy, "itsm_tz_from_local");
}

/* A gap that swallows midnight moves the start to the gap's end. When a gap swallows the
 * whole date (Pacific/Apia, 2011-12-30) that end is the next date's start, so the date
 * has zero length rather than being an error: per-day tables stay contiguous. */
itsm_status itsm_tz_start_of_day(itsm_instant *out, const itsm_tz *tz, itsm_date date)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(tz);
    int rc = itsm__check_date(&date, "itsm_tz_start_of_day");
    if (rc != ITSM_OK)
        return rc;
    int64_t w = itsm__days_from_civil(date.year, date.month, date.day) * ITSM_SECONDS_PER_DAY;
    /* With ITSM_OVERLAP_EARLIER (0): a midnight that occurs twice starts the day at the first. */
    return from_wall(out, tz, w, ITSM_GAP_NEXT_VALID, "itsm_tz_start_of_day");
}

/* ---- batches ------------------------------------------------------------------------- */

/* Messages name the element; built only on failure. */
static int element_range_error(const char *fn, const char *array, size_t i, int64_t t)
{
    char what[96];
    (void)snprintf(what, sizeof what, "%s: %s[%zu]", fn, array, i);
    return itsm__check_instant(t, what);
}

itsm_status itsm_tz_utc_offsets(int64_t *out, const itsm_tz *tz, const itsm_instant *t, size_t n)
{
    ITSM__CHECK_ARG(tz);
    if (n == 0)
        return ITSM_OK;
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(t);
    size_t hint = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        int64_t ti = t[i];
        if (ti < ITSM_INSTANT_MIN || ti > ITSM_INSTANT_MAX)
            return element_range_error("itsm_tz_utc_offsets", "t", i, ti);
        out[i] = type_at(tz, ti, &hint)->utc_offset;
    }
    return ITSM_OK;
}

itsm_status itsm_tz_to_local_many(int64_t *out, const itsm_tz *tz, const itsm_instant *t, size_t n)
{
    ITSM__CHECK_ARG(tz);
    if (n == 0)
        return ITSM_OK;
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(t);
    size_t hint = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        int64_t ti = t[i];
        if (ti < ITSM_INSTANT_MIN || ti > ITSM_INSTANT_MAX)
            return element_range_error("itsm_tz_to_local_many", "t", i, ti);
        int64_t wall = ti + type_at(tz, ti, &hint)->utc_offset;
        if (wall < WALL_MIN || wall > WALL_MAX) {
            char what[96];
            itsm_datetime unused;
            (void)snprintf(what, sizeof what, "itsm_tz_to_local_many: t[%zu] in %s", i, tz->name);
            return itsm__wall_to_datetime(&unused, wall, what);
        }
        out[i] = wall;
    }
    return ITSM_OK;
}

static int wall_element_error(int rc, const itsm_tz *tz, size_t i, int64_t w, int64_t t)
{
    char what[96];
    (void)snprintf(what, sizeof what, "itsm_tz_from_local_many: wall[%zu]", i);
    if (rc == ITSM_ERANGE)
        return itsm__check_instant(t, what);
    return local_error(rc, what, tz, w);
}

itsm_status itsm_tz_from_local_many(itsm_instant *out, const itsm_tz *tz, const int64_t *wall, size_t n,
                                    unsigned int policy)
{
    ITSM__CHECK_ARG(tz);
    int rc = check_policy(policy, "itsm_tz_from_local_many");
    if (rc != ITSM_OK || n == 0)
        return rc;
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(wall);
    size_t hint = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        int64_t w = wall[i], t = 0;
        if (w < WALL_MIN || w > WALL_MAX)
            return itsm__error(ITSM_ERANGE, "itsm_tz_from_local_many: wall[%zu]: local time %lld s is outside "
                               "1900-01-01T00:00:00..2200-12-31T23:59:59", i, (long long)w);
        rc = resolve(&t, tz, w, policy, &hint);
        if (rc == ITSM_OK && (t < ITSM_INSTANT_MIN || t > ITSM_INSTANT_MAX))
            rc = ITSM_ERANGE;
        if (rc != ITSM_OK)
            return wall_element_error(rc, tz, i, w, t);
        out[i] = t;
    }
    return ITSM_OK;
}
