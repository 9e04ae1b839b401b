from collections import deque, namedtuple

def shape(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one {a!r}"
        case [a, b]:
            return f"two {a!r} {b!r}"
        case (a, b, c):
            return f"three {a} {b} {c}"
        case [first, *middle, last]:
            return f"first {first} middle {middle} last {last}"
    return "no match"

for v in [[], [1], (1, 2), [1, 2, 3], (1, 2, 3, 4, 5), "ab", b"ab", bytearray(b"ab"), {1: 2}, range(2), deque([7, 8, 9]), 5, "x"]:
    print(repr(v), shape(v))

def nested(cmd):
    match cmd:
        case ("move", (x, y)):
            return f"move to {x},{y}"
        case ["draw", [*points]] if len(points) > 1:
            return f"draw {len(points)} points"
        case ["say", *_]:
            return "say something"
        case [*_, "end"]:
            return "ends with end"
        case a, b:
            return f"open pair {a} {b}"
        case a, *rest:
            return f"open star {a} {rest}"
    return "?"

for c in [("move", (1, 2)), ["draw", [(0, 0), (1, 1)]], ["draw", [(0, 0)]], ["say", 1, 2], [1, 2, "end"], (3, 4), [5, 6, 7], ("move", "xy"), ("move", [1, 2, 3])]:
    print(c, "->", nested(c))

P = namedtuple("P", "x y")
match P(1, 2):
    case (a, b):
        print("namedtuple as sequence", a, b)
match [1, [2, [3, [4]]]]:
    case [a, [b, [c, [d]]]]:
        print("deep", a + b + c + d)
match (1, 2):
    case [1, 2]:
        print("tuple matches list pattern")
match [1, 2]:
    case (1, 2):
        print("list matches tuple pattern")

from collections.abc import Sequence

class Window(Sequence):
    def __init__(self, data, start, stop):
        self.data, self.start, self.stop = data, start, stop
    def __len__(self):
        return self.stop - self.start
    def __getitem__(self, i):
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self.data[self.start + i]

class NotASequence:
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return i

for w in [Window("abcdef", 1, 3), Window([1, 2, 3, 4], 0, 4), NotASequence()]:
    match w:
        case [a, b]:
            print("window of two", a, b)
        case [a, *rest]:
            print("window", a, rest)
        case _:
            print("not matched as a sequence")
