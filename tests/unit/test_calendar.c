/* Business calendars: spec validation, compilation (DST, overnight shifts, closures,
 * openings), every operation with exact expected instants, the edge cases of
 * reference/sla-engines.md section 5 as named tests, the seed's sample service hours,
 * randomized properties against brute-force references, and an allocation-failure sweep. */
#include "itsm_test.h"

#include "calendar/calendar_internal.h"

#include <stdio.h>
#include <stdlib.h>

#define HM(h, m) ((int32_t)((h) * 3600 + (m) * 60))
#define HOUR INT64_C(3600)
#define DAYS_ALL "1234567"
#define DAYS_WEEK "12345"

/* ---- helpers ---------------------------------------------------------------------------- */

static itsm_instant at(const char *text) { return itsm_test_at(text); }

/* Compare an instant with ISO text, printing both in the calendar's zone on mismatch. */
#define assert_at(got, text, cal) assert_at_impl((got), (text), (cal), __FILE__, __LINE__)
static void assert_at_impl(itsm_instant got, const char *text, const itsm_calendar *cal, const char *file,
                           int line)
{
    itsm_instant want = at(text);
    if (got != want) {
        char buf[ITSM_INSTANT_TEXT_SIZE];
        (void)itsm_instant_format(buf, sizeof buf, got, itsm_calendar_zone(cal));
        print_error("got %s (%lld), expected %s (%lld)\n", buf, (long long)got, text, (long long)want);
        _fail(file, line);
    }
}

static itsm_calendar_spec *new_spec(const char *name, const char *zone)
{
    itsm_calendar_spec *s = NULL;
    assert_itsm_ok(itsm_calendar_spec_new(&s, name, zone, NULL));
    return s;
}

/* Open [from, to) on each weekday listed as digits in `days` ("12345" = Mon-Fri). */
static void add_days(itsm_calendar_spec *s, const char *days, int32_t from, int32_t to, unsigned flags)
{
    for (const char *d = days; *d != '\0'; d++)
        assert_itsm_ok(itsm_calendar_spec_add_interval(s, *d - '0', from, to, flags));
}

static void add_builtin(itsm_calendar_spec *s, const char *name)
{
    itsm_holiday_set *set = NULL;
    assert_itsm_ok(itsm_holiday_set_builtin(&set, name));
    assert_itsm_ok(itsm_calendar_spec_add_holidays(s, set));
    itsm_holiday_set_free(set);
}

/* Compile and release the spec. */
static itsm_calendar *build(itsm_calendar_spec *s)
{
    itsm_calendar *cal = NULL;
    assert_itsm_ok(itsm_calendar_compile(&cal, s));
    itsm_calendar_spec_free(s);
    return cal;
}

/* A calendar open [from, to) on `days` in `zone`, no holidays. */
static itsm_calendar *simple(const char *zone, const char *days, int32_t from, int32_t to, unsigned flags)
{
    itsm_calendar_spec *s = new_spec("simple", zone);
    add_days(s, days, from, to, flags);
    return build(s);
}

/* The seed's reception hours (guideline 5.2): Mon-Fri 9:00-18:00, Sat 9:00-12:00 and
 * 13:00-17:00, closed Sundays, national holidays and the year-end closing. */
static itsm_calendar_spec *desk_spec(void)
{
    itsm_calendar_spec *s = new_spec("desk", "Asia/Tokyo");
    add_days(s, DAYS_WEEK, HM(9, 0), HM(18, 0), ITSM_INTERVAL_SAME_DAY);
    add_days(s, "6", HM(9, 0), HM(12, 0), ITSM_INTERVAL_SAME_DAY);
    add_days(s, "6", HM(13, 0), HM(17, 0), ITSM_INTERVAL_SAME_DAY);
    add_builtin(s, "jp");
    add_builtin(s, "jp-year-end");
    return s;
}

static itsm_calendar *desk(void) { return build(desk_spec()); }

static int64_t bsec(const itsm_calendar *cal, const char *a, const char *b)
{
    int64_t out = 0;
    assert_itsm_ok(itsm_calendar_business_seconds(&out, cal, at(a), at(b)));
    return out;
}

static itsm_instant add(const itsm_calendar *cal, const char *t, int64_t seconds)
{
    itsm_instant out = 0;
    assert_itsm_ok(itsm_calendar_add_business(&out, cal, at(t), seconds));
    return out;
}

static itsm_instant sub(const itsm_calendar *cal, const char *t, int64_t seconds)
{
    itsm_instant out = 0;
    assert_itsm_ok(itsm_calendar_sub_business(&out, cal, at(t), seconds));
    return out;
}

static int open_at(const itsm_calendar *cal, const char *t)
{
    int out = -1;
    assert_itsm_ok(itsm_calendar_is_open(&out, cal, at(t)));
    return out;
}

static itsm_instant next_open(const itsm_calendar *cal, const char *t)
{
    itsm_instant out = 0;
    assert_itsm_ok(itsm_calendar_next_open(&out, cal, at(t)));
    return out;
}

static itsm_instant next_close(const itsm_calendar *cal, const char *t)
{
    itsm_instant out = 0;
    assert_itsm_ok(itsm_calendar_next_close(&out, cal, at(t)));
    return out;
}

static int business_day(const itsm_calendar *cal, int32_t y, int32_t m, int32_t d)
{
    int out = -1;
    assert_itsm_ok(itsm_calendar_is_business_day(&out, cal, (itsm_date){y, m, d}));
    return out;
}

static itsm_instant end_of_day(const itsm_calendar *cal, const char *t, int32_t k)
{
    itsm_instant out = 0;
    assert_itsm_ok(itsm_calendar_end_of_business_day(&out, cal, at(t), k));
    return out;
}

static itsm_instant add_days_op(const itsm_calendar *cal, const char *t, int32_t n, itsm_business_day_mode mode)
{
    itsm_instant out = 0;
    assert_itsm_ok(itsm_calendar_add_business_days(&out, cal, at(t), n, mode));
    return out;
}

/* Business seconds of one whole local date: from its start to the next date's start. */
static int64_t day_total(const itsm_calendar *cal, int32_t y, int32_t m, int32_t d)
{
    itsm_instant a = 0, b = 0;
    itsm_date next = {0, 0, 0};
    assert_itsm_ok(itsm_date_add_days(&next, (itsm_date){y, m, d}, 1));
    assert_itsm_ok(itsm_tz_start_of_day(&a, itsm_calendar_zone(cal), (itsm_date){y, m, d}));
    assert_itsm_ok(itsm_tz_start_of_day(&b, itsm_calendar_zone(cal), next));
    int64_t out = 0;
    assert_itsm_ok(itsm_calendar_business_seconds(&out, cal, a, b));
    return out;
}

/* ---- spec validation ----------------------------------------------------------------------- */

static void test_spec_rejects_bad_intervals(void **state)
{
    (void)state;
    itsm_calendar_spec *s = new_spec("x", "UTC");
    assert_itsm_error(itsm_calendar_spec_add_interval(s, 0, HM(9, 0), HM(17, 0), 0), ITSM_EINVAL, "weekday 0");
    assert_itsm_error(itsm_calendar_spec_add_interval(s, 8, HM(9, 0), HM(17, 0), 0), ITSM_EINVAL, "weekday 8");
    assert_itsm_error(itsm_calendar_spec_add_interval(s, -1, HM(9, 0), HM(17, 0), 0), ITSM_EINVAL, "weekday -1");
    assert_itsm_error(itsm_calendar_spec_add_interval(s, 1, -1, HM(17, 0), 0), ITSM_EINVAL, "start -1");
    assert_itsm_error(itsm_calendar_spec_add_interval(s, 1, HM(9, 0), 86401, 0), ITSM_EINVAL, "end 86401");
    assert_itsm_error(itsm_calendar_spec_add_interval(s, 1, HM(17, 0), HM(9, 0), 0), ITSM_EINVAL,
                      "ITSM_INTERVAL_OVERNIGHT");
    assert_itsm_error(itsm_calendar_spec_add_interval(s, 1, HM(9, 0), HM(9, 0), 0), ITSM_EINVAL, "not before");
    assert_itsm_error(itsm_calendar_spec_add_interval(s, 1, HM(9, 0), HM(17, 0), ITSM_INTERVAL_OVERNIGHT),
                      ITSM_EINVAL, "overnight");
    assert_itsm_error(itsm_calendar_spec_add_interval(s, 1, 86400, 0, ITSM_INTERVAL_OVERNIGHT), ITSM_EINVAL,
                      "overnight");
    assert_itsm_error(itsm_calendar_spec_add_interval(s, 1, HM(9, 0), HM(17, 0), 2), ITSM_EINVAL, "flags");
    assert_itsm_error(itsm_calendar_spec_add_interval(NULL, 1, HM(9, 0), HM(17, 0), 0), ITSM_EINVAL, "spec");
    /* Nothing of the rejected calls was kept. */
    assert_int_equal(itsm__spec_week_count(s, 1), 0);
    itsm_calendar_spec_free(s);
}

static void test_spec_rejects_bad_exceptions_and_options(void **state)
{
    (void)state;
    itsm_calendar_spec *s = new_spec("x", "UTC");
    itsm_date d = {2024, 5, 1};
    assert_itsm_error(itsm_calendar_spec_close_date(s, (itsm_date){2024, 2, 30}), ITSM_ERANGE, "day 30");
    assert_itsm_error(itsm_calendar_spec_close_date(s, (itsm_date){1899, 12, 31}), ITSM_ERANGE, "1899");
    assert_itsm_error(itsm_calendar_spec_close_part(s, d, HM(12, 0), HM(12, 0)), ITSM_EINVAL, "before");
    assert_itsm_error(itsm_calendar_spec_close_part(s, d, HM(13, 0), HM(12, 0)), ITSM_EINVAL, "before");
    assert_itsm_error(itsm_calendar_spec_close_part(s, d, 0, 86401), ITSM_EINVAL, "to 86401");
    assert_itsm_error(itsm_calendar_spec_open_date(s, d, -5, HM(12, 0), 0), ITSM_EINVAL, "from -5");
    assert_itsm_error(itsm_calendar_spec_open_date(s, d, HM(9, 0), HM(12, 0), 2), ITSM_EINVAL, "replace 2");
    assert_itsm_error(itsm_calendar_spec_set_option(s, (itsm_calendar_option)9, 1), ITSM_EINVAL, "option 9");
    assert_itsm_error(itsm_calendar_spec_set_option(s, ITSM_CAL_CLOSURE_SPLITS_OVERNIGHT, 2), ITSM_EINVAL, "0 or 1");
    assert_itsm_error(itsm_calendar_spec_set_option(s, ITSM_CAL_SEARCH_HORIZON_DAYS, 0), ITSM_EINVAL, "HORIZON");
    assert_itsm_error(itsm_calendar_spec_set_option(s, ITSM_CAL_HALF_DAY_SECONDS, -1), ITSM_EINVAL, "HALF_DAY");
    assert_itsm_error(itsm_calendar_spec_add_holidays(s, NULL), ITSM_EINVAL, "set");
    assert_int_equal(s->closure_count, 0);
    assert_int_equal(s->opening_count, 0);
    assert_false(itsm__spec_option_is_set(s, ITSM_CAL_SEARCH_HORIZON_DAYS));
    assert_itsm_ok(itsm_calendar_spec_set_option(s, ITSM_CAL_SEARCH_HORIZON_DAYS, 30));
    assert_true(itsm__spec_option_is_set(s, ITSM_CAL_SEARCH_HORIZON_DAYS));
    assert_int_equal(s->option[ITSM_CAL_SEARCH_HORIZON_DAYS], 30);
    itsm_calendar_spec_free(s);

    itsm_calendar_spec *out = NULL;
    assert_itsm_error(itsm_calendar_spec_new(&out, "", "UTC", NULL), ITSM_EINVAL, "empty");
    assert_itsm_error(itsm_calendar_spec_new(&out, "x", "Mars/Olympus", NULL), ITSM_ENOTFOUND, "Mars/Olympus");
    assert_itsm_error(itsm_calendar_spec_new(&out, "x", NULL, NULL), ITSM_EINVAL, "zone");
    assert_null(out);
    itsm_calendar_spec_free(NULL);
    itsm_calendar_free(NULL);
}

static void test_spec_merges_intervals(void **state)
{
    (void)state;
    itsm_calendar_spec *s = new_spec("x", "UTC");
    assert_itsm_ok(itsm_calendar_spec_add_interval(s, 1, HM(13, 0), HM(17, 0), 0));
    assert_itsm_ok(itsm_calendar_spec_add_interval(s, 1, HM(9, 0), HM(12, 0), 0));
    assert_int_equal(itsm__spec_week_count(s, 1), 2);
    /* 12:00-13:00 touches both: one interval 9:00-17:00. */
    assert_itsm_ok(itsm_calendar_spec_add_interval(s, 1, HM(12, 0), HM(13, 0), 0));
    assert_int_equal(itsm__spec_week_count(s, 1), 1);
    assert_int_equal(itsm__spec_week(s, 1)[0].start, HM(9, 0));
    assert_int_equal(itsm__spec_week(s, 1)[0].end, HM(17, 0));
    /* An overlapping overnight interval extends it past midnight. */
    assert_itsm_ok(itsm_calendar_spec_add_interval(s, 1, HM(16, 0), HM(2, 0), ITSM_INTERVAL_OVERNIGHT));
    assert_int_equal(itsm__spec_week_count(s, 1), 1);
    assert_true(itsm__interval_is_overnight(&itsm__spec_week(s, 1)[0]));
    assert_int_equal(itsm__interval_end_of_day(&itsm__spec_week(s, 1)[0]), HM(2, 0));
    /* Other weekdays are not touched; a separate interval stays separate. */
    assert_itsm_ok(itsm_calendar_spec_add_interval(s, 2, HM(8, 0), HM(9, 0), 0));
    assert_itsm_ok(itsm_calendar_spec_add_interval(s, 2, HM(10, 0), HM(11, 0), 0));
    assert_int_equal(itsm__spec_week_count(s, 2), 2);
    assert_int_equal(itsm__spec_week_count(s, 3), 0);
    /* More than 24 h after merging: two pieces rebuild it. */
    assert_itsm_ok(itsm_calendar_spec_add_interval(s, 4, 0, HM(24, 0), 0));
    assert_itsm_ok(itsm_calendar_spec_add_interval(s, 4, HM(22, 0), HM(6, 0), ITSM_INTERVAL_OVERNIGHT));
    assert_int_equal(itsm__spec_week_count(s, 4), 1);
    itsm__interval_piece p[2];
    assert_int_equal(itsm__interval_pieces(&itsm__spec_week(s, 4)[0], p), 2);
    itsm_calendar_spec *r = new_spec("rebuilt", "UTC");
    for (int i = 0; i < 2; i++)
        assert_itsm_ok(itsm_calendar_spec_add_interval(r, 4, p[i].start, p[i].end, p[i].flags));
    assert_int_equal(itsm__spec_week_count(r, 4), 1);
    assert_int_equal(itsm__spec_week(r, 4)[0].start, 0);
    assert_int_equal(itsm__spec_week(r, 4)[0].end, 86400 + HM(6, 0));
    assert_int_equal(itsm__interval_pieces(&itsm__spec_week(s, 1)[0], p), 1);
    assert_int_equal(p[0].flags, ITSM_INTERVAL_OVERNIGHT);
    assert_int_equal(p[0].end, HM(2, 0));
    itsm_calendar_spec_free(r);
    itsm_calendar_spec_free(s);
}

static void test_compile_rejects_empty_calendar(void **state)
{
    (void)state;
    itsm_calendar *cal = NULL;
    itsm_calendar_spec *s = new_spec("nothing", "Asia/Tokyo");
    assert_itsm_error(itsm_calendar_compile(&cal, s), ITSM_EINVAL, "calendar 'nothing' has no open time");
    /* Open only on dates that are all closed. */
    assert_itsm_ok(itsm_calendar_spec_open_date(s, (itsm_date){2024, 5, 1}, HM(9, 0), HM(10, 0), 0));
    assert_itsm_ok(itsm_calendar_spec_close_date(s, (itsm_date){2024, 5, 1}));
    assert_itsm_error(itsm_calendar_compile(&cal, s), ITSM_EINVAL, "has no open time");
    assert_null(cal);
    itsm_calendar_spec_free(s);
}

/* ---- the seed's desk calendar: every operation, exact values -------------------------------- */

static void test_desk_business_seconds(void **state)
{
    (void)state;
    itsm_calendar *cal = desk();
    assert_string_equal(itsm_calendar_name(cal), "desk");
    assert_string_equal(itsm_tz_name(itsm_calendar_zone(cal)), "Asia/Tokyo");
    /* A weekday is 9 h, a Saturday 3 h + 4 h, a Sunday nothing. */
    assert_int_equal(day_total(cal, 2024, 5, 10), 9 * HOUR);
    assert_int_equal(day_total(cal, 2024, 5, 11), 7 * HOUR);
    assert_int_equal(day_total(cal, 2024, 5, 12), 0);
    /* Fri 17:30 .. Sat 10:30 = 30 min + 90 min. */
    assert_int_equal(bsec(cal, "2024-05-10T17:30:00+09:00", "2024-05-11T10:30:00+09:00"), 2 * HOUR);
    /* Reversed spans are negative; empty spans zero. */
    assert_int_equal(bsec(cal, "2024-05-11T10:30:00+09:00", "2024-05-10T17:30:00+09:00"), -2 * HOUR);
    assert_int_equal(bsec(cal, "2024-05-11T10:30:00+09:00", "2024-05-11T10:30:00+09:00"), 0);
    /* The lunch break does not count. */
    assert_int_equal(bsec(cal, "2024-05-11T11:00:00+09:00", "2024-05-11T14:00:00+09:00"), 2 * HOUR);
    /* Golden Week 2024: 4/29 Showa Day, 5/3-5/6 holidays (5/4 a Saturday holiday, 5/6 substitute). */
    assert_int_equal(bsec(cal, "2024-04-27T00:00:00+09:00", "2024-05-08T00:00:00+09:00"),
                     7 * HOUR /* Sat 4/27 */ + 3 * 9 * HOUR /* 4/30, 5/1, 5/2 */ + 9 * HOUR /* 5/7 */);
    /* A whole year: 2024 has 246 working weekdays and 49 working Saturdays. */
    int32_t days = 0;
    assert_itsm_ok(itsm_calendar_business_days(&days, cal, (itsm_date){2024, 1, 1}, (itsm_date){2025, 1, 1}));
    int64_t year = bsec(cal, "2024-01-01T00:00:00+09:00", "2025-01-01T00:00:00+09:00");
    int sat = 0, wd = 0;
    for (int32_t i = 0; i < 366; i++) {
        itsm_date d;
        int w = 0, open = 0;
        assert_itsm_ok(itsm_date_add_days(&d, (itsm_date){2024, 1, 1}, i));
        assert_itsm_ok(itsm_date_weekday(&w, d));
        assert_itsm_ok(itsm_calendar_is_business_day(&open, cal, d));
        sat += open && w == 6;
        wd += open && w < 6;
    }
    assert_int_equal(days, sat + wd);
    assert_int_equal(year, (int64_t)wd * 9 * HOUR + (int64_t)sat * 7 * HOUR);
    itsm_calendar_free(cal);
}

static void test_desk_is_open_next_open_next_close(void **state)
{
    (void)state;
    itsm_calendar *cal = desk();
    assert_int_equal(open_at(cal, "2024-05-10T09:00:00+09:00"), 1);
    assert_int_equal(open_at(cal, "2024-05-10T08:59:59+09:00"), 0);
    assert_int_equal(open_at(cal, "2024-05-10T17:59:59+09:00"), 1);
    assert_int_equal(open_at(cal, "2024-05-10T18:00:00+09:00"), 0); /* half-open: 18:00 is closed */
    assert_int_equal(open_at(cal, "2024-05-11T12:30:00+09:00"), 0); /* Saturday lunch */
    assert_int_equal(open_at(cal, "2024-05-03T10:00:00+09:00"), 0); /* 憲法記念日 */
    assert_int_equal(open_at(cal, "2024-12-30T10:00:00+09:00"), 0); /* year-end closing */
    assert_at(next_open(cal, "2024-05-10T10:00:00+09:00"), "2024-05-10T10:00:00+09:00", cal);
    assert_at(next_open(cal, "2024-05-10T18:00:00+09:00"), "2024-05-11T09:00:00+09:00", cal);
    assert_at(next_open(cal, "2024-05-11T12:00:00+09:00"), "2024-05-11T13:00:00+09:00", cal);
    assert_at(next_open(cal, "2024-05-02T18:00:00+09:00"), "2024-05-07T09:00:00+09:00", cal);
    assert_at(next_open(cal, "2024-12-28T17:00:00+09:00"), "2025-01-04T09:00:00+09:00", cal);
    assert_at(next_close(cal, "2024-05-10T10:00:00+09:00"), "2024-05-10T18:00:00+09:00", cal);
    assert_at(next_close(cal, "2024-05-11T09:00:00+09:00"), "2024-05-11T12:00:00+09:00", cal);
    assert_at(next_close(cal, "2024-05-11T12:00:00+09:00"), "2024-05-11T17:00:00+09:00", cal);
    assert_at(next_close(cal, "2024-05-03T10:00:00+09:00"), "2024-05-07T18:00:00+09:00", cal);
    itsm_calendar_free(cal);
}

/* Guideline 5.2 worked examples (reception Mon-Fri 9:00-18:00, Sat 9:00-12:00, 13:00-17:00). */
static void test_seed_sample_hours_add_business(void **state)
{
    (void)state;
    itsm_calendar *cal = desk();
    /* Fri 17:30 + 2 h: 30 min on Friday (17:30-18:00), 90 min on Saturday (9:00-10:30). */
    assert_at(add(cal, "2024-05-10T17:30:00+09:00", 2 * HOUR), "2024-05-11T10:30:00+09:00", cal);
    /* Sat 11:30 + 2 h: 30 min before lunch, 90 min after it (13:00-14:30). */
    assert_at(add(cal, "2024-05-11T11:30:00+09:00", 2 * HOUR), "2024-05-11T14:30:00+09:00", cal);
    /* Sat 16:30 + 1 h: 30 min on Saturday, Sunday closed, 30 min on Monday. */
    assert_at(add(cal, "2024-05-11T16:30:00+09:00", HOUR), "2024-05-13T09:30:00+09:00", cal);
    /* A call on Sunday starts the clock on Monday 9:00. */
    assert_at(add(cal, "2024-05-12T15:00:00+09:00", 4 * HOUR), "2024-05-13T13:00:00+09:00", cal);
    /* Thu 5/2 17:00 + 2 h: 1 h on Thursday, then Golden Week (5/3-5/6) is skipped: Tue 5/7 10:00. */
    assert_at(add(cal, "2024-05-02T17:00:00+09:00", 2 * HOUR), "2024-05-07T10:00:00+09:00", cal);
    /* Fri 12/27 17:00 + 4 h: 1 h Friday, 3 h Saturday morning: ends at 12:00 exactly, the
     * lunch close, which is the deadline (not 13:00). */
    assert_at(add(cal, "2024-12-27T17:00:00+09:00", 4 * HOUR), "2024-12-28T12:00:00+09:00", cal);
    /* Sat 12/28 16:00 + 2 h: 1 h Saturday, then 12/29-1/3 closed, 1 h on Sat 1/4: 10:00. */
    assert_at(add(cal, "2024-12-28T16:00:00+09:00", 2 * HOUR), "2025-01-04T10:00:00+09:00", cal);
    /* Zero adds nothing, even when closed. */
    assert_at(add(cal, "2024-05-12T15:00:00+09:00", 0), "2024-05-12T15:00:00+09:00", cal);
    /* Backwards: 2 business hours before Sat 10:30 is Fri 17:30. */
    assert_at(sub(cal, "2024-05-11T10:30:00+09:00", 2 * HOUR), "2024-05-10T17:30:00+09:00", cal);
    /* 1 h before Tue 5/7 9:30 lands before the holidays: Thu 5/2 17:30. */
    assert_at(sub(cal, "2024-05-07T09:30:00+09:00", HOUR), "2024-05-02T17:30:00+09:00", cal);
    /* Backwards to an opening: the latest instant, i.e. the opening itself (Sat 13:00, not 12:00). */
    assert_at(sub(cal, "2024-05-11T14:00:00+09:00", HOUR), "2024-05-11T13:00:00+09:00", cal);
    assert_at(sub(cal, "2024-05-11T14:00:00+09:00", 2 * HOUR), "2024-05-11T11:00:00+09:00", cal);
    itsm_calendar_free(cal);
}

static void test_seed_sample_hours_calendar_words(void **state)
{
    (void)state;
    itsm_calendar *cal = desk();
    /* 当日 (same day): a call at Fri 10:00 is due at Friday's close. */
    assert_at(end_of_day(cal, "2024-05-10T10:00:00+09:00", 0), "2024-05-10T18:00:00+09:00", cal);
    /* ... at Fri 18:30 the day has no time left: the business day containing it is Saturday. */
    assert_at(end_of_day(cal, "2024-05-10T18:30:00+09:00", 0), "2024-05-11T17:00:00+09:00", cal);
    /* ... before opening it is that day. */
    assert_at(end_of_day(cal, "2024-05-10T07:00:00+09:00", 0), "2024-05-10T18:00:00+09:00", cal);
    /* 翌営業日 (next business day): Fri 17:30 -> Saturday's close; Fri 18:30 -> Monday's. */
    assert_at(end_of_day(cal, "2024-05-10T17:30:00+09:00", 1), "2024-05-11T17:00:00+09:00", cal);
    assert_at(end_of_day(cal, "2024-05-10T18:30:00+09:00", 1), "2024-05-13T18:00:00+09:00", cal);
    /* Thu 5/2 10:00 next business day: Tue 5/7 (Golden Week). */
    assert_at(end_of_day(cal, "2024-05-02T10:00:00+09:00", 1), "2024-05-07T18:00:00+09:00", cal);
    /* 半日以内 (half a day): half of the day on which the clock starts. Fri 17:30: Friday
     * has 9 h, half 4.5 h = 30 min Fri + 3 h Sat morning + 1 h after lunch = Sat 14:00. */
    itsm_instant u = 0;
    assert_itsm_ok(itsm_calendar_half_business_day(&u, cal, at("2024-05-10T17:30:00+09:00")));
    assert_at(u, "2024-05-11T14:00:00+09:00", cal);
    /* Sat 10:00: Saturday has 7 h, half 3.5 h = 2 h + 1.5 h after lunch = Sat 14:30. */
    assert_itsm_ok(itsm_calendar_half_business_day(&u, cal, at("2024-05-11T10:00:00+09:00")));
    assert_at(u, "2024-05-11T14:30:00+09:00", cal);
    /* Sat 18:00 (closed): the clock starts Monday (9 h), 4.5 h -> Mon 13:30. */
    assert_itsm_ok(itsm_calendar_half_business_day(&u, cal, at("2024-05-11T18:00:00+09:00")));
    assert_at(u, "2024-05-13T13:30:00+09:00", cal);
    /* 翌月月初10営業日以内: reported in April 2024 -> 10th business day of May: 5/1, 5/2,
     * (5/3-5/6 closed), 5/7, 5/8, 5/9, 5/10, Sat 5/11, 5/13, 5/14, 5/15 -> 5/15 18:00. */
    assert_itsm_ok(itsm_calendar_nth_business_day(&u, cal, 2024, 4 + 1, 10));
    assert_at(u, "2024-05-15T18:00:00+09:00", cal);
    /* Reported in December: month 13 is January; 1/1-1/3 closed, Sat 1/4 first. */
    assert_itsm_ok(itsm_calendar_nth_business_day(&u, cal, 2024, 12 + 1, 1));
    assert_at(u, "2025-01-04T17:00:00+09:00", cal);
    assert_itsm_error(itsm_calendar_nth_business_day(&u, cal, 2024, 5, 0), ITSM_EINVAL, "n 0");
    itsm_calendar_free(cal);
}

static void test_desk_business_days(void **state)
{
    (void)state;
    itsm_calendar *cal = desk();
    assert_int_equal(business_day(cal, 2024, 5, 10), 1);
    assert_int_equal(business_day(cal, 2024, 5, 11), 1); /* Saturday */
    assert_int_equal(business_day(cal, 2024, 5, 12), 0); /* Sunday */
    assert_int_equal(business_day(cal, 2024, 5, 4), 0);  /* みどりの日 on a Saturday */
    assert_int_equal(business_day(cal, 2024, 5, 6), 0);  /* 振替休日 */
    assert_int_equal(business_day(cal, 2024, 12, 30), 0);
    int32_t n = 0;
    assert_itsm_ok(itsm_calendar_business_days(&n, cal, (itsm_date){2024, 5, 1}, (itsm_date){2024, 5, 8}));
    assert_int_equal(n, 3); /* 5/1, 5/2, 5/7 */
    assert_itsm_ok(itsm_calendar_business_days(&n, cal, (itsm_date){2024, 5, 8}, (itsm_date){2024, 5, 1}));
    assert_int_equal(n, -3);
    assert_itsm_ok(itsm_calendar_business_days(&n, cal, (itsm_date){2024, 5, 8}, (itsm_date){2024, 5, 8}));
    assert_int_equal(n, 0);
    /* add_business_days: Thu 5/2 10:00 + 1 business day keeps 10:00 on Tue 5/7. */
    assert_at(add_days_op(cal, "2024-05-02T10:00:00+09:00", 1, ITSM_KEEP_TIME), "2024-05-07T10:00:00+09:00", cal);
    assert_at(add_days_op(cal, "2024-05-02T10:00:00+09:00", 1, ITSM_END_OF_DAY), "2024-05-07T18:00:00+09:00", cal);
    assert_at(add_days_op(cal, "2024-05-02T10:00:00+09:00", 0, ITSM_END_OF_DAY), "2024-05-02T18:00:00+09:00", cal);
    /* n = 0 on a closed date: the next business date. */
    assert_at(add_days_op(cal, "2024-05-03T10:00:00+09:00", 0, ITSM_KEEP_TIME), "2024-05-07T10:00:00+09:00", cal);
    /* n = 1 from a closed date: the first business date after it. */
    assert_at(add_days_op(cal, "2024-05-05T10:00:00+09:00", 1, ITSM_KEEP_TIME), "2024-05-07T10:00:00+09:00", cal);
    /* KEEP_TIME snaps forward into open time: Fri 12:30 + 1 -> Sat 12:30 (lunch) -> 13:00;
     * Thu 19:00 + 1 -> Fri 19:00 (closed) -> Sat 9:00. */
    assert_at(add_days_op(cal, "2024-05-10T12:30:00+09:00", 1, ITSM_KEEP_TIME), "2024-05-11T13:00:00+09:00", cal);
    assert_at(add_days_op(cal, "2024-05-09T19:00:00+09:00", 1, ITSM_KEEP_TIME), "2024-05-11T09:00:00+09:00", cal);
    /* Saturday counts: Fri + 2 = Mon. */
    assert_at(add_days_op(cal, "2024-05-10T10:00:00+09:00", 2, ITSM_END_OF_DAY), "2024-05-13T18:00:00+09:00", cal);
    itsm_instant u = 0;
    assert_itsm_error(itsm_calendar_add_business_days(&u, cal, at("2024-05-10T10:00:00+09:00"), -1, ITSM_KEEP_TIME),
                      ITSM_EINVAL, "n -1");
    assert_itsm_error(itsm_calendar_add_business_days(&u, cal, at("2024-05-10T10:00:00+09:00"), 1,
                                                      (itsm_business_day_mode)7),
                      ITSM_EINVAL, "mode 7");
    assert_itsm_error(itsm_calendar_end_of_business_day(&u, cal, at("2024-05-10T10:00:00+09:00"), -1), ITSM_EINVAL,
                      "k -1");
    itsm_calendar_free(cal);
}

static void test_closures_and_openings(void **state)
{
    (void)state;
    itsm_calendar_spec *s = desk_spec();
    /* A special working Sunday 5/12 10:00-15:00; the 5/3 holiday opened 10:00-12:00; a
     * planned stop on Mon 5/13 12:00-14:00; Tue 5/14 replaced by 13:00-15:00; Wed 5/15
     * closed although it also has an extra opening (closures win). */
    assert_itsm_ok(itsm_calendar_spec_open_date(s, (itsm_date){2024, 5, 12}, HM(10, 0), HM(15, 0), 0));
    assert_itsm_ok(itsm_calendar_spec_open_date(s, (itsm_date){2024, 5, 3}, HM(10, 0), HM(12, 0), 0));
    assert_itsm_ok(itsm_calendar_spec_close_part(s, (itsm_date){2024, 5, 13}, HM(12, 0), HM(14, 0)));
    assert_itsm_ok(itsm_calendar_spec_open_date(s, (itsm_date){2024, 5, 14}, HM(13, 0), HM(15, 0), 1));
    assert_itsm_ok(itsm_calendar_spec_open_date(s, (itsm_date){2024, 5, 15}, HM(19, 0), HM(20, 0), 0));
    assert_itsm_ok(itsm_calendar_spec_close_date(s, (itsm_date){2024, 5, 15}));
    /* An extra opening that extends a weekday: Thu 5/16 18:00-20:00 joins 9:00-18:00. */
    assert_itsm_ok(itsm_calendar_spec_open_date(s, (itsm_date){2024, 5, 16}, HM(18, 0), HM(20, 0), 0));
    itsm_calendar *cal = build(s);
    assert_int_equal(day_total(cal, 2024, 5, 12), 5 * HOUR);
    assert_int_equal(day_total(cal, 2024, 5, 3), 2 * HOUR);
    assert_int_equal(day_total(cal, 2024, 5, 13), 7 * HOUR);
    assert_int_equal(day_total(cal, 2024, 5, 14), 2 * HOUR);
    assert_int_equal(day_total(cal, 2024, 5, 15), 0);
    assert_int_equal(day_total(cal, 2024, 5, 16), 11 * HOUR);
    assert_int_equal(business_day(cal, 2024, 5, 12), 1);
    assert_int_equal(business_day(cal, 2024, 5, 15), 0);
    assert_at(next_close(cal, "2024-05-16T10:00:00+09:00"), "2024-05-16T20:00:00+09:00", cal);
    assert_at(add(cal, "2024-05-13T11:00:00+09:00", 2 * HOUR), "2024-05-13T15:00:00+09:00", cal);
    assert_at(next_open(cal, "2024-05-14T08:00:00+09:00"), "2024-05-14T13:00:00+09:00", cal);
    assert_at(add(cal, "2024-05-14T14:00:00+09:00", 2 * HOUR), "2024-05-16T10:00:00+09:00", cal);
    itsm_calendar_free(cal);
}

/* ---- section 5 of reference/sla-engines.md ---------------------------------------------------- */

/* GLPI PR #22678: Mon-Fri 08-18, TTO 4 h from Mon 17:00 -> Tue 11:00; "1 h before the
 * deadline" is subtracted in business time: Tue 10:00, not Tue 00:00. */
static void test_case_2_escalation_before_deadline_in_business_time(void **state)
{
    (void)state;
    itsm_calendar *cal = simple("Europe/Paris", DAYS_WEEK, HM(8, 0), HM(18, 0), 0);
    itsm_instant deadline = add(cal, "2024-06-03T17:00:00+02:00", 4 * HOUR);
    assert_at(deadline, "2024-06-04T11:00:00+02:00", cal);
    itsm_instant u = 0;
    assert_itsm_ok(itsm_calendar_sub_business(&u, cal, deadline, HOUR));
    assert_at(u, "2024-06-04T10:00:00+02:00", cal);
    /* 4 h before: Mon 17:00, back over the night. */
    assert_itsm_ok(itsm_calendar_sub_business(&u, cal, deadline, 4 * HOUR));
    assert_at(u, "2024-06-03T17:00:00+02:00", cal);
    itsm_calendar_free(cal);
}

/* GLPI #687 / #12167, Zammad #390: a ticket created outside business hours starts its
 * clock at the next opening; a clock stopped before opening has 0 s; only configured
 * holidays count. */
static void test_case_3_created_outside_business_hours(void **state)
{
    (void)state;
    itsm_calendar_spec *s = new_spec("zammad", "Europe/Berlin");
    add_days(s, DAYS_ALL, HM(8, 0), HM(20, 0), 0); /* 12 h a day */
    itsm_holiday_set *set = NULL;
    assert_itsm_ok(itsm_holiday_set_new(&set, "only-one"));
    assert_itsm_ok(itsm_holiday_set_add_date(set, (itsm_date){2024, 11, 13}, "company day"));
    assert_itsm_ok(itsm_calendar_spec_add_holidays(s, set));
    itsm_holiday_set_free(set);
    itsm_calendar *cal = build(s);
    /* Created Mon 11/11 23:00: clock starts Tue 8:00; stopped Tue 7:00 = 0 s. */
    assert_at(next_open(cal, "2024-11-11T23:00:00+01:00"), "2024-11-12T08:00:00+01:00", cal);
    assert_int_equal(bsec(cal, "2024-11-11T23:00:00+01:00", "2024-11-12T07:00:00+01:00"), 0);
    /* 48 h = 4 days of 12 h: Tue, (Wed 11/13 is the one holiday), Thu, Fri, Sat -> Sat 20:00.
     * Not 6 days: St. Martin (11/11) and other unconfigured days do not close. */
    assert_at(add(cal, "2024-11-11T23:00:00+01:00", 48 * HOUR), "2024-11-16T20:00:00+01:00", cal);
    itsm_calendar_free(cal);
}

/* GLPI PR #7474, biz #130, Zammad #2497, Business::Hours 0.08: no working time must not hang. */
static void test_case_7_empty_calendar_is_an_error_not_a_hang(void **state)
{
    (void)state;
    itsm_calendar *cal = NULL;
    itsm_calendar_spec *s = new_spec("empty", "Europe/Berlin");
    assert_itsm_error(itsm_calendar_compile(&cal, s), ITSM_EINVAL, "has no open time");
    /* Zammad's 09:00 -> 00:00 must be declared overnight; then it is 9:00-24:00. */
    assert_itsm_error(itsm_calendar_spec_add_interval(s, 1, HM(9, 0), 0, 0), ITSM_EINVAL, "OVERNIGHT");
    assert_itsm_ok(itsm_calendar_spec_add_interval(s, 1, HM(9, 0), 0, ITSM_INTERVAL_OVERNIGHT));
    itsm_calendar_spec_free(s);
    /* biz's {'00:00' => '00:00'}: as an overnight interval it is a whole day, every day. */
    cal = simple("Europe/Berlin", DAYS_ALL, 0, 0, ITSM_INTERVAL_OVERNIGHT);
    assert_int_equal(bsec(cal, "2024-06-03T00:00:00+02:00", "2024-06-10T00:00:00+02:00"), 7 * 24 * HOUR);
    itsm_calendar_free(cal);
}

/* Zammad #3180: 00:00-23:59 loses a minute a day; 00:00-24:00 is the whole day. */
static void test_case_8_24x7_is_not_closed_one_minute_a_day(void **state)
{
    (void)state;
    itsm_calendar *cal = simple("Asia/Tokyo", DAYS_ALL, 0, HM(24, 0), 0);
    assert_int_equal(bsec(cal, "2024-06-03T00:00:00+09:00", "2024-06-10T00:00:00+09:00"), 7 * 24 * HOUR);
    assert_int_equal(open_at(cal, "2024-06-03T23:59:30+09:00"), 1);
    assert_at(add(cal, "2024-06-03T23:30:00+09:00", HOUR), "2024-06-04T00:30:00+09:00", cal);
    itsm_calendar_free(cal);
    /* 23:59 is taken as written (no silent normalisation): 60 s a day closed. */
    cal = simple("Asia/Tokyo", DAYS_ALL, 0, HM(23, 59), 0);
    assert_int_equal(bsec(cal, "2024-06-03T00:00:00+09:00", "2024-06-10T00:00:00+09:00"), 7 * (24 * HOUR - 60));
    itsm_calendar_free(cal);
}

/* chatwoot #6733: overnight shifts 21:00-02:00 can be entered, and a holiday on the start
 * day removes the whole shift (default) or just its part of the date (option). */
static void test_case_9_overnight_shift(void **state)
{
    (void)state;
    for (int split = 0; split <= 1; split++) {
        itsm_calendar_spec *s = new_spec("night", "UTC");
        add_days(s, DAYS_WEEK, HM(21, 0), HM(2, 0), ITSM_INTERVAL_OVERNIGHT);
        assert_itsm_ok(itsm_calendar_spec_close_date(s, (itsm_date){2024, 6, 5})); /* Wednesday */
        assert_itsm_ok(itsm_calendar_spec_set_option(s, ITSM_CAL_CLOSURE_SPLITS_OVERNIGHT, split));
        itsm_calendar *cal = build(s);
        /* Tue's shift: 21:00 Tue .. 02:00 Wed. */
        assert_int_equal(open_at(cal, "2024-06-04T21:00:00Z"), 1);
        assert_int_equal(open_at(cal, "2024-06-05T01:00:00Z"), split ? 0 : 1);
        /* Wed's shift (closed). */
        assert_int_equal(open_at(cal, "2024-06-05T22:00:00Z"), 0);
        assert_int_equal(open_at(cal, "2024-06-06T01:00:00Z"), split ? 1 : 0);
        /* Thu's shift runs into Friday. */
        assert_int_equal(open_at(cal, "2024-06-07T01:59:59Z"), 1);
        assert_int_equal(open_at(cal, "2024-06-07T02:00:00Z"), 0);
        /* Week Mon 00:00 .. next Mon 00:00: 5 shifts of 5 h minus the closed one. Split: Tue
         * loses 2 h after midnight, Wed keeps 2 h after midnight, so the total is the same. */
        assert_int_equal(bsec(cal, "2024-06-03T00:00:00Z", "2024-06-10T00:00:00Z"), 4 * 5 * HOUR);
        itsm_calendar_free(cal);
    }
}

/* moment-business-time #58: Europe/Amsterdam 00:00-10:00; 2022-10-30 02:00 CEST + 1
 * working hour is 02:00 CET (the repeated hour counts once per real hour). */
static void test_case_10_dst_fall_back_add_one_hour(void **state)
{
    (void)state;
    itsm_calendar *cal = simple("Europe/Amsterdam", DAYS_ALL, 0, HM(10, 0), 0);
    assert_at(add(cal, "2022-10-30T02:00:00+02:00", HOUR), "2022-10-30T02:00:00+01:00", cal);
    assert_int_equal(day_total(cal, 2022, 10, 30), 11 * HOUR);
    /* The local hour 02:00-03:00 happens twice and counts 2 h. */
    assert_int_equal(bsec(cal, "2022-10-30T02:00:00+02:00", "2022-10-30T03:00:00+01:00"), 2 * HOUR);
    itsm_calendar_free(cal);
    /* working_hours #26: advancing to working time at the New York fall-back, with hours
     * from 02:00: the clock reaches 02:00 only after the repeated hour, at 02:00 -05:00. */
    cal = simple("America/New_York", DAYS_ALL, HM(2, 0), HM(5, 0), 0);
    assert_at(next_open(cal, "2024-11-03T01:30:00-04:00"), "2024-11-03T02:00:00-05:00", cal);
    assert_at(next_open(cal, "2024-11-03T01:30:00-05:00"), "2024-11-03T02:00:00-05:00", cal);
    itsm_calendar_free(cal);
}

/* OTRS bug 9884: America/Sao_Paulo, where 00:00 did not exist on DST start days: the day
 * starts at 01:00. */
static void test_case_11_dst_change_at_midnight(void **state)
{
    (void)state;
    itsm_calendar *cal = simple("America/Sao_Paulo", DAYS_ALL, 0, HM(12, 0), 0);
    /* 2018-11-04: clocks jumped from 00:00 to 01:00: the working day 00:00-12:00 has 11 h. */
    assert_int_equal(day_total(cal, 2018, 11, 4), 11 * HOUR);
    assert_at(next_open(cal, "2018-11-03T20:00:00-03:00"), "2018-11-04T01:00:00-02:00", cal);
    assert_int_equal(open_at(cal, "2018-11-04T01:00:00-02:00"), 1);
    /* 2019-02-17: clocks fell back from 00:00 to 23:00 of the 16th; the 17th is 12 h. */
    assert_int_equal(day_total(cal, 2019, 2, 17), 12 * HOUR);
    assert_int_equal(bsec(cal, "2018-11-03T00:00:00-03:00", "2018-11-06T00:00:00-02:00"), 12 * HOUR + 11 * HOUR + 12 * HOUR);
    itsm_calendar_free(cal);
}

/* dbt_zendesk #25: each instant uses the offset of its own date, not today's. */
static void test_case_12_historic_offsets(void **state)
{
    (void)state;
    itsm_calendar *cal = simple("Europe/Amsterdam", DAYS_WEEK, HM(9, 0), HM(17, 0), 0);
    /* 09:00 local is 08:00Z in winter and 07:00Z in summer. */
    assert_int_equal(open_at(cal, "2024-01-15T08:00:00Z"), 1);
    assert_int_equal(open_at(cal, "2024-01-15T07:30:00Z"), 0);
    assert_int_equal(open_at(cal, "2024-07-15T07:00:00Z"), 1);
    assert_int_equal(open_at(cal, "2024-07-15T15:30:00Z"), 0);
    /* 1975 (no DST in the Netherlands) and 1985 (with DST): same local hours. */
    assert_int_equal(open_at(cal, "1975-07-14T08:00:00Z"), 1);
    assert_int_equal(open_at(cal, "1985-07-15T07:00:00Z"), 1);
    assert_int_equal(open_at(cal, "1985-07-15T15:00:00Z"), 0);
    itsm_calendar_free(cal);
}

/* Zammad #4432 / biz: a deadline exactly at closing time is that instant; the option
 * moves it to the next opening. */
static void test_case_17_deadline_at_closing_time(void **state)
{
    (void)state;
    itsm_calendar *cal = simple("Europe/Berlin", DAYS_WEEK, HM(9, 0), HM(17, 0), 0);
    assert_at(add(cal, "2024-06-07T09:00:00+02:00", 8 * HOUR), "2024-06-07T17:00:00+02:00", cal);
    itsm_calendar_free(cal);
    itsm_calendar_spec *s = new_spec("snap", "Europe/Berlin");
    add_days(s, DAYS_WEEK, HM(9, 0), HM(17, 0), 0);
    assert_itsm_ok(itsm_calendar_spec_set_option(s, ITSM_CAL_SNAP_DEADLINE_TO_OPEN, 1));
    cal = build(s);
    assert_at(add(cal, "2024-06-07T09:00:00+02:00", 8 * HOUR), "2024-06-10T09:00:00+02:00", cal);
    /* Not at a close: unchanged. */
    assert_at(add(cal, "2024-06-07T09:00:00+02:00", 7 * HOUR), "2024-06-07T16:00:00+02:00", cal);
    itsm_calendar_free(cal);
}

/* osTicket #6847: a lunch break is a gap between intervals, not a holiday. */
static void test_case_18_lunch_break_is_a_gap(void **state)
{
    (void)state;
    itsm_calendar_spec *s = new_spec("lunch", "Asia/Tokyo");
    add_days(s, DAYS_WEEK, HM(9, 0), HM(12, 0), 0);
    add_days(s, DAYS_WEEK, HM(13, 0), HM(18, 0), 0);
    itsm_calendar *cal = build(s);
    assert_int_equal(day_total(cal, 2024, 6, 3), 8 * HOUR);
    assert_at(add(cal, "2024-06-03T11:30:00+09:00", HOUR), "2024-06-03T13:30:00+09:00", cal);
    assert_at(next_close(cal, "2024-06-03T09:00:00+09:00"), "2024-06-03T12:00:00+09:00", cal);
    assert_int_equal(business_day(cal, 2024, 6, 3), 1);
    itsm_calendar_free(cal);
}

/* Business::Hours 0.13 / rt.cpan #13374: integer UTC seconds across year ends and
 * around 0 (epoch 0 is a business second in Guam). */
static void test_case_20_year_ends_and_epoch_zero(void **state)
{
    (void)state;
    itsm_calendar *cal = simple("UTC", DAYS_WEEK, HM(9, 0), HM(17, 0), 0);
    /* Wed 1969-12-31 12:00 .. Thu 1970-01-01 12:00: 5 h + 3 h. */
    assert_int_equal(bsec(cal, "1969-12-31T12:00:00Z", "1970-01-01T12:00:00Z"), 8 * HOUR);
    /* Mon 2018-12-31 16:00 + 2 h -> Tue 2019-01-01 10:00 (no holidays here). */
    assert_at(add(cal, "2018-12-31T16:00:00Z", 2 * HOUR), "2019-01-01T10:00:00Z", cal);
    assert_at(sub(cal, "2019-01-01T10:00:00Z", 2 * HOUR), "2018-12-31T16:00:00Z", cal);
    itsm_calendar_free(cal);
    cal = simple("Pacific/Guam", DAYS_ALL, 0, HM(24, 0), 0);
    int open = 0;
    itsm_instant u = -1;
    assert_itsm_ok(itsm_calendar_is_open(&open, cal, 0));
    assert_int_equal(open, 1);
    assert_itsm_ok(itsm_calendar_next_open(&u, cal, 0));
    assert_int_equal(u, 0);
    itsm_calendar_free(cal);
}

/* RT I#32487: Sunday given as 7 was silently ignored. ISO 7 is Sunday; 0 is an error. */
static void test_case_21_weekday_numbering(void **state)
{
    (void)state;
    itsm_calendar *cal = simple("UTC", "7", HM(10, 0), HM(12, 0), 0);
    assert_int_equal(business_day(cal, 2024, 6, 9), 1);  /* Sunday */
    assert_int_equal(business_day(cal, 2024, 6, 10), 0); /* Monday */
    assert_int_equal(bsec(cal, "2024-06-03T00:00:00Z", "2024-06-10T00:00:00Z"), 2 * HOUR);
    itsm_calendar_free(cal);
    itsm_calendar_spec *s = new_spec("x", "UTC");
    assert_itsm_error(itsm_calendar_spec_add_interval(s, 0, HM(10, 0), HM(12, 0), 0), ITSM_EINVAL,
                      "weekday 0 is not an ISO weekday");
    assert_itsm_error(itsm_calendar_spec_add_interval(s, 8, HM(10, 0), HM(12, 0), 0), ITSM_EINVAL, "weekday 8");
    itsm_calendar_spec_free(s);
}

/* RT a938cdc1d5 / GLPI: "2 business days" is not 48 business hours nor 16 h. */
static void test_case_22_business_day_units_are_separate(void **state)
{
    (void)state;
    itsm_calendar *cal = simple("UTC", DAYS_WEEK, HM(9, 0), HM(17, 0), 0);
    const char *mon = "2024-06-03T10:00:00Z";
    assert_at(add_days_op(cal, mon, 2, ITSM_KEEP_TIME), "2024-06-05T10:00:00Z", cal);
    assert_at(add_days_op(cal, mon, 2, ITSM_END_OF_DAY), "2024-06-05T17:00:00Z", cal);
    /* 16 business hours is also Wed 10:00 here, but 48 business hours is 6 days. */
    assert_at(add(cal, mon, 16 * HOUR), "2024-06-05T10:00:00Z", cal);
    assert_at(add(cal, mon, 48 * HOUR), "2024-06-11T10:00:00Z", cal);
    /* Calendar time: 48 h of a 24x7 calendar is two calendar days. */
    itsm_calendar *all = simple("UTC", DAYS_ALL, 0, HM(24, 0), 0);
    assert_at(add(all, mon, 48 * HOUR), "2024-06-05T10:00:00Z", all);
    /* "next day" 翌日 on 24x7 is the end of the next calendar day. */
    assert_at(end_of_day(all, mon, 1), "2024-06-05T00:00:00Z", all);
    itsm_calendar_free(all);
    itsm_calendar_free(cal);
}

/* nextcloud #747, GLPI ranges over the year end: a Feb 29 rule only in leap years, and
 * a Dec 24 - Jan 2 range that crosses the year end. */
static void test_case_23_leap_day_and_year_end_ranges(void **state)
{
    (void)state;
    itsm_calendar_spec *s = new_spec("rules", "UTC");
    add_days(s, DAYS_ALL, HM(9, 0), HM(17, 0), 0);
    itsm_holiday_set *set = NULL;
    assert_itsm_ok(itsm_holiday_set_new(&set, "rules"));
    assert_itsm_ok(itsm_holiday_set_add_fixed(set, 2, 29, "leap", 0, 0));
    assert_itsm_ok(itsm_holiday_set_add_range(set, 12, 24, 1, 2, "winter", 0, 0));
    assert_itsm_ok(itsm_calendar_spec_add_holidays(s, set));
    itsm_holiday_set_free(set);
    itsm_calendar *cal = build(s);
    assert_int_equal(business_day(cal, 2024, 2, 29), 0);
    assert_int_equal(business_day(cal, 2023, 2, 28), 1);
    assert_int_equal(business_day(cal, 2023, 3, 1), 1);
    assert_int_equal(business_day(cal, 2024, 12, 31), 0);
    assert_int_equal(business_day(cal, 2025, 1, 2), 0);
    assert_int_equal(business_day(cal, 2025, 1, 3), 1);
    assert_int_equal(business_day(cal, 2024, 12, 23), 1);
    assert_at(add(cal, "2024-12-23T16:00:00Z", 2 * HOUR), "2025-01-03T10:00:00Z", cal);
    itsm_calendar_free(cal);
}

/* ---- DST calendars -------------------------------------------------------------------------- */

static void test_dst_amsterdam(void **state)
{
    (void)state;
    itsm_calendar *cal = simple("Europe/Amsterdam", DAYS_ALL, 0, HM(10, 0), 0);
    assert_int_equal(day_total(cal, 2024, 10, 27), 11 * HOUR);
    assert_int_equal(day_total(cal, 2024, 3, 31), 9 * HOUR);
    assert_int_equal(day_total(cal, 2024, 6, 1), 10 * HOUR);
    assert_at(add(cal, "2024-03-31T01:00:00+01:00", 2 * HOUR), "2024-03-31T04:00:00+02:00", cal);
    assert_at(sub(cal, "2024-10-27T03:00:00+01:00", 2 * HOUR), "2024-10-27T02:00:00+02:00", cal);
    itsm_calendar_free(cal);
    /* An interval inside the spring-forward gap has no time; one across it shrinks. */
    cal = simple("Europe/Amsterdam", "7", HM(2, 0), HM(4, 0), 0);
    assert_int_equal(day_total(cal, 2024, 3, 31), HOUR);
    assert_int_equal(day_total(cal, 2024, 10, 27), 3 * HOUR);
    assert_int_equal(day_total(cal, 2024, 4, 7), 2 * HOUR);
    itsm_calendar_free(cal);
    cal = simple("Europe/Amsterdam", "7", HM(2, 15), HM(2, 45), 0);
    assert_int_equal(day_total(cal, 2024, 3, 31), 0);
    assert_int_equal(business_day(cal, 2024, 3, 31), 0);
    assert_int_equal(business_day(cal, 2024, 4, 7), 1);
    itsm_calendar_free(cal);
}

static void test_dst_new_york(void **state)
{
    (void)state;
    itsm_calendar *cal = simple("America/New_York", DAYS_ALL, HM(1, 0), HM(3, 0), 0);
    assert_int_equal(day_total(cal, 2024, 3, 10), HOUR);     /* 02:00-03:00 skipped */
    assert_int_equal(day_total(cal, 2024, 11, 3), 3 * HOUR); /* 01:00-02:00 twice */
    assert_int_equal(day_total(cal, 2024, 11, 4), 2 * HOUR);
    assert_at(next_close(cal, "2024-11-03T01:30:00-04:00"), "2024-11-03T03:00:00-05:00", cal);
    assert_at(add(cal, "2024-03-10T01:30:00-05:00", HOUR), "2024-03-11T01:30:00-04:00", cal);
    itsm_calendar_free(cal);
    cal = simple("America/New_York", DAYS_WEEK, HM(9, 0), HM(17, 0), 0);
    /* Fri 2024-03-08 16:00 EST + 2 h -> Mon 2024-03-11 10:00 EDT. */
    assert_at(add(cal, "2024-03-08T16:00:00-05:00", 2 * HOUR), "2024-03-11T10:00:00-04:00", cal);
    assert_int_equal(bsec(cal, "2024-03-08T16:00:00-05:00", "2024-03-11T10:00:00-04:00"), 2 * HOUR);
    itsm_calendar_free(cal);
}

static void test_dst_lord_howe_half_hour(void **state)
{
    (void)state;
    itsm_calendar *cal = simple("Australia/Lord_Howe", DAYS_ALL, 0, HM(10, 0), 0);
    /* 2024-10-06 02:00 -> 02:30 (+10:30 -> +11); 2024-04-07 02:00 -> 01:30. */
    assert_int_equal(day_total(cal, 2024, 10, 6), 10 * HOUR - 1800);
    assert_int_equal(day_total(cal, 2024, 4, 7), 10 * HOUR + 1800);
    assert_at(add(cal, "2024-10-06T01:30:00+10:30", HOUR), "2024-10-06T03:00:00+11:00", cal);
    assert_at(add(cal, "2024-04-07T01:30:00+11:00", HOUR), "2024-04-07T02:00:00+10:30", cal);
    itsm_calendar_free(cal);
}

/* Pacific/Apia skipped 2011-12-30: an empty day in the table. */
static void test_dst_apia_missing_date(void **state)
{
    (void)state;
    itsm_calendar *cal = simple("Pacific/Apia", DAYS_ALL, 0, HM(24, 0), 0);
    assert_int_equal(business_day(cal, 2011, 12, 30), 0);
    assert_int_equal(business_day(cal, 2011, 12, 29), 1);
    assert_int_equal(business_day(cal, 2011, 12, 31), 1);
    int32_t n = 0;
    assert_itsm_ok(itsm_calendar_business_days(&n, cal, (itsm_date){2011, 12, 29}, (itsm_date){2012, 1, 1}));
    assert_int_equal(n, 2);
    /* Real seconds across the jump: 24x7 business time equals elapsed time. */
    assert_int_equal(bsec(cal, "2011-12-29T12:00:00-10:00", "2011-12-31T12:00:00+14:00"), 24 * HOUR);
    assert_at(add(cal, "2011-12-29T23:00:00-10:00", 2 * HOUR), "2011-12-31T01:00:00+14:00", cal);
    itsm_calendar_free(cal);
}

/* ---- overnight shifts 22:00-06:00 with both closure options --------------------------------- */

static itsm_calendar *night_shift(int split)
{
    itsm_calendar_spec *s = new_spec("night", "Asia/Tokyo");
    add_days(s, DAYS_WEEK, HM(22, 0), HM(6, 0), ITSM_INTERVAL_OVERNIGHT);
    assert_itsm_ok(itsm_calendar_spec_close_date(s, (itsm_date){2024, 6, 5})); /* Wed */
    assert_itsm_ok(itsm_calendar_spec_set_option(s, ITSM_CAL_CLOSURE_SPLITS_OVERNIGHT, split));
    return build(s);
}

static void test_overnight_default_attribution(void **state)
{
    (void)state;
    itsm_calendar *cal = night_shift(0);
    /* Closing Wed removes Wed 22:00 - Thu 06:00 and nothing of Tue's shift. */
    assert_int_equal(day_total(cal, 2024, 6, 5), 6 * HOUR);
    assert_int_equal(day_total(cal, 2024, 6, 6), 2 * HOUR);
    assert_int_equal(business_day(cal, 2024, 6, 5), 0);
    /* A date owns its shift: Saturday (Friday's tail) is not a business day. */
    assert_int_equal(business_day(cal, 2024, 6, 8), 0);
    assert_int_equal(day_total(cal, 2024, 6, 8), 6 * HOUR);
    /* Tue 23:00 same day: the end of Tuesday's shift, Wed 06:00; next: Thu's shift. */
    assert_at(end_of_day(cal, "2024-06-04T23:00:00+09:00", 0), "2024-06-05T06:00:00+09:00", cal);
    assert_at(end_of_day(cal, "2024-06-05T03:00:00+09:00", 0), "2024-06-05T06:00:00+09:00", cal);
    assert_at(end_of_day(cal, "2024-06-04T23:00:00+09:00", 1), "2024-06-07T06:00:00+09:00", cal);
    assert_at(add_days_op(cal, "2024-06-04T23:00:00+09:00", 1, ITSM_END_OF_DAY), "2024-06-07T06:00:00+09:00", cal);
    /* The shift is one open run across midnight. */
    assert_at(next_close(cal, "2024-06-04T22:30:00+09:00"), "2024-06-05T06:00:00+09:00", cal);
    assert_at(next_open(cal, "2024-06-05T06:00:00+09:00"), "2024-06-06T22:00:00+09:00", cal);
    assert_at(add(cal, "2024-06-04T23:00:00+09:00", 8 * HOUR), "2024-06-06T23:00:00+09:00", cal);
    /* Half of an 8 h shift. */
    itsm_instant u = 0;
    assert_itsm_ok(itsm_calendar_half_business_day(&u, cal, at("2024-06-04T23:00:00+09:00")));
    assert_at(u, "2024-06-05T03:00:00+09:00", cal);
    itsm_calendar_free(cal);
}

static void test_overnight_split_option(void **state)
{
    (void)state;
    itsm_calendar *cal = night_shift(1);
    /* Closing Wed closes Tue's 00:00-06:00 part and Wed's 22:00-24:00 part. */
    assert_int_equal(day_total(cal, 2024, 6, 5), 0);
    assert_int_equal(day_total(cal, 2024, 6, 6), 8 * HOUR);
    assert_int_equal(open_at(cal, "2024-06-06T05:00:00+09:00"), 1);
    assert_int_equal(open_at(cal, "2024-06-05T05:00:00+09:00"), 0);
    assert_at(next_close(cal, "2024-06-04T22:30:00+09:00"), "2024-06-05T00:00:00+09:00", cal);
    /* Dates are literal: Saturday has Friday's tail, so it is a business day. */
    assert_int_equal(business_day(cal, 2024, 6, 8), 1);
    assert_int_equal(business_day(cal, 2024, 6, 5), 0);
    itsm_calendar_free(cal);
}

/* ---- span and horizon bounds ---------------------------------------------------------------- */

static void test_outside_span_is_erange(void **state)
{
    (void)state;
    itsm_calendar *cal = desk(); /* jp ends 2150-12-31 */
    int64_t out = 0;
    itsm_instant u = 0;
    int open = 0;
    assert_itsm_error(itsm_calendar_business_seconds(&out, cal, at("2024-01-01T00:00:00Z"), at("2151-06-01T00:00:00Z")),
                      ITSM_ERANGE, "outside the span of calendar 'desk'");
    assert_itsm_error(itsm_calendar_business_seconds(&out, cal, at("2024-01-01T00:00:00Z"), at("2151-06-01T00:00:00Z")),
                      ITSM_ERANGE, "2151-01-01T00:00:00+09:00");
    assert_itsm_error(itsm_calendar_is_open(&open, cal, INT64_C(-5000000000)), ITSM_ERANGE, "t: instant");
    assert_itsm_error(itsm_calendar_add_business(&u, cal, INT64_MAX, 1), ITSM_ERANGE, "outside the supported range");
    assert_itsm_error(itsm_calendar_is_business_day(&open, cal, (itsm_date){2151, 1, 1}), ITSM_ERANGE,
                      "date 2151-01-01 is outside the span");
    assert_itsm_error(itsm_calendar_nth_business_day(&u, cal, 2151, 1, 1), ITSM_ERANGE, "outside the span");
    /* The last day is covered; searching past it fails at the span's end. */
    assert_int_equal(business_day(cal, 2150, 12, 31), 0);
    assert_itsm_error(itsm_calendar_add_business(&u, cal, at("2150-12-26T10:00:00+09:00"), 100 * HOUR), ITSM_ERANGE,
                      "end of the span");
    assert_itsm_error(itsm_calendar_sub_business(&u, cal, at("1900-01-04T10:00:00+09:00"), 100 * HOUR), ITSM_ERANGE,
                      "start of the span");
    /* Span end itself is a valid end of a span. */
    assert_itsm_ok(itsm_calendar_business_seconds(&out, cal, at("2150-12-01T00:00:00+09:00"),
                                                  at("2151-01-01T00:00:00+09:00")));
    assert_itsm_error(itsm_calendar_is_open(&open, cal, at("2151-01-01T00:00:00+09:00")), ITSM_ERANGE, "outside");
    /* Negative durations are invalid, not reversed. */
    assert_itsm_error(itsm_calendar_add_business(&u, cal, at("2024-01-01T00:00:00Z"), -1), ITSM_EINVAL, "seconds");
    assert_itsm_error(itsm_calendar_sub_business(&u, cal, at("2024-01-01T00:00:00Z"), -1), ITSM_EINVAL, "seconds");
    itsm_calendar_free(cal);
    /* Without holiday sets the calendar covers 1900 .. 2200. */
    cal = simple("UTC", DAYS_WEEK, HM(9, 0), HM(17, 0), 0);
    assert_int_equal(business_day(cal, 1900, 1, 1), 1);
    assert_int_equal(business_day(cal, 2200, 12, 31), 1);
    assert_itsm_ok(itsm_calendar_business_seconds(&out, cal, ITSM_INSTANT_MIN, ITSM_INSTANT_MAX));
    itsm_calendar_free(cal);
}

/* A calendar open on one date only: asking for more than it has fails at the horizon. */
static void test_horizon_bound(void **state)
{
    (void)state;
    itsm_calendar_spec *s = new_spec("once", "Asia/Tokyo");
    assert_itsm_ok(itsm_calendar_spec_open_date(s, (itsm_date){2024, 5, 1}, HM(9, 0), HM(18, 0), 0));
    itsm_calendar *cal = build(s);
    itsm_instant u = 0;
    assert_at(add(cal, "2024-04-01T00:00:00+09:00", 9 * HOUR), "2024-05-01T18:00:00+09:00", cal);
    assert_itsm_error(itsm_calendar_add_business(&u, cal, at("2024-04-01T00:00:00+09:00"), 9 * HOUR + 1), ITSM_ERANGE,
                      "search horizon of 3653 days");
    assert_itsm_error(itsm_calendar_next_open(&u, cal, at("2024-05-01T18:00:00+09:00")), ITSM_ERANGE,
                      "search horizon");
    assert_itsm_error(itsm_calendar_sub_business(&u, cal, at("2024-06-01T00:00:00+09:00"), 9 * HOUR + 1), ITSM_ERANGE,
                      "search horizon");
    assert_itsm_error(itsm_calendar_end_of_business_day(&u, cal, at("2024-05-01T10:00:00+09:00"), 1), ITSM_ERANGE,
                      "search horizon");
    assert_itsm_error(itsm_calendar_nth_business_day(&u, cal, 2024, 5, 2), ITSM_ERANGE, "search horizon");
    assert_itsm_ok(itsm_calendar_nth_business_day(&u, cal, 2024, 5, 1));
    assert_at(u, "2024-05-01T18:00:00+09:00", cal);
    itsm_calendar_free(cal);
    /* A short horizon bounds searches that a longer one would satisfy. */
    s = desk_spec();
    assert_itsm_ok(itsm_calendar_spec_set_option(s, ITSM_CAL_SEARCH_HORIZON_DAYS, 3));
    cal = build(s);
    assert_itsm_error(itsm_calendar_add_business(&u, cal, at("2024-05-02T17:00:00+09:00"), 2 * HOUR), ITSM_ERANGE,
                      "horizon of 3 days");
    assert_at(add(cal, "2024-05-09T17:00:00+09:00", 2 * HOUR), "2024-05-10T10:00:00+09:00", cal);
    itsm_calendar_free(cal);
    /* 24x7: an open run without end. */
    cal = simple("UTC", DAYS_ALL, 0, HM(24, 0), 0);
    assert_itsm_error(itsm_calendar_next_close(&u, cal, at("2024-05-01T00:00:00Z")), ITSM_ERANGE, "horizon");
    itsm_calendar_free(cal);
}

static void test_half_day_option(void **state)
{
    (void)state;
    itsm_calendar_spec *s = desk_spec();
    assert_itsm_ok(itsm_calendar_spec_set_option(s, ITSM_CAL_HALF_DAY_SECONDS, 4 * HOUR));
    itsm_calendar *cal = build(s);
    itsm_instant u = 0;
    assert_itsm_ok(itsm_calendar_half_business_day(&u, cal, at("2024-05-11T10:00:00+09:00")));
    assert_at(u, "2024-05-11T15:00:00+09:00", cal);
    itsm_calendar_free(cal);
}

/* ---- batches ----------------------------------------------------------------------------------- */

static void test_batches_match_scalar_and_name_the_index(void **state)
{
    (void)state;
    itsm_calendar *cal = desk();
    enum { N = 200 };
    itsm_instant a[N], b[N], out[N];
    int64_t secs[N];
    uint64_t x = 12345;
    const itsm_instant base = at("2024-01-01T00:00:00+09:00");
    for (int i = 0; i < N; i++) {
        x = x * 6364136223846793005u + 1442695040888963407u;
        a[i] = base + (itsm_instant)((x >> 20) % (2 * 365 * 86400));
        b[i] = base + (itsm_instant)((x >> 7) % (2 * 365 * 86400));
        secs[i] = (int64_t)((x >> 33) % (200 * HOUR));
    }
    assert_itsm_ok(itsm_calendar_business_seconds_many(out, cal, a, b, N));
    for (int i = 0; i < N; i++) {
        int64_t one = 0;
        assert_itsm_ok(itsm_calendar_business_seconds(&one, cal, a[i], b[i]));
        assert_int_equal(out[i], one);
    }
    /* Aliasing: the output overwrites the input it reads. */
    itsm_instant t[N];
    memcpy(t, a, sizeof t);
    assert_itsm_ok(itsm_calendar_add_business_many(t, cal, t, secs, N));
    for (int i = 0; i < N; i++) {
        itsm_instant one = 0;
        assert_itsm_ok(itsm_calendar_add_business(&one, cal, a[i], secs[i]));
        assert_int_equal(t[i], one);
    }
    memcpy(out, b, sizeof out);
    assert_itsm_ok(itsm_calendar_business_seconds_many(out, cal, a, out, N));
    for (int i = 0; i < N; i++) {
        int64_t one = 0;
        assert_itsm_ok(itsm_calendar_business_seconds(&one, cal, a[i], b[i]));
        assert_int_equal(out[i], one);
    }
    assert_itsm_ok(itsm_calendar_business_seconds_many(NULL, cal, NULL, NULL, 0));
    assert_itsm_ok(itsm_calendar_add_business_many(NULL, cal, NULL, NULL, 0));
    a[17] = at("2160-01-01T00:00:00Z");
    assert_itsm_error(itsm_calendar_business_seconds_many(out, cal, a, b, N), ITSM_ERANGE,
                      "itsm_calendar_business_seconds_many: a[17]: instant");
    b[3] = INT64_MIN;
    assert_itsm_error(itsm_calendar_business_seconds_many(out, cal, a, b, N), ITSM_ERANGE, "b[3]");
    secs[2] = -1;
    assert_itsm_error(itsm_calendar_add_business_many(out, cal, a, secs, N), ITSM_EINVAL, "seconds[2]");
    secs[2] = 0;
    secs[5] = INT64_MAX;
    assert_itsm_error(itsm_calendar_add_business_many(out, cal, a, secs, N), ITSM_ERANGE, "t[5]: no result");
    itsm_calendar_free(cal);
}

/* ---- randomized properties ------------------------------------------------------------------- */

static uint64_t rng_next(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static itsm_instant rand_in(uint64_t *s, itsm_instant lo, itsm_instant hi)
{
    return lo + (itsm_instant)(rng_next(s) % (uint64_t)(hi - lo));
}

static int is_open_i(const itsm_calendar *cal, itsm_instant t)
{
    int out = 0;
    assert_itsm_ok(itsm_calendar_is_open(&out, cal, t));
    return out;
}

static void check_properties(const itsm_calendar *cal, itsm_instant lo, itsm_instant hi, int rounds)
{
    uint64_t s = 0x243F6A8885A308D3u;
    for (int i = 0; i < rounds; i++) {
        itsm_instant t[3];
        for (int k = 0; k < 3; k++)
            t[k] = rand_in(&s, lo, hi);
        /* Half of the samples on hour and minute boundaries, where the edge cases are. */
        if (i % 2 == 0)
            for (int k = 0; k < 3; k++)
                t[k] -= t[k] % (i % 4 == 0 ? 3600 : 60);
        int64_t ab, bc, ac;
        assert_itsm_ok(itsm_calendar_business_seconds(&ab, cal, t[0], t[1]));
        assert_itsm_ok(itsm_calendar_business_seconds(&bc, cal, t[1], t[2]));
        assert_itsm_ok(itsm_calendar_business_seconds(&ac, cal, t[0], t[2]));
        assert_int_equal(ab + bc, ac);
        itsm_instant a = t[0] < t[1] ? t[0] : t[1], b = t[0] < t[1] ? t[1] : t[0], u = 0, v = 0;
        int64_t d = ab < 0 ? -ab : ab;
        /* add_business(a, B(a, b)) <= b, equal when b ends a business second (or b == a). */
        assert_itsm_ok(itsm_calendar_add_business(&u, cal, a, d));
        assert_true(u <= b);
        if (b == a || is_open_i(cal, b - 1))
            assert_int_equal(u, b);
        int64_t back = 0;
        assert_itsm_ok(itsm_calendar_business_seconds(&back, cal, a, u));
        assert_int_equal(back, d);
        /* sub_business(b, B(a, b)) >= a, equal when a starts a business second. */
        assert_itsm_ok(itsm_calendar_sub_business(&v, cal, b, d));
        assert_true(v >= a);
        if (b == a || is_open_i(cal, a))
            assert_int_equal(v, a);
        assert_itsm_ok(itsm_calendar_business_seconds(&back, cal, v, b));
        assert_int_equal(back, d);
        /* next_open / next_close bracket an open run. */
        itsm_instant o = 0, c = 0;
        assert_itsm_ok(itsm_calendar_next_open(&o, cal, a));
        assert_true(o >= a);
        assert_true(is_open_i(cal, o));
        assert_itsm_ok(itsm_calendar_business_seconds(&back, cal, a, o));
        assert_int_equal(back, 0);
        assert_itsm_ok(itsm_calendar_next_close(&c, cal, a));
        assert_true(c > o);
        assert_false(is_open_i(cal, c));
        assert_itsm_ok(itsm_calendar_business_seconds(&back, cal, o, c));
        assert_int_equal(back, c - o);
    }
}

static void test_properties_desk(void **state)
{
    (void)state;
    itsm_calendar *cal = desk();
    check_properties(cal, at("2023-01-01T00:00:00+09:00"), at("2025-01-01T00:00:00+09:00"), 20000);
    itsm_calendar_free(cal);
}

static void test_properties_dst_and_overnight(void **state)
{
    (void)state;
    itsm_calendar_spec *s = new_spec("mixed", "Europe/Amsterdam");
    add_days(s, DAYS_WEEK, HM(8, 0), HM(17, 0), 0);
    add_days(s, "67", HM(1, 30), HM(3, 30), 0); /* crosses both DST changes */
    add_days(s, "5", HM(22, 0), HM(4, 0), ITSM_INTERVAL_OVERNIGHT);
    assert_itsm_ok(itsm_calendar_spec_close_part(s, (itsm_date){2024, 3, 30}, HM(2, 0), HM(2, 30)));
    itsm_calendar *cal = build(s);
    check_properties(cal, at("2023-01-01T00:00:00Z"), at("2025-01-01T00:00:00Z"), 20000);
    itsm_calendar_free(cal);
    cal = night_shift(1);
    check_properties(cal, at("2024-01-01T00:00:00Z"), at("2024-12-31T00:00:00Z"), 5000);
    itsm_calendar_free(cal);
}

/* Brute force, independent of the compiler: a UTC calendar whose openness per minute is
 * read straight off the rules; business seconds are compared on random second-resolution
 * spans through a minute-level prefix sum. */
enum { REF_MINUTES = 120 * 1440 };

static int ref_open_minute(itsm_instant t)
{
    itsm_datetime dt;
    int wd = 0;
    assert_itsm_ok(itsm_instant_to_utc(&dt, t));
    assert_itsm_ok(itsm_date_weekday(&wd, (itsm_date){dt.year, dt.month, dt.day}));
    int m = dt.hour * 60 + dt.minute;
    if (dt.month == 7 && dt.day == 15)
        return 0; /* holiday */
    if (dt.month == 7 && dt.day == 20 && m >= 600 && m < 690)
        return 0; /* close_part 10:00-11:30 */
    if (dt.month == 7 && dt.day == 21 && m >= 13 * 60 && m < 14 * 60)
        return 1; /* Sunday opening 13:00-14:00 */
    if (wd <= 5)
        return (m >= 8 * 60 + 30 && m < 12 * 60) || (m >= 12 * 60 + 45 && m < 17 * 60 + 15);
    return wd == 6 && m >= 10 * 60 && m < 11 * 60;
}

static void test_brute_force_reference(void **state)
{
    (void)state;
    itsm_calendar_spec *s = new_spec("ref", "UTC");
    add_days(s, DAYS_WEEK, HM(8, 30), HM(12, 0), 0);
    add_days(s, DAYS_WEEK, HM(12, 45), HM(17, 15), 0);
    add_days(s, "6", HM(10, 0), HM(11, 0), 0);
    itsm_holiday_set *set = NULL;
    assert_itsm_ok(itsm_holiday_set_new(&set, "ref"));
    assert_itsm_ok(itsm_holiday_set_add_date(set, (itsm_date){2024, 7, 15}, NULL));
    assert_itsm_ok(itsm_calendar_spec_add_holidays(s, set));
    itsm_holiday_set_free(set);
    assert_itsm_ok(itsm_calendar_spec_close_part(s, (itsm_date){2024, 7, 20}, HM(10, 0), HM(11, 30)));
    assert_itsm_ok(itsm_calendar_spec_open_date(s, (itsm_date){2024, 7, 21}, HM(13, 0), HM(14, 0), 0));
    itsm_calendar *cal = build(s);
    const itsm_instant base = at("2024-06-01T00:00:00Z");
    int64_t *cum = malloc((REF_MINUTES + 1) * sizeof *cum);
    unsigned char *open = malloc(REF_MINUTES);
    assert_non_null(cum);
    assert_non_null(open);
    cum[0] = 0;
    for (int i = 0; i < REF_MINUTES; i++) {
        open[i] = (unsigned char)ref_open_minute(base + 60 * i);
        cum[i + 1] = cum[i] + 60 * open[i];
    }
    uint64_t rs = 0x9E3779B97F4A7C15u;
    for (int i = 0; i < 5000; i++) {
        itsm_instant a = rand_in(&rs, base, base + 60 * (REF_MINUTES - 1));
        itsm_instant b = rand_in(&rs, base, base + 60 * (REF_MINUTES - 1));
        int64_t ia = (a - base) / 60, ib = (b - base) / 60;
        int64_t ra = cum[ia] + (open[ia] ? (a - base) % 60 : 0);
        int64_t rb = cum[ib] + (open[ib] ? (b - base) % 60 : 0);
        int64_t got = 0;
        assert_itsm_ok(itsm_calendar_business_seconds(&got, cal, a, b));
        if (got != rb - ra) {
            print_error("span %lld .. %lld: got %lld, reference %lld\n", (long long)a, (long long)b, (long long)got,
                        (long long)(rb - ra));
            fail();
        }
        assert_int_equal(is_open_i(cal, a), open[ia]);
    }
    free(cum);
    free(open);
    itsm_calendar_free(cal);
}

/* The same against local wall-clock rules in a DST zone: open when the local weekday is
 * Mon-Fri and the local time is 8:00-17:00 (no boundary near a DST change). */
static void test_brute_force_reference_dst(void **state)
{
    (void)state;
    itsm_calendar *cal = simple("Europe/Amsterdam", DAYS_WEEK, HM(8, 0), HM(17, 0), 0);
    const itsm_instant base = at("2024-01-01T00:00:00Z");
    const int minutes = 400 * 1440;
    int64_t *cum = malloc(((size_t)minutes + 1) * sizeof *cum);
    assert_non_null(cum);
    cum[0] = 0;
    for (int i = 0; i < minutes; i++) {
        itsm_datetime dt;
        int wd = 0;
        assert_itsm_ok(itsm_tz_to_local(&dt, itsm_calendar_zone(cal), base + 60 * i));
        assert_itsm_ok(itsm_date_weekday(&wd, (itsm_date){dt.year, dt.month, dt.day}));
        cum[i + 1] = cum[i] + ((wd <= 5 && dt.hour >= 8 && dt.hour < 17) ? 60 : 0);
    }
    uint64_t rs = 7;
    for (int i = 0; i < 5000; i++) {
        int64_t ia = (int64_t)(rng_next(&rs) % (uint64_t)minutes), ib = (int64_t)(rng_next(&rs) % (uint64_t)minutes);
        int64_t got = 0;
        assert_itsm_ok(itsm_calendar_business_seconds(&got, cal, base + 60 * ia, base + 60 * ib));
        assert_int_equal(got, cum[ib] - cum[ia]);
    }
    free(cum);
    itsm_calendar_free(cal);
}

/* Random specs (UTC, minute resolution) against a per-minute reading of the rules of
 * calendar.h, evaluated straight from the rule lists: weekly intervals (some overnight),
 * holidays, whole and partial closures, extra and replacing openings, both closure
 * options. */
enum { RS_DAYS = 40, RS_MAX = 12 };

typedef struct rule_spec {
    int32_t week[7][4][2]; /* minutes; end > 1440 for overnight */
    int nweek[7];
    int holiday[RS_DAYS], closed[RS_DAYS], replaced[RS_DAYS];
    int32_t parts[RS_MAX][3], opens[RS_MAX][3]; /* day index, from, to (minutes) */
    int nparts, nopens;
    int split;
} rule_spec;

static int rs_has(const int32_t (*list)[3], int n, int day, int32_t x)
{
    for (int i = 0; i < n; i++)
        if (list[i][0] == day && x >= list[i][1] && x < list[i][2])
            return 1;
    return 0;
}

static int rs_template(const rule_spec *r, int day, int32_t y)
{
    int wd = (day % 7 + 7) % 7; /* day 0 = 2024-03-04, a Monday, and index 0 = Monday */
    for (int i = 0; i < r->nweek[wd]; i++)
        if (y >= r->week[wd][i][0] && y < r->week[wd][i][1])
            return 1;
    return 0;
}

static int rs_suppressed(const rule_spec *r, int day) { return r->holiday[day] || r->closed[day] || r->replaced[day]; }

/* attr(day) at minute y of [0, 2880): the time the date stands for (default option). */
static int rs_attr(const rule_spec *r, int day, int32_t y)
{
    int on = (!rs_suppressed(r, day) && rs_template(r, day, y)) ||
             (y < 1440 && !r->closed[day] && rs_has(r->opens, r->nopens, day, y));
    if (y < 1440)
        return on && !rs_has(r->parts, r->nparts, day, y);
    return on && !rs_has(r->parts, r->nparts, day + 1, y - 1440);
}

static int rs_open(const rule_spec *r, int day, int32_t x)
{
    if (!r->split)
        return rs_attr(r, day, x) || rs_attr(r, day - 1, x + 1440);
    int tmpl = !rs_suppressed(r, day) && (rs_template(r, day, x) || rs_template(r, day - 1, x + 1440));
    int open = tmpl || (!r->closed[day] && rs_has(r->opens, r->nopens, day, x));
    return open && !rs_has(r->parts, r->nparts, day, x);
}

static int rs_business_day(const rule_spec *r, int day)
{
    for (int32_t y = 0; y < (r->split ? 1440 : 2880); y++)
        if (r->split ? rs_open(r, day, y) : rs_attr(r, day, y))
            return 1;
    return 0;
}

static void rs_random(rule_spec *r, uint64_t *s)
{
    memset(r, 0, sizeof *r);
    r->split = (int)(rng_next(s) % 2);
    for (int wd = 0; wd < 7; wd++) {
        r->nweek[wd] = (int)(rng_next(s) % 4);
        for (int i = 0; i < r->nweek[wd]; i++) {
            int32_t a = (int32_t)(rng_next(s) % 96) * 15, len = (int32_t)(1 + rng_next(s) % 64) * 15;
            r->week[wd][i][0] = a;
            r->week[wd][i][1] = a + len; /* past 1440: overnight */
        }
    }
    for (int d = 2; d < RS_DAYS - 2; d++) {
        uint64_t x = rng_next(s) % 20;
        r->holiday[d] = x == 0;
        r->closed[d] = x == 1;
        r->replaced[d] = x == 2;
    }
    r->nparts = (int)(rng_next(s) % RS_MAX);
    r->nopens = (int)(rng_next(s) % RS_MAX);
    for (int k = 0; k < 2; k++) {
        int32_t(*list)[3] = k ? r->opens : r->parts;
        int n = k ? r->nopens : r->nparts;
        for (int i = 0; i < n; i++) {
            int32_t a = (int32_t)(rng_next(s) % 95) * 15;
            list[i][0] = (int32_t)(2 + rng_next(s) % (RS_DAYS - 4));
            list[i][1] = a;
            list[i][2] = a + (int32_t)(1 + rng_next(s) % (uint64_t)((1440 - a) / 15)) * 15;
        }
    }
    /* A date is replaced through an opening with replace = 1: give each one its own,
     * or drop the replacement when the list is full. */
    for (int d = 0; d < RS_DAYS; d++)
        if (r->replaced[d] && r->nopens < RS_MAX) {
            r->opens[r->nopens][0] = d;
            r->opens[r->nopens][1] = 600;
            r->opens[r->nopens++][2] = 660;
        } else {
            r->replaced[d] = 0;
        }
}

static itsm_date rs_date(int day)
{
    itsm_date d;
    assert_itsm_ok(itsm_date_add_days(&d, (itsm_date){2024, 3, 4}, day));
    return d;
}

/* The same rules through the API; NULL when they have no open time. */
static itsm_calendar *rs_compile(const rule_spec *r)
{
    itsm_calendar_spec *s = new_spec("random", "UTC");
    for (int wd = 0; wd < 7; wd++)
        for (int i = 0; i < r->nweek[wd]; i++) {
            int32_t a = r->week[wd][i][0] * 60, b = r->week[wd][i][1] * 60;
            unsigned flags = b > 86400 ? ITSM_INTERVAL_OVERNIGHT : ITSM_INTERVAL_SAME_DAY;
            assert_itsm_ok(itsm_calendar_spec_add_interval(s, wd + 1, a, b > 86400 ? b - 86400 : b, flags));
        }
    itsm_holiday_set *set = NULL;
    assert_itsm_ok(itsm_holiday_set_new(&set, "random"));
    for (int d = 0; d < RS_DAYS; d++) {
        if (r->holiday[d])
            assert_itsm_ok(itsm_holiday_set_add_date(set, rs_date(d), NULL));
        if (r->closed[d])
            assert_itsm_ok(itsm_calendar_spec_close_date(s, rs_date(d)));
    }
    assert_itsm_ok(itsm_calendar_spec_add_holidays(s, set));
    itsm_holiday_set_free(set);
    for (int i = 0; i < r->nparts; i++)
        assert_itsm_ok(itsm_calendar_spec_close_part(s, rs_date(r->parts[i][0]), r->parts[i][1] * 60,
                                                     r->parts[i][2] * 60));
    for (int i = 0; i < r->nopens; i++)
        assert_itsm_ok(itsm_calendar_spec_open_date(s, rs_date(r->opens[i][0]), r->opens[i][1] * 60,
                                                    r->opens[i][2] * 60, r->replaced[r->opens[i][0]]));
    assert_itsm_ok(itsm_calendar_spec_set_option(s, ITSM_CAL_CLOSURE_SPLITS_OVERNIGHT, r->split));
    itsm_calendar *cal = NULL;
    int rc = itsm_calendar_compile(&cal, s);
    itsm_calendar_spec_free(s);
    if (rc == ITSM_EINVAL)
        return NULL;
    assert_itsm_ok(rc);
    return cal;
}

static void test_random_specs_against_rules(void **state)
{
    (void)state;
    uint64_t seed = 0xD1B54A32D192ED03u;
    const itsm_instant base = at("2024-03-04T00:00:00Z");
    enum { FIRST = 2, LAST = RS_DAYS - 2, MINUTES = (LAST - FIRST) * 1440 };
    static int64_t cum[MINUTES + 1];
    static unsigned char open[MINUTES];
    for (int round = 0; round < 40; round++) {
        rule_spec r;
        rs_random(&r, &seed);
        itsm_calendar *cal = rs_compile(&r);
        if (cal == NULL)
            continue; /* no open time anywhere (the week is empty) */
        cum[0] = 0;
        for (int m = 0; m < MINUTES; m++) {
            open[m] = (unsigned char)rs_open(&r, FIRST + m / 1440, m % 1440);
            cum[m + 1] = cum[m] + 60 * open[m];
        }
        const itsm_instant t0 = base + FIRST * 86400;
        for (int m = 0; m < MINUTES; m += 7) {
            if (is_open_i(cal, t0 + 60 * m) != open[m]) {
                print_error("round %d (split %d): minute %d of day %d: is_open %d, rules say %d\n", round, r.split,
                            m % 1440, FIRST + m / 1440, !open[m], open[m]);
                fail();
            }
        }
        for (int i = 0; i < 2000; i++) {
            int64_t a = (int64_t)(rng_next(&seed) % MINUTES), b = (int64_t)(rng_next(&seed) % MINUTES), got = 0;
            assert_itsm_ok(itsm_calendar_business_seconds(&got, cal, t0 + 60 * a, t0 + 60 * b));
            assert_int_equal(got, cum[b] - cum[a]);
        }
        for (int d = FIRST; d < LAST; d++)
            if (business_day(cal, rs_date(d).year, rs_date(d).month, rs_date(d).day) != rs_business_day(&r, d)) {
                print_error("round %d (split %d): business day %d: rules say %d\n", round, r.split, d,
                            rs_business_day(&r, d));
                fail();
            }
        check_properties(cal, t0, t0 + 60 * (MINUTES - 1), 300);
        itsm_calendar_free(cal);
    }
}

/* ---- memory ---------------------------------------------------------------------------------- */

static void test_compiled_size(void **state)
{
    (void)state;
    itsm_calendar *cal = desk();
    size_t bytes = itsm__calendar_table_bytes(cal);
    print_message("desk calendar: %zu days, %zu patterns, %zu table bytes\n", cal->ndays, cal->npatterns, bytes);
    assert_true(bytes < 3u * 1024 * 1024);
    assert_true(cal->npatterns < 16);
    itsm_calendar_free(cal);
    cal = simple("Europe/Amsterdam", DAYS_WEEK, HM(8, 0), HM(17, 0), 0);
    print_message("Amsterdam calendar: %zu days, %zu patterns, %zu table bytes\n", cal->ndays, cal->npatterns,
                  itsm__calendar_table_bytes(cal));
    assert_true(itsm__calendar_table_bytes(cal) < 3u * 1024 * 1024);
    itsm_calendar_free(cal);
}

/* The compiled calendar keeps the spec it came from, for itsm_calendar_to_json(). */
static void test_compiled_calendar_keeps_its_spec(void **state)
{
    (void)state;
    itsm_calendar_spec *s = desk_spec();
    assert_itsm_ok(itsm_calendar_spec_close_part(s, (itsm_date){2024, 5, 13}, HM(12, 0), HM(14, 0)));
    assert_itsm_ok(itsm_calendar_spec_open_date(s, (itsm_date){2024, 5, 12}, HM(10, 0), HM(15, 0), 1));
    assert_itsm_ok(itsm_calendar_spec_set_option(s, ITSM_CAL_SNAP_DEADLINE_TO_OPEN, 1));
    itsm_calendar *cal = build(s);
    const itsm_calendar_spec *k = itsm__calendar_spec(cal);
    assert_string_equal(k->name, "desk");
    assert_string_equal(k->zone, "Asia/Tokyo");
    assert_null(k->zoneinfo_dir);
    assert_int_equal(itsm__spec_week_count(k, 6), 2);
    assert_int_equal(itsm__spec_week(k, 6)[1].start, HM(13, 0));
    assert_int_equal(k->closure_count, 1);
    assert_false(k->closures[0].whole);
    assert_int_equal(k->opening_count, 1);
    assert_true(k->openings[0].replace);
    assert_int_equal(k->set_count, 2);
    assert_string_equal(itsm_holiday_set_name(k->sets[0]), "jp");
    assert_string_equal(itsm_holiday_set_name(k->sets[1]), "jp-year-end");
    assert_true(itsm__spec_option_is_set(k, ITSM_CAL_SNAP_DEADLINE_TO_OPEN));
    assert_false(itsm__spec_option_is_set(k, ITSM_CAL_HALF_DAY_SECONDS));
    itsm_calendar_free(cal);
}

/* ---- allocation failures ---------------------------------------------------------------------- */

/* Build a spec with every kind of rule, compile, query; release everything. Returns the
 * first failing status. `out_spec` style untouched-on-failure is checked on the way. */
static int scenario_calendar(const void *ctx)
{
    (void)ctx;
    itsm_calendar_spec *s = NULL;
    itsm_holiday_set *jp = NULL, *own = NULL;
    itsm_calendar *cal = NULL;
    int rc;
    if ((rc = itsm_calendar_spec_new(&s, "sweep", "Europe/Amsterdam", NULL)) != ITSM_OK) {
        assert_null(s);
        return rc;
    }
    for (int wd = 1; wd <= 5 && rc == ITSM_OK; wd++)
        rc = itsm_calendar_spec_add_interval(s, wd, HM(9, 0), HM(12, 0), 0);
    for (int wd = 1; wd <= 5 && rc == ITSM_OK; wd++)
        rc = itsm_calendar_spec_add_interval(s, wd, HM(13, 0), HM(18, 0), 0);
    if (rc == ITSM_OK)
        rc = itsm_calendar_spec_add_interval(s, 6, HM(22, 0), HM(2, 0), ITSM_INTERVAL_OVERNIGHT);
    if (rc == ITSM_OK && (rc = itsm_holiday_set_builtin(&jp, "jp")) == ITSM_OK)
        rc = itsm_calendar_spec_add_holidays(s, jp);
    if (rc == ITSM_OK && (rc = itsm_holiday_set_new(&own, "own")) == ITSM_OK &&
        (rc = itsm_holiday_set_add_date(own, (itsm_date){2024, 8, 1}, "summer")) == ITSM_OK)
        rc = itsm_calendar_spec_add_holidays(s, own);
    for (int i = 0; i < 6 && rc == ITSM_OK; i++)
        rc = itsm_calendar_spec_close_part(s, (itsm_date){2024, 6, 3 + i}, HM(10, 0), HM(11, 0));
    for (int i = 0; i < 6 && rc == ITSM_OK; i++)
        rc = itsm_calendar_spec_open_date(s, (itsm_date){2024, 7, 7 + i}, HM(10, 0), HM(11, 0), i % 2);
    if (rc == ITSM_OK)
        rc = itsm_calendar_spec_close_date(s, (itsm_date){2024, 9, 2});
    if (rc == ITSM_OK)
        rc = itsm_calendar_spec_set_option(s, ITSM_CAL_CLOSURE_SPLITS_OVERNIGHT, 1);
    if (rc == ITSM_OK) {
        rc = itsm_calendar_compile(&cal, s);
        if (rc != ITSM_OK)
            assert_null(cal);
    }
    if (rc == ITSM_OK) {
        int64_t b = 0;
        assert_itsm_ok(itsm_calendar_business_seconds(&b, cal, 1717200000, 1719800000));
        assert_true(b > 0);
    }
    itsm_calendar_free(cal);
    itsm_holiday_set_free(jp);
    itsm_holiday_set_free(own);
    itsm_calendar_spec_free(s);
    return rc;
}

static void test_allocation_failure_sweep(void **state)
{
    (void)state;
    long n = itsm_test_alloc_sweep("calendar", scenario_calendar, NULL, ITSM_OK);
    print_message("calendar sweep: %ld allocation points\n", n);
    assert_true(n > 10);
}

/* Queries never allocate. */
static void test_queries_do_not_allocate(void **state)
{
    (void)state;
    itsm_test_chaos c;
    itsm_test_chaos_install(&c);
    itsm_calendar *cal = desk();
    long before = c.count;
    itsm_instant t = at("2024-05-10T17:30:00+09:00"), u = 0, arr[4] = {t, t + 1, t + 2, t + 3};
    int64_t secs[4] = {1, 2, 3, 4}, b = 0;
    int open = 0;
    int32_t n = 0;
    assert_itsm_ok(itsm_calendar_is_open(&open, cal, t));
    assert_itsm_ok(itsm_calendar_next_open(&u, cal, t));
    assert_itsm_ok(itsm_calendar_next_close(&u, cal, t));
    assert_itsm_ok(itsm_calendar_business_seconds(&b, cal, t, t + 86400));
    assert_itsm_ok(itsm_calendar_add_business(&u, cal, t, 3600));
    assert_itsm_ok(itsm_calendar_sub_business(&u, cal, t, 3600));
    assert_itsm_ok(itsm_calendar_is_business_day(&open, cal, (itsm_date){2024, 5, 10}));
    assert_itsm_ok(itsm_calendar_business_days(&n, cal, (itsm_date){2024, 5, 1}, (itsm_date){2024, 6, 1}));
    assert_itsm_ok(itsm_calendar_add_business_days(&u, cal, t, 3, ITSM_KEEP_TIME));
    assert_itsm_ok(itsm_calendar_end_of_business_day(&u, cal, t, 1));
    assert_itsm_ok(itsm_calendar_half_business_day(&u, cal, t));
    assert_itsm_ok(itsm_calendar_nth_business_day(&u, cal, 2024, 6, 3));
    assert_itsm_ok(itsm_calendar_business_seconds_many(secs, cal, arr, arr, 4));
    assert_itsm_ok(itsm_calendar_add_business_many(arr, cal, arr, secs, 4));
    assert_itsm_error(itsm_calendar_is_open(&open, cal, at("2160-01-01T00:00:00Z")), ITSM_ERANGE, NULL);
    assert_int_equal(c.count, before);
    itsm_calendar_free(cal);
    assert_itsm_ok(itsm_set_allocator(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spec_rejects_bad_intervals),
        cmocka_unit_test(test_spec_rejects_bad_exceptions_and_options),
        cmocka_unit_test(test_spec_merges_intervals),
        cmocka_unit_test(test_compile_rejects_empty_calendar),
        cmocka_unit_test(test_desk_business_seconds),
        cmocka_unit_test(test_desk_is_open_next_open_next_close),
        cmocka_unit_test(test_seed_sample_hours_add_business),
        cmocka_unit_test(test_seed_sample_hours_calendar_words),
        cmocka_unit_test(test_desk_business_days),
        cmocka_unit_test(test_closures_and_openings),
        cmocka_unit_test(test_case_2_escalation_before_deadline_in_business_time),
        cmocka_unit_test(test_case_3_created_outside_business_hours),
        cmocka_unit_test(test_case_7_empty_calendar_is_an_error_not_a_hang),
        cmocka_unit_test(test_case_8_24x7_is_not_closed_one_minute_a_day),
        cmocka_unit_test(test_case_9_overnight_shift),
        cmocka_unit_test(test_case_10_dst_fall_back_add_one_hour),
        cmocka_unit_test(test_case_11_dst_change_at_midnight),
        cmocka_unit_test(test_case_12_historic_offsets),
        cmocka_unit_test(test_case_17_deadline_at_closing_time),
        cmocka_unit_test(test_case_18_lunch_break_is_a_gap),
        cmocka_unit_test(test_case_20_year_ends_and_epoch_zero),
        cmocka_unit_test(test_case_21_weekday_numbering),
        cmocka_unit_test(test_case_22_business_day_units_are_separate),
        cmocka_unit_test(test_case_23_leap_day_and_year_end_ranges),
        cmocka_unit_test(test_dst_amsterdam),
        cmocka_unit_test(test_dst_new_york),
        cmocka_unit_test(test_dst_lord_howe_half_hour),
        cmocka_unit_test(test_dst_apia_missing_date),
        cmocka_unit_test(test_overnight_default_attribution),
        cmocka_unit_test(test_overnight_split_option),
        cmocka_unit_test(test_outside_span_is_erange),
        cmocka_unit_test(test_horizon_bound),
        cmocka_unit_test(test_half_day_option),
        cmocka_unit_test(test_batches_match_scalar_and_name_the_index),
        cmocka_unit_test(test_properties_desk),
        cmocka_unit_test(test_properties_dst_and_overnight),
        cmocka_unit_test(test_brute_force_reference),
        cmocka_unit_test(test_brute_force_reference_dst),
        cmocka_unit_test(test_random_specs_against_rules),
        cmocka_unit_test(test_compiled_size),
        cmocka_unit_test(test_compiled_calendar_keeps_its_spec),
        cmocka_unit_test(test_allocation_failure_sweep),
        cmocka_unit_test(test_queries_do_not_allocate),
    };
    return cmocka_run_group_tests(tests, itsm_test_group_setup, itsm_test_group_teardown);
}
