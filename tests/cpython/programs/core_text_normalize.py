"""Normalise messy product titles and usernames scraped from a marketplace."""

raw_titles = [
    "  the QUICK brown fox's guide to python  ",
    "ULTRA-light hiking BOOTS (men's)",
    "o'reilly media: learning SQL, 3rd ed.",
    "straße und weg",
    "iPhone 15 pro max case",
]

print("title():")
for t in raw_titles:
    print(f"  {t.strip().title()!r}")

print("capitalize() / swapcase():")
for t in raw_titles[:3]:
    s = t.strip()
    print(f"  {s.capitalize()!r} | {s.swapcase()!r}")

usernames = ["Admin", "ADMIN", "admin", "Straße", "STRASSE", "strasse", "Ǆemal"]
print("casefold groups:")
groups = {}
for name in usernames:
    groups.setdefault(name.casefold(), []).append(name)
for key, names in groups.items():
    print(f"  {key!r}: {names}")
print("lower vs casefold:", "Straße".lower(), "Straße".casefold())

files = ["report_2023.csv", "draft_report_2024.csv", "notes.txt", "report_final.csv.bak"]
for f in files:
    stem = f.removeprefix("draft_").removesuffix(".csv")
    print(f"  {f:<24} -> {stem}")
print("removeprefix with no match:", "notes.txt".removeprefix("report"))

codes = ["abc123", "abc 123", "", "ABC", "123", "a_b", "Ünïcode9"]
for c in codes:
    print(
        f"  {c!r:12} alnum={c.isalnum()!s:5} alpha={c.isalpha()!s:5} "
        f"digit={c.isdigit()!s:5} upper={c.isupper()!s:5} lower={c.islower()!s:5}"
    )
print("istitle:", "Hello World".istitle(), "Hello world".istitle())
print("isidentifier:", "valid_name".isidentifier(), "2bad".isidentifier())
print("isspace:", " \t\n".isspace(), "".isspace())
print("isprintable:", "abc".isprintable(), "a\tb".isprintable())
print("isascii:", "hello".isascii(), "héllo".isascii())
