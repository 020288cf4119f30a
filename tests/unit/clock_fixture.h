/* Helpers shared by the deadline and clock suites: instants from ISO text, the example
 * calendars of examples/data, and small calendars built in code. */
#ifndef ITSM_CLOCK_FIXTURE_H
#define ITSM_CLOCK_FIXTURE_H

#include "itsm_test.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#define HM(h, m) ((int32_t)((h) * 3600 + (m) * 60))
#define HOUR INT64_C(3600)
#define MINUTE INT64_C(60)

static inline itsm_instant at(const char *text)
{
    itsm_instant t = 0;
    if (itsm_instant_parse(&t, text, NULL) != ITSM_OK) {
        print_error("cannot parse %s: %s\n", text, itsm_error_last());
        fail();
    }
    return t;
}

/* Compare an instant with ISO text, printing both on mismatch. */
#define assert_at(got, text) assert_at_impl((got), (text), __FILE__, __LINE__)
static inline void assert_at_impl(itsm_instant got, const char *text, const char *file, int line)
{
    itsm_instant want = at(text);
    if (got != want) {
        char buf[ITSM_INSTANT_TEXT_SIZE] = "(none)";
        if (got != ITSM_CLOCK_NO_INSTANT)
            (void)itsm_instant_format(buf, sizeof buf, got, NULL);
        print_error("got %s (%lld), expected %s (%lld)\n", buf, (long long)got, text, (long long)want);
        _fail(file, line);
    }
}

/* examples/data/<name> as a compiled calendar, found from this file's path. */
static inline itsm_calendar *example_calendar(const char *name)
{
    const char *self = __FILE__;
    const char *tail = strstr(self, "tests/unit/clock_fixture.h");
    assert_non_null(tail);
    char path[1024];
    (void)snprintf(path, sizeof path, "%.*sexamples/data/%s", (int)(tail - self), self, name);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char buf[8192];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    itsm_calendar *cal = NULL;
    assert_itsm_ok(itsm_calendar_from_json(&cal, buf, n, NULL, 0));
    return cal;
}

/* Open [from, to) on each weekday listed as digits in `days` ("12345" = Mon-Fri), in
 * `zone`, named `name`, with the built-in holiday set `holidays` (NULL: none). */
static inline itsm_calendar *make_calendar(const char *name, const char *zone, const char *days, int32_t from,
                                           int32_t to, const char *holidays)
{
    itsm_calendar_spec *s = NULL;
    assert_itsm_ok(itsm_calendar_spec_new(&s, name, zone, NULL));
    for (const char *d = days; *d != '\0'; d++)
        assert_itsm_ok(itsm_calendar_spec_add_interval(s, *d - '0', from, to, 0));
    if (holidays != NULL) {
        itsm_holiday_set *set = NULL;
        assert_itsm_ok(itsm_holiday_set_builtin(&set, holidays));
        assert_itsm_ok(itsm_calendar_spec_add_holidays(s, set));
        itsm_holiday_set_free(set);
    }
    itsm_calendar *cal = NULL;
    assert_itsm_ok(itsm_calendar_compile(&cal, s));
    itsm_calendar_spec_free(s);
    return cal;
}

static inline itsm_deadline rule_of(const char *text)
{
    itsm_deadline d;
    assert_itsm_ok(itsm_deadline_parse(&d, text));
    return d;
}

#endif
