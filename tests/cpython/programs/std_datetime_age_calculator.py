"""Ages, birthdays and anniversaries with date arithmetic and replace()."""
from datetime import date, timedelta

TODAY = date(2024, 6, 15)

people = {
    "Amara": date(1990, 6, 15),
    "Bruno": date(1985, 12, 31),
    "Chen": date(2000, 2, 29),
    "Dalia": date(2010, 6, 16),
    "Emeka": date(1975, 1, 1),
}


def age(born, today=TODAY):
    years = today.year - born.year
    if (today.month, today.day) < (born.month, born.day):
        years -= 1
    return years


def next_birthday(born, today=TODAY):
    try:
        candidate = born.replace(year=today.year)
    except ValueError:  # 29 February in a non-leap year
        candidate = date(today.year, 3, 1)
    if candidate < today:
        try:
            candidate = born.replace(year=today.year + 1)
        except ValueError:
            candidate = date(today.year + 1, 3, 1)
    return candidate


for name, born in sorted(people.items(), key=lambda kv: kv[1]):
    nb = next_birthday(born)
    days = (nb - TODAY).days
    print(f"{name:<6} born {born:%d %b %Y} ({born:%A}) age {age(born):>2}, next birthday {nb.isoformat()} in {days:>3} days")

print("days alive (Amara):", (TODAY - people["Amara"]).days)
print("10000 days old on:", people["Chen"] + timedelta(days=10000))
print("ordinal:", TODAY.toordinal(), date.fromordinal(TODAY.toordinal() - 100))
print("iso:", TODAY.isoformat(), date.fromisoformat("2024-02-29"), TODAY.isocalendar())
print("isocalendar parts:", TODAY.isocalendar().week, TODAY.isocalendar()[0])
print("comparisons:", date(2024, 1, 1) < TODAY, max(people.values()), min(people, key=people.get))
print("timetuple yday:", TODAY.timetuple().tm_yday, "| weekday names:", [date(2024, 6, d).strftime("%a") for d in range(10, 17)])
print("date range:", date.min, date.max, timedelta.max.days)
try:
    date(2023, 2, 29)
except ValueError as exc:
    print("ValueError:", exc)
