/* The smallest useful libitsm program: parse an instant, show it in Tokyo time. */
#include <itsm.h>

#include <stdio.h>

int main(void)
{
    if (itsm_version_number() / 10000 != ITSM_VERSION_MAJOR) {
        fprintf(stderr, "libitsm %s does not match the headers (%s)\n", itsm_version(), ITSM_VERSION_STRING);
        return 1;
    }
    itsm_instant t;
    itsm_tz *tokyo = NULL;
    char text[ITSM_INSTANT_TEXT_SIZE];
    if (itsm_instant_parse(&t, "2024-05-01T00:00:00Z", NULL) != ITSM_OK ||
        itsm_tz_load(&tokyo, "Asia/Tokyo", NULL) != ITSM_OK ||
        itsm_instant_format(text, sizeof text, t, tokyo) != ITSM_OK) {
        fprintf(stderr, "error: %s\n", itsm_error_last());
        itsm_tz_free(tokyo);
        return 1;
    }
    puts(text);
    itsm_tz_free(tokyo);
    return 0;
}
