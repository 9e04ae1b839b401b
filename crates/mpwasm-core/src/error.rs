//! Typed errors: what went wrong, with everything the guest printed before.

use std::path::PathBuf;

use crate::RunResult;

/// An uncaught Python exception, with the output produced before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuestException {
    /// The exception's class name, e.g. `ZeroDivisionError`.
    pub type_name: String,
    /// `str(exception)`.
    pub message: String,
    /// The traceback as MicroPython prints it (ends with `Type: message`).
    pub traceback: String,
    /// Everything else about the run (stdout, stderr, fuel, duration).
    pub result: RunResult,
}

/// Everything that can go wrong, each variant carrying what a caller needs.
///
/// Run failures keep the [`RunResult`] of the run up to that point: output is
/// never lost.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The artifact file does not exist (build it with `cargo xtask build-artifact`).
    #[error("MicroPython artifact not found at {}: build it with `cargo xtask build-artifact` or set MPWASM_ARTIFACT", path.display())]
    ArtifactNotFound {
        /// Where it was looked for.
        path: PathBuf,
    },
    /// The artifact is not a usable mpwasm guest.
    #[error("invalid MicroPython artifact: {0}")]
    InvalidArtifact(String),
    /// A [`crate::Limits`] or [`crate::RuntimeBuilder`] value is out of range.
    #[error("invalid limits: {0}")]
    InvalidLimits(String),
    /// The read-only directory cannot be mounted.
    #[error("cannot mount {} read-only at /input: {reason}", path.display())]
    ReadonlyDir {
        /// The host directory.
        path: PathBuf,
        /// Why it failed.
        reason: String,
    },
    /// The source code is not valid UTF-8 or too large for the guest.
    #[error("invalid source: {0}")]
    InvalidSource(String),
    /// An uncaught Python exception (including `SyntaxError`).
    #[error("{}", .0.traceback.trim_end())]
    GuestException(Box<GuestException>),
    /// The fuel budget ran out.
    #[error("out of fuel after {} units", .0.fuel_consumed)]
    OutOfFuel(Box<RunResult>),
    /// The wall-clock budget ran out.
    #[error("wall-clock timeout after {:?}", .0.duration)]
    Timeout(Box<RunResult>),
    /// The guest needed more memory than allowed (an uncaught `MemoryError`).
    #[error("memory limit reached: {message}")]
    MemoryLimit {
        /// MicroPython's message, e.g. `memory allocation failed, allocating 1000000000 bytes`.
        message: String,
        /// The traceback of the `MemoryError`.
        traceback: String,
        /// The run so far.
        result: Box<RunResult>,
    },
    /// The native Wasm stack overflowed: recursion in guest C code that has no
    /// recursion check (Python recursion raises `RuntimeError` instead).
    #[error("stack overflow")]
    StackOverflow(Box<RunResult>),
    /// The guest called `sys.exit(code)` with a non-zero code.
    #[error("guest exited with code {code}")]
    Exit {
        /// The exit code.
        code: i32,
        /// The run so far.
        result: Box<RunResult>,
    },
    /// Any other Wasm trap (a bug in the guest or the host functions).
    #[error("guest trapped: {message}")]
    Trap {
        /// The trap's description.
        message: String,
        /// The run so far.
        result: Box<RunResult>,
    },
    /// Setting up the engine, compiling or instantiating failed.
    #[error("wasm engine error: {0}")]
    Engine(String),
}

impl Error {
    /// The run's result (output so far) if this error ended a run.
    pub fn run_result(&self) -> Option<&RunResult> {
        match self {
            Error::GuestException(e) => Some(&e.result),
            Error::OutOfFuel(r) | Error::Timeout(r) | Error::StackOverflow(r) => Some(r),
            Error::MemoryLimit { result, .. }
            | Error::Exit { result, .. }
            | Error::Trap { result, .. } => Some(result),
            _ => None,
        }
    }

    /// A short, stable name of the variant (`"guest_exception"`, `"out_of_fuel"`, ...),
    /// handy for logs and JSON.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::ArtifactNotFound { .. } => "artifact_not_found",
            Error::InvalidArtifact(_) => "invalid_artifact",
            Error::InvalidLimits(_) => "invalid_limits",
            Error::ReadonlyDir { .. } => "readonly_dir",
            Error::InvalidSource(_) => "invalid_source",
            Error::GuestException(_) => "guest_exception",
            Error::OutOfFuel(_) => "out_of_fuel",
            Error::Timeout(_) => "timeout",
            Error::MemoryLimit { .. } => "memory_limit",
            Error::StackOverflow(_) => "stack_overflow",
            Error::Exit { .. } => "exit",
            Error::Trap { .. } => "trap",
            Error::Engine(_) => "engine",
        }
    }

    /// Whether the guest instance may be left in an inconsistent state (a
    /// trap interrupted it). Python exceptions and `sys.exit` are clean.
    pub fn is_trap(&self) -> bool {
        matches!(
            self,
            Error::OutOfFuel(_) | Error::Timeout(_) | Error::StackOverflow(_) | Error::Trap { .. }
        )
    }

    pub(crate) fn engine(e: impl std::fmt::Display) -> Self {
        Error::Engine(format!("{e:#}"))
    }
}
