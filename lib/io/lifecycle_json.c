/* Configuration item and pending item documents (docs/schema/configuration_item.schema.json,
 * docs/schema/pending_item.schema.json, "itsm_schema": 1) and their sets
 * (configuration_item_set.schema.json, pending_item_set.schema.json): readers and canonical
 * writers.
 *
 * The reader is strict like the calendar reader: an unknown key or a value of the wrong
 * type is an error naming its JSON path. The writer puts keys in a fixed order and leaves
 * out fields that are not set, so loading its output and saving it again gives the same
 * text. */
#include "internal.h"
#include "io/doc_set.h"
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

/* The object at `p`: a document of `type` (with the header) or, when not `document`, an
 * element of a set (without it). `keys` start with "itsm_schema" and "type". */
static int check_object(const json_t *obj, bool document, const char *type, const char *const *keys,
                        const itsm__jpath *p)
{
    const char *const types[] = {type, NULL};
    size_t which = 0;
    int rc = document ? itsm__json_check_header(&which, obj, ITSM__LIFECYCLE_SCHEMA, types, p)
                      : itsm__json_need_object(obj, p);
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(obj, document ? keys : keys + 2, p);
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

static int read_ci(itsm_ci **out, const json_t *root, bool document, const itsm__jpath *p)
{
    static const char *const keys[] = {"itsm_schema", "type",        "id",
                                       "name",        "model",       "serial",
                                       "location",    "maintenance_contract", "warranty_end",
                                       "parts_supply_end", "product_life_end", "support_end",
                                       NULL};
    const itsm__jpath rp = *p;
    itsm_ci *ci = NULL;
    const char *id = NULL;
    int rc = check_object(root, document, "configuration_item", keys, &rp);
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
    if (rc != ITSM_OK) {
        itsm_ci_free(ci);
        return rc;
    }
    *out = ci;
    return ITSM_OK;
}

itsm_status itsm_ci_from_json(itsm_ci **out, const char *json, size_t len)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(json);
    json_t *root = NULL;
    int rc = itsm__json_load(&root, json, len, "configuration item");
    if (rc != ITSM_OK)
        return rc;
    itsm__jpath rp = itsm__jpath_root();
    rc = read_ci(out, root, true, &rp);
    json_decref(root);
    return rc;
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

static int read_pending(itsm_pending_item **out, const json_t *root, bool document, const itsm__jpath *p)
{
    static const char *const keys[] = {"itsm_schema", "type", "id", "title", "owner", "status",
                                       "due", "trigger_event", "history", NULL};
    const itsm__jpath rp = *p;
    itsm_pending_item *item = NULL;
    const char *id = NULL, *title = NULL, *owner = NULL;
    itsm_pending_status status = ITSM_PENDING_OPEN;
    int rc = check_object(root, document, "pending_item", keys, &rp);
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
    if (rc != ITSM_OK) {
        itsm_pending_free(item);
        return rc;
    }
    *out = item;
    return ITSM_OK;
}

itsm_status itsm_pending_from_json(itsm_pending_item **out, const char *json, size_t len)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(json);
    json_t *root = NULL;
    int rc = itsm__json_load(&root, json, len, "pending item");
    if (rc != ITSM_OK)
        return rc;
    itsm__jpath rp = itsm__jpath_root();
    rc = read_pending(out, root, true, &rp);
    json_decref(root);
    return rc;
}

/* ---- writing -------------------------------------------------------------------------------- */

/* The members of `ci` into `obj` (after any header). */
static int write_ci(json_t *obj, const itsm_ci *ci, const char *what)
{
    int rc = itsm__json_put(obj, "id", json_string(ci->id), what);
    for (size_t k = 0; rc == ITSM_OK && k < ITSM__CI_TEXT_COUNT; k++) {
        if (ci->text[k] != NULL)
            rc = itsm__json_put(obj, itsm__ci_text_keys[k], json_string(ci->text[k]), what);
    }
    for (size_t k = 0; rc == ITSM_OK && k < ITSM__CI_DATE_COUNT; k++) {
        if (ci->has_date[k])
            rc = itsm__json_put(obj, itsm__ci_date_keys[k], itsm__json_date(ci->date[k]), what);
    }
    return rc;
}

static const char *status_word(itsm_pending_status status)
{
    const char *name = NULL;
    (void)itsm_pending_status_name(&name, status);
    return name;
}

/* The members of `item` into `obj` (after any header). */
static int write_pending(json_t *obj, const itsm_pending_item *item, const char *what)
{
    int rc = itsm__json_put(obj, "id", json_string(item->id), what);
    if (rc == ITSM_OK)
        rc = itsm__json_put(obj, "title", json_string(item->title), what);
    if (rc == ITSM_OK)
        rc = itsm__json_put(obj, "owner", json_string(item->owner), what);
    if (rc == ITSM_OK)
        rc = itsm__json_put(obj, "status", json_string(status_word(item->status)), what);
    if (rc == ITSM_OK && item->has_due)
        rc = itsm__json_put(obj, "due", itsm__json_date(item->due), what);
    if (rc == ITSM_OK && item->event != NULL)
        rc = itsm__json_put(obj, "trigger_event", json_string(item->event), what);
    if (rc == ITSM_OK && item->history_count > 0) {
        json_t *list = json_array();
        rc = itsm__json_put(obj, "history", list, what);
        for (size_t i = 0; rc == ITSM_OK && i < item->history_count; i++) {
            static const char *const keys[] = {"owner", "status", "note"};
            const itsm__pending_entry *e = &item->history[i];
            const char *const texts[] = {e->owner, status_word(e->status), e->note};
            rc = itsm__json_append_history(list, e->at, 3, keys, texts, what);
        }
    }
    return rc;
}

typedef int (*write_fn)(json_t *obj, const void *item, const char *what);

/* A whole document of `type`: header and members. */
static int write_document(char **out, const char *type, write_fn write, const void *item, const char *what)
{
    json_t *root = NULL;
    int rc = itsm__json_new_document(&root, ITSM__LIFECYCLE_SCHEMA, type, what);
    if (rc == ITSM_OK)
        rc = write(root, item, what);
    if (rc == ITSM_OK)
        rc = itsm__json_dump(out, root, what);
    json_decref(root);
    return rc;
}

static int write_ci_fn(json_t *obj, const void *item, const char *what)
{
    return write_ci(obj, item, what);
}

static int write_pending_fn(json_t *obj, const void *item, const char *what)
{
    return write_pending(obj, item, what);
}

itsm_status itsm_ci_to_json(char **out, const itsm_ci *ci)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(ci);
    return write_document(out, "configuration_item", write_ci_fn, ci, "itsm_ci_to_json");
}

itsm_status itsm_pending_to_json(char **out, const itsm_pending_item *item)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(item);
    return write_document(out, "pending_item", write_pending_fn, item, "itsm_pending_to_json");
}

/* ---- sets ------------------------------------------------------------------------------------- */

void itsm_ci_set_free(itsm_ci **cis, size_t count)
{
    if (cis == NULL)
        return;
    for (size_t i = 0; i < count; i++)
        itsm_ci_free(cis[i]);
    itsm__free(cis);
}

void itsm_pending_set_free(itsm_pending_item **items, size_t count)
{
    if (items == NULL)
        return;
    for (size_t i = 0; i < count; i++)
        itsm_pending_free(items[i]);
    itsm__free(items);
}

static int ci_set_read(void *items, size_t i, const json_t *e, const itsm__jpath *p)
{
    return read_ci(&((itsm_ci **)items)[i], e, false, p);
}

static void ci_set_release(void *items, size_t count)
{
    itsm_ci_set_free(items, count);
}

static int ci_set_write(json_t *obj, const void *items, size_t i, const char *what)
{
    const itsm_ci *ci = ((const itsm_ci *const *)items)[i];
    if (ci == NULL)
        return itsm__error(ITSM_EINVAL, "%s: cis[%zu] is NULL", what, i);
    return write_ci(obj, ci, what);
}

static int pending_set_read(void *items, size_t i, const json_t *e, const itsm__jpath *p)
{
    return read_pending(&((itsm_pending_item **)items)[i], e, false, p);
}

static void pending_set_release(void *items, size_t count)
{
    itsm_pending_set_free(items, count);
}

static int pending_set_write(json_t *obj, const void *items, size_t i, const char *what)
{
    const itsm_pending_item *item = ((const itsm_pending_item *const *)items)[i];
    if (item == NULL)
        return itsm__error(ITSM_EINVAL, "%s: items[%zu] is NULL", what, i);
    return write_pending(obj, item, what);
}

static const itsm__set_kind ci_set = {"configuration_item_set", "items", "configuration item set", sizeof(itsm_ci *),
                                      ci_set_read, ci_set_release, ci_set_write};
static const itsm__set_kind pending_set = {"pending_item_set", "items", "pending item set",
                                           sizeof(itsm_pending_item *), pending_set_read, pending_set_release,
                                           pending_set_write};

itsm_status itsm_ci_set_from_json(itsm_ci ***out, size_t *out_count, const char *json, size_t len)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(out_count);
    ITSM__CHECK_ARG(json);
    void *items = NULL;
    int rc = itsm__set_from_json(&items, out_count, json, len, ITSM__LIFECYCLE_SCHEMA, &ci_set);
    if (rc == ITSM_OK)
        *out = items;
    return rc;
}

itsm_status itsm_ci_set_to_json(char **out, const itsm_ci *const *cis, size_t count)
{
    ITSM__CHECK_ARG(out);
    if (count > 0)
        ITSM__CHECK_ARG(cis);
    return itsm__set_to_json(out, cis, count, ITSM__LIFECYCLE_SCHEMA, &ci_set, "itsm_ci_set_to_json");
}

itsm_status itsm_pending_set_from_json(itsm_pending_item ***out, size_t *out_count, const char *json, size_t len)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(out_count);
    ITSM__CHECK_ARG(json);
    void *items = NULL;
    int rc = itsm__set_from_json(&items, out_count, json, len, ITSM__LIFECYCLE_SCHEMA, &pending_set);
    if (rc == ITSM_OK)
        *out = items;
    return rc;
}

itsm_status itsm_pending_set_to_json(char **out, const itsm_pending_item *const *items, size_t count)
{
    ITSM__CHECK_ARG(out);
    if (count > 0)
        ITSM__CHECK_ARG(items);
    return itsm__set_to_json(out, items, count, ITSM__LIFECYCLE_SCHEMA, &pending_set, "itsm_pending_set_to_json");
}
