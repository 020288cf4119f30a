/**
 * @file itsm/alloc.h
 * @brief Replaceable allocator (process-wide), for embedding and fault-injection tests.
 */
#ifndef ITSM_ALLOC_H
#define ITSM_ALLOC_H

#include "itsm/common.h"

ITSM_BEGIN_DECL

/** Version of ::itsm_allocator understood by this header. */
#define ITSM_ALLOCATOR_VERSION 1

/**
 * Allocation functions. All three must be set. `ctx` is passed back unchanged.
 * `realloc_fn` follows C realloc() semantics except that it is never called with
 * size 0 or a NULL pointer.
 */
typedef struct itsm_allocator {
    unsigned int version; /**< must be ::ITSM_ALLOCATOR_VERSION */
    void *(*malloc_fn)(void *ctx, size_t size);
    void *(*realloc_fn)(void *ctx, void *ptr, size_t size);
    void (*free_fn)(void *ctx, void *ptr);
    void *ctx;
} itsm_allocator;

/** Initializer: `itsm_allocator a = ITSM_ALLOCATOR_INIT;` then set the functions. */
#define ITSM_ALLOCATOR_INIT {ITSM_ALLOCATOR_VERSION, NULL, NULL, NULL, NULL}

/**
 * Install an allocator for all later libitsm allocations; NULL restores malloc/free.
 *
 * The only process-wide mutable state of libitsm. Call it before threads use the
 * library. The table is copied.
 * @return ::ITSM_OK; ::ITSM_EBUSY while memory from the current allocator is still live
 *         (objects or strings not yet freed); ::ITSM_EVERSION for an unknown version;
 *         ::ITSM_EINVAL when a function pointer is NULL.
 */
ITSM_API itsm_status itsm_set_allocator(const itsm_allocator *allocator);

/** Number of blocks allocated through libitsm and not yet freed (all threads). */
ITSM_API size_t itsm_live_allocations(void);

ITSM_END_DECL

#endif /* ITSM_ALLOC_H */
