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

/* The instant of ISO 8601 text with an offset ("2024-06-03T09:00:00Z"), failing the test
 * when it does not parse. */
itsm_instant itsm_test_at(const char *text);

/* A compiled calendar in `zone` open [from, to) (seconds after local midnight) on each ISO
 * weekday listed as a digit in `days` ("12345" = Mon-Fri), closed on the built-in holiday
 * set `holidays` (NULL: none). Release with itsm_calendar_free(). */
itsm_calendar *itsm_test_weekly(const char *zone, const char *days, int32_t from, int32_t to, const char *holidays);

/* The path of a file of the source tree, `relpath` from the repository's top, in `buf`. */
void itsm_test_source_path(char *buf, size_t size, const char *relpath);

/* The contents of a file of the source tree, `relpath` from the repository's top
 * (e.g. "tests/fuzz/corpus/documents/party-user.json"), NUL-terminated; release with
 * free(). Fails the test when the file cannot be read. */
char *itsm_test_read_source(const char *relpath);

/* Fault injection: an allocator that fails its fail_at-th call (counting from 0; -1 never)
 * and counts every call, so a test can also prove that something does not allocate. */
typedef struct itsm_test_chaos {
    long fail_at;
    long count;
    int failed;
} itsm_test_chaos;

/* Install `c` (reset to "never fail") as libitsm's allocator; itsm_set_allocator(NULL)
 * restores the default. */
void itsm_test_chaos_install(itsm_test_chaos *c);

/* From now on the first allocation fails and every one is counted (objects made before
 * under `c` stay valid); itsm_test_assert_no_allocation() then checks that none was asked
 * for. */
void itsm_test_forbid_allocation(itsm_test_chaos *c);
void itsm_test_assert_no_allocation(const itsm_test_chaos *c);

/* A scenario performs public calls, frees all it obtained and returns the first failing
 * status. */
typedef int (*itsm_test_scenario)(const void *ctx);

/* Run `fn` with its 1st, 2nd, ... allocation failing until a run completes without an
 * injected failure. Every failing run must return ITSM_ENOMEM with an "out of memory"
 * message and leak nothing; the clean run must return `clean_code` and leak nothing.
 * Returns the number of allocation points swept (failing the test if there were none). */
long itsm_test_alloc_sweep(const char *name, itsm_test_scenario fn, const void *ctx, int clean_code);

/* cmocka group setup/teardown that check the library leaked nothing in the group. */
int itsm_test_group_setup(void **state);
int itsm_test_group_teardown(void **state);

#endif
