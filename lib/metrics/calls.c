/* Call-center counts and the rates derived from them (METRICS.md 4). */
#include "metrics/metrics_internal.h"

#include <stdlib.h>

/* ---- the fields of itsm_call_counts, for checks and sums ----------------------------------- */

typedef struct count_field {
    const char *name;
    size_t offset;
} count_field;

#define FIELD(f) {#f, offsetof(itsm_call_counts, f)}
static const count_field fields[] = {
    FIELD(offered),         FIELD(answered),         FIELD(abandoned),       FIELD(busy),
    FIELD(answered_within), FIELD(abandoned_within), FIELD(abandoned_short), FIELD(answer_wait_sum),
    FIELD(called_back),     FIELD(callback_requests), FIELD(repeat_contacts),
};
#undef FIELD
enum { FIELD_COUNT = sizeof fields / sizeof fields[0] };

static int64_t *field_of(itsm_call_counts *c, size_t k) { return (int64_t *)(void *)((char *)c + fields[k].offset); }

static int64_t field_value(const itsm_call_counts *c, size_t k)
{
    return *(const int64_t *)(const void *)((const char *)c + fields[k].offset);
}

/* ---- counting --------------------------------------------------------------------------------- */

static int check_params(const itsm_call_params *p, const char *func)
{
    int rc = itsm__check_version(p->version, ITSM_CALL_PARAMS_VERSION, func, "itsm_call_params");
    if (rc == ITSM_OK && (p->answer_threshold < 0 || p->short_abandon < 0 || p->repeat_window < 0))
        rc = itsm__error(ITSM_EINVAL,
                         "%s: params: answer_threshold (%lld), short_abandon (%lld) and repeat_window (%lld) must "
                         "not be negative",
                         func, (long long)p->answer_threshold, (long long)p->short_abandon,
                         (long long)p->repeat_window);
    return rc;
}

static int check_calls(const itsm_calls *c, bool repeats, const char *func)
{
    int rc = itsm__check_version(c->version, ITSM_CALLS_VERSION, func, "itsm_calls");
    if (rc == ITSM_OK)
        rc = itsm__check_arrays(func, c->n, "calls.outcome", (const void *)c->outcome, "calls.wait",
                                (const void *)c->wait, (const char *)NULL);
    if (rc == ITSM_OK && repeats)
        rc = itsm__check_arrays(func, c->n, "calls.arrival (needed for repeat contacts)", (const void *)c->arrival,
                                "calls.caller (needed for repeat contacts)", (const void *)c->caller,
                                (const char *)NULL);
    for (size_t i = 0; rc == ITSM_OK && repeats && i < c->n; i++)
        rc = itsm__check_instant_at(c->arrival[i], func, "calls.arrival", (long long)i);
    return rc;
}

static int check_call(const itsm_calls *c, size_t i, const char *func)
{
    unsigned known = ITSM_CALL_ON_SPOT | ITSM_CALL_CALLED_BACK | ITSM_CALL_CALLBACK_REQUESTED;
    if (c->outcome[i] > ITSM_CALL_BUSY)
        return itsm__error(ITSM_EINVAL, "%s: calls.outcome[%zu] = %u is not an itsm_call_outcome (0..2)", func, i,
                           (unsigned)c->outcome[i]);
    if (c->flags != NULL && (c->flags[i] & ~known) != 0)
        return itsm__error(ITSM_EINVAL, "%s: calls.flags[%zu] = 0x%x has unknown bits", func, i,
                           (unsigned)c->flags[i]);
    if (c->outcome[i] != ITSM_CALL_BUSY && c->wait[i] < 0)
        return itsm__error(ITSM_EINVAL, "%s: calls.wait[%zu] = %lld is negative", func, i, (long long)c->wait[i]);
    return ITSM_OK;
}

/* Add call i (checked) to the counts. */
static int count_call(itsm_call_counts *k, const itsm_calls *c, size_t i, const itsm_call_params *p,
                      const char *func)
{
    unsigned f = c->flags != NULL ? c->flags[i] : 0u;
    int64_t w = c->wait[i];
    switch ((itsm_call_outcome)c->outcome[i]) {
    case ITSM_CALL_ANSWERED:
        if (w > INT64_MAX - k->answer_wait_sum)
            return itsm__error(ITSM_ERANGE, "%s: the sum of answer waits overflows at calls.wait[%zu]", func, i);
        k->answered++;
        k->answered_within += w <= p->answer_threshold;
        k->answer_wait_sum += w;
        k->called_back += (f & ITSM_CALL_ON_SPOT) == 0 && (f & ITSM_CALL_CALLED_BACK) != 0;
        break;
    case ITSM_CALL_ABANDONED:
        k->abandoned++;
        k->abandoned_within += w <= p->answer_threshold;
        k->abandoned_short += w < p->short_abandon;
        break;
    case ITSM_CALL_BUSY:
        k->busy++;
        return ITSM_OK;
    }
    k->callback_requests += (f & ITSM_CALL_CALLBACK_REQUESTED) != 0;
    return ITSM_OK;
}

typedef struct contact {
    int64_t caller, at;
    size_t i;
} contact;

static int contact_cmp(const void *pa, const void *pb)
{
    const contact *a = pa, *b = pb;
    if (a->caller != b->caller)
        return a->caller < b->caller ? -1 : 1;
    if (a->at != b->at)
        return a->at < b->at ? -1 : 1;
    return (a->i > b->i) - (a->i < b->i);
}

static bool same_caller(const contact *a, const contact *b) { return a->caller == b->caller; }

/* Included answered calls followed by another call of the same caller within the window.
 * Sorted by (caller, arrival); walking backwards, `next` is the first contact of the
 * caller with a strictly later arrival. */
static int count_repeats(int64_t *out, const itsm_calls *c, int64_t window)
{
    contact *v = itsm__malloc((c->n > 0 ? c->n : 1) * sizeof *v, "repeat contacts");
    if (v == NULL)
        return ITSM_ENOMEM;
    size_t m = 0;
    for (size_t i = 0; i < c->n; i++)
        if (c->caller[i] >= 0)
            v[m++] = (contact){c->caller[i], c->arrival[i], i};
    qsort(v, m, sizeof *v, contact_cmp);
    int64_t repeats = 0;
    size_t next = m;
    for (size_t p = m; p-- > 0;) {
        if (p + 1 < m && !(same_caller(&v[p], &v[p + 1]) && v[p].at == v[p + 1].at))
            next = p + 1;
        size_t i = v[p].i;
        bool measured = itsm__included(c->include, i) && c->outcome[i] == ITSM_CALL_ANSWERED;
        repeats += measured && next < m && same_caller(&v[p], &v[next]) && v[next].at - v[p].at <= window;
    }
    itsm__free(v);
    *out = repeats;
    return ITSM_OK;
}

itsm_status itsm_calls_count(itsm_call_counts *out, const itsm_calls *calls, const itsm_call_params *params)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(calls);
    ITSM__CHECK_ARG(params);
    int rc = check_params(params, __func__);
    if (rc == ITSM_OK)
        rc = check_calls(calls, params->repeat_window > 0, __func__);
    itsm_call_counts k = {0};
    for (size_t i = 0; rc == ITSM_OK && i < calls->n; i++) {
        if (!itsm__included(calls->include, i))
            continue;
        rc = check_call(calls, i, __func__);
        if (rc == ITSM_OK)
            rc = count_call(&k, calls, i, params, __func__);
    }
    if (rc == ITSM_OK && params->repeat_window > 0)
        rc = count_repeats(&k.repeat_contacts, calls, params->repeat_window);
    if (rc != ITSM_OK)
        return rc;
    k.offered = k.answered + k.abandoned;
    *out = k;
    return ITSM_OK;
}

itsm_status itsm_call_counts_add(itsm_call_counts *acc, const itsm_call_counts *more)
{
    ITSM__CHECK_ARG(acc);
    ITSM__CHECK_ARG(more);
    itsm_call_counts sum = *acc;
    for (size_t k = 0; k < FIELD_COUNT; k++) {
        int64_t a = field_value(acc, k), b = field_value(more, k);
        if (a < 0 || b < 0)
            return itsm__error(ITSM_EINVAL, "%s: %s is negative", __func__, fields[k].name);
        if (b > INT64_MAX - a)
            return itsm__error(ITSM_ERANGE, "%s: the sum of %s overflows", __func__, fields[k].name);
        *field_of(&sum, k) = a + b;
    }
    *acc = sum;
    return ITSM_OK;
}

/* ---- rates ------------------------------------------------------------------------------------- */

/* Counts that contradict each other cannot come from itsm_calls_count(); say which. */
static int check_counts(const itsm_call_counts *c, const char *func)
{
    for (size_t k = 0; k < FIELD_COUNT; k++)
        if (field_value(c, k) < 0)
            return itsm__error(ITSM_EINVAL, "%s: counts.%s is negative", func, fields[k].name);
    const char *bad = NULL;
    if (c->offered != c->answered + c->abandoned)
        bad = "offered != answered + abandoned";
    else if (c->answered_within > c->answered || c->called_back > c->answered || c->repeat_contacts > c->answered)
        bad = "a count of answered calls exceeds answered";
    else if (c->abandoned_within > c->abandoned || c->abandoned_short > c->abandoned)
        bad = "a count of abandoned calls exceeds abandoned";
    else if (c->callback_requests > c->offered)
        bad = "callback_requests exceeds offered";
    else if (c->busy > INT64_MAX - c->offered)
        bad = "busy + offered overflows";
    if (bad != NULL)
        return itsm__error(ITSM_EINVAL, "%s: inconsistent counts: %s", func, bad);
    return ITSM_OK;
}

itsm_status itsm_call_rate(itsm_rate *out, const itsm_call_counts *counts, itsm_call_rate_kind kind)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(counts);
    int rc = check_counts(counts, __func__);
    if (rc != ITSM_OK)
        return rc;
    const itsm_call_counts *c = counts;
    int64_t a_in = c->answered_within, o = c->offered, non_short = c->abandoned - c->abandoned_short;
    switch (kind) {
    case ITSM_CALL_SERVICE_LEVEL: return itsm_rate_make(out, a_in, o);
    case ITSM_CALL_SERVICE_LEVEL_WITH_ABANDONED: return itsm_rate_make(out, a_in + c->abandoned_within, o);
    case ITSM_CALL_SERVICE_LEVEL_ANSWERED_ONLY: return itsm_rate_make(out, a_in, c->answered);
    case ITSM_CALL_SERVICE_LEVEL_EXCLUDING_EARLY_ABANDONS:
        return itsm_rate_make(out, a_in, o - c->abandoned_within);
    case ITSM_CALL_SERVICE_LEVEL_SHORT_ABANDONS_MET: return itsm_rate_make(out, a_in + c->abandoned_short, o);
    case ITSM_CALL_ABANDON_RATE: return itsm_rate_make(out, c->abandoned, o);
    case ITSM_CALL_ABANDON_RATE_EXCLUDING_SHORT: return itsm_rate_make(out, non_short, o - c->abandoned_short);
    case ITSM_CALL_ABANDON_RATE_WITH_BUSY: return itsm_rate_make(out, c->abandoned, o + c->busy);
    case ITSM_CALL_ABANDON_RATE_EXCLUDING_SHORT_WITH_BUSY:
        return itsm_rate_make(out, non_short, o - c->abandoned_short + c->busy);
    case ITSM_CALL_BUSY_RATE: return itsm_rate_make(out, c->busy, c->busy + o);
    case ITSM_CALL_CALLBACK_RATE: return itsm_rate_make(out, c->called_back, c->answered);
    case ITSM_CALL_CALLBACK_REQUEST_RATE: return itsm_rate_make(out, c->callback_requests, o);
    case ITSM_CALL_REPEAT_CONTACT_RATE: return itsm_rate_make(out, c->repeat_contacts, c->answered);
    case ITSM_CALL_AVERAGE_SPEED_OF_ANSWER: return itsm_rate_make(out, c->answer_wait_sum, c->answered);
    }
    return itsm__error(ITSM_EINVAL, "%s: %d is not an itsm_call_rate_kind (0..%d)", __func__, (int)kind,
                       (int)ITSM_CALL_AVERAGE_SPEED_OF_ANSWER);
}
