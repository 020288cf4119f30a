/* ISO 8601 / RFC 3339 text: instants, dates, local times of day and durations.
 *
 * Parsers are strict (exact field widths, nothing trailing) and report the byte offset
 * of the first bad character, because this text comes from vendors' exports and a user
 * must be able to find the bad cell. The input is never assumed NUL-terminated inside
 * the scanner, so the same code serves JSON strings and the fuzzer. */
#include "civil.h"

#include "internal.h"
#include "itsm/tz.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

typedef struct scanner {
    const char *text;
    size_t len;
    size_t pos;
    const char *kind; /* "instant", "date", ... for messages */
} scanner;

/* Quote at most 48 bytes of the input, replacing non-printable bytes, for messages. */
static void quote_text(char *dst, size_t size, const char *text, size_t len)
{
    size_t n = 0;
    size_t shown = len < 48 ? len : 48;
    for (size_t i = 0; i < shown && n + 2 < size; i++) {
        unsigned char c = (unsigned char)text[i];
        dst[n++] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
    }
    if (shown < len && n + 4 < size) {
        memcpy(dst + n, "...", 3);
        n += 3;
    }
    dst[n] = '\0';
}

static int scan_fail(const scanner *sc, int code, const char *what)
{
    char quoted[64];
    quote_text(quoted, sizeof quoted, sc->text, sc->len);
    return itsm__error(code, "ISO 8601 %s \"%s\": %s at offset %zu", sc->kind, quoted, what, sc->pos);
}

static bool at_end(const scanner *sc) { return sc->pos >= sc->len; }

static char peek(const scanner *sc) { return at_end(sc) ? '\0' : sc->text[sc->pos]; }

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Exactly `width` digits. */
static int scan_digits(scanner *sc, int width, int32_t *out, const char *field)
{
    int32_t v = 0;
    size_t start = sc->pos;
    for (int i = 0; i < width; i++) {
        char c = peek(sc);
        if (!is_digit(c)) {
            char what[96];
            sc->pos = start; /* point at the field, not at the character after a short one */
            snprintf(what, sizeof what, "expected %d digit%s for the %s", width, width == 1 ? "" : "s", field);
            return scan_fail(sc, ITSM_EPARSE, what);
        }
        v = v * 10 + (c - '0');
        sc->pos++;
    }
    *out = v;
    return ITSM_OK;
}

static int scan_char(scanner *sc, char expected, const char *where)
{
    if (peek(sc) != expected) {
        char what[96];
        snprintf(what, sizeof what, "expected '%c' %s", expected, where);
        return scan_fail(sc, ITSM_EPARSE, what);
    }
    sc->pos++;
    return ITSM_OK;
}

static int expect_end(const scanner *sc)
{
    if (!at_end(sc))
        return scan_fail(sc, ITSM_EPARSE, "unexpected trailing text");
    return ITSM_OK;
}

/* YYYY-MM-DD, range-checked; `field_pos` reports where a bad field starts. */
static int scan_date(scanner *sc, itsm_date *out)
{
    size_t start = sc->pos;
    int rc;
    if ((rc = scan_digits(sc, 4, &out->year, "year")) != ITSM_OK ||
        (rc = scan_char(sc, '-', "after the year")) != ITSM_OK ||
        (rc = scan_digits(sc, 2, &out->month, "month")) != ITSM_OK ||
        (rc = scan_char(sc, '-', "after the month")) != ITSM_OK ||
        (rc = scan_digits(sc, 2, &out->day, "day")) != ITSM_OK)
        return rc;
    char what[96];
    if (out->year < 1900 || out->year > 2200) {
        sc->pos = start;
        snprintf(what, sizeof what, "year %d is outside the supported range 1900..2200", (int)out->year);
        return scan_fail(sc, ITSM_ERANGE, what);
    }
    if (out->month < 1 || out->month > 12) {
        sc->pos = start + 5;
        snprintf(what, sizeof what, "month %d is not 1..12", (int)out->month);
        return scan_fail(sc, ITSM_ERANGE, what);
    }
    int mdays = itsm__month_days(out->year, out->month);
    if (out->day < 1 || out->day > mdays) {
        sc->pos = start + 8;
        snprintf(what, sizeof what, "day %d is not 1..%d in %04d-%02d", (int)out->day, mdays, (int)out->year,
                 (int)out->month);
        return scan_fail(sc, ITSM_ERANGE, what);
    }
    return ITSM_OK;
}

/* HH:MM[:SS] as seconds after midnight, 0..86400 (24:00 only with zero minutes and
 * seconds). Fractional seconds are accepted only when `allow_fraction` and all zero. */
static int scan_time_of_day(scanner *sc, int32_t *out, bool allow_fraction)
{
    size_t start = sc->pos;
    int32_t h = 0, m = 0, s = 0;
    int rc;
    if ((rc = scan_digits(sc, 2, &h, "hour")) != ITSM_OK || (rc = scan_char(sc, ':', "after the hour")) != ITSM_OK ||
        (rc = scan_digits(sc, 2, &m, "minute")) != ITSM_OK)
        return rc;
    if (peek(sc) == ':') {
        sc->pos++;
        if ((rc = scan_digits(sc, 2, &s, "second")) != ITSM_OK)
            return rc;
    }
    if (allow_fraction && (peek(sc) == '.' || peek(sc) == ',')) {
        sc->pos++;
        size_t frac_start = sc->pos;
        bool nonzero = false;
        while (is_digit(peek(sc))) {
            nonzero = nonzero || peek(sc) != '0';
            sc->pos++;
        }
        if (sc->pos == frac_start)
            return scan_fail(sc, ITSM_EPARSE, "expected digits after the decimal sign");
        if (nonzero) {
            sc->pos = frac_start;
            return scan_fail(sc, ITSM_EPARSE,
                             "non-zero fractional seconds are not supported (instants have 1 s resolution)");
        }
    }
    char what[96];
    if (h > 24 || (h == 24 && (m != 0 || s != 0))) {
        sc->pos = start;
        snprintf(what, sizeof what, "hour %d is not 00..23 (24 only as 24:00)", (int)h);
        return scan_fail(sc, ITSM_ERANGE, what);
    }
    if (m > 59) {
        sc->pos = start + 3;
        snprintf(what, sizeof what, "minute %d is not 00..59", (int)m);
        return scan_fail(sc, ITSM_ERANGE, what);
    }
    if (s > 59) {
        sc->pos = start + 6;
        snprintf(what, sizeof what, "second %d is not 00..59 (leap seconds are not representable)", (int)s);
        return scan_fail(sc, ITSM_ERANGE, what);
    }
    *out = h * 3600 + m * 60 + s;
    return ITSM_OK;
}

/* Z, or +hh[:mm], +hhmm, -... ; *present is false when the text ends without one. */
static int scan_offset(scanner *sc, int32_t *out, bool *present)
{
    char c = peek(sc);
    *present = true;
    if (c == 'Z' || c == 'z') {
        sc->pos++;
        *out = 0;
        return ITSM_OK;
    }
    if (c != '+' && c != '-') {
        if (at_end(sc)) {
            *present = false;
            return ITSM_OK;
        }
        return scan_fail(sc, ITSM_EPARSE, "expected 'Z' or a UTC offset like +09:00");
    }
    size_t start = sc->pos;
    sc->pos++;
    int32_t h = 0, m = 0, s = 0;
    int rc = scan_digits(sc, 2, &h, "offset hours");
    if (rc != ITSM_OK)
        return rc;
    if (peek(sc) == ':') {
        sc->pos++;
        if ((rc = scan_digits(sc, 2, &m, "offset minutes")) != ITSM_OK)
            return rc;
        /* +hh:mm:ss: historic local mean time offsets, as itsm_instant_format writes them. */
        if (peek(sc) == ':') {
            sc->pos++;
            if ((rc = scan_digits(sc, 2, &s, "offset seconds")) != ITSM_OK)
                return rc;
        }
    } else if (is_digit(peek(sc))) {
        if ((rc = scan_digits(sc, 2, &m, "offset minutes")) != ITSM_OK)
            return rc;
    }
    if (h > 23 || m > 59 || s > 59) {
        sc->pos = start;
        return scan_fail(sc, ITSM_ERANGE, "UTC offset is not within -23:59:59..+23:59:59");
    }
    *out = (c == '-' ? -1 : 1) * (h * 3600 + m * 60 + s);
    return ITSM_OK;
}

static int instant_from_parts(itsm_instant *out, scanner *sc, itsm_date date, int32_t tod, bool has_offset,
                              int32_t offset, const itsm_tz *zone)
{
    int64_t day = itsm__days_from_civil(date.year, date.month, date.day);
    if (has_offset) {
        int64_t t = day * ITSM_SECONDS_PER_DAY + tod - offset;
        if (t < ITSM_INSTANT_MIN || t > ITSM_INSTANT_MAX) {
            sc->pos = 0;
            return scan_fail(sc, ITSM_ERANGE,
                             "the instant is outside the supported range 1900-01-01T00:00:00Z..2200-12-31T23:59:59Z");
        }
        *out = t;
        return ITSM_OK;
    }
    if (zone == NULL)
        return scan_fail(sc, ITSM_EPARSE, "missing UTC offset ('Z' or +hh:mm) and no time zone was given");
    /* 24:00 is the first instant of the next local day. */
    day += tod / ITSM_SECONDS_PER_DAY;
    tod %= ITSM_SECONDS_PER_DAY;
    if (day > ITSM_DAYS_MAX) {
        sc->pos = 0;
        return scan_fail(sc, ITSM_ERANGE, "the local time is after 2200-12-31");
    }
    itsm_datetime local;
    itsm__civil_from_days(day, &local.year, &local.month, &local.day);
    local.hour = tod / 3600;
    local.minute = tod / 60 % 60;
    local.second = tod % 60;
    return itsm_tz_from_local(out, zone, &local, ITSM_LOCAL_DEFAULT);
}

itsm_status itsm_instant_parse_n(itsm_instant *out, const char *text, size_t len, const itsm_tz *zone)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(text);
    scanner sc = {text, len, 0, "instant"};
    itsm_date date;
    int32_t tod = 0, offset = 0;
    bool has_offset = false;
    int rc = scan_date(&sc, &date);
    if (rc != ITSM_OK)
        return rc;
    char sep = peek(&sc);
    if (sep != 'T' && sep != 't' && sep != ' ')
        return scan_fail(&sc, ITSM_EPARSE, "expected 'T' between the date and the time");
    sc.pos++;
    if ((rc = scan_time_of_day(&sc, &tod, true)) != ITSM_OK || (rc = scan_offset(&sc, &offset, &has_offset)) != ITSM_OK ||
        (rc = expect_end(&sc)) != ITSM_OK)
        return rc;
    return instant_from_parts(out, &sc, date, tod, has_offset, offset, zone);
}

itsm_status itsm_instant_parse(itsm_instant *out, const char *text, const itsm_tz *zone)
{
    ITSM__CHECK_ARG(text);
    return itsm_instant_parse_n(out, text, strlen(text), zone);
}

static int buffer_too_small(const char *fn, size_t size, size_t need)
{
    return itsm__error(ITSM_EINVAL, "%s: buffer of %zu bytes is too small (%zu needed)", fn, size, need);
}

/* snprintf into buf, turning truncation into an error. */
static int emit(const char *fn, char *buf, size_t size, int n)
{
    if (n < 0)
        return itsm__error(ITSM_ERROR, "%s: formatting failed", fn);
    if ((size_t)n >= size)
        return buffer_too_small(fn, size, (size_t)n + 1);
    (void)buf;
    return ITSM_OK;
}

/* Fixed-width decimal writers: formatting is on the hot path of exports, and snprintf
 * costs several times the whole conversion. */
static char *put_digits(char *p, int32_t v, int width)
{
    for (int i = width - 1; i >= 0; i--) {
        p[i] = (char)('0' + v % 10);
        v /= 10;
    }
    return p + width;
}

/* "Z", "+hh:mm" or "+hh:mm:ss" (local mean time offsets have seconds). */
static char *put_offset(char *p, int32_t offset, bool zulu)
{
    if (zulu) {
        *p++ = 'Z';
        return p;
    }
    int32_t a = offset < 0 ? -offset : offset;
    *p++ = offset < 0 ? '-' : '+';
    p = put_digits(p, a / 3600, 2);
    *p++ = ':';
    p = put_digits(p, a / 60 % 60, 2);
    if (a % 60 != 0) {
        *p++ = ':';
        p = put_digits(p, a % 60, 2);
    }
    return p;
}

static int format_instant(const char *fn, char *buf, size_t size, itsm_instant t, int32_t offset, bool zulu)
{
    ITSM__CHECK_ARG(buf);
    int rc = itsm__check_instant(t, fn);
    if (rc != ITSM_OK)
        return rc;
    if (offset <= -ITSM_SECONDS_PER_DAY || offset >= ITSM_SECONDS_PER_DAY)
        return itsm__error(ITSM_EINVAL, "%s: UTC offset %d s is not within -86399..86399", fn, (int)offset);
    itsm_datetime dt;
    if ((rc = itsm__wall_to_datetime(&dt, t + offset, fn)) != ITSM_OK)
        return rc;
    char tmp[ITSM_INSTANT_TEXT_SIZE];
    char *p = put_digits(tmp, dt.year, 4);
    *p++ = '-';
    p = put_digits(p, dt.month, 2);
    *p++ = '-';
    p = put_digits(p, dt.day, 2);
    *p++ = 'T';
    p = put_digits(p, dt.hour, 2);
    *p++ = ':';
    p = put_digits(p, dt.minute, 2);
    *p++ = ':';
    p = put_digits(p, dt.second, 2);
    p = put_offset(p, offset, zulu);
    size_t n = (size_t)(p - tmp);
    if (n >= size)
        return buffer_too_small(fn, size, n + 1);
    memcpy(buf, tmp, n);
    buf[n] = '\0';
    return ITSM_OK;
}

itsm_status itsm_instant_format_offset(char *buf, size_t size, itsm_instant t, int32_t utc_offset)
{
    return format_instant("itsm_instant_format_offset", buf, size, t, utc_offset, false);
}

itsm_status itsm_instant_format(char *buf, size_t size, itsm_instant t, const itsm_tz *zone)
{
    if (zone == NULL)
        return format_instant("itsm_instant_format", buf, size, t, 0, true);
    int32_t offset;
    int rc = itsm_tz_utc_offset(&offset, zone, t);
    if (rc != ITSM_OK)
        return rc;
    return format_instant("itsm_instant_format", buf, size, t, offset, false);
}

itsm_status itsm_date_parse(itsm_date *out, const char *text)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(text);
    scanner sc = {text, strlen(text), 0, "date"};
    itsm_date d;
    int rc = scan_date(&sc, &d);
    if (rc == ITSM_OK)
        rc = expect_end(&sc);
    if (rc == ITSM_OK)
        *out = d;
    return rc;
}

itsm_status itsm_date_format(char *buf, size_t size, itsm_date date)
{
    ITSM__CHECK_ARG(buf);
    int rc = itsm__check_date(&date, "itsm_date_format");
    if (rc != ITSM_OK)
        return rc;
    int n = snprintf(buf, size, "%04d-%02d-%02d", (int)date.year, (int)date.month, (int)date.day);
    return emit("itsm_date_format", buf, size, n);
}

itsm_status itsm_local_time_parse(int32_t *out_seconds, const char *text)
{
    ITSM__CHECK_ARG(out_seconds);
    ITSM__CHECK_ARG(text);
    scanner sc = {text, strlen(text), 0, "local time"};
    int32_t tod;
    int rc = scan_time_of_day(&sc, &tod, false);
    if (rc == ITSM_OK)
        rc = expect_end(&sc);
    if (rc == ITSM_OK)
        *out_seconds = tod;
    return rc;
}

itsm_status itsm_local_time_format(char *buf, size_t size, int32_t seconds)
{
    ITSM__CHECK_ARG(buf);
    if (seconds < 0 || seconds > ITSM_SECONDS_PER_DAY)
        return itsm__error(ITSM_ERANGE, "itsm_local_time_format: %d s is not within 0..86400", (int)seconds);
    int h = (int)(seconds / 3600), m = (int)(seconds / 60 % 60), s = (int)(seconds % 60);
    int n = s != 0 ? snprintf(buf, size, "%02d:%02d:%02d", h, m, s) : snprintf(buf, size, "%02d:%02d", h, m);
    return emit("itsm_local_time_format", buf, size, n);
}

/* ---- durations ---------------------------------------------------------------------- */

/* Reads an unsigned decimal number; fails on overflow past INT64_MAX. */
static int scan_number(scanner *sc, int64_t *out)
{
    size_t start = sc->pos;
    int64_t v = 0;
    while (is_digit(peek(sc))) {
        int digit = peek(sc) - '0';
        if (v > (INT64_MAX - digit) / 10) {
            sc->pos = start;
            return scan_fail(sc, ITSM_ERANGE, "number is too large");
        }
        v = v * 10 + digit;
        sc->pos++;
    }
    if (sc->pos == start)
        return scan_fail(sc, ITSM_EPARSE, "expected a number");
    if (peek(sc) == '.' || peek(sc) == ',')
        return scan_fail(sc, ITSM_EPARSE, "fractional duration components are not supported");
    *out = v;
    return ITSM_OK;
}

static int add_component(scanner *sc, int64_t *total, int64_t value, int64_t unit)
{
    if (value > (INT64_MAX - *total) / unit)
        return scan_fail(sc, ITSM_ERANGE, "duration does not fit in 64-bit seconds");
    *total += value * unit;
    return ITSM_OK;
}

/* Designators in the order they may appear, with their length in seconds. */
typedef struct unit_def {
    char designator;
    int64_t seconds;
} unit_def;

static const unit_def date_units[] = {{'D', 86400}};
static const unit_def time_units[] = {{'H', 3600}, {'M', 60}, {'S', 1}};

static int unit_error(const scanner *sc, bool date_part)
{
    char d = peek(sc);
    if (date_part && (d == 'Y' || d == 'M'))
        return scan_fail(sc, ITSM_EPARSE, "years and months have no fixed length in seconds; use days or calendar months");
    if (d == 'W')
        return scan_fail(sc, ITSM_EPARSE, "weeks cannot be combined with other components");
    return scan_fail(sc, ITSM_EPARSE, date_part ? "expected 'D' or 'T' after the number"
                                                : "expected 'H', 'M' or 'S' (in that order) after the number");
}

/* Reads components "nX" whose designators appear in `table` order; sets *any if one was read. */
static int scan_units(scanner *sc, int64_t *total, const unit_def *table, size_t count, bool *any)
{
    size_t next = 0;
    while (is_digit(peek(sc))) {
        int64_t v;
        int rc = scan_number(sc, &v);
        if (rc != ITSM_OK)
            return rc;
        size_t i = next;
        while (i < count && table[i].designator != peek(sc))
            i++;
        if (i == count)
            return unit_error(sc, table == date_units);
        if ((rc = add_component(sc, total, v, table[i].seconds)) != ITSM_OK)
            return rc;
        sc->pos++;
        next = i + 1;
        *any = true;
    }
    return ITSM_OK;
}

itsm_status itsm_duration_parse(itsm_duration *out, const char *text)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(text);
    scanner sc = {text, strlen(text), 0, "duration"};
    bool negative = peek(&sc) == '-';
    if (negative || peek(&sc) == '+')
        sc.pos++;
    int rc = scan_char(&sc, 'P', "at the start of a duration");
    if (rc != ITSM_OK)
        return rc;
    int64_t total = 0;
    bool any = false;
    /* PnW stands alone. */
    size_t save = sc.pos;
    if (is_digit(peek(&sc))) {
        int64_t v;
        if ((rc = scan_number(&sc, &v)) != ITSM_OK)
            return rc;
        if (peek(&sc) == 'W') {
            if ((rc = add_component(&sc, &total, v, 7 * 86400)) != ITSM_OK)
                return rc;
            sc.pos++;
            if ((rc = expect_end(&sc)) != ITSM_OK)
                return rc;
            *out = negative ? -total : total;
            return ITSM_OK;
        }
        sc.pos = save;
    }
    if ((rc = scan_units(&sc, &total, date_units, 1, &any)) != ITSM_OK)
        return rc;
    if (peek(&sc) == 'T') {
        sc.pos++;
        bool any_time = false;
        if ((rc = scan_units(&sc, &total, time_units, 3, &any_time)) != ITSM_OK)
            return rc;
        if (!any_time)
            return scan_fail(&sc, ITSM_EPARSE, "expected hours, minutes or seconds after 'T'");
        any = true;
    }
    if (!any)
        return scan_fail(&sc, ITSM_EPARSE, "expected at least one component (e.g. PT30M, P1D)");
    if ((rc = expect_end(&sc)) != ITSM_OK)
        return rc;
    *out = negative ? -total : total;
    return ITSM_OK;
}

itsm_status itsm_duration_format(char *buf, size_t size, itsm_duration d)
{
    ITSM__CHECK_ARG(buf);
    /* Work in unsigned so that INT64_MIN has a magnitude. */
    uint64_t a = d < 0 ? (uint64_t)0 - (uint64_t)d : (uint64_t)d;
    unsigned long long days = a / 86400, h = a / 3600 % 24, m = a / 60 % 60, s = a % 60;
    char tmp[ITSM_DURATION_TEXT_SIZE];
    size_t n = 0;
    n += (size_t)snprintf(tmp + n, sizeof tmp - n, "%sP", d < 0 ? "-" : "");
    if (days != 0)
        n += (size_t)snprintf(tmp + n, sizeof tmp - n, "%lluD", days);
    if (h != 0 || m != 0 || s != 0 || a == 0) {
        n += (size_t)snprintf(tmp + n, sizeof tmp - n, "T");
        if (h != 0)
            n += (size_t)snprintf(tmp + n, sizeof tmp - n, "%lluH", h);
        if (m != 0)
            n += (size_t)snprintf(tmp + n, sizeof tmp - n, "%lluM", m);
        if (s != 0 || a == 0)
            n += (size_t)snprintf(tmp + n, sizeof tmp - n, "%lluS", s);
    }
    if (n >= size)
        return buffer_too_small("itsm_duration_format", size, n + 1);
    memcpy(buf, tmp, n + 1);
    return ITSM_OK;
}
