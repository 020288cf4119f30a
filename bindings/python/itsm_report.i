/*
 * itsm_report.i - itsm/report.h in itsm.itsm_native (included by itsm.i after
 * itsm_metrics.i, so the buffer typemaps of itsm_clock.i are in force).
 *
 *   - itsm_dataset ** / itsm_calendar_set ** / itsm_report ** -> owning NativeDataset,
 *     NativeCalendarSet, NativeReport; a calendar set borrows its calendars (the Python
 *     layer keeps references);
 *   - the dataset is filled from C-contiguous numpy buffers (None for an optional array);
 *     per-record texts travel as int32 indices into a table of names joined by newlines
 *     (-1: none), ids as one newline-joined text (names and ids may not hold a newline;
 *     the Python layer checks);
 *   - period_make(kind, year, index, end_date, zone) -> (from, to, label) for kind 0
 *     month, 1 quarter, 2 year, 3 rolling (index = days);
 *   - report_evaluate(agreement, calendars, dataset, from, to, label, counting, as_of,
 *     max_breaches) -> NativeReport (as_of None: the period's end); the Python layer
 *     reads the report through report_to_json and report_markdown.
 */

%{
#include "itsm/report.h"

/* Split a newline-joined text into at most n pointers into a copy (freed by the caller). */
static char *itsmpy_split_lines(const char **out, size_t n, const char *text, size_t *count)
{
    *count = 0;
    if (text == NULL)
        return NULL;
    size_t len = strlen(text);
    char *copy = malloc(len + 1);
    if (copy == NULL)
        return NULL;
    memcpy(copy, text, len + 1);
    char *p = copy;
    while (*count < n) {
        out[(*count)++] = p;
        char *nl = strchr(p, '\n');
        if (nl == NULL)
            break;
        *nl = '\0';
        p = nl + 1;
    }
    return copy;
}

/* Texts of records from indices into the names table. */
static int itsmpy_texts(const char ***out, const int32_t *index, size_t n, const char *const *names, size_t n_names)
{
    *out = NULL;
    if (index == NULL)
        return ITSM_OK;
    *out = malloc((n ? n : 1) * sizeof **out);
    if (*out == NULL)
        return ITSM_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        if (index[i] >= (int32_t)n_names)
            return ITSM_EINVAL;
        (*out)[i] = index[i] < 0 ? NULL : names[index[i]];
    }
    return ITSM_OK;
}

static itsm_status itsmpy_dataset_add_incidents(itsm_dataset *ds, const void *offsets, size_t offsets_len,
                                                const void *instants, size_t instants_len, const void *codes,
                                                size_t codes_len, const void *priorities, size_t priorities_len,
                                                const void *priority, size_t priority_len, const void *category,
                                                size_t category_len, const void *service, size_t service_len,
                                                const void *ci, size_t ci_len, const char *names, size_t n_names,
                                                const char *ids, const void *opened, size_t opened_len)
{
    if (offsets_len < 8)
        return ITSM_EINVAL;
    size_t n = offsets_len / 8 - 1, ne = instants_len / 8;
    if (codes_len != 4 * ne || (priorities && priorities_len != 4 * ne) || (priority && priority_len != 4 * n) ||
        (category && category_len != 4 * n) || (service && service_len != 4 * n) || (ci && ci_len != 4 * n) ||
        (opened && opened_len != 8 * n))
        return ITSM_EINVAL;
    const char **name_table = malloc((n_names ? n_names : 1) * sizeof *name_table);
    const char **id_list = malloc((n ? n : 1) * sizeof *id_list);
    const char **cat = NULL, **svc = NULL, **cis = NULL;
    size_t got_names = 0, got_ids = 0;
    char *names_copy = NULL, *ids_copy = NULL;
    int rc = name_table && id_list ? ITSM_OK : ITSM_ENOMEM;
    if (rc == ITSM_OK) {
        names_copy = itsmpy_split_lines(name_table, n_names, names, &got_names);
        ids_copy = itsmpy_split_lines(id_list, n, ids, &got_ids);
        if ((names && !names_copy) || (ids && !ids_copy))
            rc = ITSM_ENOMEM;
        else if ((ids && got_ids != n) || got_names != (names ? n_names : 0))
            rc = ITSM_EINVAL;
    }
    if (rc == ITSM_OK)
        rc = itsmpy_texts(&cat, category, n, name_table, got_names);
    if (rc == ITSM_OK)
        rc = itsmpy_texts(&svc, service, n, name_table, got_names);
    if (rc == ITSM_OK)
        rc = itsmpy_texts(&cis, ci, n, name_table, got_names);
    if (rc == ITSM_OK) {
        itsm_incident_columns c = ITSM_INCIDENT_COLUMNS_INIT;
        c.n_records = n;
        c.offsets = offsets;
        c.n_events = ne;
        c.instants = instants;
        c.codes = codes;
        c.priorities = priorities;
        c.ids = ids ? id_list : NULL;
        c.priority = priority;
        c.category = cat;
        c.service = svc;
        c.ci = cis;
        c.opened = opened;
        rc = itsm_dataset_add_incidents(ds, &c);
    }
    free(cat);
    free(svc);
    free(cis);
    free(names_copy);
    free(ids_copy);
    free(name_table);
    free(id_list);
    return rc;
}

static itsm_status itsmpy_dataset_add_incident(itsm_dataset *ds, const itsm_incident *incident)
{
    return itsm_dataset_add_incident_set(ds, &incident, 1);
}

static itsm_status itsmpy_dataset_add_record(itsm_dataset *ds, const itsm_record *record, const itsm_tz *zone)
{
    return itsm_dataset_add_records(ds, &record, 1, zone);
}

static itsm_status itsmpy_dataset_add_outages(itsm_dataset *ds, const void *start, size_t start_len,
                                              const void *end, size_t end_len, const void *flags, size_t flags_len,
                                              const void *exclusion, size_t exclusion_len, const void *share,
                                              size_t share_len, const char *ids)
{
    size_t n = start_len / 8, got = 0;
    if (end_len != 8 * n || (flags && flags_len != n) || (exclusion && exclusion_len != n) ||
        (share && share_len != 8 * n))
        return ITSM_EINVAL;
    const char **id_list = malloc((n ? n : 1) * sizeof *id_list);
    char *copy = id_list ? itsmpy_split_lines(id_list, n, ids, &got) : NULL;
    int rc = id_list == NULL || (ids && copy == NULL) ? ITSM_ENOMEM : ids && got != n ? ITSM_EINVAL : ITSM_OK;
    if (rc == ITSM_OK) {
        itsm_outages o = ITSM_OUTAGES_INIT;
        o.n = n;
        o.start = start;
        o.end = end;
        o.flags = flags;
        o.exclusion = exclusion;
        o.share = share;
        rc = itsm_dataset_add_outages(ds, &o, ids ? id_list : NULL);
    }
    free(copy);
    free(id_list);
    return rc;
}

static itsm_status itsmpy_dataset_add_events(itsm_dataset *ds, const char *kind, const void *record,
                                             size_t record_len, const void *at, size_t at_len)
{
    size_t n = at_len / 8;
    if (record && record_len != 8 * n)
        return ITSM_EINVAL;
    return itsm_dataset_add_events(ds, kind, record, at, n);
}

static itsm_status itsmpy_dataset_add_calls(itsm_dataset *ds, const void *outcome, size_t outcome_len,
                                            const void *wait, size_t wait_len, const void *flags, size_t flags_len,
                                            const void *include, size_t include_len, const void *arrival,
                                            size_t arrival_len, const void *caller, size_t caller_len)
{
    size_t n = outcome_len;
    if (wait_len != 8 * n || arrival_len != 8 * n || (flags && flags_len != n) || (include && include_len != n) ||
        (caller && caller_len != 8 * n))
        return ITSM_EINVAL;
    itsm_calls c = ITSM_CALLS_INIT;
    c.n = n;
    c.outcome = outcome;
    c.wait = wait;
    c.flags = flags;
    c.include = include;
    c.arrival = arrival;
    c.caller = caller;
    return itsm_dataset_add_calls(ds, &c);
}

static itsm_status itsmpy_dataset_add_backups(itsm_dataset *ds, const void *points, size_t points_len,
                                              const void *completed, size_t completed_len, const void *succeeded,
                                              size_t succeeded_len)
{
    size_t n = points_len / 8;
    if ((completed && completed_len != 8 * n) || (succeeded && succeeded_len != n))
        return ITSM_EINVAL;
    return itsm_dataset_add_backups(ds, points, completed, succeeded, n);
}

static itsm_status itsmpy_dataset_add_deliveries(itsm_dataset *ds, const char *report, const void *due,
                                                 size_t due_len, const void *delivered, size_t delivered_len,
                                                 const void *mask, size_t mask_len)
{
    size_t n = due_len / 8;
    if (delivered_len != 8 * n || (mask && mask_len != n))
        return ITSM_EINVAL;
    return itsm_dataset_add_deliveries(ds, report, due, delivered, mask, n);
}

static itsm_status itsmpy_period_make(itsm_period *out, int32_t kind, int32_t year, int32_t index,
                                      itsm_date end_date, const itsm_tz *zone)
{
    switch (kind) {
    case 0:
        return itsm_period_month(out, year, index, zone);
    case 1:
        return itsm_period_quarter(out, year, index, zone);
    case 2:
        return itsm_period_year(out, year, zone);
    default:
        return itsm_period_rolling(out, end_date, index, zone);
    }
}

static itsm_status itsmpy_report_evaluate(itsm_report **out, const itsm_agreement *agreement,
                                          const itsm_calendar_set *calendars, const itsm_dataset *dataset,
                                          itsm_instant from, itsm_instant to, const char *label, int32_t counting,
                                          PyObject *as_of, int64_t max_breaches)
{
    itsm_period p = {from, to, {0}};
    snprintf(p.label, sizeof p.label, "%s", label == NULL ? "" : label);
    itsm_report_options o = ITSM_REPORT_OPTIONS_INIT;
    o.counting = (itsm_count_rule)counting;
    if (as_of != Py_None) {
        long long t = PyLong_AsLongLong(as_of);
        if (t == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            return ITSM_EINVAL;
        }
        o.as_of = (itsm_instant)t;
    }
    if (max_breaches < 0)
        return ITSM_EINVAL;
    o.max_breaches = (size_t)max_breaches;
    return itsm_report_evaluate(out, agreement, calendars, dataset, &p, &o);
}

static itsm_status itsmpy_report_markdown(char **out, const itsm_report *report)
{
    return itsm_report_to_markdown(out, &report, 1);
}
%}

%rename(NativeDataset) itsm_dataset;
%nodefaultctor itsm_dataset;
struct itsm_dataset {};
%extend itsm_dataset {
    ~itsm_dataset() { itsm_dataset_free($self); }
}
%rename(NativeCalendarSet) itsm_calendar_set;
%nodefaultctor itsm_calendar_set;
struct itsm_calendar_set {};
%extend itsm_calendar_set {
    ~itsm_calendar_set() { itsm_calendar_set_free($self); }
}
%rename(NativeReport) itsm_report;
%nodefaultctor itsm_report;
struct itsm_report {};
%extend itsm_report {
    ~itsm_report() { itsm_report_free($self); }
}
ITSMPY_OWNED_OUT(itsm_dataset)
ITSMPY_OWNED_OUT(itsm_calendar_set)
ITSMPY_OWNED_OUT(itsm_report)

%ignore itsm_dataset_free;
%ignore itsm_calendar_set_free;
%ignore itsm_report_free;
%ignore itsm_incident_columns;
%ignore ITSM_INCIDENT_COLUMNS_INIT;
%ignore itsm_dataset_add_incidents;
%ignore itsm_dataset_add_incident_set;
%ignore itsm_dataset_add_incident_stream;
%ignore itsm_dataset_add_calls;
%ignore itsm_dataset_add_outages;
%ignore itsm_dataset_add_events;
%ignore itsm_dataset_add_backups;
%ignore itsm_dataset_add_deliveries;
%ignore itsm_dataset_add_records;
%ignore itsm_calendar_set_get;
%ignore itsm_period;
%ignore itsm_period_month;
%ignore itsm_period_quarter;
%ignore itsm_period_year;
%ignore itsm_period_rolling;
%ignore itsm_report_options;
%ignore ITSM_REPORT_OPTIONS_INIT;
%ignore itsm_report_evaluate;
%ignore itsm_report_item;
%ignore itsm_report_breach;
%ignore itsm_report_period;
%ignore itsm_report_item_get;
%ignore itsm_report_breach_get;
%ignore itsm_report_to_markdown;
%ignore ITSM_PERIOD_LABEL_SIZE;

%apply (const void *in_buf, size_t in_len) {
    (const void *priority, size_t priority_len), (const void *category, size_t category_len),
    (const void *service, size_t service_len), (const void *ci, size_t ci_len),
    (const void *opened, size_t opened_len), (const void *start, size_t start_len),
    (const void *end, size_t end_len), (const void *flags, size_t flags_len),
    (const void *exclusion, size_t exclusion_len), (const void *share, size_t share_len),
    (const void *record, size_t record_len), (const void *at, size_t at_len),
    (const void *outcome, size_t outcome_len), (const void *wait, size_t wait_len),
    (const void *include, size_t include_len), (const void *arrival, size_t arrival_len),
    (const void *caller, size_t caller_len), (const void *points, size_t points_len),
    (const void *completed, size_t completed_len), (const void *succeeded, size_t succeeded_len),
    (const void *due, size_t due_len), (const void *delivered, size_t delivered_len),
    (const void *mask, size_t mask_len)
};
%typemap(in) PyObject *as_of {
    $1 = $input;
}
%typemap(in) size_t n_names {
    $1 = (size_t)PyLong_AsSize_t($input);
    if (PyErr_Occurred())
        SWIG_fail;
}

%typemap(in, numinputs=0) itsm_period *out (itsm_period temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) itsm_period *out {
    if (itsmpy_output(&$result, Py_BuildValue("(LLs)", (long long)temp$argnum.from, (long long)temp$argnum.to,
                                              temp$argnum.label)) < 0)
        SWIG_fail;
}

%include "itsm/report.h"

%rename(dataset_add_incidents) itsmpy_dataset_add_incidents;
itsm_status itsmpy_dataset_add_incidents(itsm_dataset *ds, const void *offsets, size_t offsets_len,
                                         const void *instants, size_t instants_len, const void *codes,
                                         size_t codes_len, const void *priorities, size_t priorities_len,
                                         const void *priority, size_t priority_len, const void *category,
                                         size_t category_len, const void *service, size_t service_len,
                                         const void *ci, size_t ci_len, const char *names, size_t n_names,
                                         const char *ids, const void *opened, size_t opened_len);
%rename(dataset_add_incident) itsmpy_dataset_add_incident;
itsm_status itsmpy_dataset_add_incident(itsm_dataset *ds, const itsm_incident *incident);
%rename(dataset_add_record) itsmpy_dataset_add_record;
itsm_status itsmpy_dataset_add_record(itsm_dataset *ds, const itsm_record *record, const itsm_tz *zone);
%rename(dataset_add_outages) itsmpy_dataset_add_outages;
itsm_status itsmpy_dataset_add_outages(itsm_dataset *ds, const void *start, size_t start_len, const void *end,
                                       size_t end_len, const void *flags, size_t flags_len, const void *exclusion,
                                       size_t exclusion_len, const void *share, size_t share_len, const char *ids);
%rename(dataset_add_events) itsmpy_dataset_add_events;
itsm_status itsmpy_dataset_add_events(itsm_dataset *ds, const char *kind, const void *record, size_t record_len,
                                      const void *at, size_t at_len);
%rename(dataset_add_calls) itsmpy_dataset_add_calls;
itsm_status itsmpy_dataset_add_calls(itsm_dataset *ds, const void *outcome, size_t outcome_len, const void *wait,
                                     size_t wait_len, const void *flags, size_t flags_len, const void *include,
                                     size_t include_len, const void *arrival, size_t arrival_len,
                                     const void *caller, size_t caller_len);
%rename(dataset_add_backups) itsmpy_dataset_add_backups;
itsm_status itsmpy_dataset_add_backups(itsm_dataset *ds, const void *points, size_t points_len,
                                       const void *completed, size_t completed_len, const void *succeeded,
                                       size_t succeeded_len);
%rename(dataset_add_deliveries) itsmpy_dataset_add_deliveries;
itsm_status itsmpy_dataset_add_deliveries(itsm_dataset *ds, const char *report, const void *due, size_t due_len,
                                          const void *delivered, size_t delivered_len, const void *mask,
                                          size_t mask_len);
%rename(period_make) itsmpy_period_make;
itsm_status itsmpy_period_make(itsm_period *out, int32_t kind, int32_t year, int32_t index, itsm_date end_date,
                               const itsm_tz *zone);
%rename(report_evaluate) itsmpy_report_evaluate;
itsm_status itsmpy_report_evaluate(itsm_report **out, const itsm_agreement *agreement,
                                   const itsm_calendar_set *calendars, const itsm_dataset *dataset,
                                   itsm_instant from, itsm_instant to, const char *label, int32_t counting,
                                   PyObject *as_of, int64_t max_breaches);
%rename(report_markdown) itsmpy_report_markdown;
itsm_status itsmpy_report_markdown(char **out, const itsm_report *report);
