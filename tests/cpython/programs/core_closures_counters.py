"""Rate limiters, counters and accumulators built from closures and nonlocal."""


def make_counter(start=0, step=1):
    count = start

    def counter():
        nonlocal count
        count += step
        return count

    def reset():
        nonlocal count
        count = start

    counter.reset = reset
    return counter


def make_rate_limiter(limit):
    calls = []

    def allow(timestamp):
        while calls and calls[0] <= timestamp - 10:
            calls.pop(0)
        if len(calls) < limit:
            calls.append(timestamp)
            return True
        return False

    return allow


def make_averager():
    total = 0.0
    n = 0

    def add(value):
        nonlocal total, n
        total += value
        n += 1
        return total / n

    return add


c = make_counter()
print([c() for _ in range(3)])
c.reset()
print(c(), c())
by_five = make_counter(100, 5)
print([by_five() for _ in range(4)])

limiter = make_rate_limiter(3)
for t in [0, 1, 2, 3, 9, 10, 11, 12, 25]:
    print(f"t={t:>2}: {'allowed' if limiter(t) else 'throttled'}")

avg = make_averager()
print([round(avg(v), 2) for v in (10, 20, 60, 10)])

multipliers = [lambda x, i=i: x * i for i in range(4)]
print("default-arg capture:", [m(10) for m in multipliers])
late = [lambda x: x * i for i in range(4)]
print("late binding:", [m(10) for m in late])

print("closure cells:", [cell.cell_contents for cell in c.__closure__ if isinstance(cell.cell_contents, int)])


def outer():
    message = "outer"

    def inner():
        return message

    message = "changed before call"
    return inner


print(outer()())

x = "global"


def scopes():
    x = "enclosing"

    def local():
        x = "local"
        return x

    def read():
        return x

    return local(), read(), globals()["x"]


print(scopes())
