# fractions for mpwasm: Fraction as CPython 3.11's. Written for mpwasm.

from math import gcd as _gcd, floor as _floor, frexp as _frexp, isinf as _isinf, isnan as _isnan

__all__ = ["Fraction"]


def _float_ratio(f):
    if _isinf(f):
        raise OverflowError("cannot convert Infinity to integer ratio")
    if _isnan(f):
        raise ValueError("cannot convert NaN to integer ratio")
    m, e = _frexp(f)
    # m is in [0.5, 1): 53 bits make it an integer
    n = int(m * 9007199254740992.0)
    e -= 53
    if e >= 0:
        return n << e, 1
    d = 1 << -e
    g = _gcd(n, d)
    return n // g, d // g


def _parse(s):
    s = s.strip()
    if "/" in s:
        a, b = s.split("/", 1)
        a = a.strip()
        b = b.strip()
        if not _is_int(a) or not _is_int(b, False):
            raise ValueError("Invalid literal for Fraction: " + repr(s))
        return int(a), int(b)
    t = s.replace("_", "")
    if not t or not _valid_decimal(t):
        raise ValueError("Invalid literal for Fraction: " + repr(s))
    sign = 1
    if t[0] in "+-":
        if t[0] == "-":
            sign = -1
        t = t[1:]
    exp = 0
    low = t.lower()
    if "e" in low:
        i = low.index("e")
        exp = int(t[i + 1:])
        t = t[:i]
    if "." in t:
        ip, fp = t.split(".", 1)
    else:
        ip, fp = t, ""
    n = int(ip + fp) if (ip + fp) else 0
    d = 10 ** len(fp)
    if exp >= 0:
        n *= 10 ** exp
    else:
        d *= 10 ** -exp
    return sign * n, d


def _is_int(s, signed=True):
    if signed and s[:1] in ("+", "-"):
        s = s[1:]
    return s.isdigit()


def _valid_decimal(t):
    i = 0
    if t[0] in "+-":
        i = 1
    digits = 0
    dot = False
    while i < len(t):
        c = t[i]
        if c.isdigit():
            digits += 1
        elif c == "." and not dot:
            dot = True
        elif c in "eE" and digits:
            rest = t[i + 1:]
            if rest[:1] in ("+", "-"):
                rest = rest[1:]
            return rest.isdigit()
        else:
            return False
        i += 1
    return digits > 0


class Fraction:
    __slots__ = ("_numerator", "_denominator")

    def __init__(self, numerator=0, denominator=None, *, _normalize=True):
        if denominator is None:
            if isinstance(numerator, int):
                n, d = numerator, 1
            elif isinstance(numerator, Fraction):
                n, d = numerator._numerator, numerator._denominator
            elif isinstance(numerator, float):
                n, d = _float_ratio(numerator)
            elif isinstance(numerator, str):
                n, d = _parse(numerator)
            elif hasattr(numerator, "as_integer_ratio"):
                n, d = numerator.as_integer_ratio()
            else:
                raise TypeError("argument should be a string or a Rational instance")
        else:
            if isinstance(numerator, int) and isinstance(denominator, int):
                n, d = numerator, denominator
            elif isinstance(numerator, (int, Fraction)) and isinstance(denominator, (int, Fraction)):
                a = Fraction(numerator)
                b = Fraction(denominator)
                n = a._numerator * b._denominator
                d = a._denominator * b._numerator
            else:
                raise TypeError("both arguments should be Rational instances")
        if d == 0:
            raise ZeroDivisionError("Fraction(" + str(n) + ", 0)")
        if _normalize:
            g = _gcd(n, d)
            if d < 0:
                g = -g
            n //= g
            d //= g
        self._numerator = n
        self._denominator = d

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError(cls.__name__ + ".from_float() only takes floats, not " + repr(f) + " (" + type(f).__name__ + ")")
        n, d = _float_ratio(f)
        return cls(n, d)

    @classmethod
    def from_decimal(cls, dec):
        n, d = dec.as_integer_ratio()
        return cls(n, d)

    def as_integer_ratio(self):
        return self._numerator, self._denominator

    def is_integer(self):
        return self._denominator == 1

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def limit_denominator(self, max_denominator=1000000):
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction(p1, q1)
        return Fraction(p0 + k * p1, q0 + k * q1)

    def __repr__(self):
        return "Fraction(" + str(self._numerator) + ", " + str(self._denominator) + ")"

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return str(self._numerator) + "/" + str(self._denominator)

    def __format__(self, spec):
        if not spec:
            return str(self)
        return format(float(self), spec)

    def _coerce(self, other):
        if isinstance(other, Fraction):
            return other
        if isinstance(other, int):
            return Fraction(other)
        return None

    def __add__(a, b):
        o = a._coerce(b)
        if o is None:
            if isinstance(b, float):
                return float(a) + b
            if isinstance(b, complex):
                return complex(float(a)) + b
            return NotImplemented
        return Fraction(a._numerator * o._denominator + o._numerator * a._denominator, a._denominator * o._denominator)

    def __radd__(b, a):
        return b.__add__(a)

    def __sub__(a, b):
        o = a._coerce(b)
        if o is None:
            if isinstance(b, float):
                return float(a) - b
            return NotImplemented
        return Fraction(a._numerator * o._denominator - o._numerator * a._denominator, a._denominator * o._denominator)

    def __rsub__(b, a):
        o = b._coerce(a)
        if o is None:
            if isinstance(a, float):
                return a - float(b)
            return NotImplemented
        return o.__sub__(b)

    def __mul__(a, b):
        o = a._coerce(b)
        if o is None:
            if isinstance(b, float):
                return float(a) * b
            return NotImplemented
        return Fraction(a._numerator * o._numerator, a._denominator * o._denominator)

    def __rmul__(b, a):
        return b.__mul__(a)

    def __truediv__(a, b):
        o = a._coerce(b)
        if o is None:
            if isinstance(b, float):
                return float(a) / b
            return NotImplemented
        if o._numerator == 0:
            raise ZeroDivisionError("Fraction(" + str(a._numerator * o._denominator) + ", 0)")
        return Fraction(a._numerator * o._denominator, a._denominator * o._numerator)

    def __rtruediv__(b, a):
        o = b._coerce(a)
        if o is None:
            if isinstance(a, float):
                return a / float(b)
            return NotImplemented
        return o.__truediv__(b)

    def __floordiv__(a, b):
        o = a._coerce(b)
        if o is None:
            if isinstance(b, float):
                return float(a) // b
            return NotImplemented
        return (a._numerator * o._denominator) // (a._denominator * o._numerator)

    def __rfloordiv__(b, a):
        o = b._coerce(a)
        if o is None:
            return NotImplemented
        return o.__floordiv__(b)

    def __mod__(a, b):
        o = a._coerce(b)
        if o is None:
            if isinstance(b, float):
                return float(a) % b
            return NotImplemented
        return a - o * (a // o)

    def __rmod__(b, a):
        o = b._coerce(a)
        if o is None:
            return NotImplemented
        return o.__mod__(b)

    def __divmod__(a, b):
        return a // b, a % b

    def __pow__(a, b):
        if isinstance(b, int):
            if b >= 0:
                return Fraction(a._numerator ** b, a._denominator ** b, _normalize=False)
            if a._numerator == 0:
                raise ZeroDivisionError("Fraction(" + str(a._denominator ** -b) + ", 0)")
            if a._numerator > 0:
                return Fraction(a._denominator ** -b, a._numerator ** -b, _normalize=False)
            return Fraction((-a._denominator) ** -b, (-a._numerator) ** -b, _normalize=False)
        if isinstance(b, Fraction):
            if b._denominator == 1:
                return a ** b._numerator
            return float(a) ** float(b)
        return float(a) ** b

    def __rpow__(b, a):
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        return Fraction(a._numerator, a._denominator, _normalize=False)

    def __neg__(a):
        return Fraction(-a._numerator, a._denominator, _normalize=False)

    def __abs__(a):
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)

    def __int__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    __trunc__ = __int__

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __float__(a):
        n, d = a._numerator, a._denominator
        # correctly rounded for the ranges fractions take in practice
        if abs(n) < 1 << 53 and d < 1 << 53:
            return n / d
        neg = n < 0
        n = abs(n)
        shift = _bits(n) - _bits(d) - 55
        if shift > 0:
            q, r = divmod(n, d << shift)
        else:
            q, r = divmod(n << -shift, d)
        if r:
            q |= 1
        f = float(q) * 2.0 ** shift
        return -f if neg else f

    def __hash__(self):
        if self._denominator == 1:
            return hash(self._numerator)
        return hash(float(self))

    def __eq__(a, b):
        if isinstance(b, Fraction):
            return a._numerator == b._numerator and a._denominator == b._denominator
        if isinstance(b, int):
            return a._denominator == 1 and a._numerator == b
        if isinstance(b, float):
            if _isinf(b) or _isnan(b):
                return False
            return a == Fraction.from_float(b)
        return NotImplemented

    def __ne__(a, b):
        r = a.__eq__(b)
        return r if r is NotImplemented else not r

    def _cmp(a, b):
        if isinstance(b, float):
            if _isnan(b):
                return None
            if _isinf(b):
                return -1 if b > 0 else 1
            b = Fraction.from_float(b)
        o = a._coerce(b)
        if o is None:
            return NotImplemented
        x = a._numerator * o._denominator
        y = o._numerator * a._denominator
        return (x > y) - (x < y)

    def __lt__(a, b):
        c = a._cmp(b)
        return c if c is NotImplemented else (c is not None and c < 0)

    def __le__(a, b):
        c = a._cmp(b)
        return c if c is NotImplemented else (c is not None and c <= 0)

    def __gt__(a, b):
        c = a._cmp(b)
        return c if c is NotImplemented else (c is not None and c > 0)

    def __ge__(a, b):
        c = a._cmp(b)
        return c if c is NotImplemented else (c is not None and c >= 0)

    def __bool__(a):
        return a._numerator != 0

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _bits(n):
    b = 0
    while n >= 1 << 32:
        n >>= 32
        b += 32
    while n:
        n >>= 1
        b += 1
    return b
