//! `str` as CPython 3.11 has it: every method, Unicode-aware case mapping
//! and character classes for U+0000..U+04FF (Latin-1, Latin Extended-A/B,
//! Greek, Cyrillic), step slicing, widths in characters, `repr()` of
//! printable non-ASCII text. Each program's output must equal CPython's
//! (`python3` is run for the expectation) and is kept as a snapshot.

use crate::like_cpython;

#[test]
fn case_mapping_beyond_ascii() {
    like_cpython(
        "str_case_mapping",
        r#"
words = ["hello world", "they're bill's friends", "ÉCOLE élève", "straße", "ΣΊΣΥΦΟΣ", "όσος ΌΣΟΣ", "Привет мир", "ǅemal", "İstanbul", "x1 y2", ""]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold(), sep=" | ")
    print(" ", w.isalpha(), w.isalnum(), w.isupper(), w.islower(), w.istitle(), w.isspace(), w.isascii(), w.isprintable(), w.isidentifier())
"#,
    );
}

#[test]
fn character_classes() {
    like_cpython(
        "str_character_classes",
        r#"
for s in ["123", "²", "½", "3.5", "-1", " \t\n", "\x85\xa0", "abc_1", "1abc", "_x", "é_1", "\x00", "tab\there"]:
    print(repr(s), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isspace(), s.isidentifier(), s.isprintable(), s.isalnum())
"#,
    );
}

#[test]
fn padding_translate_slicing_splitting() {
    like_cpython(
        "str_padding_translate_slicing",
        r#"
print("42".zfill(5), "-42".zfill(6), "+7".zfill(3), "abc".zfill(2), "é".zfill(3))
print(repr("ab".center(7, "*")), repr("ab".center(6)), repr("abc".center(6, "é")), repr("é".ljust(4, "-")), repr("é".rjust(4)), repr("x".center(2)))
print(repr("a\tb\tc".expandtabs()), repr("ab\tcd\n\te".expandtabs(4)), repr("x\ty".expandtabs(tabsize=2)), repr("é\tx".expandtabs(3)))
print("prefix_name".removeprefix("prefix_"), "name.txt".removesuffix(".txt"), "abc".removeprefix("x"), "abc".removesuffix(""))
t = str.maketrans("abc", "xyz", "d")
print(sorted(t.items()), "abcdabcd".translate(t), "héllo".translate({ord("é"): "e", ord("l"): None}), "abc".translate(str.maketrans({"a": "AA", "b": None})))
print("{name} is {age}".format_map({"name": "Ann", "age": 7}))
s = "hello, wörld"
print(s[::-1], s[::2], s[1::3], s[-1:2:-2], s[100::-1], s[::-3], "abc"[::1], ""[::-1])
print("a,b,c,d".split(",", maxsplit=2), "a b  c".split(maxsplit=1), "a,b,c".rsplit(sep=",", maxsplit=1), "x y".split(sep=None))
print("one two three".partition(" "), "one two three".rpartition(" "), "a\nb\r\nc".splitlines(), "a\nb".splitlines(keepends=True))
print("Hello".startswith(("x", "He")), "Hello".endswith(("lo", "z")), "ab".count(""), "aaa".find("a", 1), "abc".index("c"))
try:
    "ab".center(5, "xy")
except TypeError as e:
    print("TypeError:", e)
try:
    str.maketrans("ab", "c")
except ValueError as e:
    print("ValueError:", e)
"#,
    );
}

#[test]
fn format_widths_count_characters() {
    like_cpython(
        "str_format_widths",
        r#"
rows = [("Café au lait", 3.4), ("Crème brûlée", 12.5), ("Ελληνικά", 1.0), ("Привет", 100.25), ("plain", 7.0)]
for name, price in rows:
    print(f"|{name:<14}|{name:>14}|{name:^14}|{price:>8.2f}|")
    print("|{:*^16}|{:.4}|{:10.3}|".format(name, name, name))
    print("|%-14s|%14s|" % (name, name))
"#,
    );
}
