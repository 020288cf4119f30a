/* Public entry points of clock evaluation: one record from arrays or from an incident, and
 * many records in CSR layout into caller-allocated columns. */
#include "clock/clock_internal.h"
#include "internal.h"
#include "model/incident_internal.h"

#include <string.h>

static const itsm__clock_want want_all = {true, true};

/* "event 3: ..." or "as_of: ..." in front of the evaluator's message. */
static int locate(int rc, const char *fn, size_t where, size_t n)
{
    if (where >= n)
        return itsm__error_prefix(rc, "%s: as_of", fn);
    return itsm__error_prefix(rc, "%s: event %zu", fn, where);
}

static int check_log(const char *fn, const itsm_instant *t, const int32_t *code, size_t n)
{
    if (n > 0 && (t == NULL || code == NULL))
        return itsm__error(ITSM_EINVAL, "%s: %s is NULL with %zu events", fn, t == NULL ? "instants" : "codes", n);
    return ITSM_OK;
}

itsm_status itsm_clock_evaluate(itsm_clock_result *out, const itsm_clock_definition *def,
                                const itsm_instant *instants, const int32_t *codes, const int32_t *priorities,
                                size_t n, itsm_instant as_of)
{
    static const char fn[] = "itsm_clock_evaluate";
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(def);
    int rc = check_log(fn, instants, codes, n);
    if (rc != ITSM_OK)
        return rc;
    itsm__clock_log log = {instants, codes, priorities, n, 0};
    itsm_clock_result res;
    size_t where = 0;
    rc = itsm__clock_run(&res, &where, def, &log, as_of, want_all, NULL);
    if (rc != ITSM_OK)
        return locate(rc, fn, where, n);
    *out = res;
    return ITSM_OK;
}

/* Histories this long are evaluated from the stack; longer ones are copied to the heap. */
#define INCIDENT_STACK_EVENTS 64

itsm_status itsm_clock_evaluate_incident(itsm_clock_result *out, const itsm_clock_definition *def,
                                         const itsm_incident *incident, itsm_instant as_of)
{
    static const char fn[] = "itsm_clock_evaluate_incident";
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(def);
    ITSM__CHECK_ARG(incident);
    size_t n = incident->change_count;
    itsm_instant t_stack[INCIDENT_STACK_EVENTS];
    int32_t c_stack[INCIDENT_STACK_EVENTS];
    itsm_instant *t = t_stack;
    int32_t *code = c_stack;
    if (n > INCIDENT_STACK_EVENTS) {
        t = itsm__malloc(n * sizeof *t, "incident events");
        code = t == NULL ? NULL : itsm__malloc(n * sizeof *code, "incident events");
        if (code == NULL) {
            itsm__free(t);
            return ITSM_ENOMEM;
        }
    }
    for (size_t i = 0; i < n; i++) {
        t[i] = incident->changes[i].at;
        code[i] = (int32_t)incident->changes[i].status;
    }
    /* The incident's priority applies throughout. */
    itsm__clock_log log = {t, code, NULL, n, incident->level[ITSM_INCIDENT_PRIORITY]};
    itsm_clock_result res;
    size_t where = 0;
    int rc = itsm__clock_run(&res, &where, def, &log, as_of, want_all, NULL);
    if (t != t_stack) {
        itsm__free(t);
        itsm__free(code);
    }
    if (rc != ITSM_OK)
        return locate(rc, fn, where, n);
    *out = res;
    return ITSM_OK;
}

/* ---- batches ----------------------------------------------------------------------------- */

static int check_offsets(const int64_t *offsets, size_t n_records, size_t n_events)
{
    static const char fn[] = "itsm_clock_evaluate_many";
    if (offsets[0] < 0)
        return itsm__error(ITSM_EINVAL, "%s: offsets[0] = %lld is negative", fn, (long long)offsets[0]);
    for (size_t r = 0; r < n_records; r++)
        if (offsets[r + 1] < offsets[r])
            return itsm__error(ITSM_EINVAL, "%s: offsets[%zu] = %lld is less than offsets[%zu] = %lld", fn, r + 1,
                               (long long)offsets[r + 1], r, (long long)offsets[r]);
    if ((uint64_t)offsets[n_records] > (uint64_t)n_events)
        return itsm__error(ITSM_EINVAL, "%s: offsets[%zu] = %lld is past the %zu events", fn, n_records,
                           (long long)offsets[n_records], n_events);
    return ITSM_OK;
}

static void put_row(const itsm_clock_columns *c, size_t r, const itsm_clock_result *x, size_t nt)
{
    if (c->state != NULL)
        c->state[r] = (int32_t)x->state;
    if (c->priority != NULL)
        c->priority[r] = x->priority;
    if (c->start != NULL)
        c->start[r] = x->start;
    if (c->stop != NULL)
        c->stop[r] = x->stop;
    if (c->elapsed_business != NULL)
        c->elapsed_business[r] = x->elapsed_business;
    if (c->elapsed_actual != NULL)
        c->elapsed_actual[r] = x->elapsed_actual;
    if (c->paused_business != NULL)
        c->paused_business[r] = x->paused_business;
    if (c->paused_actual != NULL)
        c->paused_actual[r] = x->paused_actual;
    if (c->target != NULL)
        c->target[r] = x->target;
    if (c->remaining != NULL)
        c->remaining[r] = x->remaining;
    if (c->permille != NULL)
        c->permille[r] = x->permille;
    if (c->deadline != NULL)
        c->deadline[r] = x->deadline;
    if (c->threshold_at != NULL)
        memcpy(c->threshold_at + r * nt, x->threshold_at, nt * sizeof *x->threshold_at);
    if (c->breached != NULL)
        c->breached[r] = (uint8_t)x->breached;
    if (c->ever_breached != NULL)
        c->ever_breached[r] = (uint8_t)x->ever_breached;
    if (c->cycles != NULL)
        c->cycles[r] = x->cycles;
    if (c->breached_cycles != NULL)
        c->breached_cycles[r] = x->breached_cycles;
    if (c->reopens != NULL)
        c->reopens[r] = x->reopens;
}

/* A record that could not be evaluated, when errors go to the status column: its row
 * reads "not started" with no instants. */
static void put_failed_row(const itsm_clock_columns *c, size_t r, int rc, size_t nt)
{
    itsm_clock_result x;
    memset(&x, 0, sizeof x);
    x.start = x.stop = x.deadline = ITSM_CLOCK_NO_INSTANT;
    for (size_t k = 0; k < ITSM_CLOCK_MAX_THRESHOLDS; k++)
        x.threshold_at[k] = ITSM_CLOCK_NO_INSTANT;
    put_row(c, r, &x, nt);
    c->status[r] = rc;
}

itsm_status itsm_clock_evaluate_many(const itsm_clock_columns *columns, const itsm_clock_definition *def,
                                     const int64_t *offsets, size_t n_records, const itsm_instant *instants,
                                     const int32_t *codes, const int32_t *priorities, size_t n_events,
                                     itsm_instant as_of)
{
    static const char fn[] = "itsm_clock_evaluate_many";
    ITSM__CHECK_ARG(columns);
    ITSM__CHECK_ARG(def);
    ITSM__CHECK_ARG(offsets);
    if (columns->version < 1 || columns->version > ITSM_CLOCK_COLUMNS_VERSION)
        return itsm__error(ITSM_EVERSION, "%s: columns version %u is not 1..%d", fn, columns->version,
                           ITSM_CLOCK_COLUMNS_VERSION);
    int rc = check_log(fn, instants, codes, n_events);
    if (rc == ITSM_OK)
        rc = check_offsets(offsets, n_records, n_events);
    if (rc != ITSM_OK)
        return rc;
    itsm__clock_want want = {columns->deadline != NULL, columns->threshold_at != NULL};
    size_t nt = def->n_thresholds;
    itsm__clock_cache cache;
    memset(&cache, 0, sizeof cache);
    for (size_t r = 0; r < n_records; r++) {
        size_t lo = (size_t)offsets[r], n = (size_t)(offsets[r + 1] - offsets[r]);
        itsm__clock_log log = {instants + lo, codes + lo, priorities == NULL ? NULL : priorities + lo, n, 0};
        itsm_clock_result x;
        size_t where = 0;
        rc = itsm__clock_run(&x, &where, def, &log, as_of, want, &cache);
        if (rc == ITSM_OK) {
            put_row(columns, r, &x, nt);
            if (columns->status != NULL)
                columns->status[r] = ITSM_OK;
            continue;
        }
        rc = where >= n ? itsm__error_prefix(rc, "%s: record %zu, as_of", fn, r)
                        : itsm__error_prefix(rc, "%s: record %zu, event %zu", fn, r, where);
        if (columns->status == NULL)
            return rc;
        put_failed_row(columns, r, rc, nt);
    }
    return ITSM_OK;
}

itsm_status itsm_clock_state_name(const char **out, itsm_clock_state state)
{
    static const char *const names[] = {"not_started", "running", "paused", "met", "breached", "cancelled"};
    ITSM__CHECK_ARG(out);
    if ((int)state < 0 || (size_t)state >= sizeof names / sizeof names[0])
        return itsm__error(ITSM_EINVAL, "itsm_clock_state_name: %d is not an itsm_clock_state", (int)state);
    *out = names[state];
    return ITSM_OK;
}
