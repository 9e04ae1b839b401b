"""Build and parse data: URIs for small assets with base64 and hashlib."""
import base64
import hashlib
import re

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="#0a0"/></svg>'
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01"


def data_uri(content: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(content).decode('ascii')}"


def parse_data_uri(uri: str):
    m = re.fullmatch(r"data:(?P<mime>[\w/+.-]+)(?P<b64>;base64)?,(?P<data>.*)", uri)
    if not m:
        raise ValueError("not a data URI")
    raw = base64.b64decode(m["data"]) if m["b64"] else m["data"].encode()
    return m["mime"], raw


assets = {"icon.svg": (SVG.encode(), "image/svg+xml"), "pixel.png": (PNG_HEADER, "image/png"), "note.txt": ("héllo wörld".encode(), "text/plain")}
for name, (content, mime) in assets.items():
    uri = data_uri(content, mime)
    mime_back, raw = parse_data_uri(uri)
    integrity = "sha256-" + base64.b64encode(hashlib.sha256(content).digest()).decode()
    print(f"{name}: {len(content)} bytes -> uri of {len(uri)} chars, round trip {raw == content and mime_back == mime}")
    print(f"   {uri[:60]}{'...' if len(uri) > 60 else ''}")
    print(f"   integrity={integrity}")

print(parse_data_uri("data:text/plain,hello"))
try:
    parse_data_uri("http://example.com/x.png")
except ValueError as exc:
    print("ValueError:", exc)
print("overhead for 3n bytes:", [len(base64.b64encode(b"\x00" * n)) for n in (3, 30, 300)])
print("urlsafe alphabet differs:", base64.b64encode(b"\xfb\xff"), base64.urlsafe_b64encode(b"\xfb\xff"))
