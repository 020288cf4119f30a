/* Fuzz target: the calendar JSON reader. Whatever loads must write back to a document
 * that loads and writes to the same text, and answer a few queries. */
#include "itsm.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 16384)
        return 0;
    itsm_calendar *cal = NULL;
    if (itsm_calendar_from_json(&cal, (const char *)data, size, NULL, 0) != ITSM_OK)
        return 0;
    char *text = NULL, *again = NULL;
    itsm_calendar *back = NULL;
    if (itsm_calendar_to_json(&text, cal) != ITSM_OK ||
        itsm_calendar_from_json(&back, text, strlen(text), NULL, 0) != ITSM_OK ||
        itsm_calendar_to_json(&again, back) != ITSM_OK || strcmp(text, again) != 0)
        abort();
    int64_t b1 = 0, b2 = 0;
    itsm_instant a = 1704067200, z = a + 40 * 86400, u = 0; /* 2024-01-01 .. +40 days */
    if (itsm_calendar_business_seconds(&b1, cal, a, z) == ITSM_OK) {
        if (itsm_calendar_business_seconds(&b2, back, a, z) != ITSM_OK || b1 != b2)
            abort();
        if (b1 > 0 && (itsm_calendar_add_business(&u, cal, a, b1) != ITSM_OK || u > z))
            abort();
    }
    itsm_free(text);
    itsm_free(again);
    itsm_calendar_free(back);
    itsm_calendar_free(cal);
    return 0;
}
