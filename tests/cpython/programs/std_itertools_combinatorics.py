"""Team selection and scheduling puzzles with itertools combinatorics."""
from itertools import combinations, combinations_with_replacement, permutations, product

players = {"Ann": 7, "Bo": 5, "Cy": 9, "Di": 6, "Ed": 8}

teams = list(combinations(players, 3))
print("possible 3-person teams:", len(teams))
best = max(teams, key=lambda t: sum(players[p] for p in t))
balanced = min(
    ((t, tuple(p for p in players if p not in t)) for t in combinations(players, 2)),
    key=lambda pair: abs(sum(players[p] for p in pair[0]) * 1.5 - sum(players[p] for p in pair[1])),
)
print("strongest team:", best, sum(players[p] for p in best))
print("balanced 2 vs 3:", balanced)

order = list(permutations("ABC"))
print("speaking orders:", ["".join(o) for o in order])
print("podiums from 5:", len(list(permutations(players, 3))))
print("first 3 two-letter perms:", list(permutations("wxyz", 2))[:3])

coins = [1, 2, 5]
ways = [c for c in combinations_with_replacement(coins, 4) if sum(c) == 10]
print("4 coins making 10:", ways)

sizes, colours = ["S", "M", "L"], ["red", "blue"]
variants = [f"{s}-{c}" for s, c in product(sizes, colours)]
print("variants:", variants)
print("dice sums of 7:", sum(1 for a, b in product(range(1, 7), repeat=2) if a + b == 7))
print("binary strings:", ["".join(bits) for bits in product("01", repeat=3)])
grid = list(product(range(2), range(3)))
print("grid:", grid)
print("counts:", len(list(combinations(range(10), 4))), len(list(permutations(range(6)))))
print("empty:", list(combinations([1, 2], 3)), list(permutations([], 0)), list(product()))
