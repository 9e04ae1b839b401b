"""Bit-twiddling helpers for a permissions system and a binary packet encoder."""

READ, WRITE, EXECUTE, DELETE, ADMIN = (1 << i for i in range(5))
NAMES = {READ: "read", WRITE: "write", EXECUTE: "execute", DELETE: "delete", ADMIN: "admin"}


def describe(mask):
    granted = [name for bit, name in NAMES.items() if mask & bit]
    return f"{mask:#07b} ({mask.bit_count()} perms: {', '.join(granted) or 'none'})"


users = {"guest": READ, "editor": READ | WRITE, "ops": READ | EXECUTE | DELETE, "root": 0b11111}
for user, mask in users.items():
    print(f"{user:>7}: {describe(mask)}")

for n in [0, 1, 5, 255, 256, 1023, -1024, 2**64, 10**20]:
    print(f"{n:>22}: bit_length={n.bit_length():>3} bit_count={n.bit_count():>3}")

# Encode a packet header: version (1 byte), flags (1 byte), length (2 bytes), id (4 bytes).
def encode_header(version, flags, length, packet_id):
    return (
        version.to_bytes(1, "big")
        + flags.to_bytes(1, "big")
        + length.to_bytes(2, "big")
        + packet_id.to_bytes(4, "little")
    )


def decode_header(data):
    return {
        "version": data[0],
        "flags": int.from_bytes(data[1:2], "big"),
        "length": int.from_bytes(data[2:4], "big"),
        "id": int.from_bytes(data[4:8], "little"),
    }


header = encode_header(2, READ | ADMIN, 1500, 0xDEADBEEF)
print("header bytes:", header, header.hex(" "))
print("decoded:", decode_header(header))

print("default args:", (1024).to_bytes(2), int.from_bytes(b"\x04\x00"))
print("signed:", (-2).to_bytes(2, "big", signed=True), int.from_bytes(b"\xff\xfe", "big", signed=True))
print("little:", (1).to_bytes(4, byteorder="little"), int.from_bytes(bytes([1, 2, 3]), "little"))
try:
    (256).to_bytes(1, "big")
except OverflowError as exc:
    print("OverflowError:", exc)
print("parity of 0b1011:", (0b1011).bit_count() % 2)
print("next power of two >= 100:", 1 << (100 - 1).bit_length())
print("as_integer_ratio:", (12).as_integer_ratio(), (0.75).as_integer_ratio())
