#include "itsm_test.h"

#include <stdio.h>
#include <stdlib.h>

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

itsm_instant itsm_test_at(const char *text)
{
    itsm_instant t = 0;
    int rc = itsm_instant_parse(&t, text, NULL);
    if (rc != ITSM_OK) {
        print_error("cannot parse %s: %s\n", text, itsm_error_last());
        fail();
    }
    return t;
}

itsm_calendar *itsm_test_weekly(const char *zone, const char *days, int32_t from, int32_t to, const char *holidays)
{
    itsm_calendar_spec *spec = NULL;
    itsm_calendar *cal = NULL;
    assert_itsm_ok(itsm_calendar_spec_new(&spec, "weekly", zone, NULL));
    for (const char *d = days; *d != '\0'; d++)
        assert_itsm_ok(itsm_calendar_spec_add_interval(spec, *d - '0', from, to, ITSM_INTERVAL_SAME_DAY));
    if (holidays != NULL) {
        itsm_holiday_set *set = NULL;
        assert_itsm_ok(itsm_holiday_set_builtin(&set, holidays));
        assert_itsm_ok(itsm_calendar_spec_add_holidays(spec, set));
        itsm_holiday_set_free(set);
    }
    assert_itsm_ok(itsm_calendar_compile(&cal, spec));
    itsm_calendar_spec_free(spec);
    return cal;
}

void itsm_test_source_path(char *buf, size_t size, const char *relpath)
{
    const char *self = __FILE__;
    const char *tail = strstr(self, "tests/unit/itsm_test.c");
    assert_non_null(tail);
    (void)snprintf(buf, size, "%.*s%s", (int)(tail - self), self, relpath);
}

char *itsm_test_read_source(const char *relpath)
{
    char path[1024];
    itsm_test_source_path(path, sizeof path, relpath);
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        print_error("cannot open %s\n", path);
        fail();
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    assert_non_null(buf);
    size_t n;
    while ((n = fread(buf + len, 1, cap - 1 - len, f)) > 0) {
        len += n;
        if (len == cap - 1) {
            cap *= 2;
            char *bigger = realloc(buf, cap);
            assert_non_null(bigger);
            buf = bigger;
        }
    }
    fclose(f);
    buf[len] = '\0';
    return buf;
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

static void *chaos_malloc(void *ctx, size_t n)
{
    itsm_test_chaos *c = ctx;
    if (c->count++ == c->fail_at) {
        c->failed = 1;
        return NULL;
    }
    return malloc(n);
}

static void *chaos_realloc(void *ctx, void *p, size_t n)
{
    itsm_test_chaos *c = ctx;
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

void itsm_test_chaos_install(itsm_test_chaos *c)
{
    *c = (itsm_test_chaos){-1, 0, 0};
    itsm_allocator a = ITSM_ALLOCATOR_INIT;
    a.malloc_fn = chaos_malloc;
    a.realloc_fn = chaos_realloc;
    a.free_fn = chaos_free;
    a.ctx = c;
    assert_int_equal(itsm_set_allocator(&a), ITSM_OK);
}

long itsm_test_alloc_sweep(const char *name, itsm_test_scenario fn, const void *ctx, int clean_code)
{
    itsm_test_chaos c;
    itsm_test_chaos_install(&c);
    long n;
    for (n = 0;; n++) {
        c = (itsm_test_chaos){n, 0, 0};
        itsm_error_clear();
        int rc = fn(ctx);
        if (itsm_live_allocations() != 0) {
            print_error("%s: %zu block(s) leaked when allocation %ld failed\n", name, itsm_live_allocations(), n);
            fail();
        }
        if (!c.failed) {
            if (rc != clean_code) {
                print_error("%s: returned %d without an injected failure, expected %d: %s\n", name, rc, clean_code,
                            itsm_error_last());
                fail();
            }
            break;
        }
        if (rc != ITSM_ENOMEM || itsm_error_last_code() != ITSM_ENOMEM ||
            strstr(itsm_error_last(), "out of memory") == NULL) {
            print_error("%s: allocation %ld failed but the call returned %d (%s)\n", name, n, rc, itsm_error_last());
            fail();
        }
    }
    assert_int_equal(itsm_set_allocator(NULL), ITSM_OK);
    if (n == 0) {
        print_error("%s: the scenario allocates nothing, so the sweep tested nothing\n", name);
        fail();
    }
    return n;
}

void itsm_test_forbid_allocation(itsm_test_chaos *c)
{
    c->count = 0;
    c->fail_at = 0;
    c->failed = 0;
}

void itsm_test_assert_no_allocation(const itsm_test_chaos *c)
{
    assert_int_equal(c->count, 0);
    assert_false(c->failed);
}
