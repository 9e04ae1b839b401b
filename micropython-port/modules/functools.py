# functools for mpwasm: CPython 3.11's functions. Written for mpwasm.

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__", "__annotations__")
WRAPPER_UPDATES = ("__dict__",)

_initial_missing = object()


def reduce(function, iterable, initial=_initial_missing):
    it = iter(iterable)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value")
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class partial:
    def __init__(self, func, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial):
            args = func.args + args
            kw = dict(func.keywords)
            kw.update(keywords)
            keywords = kw
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        if self.keywords:
            kw = dict(self.keywords)
            kw.update(keywords)
        else:
            kw = keywords
        return self.func(*self.args, *args, **kw)

    def __get__(self, obj, objtype=None):
        return self

    def __repr__(self):
        parts = [repr(self.func)]
        for a in self.args:
            parts.append(repr(a))
        for k, v in self.keywords.items():
            parts.append(k + "=" + repr(v))
        return "functools.partial(" + ", ".join(parts) + ")"


class partialmethod:
    def __init__(self, func, *args, **keywords):
        self.func = func
        self.args = args
        self.keywords = keywords

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        return partial(self.func, obj, *self.args, **self.keywords)


def _set_attr(wrapper, name, value):
    try:
        setattr(wrapper, name, value)
    except (AttributeError, TypeError):
        pass


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            continue
        _set_attr(wrapper, attr, value)
    for attr in updated:
        try:
            d = getattr(wrapped, attr)
            getattr(wrapper, attr).update(d)
        except (AttributeError, TypeError):
            pass
    _set_attr(wrapper, "__wrapped__", wrapped)
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    def deco(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)

    return deco


class _CacheInfo(tuple):
    def __new__(cls, hits, misses, maxsize, currsize):
        return super().__new__(cls, (hits, misses, maxsize, currsize))

    hits = property(lambda self: self[0])
    misses = property(lambda self: self[1])
    maxsize = property(lambda self: self[2])
    currsize = property(lambda self: self[3])

    def __repr__(self):
        return "CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)" % tuple(self)

    def __str__(self):
        return self.__repr__()


_kwmark = object()


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key += (_kwmark,)
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in (int, str):
        return key[0]
    return key


class _lru_cache_wrapper:
    # The cache is a dict used in insertion order (the lru end is first):
    # a hit moves its key to the end by deleting and re-inserting it.
    def __init__(self, func, maxsize, typed):
        self.__wrapped__ = func
        self._maxsize = maxsize
        self._typed = typed
        self._cache = {}
        self._hits = 0
        self._misses = 0
        for attr in WRAPPER_ASSIGNMENTS:
            try:
                setattr(self, attr, getattr(func, attr))
            except AttributeError:
                pass

    def __call__(self, *args, **kwds):
        key = _make_key(args, kwds, self._typed)
        cache = self._cache
        try:
            result = cache[key]
        except KeyError:
            pass
        else:
            self._hits += 1
            if self._maxsize is not None:
                del cache[key]
                cache[key] = result
            return result
        self._misses += 1
        result = self.__wrapped__(*args, **kwds)
        m = self._maxsize
        if m is not None:
            if m <= 0:
                return result
            if key in cache:
                del cache[key]
            elif len(cache) >= m:
                del cache[next(iter(cache))]
        cache[key] = result
        return result

    def cache_info(self):
        return _CacheInfo(self._hits, self._misses, self._maxsize, len(self._cache))

    def cache_clear(self):
        self._cache = {}
        self._hits = 0
        self._misses = 0

    def cache_parameters(self):
        return {"maxsize": self._maxsize, "typed": self._typed}

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return partial(self, obj)


def lru_cache(maxsize=128, typed=False):
    if callable(maxsize) and not isinstance(maxsize, int):
        return _lru_cache_wrapper(maxsize, 128, False)
    if maxsize is not None:
        if not isinstance(maxsize, int):
            raise TypeError("Expected first argument to be an integer, a callable, or None")
        if maxsize < 0:
            maxsize = 0

    def decorating_function(user_function):
        return _lru_cache_wrapper(user_function, maxsize, typed)

    return decorating_function


def cache(user_function):
    return _lru_cache_wrapper(user_function, None, False)


def cmp_to_key(mycmp):
    class K:
        __slots__ = ["obj"]

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None

    return K


def total_ordering(cls):
    d = cls.__dict__
    roots = [op for op in ("__lt__", "__le__", "__gt__", "__ge__") if op in d]
    if not roots:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = roots[0]

    def _not(x):
        return x if x is NotImplemented else not x

    if root == "__lt__":
        ops = {
            "__gt__": lambda self, other: _and_not(_rev(self.__lt__, other), self == other),
            "__le__": lambda self, other: _or(self.__lt__(other), self == other),
            "__ge__": lambda self, other: _not(self.__lt__(other)),
        }
    elif root == "__le__":
        ops = {
            "__ge__": lambda self, other: _or(_not(self.__le__(other)), self == other),
            "__lt__": lambda self, other: _and_not(self.__le__(other), self == other),
            "__gt__": lambda self, other: _not(self.__le__(other)),
        }
    elif root == "__gt__":
        ops = {
            "__lt__": lambda self, other: _and_not(_not(self.__gt__(other)), self == other),
            "__ge__": lambda self, other: _or(self.__gt__(other), self == other),
            "__le__": lambda self, other: _not(self.__gt__(other)),
        }
    else:
        ops = {
            "__le__": lambda self, other: _or(_not(self.__ge__(other)), self == other),
            "__gt__": lambda self, other: _and_not(self.__ge__(other), self == other),
            "__lt__": lambda self, other: _not(self.__ge__(other)),
        }
    for name, fn in ops.items():
        if name not in roots:
            setattr(cls, name, fn)
    return cls


def _rev(lt, other):
    # a > b is neither a < b nor a == b
    r = lt(other)
    if r is NotImplemented:
        return r
    return not r


def _and_not(a, eq):
    if a is NotImplemented:
        return a
    return a and not eq


def _or(a, eq):
    if a is NotImplemented:
        return a
    return a or eq


class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = getattr(func, "__doc__", None)

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError("Cannot assign the same cached_property to two different names ("
                            + repr(self.attrname) + " and " + repr(name) + ").")

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        name = self.attrname
        if name is None:
            name = self.func.__name__
        # the value is stored on the instance, whose attributes are found
        # before this (non-data) descriptor from then on
        val = self.func(instance)
        setattr(instance, name, val)
        return val


class singledispatch:
    # A class rather than a closure: the `register`/`dispatch` attributes
    # CPython puts on the function need attribute storage.
    def __init__(self, func):
        self.registry = {object: func}
        self.__wrapped__ = func
        for attr in WRAPPER_ASSIGNMENTS:
            try:
                setattr(self, attr, getattr(func, attr))
            except AttributeError:
                pass

    def dispatch(self, cls):
        registry = self.registry
        todo = [cls]
        while todo:
            c = todo.pop(0)
            if c in registry:
                return registry[c]
            if c is not object:
                todo.extend(c.__bases__)
        for k in registry:
            if k is not object and isinstance(k, type) and issubclass(cls, k):
                return registry[k]
        return registry[object]

    def register(self, cls, func=None):
        if func is None:
            if isinstance(cls, type):
                return lambda f: self.register(cls, f)
            func = cls
            ann = getattr(func, "__annotations__", None) or {}
            if not ann:
                raise TypeError("Invalid first argument to `register()`: " + repr(func)
                                + ". Use either `@register(some_class)` or plain `@register` on an annotated function.")
            cls = list(ann.values())[0]
        self.registry[cls] = func
        return func

    def __call__(self, *args, **kw):
        if not args:
            raise TypeError(getattr(self, "__name__", "singledispatch function") + " requires at least 1 positional argument")
        return self.dispatch(args[0].__class__)(*args, **kw)


class singledispatchmethod:
    def __init__(self, func):
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            method = self.dispatcher.dispatch(args[0].__class__)
            return method(obj, *args, **kwargs)

        return _method
