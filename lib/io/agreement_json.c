/* Agreement documents (docs/schema/agreement.schema.json, "itsm_schema": 1): reader and
 * canonical writer.
 *
 * The schema is a table (below) that drives both directions: the reader checks every
 * member against it (an unknown key, a value of the wrong type, an empty string or a word
 * outside an enumeration is an error naming its JSON path) and keeps members in table
 * order; the writer walks the tree, so loading its output and saving it again gives the
 * same text. Apart from "id" every member is optional: completeness is the lint's job
 * (lib/model/lint.c), so an incomplete agreement still loads. */
#include "internal.h"
#include "io/json_value.h"
#include "io/sla_json.h"
#include "model/agreement_internal.h"

#include <jansson.h>

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define ITSM__AGREEMENT_SCHEMA 1
/* Most members of any object in the schema (for the key list given to check_keys). */
#define ITSM__AGREEMENT_MAX_KEYS 40

typedef struct spec_obj spec_obj;

typedef struct spec_field {
    const char *key;
    itsm__anode_kind kind;
    itsm__anode_kind item_kind;  /* of the elements, for ITSM__AN_ARRAY */
    const spec_obj *obj;         /* for objects and arrays of objects */
    const char *const *words;    /* allowed strings (NULL-terminated), or NULL for any */
    bool required;
} spec_field;

struct spec_obj {
    const spec_field *fields;
    size_t count;
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define STR(k) {k, ITSM__AN_STRING, ITSM__AN_STRING, NULL, NULL, false}
#define WORD(k, w) {k, ITSM__AN_STRING, ITSM__AN_STRING, NULL, w, false}
#define INT(k) {k, ITSM__AN_INT, ITSM__AN_INT, NULL, NULL, false}
#define BOOL(k) {k, ITSM__AN_BOOL, ITSM__AN_BOOL, NULL, NULL, false}
#define DATE(k) {k, ITSM__AN_DATE, ITSM__AN_DATE, NULL, NULL, false}
#define OBJ(k, o) {k, ITSM__AN_OBJECT, ITSM__AN_OBJECT, &o, NULL, false}
#define STRS(k) {k, ITSM__AN_ARRAY, ITSM__AN_STRING, NULL, NULL, false}
#define WORDS(k, w) {k, ITSM__AN_ARRAY, ITSM__AN_STRING, NULL, w, false}
#define OBJS(k, o) {k, ITSM__AN_ARRAY, ITSM__AN_OBJECT, &o, NULL, false}
#define SPEC(name, fields) static const spec_obj name = {fields, COUNT(fields)}

static const char *const service_models[] = {"hardware_maintenance", "package_maintenance", "security_monitoring",
                                             "server_operation", "saas", "other", NULL};
static const char *const fee_periods[] = {"month", "year", "once", NULL};
/* Table 12. */
static const char *const delivery_forms[] = {"resident", "standby", "visit", "remote", "send_back",
                                             "phone_fax_mail", "information", NULL};
/* Table 13. */
static const char *const assignments[] = {"dedicated", "non_dedicated", NULL};
static const char *const work_categories[] = {"security", "emergency", "monitoring", "backup", "maintenance",
                                              "report", "support", "other", NULL};
static const char *const sides[] = {"vendor", "user", NULL};

static const spec_field period_fields[] = {DATE("start"), DATE("end")};
SPEC(period_spec, period_fields);
static const spec_field fee_fields[] = {INT("amount"), STR("currency"), WORD("per", fee_periods), STR("note")};
SPEC(fee_spec, fee_fields);
static const spec_field reception_fields[] = {STRS("methods"), STR("calendar"), STR("after_hours")};
SPEC(reception_spec, reception_fields);
static const spec_field hours_fields[] = {STR("calendar"), STR("note")};
SPEC(hours_spec, hours_fields);
static const spec_field calendar_fields[] = {
    {"name", ITSM__AN_STRING, ITSM__AN_STRING, NULL, NULL, true}, STR("description"), STR("document")};
SPEC(calendar_spec, calendar_fields);
static const spec_field council_fields[] = {BOOL("held"), STR("cadence")};
SPEC(council_spec, council_fields);
static const spec_field assignment_fields[] = {WORD("kind", assignments), STRS("engineers")};
SPEC(assignment_spec, assignment_fields);
static const spec_field person_fields[] = {STR("name"), STR("role"), STR("phone"), STR("mail")};
SPEC(person_spec, person_fields);
static const spec_field responsible_fields[] = {OBJ("sales", person_spec), OBJ("technical", person_spec)};
SPEC(responsible_spec, responsible_fields);
static const spec_field contact_fields[] = {STR("phone"), STR("fax"), STR("url"), STR("mail"), STR("calendar")};
SPEC(contact_spec, contact_fields);
static const spec_field roles_fields[] = {STR("support_scope"), STR("responsibility_scope")};
SPEC(roles_spec, roles_fields);
static const spec_field party_fields[] = {
    STR("company"), STR("department"), STRS("subcontractors"), OBJ("responsible", responsible_spec),
    OBJS("persons_in_charge", person_spec), OBJ("inquiry", contact_spec), OBJ("emergency", contact_spec),
    OBJ("roles", roles_spec)};
SPEC(party_spec, party_fields);
static const spec_field parties_fields[] = {OBJ("vendor", party_spec), OBJ("user", party_spec)};
SPEC(parties_spec, parties_fields);
static const spec_field work_fields[] = {
    {"id", ITSM__AN_STRING, ITSM__AN_STRING, NULL, NULL, true},
    STR("name"), WORD("category", work_categories), STR("frequency"), WORD("assignee", sides), STR("note")};
SPEC(work_spec, work_fields);
static const spec_field hardware_fields[] = {STR("warranty_period"), STR("parts_supply_period"),
                                             STRS("non_covered_parts"), STR("stop_schedule")};
SPEC(hardware_spec, hardware_fields);
static const spec_field root_fields[] = {
    {"id", ITSM__AN_STRING, ITSM__AN_STRING, NULL, NULL, true},
    STR("name"), WORD("service_model", service_models), STRS("content"), STRS("exclusions"), STRS("environment"),
    DATE("contract_date"), OBJ("period", period_spec), STR("renewal"), OBJ("fee", fee_spec),
    OBJS("calendars", calendar_spec), OBJ("reception", reception_spec), OBJ("maintenance_hours", hours_spec),
    OBJ("council", council_spec), STR("confidentiality"), STR("subcontracting"),
    WORDS("delivery_forms", delivery_forms), OBJ("engineer_assignment", assignment_spec),
    OBJ("parties", parties_spec), {"sla_items", ITSM__AN_ARRAY, ITSM__AN_SLA, NULL, NULL, false}, OBJS("work_items", work_spec),
    OBJ("hardware", hardware_spec), STRS("notes")};
SPEC(root_spec, root_fields);

/* ---- reading ------------------------------------------------------------------------------ */

static int read_object(itsm__anode *node, const json_t *obj, const spec_obj *spec, bool root, const itsm__jpath *p);

static int read_word(const char *text, const char *const *words, const itsm__jpath *p)
{
    if (words == NULL)
        return ITSM_OK;
    char list[400];
    size_t used = 0;
    list[0] = '\0';
    for (size_t i = 0; words[i] != NULL; i++) {
        if (strcmp(text, words[i]) == 0)
            return ITSM_OK;
        int n = snprintf(list + used, sizeof list - used, "%s%s", i > 0 ? ", " : "", words[i]);
        if (n > 0 && (size_t)n < sizeof list - used)
            used += (size_t)n;
    }
    char q[96];
    itsm__json_quote(q, sizeof q, text, 40);
    return itsm__jpath_error(ITSM_EINVAL, p, "%s is not allowed here (expected one of: %s)", q, list);
}

static int read_value(itsm__anode *node, const json_t *v, const spec_field *f, itsm__anode_kind kind,
                      const itsm__jpath *p)
{
    node->kind = kind;
    switch (kind) {
    case ITSM__AN_STRING: {
        const char *text = NULL;
        int rc = itsm__json_get_string(&text, v, p);
        if (rc == ITSM_OK && text[0] == '\0')
            rc = itsm__jpath_error(ITSM_EINVAL, p, "must not be empty");
        if (rc == ITSM_OK)
            rc = read_word(text, f->words, p);
        if (rc == ITSM_OK && (node->text = itsm__strdup(text, "agreement text")) == NULL)
            rc = ITSM_ENOMEM;
        return rc;
    }
    case ITSM__AN_INT:
        if (!json_is_integer(v))
            return itsm__json_type_error(v, "an integer", p);
        node->integer = (int64_t)json_integer_value(v);
        if (node->integer < 0)
            return itsm__jpath_error(ITSM_ERANGE, p, "%" PRId64 " is negative", node->integer);
        return ITSM_OK;
    case ITSM__AN_BOOL:
        return itsm__json_get_bool(&node->flag, v, p);
    case ITSM__AN_DATE:
        return itsm__json_get_date(&node->date, v, p);
    case ITSM__AN_OBJECT:
        return read_object(node, v, f->obj, false, p);
    case ITSM__AN_SLA: /* SLA items have a reader of their own (lib/io/sla_json.c) */
        return itsm__sla_item_read(&node->sla, v, p);
    case ITSM__AN_ARRAY:
    default: {
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
                rc = read_value(child, e, f, f->item_kind, &ip);
        }
        return rc;
    }
    }
}

static int read_object(itsm__anode *node, const json_t *obj, const spec_obj *spec, bool root, const itsm__jpath *p)
{
    node->kind = ITSM__AN_OBJECT;
    int rc = itsm__json_need_object(obj, p);
    if (rc != ITSM_OK)
        return rc;
    const char *keys[ITSM__AGREEMENT_MAX_KEYS + 3];
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
        const spec_field *f = &spec->fields[i];
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
    return rc;
}

static int check_header(const json_t *root, const itsm__jpath *rp)
{
    static const char *const types[] = {"agreement", NULL};
    size_t which = 0;
    return itsm__json_check_header(&which, root, ITSM__AGREEMENT_SCHEMA, types, rp);
}

itsm_status itsm_agreement_from_json(itsm_agreement **out, const char *json, size_t len)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(json);
    json_t *root = NULL;
    int rc = itsm__json_load(&root, json, len, "agreement");
    if (rc != ITSM_OK)
        return rc;
    itsm__jpath rp = itsm__jpath_root();
    itsm_agreement *a = itsm__calloc(1, sizeof *a, "agreement");
    if (a == NULL)
        rc = ITSM_ENOMEM;
    if (rc == ITSM_OK)
        rc = check_header(root, &rp);
    if (rc == ITSM_OK)
        rc = read_object(&a->root, root, &root_spec, true, &rp);
    json_decref(root);
    if (rc != ITSM_OK) {
        itsm_agreement_free(a);
        return rc;
    }
    *out = a;
    return ITSM_OK;
}

/* ---- writing -------------------------------------------------------------------------------- */

static json_t *node_json(const itsm__anode *n, const char *what)
{
    switch (n->kind) {
    case ITSM__AN_STRING:
        return json_string(n->text);
    case ITSM__AN_INT:
        return json_integer((json_int_t)n->integer);
    case ITSM__AN_BOOL:
        return json_boolean(n->flag);
    case ITSM__AN_DATE: {
        char buf[ITSM_DATE_TEXT_SIZE];
        if (itsm_date_format(buf, sizeof buf, n->date) != ITSM_OK)
            return NULL;
        return json_string(buf);
    }
    case ITSM__AN_SLA: {
        json_t *obj = NULL;
        return itsm__sla_item_json(&obj, n->sla) == ITSM_OK ? obj : NULL;
    }
    case ITSM__AN_OBJECT: {
        json_t *obj = json_object();
        for (size_t i = 0; obj != NULL && i < n->count; i++) {
            if (itsm__json_put(obj, n->items[i].key, node_json(&n->items[i], what), what) != ITSM_OK) {
                json_decref(obj);
                obj = NULL;
            }
        }
        return obj;
    }
    case ITSM__AN_ARRAY:
    default: {
        json_t *list = json_array();
        for (size_t i = 0; list != NULL && i < n->count; i++) {
            if (itsm__json_append(list, node_json(&n->items[i], what), what) != ITSM_OK) {
                json_decref(list);
                list = NULL;
            }
        }
        return list;
    }
    }
}

itsm_status itsm_agreement_to_json(char **out, const itsm_agreement *agreement)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(agreement);
    const char *what = "itsm_agreement_to_json";
    json_t *root = json_object();
    int rc = root != NULL ? ITSM_OK : itsm__error(ITSM_ENOMEM, "%s: out of memory", what);
    if (rc == ITSM_OK)
        rc = itsm__json_put(root, "itsm_schema", json_integer(ITSM__AGREEMENT_SCHEMA), what);
    if (rc == ITSM_OK)
        rc = itsm__json_put(root, "type", json_string("agreement"), what);
    for (size_t i = 0; rc == ITSM_OK && i < agreement->root.count; i++) {
        const itsm__anode *n = &agreement->root.items[i];
        rc = itsm__json_put(root, n->key, node_json(n, what), what);
    }
    if (rc == ITSM_OK)
        rc = itsm__json_dump(out, root, what);
    json_decref(root);
    return rc;
}
