/* Availability, interval unions, MTBF/MTRS, error budgets and burn-rate alerts
 * (itsm/metrics.h): hand-derived examples, service calendars and DST days, every error
 * path, allocation-failure sweeps and randomized comparisons with per-second marking. */
#include "itsm_test.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

#define PPB ITSM_PPB
#define PLANNED_NOTIFIED (ITSM_OUTAGE_PLANNED | ITSM_OUTAGE_NOTIFIED)

/* One outage record. */
typedef struct rec {
    int64_t s, e;
    uint8_t flags, excl;
    int64_t share; /* 0 means full (PPB) here, for brevity */
} rec;

enum { MAXREC = 64 };

/* The records as itsm_outages arrays (storage in *buf). */
typedef struct outage_buf {
    itsm_instant s[MAXREC], e[MAXREC];
    uint8_t flags[MAXREC], excl[MAXREC];
    int64_t share[MAXREC];
} outage_buf;

static itsm_outages outages_of(outage_buf *b, const rec *r, size_t n)
{
    assert_true(n <= MAXREC);
    for (size_t i = 0; i < n; i++) {
        b->s[i] = r[i].s;
        b->e[i] = r[i].e;
        b->flags[i] = r[i].flags;
        b->excl[i] = r[i].excl;
        b->share[i] = r[i].share == 0 ? PPB : r[i].share;
    }
    itsm_outages o = ITSM_OUTAGES_INIT;
    o.n = n;
    o.start = b->s;
    o.end = b->e;
    o.flags = b->flags;
    o.exclusion = b->excl;
    o.share = b->share;
    return o;
}

static itsm_availability avail(const rec *r, size_t n, int64_t from, int64_t to, const itsm_availability_options *opt)
{
    outage_buf b;
    itsm_outages o = outages_of(&b, r, n);
    itsm_availability_options def = ITSM_AVAILABILITY_OPTIONS_INIT;
    itsm_availability a;
    assert_itsm_ok(itsm_availability_compute(&a, &o, from, to, opt != NULL ? opt : &def));
    return a;
}

#define assert_avail(a, service, maint, down, excl, fail, started)                                                  \
    assert_avail_impl((a), (service), (maint), (down), (excl), (fail), (started), __FILE__, __LINE__)
static void assert_avail_impl(itsm_availability av, int64_t service, int64_t maint, int64_t down, int64_t excl,
                              int64_t fail, int64_t started, const char *file, int line)
{
    const itsm_availability *a = &av;
    int64_t agreed = service - maint;
    if (a->service_seconds != service || a->maintenance_seconds != maint || a->agreed_seconds != agreed ||
        a->downtime_seconds != down || a->excluded_seconds != excl || a->failures != fail ||
        a->failures_started != started || a->availability.numerator != agreed - down ||
        a->availability.denominator != agreed) {
        print_error("service %lld maintenance %lld agreed %lld downtime %lld excluded %lld failures %lld started "
                    "%lld rate %lld/%lld; expected %lld %lld %lld %lld %lld %lld %lld\n",
                    (long long)a->service_seconds, (long long)a->maintenance_seconds, (long long)a->agreed_seconds,
                    (long long)a->downtime_seconds, (long long)a->excluded_seconds, (long long)a->failures,
                    (long long)a->failures_started, (long long)a->availability.numerator,
                    (long long)a->availability.denominator, (long long)service, (long long)maint, (long long)agreed,
                    (long long)down, (long long)excl, (long long)fail, (long long)started);
        _fail(file, line);
    }
}

/* ---- 24x7 examples ----------------------------------------------------------------------------- */

/* Overlapping, nested, unsorted outages crossing both ends of the period [0, 1000):
 * union [-50, 10) + [100, 300) + [900, 1100); inside the period 10 + 200 + 100 = 310 s.
 * Three episodes touch the period; two of them start inside it. */
static const rec basic[] = {
    {900, 1100, 0, 0, 0}, {150, 300, 0, 0, 0}, {100, 200, 0, 0, 0}, {250, 260, 0, 0, 0}, {-50, 10, 0, 0, 0},
};

static void test_basic_union(void **state)
{
    (void)state;
    itsm_availability a = avail(basic, 5, 0, 1000, NULL);
    assert_avail(a, 1000, 0, 310, 0, 3, 2);
    assert_true(a.availability.ratio == 0.69);
    /* No outages: 100 %; an empty period: no data, never 0 % or 100 %. */
    a = avail(NULL, 0, 0, 1000, NULL);
    assert_avail(a, 1000, 0, 0, 0, 0, 0);
    assert_true(a.availability.ratio == 1.0);
    a = avail(basic, 5, 500, 500, NULL);
    assert_avail(a, 0, 0, 0, 0, 0, 0);
    assert_int_equal(a.availability.has_data, 0);
    assert_true(isnan(a.availability.ratio));
    /* A period inside one outage: all down. */
    a = avail(basic, 5, 120, 280, NULL);
    assert_avail(a, 160, 0, 160, 0, 1, 0);
    /* Zero-length outages do nothing. */
    const rec empty[] = {{400, 400, 0, 0, 0}};
    a = avail(empty, 1, 0, 1000, NULL);
    assert_avail(a, 1000, 0, 0, 0, 0, 0);
}

/* Planned maintenance notified in time is removed from both sides; planned but not
 * notified counts as downtime. */
static void test_maintenance(void **state)
{
    (void)state;
    const rec r[] = {
        {100, 200, 0, 0, 0},
        {400, 500, PLANNED_NOTIFIED, 0, 0},       /* maintenance: 100 s off the agreed time */
        {600, 650, ITSM_OUTAGE_PLANNED, 0, 0},    /* not notified in time: 50 s downtime */
        {450, 550, 0, 0, 0},                      /* half inside maintenance: 50 s downtime */
        {480, 490, PLANNED_NOTIFIED, 0, 0},       /* nested maintenance counts once */
        {700, 720, ITSM_OUTAGE_NOTIFIED, 0, 0},   /* "notified" without "planned": an outage */
    };
    /* agreed = 1000 - 100 = 900; downtime = 100 + 50 + 50 + 20 = 220; four episodes. */
    itsm_availability a = avail(r, 6, 0, 1000, NULL);
    assert_avail(a, 1000, 100, 220, 0, 4, 4);
    assert_int_equal(a.availability.numerator, 680);
    /* An outage entirely inside maintenance is no failure at all. */
    const rec inside[] = {{400, 500, PLANNED_NOTIFIED, 0, 0}, {410, 420, 0, 0, 0}};
    a = avail(inside, 2, 0, 1000, NULL);
    assert_avail(a, 1000, 100, 0, 0, 0, 0);
}

static void test_exclusions(void **state)
{
    (void)state;
    const rec r[] = {
        {100, 300, 0, 0, 0},
        {700, 800, 0, ITSM_EXCLUSION_FORCE_MAJEURE, 0},   /* 100 s excluded */
        {280, 320, 0, ITSM_EXCLUSION_CUSTOMER_CAUSED, 0}, /* 20 s under the counted outage: 20 s excluded */
        {850, 900, 0, ITSM_EXCLUSION_OTHER, 0},           /* 50 s, but 30 s are maintenance */
        {870, 900, PLANNED_NOTIFIED, 0, 0},
    };
    /* agreed 1000 - 30 = 970; downtime 200; excluded 100 + 20 + 20 = 140. */
    itsm_availability a = avail(r, 5, 0, 1000, NULL);
    assert_avail(a, 1000, 30, 200, 140, 1, 1);
}

static void test_minimum_outage(void **state)
{
    (void)state;
    itsm_availability_options opt = ITSM_AVAILABILITY_OPTIONS_INIT;
    opt.minimum_outage = 60;
    const rec r[] = {
        {0, 30, 0, 0, 0},     /* touching [30, 70): one 70 s episode, counted */
        {30, 70, 0, 0, 0},
        {100, 150, 0, 0, 0},  /* 50 s: dropped */
        {200, 250, 0, 0, 0},  /* overlapping [240, 280): one 80 s episode */
        {240, 280, 0, 0, 0},
        {980, 1050, 0, 0, 0}, /* 70 s judged whole, although only 20 s fall in the period */
    };
    itsm_availability a = avail(r, 6, 0, 1000, &opt);
    assert_avail(a, 1000, 0, 70 + 80 + 20, 0, 3, 3);
    /* Exactly the minimum counts. */
    opt.minimum_outage = 80;
    a = avail(r, 6, 0, 1000, &opt);
    assert_avail(a, 1000, 0, 80, 0, 1, 1);
    /* The part outside the period does not count, but the episode still judged whole. */
    opt.minimum_outage = 70;
    a = avail(r, 6, 1000, 2000, &opt);
    assert_avail(a, 1000, 0, 50, 0, 1, 0);
}

static void test_probe_rounding(void **state)
{
    (void)state;
    itsm_availability_options opt = ITSM_AVAILABILITY_OPTIONS_INIT;
    opt.probe_interval = 60;
    const rec r1[] = {{61, 179, 0, 0, 0}};
    /* Probes at 0, 60, 120, 180: detected [120, 180) = 60 s; outward [60, 180) = 120 s. */
    assert_avail(avail(r1, 1, 0, 1000, &opt), 1000, 0, 60, 0, 1, 1);
    opt.probe_rounding = ITSM_PROBE_OUTWARD;
    assert_avail(avail(r1, 1, 0, 1000, &opt), 1000, 0, 120, 0, 1, 1);
    /* [10, 50) lies between two probes: not seen when detected; outward [0, 60). */
    const rec r2[] = {{10, 50, 0, 0, 0}};
    assert_avail(avail(r2, 1, 0, 1000, &opt), 1000, 0, 60, 0, 1, 1);
    opt.probe_rounding = ITSM_PROBE_DETECTED;
    assert_avail(avail(r2, 1, 0, 1000, &opt), 1000, 0, 0, 0, 0, 0);
    /* On the grid already: unchanged. */
    const rec r3[] = {{120, 240, 0, 0, 0}};
    assert_avail(avail(r3, 1, 0, 1000, &opt), 1000, 0, 120, 0, 1, 1);
    /* The grid starts at the origin: probes at 30, 90, 150, 210: detected [90, 210). */
    opt.probe_origin = 30;
    assert_avail(avail(r1, 1, 0, 1000, &opt), 1000, 0, 120, 0, 1, 1);
    /* Negative offsets from the origin round the same way: probes at -90, -30, 30. */
    const rec r4[] = {{-80, -20, 0, 0, 0}};
    assert_avail(avail(r4, 1, -1000, 1000, &opt), 2000, 0, 60, 0, 1, 1); /* [-30, 30) */
    /* Maintenance windows are scheduled, not probed: never rounded. */
    const rec r5[] = {{61, 179, PLANNED_NOTIFIED, 0, 0}};
    assert_avail(avail(r5, 1, 0, 1000, &opt), 1000, 118, 0, 0, 0, 0);
    /* The minimum applies to the outage as the monitor saw it: [61, 179) is seen as
     * [90, 210) = 120 s >= 100. */
    opt.minimum_outage = 100;
    assert_avail(avail(r1, 1, 0, 1000, &opt), 1000, 0, 120, 0, 1, 1);
}

static void test_partial_policies(void **state)
{
    (void)state;
    const rec r[] = {
        {0, 100, 0, 0, 300000000},                  /* 30 % */
        {50, 150, 0, 0, 500000000},                 /* 50 % */
        {120, 130, 0, 0, 0},                        /* full */
        {200, 300, ITSM_OUTAGE_CRITICAL, 0, 200000000}, /* 20 %, a critical function down */
        {400, 450, 0, 0, 1},                        /* share 1 ppb */
    };
    itsm_availability_options opt = ITSM_AVAILABILITY_OPTIONS_INIT;
    /* Full: [0, 150) + [200, 300) + [400, 450) = 300 s, three episodes. */
    assert_avail(avail(r, 5, 0, 1000, &opt), 1000, 0, 300, 0, 3, 3);
    /* Weighted, the heaviest outage at each instant:
     * [0, 50) 30 % -> 15; [50, 100) 50 % -> 25; [100, 120) 50 % -> 10; [120, 130) 100 % -> 10;
     * [130, 150) 50 % -> 10; [200, 300) 20 % -> 20; [400, 450) 10^-9 x 50 -> 0.00000005.
     * Sum 90.00000005 s, rounded up to 91. */
    opt.partial = ITSM_PARTIAL_WEIGHTED;
    assert_avail(avail(r, 5, 0, 1000, &opt), 1000, 0, 91, 0, 3, 3);
    /* A share of 0 is no outage under "weighted" (set in the arrays: 0 means full in rec). */
    outage_buf b;
    itsm_outages o = outages_of(&b, r, 5);
    b.share[4] = 0;
    itsm_availability a;
    assert_itsm_ok(itsm_availability_compute(&a, &o, 0, 1000, &opt));
    assert_avail(a, 1000, 0, 90, 0, 2, 2);
    /* Critical only: the full [120, 130) and the critical [200, 300): 110 s. */
    opt.partial = ITSM_PARTIAL_CRITICAL_ONLY;
    assert_avail(avail(r, 5, 0, 1000, &opt), 1000, 0, 110, 0, 2, 2);
    /* One third of 10 s = 3.33333333 s, rounded up once to 4. */
    const rec third[] = {{0, 10, 0, 0, 333333333}};
    opt.partial = ITSM_PARTIAL_WEIGHTED;
    assert_avail(avail(third, 1, 0, 1000, &opt), 1000, 0, 4, 0, 1, 1);
}

/* ---- service calendars and DST ---------------------------------------------------------------- */

#define HOURS(h) ((int32_t)((h) * 3600))

static void test_service_hours(void **state)
{
    (void)state;
    /* Mon-Fri 09:00-17:00 UTC; the week of Mon 2024-06-03: 5 x 8 h = 144000 s. */
    itsm_calendar *cal = itsm_test_weekly("UTC", "12345", HOURS(9), HOURS(17), NULL);
    itsm_availability_options opt = ITSM_AVAILABILITY_OPTIONS_INIT;
    opt.calendar = cal;
    const rec r[] = {
        /* Tue 16:00 -> Wed 10:00 crosses the night: 1 h + 1 h of service time. */
        {itsm_test_at("2024-06-04T16:00:00Z"), itsm_test_at("2024-06-05T10:00:00Z"), 0, 0, 0},
        /* Thu 08:00-10:00 maintenance: 1 h of it in service hours. */
        {itsm_test_at("2024-06-06T08:00:00Z"), itsm_test_at("2024-06-06T10:00:00Z"), PLANNED_NOTIFIED, 0, 0},
        /* Sat 10:00-12:00: outside service hours, no failure. */
        {itsm_test_at("2024-06-08T10:00:00Z"), itsm_test_at("2024-06-08T12:00:00Z"), 0, 0, 0},
        /* Fri 16:30 -> next Mon 09:30 crosses the period end: 30 min inside. */
        {itsm_test_at("2024-06-07T16:30:00Z"), itsm_test_at("2024-06-10T09:30:00Z"), 0, 0, 0},
    };
    itsm_availability a =
        avail(r, 4, itsm_test_at("2024-06-03T00:00:00Z"), itsm_test_at("2024-06-08T00:00:00Z"), &opt);
    /* agreed = 144000 - 3600; downtime = 7200 + 1800; two failures (the Saturday one is
     * outside the period anyway). */
    assert_avail(a, 144000, 3600, 9000, 0, 2, 2);
    /* The next week sees the rest of the weekend outage: Mon 09:00-09:30. */
    a = avail(r, 4, itsm_test_at("2024-06-08T00:00:00Z"), itsm_test_at("2024-06-15T00:00:00Z"), &opt);
    assert_avail(a, 144000, 0, 1800, 0, 1, 0);
    /* A period outside the calendar's span: the built-in Japanese holidays end in 2150. */
    itsm_calendar *jp = itsm_test_weekly("Asia/Tokyo", "12345", HOURS(9), HOURS(17), "jp");
    opt.calendar = jp;
    outage_buf b;
    itsm_outages o = outages_of(&b, r, 4);
    assert_itsm_error(itsm_availability_compute(&a, &o, itsm_test_at("2024-01-01T00:00:00Z"),
                                                itsm_test_at("2160-01-01T00:00:00Z"), &opt),
                      ITSM_ERANGE, "itsm_availability_compute: the period on the service calendar");
    itsm_calendar_free(jp);
    itsm_calendar_free(cal);
}

static void test_dst_days(void **state)
{
    (void)state;
    /* Europe/Amsterdam, open all day every day: the fall-back day 2024-10-27 has 25 h. */
    itsm_calendar *cal = itsm_test_weekly("Europe/Amsterdam", "1234567", 0, HOURS(24), NULL);
    itsm_availability_options opt = ITSM_AVAILABILITY_OPTIONS_INIT;
    opt.calendar = cal;
    /* 01:30 CEST -> 02:30 CET is two real hours. */
    const rec r[] = {{itsm_test_at("2024-10-27T01:30:00+02:00"), itsm_test_at("2024-10-27T02:30:00+01:00"), 0, 0, 0}};
    itsm_availability a =
        avail(r, 1, itsm_test_at("2024-10-27T00:00:00+02:00"), itsm_test_at("2024-10-28T00:00:00+01:00"), &opt);
    assert_avail(a, 90000, 0, 7200, 0, 1, 1);
    itsm_calendar_free(cal);

    /* Open 00:00-04:00 local: on the spring-forward night 2024-03-31 only 3 real hours. An
     * outage over the whole night takes all of them. */
    cal = itsm_test_weekly("Europe/Amsterdam", "1234567", 0, HOURS(4), NULL);
    opt.calendar = cal;
    const rec night[] = {
        {itsm_test_at("2024-03-31T00:00:00+01:00"), itsm_test_at("2024-03-31T04:00:00+02:00"), 0, 0, 0}};
    a = avail(night, 1, itsm_test_at("2024-03-31T00:00:00+01:00"), itsm_test_at("2024-04-01T00:00:00+02:00"), &opt);
    assert_avail(a, 10800, 0, 10800, 0, 1, 1);
    assert_true(a.availability.ratio == 0.0);
    itsm_calendar_free(cal);
}

/* ---- errors ------------------------------------------------------------------------------------ */

static void test_availability_errors(void **state)
{
    (void)state;
    outage_buf b;
    itsm_outages o = outages_of(&b, basic, 5);
    itsm_availability_options opt = ITSM_AVAILABILITY_OPTIONS_INIT;
    itsm_availability a;
    assert_itsm_error(itsm_availability_compute(NULL, &o, 0, 1000, &opt), ITSM_EINVAL, "out");
    assert_itsm_error(itsm_availability_compute(&a, NULL, 0, 1000, &opt), ITSM_EINVAL, "outages");
    assert_itsm_error(itsm_availability_compute(&a, &o, 0, 1000, NULL), ITSM_EINVAL, "options");
    assert_itsm_error(itsm_availability_compute(&a, &o, 1000, 0, &opt), ITSM_EINVAL, "ends (to = 0) before");
    assert_itsm_error(itsm_availability_compute(&a, &o, 0, ITSM_INSTANT_MAX + 1, &opt), ITSM_ERANGE, "to = ");

    b.e[2] = 99; /* [100, 99) */
    assert_itsm_error(itsm_availability_compute(&a, &o, 0, 1000, &opt), ITSM_EINVAL,
                      "outages.end[2] = 99 is before outages.start[2] = 100");
    b.e[2] = 200;
    b.s[0] = ITSM_INSTANT_MIN - 1;
    assert_itsm_error(itsm_availability_compute(&a, &o, 0, 1000, &opt), ITSM_ERANGE, "outages.start[0]");
    b.s[0] = 900;
    b.share[1] = PPB + 1;
    assert_itsm_error(itsm_availability_compute(&a, &o, 0, 1000, &opt), ITSM_EINVAL, "outages.share[1]");
    b.share[1] = -1;
    assert_itsm_error(itsm_availability_compute(&a, &o, 0, 1000, &opt), ITSM_EINVAL, "outages.share[1] = -1");
    b.share[1] = PPB;
    b.excl[3] = 4;
    assert_itsm_error(itsm_availability_compute(&a, &o, 0, 1000, &opt), ITSM_EINVAL, "outages.exclusion[3] = 4");
    b.excl[3] = 0;
    b.flags[4] = 0x10;
    assert_itsm_error(itsm_availability_compute(&a, &o, 0, 1000, &opt), ITSM_EINVAL, "outages.flags[4]");
    b.flags[4] = 0;
    o.start = NULL;
    assert_itsm_error(itsm_availability_compute(&a, &o, 0, 1000, &opt), ITSM_EINVAL, "outages.start is NULL");
    o.start = b.s;
    o.version = 0;
    assert_itsm_error(itsm_availability_compute(&a, &o, 0, 1000, &opt), ITSM_EVERSION, "itsm_outages version 0");
    o.version = ITSM_OUTAGES_VERSION;

    opt.version = 2;
    assert_itsm_error(itsm_availability_compute(&a, &o, 0, 1000, &opt), ITSM_EVERSION, "options");
    opt.version = ITSM_AVAILABILITY_OPTIONS_VERSION;
    opt.minimum_outage = -1;
    assert_itsm_error(itsm_availability_compute(&a, &o, 0, 1000, &opt), ITSM_EINVAL, "minimum_outage = -1");
    opt.minimum_outage = 0;
    opt.probe_interval = 86401;
    assert_itsm_error(itsm_availability_compute(&a, &o, 0, 1000, &opt), ITSM_EINVAL, "probe_interval = 86401");
    opt.probe_interval = 60;
    opt.probe_rounding = (itsm_probe_rounding)2;
    assert_itsm_error(itsm_availability_compute(&a, &o, 0, 1000, &opt), ITSM_EINVAL, "probe_rounding = 2");
    opt.probe_rounding = ITSM_PROBE_DETECTED;
    opt.partial = (itsm_partial_policy)3;
    assert_itsm_error(itsm_availability_compute(&a, &o, 0, 1000, &opt), ITSM_EINVAL, "partial = 3");
    opt.partial = ITSM_PARTIAL_FULL;
    /* Rounding outward pushes an outage at the first instant out of range (the grid
     * 30 + 60 k puts the probe before 1900-01-01T00:00:00Z at -30 s). */
    b.s[0] = ITSM_INSTANT_MIN + 1;
    opt.probe_origin = 30;
    opt.probe_rounding = ITSM_PROBE_OUTWARD;
    assert_itsm_error(itsm_availability_compute(&a, &o, 0, 1000, &opt), ITSM_ERANGE, "outage [0] on the probe grid");
}

static void test_policy_names(void **state)
{
    (void)state;
    const char *name = NULL;
    itsm_outage_exclusion ex = ITSM_EXCLUSION_NONE;
    itsm_partial_policy pp = ITSM_PARTIAL_FULL;
    itsm_probe_rounding pr = ITSM_PROBE_DETECTED;
    assert_itsm_ok(itsm_outage_exclusion_name(&name, ITSM_EXCLUSION_CUSTOMER_CAUSED));
    assert_string_equal(name, "customer_caused");
    assert_itsm_ok(itsm_outage_exclusion_from_name(&ex, "force_majeure"));
    assert_int_equal(ex, ITSM_EXCLUSION_FORCE_MAJEURE);
    assert_itsm_ok(itsm_partial_policy_name(&name, ITSM_PARTIAL_CRITICAL_ONLY));
    assert_string_equal(name, "critical_only");
    assert_itsm_ok(itsm_partial_policy_from_name(&pp, "weighted"));
    assert_int_equal(pp, ITSM_PARTIAL_WEIGHTED);
    assert_itsm_ok(itsm_probe_rounding_name(&name, ITSM_PROBE_OUTWARD));
    assert_string_equal(name, "outward");
    assert_itsm_ok(itsm_probe_rounding_from_name(&pr, "detected"));
    assert_int_equal(pr, ITSM_PROBE_DETECTED);
    assert_itsm_error(itsm_partial_policy_from_name(&pp, "Weighted"), ITSM_ENOTFOUND, "partial-outage policy");
    assert_itsm_error(itsm_probe_rounding_name(&name, (itsm_probe_rounding)-1), ITSM_EINVAL, "-1");
    assert_itsm_error(itsm_outage_exclusion_from_name(&ex, "act of god"), ITSM_ENOTFOUND, "outage exclusion");
}

/* ---- unions ---------------------------------------------------------------------------------- */

static void test_interval_union(void **state)
{
    (void)state;
    itsm_instant s[6] = {50, 10, 20, 30, 40, 90}, e[6] = {60, 15, 35, 30, 50, 95};
    itsm_instant os[6], oe[6];
    size_t n = 99;
    /* [10, 15), [20, 35), [30, 30) empty, [40, 50) touching [50, 60) -> [40, 60), [90, 95). */
    assert_itsm_ok(itsm_interval_union(os, oe, &n, s, e, 6));
    assert_int_equal(n, 4);
    const itsm_instant ws[4] = {10, 20, 40, 90}, we[4] = {15, 35, 60, 95};
    assert_memory_equal(os, ws, sizeof ws);
    assert_memory_equal(oe, we, sizeof we);
    /* In place. */
    assert_itsm_ok(itsm_interval_union(s, e, &n, s, e, 6));
    assert_int_equal(n, 4);
    assert_memory_equal(s, ws, sizeof ws);
    assert_itsm_ok(itsm_interval_union(NULL, NULL, &n, NULL, NULL, 0));
    assert_int_equal(n, 0);
    s[1] = 40;
    assert_itsm_error(itsm_interval_union(os, oe, &n, s, e, 4), ITSM_EINVAL, "end[1] = 35 is before start[1] = 40");
    assert_itsm_error(itsm_interval_union(os, NULL, &n, s, e, 4), ITSM_EINVAL, "out_end is NULL");
}

/* Mark [s, e) second by second over [-LOW, HIGH). */
enum { LOW = 300, HIGH = 2300, SPAN = LOW + HIGH };

static void mark(int64_t *w, int64_t s, int64_t e, int64_t weight)
{
    for (int64_t t = s; t < e; t++)
        if (w[t + LOW] < weight)
            w[t + LOW] = weight;
}

/* Property: the union equals per-second marking, and is sorted, disjoint, never touching. */
static void test_union_property(void **state)
{
    (void)state;
    srand(4242);
    static int64_t want[SPAN], got[SPAN];
    for (int round = 0; round < 300; round++) {
        itsm_instant s[40], e[40], os[40], oe[40];
        size_t n = (size_t)(rand() % 40), m = 0;
        memset(want, 0, sizeof want);
        memset(got, 0, sizeof got);
        for (size_t i = 0; i < n; i++) {
            s[i] = rand() % 2000;
            e[i] = s[i] + rand() % (round % 2 ? 30 : 300);
            mark(want, s[i], e[i], 1);
        }
        assert_itsm_ok(itsm_interval_union(os, oe, &m, s, e, n));
        for (size_t k = 0; k < m; k++) {
            assert_true(os[k] < oe[k]);
            assert_true(k == 0 || oe[k - 1] < os[k]);
            mark(got, os[k], oe[k], 1);
        }
        assert_memory_equal(got, want, sizeof want);
    }
}

/* ---- availability against per-second marking ----------------------------------------------- */

/* The first grid point >= t, found by stepping (not by division). */
static int64_t probe_up(int64_t t, int64_t origin, int64_t p)
{
    int64_t g = origin;
    while (g < t)
        g += p;
    while (g - p >= t)
        g -= p;
    return g;
}

typedef struct truth {
    int64_t service, maint, down_ppb, excl, failures, started;
} truth;

/* Brute force: weights, maintenance and exclusions second by second; episodes as runs of
 * seconds with weight > 0; open seconds of the calendar from itsm_calendar_is_open(). */
static truth brute_force(const rec *r, size_t n, int64_t from, int64_t to, const itsm_availability_options *opt)
{
    static int64_t w[SPAN], m[SPAN], x[SPAN], keep[SPAN];
    memset(w, 0, sizeof w);
    memset(m, 0, sizeof m);
    memset(x, 0, sizeof x);
    memset(keep, 0, sizeof keep);
    for (size_t i = 0; i < n; i++) {
        int64_t s = r[i].s, e = r[i].e, share = r[i].share == 0 ? PPB : r[i].share;
        if ((r[i].flags & PLANNED_NOTIFIED) == PLANNED_NOTIFIED) {
            mark(m, s, e, 1);
            continue;
        }
        if (opt->probe_interval > 0) {
            int64_t p = opt->probe_interval, o = opt->probe_origin;
            int64_t up_s = probe_up(s, o, p);
            s = opt->probe_rounding == ITSM_PROBE_OUTWARD ? (up_s == s ? s : up_s - p) : up_s;
            e = probe_up(e, o, p);
        }
        if (r[i].excl != 0)
            mark(x, s, e, 1);
        else if (opt->partial == ITSM_PARTIAL_WEIGHTED)
            mark(w, s, e, share);
        else if (opt->partial == ITSM_PARTIAL_FULL || share == PPB || (r[i].flags & ITSM_OUTAGE_CRITICAL))
            mark(w, s, e, PPB);
    }
    truth t = {0, 0, 0, 0, 0, 0};
    for (int64_t a = -LOW; a < HIGH;) {
        if (w[a + LOW] == 0) {
            a++;
            continue;
        }
        int64_t b = a;
        while (b < HIGH && w[b + LOW] > 0)
            b++;
        bool kept = b - a >= opt->minimum_outage, counted = false;
        for (int64_t c = a; c < b; c++) {
            keep[c + LOW] = kept;
            int open = 1;
            if (opt->calendar != NULL)
                assert_itsm_ok(itsm_calendar_is_open(&open, opt->calendar, c));
            counted |= kept && c >= from && c < to && open && m[c + LOW] == 0;
        }
        t.failures += counted;
        t.started += counted && a >= from;
        a = b;
    }
    for (int64_t c = from; c < to; c++) {
        int open = 1;
        if (opt->calendar != NULL)
            assert_itsm_ok(itsm_calendar_is_open(&open, opt->calendar, c));
        if (!open)
            continue;
        t.service++;
        t.maint += m[c + LOW];
        if (m[c + LOW] == 0 && keep[c + LOW])
            t.down_ppb += w[c + LOW];
        t.excl += x[c + LOW] && m[c + LOW] == 0 && !keep[c + LOW];
    }
    return t;
}

static rec random_rec(void)
{
    rec r = {0, 0, 0, 0, 0};
    r.s = rand() % 2000;
    r.e = r.s + (rand() % 5 == 0 ? 0 : rand() % 200);
    int kind = rand() % 10;
    r.flags = kind == 0 ? PLANNED_NOTIFIED : kind == 1 ? ITSM_OUTAGE_PLANNED : 0;
    r.flags |= rand() % 4 == 0 ? ITSM_OUTAGE_CRITICAL : 0;
    r.excl = (uint8_t)(rand() % 8 == 0 ? 1 + rand() % 3 : 0);
    int shares[4] = {0, 250000000, 500000000, 333333333};
    r.share = shares[rand() % 4];
    return r;
}

static void test_availability_property(void **state)
{
    (void)state;
    /* Open [0, 300), [600, 1200), [1500, 1800) of every UTC day: 1970-01-01 is a Thursday. */
    itsm_calendar_spec *spec = NULL;
    itsm_calendar *cal = NULL;
    assert_itsm_ok(itsm_calendar_spec_new(&spec, "choppy", "UTC", NULL));
    for (int d = 1; d <= 7; d++) {
        assert_itsm_ok(itsm_calendar_spec_add_interval(spec, d, 0, 300, 0));
        assert_itsm_ok(itsm_calendar_spec_add_interval(spec, d, 600, 1200, 0));
        assert_itsm_ok(itsm_calendar_spec_add_interval(spec, d, 1500, 1800, 0));
    }
    assert_itsm_ok(itsm_calendar_compile(&cal, spec));
    itsm_calendar_spec_free(spec);
    srand(777);
    for (int round = 0; round < 400; round++) {
        rec r[30];
        size_t n = (size_t)(rand() % 30);
        for (size_t i = 0; i < n; i++)
            r[i] = random_rec();
        itsm_availability_options opt = ITSM_AVAILABILITY_OPTIONS_INIT;
        opt.partial = (itsm_partial_policy)(rand() % 3);
        opt.minimum_outage = rand() % 3 == 0 ? rand() % 150 : 0;
        opt.probe_interval = rand() % 3 == 0 ? 1 + rand() % 90 : 0;
        opt.probe_origin = rand() % 100 - 50;
        opt.probe_rounding = (itsm_probe_rounding)(rand() % 2);
        opt.calendar = rand() % 3 == 0 ? cal : NULL;
        int64_t from = rand() % 2000, to = from + rand() % (2000 - from + 1);
        truth t = brute_force(r, n, from, to, &opt);
        itsm_availability a = avail(r, n, from, to, &opt);
        int64_t down = (t.down_ppb + PPB - 1) / PPB;
        assert_avail(a, t.service, t.maint, down, t.excl, t.failures, t.started);
    }
    itsm_calendar_free(cal);
}

/* ---- series ------------------------------------------------------------------------------------ */

static void test_availability_series(void **state)
{
    (void)state;
    outage_buf b;
    itsm_outages o = outages_of(&b, basic, 5);
    itsm_availability_options opt = ITSM_AVAILABILITY_OPTIONS_INIT;
    int64_t down[10], agreed[10];
    /* [-50, 10) + [100, 300) + [900, 1100) cut into slices of 100 s from 0. */
    assert_itsm_ok(itsm_availability_series(down, agreed, &o, 0, 100, 10, &opt));
    const int64_t want[10] = {10, 100, 100, 0, 0, 0, 0, 0, 0, 100};
    for (int i = 0; i < 10; i++) {
        assert_int_equal(down[i], want[i]);
        assert_int_equal(agreed[i], 100);
        itsm_availability a;
        assert_itsm_ok(itsm_availability_compute(&a, &o, i * 100, (i + 1) * 100, &opt));
        assert_int_equal(a.downtime_seconds, down[i]);
    }
    assert_itsm_error(itsm_availability_series(down, agreed, &o, 0, 0, 10, &opt), ITSM_EINVAL, "step = 0");
    assert_itsm_error(itsm_availability_series(down, NULL, &o, 0, 100, 10, &opt), ITSM_EINVAL, "out_agreed");
    assert_itsm_error(itsm_availability_series(down, agreed, &o, ITSM_INSTANT_MAX - 500, 100, 10, &opt), ITSM_ERANGE,
                      "10 slices");
    assert_itsm_ok(itsm_availability_series(NULL, NULL, &o, 0, 100, 0, &opt));
}

/* ---- allocation failures ------------------------------------------------------------------------ */

static int scenario_availability(const void *ctx)
{
    (void)ctx;
    const rec r[] = {
        {0, 100, 0, 0, 300000000}, {50, 150, 0, 0, 0},   {400, 500, PLANNED_NOTIFIED, 0, 0},
        {700, 800, 0, 1, 0},       {300, 320, 0, 0, 0},   {900, 1100, 0, 0, 0},
    };
    outage_buf b;
    itsm_outages o = outages_of(&b, r, 6);
    itsm_availability_options opt = ITSM_AVAILABILITY_OPTIONS_INIT;
    opt.partial = ITSM_PARTIAL_WEIGHTED;
    opt.minimum_outage = 30;
    itsm_availability a;
    int64_t down[4], agreed[4];
    int rc = itsm_availability_compute(&a, &o, 0, 1000, &opt);
    if (rc == ITSM_OK)
        rc = itsm_availability_series(down, agreed, &o, 0, 250, 4, &opt);
    itsm_instant us[6], ue[6];
    size_t n = 0;
    if (rc == ITSM_OK)
        rc = itsm_interval_union(us, ue, &n, b.s, b.e, 6);
    return rc;
}

static void test_availability_alloc_sweep(void **state)
{
    (void)state;
    assert_true(itsm_test_alloc_sweep("availability", scenario_availability, NULL, ITSM_OK) > 10);
}

/* ---- reliability and budgets ------------------------------------------------------------------- */

static void test_reliability(void **state)
{
    (void)state;
    itsm_availability a = avail(basic, 5, 0, 1000, NULL);
    itsm_reliability r;
    assert_itsm_ok(itsm_reliability_from_availability(&r, &a));
    /* up 690 s, down 310 s, 3 failures: MTBF 230, MTRS 310/3, MTBSI 1000/3 = MTBF + MTRS,
     * availability MTBF / (MTBF + MTRS) = 690 / 1000. */
    assert_int_equal(r.mtbf.numerator, 690);
    assert_int_equal(r.mtbf.denominator, 3);
    assert_true(r.mtbf.ratio == 230.0);
    assert_int_equal(r.mtrs.numerator, 310);
    assert_int_equal(r.mtbsi.numerator, 1000);
    assert_int_equal(r.mtbsi.denominator, 3);
    assert_true(r.mtrs.ratio == 310.0 / 3.0);
    assert_int_equal(r.availability.numerator, 690);
    assert_int_equal(r.availability.denominator, 1000);
    /* No failure: the means have no data; availability is 100 %. */
    a = avail(NULL, 0, 0, 1000, NULL);
    assert_itsm_ok(itsm_reliability_from_availability(&r, &a));
    assert_int_equal(r.mtbf.has_data, 0);
    assert_int_equal(r.mtrs.has_data, 0);
    assert_true(r.availability.ratio == 1.0);
    a.downtime_seconds = 2000;
    assert_itsm_error(itsm_reliability_from_availability(&r, &a), ITSM_EINVAL, "inconsistent availability");
}

static void test_error_budget(void **state)
{
    (void)state;
    itsm_budget_status s;
    /* 99.9 % over 30 days: budget 2592 s. After 10 days (864000 s) with 1296 s down:
     * consumed 1296 / 2592 = 0.5; projected (1296 / 864000) / 0.001 = 1.5; remaining 0.5. */
    assert_itsm_ok(itsm_error_budget_status(&s, 1296, 864000, 864000, 2592000, 999000000));
    assert_int_equal(s.has_data, 1);
    assert_true(s.consumed == 0.5);
    assert_true(s.projected == 1.5);
    assert_true(s.remaining == 0.5);
    assert_int_equal(s.error_ratio.numerator, 1296);
    /* Events: 50 bad of 100000 after 1 of 30 days at 99.9 %: projected (50 / 100000) /
     * 0.001 = 0.5; consumed 0.5 x 1/30 = 1/60; remaining 59/60 (each correctly rounded,
     * as the IEEE quotients of these small integers are). */
    assert_itsm_ok(itsm_error_budget_status(&s, 50, 100000, 86400, 2592000, 999000000));
    assert_true(s.projected == 0.5);
    assert_true(s.consumed == 1.0 / 60.0);
    assert_true(s.remaining == 59.0 / 60.0);
    /* Overspent: remaining goes negative. 5184 s down of 2592 allowed over the window. */
    assert_itsm_ok(itsm_error_budget_status(&s, 5184, 2592000, 2592000, 2592000, 999000000));
    assert_true(s.consumed == 2.0);
    assert_true(s.remaining == -1.0);
    /* No traffic yet: no data (sloth #231's NaN budget), never 0 % or 100 %. */
    assert_itsm_ok(itsm_error_budget_status(&s, 0, 0, 3600, 2592000, 999000000));
    assert_int_equal(s.has_data, 0);
    assert_true(isnan(s.consumed) && isnan(s.projected) && isnan(s.remaining));

    assert_itsm_error(itsm_error_budget_status(&s, 1, 10, 10, 100, ITSM_PPB), ITSM_EINVAL, "no error budget");
    assert_itsm_error(itsm_error_budget_status(&s, 11, 10, 10, 100, 0), ITSM_EINVAL, "bad <= total");
    assert_itsm_error(itsm_error_budget_status(&s, 1, 10, 101, 100, 0), ITSM_EINVAL, "elapsed <= window");
    assert_itsm_error(itsm_error_budget_status(&s, 1, 10, 0, 100, 0), ITSM_EINVAL, "0 < elapsed");
    assert_itsm_error(itsm_error_budget_status(&s, 1, (INT64_C(1) << 53) + 1, 1, 1, 0), ITSM_ERANGE, "2^53");

    double burn = 0;
    int has = -1;
    /* 144 of 10000 at 99 %: 0.0144 / 0.01 = 1.44. */
    assert_itsm_ok(itsm_burn_rate(&burn, &has, 144, 10000, 990000000));
    assert_int_equal(has, 1);
    assert_true(burn == 1.44);
    assert_itsm_ok(itsm_burn_rate(&burn, &has, 0, 0, 990000000));
    assert_int_equal(has, 0);
    assert_true(isnan(burn));
    assert_itsm_error(itsm_burn_rate(&burn, NULL, 0, 0, 0), ITSM_EINVAL, "out_has_data");
}

static void test_default_pairs(void **state)
{
    (void)state;
    itsm_burn_alert_pair p[ITSM_BURN_DEFAULT_PAIRS];
    /* 30 days = 720 h: 2 % x 720 / 1 = 14.4; 5 % x 720 / 6 = 6; 10 % x 720 / 72 = 1. */
    assert_itsm_ok(itsm_burn_alert_default_pairs(p, 30 * 86400));
    assert_int_equal(p[0].long_window, 3600);
    assert_int_equal(p[0].short_window, 300);
    assert_int_equal(p[0].factor_milli, 14400);
    assert_int_equal(p[1].long_window, 6 * 3600);
    assert_int_equal(p[1].short_window, 1800);
    assert_int_equal(p[1].factor_milli, 6000);
    assert_int_equal(p[2].long_window, 3 * 86400);
    assert_int_equal(p[2].short_window, 6 * 3600);
    assert_int_equal(p[2].factor_milli, 1000);
    /* 28 days = 672 h: 13.44, 5.6, 0.9333.. -> 933 (rounded half up in thousandths). */
    assert_itsm_ok(itsm_burn_alert_default_pairs(p, 28 * 86400));
    assert_int_equal(p[0].factor_milli, 13440);
    assert_int_equal(p[1].factor_milli, 5600);
    assert_int_equal(p[2].factor_milli, 933);
    /* 7 days = 168 h: 3.36, 1.4, 0.2333.. -> 233. */
    assert_itsm_ok(itsm_burn_alert_default_pairs(p, 7 * 86400));
    assert_int_equal(p[0].factor_milli, 3360);
    assert_int_equal(p[1].factor_milli, 1400);
    assert_int_equal(p[2].factor_milli, 233);
    assert_itsm_error(itsm_burn_alert_default_pairs(p, 3599), ITSM_EINVAL, "slo_window = 3599");
}

static void test_burn_alerts(void **state)
{
    (void)state;
    itsm_burn_alert_pair p[ITSM_BURN_DEFAULT_PAIRS];
    assert_itsm_ok(itsm_burn_alert_default_pairs(p, 30 * 86400));
    enum { N = 24 };
    int64_t bad[N], total[N];
    uint8_t out[N];
    /* 5-minute slices of 1000 requests at 99.9 % (budget 0.001); 15 errors per slice from
     * slice 12 on. At slice i >= 12 the bad slices are 12..i.
     * Pair 0 (14.4: > 0.0144): the 5-min window is 15/1000 > 0.0144 from slice 12; the
     *   1-h window (12 slices) holds 15 (i - 11) of 12000, above 0.0144 when
     *   15 (i - 11) > 172.8, i.e. i >= 23. Fires at 23 only.
     * Pair 1 (6: > 0.006): the 6-h window (72 slices: all there are) holds 15 (i - 11) of
     *   1000 (i + 1): 15 i - 165 > 6 i + 6 when i >= 20; the 30-min window (6 slices) holds
     *   15 min(6, i - 11) of 6000: above 36 errors from i >= 14. Fires at 20..23.
     * Pair 2 (1: > 0.001): both windows hold everything: 15 (i - 11) > i + 1 when i >= 12.
     *   Fires at 12..23. */
    for (int i = 0; i < N; i++) {
        bad[i] = i >= 12 ? 15 : 0;
        total[i] = 1000;
    }
    assert_itsm_ok(itsm_burn_alerts(out, bad, total, N, 300, 999000000, p, 3));
    for (int i = 0; i < N; i++) {
        unsigned want = (i == 23 ? 1u : 0u) | (i >= 20 ? 2u : 0u) | (i >= 12 ? 4u : 0u);
        assert_int_equal(out[i], want);
    }
    /* Exactly at the factor does not fire: 144 of 10000 = 0.0144 = 14.4 x 0.001. */
    for (int i = 0; i < N; i++) {
        bad[i] = 144;
        total[i] = 10000;
    }
    assert_itsm_ok(itsm_burn_alerts(out, bad, total, N, 300, 999000000, p, 1));
    for (int i = 0; i < N; i++)
        assert_int_equal(out[i], 0);
    bad[5] = 145; /* the 5-min window of slice 5 and every 1-h window holding it */
    assert_itsm_ok(itsm_burn_alerts(out, bad, total, N, 300, 999000000, p, 1));
    for (int i = 0; i < N; i++)
        assert_int_equal(out[i], i == 5 ? 1 : 0);
    /* No traffic: no data, no alert. */
    for (int i = 0; i < N; i++)
        bad[i] = total[i] = 0;
    assert_itsm_ok(itsm_burn_alerts(out, bad, total, N, 300, 999000000, p, 3));
    for (int i = 0; i < N; i++)
        assert_int_equal(out[i], 0);

    total[3] = 1;
    bad[3] = 2;
    assert_itsm_error(itsm_burn_alerts(out, bad, total, N, 300, 999000000, p, 3), ITSM_EINVAL, "bad[3] = 2");
    bad[3] = 0;
    assert_itsm_error(itsm_burn_alerts(out, bad, total, N, 7, 999000000, p, 3), ITSM_EINVAL,
                      "pairs[0].long_window = 3600 is not a positive multiple of step 7");
    itsm_burn_alert_pair q = {3600, 300, 0};
    assert_itsm_error(itsm_burn_alerts(out, bad, total, N, 300, 999000000, &q, 1), ITSM_EINVAL, "factor_milli = 0");
    itsm_burn_alert_pair nine[9];
    for (int k = 0; k < 9; k++)
        nine[k] = p[0];
    assert_itsm_error(itsm_burn_alerts(out, bad, total, N, 300, 999000000, nine, 9), ITSM_EINVAL, "at most 8");
    assert_itsm_error(itsm_burn_alerts(out, bad, total, N, 300, ITSM_PPB, p, 3), ITSM_EINVAL, "no error budget");
}

/* Outage time as the series of a time-based SLO, then the alerts. */
static void test_burn_alerts_from_outages(void **state)
{
    (void)state;
    /* One day of 5-minute slices; a 10-minute outage at 12:00 and a full hour at 18:00. */
    const rec r[] = {{12 * 3600, 12 * 3600 + 600, 0, 0, 0}, {18 * 3600, 19 * 3600, 0, 0, 0}};
    outage_buf b;
    itsm_outages o = outages_of(&b, r, 2);
    itsm_availability_options opt = ITSM_AVAILABILITY_OPTIONS_INIT;
    enum { N = 288 };
    int64_t down[N], agreed[N];
    uint8_t out[N];
    assert_itsm_ok(itsm_availability_series(down, agreed, &o, 0, 300, N, &opt));
    itsm_burn_alert_pair p[ITSM_BURN_DEFAULT_PAIRS];
    assert_itsm_ok(itsm_burn_alert_default_pairs(p, 30 * 86400));
    assert_itsm_ok(itsm_burn_alerts(out, down, agreed, N, 300, 999000000, p, 1));
    /* Fast pair at 99.9 %: 1-h downtime above 14.4 x 0.001 x 3600 = 51.84 s and the slice
     * itself down. Slices 144, 145 (12:00-12:10) and 216..227 (18:00-19:00) are down. */
    for (int i = 0; i < N; i++) {
        bool want = (i >= 144 && i <= 145) || (i >= 216 && i <= 227);
        assert_int_equal(out[i], want ? 1 : 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic_union),
        cmocka_unit_test(test_maintenance),
        cmocka_unit_test(test_exclusions),
        cmocka_unit_test(test_minimum_outage),
        cmocka_unit_test(test_probe_rounding),
        cmocka_unit_test(test_partial_policies),
        cmocka_unit_test(test_service_hours),
        cmocka_unit_test(test_dst_days),
        cmocka_unit_test(test_availability_errors),
        cmocka_unit_test(test_policy_names),
        cmocka_unit_test(test_interval_union),
        cmocka_unit_test(test_union_property),
        cmocka_unit_test(test_availability_property),
        cmocka_unit_test(test_availability_series),
        cmocka_unit_test(test_availability_alloc_sweep),
        cmocka_unit_test(test_reliability),
        cmocka_unit_test(test_error_budget),
        cmocka_unit_test(test_default_pairs),
        cmocka_unit_test(test_burn_alerts),
        cmocka_unit_test(test_burn_alerts_from_outages),
    };
    return cmocka_run_group_tests(tests, itsm_test_group_setup, itsm_test_group_teardown);
}
