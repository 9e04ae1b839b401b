//! Integration tests of mpwasm-core against the real guest artifact.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod bridge_abuse;
mod concurrency;
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
