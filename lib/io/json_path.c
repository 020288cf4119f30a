/* JSON paths for error messages: "$", "$.week.mon[1]", "$.week[\"1\"]". */
#include "io/json_path.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* Keys longer than this are shortened in paths: a path is read by a person, and the
 * whole message has to fit the thread's message buffer. */
#define JPATH_KEY_MAX 48

itsm__jpath itsm__jpath_root(void)
{
    itsm__jpath p = {NULL, NULL, 0};
    return p;
}

itsm__jpath itsm__jpath_key(const itsm__jpath *parent, const char *key)
{
    itsm__jpath p = {parent, key, 0};
    return p;
}

itsm__jpath itsm__jpath_index(const itsm__jpath *parent, size_t index)
{
    itsm__jpath p = {parent, NULL, index};
    return p;
}

/* Appends to a bounded buffer; once full, later text is dropped (the NUL stays). */
typedef struct sink {
    char *buf;
    size_t size, len;
} sink;

static void put(sink *s, const char *text, size_t n)
{
    if (s->size == 0)
        return;
    size_t room = s->size - 1 - s->len;
    if (n > room)
        n = room;
    memcpy(s->buf + s->len, text, n);
    s->len += n;
    s->buf[s->len] = '\0';
}

static void puts_(sink *s, const char *text) { put(s, text, strlen(text)); }

static bool is_identifier(const char *key)
{
    if (key[0] == '\0' || (key[0] >= '0' && key[0] <= '9'))
        return false;
    for (const char *c = key; *c != '\0'; c++) {
        bool ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '_';
        if (!ok)
            return false;
    }
    return true;
}

static void quote_into(sink *s, const char *text, size_t max)
{
    size_t n = strlen(text);
    bool cut = false;
    if (n > max) {
        n = max;
        /* Back up to the start of a UTF-8 sequence. */
        while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
            n--;
        cut = true;
    }
    puts_(s, "\"");
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[i];
        char esc[8];
        if (c == '"' || c == '\\') {
            esc[0] = '\\';
            esc[1] = (char)c;
            put(s, esc, 2);
        } else if (c < 0x20 || c == 0x7F) {
            (void)snprintf(esc, sizeof esc, "\\u%04x", (unsigned)c);
            puts_(s, esc);
        } else {
            put(s, (const char *)&text[i], 1);
        }
    }
    puts_(s, cut ? "...\"" : "\"");
}

void itsm__json_quote(char *buf, size_t size, const char *text, size_t max)
{
    sink s = {buf, size, 0};
    if (size > 0)
        buf[0] = '\0';
    quote_into(&s, text, max);
}

static void format_into(sink *s, const itsm__jpath *path)
{
    if (path->parent == NULL) {
        puts_(s, "$");
        return;
    }
    format_into(s, path->parent);
    if (path->key == NULL) {
        char idx[32];
        (void)snprintf(idx, sizeof idx, "[%zu]", path->index);
        puts_(s, idx);
    } else if (is_identifier(path->key) && strlen(path->key) <= JPATH_KEY_MAX) {
        puts_(s, ".");
        puts_(s, path->key);
    } else {
        puts_(s, "[");
        quote_into(s, path->key, JPATH_KEY_MAX);
        puts_(s, "]");
    }
}

size_t itsm__jpath_format(char *buf, size_t size, const itsm__jpath *path)
{
    sink s = {buf, size, 0};
    if (size > 0)
        buf[0] = '\0';
    format_into(&s, path);
    return s.len;
}

int itsm__jpath_error(int code, const itsm__jpath *path, const char *fmt, ...)
{
    char where[256];
    char what[512];
    (void)itsm__jpath_format(where, sizeof where, path);
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (n < 0)
        what[0] = '\0';
    return itsm__error(code, "%s: %s", where, what);
}

int itsm__jpath_wrap(int code, const itsm__jpath *path)
{
    if (code == ITSM_ENOMEM)
        return code;
    char where[256];
    (void)itsm__jpath_format(where, sizeof where, path);
    return itsm__error_prefix(code, "%s", where);
}

bool itsm__utf8_valid(const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    while (*s != 0) {
        unsigned lead = *s;
        size_t len = lead < 0x80 ? 1 : lead < 0xc2 ? 0 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : lead < 0xf5 ? 4 : 0;
        if (len == 0)
            return false;
        unsigned cp = lead & (0x7fu >> len);
        for (size_t k = 1; k < len; k++) {
            if ((s[k] & 0xc0u) != 0x80u)
                return false;
            cp = (cp << 6) | (s[k] & 0x3fu);
        }
        static const unsigned min_cp[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (len > 1 && (cp < min_cp[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)))
            return false;
        s += len;
    }
    return true;
}
