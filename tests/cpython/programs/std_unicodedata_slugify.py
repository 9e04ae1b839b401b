"""Make URL slugs and search keys from international titles with unicodedata."""
import unicodedata
import re

titles = ["Crème Brûlée Recipe", "Ærøskøbing — a Danish town", "Ελληνική κουζίνα", "naïve café",
          "Ｆｕｌｌｗｉｄｔｈ ｔｅｘｔ", "Straße & Weg", "Ångström units", "ﬁnal ﬂight"]


def strip_accents(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(text):
    ascii_text = strip_accents(text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


for t in titles:
    print(f"{t!r:32} -> {slugify(t)!r:28} key={strip_accents(t).casefold()!r}")

for ch in ["é", "ß", "Ω", "٣", "€", " ", "\u200b", "😀", "Å"]:
    print(f"U+{ord(ch):04X} {unicodedata.name(ch, '<unnamed>'):<40} cat={unicodedata.category(ch)} "
          f"bidi={unicodedata.bidirectional(ch) or '-'} numeric={unicodedata.numeric(ch, None)}")

composed = "é"
decomposed = unicodedata.normalize("NFD", composed)
print("NFC/NFD lengths:", len(composed), len(decomposed), [hex(ord(c)) for c in decomposed])
print("equal after normalising:", "e\u0301" == "é", unicodedata.normalize("NFC", "e\u0301") == "é")
print("is_normalized:", unicodedata.is_normalized("NFC", "é"), unicodedata.is_normalized("NFD", "é"))
print("lookup:", unicodedata.lookup("SNOWMAN"), unicodedata.lookup("LATIN SMALL LETTER SHARP S"))
print("decimal/digit:", unicodedata.decimal("٣"), unicodedata.digit("²"), unicodedata.numeric("½"))
print("mirrored:", unicodedata.mirrored("("), unicodedata.mirrored("a"))
print("east asian width:", [unicodedata.east_asian_width(c) for c in "aＡ漢"])
print("decomposition:", unicodedata.decomposition("é"), "|", unicodedata.decomposition("ﬁ"))
letters_only = [c for c in "a1-b_Ω!" if unicodedata.category(c).startswith("L")]
print("letters:", letters_only)
