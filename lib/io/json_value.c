/* Typed access to JSON values for the readers and writers of lib/io: every getter checks
 * the value's type (and range) and reports a mismatch as an error naming its JSON path;
 * the setters report jansson's allocation failures. */
#include "io/json_value.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

const char *const itsm__json_weekday_keys[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

/* ---- values and types ------------------------------------------------------------------ */

static const char *json_type_text(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "an integer";
    case JSON_REAL: return "a number with a fraction";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    case JSON_NULL: return "null";
    }
    return "an unknown value";
}

int itsm__json_type_error(const json_t *v, const char *expected, const itsm__jpath *p)
{
    return itsm__jpath_error(ITSM_EINVAL, p, "expected %s, got %s", expected, json_type_text(v));
}

int itsm__json_need_object(const json_t *v, const itsm__jpath *p)
{
    return json_is_object(v) ? ITSM_OK : itsm__json_type_error(v, "an object", p);
}

int itsm__json_need_array(const json_t *v, const itsm__jpath *p)
{
    return json_is_array(v) ? ITSM_OK : itsm__json_type_error(v, "an array", p);
}

int itsm__json_get_string(const char **out, const json_t *v, const itsm__jpath *p)
{
    *out = NULL;
    if (!json_is_string(v))
        return itsm__json_type_error(v, "a string", p);
    *out = json_string_value(v);
    return ITSM_OK;
}

int itsm__json_get_bool(bool *out, const json_t *v, const itsm__jpath *p)
{
    *out = false;
    if (!json_is_boolean(v))
        return itsm__json_type_error(v, "true or false", p);
    *out = json_is_true(v);
    return ITSM_OK;
}

int itsm__json_word(int *out, const char *text, const char *const *words, const itsm__jpath *p)
{
    *out = -1;
    char list[400] = "";
    size_t used = 0;
    for (int i = 0; words[i] != NULL; i++) {
        if (strcmp(text, words[i]) == 0) {
            *out = i;
            return ITSM_OK;
        }
        int n = snprintf(list + used, sizeof list - used, "%s%s", i > 0 ? ", " : "", words[i]);
        if (n > 0 && (size_t)n < sizeof list - used)
            used += (size_t)n;
    }
    char q[96];
    itsm__json_quote(q, sizeof q, text, 40);
    return itsm__jpath_error(ITSM_EINVAL, p, "%s is not allowed here (expected one of: %s)", q, list);
}

int itsm__json_get_word(int *out, const json_t *v, const char *const *words, const itsm__jpath *p)
{
    *out = -1;
    const char *text;
    int rc = itsm__json_get_string(&text, v, p);
    return rc != ITSM_OK ? rc : itsm__json_word(out, text, words, p);
}

int itsm__json_get_int32(int32_t *out, const json_t *v, const itsm__jpath *p)
{
    *out = 0;
    if (!json_is_integer(v))
        return itsm__json_type_error(v, "an integer", p);
    json_int_t x = json_integer_value(v);
    if (x < INT32_MIN || x > INT32_MAX)
        return itsm__jpath_error(ITSM_ERANGE, p, "%" JSON_INTEGER_FORMAT " is out of range", x);
    *out = (int32_t)x;
    return ITSM_OK;
}

/* Optional integer member: 0 when absent. */
int itsm__json_opt_int32(int32_t *out, const json_t *obj, const char *key, const itsm__jpath *p)
{
    const json_t *v = json_object_get(obj, key);
    *out = 0;
    if (v == NULL)
        return ITSM_OK;
    itsm__jpath kp = itsm__jpath_key(p, key);
    return itsm__json_get_int32(out, v, &kp);
}

/* Optional string member: NULL when absent. */
int itsm__json_opt_string(const char **out, const json_t *obj, const char *key, const itsm__jpath *p)
{
    const json_t *v = json_object_get(obj, key);
    *out = NULL;
    if (v == NULL)
        return ITSM_OK;
    itsm__jpath kp = itsm__jpath_key(p, key);
    return itsm__json_get_string(out, v, &kp);
}

/* A required member; the error names the object and the missing key. */
int itsm__json_member(const json_t **out, const json_t *obj, const char *key, const itsm__jpath *p)
{
    *out = json_object_get(obj, key);
    if (*out == NULL)
        return itsm__jpath_error(ITSM_EINVAL, p, "missing required key \"%s\"", key);
    return ITSM_OK;
}

int itsm__json_required_text(const char **out, const json_t *obj, const char *key, const itsm__jpath *p)
{
    const json_t *v = NULL;
    itsm__jpath kp = itsm__jpath_key(p, key);
    int rc = itsm__json_member(&v, obj, key, p);
    if (rc == ITSM_OK)
        rc = itsm__json_get_string(out, v, &kp);
    if (rc == ITSM_OK && (*out)[0] == '\0')
        rc = itsm__jpath_error(ITSM_EINVAL, &kp, "must not be empty");
    return rc;
}

/* Every key of `obj` must be one of `allowed` (NULL-terminated). */
int itsm__json_check_keys(const json_t *obj, const char *const *allowed, const itsm__jpath *p)
{
    const char *key;
    const json_t *value;
    json_object_foreach((json_t *)obj, key, value) {
        bool known = false;
        for (const char *const *a = allowed; *a != NULL && !known; a++)
            known = strcmp(key, *a) == 0;
        if (known)
            continue;
        char list[256] = "";
        size_t len = 0;
        for (const char *const *a = allowed; *a != NULL; a++) {
            int n = snprintf(list + len, sizeof list - len, "%s%s", a == allowed ? "" : ", ", *a);
            if (n < 0 || (size_t)n >= sizeof list - len)
                break;
            len += (size_t)n;
        }
        itsm__jpath kp = itsm__jpath_key(p, key);
        return itsm__jpath_error(ITSM_EINVAL, &kp, "unknown key (expected one of: %s)", list);
    }
    (void)value;
    return ITSM_OK;
}

/* ---- dates and times of day ------------------------------------------------------------ */

int itsm__json_get_date(itsm_date *out, const json_t *v, const itsm__jpath *p)
{
    const char *text;
    int rc = itsm__json_get_string(&text, v, p);
    if (rc != ITSM_OK)
        return rc;
    rc = itsm_date_parse(out, text);
    if (rc != ITSM_OK) {
        char q[96];
        itsm__json_quote(q, sizeof q, text, 40);
        char why[400];
        (void)snprintf(why, sizeof why, "%s", itsm_error_last());
        return itsm__jpath_error(rc, p, "%s is not a date YYYY-MM-DD (%s)", q, why);
    }
    return ITSM_OK;
}

/* A time of day "HH:MM[:SS]" (0 .. 24:00) from `len` bytes of `text`. */
int itsm__json_time_n(int32_t *out, const char *text, size_t len, const char *whole, const itsm__jpath *p)
{
    char buf[16];
    char q[96];
    char why[256] = "too long";
    int rc = ITSM_EPARSE;
    if (len < sizeof buf) {
        memcpy(buf, text, len);
        buf[len] = '\0';
        rc = itsm_local_time_parse(out, buf);
        if (rc == ITSM_OK)
            return ITSM_OK;
        (void)snprintf(why, sizeof why, "%s", itsm_error_last());
    }
    itsm__json_quote(q, sizeof q, whole, 40);
    return itsm__jpath_error(rc, p, "%s: expected a time of day HH:MM or HH:MM:SS, 00:00 .. 24:00 (%s)", q, why);
}

int itsm__json_get_time(int32_t *out, const json_t *v, const itsm__jpath *p)
{
    const char *text;
    int rc = itsm__json_get_string(&text, v, p);
    if (rc != ITSM_OK)
        return rc;
    return itsm__json_time_n(out, text, strlen(text), text, p);
}

int itsm__json_get_weekday(int32_t *out, const json_t *v, const itsm__jpath *p)
{
    *out = 0;
    const char *text;
    int rc = itsm__json_get_string(&text, v, p);
    if (rc != ITSM_OK)
        return rc;
    for (int d = 0; d < 7; d++) {
        if (strcmp(text, itsm__json_weekday_keys[d]) == 0) {
            *out = d + 1;
            return ITSM_OK;
        }
    }
    char q[96];
    itsm__json_quote(q, sizeof q, text, 40);
    return itsm__jpath_error(ITSM_EINVAL, p, "%s is not a weekday (expected one of: mon, tue, wed, thu, fri, sat, sun)",
                             q);
}

int itsm__json_load(json_t **out, const char *json, size_t len, const char *what)
{
    json_error_t err;
    /* Any top-level value: callers check the type and name the path "$" when it is wrong. */
    json_t *root = json_loadb(json, len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &err);
    if (root == NULL) {
        if (json_error_code(&err) == json_error_out_of_memory)
            return itsm__error(ITSM_ENOMEM, "%s: out of memory while parsing JSON", what);
        return itsm__error(ITSM_EPARSE, "%s: malformed JSON at line %d, column %d (byte %d): %s", what, err.line,
                           err.column, err.position, err.text);
    }
    *out = root;
    return ITSM_OK;
}

static int check_version(const json_t *root, int schema, const itsm__jpath *rp)
{
    const json_t *v = json_object_get(root, "itsm_schema");
    itsm__jpath p = itsm__jpath_key(rp, "itsm_schema");
    if (v == NULL)
        return itsm__jpath_error(ITSM_EVERSION, rp,
                                 "missing \"itsm_schema\" (the document version; this library reads %d)", schema);
    if (!json_is_integer(v))
        return itsm__json_type_error(v, "an integer", &p);
    json_int_t version = json_integer_value(v);
    if (version > schema)
        return itsm__jpath_error(ITSM_EVERSION, &p, "version %" JSON_INTEGER_FORMAT " is newer than this library (%d)",
                                 version, schema);
    if (version < 1)
        return itsm__jpath_error(ITSM_EVERSION, &p,
                                 "version %" JSON_INTEGER_FORMAT " does not exist (this library reads %d)", version,
                                 schema);
    return ITSM_OK;
}

int itsm__json_check_type(size_t *out_type, const json_t *obj, const char *const *types, const itsm__jpath *p)
{
    const json_t *t = NULL;
    const char *text = NULL;
    itsm__jpath tp = itsm__jpath_key(p, "type");
    int rc = itsm__json_member(&t, obj, "type", p);
    if (rc == ITSM_OK)
        rc = itsm__json_get_string(&text, t, &tp);
    if (rc != ITSM_OK)
        return rc;
    char expected[256] = "";
    size_t used = 0;
    for (size_t i = 0; types[i] != NULL; i++) {
        if (strcmp(text, types[i]) == 0) {
            *out_type = i;
            return ITSM_OK;
        }
        int n = snprintf(expected + used, sizeof expected - used, "%s\"%s\"", i == 0 ? "" : ", ", types[i]);
        if (n > 0 && (size_t)n < sizeof expected - used)
            used += (size_t)n;
    }
    char q[96];
    itsm__json_quote(q, sizeof q, text, 40);
    return itsm__jpath_error(ITSM_EINVAL, &tp, "%s is not %s%s (the document type this reader takes)", q,
                             types[1] == NULL ? "" : "one of ", expected);
}

int itsm__json_check_header(size_t *out_type, const json_t *root, int schema, const char *const *types,
                            const itsm__jpath *rp)
{
    int rc = itsm__json_need_object(root, rp);
    if (rc == ITSM_OK)
        rc = check_version(root, schema, rp);
    if (rc == ITSM_OK)
        rc = itsm__json_check_type(out_type, root, types, rp);
    return rc;
}

int itsm__json_new_document(json_t **out, int schema, const char *type, const char *what)
{
    json_t *root = json_object();
    *out = NULL;
    if (root == NULL)
        return itsm__error(ITSM_ENOMEM, "%s: out of memory", what);
    int rc = itsm__json_put(root, "itsm_schema", json_integer(schema), what);
    if (rc == ITSM_OK)
        rc = itsm__json_put(root, "type", json_string(type), what);
    if (rc != ITSM_OK) {
        json_decref(root);
        return rc;
    }
    *out = root;
    return ITSM_OK;
}

json_t *itsm__json_date(itsm_date date)
{
    char buf[ITSM_DATE_TEXT_SIZE];
    if (itsm_date_format(buf, sizeof buf, date) != ITSM_OK)
        return NULL;
    return json_string(buf);
}

json_t *itsm__json_instant(itsm_instant t)
{
    char buf[ITSM_INSTANT_TEXT_SIZE];
    if (itsm_instant_format(buf, sizeof buf, t, NULL) != ITSM_OK)
        return NULL;
    return json_string(buf);
}

int itsm__json_append_history(json_t *list, itsm_instant at, size_t n, const char *const *keys,
                              const char *const *texts, const char *what)
{
    json_t *e = json_object();
    int rc = itsm__json_append(list, e, what);
    if (rc == ITSM_OK)
        rc = itsm__json_put(e, "at", itsm__json_instant(at), what);
    for (size_t i = 0; rc == ITSM_OK && i < n; i++) {
        if (texts[i] != NULL)
            rc = itsm__json_put(e, keys[i], json_string(texts[i]), what);
    }
    return rc;
}

int itsm__json_dump(char **out, const json_t *root, const char *what)
{
    const size_t flags = JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY | JSON_REAL_PRECISION(15);
    size_t len = json_dumpb(root, NULL, 0, flags);
    if (len == 0)
        return itsm__error(ITSM_ENOMEM, "%s: out of memory", what);
    char *text = itsm__malloc(len + 2, what);
    if (text == NULL)
        return ITSM_ENOMEM;
    if (json_dumpb(root, text, len, flags) != len) {
        itsm__free(text);
        return itsm__error(ITSM_ENOMEM, "%s: out of memory", what);
    }
    text[len] = '\n';
    text[len + 1] = '\0';
    *out = text;
    return ITSM_OK;
}

int itsm__json_put(json_t *obj, const char *key, json_t *value, const char *what)
{
    if (value == NULL || json_object_set_new(obj, key, value) != 0)
        return itsm__error(ITSM_ENOMEM, "%s: out of memory", what);
    return ITSM_OK;
}

int itsm__json_append(json_t *array, json_t *value, const char *what)
{
    if (value == NULL || json_array_append_new(array, value) != 0)
        return itsm__error(ITSM_ENOMEM, "%s: out of memory", what);
    return ITSM_OK;
}
