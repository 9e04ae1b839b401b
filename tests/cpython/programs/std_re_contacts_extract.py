"""Extract and normalise emails, phone numbers, dates and URLs from free text."""
import re

TEXT = """
Contact Jane Doe <Jane.Doe@Example.com> or support@help-desk.io (not: bad@, @nope.com).
Phones: +1 (555) 123-4567, 555.987.6543, 0044 20 7946 0958; ext. 12.
Meeting on 2024-07-04, follow-up 07/15/2024 and again on 3 Aug 2024.
Docs at https://docs.example.com/guide?id=42#intro and http://test.org/a_b.
Invoice INV-2024-0007 total: $1,234.56; refund -$20.00; fee 3.5%.
"""

EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
emails = sorted({e.lower() for e in EMAIL.findall(TEXT)})
print("emails:", emails)

PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?|00\d{2}\s)?\(?\d{2,4}\)?(?:[\s.-]\d{3,4}){1,2}")
for m in PHONE.finditer(TEXT):
    digits = re.sub(r"\D", "", m.group())
    print("phone:", repr(m.group()), "->", digits, len(digits))

MONTHS = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "May": 5, "Jun": 6, "Jul": 7, "Aug": 8,
          "Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12}
DATE = re.compile(
    r"(?P<iso>(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2}))"
    r"|(?P<us>(?P<um>\d{2})/(?P<ud>\d{2})/(?P<uy>\d{4}))"
    r"|(?P<text>(?P<td>\d{1,2}) (?P<tm>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* (?P<ty>\d{4}))"
)
for m in DATE.finditer(TEXT):
    if m["iso"]:
        y, mo, d = m["y"], m["m"], m["d"]
    elif m["us"]:
        y, mo, d = m["uy"], m["um"], m["ud"]
    else:
        y, mo, d = m["ty"], MONTHS[m["tm"]], m["td"]
    print(f"date: {m.group():<12} -> {int(y):04d}-{int(mo):02d}-{int(d):02d} ({m.lastgroup})")

URL = re.compile(r"(?P<scheme>https?)://(?P<host>[^/\s]+)(?P<path>/[^\s?#]*)?(?:\?(?P<query>[^\s#]*))?(?:#(?P<frag>\S+))?")
for m in URL.finditer(TEXT):
    d = m.groupdict()
    d["path"] = d["path"].rstrip(".") if d["path"] else d["path"]
    print("url:", d)

money = [float(x.replace(",", "")) * (-1 if sign else 1)
         for sign, x in re.findall(r"(-)?\$(\d{1,3}(?:,\d{3})*(?:\.\d\d)?)", TEXT)]
print("money:", money, "percent:", re.findall(r"(\d+(?:\.\d+)?)%", TEXT))
inv = re.search(r"INV-(\d{4})-(\d+)", TEXT)
print("invoice:", inv.groups(), int(inv[2]), inv.span())
masked = EMAIL.sub(lambda m: m.group()[0] + "***@" + m.group().split("@")[1], TEXT)
print(masked.strip().splitlines()[0])
words = re.split(r"[^\w']+", "It's 3 o'clock -- isn't it?")
print([w for w in words if w])
print(re.split(r"\s*([;,])\s*", "a ; b,c ,d"), re.split(r"(?i)and", "salt AND pepper and oil", maxsplit=1))
