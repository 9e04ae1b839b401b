"""Moving averages, undo history and round-robin scheduling with collections.deque."""
from collections import deque

prices = [101.2, 102.5, 99.8, 100.4, 104.9, 106.1, 105.3, 103.0, 108.7, 110.2]
window = deque(maxlen=3)
for day, price in enumerate(prices, 1):
    window.append(price)
    avg = sum(window) / len(window)
    print(f"day {day:>2}: {price:7.2f}  window={list(window)}  avg={avg:7.3f}")
print("maxlen:", window.maxlen)

history = deque(maxlen=5)
for action in ["type a", "type b", "bold", "type c", "italic", "delete", "type d"]:
    history.append(action)
print("undo history keeps the last 5:", history)
print("undo:", history.pop(), history.pop(), "| left:", list(history))

tasks = deque(["backup", "email", "report", "cleanup"])
order = []
for _ in range(6):
    task = tasks.popleft()
    order.append(task)
    tasks.append(task)
print("round robin:", order)

d = deque()
d.append(1)
d.appendleft(0)
d.extend([2, 3, 4])
d.extendleft([-1, -2])
print("deque:", d, "len", len(d), "| d[0] d[-1] d[3]:", d[0], d[-1], d[3])
d.rotate(2)
print("rotate(2):", d)
d.rotate(-3)
print("rotate(-3):", d)
print("count/index:", d.count(3), d.index(3))
d.remove(3)
d.insert(1, 99)
d.reverse()
print("after remove/insert/reverse:", d)
print("in:", 99 in d, "| list:", list(d), "| bool(empty):", bool(deque()))
try:
    deque().pop()
except IndexError as exc:
    print("IndexError:", exc)
print("clear:", (d.clear(), d)[1], "| repr maxlen:", deque([1, 2, 3], maxlen=2))
