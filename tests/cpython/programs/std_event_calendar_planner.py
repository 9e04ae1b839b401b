"""Plan recurring events: nth weekday of the month, month grids and ISO weeks."""
import calendar
from datetime import date, timedelta
from itertools import groupby


def nth_weekday(year, month, weekday, n):
    """n-th (1-based, or -1 for last) weekday of a month."""
    days = [d for d in calendar.Calendar().itermonthdates(year, month) if d.month == month and d.weekday() == weekday]
    return days[n - 1] if n > 0 else days[n]


meetups = [nth_weekday(2024, m, calendar.TUESDAY, 2) for m in range(1, 13)]
print("second Tuesdays:", [d.strftime("%b %d") for d in meetups])
print("last Fridays:", [nth_weekday(2024, m, calendar.FRIDAY, -1).day for m in range(1, 13)])
thanksgiving = nth_weekday(2024, 11, calendar.THURSDAY, 4)
print("US Thanksgiving 2024:", thanksgiving, thanksgiving.strftime("%A"))

events = {date(2024, 7, 4): "holiday", date(2024, 7, 9): "meetup", date(2024, 7, 22): "release", date(2024, 7, 31): "review"}
cal = calendar.Calendar(firstweekday=0)
print("July 2024")
print("Mo Tu We Th Fr Sa Su")
for week in cal.monthdatescalendar(2024, 7):
    cells = []
    for d in week:
        if d.month != 7:
            cells.append("  ")
        else:
            cells.append(f"{d.day:>2}" if d not in events else " *")
    print(" ".join(cells))
for d, what in events.items():
    print(f"  * {d:%a %d}: {what}")

sprint_start = date(2024, 1, 8)
sprints = [(sprint_start + timedelta(weeks=2 * i), sprint_start + timedelta(weeks=2 * i, days=11)) for i in range(6)]
for number, (start, end) in enumerate(sprints, 1):
    print(f"sprint {number}: {start} .. {end} (ISO weeks {start.isocalendar().week}-{end.isocalendar().week})")
by_month = groupby(sprints, key=lambda s: s[0].strftime("%B"))
print("sprints starting per month:", {month: len(list(g)) for month, g in by_month})
print("week header:", calendar.weekheader(3), "| firstweekday:", cal.getfirstweekday())
print("year days:", sum(calendar.monthrange(2024, m)[1] for m in range(1, 13)), "| weekday of Jan 1 2025:", calendar.day_name[date(2025, 1, 1).weekday()])
