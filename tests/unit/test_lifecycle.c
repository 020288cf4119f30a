/* Configuration items, pending items and "what expires or falls due within N days":
 * behaviour of the handles, the history that survives a change of owner, the sorted
 * query, documents that round-trip to identical text, errors that name their JSON path,
 * and allocation failures that leak nothing. */
#include "itsm_test.h"

#include "itsm/lifecycle.h"

#include <stdio.h>
#include <stdlib.h>

static const char CI_DOC[] =
    "{\"itsm_schema\": 1, \"type\": \"configuration_item\", \"id\": \"srv-01\", \"name\": \"業務サーバ1\",\n"
    " \"model\": \"PX-2000\", \"serial\": \"SN-123\", \"location\": \"DC1 rack 4\",\n"
    " \"maintenance_contract\": \"MC-2024-01\", \"warranty_end\": \"2025-03-31\",\n"
    " \"parts_supply_end\": \"2029-03-31\", \"product_life_end\": \"2030-03-31\", \"support_end\": \"2027-10-14\"}";

static const char PENDING_DOC[] =
    "{\"itsm_schema\": 1, \"type\": \"pending_item\", \"id\": \"P-7\", \"title\": \"Re-test batch after OS update\",\n"
    " \"owner\": \"suzuki\", \"status\": \"in_progress\", \"trigger_event\": \"OS version-up of server X\",\n"
    " \"history\": [{\"at\": \"2024-04-01T00:00:00Z\", \"owner\": \"tanaka\", \"status\": \"open\"},\n"
    "             {\"at\": \"2024-05-01T09:00:00+09:00\", \"owner\": \"suzuki\", \"status\": \"open\", \"note\": \"異動\"},\n"
    "             {\"at\": \"2024-05-02T00:00:00Z\", \"owner\": \"suzuki\", \"status\": \"in_progress\"}]}";

static itsm_instant at(const char *text)
{
    itsm_instant t;
    assert_itsm_ok(itsm_instant_parse(&t, text, NULL));
    return t;
}

static int same_date(itsm_date a, itsm_date b) { return a.year == b.year && a.month == b.month && a.day == b.day; }

/* ---- configuration items ---------------------------------------------------------------------- */

static void test_ci_fields(void **state)
{
    (void)state;
    itsm_ci *ci = NULL, *copy = NULL;
    assert_itsm_ok(itsm_ci_new(&ci, "srv-01"));
    assert_string_equal(itsm_ci_id(ci), "srv-01");
    assert_null(itsm_ci_get_text(ci, ITSM_CI_MODEL));
    assert_itsm_ok(itsm_ci_set_text(ci, ITSM_CI_MODEL, "PX-2000"));
    assert_itsm_ok(itsm_ci_set_text(ci, ITSM_CI_MODEL, "PX-3000"));
    assert_string_equal(itsm_ci_get_text(ci, ITSM_CI_MODEL), "PX-3000");
    assert_itsm_ok(itsm_ci_set_text(ci, ITSM_CI_LOCATION, "DC1"));
    assert_itsm_ok(itsm_ci_set_text(ci, ITSM_CI_LOCATION, NULL));
    assert_null(itsm_ci_get_text(ci, ITSM_CI_LOCATION));
    int set = -1;
    itsm_date d = {0, 0, 0};
    assert_itsm_ok(itsm_ci_get_date(&set, &d, ci, ITSM_CI_WARRANTY_END));
    assert_int_equal(set, 0);
    assert_itsm_ok(itsm_ci_set_date(ci, ITSM_CI_WARRANTY_END, (itsm_date){2025, 3, 31}));
    assert_itsm_ok(itsm_ci_get_date(&set, &d, ci, ITSM_CI_WARRANTY_END));
    assert_int_equal(set, 1);
    assert_true(same_date(d, (itsm_date){2025, 3, 31}));
    assert_itsm_ok(itsm_ci_clone(&copy, ci));
    assert_itsm_ok(itsm_ci_clear_date(ci, ITSM_CI_WARRANTY_END));
    assert_itsm_ok(itsm_ci_get_date(&set, &d, ci, ITSM_CI_WARRANTY_END));
    assert_int_equal(set, 0);
    assert_itsm_ok(itsm_ci_get_date(&set, &d, copy, ITSM_CI_WARRANTY_END));
    assert_int_equal(set, 1);
    assert_string_equal(itsm_ci_get_text(copy, ITSM_CI_MODEL), "PX-3000");

    assert_itsm_error(itsm_ci_set_date(ci, ITSM_CI_SUPPORT_END, (itsm_date){2025, 2, 30}), ITSM_ERANGE, "support_end");
    assert_itsm_error(itsm_ci_set_date(ci, (itsm_ci_date)9, (itsm_date){2025, 2, 1}), ITSM_EINVAL, "unknown date field 9");
    assert_itsm_error(itsm_ci_set_text(ci, (itsm_ci_text)-1, "x"), ITSM_EINVAL, "unknown text field");
    assert_itsm_error(itsm_ci_set_text(ci, ITSM_CI_SERIAL, "\xff"), ITSM_EINVAL, "serial is not valid UTF-8");
    itsm_ci *bad = NULL;
    assert_itsm_error(itsm_ci_new(&bad, ""), ITSM_EINVAL, "1..255 bytes");
    assert_itsm_error(itsm_ci_new(&bad, NULL), ITSM_EINVAL, "id is NULL");
    assert_itsm_error(itsm_ci_new(NULL, "x"), ITSM_EINVAL, "'out'");
    assert_null(bad);
    assert_null(itsm_ci_id(NULL));
    assert_null(itsm_ci_get_text(ci, (itsm_ci_text)7));
    itsm_ci_free(NULL);
    itsm_ci_free(copy);
    itsm_ci_free(ci);
}

/* ---- pending items ---------------------------------------------------------------------------- */

static void test_pending_history_survives_owner_change(void **state)
{
    (void)state;
    itsm_pending_item *p = NULL, *copy = NULL;
    assert_itsm_ok(itsm_pending_new(&p, "P-1", "Replace UPS battery", "tanaka", at("2024-04-01T00:00:00Z")));
    itsm_pending_status st = ITSM_PENDING_CLOSED;
    assert_itsm_ok(itsm_pending_get_status(&st, p));
    assert_int_equal(st, ITSM_PENDING_OPEN);
    assert_int_equal(itsm_pending_history_count(p), 1);
    assert_itsm_ok(itsm_pending_set_status(p, ITSM_PENDING_IN_PROGRESS, at("2024-04-02T00:00:00Z"), NULL));
    assert_itsm_ok(itsm_pending_set_owner(p, "suzuki", at("2024-05-01T00:00:00Z"), "transfer"));
    assert_string_equal(itsm_pending_owner(p), "suzuki");
    assert_itsm_ok(itsm_pending_get_status(&st, p));
    assert_int_equal(st, ITSM_PENDING_IN_PROGRESS); /* the owner changed, the status did not */
    assert_int_equal(itsm_pending_history_count(p), 3);
    itsm_pending_change c;
    assert_itsm_ok(itsm_pending_history_get(&c, p, 0));
    assert_string_equal(c.owner, "tanaka");
    assert_int_equal(c.status, ITSM_PENDING_OPEN);
    assert_null(c.note);
    assert_itsm_ok(itsm_pending_history_get(&c, p, 2));
    assert_string_equal(c.owner, "suzuki");
    assert_string_equal(c.note, "transfer");
    assert_int_equal(c.at, at("2024-05-01T00:00:00Z"));
    assert_itsm_error(itsm_pending_history_get(&c, p, 3), ITSM_ERANGE, "index 3");
    /* Changes go forward in time. */
    assert_itsm_error(itsm_pending_set_owner(p, "sato", at("2024-04-30T00:00:00Z"), NULL), ITSM_EINVAL,
                      "before the last history entry");
    assert_string_equal(itsm_pending_owner(p), "suzuki");
    assert_int_equal(itsm_pending_history_count(p), 3);
    assert_itsm_error(itsm_pending_set_owner(p, "", at("2024-06-01T00:00:00Z"), NULL), ITSM_EINVAL, "owner");
    assert_itsm_error(itsm_pending_set_status(p, (itsm_pending_status)4, at("2024-06-01T00:00:00Z"), NULL),
                      ITSM_EINVAL, "unknown status 4");

    /* A due date or a trigger event, never both. */
    int set = -1;
    itsm_date due = {0, 0, 0};
    assert_itsm_ok(itsm_pending_set_due_date(p, (itsm_date){2024, 6, 30}));
    assert_itsm_ok(itsm_pending_get_due_date(&set, &due, p));
    assert_int_equal(set, 1);
    assert_itsm_ok(itsm_pending_set_trigger_event(p, "OS version-up of server X"));
    assert_itsm_ok(itsm_pending_get_due_date(&set, &due, p));
    assert_int_equal(set, 0);
    assert_string_equal(itsm_pending_trigger_event(p), "OS version-up of server X");
    assert_itsm_ok(itsm_pending_clone(&copy, p));
    assert_itsm_ok(itsm_pending_set_due_date(p, (itsm_date){2024, 7, 31}));
    assert_null(itsm_pending_trigger_event(p));
    assert_itsm_error(itsm_pending_set_due_date(p, (itsm_date){2024, 13, 1}), ITSM_ERANGE, "due");
    assert_string_equal(itsm_pending_trigger_event(copy), "OS version-up of server X");
    assert_int_equal(itsm_pending_history_count(copy), 3);
    assert_string_equal(itsm_pending_title(copy), "Replace UPS battery");
    assert_string_equal(itsm_pending_id(copy), "P-1");

    const char *name = NULL;
    assert_itsm_ok(itsm_pending_status_name(&name, ITSM_PENDING_ON_HOLD));
    assert_string_equal(name, "on_hold");
    assert_itsm_ok(itsm_due_kind_name(&name, ITSM_DUE_PENDING_EVENT));
    assert_string_equal(name, "pending_event");
    assert_itsm_error(itsm_due_kind_name(&name, (itsm_due_kind)7), ITSM_EINVAL, "unknown kind 7");

    itsm_pending_item *bad = NULL;
    assert_itsm_error(itsm_pending_new(&bad, "P-2", "", "x", 0), ITSM_EINVAL, "title");
    assert_itsm_error(itsm_pending_new(&bad, "P-2", "t", NULL, 0), ITSM_EINVAL, "owner");
    assert_itsm_error(itsm_pending_new(&bad, "P-2", "t", "o", ITSM_INSTANT_MAX + 1), ITSM_ERANGE, "out of range");
    assert_null(bad);
    itsm_pending_free(NULL);
    itsm_pending_free(copy);
    itsm_pending_free(p);
}

/* ---- the query ------------------------------------------------------------------------------------ */

static void test_expiring_sorted_with_overdue(void **state)
{
    (void)state;
    itsm_ci *a = NULL, *b = NULL;
    assert_itsm_ok(itsm_ci_new(&a, "srv-a"));
    assert_itsm_ok(itsm_ci_set_date(a, ITSM_CI_WARRANTY_END, (itsm_date){2024, 3, 31}));      /* overdue */
    assert_itsm_ok(itsm_ci_set_date(a, ITSM_CI_SUPPORT_END, (itsm_date){2024, 6, 30}));       /* +91 */
    assert_itsm_ok(itsm_ci_set_date(a, ITSM_CI_PARTS_SUPPLY_END, (itsm_date){2030, 1, 1}));   /* out */
    assert_itsm_ok(itsm_ci_new(&b, "srv-b"));
    assert_itsm_ok(itsm_ci_set_date(b, ITSM_CI_PRODUCT_LIFE_END, (itsm_date){2024, 6, 30}));  /* +91 */
    assert_itsm_ok(itsm_ci_set_date(b, ITSM_CI_WARRANTY_END, (itsm_date){2024, 6, 30}));      /* +91 */
    itsm_pending_item *p1 = NULL, *p2 = NULL, *p3 = NULL, *p4 = NULL;
    itsm_instant t0 = at("2024-01-01T00:00:00Z");
    assert_itsm_ok(itsm_pending_new(&p1, "P-1", "Budget renewal", "tanaka", t0));
    assert_itsm_ok(itsm_pending_set_due_date(p1, (itsm_date){2024, 4, 1})); /* due today: 0 */
    assert_itsm_ok(itsm_pending_new(&p2, "P-2", "Re-test", "suzuki", t0));
    assert_itsm_ok(itsm_pending_set_trigger_event(p2, "OS version-up of server X"));
    assert_itsm_ok(itsm_pending_new(&p3, "P-3", "Unscheduled", "sato", t0));
    assert_itsm_ok(itsm_pending_set_trigger_event(p3, "never dated"));
    assert_itsm_ok(itsm_pending_new(&p4, "P-4", "Done", "sato", t0));
    assert_itsm_ok(itsm_pending_set_due_date(p4, (itsm_date){2024, 4, 2}));
    assert_itsm_ok(itsm_pending_set_status(p4, ITSM_PENDING_CLOSED, t0, "done"));
    const itsm_ci *cis[] = {b, a};
    const itsm_pending_item *items[] = {p4, p3, p2, p1};
    const itsm_labeled_date ends[] = {{"MC-2024-01", {2024, 5, 31}}, {"MC-2030", {2030, 3, 31}}};
    const itsm_labeled_date events[] = {{"OS version-up of server X", {2024, 4, 15}}};
    itsm_due *due = NULL;
    size_t n = 0;
    assert_itsm_ok(itsm_expiring(&due, &n, cis, 2, items, 4, ends, 2, events, 1, (itsm_date){2024, 4, 1}, 91));
    assert_int_equal(n, 7);
    static const struct {
        itsm_due_kind kind;
        const char *subject;
        int32_t left;
    } want[] = {{ITSM_DUE_WARRANTY, "srv-a", -1},       {ITSM_DUE_PENDING_DATE, "P-1", 0},
                {ITSM_DUE_PENDING_EVENT, "P-2", 14},    {ITSM_DUE_CONTRACT_END, "MC-2024-01", 60},
                {ITSM_DUE_WARRANTY, "srv-b", 90},       {ITSM_DUE_PRODUCT_LIFE, "srv-b", 90},
                {ITSM_DUE_SUPPORT_END, "srv-a", 90}};
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(due[i].kind, want[i].kind);
        assert_string_equal(due[i].subject, want[i].subject);
        assert_int_equal(due[i].days_left, want[i].left);
        assert_int_equal(due[i].overdue, want[i].left < 0);
    }
    assert_string_equal(due[1].detail, "Budget renewal");
    assert_string_equal(due[2].detail, "OS version-up of server X");
    assert_true(same_date(due[2].date, (itsm_date){2024, 4, 15}));
    assert_null(due[0].detail);
    itsm_free(due);

    /* A window of 0 days: overdue and due today only. */
    assert_itsm_ok(itsm_expiring(&due, &n, cis, 2, items, 4, ends, 2, events, 1, (itsm_date){2024, 4, 1}, 0));
    assert_int_equal(n, 2);
    itsm_free(due);
    /* Nothing at all. */
    due = (itsm_due *)1;
    assert_itsm_ok(itsm_expiring(&due, &n, NULL, 0, NULL, 0, NULL, 0, NULL, 0, (itsm_date){2024, 4, 1}, 30));
    assert_null(due);
    assert_int_equal(n, 0);

    /* Errors name the bad input. */
    const itsm_ci *with_null[] = {a, NULL};
    const itsm_labeled_date bad_end[] = {{"x", {2024, 2, 30}}};
    const itsm_labeled_date no_label[] = {{NULL, {2024, 2, 1}}};
    assert_itsm_error(itsm_expiring(&due, &n, with_null, 2, NULL, 0, NULL, 0, NULL, 0, (itsm_date){2024, 4, 1}, 30),
                      ITSM_EINVAL, "cis[1] is NULL");
    assert_itsm_error(itsm_expiring(&due, &n, NULL, 0, NULL, 0, bad_end, 1, NULL, 0, (itsm_date){2024, 4, 1}, 30),
                      ITSM_ERANGE, "contract_ends[0].date");
    assert_itsm_error(itsm_expiring(&due, &n, NULL, 0, NULL, 0, NULL, 0, no_label, 1, (itsm_date){2024, 4, 1}, 30),
                      ITSM_EINVAL, "events[0].label is NULL");
    assert_itsm_error(itsm_expiring(&due, &n, NULL, 0, NULL, 0, NULL, 0, NULL, 0, (itsm_date){2024, 4, 1}, -1),
                      ITSM_EINVAL, "within_days -1");
    assert_itsm_error(itsm_expiring(&due, &n, NULL, 0, NULL, 0, NULL, 0, NULL, 0, (itsm_date){1899, 4, 1}, 1),
                      ITSM_ERANGE, "as_of");
    assert_itsm_error(itsm_expiring(&due, &n, NULL, 1, NULL, 0, NULL, 0, NULL, 0, (itsm_date){2024, 4, 1}, 1),
                      ITSM_EINVAL, "'cis'");
    itsm_pending_free(p1);
    itsm_pending_free(p2);
    itsm_pending_free(p3);
    itsm_pending_free(p4);
    itsm_ci_free(a);
    itsm_ci_free(b);
}

/* ---- JSON ------------------------------------------------------------------------------------------ */

static void test_ci_round_trip(void **state)
{
    (void)state;
    itsm_ci *ci = NULL, *back = NULL;
    char *text = NULL, *again = NULL;
    assert_itsm_ok(itsm_ci_from_json(&ci, CI_DOC, strlen(CI_DOC)));
    assert_string_equal(itsm_ci_get_text(ci, ITSM_CI_NAME), "業務サーバ1");
    assert_string_equal(itsm_ci_get_text(ci, ITSM_CI_MAINTENANCE_CONTRACT), "MC-2024-01");
    assert_itsm_ok(itsm_ci_to_json(&text, ci));
    assert_itsm_ok(itsm_ci_from_json(&back, text, strlen(text)));
    assert_itsm_ok(itsm_ci_to_json(&again, back));
    assert_string_equal(text, again);
    assert_non_null(strstr(text, "\"support_end\": \"2027-10-14\""));
    itsm_free(text);
    itsm_free(again);
    itsm_ci_free(back);
    itsm_ci_free(ci);

    static const char minimal[] = "{\"itsm_schema\": 1, \"type\": \"configuration_item\", \"id\": \"x\"}";
    assert_itsm_ok(itsm_ci_from_json(&ci, minimal, strlen(minimal)));
    assert_itsm_ok(itsm_ci_to_json(&text, ci));
    assert_string_equal(text, "{\n  \"itsm_schema\": 1,\n  \"type\": \"configuration_item\",\n  \"id\": \"x\"\n}\n");
    itsm_free(text);
    itsm_ci_free(ci);
}

static void test_pending_round_trip(void **state)
{
    (void)state;
    itsm_pending_item *p = NULL, *back = NULL;
    char *text = NULL, *again = NULL;
    assert_itsm_ok(itsm_pending_from_json(&p, PENDING_DOC, strlen(PENDING_DOC)));
    assert_string_equal(itsm_pending_owner(p), "suzuki");
    assert_int_equal(itsm_pending_history_count(p), 3);
    itsm_pending_change c;
    assert_itsm_ok(itsm_pending_history_get(&c, p, 1));
    assert_int_equal(c.at, at("2024-05-01T00:00:00Z"));
    assert_string_equal(c.note, "異動");
    assert_itsm_ok(itsm_pending_to_json(&text, p));
    assert_non_null(strstr(text, "\"at\": \"2024-05-01T00:00:00Z\""));
    assert_itsm_ok(itsm_pending_from_json(&back, text, strlen(text)));
    assert_itsm_ok(itsm_pending_to_json(&again, back));
    assert_string_equal(text, again);
    itsm_free(text);
    itsm_free(again);
    itsm_pending_free(back);
    itsm_pending_free(p);

    /* Built through the API, with a due date: identical after a load. */
    assert_itsm_ok(itsm_pending_new(&p, "P-9", "Renew support", "tanaka", at("2024-01-01T00:00:00Z")));
    assert_itsm_ok(itsm_pending_set_due_date(p, (itsm_date){2024, 12, 31}));
    assert_itsm_ok(itsm_pending_set_owner(p, "sato", at("2024-02-01T00:00:00Z"), "handover"));
    assert_itsm_ok(itsm_pending_to_json(&text, p));
    assert_itsm_ok(itsm_pending_from_json(&back, text, strlen(text)));
    assert_itsm_ok(itsm_pending_to_json(&again, back));
    assert_string_equal(text, again);
    assert_non_null(strstr(text, "\"due\": \"2024-12-31\""));
    itsm_free(text);
    itsm_free(again);
    itsm_pending_free(back);
    itsm_pending_free(p);
}

typedef struct bad_doc {
    int pending; /* 0: configuration item, 1: pending item */
    const char *json;
    int code;
    const char *fragment;
} bad_doc;

#define CI_HEAD "{\"itsm_schema\": 1, \"type\": \"configuration_item\", "
#define PI_HEAD "{\"itsm_schema\": 1, \"type\": \"pending_item\", \"id\": \"P\", \"title\": \"t\", \"owner\": \"o\""

static const bad_doc BAD_DOCS[] = {
    {0, "{\"itsm_schema\": 1, \"type\": \"configuration_item\", \"id\": ", ITSM_EPARSE, "line 1"},
    {0, "[]", ITSM_EINVAL, "$: expected an object, got an array"},
    {0, "{\"type\": \"configuration_item\", \"id\": \"x\"}", ITSM_EVERSION, "$: missing \"itsm_schema\""},
    {0, "{\"itsm_schema\": 2, \"type\": \"configuration_item\", \"id\": \"x\"}", ITSM_EVERSION, "$.itsm_schema: version 2"},
    {0, "{\"itsm_schema\": 1, \"type\": \"pending_item\", \"id\": \"x\"}", ITSM_EINVAL,
     "$.type: \"pending_item\" is not \"configuration_item\""},
    {0, CI_HEAD "\"id\": \"x\", \"warranty\": \"2025-01-01\"}", ITSM_EINVAL, "$.warranty: unknown key"},
    {0, CI_HEAD "\"name\": \"x\"}", ITSM_EINVAL, "$: missing required key"},
    {0, CI_HEAD "\"id\": \"\"}", ITSM_EINVAL, "$.id: must not be empty"},
    {0, CI_HEAD "\"id\": 7}", ITSM_EINVAL, "$.id: expected a string, got an integer"},
    {0, CI_HEAD "\"id\": \"x\", \"warranty_end\": \"2025-02-30\"}", ITSM_ERANGE, "$.warranty_end: \"2025-02-30\""},
    {0, CI_HEAD "\"id\": \"x\", \"support_end\": 2025}", ITSM_EINVAL, "$.support_end: expected a string"},
    {0, CI_HEAD "\"id\": \"x\", \"model\": null}", ITSM_EINVAL, "$.model: expected a string, got null"},
    {1, PI_HEAD ", \"status\": \"done\"}", ITSM_EINVAL, "$.status: \"done\" is not a status"},
    {1, PI_HEAD ", \"due\": \"2024-01-01\", \"trigger_event\": \"e\"}", ITSM_EINVAL, "$.trigger_event: a pending item is due"},
    {1, PI_HEAD ", \"trigger_event\": \"\"}", ITSM_EINVAL, "$.trigger_event: "},
    {1, PI_HEAD ", \"due\": \"2024/01/01\"}", ITSM_EPARSE, "$.due: "},
    {1, PI_HEAD ", \"history\": {}}", ITSM_EINVAL, "$.history: expected an array, got an object"},
    {1, PI_HEAD ", \"history\": [{\"at\": \"2024-01-01T00:00:00Z\", \"owner\": \"o\"}]}", ITSM_EINVAL,
     "$.history[0]: missing required key \"status\""},
    {1, PI_HEAD ", \"history\": [{\"at\": \"2024-01-01\", \"owner\": \"o\", \"status\": \"open\"}]}", ITSM_EPARSE,
     "$.history[0].at: "},
    {1, PI_HEAD ", \"history\": [{\"at\": \"2024-01-02T00:00:00Z\", \"owner\": \"o\", \"status\": \"open\"}, "
                "{\"at\": \"2024-01-01T00:00:00Z\", \"owner\": \"o\", \"status\": \"open\"}]}",
     ITSM_EINVAL, "$.history[1].at: "},
    {1, PI_HEAD ", \"history\": [{\"at\": \"2024-01-01T00:00:00Z\", \"owner\": \"x\", \"status\": \"open\"}]}",
     ITSM_EINVAL, "$.history[0]: the last history entry must match"},
    {1, PI_HEAD ", \"history\": [{\"at\": \"2024-01-01T00:00:00Z\", \"owner\": \"o\", \"status\": \"open\", \"by\": 1}]}",
     ITSM_EINVAL, "$.history[0].by: unknown key"},
    {1, "{\"itsm_schema\": 1, \"type\": \"pending_item\", \"id\": \"P\", \"title\": \"t\"}", ITSM_EINVAL,
     "$: missing required key \"owner\""},
};

static void test_errors_name_their_path(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof BAD_DOCS / sizeof BAD_DOCS[0]; i++) {
        const bad_doc *b = &BAD_DOCS[i];
        itsm_ci *ci = NULL;
        itsm_pending_item *p = NULL;
        itsm_error_clear();
        int rc = b->pending ? itsm_pending_from_json(&p, b->json, strlen(b->json))
                            : itsm_ci_from_json(&ci, b->json, strlen(b->json));
        if (rc != b->code || strstr(itsm_error_last(), b->fragment) == NULL) {
            print_error("document %zu: %s\n  returned %d, expected %d\n  message: %s\n  expected to contain: %s\n",
                        i, b->json, rc, b->code, itsm_error_last(), b->fragment);
            fail();
        }
        assert_null(ci);
        assert_null(p);
    }
}

/* ---- sets ------------------------------------------------------------------------------------ */

static void test_sets_round_trip_and_feed_expiring(void **state)
{
    (void)state;
    char *ci_text = itsm_test_read_source("examples/data/configuration-items.json");
    char *pending_text = itsm_test_read_source("examples/data/pending-items.json");
    itsm_ci **cis = NULL;
    itsm_pending_item **items = NULL;
    size_t n_cis = 0, n_items = 0;
    assert_itsm_ok(itsm_ci_set_from_json(&cis, &n_cis, ci_text, strlen(ci_text)));
    assert_itsm_ok(itsm_pending_set_from_json(&items, &n_items, pending_text, strlen(pending_text)));
    assert_int_equal(n_cis, 3);
    assert_int_equal(n_items, 3);
    assert_string_equal(itsm_ci_id(cis[1]), "ups-02");
    assert_string_equal(itsm_pending_owner(items[0]), "suzuki");
    assert_int_equal(itsm_pending_history_count(items[0]), 3);
    char *text = NULL;
    assert_itsm_ok(itsm_ci_set_to_json(&text, (const itsm_ci *const *)cis, n_cis));
    assert_string_equal(text, ci_text);
    itsm_free(text);
    assert_itsm_ok(itsm_pending_set_to_json(&text, (const itsm_pending_item *const *)items, n_items));
    assert_string_equal(text, pending_text);
    itsm_free(text);

    /* as of 2025-04-01, 120 days: srv-01's warranty (overdue), P-7's event, ups-02's
     * warranty, P-8's due date; not ups-02's product life (182 days), not closed P-9 */
    const itsm_labeled_date events[] = {{"OS version-up of server X", {2025, 5, 10}}};
    itsm_due *due = NULL;
    size_t n = 0;
    assert_itsm_ok(itsm_expiring(&due, &n, (const itsm_ci *const *)cis, n_cis,
                                 (const itsm_pending_item *const *)items, n_items, NULL, 0, events, 1,
                                 (itsm_date){2025, 4, 1}, 120));
    assert_int_equal(n, 4);
    const char *subjects[] = {"srv-01", "P-7", "ups-02", "P-8"};
    const int32_t days[] = {-1, 39, 90, 105};
    const itsm_due_kind kinds[] = {ITSM_DUE_WARRANTY, ITSM_DUE_PENDING_EVENT, ITSM_DUE_WARRANTY,
                                   ITSM_DUE_PENDING_DATE};
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(due[i].subject, subjects[i]);
        assert_int_equal(due[i].days_left, days[i]);
        assert_int_equal(due[i].kind, kinds[i]);
    }
    itsm_free(due);
    itsm_ci_set_free(cis, n_cis);
    itsm_pending_set_free(items, n_items);
    free(ci_text);
    free(pending_text);

    const char *empty = "{\"itsm_schema\": 1, \"type\": \"pending_item_set\", \"items\": []}";
    assert_itsm_ok(itsm_pending_set_from_json(&items, &n_items, empty, strlen(empty)));
    assert_null(items);
    assert_int_equal(n_items, 0);
    assert_itsm_ok(itsm_ci_set_to_json(&text, NULL, 0));
    assert_string_equal(text, "{\n  \"itsm_schema\": 1,\n  \"type\": \"configuration_item_set\",\n  \"items\": []\n}\n");
    itsm_free(text);
    itsm_ci_set_free(NULL, 0);
    itsm_pending_set_free(NULL, 0);
}

#define CI_SET(items) "{\"itsm_schema\": 1, \"type\": \"configuration_item_set\", \"items\": [" items "]}"
#define PI_SET(items) "{\"itsm_schema\": 1, \"type\": \"pending_item_set\", \"items\": [" items "]}"

static void test_set_errors(void **state)
{
    (void)state;
    itsm_ci **cis = NULL;
    itsm_pending_item **items = NULL;
    size_t n = 5;
#define BAD_C(doc, code, fragment) assert_itsm_error(itsm_ci_set_from_json(&cis, &n, doc, strlen(doc)), code, fragment)
#define BAD_P(doc, code, fragment) \
    assert_itsm_error(itsm_pending_set_from_json(&items, &n, doc, strlen(doc)), code, fragment)
    BAD_C(CI_SET("{\"id\": \"a\"}, {\"id\": \"b\", \"warranty_end\": \"2025-02-30\"}"), ITSM_ERANGE,
          "$.items[1].warranty_end");
    BAD_C(CI_SET("{\"type\": \"configuration_item\", \"id\": \"a\"}"), ITSM_EINVAL, "$.items[0].type: unknown key");
    BAD_C(CI_SET("{\"name\": \"a\"}"), ITSM_EINVAL, "$.items[0]: missing required key \"id\"");
    BAD_C(CI_SET("[]"), ITSM_EINVAL, "$.items[0]: expected an object");
    BAD_C("{\"itsm_schema\": 1, \"type\": \"configuration_item_set\", \"records\": []}", ITSM_EINVAL,
          "$.records: unknown key");
    BAD_C(PI_SET(""), ITSM_EINVAL, "$.type");
    BAD_P(PI_SET("{\"id\": \"P\", \"title\": \"t\", \"owner\": \"o\", \"history\": [{\"at\": "
                 "\"2024-01-02T00:00:00Z\", \"owner\": \"o\", \"status\": \"open\"}, {\"at\": "
                 "\"2024-01-01T00:00:00Z\", \"owner\": \"o\", \"status\": \"open\"}]}"),
          ITSM_EINVAL, "$.items[0].history[1].at");
    BAD_P(PI_SET("{\"id\": \"P\", \"title\": \"t\", \"owner\": \"o\", \"due\": \"2025-01-01\", "
                 "\"trigger_event\": \"e\"}"),
          ITSM_EINVAL, "$.items[0].trigger_event");
    BAD_P("{\"itsm_schema\": 2, \"type\": \"pending_item_set\", \"items\": []}", ITSM_EVERSION, "itsm_schema");
    BAD_P("{\"itsm_schema\": 1, \"type\": \"pending_item_set\"}", ITSM_EINVAL, "missing required key \"items\"");
    BAD_P("{\"itsm_schema\": 1, \"type\": \"pending_item_set\", \"items\": [{}", ITSM_EPARSE,
          "pending item set: malformed JSON");
#undef BAD_C
#undef BAD_P
    assert_null(cis);
    assert_null(items);
    assert_int_equal(n, 5);
    char *text = NULL;
    const itsm_ci *no_ci[] = {NULL};
    const itsm_pending_item *no_item[] = {NULL};
    assert_itsm_error(itsm_ci_set_to_json(&text, no_ci, 1), ITSM_EINVAL, "cis[0] is NULL");
    assert_itsm_error(itsm_pending_set_to_json(&text, no_item, 1), ITSM_EINVAL, "items[0] is NULL");
    assert_itsm_error(itsm_ci_set_to_json(&text, NULL, 2), ITSM_EINVAL, "cis");
    assert_itsm_error(itsm_pending_set_to_json(NULL, NULL, 0), ITSM_EINVAL, "out");
    assert_itsm_error(itsm_ci_set_from_json(NULL, &n, "{}", 2), ITSM_EINVAL, "out");
    assert_itsm_error(itsm_pending_set_from_json(&items, NULL, "{}", 2), ITSM_EINVAL, "out_count");
    assert_itsm_error(itsm_ci_set_from_json(&cis, &n, NULL, 0), ITSM_EINVAL, "json");
    assert_null(text);
}

/* ---- allocation failures ------------------------------------------------------------------------- */

static int scenario_ci(const void *ctx)
{
    const char *doc = ctx;
    itsm_ci *ci = NULL, *copy = NULL;
    char *text = NULL;
    int rc = itsm_ci_from_json(&ci, doc, strlen(doc));
    if (rc == ITSM_OK)
        rc = itsm_ci_clone(&copy, ci);
    if (rc == ITSM_OK)
        rc = itsm_ci_to_json(&text, copy);
    itsm_free(text);
    itsm_ci_free(copy);
    itsm_ci_free(ci);
    return rc;
}

static int scenario_pending(const void *ctx)
{
    const char *doc = ctx;
    itsm_pending_item *p = NULL, *copy = NULL;
    char *text = NULL;
    int rc = itsm_pending_from_json(&p, doc, strlen(doc));
    if (rc == ITSM_OK)
        rc = itsm_pending_clone(&copy, p);
    if (rc == ITSM_OK)
        rc = itsm_pending_set_owner(copy, "sato", INT64_C(1735689600), "handover");
    if (rc == ITSM_OK)
        rc = itsm_pending_set_trigger_event(copy, "another event");
    if (rc == ITSM_OK)
        rc = itsm_pending_to_json(&text, copy);
    itsm_free(text);
    itsm_pending_free(copy);
    itsm_pending_free(p);
    return rc;
}

static int scenario_expiring(const void *ctx)
{
    (void)ctx;
    itsm_ci *ci = NULL;
    itsm_pending_item *p = NULL;
    itsm_due *due = NULL;
    size_t n = 0;
    int rc = itsm_ci_new(&ci, "srv");
    if (rc == ITSM_OK)
        rc = itsm_ci_set_text(ci, ITSM_CI_MODEL, "PX");
    if (rc == ITSM_OK)
        rc = itsm_ci_set_date(ci, ITSM_CI_WARRANTY_END, (itsm_date){2024, 5, 1});
    if (rc == ITSM_OK)
        rc = itsm_ci_set_date(ci, ITSM_CI_SUPPORT_END, (itsm_date){2024, 5, 2});
    if (rc == ITSM_OK)
        rc = itsm_pending_new(&p, "P", "t", "o", 0);
    if (rc == ITSM_OK)
        rc = itsm_pending_set_trigger_event(p, "e");
    if (rc == ITSM_OK)
        rc = itsm_pending_set_status(p, ITSM_PENDING_ON_HOLD, 1, NULL);
    const itsm_ci *cis[] = {ci};
    const itsm_pending_item *items[] = {p};
    const itsm_labeled_date ends[] = {{"c", {2024, 4, 30}}};
    const itsm_labeled_date events[] = {{"e", {2024, 4, 29}}};
    if (rc == ITSM_OK)
        rc = itsm_expiring(&due, &n, cis, 1, items, 1, ends, 1, events, 1, (itsm_date){2024, 4, 1}, 60);
    if (rc == ITSM_OK && n != 4)
        rc = ITSM_ERROR;
    itsm_free(due);
    itsm_pending_free(p);
    itsm_ci_free(ci);
    return rc;
}

static int scenario_sets(const void *ctx)
{
    const char *const *docs = ctx;
    itsm_ci **cis = NULL;
    itsm_pending_item **items = NULL;
    size_t n_cis = 0, n_items = 0;
    char *a = NULL, *b = NULL;
    int rc = itsm_ci_set_from_json(&cis, &n_cis, docs[0], strlen(docs[0]));
    if (rc == ITSM_OK)
        rc = itsm_pending_set_from_json(&items, &n_items, docs[1], strlen(docs[1]));
    if (rc == ITSM_OK)
        rc = itsm_ci_set_to_json(&a, (const itsm_ci *const *)cis, n_cis);
    if (rc == ITSM_OK)
        rc = itsm_pending_set_to_json(&b, (const itsm_pending_item *const *)items, n_items);
    itsm_free(a);
    itsm_free(b);
    itsm_ci_set_free(cis, n_cis);
    itsm_pending_set_free(items, n_items);
    return rc;
}

/* The getters and the setters that only change values ask for no memory. */
static void test_readers_do_not_allocate(void **state)
{
    (void)state;
    itsm_test_chaos chaos;
    itsm_test_chaos_install(&chaos);
    itsm_ci *ci = NULL;
    itsm_pending_item *p = NULL;
    assert_itsm_ok(itsm_ci_from_json(&ci, CI_DOC, strlen(CI_DOC)));
    assert_itsm_ok(itsm_pending_from_json(&p, PENDING_DOC, strlen(PENDING_DOC)));
    itsm_test_forbid_allocation(&chaos);
    int set = 0;
    itsm_date d = {0, 0, 0};
    itsm_pending_status st;
    itsm_pending_change ch;
    const char *name = NULL;
    assert_string_equal(itsm_ci_id(ci), "srv-01");
    assert_string_equal(itsm_ci_get_text(ci, ITSM_CI_MODEL), "PX-2000");
    assert_int_equal(itsm_ci_get_date(&set, &d, ci, ITSM_CI_SUPPORT_END), ITSM_OK);
    assert_int_equal(itsm_ci_set_date(ci, ITSM_CI_WARRANTY_END, (itsm_date){2026, 3, 31}), ITSM_OK);
    assert_int_equal(itsm_ci_clear_date(ci, ITSM_CI_PARTS_SUPPLY_END), ITSM_OK);
    assert_string_equal(itsm_pending_id(p), "P-7");
    assert_non_null(itsm_pending_title(p));
    assert_string_equal(itsm_pending_owner(p), "suzuki");
    assert_int_equal(itsm_pending_get_status(&st, p), ITSM_OK);
    assert_non_null(itsm_pending_trigger_event(p));
    assert_int_equal(itsm_pending_set_due_date(p, (itsm_date){2025, 1, 31}), ITSM_OK);
    assert_int_equal(itsm_pending_get_due_date(&set, &d, p), ITSM_OK);
    assert_int_equal(itsm_pending_history_count(p), 3);
    assert_int_equal(itsm_pending_history_get(&ch, p, 1), ITSM_OK);
    assert_int_equal(itsm_pending_history_get(&ch, p, 3), ITSM_ERANGE);
    assert_int_equal(itsm_pending_status_name(&name, ITSM_PENDING_ON_HOLD), ITSM_OK);
    assert_int_equal(itsm_due_kind_name(&name, ITSM_DUE_PENDING_EVENT), ITSM_OK);
    assert_int_equal(itsm_ci_set_date(ci, ITSM_CI_WARRANTY_END, (itsm_date){2201, 1, 1}), ITSM_ERANGE);
    itsm_test_assert_no_allocation(&chaos);
    itsm_pending_free(p);
    itsm_ci_free(ci);
    assert_int_equal(itsm_set_allocator(NULL), ITSM_OK);
}

static void test_allocation_failures(void **state)
{
    (void)state;
    itsm_test_alloc_sweep("ci", scenario_ci, CI_DOC, ITSM_OK);
    itsm_test_alloc_sweep("pending", scenario_pending, PENDING_DOC, ITSM_OK);
    itsm_test_alloc_sweep("bad history", scenario_pending,
                          PI_HEAD ", \"history\": [{\"at\": \"2024-01-01T00:00:00Z\", \"owner\": \"o\", \"status\": "
                                  "\"open\"}, {\"at\": \"2024-01-02T00:00:00Z\", \"owner\": \"x\", \"status\": \"open\"}]}",
                          ITSM_EINVAL);
    itsm_test_alloc_sweep("expiring", scenario_expiring, NULL, ITSM_OK);
    char *docs[2] = {itsm_test_read_source("examples/data/configuration-items.json"),
                     itsm_test_read_source("examples/data/pending-items.json")};
    itsm_test_alloc_sweep("sets", scenario_sets, docs, ITSM_OK);
    const char *const bad[2] = {docs[0], PI_SET("{\"id\": \"P\", \"title\": \"t\", \"owner\": \"o\"}, "
                                                "{\"id\": \"Q\", \"title\": \"t\", \"owner\": \"\"}")};
    itsm_test_alloc_sweep("bad pending set", scenario_sets, bad, ITSM_EINVAL);
    free(docs[0]);
    free(docs[1]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ci_fields),
        cmocka_unit_test(test_pending_history_survives_owner_change),
        cmocka_unit_test(test_expiring_sorted_with_overdue),
        cmocka_unit_test(test_ci_round_trip),
        cmocka_unit_test(test_pending_round_trip),
        cmocka_unit_test(test_errors_name_their_path),
        cmocka_unit_test(test_sets_round_trip_and_feed_expiring),
        cmocka_unit_test(test_set_errors),
        cmocka_unit_test(test_readers_do_not_allocate),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, itsm_test_group_setup, itsm_test_group_teardown);
}
