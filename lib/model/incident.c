/* Incident records: fields, the status, assignment and severity histories, and what is
 * derived from them (milestones, reopenings, the current severity), plus the priority
 * matrix. */
#include "internal.h"
#include "io/json_path.h" /* itsm__utf8_valid (no jansson) */
#include "model/incident_internal.h"
#include "model/lifecycle_internal.h" /* itsm__check_id */

#include <inttypes.h>
#include <string.h>

const char *const itsm__incident_text_keys[ITSM__INCIDENT_TEXT_COUNT] = {"service", "ci", "category"};
const char *const itsm__incident_level_keys[ITSM__INCIDENT_LEVEL_COUNT] = {"impact", "urgency", "priority"};

static const char *const status_names[] = {"new", "active", "on_hold", "resolved", "closed"};
static const char *const severity_names[] = {"0", "0+", "1", "2", "3"};

/* ---- priority matrix ------------------------------------------------------------------------ */

itsm_status itsm_priority_matrix_new(itsm_priority_matrix **out, int32_t n_impact, int32_t n_urgency,
                                     const int32_t *cells)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(cells);
    const char *what = __func__;
    if (n_impact < 1 || n_impact > 100 || n_urgency < 1 || n_urgency > 100)
        return itsm__error(ITSM_EINVAL, "%s: the matrix must be 1..100 x 1..100, not %" PRId32 " x %" PRId32, what,
                           n_impact, n_urgency);
    size_t n = (size_t)n_impact * (size_t)n_urgency;
    for (size_t k = 0; k < n; k++) {
        if (cells[k] < 1 || cells[k] > ITSM__INCIDENT_LEVEL_MAX)
            return itsm__error(ITSM_ERANGE, "%s: cells[%zu] (impact %zu, urgency %zu): priority %" PRId32
                                            " is outside 1 .. %d",
                               what, k, k / (size_t)n_urgency + 1, k % (size_t)n_urgency + 1, cells[k],
                               ITSM__INCIDENT_LEVEL_MAX);
    }
    itsm_priority_matrix *m = itsm__calloc(1, sizeof *m, what);
    if (m == NULL)
        return ITSM_ENOMEM;
    if ((m->cells = itsm__malloc(n * sizeof *m->cells, what)) == NULL) {
        itsm__free(m);
        return ITSM_ENOMEM;
    }
    memcpy(m->cells, cells, n * sizeof *m->cells);
    m->n_impact = n_impact;
    m->n_urgency = n_urgency;
    *out = m;
    return ITSM_OK;
}

static void free_names(itsm_priority_matrix *m, size_t axis)
{
    for (int32_t i = 0; i < m->name_count[axis]; i++)
        itsm__free(m->names[axis][i]);
    itsm__free(m->names[axis]);
    m->names[axis] = NULL;
    m->name_count[axis] = 0;
}

void itsm_priority_matrix_free(itsm_priority_matrix *matrix)
{
    if (matrix == NULL)
        return;
    for (size_t a = 0; a < ITSM__PRIORITY_AXIS_COUNT; a++)
        free_names(matrix, a);
    itsm__free(matrix->cells);
    itsm__free(matrix);
}

int32_t itsm__priority_matrix_max(const itsm_priority_matrix *matrix)
{
    int32_t max = 0;
    size_t n = (size_t)matrix->n_impact * (size_t)matrix->n_urgency;
    for (size_t k = 0; k < n; k++)
        max = matrix->cells[k] > max ? matrix->cells[k] : max;
    return max;
}

static const char *const axis_names[] = {"impact", "urgency", "priority"};

int itsm__priority_matrix_set_names(itsm_priority_matrix *matrix, itsm_priority_axis axis, const char *const *names,
                                    int32_t count, const char *what)
{
    int32_t need = axis == ITSM_PRIORITY_AXIS_IMPACT    ? matrix->n_impact
                   : axis == ITSM_PRIORITY_AXIS_URGENCY ? matrix->n_urgency
                                                        : itsm__priority_matrix_max(matrix);
    if (axis == ITSM_PRIORITY_AXIS_PRIORITY && count < need)
        return itsm__error(ITSM_EINVAL, "%" PRId32 " priority names, but the cells have priorities up to %" PRId32,
                           count, need);
    if (axis != ITSM_PRIORITY_AXIS_PRIORITY && count != need)
        return itsm__error(ITSM_EINVAL, "%" PRId32 " %s names for %" PRId32 " %s levels", count, axis_names[axis],
                           need, axis_names[axis]);
    for (int32_t i = 0; i < count; i++) {
        if (names[i] == NULL || names[i][0] == '\0' || !itsm__utf8_valid(names[i]))
            return itsm__error(ITSM_EINVAL, "%s name %" PRId32 " is empty or not UTF-8", axis_names[axis], i + 1);
    }
    char **copy = itsm__calloc((size_t)count, sizeof *copy, what);
    if (copy == NULL)
        return ITSM_ENOMEM;
    for (int32_t i = 0; i < count; i++) {
        if ((copy[i] = itsm__strdup(names[i], what)) == NULL) {
            while (i-- > 0)
                itsm__free(copy[i]);
            itsm__free(copy);
            return ITSM_ENOMEM;
        }
    }
    free_names(matrix, axis);
    matrix->names[axis] = copy;
    matrix->name_count[axis] = count;
    return ITSM_OK;
}

itsm_status itsm_priority_matrix_default(itsm_priority_matrix **out)
{
    ITSM__CHECK_ARG(out);
    static const int32_t cells[] = {1, 2, 3, 2, 3, 4, 3, 4, 5};
    static const char *const levels[] = {"high", "medium", "low"};
    static const char *const priorities[] = {"critical", "high", "medium", "low", "planning"};
    itsm_priority_matrix *m = NULL;
    int rc = itsm_priority_matrix_new(&m, 3, 3, cells);
    if (rc == ITSM_OK)
        rc = itsm__priority_matrix_set_names(m, ITSM_PRIORITY_AXIS_IMPACT, levels, 3, __func__);
    if (rc == ITSM_OK)
        rc = itsm__priority_matrix_set_names(m, ITSM_PRIORITY_AXIS_URGENCY, levels, 3, __func__);
    if (rc == ITSM_OK)
        rc = itsm__priority_matrix_set_names(m, ITSM_PRIORITY_AXIS_PRIORITY, priorities, 5, __func__);
    if (rc != ITSM_OK) {
        itsm_priority_matrix_free(m);
        return rc;
    }
    *out = m;
    return ITSM_OK;
}

itsm_status itsm_priority_matrix_shape(int32_t *out_n_impact, int32_t *out_n_urgency,
                                       const itsm_priority_matrix *matrix)
{
    ITSM__CHECK_ARG(out_n_impact);
    ITSM__CHECK_ARG(out_n_urgency);
    ITSM__CHECK_ARG(matrix);
    *out_n_impact = matrix->n_impact;
    *out_n_urgency = matrix->n_urgency;
    return ITSM_OK;
}

itsm_status itsm_priority_matrix_level_name(const char **out, const itsm_priority_matrix *matrix,
                                            itsm_priority_axis axis, int32_t level)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(matrix);
    if ((unsigned)axis >= ITSM__PRIORITY_AXIS_COUNT)
        return itsm__error(ITSM_EINVAL, "%s: unknown axis %d", __func__, (int)axis);
    int32_t top = matrix->name_count[axis];
    if (top == 0)
        top = axis == ITSM_PRIORITY_AXIS_IMPACT    ? matrix->n_impact
              : axis == ITSM_PRIORITY_AXIS_URGENCY ? matrix->n_urgency
                                                   : itsm__priority_matrix_max(matrix);
    if (level < 1 || level > top)
        return itsm__error(ITSM_ERANGE, "%s: %s level %" PRId32 " is outside 1 .. %" PRId32, __func__,
                           axis_names[axis], level, top);
    *out = matrix->name_count[axis] == 0 ? NULL : matrix->names[axis][level - 1];
    return ITSM_OK;
}

itsm_status itsm_priority_matrix_lookup(int32_t *out, const itsm_priority_matrix *matrix, int32_t impact,
                                        int32_t urgency)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(matrix);
    if (impact < 1 || impact > matrix->n_impact)
        return itsm__error(ITSM_ERANGE, "%s: impact %" PRId32 " is outside the matrix (1 .. %" PRId32 ")", __func__,
                           impact, matrix->n_impact);
    if (urgency < 1 || urgency > matrix->n_urgency)
        return itsm__error(ITSM_ERANGE, "%s: urgency %" PRId32 " is outside the matrix (1 .. %" PRId32 ")",
                           __func__, urgency, matrix->n_urgency);
    *out = matrix->cells[(size_t)(impact - 1) * (size_t)matrix->n_urgency + (size_t)(urgency - 1)];
    return ITSM_OK;
}

/* ---- checks ---------------------------------------------------------------------------------- */

static int check_text(const char *text, const char *field, const char *what)
{
    if (text == NULL || text[0] == '\0')
        return itsm__error(ITSM_EINVAL, "%s: %s must be a non-empty string", what, field);
    if (!itsm__utf8_valid(text))
        return itsm__error(ITSM_EINVAL, "%s: %s is not valid UTF-8", what, field);
    return ITSM_OK;
}

static int check_opt_text(const char *text, const char *field, const char *what)
{
    return text == NULL ? ITSM_OK : check_text(text, field, what);
}

static int check_at(itsm_instant at, int has_last, itsm_instant last, const char *what)
{
    if (at < ITSM_INSTANT_MIN || at > ITSM_INSTANT_MAX)
        return itsm__error(ITSM_ERANGE, "%s: instant %" PRId64 " is out of range", what, at);
    if (has_last && at < last)
        return itsm__error(ITSM_EINVAL, "%s: an entry at %" PRId64 " is before the last entry (%" PRId64 ")", what,
                           at, last);
    return ITSM_OK;
}

static int check_status(itsm_incident_status status, const char *what)
{
    if ((int)status < ITSM_INCIDENT_NEW || (int)status > ITSM_INCIDENT_CLOSED)
        return itsm__error(ITSM_EINVAL, "%s: unknown status %d", what, (int)status);
    return ITSM_OK;
}

static int check_severity(itsm_severity_level level, const char *what)
{
    if ((int)level < ITSM_SEVERITY_0 || (int)level > ITSM_SEVERITY_3)
        return itsm__error(ITSM_EINVAL, "%s: unknown severity level %d", what, (int)level);
    return ITSM_OK;
}

/* A copy of an optional string: *out NULL when `text` is NULL. */
static int dup_opt(char **out, const char *text, const char *what)
{
    *out = NULL;
    if (text != NULL && (*out = itsm__strdup(text, what)) == NULL)
        return ITSM_ENOMEM;
    return ITSM_OK;
}

/* ---- incidents -------------------------------------------------------------------------------- */

itsm_status itsm_incident_new(itsm_incident **out, const char *id)
{
    ITSM__CHECK_ARG(out);
    int rc = itsm__check_id(id, __func__);
    if (rc != ITSM_OK)
        return rc;
    itsm_incident *inc = itsm__calloc(1, sizeof *inc, __func__);
    if (inc == NULL)
        return ITSM_ENOMEM;
    if ((inc->id = itsm__strdup(id, __func__)) == NULL) {
        itsm__free(inc);
        return ITSM_ENOMEM;
    }
    *out = inc;
    return ITSM_OK;
}

void itsm_incident_free(itsm_incident *incident)
{
    if (incident == NULL)
        return;
    for (size_t i = 0; i < incident->change_count; i++) {
        itsm__free(incident->changes[i].group);
        itsm__free(incident->changes[i].by);
    }
    for (size_t i = 0; i < incident->assignment_count; i++)
        itsm__free(incident->assignments[i].group);
    for (size_t i = 0; i < incident->severity_count; i++)
        itsm__free(incident->severities[i].by);
    for (size_t k = 0; k < ITSM__INCIDENT_TEXT_COUNT; k++)
        itsm__free(incident->text[k]);
    itsm__free(incident->changes);
    itsm__free(incident->assignments);
    itsm__free(incident->severities);
    itsm__free(incident->id);
    itsm__free(incident);
}

itsm_status itsm_incident_clone(itsm_incident **out, const itsm_incident *incident)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(incident);
    itsm_incident *copy = NULL;
    int rc = itsm_incident_new(&copy, incident->id);
    for (size_t k = 0; rc == ITSM_OK && k < ITSM__INCIDENT_TEXT_COUNT; k++)
        rc = itsm_incident_set_text(copy, (itsm_incident_text)k, incident->text[k]);
    for (size_t i = 0; rc == ITSM_OK && i < incident->change_count; i++) {
        const itsm__incident_change *c = &incident->changes[i];
        rc = itsm__incident_append_change(copy, c->at, c->status, c->group, c->by);
    }
    for (size_t i = 0; rc == ITSM_OK && i < incident->assignment_count; i++)
        rc = itsm_incident_add_assignment(copy, incident->assignments[i].at, incident->assignments[i].group);
    for (size_t i = 0; rc == ITSM_OK && i < incident->severity_count; i++) {
        const itsm__severity_decl *d = &incident->severities[i];
        rc = itsm_incident_declare_severity(copy, d->at, d->level, d->by);
    }
    if (rc != ITSM_OK) {
        itsm_incident_free(copy);
        return rc;
    }
    memcpy(copy->level, incident->level, sizeof copy->level);
    *out = copy;
    return ITSM_OK;
}

const char *itsm_incident_id(const itsm_incident *incident) { return incident == NULL ? NULL : incident->id; }

itsm_status itsm_incident_set_text(itsm_incident *incident, itsm_incident_text field, const char *text)
{
    ITSM__CHECK_ARG(incident);
    if ((int)field < 0 || (int)field >= ITSM__INCIDENT_TEXT_COUNT)
        return itsm__error(ITSM_EINVAL, "%s: unknown field %d", __func__, (int)field);
    char *copy = NULL;
    int rc = check_opt_text(text, itsm__incident_text_keys[field], __func__);
    if (rc == ITSM_OK)
        rc = dup_opt(&copy, text, __func__);
    if (rc != ITSM_OK)
        return rc;
    itsm__free(incident->text[field]);
    incident->text[field] = copy;
    return ITSM_OK;
}

const char *itsm_incident_get_text(const itsm_incident *incident, itsm_incident_text field)
{
    if (incident == NULL || (int)field < 0 || (int)field >= ITSM__INCIDENT_TEXT_COUNT)
        return NULL;
    return incident->text[field];
}

itsm_status itsm_incident_set_level(itsm_incident *incident, itsm_incident_level field, int32_t value)
{
    ITSM__CHECK_ARG(incident);
    if ((int)field < 0 || (int)field >= ITSM__INCIDENT_LEVEL_COUNT)
        return itsm__error(ITSM_EINVAL, "%s: unknown field %d", __func__, (int)field);
    if (value < 0 || value > ITSM__INCIDENT_LEVEL_MAX)
        return itsm__error(ITSM_ERANGE, "%s: %s %" PRId32 " is outside 1 .. %d (0 clears it)", __func__,
                           itsm__incident_level_keys[field], value, ITSM__INCIDENT_LEVEL_MAX);
    incident->level[field] = value;
    return ITSM_OK;
}

itsm_status itsm_incident_get_level(int32_t *out, const itsm_incident *incident, itsm_incident_level field)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(incident);
    if ((int)field < 0 || (int)field >= ITSM__INCIDENT_LEVEL_COUNT)
        return itsm__error(ITSM_EINVAL, "%s: unknown field %d", __func__, (int)field);
    *out = incident->level[field];
    return ITSM_OK;
}

itsm_status itsm_incident_apply_matrix(itsm_incident *incident, const itsm_priority_matrix *matrix)
{
    ITSM__CHECK_ARG(incident);
    ITSM__CHECK_ARG(matrix);
    int32_t impact = incident->level[ITSM_INCIDENT_IMPACT], urgency = incident->level[ITSM_INCIDENT_URGENCY];
    if (impact == 0 || urgency == 0)
        return itsm__error(ITSM_EINVAL, "%s: incident %s has no %s", __func__, incident->id,
                           impact == 0 ? "impact" : "urgency");
    int32_t priority = 0;
    int rc = itsm_priority_matrix_lookup(&priority, matrix, impact, urgency);
    if (rc != ITSM_OK)
        return rc;
    incident->level[ITSM_INCIDENT_PRIORITY] = priority;
    return ITSM_OK;
}

/* ---- histories --------------------------------------------------------------------------------- */

int itsm__incident_append_change(itsm_incident *incident, itsm_instant at, itsm_incident_status status,
                                 const char *group, const char *by)
{
    const char *what = "incident status history";
    size_t n = incident->change_count;
    int rc = check_at(at, n > 0, n > 0 ? incident->changes[n - 1].at : 0, what);
    if (rc == ITSM_OK)
        rc = check_status(status, what);
    if (rc == ITSM_OK)
        rc = check_opt_text(group, "group", what);
    if (rc == ITSM_OK)
        rc = check_opt_text(by, "by", what);
    if (rc != ITSM_OK)
        return rc;
    void *items = incident->changes;
    if (itsm__reserve(&items, &incident->change_cap, n + 1, sizeof *incident->changes, what) != ITSM_OK)
        return ITSM_ENOMEM;
    incident->changes = items;
    itsm__incident_change c = {at, status, NULL, NULL};
    if (dup_opt(&c.group, group, what) != ITSM_OK)
        return ITSM_ENOMEM;
    if (dup_opt(&c.by, by, what) != ITSM_OK) {
        itsm__free(c.group);
        return ITSM_ENOMEM;
    }
    incident->changes[incident->change_count++] = c;
    return ITSM_OK;
}

itsm_status itsm_incident_add_status(itsm_incident *incident, itsm_instant at, itsm_incident_status status,
                                     const char *group, const char *by)
{
    ITSM__CHECK_ARG(incident);
    const size_t na = incident->assignment_count;
    bool new_group = group != NULL && (na == 0 || strcmp(incident->assignments[na - 1].group, group) != 0);
    if (new_group) {
        /* Check first, so that a failure leaves both histories unchanged. */
        int rc = check_at(at, na > 0, na > 0 ? incident->assignments[na - 1].at : 0, "incident assignment history");
        if (rc != ITSM_OK)
            return rc;
        void *items = incident->assignments;
        if (itsm__reserve(&items, &incident->assignment_cap, na + 1, sizeof *incident->assignments, __func__) !=
            ITSM_OK)
            return ITSM_ENOMEM;
        incident->assignments = items;
    }
    int rc = itsm__incident_append_change(incident, at, status, group, by);
    if (rc == ITSM_OK && new_group && (rc = itsm_incident_add_assignment(incident, at, group)) != ITSM_OK) {
        incident->change_count--;
        itsm__free(incident->changes[incident->change_count].group);
        itsm__free(incident->changes[incident->change_count].by);
    }
    return rc;
}

itsm_status itsm_incident_add_assignment(itsm_incident *incident, itsm_instant at, const char *group)
{
    ITSM__CHECK_ARG(incident);
    const char *what = "incident assignment history";
    size_t n = incident->assignment_count;
    int rc = check_at(at, n > 0, n > 0 ? incident->assignments[n - 1].at : 0, what);
    if (rc == ITSM_OK)
        rc = check_text(group, "group", what);
    if (rc != ITSM_OK)
        return rc;
    void *items = incident->assignments;
    if (itsm__reserve(&items, &incident->assignment_cap, n + 1, sizeof *incident->assignments, what) != ITSM_OK)
        return ITSM_ENOMEM;
    incident->assignments = items;
    itsm__incident_assignment a = {at, NULL};
    if ((a.group = itsm__strdup(group, what)) == NULL)
        return ITSM_ENOMEM;
    incident->assignments[incident->assignment_count++] = a;
    return ITSM_OK;
}

itsm_status itsm_incident_declare_severity(itsm_incident *incident, itsm_instant at, itsm_severity_level level,
                                           const char *by)
{
    ITSM__CHECK_ARG(incident);
    const char *what = "incident severity declarations";
    size_t n = incident->severity_count;
    int rc = check_at(at, n > 0, n > 0 ? incident->severities[n - 1].at : 0, what);
    if (rc == ITSM_OK)
        rc = check_severity(level, what);
    if (rc == ITSM_OK)
        rc = check_text(by, "by", what);
    if (rc != ITSM_OK)
        return rc;
    void *items = incident->severities;
    if (itsm__reserve(&items, &incident->severity_cap, n + 1, sizeof *incident->severities, what) != ITSM_OK)
        return ITSM_ENOMEM;
    incident->severities = items;
    itsm__severity_decl d = {at, level, NULL};
    if ((d.by = itsm__strdup(by, what)) == NULL)
        return ITSM_ENOMEM;
    incident->severities[incident->severity_count++] = d;
    return ITSM_OK;
}

size_t itsm_incident_status_count(const itsm_incident *incident)
{
    return incident == NULL ? 0 : incident->change_count;
}

size_t itsm_incident_assignment_count(const itsm_incident *incident)
{
    return incident == NULL ? 0 : incident->assignment_count;
}

size_t itsm_incident_severity_count(const itsm_incident *incident)
{
    return incident == NULL ? 0 : incident->severity_count;
}

static int check_index(size_t index, size_t count, const char *what)
{
    if (index >= count)
        return itsm__error(ITSM_ERANGE, "%s: index %zu is past the end (%zu entries)", what, index, count);
    return ITSM_OK;
}

itsm_status itsm_incident_status_get(itsm_incident_change *out, const itsm_incident *incident, size_t index)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(incident);
    int rc = check_index(index, incident->change_count, __func__);
    if (rc != ITSM_OK)
        return rc;
    const itsm__incident_change *c = &incident->changes[index];
    out->at = c->at;
    out->status = c->status;
    out->group = c->group;
    out->by = c->by;
    return ITSM_OK;
}

itsm_status itsm_incident_assignment_get(itsm_incident_assignment *out, const itsm_incident *incident, size_t index)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(incident);
    int rc = check_index(index, incident->assignment_count, __func__);
    if (rc != ITSM_OK)
        return rc;
    out->at = incident->assignments[index].at;
    out->group = incident->assignments[index].group;
    return ITSM_OK;
}

itsm_status itsm_incident_severity_get(itsm_severity_declaration *out, const itsm_incident *incident, size_t index)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(incident);
    int rc = check_index(index, incident->severity_count, __func__);
    if (rc != ITSM_OK)
        return rc;
    out->at = incident->severities[index].at;
    out->level = incident->severities[index].level;
    out->by = incident->severities[index].by;
    return ITSM_OK;
}

itsm_status itsm_incident_severity(int *out_set, itsm_severity_level *out, const itsm_incident *incident)
{
    ITSM__CHECK_ARG(out_set);
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(incident);
    /* Each declarer's latest declaration counts; the severity is the largest of those.
     * Quadratic in the number of declarations, which is small. */
    int found = 0;
    itsm_severity_level best = ITSM_SEVERITY_0;
    for (size_t i = 0; i < incident->severity_count; i++) {
        const itsm__severity_decl *d = &incident->severities[i];
        bool superseded = false;
        for (size_t j = i + 1; j < incident->severity_count && !superseded; j++)
            superseded = strcmp(incident->severities[j].by, d->by) == 0;
        if (superseded)
            continue;
        if (!found || d->level > best)
            best = d->level;
        found = 1;
    }
    *out_set = found;
    if (found)
        *out = best;
    return ITSM_OK;
}

static bool is_done(itsm_incident_status s) { return s == ITSM_INCIDENT_RESOLVED || s == ITSM_INCIDENT_CLOSED; }

itsm_status itsm_incident_get_milestones(itsm_incident_milestones *out, const itsm_incident *incident)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(incident);
    itsm_incident_milestones m;
    memset(&m, 0, sizeof m);
    for (size_t i = 0; i < incident->change_count; i++) {
        const itsm__incident_change *c = &incident->changes[i];
        bool was_done = i > 0 && is_done(incident->changes[i - 1].status);
        bool was_closed = i > 0 && incident->changes[i - 1].status == ITSM_INCIDENT_CLOSED;
        if (i == 0) {
            m.has_opened = 1;
            m.opened = c->at;
        }
        if (was_done && !is_done(c->status))
            m.reopen_count++;
        if (is_done(c->status) && !was_done)
            m.resolved = c->at;
        if (c->status == ITSM_INCIDENT_CLOSED && !was_closed)
            m.closed = c->at;
    }
    if (incident->change_count > 0) {
        itsm_incident_status last = incident->changes[incident->change_count - 1].status;
        m.has_resolved = is_done(last);
        m.has_closed = last == ITSM_INCIDENT_CLOSED;
    }
    if (!m.has_resolved)
        m.resolved = 0;
    if (!m.has_closed)
        m.closed = 0;
    *out = m;
    return ITSM_OK;
}

itsm_status itsm_incident_status_name(const char **out, itsm_incident_status status)
{
    ITSM__CHECK_ARG(out);
    int rc = check_status(status, __func__);
    if (rc != ITSM_OK)
        return rc;
    *out = status_names[status];
    return ITSM_OK;
}

itsm_status itsm_severity_level_name(const char **out, itsm_severity_level level)
{
    ITSM__CHECK_ARG(out);
    int rc = check_severity(level, __func__);
    if (rc != ITSM_OK)
        return rc;
    *out = severity_names[level];
    return ITSM_OK;
}
