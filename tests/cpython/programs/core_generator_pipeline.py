"""Process a stream of sensor readings through a lazy generator pipeline."""

RAW = """\
# sensor,timestamp,value
temp,1,21.5
temp,2,21.7
humidity,2,40
temp,3,bad
temp,4,22.9
humidity,4,43
temp,5,35.0
temp,6,22.1
humidity,6,
temp,7,22.4
"""


def read_lines(text):
    for line in text.splitlines():
        yield line


def skip_comments(lines):
    return (line for line in lines if line and not line.startswith("#"))


def parse(lines):
    for line in lines:
        sensor, ts, value = line.split(",")
        try:
            yield sensor, int(ts), float(value)
        except ValueError:
            print(f"  (skipping unparsable value {value!r} at t={ts})")


def only(sensor, records):
    yield from (r for r in records if r[0] == sensor)


def moving_average(records, window):
    buf = []
    for sensor, ts, value in records:
        buf.append(value)
        if len(buf) > window:
            buf.pop(0)
        yield ts, value, sum(buf) / len(buf)


def flag_spikes(rows, threshold):
    for ts, value, avg in rows:
        yield ts, value, avg, abs(value - avg) > threshold


pipeline = flag_spikes(moving_average(only("temp", parse(skip_comments(read_lines(RAW)))), 3), 3.0)
print("pipeline is lazy:", type(pipeline).__name__)
for ts, value, avg, spike in pipeline:
    print(f"t={ts} value={value:5.1f} avg={avg:6.2f}{'  <-- spike' if spike else ''}")


def countdown(n):
    while n > 0:
        received = yield n
        n = n - 1 if received is None else received


gen = countdown(5)
print(next(gen), next(gen), gen.send(2), next(gen))
try:
    next(gen)
except StopIteration:
    print("countdown finished")


def take(n, iterable):
    for i, item in enumerate(iterable):
        if i >= n:
            return
        yield item


def naturals():
    n = 0
    while True:
        yield n
        n += 1


squares = (n * n for n in naturals() if n % 3 == 0)
print("first squares of multiples of 3:", list(take(6, squares)))
print("sum of a generator expression:", sum(x for x in range(101) if x % 2))
