"""Tokenise formulas and split messy input with re.split and capturing groups."""
import re

print(re.split(r"[,;\s]+", "apples, pears;bananas  kiwis ,plums"))
print(re.split(r"\s*([+\-*/()])\s*", "3 + 4*(2 - x) / y"))
print(re.split(r"(\d+)", "abc12def345g"))
print(re.split(r",", "a,b,,c,", maxsplit=2))
print(re.split(r"(?:\r?\n){2,}", "para one\nline two\n\npara two\r\n\r\n\npara three"))
print(re.split(r"\b", "hi there")[:5])
print("split with non-capturing group:", re.split(r"(?:-|_)", "snake_case-and-kebab"))

TOKEN = re.compile(r"""
    (?P<NUMBER>\d+(?:\.\d*)?)      # integer or decimal
  | (?P<NAME>[A-Za-z_]\w*)         # identifiers
  | (?P<OP>\*\*|[-+*/%^=()])       # operators, ** first
  | (?P<SKIP>[ \t]+)               # whitespace
  | (?P<MISMATCH>.)                # anything else
""", re.VERBOSE)


def tokenize(code):
    for m in TOKEN.finditer(code):
        kind = m.lastgroup
        if kind == "SKIP":
            continue
        if kind == "MISMATCH":
            raise SyntaxError(f"unexpected {m.group()!r} at column {m.start()}")
        yield kind, m.group()


for line in ["area = pi * r ** 2", "total=price*1.2+ship", "x = 3 $ 4"]:
    try:
        print(line, "->", list(tokenize(line)))
    except SyntaxError as exc:
        print(line, "-> SyntaxError:", exc)

csv_line = 'name,"Smith, John",42,"said ""hi"""'
raw_fields = re.findall(r'(?:^|,)("(?:[^"]|"")*"|[^,]*)', csv_line)
fields = [f[1:-1].replace('""', '"') if f.startswith('"') else f for f in raw_fields]
print("csv-ish fields:", fields)
print("sentences:", re.split(r"(?<=[.!?])\s+", "Hello there. How are you? Fine! Bye."))
