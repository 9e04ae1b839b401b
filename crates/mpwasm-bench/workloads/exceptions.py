class Invalid(Exception):
    pass


def check(i):
    if i % 2:
        raise Invalid(i)
    return i


caught = 0
total = 0
for i in range(100000):
    try:
        total += check(i)
    except Invalid:
        caught += 1
print(caught, total)
