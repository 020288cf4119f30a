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

struct itsm_priority_matrix {
    int32_t n_impact, n_urgency;
    int32_t *cells;
};

/* JSON names of the fields, by enum value. */
extern const char *const itsm__incident_text_keys[ITSM__INCIDENT_TEXT_COUNT];
extern const char *const itsm__incident_level_keys[ITSM__INCIDENT_LEVEL_COUNT];

/* Append a status change exactly as given (no implied assignment): the JSON reader. */
int itsm__incident_append_change(itsm_incident *incident, itsm_instant at, itsm_incident_status status,
                                 const char *group, const char *by);

#endif
