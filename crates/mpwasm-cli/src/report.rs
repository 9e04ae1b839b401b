//! Turning a run's outcome into what the user sees: the guest's output on
//! our stdout/stderr, tracebacks, one-line `mpwasm: ...` messages for limit
//! trips and setup errors, the `--json` object, and the exit code.

use std::io::Write;

use mpwasm_core::{Error, Interrupt, RunResult};
use serde::Serialize;

use crate::cli::exit;

/// The exit code for a failed run.
pub fn exit_code(error: &Error) -> i32 {
    match error {
        Error::GuestException(_) => exit::EXCEPTION,
        Error::Exit { code, .. } => *code,
        Error::OutOfFuel(_)
        | Error::Interrupted {
            interrupt: Interrupt::Fuel,
            ..
        } => exit::OUT_OF_FUEL,
        Error::Timeout(_)
        | Error::Interrupted {
            interrupt: Interrupt::WallClock,
            ..
        } => exit::TIMEOUT,
        Error::Cancelled(_)
        | Error::Interrupted {
            interrupt: Interrupt::Cancel,
            ..
        } => exit::INTERRUPTED,
        Error::MemoryLimit { .. } => exit::MEMORY_LIMIT,
        Error::StackOverflow(_) => exit::STACK_OVERFLOW,
        Error::Trap { .. } => exit::TRAP,
        Error::InvalidLimits(_) | Error::InvalidConfig(_) => exit::USAGE,
        _ => exit::SETUP,
    }
}

/// The `--json` object.
#[derive(Debug, Clone, Serialize)]
pub struct JsonReport {
    /// Whether the run succeeded (`sys.exit(0)` included).
    pub ok: bool,
    /// Guest stdout (invalid UTF-8 replaced).
    pub stdout: String,
    /// Guest stderr (invalid UTF-8 replaced).
    pub stderr: String,
    /// What went wrong, if anything.
    pub error: Option<JsonError>,
    /// Fuel used (`null` when nothing ran).
    pub fuel_consumed: Option<u64>,
    /// Fuel left (`null` when unmetered or nothing ran).
    pub fuel_remaining: Option<u64>,
    /// Wall-clock time of the run in milliseconds (`null` when nothing ran).
    pub duration_ms: Option<f64>,
    /// Whether stdout was cut at `--max-output`.
    pub stdout_truncated: bool,
    /// Whether stderr was cut at `--max-output`.
    pub stderr_truncated: bool,
}

/// The `error` member of [`JsonReport`].
#[derive(Debug, Clone, Serialize)]
pub struct JsonError {
    /// [`Error::kind`]: `guest_exception`, `out_of_fuel`, `timeout`, ...
    pub kind: String,
    /// The Python exception type (`ZeroDivisionError`, `MemoryError`), else `null`.
    #[serde(rename = "type")]
    pub type_name: Option<String>,
    /// The exception message, or a description of the error.
    pub message: String,
    /// The Python traceback, when there is one.
    pub traceback: Option<String>,
    /// The guest's `sys.exit` code, for `kind == "exit"`.
    pub exit_code: Option<i32>,
    /// What stopped the run early (`wall_clock`, `fuel`, `cancel`), soft
    /// (`kind == "interrupted"`, the session kept) or hard (a trap); absent
    /// otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interrupt: Option<&'static str>,
}

impl JsonReport {
    /// The report of a run.
    pub fn new(outcome: &Result<RunResult, Error>) -> Self {
        let (result, error) = match outcome {
            Ok(r) => (Some(r), None),
            Err(e) => (e.run_result(), Some(json_error(e))),
        };
        JsonReport {
            ok: error.is_none(),
            stdout: result
                .map(|r| r.stdout_str().into_owned())
                .unwrap_or_default(),
            stderr: result
                .map(|r| r.stderr_str().into_owned())
                .unwrap_or_default(),
            error,
            fuel_consumed: result.map(|r| r.fuel_consumed),
            fuel_remaining: result.and_then(|r| r.fuel_remaining),
            duration_ms: result.map(|r| r.duration.as_secs_f64() * 1000.0),
            stdout_truncated: result.is_some_and(|r| r.stdout_truncated),
            stderr_truncated: result.is_some_and(|r| r.stderr_truncated),
        }
    }

    /// The report of a failure outside any run (setup, reading the program).
    pub fn setup_failure(kind: &str, message: String) -> Self {
        JsonReport {
            ok: false,
            stdout: String::new(),
            stderr: String::new(),
            error: Some(JsonError {
                kind: kind.to_owned(),
                type_name: None,
                message,
                traceback: None,
                exit_code: None,
                interrupt: None,
            }),
            fuel_consumed: None,
            fuel_remaining: None,
            duration_ms: None,
            stdout_truncated: false,
            stderr_truncated: false,
        }
    }

    /// Write the report as one line of JSON to stdout.
    pub fn print(&self) {
        let text = serde_json::to_string(self).unwrap_or_else(|e| {
            format!(r#"{{"ok":false,"error":{{"kind":"internal","message":"cannot encode the report: {e}"}}}}"#)
        });
        let mut out = std::io::stdout().lock();
        discard_write_error(writeln!(out, "{text}").and_then(|()| out.flush()));
    }
}

fn json_error(error: &Error) -> JsonError {
    let (type_name, message, traceback, exit_code) = match error {
        Error::GuestException(e) => (
            Some(e.type_name.clone()),
            e.message.clone(),
            Some(e.traceback.clone()),
            None,
        ),
        Error::MemoryLimit {
            message, traceback, ..
        } => (
            Some("MemoryError".to_owned()),
            message.clone(),
            Some(traceback.clone()),
            None,
        ),
        Error::Exit { code, .. } => (None, error.to_string(), None, Some(*code)),
        Error::Interrupted { traceback, .. } => (
            None,
            describe(error),
            Some(traceback.clone()).filter(|t| !t.is_empty()),
            None,
        ),
        other => (None, describe(other), None, None),
    };
    JsonError {
        kind: error.kind().to_owned(),
        type_name,
        message,
        traceback,
        exit_code,
        interrupt: error.interrupt().map(Interrupt::name),
    }
}

/// Write a run's output unchanged: guest stdout to our stdout, guest stderr
/// to our stderr; note truncation on stderr.
pub fn write_output(result: &RunResult, max_output: usize) {
    {
        let mut out = std::io::stdout().lock();
        discard_write_error(out.write_all(&result.stdout).and_then(|()| out.flush()));
    }
    let mut err = std::io::stderr().lock();
    discard_write_error(err.write_all(&result.stderr).and_then(|()| err.flush()));
    drop(err);
    if result.stdout_truncated {
        message(&format!(
            "stdout truncated after {max_output} bytes (--max-output)"
        ));
    }
    if result.stderr_truncated {
        message(&format!(
            "stderr truncated after {max_output} bytes (--max-output)"
        ));
    }
}

/// Print a run's outcome the plain way: its output, then a traceback (for
/// an exception) or a one-line `mpwasm: ...` message (limits, setup).
/// Returns the exit code.
pub fn print_outcome(outcome: &Result<RunResult, Error>, max_output: usize) -> i32 {
    match outcome {
        Ok(result) => {
            write_output(result, max_output);
            exit::OK
        }
        Err(error) => {
            if let Some(result) = error.run_result() {
                write_output(result, max_output);
            }
            print_error(error);
            exit_code(error)
        }
    }
}

/// Describe a failure on stderr (output already written).
pub fn print_error(error: &Error) {
    match error {
        Error::GuestException(e) => {
            let mut err = std::io::stderr().lock();
            let tb = collapse_repeats(&e.traceback);
            discard_write_error(err.write_all(tb.as_bytes()).and_then(|()| err.flush()));
        }
        // The guest already said what it wanted (sys.exit("message") prints it).
        Error::Exit { .. } => {}
        // The guest's own traceback shows where it stopped; then what stopped it.
        Error::Interrupted {
            interrupt,
            traceback,
            ..
        } => {
            let mut err = std::io::stderr().lock();
            let tb = collapse_repeats(traceback);
            if !traceback.is_empty() {
                discard_write_error(err.write_all(tb.as_bytes()).and_then(|()| err.flush()));
            }
            drop(err);
            message(&format!("{interrupt}"));
        }
        other => message(&describe(other)),
    }
}

/// An error with its causes, `: `-separated, each cause shown once (an
/// error's message may already include its cause's).
///
/// ```
/// use mpwasm_core::Runtime;
///
/// let dir = std::env::temp_dir();
/// let err = Runtime::from_file(&dir).unwrap_err(); // a directory, not a file
/// let text = mpwasm_cli::report::describe(&err);
/// assert_eq!(text, format!("cannot read the MicroPython artifact {}: Is a directory (os error 21)", dir.display()));
/// ```
pub fn describe(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(e) = cause {
        let more = e.to_string();
        if !text.contains(&more) {
            text.push_str(": ");
            text.push_str(&more);
        }
        cause = e.source();
    }
    text
}

/// Shorten runs of identical frame lines the way CPython does: three are
/// kept, then `  [Previous line repeated N more times]`. Ends with a newline.
///
/// ```
/// let tb = "Traceback (most recent call last):\n".to_string()
///     + &"  File \"<string>\", line 1, in f\n".repeat(10)
///     + "RecursionError: maximum recursion depth exceeded\n";
/// let short = mpwasm_cli::report::collapse_repeats(&tb);
/// assert_eq!(short.lines().count(), 6);
/// assert!(short.contains("  [Previous line repeated 7 more times]\n"));
/// ```
pub fn collapse_repeats(traceback: &str) -> String {
    const KEEP: usize = 3;
    let mut out = String::with_capacity(traceback.len().min(4096));
    let lines: Vec<&str> = traceback.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let run = lines[i..].iter().take_while(|l| **l == line).count();
        let frame = line.starts_with("  File ");
        let shown = if frame && run > KEEP { KEEP } else { run };
        for _ in 0..shown {
            out.push_str(line);
            out.push('\n');
        }
        if shown < run {
            out.push_str(&format!(
                "  [Previous line repeated {} more times]\n",
                run - shown
            ));
        }
        i += run;
    }
    out
}

/// Print `mpwasm: <text>` on stderr.
pub fn message(text: &str) {
    let mut err = std::io::stderr().lock();
    discard_write_error(writeln!(err, "mpwasm: {text}").and_then(|()| err.flush()));
}

/// Write errors on our own stdout/stderr (a reader that went away) have
/// nowhere to be reported.
fn discard_write_error(result: std::io::Result<()>) {
    let _ = result;
}
