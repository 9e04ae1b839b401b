//! The format-spec mini-language as CPython 3.11 has it, in `format()`,
//! `str.format` and f-strings: grouping with `,` and `_` (every 4 digits for
//! `b`/`o`/`x`), `%`, `=`/`^` alignment, any fill character, widths in
//! characters, nested fields, `{0.attr}`/`{a[1]}` fields, `__format__` of
//! classes, and float `repr` (the shortest round-tripping digits). Each
//! program's output must equal CPython's (`python3` is run for the
//! expectation) and is kept as a snapshot.

use crate::like_cpython;

#[test]
fn format_specs_and_format_dispatch() {
    like_cpython(
        "format_specs_and_format_dispatch",
        r#"
def t(spec, v):
    try:
        print(repr(spec), repr(v), '->', repr(('{:' + spec + '}').format(v)))
    except Exception as e:
        print(repr(spec), repr(v), '-> EXC', type(e).__name__, e)
for spec, v in [(',.2f', 1234567.891), ('_', 1234567), ('_x', 255), ('_x', 2**40-1), ('_b', 2**20), ('_o', 8**9), ('#_x', 2**32), ('%', 0.25), ('.1%', 0.256), ('=+8', -42), ('*^7', 'ab'), ('é>6', 'x'),
   ('>8', 'héllo'), ('<8', 'héllo'), ('^9', 'héllo'), (',.1f', 1234.5), (',d', 12345678), (',.0f', 1e20), ('_.2f', -1234.5), ('#_o', 12), (',', 1234567.0), (',g', 1234567.0), ('05,', 123), ('010,', 1234),
   ('^10.2f', 3.5), (',', -1234567), ('_', 10**25), (',', 2**70), ('+,', 1000), (' ,', 1000), ('010,.2f', 1234.5), ('012_.3f', -1234.5), (',e', 12345.678), (',.3g', 1234567.0), ('10.2%', 0.12345), ('%', 1), ('.0%', 0.5),
   ('=10', 12.5), ('0=10', -3), ('x<10d', 42), ('*=+10.2f', 3.14159), ('>10', True), ('', True), ('d', True), ('.3', 'abcdef'), ('10.3', 'héllo'), ('c', 233), ('n', 1234), ('n', 1234.5), ('', 1.5), ('.2', 1.0), ('g', 1e-5), ('e', 0.0), ('#x', 255), ('#b', 5), ('X', 255), ('#X', 255), (',x', 255),('E', 1.5), ('G', 1e20), ('F', float('inf')), ('.2f', float('nan')), ('+.1e', -0.0), ('_', 1234.5), ('s', 5), ('d', 1.5), ('.2f', 'x'), (',', 'abc'), ('^', 5),
   ('<05', 12), ('x<05', 5), ('x<010.2f', 1.5), ('06s', 'ab'), ('>06s', 'ab'), ('^07', 'abc'), ('08.3f', -1.5), ('>+10,.2f', 1234567.891), (',.2f', 0.5), (',.2f', 999.999), (',', 0), ('_d', -1000000),
   ]:
    t(spec, v)
class C:
    def __format__(self, spec): return 'C<' + spec + '>'
    def __repr__(self): return 'Crepr'
    def __str__(self): return 'Cstr'
class D:
    def __str__(self): return 'Dstr'
class E(float): pass
class Money:
    def __init__(self, v): self.v = v
    def __format__(self, spec):
        return format(self.v, spec or ',.2f') + ' EUR'
for src in ["format(C(), 'xyz')", "'{:abc}'.format(C())", "f'{C():q}'", "f'{C()!r}'", "'{0!s:>6}'.format(C())", "format(D())", "format(D(), '>6')", "'{}'.format(D())", "'{:>6}'.format(D())", "f'{D():>6}'",
            "format(E(2.5), '.2f')", "format(Money(1234.5))", "f'{Money(99):.1f}'", "format(3)", "format(3.25, '')", "format('x', '^5')", "format([1,2])", "format([1,2], '>10')", "format(None)", "format(1, 2)",
            "'{0.x}-{0.y}'.format(type('P', (), {'x': 1, 'y': 2})())", "'{a[1]}'.format(a=[5,6])", "'{0[k]}'.format({'k': 'v'})", "'{0[0][1]}'.format([[1,2]])", "'{0[-1]}'.format({'-1': 'neg'})",
            "'{x:{w}.{p}f}'.format(x=3.14159, w=10, p=2)", "'{:{}}'.format('a', 5)", "'{:{fill}{align}{w}}'.format('a', fill='*', align='^', w=7)", "f'{3.14159:{8}.{3}f}'", "'{!a}'.format('é')", "'{!r:>8}'.format('x')", "'{0!r:^9}'.format('héllo')",
            "'{:%Y-%m}'.format(__import__('datetime').date(2024, 3, 1))", "'{:>12}'.format(__import__('datetime').date(2024, 3, 1))", "'{{}} {}'.format(1)", "'{0:}'.format(5)", "'{:,}'.format(1.5e16)",
            ]:
    try:
        print(src, '->', repr(eval(src)))
    except Exception as e:
        print(src, '-> EXC', type(e).__name__, e)
"#,
    );
}

#[test]
fn float_repr_round_trips() {
    like_cpython(
        "float_repr_round_trips",
        r#"
import struct
seed = 12345
out = []
for i in range(400):
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    x = struct.unpack('<d', struct.pack('<Q', seed))[0]
    if x != x:
        continue
    out.append(repr(x))
    y = (seed % 100000) / 1000
    out.append(repr(y))
    out.append(str(y * 3.7))
    assert float(repr(x)) == x
print(len(out))
print('\n'.join(out))
print(repr(5e-324), repr(1.7976931348623157e308), repr(2.0**-1074 * 3), 0.1, 1/3, 2/3, 1e15, 1e16, 123456789012345678.0, 1e-4, 1e-5, -0.0, float('-inf'), 100.0, 1e22, 9007199254740993.0)
print([1.5, 2.25], {'a': 0.1 + 0.2}, (1/7,))
"#,
    );
}

#[test]
fn percent_formatting() {
    like_cpython(
        "percent_formatting",
        r#"
import math
rows = [
    "%s|%5s|%-5s|%.2f|%5.1f|%d|%x|%o|%e|%g|%r|%c|%%|%05d|%+d" % ("a", "b", "c", 3.14159, 2.25, 42, 255, 8, 12345.678, 0.0001, "x", 65, 42, 42),
    "%(a)s-%(b)d" % {"a": "x", "b": 2},
    "%5s|%-7s|%.2s|%.4s|" % ("héllo", "héllo", "héllo", "日本語です"),
    "%.3f %.0f %.0f %.2f %.1f %.2f" % (2.0005, 0.5, 1.5, 2.675, 0.05, 1.005),
    "%10.4f|%-10.2e|%+.2e|% .3g|%G" % (math.pi, 1234.5, -1234.5, 0.000123456, 1e-20),
    "%5.1f%% of %d" % (99.95, 7),
    "%f %e %g" % (float("inf"), float("-inf"), float("nan")),
    "%f|%s|%s" % (-float("nan"), format(-float("nan"), ".2f"), -float("nan")),
    "%.15f %.17g %.3e" % (0.1, 0.1, 6.02214076e23),
]
for r in rows:
    print(r)
"#,
    );
}
