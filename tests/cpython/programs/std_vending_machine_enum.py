"""A vending machine state machine using Enum states and match statements on events."""
from enum import Enum, auto


class State(Enum):
    IDLE = auto()
    HAS_MONEY = auto()
    DISPENSING = auto()
    OUT_OF_SERVICE = auto()


PRICES = {"A1": 150, "A2": 200, "B1": 95}
stock = {"A1": 2, "A2": 0, "B1": 5}
state = State.IDLE
credit = 0
log = []


def handle(event):
    global state, credit
    match (state, event):
        case (State.OUT_OF_SERVICE, ("service",)):
            state = State.IDLE
            return "back in service"
        case (State.OUT_OF_SERVICE, _):
            return "out of service"
        case (_, ("coin", int(cents))) if cents in (5, 10, 20, 50, 100, 200):
            credit += cents
            state = State.HAS_MONEY
            return f"credit {credit}"
        case (_, ("coin", cents)):
            return f"rejected coin {cents}"
        case (State.HAS_MONEY, ("select", code)) if code not in PRICES:
            return f"unknown item {code}"
        case (State.HAS_MONEY, ("select", code)) if stock[code] == 0:
            return f"{code} sold out"
        case (State.HAS_MONEY, ("select", code)) if credit < PRICES[code]:
            return f"insert {PRICES[code] - credit} more for {code}"
        case (State.HAS_MONEY, ("select", code)):
            state = State.DISPENSING
            stock[code] -= 1
            change, credit = credit - PRICES[code], 0
            state = State.IDLE
            return f"dispensed {code}, change {change}"
        case (State.IDLE, ("select", _)):
            return "insert money first"
        case (_, ("refund",)):
            refunded, credit = credit, 0
            state = State.IDLE
            return f"refunded {refunded}"
        case (_, ("break",)):
            state = State.OUT_OF_SERVICE
            return "machine broke"
        case _:
            return f"ignored {event}"


events = [("select", "A1"), ("coin", 100), ("coin", 3), ("select", "A1"), ("coin", 50), ("select", "A1"),
          ("coin", 200), ("select", "A2"), ("select", "C9"), ("select", "B1"), ("coin", 100), ("refund",),
          ("break",), ("coin", 100), ("service",), ("dance",)]
for event in events:
    before = state
    message = handle(event)
    log.append(state)
    print(f"{before.name:<14} {str(event):<16} -> {state.name:<14} {message}")
print("stock:", stock, "| credit:", credit)
print("states visited:", sorted({s.name for s in log}))
