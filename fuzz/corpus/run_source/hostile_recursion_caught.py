def f(n):
    try:
        return f(n + 1)
    except RuntimeError:
        return n
print(f(0) > 10)
