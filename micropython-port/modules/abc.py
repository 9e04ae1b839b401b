# abc for mpwasm: ABC and abstractmethod, enforced when a class is
# instantiated (CPython's ABCMeta check, done here in ABC.__new__).
# Written for mpwasm.


def abstractmethod(funcobj):
    _abstract.add(funcobj)
    name = getattr(funcobj, "__name__", None)
    if name is not None:
        _pending.add(name)
    return funcobj


# Names of the abstract functions defined since the last ABC subclass was
# made: a property wrapping one of them in that class body is abstract (a
# property here has no fget to look into).
_pending = set()


# Function objects take no attributes here, so abstract functions are
# remembered by identity rather than by a __isabstractmethod__ flag.
_abstract = set()


def _is_abstract(v):
    if isinstance(v, property):
        f = getattr(v, "fget", None)
        return f in _abstract if f is not None else False
    if isinstance(v, (classmethod, staticmethod)):
        f = getattr(v, "__func__", None)
        return f in _abstract if f is not None else False
    try:
        return v in _abstract
    except TypeError:
        return False


class abstractproperty(property):
    pass


def abstractclassmethod(f):
    _abstract.add(f)
    return classmethod(f)


def abstractstaticmethod(f):
    _abstract.add(f)
    return staticmethod(f)


def _abstracts(cls):
    cached = cls.__dict__.get("_abc_abstracts")
    if cached is not None and cls.__dict__.get("_abc_for") is cls:
        return cached
    names = set()
    chain = []
    todo = [cls]
    while todo:
        c = todo.pop(0)
        if c is object or c in chain:
            continue
        chain.append(c)
        todo.extend(c.__bases__)
    # a name is abstract when the first class defining it (in MRO order)
    # defines it abstract
    seen = set()
    for c in chain:
        props = c.__dict__.get("_abc_abstract_props") or ()
        for k, v in c.__dict__.items():
            if k in seen:
                continue
            seen.add(k)
            if _is_abstract(v) or (k in props and isinstance(v, property)):
                names.add(k)
    result = sorted(names)
    cls._abc_abstracts = result
    cls._abc_for = cls
    return result


class ABC:
    def __init_subclass__(cls, **kwargs):
        props = [k for k, v in cls.__dict__.items() if isinstance(v, property) and k in _pending]
        _pending.clear()
        if props:
            cls._abc_abstract_props = props
        cls.__abstractmethods__ = frozenset(_abstracts(cls))

    def __new__(cls, *args, **kwargs):
        missing = _abstracts(cls)
        if missing:
            raise TypeError("Can't instantiate abstract class " + cls.__name__ + " with abstract method"
                            + ("s " if len(missing) > 1 else " ") + ", ".join(missing))
        return super().__new__(cls)

    @classmethod
    def register(cls, subclass):
        reg = cls.__dict__.get("_abc_registry")
        if reg is None:
            reg = []
            cls._abc_registry = reg
        reg.append(subclass)
        return subclass

    @classmethod
    def __subclasshook__(cls, C):
        reg = cls.__dict__.get("_abc_registry")
        if reg:
            for r in reg:
                if C is r or issubclass(C, r):
                    return True
        return NotImplemented


ABCMeta = type


def get_cache_token():
    return 0


def update_abstractmethods(cls):
    cls.__dict__.get("_abc_abstracts") and delattr(cls, "_abc_abstracts")
    return cls
