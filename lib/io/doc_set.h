/* Private to lib/io: set documents {"itsm_schema": N, "type": "<x>_set", "<key>": [...]}
 * whose elements are documents of one kind without their header, read into and written
 * from arrays of handles (incident sets, record sets, configuration item and pending item
 * sets). */
#ifndef ITSM_IO_DOC_SET_H
#define ITSM_IO_DOC_SET_H

#include "io/json_value.h"

#include <stddef.h>

/* Read element `i` (the JSON value `e` at `p`) into slot `i` of the handle array `items`. */
typedef int (*itsm__set_read_fn)(void *items, size_t i, const json_t *e, const itsm__jpath *p);
/* Release the first `count` handles of `items` and the array. */
typedef void (*itsm__set_free_fn)(void *items, size_t count);
/* Write handle `i` of `items` into the JSON object `obj` (ITSM_EINVAL for a NULL handle). */
typedef int (*itsm__set_write_fn)(json_t *obj, const void *items, size_t i, const char *what);

typedef struct itsm__set_kind {
    const char *type;       /* the set's "type" */
    const char *key;        /* the member holding the elements */
    const char *what;       /* names the document in messages */
    size_t handle_size;     /* sizeof one handle pointer */
    itsm__set_read_fn read;
    itsm__set_free_fn release;
    itsm__set_write_fn write;
} itsm__set_kind;

/* Parse a set: *out an array of *out_count handles (NULL for none), released with
 * kind->release; errors name the element's path (`$.records[12].at`). */
int itsm__set_from_json(void **out, size_t *out_count, const char *json, size_t len, int schema,
                        const itsm__set_kind *kind);
/* The canonical set document of `count` handles. */
int itsm__set_to_json(char **out, const void *items, size_t count, int schema, const itsm__set_kind *kind,
                      const char *what);

#endif
