"""Progressive income tax with Decimal brackets and a formatted payslip."""
from decimal import Decimal, ROUND_HALF_UP

CENT = Decimal("0.01")
BRACKETS = [  # (upper limit, rate)
    (Decimal("11000"), Decimal("0.10")),
    (Decimal("44725"), Decimal("0.12")),
    (Decimal("95375"), Decimal("0.22")),
    (Decimal("182100"), Decimal("0.24")),
    (None, Decimal("0.32")),
]


def tax_for(income):
    remaining = income
    lower = Decimal(0)
    parts = []
    for upper, rate in BRACKETS:
        span = remaining if upper is None else min(remaining, upper - lower)
        if span <= 0:
            break
        parts.append((lower, upper, rate, (span * rate).quantize(CENT, ROUND_HALF_UP)))
        remaining -= span
        if upper is not None:
            lower = upper
    return parts


for salary in ["9500", "52000", "120000.50", "250000"]:
    income = Decimal(salary)
    parts = tax_for(income)
    total = sum((p[3] for p in parts), Decimal(0))
    print(f"income {income:>12,}: tax {total:>10,}  effective {total / income:.2%}  marginal {parts[-1][2]:.0%}")
    for lower, upper, rate, amount in parts:
        top = f"{upper:,}" if upper is not None else "∞"
        print(f"    {lower:>9,} – {top:>9}  @ {rate:.0%}  = {amount:>10,}")

monthly = (Decimal("52000") - sum((p[3] for p in tax_for(Decimal("52000"))), Decimal(0))) / 12
print("monthly net of 52k:", monthly.quantize(CENT), "| rounded up:", monthly.quantize(Decimal("1"), ROUND_HALF_UP))
print("Decimal context traps division by zero:", end=" ")
try:
    Decimal(1) / Decimal(0)
except ZeroDivisionError as exc:
    print(type(exc).__name__)
