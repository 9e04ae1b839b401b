"""Egyptian fraction decompositions and continued fractions with fractions.Fraction."""
from fractions import Fraction
from math import ceil, floor


def egyptian(fr):
    terms = []
    while fr > 0:
        unit = Fraction(1, ceil(1 / fr))
        terms.append(unit)
        fr -= unit
    return terms


def continued(fr, limit=12):
    out = []
    for _ in range(limit):
        whole = floor(fr)
        out.append(whole)
        fr -= whole
        if fr == 0:
            break
        fr = 1 / fr
    return out


def convergents(cf):
    result = []
    for i in range(1, len(cf) + 1):
        value = Fraction(cf[i - 1])
        for a in reversed(cf[:i - 1]):
            value = a + 1 / value
        result.append(value)
    return result


for fr in [Fraction(4, 13), Fraction(5, 6), Fraction(7, 15), Fraction(2, 3), Fraction(99, 100)]:
    terms = egyptian(fr)
    print(f"{fr} = " + " + ".join(str(t) for t in terms), "| check:", sum(terms) == fr)

approx_pi = Fraction(3.141592653589793)
cf = continued(approx_pi, 6)
print("continued fraction of pi:", cf)
print("convergents:", [str(c) for c in convergents(cf)])
print("errors:", [f"{abs(float(c) - 3.141592653589793):.2e}" for c in convergents(cf)])
print("sqrt(2) convergents:", [str(c) for c in convergents(continued(Fraction(1.4142135623730951), 8))])
print("limit_denominator:", approx_pi.limit_denominator(10), approx_pi.limit_denominator(1000), approx_pi.limit_denominator(100000))
print("golden ratio cf:", continued(Fraction((1 + 5 ** 0.5) / 2), 10))
