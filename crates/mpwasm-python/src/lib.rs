//! `mpwasm._native`: the PyO3 layer of the `mpwasm` Python package.
//!
//! Thin on purpose: the public API (defaults, argument checks, `RunResult`,
//! the exception classes) is the pure-Python package in `python/mpwasm/`;
//! this module runs the guest with the GIL released, calls Python host
//! functions with the GIL taken only for the call, and hands failures to the
//! package's error factory as a dict of facts.

mod convert;
mod errors;
mod interrupt;
mod options;
mod output;

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyTuple};

use mpwasm_core::{CancelHandle, ExecMode, RunResult};
use mpwasm_session::{ReplaySession, Session, SessionImage};

use crate::errors::{Context, Failure, session_error};
use crate::interrupt::Interrupt;
use crate::options::{Settings, Writable};
use crate::output::Kept;

/// What a successful run gives Python: `(stdout, stderr, fuel_remaining,
/// fuel_used, duration_seconds, stdout_truncated, stderr_truncated)`.
fn result_tuple<'py>(py: Python<'py>, r: &RunResult) -> PyResult<Bound<'py, PyTuple>> {
    (
        r.stdout_str(),
        r.stderr_str(),
        r.fuel_remaining,
        r.fuel_consumed,
        r.duration.as_secs_f64(),
        r.stdout_truncated,
        r.stderr_truncated,
    )
        .into_pyobject(py)
}

/// Run `code` in a fresh sandbox (the reference's `run_micropython_wasi`).
#[pyfunction]
#[pyo3(signature = (code, wasm_path, memory_bytes, fuel, wall_timeout_seconds, readonly_dir, host_functions, host_result_bytes, max_output_bytes, on_output = None, unbuffered = false, writable = None, cancel = None))]
#[allow(clippy::too_many_arguments)]
fn run<'py>(
    py: Python<'py>,
    code: &str,
    wasm_path: Option<PathBuf>,
    memory_bytes: u64,
    fuel: Option<u64>,
    wall_timeout_seconds: Option<f64>,
    readonly_dir: Option<PathBuf>,
    host_functions: Option<Bound<'py, PyDict>>,
    host_result_bytes: usize,
    max_output_bytes: usize,
    on_output: Option<Py<PyAny>>,
    unbuffered: bool,
    writable: Option<Writable>,
    cancel: Option<PyRef<'py, CancelToken>>,
) -> PyResult<Bound<'py, PyTuple>> {
    let settings = Settings {
        wasm_path,
        memory_bytes,
        fuel,
        wall_timeout_seconds,
        readonly_dir,
        host_result_bytes,
        max_output_bytes,
        writable,
    };
    let interrupt = Arc::new(Interrupt::new());
    let runtime = settings
        .runtime()
        .map_err(|e| errors::raise(py, &e.into()))?;
    let mut options = settings
        .options(&interrupt)
        .map_err(|e| errors::raise(py, &e))?;
    if let Some(functions) = host_functions {
        options.host_functions(convert::host_functions(&functions, &interrupt)?);
    }
    if let Some(token) = cancel {
        options.cancel_handle(token.0.clone());
    }
    let kept = Arc::new(Kept::default());
    if let Some(callable) = on_output {
        options.set_output_callback(
            Some(output::callback(callable, &kept, &interrupt)),
            output::buffering(unbuffered),
        );
    }
    let outcome = py.detach(|| runtime.run_with(code, &options));
    interrupt.take_pending()?;
    match outcome {
        Ok(r) => result_tuple(py, &r),
        Err(e) => Err(with_cause(py, errors::raise(py, &Failure::Core(e)), &kept)),
    }
}

/// A cancel handle for one-shot runs (`run(..., cancel=token)`), which
/// `arun` cancels when its task is.
#[pyclass(module = "mpwasm._native", name = "CancelToken", frozen)]
struct CancelToken(mpwasm_core::CancelHandle);

#[pymethods]
impl CancelToken {
    #[new]
    fn new() -> Self {
        CancelToken(mpwasm_core::CancelHandle::new())
    }

    /// Stop the runs in progress with this token; whether there was one.
    fn cancel(&self) -> bool {
        self.0.cancel()
    }
}

/// `err` with the exception an output callback raised as its `__cause__`.
fn with_cause(py: Python<'_>, err: PyErr, kept: &Kept) -> PyErr {
    if let Some(cause) = kept.take() {
        err.set_cause(py, Some(cause));
    }
    err
}

/// The sha256 and bytes of the guest built into this module.
#[pyfunction]
fn bundled_guest(py: Python<'_>) -> PyResult<(String, Bound<'_, PyBytes>)> {
    let guest = mpwasm_core::bundled_guest()
        .ok_or_else(|| PyTypeError::new_err("this build bundles no guest"))?;
    Ok((guest.sha256.to_owned(), PyBytes::new(py, guest.wasm)))
}

/// The error factory of the Python package: `factory(kind, facts) -> exception`.
#[pyfunction]
fn set_error_factory(factory: Py<PyAny>) {
    errors::set_factory(factory);
}

/// A session object's Rust side, locked for each call. `owner` is the
/// Python thread running it, so that a host function running code in its
/// own session gets an error instead of a deadlock.
struct Locked<T> {
    inner: Mutex<T>,
    owner: AtomicU64,
}

impl<T> Locked<T> {
    fn new(value: T) -> Self {
        Locked {
            inner: Mutex::new(value),
            owner: AtomicU64::new(0),
        }
    }

    /// Lock with the GIL released (another thread may be running it).
    fn lock<'a>(&'a self, py: Python<'_>) -> PyResult<Guard<'a, T>>
    where
        T: Send,
    {
        let me = interrupt::thread_ident();
        if self.owner.load(Ordering::Acquire) == me {
            return Err(errors::raise(py, &Failure::Reentrant));
        }
        // A guard cannot leave a GIL-free closure (it is not `Send`): wait
        // for the lock without the GIL, then take it with it.
        let guard = loop {
            match self.inner.try_lock() {
                Ok(guard) => break guard,
                Err(std::sync::TryLockError::Poisoned(e)) => break e.into_inner(),
                Err(std::sync::TryLockError::WouldBlock) => {
                    py.detach(|| drop(self.inner.lock()));
                }
            }
        };
        self.owner.store(me, Ordering::Release);
        Ok(Guard {
            guard,
            owner: &self.owner,
        })
    }
}

struct Guard<'a, T> {
    guard: MutexGuard<'a, T>,
    owner: &'a AtomicU64,
}

impl<T> Drop for Guard<'_, T> {
    fn drop(&mut self) {
        self.owner.store(0, Ordering::Release);
    }
}

impl<T> std::ops::Deref for Guard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.guard
    }
}

impl<T> std::ops::DerefMut for Guard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.guard
    }
}

/// The resident session (`mpwasm_session::Session`).
#[pyclass(module = "mpwasm._native", name = "Session", frozen)]
struct NativeSession {
    session: Locked<Session>,
    interrupt: Arc<Interrupt>,
    /// Outside the lock: another thread cancels while a run holds it.
    cancel: CancelHandle,
}

#[pymethods]
impl NativeSession {
    #[new]
    #[pyo3(signature = (wasm_path, memory_bytes, fuel, wall_timeout_seconds, readonly_dir, host_result_bytes, max_output_bytes, writable = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        wasm_path: Option<PathBuf>,
        memory_bytes: u64,
        fuel: Option<u64>,
        wall_timeout_seconds: Option<f64>,
        readonly_dir: Option<PathBuf>,
        host_result_bytes: usize,
        max_output_bytes: usize,
        writable: Option<Writable>,
    ) -> PyResult<Self> {
        let settings = Settings {
            wasm_path,
            memory_bytes,
            fuel,
            wall_timeout_seconds,
            readonly_dir,
            host_result_bytes,
            max_output_bytes,
            writable,
        };
        let interrupt = Arc::new(Interrupt::new());
        let runtime = settings
            .runtime()
            .map_err(|e| errors::raise(py, &e.into()))?;
        let options = settings
            .options(&interrupt)
            .map_err(|e| errors::raise(py, &e))?;
        let session = Session::with_options(&runtime, options);
        Ok(NativeSession {
            cancel: session.cancel_handle(),
            session: Locked::new(session),
            interrupt,
        })
    }

    /// A live session from `snapshot()` bytes.
    #[staticmethod]
    #[pyo3(signature = (data, wasm_path, memory_bytes, fuel, wall_timeout_seconds, readonly_dir, host_result_bytes, max_output_bytes, writable = None))]
    #[allow(clippy::too_many_arguments)]
    fn restore(
        py: Python<'_>,
        data: &[u8],
        wasm_path: Option<PathBuf>,
        memory_bytes: u64,
        fuel: Option<u64>,
        wall_timeout_seconds: Option<f64>,
        readonly_dir: Option<PathBuf>,
        host_result_bytes: usize,
        max_output_bytes: usize,
        writable: Option<Writable>,
    ) -> PyResult<Self> {
        let settings = Settings {
            wasm_path,
            memory_bytes,
            fuel,
            wall_timeout_seconds,
            readonly_dir,
            host_result_bytes,
            max_output_bytes,
            writable,
        };
        let interrupt = Arc::new(Interrupt::new());
        let runtime = settings
            .runtime()
            .map_err(|e| errors::raise(py, &e.into()))?;
        let options = settings
            .options(&interrupt)
            .map_err(|e| errors::raise(py, &e))?;
        let restored = py.detach(|| {
            let image = SessionImage::from_bytes(data)?;
            Session::restore_with_options(&runtime, &image, options)
        });
        match restored {
            Ok(session) => Ok(NativeSession {
                cancel: session.cancel_handle(),
                session: Locked::new(session),
                interrupt,
            }),
            Err(e) => Err(session_error(py, e, Context::Session)),
        }
    }

    /// Run a snippet; `interactive` compiles it as the console does
    /// (`<stdin>`, expression values printed).
    #[pyo3(signature = (code, interactive = false, on_output = None, unbuffered = false))]
    fn run<'py>(
        &self,
        py: Python<'py>,
        code: &str,
        interactive: bool,
        on_output: Option<Py<PyAny>>,
        unbuffered: bool,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let kept = Arc::new(Kept::default());
        let mut session = self.session.lock(py)?;
        let live: &mut Session = &mut session;
        let streaming = on_output.is_some();
        if let Some(callable) = on_output {
            live.set_output_callback(
                Some(output::callback(callable, &kept, &self.interrupt)),
                output::buffering(unbuffered),
            );
        }
        let outcome = py.detach(|| {
            if interactive {
                live.run_named("<stdin>", code, ExecMode::Single)
            } else {
                live.run(code)
            }
        });
        // The callable is this run's only: the session does not keep it.
        if streaming {
            live.set_output_callback(None, output::buffering(unbuffered));
        }
        drop(session);
        self.interrupt.take_pending()?;
        match outcome {
            Ok(r) => result_tuple(py, &r),
            Err(e) => Err(with_cause(
                py,
                session_error(py, e, Context::Session),
                &kept,
            )),
        }
    }

    /// Replace the host functions with the callables of `functions`
    /// (name -> callable); wrappers are defined in a live VM right away.
    fn set_host_functions(&self, py: Python<'_>, functions: Bound<'_, PyDict>) -> PyResult<()> {
        let table = convert::host_functions(&functions, &self.interrupt)?;
        let mut session = self.session.lock(py)?;
        let live: &mut Session = &mut session;
        let outcome = py.detach(|| live.set_host_functions(table));
        drop(session);
        self.interrupt.take_pending()?;
        outcome.map_err(|e| session_error(py, e, Context::Session))
    }

    fn snapshot<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let mut session = self.session.lock(py)?;
        let live: &mut Session = &mut session;
        let outcome = py.detach(|| live.snapshot().map(|image| image.to_bytes()));
        drop(session);
        match outcome {
            Ok(bytes) => Ok(PyBytes::new(py, &bytes)),
            Err(e) => Err(session_error(py, e, Context::Session)),
        }
    }

    fn reset(&self, py: Python<'_>) -> PyResult<()> {
        self.session.lock(py)?.reset();
        Ok(())
    }

    fn close(&self, py: Python<'_>) -> PyResult<()> {
        self.session.lock(py)?.close();
        Ok(())
    }

    fn is_closed(&self, py: Python<'_>) -> PyResult<bool> {
        Ok(self.session.lock(py)?.is_closed())
    }

    fn is_started(&self, py: Python<'_>) -> PyResult<bool> {
        Ok(self.session.lock(py)?.is_started())
    }

    /// Cancel the run in progress (any thread; neither the lock nor the
    /// GIL is needed); whether there was one.
    fn cancel(&self) -> bool {
        self.cancel.cancel()
    }

    /// The kind of trap that poisoned the session (`"out_of_fuel"`, ...).
    fn poisoned_by(&self, py: Python<'_>) -> PyResult<Option<&'static str>> {
        Ok(self.session.lock(py)?.poisoned_by().map(|t| t.name()))
    }
}

/// The replay session (`mpwasm_session::ReplaySession`).
#[pyclass(module = "mpwasm._native", name = "ReplaySession", frozen)]
struct NativeReplaySession {
    session: Locked<ReplaySession>,
    interrupt: Arc<Interrupt>,
    cancel: CancelHandle,
}

#[pymethods]
impl NativeReplaySession {
    #[new]
    #[pyo3(signature = (wasm_path, memory_bytes, fuel, wall_timeout_seconds, readonly_dir, host_result_bytes, max_output_bytes, writable = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        wasm_path: Option<PathBuf>,
        memory_bytes: u64,
        fuel: Option<u64>,
        wall_timeout_seconds: Option<f64>,
        readonly_dir: Option<PathBuf>,
        host_result_bytes: usize,
        max_output_bytes: usize,
        writable: Option<Writable>,
    ) -> PyResult<Self> {
        let settings = Settings {
            wasm_path,
            memory_bytes,
            fuel,
            wall_timeout_seconds,
            readonly_dir,
            host_result_bytes,
            max_output_bytes,
            writable,
        };
        let interrupt = Arc::new(Interrupt::new());
        let runtime = settings
            .runtime()
            .map_err(|e| errors::raise(py, &e.into()))?;
        let options = settings
            .options(&interrupt)
            .map_err(|e| errors::raise(py, &e))?;
        let session = ReplaySession::with_options(&runtime, options);
        Ok(NativeReplaySession {
            cancel: session.cancel_handle(),
            session: Locked::new(session),
            interrupt,
        })
    }

    #[pyo3(signature = (code, on_output = None, unbuffered = false))]
    fn run<'py>(
        &self,
        py: Python<'py>,
        code: &str,
        on_output: Option<Py<PyAny>>,
        unbuffered: bool,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let kept = Arc::new(Kept::default());
        let mut session = self.session.lock(py)?;
        let live: &mut ReplaySession = &mut session;
        let streaming = on_output.is_some();
        if let Some(callable) = on_output {
            live.set_output_callback(
                Some(output::callback(callable, &kept, &self.interrupt)),
                output::buffering(unbuffered),
            );
        }
        let outcome = py.detach(|| live.run(code));
        if streaming {
            live.set_output_callback(None, output::buffering(unbuffered));
        }
        drop(session);
        self.interrupt.take_pending()?;
        match outcome {
            Ok(r) => result_tuple(py, &r),
            Err(e) => Err(with_cause(py, session_error(py, e, Context::Replay), &kept)),
        }
    }

    fn set_host_functions(&self, py: Python<'_>, functions: Bound<'_, PyDict>) -> PyResult<()> {
        let table = convert::host_functions(&functions, &self.interrupt)?;
        self.session.lock(py)?.set_host_functions(table);
        Ok(())
    }

    fn cancel(&self) -> bool {
        self.cancel.cancel()
    }

    fn snippets(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        Ok(self.session.lock(py)?.snippets().to_vec())
    }

    fn close(&self, py: Python<'_>) -> PyResult<()> {
        self.session.lock(py)?.close();
        Ok(())
    }

    fn is_closed(&self, py: Python<'_>) -> PyResult<bool> {
        Ok(self.session.lock(py)?.is_closed())
    }
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    interrupt::record_main_thread(m.py())?;
    m.add_function(wrap_pyfunction!(run, m)?)?;
    m.add_function(wrap_pyfunction!(bundled_guest, m)?)?;
    m.add_function(wrap_pyfunction!(set_error_factory, m)?)?;
    m.add_class::<NativeSession>()?;
    m.add_class::<CancelToken>()?;
    m.add_class::<NativeReplaySession>()?;
    m.add(
        "MICROPYTHON_VERSION",
        mpwasm_core::bundled_guest().map(|g| g.micropython_version),
    )?;
    Ok(())
}
