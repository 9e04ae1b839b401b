"""A typed event bus that imports and uses a broad set of typing names at runtime."""
from __future__ import annotations

from typing import (
    Any, Callable, ClassVar, Dict, Final, Generator, Iterator, List, Literal, Mapping,
    Optional, Sequence, Set, Tuple, Union, cast, overload, TYPE_CHECKING, get_type_hints,
)

if TYPE_CHECKING:
    from collections.abc import Awaitable  # never imported at runtime

Level = Literal["debug", "info", "error"]
Handler = Callable[[str, Mapping[str, Any]], Optional[str]]
MAX_HANDLERS: Final = 8


class EventBus:
    instances: ClassVar[int] = 0

    def __init__(self) -> None:
        self.handlers: Dict[str, List[Handler]] = {}
        self.seen: Set[str] = set()
        EventBus.instances += 1

    def on(self, event: str, handler: Handler) -> None:
        bucket = self.handlers.setdefault(event, [])
        if len(bucket) >= MAX_HANDLERS:
            raise RuntimeError("too many handlers")
        bucket.append(handler)

    def emit(self, event: str, payload: Mapping[str, Any]) -> List[str]:
        self.seen.add(event)
        results = (h(event, payload) for h in self.handlers.get(event, []))
        return [r for r in results if r is not None]


@overload
def level_number(level: Level) -> int: ...
@overload
def level_number(level: int) -> int: ...
def level_number(level: Union[Level, int]) -> int:
    if isinstance(level, int):
        return level
    return {"debug": 10, "info": 20, "error": 40}[level]


def batches(items: Sequence[int], size: int) -> Generator[Tuple[int, ...], None, None]:
    for i in range(0, len(items), size):
        yield tuple(items[i:i + size])


def countdown(n: int) -> Iterator[int]:
    while n:
        yield n
        n -= 1


bus = EventBus()
bus.on("order", lambda e, p: f"{e}: {p['id']} for {p['total']:.2f}")
bus.on("order", lambda e, p: None if p["total"] < 100 else "large order!")
bus.on("refund", lambda e, p: f"refund {p['id']}")
print(bus.emit("order", {"id": 7, "total": 42.0}))
print(bus.emit("order", {"id": 8, "total": 250.0}))
print(bus.emit("refund", {"id": 7}), bus.emit("unknown", {}))
print("seen:", sorted(bus.seen), "instances:", EventBus.instances)
print("levels:", level_number("info"), level_number(35))
print("batches:", list(batches(list(range(7)), 3)), list(countdown(3)))
value = cast(int, "not really an int")
print("cast is a no-op:", value)
print("TYPE_CHECKING:", TYPE_CHECKING, "| MAX_HANDLERS:", MAX_HANDLERS)
print("raw annotations are strings:", EventBus.on.__annotations__)
hints = get_type_hints(batches)
print("resolved hints:", sorted(hints), hints["size"])
print("Optional[int] == Union[int, None]:", Optional[int] == Union[int, None])
