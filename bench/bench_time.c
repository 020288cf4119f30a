/* Time-layer throughput, side by side with what a C programmer would otherwise use:
 * glibc's strptime+timegm, localtime_r and mktime under TZ=<zone>, and strftime.
 * Single thread. Prints one row per operation: million operations per second for
 * libitsm and for glibc, and the ratio.
 * usage: bench_time [N] [ZONE]   (defaults: 2000000, Europe/Amsterdam) */
#define _GNU_SOURCE /* strptime, timegm, tm_gmtoff: the glibc baseline */
#include <itsm.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static uint64_t rng_state = 0x9E3779B97F4A7C15u;
static uint64_t next_random(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static void row(const char *op, size_t n, double t_itsm, double t_libc)
{
    double a = (double)n / t_itsm / 1e6;
    if (t_libc > 0) {
        double b = (double)n / t_libc / 1e6;
        printf("%-34s %10.1f %10.1f %8.1fx\n", op, a, b, a / b);
    } else {
        printf("%-34s %10.1f %10s %9s\n", op, a, "-", "-");
    }
}

static volatile int64_t sink;

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? (size_t)strtoull(argv[1], NULL, 10) : 2000000;
    const char *zone = argc > 2 ? argv[2] : "Europe/Amsterdam";
    itsm_tz *tz = NULL;
    if (n == 0 || itsm_tz_load(&tz, zone, NULL) != ITSM_OK) {
        fprintf(stderr, "bench_time: %s\n", itsm_error_last());
        return 1;
    }
    if (setenv("TZ", zone, 1) != 0)
        return 1;
    tzset();

    int64_t *t = malloc(n * sizeof *t), *out = malloc(n * sizeof *out);
    char (*text)[ITSM_INSTANT_TEXT_SIZE] = malloc(n * sizeof *text);
    if (t == NULL || out == NULL || text == NULL)
        return 1;
    const int64_t lo = 0, span = INT64_C(4102444800); /* 1970 .. 2100 */
    for (size_t i = 0; i < n; i++) {
        t[i] = lo + (int64_t)(next_random() % (uint64_t)span);
        if (itsm_instant_format(text[i], sizeof text[i], t[i], NULL) != ITSM_OK)
            return 1;
    }

    printf("libitsm %s, %zu random instants 1970-2100, zone %s\n", itsm_version(), n, zone);
    printf("%-34s %10s %10s %9s\n", "operation (M ops/s)", "libitsm", "glibc", "ratio");

    double t0 = now();
    int64_t acc = 0;
    for (size_t i = 0; i < n; i++) {
        itsm_instant v;
        if (itsm_instant_parse(&v, text[i], NULL) != ITSM_OK)
            return 1;
        acc += v;
    }
    double a = now() - t0;
    t0 = now();
    for (size_t i = 0; i < n; i++) {
        struct tm tm;
        memset(&tm, 0, sizeof tm);
        if (strptime(text[i], "%Y-%m-%dT%H:%M:%SZ", &tm) == NULL)
            return 1;
        acc -= (int64_t)timegm(&tm);
    }
    double b = now() - t0;
    if (acc != 0) {
        fprintf(stderr, "parse results differ\n");
        return 1;
    }
    row("parse ISO 8601 (strptime+timegm)", n, a, b);

    t0 = now();
    for (size_t i = 0; i < n; i++) {
        char buf[ITSM_INSTANT_TEXT_SIZE];
        if (itsm_instant_format(buf, sizeof buf, t[i], tz) != ITSM_OK)
            return 1;
        acc += buf[18];
    }
    a = now() - t0;
    t0 = now();
    for (size_t i = 0; i < n; i++) {
        char buf[ITSM_INSTANT_TEXT_SIZE];
        struct tm tm;
        time_t tt = (time_t)t[i];
        localtime_r(&tt, &tm);
        strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S%z", &tm);
        acc += buf[18];
    }
    b = now() - t0;
    row("format local (localtime_r+strftime)", n, a, b);

    t0 = now();
    for (size_t i = 0; i < n; i++) {
        int32_t off;
        if (itsm_tz_utc_offset(&off, tz, t[i]) != ITSM_OK)
            return 1;
        out[i] = off;
    }
    a = now() - t0;
    t0 = now();
    size_t mismatches = 0;
    for (size_t i = 0; i < n; i++) {
        struct tm tm;
        time_t tt = (time_t)t[i];
        localtime_r(&tt, &tm);
        mismatches += tm.tm_gmtoff != out[i];
    }
    b = now() - t0;
    row("utc offset, scalar (localtime_r)", n, a, b);

    t0 = now();
    if (itsm_tz_utc_offsets(out, tz, t, n) != ITSM_OK)
        return 1;
    a = now() - t0;
    row("utc offset, batch call", n, a, b);

    /* Local -> UTC: libitsm from wall seconds, glibc's mktime from struct tm. */
    if (itsm_tz_to_local_many(out, tz, t, n) != ITSM_OK)
        return 1;
    t0 = now();
    if (itsm_tz_from_local_many(out, tz, out, n, ITSM_LOCAL_DEFAULT) != ITSM_OK)
        return 1;
    a = now() - t0;
    struct tm *tms = malloc(n * sizeof *tms);
    if (tms == NULL)
        return 1;
    for (size_t i = 0; i < n; i++) {
        time_t tt = (time_t)t[i];
        localtime_r(&tt, &tms[i]);
        tms[i].tm_isdst = -1;
    }
    t0 = now();
    for (size_t i = 0; i < n; i++)
        acc += (int64_t)mktime(&tms[i]);
    b = now() - t0;
    free(tms);
    row("local -> UTC, batch (mktime)", n, a, b);
    sink = acc;
    printf("offset mismatches against glibc: %zu of %zu\n", mismatches, n);

    itsm_tz_free(tz);
    free(t);
    free(out);
    free(text);
    return mismatches != 0;
}
