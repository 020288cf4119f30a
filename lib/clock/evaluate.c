/* The clock of one record (METRICS.md 2): a single pass over the event log.
 *
 * Between two events the clock is in one phase (not started, running, paused, stopped,
 * cancelled); each event first closes the interval since the previous one in the phase it
 * was in (so a pause is closed before a stop on the same event is tested: case 14), then
 * changes the phase. Running intervals add to elapsed and paused ones to paused, both in
 * business seconds (two prefix-sum look-ups: O(1)) and in wall seconds. The instant a
 * threshold or the target is reached is found when the running interval that reaches it is
 * closed (one add_business), so it never moves afterwards (case 19).
 *
 * Re-targeting with RECOMPUTE replays the cycle from a snapshot taken when the cycle
 * began, with the new target; priority changes are rare, so this costs nothing in the
 * common case and keeps one code path for "what the log says". */
#include "calendar/calendar_internal.h"
#include "clock/clock_internal.h"
#include "internal.h"

#include <string.h>

#define NONE ITSM_CLOCK_NO_INSTANT

typedef enum phase { P_NOT_STARTED, P_RUNNING, P_PAUSED, P_STOPPED, P_CANCELLED } phase;

/* One measurement (a cycle, or what a RESTART began). */
typedef struct cycle {
    phase ph;
    bool frozen;           /* the target was reached before a re-target: no more re-targets */
    bool pvalid;           /* pseg holds B(span start, seg) */
    bool actual;           /* the target counts wall seconds */
    int32_t priority;
    const itsm_deadline *rule;
    int64_t start, stop, seg; /* seg: start of the open interval */
    int64_t pseg;
    int64_t eb, ea, pb, pa;   /* elapsed and paused, business and wall */
    int64_t sb, sa;           /* stopped time, paused if a CONTINUE reopen follows */
    int64_t target;
    int32_t reopens;          /* CONTINUE reopenings in this measurement */
    size_t next;              /* first mark not reached yet */
    int64_t need[ITSM_CLOCK_MAX_THRESHOLDS + 1]; /* thresholds, then the target */
    int64_t at[ITSM_CLOCK_MAX_THRESHOLDS + 1];
} cycle;

typedef struct run {
    const itsm_clock_definition *def;
    const itsm__clock_log *log;
    itsm__clock_want want;
    itsm__clock_cache *cache;
    size_t marks;          /* thresholds + 1 */
    size_t retro_start;    /* index of the start event of a retroactive start, or SIZE_MAX */
    int32_t priority;      /* the record's priority now (0: none given) */
    bool snapshots;        /* a RECOMPUTE re-target can happen: keep snapshots */
    cycle cur, snap;       /* the measurement, and a copy of it as it began */
    size_t snap_next;      /* the event after the one the snapshot follows */
    int32_t cycles, breached_cycles, reopens;
    bool ever;
} run;

static inline int64_t elapsed_of(const cycle *c) { return c->actual ? c->ea : c->eb; }

/* ---- measurements ------------------------------------------------------------------------ */

/* k of a "close of the k-th business day" word, or -1 for other rules. */
static int32_t day_close_k(const itsm_deadline *rule)
{
    switch (rule->kind) {
    case ITSM_DEADLINE_SAME_DAY:
        return 0;
    case ITSM_DEADLINE_NEXT_BUSINESS_DAY:
    case ITSM_DEADLINE_NEXT_DAY:
        return 1;
    case ITSM_DEADLINE_BUSINESS_DAYS:
        return (int32_t)rule->amount;
    default:
        return -1;
    }
}

/* The deadline of `rule` from t, through the batch's cache when there is one. */
static int deadline_from(itsm_instant *out, const run *r, const itsm_deadline *rule, int64_t t)
{
    int32_t k = day_close_k(rule);
    if (r->cache == NULL || k < 0)
        return itsm__deadline_apply(out, rule, r->def->cal, t);
    itsm__clock_cache_entry *e = &r->cache->e[((uint64_t)t >> 12) % ITSM__CLOCK_CACHE_SIZE];
    if (e->rule == rule && e->from <= t && t < e->until) {
        *out = e->deadline;
        return ITSM_OK;
    }
    itsm_instant close = 0, d = 0;
    int rc = itsm_calendar_end_of_business_day(&close, r->def->cal, t, 0);
    d = close;
    if (rc == ITSM_OK && k > 0)
        rc = itsm_calendar_end_of_business_day(&d, r->def->cal, t, k);
    if (rc != ITSM_OK)
        return rc;
    *e = (itsm__clock_cache_entry){rule, t, close, d};
    *out = d;
    return ITSM_OK;
}

/* The target of a measurement that began at c->start (c->pseg holds its prefix). A
 * calendar word becomes the business seconds from the start to its deadline. */
static int set_target(run *r, cycle *c)
{
    const itsm_deadline *rule = c->rule;
    c->actual = rule->kind == ITSM_DEADLINE_ELAPSED;
    if (rule->kind == ITSM_DEADLINE_BUSINESS || c->actual) {
        c->target = rule->amount;
    } else {
        itsm_instant d = 0;
        int64_t pd = 0;
        int rc = deadline_from(&d, r, rule, c->start);
        if (rc == ITSM_OK)
            rc = itsm__calendar_prefix(&pd, r->def->cal, d, "deadline");
        if (rc != ITSM_OK)
            return rc;
        c->target = pd - c->pseg;
    }
    for (size_t k = 0; k + 1 < r->marks; k++) /* ceil(per mille x target / 1000) */
        c->need[k] = (r->def->thresholds[k] * c->target + 999) / 1000;
    c->need[r->marks - 1] = c->target;
    for (size_t k = 0; k < r->marks; k++)
        c->at[k] = NONE;
    c->next = 0;
    return ITSM_OK;
}

/* Every field but the marks, which set_target() fills (memset of the whole cycle would
 * cost more than the rest of a short log). */
static void reset(cycle *c, phase ph, int64_t t)
{
    c->ph = ph;
    c->frozen = c->pvalid = c->actual = false;
    c->priority = 0;
    c->rule = NULL;
    c->start = c->stop = c->seg = t;
    c->pseg = 0;
    c->eb = c->ea = c->pb = c->pa = c->sb = c->sa = 0;
    c->target = 0;
    c->reopens = 0;
    c->next = 0;
}

/* A new measurement from `t` in phase `ph`, with the target of the current priority. */
static int begin(run *r, int64_t t, phase ph)
{
    cycle *c = &r->cur;
    reset(c, ph, t);
    c->stop = NONE;
    c->priority = r->priority;
    c->rule = itsm__clock_rule(r->def, r->priority);
    int rc = itsm__calendar_prefix(&c->pseg, r->def->cal, t, "calendar");
    c->pvalid = rc == ITSM_OK;
    return rc == ITSM_OK ? set_target(r, c) : rc;
}

/* Where elapsed reaches `need`, inside the running interval [from, ...) that began with
 * `have` elapsed. */
static int mark_at(int64_t *out, const run *r, const cycle *c, int64_t from, int64_t have, int64_t need)
{
    if (c->actual) {
        *out = from + (need - have);
        return ITSM_OK;
    }
    return itsm_calendar_add_business(out, r->def->cal, from, need - have);
}

/* Record the marks that the running interval [c->seg, t) of `db` business and `da` wall
 * seconds reaches. */
static int reach_marks(run *r, cycle *c, int64_t db, int64_t da)
{
    int64_t have = elapsed_of(c), after = have + (c->actual ? da : db);
    bool want = r->want.thresholds || r->want.deadline;
    while (c->next < r->marks && after >= c->need[c->next]) {
        bool needed = r->want.thresholds || c->next + 1 == r->marks;
        if (want && needed) {
            int rc = mark_at(&c->at[c->next], r, c, c->seg, have, c->need[c->next]);
            if (rc != ITSM_OK)
                return rc;
        }
        c->next++;
    }
    return ITSM_OK;
}

/* Close the interval [seg, t) in the current phase. Each instant's business prefix is
 * looked up once: it is the next interval's starting prefix. */
static int advance(run *r, int64_t t)
{
    cycle *c = &r->cur;
    if (t <= c->seg)
        return ITSM_OK;
    bool idle = c->ph == P_NOT_STARTED || c->ph == P_CANCELLED ||
                (c->ph == P_STOPPED && r->def->reopen_policy != ITSM_REOPEN_CONTINUE);
    if (idle) {
        c->seg = t;
        c->pvalid = false;
        return ITSM_OK;
    }
    int64_t pt = 0;
    int rc = c->pvalid ? ITSM_OK : itsm__calendar_prefix(&c->pseg, r->def->cal, c->seg, "calendar");
    if (rc == ITSM_OK)
        rc = itsm__calendar_prefix(&pt, r->def->cal, t, "calendar");
    if (rc != ITSM_OK)
        return rc;
    int64_t db = pt - c->pseg, da = t - c->seg;
    if (c->ph == P_RUNNING && (rc = reach_marks(r, c, db, da)) != ITSM_OK)
        return rc;
    if (c->ph == P_RUNNING) {
        c->eb += db;
        c->ea += da;
    } else if (c->ph == P_PAUSED) {
        c->pb += db;
        c->pa += da;
    } else {
        c->sb += db;
        c->sa += da;
    }
    c->seg = t;
    c->pseg = pt;
    c->pvalid = true;
    return ITSM_OK;
}

/* ---- events ---------------------------------------------------------------------------- */

static void take_snapshot(run *r, size_t next)
{
    if (!r->snapshots)
        return;
    r->snap = r->cur;
    r->snap_next = next;
}

static int process(run *r, size_t i, bool replay);

/* The priority changed at event i while the clock runs or is paused. */
static int retarget(run *r, size_t i)
{
    cycle *c = &r->cur;
    const itsm_deadline *rule = itsm__clock_rule(r->def, r->priority);
    if (c->frozen || elapsed_of(c) >= c->target) {
        c->frozen = true; /* the deadline has passed: it never moves again */
        return ITSM_OK;
    }
    if (rule == c->rule) {
        c->priority = r->priority;
        return ITSM_OK;
    }
    int64_t t = r->log->t[i];
    if (r->def->retarget_policy == ITSM_RETARGET_RESTART) {
        int32_t reopens = c->reopens; /* a restart keeps the count, not the measure */
        int rc = begin(r, t, c->ph);
        r->cur.reopens = reopens;
        take_snapshot(r, i);
        return rc;
    }
    r->cur = r->snap;
    r->cur.rule = rule;
    r->cur.priority = r->priority;
    int rc = set_target(r, &r->cur);
    for (size_t k = r->snap_next; rc == ITSM_OK && k < i; k++)
        rc = process(r, k, true);
    return rc == ITSM_OK ? advance(r, t) : rc;
}

static bool is_reopen(const run *r, unsigned cls)
{
    if (r->def->reopen_policy == ITSM_REOPEN_NEVER)
        return false;
    if (r->def->has_reopen_set)
        return (cls & ITSM__CLK_REOPEN) != 0;
    return (cls & (ITSM__CLK_STOP | ITSM__CLK_CANCEL)) == 0;
}

static int reopen(run *r, size_t i, unsigned cls)
{
    cycle *c = &r->cur;
    phase ph = (cls & ITSM__CLK_PAUSE) ? P_PAUSED : P_RUNNING;
    if (r->def->reopen_policy == ITSM_REOPEN_CONTINUE) {
        c->pb += c->sb;
        c->pa += c->sa;
        c->sb = c->sa = 0;
        c->stop = NONE;
        c->ph = ph;
        c->reopens++;
        return ITSM_OK;
    }
    bool breached = elapsed_of(c) > c->target;
    r->breached_cycles += breached;
    r->ever = r->ever || breached;
    r->reopens++;
    r->cycles++;
    int rc = begin(r, r->log->t[i], ph);
    take_snapshot(r, i + 1);
    return rc;
}

/* A running or paused clock meets an event of class `cls`. */
static int on_active(run *r, size_t i, unsigned cls)
{
    cycle *c = &r->cur;
    if (cls & ITSM__CLK_CANCEL) {
        c->ph = P_CANCELLED;
        return ITSM_OK;
    }
    /* Close the pause first, then test the stop condition (case 14). */
    c->ph = (cls & ITSM__CLK_PAUSE) ? P_PAUSED : P_RUNNING;
    if (cls & ITSM__CLK_STOP) {
        c->ph = P_STOPPED;
        c->stop = r->log->t[i];
    }
    return ITSM_OK;
}

static int start_at(run *r, size_t i, unsigned cls)
{
    phase ph = (cls & ITSM__CLK_PAUSE) ? P_PAUSED : P_RUNNING;
    r->cycles = 1;
    int rc = begin(r, r->log->t[i], ph);
    take_snapshot(r, i + 1);
    return rc;
}

/* Before the start event of a retroactive start: only pauses matter (RETRO_PAUSE). */
static void pre_start(run *r, unsigned cls)
{
    if (r->def->flags & ITSM_CLOCK_RETRO_PAUSE)
        r->cur.ph = (cls & ITSM__CLK_PAUSE) ? P_PAUSED : P_RUNNING;
}

static int process(run *r, size_t i, bool replay)
{
    const itsm__clock_log *log = r->log;
    int rc = advance(r, log->t[i]);
    if (rc != ITSM_OK)
        return rc;
    unsigned cls = itsm__clock_class(r->def, log->code[i]);
    bool pre = r->retro_start != SIZE_MAX && i < r->retro_start;
    bool changed = false;
    if (!replay && !pre && log->prio != NULL && log->prio[i] > 0 && log->prio[i] != r->priority) {
        r->priority = log->prio[i];
        changed = true;
    }
    cycle *c = &r->cur;
    switch (c->ph) {
    case P_NOT_STARTED:
        if (cls & ITSM__CLK_CANCEL)
            c->ph = P_CANCELLED;
        else if (cls & ITSM__CLK_START)
            rc = start_at(r, i, cls);
        return rc;
    case P_RUNNING:
    case P_PAUSED:
        if (pre) {
            pre_start(r, cls);
            return ITSM_OK;
        }
        if (changed)
            rc = retarget(r, i);
        return rc == ITSM_OK ? on_active(r, i, cls) : rc;
    case P_STOPPED:
        return is_reopen(r, cls) ? reopen(r, i, cls) : ITSM_OK;
    default:
        return ITSM_OK;
    }
}

/* ---- the pass ---------------------------------------------------------------------------- */

/* A retroactive start begins at the first event when a start event follows (with no
 * cancel before it); returns the index of that start event, or SIZE_MAX. */
static size_t find_retro_start(run *r, size_t n)
{
    const itsm__clock_log *log = r->log;
    int32_t priority = log->priority;
    for (size_t i = 0; i < n; i++) {
        unsigned cls = itsm__clock_class(r->def, log->code[i]);
        if (log->prio != NULL && log->prio[i] > 0)
            priority = log->prio[i];
        if (cls & ITSM__CLK_CANCEL)
            return SIZE_MAX;
        if (cls & ITSM__CLK_START) {
            r->priority = priority;
            return i;
        }
    }
    return SIZE_MAX;
}

static int begin_retro(run *r)
{
    unsigned cls = itsm__clock_class(r->def, r->log->code[0]);
    bool paused = (r->def->flags & ITSM_CLOCK_RETRO_PAUSE) && (cls & ITSM__CLK_PAUSE);
    r->cycles = 1;
    int rc = begin(r, r->log->t[0], paused ? P_PAUSED : P_RUNNING);
    take_snapshot(r, 1);
    return rc;
}

/* The log's instants never decrease; `*seen` = the number of events at or before as of. */
static int check_order(const itsm__clock_log *log, itsm_instant as_of, size_t *seen, size_t *where)
{
    size_t n = 0;
    while (n < log->n && log->t[n] <= as_of && (n == 0 || log->t[n] >= log->t[n - 1]))
        n++;
    *seen = n;
    for (size_t i = n > 0 ? n : 1; i < log->n; i++)
        if (log->t[i] < log->t[i - 1]) {
            *where = i;
            return itsm__error(ITSM_EINVAL, "instant %lld is before the previous event's %lld (sort the log by "
                                            "instant; events at equal instants keep their order)",
                               (long long)log->t[i], (long long)log->t[i - 1]);
        }
    return ITSM_OK;
}

/* Projected instant of mark k when the clock runs on from `from` with nothing paused. */
static int project(int64_t *out, const run *r, const cycle *c, int64_t from, size_t k)
{
    if (c->at[k] != NONE) {
        *out = c->at[k];
        return ITSM_OK;
    }
    return mark_at(out, r, c, from, elapsed_of(c), c->need[k]);
}

static itsm_clock_state state_of(const cycle *c)
{
    switch (c->ph) {
    case P_NOT_STARTED:
        return ITSM_CLOCK_NOT_STARTED;
    case P_RUNNING:
        return ITSM_CLOCK_RUNNING;
    case P_PAUSED:
        return ITSM_CLOCK_PAUSED;
    case P_STOPPED:
        return elapsed_of(c) > c->target ? ITSM_CLOCK_BREACHED : ITSM_CLOCK_MET;
    default:
        return ITSM_CLOCK_CANCELLED;
    }
}

static void fill_counts(itsm_clock_result *out, const run *r, const cycle *c, bool live)
{
    out->state = state_of(c);
    out->priority = c->ph == P_NOT_STARTED ? r->priority : c->priority;
    out->start = live ? c->start : NONE;
    out->stop = c->ph == P_STOPPED ? c->stop : NONE;
    out->elapsed_business = c->eb;
    out->elapsed_actual = c->ea;
    out->paused_business = c->pb;
    out->paused_actual = c->pa;
    out->target = live ? c->target : 0;
    out->remaining = live ? c->target - elapsed_of(c) : 0;
    int64_t e = elapsed_of(c);
    out->permille = !live ? 0 : c->target > 0 ? e * 1000 / c->target : (e > 0 ? INT64_MAX : 0);
    bool breached = live && c->ph != P_CANCELLED && e > c->target;
    out->breached = breached;
    out->ever_breached = r->ever || breached;
    out->cycles = r->cycles;
    out->breached_cycles = r->breached_cycles + breached;
    out->reopens = r->reopens + c->reopens;
    out->n_thresholds = (int32_t)(r->marks - 1);
}

/* Deadline and thresholds: reached, or projected from as of (running, paused) or from the
 * stop (the deadline of a met clock). */
static int fill_marks(itsm_clock_result *out, const run *r, const cycle *c, int64_t as_of)
{
    size_t n = r->marks - 1;
    for (size_t k = 0; k < ITSM_CLOCK_MAX_THRESHOLDS; k++)
        out->threshold_at[k] = NONE;
    out->deadline = NONE;
    if (c->ph == P_NOT_STARTED || c->ph == P_CANCELLED)
        return ITSM_OK;
    bool active = c->ph == P_RUNNING || c->ph == P_PAUSED;
    int64_t from = active ? as_of : c->stop;
    int rc = ITSM_OK;
    if (r->want.deadline)
        rc = project(&out->deadline, r, c, from, n);
    for (size_t k = 0; rc == ITSM_OK && r->want.thresholds && k < n; k++) {
        if (active)
            rc = project(&out->threshold_at[k], r, c, from, k);
        else
            out->threshold_at[k] = c->at[k];
    }
    return rc;
}

int itsm__clock_run(itsm_clock_result *out, size_t *where, const itsm_clock_definition *def,
                    const itsm__clock_log *log, itsm_instant as_of, itsm__clock_want want,
                    itsm__clock_cache *cache)
{
    run r;
    r.def = def;
    r.cache = cache;
    r.log = log;
    r.want = want;
    r.marks = def->n_thresholds + 1;
    r.retro_start = SIZE_MAX;
    r.priority = log->priority;
    r.snapshots = def->retarget_policy == ITSM_RETARGET_RECOMPUTE && def->n_priority > 0 && log->prio != NULL;
    r.cycles = r.breached_cycles = r.reopens = 0;
    r.ever = false;
    reset(&r.cur, P_NOT_STARTED, INT64_MIN);
    size_t n = 0;
    int rc = check_order(log, as_of, &n, where);
    if (rc == ITSM_OK && n > 0 && (def->flags & ITSM_CLOCK_RETRO_START)) {
        r.retro_start = find_retro_start(&r, n);
        if (r.retro_start != SIZE_MAX)
            rc = begin_retro(&r);
        *where = 0;
    }
    size_t i = r.retro_start != SIZE_MAX ? 1 : 0;
    for (; rc == ITSM_OK && i < n; i++) {
        *where = i;
        rc = process(&r, i, false);
    }
    if (rc == ITSM_OK) {
        *where = log->n;
        rc = advance(&r, as_of);
    }
    if (rc != ITSM_OK)
        return rc;
    bool live = r.cycles > 0;
    fill_counts(out, &r, &r.cur, live);
    return fill_marks(out, &r, &r.cur, as_of);
}
