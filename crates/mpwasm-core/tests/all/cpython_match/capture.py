import math

class Color:
    RED = "red"
    GREEN = "green"

class Cfg:
    class Mode:
        FAST = 1
        SLOW = 2

def value(x):
    match x:
        case Color.RED:
            return "stop"
        case Color.GREEN:
            return "go"
        case Cfg.Mode.FAST:
            return "fast"
        case math.pi:
            return "pi"
        case (other):
            return f"captured {other!r}"

for v in ["red", "green", 1, math.pi, 2, "blue"]:
    print(value(v))

def first(x):
    match x:
        case _:
            return "wildcard binds nothing"
print(first(5))
try:
    _
except NameError:
    print("_ is not bound")

def f(total):
    match total:
        case n if n < 0:
            kind = "negative"
        case n if n % 2 == 0:
            kind = "even"
        case n:
            kind = "odd"
    return kind, n
print(f(-3), f(4), f(7))
