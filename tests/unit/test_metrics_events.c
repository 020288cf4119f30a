/* Counts per period, the largest gap, RPO, elapsed time, report deadlines, ordinal
 * capabilities and service-hours coverage (itsm/metrics.h). Expected values by hand. */
#include "itsm_test.h"

#include <stdlib.h>

#define HOURS(h) ((int32_t)((h) * 3600))

/* ---- counts ------------------------------------------------------------------------------------ */

static itsm_count_result count(const itsm_instant *ev, const uint8_t *inc, size_t n, int64_t from, int64_t to,
                               int64_t min, int64_t max)
{
    itsm_count_result r;
    assert_itsm_ok(itsm_events_count(&r, ev, inc, n, from, to, min, max));
    return r;
}

static void test_events_count(void **state)
{
    (void)state;
    /* In [10, 50): 10, 20, 40 (30 is masked out, 0 is before, 50 is the excluded end). */
    const itsm_instant ev[6] = {0, 10, 20, 30, 40, 50};
    const uint8_t inc[6] = {1, 1, 1, 0, 1, 1};
    itsm_count_result r = count(ev, inc, 6, 10, 50, 3, 3);
    assert_int_equal(r.count, 3);
    assert_true(r.meets_minimum && r.meets_maximum && r.met);
    r = count(ev, inc, 6, 10, 50, 4, -1);
    assert_false(r.meets_minimum);
    assert_true(r.meets_maximum); /* no maximum */
    assert_false(r.met);
    r = count(ev, inc, 6, 10, 50, 0, 2);
    assert_false(r.meets_maximum);
    assert_false(r.met);
    r = count(ev, NULL, 6, 10, 50, 0, -1);
    assert_int_equal(r.count, 4);
    r = count(NULL, NULL, 0, 10, 50, 1, -1);
    assert_int_equal(r.count, 0);
    assert_false(r.met);

    itsm_instant bad[2] = {0, ITSM_INSTANT_MAX + 1};
    assert_itsm_error(itsm_events_count(&r, bad, NULL, 2, 0, 10, 0, -1), ITSM_ERANGE, "events[1]");
    assert_itsm_error(itsm_events_count(&r, ev, NULL, 6, 0, 10, -1, -1), ITSM_EINVAL, "minimum = -1");
    assert_itsm_error(itsm_events_count(&r, ev, NULL, 6, 10, 0, 0, -1), ITSM_EINVAL, "before it starts");
    assert_itsm_error(itsm_events_count(&r, NULL, NULL, 6, 0, 10, 0, -1), ITSM_EINVAL, "events is NULL");
}

/* ---- gaps ---------------------------------------------------------------------------------------- */

static itsm_gap_result gap(const itsm_instant *ev, const uint8_t *inc, size_t n, int64_t from, int64_t to,
                           itsm_gap_edges edges)
{
    itsm_gap_result r;
    assert_itsm_ok(itsm_events_largest_gap(&r, ev, inc, n, from, to, edges));
    return r;
}

#define assert_gap(r, len, s, e) assert_gap_impl((r), (len), (s), (e), __FILE__, __LINE__)
static void assert_gap_impl(itsm_gap_result r, int64_t len, int64_t s, int64_t e, const char *file, int line)
{
    if (!r.has_data || r.largest != len || r.gap_start != s || r.gap_end != e) {
        print_error("gap %lld [%lld, %lld) has_data %d, expected %lld [%lld, %lld)\n", (long long)r.largest,
                    (long long)r.gap_start, (long long)r.gap_end, r.has_data, (long long)len, (long long)s,
                    (long long)e);
        _fail(file, line);
    }
}

static void test_largest_gap(void **state)
{
    (void)state;
    /* Period [60, 1000); 50 before it, 1200 after it, 700 masked out. */
    const itsm_instant ev[6] = {500, 100, 300, 50, 1200, 700};
    const uint8_t inc[6] = {1, 1, 1, 1, 1, 0};
    /* Period edges: 60 | 100 300 500 | 1000: gaps 40 200 200 500 -> [500, 1000). */
    itsm_gap_result r = gap(ev, inc, 6, 60, 1000, ITSM_GAP_PERIOD_EDGES);
    assert_gap(r, 500, 500, 1000);
    assert_int_equal(r.events, 3);
    /* Inner: 100 300 500: two gaps of 200, the earliest is reported. */
    assert_gap(gap(ev, inc, 6, 60, 1000, ITSM_GAP_INNER), 200, 100, 300);
    /* Neighbours: 50 | 100 300 500 | 1200: the gap 500 -> 1200 runs past the period. */
    assert_gap(gap(ev, inc, 6, 60, 1000, ITSM_GAP_NEIGHBOURS), 700, 500, 1200);
    /* With 700 included the neighbours' largest is 1200 - 700. */
    assert_gap(gap(ev, NULL, 6, 60, 1000, ITSM_GAP_NEIGHBOURS), 500, 700, 1200);

    /* No events: the whole period, or no data for "inner". */
    assert_gap(gap(NULL, NULL, 0, 0, 1000, ITSM_GAP_PERIOD_EDGES), 1000, 0, 1000);
    assert_gap(gap(NULL, NULL, 0, 0, 1000, ITSM_GAP_NEIGHBOURS), 1000, 0, 1000);
    r = gap(NULL, NULL, 0, 0, 1000, ITSM_GAP_INNER);
    assert_int_equal(r.has_data, 0);
    assert_int_equal(r.largest, 0);
    r = gap(ev, inc, 1, 0, 1000, ITSM_GAP_INNER); /* one event */
    assert_int_equal(r.has_data, 0);
    /* Events outside only: neighbours 50 and 1200. */
    assert_gap(gap(ev + 3, NULL, 2, 60, 1000, ITSM_GAP_NEIGHBOURS), 1150, 50, 1200);
    /* Duplicates give a gap of 0. */
    const itsm_instant dup[2] = {5, 5};
    assert_gap(gap(dup, NULL, 2, 0, 10, ITSM_GAP_INNER), 0, 5, 5);

    /* A daily backup every 10 s in [0, 10000) except 5010 .. 5590: 1000 - 59 shuffled events
     * (the radix-sort path); the largest gap is 5000 -> 5600. */
    itsm_instant many[1000];
    size_t m = 0;
    for (int i = 0; i < 1000; i++) {
        int t = 10 * ((i * 271) % 1000);
        if (t <= 5000 || t >= 5600)
            many[m++] = t;
    }
    assert_int_equal(m, 1000 - 59);
    r = gap(many, NULL, m, 0, 10000, ITSM_GAP_PERIOD_EDGES);
    assert_gap(r, 600, 5000, 5600);
    assert_int_equal(r.events, 941);

    assert_itsm_error(itsm_events_largest_gap(&r, ev, inc, 6, 0, 1000, (itsm_gap_edges)3), ITSM_EINVAL, "edges = 3");
    const char *name = NULL;
    itsm_gap_edges e = ITSM_GAP_INNER;
    assert_itsm_ok(itsm_gap_edges_name(&name, ITSM_GAP_NEIGHBOURS));
    assert_string_equal(name, "neighbours");
    assert_itsm_ok(itsm_gap_edges_from_name(&e, "period_edges"));
    assert_int_equal(e, ITSM_GAP_PERIOD_EDGES);
    assert_itsm_error(itsm_gap_edges_from_name(&e, "edges"), ITSM_ENOTFOUND, "gap edge rule");
}

static int scenario_gap(const void *ctx)
{
    (void)ctx;
    itsm_instant ev[100];
    for (int i = 0; i < 100; i++)
        ev[i] = (i * 37) % 100 * 60;
    itsm_gap_result r;
    return itsm_events_largest_gap(&r, ev, NULL, 100, 0, 6000, ITSM_GAP_PERIOD_EDGES);
}

/* ---- RPO ----------------------------------------------------------------------------------------- */

static void test_rpo(void **state)
{
    (void)state;
    /* Backups: point 0 done at 600; point 3600 done at 4000; point 7200 done at 9000 (a
     * long run); point 10800 done at 11000 but failed; point 5000 done at 20000. */
    const itsm_instant points[5] = {0, 3600, 7200, 10800, 5000};
    const itsm_instant done[5] = {600, 4000, 9000, 11000, 20000};
    const uint8_t ok[5] = {1, 1, 1, 0, 1};
    const itsm_instant fail[6] = {500, 700, 8000, 9000, 12000, 25000};
    int64_t rpo[6];
    uint8_t has[6];
    assert_itsm_ok(itsm_rpo_achieved(rpo, has, fail, 6, points, done, ok, 5));
    /* 500: nothing completed yet. 700: point 0 -> 700. 8000: completed are 0 and 3600 (7200
     * completes at 9000) -> 4400. 9000: 7200 completed exactly then -> 1800. 12000: 10800
     * failed -> 7200 -> 4800. 25000: the late run of point 5000 does not beat 7200 -> 17800. */
    const uint8_t want_has[6] = {0, 1, 1, 1, 1, 1};
    const int64_t want[6] = {0, 700, 4400, 1800, 4800, 17800};
    assert_memory_equal(has, want_has, sizeof has);
    assert_memory_equal(rpo, want, sizeof rpo);
    /* Without completion instants a backup counts from its point; all succeeded. */
    assert_itsm_ok(itsm_rpo_achieved(rpo, has, fail, 6, points, NULL, NULL, 5));
    /* 500 -> 0 (point 0) = 500; 700 -> 700; 8000 -> 7200 = 800; 9000 -> 1800; 12000 ->
     * 10800 = 1200; 25000 -> 14200. */
    const int64_t want2[6] = {500, 700, 800, 1800, 1200, 14200};
    assert_memory_equal(rpo, want2, sizeof rpo);

    itsm_instant bad_done[5] = {600, 3000, 9000, 11000, 20000};
    assert_itsm_error(itsm_rpo_achieved(rpo, has, fail, 6, points, bad_done, ok, 5), ITSM_EINVAL,
                      "completed[1] = 3000 is before points[1] = 3600");
    itsm_instant bad_fail[1] = {ITSM_INSTANT_MIN - 1};
    assert_itsm_error(itsm_rpo_achieved(rpo, has, bad_fail, 1, points, done, ok, 5), ITSM_ERANGE, "failures[0]");
    assert_itsm_error(itsm_rpo_achieved(rpo, NULL, fail, 6, points, done, ok, 5), ITSM_EINVAL, "out_has is NULL");
    assert_itsm_ok(itsm_rpo_achieved(NULL, NULL, NULL, 0, NULL, NULL, NULL, 0));
}

static int scenario_rpo(const void *ctx)
{
    (void)ctx;
    itsm_instant points[80], fail[3] = {100, 5000, 9000};
    for (int i = 0; i < 80; i++)
        points[i] = (i * 31) % 80 * 100;
    int64_t rpo[3];
    uint8_t has[3];
    int rc = itsm_rpo_achieved(rpo, has, fail, 3, points, NULL, NULL, 80);
    return rc == ITSM_OK && rpo[2] != 1100 ? ITSM_ERROR : rc; /* latest point <= 9000 is 7900 */
}

static void test_alloc_sweeps(void **state)
{
    (void)state;
    assert_true(itsm_test_alloc_sweep("largest gap", scenario_gap, NULL, ITSM_OK) >= 2);
    assert_true(itsm_test_alloc_sweep("rpo", scenario_rpo, NULL, ITSM_OK) >= 2);
}

/* ---- elapsed and deadlines ------------------------------------------------------------------------ */

static void test_elapsed(void **state)
{
    (void)state;
    const itsm_instant from[2] = {0, 100}, to[2] = {50, 100};
    int64_t out[2];
    assert_itsm_ok(itsm_elapsed_many(out, NULL, from, to, 2));
    assert_int_equal(out[0], 50);
    assert_int_equal(out[1], 0);
    /* On Mon-Fri 09:00-17:00: Fri 16:00 -> Mon 10:00 is 1 h + 1 h. */
    itsm_calendar *cal = itsm_test_weekly("UTC", "12345", HOURS(9), HOURS(17), NULL);
    const itsm_instant f2[1] = {itsm_test_at("2024-06-07T16:00:00Z")}, t2[1] = {itsm_test_at("2024-06-10T10:00:00Z")};
    assert_itsm_ok(itsm_elapsed_many(out, cal, f2, t2, 1));
    assert_int_equal(out[0], 7200);
    const itsm_instant far[1] = {ITSM_INSTANT_MAX};
    itsm_calendar *jp = itsm_test_weekly("Asia/Tokyo", "12345", HOURS(9), HOURS(17), "jp");
    assert_itsm_error(itsm_elapsed_many(out, jp, f2, far, 1), ITSM_ERANGE, "itsm_elapsed_many: record [0]");
    itsm_calendar_free(jp);
    itsm_calendar_free(cal);
    const itsm_instant back[2] = {50, 99};
    assert_itsm_error(itsm_elapsed_many(out, NULL, from, back, 2), ITSM_EINVAL, "to[1] = 99 is before from[1] = 100");
    assert_itsm_error(itsm_elapsed_many(NULL, NULL, from, to, 2), ITSM_EINVAL, "out is NULL");
}

static void test_deadlines(void **state)
{
    (void)state;
    /* deadline 1000 for four reports, 5000 for the fifth; as of 2000. */
    const itsm_instant deadline[5] = {1000, 1000, 1000, 1000, 5000};
    const itsm_instant delivered[5] = {900, 1000, 1001, 0, 0};
    const uint8_t mask[5] = {1, 1, 1, 0, 0};
    uint8_t st[5];
    itsm_rate met;
    assert_itsm_ok(itsm_deliveries_check(st, &met, delivered, mask, deadline, 5, 2000));
    /* met, met (at the deadline), late, missed, pending: 2 met of 4 judged. */
    const uint8_t want[5] = {ITSM_DELIVERY_MET, ITSM_DELIVERY_MET, ITSM_DELIVERY_LATE, ITSM_DELIVERY_MISSED,
                             ITSM_DELIVERY_PENDING};
    assert_memory_equal(st, want, sizeof st);
    assert_int_equal(met.numerator, 2);
    assert_int_equal(met.denominator, 4);
    /* As of the deadline itself, the undelivered report is pending, not missed. */
    assert_itsm_ok(itsm_deliveries_check(NULL, &met, delivered, mask, deadline, 5, 1000));
    assert_int_equal(met.denominator, 3);
    assert_itsm_ok(itsm_deliveries_check(NULL, &met, NULL, NULL, NULL, 0, 1000));
    assert_int_equal(met.has_data, 0);

    /* The monthly report of June 2024, due within 10 business days from the start of July
     * on Mon-Fri 09:00-17:00 UTC: July 1 2024 is a Monday, so the 10th business day is
     * Friday July 12, closing at 17:00. */
    itsm_calendar *cal = itsm_test_weekly("UTC", "12345", HOURS(9), HOURS(17), NULL);
    itsm_instant due = 0;
    assert_itsm_ok(itsm_calendar_nth_business_day(&due, cal, 2024, 7, 10));
    assert_int_equal(due, itsm_test_at("2024-07-12T17:00:00Z"));
    const itsm_instant dl[3] = {due, due, due};
    const itsm_instant dv[3] = {due - 1, due, due + 1};
    assert_itsm_ok(itsm_deliveries_check(st, &met, dv, NULL, dl, 3, due + 86400));
    assert_int_equal(st[0], ITSM_DELIVERY_MET);
    assert_int_equal(st[1], ITSM_DELIVERY_MET);
    assert_int_equal(st[2], ITSM_DELIVERY_LATE);
    itsm_calendar_free(cal);

    const char *name = NULL;
    assert_itsm_ok(itsm_delivery_state_name(&name, ITSM_DELIVERY_MISSED));
    assert_string_equal(name, "missed");
    assert_itsm_error(itsm_delivery_state_name(&name, (itsm_delivery_state)4), ITSM_EINVAL, "delivery state");
    /* An undelivered report's delivery instant is not read. */
    const itsm_instant junk[1] = {INT64_MIN};
    const uint8_t no[1] = {0};
    assert_itsm_ok(itsm_deliveries_check(st, &met, junk, no, deadline, 1, 0));
    assert_itsm_error(itsm_deliveries_check(st, &met, junk, NULL, deadline, 1, 0), ITSM_ERANGE, "delivered[0]");
    assert_itsm_error(itsm_deliveries_check(st, NULL, delivered, mask, deadline, 5, 0), ITSM_EINVAL, "out_met");
}

/* ---- ordinal ------------------------------------------------------------------------------------- */

static void test_ordinal(void **state)
{
    (void)state;
    const char *const scale[3] = {"FW", "FW+NIDS", "FW+NIDS+HIDS"};
    itsm_ordinal_result r;
    assert_itsm_ok(itsm_ordinal_compare(&r, scale, 3, "FW+NIDS", "FW+NIDS+HIDS"));
    assert_int_equal(r.declared, 1);
    assert_int_equal(r.required, 2);
    assert_false(r.met);
    assert_int_equal(r.shortfall, 1);
    assert_itsm_ok(itsm_ordinal_compare(&r, scale, 3, "FW+NIDS+HIDS", "FW"));
    assert_true(r.met);
    assert_int_equal(r.shortfall, 0);
    assert_itsm_ok(itsm_ordinal_compare(&r, scale, 3, "FW", "FW"));
    assert_true(r.met);
    assert_itsm_ok(itsm_ordinal_compare(&r, scale, 3, "FW", "FW+NIDS+HIDS"));
    assert_int_equal(r.shortfall, 2);

    assert_itsm_error(itsm_ordinal_compare(&r, scale, 3, "fw", "FW"), ITSM_ENOTFOUND, "declared level \"fw\"");
    assert_itsm_error(itsm_ordinal_compare(&r, scale, 3, "FW", "IPS"), ITSM_ENOTFOUND, "required level \"IPS\"");
    assert_itsm_error(itsm_ordinal_compare(&r, scale, 3, NULL, "FW"), ITSM_EINVAL, "declared");
    const char *const dup[3] = {"L1", "L2", "L1"};
    assert_itsm_error(itsm_ordinal_compare(&r, dup, 3, "L1", "L2"), ITSM_EINVAL, "scale[2] repeats scale[0]");
    const char *const empty[2] = {"L1", ""};
    assert_itsm_error(itsm_ordinal_compare(&r, empty, 2, "L1", "L1"), ITSM_EINVAL, "scale[1] is NULL or empty");
    assert_itsm_error(itsm_ordinal_compare(&r, scale, 0, "FW", "FW"), ITSM_EINVAL, "no levels");
}

/* ---- coverage ------------------------------------------------------------------------------------- */

static itsm_coverage cover(const itsm_calendar *provided, const itsm_calendar *required, const char *from,
                           const char *to)
{
    itsm_coverage c;
    assert_itsm_ok(itsm_service_hours_coverage(&c, provided, required, itsm_test_at(from), itsm_test_at(to)));
    return c;
}

static void test_coverage(void **state)
{
    (void)state;
    itsm_calendar *weekdays_9_17 = itsm_test_weekly("UTC", "12345", HOURS(9), HOURS(17), NULL);
    itsm_calendar *weekdays_9_20 = itsm_test_weekly("UTC", "12345", HOURS(9), HOURS(20), NULL);
    itsm_calendar *all_9_20 = itsm_test_weekly("UTC", "1234567", HOURS(9), HOURS(20), NULL);
    const char *mon = "2024-06-03T00:00:00Z", *next_mon = "2024-06-10T00:00:00Z";

    /* Required 9-20 x 7 = 7 x 11 h = 277200 s; provided weekdays 9-17 covers 5 x 8 h =
     * 144000 s of it: 133200 s missing, the first at Monday 17:00. */
    itsm_coverage c = cover(weekdays_9_17, all_9_20, mon, next_mon);
    assert_false(c.covered);
    assert_int_equal(c.required_seconds, 277200);
    assert_int_equal(c.uncovered_seconds, 133200);
    assert_int_equal(c.first_uncovered, itsm_test_at("2024-06-03T17:00:00Z"));
    /* Weekdays 9-20 against 9-20 x 7: the weekend is missing, from Saturday 09:00. */
    c = cover(weekdays_9_20, all_9_20, mon, next_mon);
    assert_int_equal(c.uncovered_seconds, 2 * 11 * 3600);
    assert_int_equal(c.first_uncovered, itsm_test_at("2024-06-08T09:00:00Z"));
    /* Wider hours cover narrower ones. */
    c = cover(weekdays_9_20, weekdays_9_17, mon, next_mon);
    assert_true(c.covered);
    assert_int_equal(c.first_uncovered, itsm_test_at(next_mon));
    assert_int_equal(c.required_seconds, 144000);
    assert_int_equal(c.uncovered_seconds, 0);
    /* 24x7 (NULL) provided covers anything; 24x7 required: 168 h - 77 h = 91 h missing
     * from 9-20 x 7, the first at Monday 00:00. */
    c = cover(NULL, all_9_20, mon, next_mon);
    assert_true(c.covered);
    c = cover(all_9_20, NULL, mon, next_mon);
    assert_int_equal(c.required_seconds, 7 * 86400);
    assert_int_equal(c.uncovered_seconds, 91 * 3600);
    assert_int_equal(c.first_uncovered, itsm_test_at(mon));
    /* A period starting inside required hours. */
    c = cover(weekdays_9_17, all_9_20, "2024-06-03T12:00:00Z", "2024-06-03T18:00:00Z");
    assert_int_equal(c.required_seconds, 6 * 3600);
    assert_int_equal(c.uncovered_seconds, 3600);
    assert_int_equal(c.first_uncovered, itsm_test_at("2024-06-03T17:00:00Z"));
    /* Empty period. */
    c = cover(weekdays_9_17, all_9_20, mon, mon);
    assert_true(c.covered);
    assert_int_equal(c.required_seconds, 0);

    /* Holidays: reception closed on Japanese holidays does not cover a requirement that
     * ignores them. 2024-07-15 (Monday) is Marine Day: 09:00 JST = 00:00Z, 8 h missing. */
    itsm_calendar *jp_desk = itsm_test_weekly("Asia/Tokyo", "12345", HOURS(9), HOURS(17), "jp");
    itsm_calendar *jp_req = itsm_test_weekly("Asia/Tokyo", "12345", HOURS(9), HOURS(17), NULL);
    c = cover(jp_desk, jp_req, "2024-07-15T00:00:00+09:00", "2024-07-22T00:00:00+09:00");
    assert_false(c.covered);
    assert_int_equal(c.first_uncovered, itsm_test_at("2024-07-15T09:00:00+09:00"));
    assert_int_equal(c.uncovered_seconds, 8 * 3600);
    c = cover(jp_req, jp_desk, "2024-07-15T00:00:00+09:00", "2024-07-22T00:00:00+09:00");
    assert_true(c.covered);
    assert_int_equal(c.required_seconds, 4 * 8 * 3600);

    /* DST: all day every day in Amsterdam; on 2024-10-27 a 24x7 requirement has 25 h. A
     * provider open 00:00-24:00 local covers it; one open 00:00-23:00 misses 23:00-24:00. */
    itsm_calendar *ams = itsm_test_weekly("Europe/Amsterdam", "1234567", 0, HOURS(24), NULL);
    itsm_calendar *ams23 = itsm_test_weekly("Europe/Amsterdam", "1234567", 0, HOURS(23), NULL);
    c = cover(ams, NULL, "2024-10-27T00:00:00+02:00", "2024-10-28T00:00:00+01:00");
    assert_true(c.covered);
    assert_int_equal(c.required_seconds, 90000);
    c = cover(ams23, ams, "2024-10-27T00:00:00+02:00", "2024-10-28T00:00:00+01:00");
    assert_int_equal(c.required_seconds, 90000);
    assert_int_equal(c.uncovered_seconds, 3600);
    assert_int_equal(c.first_uncovered, itsm_test_at("2024-10-27T23:00:00+01:00"));

    itsm_coverage bad;
    assert_itsm_error(itsm_service_hours_coverage(&bad, jp_desk, NULL, itsm_test_at(mon),
                                                  itsm_test_at("2160-01-01T00:00:00Z")),
                      ITSM_ERANGE, "the provided calendar");
    assert_itsm_error(itsm_service_hours_coverage(&bad, NULL, jp_desk, itsm_test_at(mon),
                                                  itsm_test_at("2160-01-01T00:00:00Z")),
                      ITSM_ERANGE, "the required calendar");
    assert_itsm_error(itsm_service_hours_coverage(&bad, NULL, NULL, 10, 0), ITSM_EINVAL, "before it starts");
    assert_itsm_error(itsm_service_hours_coverage(NULL, NULL, NULL, 0, 10), ITSM_EINVAL, "out");

    itsm_calendar_free(ams23);
    itsm_calendar_free(ams);
    itsm_calendar_free(jp_req);
    itsm_calendar_free(jp_desk);
    itsm_calendar_free(all_9_20);
    itsm_calendar_free(weekdays_9_20);
    itsm_calendar_free(weekdays_9_17);
}

/* Coverage never allocates (the calendars are built under the counting allocator). */
static void test_coverage_does_not_allocate(void **state)
{
    (void)state;
    itsm_test_chaos chaos;
    itsm_test_chaos_install(&chaos);
    itsm_calendar *prov = itsm_test_weekly("UTC", "12345", HOURS(9), HOURS(17), NULL);
    itsm_calendar *req = itsm_test_weekly("UTC", "1234567", HOURS(9), HOURS(20), NULL);
    long before = chaos.count;
    itsm_coverage c = cover(prov, req, "2024-06-03T00:00:00Z", "2024-07-03T00:00:00Z");
    assert_false(c.covered);
    assert_int_equal(chaos.count, before);
    itsm_calendar_free(req);
    itsm_calendar_free(prov);
    assert_int_equal(itsm_set_allocator(NULL), ITSM_OK);
}

/* Property: coverage against second-by-second is_open over random windows. */
static void test_coverage_property(void **state)
{
    (void)state;
    itsm_calendar *a = itsm_test_weekly("UTC", "1234567", 600, 1500, NULL);
    itsm_calendar *b = itsm_test_weekly("UTC", "1234567", 900, 2400, NULL);
    const itsm_calendar *cals[3] = {a, b, NULL};
    srand(99);
    for (int round = 0; round < 60; round++) {
        const itsm_calendar *prov = cals[rand() % 3], *req = cals[rand() % 3];
        int64_t from = rand() % 3000, to = from + rand() % 3000;
        int64_t required = 0, uncovered = 0, first = to;
        for (int64_t t = from; t < to; t++) {
            int r = 1, p = 1;
            if (req != NULL)
                assert_itsm_ok(itsm_calendar_is_open(&r, req, t));
            if (prov != NULL)
                assert_itsm_ok(itsm_calendar_is_open(&p, prov, t));
            required += r;
            if (r && !p) {
                uncovered++;
                first = first < t ? first : t;
            }
        }
        itsm_coverage c;
        assert_itsm_ok(itsm_service_hours_coverage(&c, prov, req, from, to));
        assert_int_equal(c.required_seconds, required);
        assert_int_equal(c.uncovered_seconds, uncovered);
        assert_int_equal(c.first_uncovered, first);
        assert_int_equal(c.covered, uncovered == 0);
    }
    itsm_calendar_free(b);
    itsm_calendar_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_events_count), cmocka_unit_test(test_largest_gap), cmocka_unit_test(test_rpo),
        cmocka_unit_test(test_alloc_sweeps), cmocka_unit_test(test_elapsed),     cmocka_unit_test(test_deadlines),
        cmocka_unit_test(test_ordinal),      cmocka_unit_test(test_coverage),    cmocka_unit_test(test_coverage_does_not_allocate),
        cmocka_unit_test(test_coverage_property),
    };
    return cmocka_run_group_tests(tests, itsm_test_group_setup, itsm_test_group_teardown);
}
