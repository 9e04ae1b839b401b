# enum
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self): return f"{self.name}={self.value}"
    @classmethod
    def default(cls): return cls.GREEN
print(Color.RED, repr(Color.RED), Color(2), Color["BLUE"], list(Color), len(Color), Color.RED in Color, Color.CRIMSON is Color.RED)
print(Color.RED.describe(), Color.default(), Color.RED == Color.RED, Color.RED != Color.GREEN, Color.RED == 1, isinstance(Color.RED, Color), type(Color.RED).__name__)
print({Color.RED: "r"}[Color.RED], [c.name for c in Color], f"{Color.RED}", Color.RED.name, Color.BLUE.value)
try: Color(9)
except ValueError as e: print("VE", e)
class P(IntEnum):
    LOW = 1
    HIGH = 3
print(P.LOW, repr(P.HIGH), P.HIGH > P.LOW, P.LOW + 1, P(3), P.HIGH == 3, sorted([P.HIGH, P.LOW]), int(P.HIGH), f"{P.LOW}")
class S(StrEnum):
    A = auto()
    B = "bee"
print(S.A, repr(S.A), S.B == "bee", S("bee"), f"{S.B}", S.A.upper())
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = Perm.R | Perm.W
print(Perm.R, repr(rw), Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X), list(Perm), rw.value)
class A(Enum):
    X = auto()
    Y = auto()
print(list(A), A.Y.value)
try:
    @unique
    class D(Enum):
        A = 1
        B = 1
except ValueError as e: print("unique", e)
class Status(str, Enum):
    OK = "ok"
    BAD = "bad"
print(Status.OK, Status("ok"), Status.OK == "ok", Status.OK.value)
Animal = Enum("Animal", "CAT DOG")
print(list(Animal), Animal.DOG.value)
