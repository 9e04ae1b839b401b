d = {}
for i in range(100000):
    d[i % 5000] = d.get(i % 5000, 0) + i
total = 0
for k in range(5000):
    total += d[k]
print(len(d), total)
