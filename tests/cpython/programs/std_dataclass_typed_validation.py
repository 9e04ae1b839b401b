"""Validate dataclass fields against their type hints at construction time."""
from dataclasses import dataclass, fields, field
from typing import get_type_hints, Optional, Union, List, get_origin, get_args


def validate(instance):
    hints = get_type_hints(type(instance))
    problems = []
    for f in fields(instance):
        expected = hints[f.name]
        value = getattr(instance, f.name)
        if not matches(value, expected):
            problems.append(f"{f.name}={value!r} is not {describe(expected)}")
    if problems:
        raise TypeError("; ".join(problems))


def matches(value, expected):
    origin = get_origin(expected)
    if origin is Union:
        return any(matches(value, arg) for arg in get_args(expected))
    if origin is list:
        (item_type,) = get_args(expected)
        return isinstance(value, list) and all(matches(v, item_type) for v in value)
    if expected is type(None):
        return value is None
    if expected is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, expected)


def describe(tp):
    origin = get_origin(tp)
    if origin is Union:
        return " or ".join(describe(a) for a in get_args(tp))
    if origin is list:
        return f"list of {describe(get_args(tp)[0])}"
    return "None" if tp is type(None) else tp.__name__


@dataclass
class Product:
    name: str
    price: float
    stock: int = 0
    tags: List[str] = field(default_factory=list)
    discount: Optional[float] = None

    def __post_init__(self):
        validate(self)


candidates = [
    dict(name="Lamp", price=19.99, stock=3, tags=["home"]),
    dict(name="Desk", price=120, tags=["office", "wood"], discount=0.1),
    dict(name="Chair", price="cheap"),
    dict(name=42, price=5.0, stock="many"),
    dict(name="Pen", price=1.5, tags=["ok", 7]),
    dict(name="Flag", price=True),
]
for kwargs in candidates:
    try:
        print("ok:", Product(**kwargs))
    except TypeError as exc:
        print("TypeError:", exc)
print("hints:", {k: describe(v) for k, v in get_type_hints(Product).items()})
print("origin/args:", get_origin(List[int]), get_args(Optional[str]), get_origin(int))
