//! Streaming output to a Python callable: `on_output(stream, text)` is
//! called with the GIL taken for the call only, as a host function is.

use std::sync::{Arc, Mutex};

use pyo3::exceptions::PyException;
use pyo3::prelude::*;

use mpwasm_core::{OutputBuffering, OutputCallback};

use crate::interrupt::Interrupt;

/// The Python exception that stopped a run, kept to become the
/// `__cause__` of the `OutputCallbackError` raised after it.
#[derive(Debug, Default)]
pub(crate) struct Kept(Mutex<Option<PyErr>>);

impl Kept {
    fn keep(&self, err: PyErr) {
        let mut slot = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if slot.is_none() {
            *slot = Some(err);
        }
    }

    /// The kept exception, if any (and empty for the next run).
    pub(crate) fn take(&self) -> Option<PyErr> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).take()
    }
}

/// What the core is told when the callable raised; the Python exception
/// itself is kept (it cannot leave the GIL-holding closure as an error).
#[derive(Debug)]
struct Raised(String);

impl std::fmt::Display for Raised {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Raised {}

/// The buffering the Python layer names: `"line"` or `"unbuffered"`.
pub(crate) fn buffering(unbuffered: bool) -> OutputBuffering {
    if unbuffered {
        OutputBuffering::Unbuffered
    } else {
        OutputBuffering::Line
    }
}

/// `callable` as the core's output callback. A `BaseException` that is not
/// an `Exception` (`KeyboardInterrupt`, `SystemExit`) is re-raised as such
/// after the run, as for host functions; any other exception is kept for
/// the `OutputCallbackError`.
pub(crate) fn callback(
    callable: Py<PyAny>,
    kept: &Arc<Kept>,
    interrupt: &Arc<Interrupt>,
) -> OutputCallback {
    let kept = Arc::clone(kept);
    let interrupt = Arc::clone(interrupt);
    OutputCallback::new(move |stream, chunk| {
        Python::attach(|py| {
            let text = String::from_utf8_lossy(chunk);
            match callable.bind(py).call1((stream.name(), text.as_ref())) {
                Ok(_) => Ok(()),
                Err(err) => {
                    let what = err.to_string();
                    if err.is_instance_of::<PyException>(py) {
                        kept.keep(err);
                    } else {
                        interrupt.keep(err);
                    }
                    Err(Raised(what).into())
                }
            }
        })
    })
}
