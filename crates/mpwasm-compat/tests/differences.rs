//! The differences from CPython that docs/compat.md lists, checked in the
//! sandbox with mpwasm-core's default limits: if one of these changes (a port
//! fix, a MicroPython upgrade), update the document with the test.
//!
//! Needs the artifact (`cargo xtask build-artifact`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use mpwasm_core::{Error, Runtime};

struct Claim {
    /// The name docs/compat.md uses.
    name: &'static str,
    code: &'static str,
    stdout: &'static str,
    stderr: &'static str,
}

const CLAIMS: &[Claim] = &[
    Claim {
        name: "str_step_slice",
        code: r##"for e in ('"hello"[::-1]', 'b"ab"[::-1]', '(1, 2, 3)[::-1]', 'bytearray(b"ab")[::-1]', 'bytes(memoryview(b"ab")[::-1])'):
    try:
        print(e, eval(e))
    except NotImplementedError as x:
        print(e, "NotImplementedError:", x)
"##,
        stdout: r##""hello"[::-1] olleh
b"ab"[::-1] b'ba'
(1, 2, 3)[::-1] (3, 2, 1)
bytearray(b"ab")[::-1] NotImplementedError: only slices with step=1 (aka None) are supported
bytes(memoryview(b"ab")[::-1]) NotImplementedError: only slices with step=1 (aka None) are supported
"##,
        stderr: r##""##,
    },
    Claim {
        name: "round_half",
        code: r##"print(round(2.675, 2), round(2.5), round(3.5))
"##,
        stdout: r##"2.68 2 4
"##,
        stderr: r##""##,
    },
    Claim {
        name: "libm_last_bit",
        code: r##"import math, struct, binascii
print(math.exp(1.0) == math.e, binascii.hexlify(struct.pack(">d", math.gamma(2.5))))
"##,
        stdout: r##"True b'3ff544fa6d47b390'
"##,
        stderr: r##""##,
    },
    Claim {
        name: "errno_values",
        code: r##"import errno
print(errno.ENOENT, errno.EEXIST, errno.EINVAL, errno.EACCES, errno.EPERM)
try:
    open("/no/such/file")
except OSError as e:
    print(type(e).__name__, e.errno, e.errno == errno.ENOENT, e)
"##,
        stdout: r##"44 20 28 2 63
OSError 44 True [Errno 44] ENOENT
"##,
        stderr: r##""##,
    },
    Claim {
        name: "missing_exception_classes",
        code: r##"import builtins
print([n for n in ("FileNotFoundError", "ModuleNotFoundError", "RecursionError", "UnboundLocalError", "ExceptionGroup", "PermissionError", "TimeoutError", "ConnectionError") if not hasattr(builtins, n)])
"##,
        stdout: r##"['FileNotFoundError', 'ModuleNotFoundError', 'UnboundLocalError', 'ExceptionGroup', 'PermissionError', 'TimeoutError', 'ConnectionError']
"##,
        stderr: r##""##,
    },
    Claim {
        name: "recursion_depth",
        code: r##"def f(n):
    return 0 if n == 0 else 1 + f(n - 1)
print(f(200))
try:
    f(1000)
except RuntimeError as e:
    print(type(e).__name__, e)
"##,
        stdout: r##"200
RecursionError maximum recursion depth exceeded
"##,
        stderr: r##""##,
    },
    Claim {
        name: "syntax_gaps",
        code: r##"for src in ("match x:\n    case 1:\n        pass\n", "a = [*b, 4]\n", "a = {**{'x': 1}}\n", "print(*b, *b)\n", "def f(a, /, b):\n    pass\n", "x = '\\N{DEGREE SIGN}'\n", "type X = int\n", "def f[T](x): pass\n"):
    try:
        exec(src, {"x": 1, "b": [1]})
        print("ok")
    except SyntaxError as e:
        print("SyntaxError")
    except NotImplementedError as e:
        print("NotImplementedError:", e)
a, *b = [1, 2, 3]
print(a, b, f"{a=}", f"{a!r:>3}", (n := 5))
"##,
        stdout: r##"ok
ok
ok
1 1
ok
ok
ok
SyntaxError
SyntaxError
1 [2, 3] a=1   1 5
"##,
        stderr: r##""##,
    },
    Claim {
        name: "missing_modules",
        code: r##"missing = []
for m in ("typing", "dataclasses", "itertools", "functools", "datetime", "string", "copy", "abc", "enum", "base64", "bisect", "statistics", "fractions", "decimal", "textwrap", "operator", "traceback", "os.path", "pathlib", "csv", "unittest", "threading", "subprocess", "socket"):
    try:
        __import__(m)
    except ImportError:
        missing.append(m)
print(missing)
"##,
        stdout: r##"['os.path', 'pathlib', 'unittest', 'threading', 'subprocess', 'socket']
"##,
        stderr: r##""##,
    },
    Claim {
        name: "present_modules",
        code: r##"present = []
for m in ("json", "re", "math", "cmath", "random", "time", "struct", "array", "collections", "heapq", "binascii", "hashlib", "io", "os", "sys", "gc", "asyncio", "select", "errno", "deflate", "micropython", "platform", "uctypes", "vfs"):
    try:
        __import__(m)
        present.append(m)
    except ImportError:
        pass
print(present)
"##,
        stdout: r##"['json', 're', 'math', 'cmath', 'random', 'time', 'struct', 'array', 'collections', 'heapq', 'binascii', 'hashlib', 'io', 'os', 'sys', 'gc', 'asyncio', 'select', 'errno', 'deflate', 'micropython', 'platform', 'uctypes', 'vfs']
"##,
        stderr: r##""##,
    },
    Claim {
        name: "str_methods_missing",
        code: r##"print([m for m in ("capitalize", "casefold", "center", "count", "endswith", "expandtabs", "find", "format", "format_map", "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower", "isnumeric", "isprintable", "isspace", "istitle", "isupper", "join", "ljust", "lower", "lstrip", "maketrans", "partition", "removeprefix", "removesuffix", "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "swapcase", "title", "translate", "upper", "zfill") if not hasattr(str, m)])
print("Straße ΣΑΣ Привет".upper(), "Straße ΣΑΣ".lower(), "١٢".isdigit(), "Ⅻ".isnumeric(), "ﬁ".upper(), "日本".isalpha())
"##,
        stdout: r##"[]
STRASSE ΣΑΣ ПРИВЕТ straße σας False False ﬁ False
"##,
        stderr: r##""##,
    },
    Claim {
        name: "keyword_args_refused",
        code: r##"for call in ('"a b c".split(maxsplit=1)', 'print("x", flush=True)', 'int("10", base=2)', 'sum([1], start=1)', 'list(zip([1], [2], strict=True))', '"a".encode(encoding="utf-8")'):
    try:
        eval(call)
        print(call, "ok")
    except TypeError as e:
        print(call, "TypeError:", e)
"##,
        stdout: r##""a b c".split(maxsplit=1) ok
x
print("x", flush=True) ok
int("10", base=2) TypeError: function doesn't take keyword arguments
sum([1], start=1) TypeError: function doesn't take keyword arguments
list(zip([1], [2], strict=True)) ok
"a".encode(encoding="utf-8") TypeError: function doesn't take keyword arguments
"##,
        stderr: r##""##,
    },
    Claim {
        name: "bool_is_not_int",
        code: r##"print(isinstance(True, int), issubclass(bool, int), True + 1, True == 1)
"##,
        stdout: r##"False False 2 True
"##,
        stderr: r##""##,
    },
    Claim {
        name: "missing_builtins",
        code: r##"import builtins
print([n for n in ("vars", "ascii", "breakpoint", "memoryview", "frozenset", "bytearray", "callable", "divmod", "format", "globals", "locals", "sorted", "reversed", "enumerate", "round", "compile", "exec", "eval", "input", "open", "help", "hash", "id", "iter", "next", "slice", "super", "property", "staticmethod", "classmethod", "delattr", "setattr", "getattr", "hasattr", "issubclass", "isinstance", "min", "max", "sum", "abs", "all", "any", "bin", "hex", "oct", "chr", "ord", "pow", "repr", "type", "object", "zip", "map", "filter", "range", "len") if not hasattr(builtins, n)])
"##,
        stdout: r##"['breakpoint']
"##,
        stderr: r##""##,
    },
    Claim {
        name: "slots_not_enforced",
        code: r##"class A:
    __slots__ = ("x",)
a = A()
a.y = 1
print(a.y)
"##,
        stdout: r##"1
"##,
        stderr: r##""##,
    },
    Claim {
        name: "str_encode_ignores_codec",
        code: r##"print("é".encode("latin-1"), "é".encode())
try:
    b"\xff".decode("utf-8", "ignore")
except UnicodeError as e:
    print("UnicodeError")
"##,
        stdout: r##"b'\xc3\xa9' b'\xc3\xa9'
UnicodeError
"##,
        stderr: r##""##,
    },
    Claim {
        name: "sys_facts",
        code: r##"import sys
print(sys.platform, sys.maxsize, sys.argv, sys.path, sys.implementation.name, sys.version_info[:2])
"##,
        stdout: r##"wasi 2147483647 [] ['', '.frozen', '/input'] micropython (3, 4)
"##,
        stderr: r##""##,
    },
    Claim {
        name: "no_dunder_file",
        code: r##"try:
    __file__
except NameError as e:
    print("NameError:", e)
print(__name__)
"##,
        stdout: r##"NameError: name '__file__' is not defined
__main__
"##,
        stderr: r##""##,
    },
    Claim {
        name: "stdin_is_empty",
        code: r##"import sys
try:
    input("prompt> ")
except EOFError:
    print("EOFError")
print(repr(sys.stdin.read()))
"##,
        stdout: r##"prompt> EOFError
''
"##,
        stderr: r##""##,
    },
    Claim {
        name: "filesystem",
        code: r##"import os
print(os.getcwd())
for path in ("out.txt", "/tmp/out.txt"):
    try:
        open(path, "w")
    except OSError as e:
        print(path, e)
try:
    os.listdir("/")
except OSError as e:
    print("listdir /", e)
print(hasattr(os, "environ"), hasattr(os, "getenv"), hasattr(os, "system"), hasattr(os, "path"))
"##,
        stdout: r##"/
out.txt [Errno 44] ENOENT
/tmp/out.txt [Errno 44] ENOENT
listdir / [Errno 44] ENOENT
False False False False
"##,
        stderr: r##""##,
    },
    Claim {
        name: "time_functions",
        code: r##"import time
t = time.time()
print(type(t).__name__, len(time.localtime()), time.gmtime(0), time.localtime(t)[:3] == time.gmtime(t)[:3])
print(time.mktime((2000, 1, 1, 0, 0, 0, 0, 0)), [n for n in ("strftime", "perf_counter", "monotonic", "process_time", "ticks_ms", "sleep_ms") if hasattr(time, n)])
"##,
        stdout: r##"float 9 time.struct_time(tm_year=1970, tm_mon=1, tm_mday=1, tm_hour=0, tm_min=0, tm_sec=0, tm_wday=3, tm_yday=1, tm_isdst=0) True
946684800 ['strftime', 'perf_counter', 'monotonic', 'process_time', 'ticks_ms', 'sleep_ms']
"##,
        stderr: r##""##,
    },
    Claim {
        name: "exception_messages",
        code: r##"def f(a, b):
    pass
for src in ("f(1)", "1 / 0", "{}['k']", "[][1]", "int('x')", "undefined_name", "'a' + 1", "None.foo"):
    try:
        eval(src)
    except Exception as e:
        print(repr(e), "|", e)
"##,
        stdout: r##"TypeError('f() takes 2 positional arguments but 1 were given') | f() takes 2 positional arguments but 1 were given
ZeroDivisionError('division by zero') | division by zero
KeyError('k') | 'k'
IndexError('list index out of range') | list index out of range
ValueError("invalid literal for int() with base 10: 'x'") | invalid literal for int() with base 10: 'x'
NameError("name 'undefined_name' is not defined") | name 'undefined_name' is not defined
TypeError('can only concatenate str (not "int") to str') | can only concatenate str (not "int") to str
AttributeError("'NoneType' object has no attribute 'foo'") | 'NoneType' object has no attribute 'foo'
"##,
        stderr: r##""##,
    },
    Claim {
        name: "unbound_local_is_nameerror",
        code: r##"def f():
    print(x)
    x = 1
try:
    f()
except NameError as e:
    print(type(e).__name__, e)
"##,
        stdout: r##"NameError local variable referenced before assignment
"##,
        stderr: r##""##,
    },
    Claim {
        name: "exception_chaining",
        code: r##"try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("bad") from e
except ValueError as e:
    print("caught", e, hasattr(e, "__cause__"))
"##,
        stdout: r##"caught bad False
"##,
        stderr: r##"Warning: exception chaining not supported
"##,
    },
    Claim {
        name: "int_float_equality",
        code: r##"print(2**53 + 1 == float(2**53 + 1), 0.1 + 0.2 == 0.3)
"##,
        stdout: r##"True False
"##,
        stderr: r##""##,
    },
    Claim {
        name: "gc_collect_returns_int",
        code: r##"import gc
print(type(gc.collect()).__name__)
"##,
        stdout: r##"int
"##,
        stderr: r##""##,
    },
    Claim {
        name: "memory_errors",
        code: r##"try:
    x = [0] * (10**8)
except MemoryError:
    print("MemoryError")
try:
    bytearray(10**10)
except OverflowError as e:
    print("OverflowError:", e)
"##,
        stdout: r##"MemoryError
OverflowError: overflow converting long int to machine word
"##,
        stderr: r##""##,
    },
];

#[test]
fn documented_differences_hold() {
    let runtime = Runtime::new().expect("build the artifact first: cargo xtask build-artifact");
    let mut wrong = Vec::new();
    for claim in CLAIMS {
        match runtime.run(claim.code) {
            Ok(r) => {
                if r.stdout_str() != claim.stdout || r.stderr_str() != claim.stderr {
                    wrong.push(format!(
                        "{}: stdout {:?} (expected {:?}), stderr {:?} (expected {:?})",
                        claim.name,
                        r.stdout_str(),
                        claim.stdout,
                        r.stderr_str(),
                        claim.stderr
                    ));
                }
            }
            Err(e) => wrong.push(format!("{}: {e}", claim.name)),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/compat.md"),
    )
    .expect("docs/compat.md");
    for claim in CLAIMS {
        assert!(
            doc.contains(&format!("`{}`", claim.name)),
            "docs/compat.md does not cite `{}`",
            claim.name
        );
    }
}

#[test]
fn sys_exit_with_a_code_is_an_exit_error() {
    let runtime = Runtime::new().expect("build the artifact first: cargo xtask build-artifact");
    match runtime.run("import sys\nprint('before')\nsys.exit(3)") {
        Err(Error::Exit { code, result }) => {
            assert_eq!(code, 3);
            assert_eq!(result.stdout_str(), "before\n");
        }
        other => panic!("expected Error::Exit, got {other:?}"),
    }
}

#[test]
fn uncaught_exceptions_keep_micropython_tracebacks() {
    let runtime = Runtime::new().expect("build the artifact first: cargo xtask build-artifact");
    match runtime.run("def f():\n    raise ValueError('boom')\nf()") {
        Err(Error::GuestException(e)) => {
            assert_eq!(e.type_name, "ValueError");
            assert_eq!(
                e.traceback,
                "Traceback (most recent call last):\n  File \"<string>\", line 3, in <module>\n  File \"<string>\", line 2, in f\nValueError: boom\n"
            );
        }
        other => panic!("expected a GuestException, got {other:?}"),
    }
}
