"""Geometry and CSV rows with collections.namedtuple: defaults, _replace, _asdict, _make."""
from collections import namedtuple
import math

Point = namedtuple("Point", ["x", "y"])
Point3 = namedtuple("Point3", "x y z", defaults=[0.0])
Employee = namedtuple("Employee", "name dept salary", defaults=("unknown", 0))


def distance(p, q):
    return math.hypot(q.x - p.x, q.y - p.y)


a, b = Point(0, 0), Point(3, 4)
print(a, b, distance(a, b))
print("fields:", Point._fields, "| defaults:", Point3._field_defaults)
print("indexing:", b[0], b[-1], "| attribute:", b.x, "| unpack:", [*b])
print("replace:", b._replace(y=10), "| original:", b)
print("asdict:", b._asdict())
print("make:", Point._make([7, 8]), Point3(1, 2))
print("equals tuple:", Point(1, 2) == (1, 2), "| hashable:", len({Point(1, 2), Point(1, 2)}))

polygon = [Point(0, 0), Point(4, 0), Point(4, 3), Point(0, 3)]
perimeter = sum(distance(p, q) for p, q in zip(polygon, polygon[1:] + polygon[:1]))
print("perimeter:", perimeter, "| centroid:", Point(sum(p.x for p in polygon) / 4, sum(p.y for p in polygon) / 4))

rows = ["Ada,eng,120000", "Grace,eng", "Linus"]
staff = [Employee._make(r.split(",")) if r.count(",") == 2 else Employee(*r.split(",")) for r in rows]
for e in staff:
    print(e)
print("sorted by name desc:", [e.name for e in sorted(staff, key=lambda e: e.name, reverse=True)])
try:
    Point(1)
except TypeError as exc:
    print("TypeError:", exc)
try:
    b.x = 5
except AttributeError as exc:
    print("AttributeError:", exc)
Pixel = namedtuple("Pixel", "x y class_", rename=False)
print(Pixel(1, 2, "sky"), namedtuple("Bad", ["ok", "def", "ok"], rename=True)._fields)
