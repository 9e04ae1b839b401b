"""Seeded Monte Carlo simulations: dice, card draws and random walks with the random module."""
import random

random.seed(2024)
rolls = [random.randint(1, 6) for _ in range(20)]
print("20 rolls:", rolls)
counts = {face: 0 for face in range(1, 7)}
for _ in range(6000):
    counts[random.randint(1, 6)] += 1
print("6000 rolls:", counts)

deck = [f"{rank}{suit}" for suit in "SHDC" for rank in ["A", *map(str, range(2, 11)), "J", "Q", "K"]]
rng = random.Random(7)
rng.shuffle(deck)
print("shuffled top 5:", deck[:5])
print("hand:", rng.sample(deck, 5))
print("choice:", rng.choice(deck), "| choices:", rng.choices(["win", "lose", "draw"], weights=[1, 3, 1], k=8))

random.seed("reproducible")
walk = [0]
for _ in range(15):
    walk.append(walk[-1] + random.choice((-1, 1)))
print("random walk:", walk)
print("uniform:", round(random.uniform(10, 20), 6), "| random():", round(random.random(), 6))
print("randrange:", [random.randrange(0, 100, 5) for _ in range(5)])
print("gauss:", round(random.gauss(100, 15), 6), "| normalvariate:", round(random.normalvariate(0, 1), 6))
print("getrandbits:", random.getrandbits(16), "| triangular:", round(random.triangular(0, 10, 8), 6))

a, b = random.Random(42), random.Random(42)
print("same seed, same stream:", [a.random() for _ in range(3)] == [b.random() for _ in range(3)])
state = a.getstate()
first = a.random()
a.setstate(state)
print("state restore:", a.random() == first)
inside = sum(1 for _ in range(20000) if random.random() ** 2 + random.random() ** 2 <= 1)
print("pi estimate:", 4 * inside / 20000)
