//! Integration tests of mpwasm-core against the real guest artifact.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod async_host;
mod bridge_abuse;
mod concurrency;
mod cpython;
mod cpython_builtins;
mod cpython_exceptions;
mod cpython_format;
mod cpython_match;
mod cpython_str;
mod errors;
mod filesystem;
mod fuzz_corpus;
mod gc;
mod guest;
mod host;
mod isolation;
mod limits;
mod memory_bombs;
mod output_floods;
mod recovery;
mod recursion;
mod soft_limits;
mod stdlib;
mod streaming;
mod writable;

use std::process::Command;
use std::sync::OnceLock;

use mpwasm_core::{Error, RunOptions, RunResult, Runtime};

/// One runtime per test binary: building it is the expensive part.
pub fn runtime() -> &'static Runtime {
    static RUNTIME: OnceLock<Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        Runtime::new().expect("build the artifact first: cargo xtask build-artifact")
    })
}

/// Run and expect success.
pub fn ok(code: &str) -> RunResult {
    match runtime().run(code) {
        Ok(r) => r,
        Err(e) => panic!("run failed: {e}\n{e:?}"),
    }
}

/// Run with options and expect failure.
pub fn err_with(code: &str, options: &RunOptions) -> Error {
    match runtime().run_with(code, options) {
        Ok(r) => panic!("expected an error, got stdout {:?}", r.stdout_str()),
        Err(e) => e,
    }
}

/// A `/proc/self/status` figure of this process in KiB (`VmRSS`, `VmPeak`).
#[cfg(target_os = "linux")]
pub fn proc_status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .unwrap_or_else(|| panic!("no {field} in /proc/self/status"));
    line.split_whitespace().next().unwrap().parse().unwrap()
}

/// Run the `#[ignore]`d test `test` of this binary alone in a child process
/// (other tests' threads would move process-wide figures) and return the
/// `before=` and `after=` figures of the line it prints after `tag`.
#[cfg(target_os = "linux")]
pub fn child_before_after(test: &str, tag: &str) -> (u64, u64) {
    let exe = std::env::current_exe().unwrap();
    let out = std::process::Command::new(exe)
        .args([
            test,
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = stdout
        .lines()
        .find_map(|l| l.split_once(tag).map(|(_, rest)| rest))
        .unwrap_or_else(|| panic!("no {tag} line in {stdout}"));
    let figure = |key: &str| -> u64 {
        line.split_whitespace()
            .find_map(|kv| kv.strip_prefix(key))
            .unwrap()
            .parse()
            .unwrap()
    };
    (figure("before="), figure("after="))
}

/// The result of a run its fuel budget stopped: softly (`LimitExceeded` at a
/// safe point) or, for code stuck in C, hard after the grace fuel.
pub fn fuel_stopped(e: &Error) -> &RunResult {
    match e {
        Error::OutOfFuel(r)
        | Error::Interrupted {
            interrupt: mpwasm_core::Interrupt::Fuel,
            result: r,
            ..
        } => r,
        other => panic!("expected a fuel stop: {other:?}"),
    }
}

/// The result of a run its wall-clock budget stopped, softly or hard.
pub fn clock_stopped(e: &Error) -> &RunResult {
    match e {
        Error::Timeout(r)
        | Error::Interrupted {
            interrupt: mpwasm_core::Interrupt::WallClock,
            result: r,
            ..
        } => r,
        other => panic!("expected a wall-clock stop: {other:?}"),
    }
}

/// Options with the default limits changed by `set`.
pub fn limited(set: impl FnOnce(&mut mpwasm_core::Limits)) -> mpwasm_core::RunOptions {
    let mut options = mpwasm_core::RunOptions::new();
    set(options.limits_mut());
    options
}

/// The default limits changed by `set`.
pub fn limits(set: impl FnOnce(&mut mpwasm_core::Limits)) -> mpwasm_core::Limits {
    let mut limits = mpwasm_core::Limits::new();
    set(&mut limits);
    limits
}

/// Run `code` in the sandbox and with CPython (`python3`, the independent
/// reference): the outputs must be equal; the sandbox's is also kept as the
/// snapshot `name` (so a change shows in review even where CPython moved).
pub fn like_cpython(name: &str, code: &str) {
    let out = Command::new("python3")
        .args(["-I", "-c", code])
        .output()
        .expect("python3 (CPython) is needed to compute the expected output");
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "CPython failed on {name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = String::from_utf8(out.stdout).expect("CPython printed UTF-8");
    let got = ok(code);
    assert_eq!(got.stderr_str(), "", "{name}: the sandbox wrote to stderr");
    assert_eq!(
        got.stdout_str(),
        expected,
        "{name}: the sandbox differs from CPython"
    );
    insta::assert_snapshot!(name, got.stdout_str());
}
