/**
 * @file itsm/agreement.h
 * @brief Agreement documents (サービス仕様書 / 契約書): the service content items of
 *        seed A 4.3 and 5.1, the parties and contacts of both sides (4.4), named business
 *        calendars, SLA items as documents (levels L1-L4, target or guarantee), work
 *        items and hardware maintenance details, and a contract lint that reports what
 *        is missing or ambiguous and which guideline item asks for it.
 *
 * An ::itsm_agreement is an opaque, immutable document read from canonical JSON
 * ({"itsm_schema": 1, "type": "agreement", ...}; docs/schema/agreement.schema.json) and
 * written back to the same text. Every field but "id" is optional to the reader, so that
 * an incomplete agreement loads and the lint can say what it lacks. Const access from any
 * number of threads.
 */
#ifndef ITSM_AGREEMENT_H
#define ITSM_AGREEMENT_H

#include "itsm/common.h"

#include <stddef.h>

ITSM_BEGIN_DECL

/** An agreement document. */
typedef struct itsm_agreement itsm_agreement;

/** Severity of a lint finding. Values never change; new ones are only appended. */
typedef enum itsm_severity {
    ITSM_SEVERITY_ERROR = 0,   /**< "error": a required item is missing or contradicts another */
    ITSM_SEVERITY_WARNING = 1, /**< "warning": an item is ambiguous or incomplete */
    ITSM_SEVERITY_INFO = 2     /**< "info": worth a look, not wrong */
} itsm_severity;

/** One finding of itsm_agreement_lint(). `path` and `message` are owned by the findings
 *  array (released by itsm_findings_free()); `guideline` is static. */
typedef struct itsm_finding {
    itsm_severity severity;
    const char *path;      /**< JSON path of the missing or ambiguous member, e.g. "$.sla_items[2].unit" */
    const char *message;   /**< what is missing or ambiguous */
    const char *guideline; /**< the guideline item asking for it, e.g. "seed A 4.3 契約期間 (contract period)" */
} itsm_finding;

/**
 * Parse an agreement document.
 * @return ::ITSM_EPARSE for malformed JSON (line and column in the message),
 *         ::ITSM_EINVAL / ::ITSM_ERANGE naming the JSON path (`$.sla_items[1].unit`) of an
 *         unknown key or a bad value, ::ITSM_EVERSION for a missing or newer `itsm_schema`.
 * @param out Ownership: the caller's; release with itsm_agreement_free().
 */
ITSM_API itsm_status itsm_agreement_from_json(itsm_agreement **out, const char *json, size_t len);
/**
 * The agreement as a canonical document (keys in schema order, two-space indent) that
 * itsm_agreement_from_json() reads back to the same text.
 * @param out Ownership: a NUL-terminated string the caller releases with itsm_free().
 */
ITSM_API itsm_status itsm_agreement_to_json(char **out, const itsm_agreement *agreement);
/** Release an agreement; NULL is a no-op. */
ITSM_API void itsm_agreement_free(itsm_agreement *agreement);
/** The id. Borrowed; NULL only when agreement is NULL. */
ITSM_API const char *itsm_agreement_id(const itsm_agreement *agreement);
/** The service name ("name"), or NULL when absent. Borrowed. */
ITSM_API const char *itsm_agreement_name(const itsm_agreement *agreement);
/** Number of SLA items ("sla_items"); 0 for NULL. */
ITSM_API size_t itsm_agreement_sla_count(const itsm_agreement *agreement);

/**
 * Check an agreement for missing or ambiguous items (docs/agreements.md lists the rules):
 * the 4.3 / 5.1 service items, the 4.4 parties and contacts of both sides, SLA items
 * without unit, measurement method, target-or-guarantee, calendar or period, "per
 * contract" levels without the contract's value, calendar names that are not declared,
 * hardware maintenance details of Table 7, security work without frequency and
 * unassigned emergency work (seed B Reference 9-1). Findings come in the order of the
 * schema: service items, parties, SLA items, work items, hardware.
 * @param out Ownership: an array the caller releases with itsm_findings_free(); NULL
 *        with `*out_count` 0 when the agreement lints clean.
 */
ITSM_API itsm_status itsm_agreement_lint(itsm_finding **out, size_t *out_count, const itsm_agreement *agreement);
/** Release the findings of itsm_agreement_lint() and their strings; NULL is a no-op. */
ITSM_API void itsm_findings_free(itsm_finding *findings, size_t count);
/** "error", "warning", "info". Static. */
ITSM_API itsm_status itsm_severity_name(const char **out, itsm_severity severity);

ITSM_END_DECL

#endif /* ITSM_AGREEMENT_H */
