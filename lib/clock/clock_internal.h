/* Private: deadline helpers (deadline.c), the layout of a clock definition
 * (definition.c) and the evaluator shared by the scalar and batch entry points
 * (evaluate.c). Not installed. */
#ifndef ITSM_CLOCK_INTERNAL_H
#define ITSM_CLOCK_INTERNAL_H

#include "itsm/clock.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- deadlines --------------------------------------------------------------------------- */

/* Largest amount of a kind (100 years of its unit); 0 for kinds without an amount. */
int64_t itsm__deadline_max_amount(itsm_deadline_kind kind);
/* A rule's party name: NUL-terminated within `size`, only a-z 0-9 _ - . */
bool itsm__calendar_name_ok(const char *name, size_t size);
/* itsm_deadline_apply() on a checked rule, without the argument checks. */
int itsm__deadline_apply(itsm_instant *out, const itsm_deadline *rule, const itsm_calendar *cal,
                         itsm_instant start);

/* ---- definitions ------------------------------------------------------------------------- */

/* Classes of a code, as bits. */
enum {
    ITSM__CLK_START = 1,
    ITSM__CLK_PAUSE = 2,
    ITSM__CLK_STOP = 4,
    ITSM__CLK_CANCEL = 8,
    ITSM__CLK_REOPEN = 16
};

/* Codes 0 .. ITSM__CLK_SMALL - 1 (statuses, small event codes) are classified by a table;
 * others by a binary search over `codes` (sorted) and `classes`. */
#define ITSM__CLK_SMALL 256

struct itsm_clock_definition {
    uint8_t small[ITSM__CLK_SMALL];
    int32_t *codes;      /* sorted, distinct: codes outside the table */
    uint8_t *classes;
    size_t n_codes;
    bool has_reopen_set;
    unsigned int flags;
    itsm_reopen_policy reopen_policy;
    itsm_retarget_policy retarget_policy;
    int32_t thresholds[ITSM_CLOCK_MAX_THRESHOLDS];
    size_t n_thresholds;
    const itsm_calendar *cal;
    itsm_deadline target;
    int32_t *priorities;       /* n_priority distinct priorities ... */
    itsm_deadline *priority_targets; /* ... and their targets */
    size_t n_priority;
};

static inline unsigned itsm__clock_class(const itsm_clock_definition *def, int32_t code)
{
    if (code >= 0 && code < ITSM__CLK_SMALL)
        return def->small[code];
    size_t lo = 0, hi = def->n_codes;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (def->codes[mid] < code)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < def->n_codes && def->codes[lo] == code ? def->classes[lo] : 0u;
}

/* The target rule for a priority (the default when it has none of its own). */
const itsm_deadline *itsm__clock_rule(const itsm_clock_definition *def, int32_t priority);

/* ---- evaluation -------------------------------------------------------------------------- */

/* One record's events (n may be 0; prio may be NULL) and the priority in force before
 * the first event (0: none). */
typedef struct itsm__clock_log {
    const itsm_instant *t;
    const int32_t *code;
    const int32_t *prio;
    size_t n;
    int32_t priority;
} itsm__clock_log;

/* What the caller will read: work for the others is skipped. */
typedef struct itsm__clock_want {
    bool deadline, thresholds;
} itsm__clock_want;

/* Deadlines of the "close of the k-th business day" words, remembered across the records
 * of a batch: the deadline from t is the same for every t in [from, until), until being
 * the close of the business day containing `from` (the day containing t is then the
 * same). Records sorted by opening time hit it almost always. */
#define ITSM__CLOCK_CACHE_SIZE 256

typedef struct itsm__clock_cache_entry {
    const itsm_deadline *rule;
    int64_t from, until, deadline;
} itsm__clock_cache_entry;

typedef struct itsm__clock_cache {
    itsm__clock_cache_entry e[ITSM__CLOCK_CACHE_SIZE];
} itsm__clock_cache;

/* Evaluate a log. On failure `*where` is the index of the event at fault, or log.n for
 * the "as of" instant; the message does not say where (callers prefix it). `cache` may
 * be NULL; it must start zeroed. */
int itsm__clock_run(itsm_clock_result *out, size_t *where, const itsm_clock_definition *def,
                    const itsm__clock_log *log, itsm_instant as_of, itsm__clock_want want,
                    itsm__clock_cache *cache);

#endif
