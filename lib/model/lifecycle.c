/* "What expires or falls due within N days": lifecycle dates of configuration items,
 * contract ends and pending items, sorted, at an "as of" date. */
#include "internal.h"
#include "model/lifecycle_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_names[] = {"warranty",     "parts_supply", "product_life", "support_end",
                                         "contract_end", "pending_date", "pending_event"};

/* Longest window: the whole supported date range. */
#define WITHIN_MAX 109999

itsm_status itsm_due_kind_name(const char **out, itsm_due_kind kind)
{
    ITSM__CHECK_ARG(out);
    if ((int)kind < 0 || (int)kind > ITSM_DUE_PENDING_EVENT)
        return itsm__error(ITSM_EINVAL, "%s: unknown kind %d", __func__, (int)kind);
    *out = kind_names[kind];
    return ITSM_OK;
}

typedef struct collector {
    itsm_due *items;
    size_t count, cap;
    int32_t as_of, within;
} collector;

/* Add an entry when it falls within the window. `date` was validated by the caller. */
static int add(collector *c, itsm_due_kind kind, const char *subject, const char *detail, itsm_date date)
{
    int32_t days = 0;
    (void)itsm_date_to_days(&days, date);
    int32_t left = days - c->as_of;
    if (left > c->within)
        return ITSM_OK;
    void *items = c->items;
    if (itsm__reserve(&items, &c->cap, c->count + 1, sizeof *c->items, "itsm_expiring") != ITSM_OK)
        return ITSM_ENOMEM;
    c->items = items;
    itsm_due d = {kind, subject, detail, date, left, left < 0 ? 1 : 0};
    c->items[c->count++] = d;
    return ITSM_OK;
}

static int cmp_text(const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

static int cmp_due(const void *pa, const void *pb)
{
    const itsm_due *a = pa, *b = pb;
    if (a->days_left != b->days_left)
        return a->days_left < b->days_left ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    int c = cmp_text(a->subject, b->subject);
    return c != 0 ? c : cmp_text(a->detail, b->detail);
}

static int check_entries(const itsm_labeled_date *e, size_t n, const char *name)
{
    if (n > 0 && e == NULL)
        return itsm__error(ITSM_EINVAL, "itsm_expiring: %s is NULL with %zu entries", name, n);
    for (size_t i = 0; i < n; i++) {
        int32_t days;
        if (e[i].label == NULL)
            return itsm__error(ITSM_EINVAL, "itsm_expiring: %s[%zu].label is NULL", name, i);
        int rc = itsm_date_to_days(&days, e[i].date);
        if (rc != ITSM_OK) {
            char field[64];
            (void)snprintf(field, sizeof field, "%s[%zu].date", name, i);
            return itsm__error_prefix(rc, "%s: %s", "itsm_expiring", field);
        }
    }
    return ITSM_OK;
}

/* The date of the first event named `event`, or NULL. */
static const itsm_labeled_date *find_event(const itsm_labeled_date *events, size_t n, const char *event)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(events[i].label, event) == 0)
            return &events[i];
    }
    return NULL;
}

itsm_status itsm_expiring(itsm_due **out, size_t *out_count, const itsm_ci *const *cis, size_t n_cis,
                          const itsm_pending_item *const *items, size_t n_items,
                          const itsm_labeled_date *contract_ends, size_t n_contract_ends,
                          const itsm_labeled_date *events, size_t n_events, itsm_date as_of, int32_t within_days)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(out_count);
    if (n_cis > 0)
        ITSM__CHECK_ARG(cis);
    if (n_items > 0)
        ITSM__CHECK_ARG(items);
    for (size_t i = 0; i < n_cis; i++) {
        if (cis[i] == NULL)
            return itsm__error(ITSM_EINVAL, "%s: cis[%zu] is NULL", __func__, i);
    }
    for (size_t i = 0; i < n_items; i++) {
        if (items[i] == NULL)
            return itsm__error(ITSM_EINVAL, "%s: items[%zu] is NULL", __func__, i);
    }
    int rc = check_entries(contract_ends, n_contract_ends, "contract_ends");
    if (rc == ITSM_OK)
        rc = check_entries(events, n_events, "events");
    if (rc != ITSM_OK)
        return rc;
    if (within_days < 0 || within_days > WITHIN_MAX)
        return itsm__error(ITSM_EINVAL, "%s: within_days %d is not in 0 .. %d", __func__, (int)within_days,
                           WITHIN_MAX);
    collector c = {NULL, 0, 0, 0, within_days};
    if ((rc = itsm_date_to_days(&c.as_of, as_of)) != ITSM_OK)
        return itsm__error_prefix(rc, "%s: %s", __func__, "as_of");

    static const itsm_due_kind ci_kinds[ITSM__CI_DATE_COUNT] = {ITSM_DUE_WARRANTY, ITSM_DUE_PARTS_SUPPLY,
                                                               ITSM_DUE_PRODUCT_LIFE, ITSM_DUE_SUPPORT_END};
    for (size_t i = 0; rc == ITSM_OK && i < n_cis; i++) {
        for (size_t k = 0; rc == ITSM_OK && k < ITSM__CI_DATE_COUNT; k++) {
            if (cis[i]->has_date[k])
                rc = add(&c, ci_kinds[k], cis[i]->id, NULL, cis[i]->date[k]);
        }
    }
    for (size_t i = 0; rc == ITSM_OK && i < n_contract_ends; i++)
        rc = add(&c, ITSM_DUE_CONTRACT_END, contract_ends[i].label, NULL, contract_ends[i].date);
    for (size_t i = 0; rc == ITSM_OK && i < n_items; i++) {
        const itsm_pending_item *p = items[i];
        if (p->status == ITSM_PENDING_CLOSED)
            continue;
        if (p->has_due) {
            rc = add(&c, ITSM_DUE_PENDING_DATE, p->id, p->title, p->due);
        } else if (p->event != NULL) {
            const itsm_labeled_date *e = find_event(events, n_events, p->event);
            if (e != NULL)
                rc = add(&c, ITSM_DUE_PENDING_EVENT, p->id, p->event, e->date);
        }
    }
    if (rc != ITSM_OK) {
        itsm__free(c.items);
        return rc;
    }
    if (c.count > 1)
        qsort(c.items, c.count, sizeof *c.items, cmp_due);
    *out = c.items;
    *out_count = c.count;
    return ITSM_OK;
}
