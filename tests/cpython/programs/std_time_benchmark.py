"""Benchmark two implementations with time.perf_counter, reporting only stable facts."""
import time


def concat_loop(n):
    s = ""
    for i in range(n):
        s += str(i)
    return s


def concat_join(n):
    return "".join(str(i) for i in range(n))


def timed(func, *args, repeat=3):
    best = float("inf")
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func(*args)
        elapsed = time.perf_counter() - start
        best = min(best, elapsed)
    return result, best


results = {}
for func in (concat_loop, concat_join):
    value, seconds = timed(func, 2000)
    results[func.__name__] = (len(value), seconds)
    print(f"{func.__name__}: produced {len(value)} chars, took a non-negative time: {seconds >= 0}")
print("same output:", concat_loop(500) == concat_join(500))

t0 = time.monotonic()
time.sleep(0.01)
t1 = time.monotonic()
print("monotonic advanced during sleep:", t1 - t0 > 0.005)
print("perf_counter_ns is an int:", isinstance(time.perf_counter_ns(), int))
now = time.time()
print("time() is after 2020:", now > 1577836800, "| type:", type(now).__name__)
print("gmtime(0):", time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(0)))
epoch = time.gmtime(86400 * 365.25 * 30)
print("gmtime fields:", epoch.tm_year, epoch.tm_mon, epoch.tm_mday, epoch.tm_wday, epoch.tm_yday)
print("gmtime(1700000000):", time.strftime("%a, %d %b %Y", time.gmtime(1700000000)))
struct = time.strptime("2024-03-15 08:30", "%Y-%m-%d %H:%M")
print("strptime:", struct.tm_year, struct.tm_hour, struct.tm_min, struct.tm_wday, struct.tm_yday)
deadline = time.monotonic() + 0.05
iterations = 0
while time.monotonic() < deadline:
    iterations += 1
print("busy loop ran at least once:", iterations > 0)
print("process_time non-negative:", time.process_time() >= 0)
