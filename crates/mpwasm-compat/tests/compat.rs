//! MicroPython's own `tests/basics` and `tests/float` in the sandbox, judged
//! as `tests/run-tests.py` judges them (the `.exp` file, else CPython's
//! output). The number of passing tests may not drop below the floor in
//! `compat-floor.json`; raise the floor when it goes up, never lower it.
//!
//! Needs the artifact (`cargo xtask build-artifact`, which also extracts the
//! MicroPython tree under `.work/src/`; or set `MPWASM_MICROPYTHON_SRC`) and
//! CPython 3 as `python3` (or `MICROPY_CPYTHON3`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use mpwasm_compat::expected::CPython;
use mpwasm_compat::sandbox::SandboxRunner;
use mpwasm_compat::{Outcome, SuiteOptions, Target, Tree, known, run_suite};
use serde_json::Value;

const DIRS: [&str; 2] = ["basics", "float"];

/// The first measured count: the floor file may never go below it.
const FIRST_FLOOR: u64 = 590;

/// Write straight to stderr, past the test harness's output capture, so the
/// count is always shown.
fn say(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
    let _ = err.flush();
}

#[test]
fn sandbox_pass_count_does_not_drop_below_the_floor() {
    let started = Instant::now();
    let floor_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/compat-floor.json");
    let floor: Value = serde_json::from_str(
        &std::fs::read_to_string(&floor_path).expect("read tests/compat-floor.json"),
    )
    .expect("compat-floor.json is JSON");
    let floor_dirs: Vec<&str> = floor["dirs"]
        .as_array()
        .expect("compat-floor.json: dirs")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(
        floor_dirs, DIRS,
        "compat-floor.json counts other directories"
    );
    let floor_pass = floor["pass"].as_u64().expect("compat-floor.json: pass");
    assert!(
        floor_pass >= FIRST_FLOOR,
        "the floor only goes up: {floor_pass} < {FIRST_FLOOR}"
    );

    let tree = Tree::locate().expect("the MicroPython source tree (cargo xtask build-artifact)");
    let tests = tree.discover(&DIRS, None).expect("list the tests");
    // basics has 540 tests and float 64 in 1.25.0: anything far below means
    // a broken tree, never a pass.
    assert!(
        tests.len() >= 550,
        "only {} tests found under {}",
        tests.len(),
        tree.tests_dir().display()
    );
    let cpython = CPython::detect().expect("CPython 3 for tests without a .exp file");
    let sandbox = SandboxRunner::new(None, Duration::from_secs(30)).expect("the mpwasm runtime");
    let result = run_suite(
        &tree,
        &tests,
        &[&sandbox],
        Some(&cpython),
        &SuiteOptions::default(),
    )
    .expect("run the suite");

    let mut passed = 0u64;
    let mut skipped = 0u64;
    let mut failures = String::new();
    for r in &result.reports {
        match r.outcome(Target::Mpwasm) {
            Some(Outcome::Pass) => passed += 1,
            Some(Outcome::Skip { .. }) => skipped += 1,
            Some(Outcome::Fail {
                first_diff,
                error_kind,
            }) => {
                let class = known::classify(&r.test.rel)
                    .map(|k| format!(" [{}]", k.category.as_str()))
                    .unwrap_or_else(|| " [unclassified]".into());
                failures.push_str(&format!(
                    "  {}{class}: {first_diff}{}\n",
                    r.test.rel,
                    error_kind
                        .as_ref()
                        .map(|k| format!(" ({k})"))
                        .unwrap_or_default()
                ));
            }
            None => {}
        }
    }
    let failed = tests.len() as u64 - passed - skipped;
    say(&format!(
        "compat: {passed} of {} MicroPython tests ({}) pass in the sandbox, {failed} fail, \
         {skipped} skipped; floor {floor_pass}; {:.1} s ({})\n{failures}",
        tests.len(),
        DIRS.join("+"),
        started.elapsed().as_secs_f64(),
        cpython.version(),
    ));
    assert!(passed > 0, "no test passed");
    assert!(
        passed >= floor_pass,
        "{passed} tests pass, fewer than the floor {floor_pass} in {}:\n{failures}",
        floor_path.display()
    );
    if passed > floor_pass {
        say(&format!(
            "compat: {passed} > floor {floor_pass}: raise \"pass\" in {}\n",
            floor_path.display()
        ));
    }
}
