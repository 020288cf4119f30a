/* Private to lib/io: JSON paths ("$.week.mon[1]") for the messages of the JSON readers.
 *
 * A path is a chain of steps that lives on the stack of the reader walking the document,
 * innermost step first; it is only turned into text when an error names it, so walking a
 * document costs no allocation and a failed allocation can never hide the real error. */
#ifndef ITSM_IO_JSON_PATH_H
#define ITSM_IO_JSON_PATH_H

#include "internal.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct itsm__jpath {
    const struct itsm__jpath *parent; /* NULL only for the root "$" */
    const char *key;                  /* member name; NULL for an array element */
    size_t index;                     /* array index when key is NULL */
} itsm__jpath;

/* The root, "$". */
itsm__jpath itsm__jpath_root(void);
/* parent.key (or parent["odd key"] when the key is not an identifier). */
itsm__jpath itsm__jpath_key(const itsm__jpath *parent, const char *key);
/* parent[index]. */
itsm__jpath itsm__jpath_index(const itsm__jpath *parent, size_t index);

/* The path as text, always NUL-terminated within `size` (long keys are shortened with
 * "..."). Returns the length written. */
size_t itsm__jpath_format(char *buf, size_t size, const itsm__jpath *path);

/* Record "<path>: <message>" as the thread's last error and return `code`. */
int itsm__jpath_error(int code, const itsm__jpath *path, const char *fmt, ...) ITSM__PRINTF(3, 4);

/* The thread's last error (set by a library call that just returned `code`), prefixed with
 * `path`. Out-of-memory errors describe no part of the document and pass unchanged. */
int itsm__jpath_wrap(int code, const itsm__jpath *path);

/* `text` as a JSON string literal for a message: quoted, escaped, and cut with "..." after
 * about `max` bytes (never inside a UTF-8 sequence). Always NUL-terminated. */
void itsm__json_quote(char *buf, size_t size, const char *text, size_t max);

/* Whether `text` is well-formed UTF-8 (RFC 3629), as JSON text must be. */
bool itsm__utf8_valid(const char *text);

#endif
