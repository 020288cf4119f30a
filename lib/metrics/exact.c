/* Exact unsigned 128-bit arithmetic and correctly rounded ratios (see exact.h). */
#include "metrics/exact.h"

#include <string.h>

itsm__u128 itsm__u128_mul64(uint64_t a, uint64_t b)
{
    uint64_t a0 = a & 0xffffffffu, a1 = a >> 32, b0 = b & 0xffffffffu, b1 = b >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    uint64_t mid = (p00 >> 32) + (p01 & 0xffffffffu) + (p10 & 0xffffffffu);
    itsm__u128 r;
    r.lo = (mid << 32) | (p00 & 0xffffffffu);
    r.hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
    return r;
}

bool itsm__u128_mul(itsm__u128 *out, itsm__u128 a, uint64_t b)
{
    itsm__u128 low = itsm__u128_mul64(a.lo, b), high = itsm__u128_mul64(a.hi, b);
    if (high.hi != 0 || low.hi + high.lo < low.hi)
        return false;
    out->lo = low.lo;
    out->hi = low.hi + high.lo;
    return true;
}

int itsm__u128_cmp(itsm__u128 a, itsm__u128 b)
{
    if (a.hi != b.hi)
        return a.hi < b.hi ? -1 : 1;
    if (a.lo != b.lo)
        return a.lo < b.lo ? -1 : 1;
    return 0;
}

bool itsm__u128_add(itsm__u128 *out, itsm__u128 a, itsm__u128 b)
{
    uint64_t lo = a.lo + b.lo;
    uint64_t carry = lo < a.lo;
    uint64_t hi = a.hi + b.hi + carry;
    if (hi < a.hi || (hi == a.hi && (b.hi | carry) != 0))
        return false;
    out->hi = hi;
    out->lo = lo;
    return true;
}

static itsm__u128 sub(itsm__u128 a, itsm__u128 b)
{
    itsm__u128 r = {a.hi - b.hi - (a.lo < b.lo), a.lo - b.lo};
    return r;
}

static itsm__u128 shl(itsm__u128 a, int k)
{
    if (k == 0)
        return a;
    if (k >= 64)
        return (itsm__u128){a.lo << (k - 64), 0};
    return (itsm__u128){(a.hi << k) | (a.lo >> (64 - k)), a.lo << k};
}

static int bit_length(itsm__u128 a)
{
    uint64_t w = a.hi != 0 ? a.hi : a.lo;
    int n = a.hi != 0 ? 64 : 0;
    while (w != 0) {
        n++;
        w >>= 1;
    }
    return n;
}

/* 2^e as a double, for the normal exponents a ratio of 128-bit integers can have. */
static double pow2(int e)
{
    uint64_t bits = (uint64_t)(e + 1023) << 52;
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

/* Long division generating the 55 leading quotient bits, then one rounding to 53 bits
 * with the remainder as sticky bit: the result is num / den rounded to nearest, ties to
 * even, exactly as IEEE 754 division would round the true quotient. */
double itsm__ratio(itsm__u128 num, itsm__u128 den)
{
    if (num.hi == 0 && num.lo == 0)
        return 0.0;
    int e = bit_length(num) - bit_length(den);
    itsm__u128 r = e >= 0 ? num : shl(num, -e);
    itsm__u128 d = e >= 0 ? shl(den, e) : den;
    if (itsm__u128_cmp(r, d) < 0) {
        r = shl(r, 1);
        e--;
    }
    uint64_t q = 0;
    for (int i = 0; i < 55; i++) {
        q <<= 1;
        if (itsm__u128_cmp(r, d) >= 0) {
            r = sub(r, d);
            q |= 1;
        }
        r = shl(r, 1);
    }
    bool sticky = r.hi != 0 || r.lo != 0;
    uint64_t tail = q & 3u;
    q >>= 2;
    if (tail > 2 || (tail == 2 && (sticky || (q & 1u))))
        q++;
    return (double)q * pow2(e - 52);
}

double itsm__ratio_diff(itsm__u128 a, itsm__u128 b, itsm__u128 den)
{
    if (itsm__u128_cmp(a, b) >= 0)
        return itsm__ratio(sub(a, b), den);
    return -itsm__ratio(sub(b, a), den);
}
