x = 'é😀'
print(x, len(x))
é = 1
