/* Private to libitsm: the layout of incident records, shared by lib/model/incident.c and
 * the JSON reader and writer lib/io/incident_json.c. Not installed. */
#ifndef ITSM_MODEL_INCIDENT_INTERNAL_H
#define ITSM_MODEL_INCIDENT_INTERNAL_H

#include "itsm/incident.h"

#include <stddef.h>
#include <stdint.h>

#define ITSM__INCIDENT_TEXT_COUNT 3
#define ITSM__INCIDENT_LEVEL_COUNT 3
#define ITSM__INCIDENT_LEVEL_MAX 1000

typedef struct itsm__incident_change {
    itsm_instant at;
    itsm_incident_status status;
    char *group; /* NULL when none */
    char *by;    /* NULL when none */
} itsm__incident_change;

typedef struct itsm__incident_assignment {
    itsm_instant at;
    char *group;
} itsm__incident_assignment;

typedef struct itsm__severity_decl {
    itsm_instant at;
    itsm_severity_level level;
    char *by;
} itsm__severity_decl;

struct itsm_incident {
    char *id;
    char *text[ITSM__INCIDENT_TEXT_COUNT];      /* by itsm_incident_text; NULL when not set */
    int32_t level[ITSM__INCIDENT_LEVEL_COUNT];  /* by itsm_incident_level; 0 when not set */
    itsm__incident_change *changes;
    size_t change_count, change_cap;
    itsm__incident_assignment *assignments;
    size_t assignment_count, assignment_cap;
    itsm__severity_decl *severities;
    size_t severity_count, severity_cap;
};

#define ITSM__PRIORITY_AXIS_COUNT 3

struct itsm_priority_matrix {
    int32_t n_impact, n_urgency;
    int32_t *cells;
    /* Names of the levels by itsm_priority_axis: names[a][level - 1]; NULL when not named. */
    char **names[ITSM__PRIORITY_AXIS_COUNT];
    int32_t name_count[ITSM__PRIORITY_AXIS_COUNT];
};

/* The highest priority in the matrix's cells. */
int32_t itsm__priority_matrix_max(const itsm_priority_matrix *matrix);
/* Name the levels of `axis` (copies of `names[0 .. count - 1]`, replacing any): as many
 * names as the axis has levels (impact, urgency) or at least the highest priority in the
 * cells (priority), else ITSM_EINVAL saying so (the caller adds where); `what` names the
 * allocations. On failure nothing changes. */
int itsm__priority_matrix_set_names(itsm_priority_matrix *matrix, itsm_priority_axis axis, const char *const *names,
                                    int32_t count, const char *what);

/* JSON names of the fields, by enum value. */
extern const char *const itsm__incident_text_keys[ITSM__INCIDENT_TEXT_COUNT];
extern const char *const itsm__incident_level_keys[ITSM__INCIDENT_LEVEL_COUNT];

/* Append a status change exactly as given (no implied assignment): the JSON reader. */
int itsm__incident_append_change(itsm_incident *incident, itsm_instant at, itsm_incident_status status,
                                 const char *group, const char *by);

#endif
