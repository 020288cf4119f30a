/* Agreement, service and party documents (docs/schema/agreement.schema.json,
 * service.schema.json, party.schema.json, "itsm_schema": 1): the member tables, readers and
 * canonical writers (a table drives both directions: io/doc_table.h).
 *
 * One set of tables serves the three: a service is the service items of seed A 4.3 / 5.1
 * with its contacts, SLA items, work items and hardware details; a party is one side of
 * 4.4; an agreement is a service with its two parties. Each element of "sla_items" is read
 * and written by the SLA item reader (io/sla_json.h, the table kind ITSM__DK_SLA). Apart
 * from "id" every member is optional: completeness is the lints' job (lib/model/lint.c), so
 * an incomplete document still loads. */
#include "internal.h"
#include "io/doc_table.h"
#include "itsm/service.h"
#include "model/agreement_internal.h"

#define ITSM__AGREEMENT_SCHEMA 1

static const char *const service_models[] = {"hardware_maintenance", "package_maintenance", "security_monitoring",
                                             "server_operation", "saas", "other", NULL};
static const char *const fee_periods[] = {"month", "year", "once", NULL};
/* Table 12. */
static const char *const delivery_forms[] = {"resident", "standby", "visit", "remote", "send_back",
                                             "phone_fax_mail", "information", NULL};
/* Table 13. */
static const char *const assignments[] = {"dedicated", "non_dedicated", NULL};
static const char *const work_categories[] = {"security", "emergency", "monitoring", "backup", "maintenance",
                                              "report", "support", "other", NULL};
static const char *const sides[] = {"vendor", "user", NULL};

static const itsm__dfield period_fields[] = {DATE("start"), DATE("end")};
SPEC(period_spec, period_fields);
static const itsm__dfield fee_fields[] = {INT("amount"), STR("currency"), WORD("per", fee_periods), STR("note")};
SPEC(fee_spec, fee_fields);
static const itsm__dfield reception_fields[] = {STRS("methods"), STR("calendar"), STR("after_hours")};
SPEC(reception_spec, reception_fields);
static const itsm__dfield hours_fields[] = {STR("calendar"), STR("note")};
SPEC(hours_spec, hours_fields);
static const itsm__dfield calendar_fields[] = {
    STR_REQ("name"), STR("description"), STR("document")};
SPEC(calendar_spec, calendar_fields);
static const itsm__dfield council_fields[] = {BOOL("held"), STR("cadence")};
SPEC(council_spec, council_fields);
static const itsm__dfield assignment_fields[] = {WORD("kind", assignments), STRS("engineers")};
SPEC(assignment_spec, assignment_fields);
static const itsm__dfield person_fields[] = {STR("name"), STR("role"), STR("phone"), STR("mail")};
SPEC(person_spec, person_fields);
static const itsm__dfield responsible_fields[] = {OBJ("sales", person_spec), OBJ("technical", person_spec)};
SPEC(responsible_spec, responsible_fields);
static const itsm__dfield contact_fields[] = {STR("phone"), STR("fax"), STR("url"), STR("mail"), STR("calendar")};
SPEC(contact_spec, contact_fields);
static const itsm__dfield roles_fields[] = {STR("support_scope"), STR("responsibility_scope")};
SPEC(roles_spec, roles_fields);
/* Seed A 4.4, one side. */
#define PARTY_ITEMS                                                                                         \
    STR("company"), STR("department"), STRS("subcontractors"), OBJ("responsible", responsible_spec),        \
        OBJS("persons_in_charge", person_spec), OBJ("inquiry", contact_spec), OBJ("emergency", contact_spec), \
        OBJ("roles", roles_spec)
static const itsm__dfield party_fields[] = {PARTY_ITEMS};
SPEC(party_spec, party_fields);
static const itsm__dfield parties_fields[] = {OBJ("vendor", party_spec), OBJ("user", party_spec)};
SPEC(parties_spec, parties_fields);
static const itsm__dfield work_fields[] = {
    ID,
    STR("name"), WORD("category", work_categories), STR("frequency"), WORD("assignee", sides), STR("note")};
SPEC(work_spec, work_fields);
static const itsm__dfield hardware_fields[] = {STR("warranty_period"), STR("parts_supply_period"),
                                             STRS("non_covered_parts"), STR("stop_schedule")};
SPEC(hardware_spec, hardware_fields);
static const itsm__dfield contacts_fields[] = {OBJ("inquiry", contact_spec), OBJ("emergency", contact_spec)};
SPEC(contacts_spec, contacts_fields);

/* Seed A 4.3 / 5.1 service items, then (after the parties or contacts) the service targets
 * and what the service involves. */
#define SERVICE_ITEMS                                                                                         \
    STR("name"), WORD("service_model", service_models), STRS("content"), STRS("exclusions"),                 \
        STRS("environment"), DATE("contract_date"), OBJ("period", period_spec), STR("renewal"),               \
        OBJ("fee", fee_spec), OBJS("calendars", calendar_spec), OBJ("reception", reception_spec),             \
        OBJ("maintenance_hours", hours_spec), OBJ("council", council_spec), STR("confidentiality"),           \
        STR("subcontracting"), WORDS("delivery_forms", delivery_forms), OBJ("engineer_assignment", assignment_spec)
#define SERVICE_TARGETS \
    SLAS("sla_items"), OBJS("work_items", work_spec), OBJ("hardware", hardware_spec), STRS("notes")

static const itsm__dfield root_fields[] = {ID, SERVICE_ITEMS, OBJ("parties", parties_spec), SERVICE_TARGETS};
SPEC(root_spec, root_fields);
static const itsm__dfield service_fields[] = {ID, SERVICE_ITEMS, OBJ("contacts", contacts_spec), SERVICE_TARGETS};
SPEC(service_spec, service_fields);
static const itsm__dfield party_doc_fields[] = {ID, WORD("side", sides), PARTY_ITEMS};
SPEC(party_doc_spec, party_doc_fields);

/* ---- the three documents --------------------------------------------------------------------- */

/* A document of one type into a new handle of `size` bytes whose first member is the root
 * node (itsm_agreement, itsm_service and itsm_party all are). */
static int load(void **out, size_t size, const char *json, size_t len, const char *type, const itsm__dspec *spec)
{
    const char *const types[] = {type, NULL};
    const itsm__dspec *const specs[] = {spec};
    itsm__anode *root = itsm__calloc(1, size, type);
    if (root == NULL)
        return ITSM_ENOMEM;
    size_t which = 0;
    int rc = itsm__doc_from_json(root, &which, json, len, type, ITSM__AGREEMENT_SCHEMA, types, specs);
    if (rc != ITSM_OK) {
        itsm__anode_clear(root);
        itsm__free(root);
        return rc;
    }
    *out = root;
    return ITSM_OK;
}

itsm_status itsm_agreement_from_json(itsm_agreement **out, const char *json, size_t len)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(json);
    void *doc = NULL;
    int rc = load(&doc, sizeof **out, json, len, "agreement", &root_spec);
    if (rc == ITSM_OK)
        *out = doc;
    return rc;
}

itsm_status itsm_agreement_to_json(char **out, const itsm_agreement *agreement)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(agreement);
    return itsm__doc_to_json(out, &agreement->root, &root_spec, ITSM__AGREEMENT_SCHEMA, "agreement",
                             "itsm_agreement_to_json");
}

itsm_status itsm_service_from_json(itsm_service **out, const char *json, size_t len)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(json);
    void *doc = NULL;
    int rc = load(&doc, sizeof **out, json, len, "service", &service_spec);
    if (rc == ITSM_OK)
        *out = doc;
    return rc;
}

itsm_status itsm_service_to_json(char **out, const itsm_service *service)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(service);
    return itsm__doc_to_json(out, &service->root, &service_spec, ITSM__AGREEMENT_SCHEMA, "service",
                             "itsm_service_to_json");
}

itsm_status itsm_party_from_json(itsm_party **out, const char *json, size_t len)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(json);
    void *doc = NULL;
    int rc = load(&doc, sizeof **out, json, len, "party", &party_doc_spec);
    if (rc == ITSM_OK)
        *out = doc;
    return rc;
}

itsm_status itsm_party_to_json(char **out, const itsm_party *party)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(party);
    return itsm__doc_to_json(out, &party->root, &party_doc_spec, ITSM__AGREEMENT_SCHEMA, "party",
                             "itsm_party_to_json");
}
