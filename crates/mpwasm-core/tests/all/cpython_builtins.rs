//! Built-ins and number methods as CPython 3.11 has them: `pow` with a
//! negative exponent and a modulus, the `int`/`float` methods with CPython's
//! defaults, `zip(strict=)`, `vars`, multi-argument set methods and
//! `sys.get/setrecursionlimit`. Each program's output must equal CPython's
//! (`python3` is run for the expectation) and is kept as a snapshot.

use crate::like_cpython;

#[test]
fn pow_with_modulus() {
    like_cpython(
        "pow_with_modulus",
        r#"
cases = [
    "pow(3, -1, 7)", "pow(38, -1, 97)", "pow(3, -2, 7)", "pow(-3, -1, 7)", "pow(10**30, -1, 7919)",
    "pow(2**100 + 1, -1, 3**50)", "pow(5, -3, 2**61 - 1)", "pow(3, -1, -7)", "pow(3, 2, -7)",
    "pow(-3, 3, 7)", "pow(3, 0, 1)", "pow(3, -1, 1)", "pow(3, -1, -1)",
    "pow(2, -1, 4)", "pow(0, -1, 5)", "pow(3, -1, 0)", "pow(3, 2, 0)", "pow(3.0, -1, 7)",
]
for src in cases:
    try:
        print(src, "->", eval(src))
    except Exception as e:
        print(src, "->", type(e).__name__, e)
# The inverse really is one.
for a, m in [(17, 3120), (65537, 2**64 - 59), (123456789, 10**9 + 7)]:
    inv = pow(a, -1, m)
    print(a, m, inv, a * inv % m)
"#,
    );
}

#[test]
fn int_methods() {
    like_cpython(
        "int_methods",
        r#"
cases = [
    "(255).bit_length()", "(-255).bit_length()", "(0).bit_length()", "(2**100).bit_length()",
    "(-2**63).bit_length()", "(255).bit_count()", "(-7).bit_count()", "(2**64 - 1).bit_count()",
    "(-2**70 - 1).bit_count()", "(6).as_integer_ratio()", "(10**20).as_integer_ratio()",
    "(1).to_bytes()", "(1024).to_bytes(2)", "(1024).to_bytes(2, 'little')",
    "(1).to_bytes(length=3, byteorder='little')", "(-1).to_bytes(2, signed=True)",
    "(-1).to_bytes(1, 'little', signed=True)", "(-128).to_bytes(1, signed=True)",
    "(2**70).to_bytes(10)", "(-2**64).to_bytes(9, 'little', signed=True)", "(0).to_bytes(0)",
    "(256).to_bytes(1)", "(-1).to_bytes(1, signed=False)", "(-129).to_bytes(1, signed=True)",
    "(128).to_bytes(1, signed=True)", "(1).to_bytes(0)", "(1).to_bytes(2, 'middle')",
    "(1).to_bytes(-1)",
    "int.from_bytes(b'\\x01\\x00')", "int.from_bytes(b'\\x01\\x00', 'little')",
    "int.from_bytes(b'\\xff\\xff', signed=True)", "int.from_bytes(b'\\x80', signed=True)",
    "int.from_bytes(b'\\x00\\x80', 'little', signed=True)", "int.from_bytes(b'')",
    "int.from_bytes(bytes(range(1, 13)))", "int.from_bytes(b'\\xff' * 20, signed=True)",
    "int.from_bytes([1, 2])", "int.from_bytes(bytearray(b'\\x01\\x02'), byteorder='little')",
]
for src in cases:
    try:
        print(src, "->", repr(eval(src)))
    except Exception as e:
        print(src, "->", type(e).__name__, e)
for n in [0, 1, -1, 127, -128, 2**31, -2**31 - 1, 2**200 + 12345, -(3**90)]:
    size = (n.bit_length() + 8) // 8
    for order in ("big", "little"):
        data = n.to_bytes(size, order, signed=True)
        assert int.from_bytes(data, order, signed=True) == n
    print(n, size, n.to_bytes(size, signed=True).hex())
"#,
    );
}

#[test]
fn float_methods() {
    like_cpython(
        "float_methods",
        r#"
cases = [
    "(2.5).is_integer()", "(2.0).is_integer()", "(-3.0).is_integer()", "(1e308).is_integer()",
    "float('inf').is_integer()", "float('nan').is_integer()",
    "(0.75).as_integer_ratio()", "(-0.5).as_integer_ratio()", "(0.0).as_integer_ratio()",
    "(0.1).as_integer_ratio()", "(5e-324).as_integer_ratio()", "(1e300).as_integer_ratio()",
    "(2.0**60).as_integer_ratio()",
    "float('inf').as_integer_ratio()", "float('nan').as_integer_ratio()",
]
for src in cases:
    try:
        print(src, "->", repr(eval(src)))
    except Exception as e:
        print(src, "->", type(e).__name__, e)
for x in [0.1, 1 / 3, 2.5e-10, 123456.789]:
    n, d = x.as_integer_ratio()
    print(n / d == x, d & (d - 1) == 0)
"#,
    );
}

#[test]
fn zip_vars_sets_and_sys() {
    like_cpython(
        "zip_vars_sets_and_sys",
        r#"
cases = [
    "list(zip([1, 2], [3, 4], strict=True))", "list(zip([1, 2], [3], strict=True))",
    "list(zip([1], [3, 4], strict=True))", "list(zip([1], [3, 4], [5], strict=True))",
    "list(zip([1, 2], [1], [2], strict=True))", "list(zip([1, 2], [1, 2], [2, 3, 4], strict=True))",
    "list(zip([1, 2], [1, 2], [2, 3, 4], [1], strict=True))", "list(zip(strict=True))",
    "list(zip([1, 2], strict=False))", "list(zip([], [1], strict=True))",
    "list(zip([1], [], strict=True))", "zip([1], x=1)", "zip([1], strict=1, x=2)",
    "sorted({1, 2, 3}.intersection({2, 3}, {3}))", "sorted({1}.union({2}, [3]))",
    "sorted({1, 2, 3}.difference({1}, {2}))", "sorted({1, 2, 3}.intersection())",
    "sorted({1, 2, 3}.intersection([2, 3, 4], (3,)))", "sorted(frozenset({1, 2}).union({3}, {4}))",
    "type(frozenset({1, 2}).union({3})).__name__",
    "{'a': 1} | {'b': 2}", "vars(1)",
]
for src in cases:
    try:
        print(src, "->", repr(eval(src)))
    except Exception as e:
        print(src, "->", type(e).__name__, e)
x = {1, 2, 3}
x.intersection_update({1, 2}, [2])
print(x)
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
print(vars(Point(1, 2)))
print(vars()["Point"] is Point, "cases" in vars())
d = {"a": 1}
d |= {"b": 2}
d |= [("c", 3)]
print(d)
import sys
print(sys.getrecursionlimit())
sys.setrecursionlimit(5000)
print(sys.getrecursionlimit())
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(e)
"#,
    );
}
