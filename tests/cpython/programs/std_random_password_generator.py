"""Generate passwords and passphrases reproducibly with a seeded random.Random and string constants."""
import random
import string

rng = random.Random(20240501)
WORDS = ["apple", "river", "stone", "cloud", "tiger", "maple", "ember", "orbit", "lunar", "pixel", "quartz", "willow"]


def password(length=14, symbols=True):
    pools = [string.ascii_lowercase, string.ascii_uppercase, string.digits] + ([string.punctuation] if symbols else [])
    chars = [rng.choice(pool) for pool in pools]
    everything = "".join(pools)
    chars += rng.choices(everything, k=length - len(chars))
    rng.shuffle(chars)
    return "".join(chars)


def passphrase(n=4, sep="-"):
    words = rng.sample(WORDS, n)
    i = rng.randrange(n)
    words[i] = words[i].capitalize()
    return sep.join(words) + sep + str(rng.randint(10, 99))


for _ in range(4):
    pw = password()
    kinds = [any(c in pool for c in pw) for pool in (string.ascii_lowercase, string.ascii_uppercase, string.digits, string.punctuation)]
    print(pw, len(pw), kinds)
print("no symbols:", password(10, symbols=False))
for _ in range(3):
    print("passphrase:", passphrase())
pins = [f"{rng.randrange(10000):04d}" for _ in range(5)]
print("pins:", pins)
print("coin flips:", "".join(rng.choice("HT") for _ in range(20)))
print("weighted:", rng.choices(["common", "rare", "epic"], cum_weights=[80, 95, 100], k=10))
print("uniform ints:", [rng.randint(1, 3) for _ in range(10)])
print("random float:", rng.random(), "| expovariate:", round(rng.expovariate(2.0), 12))
print("betavariate in range:", 0 <= rng.betavariate(2, 5) <= 1)
