"""Simulate bank accounts with custom exception types and a transaction journal."""


class BankError(Exception):
    """Base class for all banking errors."""


class InsufficientFunds(BankError):
    def __init__(self, account, requested):
        super().__init__(f"{account.owner} cannot withdraw {requested:.2f}; balance is {account.balance:.2f}")
        self.shortfall = requested - account.balance


class AccountFrozen(BankError):
    pass


class InvalidAmount(BankError, ValueError):
    pass


class Account:
    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self.balance = balance
        self.frozen = False
        self.history = []

    def _check(self, amount):
        if self.frozen:
            raise AccountFrozen(f"account of {self.owner} is frozen")
        if amount <= 0:
            raise InvalidAmount(f"amount must be positive, got {amount}")

    def deposit(self, amount):
        self._check(amount)
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        self._check(amount)
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def transfer(self, other, amount):
        self.withdraw(amount)
        try:
            other.deposit(amount)
        except BankError:
            self.deposit(amount)  # roll back
            raise


alice = Account("Alice", 100.0)
bob = Account("Bob")
operations = [
    ("deposit", alice, 50),
    ("withdraw", alice, 30.5),
    ("withdraw", bob, 10),
    ("deposit", bob, -5),
    ("transfer", alice, 70),
    ("freeze", bob, None),
    ("transfer", alice, 20),
    ("withdraw", alice, 1000),
]

for op, account, amount in operations:
    try:
        if op == "freeze":
            account.frozen = True
            print(f"froze {account.owner}")
            continue
        if op == "transfer":
            account.transfer(bob, amount)
        else:
            getattr(account, op)(amount)
        print(f"{op} {amount} for {account.owner}: balance {account.balance:.2f}")
    except InsufficientFunds as exc:
        print(f"DECLINED: {exc} (short by {exc.shortfall:.2f})")
    except InvalidAmount as exc:
        print(f"INVALID: {exc} | also a ValueError: {isinstance(exc, ValueError)}")
    except BankError as exc:
        print(f"{type(exc).__name__}: {exc}")

for acct in (alice, bob):
    print(acct.owner, round(acct.balance, 2), acct.history)
print([cls.__name__ for cls in InvalidAmount.__mro__])
