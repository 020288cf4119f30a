/* Private to lib/report: measuring one item. */
#ifndef ITSM_REPORT_MEASURE_H
#define ITSM_REPORT_MEASURE_H

#include "report/report_internal.h"

#include <stdarg.h>
#include <stdbool.h>

/* Returned by measurers when the item was marked not evaluable (not an error). */
#define ITSM_REPORT__DONE 1

typedef struct itsm__measure_ctx {
    const itsm_dataset *ds;
    const itsm_sla_item *item;
    itsm_sla_metric metric;
    itsm_sla_selector selector;
    itsm_sla_unit unit;
    const itsm_calendar *cal; /* the item's calendar, or NULL when it names none */
    itsm_period period;
    itsm_instant as_of;
    itsm_count_rule counting;
    size_t max_breaches;
    int target_level;         /* the level whose cell is the clock's target */
} itsm__measure_ctx;

/* Durations of the records counted in the period. */
typedef struct itsm__durations {
    int64_t *seconds;
    size_t n;
    int64_t breached; /* of them over the target */
} itsm__durations;

int itsm__report_unevaluable(itsm__ritem *ri, const char *fmt, ...) ITSM__PRINTF(2, 3);
int itsm__report_limit(int64_t *out, const itsm_sla_level *cell, itsm_sla_unit unit);
int itsm__report_aggregate(itsm_sla_measure *m, itsm__ritem *ri, const itsm__measure_ctx *c,
                           const itsm__durations *d);
int itsm__report_add_breach(itsm__ritem *ri, const itsm__measure_ctx *c, const char *record, int64_t index,
                            const itsm__breach *b);
bool itsm__report_in_period(const itsm__measure_ctx *c, itsm_instant t);

/* The metric kinds: fill `m` (and the item's counts), or mark the item not evaluable
 * (ITSM_REPORT__DONE), or fail with an error. */
int itsm__measure_clock(itsm_sla_measure *m, itsm__ritem *ri, const itsm__measure_ctx *c);
int itsm__measure_spans(itsm_sla_measure *m, itsm__ritem *ri, const itsm__measure_ctx *c);
int itsm__measure_availability(itsm_sla_measure *m, itsm__ritem *ri, const itsm__measure_ctx *c);
int itsm__measure_calls(itsm_sla_measure *m, itsm__ritem *ri, const itsm__measure_ctx *c);
int itsm__measure_count(itsm_sla_measure *m, itsm__ritem *ri, const itsm__measure_ctx *c);
int itsm__measure_interval(itsm_sla_measure *m, itsm__ritem *ri, const itsm__measure_ctx *c);
int itsm__measure_rpo(itsm_sla_measure *m, itsm__ritem *ri, const itsm__measure_ctx *c);
int itsm__measure_deliveries(itsm_sla_measure *m, itsm__ritem *ri, const itsm__measure_ctx *c);
int itsm__measure_ordinal(itsm_sla_measure *m, itsm__ritem *ri, const itsm__measure_ctx *c);

#endif
