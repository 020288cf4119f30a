/* Holiday sets and the Japanese national holidays.
 *
 * The first part is a second, independent implementation of TIME.md section 7 (the
 * reference algorithm of 7.5, written for clarity, not speed). The library's "jp" data
 * is a table pasted from this code's output (`test_holidays --print-jp-table`), and the
 * first test checks every day 1900..2150 of the table against it. The other tests state
 * the rows of TIME.md 7.1-7.4 one by one, so that a wrong rule here cannot hide behind
 * a table made from it. */
#include "itsm_test.h"

#include "calendar/holidays_internal.h"
#include "itsm/holidays.h"
#include "time/civil.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

/* ---- TIME.md 7, independently ----------------------------------------------------------- */

enum {
    NEW_YEAR,
    COMING_OF_AGE,
    FOUNDATION,
    EMPEROR_BIRTHDAY,
    VERNAL_EQUINOX,
    SHOWA,
    GREENERY,
    CONSTITUTION,
    CHILDREN,
    MARINE,
    MOUNTAIN,
    AGED,
    AUTUMNAL_EQUINOX,
    HEALTH_SPORTS,
    SPORTS,
    CULTURE,
    LABOUR,
    SUBSTITUTE,
    CITIZENS,
    WEDDING_1959,
    FUNERAL_1989,
    ENTHRONEMENT_1990,
    WEDDING_1993,
    ACCESSION_2019,
    ENTHRONEMENT_2019,
    NAME_COUNT
};

/* token: the enumerator lib/calendar/holidays_jp.c uses for the name. */
static const struct jp_name_row {
    const char *token, *text;
} jp_names[NAME_COUNT] = {
    [NEW_YEAR] = {"JP_NEW_YEAR", "元日"},
    [COMING_OF_AGE] = {"JP_COMING_OF_AGE", "成人の日"},
    [FOUNDATION] = {"JP_FOUNDATION", "建国記念の日"},
    [EMPEROR_BIRTHDAY] = {"JP_EMPEROR_BIRTHDAY", "天皇誕生日"},
    [VERNAL_EQUINOX] = {"JP_VERNAL_EQUINOX", "春分の日"},
    [SHOWA] = {"JP_SHOWA", "昭和の日"},
    [GREENERY] = {"JP_GREENERY", "みどりの日"},
    [CONSTITUTION] = {"JP_CONSTITUTION", "憲法記念日"},
    [CHILDREN] = {"JP_CHILDREN", "こどもの日"},
    [MARINE] = {"JP_MARINE", "海の日"},
    [MOUNTAIN] = {"JP_MOUNTAIN", "山の日"},
    [AGED] = {"JP_AGED", "敬老の日"},
    [AUTUMNAL_EQUINOX] = {"JP_AUTUMNAL_EQUINOX", "秋分の日"},
    [HEALTH_SPORTS] = {"JP_HEALTH_SPORTS", "体育の日"},
    [SPORTS] = {"JP_SPORTS", "スポーツの日"},
    [CULTURE] = {"JP_CULTURE", "文化の日"},
    [LABOUR] = {"JP_LABOUR", "勤労感謝の日"},
    [SUBSTITUTE] = {"JP_SUBSTITUTE", "振替休日"},
    [CITIZENS] = {"JP_CITIZENS", "国民の休日"},
    [WEDDING_1959] = {"JP_WEDDING_1959", "皇太子明仁親王の結婚の儀"},
    [FUNERAL_1989] = {"JP_FUNERAL_1989", "昭和天皇の大喪の礼"},
    [ENTHRONEMENT_1990] = {"JP_ENTHRONEMENT_1990", "即位礼正殿の儀"},
    [WEDDING_1993] = {"JP_WEDDING_1993", "皇太子徳仁親王の結婚の儀"},
    [ACCESSION_2019] = {"JP_ACCESSION_2019", "天皇の即位の日"},
    [ENTHRONEMENT_2019] = {"JP_ENTHRONEMENT_2019", "即位礼正殿の儀の行われる日"},
};

typedef struct jp_hol {
    int32_t days;
    int name;
} jp_hol;

/* Three years of national holidays plus their substitutes fit easily. */
typedef struct jp_hols {
    jp_hol at[128];
    size_t n;
} jp_hols;

static int32_t dn(int32_t y, int32_t m, int32_t d) { return (int32_t)itsm__days_from_civil(y, m, d); }

static bool contains(const jp_hols *hs, int32_t days)
{
    for (size_t i = 0; i < hs->n; i++) {
        if (hs->at[i].days == days)
            return true;
    }
    return false;
}

static int name_on(const jp_hols *hs, int32_t days)
{
    for (size_t i = 0; i < hs->n; i++) {
        if (hs->at[i].days == days)
            return hs->at[i].name;
    }
    return -1;
}

static void put(jp_hols *hs, int32_t days, int name)
{
    if (days < dn(1948, 7, 20) || contains(hs, days)) /* the law took effect on 1948-07-20 */
        return;
    if (hs->n == sizeof hs->at / sizeof hs->at[0])
        abort();
    hs->at[hs->n++] = (jp_hol){days, name};
}

static int32_t nth_monday(int32_t y, int32_t m, int32_t n)
{
    int32_t first = dn(y, m, 1);
    return first + (8 - itsm__weekday(first)) % 7 + 7 * (n - 1);
}

/* TIME.md 7.4 in exact integer form; C division truncates toward zero, like INT. */
static int32_t vernal_equinox_day(int32_t y)
{
    if (y < 1980)
        return (20835700 + 242194 * (y - 1980) - 1000000 * ((y - 1983) / 4)) / 1000000;
    if (y < 2100)
        return (20843100 + 242194 * (y - 1980) - 1000000 * ((y - 1980) / 4)) / 1000000;
    return (21851000 + 242194 * (y - 1980) - 1000000 * ((y - 1980) / 4)) / 1000000;
}

static int32_t autumnal_equinox_day(int32_t y)
{
    if (y < 1980)
        return (23258800 + 242194 * (y - 1980) - 1000000 * ((y - 1983) / 4)) / 1000000;
    if (y < 2100)
        return (23248800 + 242194 * (y - 1980) - 1000000 * ((y - 1980) / 4)) / 1000000;
    return (24248800 + 242194 * (y - 1980) - 1000000 * ((y - 1980) / 4)) / 1000000;
}

/* Rows of TIME.md 7.2 that never moved. */
static void national_fixed(jp_hols *hs, int32_t y)
{
    if (y >= 1949) {
        put(hs, dn(y, 1, 1), NEW_YEAR);
        put(hs, dn(y, 3, vernal_equinox_day(y)), VERNAL_EQUINOX);
        put(hs, dn(y, 5, 3), CONSTITUTION);
        put(hs, dn(y, 5, 5), CHILDREN);
    }
    if (y >= 1967)
        put(hs, dn(y, 2, 11), FOUNDATION);
    put(hs, dn(y, 9, autumnal_equinox_day(y)), AUTUMNAL_EQUINOX);
    put(hs, dn(y, 11, 3), CULTURE);
    put(hs, dn(y, 11, 23), LABOUR);
}

static void national_imperial(jp_hols *hs, int32_t y)
{
    if (y >= 1949 && y <= 1988)
        put(hs, dn(y, 4, 29), EMPEROR_BIRTHDAY);
    if (y >= 1989 && y <= 2018)
        put(hs, dn(y, 12, 23), EMPEROR_BIRTHDAY);
    if (y >= 2020)
        put(hs, dn(y, 2, 23), EMPEROR_BIRTHDAY);
    if (y >= 1989 && y <= 2006)
        put(hs, dn(y, 4, 29), GREENERY);
    if (y >= 2007) {
        put(hs, dn(y, 4, 29), SHOWA);
        put(hs, dn(y, 5, 4), GREENERY);
    }
}

/* Rows moved by the happy-Monday laws and the 2020/2021 Olympic laws. */
static void national_moving(jp_hols *hs, int32_t y)
{
    if (y >= 1949 && y <= 1999)
        put(hs, dn(y, 1, 15), COMING_OF_AGE);
    if (y >= 2000)
        put(hs, nth_monday(y, 1, 2), COMING_OF_AGE);
    if (y >= 1996 && y <= 2002)
        put(hs, dn(y, 7, 20), MARINE);
    if ((y >= 2003 && y <= 2019) || y >= 2022)
        put(hs, nth_monday(y, 7, 3), MARINE);
    if ((y >= 2016 && y <= 2019) || y >= 2022)
        put(hs, dn(y, 8, 11), MOUNTAIN);
    if (y >= 1966 && y <= 2002)
        put(hs, dn(y, 9, 15), AGED);
    if (y >= 2003)
        put(hs, nth_monday(y, 9, 3), AGED);
    if (y >= 1966 && y <= 1999)
        put(hs, dn(y, 10, 10), HEALTH_SPORTS);
    if (y >= 2000 && y <= 2019)
        put(hs, nth_monday(y, 10, 2), HEALTH_SPORTS);
    if (y >= 2022)
        put(hs, nth_monday(y, 10, 2), SPORTS);
    if (y == 2020) {
        put(hs, dn(y, 7, 23), MARINE);
        put(hs, dn(y, 7, 24), SPORTS);
        put(hs, dn(y, 8, 10), MOUNTAIN);
    }
    if (y == 2021) {
        put(hs, dn(y, 7, 22), MARINE);
        put(hs, dn(y, 7, 23), SPORTS);
        put(hs, dn(y, 8, 8), MOUNTAIN);
    }
}

static void national_one_off(jp_hols *hs, int32_t y)
{
    static const struct {
        int32_t y, m, d;
        int name;
    } days[] = {{1959, 4, 10, WEDDING_1959},    {1989, 2, 24, FUNERAL_1989},   {1990, 11, 12, ENTHRONEMENT_1990},
                {1993, 6, 9, WEDDING_1993},     {2019, 5, 1, ACCESSION_2019}, {2019, 10, 22, ENTHRONEMENT_2019}};
    for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
        if (days[i].y == y)
            put(hs, dn(y, days[i].m, days[i].d), days[i].name);
    }
}

static void national(jp_hols *hs, int32_t y)
{
    national_fixed(hs, y);
    national_imperial(hs, y);
    national_moving(hs, y);
    national_one_off(hs, y);
}

/* Article 3 paragraph 2, before and after the 2007 amendment. */
static void substitutes(jp_hols *r, const jp_hols *n)
{
    for (size_t i = 0; i < n->n; i++) {
        int32_t h = n->at[i].days;
        if (itsm__weekday(h) != 7)
            continue;
        if (h >= dn(1973, 4, 12) && h <= dn(2006, 12, 31) && !contains(n, h + 1))
            put(r, h + 1, SUBSTITUTE);
        if (h >= dn(2007, 1, 1)) {
            int32_t d = h + 1;
            while (contains(n, d))
                d++;
            put(r, d, SUBSTITUTE);
        }
    }
}

/* Article 3 paragraph 3, before and after the 2007 amendment. */
static void citizens(jp_hols *r, const jp_hols *n)
{
    for (size_t i = 0; i < n->n; i++) {
        int32_t m = n->at[i].days + 1;
        if (!contains(n, m + 1) || contains(n, m))
            continue;
        bool old_rule = m >= dn(1985, 12, 27) && m <= dn(2006, 12, 31) && itsm__weekday(m) != 7 &&
                        name_on(r, m) != SUBSTITUTE;
        if (old_rule || m >= dn(2007, 1, 1))
            put(r, m, CITIZENS);
    }
}

static int compare_hols(const void *a, const void *b)
{
    int32_t x = ((const jp_hol *)a)->days, y = ((const jp_hol *)b)->days;
    return (x > y) - (x < y);
}

/* TIME.md 7.5: the holidays of year y, sorted. */
static void jp_year(jp_hols *out, int32_t y)
{
    jp_hols n = {.n = 0};
    national(&n, y - 1);
    national(&n, y);
    national(&n, y + 1);
    jp_hols r = n;
    substitutes(&r, &n);
    citizens(&r, &n);
    out->n = 0;
    for (size_t i = 0; i < r.n; i++) {
        if (r.at[i].days >= dn(y, 1, 1) && r.at[i].days <= dn(y, 12, 31))
            out->at[out->n++] = r.at[i];
    }
    qsort(out->at, out->n, sizeof out->at[0], compare_hols);
}

/* ---- the generator of lib/calendar/holidays_jp.c's table ------------------------------- */

static void print_year_starts(void)
{
    printf("/* The holidays of year Y are jp_days[jp_year_start[Y - %d] .. jp_year_start[Y - %d + 1]). */\n"
           "static const uint16_t jp_year_start[%d - %d + 2] = {\n",
           1948, 1948, 2150, 1948);
    size_t total = 0;
    for (int32_t y = 1948; y <= 2151; y++) {
        if ((y - 1948) % 10 == 0)
            printf("    /* %d */", (int)y);
        printf(" %zu,", total);
        if ((y - 1948) % 10 == 9 || y == 2151)
            printf("\n");
        if (y <= 2150) {
            jp_hols hs;
            jp_year(&hs, y);
            total += hs.n;
        }
    }
    printf("};\n\n");
}

static void print_days(void)
{
    printf("static const jp_day jp_days[] = {\n");
    for (int32_t y = 1948; y <= 2150; y++) {
        jp_hols hs;
        jp_year(&hs, y);
        int col = printf("    /* %d */", (int)y);
        for (size_t i = 0; i < hs.n; i++) {
            itsm_date d;
            itsm__civil_from_days(hs.at[i].days, &d.year, &d.month, &d.day);
            char cell[64];
            int len = snprintf(cell, sizeof cell, " {%d, %d, %s},", (int)d.month, (int)d.day,
                               jp_names[hs.at[i].name].token);
            if (col + len > 116) {
                col = printf("\n              ");
                col--; /* the newline */
            }
            col += printf("%s", cell);
        }
        printf("\n");
    }
    printf("};\n");
}

static int print_jp_table(void)
{
    printf("/* GENERATED BEGIN */\n");
    print_year_starts();
    print_days();
    printf("/* GENERATED END */\n");
    return 0;
}

/* ---- helpers ------------------------------------------------------------------------------ */

static const char *jp(int32_t y, int32_t m, int32_t d)
{
    const char *name = "unset";
    assert_itsm_ok(itsm_japan_holiday(&name, (itsm_date){y, m, d}));
    return name;
}

static void check_jp(int32_t y, int32_t m, int32_t d, const char *want, const char *file, int line)
{
    const char *got = jp(y, m, d);
    if (want == NULL ? got != NULL : (got == NULL || strcmp(got, want) != 0)) {
        print_error("%04d-%02d-%02d: got %s, expected %s\n", (int)y, (int)m, (int)d, got ? got : "no holiday",
                    want ? want : "no holiday");
        _fail(file, line);
    }
}

/* Needs the caller's line, which a function cannot supply. */
#define assert_jp(y, m, d, want) check_jp((y), (m), (d), (want), __FILE__, __LINE__)
#define assert_no_jp(y, m, d) check_jp((y), (m), (d), NULL, __FILE__, __LINE__)

static int weekday_of(int32_t y, int32_t m, int32_t d) { return itsm__weekday(dn(y, m, d)); }

static size_t jp_count(int32_t year)
{
    itsm_holiday_set *set = NULL;
    assert_itsm_ok(itsm_holiday_set_builtin(&set, "jp"));
    itsm_holiday *list = NULL;
    size_t n = 0;
    assert_itsm_ok(itsm_holiday_set_list(&list, &n, set, (itsm_date){year, 1, 1}, (itsm_date){year, 12, 31}));
    itsm_free(list);
    itsm_holiday_set_free(set);
    return n;
}

static const char *lookup(const itsm_holiday_set *set, int32_t y, int32_t m, int32_t d)
{
    const char *name = "unset";
    assert_itsm_ok(itsm_holiday_set_lookup(&name, set, (itsm_date){y, m, d}));
    return name;
}

/* ---- the table against the rules ----------------------------------------------------------- */

static void test_table_matches_rules_every_day(void **state)
{
    (void)state;
    itsm_holiday_set *set = NULL;
    assert_itsm_ok(itsm_holiday_set_builtin(&set, "jp"));
    itsm_holiday *list = NULL;
    size_t count = 0, listed = 0;
    assert_itsm_ok(itsm_holiday_set_list(&list, &count, set, (itsm_date){1900, 1, 1}, (itsm_date){2150, 12, 31}));
    for (int32_t y = 1900; y <= 2150; y++) {
        jp_hols want;
        jp_year(&want, y);
        size_t k = 0;
        for (int32_t days = dn(y, 1, 1); days <= dn(y, 12, 31); days++) {
            itsm_date d;
            itsm__civil_from_days(days, &d.year, &d.month, &d.day);
            const char *expect = k < want.n && want.at[k].days == days ? jp_names[want.at[k++].name].text : NULL;
            check_jp(d.year, d.month, d.day, expect, __FILE__, __LINE__);
            const char *via_set = lookup(set, d.year, d.month, d.day);
            assert_true(via_set == expect || (via_set && expect && strcmp(via_set, expect) == 0));
            if (expect != NULL) {
                assert_true(listed < count);
                assert_memory_equal(&list[listed].date, &d, sizeof d);
                assert_string_equal(list[listed].name, expect);
                listed++;
            }
        }
        assert_int_equal(k, want.n);
    }
    assert_int_equal(listed, count);
    itsm_free(list);
    itsm_holiday_set_free(set);
}

/* ---- TIME.md 7.1: the legal timeline --------------------------------------------------------- */

static void test_timeline_1948_to_1985(void **state)
{
    (void)state;
    /* 1948-07-20: only the three holidays after that day exist in 1948. */
    assert_int_equal(jp_count(1948), 3);
    assert_no_jp(1948, 1, 1);
    assert_no_jp(1948, 5, 3);
    assert_jp(1948, 9, 23, "秋分の日");
    assert_jp(1948, 11, 3, "文化の日");
    assert_jp(1948, 11, 23, "勤労感謝の日");
    for (int32_t y = 1900; y <= 1947; y++)
        assert_int_equal(jp_count(y), 0);
    /* 1966-06-25: 敬老の日 and 体育の日 added. */
    assert_no_jp(1965, 9, 15);
    assert_no_jp(1965, 10, 10);
    assert_jp(1966, 9, 15, "敬老の日");
    assert_jp(1966, 10, 10, "体育の日");
    /* 1966-12-09: 建国記念の日 is Feb 11, first observed 1967. */
    assert_no_jp(1966, 2, 11);
    assert_jp(1967, 2, 11, "建国記念の日");
    /* 1973-04-12: 振替休日, for holidays from that day on. */
    assert_int_equal(weekday_of(1973, 2, 11), 7);
    assert_no_jp(1973, 2, 12);
    assert_int_equal(weekday_of(1973, 4, 29), 7);
    assert_jp(1973, 4, 30, "振替休日");
    /* 1985-12-27: 国民の休日, first case 1988-05-04. */
    assert_int_equal(weekday_of(1986, 5, 4), 7);
    assert_no_jp(1986, 5, 4);
    assert_jp(1987, 5, 4, "振替休日");
    assert_jp(1988, 5, 4, "国民の休日");
}

static void test_timeline_1989_to_2016(void **state)
{
    (void)state;
    /* 1989-02-17: 天皇誕生日 moves to Dec 23; Apr 29 becomes みどりの日. */
    assert_jp(1988, 4, 29, "天皇誕生日");
    assert_no_jp(1988, 12, 23);
    assert_jp(1989, 4, 29, "みどりの日");
    assert_jp(1989, 12, 23, "天皇誕生日");
    /* 1996: 海の日 on Jul 20. */
    assert_no_jp(1995, 7, 20);
    assert_jp(1996, 7, 20, "海の日");
    /* 2000: happy Monday I. */
    assert_jp(1999, 1, 15, "成人の日");
    assert_no_jp(2000, 1, 15);
    assert_jp(2000, 1, 10, "成人の日");
    assert_jp(1999, 10, 10, "体育の日");
    assert_no_jp(2000, 10, 10);
    assert_jp(2000, 10, 9, "体育の日");
    /* 2003: happy Monday II. */
    assert_jp(2002, 7, 20, "海の日");
    assert_jp(2003, 7, 21, "海の日");
    assert_no_jp(2003, 7, 20);
    assert_jp(2002, 9, 15, "敬老の日");
    assert_jp(2004, 9, 20, "敬老の日");
    assert_no_jp(2004, 9, 15);
    /* 2007: 昭和の日, みどりの日 on May 4, the new substitute rule. */
    assert_jp(2006, 4, 29, "みどりの日");
    assert_jp(2007, 4, 29, "昭和の日");
    assert_jp(2007, 5, 4, "みどりの日");
    assert_jp(2008, 5, 6, "振替休日");
    assert_int_equal(weekday_of(2008, 5, 6), 2);
    assert_jp(2009, 5, 6, "振替休日");
    assert_int_equal(weekday_of(2009, 5, 6), 3);
    /* 2016: 山の日. */
    assert_no_jp(2015, 8, 11);
    assert_jp(2016, 8, 11, "山の日");
}

static void test_timeline_2019_to_2021(void **state)
{
    (void)state;
    /* 2019: the accession and enthronement days, and the 国民の休日 around May 1. */
    assert_jp(2019, 4, 29, "昭和の日");
    assert_jp(2019, 4, 30, "国民の休日");
    assert_jp(2019, 5, 1, "天皇の即位の日");
    assert_jp(2019, 5, 2, "国民の休日");
    assert_jp(2019, 5, 3, "憲法記念日");
    assert_jp(2019, 5, 6, "振替休日");
    assert_jp(2019, 10, 22, "即位礼正殿の儀の行われる日");
    /* No 天皇誕生日 in 2019. */
    assert_jp(2018, 12, 23, "天皇誕生日");
    assert_no_jp(2019, 12, 23);
    assert_no_jp(2019, 2, 23);
    assert_jp(2020, 2, 23, "天皇誕生日");
    assert_jp(2020, 2, 24, "振替休日");
    assert_no_jp(2020, 12, 23);
    /* 2020: 体育の日 renamed; the Olympic moves. */
    assert_jp(2019, 10, 14, "体育の日");
    assert_jp(2020, 7, 23, "海の日");
    assert_jp(2020, 7, 24, "スポーツの日");
    assert_jp(2020, 8, 10, "山の日");
    assert_no_jp(2020, 7, 20);
    assert_no_jp(2020, 8, 11);
    assert_no_jp(2020, 10, 12);
    /* 2021: moved again by the amended law. */
    assert_jp(2021, 7, 22, "海の日");
    assert_jp(2021, 7, 23, "スポーツの日");
    assert_jp(2021, 8, 8, "山の日");
    assert_jp(2021, 8, 9, "振替休日");
    assert_no_jp(2021, 7, 19);
    assert_no_jp(2021, 8, 11);
    assert_no_jp(2021, 10, 11);
    assert_jp(2022, 10, 10, "スポーツの日");
}

/* ---- TIME.md 7.2: the holiday table ---------------------------------------------------------- */

static void test_table_fixed_rows(void **state)
{
    (void)state;
    assert_no_jp(1948, 1, 1);
    assert_jp(1949, 1, 1, "元日");
    assert_jp(2150, 1, 1, "元日");
    assert_jp(1949, 1, 15, "成人の日");
    assert_jp(1999, 1, 15, "成人の日");
    assert_jp(2024, 1, 8, "成人の日");
    assert_jp(1967, 2, 11, "建国記念の日");
    assert_jp(1949, 4, 29, "天皇誕生日");
    assert_jp(1988, 4, 29, "天皇誕生日");
    assert_jp(2018, 12, 23, "天皇誕生日");
    assert_jp(2150, 2, 23, "天皇誕生日");
    assert_no_jp(1948, 3, 21);
    assert_jp(1949, 3, 21, "春分の日");
    assert_jp(2006, 4, 29, "みどりの日");
    assert_jp(2006, 5, 4, "国民の休日");
    assert_jp(2007, 5, 4, "みどりの日");
    assert_jp(2007, 4, 29, "昭和の日");
    assert_jp(1949, 5, 3, "憲法記念日");
    assert_jp(1949, 5, 5, "こどもの日");
    assert_jp(2006, 5, 5, "こどもの日");
    assert_jp(1948, 11, 3, "文化の日");
    assert_jp(1948, 11, 23, "勤労感謝の日");
}

static void test_table_moving_rows(void **state)
{
    (void)state;
    assert_jp(1996, 7, 20, "海の日");
    assert_jp(2002, 7, 20, "海の日");
    assert_jp(2003, 7, 21, "海の日");
    assert_jp(2019, 7, 15, "海の日");
    assert_jp(2020, 7, 23, "海の日");
    assert_jp(2021, 7, 22, "海の日");
    assert_jp(2022, 7, 18, "海の日");
    assert_jp(2016, 8, 11, "山の日");
    assert_jp(2019, 8, 11, "山の日");
    assert_jp(2020, 8, 10, "山の日");
    assert_jp(2021, 8, 8, "山の日");
    assert_jp(2022, 8, 11, "山の日");
    assert_jp(1966, 9, 15, "敬老の日");
    assert_jp(2002, 9, 15, "敬老の日");
    assert_jp(2003, 9, 15, "敬老の日");
    assert_jp(2024, 9, 16, "敬老の日");
    assert_jp(1948, 9, 23, "秋分の日");
    assert_jp(1966, 10, 10, "体育の日");
    assert_jp(1999, 10, 10, "体育の日");
    assert_jp(2000, 10, 9, "体育の日");
    assert_jp(2019, 10, 14, "体育の日");
    assert_jp(2020, 7, 24, "スポーツの日");
    assert_jp(2021, 7, 23, "スポーツの日");
    assert_jp(2022, 10, 10, "スポーツの日");
    assert_jp(2150, 10, 12, "スポーツの日");
}

static void test_table_one_off_days(void **state)
{
    (void)state;
    assert_jp(1959, 4, 10, "皇太子明仁親王の結婚の儀");
    assert_jp(1989, 2, 24, "昭和天皇の大喪の礼");
    assert_jp(1990, 11, 12, "即位礼正殿の儀");
    assert_jp(1993, 6, 9, "皇太子徳仁親王の結婚の儀");
    assert_jp(2019, 5, 1, "天皇の即位の日");
    assert_jp(2019, 10, 22, "即位礼正殿の儀の行われる日");
}

static void test_counts_per_year(void **state)
{
    (void)state;
    static const struct {
        int32_t year;
        size_t count;
    } rows[] = {{1948, 3},  {1949, 9},  {1959, 10}, {1966, 11}, {1967, 12}, {1973, 14}, {1988, 14},
                {1989, 17}, {2000, 15}, {2009, 17}, {2016, 17}, {2019, 22}, {2020, 18}, {2021, 17},
                {2024, 21}, {2026, 18}, {2099, 18}, {2150, 18}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        size_t got = jp_count(rows[i].year);
        if (got != rows[i].count) {
            print_error("%d: %zu holidays, expected %zu\n", (int)rows[i].year, got, rows[i].count);
            fail();
        }
    }
}

/* ---- TIME.md 7.3: article 3 ----------------------------------------------------------------- */

static void test_substitute_holidays(void **state)
{
    (void)state;
    /* Before 2007 only the next day, and only when it is not itself a national holiday. */
    assert_int_equal(weekday_of(1997, 5, 4), 7);
    assert_no_jp(1997, 5, 6);
    assert_int_equal(weekday_of(2003, 5, 4), 7);
    assert_no_jp(2003, 5, 6);
    assert_jp(1992, 5, 4, "振替休日");
    assert_jp(1999, 10, 11, "振替休日");
    assert_jp(2002, 9, 16, "振替休日");
    /* From 2007 the nearest following day that is not a national holiday. */
    assert_jp(2007, 4, 30, "振替休日");
    assert_jp(2008, 5, 6, "振替休日");
    assert_jp(2009, 5, 6, "振替休日");
    assert_jp(2014, 5, 6, "振替休日");
    assert_jp(2019, 8, 12, "振替休日");
    assert_jp(2024, 9, 23, "振替休日");
    /* Every substitute holiday follows a run of national holidays that starts on a Sunday. */
    for (int32_t days = dn(1948, 7, 20); days <= dn(2150, 12, 31); days++) {
        itsm_date d;
        itsm__civil_from_days(days, &d.year, &d.month, &d.day);
        const char *name = jp(d.year, d.month, d.day);
        if (name == NULL || strcmp(name, "振替休日") != 0)
            continue;
        int32_t h = days - 1;
        for (;;) {
            itsm_date p;
            itsm__civil_from_days(h, &p.year, &p.month, &p.day);
            const char *prev = jp(p.year, p.month, p.day);
            assert_non_null(prev);
            assert_string_not_equal(prev, "振替休日");
            assert_string_not_equal(prev, "国民の休日");
            if (itsm__weekday(h) == 7)
                break;
            assert_true(days >= dn(2007, 1, 1));
            h--;
        }
        assert_true(h >= dn(1973, 4, 12));
    }
}

static void test_citizens_holidays(void **state)
{
    (void)state;
    /* 1985-12-27 .. 2006: not on Sundays and not on substitute holidays; Saturdays count. */
    assert_jp(1988, 5, 4, "国民の休日");
    assert_int_equal(weekday_of(1991, 5, 4), 6);
    assert_jp(1991, 5, 4, "国民の休日");
    assert_no_jp(1986, 5, 4);
    assert_jp(1987, 5, 4, "振替休日");
    assert_no_jp(1997, 5, 4);
    /* From 2007: only September, and 2019. */
    static const int32_t september[][2] = {{2009, 22}, {2015, 22}, {2026, 22}, {2032, 21}, {2037, 22},
                                           {2043, 22}, {2049, 21}, {2054, 22}, {2060, 21}, {2071, 22},
                                           {2077, 21}, {2088, 21}, {2094, 21}, {2099, 22}};
    size_t seen = 0;
    for (int32_t days = dn(2007, 1, 1); days <= dn(2099, 12, 31); days++) {
        itsm_date d;
        itsm__civil_from_days(days, &d.year, &d.month, &d.day);
        const char *name = jp(d.year, d.month, d.day);
        if (name == NULL || strcmp(name, "国民の休日") != 0 || d.year == 2019)
            continue;
        assert_true(seen < sizeof september / sizeof september[0]);
        assert_int_equal(d.year, september[seen][0]);
        assert_int_equal(d.month, 9);
        assert_int_equal(d.day, september[seen][1]);
        seen++;
    }
    assert_int_equal(seen, sizeof september / sizeof september[0]);
    assert_jp(2032, 9, 20, "敬老の日");
    assert_jp(2032, 9, 22, "秋分の日");
    assert_no_jp(2032, 9, 23);
    assert_jp(2019, 4, 30, "国民の休日");
    assert_jp(2019, 5, 2, "国民の休日");
}

/* Only national holidays (and the 2019 days treated as such) trigger article 3. */
static void test_only_national_holidays_trigger_rules(void **state)
{
    (void)state;
    for (int32_t days = dn(1948, 7, 21); days < dn(2150, 12, 31); days++) {
        itsm_date d, p, n;
        itsm__civil_from_days(days, &d.year, &d.month, &d.day);
        const char *name = jp(d.year, d.month, d.day);
        if (name == NULL || strcmp(name, "国民の休日") != 0)
            continue;
        itsm__civil_from_days(days - 1, &p.year, &p.month, &p.day);
        itsm__civil_from_days(days + 1, &n.year, &n.month, &n.day);
        const char *before = jp(p.year, p.month, p.day), *after = jp(n.year, n.month, n.day);
        assert_non_null(before);
        assert_non_null(after);
        assert_string_not_equal(before, "振替休日");
        assert_string_not_equal(after, "振替休日");
        assert_string_not_equal(before, "国民の休日");
        assert_string_not_equal(after, "国民の休日");
        assert_true(days >= dn(1985, 12, 27));
    }
}

/* ---- TIME.md 7.4: equinox days --------------------------------------------------------------- */

/* The mod-4 table of 7.4, valid 1948..2099. */
static int32_t vernal_by_table(int32_t y)
{
    switch (y % 4) {
    case 0: return y <= 1956 ? 21 : y <= 2088 ? 20 : 19;
    case 1: return y <= 1989 ? 21 : 20;
    case 2: return y <= 2022 ? 21 : 20;
    default: return y <= 1923 ? 22 : y <= 2055 ? 21 : 20;
    }
}

static int32_t autumnal_by_table(int32_t y)
{
    switch (y % 4) {
    case 0: return y <= 2008 ? 23 : 22;
    case 1: return y <= 2041 ? 23 : 22;
    case 2: return y <= 2074 ? 23 : 22;
    default: return y <= 1979 ? 24 : 23;
    }
}

static void test_equinox_days(void **state)
{
    (void)state;
    for (int32_t y = 1949; y <= 2099; y++) {
        assert_jp(y, 3, vernal_by_table(y), "春分の日");
        assert_jp(y, 9, autumnal_by_table(y), "秋分の日");
    }
    assert_jp(1948, 9, 23, "秋分の日");
    /* Truncation, not floor, before 1983: 1960 is Mar 20. */
    assert_jp(1960, 3, 20, "春分の日");
    assert_no_jp(1960, 3, 21);
    /* The risk years. */
    assert_jp(2012, 9, 22, "秋分の日");
    assert_no_jp(2012, 9, 23);
    assert_jp(2088, 3, 20, "春分の日");
    assert_no_jp(2088, 3, 21);
    /* 2100..2150 row. */
    assert_jp(2100, 3, vernal_equinox_day(2100), "春分の日");
    assert_jp(2150, 9, autumnal_equinox_day(2150), "秋分の日");
    assert_int_equal(vernal_equinox_day(2100), 20);
    assert_int_equal(autumnal_equinox_day(2100), 23);
}

/* ---- the "jp" set's span and errors ----------------------------------------------------------- */

static void test_jp_span_and_range_errors(void **state)
{
    (void)state;
    itsm_holiday_set *set = NULL;
    assert_itsm_ok(itsm_holiday_set_builtin(&set, "jp"));
    assert_string_equal(itsm_holiday_set_name(set), "jp");
    itsm_date first, last;
    assert_itsm_ok(itsm_holiday_set_span(&first, &last, set));
    assert_memory_equal(&first, &((itsm_date){1900, 1, 1}), sizeof first);
    assert_memory_equal(&last, &((itsm_date){2150, 12, 31}), sizeof last);
    const char *name = "unset";
    assert_itsm_error(itsm_holiday_set_lookup(&name, set, (itsm_date){2151, 1, 1}), ITSM_ERANGE, "2150-12-31");
    assert_string_equal(name, "unset");
    assert_itsm_error(itsm_holiday_set_lookup(&name, set, (itsm_date){1899, 12, 31}), ITSM_ERANGE, "year 1899");
    assert_itsm_error(itsm_japan_holiday(&name, (itsm_date){2151, 1, 1}), ITSM_ERANGE, "2150-12-31");
    assert_itsm_error(itsm_japan_holiday(&name, (itsm_date){1899, 12, 31}), ITSM_ERANGE, "year 1899");
    assert_itsm_error(itsm_japan_holiday(&name, (itsm_date){2023, 2, 29}), ITSM_ERANGE, "day 29");
    assert_itsm_error(itsm_japan_holiday(NULL, (itsm_date){2023, 1, 1}), ITSM_EINVAL, "out_name");
    itsm_holiday *list = NULL;
    size_t n = 0;
    assert_itsm_error(itsm_holiday_set_list(&list, &n, set, (itsm_date){2150, 1, 1}, (itsm_date){2151, 1, 1}),
                      ITSM_ERANGE, "last 2151-01-01");
    assert_null(list);
    assert_itsm_ok(itsm_japan_holiday(&name, (itsm_date){1900, 1, 1}));
    assert_null(name);
    itsm_holiday_set_free(set);

    itsm_holiday_set *other = NULL;
    assert_itsm_error(itsm_holiday_set_builtin(&other, "us"), ITSM_ENOTFOUND, "\"us\"");
    assert_null(other);
}

/* ---- yearly rules ---------------------------------------------------------------------------- */

static itsm_holiday_set *new_set(const char *name)
{
    itsm_holiday_set *set = NULL;
    assert_itsm_ok(itsm_holiday_set_new(&set, name));
    return set;
}

static void test_fixed_rule_and_leap_day(void **state)
{
    (void)state;
    itsm_holiday_set *set = new_set("leap");
    assert_itsm_ok(itsm_holiday_set_add_fixed(set, 2, 29, "閏日", 0, 0));
    assert_itsm_ok(itsm_holiday_set_add_fixed(set, 6, 1, "創立記念日", 2000, 2010));
    assert_string_equal(lookup(set, 2024, 2, 29), "閏日");
    assert_string_equal(lookup(set, 2000, 2, 29), "閏日");
    assert_null(lookup(set, 2023, 2, 28));
    assert_null(lookup(set, 2023, 3, 1));
    assert_null(lookup(set, 2100, 2, 28));
    assert_null(lookup(set, 2100, 3, 1));
    assert_null(lookup(set, 1999, 6, 1));
    assert_string_equal(lookup(set, 2000, 6, 1), "創立記念日");
    assert_string_equal(lookup(set, 2010, 6, 1), "創立記念日");
    assert_null(lookup(set, 2011, 6, 1));
    itsm_holiday *list = NULL;
    size_t n = 0;
    assert_itsm_ok(itsm_holiday_set_list(&list, &n, set, (itsm_date){1900, 1, 1}, (itsm_date){2200, 12, 31}));
    assert_int_equal(n, 73 + 11); /* leap years 1904..2196 without 1900, 2100, 2200 */
    itsm_free(list);
    itsm_holiday_set_free(set);
}

static void test_nth_weekday_rules(void **state)
{
    (void)state;
    itsm_holiday_set *set = new_set("nth");
    assert_itsm_ok(itsm_holiday_set_add_nth_weekday(set, 5, -1, 1, "Memorial Day", 0, 0));
    assert_itsm_ok(itsm_holiday_set_add_nth_weekday(set, 2, 5, 1, "fifth Monday", 0, 0));
    assert_itsm_ok(itsm_holiday_set_add_nth_weekday(set, 2, 5, 4, "fifth Thursday", 0, 0));
    assert_itsm_ok(itsm_holiday_set_add_nth_weekday(set, 11, 4, 4, "Thanksgiving", 1950, 0));
    assert_string_equal(lookup(set, 2024, 5, 27), "Memorial Day");
    assert_null(lookup(set, 2024, 5, 20));
    assert_string_equal(lookup(set, 2021, 5, 31), "Memorial Day");
    assert_null(lookup(set, 2021, 5, 24));
    /* February 2024 has a 5th Thursday (the 29th) but no 5th Monday. */
    assert_string_equal(lookup(set, 2024, 2, 29), "fifth Thursday");
    itsm_holiday *list = NULL;
    size_t n = 0;
    assert_itsm_ok(itsm_holiday_set_list(&list, &n, set, (itsm_date){2023, 1, 1}, (itsm_date){2024, 12, 31}));
    assert_int_equal(n, 5); /* 2 Memorial Days, 2 Thanksgivings, 2024-02-29 */
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(list[i].name, "fifth Monday");
    itsm_free(list);
    assert_string_equal(lookup(set, 2024, 11, 28), "Thanksgiving");
    assert_null(lookup(set, 1949, 11, 24));
    itsm_holiday_set_free(set);
}

static void test_cross_year_range(void **state)
{
    (void)state;
    itsm_holiday_set *set = new_set("closing");
    assert_itsm_ok(itsm_holiday_set_add_range(set, 12, 29, 1, 3, "冬季休業", 2024, 2025));
    assert_itsm_ok(itsm_holiday_set_add_range(set, 8, 13, 8, 16, "夏季休業", 0, 0));
    assert_null(lookup(set, 2024, 1, 2));
    assert_null(lookup(set, 2024, 12, 28));
    assert_string_equal(lookup(set, 2024, 12, 29), "冬季休業");
    assert_string_equal(lookup(set, 2025, 1, 3), "冬季休業");
    assert_null(lookup(set, 2025, 1, 4));
    assert_string_equal(lookup(set, 2025, 12, 31), "冬季休業");
    assert_string_equal(lookup(set, 2026, 1, 3), "冬季休業");
    assert_null(lookup(set, 2026, 12, 29));
    assert_string_equal(lookup(set, 1900, 8, 13), "夏季休業");
    assert_string_equal(lookup(set, 2200, 8, 16), "夏季休業");
    assert_null(lookup(set, 2200, 8, 17));
    itsm_holiday_set_free(set);

    assert_itsm_ok(itsm_holiday_set_builtin(&set, "jp-year-end"));
    assert_string_equal(itsm_holiday_set_name(set), "jp-year-end");
    assert_string_equal(lookup(set, 1900, 1, 1), "年末年始");
    assert_string_equal(lookup(set, 2200, 12, 31), "年末年始");
    itsm_holiday *list = NULL;
    size_t n = 0;
    assert_itsm_ok(itsm_holiday_set_list(&list, &n, set, (itsm_date){2024, 1, 1}, (itsm_date){2024, 12, 31}));
    assert_int_equal(n, 6);
    assert_memory_equal(&list[2].date, &((itsm_date){2024, 1, 3}), sizeof(itsm_date));
    assert_memory_equal(&list[3].date, &((itsm_date){2024, 12, 29}), sizeof(itsm_date));
    itsm_free(list);
    itsm_date first, last;
    assert_itsm_ok(itsm_holiday_set_span(&first, &last, set));
    assert_memory_equal(&first, &((itsm_date){1900, 1, 1}), sizeof first);
    assert_memory_equal(&last, &((itsm_date){2200, 12, 31}), sizeof last);
    itsm_holiday_set_free(set);
}

/* ---- explicit dates, ordering, copying ---------------------------------------------------------- */

static void test_list_is_sorted_and_deduplicated(void **state)
{
    (void)state;
    itsm_holiday_set *set = NULL;
    assert_itsm_ok(itsm_holiday_set_builtin(&set, "jp"));
    assert_itsm_ok(itsm_holiday_set_add_date(set, (itsm_date){2024, 12, 30}, "御用納め"));
    assert_itsm_ok(itsm_holiday_set_add_date(set, (itsm_date){2024, 1, 1}, "会社の元日"));
    assert_itsm_ok(itsm_holiday_set_add_date(set, (itsm_date){2024, 6, 3}, NULL));
    assert_itsm_ok(itsm_holiday_set_add_date(set, (itsm_date){2024, 6, 3}, "second name is ignored"));
    assert_itsm_ok(itsm_holiday_set_add_fixed(set, 12, 30, "rule after the date", 0, 0));
    assert_itsm_ok(itsm_holiday_set_add_fixed(set, 1, 2, "正月", 0, 0));
    assert_itsm_ok(itsm_holiday_set_add_date(set, (itsm_date){2024, 1, 2}, "date after the rule"));
    itsm_holiday *list = NULL;
    size_t n = 0;
    assert_itsm_ok(itsm_holiday_set_list(&list, &n, set, (itsm_date){2024, 1, 1}, (itsm_date){2024, 12, 31}));
    assert_int_equal(n, 21 + 3);
    for (size_t i = 1; i < n; i++)
        assert_true(dn(list[i - 1].date.year, list[i - 1].date.month, list[i - 1].date.day) <
                    dn(list[i].date.year, list[i].date.month, list[i].date.day));
    assert_string_equal(list[0].name, "元日"); /* jp was first */
    assert_string_equal(list[1].name, "正月"); /* the rule came before the date */
    assert_string_equal(lookup(set, 2024, 6, 3), "");
    assert_string_equal(lookup(set, 2024, 12, 30), "御用納め");
    assert_string_equal(lookup(set, 2025, 12, 30), "rule after the date");
    assert_string_equal(list[n - 1].name, "御用納め");
    itsm_free(list);

    assert_itsm_ok(itsm_holiday_set_list(&list, &n, set, (itsm_date){2024, 1, 4}, (itsm_date){2024, 1, 7}));
    assert_int_equal(n, 0);
    assert_null(list);
    assert_itsm_ok(itsm_holiday_set_list(&list, &n, set, (itsm_date){2024, 1, 1}, (itsm_date){2024, 1, 1}));
    assert_int_equal(n, 1);
    itsm_free(list);
    itsm_holiday_set_free(set);
}

static void test_add_set_copies(void **state)
{
    (void)state;
    itsm_holiday_set *jp_set = NULL, *vendor = new_set("vendor"), *mine = new_set("mine");
    assert_itsm_ok(itsm_holiday_set_builtin(&jp_set, "jp"));
    assert_itsm_ok(itsm_holiday_set_add_date(vendor, (itsm_date){2024, 5, 2}, "vendor day"));
    assert_itsm_ok(itsm_holiday_set_add_date(vendor, (itsm_date){2024, 5, 3}, "vendor 5/3"));
    assert_itsm_ok(itsm_holiday_set_add_set(vendor, jp_set));
    assert_itsm_ok(itsm_holiday_set_add_date(vendor, (itsm_date){2024, 5, 5}, "after jp"));
    assert_itsm_ok(itsm_holiday_set_add_date(mine, (itsm_date){2024, 5, 2}, "mine first"));
    assert_itsm_ok(itsm_holiday_set_add_set(mine, vendor));
    assert_itsm_ok(itsm_holiday_set_add_set(mine, mine));
    itsm_holiday_set_free(vendor);
    itsm_holiday_set_free(jp_set);
    assert_string_equal(lookup(mine, 2024, 5, 2), "mine first");
    assert_string_equal(lookup(mine, 2024, 5, 3), "vendor 5/3");
    assert_string_equal(lookup(mine, 2024, 5, 5), "こどもの日");
    assert_string_equal(lookup(mine, 2024, 5, 6), "振替休日");
    itsm_date first, last;
    assert_itsm_ok(itsm_holiday_set_span(&first, &last, mine));
    assert_memory_equal(&last, &((itsm_date){2150, 12, 31}), sizeof last);
    const char *name = NULL;
    assert_itsm_error(itsm_holiday_set_lookup(&name, mine, (itsm_date){2160, 5, 2}), ITSM_ERANGE, "\"mine\"");
    assert_string_equal(itsm_holiday_set_name(mine), "mine");
    itsm_holiday_set_free(mine);
    assert_null(itsm_holiday_set_name(NULL));
    itsm_holiday_set_free(NULL);
}

/* ---- validation ------------------------------------------------------------------------------ */

static void test_validation_names_the_field(void **state)
{
    (void)state;
    itsm_holiday_set *set = NULL;
    assert_itsm_error(itsm_holiday_set_new(&set, ""), ITSM_EINVAL, "has 0 bytes");
    assert_itsm_error(itsm_holiday_set_new(&set, "my set"), ITSM_EINVAL, "byte 0x20 at offset 2");
    assert_itsm_error(itsm_holiday_set_new(&set, "0123456789012345678901234567890123456789012345678901234567890123"),
                      ITSM_EINVAL, "has 64 bytes, not 1..63");
    assert_itsm_error(itsm_holiday_set_new(&set, NULL), ITSM_EINVAL, "'name'");
    assert_itsm_error(itsm_holiday_set_new(NULL, "x"), ITSM_EINVAL, "'out'");
    assert_null(set);
    set = new_set("A-z_0.9");
    assert_itsm_error(itsm_holiday_set_add_fixed(set, 13, 1, NULL, 0, 0), ITSM_EINVAL, "month 13 is not 1..12");
    assert_itsm_error(itsm_holiday_set_add_fixed(set, 4, 31, NULL, 0, 0), ITSM_EINVAL, "day 31 is not 1..30 in April");
    assert_itsm_error(itsm_holiday_set_add_fixed(set, 2, 30, NULL, 0, 0), ITSM_EINVAL, "day 30 is not 1..29");
    assert_itsm_error(itsm_holiday_set_add_fixed(set, 1, 0, NULL, 0, 0), ITSM_EINVAL, "day 0");
    assert_itsm_error(itsm_holiday_set_add_fixed(set, 1, 1, NULL, 1899, 0), ITSM_ERANGE, "first_year 1899");
    assert_itsm_error(itsm_holiday_set_add_fixed(set, 1, 1, NULL, 0, 2201), ITSM_ERANGE, "last_year 2201");
    assert_itsm_error(itsm_holiday_set_add_fixed(set, 1, 1, NULL, 2010, 2000), ITSM_EINVAL,
                      "last_year 2000 is before first_year 2010");
    assert_itsm_error(itsm_holiday_set_add_fixed(set, 1, 1, "bad \xff name", 0, 0), ITSM_EINVAL,
                      "not valid UTF-8 (byte 0xff at offset 4)");
    assert_itsm_error(itsm_holiday_set_add_fixed(set, 1, 1, "\xe5\xb9", 0, 0), ITSM_EINVAL, "offset 0");
    assert_itsm_error(itsm_holiday_set_add_fixed(set, 1, 1, "\xc0\xaf", 0, 0), ITSM_EINVAL, "offset 0");
    assert_itsm_error(itsm_holiday_set_add_fixed(set, 1, 1, "\xed\xa0\x80", 0, 0), ITSM_EINVAL, "offset 0");
    assert_itsm_error(itsm_holiday_set_add_fixed(NULL, 1, 1, NULL, 0, 0), ITSM_EINVAL, "'set'");
    assert_itsm_error(itsm_holiday_set_add_nth_weekday(set, 1, 0, 1, NULL, 0, 0), ITSM_EINVAL, "nth 0");
    assert_itsm_error(itsm_holiday_set_add_nth_weekday(set, 1, 6, 1, NULL, 0, 0), ITSM_EINVAL, "nth 6");
    assert_itsm_error(itsm_holiday_set_add_nth_weekday(set, 1, -2, 1, NULL, 0, 0), ITSM_EINVAL, "nth -2");
    assert_itsm_error(itsm_holiday_set_add_nth_weekday(set, 1, 1, 8, NULL, 0, 0), ITSM_EINVAL, "weekday 8");
    assert_itsm_error(itsm_holiday_set_add_nth_weekday(set, 1, 1, 0, NULL, 0, 0), ITSM_EINVAL, "weekday 0");
    assert_itsm_error(itsm_holiday_set_add_nth_weekday(set, 0, 1, 1, NULL, 0, 0), ITSM_EINVAL, "month 0");
    assert_itsm_error(itsm_holiday_set_add_range(set, 12, 32, 1, 3, NULL, 0, 0), ITSM_EINVAL, "from_day 32");
    assert_itsm_error(itsm_holiday_set_add_range(set, 12, 29, 13, 3, NULL, 0, 0), ITSM_EINVAL, "to_month 13");
    assert_itsm_error(itsm_holiday_set_add_range(set, 12, 29, 6, 31, NULL, 0, 0), ITSM_EINVAL,
                      "to_day 31 is not 1..30 in June");
    assert_itsm_error(itsm_holiday_set_add_date(set, (itsm_date){2023, 2, 29}, NULL), ITSM_ERANGE, "day 29");
    assert_itsm_error(itsm_holiday_set_add_date(set, (itsm_date){2201, 1, 1}, NULL), ITSM_ERANGE, "year 2201");
    assert_itsm_error(itsm_holiday_set_add_set(set, NULL), ITSM_EINVAL, "'other'");
    const char *name = NULL;
    assert_itsm_error(itsm_holiday_set_lookup(&name, NULL, (itsm_date){2024, 1, 1}), ITSM_EINVAL, "'set'");
    assert_itsm_error(itsm_holiday_set_lookup(&name, set, (itsm_date){2024, 13, 1}), ITSM_ERANGE, "month 13");
    itsm_holiday *list = NULL;
    size_t n = 0;
    assert_itsm_error(itsm_holiday_set_list(&list, &n, set, (itsm_date){2024, 2, 1}, (itsm_date){2024, 1, 1}),
                      ITSM_EINVAL, "last 2024-01-01 is before first 2024-02-01");
    assert_itsm_error(itsm_holiday_set_list(&list, &n, set, (itsm_date){2024, 4, 31}, (itsm_date){2024, 5, 1}),
                      ITSM_ERANGE, "first: day 31");
    itsm_date first;
    assert_itsm_error(itsm_holiday_set_span(&first, NULL, set), ITSM_EINVAL, "'out_last'");
    /* Nothing above was added. */
    assert_itsm_ok(itsm_holiday_set_list(&list, &n, set, (itsm_date){1900, 1, 1}, (itsm_date){2200, 12, 31}));
    assert_int_equal(n, 0);
    itsm_holiday_set_free(set);
}

/* ---- allocation failures ---------------------------------------------------------------------- */

static int scenario_builtins(const void *ctx)
{
    (void)ctx;
    itsm_holiday_set *a = NULL, *b = NULL;
    int rc = itsm_holiday_set_builtin(&a, "jp");
    if (rc == ITSM_OK)
        rc = itsm_holiday_set_builtin(&b, "jp-year-end");
    if (rc != ITSM_OK)
        assert_true(a == NULL || b == NULL);
    itsm_holiday_set_free(a);
    itsm_holiday_set_free(b);
    return rc;
}

/* Enough dates and rules to make every array grow more than once. */
static int fill(itsm_holiday_set *set, int32_t year)
{
    int rc = ITSM_OK;
    for (int32_t d = 1; d <= 20 && rc == ITSM_OK; d++)
        rc = itsm_holiday_set_add_date(set, (itsm_date){year, 3, 21 - d}, d % 3 ? "臨時休業" : NULL);
    for (int32_t m = 1; m <= 12 && rc == ITSM_OK; m++)
        rc = itsm_holiday_set_add_fixed(set, m, 28, m % 2 ? "月末" : NULL, 0, 0);
    if (rc == ITSM_OK)
        rc = itsm_holiday_set_add_nth_weekday(set, 6, -1, 5, "last Friday of June", 2000, 0);
    if (rc == ITSM_OK)
        rc = itsm_holiday_set_add_range(set, 12, 29, 1, 3, "年末年始", 0, 0);
    return rc;
}

static int scenario_build_and_list(const void *ctx)
{
    (void)ctx;
    itsm_holiday_set *jp_set = NULL, *mine = NULL;
    itsm_holiday *list = NULL;
    size_t n = 0;
    int rc = itsm_holiday_set_builtin(&jp_set, "jp");
    if (rc == ITSM_OK)
        rc = itsm_holiday_set_new(&mine, "mine");
    if (rc == ITSM_OK)
        rc = fill(mine, 2024);
    if (rc == ITSM_OK)
        rc = itsm_holiday_set_add_set(mine, jp_set);
    if (rc == ITSM_OK)
        rc = itsm_holiday_set_add_date(mine, (itsm_date){2024, 8, 13}, "盆");
    if (rc == ITSM_OK)
        rc = itsm_holiday_set_list(&list, &n, mine, (itsm_date){2024, 1, 1}, (itsm_date){2024, 12, 31});
    if (rc != ITSM_OK)
        assert_null(list);
    itsm_free(list);
    itsm_holiday_set_free(mine);
    itsm_holiday_set_free(jp_set);
    return rc;
}

static void test_allocation_failures(void **state)
{
    (void)state;
    itsm_test_alloc_sweep("builtins", scenario_builtins, NULL, ITSM_OK);
    itsm_test_alloc_sweep("build_and_list", scenario_build_and_list, NULL, ITSM_OK);
}

static size_t list_all(itsm_holiday **out, const itsm_holiday_set *set)
{
    size_t n = 0;
    assert_itsm_ok(itsm_holiday_set_list(out, &n, set, (itsm_date){2020, 1, 1}, (itsm_date){2030, 12, 31}));
    return n;
}

static bool same_list(const itsm_holiday *a, size_t na, const itsm_holiday *b, size_t nb)
{
    if (na != nb)
        return false;
    for (size_t i = 0; i < na; i++) {
        if (memcmp(&a[i].date, &b[i].date, sizeof a[i].date) != 0 || strcmp(a[i].name, b[i].name) != 0)
            return false;
    }
    return true;
}

/* A failed add leaves the set as it was. */
static void test_failed_add_changes_nothing(void **state)
{
    (void)state;
    itsm_test_chaos c;
    itsm_test_chaos_install(&c);
    itsm_holiday_set *mine = new_set("mine"), *other = new_set("other");
    assert_itsm_ok(fill(mine, 2024));
    assert_itsm_ok(fill(other, 2025));
    assert_itsm_ok(itsm_holiday_set_add_date(other, (itsm_date){2024, 3, 20}, "duplicate"));
    itsm_holiday *before = NULL, *after = NULL;
    size_t nb = list_all(&before, mine);
    for (long n = 0;; n++) {
        c.count = 0;
        c.failed = 0;
        c.fail_at = n;
        int rc = itsm_holiday_set_add_set(mine, other);
        c.fail_at = -1;
        if (!c.failed) {
            assert_itsm_ok(rc);
            break;
        }
        assert_int_equal(rc, ITSM_ENOMEM);
        size_t na = list_all(&after, mine);
        assert_true(same_list(before, nb, after, na));
        itsm_free(after);
    }
    size_t na = list_all(&after, mine);
    assert_true(na > nb);
    itsm_free(after);
    itsm_free(before);
    itsm_holiday_set_free(other);
    itsm_holiday_set_free(mine);
    assert_itsm_ok(itsm_set_allocator(NULL));
}

static void test_lookups_do_not_allocate(void **state)
{
    (void)state;
    itsm_test_chaos c;
    itsm_test_chaos_install(&c);
    itsm_holiday_set *set = NULL;
    assert_itsm_ok(itsm_holiday_set_builtin(&set, "jp"));
    assert_itsm_ok(fill(set, 2024));
    long before = c.count;
    itsm_date first, last;
    assert_itsm_ok(itsm_holiday_set_span(&first, &last, set));
    for (int32_t days = dn(2024, 1, 1); days <= dn(2024, 12, 31); days++) {
        itsm_date d;
        itsm__civil_from_days(days, &d.year, &d.month, &d.day);
        (void)lookup(set, d.year, d.month, d.day);
        (void)jp(d.year, d.month, d.day);
    }
    assert_int_equal(c.count, before);
    itsm_holiday_set_free(set);
    assert_itsm_ok(itsm_set_allocator(NULL));
}

/* ---- the read-only view of holidays_internal.h ---------------------------------------- */

static void test_internal_view(void **state)
{
    (void)state;
    itsm_holiday_set *set = NULL, *jp = NULL, *ye = NULL;
    assert_itsm_ok(itsm_holiday_set_builtin(&jp, "jp"));
    assert_itsm_ok(itsm_holiday_set_builtin(&ye, "jp-year-end"));
    assert_itsm_ok(itsm_holiday_set_new(&set, "view"));
    assert_itsm_ok(itsm_holiday_set_add_date(set, (itsm_date){2024, 3, 3}, "D1"));
    assert_itsm_ok(itsm_holiday_set_add_fixed(set, 1, 1, "A", 2000, 0));
    assert_itsm_ok(itsm_holiday_set_add_nth_weekday(set, 11, -1, 5, "", 0, 2030));
    assert_itsm_ok(itsm_holiday_set_add_date(set, (itsm_date){2024, 2, 2}, NULL));
    assert_itsm_ok(itsm_holiday_set_add_set(set, jp));
    assert_itsm_ok(itsm_holiday_set_add_set(set, ye));
    assert_itsm_ok(itsm_holiday_set_add_date(set, (itsm_date){2024, 3, 3}, "again")); /* keeps D1 */

    assert_int_equal(itsm__holiday_set_rule_count(set), 4);
    itsm__holiday_rule r;
    itsm__holiday_set_rule(&r, set, 0);
    assert_int_equal(r.kind, ITSM__HOLIDAY_FIXED);
    assert_string_equal(r.name, "A");
    assert_int_equal(r.first_year, 2000);
    assert_int_equal(r.last_year, 0);
    assert_int_equal(r.month, 1);
    assert_int_equal(r.day, 1);
    itsm__holiday_set_rule(&r, set, 1);
    assert_int_equal(r.kind, ITSM__HOLIDAY_NTH_WEEKDAY);
    assert_string_equal(r.name, "");
    assert_int_equal(r.first_year, 0);
    assert_int_equal(r.last_year, 2030);
    assert_int_equal(r.month, 11);
    assert_int_equal(r.nth, -1);
    assert_int_equal(r.weekday, 5);
    itsm__holiday_set_rule(&r, set, 2);
    assert_int_equal(r.kind, ITSM__HOLIDAY_JAPAN);
    assert_null(r.name);
    itsm__holiday_set_rule(&r, set, 3);
    assert_int_equal(r.kind, ITSM__HOLIDAY_RANGE);
    assert_string_equal(r.name, "年末年始");
    assert_int_equal(r.month, 12);
    assert_int_equal(r.day, 29);
    assert_int_equal(r.to_month, 1);
    assert_int_equal(r.to_day, 3);

    assert_int_equal(itsm__holiday_set_date_count(set), 2);
    itsm__holiday_date d;
    itsm__holiday_set_date(&d, set, 0); /* sorted by date */
    assert_int_equal(d.date.month, 2);
    assert_int_equal(d.date.day, 2);
    assert_string_equal(d.name, "");
    assert_int_equal(d.rules_before, 2);
    itsm__holiday_set_date(&d, set, 1);
    assert_int_equal(d.date.month, 3);
    assert_string_equal(d.name, "D1");
    assert_int_equal(d.rules_before, 0);

    /* Rules one at a time. */
    assert_string_equal(itsm__holiday_set_rule_on(set, 0, (itsm_date){2024, 1, 1}), "A");
    assert_null(itsm__holiday_set_rule_on(set, 0, (itsm_date){1999, 1, 1}));
    assert_string_equal(itsm__holiday_set_rule_on(set, 1, (itsm_date){2024, 11, 29}), "");
    assert_null(itsm__holiday_set_rule_on(set, 1, (itsm_date){2024, 11, 22}));
    assert_string_equal(itsm__holiday_set_rule_on(set, 2, (itsm_date){2024, 1, 1}), "元日");
    assert_null(itsm__holiday_set_rule_on(set, 2, (itsm_date){2151, 1, 1}));
    assert_string_equal(itsm__holiday_set_rule_on(set, 3, (itsm_date){2025, 1, 2}), "年末年始");
    assert_null(itsm__holiday_set_rule_on(set, 3, (itsm_date){2025, 1, 4}));

    /* Built-in sets, exactly. */
    assert_string_equal(itsm__holiday_set_builtin_name(jp), "jp");
    assert_string_equal(itsm__holiday_set_builtin_name(ye), "jp-year-end");
    assert_null(itsm__holiday_set_builtin_name(set));
    itsm_holiday_set *copy = NULL;
    assert_itsm_ok(itsm_holiday_set_new(&copy, "jp"));
    assert_null(itsm__holiday_set_builtin_name(copy)); /* empty */
    assert_itsm_ok(itsm_holiday_set_add_set(copy, jp));
    assert_string_equal(itsm__holiday_set_builtin_name(copy), "jp");
    assert_itsm_ok(itsm_holiday_set_add_fixed(copy, 6, 1, NULL, 0, 0));
    assert_null(itsm__holiday_set_builtin_name(copy));
    itsm_holiday_set_free(copy);
    assert_itsm_ok(itsm_holiday_set_new(&copy, "jp-year-end"));
    assert_itsm_ok(itsm_holiday_set_add_range(copy, 12, 29, 1, 3, "年末年始", 2000, 0));
    assert_null(itsm__holiday_set_builtin_name(copy)); /* bounded */
    itsm_holiday_set_free(copy);
    assert_itsm_ok(itsm_holiday_set_new(&copy, "jp-year-end"));
    assert_itsm_ok(itsm_holiday_set_add_range(copy, 12, 29, 1, 3, "年末年始", 0, 0));
    assert_string_equal(itsm__holiday_set_builtin_name(copy), "jp-year-end");
    itsm_holiday_set_free(copy);

    itsm_holiday_set_free(set);
    itsm_holiday_set_free(jp);
    itsm_holiday_set_free(ye);
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--print-jp-table") == 0)
        return print_jp_table();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table_matches_rules_every_day),
        cmocka_unit_test(test_timeline_1948_to_1985),
        cmocka_unit_test(test_timeline_1989_to_2016),
        cmocka_unit_test(test_timeline_2019_to_2021),
        cmocka_unit_test(test_table_fixed_rows),
        cmocka_unit_test(test_table_moving_rows),
        cmocka_unit_test(test_table_one_off_days),
        cmocka_unit_test(test_counts_per_year),
        cmocka_unit_test(test_substitute_holidays),
        cmocka_unit_test(test_citizens_holidays),
        cmocka_unit_test(test_only_national_holidays_trigger_rules),
        cmocka_unit_test(test_equinox_days),
        cmocka_unit_test(test_jp_span_and_range_errors),
        cmocka_unit_test(test_fixed_rule_and_leap_day),
        cmocka_unit_test(test_nth_weekday_rules),
        cmocka_unit_test(test_cross_year_range),
        cmocka_unit_test(test_list_is_sorted_and_deduplicated),
        cmocka_unit_test(test_add_set_copies),
        cmocka_unit_test(test_validation_names_the_field),
        cmocka_unit_test(test_allocation_failures),
        cmocka_unit_test(test_failed_add_changes_nothing),
        cmocka_unit_test(test_lookups_do_not_allocate),
        cmocka_unit_test(test_internal_view),
    };
    return cmocka_run_group_tests(tests, itsm_test_group_setup, itsm_test_group_teardown);
}
