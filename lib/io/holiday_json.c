/* Holiday sets in calendar documents: an inline set {"name", "dates", "fixed",
 * "nth_weekday", "ranges"} read into an itsm_holiday_set, and a set written back (a
 * built-in set by its name, any other inline). */
#include "io/holiday_json.h"
#include "io/json_value.h"

#include <stdbool.h>
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

int itsm__holiday_set_from_json(itsm_holiday_set **out, const json_t *obj, const itsm__jpath *p)
{
    static const char *const keys[] = {"name", "dates", "fixed", "nth_weekday", "ranges", NULL};
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
    static int (*const readers[])(itsm_holiday_set *, const json_t *, const itsm__jpath *) = {
        read_set_dates, read_set_fixed, read_set_nth_weekday, read_set_ranges};
    for (size_t k = 0; k < 4 && rc == ITSM_OK; k++) {
        const json_t *list = json_object_get(obj, keys[k + 1]);
        itsm__jpath lp = itsm__jpath_key(p, keys[k + 1]);
        if (list != NULL)
            rc = readers[k](set, list, &lp);
    }
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

/* Every holiday of a set over its whole span (the caller frees *out with itsm_free). */
static int list_all(itsm_holiday **out, size_t *count, const itsm_holiday_set *set)
{
    itsm_date first, last;
    int rc = itsm_holiday_set_span(&first, &last, set);
    if (rc == ITSM_OK)
        rc = itsm_holiday_set_list(out, count, set, first, last);
    return rc;
}

static bool same_holidays(const itsm_holiday *a, size_t na, const itsm_holiday *b, size_t nb)
{
    if (na != nb)
        return false;
    for (size_t i = 0; i < na; i++) {
        if (a[i].date.year != b[i].date.year || a[i].date.month != b[i].date.month ||
            a[i].date.day != b[i].date.day || strcmp(a[i].name, b[i].name) != 0)
            return false;
    }
    return true;
}

/* Whether `set` is the built-in set of its name: same span, same holidays, same names
 * (a set may be named "jp" and hold something else). */
static int is_builtin(bool *out, const itsm_holiday_set *set)
{
    *out = false;
    itsm_holiday_set *ref = NULL;
    int rc = itsm_holiday_set_builtin(&ref, itsm_holiday_set_name(set));
    if (rc == ITSM_ENOTFOUND)
        return ITSM_OK;
    if (rc != ITSM_OK)
        return rc;
    itsm_date f1 = {0, 0, 0}, l1 = f1, f2 = f1, l2 = f1;
    itsm_holiday *a = NULL, *b = NULL;
    size_t na = 0, nb = 0;
    rc = itsm_holiday_set_span(&f1, &l1, set);
    if (rc == ITSM_OK)
        rc = itsm_holiday_set_span(&f2, &l2, ref);
    bool same_span = rc == ITSM_OK && memcmp(&f1, &f2, sizeof f1) == 0 && memcmp(&l1, &l2, sizeof l1) == 0;
    if (rc == ITSM_OK && same_span)
        rc = list_all(&a, &na, set);
    if (rc == ITSM_OK && same_span)
        rc = list_all(&b, &nb, ref);
    if (rc == ITSM_OK && same_span)
        *out = same_holidays(a, na, b, nb);
    itsm_free(a);
    itsm_free(b);
    itsm_holiday_set_free(ref);
    return rc;
}

static json_t *holiday_date(const itsm_holiday *h)
{
    char buf[ITSM_DATE_TEXT_SIZE];
    if (itsm_date_format(buf, sizeof buf, h->date) != ITSM_OK)
        return NULL;
    if (h->name[0] == '\0')
        return json_string(buf);
    json_t *obj = json_object();
    if (obj == NULL || put(obj, "date", json_string(buf)) != ITSM_OK || put(obj, "name", json_string(h->name)) != ITSM_OK) {
        json_decref(obj);
        return NULL;
    }
    return obj;
}

/* A custom set as explicit dates: every holiday of its span, with its name. */
static int custom_set(json_t **out, const itsm_holiday_set *set)
{
    itsm_holiday *items = NULL;
    size_t count = 0;
    int rc = list_all(&items, &count, set);
    if (rc != ITSM_OK)
        return rc;
    json_t *obj = json_object(); /* put() reports a NULL object as out of memory */
    rc = put(obj, "name", json_string(itsm_holiday_set_name(set)));
    if (rc == ITSM_OK && count > 0) {
        json_t *dates = json_array();
        rc = put(obj, "dates", dates);
        for (size_t i = 0; rc == ITSM_OK && i < count; i++)
            rc = append(dates, holiday_date(&items[i]));
    }
    itsm_free(items);
    if (rc != ITSM_OK) {
        json_decref(obj);
        return rc;
    }
    *out = obj;
    return ITSM_OK;
}

int itsm__holiday_set_to_json(json_t **out, const itsm_holiday_set *set)
{
    bool builtin;
    int rc = is_builtin(&builtin, set);
    if (rc != ITSM_OK)
        return rc;
    if (!builtin)
        return custom_set(out, set);
    json_t *name = json_string(itsm_holiday_set_name(set));
    if (name == NULL)
        return itsm__error(ITSM_ENOMEM, "itsm_calendar_to_json: out of memory");
    *out = name;
    return ITSM_OK;
}
