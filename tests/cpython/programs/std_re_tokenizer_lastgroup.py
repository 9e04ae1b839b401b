"""A small expression tokenizer built on one master regex with named groups."""
import re

TOKEN_SPEC = [
    ("NUMBER", r"\d+(?:\.\d*)?(?:[eE][-+]?\d+)?"),
    ("STRING", r'"(?:[^"\\]|\\.)*"'),
    ("IDENT", r"[A-Za-z_][A-Za-z0-9_]*"),
    ("OP", r"\*\*|//|==|!=|<=|>=|[-+*/%()<>=,]"),
    ("NEWLINE", r"\n"),
    ("SKIP", r"[ \t]+"),
    ("MISMATCH", r"."),
]
MASTER = re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in TOKEN_SPEC))
KEYWORDS = {"if", "else", "let", "print"}


def tokenize(code):
    line = 1
    line_start = 0
    for m in MASTER.finditer(code):
        kind = m.lastgroup
        value = m.group()
        column = m.start() - line_start
        if kind == "NUMBER":
            value = float(value) if re.search(r"[.eE]", value) else int(value)
        elif kind == "IDENT" and value in KEYWORDS:
            kind = value.upper()
        elif kind == "NEWLINE":
            line_start = m.end()
            line += 1
            continue
        elif kind == "SKIP":
            continue
        elif kind == "MISMATCH":
            raise RuntimeError(f"{value!r} unexpected on line {line}")
        yield kind, value, line, column


source = '''let total = price * 1.5e2 + 42
if total >= 100 print "big \\"deal\\"" else print total // 3
let ratio = (a ** 2 != b) , 7.25'''

counts = {}
for tok in tokenize(source):
    print(tok)
    counts[tok[0]] = counts.get(tok[0], 0) + 1
print(counts)

try:
    list(tokenize("let x = 3 $ 4"))
except RuntimeError as e:
    print("error:", e)

print(MASTER.groups, sorted(MASTER.groupindex)[:3], MASTER.match("foo").lastindex)
