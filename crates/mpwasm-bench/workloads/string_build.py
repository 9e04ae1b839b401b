parts = []
for i in range(100000):
    parts.append(str(i) + ",")
s = "".join(parts)
print(len(s))
