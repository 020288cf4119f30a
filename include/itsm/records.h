/**
 * @file itsm/records.h
 * @brief Operational record documents: calls, outages and maintenance windows, backup
 *        runs, monitoring checks, modification requests and changes, effort records and
 *        report deliveries.
 *
 * An ::itsm_record is an opaque, immutable document of one of the types of
 * ::itsm_record_type, read from canonical JSON ({"itsm_schema": 1, "type": "<type>", ...};
 * docs/schema/<type>.schema.json) and written back to the same text. Instants are ISO 8601
 * with a UTC offset (itsm_instant_parse()), kept as written; hours are non-negative numbers
 * in quarter-hour steps. An unknown key, a value of the wrong type, an empty string, a word
 * outside an enumeration or an end before its start is an error naming its JSON path.
 * Const access from any number of threads.
 *
 * Record sets {"itsm_schema": 1, "type": "record_set", "records": [...]}
 * (docs/schema/record_set.schema.json) hold records of any types, each with its "type" but
 * without "itsm_schema". JSON Lines files (one record document a line) are read as a
 * stream, one record at a time (::itsm_record_stream), like incidents (itsm/incident.h).
 */
#ifndef ITSM_RECORDS_H
#define ITSM_RECORDS_H

#include "itsm/common.h"

#include <stddef.h>

ITSM_BEGIN_DECL

/** An operational record document. */
typedef struct itsm_record itsm_record;
/** A reader of records from JSON Lines. */
typedef struct itsm_record_stream itsm_record_stream;

/** The type of a record (its "type" member). Values never change; new ones are only appended. */
typedef enum itsm_record_type {
    ITSM_RECORD_CALL = 0,             /**< "call": a call or contact received */
    ITSM_RECORD_OUTAGE = 1,           /**< "outage": an unplanned outage or a planned maintenance window */
    ITSM_RECORD_BACKUP_RUN = 2,       /**< "backup_run": one run of a backup job */
    ITSM_RECORD_MONITORING_CHECK = 3, /**< "monitoring_check": one monitoring check and its result */
    ITSM_RECORD_CHANGE = 4,           /**< "change": a modification request and the change that answers it */
    ITSM_RECORD_EFFORT = 5,           /**< "effort": planned and actual hours of a person on a work item */
    ITSM_RECORD_REPORT_DELIVERY = 6   /**< "report_delivery": a report delivered (or due) */
} itsm_record_type;

/**
 * Parse a record document of any of the types of ::itsm_record_type.
 * @return ::ITSM_EPARSE for malformed JSON, ::ITSM_EINVAL / ::ITSM_ERANGE naming the JSON
 *         path (`$.advisory_board.decision`) of an unknown key or a bad value,
 *         ::ITSM_EVERSION for a missing or newer `itsm_schema`.
 * @param out Ownership: the caller's; release with itsm_record_free().
 */
ITSM_API itsm_status itsm_record_from_json(itsm_record **out, const char *json, size_t len);
/**
 * The record as a canonical document (keys in schema order, two-space indent) that
 * itsm_record_from_json() reads back to the same text.
 * @param out Ownership: a NUL-terminated string the caller releases with itsm_free().
 */
ITSM_API itsm_status itsm_record_to_json(char **out, const itsm_record *record);
/** Release a record; NULL is a no-op. */
ITSM_API void itsm_record_free(itsm_record *record);
/** The type of a record (::ITSM_RECORD_CALL for NULL). */
ITSM_API itsm_record_type itsm_record_get_type(const itsm_record *record);
/** The id. Borrowed; NULL only when record is NULL. */
ITSM_API const char *itsm_record_id(const itsm_record *record);
/** The "type" word of a record type ("call", "outage", ...). Static. */
ITSM_API itsm_status itsm_record_type_name(const char **out, itsm_record_type type);

/* ---- record sets ------------------------------------------------------------------------- */

/**
 * Parse a record set {"itsm_schema": 1, "type": "record_set", "records": [...]} whose
 * records are record objects with their "type" and without "itsm_schema"; errors name
 * `$.records[12].closed_at`.
 * @param out Ownership: an array of records the caller releases with
 *        itsm_record_set_free(); NULL with `*out_count` 0 for no records.
 */
ITSM_API itsm_status itsm_record_set_from_json(itsm_record ***out, size_t *out_count, const char *json, size_t len);
/** A record set as a canonical document. `records` may be NULL when `count` is 0. */
ITSM_API itsm_status itsm_record_set_to_json(char **out, const itsm_record *const *records, size_t count);
/** Release an array of itsm_record_set_from_json() and its records; NULL is a no-op. */
ITSM_API void itsm_record_set_free(itsm_record **records, size_t count);

/* ---- JSON Lines ---------------------------------------------------------------------------- */

/**
 * Open a JSON Lines file: one record document (of any type) a line; blank lines are
 * skipped.
 * @param out Ownership: the caller's; release with itsm_record_stream_close().
 * @return ::ITSM_ENOTFOUND when the file does not exist, ::ITSM_EIO when it cannot be opened.
 */
ITSM_API itsm_status itsm_record_stream_open(itsm_record_stream **out, const char *path);
/** The same over `len` bytes of memory, borrowed until the stream is closed. */
ITSM_API itsm_status itsm_record_stream_open_memory(itsm_record_stream **out, const char *data, size_t len);
/**
 * The next record: `*eof` = 0 and `*out` a record the caller releases with
 * itsm_record_free(), or `*eof` = 1 and `*out` NULL at the end. Errors name the line:
 * `line 12: $.closed_at: ...`; reading may go on after an error.
 */
ITSM_API itsm_status itsm_record_stream_next(itsm_record **out, int *eof, itsm_record_stream *stream);
/** The 1-based number of the last line read (0 before the first). */
ITSM_API size_t itsm_record_stream_line(const itsm_record_stream *stream);
/** Close a stream; NULL is a no-op. */
ITSM_API void itsm_record_stream_close(itsm_record_stream *stream);

ITSM_END_DECL

#endif /* ITSM_RECORDS_H */
