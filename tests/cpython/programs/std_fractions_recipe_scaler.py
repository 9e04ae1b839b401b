"""Scale recipe quantities exactly with fractions.Fraction and print mixed numbers."""
from fractions import Fraction

recipe = {
    "flour (cups)": Fraction(9, 4),
    "sugar (cups)": Fraction(2, 3),
    "butter (tbsp)": Fraction(6),
    "eggs": Fraction(2),
    "vanilla (tsp)": Fraction("1/2"),
    "milk (cups)": Fraction("0.75"),
}


def mixed(q: Fraction) -> str:
    whole, rest = divmod(q.numerator, q.denominator)
    if rest == 0:
        return str(whole)
    frac = f"{rest}/{q.denominator}"
    return f"{whole} {frac}" if whole else frac


for servings, base in [(6, 4), (2, 4), (10, 4)]:
    factor = Fraction(servings, base)
    print(f"--- {servings} servings (x{factor})")
    for item, qty in recipe.items():
        print(f"  {item:<15} {mixed(qty * factor):>8}")

total_cups = sum(q for k, q in recipe.items() if "cups" in k)
print("total cups:", total_cups, "=", mixed(total_cups), "=", float(total_cups))
print("arithmetic:", Fraction(1, 3) + Fraction(1, 6), Fraction(3, 4) * 2, Fraction(5, 8) / Fraction(1, 4), Fraction(1, 2) ** 3)
print("mixed with int/float:", Fraction(1, 2) + 1, Fraction(1, 2) + 0.25, 3 - Fraction(1, 3))
print("comparisons:", Fraction(2, 3) > Fraction(3, 5), Fraction(1, 2) == 0.5, sorted([Fraction(3, 7), Fraction(1, 2), Fraction(2, 5)]))
print("from float:", Fraction(0.1), Fraction(0.1).limit_denominator(100), Fraction(3.14159).limit_denominator(1000))
print("parts:", Fraction(-12, 16), Fraction(-12, 16).numerator, Fraction(-12, 16).denominator, Fraction(10, 5))
print("repr:", repr(Fraction(3, 4)), "| int/round:", int(Fraction(7, 2)), round(Fraction(7, 2)), round(Fraction(22, 7), 2))
print("as_integer_ratio:", Fraction(6, 4).as_integer_ratio(), "| from decimal string:", Fraction("3.1415"))
try:
    Fraction(1, 0)
except ZeroDivisionError as exc:
    print("ZeroDivisionError:", exc)
harmonic = sum(Fraction(1, n) for n in range(1, 11))
print("H(10) =", harmonic, "~", f"{float(harmonic):.6f}")
