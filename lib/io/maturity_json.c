/* Maturity model and maturity assessment documents (docs/schema/maturity_model.schema.json,
 * docs/schema/maturity_assessment.schema.json, "itsm_schema": 1): strict readers that name
 * the JSON path of what is wrong, and canonical writers (keys in schema order, absent
 * fields left out) whose output reads back to the same text. */
#include "internal.h"
#include "io/json_value.h"
#include "maturity/maturity_internal.h"

#include <jansson.h>

#include <string.h>

#define ITSM__MATURITY_SCHEMA 1

/* ---- reading: shared -------------------------------------------------------------------------- */

static int check_header(const json_t *root, const char *type, const char *const *keys, const itsm__jpath *rp)
{
    const char *const types[] = {type, NULL};
    size_t which = 0;
    int rc = itsm__json_check_header(&which, root, ITSM__MATURITY_SCHEMA, types, rp);
    return rc == ITSM_OK ? itsm__json_check_keys(root, keys, rp) : rc;
}

/* A string member, NULL when absent (required: an error); present ones must not be empty. */
static int get_text(const char **out, const json_t *obj, const char *key, bool required, const itsm__jpath *p)
{
    *out = NULL;
    const json_t *v = json_object_get(obj, key);
    itsm__jpath kp = itsm__jpath_key(p, key);
    if (v == NULL)
        return required ? itsm__json_member(&v, obj, key, p) : ITSM_OK;
    int rc = itsm__json_get_string(out, v, &kp);
    if (rc == ITSM_OK && (*out)[0] == '\0')
        rc = itsm__jpath_error(ITSM_EINVAL, &kp, "must not be empty");
    return rc;
}

/* A non-empty array member. */
static int get_list(const json_t **out, const json_t *obj, const char *key, const itsm__jpath *p)
{
    itsm__jpath kp = itsm__jpath_key(p, key);
    int rc = itsm__json_member(out, obj, key, p);
    if (rc == ITSM_OK)
        rc = itsm__json_need_array(*out, &kp);
    if (rc == ITSM_OK && json_array_size(*out) == 0)
        rc = itsm__jpath_error(ITSM_EINVAL, &kp, "must not be empty");
    return rc;
}

/* Several optional (or required) text members at once, into `out` in the order of `keys`. */
static int get_texts(const char **out, const json_t *obj, const char *const *keys, size_t n, size_t n_required,
                     const itsm__jpath *p)
{
    int rc = ITSM_OK;
    for (size_t k = 0; k < n && rc == ITSM_OK; k++)
        rc = get_text(&out[k], obj, keys[k], k < n_required, p);
    return rc;
}

/* ---- reading models --------------------------------------------------------------------------- */

static int read_level(itsm_maturity_level_text *out, const json_t *v, const itsm__jpath *p)
{
    static const char *const keys[] = {"ja", "en", "uncertain", "note", NULL};
    static const char *const texts[] = {"ja", "en", "note"};
    memset(out, 0, sizeof *out);
    const char *t[3] = {NULL, NULL, NULL};
    int rc = itsm__json_need_object(v, p);
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(v, keys, p);
    if (rc == ITSM_OK)
        rc = get_texts(t, v, texts, 3, 0, p);
    const json_t *u = rc == ITSM_OK ? json_object_get(v, "uncertain") : NULL;
    bool uncertain = false;
    itsm__jpath up = itsm__jpath_key(p, "uncertain");
    if (u != NULL)
        rc = itsm__json_get_bool(&uncertain, u, &up);
    if (rc == ITSM_OK && t[0] == NULL && t[1] == NULL)
        rc = itsm__jpath_error(ITSM_EINVAL, p, "a level needs a text (\"ja\" or \"en\")");
    out->ja = t[0];
    out->en = t[1];
    out->note = t[2];
    out->uncertain = uncertain;
    return rc;
}

static int read_item(itsm_maturity_model *m, const json_t *v, const itsm__jpath *p)
{
    static const char *const keys[] = {"id", "name_ja", "name_en", "question_ja", "question_en", "levels", NULL};
    const char *t[5] = {NULL, NULL, NULL, NULL, NULL};
    itsm_maturity_item it;
    memset(&it, 0, sizeof it);
    const json_t *levels = NULL;
    itsm__jpath lp = itsm__jpath_key(p, "levels");
    int rc = itsm__json_need_object(v, p);
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(v, keys, p);
    if (rc == ITSM_OK)
        rc = get_texts(t, v, keys, 5, 1, p);
    if (rc == ITSM_OK)
        rc = get_list(&levels, v, "levels", p);
    if (rc == ITSM_OK && json_array_size(levels) != ITSM_MATURITY_LEVELS)
        rc = itsm__jpath_error(ITSM_EINVAL, &lp, "expected %d levels (L1 .. L%d), got %zu", ITSM_MATURITY_LEVELS,
                               ITSM_MATURITY_LEVELS, json_array_size(levels));
    for (size_t l = 0; rc == ITSM_OK && l < ITSM_MATURITY_LEVELS; l++) {
        itsm__jpath ip = itsm__jpath_index(&lp, l);
        rc = read_level(&it.levels[l], json_array_get(levels, l), &ip);
    }
    it.id = t[0];
    it.name_ja = t[1];
    it.name_en = t[2];
    it.question_ja = t[3];
    it.question_en = t[4];
    if (rc == ITSM_OK && (rc = itsm__maturity_add_item(m, &it)) != ITSM_OK)
        rc = itsm__jpath_wrap(rc, p);
    return rc;
}

static int read_process(itsm_maturity_model *m, const json_t *v, const itsm__jpath *p)
{
    static const char *const keys[] = {"id", "group_ja", "group_en", "name_ja", "name_en", "items", NULL};
    const char *t[5] = {NULL, NULL, NULL, NULL, NULL};
    const json_t *items = NULL;
    int rc = itsm__json_need_object(v, p);
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(v, keys, p);
    if (rc == ITSM_OK)
        rc = get_texts(t, v, keys, 5, 1, p);
    itsm_maturity_process proc = {t[0], t[3], t[4], t[1], t[2], 0, 0};
    if (rc == ITSM_OK && (rc = itsm__maturity_add_process(m, &proc)) != ITSM_OK)
        rc = itsm__jpath_wrap(rc, p);
    if (rc == ITSM_OK)
        rc = get_list(&items, v, "items", p);
    itsm__jpath lp = itsm__jpath_key(p, "items");
    for (size_t i = 0; rc == ITSM_OK && i < json_array_size(items); i++) {
        itsm__jpath ip = itsm__jpath_index(&lp, i);
        rc = read_item(m, json_array_get(items, i), &ip);
    }
    return rc;
}

static int read_model(itsm_maturity_model **out, const json_t *root)
{
    static const char *const keys[] = {"itsm_schema", "type", "name", "title_ja", "title_en", "source", "processes",
                                       NULL};
    itsm__jpath rp = itsm__jpath_root();
    const char *t[4] = {NULL, NULL, NULL, NULL};
    const json_t *processes = NULL;
    itsm_maturity_model *m = NULL;
    int rc = check_header(root, "maturity_model", keys, &rp);
    if (rc == ITSM_OK)
        rc = get_texts(t, root, keys + 2, 4, 1, &rp);
    if (rc == ITSM_OK)
        rc = get_list(&processes, root, "processes", &rp);
    if (rc == ITSM_OK)
        rc = itsm__maturity_model_new(&m, t[0], t[1], t[2], t[3]);
    itsm__jpath lp = itsm__jpath_key(&rp, "processes");
    for (size_t i = 0; rc == ITSM_OK && i < json_array_size(processes); i++) {
        itsm__jpath ip = itsm__jpath_index(&lp, i);
        rc = read_process(m, json_array_get(processes, i), &ip);
    }
    if (rc != ITSM_OK) {
        itsm_maturity_model_free(m);
        return rc;
    }
    *out = m;
    return ITSM_OK;
}

itsm_status itsm_maturity_model_from_json(itsm_maturity_model **out, const char *json, size_t len)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(json);
    json_t *root = NULL;
    int rc = itsm__json_load(&root, json, len, "maturity model");
    if (rc == ITSM_OK)
        rc = read_model(out, root);
    json_decref(root);
    return rc;
}

/* ---- writing ----------------------------------------------------------------------------------- */

/* obj[keys[k]] = texts[k] for the texts that are set. */
static int put_texts(json_t *obj, const char *const *keys, const char *const *texts, size_t n, const char *what)
{
    int rc = ITSM_OK;
    for (size_t k = 0; k < n && rc == ITSM_OK; k++)
        if (texts[k] != NULL)
            rc = itsm__json_put(obj, keys[k], json_string(texts[k]), what);
    return rc;
}

/* A new object added to `list`, or NULL (error set). */
static json_t *append_object(json_t *list, const char *what)
{
    json_t *obj = json_object();
    return itsm__json_append(list, obj, what) == ITSM_OK ? obj : NULL;
}

/* A new array at obj[key], or NULL (error set). */
static json_t *put_array(json_t *obj, const char *key, const char *what)
{
    json_t *list = json_array();
    return itsm__json_put(obj, key, list, what) == ITSM_OK ? list : NULL;
}

static int write_item(json_t *items, const itsm_maturity_item *it, const char *what)
{
    static const char *const keys[] = {"id", "name_ja", "name_en", "question_ja", "question_en"};
    static const char *const level_keys[] = {"ja", "en"};
    const char *const texts[] = {it->id, it->name_ja, it->name_en, it->question_ja, it->question_en};
    json_t *obj = append_object(items, what);
    int rc = obj == NULL ? ITSM_ENOMEM : put_texts(obj, keys, texts, 5, what);
    json_t *levels = rc == ITSM_OK ? put_array(obj, "levels", what) : NULL;
    rc = levels == NULL ? ITSM_ENOMEM : rc;
    for (size_t l = 0; rc == ITSM_OK && l < ITSM_MATURITY_LEVELS; l++) {
        const itsm_maturity_level_text *lv = &it->levels[l];
        const char *const lt[] = {lv->ja, lv->en};
        json_t *lo = append_object(levels, what);
        rc = lo == NULL ? ITSM_ENOMEM : put_texts(lo, level_keys, lt, 2, what);
        if (rc == ITSM_OK && lv->uncertain)
            rc = itsm__json_put(lo, "uncertain", json_true(), what);
        if (rc == ITSM_OK && lv->note != NULL)
            rc = itsm__json_put(lo, "note", json_string(lv->note), what);
    }
    return rc;
}

static int write_process(json_t *list, const itsm_maturity_model *m, size_t index, const char *what)
{
    static const char *const keys[] = {"id", "group_ja", "group_en", "name_ja", "name_en"};
    const itsm_maturity_process *p = &m->processes[index];
    const char *const texts[] = {p->id, p->group_ja, p->group_en, p->name_ja, p->name_en};
    json_t *obj = append_object(list, what);
    int rc = obj == NULL ? ITSM_ENOMEM : put_texts(obj, keys, texts, 5, what);
    json_t *items = rc == ITSM_OK ? put_array(obj, "items", what) : NULL;
    rc = items == NULL ? ITSM_ENOMEM : rc;
    for (size_t i = p->first_item; rc == ITSM_OK && i < p->first_item + p->n_items; i++)
        rc = write_item(items, &m->items[i], what);
    return rc;
}

itsm_status itsm_maturity_model_to_json(char **out, const itsm_maturity_model *model)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(model);
    static const char *const keys[] = {"name", "title_ja", "title_en", "source"};
    const char *what = "itsm_maturity_model_to_json";
    const char *const texts[] = {model->name, model->title_ja, model->title_en, model->source};
    json_t *root = NULL;
    int rc = itsm__json_new_document(&root, ITSM__MATURITY_SCHEMA, "maturity_model", what);
    if (rc == ITSM_OK)
        rc = put_texts(root, keys, texts, 4, what);
    json_t *list = rc == ITSM_OK ? put_array(root, "processes", what) : NULL;
    rc = list == NULL ? ITSM_ENOMEM : rc;
    for (size_t i = 0; rc == ITSM_OK && i < model->n_processes; i++)
        rc = write_process(list, model, i, what);
    if (rc == ITSM_OK)
        rc = itsm__json_dump(out, root, what);
    json_decref(root);
    return rc;
}

/* ---- assessments -------------------------------------------------------------------------------- */

/* An optional level member (0 when absent). */
static int get_level(int32_t *out, const json_t *obj, const char *key, const itsm__jpath *p)
{
    itsm__jpath kp = itsm__jpath_key(p, key);
    int rc = itsm__json_opt_int32(out, obj, key, p);
    if (rc == ITSM_OK && json_object_get(obj, key) != NULL && (*out < 1 || *out > ITSM_MATURITY_LEVELS))
        rc = itsm__jpath_error(ITSM_EINVAL, &kp, "%d is not a level (1 .. %d)", (int)*out, ITSM_MATURITY_LEVELS);
    return rc;
}

static int read_entry(itsm_maturity_assessment *a, bool *seen, const json_t *v, const itsm__jpath *p)
{
    static const char *const keys[] = {"item", "level", "target", "note", NULL};
    const char *id = NULL, *note = NULL;
    int32_t level = 0, target = 0;
    size_t index = 0;
    itsm__jpath ip = itsm__jpath_key(p, "item");
    int rc = itsm__json_need_object(v, p);
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(v, keys, p);
    if (rc == ITSM_OK)
        rc = get_text(&id, v, "item", true, p);
    if (rc == ITSM_OK && itsm_maturity_item_find(&index, a->model, id) != ITSM_OK)
        rc = itsm__jpath_error(ITSM_EINVAL, &ip, "\"%.64s\" is not an item of maturity model \"%s\"", id,
                               a->model->name);
    if (rc == ITSM_OK && seen[index])
        rc = itsm__jpath_error(ITSM_EINVAL, &ip, "item \"%s\" is given twice", id);
    if (rc == ITSM_OK)
        rc = get_level(&level, v, "level", p);
    if (rc == ITSM_OK)
        rc = get_level(&target, v, "target", p);
    if (rc == ITSM_OK)
        rc = get_text(&note, v, "note", false, p);
    if (rc == ITSM_OK)
        rc = itsm__maturity_set_note(a, index, note);
    if (rc == ITSM_OK) {
        seen[index] = true;
        a->level[index] = level;
        a->target[index] = target;
    }
    return rc;
}

static int read_assessment_header(itsm_maturity_assessment *a, const json_t *root, const itsm__jpath *rp)
{
    static const char *const keys[] = {"itsm_schema", "type", "model", "assessed_on", "assessor", "items", NULL};
    const char *model = NULL, *assessor = NULL;
    itsm__jpath mp = itsm__jpath_key(rp, "model"), dp = itsm__jpath_key(rp, "assessed_on");
    int rc = check_header(root, "maturity_assessment", keys, rp);
    if (rc == ITSM_OK)
        rc = get_text(&model, root, "model", true, rp);
    if (rc == ITSM_OK && strcmp(model, a->model->name) != 0)
        rc = itsm__jpath_error(ITSM_EINVAL, &mp, "the assessment is of model \"%.64s\", not of \"%s\"", model,
                               a->model->name);
    const json_t *date = rc == ITSM_OK ? json_object_get(root, "assessed_on") : NULL;
    if (date != NULL && (rc = itsm__json_get_date(&a->assessed_on, date, &dp)) == ITSM_OK)
        a->has_date = true;
    if (rc == ITSM_OK)
        rc = get_text(&assessor, root, "assessor", false, rp);
    if (rc == ITSM_OK)
        rc = itsm__maturity_set_assessor(a, assessor);
    return rc;
}

static int read_assessment(itsm_maturity_assessment *a, const json_t *root)
{
    itsm__jpath rp = itsm__jpath_root();
    int rc = read_assessment_header(a, root, &rp);
    const json_t *items = rc == ITSM_OK ? json_object_get(root, "items") : NULL;
    itsm__jpath lp = itsm__jpath_key(&rp, "items");
    if (rc != ITSM_OK || items == NULL)
        return rc;
    if ((rc = itsm__json_need_array(items, &lp)) != ITSM_OK)
        return rc;
    bool *seen = itsm__calloc(a->model->n_items, sizeof *seen, "maturity assessment");
    if (seen == NULL)
        return ITSM_ENOMEM;
    for (size_t i = 0; rc == ITSM_OK && i < json_array_size(items); i++) {
        itsm__jpath ip = itsm__jpath_index(&lp, i);
        rc = read_entry(a, seen, json_array_get(items, i), &ip);
    }
    itsm__free(seen);
    return rc;
}

itsm_status itsm_maturity_assessment_from_json(itsm_maturity_assessment **out, const itsm_maturity_model *model,
                                               const char *json, size_t len)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(model);
    ITSM__CHECK_ARG(json);
    json_t *root = NULL;
    itsm_maturity_assessment *a = NULL;
    int rc = itsm__json_load(&root, json, len, "maturity assessment");
    if (rc == ITSM_OK)
        rc = itsm_maturity_assessment_new(&a, model);
    if (rc == ITSM_OK)
        rc = read_assessment(a, root);
    json_decref(root);
    if (rc != ITSM_OK) {
        itsm_maturity_assessment_free(a);
        return rc;
    }
    *out = a;
    return ITSM_OK;
}

static int write_entry(json_t *items, const itsm_maturity_assessment *a, size_t i, const char *what)
{
    json_t *obj = append_object(items, what);
    int rc = obj == NULL ? ITSM_ENOMEM : itsm__json_put(obj, "item", json_string(a->model->items[i].id), what);
    if (rc == ITSM_OK && a->level[i] > 0)
        rc = itsm__json_put(obj, "level", json_integer(a->level[i]), what);
    if (rc == ITSM_OK && a->target[i] > 0)
        rc = itsm__json_put(obj, "target", json_integer(a->target[i]), what);
    if (rc == ITSM_OK && a->note[i] != NULL)
        rc = itsm__json_put(obj, "note", json_string(a->note[i]), what);
    return rc;
}

itsm_status itsm_maturity_assessment_to_json(char **out, const itsm_maturity_assessment *assessment)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(assessment);
    const char *what = "itsm_maturity_assessment_to_json";
    const itsm_maturity_assessment *a = assessment;
    json_t *root = NULL;
    int rc = itsm__json_new_document(&root, ITSM__MATURITY_SCHEMA, "maturity_assessment", what);
    if (rc == ITSM_OK)
        rc = itsm__json_put(root, "model", json_string(a->model->name), what);
    if (rc == ITSM_OK && a->has_date)
        rc = itsm__json_put(root, "assessed_on", itsm__json_date(a->assessed_on), what);
    if (rc == ITSM_OK && a->assessor != NULL)
        rc = itsm__json_put(root, "assessor", json_string(a->assessor), what);
    json_t *items = rc == ITSM_OK ? put_array(root, "items", what) : NULL;
    rc = items == NULL ? ITSM_ENOMEM : rc;
    for (size_t i = 0; rc == ITSM_OK && i < a->model->n_items; i++)
        if (a->level[i] > 0 || a->target[i] > 0 || a->note[i] != NULL)
            rc = write_entry(items, a, i, what);
    if (rc == ITSM_OK)
        rc = itsm__json_dump(out, root, what);
    json_decref(root);
    return rc;
}
