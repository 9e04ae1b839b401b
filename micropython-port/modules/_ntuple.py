# The namedtuple machinery shared by collections.namedtuple and
# typing.NamedTuple / TypedDict (so that importing typing does not import
# all of collections). Written for mpwasm.

_KEYWORDS = ("False", "None", "True", "and", "as", "assert", "async", "await", "break",
             "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
             "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not",
             "or", "pass", "raise", "return", "try", "while", "with", "yield")


def _readonly_set(self, value):
    raise AttributeError("can't set attribute")


def _readonly_del(self):
    raise AttributeError("can't delete attribute")


def _field(i):
    # a setter and deleter that refuse, as CPython's field descriptors do
    return property(lambda self: self[i], _readonly_set, _readonly_del)


def _setup_namedtuple(cls, fields, dflt):
    cls._fields = fields
    cls._field_defaults = dflt
    cls.__match_args__ = fields
    for i, f in enumerate(fields):
        setattr(cls, f, _field(i))


class _NTBase(tuple):
    # The base of every namedtuple class: construction by position or
    # keyword with defaults, the `_` methods, and tuple behaviour for `+`/`*`.
    def __new__(cls, *args, **kwargs):
        fields = cls._fields
        if len(args) == len(fields) and not kwargs:
            return super().__new__(cls, args)
        if len(args) > len(fields):
            raise TypeError(cls.__name__ + ".__new__() takes " + str(len(fields) + 1)
                            + " positional arguments but " + str(len(args) + 1) + " were given")
        vals = list(args)
        dflt = cls._field_defaults
        missing = []
        for f in fields[len(args):]:
            if f in kwargs:
                vals.append(kwargs.pop(f))
            elif f in dflt:
                vals.append(dflt[f])
            else:
                missing.append(f)
                vals.append(None)
        if kwargs:
            for k in kwargs:
                if k in fields:
                    raise TypeError(cls.__name__ + "() got multiple values for argument " + repr(k))
                raise TypeError(cls.__name__ + "() got an unexpected keyword argument " + repr(k))
        if missing:
            names = [repr(m) for m in missing]
            if len(names) == 1:
                s = names[0]
            else:
                s = ", ".join(names[:-1]) + " and " + names[-1]
            raise TypeError(cls.__name__ + ".__new__() missing " + str(len(missing)) + " required positional argument"
                            + ("s" if len(missing) > 1 else "") + ": " + s)
        return super().__new__(cls, vals)

    @classmethod
    def _make(cls, iterable):
        return cls(*iterable)

    def _replace(self, **kwargs):
        vals = []
        for i, f in enumerate(self._fields):
            vals.append(kwargs.pop(f) if f in kwargs else self[i])
        if kwargs:
            raise ValueError("Got unexpected field names: " + repr(list(kwargs)))
        return type(self)(*vals)

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    # a subclass of a built-in type prints with the built-in's print unless
    # it has its own __str__
    def __str__(self):
        return self.__repr__()

    def __repr__(self):
        parts = []
        for f, v in zip(self._fields, self):
            parts.append(f + "=" + repr(v))
        return type(self).__name__ + "(" + ", ".join(parts) + ")"

    def __add__(self, other):
        return tuple(self) + tuple(other)

    def __radd__(self, other):
        return tuple(other) + tuple(self)

    def __mul__(self, n):
        return tuple(self) * n

    __rmul__ = __mul__

    def __setattr__(self, name, value):
        raise AttributeError("'" + type(self).__name__ + "' object has no attribute '" + name + "'")


class _NamedTupleClass(_NTBase):
    # typing.NamedTuple: `class P(NamedTuple): x: int; y: int = 0` becomes a
    # namedtuple class whose fields are the annotated names in order; methods
    # and other attributes of the class body stay.
    def __init_subclass__(cls):
        ann = cls.__dict__.get("__annotations__") or {}
        fields = tuple(ann)
        dflt = {}
        for f in fields:
            if f in cls.__dict__:
                dflt[f] = cls.__dict__[f]
        seen = False
        for f in fields:
            if f in dflt:
                seen = True
            elif seen:
                raise TypeError("Non-default namedtuple field " + f + " cannot follow default field")
        _setup_namedtuple(cls, fields, dflt)

    def __new__(cls, *args, **kwargs):
        if cls is _NamedTupleClass:
            # the functional form NamedTuple("P", [("x", int), ...])
            typename, fields = args[0], args[1] if len(args) > 1 else list(kwargs.items())
            c = type(typename, (_NTBase,), {"__annotations__": dict(fields)})
            _setup_namedtuple(c, tuple(f[0] for f in fields), {})
            return c
        return _NTBase.__new__(cls, *args, **kwargs)


class _TypedDictClass(dict):
    # typing.TypedDict: instances are plain dicts.
    def __new__(cls, *args, **kwargs):
        if cls is _TypedDictClass:
            typename = args[0]
            fields = args[1] if len(args) > 1 else kwargs
            return type(typename, (_TypedDictClass,), {"__annotations__": dict(fields)})
        return dict(*args, **kwargs)

    def __init_subclass__(cls, **kwargs):
        ann = cls.__dict__.get("__annotations__") or {}
        cls.__required_keys__ = frozenset(ann)
        cls.__optional_keys__ = frozenset()
