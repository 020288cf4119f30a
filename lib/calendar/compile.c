/* Compile a spec into per-local-day tables (TIME.md 5).
 *
 * For every local date D of the covered span the compiler builds, in local seconds after
 * D's midnight (0 .. 172800, so that an overnight interval stays in one piece):
 *   attr(D) = the open intervals the date stands for: its weekly template (unless a
 *             holiday, closure or replacing opening suppresses it), its extra openings
 *             (unless the date is explicitly closed), minus the part closures of D and
 *             D+1 and, with ITSM_CAL_CLOSURE_SPLITS_OVERNIGHT, minus the suppressed
 *             local dates themselves;
 * converts attr(D) to UTC instants (local boundaries open and close the first time the
 * local clock reaches them: ITSM_GAP_NEXT_VALID | ITSM_OVERLAP_EARLIER, so an interval
 * shrinks by a spring-forward gap and grows by a fall-back overlap), and keeps as the
 * open time of D's day [start(D), start(D+1)) the union of conv(D-1) and conv(D) cut to
 * that day. Days with the same shape share one pattern, so a 301-year table costs one
 * 24-byte record per date plus a few hundred patterns. */
#include "calendar/calendar_internal.h"
#include "internal.h"
#include "time/civil.h"

#include <stdlib.h>
#include <string.h>

#define DAY ITSM_SECONDS_PER_DAY
/* Local boundaries: the first instant at which the local clock shows the time or later. */
#define BOUNDARY_POLICY (ITSM_GAP_NEXT_VALID | ITSM_OVERLAP_EARLIER)

/* Why a date's template is suppressed (flags of the covered dates and one neighbour on
 * each side). */
enum { DAY_HOLIDAY = 1, DAY_CLOSED = 2, DAY_REPLACED = 4 };
#define DAY_SUPPRESSED (DAY_HOLIDAY | DAY_CLOSED | DAY_REPLACED)

/* A half-open interval of local seconds or of instants. */
typedef struct ivl {
    int64_t a, b;
} ivl;

/* A part closure or an opening, by day number (sorted copies of the spec's lists). */
typedef struct day_part {
    int64_t day;
    int32_t from, to;
} day_part;

typedef struct compiler {
    const itsm_calendar_spec *spec;
    const itsm_tz *tz;
    int64_t first, last; /* day numbers of the covered dates */
    bool split;          /* ITSM_CAL_CLOSURE_SPLITS_OVERNIGHT */
    uint8_t *flags;      /* [first - 1 .. last + 1] */
    day_part *parts, *opens;
    size_t nparts, nopens;
    size_t cap;          /* capacity of each interval work set */
    ivl *attr, *prev, *cur, *lit;
    size_t nprev, ncur;
    itsm__cal_span *cand; /* the pattern being built */
    itsm__cal_day *days;
    itsm__cal_pattern *patterns;
    size_t npatterns, pattern_cap;
    itsm__cal_span *spans;
    size_t nspans, span_cap;
    uint32_t *hash; /* pattern index + 1; 0 = empty slot */
    size_t hash_cap;
} compiler;

static int64_t day_number(itsm_date d) { return itsm__days_from_civil(d.year, d.month, d.day); }

static itsm_date date_of(int64_t day)
{
    itsm_date d;
    itsm__civil_from_days(day, &d.year, &d.month, &d.day);
    return d;
}

/* ---- interval sets (sorted, disjoint, non-touching; capacity checked by the caller) ---- */

static void set_add(ivl *v, size_t *n, int64_t a, int64_t b)
{
    size_t i = 0, count = *n;
    while (i < count && v[i].b < a)
        i++;
    size_t j = i;
    for (; j < count && v[j].a <= b; j++) {
        a = v[j].a < a ? v[j].a : a;
        b = v[j].b > b ? v[j].b : b;
    }
    memmove(v + i + 1, v + j, (count - j) * sizeof *v);
    v[i] = (ivl){a, b};
    *n = count - (j - i) + 1;
}

/* Remove [a, b); splitting one interval adds at most one element. */
static void set_remove(ivl *v, size_t *n, int64_t a, int64_t b)
{
    size_t out = 0, count = *n;
    for (size_t i = 0; i < count; i++) {
        ivl x = v[i];
        if (x.b <= a || x.a >= b) {
            v[out++] = x;
        } else if (x.a < a && x.b > b) {
            /* Only an interval that holds all of [a, b) splits, and then nothing before it
             * overlapped (out == i) and nothing after it does. */
            memmove(v + i + 2, v + i + 1, (count - i - 1) * sizeof *v);
            v[i] = (ivl){x.a, a};
            v[i + 1] = (ivl){b, x.b};
            *n = count + 1;
            return;
        } else if (x.a < a) {
            v[out++] = (ivl){x.a, a};
        } else if (x.b > b) {
            v[out++] = (ivl){b, x.b};
        }
    }
    *n = out;
}

/* ---- stage 1: the covered dates -------------------------------------------------------- */

static int common_span(compiler *c)
{
    c->first = ITSM_DAYS_MIN;
    c->last = ITSM_DAYS_MAX;
    for (size_t i = 0; i < c->spec->set_count; i++) {
        itsm_date f, l;
        int rc = itsm_holiday_set_span(&f, &l, c->spec->sets[i]);
        if (rc != ITSM_OK)
            return rc;
        int64_t fd = day_number(f), ld = day_number(l);
        c->first = fd > c->first ? fd : c->first;
        c->last = ld < c->last ? ld : c->last;
    }
    if (c->first > c->last)
        return itsm__error(ITSM_ERANGE, "itsm_calendar_compile: calendar '%s': its holiday sets have no date "
                           "in common", c->spec->name);
    return ITSM_OK;
}

/* The first instant of a local date. The date after 2200-12-31 cannot be named, so its
 * start is read as one second after the last second of the day before (exact unless a
 * zone changes its offset at that very midnight). */
static int day_start(int64_t *out, const itsm_tz *tz, int64_t day)
{
    if (day <= ITSM_DAYS_MAX)
        return itsm_tz_start_of_day(out, tz, date_of(day));
    int64_t wall = day * DAY - 1, t = 0;
    int rc = itsm_tz_from_local_many(&t, tz, &wall, 1, BOUNDARY_POLICY);
    if (rc == ITSM_OK)
        *out = t + 1;
    return rc;
}

/* Drop the dates at either end whose instants fall outside the supported instant range
 * (1900-01-01 starts before 1900-01-01T00:00Z east of Greenwich), then read every start. */
static int read_starts(compiler *c)
{
    int64_t t;
    while (c->first <= c->last && day_start(&t, c->tz, c->first) == ITSM_ERANGE)
        c->first++;
    while (c->last >= c->first && day_start(&t, c->tz, c->last + 1) == ITSM_ERANGE)
        c->last--;
    if (c->first > c->last)
        return itsm__error(ITSM_ERANGE, "itsm_calendar_compile: calendar '%s': no date of its span lies in the "
                           "supported instant range", c->spec->name);
    size_t n = (size_t)(c->last - c->first + 2);
    c->days = itsm__calloc(n + 1, sizeof *c->days, "calendar day table");
    if (c->days == NULL)
        return ITSM_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        int rc = day_start(&c->days[i].start, c->tz, c->first + (int64_t)i);
        if (rc != ITSM_OK)
            return rc;
    }
    return ITSM_OK;
}

/* ---- stage 2: what happens on each date ------------------------------------------------- */

static bool in_flag_range(const compiler *c, int64_t day) { return day >= c->first - 1 && day <= c->last + 1; }

static int mark_set(compiler *c, const itsm_holiday_set *set)
{
    itsm_date f, l;
    int rc = itsm_holiday_set_span(&f, &l, set);
    if (rc != ITSM_OK)
        return rc;
    int64_t lo = c->first - 1 > day_number(f) ? c->first - 1 : day_number(f);
    int64_t hi = c->last + 1 < day_number(l) ? c->last + 1 : day_number(l);
    itsm_holiday *list = NULL;
    size_t n = 0;
    rc = itsm_holiday_set_list(&list, &n, set, date_of(lo), date_of(hi));
    if (rc != ITSM_OK)
        return rc;
    for (size_t i = 0; i < n; i++) {
        int64_t d = day_number(list[i].date);
        if (in_flag_range(c, d))
            c->flags[d - (c->first - 1)] |= DAY_HOLIDAY;
    }
    itsm_free(list);
    return ITSM_OK;
}

static int cmp_part(const void *x, const void *y)
{
    const day_part *a = x, *b = y;
    return (a->day > b->day) - (a->day < b->day);
}

/* Sorted copies of the part closures and openings that touch the covered dates, and the
 * whole-date flags. */
static int collect_exceptions(compiler *c)
{
    const itsm_calendar_spec *s = c->spec;
    size_t np = s->closure_count, no = s->opening_count;
    c->parts = itsm__malloc((np > 0 ? np : 1) * sizeof *c->parts, "calendar closures");
    c->opens = itsm__malloc((no > 0 ? no : 1) * sizeof *c->opens, "calendar openings");
    if (c->parts == NULL || c->opens == NULL)
        return ITSM_ENOMEM;
    for (size_t i = 0; i < np; i++) {
        const itsm__cal_closure *x = &s->closures[i];
        int64_t d = day_number(x->date);
        if (!in_flag_range(c, d))
            continue;
        if (x->whole)
            c->flags[d - (c->first - 1)] |= DAY_CLOSED;
        else
            c->parts[c->nparts++] = (day_part){d, x->from, x->to};
    }
    for (size_t i = 0; i < no; i++) {
        const itsm__cal_opening *x = &s->openings[i];
        int64_t d = day_number(x->date);
        if (!in_flag_range(c, d))
            continue;
        if (x->replace)
            c->flags[d - (c->first - 1)] |= DAY_REPLACED;
        c->opens[c->nopens++] = (day_part){d, x->from, x->to};
    }
    qsort(c->parts, c->nparts, sizeof *c->parts, cmp_part);
    qsort(c->opens, c->nopens, sizeof *c->opens, cmp_part);
    return ITSM_OK;
}

/* Largest number of entries on one date of a sorted list. */
static size_t max_per_day(const day_part *v, size_t n)
{
    size_t best = 0;
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i; j < n && v[j].day == v[i].day; j++)
            ;
        best = j - i > best ? j - i : best;
    }
    return best;
}

/* Every work set holds attr(D) at its largest: template + openings, plus one element per
 * removal (part closures of D and D+1, the two split-mode cuts, the span cut). */
static int alloc_work(compiler *c)
{
    size_t week = 0;
    for (int w = 0; w < 7; w++)
        week = c->spec->week_count[w] > week ? c->spec->week_count[w] : week;
    c->cap = week + max_per_day(c->opens, c->nopens) + 2 * max_per_day(c->parts, c->nparts) + 4;
    c->attr = itsm__malloc(c->cap * sizeof *c->attr, "calendar compile work space");
    c->prev = itsm__malloc(c->cap * sizeof *c->prev, "calendar compile work space");
    c->cur = itsm__malloc(c->cap * sizeof *c->cur, "calendar compile work space");
    c->lit = itsm__malloc(2 * c->cap * sizeof *c->lit, "calendar compile work space");
    c->cand = itsm__malloc(2 * c->cap * sizeof *c->cand, "calendar compile work space");
    c->hash_cap = 64;
    c->hash = itsm__calloc(c->hash_cap, sizeof *c->hash, "calendar pattern index");
    if (c->attr == NULL || c->prev == NULL || c->cur == NULL || c->lit == NULL || c->cand == NULL || c->hash == NULL)
        return ITSM_ENOMEM;
    return ITSM_OK;
}

static uint8_t flag_of(const compiler *c, int64_t day) { return c->flags[day - (c->first - 1)]; }

/* Entries of a sorted list on one day: [*lo, *hi). */
static void entries_on(const day_part *v, size_t n, int64_t day, size_t *lo, size_t *hi)
{
    size_t a = 0, b = n;
    while (a < b) {
        size_t m = a + (b - a) / 2;
        if (v[m].day < day)
            a = m + 1;
        else
            b = m;
    }
    *lo = a;
    while (a < n && v[a].day == day)
        a++;
    *hi = a;
}

/* attr(D) in local seconds after D's midnight (see the file comment). */
static size_t build_attr(compiler *c, int64_t day)
{
    ivl *v = c->attr;
    size_t n = 0, lo, hi;
    uint8_t f = flag_of(c, day), next = flag_of(c, day + 1);
    const itsm__cal_interval *week = c->spec->week[itsm__weekday(day) - 1];
    size_t nweek = c->spec->week_count[itsm__weekday(day) - 1];
    if (c->split || (f & DAY_SUPPRESSED) == 0)
        for (size_t i = 0; i < nweek; i++)
            v[n++] = (ivl){week[i].start, week[i].end};
    if (c->split && (f & DAY_SUPPRESSED) != 0)
        set_remove(v, &n, 0, DAY);
    if (c->split && (next & DAY_SUPPRESSED) != 0)
        set_remove(v, &n, DAY, 2 * DAY);
    if ((f & DAY_CLOSED) == 0) {
        entries_on(c->opens, c->nopens, day, &lo, &hi);
        for (size_t i = lo; i < hi; i++)
            set_add(v, &n, c->opens[i].from, c->opens[i].to);
    }
    entries_on(c->parts, c->nparts, day, &lo, &hi);
    for (size_t i = lo; i < hi; i++)
        set_remove(v, &n, c->parts[i].from, c->parts[i].to);
    entries_on(c->parts, c->nparts, day + 1, &lo, &hi);
    for (size_t i = lo; i < hi; i++)
        set_remove(v, &n, DAY + c->parts[i].from, DAY + c->parts[i].to);
    /* Nothing exists after the covered span. */
    if (day == c->last)
        set_remove(v, &n, DAY, 2 * DAY);
    return n;
}

/* The instant of local wall seconds. Midnights of covered dates are the day starts
 * already read (the same policy), which also covers the end of 2200-12-31, a wall time
 * the zone API cannot name. */
static int to_instant(const compiler *c, int64_t wall, int64_t *out)
{
    int64_t day = itsm__floor_div(wall, DAY);
    if (wall == day * DAY && day >= c->first && day <= c->last + 1) {
        *out = c->days[day - c->first].start;
        return ITSM_OK;
    }
    return itsm_tz_from_local_many(out, c->tz, &wall, 1, BOUNDARY_POLICY);
}

/* conv = attr cut to [from, +inf) local, as instants; empty results (all in a gap) dropped. */
static int convert(compiler *c, int64_t day, size_t nattr, int64_t from, ivl *conv, size_t *nconv)
{
    size_t n = 0;
    for (size_t i = 0; i < nattr; i++) {
        if (c->attr[i].b <= from)
            continue;
        int64_t a = 0, b = 0;
        int rc = to_instant(c, day * DAY + (c->attr[i].a > from ? c->attr[i].a : from), &a);
        if (rc == ITSM_OK)
            rc = to_instant(c, day * DAY + c->attr[i].b, &b);
        if (rc != ITSM_OK)
            return rc;
        if (a < b)
            conv[n++] = (ivl){a, b};
    }
    *nconv = n;
    return ITSM_OK;
}

/* ---- stage 3: patterns -------------------------------------------------------------------- */

static uint32_t pattern_hash(const itsm__cal_pattern *p, const itsm__cal_span *s)
{
    uint32_t h = 2166136261u;
    const int32_t head[4] = {p->total, p->own_open, p->own_close, p->own_total};
    for (size_t i = 0; i < 4; i++)
        h = (h ^ (uint32_t)head[i]) * 16777619u;
    for (size_t i = 0; i < p->count; i++)
        h = ((h ^ (uint32_t)s[i].open) * 16777619u ^ (uint32_t)s[i].close) * 16777619u;
    return h;
}

static bool pattern_equal(const compiler *c, uint32_t idx, const itsm__cal_pattern *p, const itsm__cal_span *s)
{
    const itsm__cal_pattern *q = &c->patterns[idx];
    if (q->count != p->count || q->total != p->total || q->own_open != p->own_open ||
        q->own_close != p->own_close || q->own_total != p->own_total)
        return false;
    const itsm__cal_span *t = c->spans + q->first;
    for (size_t i = 0; i < p->count; i++)
        if (t[i].open != s[i].open || t[i].close != s[i].close)
            return false;
    return true;
}

static int grow_hash(compiler *c)
{
    size_t ncap = c->hash_cap * 2;
    uint32_t *h = itsm__calloc(ncap, sizeof *h, "calendar pattern index");
    if (h == NULL)
        return ITSM_ENOMEM;
    for (size_t i = 0; i < c->npatterns; i++) {
        size_t k = pattern_hash(&c->patterns[i], c->spans + c->patterns[i].first) & (ncap - 1);
        while (h[k] != 0)
            k = (k + 1) & (ncap - 1);
        h[k] = (uint32_t)i + 1;
    }
    itsm__free(c->hash);
    c->hash = h;
    c->hash_cap = ncap;
    return ITSM_OK;
}

/* The index of pattern (p, s), added when new. */
static int intern_pattern(compiler *c, itsm__cal_pattern *p, uint32_t *out)
{
    uint32_t h = pattern_hash(p, c->cand);
    size_t k = h & (c->hash_cap - 1);
    for (; c->hash[k] != 0; k = (k + 1) & (c->hash_cap - 1))
        if (pattern_equal(c, c->hash[k] - 1, p, c->cand)) {
            *out = c->hash[k] - 1;
            return ITSM_OK;
        }
    if (c->npatterns >= UINT32_MAX - 1)
        return itsm__error(ITSM_ERANGE, "itsm_calendar_compile: calendar '%s' has too many distinct days",
                           c->spec->name);
    int rc = itsm__reserve((void **)&c->spans, &c->span_cap, c->nspans + p->count, sizeof *c->spans,
                     "calendar day patterns");
    if (rc == ITSM_OK)
        rc = itsm__reserve((void **)&c->patterns, &c->pattern_cap, c->npatterns + 1, sizeof *c->patterns,
                     "calendar day patterns");
    if (rc != ITSM_OK)
        return rc;
    p->first = (uint32_t)c->nspans;
    if (p->count > 0) /* spans is still NULL while only empty patterns exist */
        memcpy(c->spans + c->nspans, c->cand, p->count * sizeof *c->spans);
    c->nspans += p->count;
    c->patterns[c->npatterns] = *p;
    c->hash[k] = (uint32_t)c->npatterns + 1;
    *out = (uint32_t)c->npatterns++;
    return 2 * c->npatterns > c->hash_cap ? grow_hash(c) : ITSM_OK;
}

/* lit = (prev U cur) cut to the day [s0, s1), merged. */
static size_t literal(compiler *c, int64_t s0, int64_t s1)
{
    size_t n = 0;
    const ivl *srcs[2] = {c->prev, c->cur};
    const size_t counts[2] = {c->nprev, c->ncur};
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < counts[k]; i++) {
            int64_t a = srcs[k][i].a > s0 ? srcs[k][i].a : s0, b = srcs[k][i].b < s1 ? srcs[k][i].b : s1;
            if (a < b)
                set_add(c->lit, &n, a, b);
        }
    return n;
}

/* Describe one day: its spans (relative to s0) in c->cand, totals and ownership. */
static void describe_day(compiler *c, size_t nlit, int64_t s0, itsm__cal_pattern *p)
{
    int64_t total = 0;
    for (size_t i = 0; i < nlit; i++) {
        c->cand[i] = (itsm__cal_span){(int32_t)(c->lit[i].a - s0), (int32_t)(c->lit[i].b - s0), (int32_t)total};
        total += c->lit[i].b - c->lit[i].a;
    }
    *p = (itsm__cal_pattern){0, (uint32_t)nlit, (int32_t)total, 0, 0, 0};
    /* Split mode: a business day is its local date literally; else the intervals it owns. */
    const ivl *own = c->split ? c->lit : c->cur;
    size_t nown = c->split ? nlit : c->ncur;
    if (nown == 0)
        return;
    int64_t own_total = 0;
    for (size_t i = 0; i < nown; i++)
        own_total += own[i].b - own[i].a;
    p->own_open = (int32_t)(own[0].a - s0);
    p->own_close = (int32_t)(own[nown - 1].b - s0);
    p->own_total = (int32_t)own_total;
}

static int compile_days(compiler *c)
{
    int rc = ITSM_OK;
    /* The tail of the date before the span may reach into its first day. */
    if (c->first - 1 >= ITSM_DAYS_MIN) {
        size_t na = build_attr(c, c->first - 1);
        rc = convert(c, c->first - 1, na, DAY, c->prev, &c->nprev);
    }
    int64_t cum = 0;
    uint32_t bdays = 0;
    size_t ndays = (size_t)(c->last - c->first + 1);
    for (size_t i = 0; i < ndays && rc == ITSM_OK; i++) {
        int64_t day = c->first + (int64_t)i;
        size_t na = build_attr(c, day);
        if ((rc = convert(c, day, na, 0, c->cur, &c->ncur)) != ITSM_OK)
            break;
        itsm__cal_pattern p;
        describe_day(c, literal(c, c->days[i].start, c->days[i + 1].start), c->days[i].start, &p);
        uint32_t idx = 0;
        if ((rc = intern_pattern(c, &p, &idx)) != ITSM_OK)
            break;
        c->days[i] = (itsm__cal_day){c->days[i].start, cum, idx, bdays};
        cum += p.total;
        bdays += p.own_total > 0;
        ivl *t = c->prev;
        c->prev = c->cur;
        c->cur = t;
        c->nprev = c->ncur;
    }
    /* The sentinels share the empty pattern. */
    itsm__cal_pattern empty = {0, 0, 0, 0, 0, 0};
    uint32_t idx = 0;
    if (rc == ITSM_OK)
        rc = intern_pattern(c, &empty, &idx);
    if (rc == ITSM_OK) {
        c->days[ndays] = (itsm__cal_day){c->days[ndays].start, cum, idx, bdays};
        c->days[ndays + 1] = (itsm__cal_day){INT64_MAX, cum, idx, bdays};
    }
    return rc;
}

/* The fixed-stride copy of the patterns (see itsm__cal_slot). */
static int build_slots(compiler *c, itsm__cal_slot **out, size_t *stride)
{
    size_t widest = 1;
    for (size_t i = 0; i < c->npatterns; i++)
        widest = c->patterns[i].count > widest ? c->patterns[i].count : widest;
    *stride = widest;
    *out = NULL;
    if (widest > ITSM__CAL_MAX_STRIDE)
        return ITSM_OK;
    itsm__cal_slot *slots = itsm__calloc(c->npatterns * widest, sizeof *slots, "calendar day patterns");
    if (slots == NULL)
        return ITSM_ENOMEM;
    for (size_t i = 0; i < c->npatterns; i++) {
        const itsm__cal_span *s = c->spans + c->patterns[i].first;
        for (size_t k = 0; k < c->patterns[i].count; k++)
            slots[i * widest + k] = (itsm__cal_slot){s[k].open, s[k].close - s[k].open};
    }
    *out = slots;
    return ITSM_OK;
}

/* ---- driver ---------------------------------------------------------------------------------- */

static void compiler_release(compiler *c)
{
    itsm__free(c->flags);
    itsm__free(c->parts);
    itsm__free(c->opens);
    itsm__free(c->attr);
    itsm__free(c->prev);
    itsm__free(c->cur);
    itsm__free(c->lit);
    itsm__free(c->cand);
    itsm__free(c->hash);
}

static int build_tables(compiler *c)
{
    int rc = common_span(c);
    if (rc == ITSM_OK)
        rc = read_starts(c);
    if (rc != ITSM_OK)
        return rc;
    c->flags = itsm__calloc((size_t)(c->last - c->first + 3), 1, "calendar day flags");
    if (c->flags == NULL)
        return ITSM_ENOMEM;
    for (size_t i = 0; i < c->spec->set_count && rc == ITSM_OK; i++)
        rc = mark_set(c, c->spec->sets[i]);
    if (rc == ITSM_OK)
        rc = collect_exceptions(c);
    if (rc == ITSM_OK)
        rc = alloc_work(c);
    if (rc == ITSM_OK)
        rc = compile_days(c);
    if (rc == ITSM_OK && c->days[c->last - c->first + 1].cum == 0)
        rc = itsm__error(ITSM_EINVAL, "itsm_calendar_compile: calendar '%s' has no open time", c->spec->name);
    return rc;
}

static void calendar_release(itsm_calendar *cal)
{
    itsm_calendar_spec_free(cal->spec);
    itsm__free(cal->days);
    itsm__free(cal->patterns);
    itsm__free(cal->spans);
    itsm__free(cal->slots);
    itsm__free(cal);
}

void itsm_calendar_free(itsm_calendar *cal)
{
    if (cal != NULL)
        calendar_release(cal);
}

itsm_status itsm_calendar_compile(itsm_calendar **out, const itsm_calendar_spec *spec)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(spec);
    itsm_calendar *cal = itsm__calloc(1, sizeof *cal, "calendar");
    if (cal == NULL)
        return ITSM_ENOMEM;
    int rc = itsm__calendar_spec_copy(&cal->spec, spec);
    compiler c;
    memset(&c, 0, sizeof c);
    if (rc == ITSM_OK) {
        c.spec = cal->spec;
        c.tz = cal->spec->tz;
        c.split = spec->option[ITSM_CAL_CLOSURE_SPLITS_OVERNIGHT] != 0;
        rc = build_tables(&c);
    }
    if (rc == ITSM_OK)
        rc = build_slots(&c, &cal->slots, &cal->stride);
    /* The tables move to the calendar even on failure, so that one release frees all. */
    cal->days = c.days;
    cal->patterns = c.patterns;
    cal->spans = c.spans;
    compiler_release(&c);
    if (rc != ITSM_OK) {
        calendar_release(cal);
        return rc;
    }
    cal->first_day = (int32_t)c.first;
    cal->ndays = (size_t)(c.last - c.first + 1);
    cal->npatterns = c.npatterns;
    cal->nspans = c.nspans;
    cal->horizon_days = spec->option[ITSM_CAL_SEARCH_HORIZON_DAYS];
    cal->half_day_seconds = spec->option[ITSM_CAL_HALF_DAY_SECONDS];
    cal->snap_to_open = spec->option[ITSM_CAL_SNAP_DEADLINE_TO_OPEN] != 0;
    *out = cal;
    return ITSM_OK;
}

const char *itsm_calendar_name(const itsm_calendar *cal) { return cal != NULL ? cal->spec->name : NULL; }

const itsm_tz *itsm_calendar_zone(const itsm_calendar *cal) { return cal != NULL ? cal->spec->tz : NULL; }

size_t itsm__calendar_table_bytes(const itsm_calendar *cal)
{
    return sizeof *cal + (cal->ndays + 2) * sizeof *cal->days + cal->npatterns * sizeof *cal->patterns +
           cal->nspans * sizeof *cal->spans + (cal->slots != NULL ? cal->npatterns * cal->stride : 0) * sizeof *cal->slots;
}
