"""Generate monthly billing periods, pro-rate charges and show ISO week numbers."""
from datetime import date, timedelta
import calendar


def add_months(d, months):
    month_index = d.month - 1 + months
    year, month = d.year + month_index // 12, month_index % 12 + 1
    day = min(d.day, calendar.monthrange(year, month)[1])
    return d.replace(year=year, month=month, day=day)


def periods(start, count):
    for i in range(count):
        begin = add_months(start, i)
        end = add_months(start, i + 1) - timedelta(days=1)
        yield begin, end


MONTHLY_FEE = 29.00
signup = date(2024, 1, 31)
for begin, end in periods(signup, 6):
    days = (end - begin).days + 1
    print(f"{begin} .. {end}  {days:>2} days  week {begin.isocalendar().week:>2}-{end.isocalendar().week:>2}")

cancel = date(2024, 4, 10)
for begin, end in periods(signup, 6):
    if begin <= cancel <= end:
        used = (cancel - begin).days + 1
        total = (end - begin).days + 1
        print(f"cancel on {cancel}: charge {MONTHLY_FEE * used / total:.2f} of {MONTHLY_FEE:.2f} ({used}/{total} days)")

print("end of month dates:", [add_months(date(2024, 1, 31), m).isoformat() for m in range(0, 13, 3)])
print("quarter starts:", [date(2024, m, 1).strftime("%b") for m in range(1, 13, 3)])
d = date(2024, 12, 30)
print("ISO year differs:", d.isocalendar(), d.strftime("%G-W%V-%u"), date.fromisocalendar(2025, 1, 1))
first_mondays = []
for m in range(1, 13):
    first = date(2024, m, 1)
    first_mondays.append(first + timedelta(days=(7 - first.weekday()) % 7))
print("first Mondays:", [f"{x:%m-%d}" for x in first_mondays])
print("days until new year:", (date(2025, 1, 1) - date(2024, 3, 18)).days, "| week delta:", timedelta(weeks=2) + timedelta(days=3))
