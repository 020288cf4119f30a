/* Deadline rules (itsm/clock.h): every phrase of DOMAIN.md 3 and of the example agreements
 * parsed, canonical text read back, errors quoting the text, and each calendar word
 * applied on the seed sample calendars with deadlines worked out by hand from the
 * calendar (desk: Mon-Fri 9-18, Sat 9-12 and 13-17, closed Sundays, jp + year end;
 * vendor: 24x7 less year end and Aug 13-16), and across a DST change. */
#include "clock_fixture.h"

static void expect_rule(const char *text, itsm_deadline_kind kind, int64_t amount, const char *calendar)
{
    itsm_deadline d = rule_of(text);
    if (d.kind != kind || d.amount != amount || strcmp(d.calendar, calendar) != 0) {
        print_error("'%s' -> kind %d amount %lld calendar '%s'\n", text, (int)d.kind, (long long)d.amount, d.calendar);
        fail();
    }
}

static void test_parse_domain_words(void **state)
{
    (void)state;
    expect_rule("next day", ITSM_DEADLINE_NEXT_DAY, 0, "");
    expect_rule("same day", ITSM_DEADLINE_SAME_DAY, 0, "");
    expect_rule("next business day", ITSM_DEADLINE_NEXT_BUSINESS_DAY, 0, "");
    expect_rule("within half a day", ITSM_DEADLINE_HALF_DAY, 0, "");
    expect_rule("4 h", ITSM_DEADLINE_BUSINESS, 4 * HOUR, "");
    expect_rule("2 h", ITSM_DEADLINE_BUSINESS, 2 * HOUR, "");
    expect_rule("within 1 hour", ITSM_DEADLINE_BUSINESS, HOUR, "");
    expect_rule("within 12 hours", ITSM_DEADLINE_BUSINESS, 12 * HOUR, "");
    expect_rule("within 4 h", ITSM_DEADLINE_BUSINESS, 4 * HOUR, "");
    expect_rule("within 1 day", ITSM_DEADLINE_DAYS, 1, "");
    expect_rule("within 1 week", ITSM_DEADLINE_WEEKS, 1, "");
    expect_rule("1 week", ITSM_DEADLINE_WEEKS, 1, "");
    expect_rule("within 1 month", ITSM_DEADLINE_MONTHS, 1, "");
    expect_rule("within 2 months", ITSM_DEADLINE_MONTHS, 2, "");
    expect_rule("within 24 h excluding vendor holidays", ITSM_DEADLINE_BUSINESS, 24 * HOUR, "vendor");
    expect_rule("next day (excluding vendor holidays)", ITSM_DEADLINE_NEXT_DAY, 0, "vendor");
    expect_rule("same day (excluding vendor holidays)", ITSM_DEADLINE_SAME_DAY, 0, "vendor");
    expect_rule("within 10 business days from the start of the next month",
                ITSM_DEADLINE_NTH_BUSINESS_DAY_NEXT_MONTH, 10, "");
    expect_rule("within 3 business days", ITSM_DEADLINE_BUSINESS_DAYS, 3, "");
    expect_rule("<= 10 min", ITSM_DEADLINE_BUSINESS, 10 * MINUTE, "");
    expect_rule("<=60 minutes", ITSM_DEADLINE_BUSINESS, 60 * MINUTE, "");
    expect_rule("90s", ITSM_DEADLINE_BUSINESS, 90, "");
    expect_rule("  Within   An  Hour ", ITSM_DEADLINE_BUSINESS, HOUR, "");
    expect_rule("4 h elapsed", ITSM_DEADLINE_ELAPSED, 4 * HOUR, "");
    expect_rule("当日", ITSM_DEADLINE_SAME_DAY, 0, "");
    expect_rule("翌日", ITSM_DEADLINE_NEXT_DAY, 0, "");
    expect_rule("翌営業日", ITSM_DEADLINE_NEXT_BUSINESS_DAY, 0, "");
    expect_rule("半日以内", ITSM_DEADLINE_HALF_DAY, 0, "");
}

static void test_parse_iso8601(void **state)
{
    (void)state;
    expect_rule("PT4H", ITSM_DEADLINE_BUSINESS, 4 * HOUR, "");
    expect_rule("PT1H30M", ITSM_DEADLINE_BUSINESS, 90 * MINUTE, "");
    expect_rule("pt45s", ITSM_DEADLINE_BUSINESS, 45, "");
    expect_rule("PT4H elapsed", ITSM_DEADLINE_ELAPSED, 4 * HOUR, "");
    expect_rule("P3D", ITSM_DEADLINE_DAYS, 3, "");
    expect_rule("P1W", ITSM_DEADLINE_WEEKS, 1, "");
    expect_rule("P2M", ITSM_DEADLINE_MONTHS, 2, "");
    expect_rule("P1Y", ITSM_DEADLINE_MONTHS, 12, "");
}

/* Every level value of the example agreements that is a duration or deadline parses. */
static void test_parse_agreement_level_values(void **state)
{
    (void)state;
    static const char *const values[] = {"24 h", "4 h", "1 h", "within 24 h excluding vendor holidays",
                                         "within 4 h", "next day (excluding vendor holidays)",
                                         "same day (excluding vendor holidays)", "next day", "same day",
                                         "within 10 business days from the start of the next month"};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        itsm_deadline d;
        assert_itsm_ok(itsm_deadline_parse(&d, values[i]));
    }
}

static void expect_text(const char *in, const char *canonical)
{
    itsm_deadline d = rule_of(in), back;
    char buf[ITSM_DEADLINE_TEXT_SIZE];
    assert_itsm_ok(itsm_deadline_format(buf, sizeof buf, &d));
    assert_string_equal(buf, canonical);
    assert_itsm_ok(itsm_deadline_parse(&back, buf));
    assert_int_equal(back.kind, d.kind);
    assert_int_equal(back.amount, d.amount);
    assert_string_equal(back.calendar, d.calendar);
}

static void test_format_canonical_round_trip(void **state)
{
    (void)state;
    expect_text("within 4 hours", "4 h");
    expect_text("PT90M", "90 min");
    expect_text("PT61S", "61 s");
    expect_text("PT4H elapsed", "4 h elapsed");
    expect_text("当日", "same day");
    expect_text("翌日", "next day");
    expect_text("next business day", "next business day");
    expect_text("半日以内", "within half a day");
    expect_text("within 1 business day", "within 1 business day");
    expect_text("within 3 business days", "within 3 business days");
    expect_text("P1D", "within 1 day");
    expect_text("P2W", "within 2 weeks");
    expect_text("P1Y", "within 12 months");
    expect_text("within 10 business days from start of next month",
                "within 10 business days from the start of the next month");
    expect_text("within 24 h excluding vendor holidays", "24 h excluding vendor holidays");
    expect_text("next day (excluding Vendor holidays)", "next day excluding vendor holidays");
}

static void test_parse_errors_name_the_text(void **state)
{
    (void)state;
    itsm_deadline d;
    assert_itsm_error(itsm_deadline_parse(&d, "a few days"), ITSM_EINVAL, "'a few days' is not an exact deadline");
    assert_itsm_error(itsm_deadline_parse(&d, "per contract"), ITSM_EINVAL, "'per contract'");
    assert_itsm_error(itsm_deadline_parse(&d, ""), ITSM_EINVAL, "'' is not an exact deadline");
    assert_itsm_error(itsm_deadline_parse(&d, "<= 60"), ITSM_EINVAL, "'<= 60'");
    assert_itsm_error(itsm_deadline_parse(&d, "within"), ITSM_EINVAL, "'within'");
    assert_itsm_error(itsm_deadline_parse(&d, "4 parsecs"), ITSM_EINVAL, "'4 parsecs'");
    assert_itsm_error(itsm_deadline_parse(&d, "P1DT2H"), ITSM_EINVAL, "not a mixture of days and hours");
    assert_itsm_error(itsm_deadline_parse(&d, "PT4X"), ITSM_EINVAL, "'PT4X'");
    assert_itsm_error(itsm_deadline_parse(&d, "1 week elapsed"), ITSM_EINVAL, "'elapsed' applies to hours");
    assert_itsm_error(itsm_deadline_parse(&d, "0 h"), ITSM_ERANGE, "'0 h'");
    assert_itsm_error(itsm_deadline_parse(&d, "PT0S"), ITSM_ERANGE, "'PT0S'");
    assert_itsm_error(itsm_deadline_parse(&d, "1300 months"), ITSM_ERANGE, "outside 1..1200");
    assert_itsm_error(itsm_deadline_parse(&d, "4 h excluding holidays"), ITSM_EINVAL, "naming the party");
    assert_itsm_error(itsm_deadline_parse(&d, "4 h excluding vendor"), ITSM_EINVAL, "'excluding <party> holidays'");
    assert_itsm_error(itsm_deadline_parse(&d, "4 h excluding v!ndor holidays"), ITSM_EINVAL, "party name");
    assert_itsm_error(itsm_deadline_parse(&d, "2 business days from the start of the month"), ITSM_EINVAL,
                      "is not an exact deadline");
    assert_itsm_error(itsm_deadline_parse(&d, "1 2 3 4 5 6 7 8 9 10 11 12 13 14"), ITSM_EINVAL, "exact deadline");
    char longer[300];
    memset(longer, 'x', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    assert_itsm_error(itsm_deadline_parse(&d, longer), ITSM_EINVAL, "longer than");
    assert_itsm_error(itsm_deadline_parse(NULL, "4 h"), ITSM_EINVAL, "'out'");
    assert_itsm_error(itsm_deadline_parse(&d, NULL), ITSM_EINVAL, "'text'");
}

static void test_check_and_format_errors(void **state)
{
    (void)state;
    itsm_deadline d = rule_of("4 h");
    char small[3], buf[ITSM_DEADLINE_TEXT_SIZE];
    assert_itsm_error(itsm_deadline_format(small, sizeof small, &d), ITSM_ERANGE, "too small");
    d.kind = (itsm_deadline_kind)42;
    assert_itsm_error(itsm_deadline_format(buf, sizeof buf, &d), ITSM_EINVAL, "kind 42");
    d = rule_of("same day");
    d.amount = 3;
    assert_itsm_error(itsm_deadline_check(&d), ITSM_EINVAL, "takes no amount");
    d = rule_of("4 h");
    d.amount = -1;
    assert_itsm_error(itsm_deadline_check(&d), ITSM_ERANGE, "outside 1..");
    d = rule_of("4 h");
    memset(d.calendar, 'a', sizeof d.calendar);
    assert_itsm_error(itsm_deadline_check(&d), ITSM_EINVAL, "calendar name");
    assert_itsm_error(itsm_deadline_check(NULL), ITSM_EINVAL, "'rule'");
}

/* ---- applying the words ----------------------------------------------------------------- */

static void expect_deadline(const itsm_calendar *cal, const char *rule, const char *start, const char *want)
{
    itsm_deadline d = rule_of(rule);
    itsm_instant got = 0;
    assert_itsm_ok(itsm_deadline_apply(&got, &d, cal, at(start)));
    if (got != at(want))
        print_error("rule '%s' from %s:\n", rule, start);
    assert_at(got, want);
}

/* Desk (5.2 sample): 2024-05-01 is a Wednesday; May 3-6 are holidays (Constitution Day,
 * Greenery Day on a Saturday, Children's Day on Sunday, its substitute Monday). */
static void test_desk_calendar_words(void **state)
{
    (void)state;
    itsm_calendar *desk = example_calendar("desk-calendar.json");
    expect_deadline(desk, "same day", "2024-05-01T10:00+09:00", "2024-05-01T18:00+09:00");
    expect_deadline(desk, "same day", "2024-05-01T19:00+09:00", "2024-05-02T18:00+09:00");
    expect_deadline(desk, "next business day", "2024-05-02T10:00+09:00", "2024-05-07T18:00+09:00");
    expect_deadline(desk, "next business day", "2024-04-26T10:00+09:00", "2024-04-27T17:00+09:00");
    expect_deadline(desk, "next day", "2024-04-26T10:00+09:00", "2024-04-27T17:00+09:00");
    /* Half of Wednesday's 9 h is 4.5 h; Saturday's 7 h (9-12, 13-17) gives 3.5 h. */
    expect_deadline(desk, "within half a day", "2024-05-01T10:00+09:00", "2024-05-01T14:30+09:00");
    expect_deadline(desk, "within half a day", "2024-04-27T10:00+09:00", "2024-04-27T14:30+09:00");
    /* Friday 16-18 is 2 h, then Saturday 9-11. */
    expect_deadline(desk, "4 h", "2024-04-26T16:00+09:00", "2024-04-27T11:00+09:00");
    expect_deadline(desk, "4 h elapsed", "2024-04-26T16:00+09:00", "2024-04-26T20:00+09:00");
    /* May 1 is day 0; May 2, 7, 8 are the next three business days. */
    expect_deadline(desk, "within 3 business days", "2024-05-01T10:00+09:00", "2024-05-08T18:00+09:00");
    /* Business days of May: 1, 2, 7, 8, 9, 10, 11 (Sat), 13, 14, 15 -> the 10th is the 15th. */
    expect_deadline(desk, "within 10 business days from the start of the next month", "2024-04-15T10:00+09:00",
                    "2024-05-15T18:00+09:00");
    expect_deadline(desk, "within 1 week", "2024-05-01T10:00+09:00", "2024-05-08T10:00+09:00");
    /* Sunday: the next opening is Tuesday Apr 30 (Monday 29 is Showa Day). */
    expect_deadline(desk, "within 1 week", "2024-04-28T10:00+09:00", "2024-05-07T09:00+09:00");
    expect_deadline(desk, "within 1 day", "2024-04-26T10:00+09:00", "2024-04-27T10:00+09:00");
    expect_deadline(desk, "within 1 month", "2024-01-31T10:00+09:00", "2024-02-29T10:00+09:00");
    /* Two months from Mar 4 is Saturday May 4, a holiday: the next opening is May 7. */
    expect_deadline(desk, "within 2 months", "2024-03-04T10:00+09:00", "2024-05-07T09:00+09:00");
    /* Year end (Dec 29 - Jan 3) is closed: Dec 27 (Fri) + 1 business day is Dec 28 (Sat). */
    expect_deadline(desk, "next business day", "2024-12-27T10:00+09:00", "2024-12-28T17:00+09:00");
    expect_deadline(desk, "within 2 business days", "2024-12-27T10:00+09:00", "2025-01-04T17:00+09:00");
    itsm_calendar_free(desk);
}

/* Vendor: 24x7 without Aug 13-16 and the year end. */
static void test_vendor_calendar_words(void **state)
{
    (void)state;
    itsm_calendar *vendor = example_calendar("vendor-calendar.json");
    /* Aug 12 10:00-24:00 is 14 h; Aug 13-16 are closed; 10 more hours on Aug 17. */
    expect_deadline(vendor, "within 24 h excluding vendor holidays", "2024-08-12T10:00+09:00",
                    "2024-08-17T10:00+09:00");
    /* "Next day" on a 24x7 calendar is the end of the next calendar day. */
    expect_deadline(vendor, "next day", "2024-05-01T10:00+09:00", "2024-05-03T00:00+09:00");
    expect_deadline(vendor, "same day", "2024-05-01T10:00+09:00", "2024-05-02T00:00+09:00");
    expect_deadline(vendor, "next day", "2024-08-12T10:00+09:00", "2024-08-18T00:00+09:00");
    expect_deadline(vendor, "within half a day", "2024-05-01T10:00+09:00", "2024-05-01T22:00+09:00");
    itsm_calendar_free(vendor);
}

static void test_dst_calendar_words(void **state)
{
    (void)state;
    itsm_calendar *ams = make_calendar("ams", "Europe/Amsterdam", "1234567", 0, HM(24, 0), NULL);
    /* The night of Mar 30-31, 2024 has 23 hours: a calendar day is not 24 business hours. */
    expect_deadline(ams, "within 1 day", "2024-03-30T12:00+01:00", "2024-03-31T12:00+02:00");
    expect_deadline(ams, "24 h", "2024-03-30T12:00+01:00", "2024-03-31T13:00+02:00");
    expect_deadline(ams, "24 h elapsed", "2024-03-30T12:00+01:00", "2024-03-31T13:00+02:00");
    expect_deadline(ams, "next day", "2024-10-26T12:00+02:00", "2024-10-28T00:00+01:00");
    itsm_calendar_free(ams);
}

static void test_apply_errors(void **state)
{
    (void)state;
    itsm_calendar *desk = example_calendar("desk-calendar.json");
    itsm_deadline d = rule_of("4 h"), e = rule_of("4 h elapsed");
    itsm_instant out = 0;
    assert_itsm_error(itsm_deadline_apply(&out, &d, NULL, 0), ITSM_EINVAL, "'cal' is NULL");
    assert_itsm_ok(itsm_deadline_apply(&out, &e, NULL, 1000));
    assert_int_equal(out, 1000 + 4 * HOUR);
    assert_itsm_error(itsm_deadline_apply(&out, &e, NULL, ITSM_INSTANT_MAX), ITSM_ERANGE, "deadline");
    assert_itsm_error(itsm_deadline_apply(&out, &d, desk, INT64_C(9000000000)), ITSM_ERANGE, "itsm_deadline_apply");
    assert_itsm_error(itsm_deadline_apply(NULL, &d, desk, 0), ITSM_EINVAL, "'out'");
    itsm_calendar_free(desk);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_domain_words),
        cmocka_unit_test(test_parse_iso8601),
        cmocka_unit_test(test_parse_agreement_level_values),
        cmocka_unit_test(test_format_canonical_round_trip),
        cmocka_unit_test(test_parse_errors_name_the_text),
        cmocka_unit_test(test_check_and_format_errors),
        cmocka_unit_test(test_desk_calendar_words),
        cmocka_unit_test(test_vendor_calendar_words),
        cmocka_unit_test(test_dst_calendar_words),
        cmocka_unit_test(test_apply_errors),
    };
    return cmocka_run_group_tests(tests, itsm_test_group_setup, itsm_test_group_teardown);
}
