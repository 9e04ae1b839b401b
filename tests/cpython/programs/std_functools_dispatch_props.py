"""Format values for a report with singledispatch, cache derived data with cached_property."""
from functools import singledispatch, cached_property, wraps
from datetime import date
from decimal import Decimal


@singledispatch
def fmt(value):
    return str(value)


@fmt.register
def _(value: float):
    return f"{value:,.2f}"


@fmt.register
def _(value: bool):
    return "yes" if value else "no"


@fmt.register(int)
def _(value):
    return f"{value:,}"


@fmt.register(list)
@fmt.register(tuple)
def _(value):
    return "[" + "; ".join(fmt(v) for v in value) + "]"


@fmt.register
def _(value: date):
    return value.strftime("%d %b %Y")


@fmt.register
def _(value: Decimal):
    return f"€{value:.2f}"


for v in [1234567, 1234.5678, True, "text", [1, 2.5, False], (date(2024, 2, 29), Decimal("9.5")), None]:
    print(f"{type(v).__name__:>8}: {fmt(v)}")
print("registered types:", sorted(t.__name__ for t in fmt.registry))
print("dispatch for bool:", fmt.dispatch(bool).__name__ == "_", fmt.dispatch(object) is fmt.registry[object])


def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        print(f"  computing {func.__name__}...")
        return func(*args, **kwargs)
    return wrapper


class Dataset:
    def __init__(self, values):
        self.values = values

    @cached_property
    @logged
    def stats(self):
        """Summary statistics, computed once."""
        n = len(self.values)
        mean = sum(self.values) / n
        var = sum((x - mean) ** 2 for x in self.values) / n
        return {"n": n, "mean": mean, "std": var ** 0.5}


ds = Dataset([2, 4, 4, 4, 5, 5, 7, 9])
print(ds.stats)
print(ds.stats["std"], "(second access is cached)")
del ds.stats
ds.values.append(100)
print("recomputed:", ds.stats["mean"])
print("wraps kept name/doc:", Dataset.stats.func.__name__, Dataset.stats.__doc__)
