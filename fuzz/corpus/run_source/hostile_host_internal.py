try:
    internal('not a number')
except RuntimeError as e:
    print(e)
print(internal('12'))
