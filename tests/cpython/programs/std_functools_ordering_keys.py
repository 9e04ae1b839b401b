"""Sort files like a file manager using functools.total_ordering and cmp_to_key."""
from functools import total_ordering, cmp_to_key
import re


@total_ordering
class Money:
    def __init__(self, amount, currency="EUR"):
        self.amount = amount
        self.currency = currency

    def _check(self, other):
        if self.currency != other.currency:
            raise ValueError(f"cannot compare {self.currency} with {other.currency}")

    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return (self.amount, self.currency) == (other.amount, other.currency)

    def __lt__(self, other):
        self._check(other)
        return self.amount < other.amount

    def __repr__(self):
        return f"{self.amount:.2f} {self.currency}"


prices = [Money(9.99), Money(4.5), Money(12), Money(4.5)]
print(sorted(prices), max(prices), min(prices))
print("derived operators:", Money(5) >= Money(4), Money(5) <= Money(5), Money(3) > Money(7))
try:
    Money(1) < Money(1, "USD")
except ValueError as exc:
    print("ValueError:", exc)


def natural_key_compare(a, b):
    def parts(s):
        return [int(p) if p.isdigit() else p.lower() for p in re.split(r"(\d+)", s)]
    pa, pb = parts(a), parts(b)
    return (pa > pb) - (pa < pb)


def dirs_first(a, b):
    a_dir, b_dir = a.endswith("/"), b.endswith("/")
    if a_dir != b_dir:
        return -1 if a_dir else 1
    return natural_key_compare(a, b)


files = ["img12.png", "img2.png", "docs/", "Img1.png", "readme.md", "img10.png", "archive/", "chapter1/", "chapter10/", "chapter2/"]
print("plain sort:", sorted(files))
print("natural sort:", sorted(files, key=cmp_to_key(natural_key_compare)))
print("dirs first:", sorted(files, key=cmp_to_key(dirs_first)))
key = cmp_to_key(natural_key_compare)
print("key objects compare:", key("a2") < key("a10"), key("B") == key("b"))
