/* POSIX TZ strings, as found in the footer of TZif v2+ files (RFC 8536 section 3.3),
 * and their expansion into explicit transitions.
 *
 * The footer says what happens after the last transition of the table, "forever". The
 * loader expands it once, through 2200, so that a look-up never evaluates a rule. */
#include "civil.h"
#include "internal.h"
#include "tz_internal.h"

#include <stdio.h>
#include <string.h>

/* POSIX: a transition without "/time" happens at 02:00:00 local time. */
#define DEFAULT_SWITCH_TIME 7200
/* POSIX allows 0..24 hours in offsets; RFC 8536 widens transition times to +-167. */
#define MAX_OFFSET_HOURS 24
#define MAX_TIME_HOURS 167

typedef struct rule_scan {
    const char *s;
    size_t len;
    size_t pos;
    const char *why; /* set by the first failing step */
} rule_scan;

static int peek(const rule_scan *sc) { return sc->pos < sc->len ? (unsigned char)sc->s[sc->pos] : -1; }

static bool is_digit(int c) { return c >= '0' && c <= '9'; }
static bool is_alpha(int c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

static bool fail(rule_scan *sc, const char *why)
{
    sc->why = why;
    return false;
}

static bool accept(rule_scan *sc, int c)
{
    if (peek(sc) != c)
        return false;
    sc->pos++;
    return true;
}

/* 1..max_digits decimal digits, value <= max. */
static bool parse_number(rule_scan *sc, int max_digits, int max, int *out, const char *what)
{
    size_t start = sc->pos;
    int v = 0, n = 0;
    while (n < max_digits && is_digit(peek(sc))) {
        v = v * 10 + (peek(sc) - '0');
        sc->pos++;
        n++;
    }
    if (n == 0 || is_digit(peek(sc)) || v > max) {
        sc->pos = start; /* the message points at the number */
        return fail(sc, what);
    }
    *out = v;
    return true;
}

/* Unquoted names are letters only; the <...> form also allows digits and signs, which is
 * how zic writes numeric abbreviations such as <+09>. POSIX wants at least 3 characters. */
static bool parse_name(rule_scan *sc, char out[ITSM__TZ_ABBR_MAX + 1])
{
    bool quoted = accept(sc, '<');
    size_t start = sc->pos;
    for (;;) {
        int c = peek(sc);
        if (is_alpha(c) || (quoted && (is_digit(c) || c == '+' || c == '-')))
            sc->pos++;
        else
            break;
    }
    size_t n = sc->pos - start;
    if (quoted && !accept(sc, '>'))
        return fail(sc, "a <...> name is not closed by '>' or has a character outside [A-Za-z0-9+-]");
    if (n < 3)
        return fail(sc, "a zone abbreviation must have at least 3 characters");
    if (n > (size_t)ITSM__TZ_ABBR_MAX)
        return fail(sc, "a zone abbreviation is longer than 15 characters");
    memcpy(out, sc->s + start, n);
    out[n] = '\0';
    return true;
}

/* [+-]hh[:mm[:ss]] in seconds, hours <= max_hours. */
static bool parse_hms(rule_scan *sc, int max_hours, int32_t *out)
{
    int sign = accept(sc, '-') ? -1 : 1;
    if (sign > 0)
        (void)accept(sc, '+');
    int h = 0, m = 0, s = 0;
    if (!parse_number(sc, 3, max_hours, &h, "bad hours in an offset or time"))
        return false;
    if (accept(sc, ':')) {
        if (!parse_number(sc, 2, 59, &m, "bad minutes in an offset or time"))
            return false;
        if (accept(sc, ':') && !parse_number(sc, 2, 59, &s, "bad seconds in an offset or time"))
            return false;
    }
    *out = (int32_t)(sign * (h * 3600 + m * 60 + s));
    return true;
}

static bool parse_date(rule_scan *sc, itsm__tz_rule_date *d)
{
    if (accept(sc, 'J')) {
        d->kind = 'J';
        if (!parse_number(sc, 3, 365, &d->day, "bad Jn day (1..365)") || d->day < 1)
            return fail(sc, "bad Jn day (1..365)");
    } else if (accept(sc, 'M')) {
        d->kind = 'M';
        if (!parse_number(sc, 2, 12, &d->month, "bad month in Mm.w.d (1..12)") || d->month < 1)
            return fail(sc, "bad month in Mm.w.d (1..12)");
        if (!accept(sc, '.') || !parse_number(sc, 1, 5, &d->week, "bad week in Mm.w.d (1..5)") || d->week < 1)
            return fail(sc, "bad week in Mm.w.d (1..5)");
        if (!accept(sc, '.') || !parse_number(sc, 1, 6, &d->weekday, "bad weekday in Mm.w.d (0..6)"))
            return fail(sc, "bad weekday in Mm.w.d (0..6)");
    } else {
        d->kind = 'n';
        if (!parse_number(sc, 3, 365, &d->day, "bad rule date (expected Jn, n or Mm.w.d)"))
            return false;
    }
    d->time = DEFAULT_SWITCH_TIME;
    return !accept(sc, '/') || parse_hms(sc, MAX_TIME_HOURS, &d->time);
}

/* POSIX offsets count west of UTC; ours count east. With at most 24:59:59 either way
 * (plus one hour for the default DST offset) they stay inside RFC 8536's
 * -89999..93599, so no further range check is needed. */
static bool parse_type(rule_scan *sc, itsm_tz_info *type, int32_t is_dst)
{
    if (!parse_name(sc, type->abbreviation))
        return false;
    type->is_dst = is_dst;
    int32_t west;
    if (!parse_hms(sc, MAX_OFFSET_HOURS, &west))
        return false;
    type->utc_offset = -west;
    return true;
}

static bool parse_rule(rule_scan *sc, itsm__tz_rule *r)
{
    memset(r, 0, sizeof *r);
    if (!parse_type(sc, &r->std, 0))
        return false;
    if (peek(sc) < 0)
        return true;
    if (!parse_name(sc, r->dst.abbreviation))
        return false;
    r->has_dst = true;
    r->dst.is_dst = 1;
    r->dst.utc_offset = r->std.utc_offset + 3600;
    int c = peek(sc);
    if (is_digit(c) || c == '+' || c == '-') {
        int32_t west;
        if (!parse_hms(sc, MAX_OFFSET_HOURS, &west))
            return false;
        r->dst.utc_offset = -west;
    }
    if (peek(sc) < 0) {
        /* POSIX leaves the rule implementation-defined; the US rule is what zic and
         * glibc assume. */
        r->start = (itsm__tz_rule_date){'M', 0, 3, 2, 0, DEFAULT_SWITCH_TIME};
        r->end = (itsm__tz_rule_date){'M', 0, 11, 1, 0, DEFAULT_SWITCH_TIME};
        return true;
    }
    if (!accept(sc, ','))
        return fail(sc, "expected ',' before the start of daylight saving time");
    if (!parse_date(sc, &r->start))
        return false;
    if (!accept(sc, ','))
        return fail(sc, "expected ',' before the end of daylight saving time");
    return parse_date(sc, &r->end);
}

/* Non-printable bytes (this text comes from files, and from the fuzzer) become '?'. */
static void quote_footer(char *dst, size_t size, const char *text, size_t len)
{
    size_t i = 0;
    for (; i < len && i < 64 && i + 1 < size; i++) {
        unsigned char c = (unsigned char)text[i];
        dst[i] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
    }
    dst[i] = '\0';
}

int itsm__tz_rule_parse(itsm__tz_rule *out, const char *text, size_t len, const char *zone)
{
    rule_scan sc = {text, len, 0, NULL};
    itsm__tz_rule r;
    bool ok = parse_rule(&sc, &r);
    if (ok && sc.pos != len)
        ok = fail(&sc, "unexpected text after the rule");
    if (!ok) {
        char quoted[72];
        quote_footer(quoted, sizeof quoted, text, len);
        return itsm__error(ITSM_EFORMAT, "time zone '%s': malformed TZ footer \"%s\" at offset %zu: %s", zone,
                           quoted, sc.pos, sc.why);
    }
    *out = r;
    return ITSM_OK;
}

/* Day number of a rule date in `year`. */
static int64_t rule_day(const itsm__tz_rule_date *d, int32_t year)
{
    int64_t jan1 = itsm__days_from_civil(year, 1, 1);
    if (d->kind == 'J')
        return jan1 + d->day - 1 + (itsm__is_leap(year) && d->day >= 60 ? 1 : 0);
    if (d->kind == 'n')
        return jan1 + d->day;
    int64_t first = itsm__days_from_civil(year, d->month, 1);
    int sunday_based = itsm__weekday(first) % 7;
    int64_t day = first + (d->weekday - sunday_based + 7) % 7 + 7 * (d->week - 1);
    /* Week 5 means "the last such weekday", which may be the 4th. */
    while (day >= first + itsm__month_days(year, d->month))
        day -= 7;
    return day;
}

/* The instants of switching to DST and back to standard time in `year`. */
static void rule_year(const itsm__tz_rule *rule, int32_t year, int64_t *start, int64_t *end)
{
    *start = rule_day(&rule->start, year) * ITSM_SECONDS_PER_DAY + rule->start.time - rule->std.utc_offset;
    *end = rule_day(&rule->end, year) * ITSM_SECONDS_PER_DAY + rule->end.time - rule->dst.utc_offset;
}

/* At equal instants the switch to standard time sorts first, so that "DST all year"
 * (end of year Y == start of year Y+1, RFC 8536 section 3.3.1) stays DST. */
static bool switch_before(const itsm__tz_switch *a, const itsm__tz_switch *b)
{
    return a->at < b->at || (a->at == b->at && !a->dst && b->dst);
}

/* The input is sorted year by year, so insertion sort only fixes neighbours. */
static void sort_switches(itsm__tz_switch *v, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        itsm__tz_switch x = v[i];
        size_t j = i;
        while (j > 0 && switch_before(&x, &v[j - 1])) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = x;
    }
}

static int32_t first_year(int64_t after)
{
    if (after < ITSM_INSTANT_MIN)
        return ITSM__TZ_RULE_FIRST_YEAR;
    int32_t y, m, d;
    itsm__civil_from_days(itsm__floor_div(after, ITSM_SECONDS_PER_DAY), &y, &m, &d);
    return y - 1 < ITSM__TZ_RULE_FIRST_YEAR ? ITSM__TZ_RULE_FIRST_YEAR : y - 1;
}

size_t itsm__tz_rule_expand(const itsm__tz_rule *rule, int64_t after, bool dst, itsm__tz_switch *out)
{
    if (!rule->has_dst || after >= ITSM_INSTANT_MAX)
        return 0;
    itsm__tz_switch cand[ITSM__TZ_RULE_MAX_SWITCHES];
    size_t n = 0;
    for (int32_t y = first_year(after); y <= ITSM__TZ_RULE_LAST_YEAR; y++) {
        int64_t s, e;
        rule_year(rule, y, &s, &e);
        cand[n++] = (itsm__tz_switch){s, true};
        cand[n++] = (itsm__tz_switch){e, false};
    }
    sort_switches(cand, n);
    size_t m = 0;
    for (size_t i = 0; i < n;) {
        int64_t at = cand[i].at;
        bool state = dst;
        for (; i < n && cand[i].at == at; i++)
            state = cand[i].dst;
        if (at <= after)
            continue;
        if (at > ITSM_INSTANT_MAX)
            break;
        if (state != dst)
            out[m++] = (itsm__tz_switch){at, state};
        dst = state;
    }
    return m;
}

bool itsm__tz_rule_initial(const itsm__tz_rule *rule)
{
    if (!rule->has_dst)
        return false;
    int64_t s, e;
    rule_year(rule, ITSM__TZ_RULE_FIRST_YEAR, &s, &e);
    /* Whichever switch comes first in the year says what was in force before it. */
    return e <= s;
}
