/* Duration items: the clock over the selected incidents, in one batch call. */
#include "common/internal.h"
#include "report/measure.h"

#include <string.h>

/* Codes of status names (defaults when the metric names none). */
static int codes_of(int32_t **out, size_t *n, itsm__ritem *ri, const itsm__measure_ctx *c, itsm_sla_names names,
                    const char *const *defaults, size_t n_defaults)
{
    const char *const *list = names.count > 0 ? names.names : defaults;
    size_t count = names.count > 0 ? names.count : n_defaults;
    *n = count;
    *out = count ? itsm__malloc(count * sizeof **out, "clock codes") : NULL;
    if (count && *out == NULL)
        return ITSM_ENOMEM;
    for (size_t i = 0; i < count; i++) {
        int32_t k = itsm__strtab_find(&c->ds->statuses, list[i]);
        if (k < 0)
            return itsm__report_unevaluable(ri, "status '%s' has no code in the dataset", list[i]);
        (*out)[i] = c->ds->status_codes[k];
    }
    return ITSM_OK;
}

/* The clock's target from a level cell. */
static int target_of(itsm_deadline *out, itsm__ritem *ri, const itsm__measure_ctx *c, const itsm_sla_level *cell)
{
    memset(out, 0, sizeof *out);
    if (cell->kind == ITSM_SLA_LEVEL_DEADLINE) {
        if (itsm_deadline_parse(out, cell->deadline) != ITSM_OK)
            return itsm__report_unevaluable(ri, "deadline '%s' is not understood", cell->deadline);
        out->calendar[0] = '\0'; /* "excluding vendor holidays": the item's calendar is the vendor's */
        return ITSM_OK;
    }
    int64_t limit = 0;
    if (itsm__report_limit(&limit, cell, c->unit) != ITSM_OK || limit <= 0)
        return itsm__report_unevaluable(ri, "the agreed threshold is not a duration limit (<= or < a time)");
    out->kind = ITSM_DEADLINE_BUSINESS;
    out->amount = limit;
    return ITSM_OK;
}

/* Texts of a record's selector keys. */
static const char *key_text(const itsm_dataset *ds, int32_t k)
{
    return k < 0 ? NULL : ds->strings.names[k];
}

/* Indices of the selected incidents; `*all` when every incident is selected. */
static int select_records(int64_t **out, size_t *n, bool *all, const itsm__measure_ctx *c)
{
    const itsm__incidents *in = &c->ds->inc;
    const itsm_sla_selector *s = &c->selector;
    *all = s->priority_count == 0 && s->categories.count == 0 && s->services.count == 0 && s->cis.count == 0;
    *out = NULL;
    *n = 0;
    if (*all || in->n == 0)
        return ITSM_OK;
    *out = itsm__malloc(in->n * sizeof **out, "selected records");
    if (*out == NULL)
        return ITSM_ENOMEM;
    for (size_t r = 0; r < in->n; r++) {
        int yes = 0;
        int rc = itsm_sla_item_selects(&yes, c->item, in->priority[r], key_text(c->ds, in->category[r]),
                                       key_text(c->ds, in->service[r]), key_text(c->ds, in->ci[r]));
        if (rc != ITSM_OK)
            return rc;
        if (yes)
            (*out)[(*n)++] = (int64_t)r;
    }
    return ITSM_OK;
}

typedef struct csr {
    int64_t *offsets;
    itsm_instant *instants;
    int32_t *codes, *priorities;
    size_t n_events;
} csr;

static void csr_free(csr *g)
{
    itsm__free(g->offsets);
    itsm__free(g->instants);
    itsm__free(g->codes);
    itsm__free(g->priorities);
}

/* The events of the selected records, gathered. */
static int gather(csr *g, const itsm__incidents *in, const int64_t *sel, size_t n)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += (size_t)(in->offsets[sel[i] + 1] - in->offsets[sel[i]]);
    g->offsets = itsm__malloc((n + 1) * sizeof *g->offsets, "selected events");
    g->instants = itsm__malloc((total ? total : 1) * sizeof *g->instants, "selected events");
    g->codes = itsm__malloc((total ? total : 1) * sizeof *g->codes, "selected events");
    g->priorities = itsm__malloc((total ? total : 1) * sizeof *g->priorities, "selected events");
    if (!g->offsets || !g->instants || !g->codes || !g->priorities)
        return ITSM_ENOMEM;
    g->offsets[0] = 0;
    for (size_t i = 0; i < n; i++) {
        int64_t a = in->offsets[sel[i]], len = in->offsets[sel[i] + 1] - a, at = g->offsets[i];
        memcpy(g->instants + at, in->instants + a, (size_t)len * sizeof *g->instants);
        memcpy(g->codes + at, in->codes + a, (size_t)len * sizeof *g->codes);
        memcpy(g->priorities + at, in->ev_priorities + a, (size_t)len * sizeof *g->priorities);
        g->offsets[i + 1] = at + len;
    }
    g->n_events = total;
    return ITSM_OK;
}

typedef struct clock_out {
    int32_t *state;
    itsm_instant *start, *stop, *deadline;
    int64_t *elapsed, *target;
    uint8_t *breached;
} clock_out;

static void clock_out_free(clock_out *o)
{
    itsm__free(o->state);
    itsm__free(o->start);
    itsm__free(o->stop);
    itsm__free(o->deadline);
    itsm__free(o->elapsed);
    itsm__free(o->target);
    itsm__free(o->breached);
}

static int clock_out_alloc(clock_out *o, size_t n)
{
    size_t k = n ? n : 1;
    o->state = itsm__malloc(k * 4, "clock results");
    o->start = itsm__malloc(k * 8, "clock results");
    o->stop = itsm__malloc(k * 8, "clock results");
    o->deadline = itsm__malloc(k * 8, "clock results");
    o->elapsed = itsm__malloc(k * 8, "clock results");
    o->target = itsm__malloc(k * 8, "clock results");
    o->breached = itsm__malloc(k, "clock results");
    return o->state && o->start && o->stop && o->deadline && o->elapsed && o->target && o->breached ? ITSM_OK
                                                                                                      : ITSM_ENOMEM;
}

static int build_definition(itsm_clock_definition **def, itsm__ritem *ri, const itsm__measure_ctx *c,
                            const itsm_deadline *target)
{
    static const char *const start_default[] = {"new"}, *const stop_default[] = {"resolved", "closed"};
    int32_t *start = NULL, *pause = NULL, *stop = NULL, *cancel = NULL;
    size_t ns = 0, np = 0, nt = 0, nc = 0;
    int rc = codes_of(&start, &ns, ri, c, c->metric.start, start_default, 1);
    if (rc == ITSM_OK)
        rc = codes_of(&pause, &np, ri, c, c->metric.pause, NULL, 0);
    if (rc == ITSM_OK)
        rc = codes_of(&stop, &nt, ri, c, c->metric.stop, stop_default, 2);
    if (rc == ITSM_OK)
        rc = codes_of(&cancel, &nc, ri, c, c->metric.cancel, NULL, 0);
    itsm_clock_options o = ITSM_CLOCK_OPTIONS_INIT;
    o.start = start;
    o.n_start = ns;
    o.pause = pause;
    o.n_pause = np;
    o.stop = stop;
    o.n_stop = nt;
    o.cancel = cancel;
    o.n_cancel = nc;
    o.calendar = c->cal;
    o.target = *target;
    /* Without "reopen" the first stop is final: reopenings count only when the item says so. */
    o.reopen_policy = c->metric.reopen == NULL                   ? ITSM_REOPEN_NEVER
                      : strcmp(c->metric.reopen, "new_cycle") == 0 ? ITSM_REOPEN_NEW_CYCLE
                                                                   : ITSM_REOPEN_CONTINUE;
    if (c->metric.retarget != NULL && strcmp(c->metric.retarget, "restart") == 0)
        o.retarget_policy = ITSM_RETARGET_RESTART;
    if (rc == ITSM_OK) {
        rc = itsm_clock_definition_new(def, &o);
        if (rc != ITSM_OK && rc != ITSM_ENOMEM) /* a definition the item's words do not make */
            rc = itsm__report_unevaluable(ri, "clock: %s", itsm_error_last());
    }
    itsm__free(start);
    itsm__free(pause);
    itsm__free(stop);
    itsm__free(cancel);
    return rc;
}

/* Place record i in the period (or at risk) and collect its duration. */
static int count_record(itsm__durations *d, itsm__ritem *ri, const itsm__measure_ctx *c, const clock_out *o,
                        size_t i, const char *id, int64_t index)
{
    itsm_clock_state st = (itsm_clock_state)o->state[i];
    if (st == ITSM_CLOCK_CANCELLED || st == ITSM_CLOCK_NOT_STARTED)
        return ITSM_OK;
    bool open = st == ITSM_CLOCK_RUNNING || st == ITSM_CLOCK_PAUSED;
    itsm_instant place = c->counting == ITSM_COUNT_BY_START ? o->start[i] : open ? o->deadline[i] : o->stop[i];
    if (open && !o->breached[i]) {
        ri->pub.at_risk += o->start[i] < c->period.to &&
                           (c->counting == ITSM_COUNT_BY_STOP || itsm__report_in_period(c, o->start[i]));
        return ITSM_OK;
    }
    if (!itsm__report_in_period(c, place))
        return ITSM_OK;
    d->seconds[d->n++] = o->elapsed[i];
    if (!o->breached[i])
        return ITSM_OK;
    d->breached++;
    itsm__breach b = {NULL, o->start[i], open ? ITSM_CLOCK_NO_INSTANT : o->stop[i], o->deadline[i],
                      o->elapsed[i], o->target[i], st};
    return itsm__report_add_breach(ri, c, id, index, &b);
}

static int run_clock(itsm_sla_measure *m, itsm__ritem *ri, const itsm__measure_ctx *c, const itsm_deadline *target)
{
    itsm_clock_definition *def = NULL;
    int64_t *sel = NULL;
    size_t n = 0;
    bool all = false;
    csr g = {0};
    clock_out o = {0};
    itsm__durations d = {0};
    const itsm__incidents *in = &c->ds->inc;
    int rc = build_definition(&def, ri, c, target);
    if (rc == ITSM_OK)
        rc = select_records(&sel, &n, &all, c);
    if (rc == ITSM_OK && !all)
        rc = gather(&g, in, sel, n);
    if (all)
        n = in->n;
    if (rc == ITSM_OK)
        rc = clock_out_alloc(&o, n);
    if (rc == ITSM_OK && (d.seconds = itsm__malloc((n ? n : 1) * sizeof *d.seconds, "durations")) == NULL)
        rc = ITSM_ENOMEM;
    if (rc == ITSM_OK && n > 0) {
        itsm_clock_columns cols = ITSM_CLOCK_COLUMNS_INIT;
        cols.state = o.state;
        cols.start = o.start;
        cols.stop = o.stop;
        cols.deadline = o.deadline;
        cols.target = o.target;
        cols.breached = o.breached;
        if (target->kind == ITSM_DEADLINE_ELAPSED)
            cols.elapsed_actual = o.elapsed;
        else
            cols.elapsed_business = o.elapsed;
        rc = all ? itsm_clock_evaluate_many(&cols, def, in->offsets, n, in->instants, in->codes, in->ev_priorities,
                                            in->n_events, c->as_of)
                 : itsm_clock_evaluate_many(&cols, def, g.offsets, n, g.instants, g.codes, g.priorities, g.n_events,
                                            c->as_of);
        if (rc != ITSM_OK)
            rc = itsm__error_prefix(rc, "item '%s'", ri->id);
    }
    for (size_t i = 0; rc == ITSM_OK && i < n; i++) {
        int64_t r = all ? (int64_t)i : sel[i];
        rc = count_record(&d, ri, c, &o, i, in->ids[r], r);
    }
    if (rc == ITSM_OK)
        rc = itsm__report_aggregate(m, ri, c, &d);
    itsm__free(d.seconds);
    clock_out_free(&o);
    csr_free(&g);
    itsm__free(sel);
    itsm_clock_definition_free(def);
    return rc;
}

int itsm__measure_clock(itsm_sla_measure *m, itsm__ritem *ri, const itsm__measure_ctx *c)
{
    if (c->cal == NULL)
        return itsm__report_unevaluable(ri, "a duration item needs a calendar");
    itsm_sla_level cell;
    int rc = itsm_sla_item_level(&cell, c->item, c->target_level);
    if (rc != ITSM_OK)
        return rc;
    itsm_deadline target;
    rc = target_of(&target, ri, c, &cell);
    if (rc != ITSM_OK)
        return rc;
    return run_clock(m, ri, c, &target);
}
