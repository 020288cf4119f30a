/* Private to libitsm: the layout of configuration items and pending items, shared by
 * lib/model and the JSON reader and writer in lib/io. Not installed. */
#ifndef ITSM_MODEL_LIFECYCLE_INTERNAL_H
#define ITSM_MODEL_LIFECYCLE_INTERNAL_H

#include "itsm/lifecycle.h"

#include <stdbool.h>

#define ITSM__CI_TEXT_COUNT 5
#define ITSM__CI_DATE_COUNT 4
/* Longest id, in bytes. */
#define ITSM__ID_MAX 255

struct itsm_ci {
    char *id;
    char *text[ITSM__CI_TEXT_COUNT];    /* by itsm_ci_text; NULL when not set */
    itsm_date date[ITSM__CI_DATE_COUNT]; /* by itsm_ci_date */
    bool has_date[ITSM__CI_DATE_COUNT];
};

typedef struct itsm__pending_entry {
    itsm_instant at;
    char *owner;
    itsm_pending_status status;
    char *note; /* NULL when none */
} itsm__pending_entry;

struct itsm_pending_item {
    char *id;
    char *title;
    char *owner;
    itsm_pending_status status;
    bool has_due;
    itsm_date due;
    char *event; /* NULL when none */
    itsm__pending_entry *history;
    size_t history_count, history_cap;
};

/* JSON names of the fields, by enum value. */
extern const char *const itsm__ci_text_keys[ITSM__CI_TEXT_COUNT];
extern const char *const itsm__ci_date_keys[ITSM__CI_DATE_COUNT];

/* Checks shared by the setters and the JSON reader (they set the last error naming
 * `what`). */
int itsm__check_id(const char *id, const char *what);
int itsm__check_status(itsm_pending_status status, const char *what);

/* A pending item without history (for the JSON reader, which appends it). */
int itsm__pending_bare(itsm_pending_item **out, const char *id, const char *title, const char *owner,
                       itsm_pending_status status);
/* Append a history entry as it is, without touching owner and status. */
int itsm__pending_append(itsm_pending_item *item, itsm_instant at, const char *owner, itsm_pending_status status,
                         const char *note);


#endif
