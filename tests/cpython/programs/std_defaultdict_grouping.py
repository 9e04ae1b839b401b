"""Group transactions by category and month with defaultdict, including nested defaultdicts."""
from collections import defaultdict

transactions = [
    ("2024-01-03", "groceries", 54.20), ("2024-01-07", "transport", 12.00),
    ("2024-01-15", "groceries", 33.75), ("2024-02-01", "rent", 950.00),
    ("2024-02-02", "groceries", 61.10), ("2024-02-14", "dining", 78.40),
    ("2024-01-31", "rent", 950.00), ("2024-02-20", "transport", 45.50),
    ("2024-03-05", "dining", 22.00), ("2024-03-09", "groceries", 48.90),
]

by_category = defaultdict(list)
for date, category, amount in transactions:
    by_category[category].append(amount)
print("categories:", list(by_category))
for category, amounts in by_category.items():
    print(f"  {category:<10} n={len(amounts)} total={sum(amounts):8.2f}")

monthly = defaultdict(lambda: defaultdict(float))
for date, category, amount in transactions:
    monthly[date[:7]][category] += amount
for month in sorted(monthly):
    line = ", ".join(f"{c}={v:.2f}" for c, v in sorted(monthly[month].items()))
    print(f"{month}: {line}")

counts = defaultdict(int)
for _, category, _ in transactions:
    counts[category] += 1
print("counts:", dict(counts))
print("missing key creates default:", counts["travel"], "travel" in counts)
print("get does not:", by_category.get("gifts"), "gifts" in by_category)

graph = defaultdict(set)
for a, b in [("a", "b"), ("b", "c"), ("a", "c"), ("d", "a")]:
    graph[a].add(b)
    graph[b].add(a)
print("adjacency:", {k: sorted(v) for k, v in sorted(graph.items())})
print("repr:", repr(defaultdict(int, {"x": 1})))
print("default_factory:", counts.default_factory, monthly["2024-01"].default_factory)
plain = defaultdict(None)
try:
    plain["nope"]
except KeyError as exc:
    print("no factory -> KeyError:", exc)
