//! The `mpwasm` command: run untrusted MicroPython from the command line, as
//! a one-shot program (`-c`, a file, stdin), a session fed from a pipe, or an
//! interactive REPL, on top of `mpwasm-core` and `mpwasm-session`.
//!
//! The binary (`src/main.rs`) only parses arguments and exits with the code
//! [`app::main`] returns; the modules are public so the tests can reach the
//! parsers and the statement grouper.

pub mod app;
pub mod cli;
pub mod parse;
pub mod repl;
pub mod report;
pub mod statement;
pub mod version;

/// This crate's README examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct CrateReadmeDoctests;
