/* Priority matrix documents (docs/schema/priority_matrix.schema.json, "itsm_schema": 1):
 * reader and canonical writer. The reader is strict: an unknown key, a ragged row, a
 * priority outside 1 .. 1000 or a wrong number of level names is an error naming its JSON
 * path (`$.cells[1][2]`). */
#include "internal.h"
#include "io/json_value.h"
#include "model/incident_internal.h"

#include <inttypes.h>

#define ITSM__PRIORITY_SCHEMA 1
/* Most rows, columns and level names. */
#define ITSM__PRIORITY_MAX_SIDE 100

static const char *const name_keys[ITSM__PRIORITY_AXIS_COUNT] = {"impact_levels", "urgency_levels",
                                                                 "priority_levels"};

/* ---- reading ------------------------------------------------------------------------------ */

/* An array at `p` of 1 .. `max` elements; *out_n its size. */
static int sized_array(size_t *out_n, const json_t *v, size_t max, const char *what, const itsm__jpath *p)
{
    int rc = itsm__json_need_array(v, p);
    *out_n = rc == ITSM_OK ? json_array_size(v) : 0;
    if (rc == ITSM_OK && (*out_n < 1 || *out_n > max))
        rc = itsm__jpath_error(ITSM_ERANGE, p, "%zu %s (expected 1 .. %zu)", *out_n, what, max);
    return rc;
}

static int read_row(int32_t *cells, size_t n_urgency, const json_t *row, const itsm__jpath *p)
{
    size_t n = 0;
    int rc = itsm__json_need_array(row, p);
    if (rc == ITSM_OK && (n = json_array_size(row)) != n_urgency)
        rc = itsm__jpath_error(ITSM_EINVAL, p, "%zu urgency levels, but $.cells[0] has %zu (every row has one "
                                               "priority per urgency level)",
                               n, n_urgency);
    for (size_t u = 0; rc == ITSM_OK && u < n; u++) {
        itsm__jpath up = itsm__jpath_index(p, u);
        rc = itsm__json_get_int32(&cells[u], json_array_get(row, u), &up);
        if (rc == ITSM_OK && (cells[u] < 1 || cells[u] > ITSM__INCIDENT_LEVEL_MAX))
            rc = itsm__jpath_error(ITSM_ERANGE, &up, "priority %" PRId32 " is outside 1 .. %d", cells[u],
                                   ITSM__INCIDENT_LEVEL_MAX);
    }
    return rc;
}

/* The matrix of "cells" (ITIL's 3 x 3 when absent). */
static int read_cells(itsm_priority_matrix **out, const json_t *root, const itsm__jpath *rp)
{
    const json_t *v = json_object_get(root, "cells");
    if (v == NULL)
        return itsm_priority_matrix_default(out);
    itsm__jpath cp = itsm__jpath_key(rp, "cells"), row0 = itsm__jpath_index(&cp, 0);
    size_t n_impact = 0, n_urgency = 0;
    int rc = sized_array(&n_impact, v, ITSM__PRIORITY_MAX_SIDE, "impact levels (rows)", &cp);
    if (rc == ITSM_OK)
        rc = sized_array(&n_urgency, json_array_get(v, 0), ITSM__PRIORITY_MAX_SIDE, "urgency levels (columns)",
                         &row0);
    int32_t *cells = NULL;
    if (rc == ITSM_OK && (cells = itsm__malloc(n_impact * n_urgency * sizeof *cells, "priority matrix")) == NULL)
        rc = ITSM_ENOMEM;
    for (size_t i = 0; rc == ITSM_OK && i < n_impact; i++) {
        itsm__jpath ip = itsm__jpath_index(&cp, i);
        rc = read_row(cells + i * n_urgency, n_urgency, json_array_get(v, i), &ip);
    }
    if (rc == ITSM_OK)
        rc = itsm_priority_matrix_new(out, (int32_t)n_impact, (int32_t)n_urgency, cells);
    itsm__free(cells);
    return rc;
}

static int read_names(itsm_priority_matrix *m, const json_t *root, itsm_priority_axis axis, const itsm__jpath *rp)
{
    const json_t *v = json_object_get(root, name_keys[axis]);
    if (v == NULL)
        return ITSM_OK;
    itsm__jpath kp = itsm__jpath_key(rp, name_keys[axis]);
    size_t n = 0;
    int rc = sized_array(&n, v, ITSM__INCIDENT_LEVEL_MAX, "names", &kp);
    const char **names = NULL;
    if (rc == ITSM_OK && (names = itsm__calloc(n, sizeof *names, "priority matrix names")) == NULL)
        rc = ITSM_ENOMEM;
    for (size_t i = 0; rc == ITSM_OK && i < n; i++) {
        itsm__jpath ip = itsm__jpath_index(&kp, i);
        rc = itsm__json_get_string(&names[i], json_array_get(v, i), &ip);
        if (rc == ITSM_OK && names[i][0] == '\0')
            rc = itsm__jpath_error(ITSM_EINVAL, &ip, "must not be empty");
    }
    if (rc == ITSM_OK && (rc = itsm__priority_matrix_set_names(m, axis, names, (int32_t)n, "priority matrix names")) !=
                             ITSM_OK)
        rc = itsm__jpath_wrap(rc, &kp);
    itsm__free((void *)names);
    return rc;
}

itsm_status itsm_priority_matrix_from_json(itsm_priority_matrix **out, const char *json, size_t len)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(json);
    json_t *root = NULL;
    int rc = itsm__json_load(&root, json, len, "priority matrix");
    if (rc != ITSM_OK)
        return rc;
    static const char *const types[] = {"priority_matrix", NULL};
    static const char *const keys[] = {"itsm_schema",   "type",           "cells",
                                       "impact_levels", "urgency_levels", "priority_levels",
                                       NULL};
    itsm__jpath rp = itsm__jpath_root();
    itsm_priority_matrix *m = NULL;
    size_t which = 0;
    rc = itsm__json_check_header(&which, root, ITSM__PRIORITY_SCHEMA, types, &rp);
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(root, keys, &rp);
    if (rc == ITSM_OK)
        rc = read_cells(&m, root, &rp);
    for (size_t a = 0; rc == ITSM_OK && a < ITSM__PRIORITY_AXIS_COUNT; a++) {
        /* Without "cells" the default's names stand unless the document gives its own. */
        rc = read_names(m, root, (itsm_priority_axis)a, &rp);
    }
    json_decref(root);
    if (rc != ITSM_OK) {
        itsm_priority_matrix_free(m);
        return rc;
    }
    *out = m;
    return ITSM_OK;
}

/* ---- writing ------------------------------------------------------------------------------ */

static json_t *cells_json(const itsm_priority_matrix *m, const char *what)
{
    json_t *rows = json_array();
    for (int32_t i = 0; rows != NULL && i < m->n_impact; i++) {
        json_t *row = json_array();
        int rc = itsm__json_append(rows, row, what);
        for (int32_t u = 0; rc == ITSM_OK && u < m->n_urgency; u++)
            rc = itsm__json_append(row, json_integer(m->cells[(size_t)i * (size_t)m->n_urgency + (size_t)u]), what);
        if (rc != ITSM_OK) {
            json_decref(rows);
            rows = NULL;
        }
    }
    return rows;
}

static json_t *names_json(const itsm_priority_matrix *m, size_t axis, const char *what)
{
    json_t *list = json_array();
    for (int32_t i = 0; list != NULL && i < m->name_count[axis]; i++) {
        if (itsm__json_append(list, json_string(m->names[axis][i]), what) != ITSM_OK) {
            json_decref(list);
            list = NULL;
        }
    }
    return list;
}

itsm_status itsm_priority_matrix_to_json(char **out, const itsm_priority_matrix *matrix)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(matrix);
    const char *what = "itsm_priority_matrix_to_json";
    json_t *root = NULL;
    int rc = itsm__json_new_document(&root, ITSM__PRIORITY_SCHEMA, "priority_matrix", what);
    if (rc == ITSM_OK)
        rc = itsm__json_put(root, "cells", cells_json(matrix, what), what);
    for (size_t a = 0; rc == ITSM_OK && a < ITSM__PRIORITY_AXIS_COUNT; a++) {
        if (matrix->name_count[a] > 0)
            rc = itsm__json_put(root, name_keys[a], names_json(matrix, a, what), what);
    }
    if (rc == ITSM_OK)
        rc = itsm__json_dump(out, root, what);
    json_decref(root);
    return rc;
}
