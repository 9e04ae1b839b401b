"""Rewrite documents with re.sub: callbacks, backreferences and \\g<name> templates."""
import re

doc = "Order 12 shipped on 2024-03-09; order 7 on 2024-12-25. Contact: JOHN.DOE@EXAMPLE.COM"

print(re.sub(r"(\d{4})-(\d{2})-(\d{2})", r"\3/\2/\1", doc))
print(re.sub(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})", r"\g<d>.\g<m>.\g<y>", doc))
print(re.sub(r"\b(\d+)\b", lambda m: f"#{int(m.group(1)):04d}", "order 12 and 7 and 300"))
print(re.sub(r"[\w.]+@[\w.]+", lambda m: m.group().lower(), doc))


def mask_email(m):
    user, domain = m.group("user"), m.group("domain")
    return f"{user[0]}***@{domain}"


print(re.sub(r"(?P<user>[\w.]+)@(?P<domain>[\w.]+)", mask_email, doc, flags=re.IGNORECASE))

template = "Hello {{name}}, your balance is {{ balance }} {{currency}}. {{unknown}} stays."
values = {"name": "Ada", "balance": "1,024.50", "currency": "EUR"}
print(re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: values.get(m.group(1), m.group(0)), template))

print("count limit:", re.sub(r"o", "0", "foo boo zoo", count=2))
new, n = re.subn(r"\s+", " ", "too    many   spaces\there")
print("subn:", repr(new), n)
print("escape:", re.escape("1+1=2? (yes)"), re.sub(re.escape("a.b"), "X", "a.b axb a.b"))
print("\\g<0>:", re.sub(r"\d+", r"[\g<0>]", "a1b22"), "| empty matches:", re.sub(r"x*", "-", "abc"))
camel = "parseHTTPResponseCode andSomeMore"
snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", camel).lower()
print("camel to snake:", snake)
print("snake to camel:", re.sub(r"_(\w)", lambda m: m.group(1).upper(), "user_account_id"))
print("expand:", re.search(r"(\w+)@(\w+)", "ann@site").expand(r"\2 <- \1"))
