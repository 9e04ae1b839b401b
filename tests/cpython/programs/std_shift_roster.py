"""Build a fair two-week shift roster with itertools.cycle, datetime and Counter."""
from collections import Counter, defaultdict
from datetime import date, timedelta
from itertools import cycle, islice

staff = ["Ana", "Ben", "Cleo", "Dev", "Eli"]
shifts = ["early", "late", "night"]
start = date(2024, 9, 2)  # a Monday
days = [start + timedelta(days=i) for i in range(14)]

rotation = cycle(staff)
roster = {}
for day in days:
    needed = 2 if day.weekday() >= 5 else 3
    roster[day] = dict(zip(shifts, islice(rotation, needed)))

for day, assignment in roster.items():
    cells = "  ".join(f"{s}:{assignment.get(s, '-'):<5}" for s in shifts)
    print(f"{day:%a %d %b}  {cells}")

load = Counter(person for a in roster.values() for person in a.values())
print("shifts per person:", dict(sorted(load.items())))
nights = Counter(a["night"] for a in roster.values() if "night" in a)
print("nights:", dict(sorted(nights.items())))
by_person = defaultdict(list)
for day, a in roster.items():
    for shift, person in a.items():
        by_person[person].append((day, shift))
for person in staff:
    worked = by_person[person]
    back_to_back = sum(1 for (d1, s1), (d2, s2) in zip(worked, worked[1:]) if s1 == "night" and d2 - d1 == timedelta(days=1) and s2 == "early")
    print(f"{person:<5} first {worked[0][0]:%d %b} last {worked[-1][0]:%d %b} night->early violations: {back_to_back}")
weekend = [d for d in days if d.weekday() >= 5]
print("weekend days:", [f"{d:%a %d}" for d in weekend])
