/* Print the built-in "jp" holidays of a range of years, one "YYYY-MM-DD<TAB>name" line
 * each, in date order, for the oracle tests (tests/oracles/test_jp_holidays_oracle.py).
 *
 *     jp_holidays_dump FIRST_YEAR [LAST_YEAR]
 *
 * Exit status: 0 on success, 1 when the library refuses (e.g. a year after 2150), 2 on a
 * usage error. */
#include "itsm.h"
#include "itsm/holidays.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

static int parse_year(int32_t *out, const char *text)
{
    char *end = NULL;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || v < 1 || v > 9999)
        return -1;
    *out = (int32_t)v;
    return 0;
}

static int dump(int32_t first_year, int32_t last_year)
{
    itsm_holiday_set *set = NULL;
    itsm_holiday *list = NULL;
    size_t count = 0;
    int rc = itsm_holiday_set_builtin(&set, "jp");
    if (rc == ITSM_OK)
        rc = itsm_holiday_set_list(&list, &count, set, (itsm_date){first_year, 1, 1}, (itsm_date){last_year, 12, 31});
    if (rc != ITSM_OK) {
        fprintf(stderr, "jp_holidays_dump: %s\n", itsm_error_last());
        itsm_holiday_set_free(set);
        return 1;
    }
    for (size_t i = 0; i < count; i++)
        printf("%04d-%02d-%02d\t%s\n", (int)list[i].date.year, (int)list[i].date.month, (int)list[i].date.day,
               list[i].name);
    itsm_free(list);
    itsm_holiday_set_free(set);
    return fflush(stdout) == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
    int32_t first_year = 0, last_year = 0;
    if (argc < 2 || argc > 3 || parse_year(&first_year, argv[1]) != 0 ||
        parse_year(&last_year, argc == 3 ? argv[2] : argv[1]) != 0) {
        fprintf(stderr, "usage: jp_holidays_dump FIRST_YEAR [LAST_YEAR]\n");
        return 2;
    }
    return dump(first_year, last_year);
}
