/* Allocation-failure sweep: every public call that allocates is run with the 1st, 2nd,
 * ... allocation failing, until it runs clean. Each failing run must end in ITSM_ENOMEM,
 * leave the outputs untouched and leak nothing; calls that need no memory must not ask
 * for any. */
#include "itsm_test.h"

#include <stdio.h>

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

static int scenario_tokyo(const void *ctx) { (void)ctx; return load_zone("Asia/Tokyo"); }
static int scenario_amsterdam(const void *ctx) { (void)ctx; return load_zone("Europe/Amsterdam"); }
static int scenario_sao_paulo(const void *ctx) { (void)ctx; return load_zone("America/Sao_Paulo"); }
static int scenario_lord_howe(const void *ctx) { (void)ctx; return load_zone("Australia/Lord_Howe"); }
static int scenario_fixed_by_name(const void *ctx) { (void)ctx; return load_zone("+09:30"); }
static int scenario_utc(const void *ctx) { (void)ctx; return load_zone("UTC"); }

static int scenario_fixed(const void *ctx)
{
    (void)ctx;
    itsm_tz *tz = NULL;
    int rc = itsm_tz_fixed(&tz, -3 * 3600);
    itsm_tz_free(tz);
    return rc;
}

static int scenario_from_memory(const void *ctx)
{
    (void)ctx;
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

static void test_sweep_zone_loading(void **state)
{
    (void)state;
    itsm_test_alloc_sweep("tokyo", scenario_tokyo, NULL, ITSM_OK);
    itsm_test_alloc_sweep("amsterdam", scenario_amsterdam, NULL, ITSM_OK);
    itsm_test_alloc_sweep("sao_paulo", scenario_sao_paulo, NULL, ITSM_OK);
    itsm_test_alloc_sweep("lord_howe", scenario_lord_howe, NULL, ITSM_OK);
    itsm_test_alloc_sweep("fixed_by_name", scenario_fixed_by_name, NULL, ITSM_OK);
    itsm_test_alloc_sweep("utc", scenario_utc, NULL, ITSM_OK);
    itsm_test_alloc_sweep("fixed", scenario_fixed, NULL, ITSM_OK);
    itsm_test_alloc_sweep("from_memory", scenario_from_memory, NULL, ITSM_OK);
}

static void test_queries_do_not_allocate(void **state)
{
    (void)state;
    itsm_test_chaos c;
    itsm_test_chaos_install(&c);
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
