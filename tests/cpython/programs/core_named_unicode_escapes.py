"""Render a status dashboard with named Unicode characters and escape sequences."""

CHECK = "\N{CHECK MARK}"
CROSS = "\N{BALLOT X}"
WARN = "\N{WARNING SIGN}"
BULLET = "\N{BULLET}"
ARROW = "\N{RIGHTWARDS ARROW}"
DEGREE = "\N{DEGREE SIGN}"

services = [("api", "up", 42), ("db", "down", None), ("cache", "degraded", 310), ("queue", "up", 12)]
symbols = {"up": CHECK, "down": CROSS, "degraded": WARN}

for name, status, latency in services:
    lat = f"{latency} ms" if latency is not None else "n/a"
    print(f"{BULLET} {name:<6} {symbols[status]} {status:<9} {ARROW} {lat}")

print(f"Server room: 21.5{DEGREE}C")
print("Greek:", "\N{GREEK SMALL LETTER ALPHA}\N{GREEK SMALL LETTER BETA}\N{GREEK CAPITAL LETTER OMEGA}")
print("Currency:", "\N{EURO SIGN}12, \N{POUND SIGN}9, \N{YEN SIGN}1500")
print("Case-insensitive name:", "\N{em dash}" == "\u2014", "\N{EM DASH}")
print("Escapes:", "\u00e9", "\U0001F600" == "\N{GRINNING FACE}", "\x41\x42", "\101", "tab[\t]")
print("Lengths:", len(CHECK), len("\N{GRINNING FACE}"), len("e\u0301"))
print("Code points:", [hex(ord(c)) for c in CHECK + CROSS + WARN])
print("repr:", repr(ARROW), ascii(ARROW), repr("\N{NO-BREAK SPACE}"), repr("\t\n\x00\x7f"))
print("raw string:", r"\N{BULLET} stays literal", len(r"\n"))
print("bytes escapes:", b"\x00\xff\n", b"\101")
bar = "\N{FULL BLOCK}" * 5 + "\N{LIGHT SHADE}" * 3
print("progress:", bar, f"{5 / 8:.0%}")
