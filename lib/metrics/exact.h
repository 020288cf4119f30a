/* Private: exact unsigned 128-bit products and comparisons, and the correctly rounded
 * double of a ratio of such integers. Portable C11 (no __int128). */
#ifndef ITSM_METRICS_EXACT_H
#define ITSM_METRICS_EXACT_H

#include <stdbool.h>
#include <stdint.h>

typedef struct itsm__u128 {
    uint64_t hi, lo;
} itsm__u128;

static inline itsm__u128 itsm__u128_of(uint64_t v) { return (itsm__u128){0, v}; }

/* a x b, exact. */
itsm__u128 itsm__u128_mul64(uint64_t a, uint64_t b);

/* a x b, or false when the product does not fit in 128 bits. */
bool itsm__u128_mul(itsm__u128 *out, itsm__u128 a, uint64_t b);

/* -1, 0, 1 as a <, ==, > b. */
int itsm__u128_cmp(itsm__u128 a, itsm__u128 b);

/* a + b, or false on overflow. */
bool itsm__u128_add(itsm__u128 *out, itsm__u128 a, itsm__u128 b);

/* num / den correctly rounded to the nearest double, ties to even. den > 0, and both
 * below 2^127 (every caller's bounds keep them there). */
double itsm__ratio(itsm__u128 num, itsm__u128 den);

/* (a - b) / den correctly rounded, for any a, b (negative when b > a). */
double itsm__ratio_diff(itsm__u128 a, itsm__u128 b, itsm__u128 den);

#endif
