"""Accumulate measurements and show how floats print, round and compare."""
import math

samples = [0.1, 0.2, 0.30000000000000004, 1 / 3, 2 / 3, 1e-7, 123456789.123, 1e16, 1e22, 2.5e-308]
for s in samples:
    print(repr(s), str(s), f"{s:.3g}", round(s, 4))

total = 0.0
for _ in range(10):
    total += 0.1
print("sum of ten 0.1:", total, total == 1.0, math.isclose(total, 1.0))
print("0.1 + 0.2 =", 0.1 + 0.2)
print("special:", float("inf"), -float("inf"), float("nan"), math.inf > 1e308)
print("nan comparisons:", float("nan") == float("nan"), math.isnan(float("nan")))
print("int/float:", 7 / 2, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 7.5 // 2, divmod(-7, 2), divmod(7.5, 2))
print("conversions:", int(3.999), int(-3.999), float(7), float("  1e3 "), int("  42  "), int("-0"))
print("big floats:", 2.0 ** 100, float(10 ** 20), 1.7976931348623157e308)
print("tiny:", 5e-324, 1e-5, 0.0001, 1e-4 == 0.0001)
print("negative zero:", -0.0, 0.0 == -0.0, math.copysign(1, -0.0))
print("is_integer:", (3.0).is_integer(), (3.5).is_integer())
print("hex:", (0.5).hex(), float.fromhex("0x1.8p1"))
print("rounding:", round(0.125, 2), round(0.375, 2), round(-1.5), round(2.5), round(3.5), round(1e15 + 0.5))
print("str of computed:", 1.1 * 3, 3.3, 100 * 1.1, 4.35 * 100)
print("repr of list:", [1.0, 2.50, 3e10, 1e-10])
avg = sum(samples[:5]) / 5
print(f"average {avg} ~ {avg:.15f} ~ {avg:.17g}")
