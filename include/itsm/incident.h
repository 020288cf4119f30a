/**
 * @file itsm/incident.h
 * @brief Incident records: ids, service, CI, category, impact, urgency, a priority given
 *        or looked up in an N x M priority matrix (seed A Table 16, 8.2), the status
 *        history with instants, the assignment-group history, reopenings, and severity
 *        declarations on the 0 / 0+ / 1 / 2 / 3 scale of seed B Case 9-11, with who
 *        declared them and when.
 *
 * ::itsm_incident is an opaque, mutable handle (not thread-safe while being changed;
 * const access from any number of threads). Strings given to setters are copied and must
 * be valid UTF-8 (else ::ITSM_EINVAL); strings returned are borrowed from the handle and
 * live until it is changed or freed. Histories only grow and their instants never go
 * backwards.
 *
 * Documents: {"itsm_schema": 1, "type": "incident", ...} (docs/schema/incident.schema.json),
 * priority matrices {"itsm_schema": 1, "type": "priority_matrix", ...}
 * (docs/schema/priority_matrix.schema.json) and record sets {"itsm_schema": 1, "type": "incident_set", "records": [...]}
 * (docs/schema/incident_set.schema.json). JSON Lines files (one incident document a line)
 * are read as a stream, one record at a time (::itsm_incident_stream).
 */
#ifndef ITSM_INCIDENT_H
#define ITSM_INCIDENT_H

#include "itsm/time.h"

#include <stddef.h>
#include <stdint.h>

ITSM_BEGIN_DECL

/** An incident record. */
typedef struct itsm_incident itsm_incident;
/** An impact x urgency -> priority table. */
typedef struct itsm_priority_matrix itsm_priority_matrix;
/** A reader of incident records from JSON Lines. */
typedef struct itsm_incident_stream itsm_incident_stream;

/** Status of an incident after a change. Values never change; new ones are only appended. */
typedef enum itsm_incident_status {
    ITSM_INCIDENT_NEW = 0,      /**< "new": recorded, not yet worked on */
    ITSM_INCIDENT_ACTIVE = 1,   /**< "active": being worked on */
    ITSM_INCIDENT_ON_HOLD = 2,  /**< "on_hold": waiting for the user, a vendor, a problem (a clock pause) */
    ITSM_INCIDENT_RESOLVED = 3, /**< "resolved": service restored, awaiting confirmation */
    ITSM_INCIDENT_CLOSED = 4    /**< "closed": confirmed or closed administratively */
} itsm_incident_status;

/** Severity level of seed B Case 9-11, in order. Values never change. */
typedef enum itsm_severity_level {
    ITSM_SEVERITY_0 = 0,      /**< "0": no damage */
    ITSM_SEVERITY_0_PLUS = 1, /**< "0+": no damage yet, but it may come */
    ITSM_SEVERITY_1 = 2,      /**< "1": damage to the system */
    ITSM_SEVERITY_2 = 3,      /**< "2": damage to the business */
    ITSM_SEVERITY_3 = 4       /**< "3": damage to third parties */
} itsm_severity_level;

/** Optional text fields of an incident. */
typedef enum itsm_incident_text {
    ITSM_INCIDENT_SERVICE = 0,  /**< the service affected */
    ITSM_INCIDENT_CI = 1,       /**< the configuration item's id */
    ITSM_INCIDENT_CATEGORY = 2  /**< category */
} itsm_incident_text;

/** Optional small-integer fields of an incident (1 = highest; 0 = not set). */
typedef enum itsm_incident_level {
    ITSM_INCIDENT_IMPACT = 0,   /**< impact, 1 .. N */
    ITSM_INCIDENT_URGENCY = 1,  /**< urgency, 1 .. M */
    ITSM_INCIDENT_PRIORITY = 2  /**< priority, given or from itsm_incident_apply_matrix() */
} itsm_incident_level;

/** One status change. Plain value; strings (NULL when absent) are borrowed. */
typedef struct itsm_incident_change {
    itsm_instant at;
    itsm_incident_status status; /**< status after the change */
    const char *group;           /**< assignment group at the time, or NULL */
    const char *by;              /**< who made the change, or NULL */
} itsm_incident_change;

/** One assignment to a group. Plain value; `group` is borrowed. */
typedef struct itsm_incident_assignment {
    itsm_instant at;
    const char *group;
} itsm_incident_assignment;

/** One severity declaration. Plain value; `by` is borrowed. */
typedef struct itsm_severity_declaration {
    itsm_instant at;
    itsm_severity_level level;
    const char *by; /**< who declared it */
} itsm_severity_declaration;

/** An axis of a priority matrix, for the names of its levels. Values never change. */
typedef enum itsm_priority_axis {
    ITSM_PRIORITY_AXIS_IMPACT = 0,  /**< impact levels 1 .. N (the rows) */
    ITSM_PRIORITY_AXIS_URGENCY = 1, /**< urgency levels 1 .. M (the columns) */
    ITSM_PRIORITY_AXIS_PRIORITY = 2 /**< priorities 1 .. P (the cells' values) */
} itsm_priority_axis;

/** Milestones derived from the status history. */
typedef struct itsm_incident_milestones {
    int has_opened;          /**< 1 when the history has an entry */
    itsm_instant opened;     /**< the first entry's instant */
    int has_resolved;        /**< 1 when the incident is resolved or closed now */
    itsm_instant resolved;   /**< when it last became resolved (or closed without resolution) */
    int has_closed;          /**< 1 when the incident is closed now */
    itsm_instant closed;     /**< when it last became closed */
    int32_t reopen_count;    /**< changes from resolved or closed back to new, active or on_hold */
} itsm_incident_milestones;

/* ---- priority matrix ---------------------------------------------------------------------- */

/**
 * An `n_impact` x `n_urgency` matrix (1 .. 100 each) of priorities (1 .. 1000), row-major:
 * the priority of impact i, urgency u (both 1-based) is `cells[(i - 1) * n_urgency + (u - 1)]`.
 * @param out Ownership: the caller's; release with itsm_priority_matrix_free().
 */
ITSM_API itsm_status itsm_priority_matrix_new(itsm_priority_matrix **out, int32_t n_impact, int32_t n_urgency,
                                              const int32_t *cells);
/** Release a matrix; NULL is a no-op. */
ITSM_API void itsm_priority_matrix_free(itsm_priority_matrix *matrix);
/** The priority of (impact, urgency); ::ITSM_ERANGE naming the one outside the matrix. */
ITSM_API itsm_status itsm_priority_matrix_lookup(int32_t *out, const itsm_priority_matrix *matrix, int32_t impact,
                                                 int32_t urgency);
/**
 * The default matrix of METRICS.md 6: ITIL's 3 x 3 -> 5 levels, priority = impact +
 * urgency - 1, with the impact and urgency levels named "high", "medium", "low" and the
 * priorities "critical", "high", "medium", "low", "planning".
 * @param out Ownership: the caller's; release with itsm_priority_matrix_free().
 */
ITSM_API itsm_status itsm_priority_matrix_default(itsm_priority_matrix **out);
/** The number of impact levels (rows) and urgency levels (columns). */
ITSM_API itsm_status itsm_priority_matrix_shape(int32_t *out_n_impact, int32_t *out_n_urgency,
                                                const itsm_priority_matrix *matrix);
/**
 * The name of level `level` (1-based) of `axis`, or NULL when that axis is not named.
 * @note Ownership: borrowed from the matrix.
 * @return ::ITSM_ERANGE for a level outside the axis (for priorities: outside the names
 *         given, or above the highest priority when none are); ::ITSM_EINVAL for an
 *         unknown axis.
 */
ITSM_API itsm_status itsm_priority_matrix_level_name(const char **out, const itsm_priority_matrix *matrix,
                                                     itsm_priority_axis axis, int32_t level);

/* ---- incidents ------------------------------------------------------------------------------ */

/**
 * A new incident with an id (1..255 bytes of UTF-8), no other field and empty histories.
 * @param out Ownership: the caller's; release with itsm_incident_free().
 */
ITSM_API itsm_status itsm_incident_new(itsm_incident **out, const char *id);
/** Release an incident; NULL is a no-op. */
ITSM_API void itsm_incident_free(itsm_incident *incident);
/** A deep copy. @param out Ownership: the caller's; release with itsm_incident_free(). */
ITSM_API itsm_status itsm_incident_clone(itsm_incident **out, const itsm_incident *incident);
/** The id. Borrowed; NULL only when incident is NULL. */
ITSM_API const char *itsm_incident_id(const itsm_incident *incident);
/** Set a text field (copied, non-empty); NULL clears it. */
ITSM_API itsm_status itsm_incident_set_text(itsm_incident *incident, itsm_incident_text field, const char *text);
/** A text field, or NULL when not set (or incident NULL, or field unknown). Borrowed. */
ITSM_API const char *itsm_incident_get_text(const itsm_incident *incident, itsm_incident_text field);
/** Set impact, urgency or priority (1 .. 1000; 0 clears it). */
ITSM_API itsm_status itsm_incident_set_level(itsm_incident *incident, itsm_incident_level field, int32_t value);
/** Impact, urgency or priority; 0 when not set. */
ITSM_API itsm_status itsm_incident_get_level(int32_t *out, const itsm_incident *incident, itsm_incident_level field);
/** Set the priority from the matrix by the incident's impact and urgency (::ITSM_EINVAL
 *  when either is not set, ::ITSM_ERANGE when outside the matrix). */
ITSM_API itsm_status itsm_incident_apply_matrix(itsm_incident *incident, const itsm_priority_matrix *matrix);

/**
 * Append a status change. `at` must not be before the last change (::ITSM_EINVAL naming
 * both instants). `group` and `by` may be NULL. A change naming a group other than the
 * current one also appends to the assignment history.
 */
ITSM_API itsm_status itsm_incident_add_status(itsm_incident *incident, itsm_instant at, itsm_incident_status status,
                                              const char *group, const char *by);
/** Append an assignment to `group` (non-empty) at `at` (not before the last assignment). */
ITSM_API itsm_status itsm_incident_add_assignment(itsm_incident *incident, itsm_instant at, const char *group);
/** Append a severity declaration by `by` (non-empty) at `at` (not before the last one). */
ITSM_API itsm_status itsm_incident_declare_severity(itsm_incident *incident, itsm_instant at,
                                                    itsm_severity_level level, const char *by);

/** Number of status changes. */
ITSM_API size_t itsm_incident_status_count(const itsm_incident *incident);
/** Status change `index` (0 = oldest); ::ITSM_ERANGE past the end. */
ITSM_API itsm_status itsm_incident_status_get(itsm_incident_change *out, const itsm_incident *incident,
                                              size_t index);
/** Number of assignments. */
ITSM_API size_t itsm_incident_assignment_count(const itsm_incident *incident);
/** Assignment `index` (0 = oldest); ::ITSM_ERANGE past the end. */
ITSM_API itsm_status itsm_incident_assignment_get(itsm_incident_assignment *out, const itsm_incident *incident,
                                                  size_t index);
/** Number of severity declarations. */
ITSM_API size_t itsm_incident_severity_count(const itsm_incident *incident);
/** Severity declaration `index` (0 = oldest); ::ITSM_ERANGE past the end. */
ITSM_API itsm_status itsm_incident_severity_get(itsm_severity_declaration *out, const itsm_incident *incident,
                                                size_t index);
/**
 * The incident's severity: the maximum over the declarers of each one's latest
 * declaration (Case 9-11). `*out_set` = 0 (and `*out` unchanged) when none was declared.
 */
ITSM_API itsm_status itsm_incident_severity(int *out_set, itsm_severity_level *out, const itsm_incident *incident);
/** Opened / resolved / closed instants and the reopen count, from the status history. */
ITSM_API itsm_status itsm_incident_get_milestones(itsm_incident_milestones *out, const itsm_incident *incident);

/** "new", "active", "on_hold", "resolved", "closed". Static. */
ITSM_API itsm_status itsm_incident_status_name(const char **out, itsm_incident_status status);
/** "0", "0+", "1", "2", "3". Static. */
ITSM_API itsm_status itsm_severity_level_name(const char **out, itsm_severity_level level);

/* ---- JSON ------------------------------------------------------------------------------------ */

/**
 * Parse an incident document {"itsm_schema": 1, "type": "incident", "id", ...}.
 * @return ::ITSM_EPARSE for malformed JSON, ::ITSM_EINVAL / ::ITSM_ERANGE naming the JSON
 *         path (`$.status_history[3].at: ... is not an ISO 8601 instant`), ::ITSM_EVERSION
 *         for a missing or newer `itsm_schema`.
 * @param out Ownership: the caller's; release with itsm_incident_free().
 */
ITSM_API itsm_status itsm_incident_from_json(itsm_incident **out, const char *json, size_t len);
/**
 * The incident as a canonical document that itsm_incident_from_json() reads back to the
 * same text.
 * @param out Ownership: a NUL-terminated string the caller releases with itsm_free().
 */
ITSM_API itsm_status itsm_incident_to_json(char **out, const itsm_incident *incident);
/**
 * Parse a record set {"itsm_schema": 1, "type": "incident_set", "records": [...]} whose
 * records are incident objects without "itsm_schema" and "type"; errors name
 * `$.records[12].status_history[3].at`.
 * @param out Ownership: an array of incidents the caller releases with
 *        itsm_incident_set_free(); NULL with `*out_count` 0 for no records.
 */
ITSM_API itsm_status itsm_incident_set_from_json(itsm_incident ***out, size_t *out_count, const char *json,
                                                 size_t len);
/** A record set as a canonical document. `incidents` may be NULL when `count` is 0. */
ITSM_API itsm_status itsm_incident_set_to_json(char **out, const itsm_incident *const *incidents, size_t count);
/** Release an array of itsm_incident_set_from_json() and its incidents; NULL is a no-op. */
ITSM_API void itsm_incident_set_free(itsm_incident **incidents, size_t count);

/**
 * Parse a priority matrix document (docs/schema/priority_matrix.schema.json):
 * {"itsm_schema": 1, "type": "priority_matrix", "cells": [[1, 2, 3], [2, 3, 4], [3, 4, 5]],
 * "impact_levels": [...], "urgency_levels": [...], "priority_levels": [...]}. "cells" has
 * one row per impact level (1 .. 100 rows of 1 .. 100 priorities 1 .. 1000, all rows of
 * one length); without it the matrix is ITIL's 3 x 3 (itsm_priority_matrix_default()'s
 * cells). The level names are optional: as many impact and urgency names as rows and
 * columns, and a priority name for every priority up to the highest in the cells.
 * @return ::ITSM_EPARSE for malformed JSON, ::ITSM_EINVAL / ::ITSM_ERANGE naming the JSON
 *         path (`$.cells[1][2]`), ::ITSM_EVERSION for a missing or newer `itsm_schema`.
 * @param out Ownership: the caller's; release with itsm_priority_matrix_free().
 */
ITSM_API itsm_status itsm_priority_matrix_from_json(itsm_priority_matrix **out, const char *json, size_t len);
/**
 * The matrix as a canonical document (cells, then the names that are set) that
 * itsm_priority_matrix_from_json() reads back to the same text.
 * @param out Ownership: a NUL-terminated string the caller releases with itsm_free().
 */
ITSM_API itsm_status itsm_priority_matrix_to_json(char **out, const itsm_priority_matrix *matrix);

/* ---- JSON Lines ---------------------------------------------------------------------------- */

/**
 * Open a JSON Lines file: one incident document a line (blank lines are skipped).
 * @param out Ownership: the caller's; release with itsm_incident_stream_close().
 * @return ::ITSM_ENOTFOUND when the file does not exist, ::ITSM_EIO when it cannot be opened.
 */
ITSM_API itsm_status itsm_incident_stream_open(itsm_incident_stream **out, const char *path);
/** The same over `len` bytes of memory, borrowed until the stream is closed. */
ITSM_API itsm_status itsm_incident_stream_open_memory(itsm_incident_stream **out, const char *data, size_t len);
/**
 * The next record: `*eof` = 0 and `*out` an incident the caller releases with
 * itsm_incident_free(), or `*eof` = 1 and `*out` NULL at the end. Errors name the line:
 * `line 12: $.status_history[3].at: ...`; reading may go on after an error.
 */
ITSM_API itsm_status itsm_incident_stream_next(itsm_incident **out, int *eof, itsm_incident_stream *stream);
/** The 1-based number of the last line read (0 before the first). */
ITSM_API size_t itsm_incident_stream_line(const itsm_incident_stream *stream);
/** Close a stream; NULL is a no-op. */
ITSM_API void itsm_incident_stream_close(itsm_incident_stream *stream);

ITSM_END_DECL

#endif /* ITSM_INCIDENT_H */
