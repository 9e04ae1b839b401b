"""Quarterly sales dashboard: aligned tables, thousands separators, percentages and custom __format__."""
from dataclasses import dataclass


class Money:
    def __init__(self, amount, currency="USD"):
        self.amount = amount
        self.currency = currency

    def __format__(self, spec):
        symbol = {"USD": "$", "EUR": "€", "GBP": "£"}[self.currency]
        text = f"{symbol}{abs(self.amount):,.2f}"
        if self.amount < 0:
            text = f"({text})"
        return format(text, spec or "")

    def __repr__(self):
        return f"Money({self.amount!r}, {self.currency!r})"


@dataclass
class Region:
    name: str
    manager: str
    sales: list
    target: float


regions = [
    Region("North America", "Zoë", [1_204_330.5, 1_350_020.25, 987_654.0, 1_512_003.75], 4_800_000),
    Region("Europe", "Jürgen", [845_120.0, 910_450.5, 1_002_300.0, 1_100_900.25], 3_900_000),
    Region("Asia-Pacific", "Mei", [650_000.0, 720_500.75, 815_250.5, 990_100.0], 3_000_000),
    Region("LatAm", "José", [120_400.0, 98_300.5, 143_900.0, 160_250.0], 600_000),
]

header = f"{'Region':<15}|{'Manager':^10}|" + "|".join(f"{'Q' + str(i):>14}" for i in range(1, 5)) + f"|{'Total':>16}|{'vs target':>10}"
print(header)
print("-" * len(header))
grand = 0
for r in regions:
    total = sum(r.sales)
    grand += total
    quarters = "|".join(f"{q:>14,.2f}" for q in r.sales)
    print(f"{r.name:<15}|{r.manager:^10}|{quarters}|{total:>16,.2f}|{total / r.target - 1:>+10.1%}")
print("=" * len(header))
print(f"{'Grand total':<15}|{'':^10}|{'':>14}|{'':>14}|{'':>14}|{'':>14}|{grand:>16,.2f}|")

# Share of the total with a bar chart; nested width and precision fields.
width, prec = 12, 1
for r in sorted(regions, key=lambda r: -sum(r.sales)):
    share = sum(r.sales) / grand
    bar = "█" * round(share * 40)
    print("{name:.<{w}} {share:{w2}.{p}%} {bar}".format(name=r.name, w=width + 4, share=share, w2=7, p=prec, bar=bar))

# Attribute and index fields, the way report templates use them.
template = "{r.name} ({r.manager}): best quarter Q{best} = {r.sales[0]:_.0f} .. last {last:,.0f}"
for r in regions[:2]:
    best = max(range(4), key=lambda i: r.sales[i]) + 1
    print(template.format(r=r, best=best, last=r.sales[-1]))
row = {"sku": "A-100", "qty": 1234567, "ratio": 0.0456}
print("{0[sku]:*^11} qty={0[qty]:_} ratio={0[ratio]:.2%}".format(row))

# Custom __format__ and the conversions.
ledger = [Money(1234.5), Money(-98765.432, "EUR"), Money(0.5, "GBP"), Money(10**7, "USD")]
for m in ledger:
    print(f"|{m:>16}|{m!r:<28}|{format(m)}|")
print(f"{'café'!a} {'naïve'!r:>10} {str(3.5)!s:^7}|")

# Integer bases with separators, zero padding and signs.
for n in [0, 7, 255, 4096, 65535, -48879, 2**40 + 1]:
    print(f"{n:>+15,d} {n:#012_x} {n:#_o} {n & 0xFFFF:016_b} {n:=+9}")
for v in [0.0, -0.0, 1e-7, 123.456, -9876543.21, float("inf"), 2 / 3]:
    print(f"{v!r:>22} {v:>14.3e} {v:<12g}| {v:^+14,.3f} {v:010.2f} {v:%}")
print(format(1234567.891, ",.2f"), format(0.125, ".1%"), format(42, "=+8"), format("ok", "~^8"), format(-3.5, "08,.2f"))
