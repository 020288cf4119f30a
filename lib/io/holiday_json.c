/* Holiday sets in calendar documents: an inline set {"name", "include", "dates", "fixed",
 * "nth_weekday", "ranges"} read into an itsm_holiday_set, and a set written back (a
 * built-in set by its name, any other inline, by its dates and rules).
 *
 * Order: a date's name comes from the first source of the set that covers it. The reader
 * adds "include" (built-in sets by name, and groups of sources as nested objects, in
 * order), then "dates", "fixed", "nth_weekday" and "ranges". The writer reproduces the
 * set's order of precedence in that form: sources whose order does not matter are written
 * in one object, and the rest as a sequence of groups in "include". */
#include "internal.h"
#include "calendar/holidays_internal.h"
#include "io/holiday_json.h"
#include "io/json_value.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* "MM-DD" of a yearly range. */
static int get_month_day(int32_t *month, int32_t *day, const json_t *v, const itsm__jpath *p)
{
    const char *t;
    int rc = itsm__json_get_string(&t, v, p);
    if (rc != ITSM_OK)
        return rc;
    bool ok = strlen(t) == 5 && t[2] == '-';
    for (int i = 0; ok && i < 5; i++)
        ok = i == 2 || (t[i] >= '0' && t[i] <= '9');
    if (ok) {
        *month = (t[0] - '0') * 10 + (t[1] - '0');
        *day = (t[3] - '0') * 10 + (t[4] - '0');
        /* Any year: Feb 29 is a valid month-day (it occurs in leap years only). */
        ok = *month >= 1 && *month <= 12 && *day >= 1 && *day <= itsm_days_in_month(2000, *month);
    }
    if (!ok) {
        char q[96];
        itsm__json_quote(q, sizeof q, t, 40);
        return itsm__jpath_error(ITSM_EINVAL, p, "%s is not a month and day \"MM-DD\"", q);
    }
    return ITSM_OK;
}

/* name, from_year, to_year: the parts every yearly rule shares. */
static int get_rule_common(const char **name, int32_t *first, int32_t *last, const json_t *obj,
                           const itsm__jpath *p)
{
    int rc = itsm__json_opt_string(name, obj, "name", p);
    if (rc == ITSM_OK)
        rc = itsm__json_opt_int32(first, obj, "from_year", p);
    if (rc == ITSM_OK)
        rc = itsm__json_opt_int32(last, obj, "to_year", p);
    return rc;
}

static int read_set_dates(itsm_holiday_set *set, const json_t *list, const itsm__jpath *p)
{
    static const char *const keys[] = {"date", "name", NULL};
    int rc = itsm__json_need_array(list, p);
    size_t i;
    const json_t *item;
    json_array_foreach((json_t *)list, i, item) {
        if (rc != ITSM_OK)
            break;
        itsm__jpath ip = itsm__jpath_index(p, i);
        itsm_date date = {0, 0, 0};
        const char *name = NULL;
        if (json_is_object(item)) {
            const json_t *jd = NULL;
            itsm__jpath dp = itsm__jpath_key(&ip, "date");
            rc = itsm__json_check_keys(item, keys, &ip);
            if (rc == ITSM_OK)
                rc = itsm__json_member(&jd, item, "date", &ip);
            if (rc == ITSM_OK)
                rc = itsm__json_get_date(&date, jd, &dp);
            if (rc == ITSM_OK)
                rc = itsm__json_opt_string(&name, item, "name", &ip);
        } else if (json_is_string(item)) {
            rc = itsm__json_get_date(&date, item, &ip);
        } else {
            rc = itsm__json_type_error(item, "a date \"YYYY-MM-DD\" or {\"date\", \"name\"}", &ip);
        }
        if (rc == ITSM_OK && (rc = itsm_holiday_set_add_date(set, date, name)) != ITSM_OK)
            rc = itsm__jpath_wrap(rc, &ip);
    }
    return rc;
}

static int read_set_fixed(itsm_holiday_set *set, const json_t *list, const itsm__jpath *p)
{
    static const char *const keys[] = {"month", "day", "name", "from_year", "to_year", NULL};
    int rc = itsm__json_need_array(list, p);
    size_t i;
    const json_t *item;
    json_array_foreach((json_t *)list, i, item) {
        if (rc != ITSM_OK)
            break;
        itsm__jpath ip = itsm__jpath_index(p, i);
        itsm__jpath mp = itsm__jpath_key(&ip, "month"), dp = itsm__jpath_key(&ip, "day");
        const json_t *jm = NULL, *jd = NULL;
        int32_t month = 0, day = 0, first = 0, last = 0;
        const char *name = NULL;
        rc = itsm__json_need_object(item, &ip);
        if (rc == ITSM_OK)
            rc = itsm__json_check_keys(item, keys, &ip);
        if (rc == ITSM_OK)
            rc = itsm__json_member(&jm, item, "month", &ip);
        if (rc == ITSM_OK)
            rc = itsm__json_get_int32(&month, jm, &mp);
        if (rc == ITSM_OK)
            rc = itsm__json_member(&jd, item, "day", &ip);
        if (rc == ITSM_OK)
            rc = itsm__json_get_int32(&day, jd, &dp);
        if (rc == ITSM_OK)
            rc = get_rule_common(&name, &first, &last, item, &ip);
        if (rc == ITSM_OK && (rc = itsm_holiday_set_add_fixed(set, month, day, name, first, last)) != ITSM_OK)
            rc = itsm__jpath_wrap(rc, &ip);
    }
    return rc;
}

static int read_set_nth_weekday(itsm_holiday_set *set, const json_t *list, const itsm__jpath *p)
{
    static const char *const keys[] = {"month", "nth", "weekday", "name", "from_year", "to_year", NULL};
    int rc = itsm__json_need_array(list, p);
    size_t i;
    const json_t *item;
    json_array_foreach((json_t *)list, i, item) {
        if (rc != ITSM_OK)
            break;
        itsm__jpath ip = itsm__jpath_index(p, i);
        itsm__jpath mp = itsm__jpath_key(&ip, "month"), np = itsm__jpath_key(&ip, "nth"),
                    wp = itsm__jpath_key(&ip, "weekday");
        const json_t *jm = NULL, *jn = NULL, *jw = NULL;
        int32_t month = 0, nth = 0, weekday = 0, first = 0, last = 0;
        const char *name = NULL;
        rc = itsm__json_need_object(item, &ip);
        if (rc == ITSM_OK)
            rc = itsm__json_check_keys(item, keys, &ip);
        if (rc == ITSM_OK)
            rc = itsm__json_member(&jm, item, "month", &ip);
        if (rc == ITSM_OK)
            rc = itsm__json_get_int32(&month, jm, &mp);
        if (rc == ITSM_OK)
            rc = itsm__json_member(&jn, item, "nth", &ip);
        if (rc == ITSM_OK)
            rc = itsm__json_get_int32(&nth, jn, &np);
        if (rc == ITSM_OK)
            rc = itsm__json_member(&jw, item, "weekday", &ip);
        if (rc == ITSM_OK)
            rc = itsm__json_get_weekday(&weekday, jw, &wp);
        if (rc == ITSM_OK)
            rc = get_rule_common(&name, &first, &last, item, &ip);
        if (rc == ITSM_OK &&
            (rc = itsm_holiday_set_add_nth_weekday(set, month, nth, weekday, name, first, last)) != ITSM_OK)
            rc = itsm__jpath_wrap(rc, &ip);
    }
    return rc;
}

static int read_set_ranges(itsm_holiday_set *set, const json_t *list, const itsm__jpath *p)
{
    static const char *const keys[] = {"from", "to", "name", "from_year", "to_year", NULL};
    int rc = itsm__json_need_array(list, p);
    size_t i;
    const json_t *item;
    json_array_foreach((json_t *)list, i, item) {
        if (rc != ITSM_OK)
            break;
        itsm__jpath ip = itsm__jpath_index(p, i);
        itsm__jpath fp = itsm__jpath_key(&ip, "from"), tp = itsm__jpath_key(&ip, "to");
        const json_t *jf = NULL, *jt = NULL;
        int32_t fm = 0, fd = 0, tm = 0, td = 0, first = 0, last = 0;
        const char *name = NULL;
        rc = itsm__json_need_object(item, &ip);
        if (rc == ITSM_OK)
            rc = itsm__json_check_keys(item, keys, &ip);
        if (rc == ITSM_OK)
            rc = itsm__json_member(&jf, item, "from", &ip);
        if (rc == ITSM_OK)
            rc = get_month_day(&fm, &fd, jf, &fp);
        if (rc == ITSM_OK)
            rc = itsm__json_member(&jt, item, "to", &ip);
        if (rc == ITSM_OK)
            rc = get_month_day(&tm, &td, jt, &tp);
        if (rc == ITSM_OK)
            rc = get_rule_common(&name, &first, &last, item, &ip);
        if (rc == ITSM_OK && (rc = itsm_holiday_set_add_range(set, fm, fd, tm, td, name, first, last)) != ITSM_OK)
            rc = itsm__jpath_wrap(rc, &ip);
    }
    return rc;
}

static int read_set_body(itsm_holiday_set *set, const json_t *obj, const itsm__jpath *p);

/* "include": built-in sets by name, and groups of sources ({"dates", "fixed", ...}, no
 * name), added in order: every source of an entry comes before those of the next one. */
static int read_set_include(itsm_holiday_set *set, const json_t *list, const itsm__jpath *p)
{
    static const char *const keys[] = {"include", "dates", "fixed", "nth_weekday", "ranges", NULL};
    int rc = itsm__json_need_array(list, p);
    size_t i;
    const json_t *item;
    json_array_foreach((json_t *)list, i, item) {
        if (rc != ITSM_OK)
            break;
        itsm__jpath ip = itsm__jpath_index(p, i);
        if (json_is_string(item)) {
            itsm_holiday_set *builtin = NULL;
            rc = itsm_holiday_set_builtin(&builtin, json_string_value(item));
            if (rc == ITSM_OK)
                rc = itsm_holiday_set_add_set(set, builtin);
            itsm_holiday_set_free(builtin);
            if (rc != ITSM_OK)
                rc = itsm__jpath_wrap(rc, &ip);
        } else if (json_is_object(item)) {
            rc = itsm__json_check_keys(item, keys, &ip);
            if (rc == ITSM_OK)
                rc = read_set_body(set, item, &ip);
        } else {
            rc = itsm__json_type_error(item, "a built-in holiday set name or {\"dates\", \"fixed\", ...}", &ip);
        }
    }
    return rc;
}

/* The sources of `obj` (keys already checked), in reading order. */
static int read_set_body(itsm_holiday_set *set, const json_t *obj, const itsm__jpath *p)
{
    static const char *const parts[] = {"include", "dates", "fixed", "nth_weekday", "ranges"};
    static int (*const readers[])(itsm_holiday_set *, const json_t *, const itsm__jpath *) = {
        read_set_include, read_set_dates, read_set_fixed, read_set_nth_weekday, read_set_ranges};
    int rc = ITSM_OK;
    for (size_t k = 0; k < 5 && rc == ITSM_OK; k++) {
        const json_t *list = json_object_get(obj, parts[k]);
        itsm__jpath lp = itsm__jpath_key(p, parts[k]);
        if (list != NULL)
            rc = readers[k](set, list, &lp);
    }
    return rc;
}

int itsm__holiday_set_from_json(itsm_holiday_set **out, const json_t *obj, const itsm__jpath *p)
{
    static const char *const keys[] = {"name", "include", "dates", "fixed", "nth_weekday", "ranges", NULL};
    int rc = itsm__json_need_object(obj, p);
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(obj, keys, p);
    const json_t *jn = NULL;
    const char *name;
    itsm__jpath np = itsm__jpath_key(p, "name");
    if (rc == ITSM_OK)
        rc = itsm__json_member(&jn, obj, "name", p);
    if (rc == ITSM_OK)
        rc = itsm__json_get_string(&name, jn, &np);
    if (rc != ITSM_OK)
        return rc;
    itsm_holiday_set *set = NULL;
    rc = itsm_holiday_set_new(&set, name);
    if (rc != ITSM_OK)
        return itsm__jpath_wrap(rc, &np);
    rc = read_set_body(set, obj, p);
    if (rc != ITSM_OK) {
        itsm_holiday_set_free(set);
        return rc;
    }
    *out = set;
    return ITSM_OK;
}

/* ---- writing ------------------------------------------------------------------------------ */

static int put(json_t *obj, const char *key, json_t *value)
{
    return itsm__json_put(obj, key, value, "itsm_calendar_to_json");
}

static int append(json_t *array, json_t *value)
{
    return itsm__json_append(array, value, "itsm_calendar_to_json");
}

/* Month-days a rule may fall on in some year (bit `day` of word `month`), and the years
 * it may fall in: enough to tell that two rules never name the same date. */
typedef struct rule_reach {
    uint32_t days[13];
    int64_t first_year, last_year;
} rule_reach;

static void reach_of(rule_reach *out, const itsm__holiday_rule *r)
{
    memset(out, 0, sizeof *out);
    out->first_year = r->first_year != 0 ? r->first_year : INT32_MIN;
    out->last_year = r->last_year != 0 ? r->last_year : INT32_MAX;
    switch (r->kind) {
    case ITSM__HOLIDAY_FIXED:
        out->days[r->month] = 1u << r->day;
        break;
    case ITSM__HOLIDAY_NTH_WEEKDAY: {
        int32_t from = r->nth > 0 ? (r->nth - 1) * 7 + 1 : 22, to = r->nth > 0 ? r->nth * 7 : 31;
        for (int32_t d = from; d <= to && d <= 31; d++)
            out->days[r->month] |= 1u << d;
        break;
    }
    case ITSM__HOLIDAY_RANGE: {
        int32_t m = r->month, d = r->day;
        if (r->to_month * 32 + r->to_day < m * 32 + d)
            out->last_year++; /* the tail falls in the next year */
        for (;;) {
            out->days[m] |= 1u << d;
            if (m == r->to_month && d == r->to_day)
                break;
            if (++d > 31) {
                d = 1;
                m = m == 12 ? 1 : m + 1;
            }
        }
        break;
    }
    case ITSM__HOLIDAY_JAPAN:
        for (int m = 1; m <= 12; m++)
            out->days[m] = ~1u;
        break;
    }
}

/* Whether rule a written after rule b names every date as a before b does. */
static bool may_swap(const itsm__holiday_rule *a, const itsm__holiday_rule *b)
{
    if (a->kind == ITSM__HOLIDAY_JAPAN || b->kind == ITSM__HOLIDAY_JAPAN)
        return false;
    if (strcmp(a->name, b->name) == 0)
        return true;
    rule_reach x, y;
    reach_of(&x, a);
    reach_of(&y, b);
    if (x.last_year < y.first_year || y.last_year < x.first_year)
        return true;
    for (int m = 1; m <= 12; m++) {
        if ((x.days[m] & y.days[m]) != 0)
            return false;
    }
    return true;
}

/* A run of rules written in one object (kinds in the reader's order), or the jp rule. */
typedef struct group {
    size_t start, end; /* positions in the written order of rules */
    bool japan;
} group;

/* The plan of a custom set: its rules in the order written, cut into groups; each date's
 * group (dates come first in theirs), or NO_GROUP for a date that a rule before it
 * names anyway, or PRE_GROUP for one that must come before the first group. */
#define NO_GROUP SIZE_MAX
#define PRE_GROUP (SIZE_MAX - 1)

typedef struct plan {
    itsm__holiday_rule *rules; /* in the order written */
    size_t nrules;
    group *groups; /* the last one is plain and written at the top level */
    size_t ngroups;
    size_t *date_group; /* per explicit date */
    size_t ndates;
    bool pre; /* a group of dates only before groups[0] */
} plan;

static void plan_free(plan *pl)
{
    itsm__free(pl->rules);
    itsm__free(pl->groups);
    itsm__free(pl->date_group);
}

/* Rules: in insertion order, then rules of kinds out of the reader's order moved where
 * that changes no name (adjacent swaps, until none applies: reading the result back and
 * planning again gives the same order). */
static void order_rules(plan *pl, size_t *order, const itsm_holiday_set *set)
{
    for (size_t i = 0; i < pl->nrules; i++) {
        order[i] = i;
        itsm__holiday_set_rule(&pl->rules[i], set, i);
    }
    for (bool swapped = true; swapped;) {
        swapped = false;
        for (size_t k = 0; k + 1 < pl->nrules; k++) {
            itsm__holiday_rule *a = &pl->rules[k], *b = &pl->rules[k + 1];
            if (a->kind > b->kind && may_swap(a, b)) {
                itsm__holiday_rule t = *a;
                *a = *b;
                *b = t;
                size_t o = order[k];
                order[k] = order[k + 1];
                order[k + 1] = o;
                swapped = true;
            }
        }
    }
}

/* Groups: maximal runs of rules with kinds in the reader's order; the jp rule alone. A
 * plain group of no rules at the end when the last is the jp rule (or there are none). */
static void cut_groups(plan *pl)
{
    size_t n = 0;
    for (size_t k = 0; k < pl->nrules; k++) {
        bool japan = pl->rules[k].kind == ITSM__HOLIDAY_JAPAN;
        if (n > 0 && !japan && !pl->groups[n - 1].japan && pl->rules[k - 1].kind <= pl->rules[k].kind) {
            pl->groups[n - 1].end = k + 1;
            continue;
        }
        pl->groups[n++] = (group){k, k + 1, japan};
    }
    if (n == 0 || pl->groups[n - 1].japan)
        pl->groups[n++] = (group){pl->nrules, pl->nrules, false};
    pl->ngroups = n;
}

/* A date keeps its own name unless a rule added before it covers it (then that rule names
 * it, and the date can go). It may be written anywhere before the first rule that covers
 * it: in the last plain group that starts there or earlier. */
static void place_dates(plan *pl, const size_t *order, const itsm_holiday_set *set)
{
    for (size_t i = 0; i < pl->ndates; i++) {
        itsm__holiday_date d;
        itsm__holiday_set_date(&d, set, i);
        size_t limit = pl->nrules, g = PRE_GROUP;
        for (size_t k = 0; k < pl->nrules; k++) {
            if (itsm__holiday_set_rule_on(set, order[k], d.date) == NULL)
                continue;
            if (order[k] < d.rules_before)
                g = NO_GROUP;
            if (limit == pl->nrules)
                limit = k;
        }
        for (size_t k = 0; g != NO_GROUP && k < pl->ngroups; k++) {
            if (!pl->groups[k].japan && pl->groups[k].start <= limit)
                g = k;
        }
        pl->date_group[i] = g;
        pl->pre |= g == PRE_GROUP;
    }
}

static int make_plan(plan *pl, const itsm_holiday_set *set)
{
    *pl = (plan){NULL, itsm__holiday_set_rule_count(set), NULL, 0, NULL, itsm__holiday_set_date_count(set), false};
    size_t *order = itsm__malloc((pl->nrules + 1) * sizeof *order, "a holiday set plan");
    pl->rules = itsm__malloc((pl->nrules + 1) * sizeof *pl->rules, "a holiday set plan");
    pl->groups = itsm__malloc((pl->nrules + 1) * sizeof *pl->groups, "a holiday set plan");
    pl->date_group = itsm__malloc((pl->ndates + 1) * sizeof *pl->date_group, "a holiday set plan");
    if (order == NULL || pl->rules == NULL || pl->groups == NULL || pl->date_group == NULL) {
        itsm__free(order);
        plan_free(pl);
        return itsm__error(ITSM_ENOMEM, "itsm_calendar_to_json: out of memory");
    }
    order_rules(pl, order, set);
    cut_groups(pl);
    place_dates(pl, order, set);
    itsm__free(order);
    return ITSM_OK;
}

static json_t *date_json(const itsm__holiday_date *d)
{
    char buf[ITSM_DATE_TEXT_SIZE];
    if (itsm_date_format(buf, sizeof buf, d->date) != ITSM_OK)
        return NULL;
    if (d->name[0] == '\0')
        return json_string(buf);
    json_t *obj = json_object();
    if (obj == NULL || put(obj, "date", json_string(buf)) != ITSM_OK || put(obj, "name", json_string(d->name)) != ITSM_OK) {
        json_decref(obj);
        return NULL;
    }
    return obj;
}

static json_t *month_day_text(int32_t month, int32_t day)
{
    char buf[16];
    (void)snprintf(buf, sizeof buf, "%02d-%02d", (int)month, (int)day);
    return json_string(buf);
}

/* A yearly rule as an item of "fixed", "nth_weekday" or "ranges". */
static json_t *rule_json(const itsm__holiday_rule *r)
{
    json_t *obj = json_object();
    int rc = ITSM_OK;
    switch (r->kind) {
    case ITSM__HOLIDAY_FIXED:
        rc = put(obj, "month", json_integer(r->month));
        if (rc == ITSM_OK)
            rc = put(obj, "day", json_integer(r->day));
        break;
    case ITSM__HOLIDAY_NTH_WEEKDAY:
        rc = put(obj, "month", json_integer(r->month));
        if (rc == ITSM_OK)
            rc = put(obj, "nth", json_integer(r->nth));
        if (rc == ITSM_OK)
            rc = put(obj, "weekday", json_string(itsm__json_weekday_keys[r->weekday - 1]));
        break;
    case ITSM__HOLIDAY_RANGE:
        rc = put(obj, "from", month_day_text(r->month, r->day));
        if (rc == ITSM_OK)
            rc = put(obj, "to", month_day_text(r->to_month, r->to_day));
        break;
    case ITSM__HOLIDAY_JAPAN:
        rc = ITSM_EINVAL; /* written as "include" */
        break;
    }
    if (rc == ITSM_OK && r->name[0] != '\0')
        rc = put(obj, "name", json_string(r->name));
    if (rc == ITSM_OK && r->first_year != 0)
        rc = put(obj, "from_year", json_integer(r->first_year));
    if (rc == ITSM_OK && r->last_year != 0)
        rc = put(obj, "to_year", json_integer(r->last_year));
    if (rc != ITSM_OK) {
        json_decref(obj);
        return NULL;
    }
    return obj;
}

/* The dates (those planned for group `g`) and rules of a plain group, into obj. */
static int group_json(json_t *obj, const plan *pl, size_t g, const itsm_holiday_set *set)
{
    static const char *const keys[] = {"dates", "fixed", "nth_weekday", "ranges"};
    json_t *lists[4] = {json_array(), json_array(), json_array(), json_array()};
    int rc = ITSM_OK;
    for (size_t i = 0; rc == ITSM_OK && i < pl->ndates; i++) {
        if (pl->date_group[i] != g)
            continue;
        itsm__holiday_date d;
        itsm__holiday_set_date(&d, set, i);
        rc = append(lists[0], date_json(&d));
    }
    if (g != PRE_GROUP) {
        for (size_t k = pl->groups[g].start; rc == ITSM_OK && k < pl->groups[g].end; k++)
            rc = append(lists[1 + pl->rules[k].kind], rule_json(&pl->rules[k]));
    }
    for (size_t k = 0; k < 4; k++) {
        if (rc == ITSM_OK && lists[k] != NULL && json_array_size(lists[k]) > 0) {
            rc = put(obj, keys[k], lists[k]);
            lists[k] = NULL;
        }
        json_decref(lists[k]);
    }
    return rc;
}

/* One entry of "include": "jp", or a group of sources as an object. */
static json_t *include_json(const plan *pl, size_t g, const itsm_holiday_set *set)
{
    if (g != PRE_GROUP && pl->groups[g].japan)
        return json_string("jp");
    json_t *obj = json_object();
    if (obj == NULL || group_json(obj, pl, g, set) != ITSM_OK) {
        json_decref(obj);
        return NULL;
    }
    return obj;
}

/* A custom set: {"name", "include"?, "dates"?, "fixed"?, "nth_weekday"?, "ranges"?}. */
static int custom_set(json_t **out, const itsm_holiday_set *set)
{
    plan pl;
    int rc = make_plan(&pl, set);
    if (rc != ITSM_OK)
        return rc;
    json_t *obj = json_object(); /* put() reports a NULL object as out of memory */
    rc = put(obj, "name", json_string(itsm_holiday_set_name(set)));
    if (rc == ITSM_OK && (pl.pre || pl.ngroups > 1)) {
        json_t *include = json_array();
        rc = put(obj, "include", include);
        if (rc == ITSM_OK && pl.pre)
            rc = append(include, include_json(&pl, PRE_GROUP, set));
        for (size_t g = 0; rc == ITSM_OK && g + 1 < pl.ngroups; g++)
            rc = append(include, include_json(&pl, g, set));
    }
    if (rc == ITSM_OK)
        rc = group_json(obj, &pl, pl.ngroups - 1, set);
    plan_free(&pl);
    if (rc != ITSM_OK) {
        json_decref(obj);
        return rc;
    }
    *out = obj;
    return ITSM_OK;
}

int itsm__holiday_set_to_json(json_t **out, const itsm_holiday_set *set)
{
    const char *builtin = itsm__holiday_set_builtin_name(set);
    if (builtin == NULL)
        return custom_set(out, set);
    json_t *name = json_string(builtin);
    if (name == NULL)
        return itsm__error(ITSM_ENOMEM, "itsm_calendar_to_json: out of memory");
    *out = name;
    return ITSM_OK;
}

/* ---- public entry points: a set as a document of its own ------------------------------ */

itsm_status itsm_holiday_set_from_json(itsm_holiday_set **out, const char *json, size_t len)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(json);
    json_t *root = NULL;
    int rc = itsm__json_load(&root, json, len, "holiday set");
    if (rc != ITSM_OK)
        return rc;
    itsm__jpath p = itsm__jpath_root();
    itsm_holiday_set *set = NULL;
    if (json_is_string(root)) {
        rc = itsm_holiday_set_builtin(&set, json_string_value(root));
        if (rc != ITSM_OK)
            rc = itsm__jpath_wrap(rc, &p);
    } else if ((rc = itsm__json_need_object(root, &p)) == ITSM_OK) {
        rc = itsm__holiday_set_from_json(&set, root, &p);
    }
    json_decref(root);
    if (rc == ITSM_OK)
        *out = set;
    return rc;
}

itsm_status itsm_holiday_set_to_json(char **out, const itsm_holiday_set *set)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(set);
    json_t *root = NULL;
    int rc = itsm__holiday_set_to_json(&root, set);
    if (rc == ITSM_OK)
        rc = itsm__json_dump(out, root, "itsm_holiday_set_to_json");
    json_decref(root);
    return rc;
}
