/* Queries on a compiled calendar (TIME.md 4). Nothing here allocates or writes to the
 * calendar, so any number of threads may query one calendar at once.
 *
 * Every instant maps to its day in O(1): days are about 86400 s long, so
 * (t - first start) / 86400 lands on the day or within a step or two of it (DST moves a
 * start by an hour, a date-line change by a day). Business time before an instant is the
 * day's prefix sum plus the open seconds of the day before it; searches (add, sub, next
 * open, n-th business day) gallop forward or backward over the prefix sums, so their
 * cost grows with the log of the distance, and stop at the search horizon. */
#include "calendar/calendar_internal.h"
#include "internal.h"
#include "time/civil.h"

#include <stdio.h>

#define DAY ITSM_SECONDS_PER_DAY

/* Error paths kept out of line, so the hot functions need no stack frame for them. */
#if defined(__GNUC__)
#define COLD __attribute__((cold, noinline))
#else
#define COLD
#endif

/* ---- error messages -------------------------------------------------------------------- */

/* Who is asking about what: "itsm_calendar_add_business: t" or, in a batch,
 * "itsm_calendar_add_business_many: t[17]". */
typedef struct where {
    const char *fn, *arg;
    size_t index;
    bool indexed;
} where;

#define WHERE(fn, arg) ((where){(fn), (arg), 0, false})

static void where_text(char *buf, size_t size, const where *w)
{
    if (w->indexed)
        (void)snprintf(buf, size, "%s: %s[%zu]", w->fn, w->arg, w->index);
    else
        (void)snprintf(buf, size, "%s: %s", w->fn, w->arg);
}

/* An instant as ISO 8601 in the calendar's zone, or as a number when it has no text. */
static void instant_text(char *buf, size_t size, int64_t t, const itsm_calendar *cal)
{
    if (itsm_instant_format(buf, size, t, cal->spec->tz) != ITSM_OK)
        (void)snprintf(buf, size, "%lld", (long long)t);
}

static COLD int span_error(const itsm_calendar *cal, const where *w, int64_t t)
{
    char who[160], x[48], a[48], b[48];
    where_text(who, sizeof who, w);
    instant_text(x, sizeof x, t, cal);
    instant_text(a, sizeof a, cal->days[0].start, cal);
    instant_text(b, sizeof b, cal->days[cal->ndays].start, cal);
    return itsm__error(ITSM_ERANGE, "%s: instant %s is outside the span of calendar '%s' (%s .. %s)", who, x,
                       cal->spec->name, a, b);
}

static COLD int date_error(const itsm_calendar *cal, const where *w, int64_t day)
{
    char who[160], a[40], b[40], x[40];
    int32_t y, m, d;
    where_text(who, sizeof who, w);
    itsm__civil_from_days(day, &y, &m, &d);
    (void)snprintf(x, sizeof x, "%04d-%02d-%02d", (int)y, (int)m, (int)d);
    itsm__civil_from_days(cal->first_day, &y, &m, &d);
    (void)snprintf(a, sizeof a, "%04d-%02d-%02d", (int)y, (int)m, (int)d);
    itsm__civil_from_days(cal->first_day + (int64_t)cal->ndays - 1, &y, &m, &d);
    (void)snprintf(b, sizeof b, "%04d-%02d-%02d", (int)y, (int)m, (int)d);
    return itsm__error(ITSM_ERANGE, "%s: date %s is outside the span of calendar '%s' (%s .. %s)", who, x,
                       cal->spec->name, a, b);
}

/* A search from instant `from` ran into its bound: the end (or start) of the span, or the
 * search horizon, whichever came first. */
static COLD int bound_error(const itsm_calendar *cal, const where *w, int64_t from, bool at_span_edge, bool forward)
{
    char who[160], x[48];
    where_text(who, sizeof who, w);
    instant_text(x, sizeof x, from, cal);
    if (at_span_edge) {
        char edge[48];
        instant_text(edge, sizeof edge, forward ? cal->days[cal->ndays].start : cal->days[0].start, cal);
        return itsm__error(ITSM_ERANGE, "%s: no result from %s %s the %s of the span of calendar '%s' (%s)", who,
                           x, forward ? "up to" : "back to", forward ? "end" : "start", cal->spec->name, edge);
    }
    return itsm__error(ITSM_ERANGE, "%s: no result from %s within the search horizon of %lld days of calendar "
                       "'%s' (ITSM_CAL_SEARCH_HORIZON_DAYS)", who, x, (long long)cal->horizon_days,
                       cal->spec->name);
}

static COLD int negative_error(const where *w, int64_t value)
{
    char who[160];
    where_text(who, sizeof who, w);
    return itsm__error(ITSM_EINVAL, "%s: %lld is negative", who, (long long)value);
}

/* ---- table look-ups --------------------------------------------------------------------- */

static inline int64_t span_start(const itsm_calendar *cal) { return cal->days[0].start; }
static inline int64_t span_end(const itsm_calendar *cal) { return cal->days[cal->ndays].start; }

/* Why t is not usable: outside the supported instants, or outside the calendar. */
static COLD int range_error(const itsm_calendar *cal, int64_t t, const where *w)
{
    if (t < ITSM_INSTANT_MIN || t > ITSM_INSTANT_MAX) {
        char who[160];
        where_text(who, sizeof who, w);
        return itsm__check_instant(t, who);
    }
    return span_error(cal, w, t);
}

/* An instant a span may begin or end at: [span start, span end], and a supported
 * instant (the span of a UTC calendar ends one second after ITSM_INSTANT_MAX). */
static inline bool in_span(const itsm_calendar *cal, int64_t t)
{
    return t >= span_start(cal) && t <= span_end(cal) && t <= ITSM_INSTANT_MAX;
}

static inline int check_position(const itsm_calendar *cal, int64_t t, const where *w)
{
    return in_span(cal, t) ? ITSM_OK : range_error(cal, t, w);
}

/* An instant whose surroundings are looked at: [span start, span end). */
static inline int check_point(const itsm_calendar *cal, int64_t t, const where *w)
{
    return t >= span_start(cal) && t < span_end(cal) ? ITSM_OK : range_error(cal, t, w);
}

/* The day holding t, for t in [span start, span end]: the span's end maps to the first
 * sentinel. Empty days are never returned. */
static inline size_t day_of(const itsm_calendar *cal, int64_t t)
{
    const itsm__cal_day *d = cal->days;
    uint64_t q = (uint64_t)(t - d[0].start) / DAY;
    size_t i = q < cal->ndays ? (size_t)q : cal->ndays;
    while (t < d[i].start)
        i--;
    while (t >= d[i + 1].start)
        i++;
    return i;
}

static inline const itsm__cal_pattern *pattern_of(const itsm_calendar *cal, size_t i)
{
    return &cal->patterns[cal->days[i].pattern];
}

/* Open seconds of day i before t (t inside the day): a fixed number of clamps that the
 * compiler turns into conditional moves, or a scan for very wide patterns. */
static inline int64_t partial(const itsm_calendar *cal, size_t i, int64_t t)
{
    if (cal->slots != NULL) {
        const itsm__cal_slot *s = cal->slots + (size_t)cal->days[i].pattern * cal->stride;
        int64_t r = t - cal->days[i].start, sum = 0;
        for (size_t k = 0; k < cal->stride; k++) {
            int64_t x = r - s[k].open;
            x = x < 0 ? 0 : x;
            sum += x < s[k].len ? x : s[k].len;
        }
        return sum;
    }
    const itsm__cal_pattern *p = pattern_of(cal, i);
    const itsm__cal_span *s = cal->spans + p->first;
    int32_t r = (int32_t)(t - cal->days[i].start);
    for (uint32_t k = 0; k < p->count; k++)
        if (r < s[k].close)
            return s[k].before + (r > s[k].open ? r - s[k].open : 0);
    return p->total;
}

/* Business seconds from the span start to t, for t in [span start, span end]. */
static inline int64_t prefix(const itsm_calendar *cal, int64_t t)
{
    size_t i = day_of(cal, t);
    return cal->days[i].cum + partial(cal, i, t);
}

/* The instant at which the running business time of day i reaches x (0 < x <= total;
 * `strict`: the instant after which it exceeds x, 0 <= x < total). */
static int64_t inverse(const itsm_calendar *cal, size_t i, int64_t x, bool strict)
{
    const itsm__cal_pattern *p = pattern_of(cal, i);
    const itsm__cal_span *s = cal->spans + p->first;
    uint32_t k = 0;
    while (k + 1 < p->count) {
        int64_t end = s[k].before + (s[k].close - s[k].open);
        if (strict ? end > x : end >= x)
            break;
        k++;
    }
    return cal->days[i].start + s[k].open + (x - s[k].before);
}

/* Smallest d in [lo, hi] with days[d + 1].cum >= target, given that hi qualifies:
 * gallop outwards from lo, then bisect. */
static size_t find_forward(const itsm__cal_day *d, size_t lo, size_t hi, int64_t target)
{
    size_t step = 1, b = lo;
    while (d[b + 1].cum < target) {
        lo = b + 1;
        b = hi - b > step ? b + step : hi;
        step *= 2;
    }
    while (lo < b) {
        size_t m = lo + (b - lo) / 2;
        if (d[m + 1].cum >= target)
            b = m;
        else
            lo = m + 1;
    }
    return lo;
}

/* Smallest d in [lo, hi] with days[d + 1].cum > target, given that hi qualifies:
 * gallop backwards from hi, then bisect. */
static size_t find_backward(const itsm__cal_day *d, size_t lo, size_t hi, int64_t target)
{
    size_t step = 1;
    while (hi > lo) {
        size_t probe = hi - lo > step ? hi - step : lo;
        if (d[probe + 1].cum <= target) {
            lo = probe + 1;
            break;
        }
        hi = probe;
        step *= 2;
    }
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        if (d[m + 1].cum > target)
            hi = m;
        else
            lo = m + 1;
    }
    return lo;
}

/* Smallest d in [lo, hi] with days[d + 1].bdays >= need, or SIZE_MAX when none. */
static size_t find_business_day(const itsm__cal_day *d, size_t lo, size_t hi, uint32_t need)
{
    if (lo > hi || d[hi + 1].bdays < need)
        return SIZE_MAX;
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        if (d[m + 1].bdays >= need)
            hi = m;
        else
            lo = m + 1;
    }
    return lo;
}

/* Last day index a search starting on day i may look at, and whether that is the span's
 * last day rather than the horizon. */
static size_t forward_limit(const itsm_calendar *cal, size_t i, bool *at_edge)
{
    size_t last = cal->ndays - 1;
    *at_edge = (int64_t)(last - (i < last ? i : last)) <= cal->horizon_days;
    return *at_edge ? last : i + (size_t)cal->horizon_days;
}

static inline bool is_business(const itsm_calendar *cal, size_t i) { return pattern_of(cal, i)->own_total > 0; }

/* Store a result found by a search from `from`. Only the end of a UTC-like calendar's
 * span can lie past the last supported instant. */
static int put_result(int64_t *out, const itsm_calendar *cal, int64_t u, int64_t from, const where *w)
{
    if (u > ITSM_INSTANT_MAX)
        return bound_error(cal, w, from, true, true);
    *out = u;
    return ITSM_OK;
}

static inline int64_t close_of(const itsm_calendar *cal, size_t i)
{
    return cal->days[i].start + pattern_of(cal, i)->own_close;
}

/* ---- cores (arguments checked by the callers) --------------------------------------------- */

static bool open_at(const itsm_calendar *cal, int64_t t)
{
    size_t i = day_of(cal, t);
    const itsm__cal_pattern *p = pattern_of(cal, i);
    const itsm__cal_span *s = cal->spans + p->first;
    int64_t r = t - cal->days[i].start;
    for (uint32_t k = 0; k < p->count; k++)
        if (r < s[k].close)
            return r >= s[k].open;
    return false;
}

/* The first open instant >= t, t in [span start, span end]. */
static int next_open_core(int64_t *out, const itsm_calendar *cal, int64_t t, const where *w)
{
    int64_t target = prefix(cal, t) + 1;
    size_t i = t == span_end(cal) ? cal->ndays - 1 : day_of(cal, t);
    bool edge;
    size_t hi = forward_limit(cal, i, &edge);
    if (cal->days[hi + 1].cum < target)
        return bound_error(cal, w, t, edge, true);
    size_t d = find_forward(cal->days, i, hi, target);
    /* The first business second is [u - 1, u) where the running time reaches target. */
    *out = inverse(cal, d, target - cal->days[d].cum, false) - 1;
    return ITSM_OK;
}

static int add_core(int64_t *out, const itsm_calendar *cal, int64_t t, int64_t seconds, const where *w)
{
    if (seconds == 0) {
        *out = t;
        return ITSM_OK;
    }
    int64_t base = prefix(cal, t);
    size_t i = t == span_end(cal) ? cal->ndays - 1 : day_of(cal, t);
    bool edge;
    size_t hi = forward_limit(cal, i, &edge);
    /* Compared as a difference: seconds may be as large as INT64_MAX. */
    if (cal->days[hi + 1].cum - base < seconds)
        return bound_error(cal, w, t, edge, true);
    int64_t target = base + seconds;
    size_t d = find_forward(cal->days, i, hi, target);
    int64_t u = inverse(cal, d, target - cal->days[d].cum, false);
    /* u is open inside an interval or is its closing instant. */
    if (cal->snap_to_open && u < span_end(cal) && !open_at(cal, u))
        return next_open_core(out, cal, u, w);
    if (cal->snap_to_open && u == span_end(cal))
        return bound_error(cal, w, u, true, true);
    return put_result(out, cal, u, t, w);
}

static int sub_core(int64_t *out, const itsm_calendar *cal, int64_t t, int64_t seconds, const where *w)
{
    if (seconds == 0) {
        *out = t;
        return ITSM_OK;
    }
    int64_t base = prefix(cal, t);
    size_t i = t == span_end(cal) ? cal->ndays - 1 : day_of(cal, t);
    bool edge = (int64_t)i <= cal->horizon_days;
    size_t lo = edge ? 0 : i - (size_t)cal->horizon_days;
    if (base - cal->days[lo].cum < seconds)
        return bound_error(cal, w, t, edge, false);
    int64_t target = base - seconds;
    size_t d = find_backward(cal->days, lo, i, target);
    *out = inverse(cal, d, target - cal->days[d].cum, true);
    return ITSM_OK;
}

/* The business day "containing" t: the first business day, starting with the one before
 * t's day (its overnight interval may still run), whose close is after t. */
static int containing_day(size_t *out, const itsm_calendar *cal, int64_t t, const where *w)
{
    size_t i = day_of(cal, t);
    if (i > 0 && is_business(cal, i - 1) && close_of(cal, i - 1) > t) {
        *out = i - 1;
        return ITSM_OK;
    }
    if (is_business(cal, i) && close_of(cal, i) > t) {
        *out = i;
        return ITSM_OK;
    }
    bool edge;
    size_t hi = forward_limit(cal, i, &edge);
    size_t d = find_business_day(cal->days, i + 1, hi, cal->days[i + 1].bdays + 1);
    if (d == SIZE_MAX)
        return bound_error(cal, w, t, edge, true);
    *out = d;
    return ITSM_OK;
}

/* The k-th business day after business day c (k = 0: c), searched from instant t. */
static int kth_business_day(size_t *out, const itsm_calendar *cal, size_t c, uint32_t k, int64_t t,
                            const where *w)
{
    bool edge;
    size_t hi = forward_limit(cal, day_of(cal, t), &edge);
    uint64_t need = (uint64_t)cal->days[c + 1].bdays + k;
    size_t d = need > UINT32_MAX ? SIZE_MAX : find_business_day(cal->days, c, hi, (uint32_t)need);
    if (d == SIZE_MAX)
        return bound_error(cal, w, t, edge, true);
    *out = d;
    return ITSM_OK;
}

/* ---- scalar API ---------------------------------------------------------------------------- */

itsm_status itsm_calendar_is_open(int *out, const itsm_calendar *cal, itsm_instant t)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(cal);
    where w = WHERE(__func__, "t");
    int rc = check_point(cal, t, &w);
    if (rc == ITSM_OK)
        *out = open_at(cal, t);
    return rc;
}

itsm_status itsm_calendar_next_open(itsm_instant *out, const itsm_calendar *cal, itsm_instant t)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(cal);
    where w = WHERE(__func__, "t");
    int rc = check_point(cal, t, &w);
    return rc == ITSM_OK ? next_open_core(out, cal, t, &w) : rc;
}

/* The open run containing u continues over midnight while a day's last interval ends at
 * the day's end and the next existing day opens at its start (24x7, overnight shifts). */
static int run_end(int64_t *out, const itsm_calendar *cal, int64_t t, int64_t u, const where *w)
{
    size_t i = day_of(cal, u), first = i;
    const itsm__cal_pattern *p = pattern_of(cal, i);
    const itsm__cal_span *s = cal->spans + p->first;
    uint32_t k = 0;
    while (u - cal->days[i].start >= s[k].close)
        k++;
    int64_t c = cal->days[i].start + s[k].close;
    while (c == cal->days[i + 1].start) {
        size_t j = i + 1;
        while (j < cal->ndays && cal->days[j].start == cal->days[j + 1].start)
            j++;
        if (j >= cal->ndays || (int64_t)(j - first) > cal->horizon_days)
            return bound_error(cal, w, t, j >= cal->ndays, true);
        p = pattern_of(cal, j);
        if (p->count == 0 || cal->spans[p->first].open != 0)
            break;
        i = j;
        c = cal->days[i].start + cal->spans[p->first].close;
    }
    *out = c;
    return ITSM_OK;
}

itsm_status itsm_calendar_next_close(itsm_instant *out, const itsm_calendar *cal, itsm_instant t)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(cal);
    where w = WHERE(__func__, "t");
    int64_t u = 0;
    int rc = check_point(cal, t, &w);
    if (rc == ITSM_OK)
        rc = next_open_core(&u, cal, t, &w);
    return rc == ITSM_OK ? run_end(out, cal, t, u, &w) : rc;
}

/* a[i] or b[i] (or the scalar a or b) is not a position of the span. */
static COLD int pair_error(const itsm_calendar *cal, const char *fn, int64_t a, int64_t b, size_t i, bool indexed)
{
    where w = {fn, in_span(cal, a) ? "b" : "a", i, indexed};
    return range_error(cal, in_span(cal, a) ? b : a, &w);
}

itsm_status itsm_calendar_business_seconds(int64_t *out, const itsm_calendar *cal, itsm_instant a, itsm_instant b)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(cal);
    if (!in_span(cal, a) || !in_span(cal, b))
        return pair_error(cal, __func__, a, b, 0, false);
    *out = prefix(cal, b) - prefix(cal, a);
    return ITSM_OK;
}

int itsm__calendar_prefix(int64_t *out, const itsm_calendar *cal, int64_t t, const char *who)
{
    if (!in_span(cal, t)) {
        where w = WHERE(who, "t");
        return range_error(cal, t, &w);
    }
    *out = prefix(cal, t);
    return ITSM_OK;
}

itsm_status itsm_calendar_add_business(itsm_instant *out, const itsm_calendar *cal, itsm_instant t,
                                       int64_t seconds)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(cal);
    where w = WHERE(__func__, "t");
    int rc = check_position(cal, t, &w);
    if (rc == ITSM_OK && seconds < 0) {
        where ws = WHERE(__func__, "seconds");
        rc = negative_error(&ws, seconds);
    }
    return rc == ITSM_OK ? add_core(out, cal, t, seconds, &w) : rc;
}

itsm_status itsm_calendar_sub_business(itsm_instant *out, const itsm_calendar *cal, itsm_instant t,
                                       int64_t seconds)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(cal);
    where w = WHERE(__func__, "t");
    int rc = check_position(cal, t, &w);
    if (rc == ITSM_OK && seconds < 0) {
        where ws = WHERE(__func__, "seconds");
        rc = negative_error(&ws, seconds);
    }
    return rc == ITSM_OK ? sub_core(out, cal, t, seconds, &w) : rc;
}

/* Index of a date in the table: [0, ndays) for a covered date, ndays for the day after. */
static int date_index(size_t *out, const itsm_calendar *cal, itsm_date date, bool allow_end, const where *w)
{
    char who[160];
    where_text(who, sizeof who, w);
    int rc = itsm__check_date(&date, who);
    if (rc != ITSM_OK)
        return rc;
    int64_t i = itsm__days_from_civil(date.year, date.month, date.day) - cal->first_day;
    if (i < 0 || i > (int64_t)cal->ndays || (i == (int64_t)cal->ndays && !allow_end))
        return date_error(cal, w, i + cal->first_day);
    *out = (size_t)i;
    return ITSM_OK;
}

itsm_status itsm_calendar_is_business_day(int *out, const itsm_calendar *cal, itsm_date date)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(cal);
    where w = WHERE(__func__, "date");
    size_t i = 0;
    int rc = date_index(&i, cal, date, false, &w);
    if (rc == ITSM_OK)
        *out = is_business(cal, i);
    return rc;
}

itsm_status itsm_calendar_business_days(int32_t *out, const itsm_calendar *cal, itsm_date a, itsm_date b)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(cal);
    where wa = WHERE(__func__, "a"), wb = WHERE(__func__, "b");
    size_t ia = 0, ib = 0;
    int rc = date_index(&ia, cal, a, true, &wa);
    if (rc == ITSM_OK)
        rc = date_index(&ib, cal, b, true, &wb);
    if (rc == ITSM_OK)
        *out = (int32_t)((int64_t)cal->days[ib].bdays - (int64_t)cal->days[ia].bdays);
    return rc;
}

/* t's local date as a table index and its local time of day. */
static int local_day(size_t *out, int64_t *tod, const itsm_calendar *cal, int64_t t, const where *w)
{
    int32_t off = 0;
    int rc = itsm_tz_utc_offset(&off, cal->spec->tz, t);
    if (rc != ITSM_OK)
        return rc;
    int64_t wall = t + off, day = itsm__floor_div(wall, DAY);
    if (day < cal->first_day || day - cal->first_day >= (int64_t)cal->ndays)
        return span_error(cal, w, t);
    *out = (size_t)(day - cal->first_day);
    *tod = wall - day * DAY;
    return ITSM_OK;
}

/* The same local time of day on day d, moved forward into open time. */
static int keep_time(int64_t *out, const itsm_calendar *cal, size_t d, int64_t tod, const where *w)
{
    int64_t wall = (cal->first_day + (int64_t)d) * DAY + tod, u = 0;
    int rc = itsm_tz_from_local_many(&u, cal->spec->tz, &wall, 1, ITSM_GAP_NEXT_VALID | ITSM_OVERLAP_EARLIER);
    if (rc != ITSM_OK)
        return rc;
    if (u < span_start(cal) || u > span_end(cal))
        return span_error(cal, w, u);
    return next_open_core(out, cal, u, w);
}

itsm_status itsm_calendar_add_business_days(itsm_instant *out, const itsm_calendar *cal, itsm_instant t, int32_t n,
                                            itsm_business_day_mode mode)
{
    static const char fn[] = "itsm_calendar_add_business_days";
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(cal);
    if (n < 0)
        return itsm__error(ITSM_EINVAL, "%s: n %d is negative", fn, (int)n);
    if (mode != ITSM_KEEP_TIME && mode != ITSM_END_OF_DAY)
        return itsm__error(ITSM_EINVAL, "%s: mode %d is not ITSM_KEEP_TIME or ITSM_END_OF_DAY", fn, (int)mode);
    where w = WHERE(fn, "t");
    size_t i = 0, d = 0;
    int64_t tod = 0;
    int rc = check_point(cal, t, &w);
    if (rc == ITSM_OK)
        rc = local_day(&i, &tod, cal, t, &w);
    if (rc != ITSM_OK)
        return rc;
    /* n = 0: t's date when it is a business day, else the next one; n >= 1: the n-th
     * business date strictly after t's date. */
    bool edge;
    size_t hi = forward_limit(cal, i, &edge);
    uint64_t need = n == 0 ? (uint64_t)cal->days[i].bdays + 1 : (uint64_t)cal->days[i + 1].bdays + (uint64_t)n;
    d = need > UINT32_MAX ? SIZE_MAX : find_business_day(cal->days, i, hi, (uint32_t)need);
    if (d == SIZE_MAX)
        return bound_error(cal, &w, t, edge, true);
    if (mode == ITSM_END_OF_DAY)
        return put_result(out, cal, close_of(cal, d), t, &w);
    return keep_time(out, cal, d, tod, &w);
}

itsm_status itsm_calendar_end_of_business_day(itsm_instant *out, const itsm_calendar *cal, itsm_instant t,
                                              int32_t k)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(cal);
    if (k < 0)
        return itsm__error(ITSM_EINVAL, "itsm_calendar_end_of_business_day: k %d is negative", (int)k);
    where w = WHERE(__func__, "t");
    size_t c = 0, d = 0;
    int rc = check_point(cal, t, &w);
    if (rc == ITSM_OK)
        rc = containing_day(&c, cal, t, &w);
    if (rc == ITSM_OK)
        rc = kth_business_day(&d, cal, c, (uint32_t)k, t, &w);
    return rc == ITSM_OK ? put_result(out, cal, close_of(cal, d), t, &w) : rc;
}

itsm_status itsm_calendar_half_business_day(itsm_instant *out, const itsm_calendar *cal, itsm_instant t)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(cal);
    where w = WHERE(__func__, "t");
    int rc = check_point(cal, t, &w);
    if (rc != ITSM_OK)
        return rc;
    int64_t half = cal->half_day_seconds;
    if (half == 0) {
        /* Half of the business day on which the clock starts; an odd total rounds down. */
        int64_t u = 0;
        size_t c = 0;
        rc = next_open_core(&u, cal, t, &w);
        if (rc == ITSM_OK)
            rc = containing_day(&c, cal, u, &w);
        if (rc != ITSM_OK)
            return rc;
        half = pattern_of(cal, c)->own_total / 2;
    }
    return add_core(out, cal, t, half, &w);
}

itsm_status itsm_calendar_nth_business_day(itsm_instant *out, const itsm_calendar *cal, int32_t year,
                                           int32_t month, int32_t n)
{
    static const char fn[] = "itsm_calendar_nth_business_day";
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(cal);
    if (n < 1)
        return itsm__error(ITSM_EINVAL, "%s: n %d is not >= 1", fn, (int)n);
    /* "month + 1" of a December is January of the next year. */
    int64_t y = (int64_t)year + itsm__floor_div((int64_t)month - 1, 12);
    int64_t m = itsm__floor_mod((int64_t)month - 1, 12) + 1;
    if (y < 1900 || y > 2200)
        return itsm__error(ITSM_ERANGE, "%s: year %lld (month %d of %d) is outside 1900..2200", fn, (long long)y,
                           (int)month, (int)year);
    where w = WHERE(fn, "month");
    size_t i = 0, d = 0;
    int rc = date_index(&i, cal, (itsm_date){(int32_t)y, (int32_t)m, 1}, false, &w);
    if (rc != ITSM_OK)
        return rc;
    /* Counting runs on past the month's end when it has fewer than n business days. */
    bool edge;
    size_t hi = forward_limit(cal, i, &edge);
    uint64_t need = (uint64_t)cal->days[i].bdays + (uint64_t)n;
    d = need > UINT32_MAX ? SIZE_MAX : find_business_day(cal->days, i, hi, (uint32_t)need);
    if (d == SIZE_MAX)
        return bound_error(cal, &w, cal->days[i].start, edge, true);
    return put_result(out, cal, close_of(cal, d), cal->days[i].start, &w);
}

/* ---- batches --------------------------------------------------------------------------------- */

itsm_status itsm_calendar_business_seconds_many(int64_t *out, const itsm_calendar *cal, const itsm_instant *a,
                                                const itsm_instant *b, size_t n)
{
    static const char fn[] = "itsm_calendar_business_seconds_many";
    ITSM__CHECK_ARG(cal);
    if (n == 0)
        return ITSM_OK;
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(a);
    ITSM__CHECK_ARG(b);
    /* A local copy of the header: stores to out[] cannot alias it, so its fields stay in
     * registers across the loop. */
    const itsm_calendar view = *cal;
    for (size_t i = 0; i < n; i++) {
        int64_t x = a[i], y = b[i];
        if (!in_span(&view, x) || !in_span(&view, y))
            return pair_error(cal, fn, x, y, i, true);
        out[i] = prefix(&view, y) - prefix(&view, x);
    }
    return ITSM_OK;
}

itsm_status itsm_calendar_add_business_many(itsm_instant *out, const itsm_calendar *cal, const itsm_instant *t,
                                            const int64_t *seconds, size_t n)
{
    static const char fn[] = "itsm_calendar_add_business_many";
    ITSM__CHECK_ARG(cal);
    if (n == 0)
        return ITSM_OK;
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(t);
    ITSM__CHECK_ARG(seconds);
    const itsm_calendar view = *cal; /* see itsm_calendar_business_seconds_many() */
    for (size_t i = 0; i < n; i++) {
        int64_t x = t[i], s = seconds[i], u = 0;
        where w = {fn, "t", i, true};
        int rc = check_position(&view, x, &w);
        if (rc == ITSM_OK && s < 0) {
            where ws = {fn, "seconds", i, true};
            rc = negative_error(&ws, s);
        }
        if (rc == ITSM_OK)
            rc = add_core(&u, &view, x, s, &w);
        if (rc != ITSM_OK)
            return rc;
        out[i] = u;
    }
    return ITSM_OK;
}
