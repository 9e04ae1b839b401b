//! The CPython-compatibility corpus (`tests/cpython/`, docs/compat.md): every
//! program runs in a fresh sandbox and its stdout must be exactly what CPython
//! printed. The test fails when a program of `passing.txt` no longer passes
//! or an expectation is missing or stale; it prints the pass counts per area
//! and every failing program's first difference.
//!
//! The other tests check the machinery on small corpora of their own: bless
//! (needs CPython 3 as `python3`, or `MICROPY_CPYTHON3`) and the judge.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

use mpwasm_compat::Target;
use mpwasm_compat::corpus::bless::{BlessOptions, Rejection, bless};
use mpwasm_compat::corpus::run::{Mismatch, Sandbox, Verdict, evaluate};
use mpwasm_compat::corpus::{Corpus, Problem, report};
use mpwasm_compat::expected::CPython;

/// The corpus has at least this many programs (issue 16/17 ask for 150).
const MIN_PROGRAMS: usize = 170;

/// Write straight to stderr, past the test harness's output capture, so the
/// report is always shown.
fn say(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
    let _ = err.flush();
}

#[test]
fn corpus_programs_listed_as_passing_still_pass() {
    let corpus = Corpus::open(Corpus::default_root()).expect("tests/cpython/");
    let programs = corpus.programs(None).expect("list the programs");
    assert!(
        programs.len() >= MIN_PROGRAMS,
        "only {} programs in {}",
        programs.len(),
        corpus.programs_dir().display()
    );
    let sandbox = Sandbox::new(None).expect("the mpwasm runtime (cargo xtask build-artifact)");
    let started = Instant::now();
    let eval = evaluate(&corpus, &programs, true, &[&sandbox], 2).expect("run the corpus");
    say(&format!(
        "\nCPython corpus: {} programs in {:.1} s\n{}",
        programs.len(),
        started.elapsed().as_secs_f64(),
        report::full(&eval)
    ));
    let problems: Vec<String> = eval.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        problems.is_empty(),
        "expectation problems:\n{}",
        problems.join("\n")
    );
    assert!(
        eval.regressions.is_empty(),
        "programs of tests/cpython/passing.txt no longer pass: {}",
        eval.regressions.join(", ")
    );
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

/// A corpus in a temporary directory with the given programs.
fn temp_corpus(programs: &[(&str, &str)]) -> (tempfile::TempDir, Corpus) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("programs")).unwrap();
    for (name, code) in programs {
        write(&dir.path().join("programs"), &format!("{name}.py"), code);
    }
    let corpus = Corpus::open(dir.path()).unwrap();
    (dir, corpus)
}

#[test]
fn bless_keeps_only_deterministic_successful_programs() {
    let cpython = CPython::detect().expect("CPython 3 (python3 or MICROPY_CPYTHON3)");
    let (dir, corpus) = temp_corpus(&[
        ("core_dict", "print({'b': 1, 'a': 2})\n"),
        ("core_sorted_set", "print(sorted({'x', 'y', 'z'}))\n"),
        (
            "core_set_order",
            "print({'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'})\n",
        ),
        (
            "core_time_zone",
            "import time\nprint(time.localtime(0).tm_hour)\n",
        ),
        ("core_path", "print(__file__)\n"),
        (
            "core_stderr",
            "import sys\nprint('x')\nsys.stderr.write('warn\\n')\n",
        ),
        ("core_exit", "print('a')\nraise SystemExit(3)\n"),
        ("core_raises", "print(1 / 0)\n"),
        ("core_silent", "x = 1\n"),
        (
            "std_writes",
            "open('out.txt', 'w').write('x')\nprint('done')\n",
        ),
    ]);
    let programs = corpus.programs(None).unwrap();
    let report = bless(&corpus, &cpython, &programs, true, &BlessOptions::default()).unwrap();
    assert_eq!(report.changed, ["core_dict", "core_sorted_set"]);
    assert_eq!(
        std::fs::read_to_string(corpus.expected_path("core_dict")).unwrap(),
        "{'b': 1, 'a': 2}\n"
    );
    let rejected: Vec<(&str, &Rejection)> = report
        .rejected
        .iter()
        .map(|(n, r)| (n.as_str(), r))
        .collect();
    let names: Vec<&str> = rejected.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        names,
        [
            "core_exit",
            "core_path",
            "core_raises",
            "core_set_order",
            "core_silent",
            "core_stderr",
            "core_time_zone",
            "std_writes"
        ]
    );
    for (name, why) in &rejected {
        let expected_kind = match *name {
            "core_exit" => matches!(why, Rejection::Failed { code: Some(3), .. }),
            "core_raises" => matches!(why, Rejection::Failed { last_line, .. }
                if last_line == "ZeroDivisionError: division by zero"),
            "core_path" | "core_set_order" => {
                matches!(why, Rejection::NotDeterministic { line: 1, .. })
            }
            "core_time_zone" => matches!(why, Rejection::NotDeterministic { first, second, .. }
                if first == "0\n" && second == "5\n"),
            "core_silent" => matches!(why, Rejection::NoOutput),
            "core_stderr" => {
                matches!(why, Rejection::Stderr { first_line, .. } if first_line == "warn")
            }
            "std_writes" => matches!(why, Rejection::WroteFiles(f) if f == &["out.txt"]),
            _ => false,
        };
        assert!(expected_kind, "{name} rejected for the wrong reason: {why}");
    }

    // The blessed programs are in order, the rejected ones have nothing.
    let problems = corpus.check(&programs, true).unwrap();
    let missing: Vec<&Problem> = problems
        .iter()
        .filter(|p| matches!(p, Problem::Missing(_)))
        .collect();
    assert_eq!(missing.len(), 8, "{problems:?}");
    assert_eq!(missing.len(), problems.len(), "{problems:?}");

    // Editing a program makes its expectation stale; editing an expected
    // file by hand is caught; stray files are orphans.
    let programs_dir = dir.path().join("programs");
    write(&programs_dir, "core_dict.py", "print({'b': 1, 'a': 3})\n");
    write(
        &dir.path().join("expected"),
        "core_sorted_set.out",
        "['x', 'y']\n",
    );
    write(&dir.path().join("expected"), "core_gone.out", "old\n");
    write(dir.path(), "passing.txt", "core_dict\ncore_nonexistent\n");
    let problems = corpus
        .check(&corpus.programs(Some("core_d")).unwrap(), false)
        .unwrap();
    assert_eq!(problems, [Problem::Stale("core_dict".into())]);
    let problems = corpus.check(&corpus.programs(None).unwrap(), true).unwrap();
    for p in [
        Problem::Stale("core_dict".into()),
        Problem::Edited("core_sorted_set".into()),
        Problem::Orphan("core_gone".into()),
        Problem::UnknownPassing("core_nonexistent".into()),
    ] {
        assert!(problems.contains(&p), "{p:?} not in {problems:?}");
    }

    // Blessing again (the whole corpus) fixes the first three.
    let report = bless(
        &corpus,
        &cpython,
        &corpus.programs(Some("core_d")).unwrap(),
        false,
        &BlessOptions::default(),
    )
    .unwrap();
    assert_eq!(report.changed, ["core_dict"]);
    assert!(report.dropped.is_empty(), "a partial bless drops nothing");
    let all = corpus.programs(None).unwrap();
    let report = bless(&corpus, &cpython, &all, true, &BlessOptions::default()).unwrap();
    assert_eq!(report.changed, ["core_sorted_set"]);
    assert_eq!(report.unchanged, ["core_dict"]);
    assert_eq!(report.dropped, ["core_gone"]);
    assert!(!corpus.expected_path("core_gone").exists());
    let left: BTreeSet<String> = corpus
        .check(&all, true)
        .unwrap()
        .into_iter()
        .filter(|p| !matches!(p, Problem::Missing(_)))
        .map(|p| p.to_string())
        .collect();
    assert_eq!(
        left.into_iter().collect::<Vec<_>>(),
        ["core_nonexistent: listed in passing.txt but there is no such program"]
    );
}

#[test]
fn the_judge_reports_differences_exceptions_and_regressions() {
    let cpython = CPython::detect().expect("CPython 3 (python3 or MICROPY_CPYTHON3)");
    let (dir, corpus) = temp_corpus(&[
        ("core_hello", "print('hello')\nprint(6 * 7)\n"),
        // What the guest says about itself always differs from CPython.
        (
            "core_implementation",
            "import sys\nprint('ok')\nprint(sys.implementation.name)\n",
        ),
        // ctypes exists in CPython, never in the sandbox.
        (
            "std_ctypes",
            "import ctypes\nprint(ctypes.sizeof(ctypes.c_int))\n",
        ),
        ("std_stale", "print('blessed')\n"),
    ]);
    let programs = corpus.programs(None).unwrap();
    let blessed = bless(&corpus, &cpython, &programs, true, &BlessOptions::default()).unwrap();
    assert!(blessed.rejected.is_empty(), "{:?}", blessed.rejected);
    write(
        dir.path(),
        "passing.txt",
        "core_hello\ncore_implementation\nstd_stale\n",
    );
    write(
        &dir.path().join("programs"),
        "std_stale.py",
        "print('changed')\n",
    );

    let sandbox = Sandbox::new(None).expect("the mpwasm runtime (cargo xtask build-artifact)");
    let eval = evaluate(&corpus, &programs, true, &[&sandbox], 2).unwrap();
    assert_eq!(eval.problems, [Problem::Stale("std_stale".into())]);
    let verdicts: Vec<(&str, &Verdict)> = eval
        .results
        .iter()
        .map(|r| (r.program.name.as_str(), r.verdict(Target::Mpwasm).unwrap()))
        .collect();
    assert_eq!(
        verdicts,
        [
            ("core_hello", &Verdict::Pass),
            (
                "core_implementation",
                &Verdict::Fail(Mismatch::Differs {
                    line: 2,
                    expected: Some("cpython\n".into()),
                    got: Some("micropython\n".into()),
                })
            ),
            (
                "std_ctypes",
                &Verdict::Fail(Mismatch::Raised(
                    "ImportError: no module named 'ctypes'".into()
                ))
            ),
        ]
    );
    // A listed program that fails or cannot run is a regression.
    assert_eq!(eval.regressions, ["core_implementation", "std_stale"]);
    assert!(eval.newly_passing.is_empty());
    assert!(!eval.ok());
    let text = report::full(&eval);
    for needle in [
        "| core | 2 | 1 (50 %) |",
        "| std | 1 | 0 (0 %) |",
        "| total | 3 | 1 (33 %) |",
        "core_implementation  line 2: expected \"cpython\", got \"micropython\"",
        "std_ctypes           raised ImportError: no module named 'ctypes'",
        "std_stale: the program changed since its output was blessed",
        "REGRESSIONS: 2 programs of passing.txt do not pass: core_implementation, std_stale",
        "   1  missing module ctypes",
    ] {
        assert!(
            text.contains(needle),
            "{needle:?} not in the report:\n{text}"
        );
    }
    let shown = report::show(&eval.results[1]);
    assert!(
        shown.contains("-cpython\n+micropython\n"),
        "no diff in:\n{shown}"
    );
}
