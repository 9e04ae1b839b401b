"""Nested timing and logging blocks with contextlib.contextmanager and ExitStack (times not printed)."""
import time
from contextlib import contextmanager, ExitStack, suppress

events = []


@contextmanager
def timed(label):
    start = time.perf_counter()
    events.append(f"start {label}")
    try:
        yield
    except ValueError as exc:
        events.append(f"error in {label}: {exc}")
        raise
    finally:
        elapsed = time.perf_counter() - start
        events.append(f"end {label} (elapsed >= 0: {elapsed >= 0})")


@contextmanager
def indent_log(depth):
    events.append("  " * depth + f"> level {depth}")
    yield depth + 1
    events.append("  " * depth + f"< level {depth}")


with timed("outer"):
    with timed("inner"):
        sum(range(10000))
    with suppress(ValueError):
        with timed("failing"):
            raise ValueError("bad input")

with ExitStack() as stack:
    depth = 0
    for _ in range(3):
        depth = stack.enter_context(indent_log(depth))
    events.append("  " * depth + "work at the bottom")

with ExitStack() as stack:
    stack.callback(events.append, "cleanup A")
    stack.callback(events.append, "cleanup B")
    moved = stack.pop_all()
events.append("after with: callbacks were moved")
moved.close()

for e in events:
    print(e)


@contextmanager
def transaction(store):
    snapshot = dict(store)
    try:
        yield store
    except Exception:
        store.clear()
        store.update(snapshot)
        print("rolled back")
    else:
        print("committed")


data = {"x": 1}
with transaction(data) as d:
    d["y"] = 2
with transaction(data) as d:
    d["z"] = 3
    raise KeyError("oops")
print(data)
