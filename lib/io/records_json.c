/* Operational record documents (itsm/records.h; docs/schema/<type>.schema.json,
 * "itsm_schema": 1): the member table of each type, reader, canonical writer and accessors,
 * record sets (record_set.schema.json, io/doc_set.h) and JSON Lines streams (io/jsonl.h).
 * As for agreements, the table drives both directions (io/doc_table.h) and the document is
 * kept as a tree of nodes (model/agreement_internal.h). */
#include "internal.h"
#include "io/doc_set.h"
#include "io/doc_table.h"
#include "io/jsonl.h"
#include "itsm/records.h"
#include "model/agreement_internal.h"
#include "model/records_internal.h"

#define ITSM__RECORD_SCHEMA 1

static const char *const channels[] = {"phone", "mail", "fax", "web", "chat", "visit", "other", NULL};
static const char *const call_categories[] = {"incident", "question", "request", "complaint", "other", NULL};
static const char *const outage_kinds[] = {"unplanned", "planned_maintenance", NULL};
static const char *const backup_results[] = {"succeeded", "failed", "partial", "skipped", NULL};
static const char *const backup_methods[] = {"full", "incremental", "differential", NULL};
static const char *const check_results[] = {"ok", "warning", "critical", "unknown", NULL};
/* The English names of itsm_maint_type and itsm_mr_origin (itsm/maint.h). */
static const char *const maint_types[] = {"corrective", "emergency", "preventive",
                                          "adaptive",   "perfective", "additive", NULL};
static const char *const origins[] = {"user", "vendor", "third_party", "unknown", NULL};
static const char *const decisions[] = {"approved", "rejected", "deferred", NULL};
static const char *const delivery_methods[] = {"mail", "portal", "paper", "meeting", "other", NULL};

static const itsm__dfield call_fields[] = {
    ID, INSTANT_REQ("received_at"), WORD("channel", channels), STR("caller"), STR("received_by"), STR("service"),
    WORD("category", call_categories), STR("summary"), STR("incident"), INSTANT("closed_at"), STR("note")};
static const itsm__dorder call_order[] = {{"received_at", "closed_at"}};
SPEC_ORDERED(call_spec, call_fields, call_order);

static const itsm__dfield outage_fields[] = {
    ID, WORD_REQ("kind", outage_kinds), INSTANT_REQ("start"), INSTANT("end"), INSTANT("notified_at"),
    STRS("notified_to"), STRS("affected_services"), STR("cause"), STR("incident"), STR("change"), STR("note")};
static const itsm__dorder outage_order[] = {{"start", "end"}};
SPEC_ORDERED(outage_spec, outage_fields, outage_order);

static const itsm__dfield backup_fields[] = {
    ID, STR_REQ("target"), INSTANT_REQ("started_at"), INSTANT("finished_at"), WORD("method", backup_methods),
    WORD("result", backup_results), INT("size_bytes"), STR("location"), STR("note")};
static const itsm__dorder backup_order[] = {{"started_at", "finished_at"}};
SPEC_ORDERED(backup_spec, backup_fields, backup_order);

static const itsm__dfield check_fields[] = {
    ID, STR_REQ("target"), INSTANT_REQ("checked_at"), STR("check"), WORD("result", check_results), STR("value"),
    STR("threshold"), BOOL("alerted"), STR("incident"), STR("note")};
SPEC(check_spec, check_fields);

static const itsm__dfield board_fields[] = {WORD("decision", decisions), INSTANT("decided_at"), STRS("members"),
                                      STR("note")};
SPEC(board_spec, board_fields);
static const itsm__dfield change_fields[] = {
    ID, STR("title"), WORD("maintenance_type", maint_types), WORD("origin", origins), INSTANT("requested_at"),
    STR("requested_by"), STR("reason"), STR("description"), STRS("affected_services"), BOOL("emergency"),
    WORD("decision", decisions), INSTANT("decided_at"), STR("decided_by"), OBJ("advisory_board", board_spec),
    STR("back_out_plan"), INSTANT("started_at"), INSTANT("completed_at"), STR("implemented_by"), STR("note")};
static const itsm__dorder change_order[] = {
    {"requested_at", "decided_at"}, {"decided_at", "started_at"}, {"started_at", "completed_at"}};
SPEC_ORDERED(change_spec, change_fields, change_order);

static const itsm__dfield effort_fields[] = {ID,           STR_REQ("work_item"), STR_REQ("person"),
                                       DATE("date"), HOURS("planned_hours"), HOURS("actual_hours"),
                                       STR("note")};
SPEC(effort_spec, effort_fields);

static const itsm__dfield period_fields[] = {DATE("start"), DATE("end")};
SPEC(period_spec, period_fields);
static const itsm__dfield report_fields[] = {
    ID, STR_REQ("report"), OBJ("period", period_spec), DATE("due"), INSTANT("delivered_at"), STR("recipient"),
    WORD("method", delivery_methods), STR("note")};
SPEC(report_spec, report_fields);

/* NULL-terminated for itsm__json_check_header(); indexed by itsm_record_type. */
static const char *const type_names[] = {"call",   "outage", "backup_run", "monitoring_check",
                                         "change", "effort", "report_delivery", NULL};
static const itsm__dspec *const type_specs[] = {&call_spec,   &outage_spec, &backup_spec, &check_spec,
                                          &change_spec, &effort_spec, &report_spec};

/* A record from a parsed document (`doc`, with "itsm_schema") or a set element (without). */
static int read_record(itsm_record **out, const json_t *obj, bool document, const itsm__jpath *p)
{
    static const char *const element_keys[] = {"type", NULL};
    itsm_record *r = itsm__calloc(1, sizeof *r, "record");
    if (r == NULL)
        return ITSM_ENOMEM;
    size_t which = 0;
    int rc;
    if (document) {
        rc = itsm__doc_read_document(&r->root, &which, obj, ITSM__RECORD_SCHEMA, type_names, type_specs);
    } else {
        rc = itsm__json_need_object(obj, p);
        if (rc == ITSM_OK)
            rc = itsm__json_check_type(&which, obj, type_names, p);
        if (rc == ITSM_OK)
            rc = itsm__doc_read(&r->root, obj, type_specs[which], element_keys, p);
    }
    if (rc != ITSM_OK) {
        itsm_record_free(r);
        return rc;
    }
    r->type = (itsm_record_type)which;
    *out = r;
    return ITSM_OK;
}

itsm_status itsm_record_from_json(itsm_record **out, const char *json, size_t len)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(json);
    json_t *doc = NULL;
    int rc = itsm__json_load(&doc, json, len, "record");
    if (rc != ITSM_OK)
        return rc;
    itsm__jpath rp = itsm__jpath_root();
    rc = read_record(out, doc, true, &rp);
    json_decref(doc);
    return rc;
}

itsm_status itsm_record_to_json(char **out, const itsm_record *record)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(record);
    return itsm__doc_to_json(out, &record->root, type_specs[record->type], ITSM__RECORD_SCHEMA,
                             type_names[record->type], "itsm_record_to_json");
}

/* ---- record sets ---------------------------------------------------------------------------- */

void itsm_record_set_free(itsm_record **records, size_t count)
{
    if (records == NULL)
        return;
    for (size_t i = 0; i < count; i++)
        itsm_record_free(records[i]);
    itsm__free(records);
}

static int set_read(void *items, size_t i, const json_t *e, const itsm__jpath *p)
{
    return read_record(&((itsm_record **)items)[i], e, false, p);
}

static void set_release(void *items, size_t count)
{
    itsm_record_set_free(items, count);
}

static int set_write(json_t *obj, const void *items, size_t i, const char *what)
{
    const itsm_record *r = ((const itsm_record *const *)items)[i];
    if (r == NULL)
        return itsm__error(ITSM_EINVAL, "%s: records[%zu] is NULL", what, i);
    int rc = itsm__json_put(obj, "type", json_string(type_names[r->type]), what);
    if (rc == ITSM_OK)
        rc = itsm__doc_put(obj, &r->root, type_specs[r->type], what);
    return rc;
}

static const itsm__set_kind record_set = {"record_set", "records", "record set", sizeof(itsm_record *),
                                          set_read, set_release, set_write};

itsm_status itsm_record_set_from_json(itsm_record ***out, size_t *out_count, const char *json, size_t len)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(out_count);
    ITSM__CHECK_ARG(json);
    void *items = NULL;
    int rc = itsm__set_from_json(&items, out_count, json, len, ITSM__RECORD_SCHEMA, &record_set);
    if (rc == ITSM_OK)
        *out = items;
    return rc;
}

itsm_status itsm_record_set_to_json(char **out, const itsm_record *const *records, size_t count)
{
    ITSM__CHECK_ARG(out);
    if (count > 0)
        ITSM__CHECK_ARG(records);
    return itsm__set_to_json(out, records, count, ITSM__RECORD_SCHEMA, &record_set, "itsm_record_set_to_json");
}

/* ---- JSON Lines ---------------------------------------------------------------------------- */

static int read_line(void **out, const json_t *doc)
{
    itsm__jpath rp = itsm__jpath_root();
    itsm_record *item = NULL;
    int rc = read_record(&item, doc, true, &rp);
    *out = item;
    return rc;
}

/* itsm_record_stream_open, _open_memory, _close, _line, _next */
ITSM__JSONL_STREAM_API(record, read_line, "record")

/* ---- accessors ------------------------------------------------------------------------------ */

void itsm_record_free(itsm_record *record)
{
    if (record == NULL)
        return;
    itsm__anode_clear(&record->root);
    itsm__free(record);
}

itsm_record_type itsm_record_get_type(const itsm_record *record)
{
    return record == NULL ? ITSM_RECORD_CALL : record->type;
}

const char *itsm_record_id(const itsm_record *record)
{
    return record == NULL ? NULL : itsm__anode_text(&record->root, "id");
}

itsm_status itsm_record_type_name(const char **out, itsm_record_type type)
{
    ITSM__CHECK_ARG(out);
    if ((unsigned)type >= DCOUNT(type_names) - 1) {
        *out = NULL;
        return itsm__error(ITSM_EINVAL, "itsm_record_type_name: unknown record type %d", (int)type);
    }
    *out = type_names[type];
    return ITSM_OK;
}
