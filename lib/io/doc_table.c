/* Documents described by a table of their members (io/doc_table.h): the reader and the
 * canonical writer shared by agreements, services, parties and operational records.
 * Instants are validated with itsm_instant_parse_n() and kept as written; hours are stored
 * as quarter hours; SLA items are read and written by io/sla_json.h. */
#include "io/doc_table.h"

#include "internal.h"
#include "io/sla_json.h"

#include <jansson.h>

#include <inttypes.h>
#include <string.h>

/* Most hours a document may hold (a person-year is about 2,000). */
#define ITSM__DOC_MAX_HOURS 1000000.0

const char *const itsm__doc_root_keys[] = {"itsm_schema", "type", NULL};

/* ---- reading ------------------------------------------------------------------------------ */

static int read_string(itsm__anode *node, const json_t *v, const char *const *words, const itsm__jpath *p)
{
    const char *text = NULL;
    int index = 0;
    node->kind = ITSM__AN_STRING;
    int rc = itsm__json_get_string(&text, v, p);
    if (rc == ITSM_OK && text[0] == '\0')
        rc = itsm__jpath_error(ITSM_EINVAL, p, "must not be empty");
    if (rc == ITSM_OK && words != NULL)
        rc = itsm__json_word(&index, text, words, p);
    if (rc == ITSM_OK && (node->text = itsm__strdup(text, "document text")) == NULL)
        rc = ITSM_ENOMEM;
    return rc;
}

/* Kept as written (a string node); `integer` holds the instant for the order checks. */
static int read_instant(itsm__anode *node, const json_t *v, const itsm__jpath *p)
{
    int rc = read_string(node, v, NULL, p);
    if (rc != ITSM_OK)
        return rc;
    itsm_instant t = 0;
    if (itsm_instant_parse_n(&t, node->text, strlen(node->text), NULL) != ITSM_OK) {
        char q[96];
        itsm__json_quote(q, sizeof q, node->text, 40);
        return itsm__jpath_error(ITSM_EINVAL, p,
                                 "%s is not an ISO 8601 instant with a UTC offset "
                                 "(like \"2025-04-01T09:00:00+09:00\")",
                                 q);
    }
    node->integer = t;
    return ITSM_OK;
}

static int read_hours(itsm__anode *node, const json_t *v, const itsm__jpath *p)
{
    node->kind = ITSM__AN_INT;
    if (!json_is_number(v))
        return itsm__json_type_error(v, "a number of hours", p);
    double h = json_number_value(v);
    if (!(h >= 0.0 && h <= ITSM__DOC_MAX_HOURS))
        return itsm__jpath_error(ITSM_ERANGE, p, "%g hours is outside 0 .. %g", h, ITSM__DOC_MAX_HOURS);
    double quarters = h * 4.0;
    if ((double)(int64_t)quarters != quarters) /* exact: quarters <= 4e6 */
        return itsm__jpath_error(ITSM_EINVAL, p, "%g hours is not in quarter-hour steps", h);
    node->integer = (int64_t)quarters;
    return ITSM_OK;
}

static int read_int(itsm__anode *node, const json_t *v, const itsm__jpath *p)
{
    node->kind = ITSM__AN_INT;
    if (!json_is_integer(v))
        return itsm__json_type_error(v, "an integer", p);
    node->integer = (int64_t)json_integer_value(v);
    if (node->integer < 0)
        return itsm__jpath_error(ITSM_ERANGE, p, "%" PRId64 " is negative", node->integer);
    return ITSM_OK;
}

static int read_value(itsm__anode *node, const json_t *v, const itsm__dfield *f, itsm__dkind kind,
                      const itsm__jpath *p);

static int read_array(itsm__anode *node, const json_t *v, const itsm__dfield *f, const itsm__jpath *p)
{
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
            rc = read_value(child, e, f, f->item, &ip);
    }
    return rc;
}

static int read_value(itsm__anode *node, const json_t *v, const itsm__dfield *f, itsm__dkind kind,
                      const itsm__jpath *p)
{
    switch (kind) {
    case ITSM__DK_STRING:
        return read_string(node, v, f->words, p);
    case ITSM__DK_INSTANT:
        return read_instant(node, v, p);
    case ITSM__DK_HOURS:
        return read_hours(node, v, p);
    case ITSM__DK_INT:
        return read_int(node, v, p);
    case ITSM__DK_BOOL:
        node->kind = ITSM__AN_BOOL;
        return itsm__json_get_bool(&node->flag, v, p);
    case ITSM__DK_DATE:
        node->kind = ITSM__AN_DATE;
        return itsm__json_get_date(&node->date, v, p);
    case ITSM__DK_OBJECT:
        return itsm__doc_read(node, v, f->obj, NULL, p);
    case ITSM__DK_SLA:
        node->kind = ITSM__AN_SLA;
        return itsm__sla_item_read(&node->sla, v, p);
    case ITSM__DK_ARRAY:
    default:
        return read_array(node, v, f, p);
    }
}

static int check_order(const itsm__anode *node, const itsm__dspec *spec, const itsm__jpath *p)
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

static int check_keys(const json_t *obj, const itsm__dspec *spec, const char *const *extra_keys,
                      const itsm__jpath *p)
{
    const char *keys[ITSM__DOC_MAX_KEYS + 3];
    size_t n = 0;
    for (size_t i = 0; extra_keys != NULL && extra_keys[i] != NULL; i++)
        keys[n++] = extra_keys[i];
    for (size_t i = 0; i < spec->count; i++)
        keys[n++] = spec->fields[i].key;
    keys[n] = NULL;
    return itsm__json_check_keys(obj, keys, p);
}

int itsm__doc_read(itsm__anode *node, const json_t *obj, const itsm__dspec *spec, const char *const *extra_keys,
                   const itsm__jpath *p)
{
    node->kind = ITSM__AN_OBJECT;
    int rc = itsm__json_need_object(obj, p);
    if (rc == ITSM_OK)
        rc = check_keys(obj, spec, extra_keys, p);
    for (size_t i = 0; rc == ITSM_OK && i < spec->count; i++) {
        const itsm__dfield *f = &spec->fields[i];
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
            rc = read_value(child, v, f, f->kind, &kp);
    }
    if (rc == ITSM_OK)
        rc = check_order(node, spec, p);
    return rc;
}

int itsm__doc_read_document(itsm__anode *root, size_t *out_type, const json_t *doc, int schema,
                            const char *const *types, const itsm__dspec *const *specs)
{
    itsm__jpath rp = itsm__jpath_root();
    int rc = itsm__json_check_header(out_type, doc, schema, types, &rp);
    if (rc == ITSM_OK)
        rc = itsm__doc_read(root, doc, specs[*out_type], itsm__doc_root_keys, &rp);
    return rc;
}

int itsm__doc_from_json(itsm__anode *root, size_t *out_type, const char *json, size_t len, const char *what,
                        int schema, const char *const *types, const itsm__dspec *const *specs)
{
    json_t *doc = NULL;
    int rc = itsm__json_load(&doc, json, len, what);
    if (rc != ITSM_OK)
        return rc;
    rc = itsm__doc_read_document(root, out_type, doc, schema, types, specs);
    json_decref(doc);
    return rc;
}

/* ---- writing -------------------------------------------------------------------------------- */

static json_t *value_json(const itsm__anode *n, const itsm__dfield *f, itsm__dkind kind, const char *what);

static const itsm__dfield *field_of(const itsm__dspec *spec, const char *key)
{
    for (size_t i = 0; i < spec->count; i++) {
        if (strcmp(spec->fields[i].key, key) == 0)
            return &spec->fields[i];
    }
    return NULL;
}

static json_t *array_json(const itsm__anode *n, const itsm__dfield *f, const char *what)
{
    json_t *list = json_array();
    for (size_t i = 0; list != NULL && i < n->count; i++) {
        if (itsm__json_append(list, value_json(&n->items[i], f, f->item, what), what) != ITSM_OK) {
            json_decref(list);
            list = NULL;
        }
    }
    return list;
}

static json_t *object_json(const itsm__anode *n, const itsm__dspec *spec, const char *what)
{
    json_t *obj = json_object();
    if (obj != NULL && itsm__doc_put(obj, n, spec, what) != ITSM_OK) {
        json_decref(obj);
        obj = NULL;
    }
    return obj;
}

static json_t *value_json(const itsm__anode *n, const itsm__dfield *f, itsm__dkind kind, const char *what)
{
    switch (kind) {
    case ITSM__DK_STRING:
    case ITSM__DK_INSTANT:
        return json_string(n->text);
    case ITSM__DK_HOURS:
        if (n->integer % 4 == 0)
            return json_integer((json_int_t)(n->integer / 4));
        return json_real((double)n->integer / 4.0);
    case ITSM__DK_INT:
        return json_integer((json_int_t)n->integer);
    case ITSM__DK_BOOL:
        return json_boolean(n->flag);
    case ITSM__DK_DATE:
        return itsm__json_date(n->date);
    case ITSM__DK_OBJECT:
        return object_json(n, f->obj, what);
    case ITSM__DK_SLA: {
        json_t *obj = NULL;
        return itsm__sla_item_json(&obj, n->sla) == ITSM_OK ? obj : NULL;
    }
    case ITSM__DK_ARRAY:
    default:
        return array_json(n, f, what);
    }
}

int itsm__doc_put(json_t *obj, const itsm__anode *node, const itsm__dspec *spec, const char *what)
{
    int rc = ITSM_OK;
    for (size_t i = 0; rc == ITSM_OK && i < node->count; i++) {
        const itsm__anode *c = &node->items[i];
        const itsm__dfield *f = field_of(spec, c->key);
        rc = itsm__json_put(obj, c->key, f == NULL ? NULL : value_json(c, f, f->kind, what), what);
    }
    return rc;
}

int itsm__doc_to_json(char **out, const itsm__anode *root, const itsm__dspec *spec, int schema, const char *type,
                      const char *what)
{
    json_t *doc = NULL;
    int rc = itsm__json_new_document(&doc, schema, type, what);
    if (rc == ITSM_OK)
        rc = itsm__doc_put(doc, root, spec, what);
    if (rc == ITSM_OK)
        rc = itsm__json_dump(out, doc, what);
    json_decref(doc);
    return rc;
}
