/* Operational record documents (itsm/records.h; docs/schema/<type>.schema.json,
 * "itsm_schema": 1): reader, canonical writer and accessors.
 *
 * As for agreements (lib/io/agreement_json.c), a schema table per type drives both
 * directions and the document is kept as a tree of agreement nodes
 * (model/agreement_internal.h): the reader checks every member against the table and keeps
 * members in table order; the writer walks the tree with the table, so loading its output
 * and saving it again gives the same text. Instants are validated with
 * itsm_instant_parse_n() and kept as written; hours are stored as quarter hours. */
#include "internal.h"
#include "io/json_value.h"
#include "itsm/records.h"
#include "model/agreement_internal.h"
#include "model/records_internal.h"

#include <jansson.h>

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define ITSM__RECORD_SCHEMA 1
#define ITSM__RECORD_MAX_KEYS 24
/* Most hours a record may hold (a person-year is about 2,000). */
#define ITSM__RECORD_MAX_HOURS 1000000.0

typedef enum rkind { R_STRING, R_INSTANT, R_HOURS, R_INT, R_BOOL, R_DATE, R_OBJECT, R_STRINGS } rkind;

typedef struct rspec rspec;

typedef struct rfield {
    const char *key;
    rkind kind;
    const rspec *obj;         /* for R_OBJECT */
    const char *const *words; /* allowed strings (NULL-terminated), or NULL for any */
    bool required;
} rfield;

/* `later` must not be before `earlier` when both are present (instants of one object). */
typedef struct rorder {
    const char *earlier, *later;
} rorder;

struct rspec {
    const rfield *fields;
    size_t count;
    const rorder *order;
    size_t order_count;
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define STR(k) {k, R_STRING, NULL, NULL, false}
#define STR_REQ(k) {k, R_STRING, NULL, NULL, true}
#define WORD(k, w) {k, R_STRING, NULL, w, false}
#define WORD_REQ(k, w) {k, R_STRING, NULL, w, true}
#define INSTANT(k) {k, R_INSTANT, NULL, NULL, false}
#define INSTANT_REQ(k) {k, R_INSTANT, NULL, NULL, true}
#define HOURS(k) {k, R_HOURS, NULL, NULL, false}
#define INT(k) {k, R_INT, NULL, NULL, false}
#define BOOL(k) {k, R_BOOL, NULL, NULL, false}
#define DATE(k) {k, R_DATE, NULL, NULL, false}
#define OBJ(k, o) {k, R_OBJECT, &o, NULL, false}
#define STRS(k) {k, R_STRINGS, NULL, NULL, false}
#define ID STR_REQ("id")
#define SPEC(name, fields) static const rspec name = {fields, COUNT(fields), NULL, 0}
#define SPEC_ORDERED(name, fields, order) static const rspec name = {fields, COUNT(fields), order, COUNT(order)}

static const char *const channels[] = {"phone", "mail", "fax", "web", "chat", "visit", "other", NULL};
static const char *const call_categories[] = {"incident", "question", "request", "complaint", "other", NULL};
static const char *const outage_kinds[] = {"unplanned", "planned_maintenance", NULL};
static const char *const backup_results[] = {"succeeded", "failed", "partial", "skipped", NULL};
static const char *const backup_methods[] = {"full", "incremental", "differential", NULL};
static const char *const check_results[] = {"ok", "warning", "critical", "unknown", NULL};
/* The English names of itsm_maint_type and itsm_mr_origin (itsm/maint.h). */
static const char *const maint_types[] = {"corrective", "emergency", "preventive",
                                          "adaptive",   "perfective", "additive", NULL};
static const char *const origins[] = {"user", "vendor", "third_party", "unknown", NULL};
static const char *const decisions[] = {"approved", "rejected", "deferred", NULL};
static const char *const delivery_methods[] = {"mail", "portal", "paper", "meeting", "other", NULL};

static const rfield call_fields[] = {
    ID, INSTANT_REQ("received_at"), WORD("channel", channels), STR("caller"), STR("received_by"), STR("service"),
    WORD("category", call_categories), STR("summary"), STR("incident"), INSTANT("closed_at"), STR("note")};
static const rorder call_order[] = {{"received_at", "closed_at"}};
SPEC_ORDERED(call_spec, call_fields, call_order);

static const rfield outage_fields[] = {
    ID, WORD_REQ("kind", outage_kinds), INSTANT_REQ("start"), INSTANT("end"), INSTANT("notified_at"),
    STRS("notified_to"), STRS("affected_services"), STR("cause"), STR("incident"), STR("change"), STR("note")};
static const rorder outage_order[] = {{"start", "end"}};
SPEC_ORDERED(outage_spec, outage_fields, outage_order);

static const rfield backup_fields[] = {
    ID, STR_REQ("target"), INSTANT_REQ("started_at"), INSTANT("finished_at"), WORD("method", backup_methods),
    WORD("result", backup_results), INT("size_bytes"), STR("location"), STR("note")};
static const rorder backup_order[] = {{"started_at", "finished_at"}};
SPEC_ORDERED(backup_spec, backup_fields, backup_order);

static const rfield check_fields[] = {
    ID, STR_REQ("target"), INSTANT_REQ("checked_at"), STR("check"), WORD("result", check_results), STR("value"),
    STR("threshold"), BOOL("alerted"), STR("incident"), STR("note")};
SPEC(check_spec, check_fields);

static const rfield board_fields[] = {WORD("decision", decisions), INSTANT("decided_at"), STRS("members"),
                                      STR("note")};
SPEC(board_spec, board_fields);
static const rfield change_fields[] = {
    ID, STR("title"), WORD("maintenance_type", maint_types), WORD("origin", origins), INSTANT("requested_at"),
    STR("requested_by"), STR("reason"), STR("description"), STRS("affected_services"), BOOL("emergency"),
    WORD("decision", decisions), INSTANT("decided_at"), STR("decided_by"), OBJ("advisory_board", board_spec),
    STR("back_out_plan"), INSTANT("started_at"), INSTANT("completed_at"), STR("implemented_by"), STR("note")};
static const rorder change_order[] = {
    {"requested_at", "decided_at"}, {"decided_at", "started_at"}, {"started_at", "completed_at"}};
SPEC_ORDERED(change_spec, change_fields, change_order);

static const rfield effort_fields[] = {ID,           STR_REQ("work_item"), STR_REQ("person"),
                                       DATE("date"), HOURS("planned_hours"), HOURS("actual_hours"),
                                       STR("note")};
SPEC(effort_spec, effort_fields);

static const rfield period_fields[] = {DATE("start"), DATE("end")};
SPEC(period_spec, period_fields);
static const rfield report_fields[] = {
    ID, STR_REQ("report"), OBJ("period", period_spec), DATE("due"), INSTANT("delivered_at"), STR("recipient"),
    WORD("method", delivery_methods), STR("note")};
SPEC(report_spec, report_fields);

/* NULL-terminated for itsm__json_check_header(); indexed by itsm_record_type. */
static const char *const type_names[] = {"call",   "outage", "backup_run", "monitoring_check",
                                         "change", "effort", "report_delivery", NULL};
static const rspec *const type_specs[] = {&call_spec,   &outage_spec, &backup_spec, &check_spec,
                                          &change_spec, &effort_spec, &report_spec};

/* ---- reading ------------------------------------------------------------------------------ */

static int read_object(itsm__anode *node, const json_t *obj, const rspec *spec, bool root, const itsm__jpath *p);

static int read_string(itsm__anode *node, const json_t *v, const char *const *words, const itsm__jpath *p)
{
    const char *text = NULL;
    int index = 0;
    node->kind = ITSM__AN_STRING;
    int rc = itsm__json_get_string(&text, v, p);
    if (rc == ITSM_OK && text[0] == '\0')
        rc = itsm__jpath_error(ITSM_EINVAL, p, "must not be empty");
    if (rc == ITSM_OK)
        rc = words == NULL ? ITSM_OK : itsm__json_word(&index, text, words, p);
    if (rc == ITSM_OK && (node->text = itsm__strdup(text, "record text")) == NULL)
        rc = ITSM_ENOMEM;
    return rc;
}

static int read_value(itsm__anode *node, const json_t *v, const rfield *f, const itsm__jpath *p)
{
    switch (f->kind) {
    case R_STRING:
        return read_string(node, v, f->words, p);
    case R_INSTANT: {
        /* Kept as written (a string node); `integer` holds the instant for the order checks. */
        int rc = read_string(node, v, NULL, p);
        if (rc != ITSM_OK)
            return rc;
        itsm_instant t = 0;
        if (itsm_instant_parse_n(&t, node->text, strlen(node->text), NULL) != ITSM_OK) {
            char q[96];
            itsm__json_quote(q, sizeof q, node->text, 40);
            return itsm__jpath_error(ITSM_EINVAL, p, "%s is not an ISO 8601 instant with a UTC offset "
                                     "(like \"2025-04-01T09:00:00+09:00\")",
                                     q);
        }
        node->integer = t;
        return ITSM_OK;
    }
    case R_HOURS: {
        node->kind = ITSM__AN_INT;
        if (!json_is_number(v))
            return itsm__json_type_error(v, "a number of hours", p);
        double h = json_number_value(v);
        if (!(h >= 0.0 && h <= ITSM__RECORD_MAX_HOURS))
            return itsm__jpath_error(ITSM_ERANGE, p, "%g hours is outside 0 .. %g", h, ITSM__RECORD_MAX_HOURS);
        double quarters = h * 4.0;
        if ((double)(int64_t)quarters != quarters) /* exact: quarters <= 4e6 */
            return itsm__jpath_error(ITSM_EINVAL, p, "%g hours is not in quarter-hour steps", h);
        node->integer = (int64_t)quarters;
        return ITSM_OK;
    }
    case R_INT:
        node->kind = ITSM__AN_INT;
        if (!json_is_integer(v))
            return itsm__json_type_error(v, "an integer", p);
        node->integer = (int64_t)json_integer_value(v);
        if (node->integer < 0)
            return itsm__jpath_error(ITSM_ERANGE, p, "%" PRId64 " is negative", node->integer);
        return ITSM_OK;
    case R_BOOL:
        node->kind = ITSM__AN_BOOL;
        return itsm__json_get_bool(&node->flag, v, p);
    case R_DATE:
        node->kind = ITSM__AN_DATE;
        return itsm__json_get_date(&node->date, v, p);
    case R_OBJECT:
        return read_object(node, v, f->obj, false, p);
    case R_STRINGS:
    default: {
        node->kind = ITSM__AN_ARRAY;
        int rc = itsm__json_need_array(v, p);
        size_t i;
        const json_t *e;
        json_array_foreach((json_t *)v, i, e) {
            if (rc != ITSM_OK)
                break;
            itsm__anode *child = NULL;
            itsm__jpath ip = itsm__jpath_index(p, i);
            rc = itsm__anode_add(&child, node, NULL);
            if (rc == ITSM_OK)
                rc = read_string(child, e, f->words, &ip);
        }
        return rc;
    }
    }
}

static int check_order(const itsm__anode *node, const rspec *spec, const itsm__jpath *p)
{
    for (size_t i = 0; i < spec->order_count; i++) {
        const itsm__anode *a = itsm__anode_get(node, spec->order[i].earlier);
        const itsm__anode *b = itsm__anode_get(node, spec->order[i].later);
        if (a != NULL && b != NULL && b->integer < a->integer) {
            itsm__jpath kp = itsm__jpath_key(p, spec->order[i].later);
            return itsm__jpath_error(ITSM_ERANGE, &kp, "%s is before %s (\"%s\")", b->text, spec->order[i].earlier,
                                     a->text);
        }
    }
    return ITSM_OK;
}

static int read_object(itsm__anode *node, const json_t *obj, const rspec *spec, bool root, const itsm__jpath *p)
{
    node->kind = ITSM__AN_OBJECT;
    int rc = itsm__json_need_object(obj, p);
    if (rc != ITSM_OK)
        return rc;
    const char *keys[ITSM__RECORD_MAX_KEYS + 3];
    size_t n = 0;
    if (root) {
        keys[n++] = "itsm_schema";
        keys[n++] = "type";
    }
    for (size_t i = 0; i < spec->count; i++)
        keys[n++] = spec->fields[i].key;
    keys[n] = NULL;
    rc = itsm__json_check_keys(obj, keys, p);
    for (size_t i = 0; rc == ITSM_OK && i < spec->count; i++) {
        const rfield *f = &spec->fields[i];
        const json_t *v = json_object_get(obj, f->key);
        if (v == NULL) {
            if (f->required)
                rc = itsm__json_member(&v, obj, f->key, p);
            continue;
        }
        itsm__anode *child = NULL;
        itsm__jpath kp = itsm__jpath_key(p, f->key);
        rc = itsm__anode_add(&child, node, f->key);
        if (rc == ITSM_OK)
            rc = read_value(child, v, f, &kp);
    }
    if (rc == ITSM_OK)
        rc = check_order(node, spec, p);
    return rc;
}

static int check_header(itsm_record_type *type, const json_t *root, const itsm__jpath *rp)
{
    size_t which = 0;
    int rc = itsm__json_check_header(&which, root, ITSM__RECORD_SCHEMA, type_names, rp);
    if (rc == ITSM_OK)
        *type = (itsm_record_type)which;
    return rc;
}

itsm_status itsm_record_from_json(itsm_record **out, const char *json, size_t len)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(json);
    json_t *root = NULL;
    int rc = itsm__json_load(&root, json, len, "record");
    if (rc != ITSM_OK)
        return rc;
    itsm__jpath rp = itsm__jpath_root();
    itsm_record *r = itsm__calloc(1, sizeof *r, "record");
    if (r == NULL)
        rc = ITSM_ENOMEM;
    if (rc == ITSM_OK)
        rc = check_header(&r->type, root, &rp);
    if (rc == ITSM_OK)
        rc = read_object(&r->root, root, type_specs[r->type], true, &rp);
    json_decref(root);
    if (rc != ITSM_OK) {
        itsm_record_free(r);
        return rc;
    }
    *out = r;
    return ITSM_OK;
}

/* ---- writing -------------------------------------------------------------------------------- */

static json_t *object_json(const itsm__anode *n, const rspec *spec, const char *what);

static const rfield *field_of(const rspec *spec, const char *key)
{
    for (size_t i = 0; i < spec->count; i++) {
        if (strcmp(spec->fields[i].key, key) == 0)
            return &spec->fields[i];
    }
    return NULL;
}

static json_t *value_json(const itsm__anode *n, const rfield *f, const char *what)
{
    switch (f->kind) {
    case R_STRING:
    case R_INSTANT:
        return json_string(n->text);
    case R_HOURS:
        if (n->integer % 4 == 0)
            return json_integer((json_int_t)(n->integer / 4));
        return json_real((double)n->integer / 4.0);
    case R_INT:
        return json_integer((json_int_t)n->integer);
    case R_BOOL:
        return json_boolean(n->flag);
    case R_DATE: {
        char buf[ITSM_DATE_TEXT_SIZE];
        if (itsm_date_format(buf, sizeof buf, n->date) != ITSM_OK)
            return NULL;
        return json_string(buf);
    }
    case R_OBJECT:
        return object_json(n, f->obj, what);
    case R_STRINGS:
    default: {
        json_t *list = json_array();
        for (size_t i = 0; list != NULL && i < n->count; i++) {
            if (itsm__json_append(list, json_string(n->items[i].text), what) != ITSM_OK) {
                json_decref(list);
                list = NULL;
            }
        }
        return list;
    }
    }
}

static int put_members(json_t *obj, const itsm__anode *n, const rspec *spec, const char *what)
{
    int rc = ITSM_OK;
    for (size_t i = 0; rc == ITSM_OK && i < n->count; i++) {
        const itsm__anode *c = &n->items[i];
        const rfield *f = field_of(spec, c->key);
        rc = itsm__json_put(obj, c->key, f == NULL ? NULL : value_json(c, f, what), what);
    }
    return rc;
}

static json_t *object_json(const itsm__anode *n, const rspec *spec, const char *what)
{
    json_t *obj = json_object();
    if (obj != NULL && put_members(obj, n, spec, what) != ITSM_OK) {
        json_decref(obj);
        obj = NULL;
    }
    return obj;
}

itsm_status itsm_record_to_json(char **out, const itsm_record *record)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(record);
    const char *what = "itsm_record_to_json";
    json_t *root = json_object();
    int rc = root != NULL ? ITSM_OK : itsm__error(ITSM_ENOMEM, "%s: out of memory", what);
    if (rc == ITSM_OK)
        rc = itsm__json_put(root, "itsm_schema", json_integer(ITSM__RECORD_SCHEMA), what);
    if (rc == ITSM_OK)
        rc = itsm__json_put(root, "type", json_string(type_names[record->type]), what);
    if (rc == ITSM_OK)
        rc = put_members(root, &record->root, type_specs[record->type], what);
    if (rc == ITSM_OK)
        rc = itsm__json_dump(out, root, what);
    json_decref(root);
    return rc;
}

/* ---- accessors ------------------------------------------------------------------------------ */

void itsm_record_free(itsm_record *record)
{
    if (record == NULL)
        return;
    itsm__anode_clear(&record->root);
    itsm__free(record);
}

itsm_record_type itsm_record_get_type(const itsm_record *record)
{
    return record == NULL ? ITSM_RECORD_CALL : record->type;
}

const char *itsm_record_id(const itsm_record *record)
{
    return record == NULL ? NULL : itsm__anode_text(&record->root, "id");
}

itsm_status itsm_record_type_name(const char **out, itsm_record_type type)
{
    ITSM__CHECK_ARG(out);
    if ((unsigned)type >= COUNT(type_names) - 1) {
        *out = NULL;
        return itsm__error(ITSM_EINVAL, "itsm_record_type_name: unknown record type %d", (int)type);
    }
    *out = type_names[type];
    return ITSM_OK;
}
