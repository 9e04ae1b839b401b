//! Hostile snippets in sessions: the guest cannot forge the session's
//! control flow; every snippet ends typed, and the session is either usable
//! with its state intact or clearly poisoned until reset, never hung.

use std::time::{Duration, Instant};

use mpwasm_core::{Error as RunError, HostFunctions, Interrupt, RunOptions};
use mpwasm_host::HostError;
use mpwasm_session::{Error, ReplaySession, Session};

use crate::{limited, limits, runtime};

fn out(s: &mut Session, code: &str) -> String {
    match s.run(code) {
        Ok(r) => r.stdout_str().into_owned(),
        Err(e) => panic!("{e}\n{e:?}"),
    }
}

fn run_err(s: &mut Session, code: &str) -> RunError {
    match s.run(code) {
        Err(Error::Run(e)) => e,
        other => panic!("{code}: {other:?}"),
    }
}

/// The session kept its state and is not poisoned.
fn still_usable(s: &mut Session) {
    assert_eq!(s.poisoned_by(), None);
    assert_eq!(out(s, "print(keep)"), "kept\n");
}

/// The session is poisoned by `cause` until reset, then fresh.
fn poisoned_then_reset(s: &mut Session, cause: &str) {
    assert_eq!(s.poisoned_by().map(|c| c.name()), Some(cause));
    assert!(
        matches!(s.run("print(keep)"), Err(Error::Poisoned { cause: c }) if c.name() == cause),
        "still poisoned"
    );
    s.reset();
    assert_eq!(out(s, "print('keep' in globals())"), "False\n");
}

#[test]
fn sys_exit_ends_the_snippet_with_its_code_and_keeps_the_session() {
    let mut s = Session::new(runtime());
    out(&mut s, "keep = 'kept'");
    let cases = [
        ("import sys\nprint('a')\nsys.exit(3)", 3, "a\n", ""),
        (
            "def f():\n    try:\n        raise SystemExit(7)\n    finally:\n        print('finally')\nf()",
            7,
            "finally\n",
            "",
        ),
        (
            "def g():\n    yield 1\n    raise SystemExit(4)\nlist(g())",
            4,
            "",
            "",
        ),
        ("class Quit(SystemExit): pass\nraise Quit(9)", 9, "", ""),
        ("import sys\nsys.exit('bye')", 1, "", "bye\n"),
    ];
    for (code, want, stdout, stderr) in cases {
        let e = run_err(&mut s, code);
        let RunError::Exit { code: got, result } = &e else {
            panic!("{code}: {e:?}")
        };
        assert_eq!(
            (
                *got,
                result.stdout_str().as_ref(),
                result.stderr_str().as_ref()
            ),
            (want, stdout, stderr),
            "{code}"
        );
        still_usable(&mut s);
    }
    // sys is read-only to the guest: exit cannot be replaced.
    let e = run_err(&mut s, "import sys\nsys.exit = lambda *a: None");
    assert!(
        matches!(&e, RunError::GuestException(g) if g.type_name == "AttributeError"),
        "{e:?}"
    );
    still_usable(&mut s);
    // Statements before the exit ran; a caught SystemExit is no exit.
    run_err(&mut s, "x = 1\nraise SystemExit(2)\nx = 2");
    assert_eq!(
        out(
            &mut s,
            "try:\n    raise SystemExit(1)\nexcept SystemExit:\n    print('caught', x)"
        ),
        "caught 1\n"
    );
}

#[test]
fn the_guest_cannot_forge_control_flow() {
    let mut s = Session::new(runtime());
    out(&mut s, "keep = 'kept'");
    // Text that looks like a failure is only text.
    assert_eq!(
        out(
            &mut s,
            "print('Traceback (most recent call last):\\nMemoryError: fake')"
        ),
        "Traceback (most recent call last):\nMemoryError: fake\n"
    );
    // A guest class named MemoryError is reported by its name (the guest
    // controls exception names and messages), but it is no trap.
    let e = run_err(
        &mut s,
        "class MemoryError(Exception): pass\nraise MemoryError('fake')",
    );
    assert!(
        matches!(&e, RunError::MemoryLimit { message, .. } if message == "fake"),
        "{e:?}"
    );
    still_usable(&mut s);
    // Interrupt-like exceptions raised by the guest are plain exceptions.
    for (code, name) in [
        ("raise KeyboardInterrupt", "KeyboardInterrupt"),
        ("raise GeneratorExit", "GeneratorExit"),
        (
            "raise RuntimeError('maximum recursion depth exceeded')",
            "RuntimeError",
        ),
    ] {
        let e = run_err(&mut s, code);
        assert!(
            matches!(&e, RunError::GuestException(g) if g.type_name == name),
            "{code}: {e:?}"
        );
        still_usable(&mut s);
    }
    // `except BaseException` cannot hold off a trap.
    s.set_limits(limits(|l| {
        l.fuel(Some(50_000_000));
    }))
    .unwrap();
    let e = run_err(
        &mut s,
        "while True:\n    try:\n        while True: pass\n    except BaseException:\n        pass",
    );
    assert!(matches!(e, RunError::OutOfFuel(_)), "{e:?}");
    poisoned_then_reset(&mut s, "out_of_fuel");
}

#[test]
fn traps_from_guest_misbehaviour_poison_the_session() {
    let cases = [
        // The guest wrecking its own memory.
        "import uctypes\nm = uctypes.bytearray_at(0, 1 << 20)\nfor i in range(0, len(m), 4):\n    m[i] = 0xff",
    ];
    for code in cases {
        let mut s = Session::new(runtime());
        out(&mut s, "keep = 'kept'");
        let e = run_err(&mut s, code);
        assert!(e.is_trap(), "{code}: {e:?}");
        poisoned_then_reset(&mut s, e.kind());
    }
}

#[test]
fn an_exception_raised_while_reporting_one_keeps_the_session() {
    // The guest reports `<exception str() failed>` (as CPython does) instead
    // of dying on the nested exception: an ordinary error, state kept.
    let mut s = Session::new(runtime());
    out(&mut s, "keep = 'kept'");
    let e = run_err(
        &mut s,
        "class E(Exception):\n    def __str__(self): raise ValueError\nraise E()",
    );
    let RunError::GuestException(g) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(g.message, "<exception str() failed>");
    let e = run_err(&mut s, "import sys\nsys.exit(2**100)");
    assert!(matches!(e, RunError::Exit { code: 1, .. }), "{e:?}");
    assert_eq!(out(&mut s, "print(keep)"), "kept\n");
}

#[test]
fn memory_bombs_keep_the_session_and_its_heap() {
    let options = limited(|l| {
        l.memory_bytes(4 << 20);
    });
    let mut s = Session::with_options(runtime(), options.clone());
    out(&mut s, "keep = 'kept'");
    for code in [
        "x = 'a' * 10**9",
        "x = []\nwhile True:\n    x.append(len(x))",
        "d = {}\nwhile True:\n    d[len(d)] = 0",
        "b = bytearray()\nwhile True:\n    b.extend(bytes(65536))",
        "x = ''.join('abcdefgh' for i in range(10**9))",
    ] {
        for _ in 0..2 {
            let e = run_err(&mut s, code);
            assert!(matches!(e, RunError::MemoryLimit { .. }), "{code}: {e:?}");
            still_usable(&mut s);
        }
    }
    // The bombs' garbage is collectable: the heap is usable again.
    assert_eq!(
        out(
            &mut s,
            "x = b = d = None\nbig = bytearray(256 * 1024)\nprint(len(big))"
        ),
        "262144\n"
    );
}

#[test]
fn host_function_errors_and_blocking_in_a_session() {
    let mut f = HostFunctions::new();
    f.register("deny", || -> Result<i64, HostError> {
        Err(HostError::new("PermissionError", "not here"))
    })
    .unwrap();
    f.register("boom", || -> i64 { panic!("session secret") })
        .unwrap();
    f.register("block", |ms: u64| {
        std::thread::sleep(Duration::from_millis(ms))
    })
    .unwrap();
    let options = RunOptions::new()
        .host_functions(f)
        // Generous: catching a panic can take a while with RUST_BACKTRACE set
        // on a loaded machine.
        .limits(limits(|l| {
            l.wall_timeout(Some(Duration::from_millis(1000)));
        }))
        .clone();
    let mut s = Session::with_options(runtime(), options.clone());
    out(&mut s, "keep = 'kept'");
    let e = run_err(&mut s, "deny()");
    assert!(
        matches!(&e, RunError::GuestException(g) if g.message == "PermissionError: not here"),
        "{e:?}"
    );
    let e = run_err(&mut s, "boom()");
    let RunError::GuestException(g) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(
        g.message,
        "RuntimeError: internal error in host function 'boom'"
    );
    assert!(g.result.host_failures[0].details.contains("session secret"));
    still_usable(&mut s);
    // Blocking past the deadline: the deadline trips when the call returns,
    // the guest stops at its next safe point and the session survives.
    let started = Instant::now();
    let e = run_err(&mut s, "print('before')\nblock(1500)\nprint('after')");
    let took = started.elapsed();
    assert!(
        matches!(&e, RunError::Interrupted { interrupt: Interrupt::WallClock, result, .. }
            if result.stdout_str() == "before\n"),
        "{e:?}"
    );
    assert!(
        took >= Duration::from_millis(1500) && took < Duration::from_secs(6),
        "{took:?}"
    );
    still_usable(&mut s);
    assert_eq!(out(&mut s, "block(1)\nprint('fresh')"), "fresh\n");
}

#[test]
fn floods_do_not_leak_into_the_next_snippet() {
    let options = limited(|l| {
        l.max_output_bytes(100);
    });
    let mut s = Session::with_options(runtime(), options.clone());
    let r = s
        .run("import sys\nprint('x' * 1000)\nsys.stderr.write('e' * 1000)")
        .unwrap();
    assert_eq!((r.stdout.len(), r.stderr.len()), (100, 100));
    assert!(r.stdout_truncated && r.stderr_truncated);
    let r = s.run("print('next')").unwrap();
    assert_eq!(r.stdout_str(), "next\n");
    assert!(!r.stdout_truncated && r.stderr.is_empty());
}

#[test]
fn replay_session_skips_hostile_snippets() {
    let options = limited(|l| {
        l.fuel(Some(50_000_000));
    });
    let mut s = ReplaySession::with_options(runtime(), options.clone());
    s.run("keep = 'kept'").unwrap();
    for code in [
        "import sys\nsys.exit(3)",
        "while True: pass",
        "x = 'a' * 10**9",
        "class E(Exception):\n    def __str__(self): raise ValueError\nraise E()",
    ] {
        assert!(matches!(s.run(code), Err(Error::Run(_))), "{code}");
    }
    assert_eq!(s.run("print(keep)").unwrap().stdout_str(), "kept\n");
    assert_eq!(s.snippets(), ["keep = 'kept'", "print(keep)"]);
}
