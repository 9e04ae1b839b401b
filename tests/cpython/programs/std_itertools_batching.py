"""Batch uploads, pair neighbours and fill gaps with more itertools helpers."""
from itertools import zip_longest, pairwise, count, cycle, repeat, tee, compress, filterfalse, islice

files = [f"photo_{i:02d}.jpg" for i in range(1, 12)]


def chunked(iterable, n):
    args = [iter(iterable)] * n
    return [[x for x in group if x is not None] for group in zip_longest(*args)]


for number, batch in enumerate(chunked(files, 4), 1):
    print(f"batch {number}: {batch}")

altitudes = [120, 135, 150, 148, 160, 190, 185]
climbs = [b - a for a, b in pairwise(altitudes)]
print("climbs:", climbs, "| total ascent:", sum(c for c in climbs if c > 0))
print("pairwise of short:", list(pairwise("ab")), list(pairwise("a")))

names, scores = ["ann", "bob", "cy"], [90, 85]
print("zip_longest:", list(zip_longest(names, scores, fillvalue="absent")))

ids = count(1000, 5)
print("ids:", [next(ids) for _ in range(4)])
print("float count:", list(islice(count(0.5, 0.25), 4)))
shifts = cycle(["early", "late", "night"])
roster = {day: next(shifts) for day in ["Mon", "Tue", "Wed", "Thu", "Fri"]}
print("roster:", roster)
print("repeat:", list(repeat("x", 3)), list(map(pow, range(5), repeat(2))))
a, b = tee(iter([1, 2, 3]))
print("tee:", list(a), list(b))
flags = [1, 0, 1, 1, 0]
print("compress:", list(compress("abcde", flags)))
print("filterfalse odd:", list(filterfalse(lambda x: x % 2, range(10))))
