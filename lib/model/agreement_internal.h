/* Private to libitsm: the layout of agreement documents, shared by lib/model (accessors,
 * lint) and the JSON reader and writer in lib/io. Not installed.
 *
 * An agreement is a tree of nodes checked against the schema by the reader
 * (lib/io/agreement_json.c): members of an object are kept in schema order, which makes
 * the writer's output canonical. Keys are borrowed from the reader's static schema. */
#ifndef ITSM_MODEL_AGREEMENT_INTERNAL_H
#define ITSM_MODEL_AGREEMENT_INTERNAL_H

#include "itsm/agreement.h"
#include "itsm/service.h"
#include "itsm/time.h"

#include <stdbool.h>
#include <stdint.h>

typedef enum itsm__anode_kind {
    ITSM__AN_STRING = 0,
    ITSM__AN_INT = 1,
    ITSM__AN_BOOL = 2,
    ITSM__AN_DATE = 3,
    ITSM__AN_OBJECT = 4,
    ITSM__AN_ARRAY = 5,
    ITSM__AN_SLA = 6 /* an SLA item, read and written by lib/io/sla_json.c */
} itsm__anode_kind;

typedef struct itsm__anode {
    itsm__anode_kind kind;
    const char *key; /* member name (static); NULL for an array element */
    char *text;      /* ITSM__AN_STRING */
    int64_t integer; /* ITSM__AN_INT */
    bool flag;       /* ITSM__AN_BOOL */
    itsm_date date;  /* ITSM__AN_DATE */
    struct itsm_sla_item *sla; /* ITSM__AN_SLA (owned) */
    struct itsm__anode *items; /* members or elements */
    size_t count, cap;
} itsm__anode;

/* An agreement, a service and a party are each a root node (an object without
 * "itsm_schema" and "type"); the JSON readers rely on `root` being the first member. */
struct itsm_agreement {
    itsm__anode root;
};

struct itsm_service {
    itsm__anode root;
};

struct itsm_party {
    itsm__anode root;
};

/* Release what a node owns (not the node itself). */
void itsm__anode_clear(itsm__anode *node);
/* Append a zeroed child to `parent` (an object or array); `*out` stays valid until the
 * next append to the same parent. */
int itsm__anode_add(itsm__anode **out, itsm__anode *parent, const char *key);
/* Member `key` of an object node, or NULL (also for NULL or non-objects). */
const itsm__anode *itsm__anode_get(const itsm__anode *obj, const char *key);
/* The text of a string member, or NULL. */
const char *itsm__anode_text(const itsm__anode *obj, const char *key);

#endif
