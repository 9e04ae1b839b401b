"""A traffic-light controller driven by Enum states and a timing table."""
from enum import Enum, auto


class Light(Enum):
    RED = auto()
    RED_AMBER = auto()
    GREEN = auto()
    AMBER = auto()

    @property
    def next(self):
        members = list(Light)
        return members[(members.index(self) + 1) % len(members)]

    def can_go(self):
        return self is Light.GREEN


DURATION = {Light.RED: 30, Light.RED_AMBER: 3, Light.GREEN: 25, Light.AMBER: 4}

state = Light.RED
clock = 0
timeline = []
while clock < 120:
    timeline.append((clock, state))
    clock += DURATION[state]
    state = state.next

for t, s in timeline:
    print(f"t={t:>3}s {s.name:<10} go={s.can_go()}")

print(Light.GREEN, repr(Light.GREEN), Light.GREEN.value, Light.GREEN.name)
print("by value:", Light(2), "| by name:", Light["AMBER"])
print("members:", list(Light))
print("names:", [l.name for l in Light], "values:", [l.value for l in Light])
print("identity:", Light.RED is Light(1), Light.RED == 1, Light.RED in Light)
try:
    Light(9)
except ValueError as exc:
    print("ValueError:", exc)
try:
    Light["BLUE"]
except KeyError as exc:
    print("KeyError:", exc)
green_time = sum(DURATION[s] for _, s in timeline if s is Light.GREEN)
print(f"green for {green_time}s of {clock}s")
print("dict keyed by enum:", {s.name: d for s, d in DURATION.items()})
print("__members__:", list(Light.__members__))
print("type:", type(Light.RED).__name__, isinstance(Light.RED, Light), len(Light))
