# dataclasses for mpwasm: CPython 3.11's decorator and helpers. The methods
# are generic closures over the field lists (no generated source to compile
# per class). Fields come from the class's __annotations__, which the
# compiler records for class bodies (patch 0301). Written for mpwasm.

__all__ = ["dataclass", "field", "Field", "FrozenInstanceError", "InitVar", "KW_ONLY", "MISSING",
           "fields", "asdict", "astuple", "make_dataclass", "replace", "is_dataclass"]


# Field order must survive even where plain dicts are not ordered.
from ucollections import OrderedDict as _ODict


class _MissingType:
    def __repr__(self):
        return "MISSING"


MISSING = _MissingType()


class _KwOnlyType:
    def __repr__(self):
        return "KW_ONLY"


KW_ONLY = _KwOnlyType()


class FrozenInstanceError(AttributeError):
    pass


class InitVar:
    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)

    def __repr__(self):
        t = self.type
        return "dataclasses.InitVar[" + (t.__name__ if isinstance(t, type) else repr(t)) + "]"


_FIELD = "_FIELD"
_FIELD_CLASSVAR = "_FIELD_CLASSVAR"
_FIELD_INITVAR = "_FIELD_INITVAR"


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ("Field(name=" + repr(self.name) + ",type=" + _type_repr(self.type)
                + ",default=" + repr(self.default) + ",default_factory=" + repr(self.default_factory)
                + ",init=" + repr(self.init) + ",repr=" + repr(self.repr) + ",hash=" + repr(self.hash)
                + ",compare=" + repr(self.compare) + ",metadata=" + repr(self.metadata)
                + ",kw_only=" + repr(self.kw_only) + ",_field_type=" + str(self._field_type) + ")")


def _type_repr(t):
    if isinstance(t, type):
        return "<class '" + t.__name__ + "'>"
    return repr(t)


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
          metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(a):
    if isinstance(a, str):
        return a.startswith("ClassVar") or a.startswith("typing.ClassVar")
    return getattr(a, "_name", None) == "ClassVar" and type(a).__name__ == "_Form"


def _is_initvar(a):
    if isinstance(a, str):
        return a.startswith("InitVar") or a.startswith("dataclasses.InitVar")
    return a is InitVar or isinstance(a, InitVar)


def _is_kw_only(a):
    if isinstance(a, str):
        return a == "KW_ONLY" or a == "dataclasses.KW_ONLY"
    return a is KW_ONLY


def _base_fields(cls, out):
    for b in cls.__bases__:
        if b is object:
            continue
        _base_fields(b, out)
        fs = b.__dict__.get("__dataclass_fields__")
        if fs:
            for f in fs.values():
                out[f.name] = f


def _process_class(cls, init, repr_, eq, order, unsafe_hash, frozen, match_args, kw_only):
    all_fields = _ODict()
    _base_fields(cls, all_fields)
    d = cls.__dict__
    ann = d.get("__annotations__") or {}
    kw_mode = kw_only
    for name in ann:
        a = ann[name]
        if _is_kw_only(a):
            kw_mode = True
            continue
        default = d.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            if isinstance(default, (list, dict, set)):
                raise ValueError("mutable default " + _type_repr(type(default)) + " for field " + name
                                 + " is not allowed: use default_factory")
            f = field(default=default)
        f.name = name
        f.type = a
        if _is_classvar(a):
            f._field_type = _FIELD_CLASSVAR
        elif _is_initvar(a):
            f._field_type = _FIELD_INITVAR
        else:
            f._field_type = _FIELD
        if f.kw_only is MISSING:
            f.kw_only = kw_mode
        if f._field_type is _FIELD and isinstance(f.default, (list, dict, set)):
            raise ValueError("mutable default " + _type_repr(type(f.default)) + " for field " + name
                             + " is not allowed: use default_factory")
        if isinstance(default, Field):
            if f.default is MISSING:
                try:
                    delattr(cls, name)
                except (AttributeError, KeyError):
                    pass
            else:
                setattr(cls, name, f.default)
        all_fields[name] = f

    for name in d:
        v = d[name]
        if isinstance(v, Field) and name not in ann:
            raise TypeError(repr(name) + " is a field but has no type annotation")

    cls.__dataclass_fields__ = all_fields
    cls.__dataclass_params__ = _Params(init, repr_, eq, order, unsafe_hash, frozen)
    flds = [f for f in all_fields.values() if f._field_type is _FIELD]
    qn = _qn(cls)

    if init:
        inits = [f for f in all_fields.values() if f._field_type is not _FIELD_CLASSVAR and f.init]
        pos = [f for f in inits if not f.kw_only]
        kwo = [f for f in inits if f.kw_only]
        seen_default = None
        for f in pos:
            if f.default is not MISSING or f.default_factory is not MISSING:
                seen_default = f
            elif seen_default is not None:
                raise TypeError("non-default argument " + repr(f.name) + " follows default argument")
        _set(cls, "__init__", _make_init(qn, pos, kwo, [f for f in flds if not f.init], frozen,
                                         hasattr(cls, "__post_init__")))

    if repr_:
        rf = tuple(f.name for f in flds if f.repr)

        def __repr__(self):
            parts = []
            for n in rf:
                parts.append(n + "=" + _repr(getattr(self, n)))
            return _qn(type(self)) + "(" + ", ".join(parts) + ")"

        _set(cls, "__repr__", __repr__)

    cf = tuple(f.name for f in flds if f.compare)

    def _key(self):
        return tuple(getattr(self, n) for n in cf)

    if eq:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return _key(self) == _key(other)
            return NotImplemented

        def __ne__(self, other):
            if other.__class__ is self.__class__:
                return _key(self) != _key(other)
            return NotImplemented

        _set(cls, "__eq__", __eq__)
        _set(cls, "__ne__", __ne__)

    if order:
        if not eq:
            raise ValueError("eq must be true if order is true")

        def _cmp(op, sym):
            def f(self, other):
                if other.__class__ is self.__class__:
                    return op(_key(self), _key(other))
                raise TypeError("'" + sym + "' not supported between instances of '"
                                + type(self).__name__ + "' and '" + type(other).__name__ + "'")

            return f

        for name, op, sym in (("__lt__", _lt, "<"), ("__le__", _le, "<="), ("__gt__", _gt, ">"),
                              ("__ge__", _ge, ">=")):
            if name in d:
                raise TypeError("Cannot overwrite attribute " + name + " in class " + cls.__name__
                                + ". Consider using functools.total_ordering")
            setattr(cls, name, _cmp(op, sym))

    hf = tuple(f.name for f in flds if (f.compare if f.hash is None else f.hash))
    has_hash = "__hash__" in d and d["__hash__"] is not None
    if unsafe_hash or (eq and frozen):
        if not has_hash or unsafe_hash:
            def __hash__(self):
                return hash(tuple(getattr(self, n) for n in hf))

            cls.__hash__ = __hash__
    elif eq and not has_hash:
        cls.__hash__ = None

    if frozen:
        fnames = set(f.name for f in all_fields.values())

        def __setattr__(self, name, value):
            if type(self) is cls or name in fnames:
                raise FrozenInstanceError("cannot assign to field " + repr(name))
            object.__setattr__(self, name, value)

        def __delattr__(self, name):
            if type(self) is cls or name in fnames:
                raise FrozenInstanceError("cannot delete field " + repr(name))
            object.__delattr__(self, name)

        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__

    if match_args and "__match_args__" not in d:
        cls.__match_args__ = tuple(f.name for f in inits if not f.kw_only) if init else ()
    return cls


def _qn(c):
    return c.__dict__.get("__qualname__") or c.__name__


def _lt(a, b):
    return a < b


def _le(a, b):
    return a <= b


def _gt(a, b):
    return a > b


def _ge(a, b):
    return a >= b


def _repr(v):
    if isinstance(v, str):
        return repr(v)
    return repr(v)


def _set(cls, name, fn):
    if name not in cls.__dict__:
        setattr(cls, name, fn)


class _Params:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen


def _plural(names):
    q = [repr(n) for n in names]
    if len(q) == 1:
        return q[0]
    if len(q) == 2:
        return q[0] + " and " + q[1]
    return ", ".join(q[:-1]) + ", and " + q[-1]


def _make_init(qn, pos, kwo, noinit, frozen, post_init):
    pos_names = tuple(f.name for f in pos)
    npos = len(pos_names)
    nreq = len([f for f in pos if f.default is MISSING and f.default_factory is MISSING])
    if nreq == npos:
        takes = str(npos + 1) + " positional argument" + ("s" if npos else "")
    else:
        takes = "from " + str(nreq + 1) + " to " + str(npos + 1) + " positional arguments"
    allf = pos + kwo
    specs = tuple((f.name, f.default, f.default_factory, f._field_type is _FIELD_INITVAR, f.kw_only)
                  for f in allf)
    names = set(f.name for f in allf)
    extra = tuple((f.name, f.default, f.default_factory) for f in noinit
                  if f.default is not MISSING or f.default_factory is not MISSING)
    store = object.__setattr__ if frozen else setattr

    def __init__(self, *args, **kw):
        n = len(args)
        if n > npos:
            raise TypeError(qn + ".__init__() takes " + takes + " but " + str(n + 1) + " were given")
        for k in kw:
            if k not in names:
                raise TypeError(qn + ".__init__() got an unexpected keyword argument " + repr(k))
        ivs = []
        missing = []
        missing_kw = []
        i = 0
        for name, dflt, fact, is_iv, is_kw in specs:
            if i < n and not is_kw:
                v = args[i]
                if name in kw:
                    raise TypeError(qn + ".__init__() got multiple values for argument " + repr(name))
            elif name in kw:
                v = kw[name]
            elif dflt is not MISSING:
                v = dflt
            elif fact is not MISSING:
                v = fact()
            else:
                (missing_kw if is_kw else missing).append(name)
                i += 1
                continue
            i += 1
            if is_iv:
                ivs.append(v)
            else:
                store(self, name, v)
        if missing:
            raise TypeError(qn + ".__init__() missing " + str(len(missing)) + " required positional argument"
                            + ("s" if len(missing) > 1 else "") + ": " + _plural(missing))
        if missing_kw:
            raise TypeError(qn + ".__init__() missing " + str(len(missing_kw)) + " required keyword-only argument"
                            + ("s" if len(missing_kw) > 1 else "") + ": " + _plural(missing_kw))
        for name, dflt, fact in extra:
            store(self, name, fact() if dflt is MISSING else dflt)
        if post_init:
            self.__post_init__(*ivs)

    return __init__


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(c):
        return _process_class(c, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only)

    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        fs = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance")
    return tuple(f for f in fs.values() if f._field_type is _FIELD)


def is_dataclass(obj):
    return hasattr(obj, "__dataclass_fields__")


def _is_dc_instance(obj):
    return hasattr(type(obj), "__dataclass_fields__")


def asdict(obj, *, dict_factory=dict):
    if not _is_dc_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict(obj, dict_factory)


def _asdict(obj, df):
    if _is_dc_instance(obj):
        return df([(f.name, _asdict(getattr(obj, f.name), df)) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_asdict(v, df) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict(v, df) for v in obj)
    if isinstance(obj, dict):
        r = type(obj)() if type(obj) is dict else _copy_empty(obj)
        for k, v in obj.items():
            r[_asdict(k, df)] = _asdict(v, df)
        return r
    if isinstance(obj, (int, float, str, bool, bytes, type(None), complex)):
        return obj
    import copy

    return copy.deepcopy(obj)


def _copy_empty(d):
    try:
        r = d.copy()
        r.clear()
        return r
    except Exception:
        return {}


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dc_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple(obj, tuple_factory)


def _astuple(obj, tf):
    if _is_dc_instance(obj):
        return tf([_astuple(getattr(obj, f.name), tf) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_astuple(v, tf) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple(v, tf) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple(k, tf), _astuple(v, tf)) for k, v in obj.items())
    if isinstance(obj, (int, float, str, bool, bytes, type(None), complex)):
        return obj
    import copy

    return copy.deepcopy(obj)


def replace(obj, **changes):
    if not _is_dc_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in type(obj).__dataclass_fields__.values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError("field " + f.name + " is declared with init=False, it cannot be specified with replace()")
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError("InitVar " + repr(f.name) + " must be specified with replace()")
            if f._field_type is _FIELD:
                changes[f.name] = getattr(obj, f.name)
    return type(obj)(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kwargs):
    ns = dict(namespace or {})
    ann = {}
    for item in fields:
        if isinstance(item, str):
            ann[item] = "typing.Any"
        elif len(item) == 2:
            ann[item[0]] = item[1]
        else:
            ann[item[0]] = item[1]
            ns[item[0]] = item[2]
    ns["__annotations__"] = ann
    cls = type(cls_name, bases or (object,), ns)
    return dataclass(cls, **kwargs)
