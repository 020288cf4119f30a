/* Private to lib/io: JSON Lines readers (one document a line, blank lines skipped) over a
 * file or a buffer, holding one line at a time. The incident and record streams are
 * built on it. */
#ifndef ITSM_IO_JSONL_H
#define ITSM_IO_JSONL_H

#include "io/json_value.h"

#include <stdio.h>

typedef struct itsm__jsonl {
    FILE *file;       /* NULL for a memory stream */
    const char *data; /* memory stream, borrowed */
    size_t len, pos;
    char *line;       /* file stream: the current line */
    size_t line_cap;
    size_t line_no;   /* 1-based number of the last line read */
} itsm__jsonl;

/* A new stream object of `size` bytes whose first member is an itsm__jsonl, reading the
 * file `path` (ITSM_ENOTFOUND when it does not exist, ITSM_EIO when it cannot be opened;
 * the message names `func` and the path). Released with itsm__jsonl_delete(). */
int itsm__jsonl_new_file(void **out, size_t size, const char *path, const char *func);
/* The same over `len` bytes of `data`, borrowed until the stream is deleted. */
int itsm__jsonl_new_memory(void **out, size_t size, const char *data, size_t len, const char *func);
/* Close and release a stream object; NULL is a no-op. */
void itsm__jsonl_delete(itsm__jsonl *s);

/* Read one parsed line into a new object at *out (the caller's). */
typedef int (*itsm__jsonl_read_fn)(void **out, const json_t *doc);

/* The next non-blank line read by `read`: *eof 0 and *out the object, or *eof 1 and *out
 * NULL at the end. Errors name the line ("line 12: $.at: ..."; malformed JSON "line 12:
 * <what>: malformed JSON ..."); reading may go on after an error. */
int itsm__jsonl_next(void **out, int *eof, itsm__jsonl *s, const char *what, itsm__jsonl_read_fn read);

/* The five public functions of the JSON Lines stream of one kind of document T:
 * itsm_T_stream_open, itsm_T_stream_open_memory, itsm_T_stream_close, itsm_T_stream_line
 * and itsm_T_stream_next (declared in the public header), over `struct itsm_T_stream
 * { itsm__jsonl lines; }` defined here, reading each line with READ (an
 * itsm__jsonl_read_fn) and naming the document WHAT in messages. One definition for every
 * kind of stream, so that incident and record streams cannot drift apart. */
#define ITSM__JSONL_STREAM_API(T, READ, WHAT)                                                       \
    struct itsm_##T##_stream {                                                                      \
        itsm__jsonl lines; /* first: the object is created by itsm__jsonl_new_* */                  \
    };                                                                                              \
    itsm_status itsm_##T##_stream_open(itsm_##T##_stream **out, const char *path)                   \
    {                                                                                               \
        ITSM__CHECK_ARG(out);                                                                       \
        ITSM__CHECK_ARG(path);                                                                      \
        void *s = NULL;                                                                             \
        int rc = itsm__jsonl_new_file(&s, sizeof **out, path, __func__);                            \
        if (rc == ITSM_OK)                                                                          \
            *out = s;                                                                               \
        return rc;                                                                                  \
    }                                                                                               \
    itsm_status itsm_##T##_stream_open_memory(itsm_##T##_stream **out, const char *data, size_t len) \
    {                                                                                               \
        ITSM__CHECK_ARG(out);                                                                       \
        if (len > 0)                                                                                \
            ITSM__CHECK_ARG(data);                                                                  \
        void *s = NULL;                                                                             \
        int rc = itsm__jsonl_new_memory(&s, sizeof **out, data, len, __func__);                     \
        if (rc == ITSM_OK)                                                                          \
            *out = s;                                                                               \
        return rc;                                                                                  \
    }                                                                                               \
    void itsm_##T##_stream_close(itsm_##T##_stream *stream)                                         \
    {                                                                                               \
        itsm__jsonl_delete(stream == NULL ? NULL : &stream->lines);                                 \
    }                                                                                               \
    size_t itsm_##T##_stream_line(const itsm_##T##_stream *stream)                                 \
    {                                                                                               \
        return stream == NULL ? 0 : stream->lines.line_no;                                          \
    }                                                                                               \
    itsm_status itsm_##T##_stream_next(itsm_##T **out, int *eof, itsm_##T##_stream *stream)        \
    {                                                                                               \
        ITSM__CHECK_ARG(out);                                                                       \
        ITSM__CHECK_ARG(eof);                                                                       \
        ITSM__CHECK_ARG(stream);                                                                    \
        void *item = NULL;                                                                          \
        int rc = itsm__jsonl_next(&item, eof, &stream->lines, WHAT, READ);                          \
        *out = item;                                                                                \
        return rc;                                                                                  \
    }

#endif
