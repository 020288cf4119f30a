/* Private helpers of the metrics module (lib/metrics). */
#ifndef ITSM_METRICS_INTERNAL_H
#define ITSM_METRICS_INTERNAL_H

#include "internal.h"
#include "itsm/metrics.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- argument checks: each returns ITSM_OK or sets the error naming `func` ------------- */

/* An array that must be given when n > 0. */
int itsm__check_array(const void *array, size_t n, const char *func, const char *name);

/* Several arrays of n elements: (const char *name, const void *array) pairs ended by a
 * NULL name; the first NULL array (when n > 0) is the error. */
int itsm__check_arrays(const char *func, size_t n, ...);

/* An instant in [ITSM_INSTANT_MIN, ITSM_INSTANT_MAX]; `index` < 0 names a scalar. */
int itsm__check_instant_at(int64_t t, const char *func, const char *name, long long index);

/* from <= to, both instants in range. */
int itsm__check_period(int64_t from, int64_t to, const char *func);

/* A fraction in parts per billion, 0 .. ITSM_PPB. */
int itsm__check_ppb(int64_t value, const char *func, const char *name);

/* The version field of a versioned input struct. */
int itsm__check_version(unsigned int version, unsigned int max, const char *func, const char *name);

/* include == NULL or include[i] != 0. */
static inline bool itsm__included(const uint8_t *include, size_t i) { return include == NULL || include[i] != 0; }

/* Every [start[i], end[i]) of n has both instants in range and end >= start; messages name
 * the arrays `start_name[i]` and `end_name[i]`. */
int itsm__check_intervals(const int64_t *start, const int64_t *end, size_t n, const char *func,
                          const char *start_name, const char *end_name);

/* ---- names of enums: stable words, looked up both ways -------------------------------- */

typedef struct itsm__names {
    const char *what; /* "call rate kind", for messages */
    const char *const *words;
    int count;
} itsm__names;

int itsm__name_of(const char **out, const itsm__names *names, int value, const char *func);
int itsm__value_of(int *out, const itsm__names *names, const char *name, const char *func);

extern const itsm__names itsm__call_rate_names;
extern const itsm__names itsm__exclusion_names;
extern const itsm__names itsm__partial_names;
extern const itsm__names itsm__probe_names;
extern const itsm__names itsm__gap_edge_names;
extern const itsm__names itsm__delivery_names;

/* ---- sorting ------------------------------------------------------------------------------ */

/* Sort n unsigned keys ascending (LSD radix sort, O(n); allocates a scratch copy). */
int itsm__sort_u64(uint64_t *keys, size_t n, const char *what);

/* Keys that sort by instant and carry an index below 2^30: (t - ITSM_INSTANT_MIN) << 30 | i. */
#define ITSM__INDEX_BITS 30
#define ITSM__MAX_INDEXED ((size_t)1 << ITSM__INDEX_BITS)

static inline uint64_t itsm__instant_key(int64_t t, size_t i)
{
    return ((uint64_t)(t - ITSM_INSTANT_MIN) << ITSM__INDEX_BITS) | (uint64_t)i;
}

static inline size_t itsm__key_index(uint64_t key) { return (size_t)(key & (ITSM__MAX_INDEXED - 1)); }

/* ---- spans: weighted intervals ----------------------------------------------------------- */

/* [s, e) with weight w (ppb). */
typedef struct itsm__span {
    int64_t s, e, w;
} itsm__span;

/* A growable list of spans. */
typedef struct itsm__spans {
    itsm__span *v;
    size_t n, cap;
} itsm__spans;

/* Room for `need` spans in all (amortized; nothing changes on failure). */
int itsm__spans_reserve(itsm__spans *list, size_t need);
int itsm__spans_push(itsm__spans *list, int64_t s, int64_t e, int64_t w);
void itsm__spans_free(itsm__spans *list);

/* Append [s, e) of weight w to a list sorted by start, merging it into the last span
 * when they overlap or touch (room for it reserved by the caller). */
void itsm__spans_append_merged(itsm__spans *out, int64_t s, int64_t e, int64_t w);

/* Replace `list` (any order, s < e, w > 0) by its weighted union: sorted disjoint spans
 * whose weight at each instant is the largest weight covering it; adjacent spans of equal
 * weight merged. With all weights equal this is the plain union. */
int itsm__spans_unite(itsm__spans *list);

#endif
