/* The replaceable allocator: the only process-wide mutable state of libitsm. */
#include "internal.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

static void *default_malloc(void *ctx, size_t size)
{
    (void)ctx;
    return malloc(size);
}

static void *default_realloc(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    return realloc(ptr, size);
}

static void default_free(void *ctx, void *ptr)
{
    (void)ctx;
    free(ptr);
}

static itsm_allocator current = {ITSM_ALLOCATOR_VERSION, default_malloc, default_realloc,
                                 default_free, NULL};
/* Live block count: lets itsm_set_allocator refuse to swap allocators under live memory
 * (which would free blocks with the wrong allocator). */
static atomic_size_t live_blocks;

itsm_status itsm_set_allocator(const itsm_allocator *allocator)
{
    if (allocator != NULL) {
        if (allocator->version != ITSM_ALLOCATOR_VERSION)
            return itsm__error(ITSM_EVERSION, "itsm_set_allocator: version %u is not supported (expected %d)",
                               allocator->version, ITSM_ALLOCATOR_VERSION);
        if (allocator->malloc_fn == NULL || allocator->realloc_fn == NULL || allocator->free_fn == NULL)
            return itsm__error(ITSM_EINVAL,
                               "itsm_set_allocator: malloc_fn, realloc_fn and free_fn must all be set");
    }
    size_t live = atomic_load(&live_blocks);
    if (live != 0)
        return itsm__error(ITSM_EBUSY, "itsm_set_allocator: %zu block(s) from the current allocator are still live",
                           live);
    if (allocator == NULL) {
        itsm_allocator defaults = {ITSM_ALLOCATOR_VERSION, default_malloc, default_realloc, default_free, NULL};
        current = defaults;
    } else {
        current = *allocator;
    }
    return ITSM_OK;
}

size_t itsm_live_allocations(void) { return atomic_load(&live_blocks); }

void *itsm__malloc(size_t size, const char *what)
{
    void *p = current.malloc_fn(current.ctx, size ? size : 1);
    if (p == NULL) {
        itsm__error(ITSM_ENOMEM, "out of memory allocating %zu bytes for %s", size, what);
        return NULL;
    }
    atomic_fetch_add(&live_blocks, 1);
    return p;
}

void *itsm__calloc(size_t count, size_t size, const char *what)
{
    if (size != 0 && count > SIZE_MAX / size) {
        itsm__error(ITSM_ENOMEM, "allocation of %zu x %zu bytes for %s overflows", count, size, what);
        return NULL;
    }
    void *p = itsm__malloc(count * size, what);
    if (p != NULL)
        memset(p, 0, count * size);
    return p;
}

void *itsm__realloc(void *ptr, size_t size, const char *what)
{
    if (ptr == NULL)
        return itsm__malloc(size, what);
    void *p = current.realloc_fn(current.ctx, ptr, size ? size : 1);
    if (p == NULL)
        itsm__error(ITSM_ENOMEM, "out of memory growing %s to %zu bytes", what, size);
    return p;
}

void itsm__free(void *ptr)
{
    if (ptr == NULL)
        return;
    atomic_fetch_sub(&live_blocks, 1);
    current.free_fn(current.ctx, ptr);
}

void itsm_free(void *ptr) { itsm__free(ptr); }

int itsm__reserve(void **items, size_t *cap, size_t need, size_t size, const char *what)
{
    if (need <= *cap)
        return ITSM_OK;
    size_t ncap = *cap < 8 ? 8 : *cap;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return itsm__error(ITSM_ENOMEM, "out of memory: %s cannot hold %zu elements", what, need);
        ncap *= 2;
    }
    if (size != 0 && ncap > SIZE_MAX / size)
        return itsm__error(ITSM_ENOMEM, "out of memory: %s of %zu x %zu bytes overflows", what, ncap, size);
    void *p = itsm__realloc(*items, ncap * size, what);
    if (p == NULL)
        return ITSM_ENOMEM;
    *items = p;
    *cap = ncap;
    return ITSM_OK;
}

char *itsm__strdup(const char *s, const char *what)
{
    size_t n = strlen(s) + 1;
    char *p = itsm__malloc(n, what);
    if (p != NULL)
        memcpy(p, s, n);
    return p;
}
