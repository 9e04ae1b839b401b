"""Monthly interest and fees on savings accounts using Decimal inside dataclasses."""
from dataclasses import dataclass, field
from decimal import Decimal, ROUND_HALF_EVEN
from typing import List, Tuple

CENT = Decimal("0.01")


@dataclass
class Account:
    number: str
    owner: str
    balance: Decimal
    annual_rate: Decimal
    monthly_fee: Decimal = Decimal("0")
    statement: List[Tuple[str, Decimal, Decimal]] = field(default_factory=list)

    def post(self, label: str, amount: Decimal) -> None:
        self.balance = (self.balance + amount).quantize(CENT, ROUND_HALF_EVEN)
        self.statement.append((label, amount, self.balance))

    def month_end(self, month: str) -> None:
        interest = (self.balance * self.annual_rate / 12).quantize(CENT, ROUND_HALF_EVEN)
        if interest:
            self.post(f"{month} interest", interest)
        if self.monthly_fee and self.balance < Decimal("1000"):
            self.post(f"{month} fee", -self.monthly_fee)


accounts = [
    Account("NL01-0001", "Fatima", Decimal("2500.00"), Decimal("0.031")),
    Account("NL01-0002", "Gert", Decimal("850.50"), Decimal("0.015"), monthly_fee=Decimal("2.50")),
]
deposits = {"Jan": {"NL01-0001": "150.00"}, "Feb": {"NL01-0002": "200.00"}, "Mar": {"NL01-0001": "-400.00", "NL01-0002": "-75.25"}}
for month, moves in deposits.items():
    for acct in accounts:
        if acct.number in moves:
            amount = Decimal(moves[acct.number])
            acct.post(f"{month} {'deposit' if amount > 0 else 'withdrawal'}", amount)
        acct.month_end(month)

for acct in accounts:
    print(f"{acct.number} {acct.owner} (rate {acct.annual_rate:.1%})")
    for label, amount, balance in acct.statement:
        print(f"   {label:<16}{amount:>10}{balance:>11}")
    print(f"   {'closing':<16}{'':>10}{acct.balance:>11}")
total = sum((a.balance for a in accounts), Decimal("0"))
print("bank total:", total, "| interest paid:", sum((amt for a in accounts for l, amt, _ in a.statement if "interest" in l), Decimal(0)))
print("as float string:", float(total), "| exact:", str(total), "| repr:", repr(accounts[0].balance))
