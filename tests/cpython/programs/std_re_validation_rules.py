"""Validate form input with fullmatch, flags, lookaheads and compiled patterns."""
import re

USERNAME = re.compile(r"[a-z][a-z0-9_]{2,15}")
PASSWORD = re.compile(r"(?=.*[a-z])(?=.*[A-Z])(?=.*\d)(?=.*[^\w\s]).{8,}")
POSTCODE_UK = re.compile(r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}", re.IGNORECASE)
HEX_COLOR = re.compile(r"#(?:[0-9a-f]{3}){1,2}", re.I)
ISO_DATE = re.compile(r"(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")

checks = {
    "username": (USERNAME, ["ada_l", "Ada", "x", "bob_the_builder_1", "9lives", "this_is_way_too_long"]),
    "password": (PASSWORD, ["Passw0rd!", "password", "SHORT1!a", "NoSymbols123", "Ok$1abcd"]),
    "postcode": (POSTCODE_UK, ["SW1A 1AA", "ec1a1bb", "W1A 0AX", "12345", "M1 1AE "]),
    "colour": (HEX_COLOR, ["#fff", "#1E90FF", "#12345", "fff", "#ABCDEF"]),
    "date": (ISO_DATE, ["2024-02-29", "2024-13-01", "2024-1-5", "1999-12-31"]),
}
for field, (pattern, samples) in checks.items():
    results = {s: bool(pattern.fullmatch(s)) for s in samples}
    print(f"{field:<9} {results}")

print("match vs fullmatch:", bool(USERNAME.match("ada_l!!")), bool(USERNAME.fullmatch("ada_l!!")))
print("search anywhere:", bool(re.search(r"\d", "abc4")), "| anchors:", bool(re.fullmatch(r"^\d+$", "123")))
text = "first line\nSecond Line\nthird"
print("MULTILINE ^:", re.findall(r"^\w+", text, re.MULTILINE), "| without:", re.findall(r"^\w+", text))
print("DOTALL:", re.search(r"first.*third", text, re.DOTALL) is not None, re.search(r"first.*third", text))
print("IGNORECASE + MULTILINE:", re.findall(r"^s\w+", text, re.I | re.M))
print("inline flags:", re.findall(r"(?i)line", text))
print("negative lookahead:", re.findall(r"\b\w+\b(?!\s*=)", "a = 1 b c = 2"))
print("lookbehind:", re.findall(r"(?<=\$)\d+", "cost $30 or 40 or $5"), re.findall(r"(?<!\$)\b\d+", "cost $30 or 40 or $5"))
print("counted repeats:", re.fullmatch(r"\d{3,5}", "1234") is not None, re.fullmatch(r"\d{3,5}", "123456"), re.findall(r"a{2}", "aaaaa"))
print("classes:", re.findall(r"\s", "a b\tc\nd"), re.findall(r"\W+", "hi, there!"), re.findall(r"[^\d\s]+", "ab 12 cd3"))
m = ISO_DATE.fullmatch("2024-03-15")
print("groups:", m.groups(), int(m[2]), "| pattern:", ISO_DATE.pattern, "| flags set:", bool(HEX_COLOR.flags & re.I))
try:
    re.compile(r"(unclosed")
except re.error as exc:
    print("re.error:", exc.msg, "at", exc.pos)
