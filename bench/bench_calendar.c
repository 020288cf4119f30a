/* Business-calendar throughput, single thread: business_seconds and add_business on
 * random spans over two years (2024-2025), scalar calls and the batch forms.
 *
 * Calendars: the seed's desk (Asia/Tokyo, Mon-Fri 9:00-18:00, Sat 9:00-12:00 and
 * 13:00-17:00, closed on `jp` and `jp-year-end` holidays) and a DST calendar
 * (Europe/Amsterdam, Mon-Fri 8:00-17:00). add_business adds 0 .. 500 business hours.
 * usage: bench_calendar [N]   (default 10000000) */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include "bench_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int fail(const char *what)
{
    fprintf(stderr, "bench_calendar: %s: %s\n", what, itsm_error_last());
    return 1;
}

static itsm_calendar *make(const char *name, const char *zone, int desk)
{
    itsm_calendar_spec *s = NULL;
    itsm_calendar *cal = NULL;
    if (itsm_calendar_spec_new(&s, name, zone, NULL) != ITSM_OK)
        return NULL;
    int bad = desk ? add_desk_hours(s) : add_week(s, 1, 5, 8 * 3600, 17 * 3600);
    double t0 = now();
    if (!bad && itsm_calendar_compile(&cal, s) != ITSM_OK)
        cal = NULL;
    if (cal != NULL)
        printf("%-10s compiled in %.1f ms\n", name, (now() - t0) * 1e3);
    itsm_calendar_spec_free(s);
    return cal;
}

static volatile int64_t sink;

static void row(const char *cal, const char *op, size_t n, double seconds)
{
    printf("%-10s %-28s %8.1f M ops/s  (%5.1f ns/op)\n", cal, op, (double)n / seconds / 1e6, seconds * 1e9 / (double)n);
}

static int run(const char *label, const itsm_calendar *cal, size_t n, const int64_t *a, const int64_t *b,
               const int64_t *secs, int64_t *out)
{
    int64_t acc = 0, v = 0;
    double t0 = now();
    for (size_t i = 0; i < n; i++) {
        if (itsm_calendar_business_seconds(&v, cal, a[i], b[i]) != ITSM_OK)
            return fail("business_seconds");
        acc += v;
    }
    row(label, "business_seconds", n, now() - t0);
    t0 = now();
    if (itsm_calendar_business_seconds_many(out, cal, a, b, n) != ITSM_OK)
        return fail("business_seconds_many");
    row(label, "business_seconds_many", n, now() - t0);
    acc += out[n / 2];
    t0 = now();
    for (size_t i = 0; i < n; i++) {
        if (itsm_calendar_add_business(&v, cal, a[i], secs[i]) != ITSM_OK)
            return fail("add_business");
        acc += v;
    }
    row(label, "add_business", n, now() - t0);
    t0 = now();
    if (itsm_calendar_add_business_many(out, cal, a, secs, n) != ITSM_OK)
        return fail("add_business_many");
    row(label, "add_business_many", n, now() - t0);
    sink = acc + out[n / 3];
    return 0;
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? (size_t)strtoull(argv[1], NULL, 10) : 10000000;
    int64_t *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
    int64_t *secs = malloc(n * sizeof *secs), *out = malloc(n * sizeof *out);
    if (n == 0 || a == NULL || b == NULL || secs == NULL || out == NULL)
        return 1;
    const int64_t lo = INT64_C(1704034800), span = INT64_C(2) * 366 * 86400; /* 2024-01-01 .. */
    uint64_t s = 0x9E3779B97F4A7C15u;
    for (size_t i = 0; i < n; i++) {
        a[i] = lo + (int64_t)(next_random(&s) % (uint64_t)span);
        b[i] = lo + (int64_t)(next_random(&s) % (uint64_t)span);
        secs[i] = (int64_t)(next_random(&s) % (500u * 3600u));
    }
    printf("%zu random spans over two years, single thread\n", n);
    itsm_calendar *desk = make("desk", "Asia/Tokyo", 1);
    itsm_calendar *ams = make("amsterdam", "Europe/Amsterdam", 0);
    if (desk == NULL || ams == NULL)
        return fail("compile");
    int rc = run("desk", desk, n, a, b, secs, out) || run("amsterdam", ams, n, a, b, secs, out);
    itsm_calendar_free(desk);
    itsm_calendar_free(ams);
    free(a);
    free(b);
    free(secs);
    free(out);
    return rc;
}
