//! Stopping a run from Python: Ctrl-C (`KeyboardInterrupt`) while the guest
//! runs with the GIL released, and `BaseException`s (not `Exception`s) raised
//! by host functions, which must end the run rather than become a guest
//! `RuntimeError`.
//!
//! The run happens on the calling thread. Python's C signal handler only sets
//! a flag; the Python-level handler runs when the main thread calls
//! `PyErr_CheckSignals`. So the core's interrupt check (called about every
//! epoch tick on the thread of the run) takes the GIL now and then on the
//! main thread and checks signals; a raised exception is kept here, the run
//! stops, and the entry point raises the kept exception instead of the
//! timeout the core reports.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use pyo3::prelude::*;

/// How often a run on the main thread takes the GIL to check for signals.
const SIGNAL_CHECK_INTERVAL: Duration = Duration::from_millis(10);

static MAIN_THREAD: OnceLock<u64> = OnceLock::new();

unsafe extern "C" {
    // Part of the stable ABI (abi3); pyo3::ffi does not declare it.
    fn PyThread_get_thread_ident() -> std::ffi::c_ulong;
}

/// Python's identifier of the current thread (`threading.get_ident()`).
// c_ulong is 32 bits on some targets.
#[allow(clippy::useless_conversion)]
pub(crate) fn thread_ident() -> u64 {
    // SAFETY: PyThread_get_thread_ident only reads the OS thread id; it
    // needs neither the GIL nor an initialised thread state.
    u64::from(unsafe { PyThread_get_thread_ident() })
}

/// Remember the main thread (where Python runs signal handlers).
pub(crate) fn record_main_thread(py: Python<'_>) -> PyResult<()> {
    let ident: u64 = py
        .import("threading")?
        .call_method0("main_thread")?
        .getattr("ident")?
        .extract()?;
    let _ = MAIN_THREAD.set(ident);
    Ok(())
}

/// The interrupt state of one entry point (a `run()` call or a session).
#[derive(Debug)]
pub(crate) struct Interrupt {
    stop: AtomicBool,
    pending: Mutex<Option<PyErr>>,
    last_check: Mutex<Option<Instant>>,
}

impl Interrupt {
    pub(crate) fn new() -> Self {
        Interrupt {
            stop: AtomicBool::new(false),
            pending: Mutex::new(None),
            last_check: Mutex::new(None),
        }
    }

    /// Keep `err` to raise after the run, and stop the run.
    pub(crate) fn keep(&self, err: PyErr) {
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        if pending.is_none() {
            *pending = Some(err);
        }
        self.stop.store(true, Ordering::Release);
    }

    /// The core's interrupt check.
    pub(crate) fn should_stop(&self) -> bool {
        if self.stop.load(Ordering::Acquire) {
            return true;
        }
        if MAIN_THREAD.get() != Some(&thread_ident()) {
            return false;
        }
        {
            let mut last = self.last_check.lock().unwrap_or_else(|e| e.into_inner());
            let now = Instant::now();
            match *last {
                Some(at) if now.duration_since(at) < SIGNAL_CHECK_INTERVAL => return false,
                _ => *last = Some(now),
            }
        }
        Python::attach(|py| match py.check_signals() {
            Ok(()) => false,
            Err(err) => {
                self.keep(err);
                true
            }
        })
    }

    /// After a run: the kept exception, if any (and ready for the next run).
    pub(crate) fn take_pending(&self) -> PyResult<()> {
        *self.last_check.lock().unwrap_or_else(|e| e.into_inner()) = None;
        self.stop.store(false, Ordering::Release);
        match self
            .pending
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
        {
            Some(err) => Err(err),
            None => Ok(()),
        }
    }
}
