from collections import OrderedDict, defaultdict, Counter

def handle(msg):
    match msg:
        case {"type": "user", "name": str(name), "age": int(age)} if age >= 18:
            return f"adult {name}"
        case {"type": "user", "name": name}:
            return f"user {name}"
        case {"type": "error", "code": 404 | 410 as code}:
            return f"gone {code}"
        case {"type": "batch", "items": [*items]}:
            return f"batch of {len(items)}"
        case {"type": kind, **rest} if rest:
            return f"{kind} with {sorted(rest)}"
        case {"type": kind}:
            return f"bare {kind}"
        case {}:
            return "some mapping"
    return "not a mapping"

for m in [
    {"type": "user", "name": "ann", "age": 30},
    {"type": "user", "name": "bob", "age": 12},
    {"type": "user", "name": "cy"},
    {"type": "error", "code": 410},
    {"type": "error", "code": 500},
    {"type": "batch", "items": [1, 2, 3]},
    {"type": "batch", "items": "abc"},
    {"type": "ping"},
    {"name": "nobody"},
    OrderedDict(type="od", x=1),
    defaultdict(int, type="dd"),
    Counter("aab"),
    [("type", "user")],
    "type",
]:
    print(handle(m))

d = defaultdict(list)
match d:
    case {"missing": _}:
        print("found")
    case _:
        print("no key, and no default made:", dict(d))

match {"a": 1, "b": 2, "c": 3}:
    case {"a": 1, **rest}:
        print("rest", rest)

KEY = "k"
class K:
    KEY = "k"
match {"k": "v"}:
    case {K.KEY: v}:
        print("value key", v)
match {1: "one", None: "none", True: "t"}:
    case {1: a, None: b}:
        print(a, b)

from collections import ChainMap
from collections.abc import Mapping

class Config(Mapping):
    def __init__(self, **kw):
        self._d = kw
    def __getitem__(self, k):
        return self._d[k]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)

for m in [ChainMap({"debug": True}, {"level": 3}), Config(level=5, name="x"), Config(name="y")]:
    match m:
        case {"debug": True, "level": lvl}:
            print("debug chain, level", lvl)
        case {"level": lvl, **others}:
            print("level", lvl, "others", others)
        case {}:
            print("mapping without level:", dict(m))
