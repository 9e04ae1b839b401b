"""Calendar arithmetic without the datetime module: leap years, day of week, date differences."""

MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year, month):
    return 29 if month == 2 and is_leap(year) else MONTH_DAYS[month - 1]


def day_number(year, month, day):
    """Days since 0001-01-01 (which is day 0, a Monday)."""
    y = year - 1
    days = y * 365 + y // 4 - y // 100 + y // 400
    days += sum(days_in_month(year, m) for m in range(1, month))
    return days + day - 1


def weekday(year, month, day):
    return WEEKDAYS[day_number(year, month, day) % 7]


def add_days(year, month, day, n):
    day += n
    while day > days_in_month(year, month):
        day -= days_in_month(year, month)
        month += 1
        if month > 12:
            month, year = 1, year + 1
    while day < 1:
        month -= 1
        if month < 1:
            month, year = 12, year - 1
        day += days_in_month(year, month)
    return year, month, day


def fmt(y, m, d):
    return f"{d:02d} {MONTHS[m - 1]} {y:04d} ({weekday(y, m, d)[:3]})"


print("leap years:", [y for y in range(1896, 1920) if is_leap(y)], is_leap(2000), is_leap(2100))
for date in [(1969, 7, 20), (2000, 1, 1), (2024, 2, 29), (2038, 1, 19)]:
    print(fmt(*date))
start = (2024, 1, 31)
for n in (1, 29, 30, 365, 366, -31, -366):
    print(f"{fmt(*start)} {n:+5d} days = {fmt(*add_days(*start, n))}")
a, b = (1990, 5, 17), (2024, 3, 1)
print("days between:", day_number(*b) - day_number(*a))
print("weeks and days:", divmod(day_number(*b) - day_number(*a), 7))
fridays = [(2024, m, 13) for m in range(1, 13) if weekday(2024, m, 13) == "Friday"]
print("Friday 13ths in 2024:", [MONTHS[m - 1] for _, m, _ in fridays])
print("days per month 2024:", dict(zip(MONTHS, (days_in_month(2024, m) for m in range(1, 13)))))
