//! Run untrusted MicroPython code in a WebAssembly sandbox with hard limits.
//!
//! `mpwasm-core` owns the wasmtime engine, the compiled (and pre-initialised)
//! MicroPython guest, and the limits of every run: memory, fuel, wall clock,
//! stack and output size. A one-shot [`run`] starts a fresh sandbox from a
//! copy-on-write snapshot of the booted VM, executes the code and says exactly
//! what happened: stdout and stderr (kept even on failure), the uncaught
//! exception with its traceback, or which limit tripped.
//!
//! ```
//! use mpwasm_core::{Error, RunOptions, Runtime};
//!
//! let runtime = Runtime::new()?; // the bundled guest, compiled once, cached on disk
//! let result = runtime.run("print(sum(range(10)))")?;
//! assert_eq!(result.stdout_str(), "45\n");
//!
//! // An uncaught exception keeps the output printed before it.
//! match runtime.run("print('before')\n1/0") {
//!     Err(Error::GuestException(e)) => {
//!         assert_eq!(e.type_name, "ZeroDivisionError");
//!         assert_eq!(e.result.stdout_str(), "before\n");
//!     }
//!     other => panic!("unexpected: {other:?}"),
//! }
//!
//! // Limits stop the run with an exception the guest cannot swallow by
//! // accident (`LimitExceeded`, a `BaseException`); the error says which.
//! let mut tight = RunOptions::new();
//! tight.limits_mut().fuel(Some(1_000_000));
//! let e = runtime.run_with("while True: pass", &tight).unwrap_err();
//! assert!(matches!(e, Error::Interrupted { interrupt: mpwasm_core::Interrupt::Fuel, .. }));
//! # Ok::<(), mpwasm_core::Error>(())
//! ```
//!
//! # Fuel
//! One unit of fuel is roughly one WebAssembly instruction. Measured on this
//! project's guest (`cargo bench -p mpwasm-core --bench run`): an iteration
//! of `while i < n: i += 1` costs about 1,460 units, of `for i in range(n):
//! s += i` about 3,150, and a host-function round trip about 4,000. About
//! 10^10 units run per second on a current x86-64 core, so
//! [`Limits::DEFAULT_FUEL`] (10^10) is about one second of such code.

mod cancel;
mod error;
mod limits;
mod output;
mod runtime;
mod scratch;
mod snapshot;
mod vm;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

pub use cancel::{CancelHandle, Interrupt};
pub use error::{
    ArtifactError, ConfigError, Error, GuestException, LimitsError, MemoryImageError, TrapKind,
};
pub use limits::Limits;
pub use mpwasm_abi::ExecMode;
/// The host-function bridge ([`mpwasm_host`]): one import path for
/// everything a user registers or configures.
pub use mpwasm_host as host;
pub use mpwasm_host::{
    AsyncHostFn, BridgeConfig, HostError, HostFailure, HostFn, HostFnWithContext, HostFunctions,
    HostFuture, RegisterError,
};
pub use output::{
    OutputBuffering, OutputCallback, OutputCallbackError, OutputCallbackResult, Stream,
};
pub use runtime::{
    ARTIFACT_ENV, BundledGuest, CACHE_DIR_ENV, Runtime, RuntimeBuilder, bundled_guest,
    default_wasm_path,
};
pub use scratch::{Quota, WritableQuota};
pub use vm::{HeapInfo, Vm};

/// Options of a run: limits, the read-only directory, host functions.
///
/// Setters take `&mut self` and return `&mut Self`; nothing is checked until
/// the options are used ([`Runtime::run_with`], [`Vm::new`]).
///
/// ```
/// use mpwasm_core::{Limits, RunOptions};
///
/// let mut limits = Limits::new();
/// limits.memory_bytes(8 << 20);
/// let mut options = RunOptions::new();
/// options.limits(limits).readonly_dir(std::env::temp_dir());
/// assert_eq!(options.get_limits().get_memory_bytes(), 8 << 20);
/// ```
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    limits: Limits,
    readonly_dir: Option<PathBuf>,
    host_functions: HostFunctions,
    bridge_config: BridgeConfig,
    exec_mode: ExecMode,
    stderr_to_stdout: bool,
    interrupt_check: Option<InterruptCheck>,
    cancel_handle: Option<CancelHandle>,
    on_output: Option<OutputCallback>,
    output_buffering: OutputBuffering,
    writable_dir: Option<PathBuf>,
    writable_quota: WritableQuota,
}

/// A check a run calls about once per epoch tick (see
/// [`RunOptions::interrupt_check`]).
#[derive(Clone)]
pub struct InterruptCheck(pub(crate) std::sync::Arc<dyn Fn() -> bool + Send + Sync>);

impl std::fmt::Debug for InterruptCheck {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("InterruptCheck")
    }
}

impl RunOptions {
    /// Default limits, no directory, no host functions.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Use these limits.
    pub fn limits(&mut self, limits: Limits) -> &mut Self {
        self.limits = limits;
        self
    }

    /// The limits, to change some of them in place.
    ///
    /// ```
    /// let mut options = mpwasm_core::RunOptions::new();
    /// options.limits_mut().fuel(None);
    /// assert_eq!(options.get_limits().get_fuel(), None);
    /// ```
    pub fn limits_mut(&mut self) -> &mut Limits {
        &mut self.limits
    }

    /// Mount this host directory read-only at `/input` in the guest.
    pub fn readonly_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.readonly_dir = Some(dir.into());
        self
    }

    /// Mount this host directory read-write at `/output` in the guest (off
    /// by default), under the quotas of [`RunOptions::writable_quota`]. The
    /// guest can create, write, read, rename and delete files and folders
    /// there, nothing else: `..` and absolute paths leading out, symlinks
    /// pointing out, and creating links are refused. Over a quota the guest
    /// gets an `OSError` (`ENOSPC`, `EDQUOT`, `EFBIG`); if that ends the run
    /// it is [`Error::QuotaExceeded`]. The files are the host's as soon as
    /// they are written.
    ///
    /// ```
    /// use mpwasm_core::{Error, Quota, RunOptions, Runtime};
    ///
    /// let dir = std::env::temp_dir().join(format!("mpwasm-doc-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let runtime = Runtime::new()?;
    /// let mut options = RunOptions::new();
    /// options.writable_dir(&dir);
    /// options.writable_quota_mut().max_file_bytes(100);
    /// runtime.run_with("with open('/output/report.csv', 'w') as f:\n    f.write('a,b\\n1,2\\n')", &options)?;
    /// assert_eq!(std::fs::read_to_string(dir.join("report.csv")).unwrap(), "a,b\n1,2\n");
    ///
    /// let e = runtime.run_with("open('/output/big', 'w').write('x' * 1000)", &options).unwrap_err();
    /// assert!(matches!(e, Error::QuotaExceeded { quota: Quota::FileBytes, .. }));
    /// # std::fs::remove_dir_all(&dir).unwrap();
    /// # Ok::<(), mpwasm_core::Error>(())
    /// ```
    pub fn writable_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.writable_dir = Some(dir.into());
        self
    }

    /// The quotas of the writable directory.
    pub fn writable_quota(&mut self, quota: WritableQuota) -> &mut Self {
        self.writable_quota = quota;
        self
    }

    /// The quotas of the writable directory, to change some in place.
    pub fn writable_quota_mut(&mut self) -> &mut WritableQuota {
        &mut self.writable_quota
    }

    /// The writable directory, if any.
    #[must_use]
    pub fn get_writable_dir(&self) -> Option<&Path> {
        self.writable_dir.as_deref()
    }

    /// The quotas of the writable directory.
    #[must_use]
    pub fn get_writable_quota(&self) -> WritableQuota {
        self.writable_quota
    }

    /// Make these host functions callable from the guest.
    pub fn host_functions(&mut self, functions: HostFunctions) -> &mut Self {
        self.host_functions = functions;
        self
    }

    /// Size limits of the host-function bridge.
    pub fn bridge_config(&mut self, config: BridgeConfig) -> &mut Self {
        self.bridge_config = config;
        self
    }

    /// How [`Runtime::run_with`] compiles the source (default: a module body).
    pub fn exec_mode(&mut self, mode: ExecMode) -> &mut Self {
        self.exec_mode = mode;
        self
    }

    /// Send the guest's stderr into the stdout capture, like `2>&1`: one
    /// stream in the order the guest wrote it (warnings and
    /// `sys.print_exception` between the lines they belong to), bounded by one
    /// `max_output_bytes`. [`RunResult::stderr`] is then empty. The traceback of
    /// an uncaught exception is not output: it stays in the error.
    ///
    /// ```
    /// use mpwasm_core::{RunOptions, Runtime};
    ///
    /// let runtime = Runtime::new()?;
    /// let code = "import sys\nprint('a')\nsys.stderr.write('b\\n')\nprint('c')";
    /// let merged = runtime.run_with(code, RunOptions::new().stderr_to_stdout(true))?;
    /// assert_eq!(merged.stdout_str(), "a\nb\nc\n");
    /// assert!(merged.stderr.is_empty());
    /// # Ok::<(), mpwasm_core::Error>(())
    /// ```
    pub fn stderr_to_stdout(&mut self, merge: bool) -> &mut Self {
        self.stderr_to_stdout = merge;
        self
    }

    /// Call `check` about once per epoch tick (2 ms by default) while guest
    /// code runs; when it returns `true` the run is cancelled as by
    /// [`CancelHandle::cancel`] (the guest gets `KeyboardInterrupt`). For
    /// embedders whose stop signal can only be polled on the thread of the
    /// run, e.g. Python's signal handlers.
    ///
    /// ```
    /// use std::time::Instant;
    /// use mpwasm_core::{Error, Interrupt, RunOptions, Runtime};
    ///
    /// let runtime = Runtime::new()?;
    /// let started = Instant::now();
    /// let mut options = RunOptions::new();
    /// options.limits_mut().fuel(None).wall_timeout(None);
    /// options.interrupt_check(move || started.elapsed().as_millis() > 50);
    /// let e = runtime.run_with("while True: pass", &options).unwrap_err();
    /// assert!(matches!(e, Error::Interrupted { interrupt: Interrupt::Cancel, .. }));
    /// # Ok::<(), mpwasm_core::Error>(())
    /// ```
    pub fn interrupt_check(
        &mut self,
        check: impl Fn() -> bool + Send + Sync + 'static,
    ) -> &mut Self {
        self.interrupt_check = Some(InterruptCheck(std::sync::Arc::new(check)));
        self
    }

    /// Runs with these options can be cancelled through `handle` (a VM made
    /// from them keeps it: [`Vm::cancel_handle`]). Without one each VM has
    /// its own.
    pub fn cancel_handle(&mut self, handle: CancelHandle) -> &mut Self {
        self.cancel_handle = Some(handle);
        self
    }

    /// Give the guest's stdout and stderr to `callback` as the guest writes
    /// them, in addition to capturing them in the [`RunResult`]: by default
    /// one call per complete line and one with the rest at the end of the
    /// run ([`RunOptions::output_buffering`]). The callback sees exactly the
    /// captured bytes, so [`Limits::max_output_bytes`] holds for it too. It
    /// runs on the run's thread while the guest waits; when it returns an
    /// error or panics (caught), it is not called again and the run stops
    /// as if cancelled, ending in [`Error::OutputCallback`] (not a trap: a
    /// session keeps its state).
    ///
    /// ```
    /// use std::sync::{Arc, Mutex};
    /// use mpwasm_core::{RunOptions, Runtime, Stream};
    ///
    /// let runtime = Runtime::new()?;
    /// let lines = Arc::new(Mutex::new(Vec::new()));
    /// let sink = lines.clone();
    /// let mut options = RunOptions::new();
    /// options.on_output(move |stream, chunk| {
    ///     sink.lock().unwrap().push((stream, String::from_utf8_lossy(chunk).into_owned()));
    ///     Ok(())
    /// });
    /// let result = runtime.run_with("import sys\nprint('a')\nsys.stderr.write('b\\n')\nprint('c', end='')", &options)?;
    /// assert_eq!(result.stdout_str(), "a\nc");
    /// assert_eq!(
    ///     *lines.lock().unwrap(),
    ///     [
    ///         (Stream::Stdout, "a\n".to_owned()),
    ///         (Stream::Stderr, "b\n".to_owned()),
    ///         (Stream::Stdout, "c".to_owned()),
    ///     ]
    /// );
    /// # Ok::<(), mpwasm_core::Error>(())
    /// ```
    pub fn on_output(
        &mut self,
        callback: impl Fn(Stream, &[u8]) -> OutputCallbackResult + Send + Sync + 'static,
    ) -> &mut Self {
        self.on_output = Some(OutputCallback::new(callback));
        self
    }

    /// Set or remove the output callback (for a callback made once and
    /// shared, or `None`).
    pub fn set_output_callback(
        &mut self,
        callback: Option<OutputCallback>,
        buffering: OutputBuffering,
    ) -> &mut Self {
        self.on_output = callback;
        self.output_buffering = buffering;
        self
    }

    /// Remove the output callback.
    pub fn clear_on_output(&mut self) -> &mut Self {
        self.on_output = None;
        self
    }

    /// When the output callback is called (default: per line).
    pub fn output_buffering(&mut self, buffering: OutputBuffering) -> &mut Self {
        self.output_buffering = buffering;
        self
    }

    /// The output callback, if one was given.
    #[must_use]
    pub fn get_on_output(&self) -> Option<&OutputCallback> {
        self.on_output.as_ref()
    }

    /// When the output callback is called.
    #[must_use]
    pub fn get_output_buffering(&self) -> OutputBuffering {
        self.output_buffering
    }

    /// The cancel handle, if one was given.
    #[must_use]
    pub fn get_cancel_handle(&self) -> Option<&CancelHandle> {
        self.cancel_handle.as_ref()
    }

    /// Whether stderr goes into the stdout capture.
    #[must_use]
    pub fn get_stderr_to_stdout(&self) -> bool {
        self.stderr_to_stdout
    }

    /// The limits.
    #[must_use]
    pub fn get_limits(&self) -> &Limits {
        &self.limits
    }

    /// The read-only directory, if any.
    #[must_use]
    pub fn get_readonly_dir(&self) -> Option<&Path> {
        self.readonly_dir.as_deref()
    }

    /// The host functions.
    #[must_use]
    pub fn get_host_functions(&self) -> &HostFunctions {
        &self.host_functions
    }

    /// The bridge configuration.
    #[must_use]
    pub fn get_bridge_config(&self) -> &BridgeConfig {
        &self.bridge_config
    }

    /// The exec mode.
    #[must_use]
    pub fn get_exec_mode(&self) -> ExecMode {
        self.exec_mode
    }
}

/// What a run produced. Output is kept byte for byte; use the `*_str`
/// accessors for text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RunResult {
    /// Bytes the guest wrote to stdout (up to the output limit).
    pub stdout: Vec<u8>,
    /// Bytes the guest wrote to stderr (up to the output limit).
    pub stderr: Vec<u8>,
    /// Whether stdout went over the limit and was cut.
    pub stdout_truncated: bool,
    /// Whether stderr went over the limit and was cut.
    pub stderr_truncated: bool,
    /// Fuel left (`None` when the run was unmetered).
    pub fuel_remaining: Option<u64>,
    /// Fuel used by the run.
    pub fuel_consumed: u64,
    /// Wall-clock time of the run.
    pub duration: Duration,
    /// Internal failures of host functions (panics, internal errors), with the
    /// details the guest was not shown.
    pub host_failures: Vec<HostFailure>,
}

impl RunResult {
    /// stdout as text (invalid UTF-8 replaced).
    #[must_use]
    pub fn stdout_str(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.stdout)
    }

    /// stderr as text (invalid UTF-8 replaced).
    #[must_use]
    pub fn stderr_str(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.stderr)
    }
}

static DEFAULT_RUNTIME: OnceLock<Runtime> = OnceLock::new();

/// Run `code` in a fresh sandbox of the default runtime with default limits.
///
/// The runtime is built on first use and shared by later calls.
///
/// # Errors
///
/// Building the default runtime ([`Runtime::new`]) or the run itself
/// ([`Runtime::run`]).
///
/// ```
/// let result = mpwasm_core::run("print('hello')")?;
/// assert_eq!(result.stdout_str(), "hello\n");
/// # Ok::<(), mpwasm_core::Error>(())
/// ```
pub fn run(code: &str) -> Result<RunResult, Error> {
    let runtime = match DEFAULT_RUNTIME.get() {
        Some(r) => r,
        None => {
            let built = Runtime::new()?;
            DEFAULT_RUNTIME.get_or_init(|| built)
        }
    };
    runtime.run(code)
}

/// Run `code` with the guest at `wasm_path` (runtimes are kept per path).
///
/// # Errors
///
/// Loading the artifact ([`Runtime::from_file`]) or the run itself.
///
/// ```
/// // A guest file: here the bundled guest, written out.
/// let path = std::env::temp_dir().join("mpwasm-doc-guest.wasm");
/// std::fs::write(&path, mpwasm_core::bundled_guest().unwrap().wasm).unwrap();
/// let result = mpwasm_core::run_micropython_wasi("print(2 ** 10)", &path)?;
/// assert_eq!(result.stdout_str(), "1024\n");
/// # Ok::<(), mpwasm_core::Error>(())
/// ```
pub fn run_micropython_wasi(code: &str, wasm_path: impl AsRef<Path>) -> Result<RunResult, Error> {
    static BY_PATH: OnceLock<Mutex<HashMap<PathBuf, Runtime>>> = OnceLock::new();
    let path = wasm_path.as_ref().to_path_buf();
    let map = BY_PATH.get_or_init(Default::default);
    let cached = map
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(&path)
        .cloned();
    let runtime = match cached {
        Some(r) => r,
        None => {
            let r = Runtime::from_file(&path)?;
            map.lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(path, r.clone());
            r
        }
    };
    runtime.run(code)
}

/// This crate's README examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct CrateReadmeDoctests;
