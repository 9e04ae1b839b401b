"""Export user records with csv.DictWriter, handling missing and extra fields."""
import csv
import io

users = [
    {"id": 1, "name": "Ana Souza", "email": "ana@example.com", "roles": ["admin", "dev"]},
    {"id": 2, "name": "Ben O'Neil", "email": "ben@example.com"},
    {"id": 3, "name": "Chloé Martin", "email": "chloe@example.com", "roles": ["ops"], "phone": "+33 1 23 45 67 89"},
]
fields = ["id", "name", "email", "roles"]

buf = io.StringIO()
writer = csv.DictWriter(buf, fieldnames=fields, extrasaction="ignore", restval="-", lineterminator="\n")
writer.writeheader()
for u in users:
    writer.writerow({**u, "roles": "|".join(u.get("roles", [])) or "-"})
print(buf.getvalue(), end="")

strict = csv.DictWriter(io.StringIO(), fieldnames=fields)
try:
    strict.writerow(users[2])
except ValueError as exc:
    print("ValueError:", exc)

tsv = io.StringIO()
tw = csv.DictWriter(tsv, fieldnames=["name", "email"], delimiter="\t", lineterminator="\n", extrasaction="ignore")
tw.writeheader()
tw.writerows(users)
print(tsv.getvalue(), end="")

reader = csv.DictReader(io.StringIO(buf.getvalue()))
parsed = [{**r, "id": int(r["id"]), "roles": r["roles"].split("|") if r["roles"] != "-" else []} for r in reader]
print(parsed)

short = "a,b,c\n1,2\n4,5,6,7\n"
for row in csv.DictReader(io.StringIO(short), restval="?", restkey="extra"):
    print(row)
minimal = io.StringIO()
csv.writer(minimal, quoting=csv.QUOTE_MINIMAL, lineterminator="\n").writerow(["plain", "with,comma", 'with "quote"', " space ", ""])
csv.writer(minimal, quoting=csv.QUOTE_ALL, lineterminator="\n").writerow(["all", 1, None])
print(minimal.getvalue(), end="")
sniffed = csv.Sniffer().sniff("x;y;z\n1;2;3\n")
print("sniffed delimiter:", repr(sniffed.delimiter), "| has header:", csv.Sniffer().has_header("name,age\nann,30\nbob,41\n"))
