//! Integration tests of mpwasm-core against the real guest artifact.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod bridge_abuse;
mod concurrency;
mod cpython;
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
mod stdlib;

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
