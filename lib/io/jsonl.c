/* JSON Lines readers (io/jsonl.h). */
#include "io/jsonl.h"

#include "internal.h"

#include <errno.h>
#include <stdbool.h>
#include <string.h>

int itsm__jsonl_new_file(void **out, size_t size, const char *path, const char *func)
{
    itsm__jsonl *s = itsm__calloc(1, size, func);
    if (s == NULL)
        return ITSM_ENOMEM;
    if ((s->file = fopen(path, "rb")) == NULL) {
        int err = errno;
        itsm__free(s);
        return itsm__error(err == ENOENT ? ITSM_ENOTFOUND : ITSM_EIO, "%s: cannot open %s: %s", func, path,
                           strerror(err));
    }
    *out = s;
    return ITSM_OK;
}

int itsm__jsonl_new_memory(void **out, size_t size, const char *data, size_t len, const char *func)
{
    itsm__jsonl *s = itsm__calloc(1, size, func);
    if (s == NULL)
        return ITSM_ENOMEM;
    s->data = data;
    s->len = len;
    *out = s;
    return ITSM_OK;
}

void itsm__jsonl_delete(itsm__jsonl *s)
{
    if (s == NULL)
        return;
    if (s->file != NULL)
        (void)fclose(s->file);
    itsm__free(s->line);
    itsm__free(s);
}

/* The next line of a memory stream (without its '\n'): *text NULL at the end. */
static void next_memory_line(const char **text, size_t *len, itsm__jsonl *s)
{
    if (s->pos >= s->len)
        return;
    const char *start = s->data + s->pos;
    const char *nl = memchr(start, '\n', s->len - s->pos);
    size_t n = nl != NULL ? (size_t)(nl - start) : s->len - s->pos;
    s->pos += n + (nl != NULL ? 1 : 0);
    s->line_no++;
    *text = start;
    *len = n;
}

/* The next line of a file stream (without its '\n'): *text NULL at the end. */
static int next_file_line(const char **text, size_t *len, itsm__jsonl *s, const char *what)
{
    size_t n = 0;
    int c = 0;
    bool any = false;
    while ((c = getc(s->file)) != EOF) {
        any = true;
        if (c == '\n')
            break;
        void *buf = s->line;
        if (itsm__reserve(&buf, &s->line_cap, n + 1, 1, what) != ITSM_OK) {
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
        return itsm__error(ITSM_EIO, "%s stream: line %zu: read error", what, s->line_no + 1);
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

/* The next non-blank line parsed: *root NULL at the end. */
static int next_json(json_t **root, itsm__jsonl *s, const char *what)
{
    *root = NULL;
    for (;;) {
        const char *text = NULL;
        size_t len = 0;
        int rc = ITSM_OK;
        if (s->file == NULL)
            next_memory_line(&text, &len, s);
        else
            rc = next_file_line(&text, &len, s, what);
        if (rc != ITSM_OK || text == NULL)
            return rc;
        if (!blank(text, len))
            return itsm__json_load(root, text, len, what);
    }
}

int itsm__jsonl_next(void **out, int *eof, itsm__jsonl *s, const char *what, itsm__jsonl_read_fn read)
{
    *out = NULL;
    *eof = 0;
    json_t *root = NULL;
    int rc = next_json(&root, s, what);
    if (rc == ITSM_OK && root == NULL) {
        *eof = 1;
        return ITSM_OK;
    }
    if (rc == ITSM_OK)
        rc = read(out, root);
    json_decref(root);
    if (rc != ITSM_OK && rc != ITSM_ENOMEM && rc != ITSM_EIO)
        return itsm__error_prefix(rc, "line %zu", s->line_no);
    return rc;
}
