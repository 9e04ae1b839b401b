from dataclasses import dataclass
from collections import namedtuple

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

@dataclass
class Circle:
    center: Point
    radius: float

@dataclass
class Rect:
    w: float
    h: float

Pair = namedtuple("Pair", "left right")

def area(s):
    match s:
        case Circle(radius=r) if r < 0:
            raise ValueError("negative radius")
        case Circle(Point(0, 0), r):
            return f"centered circle {3.14159 * r * r:.2f}"
        case Circle(center=Point(x=cx), radius=r):
            return f"circle at x={cx} r={r}"
        case Rect(w, h) if w == h:
            return f"square {w * h}"
        case Rect(w=w, h=h):
            return f"rect {w * h}"
        case Pair(l, r):
            return f"pair {l}/{r}"
        case Point():
            return "a bare point"
    return "unknown"

for s in [Circle(Point(0, 0), 2), Circle(Point(3, 4), 1), Rect(2, 2), Rect(2, 5), Pair("a", "b"), Point(1, 1), 42]:
    print(area(s))
try:
    area(Circle(Point(0, 0), -1))
except ValueError as e:
    print("error:", e)

def kind(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(n):
            return f"int {n}"
        case float(f):
            return f"float {f}"
        case str(s) if s:
            return f"str {s}"
        case str():
            return "empty str"
        case list([1, *_]) | tuple((1, *_)):
            return "starts with 1"
        case list(items):
            return f"list {items}"
        case dict(d):
            return f"dict {d}"
        case set() | frozenset():
            return "a set"
        case bytes(b):
            return f"bytes {b}"
    return "?"

for v in [True, 3, 2.5, "hi", "", [1, 2], (1, 3), [2], {"a": 1}, {1}, frozenset(), b"x", None]:
    print(kind(v))

class MyInt(int):
    pass
match MyInt(7):
    case int(n):
        print("subclass of int matches itself", n)

class Lazy:
    @property
    def value(self):
        return 10
    def __getattr__(self, name):
        if name == "dynamic":
            return "dyn"
        raise AttributeError(name)
match Lazy():
    case Lazy(value=10, dynamic=d):
        print("property and __getattr__", d)
match Lazy():
    case Lazy(missing=_):
        print("wrong")
    case Lazy():
        print("missing attribute means no match")

class Bad:
    __match_args__ = ["x"]
for code in ["match 1:\n case int(1, 2): pass", "match Bad():\n case Bad(1): pass", "x = 5\nmatch 1:\n case x(): pass",
             "match Point(1, 2):\n case Point(1, 2, 3): pass", "match Point(1, 2):\n case Point(1, x=1): pass"]:
    try:
        exec(code, {"Bad": Bad, "Point": Point})
    except TypeError as e:
        print("TypeError:", e)
