"""A hexdump utility and a little binary record parser built on bytes and bytearray."""

payload = "Hello, Wörld! \x00\x01\x02 Binary\tdata ✓".encode("utf-8")


def hexdump(data, width=16):
    for offset in range(0, len(data), width):
        chunk = data[offset:offset + width]
        hexpart = " ".join(f"{b:02x}" for b in chunk)
        text = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
        print(f"{offset:08x}  {hexpart:<{width * 3}} |{text}|")


hexdump(payload)
print("length:", len(payload), "| decoded:", payload.decode("utf-8"))
print("hex():", payload[:6].hex(), payload[:6].hex("-"), bytes.fromhex("48 65 6c 6c 6f"))
print("find:", payload.find(b"World"), payload.find("Wörld".encode()), payload.count(b"l"))
print("split:", payload.split(b" ")[:3], payload.startswith(b"Hello"))
print("upper/strip:", b"  abc  ".strip().upper(), b"a,b,,c".split(b","))
print("repr:", bytes([0, 7, 10, 13, 39, 92, 127, 128, 255]))
print("iterating gives ints:", list(b"AZ"), b"A"[0], b"AZ"[-1:])

buf = bytearray(b"header:")
buf += bytes(range(5))
buf.extend(b"!")
buf[0] = ord("H")
buf.insert(0, 0x7E)
print("bytearray:", buf, len(buf))
del buf[1:4]
print("after delete:", buf, buf.hex())
buf.reverse()
print("reversed:", bytes(buf))

record = bytes([1, 0, 42, 0, 0, 1, 0]) + "Ada".encode()
rid = int.from_bytes(record[0:3], "big")
amount = int.from_bytes(record[3:7], "little")
name = record[7:].decode()
print(f"record id={rid} amount={amount} name={name!r}")
print("join:", b"-".join([b"a", b"bc", b"d"]), b"%d items at %s" % (3, b"home"))
print("encode errors:", "naïve".encode("ascii", errors="replace"), "naïve".encode("ascii", "ignore"))
print("latin-1 round trip:", "Ærø".encode("latin-1"), b"\xc6r\xf8".decode("latin-1"))
try:
    b"\xff\xfe".decode("utf-8")
except UnicodeDecodeError as exc:
    print("UnicodeDecodeError:", exc.reason, exc.start)
