"""Brute-force a small travelling-salesman tour with itertools.permutations and math.dist."""
import math
from itertools import permutations, combinations
from functools import lru_cache

CITIES = {"Depot": (0, 0), "A": (2, 6), "B": (5, 2), "C": (6, 6), "D": (8, 3), "E": (1, 3), "F": (4, 8)}
names = list(CITIES)


@lru_cache(maxsize=None)
def leg(a, b):
    return math.dist(CITIES[a], CITIES[b])


def tour_length(order):
    route = ("Depot", *order, "Depot")
    return sum(leg(a, b) for a, b in zip(route, route[1:]))


stops = names[1:]
best = min(permutations(stops), key=tour_length)
worst = max(permutations(stops), key=tour_length)
print("tours checked:", math.factorial(len(stops)))
print("best:", " -> ".join(("Depot", *best, "Depot")), f"{tour_length(best):.4f}")
print("worst:", f"{tour_length(worst):.4f}", "| ratio:", round(tour_length(worst) / tour_length(best), 4))


def nearest_neighbour():
    route, left = ["Depot"], set(stops)
    while left:
        nxt = min(sorted(left), key=lambda c: leg(route[-1], c))
        route.append(nxt)
        left.remove(nxt)
    return route[1:]


greedy = nearest_neighbour()
print("greedy:", greedy, f"{tour_length(greedy):.4f}", f"(+{tour_length(greedy) / tour_length(best) - 1:.2%})")
closest = min(combinations(names, 2), key=lambda p: leg(*p))
farthest = max(combinations(names, 2), key=lambda p: leg(*p))
print("closest pair:", closest, round(leg(*closest), 4), "| farthest:", farthest, round(leg(*farthest), 4))
print("leg cache:", leg.cache_info().currsize, "entries")
