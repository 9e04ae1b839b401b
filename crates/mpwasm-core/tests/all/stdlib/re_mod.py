# re: the API and syntax that LLM-written code uses; the snapshot is CPython's output.
import re

# findall: no group -> strings, one group -> strings, several -> tuples
print(re.findall(r"\d+", "a1 b22 c333"))
print(re.findall(r"(\w)=(\d)", "a=1, b=2, c=x"))
print(re.findall(r"(\w+)@", "x@ y@ z"))
print(re.findall(r"(a)|(b)", "ab"))
print(re.findall(r"x*", "axb"), re.findall(r"|a", "a"))

# finditer, spans, lastindex
for m in re.finditer(r"(?P<key>\w+)=(?P<val>[^;]*)", "a=1;bb=;c=33"):
    print(m.span(), m.start("val"), m.end(2), m.group("key", "val"), m.lastindex, m.lastgroup)
print(re.match(r"((a)b)", "ab").lastindex, re.match(r"(a)(b?)", "a").lastindex, re.match(r"a", "a").lastindex)

# match / search / fullmatch, with pos and endpos
p = re.compile(r"\d+")
print(p.match("ab12", 2), p.search("12ab34", 1), p.fullmatch("123"), p.fullmatch("123a"))
print(p.search("12ab34", 3, 5), p.match("ab12", 2).pos, p.search("abc 99 x", 0, 6).endpos)
print(re.search(r"^b", "ab\nb", re.M).start(), re.compile(r"^b").search("ab", 1))

# groups, groupdict, m[n], defaults
m = re.match(r"(?P<first>\w+) (?P<last>\w+)(?: (?P<suffix>Jr\.))?", "Ada Lovelace")
print(m[0], m[1], m["last"], m.group(1, "last"), m.groups(), m.groups("-"))
print(m.groupdict(), m.groupdict(""), m.span("suffix"), m.regs)
print(repr(m), m.re.pattern == m.re.pattern, m.string)
try:
    m.group(5)
except IndexError as e:
    print("IndexError:", e)

# non-capturing groups, alternation, backreferences
print(re.findall(r"(?:ab)+", "ababxab"), re.search(r"(\w)\1", "hello").group())
print(re.search(r"(?P<q>['\"]).*?(?P=q)", "say \"hi\" 'there'").group())
print(re.match(r"(a|b)*c", "ababc").groups(), re.match(r"(a?)*", "b").groups())

# sub / subn: function, templates, count, empty matches
print(re.sub(r"(\d+)-(\d+)", r"\2-\1", "10-20 30-40"))
print(re.sub(r"(?P<w>\w+)", r"<\g<w>|\g<1>|\g<0>>", "hi yo"))
print(re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b2c9"))
print(re.subn(r"o", "0", "foo boo", count=2), re.subn("x*", "-", "abxd"))
print(re.sub(r"a", r"\n\t\\", "a"), repr(re.sub("(b)?a", r"[\1]", "ab a")))
print(re.sub(r"(?m)^", "> ", "one\ntwo"), re.sub(r"$", "!", "x\n"))

# split: groups, maxsplit, empty matches
print(re.split(r"[,;]\s*", "a, b;c,  d"), re.split(r"(,)", "a,b,c"), re.split(r",", "a,b,c", maxsplit=1))
print(re.split(r"(-)|(\+)", "1-2+3"), re.split(r"\b", "hi there"), re.split(r"x*", "axbc"))

# escape, compiled patterns, flags
print(re.escape("a.b*c (1+1) $5 under_score"), re.compile(re.escape("1+1")).findall("1+1=2, 1+1"))
p = re.compile(r"(?P<name>[a-z]+)(\d)", re.I)
print(p.pattern, p.flags == re.I | re.U, p.groups, p.groupindex, repr(p))
print(repr(re.compile("a", re.M | re.S)), repr(re.compile(b"a")), re.compile("x") == re.compile("x"))
print(re.findall(r"hello", "Hello HELLO hello", re.IGNORECASE), re.findall("(?i)straße", "STRASSE Straße"))
print(re.findall(r"^\w+", "one two\nthree four", re.MULTILINE), re.findall(r"a.c", "a\nc abc", re.DOTALL))
verbose = re.compile(r"""
    (?P<year>\d{4})   # year
    -(?P<month>\d\d)  # month
""", re.VERBOSE)
print(verbose.search("on 2024-05").groupdict())
print(re.findall(r"\w+", "naïve café", re.ASCII), re.findall(r"\w+", "naïve café"))
print(re.findall(r"(?i:a)b", "ab Ab AB"), re.search(r"(?s).+", "a\nb").group())

# counts, lazy quantifiers
print(re.findall(r"\d{2,3}", "1 12 123 1234"), re.findall(r"a{2,}", "a aa aaaa"), re.findall(r"x{2}", "xxxxx"))
print(re.findall(r"<.+?>", "<a><b>"), re.match(r"a{2,4}?", "aaaa").group(), re.match(r"(ab){1,2}?c", "ababc").group())
print(re.findall(r"a{,2}", "aaa"), re.findall(r"{x}", "{x}"), re.findall(r"x{1,", "x{1,"))

# classes and escapes
print(re.findall(r"[\d.]+", "v1.2 and 3.45"), re.findall(r"[^\w\s]", "a,b! c?"), re.findall(r"[a\-z]", "a-bz"))
print(re.findall(r"\D+", "ab12cd"), re.findall(r"\S+", " x  yz "), re.findall(r"\W", "a b,c"))
print(re.findall(r"[\]]", "a]b"), re.findall(r"[]a]", "]a"), re.findall(r"\x41\u00e9\t", "A\u00e9\t"))
print(re.findall(r"\bcat\b", "cat concat cat."), re.findall(r"\Bcat", "cat concat"), re.findall(r"[^\n]+", "a\nb"))

# anchors
print(re.findall(r"\A\w", "ab\ncd", re.M), re.search(r"d\Z", "cd\n"), re.search(r"d$", "cd\n").span())
print(re.findall(r"^$", "a\n\nb", re.M), re.search(r"\d$", "1\n2", re.M).group())

# lookahead and lookbehind
print(re.findall(r"\w+(?=!)", "hi! yo no!"), re.findall(r"\b\w+\b(?!\()", "f(x) + g"), re.findall(r"(?<=\$)\d+", "$5 and $10, 7"))
print(re.findall(r"(?<!-)\b\d+", "-3 4 -5 6"), re.sub(r"(?<=\d)(?=(\d{3})+$)", ",", "1234567"))
print(re.search(r"(?=(\w+))\w", "abc").groups(), re.findall(r"(?<=a|b)c", "ac bc cc"))
print(re.findall(r"(?<=\b)\w", "ab cd"), re.findall(r"(?<=a$)", "ba"), re.findall(r"(?<=\d)(?=\w)\b", "1a 2 3b"))

# conditional groups
email = re.compile(r"(<)?(\w+@\w+(?:\.\w+)+)(?(1)>|$)")
print([bool(email.match(s)) for s in ["<u@h.com>", "u@h.com", "<u@h.com", "u@h.com>"]])
print(re.findall(r"(?P<q>\")?\w+(?(q)\")", 'a "b" "c d'), re.sub(r"(a)?b(?(1)c|d)", "X", "abc bd abd b"))

# bytes patterns
print(re.findall(rb"\d+", b"a1 b22"), re.sub(rb"(\w)", rb"<\1>", b"ab"), re.split(rb",", b"x,y"))

# positions in non-ASCII text are character indices
m = re.search(r"(é+)(\w)", "aaéébc")
print(m.span(), m.span(1), m.group(2), re.sub("é", "e", "éte"), re.split("ü", "aübüc"))
print(re.compile(r"\w").search("ééa", 1).span(), re.findall(r".", "日本"))

# re.error for bad patterns, with CPython's messages
for bad in ["a(b", "a)b", "*a", "[a", r"\q", "a**", r"(?P=x)", "[z-a]", r"(a)\2", r"(?<=a+)b", "(?P<1>a)", "a{3,2}", r"(?(2)a)", r"(a)(?(1)a|b|c)"]:
    try:
        re.compile(bad)
    except re.error as e:
        print("error:", e, "|", e.msg, e.pos)
for repl in [r"\g<x>", r"\2", r"\q"]:
    try:
        re.sub("(a)", repl, "a")
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
try:
    re.search("a", b"a")
except TypeError as e:
    print("TypeError:", e)
print(re.error.__name__, issubclass(re.error, Exception))

# Pattern and Match as types (annotations, isinstance)
from dataclasses import dataclass


@dataclass
class Rule:
    name: str
    pattern: re.Pattern[str]


rule = Rule("digits", re.compile(r"\d+"))
print(rule, re.Pattern[str], re.Match[bytes], isinstance(rule.pattern, re.Pattern))
print(type(re.match("a", "a")) is re.Match, isinstance(re.compile("a").search("a"), re.Match))
