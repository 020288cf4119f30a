/* Time zones: TZif loading and validation, POSIX footer rules, UTC <-> local
 * conversion with gap/overlap policies, fixed offsets, batches and error paths.
 * Expected values come from zdump and Python's zoneinfo on the same tz data. */
#include "itsm_test.h"

#include "time/civil.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define HOUR 3600

/* ---- helpers ------------------------------------------------------------------------- */

static itsm_instant utc(int32_t y, int32_t mo, int32_t d, int32_t h, int32_t mi, int32_t s)
{
    itsm_datetime dt = {y, mo, d, h, mi, s};
    itsm_instant t = 0;
    assert_itsm_ok(itsm_instant_from_utc(&t, &dt));
    return t;
}

static void assert_info(const itsm_tz *tz, itsm_instant t, int32_t off, int32_t dst, const char *abbr)
{
    itsm_tz_info info;
    assert_itsm_ok(itsm_tz_info_at(&info, tz, t));
    assert_int_equal(info.utc_offset, off);
    assert_int_equal(info.is_dst, dst);
    assert_string_equal(info.abbreviation, abbr);
    int32_t o;
    assert_itsm_ok(itsm_tz_utc_offset(&o, tz, t));
    assert_int_equal(o, off);
}

static void assert_offset(const itsm_tz *tz, itsm_instant t, int32_t off)
{
    int32_t o;
    assert_itsm_ok(itsm_tz_utc_offset(&o, tz, t));
    assert_int_equal(o, off);
}

static void assert_local(const itsm_tz *tz, itsm_instant t, itsm_datetime want)
{
    itsm_datetime got;
    assert_itsm_ok(itsm_tz_to_local(&got, tz, t));
    assert_int_equal(got.year, want.year);
    assert_int_equal(got.month, want.month);
    assert_int_equal(got.day, want.day);
    assert_int_equal(got.hour, want.hour);
    assert_int_equal(got.minute, want.minute);
    assert_int_equal(got.second, want.second);
}

static itsm_instant from_local(const itsm_tz *tz, itsm_datetime local, unsigned policy)
{
    itsm_instant t = 0;
    assert_itsm_ok(itsm_tz_from_local(&t, tz, &local, policy));
    return t;
}

static itsm_instant next_transition(const itsm_tz *tz, itsm_instant t)
{
    itsm_instant u = 0;
    assert_itsm_ok(itsm_tz_next_transition(&u, tz, t));
    return u;
}

static itsm_instant start_of_day(const itsm_tz *tz, int32_t y, int32_t m, int32_t d)
{
    itsm_instant t = 0;
    assert_itsm_ok(itsm_tz_start_of_day(&t, tz, (itsm_date){y, m, d}));
    return t;
}

/* ---- an in-memory TZif writer, for footers and malformed files ------------------------ */

typedef struct tzif_type {
    int32_t utoff;
    uint8_t isdst, abbr;
} tzif_type;

typedef struct tzif_spec {
    char version; /* 0, '2', '3' or '4' */
    const int64_t *times;
    const uint8_t *type_of;
    uint32_t timecnt;
    const tzif_type *types;
    uint32_t typecnt;
    const char *chars;
    uint32_t charcnt;
    uint32_t leapcnt;
    const char *footer;
} tzif_spec;

static size_t put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
    return 4;
}

static size_t put64(uint8_t *p, int64_t v)
{
    put32(p, (uint32_t)((uint64_t)v >> 32));
    return 4 + put32(p + 4, (uint32_t)(uint64_t)v);
}

static size_t put_block(uint8_t *p, const tzif_spec *s, size_t time_size)
{
    size_t n = 0;
    memcpy(p, "TZif", 4);
    p[4] = (uint8_t)s->version;
    memset(p + 5, 0, 15);
    n = 20;
    n += put32(p + n, 0);
    n += put32(p + n, 0);
    n += put32(p + n, s->leapcnt);
    n += put32(p + n, s->timecnt);
    n += put32(p + n, s->typecnt);
    n += put32(p + n, s->charcnt);
    for (uint32_t i = 0; i < s->timecnt; i++)
        n += time_size == 4 ? put32(p + n, (uint32_t)(int32_t)s->times[i]) : put64(p + n, s->times[i]);
    for (uint32_t i = 0; i < s->timecnt; i++)
        p[n++] = s->type_of[i];
    for (uint32_t i = 0; i < s->typecnt; i++) {
        n += put32(p + n, (uint32_t)s->types[i].utoff);
        p[n++] = s->types[i].isdst;
        p[n++] = s->types[i].abbr;
    }
    memcpy(p + n, s->chars, s->charcnt);
    n += s->charcnt;
    for (uint32_t i = 0; i < s->leapcnt; i++) {
        n += time_size == 4 ? put32(p + n, 78796800u + i) : put64(p + n, 78796800 + i);
        n += put32(p + n, i + 1);
    }
    return n;
}

static uint8_t tzif_buf[8192];

static size_t build_tzif(const tzif_spec *s)
{
    size_t n = put_block(tzif_buf, s, 4);
    if (s->version == 0)
        return n;
    n += put_block(tzif_buf + n, s, 8);
    tzif_buf[n++] = '\n';
    size_t f = strlen(s->footer);
    memcpy(tzif_buf + n, s->footer, f);
    n += f;
    tzif_buf[n++] = '\n';
    return n;
}

static const tzif_type est_only[] = {{-5 * HOUR, 0, 0}};

/* A v2 file with no transitions: the footer alone says what time it is. */
static itsm_tz *footer_zone(const char *footer)
{
    tzif_spec s = {'2', NULL, NULL, 0, est_only, 1, "EST", 4, 0, footer};
    size_t n = build_tzif(&s);
    itsm_tz *tz = NULL;
    assert_itsm_ok(itsm_tz_from_tzif(&tz, "test/footer", tzif_buf, n));
    return tz;
}

/* LMT, then EST from 1901-12-13T20:45:52Z (a 32-bit-safe instant), then the footer. */
static const int64_t one_time[] = {-2147483648LL};
static const uint8_t one_type_of[] = {1};
static const tzif_type lmt_est[] = {{-17762, 0, 0}, {-5 * HOUR, 0, 4}};

static tzif_spec one_transition(const char *footer)
{
    return (tzif_spec){'2', one_time, one_type_of, 1, lmt_est, 2, "LMT\0EST", 8, 0, footer};
}

static int load_spec(const tzif_spec *s, size_t trim)
{
    size_t n = build_tzif(s);
    itsm_tz *tz = NULL;
    int rc = itsm_tz_from_tzif(&tz, "test/bad", tzif_buf, n - trim);
    itsm_tz_free(tz);
    return rc;
}

/* ---- real zones ---------------------------------------------------------------------- */

static void test_tokyo(void **state)
{
    (void)state;
    itsm_tz *tz = itsm_test_zone("Asia/Tokyo");
    assert_string_equal(itsm_tz_name(tz), "Asia/Tokyo");
    assert_info(tz, utc(2024, 6, 1, 0, 0, 0), 9 * HOUR, 0, "JST");
    /* Daylight saving 1948-1951: Saturday 24:00 -> Sunday 01:00, back at Sunday 01:00. */
    assert_info(tz, utc(1948, 5, 1, 14, 59, 59), 9 * HOUR, 0, "JST");
    assert_info(tz, utc(1948, 5, 1, 15, 0, 0), 10 * HOUR, 1, "JDT");
    assert_info(tz, utc(1951, 9, 8, 14, 59, 59), 10 * HOUR, 1, "JDT");
    assert_info(tz, utc(1951, 9, 8, 15, 0, 0), 9 * HOUR, 0, "JST");
    assert_int_equal(next_transition(tz, utc(1948, 1, 1, 0, 0, 0)), utc(1948, 5, 1, 15, 0, 0));
    assert_int_equal(next_transition(tz, utc(1949, 4, 2, 15, 0, 0)), utc(1949, 9, 10, 15, 0, 0));
    itsm_instant u;
    assert_itsm_error(itsm_tz_next_transition(&u, tz, utc(1951, 9, 8, 15, 0, 0)), ITSM_ENOTFOUND, "Asia/Tokyo");
    /* 1948-05-02 00:00 did not exist: the day started at 01:00 JDT. */
    assert_int_equal(start_of_day(tz, 1948, 5, 2), utc(1948, 5, 1, 15, 0, 0));
    /* 1948-09-12 00:00 happened twice: the day starts at the first. */
    assert_int_equal(start_of_day(tz, 1948, 9, 12), utc(1948, 9, 11, 14, 0, 0));
    assert_local(tz, utc(2024, 12, 31, 15, 0, 0), (itsm_datetime){2025, 1, 1, 0, 0, 0});
    itsm_tz_free(tz);
}

static void test_amsterdam_gap_and_overlap(void **state)
{
    (void)state;
    itsm_tz *tz = itsm_test_zone("Europe/Amsterdam");
    itsm_datetime gap = {2024, 3, 31, 2, 30, 0};
    assert_int_equal(from_local(tz, gap, ITSM_GAP_SHIFT), utc(2024, 3, 31, 1, 30, 0)); /* 03:30 CEST */
    assert_int_equal(from_local(tz, gap, ITSM_LOCAL_DEFAULT), utc(2024, 3, 31, 1, 30, 0));
    assert_int_equal(from_local(tz, gap, ITSM_GAP_NEXT_VALID), utc(2024, 3, 31, 1, 0, 0)); /* 03:00 CEST */
    itsm_instant t;
    assert_itsm_error(itsm_tz_from_local(&t, tz, &gap, ITSM_GAP_ERROR), ITSM_ENONEXISTENT, "2024-03-31T02:30:00");
    assert_itsm_error(itsm_tz_from_local(&t, tz, &gap, ITSM_LOCAL_STRICT), ITSM_ENONEXISTENT, "Europe/Amsterdam");

    itsm_datetime overlap = {2024, 10, 27, 2, 30, 0};
    assert_int_equal(from_local(tz, overlap, ITSM_OVERLAP_EARLIER), utc(2024, 10, 27, 0, 30, 0)); /* CEST */
    assert_int_equal(from_local(tz, overlap, ITSM_OVERLAP_LATER), utc(2024, 10, 27, 1, 30, 0));   /* CET */
    assert_int_equal(from_local(tz, overlap, ITSM_GAP_ERROR | ITSM_OVERLAP_LATER), utc(2024, 10, 27, 1, 30, 0));
    assert_itsm_error(itsm_tz_from_local(&t, tz, &overlap, ITSM_OVERLAP_ERROR), ITSM_EAMBIGUOUS, "2024-10-27T02:30:00");
    /* Gap policy does not affect overlaps, nor overlap policy gaps. */
    assert_int_equal(from_local(tz, gap, ITSM_OVERLAP_ERROR), utc(2024, 3, 31, 1, 30, 0));
    /* Unambiguous times ignore the policy entirely. */
    assert_int_equal(from_local(tz, (itsm_datetime){2024, 7, 1, 12, 0, 0}, ITSM_LOCAL_STRICT), utc(2024, 7, 1, 10, 0, 0));
    assert_info(tz, utc(2024, 7, 1, 0, 0, 0), 2 * HOUR, 1, "CEST");
    assert_info(tz, utc(2024, 1, 1, 0, 0, 0), HOUR, 0, "CET");
    /* Durations count real seconds: the fall-back day has 25 hours. */
    assert_int_equal(start_of_day(tz, 2024, 10, 28) - start_of_day(tz, 2024, 10, 27), 25 * HOUR);
    assert_int_equal(start_of_day(tz, 2024, 4, 1) - start_of_day(tz, 2024, 3, 31), 23 * HOUR);
    itsm_tz_free(tz);
}

static void test_new_york(void **state)
{
    (void)state;
    itsm_tz *tz = itsm_test_zone("America/New_York");
    assert_info(tz, utc(2024, 1, 1, 0, 0, 0), -5 * HOUR, 0, "EST");
    assert_info(tz, utc(2024, 7, 1, 0, 0, 0), -4 * HOUR, 1, "EDT");
    itsm_instant t = next_transition(tz, utc(2024, 1, 1, 0, 0, 0));
    assert_int_equal(t, utc(2024, 3, 10, 7, 0, 0));
    assert_int_equal(next_transition(tz, t), utc(2024, 11, 3, 6, 0, 0));
    assert_int_equal(next_transition(tz, t - 1), t);
    assert_int_equal(from_local(tz, (itsm_datetime){2024, 3, 10, 2, 30, 0}, 0), utc(2024, 3, 10, 7, 30, 0));
    assert_int_equal(from_local(tz, (itsm_datetime){2024, 11, 3, 1, 30, 0}, ITSM_OVERLAP_EARLIER),
                     utc(2024, 11, 3, 5, 30, 0));
    assert_int_equal(from_local(tz, (itsm_datetime){2024, 11, 3, 1, 30, 0}, ITSM_OVERLAP_LATER),
                     utc(2024, 11, 3, 6, 30, 0));
    assert_local(tz, utc(2024, 11, 3, 5, 59, 59), (itsm_datetime){2024, 11, 3, 1, 59, 59});
    assert_local(tz, utc(2024, 11, 3, 6, 0, 0), (itsm_datetime){2024, 11, 3, 1, 0, 0});
    itsm_tz_free(tz);
}

static void test_sao_paulo_midnight_gap(void **state)
{
    (void)state;
    itsm_tz *tz = itsm_test_zone("America/Sao_Paulo");
    /* DST started at 00:00 on 2018-11-04: the day began at 01:00 (-02). */
    itsm_instant t = start_of_day(tz, 2018, 11, 4);
    assert_int_equal(t, utc(2018, 11, 4, 3, 0, 0));
    assert_local(tz, t, (itsm_datetime){2018, 11, 4, 1, 0, 0});
    assert_int_equal(start_of_day(tz, 2018, 11, 3), utc(2018, 11, 3, 3, 0, 0));
    assert_int_equal(start_of_day(tz, 2018, 11, 5), utc(2018, 11, 5, 2, 0, 0));
    itsm_instant u;
    assert_itsm_error(itsm_tz_from_local(&u, tz, &(itsm_datetime){2018, 11, 4, 0, 0, 0}, ITSM_GAP_ERROR),
                      ITSM_ENONEXISTENT, "America/Sao_Paulo");
    /* DST ended at midnight 2018-02-18: 23:00-24:00 on the 17th happened twice. */
    itsm_datetime twice = {2018, 2, 17, 23, 30, 0};
    assert_int_equal(from_local(tz, twice, ITSM_OVERLAP_EARLIER), utc(2018, 2, 18, 1, 30, 0));
    assert_int_equal(from_local(tz, twice, ITSM_OVERLAP_LATER), utc(2018, 2, 18, 2, 30, 0));
    /* No DST since 2019: the footer is plain "<-03>3". */
    assert_info(tz, utc(2030, 1, 15, 0, 0, 0), -3 * HOUR, 0, "-03");
    assert_itsm_error(itsm_tz_next_transition(&u, tz, utc(2019, 6, 1, 0, 0, 0)), ITSM_ENOTFOUND, "no transition");
    itsm_tz_free(tz);
}

static void test_lord_howe_half_hour_dst(void **state)
{
    (void)state;
    itsm_tz *tz = itsm_test_zone("Australia/Lord_Howe");
    assert_info(tz, utc(2024, 1, 15, 0, 0, 0), 11 * HOUR, 1, "+11");
    assert_info(tz, utc(2024, 7, 1, 0, 0, 0), 10 * HOUR + 1800, 0, "+1030");
    assert_int_equal(next_transition(tz, utc(2024, 1, 1, 0, 0, 0)), utc(2024, 4, 6, 15, 0, 0));
    assert_int_equal(next_transition(tz, utc(2024, 4, 6, 15, 0, 0)), utc(2024, 10, 5, 15, 30, 0));
    /* 02:00-02:30 is skipped on 2024-10-06. */
    itsm_datetime gap = {2024, 10, 6, 2, 15, 0};
    assert_int_equal(from_local(tz, gap, ITSM_GAP_SHIFT), utc(2024, 10, 5, 15, 45, 0)); /* 02:45 +11 */
    assert_int_equal(from_local(tz, gap, ITSM_GAP_NEXT_VALID), utc(2024, 10, 5, 15, 30, 0));
    /* 01:30-02:00 happens twice on 2024-04-07. */
    itsm_datetime twice = {2024, 4, 7, 1, 45, 0};
    assert_int_equal(from_local(tz, twice, ITSM_OVERLAP_EARLIER), utc(2024, 4, 6, 14, 45, 0));
    assert_int_equal(from_local(tz, twice, ITSM_OVERLAP_LATER), utc(2024, 4, 6, 15, 15, 0));
    /* Past the table: the footer <+1030>-10:30<+11>-11,M10.1.0,M4.1.0 in 2150. */
    assert_int_equal(next_transition(tz, utc(2150, 1, 1, 0, 0, 0)), utc(2150, 4, 4, 15, 0, 0));
    itsm_tz_free(tz);
}

static void test_apia_skipped_day(void **state)
{
    (void)state;
    itsm_tz *tz = itsm_test_zone("Pacific/Apia");
    itsm_instant jump = utc(2011, 12, 30, 10, 0, 0);
    assert_local(tz, jump - 1, (itsm_datetime){2011, 12, 29, 23, 59, 59});
    assert_local(tz, jump, (itsm_datetime){2011, 12, 31, 0, 0, 0});
    assert_offset(tz, jump - 1, -10 * HOUR);
    assert_offset(tz, jump, 14 * HOUR);
    itsm_datetime noon = {2011, 12, 30, 12, 0, 0};
    itsm_instant t;
    assert_itsm_error(itsm_tz_from_local(&t, tz, &noon, ITSM_GAP_ERROR), ITSM_ENONEXISTENT, "2011-12-30T12:00:00");
    assert_int_equal(from_local(tz, noon, ITSM_GAP_SHIFT), utc(2011, 12, 30, 22, 0, 0));
    assert_int_equal(from_local(tz, noon, ITSM_GAP_NEXT_VALID), jump);
    for (int32_t h = 0; h < 24; h++)
        assert_itsm_error(itsm_tz_from_local(&t, tz, &(itsm_datetime){2011, 12, 30, h, 0, 0}, ITSM_GAP_ERROR),
                          ITSM_ENONEXISTENT, "Pacific/Apia");
    /* The skipped date has zero length; its neighbours are normal. */
    assert_int_equal(start_of_day(tz, 2011, 12, 30), jump);
    assert_int_equal(start_of_day(tz, 2011, 12, 31), jump);
    assert_int_equal(start_of_day(tz, 2011, 12, 29), utc(2011, 12, 29, 10, 0, 0));
    assert_int_equal(next_transition(tz, jump - 1), jump);
    itsm_tz_free(tz);
}

/* Past the last transition of the table the footer rule is used; check its dates. */
static void test_footer_far_future(void **state)
{
    (void)state;
    itsm_tz *ams = itsm_test_zone("Europe/Amsterdam"); /* CET-1CEST,M3.5.0,M10.5.0/3 */
    itsm_instant t = next_transition(ams, utc(2150, 1, 1, 0, 0, 0));
    assert_int_equal(t, utc(2150, 3, 29, 1, 0, 0));
    assert_int_equal(next_transition(ams, t), utc(2150, 10, 25, 1, 0, 0));
    assert_info(ams, utc(2150, 3, 29, 0, 59, 59), HOUR, 0, "CET");
    assert_info(ams, utc(2150, 3, 29, 1, 0, 0), 2 * HOUR, 1, "CEST");
    assert_info(ams, ITSM_INSTANT_MAX, HOUR, 0, "CET");
    assert_int_equal(next_transition(ams, utc(2200, 1, 1, 0, 0, 0)), utc(2200, 3, 30, 1, 0, 0));
    itsm_instant u;
    assert_itsm_error(itsm_tz_next_transition(&u, ams, utc(2200, 11, 1, 0, 0, 0)), ITSM_ENOTFOUND, "2200");
    itsm_tz_free(ams);

    itsm_tz *ny = itsm_test_zone("America/New_York"); /* EST5EDT,M3.2.0,M11.1.0 */
    t = next_transition(ny, utc(2150, 1, 1, 0, 0, 0));
    assert_int_equal(t, utc(2150, 3, 8, 7, 0, 0));
    assert_int_equal(next_transition(ny, t), utc(2150, 11, 1, 6, 0, 0));
    assert_info(ny, utc(2150, 7, 4, 12, 0, 0), -4 * HOUR, 1, "EDT");
    /* Every year 2008..2200 has exactly two changes: 2nd Sunday of March, 1st of November. */
    t = utc(2008, 1, 1, 0, 0, 0);
    for (int32_t y = 2008; y <= 2200; y++) {
        itsm_instant start = next_transition(ny, t), end = next_transition(ny, start);
        itsm_datetime s, e;
        assert_itsm_ok(itsm_tz_to_local(&s, ny, start));
        assert_itsm_ok(itsm_tz_to_local(&e, ny, end));
        assert_int_equal(s.year, y);
        assert_int_equal(s.month, 3);
        assert_true(s.day >= 8 && s.day <= 14);
        assert_int_equal(s.hour, 3);
        assert_int_equal(e.month, 11);
        assert_true(e.day >= 1 && e.day <= 7);
        assert_int_equal(e.hour, 1);
        int wd;
        assert_itsm_ok(itsm_date_weekday(&wd, (itsm_date){s.year, s.month, s.day}));
        assert_int_equal(wd, 7);
        assert_itsm_ok(itsm_date_weekday(&wd, (itsm_date){e.year, e.month, e.day}));
        assert_int_equal(wd, 7);
        t = end;
    }
    itsm_tz_free(ny);
}

/* ---- fixed offsets and names ----------------------------------------------------------- */

static void assert_fixed(const char *name, int32_t off, const char *canonical)
{
    itsm_tz *tz = NULL;
    assert_itsm_ok(itsm_tz_load(&tz, name, NULL));
    assert_string_equal(itsm_tz_name(tz), canonical);
    assert_offset(tz, utc(2024, 3, 31, 1, 30, 0), off);
    assert_offset(tz, ITSM_INSTANT_MIN, off);
    itsm_instant u;
    assert_itsm_error(itsm_tz_next_transition(&u, tz, 0), ITSM_ENOTFOUND, canonical);
    itsm_tz_free(tz);
}

static void test_fixed_names(void **state)
{
    (void)state;
    assert_fixed("+09:00", 9 * HOUR, "+09:00");
    assert_fixed("+0900", 9 * HOUR, "+09:00");
    assert_fixed("+09", 9 * HOUR, "+09:00");
    assert_fixed("-0330", -(3 * HOUR + 1800), "-03:30");
    assert_fixed("-03:30", -(3 * HOUR + 1800), "-03:30");
    assert_fixed("+05:21:10", 5 * HOUR + 21 * 60 + 10, "+05:21:10");
    assert_fixed("+052110", 5 * HOUR + 21 * 60 + 10, "+05:21:10");
    assert_fixed("UTC", 0, "UTC");
    assert_fixed("Z", 0, "UTC");
    assert_fixed("+00:00", 0, "+00:00");
    assert_fixed("-00:00", 0, "+00:00");
    assert_fixed("+23:59:59", 86399, "+23:59:59");
    const char *bad[] = {"+9", "+9:00", "+09:0", "+09:60", "+0960", "+24:00", "++09", "+09:00x", "+09:00:", "+", "-",
                         "+09:0000", "+0900:00", "+1", "+09 :00"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        itsm_tz *tz = NULL;
        assert_itsm_error(itsm_tz_load(&tz, bad[i], NULL), ITSM_EINVAL, "UTC offset");
        assert_null(tz);
    }
}

static void test_fixed_zone_behaviour(void **state)
{
    (void)state;
    itsm_tz *tz = NULL;
    assert_itsm_ok(itsm_tz_fixed(&tz, 5 * HOUR + 21 * 60 + 10));
    assert_string_equal(itsm_tz_name(tz), "+05:21:10");
    itsm_tz_free(tz);
    assert_itsm_ok(itsm_tz_fixed(&tz, -86399));
    assert_string_equal(itsm_tz_name(tz), "-23:59:59");
    itsm_tz_free(tz);
    assert_itsm_ok(itsm_tz_fixed(&tz, 0));
    assert_string_equal(itsm_tz_name(tz), "+00:00");
    itsm_tz_free(tz);
    tz = NULL;
    assert_itsm_error(itsm_tz_fixed(&tz, 86400), ITSM_EINVAL, "86400");
    assert_itsm_error(itsm_tz_fixed(&tz, -86400), ITSM_EINVAL, "-86399..86399");
    assert_null(tz);

    assert_itsm_ok(itsm_tz_fixed(&tz, 9 * HOUR));
    assert_info(tz, 0, 9 * HOUR, 0, "+09:00");
    /* No gaps or overlaps, so even the strict policy always succeeds. */
    assert_int_equal(from_local(tz, (itsm_datetime){2024, 1, 1, 9, 0, 0}, ITSM_LOCAL_STRICT), utc(2024, 1, 1, 0, 0, 0));
    assert_int_equal(start_of_day(tz, 2024, 1, 1), utc(2023, 12, 31, 15, 0, 0));
    assert_local(tz, ITSM_INSTANT_MAX - 9 * HOUR, (itsm_datetime){2200, 12, 31, 23, 59, 59});
    itsm_datetime dt;
    assert_itsm_error(itsm_tz_to_local(&dt, tz, ITSM_INSTANT_MAX - 9 * HOUR + 1), ITSM_ERANGE, "itsm_tz_to_local");
    itsm_tz_free(tz);
}

/* ---- loading: names, directories, files ----------------------------------------------- */

static void test_unknown_and_bad_names(void **state)
{
    (void)state;
    itsm_tz *tz = NULL;
    assert_itsm_error(itsm_tz_load(&tz, "Nowhere/Land", NULL), ITSM_ENOTFOUND, "'Nowhere/Land' not found");
    assert_itsm_error(itsm_tz_load(&tz, "Asia/Tokyo/Extra", NULL), ITSM_ENOTFOUND, "Asia/Tokyo/Extra");
    assert_itsm_error(itsm_tz_load(&tz, "../../etc/passwd", NULL), ITSM_EINVAL, "'..'");
    assert_itsm_error(itsm_tz_load(&tz, "Asia/../../../etc/passwd", NULL), ITSM_EINVAL, "'..'");
    assert_itsm_error(itsm_tz_load(&tz, "/etc/passwd", NULL), ITSM_EINVAL, "must not start with '/'");
    assert_itsm_error(itsm_tz_load(&tz, "", NULL), ITSM_EINVAL, "empty");
    assert_itsm_error(itsm_tz_load(&tz, "Asia/Tokyo ", NULL), ITSM_EINVAL, "at offset 10");
    assert_itsm_error(itsm_tz_load(&tz, "Asia/Tokyo\n", NULL), ITSM_EINVAL, "outside [A-Za-z0-9/_+-]");
    assert_itsm_error(itsm_tz_load(&tz, "utc", "/nonexistent-zoneinfo"), ITSM_ENOTFOUND, "/nonexistent-zoneinfo");
    assert_itsm_error(itsm_tz_load(&tz, "Asia/Tokyo", ""), ITSM_EINVAL, "zoneinfo_dir");
    char long_name[300];
    memset(long_name, 'A', sizeof long_name - 1);
    long_name[sizeof long_name - 1] = '\0';
    assert_itsm_error(itsm_tz_load(&tz, long_name, NULL), ITSM_EINVAL, "longer than 255");
    assert_itsm_error(itsm_tz_load(&tz, NULL, NULL), ITSM_EINVAL, "name");
    assert_itsm_error(itsm_tz_load(NULL, "UTC", NULL), ITSM_EINVAL, "out");
    assert_null(tz);
    /* A directory is not a zone. */
    assert_itsm_error(itsm_tz_load(&tz, "Asia", NULL), ITSM_EIO, "directory");
    assert_null(tz);
    assert_null(itsm_tz_name(NULL));
    itsm_tz_free(NULL);
}

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb");
    FILE *out = fopen(to, "wb");
    assert_non_null(in);
    assert_non_null(out);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        assert_int_equal(fwrite(buf, 1, n, out), n);
    fclose(in);
    assert_int_equal(fclose(out), 0);
}

static void test_tzdir_and_explicit_directory(void **state)
{
    (void)state;
    char dir[] = "/tmp/itsm_tz_test_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char sub[64], file[96], big[96];
    snprintf(sub, sizeof sub, "%s/Made", dir);
    snprintf(file, sizeof file, "%s/Made/Up_Zone", dir);
    snprintf(big, sizeof big, "%s/Huge", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    copy_file("/usr/share/zoneinfo/Asia/Tokyo", file);
    FILE *f = fopen(big, "wb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 2 * 1024 * 1024, SEEK_SET), 0);
    assert_int_equal(fputc('x', f), 'x');
    fclose(f);

    const char *saved = getenv("TZDIR");
    char *saved_copy = saved != NULL ? strdup(saved) : NULL;
    assert_int_equal(setenv("TZDIR", dir, 1), 0);
    itsm_tz *tz = NULL;
    assert_itsm_ok(itsm_tz_load(&tz, "Made/Up_Zone", NULL));
    assert_string_equal(itsm_tz_name(tz), "Made/Up_Zone");
    assert_offset(tz, utc(2024, 1, 1, 0, 0, 0), 9 * HOUR);
    assert_offset(tz, utc(1949, 6, 1, 0, 0, 0), 10 * HOUR);
    itsm_tz_free(tz);
    tz = NULL;
    assert_itsm_error(itsm_tz_load(&tz, "Asia/Tokyo", NULL), ITSM_ENOTFOUND, dir);
    assert_itsm_error(itsm_tz_load(&tz, "Huge", NULL), ITSM_EFORMAT, "larger than");
    assert_itsm_error(itsm_tz_load(&tz, "Made", NULL), ITSM_EIO, "directory");
    /* The argument wins over TZDIR. */
    assert_itsm_ok(itsm_tz_load(&tz, "Asia/Tokyo", "/usr/share/zoneinfo"));
    itsm_tz_free(tz);
    tz = NULL;
    /* An empty TZDIR means the default directory. */
    assert_int_equal(setenv("TZDIR", "", 1), 0);
    assert_itsm_ok(itsm_tz_load(&tz, "Asia/Tokyo", NULL));
    itsm_tz_free(tz);
    tz = NULL;
    assert_int_equal(unsetenv("TZDIR"), 0);
    assert_itsm_error(itsm_tz_load(&tz, "Made/Up_Zone", NULL), ITSM_ENOTFOUND, "/usr/share/zoneinfo");
    assert_itsm_ok(itsm_tz_load(&tz, "Made/Up_Zone", dir));
    assert_offset(tz, utc(2024, 1, 1, 0, 0, 0), 9 * HOUR);
    itsm_tz_free(tz);

    if (saved_copy != NULL) {
        setenv("TZDIR", saved_copy, 1);
        free(saved_copy);
    }
    assert_int_equal(unlink(file), 0);
    assert_int_equal(unlink(big), 0);
    assert_int_equal(rmdir(sub), 0);
    assert_int_equal(rmdir(dir), 0);
}

static void test_leap_second_zones_rejected(void **state)
{
    (void)state;
    tzif_spec s = one_transition("EST5");
    s.leapcnt = 2;
    assert_itsm_error(load_spec(&s, 0), ITSM_EFORMAT, "leap-second zones are not supported");
    struct stat st;
    if (stat("/usr/share/zoneinfo/right/UTC", &st) != 0) {
        print_message("skipped right/UTC: /usr/share/zoneinfo/right/UTC is absent\n");
        return;
    }
    itsm_tz *tz = NULL;
    assert_itsm_error(itsm_tz_load(&tz, "right/UTC", NULL), ITSM_EFORMAT, "leap-second");
    assert_null(tz);
}

/* ---- TZif structure ------------------------------------------------------------------- */

static void test_tzif_versions(void **state)
{
    (void)state;
    /* v1: 32-bit times, no footer; the last type holds after the last transition. */
    tzif_spec s = one_transition(NULL);
    s.version = 0;
    size_t n = build_tzif(&s);
    itsm_tz *tz = NULL;
    assert_itsm_ok(itsm_tz_from_tzif(&tz, "v1", tzif_buf, n));
    assert_string_equal(itsm_tz_name(tz), "v1");
    assert_info(tz, ITSM_INSTANT_MIN, -17762, 0, "LMT"); /* type 0 before the first transition */
    assert_info(tz, one_time[0], -5 * HOUR, 0, "EST");
    assert_info(tz, utc(2150, 7, 1, 0, 0, 0), -5 * HOUR, 0, "EST");
    itsm_tz_free(tz);
    /* v2, v3, v4 with an empty footer behave the same. */
    const char versions[] = {'2', '3', '4'};
    for (size_t i = 0; i < 3; i++) {
        s = one_transition("");
        s.version = versions[i];
        n = build_tzif(&s);
        assert_itsm_ok(itsm_tz_from_tzif(&tz, "v2+", tzif_buf, n));
        assert_info(tz, one_time[0] - 1, -17762, 0, "LMT");
        assert_info(tz, utc(2150, 7, 1, 0, 0, 0), -5 * HOUR, 0, "EST");
        itsm_tz_free(tz);
    }
    /* The same file with a rule in the footer continues with DST. */
    s = one_transition("EST5EDT,M3.2.0,M11.1.0");
    n = build_tzif(&s);
    assert_itsm_ok(itsm_tz_from_tzif(&tz, "rule", tzif_buf, n));
    assert_info(tz, utc(1950, 7, 1, 0, 0, 0), -4 * HOUR, 1, "EDT");
    assert_info(tz, utc(1950, 1, 1, 0, 0, 0), -5 * HOUR, 0, "EST");
    assert_int_equal(next_transition(tz, utc(1990, 1, 1, 0, 0, 0)), utc(1990, 3, 11, 7, 0, 0));
    itsm_tz_free(tz);
    /* The real files, read from memory. */
    FILE *f = fopen("/usr/share/zoneinfo/Europe/Amsterdam", "rb");
    assert_non_null(f);
    static uint8_t file[65536];
    n = fread(file, 1, sizeof file, f);
    fclose(f);
    assert_itsm_ok(itsm_tz_from_tzif(&tz, "Amsterdam copy", file, n));
    assert_offset(tz, utc(2024, 7, 1, 0, 0, 0), 2 * HOUR);
    itsm_tz_free(tz);
    assert_itsm_error(itsm_tz_from_tzif(&tz, "Amsterdam copy", file, n - 1), ITSM_EFORMAT, "footer");
}

static void test_tzif_malformed(void **state)
{
    (void)state;
    tzif_spec s = one_transition("EST5");
    size_t n = build_tzif(&s);
    itsm_tz *tz = NULL;
    /* Every proper prefix of a valid file is rejected. */
    for (size_t k = 0; k < n; k++) {
        int rc = itsm_tz_from_tzif(&tz, "prefix", tzif_buf, k);
        assert_int_equal(rc, ITSM_EFORMAT);
        assert_null(tz);
    }
    assert_itsm_error(itsm_tz_from_tzif(&tz, "t", tzif_buf, 10), ITSM_EFORMAT, "truncated header");

    n = build_tzif(&s);
    tzif_buf[0] = 'X';
    assert_itsm_error(itsm_tz_from_tzif(&tz, "t", tzif_buf, n), ITSM_EFORMAT, "bad magic");
    n = build_tzif(&s);
    tzif_buf[4] = '5';
    assert_itsm_error(itsm_tz_from_tzif(&tz, "t", tzif_buf, n), ITSM_EFORMAT, "unsupported version");
    n = build_tzif(&s);
    put32(tzif_buf + 32, 0xffffffffu); /* v1 timecnt */
    assert_itsm_error(itsm_tz_from_tzif(&tz, "t", tzif_buf, n), ITSM_EFORMAT, "counts need");
    n = build_tzif(&s);
    tzif_buf[n] = 'x';
    assert_itsm_error(itsm_tz_from_tzif(&tz, "t", tzif_buf, n + 1), ITSM_EFORMAT, "after the footer");
    n = build_tzif(&s);
    tzif_buf[n - 1] = 'x';
    assert_itsm_error(itsm_tz_from_tzif(&tz, "t", tzif_buf, n), ITSM_EFORMAT, "not terminated");
    s.version = 0;
    n = build_tzif(&s);
    tzif_buf[n] = 0;
    assert_itsm_error(itsm_tz_from_tzif(&tz, "t", tzif_buf, n + 1), ITSM_EFORMAT, "unexpected bytes");
    assert_itsm_error(itsm_tz_from_tzif(&tz, "t", NULL, 0), ITSM_EINVAL, "data");

    /* Content errors, in a v2 file. */
    static const int64_t down[] = {100, 100};
    static const uint8_t two_types[] = {1, 1};
    s = (tzif_spec){'2', down, two_types, 2, lmt_est, 2, "LMT\0EST", 8, 0, ""};
    assert_itsm_error(load_spec(&s, 0), ITSM_EFORMAT, "transition 1 (100) is not after");
    static const int64_t up[] = {100, 200};
    static const uint8_t bad_index[] = {1, 2};
    s = (tzif_spec){'2', up, bad_index, 2, lmt_est, 2, "LMT\0EST", 8, 0, ""};
    assert_itsm_error(load_spec(&s, 0), ITSM_EFORMAT, "transition 1 has type 2");
    s = (tzif_spec){'2', NULL, NULL, 0, est_only, 0, "EST", 4, 0, ""};
    assert_itsm_error(load_spec(&s, 0), ITSM_EFORMAT, "typecnt is 0");
    s = (tzif_spec){'2', NULL, NULL, 0, est_only, 1, "ESTX", 4, 0, ""};
    assert_itsm_error(load_spec(&s, 0), ITSM_EFORMAT, "not NUL-terminated");
    static const tzif_type far_index[] = {{0, 0, 4}};
    s = (tzif_spec){'2', NULL, NULL, 0, far_index, 1, "EST", 4, 0, ""};
    assert_itsm_error(load_spec(&s, 0), ITSM_EFORMAT, "abbreviation index 4");
    static const tzif_type dst2[] = {{0, 2, 0}};
    s = (tzif_spec){'2', NULL, NULL, 0, dst2, 1, "EST", 4, 0, ""};
    assert_itsm_error(load_spec(&s, 0), ITSM_EFORMAT, "isdst 2");
    static const tzif_type far_off[] = {{93600, 0, 0}};
    s = (tzif_spec){'2', NULL, NULL, 0, far_off, 1, "EST", 4, 0, ""};
    assert_itsm_error(load_spec(&s, 0), ITSM_EFORMAT, "UTC offset 93600");
    static const tzif_type long_abbr[] = {{0, 0, 0}};
    s = (tzif_spec){'2', NULL, NULL, 0, long_abbr, 1, "ABCDEFGHIJKLMNOP", 17, 0, ""};
    assert_itsm_error(load_spec(&s, 0), ITSM_EFORMAT, "longer than 15");
    s = (tzif_spec){'2', NULL, NULL, 0, long_abbr, 1, "ABCDEFGHIJKLMNO", 16, 0, ""};
    assert_int_equal(load_spec(&s, 0), ITSM_OK);
    /* The second header must match the first. */
    s = one_transition("EST5");
    n = build_tzif(&s);
    tzif_buf[44 + (4 + 1) + 2 * 6 + 8 + 4] = '3'; /* after the v1 block, past "TZif" */
    assert_itsm_error(itsm_tz_from_tzif(&tz, "t", tzif_buf, n), ITSM_EFORMAT, "second header");
    assert_null(tz);
}

/* ---- POSIX footers ------------------------------------------------------------------ */

static void test_footer_rules(void **state)
{
    (void)state;
    /* The footer alone governs all time when the table is empty. */
    itsm_tz *tz = footer_zone("EST5EDT,M3.2.0,M11.1.0");
    assert_info(tz, utc(2024, 7, 1, 0, 0, 0), -4 * HOUR, 1, "EDT");
    assert_info(tz, utc(2024, 1, 1, 0, 0, 0), -5 * HOUR, 0, "EST");
    assert_info(tz, ITSM_INSTANT_MIN, -5 * HOUR, 0, "EST");
    assert_int_equal(next_transition(tz, utc(2024, 1, 1, 0, 0, 0)), utc(2024, 3, 10, 7, 0, 0));
    itsm_tz_free(tz);
    /* No rule after a DST name: the POSIX default is the US rule. */
    tz = footer_zone("EST5EDT");
    assert_int_equal(next_transition(tz, utc(2024, 1, 1, 0, 0, 0)), utc(2024, 3, 10, 7, 0, 0));
    itsm_tz_free(tz);
    /* Southern hemisphere, <...> names, minutes: DST in force on 1900-01-01. */
    tz = footer_zone("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0");
    assert_info(tz, ITSM_INSTANT_MIN, 11 * HOUR, 1, "+11");
    assert_info(tz, utc(2024, 7, 1, 0, 0, 0), 10 * HOUR + 1800, 0, "+1030");
    assert_int_equal(next_transition(tz, utc(2024, 1, 1, 0, 0, 0)), utc(2024, 4, 6, 15, 0, 0));
    itsm_tz_free(tz);
    /* Jn never counts Feb 29: J60 is always March 1. */
    tz = footer_zone("AAA0BBB,J60/0,J300/0");
    assert_int_equal(next_transition(tz, utc(2024, 1, 1, 0, 0, 0)), utc(2024, 3, 1, 0, 0, 0));
    assert_int_equal(next_transition(tz, utc(2023, 1, 1, 0, 0, 0)), utc(2023, 3, 1, 0, 0, 0));
    assert_int_equal(next_transition(tz, utc(2024, 6, 1, 0, 0, 0)), utc(2024, 10, 26, 23, 0, 0));
    itsm_tz_free(tz);
    /* n counts from 0 and does count Feb 29. */
    tz = footer_zone("AAA0BBB,59/0,299/0");
    assert_int_equal(next_transition(tz, utc(2024, 1, 1, 0, 0, 0)), utc(2024, 2, 29, 0, 0, 0));
    assert_int_equal(next_transition(tz, utc(2023, 1, 1, 0, 0, 0)), utc(2023, 3, 1, 0, 0, 0));
    itsm_tz_free(tz);
    /* RFC 8536 extension: negative and > 24 h transition times. Last Sunday of March 2024
     * is the 31st, "-1" is 23:00 the day before; last Sunday of October is the 27th, and
     * 25:00 BBB (+1) is 2024-10-28T00:00Z. */
    tz = footer_zone("AAA0BBB-1,M3.5.0/-1,M10.5.0/25");
    assert_int_equal(next_transition(tz, utc(2024, 1, 1, 0, 0, 0)), utc(2024, 3, 30, 23, 0, 0));
    assert_int_equal(next_transition(tz, utc(2024, 6, 1, 0, 0, 0)), utc(2024, 10, 28, 0, 0, 0));
    itsm_tz_free(tz);
    /* "DST all year" (RFC 8536 section 3.3.1): always EDT, never a transition. */
    tz = footer_zone("EST5EDT,0/0,J365/25");
    assert_info(tz, ITSM_INSTANT_MIN, -4 * HOUR, 1, "EDT");
    assert_info(tz, utc(2024, 12, 31, 23, 0, 0), -4 * HOUR, 1, "EDT");
    assert_info(tz, utc(2025, 1, 1, 5, 0, 0), -4 * HOUR, 1, "EDT");
    itsm_instant u;
    assert_itsm_error(itsm_tz_next_transition(&u, tz, 0), ITSM_ENOTFOUND, "test/footer");
    itsm_tz_free(tz);
    /* Explicit DST offset and time with seconds. */
    tz = footer_zone("<+09>-9<+0930>-9:30,M5.1.0/1:30:15,M9.2.0/3");
    assert_info(tz, utc(2024, 7, 1, 0, 0, 0), 9 * HOUR + 1800, 1, "+0930");
    assert_int_equal(next_transition(tz, utc(2024, 1, 1, 0, 0, 0)), utc(2024, 5, 4, 16, 30, 15));
    itsm_tz_free(tz);
    /* Week 5 is the last such weekday even when the month has only four. */
    tz = footer_zone("AAA0BBB,M2.5.4/0,M11.5.4/0");
    assert_int_equal(next_transition(tz, utc(2024, 1, 1, 0, 0, 0)), utc(2024, 2, 29, 0, 0, 0));
    assert_int_equal(next_transition(tz, utc(2023, 1, 1, 0, 0, 0)), utc(2023, 2, 23, 0, 0, 0));
    itsm_tz_free(tz);
}

static void test_footer_malformed(void **state)
{
    (void)state;
    const char *bad[] = {
        "EST",                       /* no offset */
        "ES5",                       /* name too short */
        "<+0>0",                     /* quoted name too short */
        "<+09-9",                    /* unclosed quote */
        "EST25",                     /* offset hours */
        "EST5:60",                   /* minutes */
        "EST5EDT,M3.2.0",            /* no end */
        "EST5EDT,M13.2.0,M11.1.0",   /* month */
        "EST5EDT,M3.6.0,M11.1.0",    /* week */
        "EST5EDT,M3.2.7,M11.1.0",    /* weekday */
        "EST5EDT,J0,J365",           /* Jn starts at 1 */
        "EST5EDT,366,0",             /* n ends at 365 */
        "EST5EDT,M3.2.0/168,M11.1.0", /* time beyond 167 h */
        "EST5EDT,M3.2.0,M11.1.0x",   /* trailing text */
        "EST5EDT;M3.2.0,M11.1.0",    /* separator */
        "EST5\x01",                  /* control byte */
        "ABCDEFGHIJKLMNOP5",         /* longer than 15 */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        tzif_spec s = one_transition(bad[i]);
        assert_itsm_error(load_spec(&s, 0), ITSM_EFORMAT, "malformed TZ footer");
    }
    tzif_spec s = one_transition("EST5EDT,M13.2.0,M11.1.0");
    assert_itsm_error(load_spec(&s, 0), ITSM_EFORMAT, "\"EST5EDT,M13.2.0,M11.1.0\"");
    assert_itsm_error(load_spec(&s, 0), ITSM_EFORMAT, "test/bad");
}

/* next_transition ignores entries that change nothing (zic writes them at rule changes)
 * but does report a change of abbreviation alone. */
static void test_next_transition_skips_no_ops(void **state)
{
    (void)state;
    static const int64_t times[] = {1000, 2000, 3000, 4000, 5000};
    static const uint8_t type_of[] = {1, 1, 2, 3, 0};
    static const tzif_type types[] = {{0, 0, 0}, {HOUR, 1, 4}, {HOUR, 1, 4}, {HOUR, 1, 8}};
    tzif_spec s = {'2', times, type_of, 5, types, 4, "AAA\0BBB\0CCC", 12, 0, ""};
    size_t n = build_tzif(&s);
    itsm_tz *tz = NULL;
    assert_itsm_ok(itsm_tz_from_tzif(&tz, "noops", tzif_buf, n));
    assert_int_equal(next_transition(tz, 0), 1000);
    assert_int_equal(next_transition(tz, 1000), 4000); /* 2000 and 3000 change nothing */
    assert_int_equal(next_transition(tz, 4000), 5000);
    assert_info(tz, 3500, HOUR, 1, "BBB");
    assert_info(tz, 4500, HOUR, 1, "CCC");
    itsm_instant u;
    assert_itsm_error(itsm_tz_next_transition(&u, tz, 5000), ITSM_ENOTFOUND, "noops");
    itsm_tz_free(tz);
}

/* ---- ranges and arguments ---------------------------------------------------------- */

static void test_range_errors(void **state)
{
    (void)state;
    itsm_tz *tokyo = itsm_test_zone("Asia/Tokyo");
    itsm_tz *ny = itsm_test_zone("America/New_York");
    int32_t off;
    itsm_tz_info info;
    itsm_datetime dt;
    itsm_instant t;
    assert_itsm_error(itsm_tz_utc_offset(&off, tokyo, ITSM_INSTANT_MIN - 1), ITSM_ERANGE, "itsm_tz_utc_offset");
    assert_itsm_error(itsm_tz_utc_offset(&off, tokyo, ITSM_INSTANT_MAX + 1), ITSM_ERANGE, "2200-12-31");
    assert_itsm_error(itsm_tz_info_at(&info, tokyo, INT64_MIN), ITSM_ERANGE, "itsm_tz_info_at");
    assert_itsm_error(itsm_tz_next_transition(&t, tokyo, INT64_MAX), ITSM_ERANGE, "itsm_tz_next_transition");
    assert_local(tokyo, ITSM_INSTANT_MIN, (itsm_datetime){1900, 1, 1, 9, 0, 0}); /* JST since 1888 */
    assert_itsm_error(itsm_tz_to_local(&dt, ny, ITSM_INSTANT_MIN), ITSM_ERANGE, "1900-01-01");
    assert_itsm_error(itsm_tz_to_local(&dt, tokyo, ITSM_INSTANT_MAX), ITSM_ERANGE, "itsm_tz_to_local");
    assert_itsm_error(itsm_tz_from_local(&t, ny, &(itsm_datetime){2200, 12, 31, 23, 0, 0}, 0), ITSM_ERANGE,
                      "itsm_tz_from_local");
    assert_int_equal(from_local(tokyo, (itsm_datetime){2200, 12, 31, 23, 0, 0}, 0), utc(2200, 12, 31, 14, 0, 0));
    assert_itsm_error(itsm_tz_from_local(&t, tokyo, &(itsm_datetime){1899, 12, 31, 23, 0, 0}, 0), ITSM_ERANGE,
                      "year 1899");
    assert_itsm_error(itsm_tz_from_local(&t, tokyo, &(itsm_datetime){1900, 1, 1, 0, 0, 0}, 0), ITSM_ERANGE,
                      "outside the supported range");
    assert_itsm_error(itsm_tz_from_local(&t, tokyo, &(itsm_datetime){2024, 2, 30, 0, 0, 0}, 0), ITSM_ERANGE, "day 30");
    assert_itsm_error(itsm_tz_from_local(&t, tokyo, &(itsm_datetime){2024, 2, 3, 24, 0, 0}, 0), ITSM_ERANGE, "hour 24");
    assert_itsm_error(itsm_tz_start_of_day(&t, tokyo, (itsm_date){1900, 1, 1}), ITSM_ERANGE, "itsm_tz_start_of_day");
    assert_int_equal(start_of_day(ny, 1900, 1, 1), utc(1900, 1, 1, 5, 0, 0));
    assert_itsm_error(itsm_tz_start_of_day(&t, ny, (itsm_date){2201, 1, 1}), ITSM_ERANGE, "year 2201");
    /* Bad policies. */
    const unsigned bad_policies[] = {0x03, 0x0f, 0x30, 0xf0, 0x100, 0x33, 0x80000000u};
    for (size_t i = 0; i < sizeof bad_policies / sizeof bad_policies[0]; i++) {
        assert_itsm_error(itsm_tz_from_local(&t, tokyo, &(itsm_datetime){2024, 1, 1, 0, 0, 0}, bad_policies[i]),
                          ITSM_EINVAL, "policy");
        int64_t w = 0;
        assert_itsm_error(itsm_tz_from_local_many(&w, tokyo, &w, 1, bad_policies[i]), ITSM_EINVAL, "policy");
    }
    /* NULL arguments. */
    assert_itsm_error(itsm_tz_utc_offset(NULL, tokyo, 0), ITSM_EINVAL, "out");
    assert_itsm_error(itsm_tz_utc_offset(&off, NULL, 0), ITSM_EINVAL, "tz");
    assert_itsm_error(itsm_tz_from_local(&t, tokyo, NULL, 0), ITSM_EINVAL, "local");
    assert_itsm_error(itsm_tz_utc_offsets(NULL, tokyo, &t, 1), ITSM_EINVAL, "out");
    assert_itsm_ok(itsm_tz_utc_offsets(NULL, tokyo, NULL, 0));
    itsm_tz_free(tokyo);
    itsm_tz_free(ny);
}

/* ---- batches -------------------------------------------------------------------------- */

#define BATCH 4000

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static int64_t rand_between(int64_t lo, int64_t hi)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return lo + (int64_t)(rng_state % (uint64_t)(hi - lo + 1));
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static void check_batch(const itsm_tz *tz, int64_t *t, int sorted)
{
    static int64_t offs[BATCH], wall[BATCH], back[BATCH], inplace[BATCH];
    if (sorted)
        qsort(t, BATCH, sizeof t[0], cmp_i64);
    assert_itsm_ok(itsm_tz_utc_offsets(offs, tz, t, BATCH));
    assert_itsm_ok(itsm_tz_to_local_many(wall, tz, t, BATCH));
    for (size_t i = 0; i < BATCH; i++) {
        int32_t off;
        assert_itsm_ok(itsm_tz_utc_offset(&off, tz, t[i]));
        assert_int_equal(offs[i], off);
        assert_int_equal(wall[i], t[i] + off);
    }
    const unsigned policies[] = {ITSM_LOCAL_DEFAULT, ITSM_GAP_NEXT_VALID | ITSM_OVERLAP_LATER};
    for (size_t p = 0; p < 2; p++) {
        /* Local times around the real ones, so that gaps and overlaps are hit. */
        for (size_t i = 0; i < BATCH; i++)
            inplace[i] = wall[i] + (i % 3 == 0 ? rand_between(-2 * HOUR, 2 * HOUR) : 0);
        memcpy(back, inplace, sizeof back);
        assert_itsm_ok(itsm_tz_from_local_many(back, tz, back, BATCH, policies[p]));
        for (size_t i = 0; i < BATCH; i++) {
            itsm_datetime dt;
            assert_itsm_ok(itsm__wall_to_datetime(&dt, inplace[i], "test"));
            itsm_instant one;
            assert_itsm_ok(itsm_tz_from_local(&one, tz, &dt, policies[p]));
            assert_int_equal(back[i], one);
        }
    }
    /* UTC -> local -> UTC gives back t with one of the overlap choices. */
    assert_itsm_ok(itsm_tz_from_local_many(back, tz, wall, BATCH, ITSM_OVERLAP_EARLIER));
    assert_itsm_ok(itsm_tz_from_local_many(inplace, tz, wall, BATCH, ITSM_OVERLAP_LATER));
    for (size_t i = 0; i < BATCH; i++)
        assert_true(back[i] == t[i] || inplace[i] == t[i]);
    /* In place. */
    memcpy(inplace, t, sizeof inplace);
    assert_itsm_ok(itsm_tz_utc_offsets(inplace, tz, inplace, BATCH));
    assert_memory_equal(inplace, offs, sizeof offs);
    memcpy(inplace, t, sizeof inplace);
    assert_itsm_ok(itsm_tz_to_local_many(inplace, tz, inplace, BATCH));
    assert_memory_equal(inplace, wall, sizeof wall);
}

static void test_batches_match_scalar(void **state)
{
    (void)state;
    static const char *zones[] = {"Asia/Tokyo", "Europe/Amsterdam", "America/New_York", "America/Sao_Paulo",
                                  "Australia/Lord_Howe", "Pacific/Apia", "+05:30"};
    static int64_t t[BATCH];
    for (size_t z = 0; z < sizeof zones / sizeof zones[0]; z++) {
        itsm_tz *tz = itsm_test_zone(zones[z]);
        for (size_t i = 0; i < BATCH; i++)
            t[i] = rand_between(utc(1901, 1, 1, 0, 0, 0), utc(2199, 12, 31, 0, 0, 0));
        check_batch(tz, t, 0);
        check_batch(tz, t, 1);
        /* Dense around recent transitions, where hints move piece by piece. */
        for (size_t i = 0; i < BATCH; i++)
            t[i] = rand_between(utc(2010, 1, 1, 0, 0, 0), utc(2013, 1, 1, 0, 0, 0));
        check_batch(tz, t, 1);
        itsm_tz_free(tz);
    }
}

static void test_batch_errors_name_the_index(void **state)
{
    (void)state;
    itsm_tz *tz = itsm_test_zone("Europe/Amsterdam");
    int64_t t[32], out[32];
    for (size_t i = 0; i < 32; i++) {
        t[i] = utc(2024, 1, 1, 0, 0, 0) + (int64_t)i * 86400;
        out[i] = -1;
    }
    t[17] = ITSM_INSTANT_MAX + 1;
    assert_itsm_error(itsm_tz_utc_offsets(out, tz, t, 32), ITSM_ERANGE, "t[17]");
    assert_int_equal(out[16], HOUR);
    assert_int_equal(out[17], -1); /* nothing written from the bad element on */
    assert_itsm_error(itsm_tz_to_local_many(out, tz, t, 32), ITSM_ERANGE, "t[17]");
    t[17] = ITSM_INSTANT_MAX - 60; /* in range, but the local date is 2201-01-01 */
    assert_itsm_error(itsm_tz_to_local_many(out, tz, t, 32), ITSM_ERANGE, "t[17] in Europe/Amsterdam");

    int64_t wall[8], res[8];
    for (size_t i = 0; i < 8; i++)
        wall[i] = utc(2024, 3, 31, 0, 0, 0) + (int64_t)i * 1800; /* 00:00 .. 03:30 local */
    /* 02:00 (wall[4]) and 02:30 (wall[5]) are in the gap. */
    assert_itsm_error(itsm_tz_from_local_many(res, tz, wall, 8, ITSM_GAP_ERROR), ITSM_ENONEXISTENT, "wall[4]");
    assert_itsm_error(itsm_tz_from_local_many(res, tz, wall + 5, 3, ITSM_GAP_ERROR), ITSM_ENONEXISTENT, "wall[0]");
    assert_itsm_error(itsm_tz_from_local_many(res, tz, wall, 8, ITSM_GAP_ERROR), ITSM_ENONEXISTENT,
                      "2024-03-31T02:00:00");
    wall[3] = utc(2200, 12, 31, 0, 0, 0) + 86400; /* 2201-01-01T00:00 local */
    assert_itsm_error(itsm_tz_from_local_many(res, tz, wall, 8, 0), ITSM_ERANGE, "wall[3]");
    wall[3] = utc(2200, 12, 31, 23, 30, 0); /* local date fine; instant fine at +01:00 */
    assert_itsm_ok(itsm_tz_from_local_many(res, tz, wall, 3 + 1, 0));
    assert_int_equal(res[3], utc(2200, 12, 31, 22, 30, 0));
    itsm_tz_free(tz);
    itsm_tz *ny = itsm_test_zone("America/New_York");
    wall[2] = utc(2200, 12, 31, 23, 30, 0); /* 2201-01-01T04:30Z: out of range */
    assert_itsm_error(itsm_tz_from_local_many(res, ny, wall, 3, 0), ITSM_ERANGE, "wall[2]");
    itsm_tz_free(ny);
}

/* ---- allocation failures ---------------------------------------------------------------- */

typedef struct failing_alloc {
    long fail_at, count;
} failing_alloc;

static void *fail_malloc(void *ctx, size_t n)
{
    failing_alloc *f = ctx;
    return f->count++ == f->fail_at ? NULL : malloc(n);
}

static void *fail_realloc(void *ctx, void *p, size_t n)
{
    failing_alloc *f = ctx;
    return f->count++ == f->fail_at ? NULL : realloc(p, n);
}

static void fail_free(void *ctx, void *p)
{
    (void)ctx;
    free(p);
}

static int load_some(void)
{
    itsm_tz *tz = NULL;
    int rc = itsm_tz_load(&tz, "Europe/Amsterdam", NULL);
    if (rc == ITSM_OK)
        itsm_tz_free(tz);
    else
        assert_null(tz);
    return rc;
}

static void test_allocation_failures(void **state)
{
    (void)state;
    failing_alloc f = {-1, 0};
    itsm_allocator a = ITSM_ALLOCATOR_INIT;
    a.malloc_fn = fail_malloc;
    a.realloc_fn = fail_realloc;
    a.free_fn = fail_free;
    a.ctx = &f;
    assert_itsm_ok(itsm_set_allocator(&a));
    long n;
    for (n = 0;; n++) {
        f.fail_at = n;
        f.count = 0;
        int rc = load_some();
        assert_int_equal(itsm_live_allocations(), 0);
        if (rc == ITSM_OK)
            break;
        assert_int_equal(rc, ITSM_ENOMEM);
        assert_int_equal(itsm_error_last_code(), ITSM_ENOMEM);
    }
    assert_int_equal(n, 4); /* path, file contents, load plan, zone */
    assert_itsm_ok(itsm_set_allocator(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tokyo),
        cmocka_unit_test(test_amsterdam_gap_and_overlap),
        cmocka_unit_test(test_new_york),
        cmocka_unit_test(test_sao_paulo_midnight_gap),
        cmocka_unit_test(test_lord_howe_half_hour_dst),
        cmocka_unit_test(test_apia_skipped_day),
        cmocka_unit_test(test_footer_far_future),
        cmocka_unit_test(test_fixed_names),
        cmocka_unit_test(test_fixed_zone_behaviour),
        cmocka_unit_test(test_unknown_and_bad_names),
        cmocka_unit_test(test_tzdir_and_explicit_directory),
        cmocka_unit_test(test_leap_second_zones_rejected),
        cmocka_unit_test(test_tzif_versions),
        cmocka_unit_test(test_tzif_malformed),
        cmocka_unit_test(test_footer_rules),
        cmocka_unit_test(test_footer_malformed),
        cmocka_unit_test(test_next_transition_skips_no_ops),
        cmocka_unit_test(test_range_errors),
        cmocka_unit_test(test_batches_match_scalar),
        cmocka_unit_test(test_batch_errors_name_the_index),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, itsm_test_group_setup, itsm_test_group_teardown);
}
