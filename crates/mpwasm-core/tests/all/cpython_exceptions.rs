//! Exceptions as CPython 3.11 has them: `RecursionError`, the common
//! message texts, `repr`/`str` of exception objects. Each program's output
//! must equal CPython's (`python3` is run for the expectation) and is kept
//! as a snapshot of the sandbox's output.

use crate::like_cpython;

#[test]
fn recursion_error_is_a_runtime_error() {
    like_cpython(
        "recursion_error",
        r#"
import sys
def down(n):
    return down(n + 1)
for handler in ("RecursionError", "RuntimeError"):
    try:
        down(0)
    except RuntimeError as e:
        print(handler, type(e).__name__, e, isinstance(e, RuntimeError))
print(issubclass(RecursionError, RuntimeError), RecursionError.__name__)
try:
    raise RecursionError("custom")
except RecursionError as e:
    print(repr(e), e.args)
"#,
    );
}

#[test]
fn common_messages() {
    like_cpython(
        "common_messages",
        r#"
cases = [
    "1/0", "1//0", "1%0", "divmod(7, 0)", "1.0/0", "1.5//0", "1.5%0", "divmod(1.0, 0)",
    "0.0 ** -1", "(10**30) // 0", "(10**30) % 0",
    "int('x')", "int('1.5')", "float('abc')", "float('1,5')",
    "[1, 2].index(5)", "[1].remove(5)", "(1,).index(5)",
    "a, b = [1]", "a, b = [1, 2, 3]", "a, *b, c = [1]",
    "'a' + 1", "1 + 'a'", "[1] + (2,)", "'a' * 'b'", "1 < 'a'", "[] >= 3", "2 ** 'x'",
    "-'a'", "~1.5", "abs('a')", "hash([])", "{[]: 1}",
    "[1][5]", "(1,)[5]", "'a'[5]", "{}['k']", "{}.popitem()", "[].pop()",
    "undefined_name", "x = 5; x()", "x = 5; x[0]", "iter(5)", "next(5)", "object().attr",
]
for src in cases:
    try:
        exec(src)
    except Exception as e:
        print(f"{src:22} {type(e).__name__}: {e}")
"#,
    );
}

#[test]
fn repr_and_str_of_exceptions() {
    like_cpython(
        "repr_and_str",
        r#"
class AppError(Exception):
    pass
class MissingKey(KeyError):
    pass
for e in (ValueError("x"), ValueError(), ValueError("a", 2), KeyError("k"), KeyError(3),
          KeyError("a", "b"), KeyError(), MissingKey("m"), AppError("boom"), AppError(1, "two"),
          StopIteration(5), IndexError("list index out of range")):
    print(repr(e), "|", str(e), "|", e.args)
try:
    {"a": 1}["missing"]
except KeyError as e:
    print("lookup failed:", e, repr(e))
print(f"{ValueError('in f-string')!r} {ValueError('str')}")
"#,
    );
}
