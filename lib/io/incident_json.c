/* Incident documents, incident record sets and JSON Lines streams of incidents
 * (docs/schema/incident.schema.json, incident_set.schema.json, "itsm_schema": 1): reader,
 * canonical writer and streaming reader.
 *
 * The reader is strict: an unknown key or a bad value is an error naming its JSON path
 * (`$.records[12].status_history[3].at`). The writer puts keys in a fixed order and leaves
 * out fields that are not set, so loading its output and saving it again gives the same
 * text. The stream holds one line and one record at a time. */
#include "internal.h"
#include "io/json_value.h"
#include "model/incident_internal.h"

#include "itsm/incident.h"

#include <jansson.h>

#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define ITSM__INCIDENT_SCHEMA 1

/* ---- reading ------------------------------------------------------------------------------ */

static int check_header(const json_t *root, const char *type, const itsm__jpath *rp)
{
    const char *const types[] = {type, NULL};
    size_t which = 0;
    return itsm__json_check_header(&which, root, ITSM__INCIDENT_SCHEMA, types, rp);
}

/* An ISO 8601 instant with an offset or Z; the message quotes the text and says why. */
static int get_instant(itsm_instant *out, const json_t *v, const itsm__jpath *p)
{
    const char *text = NULL;
    *out = 0;
    int rc = itsm__json_get_string(&text, v, p);
    if (rc != ITSM_OK)
        return rc;
    rc = itsm_instant_parse_n(out, text, strlen(text), NULL);
    if (rc == ITSM_ENOMEM)
        return rc;
    if (rc != ITSM_OK) {
        char q[96];
        char why[400];
        itsm__json_quote(q, sizeof q, text, 40);
        (void)snprintf(why, sizeof why, "%s", itsm_error_last());
        return itsm__jpath_error(rc, p, "%s is not an ISO 8601 instant (%s)", q, why);
    }
    return ITSM_OK;
}

static int get_required_instant(itsm_instant *out, const json_t *obj, const itsm__jpath *p)
{
    const json_t *v = NULL;
    itsm__jpath ap = itsm__jpath_key(p, "at");
    int rc = itsm__json_member(&v, obj, "at", p);
    if (rc == ITSM_OK)
        rc = get_instant(out, v, &ap);
    return rc;
}

/* One of `names` (count of them) as its index. */
static int get_word(int *out, const json_t *v, const char *const *names, int count, const char *what,
                    const char *list, const itsm__jpath *p)
{
    const char *text = NULL;
    int rc = itsm__json_get_string(&text, v, p);
    if (rc != ITSM_OK)
        return rc;
    for (int k = 0; k < count; k++) {
        if (strcmp(text, names[k]) == 0) {
            *out = k;
            return ITSM_OK;
        }
    }
    char q[96];
    itsm__json_quote(q, sizeof q, text, 40);
    return itsm__jpath_error(ITSM_EINVAL, p, "%s is not %s (expected one of: %s)", q, what, list);
}

static const char *const status_words[] = {"new", "active", "on_hold", "resolved", "closed"};
static const char *const severity_words[] = {"0", "0+", "1", "2", "3"};

static int read_change(itsm_incident *inc, const json_t *e, const itsm__jpath *p)
{
    static const char *const keys[] = {"at", "status", "group", "by", NULL};
    int rc = itsm__json_need_object(e, p);
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(e, keys, p);
    itsm_instant at = 0;
    int status = 0;
    const json_t *v = NULL;
    const char *group = NULL, *by = NULL;
    itsm__jpath ap = itsm__jpath_key(p, "at"), sp = itsm__jpath_key(p, "status");
    if (rc == ITSM_OK)
        rc = get_required_instant(&at, e, p);
    if (rc == ITSM_OK)
        rc = itsm__json_member(&v, e, "status", p);
    if (rc == ITSM_OK)
        rc = get_word(&status, v, status_words, 5, "a status", "new, active, on_hold, resolved, closed", &sp);
    if (rc == ITSM_OK)
        rc = itsm__json_opt_string(&group, e, "group", p);
    if (rc == ITSM_OK)
        rc = itsm__json_opt_string(&by, e, "by", p);
    if (rc == ITSM_OK &&
        (rc = itsm__incident_append_change(inc, at, (itsm_incident_status)status, group, by)) != ITSM_OK)
        rc = itsm__jpath_wrap(rc, &ap);
    return rc;
}

static int read_assignment(itsm_incident *inc, const json_t *e, const itsm__jpath *p)
{
    static const char *const keys[] = {"at", "group", NULL};
    int rc = itsm__json_need_object(e, p);
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(e, keys, p);
    itsm_instant at = 0;
    const char *group = NULL;
    itsm__jpath ap = itsm__jpath_key(p, "at");
    if (rc == ITSM_OK)
        rc = get_required_instant(&at, e, p);
    if (rc == ITSM_OK)
        rc = itsm__json_required_text(&group, e, "group", p);
    if (rc == ITSM_OK && (rc = itsm_incident_add_assignment(inc, at, group)) != ITSM_OK)
        rc = itsm__jpath_wrap(rc, &ap);
    return rc;
}

static int read_severity(itsm_incident *inc, const json_t *e, const itsm__jpath *p)
{
    static const char *const keys[] = {"at", "level", "by", NULL};
    int rc = itsm__json_need_object(e, p);
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(e, keys, p);
    itsm_instant at = 0;
    int level = 0;
    const json_t *v = NULL;
    const char *by = NULL;
    itsm__jpath ap = itsm__jpath_key(p, "at"), lp = itsm__jpath_key(p, "level");
    if (rc == ITSM_OK)
        rc = get_required_instant(&at, e, p);
    if (rc == ITSM_OK)
        rc = itsm__json_member(&v, e, "level", p);
    if (rc == ITSM_OK)
        rc = get_word(&level, v, severity_words, 5, "a severity level", "\"0\", \"0+\", \"1\", \"2\", \"3\"", &lp);
    if (rc == ITSM_OK)
        rc = itsm__json_required_text(&by, e, "by", p);
    if (rc == ITSM_OK && (rc = itsm_incident_declare_severity(inc, at, (itsm_severity_level)level, by)) != ITSM_OK)
        rc = itsm__jpath_wrap(rc, &ap);
    return rc;
}

typedef int (*read_entry_fn)(itsm_incident *inc, const json_t *e, const itsm__jpath *p);

static int read_list(itsm_incident *inc, const json_t *obj, const char *key, read_entry_fn fn,
                     const itsm__jpath *p)
{
    const json_t *list = json_object_get(obj, key);
    if (list == NULL)
        return ITSM_OK;
    itsm__jpath lp = itsm__jpath_key(p, key);
    int rc = itsm__json_need_array(list, &lp);
    size_t i;
    const json_t *e;
    json_array_foreach((json_t *)list, i, e) {
        if (rc != ITSM_OK)
            break;
        itsm__jpath ip = itsm__jpath_index(&lp, i);
        rc = fn(inc, e, &ip);
    }
    return rc;
}

/* The members of an incident object at `p` (a document when `document`, else a record of
 * a set, without "itsm_schema" and "type"). */
static int read_incident(itsm_incident **out, const json_t *obj, bool document, const itsm__jpath *p)
{
    static const char *const doc_keys[] = {"itsm_schema", "type",    "id",       "service",
                                           "ci",          "category", "impact",  "urgency",
                                           "priority",    "status_history", "assignment_history",
                                           "severity_declarations", NULL};
    *out = NULL;
    int rc = document ? check_header(obj, "incident", p) : itsm__json_need_object(obj, p);
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(obj, document ? doc_keys : doc_keys + 2, p);
    const char *id = NULL;
    itsm_incident *inc = NULL;
    if (rc == ITSM_OK)
        rc = itsm__json_required_text(&id, obj, "id", p);
    if (rc == ITSM_OK && (rc = itsm_incident_new(&inc, id)) != ITSM_OK) {
        itsm__jpath ip = itsm__jpath_key(p, "id");
        rc = itsm__jpath_wrap(rc, &ip);
    }
    for (size_t k = 0; rc == ITSM_OK && k < ITSM__INCIDENT_TEXT_COUNT; k++) {
        const char *text = NULL;
        itsm__jpath kp = itsm__jpath_key(p, itsm__incident_text_keys[k]);
        rc = itsm__json_opt_string(&text, obj, itsm__incident_text_keys[k], p);
        if (rc == ITSM_OK && text != NULL && (rc = itsm_incident_set_text(inc, (itsm_incident_text)k, text)) != ITSM_OK)
            rc = itsm__jpath_wrap(rc, &kp);
    }
    for (size_t k = 0; rc == ITSM_OK && k < ITSM__INCIDENT_LEVEL_COUNT; k++) {
        const json_t *v = json_object_get(obj, itsm__incident_level_keys[k]);
        itsm__jpath kp = itsm__jpath_key(p, itsm__incident_level_keys[k]);
        int32_t x = 0;
        if (v == NULL)
            continue;
        rc = itsm__json_get_int32(&x, v, &kp);
        if (rc == ITSM_OK && x < 1)
            rc = itsm__jpath_error(ITSM_ERANGE, &kp, "%" PRId32 " is outside 1 .. %d", x, ITSM__INCIDENT_LEVEL_MAX);
        if (rc == ITSM_OK && (rc = itsm_incident_set_level(inc, (itsm_incident_level)k, x)) != ITSM_OK)
            rc = itsm__jpath_wrap(rc, &kp);
    }
    if (rc == ITSM_OK)
        rc = read_list(inc, obj, "status_history", read_change, p);
    if (rc == ITSM_OK)
        rc = read_list(inc, obj, "assignment_history", read_assignment, p);
    if (rc == ITSM_OK)
        rc = read_list(inc, obj, "severity_declarations", read_severity, p);
    if (rc != ITSM_OK) {
        itsm_incident_free(inc);
        return rc;
    }
    *out = inc;
    return ITSM_OK;
}

itsm_status itsm_incident_from_json(itsm_incident **out, const char *json, size_t len)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(json);
    json_t *root = NULL;
    int rc = itsm__json_load(&root, json, len, "incident");
    if (rc != ITSM_OK)
        return rc;
    itsm__jpath rp = itsm__jpath_root();
    rc = read_incident(out, root, true, &rp);
    json_decref(root);
    return rc;
}

void itsm_incident_set_free(itsm_incident **incidents, size_t count)
{
    if (incidents == NULL)
        return;
    for (size_t i = 0; i < count; i++)
        itsm_incident_free(incidents[i]);
    itsm__free(incidents);
}

itsm_status itsm_incident_set_from_json(itsm_incident ***out, size_t *out_count, const char *json, size_t len)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(out_count);
    ITSM__CHECK_ARG(json);
    json_t *root = NULL;
    int rc = itsm__json_load(&root, json, len, "incident set");
    if (rc != ITSM_OK)
        return rc;
    static const char *const keys[] = {"itsm_schema", "type", "records", NULL};
    itsm__jpath rp = itsm__jpath_root(), lp = itsm__jpath_key(&rp, "records");
    const json_t *list = NULL;
    itsm_incident **items = NULL;
    size_t count = 0;
    rc = check_header(root, "incident_set", &rp);
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(root, keys, &rp);
    if (rc == ITSM_OK)
        rc = itsm__json_member(&list, root, "records", &rp);
    if (rc == ITSM_OK)
        rc = itsm__json_need_array(list, &lp);
    size_t n = rc == ITSM_OK ? json_array_size(list) : 0;
    if (n > 0 && (items = itsm__calloc(n, sizeof *items, "incident set")) == NULL)
        rc = ITSM_ENOMEM;
    for (size_t i = 0; rc == ITSM_OK && i < n; i++) {
        itsm__jpath ip = itsm__jpath_index(&lp, i);
        rc = read_incident(&items[i], json_array_get(list, i), false, &ip);
        if (rc == ITSM_OK)
            count++;
    }
    json_decref(root);
    if (rc != ITSM_OK) {
        itsm_incident_set_free(items, count);
        return rc;
    }
    *out = items;
    *out_count = count;
    return ITSM_OK;
}

/* ---- writing ------------------------------------------------------------------------------ */

static int put_list(json_t *obj, const char *key, json_t **list, const char *what)
{
    *list = json_array();
    return itsm__json_put(obj, key, *list, what);
}

/* The members of `inc` into `obj` (after any header). */
static int write_incident(json_t *obj, const itsm_incident *inc, const char *what)
{
    static const char *const change_keys[] = {"status", "group", "by"};
    static const char *const assignment_keys[] = {"group"};
    static const char *const severity_keys[] = {"level", "by"};
    int rc = itsm__json_put(obj, "id", json_string(inc->id), what);
    for (size_t k = 0; rc == ITSM_OK && k < ITSM__INCIDENT_TEXT_COUNT; k++) {
        if (inc->text[k] != NULL)
            rc = itsm__json_put(obj, itsm__incident_text_keys[k], json_string(inc->text[k]), what);
    }
    for (size_t k = 0; rc == ITSM_OK && k < ITSM__INCIDENT_LEVEL_COUNT; k++) {
        if (inc->level[k] != 0)
            rc = itsm__json_put(obj, itsm__incident_level_keys[k], json_integer(inc->level[k]), what);
    }
    json_t *list = NULL;
    if (rc == ITSM_OK)
        rc = put_list(obj, "status_history", &list, what);
    for (size_t i = 0; rc == ITSM_OK && i < inc->change_count; i++) {
        const itsm__incident_change *c = &inc->changes[i];
        const char *const texts[] = {status_words[c->status], c->group, c->by};
        rc = itsm__json_append_history(list, c->at, 3, change_keys, texts, what);
    }
    if (rc == ITSM_OK && inc->assignment_count > 0)
        rc = put_list(obj, "assignment_history", &list, what);
    for (size_t i = 0; rc == ITSM_OK && i < inc->assignment_count; i++) {
        const char *const texts[] = {inc->assignments[i].group};
        rc = itsm__json_append_history(list, inc->assignments[i].at, 1, assignment_keys, texts, what);
    }
    if (rc == ITSM_OK && inc->severity_count > 0)
        rc = put_list(obj, "severity_declarations", &list, what);
    for (size_t i = 0; rc == ITSM_OK && i < inc->severity_count; i++) {
        const itsm__severity_decl *d = &inc->severities[i];
        const char *const texts[] = {severity_words[d->level], d->by};
        rc = itsm__json_append_history(list, d->at, 2, severity_keys, texts, what);
    }
    return rc;
}

itsm_status itsm_incident_to_json(char **out, const itsm_incident *incident)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(incident);
    const char *what = "itsm_incident_to_json";
    json_t *root = NULL;
    int rc = itsm__json_new_document(&root, ITSM__INCIDENT_SCHEMA, "incident", what);
    if (rc == ITSM_OK)
        rc = write_incident(root, incident, what);
    if (rc == ITSM_OK)
        rc = itsm__json_dump(out, root, what);
    json_decref(root);
    return rc;
}

itsm_status itsm_incident_set_to_json(char **out, const itsm_incident *const *incidents, size_t count)
{
    ITSM__CHECK_ARG(out);
    if (count > 0)
        ITSM__CHECK_ARG(incidents);
    const char *what = "itsm_incident_set_to_json";
    for (size_t i = 0; i < count; i++) {
        if (incidents[i] == NULL)
            return itsm__error(ITSM_EINVAL, "%s: incidents[%zu] is NULL", what, i);
    }
    json_t *root = NULL;
    int rc = itsm__json_new_document(&root, ITSM__INCIDENT_SCHEMA, "incident_set", what);
    json_t *list = NULL;
    if (rc == ITSM_OK)
        rc = put_list(root, "records", &list, what);
    for (size_t i = 0; rc == ITSM_OK && i < count; i++) {
        json_t *e = json_object();
        rc = itsm__json_append(list, e, what);
        if (rc == ITSM_OK)
            rc = write_incident(e, incidents[i], what);
    }
    if (rc == ITSM_OK)
        rc = itsm__json_dump(out, root, what);
    json_decref(root);
    return rc;
}

/* ---- JSON Lines ------------------------------------------------------------------------------ */

struct itsm_incident_stream {
    FILE *file;        /* NULL for a memory stream */
    const char *data;  /* memory stream */
    size_t len, pos;
    char *line;        /* file stream: the current line */
    size_t line_cap;
    size_t line_no;
};

itsm_status itsm_incident_stream_open(itsm_incident_stream **out, const char *path)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(path);
    itsm_incident_stream *s = itsm__calloc(1, sizeof *s, __func__);
    if (s == NULL)
        return ITSM_ENOMEM;
    if ((s->file = fopen(path, "rb")) == NULL) {
        int err = errno;
        itsm__free(s);
        return itsm__error(err == ENOENT ? ITSM_ENOTFOUND : ITSM_EIO, "%s: cannot open %s: %s", __func__, path,
                           strerror(err));
    }
    *out = s;
    return ITSM_OK;
}

itsm_status itsm_incident_stream_open_memory(itsm_incident_stream **out, const char *data, size_t len)
{
    ITSM__CHECK_ARG(out);
    if (len > 0)
        ITSM__CHECK_ARG(data);
    itsm_incident_stream *s = itsm__calloc(1, sizeof *s, __func__);
    if (s == NULL)
        return ITSM_ENOMEM;
    s->data = data;
    s->len = len;
    *out = s;
    return ITSM_OK;
}

void itsm_incident_stream_close(itsm_incident_stream *stream)
{
    if (stream == NULL)
        return;
    if (stream->file != NULL)
        (void)fclose(stream->file);
    itsm__free(stream->line);
    itsm__free(stream);
}

size_t itsm_incident_stream_line(const itsm_incident_stream *stream)
{
    return stream == NULL ? 0 : stream->line_no;
}

/* The next line (without its '\n'): *text NULL at the end. */
static int next_line(const char **text, size_t *len, itsm_incident_stream *s)
{
    *text = NULL;
    *len = 0;
    if (s->file == NULL) {
        if (s->pos >= s->len)
            return ITSM_OK;
        const char *start = s->data + s->pos;
        const char *nl = memchr(start, '\n', s->len - s->pos);
        size_t n = nl != NULL ? (size_t)(nl - start) : s->len - s->pos;
        s->pos += n + (nl != NULL ? 1 : 0);
        s->line_no++;
        *text = start;
        *len = n;
        return ITSM_OK;
    }
    size_t n = 0;
    int c = 0;
    bool any = false;
    while ((c = getc(s->file)) != EOF) {
        any = true;
        if (c == '\n')
            break;
        void *buf = s->line;
        if (itsm__reserve(&buf, &s->line_cap, n + 1, 1, "incident stream") != ITSM_OK) {
            /* Skip the rest of the line, so that reading can go on. */
            while ((c = getc(s->file)) != EOF && c != '\n') {
            }
            s->line_no++;
            return ITSM_ENOMEM;
        }
        s->line = buf;
        s->line[n++] = (char)c;
    }
    if (ferror(s->file))
        return itsm__error(ITSM_EIO, "incident stream: line %zu: read error", s->line_no + 1);
    if (!any)
        return ITSM_OK;
    s->line_no++;
    *text = n > 0 ? s->line : "";
    *len = n;
    return ITSM_OK;
}

static bool blank(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r')
            return false;
    }
    return true;
}

itsm_status itsm_incident_stream_next(itsm_incident **out, int *eof, itsm_incident_stream *stream)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(eof);
    ITSM__CHECK_ARG(stream);
    *out = NULL;
    *eof = 0;
    for (;;) {
        const char *text = NULL;
        size_t len = 0;
        int rc = next_line(&text, &len, stream);
        if (rc != ITSM_OK)
            return rc;
        if (text == NULL) {
            *eof = 1;
            return ITSM_OK;
        }
        if (blank(text, len))
            continue;
        json_t *root = NULL;
        rc = itsm__json_load(&root, text, len, "incident");
        if (rc == ITSM_OK) {
            itsm__jpath rp = itsm__jpath_root();
            rc = read_incident(out, root, true, &rp);
            json_decref(root);
        }
        if (rc != ITSM_OK && rc != ITSM_ENOMEM)
            return itsm__error_prefix(rc, "line %zu", stream->line_no);
        return rc;
    }
}
