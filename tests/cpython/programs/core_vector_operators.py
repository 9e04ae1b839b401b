"""A 2D vector class with operator overloading, used to simulate projectile motion."""
import math


class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x=0.0, y=0.0):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Vector({self.x!r}, {self.y!r})"

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        if isinstance(k, Vector):
            return self.x * k.x + self.y * k.y  # dot product
        return Vector(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __truediv__(self, k):
        return Vector(self.x / k, self.y / k)

    def __neg__(self):
        return Vector(-self.x, -self.y)

    def __abs__(self):
        return math.hypot(self.x, self.y)

    def __eq__(self, other):
        return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __bool__(self):
        return bool(self.x or self.y)

    def __iter__(self):
        yield self.x
        yield self.y

    def __format__(self, spec):
        return f"({format(self.x, spec)}, {format(self.y, spec)})"


a, b = Vector(3, 4), Vector(1, -2)
print(a + b, a - b, a * 2, 3 * b, -a, a / 2)
print("dot:", a * b, "| length:", abs(a))
print("equal:", a == Vector(3, 4), a != b, "| truthy:", bool(Vector()), bool(b))
print("unpacked:", [*a], dict(zip("xy", b)))
print("in a set:", len({a, Vector(3, 4), b}))
print(f"formatted: {a + b:.2f}")

position = Vector(0.0, 0.0)
velocity = Vector(12.0, 15.0)
gravity = Vector(0.0, -9.81)
dt = 0.25
t = 0.0
print(f"{'t':>5} {'position':>22} {'speed':>7}")
while position.y >= 0:
    print(f"{t:5.2f} {position:>10.3f} {abs(velocity):7.3f}")
    position = position + velocity * dt
    velocity = velocity + gravity * dt
    t += dt
print(f"landed after ~{t:.2f}s at x={position.x:.2f}")
try:
    a + 5
except AttributeError as exc:
    print("AttributeError:", exc)
