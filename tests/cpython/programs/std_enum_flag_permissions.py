"""File permissions as enum.Flag: combining, testing and describing flags."""
from enum import Flag, IntFlag, auto


class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXECUTE = auto()
    RW = READ | WRITE
    ALL = READ | WRITE | EXECUTE


class Mode(IntFlag):
    X = 1
    W = 2
    R = 4


users = {
    "owner": Perm.ALL,
    "group": Perm.READ | Perm.EXECUTE,
    "guest": Perm.READ,
    "nobody": Perm(0),
}

for who, perm in users.items():
    can = [p.name.lower() for p in (Perm.READ, Perm.WRITE, Perm.EXECUTE) if p in perm]
    print(f"{who:<7} {str(perm):<24} value={perm.value} can={can}")

p = Perm.READ | Perm.WRITE
print("combined:", p, p == Perm.RW, bool(Perm(0)), bool(p))
print("membership:", Perm.WRITE in p, Perm.EXECUTE in p)
print("remove write:", p & ~Perm.WRITE, "| toggle exec:", p ^ Perm.EXECUTE)
print("repr:", repr(Perm.READ | Perm.EXECUTE))
print("iteration:", list(Perm.ALL))
print("names:", Perm.RW.name, Perm.ALL.name)


def octal(owner, group, other):
    return "".join(str(int(Mode.R in m) * 4 + int(Mode.W in m) * 2 + int(Mode.X in m)) for m in (owner, group, other))


owner = Mode.R | Mode.W | Mode.X
group = Mode.R | Mode.X
other = Mode.R
print("chmod:", octal(owner, group, other), int(owner), owner == 7, Mode(6))
print("IntFlag arithmetic:", Mode.R + 1, Mode.R | 1, Mode(5) & Mode.R)


def symbolic(mode):
    return "".join(ch if flag in mode else "-" for ch, flag in (("r", Mode.R), ("w", Mode.W), ("x", Mode.X)))


print("ls -l style:", "".join(symbolic(m) for m in (owner, group, other)))
