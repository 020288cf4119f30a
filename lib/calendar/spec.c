/* Calendar specs: validated building blocks (weekly intervals, closures, openings,
 * holiday sets, options) that compile.c turns into per-day tables. Every setter checks
 * its input and either changes the spec completely or not at all, so that a failed call
 * (bad value, allocation failure) leaves a usable spec behind. */
#include "calendar/calendar_internal.h"
#include "internal.h"
#include "time/civil.h"

#include <string.h>

/* ---- small helpers ------------------------------------------------------------------ */

static int check_time(int32_t seconds, const char *fn, const char *what)
{
    if (seconds < 0 || seconds > ITSM_SECONDS_PER_DAY)
        return itsm__error(ITSM_EINVAL, "%s: %s %d is not a time of day 0 .. 86400 (00:00 .. 24:00)", fn, what,
                           (int)seconds);
    return ITSM_OK;
}

/* A part of a local date: 0 <= from < to <= 86400. */
static int check_part(int32_t from, int32_t to, const char *fn)
{
    int rc = check_time(from, fn, "from");
    if (rc == ITSM_OK)
        rc = check_time(to, fn, "to");
    if (rc == ITSM_OK && from >= to)
        return itsm__error(ITSM_EINVAL, "%s: from %d must be before to %d (a part of one local date)", fn,
                           (int)from, (int)to);
    return rc;
}

/* ---- new / free ----------------------------------------------------------------------- */

static void spec_release(itsm_calendar_spec *s)
{
    itsm__free(s->name);
    itsm__free(s->zone);
    itsm__free(s->zoneinfo_dir);
    itsm_tz_free(s->tz);
    for (int i = 0; i < 7; i++)
        itsm__free(s->week[i]);
    itsm__free(s->closures);
    itsm__free(s->openings);
    for (size_t i = 0; i < s->set_count; i++)
        itsm_holiday_set_free(s->sets[i]);
    itsm__free(s->sets);
    itsm__free(s);
}

void itsm_calendar_spec_free(itsm_calendar_spec *spec)
{
    if (spec != NULL)
        spec_release(spec);
}

static void set_defaults(itsm_calendar_spec *s)
{
    s->option[ITSM_CAL_CLOSURE_SPLITS_OVERNIGHT] = 0;
    s->option[ITSM_CAL_HALF_DAY_SECONDS] = 0;
    s->option[ITSM_CAL_SEARCH_HORIZON_DAYS] = ITSM__CAL_DEFAULT_HORIZON_DAYS;
    s->option[ITSM_CAL_SNAP_DEADLINE_TO_OPEN] = 0;
}

/* The header with name, zone and directory, without any rule yet. */
static int spec_shell(itsm_calendar_spec **out, const char *name, const char *zone, const char *dir)
{
    itsm_calendar_spec *s = itsm__calloc(1, sizeof *s, "calendar spec");
    if (s == NULL)
        return ITSM_ENOMEM;
    set_defaults(s);
    int rc = ITSM_ENOMEM;
    if ((s->name = itsm__strdup(name, "calendar name")) == NULL ||
        (s->zone = itsm__strdup(zone, "calendar zone name")) == NULL ||
        (dir != NULL && (s->zoneinfo_dir = itsm__strdup(dir, "zoneinfo directory")) == NULL) ||
        (rc = itsm_tz_load(&s->tz, zone, dir)) != ITSM_OK) {
        spec_release(s);
        return rc;
    }
    *out = s;
    return ITSM_OK;
}

itsm_status itsm_calendar_spec_new(itsm_calendar_spec **out, const char *name, const char *zone,
                                   const char *zoneinfo_dir)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(name);
    ITSM__CHECK_ARG(zone);
    if (name[0] == '\0')
        return itsm__error(ITSM_EINVAL, "itsm_calendar_spec_new: the calendar name is empty");
    return spec_shell(out, name, zone, zoneinfo_dir);
}

/* ---- weekly template ------------------------------------------------------------------ */

/* Insert [start, end) into a weekday's sorted list, merging every interval that overlaps
 * or touches it. The caller reserved room for one more element. */
static void merge_interval(itsm__cal_interval *v, size_t *count, int32_t start, int32_t end)
{
    size_t n = *count, i = 0;
    while (i < n && v[i].end < start)
        i++;
    size_t j = i;
    while (j < n && v[j].start <= end) {
        if (v[j].start < start)
            start = v[j].start;
        if (v[j].end > end)
            end = v[j].end;
        j++;
    }
    /* v[i .. j) is absorbed: replace it with the union (j == i: a plain insertion). */
    memmove(v + i + 1, v + j, (n - j) * sizeof *v);
    v[i] = (itsm__cal_interval){start, end};
    *count = n - (j - i) + 1;
}

static int check_interval(int weekday, int32_t start, int32_t end, unsigned int flags)
{
    static const char fn[] = "itsm_calendar_spec_add_interval";
    if (weekday < 1 || weekday > 7)
        return itsm__error(ITSM_EINVAL, "%s: weekday %d is not an ISO weekday 1 (Monday) .. 7 (Sunday)", fn,
                           weekday);
    if (flags != ITSM_INTERVAL_SAME_DAY && flags != ITSM_INTERVAL_OVERNIGHT)
        return itsm__error(ITSM_EINVAL, "%s: flags 0x%x is not ITSM_INTERVAL_SAME_DAY or ITSM_INTERVAL_OVERNIGHT",
                           fn, flags);
    int rc = check_time(start, fn, "start");
    if (rc == ITSM_OK)
        rc = check_time(end, fn, "end");
    if (rc != ITSM_OK)
        return rc;
    if (flags == ITSM_INTERVAL_SAME_DAY && start >= end)
        return itsm__error(ITSM_EINVAL, "%s: weekday %d: start %d is not before end %d (an interval that runs "
                           "past midnight needs ITSM_INTERVAL_OVERNIGHT)", fn, weekday, (int)start, (int)end);
    if (flags == ITSM_INTERVAL_OVERNIGHT && (end > start || start == ITSM_SECONDS_PER_DAY))
        return itsm__error(ITSM_EINVAL, "%s: weekday %d: overnight interval %d-%d must end at or before its "
                           "start time of day, and start before 24:00", fn, weekday, (int)start, (int)end);
    return ITSM_OK;
}

itsm_status itsm_calendar_spec_add_interval(itsm_calendar_spec *spec, int weekday, int32_t start, int32_t end,
                                            unsigned int flags)
{
    ITSM__CHECK_ARG(spec);
    int rc = check_interval(weekday, start, end, flags);
    if (rc != ITSM_OK)
        return rc;
    size_t w = (size_t)(weekday - 1);
    rc = itsm__reserve((void **)&spec->week[w], &spec->week_cap[w], spec->week_count[w] + 1, sizeof *spec->week[w],
                 "calendar weekly intervals");
    if (rc != ITSM_OK)
        return rc;
    if (flags == ITSM_INTERVAL_OVERNIGHT)
        end += ITSM_SECONDS_PER_DAY;
    merge_interval(spec->week[w], &spec->week_count[w], start, end);
    return ITSM_OK;
}

/* ---- holidays, closures, openings ------------------------------------------------------- */

/* A spec-owned copy of a set, under the same name. */
static int copy_set(itsm_holiday_set **out, const itsm_holiday_set *set)
{
    itsm_holiday_set *copy = NULL;
    int rc = itsm_holiday_set_new(&copy, itsm_holiday_set_name(set));
    if (rc == ITSM_OK)
        rc = itsm_holiday_set_add_set(copy, set);
    if (rc != ITSM_OK) {
        itsm_holiday_set_free(copy);
        return rc;
    }
    *out = copy;
    return ITSM_OK;
}

itsm_status itsm_calendar_spec_add_holidays(itsm_calendar_spec *spec, const itsm_holiday_set *set)
{
    ITSM__CHECK_ARG(spec);
    ITSM__CHECK_ARG(set);
    int rc = itsm__reserve((void **)&spec->sets, &spec->set_cap, spec->set_count + 1, sizeof *spec->sets,
                     "calendar holiday sets");
    if (rc == ITSM_OK)
        rc = copy_set(&spec->sets[spec->set_count], set);
    if (rc == ITSM_OK)
        spec->set_count++;
    return rc;
}

static int add_closure(itsm_calendar_spec *spec, itsm_date date, int32_t from, int32_t to, bool whole)
{
    int rc = itsm__reserve((void **)&spec->closures, &spec->closure_cap, spec->closure_count + 1,
                     sizeof *spec->closures, "calendar closures");
    if (rc == ITSM_OK)
        spec->closures[spec->closure_count++] = (itsm__cal_closure){date, from, to, whole};
    return rc;
}

itsm_status itsm_calendar_spec_close_date(itsm_calendar_spec *spec, itsm_date date)
{
    ITSM__CHECK_ARG(spec);
    int rc = itsm__check_date(&date, "itsm_calendar_spec_close_date");
    if (rc != ITSM_OK)
        return rc;
    return add_closure(spec, date, 0, ITSM_SECONDS_PER_DAY, true);
}

itsm_status itsm_calendar_spec_close_part(itsm_calendar_spec *spec, itsm_date date, int32_t from, int32_t to)
{
    ITSM__CHECK_ARG(spec);
    int rc = itsm__check_date(&date, "itsm_calendar_spec_close_part");
    if (rc == ITSM_OK)
        rc = check_part(from, to, "itsm_calendar_spec_close_part");
    if (rc != ITSM_OK)
        return rc;
    return add_closure(spec, date, from, to, false);
}

itsm_status itsm_calendar_spec_open_date(itsm_calendar_spec *spec, itsm_date date, int32_t from, int32_t to,
                                         int replace)
{
    static const char fn[] = "itsm_calendar_spec_open_date";
    ITSM__CHECK_ARG(spec);
    int rc = itsm__check_date(&date, fn);
    if (rc == ITSM_OK)
        rc = check_part(from, to, fn);
    if (rc == ITSM_OK && replace != 0 && replace != 1)
        rc = itsm__error(ITSM_EINVAL, "%s: replace %d is not 0 (add to the template) or 1 (instead of it)", fn,
                         replace);
    if (rc == ITSM_OK)
        rc = itsm__reserve((void **)&spec->openings, &spec->opening_cap, spec->opening_count + 1,
                     sizeof *spec->openings, "calendar openings");
    if (rc == ITSM_OK)
        spec->openings[spec->opening_count++] = (itsm__cal_opening){date, from, to, replace == 1};
    return rc;
}

/* ---- options ------------------------------------------------------------------------------ */

static int check_option(itsm_calendar_option option, int64_t value)
{
    static const char fn[] = "itsm_calendar_spec_set_option";
    switch (option) {
    case ITSM_CAL_CLOSURE_SPLITS_OVERNIGHT:
    case ITSM_CAL_SNAP_DEADLINE_TO_OPEN:
        if (value != 0 && value != 1)
            return itsm__error(ITSM_EINVAL, "%s: option %d takes 0 or 1, not %lld", fn, (int)option,
                               (long long)value);
        return ITSM_OK;
    case ITSM_CAL_HALF_DAY_SECONDS:
        if (value < 0 || value > ITSM__CAL_MAX_HALF_DAY_SECONDS)
            return itsm__error(ITSM_EINVAL, "%s: ITSM_CAL_HALF_DAY_SECONDS %lld is not 0 .. %d seconds", fn,
                               (long long)value, ITSM__CAL_MAX_HALF_DAY_SECONDS);
        return ITSM_OK;
    case ITSM_CAL_SEARCH_HORIZON_DAYS:
        if (value < 1 || value > ITSM__CAL_MAX_HORIZON_DAYS)
            return itsm__error(ITSM_EINVAL, "%s: ITSM_CAL_SEARCH_HORIZON_DAYS %lld is not 1 .. %d days", fn,
                               (long long)value, ITSM__CAL_MAX_HORIZON_DAYS);
        return ITSM_OK;
    }
    return itsm__error(ITSM_EINVAL, "%s: option %d is not an itsm_calendar_option", fn, (int)option);
}

itsm_status itsm_calendar_spec_set_option(itsm_calendar_spec *spec, itsm_calendar_option option, int64_t value)
{
    ITSM__CHECK_ARG(spec);
    int rc = check_option(option, value);
    if (rc != ITSM_OK)
        return rc;
    spec->option[option] = value;
    spec->option_set |= 1u << (unsigned)option;
    return ITSM_OK;
}

/* ---- deep copy (kept inside a compiled calendar) --------------------------------------------- */

/* Copy `count` elements into a fresh array (NULL when empty). */
static int dup_array(void **out, const void *src, size_t count, size_t size, const char *what)
{
    *out = NULL;
    if (count == 0)
        return ITSM_OK;
    *out = itsm__malloc(count * size, what);
    if (*out == NULL)
        return ITSM_ENOMEM;
    memcpy(*out, src, count * size);
    return ITSM_OK;
}

static int copy_rules(itsm_calendar_spec *d, const itsm_calendar_spec *s)
{
    int rc = ITSM_OK;
    for (int w = 0; w < 7 && rc == ITSM_OK; w++) {
        rc = dup_array((void **)&d->week[w], s->week[w], s->week_count[w], sizeof *s->week[w],
                       "calendar weekly intervals");
        d->week_count[w] = d->week_cap[w] = d->week[w] != NULL ? s->week_count[w] : 0;
    }
    if (rc == ITSM_OK && (rc = dup_array((void **)&d->closures, s->closures, s->closure_count,
                                         sizeof *s->closures, "calendar closures")) == ITSM_OK)
        d->closure_count = d->closure_cap = s->closure_count;
    if (rc == ITSM_OK && (rc = dup_array((void **)&d->openings, s->openings, s->opening_count,
                                         sizeof *s->openings, "calendar openings")) == ITSM_OK)
        d->opening_count = d->opening_cap = s->opening_count;
    if (rc == ITSM_OK && s->set_count > 0) {
        d->sets = itsm__calloc(s->set_count, sizeof *d->sets, "calendar holiday sets");
        if (d->sets == NULL)
            return ITSM_ENOMEM;
        /* Slots not yet filled stay NULL, which spec_release() skips. */
        d->set_cap = d->set_count = s->set_count;
        for (size_t i = 0; i < s->set_count && rc == ITSM_OK; i++)
            rc = copy_set(&d->sets[i], s->sets[i]);
    }
    return rc;
}

int itsm__calendar_spec_copy(itsm_calendar_spec **out, const itsm_calendar_spec *src)
{
    itsm_calendar_spec *d = NULL;
    int rc = spec_shell(&d, src->name, src->zone, src->zoneinfo_dir);
    if (rc != ITSM_OK)
        return rc;
    memcpy(d->option, src->option, sizeof d->option);
    d->option_set = src->option_set;
    rc = copy_rules(d, src);
    if (rc != ITSM_OK) {
        spec_release(d);
        return rc;
    }
    *out = d;
    return ITSM_OK;
}
