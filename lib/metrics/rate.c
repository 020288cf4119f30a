/* Rates with a "no data" state, their volume-weighted sums, exact fractions and the
 * allowed downtime of a target. */
#include "metrics/exact.h"
#include "metrics/metrics_internal.h"

#include <math.h>

static void fill_rate(itsm_rate *out, int64_t num, int64_t den)
{
    out->numerator = num;
    out->denominator = den;
    out->has_data = den > 0;
    out->ratio = den > 0 ? itsm__ratio(itsm__u128_of((uint64_t)num), itsm__u128_of((uint64_t)den)) : NAN;
}

itsm_status itsm_rate_make(itsm_rate *out, int64_t numerator, int64_t denominator)
{
    ITSM__CHECK_ARG(out);
    if (numerator < 0 || denominator < 0)
        return itsm__error(ITSM_EINVAL, "%s: numerator %lld and denominator %lld must not be negative", __func__,
                           (long long)numerator, (long long)denominator);
    fill_rate(out, numerator, denominator);
    return ITSM_OK;
}

/* Add one (num, den) term of element i to the sums. */
static int accumulate(int64_t *num, int64_t *den, int64_t n_i, int64_t d_i, size_t i, const char *func)
{
    if (n_i < 0 || d_i < 0)
        return itsm__error(ITSM_EINVAL, "%s: element [%zu] has a negative numerator (%lld) or denominator (%lld)",
                           func, i, (long long)n_i, (long long)d_i);
    if (n_i > INT64_MAX - *num || d_i > INT64_MAX - *den)
        return itsm__error(ITSM_ERANGE, "%s: the sums overflow at element [%zu]", func, i);
    *num += n_i;
    *den += d_i;
    return ITSM_OK;
}

itsm_status itsm_rate_sum(itsm_rate *out, const itsm_rate *rates, size_t n)
{
    ITSM__CHECK_ARG(out);
    int rc = itsm__check_array(rates, n, __func__, "rates");
    int64_t num = 0, den = 0;
    for (size_t i = 0; rc == ITSM_OK && i < n; i++)
        rc = accumulate(&num, &den, rates[i].numerator, rates[i].denominator, i, __func__);
    if (rc == ITSM_OK)
        fill_rate(out, num, den);
    return rc;
}

itsm_status itsm_rate_sum_arrays(itsm_rate *out, const int64_t *numerators, const int64_t *denominators, size_t n)
{
    ITSM__CHECK_ARG(out);
    int rc = itsm__check_arrays(__func__, n, "numerators", (const void *)numerators, "denominators",
                                (const void *)denominators, (const char *)NULL);
    int64_t num = 0, den = 0;
    for (size_t i = 0; rc == ITSM_OK && i < n; i++)
        rc = accumulate(&num, &den, numerators[i], denominators[i], i, __func__);
    if (rc == ITSM_OK)
        fill_rate(out, num, den);
    return rc;
}

/* ---- fractions ------------------------------------------------------------------------------- */

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Digits of "I[.F]" as the integer I and F scaled to `places` decimal places; *p moves
 * past them. Digits of F beyond `places` must be zeros. */
static int parse_decimal(int64_t *whole, int64_t *frac, const char **p, int places, const char *text)
{
    const char *s = *p;
    if (!is_digit(*s))
        return itsm__error(ITSM_EPARSE, "itsm_fraction_parse: \"%s\" does not start with a digit", text);
    *whole = 0;
    for (; is_digit(*s); s++) {
        if (*whole > 1000)
            return itsm__error(ITSM_EINVAL, "itsm_fraction_parse: \"%s\" is not a fraction in [0, 1]", text);
        *whole = *whole * 10 + (*s - '0');
    }
    *frac = 0;
    int digits = 0;
    if (*s == '.') {
        s++;
        if (!is_digit(*s))
            return itsm__error(ITSM_EPARSE, "itsm_fraction_parse: \"%s\" has no digit after the point", text);
        for (; is_digit(*s); s++, digits++) {
            if (digits < places)
                *frac = *frac * 10 + (*s - '0');
            else if (*s != '0')
                return itsm__error(ITSM_EINVAL, "itsm_fraction_parse: \"%s\" is finer than one part per billion",
                                   text);
        }
    }
    for (; digits < places; digits++)
        *frac *= 10;
    *p = s;
    return ITSM_OK;
}

itsm_status itsm_fraction_parse(int64_t *out_ppb, const char *text)
{
    ITSM__CHECK_ARG(out_ppb);
    ITSM__CHECK_ARG(text);
    const char *end = text;
    while (*end != '\0' && *end != '%')
        end++;
    bool percent = *end == '%';
    if (percent && end[1] != '\0')
        return itsm__error(ITSM_EPARSE, "itsm_fraction_parse: \"%s\" has text after the %% sign", text);
    const char *p = text;
    int64_t whole = 0, frac = 0;
    int rc = parse_decimal(&whole, &frac, &p, percent ? 7 : 9, text);
    if (rc != ITSM_OK)
        return rc;
    if (percent && *p == ' ' && p + 1 == end)
        p++;
    if (p != end)
        return itsm__error(ITSM_EPARSE, "itsm_fraction_parse: unexpected character at offset %d of \"%s\"",
                           (int)(p - text), text);
    int64_t ppb = percent ? whole * 10000000 + frac : whole * ITSM_PPB + frac;
    if (ppb > ITSM_PPB)
        return itsm__error(ITSM_EINVAL, "itsm_fraction_parse: \"%s\" is above 1%s", text,
                           percent ? " (100 %)" : "; a percentage needs a % sign (\"95%\")");
    *out_ppb = ppb;
    return ITSM_OK;
}

itsm_status itsm_allowed_downtime(int64_t *out_ns, int64_t target_ppb, int64_t period_seconds)
{
    ITSM__CHECK_ARG(out_ns);
    int rc = itsm__check_ppb(target_ppb, __func__, "target_ppb");
    if (rc != ITSM_OK)
        return rc;
    if (period_seconds < 0)
        return itsm__error(ITSM_EINVAL, "%s: period_seconds = %lld is negative", __func__, (long long)period_seconds);
    int64_t budget = ITSM_PPB - target_ppb;
    if (budget > 0 && period_seconds > INT64_MAX / budget)
        return itsm__error(ITSM_ERANGE, "%s: (1 - target) x %lld s does not fit in int64 nanoseconds", __func__,
                           (long long)period_seconds);
    *out_ns = budget * period_seconds;
    return ITSM_OK;
}
