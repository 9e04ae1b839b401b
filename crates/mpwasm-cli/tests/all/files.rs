//! Programs from a file argument and from stdin (`-`).

use predicates::prelude::*;

use crate::mpwasm;

#[test]
fn file_argument_runs_and_names_the_file_in_tracebacks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("prog.py");
    std::fs::write(
        &path,
        "def half(n):\n    return n // 2\n\nprint(half(84))\nraise ValueError('bad')\n",
    )
    .unwrap();
    let shown = path.display().to_string();
    mpwasm()
        .arg(&path)
        .assert()
        .code(1)
        .stdout("42\n")
        .stderr(format!(
            "Traceback (most recent call last):\n  File \"{shown}\", line 5, in <module>\nValueError: bad\n"
        ));
}

#[test]
fn file_argument_success() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ok.py");
    std::fs::write(&path, "import sys\nprint(sum(range(10)))\n").unwrap();
    mpwasm()
        .arg(&path)
        .assert()
        .code(0)
        .stdout("45\n")
        .stderr("");
}

#[test]
fn non_utf8_file_is_a_setup_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bin.py");
    std::fs::write(&path, b"print('\xff')\n").unwrap();
    mpwasm()
        .arg(&path)
        .assert()
        .code(8)
        .stderr(predicate::str::contains("not valid UTF-8"));
}

#[test]
fn dash_reads_the_program_from_stdin() {
    // A whole program, not line by line: no echo, one module body.
    mpwasm()
        .arg("-")
        .write_stdin("x = 5\nx\ndef f():\n    return x * 2\nprint(f())\n")
        .assert()
        .code(0)
        .stdout("10\n");
    mpwasm()
        .arg("-")
        .write_stdin("1/0\n")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("File \"<stdin>\", line 1"));
}
