"""Duck-typed rendering with typing.Protocol, runtime_checkable and generics."""
from typing import Protocol, runtime_checkable, Iterable, TypeVar, Generic, Optional


@runtime_checkable
class Renderable(Protocol):
    def render(self) -> str: ...


class Heading:
    def __init__(self, text: str, level: int = 1) -> None:
        self.text = text
        self.level = level

    def render(self) -> str:
        return "#" * self.level + " " + self.text


class Paragraph:
    def __init__(self, text: str) -> None:
        self.text = text

    def render(self) -> str:
        return self.text


class Image:
    def __init__(self, src: str) -> None:
        self.src = src


def render_all(items: Iterable[Renderable]) -> str:
    return "\n\n".join(item.render() for item in items)


T = TypeVar("T")


class Stack(Generic[T]):
    def __init__(self) -> None:
        self._items: list[T] = []

    def push(self, item: T) -> None:
        self._items.append(item)

    def pop(self) -> Optional[T]:
        return self._items.pop() if self._items else None

    def __len__(self) -> int:
        return len(self._items)


doc = [Heading("Report"), Paragraph("All systems nominal."), Heading("Details", 2), Paragraph("Nothing to add.")]
print(render_all(doc))
print("isinstance checks:", [isinstance(x, Renderable) for x in (Heading("x"), Paragraph("y"), Image("z.png"), "str")])

stack: Stack[int] = Stack()
for n in (1, 2, 3):
    stack.push(n)
print("popped:", stack.pop(), stack.pop(), "left:", len(stack), stack.pop(), stack.pop())
print("subscripted generic:", Stack[int], Stack[str]().__class__.__name__)
print("TypeVar:", T, T.__name__)
