//! Running corpus programs and judging them against CPython's output.
//!
//! In the sandbox every program gets a fresh one-shot [`Vm`] (64 MiB, 10 s of
//! wall clock, no fuel limit) with `programs/` mounted read-only at `/input`
//! and runs as the script `/input/<name>.py`, so tracebacks name it.
//! Natively (optional) it runs as `micropython -X heapsize=64M <path>` in an
//! empty working directory. stdout is compared exactly with the expected
//! file; a run passes when it also ends without an exception and wrote
//! nothing to stderr (CPython wrote nothing there either).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use mpwasm_core::{Error, ExecMode, Interrupt, Limits, RunOptions, Runtime, Vm};

use super::bless::{first_differing_line, last_line, parallel};
use super::{Corpus, Program};
use crate::Target;
use crate::process::{Exit, run_separate};

/// Memory per run, in the sandbox and natively (`-X heapsize`).
pub const MEMORY_BYTES: u64 = 64 << 20;
/// Wall clock per run.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// Output cap per stream in the sandbox.
pub const MAX_OUTPUT_BYTES: usize = 1 << 20;

/// What one run of a program produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// How the run failed, if it did.
    pub failure: Option<Failure>,
    pub seconds: f64,
}

/// How a run failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// An uncaught exception.
    Exception {
        /// The traceback's last line, e.g. `ImportError: no module named 'enum'`.
        last_line: String,
        traceback: String,
    },
    Timeout,
    /// Anything else (memory limit, trap, exit status), described.
    Other(String),
}

/// Something that runs corpus programs.
pub trait ProgramRunner: Sync {
    fn target(&self) -> Target;
    fn run(&self, program: &Program) -> Run;
}

/// The mpwasm sandbox.
#[derive(Debug, Clone)]
pub struct Sandbox {
    runtime: Runtime,
    limits: Limits,
}

impl Sandbox {
    /// A runtime for the artifact at `artifact` (default: mpwasm-core's).
    pub fn new(artifact: Option<&Path>) -> Result<Sandbox> {
        let mut builder = Runtime::builder();
        builder.max_instances(8).max_memory_bytes(MEMORY_BYTES);
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
            .wall_timeout(Some(TIMEOUT))
            .max_output_bytes(MAX_OUTPUT_BYTES);
        Ok(Sandbox { runtime, limits })
    }

    /// SHA-256 of the guest artifact.
    pub fn artifact_sha256(&self) -> &str {
        self.runtime.artifact_sha256()
    }

    fn exec(&self, program: &Program, code: &str) -> Result<mpwasm_core::RunResult, Error> {
        let mut options = RunOptions::new();
        options.limits(self.limits.clone());
        if let Some(dir) = program.path.parent() {
            options.readonly_dir(dir);
        }
        let mut vm = Vm::new(&self.runtime, &options)?;
        vm.run_named(&format!("/input/{}.py", program.name), code, ExecMode::File)
    }
}

impl ProgramRunner for Sandbox {
    fn target(&self) -> Target {
        Target::Mpwasm
    }

    fn run(&self, program: &Program) -> Run {
        let started = Instant::now();
        let code = match std::fs::read_to_string(&program.path) {
            Ok(code) => code,
            Err(e) => {
                return Run {
                    stdout: Vec::new(),
                    stderr: Vec::new(),
                    failure: Some(Failure::Other(format!(
                        "cannot read {} as UTF-8: {e}",
                        program.path.display()
                    ))),
                    seconds: 0.0,
                };
            }
        };
        let outcome = self.exec(program, &code);
        let seconds = started.elapsed().as_secs_f64();
        match outcome {
            Ok(result) => Run {
                stdout: result.stdout,
                stderr: result.stderr,
                failure: None,
                seconds,
            },
            Err(e) => {
                let (stdout, stderr) = e
                    .run_result()
                    .map(|r| (r.stdout.clone(), r.stderr.clone()))
                    .unwrap_or_default();
                let failure = match &e {
                    Error::GuestException(g) => Failure::Exception {
                        last_line: last_line(g.traceback.as_bytes()),
                        traceback: g.traceback.clone(),
                    },
                    Error::MemoryLimit { traceback, .. } => Failure::Exception {
                        last_line: last_line(traceback.as_bytes()),
                        traceback: traceback.clone(),
                    },
                    Error::Timeout(_)
                    | Error::Interrupted {
                        interrupt: Interrupt::WallClock,
                        ..
                    } => Failure::Timeout,
                    other => Failure::Other(format!("{}: {other}", other.kind())),
                };
                Run {
                    stdout,
                    stderr,
                    failure: Some(failure),
                    seconds,
                }
            }
        }
    }
}

/// MicroPython's unix port (the native reference `cargo xtask compat`
/// builds).
#[derive(Debug, Clone)]
pub struct Native {
    binary: PathBuf,
}

impl Native {
    pub fn new(binary: &Path) -> Result<Native> {
        if !binary.is_file() {
            bail!(
                "native micropython binary {} does not exist (cargo xtask compat builds it)",
                binary.display()
            );
        }
        Ok(Native {
            binary: std::fs::canonicalize(binary)?,
        })
    }

    fn exec(&self, program: &Program) -> Result<Run> {
        let started = Instant::now();
        let cwd = tempfile::tempdir().context("cannot create a temporary directory")?;
        let mut cmd = Command::new(&self.binary);
        cmd.arg("-X")
            .arg(format!("heapsize={}M", MEMORY_BYTES >> 20))
            .arg(&program.path)
            .current_dir(cwd.path())
            // Only the frozen modules: nothing installed on this machine.
            .env("MICROPYPATH", ".frozen");
        let out = run_separate(cmd, TIMEOUT)?;
        let failure = match out.exit {
            Exit::Success => None,
            Exit::Timeout => Some(Failure::Timeout),
            Exit::Failure => {
                let last = last_line(&out.stderr);
                Some(if last.is_empty() {
                    Failure::Other(match out.code {
                        Some(c) => format!("exit status {c}"),
                        None => "killed by a signal".into(),
                    })
                } else {
                    Failure::Exception {
                        last_line: last,
                        traceback: String::from_utf8_lossy(&out.stderr).into_owned(),
                    }
                })
            }
        };
        // An uncaught exception's traceback is on stderr: it is the failure,
        // not output the program wrote.
        let stderr = if matches!(failure, Some(Failure::Exception { .. })) {
            Vec::new()
        } else {
            out.stderr
        };
        Ok(Run {
            stdout: out.stdout,
            stderr,
            failure,
            seconds: started.elapsed().as_secs_f64(),
        })
    }
}

impl ProgramRunner for Native {
    fn target(&self) -> Target {
        Target::Native
    }

    fn run(&self, program: &Program) -> Run {
        self.exec(program).unwrap_or_else(|e| Run {
            stdout: Vec::new(),
            stderr: Vec::new(),
            failure: Some(Failure::Other(format!("cannot run: {e:#}"))),
            seconds: 0.0,
        })
    }
}

/// Why a program did not pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    /// It raised: the exception's last line.
    Raised(String),
    /// It ran to the end but printed something else.
    Differs {
        /// 1-based.
        line: usize,
        expected: Option<String>,
        got: Option<String>,
    },
    /// It printed the expected output but also wrote to stderr.
    Stderr(String),
    Timeout,
    Other(String),
}

/// The verdict on one run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    Fail(Mismatch),
}

impl Verdict {
    pub fn is_pass(&self) -> bool {
        matches!(self, Verdict::Pass)
    }
}

/// Judge `run` against the expected stdout.
pub fn judge(expected: &[u8], run: &Run) -> Verdict {
    match &run.failure {
        Some(Failure::Exception { last_line, .. }) => {
            return Verdict::Fail(Mismatch::Raised(last_line.clone()));
        }
        Some(Failure::Timeout) => return Verdict::Fail(Mismatch::Timeout),
        Some(Failure::Other(what)) => return Verdict::Fail(Mismatch::Other(what.clone())),
        None => {}
    }
    if run.stdout != expected {
        let (line, expected, got) = first_differing_line(expected, &run.stdout);
        return Verdict::Fail(Mismatch::Differs {
            line,
            expected,
            got,
        });
    }
    if !run.stderr.is_empty() {
        let text = String::from_utf8_lossy(&run.stderr);
        return Verdict::Fail(Mismatch::Stderr(
            text.lines().next().unwrap_or_default().to_string(),
        ));
    }
    Verdict::Pass
}

/// One program's verdicts.
#[derive(Debug, Clone)]
pub struct ProgramResult {
    pub program: Program,
    pub expected: Vec<u8>,
    pub by_target: BTreeMap<Target, (Verdict, Run)>,
}

impl ProgramResult {
    /// The verdict on `target`, if it ran there.
    pub fn verdict(&self, target: Target) -> Option<&Verdict> {
        self.by_target.get(&target).map(|(v, _)| v)
    }
}

/// Run `programs` (which must have expected outputs) on every runner,
/// `threads` programs at a time.
pub fn run_corpus(
    corpus: &Corpus,
    programs: &[Program],
    runners: &[&dyn ProgramRunner],
    threads: usize,
) -> Result<Vec<ProgramResult>> {
    parallel(programs, threads, |program| {
        let expected = corpus.expected(&program.name)?;
        let by_target = runners
            .iter()
            .map(|r| {
                let run = r.run(program);
                (r.target(), (judge(&expected, &run), run))
            })
            .collect();
        Ok(ProgramResult {
            program: program.clone(),
            expected,
            by_target,
        })
    })
}

/// A judged corpus run: the results, the expectation problems and how the
/// sandbox's passes compare with `passing.txt`.
#[derive(Debug, Clone)]
pub struct Evaluation {
    /// Every program that has a good expectation, judged.
    pub results: Vec<ProgramResult>,
    /// Expectation problems (those programs did not run).
    pub problems: Vec<super::Problem>,
    /// Programs of `passing.txt` (among those run) that failed in the sandbox.
    pub regressions: Vec<String>,
    /// Programs that pass in the sandbox but are not in `passing.txt`.
    pub newly_passing: Vec<String>,
}

impl Evaluation {
    /// Whether the run is acceptable: no problems, no regressions.
    pub fn ok(&self) -> bool {
        self.problems.is_empty() && self.regressions.is_empty()
    }

    /// The names that pass in the sandbox.
    pub fn passing(&self) -> std::collections::BTreeSet<String> {
        self.results
            .iter()
            .filter(|r| r.verdict(Target::Mpwasm).is_some_and(Verdict::is_pass))
            .map(|r| r.program.name.clone())
            .collect()
    }
}

/// Check the expectations of `programs` (`whole`: they are the whole
/// corpus), run the good ones on `runners` and compare with `passing.txt`.
pub fn evaluate(
    corpus: &Corpus,
    programs: &[Program],
    whole: bool,
    runners: &[&dyn ProgramRunner],
    threads: usize,
) -> Result<Evaluation> {
    let problems = corpus.check(programs, whole)?;
    let unusable: std::collections::BTreeSet<&str> = problems
        .iter()
        .filter_map(|p| match p {
            super::Problem::Missing(n) | super::Problem::Stale(n) | super::Problem::Edited(n) => {
                Some(n.as_str())
            }
            _ => None,
        })
        .collect();
    let runnable: Vec<Program> = programs
        .iter()
        .filter(|p| !unusable.contains(p.name.as_str()))
        .cloned()
        .collect();
    let results = run_corpus(corpus, &runnable, runners, threads)?;
    let listed: std::collections::BTreeSet<String> = corpus.read_passing()?.into_iter().collect();
    let mut regressions = Vec::new();
    let mut newly_passing = Vec::new();
    for r in &results {
        let Some(verdict) = r.verdict(Target::Mpwasm) else {
            continue;
        };
        let is_listed = listed.contains(&r.program.name);
        if is_listed && !verdict.is_pass() {
            regressions.push(r.program.name.clone());
        } else if !is_listed && verdict.is_pass() {
            newly_passing.push(r.program.name.clone());
        }
    }
    // A listed program that could not run (stale, missing) is not passing.
    for name in &unusable {
        if listed.contains(*name) {
            regressions.push(name.to_string());
        }
    }
    regressions.sort();
    Ok(Evaluation {
        results,
        problems,
        regressions,
        newly_passing,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(stdout: &str, stderr: &str, failure: Option<Failure>) -> Run {
        Run {
            stdout: stdout.into(),
            stderr: stderr.into(),
            failure,
            seconds: 0.0,
        }
    }

    #[test]
    fn verdicts() {
        assert_eq!(judge(b"a\n", &run("a\n", "", None)), Verdict::Pass);
        assert_eq!(
            judge(b"a\nb\n", &run("a\nc\n", "", None)),
            Verdict::Fail(Mismatch::Differs {
                line: 2,
                expected: Some("b\n".into()),
                got: Some("c\n".into())
            })
        );
        // The exception is the reason even when stdout so far matched.
        let raised = Failure::Exception {
            last_line: "ImportError: no module named 'enum'".into(),
            traceback: "Traceback ...\nImportError: no module named 'enum'\n".into(),
        };
        assert_eq!(
            judge(b"", &run("", "", Some(raised))),
            Verdict::Fail(Mismatch::Raised(
                "ImportError: no module named 'enum'".into()
            ))
        );
        assert_eq!(
            judge(b"a\n", &run("a\n", "warning: x\nmore\n", None)),
            Verdict::Fail(Mismatch::Stderr("warning: x".into()))
        );
        assert_eq!(
            judge(b"a\n", &run("a\n", "", Some(Failure::Timeout))),
            Verdict::Fail(Mismatch::Timeout)
        );
    }
}
