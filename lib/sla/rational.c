/* Exact non-negative rationals for SLA thresholds and measured values.
 *
 * Thresholds are decimals ("99.90", "0.5"), and a threshold met "exactly" must compare
 * equal: 99.9 % against a measured 999/1000 is met, which binary floating point would
 * get wrong after a unit conversion. So values are kept as reduced fractions of int64,
 * compared without overflow (by continued fractions), and converted between units by
 * checked multiplication. */
#include "internal.h"
#include "sla/sla_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int64_t gcd64(int64_t a, int64_t b)
{
    while (b != 0) {
        int64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static itsm__rat reduce(int64_t num, int64_t den)
{
    int64_t g = gcd64(num, den);
    if (g > 1) {
        num /= g;
        den /= g;
    }
    return (itsm__rat){num, den};
}

int itsm__rat_make(itsm__rat *out, int64_t num, int64_t den)
{
    if (den <= 0 || num < 0)
        return ITSM_EINVAL;
    *out = reduce(num, den);
    return ITSM_OK;
}

static bool mul_ok(int64_t *out, int64_t a, int64_t b)
{
    return !__builtin_mul_overflow(a, b, out);
}

/* Up to 18 digits in all, an optional fraction and exponent: d+[.d+][e[+-]d+]. */
int itsm__rat_parse(itsm__rat *out, const char *text)
{
    const char *s = text;
    int64_t mant = 0;
    int digits = 0, scale = 0;
    bool dot = false, any = false;
    for (;; s++) {
        if (*s >= '0' && *s <= '9') {
            if (digits == 18)
                return ITSM_ERANGE;
            mant = mant * 10 + (*s - '0');
            if (mant != 0)
                digits++;
            if (dot)
                scale++;
            any = true;
        } else if (*s == '.' && !dot && any) {
            dot = true;
        } else {
            break;
        }
    }
    if (!any || (dot && s[-1] == '.'))
        return ITSM_EPARSE;
    int exp10 = 0;
    if (*s == 'e' || *s == 'E') {
        s++;
        int sign = 1;
        if (*s == '+' || *s == '-')
            sign = *s++ == '-' ? -1 : 1;
        if (*s < '0' || *s > '9')
            return ITSM_EPARSE;
        for (; *s >= '0' && *s <= '9'; s++) {
            if (exp10 > 100)
                return ITSM_ERANGE;
            exp10 = exp10 * 10 + (*s - '0');
        }
        exp10 *= sign;
    }
    if (*s != '\0')
        return ITSM_EPARSE;
    exp10 -= scale;
    int64_t num = mant, den = 1;
    if (mant == 0)
        exp10 = 0;
    for (; exp10 > 0; exp10--)
        if (!mul_ok(&num, num, 10))
            return ITSM_ERANGE;
    for (; exp10 < 0; exp10++)
        if (!mul_ok(&den, den, 10))
            return ITSM_ERANGE;
    *out = reduce(num, den);
    return ITSM_OK;
}

int itsm__rat_from_double(itsm__rat *out, double value, bool exact)
{
    if (!isfinite(value) || value < 0)
        return ITSM_EINVAL;
    char buf[40];
    (void)snprintf(buf, sizeof buf, "%.15g", value);
    if (exact && strtod(buf, NULL) != value)
        return ITSM_ERANGE;
    return itsm__rat_parse(out, buf);
}

int itsm__rat_cmp(itsm__rat a, itsm__rat b)
{
    /* Compare a.num/a.den with b.num/b.den by their continued fractions: equal integer
     * parts move the comparison to the reciprocals of the remainders, which flips it. */
    int sign = 1;
    for (;;) {
        int64_t qa = a.num / a.den, ra = a.num % a.den;
        int64_t qb = b.num / b.den, rb = b.num % b.den;
        if (qa != qb)
            return qa < qb ? -sign : sign;
        if (ra == 0 || rb == 0)
            return ra == rb ? 0 : (ra == 0 ? -sign : sign);
        a = (itsm__rat){a.den, ra};
        b = (itsm__rat){b.den, rb};
        sign = -sign;
    }
}

int itsm__rat_scale(itsm__rat *out, itsm__rat a, int64_t mul, int64_t div)
{
    itsm__rat m = reduce(mul, a.den), d = reduce(a.num, div);
    int64_t num, den;
    if (!mul_ok(&num, d.num, m.num) || !mul_ok(&den, m.den, d.den))
        return ITSM_ERANGE;
    *out = reduce(num, den);
    return ITSM_OK;
}

double itsm__rat_double(itsm__rat a)
{
    return (double)a.num / (double)a.den;
}

bool itsm__rat_format(char *buf, size_t size, itsm__rat a)
{
    int64_t den = a.den, pow10 = 1;
    int places = 0;
    while (den % 10 == 0 || den % 2 == 0 || den % 5 == 0) {
        if (places == 18)
            return false;
        den /= den % 10 == 0 ? 10 : (den % 2 == 0 ? 2 : 5);
        pow10 *= 10;
        places++;
    }
    if (den != 1)
        return false;
    /* a = num / a.den = num * (pow10 / a.den) / pow10 */
    int64_t digits;
    if (!mul_ok(&digits, a.num, pow10 / a.den))
        return false;
    /* Fewer places when the fraction has trailing zeros. */
    while (places > 0 && digits % 10 == 0) {
        digits /= 10;
        pow10 /= 10;
        places--;
    }
    int n = places == 0 ? snprintf(buf, size, "%lld", (long long)digits)
                        : snprintf(buf, size, "%lld.%0*lld", (long long)(digits / pow10), places,
                                   (long long)(digits % pow10));
    return n > 0 && (size_t)n < size;
}

/* Seconds per unit for the time family, 100 for percent and 1 for ratio in the ratio
 * family (value in ratio = value * factor / 100 ...); 0 outside both. */
static int unit_family(itsm_sla_unit u, int64_t *factor)
{
    static const int64_t seconds[] = {0, 1, 60, 3600, 86400, 604800};
    if (u >= ITSM_SLA_UNIT_SECOND && u <= ITSM_SLA_UNIT_WEEK) {
        *factor = seconds[u];
        return 1;
    }
    if (u == ITSM_SLA_UNIT_PERCENT || u == ITSM_SLA_UNIT_RATIO) {
        *factor = u == ITSM_SLA_UNIT_PERCENT ? 1 : 100;
        return 2;
    }
    *factor = 1;
    return 0;
}

int itsm__rat_convert(itsm__rat *out, itsm__rat a, itsm_sla_unit from, itsm_sla_unit to)
{
    if (from == to || from == ITSM_SLA_UNIT_NONE) {
        *out = a;
        return ITSM_OK;
    }
    int64_t ff, ft;
    int fam_from = unit_family(from, &ff), fam_to = unit_family(to, &ft);
    if (fam_from == 0 || fam_from != fam_to) {
        const char *fw = itsm__sla_unit_words[from], *tw = to == ITSM_SLA_UNIT_NONE ? "(none)" : itsm__sla_unit_words[to];
        return itsm__error(ITSM_EINVAL, "a value in %s does not convert to the item's unit %s", fw, tw);
    }
    int rc = itsm__rat_scale(out, a, ff, ft);
    if (rc != ITSM_OK)
        return itsm__error(rc, "converting %s to %s overflows", itsm__sla_unit_words[from], itsm__sla_unit_words[to]);
    return ITSM_OK;
}
