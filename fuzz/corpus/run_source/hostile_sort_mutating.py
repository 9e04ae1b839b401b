l = list(range(100))
def key(x):
    l.append(x)
    return -x
l.sort(key=key)
print(len(l))
