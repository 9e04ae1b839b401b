"""Convert between integers and Roman numerals, with strict validation."""

VALUES = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]
SYMBOLS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def to_roman(n: int) -> str:
    if not isinstance(n, int) or not 0 < n < 4000:
        raise ValueError(f"cannot convert {n!r} to a Roman numeral")
    parts = []
    for value, symbol in VALUES:
        count, n = divmod(n, value)
        parts.append(symbol * count)
    return "".join(parts)


def from_roman(s: str) -> int:
    s = s.upper()
    if not s or any(ch not in SYMBOLS for ch in s):
        raise ValueError(f"invalid Roman numeral: {s!r}")
    total = 0
    for ch, nxt in zip(s, s[1:] + " "):
        value = SYMBOLS[ch]
        total += -value if nxt != " " and SYMBOLS[nxt] > value else value
    if to_roman(total) != s:
        raise ValueError(f"non-canonical Roman numeral: {s!r} (did you mean {to_roman(total)}?)")
    return total


for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]:
    print(f"{n:>5} -> {to_roman(n)}")

for s in ["MCMXCIV", "mmxxiv", "XLII", "IIII", "VX", "ABC", ""]:
    try:
        print(f"{s!r} -> {from_roman(s)}")
    except ValueError as exc:
        print(f"{s!r} -> error: {exc}")

for bad in [0, 4000, 3.5]:
    try:
        to_roman(bad)
    except ValueError as exc:
        print("error:", exc)

print("round trip ok:", all(from_roman(to_roman(n)) == n for n in range(1, 4000)))
lengths = {n: len(to_roman(n)) for n in range(1, 4000)}
longest = max(lengths, key=lengths.get)
print("longest numeral:", longest, to_roman(longest), lengths[longest])
print("year table:", ", ".join(f"{y}={to_roman(y)}" for y in range(2020, 2026)))
