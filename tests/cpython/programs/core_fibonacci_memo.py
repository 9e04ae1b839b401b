"""Compare naive, memoised and iterative Fibonacci and count the calls each makes."""

calls = {"naive": 0, "memo": 0}


def fib_naive(n):
    calls["naive"] += 1
    return n if n < 2 else fib_naive(n - 1) + fib_naive(n - 2)


_cache = {}


def fib_memo(n):
    calls["memo"] += 1
    if n in _cache:
        return _cache[n]
    result = n if n < 2 else fib_memo(n - 1) + fib_memo(n - 2)
    _cache[n] = result
    return result


def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


for n in (10, 20, 25):
    calls["naive"] = calls["memo"] = 0
    _cache.clear()
    values = fib_naive(n), fib_memo(n), fib_iter(n)
    assert len(set(values)) == 1
    print(f"fib({n}) = {values[0]:>6}  naive calls: {calls['naive']:>7}  memo calls: {calls['memo']:>3}")

print("fib(100) =", fib_iter(100))
print("fib(300) digits:", len(str(fib_iter(300))))
print("first 15:", [fib_iter(i) for i in range(15)])
print("cache keys:", list(_cache)[:10])


def make_counter_memo(func):
    memo = {}

    def wrapper(*args):
        if args not in memo:
            memo[args] = func(*args)
        return memo[args]

    wrapper.memo = memo
    return wrapper


@make_counter_memo
def grid_paths(rows, cols):
    if rows == 1 or cols == 1:
        return 1
    return grid_paths(rows - 1, cols) + grid_paths(rows, cols - 1)


print("grid paths 10x10:", grid_paths(10, 10))
print("grid paths 16x16:", grid_paths(16, 16))
print("memo entries:", len(grid_paths.memo))
