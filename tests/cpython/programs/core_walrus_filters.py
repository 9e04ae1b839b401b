"""Filter and transform sensor data with assignment expressions (the walrus operator)."""
import re

readings = ["12.5", "n/a", "13.9", "", "99.1", "14.2", "-3", "error:42", "15.0"]


def parse(value):
    try:
        return float(value)
    except ValueError:
        return None


valid = [v for raw in readings if (v := parse(raw)) is not None]
print("valid:", valid)

in_range = [(raw, v) for raw in readings if (v := parse(raw)) is not None and 0 <= v <= 50]
print("in range:", in_range)

data = iter(readings)
chunks = []
while (item := next(data, None)) is not None:
    if not item:
        print("  blank reading, stopping early")
        break
    chunks.append(item)
print("read before blank:", chunks)

pattern = re.compile(r"error:(\d+)")
for raw in readings:
    if (m := pattern.match(raw)) is not None:
        print("error code:", int(m.group(1)))

totals = []
running = 0
print("running sums:", [running := running + x for x in (1, 2, 3, 4, 5)], "final:", running)

if (n := len(valid)) > 5:
    print(f"plenty of data: {n} points, mean {sum(valid) / n:.3f}")

words = "the quick brown fox jumps over the lazy dog".split()
long_words = {w: length for w in words if (length := len(w)) > 4}
print(long_words)
print("last bound length:", length)


def first_duplicate(items):
    seen = set()
    return next((x for x in items if x in seen or seen.add(x)), None)


print("first duplicate word:", first_duplicate(words))
