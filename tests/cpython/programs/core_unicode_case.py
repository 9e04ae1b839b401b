"""Case-insensitive search over a multilingual city directory."""

cities = [
    "Zürich", "São Paulo", "Kraków", "Reykjavík", "Αθήνα", "Москва",
    "İstanbul", "Łódź", "Ærøskøbing", "Straßburg", "Θεσσαλονίκη", "Київ",
]

print("upper:")
for c in cities:
    print(f"  {c:<12} -> {c.upper():<14} lower: {c.lower()}")

print("title case:", [c.lower().title() for c in ("ÉCOLE NORMALE", "ΚΑΛΗΜΕΡΑ ΚΟΣΜΕ", "ДОБРЫЙ ДЕНЬ")])
print("swapcase:", "Ωmega Élan Ёлка".swapcase())
print("ß upper:", "straße".upper(), "| ﬁ ligature upper:", "ﬁnance".upper())
print("final sigma:", "ΟΔΟΣ".lower(), "| casefold:", "ΟΔΟΣ".casefold())


def search(query):
    q = query.casefold()
    return [c for c in cities if q in c.casefold()]


for query in ["ZÜR", "paulo", "МОСК", "αθ", "STRASS", "kiïv", "ÓDŹ"]:
    print(f"search {query!r}: {search(query)}")

print("isupper/islower:", "ΑΒΓ".isupper(), "абв".islower(), "Ñ".isupper())
print("lengths:", [len(c) for c in cities[:6]])
print("sorted casefold:", sorted(cities, key=str.casefold)[:5])
print("ord of first letters:", [ord(c[0]) for c in cities[:5]])
