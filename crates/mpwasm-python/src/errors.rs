//! Failures handed to the Python package's error factory, which picks the
//! exception class and writes the message (the reference's phrases first).

use std::sync::OnceLock;

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use mpwasm_core::{Error, Interrupt, RunResult};

static FACTORY: OnceLock<Py<PyAny>> = OnceLock::new();

pub(crate) fn set_factory(factory: Py<PyAny>) {
    let _ = FACTORY.set(factory);
}

/// Where a failure happened: the message phrases differ (a session's
/// exception reads `Type: message`, a one-shot run's `guest exited ...`).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Context {
    Run,
    Session,
    Replay,
}

impl Context {
    fn name(self) -> &'static str {
        match self {
            Context::Run => "run",
            Context::Session => "session",
            Context::Replay => "replay",
        }
    }
}

#[derive(Debug)]
pub(crate) enum Failure {
    Core(Error),
    Session(mpwasm_session::Error),
    /// A setting the core does not know how to take.
    InvalidArgument(&'static str, String),
    /// A host function ran code in its own session.
    Reentrant,
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Core(e)
    }
}

fn add_result(facts: &Bound<'_, PyDict>, r: &RunResult) -> PyResult<()> {
    facts.set_item("stdout", r.stdout_str())?;
    facts.set_item("stderr", r.stderr_str())?;
    facts.set_item("stdout_truncated", r.stdout_truncated)?;
    facts.set_item("stderr_truncated", r.stderr_truncated)?;
    facts.set_item("fuel_remaining", r.fuel_remaining)?;
    facts.set_item("fuel_used", r.fuel_consumed)?;
    facts.set_item("duration_seconds", r.duration.as_secs_f64())?;
    Ok(())
}

/// The kind of a stop by `interrupt`, soft or hard: the trap's name, so
/// that the same exception class is raised either way.
fn interrupt_kind(interrupt: Interrupt) -> &'static str {
    match interrupt {
        Interrupt::WallClock => "timeout",
        Interrupt::Fuel => "out_of_fuel",
        _ => "cancelled",
    }
}

/// `(kind, facts)` of a core error.
fn core_facts<'py>(facts: &Bound<'py, PyDict>, e: &Error) -> PyResult<&'static str> {
    facts.set_item("detail", e.to_string())?;
    if let Some(r) = e.run_result() {
        add_result(facts, r)?;
    }
    if let Some(interrupt) = e.interrupt() {
        // Soft: the guest stopped at a safe point and the VM was kept.
        facts.set_item("session_kept", !e.is_trap())?;
        facts.set_item("interrupt", interrupt.name())?;
        if let Error::Interrupted { traceback, .. } = e {
            facts.set_item("traceback", traceback)?;
        }
        return Ok(interrupt_kind(interrupt));
    }
    match e {
        Error::GuestException(g) => {
            facts.set_item("type_name", &g.type_name)?;
            facts.set_item("message", &g.message)?;
            facts.set_item("traceback", &g.traceback)?;
        }
        Error::MemoryLimit {
            message, traceback, ..
        } => {
            facts.set_item("type_name", "MemoryError")?;
            facts.set_item("message", message)?;
            facts.set_item("traceback", traceback)?;
        }
        Error::Exit { code, .. } => facts.set_item("exit_code", code)?,
        Error::QuotaExceeded { quota, exception } => {
            facts.set_item("quota", quota.name())?;
            facts.set_item("type_name", &exception.type_name)?;
            facts.set_item("message", &exception.message)?;
            facts.set_item("traceback", &exception.traceback)?;
        }
        Error::OutputCallback { source, .. } => {
            let stream = match source {
                mpwasm_core::OutputCallbackError::Failed { stream, .. }
                | mpwasm_core::OutputCallbackError::Panicked { stream, .. } => stream.name(),
                _ => "",
            };
            facts.set_item("stream", stream)?;
        }
        Error::ArtifactNotFound { path }
        | Error::ReadonlyDir { path, .. }
        | Error::WritableDir { path, .. } => {
            facts.set_item("path", path)?;
        }
        Error::InvalidLimits(limits) => {
            let setting = match limits {
                mpwasm_core::LimitsError::OutOfRange { setting, .. }
                | mpwasm_core::LimitsError::Zero { setting }
                | mpwasm_core::LimitsError::ExceedsRuntime { setting, .. } => *setting,
                mpwasm_core::LimitsError::WallTimeoutTooLong(_) => "wall_timeout",
                mpwasm_core::LimitsError::BelowGuestMinimum { .. } => "memory_bytes",
                _ => "limits",
            };
            facts.set_item("setting", setting)?;
        }
        _ => {}
    }
    Ok(e.kind())
}

fn build(py: Python<'_>, failure: &Failure, context: Context) -> PyResult<PyErr> {
    let facts = PyDict::new(py);
    let kind = match failure {
        Failure::Core(e) => core_facts(&facts, e)?,
        Failure::Session(mpwasm_session::Error::Run(e)) => core_facts(&facts, e)?,
        Failure::Session(mpwasm_session::Error::SessionClosed) => "session_closed",
        Failure::Session(mpwasm_session::Error::Poisoned { cause }) => {
            facts.set_item("cause", cause.name())?;
            "poisoned"
        }
        Failure::Session(mpwasm_session::Error::Register(e)) => {
            facts.set_item("detail", e.to_string())?;
            "register"
        }
        Failure::Session(e) => {
            facts.set_item("detail", e.to_string())?;
            "invalid_image"
        }
        Failure::InvalidArgument(setting, detail) => {
            facts.set_item("setting", *setting)?;
            facts.set_item("detail", detail)?;
            "invalid_limits"
        }
        Failure::Reentrant => "reentrant",
    };
    let Some(factory) = FACTORY.get() else {
        return Ok(PyRuntimeError::new_err(format!("mpwasm: {kind} ({facts})")));
    };
    let exc = factory.bind(py).call1((kind, context.name(), facts))?;
    Ok(PyErr::from_value(exc))
}

/// The Python exception for `failure` in a one-shot run.
pub(crate) fn raise(py: Python<'_>, failure: &Failure) -> PyErr {
    raise_in(py, failure, Context::Run)
}

pub(crate) fn raise_in(py: Python<'_>, failure: &Failure, context: Context) -> PyErr {
    build(py, failure, context).unwrap_or_else(|e| e)
}

/// The Python exception for a session's error.
pub(crate) fn session_error(py: Python<'_>, e: mpwasm_session::Error, context: Context) -> PyErr {
    raise_in(py, &Failure::Session(e), context)
}
