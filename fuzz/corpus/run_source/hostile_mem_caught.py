try:
    b = bytearray(10 ** 8)
except MemoryError:
    print('caught')
print(len(bytearray(1000)))
