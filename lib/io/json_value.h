/* Private to lib/io: typed access to jansson values. Getters check a value's type and
 * report a mismatch as an error naming its JSON path; they write their output on every
 * path (a neutral value on failure). Setters turn jansson's allocation failures into
 * ITSM_ENOMEM. */
#ifndef ITSM_IO_JSON_VALUE_H
#define ITSM_IO_JSON_VALUE_H

#include "io/json_path.h"
#include "itsm/time.h"

#include <jansson.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Keys of "week" and values of "weekday": ISO weekday 1 (Monday) .. 7 (Sunday) at 0 .. 6. */
extern const char *const itsm__json_weekday_keys[7];

/* Parse a document (duplicate keys rejected). ITSM_EPARSE names line, column and byte;
 * `what` names the document in the message. */
int itsm__json_load(json_t **out, const char *json, size_t len, const char *what);

/* The header of every document: an object with "itsm_schema" (1 .. `schema`; missing,
 * below 1 or newer is ITSM_EVERSION) and a "type" among the NULL-terminated `types`
 * (else ITSM_EINVAL listing them); *out_type receives its index. */
int itsm__json_check_header(size_t *out_type, const json_t *root, int schema, const char *const *types,
                            const itsm__jpath *rp);

/* The "type" member of the object `obj` at `p` is one of the NULL-terminated `types` (else
 * ITSM_EINVAL listing them); *out_type receives its index. */
int itsm__json_check_type(size_t *out_type, const json_t *obj, const char *const *types, const itsm__jpath *p);

/* A new document object {"itsm_schema": schema, "type": type} (ITSM_ENOMEM naming `what`). */
int itsm__json_new_document(json_t **out, int schema, const char *type, const char *what);

/* A date as "YYYY-MM-DD" and an instant as ISO 8601 UTC text: new JSON strings, NULL when
 * out of memory (for itsm__json_put / itsm__json_append, which report it). */
json_t *itsm__json_date(itsm_date date);
json_t *itsm__json_instant(itsm_instant t);

/* Append one history entry {"at": <instant>, keys[0]: texts[0], ...} to `list`, leaving
 * out the members whose text is NULL. */
int itsm__json_append_history(json_t *list, itsm_instant at, size_t n, const char *const *keys,
                              const char *const *texts, const char *what);

/* `root` as text in libitsm's allocator (the caller frees it with itsm_free): two-space
 * indent, keys in insertion order, a trailing newline; numbers with a fraction with 15
 * significant digits, so a decimal read from a document is written as it was. */
int itsm__json_dump(char **out, const json_t *root, const char *what);

/* "expected <expected>, got <the value's type>" at `p` (ITSM_EINVAL). */
int itsm__json_type_error(const json_t *v, const char *expected, const itsm__jpath *p);
int itsm__json_need_object(const json_t *v, const itsm__jpath *p);
int itsm__json_need_array(const json_t *v, const itsm__jpath *p);

int itsm__json_get_string(const char **out, const json_t *v, const itsm__jpath *p);
int itsm__json_get_bool(bool *out, const json_t *v, const itsm__jpath *p);
/* An integer that fits int32 (ITSM_ERANGE otherwise). */
int itsm__json_get_int32(int32_t *out, const json_t *v, const itsm__jpath *p);
/* "YYYY-MM-DD" (itsm_date_parse). */
int itsm__json_get_date(itsm_date *out, const json_t *v, const itsm__jpath *p);
/* "HH:MM[:SS]", 00:00 .. 24:00 (itsm_local_time_parse). */
int itsm__json_get_time(int32_t *out, const json_t *v, const itsm__jpath *p);
/* The same from `len` bytes of `text`; `whole` is the string quoted in a message. */
int itsm__json_time_n(int32_t *out, const char *text, size_t len, const char *whole, const itsm__jpath *p);
/* `text` as its index in `words` (NULL-terminated); the error at `p` lists the words. */
int itsm__json_word(int *out, const char *text, const char *const *words, const itsm__jpath *p);
/* A string that is one of `words`: its index (itsm__json_word). */
int itsm__json_get_word(int *out, const json_t *v, const char *const *words, const itsm__jpath *p);
/* "mon" .. "sun" as 1 .. 7. */
int itsm__json_get_weekday(int32_t *out, const json_t *v, const itsm__jpath *p);

/* A required, non-empty string member `key` of `obj` at `p`. */
int itsm__json_required_text(const char **out, const json_t *obj, const char *key, const itsm__jpath *p);

/* Optional members of `obj` at `p`: 0 / NULL when absent. */
int itsm__json_opt_int32(int32_t *out, const json_t *obj, const char *key, const itsm__jpath *p);
int itsm__json_opt_string(const char **out, const json_t *obj, const char *key, const itsm__jpath *p);
/* A required member ("missing required key" at `p` otherwise). */
int itsm__json_member(const json_t **out, const json_t *obj, const char *key, const itsm__jpath *p);
/* Every key of `obj` is one of `allowed` (NULL-terminated); the error lists them. */
int itsm__json_check_keys(const json_t *obj, const char *const *allowed, const itsm__jpath *p);

/* obj[key] = value and array += value, taking ownership of `value` (as jansson's *_new
 * functions do). A NULL value or object, or a failure inside jansson, is ITSM_ENOMEM
 * (jansson reports allocation failures as NULL); `what` names the operation. */
int itsm__json_put(json_t *obj, const char *key, json_t *value, const char *what);
int itsm__json_append(json_t *array, json_t *value, const char *what);

#endif
