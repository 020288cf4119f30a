/* Status codes, the thread-local last error, versions and the allocator hook. */
#include "itsm_test.h"

#include <stdio.h>
#include <stdlib.h>

static void test_error_last_never_null(void **state)
{
    (void)state;
    itsm_error_clear();
    assert_non_null(itsm_error_last());
    assert_string_equal(itsm_error_last(), "no error");
    assert_int_equal(itsm_error_last_code(), ITSM_OK);
}

static void test_error_names_the_argument(void **state)
{
    (void)state;
    assert_itsm_error(itsm_date_to_days(NULL, (itsm_date){2024, 1, 1}), ITSM_EINVAL, "out_days");
    itsm_error_clear();
    assert_int_equal(itsm_error_last_code(), ITSM_OK);
    assert_string_equal(itsm_error_last(), "no error");
}

static void test_strerror_covers_every_code(void **state)
{
    (void)state;
    for (int code = ITSM_EAMBIGUOUS; code <= ITSM_OK; code++) {
        const char *s = itsm_strerror(code);
        assert_non_null(s);
        assert_string_not_equal(s, "unknown status code");
    }
    assert_string_equal(itsm_strerror(-1000), "unknown status code");
    assert_string_equal(itsm_strerror(ITSM_ENOMEM), "out of memory");
}

static void test_version_compile_time_matches_run_time(void **state)
{
    (void)state;
    assert_string_equal(itsm_version(), ITSM_VERSION_STRING);
    assert_int_equal(itsm_version_number(), ITSM_VERSION_NUMBER);
    char expect[32];
    snprintf(expect, sizeof expect, "%d.%d.%d", ITSM_VERSION_MAJOR, ITSM_VERSION_MINOR, ITSM_VERSION_PATCH);
    assert_string_equal(itsm_version(), expect);
    assert_true(ITSM_VERSION_CHECK(0, 0, 1));
    assert_false(ITSM_VERSION_CHECK(ITSM_VERSION_MAJOR + 1, 0, 0));
}

typedef struct counting {
    size_t mallocs, frees;
} counting;

static void *counting_malloc(void *ctx, size_t n)
{
    ((counting *)ctx)->mallocs++;
    return malloc(n);
}

static void *counting_realloc(void *ctx, void *p, size_t n)
{
    (void)ctx;
    return realloc(p, n);
}

static void counting_free(void *ctx, void *p)
{
    ((counting *)ctx)->frees++;
    free(p);
}

static void test_custom_allocator_is_used_and_restored(void **state)
{
    (void)state;
    counting c = {0, 0};
    itsm_allocator a = ITSM_ALLOCATOR_INIT;
    a.malloc_fn = counting_malloc;
    a.realloc_fn = counting_realloc;
    a.free_fn = counting_free;
    a.ctx = &c;
    assert_itsm_ok(itsm_set_allocator(&a));
    itsm_tz *tz = NULL;
    assert_itsm_ok(itsm_tz_fixed(&tz, 9 * 3600));
    assert_true(c.mallocs > 0);
    assert_int_equal(itsm_live_allocations(), c.mallocs - c.frees);
    /* Swapping allocators under live memory would free blocks with the wrong allocator. */
    assert_itsm_error(itsm_set_allocator(NULL), ITSM_EBUSY, "still live");
    itsm_tz_free(tz);
    assert_int_equal(c.mallocs, c.frees);
    assert_itsm_ok(itsm_set_allocator(NULL));
}

static void test_allocator_validation(void **state)
{
    (void)state;
    itsm_allocator a = ITSM_ALLOCATOR_INIT;
    assert_itsm_error(itsm_set_allocator(&a), ITSM_EINVAL, "must all be set");
    a.version = 99;
    assert_itsm_error(itsm_set_allocator(&a), ITSM_EVERSION, "version 99");
}

static void test_itsm_free_null_is_noop(void **state)
{
    (void)state;
    size_t before = itsm_live_allocations();
    itsm_free(NULL);
    itsm_tz_free(NULL);
    assert_int_equal(itsm_live_allocations(), before);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_error_last_never_null),
        cmocka_unit_test(test_error_names_the_argument),
        cmocka_unit_test(test_strerror_covers_every_code),
        cmocka_unit_test(test_version_compile_time_matches_run_time),
        cmocka_unit_test(test_custom_allocator_is_used_and_restored),
        cmocka_unit_test(test_allocator_validation),
        cmocka_unit_test(test_itsm_free_null_is_noop),
    };
    return cmocka_run_group_tests(tests, itsm_test_group_setup, itsm_test_group_teardown);
}
