"""Validate plugin return values against collections.abc interfaces and build a custom Mapping."""
from collections.abc import Iterable, Iterator, Mapping, MutableMapping, Sequence, Sized, Callable, Hashable, Set


class CaseInsensitiveDict(MutableMapping):
    def __init__(self, *args, **kwargs):
        self._data = {}
        self.update(*args, **kwargs)

    def __getitem__(self, key):
        return self._data[key.lower()][1]

    def __setitem__(self, key, value):
        self._data[key.lower()] = (key, value)

    def __delitem__(self, key):
        del self._data[key.lower()]

    def __iter__(self):
        return (original for original, _ in self._data.values())

    def __len__(self):
        return len(self._data)

    def __repr__(self):
        return f"CaseInsensitiveDict({dict(self.items())})"


headers = CaseInsensitiveDict({"Content-Type": "text/html"}, Accept="*/*")
headers["X-Request-ID"] = "abc123"
print(headers)
print(headers["content-type"], headers["ACCEPT"], "x-request-id" in headers)
headers["content-type"] = "application/json"
del headers["accept"]
print(dict(headers), len(headers), headers.get("missing", "-"))
print("keys/values:", list(headers.keys()), list(headers.values()))
print("setdefault/pop:", headers.setdefault("Cache-Control", "no-cache"), headers.pop("X-Request-ID"), list(headers))

values = {"list": [1, 2], "tuple": (1,), "str": "ab", "dict": {"a": 1}, "set": {1}, "gen": (x for x in []),
          "range": range(3), "int": 5, "func": len, "cid": headers}
checks = [Iterable, Iterator, Sequence, Mapping, MutableMapping, Set, Sized, Callable, Hashable]
print(f"{'':7}" + "".join(f"{c.__name__[:8]:>9}" for c in checks))
for name, value in values.items():
    print(f"{name:7}" + "".join(f"{'yes' if isinstance(value, c) else '-':>9}" for c in checks))
print("issubclass:", issubclass(list, Sequence), issubclass(dict, Sequence), issubclass(CaseInsensitiveDict, Mapping))
