"""Compute areas of shapes described by small classes, dispatching with match/case."""
import math


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Circle:
    __match_args__ = ("center", "radius")

    def __init__(self, center, radius):
        self.center = center
        self.radius = radius


class Rectangle:
    __match_args__ = ("top_left", "bottom_right")

    def __init__(self, top_left, bottom_right):
        self.top_left = top_left
        self.bottom_right = bottom_right


class Polygon:
    def __init__(self, *points):
        self.points = list(points)


def area(shape):
    match shape:
        case Circle(_, r) if r < 0:
            raise ValueError(f"negative radius: {r}")
        case Circle(center=Point(0, 0), radius=r):
            return ("circle at origin", math.pi * r * r)
        case Circle(_, r):
            return ("circle", math.pi * r ** 2)
        case Rectangle(Point(x1, y1), Point(x2, y2)):
            return ("rectangle", abs(x2 - x1) * abs(y2 - y1))
        case Polygon(points=[a, b, c]):
            s = abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2
            return ("triangle", s)
        case Polygon(points=pts) if len(pts) >= 4:
            total = 0
            for p, q in zip(pts, pts[1:] + pts[:1]):
                total += p.x * q.y - q.x * p.y
            return (f"{len(pts)}-gon", abs(total) / 2)
        case Point():
            return ("point", 0)
        case _:
            return ("unknown", None)


shapes = [
    Circle(Point(0, 0), 1),
    Circle(Point(2, 3), 2.5),
    Rectangle(Point(1, 1), Point(4, 5)),
    Polygon(Point(0, 0), Point(4, 0), Point(0, 3)),
    Polygon(Point(0, 0), Point(2, 0), Point(2, 2), Point(0, 2)),
    Point(7, 7),
    "not a shape",
    Circle(Point(1, 1), -2),
]

total = 0.0
for shape in shapes:
    try:
        kind, value = area(shape)
    except ValueError as exc:
        print(f"error: {exc}")
        continue
    if value is None:
        print(f"{kind:>18}: n/a")
    else:
        total += value
        print(f"{kind:>18}: {value:10.3f}")
print(f"{'total':>18}: {total:10.3f}")
