"""Support-ticket triage with IntEnum priorities that compare and sort like ints."""
from enum import IntEnum, unique


@unique
class Priority(IntEnum):
    LOW = 1
    NORMAL = 2
    HIGH = 3
    URGENT = 4

    @classmethod
    def from_text(cls, text):
        return cls[text.strip().upper()]


tickets = [
    ("Printer jammed", "low"),
    ("Cannot log in", "high"),
    ("Site is down", "urgent"),
    ("Feature request", "normal"),
    ("Password reset", "HIGH"),
    ("Typo on homepage", " Low "),
]

queue = sorted(((Priority.from_text(p), title) for title, p in tickets), key=lambda t: (-t[0], t[1]))
for prio, title in queue:
    sla_hours = {Priority.URGENT: 1, Priority.HIGH: 4, Priority.NORMAL: 24}.get(prio, 72)
    print(f"[{prio.name:<6}] {title:<18} SLA {sla_hours:>2}h (int value {int(prio)})")

print("comparisons:", Priority.HIGH > Priority.NORMAL, Priority.LOW == 1, Priority.URGENT >= 4)
print("arithmetic:", Priority.HIGH + 1, Priority.URGENT - Priority.LOW, sum(Priority))
print("escalate:", Priority(min(Priority.HIGH + 1, max(Priority))))
print("str/repr/format:", str(Priority.HIGH), repr(Priority.HIGH), f"{Priority.HIGH}", format(Priority.LOW, "d"))
print("max/min:", max(Priority).name, min(Priority).name)
counts = {p: 0 for p in Priority}
for p, _ in queue:
    counts[p] += 1
print("counts:", {p.name: n for p, n in counts.items()})
print("as list index:", ["zero", "one", "two", "three", "four"][Priority.HIGH])
try:
    Priority.from_text("critical")
except KeyError as exc:
    print("unknown priority:", exc)
try:
    @unique
    class Bad(IntEnum):
        A = 1
        B = 1
except ValueError as exc:
    print("ValueError:", exc)
