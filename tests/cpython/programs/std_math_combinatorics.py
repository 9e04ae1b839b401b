"""Lottery odds, seating arrangements and number theory with the math module."""
import math

print("6 of 49 lottery combinations:", math.comb(49, 6), f"(odds 1 in {math.comb(49, 6):,})")
print("EuroMillions:", math.comb(50, 5) * math.comb(12, 2))
print("podium orders among 8 runners:", math.perm(8, 3), "| all orders:", math.perm(8), math.factorial(8))
print("round table seatings of 6:", math.factorial(5))
print("binomial row 10:", [math.comb(10, k) for k in range(11)])
print("comb edge cases:", math.comb(5, 0), math.comb(5, 7), math.perm(5, 0))
try:
    math.comb(-1, 2)
except ValueError as exc:
    print("ValueError:", exc)

print("gcd/lcm:", math.gcd(84, 126), math.gcd(84, 126, 210), math.gcd(), math.lcm(4, 6), math.lcm(3, 4, 5, 6), math.lcm())
print("isqrt:", [math.isqrt(n) for n in (0, 15, 16, 17, 10 ** 20 + 1)])
perfect = [n for n in range(1, 200) if math.isqrt(n) ** 2 == n]
print("perfect squares < 200:", perfect)
print("prod:", math.prod([1, 2, 3, 4, 5]), math.prod(range(1, 11), start=2), math.prod([]), math.prod([0.5, 4]))
print("factorial of 20:", math.factorial(20), "| digits of 100!:", len(str(math.factorial(100))))


def catalan(n):
    return math.comb(2 * n, n) // (n + 1)


print("catalan:", [catalan(n) for n in range(10)])
dice = sum(math.comb(6, k) * (1 / 6) ** k * (5 / 6) ** (6 - k) for k in range(1, 7))
print(f"P(at least one six in 6 rolls) = {dice:.6f} (1 - (5/6)^6 = {1 - (5 / 6) ** 6:.6f})")
stirling = math.sqrt(2 * math.pi * 20) * (20 / math.e) ** 20
print(f"Stirling approximation of 20!: {stirling:.6e} vs {math.factorial(20):.6e}")
