# print and sys.stdout (redirect_stdout, write() objects), io.StringIO,
# function attributes (functools.wraps), json cycles, strftime, Counter order
# and comparisons: the guest's output must equal CPython's.
import contextlib
import datetime
import functools
import io
import json
import sys
import time
from collections import Counter

# json: a cycle is a ValueError, not a crash; nesting still encodes
l = [1]
l.append(l)
try:
    json.dumps(l)
except ValueError as e:
    print("ValueError", e)
d = {"a": []}
d["a"].append(d)
try:
    json.dumps(d)
except ValueError as e:
    print("ValueError", e)
deep = 1
for _ in range(100):
    deep = [deep]
print(json.dumps(deep) == "[" * 100 + "1" + "]" * 100)
print(json.dumps({"k": [[[[1, "x"]]]] * 2}))


# functools.wraps and attributes on functions and closures
def counted(f):
    @functools.wraps(f)
    def wrapper(*a, **k):
        wrapper.calls += 1
        return f(*a, **k)

    wrapper.calls = 0
    return wrapper


@counted
def greet(name):
    return "hi " + name


print(greet("x"), greet("y"), greet.__name__, greet.calls, greet.__wrapped__("z"))


def plain():
    pass


plain.tag = "t"
print(plain.tag, plain.__dict__, plain.__module__, plain.__name__)
del plain.tag
print(hasattr(plain, "tag"), plain.__dict__)
plain.__name__ = "renamed"
print(plain.__name__)

# print follows sys.stdout; redirect_stdout/redirect_stderr capture it
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured", 1, sep="-")
    sys.stdout.write("direct\n")
print("outside", repr(buf.getvalue()))
err = io.StringIO()
with contextlib.redirect_stderr(err):
    print("to err", file=sys.stderr)
print(repr(err.getvalue()))


class Sink:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


w = Sink()
print("a", 2, [3], file=w)
print(w.parts)
old = sys.stdout
sys.stdout = io.StringIO()
print("hidden")
v = sys.stdout.getvalue()
sys.stdout = old
print(repr(v), sys.stdout is sys.__stdout__)
print("x", flush=True, end="!\n", sep=None)
print("a", "b", sep=None, end=None)
try:
    print(1, sep=3)
except TypeError as e:
    print(e)

# io.StringIO as CPython's
s = io.StringIO()
print(s.write("hello\nworld\n"), s.tell(), s.getvalue().splitlines())
s.seek(0)
print(repr(s.readline()), s.readlines())
print([line for line in io.StringIO("a\nb\nc")])
s = io.StringIO("abcdef")
print(s.read(2), s.read(), repr(s.read()))
s.seek(0)
print(s.truncate(3), repr(s.getvalue()), s.tell())
s.truncate(0)
s.seek(0)
s.write("z")
print(repr(s.getvalue()))
s = io.StringIO("abc")
s.seek(1)
s.write("Z")
s.seek(0, 2)
s.write("!")
print(s.getvalue(), s.tell())
print(s.closed, s.writable(), s.readable(), s.seekable(), s.isatty())
with io.StringIO() as f:
    f.writelines(["a", "b", "\n"])
    print(repr(f.getvalue()))
print(f.closed)
try:
    f.getvalue()
except ValueError as e:
    print("ValueError", e)
try:
    io.StringIO().write(5)
except TypeError as e:
    print("TypeError", e)
print(io.StringIO("héllo").read(), io.StringIO().write("héllo"))

# time.strftime and datetime.strftime: one implementation
print(time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %p %y", (2024, 3, 5, 7, 8, 9, 1, 65, 0)))
print(time.strftime("%z %Z %% %U %W %V %G %c|%x|%X|%D|%F|%T|%R", (2024, 12, 30, 1, 2, 3, 0, 365, 0)))
dt = datetime.datetime(2024, 12, 30, 13, 4, 5, 123)
print(dt.strftime("%Y %G-W%V-%u %U %W %I%p %P %-d %-m %-H %e %f %c %x %X %% %k %l %r %C %g %s"))
print(datetime.date(2021, 1, 3).strftime("%U %W %V %G %u %w %c %z|%Z| %f %H"))
print(datetime.time(13, 4, 5).strftime("%Y %H:%M %j %I %p"))
print(datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc).strftime("%z %Z %^a %_d %0e"))
tz = datetime.timezone(datetime.timedelta(hours=-5, minutes=-30), "EST")
print(datetime.datetime(2010, 1, 4, 23, 0, tzinfo=tz).strftime("%z %Z %V %G %j"))
for y in (2015, 2016, 2020, 2021, 2026):
    print(y, [datetime.date(y, 12, dd).strftime("%G-%V-%u") for dd in (28, 29, 30, 31)],
          [datetime.date(y, 1, dd).strftime("%G-%V-%u %U %W") for dd in (1, 2, 3, 4)])

# Counter: equal counts in insertion order, arithmetic, rich comparisons
a = Counter("abracadabra")
b = Counter("alakazam")
print(a + b, a - b, a & b, a | b)
print(a.most_common(3), a.most_common()[-2:], a.total())
print(a == Counter(dict(a)), a <= a + b, a < a, a >= Counter(), a > Counter("ab"))
print(Counter(x=1) == Counter(x=1, y=0), Counter(x=1) <= Counter(x=1, y=0))
print(+Counter(a=2, b=-1, c=0), -Counter(x=-2, y=3))
try:
    a < {}
except TypeError as e:
    print("TypeError", e)

# collections.abc: Hashable/Callable of built-in and user types
from collections import namedtuple
from collections.abc import Callable, Hashable


class Plain:
    pass


class EqOnly:
    def __eq__(self, other):
        return True


class EqHash(EqOnly):
    def __hash__(self):
        return 1


def fn():
    pass


for v in (1, "s", (1,), None, range(3), (x for x in ()), fn, len, Plain(), EqOnly(), EqHash(), [], {}, set(),
          bytearray(), {}.keys(), Plain, [].append, lambda: 0):
    print(isinstance(v, Hashable), isinstance(v, Callable), end="; ")
print()

# json: surrogate pairs in \u escapes make one character
print(json.loads('"caf\\u00e9 \\ud83d\\ude00 \\uD83D\\uDE00"'), len(json.loads('"\\ud83d\\ude00"')))

# namedtuple: rename= names, read-only fields
Bad = namedtuple("Bad", ["ok", "def", "ok", "_x", "2"], rename=True)
print(Bad._fields, Bad(1, 2, 3, 4, 5))
p = Bad(1, 2, 3, 4, 5)
for stmt in ("p.ok = 5", "del p.ok", "p.other = 1"):
    try:
        exec(stmt)
    except AttributeError as e:
        print("AttributeError", e)

# unicodedata (generated tables): properties, names, normalization
import unicodedata

for ch in "é", "ß", "Ω", "٣", "€", " ", "\u200b", "😀", "Å", "中", "각", "½", "²", "Ⅻ", "ﬁ", "Ａ", "(", "\u0301":
    print("U+%04X" % ord(ch), unicodedata.name(ch, "<unnamed>"), unicodedata.category(ch),
          unicodedata.bidirectional(ch) or "-", unicodedata.combining(ch), unicodedata.mirrored(ch),
          unicodedata.east_asian_width(ch), unicodedata.decimal(ch, None), unicodedata.digit(ch, None),
          unicodedata.numeric(ch, None), repr(unicodedata.decomposition(ch)))
for text in "Crème Brûlée", "Ærøskøbing", "naïve café", "Ｆｕｌｌｗｉｄｔｈ", "ﬁnal ﬂight", "Ångström", \
        "e\u0301\u0323", "\u1e9b\u0323", "한국어", "Ὰθήνα", "x²+y₂", "Ⅻ ½":
    print(text, [unicodedata.normalize(f, text) for f in ("NFC", "NFD", "NFKC", "NFKD")],
          [len(unicodedata.normalize(f, text)) for f in ("NFC", "NFD", "NFKC", "NFKD")],
          unicodedata.is_normalized("NFC", text))
print("".join(c for c in unicodedata.normalize("NFKD", "Crème Brûlée ﬁ") if not unicodedata.combining(c)))
print(unicodedata.lookup("SNOWMAN"), unicodedata.lookup("latin small letter sharp s"),
      unicodedata.lookup("CJK UNIFIED IDEOGRAPH-4E2D"), unicodedata.lookup("HANGUL SYLLABLE GAG"))
for bad in (lambda: unicodedata.lookup("NO SUCH THING"), lambda: unicodedata.name("\x00"),
            lambda: unicodedata.decimal("a"), lambda: unicodedata.numeric("x"),
            lambda: unicodedata.normalize("NFX", "a"), lambda: unicodedata.category("ab")):
    try:
        bad()
    except (KeyError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(unicodedata.unidata_version)

# random: str and bytes seeds (version 2: the bytes and their SHA-512)
import random

for seed in ("reproducible", b"bytes seed", bytearray(b"ba"), "", "ünïcode"):
    random.seed(seed)
    print(repr(seed), [random.randrange(1000) for _ in range(4)], random.getrandbits(40),
          random.choice("abcdefgh"))
r = random.Random("x")
print(r.randint(1, 10**12), r.sample(range(50), 4))
