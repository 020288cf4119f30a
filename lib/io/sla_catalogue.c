/* SLA catalogues (itsm/sla.h): the built-in one compiled from lib/data/sla_catalogue.json,
 * or one read from a document of the same shape; the services and their items, export as
 * canonical JSON, and instantiation of a service at a level with a contract's overrides.
 *
 * A catalogue keeps its parsed document (strings of the service entries are borrowed from
 * it) and the items read from it; both are only read after loading, so a catalogue can be
 * shared between threads. */
#include "internal.h"
#include "io/sla_json.h"
#include "sla/sla_internal.h"

#include <jansson.h>

#include <stdio.h>
#include <string.h>

/* lib/data/sla_catalogue.json, compiled in by cmake/embed.cmake. */
extern const unsigned char itsm__sla_catalogue_json[];
extern const size_t itsm__sla_catalogue_json_size;

#define ITSM__CATALOGUE_SCHEMA 1

typedef struct cat_service {
    const char *id, *name, *name_ja, *section, *note;
    unsigned levels;
    itsm_sla_item **items;
    size_t count;
} cat_service;

struct itsm_sla_catalogue {
    json_t *doc;
    const char *source;
    cat_service *services;
    size_t count;
};

void itsm_sla_catalogue_free(itsm_sla_catalogue *cat)
{
    if (cat == NULL)
        return;
    for (size_t i = 0; i < cat->count; i++) {
        for (size_t j = 0; j < cat->services[i].count; j++)
            itsm_sla_item_free(cat->services[i].items[j]);
        itsm__free(cat->services[i].items);
    }
    itsm__free(cat->services);
    json_decref(cat->doc);
    itsm__free(cat);
}

/* ---- reading --------------------------------------------------------------------------------- */

static int opt_text(const char **out, const json_t *obj, const char *key, bool required, const itsm__jpath *p)
{
    const json_t *v = json_object_get(obj, key);
    *out = NULL;
    if (v == NULL)
        return required ? itsm__jpath_error(ITSM_EINVAL, p, "missing required key \"%s\"", key) : ITSM_OK;
    itsm__jpath kp = itsm__jpath_key(p, key);
    int rc = itsm__json_get_string(out, v, &kp);
    if (rc == ITSM_OK && (*out)[0] == '\0')
        rc = itsm__jpath_error(ITSM_EINVAL, &kp, "must not be empty");
    return rc;
}

static int read_levels_offered(unsigned *out, const json_t *svc, const itsm__jpath *p)
{
    const json_t *v = NULL;
    int rc = itsm__json_member(&v, svc, "levels", p);
    itsm__jpath lp = itsm__jpath_key(p, "levels");
    if (rc == ITSM_OK)
        rc = itsm__json_need_array(v, &lp);
    if (rc == ITSM_OK && json_array_size(v) == 0)
        rc = itsm__jpath_error(ITSM_EINVAL, &lp, "must not be empty");
    *out = 0;
    for (size_t i = 0; rc == ITSM_OK && i < json_array_size(v); i++) {
        itsm__jpath ip = itsm__jpath_index(&lp, i);
        int level = 0;
        rc = itsm__json_get_word(&level, json_array_get(v, i), itsm__sla_level_names, &ip);
        if (rc == ITSM_OK && (*out & (1u << level)) != 0)
            rc = itsm__jpath_error(ITSM_EINVAL, &ip, "repeats a level");
        *out |= 1u << level;
    }
    return rc;
}

/* A catalogue item: no agreed level, no cell outside the levels the service offers. */
static int check_item(const itsm_sla_item *item, unsigned offered, const itsm__jpath *ip)
{
    if (item->agreed != 0) {
        itsm__jpath lp = itsm__jpath_key(ip, "level");
        return itsm__jpath_error(ITSM_EINVAL, &lp, "a catalogue item has no agreed level");
    }
    for (int k = 0; k < 4; k++) {
        if (item->cells[k].kind != ITSM_SLA_LEVEL_ABSENT && (offered & (1u << k)) == 0) {
            itsm__jpath lp = itsm__jpath_key(ip, "levels");
            itsm__jpath kp = itsm__jpath_key(&lp, itsm__sla_level_names[k]);
            return itsm__jpath_error(ITSM_EINVAL, &kp, "the service does not offer %s", itsm__sla_level_names[k]);
        }
    }
    return ITSM_OK;
}

static int read_service(cat_service *s, const json_t *svc, const itsm__jpath *p)
{
    static const char *const keys[] = {"id", "name", "name_ja", "section", "levels", "note", "items", NULL};
    int rc = itsm__json_need_object(svc, p);
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(svc, keys, p);
    if (rc == ITSM_OK)
        rc = opt_text(&s->id, svc, "id", true, p);
    if (rc == ITSM_OK)
        rc = opt_text(&s->name, svc, "name", true, p);
    if (rc == ITSM_OK)
        rc = opt_text(&s->name_ja, svc, "name_ja", false, p);
    if (rc == ITSM_OK)
        rc = opt_text(&s->section, svc, "section", false, p);
    if (rc == ITSM_OK)
        rc = opt_text(&s->note, svc, "note", false, p);
    if (rc == ITSM_OK)
        rc = read_levels_offered(&s->levels, svc, p);
    const json_t *items = NULL;
    if (rc == ITSM_OK)
        rc = itsm__json_member(&items, svc, "items", p);
    itsm__jpath ip = itsm__jpath_key(p, "items");
    if (rc == ITSM_OK)
        rc = itsm__json_need_array(items, &ip);
    size_t n = rc == ITSM_OK ? json_array_size(items) : 0;
    if (rc == ITSM_OK && (s->items = itsm__calloc(n == 0 ? 1 : n, sizeof *s->items, "SLA catalogue")) == NULL)
        rc = ITSM_ENOMEM;
    for (size_t i = 0; rc == ITSM_OK && i < n; i++) {
        itsm__jpath ep = itsm__jpath_index(&ip, i);
        rc = itsm__sla_item_read(&s->items[i], json_array_get(items, i), &ep);
        if (rc != ITSM_OK)
            break;
        s->count = i + 1;
        rc = check_item(s->items[i], s->levels, &ep);
        for (size_t j = 0; rc == ITSM_OK && j < i; j++)
            if (strcmp(s->items[j]->texts[ITSM_SLA_TEXT_ID], s->items[i]->texts[ITSM_SLA_TEXT_ID]) == 0)
                rc = itsm__jpath_error(ITSM_EINVAL, &ep, "repeats the id of [%zu]", j);
    }
    return rc;
}

static int read_catalogue(itsm_sla_catalogue *cat, const itsm__jpath *rp)
{
    static const char *const types[] = {"sla_catalogue", NULL};
    static const char *const keys[] = {"itsm_schema", "type", "source", "services", NULL};
    size_t which = 0;
    int rc = itsm__json_check_header(&which, cat->doc, ITSM__CATALOGUE_SCHEMA, types, rp);
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(cat->doc, keys, rp);
    if (rc == ITSM_OK)
        rc = opt_text(&cat->source, cat->doc, "source", false, rp);
    const json_t *services = NULL;
    if (rc == ITSM_OK)
        rc = itsm__json_member(&services, cat->doc, "services", rp);
    itsm__jpath sp = itsm__jpath_key(rp, "services");
    if (rc == ITSM_OK)
        rc = itsm__json_need_array(services, &sp);
    size_t n = rc == ITSM_OK ? json_array_size(services) : 0;
    if (rc == ITSM_OK && (cat->services = itsm__calloc(n == 0 ? 1 : n, sizeof *cat->services, "SLA catalogue")) == NULL)
        rc = ITSM_ENOMEM;
    for (size_t i = 0; rc == ITSM_OK && i < n; i++) {
        itsm__jpath ep = itsm__jpath_index(&sp, i);
        cat->count = i + 1;
        rc = read_service(&cat->services[i], json_array_get(services, i), &ep);
        for (size_t j = 0; rc == ITSM_OK && j < i; j++)
            if (strcmp(cat->services[j].id, cat->services[i].id) == 0)
                rc = itsm__jpath_error(ITSM_EINVAL, &ep, "repeats the id of [%zu]", j);
    }
    return rc;
}

itsm_status itsm_sla_catalogue_from_json(itsm_sla_catalogue **out, const char *json, size_t len)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(json);
    itsm_sla_catalogue *cat = itsm__calloc(1, sizeof *cat, "SLA catalogue");
    if (cat == NULL)
        return ITSM_ENOMEM;
    int rc = itsm__json_load(&cat->doc, json, len, "SLA catalogue");
    itsm__jpath rp = itsm__jpath_root();
    if (rc == ITSM_OK)
        rc = read_catalogue(cat, &rp);
    if (rc != ITSM_OK) {
        itsm_sla_catalogue_free(cat);
        return rc;
    }
    *out = cat;
    return ITSM_OK;
}

itsm_status itsm_sla_catalogue_new(itsm_sla_catalogue **out)
{
    return itsm_sla_catalogue_from_json(out, (const char *)itsm__sla_catalogue_json, itsm__sla_catalogue_json_size);
}

/* ---- access ---------------------------------------------------------------------------------- */

size_t itsm_sla_catalogue_service_count(const itsm_sla_catalogue *cat)
{
    return cat == NULL ? 0 : cat->count;
}

itsm_status itsm_sla_catalogue_service(itsm_sla_service_info *out, const itsm_sla_catalogue *cat, size_t index)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(cat);
    if (index >= cat->count)
        return itsm__error(ITSM_ERANGE, "itsm_sla_catalogue_service: index %zu is out of range (%zu services)", index,
                           cat->count);
    const cat_service *s = &cat->services[index];
    *out = (itsm_sla_service_info){s->id, s->name, s->name_ja, s->section, s->levels, s->count};
    return ITSM_OK;
}

itsm_status itsm_sla_catalogue_find(size_t *out, const itsm_sla_catalogue *cat, const char *service)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(cat);
    ITSM__CHECK_ARG(service);
    char list[512] = "";
    size_t used = 0;
    for (size_t i = 0; i < cat->count; i++) {
        if (strcmp(cat->services[i].id, service) == 0) {
            *out = i;
            return ITSM_OK;
        }
        int n = snprintf(list + used, sizeof list - used, "%s%s", i > 0 ? ", " : "", cat->services[i].id);
        if (n > 0 && (size_t)n < sizeof list - used)
            used += (size_t)n;
    }
    char q[96];
    itsm__json_quote(q, sizeof q, service, 60);
    return itsm__error(ITSM_ENOTFOUND, "no service %s in the SLA catalogue (services: %s)", q, list);
}

const itsm_sla_item *itsm_sla_catalogue_item(const itsm_sla_catalogue *cat, size_t service, size_t index)
{
    if (cat == NULL || service >= cat->count || index >= cat->services[service].count)
        return NULL;
    return cat->services[service].items[index];
}

/* ---- writing --------------------------------------------------------------------------------- */

static int put_opt(json_t *obj, const char *key, const char *text)
{
    return text == NULL ? ITSM_OK : itsm__json_put(obj, key, json_string(text), "SLA catalogue");
}

static int service_json(json_t **out, const cat_service *s)
{
    const char *what = "SLA catalogue";
    json_t *obj = json_object(), *levels = json_array(), *items = json_array();
    int rc = obj != NULL && levels != NULL && items != NULL ? ITSM_OK : itsm__error(ITSM_ENOMEM, "%s: out of memory", what);
    for (int k = 0; rc == ITSM_OK && k < 4; k++)
        if ((s->levels & (1u << k)) != 0)
            rc = itsm__json_append(levels, json_string(itsm__sla_level_names[k]), what);
    for (size_t i = 0; rc == ITSM_OK && i < s->count; i++) {
        json_t *item = NULL;
        rc = itsm__sla_item_json(&item, s->items[i]);
        if (rc == ITSM_OK)
            rc = itsm__json_append(items, item, what);
    }
    if (rc == ITSM_OK)
        rc = put_opt(obj, "id", s->id);
    if (rc == ITSM_OK)
        rc = put_opt(obj, "name", s->name);
    if (rc == ITSM_OK)
        rc = put_opt(obj, "name_ja", s->name_ja);
    if (rc == ITSM_OK)
        rc = put_opt(obj, "section", s->section);
    if (rc == ITSM_OK) {
        rc = itsm__json_put(obj, "levels", levels, what);
        levels = NULL;
    }
    if (rc == ITSM_OK)
        rc = put_opt(obj, "note", s->note);
    if (rc == ITSM_OK) {
        rc = itsm__json_put(obj, "items", items, what);
        items = NULL;
    }
    json_decref(levels);
    json_decref(items);
    if (rc != ITSM_OK) {
        json_decref(obj);
        return rc;
    }
    *out = obj;
    return ITSM_OK;
}

itsm_status itsm_sla_catalogue_to_json(char **out, const itsm_sla_catalogue *cat)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(cat);
    const char *what = "itsm_sla_catalogue_to_json";
    json_t *root = json_object(), *services = json_array();
    int rc = root != NULL && services != NULL ? ITSM_OK : itsm__error(ITSM_ENOMEM, "%s: out of memory", what);
    if (rc == ITSM_OK)
        rc = itsm__json_put(root, "itsm_schema", json_integer(ITSM__CATALOGUE_SCHEMA), what);
    if (rc == ITSM_OK)
        rc = itsm__json_put(root, "type", json_string("sla_catalogue"), what);
    if (rc == ITSM_OK)
        rc = put_opt(root, "source", cat->source);
    for (size_t i = 0; rc == ITSM_OK && i < cat->count; i++) {
        json_t *svc = NULL;
        rc = service_json(&svc, &cat->services[i]);
        if (rc == ITSM_OK)
            rc = itsm__json_append(services, svc, what);
    }
    if (rc == ITSM_OK) {
        rc = itsm__json_put(root, "services", services, what);
        services = NULL;
    }
    if (rc == ITSM_OK)
        rc = itsm__json_dump(out, root, what);
    json_decref(services);
    json_decref(root);
    return rc;
}

/* ---- instantiation --------------------------------------------------------------------------- */

/* obj.levels[level] (created when missing), or NULL on ENOMEM. */
static json_t *levels_member(json_t *obj)
{
    json_t *levels = json_object_get(obj, "levels");
    if (levels != NULL && json_is_object(levels))
        return levels;
    if (itsm__json_put(obj, "levels", json_object(), "SLA catalogue") != ITSM_OK)
        return NULL;
    return json_object_get(obj, "levels");
}

static int set_member(json_t *obj, const char *key, json_t *value)
{
    if (json_is_null(value))
        return json_object_del(obj, key) == 0 || json_object_get(obj, key) == NULL ? ITSM_OK : ITSM_ENOMEM;
    return itsm__json_put(obj, key, json_deep_copy(value), "SLA catalogue");
}

/* The contract's value of the agreed level, which must be "per contract". */
static int set_contract_value(json_t *obj, const json_t *value, const itsm__jpath *op)
{
    const json_t *level = json_object_get(obj, "level");
    const char *name = json_is_string(level) ? json_string_value(level) : "";
    json_t *levels = json_object_get(obj, "levels");
    json_t *cell = json_is_object(levels) ? json_object_get(levels, name) : NULL;
    itsm__jpath cp = itsm__jpath_key(op, "contract_value");
    if (cell == NULL || !json_is_object(cell) || !json_is_true(json_object_get(cell, "per_contract")))
        return itsm__jpath_error(ITSM_EINVAL, &cp, "the agreed level %s is not \"per contract\"; override "
                                                   "\"levels\" to change its value",
                                 name[0] != '\0' ? name : "(none)");
    return set_member(cell, "contract_value", (json_t *)value);
}

/* Apply one override object to the item's members: "level" first, then "levels", then
 * "contract_value" (which depends on both), then every other member. */
static int apply_override(json_t *obj, const json_t *ov, const itsm__jpath *op)
{
    int rc = itsm__json_need_object(ov, op);
    if (rc == ITSM_OK && json_object_get(ov, "id") != NULL) {
        itsm__jpath ip = itsm__jpath_key(op, "id");
        rc = itsm__jpath_error(ITSM_EINVAL, &ip, "an item's id cannot be overridden");
    }
    const json_t *v;
    if (rc == ITSM_OK && (v = json_object_get(ov, "level")) != NULL)
        rc = set_member(obj, "level", (json_t *)v);
    if (rc == ITSM_OK && (v = json_object_get(ov, "levels")) != NULL) {
        itsm__jpath lp = itsm__jpath_key(op, "levels");
        rc = itsm__json_need_object(v, &lp);
        json_t *levels = rc == ITSM_OK ? levels_member(obj) : NULL;
        if (rc == ITSM_OK && levels == NULL)
            rc = ITSM_ENOMEM;
        const char *key;
        json_t *cell;
        json_object_foreach((json_t *)v, key, cell) {
            if (rc == ITSM_OK)
                rc = set_member(levels, key, cell);
        }
    }
    if (rc == ITSM_OK && (v = json_object_get(ov, "contract_value")) != NULL)
        rc = set_contract_value(obj, v, op);
    const char *key;
    json_t *value;
    json_object_foreach((json_t *)ov, key, value) {
        if (rc != ITSM_OK)
            break;
        if (strcmp(key, "level") != 0 && strcmp(key, "levels") != 0 && strcmp(key, "contract_value") != 0)
            rc = set_member(obj, key, value);
    }
    return rc;
}

/* The overrides document: an object keyed by item ids of `s` or "*". */
static int load_overrides(json_t **out, const cat_service *s, const char *text, size_t len)
{
    *out = NULL;
    if (text == NULL)
        return ITSM_OK;
    int rc = itsm__json_load(out, text, len, "SLA catalogue overrides");
    itsm__jpath rp = itsm__jpath_root();
    if (rc == ITSM_OK)
        rc = itsm__json_need_object(*out, &rp);
    const char *key;
    json_t *value;
    json_object_foreach(rc == ITSM_OK ? *out : NULL, key, value) {
        bool known = strcmp(key, "*") == 0;
        for (size_t i = 0; !known && i < s->count; i++)
            known = strcmp(key, s->items[i]->texts[ITSM_SLA_TEXT_ID]) == 0;
        if (!known) {
            char q[96];
            itsm__json_quote(q, sizeof q, key, 60);
            rc = itsm__error(ITSM_ENOTFOUND, "overrides: service \"%s\" has no item %s", s->id, q);
            break;
        }
    }
    return rc;
}

/* Item `it` agreed at `level` with the overrides, read back through the item reader. */
static int instantiate_item(json_t **out, const itsm_sla_item *it, const char *level, const json_t *overrides)
{
    const char *id = it->texts[ITSM_SLA_TEXT_ID];
    json_t *obj = NULL;
    int rc = itsm__sla_item_json(&obj, it);
    if (rc == ITSM_OK)
        rc = itsm__json_put(obj, "level", json_string(level), "SLA catalogue");
    const char *keys[] = {"*", id};
    for (size_t i = 0; rc == ITSM_OK && overrides != NULL && i < 2; i++) {
        const json_t *ov = json_object_get(overrides, keys[i]);
        itsm__jpath rp = itsm__jpath_root();
        itsm__jpath op = itsm__jpath_key(&rp, keys[i]);
        if (ov != NULL && (rc = apply_override(obj, ov, &op)) != ITSM_OK)
            rc = itsm__error_prefix(rc, "overrides of item \"%s\"", id);
    }
    itsm_sla_item *check = NULL;
    itsm__jpath rp = itsm__jpath_root();
    if (rc == ITSM_OK && (rc = itsm__sla_item_read(&check, obj, &rp)) != ITSM_OK)
        rc = itsm__error_prefix(rc, "item \"%s\" with its overrides", id);
    if (rc == ITSM_OK && check->agreed >= 1 && check->agreed <= 4 &&
        check->cells[check->agreed - 1].kind == ITSM_SLA_LEVEL_ABSENT)
        rc = itsm__error(ITSM_EINVAL, "item \"%s\": the catalogue has no %s for it (blank in the guideline); "
                                      "override its \"level\", or give \"levels\".%s",
                         id, itsm__sla_level_names[check->agreed - 1], itsm__sla_level_names[check->agreed - 1]);
    json_decref(obj);
    obj = NULL;
    if (rc == ITSM_OK)
        rc = itsm__sla_item_json(&obj, check);
    itsm_sla_item_free(check);
    *out = obj;
    return rc;
}

itsm_status itsm_sla_catalogue_instantiate(char **out, const itsm_sla_catalogue *cat, const char *service,
                                           const char *level, const char *overrides, size_t overrides_len)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(cat);
    ITSM__CHECK_ARG(service);
    ITSM__CHECK_ARG(level);
    const char *what = "itsm_sla_catalogue_instantiate";
    size_t index = 0;
    int rc = itsm_sla_catalogue_find(&index, cat, service);
    if (rc != ITSM_OK)
        return rc;
    bool known = false;
    for (int k = 0; k < 4; k++)
        known = known || strcmp(level, itsm__sla_level_names[k]) == 0;
    if (!known)
        return itsm__error(ITSM_EINVAL, "%s: level \"%.20s\" is not L1, L2, L3 or L4", what, level);
    const cat_service *s = &cat->services[index];
    json_t *ov = NULL, *root = json_object(), *items = json_array();
    rc = root != NULL && items != NULL ? ITSM_OK : itsm__error(ITSM_ENOMEM, "%s: out of memory", what);
    if (rc == ITSM_OK)
        rc = load_overrides(&ov, s, overrides, overrides_len);
    for (size_t i = 0; rc == ITSM_OK && i < s->count; i++) {
        json_t *item = NULL;
        rc = instantiate_item(&item, s->items[i], level, ov);
        if (rc == ITSM_OK)
            rc = itsm__json_append(items, item, what);
    }
    if (rc == ITSM_OK) {
        rc = itsm__json_put(root, "sla_items", items, what);
        items = NULL;
    }
    if (rc == ITSM_OK)
        rc = itsm__json_dump(out, root, what);
    json_decref(items);
    json_decref(root);
    json_decref(ov);
    return rc;
}
