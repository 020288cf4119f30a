/* Deadline rules as text: the English calendar words of DOMAIN.md 3 and the agreement
 * documents, a few Japanese ones, ISO 8601 durations, and the canonical form written back.
 *
 * The text is normalised (ASCII lower case, parentheses dropped, blanks collapsed), the
 * optional "within" / "<=" prefix and "excluding <party> holidays" / "elapsed" suffixes
 * are taken off, and what remains is matched word by word ("the" is ignored). */
#include "clock/clock_internal.h"
#include "internal.h"

#include <stdio.h>
#include <string.h>

#define TEXT_MAX 200
#define WORDS_MAX 12

typedef struct words {
    const char *w[WORDS_MAX];
    size_t n;
} words;

/* ---- normalising ------------------------------------------------------------------------ */

static void normalise(char *out, const char *text)
{
    size_t n = 0;
    bool blank = true;
    for (const char *p = text; *p != '\0' && n < TEXT_MAX; p++) {
        char c = *p;
        if (c == '(' || c == ')' || c == ' ' || c == '\t' || c == '\n' || c == '\r')
            c = ' ';
        else if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c == ' ' && blank)
            continue;
        blank = c == ' ';
        out[n++] = c;
    }
    if (n > 0 && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

static bool strip_prefix(char **s, const char *prefix)
{
    size_t n = strlen(prefix);
    if (strncmp(*s, prefix, n) != 0)
        return false;
    *s += n;
    while (**s == ' ')
        (*s)++;
    return true;
}

static bool strip_suffix(char *s, const char *suffix)
{
    if (!ends_with(s, suffix))
        return false;
    size_t n = strlen(s) - strlen(suffix);
    while (n > 0 && s[n - 1] == ' ')
        n--;
    s[n] = '\0';
    return true;
}

/* "... excluding <party> holidays": the party's calendar. */
static int take_calendar(char *s, itsm_deadline *rule, const char *text)
{
    char *ex = strstr(s, "excluding ");
    if (ex == NULL)
        return ITSM_OK;
    if (!ends_with(s, " holidays"))
        return itsm__error(ITSM_EINVAL, "itsm_deadline_parse: '%s': expected 'excluding <party> holidays' at the end",
                           text);
    char *name = ex + strlen("excluding ");
    size_t len = strlen(name) - strlen(" holidays");
    if (len == 0 || len >= sizeof rule->calendar || memchr(name, ' ', len) != NULL)
        return itsm__error(ITSM_EINVAL, "itsm_deadline_parse: '%s': 'excluding <party> holidays' needs one word "
                                        "(1..%d characters) naming the party",
                           text, ITSM_DEADLINE_CALENDAR_SIZE - 1);
    memcpy(rule->calendar, name, len);
    rule->calendar[len] = '\0';
    if (!itsm__calendar_name_ok(rule->calendar, sizeof rule->calendar))
        return itsm__error(ITSM_EINVAL, "itsm_deadline_parse: '%s': party name '%s' is not a-z 0-9 _ - .", text,
                           rule->calendar);
    while (ex > s && ex[-1] == ' ')
        ex--;
    *ex = '\0';
    return ITSM_OK;
}

/* Cut `s` (already normalised: single blanks) into words in place; strtok is not
 * thread-safe. */
static void split(words *ws, char *s)
{
    ws->n = 0;
    while (*s != '\0') {
        char *end = strchr(s, ' ');
        if (end != NULL)
            *end = '\0';
        if (strcmp(s, "the") != 0) {
            if (ws->n == WORDS_MAX) {
                ws->n = WORDS_MAX + 1;
                return;
            }
            ws->w[ws->n++] = s;
        }
        if (end == NULL)
            break;
        s = end + 1;
    }
}

/* ---- matching --------------------------------------------------------------------------- */

static bool is(const words *ws, size_t i, const char *a, const char *b)
{
    return i < ws->n && (strcmp(ws->w[i], a) == 0 || (b != NULL && strcmp(ws->w[i], b) == 0));
}

/* A count: 1..9 digits, or "a", "an", "one". */
static bool count_of(int64_t *out, const char *w)
{
    if (strcmp(w, "a") == 0 || strcmp(w, "an") == 0 || strcmp(w, "one") == 0) {
        *out = 1;
        return true;
    }
    size_t n = strlen(w);
    if (n == 0 || n > 9 || strspn(w, "0123456789") != n)
        return false;
    int64_t v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (w[i] - '0');
    *out = v;
    return true;
}

typedef struct unit {
    const char *names[5];
    itsm_deadline_kind kind;
    int64_t scale;
} unit;

static const unit units[] = {
    {{"s", "sec", "secs", "second", "seconds"}, ITSM_DEADLINE_BUSINESS, 1},
    {{"min", "mins", "minute", "minutes", NULL}, ITSM_DEADLINE_BUSINESS, 60},
    {{"h", "hr", "hrs", "hour", "hours"}, ITSM_DEADLINE_BUSINESS, 3600},
    {{"day", "days", NULL, NULL, NULL}, ITSM_DEADLINE_DAYS, 1},
    {{"week", "weeks", NULL, NULL, NULL}, ITSM_DEADLINE_WEEKS, 1},
    {{"month", "months", NULL, NULL, NULL}, ITSM_DEADLINE_MONTHS, 1},
};

static const unit *unit_of(const char *w)
{
    for (size_t u = 0; u < sizeof units / sizeof units[0]; u++)
        for (size_t k = 0; k < 5 && units[u].names[k] != NULL; k++)
            if (strcmp(w, units[u].names[k]) == 0)
                return &units[u];
    return NULL;
}

static bool set_amount(itsm_deadline *rule, itsm_deadline_kind kind, int64_t amount)
{
    rule->kind = kind;
    rule->amount = amount;
    return true;
}

/* "<count> <unit>" or "<count><unit>" ("4h", "30min"). */
static bool match_amount(itsm_deadline *rule, const words *ws)
{
    char num[16];
    const char *unit_word = NULL;
    if (ws->n == 2) {
        (void)snprintf(num, sizeof num, "%s", ws->w[0]);
        unit_word = ws->w[1];
    } else if (ws->n == 1) {
        size_t digits = strspn(ws->w[0], "0123456789");
        if (digits == 0 || digits >= sizeof num)
            return false;
        memcpy(num, ws->w[0], digits);
        num[digits] = '\0';
        unit_word = ws->w[0] + digits;
    } else {
        return false;
    }
    int64_t count = 0;
    const unit *u = unit_of(unit_word);
    if (u == NULL || !count_of(&count, num))
        return false;
    return set_amount(rule, u->kind, count * u->scale);
}

/* ISO 8601: PnY, PnM, PnW, PnD (calendar spans) or PTnHnMnS (business time). */
static int match_iso(itsm_deadline *rule, const char *w, const char *text)
{
    char upper[64];
    size_t n = strlen(w);
    if (n >= sizeof upper)
        return ITSM_EINVAL;
    for (size_t i = 0; i <= n; i++)
        upper[i] = (char)((w[i] >= 'a' && w[i] <= 'z') ? w[i] - 'a' + 'A' : w[i]);
    size_t digits = strspn(upper + 1, "0123456789");
    if (digits > 0 && digits < 10 && n == digits + 2 && strchr("YMWD", upper[n - 1]) != NULL) {
        int64_t v = 0;
        for (size_t i = 1; i <= digits; i++)
            v = v * 10 + (upper[i] - '0');
        char u = upper[n - 1];
        itsm_deadline_kind kind = u == 'W' ? ITSM_DEADLINE_WEEKS : u == 'D' ? ITSM_DEADLINE_DAYS : ITSM_DEADLINE_MONTHS;
        (void)set_amount(rule, kind, u == 'Y' ? 12 * v : v);
        return ITSM_OK;
    }
    if (upper[1] != 'T')
        return itsm__error(ITSM_EINVAL, "itsm_deadline_parse: '%s': an ISO 8601 deadline is PnY, PnM, PnW, PnD or "
                                        "PTnHnMnS, not a mixture of days and hours", text);
    itsm_duration d = 0;
    if (itsm_duration_parse(&d, upper) != ITSM_OK)
        return itsm__error_prefix(ITSM_EINVAL, "itsm_deadline_parse: '%s'", text);
    (void)set_amount(rule, ITSM_DEADLINE_BUSINESS, d);
    return ITSM_OK;
}

static bool match_words(itsm_deadline *rule, const words *ws)
{
    if (ws->n == 2 && is(ws, 0, "same", NULL) && is(ws, 1, "day", NULL))
        return set_amount(rule, ITSM_DEADLINE_SAME_DAY, 0);
    if (ws->n == 2 && is(ws, 0, "next", NULL) && is(ws, 1, "day", NULL))
        return set_amount(rule, ITSM_DEADLINE_NEXT_DAY, 0);
    if (ws->n == 3 && is(ws, 0, "next", NULL) && is(ws, 1, "business", NULL) && is(ws, 2, "day", NULL))
        return set_amount(rule, ITSM_DEADLINE_NEXT_BUSINESS_DAY, 0);
    if ((ws->n == 3 && is(ws, 0, "half", NULL) && is(ws, 1, "a", NULL) && is(ws, 2, "day", NULL)) ||
        (ws->n == 2 && is(ws, 0, "half", NULL) && is(ws, 1, "day", NULL)))
        return set_amount(rule, ITSM_DEADLINE_HALF_DAY, 0);
    int64_t count = 0;
    if (ws->n < 3 || !count_of(&count, ws->w[0]) || !is(ws, 1, "business", NULL) || !is(ws, 2, "day", "days"))
        return match_amount(rule, ws);
    if (ws->n == 3)
        return set_amount(rule, ITSM_DEADLINE_BUSINESS_DAYS, count);
    static const char *const tail[] = {"from", "start", "of", "next", "month"};
    if (ws->n != 8)
        return false;
    for (size_t i = 0; i < 5; i++)
        if (!is(ws, 3 + i, tail[i], NULL))
            return false;
    return set_amount(rule, ITSM_DEADLINE_NTH_BUSINESS_DAY_NEXT_MONTH, count);
}

static bool match_japanese(itsm_deadline *rule, const char *s)
{
    static const struct {
        const char *text;
        itsm_deadline_kind kind;
    } ja[] = {{"当日", ITSM_DEADLINE_SAME_DAY},
              {"翌日", ITSM_DEADLINE_NEXT_DAY},
              {"翌営業日", ITSM_DEADLINE_NEXT_BUSINESS_DAY},
              {"半日以内", ITSM_DEADLINE_HALF_DAY}};
    for (size_t i = 0; i < sizeof ja / sizeof ja[0]; i++)
        if (strcmp(s, ja[i].text) == 0)
            return set_amount(rule, ja[i].kind, 0);
    return false;
}

static int parse_core(itsm_deadline *rule, char *s, const char *text)
{
    int rc = take_calendar(s, rule, text);
    if (rc != ITSM_OK)
        return rc;
    if (match_japanese(rule, s))
        return ITSM_OK;
    if (!strip_prefix(&s, "within"))
        (void)(strip_prefix(&s, "<=") || strip_prefix(&s, "\xe2\x89\xa6") || strip_prefix(&s, "\xe2\x89\xa4"));
    bool elapsed = strip_suffix(s, " elapsed");
    words ws;
    split(&ws, s);
    if (ws.n == 1 && ws.w[0][0] == 'p' && ws.w[0][1] != '\0')
        rc = match_iso(rule, ws.w[0], text);
    else if (!match_words(rule, &ws))
        return itsm__error(ITSM_EINVAL, "itsm_deadline_parse: '%s' is not an exact deadline (expected e.g. '4 h', "
                                        "'same day', 'next business day', 'within half a day', 'within 3 business "
                                        "days', 'within 1 week', 'PT4H')", text);
    if (rc != ITSM_OK)
        return rc;
    if (elapsed && rule->kind != ITSM_DEADLINE_BUSINESS)
        return itsm__error(ITSM_EINVAL, "itsm_deadline_parse: '%s': 'elapsed' applies to hours, minutes and "
                                        "seconds only", text);
    if (elapsed)
        rule->kind = ITSM_DEADLINE_ELAPSED;
    return ITSM_OK;
}

itsm_status itsm_deadline_parse(itsm_deadline *out, const char *text)
{
    ITSM__CHECK_ARG(out);
    ITSM__CHECK_ARG(text);
    if (strlen(text) > TEXT_MAX)
        return itsm__error(ITSM_EINVAL, "itsm_deadline_parse: text of %zu bytes is longer than %d", strlen(text),
                           TEXT_MAX);
    char buf[TEXT_MAX + 1];
    normalise(buf, text);
    itsm_deadline rule;
    memset(&rule, 0, sizeof rule);
    int rc = parse_core(&rule, buf, text);
    if (rc == ITSM_OK && itsm_deadline_check(&rule) != ITSM_OK)
        rc = itsm__error_prefix(itsm_error_last_code(), "itsm_deadline_parse: '%s'", text);
    if (rc == ITSM_OK)
        *out = rule;
    return rc;
}

/* ---- formatting -------------------------------------------------------------------------- */

static const char *plural(int64_t n) { return n == 1 ? "" : "s"; }

static void format_seconds(char *buf, size_t size, int64_t s)
{
    if (s % 3600 == 0)
        (void)snprintf(buf, size, "%lld h", (long long)(s / 3600));
    else if (s % 60 == 0)
        (void)snprintf(buf, size, "%lld min", (long long)(s / 60));
    else
        (void)snprintf(buf, size, "%lld s", (long long)s);
}

static void format_body(char *buf, size_t size, const itsm_deadline *r)
{
    long long n = (long long)r->amount;
    switch (r->kind) {
    case ITSM_DEADLINE_BUSINESS:
        format_seconds(buf, size, r->amount);
        break;
    case ITSM_DEADLINE_ELAPSED: {
        char d[48];
        format_seconds(d, sizeof d, r->amount);
        (void)snprintf(buf, size, "%s elapsed", d);
        break;
    }
    case ITSM_DEADLINE_SAME_DAY:
        (void)snprintf(buf, size, "same day");
        break;
    case ITSM_DEADLINE_NEXT_BUSINESS_DAY:
        (void)snprintf(buf, size, "next business day");
        break;
    case ITSM_DEADLINE_NEXT_DAY:
        (void)snprintf(buf, size, "next day");
        break;
    case ITSM_DEADLINE_HALF_DAY:
        (void)snprintf(buf, size, "within half a day");
        break;
    case ITSM_DEADLINE_BUSINESS_DAYS:
        (void)snprintf(buf, size, "within %lld business day%s", n, plural(n));
        break;
    case ITSM_DEADLINE_DAYS:
        (void)snprintf(buf, size, "within %lld day%s", n, plural(n));
        break;
    case ITSM_DEADLINE_WEEKS:
        (void)snprintf(buf, size, "within %lld week%s", n, plural(n));
        break;
    case ITSM_DEADLINE_MONTHS:
        (void)snprintf(buf, size, "within %lld month%s", n, plural(n));
        break;
    default:
        (void)snprintf(buf, size, "within %lld business day%s from the start of the next month", n, plural(n));
        break;
    }
}

itsm_status itsm_deadline_format(char *buf, size_t size, const itsm_deadline *rule)
{
    ITSM__CHECK_ARG(buf);
    int rc = itsm_deadline_check(rule);
    if (rc != ITSM_OK)
        return itsm__error_prefix(rc, "itsm_deadline_format");
    char body[ITSM_DEADLINE_TEXT_SIZE], text[2 * ITSM_DEADLINE_TEXT_SIZE];
    format_body(body, sizeof body, rule);
    if (rule->calendar[0] != '\0')
        (void)snprintf(text, sizeof text, "%s excluding %s holidays", body, rule->calendar);
    else
        (void)snprintf(text, sizeof text, "%s", body);
    if (strlen(text) >= size)
        return itsm__error(ITSM_ERANGE, "itsm_deadline_format: buffer of %zu bytes is too small for '%s'", size,
                           text);
    memcpy(buf, text, strlen(text) + 1);
    return ITSM_OK;
}
