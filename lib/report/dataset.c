/* Datasets and calendar sets: operational data copied column-wise for reports. */
#include "common/internal.h"
#include "report/report_internal.h"

#include <string.h>

/* ---- interned strings ---------------------------------------------------------------------------- */

static uint64_t hash_text(const char *s)
{
    uint64_t h = 1469598103934665603u;
    for (; *s != '\0'; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

int32_t itsm__strtab_find(const itsm__strtab *tab, const char *name)
{
    if (tab->slot_cap == 0)
        return -1;
    for (size_t i = hash_text(name) & (tab->slot_cap - 1);; i = (i + 1) & (tab->slot_cap - 1)) {
        int32_t k = tab->slots[i];
        if (k < 0 || strcmp(tab->names[k], name) == 0)
            return k;
    }
}

static int rehash(itsm__strtab *tab)
{
    size_t cap = tab->slot_cap == 0 ? 16 : tab->slot_cap * 2;
    int32_t *slots = itsm__malloc(cap * sizeof *slots, "string table");
    if (slots == NULL)
        return ITSM_ENOMEM;
    memset(slots, 0xff, cap * sizeof *slots);
    for (size_t k = 0; k < tab->count; k++) {
        size_t i = hash_text(tab->names[k]) & (cap - 1);
        while (slots[i] >= 0)
            i = (i + 1) & (cap - 1);
        slots[i] = (int32_t)k;
    }
    itsm__free(tab->slots);
    tab->slots = slots;
    tab->slot_cap = cap;
    return ITSM_OK;
}

int itsm__strtab_intern(int32_t *out, itsm__strtab *tab, const char *name)
{
    int32_t k = itsm__strtab_find(tab, name);
    if (k >= 0) {
        *out = k;
        return ITSM_OK;
    }
    if (tab->count >= INT32_MAX - 1)
        return itsm__error(ITSM_ERANGE, "string table: too many distinct names");
    int rc = itsm__reserve((void **)&tab->names, &tab->cap, tab->count + 1, sizeof *tab->names, "string table");
    if (rc == ITSM_OK && (tab->count + 1) * 2 > tab->slot_cap)
        rc = rehash(tab);
    char *copy = rc == ITSM_OK ? itsm__strdup(name, "string table") : NULL;
    if (copy == NULL)
        return rc == ITSM_OK ? ITSM_ENOMEM : rc;
    tab->names[tab->count] = copy;
    size_t i = hash_text(name) & (tab->slot_cap - 1);
    while (tab->slots[i] >= 0)
        i = (i + 1) & (tab->slot_cap - 1);
    tab->slots[i] = (int32_t)tab->count;
    *out = (int32_t)tab->count++;
    return ITSM_OK;
}

void itsm__strtab_clear(itsm__strtab *tab)
{
    for (size_t k = 0; k < tab->count; k++)
        itsm__free(tab->names[k]);
    itsm__free(tab->names);
    itsm__free(tab->slots);
    memset(tab, 0, sizeof *tab);
}

/* ---- dataset ----------------------------------------------------------------------------------- */

static const char *const default_statuses[] = {"new", "active", "on_hold", "resolved", "closed"};

itsm_status itsm_dataset_new(itsm_dataset **out)
{
    ITSM__CHECK_ARG(out);
    *out = NULL;
    itsm_dataset *ds = itsm__calloc(1, sizeof *ds, "dataset");
    if (ds == NULL)
        return ITSM_ENOMEM;
    for (int32_t i = 0; i < 5; i++) {
        int rc = itsm_dataset_set_status_code(ds, default_statuses[i], i);
        if (rc != ITSM_OK) {
            itsm_dataset_free(ds);
            return rc;
        }
    }
    *out = ds;
    return ITSM_OK;
}

static void free_strings(char **s, size_t n)
{
    for (size_t i = 0; s != NULL && i < n; i++)
        itsm__free(s[i]);
    itsm__free(s);
}

void itsm_dataset_free(itsm_dataset *ds)
{
    if (ds == NULL)
        return;
    itsm__strtab_clear(&ds->strings);
    itsm__strtab_clear(&ds->statuses);
    itsm__free(ds->status_codes);
    free_strings(ds->declared, ds->declared_items.count);
    itsm__strtab_clear(&ds->declared_items);
    itsm__incidents *in = &ds->inc;
    void *incident_arrays[] = {in->offsets, in->instants, in->codes, in->ev_priorities, in->priority,
                               in->category, in->service, in->ci, in->opened};
    for (size_t i = 0; i < sizeof incident_arrays / sizeof incident_arrays[0]; i++)
        itsm__free(incident_arrays[i]);
    free_strings(in->ids, in->n);
    void *other[] = {ds->ev.kind, ds->ev.record, ds->ev.at, ds->calls.outcome, ds->calls.flags,
                     ds->calls.include, ds->calls.wait, ds->calls.caller, ds->calls.arrival, ds->out.start,
                     ds->out.end, ds->out.flags, ds->out.exclusion, ds->out.share, ds->bk.points,
                     ds->bk.completed, ds->bk.succeeded, ds->dl.report, ds->dl.due, ds->dl.delivered, ds->dl.mask};
    for (size_t i = 0; i < sizeof other / sizeof other[0]; i++)
        itsm__free(other[i]);
    free_strings(ds->out.ids, ds->out.n);
    itsm__free(ds);
}

itsm_status itsm_dataset_set_status_code(itsm_dataset *ds, const char *name, int32_t code)
{
    ITSM__CHECK_ARG(ds);
    ITSM__CHECK_ARG(name);
    if (name[0] == '\0')
        return itsm__error(ITSM_EINVAL, "%s: empty status name", __func__);
    int32_t k = 0;
    int rc = itsm__reserve((void **)&ds->status_codes, &ds->status_cap, ds->statuses.count + 1,
                           sizeof *ds->status_codes, "status codes");
    if (rc == ITSM_OK)
        rc = itsm__strtab_intern(&k, &ds->statuses, name);
    if (rc == ITSM_OK)
        ds->status_codes[k] = code;
    return rc;
}

itsm_status itsm_dataset_status_code(int32_t *out, const itsm_dataset *ds, const char *name)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(ds);
    ITSM__CHECK_ARG(name);
    int32_t k = itsm__strtab_find(&ds->statuses, name);
    if (k < 0)
        return itsm__error(ITSM_ENOTFOUND, "status '%s' has no code in the dataset (itsm_dataset_set_status_code)",
                           name);
    *out = ds->status_codes[k];
    return ITSM_OK;
}

size_t itsm_dataset_incident_count(const itsm_dataset *ds)
{
    return ds == NULL ? 0 : ds->inc.n;
}

/* Grow every array of `arrays` (element sizes `sizes`) to hold `need` elements. */
static int reserve_all(void **const *arrays, const size_t *sizes, size_t count, size_t *cap, size_t need,
                       const char *what)
{
    if (need <= *cap)
        return ITSM_OK;
    size_t new_cap = *cap < 16 ? 16 : *cap;
    while (new_cap < need)
        new_cap = new_cap > SIZE_MAX / 4 ? need : new_cap * 2;
    for (size_t i = 0; i < count; i++) {
        size_t c = *cap;
        int rc = itsm__reserve(arrays[i], &c, new_cap, sizes[i], what);
        if (rc != ITSM_OK)
            return rc;
    }
    *cap = new_cap;
    return ITSM_OK;
}

static int check_instant(itsm_instant t, const char *array, size_t i)
{
    if (t < ITSM_INSTANT_MIN || t > ITSM_INSTANT_MAX)
        return itsm__error(ITSM_ERANGE, "%s[%zu]: instant out of range", array, i);
    return ITSM_OK;
}

static int check_incident_columns(const itsm_incident_columns *c)
{
    if (c->version < 1 || c->version > ITSM_INCIDENT_COLUMNS_VERSION)
        return itsm__error(ITSM_EVERSION, "itsm_dataset_add_incidents: unknown columns version %u", c->version);
    if (c->offsets == NULL || (c->n_events > 0 && (c->instants == NULL || c->codes == NULL)))
        return itsm__error(ITSM_EINVAL, "itsm_dataset_add_incidents: offsets, instants and codes are required");
    if (c->offsets[0] != 0 || c->offsets[c->n_records] != (int64_t)c->n_events)
        return itsm__error(ITSM_EINVAL, "itsm_dataset_add_incidents: offsets must run from 0 to n_events (%zu)",
                           c->n_events);
    for (size_t r = 0; r < c->n_records; r++) {
        if (c->offsets[r + 1] < c->offsets[r])
            return itsm__error(ITSM_EINVAL, "itsm_dataset_add_incidents: offsets[%zu] decreases", r + 1);
        for (int64_t e = c->offsets[r] + 1; e < c->offsets[r + 1]; e++)
            if (c->instants[e] < c->instants[e - 1])
                return itsm__error(ITSM_EINVAL, "itsm_dataset_add_incidents: record %zu: instants[%lld] is before "
                                                "the event before it", r, (long long)e);
        if (c->opened != NULL && check_instant(c->opened[r], "opened", r) != ITSM_OK)
            return ITSM_ERANGE;
    }
    for (size_t e = 0; e < c->n_events; e++)
        if (check_instant(c->instants[e], "instants", e) != ITSM_OK)
            return ITSM_ERANGE;
    return ITSM_OK;
}

static int reserve_incidents(itsm__incidents *in, size_t n_records, size_t n_events)
{
    void **rec[] = {(void **)&in->ids,      (void **)&in->priority, (void **)&in->category,
                    (void **)&in->service,  (void **)&in->ci,       (void **)&in->opened};
    size_t rs[] = {sizeof(char *), 4, 4, 4, 4, 8};
    size_t cap = in->cap;
    int rc = reserve_all(rec, rs, 6, &cap, in->n + n_records, "incidents");
    size_t ocap = in->offsets != NULL ? in->cap + 1 : 0;
    if (rc == ITSM_OK)
        rc = itsm__reserve((void **)&in->offsets, &ocap, cap + 1, sizeof *in->offsets, "incidents");
    if (rc != ITSM_OK)
        return rc;
    in->cap = cap;
    void **ev[] = {(void **)&in->instants, (void **)&in->codes, (void **)&in->ev_priorities};
    size_t es[] = {8, 4, 4};
    return reserve_all(ev, es, 3, &in->ev_cap, in->n_events + n_events, "incident events");
}

static int intern_text(int32_t *out, itsm_dataset *ds, const char *const *texts, size_t i)
{
    *out = -1;
    if (texts == NULL || texts[i] == NULL)
        return ITSM_OK;
    return itsm__strtab_intern(out, &ds->strings, texts[i]);
}

static int add_record_keys(itsm_dataset *ds, const itsm_incident_columns *c, size_t r, size_t at)
{
    itsm__incidents *in = &ds->inc;
    in->ids[at] = NULL;
    in->priority[at] = c->priority != NULL ? c->priority[r] : 0;
    int64_t first = c->offsets[r];
    in->opened[at] = c->opened != NULL ? c->opened[r]
                     : first < c->offsets[r + 1] ? c->instants[first] : ITSM_CLOCK_NO_INSTANT;
    int rc = intern_text(&in->category[at], ds, c->category, r);
    if (rc == ITSM_OK)
        rc = intern_text(&in->service[at], ds, c->service, r);
    if (rc == ITSM_OK)
        rc = intern_text(&in->ci[at], ds, c->ci, r);
    if (rc == ITSM_OK && c->ids != NULL && c->ids[r] != NULL && (in->ids[at] = itsm__strdup(c->ids[r], "id")) == NULL)
        rc = ITSM_ENOMEM;
    return rc;
}

itsm_status itsm_dataset_add_incidents(itsm_dataset *ds, const itsm_incident_columns *c)
{
    ITSM__CHECK_ARG(ds);
    ITSM__CHECK_ARG(c);
    int rc = check_incident_columns(c);
    if (rc == ITSM_OK)
        rc = reserve_incidents(&ds->inc, c->n_records, c->n_events);
    if (rc != ITSM_OK)
        return rc;
    itsm__incidents *in = &ds->inc;
    size_t n0 = in->n, e0 = in->n_events;
    if (in->n == 0)
        in->offsets[0] = 0;
    for (size_t r = 0; r < c->n_records; r++) {
        rc = add_record_keys(ds, c, r, in->n);
        if (rc != ITSM_OK) {
            for (size_t i = n0; i <= in->n; i++)
                itsm__free(in->ids[i]);
            in->n = n0; /* all or nothing */
            in->n_events = e0;
            return rc;
        }
        for (int64_t e = c->offsets[r]; e < c->offsets[r + 1]; e++) {
            in->instants[in->n_events] = c->instants[e];
            in->codes[in->n_events] = c->codes[e];
            in->ev_priorities[in->n_events++] = c->priorities != NULL ? c->priorities[e] : 0;
        }
        in->offsets[++in->n] = (int64_t)in->n_events;
    }
    return ITSM_OK;
}

static int add_one_incident(itsm_dataset *ds, const itsm_incident *inc)
{
    size_t n = itsm_incident_status_count(inc);
    itsm_instant *at = n ? itsm__malloc(n * sizeof *at, "incident events") : NULL;
    int32_t *codes = n ? itsm__malloc(n * sizeof *codes, "incident events") : NULL;
    int rc = n && (at == NULL || codes == NULL) ? ITSM_ENOMEM : ITSM_OK;
    for (size_t i = 0; rc == ITSM_OK && i < n; i++) {
        itsm_incident_change ch;
        rc = itsm_incident_status_get(&ch, inc, i);
        at[i] = ch.at;
        codes[i] = (int32_t)ch.status;
    }
    int32_t priority = 0;
    if (rc == ITSM_OK)
        rc = itsm_incident_get_level(&priority, inc, ITSM_INCIDENT_PRIORITY);
    const char *id = itsm_incident_id(inc), *cat = itsm_incident_get_text(inc, ITSM_INCIDENT_CATEGORY);
    const char *svc = itsm_incident_get_text(inc, ITSM_INCIDENT_SERVICE), *ci = itsm_incident_get_text(inc, ITSM_INCIDENT_CI);
    int64_t offsets[2] = {0, (int64_t)n};
    itsm_incident_columns c = ITSM_INCIDENT_COLUMNS_INIT;
    c.n_records = 1;
    c.offsets = offsets;
    c.n_events = n;
    c.instants = at;
    c.codes = codes;
    c.ids = &id;
    c.priority = &priority;
    c.category = &cat;
    c.service = &svc;
    c.ci = &ci;
    if (rc == ITSM_OK)
        rc = itsm_dataset_add_incidents(ds, &c);
    itsm__free(at);
    itsm__free(codes);
    return rc;
}

itsm_status itsm_dataset_add_incident_set(itsm_dataset *ds, const itsm_incident *const *incidents, size_t count)
{
    ITSM__CHECK_ARG(ds);
    if (count > 0)
        ITSM__CHECK_ARG(incidents);
    for (size_t i = 0; i < count; i++) {
        if (incidents[i] == NULL)
            return itsm__error(ITSM_EINVAL, "%s: incidents[%zu] is NULL", __func__, i);
        int rc = add_one_incident(ds, incidents[i]);
        if (rc != ITSM_OK)
            return itsm__error_prefix(rc, "%s: incidents[%zu]", __func__, i);
    }
    return ITSM_OK;
}

itsm_status itsm_dataset_add_incident_stream(itsm_dataset *ds, itsm_incident_stream *stream)
{
    ITSM__CHECK_ARG(ds);
    ITSM__CHECK_ARG(stream);
    for (;;) {
        itsm_incident *inc = NULL;
        int eof = 0;
        int rc = itsm_incident_stream_next(&inc, &eof, stream);
        if (rc != ITSM_OK || eof)
            return rc;
        rc = add_one_incident(ds, inc);
        itsm_incident_free(inc);
        if (rc != ITSM_OK)
            return itsm__error_prefix(rc, "%s: line %zu", __func__, itsm_incident_stream_line(stream));
    }
}

/* ---- other record kinds ---------------------------------------------------------------------------- */

itsm_status itsm_dataset_add_calls(itsm_dataset *ds, const itsm_calls *calls)
{
    ITSM__CHECK_ARG(ds);
    ITSM__CHECK_ARG(calls);
    if (calls->version < 1 || calls->version > ITSM_CALLS_VERSION)
        return itsm__error(ITSM_EVERSION, "%s: unknown calls version %u", __func__, calls->version);
    if (calls->n > 0 && (calls->outcome == NULL || calls->wait == NULL || calls->arrival == NULL))
        return itsm__error(ITSM_EINVAL, "%s: calls.outcome, calls.wait and calls.arrival are required", __func__);
    itsm_call_counts counts;
    itsm_call_params params = ITSM_CALL_PARAMS_INIT;
    int rc = itsm_calls_count(&counts, calls, &params); /* validates every included call */
    for (size_t i = 0; rc == ITSM_OK && i < calls->n; i++)
        rc = check_instant(calls->arrival[i], "calls.arrival", i);
    itsm__calls *c = &ds->calls;
    void **arrays[] = {(void **)&c->outcome, (void **)&c->flags, (void **)&c->include,
                       (void **)&c->wait,    (void **)&c->caller, (void **)&c->arrival};
    size_t sizes[] = {1, 1, 1, 8, 8, 8};
    if (rc == ITSM_OK)
        rc = reserve_all(arrays, sizes, 6, &c->cap, c->n + calls->n, "calls");
    if (rc != ITSM_OK)
        return rc;
    for (size_t i = 0; i < calls->n; i++, c->n++) {
        c->outcome[c->n] = calls->outcome[i];
        c->flags[c->n] = calls->flags != NULL ? calls->flags[i] : 0;
        c->include[c->n] = calls->include != NULL ? (calls->include[i] != 0) : 1;
        c->wait[c->n] = calls->wait[i];
        c->caller[c->n] = calls->caller != NULL ? calls->caller[i] : -1;
        c->arrival[c->n] = calls->arrival[i];
    }
    return ITSM_OK;
}

itsm_status itsm_dataset_add_outages(itsm_dataset *ds, const itsm_outages *o, const char *const *ids)
{
    ITSM__CHECK_ARG(ds);
    ITSM__CHECK_ARG(o);
    itsm_availability check;
    itsm_availability_options opt = ITSM_AVAILABILITY_OPTIONS_INIT;
    int rc = itsm_availability_compute(&check, o, 0, 1, &opt); /* validates every outage */
    itsm__outages *d = &ds->out;
    void **arrays[] = {(void **)&d->start, (void **)&d->end, (void **)&d->flags, (void **)&d->exclusion,
                       (void **)&d->share, (void **)&d->ids};
    size_t sizes[] = {8, 8, 1, 1, 8, sizeof(char *)};
    if (rc == ITSM_OK)
        rc = reserve_all(arrays, sizes, 6, &d->cap, d->n + o->n, "outages");
    for (size_t i = 0; rc == ITSM_OK && i < o->n; i++, d->n++) {
        d->start[d->n] = o->start[i];
        d->end[d->n] = o->end[i];
        d->flags[d->n] = o->flags != NULL ? o->flags[i] : 0;
        d->exclusion[d->n] = o->exclusion != NULL ? o->exclusion[i] : 0;
        d->share[d->n] = o->share != NULL ? o->share[i] : ITSM_PPB;
        d->ids[d->n] = NULL;
        if (ids != NULL && ids[i] != NULL && (d->ids[d->n] = itsm__strdup(ids[i], "outage id")) == NULL)
            rc = ITSM_ENOMEM;
    }
    return rc;
}

itsm_status itsm_dataset_add_events(itsm_dataset *ds, const char *kind, const int64_t *record,
                                    const itsm_instant *at, size_t n)
{
    ITSM__CHECK_ARG(ds);
    ITSM__CHECK_ARG(kind);
    if (n > 0)
        ITSM__CHECK_ARG(at);
    int32_t k = 0;
    int rc = ITSM_OK;
    for (size_t i = 0; rc == ITSM_OK && i < n; i++)
        rc = check_instant(at[i], "at", i);
    if (rc == ITSM_OK)
        rc = itsm__strtab_intern(&k, &ds->strings, kind);
    itsm__events *e = &ds->ev;
    void **arrays[] = {(void **)&e->kind, (void **)&e->record, (void **)&e->at};
    size_t sizes[] = {4, 8, 8};
    if (rc == ITSM_OK)
        rc = reserve_all(arrays, sizes, 3, &e->cap, e->n + n, "events");
    for (size_t i = 0; rc == ITSM_OK && i < n; i++, e->n++) {
        e->kind[e->n] = k;
        e->record[e->n] = record != NULL ? record[i] : -1;
        e->at[e->n] = at[i];
    }
    return rc;
}

itsm_status itsm_dataset_add_backups(itsm_dataset *ds, const itsm_instant *points, const itsm_instant *completed,
                                     const uint8_t *succeeded, size_t n)
{
    ITSM__CHECK_ARG(ds);
    if (n > 0)
        ITSM__CHECK_ARG(points);
    int rc = ITSM_OK;
    for (size_t i = 0; rc == ITSM_OK && i < n; i++) {
        rc = check_instant(points[i], "points", i);
        if (rc == ITSM_OK && completed != NULL && completed[i] < points[i])
            rc = itsm__error(ITSM_EINVAL, "%s: completed[%zu] is before points[%zu]", __func__, i, i);
    }
    itsm__backups *b = &ds->bk;
    void **arrays[] = {(void **)&b->points, (void **)&b->completed, (void **)&b->succeeded};
    size_t sizes[] = {8, 8, 1};
    if (rc == ITSM_OK)
        rc = reserve_all(arrays, sizes, 3, &b->cap, b->n + n, "backups");
    for (size_t i = 0; rc == ITSM_OK && i < n; i++, b->n++) {
        b->points[b->n] = points[i];
        b->completed[b->n] = completed != NULL ? completed[i] : points[i];
        b->succeeded[b->n] = succeeded != NULL ? (succeeded[i] != 0) : 1;
    }
    return rc;
}

itsm_status itsm_dataset_add_deliveries(itsm_dataset *ds, const char *report, const itsm_instant *due,
                                        const itsm_instant *delivered, const uint8_t *delivered_mask, size_t n)
{
    ITSM__CHECK_ARG(ds);
    ITSM__CHECK_ARG(report);
    if (n > 0) {
        ITSM__CHECK_ARG(due);
        ITSM__CHECK_ARG(delivered);
    }
    itsm_rate met;
    int rc = itsm_deliveries_check(NULL, &met, delivered, delivered_mask, due, n, 0); /* validates */
    int32_t k = 0;
    if (rc == ITSM_OK)
        rc = itsm__strtab_intern(&k, &ds->strings, report);
    itsm__deliveries *d = &ds->dl;
    void **arrays[] = {(void **)&d->report, (void **)&d->due, (void **)&d->delivered, (void **)&d->mask};
    size_t sizes[] = {4, 8, 8, 1};
    if (rc == ITSM_OK)
        rc = reserve_all(arrays, sizes, 4, &d->cap, d->n + n, "deliveries");
    for (size_t i = 0; rc == ITSM_OK && i < n; i++, d->n++) {
        d->report[d->n] = k;
        d->due[d->n] = due[i];
        d->mask[d->n] = delivered_mask != NULL ? (delivered_mask[i] != 0) : 1;
        d->delivered[d->n] = d->mask[d->n] ? delivered[i] : 0;
    }
    return rc;
}

itsm_status itsm_dataset_declare(itsm_dataset *ds, const char *item_id, const char *declared)
{
    ITSM__CHECK_ARG(ds);
    ITSM__CHECK_ARG(item_id);
    ITSM__CHECK_ARG(declared);
    char *copy = itsm__strdup(declared, "declared level");
    int32_t k = 0;
    int rc = copy == NULL ? ITSM_ENOMEM
                          : itsm__reserve((void **)&ds->declared, &ds->declared_cap, ds->declared_items.count + 1,
                                          sizeof *ds->declared, "declared levels");
    size_t before = ds->declared_items.count;
    if (rc == ITSM_OK)
        rc = itsm__strtab_intern(&k, &ds->declared_items, item_id);
    if (rc != ITSM_OK) {
        itsm__free(copy);
        return rc;
    }
    if ((size_t)k < before)
        itsm__free(ds->declared[k]);
    ds->declared[k] = copy;
    return ITSM_OK;
}

/* ---- calendar sets ------------------------------------------------------------------------------ */

itsm_status itsm_calendar_set_new(itsm_calendar_set **out)
{
    ITSM__CHECK_ARG(out);
    *out = itsm__calloc(1, sizeof **out, "calendar set");
    return *out == NULL ? ITSM_ENOMEM : ITSM_OK;
}

void itsm_calendar_set_free(itsm_calendar_set *set)
{
    if (set == NULL)
        return;
    itsm__strtab_clear(&set->names);
    itsm__free(set->cals);
    itsm__free(set);
}

itsm_status itsm_calendar_set_add(itsm_calendar_set *set, const char *name, const itsm_calendar *calendar)
{
    ITSM__CHECK_ARG(set);
    ITSM__CHECK_ARG(name);
    ITSM__CHECK_ARG(calendar);
    int32_t k = 0;
    int rc = itsm__reserve((void **)&set->cals, &set->cap, set->names.count + 1, sizeof *set->cals, "calendar set");
    if (rc == ITSM_OK)
        rc = itsm__strtab_intern(&k, &set->names, name);
    if (rc == ITSM_OK)
        set->cals[k] = calendar;
    return rc;
}

const itsm_calendar *itsm_calendar_set_get(const itsm_calendar_set *set, const char *name)
{
    if (set == NULL || name == NULL)
        return NULL;
    int32_t k = itsm__strtab_find(&set->names, name);
    return k < 0 ? NULL : set->cals[k];
}
