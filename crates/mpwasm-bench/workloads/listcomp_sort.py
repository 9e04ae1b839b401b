total = 0
for r in range(20):
    xs = [(i * 7919 + r) % 10007 for i in range(5000)]
    xs.sort()
    total += xs[0] + xs[-1] + xs[2500]
print(total)
