"""Dynamic programming with functools.lru_cache and functools.cache, with cache statistics."""
from functools import lru_cache, cache


@lru_cache(maxsize=None)
def edit_distance(a: str, b: str) -> int:
    if not a:
        return len(b)
    if not b:
        return len(a)
    if a[0] == b[0]:
        return edit_distance(a[1:], b[1:])
    return 1 + min(edit_distance(a[1:], b), edit_distance(a, b[1:]), edit_distance(a[1:], b[1:]))


@cache
def partitions(n: int, largest: int) -> int:
    if n == 0:
        return 1
    if n < 0 or largest == 0:
        return 0
    return partitions(n - largest, largest) + partitions(n, largest - 1)


@lru_cache(maxsize=4)
def slow_square(n):
    return n * n


for a, b in [("kitten", "sitting"), ("flaw", "lawn"), ("intention", "execution"), ("", "abc")]:
    print(f"edit_distance({a!r}, {b!r}) = {edit_distance(a, b)}")
info = edit_distance.cache_info()
print("cache info:", info)
print("hits > 0:", info.hits > 0, "| maxsize:", info.maxsize)

print("partitions:", [partitions(n, n) for n in range(1, 16)])
print("p(100) =", partitions(100, 100))

for n in [1, 2, 3, 1, 4, 5, 1, 2]:
    slow_square(n)
print("bounded cache:", slow_square.cache_info())
slow_square.cache_clear()
print("after clear:", slow_square.cache_info())
print("wrapped function:", slow_square.__wrapped__(9), slow_square.__name__)


@lru_cache(maxsize=128, typed=True)
def describe(x):
    return f"{type(x).__name__}:{x}"


print(describe(1), describe(1.0), describe(1), describe.cache_info().currsize)
