"""An insertion-ordered cache with eviction, relying on dict ordering semantics."""


class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = {}
        self.evicted = []

    def get(self, key):
        if key not in self.data:
            return None
        value = self.data.pop(key)
        self.data[key] = value  # re-insert: now the most recent
        return value

    def put(self, key, value):
        if key in self.data:
            del self.data[key]
        elif len(self.data) >= self.capacity:
            oldest = next(iter(self.data))
            self.evicted.append(oldest)
            del self.data[oldest]
        self.data[key] = value

    def __repr__(self):
        return f"LRUCache({self.data})"


cache = LRUCache(3)
for key, value in [("a", 1), ("b", 2), ("c", 3)]:
    cache.put(key, value)
print(cache)
cache.get("a")
print("after get a:", cache)
cache.put("d", 4)
print("after put d:", cache, "evicted", cache.evicted)
cache.put("c", 30)
print("after update c:", cache)
cache.put("e", 5)
print("after put e:", cache, "evicted", cache.evicted)

d = {"x": 1, "y": 2, "z": 3}
d["x"] = 100
print("update keeps position:", d)
del d["x"]
d["x"] = 1
print("delete + reinsert moves to end:", d)
print("popitem removes last:", d.popitem(), d)
d.update({"w": 0, "y": 20})
print("update:", d)
print("setdefault:", d.setdefault("v", -1), d)
print("keys/values/items:", list(d.keys()), list(d.values()), list(d.items()))
print("reversed:", list(reversed(d)), list(reversed(d.items())))
print("first/last:", next(iter(d)), next(reversed(d)))
squares = {n: n * n for n in (5, 3, 9, 1)}
print("comprehension order:", squares)
print("sorted by value:", dict(sorted(squares.items(), key=lambda kv: kv[1])))
print("equality ignores order:", {"a": 1, "b": 2} == {"b": 2, "a": 1})
print("copy keeps order:", dict(squares), squares.copy())
for i in range(5):
    squares.pop(next(iter(squares)))
    squares[100 + i] = i
print("rolling:", squares)
