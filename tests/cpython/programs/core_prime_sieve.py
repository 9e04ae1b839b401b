"""Generate primes with a sieve and answer questions about them."""


def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0:2] = [False, False]
    for p in range(2, int(limit ** 0.5) + 1):
        if is_prime[p]:
            is_prime[p * p::p] = [False] * len(range(p * p, limit + 1, p))
    return [n for n, flag in enumerate(is_prime) if flag]


def factorize(n):
    factors = {}
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors[d] = factors.get(d, 0) + 1
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        factors[n] = factors.get(n, 0) + 1
    return factors


primes = sieve(10_000)
print("count below 10000:", len(primes))
print("first 20:", primes[:20])
print("last 5:", primes[-5:])
twins = [(p, q) for p, q in zip(primes, primes[1:]) if q - p == 2]
print("twin pairs:", len(twins), "first:", twins[:5], "last:", twins[-1])
gaps = [q - p for p, q in zip(primes, primes[1:])]
biggest = max(range(len(gaps)), key=gaps.__getitem__)
print("largest gap:", gaps[biggest], "after", primes[biggest])
print("sum of primes below 1000:", sum(p for p in primes if p < 1000))

for n in [360, 97, 1001, 2 ** 10 * 3 ** 4, 600851475143, 9999991]:
    f = factorize(n)
    text = " x ".join(f"{p}^{e}" if e > 1 else str(p) for p, e in f.items())
    print(f"{n} = {text}")

prime_set = set(primes)
goldbach = {n: next((p, n - p) for p in primes if n - p in prime_set) for n in range(4, 41, 6)}
print("goldbach:", goldbach)
digit_counts = {}
for p in primes:
    digit_counts[p % 10] = digit_counts.get(p % 10, 0) + 1
print("last digit counts:", dict(sorted(digit_counts.items())))
