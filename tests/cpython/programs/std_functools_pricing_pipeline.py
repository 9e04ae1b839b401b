"""Compose price adjustments with functools.partial and functools.reduce."""
from functools import partial, reduce
import operator


def apply_discount(price, percent):
    return round(price * (1 - percent / 100), 2)


def add_tax(price, rate):
    return round(price * (1 + rate), 2)


def add_fee(price, fee=0.0):
    return round(price + fee, 2)


def compose(*funcs):
    return reduce(lambda f, g: lambda x: g(f(x)), funcs, lambda x: x)


black_friday = partial(apply_discount, percent=30)
vat = partial(add_tax, rate=0.21)
shipping = partial(add_fee, fee=4.95)
print("partial objects:", black_friday.func.__name__, black_friday.keywords, vat.args)

checkout = compose(black_friday, vat, shipping)
for price in [10.0, 49.99, 120.0, 999.0]:
    print(f"{price:>7.2f} -> {checkout(price):>8.2f}")

cart = [("book", 2, 12.5), ("pen", 10, 1.2), ("lamp", 1, 34.0)]
total = reduce(lambda acc, item: acc + item[1] * item[2], cart, 0.0)
print("cart total:", total)
print("product of quantities:", reduce(operator.mul, (q for _, q, _ in cart)))
print("max via reduce:", reduce(lambda a, b: a if a[2] >= b[2] else b, cart))
print("string concat:", reduce(operator.add, ["a", "b", "c"], ">"))
try:
    reduce(operator.add, [])
except TypeError as exc:
    print("TypeError:", exc)
int_from_bin = partial(int, base=2)
print("int_from_bin:", [int_from_bin(s) for s in ("101", "1111", "100000")])
powers = [partial(pow, exp=e) for e in (2, 3)]
print("powers of 5:", [p(5) for p in powers])
nested = partial(partial(add_fee, 100.0), fee=1.5)
print("nested partial:", nested(), nested.args, nested.keywords)
