d = {i: i for i in range(10)}
for k in d:
    del d[k]
