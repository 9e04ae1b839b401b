//! Command-line arguments (clap derive) and the documented exit codes.

use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;
use mpwasm_core::Limits;

use crate::parse::{parse_fuel, parse_grace, parse_size, parse_size_usize, parse_timeout};

/// Process exit codes. A guest's `sys.exit(n)` exits with `n`, which may
/// coincide with one of these; `--json` tells them apart.
pub mod exit {
    /// The program ran to the end (or called `sys.exit(0)`).
    pub const OK: i32 = 0;
    /// An uncaught Python exception (including `SyntaxError`).
    pub const EXCEPTION: i32 = 1;
    /// Bad command-line usage (clap's code), including limits out of range.
    pub const USAGE: i32 = 2;
    /// The fuel budget ran out (the guest got `LimitExceeded`, or trapped
    /// after the grace fuel).
    pub const OUT_OF_FUEL: i32 = 3;
    /// The wall-clock timeout expired (the guest got `LimitExceeded`, or
    /// trapped after the grace period).
    pub const TIMEOUT: i32 = 4;
    /// The memory limit was reached (`MemoryError`).
    pub const MEMORY_LIMIT: i32 = 5;
    /// The native Wasm stack overflowed.
    pub const STACK_OVERFLOW: i32 = 6;
    /// Any other trap of the guest.
    pub const TRAP: i32 = 7;
    /// Setup failed: missing or invalid artifact, engine error, unreadable
    /// program file, bad `--dir`, I/O error.
    pub const SETUP: i32 = 8;
    /// Interrupted by Ctrl-C (SIGINT), as shells report it: 128 + 2.
    pub const INTERRUPTED: i32 = 130;
}

const AFTER_HELP: &str = "\
Program:
  -c CODE runs CODE; FILE runs a file; - reads the program from stdin.
  Without a program: an interactive REPL when stdin is a terminal, else
  stdin is read line by line into one session (statements grouped like the
  interactive console, expression values echoed).

Exit status:
  0    success (or sys.exit(0))
  1    uncaught Python exception
  n    the guest called sys.exit(n)
  2    usage error (bad arguments or limits)
  3    out of fuel (--fuel)
  4    wall-clock timeout (--timeout)
  5    memory limit reached (--memory)
  6    native stack overflow
  7    other guest trap
  8    setup error: missing/invalid artifact, engine error, unreadable
       program file, bad --dir
  130  interrupted (Ctrl-C)
  A limit, or Ctrl-C, raises LimitExceeded or KeyboardInterrupt in the
  guest at its next safe point, so its finally blocks run; in the REPL and
  in a session read from stdin the session keeps its state. A guest still
  running --grace later (stuck in a long C call) is stopped hard and the
  session is reset.
  Reading stdin into a session: the status of the last failing statement,
  else 0 (sys.exit(n) ends the session with n).

Sizes take plain bytes or K, M, G / KiB, MiB, GiB (powers of 1024).";

/// Run untrusted MicroPython in a WebAssembly sandbox with hard limits.
#[derive(Debug, Clone, Parser)]
#[command(
    name = "mpwasm",
    about,
    disable_version_flag = true,
    after_help = AFTER_HELP
)]
pub struct Args {
    /// Program passed in as a string.
    #[arg(short = 'c', value_name = "CODE", conflicts_with = "file")]
    pub command: Option<String>,

    /// Program file to run (`-` reads the program from stdin).
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,

    /// Memory limit of the guest (linear memory, incl. the GC heap).
    #[arg(long, value_name = "BYTES", value_parser = parse_size, default_value = "16M")]
    pub memory: u64,

    /// Fuel budget per run (≈ Wasm instructions); `none` = unmetered.
    #[arg(long, value_name = "N", value_parser = parse_fuel, default_value = "10000000000")]
    // Spelled out so clap keeps the `Option` as the value type (`none`)
    // instead of making the flag optional.
    pub fuel: std::option::Option<u64>,

    /// Wall-clock limit per run in seconds; `0` or `none` disables it.
    #[arg(long, value_name = "SECONDS", value_parser = parse_timeout, default_value = "1")]
    pub timeout: std::option::Option<Duration>,

    /// How long the guest may still run after a limit or Ctrl-C stopped it
    /// (its finally blocks) before it is stopped hard; `0` stops it at once
    /// (for fuel too).
    #[arg(long, value_name = "SECONDS", value_parser = parse_grace, default_value = "0.1")]
    pub grace: Duration,

    /// Cap on captured stdout, and on captured stderr, per run.
    #[arg(long = "max-output", value_name = "BYTES", value_parser = parse_size_usize, default_value = "1M")]
    pub max_output: usize,

    /// Host directory mounted read-only at /input in the guest.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// Guest artifact (default: $MPWASM_ARTIFACT, else the guest bundled
    /// into this binary).
    #[arg(long, value_name = "PATH")]
    pub artifact: Option<PathBuf>,

    /// Print one JSON object with the outcome instead of the raw output
    /// (one object per statement when reading a session from stdin).
    #[arg(long)]
    pub json: bool,

    /// Print the version of mpwasm and of the MicroPython artifact.
    #[arg(short = 'V', long)]
    pub version: bool,
}

/// Where the program comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Program {
    /// `-c CODE`.
    Code(String),
    /// A file path.
    File(PathBuf),
    /// `-`: the whole of stdin.
    Stdin,
    /// No program: REPL or line-by-line session.
    Interactive,
}

impl Args {
    /// The program source selected by the arguments.
    pub fn program(&self) -> Program {
        match (&self.command, &self.file) {
            (Some(code), _) => Program::Code(code.clone()),
            (None, Some(path)) if path.as_os_str() == "-" => Program::Stdin,
            (None, Some(path)) => Program::File(path.clone()),
            (None, None) => Program::Interactive,
        }
    }

    /// The limits of every run.
    pub fn limits(&self) -> Limits {
        let mut limits = Limits::new();
        limits
            .memory_bytes(self.memory)
            .fuel(self.fuel)
            .wall_timeout(self.timeout)
            .grace(self.grace)
            .max_output_bytes(self.max_output);
        if self.grace.is_zero() {
            // No grace at all: running out of fuel is a trap too.
            limits.fuel_grace(0);
        }
        limits
    }

    /// The guest file to load; `None` for the bundled guest.
    pub fn artifact_path(&self) -> Option<PathBuf> {
        self.artifact
            .clone()
            .or_else(mpwasm_core::default_wasm_path)
    }
}
