/* Allocation-failure sweep: every public call that allocates is run with the 1st, 2nd,
 * ... allocation failing, until it runs clean. Each failing run must end in ITSM_ENOMEM,
 * leave the outputs untouched and leak nothing; calls that need no memory must not ask
 * for any. */
#include "itsm_test.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct chaos {
    long fail_at; /* index of the allocation that fails; -1 = none */
    long count;
    int failed;
} chaos;

static void *chaos_malloc(void *ctx, size_t n)
{
    chaos *c = ctx;
    if (c->count++ == c->fail_at) {
        c->failed = 1;
        return NULL;
    }
    return malloc(n);
}

static void *chaos_realloc(void *ctx, void *p, size_t n)
{
    chaos *c = ctx;
    if (c->count++ == c->fail_at) {
        c->failed = 1;
        return NULL;
    }
    return realloc(p, n);
}

static void chaos_free(void *ctx, void *p)
{
    (void)ctx;
    free(p);
}

/* A scenario performs public calls, frees everything it obtained and returns the first
 * failing status (or ITSM_OK). */
typedef int (*scenario_fn)(void);

static int load_zone(const char *name)
{
    itsm_tz *tz = NULL;
    int rc = itsm_tz_load(&tz, name, NULL);
    if (rc != ITSM_OK) {
        assert_null(tz);
        return rc;
    }
    int32_t off;
    rc = itsm_tz_utc_offset(&off, tz, 1714521600);
    itsm_tz_free(tz);
    return rc;
}

static int scenario_tokyo(void) { return load_zone("Asia/Tokyo"); }
static int scenario_amsterdam(void) { return load_zone("Europe/Amsterdam"); }
static int scenario_sao_paulo(void) { return load_zone("America/Sao_Paulo"); }
static int scenario_lord_howe(void) { return load_zone("Australia/Lord_Howe"); }
static int scenario_fixed_by_name(void) { return load_zone("+09:30"); }
static int scenario_utc(void) { return load_zone("UTC"); }

static int scenario_fixed(void)
{
    itsm_tz *tz = NULL;
    int rc = itsm_tz_fixed(&tz, -3 * 3600);
    itsm_tz_free(tz);
    return rc;
}

static int scenario_from_memory(void)
{
    FILE *f = fopen("/usr/share/zoneinfo/America/New_York", "rb");
    assert_non_null(f);
    static unsigned char buf[65536];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    itsm_tz *tz = NULL;
    int rc = itsm_tz_from_tzif(&tz, "America/New_York", buf, n);
    itsm_tz_free(tz);
    return rc;
}

/* Everything that must work without a single allocation. */
static int queries(const itsm_tz *tz)
{
    itsm_instant t;
    itsm_datetime dt;
    itsm_date d;
    char buf[ITSM_INSTANT_TEXT_SIZE];
    int64_t arr[64];
    for (int i = 0; i < 64; i++)
        arr[i] = 1700000000 + i * 86400 * 7;
    int rc;
    if ((rc = itsm_instant_parse(&t, "2024-03-31T02:30:00", tz)) != ITSM_OK ||
        (rc = itsm_instant_format(buf, sizeof buf, t, tz)) != ITSM_OK || (rc = itsm_tz_to_local(&dt, tz, t)) != ITSM_OK ||
        (rc = itsm_tz_from_local(&t, tz, &dt, ITSM_LOCAL_DEFAULT)) != ITSM_OK ||
        (rc = itsm_tz_start_of_day(&t, tz, (itsm_date){2024, 10, 27})) != ITSM_OK ||
        (rc = itsm_tz_next_transition(&t, tz, t)) != ITSM_OK ||
        (rc = itsm_tz_from_local_many(arr, tz, arr, 64, ITSM_LOCAL_DEFAULT)) != ITSM_OK ||
        (rc = itsm_tz_to_local_many(arr, tz, arr, 64)) != ITSM_OK ||
        (rc = itsm_tz_utc_offsets(arr, tz, arr, 64)) != ITSM_OK || (rc = itsm_date_parse(&d, "2024-01-01")) != ITSM_OK)
        return rc;
    return ITSM_OK;
}

static void install_chaos(chaos *c)
{
    itsm_allocator a = ITSM_ALLOCATOR_INIT;
    a.malloc_fn = chaos_malloc;
    a.realloc_fn = chaos_realloc;
    a.free_fn = chaos_free;
    a.ctx = c;
    assert_itsm_ok(itsm_set_allocator(&a));
}

static void sweep(const char *name, scenario_fn fn)
{
    chaos c = {-1, 0, 0};
    install_chaos(&c);
    long n;
    for (n = 0;; n++) {
        c.fail_at = n;
        c.count = 0;
        c.failed = 0;
        itsm_error_clear();
        int rc = fn();
        if (itsm_live_allocations() != 0) {
            print_error("%s: %zu block(s) leaked when allocation %ld failed\n", name, itsm_live_allocations(), n);
            fail();
        }
        if (!c.failed) {
            if (rc != ITSM_OK) {
                print_error("%s: failed without an injected failure: %s\n", name, itsm_error_last());
                fail();
            }
            break;
        }
        if (rc != ITSM_ENOMEM) {
            print_error("%s: allocation %ld failed but the call returned %d (%s)\n", name, n, rc, itsm_error_last());
            fail();
        }
        assert_int_equal(itsm_error_last_code(), ITSM_ENOMEM);
        assert_non_null(strstr(itsm_error_last(), "out of memory"));
    }
    assert_true(n > 0); /* each scenario allocates, so the sweep did inject failures */
    assert_itsm_ok(itsm_set_allocator(NULL));
}

static void test_sweep_zone_loading(void **state)
{
    (void)state;
    sweep("tokyo", scenario_tokyo);
    sweep("amsterdam", scenario_amsterdam);
    sweep("sao_paulo", scenario_sao_paulo);
    sweep("lord_howe", scenario_lord_howe);
    sweep("fixed_by_name", scenario_fixed_by_name);
    sweep("utc", scenario_utc);
    sweep("fixed", scenario_fixed);
    sweep("from_memory", scenario_from_memory);
}

static void test_queries_do_not_allocate(void **state)
{
    (void)state;
    chaos c = {-1, 0, 0};
    install_chaos(&c);
    itsm_tz *tz = itsm_test_zone("Europe/Amsterdam");
    long after_load = c.count;
    assert_true(after_load > 0);
    assert_itsm_ok(queries(tz));
    assert_int_equal(c.count, after_load);
    itsm_tz_free(tz);
    assert_itsm_ok(itsm_set_allocator(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sweep_zone_loading),
        cmocka_unit_test(test_queries_do_not_allocate),
    };
    return cmocka_run_group_tests(tests, itsm_test_group_setup, itsm_test_group_teardown);
}
