/* Calendar documents: the README example loads and answers correctly, documents round-trip
 * to identical text, every error names its JSON path, custom holiday sets resolve from
 * the caller's list, and allocation failures leak nothing. */
#include "itsm_test.h"

#include "calendar/calendar_internal.h"
#include "calendar/holidays_internal.h"
#include "itsm/calendar.h"
#include "itsm/holidays.h"

#include <stdio.h>
#include <stdlib.h>

/* The example of the issue and the README. */
static const char README_EXAMPLE[] =
    "{\"itsm_schema\": 1, \"type\": \"calendar\", \"name\": \"desk\", \"zone\": \"Asia/Tokyo\",\n"
    " \"week\": {\"mon\": [\"09:00-18:00\"], \"tue\": [\"09:00-18:00\"], \"wed\": [\"09:00-18:00\"],\n"
    "          \"thu\": [\"09:00-18:00\"], \"fri\": [\"09:00-18:00\"],\n"
    "          \"sat\": [\"09:00-12:00\", \"13:00-17:00\"], \"sun\": []},\n"
    " \"holidays\": [\"jp\", \"jp-year-end\"],\n"
    " \"closed\": [\"2024-08-13\", {\"date\": \"2024-11-30\", \"from\": \"22:00\", \"to\": \"24:00\"}],\n"
    " \"open\": [{\"date\": \"2024-12-28\", \"intervals\": [\"09:00-12:00\"]}]}";

/* Everything the format has: overnight shifts, every kind of custom rule, replacing
 * openings, partial closures, options, non-ASCII names. */
static const char FULL_EXAMPLE[] =
    "{\"itsm_schema\": 1, \"type\": \"calendar\", \"name\": \"night-desk\", \"zone\": \"Europe/Amsterdam\",\n"
    " \"week\": {\"mon\": [\"09:00-12:00\", \"12:00-13:00\", {\"from\": \"22:00\", \"to\": \"06:00\", \"overnight\": true}],\n"
    "          \"tue\": [{\"from\": \"08:30\", \"to\": \"17:15:30\"}], \"fri\": [\"00:00-24:00\"]},\n"
    " \"holidays\": [\"jp-year-end\",\n"
    "   {\"name\": \"vendor\", \"dates\": [\"2024-08-14\", {\"date\": \"2024-08-15\", \"name\": \"お盆\"}],\n"
    "    \"fixed\": [{\"month\": 5, \"day\": 1, \"name\": \"Labour Day\", \"from_year\": 2000}],\n"
    "    \"nth_weekday\": [{\"month\": 11, \"nth\": -1, \"weekday\": \"fri\", \"name\": \"Black Friday\", \"to_year\": "
    "2030}],\n"
    "    \"ranges\": [{\"from\": \"12-24\", \"to\": \"12-26\", \"name\": \"Xmas\"}]}],\n"
    " \"closed\": [{\"date\": \"2024-03-04\", \"from\": \"10:00\", \"to\": \"11:00\"}, \"2024-03-11\", {\"date\": \"2024-03-18\"}],\n"
    " \"open\": [{\"date\": \"2024-03-09\", \"intervals\": [\"10:00-12:00\", {\"from\": \"13:00\", \"to\": \"14:00\"}]},\n"
    "          {\"date\": \"2024-03-12\", \"intervals\": [\"10:00-11:00\"], \"replace\": true}],\n"
    " \"options\": {\"closure_splits_overnight\": true, \"half_day\": \"PT4H\", \"search_horizon_days\": 400,\n"
    "             \"snap_deadline_to_open\": true}}";

static itsm_calendar *load(const char *json)
{
    itsm_calendar *cal = NULL;
    assert_itsm_ok(itsm_calendar_from_json(&cal, json, strlen(json), NULL, 0));
    assert_non_null(cal);
    return cal;
}

static itsm_instant at(const char *text)
{
    itsm_instant t;
    assert_itsm_ok(itsm_instant_parse(&t, text, NULL));
    return t;
}

static int open_at(const itsm_calendar *cal, const char *text)
{
    int open = -1;
    assert_itsm_ok(itsm_calendar_is_open(&open, cal, at(text)));
    return open;
}

static int business_day(const itsm_calendar *cal, int32_t y, int32_t m, int32_t d)
{
    int yes = -1;
    assert_itsm_ok(itsm_calendar_is_business_day(&yes, cal, (itsm_date){y, m, d}));
    return yes;
}

static char *to_json(const itsm_calendar *cal)
{
    char *text = NULL;
    assert_itsm_ok(itsm_calendar_to_json(&text, cal));
    assert_non_null(text);
    return text;
}

/* ---- the README example ------------------------------------------------------------------ */

static void test_readme_example_answers(void **state)
{
    (void)state;
    itsm_calendar *cal = load(README_EXAMPLE);
    assert_string_equal(itsm_calendar_name(cal), "desk");
    assert_string_equal(itsm_tz_name(itsm_calendar_zone(cal)), "Asia/Tokyo");

    /* Saturday 2024-08-10: open in the morning, closed over the lunch break. */
    assert_int_equal(open_at(cal, "2024-08-10T11:59:59+09:00"), 1);
    assert_int_equal(open_at(cal, "2024-08-10T12:30:00+09:00"), 0);
    assert_int_equal(open_at(cal, "2024-08-10T13:00:00+09:00"), 1);
    assert_int_equal(open_at(cal, "2024-08-10T17:00:00+09:00"), 0);
    /* Sunday closed; a Monday that is a substitute holiday (2024-08-12) closed. */
    assert_int_equal(open_at(cal, "2024-08-11T10:00:00+09:00"), 0);
    assert_int_equal(business_day(cal, 2024, 8, 12), 0);
    /* The closed date 2024-08-13 (a Tuesday). */
    assert_int_equal(business_day(cal, 2024, 8, 13), 0);
    assert_int_equal(business_day(cal, 2024, 8, 14), 1);
    /* 2024-12-28, a Saturday just before the year-end closing, has its extra opening;
     * Dec 30 (a Monday) is inside the year-end closing. */
    assert_int_equal(open_at(cal, "2024-12-28T09:00:00+09:00"), 1);
    assert_int_equal(open_at(cal, "2024-12-28T11:30:00+09:00"), 1);
    assert_int_equal(business_day(cal, 2024, 12, 30), 0);
    assert_int_equal(business_day(cal, 2025, 1, 3), 0);
    assert_int_equal(business_day(cal, 2025, 1, 6), 1);
    /* One Wednesday: 9 h. */
    int64_t s = 0;
    assert_itsm_ok(itsm_calendar_business_seconds(&s, cal, at("2024-08-14T00:00:00+09:00"),
                                                  at("2024-08-15T00:00:00+09:00")));
    assert_int_equal(s, 9 * 3600);
    /* Friday 17:00 + 2 business hours = Saturday 10:00. */
    itsm_instant u = 0;
    assert_itsm_ok(itsm_calendar_add_business(&u, cal, at("2024-08-09T17:00:00+09:00"), 2 * 3600));
    assert_int_equal(u, at("2024-08-10T10:00:00+09:00"));
    itsm_calendar_free(cal);
}

static void test_extra_opening_on_a_holiday(void **state)
{
    (void)state;
    static const char doc[] =
        "{\"itsm_schema\": 1, \"type\": \"calendar\", \"name\": \"desk\", \"zone\": \"Asia/Tokyo\","
        " \"week\": {\"mon\": [\"09:00-18:00\"], \"sat\": [\"09:00-12:00\", \"13:00-17:00\"]},"
        " \"holidays\": [\"jp\", \"jp-year-end\"],"
        " \"open\": [{\"date\": \"2024-12-30\", \"intervals\": [\"09:00-12:00\"], \"replace\": true},"
        "          {\"date\": \"2024-12-28\", \"intervals\": [\"09:00-12:00\"], \"replace\": true}]}";
    itsm_calendar *cal = load(doc);
    /* Dec 30 is a year-end holiday and a Monday: open 09:00-12:00 only. */
    assert_int_equal(open_at(cal, "2024-12-30T10:00:00+09:00"), 1);
    assert_int_equal(open_at(cal, "2024-12-30T13:00:00+09:00"), 0);
    /* Dec 28 replaced: the afternoon of the Saturday template is gone. */
    assert_int_equal(open_at(cal, "2024-12-28T11:00:00+09:00"), 1);
    assert_int_equal(open_at(cal, "2024-12-28T14:00:00+09:00"), 0);
    itsm_calendar_free(cal);
}

/* ---- round trip ---------------------------------------------------------------------------- */

/* load -> save -> load -> save gives identical text, and the two calendars answer alike. */
static void check_round_trip(const char *doc, const char *const *expected_fragments)
{
    itsm_calendar *a = load(doc);
    char *text_a = to_json(a);
    itsm_calendar *b = load(text_a);
    char *text_b = to_json(b);
    assert_string_equal(text_a, text_b);
    for (const char *const *f = expected_fragments; f != NULL && *f != NULL; f++) {
        if (strstr(text_a, *f) == NULL) {
            print_error("canonical output lacks %s:\n%s\n", *f, text_a);
            fail();
        }
    }
    /* Same answers over a year, hour by hour. */
    itsm_instant t0 = at("2024-01-01T00:00:00Z");
    for (int h = 0; h < 366 * 24; h += 5) {
        itsm_instant t = t0 + (int64_t)h * 3600 + 1234;
        int oa, ob;
        int64_t sa, sb;
        assert_itsm_ok(itsm_calendar_is_open(&oa, a, t));
        assert_itsm_ok(itsm_calendar_is_open(&ob, b, t));
        assert_int_equal(oa, ob);
        assert_itsm_ok(itsm_calendar_business_seconds(&sa, a, t0, t));
        assert_itsm_ok(itsm_calendar_business_seconds(&sb, b, t0, t));
        assert_int_equal(sa, sb);
    }
    itsm_free(text_a);
    itsm_free(text_b);
    itsm_calendar_free(a);
    itsm_calendar_free(b);
}

static void test_round_trip_readme(void **state)
{
    (void)state;
    static const char *const fragments[] = {
        "\"itsm_schema\": 1", "\"type\": \"calendar\"", "\"jp\"", "\"jp-year-end\"", "\"2024-08-13\"",
        "\"13:00-17:00\"",    "\"22:00\"",              "\"24:00\"", NULL};
    check_round_trip(README_EXAMPLE, fragments);
}

static void test_round_trip_full(void **state)
{
    (void)state;
    static const char *const fragments[] = {
        "\"overnight\": true", "\"09:00-13:00\"", "\"08:30-17:15:30\"", "\"00:00-24:00\"", "\"replace\": true",
        "\"half_day\": \"PT4H\"", "\"search_horizon_days\": 400", "\"closure_splits_overnight\": true",
        "\"snap_deadline_to_open\": true", "\"vendor\"", "お盆", "\"2024-03-18\"", NULL};
    check_round_trip(FULL_EXAMPLE, fragments);
}

static void test_canonical_text_is_stable(void **state)
{
    (void)state;
    /* The same calendar written with other spellings gives the same canonical text. */
    static const char other[] =
        "{\"type\": \"calendar\", \"zone\": \"Asia/Tokyo\", \"itsm_schema\": 1, \"name\": \"desk\","
        " \"holidays\": [\"jp\", \"jp-year-end\"],"
        " \"week\": {\"sun\": [], \"sat\": [\"09:00:00-12:00\", {\"from\": \"13:00\", \"to\": \"17:00\"}],"
        "          \"mon\": [\"09:00-12:00\", \"11:00-18:00\"], \"tue\": [\"09:00-18:00\"], \"wed\": [\"09:00-18:00\"],"
        "          \"thu\": [\"09:00-18:00\"], \"fri\": [\"09:00-18:00\"]},"
        " \"closed\": [{\"date\": \"2024-08-13\"}, {\"date\": \"2024-11-30\", \"from\": \"22:00\"}],"
        " \"open\": [{\"date\": \"2024-12-28\", \"intervals\": [{\"from\": \"09:00\", \"to\": \"12:00\"}], "
        "\"replace\": false}],"
        " \"options\": {\"search_horizon_days\": 3653, \"snap_deadline_to_open\": false}}";
    itsm_calendar *a = load(README_EXAMPLE), *b = load(other);
    char *ta = to_json(a), *tb = to_json(b);
    assert_string_equal(ta, tb);
    itsm_free(ta);
    itsm_free(tb);
    itsm_calendar_free(a);
    itsm_calendar_free(b);
}

/* ---- errors ----------------------------------------------------------------------------------- */

typedef struct bad_doc {
    const char *json;
    int code;
    const char *fragment;
} bad_doc;

#define HEAD "{\"itsm_schema\": 1, \"type\": \"calendar\", \"name\": \"c\", \"zone\": \"UTC\", "
#define WEEK "\"week\": {\"mon\": [\"09:00-17:00\"]}"

static const bad_doc BAD_DOCS[] = {
    /* malformed JSON: line and column from jansson */
    {"{\"itsm_schema\": 1,\n  \"type\": }", ITSM_EPARSE, "line 2, column"},
    {"", ITSM_EPARSE, "line 1"},
    {HEAD WEEK "} trailing", ITSM_EPARSE, "line 1, column"},
    {HEAD WEEK ", \"name\": \"again\"}", ITSM_EPARSE, "duplicate object key"},
    {"{\"itsm_schema\": 1, \"type\": \"calendar\", \"name\": \"\xff\"}", ITSM_EPARSE, "unable to decode byte 0xff"},
    /* the document itself */
    {"[1, 2]", ITSM_EINVAL, "$: expected an object, got an array"},
    {"{\"type\": \"calendar\", \"name\": \"c\", \"zone\": \"UTC\", " WEEK "}", ITSM_EVERSION,
     "$: missing \"itsm_schema\""},
    {"{\"itsm_schema\": 2, \"type\": \"calendar\", \"whatever\": 1}", ITSM_EVERSION,
     "$.itsm_schema: version 2 is newer than this library (1)"},
    {"{\"itsm_schema\": 0, \"type\": \"calendar\"}", ITSM_EVERSION, "$.itsm_schema: version 0"},
    {"{\"itsm_schema\": \"1\", \"type\": \"calendar\"}", ITSM_EINVAL, "$.itsm_schema: expected an integer, got a string"},
    {"{\"itsm_schema\": 1, \"type\": \"agreement\"}", ITSM_EINVAL, "$.type: \"agreement\" is not \"calendar\""},
    {"{\"itsm_schema\": 1}", ITSM_EINVAL, "$: missing required key \"type\""},
    {HEAD WEEK ", \"wek\": {}}", ITSM_EINVAL, "$.wek: unknown key (expected one of: itsm_schema, type, name"},
    {"{\"itsm_schema\": 1, \"type\": \"calendar\", \"zone\": \"UTC\", " WEEK "}", ITSM_EINVAL,
     "$: missing required key \"name\""},
    {"{\"itsm_schema\": 1, \"type\": \"calendar\", \"name\": 7, \"zone\": \"UTC\", " WEEK "}", ITSM_EINVAL,
     "$.name: expected a string, got an integer"},
    {"{\"itsm_schema\": 1, \"type\": \"calendar\", \"name\": \"\", \"zone\": \"UTC\", " WEEK "}", ITSM_EINVAL,
     "$.name: "},
    {"{\"itsm_schema\": 1, \"type\": \"calendar\", \"name\": \"c\", \"zone\": \"Asia/Tokio\", " WEEK "}",
     ITSM_ENOTFOUND, "$.zone: "},
    {"{\"itsm_schema\": 1, \"type\": \"calendar\", \"name\": \"c\", \"zone\": \"UTC\"}", ITSM_EINVAL,
     "$: missing required key \"week\""},
    /* week */
    {HEAD "\"week\": [\"09:00-17:00\"]}", ITSM_EINVAL, "$.week: expected an object, got an array"},
    {HEAD "\"week\": {\"1\": [\"09:00-17:00\"]}}", ITSM_EINVAL,
     "$.week[\"1\"]: unknown key (expected one of: mon, tue, wed, thu, fri, sat, sun)"},
    {HEAD "\"week\": {\"monday\": []}}", ITSM_EINVAL, "$.week.monday: unknown key"},
    {HEAD "\"week\": {\"mon\": \"09:00-17:00\"}}", ITSM_EINVAL, "$.week.mon: expected an array, got a string"},
    {HEAD "\"week\": {\"mon\": [\"09:00-12:00\", \"18:00-09:00\"]}}", ITSM_EINVAL,
     "$.week.mon[1]: \"18:00-09:00\": end is not after start (use {\"from\",\"to\",\"overnight\":true})"},
    {HEAD "\"week\": {\"mon\": [\"09:00-09:00\"]}}", ITSM_EINVAL, "$.week.mon[0]: \"09:00-09:00\": end is not after"},
    {HEAD "\"week\": {\"sat\": [{\"from\": \"09:00\", \"to\": \"18:00\", \"overnight\": true}]}}", ITSM_EINVAL,
     "$.week.sat[0]: \"overnight\": true needs \"to\" at or before \"from\""},
    {HEAD "\"week\": {\"sat\": [{\"from\": \"22:00\", \"to\": \"06:00\"}]}}", ITSM_EINVAL,
     "$.week.sat[0]: end 06:00 is not after start 22:00 (add \"overnight\": true"},
    {HEAD "\"week\": {\"sat\": [{\"from\": \"22:00\", \"to\": \"06:00\", \"overnight\": 1}]}}", ITSM_EINVAL,
     "$.week.sat[0].overnight: expected true or false, got an integer"},
    {HEAD "\"week\": {\"sat\": [{\"from\": \"22:00\", \"until\": \"06:00\"}]}}", ITSM_EINVAL,
     "$.week.sat[0].until: unknown key (expected one of: from, to, overnight)"},
    {HEAD "\"week\": {\"sat\": [{\"from\": \"22:00\"}]}}", ITSM_EINVAL, "$.week.sat[0]: missing required key \"to\""},
    {HEAD "\"week\": {\"mon\": [\"25:00-26:00\"]}}", ITSM_ERANGE, "$.week.mon[0]: \"25:00-26:00\": expected a time"},
    {HEAD "\"week\": {\"mon\": [\"9-17\"]}}", ITSM_EPARSE, "$.week.mon[0]: \"9-17\""},
    {HEAD "\"week\": {\"mon\": [\"09:00\"]}}", ITSM_EPARSE, "$.week.mon[0]: \"09:00\": expected an interval"},
    {HEAD "\"week\": {\"mon\": [\"09:00 - 17:00\"]}}", ITSM_EPARSE, "$.week.mon[0]"},
    {HEAD "\"week\": {\"mon\": [42]}}", ITSM_EINVAL, "$.week.mon[0]: expected an interval"},
    {HEAD "\"week\": {\"mon\": [{\"from\": \"24:00\", \"to\": \"06:00\", \"overnight\": true}]}}", ITSM_EINVAL,
     "$.week.mon[0].from: an interval cannot start at 24:00"},
    /* holidays */
    {HEAD WEEK ", \"holidays\": \"jp\"}", ITSM_EINVAL, "$.holidays: expected an array, got a string"},
    {HEAD WEEK ", \"holidays\": [\"jp\", \"jp-year-end\", \"jpp\"]}", ITSM_ENOTFOUND,
     "$.holidays[2]: unknown holiday set \"jpp\""},
    {HEAD WEEK ", \"holidays\": [\"jp\", \"jp\"]}", ITSM_EINVAL, "$.holidays[1]: holiday set \"jp\" is already listed at [0]"},
    {HEAD WEEK ", \"holidays\": [1]}", ITSM_EINVAL, "$.holidays[0]: expected a holiday set name or an inline set"},
    {HEAD WEEK ", \"holidays\": [{\"dates\": []}]}", ITSM_EINVAL, "$.holidays[0]: missing required key \"name\""},
    {HEAD WEEK ", \"holidays\": [{\"name\": \"bad name\"}]}", ITSM_EINVAL, "$.holidays[0].name: "},
    {HEAD WEEK ", \"holidays\": [{\"name\": \"v\", \"date\": []}]}", ITSM_EINVAL,
     "$.holidays[0].date: unknown key (expected one of: name, include, dates, fixed, nth_weekday, ranges)"},
    {HEAD WEEK ", \"holidays\": [{\"name\": \"v\", \"include\": \"jp\"}]}", ITSM_EINVAL,
     "$.holidays[0].include: expected an array, got a string"},
    {HEAD WEEK ", \"holidays\": [{\"name\": \"v\", \"include\": [\"jpp\"]}]}", ITSM_ENOTFOUND,
     "$.holidays[0].include[0]: "},
    {HEAD WEEK ", \"holidays\": [{\"name\": \"v\", \"include\": [7]}]}", ITSM_EINVAL,
     "$.holidays[0].include[0]: expected a built-in holiday set name or {\"dates\""},
    {HEAD WEEK ", \"holidays\": [{\"name\": \"v\", \"include\": [{\"name\": \"w\"}]}]}", ITSM_EINVAL,
     "$.holidays[0].include[0].name: unknown key (expected one of: include, dates, fixed, nth_weekday, ranges)"},
    {HEAD WEEK ", \"holidays\": [{\"name\": \"v\", \"include\": [\"jp\", {\"dates\": [\"2024-02-30\"]}]}]}",
     ITSM_ERANGE, "$.holidays[0].include[1].dates[0]: "},
    {HEAD WEEK ", \"holidays\": [{\"name\": \"v\", \"dates\": [\"2024-02-30\"]}]}", ITSM_ERANGE,
     "$.holidays[0].dates[0]: \"2024-02-30\" is not a date YYYY-MM-DD"},
    {HEAD WEEK ", \"holidays\": [{\"name\": \"v\", \"dates\": [{\"date\": \"2024-02-03\", \"nme\": \"x\"}]}]}",
     ITSM_EINVAL, "$.holidays[0].dates[0].nme: unknown key"},
    {HEAD WEEK ", \"holidays\": [{\"name\": \"v\", \"fixed\": [{\"month\": 13, \"day\": 1}]}]}", ITSM_EINVAL,
     "$.holidays[0].fixed[0]: "},
    {HEAD WEEK ", \"holidays\": [{\"name\": \"v\", \"fixed\": [{\"month\": 5}]}]}", ITSM_EINVAL,
     "$.holidays[0].fixed[0]: missing required key \"day\""},
    {HEAD WEEK ", \"holidays\": [{\"name\": \"v\", \"fixed\": [{\"month\": 5.5, \"day\": 1}]}]}", ITSM_EINVAL,
     "$.holidays[0].fixed[0].month: expected an integer, got a number with a fraction"},
    {HEAD WEEK ", \"holidays\": [{\"name\": \"v\", \"fixed\": [{\"month\": 5, \"day\": 1, \"from_year\": 1800}]}]}",
     ITSM_ERANGE, "$.holidays[0].fixed[0]: "},
    {HEAD WEEK ", \"holidays\": [{\"name\": \"v\", \"fixed\": [{\"month\": 5, \"day\": 99999999999}]}]}",
     ITSM_ERANGE, "$.holidays[0].fixed[0].day: 99999999999 is out of range"},
    {HEAD WEEK ", \"holidays\": [{\"name\": \"v\", \"nth_weekday\": [{\"month\": 11, \"nth\": -1, \"weekday\": "
               "\"friday\"}]}]}",
     ITSM_EINVAL, "$.holidays[0].nth_weekday[0].weekday: \"friday\" is not a weekday"},
    {HEAD WEEK ", \"holidays\": [{\"name\": \"v\", \"nth_weekday\": [{\"month\": 11, \"nth\": 0, \"weekday\": "
               "\"fri\"}]}]}",
     ITSM_EINVAL, "$.holidays[0].nth_weekday[0]: "},
    {HEAD WEEK ", \"holidays\": [{\"name\": \"v\", \"ranges\": [{\"from\": \"12/29\", \"to\": \"01-03\"}]}]}",
     ITSM_EINVAL, "$.holidays[0].ranges[0].from: \"12/29\" is not a month and day \"MM-DD\""},
    {HEAD WEEK ", \"holidays\": [{\"name\": \"v\", \"ranges\": [{\"from\": \"12-29\", \"to\": \"02-30\"}]}]}",
     ITSM_EINVAL, "$.holidays[0].ranges[0].to: \"02-30\" is not a month and day"},
    /* closures and openings */
    {HEAD WEEK ", \"closed\": [\"2024-13-01\"]}", ITSM_ERANGE, "$.closed[0]: \"2024-13-01\" is not a date"},
    {HEAD WEEK ", \"closed\": [\"1899-12-31\"]}", ITSM_ERANGE, "$.closed[0]: \"1899-12-31\" is not a date"},
    {HEAD WEEK ", \"closed\": [\"2024-1-1\"]}", ITSM_EPARSE, "$.closed[0]: \"2024-1-1\" is not a date"},
    {HEAD WEEK ", \"closed\": [{\"date\": \"2024-01-02\", \"from\": \"10:00\", \"to\": \"09:00\"}]}", ITSM_EINVAL,
     "$.closed[0]: end 09:00 is not after start 10:00"},
    {HEAD WEEK ", \"closed\": [{\"date\": \"2024-01-02\", \"from\": \"10:00\", \"to\": \"9\"}]}", ITSM_EPARSE,
     "$.closed[0].to: \"9\""},
    {HEAD WEEK ", \"closed\": [{\"from\": \"10:00\"}]}", ITSM_EINVAL, "$.closed[0]: missing required key \"date\""},
    {HEAD WEEK ", \"closed\": [{\"date\": \"2024-01-02\", \"reason\": \"x\"}]}", ITSM_EINVAL,
     "$.closed[0].reason: unknown key (expected one of: date, from, to)"},
    {HEAD WEEK ", \"closed\": [true]}", ITSM_EINVAL, "$.closed[0]: expected a date"},
    {HEAD WEEK ", \"open\": [{\"date\": \"2024-01-06\", \"intervals\": []}]}", ITSM_EINVAL,
     "$.open[0].intervals: no interval"},
    {HEAD WEEK ", \"open\": [{\"date\": \"2024-01-06\"}]}", ITSM_EINVAL, "$.open[0]: missing required key \"intervals\""},
    {HEAD WEEK ", \"open\": [{\"date\": \"2024-01-06\", \"intervals\": [\"12:00-09:00\"]}]}", ITSM_EINVAL,
     "$.open[0].intervals[0]: \"12:00-09:00\": end is not after start"},
    {HEAD WEEK ", \"open\": [{\"date\": \"2024-01-06\", \"intervals\": [{\"from\": \"22:00\", \"to\": \"02:00\", "
               "\"overnight\": true}]}]}",
     ITSM_EINVAL, "$.open[0].intervals[0].overnight: unknown key (expected one of: from, to)"},
    {HEAD WEEK ", \"open\": [{\"date\": \"2024-01-06\", \"intervals\": [\"09:00-12:00\"], \"replace\": \"yes\"}]}",
     ITSM_EINVAL, "$.open[0].replace: expected true or false, got a string"},
    {HEAD WEEK ", \"open\": [\"2024-01-06\"]}", ITSM_EINVAL, "$.open[0]: expected an object, got a string"},
    /* options */
    {HEAD WEEK ", \"options\": {\"half_dya\": \"PT4H\"}}", ITSM_EINVAL,
     "$.options.half_dya: unknown key (expected one of: closure_splits_overnight, half_day"},
    {HEAD WEEK ", \"options\": {\"half_day\": \"P1M\"}}", ITSM_EPARSE, "$.options.half_day: "},
    {HEAD WEEK ", \"options\": {\"half_day\": \"PT0S\"}}", ITSM_EINVAL, "$.options.half_day: PT0S is not a positive"},
    {HEAD WEEK ", \"options\": {\"half_day\": 14400}}", ITSM_EINVAL, "$.options.half_day: expected a string"},
    {HEAD WEEK ", \"options\": {\"search_horizon_days\": 0}}", ITSM_EINVAL, "$.options.search_horizon_days: "},
    {HEAD WEEK ", \"options\": {\"snap_deadline_to_open\": null}}", ITSM_EINVAL,
     "$.options.snap_deadline_to_open: expected true or false, got null"},
    {HEAD WEEK ", \"options\": []}", ITSM_EINVAL, "$.options: expected an object, got an array"},
    /* a document that parses but is no calendar: no open time at all */
    {HEAD "\"week\": {\"mon\": []}}", ITSM_EINVAL, "$: "},
};

static void test_errors_name_their_path(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof BAD_DOCS / sizeof BAD_DOCS[0]; i++) {
        const bad_doc *b = &BAD_DOCS[i];
        itsm_calendar *cal = NULL;
        itsm_error_clear();
        int rc = itsm_calendar_from_json(&cal, b->json, strlen(b->json), NULL, 0);
        if (rc != b->code || strstr(itsm_error_last(), b->fragment) == NULL) {
            print_error("document %zu: %s\n  returned %d, expected %d\n  message: %s\n  expected to contain: %s\n",
                        i, b->json, rc, b->code, itsm_error_last(), b->fragment);
            fail();
        }
        assert_null(cal);
        assert_int_equal(itsm_error_last_code(), b->code);
    }
}

static void test_spec_from_json_and_arguments(void **state)
{
    (void)state;
    itsm_calendar_spec *spec = NULL;
    assert_itsm_ok(itsm_calendar_spec_from_json(&spec, README_EXAMPLE, strlen(README_EXAMPLE), NULL, 0));
    /* A spec from JSON can still be changed before it is compiled. */
    assert_itsm_ok(itsm_calendar_spec_close_date(spec, (itsm_date){2024, 8, 14}));
    itsm_calendar *cal = NULL;
    assert_itsm_ok(itsm_calendar_compile(&cal, spec));
    assert_int_equal(business_day(cal, 2024, 8, 14), 0);
    itsm_calendar_free(cal);
    itsm_calendar_spec_free(spec);

    /* Only `len` bytes are read: the text need not be NUL-terminated. */
    char buf[sizeof README_EXAMPLE + 8];
    memcpy(buf, README_EXAMPLE, sizeof README_EXAMPLE - 1);
    memcpy(buf + sizeof README_EXAMPLE - 1, "garbage", 8);
    cal = NULL;
    assert_itsm_ok(itsm_calendar_from_json(&cal, buf, sizeof README_EXAMPLE - 1, NULL, 0));
    itsm_calendar_free(cal);

    itsm_calendar *out = NULL;
    assert_itsm_error(itsm_calendar_from_json(NULL, README_EXAMPLE, 10, NULL, 0), ITSM_EINVAL, "out");
    assert_itsm_error(itsm_calendar_from_json(&out, NULL, 10, NULL, 0), ITSM_EINVAL, "json");
    assert_itsm_error(itsm_calendar_from_json(&out, README_EXAMPLE, strlen(README_EXAMPLE), NULL, 1),
                      ITSM_EINVAL, "sets");
    const itsm_holiday_set *null_set[1] = {NULL};
    assert_itsm_error(itsm_calendar_from_json(&out, README_EXAMPLE, strlen(README_EXAMPLE), null_set, 1),
                      ITSM_EINVAL, "sets[0] is NULL");
    assert_null(out);
    char *text = NULL;
    assert_itsm_error(itsm_calendar_to_json(&text, NULL), ITSM_EINVAL, "cal");
    assert_itsm_error(itsm_calendar_to_json(NULL, NULL), ITSM_EINVAL, "out");
    assert_null(text);
}

/* ---- custom sets from the caller ------------------------------------------------------------------ */

static void test_sets_argument(void **state)
{
    (void)state;
    itsm_holiday_set *vendor = NULL, *shadow = NULL;
    assert_itsm_ok(itsm_holiday_set_new(&vendor, "vendor"));
    assert_itsm_ok(itsm_holiday_set_add_date(vendor, (itsm_date){2024, 8, 14}, "夏季休業"));
    assert_itsm_ok(itsm_holiday_set_add_fixed(vendor, 6, 1, "Founding Day", 0, 0));
    /* A caller's set named like a built-in one wins over it. */
    assert_itsm_ok(itsm_holiday_set_new(&shadow, "jp"));
    assert_itsm_ok(itsm_holiday_set_add_date(shadow, (itsm_date){2024, 8, 15}, "not national"));
    const itsm_holiday_set *sets[2] = {vendor, shadow};
    static const char doc[] = HEAD "\"week\": {\"mon\": [\"09:00-17:00\"], \"tue\": [\"09:00-17:00\"],"
                                   " \"wed\": [\"09:00-17:00\"], \"thu\": [\"09:00-17:00\"]},"
                                   " \"holidays\": [\"vendor\", \"jp\"]}";
    itsm_calendar *cal = NULL;
    static const char unknown[] = HEAD WEEK ", \"holidays\": [\"vendor\", \"vendr\"]}";
    assert_itsm_error(itsm_calendar_from_json(&cal, unknown, strlen(unknown), sets, 2), ITSM_ENOTFOUND,
                      "$.holidays[1]: unknown holiday set \"vendr\" (built in: jp, jp-year-end; given by the caller: "
                      "vendor, jp;");
    assert_itsm_ok(itsm_calendar_from_json(&cal, doc, strlen(doc), sets, 2));
    itsm_holiday_set_free(vendor); /* the calendar keeps copies */
    itsm_holiday_set_free(shadow);
    assert_int_equal(business_day(cal, 2024, 8, 14), 0); /* vendor date */
    assert_int_equal(business_day(cal, 2024, 8, 15), 0); /* the caller's "jp" */
    assert_int_equal(business_day(cal, 2025, 7, 21), 1); /* Marine Day: built-in jp not used */
    int yes = -1;
    assert_itsm_ok(itsm_calendar_is_business_day(&yes, cal, (itsm_date){2026, 6, 1}));
    assert_int_equal(yes, 0); /* Founding Day, a Monday */

    /* Written inline: it loads back without the caller's sets, to the same calendar. */
    char *text = to_json(cal);
    assert_non_null(strstr(text, "\"name\": \"vendor\""));
    assert_non_null(strstr(text, "夏季休業"));
    itsm_calendar *back = load(text);
    char *again = to_json(back);
    assert_string_equal(text, again);
    assert_int_equal(business_day(back, 2024, 8, 15), 0);
    assert_int_equal(business_day(back, 2025, 7, 21), 1);
    itsm_free(text);
    itsm_free(again);
    itsm_calendar_free(back);
    itsm_calendar_free(cal);

    /* Without the caller's set, "vendor" is unknown. */
    cal = NULL;
    assert_itsm_error(itsm_calendar_from_json(&cal, doc, strlen(doc), NULL, 0), ITSM_ENOTFOUND,
                      "$.holidays[0]: unknown holiday set \"vendor\" (built in: jp, jp-year-end; given by the caller: "
                      "none;");
    assert_null(cal);
}

/* ---- custom sets written by their rules ------------------------------------------------------------ */

/* The vendor document of examples/data: one Aug 13-16 range. */
static const char VENDOR_DOC[] =
    "{\"itsm_schema\": 1, \"type\": \"calendar\", \"name\": \"vendor\", \"zone\": \"Asia/Tokyo\",\n"
    " \"week\": {\"mon\": [\"00:00-24:00\"], \"tue\": [\"00:00-24:00\"], \"wed\": [\"00:00-24:00\"],\n"
    "          \"thu\": [\"00:00-24:00\"], \"fri\": [\"00:00-24:00\"], \"sat\": [\"00:00-24:00\"],\n"
    "          \"sun\": [\"00:00-24:00\"]},\n"
    " \"holidays\": [\"jp-year-end\",\n"
    "   {\"name\": \"vendor-summer\", \"ranges\": [{\"from\": \"08-13\", \"to\": \"08-16\", \"name\": \"夏季休業\"}]}]}";

static size_t count_lines(const char *text)
{
    size_t n = 0;
    for (const char *c = text; *c != '\0'; c++)
        n += *c == '\n';
    return n;
}

static void test_vendor_set_is_written_by_its_rules(void **state)
{
    (void)state;
    static const char *const fragments[] = {"\"ranges\"", "\"from\": \"08-13\"", "\"to\": \"08-16\"", "夏季休業",
                                            "\"jp-year-end\"", NULL};
    check_round_trip(VENDOR_DOC, fragments);
    itsm_calendar *cal = load(VENDOR_DOC);
    char *text = to_json(cal);
    if (count_lines(text) >= 60 || strstr(text, "\"dates\"") != NULL || strstr(text, "\"include\"") != NULL) {
        print_error("not a small document (%zu lines):\n%s\n", count_lines(text), text);
        fail();
    }
    itsm_free(text);
    itsm_calendar_free(cal);
}

static const itsm_holiday_set *cal_set(const itsm_calendar *cal, size_t i)
{
    const itsm_calendar_spec *s = itsm__calendar_spec(cal);
    assert_true(i < s->set_count);
    return s->sets[i];
}

/* Same span, same holidays, same names. */
static void assert_same_set(const itsm_holiday_set *a, const itsm_holiday_set *b)
{
    itsm_date fa, la, fb, lb;
    assert_itsm_ok(itsm_holiday_set_span(&fa, &la, a));
    assert_itsm_ok(itsm_holiday_set_span(&fb, &lb, b));
    assert_memory_equal(&fa, &fb, sizeof fa);
    assert_memory_equal(&la, &lb, sizeof la);
    assert_string_equal(itsm_holiday_set_name(a), itsm_holiday_set_name(b));
    itsm_holiday *x = NULL, *y = NULL;
    size_t nx = 0, ny = 0;
    assert_itsm_ok(itsm_holiday_set_list(&x, &nx, a, fa, la));
    assert_itsm_ok(itsm_holiday_set_list(&y, &ny, b, fb, lb));
    assert_int_equal(nx, ny);
    for (size_t i = 0; i < nx; i++) {
        assert_memory_equal(&x[i].date, &y[i].date, sizeof x[i].date);
        if (strcmp(x[i].name, y[i].name) != 0) {
            print_error("%04d-%02d-%02d: \"%s\" became \"%s\"\n", (int)x[i].date.year, (int)x[i].date.month,
                        (int)x[i].date.day, x[i].name, y[i].name);
            fail();
        }
    }
    itsm_free(x);
    itsm_free(y);
}

/* A calendar of one set written, read back, written again: the same text, the same set.
 * Returns the text (the caller frees it). */
static char *set_round_trip(const itsm_holiday_set *set)
{
    itsm_calendar_spec *spec = NULL;
    itsm_calendar *cal = NULL;
    assert_itsm_ok(itsm_calendar_spec_new(&spec, "c", "UTC", NULL));
    assert_itsm_ok(itsm_calendar_spec_add_interval(spec, 1, 9 * 3600, 17 * 3600, ITSM_INTERVAL_SAME_DAY));
    assert_itsm_ok(itsm_calendar_spec_add_holidays(spec, set));
    assert_itsm_ok(itsm_calendar_compile(&cal, spec));
    itsm_calendar_spec_free(spec);
    char *text = to_json(cal);
    itsm_calendar *back = load(text);
    char *again = to_json(back);
    assert_string_equal(text, again);
    assert_same_set(set, cal_set(back, 0));
    itsm_free(again);
    itsm_calendar_free(back);
    itsm_calendar_free(cal);
    return text;
}

static void expect_text(const char *text, const char *fragment, int present)
{
    if ((strstr(text, fragment) != NULL) != (present != 0)) {
        print_error("output %s %s:\n%s\n", present ? "lacks" : "has", fragment, text);
        fail();
    }
}

static void test_overlapping_sources_keep_their_names(void **state)
{
    (void)state;
    itsm_holiday_set *set = NULL;
    assert_itsm_ok(itsm_holiday_set_new(&set, "overlap"));
    /* A range before a fixed rule on one of its days: the range names May 3. */
    assert_itsm_ok(itsm_holiday_set_add_range(set, 5, 1, 5, 5, "Golden Week", 0, 0));
    assert_itsm_ok(itsm_holiday_set_add_fixed(set, 5, 3, "Constitution Day", 0, 0));
    /* No overlap with anything: written with the other fixed rules. */
    assert_itsm_ok(itsm_holiday_set_add_fixed(set, 1, 1, "New Year", 2000, 2100));
    assert_itsm_ok(itsm_holiday_set_add_nth_weekday(set, 11, -1, 5, "Black Friday", 0, 0));
    /* A date inside the range, added after it: named by the range. */
    assert_itsm_ok(itsm_holiday_set_add_date(set, (itsm_date){2024, 5, 4}, "Greenery"));
    assert_itsm_ok(itsm_holiday_set_add_date(set, (itsm_date){2024, 6, 10}, "Company"));
    assert_itsm_ok(itsm_holiday_set_add_date(set, (itsm_date){2024, 6, 11}, NULL));
    const char *name = NULL;
    assert_itsm_ok(itsm_holiday_set_lookup(&name, set, (itsm_date){2030, 5, 3}));
    assert_string_equal(name, "Golden Week");
    char *text = set_round_trip(set);
    expect_text(text, "\"include\"", 1);
    expect_text(text, "Constitution Day", 1);
    expect_text(text, "Company", 1);
    assert_true(count_lines(text) < 80);
    itsm_free(text);
    itsm_holiday_set_free(set);

    /* The other way round: the fixed rule names May 3, and one object says so. */
    assert_itsm_ok(itsm_holiday_set_new(&set, "overlap2"));
    assert_itsm_ok(itsm_holiday_set_add_fixed(set, 5, 3, "Constitution Day", 0, 0));
    assert_itsm_ok(itsm_holiday_set_add_range(set, 5, 1, 5, 5, "Golden Week", 0, 0));
    assert_itsm_ok(itsm_holiday_set_add_date(set, (itsm_date){2024, 5, 3}, "shadowed"));
    assert_itsm_ok(itsm_holiday_set_add_date(set, (itsm_date){2024, 5, 10}, "Extra"));
    text = set_round_trip(set);
    expect_text(text, "\"include\"", 0);
    expect_text(text, "shadowed", 0); /* a fixed rule before it names that date */
    itsm_free(text);
    itsm_holiday_set_free(set);

    /* A date before rules that cover it wins over them. */
    assert_itsm_ok(itsm_holiday_set_new(&set, "early"));
    assert_itsm_ok(itsm_holiday_set_add_date(set, (itsm_date){2025, 5, 2}, "Bridge"));
    assert_itsm_ok(itsm_holiday_set_add_range(set, 4, 29, 5, 5, "Golden Week", 2020, 2030));
    assert_itsm_ok(itsm_holiday_set_add_fixed(set, 5, 5, "Children", 0, 0));
    assert_itsm_ok(itsm_holiday_set_add_range(set, 12, 29, 1, 3, "", 0, 0));
    assert_itsm_ok(itsm_holiday_set_add_fixed(set, 2, 29, "Leap", 0, 0));
    text = set_round_trip(set);
    expect_text(text, "Bridge", 1);
    itsm_free(text);
    itsm_holiday_set_free(set);
}

static void test_japan_copy_keeps_its_span(void **state)
{
    (void)state;
    itsm_holiday_set *jp = NULL, *set = NULL;
    assert_itsm_ok(itsm_holiday_set_builtin(&jp, "jp"));
    assert_itsm_ok(itsm_holiday_set_new(&set, "company"));
    assert_itsm_ok(itsm_holiday_set_add_date(set, (itsm_date){2024, 1, 1}, "Company New Year")); /* before jp */
    assert_itsm_ok(itsm_holiday_set_add_set(set, jp));
    assert_itsm_ok(itsm_holiday_set_add_date(set, (itsm_date){2024, 8, 14}, "Summer"));
    assert_itsm_ok(itsm_holiday_set_add_date(set, (itsm_date){2024, 5, 3}, "shadowed by jp"));
    assert_itsm_ok(itsm_holiday_set_add_fixed(set, 6, 1, "Founding Day", 0, 0));
    char *text = set_round_trip(set); /* checks the span: 2150-12-31 */
    expect_text(text, "\"include\"", 1);
    expect_text(text, "\"jp\"", 1);
    expect_text(text, "Company New Year", 1);
    expect_text(text, "Summer", 1);
    expect_text(text, "shadowed by jp", 0);
    assert_true(count_lines(text) < 60);
    itsm_free(text);
    itsm_holiday_set_free(set);

    /* A plain copy of jp under another name. */
    assert_itsm_ok(itsm_holiday_set_new(&set, "national"));
    assert_itsm_ok(itsm_holiday_set_add_set(set, jp));
    text = set_round_trip(set);
    expect_text(text, "\"name\": \"national\",\n      \"include\": [\n        \"jp\"\n      ]\n    }", 1);
    itsm_free(text);
    itsm_holiday_set_free(set);

    /* Read from a document: the limit holds after load -> save -> load. */
    static const char doc[] = HEAD WEEK ", \"holidays\": [{\"name\": \"company\", \"include\": [\"jp\"], "
                                        "\"dates\": [\"2024-08-14\"]}]}";
    check_round_trip(doc, NULL);
    itsm_calendar *cal = load(doc);
    char *first = to_json(cal);
    itsm_calendar *back = load(first);
    itsm_date f, l;
    assert_itsm_ok(itsm_holiday_set_span(&f, &l, cal_set(back, 0)));
    assert_int_equal(l.year, 2150);
    assert_same_set(cal_set(cal, 0), cal_set(back, 0));
    const char *name = NULL;
    assert_itsm_error(itsm_holiday_set_lookup(&name, cal_set(back, 0), (itsm_date){2151, 1, 1}), ITSM_ERANGE, "");
    itsm_free(first);
    itsm_calendar_free(back);
    itsm_calendar_free(cal);
    itsm_holiday_set_free(jp);
}

static void test_builtin_sets_are_written_by_name(void **state)
{
    (void)state;
    itsm_holiday_set *jp = NULL, *ye = NULL, *same = NULL, *other = NULL;
    assert_itsm_ok(itsm_holiday_set_builtin(&jp, "jp"));
    assert_itsm_ok(itsm_holiday_set_builtin(&ye, "jp-year-end"));
    assert_string_equal(itsm__holiday_set_builtin_name(jp), "jp");
    assert_string_equal(itsm__holiday_set_builtin_name(ye), "jp-year-end");
    /* A copy under the same name is the built-in set; with more in it, it is not. */
    assert_itsm_ok(itsm_holiday_set_new(&same, "jp-year-end"));
    assert_itsm_ok(itsm_holiday_set_add_set(same, ye));
    assert_string_equal(itsm__holiday_set_builtin_name(same), "jp-year-end");
    assert_itsm_ok(itsm_holiday_set_add_date(same, (itsm_date){2024, 8, 14}, NULL));
    assert_null(itsm__holiday_set_builtin_name(same));
    assert_itsm_ok(itsm_holiday_set_new(&other, "jp"));
    assert_itsm_ok(itsm_holiday_set_add_range(other, 12, 29, 1, 3, "年末年始", 0, 0));
    assert_null(itsm__holiday_set_builtin_name(other));
    char *text = set_round_trip(same);
    expect_text(text, "\"name\": \"jp-year-end\"", 1);
    expect_text(text, "\"2024-08-14\"", 1);
    itsm_free(text);
    text = set_round_trip(other);
    expect_text(text, "\"name\": \"jp\"", 1);
    itsm_free(text);
    text = set_round_trip(jp);
    expect_text(text, "\"holidays\": [\n    \"jp\"\n  ]", 1);
    itsm_free(text);
    itsm_holiday_set_free(jp);
    itsm_holiday_set_free(ye);
    itsm_holiday_set_free(same);
    itsm_holiday_set_free(other);
}

/* ---- allocation failures ------------------------------------------------------------------------------ */

static int scenario_load_save(const void *ctx)
{
    const char *doc = ctx;
    itsm_calendar *cal = NULL;
    int rc = itsm_calendar_from_json(&cal, doc, strlen(doc), NULL, 0);
    if (rc != ITSM_OK) {
        assert_null(cal);
        return rc;
    }
    char *text = NULL;
    rc = itsm_calendar_to_json(&text, cal);
    if (rc != ITSM_OK)
        assert_null(text);
    itsm_free(text);
    itsm_calendar_free(cal);
    return rc;
}

static int scenario_spec(const void *ctx)
{
    const char *doc = ctx;
    itsm_calendar_spec *spec = NULL;
    int rc = itsm_calendar_spec_from_json(&spec, doc, strlen(doc), NULL, 0);
    if (rc != ITSM_OK)
        assert_null(spec);
    itsm_calendar_spec_free(spec);
    return rc;
}

/* Sweep a document through a scenario; error paths must free what they took, too. */
static void sweep(const char *name, itsm_test_scenario fn, const char *doc, int clean_code)
{
    itsm_test_alloc_sweep(name, fn, doc, clean_code);
}

/* A holiday set as a document of its own: built-in by name, custom by its rules. */
static void test_holiday_set_documents(void **state)
{
    (void)state;
    static const char custom[] = "{\"name\": \"vendor\", \"include\": [\"jp\"], "
                                 "\"ranges\": [{\"from\": \"08-13\", \"to\": \"08-16\", \"name\": \"summer\"}]}";
    itsm_holiday_set *set = NULL, *back = NULL;
    const char *name = NULL;
    char *text = NULL, *again = NULL;
    assert_itsm_ok(itsm_holiday_set_from_json(&set, custom, strlen(custom)));
    assert_string_equal(itsm_holiday_set_name(set), "vendor");
    assert_itsm_ok(itsm_holiday_set_lookup(&name, set, (itsm_date){2024, 8, 14}));
    assert_string_equal(name, "summer");
    assert_itsm_ok(itsm_holiday_set_lookup(&name, set, (itsm_date){2024, 8, 12}));
    assert_string_equal(name, "振替休日"); /* from the included jp set */
    assert_itsm_ok(itsm_holiday_set_to_json(&text, set));
    assert_non_null(strstr(text, "\"ranges\""));
    assert_itsm_ok(itsm_holiday_set_from_json(&back, text, strlen(text)));
    assert_itsm_ok(itsm_holiday_set_to_json(&again, back));
    assert_string_equal(text, again);
    /* The jp copy keeps its span: 2151 is outside it. */
    assert_itsm_error(itsm_holiday_set_lookup(&name, back, (itsm_date){2151, 1, 1}), ITSM_ERANGE, "2150");
    itsm_free(text);
    itsm_free(again);
    itsm_holiday_set_free(back);
    itsm_holiday_set_free(set);

    assert_itsm_ok(itsm_holiday_set_from_json(&set, "\"jp-year-end\"", 13));
    assert_itsm_ok(itsm_holiday_set_to_json(&text, set));
    assert_string_equal(text, "\"jp-year-end\"\n");
    itsm_free(text);
    itsm_holiday_set_free(set);

    set = NULL;
    assert_itsm_error(itsm_holiday_set_from_json(&set, "\"jpp\"", 5), ITSM_ENOTFOUND, "jpp");
    assert_itsm_error(itsm_holiday_set_from_json(&set, "[1]", 3), ITSM_EINVAL, "$");
    static const char bad_rule[] = "{\"name\": \"v\", \"fixed\": [{\"month\": 2, \"day\": 30}]}";
    assert_itsm_error(itsm_holiday_set_from_json(&set, bad_rule, strlen(bad_rule)), ITSM_EINVAL, "$.fixed[0]");
    assert_itsm_error(itsm_holiday_set_from_json(&set, "{\"name\": ", 9), ITSM_EPARSE, "line 1");
    assert_null(set);
}

static int scenario_holiday_set(const void *ctx)
{
    const char *doc = ctx;
    itsm_holiday_set *set = NULL;
    char *text = NULL;
    int rc = itsm_holiday_set_from_json(&set, doc, strlen(doc));
    if (rc == ITSM_OK)
        rc = itsm_holiday_set_to_json(&text, set);
    itsm_free(text);
    itsm_holiday_set_free(set);
    return rc;
}

static void test_allocation_failures(void **state)
{
    (void)state;
    sweep("readme", scenario_load_save, README_EXAMPLE, ITSM_OK);
    sweep("full", scenario_load_save, FULL_EXAMPLE, ITSM_OK);
    sweep("spec", scenario_spec, FULL_EXAMPLE, ITSM_OK);
    /* Error paths free what they took, too. */
    sweep("unknown set", scenario_spec, HEAD WEEK ", \"holidays\": [\"jp\", {\"name\": \"v\", \"dates\": [\"2024-01-02\"]}, \"nope\"]}",
          ITSM_ENOTFOUND);
    sweep("bad closure", scenario_spec, HEAD WEEK ", \"holidays\": [\"jp\"], \"closed\": [\"2024-01-02\", \"2024-02-30\"]}",
          ITSM_ERANGE);
    sweep("bad rule", scenario_spec, HEAD WEEK ", \"holidays\": [{\"name\": \"v\", \"fixed\": [{\"month\": 1, \"day\": 1}, {\"month\": 2, \"day\": 30}]}]}",
          ITSM_EINVAL);
    sweep("no open time", scenario_load_save, HEAD "\"week\": {}}", ITSM_EINVAL);
    sweep("vendor", scenario_load_save, VENDOR_DOC, ITSM_OK);
    sweep("include", scenario_load_save,
          HEAD WEEK ", \"holidays\": [{\"name\": \"v\", \"include\": [{\"dates\": [{\"date\": \"2024-01-01\", "
                    "\"name\": \"x\"}], \"ranges\": [{\"from\": \"05-01\", \"to\": \"05-05\", \"name\": \"gw\"}]}, \"jp\"], "
                    "\"fixed\": [{\"month\": 5, \"day\": 3, \"name\": \"c\"}], \"dates\": [\"2024-08-14\"]}]}",
          ITSM_OK);
    sweep("holiday set", scenario_holiday_set,
          "{\"name\": \"v\", \"include\": [\"jp\"], \"dates\": [\"2024-08-14\"], \"fixed\": [{\"month\": 5, \"day\": 1}]}",
          ITSM_OK);
    sweep("bad include", scenario_spec, HEAD WEEK ", \"holidays\": [{\"name\": \"v\", \"include\": [\"jp\", \"jpp\"]}]}",
          ITSM_ENOTFOUND);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_readme_example_answers),
        cmocka_unit_test(test_extra_opening_on_a_holiday),
        cmocka_unit_test(test_round_trip_readme),
        cmocka_unit_test(test_round_trip_full),
        cmocka_unit_test(test_canonical_text_is_stable),
        cmocka_unit_test(test_errors_name_their_path),
        cmocka_unit_test(test_spec_from_json_and_arguments),
        cmocka_unit_test(test_sets_argument),
        cmocka_unit_test(test_vendor_set_is_written_by_its_rules),
        cmocka_unit_test(test_overlapping_sources_keep_their_names),
        cmocka_unit_test(test_japan_copy_keeps_its_span),
        cmocka_unit_test(test_builtin_sets_are_written_by_name),
        cmocka_unit_test(test_holiday_set_documents),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, itsm_test_group_setup, itsm_test_group_teardown);
}
