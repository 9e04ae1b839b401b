"""Find free meeting slots in a working day from busy calendars using datetime and timedelta."""
from datetime import datetime, timedelta, time, date

DAY = date(2024, 3, 18)
WORK_START, WORK_END = time(9, 0), time(17, 30)
SLOT = timedelta(minutes=30)

busy = {
    "ana": [("09:00", "10:15"), ("12:00", "13:00"), ("15:30", "16:00")],
    "ben": [("09:30", "11:00"), ("13:30", "14:15")],
    "chloe": [("10:45", "11:30"), ("14:00", "15:00"), ("16:45", "17:30")],
}


def at(hhmm):
    return datetime.combine(DAY, datetime.strptime(hhmm, "%H:%M").time())


intervals = sorted((at(a), at(b)) for slots in busy.values() for a, b in slots)
merged = []
for start, end in intervals:
    if merged and start <= merged[-1][1]:
        merged[-1] = (merged[-1][0], max(merged[-1][1], end))
    else:
        merged.append((start, end))
print("busy (merged):", [f"{s:%H:%M}-{e:%H:%M}" for s, e in merged])

free = []
cursor = datetime.combine(DAY, WORK_START)
for start, end in merged + [(datetime.combine(DAY, WORK_END), None)]:
    if start - cursor >= SLOT:
        free.append((cursor, start))
    cursor = max(cursor, end) if end else cursor
for s, e in free:
    length = e - s
    print(f"free {s:%H:%M}-{e:%H:%M} ({length}, {length.total_seconds() / 60:.0f} min)")

first = free[0][0]
print("first meeting:", first.strftime("%A %d %B %Y at %H:%M"), "| ends", (first + SLOT).time())
print("isoformat:", first.isoformat(), (first + SLOT).isoformat(timespec="minutes"))
weekly = [first + timedelta(weeks=w) for w in range(4)]
print("weekly series:", [d.strftime("%Y-%m-%d") for d in weekly])
print("weekday:", first.weekday(), first.isoweekday(), first.strftime("%a %j %U"))
total_busy = sum((e - s for s, e in merged), timedelta())
print("total busy:", total_busy, "| ratio:", round(total_busy / (datetime.combine(DAY, WORK_END) - datetime.combine(DAY, WORK_START)), 3))
print("timedelta maths:", timedelta(hours=25, minutes=90), timedelta(days=-1, seconds=30), SLOT * 3, SLOT // 2, timedelta(hours=1) / SLOT)
