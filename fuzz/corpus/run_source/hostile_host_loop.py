i = 0
while True:
    i = add(i, 1)
