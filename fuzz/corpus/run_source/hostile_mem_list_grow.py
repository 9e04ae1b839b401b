l = []
while True:
    l.append(' ' * 1000)
