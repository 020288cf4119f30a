/* Set documents (io/doc_set.h): one reader and writer for every kind of set. */
#include "io/doc_set.h"

#include "internal.h"

int itsm__set_from_json(void **out, size_t *out_count, const char *json, size_t len, int schema,
                        const itsm__set_kind *kind)
{
    json_t *root = NULL;
    int rc = itsm__json_load(&root, json, len, kind->what);
    if (rc != ITSM_OK)
        return rc;
    const char *const types[] = {kind->type, NULL};
    const char *const keys[] = {"itsm_schema", "type", kind->key, NULL};
    itsm__jpath rp = itsm__jpath_root(), lp = itsm__jpath_key(&rp, kind->key);
    const json_t *list = NULL;
    void *items = NULL;
    size_t which = 0, count = 0;
    rc = itsm__json_check_header(&which, root, schema, types, &rp);
    if (rc == ITSM_OK)
        rc = itsm__json_check_keys(root, keys, &rp);
    if (rc == ITSM_OK)
        rc = itsm__json_member(&list, root, kind->key, &rp);
    if (rc == ITSM_OK)
        rc = itsm__json_need_array(list, &lp);
    size_t n = rc == ITSM_OK ? json_array_size(list) : 0;
    if (n > 0 && (items = itsm__calloc(n, kind->handle_size, kind->what)) == NULL)
        rc = ITSM_ENOMEM;
    for (size_t i = 0; rc == ITSM_OK && i < n; i++) {
        itsm__jpath ip = itsm__jpath_index(&lp, i);
        rc = kind->read(items, i, json_array_get(list, i), &ip);
        if (rc == ITSM_OK)
            count++;
    }
    json_decref(root);
    if (rc != ITSM_OK) {
        kind->release(items, count);
        return rc;
    }
    *out = items;
    *out_count = count;
    return ITSM_OK;
}

int itsm__set_to_json(char **out, const void *items, size_t count, int schema, const itsm__set_kind *kind,
                      const char *what)
{
    json_t *root = NULL;
    json_t *list = json_array();
    int rc = itsm__json_new_document(&root, schema, kind->type, what);
    if (rc == ITSM_OK)
        rc = itsm__json_put(root, kind->key, list, what);
    else
        json_decref(list);
    for (size_t i = 0; rc == ITSM_OK && i < count; i++) {
        json_t *e = json_object();
        rc = itsm__json_append(list, e, what);
        if (rc == ITSM_OK)
            rc = kind->write(e, items, i, what);
    }
    if (rc == ITSM_OK)
        rc = itsm__json_dump(out, root, what);
    json_decref(root);
    return rc;
}
