"""A currency ledger with decimal.Decimal: exact sums, rounding to cents and splitting bills."""
from decimal import Decimal, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, ROUND_CEILING, getcontext, localcontext, InvalidOperation

CENT = Decimal("0.01")

entries = [("coffee", "3.10"), ("train", "12.35"), ("lunch", "18.90"), ("refund", "-5.05"), ("book", "24.99")]
ledger = [(name, Decimal(amount)) for name, amount in entries]
balance = Decimal("0")
for name, amount in ledger:
    balance += amount
    print(f"{name:<7} {amount:>8} balance {balance:>8}")
print("float sum would be:", sum(float(a) for _, a in entries))
print("decimal sum:", sum((a for _, a in ledger), Decimal(0)))

bill = Decimal("100.00")
people = 3
share = (bill / people).quantize(CENT, rounding=ROUND_DOWN)
remainder = bill - share * people
print(f"split {bill} by {people}: {share} each, {remainder} left for the first person")

for value in ["2.675", "2.665", "-1.005", "0.125", "0.135"]:
    d = Decimal(value)
    print(f"{value:>7}: half_up={d.quantize(CENT, ROUND_HALF_UP)} half_even={d.quantize(CENT, ROUND_HALF_EVEN)} "
          f"down={d.quantize(CENT, ROUND_DOWN)} ceiling={d.quantize(CENT, ROUND_CEILING)}")

print("precision:", getcontext().prec, Decimal(1) / Decimal(7))
with localcontext() as ctx:
    ctx.prec = 5
    print("local precision 5:", Decimal(1) / Decimal(7), Decimal("123456789") + 0)
print("back to default:", Decimal(2).sqrt())
print("from float:", Decimal(0.1), "| from str:", Decimal("0.1"), "| tuple:", Decimal("-3.14").as_tuple())
print("ops:", Decimal("10") // 3, Decimal("10") % 3, Decimal("-7") // 2, divmod(Decimal("7.5"), 2), Decimal("1.30") + Decimal("1.20"))
print("normalize/compare:", Decimal("1.500").normalize(), Decimal("1.5") == Decimal("1.50"), Decimal("2.5") > 2)
print("formatting:", f"{Decimal('1234567.891'):,.2f}", f"{Decimal('0.5'):.1%}", str(Decimal("1E+3")), Decimal("1E+3").to_integral())
try:
    Decimal("12,50")
except InvalidOperation:
    print("InvalidOperation for '12,50'")
print("repr:", repr(Decimal("9.99")), "| is_signed:", Decimal("-0").is_signed(), "| exp:", Decimal(1).exp().quantize(Decimal("1.000000")))
