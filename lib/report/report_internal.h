/* Private to libitsm: the layout of datasets, calendar sets and reports, shared by
 * lib/report (filling, evaluation, Markdown) and the JSON writer in lib/io. Not installed. */
#ifndef ITSM_REPORT_INTERNAL_H
#define ITSM_REPORT_INTERNAL_H

#include "itsm/report.h"

#include <stdbool.h>
#include <stdint.h>

/* Interned strings: index by name through an open-addressing hash. */
typedef struct itsm__strtab {
    char **names;
    size_t count, cap;
    int32_t *slots; /* -1 = empty; capacity slot_cap (a power of two) */
    size_t slot_cap;
} itsm__strtab;

/* Index of `name`, added when new (ITSM_ENOMEM). */
int itsm__strtab_intern(int32_t *out, itsm__strtab *tab, const char *name);
/* Index of `name`, or -1. */
int32_t itsm__strtab_find(const itsm__strtab *tab, const char *name);
void itsm__strtab_clear(itsm__strtab *tab);

typedef struct itsm__incidents {
    size_t n, cap, n_events, ev_cap;
    int64_t *offsets; /* n + 1 */
    itsm_instant *instants;
    int32_t *codes, *ev_priorities;
    char **ids;       /* NULL entries: "#<index>" */
    int32_t *priority, *category, *service, *ci; /* texts: strtab index or -1 */
    itsm_instant *opened;
} itsm__incidents;

typedef struct itsm__events {
    size_t n, cap;
    int32_t *kind; /* strtab index */
    int64_t *record;
    itsm_instant *at;
} itsm__events;

typedef struct itsm__calls {
    size_t n, cap;
    uint8_t *outcome, *flags, *include;
    int64_t *wait, *caller;
    itsm_instant *arrival;
} itsm__calls;

typedef struct itsm__outages {
    size_t n, cap;
    itsm_instant *start, *end;
    uint8_t *flags, *exclusion;
    int64_t *share;
    char **ids;
} itsm__outages;

typedef struct itsm__backups {
    size_t n, cap;
    itsm_instant *points, *completed;
    uint8_t *succeeded;
} itsm__backups;

typedef struct itsm__deliveries {
    size_t n, cap;
    int32_t *report; /* strtab index */
    itsm_instant *due, *delivered;
    uint8_t *mask;
} itsm__deliveries;

struct itsm_dataset {
    itsm__strtab strings;   /* categories, services, CIs, event kinds, report names */
    itsm__strtab statuses;  /* status names; codes in status_codes */
    int32_t *status_codes;
    size_t status_cap;
    itsm__strtab declared_items; /* item ids; declared names in declared */
    char **declared;
    size_t declared_cap;
    itsm__incidents inc;
    itsm__events ev;
    itsm__calls calls;
    itsm__outages out;
    itsm__backups bk;
    itsm__deliveries dl;
};

struct itsm_calendar_set {
    itsm__strtab names;
    const itsm_calendar **cals;
    size_t cap;
};

typedef struct itsm__breach {
    char *record;
    itsm_instant start, stop, deadline;
    int64_t elapsed, target;
    itsm_clock_state state;
} itsm__breach;

typedef struct itsm__ritem {
    itsm_report_item pub;   /* strings point into the fields below or static text */
    char *id, *name, *agreed_text, *reason;
    int has_reliability;    /* availability: MTBF and MTRS in seconds */
    itsm_rate mtbf, mtrs;
    itsm__breach *breaches;
    size_t n_breaches, breach_cap;
} itsm__ritem;

struct itsm_report {
    char *agreement_id, *agreement_name;
    itsm_period period;
    itsm_count_rule counting;
    itsm_instant as_of;
    itsm__ritem *items;
    size_t n_items;
};

/* Seconds per unit for second..week; 0 otherwise. */
int64_t itsm__report_unit_seconds(itsm_sla_unit unit);
/* ISO 8601 UTC text of an instant ("" for ITSM_CLOCK_NO_INSTANT). */
void itsm__report_instant(char *buf, size_t size, itsm_instant t);

#endif
