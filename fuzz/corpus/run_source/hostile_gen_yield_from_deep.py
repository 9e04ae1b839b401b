def g(n):
    if n:
        yield from g(n - 1)
    else:
        yield 0
print(list(g(10000)))
