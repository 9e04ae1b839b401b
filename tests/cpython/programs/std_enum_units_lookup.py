"""Unit conversion tables keyed by Enum members with tuple values and methods."""
from enum import Enum


class Length(Enum):
    MILLIMETRE = ("mm", 0.001)
    CENTIMETRE = ("cm", 0.01)
    METRE = ("m", 1.0)
    KILOMETRE = ("km", 1000.0)
    INCH = ("in", 0.0254)
    FOOT = ("ft", 0.3048)
    MILE = ("mi", 1609.344)

    def __init__(self, symbol, metres):
        self.symbol = symbol
        self.metres = metres

    @classmethod
    def from_symbol(cls, symbol):
        for unit in cls:
            if unit.symbol == symbol:
                return unit
        raise ValueError(f"unknown unit symbol {symbol!r}")

    def to(self, other, value):
        return value * self.metres / other.metres


def convert(text):
    amount, src, _, dst = text.split()
    a = Length.from_symbol(src)
    b = Length.from_symbol(dst)
    return f"{text} = {a.to(b, float(amount)):.4g} {b.symbol}"


for query in ["5 km to mi", "12 in to cm", "6 ft to m", "26.2 mi to km", "1500 mm to ft", "3 yd to m"]:
    try:
        print(convert(query))
    except ValueError as exc:
        print("error:", exc)

print(Length.FOOT, Length.FOOT.value, Length.FOOT.symbol, Length.FOOT.metres)
print("by value:", Length(("cm", 0.01)).name)
print("symbols:", {u.name.lower(): u.symbol for u in Length})
print("metric:", [u.name for u in Length if u.symbol in ("mm", "cm", "m", "km")])
print("sorted by size:", [u.symbol for u in sorted(Length, key=lambda u: u.metres)])
print("members are singletons:", Length.METRE is Length.from_symbol("m"))
