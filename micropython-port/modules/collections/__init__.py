# collections for mpwasm: CPython 3.11's names over MicroPython's built-in
# module (reached as `ucollections`). Written for mpwasm.

from ucollections import OrderedDict as _OD

_nothing = object()


def _obj_repr(x):
    # repr of a class name the way CPython prints it inside another repr
    if isinstance(x, type):
        return "<class '" + x.__name__ + "'>"
    return repr(x)


class OrderedDict(_OD):
    def move_to_end(self, key, last=True):
        v = self.pop(key)
        if last:
            self[key] = v
            return
        rest = list(self.items())
        self.clear()
        self[key] = v
        for k, x in rest:
            self[k] = x

    def popitem(self, last=True):
        if not self:
            raise KeyError("dictionary is empty")
        if last:
            k = list(self.keys())[-1]
        else:
            k = next(iter(self))
        return k, self.pop(k)

    def copy(self):
        return type(self)(self.items())

    # a subclass of a built-in type prints with the built-in's print unless
    # it has its own __str__
    def __str__(self):
        return self.__repr__()

    def __repr__(self):
        # CPython 3.12's form, which MicroPython's own suite expects
        # (3.11 printed a list of pairs)
        return type(self).__name__ + "({" + ", ".join(repr(k) + ": " + repr(v) for k, v in self.items()) + "})"

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self.items()) == list(other.items())
        return dict(self.items()) == other

    def __ne__(self, other):
        return not self.__eq__(other)

    def __reversed__(self):
        return reversed(list(self.keys()))

    def __or__(self, other):
        r = self.copy()
        r.update(other)
        return r

    @classmethod
    def fromkeys(cls, keys, value=None):
        d = cls()
        for k in keys:
            d[k] = value
        return d


class defaultdict(dict):
    def __init__(self, default_factory=None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.default_factory = default_factory

    def __getitem__(self, key):
        try:
            return super().__getitem__(key)
        except KeyError:
            return self.__missing__(key)

    def __missing__(self, key):
        f = self.default_factory
        if f is None:
            raise KeyError(key)
        v = f()
        self[key] = v
        return v

    def copy(self):
        return defaultdict(self.default_factory, self)

    __copy__ = copy

    # a subclass of a built-in type prints with the built-in's print unless
    # it has its own __str__
    def __str__(self):
        return self.__repr__()

    def __repr__(self):
        f = self.default_factory
        fr = "None" if f is None else _obj_repr(f)
        return "defaultdict(" + fr + ", " + repr(dict(self)) + ")"

    def __or__(self, other):
        r = self.copy()
        r.update(other)
        return r


class Counter(dict):
    def __init__(self, iterable=None, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __getitem__(self, key):
        try:
            return super().__getitem__(key)
        except KeyError:
            return 0

    def __missing__(self, key):
        return 0

    def get(self, key, default=None):
        try:
            return super().__getitem__(key)
        except KeyError:
            return default

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        # equal counts keep insertion order (CPython's sort is stable; the
        # index in the key makes the order not depend on the sort's)
        items = list(self.items())
        order = sorted(range(len(items)), key=lambda i: (items[i][1], -i), reverse=True)
        items = [items[i] for i in order]
        if n is None:
            return items
        return items[:n]

    def elements(self):
        for k, c in self.items():
            for _ in range(c):
                yield k

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError("Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")

    def update(self, iterable=None, **kwds):
        if iterable is not None:
            get = super().get
            if isinstance(iterable, dict):
                for k, c in iterable.items():
                    self[k] = get(k, 0) + c
            else:
                for k in iterable:
                    self[k] = get(k, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, **kwds):
        if iterable is not None:
            get = super().get
            if isinstance(iterable, dict):
                for k, c in iterable.items():
                    self[k] = get(k, 0) - c
            else:
                for k in iterable:
                    self[k] = get(k, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return Counter(self)

    __copy__ = copy

    def __delitem__(self, key):
        if key in self:
            super().__delitem__(key)

    # a subclass of a built-in type prints with the built-in's print unless
    # it has its own __str__
    def __str__(self):
        return self.__repr__()

    def __repr__(self):
        if not self:
            return type(self).__name__ + "()"
        parts = []
        for k, v in self.most_common():
            parts.append(repr(k) + ": " + repr(v))
        return type(self).__name__ + "({" + ", ".join(parts) + "})"

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return dict.__eq__(dict(self), other) if isinstance(other, dict) else False
        for k in self:
            if self[k] != other[k]:
                return False
        for k in other:
            if self[k] != other[k]:
                return False
        return True

    def __ne__(self, other):
        return not self.__eq__(other)

    def _all(self, other, op, sym):
        # the rich comparisons of 3.10: a missing element counts as zero
        if not isinstance(other, Counter):
            raise TypeError("'" + sym + "' not supported between instances of '" + type(self).__name__
                            + "' and '" + type(other).__name__ + "'")
        for c in (self, other):
            for k in c:
                if not op(self[k], other[k]):
                    return False
        return True

    def __le__(self, other):
        return self._all(other, _le, "<=")

    def __ge__(self, other):
        return self._all(other, _ge, ">=")

    def __lt__(self, other):
        return self._all(other, _le, "<") and not self._all(other, _eq, "<")

    def __gt__(self, other):
        return self._all(other, _ge, ">") and not self._all(other, _eq, ">")

    def __add__(self, other):
        r = Counter()
        for k, c in self.items():
            n = c + other[k]
            if n > 0:
                r[k] = n
        for k, c in other.items():
            if k not in self and c > 0:
                r[k] = c
        return r

    def __sub__(self, other):
        r = Counter()
        for k, c in self.items():
            n = c - other[k]
            if n > 0:
                r[k] = n
        for k, c in other.items():
            if k not in self and c < 0:
                r[k] = 0 - c
        return r

    def __or__(self, other):
        r = Counter()
        for k, c in self.items():
            o = other[k]
            n = o if c < o else c
            if n > 0:
                r[k] = n
        for k, c in other.items():
            if k not in self and c > 0:
                r[k] = c
        return r

    def __and__(self, other):
        r = Counter()
        for k, c in self.items():
            o = other[k]
            n = c if c < o else o
            if n > 0:
                r[k] = n
        return r

    def __pos__(self):
        r = Counter()
        for k, c in self.items():
            if c > 0:
                r[k] = c
        return r

    def __neg__(self):
        r = Counter()
        for k, c in self.items():
            if c < 0:
                r[k] = 0 - c
        return r

    def __iadd__(self, other):
        for k, c in other.items():
            self[k] = self[k] + c
        return self._keep_positive()

    def __isub__(self, other):
        for k, c in other.items():
            self[k] = self[k] - c
        return self._keep_positive()

    def _keep_positive(self):
        for k in [k for k, c in self.items() if not c > 0]:
            del self[k]
        return self


def _le(a, b):
    return a <= b


def _ge(a, b):
    return a >= b


def _eq(a, b):
    return a == b


class ChainMap:
    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __getitem__(self, key):
        for m in self.maps:
            if key in m:
                return m[key]
        return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def get(self, key, default=None):
        for m in self.maps:
            if key in m:
                return m[key]
        return default

    def __contains__(self, key):
        for m in self.maps:
            if key in m:
                return True
        return False

    def _keys(self):
        seen = {}
        for m in reversed(self.maps):
            for k in m:
                seen[k] = None
        return list(seen)

    def __iter__(self):
        return iter(self._keys())

    def __len__(self):
        return len(self._keys())

    def __bool__(self):
        for m in self.maps:
            if m:
                return True
        return False

    def keys(self):
        return self._keys()

    def values(self):
        return [self[k] for k in self._keys()]

    def items(self):
        return [(k, self[k]) for k in self._keys()]

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError("Key not found in the first mapping: " + repr(key))

    def pop(self, key, *default):
        try:
            return self.maps[0].pop(key, *default)
        except KeyError:
            raise KeyError("Key not found in the first mapping: " + repr(key))

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def update(self, other=(), **kw):
        self.maps[0].update(other, **kw)

    def clear(self):
        self.maps[0].clear()

    def copy(self):
        return type(self)(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return type(self)(m, *self.maps)

    @property
    def parents(self):
        return type(self)(*self.maps[1:])

    def __eq__(self, other):
        return dict(self.items()) == dict(other.items()) if hasattr(other, "items") else False

    def __repr__(self):
        return type(self).__name__ + "(" + ", ".join(repr(m) for m in self.maps) + ")"


class deque:
    # Two lists back to back: `_l` holds the left part reversed, `_r` the
    # right part, so appends and pops at both ends are amortised O(1).
    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._l = []
        self._r = []
        self._maxlen = maxlen
        if iterable:
            self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def __len__(self):
        return len(self._l) + len(self._r)

    def __bool__(self):
        return bool(self._l) or bool(self._r)

    def _list(self):
        return self._l[::-1] + self._r

    def _set(self, items):
        self._l = []
        self._r = list(items)

    def append(self, x):
        m = self._maxlen
        if m is not None and len(self._l) + len(self._r) >= m:
            if m == 0:
                return
            self.popleft()
        self._r.append(x)

    def appendleft(self, x):
        m = self._maxlen
        if m is not None and len(self._l) + len(self._r) >= m:
            if m == 0:
                return
            self.pop()
        self._l.append(x)

    def pop(self):
        if not self._r:
            if not self._l:
                raise IndexError("pop from an empty deque")
            self._rebalance(len(self._l) // 2)
        return self._r.pop()

    def popleft(self):
        if not self._l:
            if not self._r:
                raise IndexError("pop from an empty deque")
            self._rebalance((len(self._r) + 1) // 2)
        return self._l.pop()

    def _rebalance(self, h):
        # One side ran empty: the first h items become the left side.
        items = self._l[::-1] + self._r
        self._l = items[:h][::-1]
        self._r = items[h:]

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def clear(self):
        self._l = []
        self._r = []

    def copy(self):
        return deque(self, self._maxlen)

    __copy__ = copy

    def count(self, x):
        return self._list().count(x)

    def index(self, x, start=0, stop=None):
        items = self._list()
        if stop is None:
            stop = len(items)
        for i in range(start, stop):
            if items[i] == x:
                return i
        raise ValueError(repr(x) + " is not in deque")

    def insert(self, i, x):
        if self._maxlen is not None and len(self) >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        items = self._list()
        items.insert(i, x)
        self._set(items)

    def remove(self, value):
        items = self._list()
        for i in range(len(items)):
            if items[i] == value:
                del items[i]
                self._set(items)
                return
        raise ValueError("deque.remove(x): x not in deque")

    def reverse(self):
        self._l, self._r = self._r, self._l

    def rotate(self, n=1):
        ln = len(self)
        if ln <= 1:
            return
        n %= ln
        if n == 0:
            return
        items = self._list()
        self._set(items[-n:] + items[:-n])

    def _index(self, i):
        n = len(self._l) + len(self._r)
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError("deque index out of range")
        return i

    def __getitem__(self, i):
        if isinstance(i, slice):
            raise TypeError("sequence index must be integer, not 'slice'")
        i = self._index(i)
        nl = len(self._l)
        if i < nl:
            return self._l[nl - 1 - i]
        return self._r[i - nl]

    def __setitem__(self, i, x):
        i = self._index(i)
        nl = len(self._l)
        if i < nl:
            self._l[nl - 1 - i] = x
        else:
            self._r[i - nl] = x

    def __delitem__(self, i):
        i = self._index(i)
        items = self._list()
        del items[i]
        self._set(items)

    def __iter__(self):
        return iter(self._l[::-1] + self._r)

    def __reversed__(self):
        return iter(self._r[::-1] + self._l)

    def __contains__(self, x):
        return x in self._l or x in self._r

    def __eq__(self, other):
        return isinstance(other, deque) and self._list() == other._list()

    def __ne__(self, other):
        return not self.__eq__(other)

    def __lt__(self, other):
        return self._list() < other._list()

    def __le__(self, other):
        return self._list() <= other._list()

    def __gt__(self, other):
        return self._list() > other._list()

    def __ge__(self, other):
        return self._list() >= other._list()

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "' + type(other).__name__ + '") to deque')
        return deque(self._list() + other._list(), self._maxlen)

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        return deque(self._list() * n, self._maxlen)

    def __repr__(self):
        r = "deque(" + repr(self._list())
        if self._maxlen is not None:
            r += ", maxlen=" + str(self._maxlen)
        return r + ")"

    __hash__ = None


from _ntuple import _NTBase, _setup_namedtuple, _KEYWORDS, _NamedTupleClass, _TypedDictClass


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    fields = [str(f) for f in field_names]
    if rename:
        seen = set()
        for i, f in enumerate(fields):
            if not f.isidentifier() or f.startswith("_") or f in seen or f in _KEYWORDS:
                fields[i] = "_" + str(i)
            seen.add(fields[i])
    for f in fields:
        # the names rename= made (_1, _2) are the allowed underscores
        if f.startswith("_") and not rename:
            raise ValueError("Field names cannot start with an underscore: " + repr(f))
    seen = set()
    for f in fields:
        if f in seen:
            raise ValueError("Encountered duplicate field name: " + repr(f))
        seen.add(f)
    dflt = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(fields):
            raise TypeError("Got more default values than field names")
        for f, d in zip(fields[len(fields) - len(defaults):], defaults):
            dflt[f] = d
    cls = type(typename, (_NTBase,), {})
    _setup_namedtuple(cls, tuple(fields), dflt)
    return cls
