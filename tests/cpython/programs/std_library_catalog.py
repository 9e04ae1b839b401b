"""A library catalogue with abstract media types, typed dataclasses and loan rules."""
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Dict, List, Optional


@dataclass
class Item(ABC):
    id: str
    title: str
    year: int

    @property
    @abstractmethod
    def loan_days(self) -> int: ...

    def label(self) -> str:
        return f"{type(self).__name__}:{self.id} {self.title} ({self.year})"


@dataclass
class Book(Item):
    author: str = "unknown"
    pages: int = 0

    @property
    def loan_days(self) -> int:
        return 21


@dataclass
class DVD(Item):
    minutes: int = 90

    @property
    def loan_days(self) -> int:
        return 7


@dataclass
class Loan:
    item: Item
    member: str
    start: date
    returned: Optional[date] = None

    @property
    def due(self) -> date:
        return self.start + timedelta(days=self.item.loan_days)

    def fine(self, today: date) -> float:
        end = self.returned or today
        late = (end - self.due).days
        return round(max(0, late) * (0.25 if isinstance(self.item, Book) else 1.0), 2)


@dataclass
class Library:
    items: Dict[str, Item] = field(default_factory=dict)
    loans: List[Loan] = field(default_factory=list)

    def add(self, *items: Item) -> None:
        for item in items:
            self.items[item.id] = item

    def lend(self, item_id: str, member: str, day: date) -> Loan:
        if any(l.item.id == item_id and l.returned is None for l in self.loans):
            raise RuntimeError(f"{item_id} is already on loan")
        loan = Loan(self.items[item_id], member, day)
        self.loans.append(loan)
        return loan


lib = Library()
lib.add(Book("B1", "Dune", 1965, "Frank Herbert", 412), Book("B2", "Emma", 1815, "Jane Austen"), DVD("D1", "Alien", 1979, 117))
l1 = lib.lend("B1", "mo", date(2024, 4, 1))
l2 = lib.lend("D1", "mo", date(2024, 4, 3))
l3 = lib.lend("B2", "jo", date(2024, 4, 10))
try:
    lib.lend("B1", "jo", date(2024, 4, 5))
except RuntimeError as exc:
    print("RuntimeError:", exc)
l2.returned = date(2024, 4, 14)
today = date(2024, 5, 2)
for loan in lib.loans:
    print(f"{loan.item.label():<32} {loan.member} due {loan.due} fine {loan.fine(today):.2f}")
print(lib.items["B1"])
try:
    Item("X", "abstract", 2000)
except TypeError as exc:
    print("TypeError:", exc)
print("fines per member:", {m: sum(l.fine(today) for l in lib.loans if l.member == m) for m in ("mo", "jo")})
