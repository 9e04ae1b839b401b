//! Language-core behaviour that CPython defines and MicroPython did not have
//! (issue 16): each program runs in the sandbox and under CPython
//! (`python3`), the two outputs must be equal, and the sandbox's output is
//! also a reviewed snapshot (so a change shows even where python3 differs
//! between machines).

use std::process::Command;

use crate::ok;

/// CPython's stdout for `code`: the reference, never typed by hand.
fn cpython(code: &str) -> String {
    let out = Command::new("python3")
        .args(["-c", code])
        .env("PYTHONHASHSEED", "0")
        .output()
        .expect("python3 (CPython) is needed to compute the expected output");
    assert!(
        out.status.success(),
        "CPython failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Run `code` in the sandbox, check it against CPython and return the output.
fn same_as_cpython(code: &str) -> String {
    let guest = ok(code).stdout_str().into_owned();
    assert_eq!(guest, cpython(code), "program:\n{code}");
    guest
}

#[test]
fn dicts_keep_insertion_order() {
    let out = same_as_cpython(
        r#"
d = {}
for k in ["zeta", "alpha", "mid", 3, 1, 2, (1, 2), 2.5, "b"]:
    d[k] = len(d)
print(d)
del d["alpha"]
d["alpha"] = 99
d["zeta"] = -1
print(d, len(d))
print(list(d.keys()), list(d.values()), list(d.items())[:2])
print(d.popitem(), d.popitem(), d)
print(dict(zip("hello world", range(11))))
print({3: 1, 1: 2} == {1: 2, 3: 1}, {1: 2} == {1: 3})
c = d.copy()
c["new"] = 1
print(c, d)
print(dict.fromkeys("abcab"), {k: k * 2 for k in "dcba"})
x = {}
x[1] = "a"; x[True] = "b"; x[1.0] = "c"
print(x)
import json
print(json.dumps({"b": 1, "a": [1, {"z": 0, "y": 1}]}))
print(d.setdefault("q", 5), d.pop("mid"), d)
d.update([("m", 1)], k=2)
print(d, sorted(d, key=str))
"#,
    );
    insta::assert_snapshot!(out);
}

#[test]
fn kwargs_instance_and_class_dicts_keep_order() {
    let out = same_as_cpython(
        r#"
def f(**kw):
    return kw
print(f(z=1, a=2, q=3, b=4), f(**{"y": 1, "x": 2}))
class A:
    zz = 1
    aa = 2
    def __init__(self):
        self.z = 1
        self.a = 2
        self.m = 3
a = A()
del a.z
a.z = 4
print(a.__dict__)
print([k for k in A.__dict__ if not k.startswith("__")])
g = {}
exec("b = 1\na = 2\nc = 3", g)
print([k for k in g if k != "__builtins__"])
"#,
    );
    insta::assert_snapshot!(out);
}

#[test]
fn big_dicts_with_deletions_and_popitem() {
    let out = same_as_cpython(
        r#"
big = {}
for i in range(2000):
    big[i * 7919 % 10007] = i
for i in range(0, 2000, 3):
    del big[i * 7919 % 10007]
print(len(big), list(big)[:8], list(big)[-3:], sum(big.values()))
for i in range(3000):
    big["s%d" % i] = i
while len(big) > 5:
    big.popitem()
print(big)
s = {}
for r in range(50):
    for i in range(100):
        s[i] = r
    for i in range(0, 100, 2):
        del s[i]
print(len(s), list(s)[:5], list(s)[-3:])
churn = {}
for i in range(20000):
    churn[i] = i
    if i >= 3:
        del churn[i - 3]
print(churn)
words = "the quick brown fox jumps over the lazy dog the end".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts, max(counts, key=counts.get))
"#,
    );
    insta::assert_snapshot!(out);
}

#[test]
fn ordered_dict_still_works() {
    // The repr differs (MicroPython prints `OrderedDict({...})`), so only
    // behaviour is compared with CPython here.
    same_as_cpython(
        r#"
from collections import OrderedDict
o = OrderedDict()
o["x"] = 1; o["a"] = 2; o["c"] = 3
print(list(o.items()), o.popitem(), list(o))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1})
print(dict(o) == {"a": 2, "x": 1}, list(dict(o)))
del o["x"]
o["x"] = 5
print(list(o.items()))
"#,
    );
}

#[test]
fn unpacking_in_displays() {
    let out = same_as_cpython(
        r#"
a = [1, 2]; b = (3,); m = {"x": 1, "y": 2}; n = {"y": 20, "z": 3}
print([*a, *b, 4], [*a], [0, *a], [*a, 5, *"hi"], [*range(3), *{}])
print((*a,), (*a, *b), (0, *a, 9), type((*a,)).__name__)
t = *a, *b
print(t)
print(sorted({*a, 3}), sorted({*a}), {0, *b}, sorted({*"abc", *"bcd"}))
print({**m, **n}, {**m}, {"a": 0, **m, "x": 9}, {**m, "y": 5, **n})
defaults = {"host": "localhost", "port": 80}
overrides = {"port": 8080}
config = {**defaults, **overrides, "debug": True}
print(config)
def f(*args, **kw):
    return args, kw
print(f(*a, *b, **m, **{"q": 1}))
tuple = list
print((*a, 1), type((*a, 1)).__name__)
def g():
    return *a, 3
print(g())
for x in *a, *b:
    print(x, end=" ")
print()
try:
    {**[1]}
except TypeError:
    print("TypeError")
print(list({**{1: 2}}.items()), [*[], *[]], {**{}})
"#,
    );
    insta::assert_snapshot!(out);
}

#[test]
fn positional_only_parameters() {
    let out = same_as_cpython(
        r#"
def f(a, b, /, c, *, d=4):
    return a, b, c, d
print(f(1, 2, 3), f(1, 2, c=3, d=5))
def g(x, /):
    return x * 2
print(g(21))
def h(a, b=2, /, *args, **kw):
    return a, b, args, kw
print(h(1), h(1, 3, 4, k=5))
l = lambda a, /, b=1: a + b
print(l(1), l(1, b=5), (lambda x, /: x)(7))
class P:
    def m(self, v, /):
        return v
print(P().m(3))
for bad in ("def f(*, a, /): pass", "def f(**k, /): pass", "lambda *a, /: 0"):
    try:
        exec(bad)
        print("accepted", bad)
    except SyntaxError:
        print("SyntaxError", bad)
"#,
    );
    insta::assert_snapshot!(out);
}

#[test]
fn ascii_conversion_and_named_escapes() {
    let out = same_as_cpython(
        r#"
print(ascii("héllo wörld ✓ 😀"), ascii([1, "é", {"ü": b"\xff"}]), ascii(3))
s = "naïve"
print(f"{s!a} {s!s} {s!a:>12}|", "{!a}".format("€"), "{0!a}".format("Ω"), f"{'ab'!r}")
print("\N{BULLET} item \N{EM DASH} \N{DEGREE SIGN}C \N{GREEK SMALL LETTER ALPHA}\N{greek small letter beta}")
print("\N{EURO SIGN}5 \N{CHECK MARK} \N{RIGHTWARDS ARROW} \N{NO-BREAK SPACE}|\N{COPYRIGHT SIGN}", len("\N{GRINNING FACE}"))
print(f"\N{BULLET} {s}", rb"\N{BULLET}", b"\N{BULLET}", "\N{LATIN SMALL LETTER A}")
try:
    exec('"\\N{NO SUCH NAME}"')
except SyntaxError:
    print("SyntaxError")
"#,
    );
    insta::assert_snapshot!(out);
}

#[test]
fn self_documenting_fstrings() {
    let out = same_as_cpython(
        r#"
x = 3.14159; name = "ab"; items = [1, 2]
print(f"{x=}", f"{x = }", f"{x=:.2f}", f"{name=}", f"{name=!s}", f"{x*2=}")
print(f"{items=}", f"{len(items) = }", f"{name = !r:>6}|")
"#,
    );
    insta::assert_snapshot!(out);
}
