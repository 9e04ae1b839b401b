"""Import a CSV of flights into namedtuples, convert types and answer queries."""
import csv
import io
from collections import namedtuple, defaultdict
from datetime import datetime

RAW = """flight,origin,destination,departure,duration_min,seats_sold,capacity
KL1001,AMS,LHR,2024-06-01 07:05,75,160,189
BA432,LHR,AMS,2024-06-01 09:40,70,121,180
KL1003,AMS,LHR,2024-06-01 12:10,75,189,189
AF1241,CDG,AMS,2024-06-01 13:30,80,98,150
KL1245,AMS,CDG,2024-06-01 16:55,85,143,150
BA436,LHR,AMS,2024-06-01 18:20,70,176,180
"""

reader = csv.reader(io.StringIO(RAW))
Flight = namedtuple("Flight", next(reader))
flights = []
for row in map(Flight._make, reader):
    flights.append(row._replace(
        departure=datetime.strptime(row.departure, "%Y-%m-%d %H:%M"),
        duration_min=int(row.duration_min), seats_sold=int(row.seats_sold), capacity=int(row.capacity),
    ))

print("fields:", Flight._fields)
print(flights[0])
for f in flights:
    load = f.seats_sold / f.capacity
    print(f"{f.flight:<7} {f.origin}->{f.destination} {f.departure:%H:%M} {f.duration_min:>3}min load {load:6.1%}{' FULL' if load == 1 else ''}")
routes = defaultdict(list)
for f in flights:
    routes[(f.origin, f.destination)].append(f.flight)
print("routes:", dict(routes))
print("busiest:", max(flights, key=lambda f: f.seats_sold).flight, "| emptiest:", min(flights, key=lambda f: f.seats_sold / f.capacity).flight)
print("as dicts:", [f._asdict()["flight"] for f in flights if f.origin == "AMS"])
print("total passengers:", sum(f.seats_sold for f in flights), "| mean duration:", sum(f.duration_min for f in flights) / len(flights))
