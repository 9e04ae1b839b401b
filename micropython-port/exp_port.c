// exp() for the guest, correctly rounded in all but astronomically rare cases.
//
// zig's libm (and musl's older one in lib/libm_dbl) return exp(1.0) one ulp
// above e, so `math.exp(1.0) == math.e` is False where CPython (glibc) says
// True. This computes exp in double-double arithmetic (about 100 bits) and
// rounds once.
//
// Method: x = k*ln2 + r with |r| <= ln2/2 (r in double-double), exp(r) as
// (Taylor series of r/16)^16, result = 2^k * exp(r).

#include <math.h>
#include <stdint.h>

typedef struct {
    double hi;
    double lo;
} dd_t;

// a + b exactly, as hi + lo (Knuth).
static dd_t two_sum(double a, double b) {
    double s = a + b;
    double v = s - a;
    double e = (a - (s - v)) + (b - v);
    return (dd_t) {s, e};
}

// a + b exactly, given |a| >= |b| (Dekker).
static dd_t quick_two_sum(double a, double b) {
    double s = a + b;
    return (dd_t) {s, b - (s - a)};
}

// Split a into two halves of 26 bits each (Veltkamp); |a| is small here.
static void split(double a, double *hi, double *lo) {
    double t = 134217729.0 * a; // 2^27 + 1
    *hi = t - (t - a);
    *lo = a - *hi;
}

// a * b exactly, as hi + lo (Dekker; Wasm has no fused multiply-add).
static dd_t two_prod(double a, double b) {
    double p = a * b;
    double ah, al, bh, bl;
    split(a, &ah, &al);
    split(b, &bh, &bl);
    double e = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
    return (dd_t) {p, e};
}

static dd_t dd_add(dd_t a, dd_t b) {
    dd_t s = two_sum(a.hi, b.hi);
    dd_t t = two_sum(a.lo, b.lo);
    s.lo += t.hi;
    s = quick_two_sum(s.hi, s.lo);
    s.lo += t.lo;
    return quick_two_sum(s.hi, s.lo);
}

static dd_t dd_mul(dd_t a, dd_t b) {
    dd_t p = two_prod(a.hi, b.hi);
    p.lo += a.hi * b.lo + a.lo * b.hi;
    return quick_two_sum(p.hi, p.lo);
}

static dd_t dd_mul_d(dd_t a, double b) {
    dd_t p = two_prod(a.hi, b);
    p.lo += a.lo * b;
    return quick_two_sum(p.hi, p.lo);
}

// 1/n! for n = 0..7 to about 107 bits (hi, lo); terms from 1/8! on are only
// needed to double precision.
static const dd_t inv_factorial[8] = {
    {1.0, 0.0},
    {1.0, 0.0},
    {0x1p-1, 0.0},
    {0x1.5555555555555p-3, 0x1.5555555555555p-57},
    {0x1.5555555555555p-5, 0x1.5555555555555p-59},
    {0x1.1111111111111p-7, 0x1.1111111111111p-63},
    {0x1.6c16c16c16c17p-10, -0x1.f49f49f49f49fp-65},
    {0x1.a01a01a01a01ap-13, 0x1.a01a01a01a01ap-73},
};
static const double inv_factorial_tail[6] = {
    0x1.a01a01a01a01ap-16, // 1/8!
    0x1.71de3a556c734p-19,
    0x1.27e4fb7789f5cp-22,
    0x1.ae64567f544e4p-26,
    0x1.1eed8eff8d898p-29,
    0x1.6124613a86d09p-33, // 1/13!
};

// ln 2 to about 107 bits.
#define LN2_HI 6.93147180559945286227e-01
#define LN2_LO 2.31904681384629955842e-17
#define INV_LN2 1.44269504088896338700e+00
// Beyond these exp overflows to infinity / underflows to zero.
#define EXP_OVERFLOW 7.09782712893383973096e+02
#define EXP_UNDERFLOW (-7.45133219101941108420e+02)

double exp(double x) {
    if (isnan(x)) {
        return x + x;
    }
    if (x > EXP_OVERFLOW) {
        return HUGE_VAL;
    }
    if (x < EXP_UNDERFLOW) {
        return 0.0;
    }
    if (fabs(x) < 0x1p-54) {
        return 1.0 + x;
    }

    double k = nearbyint(x * INV_LN2);
    dd_t r = dd_add((dd_t) {x, 0.0}, dd_mul_d((dd_t) {-LN2_HI, -LN2_LO}, k));

    // exp(r) = exp(r/16)^16; |r/16| <= 0.0217, where the Taylor series to
    // the 13th power reaches 2^-110. Its terms from the 8th power on are
    // below 2^-59 and need only double precision. Dividing by 16 is exact.
    dd_t s = {r.hi / 16.0, r.lo / 16.0};
    double tail = inv_factorial_tail[5];
    for (int n = 4; n >= 0; n--) {
        tail = tail * s.hi + inv_factorial_tail[n];
    }
    dd_t t = {tail, 0.0};
    for (int n = 7; n >= 0; n--) {
        t = dd_add(dd_mul(t, s), inv_factorial[n]);
    }
    for (int i = 0; i < 4; i++) {
        t = dd_mul(t, t);
    }
    // t.hi is t rounded to nearest (quick_two_sum normalises); scaling by a
    // power of two is exact unless the result is subnormal.
    return scalbn(t.hi, (int)k);
}
