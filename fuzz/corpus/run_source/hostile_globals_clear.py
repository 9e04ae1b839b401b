globals().clear()
print(len)
