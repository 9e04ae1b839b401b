"""A linked list with forward references enabled by `from __future__ import annotations`."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator


@dataclass
class Node:
    value: int
    next: Node | None = None


class LinkedList:
    def __init__(self, values: list[int] | None = None) -> None:
        self.head: Node | None = None
        self.size = 0
        for v in reversed(values or []):
            self.push(v)

    def push(self, value: int) -> LinkedList:
        self.head = Node(value, self.head)
        self.size += 1
        return self

    def __iter__(self) -> Iterator[int]:
        node = self.head
        while node:
            yield node.value
            node = node.next

    def reverse(self) -> LinkedList:
        prev: Node | None = None
        node = self.head
        while node:
            node.next, prev, node = prev, node, node.next
        self.head = prev
        return self

    def merge_sorted(self, other: LinkedList) -> LinkedList:
        return LinkedList(sorted([*self, *other]))

    def __repr__(self) -> str:
        return " -> ".join(map(str, self)) or "(empty)"


lst = LinkedList([3, 1, 4, 1, 5])
print(lst, "| size", lst.size)
print("reversed:", lst.reverse())
print("merged:", LinkedList([1, 4, 9]).merge_sorted(LinkedList([2, 3, 10])))
print("empty:", LinkedList())
print("head node:", LinkedList([7, 8]).head)
print("annotations are strings:", LinkedList.push.__annotations__)
print("dataclass field types:", {k: v for k, v in Node.__annotations__.items()})
