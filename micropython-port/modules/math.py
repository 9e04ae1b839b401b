# math for mpwasm: MicroPython's C math module (as umath, made extensible by
# patch 0302) plus the functions of CPython 3.11's it lacks. Written for
# mpwasm.

from umath import *
import umath as _m

_inf = float("inf")


def gcd(*integers):
    r = 0
    for n in integers:
        n = _index(n, "gcd")
        a, b = abs(r), abs(n)
        while b:
            a, b = b, a % b
        r = a
    return r


def lcm(*integers):
    r = 1
    for n in integers:
        n = _index(n, "lcm")
        if n == 0:
            return 0
        r = abs(r * n) // gcd(r, n)
    return r


def _index(n, fn):
    if isinstance(n, bool):
        return int(n)
    if not isinstance(n, int):
        raise TypeError("'" + type(n).__name__ + "' object cannot be interpreted as an integer")
    return n


def isqrt(n):
    n = _index(n, "isqrt")
    if n < 0:
        raise ValueError("isqrt() argument must be nonnegative")
    if n == 0:
        return 0
    x = 1 << ((_bit_length(n) + 1) // 2)
    while True:
        y = (x + n // x) // 2
        if y >= x:
            return x
        x = y


def _bit_length(n):
    n = abs(n)
    b = 0
    while n >= 1 << 32:
        n >>= 32
        b += 32
    while n:
        n >>= 1
        b += 1
    return b


def comb(n, k):
    n = _index(n, "comb")
    k = _index(k, "comb")
    if n < 0:
        raise ValueError("n must be a non-negative integer")
    if k < 0:
        raise ValueError("k must be a non-negative integer")
    if k > n:
        return 0
    k = min(k, n - k)
    r = 1
    for i in range(1, k + 1):
        r = r * (n - k + i) // i
    return r


def perm(n, k=None):
    n = _index(n, "perm")
    if n < 0:
        raise ValueError("n must be a non-negative integer")
    if k is None:
        k = n
    k = _index(k, "perm")
    if k < 0:
        raise ValueError("k must be a non-negative integer")
    if k > n:
        return 0
    r = 1
    for i in range(n - k + 1, n + 1):
        r *= i
    return r


def prod(iterable, *, start=1):
    r = start
    for x in iterable:
        r = r * x
    return r


def fsum(seq):
    # Shewchuk's exact summation of partials, rounded once at the end
    partials = []
    special = 0.0
    for x in seq:
        x = float(x)
        if isinf(x) or isnan(x):
            special += x
            continue
        i = 0
        for y in partials:
            if abs(x) < abs(y):
                x, y = y, x
            hi = x + y
            lo = y - (hi - x)
            if lo:
                partials[i] = lo
                i += 1
            x = hi
        partials[i:] = [x]
    if special:
        if isnan(special):
            raise ValueError("-inf + inf in fsum")
        return special
    hi = 0.0
    n = len(partials)
    if n:
        n -= 1
        hi = partials[n]
        lo = 0.0
        while n > 0:
            x = hi
            n -= 1
            y = partials[n]
            hi = x + y
            yr = hi - x
            lo = y - yr
            if lo:
                break
        if n > 0 and ((lo < 0 and partials[n - 1] < 0) or (lo > 0 and partials[n - 1] > 0)):
            y = lo * 2
            x = hi + y
            yr = x - hi
            if y == yr:
                hi = x
    return hi


def hypot(*coordinates):
    if not coordinates:
        return 0.0
    m = 0.0
    for c in coordinates:
        c = abs(float(c))
        if isinf(c):
            return _inf
        if c > m:
            m = c
    if m == 0.0:
        return 0.0
    s = 0.0
    for c in coordinates:
        c = float(c) / m
        s += c * c
    return m * sqrt(s)


def dist(p, q):
    p = tuple(p)
    q = tuple(q)
    if len(p) != len(q):
        raise ValueError("both points must have the same number of dimensions")
    return hypot(*[a - b for a, b in zip(p, q)])


def cbrt(x):
    x = float(x)
    if x == 0.0 or isnan(x) or isinf(x):
        return x
    r = abs(x) ** (1.0 / 3.0)
    # one Newton step brings it to the nearest double for exact cubes
    r = r - (r * r * r - abs(x)) / (3.0 * r * r)
    return r if x > 0 else -r


def exp2(x):
    return 2.0 ** x


def remainder(x, y):
    x = float(x)
    y = float(y)
    if isnan(x) or isnan(y):
        return x + y
    if isinf(x) or y == 0.0:
        raise ValueError("math domain error")
    if isinf(y):
        return x
    n = x / y
    r = round(n)
    if abs(n - int(n)) == 0.5 and int(r) % 2:
        r = r - 1 if r > n else r + 1
    return x - r * y


def nextafter(x, y):
    import struct

    x = float(x)
    y = float(y)
    if isnan(x) or isnan(y):
        return x + y
    if x == y:
        return y
    if x == 0.0:
        return copysign(5e-324, y)
    bits = struct.unpack("<q", struct.pack("<d", x))[0]
    if (y > x) == (x > 0):
        bits += 1
    else:
        bits -= 1
    return struct.unpack("<d", struct.pack("<q", bits))[0]


def ulp(x):
    x = abs(float(x))
    if isnan(x) or isinf(x):
        return x
    return nextafter(x, _inf) - x


def sumprod(p, q):
    return sum(a * b for a, b in zip(p, q))


def log1p(x):
    x = float(x)
    if x <= -1.0:
        raise ValueError("math domain error")
    u = 1.0 + x
    if u == 1.0:
        return x
    # corrects the rounding of 1 + x (Goldberg's method)
    return log(u) * x / (u - 1.0)
