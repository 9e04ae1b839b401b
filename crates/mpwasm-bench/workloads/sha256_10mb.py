import hashlib

block = bytes(range(256)) * 4096
h = hashlib.sha256()
for _ in range(10):
    h.update(block)
print(h.digest().hex())
