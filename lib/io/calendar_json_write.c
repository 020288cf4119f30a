/* Calendar documents: a compiled calendar's definition back into JSON, in the canonical
 * form that itsm_calendar_from_json() reads into an equal calendar.
 *
 * Canonical means: keys in a fixed order; all seven weekdays; intervals as "HH:MM-HH:MM"
 * (seconds only when non-zero) or {"from", "to", "overnight": true}; closures and
 * openings in the order they were added, consecutive openings of one date merged into one
 * entry; options only where they differ from the defaults. Reading this output and
 * writing it again gives the same text. */
#include "internal.h"
#include "calendar/calendar_internal.h"
#include "io/calendar_json.h"
#include "io/holiday_json.h"
#include "io/json_value.h"

#include "itsm/calendar.h"

#include <jansson.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* jansson reports allocation failures as NULL: each helper below takes ownership of the
 * value it is given (as json_object_set_new does) and turns NULL into ITSM_ENOMEM. */
static int put(json_t *obj, const char *key, json_t *value)
{
    return itsm__json_put(obj, key, value, "itsm_calendar_to_json");
}

static int append(json_t *array, json_t *value)
{
    return itsm__json_append(array, value, "itsm_calendar_to_json");
}

/* A string of the spec as a JSON string. Names given through the C API need not be
 * UTF-8, which JSON requires. */
static int put_text(json_t *obj, const char *key, const char *text)
{
    if (!itsm__utf8_valid(text))
        return itsm__error(ITSM_EINVAL, "itsm_calendar_to_json: the calendar's %s is not valid UTF-8", key);
    return put(obj, key, json_string(text));
}

static json_t *time_text(int32_t seconds)
{
    char buf[ITSM_LOCAL_TIME_TEXT_SIZE];
    if (itsm_local_time_format(buf, sizeof buf, seconds) != ITSM_OK)
        return NULL;
    return json_string(buf);
}

static json_t *date_text(itsm_date date)
{
    char buf[ITSM_DATE_TEXT_SIZE];
    if (itsm_date_format(buf, sizeof buf, date) != ITSM_OK)
        return NULL;
    return json_string(buf);
}

/* "HH:MM-HH:MM" of a same-day interval. */
static json_t *interval_text(int32_t from, int32_t to)
{
    char a[ITSM_LOCAL_TIME_TEXT_SIZE], b[ITSM_LOCAL_TIME_TEXT_SIZE];
    char buf[2 * ITSM_LOCAL_TIME_TEXT_SIZE + 1];
    if (itsm_local_time_format(a, sizeof a, from) != ITSM_OK || itsm_local_time_format(b, sizeof b, to) != ITSM_OK)
        return NULL;
    (void)snprintf(buf, sizeof buf, "%s-%s", a, b);
    return json_string(buf);
}

static json_t *week_interval(const itsm__cal_interval *iv)
{
    if (!itsm__interval_is_overnight(iv))
        return interval_text(iv->start, iv->end);
    json_t *obj = json_object();
    if (obj == NULL || put(obj, "from", time_text(iv->start)) != ITSM_OK ||
        put(obj, "to", time_text(itsm__interval_end_of_day(iv))) != ITSM_OK ||
        put(obj, "overnight", json_true()) != ITSM_OK) {
        json_decref(obj);
        return NULL;
    }
    return obj;
}

static json_t *week_json(const itsm_calendar_spec *s)
{
    json_t *week = json_object();
    for (int wd = 1; week != NULL && wd <= 7; wd++) {
        json_t *list = json_array();
        for (size_t i = 0; list != NULL && i < itsm__spec_week_count(s, wd); i++) {
            if (append(list, week_interval(itsm__spec_week(s, wd) + i)) != ITSM_OK) {
                json_decref(list);
                list = NULL;
            }
        }
        if (put(week, itsm__json_weekday_keys[wd - 1], list) != ITSM_OK) {
            json_decref(week);
            week = NULL;
        }
    }
    return week;
}

static json_t *closure_json(const itsm__cal_closure *c)
{
    if (c->whole)
        return date_text(c->date);
    json_t *obj = json_object();
    if (obj == NULL || put(obj, "date", date_text(c->date)) != ITSM_OK ||
        put(obj, "from", time_text(c->from)) != ITSM_OK || put(obj, "to", time_text(c->to)) != ITSM_OK) {
        json_decref(obj);
        return NULL;
    }
    return obj;
}

static bool same_date(itsm_date a, itsm_date b) { return a.year == b.year && a.month == b.month && a.day == b.day; }

/* Openings [*i, ...) of one date and one replace flag as one entry; *i moves past them. */
static json_t *opening_json(const itsm_calendar_spec *s, size_t *i)
{
    const itsm__cal_opening *first = &s->openings[*i];
    json_t *obj = json_object();
    json_t *list = json_array();
    if (obj == NULL || list == NULL || put(obj, "date", date_text(first->date)) != ITSM_OK) {
        json_decref(obj);
        json_decref(list);
        return NULL;
    }
    int rc = put(obj, "intervals", list);
    size_t k = *i;
    for (; rc == ITSM_OK && k < s->opening_count; k++) {
        const itsm__cal_opening *o = &s->openings[k];
        if (!same_date(o->date, first->date) || o->replace != first->replace)
            break;
        rc = append(list, interval_text(o->from, o->to));
    }
    if (rc == ITSM_OK && first->replace)
        rc = put(obj, "replace", json_true());
    if (rc != ITSM_OK) {
        json_decref(obj);
        return NULL;
    }
    *i = k;
    return obj;
}

/* Options that differ from their defaults. */
static int options_json(json_t *root, const itsm_calendar_spec *s)
{
    json_t *opts = json_object();
    if (opts == NULL)
        return put(root, "options", NULL);
    int rc = ITSM_OK;
    if (s->option[ITSM_CAL_CLOSURE_SPLITS_OVERNIGHT] != 0)
        rc = put(opts, "closure_splits_overnight", json_true());
    if (rc == ITSM_OK && s->option[ITSM_CAL_HALF_DAY_SECONDS] != 0) {
        char buf[ITSM_DURATION_TEXT_SIZE];
        rc = itsm_duration_format(buf, sizeof buf, s->option[ITSM_CAL_HALF_DAY_SECONDS]);
        if (rc == ITSM_OK)
            rc = put(opts, "half_day", json_string(buf));
    }
    if (rc == ITSM_OK && s->option[ITSM_CAL_SEARCH_HORIZON_DAYS] != ITSM__CAL_DEFAULT_HORIZON_DAYS)
        rc = put(opts, "search_horizon_days", json_integer(s->option[ITSM_CAL_SEARCH_HORIZON_DAYS]));
    if (rc == ITSM_OK && s->option[ITSM_CAL_SNAP_DEADLINE_TO_OPEN] != 0)
        rc = put(opts, "snap_deadline_to_open", json_true());
    if (rc != ITSM_OK || json_object_size(opts) == 0) {
        json_decref(opts);
        return rc;
    }
    return put(root, "options", opts);
}

static int body_json(json_t *root, const itsm_calendar_spec *s)
{
    int rc = put(root, "week", week_json(s));
    if (rc == ITSM_OK && s->set_count > 0) {
        json_t *list = json_array();
        rc = put(root, "holidays", list);
        for (size_t i = 0; rc == ITSM_OK && i < s->set_count; i++) {
            json_t *set = NULL;
            rc = itsm__holiday_set_to_json(&set, s->sets[i]);
            if (rc == ITSM_OK)
                rc = append(list, set);
        }
    }
    if (rc == ITSM_OK && s->closure_count > 0) {
        json_t *list = json_array();
        rc = put(root, "closed", list);
        for (size_t i = 0; rc == ITSM_OK && i < s->closure_count; i++)
            rc = append(list, closure_json(&s->closures[i]));
    }
    if (rc == ITSM_OK && s->opening_count > 0) {
        json_t *list = json_array();
        rc = put(root, "open", list);
        for (size_t i = 0; rc == ITSM_OK && i < s->opening_count;)
            rc = append(list, opening_json(s, &i));
    }
    if (rc == ITSM_OK)
        rc = options_json(root, s);
    return rc;
}

itsm_status itsm_calendar_to_json(char **out, const itsm_calendar *cal)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(cal);
    const itsm_calendar_spec *s = itsm__calendar_spec(cal);
    json_t *root = json_object();
    int rc = root != NULL ? ITSM_OK : itsm__error(ITSM_ENOMEM, "itsm_calendar_to_json: out of memory");
    if (rc == ITSM_OK)
        rc = put(root, "itsm_schema", json_integer(ITSM__CALENDAR_SCHEMA));
    if (rc == ITSM_OK)
        rc = put(root, "type", json_string("calendar"));
    if (rc == ITSM_OK)
        rc = put_text(root, "name", s->name);
    if (rc == ITSM_OK)
        rc = put_text(root, "zone", s->zone);
    if (rc == ITSM_OK && s->zoneinfo_dir != NULL)
        rc = put_text(root, "zoneinfo_dir", s->zoneinfo_dir);
    if (rc == ITSM_OK)
        rc = body_json(root, s);
    if (rc == ITSM_OK)
        rc = itsm__json_dump(out, root, "itsm_calendar_to_json");
    json_decref(root);
    return rc;
}
