// exp() for the guest, correctly rounded in all but astronomically rare cases.
//
// zig's libm (and musl's older one in lib/libm_dbl) return exp(1.0) one ulp
// above e, so `math.exp(1.0) == math.e` is False where CPython (glibc) says
// True. This computes exp in double-double arithmetic (about 100 bits) and
// rounds once. It costs a few hundred flops, which is small next to a
// MicroPython call.
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

static dd_t dd_div_d(dd_t a, double b) {
    double q = a.hi / b;
    dd_t p = two_prod(q, b);
    double e = (((a.hi - p.hi) - p.lo) + a.lo) / b;
    return quick_two_sum(q, e);
}

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

    // exp(r) = exp(r/16)^16; |r/16| <= 0.0217, where 14 Taylor terms reach
    // 2^-110. Dividing by 16 is exact.
    dd_t s = {r.hi / 16.0, r.lo / 16.0};
    dd_t one = {1.0, 0.0};
    dd_t t = one;
    for (int n = 14; n >= 1; n--) {
        t = dd_add(one, dd_div_d(dd_mul(s, t), (double)n));
    }
    for (int i = 0; i < 4; i++) {
        t = dd_mul(t, t);
    }
    // t.hi is t rounded to nearest (quick_two_sum normalises); scaling by a
    // power of two is exact unless the result is subnormal.
    return scalbn(t.hi, (int)k);
}
