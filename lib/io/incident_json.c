/* Incident documents, incident record sets and JSON Lines streams of incidents
 * (docs/schema/incident.schema.json, incident_set.schema.json, "itsm_schema": 1): reader,
 * canonical writer and streaming reader.
 *
 * The reader is strict: an unknown key or a bad value is an error naming its JSON path
 * (`$.records[12].status_history[3].at`). The writer puts keys in a fixed order and leaves
 * out fields that are not set, so loading its output and saving it again gives the same
 * text. The stream holds one line and one record at a time. */
#include "internal.h"
#include "io/doc_set.h"
#include "io/json_value.h"
#include "io/jsonl.h"
#include "model/incident_internal.h"

#include "itsm/incident.h"

#include <jansson.h>

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define ITSM__INCIDENT_SCHEMA 1

/* ---- reading ------------------------------------------------------------------------------ */

static int check_header(const json_t *root, const char *type, const itsm__jpath *rp)
{
    const char *const types[] = {type, NULL};
    size_t which = 0;
    return itsm__json_check_header(&which, root, ITSM__INCIDENT_SCHEMA, types, rp);
}

/* An ISO 8601 instant with an offset or Z; the message quotes the text and says why. */
static int get_instant(itsm_instant *out, const json_t *v, const itsm__jpath *p)
{
    const char *text = NULL;
    *out = 0;
    int rc = itsm__json_get_string(&text, v, p);
    if (rc != ITSM_OK)
        return rc;
    rc = itsm_instant_parse_n(out, text, strlen(text), NULL);
    if (rc == ITSM_ENOMEM)
        return rc;
    if (rc != ITSM_OK) {
        char q[96];
        char why[400];
        itsm__json_quote(q, sizeof q, text, 40);
        (void)snprintf(why, sizeof why, "%s", itsm_error_last());
        return itsm__jpath_error(rc, p, "%s is not an ISO 8601 instant (%s)", q, why);
    }
    return ITSM_OK;
}

static int get_required_instant(itsm_instant *out, const json_t *obj, const itsm__jpath *p)
{
    const json_t *v = NULL;
    itsm__jpath ap = itsm__jpath_key(p, "at");
    int rc = itsm__json_member(&v, obj, "at", p);
    if (rc == ITSM_OK)
        rc = get_instant(out, v, &ap);
    return rc;
}

/* One of `names` (count of them) as its index. */
static int get_word(int *out, const json_t *v, const char *const *names, int count, const char *what,
                    const char *list, const itsm__jpath *p)
{
    const char *text = NULL;
    int rc = itsm__json_get_string(&text, v, p);
    if (rc != ITSM_OK)
        return rc;
    for (int k = 0; k < count; k++) {
        if (strcmp(text, names[k]) == 0) {
            *out = k;
            return ITSM_OK;
        }
    }
    char q[96];
    itsm__json_quote(q, sizeof q, text, 40);
    return itsm__jpath_error(ITSM_EINVAL, p, "%s is not %s (expected one of: %s)", q, what, list);
}

static const char *const status_words[] = {"new", "active", "on_hold", "resolved", "closed"};
static const char *const severity_words[] = {"0", "0+", "1", "2", "3"};

static int read_change(itsm_incident *inc, const json_t *e, const itsm__jpath *p)
{
    static const char *const keys[] = {"at", "status", "group", "by", NULL};
    int rc = itsm__json_need_object(e, p);
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(e, keys, p);
    itsm_instant at = 0;
    int status = 0;
    const json_t *v = NULL;
    const char *group = NULL, *by = NULL;
    itsm__jpath ap = itsm__jpath_key(p, "at"), sp = itsm__jpath_key(p, "status");
    if (rc == ITSM_OK)
        rc = get_required_instant(&at, e, p);
    if (rc == ITSM_OK)
        rc = itsm__json_member(&v, e, "status", p);
    if (rc == ITSM_OK)
        rc = get_word(&status, v, status_words, 5, "a status", "new, active, on_hold, resolved, closed", &sp);
    if (rc == ITSM_OK)
        rc = itsm__json_opt_string(&group, e, "group", p);
    if (rc == ITSM_OK)
        rc = itsm__json_opt_string(&by, e, "by", p);
    if (rc == ITSM_OK &&
        (rc = itsm__incident_append_change(inc, at, (itsm_incident_status)status, group, by)) != ITSM_OK)
        rc = itsm__jpath_wrap(rc, &ap);
    return rc;
}

static int read_assignment(itsm_incident *inc, const json_t *e, const itsm__jpath *p)
{
    static const char *const keys[] = {"at", "group", NULL};
    int rc = itsm__json_need_object(e, p);
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(e, keys, p);
    itsm_instant at = 0;
    const char *group = NULL;
    itsm__jpath ap = itsm__jpath_key(p, "at");
    if (rc == ITSM_OK)
        rc = get_required_instant(&at, e, p);
    if (rc == ITSM_OK)
        rc = itsm__json_required_text(&group, e, "group", p);
    if (rc == ITSM_OK && (rc = itsm_incident_add_assignment(inc, at, group)) != ITSM_OK)
        rc = itsm__jpath_wrap(rc, &ap);
    return rc;
}

static int read_severity(itsm_incident *inc, const json_t *e, const itsm__jpath *p)
{
    static const char *const keys[] = {"at", "level", "by", NULL};
    int rc = itsm__json_need_object(e, p);
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(e, keys, p);
    itsm_instant at = 0;
    int level = 0;
    const json_t *v = NULL;
    const char *by = NULL;
    itsm__jpath ap = itsm__jpath_key(p, "at"), lp = itsm__jpath_key(p, "level");
    if (rc == ITSM_OK)
        rc = get_required_instant(&at, e, p);
    if (rc == ITSM_OK)
        rc = itsm__json_member(&v, e, "level", p);
    if (rc == ITSM_OK)
        rc = get_word(&level, v, severity_words, 5, "a severity level", "\"0\", \"0+\", \"1\", \"2\", \"3\"", &lp);
    if (rc == ITSM_OK)
        rc = itsm__json_required_text(&by, e, "by", p);
    if (rc == ITSM_OK && (rc = itsm_incident_declare_severity(inc, at, (itsm_severity_level)level, by)) != ITSM_OK)
        rc = itsm__jpath_wrap(rc, &ap);
    return rc;
}

typedef int (*read_entry_fn)(itsm_incident *inc, const json_t *e, const itsm__jpath *p);

static int read_list(itsm_incident *inc, const json_t *obj, const char *key, read_entry_fn fn,
                     const itsm__jpath *p)
{
    const json_t *list = json_object_get(obj, key);
    if (list == NULL)
        return ITSM_OK;
    itsm__jpath lp = itsm__jpath_key(p, key);
    int rc = itsm__json_need_array(list, &lp);
    size_t i;
    const json_t *e;
    json_array_foreach((json_t *)list, i, e) {
        if (rc != ITSM_OK)
            break;
        itsm__jpath ip = itsm__jpath_index(&lp, i);
        rc = fn(inc, e, &ip);
    }
    return rc;
}

/* The members of an incident object at `p` (a document when `document`, else a record of
 * a set, without "itsm_schema" and "type"). */
static int read_incident(itsm_incident **out, const json_t *obj, bool document, const itsm__jpath *p)
{
    static const char *const doc_keys[] = {"itsm_schema", "type",    "id",       "service",
                                           "ci",          "category", "impact",  "urgency",
                                           "priority",    "status_history", "assignment_history",
                                           "severity_declarations", NULL};
    *out = NULL;
    int rc = document ? check_header(obj, "incident", p) : itsm__json_need_object(obj, p);
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(obj, document ? doc_keys : doc_keys + 2, p);
    const char *id = NULL;
    itsm_incident *inc = NULL;
    if (rc == ITSM_OK)
        rc = itsm__json_required_text(&id, obj, "id", p);
    if (rc == ITSM_OK && (rc = itsm_incident_new(&inc, id)) != ITSM_OK) {
        itsm__jpath ip = itsm__jpath_key(p, "id");
        rc = itsm__jpath_wrap(rc, &ip);
    }
    for (size_t k = 0; rc == ITSM_OK && k < ITSM__INCIDENT_TEXT_COUNT; k++) {
        const char *text = NULL;
        itsm__jpath kp = itsm__jpath_key(p, itsm__incident_text_keys[k]);
        rc = itsm__json_opt_string(&text, obj, itsm__incident_text_keys[k], p);
        if (rc == ITSM_OK && text != NULL && (rc = itsm_incident_set_text(inc, (itsm_incident_text)k, text)) != ITSM_OK)
            rc = itsm__jpath_wrap(rc, &kp);
    }
    for (size_t k = 0; rc == ITSM_OK && k < ITSM__INCIDENT_LEVEL_COUNT; k++) {
        const json_t *v = json_object_get(obj, itsm__incident_level_keys[k]);
        itsm__jpath kp = itsm__jpath_key(p, itsm__incident_level_keys[k]);
        int32_t x = 0;
        if (v == NULL)
            continue;
        rc = itsm__json_get_int32(&x, v, &kp);
        if (rc == ITSM_OK && x < 1)
            rc = itsm__jpath_error(ITSM_ERANGE, &kp, "%" PRId32 " is outside 1 .. %d", x, ITSM__INCIDENT_LEVEL_MAX);
        if (rc == ITSM_OK && (rc = itsm_incident_set_level(inc, (itsm_incident_level)k, x)) != ITSM_OK)
            rc = itsm__jpath_wrap(rc, &kp);
    }
    if (rc == ITSM_OK)
        rc = read_list(inc, obj, "status_history", read_change, p);
    if (rc == ITSM_OK)
        rc = read_list(inc, obj, "assignment_history", read_assignment, p);
    if (rc == ITSM_OK)
        rc = read_list(inc, obj, "severity_declarations", read_severity, p);
    if (rc != ITSM_OK) {
        itsm_incident_free(inc);
        return rc;
    }
    *out = inc;
    return ITSM_OK;
}

itsm_status itsm_incident_from_json(itsm_incident **out, const char *json, size_t len)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(json);
    json_t *root = NULL;
    int rc = itsm__json_load(&root, json, len, "incident");
    if (rc != ITSM_OK)
        return rc;
    itsm__jpath rp = itsm__jpath_root();
    rc = read_incident(out, root, true, &rp);
    json_decref(root);
    return rc;
}

void itsm_incident_set_free(itsm_incident **incidents, size_t count)
{
    if (incidents == NULL)
        return;
    for (size_t i = 0; i < count; i++)
        itsm_incident_free(incidents[i]);
    itsm__free(incidents);
}

/* ---- record sets ---------------------------------------------------------------------------- */

static int set_read(void *items, size_t i, const json_t *e, const itsm__jpath *p)
{
    return read_incident(&((itsm_incident **)items)[i], e, false, p);
}

static void set_release(void *items, size_t count)
{
    itsm_incident_set_free(items, count);
}

static int write_incident(json_t *obj, const itsm_incident *inc, const char *what);

static int set_write(json_t *obj, const void *items, size_t i, const char *what)
{
    const itsm_incident *inc = ((const itsm_incident *const *)items)[i];
    if (inc == NULL)
        return itsm__error(ITSM_EINVAL, "%s: incidents[%zu] is NULL", what, i);
    return write_incident(obj, inc, what);
}

static const itsm__set_kind incident_set = {"incident_set", "records", "incident set", sizeof(itsm_incident *),
                                            set_read, set_release, set_write};

itsm_status itsm_incident_set_from_json(itsm_incident ***out, size_t *out_count, const char *json, size_t len)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(out_count);
    ITSM__CHECK_ARG(json);
    void *items = NULL;
    int rc = itsm__set_from_json(&items, out_count, json, len, ITSM__INCIDENT_SCHEMA, &incident_set);
    if (rc == ITSM_OK)
        *out = items;
    return rc;
}

itsm_status itsm_incident_set_to_json(char **out, const itsm_incident *const *incidents, size_t count)
{
    ITSM__CHECK_ARG(out);
    if (count > 0)
        ITSM__CHECK_ARG(incidents);
    return itsm__set_to_json(out, incidents, count, ITSM__INCIDENT_SCHEMA, &incident_set,
                             "itsm_incident_set_to_json");
}

/* ---- writing ------------------------------------------------------------------------------ */

static int put_list(json_t *obj, const char *key, json_t **list, const char *what)
{
    *list = json_array();
    return itsm__json_put(obj, key, *list, what);
}

/* The members of `inc` into `obj` (after any header). */
static int write_incident(json_t *obj, const itsm_incident *inc, const char *what)
{
    static const char *const change_keys[] = {"status", "group", "by"};
    static const char *const assignment_keys[] = {"group"};
    static const char *const severity_keys[] = {"level", "by"};
    int rc = itsm__json_put(obj, "id", json_string(inc->id), what);
    for (size_t k = 0; rc == ITSM_OK && k < ITSM__INCIDENT_TEXT_COUNT; k++) {
        if (inc->text[k] != NULL)
            rc = itsm__json_put(obj, itsm__incident_text_keys[k], json_string(inc->text[k]), what);
    }
    for (size_t k = 0; rc == ITSM_OK && k < ITSM__INCIDENT_LEVEL_COUNT; k++) {
        if (inc->level[k] != 0)
            rc = itsm__json_put(obj, itsm__incident_level_keys[k], json_integer(inc->level[k]), what);
    }
    json_t *list = NULL;
    if (rc == ITSM_OK)
        rc = put_list(obj, "status_history", &list, what);
    for (size_t i = 0; rc == ITSM_OK && i < inc->change_count; i++) {
        const itsm__incident_change *c = &inc->changes[i];
        const char *const texts[] = {status_words[c->status], c->group, c->by};
        rc = itsm__json_append_history(list, c->at, 3, change_keys, texts, what);
    }
    if (rc == ITSM_OK && inc->assignment_count > 0)
        rc = put_list(obj, "assignment_history", &list, what);
    for (size_t i = 0; rc == ITSM_OK && i < inc->assignment_count; i++) {
        const char *const texts[] = {inc->assignments[i].group};
        rc = itsm__json_append_history(list, inc->assignments[i].at, 1, assignment_keys, texts, what);
    }
    if (rc == ITSM_OK && inc->severity_count > 0)
        rc = put_list(obj, "severity_declarations", &list, what);
    for (size_t i = 0; rc == ITSM_OK && i < inc->severity_count; i++) {
        const itsm__severity_decl *d = &inc->severities[i];
        const char *const texts[] = {severity_words[d->level], d->by};
        rc = itsm__json_append_history(list, d->at, 2, severity_keys, texts, what);
    }
    return rc;
}

itsm_status itsm_incident_to_json(char **out, const itsm_incident *incident)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(incident);
    const char *what = "itsm_incident_to_json";
    json_t *root = NULL;
    int rc = itsm__json_new_document(&root, ITSM__INCIDENT_SCHEMA, "incident", what);
    if (rc == ITSM_OK)
        rc = write_incident(root, incident, what);
    if (rc == ITSM_OK)
        rc = itsm__json_dump(out, root, what);
    json_decref(root);
    return rc;
}

/* ---- JSON Lines ---------------------------------------------------------------------------- */

static int read_line(void **out, const json_t *doc)
{
    itsm__jpath rp = itsm__jpath_root();
    itsm_incident *item = NULL;
    int rc = read_incident(&item, doc, true, &rp);
    *out = item;
    return rc;
}

/* itsm_incident_stream_open, _open_memory, _close, _line, _next */
ITSM__JSONL_STREAM_API(incident, read_line, "incident")
