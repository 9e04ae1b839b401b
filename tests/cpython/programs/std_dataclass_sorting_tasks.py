"""A task board using dataclass(order=True) with sort keys and excluded fields."""
from dataclasses import dataclass, field


@dataclass(order=True)
class Task:
    sort_index: tuple = field(init=False, repr=False)
    priority: int
    due_day: int
    title: str = field(compare=False)
    done: bool = field(default=False, compare=False)
    assignee: str = field(default="unassigned", compare=False)

    def __post_init__(self):
        self.sort_index = (-self.priority, self.due_day)


tasks = [
    Task(2, 5, "Write release notes"),
    Task(5, 1, "Fix production outage", assignee="sam"),
    Task(3, 3, "Review pull requests", assignee="lee"),
    Task(5, 2, "Rotate credentials"),
    Task(1, 10, "Update wiki"),
    Task(3, 1, "Plan sprint", assignee="lee"),
]

print("by priority then due day:")
for t in sorted(tasks):
    print(f"  P{t.priority} day {t.due_day:>2}  {t.title:<24} @{t.assignee}")

tasks[1].done = True
pending = [t for t in sorted(tasks) if not t.done]
print("next up:", pending[0])
print("equal ignoring title:", Task(1, 1, "a") == Task(1, 1, "b"), Task(1, 1, "a") < Task(2, 1, "a"))
workload = {}
for t in tasks:
    workload.setdefault(t.assignee, []).append(t.title)
print(workload)
print("max/min:", max(tasks).title, "|", min(tasks).title)
print(sorted(tasks, key=lambda t: t.title)[0])
