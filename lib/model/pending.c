/* Pending items (懸案): owner, status, a due date or trigger event, and a history of
 * owner and status changes that stays with the item when its owner changes. */
#include "internal.h"
#include "io/json_path.h" /* itsm__utf8_valid (no jansson) */
#include "model/lifecycle_internal.h"

#include <inttypes.h>
#include <string.h>

static const char *const status_names[] = {"open", "in_progress", "on_hold", "closed"};

int itsm__check_status(itsm_pending_status status, const char *what)
{
    if ((int)status < ITSM_PENDING_OPEN || (int)status > ITSM_PENDING_CLOSED)
        return itsm__error(ITSM_EINVAL, "%s: unknown status %d", what, (int)status);
    return ITSM_OK;
}

static int check_nonempty(const char *text, const char *field, const char *what)
{
    if (text == NULL || text[0] == '\0')
        return itsm__error(ITSM_EINVAL, "%s: %s must be a non-empty string", what, field);
    if (!itsm__utf8_valid(text))
        return itsm__error(ITSM_EINVAL, "%s: %s is not valid UTF-8", what, field);
    return ITSM_OK;
}

int itsm__pending_bare(itsm_pending_item **out, const char *id, const char *title, const char *owner,
                       itsm_pending_status status)
{
    const char *what = "itsm_pending_new";
    int rc = itsm__check_id(id, what);
    if (rc == ITSM_OK)
        rc = check_nonempty(title, "title", what);
    if (rc == ITSM_OK)
        rc = check_nonempty(owner, "owner", what);
    if (rc == ITSM_OK)
        rc = itsm__check_status(status, what);
    if (rc != ITSM_OK)
        return rc;
    itsm_pending_item *item = itsm__calloc(1, sizeof *item, what);
    if (item == NULL)
        return ITSM_ENOMEM;
    item->status = status;
    if ((item->id = itsm__strdup(id, what)) == NULL || (item->title = itsm__strdup(title, what)) == NULL ||
        (item->owner = itsm__strdup(owner, what)) == NULL) {
        itsm_pending_free(item);
        return ITSM_ENOMEM;
    }
    *out = item;
    return ITSM_OK;
}

int itsm__pending_append(itsm_pending_item *item, itsm_instant at, const char *owner, itsm_pending_status status,
                         const char *note)
{
    const char *what = "pending item history";
    if (item->history_count > 0 && at < item->history[item->history_count - 1].at)
        return itsm__error(ITSM_EINVAL,
                           "%s: a change at %" PRId64 " is before the last history entry (%" PRId64 ")", what, at,
                           item->history[item->history_count - 1].at);
    if (at < ITSM_INSTANT_MIN || at > ITSM_INSTANT_MAX)
        return itsm__error(ITSM_ERANGE, "%s: instant %" PRId64 " is out of range", what, at);
    int rc = check_nonempty(owner, "owner", what);
    if (rc == ITSM_OK)
        rc = itsm__check_status(status, what);
    if (rc == ITSM_OK && note != NULL && !itsm__utf8_valid(note))
        rc = itsm__error(ITSM_EINVAL, "%s: note is not valid UTF-8", what);
    if (rc != ITSM_OK)
        return rc;
    void *items = item->history;
    if (itsm__reserve(&items, &item->history_cap, item->history_count + 1, sizeof *item->history, what) != ITSM_OK)
        return ITSM_ENOMEM;
    item->history = items;
    itsm__pending_entry e = {at, NULL, status, NULL};
    if ((e.owner = itsm__strdup(owner, what)) == NULL)
        return ITSM_ENOMEM;
    if (note != NULL && (e.note = itsm__strdup(note, what)) == NULL) {
        itsm__free(e.owner);
        return ITSM_ENOMEM;
    }
    item->history[item->history_count++] = e;
    return ITSM_OK;
}

itsm_status itsm_pending_new(itsm_pending_item **out, const char *id, const char *title, const char *owner,
                             itsm_instant at)
{
    ITSM__CHECK_ARG(out);
    itsm_pending_item *item = NULL;
    int rc = itsm__pending_bare(&item, id, title, owner, ITSM_PENDING_OPEN);
    if (rc == ITSM_OK)
        rc = itsm__pending_append(item, at, owner, ITSM_PENDING_OPEN, NULL);
    if (rc != ITSM_OK) {
        itsm_pending_free(item);
        return rc;
    }
    *out = item;
    return ITSM_OK;
}

void itsm_pending_free(itsm_pending_item *item)
{
    if (item == NULL)
        return;
    for (size_t i = 0; i < item->history_count; i++) {
        itsm__free(item->history[i].owner);
        itsm__free(item->history[i].note);
    }
    itsm__free(item->history);
    itsm__free(item->id);
    itsm__free(item->title);
    itsm__free(item->owner);
    itsm__free(item->event);
    itsm__free(item);
}

itsm_status itsm_pending_clone(itsm_pending_item **out, const itsm_pending_item *item)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(item);
    itsm_pending_item *copy = NULL;
    int rc = itsm__pending_bare(&copy, item->id, item->title, item->owner, item->status);
    for (size_t i = 0; rc == ITSM_OK && i < item->history_count; i++) {
        const itsm__pending_entry *e = &item->history[i];
        rc = itsm__pending_append(copy, e->at, e->owner, e->status, e->note);
    }
    if (rc == ITSM_OK && item->event != NULL)
        rc = itsm_pending_set_trigger_event(copy, item->event);
    if (rc != ITSM_OK) {
        itsm_pending_free(copy);
        return rc;
    }
    copy->has_due = item->has_due;
    copy->due = item->due;
    *out = copy;
    return ITSM_OK;
}

const char *itsm_pending_id(const itsm_pending_item *item) { return item == NULL ? NULL : item->id; }
const char *itsm_pending_title(const itsm_pending_item *item) { return item == NULL ? NULL : item->title; }
const char *itsm_pending_owner(const itsm_pending_item *item) { return item == NULL ? NULL : item->owner; }
const char *itsm_pending_trigger_event(const itsm_pending_item *item) { return item == NULL ? NULL : item->event; }

itsm_status itsm_pending_get_status(itsm_pending_status *out, const itsm_pending_item *item)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(item);
    *out = item->status;
    return ITSM_OK;
}

itsm_status itsm_pending_set_due_date(itsm_pending_item *item, itsm_date due)
{
    ITSM__CHECK_ARG(item);
    int32_t days;
    int rc = itsm_date_to_days(&days, due);
    if (rc != ITSM_OK)
        return itsm__error_prefix(rc, "%s: %s", __func__, "due");
    itsm__free(item->event);
    item->event = NULL;
    item->has_due = true;
    item->due = due;
    return ITSM_OK;
}

itsm_status itsm_pending_set_trigger_event(itsm_pending_item *item, const char *event)
{
    ITSM__CHECK_ARG(item);
    char *copy = NULL;
    if (event != NULL) {
        int rc = check_nonempty(event, "event", __func__);
        if (rc != ITSM_OK)
            return rc;
        if ((copy = itsm__strdup(event, __func__)) == NULL)
            return ITSM_ENOMEM;
    }
    itsm__free(item->event);
    item->event = copy;
    item->has_due = false;
    return ITSM_OK;
}

itsm_status itsm_pending_get_due_date(int *out_set, itsm_date *out, const itsm_pending_item *item)
{
    ITSM__CHECK_ARG(out_set);
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(item);
    *out_set = item->has_due ? 1 : 0;
    if (item->has_due)
        *out = item->due;
    return ITSM_OK;
}

/* Append {at, owner, status, note}, then make owner and status current. */
static int change(itsm_pending_item *item, const char *owner, itsm_pending_status status, itsm_instant at,
                  const char *note)
{
    char *copy = NULL;
    if (owner != item->owner && (copy = itsm__strdup(owner != NULL ? owner : "", "pending item owner")) == NULL)
        return ITSM_ENOMEM;
    int rc = itsm__pending_append(item, at, owner, status, note);
    if (rc != ITSM_OK) {
        itsm__free(copy);
        return rc;
    }
    if (copy != NULL) {
        itsm__free(item->owner);
        item->owner = copy;
    }
    item->status = status;
    return ITSM_OK;
}

itsm_status itsm_pending_set_owner(itsm_pending_item *item, const char *owner, itsm_instant at, const char *note)
{
    ITSM__CHECK_ARG(item);
    int rc = check_nonempty(owner, "owner", __func__);
    if (rc != ITSM_OK)
        return rc;
    return change(item, owner, item->status, at, note);
}

itsm_status itsm_pending_set_status(itsm_pending_item *item, itsm_pending_status status, itsm_instant at,
                                    const char *note)
{
    ITSM__CHECK_ARG(item);
    int rc = itsm__check_status(status, __func__);
    if (rc != ITSM_OK)
        return rc;
    return change(item, item->owner, status, at, note);
}

size_t itsm_pending_history_count(const itsm_pending_item *item) { return item == NULL ? 0 : item->history_count; }

itsm_status itsm_pending_history_get(itsm_pending_change *out, const itsm_pending_item *item, size_t index)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(item);
    if (index >= item->history_count)
        return itsm__error(ITSM_ERANGE, "%s: index %zu is past the end (%zu entries)", __func__, index,
                           item->history_count);
    const itsm__pending_entry *e = &item->history[index];
    out->at = e->at;
    out->owner = e->owner;
    out->status = e->status;
    out->note = e->note;
    return ITSM_OK;
}

itsm_status itsm_pending_status_name(const char **out, itsm_pending_status status)
{
    ITSM__CHECK_ARG(out);
    int rc = itsm__check_status(status, __func__);
    if (rc == ITSM_OK)
        *out = status_names[status];
    return rc;
}
