"""A table-driven state machine for an order workflow, with a transition log."""

TRANSITIONS = {
    "created": {"pay": "paid", "cancel": "cancelled"},
    "paid": {"ship": "shipped", "refund": "refunded", "cancel": "refunded"},
    "shipped": {"deliver": "delivered", "lose": "lost"},
    "lost": {"refund": "refunded", "find": "shipped"},
    "delivered": {"return": "returned"},
    "returned": {"refund": "refunded"},
    "refunded": {},
    "cancelled": {},
}


class InvalidTransition(Exception):
    def __init__(self, state, event):
        allowed = ", ".join(TRANSITIONS[state]) or "nothing"
        super().__init__(f"cannot {event!r} when {state!r} (allowed: {allowed})")


class Order:
    def __init__(self, order_id):
        self.order_id = order_id
        self.state = "created"
        self.log = [("-", "created")]

    def fire(self, event):
        nxt = TRANSITIONS[self.state].get(event)
        if nxt is None:
            raise InvalidTransition(self.state, event)
        self.log.append((event, nxt))
        self.state = nxt
        return self

    @property
    def finished(self):
        return not TRANSITIONS[self.state]


scenarios = {
    "A-1": ["pay", "ship", "deliver"],
    "A-2": ["pay", "ship", "lose", "find", "deliver", "return", "refund"],
    "A-3": ["cancel", "pay"],
    "A-4": ["ship"],
    "A-5": ["pay", "refund", "ship"],
}

summary = {}
for order_id, events in scenarios.items():
    order = Order(order_id)
    for event in events:
        try:
            order.fire(event)
        except InvalidTransition as exc:
            print(f"{order_id}: {exc}")
            break
    path = " -> ".join(state for _, state in order.log)
    print(f"{order_id}: {path} [{'final' if order.finished else 'open'}]")
    summary[order.state] = summary.get(order.state, 0) + 1

print(summary)
reachable = set()
frontier = ["created"]
while frontier:
    state = frontier.pop()
    if state in reachable:
        continue
    reachable.add(state)
    frontier.extend(TRANSITIONS[state].values())
print("reachable:", sorted(reachable))
print("terminal:", [s for s, t in TRANSITIONS.items() if not t])
