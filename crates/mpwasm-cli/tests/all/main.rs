//! Integration tests of the `mpwasm` binary (one test binary; topics in the
//! modules) and of the library's parsers and statement grouper.

// Tests may unwrap: a panic is a failure with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod exit_codes;
mod files;
mod flags;
mod grouping;
mod json;
mod parse;
mod repl;
mod session_stdin;

use std::sync::Once;

/// Path of the binary under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_mpwasm")
}

/// A command for the binary, after one warm-up run so that the compiled
/// guest is in the on-disk cache before tests run in parallel.
pub fn mpwasm() -> assert_cmd::Command {
    static WARM: Once = Once::new();
    WARM.call_once(|| {
        let _ = std::process::Command::new(bin())
            .args(["-c", "pass"])
            .output();
    });
    assert_cmd::Command::new(bin())
}
