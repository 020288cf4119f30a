/* Rates, fractions, allowed downtime, per-record durations and call-center rates
 * (itsm/metrics.h). Every expected value is derived by hand in the comments. */
#include "itsm_test.h"

#include <math.h>
#include <stdlib.h>

static itsm_rate rate(int64_t num, int64_t den)
{
    itsm_rate r;
    assert_itsm_ok(itsm_rate_make(&r, num, den));
    return r;
}

#define assert_rate(r, num, den) assert_rate_impl((r), (num), (den), __FILE__, __LINE__)
static void assert_rate_impl(itsm_rate r, int64_t num, int64_t den, const char *file, int line)
{
    if (r.numerator != num || r.denominator != den) {
        print_error("rate %lld/%lld, expected %lld/%lld\n", (long long)r.numerator, (long long)r.denominator,
                    (long long)num, (long long)den);
        _fail(file, line);
    }
    if (den == 0 ? (r.has_data != 0 || !isnan(r.ratio)) : (r.has_data != 1 || r.ratio != (double)num / (double)den)) {
        /* For numbers below 2^53 the IEEE quotient of the two doubles is the correctly
         * rounded ratio, an independent reference. */
        print_error("rate %lld/%lld: has_data %d ratio %.17g\n", (long long)num, (long long)den, r.has_data, r.ratio);
        _fail(file, line);
    }
}

/* ---- rates -------------------------------------------------------------------------------- */

static void test_rate_make(void **state)
{
    (void)state;
    itsm_rate r = rate(3, 4);
    assert_rate(r, 3, 4);
    assert_true(r.ratio == 0.75);
    /* 0/0 is "no data": never 0 % and never 100 %. */
    r = rate(0, 0);
    assert_int_equal(r.has_data, 0);
    assert_true(isnan(r.ratio));
    assert_rate(rate(5, 0), 5, 0);
    /* A mean is a rate whose numerator exceeds the denominator. */
    assert_true(rate(95, 5).ratio == 19.0);
    assert_itsm_error(itsm_rate_make(&r, -1, 4), ITSM_EINVAL, "numerator -1");
    assert_itsm_error(itsm_rate_make(&r, 1, -4), ITSM_EINVAL, "denominator -4");
    assert_itsm_error(itsm_rate_make(NULL, 1, 4), ITSM_EINVAL, "out");
}

/* The ratio is the exact quotient rounded once (ties to even), also above 2^53 where
 * converting both integers to double first would round twice. */
static void test_rate_rounding(void **state)
{
    (void)state;
    /* 2^53 + 1 lies halfway between the doubles 2^53 and 2^53 + 2: ties to even -> 2^53.
     * 2^53 + 3 lies halfway between 2^53 + 2 and 2^53 + 4: even mantissa -> 2^53 + 4. */
    int64_t two53 = INT64_C(9007199254740992);
    assert_true(rate(two53 + 1, 1).ratio == 9007199254740992.0);
    assert_true(rate(two53 + 3, 1).ratio == 9007199254740996.0);
    /* Found with Python: float(Fraction(n, d)) (correctly rounded) = 0.6274985430291532,
     * while float(n) / float(d) = 0.6274985430291533. */
    assert_true(rate(INT64_C(4696586593502888478), INT64_C(7484617527286733263)).ratio == 0.6274985430291532);
    /* (2^63 - 1) / 3 = 3074457345618258602.33..; the nearest double is
     * 3074457345618258432 (float(Fraction(2**63 - 1, 3)) = 3.0744573456182584e+18). */
    assert_true(rate(INT64_MAX, 3).ratio == 3.0744573456182584e+18);
    assert_true(rate(1, 3).ratio == 1.0 / 3.0);
    assert_true(rate(0, 7).ratio == 0.0);
    assert_true(rate(INT64_MAX, INT64_MAX).ratio == 1.0);
}

static void test_rate_sum(void **state)
{
    (void)state;
    /* Intervals with 1 of 2 and 3 of 4 calls answered in time, and an empty one: the month
     * is (1 + 3) / (2 + 4) = 4/6, not the mean of 50 % and 75 % (62.5 %). */
    itsm_rate parts[3] = {rate(1, 2), rate(3, 4), rate(0, 0)};
    itsm_rate sum;
    assert_itsm_ok(itsm_rate_sum(&sum, parts, 3));
    assert_rate(sum, 4, 6);
    assert_true(sum.ratio != 0.625);
    assert_itsm_ok(itsm_rate_sum(&sum, NULL, 0));
    assert_rate(sum, 0, 0);

    const int64_t num[3] = {1, 3, 0}, den[3] = {2, 4, 0};
    assert_itsm_ok(itsm_rate_sum_arrays(&sum, num, den, 3));
    assert_rate(sum, 4, 6);

    itsm_rate big[2] = {rate(INT64_MAX, INT64_MAX), rate(1, 1)};
    assert_itsm_error(itsm_rate_sum(&sum, big, 2), ITSM_ERANGE, "element [1]");
    parts[1].numerator = -3;
    assert_itsm_error(itsm_rate_sum(&sum, parts, 3), ITSM_EINVAL, "element [1]");
    const int64_t bad_den[3] = {1, 3, -1};
    assert_itsm_error(itsm_rate_sum_arrays(&sum, num, bad_den, 3), ITSM_EINVAL, "element [2]");
    assert_itsm_error(itsm_rate_sum(&sum, NULL, 2), ITSM_EINVAL, "rates is NULL");
    assert_itsm_error(itsm_rate_sum_arrays(&sum, num, NULL, 3), ITSM_EINVAL, "denominators is NULL");
}

/* ---- fractions and allowed downtime ------------------------------------------------------- */

static int64_t fraction(const char *text)
{
    int64_t ppb = -1;
    assert_itsm_ok(itsm_fraction_parse(&ppb, text));
    return ppb;
}

static void test_fraction_parse(void **state)
{
    (void)state;
    assert_int_equal(fraction("99.9%"), 999000000);
    assert_int_equal(fraction("99.95 %"), 999500000);
    assert_int_equal(fraction("0.999"), 999000000);
    assert_int_equal(fraction("1"), 1000000000);
    assert_int_equal(fraction("100%"), 1000000000);
    assert_int_equal(fraction("0"), 0);
    assert_int_equal(fraction("0%"), 0);
    assert_int_equal(fraction("0.000000001"), 1);
    assert_int_equal(fraction("99.9999999%"), 999999999);
    /* Digits past one ppb are accepted only when they are zeros. */
    assert_int_equal(fraction("99.99999990%"), 999999999);
    assert_int_equal(fraction("0.5000000000000"), 500000000);
    assert_int_equal(fraction("97.5%"), 975000000);

    int64_t out = 0;
    assert_itsm_error(itsm_fraction_parse(&out, "99.99999999%"), ITSM_EINVAL, "finer than one part per billion");
    assert_itsm_error(itsm_fraction_parse(&out, "0.0000000001"), ITSM_EINVAL, "finer");
    assert_itsm_error(itsm_fraction_parse(&out, "95"), ITSM_EINVAL, "needs a % sign");
    assert_itsm_error(itsm_fraction_parse(&out, "1.5"), ITSM_EINVAL, "above 1");
    assert_itsm_error(itsm_fraction_parse(&out, "100.1%"), ITSM_EINVAL, "above 1");
    assert_itsm_error(itsm_fraction_parse(&out, "123456789"), ITSM_EINVAL, "not a fraction");
    assert_itsm_error(itsm_fraction_parse(&out, ""), ITSM_EPARSE, "digit");
    assert_itsm_error(itsm_fraction_parse(&out, "abc"), ITSM_EPARSE, "digit");
    assert_itsm_error(itsm_fraction_parse(&out, "-0.5"), ITSM_EPARSE, "digit");
    assert_itsm_error(itsm_fraction_parse(&out, "99.%"), ITSM_EPARSE, "after the point");
    assert_itsm_error(itsm_fraction_parse(&out, "9 9%"), ITSM_EPARSE, "offset 1");
    assert_itsm_error(itsm_fraction_parse(&out, "99.9%x"), ITSM_EPARSE, "after the %");
    assert_itsm_error(itsm_fraction_parse(&out, "0.5 "), ITSM_EPARSE, "offset 3");
    assert_itsm_error(itsm_fraction_parse(&out, NULL), ITSM_EINVAL, "text");
    assert_int_equal(out, 0); /* never written on failure */
}

static void test_allowed_downtime(void **state)
{
    (void)state;
    int64_t ns = 0;
    /* 0.1 % of 30 days = 2592000 s / 1000 = 2592 s = 43.2 min. */
    assert_itsm_ok(itsm_allowed_downtime(&ns, 999000000, 30 * 86400));
    assert_int_equal(ns, INT64_C(2592000000000));
    /* 0.1 % of 31 days = 2678400 s / 1000 = 2678.4 s = 44.64 min (not a whole second). */
    assert_itsm_ok(itsm_allowed_downtime(&ns, 999000000, 31 * 86400));
    assert_int_equal(ns, INT64_C(2678400000000));
    /* 0.01 % of 365 days = 31536000 s / 10^4 = 3153.6 s. */
    assert_itsm_ok(itsm_allowed_downtime(&ns, 999900000, 365 * 86400));
    assert_int_equal(ns, INT64_C(3153600000000));
    /* 2.5 % of a 28-day month: 2419200 x 0.025 = 60480 s. */
    assert_itsm_ok(itsm_allowed_downtime(&ns, 975000000, 28 * 86400));
    assert_int_equal(ns, INT64_C(60480000000000));
    assert_itsm_ok(itsm_allowed_downtime(&ns, ITSM_PPB, 86400));
    assert_int_equal(ns, 0);
    assert_itsm_ok(itsm_allowed_downtime(&ns, 0, 86400));
    assert_int_equal(ns, INT64_C(86400000000000));
    assert_itsm_error(itsm_allowed_downtime(&ns, 0, INT64_C(1) << 40), ITSM_ERANGE, "does not fit");
    assert_itsm_error(itsm_allowed_downtime(&ns, ITSM_PPB + 1, 86400), ITSM_EINVAL, "target_ppb");
    assert_itsm_error(itsm_allowed_downtime(&ns, 999000000, -1), ITSM_EINVAL, "negative");
}

/* ---- durations ------------------------------------------------------------------------------ */

static void test_durations_summarize(void **state)
{
    (void)state;
    /* Record 2 is cancelled (masked) and carries a bogus value that must not be read. */
    const int64_t d[5] = {10, 20, -5, 40, 50};
    const uint8_t inc[5] = {1, 1, 0, 1, 1};
    itsm_duration_stats s;
    /* Included 10, 20, 40, 50; within 30: 10 and 20; sum 120 -> mean 30. */
    assert_itsm_ok(itsm_durations_summarize(&s, d, inc, 5, 30));
    assert_int_equal(s.count, 4);
    assert_rate(s.within_target, 2, 4);
    assert_rate(s.mean, 120, 4);
    assert_int_equal(s.min, 10);
    assert_int_equal(s.max, 50);
    /* A duration equal to the target is within it. */
    assert_itsm_ok(itsm_durations_summarize(&s, d, inc, 5, 40));
    assert_rate(s.within_target, 3, 4);

    assert_itsm_ok(itsm_durations_summarize(&s, NULL, NULL, 0, 30));
    assert_int_equal(s.count, 0);
    assert_rate(s.within_target, 0, 0);
    assert_rate(s.mean, 0, 0);
    assert_int_equal(s.max, 0);

    assert_itsm_error(itsm_durations_summarize(&s, d, NULL, 5, 30), ITSM_EINVAL, "durations[2] = -5");
    assert_itsm_error(itsm_durations_summarize(&s, d, inc, 5, -1), ITSM_EINVAL, "target");
    const int64_t huge[2] = {INT64_MAX, 1};
    assert_itsm_error(itsm_durations_summarize(&s, huge, NULL, 2, 30), ITSM_ERANGE, "[1]");
    assert_itsm_error(itsm_durations_summarize(&s, NULL, NULL, 2, 30), ITSM_EINVAL, "durations is NULL");
}

static int64_t pct(const int64_t *d, const uint8_t *inc, size_t n, int64_t rank)
{
    int64_t out = -1;
    size_t count = 0;
    assert_itsm_ok(itsm_durations_percentiles(&out, &count, d, inc, n, &rank, 1));
    assert_true(count > 0);
    return out;
}

static void test_percentiles(void **state)
{
    (void)state;
    /* Nearest rank r = max(1, ceil(q N)): N = 4 -> p25: r 1; p26: ceil(1.04) = 2; p50: 2;
     * p75: 3; p100: 4; p0: 1. */
    const int64_t d4[4] = {4, 2, 1, 3};
    assert_int_equal(pct(d4, NULL, 4, 250000000), 1);
    assert_int_equal(pct(d4, NULL, 4, 260000000), 2);
    assert_int_equal(pct(d4, NULL, 4, 500000000), 2);
    assert_int_equal(pct(d4, NULL, 4, 750000000), 3);
    assert_int_equal(pct(d4, NULL, 4, ITSM_PPB), 4);
    assert_int_equal(pct(d4, NULL, 4, 0), 1);
    /* Masking 4 out leaves {1, 2, 3}: p50 -> ceil(1.5) = 2nd = 2; p67 -> ceil(2.01) = 3. */
    const uint8_t inc[4] = {0, 1, 1, 1};
    assert_int_equal(pct(d4, inc, 4, 500000000), 2);
    assert_int_equal(pct(d4, inc, 4, 670000000), 3);

    /* 1000 values 7 x (0 .. 999) shuffled (enough to take the radix-sort path):
     * p50 -> r 500 -> 7 x 499; p99.9 -> r 999 -> 7 x 998; p95 -> r 950 -> 7 x 949. */
    int64_t big[1000];
    for (int i = 0; i < 1000; i++)
        big[i] = 7 * ((i * 389) % 1000); /* 389 is prime to 1000: a permutation */
    int64_t ranks[3] = {500000000, 999000000, 950000000}, out[3] = {0, 0, 0};
    size_t count = 0;
    assert_itsm_ok(itsm_durations_percentiles(out, &count, big, NULL, 1000, ranks, 3));
    assert_int_equal(count, 1000);
    assert_int_equal(out[0], 7 * 499);
    assert_int_equal(out[1], 7 * 998);
    assert_int_equal(out[2], 7 * 949);

    /* No data: the count says so and out is left alone. */
    const uint8_t none[4] = {0, 0, 0, 0};
    out[0] = -42;
    assert_itsm_ok(itsm_durations_percentiles(out, &count, d4, none, 4, ranks, 1));
    assert_int_equal(count, 0);
    assert_int_equal(out[0], -42);

    int64_t bad_ranks[2] = {0, ITSM_PPB + 1};
    assert_itsm_error(itsm_durations_percentiles(out, &count, d4, NULL, 4, bad_ranks, 2), ITSM_EINVAL,
                      "ranks_ppb[1]");
    const int64_t neg[3] = {1, -2, 3};
    assert_itsm_error(itsm_durations_percentiles(out, &count, neg, NULL, 3, ranks, 1), ITSM_EINVAL,
                      "durations[1] = -2");
    assert_itsm_error(itsm_durations_percentiles(NULL, &count, d4, NULL, 4, ranks, 1), ITSM_EINVAL, "out is NULL");
}

/* Property: against the other definition of the nearest rank, "the smallest observed x
 * such that at least q N of the values are <= x", checked by counting. */
static void test_percentiles_property(void **state)
{
    (void)state;
    srand(12345);
    int64_t d[300];
    uint8_t inc[300];
    for (int round = 0; round < 200; round++) {
        size_t n = (size_t)(rand() % 300);
        size_t included = 0;
        for (size_t i = 0; i < n; i++) {
            d[i] = rand() % 50;
            inc[i] = (uint8_t)(rand() % 4 != 0);
            included += inc[i];
        }
        int64_t q = (int64_t)(rand() % 1001) * 1000000;
        int64_t got = -1;
        size_t count = 0;
        assert_itsm_ok(itsm_durations_percentiles(&got, &count, d, inc, n, &q, 1));
        assert_int_equal(count, included);
        if (included == 0)
            continue;
        int64_t want = -1;
        for (int64_t x = 0; x < 50 && want < 0; x++) {
            int64_t le = 0, present = 0;
            for (size_t i = 0; i < n; i++) {
                le += inc[i] && d[i] <= x;
                present += inc[i] && d[i] == x;
            }
            if (present > 0 && le * ITSM_PPB >= q * (int64_t)included)
                want = x;
        }
        assert_int_equal(got, want);
    }
}

static int scenario_percentiles(const void *ctx)
{
    (void)ctx;
    int64_t d[200], out = 0, rank = 900000000;
    for (int i = 0; i < 200; i++)
        d[i] = (i * 37) % 200;
    size_t count = 0;
    int rc = itsm_durations_percentiles(&out, &count, d, NULL, 200, &rank, 1);
    return rc == ITSM_OK && out != 179 ? ITSM_ERROR : rc; /* r = 180 -> value 179 */
}

static void test_percentiles_alloc_sweep(void **state)
{
    (void)state;
    assert_true(itsm_test_alloc_sweep("percentiles", scenario_percentiles, NULL, ITSM_OK) >= 2);
}

/* ---- calls -------------------------------------------------------------------------------------- */

enum { NCALLS = 11 };
/* T = 20 s, S = 5 s.
 *  #  outcome    wait flags                 judgement
 *  0  answered     10 on spot               A<=T
 *  1  answered     20 -                     A<=T (equal to T), not on the spot, not called back
 *  2  answered     25 called back           A>T, called back
 *  3  answered     40 on spot + called back not counted as a callback (completed on the spot)
 *  4  abandoned     3 -                     Ab<=T, Ab<S
 *  5  abandoned     5 -                     Ab<=T, not short (5 is not < 5)
 *  6  abandoned    30 callback requested    Ab>T, a request
 *  7  busy         -1 -                     busy (its wait is ignored)
 *  8  busy          0 -                     busy
 *  9  answered      0 on spot + requested   A<=T, a request
 * 10  answered    100 -                     masked out
 * A = 5 (0 1 2 3 9), Ab = 3, O = 8, B = 2, A<=T = 3 (0 1 9), Ab<=T = 2, Ab<S = 1,
 * answer waits 10 + 20 + 25 + 40 + 0 = 95, called back 1 (#2), requests 2 (#6 #9). */
static const uint8_t call_outcome[NCALLS] = {0, 0, 0, 0, 1, 1, 1, 2, 2, 0, 0};
static const int64_t call_wait[NCALLS] = {10, 20, 25, 40, 3, 5, 30, -1, 0, 0, 100};
static const uint8_t call_flags[NCALLS] = {ITSM_CALL_ON_SPOT,
                                           0,
                                           ITSM_CALL_CALLED_BACK,
                                           ITSM_CALL_ON_SPOT | ITSM_CALL_CALLED_BACK,
                                           0,
                                           0,
                                           ITSM_CALL_CALLBACK_REQUESTED,
                                           0,
                                           0,
                                           ITSM_CALL_ON_SPOT | ITSM_CALL_CALLBACK_REQUESTED,
                                           0};
static const uint8_t call_include[NCALLS] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0};
/* Repeat contacts within 2 days (172800 s); callers and arrivals:
 *  #0 caller 7 at 1000; #1 caller 7 at 1000 + 172800 (exactly 2 days later: a repeat of #0);
 *  #6 caller 7 at 173810 (10 s after #1, abandoned: still a repeat of #1);
 *  #2 and #3 caller 8 at 5000 (the same instant: not repeats of each other), #4 caller 8 at
 *  5000 + 172801 (one second too late); #9 unknown caller; #10 (masked) caller 9 at 100 and
 *  #5 caller 9 at 200: #10 is not measured. Repeats: #0 and #1 -> 2 of A = 5. */
static const itsm_instant call_arrival[NCALLS] = {1000, 173800, 5000, 5000, 177801, 200, 173810, 50, 60, 70, 100};
static const int64_t call_caller[NCALLS] = {7, 7, 8, 8, 8, 9, 7, 11, 12, -1, 9};

static itsm_calls example_calls(void)
{
    itsm_calls c = ITSM_CALLS_INIT;
    c.n = NCALLS;
    c.outcome = call_outcome;
    c.wait = call_wait;
    c.flags = call_flags;
    c.include = call_include;
    c.arrival = call_arrival;
    c.caller = call_caller;
    return c;
}

static itsm_call_params example_params(void)
{
    itsm_call_params p = ITSM_CALL_PARAMS_INIT;
    p.answer_threshold = 20;
    p.short_abandon = 5;
    p.repeat_window = 2 * 86400;
    return p;
}

static itsm_rate call_rate(const itsm_call_counts *c, itsm_call_rate_kind kind)
{
    itsm_rate r;
    assert_itsm_ok(itsm_call_rate(&r, c, kind));
    return r;
}

static void test_call_counts(void **state)
{
    (void)state;
    itsm_calls calls = example_calls();
    itsm_call_params params = example_params();
    itsm_call_counts c;
    assert_itsm_ok(itsm_calls_count(&c, &calls, &params));
    assert_int_equal(c.offered, 8);
    assert_int_equal(c.answered, 5);
    assert_int_equal(c.abandoned, 3);
    assert_int_equal(c.busy, 2);
    assert_int_equal(c.answered_within, 3);
    assert_int_equal(c.abandoned_within, 2);
    assert_int_equal(c.abandoned_short, 1);
    assert_int_equal(c.answer_wait_sum, 95);
    assert_int_equal(c.called_back, 1);
    assert_int_equal(c.callback_requests, 2);
    assert_int_equal(c.repeat_contacts, 2);

    /* Without a repeat window, arrival and caller are not needed and nothing allocates. */
    calls.arrival = NULL;
    calls.caller = NULL;
    params.repeat_window = 0;
    itsm_test_chaos chaos;
    itsm_test_chaos_install(&chaos);
    assert_itsm_ok(itsm_calls_count(&c, &calls, &params));
    assert_int_equal(chaos.count, 0);
    assert_int_equal(itsm_set_allocator(NULL), ITSM_OK);
    assert_int_equal(c.repeat_contacts, 0);
    assert_int_equal(c.answered, 5);
}

static void test_call_rates(void **state)
{
    (void)state;
    itsm_calls calls = example_calls();
    itsm_call_params params = example_params();
    itsm_call_counts c;
    assert_itsm_ok(itsm_calls_count(&c, &calls, &params));
    assert_rate(call_rate(&c, ITSM_CALL_SERVICE_LEVEL), 3, 8);                           /* A<=T / (A + Ab) */
    assert_rate(call_rate(&c, ITSM_CALL_SERVICE_LEVEL_WITH_ABANDONED), 5, 8);            /* (3 + 2) / 8 */
    assert_rate(call_rate(&c, ITSM_CALL_SERVICE_LEVEL_ANSWERED_ONLY), 3, 5);             /* 3 / A */
    assert_rate(call_rate(&c, ITSM_CALL_SERVICE_LEVEL_EXCLUDING_EARLY_ABANDONS), 3, 6);  /* 3 / (5 + 1) */
    assert_rate(call_rate(&c, ITSM_CALL_SERVICE_LEVEL_SHORT_ABANDONS_MET), 4, 8);        /* (3 + 1) / 8 */
    assert_rate(call_rate(&c, ITSM_CALL_ABANDON_RATE), 3, 8);                            /* Ab / O */
    assert_rate(call_rate(&c, ITSM_CALL_ABANDON_RATE_EXCLUDING_SHORT), 2, 7);            /* (3 - 1) / (8 - 1) */
    assert_rate(call_rate(&c, ITSM_CALL_ABANDON_RATE_WITH_BUSY), 3, 10);                 /* 3 / (8 + 2) */
    assert_rate(call_rate(&c, ITSM_CALL_ABANDON_RATE_EXCLUDING_SHORT_WITH_BUSY), 2, 9);  /* 2 / (7 + 2) */
    assert_rate(call_rate(&c, ITSM_CALL_BUSY_RATE), 2, 10);                              /* B / (B + O) */
    assert_rate(call_rate(&c, ITSM_CALL_CALLBACK_RATE), 1, 5);                           /* #2 of A */
    assert_rate(call_rate(&c, ITSM_CALL_CALLBACK_REQUEST_RATE), 2, 8);                   /* #6 #9 of O */
    assert_rate(call_rate(&c, ITSM_CALL_REPEAT_CONTACT_RATE), 2, 5);                     /* #0 #1 of A */
    assert_rate(call_rate(&c, ITSM_CALL_AVERAGE_SPEED_OF_ANSWER), 95, 5);                /* 19 s */

    /* No calls: every rate is "no data". */
    itsm_call_counts zero = {0};
    for (int k = ITSM_CALL_SERVICE_LEVEL; k <= ITSM_CALL_AVERAGE_SPEED_OF_ANSWER; k++)
        assert_int_equal(call_rate(&zero, (itsm_call_rate_kind)k).has_data, 0);

    itsm_rate r;
    assert_itsm_error(itsm_call_rate(&r, &c, (itsm_call_rate_kind)14), ITSM_EINVAL, "14 is not an itsm_call_rate_kind");
    itsm_call_counts bad = c;
    bad.offered = 9;
    assert_itsm_error(itsm_call_rate(&r, &bad, ITSM_CALL_ABANDON_RATE), ITSM_EINVAL, "offered != answered + abandoned");
    bad = c;
    bad.answered_within = 6;
    assert_itsm_error(itsm_call_rate(&r, &bad, ITSM_CALL_SERVICE_LEVEL), ITSM_EINVAL, "exceeds answered");
    bad = c;
    bad.busy = -1;
    assert_itsm_error(itsm_call_rate(&r, &bad, ITSM_CALL_BUSY_RATE), ITSM_EINVAL, "counts.busy is negative");
}

/* Counts of two halves add up to the whole; rates of the sum are volume-weighted. */
static void test_call_counts_add(void **state)
{
    (void)state;
    itsm_calls calls = example_calls();
    itsm_call_params params = example_params();
    params.repeat_window = 0;
    uint8_t first[NCALLS], second[NCALLS];
    for (int i = 0; i < NCALLS; i++) {
        first[i] = (uint8_t)(call_include[i] && i < 5);
        second[i] = (uint8_t)(call_include[i] && i >= 5);
    }
    itsm_call_counts whole, a, b;
    assert_itsm_ok(itsm_calls_count(&whole, &calls, &params));
    calls.include = first;
    assert_itsm_ok(itsm_calls_count(&a, &calls, &params));
    calls.include = second;
    assert_itsm_ok(itsm_calls_count(&b, &calls, &params));
    /* First half: A 4 (0-3) of which 2 within, Ab 1 (#4): service level 2/5. Second half:
     * A 1 (#9, within), Ab 2: 1/3. Volume-weighted: 3/8, not (40 % + 33.3 %) / 2. */
    assert_rate(call_rate(&a, ITSM_CALL_SERVICE_LEVEL), 2, 5);
    assert_rate(call_rate(&b, ITSM_CALL_SERVICE_LEVEL), 1, 3);
    assert_itsm_ok(itsm_call_counts_add(&a, &b));
    assert_memory_equal(&a, &whole, sizeof a);
    assert_rate(call_rate(&a, ITSM_CALL_SERVICE_LEVEL), 3, 8);

    itsm_call_counts huge = {0};
    huge.answer_wait_sum = INT64_MAX;
    itsm_call_counts before = a;
    assert_itsm_error(itsm_call_counts_add(&a, &huge), ITSM_ERANGE, "answer_wait_sum");
    assert_memory_equal(&a, &before, sizeof a); /* unchanged on failure */
    huge.answer_wait_sum = -1;
    assert_itsm_error(itsm_call_counts_add(&a, &huge), ITSM_EINVAL, "answer_wait_sum is negative");
}

static void test_call_errors(void **state)
{
    (void)state;
    itsm_call_counts c;
    itsm_calls calls = example_calls();
    itsm_call_params params = example_params();
    uint8_t outcome[NCALLS];
    int64_t wait[NCALLS];
    uint8_t flags[NCALLS];
    memcpy(outcome, call_outcome, sizeof outcome);
    memcpy(wait, call_wait, sizeof wait);
    memcpy(flags, call_flags, sizeof flags);
    calls.outcome = outcome;
    calls.wait = wait;
    calls.flags = flags;

    outcome[4] = 3;
    assert_itsm_error(itsm_calls_count(&c, &calls, &params), ITSM_EINVAL, "calls.outcome[4] = 3");
    outcome[4] = 1;
    wait[1] = -2;
    assert_itsm_error(itsm_calls_count(&c, &calls, &params), ITSM_EINVAL, "calls.wait[1] = -2");
    wait[1] = 20;
    flags[2] = 0x10;
    assert_itsm_error(itsm_calls_count(&c, &calls, &params), ITSM_EINVAL, "calls.flags[2]");
    flags[2] = 0;
    /* A masked-out record is not inspected. */
    outcome[10] = 9;
    assert_itsm_ok(itsm_calls_count(&c, &calls, &params));
    /* ... but its arrival is, when it may be a repeat of another call. */
    itsm_instant arrival[NCALLS];
    memcpy(arrival, call_arrival, sizeof arrival);
    arrival[10] = ITSM_INSTANT_MAX + 1;
    calls.arrival = arrival;
    assert_itsm_error(itsm_calls_count(&c, &calls, &params), ITSM_ERANGE, "calls.arrival[10]");
    calls.arrival = NULL;
    assert_itsm_error(itsm_calls_count(&c, &calls, &params), ITSM_EINVAL, "calls.arrival (needed for repeat");
    calls.arrival = call_arrival;
    calls.wait = NULL;
    assert_itsm_error(itsm_calls_count(&c, &calls, &params), ITSM_EINVAL, "calls.wait is NULL");
    calls.wait = wait;
    calls.version = 2;
    assert_itsm_error(itsm_calls_count(&c, &calls, &params), ITSM_EVERSION, "itsm_calls version 2");
    calls.version = ITSM_CALLS_VERSION;
    params.short_abandon = -1;
    assert_itsm_error(itsm_calls_count(&c, &calls, &params), ITSM_EINVAL, "short_abandon (-1)");
    params = example_params();
    params.version = 0;
    assert_itsm_error(itsm_calls_count(&c, &calls, &params), ITSM_EVERSION, "itsm_call_params");
    assert_itsm_error(itsm_calls_count(&c, NULL, &params), ITSM_EINVAL, "calls");
}

static int scenario_repeats(const void *ctx)
{
    (void)ctx;
    itsm_calls calls = example_calls();
    itsm_call_params params = example_params();
    itsm_call_counts c;
    int rc = itsm_calls_count(&c, &calls, &params);
    return rc == ITSM_OK && c.repeat_contacts != 2 ? ITSM_ERROR : rc;
}

static void test_call_alloc_sweep(void **state)
{
    (void)state;
    assert_true(itsm_test_alloc_sweep("repeat contacts", scenario_repeats, NULL, ITSM_OK) >= 1);
}

static void test_call_rate_names(void **state)
{
    (void)state;
    /* The stable words, as documented in the header. */
    static const char *const words[] = {"service_level",
                                        "service_level_with_abandoned",
                                        "service_level_answered_only",
                                        "service_level_excluding_early_abandons",
                                        "service_level_short_abandons_met",
                                        "abandon_rate",
                                        "abandon_rate_excluding_short",
                                        "abandon_rate_with_busy",
                                        "abandon_rate_excluding_short_with_busy",
                                        "busy_rate",
                                        "callback_rate",
                                        "callback_request_rate",
                                        "repeat_contact_rate",
                                        "average_speed_of_answer"};
    for (int k = 0; k < 14; k++) {
        const char *name = NULL;
        itsm_call_rate_kind back = ITSM_CALL_BUSY_RATE;
        assert_itsm_ok(itsm_call_rate_name(&name, (itsm_call_rate_kind)k));
        assert_string_equal(name, words[k]);
        assert_itsm_ok(itsm_call_rate_from_name(&back, name));
        assert_int_equal(back, k);
    }
    const char *name = NULL;
    itsm_call_rate_kind kind;
    assert_itsm_error(itsm_call_rate_name(&name, (itsm_call_rate_kind)14), ITSM_EINVAL, "14 is not a call rate kind");
    assert_itsm_error(itsm_call_rate_from_name(&kind, "answer_rate"), ITSM_ENOTFOUND, "\"answer_rate\"");
    assert_itsm_error(itsm_call_rate_from_name(&kind, NULL), ITSM_EINVAL, "name");
    assert_itsm_error(itsm_call_rate_from_name(NULL, "busy_rate"), ITSM_EINVAL, "out");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rate_make),
        cmocka_unit_test(test_rate_rounding),
        cmocka_unit_test(test_rate_sum),
        cmocka_unit_test(test_fraction_parse),
        cmocka_unit_test(test_allowed_downtime),
        cmocka_unit_test(test_durations_summarize),
        cmocka_unit_test(test_percentiles),
        cmocka_unit_test(test_percentiles_property),
        cmocka_unit_test(test_percentiles_alloc_sweep),
        cmocka_unit_test(test_call_counts),
        cmocka_unit_test(test_call_rates),
        cmocka_unit_test(test_call_counts_add),
        cmocka_unit_test(test_call_errors),
        cmocka_unit_test(test_call_alloc_sweep),
        cmocka_unit_test(test_call_rate_names),
    };
    return cmocka_run_group_tests(tests, itsm_test_group_setup, itsm_test_group_teardown);
}
