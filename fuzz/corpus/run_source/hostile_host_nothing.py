print(nothing())
print(nothing(1))
