/* Assessments: a level (and a target) per item of a model, the next step of each item,
 * and summaries per process and over the model. */
#include "maturity/maturity_internal.h"

#include <math.h>
#include <string.h>

itsm_status itsm_maturity_assessment_new(itsm_maturity_assessment **out, const itsm_maturity_model *model)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(model);
    itsm_maturity_assessment *a = itsm__calloc(1, sizeof *a, "maturity assessment");
    if (a == NULL)
        return ITSM_ENOMEM;
    a->model = model;
    size_t n = model->n_items;
    a->level = itsm__calloc(n, sizeof *a->level, "maturity assessment levels");
    a->target = itsm__calloc(n, sizeof *a->target, "maturity assessment targets");
    a->note = itsm__calloc(n, sizeof *a->note, "maturity assessment notes");
    if (a->level == NULL || a->target == NULL || a->note == NULL) {
        itsm_maturity_assessment_free(a);
        return ITSM_ENOMEM;
    }
    *out = a;
    return ITSM_OK;
}

void itsm_maturity_assessment_free(itsm_maturity_assessment *a)
{
    if (a == NULL)
        return;
    for (size_t i = 0; a->note != NULL && i < a->model->n_items; i++)
        itsm__free(a->note[i]);
    itsm__free(a->note);
    itsm__free(a->level);
    itsm__free(a->target);
    itsm__free(a->assessor);
    itsm__free(a);
}

const itsm_maturity_model *itsm_maturity_assessment_model(const itsm_maturity_assessment *assessment)
{
    return assessment == NULL ? NULL : assessment->model;
}

int itsm__maturity_check_level(int32_t value, const char *what)
{
    if (value < 0 || value > ITSM_MATURITY_LEVELS)
        return itsm__error(ITSM_EINVAL, "%s: %d is not a level (1 .. %d, or 0 for none)", what, (int)value,
                           ITSM_MATURITY_LEVELS);
    return ITSM_OK;
}

itsm_status itsm_maturity_assessment_set(itsm_maturity_assessment *assessment, const char *item_id, int32_t level,
                                         int32_t target)
{
    ITSM__CHECK_ARG(assessment);
    ITSM__CHECK_ARG(item_id);
    size_t i = 0;
    int rc = itsm_maturity_item_find(&i, assessment->model, item_id);
    if (rc == ITSM_OK)
        rc = itsm__maturity_check_level(level, "level");
    if (rc == ITSM_OK)
        rc = itsm__maturity_check_level(target, "target");
    if (rc != ITSM_OK)
        return itsm__error_prefix(rc, "%s", __func__);
    assessment->level[i] = level;
    assessment->target[i] = target;
    return ITSM_OK;
}

/* Replace an owned string (NULL clears it); nothing changes on failure. */
static int replace_text(char **slot, const char *text, const char *what)
{
    char *copy = NULL;
    if (text != NULL && (copy = itsm__strdup(text, what)) == NULL)
        return ITSM_ENOMEM;
    itsm__free(*slot);
    *slot = copy;
    return ITSM_OK;
}

int itsm__maturity_set_note(itsm_maturity_assessment *a, size_t item, const char *note)
{
    return replace_text(&a->note[item], note, "maturity assessment note");
}

int itsm__maturity_set_assessor(itsm_maturity_assessment *a, const char *assessor)
{
    return replace_text(&a->assessor, assessor, "maturity assessment assessor");
}

/* ---- results ------------------------------------------------------------------------------------ */

itsm_status itsm_maturity_assessment_item(itsm_maturity_item_result *out, const itsm_maturity_assessment *assessment,
                                          size_t index)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(assessment);
    const itsm_maturity_model *m = assessment->model;
    int rc = itsm__maturity_check_index(index, m->n_items, "items", __func__);
    if (rc != ITSM_OK)
        return rc;
    itsm_maturity_item_result r;
    memset(&r, 0, sizeof r);
    r.level = assessment->level[index];
    r.target = assessment->target[index];
    r.meets_target = r.target > 0 && r.level >= r.target;
    if (r.level > 0 && r.level < ITSM_MATURITY_LEVELS) {
        r.next_level = r.level + 1;
        r.next_step = m->items[index].levels[r.level]; /* levels[k] is L(k + 1) */
    }
    *out = r;
    return ITSM_OK;
}

/* Add up items [first, first + n). */
static void summarise(itsm_maturity_summary *s, const itsm_maturity_assessment *a, size_t first, size_t n)
{
    memset(s, 0, sizeof *s);
    s->items = n;
    int64_t total = 0;
    for (size_t i = first; i < first + n; i++) {
        int32_t level = a->level[i];
        if (level == 0)
            continue;
        s->assessed++;
        s->at_level[level - 1]++;
        total += level;
        s->level = s->assessed == 1 || level < s->level ? level : s->level;
        s->highest = level > s->highest ? level : s->highest;
        if (a->target[i] > 0) {
            s->with_target++;
            if (level < a->target[i])
                s->below_target++;
        }
    }
    s->mean_level = s->assessed == 0 ? NAN : (double)total / (double)s->assessed;
}

itsm_status itsm_maturity_assessment_process(itsm_maturity_summary *out, const itsm_maturity_assessment *assessment,
                                             size_t index)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(assessment);
    const itsm_maturity_model *m = assessment->model;
    int rc = itsm__maturity_check_index(index, m->n_processes, "processes", __func__);
    if (rc == ITSM_OK)
        summarise(out, assessment, m->processes[index].first_item, m->processes[index].n_items);
    return rc;
}

itsm_status itsm_maturity_assessment_overall(itsm_maturity_summary *out, const itsm_maturity_assessment *assessment)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(assessment);
    summarise(out, assessment, 0, assessment->model->n_items);
    return ITSM_OK;
}
