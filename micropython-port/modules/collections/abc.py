# collections.abc for mpwasm: the abstract base classes, with their mixin
# methods, and isinstance() of the built-in types through __subclasshook__
# (patch 0300). Written for mpwasm.

_gen = type((lambda: (yield))())
_dk = type({}.keys())
_dv = type({}.values())
_di = type({}.items())
_iters = (type(iter([])), type(iter(())), type(iter("")), type(iter({})), type(iter(range(0))), _gen,
          type(map(str, ())), type(zip()), type(enumerate(())), type(filter(None, ())), type(reversed([])))


def _has(C, *names):
    for n in names:
        if not hasattr(C, n):
            return False
    return True


def _hook(abc, builtins, names):
    def __subclasshook__(cls, C):
        if cls is not abc[0]:
            return NotImplemented
        for b in builtins:
            if C is b or issubclass(C, b):
                return True
        if names and _has(C, *names):
            return True
        return NotImplemented

    return classmethod(__subclasshook__)


def _abc(name, builtins, names, bases=(), ns=None):
    ref = [None]
    d = dict(ns or {})
    d["__subclasshook__"] = _hook(ref, builtins, names)
    cls = type(name, bases or (object,), d)
    ref[0] = cls
    return cls


_seq = (list, tuple, str, range, bytes, bytearray, memoryview)
_set = (set, frozenset, _dk, _di)
_map = (dict,)

def _closure():
    x = 0
    return lambda: x


class _M:
    def m(self):
        pass


# instances of these are unhashable; of any other built-in type hashable
_unhashable = (list, dict, set, bytearray, _dk, _di)
_callables = (type(_has), type(_closure()), type(_M().m), type(len), type(print), type(max), type([].append),
              type(str.join), type)


def _hashable_hook(cls, C):
    if cls is not Hashable:
        return NotImplemented
    for b in _unhashable:
        if C is b:
            return False
    # a class defining __eq__ but not __hash__ is unhashable (CPython sets
    # its __hash__ to None); the first class in the bases that says wins
    todo = [C]
    while todo:
        k = todo.pop(0)
        if k in _unhashable:
            return False
        d = getattr(k, "__dict__", None)
        if isinstance(d, dict):
            if "__hash__" in d:
                return d["__hash__"] is not None
            if "__eq__" in d:
                return False
        todo.extend(getattr(k, "__bases__", ()))
    return True


Hashable = type("Hashable", (object,), {"__subclasshook__": classmethod(_hashable_hook)})
Sized = _abc("Sized", _seq + _set + _map + (_dv,), ("__len__",))
Container = _abc("Container", _seq + _set + _map, ("__contains__",))
Iterable = _abc("Iterable", _seq + _set + _map + (_dv,) + _iters, ("__iter__",))
Iterator = _abc("Iterator", _iters, ("__iter__", "__next__"), (Iterable,),
                {"__iter__": lambda self: self})
Reversible = _abc("Reversible", (list, tuple, str, range, bytes, bytearray, dict), ("__reversed__", "__iter__"), (Iterable,))
Generator = _abc("Generator", (_gen,), ("send", "throw", "close", "__next__"), (Iterator,))
Callable = _abc("Callable", _callables, ("__call__",))
Awaitable = _abc("Awaitable", (), ("__await__",))
Coroutine = _abc("Coroutine", (), ("send", "throw", "close", "__await__"), (Awaitable,))
AsyncIterable = _abc("AsyncIterable", (), ("__aiter__",))
AsyncIterator = _abc("AsyncIterator", (), ("__aiter__", "__anext__"), (AsyncIterable,))
AsyncGenerator = _abc("AsyncGenerator", (), ("asend", "athrow", "aclose", "__anext__"), (AsyncIterator,))


class Collection(Sized, Iterable, Container):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Collection:
            for b in _seq + _set + _map + (_dv,):
                if C is b or issubclass(C, b):
                    return True
            if _has(C, "__len__", "__iter__", "__contains__"):
                return True
        return NotImplemented


class Sequence(Reversible, Collection):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sequence:
            for b in _seq:
                if C is b or issubclass(C, b):
                    return True
        return NotImplemented

    def __iter__(self):
        i = 0
        try:
            while True:
                v = self[i]
                yield v
                i += 1
        except IndexError:
            return

    def __contains__(self, value):
        for v in self:
            if v is value or v == value:
                return True
        return False

    def __reversed__(self):
        for i in range(len(self) - 1, -1, -1):
            yield self[i]

    def index(self, value, start=0, stop=None):
        if stop is None:
            stop = len(self)
        for i in range(start, stop):
            v = self[i]
            if v is value or v == value:
                return i
        raise ValueError

    def count(self, value):
        return sum(1 for v in self if v is value or v == value)


class MutableSequence(Sequence):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is MutableSequence:
            if C is list or C is bytearray or issubclass(C, list):
                return True
        return NotImplemented

    def append(self, value):
        self.insert(len(self), value)

    def clear(self):
        try:
            while True:
                self.pop()
        except IndexError:
            pass

    def reverse(self):
        n = len(self)
        for i in range(n // 2):
            self[i], self[n - i - 1] = self[n - i - 1], self[i]

    def extend(self, values):
        if values is self:
            values = list(values)
        for v in values:
            self.append(v)

    def pop(self, index=-1):
        v = self[index]
        del self[index]
        return v

    def remove(self, value):
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self


class ByteString(Sequence):
    pass


class Set(Collection):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Set:
            for b in _set:
                if C is b or issubclass(C, b):
                    return True
        return NotImplemented

    def __le__(self, other):
        if len(self) > len(other):
            return False
        for e in self:
            if e not in other:
                return False
        return True

    def __lt__(self, other):
        return len(self) < len(other) and self.__le__(other)

    def __gt__(self, other):
        return len(self) > len(other) and self.__ge__(other)

    def __ge__(self, other):
        if len(self) < len(other):
            return False
        for e in other:
            if e not in self:
                return False
        return True

    def __eq__(self, other):
        return len(self) == len(other) and self.__le__(other)

    @classmethod
    def _from_iterable(cls, it):
        return cls(it)

    def __and__(self, other):
        return self._from_iterable(v for v in other if v in self)

    def isdisjoint(self, other):
        for v in other:
            if v in self:
                return False
        return True

    def __or__(self, other):
        return self._from_iterable([e for e in self] + [e for e in other if e not in self])

    def __sub__(self, other):
        return self._from_iterable(v for v in self if v not in other)

    def __xor__(self, other):
        return (self - other) | (other - self) if isinstance(other, Set) else NotImplemented


class MutableSet(Set):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is MutableSet:
            if C is set or issubclass(C, set):
                return True
        return NotImplemented

    def remove(self, value):
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def pop(self):
        it = iter(self)
        try:
            value = next(it)
        except StopIteration:
            raise KeyError
        self.discard(value)
        return value

    def clear(self):
        try:
            while True:
                self.pop()
        except KeyError:
            pass

    def __ior__(self, it):
        for value in it:
            self.add(value)
        return self

    def __iand__(self, it):
        for value in [v for v in self if v not in it]:
            self.discard(value)
        return self

    def __isub__(self, it):
        for value in it:
            self.discard(value)
        return self


class Mapping(Collection):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Mapping:
            if C is dict or issubclass(C, dict):
                return True
        return NotImplemented

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        return True

    def keys(self):
        return KeysView(self)

    def items(self):
        return ItemsView(self)

    def values(self):
        return ValuesView(self)

    def __eq__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        return dict(self.items()) == dict(other.items())


class MutableMapping(Mapping):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is MutableMapping:
            if C is dict or issubclass(C, dict):
                return True
        return NotImplemented

    def pop(self, key, *default):
        try:
            value = self[key]
        except KeyError:
            if default:
                return default[0]
            raise
        del self[key]
        return value

    def popitem(self):
        try:
            key = next(iter(self))
        except StopIteration:
            raise KeyError
        value = self[key]
        del self[key]
        return key, value

    def clear(self):
        try:
            while True:
                self.popitem()
        except KeyError:
            pass

    def update(self, other=(), **kwds):
        if isinstance(other, Mapping) or hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default


class MappingView(Sized):
    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return type(self).__name__ + "(" + repr(self._mapping) + ")"


class KeysView(MappingView, Set):
    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        return iter(self._mapping)


class ItemsView(MappingView, Set):
    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, item):
        key, value = item
        try:
            v = self._mapping[key]
        except KeyError:
            return False
        return v is value or v == value

    def __iter__(self):
        for key in self._mapping:
            yield (key, self._mapping[key])


class ValuesView(MappingView, Collection):
    def __contains__(self, value):
        for key in self._mapping:
            v = self._mapping[key]
            if v is value or v == value:
                return True
        return False

    def __iter__(self):
        for key in self._mapping:
            yield self._mapping[key]
