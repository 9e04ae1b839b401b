# copy for mpwasm: copy() and deepcopy() as CPython 3.11's, for built-in
# containers, classes with __copy__/__deepcopy__/__getstate__/__setstate__
# and ordinary instances. Written for mpwasm.


class Error(Exception):
    pass


error = Error

_atomic = (type(None), int, float, bool, complex, str, bytes, type, range, type(Ellipsis),
           type(NotImplemented), type(len), type(lambda: 0))


def _attrs(x):
    try:
        return x.__dict__
    except AttributeError:
        return None


def _new_like(x):
    cls = type(x)
    try:
        return object.__new__(cls)
    except TypeError:
        return None


def _set_state(y, state):
    setstate = getattr(y, "__setstate__", None)
    if setstate is not None:
        setstate(state)
        return
    for k, v in state.items():
        object.__setattr__(y, k, v)


def copy(x):
    cls = type(x)
    if cls in _atomic:
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    if cls is tuple or cls is frozenset:
        return x
    if cls is bytearray:
        return bytearray(x)
    cp = getattr(x, "__copy__", None)
    if cp is not None:
        return cp()
    if isinstance(x, (list, dict, set, tuple)):
        if hasattr(x, "_fields"):
            return cls(*x)
        y = cls(x)
        st = _attrs(x)
        if st:
            _set_state(y, dict(st))
        return y
    getstate = getattr(x, "__getstate__", None)
    state = getstate() if getstate is not None and not isinstance(getstate, type(object.__init__)) else _attrs(x)
    y = _new_like(x)
    if y is None:
        raise Error("un(shallow)copyable object of type " + repr(cls))
    if state:
        _set_state(y, dict(state))
    return y


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic:
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        for a, b in zip(x, items):
            if a is not b:
                y = tuple(items)
                break
        else:
            y = x
    elif cls is set or cls is frozenset:
        y = cls(deepcopy(a, memo) for a in x)
    elif cls is bytearray:
        y = bytearray(x)
    else:
        dc = getattr(x, "__deepcopy__", None)
        if dc is not None:
            y = dc(memo)
        elif isinstance(x, tuple) and hasattr(x, "_fields"):
            y = cls(*[deepcopy(a, memo) for a in x])
        elif isinstance(x, (list, dict, set)):
            y = _deep_native(x, cls, memo, d)
        else:
            y = _new_like(x)
            if y is None:
                raise Error("un(deep)copyable object of type " + repr(cls))
            memo[d] = y
            getstate = getattr(x, "__getstate__", None)
            state = getstate() if getstate is not None and not isinstance(getstate, type(object.__init__)) else _attrs(x)
            if state:
                _set_state(y, deepcopy(dict(state), memo))
    memo[d] = y
    _keep_alive(x, memo)
    return y


def _deep_native(x, cls, memo, d):
    # a subclass of list/dict/set (Counter, defaultdict, OrderedDict, user
    # classes): copied through its own copy(), then its contents deep-copied
    try:
        y = x.copy() if hasattr(x, "copy") else cls(x)
    except TypeError:
        y = cls()
    memo[d] = y
    if isinstance(x, dict):
        y.clear()
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif isinstance(x, list):
        y[:] = [deepcopy(a, memo) for a in x]
    st = _attrs(x)
    if st:
        for k, v in st.items():
            object.__setattr__(y, k, deepcopy(v, memo))
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def replace(obj, **changes):
    return obj.__replace__(**changes)
