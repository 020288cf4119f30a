/* Shared by the C benchmarks: a monotonic clock and a fast deterministic generator.
 * The including file defines _POSIX_C_SOURCE (for clock_gettime) before any header. */
#ifndef ITSM_BENCH_UTIL_H
#define ITSM_BENCH_UTIL_H

#include <stdint.h>
#include <time.h>

/* Seconds on the monotonic clock. */
static inline double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* xorshift64: the next value of the sequence seeded by *s (never 0). */
static inline uint64_t next_random(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

#endif
