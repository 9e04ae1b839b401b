//! `corpus bless`: the expected outputs, from CPython.
//!
//! Each program runs twice with `python3 -B -S`, once with
//! `PYTHONHASHSEED=0` and UTC, once with `PYTHONHASHSEED=1` and a +05:30
//! time zone, each time as a copy in a fresh temporary directory with an
//! empty working directory beside it and a cleared environment. A program is
//! blessed only if both runs succeed, write nothing to stderr, create no
//! file and print the same non-empty stdout: so its output depends neither
//! on the hash seed (set order of strings), the time zone, its path, nor the
//! machine.

use std::fmt;
use std::path::Path;
use std::process::Command;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::{Context, Result};

use super::{BlessedEntry, Corpus, Program, sha256_hex};
use crate::expected::CPython;
use crate::process::{Exit, run_separate};

/// The two runs: hash seed and `TZ`.
pub const RUNS: [(&str, &str); 2] = [("0", "UTC0"), ("1", "XST-5:30")];

/// Expected outputs larger than this are refused: a corpus program prints a
/// result, not a data dump.
pub const MAX_OUTPUT_BYTES: usize = 64 << 10;

/// Settings of [`bless`].
#[derive(Debug, Clone)]
pub struct BlessOptions {
    /// Per run.
    pub timeout: Duration,
    pub threads: usize,
}

impl Default for BlessOptions {
    fn default() -> Self {
        BlessOptions {
            timeout: Duration::from_secs(30),
            threads: 2,
        }
    }
}

/// Why a program was not blessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    /// A run exited with an error.
    Failed {
        hash_seed: &'static str,
        code: Option<i32>,
        /// The last line of stderr (the exception).
        last_line: String,
    },
    /// A run wrote to stderr (and exited 0).
    Stderr {
        hash_seed: &'static str,
        first_line: String,
    },
    Timeout {
        hash_seed: &'static str,
        seconds: u64,
    },
    /// The two runs printed different output.
    NotDeterministic {
        /// 1-based.
        line: usize,
        first: String,
        second: String,
    },
    NoOutput,
    TooLarge(usize),
    /// A run left files in its working directory.
    WroteFiles(Vec<String>),
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::Failed {
                hash_seed,
                code,
                last_line,
            } => {
                let status = code.map_or("a signal".to_string(), |c| format!("status {c}"));
                write!(
                    f,
                    "CPython failed (PYTHONHASHSEED={hash_seed}, {status}): {last_line}"
                )
            }
            Rejection::Stderr {
                hash_seed,
                first_line,
            } => write!(
                f,
                "wrote to stderr (PYTHONHASHSEED={hash_seed}): {first_line} (corpus programs print to stdout only)"
            ),
            Rejection::Timeout { hash_seed, seconds } => write!(
                f,
                "did not finish within {seconds} s on CPython (PYTHONHASHSEED={hash_seed})"
            ),
            Rejection::NotDeterministic {
                line,
                first,
                second,
            } => write!(
                f,
                "output differs between the two runs (hash seed 0 + UTC, hash seed 1 + UTC+05:30) at line {line}: {first:?} vs {second:?}; it must not depend on the hash seed, set order, time, time zone, path or machine"
            ),
            Rejection::NoOutput => {
                write!(f, "printed nothing (a corpus program prints its results)")
            }
            Rejection::TooLarge(n) => write!(
                f,
                "printed {n} bytes, more than the {MAX_OUTPUT_BYTES} allowed"
            ),
            Rejection::WroteFiles(files) => write!(
                f,
                "created {} in its working directory (the sandbox has no writable file system: use io.StringIO)",
                files.join(", ")
            ),
        }
    }
}

/// What [`bless`] did.
#[derive(Debug, Clone, Default)]
pub struct BlessReport {
    /// Blessed programs whose expected output changed (or is new).
    pub changed: Vec<String>,
    /// Blessed programs whose expected output stayed the same.
    pub unchanged: Vec<String>,
    pub rejected: Vec<(String, Rejection)>,
    /// Expectations removed because their program no longer exists.
    pub dropped: Vec<String>,
}

/// Bless `programs`; with `whole` (every program given) also drop the
/// expectations of programs that no longer exist. Rejected programs keep
/// their previous expectation (which [`Corpus::check`] then reports as
/// stale if the program changed).
pub fn bless(
    corpus: &Corpus,
    cpython: &CPython,
    programs: &[Program],
    whole: bool,
    options: &BlessOptions,
) -> Result<BlessReport> {
    let outcomes = parallel(programs, options.threads, |p| {
        run_twice(cpython, p, options.timeout)
    })?;
    let mut blessed = corpus.read_blessed()?;
    let mut report = BlessReport::default();
    let expected_dir = corpus.expected_dir();
    std::fs::create_dir_all(&expected_dir)
        .with_context(|| format!("cannot create {}", expected_dir.display()))?;
    for (program, outcome) in programs.iter().zip(outcomes) {
        let output = match outcome {
            Ok(output) => output,
            Err(rejection) => {
                report.rejected.push((program.name.clone(), rejection));
                continue;
            }
        };
        let path = corpus.expected_path(&program.name);
        let entry = BlessedEntry {
            program_sha256: sha256_hex(&program.source()?),
            output_sha256: sha256_hex(&output),
            python: cpython.version().to_string(),
        };
        let same = std::fs::read(&path).is_ok_and(|old| old == output)
            && blessed.entries.get(&program.name) == Some(&entry);
        std::fs::write(&path, &output)
            .with_context(|| format!("cannot write {}", path.display()))?;
        blessed.entries.insert(program.name.clone(), entry);
        if same {
            report.unchanged.push(program.name.clone());
        } else {
            report.changed.push(program.name.clone());
        }
    }
    if whole {
        let names: std::collections::BTreeSet<&str> =
            programs.iter().map(|p| p.name.as_str()).collect();
        blessed.entries.retain(|name, _| {
            let keep = names.contains(name.as_str());
            if !keep {
                report.dropped.push(name.clone());
            }
            keep
        });
        for entry in std::fs::read_dir(&expected_dir)
            .with_context(|| format!("cannot list {}", expected_dir.display()))?
        {
            let path = entry?.path();
            let Some(name) = path
                .file_name()
                .and_then(|f| f.to_str())
                .and_then(|f| f.strip_suffix(".out"))
            else {
                continue;
            };
            if !names.contains(name) {
                if !report.dropped.iter().any(|d| d == name) {
                    report.dropped.push(name.to_string());
                }
                std::fs::remove_file(&path)
                    .with_context(|| format!("cannot remove {}", path.display()))?;
            }
        }
        report.dropped.sort();
    }
    corpus.write_blessed(&blessed)?;
    Ok(report)
}

/// Run `work` on every item on `threads` threads, keeping the order.
pub(crate) fn parallel<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> Result<R> + Sync,
) -> Result<Vec<R>> {
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<Result<R>>>> = items.iter().map(|_| Mutex::new(None)).collect();
    let threads = threads.max(1).min(items.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else {
                        break;
                    };
                    let result = work(item);
                    if let Ok(mut slot) = slots[i].lock() {
                        *slot = Some(result);
                    }
                }
            });
        }
    });
    slots
        .into_iter()
        .map(|slot| {
            slot.into_inner()
                .ok()
                .flatten()
                .context("a worker thread died")?
        })
        .collect()
}

/// Both runs of one program: its expected output, or why it has none.
fn run_twice(
    cpython: &CPython,
    program: &Program,
    timeout: Duration,
) -> Result<Result<Vec<u8>, Rejection>> {
    let mut outputs = Vec::new();
    for (seed, tz) in RUNS {
        match run_once(cpython, program, seed, tz, timeout)? {
            Ok(out) => outputs.push(out),
            Err(rejection) => return Ok(Err(rejection)),
        }
    }
    let (first, second) = (&outputs[0], &outputs[1]);
    if first != second {
        let (line, a, b) = first_differing_line(first, second);
        return Ok(Err(Rejection::NotDeterministic {
            line,
            first: a.unwrap_or_else(|| "<end of output>".into()),
            second: b.unwrap_or_else(|| "<end of output>".into()),
        }));
    }
    if first.is_empty() {
        return Ok(Err(Rejection::NoOutput));
    }
    if first.len() > MAX_OUTPUT_BYTES {
        return Ok(Err(Rejection::TooLarge(first.len())));
    }
    Ok(Ok(outputs.swap_remove(0)))
}

fn run_once(
    cpython: &CPython,
    program: &Program,
    hash_seed: &'static str,
    tz: &str,
    timeout: Duration,
) -> Result<Result<Vec<u8>, Rejection>> {
    let tmp = tempfile::tempdir().context("cannot create a temporary directory")?;
    let program_dir = tmp.path().join("program");
    let cwd = tmp.path().join("cwd");
    for dir in [&program_dir, &cwd] {
        std::fs::create_dir(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let script = program_dir.join(format!("{}.py", program.name));
    std::fs::copy(&program.path, &script)
        .with_context(|| format!("cannot copy {}", program.path.display()))?;
    let mut cmd = Command::new(cpython.program());
    cmd.args(["-B", "-S"])
        .arg(&script)
        .current_dir(&cwd)
        .env_clear()
        .env("PYTHONHASHSEED", hash_seed)
        .env("PYTHONIOENCODING", "utf-8")
        .env("LC_ALL", "C.UTF-8")
        .env("TZ", tz)
        .env("HOME", &cwd);
    if let Some(path) = std::env::var_os("PATH") {
        cmd.env("PATH", path);
    }
    let run = run_separate(cmd, timeout)?;
    match run.exit {
        Exit::Timeout => {
            return Ok(Err(Rejection::Timeout {
                hash_seed,
                seconds: timeout.as_secs(),
            }));
        }
        Exit::Failure => {
            return Ok(Err(Rejection::Failed {
                hash_seed,
                code: run.code,
                last_line: last_line(&run.stderr),
            }));
        }
        Exit::Success => {}
    }
    if !run.stderr.is_empty() {
        let text = String::from_utf8_lossy(&run.stderr);
        return Ok(Err(Rejection::Stderr {
            hash_seed,
            first_line: text.lines().next().unwrap_or_default().to_string(),
        }));
    }
    let written = files_in(&cwd)?;
    if !written.is_empty() {
        return Ok(Err(Rejection::WroteFiles(written)));
    }
    let mut extra = files_in(&program_dir)?;
    extra.retain(|f| *f != format!("{}.py", program.name));
    if !extra.is_empty() {
        return Ok(Err(Rejection::WroteFiles(extra)));
    }
    Ok(Ok(run.stdout))
}

fn files_in(dir: &Path) -> Result<Vec<String>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    Ok(names)
}

/// The last non-empty line of `text`.
pub(crate) fn last_line(text: &[u8]) -> String {
    String::from_utf8_lossy(text)
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default()
        .to_string()
}

/// The 1-based number of the first line where `a` and `b` differ, and that
/// line of each (`None` past the end).
pub fn first_differing_line(a: &[u8], b: &[u8]) -> (usize, Option<String>, Option<String>) {
    let mut la = a.split_inclusive(|&c| c == b'\n');
    let mut lb = b.split_inclusive(|&c| c == b'\n');
    let mut n = 0;
    loop {
        n += 1;
        match (la.next(), lb.next()) {
            (Some(x), Some(y)) if x == y => continue,
            (None, None) => return (n, None, None),
            (x, y) => {
                let show = |l: &[u8]| String::from_utf8_lossy(l).into_owned();
                return (n, x.map(show), y.map(show));
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn first_difference_names_the_line() {
        assert_eq!(
            first_differing_line(b"a\nb\nc\n", b"a\nB\nc\n"),
            (2, Some("b\n".into()), Some("B\n".into()))
        );
        assert_eq!(
            first_differing_line(b"a\n", b"a\nmore\n"),
            (2, None, Some("more\n".into()))
        );
        // A missing final newline is a difference on that line.
        assert_eq!(
            first_differing_line(b"a\nb\n", b"a\nb"),
            (2, Some("b\n".into()), Some("b".into()))
        );
    }

    proptest! {
        #[test]
        fn equal_outputs_have_no_differing_line(text in "[a-c\n]{0,40}") {
            let (_, a, b) = first_differing_line(text.as_bytes(), text.as_bytes());
            prop_assert_eq!((a, b), (None, None));
        }

        #[test]
        fn a_changed_byte_is_found_on_its_line(text in "[a-c\n]{1,40}", at in 0usize..40) {
            let at = at % text.len();
            let mut changed = text.clone().into_bytes();
            changed[at] = b'X';
            let line = text.as_bytes()[..at].iter().filter(|&&c| c == b'\n').count() + 1;
            let (n, a, b) = first_differing_line(text.as_bytes(), &changed);
            prop_assert_eq!(n, line);
            prop_assert!(a.is_some() && b.is_some() && a != b);
        }
    }
}
