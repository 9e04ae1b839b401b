# collections and collections.abc; dicts printed sorted (their order is the
# language-core issue's)
from collections import Counter, defaultdict, OrderedDict, ChainMap, namedtuple, deque
from collections.abc import Iterable, Mapping, Sequence, MutableMapping

c = Counter("abracadabra")
print(c.most_common(1), c["z"], c.total(), sorted(c.elements())[:4], sorted(c.items()))
print(sorted((c + Counter("aaz")).items()), sorted((c - Counter("aaaa")).items()))
print(sorted((c & Counter("ab")).items()), sorted((c | Counter("zzz")).items()))
print(Counter({"x": 3}), Counter(), dict(Counter(a=2)), Counter("aab") == Counter("aba"))
d = defaultdict(list)
d["x"].append(1)
d["x"].append(2)
print(d["x"], len(d), dict(d), defaultdict(int, {"k": 1}))
od = OrderedDict()
for k in "abc":
    od[k] = ord(k)
od.move_to_end("a")
print(list(od.items()), list(od))
od.move_to_end("c", last=False)
print(list(od.items()), od.popitem(last=False), od.popitem(), list(od.items()))
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), "b" in cm, cm.get("z", 0), cm.new_child({"c": 4})["c"])
P = namedtuple("P", "x y", defaults=[0])
p = P(1)
print(p, p.x, p.y, p._replace(y=5), sorted(p._asdict().items()), P._fields, p + p, type(p + p).__name__)
print(isinstance(p, tuple), P(y=2, x=3), P._make([7, 8]), p == (1, 0), p[0], sorted([P(3), P(1, 2)]))
x, y = p
print(x, y, hash(p) == hash((1, 0)))
try:
    P()
except TypeError as e:
    print("TypeError", e)
q = deque([1, 2, 3], maxlen=3)
q.append(4)
print(q, q[0], q[-1], len(q), q.maxlen)
q.appendleft(0)
print(q)
q.rotate(1)
print(q)
q.extendleft([9, 8])
print(q, q.popleft(), q.pop(), list(q))
d2 = deque()
for i in range(10):
    d2.append(i)
print([d2.popleft() for _ in range(5)], d2, 3 in d2, 7 in d2, deque(range(3)) == deque([0, 1, 2]))
d2.rotate(-2)
d2.appendleft(-1)
print(d2, d2.index(9), d2.count(5), list(reversed(d2)))
print(isinstance([], Iterable), isinstance({}, Mapping), isinstance("s", Sequence), isinstance(3, Iterable))


class MyMap(MutableMapping):
    def __init__(self):
        self._d = {}

    def __getitem__(self, k):
        return self._d[k]

    def __setitem__(self, k, v):
        self._d[k] = v

    def __delitem__(self, k):
        del self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


m = MyMap()
m["a"] = 1
m.update(b=2)
print(len(m), m.get("a"), "b" in m, sorted(m.items()), isinstance(m, Mapping), isinstance({}, MyMap))
