"""An LRU cache and a recently-used file list built on OrderedDict."""
from collections import OrderedDict


class LRU:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = OrderedDict()
        self.hits = self.misses = 0

    def get(self, key):
        if key in self.data:
            self.data.move_to_end(key)
            self.hits += 1
            return self.data[key]
        self.misses += 1
        return None

    def put(self, key, value):
        self.data[key] = value
        self.data.move_to_end(key)
        if len(self.data) > self.capacity:
            evicted = self.data.popitem(last=False)
            print(f"  evict {evicted}")


cache = LRU(3)
for op in ["put a 1", "put b 2", "get a", "put c 3", "put d 4", "get b", "get c", "put e 5", "get a"]:
    parts = op.split()
    if parts[0] == "put":
        cache.put(parts[1], int(parts[2]))
    else:
        print(f"  get {parts[1]} -> {cache.get(parts[1])}")
print("cache:", cache.data)
print(f"hits={cache.hits} misses={cache.misses}")

recent = OrderedDict.fromkeys(["report.docx", "budget.xlsx", "notes.txt"])
recent.move_to_end("report.docx")
recent.move_to_end("notes.txt", last=False)
recent["slides.pptx"] = None
print("recent files:", list(recent))
print("popitem last:", recent.popitem(), "| popitem first:", recent.popitem(last=False))
print("remaining:", recent)

a = OrderedDict([("x", 1), ("y", 2)])
b = OrderedDict([("y", 2), ("x", 1)])
print("order-sensitive equality:", a == b, "| vs dict:", a == dict(b), dict(a) == dict(b))
print("reversed:", list(reversed(a)), "| copy:", a.copy())
a.update(z=3)
print("update:", a, "| repr of empty:", OrderedDict())
try:
    a.move_to_end("missing")
except KeyError as exc:
    print("KeyError:", exc)
