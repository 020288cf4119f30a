/* Private helpers shared by all modules. Not installed. */
#ifndef ITSM_INTERNAL_H
#define ITSM_INTERNAL_H

#include "itsm/alloc.h"
#include "itsm/common.h"

#include <stdarg.h>
#include <stddef.h>

#if defined(__GNUC__)
#define ITSM__PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define ITSM__PRINTF(f, a)
#endif

/* Allocation through the installed allocator. itsm__malloc/itsm__realloc set the
 * thread's last error to ITSM_ENOMEM naming `what` when they fail. */
void *itsm__malloc(size_t size, const char *what);
void *itsm__calloc(size_t count, size_t size, const char *what);
void *itsm__realloc(void *ptr, size_t size, const char *what);
void itsm__free(void *ptr);
char *itsm__strdup(const char *s, const char *what);
/* Make room for `need` elements of `size` bytes in the growable array *items of capacity
 * *cap (doubling, so appends are amortized O(1)). On failure nothing changes and the
 * status is ITSM_ENOMEM. */
int itsm__reserve(void **items, size_t *cap, size_t need, size_t size, const char *what);

/* Record the thread's last error and return `code`, so that callers can write
 * `return itsm__error(ITSM_EINVAL, "tz: NULL")`. */
int itsm__error(int code, const char *fmt, ...) ITSM__PRINTF(2, 3);
int itsm__verror(int code, const char *fmt, va_list ap) ITSM__PRINTF(2, 0);
/* Put "<prefix>: " in front of the thread's last message (the error of a call this one
 * made) and set `code`: callers add where it happened (a JSON path, a field). */
int itsm__error_prefix(int code, const char *fmt, ...) ITSM__PRINTF(2, 3);

/* Standard NULL-argument check. */
#define ITSM__CHECK_ARG(arg)                                                                 \
    do {                                                                                     \
        if ((arg) == NULL)                                                                   \
            return itsm__error(ITSM_EINVAL, "%s: argument '%s' is NULL", __func__, #arg);    \
    } while (0)

#endif
