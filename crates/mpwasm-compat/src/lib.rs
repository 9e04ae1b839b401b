//! MicroPython's own test suite, run natively (the unix port) and in the
//! mpwasm sandbox, judged as `tests/run-tests.py` judges it.
//!
//! * [`Tree`] finds the MicroPython source tree and its tests.
//! * [`native::NativeRunner`] and [`sandbox::SandboxRunner`] run one test.
//! * [`run_suite`] runs the feature checks, applies the skip rules of
//!   [`rules`], runs the tests on two threads and compares with the `.exp`
//!   file or CPython's output ([`expected`]).
//! * [`known`] classifies the tests that differ; [`report`] prints the
//!   tables and writes JSON.
//! * [`corpus`] is the CPython-compatibility corpus (`tests/cpython/`):
//!   programs judged against CPython's output.

// A test tool (publish = false), not a published API.
#![allow(clippy::missing_errors_doc)]

pub mod corpus;
pub mod expected;
pub mod known;
pub mod native;
pub mod process;
pub mod report;
pub mod rules;
pub mod sandbox;
pub mod updated;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, Result, bail};

use crate::expected::{CPython, Source};
use crate::rules::{FEATURE_CHECKS, Features};

/// The test directories compared by default (run-tests.py's unix set also
/// has `import`, `io`, `unicode`, `cmdline` and `ports/unix`).
pub const ALL_DIRS: [&str; 6] = ["basics", "float", "extmod", "micropython", "misc", "stress"];

/// A MicroPython source tree with a `tests/` directory.
#[derive(Debug, Clone)]
pub struct Tree {
    /// The tree's root (holds `py/`, `tests/`, ...).
    pub root: PathBuf,
}

impl Tree {
    /// Environment variable naming the tree.
    pub const ENV: &str = "MPWASM_MICROPYTHON_SRC";

    /// Use the tree at `root`.
    pub fn new(root: impl Into<PathBuf>) -> Result<Tree> {
        let root = root.into();
        if !root.join("tests/run-tests.py").is_file() {
            bail!(
                "{} is not a MicroPython source tree with tests (no tests/run-tests.py)",
                root.display()
            );
        }
        let root = std::fs::canonicalize(&root).unwrap_or(root);
        Ok(Tree { root })
    }

    /// `$MPWASM_MICROPYTHON_SRC`, else the tree `cargo xtask build-artifact`
    /// extracted under `.work/src/` of this workspace.
    pub fn locate() -> Result<Tree> {
        if let Some(dir) = std::env::var_os(Self::ENV) {
            return Tree::new(PathBuf::from(dir));
        }
        let work_src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.work/src");
        let mut found = Vec::new();
        if let Ok(entries) = std::fs::read_dir(&work_src) {
            for entry in entries.flatten() {
                let dir = entry.path();
                // .work/src/<kind>-<hash>/micropython-<version>/ or a clone.
                if dir.join("tests/run-tests.py").is_file() {
                    found.push(dir.clone());
                }
                if let Ok(inner) = std::fs::read_dir(&dir) {
                    for e in inner.flatten() {
                        if e.path().join("tests/run-tests.py").is_file() {
                            found.push(e.path());
                        }
                    }
                }
            }
        }
        found.sort();
        match found.len() {
            0 => bail!(
                "no MicroPython source tree under {} (run `cargo xtask build-artifact`, or set {})",
                work_src.display(),
                Self::ENV
            ),
            1 => Tree::new(found.remove(0)),
            _ => {
                // Prefer the tree the artifact was built from.
                let newest = found
                    .iter()
                    .max_by_key(|d| {
                        std::fs::metadata(d)
                            .and_then(|m| m.modified())
                            .unwrap_or(std::time::UNIX_EPOCH)
                    })
                    .cloned()
                    .unwrap_or_else(|| found.remove(0));
                Tree::new(newest)
            }
        }
    }

    /// `<root>/tests`.
    pub fn tests_dir(&self) -> PathBuf {
        self.root.join("tests")
    }

    /// The `*.py` tests of `dirs`, sorted, whose path (`dir/name.py`)
    /// contains `filter`.
    pub fn discover(&self, dirs: &[&str], filter: Option<&str>) -> Result<Vec<TestCase>> {
        let mut tests = Vec::new();
        for dir in dirs {
            let path = self.tests_dir().join(dir);
            let entries = std::fs::read_dir(&path)
                .with_context(|| format!("cannot list {}", path.display()))?;
            for entry in entries {
                let p = entry?.path();
                let Some(file) = p.file_name().and_then(|f| f.to_str()) else {
                    continue;
                };
                let Some(name) = file.strip_suffix(".py") else {
                    continue;
                };
                let rel = format!("{dir}/{file}");
                if filter.is_some_and(|f| !rel.contains(f)) {
                    continue;
                }
                tests.push(TestCase {
                    rel,
                    dir: dir.to_string(),
                    name: name.to_string(),
                    path: p.clone(),
                });
            }
        }
        tests.sort_by(|a, b| a.rel.cmp(&b.rel));
        Ok(tests)
    }

    /// A script of `tests/feature_check/`.
    pub fn feature_check(&self, script: &str) -> TestCase {
        TestCase {
            rel: format!("feature_check/{script}"),
            dir: "feature_check".into(),
            name: script.trim_end_matches(".py").into(),
            path: self.tests_dir().join("feature_check").join(script),
        }
    }
}

/// One test script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestCase {
    /// `dir/name.py`, relative to `tests/`.
    pub rel: String,
    /// The test directory, e.g. `basics`.
    pub dir: String,
    /// The file name without `.py`.
    pub name: String,
    /// Absolute path.
    pub path: PathBuf,
}

/// Where a test ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    /// The unix port.
    Native,
    /// The mpwasm sandbox.
    Mpwasm,
}

impl Target {
    /// `"native"` or `"mpwasm"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Native => "native",
            Target::Mpwasm => "mpwasm",
        }
    }
}

/// What one run printed, in run-tests.py's form: stdout and stderr, then
/// `CRASH` or `TIMEOUT` when the run failed.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRun {
    pub output: Vec<u8>,
    pub crashed: bool,
    /// Why the run failed (exit status, error kind, exception type).
    pub error_kind: Option<String>,
    pub seconds: f64,
}

/// Something that runs a test.
pub trait Runner: Sync {
    /// Which target this is.
    fn target(&self) -> Target;
    /// Run `test`; `special` as run-tests.py's special tests (and feature
    /// checks) are run: a failure yields just `CRASH`.
    fn run(&self, tree: &Tree, test: &TestCase, special: bool) -> RawRun;
}

/// The verdict on one test on one target.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Pass,
    Fail {
        /// The first line that differs.
        first_diff: String,
        /// Why the run failed, if it did.
        error_kind: Option<String>,
    },
    Skip {
        reason: String,
    },
}

impl Outcome {
    /// `"pass"`, `"fail"` or `"skip"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail { .. } => "fail",
            Outcome::Skip { .. } => "skip",
        }
    }

    pub fn is_pass(&self) -> bool {
        matches!(self, Outcome::Pass)
    }
}

/// A test's verdict on one target, with what it printed.
#[derive(Debug, Clone)]
pub struct TargetResult {
    pub outcome: Outcome,
    pub seconds: f64,
    /// The output compared (after run-tests.py's processing), if it ran.
    pub output: Option<Vec<u8>>,
}

/// A test's verdicts.
#[derive(Debug, Clone)]
pub struct TestReport {
    pub test: TestCase,
    /// Where the expected output came from, if it was needed.
    pub expected_source: Option<Source>,
    pub results: BTreeMap<Target, TargetResult>,
}

impl TestReport {
    /// The verdict on `target`, if it ran there.
    pub fn outcome(&self, target: Target) -> Option<&Outcome> {
        self.results.get(&target).map(|r| &r.outcome)
    }
}

/// Feature-check results per target.
#[derive(Debug, Clone)]
pub struct TargetFeatures {
    pub target: Target,
    pub features: Features,
}

/// Run the feature checks on `runner`.
pub fn detect_features(tree: &Tree, runner: &dyn Runner) -> Features {
    let outputs: Vec<Vec<u8>> = FEATURE_CHECKS
        .iter()
        .map(|c| {
            let run = runner.run(tree, &tree.feature_check(c.script), true);
            expected::normalise_newlines(&run.output)
        })
        .collect();
    Features::from_outputs(&outputs)
}

/// CPython's byte order (run-tests.py compares it with the target's).
pub fn cpython_byteorder(tree: &Tree, cpython: Option<&CPython>) -> String {
    cpython
        .and_then(|c| c.run(&tree.feature_check("byteorder.py").path).ok())
        .map(|o| String::from_utf8_lossy(&o).into_owned())
        .unwrap_or_else(|| {
            if cfg!(target_endian = "little") {
                "little\n".into()
            } else {
                "big\n".into()
            }
        })
}

/// Settings of a suite run.
#[derive(Debug, Clone)]
pub struct SuiteOptions {
    /// Worker threads (tests run in parallel).
    pub threads: usize,
    /// Print a line per test as it finishes.
    pub progress: bool,
}

impl Default for SuiteOptions {
    fn default() -> Self {
        SuiteOptions {
            threads: 2,
            progress: false,
        }
    }
}

/// The result of [`run_suite`].
#[derive(Debug, Clone)]
pub struct SuiteResult {
    pub reports: Vec<TestReport>,
    pub features: Vec<TargetFeatures>,
    pub cpython_version: Option<String>,
}

/// Run `tests` on every runner and judge them.
pub fn run_suite(
    tree: &Tree,
    tests: &[TestCase],
    runners: &[&dyn Runner],
    cpython: Option<&CPython>,
    options: &SuiteOptions,
) -> Result<SuiteResult> {
    let byteorder = cpython_byteorder(tree, cpython);
    let features: Vec<TargetFeatures> = runners
        .iter()
        .map(|r| TargetFeatures {
            target: r.target(),
            features: detect_features(tree, *r),
        })
        .collect();

    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<Result<TestReport>>>> =
        tests.iter().map(|_| Mutex::new(None)).collect();
    let threads = options.threads.max(1).min(tests.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(test) = tests.get(i) else {
                        break;
                    };
                    let report = run_one(tree, test, runners, &features, &byteorder, cpython);
                    if options.progress {
                        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                        if let Ok(r) = &report {
                            let verdicts: Vec<String> = r
                                .results
                                .iter()
                                .map(|(t, res)| format!("{}={}", t.as_str(), res.outcome.as_str()))
                                .collect();
                            eprintln!("[{n}/{}] {} {}", tests.len(), test.rel, verdicts.join(" "));
                        }
                    }
                    if let Ok(mut slot) = slots[i].lock() {
                        *slot = Some(report);
                    }
                }
            });
        }
    });
    let mut reports = Vec::with_capacity(tests.len());
    for (slot, test) in slots.into_iter().zip(tests) {
        let report = slot
            .into_inner()
            .ok()
            .flatten()
            .with_context(|| format!("{} was not run", test.rel))??;
        reports.push(report);
    }
    Ok(SuiteResult {
        reports,
        features,
        cpython_version: cpython.map(|c| c.version().to_string()),
    })
}

fn run_one(
    tree: &Tree,
    test: &TestCase,
    runners: &[&dyn Runner],
    features: &[TargetFeatures],
    byteorder: &str,
    cpython: Option<&CPython>,
) -> Result<TestReport> {
    let special = rules::is_special(test);
    let mut expected: Option<(Vec<u8>, Source)> = None;
    let mut results = BTreeMap::new();
    for runner in runners {
        let target = runner.target();
        let feats = features
            .iter()
            .find(|f| f.target == target)
            .map(|f| &f.features);
        if let Some(reason) = feats.and_then(|f| rules::skip_reason(test, f, byteorder)) {
            results.insert(
                target,
                TargetResult {
                    outcome: Outcome::Skip { reason },
                    seconds: 0.0,
                    output: None,
                },
            );
            continue;
        }
        let raw = runner.run(tree, test, special);
        let (outcome, output) = judge(&raw, special, || {
            if expected.is_none() {
                expected = Some(expected::expected_output(test, cpython)?);
            }
            if target == Target::Mpwasm && known::cpython_runs(&test.rel) {
                // CPython's behaviour is the new truth (known.rs).
                let Some(cp) = cpython else {
                    bail!("{} is judged by CPython, which is not available", test.rel);
                };
                return Ok(expected::normalise_newlines(&cp.run(&test.path)?));
            }
            let exp = expected
                .as_ref()
                .map(|(e, _)| e.clone())
                .unwrap_or_default();
            // Where the sandbox prints CPython's text on purpose (known.rs).
            Ok(match (target, known::cpython_text(&test.rel, &exp)) {
                (Target::Mpwasm, Some(rewritten)) => rewritten,
                _ => exp,
            })
        })?;
        results.insert(
            target,
            TargetResult {
                outcome,
                seconds: raw.seconds,
                output: Some(output),
            },
        );
    }
    Ok(TestReport {
        test: test.clone(),
        expected_source: expected.map(|(_, s)| s),
        results,
    })
}

/// run-tests.py's verdict on one run; `expected` is called only when the
/// output has to be compared.
pub fn judge(
    raw: &RawRun,
    special: bool,
    expected: impl FnOnce() -> Result<Vec<u8>>,
) -> Result<(Outcome, Vec<u8>)> {
    let mut output = expected::normalise_newlines(&raw.output);
    let finished = !(raw.crashed || output == b"SKIP\n" || output == b"CRASH");
    let mut expected = Some(expected);
    let mut special_exp = None;
    if finished && special {
        if contains(&output, b"\nSKIP\n") {
            return Ok((
                Outcome::Skip {
                    reason: "the test printed SKIP".into(),
                },
                output,
            ));
        }
        // The regexes are matched against the expected output the comparison
        // uses below (with updated.rs's and known.rs's lines), not the raw
        // .exp: else a `########` skips past a line only the update has.
        let exp = match expected.take() {
            Some(get) => get()?,
            None => Vec::new(),
        };
        output = expected::apply_special_regexes(&exp, &output);
        special_exp = Some(exp);
    }
    if output == b"SKIP\n" {
        return Ok((
            Outcome::Skip {
                reason: "the test printed SKIP".into(),
            },
            output,
        ));
    }
    let lines: Vec<&[u8]> = output.split(|&b| b == b'\n').collect();
    let last_lines = &lines[lines.len().saturating_sub(4)..];
    if last_lines
        .iter()
        .any(|l| *l == b"ImportError: no module named 'unittest'")
    {
        return Ok((
            Outcome::Skip {
                reason: "needs unittest (micropython-lib is not in the Debian source tarball)"
                    .into(),
            },
            output,
        ));
    }
    if let Some(passed) = unittest_summary(&output) {
        let outcome = if passed {
            Outcome::Pass
        } else {
            Outcome::Fail {
                first_diff: "unittest reported failures".into(),
                error_kind: raw.error_kind.clone(),
            }
        };
        return Ok((outcome, output));
    }
    let exp = match (special_exp, expected.take()) {
        (Some(exp), _) => exp,
        (None, Some(get)) => get()?,
        (None, None) => Vec::new(),
    };
    if exp == output {
        Ok((Outcome::Pass, output))
    } else {
        Ok((
            Outcome::Fail {
                first_diff: expected::first_difference(&exp, &output),
                error_kind: raw.error_kind.clone(),
            },
            output,
        ))
    }
}

/// run-tests.py's unittest summary detection: `Some(ok)` if the output ends
/// with one.
fn unittest_summary(output: &[u8]) -> Option<bool> {
    let text = String::from_utf8_lossy(output);
    let lines: Vec<&str> = text.lines().collect();
    let n = lines.len();
    if n <= 4 || lines[n - 4] != "-".repeat(70) || !lines[n - 2].is_empty() {
        return None;
    }
    let ran = lines[n - 3]
        .strip_prefix("Ran ")
        .and_then(|r| r.strip_suffix(" tests"))
        .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
    if !ran {
        return None;
    }
    let last = lines[n - 1];
    if last == "OK" || (last.starts_with("OK (skipped=") && last.ends_with(')')) {
        Some(true)
    } else if last.starts_with("FAILED (failures=") {
        Some(false)
    } else {
        None
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
