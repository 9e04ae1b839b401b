"""Convert numbers between bases, with validation, like a small CLI utility."""
import string

DIGITS = string.digits + string.ascii_uppercase


def to_base(n, base):
    if not 2 <= base <= 36:
        raise ValueError(f"base must be in 2..36, got {base}")
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, base)
        out.append(DIGITS[r])
    return sign + "".join(reversed(out))


for n in [0, 7, 255, 1000, -42, 2 ** 40, 123456789]:
    print(f"{n:>14}: bin={to_base(n, 2):>42} oct={to_base(n, 8):>15} hex={to_base(n, 16):>11} b36={to_base(n, 36)}")

print("builtins:", bin(10), oct(10), hex(10), bin(-10), hex(-255))
print("format:", format(10, "b"), format(10, "o"), format(10, "x"), format(10, "#X"), f"{10:#010b}")
print("parse:", int("ff", 16), int("0xff", 16), int("0b1010", 0), int("0o17", 0), int("z", 36), int("1_000", 0))
print("round trip:", all(int(to_base(n, b), b) == n for n in range(-50, 500, 7) for b in (2, 3, 7, 16, 36)))

for bad in [("12", 2), ("g", 16), ("", 10), ("0x", 16)]:
    try:
        int(*bad)
    except ValueError as exc:
        print("ValueError:", exc)
try:
    to_base(5, 40)
except ValueError as exc:
    print("ValueError:", exc)
try:
    int("10", 1)
except ValueError as exc:
    print("ValueError:", exc)

ip = "192.168.1.254"
packed = 0
for part in ip.split("."):
    packed = packed << 8 | int(part)
print(f"{ip} -> {packed} -> {packed:#010x} -> {'.'.join(str(packed >> s & 255) for s in (24, 16, 8, 0))}")
color = "#1E90FF"
r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
print(f"{color} -> rgb({r}, {g}, {b}) -> #{r:02x}{g:02x}{b:02x}")
