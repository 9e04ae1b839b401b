"""Walk deeply nested structures and protect against runaway recursion."""
import sys


def depth(node):
    if not isinstance(node, list) or not node:
        return 0
    return 1 + max(depth(child) for child in node)


def nest(levels):
    root = []
    current = root
    for _ in range(levels):
        child = []
        current.append(child)
        current = child
    return root


def countdown(n):
    return 0 if n == 0 else 1 + countdown(n - 1)


print("depth of [[1], [[2]], []]:", depth([[1], [[2]], []]))
print("depth of 50 levels:", depth(nest(50)))

old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
print("limit set to", sys.getrecursionlimit())
try:
    countdown(10_000)
except RecursionError as exc:
    print("RecursionError caught:", type(exc).__name__)
    print("is a RuntimeError:", isinstance(exc, RuntimeError))
print("small recursion still works:", countdown(50))
sys.setrecursionlimit(old)


def safe_countdown(n):
    try:
        return countdown(n)
    except RuntimeError as exc:
        return f"gave up ({exc.__class__.__name__})"


print(safe_countdown(100))
print(safe_countdown(1_000_000))
print("RecursionError bases:", [c.__name__ for c in RecursionError.__mro__])


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


print("ackermann(2, 3) =", ackermann(2, 3))
