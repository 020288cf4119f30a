/* Operational record documents into a dataset (itsm_dataset_add_records). */
#include "common/internal.h"
#include "model/records_internal.h"
#include "report/report_internal.h"

#include <stdio.h>
#include <string.h>

/* The instant of member `key` (kept by the reader in `integer`), or 0 when absent. */
static int instant_of(itsm_instant *out, const itsm_record *r, const char *key)
{
    const itsm__anode *n = itsm__anode_get(&r->root, key);
    if (n == NULL)
        return 0;
    *out = n->integer;
    return 1;
}

static const char *text_of(const itsm_record *r, const char *key)
{
    return itsm__anode_text(&r->root, key);
}

static int check_record(const itsm_record *r, size_t i)
{
    if (r == NULL)
        return itsm__error(ITSM_EINVAL, "itsm_dataset_add_records: records[%zu] is NULL", i);
    if (r->type == ITSM_RECORD_CHANGE || r->type == ITSM_RECORD_EFFORT)
        return itsm__error(ITSM_EINVAL, "itsm_dataset_add_records: records[%zu] ('%s') is a %s record, which no "
                                        "metric kind measures", i, itsm_record_id(r),
                           r->type == ITSM_RECORD_CHANGE ? "change" : "effort");
    if (r->type == ITSM_RECORD_REPORT_DELIVERY && itsm__anode_get(&r->root, "due") == NULL)
        return itsm__error(ITSM_EINVAL, "itsm_dataset_add_records: records[%zu] ('%s'): a report delivery needs "
                                        "\"due\"", i, itsm_record_id(r));
    return ITSM_OK;
}

static int add_outage(itsm_dataset *ds, const itsm_record *r)
{
    itsm_instant start = 0, end = 0, notified = 0;
    instant_of(&start, r, "start");
    if (!instant_of(&end, r, "end"))
        return ITSM_OK; /* still open: no end to measure to */
    const char *kind = text_of(r, "kind");
    uint8_t flags = 0;
    if (kind != NULL && strcmp(kind, "planned_maintenance") == 0)
        flags = (uint8_t)(ITSM_OUTAGE_PLANNED |
                          (instant_of(&notified, r, "notified_at") && notified <= start ? ITSM_OUTAGE_NOTIFIED : 0));
    itsm_outages o = ITSM_OUTAGES_INIT;
    o.n = 1;
    o.start = &start;
    o.end = &end;
    o.flags = &flags;
    const char *id = itsm_record_id(r);
    return itsm_dataset_add_outages(ds, &o, &id);
}

static int add_backup(itsm_dataset *ds, const itsm_record *r)
{
    itsm_instant point = 0, done = 0;
    instant_of(&point, r, "started_at");
    if (!instant_of(&done, r, "finished_at"))
        done = point;
    const char *result = text_of(r, "result");
    uint8_t ok = result != NULL && strcmp(result, "succeeded") == 0;
    return itsm_dataset_add_backups(ds, &point, &done, &ok, 1);
}

/* Due by the end of the "due" date in `zone` (UTC when NULL). */
static int add_delivery(itsm_dataset *ds, const itsm_record *r, const itsm_tz *zone)
{
    itsm_instant due = 0, delivered = 0;
    itsm_date next;
    int rc = itsm_date_add_days(&next, itsm__anode_get(&r->root, "due")->date, 1);
    int32_t days = 0;
    if (rc == ITSM_OK && zone != NULL)
        rc = itsm_tz_start_of_day(&due, zone, next);
    else if (rc == ITSM_OK && (rc = itsm_date_to_days(&days, next)) == ITSM_OK)
        due = (itsm_instant)days * ITSM_SECONDS_PER_DAY;
    if (rc != ITSM_OK)
        return rc;
    uint8_t given = (uint8_t)instant_of(&delivered, r, "delivered_at");
    return itsm_dataset_add_deliveries(ds, text_of(r, "report"), &due, &delivered, &given, 1);
}

static int add_check(itsm_dataset *ds, const itsm_record *r)
{
    itsm_instant at = 0;
    instant_of(&at, r, "checked_at");
    int rc = itsm_dataset_add_events(ds, "monitoring_check", NULL, &at, 1);
    const char *result = text_of(r, "result");
    if (rc == ITSM_OK && result != NULL) {
        char kind[48];
        snprintf(kind, sizeof kind, "monitoring_%s", result);
        rc = itsm_dataset_add_events(ds, kind, NULL, &at, 1);
    }
    return rc;
}

static int add_one(itsm_dataset *ds, const itsm_record *r, const itsm_tz *zone)
{
    itsm_instant at = 0;
    switch (r->type) {
    case ITSM_RECORD_OUTAGE:
        return add_outage(ds, r);
    case ITSM_RECORD_BACKUP_RUN:
        return add_backup(ds, r);
    case ITSM_RECORD_REPORT_DELIVERY:
        return add_delivery(ds, r, zone);
    case ITSM_RECORD_MONITORING_CHECK:
        return add_check(ds, r);
    default: /* a call */
        instant_of(&at, r, "received_at");
        return itsm_dataset_add_events(ds, "call", NULL, &at, 1);
    }
}

itsm_status itsm_dataset_add_records(itsm_dataset *ds, const itsm_record *const *records, size_t count,
                                     const itsm_tz *zone)
{
    ITSM__CHECK_ARG(ds);
    if (count > 0)
        ITSM__CHECK_ARG(records);
    for (size_t i = 0; i < count; i++) {
        int rc = check_record(records[i], i);
        if (rc != ITSM_OK)
            return rc;
    }
    for (size_t i = 0; i < count; i++) {
        int rc = add_one(ds, records[i], zone);
        if (rc != ITSM_OK)
            return itsm__error_prefix(rc, "itsm_dataset_add_records: records[%zu]", i);
    }
    return ITSM_OK;
}
