/* Private to libitsm: the layout of operational record documents, shared by the reader
 * and writer (lib/io/records_json.c) and the report datasets (lib/report). Not installed.
 * A record is a tree of agreement nodes in schema order; instants are kept as written
 * (ITSM__AN_STRING, validated by the reader). */
#ifndef ITSM_MODEL_RECORDS_INTERNAL_H
#define ITSM_MODEL_RECORDS_INTERNAL_H

#include "itsm/records.h"
#include "model/agreement_internal.h"

struct itsm_record {
    itsm_record_type type;
    itsm__anode root; /* an object without "itsm_schema" and "type" */
};

#endif
