/* Fuzz target: the TZif parser on arbitrary bytes. Whatever loads must answer look-ups
 * at instants taken from the input without crashing, and UTC -> local -> UTC must come
 * back to an instant with the same local time. */
#include "itsm.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Instants spread over the supported range, steered by the input's bytes. */
static itsm_instant instant_from(const uint8_t *data, size_t size, size_t k)
{
    uint64_t h = 1469598103934665603u + k;
    for (size_t i = 0; i < size && i < 64; i++)
        h = (h ^ data[(i * 7 + k * 13) % size]) * 1099511628211u;
    uint64_t span = (uint64_t)(ITSM_INSTANT_MAX - ITSM_INSTANT_MIN) + 1;
    return ITSM_INSTANT_MIN + (itsm_instant)(h % span);
}

static void exercise(const itsm_tz *tz, itsm_instant t)
{
    int32_t off;
    itsm_datetime local;
    itsm_instant back, next;
    if (itsm_tz_utc_offset(&off, tz, t) != ITSM_OK)
        abort();
    if (itsm_tz_to_local(&local, tz, t) == ITSM_OK) {
        /* The local time of t exists, so neither policy may fail or land elsewhere. */
        if (itsm_tz_from_local(&back, tz, &local, ITSM_OVERLAP_EARLIER) == ITSM_OK) {
            itsm_datetime again;
            if (itsm_tz_to_local(&again, tz, back) == ITSM_OK && memcmp(&again, &local, sizeof local) != 0)
                abort();
        }
        (void)itsm_tz_from_local(&back, tz, &local, ITSM_LOCAL_STRICT);
        (void)itsm_tz_from_local(&back, tz, &local, ITSM_GAP_NEXT_VALID | ITSM_OVERLAP_LATER);
        itsm_date day = {local.year, local.month, local.day};
        (void)itsm_tz_start_of_day(&back, tz, day);
    }
    if (itsm_tz_next_transition(&next, tz, t) == ITSM_OK && next <= t)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    itsm_tz *tz = NULL;
    if (itsm_tz_from_tzif(&tz, "fuzz", data, size) != ITSM_OK)
        return 0;
    itsm_instant t[8];
    for (size_t k = 0; k < 8; k++) {
        t[k] = instant_from(data, size, k);
        exercise(tz, t[k]);
    }
    int64_t out[8];
    if (itsm_tz_utc_offsets(out, tz, t, 8) != ITSM_OK)
        abort();
    /* In place, as the API allows. */
    if (itsm_tz_to_local_many(out, tz, t, 8) == ITSM_OK)
        (void)itsm_tz_from_local_many(out, tz, out, 8, ITSM_LOCAL_DEFAULT);
    itsm_tz_free(tz);
    return 0;
}
