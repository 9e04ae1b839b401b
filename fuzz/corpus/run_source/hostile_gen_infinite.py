def count():
    i = 0
    while True:
        yield i
        i += 1
print(list(count()))
