/**
 * @file itsm/service.h
 * @brief Services and parties as documents of their own: a service specification (the
 *        service content items of seed A 4.3 and 5.1: name, content, exclusions, target
 *        environment, contract dates, fee, reception and maintenance hours, council,
 *        confidentiality, subcontracting, delivery form, engineer assignment, contacts and
 *        service targets) and a party (one side of seed A 4.4: company, department,
 *        subcontractors, responsible persons, persons in charge, inquiry and emergency
 *        contacts, role split).
 *
 * Both are opaque, immutable documents read from canonical JSON
 * ({"itsm_schema": 1, "type": "service", ...}, docs/schema/service.schema.json;
 * {"itsm_schema": 1, "type": "party", ...}, docs/schema/party.schema.json) and written back
 * to the same text. Their members are read by the same tables as the service items and
 * the parties of an agreement (itsm/agreement.h): an agreement is a service with its two
 * parties. Every member but "id" is optional to the reader; the lints say what is missing
 * (the service items, SLA items, work items and hardware details of
 * itsm_agreement_lint(), and the 4.4 items of each party). Const access from any number
 * of threads.
 */
#ifndef ITSM_SERVICE_H
#define ITSM_SERVICE_H

#include "itsm/agreement.h"
#include "itsm/common.h"

#include <stddef.h>

ITSM_BEGIN_DECL

/** A service document. */
typedef struct itsm_service itsm_service;
/** A party document. */
typedef struct itsm_party itsm_party;

/* ---- services ------------------------------------------------------------------------------- */

/**
 * Parse a service document.
 * @return ::ITSM_EPARSE for malformed JSON (line and column in the message),
 *         ::ITSM_EINVAL / ::ITSM_ERANGE naming the JSON path (`$.reception.methods[1]`) of an
 *         unknown key or a bad value, ::ITSM_EVERSION for a missing or newer `itsm_schema`.
 * @param out Ownership: the caller's; release with itsm_service_free().
 */
ITSM_API itsm_status itsm_service_from_json(itsm_service **out, const char *json, size_t len);
/**
 * The service as a canonical document (keys in schema order, two-space indent) that
 * itsm_service_from_json() reads back to the same text.
 * @param out Ownership: a NUL-terminated string the caller releases with itsm_free().
 */
ITSM_API itsm_status itsm_service_to_json(char **out, const itsm_service *service);
/** Release a service; NULL is a no-op. */
ITSM_API void itsm_service_free(itsm_service *service);
/** The id. Borrowed; NULL only when service is NULL. */
ITSM_API const char *itsm_service_id(const itsm_service *service);
/** The service name ("name"), or NULL when absent. Borrowed. */
ITSM_API const char *itsm_service_name(const itsm_service *service);
/** Number of service targets ("sla_items"); 0 for NULL. */
ITSM_API size_t itsm_service_sla_count(const itsm_service *service);
/**
 * Check a service for missing or ambiguous items: the rules of itsm_agreement_lint() for
 * the service items, SLA items, work items and hardware details, and the 5.1 contacts
 * (`$.contacts.inquiry`, `$.contacts.emergency`) in place of the parties.
 * @param out Ownership: an array the caller releases with itsm_findings_free(); NULL
 *        with `*out_count` 0 when the service lints clean.
 */
ITSM_API itsm_status itsm_service_lint(itsm_finding **out, size_t *out_count, const itsm_service *service);

/* ---- parties ------------------------------------------------------------------------------ */

/**
 * Parse a party document; errors as itsm_service_from_json().
 * @param out Ownership: the caller's; release with itsm_party_free().
 */
ITSM_API itsm_status itsm_party_from_json(itsm_party **out, const char *json, size_t len);
/**
 * The party as a canonical document that itsm_party_from_json() reads back to the same
 * text.
 * @param out Ownership: a NUL-terminated string the caller releases with itsm_free().
 */
ITSM_API itsm_status itsm_party_to_json(char **out, const itsm_party *party);
/** Release a party; NULL is a no-op. */
ITSM_API void itsm_party_free(itsm_party *party);
/** The id. Borrowed; NULL only when party is NULL. */
ITSM_API const char *itsm_party_id(const itsm_party *party);
/** The side ("vendor" or "user"), or NULL when not given. Borrowed. */
ITSM_API const char *itsm_party_side(const itsm_party *party);
/** The company name ("company"), or NULL when absent. Borrowed. */
ITSM_API const char *itsm_party_company(const itsm_party *party);
/**
 * Check a party for the items of seed A 4.4, as itsm_agreement_lint() checks each side of
 * an agreement: company (unless the side is "user"), department, responsible person,
 * persons in charge with a contact each, inquiry and emergency contacts, role split.
 * Paths are those of the party document (`$.persons_in_charge[0]`).
 * @param out Ownership: an array the caller releases with itsm_findings_free(); NULL
 *        with `*out_count` 0 when the party lints clean.
 */
ITSM_API itsm_status itsm_party_lint(itsm_finding **out, size_t *out_count, const itsm_party *party);

ITSM_END_DECL

#endif /* ITSM_SERVICE_H */
