"""Exact big-integer arithmetic: factorials, digit sums, Collatz and large powers."""


def factorial(n):
    result = 1
    for k in range(2, n + 1):
        result *= k
    return result


def digit_sum(n):
    return sum(int(d) for d in str(n))


def collatz_length(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


f50 = factorial(50)
print("50! =", f50)
print("digits:", len(str(f50)), "digit sum:", digit_sum(f50), "trailing zeros:", len(str(f50)) - len(str(f50).rstrip("0")))
print("2**256 =", 2 ** 256)
print("2**256 in hex:", hex(2 ** 256 - 1)[:12], "...", len(hex(2 ** 256 - 1)) - 2, "hex digits")
print("mersenne 2**127-1 mod 1e9+7:", (2 ** 127 - 1) % (10 ** 9 + 7))
print("division:", f50 // 3 ** 20, f50 % 3 ** 20, divmod(10 ** 30, 7 ** 15))
print("negative floor:", -(10 ** 20) // 3, -(10 ** 20) % 3)
print("compare with float:", 2 ** 53 + 1 > 2.0 ** 53, float(2 ** 53 + 1), int(1e20))
print("abs/neg:", abs(-(3 ** 50)), -(-(5 ** 30)))
print("shift:", 1 << 100, (1 << 100) >> 98, -1 >> 10)
print("bitwise:", (2 ** 70 - 1) & 0xFFFF, (2 ** 65) | 1, (2 ** 64) ^ (2 ** 64 + 5))
longest = max(range(1, 10000), key=collatz_length)
print("longest Collatz under 10000:", longest, collatz_length(longest))
print("int from string:", int("9" * 40) + 1, int("-123456789012345678901234567890"))


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


print("gcd of big numbers:", gcd(factorial(30), 2 ** 40 * 3 ** 5))
print("perfect powers:", [n for n in range(2, 200) if any(round(n ** (1 / k)) ** k == n for k in range(2, 8))])
print("sum of 1..10**6:", sum(range(1, 10 ** 6 + 1)), 10 ** 6 * (10 ** 6 + 1) // 2)
print("pow with big exponent:", pow(3, 1000) % 1000, len(str(7 ** 777)))
