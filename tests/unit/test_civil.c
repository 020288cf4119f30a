/* Civil dates and UTC date-times: proleptic Gregorian arithmetic and range limits. */
#include "itsm_test.h"

#include "time/civil.h"

static void test_known_day_numbers(void **state)
{
    (void)state;
    int32_t d;
    assert_itsm_ok(itsm_date_to_days(&d, (itsm_date){1970, 1, 1}));
    assert_int_equal(d, 0);
    assert_itsm_ok(itsm_date_to_days(&d, (itsm_date){2000, 3, 1}));
    assert_int_equal(d, 11017);
    assert_itsm_ok(itsm_date_to_days(&d, (itsm_date){1900, 1, 1}));
    assert_int_equal(d, ITSM_DAYS_MIN);
    assert_itsm_ok(itsm_date_to_days(&d, (itsm_date){2200, 12, 31}));
    assert_int_equal(d, ITSM_DAYS_MAX);
}

/* Every day of the supported range round-trips and advances by exactly one. */
static void test_round_trip_whole_range(void **state)
{
    (void)state;
    itsm_date prev = {1899, 12, 31};
    for (int32_t n = ITSM_DAYS_MIN; n <= ITSM_DAYS_MAX; n++) {
        itsm_date date;
        assert_itsm_ok(itsm_date_from_days(&date, n));
        int32_t back;
        assert_itsm_ok(itsm_date_to_days(&back, date));
        assert_int_equal(back, n);
        if (date.day == 1) {
            assert_int_equal(prev.day, itsm_days_in_month(prev.year, prev.month));
        } else {
            assert_int_equal(date.day, prev.day + 1);
        }
        prev = date;
    }
    assert_int_equal(prev.year, 2200);
}

static void test_leap_years(void **state)
{
    (void)state;
    assert_int_equal(itsm_days_in_month(2000, 2), 29);
    assert_int_equal(itsm_days_in_month(1900, 2), 28);
    assert_int_equal(itsm_days_in_month(2100, 2), 28);
    assert_int_equal(itsm_days_in_month(2024, 2), 29);
    assert_int_equal(itsm_days_in_month(2023, 2), 28);
    assert_int_equal(itsm_days_in_month(2023, 13), 0);
    assert_itsm_error(itsm_date_to_days(&(int32_t){0}, (itsm_date){2100, 2, 29}), ITSM_ERANGE, "day 29 is not 1..28");
}

static void test_weekdays(void **state)
{
    (void)state;
    int wd;
    assert_itsm_ok(itsm_date_weekday(&wd, (itsm_date){1970, 1, 1}));
    assert_int_equal(wd, 4); /* Thursday */
    assert_itsm_ok(itsm_date_weekday(&wd, (itsm_date){2024, 5, 5}));
    assert_int_equal(wd, 7); /* Sunday */
    assert_itsm_ok(itsm_date_weekday(&wd, (itsm_date){1900, 1, 1}));
    assert_int_equal(wd, 1); /* Monday */
    assert_itsm_ok(itsm_date_weekday(&wd, (itsm_date){2200, 12, 31}));
    assert_int_equal(wd, 3); /* Wednesday */
}

static void test_out_of_range_is_an_error(void **state)
{
    (void)state;
    int32_t d;
    itsm_date date;
    assert_itsm_error(itsm_date_to_days(&d, (itsm_date){1899, 12, 31}), ITSM_ERANGE, "year 1899");
    assert_itsm_error(itsm_date_to_days(&d, (itsm_date){2201, 1, 1}), ITSM_ERANGE, "1900..2200");
    assert_itsm_error(itsm_date_to_days(&d, (itsm_date){2024, 0, 1}), ITSM_ERANGE, "month 0");
    assert_itsm_error(itsm_date_from_days(&date, ITSM_DAYS_MAX + 1), ITSM_ERANGE, "day number");
    assert_itsm_error(itsm_date_add_days(&date, (itsm_date){2200, 12, 31}, 1), ITSM_ERANGE, "leaves");
    assert_itsm_ok(itsm_date_add_days(&date, (itsm_date){2024, 2, 28}, 2));
    assert_int_equal(date.month, 3);
    assert_int_equal(date.day, 1);
}

static void test_utc_datetimes(void **state)
{
    (void)state;
    itsm_instant t;
    itsm_datetime dt = {2024, 5, 1, 9, 30, 15};
    assert_itsm_ok(itsm_instant_from_utc(&t, &dt));
    assert_int_equal(t, 1714555815);
    itsm_datetime back;
    assert_itsm_ok(itsm_instant_to_utc(&back, t));
    assert_memory_equal(&back, &dt, sizeof dt);
    assert_itsm_ok(itsm_instant_to_utc(&back, -1));
    assert_int_equal(back.year, 1969);
    assert_int_equal(back.second, 59);
    assert_itsm_error(itsm_instant_to_utc(&back, ITSM_INSTANT_MAX + 1), ITSM_ERANGE, "2200-12-31T23:59:59Z");
    dt.second = 60;
    assert_itsm_error(itsm_instant_from_utc(&t, &dt), ITSM_ERANGE, "leap seconds");
    dt.second = 0;
    dt.hour = 24;
    assert_itsm_error(itsm_instant_from_utc(&t, &dt), ITSM_ERANGE, "hour 24");
}

static void test_floor_division_for_negative_instants(void **state)
{
    (void)state;
    assert_int_equal(itsm__floor_div(-1, 86400), -1);
    assert_int_equal(itsm__floor_mod(-1, 86400), 86399);
    assert_int_equal(itsm__floor_div(86400, 86400), 1);
    assert_int_equal(itsm__weekday(-1), 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_known_day_numbers),
        cmocka_unit_test(test_round_trip_whole_range),
        cmocka_unit_test(test_leap_years),
        cmocka_unit_test(test_weekdays),
        cmocka_unit_test(test_out_of_range_is_an_error),
        cmocka_unit_test(test_utc_datetimes),
        cmocka_unit_test(test_floor_division_for_negative_instants),
    };
    return cmocka_run_group_tests(tests, itsm_test_group_setup, itsm_test_group_teardown);
}
