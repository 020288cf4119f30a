/* The contract lint (itsm_agreement_lint, and for services and parties on their own
 * itsm_service_lint and itsm_party_lint): what a document lacks or leaves ambiguous, with
 * the JSON path and the guideline item that asks for it. The rules are listed in
 * docs/agreements.md; each finding names its source (seed A = the IT service guideline,
 * seed B = the operation handbook). */
#include "internal.h"
#include "model/agreement_internal.h"
#include "sla/sla_internal.h"

#include <stdio.h>
#include <string.h>

#define PATH_MAX_LEN 160

typedef struct lint_ctx {
    itsm_finding *items;
    size_t count, cap;
    int rc;
} lint_ctx;

static void add(lint_ctx *c, itsm_severity severity, const char *path, const char *guideline, const char *fmt,
                ...) ITSM__PRINTF(5, 6);

static void add(lint_ctx *c, itsm_severity severity, const char *path, const char *guideline, const char *fmt, ...)
{
    if (c->rc != ITSM_OK)
        return;
    char message[512];
    va_list ap;
    va_start(ap, fmt);
    (void)vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    size_t plen = strlen(path) + 1, mlen = strlen(message) + 1;
    void *items = c->items;
    int rc = itsm__reserve(&items, &c->cap, c->count + 1, sizeof *c->items, "lint findings");
    if (rc != ITSM_OK) {
        c->rc = rc;
        return;
    }
    c->items = items;
    char *text = itsm__malloc(plen + mlen, "lint finding");
    if (text == NULL) {
        c->rc = ITSM_ENOMEM;
        return;
    }
    memcpy(text, path, plen);
    memcpy(text + plen, message, mlen);
    itsm_finding *f = &c->items[c->count++];
    f->severity = severity;
    f->path = text;
    f->message = text + plen;
    f->guideline = guideline;
}

/* buf = a + b + c, cut at PATH_MAX_LEN - 1 bytes (paths in findings are for people). */
static void cat3(char *buf, const char *a, const char *b, const char *c)
{
    const char *parts[3] = {a, b, c};
    size_t used = 0;
    for (size_t i = 0; i < 3; i++) {
        size_t n = strlen(parts[i]);
        if (n > PATH_MAX_LEN - 1 - used)
            n = PATH_MAX_LEN - 1 - used;
        memmove(buf + used, parts[i], n);
        used += n;
    }
    buf[used] = '\0';
}

static void join(char *buf, const char *parent, const char *key)
{
    cat3(buf, parent, ".", key);
}

static void join_index(char *buf, const char *parent, size_t index)
{
    char num[32];
    (void)snprintf(num, sizeof num, "[%zu]", index);
    cat3(buf, parent, num, "");
}

static bool has(const itsm__anode *obj, const char *key)
{
    const itsm__anode *n = itsm__anode_get(obj, key);
    return n != NULL && !(n->kind == ITSM__AN_ARRAY && n->count == 0) &&
           !(n->kind == ITSM__AN_OBJECT && n->count == 0);
}

/* An error when `key` is absent from `obj` at `path`. */
static void need(lint_ctx *c, const itsm__anode *obj, const char *path, const char *key, itsm_severity severity,
                 const char *guideline, const char *what)
{
    if (has(obj, key))
        return;
    char p[PATH_MAX_LEN];
    join(p, path, key);
    add(c, severity, p, guideline, "missing %s", what);
}

static int date_cmp(itsm_date a, itsm_date b)
{
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.month != b.month)
        return a.month < b.month ? -1 : 1;
    return a.day < b.day ? -1 : a.day > b.day ? 1 : 0;
}

/* A calendar name used at `path` must be declared in "calendars" of `root` (NULL for a
 * party document, which declares none: its names refer to documents elsewhere). */
static void check_calendar_name(lint_ctx *c, const itsm__anode *root, const char *name, const char *path)
{
    if (name == NULL || root == NULL)
        return;
    const itsm__anode *cals = itsm__anode_get(root, "calendars");
    for (size_t i = 0; cals != NULL && i < cals->count; i++) {
        const char *declared = itsm__anode_text(&cals->items[i], "name");
        if (declared != NULL && strcmp(declared, name) == 0)
            return;
    }
    char p[PATH_MAX_LEN];
    join(p, path, "calendar");
    add(c, ITSM_SEVERITY_ERROR, p, "seed A 4.3 受付方法及び時間 / 保守時間 (reception and maintenance hours)",
        "calendar \"%.60s\" is not declared in $.calendars, so its hours are undefined", name);
}

static void check_calendar_ref(lint_ctx *c, const itsm__anode *root, const itsm__anode *obj, const char *path)
{
    check_calendar_name(c, root, itsm__anode_text(obj, "calendar"), path);
}

static void lint_service(lint_ctx *c, const itsm__anode *r)
{
    need(c, r, "$", "name", ITSM_SEVERITY_ERROR, "seed A 4.3 / 5.1 サービス名称 (service name)", "service name");
    need(c, r, "$", "content", ITSM_SEVERITY_ERROR, "seed A 4.3 / 5.1 サービス内容 (service content)",
         "service content");
    need(c, r, "$", "exclusions", ITSM_SEVERITY_ERROR, "seed A 4.3 対象外 / 5.1 注意事項 (exclusions and restrictions)",
         "exclusions and restrictions");
    need(c, r, "$", "environment", ITSM_SEVERITY_ERROR, "seed A 4.3 対象環境 (target environment)",
         "target environment");
    need(c, r, "$", "contract_date", ITSM_SEVERITY_ERROR, "seed A 4.3 契約年月日 (contract date)", "contract date");
    const itsm__anode *period = itsm__anode_get(r, "period");
    if (period == NULL) {
        need(c, r, "$", "period", ITSM_SEVERITY_ERROR, "seed A 4.3 契約期間 (contract period)",
             "contract period (start and end)");
    } else {
        need(c, period, "$.period", "start", ITSM_SEVERITY_ERROR, "seed A 4.3 契約期間 (contract period)",
             "service start date");
        need(c, period, "$.period", "end", ITSM_SEVERITY_ERROR, "seed A 4.3 契約期間 (contract period)",
             "service end date");
        const itsm__anode *s = itsm__anode_get(period, "start"), *e = itsm__anode_get(period, "end");
        if (s != NULL && e != NULL && date_cmp(e->date, s->date) < 0)
            add(c, ITSM_SEVERITY_ERROR, "$.period.end", "seed A 4.3 契約期間 (contract period)",
                "the contract period ends before it starts");
    }
    need(c, r, "$", "renewal", ITSM_SEVERITY_ERROR, "seed A 4.3 更新・解除条件 (renewal and termination)",
         "renewal and termination conditions");
    const itsm__anode *fee = itsm__anode_get(r, "fee");
    if (fee == NULL) {
        need(c, r, "$", "fee", ITSM_SEVERITY_ERROR, "seed A 4.3 料金 (fee)", "fee");
    } else {
        need(c, fee, "$.fee", "amount", ITSM_SEVERITY_ERROR, "seed A 4.3 料金 (fee)", "fee amount");
        need(c, fee, "$.fee", "per", ITSM_SEVERITY_ERROR, "seed A 4.3 料金 (fee)",
             "fee period (month, year or once)");
        need(c, fee, "$.fee", "currency", ITSM_SEVERITY_WARNING, "seed A 4.3 料金 (fee)", "fee currency");
    }
    const itsm__anode *rec = itsm__anode_get(r, "reception");
    if (rec == NULL) {
        need(c, r, "$", "reception", ITSM_SEVERITY_ERROR,
             "seed A 4.3 受付方法及び時間 / 5.1 受付時間 (reception method and hours)", "reception method and hours");
    } else {
        need(c, rec, "$.reception", "methods", ITSM_SEVERITY_ERROR, "seed A 4.3 受付方法及び時間 (reception method)",
             "reception methods (phone, mail, ...)");
        need(c, rec, "$.reception", "calendar", ITSM_SEVERITY_ERROR,
             "seed A 4.3 受付方法及び時間 (weekday, Saturday, Sunday, holiday hours)",
             "reception hours as a named calendar");
        need(c, rec, "$.reception", "after_hours", ITSM_SEVERITY_WARNING, "seed A 5.1 受付時間 (時間外対応)",
             "after-hours handling");
        check_calendar_ref(c, r, rec, "$.reception");
    }
    const itsm__anode *mh = itsm__anode_get(r, "maintenance_hours");
    if (mh == NULL || !has(mh, "calendar")) {
        add(c, ITSM_SEVERITY_ERROR, mh == NULL ? "$.maintenance_hours" : "$.maintenance_hours.calendar",
            "seed A 4.3 保守時間 (maintenance hours)", "missing maintenance hours as a named calendar");
    } else {
        check_calendar_ref(c, r, mh, "$.maintenance_hours");
    }
    const itsm__anode *council = itsm__anode_get(r, "council");
    if (council == NULL || !has(council, "held")) {
        add(c, ITSM_SEVERITY_ERROR, council == NULL ? "$.council" : "$.council.held",
            "seed A 4.3 定例協議会 (regular council)", "missing whether a regular council is held");
    } else if (itsm__anode_get(council, "held")->flag && !has(council, "cadence")) {
        add(c, ITSM_SEVERITY_WARNING, "$.council.cadence", "seed A 4.3 定例協議会 (regular council)",
            "a regular council is held but its cadence is not given");
    }
    need(c, r, "$", "confidentiality", ITSM_SEVERITY_ERROR, "seed A 4.3 秘密保持 (confidentiality)",
         "confidentiality terms");
    need(c, r, "$", "subcontracting", ITSM_SEVERITY_ERROR, "seed A 4.3 再委任 (subcontracting)",
         "subcontracting conditions");
    need(c, r, "$", "delivery_forms", ITSM_SEVERITY_ERROR, "seed A 4.3 ITサービス提供形態, Table 12 (delivery form)",
         "service delivery form");
    const itsm__anode *ea = itsm__anode_get(r, "engineer_assignment");
    if (ea == NULL || !has(ea, "kind")) {
        add(c, ITSM_SEVERITY_ERROR, ea == NULL ? "$.engineer_assignment" : "$.engineer_assignment.kind",
            "seed A 4.3 技術者専任・非専任, Table 13 (engineer assignment)",
            "missing engineer assignment (dedicated or non-dedicated)");
    } else if (strcmp(itsm__anode_text(ea, "kind"), "dedicated") == 0 && !has(ea, "engineers")) {
        add(c, ITSM_SEVERITY_ERROR, "$.engineer_assignment.engineers",
            "seed A 4.3 技術者専任・非専任, Table 13 (engineer assignment)",
            "dedicated engineers must be named");
    }
    if (!has(r, "sla_items"))
        add(c, ITSM_SEVERITY_ERROR, "$.sla_items", "seed A 5.1 サービス目標 (SLM, SLA)",
            "missing service targets (SLA items)");
}

static void lint_person(lint_ctx *c, const itsm__anode *person, const char *path, const char *guideline)
{
    need(c, person, path, "name", ITSM_SEVERITY_ERROR, guideline, "name");
    if (!has(person, "phone") && !has(person, "mail")) {
        add(c, ITSM_SEVERITY_ERROR, path, guideline, "no contact (phone or mail)");
    }
}

/* One side of seed A 4.4 at `path`; the company is asked for when `need_company`. */
static void lint_side(lint_ctx *c, const itsm__anode *r, const itsm__anode *party, const char *path,
                      bool need_company)
{
    char p[PATH_MAX_LEN];
    if (need_company)
        need(c, party, path, "company", ITSM_SEVERITY_ERROR, "seed A 4.4 会社名・部署名 (company and department)",
             "company name");
    need(c, party, path, "department", ITSM_SEVERITY_ERROR, "seed A 4.4 会社名・部署名 / 部署名 (department)",
         "department");
    const itsm__anode *resp = itsm__anode_get(party, "responsible");
    join(p, path, "responsible");
    if (resp == NULL) {
        add(c, ITSM_SEVERITY_ERROR, p, "seed A 4.4 責任者 (responsible person)", "missing the responsible person");
    } else {
        const char *keys[] = {"sales", "technical"};
        for (size_t i = 0; i < 2; i++) {
            const itsm__anode *person = itsm__anode_get(resp, keys[i]);
            if (person != NULL) {
                char pp[PATH_MAX_LEN];
                join(pp, p, keys[i]);
                lint_person(c, person, pp, "seed A 4.4 責任者 (responsible person: name, contact)");
            }
        }
        if (resp->count == 0)
            add(c, ITSM_SEVERITY_ERROR, p, "seed A 4.4 責任者 (responsible person)",
                "missing the responsible person");
    }
    const itsm__anode *pic = itsm__anode_get(party, "persons_in_charge");
    join(p, path, "persons_in_charge");
    if (pic == NULL || pic->count == 0)
        add(c, ITSM_SEVERITY_ERROR, p, "seed A 4.4 担当者 (persons in charge)", "missing persons in charge");
    for (size_t i = 0; pic != NULL && i < pic->count; i++) {
        char pp[PATH_MAX_LEN];
        join_index(pp, p, i);
        lint_person(c, &pic->items[i], pp, "seed A 4.4 担当者 (persons in charge: name, contact)");
    }
    const itsm__anode *inq = itsm__anode_get(party, "inquiry");
    join(p, path, "inquiry");
    if (inq == NULL || inq->count == 0)
        add(c, ITSM_SEVERITY_ERROR, p, "seed A 4.4 問い合わせ先 / 5.1 連絡先 (inquiry contact)",
            "missing the inquiry contact (phone, fax, URL, mail)");
    else
        check_calendar_ref(c, r, inq, p);
    const itsm__anode *roles = itsm__anode_get(party, "roles");
    join(p, path, "roles");
    if (roles == NULL || roles->count == 0)
        add(c, ITSM_SEVERITY_ERROR, p, "seed A 4.4 役割分担 (role split)",
            "missing the role split (support scope, responsibility scope)");
    else if (!has(roles, "responsibility_scope"))
        need(c, roles, p, "responsibility_scope", ITSM_SEVERITY_WARNING, "seed A 4.4 役割分担 (role split)",
             "responsibility scope");
}

static bool contact_given(const itsm__anode *contact)
{
    return has(contact, "phone") || has(contact, "mail") || has(contact, "url") || has(contact, "fax");
}

/* The emergency contact `em` at `path` (`whose`: "on the vendor side", ...). */
static void lint_emergency(lint_ctx *c, const itsm__anode *r, const itsm__anode *em, const char *path,
                           const char *whose)
{
    if (contact_given(em))
        check_calendar_ref(c, r, em, path);
    else
        add(c, ITSM_SEVERITY_ERROR, path, "seed A 4.4 緊急連絡先 / 5.1 連絡先 (緊急時) (emergency contact)",
            "no emergency contact %s", whose);
}

static void lint_parties(lint_ctx *c, const itsm__anode *r)
{
    const itsm__anode *parties = itsm__anode_get(r, "parties");
    const char *sides[] = {"vendor", "user"};
    if (parties == NULL) {
        add(c, ITSM_SEVERITY_ERROR, "$.parties", "seed A 4.4 運用面に関する項目 (operation items)",
            "missing the parties (vendor and user side)");
        add(c, ITSM_SEVERITY_ERROR, "$.parties", "seed A 4.4 緊急連絡先 / 5.1 連絡先 (緊急時) (emergency contact)",
            "no emergency contact on either side");
        return;
    }
    for (size_t i = 0; i < 2; i++) {
        const itsm__anode *party = itsm__anode_get(parties, sides[i]);
        char path[PATH_MAX_LEN];
        join(path, "$.parties", sides[i]);
        if (party == NULL)
            add(c, ITSM_SEVERITY_ERROR, path, "seed A 4.4 運用面に関する項目 (operation items)",
                "missing the %s side (company, responsible person, contacts, role split)", sides[i]);
        else
            lint_side(c, r, party, path, i == 0);
    }
    for (size_t i = 0; i < 2; i++) {
        const itsm__anode *party = itsm__anode_get(parties, sides[i]);
        char path[PATH_MAX_LEN], whose[32];
        cat3(path, "$.parties.", sides[i], ".emergency");
        (void)snprintf(whose, sizeof whose, "on the %s side", sides[i]);
        if (party != NULL)
            lint_emergency(c, r, itsm__anode_get(party, "emergency"), path, whose);
    }
}

/* A service's own contacts (seed A 5.1 連絡先: normal and emergency). */
static void lint_contacts(lint_ctx *c, const itsm__anode *r)
{
    const itsm__anode *contacts = itsm__anode_get(r, "contacts");
    const itsm__anode *inq = itsm__anode_get(contacts, "inquiry");
    if (inq == NULL || inq->count == 0)
        add(c, ITSM_SEVERITY_ERROR, "$.contacts.inquiry", "seed A 5.1 連絡先 (通常時) (contact)",
            "missing the inquiry contact (phone, fax, URL, mail)");
    else
        check_calendar_ref(c, r, inq, "$.contacts.inquiry");
    lint_emergency(c, r, itsm__anode_get(contacts, "emergency"), "$.contacts.emergency", "for the service");
}

/* An error when `present` is false: member `key` of the SLA item at `path` is missing. */
static void need_sla(lint_ctx *c, bool present, const char *path, const char *key, const char *what)
{
    if (present)
        return;
    char p[PATH_MAX_LEN];
    join(p, path, key);
    add(c, ITSM_SEVERITY_ERROR, p, "seed A 4.5 サービスレベル項目 (SLA item)", "missing %s", what);
}

static void lint_sla_levels(lint_ctx *c, const itsm_sla_item *s, const char *path)
{
    const char *g = "seed A 4.5 サービスレベル項目 (SLA item)";
    char p[PATH_MAX_LEN];
    if (s->agreed == 0) {
        join(p, path, "level");
        add(c, ITSM_SEVERITY_ERROR, p, g, "missing the agreed level (L1 .. L4)");
    } else if (s->agreed <= 4 && s->cells[s->agreed - 1].kind == ITSM_SLA_LEVEL_ABSENT) {
        cat3(p, path, ".levels.", itsm__sla_level_names[s->agreed - 1]);
        add(c, ITSM_SEVERITY_ERROR, p, g, "the agreed level %s has no value", itsm__sla_level_names[s->agreed - 1]);
    }
    for (int k = 0; k < 4; k++) {
        const itsm__sla_cell *lv = &s->cells[k];
        bool agreed = s->agreed == k + 1;
        const char *name = itsm__sla_level_names[k];
        cat3(p, path, ".levels.", name);
        if (lv->kind == ITSM_SLA_LEVEL_PER_CONTRACT) {
            add(c, agreed ? ITSM_SEVERITY_ERROR : ITSM_SEVERITY_INFO, p,
                "seed A 4.5 個別契約で設定 (set in the individual contract)",
                "level %s is \"per contract\" but the contract's value is not given%s", name,
                agreed ? " (it is the agreed level)" : "");
        } else if (agreed && lv->kind == ITSM_SLA_LEVEL_NOT_SUPPORTED) {
            add(c, ITSM_SEVERITY_ERROR, p, g, "the agreed level %s is \"not supported\"", name);
        }
    }
}

static void lint_sla(lint_ctx *c, const itsm__anode *r)
{
    const itsm__anode *slas = itsm__anode_get(r, "sla_items");
    for (size_t i = 0; slas != NULL && i < slas->count; i++) {
        const itsm_sla_item *s = slas->items[i].sla;
        char path[PATH_MAX_LEN];
        join_index(path, "$.sla_items", i);
        need_sla(c, s->texts[ITSM_SLA_TEXT_NAME] != NULL, path, "name", "service level item name");
        need_sla(c, s->unit != ITSM_SLA_UNIT_NONE, path, "unit", "measurement unit");
        need_sla(c, s->texts[ITSM_SLA_TEXT_MEASUREMENT] != NULL, path, "measurement", "measurement method");
        need_sla(c, s->commitment != ITSM_SLA_COMMITMENT_NONE, path, "kind", "target (目標) or guarantee (保証)");
        need_sla(c, s->texts[ITSM_SLA_TEXT_CALENDAR] != NULL, path, "calendar",
                 "calendar (whose business hours and holidays the times are counted in)");
        need_sla(c, s->period != ITSM_SLA_PERIOD_UNSTATED, path, "period",
                 "measurement period (month, year, ... or none)");
        check_calendar_name(c, r, s->texts[ITSM_SLA_TEXT_CALENDAR], path);
        lint_sla_levels(c, s, path);
    }
}

static void lint_work(lint_ctx *c, const itsm__anode *r)
{
    const itsm__anode *work = itsm__anode_get(r, "work_items");
    for (size_t i = 0; work != NULL && i < work->count; i++) {
        const itsm__anode *w = &work->items[i];
        const char *cat = itsm__anode_text(w, "category");
        char path[PATH_MAX_LEN];
        join_index(path, "$.work_items", i);
        if (cat == NULL) {
            need(c, w, path, "category", ITSM_SEVERITY_WARNING, "seed B 参考9-1 (operation contract checklist)",
                 "work category");
            continue;
        }
        if (strcmp(cat, "security") == 0)
            need(c, w, path, "frequency", ITSM_SEVERITY_ERROR,
                 "seed B 参考9-1 情報セキュリティ関連作業 (想定頻度も記述)",
                 "frequency of the security work (updates for vulnerabilities: state the expected frequency)");
        if (strcmp(cat, "emergency") == 0)
            need(c, w, path, "assignee", ITSM_SEVERITY_ERROR, "seed B 参考9-1 緊急対応 (emergency work)",
                 "who does the emergency work (vendor or user)");
    }
}

static void lint_hardware(lint_ctx *c, const itsm__anode *r)
{
    const char *model = itsm__anode_text(r, "service_model");
    const itsm__anode *hw = itsm__anode_get(r, "hardware");
    bool hardware = model != NULL && strcmp(model, "hardware_maintenance") == 0;
    if (!hardware && hw == NULL)
        return;
    const char *g = "seed A 2.6 / 4.6.1, Table 7 (hardware items to confirm)";
    if (hw == NULL) {
        add(c, ITSM_SEVERITY_ERROR, "$.hardware", g,
            "hardware maintenance without parts-supply period, non-covered parts and stop schedule");
        return;
    }
    need(c, hw, "$.hardware", "parts_supply_period", ITSM_SEVERITY_ERROR, g, "parts supply period");
    need(c, hw, "$.hardware", "non_covered_parts", ITSM_SEVERITY_ERROR, g, "parts not covered");
    need(c, hw, "$.hardware", "stop_schedule", ITSM_SEVERITY_ERROR, g, "planned and emergency stop schedule");
}

typedef void (*lint_fn)(lint_ctx *c, const itsm__anode *root);

/* Run `fns` (NULL-terminated) over `root` and hand the findings out. */
static int run_lint(itsm_finding **out, size_t *out_count, const itsm__anode *root, const lint_fn *fns)
{
    lint_ctx c = {NULL, 0, 0, ITSM_OK};
    for (size_t i = 0; fns[i] != NULL; i++)
        fns[i](&c, root);
    if (c.rc != ITSM_OK) {
        itsm_findings_free(c.items, c.count);
        return c.rc;
    }
    if (c.count == 0) {
        itsm__free(c.items);
        c.items = NULL;
    }
    *out = c.items;
    *out_count = c.count;
    return ITSM_OK;
}

itsm_status itsm_agreement_lint(itsm_finding **out, size_t *out_count, const itsm_agreement *agreement)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(out_count);
    *out = NULL;
    *out_count = 0;
    ITSM__CHECK_ARG(agreement);
    static const lint_fn fns[] = {lint_service, lint_parties, lint_sla, lint_work, lint_hardware, NULL};
    return run_lint(out, out_count, &agreement->root, fns);
}

itsm_status itsm_service_lint(itsm_finding **out, size_t *out_count, const itsm_service *service)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(out_count);
    *out = NULL;
    *out_count = 0;
    ITSM__CHECK_ARG(service);
    static const lint_fn fns[] = {lint_service, lint_contacts, lint_sla, lint_work, lint_hardware, NULL};
    return run_lint(out, out_count, &service->root, fns);
}

/* A party document on its own: its members are at "$", its calendar names refer to
 * documents elsewhere. */
static void lint_party_doc(lint_ctx *c, const itsm__anode *r)
{
    const char *side = itsm__anode_text(r, "side");
    bool user = side != NULL && strcmp(side, "user") == 0;
    lint_side(c, NULL, r, "$", !user);
    lint_emergency(c, NULL, itsm__anode_get(r, "emergency"), "$.emergency",
                         side == NULL ? "for this party" : user ? "on the user side" : "on the vendor side");
}

itsm_status itsm_party_lint(itsm_finding **out, size_t *out_count, const itsm_party *party)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(out_count);
    *out = NULL;
    *out_count = 0;
    ITSM__CHECK_ARG(party);
    static const lint_fn fns[] = {lint_party_doc, NULL};
    return run_lint(out, out_count, &party->root, fns);
}

void itsm_findings_free(itsm_finding *findings, size_t count)
{
    if (findings == NULL)
        return;
    for (size_t i = 0; i < count; i++)
        itsm__free((void *)(uintptr_t)findings[i].path);
    itsm__free(findings);
}
