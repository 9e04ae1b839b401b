# statistics for mpwasm: CPython 3.11's functions. Sums are exact (as
# fractions) and rounded once, as CPython's are, so results agree to the
# last bit. Written for mpwasm.

from fractions import Fraction as _F
from math import sqrt as _sqrt, floor as _floor, isnan as _isnan, isinf as _isinf

__all__ = ["StatisticsError", "fmean", "geometric_mean", "harmonic_mean", "mean", "median", "median_grouped",
           "median_high", "median_low", "mode", "multimode", "pstdev", "pvariance", "quantiles", "stdev",
           "variance", "correlation", "covariance", "linear_regression", "NormalDist"]


class StatisticsError(ValueError):
    pass


def _exact(x):
    if isinstance(x, int):
        return x
    if isinstance(x, _F):
        return x
    if isinstance(x, float):
        if _isnan(x) or _isinf(x):
            return None
        return _F(x)
    if hasattr(x, "as_integer_ratio"):
        n, d = x.as_integer_ratio()
        return _F(n, d)
    raise TypeError("can't convert type '" + type(x).__name__ + "' to numerator/denominator")


def _kind(data):
    # the result type: float if any float, else Fraction/Decimal if any, else int
    t = int
    for x in data:
        tx = type(x)
        if tx is bool:
            tx = int
        if t is int:
            t = tx
        elif tx is float and t is not float:
            if t.__name__ == "Decimal":
                raise TypeError("unsupported operand type(s) for +: 'Decimal' and 'float'")
            t = float
    return t


def _sum(data):
    total = 0
    special = None
    for x in data:
        e = _exact(x)
        if e is None:
            special = x if special is None else special + x
        else:
            total = total + e
    return total, special


def _convert(value, t):
    if t is float:
        return float(value)
    if t is int:
        if isinstance(value, _F) and value.denominator != 1:
            return float(value)
        return int(value) if isinstance(value, _F) else value
    if t is _F:
        return _F(value)
    if t.__name__ == "Decimal":
        return t(value.numerator) / t(value.denominator) if isinstance(value, _F) else t(value)
    return t(value)


def mean(data):
    data = list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError("mean requires at least one data point")
    t = _kind(data)
    total, special = _sum(data)
    if special is not None:
        return float(special)
    return _convert(_F(total) / n, t)


def fmean(data, weights=None):
    data = list(data)
    if weights is None:
        n = len(data)
        if n == 0:
            raise StatisticsError("fmean requires at least one data point")
        total, special = _sum(data)
        if special is not None:
            return float(special)
        return float(_F(total) / n)
    weights = list(weights)
    if len(weights) != len(data):
        raise StatisticsError("data and weights must be the same length")
    num = _F(0)
    den = _F(0)
    for x, w in zip(data, weights):
        num += _exact(x) * _exact(w)
        den += _exact(w)
    if den == 0:
        raise StatisticsError("sum of weights must be non-zero")
    return float(num / den)


def geometric_mean(data):
    from math import log, exp

    data = list(data)
    if not data:
        raise StatisticsError("fmean requires at least one data point")
    try:
        return exp(fmean([log(x) for x in data]))
    except ValueError:
        raise StatisticsError("geometric mean requires a non-empty dataset containing positive numbers")


def harmonic_mean(data, weights=None):
    data = list(data)
    if not data:
        raise StatisticsError("harmonic_mean requires at least one data point")
    if weights is None:
        weights = [1] * len(data)
    t = _kind(data)
    total = _F(0)
    wsum = _F(0)
    for x, w in zip(data, weights):
        if x < 0:
            raise StatisticsError("harmonic mean does not support negative values")
        if x == 0:
            return 0
        total += _F(_exact(w)) / _exact(x)
        wsum += _exact(w)
    return _convert(wsum / total, float if t is int else t)


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    a, b = data[i - 1], data[i]
    if isinstance(a, int) and isinstance(b, int) and (a + b) % 2 == 0:
        return (a + b) // 2 if False else (a + b) / 2
    return (a + b) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def median_grouped(data, interval=1):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n == 1:
        return data[0]
    x = data[n // 2]
    L = x - interval / 2
    lo = 0
    while lo < n and data[lo] < x:
        lo += 1
    hi = lo
    while hi < n and data[hi] == x:
        hi += 1
    cf = lo
    f = hi - lo
    return L + interval * (n / 2 - cf) / f


def mode(data):
    counts = {}
    order = []
    for x in data:
        if x in counts:
            counts[x] += 1
        else:
            counts[x] = 1
            order.append(x)
    if not order:
        raise StatisticsError("no mode for empty data")
    best = order[0]
    for x in order:
        if counts[x] > counts[best]:
            best = x
    return best


def multimode(data):
    counts = {}
    order = []
    for x in data:
        if x in counts:
            counts[x] += 1
        else:
            counts[x] = 1
            order.append(x)
    if not order:
        return []
    m = max(counts.values())
    return [x for x in order if counts[x] == m]


def _ss(data, c=None):
    # exact sum of squared deviations and the mean
    n = len(data)
    total, special = _sum(data)
    if special is not None:
        return None, None
    if c is None:
        c = _F(total) / n
    ss = _F(0)
    for x in data:
        d = _exact(x) - c
        ss += d * d
    # compensate as CPython does: subtract the squared sum of the errors
    err = _F(0)
    for x in data:
        err += _exact(x) - c
    ss -= err * err / n
    return ss, c


def _dispersion(name, data, centre, sample):
    # The mean square deviation about `centre` (default: the mean), over
    # n - 1 points for a sample, n for a population; None for NaN data.
    data = list(data)
    n = len(data)
    if n < 1 + sample:
        need = "two data points" if sample else "one data point"
        raise StatisticsError(name + " requires at least " + need)
    t = _kind(data)
    ss, _ = _ss(data, None if centre is None else _exact(centre))
    return (None if ss is None else ss / (n - sample)), t


def variance(data, xbar=None):
    v, t = _dispersion("variance", data, xbar, 1)
    return float("nan") if v is None else _convert(v, t)


def pvariance(data, mu=None):
    v, t = _dispersion("pvariance", data, mu, 0)
    return float("nan") if v is None else _convert(v, t)


def _fsqrt(v, t):
    # the square root of an exact fraction, correctly rounded to a float (as
    # CPython's): the float estimate moves to a neighbour while the exact
    # square of the midpoint shows the true root lies beyond it
    if not isinstance(v, _F):
        v = _F(v)
    if v.numerator == 0:
        r = 0.0
    else:
        r = _sqrt(float(v))
        for _ in range(4):
            up = _next_up(r)
            m = (_F(r) + _F(up)) / 2
            if m * m < v:
                r = up
                continue
            down = _next_down(r)
            m = (_F(r) + _F(down)) / 2
            if m * m > v:
                r = down
                continue
            break
    if t.__name__ == "Decimal":
        return t(r)
    return r


def _next_up(x):
    from math import nextafter

    return nextafter(x, float("inf"))


def _next_down(x):
    from math import nextafter

    return nextafter(x, float("-inf"))


def stdev(data, xbar=None):
    v, t = _dispersion("stdev", data, xbar, 1)
    return float("nan") if v is None else _fsqrt(v, t)


def pstdev(data, mu=None):
    v, t = _dispersion("pstdev", data, mu, 0)
    return float("nan") if v is None else _fsqrt(v, t)


def quantiles(data, *, n=4, method="exclusive"):
    if n < 1:
        raise StatisticsError("n must be at least 1")
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError("must have at least two data points")
    if method == "inclusive":
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            interpolated = (data[j] * (n - delta) + data[j + 1] * delta) / n
            result.append(interpolated)
        return result
    if method == "exclusive":
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            interpolated = (data[j - 1] * (n - delta) + data[j] * delta) / n
            result.append(interpolated)
        return result
    raise ValueError("Unknown method: " + repr(method))


def _fsum(it):
    from math import fsum

    return fsum(it)


def covariance(x, y):
    n = len(x)
    if len(y) != n:
        raise StatisticsError("covariance requires that both inputs have same number of data points")
    if n < 2:
        raise StatisticsError("covariance requires at least two data points")
    xbar = _fsum(x) / n
    ybar = _fsum(y) / n
    sxy = _fsum((xi - xbar) * (yi - ybar) for xi, yi in zip(x, y))
    return sxy / (n - 1)


def correlation(x, y):
    n = len(x)
    if len(y) != n:
        raise StatisticsError("correlation requires that both inputs have same number of data points")
    if n < 2:
        raise StatisticsError("correlation requires at least two data points")
    xbar = _fsum(x) / n
    ybar = _fsum(y) / n
    sxy = _fsum((xi - xbar) * (yi - ybar) for xi, yi in zip(x, y))
    sxx = _fsum((xi - xbar) ** 2.0 for xi in x)
    syy = _fsum((yi - ybar) ** 2.0 for yi in y)
    try:
        return sxy / _sqrt(sxx * syy)
    except ZeroDivisionError:
        raise StatisticsError("at least one of the inputs is constant")


class _LinearRegression(tuple):
    def __new__(cls, slope, intercept):
        return super().__new__(cls, (slope, intercept))

    slope = property(lambda self: self[0])
    intercept = property(lambda self: self[1])

    def __repr__(self):
        return "LinearRegression(slope=" + repr(self[0]) + ", intercept=" + repr(self[1]) + ")"

    def __str__(self):
        return self.__repr__()


def linear_regression(x, y, *, proportional=False):
    n = len(x)
    if len(y) != n:
        raise StatisticsError("linear regression requires that both inputs have same number of data points")
    if n < 2:
        raise StatisticsError("linear regression requires at least two data points")
    if proportional:
        sxy = _fsum(xi * yi for xi, yi in zip(x, y))
        sxx = _fsum(xi * xi for xi in x)
        if not sxx:
            raise StatisticsError("x is constant")
        return _LinearRegression(sxy / sxx, 0.0)
    xbar = _fsum(x) / n
    ybar = _fsum(y) / n
    sxy = _fsum((xi - xbar) * (yi - ybar) for xi, yi in zip(x, y))
    sxx = _fsum((xi - xbar) ** 2.0 for xi in x)
    try:
        slope = sxy / sxx
    except ZeroDivisionError:
        raise StatisticsError("x is constant")
    return _LinearRegression(slope, ybar - slope * xbar)


class NormalDist:
    def __init__(self, mu=0.0, sigma=1.0):
        if sigma < 0.0:
            raise StatisticsError("sigma must be non-negative")
        self._mu = float(mu)
        self._sigma = float(sigma)

    @classmethod
    def from_samples(cls, data):
        data = list(data)
        return cls(fmean(data), stdev(data))

    mean = property(lambda self: self._mu)
    median = property(lambda self: self._mu)
    mode = property(lambda self: self._mu)
    stdev = property(lambda self: self._sigma)
    variance = property(lambda self: self._sigma * self._sigma)

    def pdf(self, x):
        from math import exp, pi

        v = self._sigma * self._sigma
        if not v:
            raise StatisticsError("pdf() not defined when sigma is zero")
        diff = x - self._mu
        return exp(diff * diff / (-2.0 * v)) / _sqrt(2.0 * pi * v)

    def cdf(self, x):
        from math import erf

        if not self._sigma:
            raise StatisticsError("cdf() not defined when sigma is zero")
        return 0.5 * (1.0 + erf((x - self._mu) / (self._sigma * _sqrt(2.0))))

    def inv_cdf(self, p):
        if p <= 0.0 or p >= 1.0:
            raise StatisticsError("p must be in the range 0.0 < p < 1.0")
        lo, hi = self._mu - 40 * self._sigma, self._mu + 40 * self._sigma
        for _ in range(200):
            mid = (lo + hi) / 2
            if self.cdf(mid) < p:
                lo = mid
            else:
                hi = mid
        return (lo + hi) / 2

    def zscore(self, x):
        return (x - self._mu) / self._sigma

    def __repr__(self):
        return "NormalDist(mu=" + repr(self._mu) + ", sigma=" + repr(self._sigma) + ")"
