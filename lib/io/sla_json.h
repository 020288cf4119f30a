/* Private to libitsm: SLA item members <-> JSON, for the standalone document, the
 * agreement reader (its "sla_items") and the catalogue. */
#ifndef ITSM_IO_SLA_JSON_H
#define ITSM_IO_SLA_JSON_H

#include "io/json_value.h"
#include "itsm/sla.h"

/* The members of an item (no header) at path `p`: checked completely, including the
 * checks across members (itsm__sla_item_check). */
int itsm__sla_item_read(itsm_sla_item **out, const json_t *obj, const itsm__jpath *p);
/* The members of an item as a new object in canonical order; ITSM_ENOMEM (message set). */
int itsm__sla_item_json(json_t **out, const itsm_sla_item *item);

#endif
