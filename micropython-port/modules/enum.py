# enum for mpwasm: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique,
# behaving as CPython 3.11's. What CPython does in the EnumMeta metaclass is
# done with class hooks (patch 0300): members are made in
# __init_subclass__, `Color(1)` goes through __class_call__, `Color["RED"]`
# through __class_getitem__, iteration/len/`in` through __class_iter__,
# __class_len__ and __class_contains__. Written for mpwasm.

__all__ = ["Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "auto", "unique", "EnumMeta", "EnumType"]

_auto_null = object()


class auto:
    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(" + repr(self.value) + ")"

    # `RW = R | W` in a class body combines auto() values that are only
    # numbered once the class exists: the result is resolved after them.
    def _op(self, other, fn):
        a = auto()
        a._expr = (fn, self, other)
        return a

    def __or__(self, other):
        return self._op(other, _or)

    def __and__(self, other):
        return self._op(other, _and)

    def __xor__(self, other):
        return self._op(other, _xor)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


def _or(a, b):
    return a | b


def _and(a, b):
    return a & b


def _xor(a, b):
    return a ^ b


def _resolve(v):
    if isinstance(v, auto):
        e = getattr(v, "_expr", None)
        if e is not None:
            return e[0](_resolve(e[1]), _resolve(e[2]))
        return v.value
    return v


class _Descriptorish:
    pass


def _is_descriptor(v):
    return (callable(v) and not isinstance(v, type(_Descriptorish))) or isinstance(v, (classmethod, staticmethod, property))


def _is_dunder(n):
    return len(n) > 4 and n[:2] == "__" and n[-2:] == "__"


def _is_sunder(n):
    return len(n) > 2 and n[0] == "_" and n[-1] == "_" and n[1] != "_"


class Enum:
    _member_names_ = ()
    _member_map_ = {}
    _value2member_map_ = {}

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    def __init_subclass__(cls, **kwargs):
        d = cls.__dict__
        names = []
        for name in d:
            if _is_dunder(name) or _is_sunder(name):
                continue
            v = d[name]
            if isinstance(v, auto) or not (_is_descriptor(v) or isinstance(v, type)):
                names.append(name)
        if names and cls._member_names_:
            raise TypeError(cls.__name__ + ": cannot extend " + _enum_base(cls).__name__)
        member_map = {}
        value_map = {}
        member_names = []
        last_values = []
        base = _value_base(cls)
        has_init = _own_init(cls)
        for name in names:
            value = d[name]
            if isinstance(value, auto) and getattr(value, "_expr", None) is not None:
                value = _resolve(value)
            elif isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = cls._generate_next_value_(name, 1, len(member_names), last_values[:])
                value = value.value
            if isinstance(value, tuple) and len(value) and any(isinstance(x, auto) for x in value):
                value = tuple(x.value if isinstance(x, auto) else x for x in value)
            last_values.append(value)
            if base is not None:
                args = value if isinstance(value, tuple) else (value,)
                if base is str and len(args) > 1:
                    m = object.__new__(cls, str(args[0]))
                else:
                    m = object.__new__(cls, *args) if base is not object else object.__new__(cls)
                mvalue = base(*args) if base is not object else value
            else:
                m = object.__new__(cls)
                mvalue = value
            m._name_ = name
            m._value_ = mvalue
            if has_init:
                if isinstance(value, tuple):
                    m.__init__(*value)
                else:
                    m.__init__(value)
                if "_value_" in _own_dict(m) and m._value_ is not mvalue:
                    mvalue = m._value_
            alias = None
            for other in member_map.values():
                if other._value_ == mvalue and type(other._value_) is type(mvalue) or (other._value_ is mvalue):
                    alias = other
                    break
            if alias is not None:
                setattr(cls, name, alias)
                member_map[name] = alias
                continue
            setattr(cls, name, m)
            member_map[name] = m
            member_names.append(name)
            try:
                value_map[mvalue] = m
            except TypeError:
                pass
        cls._member_names_ = member_names
        cls._member_map_ = member_map
        cls._value2member_map_ = value_map
        cls.__members__ = dict(member_map)
        if base is not None:
            # as CPython's EnumType: with a data type mixed in, the enum's own
            # printing wins over the data type's (found first in the MRO)
            for meth in ("__repr__", "__str__", "__format__"):
                owner = _find_owner(cls, meth)
                if owner is None or owner in (int, str, float):
                    setattr(cls, meth, Enum.__dict__[meth])

    @classmethod
    def __class_call__(cls, value, *args, **kwargs):
        if args or kwargs:
            # the functional API: Enum("Color", "RED GREEN")
            return _functional(cls, value, *args, **kwargs)
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for m in cls._member_map_.values():
            if m._value_ == value:
                return m
        if isinstance(value, cls):
            return value
        r = cls._missing_(value)
        if isinstance(r, cls):
            return r
        raise ValueError(repr(value) + " is not a valid " + _qualname(cls))

    @classmethod
    def _missing_(cls, value):
        return None

    @classmethod
    def __class_repr__(cls):
        return "<enum " + repr(cls.__name__) + ">"

    @classmethod
    def __class_getitem__(cls, name):
        try:
            return cls._member_map_[name]
        except KeyError:
            raise KeyError(name)

    @classmethod
    def __class_iter__(cls):
        return iter([cls._member_map_[n] for n in cls._member_names_])

    @classmethod
    def __class_len__(cls):
        return len(cls._member_names_)

    @classmethod
    def __class_contains__(cls, value):
        if isinstance(value, cls):
            return True
        for m in cls._member_map_.values():
            if m._value_ == value:
                return True
        return False

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        v = self._value_
        if type(self).__repr__ is not Enum.__repr__:
            pass
        return "<" + type(self).__name__ + "." + self._name_ + ": " + _value_repr(self, v) + ">"

    def __str__(self):
        return type(self).__name__ + "." + self._name_

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __eq__(self, other):
        return self is other

    def __ne__(self, other):
        return self is not other

    def __reduce_ex__(self, proto):
        return type(self), (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _own_dict(obj):
    try:
        return obj.__dict__
    except AttributeError:
        return {}


def _find_owner(cls, name):
    todo = [cls]
    while todo:
        c = todo.pop(0)
        if c in (int, str, float):
            return c
        if name in c.__dict__:
            return c
        if c is not object:
            todo = list(c.__bases__) + todo
    return None


def _own_init(cls):
    c = cls
    while c is not None and c is not Enum and c is not object:
        if "__init__" in c.__dict__:
            return True
        b = c.__bases__
        c = b[0] if b else None
    return False


def _value_base(cls):
    # the data type mixed in (int for IntEnum, str for StrEnum, a user's
    # `class Color(str, Enum)`), or None
    todo = list(cls.__bases__)
    while todo:
        b = todo.pop(0)
        if b in (int, str, float):
            return b
        if b is object or b is Enum:
            continue
        todo.extend(b.__bases__)
    return None


def _enum_base(cls):
    for b in cls.__bases__:
        if b._member_names_:
            return b
    return cls.__bases__[0]


def _qualname(cls):
    return cls.__dict__.get("__qualname__") or cls.__name__


def _value_repr(m, v):
    if isinstance(m, Flag) and isinstance(v, int) and not isinstance(m, int):
        return repr(v)
    return repr(v)


def _functional(cls, name, names, *, module=None, qualname=None, type=None, start=1, boundary=None):
    if isinstance(names, str):
        names = names.replace(",", " ").split()
    from collections import OrderedDict

    ns = OrderedDict()
    if isinstance(names, dict):
        ns.update(names)
    else:
        names = list(names)
        for i, item in enumerate(names):
            if isinstance(item, str):
                ns[item] = start + i if not issubclass(cls, Flag) else 1 << i
            else:
                ns[item[0]] = item[1]
    bases = (type, cls) if type is not None else (cls,)
    import builtins

    return builtins.type(name, bases, ns)


class IntEnum(int, Enum):
    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)

    def __hash__(self):
        return hash(self._value_)

    def __eq__(self, other):
        if isinstance(other, Enum):
            return self is other or (isinstance(other, int) and self._value_ == other._value_)
        return self._value_ == other

    def __ne__(self, other):
        return not self.__eq__(other)

    def __lt__(self, other):
        return self._value_ < int(other)

    def __le__(self, other):
        return self._value_ <= int(other)

    def __gt__(self, other):
        return self._value_ > int(other)

    def __ge__(self, other):
        return self._value_ >= int(other)

    def __int__(self):
        return self._value_

    def __add__(self, o):
        return self._value_ + o

    def __radd__(self, o):
        return o + self._value_

    def __sub__(self, o):
        return self._value_ - o

    def __rsub__(self, o):
        return o - self._value_

    def __mul__(self, o):
        return self._value_ * o

    def __rmul__(self, o):
        return o * self._value_

    def __truediv__(self, o):
        return self._value_ / o

    def __rtruediv__(self, o):
        return o / self._value_

    def __floordiv__(self, o):
        return self._value_ // o

    def __rfloordiv__(self, o):
        return o // self._value_

    def __mod__(self, o):
        return self._value_ % o

    def __rmod__(self, o):
        return o % self._value_

    def __pow__(self, o):
        return self._value_ ** o

    def __neg__(self):
        return -self._value_

    def __abs__(self):
        return abs(self._value_)

    def __index__(self):
        return self._value_


class StrEnum(str, Enum):
    def __add__(self, o):
        return self._value_ + o

    def __radd__(self, o):
        return o + self._value_

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    def __str__(self):
        return self._value_

    def __format__(self, spec):
        return format(self._value_, spec)

    def __hash__(self):
        return hash(self._value_)

    def __eq__(self, other):
        if isinstance(other, Enum):
            return self is other
        return self._value_ == other

    def __ne__(self, other):
        return not self.__eq__(other)


class Flag(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high = 0
        for v in last_values:
            if isinstance(v, int) and v > 0:
                b = v.bit_length() if hasattr(v, "bit_length") else len(bin(v)) - 2
                if b > high:
                    high = b
        return 1 << high

    @classmethod
    def __class_call__(cls, value, *args, **kwargs):
        if args or kwargs:
            return _functional(cls, value, *args, **kwargs)
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        if isinstance(value, cls):
            return value
        if not isinstance(value, int):
            raise ValueError(repr(value) + " is not a valid " + _qualname(cls))
        return cls._compose(value)

    @classmethod
    def _compose(cls, value):
        m = cls._value2member_map_.get(value)
        if m is not None:
            return m
        names = []
        rest = value
        for n in cls._member_names_:
            mv = cls._member_map_[n]._value_
            if mv and mv & value == mv and _is_single_bit(mv):
                names.append(n)
                rest &= ~mv
        if rest and not issubclass(cls, int):
            raise ValueError(repr(value) + " is not a valid " + _qualname(cls))
        base = _value_base(cls)
        m = object.__new__(cls, value) if base is not None else object.__new__(cls)
        m._name_ = "|".join(names) if names else None
        m._value_ = value
        cls._value2member_map_[value] = m
        return m

    def __iter__(self):
        for n in self._member_names_:
            m = self._member_map_[n]
            if m._value_ and _is_single_bit(m._value_) and m._value_ & self._value_ == m._value_:
                yield m

    def __len__(self):
        return len(list(self.__iter__()))

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError("unsupported operand type(s) for 'in': '" + type(other).__name__
                            + "' and '" + type(self).__name__ + "'")
        return other._value_ & self._value_ == other._value_

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ ^ other._value_)

    def __invert__(self):
        allv = 0
        for n in self._member_names_:
            allv |= self._member_map_[n]._value_
        return type(self)(allv & ~self._value_)

    def __repr__(self):
        name = self._name_
        if name is None:
            return "<" + type(self).__name__ + ": " + repr(self._value_) + ">"
        return "<" + type(self).__name__ + "." + name + ": " + repr(self._value_) + ">"

    def __str__(self):
        name = self._name_
        if name is None:
            return type(self).__name__ + "(" + repr(self._value_) + ")"
        return type(self).__name__ + "." + name

    @property
    def name(self):
        return self._name_


def _is_single_bit(v):
    return v & (v - 1) == 0


class IntFlag(int, Flag):
    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)

    def __hash__(self):
        return hash(self._value_)

    def __eq__(self, other):
        if isinstance(other, Enum):
            return self is other or self._value_ == other._value_
        return self._value_ == other

    def __ne__(self, other):
        return not self.__eq__(other)

    def __or__(self, other):
        o = other._value_ if isinstance(other, Flag) else other
        return type(self)(self._value_ | o)

    def __and__(self, other):
        o = other._value_ if isinstance(other, Flag) else other
        return type(self)(self._value_ & o)

    def __xor__(self, other):
        o = other._value_ if isinstance(other, Flag) else other
        return type(self)(self._value_ ^ o)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    # int comes first in the bases, so its (native) slots would win over
    # Flag's methods: they are repeated here
    __contains__ = Flag.__contains__
    __iter__ = Flag.__iter__
    __len__ = Flag.__len__
    __bool__ = Flag.__bool__
    __invert__ = Flag.__invert__


def unique(enumeration):
    dup = []
    for name, m in enumeration._member_map_.items():
        if name != m._name_:
            dup.append((name, m._name_))
    if dup:
        raise ValueError("duplicate values found in " + repr(enumeration) + ": "
                         + ", ".join(a + " -> " + b for a, b in dup))
    return enumeration


def member(value):
    return value


def nonmember(value):
    return value


def verify(*checks):
    return lambda cls: cls


class EnumMeta(type):
    pass


EnumType = EnumMeta
