/* Calendar documents: JSON (docs/schema/calendar.schema.json, "itsm_schema": 1) into a
 * calendar spec. The writer is calendar_json_write.c.
 *
 * The reader is strict: an unknown key, a value of the wrong type or an interval that
 * does not mean what it seems is an error naming its JSON path, never silently fixed or
 * ignored. Errors of the library functions the reader calls are re-raised with the path
 * of the value that caused them. */
#include "internal.h"
#include "io/calendar_json.h"
#include "io/holiday_json.h"
#include "io/json_value.h"

#include "itsm/calendar.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

typedef struct reader {
    itsm_calendar_spec *spec;
    const itsm_holiday_set *const *sets;
    size_t n_sets;
} reader;

/* "HH:MM-HH:MM": the two times, not yet checked against each other. */
static int parse_interval_text(int32_t *from, int32_t *to, const char *text, const itsm__jpath *p)
{
    const char *dash = strchr(text, '-');
    if (dash == NULL || strchr(dash + 1, '-') != NULL) {
        char q[96];
        itsm__json_quote(q, sizeof q, text, 40);
        return itsm__jpath_error(ITSM_EPARSE, p, "%s: expected an interval \"HH:MM-HH:MM\"", q);
    }
    int rc = itsm__json_time_n(from, text, (size_t)(dash - text), text, p);
    if (rc == ITSM_OK)
        rc = itsm__json_time_n(to, dash + 1, strlen(dash + 1), text, p);
    return rc;
}

/* One interval of a day: "HH:MM-HH:MM" (same day, start < end) or an object
 * {"from", "to", "overnight"} where "overnight": true means end <= start, into the next
 * day. `allow_overnight` is false where the C API has no overnight form (extra openings,
 * which are per date). */
static int get_interval(int32_t *from, int32_t *to, bool *overnight, const json_t *v, bool allow_overnight,
                        const itsm__jpath *p)
{
    *overnight = false;
    if (json_is_string(v)) {
        const char *text = json_string_value(v);
        int rc = parse_interval_text(from, to, text, p);
        if (rc != ITSM_OK)
            return rc;
        if (*to <= *from) {
            char q[96];
            itsm__json_quote(q, sizeof q, text, 40);
            if (allow_overnight)
                return itsm__jpath_error(ITSM_EINVAL, p,
                                         "%s: end is not after start (use {\"from\",\"to\",\"overnight\":true})", q);
            return itsm__jpath_error(ITSM_EINVAL, p, "%s: end is not after start", q);
        }
        return ITSM_OK;
    }
    if (!json_is_object(v))
        return itsm__json_type_error(v, "an interval \"HH:MM-HH:MM\" or {\"from\", \"to\"}", p);
    static const char *const keys[] = {"from", "to", "overnight", NULL};
    static const char *const keys_same_day[] = {"from", "to", NULL};
    int rc = itsm__json_check_keys(v, allow_overnight ? keys : keys_same_day, p);
    const json_t *jf = NULL, *jt = NULL;
    if (rc == ITSM_OK)
        rc = itsm__json_member(&jf, v, "from", p);
    if (rc == ITSM_OK)
        rc = itsm__json_member(&jt, v, "to", p);
    itsm__jpath pf = itsm__jpath_key(p, "from"), pt = itsm__jpath_key(p, "to");
    if (rc == ITSM_OK)
        rc = itsm__json_get_time(from, jf, &pf);
    if (rc == ITSM_OK)
        rc = itsm__json_get_time(to, jt, &pt);
    const json_t *jo = json_object_get(v, "overnight");
    if (rc == ITSM_OK && jo != NULL) {
        itsm__jpath po = itsm__jpath_key(p, "overnight");
        rc = itsm__json_get_bool(overnight, jo, &po);
    }
    if (rc != ITSM_OK)
        return rc;
    if (*overnight) {
        if (*from >= ITSM_SECONDS_PER_DAY)
            return itsm__jpath_error(ITSM_EINVAL, &pf, "an interval cannot start at 24:00");
        if (*to > *from)
            return itsm__jpath_error(ITSM_EINVAL, p,
                                     "\"overnight\": true needs \"to\" at or before \"from\" (%s-%s ends on the "
                                     "same day: leave \"overnight\" out)",
                                     json_string_value(jf), json_string_value(jt));
    } else if (*to <= *from) {
        if (allow_overnight)
            return itsm__jpath_error(ITSM_EINVAL, p,
                                     "end %s is not after start %s (add \"overnight\": true for an interval "
                                     "past midnight)",
                                     json_string_value(jt), json_string_value(jf));
        return itsm__jpath_error(ITSM_EINVAL, p, "end %s is not after start %s", json_string_value(jt),
                                 json_string_value(jf));
    }
    return ITSM_OK;
}

/* ---- header: version, type, identity ---------------------------------------------------- */

/* The spec, from name, zone and zoneinfo_dir. */
static int read_identity(itsm_calendar_spec **out, const json_t *root, const itsm__jpath *rp)
{
    const json_t *jn = NULL, *jz = NULL;
    const char *name, *zone, *dir;
    itsm__jpath pn = itsm__jpath_key(rp, "name"), pz = itsm__jpath_key(rp, "zone");
    int rc = itsm__json_member(&jn, root, "name", rp);
    if (rc == ITSM_OK)
        rc = itsm__json_get_string(&name, jn, &pn);
    if (rc == ITSM_OK)
        rc = itsm__json_member(&jz, root, "zone", rp);
    if (rc == ITSM_OK)
        rc = itsm__json_get_string(&zone, jz, &pz);
    if (rc == ITSM_OK)
        rc = itsm__json_opt_string(&dir, root, "zoneinfo_dir", rp);
    if (rc != ITSM_OK)
        return rc;
    rc = itsm_calendar_spec_new(out, name, zone, dir);
    if (rc == ITSM_OK || rc == ITSM_ENOMEM)
        return rc;
    /* Name or zone? Only the zone is looked up; if it loads on its own, the name was bad. */
    int spec_rc = rc;
    char why[512];
    (void)snprintf(why, sizeof why, "%s", itsm_error_last());
    itsm_tz *tz = NULL;
    rc = itsm_tz_load(&tz, zone, dir);
    itsm_tz_free(tz);
    if (rc == ITSM_ENOMEM)
        return rc;
    if (rc != ITSM_OK)
        return itsm__jpath_wrap(rc, &pz);
    return itsm__jpath_error(spec_rc, &pn, "%s", why);
}

/* ---- week ------------------------------------------------------------------------------- */

static int read_day(reader *r, int weekday, const json_t *list, const itsm__jpath *p)
{
    int rc = itsm__json_need_array(list, p);
    size_t i;
    const json_t *item;
    json_array_foreach((json_t *)list, i, item) {
        if (rc != ITSM_OK)
            break;
        itsm__jpath ip = itsm__jpath_index(p, i);
        int32_t from = 0, to = 0;
        bool overnight = false;
        rc = get_interval(&from, &to, &overnight, item, true, &ip);
        if (rc == ITSM_OK) {
            rc = itsm_calendar_spec_add_interval(r->spec, weekday, from, to,
                                                 overnight ? ITSM_INTERVAL_OVERNIGHT : ITSM_INTERVAL_SAME_DAY);
            if (rc != ITSM_OK)
                rc = itsm__jpath_wrap(rc, &ip);
        }
    }
    return rc;
}

static int read_week(reader *r, const json_t *week, const itsm__jpath *p)
{
    int rc = itsm__json_need_object(week, p);
    if (rc != ITSM_OK)
        return rc;
    static const char *const keys[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL};
    rc = itsm__json_check_keys(week, keys, p);
    for (int d = 0; d < 7 && rc == ITSM_OK; d++) {
        const json_t *list = json_object_get(week, keys[d]);
        if (list == NULL)
            continue;
        itsm__jpath dp = itsm__jpath_key(p, keys[d]);
        rc = read_day(r, d + 1, list, &dp);
    }
    return rc;
}

/* ---- holiday sets ----------------------------------------------------------------------- */

/* The name an entry of "holidays" gives its set (NULL when it has none). */
static const char *holiday_entry_name(const json_t *entry)
{
    if (json_is_string(entry))
        return json_string_value(entry);
    return json_is_object(entry) ? json_string_value(json_object_get(entry, "name")) : NULL;
}

/* The error for a name that is neither a caller's set nor a built-in one; it lists both. */
static int unknown_set(const reader *r, const char *name, const itsm__jpath *p)
{
    char q[96];
    char given[192] = "none";
    size_t len = 0;
    /* snprintf cuts a long list short; the loop stops once the buffer is full. */
    for (size_t k = 0; k < r->n_sets && len < sizeof given; k++) {
        int n = snprintf(given + len, sizeof given - len, "%s%s", k == 0 ? "" : ", ", itsm_holiday_set_name(r->sets[k]));
        len = n < 0 ? sizeof given : len + (size_t)n;
    }
    itsm__json_quote(q, sizeof q, name, 40);
    return itsm__jpath_error(ITSM_ENOTFOUND, p,
                             "unknown holiday set %s (built in: jp, jp-year-end; given by the caller: %s; a set of "
                             "your own can also be defined inline as {\"name\": ..., \"dates\": [...]})",
                             q, given);
}

static int add_named_set(reader *r, const char *name, const itsm__jpath *p)
{
    for (size_t k = 0; k < r->n_sets; k++) {
        if (strcmp(itsm_holiday_set_name(r->sets[k]), name) == 0) {
            int rc = itsm_calendar_spec_add_holidays(r->spec, r->sets[k]);
            return rc == ITSM_OK ? rc : itsm__jpath_wrap(rc, p);
        }
    }
    itsm_holiday_set *set = NULL;
    int rc = itsm_holiday_set_builtin(&set, name);
    if (rc == ITSM_ENOTFOUND)
        return unknown_set(r, name, p);
    if (rc == ITSM_OK)
        rc = itsm_calendar_spec_add_holidays(r->spec, set);
    itsm_holiday_set_free(set);
    return rc == ITSM_OK ? rc : itsm__jpath_wrap(rc, p);
}

static int read_holidays(reader *r, const json_t *list, const itsm__jpath *p)
{
    int rc = itsm__json_need_array(list, p);
    size_t i;
    const json_t *item;
    json_array_foreach((json_t *)list, i, item) {
        if (rc != ITSM_OK)
            break;
        itsm__jpath ip = itsm__jpath_index(p, i);
        if (json_is_string(item)) {
            rc = add_named_set(r, json_string_value(item), &ip);
        } else if (json_is_object(item)) {
            itsm_holiday_set *set = NULL;
            rc = itsm__holiday_set_from_json(&set, item, &ip);
            if (rc == ITSM_OK && (rc = itsm_calendar_spec_add_holidays(r->spec, set)) != ITSM_OK)
                rc = itsm__jpath_wrap(rc, &ip);
            itsm_holiday_set_free(set);
        } else {
            rc = itsm__json_type_error(item, "a holiday set name or an inline set {\"name\", ...}", &ip);
        }
        /* The same set twice is a mistake (or two different sets under one name). */
        const char *name = holiday_entry_name(item);
        for (size_t j = 0; j < i && rc == ITSM_OK && name != NULL; j++) {
            const char *other = holiday_entry_name(json_array_get(list, j));
            if (other != NULL && strcmp(other, name) == 0) {
                char q[96];
                itsm__json_quote(q, sizeof q, name, 40);
                rc = itsm__jpath_error(ITSM_EINVAL, &ip, "holiday set %s is already listed at [%zu]", q, j);
            }
        }
    }
    return rc;
}

/* ---- closures and extra openings ------------------------------------------------------- */

static int read_closed(reader *r, const json_t *list, const itsm__jpath *p)
{
    static const char *const keys[] = {"date", "from", "to", NULL};
    int rc = itsm__json_need_array(list, p);
    size_t i;
    const json_t *item;
    json_array_foreach((json_t *)list, i, item) {
        if (rc != ITSM_OK)
            break;
        itsm__jpath ip = itsm__jpath_index(p, i);
        itsm_date date = {0, 0, 0};
        if (json_is_string(item)) {
            rc = itsm__json_get_date(&date, item, &ip);
            if (rc == ITSM_OK && (rc = itsm_calendar_spec_close_date(r->spec, date)) != ITSM_OK)
                rc = itsm__jpath_wrap(rc, &ip);
            continue;
        }
        if (!json_is_object(item)) {
            rc = itsm__json_type_error(item, "a date \"YYYY-MM-DD\" or {\"date\", \"from\", \"to\"}", &ip);
            continue;
        }
        itsm__jpath dp = itsm__jpath_key(&ip, "date"), fp = itsm__jpath_key(&ip, "from"),
                    tp = itsm__jpath_key(&ip, "to");
        const json_t *jd = NULL, *jf = json_object_get(item, "from"), *jt = json_object_get(item, "to");
        rc = itsm__json_check_keys(item, keys, &ip);
        if (rc == ITSM_OK)
            rc = itsm__json_member(&jd, item, "date", &ip);
        if (rc == ITSM_OK)
            rc = itsm__json_get_date(&date, jd, &dp);
        if (rc != ITSM_OK)
            continue;
        if (jf == NULL && jt == NULL) {
            if ((rc = itsm_calendar_spec_close_date(r->spec, date)) != ITSM_OK)
                rc = itsm__jpath_wrap(rc, &ip);
            continue;
        }
        int32_t from = 0, to = ITSM_SECONDS_PER_DAY;
        if (jf != NULL)
            rc = itsm__json_get_time(&from, jf, &fp);
        if (rc == ITSM_OK && jt != NULL)
            rc = itsm__json_get_time(&to, jt, &tp);
        if (rc == ITSM_OK && to <= from)
            rc = itsm__jpath_error(ITSM_EINVAL, &ip,
                                   "end %s is not after start %s (close the next date separately for a "
                                   "closure past midnight)",
                                   jt != NULL ? json_string_value(jt) : "24:00",
                                   jf != NULL ? json_string_value(jf) : "00:00");
        if (rc == ITSM_OK && (rc = itsm_calendar_spec_close_part(r->spec, date, from, to)) != ITSM_OK)
            rc = itsm__jpath_wrap(rc, &ip);
    }
    return rc;
}

static int read_open(reader *r, const json_t *list, const itsm__jpath *p)
{
    static const char *const keys[] = {"date", "intervals", "replace", NULL};
    int rc = itsm__json_need_array(list, p);
    size_t i;
    const json_t *item;
    json_array_foreach((json_t *)list, i, item) {
        if (rc != ITSM_OK)
            break;
        itsm__jpath ip = itsm__jpath_index(p, i);
        itsm__jpath dp = itsm__jpath_key(&ip, "date"), vp = itsm__jpath_key(&ip, "intervals"),
                    rp = itsm__jpath_key(&ip, "replace");
        const json_t *jd = NULL, *jv = NULL, *jr = NULL;
        itsm_date date = {0, 0, 0};
        bool replace = false;
        rc = itsm__json_need_object(item, &ip);
        if (rc == ITSM_OK)
            rc = itsm__json_check_keys(item, keys, &ip);
        if (rc == ITSM_OK)
            rc = itsm__json_member(&jd, item, "date", &ip);
        if (rc == ITSM_OK)
            rc = itsm__json_get_date(&date, jd, &dp);
        if (rc == ITSM_OK)
            rc = itsm__json_member(&jv, item, "intervals", &ip);
        if (rc == ITSM_OK)
            rc = itsm__json_need_array(jv, &vp);
        if (rc == ITSM_OK && json_array_size(jv) == 0)
            rc = itsm__jpath_error(ITSM_EINVAL, &vp,
                                   "no interval (an extra opening needs one; to close the date use \"closed\")");
        if (rc == ITSM_OK && (jr = json_object_get(item, "replace")) != NULL)
            rc = itsm__json_get_bool(&replace, jr, &rp);
        size_t k;
        const json_t *iv;
        json_array_foreach((json_t *)jv, k, iv) {
            if (rc != ITSM_OK)
                break;
            itsm__jpath kp = itsm__jpath_index(&vp, k);
            int32_t from = 0, to = 0;
            bool overnight = false;
            rc = get_interval(&from, &to, &overnight, iv, false, &kp);
            if (rc == ITSM_OK &&
                (rc = itsm_calendar_spec_open_date(r->spec, date, from, to, replace ? 1 : 0)) != ITSM_OK)
                rc = itsm__jpath_wrap(rc, &kp);
        }
    }
    return rc;
}

/* ---- options ----------------------------------------------------------------------------- */

static int set_option(reader *r, itsm_calendar_option option, int64_t value, const itsm__jpath *p)
{
    int rc = itsm_calendar_spec_set_option(r->spec, option, value);
    return rc == ITSM_OK ? rc : itsm__jpath_wrap(rc, p);
}

static int read_options(reader *r, const json_t *obj, const itsm__jpath *p)
{
    static const char *const keys[] = {"closure_splits_overnight", "half_day", "search_horizon_days",
                                       "snap_deadline_to_open", NULL};
    int rc = itsm__json_need_object(obj, p);
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(obj, keys, p);
    const json_t *v = NULL;
    if (rc == ITSM_OK && (v = json_object_get(obj, "closure_splits_overnight")) != NULL) {
        itsm__jpath kp = itsm__jpath_key(p, "closure_splits_overnight");
        bool b;
        rc = itsm__json_get_bool(&b, v, &kp);
        if (rc == ITSM_OK)
            rc = set_option(r, ITSM_CAL_CLOSURE_SPLITS_OVERNIGHT, b, &kp);
    }
    if (rc == ITSM_OK && (v = json_object_get(obj, "half_day")) != NULL) {
        itsm__jpath kp = itsm__jpath_key(p, "half_day");
        const char *text;
        itsm_duration d = 0;
        rc = itsm__json_get_string(&text, v, &kp);
        if (rc == ITSM_OK && (rc = itsm_duration_parse(&d, text)) != ITSM_OK)
            rc = itsm__jpath_wrap(rc, &kp);
        if (rc == ITSM_OK && d <= 0)
            rc = itsm__jpath_error(ITSM_EINVAL, &kp,
                                   "%s is not a positive duration (leave \"half_day\" out for half of the open "
                                   "time of the day)",
                                   text);
        if (rc == ITSM_OK)
            rc = set_option(r, ITSM_CAL_HALF_DAY_SECONDS, d, &kp);
    }
    if (rc == ITSM_OK && (v = json_object_get(obj, "search_horizon_days")) != NULL) {
        itsm__jpath kp = itsm__jpath_key(p, "search_horizon_days");
        int32_t days;
        rc = itsm__json_get_int32(&days, v, &kp);
        if (rc == ITSM_OK)
            rc = set_option(r, ITSM_CAL_SEARCH_HORIZON_DAYS, days, &kp);
    }
    if (rc == ITSM_OK && (v = json_object_get(obj, "snap_deadline_to_open")) != NULL) {
        itsm__jpath kp = itsm__jpath_key(p, "snap_deadline_to_open");
        bool b;
        rc = itsm__json_get_bool(&b, v, &kp);
        if (rc == ITSM_OK)
            rc = set_option(r, ITSM_CAL_SNAP_DEADLINE_TO_OPEN, b, &kp);
    }
    return rc;
}

/* ---- the document -------------------------------------------------------------------------- */

static int read_body(reader *r, const json_t *root, const itsm__jpath *rp)
{
    const json_t *week;
    int rc = itsm__json_member(&week, root, "week", rp);
    itsm__jpath wp = itsm__jpath_key(rp, "week");
    if (rc == ITSM_OK)
        rc = read_week(r, week, &wp);
    static const char *const parts[] = {"holidays", "closed", "open", "options"};
    static int (*const readers[])(reader *, const json_t *, const itsm__jpath *) = {read_holidays, read_closed,
                                                                                    read_open, read_options};
    for (size_t k = 0; k < 4 && rc == ITSM_OK; k++) {
        const json_t *v = json_object_get(root, parts[k]);
        itsm__jpath kp = itsm__jpath_key(rp, parts[k]);
        if (v != NULL)
            rc = readers[k](r, v, &kp);
    }
    return rc;
}

itsm_status itsm_calendar_spec_from_json(itsm_calendar_spec **out, const char *json, size_t len,
                                         const itsm_holiday_set *const *sets, size_t n_sets)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(json);
    if (n_sets > 0)
        ITSM__CHECK_ARG(sets);
    for (size_t k = 0; k < n_sets; k++) {
        if (sets[k] == NULL)
            return itsm__error(ITSM_EINVAL, "%s: sets[%zu] is NULL", __func__, k);
    }
    json_t *root = NULL;
    int rc = itsm__json_load(&root, json, len, "calendar");
    if (rc != ITSM_OK)
        return rc;
    itsm__jpath rp = itsm__jpath_root();
    static const char *const keys[] = {"itsm_schema", "type",   "name", "zone",    "zoneinfo_dir",
                                       "week",        "holidays", "closed", "open", "options", NULL};
    static const char *const types[] = {"calendar", NULL};
    size_t which = 0;
    /* The header first: a newer document may well have keys this library does not know. */
    rc = itsm__json_check_header(&which, root, ITSM__CALENDAR_SCHEMA, types, &rp);
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(root, keys, &rp);
    reader r = {NULL, sets, n_sets};
    if (rc == ITSM_OK)
        rc = read_identity(&r.spec, root, &rp);
    if (rc == ITSM_OK)
        rc = read_body(&r, root, &rp);
    json_decref(root);
    if (rc != ITSM_OK) {
        itsm_calendar_spec_free(r.spec);
        return rc;
    }
    *out = r.spec;
    return ITSM_OK;
}

itsm_status itsm_calendar_from_json(itsm_calendar **out, const char *json, size_t len,
                                    const itsm_holiday_set *const *sets, size_t n_sets)
{
    ITSM__CHECK_ARG(out);
    itsm_calendar_spec *spec = NULL;
    int rc = itsm_calendar_spec_from_json(&spec, json, len, sets, n_sets);
    if (rc != ITSM_OK)
        return rc;
    itsm_calendar *cal = NULL;
    rc = itsm_calendar_compile(&cal, spec);
    itsm_calendar_spec_free(spec);
    if (rc != ITSM_OK) {
        itsm__jpath rp = itsm__jpath_root();
        return itsm__jpath_wrap(rc, &rp);
    }
    *out = cal;
    return ITSM_OK;
}
