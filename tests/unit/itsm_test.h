/* Shared fixture for the cmocka suites. */
#ifndef ITSM_TEST_H
#define ITSM_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "itsm.h"

/* Assert that `call` failed with `code` and that the last error message contains
 * `fragment` (the field, offset or path the message must name). */
#define assert_itsm_error(call, code, fragment)                                              \
    itsm_test_assert_error((call), (code), (fragment), #call, __FILE__, __LINE__)
#define assert_itsm_ok(call) itsm_test_assert_ok((call), #call, __FILE__, __LINE__)

void itsm_test_assert_error(int rc, int code, const char *fragment, const char *expr, const char *file,
                            int line);
void itsm_test_assert_ok(int rc, const char *expr, const char *file, int line);

/* Load a zone from the system tz database, failing the test when it is missing. */
itsm_tz *itsm_test_zone(const char *name);

/* cmocka group setup/teardown that check the library leaked nothing in the group. */
int itsm_test_group_setup(void **state);
int itsm_test_group_teardown(void **state);

#endif
