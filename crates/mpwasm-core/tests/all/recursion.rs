//! Recursion of every shape ends as `RecursionError: maximum recursion depth
//! exceeded` (or a typed trap), with the output before it kept.

use mpwasm_core::{Error, Limits, RunOptions};

use crate::{err_with, limited, ok, runtime};

fn recursion_error(label: &str, code: &str) {
    let program = format!("print('s')\n{code}");
    let e = err_with(&program, &RunOptions::new());
    let Error::GuestException(g) = &e else {
        panic!("{label}: {e:?}")
    };
    assert_eq!(
        (g.type_name.as_str(), g.message.as_str()),
        ("RecursionError", "maximum recursion depth exceeded"),
        "{label}"
    );
    assert_eq!(g.result.stdout_str(), "s\n", "{label}");
    assert!(
        g.traceback
            .ends_with("RecursionError: maximum recursion depth exceeded\n"),
        "{label}"
    );
}

#[test]
fn every_shape_is_a_recursion_error() {
    let cases = [
        (
            "mutual",
            "def a(n): return b(n + 1)\ndef b(n): return a(n + 1)\na(0)",
        ),
        (
            "__eq__",
            "class E:\n    def __eq__(self, o): return E() == o\nE() == 1",
        ),
        (
            "__hash__",
            "class H:\n    def __hash__(self): return hash(H())\n{H(): 1}",
        ),
        (
            "__str__",
            "class S:\n    def __str__(self): return str(S())\nstr(S())",
        ),
        (
            "__getattr__",
            "class G:\n    def __getattr__(self, n): return getattr(self, n + 'x')\nG().a",
        ),
        (
            "yield from",
            "def g(n):\n    yield from g(n + 1)\nnext(g(0))",
        ),
        (
            "generator chain",
            "def g(it):\n    for x in it: yield x\nit = iter([1])\nfor i in range(1000): it = g(it)\nlist(it)",
        ),
        ("lambda", "f = lambda n: f(n + 1)\nf(0)"),
        (
            "self-referential containers",
            "l = [1]\nl.append(l)\nd = {'l': l}\nd['d'] = d\nrepr(d)",
        ),
        (
            "decorator chain",
            "def deco(f):\n    return lambda: deco(f)()\ndeco(print)()",
        ),
    ];
    for (label, code) in cases {
        recursion_error(label, code);
    }
    assert_eq!(ok("print('alive')").stdout_str(), "alive\n");
}

#[test]
fn recursion_error_can_be_caught_again_and_again() {
    let code = "def f(n): return f(n + 1)\nn = 0\nfor i in range(50):\n    try:\n        f(0)\n    except RuntimeError as e:\n        n += 1\n        last = str(e)\nprint(n, last)\ndef depth(n): return 0 if n == 0 else 1 + depth(n - 1)\nprint(depth(50))";
    assert_eq!(
        ok(code).stdout_str(),
        "50 maximum recursion depth exceeded\n50\n"
    );
}

#[test]
fn a_long_generator_chain_is_a_cpu_burn_stopped_by_fuel() {
    // 10^5 chained generators make every GC mark pass overflow its mark
    // stack and rescan the heap: quadratic, so fuel ends it.
    let options = limited(|l| {
        l.fuel(Some(2_000_000_000)).wall_timeout(None);
    });
    let e = err_with(
        "print('s')\ndef g(it):\n    for x in it: yield x\nit = iter([1])\nfor i in range(100000): it = g(it)\nlist(it)",
        &options,
    );
    let r = crate::fuel_stopped(&e);
    assert_eq!(r.stdout_str(), "s\n");
    assert_eq!(ok("print('alive')").stdout_str(), "alive\n");
}

#[test]
fn recursion_at_the_smallest_stack_is_still_a_recursion_error() {
    let options = limited(|l| {
        l.max_wasm_stack(Limits::MIN_MAX_WASM_STACK);
    });
    for code in [
        "def f(n): return f(n + 1)\nf(0)",
        "class A:\n    def __repr__(self): return repr(A())\nrepr(A())",
    ] {
        let e = err_with(code, &options);
        let Error::GuestException(g) = &e else {
            panic!("{code}: {e:?}")
        };
        assert_eq!(g.message, "maximum recursion depth exceeded");
    }
    let r = runtime().run_with("print('alive')", &options).unwrap();
    assert_eq!(r.stdout_str(), "alive\n");
}

/// A run's `Limits::max_wasm_stack` bounds C recursion too (printing nested
/// containers keeps its state in native Wasm frames), not only Python
/// recursion: the deepest list that still prints shrinks with the budget.
#[test]
fn the_runs_stack_budget_bounds_c_recursion() {
    let deepest = "def prints(n):\n    x = []\n    for _ in range(n):\n        x = [x]\n    try:\n        repr(x)\n        return True\n    except RuntimeError:\n        return False\nlo, hi = 1, 200000\nwhile lo < hi:\n    mid = (lo + hi + 1) // 2\n    if prints(mid):\n        lo = mid\n    else:\n        hi = mid - 1\nprint(lo)";
    let depth = |stack: usize| -> u64 {
        let mut options = RunOptions::new();
        options
            .limits_mut()
            .max_wasm_stack(stack)
            .wall_timeout(None);
        let r = runtime().run_with(deepest, &options).unwrap();
        r.stdout_str().trim().parse().unwrap()
    };
    let full = depth(Limits::DEFAULT_MAX_WASM_STACK);
    let quarter = depth(Limits::DEFAULT_MAX_WASM_STACK / 4);
    assert!(full > 100, "{full}");
    assert!(
        quarter * 2 < full,
        "a quarter of the stack still prints {quarter} levels (full: {full})"
    );
}
