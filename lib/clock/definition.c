/* Clock definitions: validation of the options, the code classes (a table for small codes,
 * a sorted array for the rest), thresholds and per-priority targets. */
#include "clock/clock_internal.h"
#include "internal.h"

#include <stdio.h>
#include <string.h>

static const int32_t default_thresholds[] = {500, 750, 900, 1000};
#define MAX_THRESHOLD 100000

typedef struct code_set {
    const int32_t *codes;
    size_t n;
    unsigned cls;
    const char *name;
} code_set;

/* Pairs of classes a code may not have both of. */
static const unsigned exclusive[][2] = {
    {ITSM__CLK_PAUSE, ITSM__CLK_STOP}, {ITSM__CLK_PAUSE, ITSM__CLK_CANCEL}, {ITSM__CLK_STOP, ITSM__CLK_CANCEL},
    {ITSM__CLK_START, ITSM__CLK_STOP}, {ITSM__CLK_START, ITSM__CLK_CANCEL}, {ITSM__CLK_REOPEN, ITSM__CLK_STOP},
    {ITSM__CLK_REOPEN, ITSM__CLK_CANCEL}};

static const char *class_name(unsigned cls)
{
    switch (cls) {
    case ITSM__CLK_START:
        return "start";
    case ITSM__CLK_PAUSE:
        return "pause";
    case ITSM__CLK_STOP:
        return "stop";
    case ITSM__CLK_CANCEL:
        return "cancel";
    default:
        return "reopen";
    }
}

static int check_exclusive(int32_t code, unsigned cls)
{
    for (size_t i = 0; i < sizeof exclusive / sizeof exclusive[0]; i++)
        if ((cls & exclusive[i][0]) && (cls & exclusive[i][1]))
            return itsm__error(ITSM_EINVAL, "itsm_clock_definition_new: code %d is in both the %s and the %s set",
                               (int)code, class_name(exclusive[i][0]), class_name(exclusive[i][1]));
    return ITSM_OK;
}

/* Add the class of one code: the table, or the sorted array (insertion keeps it sorted;
 * sets are small, and the array was sized for every code given). */
static int add_code(itsm_clock_definition *def, int32_t code, unsigned cls)
{
    if (code >= 0 && code < ITSM__CLK_SMALL) {
        def->small[code] = (uint8_t)(def->small[code] | cls);
        return check_exclusive(code, def->small[code]);
    }
    size_t i = 0;
    while (i < def->n_codes && def->codes[i] < code)
        i++;
    if (i < def->n_codes && def->codes[i] == code) {
        def->classes[i] = (uint8_t)(def->classes[i] | cls);
        return check_exclusive(code, def->classes[i]);
    }
    memmove(def->codes + i + 1, def->codes + i, (def->n_codes - i) * sizeof *def->codes);
    memmove(def->classes + i + 1, def->classes + i, (def->n_codes - i) * sizeof *def->classes);
    def->codes[i] = code;
    def->classes[i] = (uint8_t)cls;
    def->n_codes++;
    return ITSM_OK;
}

static int add_sets(itsm_clock_definition *def, const itsm_clock_options *o)
{
    const code_set sets[] = {{o->start, o->n_start, ITSM__CLK_START, "start"},
                             {o->pause, o->n_pause, ITSM__CLK_PAUSE, "pause"},
                             {o->stop, o->n_stop, ITSM__CLK_STOP, "stop"},
                             {o->cancel, o->n_cancel, ITSM__CLK_CANCEL, "cancel"},
                             {o->reopen, o->n_reopen, ITSM__CLK_REOPEN, "reopen"}};
    size_t total = 0;
    for (size_t s = 0; s < sizeof sets / sizeof sets[0]; s++) {
        if (sets[s].n > 0 && sets[s].codes == NULL)
            return itsm__error(ITSM_EINVAL, "itsm_clock_definition_new: %s is NULL with n_%s %zu", sets[s].name,
                               sets[s].name, sets[s].n);
        total += sets[s].n;
    }
    if (total > 0) {
        def->codes = itsm__calloc(total, sizeof *def->codes, "clock codes");
        def->classes = itsm__calloc(total, sizeof *def->classes, "clock codes");
        if (def->codes == NULL || def->classes == NULL)
            return ITSM_ENOMEM;
    }
    for (size_t s = 0; s < sizeof sets / sizeof sets[0]; s++) {
        for (size_t i = 0; i < sets[s].n; i++) {
            int rc = add_code(def, sets[s].codes[i], sets[s].cls);
            if (rc != ITSM_OK)
                return rc;
        }
    }
    if (o->n_start == 0 || o->n_stop == 0)
        return itsm__error(ITSM_EINVAL, "itsm_clock_definition_new: the %s set is empty",
                           o->n_start == 0 ? "start" : "stop");
    def->has_reopen_set = o->n_reopen > 0;
    return ITSM_OK;
}

static int set_thresholds(itsm_clock_definition *def, const itsm_clock_options *o)
{
    const int32_t *t = o->thresholds;
    size_t n = o->n_thresholds;
    if (t == NULL && n == 0) {
        t = default_thresholds;
        n = sizeof default_thresholds / sizeof default_thresholds[0];
    }
    if (t == NULL || n > ITSM_CLOCK_MAX_THRESHOLDS)
        return itsm__error(ITSM_EINVAL, "itsm_clock_definition_new: thresholds: %zu given, expected 1..%d", n,
                           ITSM_CLOCK_MAX_THRESHOLDS);
    for (size_t i = 0; i < n; i++) {
        if (t[i] < 1 || t[i] > MAX_THRESHOLD || (i > 0 && t[i] <= t[i - 1]))
            return itsm__error(ITSM_EINVAL, "itsm_clock_definition_new: thresholds[%zu] = %d: thresholds are per "
                                            "mille, 1..%d, strictly ascending", i, (int)t[i], MAX_THRESHOLD);
        def->thresholds[i] = t[i];
    }
    def->n_thresholds = n;
    return ITSM_OK;
}

/* A rule naming a party's calendar must run on that calendar. */
static int check_rule(const itsm_deadline *rule, const itsm_calendar *cal, const char *what)
{
    int rc = itsm_deadline_check(rule);
    if (rc != ITSM_OK)
        return itsm__error_prefix(rc, "itsm_clock_definition_new: %s", what);
    const char *name = itsm_calendar_name(cal);
    if (rule->calendar[0] == '\0')
        return ITSM_OK;
    size_t n = strlen(rule->calendar);
    bool same = strlen(name) == n;
    for (size_t i = 0; same && i < n; i++) {
        char c = name[i];
        same = (char)((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c) == rule->calendar[i];
    }
    if (!same)
        return itsm__error(ITSM_EINVAL, "itsm_clock_definition_new: %s runs on the '%s' calendar but the clock's "
                                        "calendar is '%s'", what, rule->calendar, name);
    return ITSM_OK;
}

static int set_targets(itsm_clock_definition *def, const itsm_clock_options *o)
{
    int rc = check_rule(&o->target, o->calendar, "target");
    if (rc != ITSM_OK)
        return rc;
    def->target = o->target;
    size_t n = o->n_priority_targets;
    if (n == 0)
        return ITSM_OK;
    if (o->target_priorities == NULL || o->priority_targets == NULL)
        return itsm__error(ITSM_EINVAL, "itsm_clock_definition_new: n_priority_targets is %zu but target_priorities "
                                        "or priority_targets is NULL", n);
    def->priorities = itsm__calloc(n, sizeof *def->priorities, "clock priorities");
    def->priority_targets = itsm__calloc(n, sizeof *def->priority_targets, "clock priority targets");
    if (def->priorities == NULL || def->priority_targets == NULL)
        return ITSM_ENOMEM;
    char what[64];
    for (size_t i = 0; i < n; i++) {
        int32_t p = o->target_priorities[i];
        (void)snprintf(what, sizeof what, "priority_targets[%zu]", i);
        rc = check_rule(&o->priority_targets[i], o->calendar, what);
        for (size_t j = 0; rc == ITSM_OK && j < i; j++)
            if (def->priorities[j] == p)
                rc = itsm__error(ITSM_EINVAL, "itsm_clock_definition_new: target_priorities[%zu] = %d repeats "
                                              "target_priorities[%zu]", i, (int)p, j);
        if (rc == ITSM_OK && p <= 0)
            rc = itsm__error(ITSM_EINVAL, "itsm_clock_definition_new: target_priorities[%zu] = %d is not >= 1", i,
                             (int)p);
        if (rc != ITSM_OK)
            return rc;
        def->priorities[i] = p;
        def->priority_targets[i] = o->priority_targets[i];
    }
    def->n_priority = n;
    return ITSM_OK;
}

static int check_options(const itsm_clock_options *o)
{
    if (o->version < 1 || o->version > ITSM_CLOCK_OPTIONS_VERSION)
        return itsm__error(ITSM_EVERSION, "itsm_clock_definition_new: options version %u is not 1..%d", o->version,
                           ITSM_CLOCK_OPTIONS_VERSION);
    if (o->calendar == NULL)
        return itsm__error(ITSM_EINVAL, "itsm_clock_definition_new: calendar is NULL (use a 24x7 calendar for "
                                        "wall-clock targets)");
    if ((o->flags & ~(unsigned)(ITSM_CLOCK_RETRO_START | ITSM_CLOCK_RETRO_PAUSE)) != 0)
        return itsm__error(ITSM_EINVAL, "itsm_clock_definition_new: flags 0x%x has unknown bits", o->flags);
    if ((o->flags & ITSM_CLOCK_RETRO_PAUSE) && !(o->flags & ITSM_CLOCK_RETRO_START))
        return itsm__error(ITSM_EINVAL, "itsm_clock_definition_new: ITSM_CLOCK_RETRO_PAUSE needs "
                                        "ITSM_CLOCK_RETRO_START");
    if ((int)o->reopen_policy < 0 || (int)o->reopen_policy > ITSM_REOPEN_NEVER)
        return itsm__error(ITSM_EINVAL, "itsm_clock_definition_new: reopen_policy %d is not an itsm_reopen_policy",
                           (int)o->reopen_policy);
    if ((int)o->retarget_policy < 0 || (int)o->retarget_policy > ITSM_RETARGET_RESTART)
        return itsm__error(ITSM_EINVAL, "itsm_clock_definition_new: retarget_policy %d is not an "
                                        "itsm_retarget_policy", (int)o->retarget_policy);
    return ITSM_OK;
}

itsm_status itsm_clock_definition_new(itsm_clock_definition **out, const itsm_clock_options *options)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(options);
    int rc = check_options(options);
    if (rc != ITSM_OK)
        return rc;
    itsm_clock_definition *def = itsm__calloc(1, sizeof *def, "clock definition");
    if (def == NULL)
        return ITSM_ENOMEM;
    def->flags = options->flags;
    def->reopen_policy = options->reopen_policy;
    def->retarget_policy = options->retarget_policy;
    def->cal = options->calendar;
    rc = add_sets(def, options);
    if (rc == ITSM_OK)
        rc = set_thresholds(def, options);
    if (rc == ITSM_OK)
        rc = set_targets(def, options);
    if (rc != ITSM_OK) {
        itsm_clock_definition_free(def);
        return rc;
    }
    *out = def;
    return ITSM_OK;
}

void itsm_clock_definition_free(itsm_clock_definition *def)
{
    if (def == NULL)
        return;
    itsm__free(def->codes);
    itsm__free(def->classes);
    itsm__free(def->priorities);
    itsm__free(def->priority_targets);
    itsm__free(def);
}

size_t itsm_clock_definition_threshold_count(const itsm_clock_definition *def)
{
    return def == NULL ? 0 : def->n_thresholds;
}

itsm_status itsm_clock_definition_threshold(int32_t *out, const itsm_clock_definition *def, size_t index)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(def);
    if (index >= def->n_thresholds)
        return itsm__error(ITSM_ERANGE, "itsm_clock_definition_threshold: index %zu is past the %zu thresholds", index,
                           def->n_thresholds);
    *out = def->thresholds[index];
    return ITSM_OK;
}

const itsm_deadline *itsm__clock_rule(const itsm_clock_definition *def, int32_t priority)
{
    for (size_t i = 0; i < def->n_priority; i++)
        if (def->priorities[i] == priority)
            return &def->priority_targets[i];
    return &def->target;
}
