/**
 * @file itsm/lifecycle.h
 * @brief Configuration items (構成品目) with their lifecycle dates, pending items (懸案)
 *        with an owner, a due date or trigger event and a history, and the question
 *        "what expires or falls due within N days" over a set of them (seed A 2.6.3,
 *        Table 7: product life, warranty, parts supply and software support end must be
 *        tracked and acted on before they expire).
 *
 * ::itsm_ci and ::itsm_pending_item are opaque, mutable handles (not thread-safe while
 * being changed; const access from any number of threads). Strings given to setters
 * are copied and must be valid UTF-8 (else ::ITSM_EINVAL); strings returned are
 * borrowed from the handle and live until it is changed or freed.
 *
 * Contract end dates enter itsm_expiring() as plain (label, date) entries
 * (::itsm_labeled_date). Lists of items are set documents
 * ({"itsm_schema": 1, "type": "configuration_item_set", "items": [...]} and
 * "pending_item_set"), so that itsm_expiring() can be fed from files.
 */
#ifndef ITSM_LIFECYCLE_H
#define ITSM_LIFECYCLE_H

#include "itsm/time.h"

ITSM_BEGIN_DECL

/** A configuration item: a maintained piece of hardware or software. */
typedef struct itsm_ci itsm_ci;
/** A pending item (懸案): something someone must do by a date or when an event happens. */
typedef struct itsm_pending_item itsm_pending_item;

/** Text fields of a configuration item (all optional except the id). */
typedef enum itsm_ci_text {
    ITSM_CI_NAME = 0,                /**< display name */
    ITSM_CI_MODEL = 1,               /**< model (機種, 型番) */
    ITSM_CI_SERIAL = 2,              /**< serial number (製造番号) */
    ITSM_CI_LOCATION = 3,            /**< installation location (設置場所) */
    ITSM_CI_MAINTENANCE_CONTRACT = 4 /**< id of the maintenance contract covering it */
} itsm_ci_text;

/** Lifecycle dates of a configuration item (all optional). Each is the last day covered. */
typedef enum itsm_ci_date {
    ITSM_CI_WARRANTY_END = 0,     /**< end of the free warranty period (無償保証期間) */
    ITSM_CI_PARTS_SUPPLY_END = 1, /**< end of the parts supply period (保守部品の供給期間) */
    ITSM_CI_PRODUCT_LIFE_END = 2, /**< end of the product life (製品寿命, 耐用期間) */
    ITSM_CI_SUPPORT_END = 3       /**< end of software or vendor support (サポート終了) */
} itsm_ci_date;

/** Status of a pending item. Values never change; new ones are only appended. */
typedef enum itsm_pending_status {
    ITSM_PENDING_OPEN = 0,        /**< "open": not started */
    ITSM_PENDING_IN_PROGRESS = 1, /**< "in_progress" */
    ITSM_PENDING_ON_HOLD = 2,     /**< "on_hold": waiting for someone else */
    ITSM_PENDING_CLOSED = 3       /**< "closed": done or dropped; never due */
} itsm_pending_status;

/** One history entry of a pending item: its owner and status after a change. Plain
 *  value; `owner` and `note` (NULL when none) are borrowed from the item. */
typedef struct itsm_pending_change {
    itsm_instant at;            /**< when the change happened */
    const char *owner;          /**< owner after the change */
    itsm_pending_status status; /**< status after the change */
    const char *note;           /**< free text, or NULL */
} itsm_pending_change;

/** A dated entry given to itsm_expiring(): a contract end or an event. `label` is
 *  borrowed from the caller for the duration of the call (and by the results). */
typedef struct itsm_labeled_date {
    const char *label;
    itsm_date date;
} itsm_labeled_date;

/** What falls due. Values never change; new ones are only appended. */
typedef enum itsm_due_kind {
    ITSM_DUE_WARRANTY = 0,      /**< a CI's warranty_end */
    ITSM_DUE_PARTS_SUPPLY = 1,  /**< a CI's parts_supply_end */
    ITSM_DUE_PRODUCT_LIFE = 2,  /**< a CI's product_life_end */
    ITSM_DUE_SUPPORT_END = 3,   /**< a CI's support_end */
    ITSM_DUE_CONTRACT_END = 4,  /**< a contract end entry */
    ITSM_DUE_PENDING_DATE = 5,  /**< a pending item with a due date */
    ITSM_DUE_PENDING_EVENT = 6  /**< a pending item whose trigger event is dated */
} itsm_due_kind;

/** One result of itsm_expiring(). Plain value; strings are borrowed from its inputs. */
typedef struct itsm_due {
    itsm_due_kind kind;
    /** The CI's or pending item's id, or the contract end's label. */
    const char *subject;
    /** The trigger event (::ITSM_DUE_PENDING_EVENT), the pending item's title
     *  (::ITSM_DUE_PENDING_DATE), else NULL. */
    const char *detail;
    itsm_date date;    /**< the due or end date */
    int32_t days_left; /**< date - as_of in days; negative when overdue */
    int overdue;       /**< 1 when days_left < 0 */
} itsm_due;

/* ---- configuration items --------------------------------------------------------------- */

/**
 * A new configuration item with an id (1..255 bytes of UTF-8) and no other field.
 * @param out Ownership: the caller's; release with itsm_ci_free().
 */
ITSM_API itsm_status itsm_ci_new(itsm_ci **out, const char *id);
/** Release an item; NULL is a no-op. */
ITSM_API void itsm_ci_free(itsm_ci *ci);
/** A deep copy. @param out Ownership: the caller's; release with itsm_ci_free(). */
ITSM_API itsm_status itsm_ci_clone(itsm_ci **out, const itsm_ci *ci);
/** The id. Borrowed; NULL only when ci is NULL. */
ITSM_API const char *itsm_ci_id(const itsm_ci *ci);
/** Set a text field (copied); NULL clears it. */
ITSM_API itsm_status itsm_ci_set_text(itsm_ci *ci, itsm_ci_text field, const char *text);
/** A text field, or NULL when not set (or ci NULL, or field unknown). Borrowed. */
ITSM_API const char *itsm_ci_get_text(const itsm_ci *ci, itsm_ci_text field);
/** Set a lifecycle date (::ITSM_ERANGE outside 1900..2200). */
ITSM_API itsm_status itsm_ci_set_date(itsm_ci *ci, itsm_ci_date which, itsm_date date);
/** Clear a lifecycle date. */
ITSM_API itsm_status itsm_ci_clear_date(itsm_ci *ci, itsm_ci_date which);
/** `*out_set` = 1 and `*out` the date when set, else 0 and `*out` unchanged. */
ITSM_API itsm_status itsm_ci_get_date(int *out_set, itsm_date *out, const itsm_ci *ci, itsm_ci_date which);

/* ---- pending items ----------------------------------------------------------------------- */

/**
 * A new open pending item; its history starts with one entry {at, owner, open, NULL}.
 * `id` is 1..255 bytes, `title` and `owner` non-empty UTF-8.
 * @param out Ownership: the caller's; release with itsm_pending_free().
 */
ITSM_API itsm_status itsm_pending_new(itsm_pending_item **out, const char *id, const char *title, const char *owner,
                                      itsm_instant at);
/** Release an item; NULL is a no-op. */
ITSM_API void itsm_pending_free(itsm_pending_item *item);
/** A deep copy. @param out Ownership: the caller's; release with itsm_pending_free(). */
ITSM_API itsm_status itsm_pending_clone(itsm_pending_item **out, const itsm_pending_item *item);
/** The id. Borrowed; NULL only when item is NULL. */
ITSM_API const char *itsm_pending_id(const itsm_pending_item *item);
/** The title. Borrowed. */
ITSM_API const char *itsm_pending_title(const itsm_pending_item *item);
/** The current owner. Borrowed. */
ITSM_API const char *itsm_pending_owner(const itsm_pending_item *item);
/** The current status. */
ITSM_API itsm_status itsm_pending_get_status(itsm_pending_status *out, const itsm_pending_item *item);
/** Due on a date; clears any trigger event (a pending item has one or the other). */
ITSM_API itsm_status itsm_pending_set_due_date(itsm_pending_item *item, itsm_date due);
/**
 * Due when an event happens ("OS version-up of server X"); clears any due date. NULL
 * clears both: the item has no due at all and is never listed by itsm_expiring().
 */
ITSM_API itsm_status itsm_pending_set_trigger_event(itsm_pending_item *item, const char *event);
/** `*out_set` = 1 and `*out` the due date when the item has one, else 0. */
ITSM_API itsm_status itsm_pending_get_due_date(int *out_set, itsm_date *out, const itsm_pending_item *item);
/** The trigger event, or NULL when the item has none. Borrowed. */
ITSM_API const char *itsm_pending_trigger_event(const itsm_pending_item *item);
/**
 * Hand the item to a new owner at instant `at`, appending {at, owner, status, note} to
 * the history (which stays with the item). `at` must not be before the last entry
 * (::ITSM_EINVAL naming both instants). `note` may be NULL.
 */
ITSM_API itsm_status itsm_pending_set_owner(itsm_pending_item *item, const char *owner, itsm_instant at,
                                            const char *note);
/** Change the status at `at`, appending to the history as itsm_pending_set_owner(). */
ITSM_API itsm_status itsm_pending_set_status(itsm_pending_item *item, itsm_pending_status status,
                                             itsm_instant at, const char *note);
/** Number of history entries (0 only for items read from a document without history). */
ITSM_API size_t itsm_pending_history_count(const itsm_pending_item *item);
/** History entry `index` (0 = oldest); ::ITSM_ERANGE past the end. */
ITSM_API itsm_status itsm_pending_history_get(itsm_pending_change *out, const itsm_pending_item *item,
                                              size_t index);
/** "open", "in_progress", "on_hold", "closed". Static. */
ITSM_API itsm_status itsm_pending_status_name(const char **out, itsm_pending_status status);

/* ---- what expires or falls due ------------------------------------------------------------- */

/**
 * Everything that expires or falls due no later than `within_days` (0 .. 109999) days
 * after `as_of`, overdue entries included (days_left < 0, overdue = 1): the four
 * lifecycle dates of every CI, every contract end, every pending item not closed with a
 * due date, and every pending item not closed whose trigger event is among `events`
 * (dated as there; an event that is not listed has no date yet and is not due). Sorted
 * by date, then kind, then subject, then detail.
 *
 * Arrays may be NULL when their count is 0. `as_of` is a civil date: convert an instant
 * to the local date of the zone that matters first (itsm_tz_to_local()).
 * @param out Ownership: an array the caller releases with itsm_free(); its strings are
 *        borrowed from the inputs. With no results `*out` is NULL and `*out_count` 0.
 * @return ::ITSM_EINVAL naming a NULL element (`cis[2]`) or a bad within_days,
 *         ::ITSM_ERANGE for a date outside 1900..2200 (naming `contract_ends[1].date`).
 */
ITSM_API itsm_status itsm_expiring(itsm_due **out, size_t *out_count, const itsm_ci *const *cis, size_t n_cis,
                                   const itsm_pending_item *const *items, size_t n_items,
                                   const itsm_labeled_date *contract_ends, size_t n_contract_ends,
                                   const itsm_labeled_date *events, size_t n_events, itsm_date as_of,
                                   int32_t within_days);

/** "warranty", "parts_supply", "product_life", "support_end", "contract_end",
 *  "pending_date", "pending_event". Static. */
ITSM_API itsm_status itsm_due_kind_name(const char **out, itsm_due_kind kind);

/* ---- JSON (docs/schema/configuration_item.schema.json, pending_item.schema.json) -------- */

/**
 * Parse a configuration item document {"itsm_schema": 1, "type": "configuration_item",
 * "id", ...}.
 * @return ::ITSM_EPARSE for malformed JSON (line and column in the message),
 *         ::ITSM_EINVAL / ::ITSM_ERANGE naming the JSON path (`$.warranty_end`) of a bad
 *         value, ::ITSM_EVERSION for a missing or newer `itsm_schema`.
 * @param out Ownership: the caller's; release with itsm_ci_free().
 */
ITSM_API itsm_status itsm_ci_from_json(itsm_ci **out, const char *json, size_t len);
/**
 * The item as a canonical document that itsm_ci_from_json() reads back to an equal item
 * (loading and saving it again gives the same text).
 * @param out Ownership: a NUL-terminated string the caller releases with itsm_free().
 */
ITSM_API itsm_status itsm_ci_to_json(char **out, const itsm_ci *ci);
/** Parse a pending item document {"itsm_schema": 1, "type": "pending_item", ...}; errors
 *  as itsm_ci_from_json(). The last history entry must match "owner" and "status". */
ITSM_API itsm_status itsm_pending_from_json(itsm_pending_item **out, const char *json, size_t len);
/** The item as a canonical document (see itsm_ci_to_json()). */
ITSM_API itsm_status itsm_pending_to_json(char **out, const itsm_pending_item *item);

/* ---- sets (docs/schema/configuration_item_set.schema.json, pending_item_set.schema.json) -- */

/**
 * Parse a configuration item set {"itsm_schema": 1, "type": "configuration_item_set",
 * "items": [...]} whose items are configuration item objects without "itsm_schema" and
 * "type"; errors name `$.items[3].warranty_end`.
 * @param out Ownership: an array of items the caller releases with itsm_ci_set_free();
 *        NULL with `*out_count` 0 for no items.
 */
ITSM_API itsm_status itsm_ci_set_from_json(itsm_ci ***out, size_t *out_count, const char *json, size_t len);
/** A configuration item set as a canonical document. `cis` may be NULL when `count` is 0. */
ITSM_API itsm_status itsm_ci_set_to_json(char **out, const itsm_ci *const *cis, size_t count);
/** Release an array of itsm_ci_set_from_json() and its items; NULL is a no-op. */
ITSM_API void itsm_ci_set_free(itsm_ci **cis, size_t count);
/**
 * Parse a pending item set {"itsm_schema": 1, "type": "pending_item_set", "items": [...]}
 * whose items are pending item objects without "itsm_schema" and "type"; errors name
 * `$.items[3].history[1].at`.
 * @param out Ownership: an array of items the caller releases with itsm_pending_set_free();
 *        NULL with `*out_count` 0 for no items.
 */
ITSM_API itsm_status itsm_pending_set_from_json(itsm_pending_item ***out, size_t *out_count, const char *json,
                                                size_t len);
/** A pending item set as a canonical document. `items` may be NULL when `count` is 0. */
ITSM_API itsm_status itsm_pending_set_to_json(char **out, const itsm_pending_item *const *items, size_t count);
/** Release an array of itsm_pending_set_from_json() and its items; NULL is a no-op. */
ITSM_API void itsm_pending_set_free(itsm_pending_item **items, size_t count);

ITSM_END_DECL

#endif /* ITSM_LIFECYCLE_H */
