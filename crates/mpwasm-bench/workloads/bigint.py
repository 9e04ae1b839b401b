a, b = 0, 1
for _ in range(5000):
    a, b = b, a + b
f = 1
for i in range(1, 1001):
    f *= i
print(len(str(a)), len(str(f)), (a * f) % 1000000007, pow(3, 10000, 10**40 + 7))
