s = text(20000)
print(len(s))
