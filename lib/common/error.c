/* Thread-local last error and status strings. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

/* Messages are bounded: a message is one sentence naming a field, path or offset. */
#define ITSM__MESSAGE_SIZE 512

static _Thread_local int last_code = ITSM_OK;
static _Thread_local char last_message[ITSM__MESSAGE_SIZE] = "no error";

int itsm__verror(int code, const char *fmt, va_list ap)
{
    last_code = code;
    int n = vsnprintf(last_message, sizeof last_message, fmt, ap);
    if (n < 0)
        (void)snprintf(last_message, sizeof last_message, "%s", itsm_strerror(code));
    return code;
}

int itsm__error(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = itsm__verror(code, fmt, ap);
    va_end(ap);
    return rc;
}

int itsm__error_prefix(int code, const char *fmt, ...)
{
    char inner[ITSM__MESSAGE_SIZE], prefix[ITSM__MESSAGE_SIZE];
    (void)snprintf(inner, sizeof inner, "%s", last_message); /* copied: it is overwritten below */
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(prefix, sizeof prefix, fmt, ap);
    va_end(ap);
    if (n < 0)
        prefix[0] = '\0';
    return itsm__error(code, "%s: %s", prefix, inner);
}

const char *itsm_error_last(void) { return last_message; }

int itsm_error_last_code(void) { return last_code; }

void itsm_error_clear(void)
{
    last_code = ITSM_OK;
    (void)snprintf(last_message, sizeof last_message, "%s", "no error");
}

const char *itsm_strerror(int code)
{
    switch (code) {
    case ITSM_OK: return "success";
    case ITSM_ERROR: return "error";
    case ITSM_ENOMEM: return "out of memory";
    case ITSM_EINVAL: return "invalid argument";
    case ITSM_EPARSE: return "parse error";
    case ITSM_ERANGE: return "value out of supported range";
    case ITSM_ENOTFOUND: return "not found";
    case ITSM_EIO: return "input/output error";
    case ITSM_EFORMAT: return "malformed data";
    case ITSM_EBUSY: return "resource busy";
    case ITSM_EVERSION: return "unsupported version";
    case ITSM_ENONEXISTENT: return "local time does not exist (DST gap)";
    case ITSM_EAMBIGUOUS: return "local time is ambiguous (DST overlap)";
    default: return "unknown status code";
    }
}
