//! Typed errors: what went wrong, with everything the guest printed before,
//! and the underlying cause as the [`std::error::Error::source`] chain.

use std::path::PathBuf;
use std::time::Duration;

use crate::{Interrupt, OutputCallbackError, Quota, RunResult};

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

/// A [`crate::Limits`] value that cannot be used.
///
/// ```
/// use mpwasm_core::{Limits, LimitsError};
///
/// let mut limits = Limits::new();
/// limits.memory_bytes(1024);
/// assert!(matches!(
///     limits.validate(),
///     Err(LimitsError::OutOfRange { setting: "memory_bytes", value: 1024, .. })
/// ));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LimitsError {
    /// A setting is outside the range the sandbox supports.
    #[error("invalid limits: {setting} must be between {min} and {max}, got {value}")]
    OutOfRange {
        /// The setting's name, as the [`crate::Limits`] setter.
        setting: &'static str,
        /// What was asked for.
        value: u64,
        /// The smallest accepted value.
        min: u64,
        /// The largest accepted value.
        max: u64,
    },
    /// A budget of zero: use `None` to switch the limit off instead.
    #[error("invalid limits: {setting} must be positive (use None for no limit)")]
    Zero {
        /// The setting's name.
        setting: &'static str,
    },
    /// The wall-clock budget is longer than a year.
    #[error("invalid limits: wall_timeout must be at most a year, got {0:?}")]
    WallTimeoutTooLong(Duration),
    /// The value is valid, but more than the [`crate::Runtime`] was built for.
    #[error(
        "invalid limits: {setting} {value} exceeds the runtime's {max} (RuntimeBuilder::{setting})"
    )]
    ExceedsRuntime {
        /// The setting's name (the same on [`crate::RuntimeBuilder`]).
        setting: &'static str,
        /// What was asked for.
        value: u64,
        /// The runtime's maximum.
        max: u64,
    },
    /// The memory limit is below what the booted guest already occupies.
    #[error(
        "invalid limits: memory_bytes {value} is below the {needed} bytes the booted guest needs"
    )]
    BelowGuestMinimum {
        /// What was asked for.
        value: u64,
        /// The guest's initial memory.
        needed: u64,
    },
}

/// A [`crate::RuntimeBuilder`] setting that cannot be used.
///
/// ```
/// use mpwasm_core::{ConfigError, Error, Runtime};
///
/// let err = Runtime::builder().max_instances(0).build().unwrap_err();
/// assert!(matches!(err, Error::InvalidConfig(ConfigError::OutOfRange { setting: "max_instances", .. })));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// A setting is outside its range.
    #[error(
        "invalid runtime configuration: {setting} must be between {min} and {max}, got {value}"
    )]
    OutOfRange {
        /// The setting's name, as the builder's setter.
        setting: &'static str,
        /// What was asked for.
        value: u64,
        /// The smallest accepted value.
        min: u64,
        /// The largest accepted value.
        max: u64,
    },
    /// The epoch tick is zero or longer than a second.
    #[error("invalid runtime configuration: epoch_tick must be between 1 ns and 1 s, got {0:?}")]
    EpochTick(Duration),
}

/// Why an artifact is not a usable mpwasm guest.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ArtifactError {
    /// The file exists but cannot be read.
    #[error("cannot read the MicroPython artifact {}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// What the OS said.
        #[source]
        source: std::io::Error,
    },
    /// The bytes do not start with the WebAssembly magic number.
    #[error("the MicroPython artifact is not a WebAssembly module (bad magic)")]
    BadMagic,
    /// wasmtime cannot compile the module.
    #[error("compiling the MicroPython artifact failed")]
    Compile(#[source] wasmtime::Error),
    /// Booting the guest for the snapshot failed (its init trapped).
    #[error("pre-initialising (snapshotting) the MicroPython artifact failed")]
    Snapshot(#[source] wasmtime::Error),
    /// The module imports something the host does not provide.
    #[error("the MicroPython artifact's imports cannot be satisfied")]
    Imports(#[source] wasmtime::Error),
    /// A required export is missing.
    #[error("the MicroPython artifact does not export `{0}`")]
    MissingExport(&'static str),
    /// An export has the wrong kind or signature.
    #[error("the MicroPython artifact's `{name}` export has the wrong type")]
    ExportType {
        /// The export.
        name: &'static str,
        /// What wasmtime said.
        #[source]
        source: Option<wasmtime::Error>,
    },
    /// Booting an unsnapshotted guest trapped.
    #[error("booting the MicroPython artifact trapped")]
    BootTrapped(#[source] wasmtime::Error),
    /// The guest's boot reported a failure status.
    #[error("the MicroPython artifact could not boot (status {0})")]
    BootFailed(i32),
    /// A run found the VM not booted.
    #[error("the MicroPython VM is not initialised")]
    NotReady,
    /// `mpw_exec` returned a status the ABI does not define.
    #[error("the MicroPython artifact returned the unknown status {0}")]
    UnknownStatus(i32),
}

/// Why a memory image cannot replace an instance's memory.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MemoryImageError {
    /// The image's size is not a whole number of Wasm pages.
    #[error("a memory image of {bytes} bytes is not a whole number of pages")]
    NotWholePages {
        /// The image's size.
        bytes: u64,
    },
    /// The image is smaller than the memory of a freshly booted guest.
    #[error("a memory image of {bytes} bytes is smaller than a fresh guest's {fresh_bytes} bytes")]
    SmallerThanFresh {
        /// The image's size.
        bytes: u64,
        /// The fresh instance's memory size.
        fresh_bytes: u64,
    },
    /// The image does not fit the instance's memory limit.
    #[error(
        "a memory image of {bytes} bytes does not fit the memory limit of {memory_bytes} bytes"
    )]
    ExceedsLimit {
        /// The image's size.
        bytes: u64,
        /// The instance's memory limit.
        memory_bytes: u64,
    },
}

/// What kind of trap ended a run: the variants of [`Error`] for which
/// [`Error::is_trap`] holds. A trap can leave the VM inconsistent, so
/// sessions are poisoned by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TrapKind {
    /// [`Error::OutOfFuel`].
    OutOfFuel,
    /// [`Error::Timeout`].
    Timeout,
    /// [`Error::StackOverflow`].
    StackOverflow,
    /// [`Error::Cancelled`].
    Cancelled,
    /// [`Error::Trap`].
    Trap,
}

impl TrapKind {
    /// The same short name as [`Error::kind`].
    ///
    /// ```
    /// assert_eq!(mpwasm_core::TrapKind::OutOfFuel.name(), "out_of_fuel");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            TrapKind::OutOfFuel => "out_of_fuel",
            TrapKind::Timeout => "timeout",
            TrapKind::StackOverflow => "stack_overflow",
            TrapKind::Cancelled => "cancelled",
            TrapKind::Trap => "trap",
        }
    }
}

impl std::fmt::Display for TrapKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Everything that can go wrong, each variant carrying what a caller needs
/// and, where there is one, the underlying cause as its `source()`.
///
/// The message of a variant does not repeat its cause (walk `source()` for
/// it), except [`Error::Trap`], whose message names the trap and whose
/// source keeps wasmtime's full report with the Wasm backtrace. Variants
/// wrapping one of this crate's typed errors display that error itself.
///
/// Run failures keep the [`RunResult`] of the run up to that point: output is
/// never lost.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The artifact file does not exist.
    #[error("MicroPython artifact not found at {}: build it with `cargo xtask build-artifact` or set MPWASM_ARTIFACT", path.display())]
    ArtifactNotFound {
        /// Where it was looked for.
        path: PathBuf,
    },
    /// No guest to run: this build of `mpwasm-core` bundles none (feature
    /// `bundled-guest` off) and none was given.
    #[error(
        "no MicroPython guest: this build bundles none (feature `bundled-guest`); give one with RuntimeBuilder::artifact_path or MPWASM_ARTIFACT"
    )]
    NoGuest,
    /// The artifact is not a usable mpwasm guest.
    #[error(transparent)]
    InvalidArtifact(ArtifactError),
    /// A [`crate::Limits`] value is out of range.
    #[error(transparent)]
    InvalidLimits(#[from] LimitsError),
    /// A [`crate::RuntimeBuilder`] setting is out of range.
    #[error(transparent)]
    InvalidConfig(#[from] ConfigError),
    /// The read-only directory cannot be mounted.
    #[error("cannot mount {} read-only at /input", path.display())]
    ReadonlyDir {
        /// The host directory.
        path: PathBuf,
        /// Why it failed.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The writable directory cannot be mounted.
    #[error("cannot mount {} read-write at /output", path.display())]
    WritableDir {
        /// The host directory.
        path: PathBuf,
        /// Why it failed.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The guest went over a quota of the writable directory
    /// ([`crate::WritableQuota`]) and the `OSError` it got for it ended the
    /// run. Not a trap.
    #[error("{quota} was reached: {}", .exception.traceback.trim_end())]
    QuotaExceeded {
        /// Which quota.
        quota: Quota,
        /// The exception that ended the run, with the run's result.
        exception: Box<GuestException>,
    },
    /// A saved memory image does not fit this instance ([`crate::Vm::restore_linear_memory`]).
    #[error(transparent)]
    MemoryImage(#[from] MemoryImageError),
    /// The source (with its file name) exceeds what the guest can take.
    #[error("invalid source: {bytes} bytes is too large (at most {max})")]
    SourceTooLarge {
        /// File name plus source, in bytes.
        bytes: usize,
        /// The largest accepted size.
        max: usize,
    },
    /// An uncaught Python exception (including `SyntaxError`).
    #[error("{}", .0.traceback.trim_end())]
    GuestException(Box<GuestException>),
    /// A limit ran out or the run was cancelled, and the guest stopped at a
    /// safe point: it got `LimitExceeded` (wall clock, fuel) or
    /// `KeyboardInterrupt` (cancel), both `BaseException`s, so its `finally`
    /// blocks ran. Not a trap: the VM (a session's state) is intact.
    #[error("{interrupt}: the run was stopped and the VM kept")]
    Interrupted {
        /// What stopped the run.
        interrupt: Interrupt,
        /// The traceback of the exception that ended the run (usually the
        /// one raised for the interrupt); empty when the guest caught it and
        /// returned.
        traceback: String,
        /// The run so far.
        result: Box<RunResult>,
    },
    /// The output callback ([`crate::RunOptions::on_output`]) returned an
    /// error or panicked: it was not called again and the run was stopped as
    /// by a cancel (the guest got `KeyboardInterrupt`). Not a trap: the VM
    /// is intact. A guest that then failed to stop within the grace period
    /// is [`Error::Cancelled`] instead.
    #[error("the run was stopped because its output callback failed")]
    OutputCallback {
        /// What the callback did.
        #[source]
        source: OutputCallbackError,
        /// The run so far (all of its captured output).
        result: Box<RunResult>,
    },
    /// The fuel budget ran out, and the grace fuel after it
    /// ([`crate::Limits::fuel_grace`]): a trap.
    #[error("out of fuel after {} units", .0.fuel_consumed)]
    OutOfFuel(Box<RunResult>),
    /// The wall-clock budget ran out and the guest was still running after
    /// the grace period ([`crate::Limits::grace`]): a trap.
    #[error("wall-clock timeout after {:?}", .0.duration)]
    Timeout(Box<RunResult>),
    /// The run was cancelled and the guest was still running after the grace
    /// period: a trap.
    #[error("cancelled; the guest did not stop within the grace period")]
    Cancelled(Box<RunResult>),
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
    /// recursion check (Python recursion raises an exception instead).
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
    /// Any other Wasm trap (a bug in the guest or the host functions), or a
    /// host import that failed.
    #[error("guest trapped: {}", trap_text(*.trap, .source))]
    Trap {
        /// wasmtime's trap code, when the guest trapped (not a host import).
        trap: Option<wasmtime::Trap>,
        /// The error wasmtime reported, with the Wasm backtrace.
        #[source]
        source: wasmtime::Error,
        /// The run so far.
        result: Box<RunResult>,
    },
    /// Setting up the engine, compiling, instantiating or calling the guest
    /// outside a run failed.
    #[error("wasm engine error: {context}")]
    Engine {
        /// What the host was doing.
        context: &'static str,
        /// What wasmtime said.
        #[source]
        source: wasmtime::Error,
    },
    /// A synchronous method on an instance started for async runs
    /// (`asynchronous`: [`crate::Vm::new_async`], use the `*_async`
    /// methods), or an async run on a synchronous one ([`crate::Vm::new`]).
    #[error("{}", if *asynchronous {
        "this VM was started for async runs: use run_async"
    } else {
        "this VM is synchronous: start it with new_async for async runs"
    })]
    AsyncMode {
        /// Whether the instance is the async kind.
        asynchronous: bool,
    },
}

fn trap_text(trap: Option<wasmtime::Trap>, source: &wasmtime::Error) -> String {
    match trap {
        Some(t) => t.to_string(),
        None => source.root_cause().to_string(),
    }
}

impl Error {
    /// The run's result (output so far) if this error ended a run.
    #[must_use]
    pub fn run_result(&self) -> Option<&RunResult> {
        match self {
            Error::GuestException(e) | Error::QuotaExceeded { exception: e, .. } => Some(&e.result),
            Error::OutOfFuel(r)
            | Error::Timeout(r)
            | Error::Cancelled(r)
            | Error::StackOverflow(r) => Some(r),
            Error::MemoryLimit { result, .. }
            | Error::Interrupted { result, .. }
            | Error::OutputCallback { result, .. }
            | Error::Exit { result, .. }
            | Error::Trap { result, .. } => Some(result),
            _ => None,
        }
    }

    /// A short, stable name of the variant (`"guest_exception"`, `"out_of_fuel"`, ...),
    /// handy for logs and JSON.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        if let Some(trap) = self.trap_kind() {
            return trap.name();
        }
        match self {
            Error::ArtifactNotFound { .. } | Error::NoGuest => "artifact_not_found",
            Error::InvalidArtifact(_) => "invalid_artifact",
            Error::InvalidLimits(_) => "invalid_limits",
            Error::InvalidConfig(_) => "invalid_config",
            Error::ReadonlyDir { .. } => "readonly_dir",
            Error::WritableDir { .. } => "writable_dir",
            Error::QuotaExceeded { .. } => "quota_exceeded",
            Error::SourceTooLarge { .. } => "source_too_large",
            Error::MemoryImage(_) => "memory_image",
            Error::GuestException(_) => "guest_exception",
            Error::MemoryLimit { .. } => "memory_limit",
            Error::Interrupted { .. } => "interrupted",
            Error::OutputCallback { .. } => "output_callback",
            Error::Exit { .. } => "exit",
            Error::Engine { .. } => "engine",
            Error::AsyncMode { .. } => "async_mode",
            Error::OutOfFuel(_)
            | Error::Timeout(_)
            | Error::Cancelled(_)
            | Error::StackOverflow(_)
            | Error::Trap { .. } => "trap",
        }
    }

    /// What stopped the run early, soft ([`Error::Interrupted`]) or hard
    /// ([`Error::Timeout`], [`Error::OutOfFuel`], [`Error::Cancelled`]); use
    /// [`Error::is_trap`] to tell whether the VM survived.
    ///
    /// ```
    /// use mpwasm_core::{Interrupt, RunOptions, Runtime};
    ///
    /// let runtime = Runtime::new()?;
    /// let mut options = RunOptions::new();
    /// options.limits_mut().fuel(Some(5_000_000));
    /// let e = runtime.run_with("while True: pass", &options).unwrap_err();
    /// assert_eq!(e.interrupt(), Some(Interrupt::Fuel));
    /// assert!(!e.is_trap());
    /// # Ok::<(), mpwasm_core::Error>(())
    /// ```
    #[must_use]
    pub fn interrupt(&self) -> Option<Interrupt> {
        match self {
            Error::Interrupted { interrupt, .. } => Some(*interrupt),
            Error::OutOfFuel(_) => Some(Interrupt::Fuel),
            Error::Timeout(_) => Some(Interrupt::WallClock),
            Error::Cancelled(_) => Some(Interrupt::Cancel),
            _ => None,
        }
    }

    /// The kind of trap, if a trap ended the run.
    #[must_use]
    pub fn trap_kind(&self) -> Option<TrapKind> {
        match self {
            Error::OutOfFuel(_) => Some(TrapKind::OutOfFuel),
            Error::Timeout(_) => Some(TrapKind::Timeout),
            Error::StackOverflow(_) => Some(TrapKind::StackOverflow),
            Error::Cancelled(_) => Some(TrapKind::Cancelled),
            Error::Trap { .. } => Some(TrapKind::Trap),
            _ => None,
        }
    }

    /// Whether the guest instance may be left in an inconsistent state (a
    /// trap interrupted it). Python exceptions and `sys.exit` are clean.
    #[must_use]
    pub fn is_trap(&self) -> bool {
        self.trap_kind().is_some()
    }

    pub(crate) fn engine(context: &'static str) -> impl FnOnce(wasmtime::Error) -> Self {
        move |source| Error::Engine { context, source }
    }
}

impl From<ArtifactError> for Error {
    fn from(e: ArtifactError) -> Self {
        Error::InvalidArtifact(e)
    }
}
