# dataclasses: fields, generated methods, helpers
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError, InitVar
from typing import List, Optional, ClassVar
@dataclass
class Item:
    name: str
    price: float
    qty: int = 1
    tags: List[str] = field(default_factory=list)
    secret: str = field(default="x", repr=False, compare=False)
    count: ClassVar[int] = 0
    def total(self): return self.price * self.qty
i = Item("apple", 1.5, 3); print(i, i.total(), i == Item("apple", 1.5, 3), i != Item("b", 1, 1))
print(sorted(asdict(i).items()), astuple(i), replace(i, qty=5), [f.name for f in fields(i)])
@dataclass(order=True, frozen=True)
class V:
    x: int
    y: int = 0
print(sorted([V(3), V(1, 2), V(1)]), V(1) < V(2), hash(V(1)) == hash(V(1)))
try:
    V(1).x = 5
except FrozenInstanceError as e: print("frozen", e)
@dataclass
class P:
    a: int
    b: int = field(init=False)
    c: InitVar[int] = 2
    def __post_init__(self, c): self.b = self.a * c
print(P(3), P(3, 4))
@dataclass
class Base:
    id: int
@dataclass
class Child(Base):
    name: str = "n"
print(Child(1), Child(2, "z"))
try: Item()
except TypeError as e: print(e)
try: Item("a", 1, 2, [], "s", 9)
except TypeError as e: print(e)
try: Item("a", price=1, zz=3)
except TypeError as e: print(e)
@dataclass
class Nest:
    items: List[Item] = field(default_factory=list)
    opt: Optional[dict] = None
n = Nest([Item("a", 1)], {"k": [1, 2]}); print(sorted(asdict(n)["items"][0].items()), asdict(n)["opt"])
try:
    @dataclass
    class Bad:
        x: list = []
except ValueError as e: print(e)
print(V.__match_args__, Item.__match_args__)
