"""Compute the next run times of cron-like schedules with datetime and itertools."""
from datetime import datetime, timedelta
from itertools import islice


def parse_field(text, low, high):
    values = set()
    for part in text.split(","):
        step = 1
        if "/" in part:
            part, step_text = part.split("/")
            step = int(step_text)
        if part == "*":
            start, end = low, high
        elif "-" in part:
            start, end = map(int, part.split("-"))
        else:
            start = end = int(part)
        values.update(range(start, end + 1, step))
    return values


def parse(expr):
    minute, hour, dom, month, dow = expr.split()
    return {
        "minute": parse_field(minute, 0, 59),
        "hour": parse_field(hour, 0, 23),
        "dom": parse_field(dom, 1, 31),
        "month": parse_field(month, 1, 12),
        "dow": parse_field(dow, 0, 6),  # 0 = Monday here
    }


def runs(expr, start):
    spec = parse(expr)
    day = start.date()
    while True:
        if day.day in spec["dom"] and day.month in spec["month"] and day.weekday() in spec["dow"]:
            for hour in sorted(spec["hour"]):
                for minute in sorted(spec["minute"]):
                    candidate = datetime(day.year, day.month, day.day, hour, minute)
                    if candidate > start:
                        yield candidate
        day += timedelta(days=1)


START = datetime(2024, 2, 27, 22, 47, 13)
schedules = {
    "every 15 min": "*/15 * * * *",
    "weekday mornings": "30 8 * * 0-4",
    "month end-ish": "0 0 28-31 * *",
    "leap day noon": "0 12 29 2 *",
    "twice hourly nights": "0,30 22-23 * * *",
}
for label, expr in schedules.items():
    upcoming = list(islice(runs(expr, START), 4))
    print(f"{label:<20} {expr:<18} " + ", ".join(t.strftime("%a %Y-%m-%d %H:%M") for t in upcoming))
print("parsed minute field:", sorted(parse_field("0-10/5,45", 0, 59)))
weekly = list(islice(runs("0 9 * * 0", START), 4))
gap = [b - a for a, b in zip(weekly, weekly[1:])]
print("weekly gaps:", [str(g) for g in gap])
