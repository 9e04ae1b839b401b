try:
    try:
        1 / 0
    finally:
        [][1]
except IndexError as e:
    print(type(e).__name__)
raise TypeError
