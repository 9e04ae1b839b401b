"""Convert a flight itinerary between fixed-offset time zones with timezone and timedelta."""
from datetime import datetime, timezone, timedelta

UTC = timezone.utc
CET = timezone(timedelta(hours=1), "CET")
EST = timezone(timedelta(hours=-5), "EST")
IST = timezone(timedelta(hours=5, minutes=30), "IST")

legs = [
    ("FRA", "JFK", datetime(2024, 1, 20, 10, 35, tzinfo=CET), timedelta(hours=8, minutes=50), EST),
    ("JFK", "BOM", datetime(2024, 1, 21, 20, 15, tzinfo=EST), timedelta(hours=15, minutes=55), IST),
]

for origin, dest, depart, duration, dest_tz in legs:
    arrive_utc = depart.astimezone(UTC) + duration
    arrive_local = arrive_utc.astimezone(dest_tz)
    print(f"{origin} -> {dest}: depart {depart:%Y-%m-%d %H:%M %Z} ({depart.astimezone(UTC):%H:%M} UTC)")
    print(f"   arrive {arrive_local:%Y-%m-%d %H:%M %Z} (UTC{arrive_local:%z}), flight time {duration}")

total = sum((d for *_, d, _ in legs), timedelta())
print("total flight time:", total)
layover = legs[1][2] - (legs[0][2] + legs[0][3])
print("layover:", layover, "| in hours:", layover.total_seconds() / 3600)

stamp = datetime(2024, 1, 1, 0, 0, tzinfo=UTC)
for tz in (UTC, CET, EST, IST):
    local = stamp.astimezone(tz)
    print(f"{tz.tzname(None):>4} {local.isoformat()}  offset={local.utcoffset()}")
print("aware equality across zones:", stamp == stamp.astimezone(IST))
print("timestamp:", stamp.timestamp(), datetime.fromtimestamp(86400 * 365, tz=UTC))
naive = datetime(2024, 1, 1, 12, 0)
print("naive tzinfo:", naive.tzinfo, "| replace:", naive.replace(tzinfo=UTC).isoformat())
try:
    naive < stamp
except TypeError as exc:
    print("TypeError:", exc)
print("repr:", repr(UTC), repr(IST), str(timezone(timedelta(hours=-3, minutes=-30))))
