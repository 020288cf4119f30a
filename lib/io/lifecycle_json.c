/* Configuration item and pending item documents (docs/schema/configuration_item.schema.json,
 * docs/schema/pending_item.schema.json, "itsm_schema": 1): reader and canonical writer.
 *
 * The reader is strict like the calendar reader: an unknown key or a value of the wrong
 * type is an error naming its JSON path. The writer puts keys in a fixed order and leaves
 * out fields that are not set, so loading its output and saving it again gives the same
 * text. */
#include "internal.h"
#include "io/json_value.h"
#include "model/lifecycle_internal.h"

#include "itsm/lifecycle.h"

#include <jansson.h>

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* The "itsm_schema" version this library reads and writes. */
#define ITSM__LIFECYCLE_SCHEMA 1

/* ---- reading: header --------------------------------------------------------------------- */

static int check_header(const json_t *root, const char *type, const char *const *keys, const itsm__jpath *rp)
{
    const char *const types[] = {type, NULL};
    size_t which = 0;
    int rc = itsm__json_check_header(&which, root, ITSM__LIFECYCLE_SCHEMA, types, rp);
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(root, keys, rp);
    return rc;
}

/* An optional date member: *has false when absent. */
static int get_opt_date(bool *has, itsm_date *out, const json_t *obj, const char *key, const itsm__jpath *p)
{
    const json_t *v = json_object_get(obj, key);
    *has = v != NULL;
    if (v == NULL)
        return ITSM_OK;
    itsm__jpath kp = itsm__jpath_key(p, key);
    return itsm__json_get_date(out, v, &kp);
}

/* ---- configuration items ------------------------------------------------------------------- */

itsm_status itsm_ci_from_json(itsm_ci **out, const char *json, size_t len)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(json);
    json_t *root = NULL;
    int rc = itsm__json_load(&root, json, len, "configuration item");
    if (rc != ITSM_OK)
        return rc;
    static const char *const keys[] = {"itsm_schema", "type",        "id",
                                       "name",        "model",       "serial",
                                       "location",    "maintenance_contract", "warranty_end",
                                       "parts_supply_end", "product_life_end", "support_end",
                                       NULL};
    itsm__jpath rp = itsm__jpath_root();
    itsm_ci *ci = NULL;
    const char *id = NULL;
    rc = check_header(root, "configuration_item", keys, &rp);
    if (rc == ITSM_OK)
        rc = itsm__json_required_text(&id, root, "id", &rp);
    if (rc == ITSM_OK && (rc = itsm_ci_new(&ci, id)) != ITSM_OK) {
        itsm__jpath ip = itsm__jpath_key(&rp, "id");
        rc = itsm__jpath_wrap(rc, &ip);
    }
    for (size_t k = 0; rc == ITSM_OK && k < ITSM__CI_TEXT_COUNT; k++) {
        const char *text = NULL;
        rc = itsm__json_opt_string(&text, root, itsm__ci_text_keys[k], &rp);
        if (rc == ITSM_OK && text != NULL && (rc = itsm_ci_set_text(ci, (itsm_ci_text)k, text)) != ITSM_OK) {
            itsm__jpath kp = itsm__jpath_key(&rp, itsm__ci_text_keys[k]);
            rc = itsm__jpath_wrap(rc, &kp);
        }
    }
    for (size_t k = 0; rc == ITSM_OK && k < ITSM__CI_DATE_COUNT; k++) {
        bool has = false;
        itsm_date d = {0, 0, 0};
        rc = get_opt_date(&has, &d, root, itsm__ci_date_keys[k], &rp);
        if (rc == ITSM_OK && has && (rc = itsm_ci_set_date(ci, (itsm_ci_date)k, d)) != ITSM_OK) {
            itsm__jpath kp = itsm__jpath_key(&rp, itsm__ci_date_keys[k]);
            rc = itsm__jpath_wrap(rc, &kp);
        }
    }
    json_decref(root);
    if (rc != ITSM_OK) {
        itsm_ci_free(ci);
        return rc;
    }
    *out = ci;
    return ITSM_OK;
}

/* ---- pending items ----------------------------------------------------------------------------- */

static int get_status(itsm_pending_status *out, const json_t *v, const itsm__jpath *p)
{
    const char *text = NULL;
    int rc = itsm__json_get_string(&text, v, p);
    if (rc != ITSM_OK)
        return rc;
    for (int s = ITSM_PENDING_OPEN; s <= ITSM_PENDING_CLOSED; s++) {
        const char *name = NULL;
        (void)itsm_pending_status_name(&name, (itsm_pending_status)s);
        if (strcmp(text, name) == 0) {
            *out = (itsm_pending_status)s;
            return ITSM_OK;
        }
    }
    char q[96];
    itsm__json_quote(q, sizeof q, text, 40);
    return itsm__jpath_error(ITSM_EINVAL, p, "%s is not a status (expected one of: open, in_progress, on_hold, closed)",
                             q);
}

static int get_instant(itsm_instant *out, const json_t *v, const itsm__jpath *p)
{
    const char *text = NULL;
    int rc = itsm__json_get_string(&text, v, p);
    if (rc == ITSM_OK && (rc = itsm_instant_parse(out, text, NULL)) != ITSM_OK)
        rc = itsm__jpath_wrap(rc, p);
    return rc;
}

static int read_history_entry(itsm_pending_item *item, const json_t *e, const itsm__jpath *p)
{
    static const char *const keys[] = {"at", "owner", "status", "note", NULL};
    int rc = itsm__json_need_object(e, p);
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(e, keys, p);
    const json_t *v = NULL;
    itsm_instant at = 0;
    const char *owner = NULL, *note = NULL;
    itsm_pending_status status = ITSM_PENDING_OPEN;
    itsm__jpath ap = itsm__jpath_key(p, "at"), sp = itsm__jpath_key(p, "status");
    if (rc == ITSM_OK)
        rc = itsm__json_member(&v, e, "at", p);
    if (rc == ITSM_OK)
        rc = get_instant(&at, v, &ap);
    if (rc == ITSM_OK)
        rc = itsm__json_required_text(&owner, e, "owner", p);
    if (rc == ITSM_OK)
        rc = itsm__json_member(&v, e, "status", p);
    if (rc == ITSM_OK)
        rc = get_status(&status, v, &sp);
    if (rc == ITSM_OK)
        rc = itsm__json_opt_string(&note, e, "note", p);
    if (rc == ITSM_OK && (rc = itsm__pending_append(item, at, owner, status, note)) != ITSM_OK)
        rc = itsm__jpath_wrap(rc, &ap);
    return rc;
}

static int read_pending_body(itsm_pending_item *item, const json_t *root, const itsm__jpath *rp)
{
    bool has_due = false;
    itsm_date due = {0, 0, 0};
    const char *event = NULL;
    int rc = get_opt_date(&has_due, &due, root, "due", rp);
    if (rc == ITSM_OK)
        rc = itsm__json_opt_string(&event, root, "trigger_event", rp);
    itsm__jpath ep = itsm__jpath_key(rp, "trigger_event");
    if (rc == ITSM_OK && has_due && event != NULL)
        rc = itsm__jpath_error(ITSM_EINVAL, &ep, "a pending item is due on a date or at an event, not both "
                                                 "(leave out \"due\" or \"trigger_event\")");
    if (rc == ITSM_OK && has_due)
        rc = itsm_pending_set_due_date(item, due);
    if (rc == ITSM_OK && event != NULL && (rc = itsm_pending_set_trigger_event(item, event)) != ITSM_OK)
        rc = itsm__jpath_wrap(rc, &ep);
    const json_t *hist = json_object_get(root, "history");
    if (rc != ITSM_OK || hist == NULL)
        return rc;
    itsm__jpath hp = itsm__jpath_key(rp, "history");
    rc = itsm__json_need_array(hist, &hp);
    size_t i;
    const json_t *e;
    json_array_foreach((json_t *)hist, i, e) {
        if (rc != ITSM_OK)
            break;
        itsm__jpath ip = itsm__jpath_index(&hp, i);
        rc = read_history_entry(item, e, &ip);
    }
    if (rc == ITSM_OK && item->history_count > 0) {
        const itsm__pending_entry *last = &item->history[item->history_count - 1];
        itsm__jpath lp = itsm__jpath_index(&hp, item->history_count - 1);
        if (strcmp(last->owner, item->owner) != 0 || last->status != item->status)
            rc = itsm__jpath_error(ITSM_EINVAL, &lp,
                                   "the last history entry must match the item's \"owner\" and \"status\"");
    }
    return rc;
}

itsm_status itsm_pending_from_json(itsm_pending_item **out, const char *json, size_t len)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(json);
    json_t *root = NULL;
    int rc = itsm__json_load(&root, json, len, "pending item");
    if (rc != ITSM_OK)
        return rc;
    static const char *const keys[] = {"itsm_schema", "type", "id", "title", "owner", "status",
                                       "due", "trigger_event", "history", NULL};
    itsm__jpath rp = itsm__jpath_root();
    itsm_pending_item *item = NULL;
    const char *id = NULL, *title = NULL, *owner = NULL;
    itsm_pending_status status = ITSM_PENDING_OPEN;
    rc = check_header(root, "pending_item", keys, &rp);
    if (rc == ITSM_OK)
        rc = itsm__json_required_text(&id, root, "id", &rp);
    if (rc == ITSM_OK)
        rc = itsm__json_required_text(&title, root, "title", &rp);
    if (rc == ITSM_OK)
        rc = itsm__json_required_text(&owner, root, "owner", &rp);
    const json_t *sv = json_object_get(root, "status");
    if (rc == ITSM_OK && sv != NULL) {
        itsm__jpath sp = itsm__jpath_key(&rp, "status");
        rc = get_status(&status, sv, &sp);
    }
    if (rc == ITSM_OK && (rc = itsm__pending_bare(&item, id, title, owner, status)) != ITSM_OK)
        rc = itsm__jpath_wrap(rc, &rp);
    if (rc == ITSM_OK)
        rc = read_pending_body(item, root, &rp);
    json_decref(root);
    if (rc != ITSM_OK) {
        itsm_pending_free(item);
        return rc;
    }
    *out = item;
    return ITSM_OK;
}

/* ---- writing -------------------------------------------------------------------------------- */

itsm_status itsm_ci_to_json(char **out, const itsm_ci *ci)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(ci);
    const char *what = "itsm_ci_to_json";
    json_t *root = NULL;
    int rc = itsm__json_new_document(&root, ITSM__LIFECYCLE_SCHEMA, "configuration_item", what);
    if (rc == ITSM_OK)
        rc = itsm__json_put(root, "id", json_string(ci->id), what);
    for (size_t k = 0; rc == ITSM_OK && k < ITSM__CI_TEXT_COUNT; k++) {
        if (ci->text[k] != NULL)
            rc = itsm__json_put(root, itsm__ci_text_keys[k], json_string(ci->text[k]), what);
    }
    for (size_t k = 0; rc == ITSM_OK && k < ITSM__CI_DATE_COUNT; k++) {
        if (ci->has_date[k])
            rc = itsm__json_put(root, itsm__ci_date_keys[k], itsm__json_date(ci->date[k]), what);
    }
    if (rc == ITSM_OK)
        rc = itsm__json_dump(out, root, what);
    json_decref(root);
    return rc;
}

static const char *status_word(itsm_pending_status status)
{
    const char *name = NULL;
    (void)itsm_pending_status_name(&name, status);
    return name;
}

itsm_status itsm_pending_to_json(char **out, const itsm_pending_item *item)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(item);
    const char *what = "itsm_pending_to_json";
    json_t *root = NULL;
    int rc = itsm__json_new_document(&root, ITSM__LIFECYCLE_SCHEMA, "pending_item", what);
    if (rc == ITSM_OK)
        rc = itsm__json_put(root, "id", json_string(item->id), what);
    if (rc == ITSM_OK)
        rc = itsm__json_put(root, "title", json_string(item->title), what);
    if (rc == ITSM_OK)
        rc = itsm__json_put(root, "owner", json_string(item->owner), what);
    if (rc == ITSM_OK)
        rc = itsm__json_put(root, "status", json_string(status_word(item->status)), what);
    if (rc == ITSM_OK && item->has_due)
        rc = itsm__json_put(root, "due", itsm__json_date(item->due), what);
    if (rc == ITSM_OK && item->event != NULL)
        rc = itsm__json_put(root, "trigger_event", json_string(item->event), what);
    if (rc == ITSM_OK && item->history_count > 0) {
        json_t *list = json_array();
        rc = itsm__json_put(root, "history", list, what);
        for (size_t i = 0; rc == ITSM_OK && i < item->history_count; i++) {
            static const char *const keys[] = {"owner", "status", "note"};
            const itsm__pending_entry *e = &item->history[i];
            const char *const texts[] = {e->owner, status_word(e->status), e->note};
            rc = itsm__json_append_history(list, e->at, 3, keys, texts, what);
        }
    }
    if (rc == ITSM_OK)
        rc = itsm__json_dump(out, root, what);
    json_decref(root);
    return rc;
}
