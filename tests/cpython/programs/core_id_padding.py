"""Generate zero-padded ticket, invoice and employee identifiers."""

tickets = [7, 42, 1234, 98765]
for t in tickets:
    print("TCK-" + str(t).zfill(6), f"INV{t:06d}", "EMP-{:0>5}".format(t))

print("negative:", "-42".zfill(6), "+7".zfill(4), f"{-42:06d}", f"{-42:+06d}")
print("longer than width:", "123456789".zfill(4))
print("text:", "abc".zfill(6), "".zfill(3))
print("floats:", f"{3.14159:08.3f}", f"{-2.5:09.2f}", "{:010.4e}".format(12345.678))

version_parts = ["1", "10", "2"]
print("sortable version:", ".".join(p.zfill(3) for p in version_parts))
versions = ["1.10.2", "1.2.10", "1.2.9", "0.99.0", "10.0.0"]
print("naive sort:", sorted(versions))
print("padded sort:", sorted(versions, key=lambda v: [p.zfill(4) for p in v.split(".")]))


def format_duration(seconds):
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}"


for s in [0, 59, 61, 3599, 3600, 86399, 90061]:
    print(f"{s:>6} s = {format_duration(s)}")

codes = [f"{i:03d}" for i in range(0, 1000, 137)]
print("codes:", codes)
print("binary byte:", f"{5:08b}", format(200, "08b"), bin(5)[2:].zfill(8))
print("hex bytes:", " ".join(f"{b:02X}" for b in b"\x00\x0f\xab\xff"))
