//! Uncaught exceptions, syntax errors and exits: typed, with output kept.

use mpwasm_core::{Error, RunOptions};

use crate::{err_with, runtime};

fn render(e: &Error) -> String {
    format!("kind: {}\ndisplay: {e}\n", e.kind())
}

#[test]
fn uncaught_exception_keeps_output_and_traceback() {
    let e = err_with(
        "print('before')\ndef f():\n    raise ValueError('bad value')\nf()",
        &RunOptions::new(),
    );
    let Error::GuestException(g) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(g.type_name, "ValueError");
    assert_eq!(g.message, "bad value");
    assert_eq!(g.result.stdout_str(), "before\n");
    insta::assert_snapshot!(g.traceback, @r#"
    Traceback (most recent call last):
      File "<string>", line 4, in <module>
      File "<string>", line 3, in f
    ValueError: bad value
    "#);
    insta::assert_snapshot!(render(&e));
}

#[test]
fn syntax_error_is_a_guest_exception() {
    let e = err_with("print('never')\nx = = 1", &RunOptions::new());
    let Error::GuestException(g) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(g.type_name, "SyntaxError");
    assert_eq!(g.result.stdout_str(), "");
    insta::assert_snapshot!(render(&e));
}

#[test]
fn sys_exit_codes() {
    let e = err_with("import sys\nprint('bye')\nsys.exit(3)", &RunOptions::new());
    let Error::Exit { code, result } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(*code, 3);
    assert_eq!(result.stdout_str(), "bye\n");
    let r = runtime()
        .run("import sys\nsys.exit(0)\nprint('not reached')")
        .unwrap();
    assert_eq!(r.stdout_str(), "");
    let e = err_with("import sys\nsys.exit('message')", &RunOptions::new());
    let Error::Exit { code, result } = &e else {
        panic!("{e:?}")
    };
    assert_eq!((*code, result.stderr_str().as_ref()), (1, "message\n"));
}

#[test]
fn keyboard_interrupt_and_system_exit_raised_by_the_guest() {
    let e = err_with("raise KeyboardInterrupt", &RunOptions::new());
    let Error::GuestException(g) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(g.type_name, "KeyboardInterrupt");
    let e = err_with("raise SystemExit(4)", &RunOptions::new());
    assert!(matches!(e, Error::Exit { code: 4, .. }), "{e:?}");
}

#[test]
fn rendered_errors() {
    let cases = [
        ("name_error", "undefined_name"),
        ("zero_division", "1/0"),
        ("type_error", "len(5)"),
        ("import_error", "import socket"),
    ];
    for (name, code) in cases {
        let e = err_with(code, &RunOptions::new());
        insta::assert_snapshot!(name, render(&e));
    }
}
