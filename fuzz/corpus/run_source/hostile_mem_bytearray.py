b = bytearray(10 ** 9)
