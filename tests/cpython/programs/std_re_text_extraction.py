"""Pull emails, phone numbers, prices and hashtags out of free text with findall/finditer."""
import re

TEXT = """Contact sales@example.com or Support.Team+urgent@help.example.co.uk for help.
Call +1 (555) 010-9999 or 555-0123 during office hours. Prices: $19.99, $1,250.00 and €7.50.
Follow #Python and #data_science! Meeting at 09:30, again at 14:05 and 23:59. Ref: INV-2024-0042.
"""

emails = re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", TEXT)
print("emails:", emails)
phones = re.findall(r"(?:\+\d\s)?(?:\(\d{3}\)\s)?\d{3}-\d{4}", TEXT)
print("phones:", phones)
prices = [(m.group(1), float(m.group(2).replace(",", ""))) for m in re.finditer(r"([$€])(\d{1,3}(?:,\d{3})*(?:\.\d{2})?)", TEXT)]
print("prices:", prices)
print("hashtags:", re.findall(r"#(\w+)", TEXT))
times = re.findall(r"\b([01]\d|2[0-3]):([0-5]\d)\b", TEXT)
print("times as tuples:", times, "| minutes:", [int(h) * 60 + int(m) for h, m in times])
for m in re.finditer(r"\b[A-Z]{3}-(\d{4})-(\d+)\b", TEXT):
    print(f"reference {m.group()} at {m.start()}-{m.end()}: year={m[1]} number={int(m[2])}")
words = re.findall(r"\b\w+\b", TEXT.lower())
print("word count:", len(words), "| distinct:", len(set(words)))
print("capitalised words:", re.findall(r"\b[A-Z][a-z]+\b", TEXT))
print("search:", re.search(r"office (\w+)", TEXT).group(1), "| no match:", re.search(r"fax", TEXT))
print("match only at start:", re.match(r"Contact", TEXT) is not None, re.match(r"sales", TEXT))
print("findall no groups vs one group:", re.findall(r"\d+", "a1b22c333"), re.findall(r"(\d)\d*", "a1b22c333"))
print("count of vowels:", len(re.findall(r"[aeiou]", TEXT, re.IGNORECASE)))
print("non-overlapping:", re.findall(r"aa", "aaaaa"), "| overlapping via lookahead:", len(re.findall(r"(?=aa)", "aaaaa")))
