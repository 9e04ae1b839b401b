"""Content-addressed storage: split data into blocks, deduplicate by SHA-256, verify with MD5."""
import hashlib
from collections import OrderedDict

BLOCK = 16
files = {
    "a.txt": b"The quick brown fox jumps over the lazy dog. " * 3,
    "b.txt": b"The quick brown fox jumps over the lazy dog. " * 2 + b"The end.",
    "c.bin": bytes(range(64)),
    "d.bin": bytes(range(32)) * 2,
}

store = OrderedDict()
manifests = {}
for name, data in files.items():
    ids = []
    for offset in range(0, len(data), BLOCK):
        chunk = data[offset:offset + BLOCK]
        key = hashlib.sha256(chunk).hexdigest()[:12]
        store.setdefault(key, chunk)
        ids.append(key)
    manifests[name] = ids
    print(f"{name}: {len(data)} bytes, {len(ids)} blocks, md5 {hashlib.md5(data).hexdigest()}")

raw_blocks = sum(len(ids) for ids in manifests.values())
print(f"blocks referenced {raw_blocks}, stored {len(store)}, dedup ratio {raw_blocks / len(store):.2f}")
shared = {k for k in manifests["a.txt"]} & {k for k in manifests["b.txt"]}
print("blocks shared by a and b:", len(shared))
for name, ids in manifests.items():
    rebuilt = b"".join(store[k] for k in ids)
    ok = hashlib.sha256(rebuilt).digest() == hashlib.sha256(files[name]).digest()
    print(f"rebuild {name}: {'ok' if ok else 'CORRUPT'}")
print("first block ids of d.bin:", manifests["d.bin"][:3])
fingerprint = hashlib.sha1()
for key in store:
    fingerprint.update(key.encode())
print("store fingerprint:", fingerprint.hexdigest())
print("sha256 of empty:", hashlib.sha256().hexdigest())
print("sha512 length:", len(hashlib.sha512(b"x").hexdigest()), "| md5 digest_size:", hashlib.md5().digest_size)
