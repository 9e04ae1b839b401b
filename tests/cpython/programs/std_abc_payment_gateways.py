"""Payment gateways behind an abstract base class with abstract methods and properties."""
from abc import ABC, abstractmethod


class PaymentGateway(ABC):
    fee_rate = 0.0

    @property
    @abstractmethod
    def name(self) -> str: ...

    @abstractmethod
    def charge(self, amount_cents: int) -> str: ...

    def fee(self, amount_cents: int) -> int:
        return round(amount_cents * self.fee_rate)

    def checkout(self, amount_cents: int) -> str:
        total = amount_cents + self.fee(amount_cents)
        return f"[{self.name}] {self.charge(total)} (fee {self.fee(amount_cents) / 100:.2f})"


class CardGateway(PaymentGateway):
    fee_rate = 0.029

    @property
    def name(self):
        return "card"

    def charge(self, amount_cents):
        return f"charged {amount_cents / 100:.2f} to card"


class BankTransfer(PaymentGateway):
    @property
    def name(self):
        return "bank"

    def charge(self, amount_cents):
        return f"transfer of {amount_cents / 100:.2f} scheduled"


class Incomplete(PaymentGateway):
    @property
    def name(self):
        return "incomplete"


for gateway in (CardGateway(), BankTransfer()):
    for amount in (1999, 125000):
        print(gateway.checkout(amount))

for cls in (PaymentGateway, Incomplete):
    try:
        cls()
    except TypeError as exc:
        print("TypeError:", exc)

print("abstract methods:", sorted(PaymentGateway.__abstractmethods__), sorted(Incomplete.__abstractmethods__))
print("isinstance:", isinstance(CardGateway(), PaymentGateway), issubclass(BankTransfer, ABC))


class Wallet:
    def charge(self, amount_cents):
        return f"wallet paid {amount_cents}"


PaymentGateway.register(Wallet)
print("virtual subclass:", issubclass(Wallet, PaymentGateway), isinstance(Wallet(), PaymentGateway))
print("MRO:", [c.__name__ for c in CardGateway.__mro__])
