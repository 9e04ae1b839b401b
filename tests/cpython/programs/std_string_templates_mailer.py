"""Mail-merge customer notices with string.Template and string constants."""
import string
from string import Template

notice = Template("Dear $title $surname,\n"
                  "Your order #$order_id of $$${amount} will arrive on ${day}.\n"
                  "Reference: ${ref}_X\n")

customers = [
    {"title": "Ms", "surname": "Okonkwo", "order_id": 1001, "amount": "59.90", "day": "Tuesday", "ref": "AB12"},
    {"title": "Dr", "surname": "Lindqvist", "order_id": 1002, "amount": "1,240.00", "day": "Friday", "ref": "ZZ99"},
]
for c in customers:
    print(notice.substitute(c))

partial = notice.safe_substitute(title="Mr", surname="Tanaka")
print("safe_substitute leaves unknowns:\n" + partial)
try:
    notice.substitute(title="Mr")
except KeyError as exc:
    print("KeyError:", exc)
try:
    Template("cost: $5").substitute()
except ValueError as exc:
    print("ValueError:", exc)
print("identifiers:", notice.get_identifiers(), "| valid:", notice.is_valid())
print("template attr:", Template("$a and $b").template)


class Percent(Template):
    delimiter = "%"


print(Percent("Progress: %done of %total (100%%)").substitute(done=3, total=4))

print("capwords:", string.capwords("the QUICK brown   fox"), "|", string.capwords("a-b-c", "-"))
print("ascii_letters:", string.ascii_letters)
print("digits/hexdigits/octdigits:", string.digits, string.hexdigits, string.octdigits)
print("punctuation:", string.punctuation)
print("whitespace repr:", repr(string.whitespace), "| printable length:", len(string.printable))
slug = "".join(ch if ch in string.ascii_lowercase + string.digits else "-" for ch in "Hello, World 2024!".lower()).strip("-")
print("slug:", slug)
fmt = string.Formatter()
print("Formatter:", fmt.format("{0:>6}|{name:^7}|", 42, name="mid"), [p[1] for p in fmt.parse("a {x} b {y:>3}")])
