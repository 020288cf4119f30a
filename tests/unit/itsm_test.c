#include "itsm_test.h"

#include <stdio.h>

void itsm_test_assert_error(int rc, int code, const char *fragment, const char *expr, const char *file, int line)
{
    if (rc != code) {
        print_error("%s returned %d (%s), expected %d (%s); last error: %s\n", expr, rc, itsm_strerror(rc), code,
                    itsm_strerror(code), itsm_error_last());
        _fail(file, line);
    }
    if (itsm_error_last_code() != code) {
        print_error("%s: last error code %d, expected %d\n", expr, itsm_error_last_code(), code);
        _fail(file, line);
    }
    if (fragment != NULL && strstr(itsm_error_last(), fragment) == NULL) {
        print_error("%s: message \"%s\" does not contain \"%s\"\n", expr, itsm_error_last(), fragment);
        _fail(file, line);
    }
}

void itsm_test_assert_ok(int rc, const char *expr, const char *file, int line)
{
    if (rc != ITSM_OK) {
        print_error("%s failed with %d: %s\n", expr, rc, itsm_error_last());
        _fail(file, line);
    }
}

itsm_tz *itsm_test_zone(const char *name)
{
    itsm_tz *tz = NULL;
    int rc = itsm_tz_load(&tz, name, NULL);
    if (rc != ITSM_OK) {
        print_error("cannot load zone %s: %s\n", name, itsm_error_last());
        fail();
    }
    return tz;
}

int itsm_test_group_setup(void **state)
{
    (void)state;
    return itsm_live_allocations() == 0 ? 0 : -1;
}

int itsm_test_group_teardown(void **state)
{
    (void)state;
    size_t live = itsm_live_allocations();
    if (live != 0) {
        fprintf(stderr, "leak: %zu libitsm block(s) still live after the group\n", live);
        return -1;
    }
    return 0;
}
