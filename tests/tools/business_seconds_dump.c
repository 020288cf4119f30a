/* Business seconds of spans read from stdin, for the Business::Hours oracle test
 * (tests/oracles/test_business_hours_oracle.py).
 *
 *     business_seconds_dump ZONE [YYYY-MM-DD ...]  < spans
 *
 * The calendar is Mon-Fri 09:00-18:00 in ZONE, closed on the dates given. Each input
 * line is "A B" (UTC instants, seconds since the epoch); each output line is B(A, B), the
 * business seconds in [A, B).
 * Exit status: 0 on success, 1 when the library refuses an input, 2 on a usage error. */
#include "itsm.h"

#include <inttypes.h>
#include <stdio.h>

static int build(itsm_calendar **out, const char *zone, char **dates, int ndates)
{
    itsm_calendar_spec *spec = NULL;
    itsm_holiday_set *set = NULL;
    int rc = itsm_calendar_spec_new(&spec, "oracle", zone, NULL);
    for (int wd = 1; wd <= 5 && rc == ITSM_OK; wd++)
        rc = itsm_calendar_spec_add_interval(spec, wd, 9 * 3600, 18 * 3600, ITSM_INTERVAL_SAME_DAY);
    if (rc == ITSM_OK)
        rc = itsm_holiday_set_new(&set, "oracle");
    for (int i = 0; i < ndates && rc == ITSM_OK; i++) {
        itsm_date d;
        rc = itsm_date_parse(&d, dates[i]);
        if (rc == ITSM_OK)
            rc = itsm_holiday_set_add_date(set, d, NULL);
    }
    if (rc == ITSM_OK)
        rc = itsm_calendar_spec_add_holidays(spec, set);
    if (rc == ITSM_OK)
        rc = itsm_calendar_compile(out, spec);
    itsm_holiday_set_free(set);
    itsm_calendar_spec_free(spec);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: business_seconds_dump ZONE [YYYY-MM-DD ...] < spans\n");
        return 2;
    }
    itsm_calendar *cal = NULL;
    if (build(&cal, argv[1], argv + 2, argc - 2) != ITSM_OK) {
        fprintf(stderr, "business_seconds_dump: %s\n", itsm_error_last());
        return 1;
    }
    int64_t a, b, out;
    int rc = 0, fields;
    while ((fields = scanf("%" SCNd64 " %" SCNd64, &a, &b)) == 2) {
        if (itsm_calendar_business_seconds(&out, cal, a, b) != ITSM_OK) {
            fprintf(stderr, "business_seconds_dump: %s\n", itsm_error_last());
            rc = 1;
            break;
        }
        printf("%" PRId64 "\n", out);
    }
    if (rc == 0 && fields != EOF) {
        fprintf(stderr, "business_seconds_dump: expected \"A B\" lines on stdin\n");
        rc = 2;
    }
    itsm_calendar_free(cal);
    return rc;
}
