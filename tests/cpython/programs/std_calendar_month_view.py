"""Print month calendars and count working days with the calendar module."""
import calendar
from datetime import date

print(calendar.month(2024, 2))
cal = calendar.TextCalendar(firstweekday=calendar.SUNDAY)
print(cal.formatmonth(2024, 9))

print("leap years 2000-2030:", [y for y in range(2000, 2031) if calendar.isleap(y)])
print("leapdays 1900-2024:", calendar.leapdays(1900, 2024))
print("monthrange Feb 2024:", calendar.monthrange(2024, 2), "| Feb 2023:", calendar.monthrange(2023, 2))
print("weekday of 2024-07-04:", calendar.day_name[calendar.weekday(2024, 7, 4)])
print("month names:", list(calendar.month_name)[1:4], list(calendar.month_abbr)[-3:])
print("day abbreviations:", list(calendar.day_abbr))

HOLIDAYS = {date(2024, 5, 1), date(2024, 5, 9), date(2024, 5, 20)}


def working_days(year, month):
    days = 0
    for week in calendar.monthcalendar(year, month):
        for weekday, day in enumerate(week):
            if day and weekday < 5 and date(year, month, day) not in HOLIDAYS:
                days += 1
    return days


print("working days May 2024:", working_days(2024, 5))
print("working days per month:", {calendar.month_abbr[m]: working_days(2024, m) for m in range(1, 13)})
print("monthcalendar rows:", calendar.monthcalendar(2024, 3)[0], len(calendar.monthcalendar(2024, 3)))
last_fridays = [max(w[calendar.FRIDAY] for w in calendar.monthcalendar(2024, m)) for m in range(1, 7)]
print("last Fridays:", last_fridays)
print("constants:", calendar.MONDAY, calendar.SUNDAY)
