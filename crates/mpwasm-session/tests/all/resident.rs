//! The resident session: state, side effects, poisoning and reset.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use mpwasm_core::{Error as RunError, ExecMode, HostFunctions, Limits, RunOptions};
use mpwasm_session::{Error, Session};

use crate::{limits, runtime};

fn out(s: &mut Session, code: &str) -> String {
    match s.run(code) {
        Ok(r) => r.stdout_str().into_owned(),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn reference_readme_session() {
    let mut s = Session::new(runtime());
    assert!(!s.is_started(), "starts lazily");
    out(&mut s, "x = 10");
    assert!(s.is_started());
    out(&mut s, "x += 5");
    assert_eq!(out(&mut s, "print(x * 2)"), "30\n");
}

#[test]
fn side_effects_happen_once() {
    let log = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = log.clone();
    let mut functions = HostFunctions::new();
    functions
        .register("record", move |what: String| {
            sink.lock().unwrap().push(what);
        })
        .unwrap();
    let mut s = Session::with_options(
        runtime(),
        RunOptions::new().host_functions(functions).clone(),
    );
    out(&mut s, "record('once')\nitems = [1, 2]");
    out(&mut s, "items.append(3)");
    assert_eq!(out(&mut s, "print(items)"), "[1, 2, 3]\n");
    assert_eq!(*log.lock().unwrap(), ["once"]);
}

#[test]
fn hypotenuse_functions_imports_and_classes_persist() {
    let mut s = Session::new(runtime());
    out(
        &mut s,
        "import math\ndef hypotenuse(a, b):\n    return math.sqrt(a * a + b * b)",
    );
    out(&mut s, "class Box:\n    def __init__(self, v): self.v = v");
    out(&mut s, "b = Box(hypotenuse(3, 4))");
    assert_eq!(out(&mut s, "print(b.v, hypotenuse(5, 12))"), "5.0 13.0\n");
}

#[test]
fn register_after_start() {
    let mut s = Session::new(runtime());
    out(&mut s, "n = 20");
    s.register_function("add", |a: i64, b: i64| a + b).unwrap();
    assert_eq!(out(&mut s, "print(add(n, 22))"), "42\n");
    s.register_function("neg", |a: i64| -a).unwrap();
    assert_eq!(out(&mut s, "print(neg(add(1, 1)), n)"), "-2 20\n");
}

#[test]
fn an_exception_keeps_the_session() {
    let mut s = Session::new(runtime());
    out(&mut s, "x = 1");
    let e = s.run("x = 2\nraise ValueError('boom')").unwrap_err();
    let Error::Run(RunError::GuestException(g)) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(g.type_name, "ValueError");
    assert_eq!(
        out(&mut s, "print(x)"),
        "2\n",
        "statements before the raise ran"
    );
}

#[test]
fn memory_error_keeps_the_session() {
    let mut s = Session::new(runtime());
    out(&mut s, "keep = 'still here'");
    assert!(matches!(
        s.run("x = bytearray(10**9)"),
        Err(Error::Run(RunError::MemoryLimit { .. }))
    ));
    assert_eq!(out(&mut s, "print(keep)"), "still here\n");
}

#[test]
fn echo_mode_prints_expression_values() {
    let mut s = Session::new(runtime());
    s.run("x = 6").unwrap();
    assert_eq!(
        s.run_named("<string>", "x * 7", ExecMode::Single)
            .unwrap()
            .stdout_str(),
        "42\n"
    );
}

fn poisoned_after(code: &str, limits: Limits, expect: &str) {
    let mut s = Session::with_options(runtime(), RunOptions::new().limits(limits).clone());
    out(&mut s, "x = 1");
    let e = s.run(code).unwrap_err();
    assert_eq!(
        match &e {
            Error::Run(r) => r.kind(),
            other => panic!("{other:?}"),
        },
        expect
    );
    assert_eq!(s.poisoned_by().map(|c| c.name()), Some(expect));
    let again = s.run("print(x)").unwrap_err();
    assert!(
        matches!(again, Error::Poisoned { cause } if cause.name() == expect),
        "{again:?}"
    );
    assert!(again.to_string().contains(expect));
    s.reset();
    assert_eq!(
        out(&mut s, "print('fresh', 'x' in globals())"),
        "fresh False\n"
    );
}

/// `sum` over a range iterates in C: no safe point where the guest could
/// raise, so a limit that runs out there traps after the grace period.
const STUCK_IN_C: &str = "sum(range(10**9))";

#[test]
fn poisoned_after_fuel_stuck_in_c_and_reset() {
    poisoned_after(
        STUCK_IN_C,
        limits(|l| {
            l.fuel(Some(20_000_000)).fuel_grace(10_000_000);
        }),
        "out_of_fuel",
    );
}

#[test]
fn poisoned_after_timeout_stuck_in_c_and_reset() {
    poisoned_after(
        STUCK_IN_C,
        limits(|l| {
            l.fuel(None)
                .wall_timeout(Some(Duration::from_millis(100)))
                .grace(Duration::from_millis(50));
        }),
        "timeout",
    );
}

#[test]
fn poisoned_after_sleeping_through_the_grace_period() {
    poisoned_after(
        "import time\ntry:\n    time.sleep(5)\nfinally:\n    time.sleep(5)",
        limits(|l| {
            l.wall_timeout(Some(Duration::from_millis(100)))
                .grace(Duration::from_millis(50));
        }),
        "timeout",
    );
}

#[test]
fn poisoned_after_stack_overflow_and_reset() {
    // MicroPython's compiler recurses over nested displays without a
    // recursion check, so this overflows the native Wasm stack (a trap).
    poisoned_after(
        "eval('[' * 3000 + ']' * 3000)",
        Limits::new(),
        "stack_overflow",
    );
}

#[test]
fn sys_exit_ends_the_snippet_and_keeps_the_session() {
    let mut s = Session::new(runtime());
    out(&mut s, "x = 5");
    let e = s.run("import sys\nsys.exit(3)").unwrap_err();
    assert!(
        matches!(e, Error::Run(RunError::Exit { code: 3, .. })),
        "{e:?}"
    );
    assert_eq!(out(&mut s, "print(x)"), "5\n");
    assert_eq!(out(&mut s, "import sys\nsys.exit(0)\nprint('no')"), "");
}

#[test]
fn close_then_run_is_an_error() {
    let mut s = Session::new(runtime());
    out(&mut s, "x = 1");
    s.close();
    assert!(matches!(s.run("print(x)"), Err(Error::SessionClosed)));
}

#[test]
fn many_runs_and_collections_do_not_wear_the_session_out() {
    // The reference's session died after ~900 runs or after gc.collect().
    let mut s = Session::new(runtime());
    out(&mut s, "import gc\ntotal = 0");
    for i in 0..2000 {
        s.run(&format!("total += {i}")).unwrap();
        if i % 250 == 0 {
            out(&mut s, "gc.collect()");
        }
    }
    assert_eq!(out(&mut s, "print(total)"), "1999000\n");
}

#[test]
fn sessions_move_between_threads_and_run_concurrently() {
    fn assert_send<T: Send>() {}
    assert_send::<Session>();
    let handles: Vec<_> = (0..4)
        .map(|t| {
            std::thread::spawn(move || {
                let mut s = Session::new(runtime());
                s.run(&format!("acc = {t}")).unwrap();
                for _ in 0..50 {
                    s.run("acc += 1").unwrap();
                }
                s
            })
        })
        .collect();
    for (t, h) in handles.into_iter().enumerate() {
        let mut s = h.join().unwrap();
        assert_eq!(out(&mut s, "print(acc)"), format!("{}\n", t + 50));
    }
}

/// The host functions' wrappers run like a snippet: a trap while they are
/// installed in a live session poisons it, as in any run.
#[test]
fn a_trap_while_installing_host_functions_poisons() {
    let mut s = Session::new(runtime());
    out(&mut s, "x = 1");
    // No grace fuel: running out is a trap at once.
    let mut tight = Limits::new();
    tight.fuel(Some(1_000)).fuel_grace(0);
    s.set_limits(tight).unwrap();
    let e = s.register_function("double", |n: i64| n * 2).unwrap_err();
    assert!(matches!(&e, Error::Run(RunError::OutOfFuel(_))), "{e:?}");
    assert_eq!(s.poisoned_by(), Some(mpwasm_core::TrapKind::OutOfFuel));
    assert!(matches!(s.run("print(x)"), Err(Error::Poisoned { .. })));
    // The function stays registered: after a reset it works.
    s.set_limits(Limits::new()).unwrap();
    s.reset();
    assert_eq!(out(&mut s, "print(double(21))"), "42\n");
}

/// Registered functions live in one place and survive every state change.
#[test]
fn host_functions_survive_reset_close_and_poisoning() {
    let mut s = Session::new(runtime());
    s.register_function("inc", |n: i64| n + 1).unwrap();
    assert_eq!(s.host_functions().names().collect::<Vec<_>>(), ["inc"]);
    assert_eq!(out(&mut s, "print(inc(1))"), "2\n");
    s.reset();
    assert_eq!(out(&mut s, "print(inc(2))"), "3\n");
    s.close();
    assert_eq!(s.host_functions().names().collect::<Vec<_>>(), ["inc"]);
    s.reset();
    let mut tight = Limits::new();
    tight.fuel(Some(5_000_000));
    s.set_limits(tight).unwrap();
    assert!(s.run(STUCK_IN_C).is_err());
    assert!(s.poisoned_by().is_some());
    s.set_limits(Limits::new()).unwrap();
    s.reset();
    assert_eq!(out(&mut s, "print(inc(3))"), "4\n");
}
