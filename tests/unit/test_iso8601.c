/* ISO 8601 text: instants, dates, local times of day and durations. */
#include "itsm_test.h"

#include <stdio.h>
#include <stdlib.h>

#define T_2024_05_01 INT64_C(1714521600) /* 2024-05-01T00:00:00Z */

static itsm_instant parse_ok(const char *text, const itsm_tz *zone)
{
    itsm_instant t = 0;
    int rc = itsm_instant_parse(&t, text, zone);
    if (rc != ITSM_OK) {
        print_error("parsing \"%s\" failed: %s\n", text, itsm_error_last());
        fail();
    }
    return t;
}

static void test_instant_forms(void **state)
{
    (void)state;
    assert_int_equal(parse_ok("2024-05-01T00:00:00Z", NULL), T_2024_05_01);
    assert_int_equal(parse_ok("2024-05-01t00:00:00z", NULL), T_2024_05_01);
    assert_int_equal(parse_ok("2024-05-01 00:00:00Z", NULL), T_2024_05_01);
    assert_int_equal(parse_ok("2024-05-01T00:00Z", NULL), T_2024_05_01);
    assert_int_equal(parse_ok("2024-05-01T09:00:00+09:00", NULL), T_2024_05_01);
    assert_int_equal(parse_ok("2024-05-01T09:00:00+0900", NULL), T_2024_05_01);
    assert_int_equal(parse_ok("2024-05-01T09:00:00+09", NULL), T_2024_05_01);
    assert_int_equal(parse_ok("2024-04-30T20:30:00-03:30", NULL), T_2024_05_01);
    assert_int_equal(parse_ok("2024-05-01T00:00:00.000Z", NULL), T_2024_05_01);
    assert_int_equal(parse_ok("2024-05-01T00:00:00,0Z", NULL), T_2024_05_01);
    /* 24:00 is the end of the day, i.e. the next day's 00:00. */
    assert_int_equal(parse_ok("2024-04-30T24:00:00Z", NULL), T_2024_05_01);
    assert_int_equal(parse_ok("2024-04-30T24:00Z", NULL), T_2024_05_01);
    assert_int_equal(parse_ok("1970-01-01T00:00:00Z", NULL), 0);
    /* Offsets with seconds (local mean time), as itsm_instant_format writes them. */
    assert_int_equal(parse_ok("2024-05-01T09:18:59+09:18:59", NULL), T_2024_05_01);
    assert_int_equal(parse_ok("2024-04-30T23:40:28-00:19:32", NULL), T_2024_05_01);
}

static void test_instant_range_edges(void **state)
{
    (void)state;
    itsm_instant t;
    assert_int_equal(parse_ok("1900-01-01T00:00:00Z", NULL), ITSM_INSTANT_MIN);
    assert_int_equal(parse_ok("2200-12-31T23:59:59Z", NULL), ITSM_INSTANT_MAX);
    assert_itsm_error(itsm_instant_parse(&t, "1899-12-31T23:59:59Z", NULL), ITSM_ERANGE, "year 1899");
    assert_itsm_error(itsm_instant_parse(&t, "1900-01-01T00:00:00+01:00", NULL), ITSM_ERANGE, "supported range");
    assert_itsm_error(itsm_instant_parse(&t, "2200-12-31T23:59:59-00:01", NULL), ITSM_ERANGE, "supported range");
}

static void test_instant_errors_say_where(void **state)
{
    (void)state;
    itsm_instant t = 42;
    assert_itsm_error(itsm_instant_parse(&t, "2024-13-01T00:00:00Z", NULL), ITSM_ERANGE, "month 13 is not 1..12 at offset 5");
    assert_itsm_error(itsm_instant_parse(&t, "2024-02-30T00:00:00Z", NULL), ITSM_ERANGE, "day 30 is not 1..29 in 2024-02 at offset 8");
    assert_itsm_error(itsm_instant_parse(&t, "2024-05-01X00:00:00Z", NULL), ITSM_EPARSE, "expected 'T' between the date and the time at offset 10");
    assert_itsm_error(itsm_instant_parse(&t, "2024-05-01T0:00:00Z", NULL), ITSM_EPARSE, "2 digits for the hour at offset 11");
    assert_itsm_error(itsm_instant_parse(&t, "2024-05-01T00:00:00", NULL), ITSM_EPARSE, "missing UTC offset");
    assert_itsm_error(itsm_instant_parse(&t, "2024-05-01T00:00:00Z junk", NULL), ITSM_EPARSE, "trailing text at offset 20");
    assert_itsm_error(itsm_instant_parse(&t, "2024-05-01T00:00:00.5Z", NULL), ITSM_EPARSE, "fractional seconds are not supported");
    assert_itsm_error(itsm_instant_parse(&t, "2024-05-01T00:00:60Z", NULL), ITSM_ERANGE, "leap seconds");
    assert_itsm_error(itsm_instant_parse(&t, "2024-05-01T24:01:00Z", NULL), ITSM_ERANGE, "24 only as 24:00");
    assert_itsm_error(itsm_instant_parse(&t, "2024-05-01T12:00:00+24:00", NULL), ITSM_ERANGE, "UTC offset");
    assert_itsm_error(itsm_instant_parse(&t, "2024-05-01T12:00:00+09:", NULL), ITSM_EPARSE, "offset minutes");
    assert_itsm_error(itsm_instant_parse(&t, "2024-5-01T00:00Z", NULL), ITSM_EPARSE, "2 digits for the month at offset 5");
    assert_itsm_error(itsm_instant_parse(&t, "2024-05-01T00:00:00+00:19:60", NULL), ITSM_ERANGE, "at offset 19");
    assert_itsm_error(itsm_instant_parse(&t, "", NULL), ITSM_EPARSE, "4 digits for the year at offset 0");
    assert_itsm_error(itsm_instant_parse(&t, "2024", NULL), ITSM_EPARSE, "expected '-' after the year at offset 4");
    assert_itsm_error(itsm_instant_parse(&t, NULL, NULL), ITSM_EINVAL, "text");
    /* Failure never writes the output. */
    assert_int_equal(t, 42);
    /* Non-printable bytes are not echoed raw into the message. */
    assert_itsm_error(itsm_instant_parse(&t, "2024-05-01T00:00:00\x01", NULL), ITSM_EPARSE, "00:00:00?\"");
}

static void test_instant_without_offset_in_a_zone(void **state)
{
    (void)state;
    itsm_tz *tokyo = itsm_test_zone("Asia/Tokyo");
    itsm_tz *ams = itsm_test_zone("Europe/Amsterdam");
    assert_int_equal(parse_ok("2024-05-01T09:00:00", tokyo), T_2024_05_01);
    assert_int_equal(parse_ok("2024-04-30T24:00:00", tokyo), T_2024_05_01 - 9 * 3600);
    /* An explicit offset wins over the zone. */
    assert_int_equal(parse_ok("2024-05-01T00:00:00Z", tokyo), T_2024_05_01);
    /* Default policy in the 2024-03-31 gap: 02:30 CET does not exist, moves to 03:30 CEST. */
    assert_int_equal(parse_ok("2024-03-31T02:30:00", ams), parse_ok("2024-03-31T01:30:00Z", NULL));
    itsm_tz_free(tokyo);
    itsm_tz_free(ams);
}

static void test_parse_n_needs_no_terminator(void **state)
{
    (void)state;
    const char buf[] = "2024-05-01T00:00:00Zgarbage";
    itsm_instant t;
    assert_itsm_ok(itsm_instant_parse_n(&t, buf, 20, NULL));
    assert_int_equal(t, T_2024_05_01);
    assert_itsm_error(itsm_instant_parse_n(&t, buf, 19, NULL), ITSM_EPARSE, "missing UTC offset");
    assert_itsm_error(itsm_instant_parse_n(&t, buf, 5, NULL), ITSM_EPARSE, "offset 5");
}

static void test_format(void **state)
{
    (void)state;
    char buf[ITSM_INSTANT_TEXT_SIZE];
    assert_itsm_ok(itsm_instant_format(buf, sizeof buf, T_2024_05_01, NULL));
    assert_string_equal(buf, "2024-05-01T00:00:00Z");
    assert_itsm_ok(itsm_instant_format_offset(buf, sizeof buf, T_2024_05_01, 9 * 3600));
    assert_string_equal(buf, "2024-05-01T09:00:00+09:00");
    assert_itsm_ok(itsm_instant_format_offset(buf, sizeof buf, T_2024_05_01, -(3 * 3600 + 30 * 60)));
    assert_string_equal(buf, "2024-04-30T20:30:00-03:30");
    assert_itsm_ok(itsm_instant_format_offset(buf, sizeof buf, T_2024_05_01, 0));
    assert_string_equal(buf, "2024-05-01T00:00:00+00:00");
    assert_itsm_ok(itsm_instant_format_offset(buf, sizeof buf, T_2024_05_01, 33539)); /* Tokyo LMT 9:18:59 */
    assert_string_equal(buf, "2024-05-01T09:18:59+09:18:59");
    itsm_tz *tokyo = itsm_test_zone("Asia/Tokyo");
    assert_itsm_ok(itsm_instant_format(buf, sizeof buf, T_2024_05_01, tokyo));
    assert_string_equal(buf, "2024-05-01T09:00:00+09:00");
    itsm_tz_free(tokyo);
    assert_itsm_ok(itsm_instant_format(buf, sizeof buf, ITSM_INSTANT_MIN, NULL));
    assert_string_equal(buf, "1900-01-01T00:00:00Z");
}

static void test_format_errors(void **state)
{
    (void)state;
    char buf[ITSM_INSTANT_TEXT_SIZE] = "untouched";
    assert_itsm_error(itsm_instant_format(buf, 20, T_2024_05_01, NULL), ITSM_EINVAL, "buffer of 20 bytes is too small (21 needed)");
    assert_itsm_ok(itsm_instant_format(buf, 21, T_2024_05_01, NULL));
    assert_itsm_error(itsm_instant_format(buf, sizeof buf, ITSM_INSTANT_MAX + 1, NULL), ITSM_ERANGE, "instant");
    assert_itsm_error(itsm_instant_format_offset(buf, sizeof buf, ITSM_INSTANT_MIN, -60), ITSM_ERANGE, "1900-01-01..2200-12-31");
    assert_itsm_error(itsm_instant_format_offset(buf, sizeof buf, 0, 86400), ITSM_EINVAL, "UTC offset");
}

/* Formatting and parsing are inverse over the whole range, at any offset. */
static void test_round_trip_random(void **state)
{
    (void)state;
    srand(20241121);
    char buf[ITSM_INSTANT_TEXT_SIZE];
    for (int i = 0; i < 200000; i++) {
        uint64_t r = ((uint64_t)rand() << 31) ^ (uint64_t)rand();
        itsm_instant t = ITSM_INSTANT_MIN + 86400 + (itsm_instant)(r % (uint64_t)(ITSM_INSTANT_MAX - ITSM_INSTANT_MIN - 2 * 86400));
        int32_t offset = (int32_t)(rand() % (2 * 14 * 4 + 1) - 14 * 4) * 900;
        assert_itsm_ok(itsm_instant_format_offset(buf, sizeof buf, t, offset));
        assert_int_equal(parse_ok(buf, NULL), t);
        assert_itsm_ok(itsm_instant_format(buf, sizeof buf, t, NULL));
        assert_int_equal(parse_ok(buf, NULL), t);
    }
}

static void test_dates(void **state)
{
    (void)state;
    itsm_date d;
    char buf[ITSM_DATE_TEXT_SIZE];
    assert_itsm_ok(itsm_date_parse(&d, "2024-02-29"));
    assert_int_equal(d.year, 2024);
    assert_int_equal(d.month, 2);
    assert_int_equal(d.day, 29);
    assert_itsm_ok(itsm_date_format(buf, sizeof buf, d));
    assert_string_equal(buf, "2024-02-29");
    assert_itsm_error(itsm_date_parse(&d, "2023-02-29"), ITSM_ERANGE, "day 29 is not 1..28");
    assert_itsm_error(itsm_date_parse(&d, "2024-02-29T00:00"), ITSM_EPARSE, "trailing text at offset 10");
    assert_itsm_error(itsm_date_parse(&d, "24-02-29"), ITSM_EPARSE, "year");
    assert_itsm_error(itsm_date_format(buf, sizeof buf, (itsm_date){2024, 2, 30}), ITSM_ERANGE, "day 30");
    assert_itsm_error(itsm_date_format(buf, 10, (itsm_date){2024, 2, 1}), ITSM_EINVAL, "too small");
}

static void test_local_times(void **state)
{
    (void)state;
    int32_t s;
    char buf[ITSM_LOCAL_TIME_TEXT_SIZE];
    assert_itsm_ok(itsm_local_time_parse(&s, "09:00"));
    assert_int_equal(s, 32400);
    assert_itsm_ok(itsm_local_time_parse(&s, "23:59:59"));
    assert_int_equal(s, 86399);
    assert_itsm_ok(itsm_local_time_parse(&s, "24:00"));
    assert_int_equal(s, 86400);
    assert_itsm_ok(itsm_local_time_parse(&s, "24:00:00"));
    assert_int_equal(s, 86400);
    assert_itsm_ok(itsm_local_time_parse(&s, "00:00"));
    assert_int_equal(s, 0);
    assert_itsm_error(itsm_local_time_parse(&s, "9:00"), ITSM_EPARSE, "hour at offset 0");
    assert_itsm_error(itsm_local_time_parse(&s, "24:30"), ITSM_ERANGE, "24 only as 24:00");
    assert_itsm_error(itsm_local_time_parse(&s, "12:60"), ITSM_ERANGE, "minute 60 is not 00..59 at offset 3");
    assert_itsm_error(itsm_local_time_parse(&s, "12:00:00.0"), ITSM_EPARSE, "trailing text at offset 8");
    assert_itsm_error(itsm_local_time_parse(&s, "12:00 "), ITSM_EPARSE, "trailing");
    assert_itsm_ok(itsm_local_time_format(buf, sizeof buf, 86400));
    assert_string_equal(buf, "24:00");
    assert_itsm_ok(itsm_local_time_format(buf, sizeof buf, 32415));
    assert_string_equal(buf, "09:00:15");
    assert_itsm_error(itsm_local_time_format(buf, sizeof buf, 86401), ITSM_ERANGE, "0..86400");
    assert_itsm_error(itsm_local_time_format(buf, 5, 0), ITSM_EINVAL, "too small");
}

static itsm_duration duration_ok(const char *text)
{
    itsm_duration d = 0;
    int rc = itsm_duration_parse(&d, text);
    if (rc != ITSM_OK) {
        print_error("parsing duration \"%s\" failed: %s\n", text, itsm_error_last());
        fail();
    }
    return d;
}

static void test_durations(void **state)
{
    (void)state;
    assert_int_equal(duration_ok("PT30M"), 1800);
    assert_int_equal(duration_ok("P1D"), 86400);
    assert_int_equal(duration_ok("P1DT2H3M4S"), 86400 + 7200 + 180 + 4);
    assert_int_equal(duration_ok("PT1H30S"), 3630);
    assert_int_equal(duration_ok("P2W"), 14 * 86400);
    assert_int_equal(duration_ok("-PT1H"), -3600);
    assert_int_equal(duration_ok("+PT1H"), 3600);
    assert_int_equal(duration_ok("PT0S"), 0);
    assert_int_equal(duration_ok("PT36H"), 36 * 3600);
    assert_int_equal(duration_ok("PT9223372036854775807S"), INT64_MAX);
}

static void test_duration_errors(void **state)
{
    (void)state;
    itsm_duration d;
    assert_itsm_error(itsm_duration_parse(&d, "P1Y"), ITSM_EPARSE, "years and months have no fixed length");
    assert_itsm_error(itsm_duration_parse(&d, "P1M"), ITSM_EPARSE, "years and months");
    assert_itsm_error(itsm_duration_parse(&d, "PT30S1M"), ITSM_EPARSE, "in that order");
    assert_itsm_error(itsm_duration_parse(&d, "P"), ITSM_EPARSE, "at least one component");
    assert_itsm_error(itsm_duration_parse(&d, "PT"), ITSM_EPARSE, "after 'T'");
    assert_itsm_error(itsm_duration_parse(&d, "P1.5D"), ITSM_EPARSE, "fractional");
    assert_itsm_error(itsm_duration_parse(&d, "P1W2D"), ITSM_EPARSE, "trailing");
    assert_itsm_error(itsm_duration_parse(&d, "P1DT1W"), ITSM_EPARSE, "weeks cannot be combined");
    assert_itsm_error(itsm_duration_parse(&d, "1D"), ITSM_EPARSE, "expected 'P'");
    assert_itsm_error(itsm_duration_parse(&d, "PT9223372036854775808S"), ITSM_ERANGE, "too large");
    assert_itsm_error(itsm_duration_parse(&d, "P106751991167301D"), ITSM_ERANGE, "64-bit");
}

static void test_duration_format_round_trip(void **state)
{
    (void)state;
    const itsm_duration values[] = {0, 1, 59, 60, 3600, 86399, 86400, 90061, -1800, INT64_MAX, INT64_MIN + 1};
    const char *expect[] = {"PT0S", "PT1S", "PT59S", "PT1M", "PT1H", "PT23H59M59S", "P1D", "P1DT1H1M1S", "-PT30M",
                            "P106751991167300DT15H30M7S", "-P106751991167300DT15H30M7S"};
    char buf[ITSM_DURATION_TEXT_SIZE];
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        assert_itsm_ok(itsm_duration_format(buf, sizeof buf, values[i]));
        assert_string_equal(buf, expect[i]);
        assert_int_equal(duration_ok(buf), values[i]);
    }
    assert_itsm_ok(itsm_duration_format(buf, sizeof buf, INT64_MIN));
    assert_string_equal(buf, "-P106751991167300DT15H30M8S");
    assert_itsm_error(itsm_duration_format(buf, 4, 3600), ITSM_EINVAL, "too small");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_instant_forms),
        cmocka_unit_test(test_instant_range_edges),
        cmocka_unit_test(test_instant_errors_say_where),
        cmocka_unit_test(test_instant_without_offset_in_a_zone),
        cmocka_unit_test(test_parse_n_needs_no_terminator),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_format_errors),
        cmocka_unit_test(test_round_trip_random),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_local_times),
        cmocka_unit_test(test_durations),
        cmocka_unit_test(test_duration_errors),
        cmocka_unit_test(test_duration_format_round_trip),
    };
    return cmocka_run_group_tests(tests, itsm_test_group_setup, itsm_test_group_teardown);
}
