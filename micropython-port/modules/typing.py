# typing for mpwasm: every name LLM-written code imports, usable in
# annotations and at run time. Types are not checked (as in CPython); the
# objects only have to subscript, print and compare the way CPython's do.
# Written for mpwasm; no docstrings (frozen bytecode stays small).

TYPE_CHECKING = False


class _Form:
    # A special form or generic alias: `Optional`, `List[int]`, `Dict[str, X]`.
    def __init__(self, name, origin=None, args=(), nparams=-1):
        self._name = name
        self.__origin__ = origin
        self.__args__ = args
        self._nparams = nparams

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        name = self._name
        if name == "Optional":
            return Union[params[0], None]
        if name == "Union":
            flat = []
            for p in params:
                if isinstance(p, _Form) and p._name in ("Union", "Optional"):
                    ps = p.__args__
                else:
                    ps = (p,)
                for q in ps:
                    if q is None:
                        q = type(None)
                    if q not in flat:
                        flat.append(q)
            if len(flat) == 1:
                return flat[0]
            return _Form("Union", Union, tuple(flat))
        return _Form(name, self.__origin__ if self.__origin__ is not None else self, params)

    def __call__(self, *args, **kwargs):
        o = self.__origin__
        if isinstance(o, type):
            return o(*args, **kwargs)
        raise TypeError("Cannot instantiate typing." + self._name)

    def __eq__(self, other):
        if not isinstance(other, _Form):
            return False
        return self._name == other._name and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __repr__(self):
        name = self._name
        if not self.__args__:
            return "typing." + name
        a = self.__args__
        if name == "Optional" or (name == "Union" and len(a) == 2 and type(None) in a):
            x = a[0] if a[1] is type(None) else a[1]
            return "typing.Optional[" + _repr(x) + "]"
        if name == "Callable" and len(a) == 2 and isinstance(a[0], list):
            return "typing.Callable[[" + ", ".join(_repr(x) for x in a[0]) + "], " + _repr(a[1]) + "]"
        return "typing." + name + "[" + ", ".join(_repr(x) for x in a) + "]"

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __mro_entries__(self, bases):
        o = self.__origin__
        if isinstance(o, type):
            return (o,)
        if isinstance(o, _Form) and isinstance(o.__origin__, type):
            return (o.__origin__,)
        return (Generic,)


def _repr(x):
    if x is type(None) or x is None:
        return "None"
    if x is ...:
        return "..."
    if isinstance(x, type):
        return x.__name__
    if isinstance(x, str):
        return repr(x)
    return repr(x)


Any = _Form("Any")
Union = _Form("Union")
Optional = _Form("Optional")

List = _Form("List", list)
Dict = _Form("Dict", dict)
Set = _Form("Set", set)
Tuple = _Form("Tuple", tuple)
Text = str
AnyStr = None  # replaced below by a TypeVar
Callable = _Form("Callable")

# The other special forms and aliases are made on first use (module
# __getattr__), so that importing typing costs little.
_LAZY = {
    "Literal": None,
    "Final": None,
    "ClassVar": None,
    "Annotated": None,
    "NoReturn": None,
    "Never": None,
    "Self": None,
    "LiteralString": None,
    "TypeAlias": None,
    "TypeGuard": None,
    "Concatenate": None,
    "Required": None,
    "NotRequired": None,
    "Unpack": None,
    "FrozenSet": frozenset,
    "Type": type,
    "DefaultDict": None,
    "OrderedDict": None,
    "Counter": None,
    "ChainMap": None,
    "Deque": None,
    "Iterable": None,
    "Iterator": None,
    "Generator": None,
    "AsyncGenerator": None,
    "AsyncIterable": None,
    "AsyncIterator": None,
    "Awaitable": None,
    "Coroutine": None,
    "Reversible": None,
    "Sequence": None,
    "MutableSequence": None,
    "Mapping": None,
    "MutableMapping": None,
    "AbstractSet": None,
    "MutableSet": None,
    "Collection": None,
    "Container": None,
    "Hashable": None,
    "Sized": None,
    "KeysView": None,
    "ValuesView": None,
    "ItemsView": None,
    "IO": None,
    "TextIO": None,
    "BinaryIO": None,
    "Pattern": None,
    "Match": None,
    "SupportsInt": None,
    "SupportsFloat": None,
    "SupportsAbs": None,
    "SupportsIndex": None,
    "SupportsRound": None,
}


def __getattr__(name):
    if name == "NamedTuple" or name == "TypedDict":
        # `class P(NamedTuple): x: int` and `class Movie(TypedDict): ...`
        # derive from real classes (the functional forms are their
        # constructors), shared with collections.namedtuple
        import _ntuple

        globals()["NamedTuple"] = _ntuple._NamedTupleClass
        globals()["TypedDict"] = _ntuple._TypedDictClass
        return globals()[name]
    try:
        origin = _LAZY[name]
    except KeyError:
        raise AttributeError("module 'typing' has no attribute '" + name + "'")
    f = _Form(name, origin)
    globals()[name] = f
    return f


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        if self.__covariant__:
            return "+" + self.__name__
        if self.__contravariant__:
            return "-" + self.__name__
        return "~" + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


AnyStr = TypeVar("AnyStr", bytes, str)


class ParamSpec(TypeVar):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        TypeVar.__init__(self, name, bound=bound)
        self.args = self
        self.kwargs = self


class TypeVarTuple(TypeVar):
    pass


class _GenericAlias:
    # `Stack[int]`: calls make a Stack, as a base class it stands for Stack
    # (PEP 560 __mro_entries__, patch 0305), and it prints as CPython's.
    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args

    def __call__(self, *args, **kwargs):
        r = self.__origin__(*args, **kwargs)
        try:
            r.__orig_class__ = self
        except (AttributeError, TypeError):
            pass
        return r

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return False
        return self.__origin__ is other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __repr__(self):
        o = self.__origin__
        mod = o.__dict__.get("__module__", "__main__") if isinstance(o, type) else "typing"
        name = o.__dict__.get("__qualname__", o.__name__) if isinstance(o, type) else repr(o)
        return mod + "." + name + "[" + ", ".join(_repr(a) for a in self.__args__) + "]"


class Generic:
    # `class Stack(Generic[T])` and `Stack[int]()`: there is no run-time
    # checking to do, so the alias only has to subscript, call and print.
    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if cls is Generic or cls is Protocol:
            return _GenericAlias(cls, params)
        return _GenericAlias(cls, params)


class Protocol(Generic):
    # isinstance() against a protocol checks that the methods and annotated
    # attributes it declares exist (CPython does this for
    # @runtime_checkable protocols), through __subclasshook__ (patch 0300).
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Protocol or Protocol not in cls.__bases__:
            return NotImplemented
        names = [n for n in cls.__dict__ if not (n.startswith("__") and n.endswith("__")) and not n.startswith("_abc")]
        ann = cls.__dict__.get("__annotations__") or {}
        for n in list(names) + list(ann):
            if not hasattr(C, n):
                return NotImplemented
        return True


def runtime_checkable(cls):
    return cls


def cast(typ, val):
    return val


def assert_type(val, typ):
    return val


def reveal_type(obj):
    return obj


def assert_never(arg):
    raise AssertionError("Expected code to be unreachable")


def overload(func):
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            "You should not call an overloaded function. "
            "A series of @typing.overload-decorated functions "
            "outside a stub module should always be followed "
            "by an implementation that is not @typing.overload-decorated."
        )

    return _overload_dummy


def final(f):
    return f


def no_type_check(f):
    return f


def override(f):
    return f


def dataclass_transform(**kwargs):
    return lambda cls: cls


def NewType(name, tp):
    def new_type(x):
        return x

    new_type.__name__ = name
    new_type.__supertype__ = tp
    return new_type


def get_origin(tp):
    if isinstance(tp, _Form):
        return tp.__origin__
    return None


def get_args(tp):
    if isinstance(tp, _Form):
        return tp.__args__
    a = getattr(tp, "__args__", None)
    return a if a is not None else ()


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        chain = []
        c = obj
        while c is not None and c is not object:
            chain.append(c)
            b = c.__bases__
            c = b[0] if b else None
        for c in reversed(chain):
            ann = c.__dict__.get("__annotations__")
            if ann:
                for k in ann:
                    hints[k] = _eval_hint(ann[k], globalns)
        return hints
    ann = getattr(obj, "__annotations__", None) or {}
    for k in ann:
        hints[k] = _eval_hint(ann[k], globalns)
    return hints


def _eval_hint(h, globalns):
    if h is None:
        return type(None)
    if isinstance(h, str):
        try:
            return eval(h, globalns or {})
        except Exception:
            return h
    return h



__all__ = [n for n in dir() if not n.startswith("_")] + list(_LAZY) + ["NamedTuple", "TypedDict"]
