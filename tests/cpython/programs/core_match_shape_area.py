"""Geometry helpers: areas and perimeters of shapes with class patterns."""
import math
from dataclasses import dataclass


@dataclass
class Point:
    x: float
    y: float


@dataclass
class Circle:
    center: Point
    radius: float


@dataclass
class Rectangle:
    top_left: Point
    width: float
    height: float


@dataclass
class Triangle:
    a: Point
    b: Point
    c: Point


class Polygon:
    __match_args__ = ("points",)

    def __init__(self, *points):
        self.points = list(points)


def distance(p: Point, q: Point) -> float:
    return math.hypot(p.x - q.x, p.y - q.y)


def area(shape) -> float:
    match shape:
        case Circle(radius=r) if r < 0:
            raise ValueError(f"radius must be non-negative, got {r}")
        case Circle(_, r):
            return math.pi * r ** 2
        case Rectangle(_, w, h):
            return w * h
        case Triangle(Point(x1, y1), Point(x2, y2), Point(x3, y3)):
            return abs((x1 * (y2 - y3) + x2 * (y3 - y1) + x3 * (y1 - y2)) / 2)
        case Polygon([_, _, _, *_] as pts):
            s = 0.0
            for p, q in zip(pts, pts[1:] + pts[:1]):
                s += p.x * q.y - q.x * p.y
            return abs(s) / 2
        case Polygon(pts):
            raise ValueError(f"a polygon needs 3 points, got {len(pts)}")
        case _:
            raise TypeError(f"not a shape: {shape!r}")


def perimeter(shape) -> float:
    match shape:
        case Circle(radius=r):
            return 2 * math.pi * r
        case Rectangle(width=w, height=h):
            return 2 * (w + h)
        case Triangle(a, b, c) | Polygon([a, b, c]):
            return distance(a, b) + distance(b, c) + distance(c, a)
        case Polygon(pts):
            return sum(distance(p, q) for p, q in zip(pts, pts[1:] + pts[:1]))
    return float("nan")


def describe(shape) -> str:
    match shape:
        case Rectangle(width=w, height=h) if w == h:
            return f"square of side {w}"
        case Rectangle():
            return "rectangle"
        case Circle(center=Point(0, 0)):
            return "circle at the origin"
        case Circle(center=Point(x=cx, y=cy)):
            return f"circle centred at ({cx}, {cy})"
        case _:
            return type(shape).__name__.lower()


shapes = [
    Circle(Point(0, 0), 1.5),
    Circle(Point(2, -1), 0.5),
    Rectangle(Point(0, 10), 4, 4),
    Rectangle(Point(1, 1), 3, 7.5),
    Triangle(Point(0, 0), Point(4, 0), Point(0, 3)),
    Polygon(Point(0, 0), Point(2, 0), Point(2, 2), Point(0, 2)),
    Polygon(Point(0, 0), Point(1, 0)),
    Circle(Point(0, 0), -2),
    "hexagon",
]

total = 0.0
for s in shapes:
    try:
        a = area(s)
    except (ValueError, TypeError) as e:
        print(f"{type(e).__name__}: {e}")
        continue
    total += a
    print(f"{describe(s):<28} area={a:8.3f} perimeter={perimeter(s):8.3f}")
print(f"total area: {total:.3f}")
