"""Print a narrow thermal-printer receipt with textwrap, Decimal and datetime."""
import textwrap
from datetime import datetime
from decimal import Decimal, ROUND_HALF_UP

WIDTH = 32
CENT = Decimal("0.01")
items = [
    ("Organic free-range eggs, dozen", 1, Decimal("4.49")),
    ("Sourdough loaf", 2, Decimal("3.20")),
    ("Extra virgin olive oil 750ml bottle (imported from Italy)", 1, Decimal("11.95")),
    ("Bananas", 6, Decimal("0.23")),
]
VAT = Decimal("0.09")


def money(value):
    return f"{value.quantize(CENT, ROUND_HALF_UP):>8}"


lines = ["CORNER GROCER".center(WIDTH), "12 Market St".center(WIDTH), "-" * WIDTH]
subtotal = Decimal(0)
for name, qty, price in items:
    total = qty * price
    subtotal += total
    wrapped = textwrap.wrap(name, width=WIDTH - 9)
    lines.append(f"{wrapped[0]:<{WIDTH - 8}}{money(total)}")
    lines.extend(f"  {w}" for w in wrapped[1:])
    if qty > 1:
        lines.append(f"  {qty} x {price}")
vat = subtotal * VAT
lines += ["-" * WIDTH, f"{'Subtotal':<{WIDTH - 8}}{money(subtotal)}", f"{'VAT 9%':<{WIDTH - 8}}{money(vat)}",
          f"{'TOTAL':<{WIDTH - 8}}{money(subtotal + vat)}", "=" * WIDTH]
stamp = datetime(2024, 4, 20, 16, 5, 42)
lines.append(stamp.strftime("%d/%m/%Y %H:%M:%S").center(WIDTH))
footer = "Thank you for shopping local! Returns accepted within 14 days with this receipt."
lines += textwrap.wrap(footer, width=WIDTH)
for line in lines:
    print(f"|{line:<{WIDTH}}|")
print("longest line:", max(len(l) for l in lines), "| lines:", len(lines))
print(textwrap.shorten(footer, width=WIDTH))
