/* Private to lib/io: documents described by a static table of their members (agreements,
 * services, parties, operational records).
 *
 * One table drives both directions: the reader checks every member of a JSON object
 * against it (an unknown key, a value of the wrong type, an empty string, a word outside an
 * enumeration, a missing required member or instants out of order is an error naming its
 * JSON path) and keeps the members in table order in a tree of nodes
 * (model/agreement_internal.h); the writer walks the tree with the same table, so loading
 * its output and saving it again gives the same text. */
#ifndef ITSM_IO_DOC_TABLE_H
#define ITSM_IO_DOC_TABLE_H

#include "io/json_value.h"
#include "model/agreement_internal.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum itsm__dkind {
    ITSM__DK_STRING,  /* a non-empty string, one of `words` when they are given */
    ITSM__DK_INSTANT, /* ISO 8601 with a UTC offset: a string node kept as written, `integer` the instant */
    ITSM__DK_HOURS,   /* non-negative hours in quarter-hour steps: an int node of quarter hours */
    ITSM__DK_INT,     /* a non-negative integer */
    ITSM__DK_BOOL,
    ITSM__DK_DATE,    /* "YYYY-MM-DD" */
    ITSM__DK_OBJECT,  /* members by `obj` */
    ITSM__DK_SLA,     /* an SLA item by its own reader and writer (io/sla_json.h): an SLA node */
    ITSM__DK_ARRAY    /* elements of kind `item` (strings with `words`, objects by `obj`, SLA items) */
} itsm__dkind;

typedef struct itsm__dspec itsm__dspec;

typedef struct itsm__dfield {
    const char *key;
    itsm__dkind kind;
    itsm__dkind item;         /* element kind of ITSM__DK_ARRAY */
    const itsm__dspec *obj;   /* for objects and arrays of objects */
    const char *const *words; /* allowed strings (NULL-terminated), or NULL for any */
    bool required;
} itsm__dfield;

/* `later` must not be before `earlier` when both instants are present. */
typedef struct itsm__dorder {
    const char *earlier, *later;
} itsm__dorder;

struct itsm__dspec {
    const itsm__dfield *fields;
    size_t count;
    const itsm__dorder *order;
    size_t order_count;
};

/* Most members of any object in a table. */
#define ITSM__DOC_MAX_KEYS 40

/* Table rows. */
#define DCOUNT(a) (sizeof(a) / sizeof((a)[0]))
#define STR(k) {k, ITSM__DK_STRING, ITSM__DK_STRING, NULL, NULL, false}
#define STR_REQ(k) {k, ITSM__DK_STRING, ITSM__DK_STRING, NULL, NULL, true}
#define WORD(k, w) {k, ITSM__DK_STRING, ITSM__DK_STRING, NULL, w, false}
#define WORD_REQ(k, w) {k, ITSM__DK_STRING, ITSM__DK_STRING, NULL, w, true}
#define INSTANT(k) {k, ITSM__DK_INSTANT, ITSM__DK_INSTANT, NULL, NULL, false}
#define INSTANT_REQ(k) {k, ITSM__DK_INSTANT, ITSM__DK_INSTANT, NULL, NULL, true}
#define HOURS(k) {k, ITSM__DK_HOURS, ITSM__DK_HOURS, NULL, NULL, false}
#define INT(k) {k, ITSM__DK_INT, ITSM__DK_INT, NULL, NULL, false}
#define BOOL(k) {k, ITSM__DK_BOOL, ITSM__DK_BOOL, NULL, NULL, false}
#define DATE(k) {k, ITSM__DK_DATE, ITSM__DK_DATE, NULL, NULL, false}
#define OBJ(k, o) {k, ITSM__DK_OBJECT, ITSM__DK_OBJECT, &o, NULL, false}
#define STRS(k) {k, ITSM__DK_ARRAY, ITSM__DK_STRING, NULL, NULL, false}
#define WORDS(k, w) {k, ITSM__DK_ARRAY, ITSM__DK_STRING, NULL, w, false}
#define OBJS(k, o) {k, ITSM__DK_ARRAY, ITSM__DK_OBJECT, &o, NULL, false}
#define SLAS(k) {k, ITSM__DK_ARRAY, ITSM__DK_SLA, NULL, NULL, false}
#define ID STR_REQ("id")
#define SPEC(name, fields) static const itsm__dspec name = {fields, DCOUNT(fields), NULL, 0}
#define SPEC_ORDERED(name, fields, order) \
    static const itsm__dspec name = {fields, DCOUNT(fields), order, DCOUNT(order)}

/* Header keys a document's root object may hold besides its members. */
extern const char *const itsm__doc_root_keys[];

/* Read the members of the JSON object `obj` at `p` into `node` (which becomes an object
 * node) by `spec`. `extra_keys` (NULL-terminated, or NULL) are further keys allowed in
 * `obj` and left to the caller, such as the header. */
int itsm__doc_read(itsm__anode *node, const json_t *obj, const itsm__dspec *spec, const char *const *extra_keys,
                   const itsm__jpath *p);

/* Put the members of `node` (read by `spec`) into the JSON object `obj`, in node order. */
int itsm__doc_put(json_t *obj, const itsm__anode *node, const itsm__dspec *spec, const char *what);

/* A whole document already parsed: its header (as below) and members. */
int itsm__doc_read_document(itsm__anode *root, size_t *out_type, const json_t *doc, int schema,
                            const char *const *types, const itsm__dspec *const *specs);

/* A whole document: JSON text with the header (`"itsm_schema"` 1 .. `schema`, `"type"` one
 * of the NULL-terminated `types`, its index in *out_type) and the members of
 * specs[*out_type] read into `root`. On failure `root` holds what was read so far (the
 * caller clears it). `what` names the document in messages. */
int itsm__doc_from_json(itsm__anode *root, size_t *out_type, const char *json, size_t len, const char *what,
                        int schema, const char *const *types, const itsm__dspec *const *specs);

/* The canonical document {"itsm_schema": schema, "type": type, members of `root`}. */
int itsm__doc_to_json(char **out, const itsm__anode *root, const itsm__dspec *spec, int schema, const char *type,
                      const char *what);

#endif
