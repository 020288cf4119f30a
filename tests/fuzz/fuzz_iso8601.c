/* Fuzz target: every ISO 8601 parser on arbitrary bytes. Whatever parses must format
 * back to text that parses to the same value. */
#include "itsm.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_instant(const char *text, size_t len)
{
    itsm_instant t;
    if (itsm_instant_parse_n(&t, text, len, NULL) != ITSM_OK)
        return;
    char buf[ITSM_INSTANT_TEXT_SIZE];
    itsm_instant back;
    if (itsm_instant_format(buf, sizeof buf, t, NULL) != ITSM_OK || itsm_instant_parse(&back, buf, NULL) != ITSM_OK ||
        back != t)
        abort();
}

static void check_duration(const char *text)
{
    itsm_duration d, back;
    if (itsm_duration_parse(&d, text) != ITSM_OK)
        return;
    char buf[ITSM_DURATION_TEXT_SIZE];
    if (itsm_duration_format(buf, sizeof buf, d) != ITSM_OK || itsm_duration_parse(&back, buf) != ITSM_OK ||
        back != d)
        abort();
}

static void check_local_time_and_date(const char *text)
{
    int32_t s, back;
    char buf[ITSM_INSTANT_TEXT_SIZE];
    if (itsm_local_time_parse(&s, text) == ITSM_OK) {
        if (itsm_local_time_format(buf, sizeof buf, s) != ITSM_OK || itsm_local_time_parse(&back, buf) != ITSM_OK ||
            back != s)
            abort();
    }
    itsm_date d, dback;
    if (itsm_date_parse(&d, text) == ITSM_OK) {
        if (itsm_date_format(buf, sizeof buf, d) != ITSM_OK || itsm_date_parse(&dback, buf) != ITSM_OK ||
            memcmp(&d, &dback, sizeof d) != 0)
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 256)
        return 0;
    /* The length-taking parser sees the raw bytes; the C-string ones a terminated copy. */
    check_instant((const char *)data, size);
    char text[257];
    memcpy(text, data, size);
    text[size] = '\0';
    check_duration(text);
    check_local_time_and_date(text);
    return 0;
}
