/**
 * @file itsm/common.h
 * @brief Export macros, status codes, the thread-local last error and memory release.
 *
 * Every fallible libitsm function returns an ::itsm_status: 0 (::ITSM_OK) on success or a
 * negative ::itsm_code. On failure the calling thread's last error (itsm_error_last())
 * holds a message that names what was wrong: the argument, field, JSON path or text
 * offset. Out-parameters come first and are written only on success.
 */
#ifndef ITSM_COMMON_H
#define ITSM_COMMON_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32) && !defined(ITSM_STATIC)
#if defined(ITSM_BUILDING_LIBRARY)
#define ITSM_API __declspec(dllexport)
#else
#define ITSM_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#define ITSM_API __attribute__((visibility("default")))
#else
#define ITSM_API
#endif

#if defined(__GNUC__) && !defined(SWIG)
#define ITSM_WARN_UNUSED __attribute__((warn_unused_result))
#else
#define ITSM_WARN_UNUSED
#endif

#ifdef __cplusplus
#define ITSM_BEGIN_DECL extern "C" {
#define ITSM_END_DECL }
#else
#define ITSM_BEGIN_DECL
#define ITSM_END_DECL
#endif

ITSM_BEGIN_DECL

/**
 * Status returned by every fallible function: ::ITSM_OK or a negative ::itsm_code.
 * A plain int, so it is ABI-identical to `int`.
 */
typedef int itsm_status;

/** Status codes. Values never change once released; new codes are only appended. */
typedef enum itsm_code {
    ITSM_OK = 0,          /**< success */
    ITSM_ERROR = -1,      /**< failure not covered by a more specific code */
    ITSM_ENOMEM = -2,     /**< an allocation failed; nothing was leaked or half-built */
    ITSM_EINVAL = -3,     /**< an argument is invalid (NULL, out of its domain, bad policy) */
    ITSM_EPARSE = -4,     /**< text could not be parsed; the message gives the offset */
    ITSM_ERANGE = -5,     /**< a value is outside the supported range (dates 1900..2200) */
    ITSM_ENOTFOUND = -6,  /**< a named thing (a time zone, a file) does not exist */
    ITSM_EIO = -7,        /**< reading a file failed */
    ITSM_EFORMAT = -8,    /**< a data file is malformed (e.g. a TZif file) */
    ITSM_EBUSY = -9,      /**< the operation is not allowed now (allocator change while in use) */
    ITSM_EVERSION = -10,  /**< an options struct or document version is not supported */
    ITSM_ENONEXISTENT = -11, /**< a local time does not exist (in a DST gap) and the policy says error */
    ITSM_EAMBIGUOUS = -12 /**< a local time occurs twice (DST overlap) and the policy says error */
} itsm_code;

/**
 * The calling thread's last error message.
 *
 * Never NULL: "no error" when nothing failed yet on this thread (or after
 * itsm_error_clear()). Successful calls do not clear it, so read it only after a call
 * returned a negative status.
 * @note Ownership: borrowed, thread-local; valid until the next failing libitsm call on
 *       this thread.
 */
ITSM_API const char *itsm_error_last(void);

/** The ::itsm_code of the calling thread's last error (::ITSM_OK when none). */
ITSM_API int itsm_error_last_code(void);

/** Reset the calling thread's last error to "no error". */
ITSM_API void itsm_error_clear(void);

/**
 * A static English description of a status code ("out of memory", ...).
 * @note Ownership: static storage, never NULL, never freed.
 */
ITSM_API const char *itsm_strerror(int code);

/**
 * Release memory that libitsm allocated and handed to the caller (strings, arrays).
 * Uses the allocator in force (see itsm/alloc.h). NULL is a no-op.
 */
ITSM_API void itsm_free(void *ptr);

ITSM_END_DECL

#endif /* ITSM_COMMON_H */
