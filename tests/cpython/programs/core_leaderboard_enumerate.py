"""Produce a leaderboard with ranks (ties share a rank) using enumerate, reversed and sum."""

results = [("Kim", 1520), ("Lee", 1720), ("Ola", 1520), ("Max", 1930), ("Ivy", 1720), ("Noa", 1210), ("Sam", 1930)]

ordered = sorted(results, key=lambda r: (-r[1], r[0]))
print("Rank  Player  Score")
rank = 0
previous = None
for position, (name, score) in enumerate(ordered, start=1):
    if score != previous:
        rank = position
        previous = score
    medal = {1: "gold", 2: "silver", 3: "bronze"}.get(rank, "")
    print(f"{rank:>4}  {name:<6}{score:>6}  {medal}")

print("bottom up:", [name for name, _ in reversed(ordered)])
print("with index from 0:", list(enumerate(n for n, _ in ordered))[:3])
print("total:", sum(s for _, s in results), "with start:", sum([1, 2, 3], 10), sum([[1], [2, 3]], []))
print("average:", round(sum(s for _, s in results) / len(results), 2))

history = {"Kim": [1400, 1450, 1520], "Max": [1800, 1930], "Noa": [1300, 1250, 1210]}
for name, scores in history.items():
    deltas = [b - a for a, b in zip(scores, scores[1:])]
    trend = "up" if sum(deltas) > 0 else "down" if sum(deltas) < 0 else "flat"
    print(f"{name}: {' -> '.join(map(str, scores))} ({trend} {sum(deltas):+d})")

for i, (name, score) in enumerate(results):
    if i % 3 == 0:
        print(f"row {i}: {name}")
positions = {name: i for i, (name, _) in enumerate(ordered, 1)}
print("positions:", positions)
print("reversed range:", list(reversed(range(1, 10, 3))), "| reversed string:", "".join(reversed("rank")))
print("max/min with default:", max([], default=None), min((s for _, s in results), default=0))
