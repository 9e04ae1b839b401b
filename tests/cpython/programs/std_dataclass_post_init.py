"""Invoice lines that compute totals in __post_init__ and validate their inputs."""
from dataclasses import dataclass, field, InitVar
from decimal import Decimal, ROUND_HALF_UP

CENT = Decimal("0.01")


@dataclass
class Line:
    description: str
    quantity: int
    unit_price: Decimal
    discount_pct: InitVar[int] = 0
    total: Decimal = field(init=False)

    def __post_init__(self, discount_pct):
        if self.quantity <= 0:
            raise ValueError(f"{self.description}: quantity must be positive")
        if not 0 <= discount_pct <= 100:
            raise ValueError(f"{self.description}: bad discount {discount_pct}%")
        gross = self.unit_price * self.quantity
        self.total = (gross * (100 - discount_pct) / 100).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class Invoice:
    number: str
    customer: str
    lines: list[Line] = field(default_factory=list)
    tax_rate: Decimal = Decimal("0.20")
    subtotal: Decimal = field(init=False, default=Decimal(0))

    def __post_init__(self):
        self.number = self.number.upper()
        self.recalculate()

    def recalculate(self):
        self.subtotal = sum((l.total for l in self.lines), Decimal(0))

    def add(self, *args, **kwargs):
        self.lines.append(Line(*args, **kwargs))
        self.recalculate()

    @property
    def tax(self):
        return (self.subtotal * self.tax_rate).quantize(CENT, rounding=ROUND_HALF_UP)


inv = Invoice("inv-0042", "Acme GmbH")
inv.add("Consulting (hours)", 12, Decimal("95.00"))
inv.add("Travel", 1, Decimal("312.40"), discount_pct=50)
inv.add("Licence", 3, Decimal("199.99"), 15)
for bad in [("Refund", -1, Decimal("10")), ("Promo", 1, Decimal("5"), 120)]:
    try:
        inv.add(*bad)
    except ValueError as exc:
        print("rejected:", exc)

for line in inv.lines:
    print(line)
print(f"{inv.number} for {inv.customer}")
print(f"subtotal {inv.subtotal}  tax {inv.tax}  total {inv.subtotal + inv.tax}")
print("fields in repr:", repr(inv)[:60])
try:
    Line("x", 1, Decimal(1), total=Decimal(5))
except TypeError as exc:
    print("TypeError:", exc)
