"""Verify the integrity of in-memory 'files' with hashlib digests and HMAC signatures."""
import hashlib
import hmac

files = {
    "readme.txt": b"Welcome to the project.\n",
    "data.csv": b"id,value\n1,10\n2,20\n",
    "empty.bin": b"",
    "unicode.txt": "naïve café ☕\n".encode("utf-8"),
}

print(f"{'file':<12} {'bytes':>5}  sha256")
manifest = {}
for name, content in files.items():
    digest = hashlib.sha256(content).hexdigest()
    manifest[name] = digest
    print(f"{name:<12} {len(content):>5}  {digest}")

print("md5 of readme:", hashlib.md5(files["readme.txt"]).hexdigest())
print("sha1 of readme:", hashlib.sha1(files["readme.txt"]).hexdigest())
print("sha512 of data:", hashlib.sha512(files["data.csv"]).hexdigest()[:64], "...")
print("sha224/384:", hashlib.sha224(b"abc").hexdigest(), hashlib.sha384(b"abc").hexdigest()[:32])

h = hashlib.sha256()
for chunk in (b"id,value\n", b"1,10\n", b"2,20\n"):
    h.update(chunk)
print("incremental equals one-shot:", h.hexdigest() == manifest["data.csv"])
print("digest bytes:", h.digest()[:8], "| sizes:", h.digest_size, h.block_size, h.name)
print("new():", hashlib.new("sha256", b"abc").hexdigest() == hashlib.sha256(b"abc").hexdigest())
copy_h = h.copy()
copy_h.update(b"3,30\n")
print("copy diverges:", copy_h.hexdigest() != h.hexdigest())

tampered = files["data.csv"].replace(b"20", b"21")
print("tampered detected:", hashlib.sha256(tampered).hexdigest() != manifest["data.csv"])

key = b"server-secret"
signature = hmac.new(key, files["readme.txt"], hashlib.sha256).hexdigest()
print("hmac:", signature)
print("verify:", hmac.compare_digest(signature, hmac.new(key, files["readme.txt"], "sha256").hexdigest()))
print("blake2b:", hashlib.blake2b(b"abc", digest_size=16).hexdigest())
print("available:", all(n in hashlib.algorithms_available for n in ("md5", "sha1", "sha256", "sha512")))
