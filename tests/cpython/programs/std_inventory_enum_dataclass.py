"""A small order system combining Enum states, dataclasses and JSON persistence."""
import json
from dataclasses import dataclass, field, asdict
from enum import Enum
from typing import List


class OrderState(str, Enum):
    NEW = "new"
    PAID = "paid"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"


ALLOWED = {
    OrderState.NEW: {OrderState.PAID, OrderState.CANCELLED},
    OrderState.PAID: {OrderState.SHIPPED, OrderState.CANCELLED},
    OrderState.SHIPPED: set(),
    OrderState.CANCELLED: set(),
}


@dataclass
class OrderLine:
    sku: str
    qty: int
    price_cents: int


@dataclass
class Order:
    id: int
    customer: str
    lines: List[OrderLine] = field(default_factory=list)
    state: OrderState = OrderState.NEW
    history: List[str] = field(default_factory=list)

    @property
    def total_cents(self) -> int:
        return sum(l.qty * l.price_cents for l in self.lines)

    def move(self, new_state: OrderState) -> None:
        if new_state not in ALLOWED[self.state]:
            raise ValueError(f"order {self.id}: {self.state.value} -> {new_state.value} not allowed")
        self.history.append(f"{self.state.value}->{new_state.value}")
        self.state = new_state


orders = [
    Order(1, "ana", [OrderLine("A", 2, 1999), OrderLine("B", 1, 4500)]),
    Order(2, "ben", [OrderLine("C", 10, 250)]),
    Order(3, "cho", []),
]
actions = [(1, OrderState.PAID), (1, OrderState.SHIPPED), (2, OrderState.SHIPPED), (2, OrderState.CANCELLED),
           (3, OrderState.PAID), (1, OrderState.CANCELLED)]
by_id = {o.id: o for o in orders}
for oid, state in actions:
    try:
        by_id[oid].move(state)
        print(f"order {oid} is now {by_id[oid].state.value}")
    except ValueError as exc:
        print("refused:", exc)

for o in orders:
    print(f"#{o.id} {o.customer:<4} {o.state.name:<9} {o.total_cents / 100:>7.2f} {o.history}")
saved = json.dumps([asdict(o) for o in orders])
print(saved)
restored = json.loads(saved)
print("restored states:", [OrderState(r["state"]) for r in restored])
print("revenue from shipped:", sum(o.total_cents for o in orders if o.state is OrderState.SHIPPED) / 100)
