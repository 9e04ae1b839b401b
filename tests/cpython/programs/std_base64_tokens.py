"""Encode API tokens and binary blobs with base64 variants."""
import base64
import json

credentials = "api_user:s3cr3t!"
basic = base64.b64encode(credentials.encode()).decode()
print("Authorization: Basic", basic)
print("decoded:", base64.b64decode(basic).decode())

header = {"alg": "HS256", "typ": "JWT"}
payload = {"sub": "1234567890", "name": "Zoë", "admin": True}


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


token = ".".join(b64url(json.dumps(part, separators=(",", ":")).encode()) for part in (header, payload))
print("token:", token)
print("decoded parts:", [json.loads(b64url_decode(p)) for p in token.split(".")])

blob = bytes(range(250, 256)) + b"\x00\x10 binary"
print("standard:", base64.b64encode(blob), "| urlsafe:", base64.urlsafe_b64encode(blob))
print("b32:", base64.b32encode(b"hello"), base64.b32decode(b"NBSWY3DP"))
print("b16:", base64.b16encode(b"\xde\xad\xbe\xef"), base64.b16decode("CAFE"))
print("a85:", base64.a85encode(b"Man is"), "| b85:", base64.b85encode(b"data"))
for n in range(1, 7):
    print(f"{n} bytes -> {base64.b64encode(b'x' * n)!r}")
try:
    base64.b64decode("abc", validate=True)
except Exception as exc:
    print(type(exc).__name__ + ":", exc)
print("standard_b64decode:", base64.standard_b64decode("Zm9vYmFy"), "| encodebytes:", base64.encodebytes(b"line"))
