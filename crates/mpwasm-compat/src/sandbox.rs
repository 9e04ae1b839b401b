//! The target under test: a one-shot mpwasm sandbox per test.
//!
//! Each test runs in a fresh [`Vm`] with the test's directory mounted
//! read-only at `/input` (which is on `sys.path`, so sibling modules import),
//! under its own file name. The working directory stays `/`: tests that open
//! files relative to their directory fail, and are reported as such.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use mpwasm_core::{Error, ExecMode, Interrupt, Limits, RunOptions, Runtime, Vm};

use crate::{RawRun, Runner, Target, TestCase, Tree};

/// Generous limits: the suite tests behaviour, not the sandbox's budgets.
pub const MEMORY_BYTES: u64 = 256 << 20;
/// Output cap per stream.
pub const MAX_OUTPUT_BYTES: usize = 16 << 20;

/// Runs tests in the mpwasm sandbox.
#[derive(Debug, Clone)]
pub struct SandboxRunner {
    runtime: Runtime,
    limits: Limits,
}

impl SandboxRunner {
    /// A runtime for the artifact at `artifact` (default: mpwasm-core's
    /// default path); runs end after `timeout` of wall-clock time.
    pub fn new(artifact: Option<&Path>, timeout: Duration) -> Result<SandboxRunner> {
        let mut builder = Runtime::builder();
        builder.max_instances(16).max_memory_bytes(MEMORY_BYTES);
        if let Some(path) = artifact {
            builder.artifact_path(path);
        }
        let runtime = builder
            .build()
            .context("cannot build the mpwasm runtime (cargo xtask build-artifact)")?;
        let mut limits = Limits::new();
        limits
            .memory_bytes(MEMORY_BYTES)
            .fuel(None)
            .wall_timeout(Some(timeout))
            .max_output_bytes(MAX_OUTPUT_BYTES);
        Ok(SandboxRunner { runtime, limits })
    }

    /// The same runtime with other limits (e.g. [`Limits::new`], what users
    /// get by default).
    pub fn with_limits(mut self, limits: Limits) -> SandboxRunner {
        self.limits = limits;
        self
    }

    /// SHA-256 of the guest artifact.
    pub fn artifact_sha256(&self) -> &str {
        self.runtime.artifact_sha256()
    }

    fn exec(&self, test: &TestCase, code: &str) -> Result<mpwasm_core::RunResult, Error> {
        // One stream, as run-tests.py reads the unix port (stderr=STDOUT).
        let mut options = RunOptions::new();
        options.limits(self.limits.clone()).stderr_to_stdout(true);
        if let Some(dir) = test.path.parent() {
            options.readonly_dir(dir);
        }
        let mut vm = Vm::new(&self.runtime, &options)?;
        let file_name = format!("/input/{}.py", test.name);
        vm.run_named(&file_name, code, ExecMode::File)
    }
}

impl Runner for SandboxRunner {
    fn target(&self) -> Target {
        Target::Mpwasm
    }

    fn run(&self, _tree: &Tree, test: &TestCase, special: bool) -> RawRun {
        let started = Instant::now();
        let code = match std::fs::read_to_string(&test.path) {
            Ok(code) => code,
            Err(e) => {
                return RawRun {
                    output: b"CRASH".to_vec(),
                    crashed: true,
                    error_kind: Some(format!("unreadable test {}: {e}", test.path.display())),
                    seconds: 0.0,
                };
            }
        };
        let outcome = self.exec(test, &code);
        let seconds = started.elapsed().as_secs_f64();
        match outcome {
            Ok(result) => {
                let mut output = result.stdout;
                output.extend_from_slice(&result.stderr);
                RawRun {
                    output,
                    crashed: false,
                    error_kind: None,
                    seconds,
                }
            }
            Err(e) => {
                let mut output = Vec::new();
                if let Some(result) = e.run_result() {
                    output.extend_from_slice(&result.stdout);
                    output.extend_from_slice(&result.stderr);
                }
                // What the unix port prints to stderr before exiting.
                match &e {
                    Error::GuestException(g) => output.extend_from_slice(g.traceback.as_bytes()),
                    Error::MemoryLimit { traceback, .. } => {
                        output.extend_from_slice(traceback.as_bytes())
                    }
                    Error::Exit { .. } | Error::Timeout(_) => {}
                    Error::Interrupted {
                        interrupt: Interrupt::WallClock,
                        ..
                    } => {}
                    other => output.extend_from_slice(format!("{other}\n").as_bytes()),
                }
                if e.interrupt() == Some(Interrupt::WallClock) {
                    output.extend_from_slice(b"TIMEOUT");
                } else if special {
                    output = b"CRASH".to_vec();
                } else {
                    output.extend_from_slice(b"CRASH");
                }
                RawRun {
                    output,
                    crashed: true,
                    error_kind: Some(describe_error(&e)),
                    seconds,
                }
            }
        }
    }
}

/// `kind` of the error plus the exception type, e.g. `guest_exception: OSError`.
fn describe_error(e: &Error) -> String {
    match e {
        Error::GuestException(g) => {
            let msg: String = g.message.chars().take(80).collect();
            format!("{}: {}: {}", e.kind(), g.type_name, msg)
        }
        Error::Exit { code, .. } => format!("{}: code {code}", e.kind()),
        Error::MemoryLimit { message, .. } => format!("{}: {message}", e.kind()),
        Error::Trap { .. } => format!("{}: {e}", e.kind()),
        other => other.kind().to_string(),
    }
}
