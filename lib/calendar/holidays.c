/* Holiday sets: explicit dates and yearly rules, asked about one date at a time.
 *
 * A set is an ordered list of sources (rules and explicit dates); a date's name comes
 * from the earliest-added source that covers it. Rules are few and cheap to evaluate,
 * so a lookup runs through them in order: no index, no cache, nothing written, which
 * is what lets any number of threads read one set. Explicit dates are kept sorted for
 * binary search; each one remembers how many rules were added before it, which is all
 * the ordering between dates and rules needs (dates never compete with each other). */
#include "itsm/holidays.h"

#include "calendar/holidays_internal.h"
#include "holidays_jp.h"
#include "internal.h"
#include "time/civil.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define SET_NAME_MAX 63

typedef enum rule_kind { RULE_FIXED, RULE_NTH_WEEKDAY, RULE_RANGE, RULE_JAPAN } rule_kind;

typedef struct hs_rule {
    char *name;                    /* owned; NULL = unnamed, and for RULE_JAPAN (static names) */
    int32_t first_year, last_year; /* INT32_MIN / INT32_MAX when unbounded */
    int8_t kind;
    int8_t month, day;         /* FIXED: the date; NTH_WEEKDAY: month only; RANGE: its start */
    int8_t nth, weekday;       /* NTH_WEEKDAY */
    int8_t to_month, to_day;   /* RANGE: its end */
} hs_rule;

typedef struct hs_date {
    int32_t days;
    size_t rules_before; /* rules added before this date, which take precedence for its name */
    char *name;          /* owned; NULL = unnamed */
} hs_date;

struct itsm_holiday_set {
    char name[SET_NAME_MAX + 1];
    int32_t first_day, last_day; /* the span the set is defined for, as day numbers */
    hs_rule *rules;
    size_t nrules, rules_cap;
    hs_date *dates; /* sorted by day, one entry per day */
    size_t ndates, dates_cap;
};

static const char *const month_names[12] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};

/* ---- validation ---------------------------------------------------------------------- */

static bool set_name_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
           c == '-';
}

static int check_set_name(const char *name, const char *fn)
{
    size_t len = strlen(name);
    if (len == 0 || len > SET_NAME_MAX)
        return itsm__error(ITSM_EINVAL, "%s: name \"%.63s%s\" has %zu bytes, not 1..%d", fn, name,
                           len > SET_NAME_MAX ? "..." : "", len, SET_NAME_MAX);
    for (size_t i = 0; i < len; i++) {
        if (!set_name_char(name[i]))
            return itsm__error(ITSM_EINVAL, "%s: name has byte 0x%02x at offset %zu, not one of [A-Za-z0-9_.-]", fn,
                               (unsigned)(unsigned char)name[i], i);
    }
    return ITSM_OK;
}

/* Length of the well-formed UTF-8 sequence at s (RFC 3629: no overlongs, no surrogates,
 * nothing above U+10FFFF), or 0 when it is malformed. */
static size_t utf8_sequence(const unsigned char *s)
{
    unsigned lead = s[0];
    size_t len = lead < 0x80 ? 1 : lead < 0xc2 ? 0 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : lead < 0xf5 ? 4 : 0;
    if (len <= 1)
        return len;
    unsigned cp = lead & (0x7fu >> len);
    for (size_t k = 1; k < len; k++) {
        if ((s[k] & 0xc0u) != 0x80u)
            return 0;
        cp = (cp << 6) | (s[k] & 0x3fu);
    }
    static const unsigned min_cp[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_cp[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return len;
}

/* Holiday names are handed to Python and JSON, both of which need valid UTF-8. */
static int check_holiday_name(const char *name, const char *fn)
{
    if (name == NULL)
        return ITSM_OK;
    const unsigned char *s = (const unsigned char *)name;
    for (size_t i = 0; s[i] != 0;) {
        size_t len = utf8_sequence(s + i);
        if (len == 0)
            return itsm__error(ITSM_EINVAL, "%s: name is not valid UTF-8 (byte 0x%02x at offset %zu)", fn,
                               (unsigned)s[i], i);
        i += len;
    }
    return ITSM_OK;
}

/* Month and day of a yearly rule. Feb 29 is accepted: such a rule occurs in leap years. */
static int check_month_day(int32_t month, int32_t day, const char *month_arg, const char *day_arg, const char *fn)
{
    if (month < 1 || month > 12)
        return itsm__error(ITSM_EINVAL, "%s: %s %d is not 1..12", fn, month_arg, (int)month);
    int max = itsm__month_days(2000, month);
    if (day < 1 || day > max)
        return itsm__error(ITSM_EINVAL, "%s: %s %d is not 1..%d in %s", fn, day_arg, (int)day, max,
                           month_names[month - 1]);
    return ITSM_OK;
}

static int check_year_bound(int32_t year, const char *arg, const char *fn)
{
    if (year != 0 && (year < 1900 || year > 2200))
        return itsm__error(ITSM_ERANGE, "%s: %s %d is neither 0 (no bound) nor in 1900..2200", fn, arg, (int)year);
    return ITSM_OK;
}

static int set_years(hs_rule *rule, int32_t first_year, int32_t last_year, const char *fn)
{
    int rc = check_year_bound(first_year, "first_year", fn);
    if (rc == ITSM_OK)
        rc = check_year_bound(last_year, "last_year", fn);
    if (rc == ITSM_OK && first_year != 0 && last_year != 0 && last_year < first_year)
        rc = itsm__error(ITSM_EINVAL, "%s: last_year %d is before first_year %d", fn, (int)last_year,
                         (int)first_year);
    rule->first_year = first_year != 0 ? first_year : INT32_MIN;
    rule->last_year = last_year != 0 ? last_year : INT32_MAX;
    return rc;
}

/* A valid date inside the set's span, as a day number. `what` names the function and
 * the argument for messages (a literal: formatting it on every lookup would cost more
 * than the lookup). */
static int span_days(int32_t *out, const itsm_holiday_set *set, itsm_date date, const char *what)
{
    int rc = itsm__check_date(&date, what);
    if (rc != ITSM_OK)
        return rc;
    int32_t days = (int32_t)itsm__days_from_civil(date.year, date.month, date.day);
    if (days < set->first_day || days > set->last_day) {
        itsm_date a, b;
        itsm__civil_from_days(set->first_day, &a.year, &a.month, &a.day);
        itsm__civil_from_days(set->last_day, &b.year, &b.month, &b.day);
        return itsm__error(ITSM_ERANGE,
                           "%s %04d-%02d-%02d is outside %04d-%02d-%02d..%04d-%02d-%02d, the span of holiday "
                           "set \"%s\"",
                           what, (int)date.year, (int)date.month, (int)date.day, (int)a.year, (int)a.month, (int)a.day,
                           (int)b.year, (int)b.month, (int)b.day, set->name);
    }
    *out = days;
    return ITSM_OK;
}

/* ---- storage ------------------------------------------------------------------------- */

static int reserve_rules(itsm_holiday_set *set, size_t need)
{
    return itsm__reserve((void **)&set->rules, &set->rules_cap, need, sizeof *set->rules, "holiday rules");
}

static int reserve_dates(itsm_holiday_set *set, size_t need)
{
    return itsm__reserve((void **)&set->dates, &set->dates_cap, need, sizeof *set->dates, "holiday dates");
}

/* An owned copy of a holiday name; "" is stored as NULL, which reads back as "". */
static int copy_name(char **out, const char *name)
{
    *out = NULL;
    if (name == NULL || name[0] == '\0')
        return ITSM_OK;
    *out = itsm__strdup(name, "a holiday name");
    return *out != NULL ? ITSM_OK : ITSM_ENOMEM;
}

static int append_rule(itsm_holiday_set *set, hs_rule rule, const char *name)
{
    int rc = copy_name(&rule.name, name);
    if (rc != ITSM_OK)
        return rc;
    rc = reserve_rules(set, set->nrules + 1);
    if (rc != ITSM_OK) {
        itsm__free(rule.name);
        return rc;
    }
    set->rules[set->nrules++] = rule;
    return ITSM_OK;
}

/* Index of the first date on or after `days`, among the first `count` dates. */
static size_t date_index(const hs_date *dates, size_t count, int32_t days)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (dates[mid].days < days)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static const hs_date *find_date(const hs_date *dates, size_t count, int32_t days)
{
    size_t i = date_index(dates, count, days);
    return i < count && dates[i].days == days ? &dates[i] : NULL;
}

/* ---- evaluation ---------------------------------------------------------------------- */

static bool in_years(const hs_rule *r, int32_t year) { return year >= r->first_year && year <= r->last_year; }

static int month_day_key(int32_t month, int32_t day) { return (int)(month * 32 + day); }

static bool nth_weekday_on(const hs_rule *r, itsm_date date, int32_t days)
{
    if (date.month != r->month || itsm__weekday(days) != r->weekday)
        return false;
    if (r->nth > 0)
        return (date.day - 1) / 7 + 1 == r->nth;
    return date.day + 7 > itsm__month_days(date.year, date.month);
}

/* Endpoints compare as (month, day) pairs, so in a common year a range that starts on
 * Feb 29 starts on Mar 1, and one that ends on Feb 29 ends on Feb 28. */
static bool range_on(const hs_rule *r, itsm_date date)
{
    int from = month_day_key(r->month, r->day);
    int to = month_day_key(r->to_month, r->to_day);
    int here = month_day_key(date.month, date.day);
    if (from <= to)
        return here >= from && here <= to && in_years(r, date.year);
    if (here >= from)
        return in_years(r, date.year);
    return here <= to && in_years(r, date.year - 1); /* the tail of last year's range */
}

static const char *rule_name_on(const hs_rule *r, itsm_date date, int32_t days)
{
    bool hit = false;
    switch ((rule_kind)r->kind) {
    case RULE_FIXED:
        hit = date.month == r->month && date.day == r->day && in_years(r, date.year);
        break;
    case RULE_NTH_WEEKDAY:
        hit = in_years(r, date.year) && nth_weekday_on(r, date, days);
        break;
    case RULE_RANGE:
        hit = range_on(r, date);
        break;
    case RULE_JAPAN:
        /* A set holding this rule has a span within the table's (see the span updates). */
        return itsm__jp_holiday(date);
    }
    if (!hit)
        return NULL;
    return r->name != NULL ? r->name : "";
}

/* The name of the holiday on a valid date inside the span, or NULL. */
static const char *holiday_at(const itsm_holiday_set *set, itsm_date date, int32_t days)
{
    const hs_date *explicit_date = find_date(set->dates, set->ndates, days);
    size_t rules = explicit_date != NULL ? explicit_date->rules_before : set->nrules;
    for (size_t i = 0; i < rules; i++) {
        const char *name = rule_name_on(&set->rules[i], date, days);
        if (name != NULL)
            return name;
    }
    if (explicit_date == NULL)
        return NULL;
    return explicit_date->name != NULL ? explicit_date->name : "";
}

/* Holidays in [from, to] (day numbers inside the span): counted, and stored when `out`
 * is not NULL. Day by day through holiday_at(), so that a list says what lookups say. */
static size_t collect(itsm_holiday *out, const itsm_holiday_set *set, int32_t from, int32_t to)
{
    size_t n = 0;
    for (int32_t days = from; days <= to; days++) {
        itsm_date date;
        itsm__civil_from_days(days, &date.year, &date.month, &date.day);
        const char *name = holiday_at(set, date, days);
        if (name == NULL)
            continue;
        if (out != NULL)
            out[n] = (itsm_holiday){date, name};
        n++;
    }
    return n;
}

/* ---- public API ---------------------------------------------------------------------- */

itsm_status itsm_holiday_set_new(itsm_holiday_set **out, const char *name)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(name);
    int rc = check_set_name(name, __func__);
    if (rc != ITSM_OK)
        return rc;
    itsm_holiday_set *set = itsm__calloc(1, sizeof *set, "a holiday set");
    if (set == NULL)
        return ITSM_ENOMEM;
    memcpy(set->name, name, strlen(name) + 1);
    set->first_day = ITSM_DAYS_MIN;
    set->last_day = ITSM_DAYS_MAX;
    *out = set;
    return ITSM_OK;
}

static int new_builtin(itsm_holiday_set **out, const char *name, hs_rule rule, const char *rule_name)
{
    itsm_holiday_set *set = NULL;
    int rc = itsm_holiday_set_new(&set, name);
    if (rc == ITSM_OK)
        rc = append_rule(set, rule, rule_name);
    if (rc != ITSM_OK) {
        itsm_holiday_set_free(set);
        return rc;
    }
    if (rule.kind == RULE_JAPAN)
        set->last_day = (int32_t)itsm__days_from_civil(ITSM__JP_LAST_YEAR, 12, 31);
    *out = set;
    return ITSM_OK;
}

itsm_status itsm_holiday_set_builtin(itsm_holiday_set **out, const char *name)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(name);
    hs_rule rule = {.kind = RULE_JAPAN, .first_year = INT32_MIN, .last_year = INT32_MAX};
    if (strcmp(name, "jp") == 0)
        return new_builtin(out, name, rule, NULL);
    if (strcmp(name, "jp-year-end") == 0) {
        rule = (hs_rule){.kind = RULE_RANGE, .first_year = INT32_MIN, .last_year = INT32_MAX,
                         .month = 12, .day = 29, .to_month = 1, .to_day = 3};
        return new_builtin(out, name, rule, "年末年始");
    }
    return itsm__error(ITSM_ENOTFOUND, "%s: no built-in holiday set is named \"%.63s\" (known: jp, jp-year-end)",
                       __func__, name);
}

void itsm_holiday_set_free(itsm_holiday_set *set)
{
    if (set == NULL)
        return;
    for (size_t i = 0; i < set->nrules; i++)
        itsm__free(set->rules[i].name);
    for (size_t i = 0; i < set->ndates; i++)
        itsm__free(set->dates[i].name);
    itsm__free(set->rules);
    itsm__free(set->dates);
    itsm__free(set);
}

const char *itsm_holiday_set_name(const itsm_holiday_set *set) { return set != NULL ? set->name : NULL; }

itsm_status itsm_holiday_set_add_date(itsm_holiday_set *set, itsm_date date, const char *name)
{
    ITSM__CHECK_ARG(set);
    int rc = itsm__check_date(&date, __func__);
    if (rc == ITSM_OK)
        rc = check_holiday_name(name, __func__);
    if (rc != ITSM_OK)
        return rc;
    int32_t days = (int32_t)itsm__days_from_civil(date.year, date.month, date.day);
    size_t at = date_index(set->dates, set->ndates, days);
    if (at < set->ndates && set->dates[at].days == days)
        return ITSM_OK; /* the date keeps the name it was first added with */
    hs_date entry = {days, set->nrules, NULL};
    rc = copy_name(&entry.name, name);
    if (rc == ITSM_OK)
        rc = reserve_dates(set, set->ndates + 1);
    if (rc != ITSM_OK) {
        itsm__free(entry.name);
        return rc;
    }
    memmove(&set->dates[at + 1], &set->dates[at], (set->ndates - at) * sizeof *set->dates);
    set->dates[at] = entry;
    set->ndates++;
    return ITSM_OK;
}

itsm_status itsm_holiday_set_add_fixed(itsm_holiday_set *set, int32_t month, int32_t day, const char *name,
                                       int32_t first_year, int32_t last_year)
{
    ITSM__CHECK_ARG(set);
    hs_rule rule = {.kind = RULE_FIXED};
    int rc = check_month_day(month, day, "month", "day", __func__);
    if (rc == ITSM_OK)
        rc = set_years(&rule, first_year, last_year, __func__);
    if (rc == ITSM_OK)
        rc = check_holiday_name(name, __func__);
    if (rc != ITSM_OK)
        return rc;
    rule.month = (int8_t)month;
    rule.day = (int8_t)day;
    return append_rule(set, rule, name);
}

static int check_nth_weekday(int32_t month, int32_t nth, int32_t weekday, const char *fn)
{
    if (month < 1 || month > 12)
        return itsm__error(ITSM_EINVAL, "%s: month %d is not 1..12", fn, (int)month);
    if (nth == 0 || nth < -1 || nth > 5)
        return itsm__error(ITSM_EINVAL, "%s: nth %d is neither 1..5 nor -1 (the last)", fn, (int)nth);
    if (weekday < 1 || weekday > 7)
        return itsm__error(ITSM_EINVAL, "%s: weekday %d is not 1 (Monday)..7 (Sunday)", fn, (int)weekday);
    return ITSM_OK;
}

itsm_status itsm_holiday_set_add_nth_weekday(itsm_holiday_set *set, int32_t month, int32_t nth, int32_t weekday,
                                             const char *name, int32_t first_year, int32_t last_year)
{
    ITSM__CHECK_ARG(set);
    hs_rule rule = {.kind = RULE_NTH_WEEKDAY};
    int rc = check_nth_weekday(month, nth, weekday, __func__);
    if (rc == ITSM_OK)
        rc = set_years(&rule, first_year, last_year, __func__);
    if (rc == ITSM_OK)
        rc = check_holiday_name(name, __func__);
    if (rc != ITSM_OK)
        return rc;
    rule.month = (int8_t)month;
    rule.nth = (int8_t)nth;
    rule.weekday = (int8_t)weekday;
    return append_rule(set, rule, name);
}

itsm_status itsm_holiday_set_add_range(itsm_holiday_set *set, int32_t from_month, int32_t from_day,
                                       int32_t to_month, int32_t to_day, const char *name, int32_t first_year,
                                       int32_t last_year)
{
    ITSM__CHECK_ARG(set);
    hs_rule rule = {.kind = RULE_RANGE};
    int rc = check_month_day(from_month, from_day, "from_month", "from_day", __func__);
    if (rc == ITSM_OK)
        rc = check_month_day(to_month, to_day, "to_month", "to_day", __func__);
    if (rc == ITSM_OK)
        rc = set_years(&rule, first_year, last_year, __func__);
    if (rc == ITSM_OK)
        rc = check_holiday_name(name, __func__);
    if (rc != ITSM_OK)
        return rc;
    rule.month = (int8_t)from_month;
    rule.day = (int8_t)from_day;
    rule.to_month = (int8_t)to_month;
    rule.to_day = (int8_t)to_day;
    return append_rule(set, rule, name);
}

/* Copies of `count` rules into dst, names duplicated; all or nothing. */
static int copy_rules(hs_rule *dst, const hs_rule *src, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        dst[i] = src[i];
        if (copy_name(&dst[i].name, src[i].name) != ITSM_OK) {
            while (i > 0)
                itsm__free(dst[--i].name);
            return ITSM_ENOMEM;
        }
    }
    return ITSM_OK;
}

static int compare_dates(const void *a, const void *b)
{
    int32_t x = ((const hs_date *)a)->days, y = ((const hs_date *)b)->days;
    return (x > y) - (x < y);
}

/* Append the dates of `other` that `set` lacks, after `rule_base` rules of set; all or
 * nothing. Capacity is reserved by the caller. */
static int merge_dates(itsm_holiday_set *set, const itsm_holiday_set *other, size_t rule_base)
{
    size_t n = set->ndates;
    for (size_t i = 0; i < other->ndates; i++) {
        const hs_date *d = &other->dates[i];
        if (find_date(set->dates, set->ndates, d->days) != NULL)
            continue; /* set's own entry came first */
        hs_date copy = {d->days, rule_base + d->rules_before, NULL};
        if (copy_name(&copy.name, d->name) != ITSM_OK) {
            while (n > set->ndates)
                itsm__free(set->dates[--n].name);
            return ITSM_ENOMEM;
        }
        set->dates[n++] = copy;
    }
    if (n > set->ndates) {
        qsort(set->dates, n, sizeof *set->dates, compare_dates);
        set->ndates = n;
    }
    return ITSM_OK;
}

itsm_status itsm_holiday_set_add_set(itsm_holiday_set *set, const itsm_holiday_set *other)
{
    ITSM__CHECK_ARG(set);
    ITSM__CHECK_ARG(other);
    if (set == other)
        return ITSM_OK; /* a set's union with itself is the set */
    size_t base = set->nrules;
    int rc = reserve_rules(set, base + other->nrules);
    if (rc == ITSM_OK)
        rc = reserve_dates(set, set->ndates + other->ndates);
    if (rc == ITSM_OK)
        rc = copy_rules(set->rules + base, other->rules, other->nrules);
    if (rc != ITSM_OK)
        return rc;
    rc = merge_dates(set, other, base);
    if (rc != ITSM_OK) {
        for (size_t i = base; i < base + other->nrules; i++)
            itsm__free(set->rules[i].name);
        return rc;
    }
    set->nrules = base + other->nrules;
    /* Defined only where every source is, which keeps a copied "jp" inside its table. */
    if (other->first_day > set->first_day)
        set->first_day = other->first_day;
    if (other->last_day < set->last_day)
        set->last_day = other->last_day;
    return ITSM_OK;
}

itsm_status itsm_holiday_set_lookup(const char **out_name, const itsm_holiday_set *set, itsm_date date)
{
    ITSM__CHECK_ARG(out_name);
    ITSM__CHECK_ARG(set);
    int32_t days = 0;
    int rc = span_days(&days, set, date, "itsm_holiday_set_lookup: date");
    if (rc != ITSM_OK)
        return rc;
    *out_name = holiday_at(set, date, days);
    return ITSM_OK;
}

itsm_status itsm_holiday_set_span(itsm_date *out_first, itsm_date *out_last, const itsm_holiday_set *set)
{
    ITSM__CHECK_ARG(out_first);
    ITSM__CHECK_ARG(out_last);
    ITSM__CHECK_ARG(set);
    itsm__civil_from_days(set->first_day, &out_first->year, &out_first->month, &out_first->day);
    itsm__civil_from_days(set->last_day, &out_last->year, &out_last->month, &out_last->day);
    return ITSM_OK;
}

itsm_status itsm_holiday_set_list(itsm_holiday **out, size_t *out_count, const itsm_holiday_set *set,
                                  itsm_date first, itsm_date last)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(out_count);
    ITSM__CHECK_ARG(set);
    int32_t from = 0, to = 0;
    int rc = span_days(&from, set, first, "itsm_holiday_set_list: first");
    if (rc == ITSM_OK)
        rc = span_days(&to, set, last, "itsm_holiday_set_list: last");
    if (rc != ITSM_OK)
        return rc;
    if (to < from)
        return itsm__error(ITSM_EINVAL, "%s: last %04d-%02d-%02d is before first %04d-%02d-%02d", __func__,
                           (int)last.year, (int)last.month, (int)last.day, (int)first.year, (int)first.month,
                           (int)first.day);
    size_t count = collect(NULL, set, from, to);
    itsm_holiday *items = NULL;
    if (count > 0) {
        items = itsm__malloc(count * sizeof *items, "a holiday list");
        if (items == NULL)
            return ITSM_ENOMEM;
        (void)collect(items, set, from, to);
    }
    *out = items;
    *out_count = count;
    return ITSM_OK;
}

/* ---- read-only view (holidays_internal.h) ---------------------------------------------- */

size_t itsm__holiday_set_rule_count(const itsm_holiday_set *set) { return set->nrules; }

static int32_t year_bound(int32_t year) { return year == INT32_MIN || year == INT32_MAX ? 0 : year; }

void itsm__holiday_set_rule(itsm__holiday_rule *out, const itsm_holiday_set *set, size_t i)
{
    const hs_rule *r = &set->rules[i];
    static const itsm__holiday_rule_kind kinds[] = {ITSM__HOLIDAY_FIXED, ITSM__HOLIDAY_NTH_WEEKDAY,
                                                    ITSM__HOLIDAY_RANGE, ITSM__HOLIDAY_JAPAN};
    *out = (itsm__holiday_rule){
        .kind = kinds[r->kind],
        .name = r->kind == RULE_JAPAN ? NULL : r->name != NULL ? r->name : "",
        .first_year = year_bound(r->first_year),
        .last_year = year_bound(r->last_year),
        .month = r->month,
        .day = r->day,
        .nth = r->nth,
        .weekday = r->weekday,
        .to_month = r->to_month,
        .to_day = r->to_day,
    };
}

size_t itsm__holiday_set_date_count(const itsm_holiday_set *set) { return set->ndates; }

void itsm__holiday_set_date(itsm__holiday_date *out, const itsm_holiday_set *set, size_t i)
{
    const hs_date *d = &set->dates[i];
    itsm__civil_from_days(d->days, &out->date.year, &out->date.month, &out->date.day);
    out->name = d->name != NULL ? d->name : "";
    out->rules_before = d->rules_before;
}

const char *itsm__holiday_set_rule_on(const itsm_holiday_set *set, size_t i, itsm_date date)
{
    const hs_rule *r = &set->rules[i];
    if (r->kind == RULE_JAPAN && date.year > ITSM__JP_LAST_YEAR)
        return NULL;
    return rule_name_on(r, date, (int32_t)itsm__days_from_civil(date.year, date.month, date.day));
}

const char *itsm__holiday_set_builtin_name(const itsm_holiday_set *set)
{
    if (set->nrules != 1 || set->ndates != 0 || set->first_day != ITSM_DAYS_MIN)
        return NULL;
    const hs_rule *r = &set->rules[0];
    if (strcmp(set->name, "jp") == 0) {
        bool same = r->kind == RULE_JAPAN &&
                    set->last_day == (int32_t)itsm__days_from_civil(ITSM__JP_LAST_YEAR, 12, 31);
        return same ? "jp" : NULL;
    }
    if (strcmp(set->name, "jp-year-end") == 0) {
        bool same = r->kind == RULE_RANGE && set->last_day == ITSM_DAYS_MAX && r->first_year == INT32_MIN &&
                    r->last_year == INT32_MAX && r->month == 12 && r->day == 29 && r->to_month == 1 &&
                    r->to_day == 3 && r->name != NULL && strcmp(r->name, "年末年始") == 0;
        return same ? "jp-year-end" : NULL;
    }
    return NULL;
}
