/* Maturity models: building (for the JSON reader), the built-in table and look-ups. */
#include "maturity/maturity_internal.h"

#include <string.h>

/* A copy of an optional string: *out NULL for NULL. */
static int copy_opt(char **out, const char *s, const char *what)
{
    *out = NULL;
    if (s == NULL)
        return ITSM_OK;
    *out = itsm__strdup(s, what);
    return *out == NULL ? ITSM_ENOMEM : ITSM_OK;
}

/* Copy every text of a process into `dst` (all or nothing). */
static int copy_process(itsm_maturity_process *dst, const itsm_maturity_process *src)
{
    memset(dst, 0, sizeof *dst);
    char *t[5] = {NULL, NULL, NULL, NULL, NULL};
    const char *s[5] = {src->id, src->name_ja, src->name_en, src->group_ja, src->group_en};
    int rc = ITSM_OK;
    for (size_t k = 0; k < 5 && rc == ITSM_OK; k++)
        rc = copy_opt(&t[k], s[k], "maturity model: process text");
    if (rc != ITSM_OK) {
        for (size_t k = 0; k < 5; k++)
            itsm__free(t[k]);
        return rc;
    }
    dst->id = t[0];
    dst->name_ja = t[1];
    dst->name_en = t[2];
    dst->group_ja = t[3];
    dst->group_en = t[4];
    return ITSM_OK;
}

static void free_process(itsm_maturity_process *p)
{
    itsm__free((void *)p->id);
    itsm__free((void *)p->name_ja);
    itsm__free((void *)p->name_en);
    itsm__free((void *)p->group_ja);
    itsm__free((void *)p->group_en);
}

/* The item's texts in one array: 5 of the item, 3 per level. */
#define ITEM_TEXTS (5 + 3 * ITSM_MATURITY_LEVELS)

static void item_text_slots(const char ***slot, itsm_maturity_item *it)
{
    slot[0] = &it->id;
    slot[1] = &it->name_ja;
    slot[2] = &it->name_en;
    slot[3] = &it->question_ja;
    slot[4] = &it->question_en;
    for (size_t l = 0; l < ITSM_MATURITY_LEVELS; l++) {
        slot[5 + 3 * l] = &it->levels[l].ja;
        slot[6 + 3 * l] = &it->levels[l].en;
        slot[7 + 3 * l] = &it->levels[l].note;
    }
}

static void free_item(itsm_maturity_item *it)
{
    const char **slot[ITEM_TEXTS];
    item_text_slots(slot, it);
    for (size_t k = 0; k < ITEM_TEXTS; k++)
        itsm__free((void *)*slot[k]);
}

static int copy_item(itsm_maturity_item *dst, const itsm_maturity_item *src)
{
    *dst = *src;
    const char **slot[ITEM_TEXTS];
    item_text_slots(slot, dst);
    int rc = ITSM_OK;
    size_t k = 0;
    for (; k < ITEM_TEXTS && rc == ITSM_OK; k++) {
        char *copy = NULL;
        rc = copy_opt(&copy, *slot[k], "maturity model: item text");
        *slot[k] = copy;
    }
    for (size_t j = k; j < ITEM_TEXTS; j++) /* not copied: must not be freed */
        *slot[j] = NULL;
    if (rc != ITSM_OK)
        free_item(dst);
    return rc;
}

void itsm_maturity_model_free(itsm_maturity_model *m)
{
    if (m == NULL)
        return;
    for (size_t i = 0; i < m->n_processes; i++)
        free_process(&m->processes[i]);
    for (size_t i = 0; i < m->n_items; i++)
        free_item(&m->items[i]);
    itsm__free(m->processes);
    itsm__free(m->items);
    itsm__free(m->name);
    itsm__free(m->title_ja);
    itsm__free(m->title_en);
    itsm__free(m->source);
    itsm__free(m);
}

int itsm__maturity_model_new(itsm_maturity_model **out, const char *name, const char *title_ja, const char *title_en,
                             const char *source)
{
    if (name == NULL || name[0] == '\0')
        return itsm__error(ITSM_EINVAL, "maturity model: the name must not be empty");
    itsm_maturity_model *m = itsm__calloc(1, sizeof *m, "maturity model");
    if (m == NULL)
        return ITSM_ENOMEM;
    int rc = copy_opt(&m->name, name, "maturity model name");
    if (rc == ITSM_OK)
        rc = copy_opt(&m->title_ja, title_ja, "maturity model title");
    if (rc == ITSM_OK)
        rc = copy_opt(&m->title_en, title_en, "maturity model title");
    if (rc == ITSM_OK)
        rc = copy_opt(&m->source, source, "maturity model source");
    if (rc != ITSM_OK) {
        itsm_maturity_model_free(m);
        return rc;
    }
    *out = m;
    return ITSM_OK;
}

static bool empty(const char *s) { return s == NULL || s[0] == '\0'; }

int itsm__maturity_add_process(itsm_maturity_model *m, const itsm_maturity_process *p)
{
    if (empty(p->id))
        return itsm__error(ITSM_EINVAL, "id: must not be empty");
    if (empty(p->name_ja) && empty(p->name_en))
        return itsm__error(ITSM_EINVAL, "a process needs a name (name_ja or name_en)");
    for (size_t i = 0; i < m->n_processes; i++)
        if (strcmp(m->processes[i].id, p->id) == 0)
            return itsm__error(ITSM_EINVAL, "id: process \"%s\" is already defined", p->id);
    int rc = itsm__reserve((void **)&m->processes, &m->cap_processes, m->n_processes + 1, sizeof *m->processes,
                           "maturity model processes");
    if (rc == ITSM_OK)
        rc = copy_process(&m->processes[m->n_processes], p);
    if (rc != ITSM_OK)
        return rc;
    m->processes[m->n_processes].first_item = m->n_items;
    m->processes[m->n_processes].n_items = 0;
    m->n_processes++;
    return ITSM_OK;
}

static bool find_item(size_t *out, const itsm_maturity_model *m, const char *id)
{
    for (size_t i = 0; i < m->n_items; i++) {
        if (strcmp(m->items[i].id, id) == 0) {
            *out = i;
            return true;
        }
    }
    return false;
}

static int check_item(const itsm_maturity_model *m, const itsm_maturity_item *it, const itsm_maturity_process *p)
{
    size_t plen = strlen(p->id);
    if (empty(it->id))
        return itsm__error(ITSM_EINVAL, "id: must not be empty");
    if (strncmp(it->id, p->id, plen) != 0 || it->id[plen] != '.' || it->id[plen + 1] == '\0')
        return itsm__error(ITSM_EINVAL, "id: \"%s\" is not an item of process \"%s\" (expected \"%s.<n>\")", it->id,
                           p->id, p->id);
    size_t found = 0;
    if (find_item(&found, m, it->id))
        return itsm__error(ITSM_EINVAL, "id: item \"%s\" is already defined", it->id);
    if (empty(it->name_ja) && empty(it->name_en))
        return itsm__error(ITSM_EINVAL, "an item needs a name (name_ja or name_en)");
    for (size_t l = 0; l < ITSM_MATURITY_LEVELS; l++)
        if (empty(it->levels[l].ja) && empty(it->levels[l].en))
            return itsm__error(ITSM_EINVAL, "levels[%zu]: L%zu needs a text (ja or en)", l, l + 1);
    return ITSM_OK;
}

int itsm__maturity_add_item(itsm_maturity_model *m, const itsm_maturity_item *it)
{
    if (m->n_processes == 0)
        return itsm__error(ITSM_EINVAL, "maturity model: an item needs a process");
    itsm_maturity_process *p = &m->processes[m->n_processes - 1];
    int rc = check_item(m, it, p);
    if (rc == ITSM_OK)
        rc = itsm__reserve((void **)&m->items, &m->cap_items, m->n_items + 1, sizeof *m->items,
                           "maturity model items");
    if (rc == ITSM_OK)
        rc = copy_item(&m->items[m->n_items], it);
    if (rc != ITSM_OK)
        return rc;
    m->items[m->n_items].process = m->n_processes - 1;
    m->n_items++;
    p->n_items++;
    return ITSM_OK;
}

/* ---- the built-in table and look-ups ------------------------------------------------------ */

itsm_status itsm_maturity_model_builtin(itsm_maturity_model **out)
{
    ITSM__CHECK_ARG(out);
    int rc = itsm_maturity_model_from_json(out, (const char *)itsm__maturity_jisq20000_json,
                                           itsm__maturity_jisq20000_json_size);
    return rc == ITSM_OK || rc == ITSM_ENOMEM ? rc : itsm__error_prefix(rc, "built-in maturity model");
}

const char *itsm_maturity_model_name(const itsm_maturity_model *model) { return model == NULL ? NULL : model->name; }

size_t itsm_maturity_process_count(const itsm_maturity_model *model) { return model == NULL ? 0 : model->n_processes; }

size_t itsm_maturity_item_count(const itsm_maturity_model *model) { return model == NULL ? 0 : model->n_items; }

int itsm__maturity_check_index(size_t index, size_t count, const char *what, const char *fn)
{
    if (index >= count)
        return itsm__error(ITSM_ERANGE, "%s: index %zu is past the %zu %s", fn, index, count, what);
    return ITSM_OK;
}

itsm_status itsm_maturity_process_get(itsm_maturity_process *out, const itsm_maturity_model *model, size_t index)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(model);
    int rc = itsm__maturity_check_index(index, model->n_processes, "processes", __func__);
    if (rc == ITSM_OK)
        *out = model->processes[index];
    return rc;
}

itsm_status itsm_maturity_item_get(itsm_maturity_item *out, const itsm_maturity_model *model, size_t index)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(model);
    int rc = itsm__maturity_check_index(index, model->n_items, "items", __func__);
    if (rc == ITSM_OK)
        *out = model->items[index];
    return rc;
}

itsm_status itsm_maturity_item_find(size_t *out, const itsm_maturity_model *model, const char *id)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(model);
    ITSM__CHECK_ARG(id);
    if (find_item(out, model, id))
        return ITSM_OK;
    return itsm__error(ITSM_ENOTFOUND, "item \"%.64s\" is not in maturity model \"%s\"", id, model->name);
}
