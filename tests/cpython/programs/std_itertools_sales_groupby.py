"""Sales report: groupby per region, running totals with accumulate, top sellers with islice."""
from itertools import groupby, accumulate, islice, chain, starmap, takewhile, dropwhile
import operator

sales = [
    ("north", "2024-01", 1200), ("north", "2024-02", 900), ("north", "2024-03", 1500),
    ("south", "2024-01", 700), ("south", "2024-02", 1100), ("east", "2024-01", 400),
    ("east", "2024-02", 650), ("east", "2024-03", 300), ("south", "2024-03", 1300),
]

key = operator.itemgetter(0)
for region, rows in groupby(sorted(sales, key=key), key=key):
    rows = list(rows)
    amounts = [r[2] for r in rows]
    running = list(accumulate(amounts))
    print(f"{region:<6} months={len(rows)} total={sum(amounts):>5} running={running} best={max(amounts)}")

print("groupby without sorting (consecutive runs):", [(k, len(list(g))) for k, g in groupby(s[0] for s in sales)])
print("run lengths:", [(k, len(list(g))) for k, g in groupby("aaabccddddde")])

monthly = {}
for _, month, amount in sales:
    monthly[month] = monthly.get(month, 0) + amount
print("monthly:", monthly)
print("cumulative:", list(accumulate(monthly.values())))
print("running max:", list(accumulate([3, 1, 4, 1, 5, 9, 2, 6], max)))
print("running product:", list(accumulate(range(1, 7), operator.mul)))
print("accumulate with initial:", list(accumulate([1, 2, 3], initial=100)))

top3 = islice(sorted(sales, key=lambda s: -s[2]), 3)
print("top 3:", list(top3))
print("islice forms:", list(islice(range(100), 5)), list(islice(range(100), 10, 20, 3)), list(islice("abcdef", 2, None)))
print("chain:", list(chain([1, 2], (3,), "ab")), list(chain.from_iterable([[1], [2, 3], []])))
print("starmap:", list(starmap(pow, [(2, 3), (3, 2), (10, 0)])))
readings = [1, 3, 5, 8, 2, 9, 1]
print("takewhile < 6:", list(takewhile(lambda x: x < 6, readings)), "| dropwhile:", list(dropwhile(lambda x: x < 6, readings)))
