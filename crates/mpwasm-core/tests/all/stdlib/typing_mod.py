# typing: names usable at run time and in annotations
from typing import List, Dict, Optional, Union, Any, Callable, TypeVar, Generic, NamedTuple, TypedDict, Tuple
from typing import runtime_checkable, Protocol, cast, overload, TYPE_CHECKING, ClassVar, Final, Literal, Iterable, Iterator, Sequence

T = TypeVar("T")


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)


s = Stack[int]()
s.push(1)
print(type(s).__name__, s.items, Optional[int], Dict[str, List[int]], Union[int, str], T)
print(Callable[[int], str], List, Any, Literal["a", "b"], Tuple[int, ...], cast(int, "x"), TYPE_CHECKING)
print(Optional[int] == Union[int, None], int | None, isinstance(3, int | str), isinstance(None, int | None))


class Pt(NamedTuple):
    x: int
    y: int = 0

    def norm(self) -> int:
        return abs(self.x) + abs(self.y)


pt = Pt(3)
print(pt, pt.norm(), sorted(pt._asdict().items()), Pt._fields, isinstance(pt, tuple), pt._replace(x=1))


class Movie(TypedDict):
    title: str
    year: int


mv = Movie(title="x", year=1)
print(mv == {"title": "x", "year": 1}, type(mv).__name__)


@runtime_checkable
class Greeter(Protocol):
    def greet(self) -> str: ...


class En:
    def greet(self) -> str:
        return "hi"


print(isinstance(En(), Greeter), isinstance(3, Greeter))


class Config:
    name: str
    retries: int = 3
    tags: ClassVar[List[str]] = []


print(sorted(Config.__annotations__), Config.retries)
