/* Private to libitsm: the layout of SLA items, shared by lib/sla (accessors, checks,
 * evaluation), the JSON reader and writer in lib/io and the agreement lint. Not installed.
 *
 * Every allocation an item makes (strings, name lists, credit bands) is recorded in its
 * `owned` list, so that freeing an item, complete or half-built, is one loop. */
#ifndef ITSM_SLA_INTERNAL_H
#define ITSM_SLA_INTERNAL_H

#include "io/json_path.h"
#include "itsm/sla.h"

#include <stdbool.h>
#include <stdint.h>

/* A non-negative rational number num / den (den > 0), reduced. */
typedef struct itsm__rat {
    int64_t num;
    int64_t den;
} itsm__rat;

/* Decimal text ("99.90", "1e-3", "60") as a rational; ITSM_EPARSE or ITSM_ERANGE (more
 * than 18 digits, an exponent out of range, a negative sign) without a message. */
int itsm__rat_parse(itsm__rat *out, const char *text);
/* A finite non-negative double read as its 15-significant-digit decimal (ITSM_EINVAL
 * otherwise). With `exact`, ITSM_ERANGE when the double needs more digits: then it is not
 * a decimal a person wrote in a document. A measured value is rounded instead. */
int itsm__rat_from_double(itsm__rat *out, double value, bool exact);
/* num / den reduced; ITSM_EINVAL for den <= 0 or num < 0. */
int itsm__rat_make(itsm__rat *out, int64_t num, int64_t den);
/* -1, 0, 1: exact, without overflow. */
int itsm__rat_cmp(itsm__rat a, itsm__rat b);
/* a * mul / div, reduced; ITSM_ERANGE on overflow. */
int itsm__rat_scale(itsm__rat *out, itsm__rat a, int64_t mul, int64_t div);
double itsm__rat_double(itsm__rat a);
/* The shortest decimal text of `a` when it has one (den = 2^i 5^j): true; false otherwise. */
bool itsm__rat_format(char *buf, size_t size, itsm__rat a);
/* Convert `a` from unit `from` to unit `to` (seconds for minute..week, ratio for percent).
 * ITSM_EINVAL when the units do not convert (with a message), ITSM_ERANGE on overflow. */
int itsm__rat_convert(itsm__rat *out, itsm__rat a, itsm_sla_unit from, itsm_sla_unit to);

/* One level cell (or the contract's value inside it, or the custom level). */
typedef struct itsm__sla_cell {
    itsm_sla_level_kind kind; /* ABSENT, THRESHOLD, DEADLINE, ORDINAL, NONE, NOT_SUPPORTED, UNDEFINED, PER_CONTRACT */
    bool per_contract;        /* "per_contract": true; kind is the contract value's kind, or PER_CONTRACT */
    itsm_sla_op op;
    itsm__rat value;
    const char *words; /* DEADLINE: the words; ORDINAL: the name */
    int32_t rank;      /* ORDINAL */
    const char *text;  /* "text" of the cell (the wording); NULL when absent */
    const char *contract_text; /* "text" inside "contract_value" */
} itsm__sla_cell;

typedef struct itsm__sla_names {
    const char **names;
    size_t count;
} itsm__sla_names;

typedef struct itsm__sla_credit {
    itsm_sla_op op;
    itsm__rat value;
    itsm__rat percent;
} itsm__sla_credit;

typedef struct itsm__sla_metric {
    itsm_sla_metric_kind kind;
    itsm__sla_names start, pause, stop, cancel, events, exclusions, critical_functions;
    const char *reopen, *retarget, *variant, *partial, *report;
    itsm_sla_aggregate aggregate;
    itsm__rat p, required_percent;
    bool has_p, has_required;
    itsm_sla_call_rate rate;
    int64_t answer_threshold, short_abandon, min_outage, monitoring_interval; /* -1: not stated */
    int32_t repeat_days;
    int exclude_planned; /* -1: not stated */
} itsm__sla_metric;

#define ITSM__SLA_TEXTS 8

struct itsm_sla_item {
    const char *texts[ITSM__SLA_TEXTS]; /* by itsm_sla_text */
    itsm_sla_unit unit;
    itsm_sla_commitment commitment;
    itsm_sla_period period;
    int32_t window_days;
    bool has_metric, has_selector;
    itsm__sla_metric metric;
    int32_t *priorities;
    size_t priority_count;
    itsm__sla_names categories, services, cis;
    bool has_scale;
    itsm__sla_names scale;
    int agreed;               /* 0, 1..4, ITSM_SLA_CUSTOM */
    bool has_levels;          /* "levels" present (possibly empty) */
    itsm__sla_cell cells[4];  /* L1..L4 */
    itsm__sla_cell custom;
    itsm__sla_credit *credits;
    size_t credit_count;
    bool has_credits;
    void **owned;
    size_t owned_count, owned_cap;
};

/* A zeroed item (every number "not stated"). */
itsm_sla_item *itsm__sla_item_new(void);
/* Record `ptr` as owned by `item`; on failure `ptr` is freed and ITSM_ENOMEM returned. */
int itsm__sla_own(itsm_sla_item *item, void *ptr);
/* A copy of `text` owned by the item (NULL on failure). */
const char *itsm__sla_strdup(itsm_sla_item *item, const char *text);
/* Zeroed memory owned by the item (NULL on failure). */
void *itsm__sla_calloc(itsm_sla_item *item, size_t count, size_t size);

/* Checks across members once an item is read (`p` is the item's path): ordinal cells on
 * the scale, thresholds only with a numeric unit, one comparator direction, levels never
 * weaker from L1 to L4, credits only for guarantees and against the levels' direction. */
int itsm__sla_item_check(itsm_sla_item *item, const itsm__jpath *p);

/* Static names. */
extern const char *const itsm__sla_unit_words[];      /* by itsm_sla_unit, NULL-terminated after TEXT */
extern const char *const itsm__sla_period_words[];
extern const char *const itsm__sla_op_words[];
extern const char *const itsm__sla_level_names[];     /* "L1".."L4" */
extern const char *const itsm__sla_metric_words[];
extern const char *const itsm__sla_aggregate_words[];
extern const char *const itsm__sla_rate_words[];

#endif
