# decimal for mpwasm: Decimal with contexts (precision, rounding modes,
# traps), exact conversions, quantize and CPython 3.11's string forms. The
# value is (-1)**sign * coefficient * 10**exponent with an int coefficient.
# Written for mpwasm from the General Decimal Arithmetic specification.

__all__ = ["Decimal", "Context", "DecimalTuple", "DefaultContext", "BasicContext", "ExtendedContext",
           "DecimalException", "Clamped", "InvalidOperation", "DivisionByZero", "Inexact", "Rounded",
           "Subnormal", "Overflow", "Underflow", "FloatOperation", "DivisionImpossible", "DivisionUndefined",
           "ConversionSyntax", "InvalidContext", "ROUND_DOWN", "ROUND_HALF_UP", "ROUND_HALF_EVEN",
           "ROUND_CEILING", "ROUND_FLOOR", "ROUND_UP", "ROUND_HALF_DOWN", "ROUND_05UP", "setcontext",
           "getcontext", "localcontext", "MAX_PREC", "MAX_EMAX", "MIN_EMIN", "MIN_ETINY"]

ROUND_DOWN = "ROUND_DOWN"
ROUND_HALF_UP = "ROUND_HALF_UP"
ROUND_HALF_EVEN = "ROUND_HALF_EVEN"
ROUND_CEILING = "ROUND_CEILING"
ROUND_FLOOR = "ROUND_FLOOR"
ROUND_UP = "ROUND_UP"
ROUND_HALF_DOWN = "ROUND_HALF_DOWN"
ROUND_05UP = "ROUND_05UP"

MAX_PREC = 425000000
MAX_EMAX = 425000000
MIN_EMIN = -425000000
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)


class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


# MicroPython allows one built-in base per class, so the signals that
# CPython derives from two exceptions derive from one here: DivisionByZero
# is a ZeroDivisionError (not a DecimalException), Overflow and Underflow
# are Inexact, FloatOperation is a DecimalException.
class DivisionByZero(ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation):
    pass


class Inexact(DecimalException):
    pass


class InvalidContext(InvalidOperation):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact):
    pass


class Underflow(Inexact):
    pass


class FloatOperation(DecimalException):
    pass


_SIGNALS = (Clamped, DivisionByZero, Inexact, Overflow, Rounded, Underflow, InvalidOperation, Subnormal,
            FloatOperation)


def _raise(ctx, cond, base=None):
    # base is the signal the trap is keyed by (ConversionSyntax traps as
    # InvalidOperation); the message names the condition, as CPython's C module
    sig = base or cond
    ctx.flags[sig] = True
    if ctx.traps.get(sig):
        e = cond("[<class 'decimal." + cond.__name__ + "'>]")
        raise e


class _SignalDict(dict):
    def __init__(self, items):
        super().__init__()
        for k, v in items:
            self[k] = v

    def __repr__(self):
        return "{" + ", ".join("<class 'decimal." + k.__name__ + "'>:" + str(v) for k, v in self.items()) + "}"

    def __str__(self):
        return self.__repr__()


class Context:
    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None, clamp=None, flags=None,
                 traps=None):
        dc = DefaultContext if "DefaultContext" in globals() else None
        self.prec = prec if prec is not None else (dc.prec if dc else 28)
        self.rounding = rounding if rounding is not None else (dc.rounding if dc else ROUND_HALF_EVEN)
        self.Emin = Emin if Emin is not None else (dc.Emin if dc else -999999)
        self.Emax = Emax if Emax is not None else (dc.Emax if dc else 999999)
        self.capitals = capitals if capitals is not None else 1
        self.clamp = clamp if clamp is not None else 0
        if traps is None:
            t = dc.traps if dc else {InvalidOperation: True, DivisionByZero: True, Overflow: True}
            traps = [(s, bool(t.get(s))) for s in _SIGNALS]
        elif isinstance(traps, (list, tuple)):
            traps = [(s, s in traps) for s in _SIGNALS]
        else:
            traps = [(s, bool(traps.get(s))) for s in _SIGNALS]
        self.traps = _SignalDict(traps)
        if flags is None:
            flags = [(s, False) for s in _SIGNALS]
        elif isinstance(flags, (list, tuple)):
            flags = [(s, s in flags) for s in _SIGNALS]
        else:
            flags = [(s, bool(flags.get(s))) for s in _SIGNALS]
        self.flags = _SignalDict(flags)

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp,
                       dict(self.flags), dict(self.traps))

    __copy__ = copy

    def clear_flags(self):
        for k in self.flags:
            self.flags[k] = False

    def clear_traps(self):
        for k in self.traps:
            self.traps[k] = False

    def Etiny(self):
        return self.Emin - self.prec + 1

    def Etop(self):
        return self.Emax - self.prec + 1

    def create_decimal(self, num="0"):
        d = Decimal(num, self)
        return d._fix(self)

    def create_decimal_from_float(self, f):
        return Decimal.from_float(f)._fix(self)

    def __repr__(self):
        return ("Context(prec=" + str(self.prec) + ", rounding=" + self.rounding + ", Emin=" + str(self.Emin)
                + ", Emax=" + str(self.Emax) + ", capitals=" + str(self.capitals) + ", clamp=" + str(self.clamp)
                + ", flags=[" + ", ".join(k.__name__ for k, v in self.flags.items() if v)
                + "], traps=[" + ", ".join(k.__name__ for k, v in self.traps.items() if v) + "])")

    def add(self, a, b):
        return _dec(a).__add__(b, self)

    def subtract(self, a, b):
        return _dec(a).__sub__(b, self)

    def multiply(self, a, b):
        return _dec(a).__mul__(b, self)

    def divide(self, a, b):
        return _dec(a).__truediv__(b, self)

    def power(self, a, b, modulo=None):
        return _dec(a).__pow__(b, modulo, self)

    def quantize(self, a, b):
        return _dec(a).quantize(b, context=self)

    def sqrt(self, a):
        return _dec(a).sqrt(self)

    def abs(self, a):
        return _dec(a).__abs__(context=self)

    def plus(self, a):
        return _dec(a)._fix(self)

    def minus(self, a):
        return _dec(a).__neg__(context=self)

    def compare(self, a, b):
        return _dec(a).compare(b, self)


DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999,
                         traps=[DivisionByZero, Overflow, InvalidOperation])
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP, traps=[DivisionByZero, Overflow, InvalidOperation, Clamped,
                                                               Underflow])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[])

_current = [None]


def getcontext():
    c = _current[0]
    if c is None:
        c = DefaultContext.copy()
        _current[0] = c
    return c


def setcontext(context):
    if context in (DefaultContext, BasicContext, ExtendedContext):
        context = context.copy()
        context.clear_flags()
    _current[0] = context


class _LocalContext:
    def __init__(self, ctx):
        self.new = ctx.copy()

    def __enter__(self):
        self.saved = getcontext()
        setcontext(self.new)
        return self.new

    def __exit__(self, *a):
        setcontext(self.saved)


def localcontext(ctx=None, **kwargs):
    if ctx is None:
        ctx = getcontext()
    lc = _LocalContext(ctx)
    for k, v in kwargs.items():
        setattr(lc.new, k, v)
    return lc


def _ndigits(n):
    return len(str(n))


class DecimalTuple(tuple):
    def __new__(cls, sign, digits, exponent):
        return super().__new__(cls, (sign, digits, exponent))

    sign = property(lambda self: self[0])
    digits = property(lambda self: self[1])
    exponent = property(lambda self: self[2])

    def __repr__(self):
        return "DecimalTuple(sign=%r, digits=%r, exponent=%r)" % tuple(self)

    def __str__(self):
        return self.__repr__()


def _dec(x, ctx=None, strict=True):
    if isinstance(x, Decimal):
        return x
    if isinstance(x, int):
        return Decimal(x)
    if isinstance(x, float) and not strict:
        return Decimal.from_float(x)
    return None


def _isdigits(s):
    return s != "" and all("0" <= c <= "9" for c in s)


class Decimal:
    __slots__ = ("_sign", "_int", "_exp", "_special")

    # _special: "" finite, "n" quiet NaN, "N" signalling NaN, "F" infinity

    def __init__(self, value="0", context=None):
        if isinstance(value, Decimal):
            self._sign, self._int, self._exp, self._special = value._sign, value._int, value._exp, value._special
            return
        if isinstance(value, bool):
            value = int(value)
        if isinstance(value, int):
            self._sign = 1 if value < 0 else 0
            self._int = abs(value)
            self._exp = 0
            self._special = ""
            return
        if isinstance(value, float):
            d = Decimal.from_float(value)
            self._sign, self._int, self._exp, self._special = d._sign, d._int, d._exp, d._special
            return
        if isinstance(value, (tuple, list)):
            sign, digits, exp = value
            self._sign = sign
            if exp == "F":
                self._int, self._exp, self._special = 0, 0, "F"
            elif exp in ("n", "N"):
                self._int = int("".join(str(d) for d in digits) or "0")
                self._exp, self._special = 0, exp
            else:
                self._int = int("".join(str(d) for d in digits) or "0")
                self._exp = exp
                self._special = ""
            return
        if isinstance(value, str):
            self._parse(value.strip().replace("_", ""), context)
            return
        raise TypeError("conversion from " + type(value).__name__ + " to Decimal is not supported")

    def _parse(self, s, context):
        self._special = ""
        self._exp = 0
        self._int = 0
        self._sign = 0
        t = s
        if t[:1] in ("+", "-"):
            self._sign = 1 if t[0] == "-" else 0
            t = t[1:]
        low = t.lower()
        if low in ("inf", "infinity"):
            self._special = "F"
            return
        if low.startswith("nan") or low.startswith("snan"):
            sig = low.startswith("snan")
            rest = low[4:] if sig else low[3:]
            if rest == "" or _isdigits(rest):
                self._special = "N" if sig else "n"
                self._int = int(rest) if rest else 0
                return
        exp = 0
        if "e" in low:
            i = low.index("e")
            es = t[i + 1:]
            t = t[:i]
            if es[:1] in ("+", "-"):
                ok = _isdigits(es[1:])
            else:
                ok = _isdigits(es)
            if not ok:
                t = ""
            else:
                exp = int(es)
        if "." in t:
            ip, fp = t.split(".", 1)
        else:
            ip, fp = t, ""
        if (ip == "" and fp == "") or (ip and not _isdigits(ip)) or (fp and not _isdigits(fp)):
            ctx = context or getcontext()
            _raise(ctx, ConversionSyntax, InvalidOperation)
            self._special = "n"
            return
        self._int = int(ip + fp)
        self._exp = exp - len(fp)

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if f != f:
            return cls("NaN")
        if f in (float("inf"), float("-inf")):
            return cls("-Infinity" if f < 0 else "Infinity")
        from math import frexp, copysign

        sign = 1 if copysign(1.0, f) < 0 else 0
        f = abs(f)
        m, e = frexp(f)
        n = int(m * 9007199254740992.0)
        e -= 53
        # n * 2**e exactly; strip factors of two first
        while n and n % 2 == 0 and e < 0:
            n //= 2
            e += 1
        if e >= 0:
            return cls((sign, str(n << e), 0)) if n else cls((sign, "0", 0))
        k = -e
        return cls((sign, str(n * 5 ** k), -k))

    @classmethod
    def _new(cls, sign, coef, exp, special=""):
        d = object.__new__(cls)
        d._sign = sign
        d._int = coef
        d._exp = exp
        d._special = special
        return d

    # -- predicates and parts --------------------------------------------
    def is_nan(self):
        return self._special in ("n", "N")

    def is_qnan(self):
        return self._special == "n"

    def is_snan(self):
        return self._special == "N"

    def is_infinite(self):
        return self._special == "F"

    def is_finite(self):
        return self._special == ""

    def is_zero(self):
        return self._special == "" and self._int == 0

    def is_signed(self):
        return self._sign == 1

    def is_normal(self, context=None):
        return self._special == "" and self._int != 0

    def adjusted(self):
        if self._special:
            return 0
        return self._exp + _ndigits(self._int) - 1

    def as_tuple(self):
        if self._special == "F":
            return DecimalTuple(self._sign, (), "F")
        if self._special:
            return DecimalTuple(self._sign, tuple(int(c) for c in str(self._int)) if self._int else (), self._special)
        return DecimalTuple(self._sign, tuple(int(c) for c in str(self._int)), self._exp)

    def as_integer_ratio(self):
        if self._special:
            raise ValueError("cannot convert NaN to integer ratio" if self.is_nan()
                             else "cannot convert Infinity to integer ratio")
        n = self._int
        if self._exp >= 0:
            n *= 10 ** self._exp
            d = 1
        else:
            d = 10 ** -self._exp
        from math import gcd

        g = gcd(n, d)
        n //= g
        d //= g
        return (-n if self._sign else n), d

    # -- rounding ----------------------------------------------------------
    def _fix(self, ctx):
        if self._special:
            return self
        prec = ctx.prec
        nd = _ndigits(self._int)
        if nd <= prec:
            return self
        coef, exp = _round_coef(self._int, nd - prec, ctx.rounding, self._sign)
        exp += self._exp
        if _ndigits(coef) > prec:
            coef //= 10
            exp += 1
        _raise(ctx, Rounded)
        _raise(ctx, Inexact) if coef * 10 ** (exp - self._exp) != self._int else None
        return Decimal._new(self._sign, coef, exp)

    # -- string forms --------------------------------------------------------
    def __str__(self, eng=False, context=None):
        sign = "-" if self._sign else ""
        if self._special == "F":
            return sign + "Infinity"
        if self._special == "n":
            return sign + "NaN" + (str(self._int) if self._int else "")
        if self._special == "N":
            return sign + "sNaN" + (str(self._int) if self._int else "")
        digits = str(self._int)
        leftdigits = self._exp + len(digits)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._int == 0:
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart = "0"
            fracpart = "." + "0" * (-dotplace) + digits
        elif dotplace >= len(digits):
            intpart = digits + "0" * (dotplace - len(digits))
            fracpart = ""
        else:
            intpart = digits[:dotplace]
            fracpart = "." + digits[dotplace:]
        if leftdigits == dotplace:
            exp = ""
        else:
            e = leftdigits - dotplace
            exp = "E" + ("+" if e >= 0 else "-") + str(abs(e))
        return sign + intpart + fracpart + exp

    def to_eng_string(self, context=None):
        return self.__str__(eng=True)

    def __repr__(self):
        return "Decimal('" + str(self) + "')"

    def __format__(self, spec):
        return _format(self, spec)

    # -- conversions -------------------------------------------------------
    def __float__(self):
        if self._special == "F":
            return float("-inf") if self._sign else float("inf")
        if self._special:
            return float("nan")
        return float(str(self))

    def __int__(self):
        if self._special:
            raise ValueError("cannot convert NaN to integer") if self.is_nan() else OverflowError(
                "cannot convert Infinity to integer")
        if self._exp >= 0:
            v = self._int * 10 ** self._exp
        else:
            v = self._int // 10 ** -self._exp
        return -v if self._sign else v

    __trunc__ = __int__

    def __floor__(self):
        v = int(self)
        return v - 1 if self._sign and Decimal(v) != self else v

    def __ceil__(self):
        v = int(self)
        return v + 1 if not self._sign and Decimal(v) != self else v

    def __round__(self, n=None):
        if n is None:
            if self._special:
                raise ValueError("cannot round a NaN") if self.is_nan() else OverflowError("cannot round an infinity")
            return int(self.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))
        return self.quantize(Decimal((0, "1", -n)))

    def __bool__(self):
        return self._special != "" or self._int != 0

    def __hash__(self):
        if self._special:
            if self.is_nan():
                raise TypeError("Cannot hash a signaling NaN value.") if self.is_snan() else None
            return hash(float(self))
        n, d = self.as_integer_ratio()
        if d == 1:
            return hash(n)
        return hash(float(self))

    # -- arithmetic --------------------------------------------------------
    def _check_nans(self, other, ctx):
        if self.is_snan() or (other is not None and other.is_snan()):
            _raise(ctx, InvalidOperation)
            return Decimal("NaN")
        if self.is_nan():
            return self
        if other is not None and other.is_nan():
            return other
        return None

    def __add__(self, other, context=None):
        o = _dec(other)
        if o is None:
            return _other_op(self, other, "+")
        ctx = context or getcontext()
        r = self._check_nans(o, ctx)
        if r is not None:
            return r
        if self._special == "F":
            if o._special == "F" and o._sign != self._sign:
                _raise(ctx, InvalidOperation)
                return Decimal("NaN")
            return self
        if o._special == "F":
            return o
        exp = min(self._exp, o._exp)
        a = self._int * 10 ** (self._exp - exp)
        b = o._int * 10 ** (o._exp - exp)
        if self._sign:
            a = -a
        if o._sign:
            b = -b
        s = a + b
        if s == 0:
            sign = 1 if (self._sign and o._sign) or (ctx.rounding == ROUND_FLOOR and self._sign != o._sign) else 0
            return Decimal._new(sign, 0, exp)._fix(ctx)
        return Decimal._new(1 if s < 0 else 0, abs(s), exp)._fix(ctx)

    def __radd__(self, other, context=None):
        return self.__add__(other, context)

    def __sub__(self, other, context=None):
        o = _dec(other)
        if o is None:
            return _other_op(self, other, "-")
        return self.__add__(o.copy_negate(), context)

    def __rsub__(self, other, context=None):
        o = _dec(other)
        if o is None:
            return _other_op(other, self, "-")
        return o.__sub__(self, context)

    def __mul__(self, other, context=None):
        o = _dec(other)
        if o is None:
            return _other_op(self, other, "*")
        ctx = context or getcontext()
        r = self._check_nans(o, ctx)
        if r is not None:
            return r
        sign = self._sign ^ o._sign
        if self._special == "F" or o._special == "F":
            if self.is_zero() or o.is_zero():
                _raise(ctx, InvalidOperation)
                return Decimal("NaN")
            return Decimal._new(sign, 0, 0, "F")
        return Decimal._new(sign, self._int * o._int, self._exp + o._exp)._fix(ctx)

    def __rmul__(self, other, context=None):
        return self.__mul__(other, context)

    def __truediv__(self, other, context=None):
        o = _dec(other)
        if o is None:
            return _other_op(self, other, "/")
        ctx = context or getcontext()
        r = self._check_nans(o, ctx)
        if r is not None:
            return r
        sign = self._sign ^ o._sign
        if self._special == "F":
            if o._special == "F":
                _raise(ctx, InvalidOperation)
                return Decimal("NaN")
            return Decimal._new(sign, 0, 0, "F")
        if o._special == "F":
            return Decimal._new(sign, 0, ctx.Etiny())
        if o._int == 0:
            if self._int == 0:
                _raise(ctx, DivisionUndefined, InvalidOperation)
                return Decimal("NaN")
            _raise(ctx, DivisionByZero)
            return Decimal._new(sign, 0, 0, "F")
        ideal = self._exp - o._exp
        if self._int == 0:
            return Decimal._new(sign, 0, ideal)._fix(ctx)
        prec = ctx.prec
        shift = _ndigits(o._int) - _ndigits(self._int) + prec + 1
        if shift >= 0:
            q, rem = divmod(self._int * 10 ** shift, o._int)
        else:
            q, rem = divmod(self._int, o._int * 10 ** -shift)
        exp = ideal - shift
        if rem:
            if q % 5 == 0:
                q += 1
        else:
            while exp < ideal and q % 10 == 0:
                q //= 10
                exp += 1
        return Decimal._new(sign, q, exp)._fix(ctx)

    def __rtruediv__(self, other, context=None):
        o = _dec(other)
        if o is None:
            return _other_op(other, self, "/")
        return o.__truediv__(self, context)

    def _divmod(self, o, ctx):
        sign = self._sign ^ o._sign
        if o._int == 0:
            if self._int == 0:
                _raise(ctx, DivisionUndefined, InvalidOperation)
            else:
                _raise(ctx, DivisionByZero)
            return Decimal("NaN"), Decimal("NaN")
        exp = min(self._exp, o._exp)
        a = self._int * 10 ** (self._exp - exp)
        b = o._int * 10 ** (o._exp - exp)
        q, r = divmod(a, b)
        return Decimal._new(sign, q, 0), Decimal._new(self._sign, r, exp)._fix(ctx)

    def __floordiv__(self, other, context=None):
        o = _dec(other)
        if o is None:
            return _other_op(self, other, "//")
        ctx = context or getcontext()
        r = self._check_nans(o, ctx)
        if r is not None:
            return r
        return self._divmod(o, ctx)[0]

    def __rfloordiv__(self, other, context=None):
        o = _dec(other)
        if o is None:
            return _other_op(other, self, "//")
        return o.__floordiv__(self, context)

    def __mod__(self, other, context=None):
        o = _dec(other)
        if o is None:
            return _other_op(self, other, "%")
        ctx = context or getcontext()
        r = self._check_nans(o, ctx)
        if r is not None:
            return r
        return self._divmod(o, ctx)[1]

    def __rmod__(self, other, context=None):
        o = _dec(other)
        if o is None:
            return _other_op(other, self, "%")
        return o.__mod__(self, context)

    def __divmod__(self, other, context=None):
        o = _dec(other)
        if o is None:
            return _other_op(self, other, "divmod")
        return self._divmod(o, context or getcontext())

    def __pow__(self, other, modulo=None, context=None):
        o = _dec(other)
        if o is None:
            return _other_op(self, other, "**")
        ctx = context or getcontext()
        r = self._check_nans(o, ctx)
        if r is not None:
            return r
        if modulo is not None:
            m = int(_dec(modulo))
            return Decimal(pow(int(self), int(o), m))
        if o._special == "" and o._exp >= 0:
            n = o._int * 10 ** o._exp
            if n == 0:
                if self.is_zero():
                    _raise(ctx, InvalidOperation)
                    return Decimal("NaN")
                return Decimal(1)
            if self._special == "F":
                return Decimal._new(self._sign if n % 2 else 0, 0, 0, "F") if not o._sign else Decimal(0)
            # exact power (kept exact a few digits beyond the precision), rounded once
            sign = self._sign if n % 2 else 0
            coef = self._int ** n
            exp = self._exp * n
            res = Decimal._new(sign, coef, exp)
            if o._sign:
                big = ctx.copy()
                big.prec = ctx.prec + 3
                return Decimal(1).__truediv__(res, big)._fix(ctx)
            return res._fix(ctx)
        # fractional exponents through floats (a documented approximation)
        return Decimal(repr(float(self) ** float(o)))._fix(ctx)

    def __rpow__(self, other, context=None):
        o = _dec(other)
        if o is None:
            return _other_op(other, self, "**")
        return o.__pow__(self, None, context)

    def __neg__(self, context=None):
        if self._special == "" and self._int == 0:
            return Decimal._new(0, 0, self._exp)
        d = Decimal._new(1 - self._sign, self._int, self._exp, self._special)
        return d._fix(context or getcontext())

    def __pos__(self, context=None):
        if self._special == "" and self._int == 0:
            return Decimal._new(0, 0, self._exp)
        return self._fix(context or getcontext())

    def __abs__(self, round=True, context=None):
        d = Decimal._new(0, self._int, self._exp, self._special)
        return d._fix(context or getcontext()) if round else d

    def copy_abs(self):
        return Decimal._new(0, self._int, self._exp, self._special)

    def copy_negate(self):
        return Decimal._new(1 - self._sign, self._int, self._exp, self._special)

    def copy_sign(self, other, context=None):
        return Decimal._new(_dec(other)._sign, self._int, self._exp, self._special)

    # -- comparison --------------------------------------------------------
    def _cmp(self, other):
        # -1, 0, 1 for finite and infinite values
        if self._special == "F" or other._special == "F":
            a = 0 if self._special != "F" else (-1 if self._sign else 1)
            b = 0 if other._special != "F" else (-1 if other._sign else 1)
            if a == b:
                return 0
            if a and b:
                return (a > b) - (a < b)
            if a:
                return a
            return -b
        exp = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - exp)
        b = other._int * 10 ** (other._exp - exp)
        if self._sign:
            a = -a
        if other._sign:
            b = -b
        return (a > b) - (a < b)

    def _coerce_cmp(self, other):
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return Decimal(other)
        if isinstance(other, float):
            getcontext().flags[FloatOperation] = True
            return Decimal.from_float(other)
        if hasattr(other, "numerator") and hasattr(other, "denominator"):
            return None
        return NotImplemented

    def __eq__(self, other):
        o = self._coerce_cmp(other)
        if o is NotImplemented:
            return NotImplemented
        if o is None:
            n, d = self.as_integer_ratio()
            return n * other.denominator == other.numerator * d
        if self.is_nan() or o.is_nan():
            return False
        return self._cmp(o) == 0

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def _order(self, other, op):
        o = self._coerce_cmp(other)
        if o is NotImplemented or o is None:
            if o is None:
                from fractions import Fraction

                return op(Fraction(*self.as_integer_ratio()), other)
            raise TypeError("'" + _opname(op) + "' not supported between instances of 'decimal.Decimal' and '"
                            + type(other).__name__ + "'")
        if self.is_nan() or o.is_nan():
            _raise(getcontext(), InvalidOperation)
            return False
        return op(self._cmp(o), 0)

    def __lt__(self, other):
        return self._order(other, _lt)

    def __le__(self, other):
        return self._order(other, _le)

    def __gt__(self, other):
        return self._order(other, _gt)

    def __ge__(self, other):
        return self._order(other, _ge)

    def compare(self, other, context=None):
        o = _dec(other, strict=False)
        if self.is_nan() or o.is_nan():
            return Decimal("NaN")
        return Decimal(self._cmp(o))

    def max(self, other, context=None):
        o = _dec(other, strict=False)
        return self if self._cmp(o) >= 0 else o

    def min(self, other, context=None):
        o = _dec(other, strict=False)
        return self if self._cmp(o) <= 0 else o

    # -- quantize and friends --------------------------------------------------
    def quantize(self, exp, rounding=None, context=None):
        ctx = context or getcontext()
        e = _dec(exp, strict=False)
        if e is None:
            raise TypeError("conversion from " + type(exp).__name__ + " to Decimal is not supported")
        rounding = rounding or ctx.rounding
        r = self._check_nans(e, ctx)
        if r is not None:
            return r
        if self._special == "F" or e._special == "F":
            if self._special == "F" and e._special == "F":
                return self
            _raise(ctx, InvalidOperation)
            return Decimal("NaN")
        target = e._exp
        r = self._rescale(target, rounding)
        if _ndigits(r._int) > ctx.prec:
            _raise(ctx, InvalidOperation)
            return Decimal("NaN")
        if r._int * 10 ** max(0, r._exp - self._exp) != self._int * 10 ** max(0, self._exp - r._exp):
            _raise(ctx, Inexact)
        return r

    def _rescale(self, exp, rounding):
        if self._special:
            return self
        if self._exp >= exp:
            return Decimal._new(self._sign, self._int * 10 ** (self._exp - exp), exp)
        coef, _ = _round_coef(self._int, exp - self._exp, rounding, self._sign)
        return Decimal._new(self._sign, coef, exp)

    def to_integral_value(self, rounding=None, context=None):
        if self._special or self._exp >= 0:
            return self
        return self._rescale(0, rounding or (context or getcontext()).rounding)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        return self.to_integral_value(rounding, context)

    def normalize(self, context=None):
        ctx = context or getcontext()
        if self._special:
            return self
        d = self._fix(ctx)
        if d._int == 0:
            return Decimal._new(d._sign, 0, 0)
        coef, exp = d._int, d._exp
        while coef % 10 == 0:
            coef //= 10
            exp += 1
        return Decimal._new(d._sign, coef, exp)

    def sqrt(self, context=None):
        ctx = context or getcontext()
        if self._special:
            if self._special == "F" and not self._sign:
                return self
            _raise(ctx, InvalidOperation)
            return Decimal("NaN")
        if self._int == 0:
            return Decimal._new(self._sign, 0, self._exp // 2)
        if self._sign:
            _raise(ctx, InvalidOperation)
            return Decimal("NaN")
        from math import isqrt

        prec = ctx.prec + 1
        e = self._exp
        c = self._int
        if e % 2:
            c *= 10
            e -= 1
        shift = max(0, 2 * prec - _ndigits(c) + 2)
        if shift % 2:
            shift += 1
        c *= 10 ** shift
        e -= shift
        r = isqrt(c)
        exact = r * r == c
        if not exact:
            r = r * 10 + 1
            e -= 2
        d = Decimal._new(0, r, e // 2)
        if exact:
            ideal = self._exp // 2
            while d._exp < ideal and d._int % 10 == 0:
                d = Decimal._new(0, d._int // 10, d._exp + 1)
        return d._fix(ctx)

    def exp(self, context=None):
        from math import exp

        return Decimal(repr(exp(float(self))))._fix(context or getcontext())

    def ln(self, context=None):
        from math import log

        return Decimal(repr(log(float(self))))._fix(context or getcontext())

    def log10(self, context=None):
        from math import log10

        if self._special == "" and self._int and str(self._int).strip("0") == "1":
            return Decimal(self.adjusted())
        return Decimal(repr(log10(float(self))))._fix(context or getcontext())

    def fma(self, other, third, context=None):
        return (self * other).__add__(third, context)

    def conjugate(self):
        return self

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def number_class(self, context=None):
        if self.is_nan():
            return "NaN" if self.is_qnan() else "sNaN"
        s = "-" if self._sign else "+"
        if self._special == "F":
            return s + "Infinity"
        if self._int == 0:
            return s + "Zero"
        return s + "Normal"

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (type(self), (str(self),))


def _lt(a, b):
    return a < b


def _le(a, b):
    return a <= b


def _gt(a, b):
    return a > b


def _ge(a, b):
    return a >= b


def _opname(op):
    return {_lt: "<", _le: "<=", _gt: ">", _ge: ">="}[op]


def _other_op(a, b, op):
    ta = "decimal.Decimal" if isinstance(a, Decimal) else type(a).__name__
    tb = "decimal.Decimal" if isinstance(b, Decimal) else type(b).__name__
    raise TypeError("unsupported operand type(s) for " + op + ": '" + ta + "' and '" + tb + "'")


def _round_coef(coef, drop, rounding, sign):
    # coef with its last `drop` digits removed, rounded by the rounding mode;
    # returns (new coefficient, drop)
    if drop <= 0:
        return coef * 10 ** -drop, drop
    p = 10 ** drop
    q, r = divmod(coef, p)
    if r == 0:
        return q, drop
    if rounding == ROUND_HALF_EVEN:
        up = r * 2 > p or (r * 2 == p and q % 2 == 1)
    elif rounding == ROUND_HALF_UP:
        up = r * 2 >= p
    elif rounding == ROUND_HALF_DOWN:
        up = r * 2 > p
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_CEILING:
        up = not sign
    elif rounding == ROUND_FLOOR:
        up = bool(sign)
    elif rounding == ROUND_05UP:
        up = q % 10 in (0, 5)
    else:
        up = False
    return (q + 1 if up else q), drop


def _format(d, spec):
    # [[fill]align][sign][z][#][0][width][,|_][.precision][type]
    fill = " "
    align = None
    i = 0
    n = len(spec)
    if n >= 2 and spec[1] in "<>^=":
        fill = spec[0]
        align = spec[1]
        i = 2
    elif n >= 1 and spec[0] in "<>^=":
        align = spec[0]
        i = 1
    sign = "-"
    if i < n and spec[i] in "+- ":
        sign = spec[i]
        i += 1
    if i < n and spec[i] == "0":
        if align is None:
            fill = "0"
            align = "="
        i += 1
    width = ""
    while i < n and spec[i].isdigit():
        width += spec[i]
        i += 1
    sep = ""
    if i < n and spec[i] in ",_":
        sep = spec[i]
        i += 1
    prec = None
    if i < n and spec[i] == ".":
        i += 1
        p = ""
        while i < n and spec[i].isdigit():
            p += spec[i]
            i += 1
        prec = int(p)
    typ = spec[i:] if i < n else ""
    neg = d._sign == 1
    a = d.copy_abs()
    if d._special:
        body = str(a)
    elif typ in ("f", "F", "%"):
        if typ == "%":
            a = Decimal._new(0, a._int, a._exp + 2)
        if prec is not None:
            a = a._rescale(-prec, getcontext().rounding)
        body = _plain(a)
        if typ == "%":
            body += "%"
    elif typ in ("e", "E"):
        if prec is not None:
            nd = _ndigits(a._int)
            a = a._rescale(a._exp + nd - 1 - prec, getcontext().rounding) if a._int else a
        digits = str(a._int)
        ex = a._exp + len(digits) - 1
        body = digits[0] + ("." + digits[1:] if len(digits) > 1 else "") + typ + ("+" if ex >= 0 else "-") + "%02d" % abs(ex)
    elif typ in ("g", "G", "") and prec is not None:
        nd = _ndigits(a._int)
        if nd > prec and a._int:
            a = a._rescale(a._exp + nd - prec, getcontext().rounding)
        body = str(a)
    else:
        body = str(a)
    if neg and d._int == 0 and not d._special and typ in ("f", "F", "%") and "z" in spec:
        neg = False
    if sep:
        ip, dot, fp = body.partition(".")
        if ip.isdigit():
            groups = []
            while len(ip) > 3:
                groups.insert(0, ip[-3:])
                ip = ip[:-3]
            groups.insert(0, ip)
            body = sep.join(groups) + dot + fp
    sgn = "-" if neg else ("+" if sign == "+" else (" " if sign == " " else ""))
    w = int(width) if width else 0
    total = len(sgn) + len(body)
    if w > total:
        pad = w - total
        if align is None:
            align = ">"
        if align == "<":
            return sgn + body + fill * pad
        if align == "^":
            left = pad // 2
            return fill * left + sgn + body + fill * (pad - left)
        if align == "=":
            return sgn + fill * pad + body
        return fill * pad + sgn + body
    return sgn + body


def _plain(a):
    digits = str(a._int)
    if a._exp >= 0:
        return digits + "0" * a._exp
    k = -a._exp
    if len(digits) <= k:
        digits = "0" * (k - len(digits) + 1) + digits
    return digits[:-k] + "." + digits[-k:]
