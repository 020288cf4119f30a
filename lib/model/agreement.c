/* Agreement, service and party documents: the node tree and the accessors
 * (itsm/agreement.h, itsm/service.h). */
#include "internal.h"
#include "itsm/sla.h"
#include "model/agreement_internal.h"

#include <string.h>

void itsm__anode_clear(itsm__anode *node)
{
    if (node == NULL)
        return;
    for (size_t i = 0; i < node->count; i++)
        itsm__anode_clear(&node->items[i]);
    itsm__free(node->items);
    itsm__free(node->text);
    itsm_sla_item_free(node->sla);
    node->items = NULL;
    node->text = NULL;
    node->sla = NULL;
    node->count = node->cap = 0;
}

int itsm__anode_add(itsm__anode **out, itsm__anode *parent, const char *key)
{
    void *items = parent->items;
    int rc = itsm__reserve(&items, &parent->cap, parent->count + 1, sizeof *parent->items, "agreement node");
    if (rc != ITSM_OK)
        return rc;
    parent->items = items;
    itsm__anode *n = &parent->items[parent->count++];
    memset(n, 0, sizeof *n);
    n->key = key;
    *out = n;
    return ITSM_OK;
}

const itsm__anode *itsm__anode_get(const itsm__anode *obj, const char *key)
{
    if (obj == NULL || obj->kind != ITSM__AN_OBJECT)
        return NULL;
    for (size_t i = 0; i < obj->count; i++) {
        if (strcmp(obj->items[i].key, key) == 0)
            return &obj->items[i];
    }
    return NULL;
}

const char *itsm__anode_text(const itsm__anode *obj, const char *key)
{
    const itsm__anode *n = itsm__anode_get(obj, key);
    return n != NULL && n->kind == ITSM__AN_STRING ? n->text : NULL;
}

void itsm_agreement_free(itsm_agreement *agreement)
{
    if (agreement == NULL)
        return;
    itsm__anode_clear(&agreement->root);
    itsm__free(agreement);
}

const char *itsm_agreement_id(const itsm_agreement *agreement)
{
    return agreement == NULL ? NULL : itsm__anode_text(&agreement->root, "id");
}

const char *itsm_agreement_name(const itsm_agreement *agreement)
{
    return agreement == NULL ? NULL : itsm__anode_text(&agreement->root, "name");
}

/* A member count of the root, 0 for NULL. */
static size_t root_count(const itsm__anode *root, const char *key)
{
    const itsm__anode *n = itsm__anode_get(root, key);
    return n == NULL ? 0 : n->count;
}

size_t itsm_agreement_sla_count(const itsm_agreement *agreement)
{
    return agreement == NULL ? 0 : root_count(&agreement->root, "sla_items");
}

void itsm_service_free(itsm_service *service)
{
    if (service == NULL)
        return;
    itsm__anode_clear(&service->root);
    itsm__free(service);
}

const char *itsm_service_id(const itsm_service *service)
{
    return service == NULL ? NULL : itsm__anode_text(&service->root, "id");
}

const char *itsm_service_name(const itsm_service *service)
{
    return service == NULL ? NULL : itsm__anode_text(&service->root, "name");
}

size_t itsm_service_sla_count(const itsm_service *service)
{
    return service == NULL ? 0 : root_count(&service->root, "sla_items");
}

void itsm_party_free(itsm_party *party)
{
    if (party == NULL)
        return;
    itsm__anode_clear(&party->root);
    itsm__free(party);
}

const char *itsm_party_id(const itsm_party *party)
{
    return party == NULL ? NULL : itsm__anode_text(&party->root, "id");
}

const char *itsm_party_side(const itsm_party *party)
{
    return party == NULL ? NULL : itsm__anode_text(&party->root, "side");
}

const char *itsm_party_company(const itsm_party *party)
{
    return party == NULL ? NULL : itsm__anode_text(&party->root, "company");
}

itsm_status itsm_severity_name(const char **out, itsm_severity severity)
{
    ITSM__CHECK_ARG(out);
    static const char *const names[] = {"error", "warning", "info"};
    if ((unsigned)severity > ITSM_SEVERITY_INFO) {
        *out = NULL;
        return itsm__error(ITSM_EINVAL, "itsm_severity_name: unknown severity %d", (int)severity);
    }
    *out = names[severity];
    return ITSM_OK;
}
