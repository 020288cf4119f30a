/* Argument checks, enum names and sorting shared by the metrics module. */
#include "metrics/metrics_internal.h"

#include <stdarg.h>
#include <string.h>

int itsm__check_array(const void *array, size_t n, const char *func, const char *name)
{
    if (array == NULL && n > 0)
        return itsm__error(ITSM_EINVAL, "%s: %s is NULL but n = %zu", func, name, n);
    return ITSM_OK;
}

int itsm__check_arrays(const char *func, size_t n, ...)
{
    va_list ap;
    va_start(ap, n);
    int rc = ITSM_OK;
    for (const char *name = va_arg(ap, const char *); name != NULL && rc == ITSM_OK;
         name = va_arg(ap, const char *))
        rc = itsm__check_array(va_arg(ap, const void *), n, func, name);
    va_end(ap);
    return rc;
}

int itsm__check_instant_at(int64_t t, const char *func, const char *name, long long index)
{
    if (t >= ITSM_INSTANT_MIN && t <= ITSM_INSTANT_MAX)
        return ITSM_OK;
    if (index < 0)
        return itsm__error(ITSM_ERANGE, "%s: %s = %lld is outside 1900-01-01 .. 2200-12-31", func, name,
                           (long long)t);
    return itsm__error(ITSM_ERANGE, "%s: %s[%lld] = %lld is outside 1900-01-01 .. 2200-12-31", func, name, index,
                       (long long)t);
}

int itsm__check_period(int64_t from, int64_t to, const char *func)
{
    int rc = itsm__check_instant_at(from, func, "from", -1);
    if (rc == ITSM_OK)
        rc = itsm__check_instant_at(to, func, "to", -1);
    if (rc == ITSM_OK && to < from)
        rc = itsm__error(ITSM_EINVAL, "%s: the period ends (to = %lld) before it starts (from = %lld)", func,
                         (long long)to, (long long)from);
    return rc;
}

int itsm__check_ppb(int64_t value, const char *func, const char *name)
{
    if (value < 0 || value > ITSM_PPB)
        return itsm__error(ITSM_EINVAL, "%s: %s = %lld is not a fraction in parts per billion (0 .. 1000000000)",
                           func, name, (long long)value);
    return ITSM_OK;
}

int itsm__check_version(unsigned int version, unsigned int max, const char *func, const char *name)
{
    if (version < 1 || version > max)
        return itsm__error(ITSM_EVERSION, "%s: %s version %u is not supported (1..%u)", func, name, version, max);
    return ITSM_OK;
}

/* ---- names --------------------------------------------------------------------------------- */

int itsm__name_of(const char **out, const itsm__names *names, int value, const char *func)
{
    ITSM__CHECK_ARG(out);
    if (value < 0 || value >= names->count)
        return itsm__error(ITSM_EINVAL, "%s: %d is not a %s (0..%d)", func, value, names->what, names->count - 1);
    *out = names->words[value];
    return ITSM_OK;
}

int itsm__value_of(int *out, const itsm__names *names, const char *name, const char *func)
{
    ITSM__CHECK_ARG(name);
    for (int i = 0; i < names->count; i++) {
        if (strcmp(names->words[i], name) == 0) {
            *out = i;
            return ITSM_OK;
        }
    }
    return itsm__error(ITSM_ENOTFOUND, "%s: \"%s\" is not a %s name", func, name, names->what);
}

/* ---- radix sort ------------------------------------------------------------------------------ */

/* 11-bit digits: six passes cover 64 bits, and keys that only use their low bits (durations,
 * offsets within a period) need two or three; 2048 buckets still fit in the L1 cache. */
enum { RADIX_BITS = 11, RADIX = 1 << RADIX_BITS, PASSES = (64 + RADIX_BITS - 1) / RADIX_BITS };

static void insertion_sort(uint64_t *a, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        uint64_t v = a[i];
        size_t j = i;
        for (; j > 0 && a[j - 1] > v; j--)
            a[j] = a[j - 1];
        a[j] = v;
    }
}

/* One stable counting pass on digit `pass`, src -> dst, from its histogram. */
static void radix_pass(uint64_t *dst, const uint64_t *src, size_t n, int pass, const size_t *count)
{
    size_t pos[RADIX];
    size_t sum = 0;
    for (int d = 0; d < RADIX; d++) {
        pos[d] = sum;
        sum += count[d];
    }
    int shift = pass * RADIX_BITS;
    for (size_t i = 0; i < n; i++)
        dst[pos[(src[i] >> shift) & (RADIX - 1)]++] = src[i];
}

int itsm__sort_u64(uint64_t *keys, size_t n, const char *what)
{
    if (n < 64) {
        insertion_sort(keys, n);
        return ITSM_OK;
    }
    uint64_t *tmp = itsm__malloc(n * sizeof *tmp, what);
    if (tmp == NULL)
        return ITSM_ENOMEM;
    size_t count[PASSES][RADIX];
    memset(count, 0, sizeof count);
    for (size_t i = 0; i < n; i++)
        for (int p = 0; p < PASSES; p++)
            count[p][(keys[i] >> (p * RADIX_BITS)) & (RADIX - 1)]++;
    uint64_t *src = keys, *dst = tmp;
    for (int p = 0; p < PASSES; p++) {
        /* A digit that is the same in every key leaves the order as it is. */
        if (count[p][(keys[0] >> (p * RADIX_BITS)) & (RADIX - 1)] == n)
            continue;
        radix_pass(dst, src, n, p, count[p]);
        uint64_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != keys)
        memcpy(keys, src, n * sizeof *keys);
    itsm__free(tmp);
    return ITSM_OK;
}
